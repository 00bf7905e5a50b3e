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

/// One slot of a [`Table`]: 16 bytes, four to a cache line. `fp` is the
/// key's upper 32 bits (0 marks an empty slot). Up to four votes sit in the
/// slot itself, class in `class` (`NO_CLASS` after the last) and weight in
/// `w`; a feature with more votes, or with a class over 253, keeps them in
/// the table's overflow list: `class[0]` is `OVERFLOW` and `w` holds their
/// start (two halves) and count.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(16))]
struct Slot {
    fp: u32,
    class: [u8; INLINE],
    w: [i16; INLINE],
}

/// Votes held in a slot.
const INLINE: usize = 4;
/// Marks the end of a slot's votes.
const NO_CLASS: u8 = 0xff;
/// Marks a slot whose votes are in the overflow list.
const OVERFLOW: u8 = 0xfe;
/// Marks an overflowing slot without a dense row.
const NO_ROW: u16 = u16::MAX;

impl Slot {
    const EMPTY: Slot = Slot { fp: 0, class: [NO_CLASS; INLINE], w: [0; INLINE] };
}

/// Four slots: one cache line.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(64))]
struct Bucket([Slot; 4]);

/// An open-addressing table from feature keys (hashes already) to their
/// votes, built in one pass when a model loads and probed without hashing.
/// A key's place is a bucket of four slots (one cache line), then the next
/// bucket if that one is full, and most features' votes are in their slot:
/// the tables are larger than the caches, so a probe is one memory access
/// where it was two or three dependent ones (the slot, its neighbours, a
/// list of votes elsewhere), which is what scoring waited on.
#[derive(Debug, Default, Clone, PartialEq)]
struct Table {
    buckets: Vec<Bucket>,
    /// Votes of the features with more than fit in a slot.
    overflow: Vec<(u16, i16)>,
    /// The classes a dense row holds.
    classes: usize,
    /// Rows of `classes` weights, for features that vote for many classes
    /// (the frequent ones: a suffix, a shape, a tag): one vector add where
    /// the list of votes is a scalar loop.
    dense: Vec<i16>,
    /// Features and votes held.
    len: usize,
    votes: usize,
}

impl Table {
    fn with_capacity(n: usize, classes: usize) -> Table {
        let size = (n + n / 2).next_power_of_two().max(16) / 4;
        Table { buckets: vec![Bucket([Slot::EMPTY; 4]); size], classes, ..Table::default() }
    }

    #[inline]
    // the lower bits index the table and the upper 32 bits are the
    // fingerprint, on purpose
    #[allow(clippy::cast_possible_truncation)]
    fn split(key: u64) -> (usize, u32) {
        let fp = (key >> 32) as u32;
        (key as usize, if fp == 0 { 1 } else { fp })
    }

    /// Store `votes` (at most 255) for `key`, replacing any it had.
    fn insert(&mut self, key: u64, votes: &[(u16, i16)]) -> Result<(), crate::error::ModelError> {
        // tables are made at their final size (`with_capacity`), so there
        // is always an empty slot
        assert!(self.len < 4 * self.buckets.len(), "a feature table over its capacity");
        let (h, fp) = Table::split(key);
        let mut slot = Slot { fp, ..Slot::EMPTY };
        let small = votes.iter().all(|&(c, _)| c < u16::from(OVERFLOW));
        if votes.len() <= INLINE && small {
            for (k, &(c, w)) in votes.iter().enumerate() {
                slot.class[k] = u8::try_from(c).unwrap_or(NO_CLASS);
                slot.w[k] = w;
            }
        } else {
            // the list's start is stored in 32 bits
            let start = u32::try_from(self.overflow.len())
                .map_err(|_| "more votes than a table addresses in one model")?;
            self.overflow.extend_from_slice(votes);
            slot.class[0] = OVERFLOW;
            // a dense row, when the votes fill an eighth of one and the rows
            // stay addressable; `NO_ROW` otherwise
            let row = self.dense.len() / self.classes.max(1);
            let mut dense_row = NO_ROW;
            if votes.len() * 8 >= self.classes && row < usize::from(NO_ROW) {
                let at = self.dense.len();
                self.dense.resize(at + self.classes, 0);
                for &(c, w) in votes {
                    let d = &mut self.dense[at + usize::from(c)];
                    *d = d.saturating_add(w);
                }
                dense_row = u16::try_from(row).unwrap_or(NO_ROW);
            }
            // the halves of the start and the count, as stored bits
            #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
            {
                slot.w[0] = (start & 0xffff) as u16 as i16;
                slot.w[1] = (start >> 16) as u16 as i16;
                slot.w[2] = u16::try_from(votes.len()).unwrap_or(u16::MAX) as i16;
                slot.w[3] = dense_row as i16;
            }
        }
        let mask = self.buckets.len() - 1;
        let mut i = h & mask;
        loop {
            let bucket = &mut self.buckets[i].0;
            if let Some(s) = bucket.iter_mut().find(|s| s.fp == 0 || s.fp == fp) {
                if s.fp == 0 {
                    self.len += 1;
                }
                *s = slot;
                self.votes += votes.len();
                return Ok(());
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&Slot> {
        if self.buckets.is_empty() {
            return None;
        }
        let (h, fp) = Table::split(key);
        self.find(h & (self.buckets.len() - 1), fp)
    }

    /// The slot of fingerprint `fp` from bucket `i` on.
    #[inline]
    fn find(&self, mut i: usize, fp: u32) -> Option<&Slot> {
        let mask = self.buckets.len() - 1;
        loop {
            for slot in &self.buckets[i].0 {
                if slot.fp == fp {
                    return Some(slot);
                }
                if slot.fp == 0 {
                    return None;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Add the votes of a slot to `scores`.
    #[inline]
    fn add(&self, slot: &Slot, scores: &mut [f32]) {
        // the bits stored by `insert`
        #[allow(clippy::cast_sign_loss)]
        let row = slot.w[3] as u16;
        if slot.class[0] == OVERFLOW && row != NO_ROW {
            let at = usize::from(row) * self.classes;
            for (s, &w) in scores.iter_mut().zip(&self.dense[at..at + self.classes]) {
                *s += f32::from(w);
            }
        } else {
            self.each_vote(slot, |c, w| scores[c] += f32::from(w));
        }
    }

    /// Call `f` with each (class, weight) vote of a slot.
    #[inline]
    fn each_vote(&self, slot: &Slot, mut f: impl FnMut(usize, i16)) {
        if slot.class[0] == OVERFLOW {
            // the bits stored by `insert`
            #[allow(clippy::cast_sign_loss)]
            let (start, len) = (
                usize::from(slot.w[0] as u16) | usize::from(slot.w[1] as u16) << 16,
                usize::from(slot.w[2] as u16),
            );
            for &(c, w) in &self.overflow[start..start + len] {
                f(usize::from(c), w);
            }
        } else {
            for (&c, &w) in slot.class.iter().zip(&slot.w) {
                if c == NO_CLASS {
                    break;
                }
                f(usize::from(c), w);
            }
        }
    }
}

/// Trained weights: for each feature, the classes it votes for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Weights {
    /// Number of classes.
    pub classes: usize,
    /// Votes: class and weight in units of `scale`.
    index: Table,
    scale: f32,
    /// Keys in insertion (sorted) order, for writing the model again.
    keys: Vec<u64>,
}

impl Weights {
    /// Add the votes of `features` to `scores` (one per class, zeroed here).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        let buckets = &self.index.buckets;
        if buckets.is_empty() {
            return;
        }
        // The table is larger than the caches, so each probe is a miss:
        // touch every feature's bucket in one pass of independent loads
        // (the processor overlaps their misses), then read them.
        let mask = buckets.len() - 1;
        let mut first = [0u32; 128];
        for chunk in features.chunks(first.len()) {
            for (fp, &f) in first.iter_mut().zip(chunk) {
                let (h, _) = Table::split(f);
                *fp = buckets[h & mask].0[0].fp;
            }
            for (&seen, &f) in first.iter().zip(chunk) {
                let (h, fp) = Table::split(f);
                let hit = if seen == 0 { None } else { self.index.find(h & mask, fp) };
                if let Some(slot) = hit {
                    // sums of 16-bit integers are exact in f32 for any
                    // number of features a model has (under 2^24 / 2^15)
                    self.index.add(slot, scores);
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
        self.index.votes
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
        let mut votes = Vec::new();
        for &k in &self.keys {
            let slot = self.index.get(k).expect("every key is in the table");
            votes.clear();
            self.index.each_vote(slot, |c, w| votes.push((c, w)));
            out.extend_from_slice(&k.to_le_bytes());
            out.push(u8::try_from(votes.len()).unwrap_or(u8::MAX));
            for &(c, w) in &votes {
                out.extend_from_slice(&u16::try_from(c).unwrap_or(u16::MAX).to_le_bytes());
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
        // a count the bytes cannot hold is an error, not an allocation
        if n > bytes.len().saturating_sub(*at) / 9 {
            return Err(format!("{n} features in a model of {} bytes", bytes.len()).into());
        }
        let mut index = Table::with_capacity(n, classes);
        let mut keys = Vec::with_capacity(n);
        let mut votes = Vec::new();
        for _ in 0..n {
            let key = u64::from_le_bytes(take(bytes, at, 8)?.try_into().map_err(|_| "short")?);
            let len = take(bytes, at, 1)?[0];
            let raw = take(bytes, at, 4 * usize::from(len))?;
            votes.clear();
            for e in raw.chunks_exact(4) {
                let c = u16::from_le_bytes([e[0], e[1]]);
                if usize::from(c) >= classes {
                    return Err(format!("a weight for class {c} of {classes}").into());
                }
                votes.push((c, i16::from_le_bytes([e[2], e[3]])));
            }
            index.insert(key, &votes)?;
            keys.push(key);
        }
        Ok(Weights { classes, index, scale, keys })
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
            index: Table::with_capacity(kept.len(), self.classes),
            scale,
            keys: Vec::with_capacity(kept.len()),
        };
        let mut quantized = Vec::new();
        for (k, votes) in kept {
            // class ids are below the model's class count (a few dozen)
            #[allow(clippy::cast_possible_truncation)]
            quantized.extend(
                votes
                    .iter()
                    .map(|&(c, v)| (c, (v / scale).round().clamp(-32767.0, 32767.0) as i16)),
            );
            w.index.insert(k, &quantized).expect("a trained model fits its table");
            quantized.clear();
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

#[cfg(test)]
// scores are sums of integers, exact in f32: compared exactly on purpose
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    /// Weights over `classes` classes with the given features' votes, as a
    /// model file would hold them.
    fn weights(classes: usize, features: &[(u64, Vec<(u16, i16)>)]) -> Weights {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&u32::try_from(classes).unwrap().to_le_bytes());
        bytes.extend_from_slice(&1.0_f32.to_le_bytes());
        bytes.extend_from_slice(&u32::try_from(features.len()).unwrap().to_le_bytes());
        for (k, votes) in features {
            bytes.extend_from_slice(&k.to_le_bytes());
            bytes.push(u8::try_from(votes.len()).unwrap());
            for (c, w) in votes {
                bytes.extend_from_slice(&c.to_le_bytes());
                bytes.extend_from_slice(&w.to_le_bytes());
            }
        }
        let w = Weights::read(&bytes, &mut 0).expect("weights");
        let mut again = Vec::new();
        w.write(&mut again);
        assert_eq!(again, bytes, "written back as read");
        w
    }

    quickcheck::quickcheck! {
        // Whatever the layout keeps a feature's votes in (its slot, the
        // overflow list, a dense row), scores are the plain sums.
        fn scores_are_the_sums_of_the_votes(seed: u64, classes: u16, n: u8, probes: Vec<u64>) -> bool {
            let classes = usize::from(classes % 300) + 1;
            let mut rng = seed | 1;
            let mut features: Vec<(u64, Vec<(u16, i16)>)> = Vec::new();
            for _ in 0..n {
                let key = mix(xorshift(&mut rng), 1);
                let many = [1, 3, 4, 5, 9, classes][usize::try_from(xorshift(&mut rng) % 6).unwrap()];
                let mut votes: Vec<(u16, i16)> = Vec::new();
                for _ in 0..many.min(classes).min(255) {
                    let c = u16::try_from(xorshift(&mut rng) % classes as u64).unwrap();
                    if votes.iter().all(|v| v.0 != c) {
                        #[allow(clippy::cast_possible_truncation)]
                        votes.push((c, (xorshift(&mut rng) % 65535) as i16));
                    }
                }
                if features.iter().all(|f| f.0 != key) {
                    features.push((key, votes));
                }
            }
            features.sort_by_key(|f| f.0);
            let w = weights(classes, &features);
            // every feature, and keys the model lacks, in one call (the
            // table tells keys apart by bucket and upper 32 bits: keys
            // are hashes, and a key sharing both with a feature is one)
            let fp = |k: u64| (k >> 32).max(1);
            let probes = probes.into_iter().filter(|&p| features.iter().all(|f| fp(f.0) != fp(p)));
            let keys: Vec<u64> = features.iter().map(|f| f.0).chain(probes).collect();
            let mut scores = vec![0.0; classes];
            w.score(&keys, &mut scores);
            let mut expected = vec![0.0_f32; classes];
            for k in &keys {
                if let Some((_, votes)) = features.iter().find(|f| f.0 == *k) {
                    for &(c, v) in votes {
                        expected[usize::from(c)] += f32::from(v);
                    }
                }
            }
            scores == expected
        }
    }

    #[test]
    fn a_full_bucket_spills_into_the_next() {
        // five keys with the same lower bits: one bucket holds four
        let features: Vec<(u64, Vec<(u16, i16)>)> =
            (1..=5).map(|i| ((i << 40) | 3, vec![(0, i16::try_from(i).unwrap())])).collect();
        let w = weights(2, &features);
        for (k, votes) in &features {
            let mut s = [0.0; 2];
            w.score(&[*k], &mut s);
            assert_eq!(s[0], f32::from(votes[0].1));
        }
        let mut s = [0.0; 2];
        w.score(&[(9 << 40) | 3], &mut s);
        assert_eq!(s, [0.0, 0.0], "a key the table lacks");
    }
}
