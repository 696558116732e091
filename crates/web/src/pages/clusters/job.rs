//! The clustering job of the clusters page: computing topics from the prompt texts in the compute
//! worker (or, without one, on this thread in slices of about 12 ms) so the page stays
//! responsive, and the progress line that reports on it. The job is
//! the page's one piece of local state: work in progress, not a view.

use super::base::{Base, BaseMemo};
use crate::clock::now_ms;
use crate::compute::client::{self, Event};
use crate::loader::yield_to_browser;
use crate::ui::Shared;
use arena_lens_core::cluster::groups::default_topics;
use arena_lens_core::cluster::metrics::{adjusted_rand_index, normalized_mutual_info};
use arena_lens_core::cluster::perf::Perf;
use arena_lens_core::cluster::prompt_text;
use arena_lens_core::cluster::topic_perfs::PerfRequest;
use arena_lens_core::cluster::{ClusterJob, ClusterParams, Clustering, Method};
use arena_lens_core::compute::protocol::{ClustersDone, Job, JobResult};
use arena_lens_core::view_state::keys::clusters as key;
use arena_lens_core::view_state::parse;
use arena_lens_core::view_state::ViewState;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// A clustering running (or done) for one set of inputs.
#[derive(Clone, Default)]
pub(super) struct JobState {
    pub(super) key: Option<JobKey>,
    pub(super) stage: String,
    pub(super) done: f64,
    pub(super) running: bool,
    pub(super) result: Option<Shared<Clustering>>,
    /// The win rates the worker computed with the clustering, per topic and per broad topic, for
    /// the request it was sent (the page shows them only while the view asks for the same).
    pub(super) perfs: Option<WorkerPerfs>,
    pub(super) ms: f64,
    pub(super) error: Option<String>,
}

/// Win rates computed in the worker for one request: (request, per topic, per broad topic).
pub(super) type WorkerPerfs = (PerfRequest, Shared<Perf>, Shared<Perf>);

#[derive(Clone, PartialEq, Debug)]
pub(super) struct JobKey {
    generation: u64,
    bench: String,
    pub(super) k: usize,
    pub(super) method: Method,
    seed: u64,
}

impl JobKey {
    /// The clustering the URL asks for on `base` (data generation `generation`): `k` topics (the
    /// URL's, else as many as the finest shipped label has values), at most one per prompt.
    pub(super) fn new(generation: u64, b: &Base, v: &ViewState) -> JobKey {
        JobKey {
            generation,
            bench: b.bench_name.clone(),
            k: v.extra(key::K)
                .and_then(|k| k.parse::<usize>().ok())
                .unwrap_or_else(|| default_topics(b.bench(), &b.fields))
                .clamp(1, b.bench().prompts.len().max(1)),
            method: v
                .extra(key::METHOD)
                .and_then(parse::method)
                .unwrap_or(Method::Kmeans),
            seed: v.seed,
        }
    }
}

impl JobKey {
    fn params(&self) -> ClusterParams {
        ClusterParams {
            k: self.k,
            method: self.method,
            seed: self.seed,
            ..ClusterParams::default()
        }
    }
}

/// Computes the clustering for `key` in the compute worker (`Job::Clusters`), with the win rates
/// of `perf` when given (so the main thread does not compute them when the answer arrives), or,
/// when the worker cannot start, on this thread in slices ([`start_job`]; the page then computes
/// the win rates itself). The worker drops the previous
/// clustering request when this one arrives (one kind, newest wins); an answer for a key that is no
/// longer the job's is ignored here too.
pub(super) fn start(job: RwSignal<JobState>, key: JobKey, base: &Base, perf: Option<PerfRequest>) {
    if !client::worker_available() {
        start_job(
            job,
            key,
            base.bench().prompts.iter().map(prompt_text).collect(),
        );
        return;
    }
    job.set(JobState {
        key: Some(key.clone()),
        stage: "starting".into(),
        running: true,
        ..JobState::default()
    });
    let t0 = now_ms();
    let request = Job::Clusters {
        bench: key.bench.clone(),
        params: key.params(),
        perf,
    };
    let current = move |key: &JobKey| job.with_untracked(|s| s.key.as_ref() == Some(key));
    // The page may be gone when an answer arrives: `try_` ignores that.
    let listener = Rc::new(move |ev: Event| match ev {
        Event::Progress { done, total } => {
            if current(&key) && total > 0 {
                job.try_update(|s| {
                    s.stage = "computing in the worker".into();
                    s.done = done as f64 / total as f64;
                });
            }
        }
        Event::Finished { result, .. } => {
            let ms = now_ms() - t0;
            let key = key.clone();
            // Rendering is a task of its own, as for the leaderboard's results.
            set_timeout(
                move || {
                    if !current(&key) {
                        return;
                    }
                    job.try_update(|s| {
                        s.running = false;
                        s.done = 1.0;
                        s.ms = ms;
                        match result {
                            Ok(JobResult::Clusters(c)) => {
                                let ClustersDone { clustering, perfs } = *c;
                                s.result = Some(Shared(Arc::new(clustering)));
                                s.perfs = perfs.map(|(req, p)| {
                                    (req, Shared(Arc::new(p.topics)), Shared(Arc::new(p.broad)))
                                });
                            }
                            Ok(_) => s.error = Some("the worker answered another job".into()),
                            Err(e) => s.error = Some(e),
                        }
                    });
                },
                Duration::ZERO,
            );
        }
        Event::Abandoned => {}
    });
    client::submit(request, base.loaded.clone(), listener);
}

/// Runs a clustering in slices of about 12 ms, yielding to the browser between them so that the page
/// stays responsive; a newer job (other inputs) makes this one stop at its next slice.
pub(super) fn start_job(job: RwSignal<JobState>, key: JobKey, texts: Vec<String>) {
    let params = key.params();
    job.set(JobState {
        key: Some(key.clone()),
        stage: "starting".into(),
        running: true,
        ..JobState::default()
    });
    leptos::task::spawn_local(async move {
        // Let the progress bar appear before the first slice.
        yield_to_browser().await;
        let t0 = now_ms();
        let mut j = match ClusterJob::new(texts, params) {
            Ok(j) => j,
            Err(e) => {
                job.update(|s| {
                    if s.key.as_ref() == Some(&key) {
                        s.error = Some(e.to_string());
                        s.running = false;
                    }
                });
                return;
            }
        };
        let mut slice = now_ms();
        while !j.is_done() {
            let p = j.step();
            if now_ms() - slice > 12.0 {
                if job.with_untracked(|s| s.key.as_ref() != Some(&key)) {
                    return;
                }
                job.update(|s| {
                    s.stage = p.stage.to_string();
                    s.done = p.done;
                });
                yield_to_browser().await;
                slice = now_ms();
            }
        }
        let ms = now_ms() - t0;
        let result = j.into_result().map(|r| Shared(Arc::new(r)));
        job.update(|s| {
            if s.key.as_ref() == Some(&key) {
                s.result = result;
                s.running = false;
                s.done = 1.0;
                s.ms = ms;
            }
        });
    });
}

/// The job's progress bar, its error, or what it found (with how well the topics match the
/// data's finest label field, when it has one).
pub(super) fn progress_view(s: JobState, base: BaseMemo) -> Option<AnyView> {
    if let Some(e) = s.error {
        return Some(view! { <div class="status error" role="alert">{format!("Clustering failed: {e}")}</div> }.into_any());
    }
    if s.running {
        return Some(view! {
                <div class="status cluster-progress" role="status" data-testid="cluster-progress" data-done=format!("{:.3}", s.done)>
                    <progress max="1" value=s.done.to_string()></progress>
                    {format!(" Clustering the prompts: {} ({:.0}%). The page stays usable meanwhile.", s.stage, s.done * 100.0)}
                </div>
            }.into_any());
    }
    s.result.as_ref().map(|c| {
            let n = c.assignment.len();
            let k = c.clusters.len();
            // How well the computed topics match the labels the data ships, when it has some.
            let agreement = base.get().and_then(|b| b.ok()).and_then(|b| {
                let g = *b.fields.first()?;
                let labels: Vec<&str> = b.bench().prompts.iter().map(|p| g.of(p)).collect();
                Some(format!(
                    " Against the data's “{}” labels: adjusted Rand index {:.3}, NMI {:.3}.",
                    g.as_str(),
                    adjusted_rand_index(&labels, &c.assignment),
                    normalized_mutual_info(&labels, &c.assignment)
                ))
            });
            view! {
                <p class="hint" data-testid="cluster-done" data-ms=format!("{:.0}", s.ms) data-k=k.to_string()>
                    {format!(
                        "{k} topics from {n} prompts in {:.0} ms (TF-IDF, {}-dimensional SVD, {}; labels are each topic's top terms by class-based TF-IDF).",
                        s.ms, 64, if s.key.as_ref().is_some_and(|k| k.method == Method::Ward) { "Ward agglomeration" } else { "k-means++ with restarts" }
                    )}
                    {agreement}
                </p>
            }.into_any()
        })
}
