//! The averaged perceptron both models of the backbone learn with
//! (Collins 2002; Freund and Schapire's averaging), over hashed sparse
//! features: each feature is a 64-bit hash of its template and values,
//! and keeps weights only for the classes it was ever updated for.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature keys are hashes already: the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Mix two values into a feature key.
#[inline]
#[must_use]
pub fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (b >> 29)
}

/// A stable 64-bit hash of a string (FNV-1a, then mixed).
#[inline]
#[must_use]
pub fn hash_str(s: &str) -> u64 {
    mix(crate::hash::fnv64(s), 0x5bd1_e995)
}

/// An open-addressing table from feature keys (hashes already) to their
/// votes, built in one pass when a model loads and probed without hashing.
/// A slot is 8 bytes: the key's upper 32 bits as a fingerprint (0 marks an
/// empty slot) and the votes' start (24 bits) and count (8 bits), so the
/// table of a million features is 8 MB and most probes hit one cache line.
#[derive(Debug, Default, Clone, PartialEq)]
struct Table {
    slots: Vec<(u32, u32)>,
    len: usize,
}

/// The most votes a table addresses (24 bits of start).
const MAX_VOTES: usize = 1 << 24;

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (n + n / 2).next_power_of_two().max(16);
        Table { slots: vec![(0, 0); size], len: 0 }
    }

    #[inline]
    // the upper 32 bits as a fingerprint, on purpose
    #[allow(clippy::cast_possible_truncation)]
    fn split(key: u64) -> (usize, u32) {
        let fp = (key >> 32) as u32;
        (key as usize, if fp == 0 { 1 } else { fp })
    }

    fn insert(&mut self, key: u64, start: u32, len: u16) {
        // tables are made at their final size (`with_capacity`), so there
        // is always an empty slot
        assert!(self.len < self.slots.len(), "a feature table over its capacity");
        let (h, fp) = Table::split(key);
        let mask = self.slots.len() - 1;
        let mut i = h & mask;
        let packed = (start << 8) | u32::from(len.min(255));
        loop {
            if self.slots[i].0 == 0 || self.slots[i].0 == fp {
                if self.slots[i].0 == 0 {
                    self.len += 1;
                }
                self.slots[i] = (fp, packed);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<(u32, u16)> {
        if self.slots.is_empty() {
            return None;
        }
        let (h, fp) = Table::split(key);
        let mask = self.slots.len() - 1;
        let mut i = h & mask;
        loop {
            let (k, packed) = self.slots[i];
            if k == fp {
                return Some((packed >> 8, (packed & 0xff) as u16));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Trained weights: for each feature, the classes it votes for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Weights {
    /// Number of classes.
    pub classes: usize,
    index: Table,
    /// Votes: class and weight in units of `scale`.
    entries: Vec<(u16, i16)>,
    scale: f32,
    /// Keys in insertion (sorted) order, for writing the model again.
    keys: Vec<u64>,
}

impl Weights {
    /// Add the votes of `features` to `scores` (one per class, zeroed here).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        if self.index.slots.is_empty() {
            return;
        }
        // The table is larger than the caches, so each probe is a miss:
        // load every feature's first slot in one pass of independent loads
        // (the processor overlaps their misses), then resolve them.
        let mask = self.index.slots.len() - 1;
        let mut first = [(0u32, 0u32); 160];
        for chunk in features.chunks(first.len()) {
            for (slot, &f) in first.iter_mut().zip(chunk) {
                let (h, _) = Table::split(f);
                *slot = self.index.slots[h & mask];
            }
            let mut found = [(0u32, 0u16); 160];
            let mut n = 0;
            for (&(k, packed), &f) in first.iter().zip(chunk) {
                let (_, fp) = Table::split(f);
                let hit = if k == fp {
                    Some((packed >> 8, (packed & 0xff) as u16))
                } else if k == 0 {
                    None
                } else {
                    self.index.get(f)
                };
                if let Some(v) = hit {
                    found[n] = v;
                    n += 1;
                }
            }
            for &(start, len) in &found[..n] {
                let start = start as usize;
                for &(c, w) in &self.entries[start..start + usize::from(len)] {
                    scores[usize::from(c)] += f32::from(w);
                }
            }
        }
        for s in scores.iter_mut() {
            *s *= self.scale;
        }
    }

    /// The number of features kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The number of (feature, class) votes kept.
    #[must_use]
    pub fn votes(&self) -> usize {
        self.entries.len()
    }

    /// Whether no feature is kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Serialize: classes and scale, then features in key order (so the
    /// bytes are the same for the same weights), each with its (class,
    /// weight) votes, weights as 16-bit fixed point of the scale.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&u32::try_from(self.classes).unwrap_or(0).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&u32::try_from(self.keys.len()).unwrap_or(0).to_le_bytes());
        for &k in &self.keys {
            let (start, len) = self.index.get(k).expect("every key is in the table");
            out.extend_from_slice(&k.to_le_bytes());
            out.push(u8::try_from(len).unwrap_or(u8::MAX));
            for &(c, w) in &self.entries[start as usize..start as usize + usize::from(len)] {
                out.extend_from_slice(&c.to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Read what [`Weights::write`] wrote, advancing `at`.
    ///
    /// # Errors
    /// When the bytes end early or hold more votes than a table addresses.
    pub fn read(bytes: &[u8], at: &mut usize) -> Result<Weights, crate::error::ModelError> {
        let classes = read_u32(bytes, at)? as usize;
        let scale = f32::from_le_bytes(take(bytes, at, 4)?.try_into().map_err(|_| "short")?);
        let n = read_u32(bytes, at)? as usize;
        let mut index = Table::with_capacity(n);
        let mut entries = Vec::with_capacity(n * 2);
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            let key = u64::from_le_bytes(take(bytes, at, 8)?.try_into().map_err(|_| "short")?);
            let len = take(bytes, at, 1)?[0];
            let start = u32::try_from(entries.len()).map_err(|_| "too many weights")?;
            let raw = take(bytes, at, 4 * usize::from(len))?;
            for e in raw.chunks_exact(4) {
                let c = u16::from_le_bytes([e[0], e[1]]);
                if usize::from(c) >= classes {
                    return Err(format!("a weight for class {c} of {classes}").into());
                }
                entries.push((c, i16::from_le_bytes([e[2], e[3]])));
            }
            if entries.len() > MAX_VOTES {
                return Err(format!("more than {MAX_VOTES} votes in one model").into());
            }
            index.insert(key, start, u16::from(len));
            keys.push(key);
        }
        Ok(Weights { classes, index, entries, scale, keys })
    }
}

fn take<'a>(
    bytes: &'a [u8],
    at: &mut usize,
    n: usize,
) -> Result<&'a [u8], crate::error::ModelError> {
    let s = bytes.get(*at..*at + n).ok_or_else(|| {
        crate::error::ModelError(format!("the model ends at byte {} of {}", *at, bytes.len()))
    })?;
    *at += n;
    Ok(s)
}

/// A little-endian u32 at `at`.
///
/// # Errors
/// When the bytes end early.
pub fn read_u32(bytes: &[u8], at: &mut usize) -> Result<u32, crate::error::ModelError> {
    Ok(u32::from_le_bytes(take(bytes, at, 4)?.try_into().map_err(|_| "short")?))
}

/// Bytes of a length-prefixed string at `at`.
///
/// # Errors
/// When the bytes end early or are not UTF-8.
pub fn read_str(bytes: &[u8], at: &mut usize) -> Result<String, crate::error::ModelError> {
    let n = read_u32(bytes, at)? as usize;
    String::from_utf8(take(bytes, at, n)?.to_vec()).map_err(|_| "a string that is not UTF-8".into())
}

/// Write a length-prefixed string.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&u32::try_from(s.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Training state of an averaged perceptron.
pub struct Trainer {
    classes: usize,
    map: KeyMap<Vec<Entry>>,
    step: u32,
}

impl Trainer {
    /// A perceptron over `classes` classes.
    #[must_use]
    pub fn new(classes: usize) -> Trainer {
        Trainer { classes, map: KeyMap::default(), step: 0 }
    }

    /// Scores of the current (not averaged) weights.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in features {
            if let Some(es) = self.map.get(f) {
                for e in es {
                    scores[usize::from(e.class)] += e.w;
                }
            }
        }
    }

    /// One training example seen (for the averaging).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Move weights toward `truth` and away from `guess`.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &f in features {
            let es = self.map.entry(f).or_default();
            for (class, delta) in [(truth, 1.0_f32), (guess, -1.0_f32)] {
                // class ids are below the model's class count (a few dozen)
                #[allow(clippy::cast_possible_truncation)]
                let class = class as u16;
                match es.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.total += f64::from(step - e.stamp) * f64::from(e.w);
                        e.stamp = step;
                        e.w += delta;
                    }
                    None => es.push(Entry { class, w: delta, total: 0.0, stamp: step }),
                }
            }
        }
    }

    /// The averaged weights, votes smaller than `prune` left out.
    #[must_use]
    pub fn finish(self, prune: f32) -> Weights {
        let step = f64::from(self.step.max(1));
        let mut keys: Vec<u64> = self.map.keys().copied().collect();
        keys.sort_unstable();
        // averaged votes over the threshold, then one scale for all
        let mut kept: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
        for k in keys {
            let votes: Vec<(u16, f32)> = self.map[&k]
                .iter()
                .filter_map(|e| {
                    let total = e.total + f64::from(self.step - e.stamp) * f64::from(e.w);
                    // an averaged weight: f32 is the stored precision
                    #[allow(clippy::cast_possible_truncation)]
                    let avg = (total / step) as f32;
                    (avg.abs() >= prune).then_some((e.class, avg))
                })
                .take(255)
                .collect();
            if !votes.is_empty() {
                kept.push((k, votes));
            }
        }
        let max = kept
            .iter()
            .flat_map(|k| k.1.iter().map(|v| v.1.abs()))
            .fold(0.0_f32, f32::max)
            .max(1e-6);
        let scale = max / 32767.0;
        let mut w = Weights {
            classes: self.classes,
            index: Table::with_capacity(kept.len()),
            entries: Vec::new(),
            scale,
            keys: Vec::with_capacity(kept.len()),
        };
        for (k, votes) in kept {
            let start = u32::try_from(w.entries.len()).unwrap_or(u32::MAX);
            // class ids are below the model's class count (a few dozen)
            #[allow(clippy::cast_possible_truncation)]
            w.entries.extend(
                votes
                    .iter()
                    .map(|&(c, v)| (c, (v / scale).round().clamp(-32767.0, 32767.0) as i16)),
            );
            w.index.insert(k, start, u16::try_from(votes.len()).unwrap_or(255));
            w.keys.push(k);
        }
        w
    }
}

/// The next number of a seeded xorshift generator: training is the same
/// for the same seed everywhere.
#[inline]
pub fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Shuffle `order` (Fisher-Yates) with [`xorshift`].
pub fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        // an index below i + 1, so within usize
        #[allow(clippy::cast_possible_truncation)]
        order.swap(i, (xorshift(state) % (i as u64 + 1)) as usize);
    }
}

/// The index of the highest score (the first on ties).
#[inline]
#[must_use]
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}
