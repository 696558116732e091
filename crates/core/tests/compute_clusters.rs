//! The compute worker's clustering job (`Job::Clusters`), natively: computed through encoded
//! messages it equals the direct `cluster_texts` (what the CLI's `clusters --compute` prints) bit
//! for bit, every job step is paced, and a pacer can abandon it between two steps.

use arena_lens_core::bench::Bench;
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::cluster::groups::Groups;
use arena_lens_core::cluster::perf::PerfSource;
use arena_lens_core::cluster::performance::cluster_performance;
use arena_lens_core::cluster::topic_perfs::{topic_perfs, PerfRequest};
use arena_lens_core::cluster::{cluster_texts, prompt_text, ClusterParams};
use arena_lens_core::compute::protocol::{FileText, Job, JobResult, Kind, Request, Response};
use arena_lens_core::compute::run::{compute, Outcome, Session};
use arena_lens_core::pace::{block_on, Cancelled, Pacer, Unpaced};
use std::future::{ready, Future};
use std::sync::Arc;

fn demo_files() -> Vec<FileText> {
    arena_lens_demo::generate(2024)
        .into_iter()
        .map(|f| FileText {
            path: f.path,
            text: f.contents,
        })
        .collect()
}

fn params() -> ClusterParams {
    ClusterParams {
        k: 12,
        seed: 5,
        ..ClusterParams::default()
    }
}

#[test]
fn clusters_through_the_protocol_equal_the_direct_call() {
    let mut session = Session::new();
    session.load(demo_files());
    let ds = session.dataset().unwrap();
    let bench = ds.benches.keys().next().unwrap().clone();
    let texts: Vec<String> = ds.benches[&bench].prompts.iter().map(prompt_text).collect();
    let direct = cluster_texts(texts, params()).unwrap();
    let req = Request {
        id: 4,
        job: Job::Clusters {
            bench: bench.clone(),
            params: params(),
            perf: None,
        },
    };
    assert_eq!(req.job.kind(), Kind::Clusters);
    let req = Request::decode(&req.encode()).unwrap();
    let resp = block_on(session.run(req.id, req.job, &mut Unpaced));
    let resp = Response::decode(&resp.encode()).unwrap();
    let Response::Done {
        id: 4,
        result: JobResult::Clusters(c),
        completed: 1,
    } = resp
    else {
        panic!("unexpected {resp:?}")
    };
    // JSON round-trips f64 exactly (shortest representation), so equality is bit for bit.
    assert_eq!(c.clustering, direct);
    assert!(c.perfs.is_none());
    assert!(!c.clustering.broad.is_empty());

    // An unknown bench fails with the benches found, as a leaderboard job does.
    let bad = Job::Clusters {
        bench: "nope".into(),
        params: params(),
        perf: None,
    };
    let out = block_on(compute(session.dataset().as_deref(), &bad, &mut Unpaced));
    assert!(matches!(out, Outcome::Failed(e) if e.contains(&bench)));
}

struct StopAt {
    stop_at: u64,
    expected: u64,
    steps: u64,
}

impl Pacer for StopAt {
    fn expect(&mut self, steps: u64) {
        self.expected += steps;
    }
    fn step(&mut self) -> impl Future<Output = Result<(), Cancelled>> {
        self.steps += 1;
        ready(if self.steps == self.stop_at {
            Err(Cancelled)
        } else {
            Ok(())
        })
    }
}

#[test]
fn a_clustering_is_paced_and_can_be_abandoned() {
    let mut session = Session::new();
    session.load(demo_files());
    let bench = session
        .dataset()
        .unwrap()
        .benches
        .keys()
        .next()
        .unwrap()
        .clone();
    let job = Job::Clusters {
        bench,
        params: params(),
        perf: None,
    };
    let mut all = StopAt {
        stop_at: 0,
        expected: 0,
        steps: 0,
    };
    let done = block_on(compute(session.dataset().as_deref(), &job, &mut all));
    assert!(matches!(done, Outcome::Done(_)));
    // The pacer hears every step it was told to expect: the thousandths of progress, plus one
    // for each job step that did not advance them.
    assert_eq!(all.steps, all.expected);
    assert!(all.expected >= 1_000, "{}", all.expected);
    let mut early = StopAt {
        stop_at: 20,
        expected: 0,
        steps: 0,
    };
    let out = block_on(compute(session.dataset().as_deref(), &job, &mut early));
    assert_eq!(out, Outcome::Abandoned);
    assert_eq!(early.steps, 20);
    assert_eq!(session.finish(9, out), Response::Abandoned { id: 9 });
    assert_eq!(session.completed(), 0);
}

fn perf_request(bench: &Bench, subset: Option<Vec<u32>>) -> PerfRequest {
    let spec = BootstrapSpec::new(40, 11, 0.9, BootstrapUnit::Prompt).unwrap();
    // The demo's baseline, as the scope picks it.
    let baseline = bench.models.get(arena_lens_demo::DEMO_BASELINE);
    assert!(baseline.is_some());
    PerfRequest::new(PerfSource::Judge(0), baseline, spec, subset)
}

#[test]
fn the_clusters_job_carries_the_win_rates_the_cli_prints() {
    let mut session = Session::new();
    session.load(demo_files());
    let ds = session.dataset().unwrap();
    let bench_name = ds.benches.keys().next().unwrap().clone();
    let b = &ds.benches[&bench_name];
    let texts: Vec<String> = b.prompts.iter().map(prompt_text).collect();
    let direct = Arc::new(cluster_texts(texts, params()).unwrap());
    // A subset of every third prompt, as a box on the map would send.
    for subset in [None, Some((0..b.prompts.len() as u32).step_by(3).collect())] {
        let req = perf_request(b, subset);
        let job = Job::Clusters {
            bench: bench_name.clone(),
            params: params(),
            perf: Some(req.clone()),
        };
        let job = Request::decode(&Request { id: 7, job }.encode())
            .unwrap()
            .job;
        let resp = session.finish(7, block_on(compute(Some(&ds), &job, &mut Unpaced)));
        let Response::Done {
            result: JobResult::Clusters(c),
            ..
        } = Response::decode(&resp.encode()).unwrap()
        else {
            panic!("unexpected {resp:?}")
        };
        let (got_req, got) = c.perfs.expect("win rates asked for");
        assert_eq!(got_req, req);
        // The same call the page makes without a worker; JSON round-trips f64 exactly, so equal
        // bit for bit.
        let want = topic_perfs(b, direct.clone(), &req).unwrap();
        assert_eq!(got, want);
        // Without a subset, the rows are the CLI's `clusters --json` statistic
        // (`cluster_performance` over the topic names; `broad_clusters` over the broad names).
        if req.subset.is_none() {
            let spec = req.spec().unwrap();
            let labels = Groups::from_clustering(b, direct.clone()).label_of;
            assert_eq!(
                got.topics.rows,
                cluster_performance(b, 0, req.baseline, &labels, spec)
            );
            assert_eq!(
                got.broad.rows,
                cluster_performance(b, 0, req.baseline, &direct.broad_names(), spec)
            );
        }
        assert!(got.topics.rows.len() > 1 && !got.broad.rows.is_empty());
    }
    // A judge index the bench does not have fails with a reason instead of panicking.
    let mut bad = perf_request(b, None);
    bad.source = PerfSource::Judge(99);
    let job = Job::Clusters {
        bench: bench_name,
        params: params(),
        perf: Some(bad),
    };
    let out = block_on(compute(Some(&ds), &job, &mut Unpaced));
    assert!(
        matches!(out, Outcome::Failed(ref e) if e.contains("judge #99")),
        "{out:?}"
    );
}
