//! `arena-lens diff`: the same options give byte-identical JSON, a pair within one data set, a
//! scores-only run, a bad CSV, and two copies of real data with one judgment file edited.

mod common;

use common::{cli, demo_dir, run_json, shared, tempdir};
use serde_json::Value;

fn model<'a>(d: &'a Value, m: &str) -> &'a Value {
    d["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["model"] == m)
        .unwrap_or_else(|| panic!("{m} missing"))
}

#[test]
fn judge_against_judge_is_reproducible_and_shows_the_planted_self_preference() {
    let dir = demo_dir("diff-judges");
    let d = dir.to_str().unwrap();
    let args = [
        "diff",
        d,
        "--judge",
        "judge-atlas",
        "--judge2",
        "judge-sage",
        "--rounds",
        "30",
        "--json",
    ];
    let out1 = cli().args(args).output().unwrap();
    let out2 = cli().args(args).output().unwrap();
    assert!(
        out1.status.success(),
        "{}",
        String::from_utf8_lossy(&out1.stderr)
    );
    assert_eq!(
        out1.stdout, out2.stdout,
        "the same options give the same bytes"
    );
    // B equal to A is the same pair as B left out.
    let with_b = cli()
        .args([
            "diff",
            d,
            d,
            "--judge",
            "judge-atlas",
            "--judge2",
            "judge-sage",
            "--rounds",
            "30",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(with_b.stdout, out1.stdout);
    let j: Value = serde_json::from_slice(&out1.stdout).unwrap();
    assert_eq!(j["interval"], "paired");
    assert_eq!(j["summary"]["judge_1"], "judge-atlas");
    assert_eq!(j["summary"]["judge_2"], "judge-sage");
    for r in j["models"].as_array().unwrap() {
        let (d, lo, hi) = (
            r["delta"].as_f64().unwrap(),
            r["lower"].as_f64().unwrap(),
            r["upper"].as_f64().unwrap(),
        );
        assert!(lo <= d + 1e-9 && d <= hi + 1e-9, "{r}");
        // Tolerance 1e-9: delta is printed from the two printed scores' difference.
        assert!(
            (d - (r["score_2"].as_f64().unwrap() - r["score_1"].as_f64().unwrap())).abs() < 1e-9
        );
    }
    // The demo plants a judge-atlas preference for atlas-* models (crates/demo): under judge-sage
    // they gain less than every other model does.
    let gain = |m: &str| model(&j, m)["delta"].as_f64().unwrap();
    let others: Vec<f64> = j["models"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["model"].as_str().unwrap().starts_with("atlas-"))
        .map(|r| r["delta"].as_f64().unwrap())
        .collect();
    let least_other = others.iter().cloned().fold(f64::INFINITY, f64::min);
    for m in ["atlas-pro", "atlas-ultra", "atlas-mini", "atlas-nano"] {
        assert!(gain(m) < least_other, "{m}: {} vs {least_other}", gain(m));
    }
    let k = j["summary"]["agreement"]["kappa"].as_f64().unwrap();
    assert!(k > 0.0 && k < 1.0, "{k}");
    assert!(j["prompt_changes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["shift"].is_number()));
}

#[test]
fn a_scores_table_is_a_run_and_unknown_columns_are_listed() {
    let dir = demo_dir("diff-csv");
    let d = dir.to_str().unwrap();
    let table_dir = tempdir("diff-csv-table");
    let csv = table_dir.join("published.csv");
    std::fs::write(
        &csv,
        "model,score,lower,upper\natlas-pro,70,68,72\nnot-in-demo,55,50,60\n",
    )
    .unwrap();
    let j = run_json(&[
        "diff",
        d,
        csv.to_str().unwrap(),
        "--judge",
        "judge-atlas",
        "--rounds",
        "10",
        "--json",
    ]);
    assert_eq!(j["interval"], "unpaired");
    assert_eq!(j["models"].as_array().unwrap().len(), 1);
    assert_eq!(j["only_in_2"], serde_json::json!(["not-in-demo"]));
    assert!(j["summary"].is_null());
    let bad = csv.with_file_name("bad.csv");
    std::fs::write(&bad, "who,points\nx,1\n").unwrap();
    let out = cli()
        .args(["diff", d, bad.to_str().unwrap(), "--judge", "judge-atlas"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("“who”, “points”") && err.contains("needs a model column"),
        "{err}"
    );
}

#[test]
fn korean_set_against_the_published_arena_hard_csv() {
    let Some(sh) = shared("korean_set_against_the_published_arena_hard_csv") else {
        return;
    };
    let ko = sh.join("data/ko-arena-hard-v0.1");
    let csv = sh.join("data/arena-hard-v0.1/leaderboard/arena_hard_leaderboard_20240731.csv");
    let j = run_json(&[
        "diff",
        ko.to_str().unwrap(),
        csv.to_str().unwrap(),
        "--baseline",
        "claude-3.7-sonnet",
        "--rounds",
        "10",
        "--json",
    ]);
    let shared_models: Vec<&str> = j["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["model"].as_str().unwrap())
        .collect();
    // The four model names both lists hold, read off the two files.
    assert_eq!(shared_models.len(), 4, "{shared_models:?}");
    assert!(shared_models.contains(&"gemma-2-27b-it"));
    assert_eq!(j["only_in_1"].as_array().unwrap().len(), 72);
    assert!(j["only_in_2"].as_array().unwrap().len() > 40);
}

#[test]
fn two_copies_with_one_edited_judgment_file_list_exactly_the_edited_prompts() {
    let Some(sh) = shared("two_copies_with_one_edited_judgment_file") else {
        return;
    };
    let src = sh.join("data/fulltext-10-prompts");
    let root = tempdir("diff-edit");
    let (a, b) = (root.join("a"), root.join("b"));
    for dst in [&a, &b] {
        let st = std::process::Command::new("cp")
            .args(["-r", src.to_str().unwrap(), dst.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(st.success());
    }
    let file = b.join("arena-hard-v0.1/model_judgment/gpt-4-1106-preview/mistral-7b.jsonl");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut edited = Vec::new();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            if i == 1 || i == 6 {
                let old = v["games"][0]["score"].as_str().unwrap_or("").to_string();
                let new = if old == "A>>B" { "B>>A" } else { "A>>B" };
                v["games"][0]["score"] = Value::from(new);
                edited.push((
                    v["question_id"].as_str().unwrap().to_string(),
                    new.to_string(),
                ));
            }
            v.to_string()
        })
        .collect();
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let j = run_json(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--model",
        "mistral-7b",
        "--baseline",
        "truth_model",
        "--rounds",
        "10",
        "--json",
    ]);
    let listed: Vec<(String, String)> = j["prompt_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["prompt"].as_str().unwrap().to_string(),
                c["run_2"][0].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let (mut l, mut e) = (listed.clone(), edited.clone());
    l.sort();
    e.sort();
    assert_eq!(l, e);
    // Every other model is unchanged.
    let all = run_json(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--baseline",
        "truth_model",
        "--rounds",
        "10",
        "--json",
    ]);
    assert!(all["prompt_changes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["model"] == "mistral-7b"));
    assert_eq!(all["prompts"]["shared"], 10);
}

#[test]
fn the_diff_table_exports_with_the_json_numbers() {
    let dir = demo_dir("diff-export");
    let d = dir.to_str().unwrap();
    let args = [
        "diff",
        d,
        "--judge",
        "judge-atlas",
        "--judge2",
        "judge-sage",
        "--rounds",
        "20",
    ];
    let json = run_json(&[&args[..], &["--json"]].concat());
    let out = cli().args(args).args(["--format", "csv"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("# method_line: "), "{csv}");
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    let head = &rows[0];
    let col = |k: &str| head.iter().position(|h| *h == k).unwrap();
    let models = json["models"].as_array().unwrap();
    let only =
        json["only_in_1"].as_array().unwrap().len() + json["only_in_2"].as_array().unwrap().len();
    assert_eq!(rows.len() - 1, models.len() + only);
    for m in models {
        let r = rows
            .iter()
            .find(|r| r[0] == m["model"].as_str().unwrap())
            .expect("every model has a row");
        for k in ["score_1", "score_2", "delta", "lower", "upper"] {
            let x: f64 = r[col(k)].parse().unwrap();
            assert!((x - m[k].as_f64().unwrap()).abs() < 1e-12, "{k}");
        }
    }
    let tex = cli().args(args).args(["--format", "tex"]).output().unwrap();
    let tex = String::from_utf8(tex.stdout).unwrap();
    assert!(
        tex.contains("\\toprule") && tex.contains("\\bottomrule"),
        "{tex}"
    );
}
