//! The compute worker's protocol (`compute::protocol`) and its runner (`compute::run`), natively:
//! every message survives encoding unchanged, a leaderboard computed through encoded messages
//! equals the direct `leaderboard::compute` bit for bit, and a pacer can abandon a job between
//! bootstrap rounds without the session counting it.

mod common;

use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::compute::protocol::{
    FileText, Job, JobResult, Kind, LoadSummary, ProtocolError, Request, Response,
};
use arena_lens_core::compute::run::{compute, Outcome, Session};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, GroupBy, Leaderboard, LeaderboardOptions};
use arena_lens_core::pace::{block_on, Cancelled, Pacer, Unpaced};
use arena_lens_core::scope::{self, Purpose, ScopeRequest, Several};
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;
use std::future::{ready, Future};
use std::sync::OnceLock;

/// The demo's files, as the site would send them to the worker.
fn demo_files() -> Vec<FileText> {
    arena_lens_demo::generate(2024)
        .into_iter()
        .map(|f| FileText {
            path: f.path,
            text: f.contents,
        })
        .collect()
}

/// The demo data set, parsed once for all tests.
fn demo() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(common::demo_dataset)
}

/// Options scoped the way the leaderboard page scopes them (`scope::resolve`, then `scoped`).
fn scoped(opts: LeaderboardOptions) -> (String, LeaderboardOptions) {
    let ds = demo();
    // The site's choice when several judges are there: the first by name.
    let req = ScopeRequest {
        several: Several::First,
        // The demo names its baseline in the manifest `arena-lens index` writes; raw, it is given.
        judged_baseline: Some(arena_lens_demo::DEMO_BASELINE.to_string()),
        ..ScopeRequest::new(Purpose::Leaderboard)
    };
    let s = scope::resolve(ds, &req).unwrap();
    (s.bench.clone(), opts.scoped(&s))
}

fn style_opts() -> LeaderboardOptions {
    LeaderboardOptions {
        rounds: 30,
        seed: 7,
        level: 0.9,
        unit: BootstrapUnit::Prompt,
        style: StyleMode::Full,
        group_by: Some(GroupBy::Category),
        ..LeaderboardOptions::default()
    }
}

/// The direct call the worker replaces, as the page made it.
fn direct(bench: &str, opts: &LeaderboardOptions) -> Leaderboard {
    let ds = demo();
    let mut lb = leaderboard::compute(&ds.benches[bench], opts).unwrap();
    lb.report.merge(&ds.report);
    lb
}

/// Sends `req` through its text form and returns the response's text form decoded.
fn through_text(session: &mut Session, req: &Request) -> Response {
    let req = Request::decode(&req.encode()).unwrap();
    let resp = block_on(session.run(req.id, req.job, &mut Unpaced));
    Response::decode(&resp.encode()).unwrap()
}

#[test]
fn requests_round_trip() {
    let (bench, options) = scoped(style_opts());
    let reqs = [
        Request {
            id: 1,
            job: Job::Load {
                files: vec![FileText {
                    path: "ko/model_answer/모델 (1).jsonl".into(),
                    text: "{\"a\": \"quote \\\" tab\\t\"}\n\u{0}end".into(),
                }],
            },
        },
        Request {
            id: u64::MAX,
            job: Job::Leaderboard { bench, options },
        },
    ];
    for r in &reqs {
        assert_eq!(&Request::decode(&r.encode()).unwrap(), r);
    }
    // The borrowed encoding the site uses for a load is the same message.
    let Job::Load { files } = &reqs[0].job else {
        unreachable!()
    };
    let sources: Vec<SourceFile> = files.iter().cloned().map(Into::into).collect();
    assert_eq!(Request::encode_load(1, &sources), reqs[0].encode());
    assert_eq!(
        Job::Load { files: vec![] }.kind(),
        Kind::Load,
        "loads replace loads"
    );
}

#[test]
fn responses_round_trip_exactly_with_a_real_leaderboard() {
    let (bench, options) = scoped(style_opts());
    let lb = direct(&bench, &options);
    assert!(!lb.style_coefficients.is_empty() && !lb.groups.is_empty());
    let resps = [
        Response::Ready,
        Response::Progress {
            id: 3,
            done: 10,
            total: 30,
        },
        Response::Done {
            id: 3,
            result: JobResult::Leaderboard(Box::new(lb)),
            completed: 1,
        },
        Response::Done {
            id: 4,
            result: JobResult::Loaded(LoadSummary {
                files: 2,
                bytes: 10,
                benches: vec!["demo".into()],
            }),
            completed: 2,
        },
        Response::Failed {
            id: 5,
            error: "no usable battles".into(),
        },
        Response::Abandoned { id: 6 },
    ];
    for r in resps {
        // PartialEq on f64 fields: every score, bound and coefficient reads back as the same bits.
        assert_eq!(Response::decode(&r.encode()).unwrap(), r);
    }
}

#[test]
fn a_leaderboard_through_the_protocol_equals_the_direct_call() {
    let mut session = Session::new();
    let loaded = through_text(
        &mut session,
        &Request {
            id: 1,
            job: Job::Load {
                files: demo_files(),
            },
        },
    );
    let Response::Done {
        result: JobResult::Loaded(summary),
        completed: 1,
        ..
    } = loaded
    else {
        panic!("load: {loaded:?}")
    };
    assert!(!summary.benches.is_empty());
    let plain = LeaderboardOptions {
        rounds: 50,
        ..LeaderboardOptions::default()
    };
    for (i, opts) in [plain, style_opts()].into_iter().enumerate() {
        let (bench, options) = scoped(opts);
        let id = 10 + i as u64;
        let resp = through_text(
            &mut session,
            &Request {
                id,
                job: Job::Leaderboard {
                    bench: bench.clone(),
                    options: options.clone(),
                },
            },
        );
        let Response::Done {
            id: got,
            result: JobResult::Leaderboard(lb),
            completed,
        } = resp
        else {
            panic!("leaderboard: {resp:?}")
        };
        assert_eq!((got, completed), (id, 2 + i as u64));
        assert_eq!(*lb, direct(&bench, &options));
    }
}

#[test]
fn failures_are_reported_not_thrown() {
    let mut session = Session::new();
    let (_, options) = scoped(style_opts());
    let job = Job::Leaderboard {
        bench: "nope".into(),
        options,
    };
    let before_load = block_on(session.run(1, job.clone(), &mut Unpaced));
    assert_eq!(
        before_load,
        Response::Failed {
            id: 1,
            error: "no data set is loaded".into()
        }
    );
    session.load(demo_files());
    let Response::Failed { error, .. } = block_on(session.run(2, job, &mut Unpaced)) else {
        panic!("an unknown bench is a failure")
    };
    assert!(error.contains("unknown bench \"nope\""), "{error}");
    assert_eq!(session.completed(), 0);
    assert!(matches!(
        Request::decode("{\"id\":1,\"job\":\"sing\"}"),
        Err(ProtocolError::Malformed(_))
    ));
}

/// Cancels at step `stop_at`, counting what it hears, as the worker's pacer does when a newer
/// request arrives.
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
fn a_paced_job_hears_every_round_and_can_be_abandoned() {
    let mut session = Session::new();
    session.load(demo_files());
    let (bench, options) = scoped(style_opts());
    let groups = direct(&bench, &options).groups.len() as u64;
    let job = Job::Leaderboard { bench, options };
    // Run to the end: one step per round of the main board and of each group's board.
    let mut all = StopAt {
        stop_at: 0,
        expected: 0,
        steps: 0,
    };
    let done = block_on(compute(session.dataset().as_deref(), &job, &mut all));
    assert!(matches!(done, Outcome::Done(_)));
    assert_eq!(all.expected, 30 * (1 + groups));
    assert_eq!(all.steps, all.expected);
    // Cancelled in the middle of the main board's rounds: abandoned, and not counted as completed.
    let mut early = StopAt {
        stop_at: 12,
        expected: 0,
        steps: 0,
    };
    let out = block_on(compute(session.dataset().as_deref(), &job, &mut early));
    assert_eq!(out, Outcome::Abandoned);
    assert_eq!(early.steps, 12, "the job stops at the step that cancels it");
    assert_eq!(session.finish(9, out), Response::Abandoned { id: 9 });
    assert_eq!(session.completed(), 0);
}
