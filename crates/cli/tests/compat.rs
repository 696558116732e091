//! The `show-result-v0.1` compat preset (`--show-result-compat`, `compat=1`) against show_result.py
//! v0.1's own output in `../shared/reference` (see its README.md): scores and interval bounds.
//!
//! Point scores are deterministic: tolerance 0.05 win-rate points (the issue's; the CSV rounds to
//! 0.01). Bounds come from a seeded bootstrap that cannot replay numpy's random stream, so they are
//! compared with a tolerance: the "within 0.5 on average and 1.5 at worst" for the Korean set.

mod common;

use arena_lens_core::leaderboard::{self, Leaderboard, LeaderboardOptions};
use arena_lens_core::method::Method;
use common::*;
use std::collections::BTreeMap;

fn compat(baseline: &str, rounds: u32, seed: u64) -> LeaderboardOptions {
    LeaderboardOptions {
        baseline: Some(baseline.into()),
        rounds,
        seed,
        method: Method::ShowResultV01,
        ..LeaderboardOptions::default()
    }
}

/// Mean and worst |bound difference| over every model but the baseline (both bounds), after
/// asserting every score to 0.05 and the model set.
fn compare(lb: &Leaderboard, refs: &BTreeMap<String, (f64, f64, f64, f64)>) -> (f64, f64) {
    assert_eq!(lb.models.len(), refs.len());
    assert_reference_scores(scores(lb), refs, 0.05);
    let (mut sum, mut n, mut worst) = (0.0, 0, 0.0f64);
    for r in &lb.models {
        let (_, lo, hi, _) = refs[&r.model];
        if r.model == lb.baseline {
            // show_result.py prints the baseline at 50 (0, 0); so do we, by construction.
            assert_eq!((r.lower, r.upper), (50.0, 50.0));
            continue;
        }
        for (ours, theirs) in [(r.lower, lo), (r.upper, hi)] {
            let d = (ours - theirs).abs();
            sum += d;
            n += 1;
            worst = worst.max(d);
        }
    }
    (sum / n as f64, worst)
}

/// The Korean set as the reference's 75-model run read it: all files but o4-mini-high.jsonl (whose
/// single-game row crashes show_result.py; reference/ko_v01_ensemble_default_76models_CRASH.txt).
fn ko_75(sh: &std::path::Path) -> arena_lens_core::dataset::Dataset {
    load_filtered(&sh.join("data/ko-arena-hard-v0.1"), |p| {
        !p.ends_with("/o4-mini-high.jsonl")
    })
}

#[test]
fn ko_compat_scores_and_bounds_match_show_result() {
    let Some(sh) = shared("ko_compat_scores_and_bounds_match_show_result") else {
        return;
    };
    let ds = ko_75(&sh);
    let lb = leaderboard::compute(
        ds.bench(None).unwrap(),
        &compat("claude-3.7-sonnet", 100, 42),
    )
    .unwrap();
    // Source: reference/ko_v01_ensemble_default_75models.leaderboard.csv (show_result.py, 100 rounds).
    let refs =
        reference_csv(&sh.join("reference/ko_v01_ensemble_default_75models.leaderboard.csv"));
    assert_eq!(refs.len(), 75);
    for r in &lb.models {
        if let Some(t) = r.avg_tokens {
            // show_result.py prints int(mean tokens); the CSV holds that as a float.
            assert_eq!(t as i64 as f64, refs[&r.model].3, "{} avg tokens", r.model);
        }
    }
    let (mean, worst) = compare(&lb, &refs);
    println!("ko compat, 100 rounds, seed 42: mean |bound diff| {mean:.3}, worst {worst:.3}");
    // Tolerances: the acceptance 2 (0.5 mean, 1.5 worst). Measured: 0.250 and 1.254 at seed
    // 42; seeds 1-7 give means 0.21-0.28 and worst 1.08-1.77, the spread of a 100-round percentile
    // (the 2.5% point is the 3rd of 100 samples). Before the frame fix: 0.363 and 1.704 at seed 42.
    assert!(mean <= 0.5, "mean bound difference {mean}");
    assert!(worst <= 1.5, "worst bound difference {worst}");
}

#[test]
fn binaryfiddler_compat_scores_and_bounds_match_show_result() {
    let Some(sh) = shared("binaryfiddler_compat_scores_and_bounds_match_show_result") else {
        return;
    };
    let ds = load(&sh.join("data/fulltext-10-prompts"));
    let lb =
        leaderboard::compute(ds.bench(None).unwrap(), &compat("truth_model", 100, 42)).unwrap();
    // Source: reference/binaryfiddler_v01_gpt-4-1106-preview_default.leaderboard.csv.
    let refs = reference_csv(
        &sh.join("reference/binaryfiddler_v01_gpt-4-1106-preview_default.leaderboard.csv"),
    );
    let (mean, worst) = compare(&lb, &refs);
    println!(
        "binaryfiddler compat, 100 rounds, seed 42: mean |bound diff| {mean:.3}, worst {worst:.3}"
    );
    assert!(mean <= BF_MEAN_TOL, "mean bound difference {mean}");
    assert!(worst <= BF_WORST_TOL, "worst bound difference {worst}");
}

#[test]
fn zeppombal_compat_scores_and_bounds_match_show_result() {
    let Some(sh) = shared("zeppombal_compat_scores_and_bounds_match_show_result") else {
        return;
    };
    let ds = load(&sh.join("data/battles-10-models/arena_hard_battles.jsonl"));
    let lb = leaderboard::compute(ds.bench(None).unwrap(), &compat("gpt-4-0314", 100, 42)).unwrap();
    // Source: reference/zeppombal_..._default.leaderboard.csv; its baseline is gpt-4-0314, so
    // every round is anchored at it (no frame quirk) and the bounds are plain percentiles.
    let refs = reference_csv(&sh.join(
        "reference/zeppombal_v01_gpt-4-1106-preview_10models_from-battles_default.leaderboard.csv",
    ));
    let (mean, worst) = compare(&lb, &refs);
    println!(
        "zeppombal compat, 100 rounds, seed 42: mean |bound diff| {mean:.3}, worst {worst:.3}"
    );
    assert!(mean <= 0.5, "mean bound difference {mean}");
    assert!(worst <= 1.5, "worst bound difference {worst}");
}

/// BinaryFiddler has 10 prompts (about 14 battle rows a model), so 100-round percentiles swing by
/// several points with the random stream alone. The frame itself is exact: on numpy's own samples
/// (seed 42, the reference battles file) it reproduces every round of show_result.py's fits to 1e-4
/// Elo and its CSV bounds to the digit (FIDELITY.md). Our seeds 1-7 give mean differences 2.9-4.8
/// and worst 5.8-12.1 from the reference, so the tolerances are set just above that spread.
const BF_MEAN_TOL: f64 = 5.0;
const BF_WORST_TOL: f64 = 12.5;

#[test]
fn show_elo_under_compat_prints_truncated_elo_in_the_rounds_frame() {
    let Some(sh) = shared("show_elo_under_compat_prints_truncated_elo_in_the_rounds_frame") else {
        return;
    };
    let dir = sh.join("data/fulltext-10-prompts");
    let args = [
        "leaderboard",
        dir.to_str().unwrap(),
        "--baseline",
        "truth_model",
        "--show-result-compat",
        "--rounds",
        "50",
    ];
    let json = run_json(&[&args[..], &["--json"]].concat());
    let out = cli()
        .args([&args[..], &["--show-elo"]].concat())
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    // show_result.py's main block: `astype(int)` on score and both bounds (truncation toward zero).
    let trunc = |v: &serde_json::Value| format!("{}", v.as_f64().unwrap().trunc());
    for m in json["models"].as_array().unwrap() {
        // Table rows: rank, model, Elo, [lower, upper], battles, tokens.
        let row: Vec<&str> = table
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .find(|t| {
                t.len() > 4 && t[0].parse::<u32>().is_ok() && Some(t[1]) == m["model"].as_str()
            })
            .expect("a line per model");
        let want = [
            trunc(&m["elo"]),
            format!("[{},", trunc(&m["elo_lower"])),
            format!("{}]", trunc(&m["elo_upper"])),
        ];
        assert_eq!(row[2..5], want, "{row:?}");
    }
    // The baseline's bounds are the raw percentiles of its level in the rounds' frame, not 1000.
    let base = json["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["model"] == "truth_model")
        .unwrap();
    assert!(base["elo_lower"].as_f64().unwrap() < 1000.0);
}
