//! A folder with judgment files but no answer file for the baseline (or none at all): show_result.py
//! v0.1 computes it, because the judged side of v0.1 games is implicit, and so must we. Issue 10,
//! acceptance 1 (CLI half): `leaderboard DIR --judge J --baseline <judged baseline>` on a
//! judgment-only copy of a ../shared bench gives show_result.py's scores to 0.05.

mod common;

use common::{assert_reference_scores, reference_csv, run_json, shared, tempdir, Scratch};
use std::path::Path;

/// Links `question.jsonl` and every judgment file of `bench` into a scratch bench with no
/// `model_answer/` folder; returns the scratch data root.
fn judgment_only_copy(bench: &Path, name: &str) -> Scratch {
    let root = tempdir(name);
    let dst = root.join("bench");
    std::fs::create_dir_all(dst.join("model_judgment")).unwrap();
    std::os::unix::fs::symlink(bench.join("question.jsonl"), dst.join("question.jsonl")).unwrap();
    for judge in std::fs::read_dir(bench.join("model_judgment")).unwrap() {
        let judge = judge.unwrap().path();
        std::os::unix::fs::symlink(
            &judge,
            dst.join("model_judgment").join(judge.file_name().unwrap()),
        )
        .unwrap();
    }
    assert!(!dst.join("model_answer").exists());
    root
}

/// The (model, score) pairs of `leaderboard --json`.
fn json_scores(json: &serde_json::Value) -> impl Iterator<Item = (&str, f64)> {
    json["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["model"].as_str().unwrap(), m["score"].as_f64().unwrap()))
}

#[test]
fn fulltext_judgments_alone_give_the_reference_scores() {
    let Some(sh) = shared("fulltext_judgments_alone_give_the_reference_scores") else {
        return;
    };
    let root = judgment_only_copy(
        &sh.join("data/fulltext-10-prompts/arena-hard-v0.1"),
        "jonly-fulltext",
    );
    let json = run_json(&[
        "leaderboard",
        root.to_str().unwrap(),
        "--judge",
        "gpt-4-1106-preview",
        "--baseline",
        "truth_model",
        "--json",
    ]);
    // Reference: show_result.py v0.1 on the full folder (../shared/reference/binaryfiddler_*),
    // scores printed to 0.1, so 0.05 is its rounding.
    let refs = reference_csv(
        &sh.join("reference/binaryfiddler_v01_gpt-4-1106-preview_default.leaderboard.csv"),
    );
    assert_eq!(refs.len(), 6);
    assert_reference_scores(json_scores(&json), &refs, 0.05);
}

#[test]
fn korean_judgments_alone_give_the_reference_scores() {
    let Some(sh) = shared("korean_judgments_alone_give_the_reference_scores") else {
        return;
    };
    let root = judgment_only_copy(&sh.join("data/ko-arena-hard-v0.1"), "jonly-ko");
    let json = run_json(&[
        "leaderboard",
        root.to_str().unwrap(),
        "--judge",
        "ensemble",
        "--baseline",
        "claude-3.7-sonnet",
        "--rounds",
        "0",
        "--json",
    ]);
    // Reference: ../shared/reference/ko_v01_ensemble_default_75models (show_result.py v0.1 without
    // o4-mini-high.jsonl, on which it crashes); point scores do not depend on the bootstrap, so no
    // rounds are drawn. Tolerance 0.05: the CSV's scores are rounded.
    let refs =
        reference_csv(&sh.join("reference/ko_v01_ensemble_default_75models.leaderboard.csv"));
    assert_eq!(refs.len(), 75);
    assert_reference_scores(json_scores(&json), &refs, 0.05);
}
