//! The page's base: the bench, judge and baseline it works on (resolved by the core's scope, the
//! one place that decides them) and the label fields its prompts carry, or why there is none.

use crate::data::Loaded;
use crate::ui::scope as ui_scope;
use crate::ui::Shared;
use arena_lens_core::cluster::perf::{Perf, PerfSource};
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::scope::ScopeRequest;
use leptos::prelude::*;
use std::sync::Arc;

/// The bench, judge and baseline the page works on.
pub struct Base {
    pub loaded: Arc<Loaded>,
    pub bench_name: String,
    pub judges: Vec<String>,
    pub judge: Option<u32>,
    pub baseline: Option<u32>,
    /// Label fields the prompts carry.
    pub fields: Vec<GroupBy>,
    pub notes: Vec<String>,
}

impl Base {
    pub fn bench(&self) -> &arena_lens_core::bench::Bench {
        &self.loaded.dataset.benches[&self.bench_name]
    }

    /// The judge's name, if the page has one.
    pub fn judge_name(&self) -> Option<String> {
        self.judge.map(|j| self.bench().judges.name(j).to_string())
    }

    /// The baseline's name, if the page has one.
    pub fn baseline_name(&self) -> Option<String> {
        self.baseline
            .map(|x| self.bench().models.name(x).to_string())
    }
}

/// The page's base, or why there is none; `None` until the data is loaded.
pub type BaseMemo = Memo<Option<Result<Shared<Base>, String>>>;
/// Per-group performance; `None` without groups or a judge.
pub type PerfMemo = Memo<Option<Shared<Perf>>>;

/// The page's view model of its scope (resolved by the core, the one place that decides which
/// bench, judge and baselines a view uses) and the label fields its prompts carry.
pub fn build_base(loaded: Arc<Loaded>, req: &ScopeRequest) -> Result<Base, String> {
    let ds = &loaded.dataset;
    let s = ui_scope::resolve(ds, req)?;
    let bench = s.bench(ds);
    let mut notes: Vec<String> = ui_scope::notes(&s);
    let judge = s.judge_id();
    match PerfSource::of(bench, judge) {
        None => notes.push(
            "This data has no judgments, so there are no win rates; topics can still be computed from the prompts."
                .into(),
        ),
        Some(PerfSource::Votes) => notes.push(
            "This data has votes and no judge: each group's win rates come from its battles, each model against the opponents it met there."
                .into(),
        ),
        Some(PerfSource::Judge(_)) => {}
    }
    let baseline = s.judged_baseline_id;
    let judges = s.all_judges;
    let fields = [
        GroupBy::Cluster,
        GroupBy::KoCluster,
        GroupBy::Category,
        GroupBy::Subcategory,
    ]
    .into_iter()
    .filter(|g| bench.prompts.iter().any(|p| !g.of(p).is_empty()))
    .collect();
    Ok(Base {
        bench_name: bench.name.clone(),
        loaded,
        judges,
        judge,
        baseline,
        fields,
        notes,
    })
}
