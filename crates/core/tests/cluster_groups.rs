//! The clusters view's pure parts: the custom slice's URL text (parse/print round trip), grouping
//! prompts by a shipped label field or by a computed clustering, the group field's URL spelling,
//! and per-group performance against `cluster_performance` computed directly.

use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::cluster::groups::{default_topics, GroupField, Groups};
use arena_lens_core::cluster::perf::{prompt_scores, ranked_slice, Perf};
use arena_lens_core::cluster::performance::{cluster_performance, slice_score};
use arena_lens_core::cluster::selection::{parse_selection, selection_text, Selection};
use arena_lens_core::cluster::{ClusterInfo, Clustering};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::source::SourceFile;
use proptest::prelude::*;
use std::sync::Arc;

/// Six prompts with categories and clusters (one unlabelled, one cluster under two categories),
/// and a judge's verdicts on two models against a shared baseline.
fn small() -> Dataset {
    // (id, category, cluster)
    let prompts = [
        ("q0", "coding", "Rust"),
        ("q1", "math", "Algebra"),
        ("q2", "coding", "Python"),
        ("q3", "coding", "Rust"),
        ("q4", "math", ""),
        ("q5", "coding", "Algebra"),
    ];
    let q: String = prompts
        .iter()
        .map(|(id, cat, cl)| {
            format!(
                "{{\"question_id\":\"{id}\",\"category\":\"{cat}\",\"cluster\":\"{cl}\",\"turns\":[{{\"content\":\"prompt {id}\"}}]}}\n"
            )
        })
        .collect();
    // Model `a` wins everything; `b` loses on coding and ties on math (game 1, game 2).
    let mut j = String::new();
    for (id, cat, _) in &prompts {
        j += &format!(
            "{{\"question_id\":\"{id}\",\"model\":\"a\",\"judge\":\"j\",\"games\":[{{\"score\":\"B>A\"}},{{\"score\":\"A>B\"}}]}}\n"
        );
        let (g1, g2) = if *cat == "coding" {
            ("A>B", "B>A")
        } else {
            ("A=B", "A=B")
        };
        j += &format!(
            "{{\"question_id\":\"{id}\",\"model\":\"b\",\"judge\":\"j\",\"games\":[{{\"score\":\"{g1}\"}},{{\"score\":\"{g2}\"}}]}}\n"
        );
    }
    Dataset::load(vec![
        SourceFile {
            path: "t/question.jsonl".into(),
            text: q,
        },
        SourceFile {
            path: "t/model_judgment/j/all.jsonl".into(),
            text: j,
        },
    ])
}

fn sel(pairs: &[(&str, f64)]) -> Selection {
    pairs.iter().map(|(n, w)| (n.to_string(), *w)).collect()
}

#[test]
fn selection_text_reads_back_with_weights_and_odd_names() {
    let s = sel(&[
        ("plain", 1.0),
        ("weighted", 2.5),
        ("zero", 0.0),
        ("a=b", 1.0),
        ("x=2", 1.0),
        ("x=2 again", 3.0),
        ("Café — 한국어 / code", 0.25),
    ]);
    let text = selection_text(&s).unwrap();
    // A bare name stays bare; a name ending in `=<number>` gets its weight spelled out.
    assert!(text.split('\n').any(|l| l == "plain"));
    assert!(text.split('\n').any(|l| l == "a=b"));
    assert!(text.split('\n').any(|l| l == "x=2=1"));
    assert_eq!(parse_selection(&text), s);
    assert_eq!(selection_text(&Selection::new()), None);
}

#[test]
fn selection_parsing_is_lenient() {
    // Today's links: bare names weigh 1, a non-number after `=` is part of the name, negative
    // weights become 0, blank lines are skipped.
    assert_eq!(
        parse_selection("Rust\nAlgebra=3\nk=v\nneg=-2\n\n"),
        sel(&[("Rust", 1.0), ("Algebra", 3.0), ("k=v", 1.0), ("neg", 0.0)])
    );
    assert_eq!(parse_selection(""), Selection::new());
}

proptest! {
    #[test]
    fn selection_round_trips(
        entries in prop::collection::btree_map(
            "[^\n]{1,12}",
            prop_oneof![Just(1.0f64), 0.0f64..1e6, (0u32..100).prop_map(|x| x as f64 / 4.0)],
            0..6,
        )
    ) {
        let text = selection_text(&entries);
        prop_assert_eq!(text.is_none(), entries.is_empty());
        prop_assert_eq!(parse_selection(&text.unwrap_or_default()), entries);
    }

    #[test]
    fn selection_parsing_never_panics(s in "\\PC{0,40}") {
        let parsed = parse_selection(&s);
        prop_assert!(parsed.values().all(|w| *w >= 0.0 || w.is_nan()));
    }
}

#[test]
fn group_field_keeps_its_url_spelling() {
    for g in [
        GroupBy::Cluster,
        GroupBy::KoCluster,
        GroupBy::Category,
        GroupBy::Subcategory,
    ] {
        let f = GroupField::Label(g);
        assert_eq!(GroupField::parse(f.as_str()), Some(f));
        assert_eq!(f.as_str(), g.as_str());
    }
    assert_eq!(GroupField::Computed.as_str(), "computed");
    assert_eq!(GroupField::parse("computed"), Some(GroupField::Computed));
    assert_eq!(GroupField::parse("nope"), None);
    // Asked-for field when the data has it; else the finest the data has; else computed.
    let fields = [GroupBy::Cluster, GroupBy::Category];
    let choose = GroupField::choose;
    assert_eq!(
        choose(Some("category"), &fields),
        GroupField::Label(GroupBy::Category)
    );
    assert_eq!(choose(Some("computed"), &fields), GroupField::Computed);
    assert_eq!(
        choose(Some("ko_cluster"), &fields),
        GroupField::Label(GroupBy::Cluster)
    );
    assert_eq!(choose(None, &fields), GroupField::Label(GroupBy::Cluster));
    assert_eq!(choose(Some("category"), &[]), GroupField::Computed);
}

#[test]
fn groups_by_a_label_field() {
    let ds = small();
    let bench = ds.bench(None).unwrap();
    let g = Groups::from_label(bench, GroupBy::Cluster);
    assert_eq!(g.field, GroupField::Label(GroupBy::Cluster));
    assert_eq!(
        g.label_of,
        ["Rust", "Algebra", "Python", "Rust", "", "Algebra"]
    );
    // A group's category is its first prompt's: Algebra is math (q1) although q5 is coding.
    assert_eq!(g.parent["Algebra"], "math");
    assert_eq!(g.parent["Rust"], "coding");
    // By category, then name; the unlabelled prompt is in no group.
    assert_eq!(g.order, ["Python", "Rust", "Algebra"]);
    assert_eq!(g.ids(bench, "Rust"), ["q0", "q3"]);
    assert_eq!(g.ids(bench, "Algebra"), ["q1", "q5"]);
    assert!(g.ids(bench, "").len() == 1 && g.ids(bench, "nothing").is_empty());
    assert!(g.computed.is_none());

    // The category is the top level itself: no parent.
    let c = Groups::from_label(bench, GroupBy::Category);
    assert_eq!(c.order, ["coding", "math"]);
    assert!(c.parent.values().all(String::is_empty));

    // As many topics as the finest label has values (the empty one counts), at least 2.
    assert_eq!(default_topics(bench, &[GroupBy::Cluster]), 4);
    assert_eq!(default_topics(bench, &[]), 6);
}

#[test]
fn groups_by_a_computed_clustering() {
    let ds = small();
    let bench = ds.bench(None).unwrap();
    let info = |id: u32, label: &str, size: u32| ClusterInfo {
        id,
        label: label.into(),
        top_terms: Vec::new(),
        size,
        other: 0,
        broad: 0,
    };
    let c = Arc::new(Clustering {
        assignment: vec![0, 1, 0, 0, 1, 1],
        clusters: vec![info(0, "code", 3), info(1, "maths", 3)],
        coords: vec![[0.0, 0.0]; 6],
        dendrogram: Vec::new(),
        other: Vec::new(),
        broad: Vec::new(),
    });
    let g = Groups::from_clustering(bench, c.clone());
    assert_eq!(g.field, GroupField::Computed);
    assert_eq!(g.order, ["#1 code", "#2 maths"]);
    assert_eq!(g.label_of[1], "#2 maths");
    // Topic 2 holds q1 (math), q4 (math), q5 (coding): mostly math.
    assert_eq!(g.parent["#2 maths"], "math");
    assert_eq!(g.parent["#1 code"], "coding");
    assert_eq!(g.ids(bench, "#2 maths"), ["q1", "q4", "q5"]);
    assert!(Arc::ptr_eq(g.computed.as_ref().unwrap(), &c));
}

#[test]
fn perf_is_cluster_performance_with_models_in_overall_order() {
    let ds = small();
    let bench = ds.bench(None).unwrap();
    let judge = bench.judges.get("j").unwrap();
    let g = Groups::from_label(bench, GroupBy::Cluster);
    let spec = BootstrapSpec::new(50, 3, 0.9, BootstrapUnit::Prompt).unwrap();
    let p = Perf::compute(bench, judge, None, &g, spec);
    assert_eq!(
        p.rows,
        cluster_performance(bench, judge, None, &g.label_of, spec)
    );
    assert_eq!((p.level, p.rounds), (0.9, 50));
    for (i, r) in p.rows.iter().enumerate() {
        assert_eq!(p.by_group[&r.cluster], i);
    }
    // `a` wins every game (100%); `b` loses on coding and ties on math: (0+½+0+0+½+0)/6 = 1/6.
    let names: Vec<&str> = p.models.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
    assert!((p.models[0].1 - 100.0).abs() < 1e-9);
    assert!((p.models[1].1 - 100.0 / 6.0).abs() < 1e-9);
    assert!((p.cell("Algebra", "b").unwrap().win_rate - 25.0).abs() < 1e-9);
    assert!(p.cell("Algebra", "nobody").is_none() && p.cell("none", "a").is_none());
    assert_eq!(p.model_or_best(Some("b")).as_deref(), Some("b"));
    assert_eq!(p.model_or_best(Some("zzz")).as_deref(), Some("a"));
    assert_eq!(p.model_or_best(None).as_deref(), Some("a"));

    let s = sel(&[("Rust", 1.0), ("Algebra", 2.0)]);
    let ranked = ranked_slice(bench, judge, None, &g, &s, spec);
    let mut direct = slice_score(bench, judge, None, &g.label_of, &s, spec);
    direct.sort_by(|x, y| y.score.total_cmp(&x.score));
    assert_eq!(ranked, direct);
    assert_eq!(ranked[0].model, "a");

    let b = prompt_scores(bench, judge, None, "b").unwrap();
    assert_eq!(
        b,
        [
            Some(0.0),
            Some(0.5),
            Some(0.0),
            Some(0.0),
            Some(0.5),
            Some(0.0)
        ]
    );
    assert!(prompt_scores(bench, judge, None, "nobody").is_none());
}
