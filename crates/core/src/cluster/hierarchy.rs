//! The topics' two levels and their "other" group, as Arena Explorer shows topics: a few broad
//! topics, each a set of topics, and the prompts that fit no topic set apart.
//!
//! **Broad topics** cut the topics' Ward dendrogram (built on their size-weighted centroids, see
//! [`super::job`]) into [`broad_count`] groups, so topics that sit close in the embedding share a
//! broad topic; a broad topic is named by c-TF-IDF over its prompts, as a topic is.
//!
//! **Other.** HDBSCAN leaves points in no dense region unlabelled ("noise"); k-means assigns every
//! point. The rule here is the closest cheap analogue: a prompt is *other* when its cosine
//! similarity to its topic's centroid is below its topic's lower Tukey fence, `Q1 - 1.5 IQR` of
//! the similarities of that topic's prompts (Tukey 1977's outlier rule, per topic because topics
//! differ in spread). Topics under [`MIN_FENCE_SIZE`] prompts have no fence. The prompt keeps its
//! topic in `assignment` (the map still colours it) and is counted in the topic's `other`.

use super::kmeans::dot;
use serde::{Deserialize, Serialize};

/// Topics smaller than this have no outliers: quartiles of three values are not a spread.
pub const MIN_FENCE_SIZE: usize = 8;
/// Tukey's fence multiplier.
pub const FENCE_IQR: f64 = 1.5;
/// The name of the "other" group wherever topic names are keys (tables, bootstrap streams).
pub const OTHER_NAME: &str = "Other (fits no topic)";

/// One broad topic: a group of topics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BroadTopic {
    /// 0.. by decreasing size.
    pub id: u32,
    /// Top three c-TF-IDF terms over its prompts, joined by ", ".
    pub label: String,
    pub top_terms: Vec<(String, f64)>,
    /// Its topics' ids, by decreasing size.
    pub topics: Vec<u32>,
    /// Prompts in its topics, the "other" ones included.
    pub size: u32,
}

/// How many broad topics `k` topics get: `round(sqrt(k))`, at least 1 (20 topics: 4; 40: 6; the
/// demo plants 5 categories over 40 topics). Arena Explorer shows about that many broad groups.
pub fn broad_count(k: usize) -> usize {
    ((k as f64).sqrt().round() as usize).clamp(1, k.max(1))
}

/// Which texts fit no topic (see the module's rule). `embedding` is row-major `n x d` with unit
/// rows, `assignment` gives each text's topic in `0..k`.
pub fn outliers(embedding: &[f64], d: usize, assignment: &[u32], k: usize) -> Vec<bool> {
    let mut cent = vec![0.0; k * d];
    let mut size = vec![0usize; k];
    for (row, &a) in embedding.chunks(d).zip(assignment) {
        size[a as usize] += 1;
        for (c, x) in cent[a as usize * d..(a as usize + 1) * d]
            .iter_mut()
            .zip(row)
        {
            *c += x;
        }
    }
    // Unit centroids: the similarity is then a cosine.
    for c in cent.chunks_mut(d) {
        let norm = dot(c, c).sqrt();
        if norm > 0.0 {
            c.iter_mut().for_each(|x| *x /= norm);
        }
    }
    let sim: Vec<f64> = embedding
        .chunks(d)
        .zip(assignment)
        .map(|(row, &a)| dot(row, &cent[a as usize * d..(a as usize + 1) * d]))
        .collect();
    let mut per_topic: Vec<Vec<f64>> = vec![Vec::new(); k];
    for (&s, &a) in sim.iter().zip(assignment) {
        per_topic[a as usize].push(s);
    }
    let fence: Vec<f64> = per_topic
        .into_iter()
        .map(|mut v| {
            if v.len() < MIN_FENCE_SIZE {
                return f64::NEG_INFINITY;
            }
            v.sort_by(f64::total_cmp);
            let (q1, q3) = (quantile(&v, 0.25), quantile(&v, 0.75));
            q1 - FENCE_IQR * (q3 - q1)
        })
        .collect();
    sim.iter()
        .zip(assignment)
        .map(|(&s, &a)| s < fence[a as usize])
        .collect()
}

/// Linear-interpolation quantile of sorted values (NumPy's default, "linear").
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, frac) = (pos.floor() as usize, pos - pos.floor());
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + frac * (sorted[hi] - sorted[lo])
}

/// Each topic's broad topic, renumbered by decreasing size (ties: lowest topic id first), from a
/// flat cut of the topics' dendrogram into `b` groups (`ward::cut`'s labels).
pub fn renumber(cut: &[u32], sizes: &[u32]) -> Vec<u32> {
    let b = cut.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut total = vec![0u64; b];
    let mut first = vec![usize::MAX; b];
    for (t, (&c, &s)) in cut.iter().zip(sizes).enumerate() {
        total[c as usize] += s as u64;
        first[c as usize] = first[c as usize].min(t);
    }
    let mut order: Vec<usize> = (0..b).collect();
    order.sort_by(|&x, &y| total[y].cmp(&total[x]).then(first[x].cmp(&first[y])));
    let mut new_id = vec![0u32; b];
    for (pos, &c) in order.iter().enumerate() {
        new_id[c] = pos as u32;
    }
    cut.iter().map(|&c| new_id[c as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broad_counts() {
        // round(sqrt(k)), clamped to 1..=k.
        assert_eq!([1, 2, 3, 20, 40, 50].map(broad_count), [1, 1, 2, 4, 6, 7]);
    }

    #[test]
    fn quantiles_match_numpy_linear() {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.75]) = [1.75, 3.25] (method "linear"), exact.
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.25), 1.75);
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.75), 3.25);
    }

    #[test]
    fn a_far_point_is_other_and_tight_ones_are_not() {
        // Topic 0: nine points near (1, 0) and one at (0, 1); topic 1: one point (no fence).
        let mut e = Vec::new();
        for i in 0..9 {
            let y = 0.01 * i as f64;
            let n = (1.0 + y * y).sqrt();
            e.extend_from_slice(&[1.0 / n, y / n]);
        }
        e.extend_from_slice(&[0.0, 1.0, -1.0, 0.0]);
        let mut a = vec![0u32; 10];
        a.push(1);
        let o = outliers(&e, 2, &a, 2);
        assert_eq!(o.iter().filter(|&&x| x).count(), 1);
        assert!(o[9]);
    }

    #[test]
    fn renumbered_by_size() {
        // Topics 0 and 2 form group 0 (sizes 5 + 1), topic 1 group 1 (size 10): group 1 is larger.
        assert_eq!(renumber(&[0, 1, 0], &[5, 10, 1]), vec![1, 0, 1]);
    }
}
