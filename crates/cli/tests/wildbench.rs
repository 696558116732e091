//! `arena-lens leaderboard` on WildBench files: score mode defaults to the wildbench method (WB-Score
//! when there is no pairwise data), and WildBench's published tables, arena-catalog's `test.csv`
//! and GenAI-Arena's `leaderboard.csv` load as scores-only tables.

mod common;

use common::{run_json, shared};

const DIR: &str = "data/formats/wildbench/allenai__WildBench";

#[test]
fn score_mode_prints_wb_score() {
    let Some(root) = shared("score_mode_prints_wb_score") else {
        return;
    };
    let f = root
        .join(DIR)
        .join("eval_results/v2.0625/score.v2/eval=gpt-4o-2024-05-13/gemma-2b-it.json");
    let lb = run_json(&["leaderboard", f.to_str().unwrap(), "--json"]);
    assert_eq!(lb["method"], "wildbench");
    let m = &lb["models"][0];
    assert_eq!(m["model"], "gemma-2b-it");
    // Source: all_stat_wildbench.-1.json "WB_score" of gemma-2b-it; tolerance 1e-9.
    assert!((m["score"].as_f64().unwrap() - -5.249755142017634).abs() < 1e-9);
    assert_eq!(m["battles"], 1021);
}

#[test]
fn published_tables_load_as_scores_only_runs() {
    let Some(root) = shared("published_tables_load_as_scores_only_runs") else {
        return;
    };
    let data = root.join(DIR).join("leaderboard/data_dir");
    let lb = run_json(&[
        "leaderboard",
        data.join("pairwise-haiku-K=-1.json").to_str().unwrap(),
        "--json",
    ]);
    let g = lb["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["model"] == "gemma-2b-it")
        .unwrap();
    // Source: all_stat_wildbench.-1.json haiku_reward.K=-1 and haiku_reward.task_macro.K=-1.
    assert!((g["score"].as_f64().unwrap() - -69.62890625).abs() < 1e-9);
    assert!((g["task_macro_reward"].as_f64().unwrap() - -76.1295488313664).abs() < 1e-9);
    let elo = run_json(&[
        "leaderboard",
        data.join("wb_elo_results.json").to_str().unwrap(),
        "--json",
    ]);
    let top = &elo["models"][0];
    assert!(top["lower"].as_f64().unwrap() < top["score"].as_f64().unwrap());
    let arena = root.join("data/formats/arena_battles");
    let catalog = run_json(&[
        "leaderboard",
        arena
            .join("lmarena__arena-catalog/data/test.csv")
            .to_str()
            .unwrap(),
        "--json",
    ]);
    let line = catalog["method_line"].as_str().unwrap();
    assert!(line.contains("category = full"), "{line}");
    assert_eq!(catalog["models"].as_array().unwrap().len(), 200);
    let genai = run_json(&[
        "leaderboard",
        arena
            .join("TIGER-AI-Lab__GenAI-Arena/arena_elo/results/20240220/leaderboard.csv")
            .to_str()
            .unwrap(),
        "--json",
    ]);
    assert_eq!(
        genai["models"][0]["model"],
        "imagenhub_Prompt2prompt_edition"
    );
}
