//! [`TopicPerfs`]: the clusters page's two tables of win rates for a computed clustering, per
//! topic and per broad topic, from one [`PerfRequest`] (the source, baseline, bootstrap and prompt
//! subset of the view).
//!
//! Both tables are [`Perf::compute_on`] (for a judge: `cluster_performance`, what the CLI's
//! `clusters --json` prints as `clusters` and `broad_clusters`), so the compute worker, the page's
//! fallback without a worker and the CLI give the same numbers. The request is plain data so the
//! page can send it with `Job::Clusters` and compare it with the view's when the answer arrives:
//! a result computed for another request is not shown.

use crate::bench::Bench;
use crate::bootstrap::{BootstrapSpec, BootstrapSpecError, BootstrapUnit};
use crate::cluster::groups::{GroupField, Groups};
use crate::cluster::perf::{Perf, PerfSource};
use crate::cluster::Clustering;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the win rates of a clustering are computed from: the view's source and baseline, its
/// bootstrap (as fields, checked again by [`PerfRequest::spec`] when a message carried it) and its
/// prompt subset (prompt indices; `None`: every prompt).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerfRequest {
    pub source: PerfSource,
    pub baseline: Option<u32>,
    pub rounds: u32,
    pub seed: u64,
    pub level: f64,
    pub unit: BootstrapUnit,
    pub subset: Option<Vec<u32>>,
}

/// Why a [`PerfRequest`] does not fit a bench.
#[derive(Clone, Debug, PartialEq)]
pub enum PerfRequestError {
    Spec(BootstrapSpecError),
    /// The judge index is not one of the bench's judges.
    Judge(u32),
    /// The baseline index is not one of the bench's models.
    Baseline(u32),
}

impl std::fmt::Display for PerfRequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PerfRequestError::Spec(e) => write!(f, "{e}"),
            PerfRequestError::Judge(j) => write!(f, "judge #{j} is not in this bench"),
            PerfRequestError::Baseline(m) => write!(f, "baseline model #{m} is not in this bench"),
        }
    }
}

impl std::error::Error for PerfRequestError {}

impl PerfRequest {
    /// [`Perf::compute_on`] over `groups`, with this request's source, baseline and subset.
    fn compute(&self, bench: &Bench, groups: &Groups, spec: BootstrapSpec) -> Perf {
        Perf::compute_on(
            bench,
            self.source,
            self.baseline,
            groups,
            spec,
            self.subset.as_deref(),
        )
    }

    pub fn new(
        source: PerfSource,
        baseline: Option<u32>,
        spec: BootstrapSpec,
        subset: Option<Vec<u32>>,
    ) -> PerfRequest {
        PerfRequest {
            source,
            baseline,
            rounds: spec.rounds(),
            seed: spec.seed(),
            level: spec.level(),
            unit: spec.unit(),
            subset,
        }
    }

    /// The bootstrap spec, checked as [`BootstrapSpec::new`] checks it.
    pub fn spec(&self) -> Result<BootstrapSpec, PerfRequestError> {
        BootstrapSpec::new(self.rounds, self.seed, self.level, self.unit)
            .map_err(PerfRequestError::Spec)
    }

    /// The spec, once the judge and baseline indices are checked against `bench` (a message may
    /// carry indices of another load).
    pub fn checked(&self, bench: &Bench) -> Result<BootstrapSpec, PerfRequestError> {
        if let PerfSource::Judge(j) = self.source {
            if j as usize >= bench.judges.len() {
                return Err(PerfRequestError::Judge(j));
            }
        }
        if let Some(m) = self.baseline {
            if m as usize >= bench.models.len() {
                return Err(PerfRequestError::Baseline(m));
            }
        }
        self.spec()
    }
}

/// Win rates per topic and per broad topic of one clustering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicPerfs {
    pub topics: Perf,
    pub broad: Perf,
}

/// Win rates per topic of `c` (the page's topic groups, [`Groups::from_clustering`]).
pub fn topic_perf(
    bench: &Bench,
    c: Arc<Clustering>,
    req: &PerfRequest,
    spec: BootstrapSpec,
) -> Perf {
    req.compute(bench, &Groups::from_clustering(bench, c), spec)
}

/// Win rates per broad topic of `c`: the same computation over the broad topic names
/// (`Clustering::broad_names`) instead of the topic names, as the CLI's `broad_clusters`.
pub fn broad_perf(bench: &Bench, c: &Clustering, req: &PerfRequest, spec: BootstrapSpec) -> Perf {
    // Only the labels count for win rates (`Perf::compute_on` reads `label_of`).
    let g = Groups {
        field: GroupField::Computed,
        label_of: c.broad_names(),
        parent: Default::default(),
        parent_label: "",
        order: Vec::new(),
        computed: None,
    };
    req.compute(bench, &g, spec)
}

/// Both tables for `req`, after checking it against `bench`.
pub fn topic_perfs(
    bench: &Bench,
    c: Arc<Clustering>,
    req: &PerfRequest,
) -> Result<TopicPerfs, PerfRequestError> {
    let spec = req.checked(bench)?;
    Ok(TopicPerfs {
        broad: broad_perf(bench, &c, req, spec),
        topics: topic_perf(bench, c, req, spec),
    })
}
