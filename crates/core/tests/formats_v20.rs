//! Arena-Hard v2.0 rows (no v2.0 judgments exist in ../shared, so these are hand-written to the
//! shapes in formats.md): `uid`, per-row `baseline`, `judgment: {answer}`, mirrored labels,
//! `messages` answers with `{answer}` content, and `metadata` style counts.

use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;

fn files() -> Vec<SourceFile> {
    let q = "{\"uid\":\"u1\",\"category\":\"hard_prompt\",\"subcategory\":\"coding\",\"prompt\":\"Write zig\"}\n\
             {\"uid\":\"u2\",\"category\":\"hard_prompt\",\"subcategory\":\"math\",\"prompt\":\"Prove it\"}\n";
    let meta = |t: u32| {
        format!("{{\"token_len\":{t},\"header_count\":{{\"h1\":1,\"h2\":0,\"h3\":0,\"h4\":0,\"h5\":0,\"h6\":0}},\"list_count\":{{\"ordered\":2,\"unordered\":0}},\"bold_count\":{{\"**\":1,\"__\":0}}}}")
    };
    let ans = |m: &str, t: u32| {
        (1..=2)
            .map(|u| format!("{{\"uid\":\"u{u}\",\"ans_id\":\"x\",\"model\":\"{m}\",\"messages\":[{{\"role\":\"user\",\"content\":\"q\"}},{{\"role\":\"assistant\",\"content\":{{\"answer\":\"# A\\n1. x\\n2. **y**\"}}}}],\"metadata\":{}}}\n", meta(t)))
            .collect::<String>()
    };
    let judg = "{\"uid\":\"u1\",\"category\":\"hard_prompt\",\"judge\":\"gpt-4.1\",\"model\":\"org/m\",\"baseline\":\"o3-mini\",\"games\":[{\"score\":\"A<B\",\"judgment\":{\"answer\":\"B is better\"}},{\"score\":\"B<A\",\"judgment\":{\"answer\":\"A is better\"}}]}\n\
                {\"uid\":\"u2\",\"category\":\"hard_prompt\",\"judge\":\"gpt-4.1\",\"model\":\"org/m\",\"baseline\":\"o3-mini\",\"games\":[{\"score\":\"B=A\"},{\"score\":\"A<<B\"}]}\n";
    vec![
        SourceFile {
            path: "v2/question.jsonl".into(),
            text: q.into(),
        },
        SourceFile {
            path: "v2/model_answer/o3-mini.jsonl".into(),
            text: ans("o3-mini", 100),
        },
        SourceFile {
            path: "v2/model_answer/m.jsonl".into(),
            text: ans("org/m", 300),
        },
        SourceFile {
            path: "v2/model_judgment/gpt-4.1/m.jsonl".into(),
            text: judg.into(),
        },
    ]
}

#[test]
fn v20_rows_become_battles_against_their_own_baseline() {
    let ds = Dataset::load(files());
    let bench = ds.bench(None).unwrap();
    assert_eq!(bench.prompts[0].subcategory, "coding");
    assert_eq!(bench.judgments[0].games[0].judgment, "B is better");
    let lb = leaderboard::compute(
        bench,
        &LeaderboardOptions {
            rounds: 0,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(lb.baseline, "o3-mini");
    // u1: A<B (model wins), B<A mirrored (model, shown as A, wins); u2: tie, A<<B mirrored
    // (baseline, shown as B, wins strongly: 3 rows). Model: 2 + 0.5 of 6 rows.
    let m = lb.models.iter().find(|r| r.model == "org/m").unwrap();
    assert_eq!(m.battles, 6);
    assert!((m.score - 100.0 * 2.5 / 6.0).abs() < 1e-9, "{}", m.score);
    assert_eq!(lb.report.total_issues(), 0, "{:?}", lb.report.issues);
}

#[test]
fn v20_metadata_feeds_style_control() {
    let ds = Dataset::load(files());
    let bench = ds.bench(None).unwrap();
    let a = bench.answer(bench.models.get("org/m").unwrap(), 0).unwrap();
    assert_eq!(a.tokens, Some(300.0));
    assert_eq!(a.style.unwrap().lists, 2.0);
    assert!(a.text.contains("**y**"));
    let lb = leaderboard::compute(
        bench,
        &LeaderboardOptions {
            rounds: 0,
            style: StyleMode::Length,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(lb.style_coefficients.len(), 1);
}
