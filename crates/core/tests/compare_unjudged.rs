//! Issue 11: comparing models that have answers but no verdicts (under the judge shown, or at all),
//! and the answer statistics of answers-only data.

mod common;

use arena_lens_core::compare::{
    answer_stats, candidates, choose_models, holdings, pair_rows, search_texts, stats_by_category,
    stats_table, verdict_filters, CompareIndex, Has, PairOutcome, PairSummary, PromptFilter,
};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::scope::{resolve, Purpose, ScopeRequest};
use arena_lens_core::source::SourceFile;

fn file(path: &str, text: String) -> SourceFile {
    SourceFile {
        path: path.into(),
        text,
    }
}

const PROMPTS: [&str; 3] = ["p1", "p2", "p3"];

fn questions() -> SourceFile {
    file(
        "s/question.jsonl",
        PROMPTS
            .iter()
            .map(|p| format!("{{\"question_id\":\"{p}\",\"category\":\"{}\",\"turns\":[{{\"content\":\"question {p}\"}}]}}\n", if *p == "p3" { "y" } else { "x" }))
            .collect(),
    )
}

/// Answers of `model` to `prompts`: the text is `tokens` × "ab" (2 characters a token), with
/// v0.1 `conv_metadata` markdown counts (headers 1 + 1, lists 2, bold 3) when `meta`.
fn answers(bench: &str, model: &str, prompts: &[&str], tokens: u32, meta: bool) -> SourceFile {
    file(
        &format!("{bench}/model_answer/{model}.jsonl"),
        prompts
            .iter()
            .map(|p| {
                let text = "ab".repeat(tokens as usize);
                let meta = if meta {
                    format!(",\"conv_metadata\":{{\"token_len\":{tokens},\"header_count\":{{\"h1\":1,\"h2\":1}},\"list_count\":{{\"ordered\":2}},\"bold_count\":{{\"**\":3}}}}")
                } else {
                    String::new()
                };
                format!("{{\"question_id\":\"{p}\",\"choices\":[{{\"turns\":[{{\"content\":\"{text}\",\"token_len\":{tokens}}}]}}]{meta}}}\n")
            })
            .collect(),
    )
}

/// A v0.1 judgment file: the model wins both games on every prompt.
fn judgments(judge: &str, model: &str) -> SourceFile {
    file(
        &format!("s/model_judgment/{judge}/{model}.jsonl"),
        PROMPTS
            .iter()
            .map(|p| format!("{{\"question_id\":\"{p}\",\"model\":\"{model}\",\"judge\":\"{judge}\",\"games\":[{{\"score\":\"B>A\"}},{{\"score\":\"A>B\"}}]}}\n"))
            .collect(),
    )
}

/// base: the baseline (answers); ma: answers, judged by j and k; mb: answers only (mid-run);
/// mv: verdicts under j, no answer file; mk: judged by k only, no answer file.
fn mid_run() -> Dataset {
    Dataset::load(vec![
        questions(),
        answers("s", "base", &PROMPTS, 10, true),
        answers("s", "ma", &PROMPTS, 20, true),
        answers("s", "mb", &["p1", "p3"], 30, false),
        judgments("j", "ma"),
        judgments("k", "ma"),
        judgments("j", "mv"),
        judgments("k", "mk"),
    ])
}

fn compare_request(judge: Option<&str>) -> ScopeRequest {
    let mut r = ScopeRequest::new(Purpose::Compare);
    r.judged_baseline = Some("base".into());
    r.tab = judge.map(str::to_string);
    r
}

#[test]
fn every_model_with_answers_or_verdicts_is_listed_and_marked() {
    let ds = mid_run();
    let s = resolve(&ds, &compare_request(Some("j"))).unwrap();
    let b = s.bench(&ds);
    let id = |n: &str| b.models.get(n).unwrap();
    let index = CompareIndex::new(b, s.judge_id().unwrap(), s.judged_baseline_id);
    let marks: Vec<(String, Has, String)> = holdings(b, &index)
        .iter()
        .map(|h| {
            (
                b.models.name(h.model).to_string(),
                h.has(),
                h.mark(b, &index),
            )
        })
        .collect();
    let want = [
        ("base", Has::AnswersOnly, "baseline, answers only"),
        (
            "ma",
            Has::AnswersAndVerdicts,
            "answers + verdicts under j; verdicts under k",
        ),
        ("mb", Has::AnswersOnly, "answers only"),
        ("mk", Has::Neither, "no answer file; verdicts under k"),
        ("mv", Has::VerdictsOnly, "verdicts only, under j"),
    ];
    assert_eq!(
        marks,
        want.iter()
            .map(|(n, h, m)| (n.to_string(), *h, m.to_string()))
            .collect::<Vec<_>>()
    );

    // A judged model against a mid-run one: both kept, no note.
    let c = choose_models(b, &index, Some("ma"), Some("mb")).unwrap();
    assert_eq!((c.a, c.b, c.notes.len()), (id("ma"), id("mb"), 0));
    // Defaults: the judged models first, then the baseline.
    let c = choose_models(b, &index, None, None).unwrap();
    assert_eq!((c.a, c.b), (id("ma"), id("mv")));
    // A name the data lacks still falls back with a note.
    let c = choose_models(b, &index, Some("gone"), Some("mb")).unwrap();
    assert_eq!((c.a, c.b), (id("ma"), id("mb")));
    assert!(c.notes[0].contains("“gone” is not in this data"), "{c:?}");

    // Judged against unjudged: A's verdicts are read, B has none, and the filters that need both
    // are off with a reason while "games disagree" (A's games) still works.
    let rows = pair_rows(b, &index, id("ma"), id("mb"));
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|r| r.a.score() == Some(1.0) && r.b.judgment.is_none()));
    assert_eq!(PairSummary::of(&rows).both, 0);
    let off = verdict_filters(&rows, Some("j"));
    assert_eq!(
        off.outcome.as_deref(),
        Some("Needs verdicts for both A and B under j, and no prompt has them.")
    );
    assert_eq!(off.disagree, None);
    let f = PromptFilter {
        outcome: Some(PairOutcome::ABetter),
        upset: true,
        disagree: true,
        category: Some("x".into()),
        ..Default::default()
    };
    let usable = f.usable(&off);
    assert_eq!(
        (
            usable.outcome,
            usable.upset,
            usable.disagree,
            usable.category.as_deref()
        ),
        (None, false, true, Some("x"))
    );
    // Two judged models: every filter works.
    let rows = pair_rows(b, &index, id("ma"), id("base"));
    assert_eq!(verdict_filters(&rows, Some("j")), Default::default());
}

#[test]
fn answers_only_data_has_no_judge_and_lists_the_answered_prompts() {
    // No question file and no judgment: the prompts come from the answers.
    let ds = Dataset::load(vec![
        answers("bare", "m1", &["p1", "p2"], 4, false),
        answers("bare", "m2", &["p2", "p3"], 8, true),
    ]);
    let s = resolve(&ds, &ScopeRequest::new(Purpose::Compare)).unwrap();
    assert_eq!(s.judge_id(), None);
    let b = s.bench(&ds);
    let index = CompareIndex::without_judge();
    let (m1, m2) = (b.models.get("m1").unwrap(), b.models.get("m2").unwrap());
    assert_eq!(candidates(b, &index), vec![m1, m2]);
    let h = holdings(b, &index);
    assert_eq!(h[0].mark(b, &index), "answers only");
    let c = choose_models(b, &index, None, None).unwrap();
    assert_eq!((c.a, c.b), (m1, m2));
    let rows = pair_rows(b, &index, m1, m2);
    assert_eq!(rows.len(), 3, "a prompt either model answered is listed");
    let off = verdict_filters(&rows, None);
    assert!(off.outcome.is_some() && off.disagree.is_some());

    // One model only: A and B are both that model.
    let one = Dataset::load(vec![answers("one", "solo", &["p1"], 4, false)]);
    let b = one.bench(Some("one")).unwrap();
    let c = choose_models(b, &index, None, None).unwrap();
    assert_eq!((c.a, c.b, c.notes.len()), (0, 0, 0));
}

#[test]
fn answer_statistics_per_model_and_category() {
    let ds = mid_run();
    let b = ds.bench(Some("s")).unwrap();
    let id = |n: &str| b.models.get(n).unwrap();
    let all: Vec<u32> = (0..b.prompts.len() as u32).collect();
    // Values planted by `answers` above: `tokens` tokens, 2 characters each, headers 2, lists 2,
    // bold 3 when the file has metadata; exact (small integers and their means).
    let ma = answer_stats(b, id("ma"), &all);
    assert_eq!(ma.answers, 3);
    assert_eq!((ma.tokens.n, ma.tokens.mean()), (3, Some(20.0)));
    assert_eq!(ma.chars.mean(), Some(40.0));
    assert_eq!(
        (ma.headers.mean(), ma.lists.mean(), ma.bold.mean()),
        (Some(2.0), Some(2.0), Some(3.0))
    );
    let mb = answer_stats(b, id("mb"), &all);
    assert_eq!(
        (mb.answers, mb.tokens.mean(), mb.chars.mean()),
        (2, Some(30.0), Some(60.0))
    );
    assert_eq!(
        (mb.headers.n, mb.headers.mean()),
        (0, None),
        "no metadata, no markdown counts"
    );
    // Longest answers first; a model without answers is left out.
    let table = stats_table(b, &[id("base"), id("ma"), id("mb"), id("mv")], &all);
    let order: Vec<&str> = table.iter().map(|s| b.models.name(s.model)).collect();
    assert_eq!(order, vec!["mb", "ma", "base"]);
    // Per category: x holds p1 and p2, y holds p3; mb answered p1 and p3.
    let cats = stats_by_category(b, id("mb"));
    let got: Vec<(Option<&str>, usize)> = cats
        .iter()
        .map(|(c, s)| (c.as_deref(), s.answers))
        .collect();
    assert_eq!(got, vec![(None, 2), (Some("x"), 1), (Some("y"), 1)]);
}

/// The v2.0 sample holds questions and the baseline's answers, nothing else.
#[test]
fn the_v2_sample_opens_for_reading_with_its_statistics() {
    let Some(root) = common::shared::shared_data(
        "the_v2_sample_opens_for_reading_with_its_statistics",
        &["data/arena-hard-v2.0-sample"],
    ) else {
        return;
    };
    let files = common::read_tree(
        &root.join("data/arena-hard-v2.0-sample"),
        "arena-hard-v2.0-sample",
        &|n| n.ends_with(".jsonl"),
    );
    let ds = Dataset::load(files);
    let s = resolve(&ds, &ScopeRequest::new(Purpose::Compare)).unwrap();
    assert_eq!(
        (s.bench.as_str(), s.judge_id()),
        ("arena-hard-v2.0-sample", None)
    );
    let b = s.bench(&ds);
    let index = CompareIndex::without_judge();
    let o3 = b.models.get("o3-mini-2025-01-31").unwrap();
    assert_eq!(candidates(b, &index), vec![o3]);
    let c = choose_models(b, &index, None, None).unwrap();
    assert_eq!((c.a, c.b), (o3, o3));
    let rows = pair_rows(b, &index, o3, o3);
    assert_eq!(rows.len(), 750);
    let texts = search_texts(b);
    let zig = arena_lens_core::compare::filter_rows(
        b,
        &rows,
        &texts,
        &PromptFilter {
            text: "zig program".into(),
            ..Default::default()
        },
        None,
    );
    assert!(!zig.is_empty() && zig.len() < 750, "{}", zig.len());

    // Reference: a Python pass over the two files (json module): mean of metadata.token_len, of
    // the summed header/list/bold counts, and of len() of the assistant `messages` contents, per
    // question category. Tolerance 1e-9 (sums of integers divided once).
    let want = [
        (
            None,
            750,
            937.8733333333333,
            3369.4546666666665,
            0.7746666666666666,
            2.8973333333333335,
            0.2946666666666667,
        ),
        (
            Some("creative_writing"),
            250,
            789.26,
            2895.964,
            0.0,
            1.116,
            0.0,
        ),
        (
            Some("hard_prompt"),
            500,
            1012.18,
            3606.2,
            1.162,
            3.788,
            0.442,
        ),
    ];
    let got = stats_by_category(b, o3);
    assert_eq!(got.len(), want.len());
    for ((cat, st), (wc, n, tokens, chars, headers, lists, bold)) in got.iter().zip(want) {
        assert_eq!((cat.as_deref(), st.answers), (wc, n));
        for (name, g, w) in [
            ("tokens", st.tokens.mean(), tokens),
            ("chars", st.chars.mean(), chars),
            ("headers", st.headers.mean(), headers),
            ("lists", st.lists.mean(), lists),
            ("bold", st.bold.mean(), bold),
        ] {
            let g = g.unwrap();
            assert!((g - w).abs() < 1e-9, "{cat:?} {name}: {g} vs {w}");
        }
    }
}

/// fulltext-10-prompts with only mistral-7b's judgment file left: the other five models have
/// answers and no verdicts, and each can be compared with the judged one.
#[test]
fn fulltext_with_one_judgment_file_compares_judged_with_unjudged() {
    let Some(root) = common::shared::shared_data(
        "fulltext_with_one_judgment_file_compares_judged_with_unjudged",
        &["data/fulltext-10-prompts"],
    ) else {
        return;
    };
    let files: Vec<SourceFile> =
        common::read_tree(&root.join("data/fulltext-10-prompts"), "fulltext", &|n| {
            n.ends_with(".jsonl")
        })
        .into_iter()
        .filter(|f| !f.path.contains("model_judgment/") || f.path.ends_with("/mistral-7b.jsonl"))
        .collect();
    let ds = Dataset::load(files);
    let mut r = ScopeRequest::new(Purpose::Compare);
    r.judged_baseline = Some("truth_model".into());
    let s = resolve(&ds, &r).unwrap();
    let b = s.bench(&ds);
    let index = CompareIndex::new(b, s.judge_id().unwrap(), s.judged_baseline_id);
    let h = holdings(b, &index);
    assert_eq!(h.len(), 6, "the six models with answer files");
    let has = |n: &str| {
        h.iter()
            .find(|x| b.models.name(x.model) == n)
            .unwrap()
            .has()
    };
    assert_eq!(has("mistral-7b"), Has::AnswersAndVerdicts);
    assert_eq!(has("dolphin-miner"), Has::AnswersOnly);
    let (m, d) = (
        b.models.get("mistral-7b").unwrap(),
        b.models.get("dolphin-miner").unwrap(),
    );
    let c = choose_models(b, &index, Some("mistral-7b"), Some("dolphin-miner")).unwrap();
    assert_eq!((c.a, c.b, c.notes.len()), (m, d, 0));
    let rows = pair_rows(b, &index, m, d);
    assert_eq!(rows.len(), 10);
    assert!(rows
        .iter()
        .all(|r| r.a.judgment.is_some() && r.b.judgment.is_none()));
    assert!(rows.iter().all(|r| b.answer(d, r.prompt).is_some()));
}
