//! Word clusters learned from unlabeled text: words that stand between
//! the same neighbours fall into one cluster ("Tuesday" with "Friday",
//! "Almaty" with "Moscow", "stormed" with "seized"), so the tagger and the
//! parser can generalize from a word the treebank has to one it never saw
//! but the news has.
//!
//! Each word seen often enough is a vector of its left and right
//! neighbours (the most frequent words, square roots of the counts, unit
//! length); spherical k-means (seeded k-means++ start, a fixed number of
//! rounds) gives the fine clusters, k-means over their centres the middle
//! ones, and k-means over those the coarse ones: a three-level hierarchy
//! in the spirit of Brown clusters' path prefixes.
//! Words are keyed by the hash of their normalized form
//! ([`super::tagger::normalize`]), so the table holds no text.

use rayon::prelude::*;

use super::perceptron::{xorshift, KeyMap};

/// How the clusters are learned.
#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    /// Fine, middle and coarse clusters (each level groups the one
    /// before; at most 4,095, 1,023 and 1,023).
    pub levels: [usize; 3],
    /// Words seen fewer times are left out.
    pub min_count: u32,
    /// The most frequent words whose places as neighbours make the vectors.
    pub contexts: usize,
    /// Rounds of k-means.
    pub rounds: usize,
    /// Seed of the k-means++ start.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            levels: [1024, 256, 32],
            min_count: 5,
            contexts: 800,
            rounds: 12,
            seed: 2026,
        }
    }
}

/// A word's fine cluster in the low 12 bits, its middle one in the next
/// 10 and its coarse one in the top 10.
#[must_use]
pub fn pack(levels: [usize; 3]) -> u32 {
    u32::try_from((levels[2] & 0x3ff) << 22 | (levels[1] & 0x3ff) << 12 | (levels[0] & 0xfff))
        .unwrap_or(u32::MAX)
}

/// The levels [`pack`] packed: fine, middle, coarse.
#[must_use]
pub fn unpack(c: u32) -> [u32; 3] {
    [c & 0xfff, (c >> 12) & 0x3ff, c >> 22]
}

/// A sparse unit vector: (dimension, weight), dimensions ascending.
type Sparse = Vec<(u32, f32)>;

fn dot(x: &Sparse, centre: &[f32]) -> f32 {
    x.iter().map(|&(d, w)| w * centre[d as usize]).sum()
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v {
            *x /= n;
        }
    }
}

/// The cluster of each word of `sequences` (sentences or lines of word
/// hashes, in the order given) seen at least `min_count` times, packed by
/// [`pack`]. The same sequences and options give the same table.
#[must_use]
pub fn learn(sequences: &[Vec<u64>], o: &ClusterOptions) -> KeyMap<u32> {
    // the vocabulary, most frequent first (ties by hash)
    let mut counts: KeyMap<u32> = KeyMap::default();
    for s in sequences {
        for &w in s {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut vocab: Vec<(u64, u32)> =
        counts.iter().filter(|(_, &n)| n >= o.min_count).map(|(&w, &n)| (w, n)).collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if vocab.is_empty() {
        return KeyMap::default();
    }
    let index: KeyMap<u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, &(w, _))| (w, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    // neighbour dimensions: the most frequent words, then one for any
    // other word and one for the sentence's edge, left then right
    let c = o.contexts.min(vocab.len());
    let side = u32::try_from(c + 2).unwrap_or(u32::MAX);
    let dim_of = |w: Option<u64>| -> u32 {
        match w {
            None => side - 1,
            Some(w) => match index.get(&w) {
                Some(&i) if (i as usize) < c => i,
                _ => side - 2,
            },
        }
    };
    // (word, dimension) pairs, counted after a sort
    let mut pairs: Vec<u64> = Vec::new();
    for s in sequences {
        for (k, w) in s.iter().enumerate() {
            let Some(&i) = index.get(w) else { continue };
            let left = dim_of(k.checked_sub(1).map(|j| s[j]));
            let right = side + dim_of(s.get(k + 1).copied());
            pairs.push(u64::from(i) << 32 | u64::from(left));
            pairs.push(u64::from(i) << 32 | u64::from(right));
        }
    }
    pairs.par_sort_unstable();
    let mut vectors: Vec<Sparse> = vec![Vec::new(); vocab.len()];
    let mut k = 0;
    while k < pairs.len() {
        let p = pairs[k];
        let mut n = 0u32;
        while k < pairs.len() && pairs[k] == p {
            n += 1;
            k += 1;
        }
        // the packed halves
        #[allow(clippy::cast_possible_truncation)]
        let (word, d) = ((p >> 32) as usize, p as u32);
        #[allow(clippy::cast_precision_loss)]
        vectors[word].push((d, (n as f32).sqrt()));
    }
    for v in &mut vectors {
        let n = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        for (_, x) in v.iter_mut() {
            *x /= n.max(f32::MIN_POSITIVE);
        }
    }
    let dims = 2 * side as usize;
    let caps = [0xfff, 0x3ff, 0x3fe];
    let mut level_of: Vec<Vec<usize>> = Vec::with_capacity(3);
    let mut points = vectors;
    for (l, (&k, cap)) in o.levels.iter().zip(caps).enumerate() {
        let seed = o.seed ^ (l as u64) << 32;
        let c = kmeans(&points, dims, k.clamp(1, cap).min(points.len()), o.rounds, seed);
        level_of.push(c.assigned);
        // the next level clusters this one's centres, as sparse vectors
        points = c
            .centres
            .chunks(dims)
            .map(|c| {
                c.iter()
                    .enumerate()
                    .filter(|(_, &x)| x != 0.0)
                    .map(|(d, &x)| (u32::try_from(d).unwrap_or(u32::MAX), x))
                    .collect()
            })
            .collect();
    }
    vocab
        .iter()
        .enumerate()
        .map(|(i, &(w, _))| {
            let fine = level_of[0][i];
            let mid = level_of[1][fine];
            (w, pack([fine, mid, level_of[2][mid]]))
        })
        .collect()
}

struct Clustering {
    /// `k` unit centres of `dims` weights each, one after another.
    centres: Vec<f32>,
    /// Each vector's centre.
    assigned: Vec<usize>,
}

/// Spherical k-means of unit vectors: a seeded k-means++ start, then
/// `rounds` of assigning each vector to its nearest centre (highest dot
/// product) and moving each centre to its vectors' normalized sum. A centre
/// left with no vector keeps its place.
fn kmeans(vectors: &[Sparse], dims: usize, k: usize, rounds: usize, seed: u64) -> Clustering {
    let mut centres = vec![0.0_f32; k * dims];
    let mut state = seed | 1;
    // k-means++: each next centre drawn in proportion to its distance
    // from the nearest centre so far
    let mut nearest = vec![f32::MAX; vectors.len()];
    let mut pick = 0;
    for j in 0..k {
        for &(d, w) in &vectors[pick] {
            centres[j * dims + d as usize] = w;
        }
        let centre = &centres[j * dims..(j + 1) * dims];
        nearest.par_iter_mut().zip(vectors).for_each(|(n, v)| {
            // squared distance of unit vectors
            *n = n.min((2.0 - 2.0 * dot(v, centre)).max(0.0));
        });
        let total: f64 = nearest.iter().map(|&x| f64::from(x)).sum();
        if total <= 0.0 {
            break;
        }
        // a uniform draw in [0, total)
        #[allow(clippy::cast_precision_loss)]
        let mut r = (xorshift(&mut state) >> 11) as f64 / (1u64 << 53) as f64 * total;
        pick = nearest.len() - 1;
        for (i, &x) in nearest.iter().enumerate() {
            r -= f64::from(x);
            if r < 0.0 {
                pick = i;
                break;
            }
        }
    }
    let mut assigned = vec![0; vectors.len()];
    for _ in 0..rounds {
        assigned = vectors
            .par_iter()
            .map(|v| {
                let mut best = (0, f32::MIN);
                for j in 0..k {
                    let s = dot(v, &centres[j * dims..(j + 1) * dims]);
                    if s > best.1 {
                        best = (j, s);
                    }
                }
                best.0
            })
            .collect();
        let mut sums = vec![0.0_f32; k * dims];
        let mut sizes = vec![0usize; k];
        for (v, &j) in vectors.iter().zip(&assigned) {
            sizes[j] += 1;
            for &(d, w) in v {
                sums[j * dims + d as usize] += w;
            }
        }
        for j in 0..k {
            if sizes[j] > 0 {
                let c = &mut sums[j * dims..(j + 1) * dims];
                normalize(c);
                centres[j * dims..(j + 1) * dims].copy_from_slice(c);
            }
        }
    }
    Clustering { centres, assigned }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_between_the_same_neighbours_share_a_cluster() {
        let h = |s: &str| super::super::perceptron::hash_str(s);
        let mut seqs = Vec::new();
        for day in ["monday", "tuesday", "friday"] {
            for _ in 0..10 {
                seqs.push(vec![h("on"), h(day), h("the"), h("army")]);
                seqs.push(vec![h("until"), h(day), h(",")]);
            }
        }
        for city in ["almaty", "moscow", "paris"] {
            for _ in 0..10 {
                seqs.push(vec![h("in"), h(city), h("and")]);
                seqs.push(vec![h("near"), h(city), h(".")]);
            }
        }
        // as many clusters as words: words with one profile of neighbours
        // share a cluster, and others have their own
        let o =
            ClusterOptions { levels: [16, 4, 2], contexts: 20, min_count: 5, ..Default::default() };
        let table = learn(&seqs, &o);
        let fine = |w: &str| unpack(table[&h(w)])[0];
        assert_eq!(fine("monday"), fine("friday"));
        assert_eq!(fine("almaty"), fine("paris"));
        assert_ne!(fine("monday"), fine("moscow"));
        // the same input, the same table
        assert_eq!(learn(&seqs, &o), table);
    }
}
