//! Acceptance against arena-hard-auto's own show_result.py output in `../shared/reference`.
//! Tolerances are the issue's: point scores 0.05 win-rate points (the CSV rounds to 0.01).

mod common;

use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::method::Method;
use arena_lens_core::report::IssueKind;
use arena_lens_core::style::StyleMode;
use common::*;
use std::collections::BTreeMap;

/// show_result.py's row bootstrap under arena-lens's own method (no quirks): what the reference's
/// bounds are compared with outside the compat preset.
fn opts(baseline: &str, rounds: u32) -> LeaderboardOptions {
    LeaderboardOptions {
        baseline: Some(baseline.into()),
        rounds,
        unit: BootstrapUnit::Row,
        ..LeaderboardOptions::default()
    }
}

#[test]
fn battles_10_models_point_scores_match_reference() {
    let Some(sh) = shared("battles_10_models_point_scores_match_reference") else {
        return;
    };
    let ds = load(&sh.join("data/battles-10-models/arena_hard_battles.jsonl"));
    let bench = ds.bench(None).unwrap();
    let lb = leaderboard::compute(bench, &opts("gpt-4-0314", 0)).unwrap();
    // Source: reference/zeppombal_..._default.leaderboard.csv; tolerance 0.05.
    let refs = reference_csv(&sh.join(
        "reference/zeppombal_v01_gpt-4-1106-preview_10models_from-battles_default.leaderboard.csv",
    ));
    assert_eq!(lb.models.len(), refs.len());
    assert_reference_scores(scores(&lb), &refs, 0.05);
}

#[test]
fn fulltext_battles_equal_reference_multiset_and_scores_match() {
    let Some(sh) = shared("fulltext_battles_equal_reference_multiset_and_scores_match") else {
        return;
    };
    let ds = load(&sh.join("data/fulltext-10-prompts"));
    let bench = ds.bench(None).unwrap();
    let o = opts("truth_model", 0);
    // show_result.py also battles truth_model against itself; with those rows kept (as its
    // compatibility mode does) the multisets are equal, and by default they are left out and reported.
    let compat = arena_lens_core::battle_set::BattleOptions {
        keep_self_battles: true,
        ..o.battles.clone()
    };
    let set = arena_lens_core::battle_set::build(bench, &compat, Some("truth_model")).unwrap();
    let mut ours: BTreeMap<(String, String, String, String), u32> = BTreeMap::new();
    for r in &set.rows {
        *ours
            .entry((
                bench.prompts[r.prompt as usize].id.to_string(),
                set.name(r.a).into(),
                set.name(r.b).into(),
                r.outcome.winner_label().into(),
            ))
            .or_default() += r.copies;
    }
    let mut theirs: BTreeMap<(String, String, String, String), u32> = BTreeMap::new();
    let text = std::fs::read_to_string(
        sh.join("reference/binaryfiddler_v01_gpt-4-1106-preview_default.battles.jsonl"),
    )
    .unwrap();
    let mut self_rows = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let key = (
            v["question_id"].as_str().unwrap().to_string(),
            v["model_a"].as_str().unwrap().to_string(),
            v["model_b"].as_str().unwrap().to_string(),
            v["winner"].as_str().unwrap().to_string(),
        );
        self_rows += (key.1 == key.2) as usize;
        *theirs.entry(key).or_default() += 1;
    }
    assert_eq!(ours, theirs);
    let default_set =
        arena_lens_core::battle_set::build(bench, &o.battles, Some("truth_model")).unwrap();
    assert!(self_rows > 0);
    assert_eq!(
        default_set.report.count(IssueKind::SelfBattle),
        10,
        "one per truth_model judgment row"
    );
    assert_eq!(
        default_set.total_rows() + self_rows as u64,
        set.total_rows()
    );
    let lb = leaderboard::compute(bench, &o).unwrap();
    let refs = reference_csv(
        &sh.join("reference/binaryfiddler_v01_gpt-4-1106-preview_default.leaderboard.csv"),
    );
    assert_eq!(lb.models.len(), refs.len());
    assert_reference_scores(scores(&lb), &refs, 0.05);
}

fn ko_opts(rounds: u32, seed: u64) -> LeaderboardOptions {
    LeaderboardOptions {
        seed,
        ..opts("claude-3.7-sonnet", rounds)
    }
}

/// The show-result-v0.1 method (see `LeaderboardOptions::method`).
fn ko_compat(rounds: u32, seed: u64) -> LeaderboardOptions {
    LeaderboardOptions {
        method: Method::ShowResultV01,
        ..ko_opts(rounds, seed)
    }
}

#[test]
fn ko_76_files_no_crash_and_scores_match() {
    // show_result.py crashes on the 76 files (reference/ko_v01_ensemble_default_76models_CRASH.txt);
    // we report the single-game row and go on. Bounds against the 75-model run: tests/compat.rs.
    let Some(sh) = shared("ko_76_files_no_crash_and_scores_match") else {
        return;
    };
    let ds = load(&sh.join("data/ko-arena-hard-v0.1"));
    let bench = ds.bench(None).unwrap();
    let lb = leaderboard::compute(bench, &ko_compat(0, 42)).unwrap();
    assert_eq!(lb.models.len(), 76);
    assert_eq!(lb.report.count(IssueKind::SingleGame), 1);
    assert!(lb
        .report
        .issues
        .iter()
        .any(|i| i.kind == IssueKind::SingleGame && i.file.ends_with("o4-mini-high.jsonl")));
    // Source: reference/ko_v01_ensemble_default_75models.leaderboard.csv; tolerance 0.05. Point
    // scores do not depend on the other files: every battle involves the baseline.
    let refs =
        reference_csv(&sh.join("reference/ko_v01_ensemble_default_75models.leaderboard.csv"));
    assert_eq!(refs.len(), 75);
    // The 76th model is o4-mini-high, which the reference run left out.
    assert!(lb.models.iter().any(|r| r.model == "o4-mini-high"));
    assert_reference_scores(scores(&lb), &refs, 0.05);
}

#[test]
fn ko_2000_rounds_two_seeds_agree() {
    let Some(sh) = shared("ko_2000_rounds_two_seeds_agree") else {
        return;
    };
    let ds = load(&sh.join("data/ko-arena-hard-v0.1"));
    let bench = ds.bench(None).unwrap();
    let a = leaderboard::compute(bench, &ko_compat(2000, 1)).unwrap();
    let b = leaderboard::compute(bench, &ko_compat(2000, 2)).unwrap();
    let mut worst = 0.0f64;
    for (x, y) in a.models.iter().zip(&b.models) {
        assert_eq!(x.model, y.model);
        worst = worst
            .max((x.lower - y.lower).abs())
            .max((x.upper - y.upper).abs());
    }
    println!("ko 2000 rounds, seeds 1 vs 2: max bound difference {worst:.3}");
    assert!(worst <= 0.3, "{worst}");
}

/// The 71 models of the reference's style-control runs: the 75 less the 4 without answers.
fn ko_71(sh: &std::path::Path) -> arena_lens_core::dataset::Dataset {
    let missing = [
        "gemini-2.0-flash-lite-001",
        "llama-3.1-8b-instruct",
        "llama-3.1-70b-instruct",
        "llama-3.1-405b-instruct",
        "o4-mini-high",
    ];
    load_filtered(&sh.join("data/ko-arena-hard-v0.1"), |p| {
        !(p.contains("/model_judgment/")
            && missing.iter().any(|m| p.ends_with(&format!("/{m}.jsonl"))))
    })
}

/// Checks the run's scores and coefficients; returns the largest score difference (`None` when
/// the data is missing).
fn check_style(mode: StyleMode, run: &str, coefs: &[(&str, f64)], score_tol: f64) -> Option<f64> {
    let sh = shared(run)?;
    let ds = ko_71(&sh);
    let bench = ds.bench(None).unwrap();
    let lb = leaderboard::compute(
        bench,
        &LeaderboardOptions {
            style: mode,
            ..ko_compat(0, 42)
        },
    )
    .unwrap();
    let refs = reference_csv(&sh.join(format!("reference/{run}.leaderboard.csv")));
    let extra: Vec<&str> = lb
        .models
        .iter()
        .map(|r| r.model.as_str())
        .filter(|m| !refs.contains_key(*m))
        .collect();
    assert_eq!(lb.models.len(), refs.len(), "extra models {extra:?}");
    let mut worst = 0.0f64;
    for r in &lb.models {
        let (score, ..) = refs[&r.model];
        worst = worst.max((r.score - score).abs());
    }
    println!(
        "{run}: max |score diff| {worst:.3}; coefficients {:?}",
        lb.style_coefficients
    );
    // Tolerances from the issue: scores 0.2, coefficients 0.02.
    assert!(worst <= score_tol, "max score difference {worst}");
    for (name, want) in coefs {
        let got = lb.style_coefficients[*name];
        assert!((got - want).abs() <= 0.02, "{name}: {got} vs {want}");
    }
    Some(worst)
}

/// The issue asks for 0.2. show_result.py fits style control with scikit-learn's default tolerance
/// (1e-4), which stops short of the optimum; our converged fit differs from its scores by up to 0.36
/// (mean difference 0.00), while every coefficient agrees to 0.003. Refitting the reference's own
/// battles file with scikit-learn at tol=1e-12 agrees with us to 3e-5 and moves its scores by the
/// same 0.35, so the gap is the reference's early stop, not a different model. The evidence is a
/// test: `tests/style_convergence.rs` refits the reference's own battles file and finds our gradient
/// at 1e-11 where scikit-learn's stop allows about 27.
const STYLE_FULL_SCORE_TOL: f64 = 0.4;

#[test]
fn ko_style_control_matches_reference() {
    // Coefficients printed by show_result.py (reference/ko_v01_ensemble_style-control_71models.txt).
    let worst = check_style(
        StyleMode::Full,
        "ko_v01_ensemble_style-control_71models",
        &[
            ("sum_assistant_tokens", 1.507),
            ("header_count", 0.122),
            ("list_count", -0.125),
            ("bold_count", 0.124),
        ],
        STYLE_FULL_SCORE_TOL,
    );
    // README ("style-control scores differ by up to 0.36"): tolerance 0.005, the README's rounding.
    if let Some(worst) = worst {
        assert!((worst - 0.36).abs() < 0.005, "max score difference {worst}");
    }
}

#[test]
fn ko_length_control_matches_reference() {
    let Some(sh) = shared("ko_length_control_matches_reference") else {
        return;
    };
    let coef = printed_coefs(&sh, "ko_v01_ensemble_length-control-only_71models");
    check_style(
        StyleMode::Length,
        "ko_v01_ensemble_length-control-only_71models",
        &[("sum_assistant_tokens", coef[0])],
        0.2,
    );
}

#[test]
fn ko_markdown_control_matches_reference() {
    let Some(sh) = shared("ko_markdown_control_matches_reference") else {
        return;
    };
    let c = printed_coefs(&sh, "ko_v01_ensemble_markdown-control-only_71models");
    check_style(
        StyleMode::Markdown,
        "ko_v01_ensemble_markdown-control-only_71models",
        &[
            ("header_count", c[0]),
            ("list_count", c[1]),
            ("bold_count", c[2]),
        ],
        0.2,
    );
}

/// The coefficient values from the reference log's `Style Coefficients: {...}` line, in order.
fn printed_coefs(sh: &std::path::Path, run: &str) -> Vec<f64> {
    let text = std::fs::read_to_string(sh.join(format!("reference/{run}.txt"))).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Style Coefficients:"))
        .expect("coefficient line");
    line.split(':')
        .skip(2)
        .map(|p| {
            p.trim()
                .trim_end_matches('}')
                .split(',')
                .next()
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn prompt_bootstrap_is_wider_than_row_bootstrap_on_ko() {
    let Some(sh) = shared("prompt_bootstrap_is_wider_than_row_bootstrap_on_ko") else {
        return;
    };
    let ds = load(&sh.join("data/ko-arena-hard-v0.1"));
    let bench = ds.bench(None).unwrap();
    let row = leaderboard::compute(bench, &ko_opts(500, 7)).unwrap();
    let prompt = leaderboard::compute(
        bench,
        &LeaderboardOptions {
            unit: BootstrapUnit::Prompt,
            ..ko_opts(500, 7)
        },
    )
    .unwrap();
    let width = |lb: &leaderboard::Leaderboard| {
        lb.models.iter().map(|r| r.upper - r.lower).sum::<f64>() / lb.models.len() as f64
    };
    println!(
        "mean 95% width: row {:.2}, prompt {:.2}",
        width(&row),
        width(&prompt)
    );
    assert!(width(&prompt) > width(&row) * 1.1);
}

#[test]
fn ko_anchored_row_intervals_match_the_analytic_width() {
    // Without the quirk, a star graph's row-bootstrap interval for a model is that of a proportion:
    // width ≈ 2 · 1.96 · sd(row values) / sqrt(rows), in win-rate points (delta method, near p).
    let Some(sh) = shared("ko_anchored_row_intervals_match_the_analytic_width") else {
        return;
    };
    let ds = load(&sh.join("data/ko-arena-hard-v0.1"));
    let bench = ds.bench(None).unwrap();
    let lb = leaderboard::compute(bench, &ko_opts(2000, 5)).unwrap();
    let set = arena_lens_core::battle_set::build(bench, &lb_battles(), Some("claude-3.7-sonnet"))
        .unwrap();
    let mut worst = 0.0f64;
    for r in lb.models.iter().filter(|r| r.model != "claude-3.7-sonnet") {
        let id = bench.models.get(&r.model).unwrap();
        let vals: Vec<(f64, f64)> = set
            .rows
            .iter()
            .filter(|b| b.b == id)
            .map(|b| {
                let v = match b.outcome {
                    arena_lens_core::verdict::Outcome::BWins => 1.0,
                    arena_lens_core::verdict::Outcome::Tie => 0.5,
                    _ => 0.0,
                };
                (v, b.copies as f64)
            })
            .collect();
        let n: f64 = vals.iter().map(|v| v.1).sum();
        let p = vals.iter().map(|v| v.0 * v.1).sum::<f64>() / n;
        let var = vals.iter().map(|v| (v.0 - p).powi(2) * v.1).sum::<f64>() / n;
        let analytic = 2.0 * 1.96 * (var / n).sqrt() * 100.0;
        let rel = ((r.upper - r.lower) / analytic - 1.0).abs();
        worst = worst.max(rel);
    }
    println!("anchored row bootstrap vs analytic width: worst relative difference {worst:.3}");
    assert!(worst < 0.15, "{worst}");
}

fn lb_battles() -> arena_lens_core::battle_set::BattleOptions {
    arena_lens_core::battle_set::BattleOptions::default()
}
