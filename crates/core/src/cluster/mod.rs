//! Topic clusters computed from prompt texts, in pure Rust so that they run in the browser.
//!
//! The pipeline is the classic lightweight one: a Unicode tokeniser ([`tokenize`]), sparse TF-IDF
//! ([`tfidf`]), a truncated SVD to a dense embedding ([`svd`], latent semantic analysis, with the
//! singular values raised to a power: see [`job::SPECTRAL_POWER`]), k-means
//! ([`kmeans`]) or Ward agglomeration ([`ward`]), BERTopic-style class TF-IDF labels ([`ctfidf`]) and
//! a PCA map ([`map2d`]). [`job`] strings them into an incremental job the page can run in slices;
//! [`metrics`] scores a clustering against known labels; [`performance`] turns any prompt labels
//! (shipped or computed) into per-cluster win rates with bootstrap intervals.
//!
//! The clusters view builds on these: [`groups`] groups the prompts by a shipped label field or a
//! computed clustering ([`groups::GroupField`]), [`perf`] scores every model on every group, and
//! [`selection`] reads and prints the custom slice of groups kept in the URL.
//!
//! No neural embeddings: no registry package ships a static (model2vec-style) table that is both
//! small and redistributable (README, "Topic clusters", lists what was checked), and on the real
//! prompt sets TF-IDF + LSA beats scikit-learn's textbook pipeline on average
//! (`tests/topic_quality.rs`).

pub mod clustering;
pub mod ctfidf;
pub mod groups;
pub mod hierarchy;
pub mod job;
pub mod kmeans;
pub mod lasso;
pub mod map2d;
pub mod metrics;
pub mod perf;
pub mod performance;
pub mod quality;
pub mod sampled;
pub mod selection;
pub mod svd;
pub mod tfidf;
pub mod tokenize;
pub mod topic_perfs;
pub mod votes;
pub mod ward;

pub use job::{
    cluster_texts, prompt_text, ClusterError, ClusterInfo, ClusterJob, ClusterParams, Clustering,
    Method, Progress,
};
pub use ward::Merge;
