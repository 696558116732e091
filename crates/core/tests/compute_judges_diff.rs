//! The judges page's and the diff page's jobs in the compute worker's protocol, natively: their
//! requests and results survive encoding unchanged, the analysis and the diff computed through
//! encoded messages equal the direct calls the pages made before (`judges::analysis::analyse`,
//! `diff::compute` on `Run::verdicts`) bit for bit, the what-if is the leaderboard of its options,
//! a diff's run 2 is read from the second load it names, and a judges job reports its rounds and
//! can be abandoned between them.

mod common;

use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::compute::protocol::{
    DiffData, DiffRun, FileText, Job, JobResult, Kind, Request, Response,
};
use arena_lens_core::compute::run::{compute, Outcome, Session};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::diff::{self, Diff, PromptsFor, Run};
use arena_lens_core::judges::analysis::{self, Analysis};
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::pace::{block_on, Cancelled, Pacer, Unpaced};
use arena_lens_core::scope::{self, Purpose, Scope, ScopeRequest, Several};
use arena_lens_core::source::SourceFile;
use std::future::{ready, Future};
use std::sync::OnceLock;

fn demo_files() -> Vec<FileText> {
    arena_lens_demo::generate(2024)
        .into_iter()
        .map(|f| FileText {
            path: f.path,
            text: f.contents,
        })
        .collect()
}

fn demo() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(common::demo_dataset)
}

/// The scope a page resolves: `purpose`, the demo's baseline given, and `judge` when named.
fn resolve(purpose: Purpose, judge: Option<&str>) -> Scope {
    let req = ScopeRequest {
        several: Several::First,
        judged_baseline: Some(arena_lens_demo::DEMO_BASELINE.to_string()),
        judges: judge.map(|j| vec![j.to_string()]).unwrap_or_default(),
        ..ScopeRequest::new(purpose)
    };
    scope::resolve(demo(), &req).unwrap()
}

fn opts() -> LeaderboardOptions {
    let mut o = LeaderboardOptions {
        rounds: 20,
        seed: 11,
        level: 0.9,
        unit: BootstrapUnit::Prompt,
        ..LeaderboardOptions::default()
    };
    // The demo's baseline, as its manifest names it to the page.
    o.battles.judged_baseline = Some(arena_lens_demo::DEMO_BASELINE.into());
    o
}

/// The judges job the page sends for `scope` and `opts` (the scope's method in the options).
fn judges_job(s: &Scope, o: &LeaderboardOptions) -> Job {
    Job::Judges {
        bench: s.bench.clone(),
        judges: s.judges.clone(),
        options: LeaderboardOptions {
            method: s.method,
            ..o.clone()
        },
    }
}

fn through_text(session: &mut Session, req: Request) -> Response {
    let req = Request::decode(&req.encode()).unwrap();
    assert_eq!(
        Request::decode(&req.encode()).unwrap(),
        req,
        "requests round-trip"
    );
    let resp = block_on(session.run(req.id, req.job, &mut Unpaced));
    let back = Response::decode(&resp.encode()).unwrap();
    // PartialEq on f64 fields: every number reads back as the same bits.
    assert_eq!(back, resp, "responses round-trip exactly");
    back
}

fn loaded_session() -> Session {
    let mut session = Session::new();
    let r = through_text(
        &mut session,
        Request {
            id: 1,
            job: Job::Load {
                files: demo_files(),
            },
        },
    );
    assert!(matches!(r, Response::Done { .. }), "{r:?}");
    session
}

fn done(resp: Response) -> JobResult {
    match resp {
        Response::Done { result, .. } => result,
        other => panic!("not done: {other:?}"),
    }
}

#[test]
fn the_judges_analysis_through_the_protocol_equals_the_direct_call() {
    let mut session = loaded_session();
    let s = resolve(Purpose::Judges, None);
    assert!(s.judges.len() >= 2, "the demo has several judges");
    let direct: Analysis = analysis::analyse(demo(), &s, &opts()).unwrap();
    let JobResult::Judges(an) = done(through_text(
        &mut session,
        Request {
            id: 2,
            job: judges_job(&s, &opts()),
        },
    )) else {
        panic!("not an analysis")
    };
    assert_eq!(*an, direct);
    assert!(an.pooled.is_some() && !an.per.is_empty());
}

#[test]
fn the_what_if_is_the_leaderboard_of_its_options() {
    let mut session = loaded_session();
    let s = resolve(Purpose::Leaderboard, Some(arena_lens_demo::DEMO_JUDGES[0]));
    let mut o = opts().scoped(&s);
    o.rounds = 0;
    o.battles.first_game_only = true;
    let mut direct = leaderboard::compute(&demo().benches[&s.bench], &o).unwrap();
    direct.report.merge(&demo().report);
    let job = Job::WhatIf {
        bench: s.bench.clone(),
        options: o,
    };
    assert_eq!(
        job.kind(),
        Kind::WhatIf,
        "a what-if never replaces the analysis"
    );
    let JobResult::Leaderboard(lb) = done(through_text(&mut session, Request { id: 3, job }))
    else {
        panic!("not a leaderboard")
    };
    assert_eq!(*lb, direct);
}

/// The diff as the page computed it itself: both runs' leaderboards, the paired bootstrap at run
/// 1's level, every shared model's prompt changes.
fn direct_diff(r1: &Scope, ds2: &Dataset, r2: &Scope, o: &LeaderboardOptions) -> Diff {
    let a = Run::verdicts(r1.bench(demo()), o.clone().scoped(r1)).unwrap();
    let b = Run::verdicts(r2.bench(ds2), o.clone().scoped(r2)).unwrap();
    let level = a.as_verdicts().unwrap().leaderboard.level;
    let spec = BootstrapSpec::new(o.rounds, o.seed, level, BootstrapUnit::Prompt).unwrap();
    diff::compute(&a, &b, &spec, &PromptsFor::All).unwrap()
}

fn verdicts(data: DiffData, s: &Scope, o: &LeaderboardOptions) -> DiffRun {
    DiffRun::Verdicts {
        data,
        bench: s.bench.clone(),
        options: o.clone().scoped(s),
    }
}

#[test]
fn a_diff_of_two_judges_through_the_protocol_equals_the_direct_call() {
    let mut session = loaded_session();
    let [j1, j2] = arena_lens_demo::DEMO_JUDGES;
    let (s1, s2) = (
        resolve(Purpose::Leaderboard, Some(j1)),
        resolve(Purpose::Leaderboard, Some(j2)),
    );
    let direct = direct_diff(&s1, demo(), &s2, &opts());
    assert!(
        !direct.prompt_changes.is_empty(),
        "two judges disagree somewhere"
    );
    let job = Job::Diff {
        run_1: Box::new(verdicts(DiffData::Main, &s1, &opts())),
        run_2: Box::new(verdicts(DiffData::Main, &s2, &opts())),
        options: opts(),
    };
    let JobResult::Diff(d) = done(through_text(&mut session, Request { id: 4, job })) else {
        panic!("not a diff")
    };
    assert_eq!(*d, direct);
}

#[test]
fn run_2_is_read_from_the_second_load_it_names() {
    let mut session = loaded_session();
    // Run 2: the demo with another seed, as a second data set.
    let files2: Vec<FileText> = arena_lens_demo::generate(7)
        .into_iter()
        .map(|f| FileText {
            path: f.path,
            text: f.contents,
        })
        .collect();
    let sources: Vec<SourceFile> = files2.iter().cloned().map(Into::into).collect();
    let ds2 = Dataset::load(sources.clone());
    let load = Request {
        id: 5,
        job: Job::LoadSecond { files: files2 },
    };
    // The borrowed encoding the page uses is the same message.
    assert_eq!(Request::encode_load_second(5, &sources), load.encode());
    through_text(&mut session, load);
    let s1 = resolve(Purpose::Leaderboard, None);
    let req2 = ScopeRequest {
        several: Several::First,
        judged_baseline: Some(arena_lens_demo::DEMO_BASELINE.to_string()),
        ..ScopeRequest::new(Purpose::Leaderboard)
    };
    let s2 = scope::resolve(&ds2, &req2).unwrap();
    let direct = direct_diff(&s1, &ds2, &s2, &opts());
    let job = |load: u64| Job::Diff {
        run_1: Box::new(verdicts(DiffData::Main, &s1, &opts())),
        run_2: Box::new(verdicts(DiffData::Second { load }, &s2, &opts())),
        options: opts(),
    };
    let JobResult::Diff(d) = done(through_text(&mut session, Request { id: 6, job: job(5) }))
    else {
        panic!("not a diff")
    };
    assert_eq!(*d, direct);
    // A run 2 the worker does not hold (an older load's id) is a failure that says so.
    let Response::Failed { error, .. } = through_text(&mut session, Request { id: 7, job: job(4) })
    else {
        panic!("a stale run 2 must fail")
    };
    assert!(error.starts_with("Run 2: its data"), "{error}");
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
fn a_judges_job_hears_every_round_and_can_be_abandoned() {
    let session = loaded_session();
    let s = resolve(Purpose::Judges, None);
    let job = judges_job(&s, &opts());
    let mut all = StopAt {
        stop_at: 0,
        expected: 0,
        steps: 0,
    };
    let out = block_on(compute(session.dataset().as_deref(), &job, &mut all));
    assert!(matches!(out, Outcome::Done(JobResult::Judges(_))));
    // Per judge: its board, and its board at whichever of 95% and 80% is not the options' 90%
    // (both here), 20 rounds each; the pooled board; style fits have no rounds.
    let n = s.judges.len() as u64;
    assert_eq!(all.expected, 20 * (3 * n + 1));
    assert_eq!(all.steps, all.expected);
    let mut early = StopAt {
        stop_at: 50,
        expected: 0,
        steps: 0,
    };
    let out = block_on(compute(session.dataset().as_deref(), &job, &mut early));
    assert_eq!(out, Outcome::Abandoned);
    assert_eq!(early.steps, 50);
}
