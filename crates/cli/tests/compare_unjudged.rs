//! `arena-lens compare` with models that have answers and no verdicts (issue 11): the v2.0 sample
//! (questions and one model's answers) and fulltext-10-prompts with one judgment file left.

mod common;

use std::path::Path;

/// Copies `src` into `dst`, leaving out the judgment files `drop` accepts (by path).
fn copy_tree(src: &Path, dst: &Path, drop: &dyn Fn(&Path) -> bool) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap().flatten() {
        let (from, to) = (e.path(), dst.join(e.file_name()));
        if from.is_dir() {
            copy_tree(&from, &to, drop);
        } else if !drop(&from) {
            std::fs::copy(&from, &to).unwrap();
        }
    }
}

#[test]
fn answers_only_data_compares_with_statistics_and_no_judge() {
    let Some(root) = common::shared("answers_only_data_compares_with_statistics_and_no_judge")
    else {
        return;
    };
    let dir = root.join("data/arena-hard-v2.0-sample");
    let m = "o3-mini-2025-01-31";
    let v = common::run_json(&[
        "compare",
        dir.to_str().unwrap(),
        "--a",
        m,
        "--b",
        m,
        "--json",
    ]);
    assert_eq!(v["judge"], serde_json::Value::Null);
    assert_eq!(v["sides"]["a"]["has"], "answers_only");
    assert_eq!(v["sides"]["a"]["answers"], 750);
    assert_eq!(v["summary"]["both"], 0);
    assert_eq!(v["ci"], serde_json::Value::Null);
    assert_eq!(v["prompts"].as_array().unwrap().len(), 750);
    // Reference: a Python pass over the answer file's metadata.token_len (mean over all 750
    // answers 937.8733…, hard_prompt 1012.18); tolerance 1e-9.
    let stats = v["answer_stats"]["a"].as_array().unwrap();
    assert_eq!(stats[0]["category"], serde_json::Value::Null);
    let tokens = stats[0]["tokens"]["mean"].as_f64().unwrap();
    assert!((tokens - 937.8733333333333).abs() < 1e-9, "{tokens}");
    let hard = stats
        .iter()
        .find(|s| s["category"] == "hard_prompt")
        .unwrap();
    assert!((hard["tokens"]["mean"].as_f64().unwrap() - 1012.18).abs() < 1e-9);
    // A model the data lacks is an error naming the models there are.
    let out = common::cli()
        .args(["compare", dir.to_str().unwrap(), "--a", m, "--b", "gpt-4"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"gpt-4\"") && err.contains(m), "{err}");
}

#[test]
fn a_judged_model_compares_with_an_unjudged_one() {
    let Some(root) = common::shared("a_judged_model_compares_with_an_unjudged_one") else {
        return;
    };
    let dir = common::tempdir("compare-unjudged");
    copy_tree(&root.join("data/fulltext-10-prompts"), &dir, &|p| {
        p.to_string_lossy().contains("model_judgment") && !p.ends_with("mistral-7b.jsonl")
    });
    let v = common::run_json(&[
        "compare",
        dir.to_str().unwrap(),
        "--a",
        "mistral-7b",
        "--b",
        "dolphin-miner",
        "--judged-baseline",
        "truth_model",
        "--json",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(v["judge"], "gpt-4-1106-preview");
    assert_eq!(v["sides"]["a"]["has"], "answers_and_verdicts");
    assert_eq!(v["sides"]["b"]["has"], "answers_only");
    assert_eq!(v["sides"]["b"]["judged_by"], serde_json::json!([]));
    let prompts = v["prompts"].as_array().unwrap();
    assert_eq!(prompts.len(), 10);
    for p in prompts {
        assert_eq!(
            (&p["a"]["judged"], &p["b"]["judged"]),
            (&true.into(), &false.into())
        );
        assert_eq!(p["a"]["games"].as_array().unwrap().len(), 2);
    }
    assert_eq!(v["summary"]["both"], 0);
}
