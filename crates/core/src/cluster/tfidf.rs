//! Sparse TF-IDF document vectors, the input of the SVD.
//!
//! The weighting is scikit-learn's `TfidfVectorizer(sublinear_tf=True, smooth_idf=True,
//! norm="l2")`: `1 + ln(tf)` damps a word repeated inside one long code snippet, the smoothed idf
//! `ln((1 + n) / (1 + df)) + 1` never divides by zero, and unit rows make dot products cosines.
//! `min_df` drops typos and identifiers unique to one prompt; `max_df` drops the template words
//! every prompt shares ("explain", "example"), which would otherwise pull all prompts together.
//! The vocabulary and the raw counts are kept because the cluster labels (c-TF-IDF) need them.
//!
//! Hangul/CJK bigrams are counted against the documents written in those scripts, not all of them:
//! their df limit ([`BIGRAM_MAX_DF`]) and idf use that population. A Chinese function bigram ("一个") in a
//! third of the Chinese prompts is as common as "use" in English ones, but against all prompts it
//! would look rare, get a large idf, and pull every Chinese prompt into one "topic" (on the real
//! v2.0 prompts, k = 3 found the Chinese prompts as a cluster; `tests/topic_quality.rs`).

use super::tokenize::is_bigram_script;
use std::collections::HashMap;

/// The `max_df` of Hangul/CJK bigrams, among the documents in their script. A bigram is a fragment
/// of a word, and one in more than a quarter of those documents is a particle, an ending or a
/// function word ("一个", "하는"): as common words they would tie every prompt of the script
/// together. Chosen on the real prompt sets (`tests/topic_quality.rs`): 0.2-0.3 all lift the v2.0
/// prompts at k = 3 from 0.33 to 0.42 NMI (at 0.35 and above the Chinese prompts form their own
/// topic again) and the Korean set's mean; 0.25 is the middle of that range.
pub const BIGRAM_MAX_DF: f64 = 0.25;

/// Whether a token is a Hangul/CJK bigram (or single syllable) from the tokeniser.
fn is_bigram_term(t: &str) -> bool {
    t.chars().next().is_some_and(is_bigram_script)
}

/// A compressed-sparse-row matrix: row `i` holds `indices[indptr[i]..indptr[i + 1]]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csr {
    pub rows: usize,
    pub cols: usize,
    pub indptr: Vec<usize>,
    pub indices: Vec<u32>,
    pub values: Vec<f64>,
}

impl Csr {
    /// The stored entries of row `i` as `(column, value)`.
    pub fn row(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.indptr[i]..self.indptr[i + 1];
        self.indices[r.clone()]
            .iter()
            .zip(&self.values[r])
            .map(|(&j, &v)| (j as usize, v))
    }
    pub fn nnz(&self) -> usize {
        self.values.len()
    }
    /// The dense matrix, row-major (for tests and small oracles).
    pub fn to_dense(&self) -> Vec<f64> {
        let mut d = vec![0.0; self.rows * self.cols];
        for i in 0..self.rows {
            for (j, v) in self.row(i) {
                d[i * self.cols + j] = v;
            }
        }
        d
    }
}

/// The TF-IDF matrix with what the labels need.
#[derive(Clone, Debug, Default)]
pub struct Tfidf {
    /// Unit-norm rows (a document without a kept term has an all-zero row).
    pub matrix: Csr,
    /// Raw term counts, same sparsity pattern as `matrix`.
    pub counts: Vec<f64>,
    /// Term of each column, sorted.
    pub vocabulary: Vec<String>,
    /// Document frequency of each column.
    pub df: Vec<u32>,
}

/// Builds the matrix from tokenised documents. `min_df` is a document count, `max_df` a fraction of
/// the documents (terms in more are dropped).
pub fn tfidf(docs: &[Vec<String>], min_df: u32, max_df: f64) -> Tfidf {
    tfidf_with_power(docs, min_df, max_df, 1.0)
}

/// As [`tfidf`] with the idf raised to `idf_power`. Benchmark prompts wrap a few topic words in
/// long shared templates ("keep it idiomatic", "point out common mistakes"); a power above 1
/// sharpens the contrast between those mid-frequency template words and rare topic words, which
/// plain pruning cannot do without also dropping topic words of the larger clusters.
pub fn tfidf_with_power(docs: &[Vec<String>], min_df: u32, max_df: f64, idf_power: f64) -> Tfidf {
    let mut b = TfidfBuilder::new(min_df, max_df, idf_power);
    for d in docs {
        b.add(d);
    }
    b.choose_vocabulary();
    while !b.build_rows(usize::MAX) {}
    b.finish()
}

/// [`tfidf_with_power`] in resumable pieces, so that the browser's worker can report progress and
/// drop an abandoned request between them (at 100,000 prompts the whole build is seconds):
/// [`add`](Self::add) one document at a time (the job calls it as it tokenises), then
/// [`choose_vocabulary`](Self::choose_vocabulary) once, then [`build_rows`](Self::build_rows) in
/// slices, then [`finish`](Self::finish). Terms are interned as they arrive, so a document is kept
/// as its sorted `(term, count)` pairs rather than its tokens. The numbers are those of the
/// one-call build, operation for operation (same vocabulary order, same sums in the same order).
#[derive(Clone, Debug, Default)]
pub struct TfidfBuilder {
    min_df: u32,
    max_df: f64,
    idf_power: f64,
    /// Interned term of each id, in order of first appearance.
    names: Vec<String>,
    ids: HashMap<String, u32>,
    /// Document frequency of each term id.
    df: Vec<u32>,
    /// Each document as `(term id, count)`, sorted by term id.
    docs: Vec<Vec<(u32, u32)>>,
    /// Documents with at least one Hangul/CJK term.
    n_bigram: usize,
    /// After [`choose_vocabulary`](Self::choose_vocabulary): column of each term id
    /// (`u32::MAX` when pruned), each column's idf, and the sorted vocabulary.
    column: Vec<u32>,
    idf: Vec<f64>,
    vocabulary: Vec<String>,
    df_col: Vec<u32>,
    matrix: Csr,
    counts: Vec<f64>,
}

impl TfidfBuilder {
    pub fn new(min_df: u32, max_df: f64, idf_power: f64) -> TfidfBuilder {
        TfidfBuilder {
            min_df,
            max_df,
            idf_power,
            ..TfidfBuilder::default()
        }
    }

    /// Documents added so far.
    pub fn docs(&self) -> usize {
        self.docs.len()
    }

    /// Rows built so far by [`build_rows`](Self::build_rows).
    pub fn rows_built(&self) -> usize {
        self.matrix.indptr.len().saturating_sub(1)
    }

    /// Counts one document's tokens.
    pub fn add(&mut self, tokens: &[String]) {
        let mut ids: Vec<u32> = Vec::with_capacity(tokens.len());
        let mut bigram = false;
        for t in tokens {
            bigram |= is_bigram_term(t);
            let id = match self.ids.get(t.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.names.len() as u32;
                    self.names.push(t.clone());
                    self.ids.insert(t.clone(), id);
                    self.df.push(0);
                    id
                }
            };
            ids.push(id);
        }
        ids.sort_unstable();
        let mut row: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            match row.last_mut() {
                Some((last, c)) if *last == id => *c += 1,
                _ => row.push((id, 1)),
            }
        }
        for &(id, _) in &row {
            self.df[id as usize] += 1;
        }
        self.n_bigram += bigram as usize;
        self.docs.push(row);
    }

    /// Prunes by document frequency, sorts the vocabulary and computes the idf: one piece of about
    /// `V log V` work for `V` distinct terms.
    pub fn choose_vocabulary(&mut self) {
        let n = self.docs.len();
        let n_bigram = self.n_bigram;
        let population = |t: &str| if is_bigram_term(t) { n_bigram } else { n } as f64;
        let (min_df, max_df) = (self.min_df, self.max_df);
        // Sorted, so that column order (and with it every later step) does not depend on hashing.
        let mut kept: Vec<u32> = (0..self.names.len() as u32)
            .filter(|&id| {
                let (t, c) = (self.names[id as usize].as_str(), self.df[id as usize]);
                let limit = if is_bigram_term(t) {
                    max_df.min(BIGRAM_MAX_DF)
                } else {
                    max_df
                };
                c >= min_df && c as f64 <= limit * population(t)
            })
            .collect();
        kept.sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        self.column = vec![u32::MAX; self.names.len()];
        for (col, &id) in kept.iter().enumerate() {
            self.column[id as usize] = col as u32;
        }
        self.df_col = kept.iter().map(|&id| self.df[id as usize]).collect();
        self.idf = kept
            .iter()
            .zip(&self.df_col)
            .map(|(&id, &d)| {
                let n = population(&self.names[id as usize]);
                (((1.0 + n) / (1.0 + d as f64)).ln() + 1.0).powf(self.idf_power)
            })
            .collect();
        self.vocabulary = kept
            .iter()
            .map(|&id| std::mem::take(&mut self.names[id as usize]))
            .collect();
        self.names = Vec::new();
        self.ids = HashMap::new();
        self.matrix = Csr {
            rows: n,
            cols: self.vocabulary.len(),
            indptr: vec![0],
            ..Csr::default()
        };
    }

    /// Builds up to `max_rows` more rows of the matrix; returns true once every row is built.
    pub fn build_rows(&mut self, max_rows: usize) -> bool {
        let m = &mut self.matrix;
        let from = m.indptr.len() - 1;
        let to = from.saturating_add(max_rows).min(self.docs.len());
        for doc in &mut self.docs[from..to] {
            let mut row: Vec<(u32, u32)> = doc
                .iter()
                .filter_map(|&(id, c)| {
                    let j = self.column[id as usize];
                    (j != u32::MAX).then_some((j, c))
                })
                .collect();
            row.sort_unstable();
            let start = m.values.len();
            for (j, c) in row {
                m.indices.push(j);
                m.values
                    .push((1.0 + (c as f64).ln()) * self.idf[j as usize]);
                self.counts.push(c as f64);
            }
            let norm = m.values[start..].iter().map(|v| v * v).sum::<f64>().sqrt();
            if norm > 0.0 {
                m.values[start..].iter_mut().for_each(|v| *v /= norm);
            }
            m.indptr.push(m.values.len());
            // The document's pairs are no longer needed: free them as the matrix grows.
            *doc = Vec::new();
        }
        to == self.docs.len()
    }

    /// The matrix, once [`build_rows`](Self::build_rows) returned true.
    pub fn finish(self) -> Tfidf {
        Tfidf {
            matrix: self.matrix,
            counts: self.counts,
            vocabulary: self.vocabulary,
            df: self.df_col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(texts: &[&str]) -> Vec<Vec<String>> {
        texts
            .iter()
            .map(|t| t.split_whitespace().map(String::from).collect())
            .collect()
    }

    #[test]
    fn matches_sklearn_weighting() {
        // Two documents, no pruning: "aa" in both (idf 1), "bb" twice in doc 0 only.
        let t = tfidf(&docs(&["aa bb bb", "aa"]), 1, 1.0);
        assert_eq!(t.vocabulary, ["aa", "bb"]);
        let idf_b = (3.0f64 / 2.0).ln() + 1.0;
        let (a, b) = (1.0, (1.0 + 2f64.ln()) * idf_b);
        let n = (a * a + b * b).sqrt();
        let d = t.matrix.to_dense();
        assert!((d[0] - a / n).abs() < 1e-12 && (d[1] - b / n).abs() < 1e-12);
        assert!((d[2] - 1.0).abs() < 1e-12 && d[3] == 0.0);
        assert_eq!(t.counts, [1.0, 2.0, 1.0]);
    }

    #[test]
    fn bigram_idf_counts_only_documents_in_their_script() {
        // "한국" is in 1 of the 4 Korean documents (idf from n = 4), "aa" in 1 of all 6 (n = 6).
        let t = tfidf(
            &docs(&["한국 aa", "어요", "나라", "바다", "bb", "cc"]),
            1,
            1.0,
        );
        let col = |w: &str| t.vocabulary.iter().position(|v| v == w).unwrap();
        let d = t.matrix.to_dense();
        let (ko, aa) = (d[col("한국")], d[col("aa")]);
        let idf = |n: f64, df: f64| ((1.0 + n) / (1.0 + df)).ln() + 1.0;
        assert!((ko / aa - idf(4.0, 1.0) / idf(6.0, 1.0)).abs() < 1e-12);
        // A bigram in more than a quarter of its script's documents is dropped.
        let t = tfidf(&docs(&["한국", "한국", "나라", "바다", "bb"]), 1, 1.0);
        assert!(!t.vocabulary.contains(&"한국".to_string()));
        assert!(t.vocabulary.contains(&"나라".to_string()));
    }

    #[test]
    fn pruning() {
        let t = tfidf(&docs(&["aa bb cc", "aa bb", "aa dd"]), 2, 0.9);
        assert_eq!(t.vocabulary, ["bb"]);
        assert_eq!(t.matrix.row(2).count(), 0);
    }
}
