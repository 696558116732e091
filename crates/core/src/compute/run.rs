//! The worker's side of the protocol, free of any browser API: a [`Session`] holds the loaded data
//! set and turns each [`Job`] into its [`Response`]. The browser worker
//! (`crates/web/src/bin/compute-worker.rs`) only moves messages and supplies a pacer that yields
//! to its event loop; the native tests run the same session with [`crate::pace::Unpaced`].

use super::load_parts::LoadParts;
use super::protocol::{
    ClustersDone, DiffData, DiffRun, FileText, Job, JobResult, LoadSummary, Response,
};
use crate::bootstrap::{BootstrapSpec, BootstrapUnit};
use crate::cluster::topic_perfs::{broad_perf, topic_perf, PerfRequest, TopicPerfs};
use crate::cluster::{prompt_text, ClusterJob, ClusterParams};
use crate::dataset::Dataset;
use crate::diff::{self, PromptsFor, Run, VerdictRun};
use crate::judges::analysis;
use crate::leaderboard::{self, Halt, Leaderboard, LeaderboardOptions};
use crate::pace::Pacer;
use std::sync::Arc;

/// The worker's state: the data set of the last load, the diff's run 2 of the last second load
/// (with that request's id), and how many jobs it finished.
#[derive(Default)]
pub struct Session {
    dataset: Option<Arc<Dataset>>,
    second: Option<(u64, Arc<Dataset>)>,
    completed: u64,
    /// The pieces of the load being sent.
    parts: LoadParts,
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
        let (ds, summary) = parse(files);
        self.dataset = Some(Arc::new(ds));
        summary
    }

    /// Makes `ds`, read from `files` files of `bytes` bytes (by a
    /// [`crate::stream_load::StreamLoad`] for [`Job::LoadUrl`]), the session's data set.
    pub fn install(&mut self, ds: Dataset, files: usize, bytes: usize) -> LoadSummary {
        let summary = LoadSummary {
            files,
            bytes,
            benches: ds.benches.keys().cloned().collect(),
        };
        self.dataset = Some(Arc::new(ds));
        summary
    }

    /// Keeps a piece of load request `id` until the load itself arrives.
    pub fn add_part(&mut self, id: u64, path: String, text: String, append: bool) {
        self.parts.add(id, path, text, append);
    }

    /// A load that brings no pieces ([`Job::LoadUrl`]) has begun: pieces of a load it replaces
    /// are dropped now.
    pub fn forget_parts(&mut self) {
        self.parts.clear();
    }

    /// Bytes of load pieces held, waiting for their load.
    pub fn parts_held(&self) -> usize {
        self.parts.held_bytes()
    }

    /// The files of load request `id`: its pieces received so far, then `files`.
    pub fn assemble(&mut self, id: u64, files: Vec<FileText>) -> Vec<FileText> {
        self.parts.take(id, files)
    }

    /// The diff's run 2 of the last second load, with that load's id.
    pub fn second(&self) -> Option<(u64, Arc<Dataset>)> {
        self.second.clone()
    }

    /// Parses the files of load request `id` into the diff's run 2.
    pub fn load_second(&mut self, id: u64, files: Vec<FileText>) -> LoadSummary {
        let (ds, summary) = parse(files);
        self.second = Some((id, Arc::new(ds)));
        summary
    }

    /// Runs request `id` to its response: what the worker does, in one call (the worker itself
    /// uses [`compute`] and [`Session::finish`] so that a load may arrive while a job waits).
    pub async fn run<P: Pacer>(&mut self, id: u64, job: Job, pace: &mut P) -> Response {
        let outcome = match job {
            Job::Load { files } => {
                let files = self.assemble(id, files);
                Outcome::Done(JobResult::Loaded(self.load(files)))
            }
            // Fetching is the browser worker's: natively there is nothing to fetch from.
            Job::LoadUrl { url, .. } => {
                self.forget_parts();
                Outcome::Failed(format!("{url}: only the browser worker fetches URLs"))
            }
            Job::LoadSecond { files } => {
                let files = self.assemble(id, files);
                Outcome::Done(JobResult::Loaded(self.load_second(id, files)))
            }
            // The worker keeps a piece without answering; here the caller hears it was kept.
            Job::LoadPart { path, text, append } => {
                self.add_part(id, path, text, append);
                Outcome::Failed("a piece of a load is kept for the load, not answered".into())
            }
            job @ Job::Diff { .. } => {
                let second = self.second();
                let second = second.as_ref().map(|(id, ds)| (*id, &**ds));
                compute_diff(self.dataset().as_deref(), second, &job, pace).await
            }
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

fn parse(files: Vec<FileText>) -> (Dataset, LoadSummary) {
    let n = files.len();
    let bytes = files.iter().map(|f| f.text.len()).sum();
    let ds = Dataset::load(files.into_iter().map(Into::into).collect());
    let summary = LoadSummary {
        files: n,
        bytes,
        benches: ds.benches.keys().cloned().collect(),
    };
    (ds, summary)
}

/// Runs a computing job on `data`, stepping `pace` once per bootstrap round; the pacer may cancel
/// it ([`Outcome::Abandoned`]). A load is not a computing job: see [`Session::load`]; a diff
/// reads two data sets: see [`compute_diff`].
pub async fn compute<P: Pacer>(data: Option<&Dataset>, job: &Job, pace: &mut P) -> Outcome {
    let Some(ds) = data else {
        return Outcome::Failed("no data set is loaded".into());
    };
    match job {
        Job::Load { .. } | Job::LoadSecond { .. } | Job::LoadUrl { .. } | Job::LoadPart { .. } => {
            Outcome::Failed("a load is not a computation".into())
        }
        Job::Diff { .. } => compute_diff(Some(ds), None, job, pace).await,
        Job::Leaderboard { bench, options } | Job::WhatIf { bench, options } => {
            match leaderboard_of(ds, bench, options, pace).await {
                Ok(lb) => Outcome::Done(JobResult::Leaderboard(Box::new(lb))),
                Err(o) => o,
            }
        }
        Job::Judges {
            bench,
            judges,
            options,
        } => {
            let b = match bench_of(ds, bench) {
                Ok(b) => b,
                Err(o) => return o,
            };
            match analysis::analyse_paced(b, judges, options, pace).await {
                Ok(Ok(an)) => Outcome::Done(JobResult::Judges(Box::new(an))),
                Ok(Err(e)) => Outcome::Failed(e.to_string()),
                Err(_) => Outcome::Abandoned,
            }
        }
        Job::Clusters {
            bench,
            params,
            perf,
        } => match clusters_of(ds, bench, params, perf.as_ref(), pace).await {
            Ok(c) => Outcome::Done(JobResult::Clusters(Box::new(c))),
            Err(o) => o,
        },
    }
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

/// Runs a [`Job::Diff`] on the main data set and the run 2 of the last second load (its id and
/// data): both runs' leaderboards paced, then the diff itself (the paired bootstrap) in one step.
/// Errors read as the page wrote them when it computed the diff itself ("Run 2: …").
pub async fn compute_diff<P: Pacer>(
    main: Option<&Dataset>,
    second: Option<(u64, &Dataset)>,
    job: &Job,
    pace: &mut P,
) -> Outcome {
    let Job::Diff {
        run_1,
        run_2,
        options,
    } = job
    else {
        return Outcome::Failed("not a diff".into());
    };
    let r1 = match diff_run(1, run_1, main, second, pace).await {
        Ok(r) => r,
        Err(o) => return o,
    };
    let r2 = match diff_run(2, run_2, main, second, pace).await {
        Ok(r) => r,
        Err(o) => return o,
    };
    let level = r1
        .as_verdicts()
        .map_or(options.level, |v| v.leaderboard.level);
    let spec = match BootstrapSpec::new(options.rounds, options.seed, level, BootstrapUnit::Prompt)
    {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    pace.expect(1);
    let d = match diff::compute(&r1, &r2, &spec, &PromptsFor::All) {
        Ok(d) => d,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    if pace.step().await.is_err() {
        return Outcome::Abandoned;
    }
    Outcome::Done(JobResult::Diff(Box::new(d)))
}

async fn diff_run<'a, P: Pacer>(
    n: u8,
    run: &DiffRun,
    main: Option<&'a Dataset>,
    second: Option<(u64, &'a Dataset)>,
    pace: &mut P,
) -> Result<Run<'a>, Outcome> {
    let (data, bench, options) = match run {
        DiffRun::Scores { table } => return Ok(Run::Scores(table.clone())),
        DiffRun::Verdicts {
            data,
            bench,
            options,
        } => (data, bench, options),
    };
    let ds = match data {
        DiffData::Main => main.ok_or_else(|| Outcome::Failed("no data set is loaded".into()))?,
        DiffData::Second { load } => match second {
            Some((id, ds)) if id == *load => ds,
            _ => {
                return Err(Outcome::Failed(format!(
                    "Run {n}: its data (load {load}) is not loaded in the worker"
                )))
            }
        },
    };
    let bench = bench_of(ds, bench)?;
    // `Run::verdicts`, with the leaderboard paced.
    match leaderboard::compute_paced(bench, options, pace).await {
        Ok(leaderboard) => Ok(Run::Verdicts(Box::new(VerdictRun {
            bench,
            options: options.clone(),
            leaderboard,
        }))),
        Err(Halt::Failed(e)) => Err(Outcome::Failed(format!("Run {n}: {e}"))),
        Err(Halt::Cancelled) => Err(Outcome::Abandoned),
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
    perf: Option<&PerfRequest>,
    pace: &mut P,
) -> Result<ClustersDone, Outcome> {
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
    let clustering = Arc::new(job.into_result().expect("a finished job has a result"));
    let perfs = match perf {
        None => None,
        Some(req) => {
            // Two more steps: each table is one computation, the pacer may yield between them.
            let spec = req.checked(b).map_err(|e| Outcome::Failed(e.to_string()))?;
            pace.expect(2);
            let topics = topic_perf(b, clustering.clone(), req, spec);
            pace.step().await.map_err(|_| Outcome::Abandoned)?;
            let broad = broad_perf(b, &clustering, req, spec);
            pace.step().await.map_err(|_| Outcome::Abandoned)?;
            Some((req.clone(), TopicPerfs { topics, broad }))
        }
    };
    Ok(ClustersDone {
        clustering: Arc::unwrap_or_clone(clustering),
        perfs,
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
