//! `arena-lens leaderboard` on FastChat's MT-Bench llm_judge folder in `../shared`: the bench
//! folder, the data root above it and the pair file alone open with the mt-bench method and print
//! FastChat `show_result.py`'s pairwise table (numbers in crates/core/tests/mt_bench.rs);
//! `--baseline` switches to pairwise-baseline mode.

mod common;

use common::{cli, run_json, shared};
use serde_json::Value;

const DATA: &str = "data/formats/mt_bench/Stefanstud__FastChat/fastchat/llm_judge/data";

fn model<'a>(lb: &'a Value, name: &str) -> &'a Value {
    lb["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["model"] == name)
        .unwrap_or_else(|| panic!("{name} missing: {lb}"))
}

/// FastChat's `show_result.py --mode pairwise-all` prints phi-3-dpo 20 / 18 / 35, adjusted win rate
/// 0.513699 (fschat 0.2.36; counts exact, rate to the printed 6 decimals).
fn assert_fastchat_table(lb: &Value) {
    assert_eq!(lb["method"], "mt-bench");
    let dpo = model(lb, "phi-3-dpo");
    assert_eq!(
        [&dpo["wins"], &dpo["losses"], &dpo["ties"]],
        [20.0, 18.0, 35.0]
    );
    assert!(
        (dpo["score"].as_f64().unwrap() - 51.3699).abs() < 5e-5,
        "{dpo}"
    );
    assert_eq!(dpo["lower"], dpo["score"]);
}

#[test]
fn the_bench_folder_and_the_data_root_print_fastchats_table() {
    let Some(root) = shared("mt_bench_folder") else {
        return;
    };
    let data = root.join(DATA);
    let folder = run_json(&[
        "leaderboard",
        data.join("mt_bench").to_str().unwrap(),
        "--json",
    ]);
    assert_fastchat_table(&folder);
    assert_eq!(folder["bench"], "mt_bench");
    assert_eq!(
        model(&folder, "phi-3")["score"].as_f64().unwrap(),
        100.0 - model(&folder, "phi-3-dpo")["score"].as_f64().unwrap()
    );
    assert_eq!(model(&folder, "phi-3-dpo")["single_mean"], 8.2);
    let top = run_json(&["leaderboard", data.to_str().unwrap(), "--json"]);
    assert_fastchat_table(&top);
    assert_eq!(
        top["models"], folder["models"],
        "the data root reads the same bench"
    );
    // The judge prompts one level up are read, not reported as unknown.
    assert_eq!(
        top["report"]["counts"].get("unknown_file"),
        None,
        "{}",
        top["report"]
    );
    let pair = run_json(&[
        "leaderboard",
        data.join("mt_bench/model_judgment/gpt-4_pair.jsonl")
            .to_str()
            .unwrap(),
        "--json",
    ]);
    assert_fastchat_table(&pair);
}

#[test]
fn baseline_gives_pairwise_baseline_mode() {
    let Some(root) = shared("mt_bench_baseline") else {
        return;
    };
    let path = root.join(DATA).join("mt_bench");
    let lb = run_json(&[
        "leaderboard",
        path.to_str().unwrap(),
        "--baseline",
        "phi-3",
        "--json",
    ]);
    assert_fastchat_table(&lb);
    assert_eq!(lb["baseline"], "phi-3");
    assert_eq!(lb["models"].as_array().unwrap().len(), 1);
    let out = cli()
        .args([
            "leaderboard",
            path.to_str().unwrap(),
            "--baseline",
            "gpt-3.5-turbo",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("gpt-3.5-turbo"));
}
