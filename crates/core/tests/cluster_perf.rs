//! The clusters view's per-group win rates ([`Perf`]): they honour a prompt subset (a box or lasso
//! on the map, a search), and on a Chatbot Arena battle log, which has votes but no judge, they
//! come from the votes ([`PerfSource::of`] decides). Expected values are worked out by hand from the
//! fixtures below; tolerance 1e-9 (a mean of a few halves and ones).

use arena_lens_core::bench::{Bench, Layout};
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::cluster::groups::{field_name, GroupField, Groups};
use arena_lens_core::cluster::perf::{Perf, PerfSource};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::source::SourceFile;

fn spec() -> BootstrapSpec {
    BootstrapSpec::new(200, 7, 0.95, BootstrapUnit::Prompt).unwrap()
}

/// Six prompts in clusters A (q0-q2) and B (q3-q5); model `m` against the baseline `base` under
/// judge `j`. In game 1 the baseline is A, so `B>A` is a win for `m`; in game 2 `A>B` is. Prompt
/// scores: A 1, 0.75, 0; B 1, 1, 0.5.
fn judged() -> Dataset {
    let q: String = (0..6)
        .map(|i| {
            format!(
                "{{\"question_id\":\"q{i}\",\"category\":\"c\",\"cluster\":\"{}\",\"turns\":[{{\"content\":\"p{i}\"}}]}}\n",
                if i < 3 { "A" } else { "B" }
            )
        })
        .collect();
    let games = [
        ("B>A", "A>B"),
        ("B>A", "A=B"),
        ("A>B", "B>A"),
        ("B>A", "A>B"),
        ("B>>A", "A>>B"),
        ("B>A", "B>A"),
    ];
    let j: String = games
        .iter()
        .enumerate()
        .map(|(i, (g1, g2))| {
            format!(
                "{{\"question_id\":\"q{i}\",\"model\":\"m\",\"judge\":\"j\",\"games\":[{{\"score\":\"{g1}\"}},{{\"score\":\"{g2}\"}}]}}\n"
            )
        })
        .collect();
    Dataset::load(vec![
        SourceFile {
            path: "t/question.jsonl".into(),
            text: q,
        },
        SourceFile {
            path: "t/model_judgment/j/m.jsonl".into(),
            text: j,
        },
    ])
}

fn win_rate(p: &Perf, group: &str, model: &str) -> f64 {
    p.cell(group, model).unwrap().win_rate
}

#[test]
fn per_group_win_rates_honour_the_prompt_subset() {
    let ds = judged();
    let bench = ds.bench(None).unwrap();
    let judge = bench.judges.get("j").unwrap();
    let groups = Groups::from_label(bench, GroupBy::Cluster);
    let src = PerfSource::of(bench, Some(judge)).unwrap();
    assert_eq!(src, PerfSource::Judge(judge));
    let all = Perf::compute_on(bench, src, None, &groups, spec(), None);
    assert_eq!(all, Perf::compute(bench, judge, None, &groups, spec()));
    // By hand: A = (1 + 0.75 + 0) / 3, B = (1 + 1 + 0.5) / 3.
    assert!((win_rate(&all, "A", "m") - 175.0 / 3.0).abs() < 1e-9);
    assert!((win_rate(&all, "B", "m") - 250.0 / 3.0).abs() < 1e-9);
    // The subset {q1, q2, q5}: A = (0.75 + 0) / 2, B = 0.5; each group counts its two or one.
    let sub: Vec<u32> = ["q1", "q2", "q5"]
        .iter()
        .map(|q| bench.prompt_index[*q])
        .collect();
    let some = Perf::compute_on(bench, src, None, &groups, spec(), Some(&sub));
    assert!((win_rate(&some, "A", "m") - 37.5).abs() < 1e-9);
    assert!((win_rate(&some, "B", "m") - 50.0).abs() < 1e-9);
    assert_eq!(some.cell("A", "m").unwrap().n_prompts, 2);
    assert_eq!(some.rows[some.by_group["B"]].n_prompts, 1);
    // The overall order is over the subset too: (0.75 + 0 + 0.5) / 3.
    assert!((some.models[0].1 - 125.0 / 3.0).abs() < 1e-9);
    // A subset inside one group leaves the other without a row.
    let only_b = Perf::compute_on(bench, src, None, &groups, spec(), Some(&sub[2..]));
    assert_eq!(only_b.rows.len(), 1);
    assert!(only_b.cell("A", "m").is_none());
}

/// A Chatbot Arena log of five battles on four prompts (no judge): q1 and q2 are `math`, q3 and
/// q4 `creative_writing`; q1-q3 English, q4 German.
fn arena_log() -> Dataset {
    let rows = [
        (
            "q1",
            "alpha",
            "beta",
            "model_a",
            "English",
            "math_v0.1",
            "math",
        ),
        ("q2", "beta", "alpha", "tie", "English", "math_v0.1", "math"),
        (
            "q3",
            "alpha",
            "gamma",
            "model_b",
            "English",
            "creative_writing_v0.1",
            "creative_writing",
        ),
        (
            "q4",
            "gamma",
            "beta",
            "tie (bothbad)",
            "German",
            "creative_writing_v0.1",
            "creative_writing",
        ),
        (
            "q5",
            "beta",
            "alpha",
            "model_a",
            "English",
            "math_v0.1",
            "math",
        ),
    ];
    let text: String = rows
        .iter()
        .map(|(q, a, b, w, lang, tag, flag)| {
            format!(
                "{{\"question_id\":\"{q}\",\"model_a\":\"{a}\",\"model_b\":\"{b}\",\"winner\":\"{w}\",\"anony\":true,\"language\":\"{lang}\",\"category_tag\":{{\"{tag}\":{{\"{flag}\":true}}}}}}\n"
            )
        })
        .collect();
    Dataset::load(vec![SourceFile {
        path: "arena/battles.jsonl".into(),
        text,
    }])
}

#[test]
fn an_arena_log_has_per_topic_win_rates_from_its_votes() {
    let ds = arena_log();
    let bench = ds.bench(None).unwrap();
    assert_eq!(bench.layout, Layout::ArenaLog);
    assert!(
        bench.judges.is_empty(),
        "no judge: the votes are the verdicts"
    );
    let src = PerfSource::of(bench, None).unwrap();
    assert_eq!(src, PerfSource::Votes);
    let groups = Groups::from_label(bench, GroupBy::Subcategory);
    let p = Perf::compute_on(bench, src, None, &groups, spec(), None);
    assert_eq!(p.source, PerfSource::Votes);
    // math (q1, q2, q5): alpha won q1, tied q2, lost q5 -> (1 + 0.5 + 0) / 3; beta the mirror.
    assert!((win_rate(&p, "math", "alpha") - 50.0).abs() < 1e-9);
    assert!((win_rate(&p, "math", "beta") - 50.0).abs() < 1e-9);
    assert_eq!(p.cell("math", "alpha").unwrap().n_prompts, 3);
    assert!(p.cell("math", "gamma").is_none(), "gamma never played math");
    // creative_writing (q3, q4): gamma won q3 and tied q4 -> 75%; alpha lost q3 -> 0; beta tied q4.
    assert!((win_rate(&p, "creative_writing", "gamma") - 75.0).abs() < 1e-9);
    assert!((win_rate(&p, "creative_writing", "alpha") - 0.0).abs() < 1e-9);
    assert!((win_rate(&p, "creative_writing", "beta") - 50.0).abs() < 1e-9);
    // Overall order: gamma 75, beta (0 + 0.5 + 0.5 + 1) / 4 = 50, alpha (1 + 0.5 + 0 + 0) / 4.
    let order: Vec<&str> = p.models.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(order, ["gamma", "beta", "alpha"]);
    // The subset {q1} narrows the votes too.
    let q1 = [bench.prompt_index["q1"]];
    let one = Perf::compute_on(bench, src, None, &groups, spec(), Some(&q1));
    assert_eq!(one.rows.len(), 1);
    assert!((win_rate(&one, "math", "alpha") - 100.0).abs() < 1e-9);
}

#[test]
fn data_without_judge_or_votes_has_no_win_rates() {
    // Prompts only (no verdicts of any kind) and no judge.
    let mut bench = Bench::new("t");
    bench.prompt_id("q0");
    assert_eq!(PerfSource::of(&bench, None), None);
    assert_eq!(PerfSource::of(&bench, Some(0)), Some(PerfSource::Judge(0)));
}

#[test]
fn label_fields_are_named_as_the_format_uses_them() {
    // An Arena log keeps the language in `category` and its first category tag in `subcategory`.
    assert_eq!(field_name(Layout::ArenaLog, GroupBy::Category), "language");
    assert_eq!(
        field_name(Layout::ArenaLog, GroupBy::Subcategory),
        "category tag"
    );
    assert_eq!(field_name(Layout::V20, GroupBy::Subcategory), "subcategory");
    assert_eq!(
        GroupField::Label(GroupBy::Subcategory).name(Layout::ArenaLog),
        "category tag"
    );
    assert_eq!(
        GroupField::Computed.name(Layout::ArenaLog),
        "computed topic"
    );
    // The parent of an Arena log's category-tag groups is a language, and is named so.
    let ds = arena_log();
    let bench = ds.bench(None).unwrap();
    let groups = Groups::from_label(bench, GroupBy::Subcategory);
    assert_eq!(groups.parent["creative_writing"], "English");
    assert_eq!(groups.parent_label, "language");
}
