//! The per-judge leaderboards (`judges::boards`) equal computing each judge alone, and the judges
//! analysis (`judges::analysis`) on the demo data (two judges, planted self-preference).

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::judges::agreement::{self, AgreementOptions};
use arena_lens_core::judges::analysis::{self, AnalysisError, CORR_ROUNDS};
use arena_lens_core::judges::boards;
use arena_lens_core::judges::consistency;
use arena_lens_core::judges::family::{self, FamilyTable};
use arena_lens_core::judges::separability;
use arena_lens_core::leaderboard::{self, Leaderboard, LeaderboardOptions};
use arena_lens_core::scope::{self, Purpose, Scope, ScopeError, ScopeRequest};
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;

fn demo() -> Dataset {
    common::demo_dataset()
}

/// Few rounds keep the test quick; every comparison below is exact, so any count would do.
const ROUNDS: u32 = 5;

fn opts(level: f64) -> LeaderboardOptions {
    let mut o = LeaderboardOptions {
        rounds: ROUNDS,
        level,
        ..LeaderboardOptions::default()
    };
    o.battles.judged_baseline = Some(arena_lens_demo::DEMO_BASELINE.into());
    o
}

/// One judge alone, as the leaderboard page computes it.
fn alone(
    bench: &arena_lens_core::bench::Bench,
    judge: &str,
    o: &LeaderboardOptions,
    level: f64,
    style: StyleMode,
    rounds: u32,
) -> Leaderboard {
    let mut o = o.clone();
    o.battles.judges = vec![judge.to_string()];
    o.level = level;
    o.style = style;
    o.rounds = rounds;
    leaderboard::compute(bench, &o).unwrap()
}

#[test]
fn per_judge_boards_equal_each_judge_alone() {
    let ds = demo();
    let bench = ds.bench(None).unwrap();
    let judges: Vec<String> = arena_lens_demo::DEMO_JUDGES.map(String::from).to_vec();
    // At 95% the 95% separability reuses the leaderboard; at 90% both levels are recomputed.
    for level in [0.95, 0.9] {
        let o = opts(level);
        let per = boards::per_judge(bench, &o, &judges).unwrap();
        assert_eq!(per.len(), 2);
        for (p, j) in per.iter().zip(&judges) {
            assert_eq!(&p.judge, j);
            assert_eq!(*p.lb, alone(bench, j, &o, level, StyleMode::Off, ROUNDS));
            let sep = |l: f64| {
                separability::of_leaderboard(&alone(bench, j, &o, l, StyleMode::Off, ROUNDS))
            };
            assert_eq!(p.sep95, sep(0.95));
            assert_eq!(p.sep80, sep(0.80));
            assert_eq!(
                p.style.as_ref().unwrap(),
                &alone(bench, j, &o, level, StyleMode::Full, 0)
            );
        }
    }
}

#[test]
fn a_failing_judge_names_itself() {
    let ds = demo();
    let bench = ds.bench(None).unwrap();
    let e = boards::per_judge(bench, &opts(0.95), &["no-such-judge".to_string()]).unwrap_err();
    assert_eq!(e.judges, "no-such-judge");
    assert!(e.to_string().starts_with("no-such-judge: "), "{e}");
}

/// The judges view's scope: every judge of the bench, sorted by name, judged against the demo's
/// baseline (as [`opts`] names it).
fn judges_scope(ds: &Dataset, bench: Option<&str>) -> Result<Scope, ScopeError> {
    let mut req = ScopeRequest::new(Purpose::Judges);
    req.bench = bench.map(str::to_string);
    req.judged_baseline = Some(arena_lens_demo::DEMO_BASELINE.into());
    scope::resolve(ds, &req)
}

#[test]
fn analysis_takes_judges_by_name_and_pools_them() {
    let ds = demo();
    let bench = ds.bench(None).unwrap();
    let mut o = opts(0.95);
    // Ignored: the analysis sets its own judges, style and grouping.
    o.battles.judges = vec!["judge-sage".into()];
    o.style = StyleMode::Full;
    let an = analysis::analyse(&ds, &judges_scope(&ds, None).unwrap(), &o).unwrap();
    // The demo's files list judge-sage first; the analysis sorts by name.
    assert_eq!(an.judges, ["judge-atlas", "judge-sage"]);
    assert_eq!(an.bench_name, arena_lens_demo::DEMO_BENCH);
    assert!(an.opts.battles.judges.is_empty() && an.opts.style == StyleMode::Off);
    assert_eq!(
        an.per,
        boards::per_judge(bench, &an.opts, &an.judges).unwrap()
    );

    let mut pooled = an.opts.clone();
    pooled.battles.judges = an.judges.clone();
    assert_eq!(
        an.pooled.clone().unwrap().unwrap(),
        leaderboard::compute(bench, &pooled).unwrap()
    );
    assert_eq!(
        an.consistency.clone().unwrap(),
        consistency::position_consistency(bench, &an.judges).unwrap()
    );

    // The pair falls back to the first two judges by name.
    let a = |s: &str| s.to_string();
    assert_eq!(
        an.pair(None, None),
        Some((a("judge-atlas"), Some(a("judge-sage"))))
    );
    assert_eq!(
        an.pair(Some("judge-sage"), Some("nobody")),
        Some((a("judge-sage"), Some(a("judge-sage"))))
    );

    let g = an.agreement("judge-atlas", "judge-sage").unwrap().unwrap();
    let direct = agreement::compare_rows(
        &an.per[0].lb.models,
        &an.per[1].lb.models,
        &AgreementOptions {
            ours_level: 0.95,
            rounds: CORR_ROUNDS,
            seed: an.opts.seed,
            level: 0.95,
        },
    )
    .unwrap();
    assert_eq!(g, direct);
    assert!(an.agreement("judge-atlas", "nobody").is_none());

    let table = FamilyTable::default();
    let boards: Vec<Leaderboard> = an.per.iter().map(|p| (*p.lb).clone()).collect();
    assert_eq!(
        an.self_preference(&table).unwrap(),
        family::self_preference(&boards, &table).unwrap()
    );
}

#[test]
fn analysis_errors_are_neutral() {
    let ds = demo();
    // A bench the data lacks is the scope's error, before any analysis.
    let e = judges_scope(&ds, Some("no-such-bench")).unwrap_err();
    assert!(matches!(e, ScopeError::UnknownBench { .. }), "{e:?}");
    assert!(!e.to_string().contains("--"), "{e}");
    // A battles file (Chatbot Arena style) has verdicts but no judges.
    let battles_only = Dataset::load(vec![SourceFile {
        path: "t/battles.jsonl".into(),
        text: "{\"model_a\":\"m\",\"model_b\":\"n\",\"winner\":\"model_a\"}\n".into(),
    }]);
    assert!(battles_only.bench(None).is_ok());
    let s = judges_scope(&battles_only, None).unwrap();
    let e = analysis::analyse(&battles_only, &s, &opts(0.95)).unwrap_err();
    assert_eq!(e, AnalysisError::NoJudges);
    assert!(!e.to_string().contains("--"), "{e}");
}
