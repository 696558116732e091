//! The worker's side of the protocol, free of any browser API: a [`Session`] holds the loaded data
//! set and turns each [`Job`] into its [`Response`]. The browser worker
//! (`crates/web/src/bin/compute-worker.rs`) only moves messages and supplies a pacer that yields
//! to its event loop; the native tests run the same session with [`crate::pace::Unpaced`].

use super::protocol::{FileText, Job, JobResult, LoadSummary, Response};
use crate::cluster::{prompt_text, ClusterJob, ClusterParams, Clustering};
use crate::dataset::Dataset;
use crate::leaderboard::{self, Halt, Leaderboard, LeaderboardOptions};
use crate::pace::Pacer;
use std::sync::Arc;

/// The worker's state: the data set of the last load, and how many jobs it finished.
#[derive(Default)]
pub struct Session {
    dataset: Option<Arc<Dataset>>,
    completed: u64,
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Done(JobResult),
    /// The data or the options allow no result; the text says why.
    Failed(String),
    /// The pacer gave the job up for a newer one.
    Abandoned,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// How many jobs ran to completion.
    pub fn completed(&self) -> u64 {
        self.completed
    }

    /// The data set of the last load, shared with the jobs running on it (a load during a job
    /// replaces it here while the job keeps its own).
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        self.dataset.clone()
    }

    /// Parses the files into the session's data set.
    pub fn load(&mut self, files: Vec<FileText>) -> LoadSummary {
        let n = files.len();
        let bytes = files.iter().map(|f| f.text.len()).sum();
        let ds = Dataset::load(files.into_iter().map(Into::into).collect());
        let summary = LoadSummary {
            files: n,
            bytes,
            benches: ds.benches.keys().cloned().collect(),
        };
        self.dataset = Some(Arc::new(ds));
        summary
    }

    /// Runs request `id` to its response: what the worker does, in one call (the worker itself
    /// uses [`compute`] and [`Session::finish`] so that a load may arrive while a job waits).
    pub async fn run<P: Pacer>(&mut self, id: u64, job: Job, pace: &mut P) -> Response {
        let outcome = match job {
            Job::Load { files } => Outcome::Done(JobResult::Loaded(self.load(files))),
            job => compute(self.dataset().as_deref(), &job, pace).await,
        };
        self.finish(id, outcome)
    }

    /// The response that ends job `id`, counting it when it completed.
    pub fn finish(&mut self, id: u64, outcome: Outcome) -> Response {
        match outcome {
            Outcome::Done(result) => {
                self.completed += 1;
                Response::Done {
                    id,
                    result,
                    completed: self.completed,
                }
            }
            Outcome::Failed(error) => Response::Failed { id, error },
            Outcome::Abandoned => Response::Abandoned { id },
        }
    }
}

/// Runs a computing job on `data`, stepping `pace` once per bootstrap round; the pacer may cancel
/// it ([`Outcome::Abandoned`]). A load is not a computing job: see [`Session::load`].
pub async fn compute<P: Pacer>(data: Option<&Dataset>, job: &Job, pace: &mut P) -> Outcome {
    let Some(ds) = data else {
        return Outcome::Failed("no data set is loaded".into());
    };
    match job {
        Job::Load { .. } => Outcome::Failed("a load is not a computation".into()),
        Job::Leaderboard { bench, options } => {
            match leaderboard_of(ds, bench, options, pace).await {
                Ok(lb) => Outcome::Done(JobResult::Leaderboard(Box::new(lb))),
                Err(o) => o,
            }
        }
        Job::Clusters { bench, params } => match clusters_of(ds, bench, params, pace).await {
            Ok(c) => Outcome::Done(JobResult::Clusters(Box::new(c))),
            Err(o) => o,
        },
    }
}

/// Progress steps a clustering reports: its fraction done (`cluster::Progress::done`) in
/// thousandths.
const CLUSTER_STEPS: u64 = 1_000;

/// The clustering of `bench`'s prompt texts, the CLI's `clusters --compute` computation. Each
/// `ClusterJob::step` (a few milliseconds) is followed by a pacer step, so the worker can yield
/// and drop the job for a newer one; the pacer hears the fraction done in thousandths (one
/// extra expected step whenever a job step did not advance it, so every job step is paced).
async fn clusters_of<P: Pacer>(
    ds: &Dataset,
    bench: &str,
    params: &ClusterParams,
    pace: &mut P,
) -> Result<Clustering, Outcome> {
    let b = bench_of(ds, bench)?;
    let texts: Vec<String> = b.prompts.iter().map(prompt_text).collect();
    let mut job =
        ClusterJob::new(texts, params.clone()).map_err(|e| Outcome::Failed(e.to_string()))?;
    pace.expect(CLUSTER_STEPS);
    let mut reported = 0u64;
    while !job.is_done() {
        let p = job.step();
        let target = ((p.done * CLUSTER_STEPS as f64) as u64).min(CLUSTER_STEPS);
        if target <= reported {
            // No thousandth advanced: one extra step, so the worker may still yield here.
            pace.expect(1);
            pace.step().await.map_err(|_| Outcome::Abandoned)?;
        }
        while reported < target {
            reported += 1;
            pace.step().await.map_err(|_| Outcome::Abandoned)?;
        }
    }
    Ok(job.into_result().expect("a finished job has a result"))
}

fn bench_of<'a>(ds: &'a Dataset, bench: &str) -> Result<&'a crate::bench::Bench, Outcome> {
    ds.benches.get(bench).ok_or_else(|| {
        let found: Vec<&str> = ds.benches.keys().map(String::as_str).collect();
        Outcome::Failed(format!(
            "unknown bench {bench:?}; benches found: {}",
            found.join(", ")
        ))
    })
}

/// The leaderboard as the page showed it when it computed it itself: the bench's leaderboard with
/// the data set's own load report (unrecognised files, a bad manifest) merged in.
async fn leaderboard_of<P: Pacer>(
    ds: &Dataset,
    bench: &str,
    options: &LeaderboardOptions,
    pace: &mut P,
) -> Result<Leaderboard, Outcome> {
    let b = bench_of(ds, bench)?;
    match leaderboard::compute_paced(b, options, pace).await {
        Ok(mut lb) => {
            lb.report.merge(&ds.report);
            Ok(lb)
        }
        Err(Halt::Failed(e)) => Err(Outcome::Failed(e.to_string())),
        Err(Halt::Cancelled) => Err(Outcome::Abandoned),
    }
}
