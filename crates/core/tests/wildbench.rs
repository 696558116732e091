//! WildBench: the wildbench method against WildBench's own published tables
//! (allenai/WildBench @d6b8dca `leaderboard/data_dir`), and the per-instance readers on fixtures
//! written in the fields `src/openai_batch_eval/batch_results_format.py` produces (the real
//! per-instance pairwise files are too large to ship).

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::judges::reference;
use arena_lens_core::leaderboard::{self, wildbench, LeaderboardOptions};
use arena_lens_core::method::Method;
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use common::shared::shared_data;
use proptest::prelude::*;
use serde_json::Value;

const DIR: &str = "data/formats/wildbench/allenai__WildBench";
const SCORE: &str = "eval_results/v2.0625/score.v2/eval=gpt-4o-2024-05-13/gemma-2b-it.json";

fn load(files: &[(&str, &str)]) -> Dataset {
    Dataset::load(
        files
            .iter()
            .map(|(p, t)| SourceFile {
                path: p.to_string(),
                text: t.to_string(),
            })
            .collect(),
    )
}

fn opts() -> LeaderboardOptions {
    LeaderboardOptions {
        method: Method::WildBench,
        ..LeaderboardOptions::default()
    }
}

#[test]
fn rewards_from_the_pairwise_counts_equal_all_stat() {
    let Some(root) = shared_data("rewards_from_the_pairwise_counts_equal_all_stat", &[DIR]) else {
        return;
    };
    let data = root.join(DIR).join("leaderboard/data_dir");
    let all: Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("all_stat_wildbench.-1.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for short in ["haiku", "gpt4t", "llama"] {
        let text =
            std::fs::read_to_string(data.join(format!("pairwise-{short}-K=-1.json"))).unwrap();
        // Our scores-table reader recomputes reward and task macro from the counts.
        let board = reference::parse(&text).unwrap();
        for row in &board.rows {
            let Some(stat) = all.get(&row.model) else {
                continue;
            };
            // Source: all_stat_wildbench.-1.json `<ref>_reward.K=-1` and
            // `<ref>_reward.task_macro.K=-1` (×100); tolerance 1e-9 (float summation order).
            let want = stat[format!("{short}_reward.K=-1")].as_f64().unwrap();
            assert!(
                (row.score - want).abs() < 1e-9,
                "{short} {}: {} vs {want}",
                row.model,
                row.score
            );
            let want = stat[format!("{short}_reward.task_macro.K=-1")]
                .as_f64()
                .unwrap();
            let got = row.figures["task_macro_reward"];
            assert!(
                (got - want).abs() < 1e-9,
                "{short} {} macro: {got} vs {want}",
                row.model
            );
            checked += 1;
        }
    }
    // Every model of the three pairwise files that all_stat lists.
    assert_eq!(checked, 144, "model rows checked");
}

#[test]
fn wb_score_of_gemma_2b_equals_score_json_and_all_stat() {
    let Some(root) = shared_data(
        "wb_score_of_gemma_2b_equals_score_json_and_all_stat",
        &[DIR],
    ) else {
        return;
    };
    let dir = root.join(DIR);
    let text = std::fs::read_to_string(dir.join(SCORE)).unwrap();
    let ds = load(&[(SCORE, &text)]);
    let bench = ds.bench(None).unwrap();
    assert_eq!(bench.grades.len(), 1021);
    assert_eq!(Method::default_for(bench), Method::WildBench);
    let lb = leaderboard::compute(bench, &opts()).unwrap();
    let m = &lb.models[0];
    assert_eq!(m.model, "gemma-2b-it");
    let score: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("leaderboard/data_dir/score.json")).unwrap(),
    )
    .unwrap();
    let s = &score["gemma-2b-it"];
    // Source: score.json `score`, `adjusted_score`, `avg_len`; tolerance 1e-9.
    assert!((m.figures["wb_score_mean_grade"] - s["score"].as_f64().unwrap()).abs() < 1e-9);
    assert!((m.figures["wb_score"] - 10.0 * s["adjusted_score"].as_f64().unwrap()).abs() < 1e-9);
    assert!((m.figures["avg_len"] - s["avg_len"].as_f64().unwrap()).abs() < 1e-9);
    // Source: all_stat_wildbench.-1.json `WB_score`; tolerance 1e-9.
    let all: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("leaderboard/data_dir/all_stat_wildbench.-1.json"))
            .unwrap(),
    )
    .unwrap();
    assert!((m.score - all["gemma-2b-it"]["WB_score"].as_f64().unwrap()).abs() < 1e-9);
}

/// Six items of `m` against claude-3-haiku in `batch_results_format.py`'s fields.
const PAIRWISE: &str = r#"[
 {"session_id":"s1","parsed_result":{"choice":"A++"},"model_A":"m","model_B":"claude-3-haiku-20240307","winner":"m","extent":2,
  "model_outputs":{"m":"aaaa","claude-3-haiku-20240307":"bb"}},
 {"session_id":"s2","parsed_result":{"choice":"B+"},"model_A":"m","model_B":"claude-3-haiku-20240307","winner":"claude-3-haiku-20240307","extent":1,
  "model_outputs":{"m":"a","claude-3-haiku-20240307":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}},
 {"session_id":"s3","parsed_result":{"choice":"A+"},"model_A":"claude-3-haiku-20240307","model_B":"m",
  "model_outputs":{"m":"a much longer answer from the tested model","claude-3-haiku-20240307":"short"}},
 {"session_id":"s4","parsed_result":{"choice":"B+"},"model_A":"claude-3-haiku-20240307","model_B":"m","winner":"m","extent":1,
  "model_outputs":{"m":"cut... (truncated)","claude-3-haiku-20240307":"x"}},
 {"session_id":"s5","parsed_result":{"choice":"A=B"},"model_A":"m","model_B":"claude-3-haiku-20240307","winner":"tie","extent":0},
 {"session_id":"s6","parsed_result":{"choice":"B+"},"model_A":"claude-3-haiku-20240307","model_B":"m","winner":"m","extent":1,
  "model_outputs":{"m":"a long long long winning answer","claude-3-haiku-20240307":"y"}},
 {"session_id":"s6","parsed_result":{"choice":"B+"},"model_A":"claude-3-haiku-20240307","model_B":"m","winner":"m","extent":1},
 {"session_id":"s7","parsed_result":{"choice":"C"},"model_A":"claude-3-haiku-20240307","model_B":"m"},
 {"session_id":"s8","model_A":"claude-3-haiku-20240307"},
 {"session_id":"s9", oops
]"#;
const PATH: &str = "pairwise.v2/eval=gpt-4-turbo-2024-04-09/ref=claude-3-haiku-20240307/m.json";

#[test]
fn pairwise_items_count_as_create_tables_counts_them() {
    let ds = load(&[(PATH, PAIRWISE)]);
    let b = ds.bench(None).unwrap();
    let r = &b.report;
    assert_eq!(r.count(IssueKind::DuplicateRow), 1, "s6 twice");
    assert_eq!(r.count(IssueKind::UnknownLabel), 1, "choice C");
    assert_eq!(r.count(IssueKind::MissingField), 1, "s8 has no model_B");
    assert_eq!(
        r.count(IssueKind::BadJson),
        1,
        "the array breaks at item 10"
    );
    assert!(r
        .issues
        .iter()
        .any(|i| i.to_string().contains("m.json:item 10:")));
    assert_eq!(b.judges.names(), ["gpt-4-turbo-2024-04-09"]);
    let haiku = b.models.get("claude-3-haiku-20240307").unwrap();
    let m = b.models.get("m").unwrap();
    // K = -1: s1 win_much, s2 lose, s3 lose (choice A+ with haiku as A), s4 skipped (truncated,
    // still in total), s5 tie, s6 win.
    let c = wildbench::counts(b, haiku, &[], -1)[&m];
    assert_eq!(
        (c.win_much, c.win, c.tie, c.lose, c.lose_much, c.total),
        (1, 1, 1, 2, 0, 6)
    );
    // Reward = (1 + ½ − 2·½) / 6.
    assert!((c.reward().unwrap() - 0.5 / 6.0).abs() < 1e-15);
    // K = 10: s6's "+" win (31 characters against 1) and s2's "+" loss (the reference's 37
    // against 1) become ties; s3's loss to a shorter reference stays; s1's "++" never changes.
    let c = wildbench::counts(b, haiku, &[], 10)[&m];
    assert_eq!(
        (c.win_much, c.win, c.tie, c.lose, c.lose_much, c.total),
        (1, 0, 3, 1, 0, 6)
    );
    let lb = leaderboard::compute(b, &opts()).unwrap();
    assert_eq!(lb.baseline, "claude-3-haiku-20240307");
    assert!((lb.models[0].score - 100.0 * 0.5 / 6.0).abs() < 1e-12);
    assert_eq!(lb.models[0].figures["total"], 6.0);
}

#[test]
fn score_mode_bad_items() {
    let text = r#"[{"session_id":"a","score":"7","model_test":"org/m","model_output":"x"},
                   {"session_id":"b","score":"-","model_test":"org/m"},
                   {"session_id":"c","score":null,"parsed_result":{"score":"11"},"model_test":"org/m"},
                   {"session_id":"d","parsed_result":{"score":"3"},"model_test":"org/m","model_output":""},
                   {"session_id":"a","score":"2","model_test":"org/m"},
                   {"score":"2","model_test":"org/m"}]"#;
    let ds = load(&[("eval=j/m.json", text)]);
    let b = ds.bench(None).unwrap();
    assert_eq!(b.grades.len(), 2);
    assert_eq!(b.report.count(IssueKind::UnknownLabel), 2, "\"-\" and 11");
    assert_eq!(b.report.count(IssueKind::DuplicateRow), 1);
    assert_eq!(b.report.count(IssueKind::MissingField), 1);
    let lb = leaderboard::compute(b, &opts()).unwrap();
    // Mean (7 + 3) / 2 = 5 → WB-Score 0; the empty answer is left out of the length.
    assert_eq!(lb.models[0].score, 0.0);
    assert_eq!(lb.models[0].figures["avg_len"], 1.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_prefix_loads_without_panicking(cut in 0usize..3000, noise in "[\\[\\]{},:\"a-zA-Z0-9 +=.-]{0,40}") {
        let mut text = PAIRWISE.to_string();
        text.truncate(cut.min(text.len()));
        while !text.is_char_boundary(text.len()) { text.pop(); }
        text.push_str(&noise);
        let ds = load(&[(PATH, &text)]);
        if let Ok(b) = ds.bench(None) {
            let _ = leaderboard::compute(b, &opts());
        }
        let _ = reference::parse(&format!("{{\"m\": {text}}}"));
    }
}
