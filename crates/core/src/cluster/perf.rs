//! [`Perf`]: every model's win rate on every group of a [`Groups`], with the models in overall
//! order, as the clusters view's heatmap, table and treemap read it; and the ranked score over a
//! custom slice of groups.
//!
//! Where the win rates come from is decided here ([`PerfSource::of`]): a judge's verdicts against
//! the baseline when the view has a judge, else the votes of battle rows (a Chatbot Arena log has
//! votes but no judge), else nothing. A prompt subset (a box or lasso on the map, a search, a
//! criteria slice) narrows every group to its prompts ([`Perf::compute_on`]).

use crate::bench::Bench;
use crate::bootstrap::BootstrapSpec;
use crate::cluster::groups::Groups;
use crate::cluster::performance::{
    cluster_performance, performance_of, slice_score, ClusterPerformance, ModelInCluster,
    SliceScore,
};
use crate::cluster::selection::Selection;
use crate::cluster::votes::vote_scores;
use crate::compare::CompareIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Per-group performance, with the models in overall order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Perf {
    /// One row per group, in label order.
    pub rows: Vec<ClusterPerformance>,
    /// Group name → index in `rows`.
    pub by_group: HashMap<String, usize>,
    /// (model, overall win rate over every prompt), best first, ties by name.
    pub models: Vec<(String, f64)>,
    pub level: f64,
    pub rounds: u32,
    pub source: PerfSource,
}

/// What per-group win rates are computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PerfSource {
    /// This judge's verdicts, against the baseline.
    Judge(u32),
    /// The battle rows' votes, each model against the opponents it met ([`crate::cluster::votes`]).
    Votes,
}

impl PerfSource {
    /// The view's judge when it has one, else the bench's votes when it has battle rows, else
    /// `None` (nothing to score: topics can still be computed).
    pub fn of(bench: &Bench, judge: Option<u32>) -> Option<PerfSource> {
        match judge {
            Some(j) => Some(PerfSource::Judge(j)),
            None if !bench.file_battles.is_empty() => Some(PerfSource::Votes),
            None => None,
        }
    }
}

/// `labels` with every prompt outside `subset` (prompt indices) blanked, so it counts in no group.
fn within(labels: &[String], subset: Option<&[u32]>) -> Vec<String> {
    let Some(subset) = subset else {
        return labels.to_vec();
    };
    let mut keep = vec![false; labels.len()];
    for &p in subset {
        if let Some(k) = keep.get_mut(p as usize) {
            *k = true;
        }
    }
    labels
        .iter()
        .zip(keep)
        .map(|(l, k)| if k { l.clone() } else { String::new() })
        .collect()
}

impl Perf {
    /// Win rates per group of `groups` from `source`, over the prompts of `subset` only when given
    /// (groups without any then have no row); the overall order is over the same prompts.
    pub fn compute_on(
        bench: &Bench,
        source: PerfSource,
        baseline: Option<u32>,
        groups: &Groups,
        spec: BootstrapSpec,
        subset: Option<&[u32]>,
    ) -> Perf {
        let labels = within(&groups.label_of, subset);
        let all = within(&vec!["all".to_string(); bench.prompts.len()], subset);
        let (rows, overall) = match source {
            PerfSource::Judge(judge) => (
                cluster_performance(bench, judge, baseline, &labels, spec),
                cluster_performance(bench, judge, baseline, &all, spec.with_rounds(0)),
            ),
            PerfSource::Votes => {
                let s = vote_scores(bench);
                (
                    performance_of(&s, bench, &labels, spec),
                    performance_of(&s, bench, &all, spec.with_rounds(0)),
                )
            }
        };
        Perf::assemble(rows, overall, spec, source)
    }

    /// Win rates against `baseline` under `judge` per group of `groups`, intervals from `spec`;
    /// the overall order is a point estimate over all prompts (no bootstrap).
    pub fn compute(
        bench: &Bench,
        judge: u32,
        baseline: Option<u32>,
        groups: &Groups,
        spec: BootstrapSpec,
    ) -> Perf {
        Perf::compute_on(
            bench,
            PerfSource::Judge(judge),
            baseline,
            groups,
            spec,
            None,
        )
    }

    fn assemble(
        rows: Vec<ClusterPerformance>,
        overall: Vec<ClusterPerformance>,
        spec: BootstrapSpec,
        source: PerfSource,
    ) -> Perf {
        let mut models: Vec<(String, f64)> = overall
            .first()
            .map(|o| {
                o.models
                    .iter()
                    .map(|m| (m.model.clone(), m.win_rate))
                    .collect()
            })
            .unwrap_or_default();
        models.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let by_group = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.cluster.clone(), i))
            .collect();
        Perf {
            rows,
            by_group,
            models,
            level: spec.level(),
            rounds: spec.rounds(),
            source,
        }
    }

    /// One model on one group.
    pub fn cell(&self, group: &str, model: &str) -> Option<&ModelInCluster> {
        let row = &self.rows[*self.by_group.get(group)?];
        row.models.iter().find(|m| m.model == model)
    }

    /// Whether `model` has a score here.
    pub fn has_model(&self, model: &str) -> bool {
        self.models.iter().any(|(m, _)| m == model)
    }

    /// `wanted` when it has a score here, else the best model overall.
    pub fn model_or_best(&self, wanted: Option<&str>) -> Option<String> {
        wanted
            .filter(|w| self.has_model(w))
            .map(str::to_string)
            .or_else(|| self.models.first().map(|(m, _)| m.clone()))
    }
}

/// Every model's weighted score over the slice `sel` of `groups`, best first (ties by name).
pub fn ranked_slice(
    bench: &Bench,
    judge: u32,
    baseline: Option<u32>,
    groups: &Groups,
    sel: &Selection,
    spec: BootstrapSpec,
) -> Vec<SliceScore> {
    let mut rows = slice_score(bench, judge, baseline, &groups.label_of, sel, spec);
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.model.cmp(&b.model))
    });
    rows
}

/// Each prompt's score of `model` against `baseline` under `judge` (`None`: no usable game), in
/// prompt order; `None` when the bench has no such model.
pub fn prompt_scores(
    bench: &Bench,
    judge: u32,
    baseline: Option<u32>,
    model: &str,
) -> Option<Vec<Option<f64>>> {
    let index = CompareIndex::new(bench, judge, baseline);
    let id = bench.models.get(model)?;
    Some(
        (0..bench.prompts.len() as u32)
            .map(|p| index.on_prompt(bench, id, p).score())
            .collect(),
    )
}
