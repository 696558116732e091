//! `arena-lens leaderboard` on AlpacaEval files: annotations default to the alpaca-eval method and
//! print AlpacaEval's figures; the published leaderboard CSV loads as a scores-only table.

mod common;

use common::{run_json, shared};

const DIR: &str = "data/formats/alpaca_eval/tatsu-lab__alpaca_eval";

#[test]
fn annotations_default_to_alpaca_eval_and_match_the_csv() {
    let Some(root) = shared("annotations_default_to_alpaca_eval_and_match_the_csv") else {
        return;
    };
    let dir = root.join(DIR);
    let ann = dir.join("results/alpaca-7b/weighted_alpaca_eval_gpt4_turbo/annotations.json");
    let lb = run_json(&["leaderboard", ann.to_str().unwrap(), "--json"]);
    assert_eq!(lb["method"], "alpaca-eval");
    assert_eq!(lb["baseline"], "gpt4_1106_preview");
    let m = &lb["models"][0];
    assert_eq!(m["model"], "alpaca-7b");
    for k in ["standard_error", "discrete_win_rate", "lc_score", "n_total"] {
        assert!(m[k].is_number(), "{k} printed beside score");
    }
    // The same numbers read back from the published CSV, loaded as a scores-only table.
    let csv = dir.join(
        "src/alpaca_eval/leaderboards/data_AlpacaEval_2/weighted_alpaca_eval_gpt4_turbo_leaderboard.csv",
    );
    let table = run_json(&["leaderboard", csv.to_str().unwrap(), "--json"]);
    assert!(table["method_line"]
        .as_str()
        .unwrap()
        .starts_with("Scores-only table"));
    let rows = table["models"].as_array().unwrap();
    assert_eq!(rows.len(), 223);
    let row = rows.iter().find(|r| r["model"] == "alpaca-7b").unwrap();
    // Source: the CSV's alpaca-7b row; tolerance 1e-9 (the CSV prints 16 significant digits).
    for (ours, theirs) in [
        ("score", "score"),
        ("standard_error", "standard_error"),
        ("discrete_win_rate", "discrete_win_rate"),
        ("n_wins", "n_wins"),
    ] {
        let (a, b) = (m[ours].as_f64().unwrap(), row[theirs].as_f64().unwrap());
        assert!((a - b).abs() < 1e-9, "{ours}: {a} vs {b}");
    }
    assert!(row["length_controlled_winrate"].is_number());
}

#[test]
fn model_outputs_alone_have_no_verdicts() {
    let Some(root) = shared("model_outputs_alone_have_no_verdicts") else {
        return;
    };
    let out = root.join(DIR).join("results/alpaca-7b/model_outputs.json");
    let o = common::cli()
        .args(["leaderboard", out.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(!o.status.success());
}
