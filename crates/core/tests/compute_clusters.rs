//! The compute worker's clustering job (`Job::Clusters`), natively: computed through encoded
//! messages it equals the direct `cluster_texts` (what the CLI's `clusters --compute` prints) bit
//! for bit, every job step is paced, and a pacer can abandon it between two steps.

use arena_lens_core::cluster::{cluster_texts, prompt_text, ClusterParams};
use arena_lens_core::compute::protocol::{FileText, Job, JobResult, Kind, Request, Response};
use arena_lens_core::compute::run::{compute, Outcome, Session};
use arena_lens_core::pace::{block_on, Cancelled, Pacer, Unpaced};
use std::future::{ready, Future};

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
    assert_eq!(*c, direct);
    assert!(!c.broad.is_empty());

    // An unknown bench fails with the benches found, as a leaderboard job does.
    let bad = Job::Clusters {
        bench: "nope".into(),
        params: params(),
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
