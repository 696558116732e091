//! [`Perf`]: every model's win rate on every group of a [`Groups`], with the models in overall
//! order, as the clusters view's heatmap, table and treemap read it; and the ranked score over a
//! custom slice of groups.

use crate::bench::Bench;
use crate::bootstrap::BootstrapSpec;
use crate::cluster::groups::Groups;
use crate::cluster::performance::{
    cluster_performance, slice_score, ClusterPerformance, ModelInCluster, SliceScore,
};
use crate::cluster::selection::Selection;
use crate::compare::CompareIndex;
use std::collections::HashMap;

/// Per-group performance, with the models in overall order.
#[derive(Clone, Debug, PartialEq)]
pub struct Perf {
    /// One row per group, in label order.
    pub rows: Vec<ClusterPerformance>,
    /// Group name → index in `rows`.
    pub by_group: HashMap<String, usize>,
    /// (model, overall win rate over every prompt), best first, ties by name.
    pub models: Vec<(String, f64)>,
    pub level: f64,
    pub rounds: u32,
}

impl Perf {
    /// Win rates against `baseline` under `judge` per group of `groups`, intervals from `spec`;
    /// the overall order is a point estimate over all prompts (no bootstrap).
    pub fn compute(
        bench: &Bench,
        judge: u32,
        baseline: Option<u32>,
        groups: &Groups,
        spec: BootstrapSpec,
    ) -> Perf {
        let rows = cluster_performance(bench, judge, baseline, &groups.label_of, spec);
        let all = vec!["all".to_string(); bench.prompts.len()];
        let overall = cluster_performance(bench, judge, baseline, &all, spec.with_rounds(0));
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
