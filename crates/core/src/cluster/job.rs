//! The clustering pipeline as an incremental job: tokenise → TF-IDF → SVD → k-means or Ward →
//! c-TF-IDF labels → 2-D map.
//!
//! Above [`SAMPLE_ABOVE`] texts (and more than [`ClusterParams::svd_sample`]) the SVD is fitted on
//! a seeded sample of the TF-IDF rows and every row is then projected onto its right singular
//! vectors (`X V`): the randomized SVD's ten passes over a 100,000-row matrix were half the time
//! at that size, the projection is one pass. Below, nothing changes.
//!
//! The browser has one thread, so a single blocking call would freeze the page for a second or
//! more on a few thousand prompts. [`ClusterJob::step`] instead does a bounded slice of work
//! (about [`STEP_WORK`] multiply-adds, a few milliseconds natively) and returns, so the page can
//! yield to the event loop between steps and draw a progress bar. Every stage is deterministic for
//! the seed, and the same code runs natively ([`cluster_texts`] loops the steps).

pub use super::clustering::{prompt_text, ClusterInfo, Clustering};
use super::ctfidf;
use super::hierarchy::{self, BroadTopic};
use super::kmeans::{KMeans, DEFAULT_RESTARTS, MAX_ITER};
use super::map2d::Pca2d;
use super::sampled::{
    gather, sample_rows, Refine, REFINE_ITERS, SAMPLE_ABOVE, SAMPLE_SIZE, SVD_SAMPLE,
};
use super::svd::{normalise_rows, project_rows, select_rows, Svd, SvdState, DEFAULT_ITERS};
use super::tfidf::{Csr, Tfidf, TfidfBuilder};
use super::tokenize::tokenize;
use super::ward::{cut, ward, Merge, Ward};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Work per [`ClusterJob::step`], in multiply-adds. About 3 ms natively and under 30 ms in WASM;
/// a single indivisible pass (one SVD product on thousands of prompts) may exceed it.
pub const STEP_WORK: f64 = 4.0e6;

/// TF-IDF rows built, or rows projected, per unit of work: small enough that a step stays near
/// [`STEP_WORK`], large enough that the loop's overhead does not show.
const ROWS_PER_SLICE: usize = 256;

/// Exponent of the idf weights (see [`super::tfidf::tfidf_with_power`]). Chosen with [`SPECTRAL_POWER`] by the
/// mean NMI over every labelled real prompt set in `../shared` (Arena-Hard v2.0 subcategories, v0.1
/// clusters, the Korean set, MT-Bench categories) at k = 3, 8, 10, 20 and 50, not by the demo
/// (`tests/topic_quality.rs` prints the grid): over 1-4 for both, 2 and 2 score best (mean 0.424,
/// against 0.385 for 1 and 1 and 0.390 for 4 and 4, which the demo's planted topics prefer: ARI
/// 0.80 against 0.68).
pub const IDF_POWER: f64 = 2.0;

/// The embedding is `U S^SPECTRAL_POWER` rather than LSA's usual `U S`. Raising the singular values
/// to a power is a few steps of diffusion over term co-occurrence (`U S^q` spans the same space as
/// `(X X^T)^((q-1)/2) X V`): a prompt is described by the words that co-occur with its words, so
/// two prompts of one topic that share no word still land close, and the top (topic) directions
/// outweigh the long tail of template noise. 2, chosen with [`IDF_POWER`] on the real prompt sets.
pub const SPECTRAL_POWER: f64 = 2.0;

/// The clustering algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// k-means++ and Lloyd with restarts: fast, balanced clusters.
    Kmeans,
    /// Ward agglomeration cut at k: slower (`O(n² d)`), follows the data's hierarchy.
    Ward,
}

impl Method {
    pub fn parse(s: &str) -> Option<Method> {
        match s {
            "kmeans" | "k-means" => Some(Method::Kmeans),
            "ward" => Some(Method::Ward),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Kmeans => "kmeans",
            Method::Ward => "ward",
        }
    }
}

/// Everything that decides a clustering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterParams {
    /// Number of clusters.
    pub k: usize,
    pub method: Method,
    /// Dimensions of the LSA embedding (capped by the vocabulary and the number of texts).
    pub dims: usize,
    pub seed: u64,
    /// Terms in fewer documents are dropped.
    pub min_df: u32,
    /// Terms in more than this fraction of documents are dropped.
    pub max_df: f64,
    /// Exponent of the idf weights (see [`IDF_POWER`]).
    #[serde(default = "default_idf_power")]
    pub idf_power: f64,
    /// Exponent of the singular values in the embedding (see [`SPECTRAL_POWER`]).
    #[serde(default = "default_spectral_power")]
    pub spectral_power: f64,
    /// Above this many texts the clustering runs on a sample and is refined on all texts
    /// ([`super::sampled`]); `usize::MAX` always runs the exact fit (tests compare the two).
    #[serde(default = "default_sample_above")]
    pub sample_above: usize,
    /// Texts in that sample ([`SAMPLE_SIZE`]).
    #[serde(default = "default_sample_size")]
    pub sample_size: usize,
    /// Above `sample_above` texts and above this many, the SVD is fitted on this many sampled
    /// TF-IDF rows and every row projected onto it ([`SVD_SAMPLE`]; `usize::MAX`: the SVD of all
    /// rows, which tests compare against).
    #[serde(default = "default_svd_sample")]
    pub svd_sample: usize,
}

fn default_svd_sample() -> usize {
    SVD_SAMPLE
}

fn default_sample_above() -> usize {
    SAMPLE_ABOVE
}
fn default_sample_size() -> usize {
    SAMPLE_SIZE
}

fn default_idf_power() -> f64 {
    IDF_POWER
}
fn default_spectral_power() -> f64 {
    SPECTRAL_POWER
}

impl Default for ClusterParams {
    fn default() -> ClusterParams {
        ClusterParams {
            k: 20,
            method: Method::Kmeans,
            dims: 64,
            seed: crate::leaderboard::DEFAULT_SEED,
            min_df: 2,
            max_df: 0.5,
            idf_power: IDF_POWER,
            spectral_power: SPECTRAL_POWER,
            sample_above: SAMPLE_ABOVE,
            sample_size: SAMPLE_SIZE,
            svd_sample: SVD_SAMPLE,
        }
    }
}

/// Why a clustering cannot start.
#[derive(Clone, Debug, PartialEq)]
pub enum ClusterError {
    /// Fewer than two texts.
    TooFewTexts { n: usize },
    /// `k` must be in `1..=n`.
    BadK { k: usize, n: usize },
    /// `dims` must be at least 1.
    BadDims { dims: usize },
    /// `min_df` must be at most the number of texts.
    BadMinDf { min_df: u32, n: usize },
    /// `max_df` must be in (0, 1].
    BadMaxDf { max_df: f64 },
    /// `idf_power` and `spectral_power` must be finite and in [0, 8].
    BadPower { name: &'static str, value: f64 },
    /// The sample must hold at least `k` texts.
    BadSample { sample_size: usize, k: usize },
    /// The SVD's sample must hold at least two texts.
    BadSvdSample { svd_sample: usize },
}

impl fmt::Display for ClusterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClusterError::TooFewTexts { n } => {
                write!(f, "clustering needs at least 2 texts, got {n}")
            }
            ClusterError::BadK { k, n } => {
                write!(
                    f,
                    "k must be between 1 and the number of texts ({n}), got {k}"
                )
            }
            ClusterError::BadDims { dims } => write!(f, "dims must be at least 1, got {dims}"),
            ClusterError::BadMinDf { min_df, n } => {
                write!(
                    f,
                    "min_df must be at most the number of texts ({n}), got {min_df}"
                )
            }
            ClusterError::BadMaxDf { max_df } => {
                write!(f, "max_df must be in (0, 1], got {max_df}")
            }
            ClusterError::BadPower { name, value } => {
                write!(f, "{name} must be in [0, 8], got {value}")
            }
            ClusterError::BadSvdSample { svd_sample } => {
                write!(
                    f,
                    "the SVD's sample must hold at least 2 texts, got {svd_sample}"
                )
            }
            ClusterError::BadSample { sample_size, k } => {
                write!(
                    f,
                    "the sample ({sample_size} texts) must hold at least k = {k}"
                )
            }
        }
    }
}

impl std::error::Error for ClusterError {}

/// Where a job is, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// "tokenise", "tf-idf", "svd", "cluster", "labels", "map" or "done".
    pub stage: &'static str,
    /// Overall fraction done, 0..=1.
    pub done: f64,
}

// Boxed: the states are large and live for the whole stage.
enum Fit {
    KMeans(Box<KMeans>),
    Ward(Box<Ward>),
    /// Above [`SAMPLE_ABOVE`] texts: the fit above runs on the sample's rows (`data`), then
    /// [`Fit::Refine`] assigns every text (`sampled`).
    Sample {
        fit: Box<Fit>,
        data: Vec<f64>,
    },
    Refine(Box<Refine>),
}

enum Stage {
    /// Tokenises a text and counts its terms into the TF-IDF builder.
    Tokenise,
    /// Prunes and sorts the vocabulary (one step).
    Vocabulary,
    /// Builds the TF-IDF rows, a slice per step.
    Rows,
    /// The randomized SVD, a matrix pass per step; `sample` holds the rows it is fitted on when
    /// they are a sample (then [`Stage::Project`] follows).
    Svd {
        state: Box<SvdState>,
        sample: Option<Box<Csr>>,
    },
    /// Every TF-IDF row projected onto the sample's right singular vectors, a slice per step.
    Project {
        svd: Box<Svd>,
        next: usize,
    },
    Cluster(Fit),
    Labels,
    /// The 2-D map, a slice of rows per step.
    Map(Box<Pca2d>),
    Done,
}

/// Stage weights of the progress bar, roughly their share of the time.
const SHARE: [(&str, f64); 6] = [
    ("tokenise", 0.10),
    ("tf-idf", 0.05),
    ("svd", 0.20),
    ("cluster", 0.55),
    ("labels", 0.05),
    ("map", 0.05),
];

/// A clustering in progress.
pub struct ClusterJob {
    params: ClusterParams,
    texts: Vec<String>,
    builder: TfidfBuilder,
    tfidf: Tfidf,
    /// Row-major `n x d`, unit rows.
    embedding: Vec<f64>,
    d: usize,
    assignment: Vec<u32>,
    k_found: usize,
    stage: Stage,
    result: Option<Clustering>,
}

impl ClusterJob {
    /// Validates the parameters; no work is done until [`step`](Self::step).
    pub fn new(texts: Vec<String>, params: ClusterParams) -> Result<ClusterJob, ClusterError> {
        let n = texts.len();
        if n < 2 {
            return Err(ClusterError::TooFewTexts { n });
        }
        if params.k == 0 || params.k > n {
            return Err(ClusterError::BadK { k: params.k, n });
        }
        if params.dims == 0 {
            return Err(ClusterError::BadDims { dims: params.dims });
        }
        if params.min_df as usize > n {
            return Err(ClusterError::BadMinDf {
                min_df: params.min_df,
                n,
            });
        }
        if !(params.max_df > 0.0 && params.max_df <= 1.0) {
            return Err(ClusterError::BadMaxDf {
                max_df: params.max_df,
            });
        }
        for (name, value) in [
            ("idf_power", params.idf_power),
            ("spectral_power", params.spectral_power),
        ] {
            // Above 8 the weights overflow nothing but mean nothing either: a typo, not a choice.
            if !(0.0..=8.0).contains(&value) {
                return Err(ClusterError::BadPower { name, value });
            }
        }
        if params.svd_sample < 2 {
            return Err(ClusterError::BadSvdSample {
                svd_sample: params.svd_sample,
            });
        }
        if n > params.sample_above && params.sample_size < params.k {
            return Err(ClusterError::BadSample {
                sample_size: params.sample_size,
                k: params.k,
            });
        }
        Ok(ClusterJob {
            builder: TfidfBuilder::new(params.min_df.max(1), params.max_df, params.idf_power),
            params,
            texts,
            tfidf: Tfidf::default(),
            embedding: Vec::new(),
            d: 0,
            assignment: Vec::new(),
            k_found: 0,
            stage: Stage::Tokenise,
            result: None,
        })
    }

    pub fn params(&self) -> &ClusterParams {
        &self.params
    }
    pub fn is_done(&self) -> bool {
        matches!(self.stage, Stage::Done)
    }
    pub fn result(&self) -> Option<&Clustering> {
        self.result.as_ref()
    }
    pub fn into_result(self) -> Option<Clustering> {
        self.result
    }

    /// The current stage and overall fraction done.
    pub fn progress(&self) -> Progress {
        let (stage, within) = match &self.stage {
            Stage::Tokenise => (0, self.builder.docs() as f64 / self.texts.len() as f64),
            Stage::Vocabulary => (1, 0.0),
            Stage::Rows => (
                1,
                self.builder.rows_built() as f64 / self.texts.len() as f64,
            ),
            Stage::Svd { state, sample } => {
                let f = state.passes_done() as f64 / state.total_passes() as f64;
                (2, if sample.is_some() { 0.5 * f } else { f })
            }
            Stage::Project { next, .. } => (2, 0.5 + 0.5 * *next as f64 / self.texts.len() as f64),
            Stage::Cluster(Fit::KMeans(k)) => (3, k.progress()),
            Stage::Cluster(Fit::Ward(w)) => (3, w.progress()),
            Stage::Cluster(Fit::Sample { fit, .. }) => match fit.as_ref() {
                Fit::KMeans(k) => (3, 0.5 * k.progress()),
                Fit::Ward(w) => (3, 0.5 * w.progress()),
                _ => (3, 0.5),
            },
            Stage::Cluster(Fit::Refine(r)) => (3, 0.5 + 0.5 * r.progress()),
            Stage::Labels => (4, 0.0),
            Stage::Map(p) => (5, p.progress()),
            Stage::Done => {
                return Progress {
                    stage: "done",
                    done: 1.0,
                }
            }
        };
        let before: f64 = SHARE[..stage].iter().map(|s| s.1).sum();
        Progress {
            stage: SHARE[stage].0,
            done: (before + SHARE[stage].1 * within.clamp(0.0, 1.0)).min(1.0),
        }
    }

    /// Does about [`STEP_WORK`] of work and reports progress. Calling it after the end is harmless.
    pub fn step(&mut self) -> Progress {
        let mut budget = STEP_WORK;
        while budget > 0.0 && !self.is_done() {
            budget -= self.advance();
        }
        self.progress()
    }

    /// One indivisible unit of work; returns its cost estimate.
    fn advance(&mut self) -> f64 {
        let n = self.texts.len();
        match &mut self.stage {
            Stage::Tokenise => {
                let i = self.builder.docs();
                self.builder.add(&tokenize(&self.texts[i]));
                if self.builder.docs() == n {
                    self.stage = Stage::Vocabulary;
                    // Sorting the vocabulary is one piece: it starts a step of its own.
                    return STEP_WORK;
                }
                // Tokenising is allocation-heavy: a byte costs about as much as 40 flops.
                40.0 * self.texts[i].len() as f64
            }
            Stage::Vocabulary => {
                self.builder.choose_vocabulary();
                self.stage = Stage::Rows;
                STEP_WORK
            }
            Stage::Rows => {
                let before = self.builder.rows_built();
                let done = self.builder.build_rows(ROWS_PER_SLICE);
                let rows = (self.builder.rows_built() - before) as f64;
                if done {
                    self.tfidf = std::mem::take(&mut self.builder).finish();
                    self.stage = self.svd_stage();
                }
                // A row is a filter, a sort and a normalisation of its few dozen terms.
                rows * 2_000.0
            }
            Stage::Svd { state, sample } => {
                let x = sample.as_deref().unwrap_or(&self.tfidf.matrix);
                let done = state.step(x);
                let l = (self.params.dims + super::svd::OVERSAMPLE) as f64;
                let cost = x.nnz() as f64 * l + x.rows as f64 * l * l;
                if done {
                    let Stage::Svd { state, sample } =
                        std::mem::replace(&mut self.stage, Stage::Labels)
                    else {
                        unreachable!("matched above")
                    };
                    let svd = state.into_result().expect("done");
                    if sample.is_some() {
                        self.embedding = Vec::with_capacity(n * svd.dims);
                        self.stage = Stage::Project {
                            svd: Box::new(svd),
                            next: 0,
                        };
                    } else {
                        self.embedding = svd.embedding;
                        self.finish_embedding(&svd.singular_values, svd.dims);
                    }
                }
                cost
            }
            Stage::Project { svd, next } => {
                let to = (*next + ROWS_PER_SLICE).min(n);
                let x = &self.tfidf.matrix;
                project_rows(x, &svd.components, svd.dims, *next, to, &mut self.embedding);
                let cost = (x.indptr[to] - x.indptr[*next]) as f64 * svd.dims as f64;
                *next = to;
                if to == n {
                    let (sv, d) = (std::mem::take(&mut svd.singular_values), svd.dims);
                    self.finish_embedding(&sv, d);
                }
                cost
            }
            Stage::Cluster(Fit::Sample { fit, data }) => {
                let (cost, done) = step_fit(fit, data, self.d, self.params.k);
                if let Some(a) = done {
                    // The sample's centroids seed the pass over every text. Ward's clusters are
                    // kept as they are (one assignment pass); k-means is refined by Lloyd.
                    let iters = match self.params.method {
                        Method::Kmeans => REFINE_ITERS,
                        Method::Ward => 1,
                    };
                    let cent = centroids(data, self.d, &a, self.params.k);
                    self.stage =
                        Stage::Cluster(Fit::Refine(Box::new(Refine::new(cent, self.d, n, iters))));
                }
                cost
            }
            Stage::Cluster(Fit::Refine(r)) => {
                let evals = (STEP_WORK / self.d as f64) as usize;
                if r.step(&self.embedding, evals) {
                    let Stage::Cluster(Fit::Refine(r)) =
                        std::mem::replace(&mut self.stage, Stage::Labels)
                    else {
                        unreachable!("matched above")
                    };
                    self.finish_cluster(r.into_assignment());
                }
                STEP_WORK
            }
            Stage::Cluster(fit) => {
                let (cost, done) = step_fit(fit, &self.embedding, self.d, self.params.k);
                if let Some(a) = done {
                    self.finish_cluster(a);
                }
                cost
            }
            Stage::Labels => {
                let k = self.k_found;
                let terms = ctfidf::top_terms(&self.tfidf, &self.assignment, k, ctfidf::TOP_TERMS);
                let mut sizes = vec![0u32; k];
                for &a in &self.assignment {
                    sizes[a as usize] += 1;
                }
                let other = hierarchy::outliers(&self.embedding, self.d, &self.assignment, k);
                let mut other_of = vec![0u32; k];
                for (&a, _) in self.assignment.iter().zip(&other).filter(|(_, &o)| o) {
                    other_of[a as usize] += 1;
                }
                let dendrogram = self.dendrogram(&sizes);
                let broad_of =
                    hierarchy::renumber(&cut(&dendrogram, k, hierarchy::broad_count(k)), &sizes);
                let broad = self.broad_topics(&broad_of, &sizes);
                let clusters = terms
                    .into_iter()
                    .enumerate()
                    .map(|(c, t)| ClusterInfo {
                        id: c as u32,
                        label: ctfidf::label(&t),
                        top_terms: t,
                        size: sizes[c],
                        other: other_of[c],
                        broad: broad_of[c],
                    })
                    .collect();
                self.result = Some(Clustering {
                    assignment: std::mem::take(&mut self.assignment),
                    clusters,
                    coords: Vec::new(),
                    dendrogram,
                    other,
                    broad,
                });
                self.stage = Stage::Map(Box::new(Pca2d::new(&self.embedding, self.d)));
                // The labels get a step of their own: their cost is hard to estimate.
                STEP_WORK
            }
            Stage::Map(p) => {
                if p.step(&self.embedding, ROWS_PER_SLICE) {
                    let Stage::Map(p) = std::mem::replace(&mut self.stage, Stage::Done) else {
                        unreachable!("matched above")
                    };
                    if let Some(r) = &mut self.result {
                        r.coords = p.into_points();
                    }
                    self.embedding = Vec::new();
                    self.tfidf = Tfidf::default();
                }
                // The covariance pass, the costliest: d² / 2 per row.
                (ROWS_PER_SLICE * self.d * self.d / 2) as f64
            }
            Stage::Done => 0.0,
        }
    }

    /// The SVD stage over the finished TF-IDF matrix: of all rows, or of a seeded sample of them
    /// (with the right singular vectors kept for the projection) above the sampling thresholds.
    fn svd_stage(&self) -> Stage {
        let x = &self.tfidf.matrix;
        let p = &self.params;
        if x.rows > p.sample_above && x.rows > p.svd_sample {
            let sample = select_rows(x, &sample_rows(x.rows, p.svd_sample, p.seed));
            Stage::Svd {
                state: Box::new(
                    SvdState::new(&sample, p.dims, DEFAULT_ITERS, p.seed).with_components(),
                ),
                sample: Some(Box::new(sample)),
            }
        } else {
            Stage::Svd {
                state: Box::new(SvdState::new(x, p.dims, DEFAULT_ITERS, p.seed)),
                sample: None,
            }
        }
    }

    /// `U S` (in `self.embedding`, `d` wide) to the clustering's embedding `U S^SPECTRAL_POWER`
    /// with unit rows, then the clustering stage.
    fn finish_embedding(&mut self, singular_values: &[f64], d: usize) {
        let n = self.texts.len();
        self.d = d;
        let scale: Vec<f64> = singular_values
            .iter()
            .map(|s| s.powf(self.params.spectral_power - 1.0))
            .collect();
        if self.d > 0 {
            for row in self.embedding.chunks_mut(self.d) {
                row.iter_mut().zip(&scale).for_each(|(x, s)| *x *= s);
            }
        }
        if self.d == 0 {
            // No term survived pruning: every text gets the same (zero) coordinate.
            self.d = 1;
            self.embedding = vec![0.0; n];
        }
        normalise_rows(&mut self.embedding, self.d);
        self.stage = Stage::Cluster(if n > self.params.sample_above {
            let rows = sample_rows(n, self.params.sample_size, self.params.seed);
            let data = gather(&self.embedding, self.d, &rows);
            Fit::Sample {
                fit: Box::new(self.fit(&data)),
                data,
            }
        } else {
            self.fit(&self.embedding)
        });
    }

    /// The exact fit (k-means with restarts, or Ward) of `data`'s rows.
    fn fit(&self, data: &[f64]) -> Fit {
        match self.params.method {
            Method::Kmeans => Fit::KMeans(Box::new(KMeans::new(
                self.d,
                self.params.k,
                DEFAULT_RESTARTS,
                MAX_ITER,
                self.params.seed,
            ))),
            Method::Ward => {
                let rows = data.len() / self.d;
                Fit::Ward(Box::new(Ward::new(data, self.d, &vec![1.0; rows])))
            }
        }
    }

    /// Renumbers clusters by decreasing size (ties: first text), dropping empty ones.
    fn finish_cluster(&mut self, raw: Vec<u32>) {
        let k = raw.iter().map(|&a| a as usize + 1).max().unwrap_or(0);
        let mut size = vec![0usize; k];
        let mut first = vec![usize::MAX; k];
        for (i, &a) in raw.iter().enumerate() {
            size[a as usize] += 1;
            first[a as usize] = first[a as usize].min(i);
        }
        let mut order: Vec<usize> = (0..k).filter(|&c| size[c] > 0).collect();
        order.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
        let mut new_id = vec![0u32; k];
        for (pos, &c) in order.iter().enumerate() {
            new_id[c] = pos as u32;
        }
        self.assignment = raw.iter().map(|&a| new_id[a as usize]).collect();
        self.k_found = order.len();
        self.stage = Stage::Labels;
    }

    /// The broad topics from each topic's broad id: members, sizes and c-TF-IDF labels over
    /// their texts.
    fn broad_topics(&self, broad_of: &[u32], sizes: &[u32]) -> Vec<BroadTopic> {
        let b = broad_of.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
        let per_text: Vec<u32> = self
            .assignment
            .iter()
            .map(|&a| broad_of[a as usize])
            .collect();
        let terms = ctfidf::top_terms(&self.tfidf, &per_text, b, ctfidf::TOP_TERMS);
        terms
            .into_iter()
            .enumerate()
            .map(|(id, t)| {
                // Topic ids are by decreasing size already.
                let topics: Vec<u32> = (0..broad_of.len() as u32)
                    .filter(|&c| broad_of[c as usize] == id as u32)
                    .collect();
                BroadTopic {
                    id: id as u32,
                    label: ctfidf::label(&t),
                    top_terms: t,
                    size: topics.iter().map(|&c| sizes[c as usize]).sum(),
                    topics,
                }
            })
            .collect()
    }

    /// Ward on the clusters' centroids, each weighted by its size.
    fn dendrogram(&self, sizes: &[u32]) -> Vec<Merge> {
        let (k, d) = (sizes.len(), self.d);
        let mut cent = vec![0.0; k * d];
        for (row, &a) in self.embedding.chunks(d).zip(&self.assignment) {
            for (c, x) in cent[a as usize * d..(a as usize + 1) * d]
                .iter_mut()
                .zip(row)
            {
                *c += x / sizes[a as usize] as f64;
            }
        }
        let w: Vec<f64> = sizes.iter().map(|&s| s as f64).collect();
        ward(&cent, d, &w)
    }
}

/// One slice of an exact fit on `data`: its cost, and the assignment once it is done.
fn step_fit(fit: &mut Fit, data: &[f64], d: usize, k: usize) -> (f64, Option<Vec<u32>>) {
    match fit {
        Fit::KMeans(km) => {
            let evals = (STEP_WORK / d as f64) as usize;
            let done = km
                .step(data, evals)
                .then(|| km.best().expect("done").assignment.clone());
            (STEP_WORK, done)
        }
        Fit::Ward(w) => {
            // One nearest-neighbour search: (active clusters) x d.
            let cost = (w.active() * d) as f64;
            let done = w
                .step()
                .then(|| cut(w.merges().expect("done"), data.len() / d, k));
            (cost, done)
        }
        Fit::Sample { .. } | Fit::Refine(_) => unreachable!("only exact fits are stepped here"),
    }
}

/// The mean row of each of `k` clusters. An empty one (k-means on the sample may leave one) gets
/// the zero centre: any rows nearer it than every populated centre form a cluster, and if none are
/// it stays empty and [`ClusterJob::finish_cluster`] drops it.
fn centroids(data: &[f64], d: usize, assignment: &[u32], k: usize) -> Vec<f64> {
    let mut cent = vec![0.0; k * d];
    let mut count = vec![0usize; k];
    for (row, &a) in data.chunks(d).zip(assignment) {
        count[a as usize] += 1;
        for (c, x) in cent[a as usize * d..(a as usize + 1) * d]
            .iter_mut()
            .zip(row)
        {
            *c += x;
        }
    }
    for (c, &m) in cent.chunks_mut(d).zip(&count) {
        if m > 0 {
            c.iter_mut().for_each(|x| *x /= m as f64);
        }
    }
    cent
}

/// Runs a whole clustering at once (the CLI and tests; the browser steps a [`ClusterJob`]).
pub fn cluster_texts(
    texts: Vec<String>,
    params: ClusterParams,
) -> Result<Clustering, ClusterError> {
    let mut job = ClusterJob::new(texts, params)?;
    while !job.is_done() {
        job.step();
    }
    Ok(job.into_result().expect("a finished job has a result"))
}
