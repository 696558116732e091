//! The bad-input fixture set (tests/fixtures/bad-input): every kind of broken line gets its documented
//! behaviour, odd model names survive, and fuzzed input never panics or loses a line silently.

use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use arena_lens_core::Error;
use proptest::prelude::*;
use std::path::Path;

mod common;

fn fixture() -> Vec<SourceFile> {
    common::read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-input"),
        "bad-input",
        &|_| true,
    )
}

fn opts() -> LeaderboardOptions {
    LeaderboardOptions {
        baseline: Some("base".into()),
        rounds: 20,
        ..Default::default()
    }
}

#[test]
fn every_bad_line_is_counted_and_the_rest_loads() {
    let ds = Dataset::load(fixture());
    let bench = ds.bench(None).unwrap();
    let lb = leaderboard::compute(bench, &opts()).unwrap();
    let mut report = lb.report.clone();
    report.merge(&ds.report);
    let c = |k| report.count(k);
    assert_eq!(c(IssueKind::BadJson), 3, "{:#?}", report.issues);
    assert_eq!(c(IssueKind::MissingField), 3, "{:#?}", report.issues);
    assert_eq!(c(IssueKind::NullLabel), 1);
    assert_eq!(c(IssueKind::UnknownLabel), 2);
    assert_eq!(c(IssueKind::SingleGame), 1);
    assert_eq!(c(IssueKind::DuplicateRow), 1);
    assert_eq!(c(IssueKind::SelfBattle), 1);
    assert_eq!(c(IssueKind::UnknownFile), 1);
    // Each issue names its file and line.
    let bad = report
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::BadJson && i.file.ends_with("org-model.jsonl"))
        .unwrap();
    assert_eq!(bad.line, 2);
    let null = report
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::NullLabel)
        .unwrap();
    assert_eq!((null.line, null.field.as_str()), (2, "games[1].score"));
    assert!(null
        .to_string()
        .starts_with("bad-input/model_judgment/judge-x/chat model (v2).jsonl:2:"));
    // Odd names survive intact.
    let names: Vec<&str> = lb.models.iter().map(|r| r.model.as_str()).collect();
    for n in ["base", "chat model (v2)", "org/model-7b", "모델-한국어"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    // Battle counts from the fixture, worked out by hand in its comments' order.
    let row = |m: &str| lb.models.iter().find(|r| r.model == m).unwrap().clone();
    assert_eq!(row("chat model (v2)").battles, 8);
    assert!((row("chat model (v2)").score - 75.0).abs() < 1e-9);
    assert_eq!(row("org/model-7b").battles, 8);
    assert!((row("org/model-7b").score - 100.0 * 2.5 / 8.0).abs() < 1e-9);
    assert_eq!(row("chat model (v2)").avg_tokens, Some(30.0));
}

#[test]
fn fatal_problems_are_clear_errors() {
    let ds = Dataset::load(fixture());
    let bench = ds.bench(None).unwrap();
    let unknown_judge = LeaderboardOptions {
        battles: arena_lens_core::battle_set::BattleOptions {
            judges: vec!["nobody".into()],
            ..Default::default()
        },
        ..opts()
    };
    match leaderboard::compute(bench, &unknown_judge) {
        Err(Error::UnknownJudge { name, found }) => {
            assert_eq!(name, "nobody");
            assert_eq!(found, vec!["judge-x".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    let bad_baseline = LeaderboardOptions {
        baseline: Some("nope".into()),
        ..opts()
    };
    assert!(matches!(
        leaderboard::compute(bench, &bad_baseline),
        Err(Error::UnknownBaseline { .. })
    ));
    assert!(matches!(
        Dataset::load(vec![]).bench(None),
        Err(Error::NoData)
    ));
    let two_judges = {
        let mut f = fixture();
        let extra: Vec<SourceFile> = f
            .iter()
            .filter(|s| s.path.contains("judge-x"))
            .map(|s| SourceFile {
                path: s.path.replace("judge-x", "judge-y"),
                text: s.text.clone(),
            })
            .collect();
        f.extend(extra);
        Dataset::load(f)
    };
    let e = leaderboard::compute(two_judges.bench(None).unwrap(), &opts()).unwrap_err();
    assert!(e.to_string().contains("judge-x, judge-y"), "{e}");
}

fn judgment_line() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        Just("\"A>>B\"".to_string()),
        Just("\"A>B\"".to_string()),
        Just("\"A=B\"".to_string()),
        Just("null".to_string()),
        Just("\"B<A\"".to_string()),
        Just("3".to_string()),
        "\"[^\"\\\\]{0,5}\"",
    ];
    let game = label.prop_map(|l| format!("{{\"score\": {l}}}"));
    (
        0u8..6,
        proptest::collection::vec(game, 0..4),
        "[a-z/() 가-힣]{1,8}",
    )
        .prop_map(|(q, games, model)| {
            format!(
                "{{\"question_id\": \"q{q}\", \"model\": \"{model}\", \"games\": [{}]}}",
                games.join(", ")
            )
        })
}

fn mangle() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => judgment_line(),
        1 => judgment_line().prop_flat_map(|l| { let n = l.len(); (Just(l), 0..n) }).prop_map(|(l, cut)| l.chars().take(cut).collect()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Fuzzing the judgment parser: no panic, and every non-blank line is either a loaded judgment or
    /// a reported skip.
    #[test]
    fn fuzzed_judgments_never_panic_or_vanish(lines in proptest::collection::vec(mangle(), 0..30)) {
        let text = lines.join("\n");
        let ds = Dataset::load(vec![SourceFile { path: "b/model_judgment/j/m.jsonl".into(), text: text.clone() }]);
        let nonblank = text.split('\n').filter(|l| !l.trim().is_empty()).count();
        let (loaded, skipped) = ds.benches.get("b").map(|b| {
            let r = &b.report;
            (r.judgments, r.count(IssueKind::BadJson) + r.count(IssueKind::MissingField) + r.count(IssueKind::DuplicateRow))
        }).unwrap_or((0, 0));
        prop_assert_eq!(loaded + skipped, nonblank);
        if let Ok(bench) = ds.bench(None) {
            let battles = arena_lens_core::battle_set::BattleOptions { judged_baseline: Some("base".into()), ..Default::default() };
            let _ = leaderboard::compute(bench, &LeaderboardOptions { battles, rounds: 3, ..Default::default() });
        }
    }

    #[test]
    fn fuzzed_battles_and_answers_never_panic(text in ".{0,400}", lines in proptest::collection::vec(mangle(), 0..10)) {
        let files = vec![
            SourceFile { path: "b/battles.jsonl".into(), text: text.clone() },
            SourceFile { path: "b/model_answer/m.jsonl".into(), text: lines.join("\n") },
            SourceFile { path: "b/question.jsonl".into(), text },
        ];
        let ds = Dataset::load(files);
        if let Ok(bench) = ds.bench(None) {
            let _ = leaderboard::compute(bench, &LeaderboardOptions { rounds: 3, ..Default::default() });
        }
    }
}
