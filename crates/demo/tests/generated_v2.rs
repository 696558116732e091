//! The v2.0-layout demo (`generate_v2`): deterministic, in the v2.0 JSON shapes, with its own
//! baseline per category, and without touching the v0.1 demo's output.

use arena_lens_demo::{
    generate, generate_v2, QuestionSpec, DEFAULT_SEED, V2_CREATIVE_BASELINE,
    V2_HARD_PROMPT_BASELINE,
};
use serde_json::Value;

#[test]
fn same_seed_same_bytes_and_the_v01_demo_is_unchanged_by_it() {
    let a = generate_v2(DEFAULT_SEED, None);
    assert_eq!(a, generate_v2(DEFAULT_SEED, None));
    assert_ne!(a, generate_v2(DEFAULT_SEED + 1, None));
    // The v0.1 demo keeps its layout (its bytes are pinned by the site's and CLI's tests).
    assert!(generate(DEFAULT_SEED)
        .iter()
        .all(|f| f.path.starts_with("arena-hard-demo/")));
}

#[test]
fn judgments_name_the_category_baseline_and_some_games_are_null() {
    let files = generate_v2(DEFAULT_SEED, None);
    let mut nulls = 0;
    let mut rows = 0;
    for f in files.iter().filter(|f| f.path.contains("/model_judgment/")) {
        for line in f.contents.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            rows += 1;
            let want = match v["category"].as_str().unwrap() {
                "creative_writing" => V2_CREATIVE_BASELINE,
                "hard_prompt" => V2_HARD_PROMPT_BASELINE,
                other => panic!("category {other}"),
            };
            assert_eq!(v["baseline"], want, "{}", f.path);
            assert_ne!(v["model"], want, "no baseline-vs-itself rows");
            let games = v["games"].as_array().unwrap();
            assert_eq!(games.len(), 2);
            assert!(games.iter().all(|g| g["judgment"]["answer"].is_string()));
            nulls += games.iter().filter(|g| g["score"].is_null()).count();
        }
    }
    assert!(
        nulls > 0 && nulls * 50 < rows,
        "{nulls} null games in {rows} rows"
    );
}

#[test]
fn given_questions_keep_their_uids_and_categories() {
    let specs: Vec<QuestionSpec> = (0..3)
        .map(|i| QuestionSpec {
            uid: format!("q{i}"),
            category: if i == 2 {
                "creative_writing"
            } else {
                "hard_prompt"
            }
            .into(),
            subcategory: if i == 2 { "creative_writing" } else { "math" }.into(),
            prompt: format!("prompt {i}"),
        })
        .collect();
    let files = generate_v2(1, Some(&specs));
    let q = &files[0];
    assert_eq!(q.path, "arena-hard-v2.0/question.jsonl");
    assert_eq!(q.contents.lines().count(), 3);
    let first: Value = serde_json::from_str(q.contents.lines().next().unwrap()).unwrap();
    assert_eq!(first["uid"], "q0");
    assert_eq!(first["prompt"], "prompt 0");
    let answer = files
        .iter()
        .find(|f| f.path.ends_with("/o3-mini-2025-01-31.jsonl") && f.path.contains("model_answer"))
        .unwrap();
    let a: Value = serde_json::from_str(answer.contents.lines().next().unwrap()).unwrap();
    assert!(a["messages"][1]["content"]["answer"].is_string());
    assert!(a["metadata"]["token_len"].is_u64());
}
