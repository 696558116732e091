//! Per-cluster model performance with uncertainty: how each model does against the baseline on each
//! group of prompts (shipped labels or computed clusters), and a weighted score over a chosen slice.
//!
//! The per-prompt score is the compare page's raw score ([`crate::compare`]): the mean over the
//! prompt's usable games of win = 1, tie = ½, loss = 0 from the model's side, strong verdicts not
//! weighted. It is used rather than a Bradley-Terry fit because a cluster holds only a handful of
//! prompts; a per-cluster fit would be unstable, while a mean of prompt scores stays well defined and
//! is what a reader checks by eye on the compare page. Intervals come from a prompt-level bootstrap
//! (prompts are the unit that varies between benchmarks; games of one prompt are not independent),
//! with the same resampled prompts for every model, seeded ChaCha8 so CLI and browser agree. The
//! resampling unit is always the prompt here, whatever [`BootstrapSpec::unit`] says: a group is a set
//! of prompts, and a row bootstrap would ignore that games of one prompt move together.

use crate::bench::Bench;
use crate::bootstrap::BootstrapSpec;
use crate::compare::CompareIndex;
use crate::quantile;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One model on one cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelInCluster {
    pub model: String,
    /// Mean prompt score against the baseline, in %.
    pub win_rate: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// Prompts of the cluster on which the model has a usable game.
    pub n_prompts: usize,
    /// The interval contains 50%: no evidence the model differs from the baseline here.
    pub ci_crosses_50: bool,
}

/// All models on one cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterPerformance {
    pub cluster: String,
    /// Prompts carrying this label.
    pub n_prompts: usize,
    /// Models with at least one scored prompt here, by name.
    pub models: Vec<ModelInCluster>,
}

/// One model's weighted score over a slice of clusters.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SliceScore {
    pub model: String,
    /// Weighted mean of the model's cluster win rates, in %.
    pub score: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub n_prompts: usize,
    pub ci_crosses_50: bool,
}

/// Prompt scores of every judged model (baseline excluded), models sorted by name.
pub(crate) struct Scores {
    pub(crate) names: Vec<String>,
    /// `[model][prompt]`.
    pub(crate) by_model: Vec<Vec<Option<f64>>>,
}

fn scores(bench: &Bench, judge: u32, baseline: Option<u32>) -> Scores {
    let index = CompareIndex::new(bench, judge, baseline);
    let mut models: Vec<u32> = (0..bench.models.len() as u32)
        .filter(|&m| Some(m) != baseline && index.judged(m))
        .collect();
    models.sort_by(|&a, &b| bench.models.name(a).cmp(bench.models.name(b)));
    let n = bench.prompts.len() as u32;
    Scores {
        names: models
            .iter()
            .map(|&m| bench.models.name(m).to_string())
            .collect(),
        by_model: models
            .iter()
            .map(|&m| {
                (0..n)
                    .map(|p| index.on_prompt(bench, m, p).score())
                    .collect()
            })
            .collect(),
    }
}

/// Prompt ids per label (empty labels and prompts beyond `labels` left out), labels sorted.
fn groups(bench: &Bench, labels: &[String]) -> BTreeMap<String, Vec<usize>> {
    let mut g: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (p, l) in labels.iter().enumerate().take(bench.prompts.len()) {
        if !l.is_empty() {
            g.entry(l.clone()).or_default().push(p);
        }
    }
    g
}

/// Mean score over `prompts` (with repeats), and how many had one.
fn mean(s: &[Option<f64>], prompts: impl Iterator<Item = usize>) -> (f64, usize) {
    let (mut sum, mut n) = (0.0, 0usize);
    for p in prompts {
        if let Some(x) = s[p] {
            sum += x;
            n += 1;
        }
    }
    (if n > 0 { sum / n as f64 } else { f64::NAN }, n)
}

fn interval(mut sample: Vec<f64>, level: f64) -> (Option<f64>, Option<f64>) {
    match quantile::interval(&mut sample, level) {
        Some((lo, hi)) => (Some(lo), Some(hi)),
        None => (None, None),
    }
}

fn crosses_50(lower: Option<f64>, upper: Option<f64>) -> bool {
    matches!((lower, upper), (Some(lo), Some(hi)) if lo <= 50.0 && hi >= 50.0)
}

/// Win rate against `baseline` (the judged baseline; `None` when every row names its own, as in
/// v2.0) per label and model, under `judge`.
/// `labels[p]` is the label of prompt `p` (empty: left out). Clusters come in label order; each has
/// its own ChaCha8 stream, so adding a cluster does not change the others' intervals.
pub fn cluster_performance(
    bench: &Bench,
    judge: u32,
    baseline: Option<u32>,
    labels: &[String],
    spec: BootstrapSpec,
) -> Vec<ClusterPerformance> {
    performance_of(&scores(bench, judge, baseline), bench, labels, spec)
}

/// Per-label performance of any prompt scores (judged against a baseline, or votes:
/// [`crate::cluster::votes`]), with the bootstrap described above.
pub(crate) fn performance_of(
    s: &Scores,
    bench: &Bench,
    labels: &[String],
    spec: BootstrapSpec,
) -> Vec<ClusterPerformance> {
    groups(bench, labels)
        .into_iter()
        .enumerate()
        .map(|(ci, (cluster, prompts))| {
            let mut rng = ChaCha8Rng::seed_from_u64(spec.seed());
            rng.set_stream(ci as u64);
            let m = prompts.len();
            let mut samples = vec![Vec::with_capacity(spec.rounds() as usize); s.names.len()];
            let mut draw = vec![0usize; m];
            for _ in 0..spec.rounds() {
                for d in draw.iter_mut() {
                    *d = prompts[rng.random_range(0..m)];
                }
                for (mi, ms) in s.by_model.iter().enumerate() {
                    samples[mi].push(100.0 * mean(ms, draw.iter().copied()).0);
                }
            }
            let models = s
                .by_model
                .iter()
                .zip(samples)
                .enumerate()
                .filter_map(|(mi, (ms, sample))| {
                    let (point, n) = mean(ms, prompts.iter().copied());
                    if n == 0 {
                        return None;
                    }
                    let (lower, upper) = interval(sample, spec.level());
                    Some(ModelInCluster {
                        model: s.names[mi].clone(),
                        win_rate: 100.0 * point,
                        lower,
                        upper,
                        n_prompts: n,
                        ci_crosses_50: crosses_50(lower, upper),
                    })
                })
                .collect();
            ClusterPerformance {
                cluster,
                n_prompts: m,
                models,
            }
        })
        .collect()
}

/// Weighted mean of per-cluster win rates over the clusters with a positive weight (`weights`:
/// label → weight; missing or 0 = excluded). A model without prompts in some selected cluster is
/// scored on the others, weights renormalised. The bootstrap resamples prompts within each cluster
/// (stratified), so every round keeps the slice's composition.
pub fn slice_score(
    bench: &Bench,
    judge: u32,
    baseline: Option<u32>,
    labels: &[String],
    weights: &BTreeMap<String, f64>,
    spec: BootstrapSpec,
) -> Vec<SliceScore> {
    let s = scores(bench, judge, baseline);
    let selected: Vec<(f64, Vec<usize>)> = groups(bench, labels)
        .into_iter()
        .filter_map(|(l, p)| {
            let w = weights.get(&l).copied().unwrap_or(0.0);
            (w > 0.0 && w.is_finite()).then_some((w, p))
        })
        .collect();
    let combine = |ms: &[Option<f64>], draws: &[Vec<usize>]| -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        for ((w, _), d) in selected.iter().zip(draws) {
            let (m, n) = mean(ms, d.iter().copied());
            if n > 0 {
                num += w * m;
                den += w;
            }
        }
        if den > 0.0 {
            100.0 * num / den
        } else {
            f64::NAN
        }
    };
    let full: Vec<Vec<usize>> = selected.iter().map(|(_, p)| p.clone()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed());
    let mut samples = vec![Vec::with_capacity(spec.rounds() as usize); s.names.len()];
    let mut draws = full.clone();
    for _ in 0..spec.rounds() {
        for (d, p) in draws.iter_mut().zip(&full) {
            for x in d.iter_mut() {
                *x = p[rng.random_range(0..p.len())];
            }
        }
        for (mi, ms) in s.by_model.iter().enumerate() {
            samples[mi].push(combine(ms, &draws));
        }
    }
    s.by_model
        .iter()
        .zip(samples)
        .enumerate()
        .filter_map(|(mi, (ms, sample))| {
            let n: usize = full.iter().map(|p| mean(ms, p.iter().copied()).1).sum();
            if n == 0 {
                return None;
            }
            let (lower, upper) = interval(sample, spec.level());
            Some(SliceScore {
                model: s.names[mi].clone(),
                score: combine(ms, &full),
                lower,
                upper,
                n_prompts: n,
                ci_crosses_50: crosses_50(lower, upper),
            })
        })
        .collect()
}
