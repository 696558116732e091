//! Cluster labels by class-based TF-IDF, as BERTopic's `ClassTfidfTransformer` (Grootendorst 2022).
//!
//! All documents of a cluster are treated as one document: a term's weight in cluster `c` is
//! `tf(t, c) / words(c) · ln(1 + A / tf(t))`, with `A` the average number of words per cluster and
//! `tf(t)` the term's count over all clusters. Unlike per-document idf this rewards terms frequent in
//! one cluster and rare elsewhere, which is what a topic name needs. The counts are the raw counts of
//! the TF-IDF vocabulary, so pruned template words never become labels.

use super::tfidf::Tfidf;

/// How many weighted terms each cluster keeps.
pub const TOP_TERMS: usize = 10;
/// How many of them make the label.
pub const LABEL_TERMS: usize = 3;

/// The top terms of each of `k` clusters, best first, with their c-TF-IDF weights.
pub fn top_terms(t: &Tfidf, assignment: &[u32], k: usize, top: usize) -> Vec<Vec<(String, f64)>> {
    let v = t.vocabulary.len();
    let mut class_tf = vec![0.0; k * v];
    let mut term_total = vec![0.0; v];
    let mut words = vec![0.0; k];
    let m = &t.matrix;
    for (i, &c) in assignment.iter().enumerate() {
        let c = c as usize;
        for p in m.indptr[i]..m.indptr[i + 1] {
            let j = m.indices[p] as usize;
            let cnt = t.counts[p];
            class_tf[c * v + j] += cnt;
            term_total[j] += cnt;
            words[c] += cnt;
        }
    }
    let avg = words.iter().sum::<f64>() / k.max(1) as f64;
    (0..k)
        .map(|c| {
            if words[c] == 0.0 {
                return Vec::new();
            }
            let mut w: Vec<(usize, f64)> = (0..v)
                .filter(|&j| class_tf[c * v + j] > 0.0)
                .map(|j| {
                    (
                        j,
                        class_tf[c * v + j] / words[c] * (1.0 + avg / term_total[j]).ln(),
                    )
                })
                .collect();
            w.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            w.truncate(top);
            w.into_iter()
                .map(|(j, x)| (t.vocabulary[j].clone(), x))
                .collect()
        })
        .collect()
}

/// A cluster's label: its first [`LABEL_TERMS`] terms joined by ", ".
pub fn label(terms: &[(String, f64)]) -> String {
    terms
        .iter()
        .take(LABEL_TERMS)
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
