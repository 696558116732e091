//! FastChat MT-Bench: the real llm_judge folder in `../shared` read and scored as FastChat's
//! `show_result.py` prints it, the bad-input fixture set (tests/fixtures/mt-bench-bad) with each
//! broken row's documented behaviour, and fuzzed pair / single files.

use arena_lens_core::bench::Bench;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, GroupBy, Leaderboard, LeaderboardOptions, ModelRow};
use arena_lens_core::method::Method;
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use proptest::prelude::*;
use std::path::Path;

mod common;

/// The FastChat fork's llm_judge data folder, relative to `../shared`.
const DATA: &str = "data/formats/mt_bench/Stefanstud__FastChat/fastchat/llm_judge/data";

fn mt_bench(baseline: Option<&str>) -> LeaderboardOptions {
    LeaderboardOptions {
        method: Method::MtBench,
        baseline: baseline.map(str::to_string),
        ..Default::default()
    }
}

fn row<'a>(lb: &'a Leaderboard, model: &str) -> &'a ModelRow {
    lb.models
        .iter()
        .find(|r| r.model == model)
        .unwrap_or_else(|| panic!("{model} not in {:?}", lb.models))
}

fn fig(r: &ModelRow, k: &str) -> f64 {
    *r.figures
        .get(k)
        .unwrap_or_else(|| panic!("no {k} in {:?}", r.figures))
}

fn shared_bench() -> Option<Dataset> {
    let root = common::shared::shared_data("mt_bench_shared", &[DATA])?;
    Some(Dataset::load(common::read_tree(
        &root.join(DATA),
        "data",
        &|n| n.ends_with(".jsonl"),
    )))
}

/// FastChat's printed tables, from `python3 show_result.py --mode pairwise-all`, `--mode
/// pairwise-baseline --baseline-model phi-3` and `--mode single` (fschat 0.2.36,
/// fastchat/llm_judge/show_result.py) run in the shared folder's `fastchat/llm_judge`:
///
/// ```text
///            win  loss  tie  win_rate  loss_rate  win_rate_adjusted
/// phi-3-dpo   20    18   35  0.273973   0.246575           0.513699
/// phi-3       18    20   35  0.246575   0.273973           0.486301
/// single: phi-3-dpo turn 1 8.3625, turn 2 8.0375, average 8.2
/// ```
///
/// Counts exactly; rates to the printed 6 decimals (tolerance 5e-7 on the fraction); single means
/// to 1e-12 (pandas prints them in full).
#[test]
fn the_shared_folder_scores_as_fastchat_prints() {
    let Some(ds) = shared_bench() else { return };
    let bench = ds.bench(None).unwrap();
    assert_eq!(bench.name, "mt_bench");
    assert_eq!(Method::default_for(bench), Method::MtBench);
    let lb = leaderboard::compute(bench, &mt_bench(None)).unwrap();
    let printed = [
        (
            "phi-3-dpo",
            [20.0, 18.0, 35.0],
            [0.273973, 0.246575, 0.513699],
        ),
        ("phi-3", [18.0, 20.0, 35.0], [0.246575, 0.273973, 0.486301]),
    ];
    assert_eq!(
        lb.models
            .iter()
            .map(|r| r.model.as_str())
            .collect::<Vec<_>>(),
        ["phi-3-dpo", "phi-3"],
        "sorted by win_rate_adjusted, as the tool sorts"
    );
    for (model, counts, rates) in printed {
        let r = row(&lb, model);
        assert_eq!(
            [fig(r, "wins"), fig(r, "losses"), fig(r, "ties")],
            counts,
            "{model}"
        );
        let ours = [fig(r, "win_rate"), fig(r, "loss_rate"), r.score].map(|x| x / 100.0);
        for (o, p) in ours.iter().zip(rates) {
            assert!((o - p).abs() < 5e-7, "{model}: {o} vs printed {p}");
        }
        assert_eq!((r.lower, r.upper), (r.score, r.score));
        assert_eq!(r.battles, 73);
        assert_eq!(fig(r, "error_rows"), 2.0, "rows 124 and 125 carry `error`");
    }
    let dpo = row(&lb, "phi-3-dpo");
    for (k, v) in [
        ("single_turn_1", 8.3625),
        ("single_turn_2", 8.0375),
        ("single_mean", 8.2),
    ] {
        assert!((fig(dpo, k) - v).abs() < 1e-12, "{k}: {}", fig(dpo, k));
    }
    assert!(!row(&lb, "phi-3").figures.contains_key("single_mean"));
    // Two models, 20 wins against 18 with 35 ties: the Bradley-Terry ratings straddle 1000.
    assert!(fig(dpo, "bt_score") > 1000.0 && fig(row(&lb, "phi-3"), "bt_score") < 1000.0);
    assert_eq!(lb.report.count(IssueKind::JudgeError), 3);

    let base = leaderboard::compute(bench, &mt_bench(Some("phi-3"))).unwrap();
    assert_eq!(base.models.len(), 1, "the baseline leaves the table");
    let r = row(&base, "phi-3-dpo");
    assert!((r.score / 100.0 - 0.513699).abs() < 5e-7);
    assert_eq!(base.baseline, "phi-3");
    assert!(base
        .method_line
        .contains("Pairwise-baseline mode against phi-3"));
}

#[test]
fn the_shared_folder_reads_whole() {
    let Some(ds) = shared_bench() else { return };
    assert_eq!(
        ds.benches.keys().collect::<Vec<_>>(),
        ["mt_bench"],
        "judge_prompts.jsonl joins the MT-Bench bench"
    );
    let b = ds.bench(None).unwrap();
    assert_eq!(b.prompts.len(), 80);
    let mut cats = b.categories();
    cats.dedup();
    assert_eq!(
        cats,
        [
            "coding",
            "extraction",
            "humanities",
            "math",
            "reasoning",
            "roleplay",
            "stem",
            "writing"
        ]
    );
    assert!(b.prompts.iter().all(|p| p.later_turns.len() == 1));
    assert_eq!(b.answers.len(), 160);
    assert!(b.answers.iter().all(|a| a.later_turns.len() == 1));
    assert_eq!(b.judgments.len(), 75);
    assert!(b.judgments.iter().all(|j| j.turn == 1));
    assert_eq!(b.grades.len(), 160);
    assert_eq!(b.grades.iter().filter(|g| g.turn == 2).count(), 80);
    // 39 questions carry a `reference`; gpt-4.jsonl has 30 more.
    assert_eq!(b.references.len(), 69);
    assert_eq!(b.judge_prompts.len(), 8);
    assert_eq!(b.report.count(IssueKind::MissingMetadata), 0);
    let first = b.judgments.iter().find(|j| j.line == 1).unwrap();
    assert_eq!(first.judge_prompt, "pair-v2");
    assert_eq!(b.models.name(first.baseline.unwrap()), "phi-3");
    assert_eq!(b.models.name(first.model), "phi-3-dpo");
    assert!(first.games[0].user_prompt.starts_with("[User Question]"));
}

fn fixture() -> Dataset {
    Dataset::load(common::read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mt-bench-bad"),
        "fixture",
        &|_| true,
    ))
}

fn bench(ds: &Dataset) -> &Bench {
    ds.bench(None).unwrap()
}

#[test]
fn every_bad_row_gets_its_documented_behaviour() {
    let ds = fixture();
    let b = bench(&ds);
    let c = |k| b.report.count(k);
    assert_eq!(c(IssueKind::BadJson), 2, "{:#?}", b.report.issues);
    assert_eq!(c(IssueKind::MissingField), 6, "{:#?}", b.report.issues);
    assert_eq!(c(IssueKind::DuplicateRow), 5, "{:#?}", b.report.issues);
    assert_eq!(c(IssueKind::JudgeError), 4, "{:#?}", b.report.issues);
    assert_eq!(c(IssueKind::UnknownLabel), 5, "{:#?}", b.report.issues);
    assert_eq!(c(IssueKind::SelfBattle), 1);
    assert_eq!(b.judgments.len(), 8);
    assert_eq!(b.grades.len(), 4);
    assert_eq!(b.references.len(), 2);
    assert_eq!(
        b.judge_prompts
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["pair-v2", "single-v1"]
    );
    let at = |kind, line: usize| {
        b.report
            .issues
            .iter()
            .find(|i| i.kind == kind && i.line == line && i.file.ends_with("gpt-4_pair.jsonl"))
            .unwrap_or_else(|| panic!("no {kind:?} at line {line}: {:#?}", b.report.issues))
    };
    assert_eq!(at(IssueKind::JudgeError, 5).field, "g2_winner");
    assert_eq!(at(IssueKind::BadJson, 7).line, 7);
    assert_eq!(at(IssueKind::UnknownLabel, 8).message, "\"foo\"");
    assert_eq!(at(IssueKind::MissingField, 12).field, "turn");
    // The `-1` grade is kept without a score; `-`, 11 and null are not ratings.
    let none = b.grades.iter().filter(|g| g.score.is_none()).count();
    assert_eq!(none, 1);
    // String and object turns both read.
    let q1 = &b.prompts[b.prompt_index["1"] as usize];
    assert_eq!(
        (q1.text.as_str(), q1.later_turns.as_slice()),
        ("Write a poem.", &["Now make it rhyme.".to_string()][..])
    );
    assert_eq!(q1.category, "writing");
    assert_eq!(
        b.prompts[b.prompt_index["3"] as usize].text,
        "An Arena-Hard style turn."
    );
    let turn2 = b.judgments.iter().filter(|j| j.turn == 2).count();
    assert_eq!(turn2, 3);
}

/// Worked by hand from the fixture's pair rows (show_result.py's rules): a wins line 1; ties on
/// lines 2 (tie) and 3 (games disagree); b wins lines 4 and 13 (line 13 has b as model_1); lines 5,
/// 6 (`error`) and 8 (unknown labels) are dropped. a: 1-2-2, b: 2-1-2. Single grades: a 8 (turn 1)
/// and 6 (turn 2), b 5; the `-1` grade is left out.
#[test]
fn the_fixture_scores_as_worked_by_hand() {
    let ds = fixture();
    let lb = leaderboard::compute(bench(&ds), &mt_bench(None)).unwrap();
    let (a, b) = (row(&lb, "a"), row(&lb, "b"));
    assert_eq!(
        [fig(a, "wins"), fig(a, "losses"), fig(a, "ties")],
        [1.0, 2.0, 2.0]
    );
    assert_eq!(
        [fig(b, "wins"), fig(b, "losses"), fig(b, "ties")],
        [2.0, 1.0, 2.0]
    );
    assert!((a.score - 40.0).abs() < 1e-12 && (b.score - 60.0).abs() < 1e-12);
    assert_eq!(fig(a, "error_rows"), 3.0);
    assert_eq!(lb.models[0].model, "b");
    assert_eq!(
        [
            fig(a, "single_turn_1"),
            fig(a, "single_turn_2"),
            fig(a, "single_mean")
        ],
        [8.0, 6.0, 7.0]
    );
    assert_eq!(fig(b, "single_mean"), 5.0);
    assert!(!b.figures.contains_key("single_turn_2"));
    // Pairwise-baseline mode: every row has a, so b keeps its record; a leaves the table.
    let base = leaderboard::compute(bench(&ds), &mt_bench(Some("a"))).unwrap();
    assert_eq!(base.models.len(), 1);
    assert!((row(&base, "b").score - 60.0).abs() < 1e-12);
    assert!(leaderboard::compute(bench(&ds), &mt_bench(Some("zzz"))).is_err());
    // Per category: writing (q1) has a's turn-1 win and b's turn-2 win.
    let grouped = leaderboard::compute(
        bench(&ds),
        &LeaderboardOptions {
            group_by: Some(GroupBy::Category),
            ..mt_bench(None)
        },
    )
    .unwrap();
    let writing = grouped
        .groups
        .iter()
        .find(|g| g.group == "writing")
        .unwrap();
    let wa = writing.models.iter().find(|r| r.model == "a").unwrap();
    assert_eq!(wa.score, 50.0);
}

#[test]
fn a_single_file_alone_is_scored_by_its_mean() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mt-bench-bad/mt_bench/model_judgment/gpt-4_single.jsonl"),
    )
    .unwrap();
    let ds = Dataset::load(vec![SourceFile {
        path: "mt_bench/model_judgment/gpt-4_single.jsonl".into(),
        text,
    }]);
    let lb = leaderboard::compute(bench(&ds), &mt_bench(None)).unwrap();
    assert_eq!(row(&lb, "a").score, 7.0);
    assert_eq!(row(&lb, "b").score, 5.0);
    assert!(!row(&lb, "a").figures.contains_key("wins"));
}

fn winner() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"model_1\"".to_string()),
        Just("\"model_2\"".to_string()),
        Just("\"tie\"".to_string()),
        Just("\"error\"".to_string()),
        Just("null".to_string()),
        Just("7".to_string()),
        "\"[^\"\\\\]{0,5}\"",
    ]
}

fn pair_line() -> impl Strategy<Value = String> {
    (
        0u8..5,
        "[ab가]{1,2}",
        "[ab가]{1,2}",
        winner(),
        winner(),
        prop_oneof![Just("1"), Just("2"), Just("3"), Just("null"), Just("\"x\"")],
    )
        .prop_map(|(q, m1, m2, g1, g2, turn)| {
            format!(
                "{{\"question_id\": {q}, \"model_1\": \"{m1}\", \"model_2\": \"{m2}\", \"g1_winner\": {g1}, \"g2_winner\": {g2}, \"judge\": [\"gpt-4\", \"pair-v2\"], \"turn\": {turn}}}"
            )
        })
}

fn single_line() -> impl Strategy<Value = String> {
    let score = prop_oneof![
        (-2i32..12).prop_map(|s| s.to_string()),
        Just("\"-\"".to_string()),
        Just("null".to_string()),
        Just("8.5".to_string()),
    ];
    (0u8..5, "[ab]", score, 1u8..4).prop_map(|(q, m, s, t)| {
        format!("{{\"question_id\": {q}, \"model\": \"{m}\", \"judge\": [\"gpt-4\", \"single-v1\"], \"score\": {s}, \"turn\": {t}}}")
    })
}

fn mangled(line: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    line.prop_flat_map(|l| {
        let n = l.chars().count();
        (Just(l), 0..=n, any::<bool>())
    })
    .prop_map(|(l, cut, whole)| {
        if whole {
            l
        } else {
            l.chars().take(cut).collect()
        }
    })
}

/// Issues that skip a whole line of the pair file (the per-game ones do not).
fn line_skips(b: &Bench) -> usize {
    [
        IssueKind::BadJson,
        IssueKind::MissingField,
        IssueKind::DuplicateRow,
        IssueKind::SelfBattle,
    ]
    .iter()
    .map(|&k| b.report.count(k))
    .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Fuzzed pair files: no panic; every non-blank line is a loaded row or one reported skip;
    /// every game without a verdict is reported; the method's counts add up.
    #[test]
    fn fuzzed_pair_rows_never_panic_or_vanish(lines in proptest::collection::vec(mangled(pair_line()), 0..25)) {
        let text = lines.join("\n");
        let ds = Dataset::load(vec![SourceFile { path: "b/model_judgment/gpt-4_pair.jsonl".into(), text: text.clone() }]);
        let nonblank = text.split('\n').filter(|l| !l.trim().is_empty()).count();
        let Some(b) = ds.benches.get("b") else {
            prop_assert_eq!(nonblank, 0);
            return Ok(());
        };
        // A line missing both models is one skip per missing field: count lines, not issues.
        let skipped_lines: std::collections::BTreeSet<usize> = b.report.issues.iter()
            .filter(|i| matches!(i.kind, IssueKind::BadJson | IssueKind::MissingField | IssueKind::DuplicateRow | IssueKind::SelfBattle))
            .map(|i| i.line).collect();
        prop_assert!(line_skips(b) >= skipped_lines.len());
        prop_assert_eq!(b.report.judgments + skipped_lines.len(), nonblank);
        let no_verdict: usize = b.judgments.iter().map(|j| j.games.iter().filter(|g| g.verdict.is_none()).count()).sum();
        prop_assert_eq!(no_verdict, b.report.count(IssueKind::JudgeError) + b.report.count(IssueKind::UnknownLabel));
        if let Ok(lb) = leaderboard::compute(b, &mt_bench(None)) {
            let rows: f64 = lb.models.iter().map(|r| r.figures["wins"] + r.figures["losses"] + r.figures["ties"]).sum();
            let counted = b.judgments.iter().filter(|j| j.games.iter().all(|g| g.verdict.is_some())).count();
            prop_assert_eq!(rows, 2.0 * counted as f64);
            for r in &lb.models {
                prop_assert!((0.0..=100.0).contains(&r.score));
            }
        }
    }

    /// Fuzzed single files: no panic, every line loaded or skipped, means within 1-10.
    #[test]
    fn fuzzed_single_grades_never_panic_or_vanish(lines in proptest::collection::vec(mangled(single_line()), 0..25)) {
        let text = lines.join("\n");
        let ds = Dataset::load(vec![SourceFile { path: "b/model_judgment/gpt-4_single.jsonl".into(), text: text.clone() }]);
        let nonblank = text.split('\n').filter(|l| !l.trim().is_empty()).count();
        let Some(b) = ds.benches.get("b") else {
            prop_assert_eq!(nonblank, 0);
            return Ok(());
        };
        let skipped_lines: std::collections::BTreeSet<usize> = b.report.issues.iter()
            .filter(|i| i.kind != IssueKind::JudgeError)
            .map(|i| i.line).collect();
        prop_assert_eq!(b.report.judgments + skipped_lines.len(), nonblank);
        if let Ok(lb) = leaderboard::compute(b, &mt_bench(None)) {
            for r in &lb.models {
                prop_assert!((1.0..=10.0).contains(&r.score), "{}", r.score);
            }
        }
    }
}
