//! Prompt quality and prompt subsets, end to end: the synthetic Chatbot Arena log plants criteria
//! tags that follow the prompt's kind (`arena-lens-demo` `arena_prompts.rs`), and the CLI finds
//! them; a leaderboard over a subset (`--min-criteria`, `--criterion`, `--prompts`, `--search`)
//! equals the leaderboard of a log that holds only those prompts' battles, for the Arena log's
//! method and for the Arena-Hard demo's judgments.

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, Leaderboard, LeaderboardOptions};
use arena_lens_core::source::SourceFile;
use arena_lens_core::subset::PromptSubset;
use arena_lens_demo::{write_arena_log, ArenaLogOptions, ARENA_DEMO_BENCH, ARENA_DEMO_FILE};
use common::{cli, run_json, tempdir};
use serde_json::Value;
use std::collections::BTreeSet;

const BATTLES: u64 = 20_000;

fn arena_log() -> String {
    let mut buf = Vec::new();
    write_arena_log(
        &mut buf,
        &ArenaLogOptions {
            battles: BATTLES,
            seed: 2024,
            conversations_every: 20,
        },
    )
    .unwrap();
    String::from_utf8(buf).unwrap()
}

fn load(text: String) -> Dataset {
    Dataset::load(vec![SourceFile {
        path: format!("{ARENA_DEMO_BENCH}/{ARENA_DEMO_FILE}"),
        text,
    }])
}

/// The log's lines whose record `keep` accepts.
fn filtered(log: &str, keep: impl Fn(&Value) -> bool) -> String {
    log.lines()
        .filter(|l| keep(&serde_json::from_str(l).unwrap()))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A record's criteria score, counted from its JSON independently of the core's reader.
fn score(r: &Value) -> usize {
    r["category_tag"]["criteria_v0.1"]
        .as_object()
        .map_or(0, |c| {
            c.values().filter(|v| v.as_bool() == Some(true)).count()
        })
}

/// Every number of every model row (scores, bounds, ranks, battles), which must agree exactly.
fn rows(lb: &Leaderboard) -> String {
    serde_json::to_string(&lb.models).unwrap()
}

fn opts(subset: PromptSubset) -> LeaderboardOptions {
    LeaderboardOptions {
        method: arena_lens_core::method::Method::ChatbotArena,
        rounds: 30,
        subset,
        ..LeaderboardOptions::default()
    }
}

#[test]
fn planted_quality_follows_the_kind_of_prompt() {
    let ds = load(arena_log());
    let b = ds.bench(None).unwrap();
    assert!(b.prompts.iter().all(|p| p.criteria.is_some()));
    // Group by kind as the log labels it: `code` (is_code) and `creative_writing`.
    let kind = |l: &str| -> Vec<String> {
        b.prompts
            .iter()
            .map(|p| {
                if p.labels.iter().any(|x| x == l) {
                    l.to_string()
                } else {
                    String::new()
                }
            })
            .collect()
    };
    let mean = |l: &str| {
        arena_lens_core::cluster::quality::by_group(b, &kind(l))[0]
            .mean
            .unwrap()
    };
    // Planted (arena_prompts.rs `PromptInfo::draw`): the sum of the seven chances, 5.65 for
    // coding prompts and 2.65 for creative ones; tolerance 0.15 (about 5 standard errors at the
    // ~1,300 creative prompts of 20,000, sd ≈ 1.1).
    assert!((mean("code") - 5.65).abs() < 0.15, "code {}", mean("code"));
    assert!(
        (mean("creative_writing") - 2.65).abs() < 0.15,
        "creative {}",
        mean("creative_writing")
    );
    // Hard prompts are about one in five (the README's figure; 0.12..0.35 as the generator's test).
    let hard = b
        .prompts
        .iter()
        .filter(|p| p.criteria.unwrap().is_hard())
        .count() as f64
        / b.prompts.len() as f64;
    assert!((0.12..0.35).contains(&hard), "hard share {hard}");
}

#[test]
fn hard_prompts_and_one_criterion_equal_a_log_of_only_those_prompts() {
    let log = arena_log();
    let all = load(log.clone());
    let hard = load(filtered(&log, |r| score(r) >= 6));
    let lb = leaderboard::compute(
        all.bench(None).unwrap(),
        &opts(PromptSubset::hard_prompts()),
    )
    .unwrap();
    let reference =
        leaderboard::compute(hard.bench(None).unwrap(), &opts(PromptSubset::default())).unwrap();
    assert!(!lb.models.is_empty());
    assert_eq!(rows(&lb), rows(&reference));
    let full =
        leaderboard::compute(all.bench(None).unwrap(), &opts(PromptSubset::default())).unwrap();
    assert_ne!(rows(&lb), rows(&full), "the subset changes the numbers");

    let creative = PromptSubset {
        criterion: Some(arena_lens_core::criteria::Criterion::Creativity),
        ..PromptSubset::default()
    };
    let only = load(filtered(&log, |r| {
        r["category_tag"]["criteria_v0.1"]["creativity"].as_bool() == Some(true)
    }));
    assert_eq!(
        rows(&leaderboard::compute(all.bench(None).unwrap(), &opts(creative)).unwrap()),
        rows(
            &leaderboard::compute(only.bench(None).unwrap(), &opts(PromptSubset::default()))
                .unwrap()
        )
    );
}

#[test]
fn the_cli_flags_score_the_same_prompts() {
    let log = arena_log();
    let dir = tempdir("criteria-flags");
    let write = |name: &str, text: &str| {
        let p = dir.join(name).join(ARENA_DEMO_BENCH);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join(ARENA_DEMO_FILE), text).unwrap();
        dir.join(name).to_str().unwrap().to_string()
    };
    let full = write("full", &log);
    // Every 7th prompt id, as a file with a comment, a blank line and an id the data lacks.
    let ids: Vec<String> = log
        .lines()
        .step_by(7)
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["question_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let idset: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let list = dir.join("ids.txt");
    std::fs::write(
        &list,
        format!("# picked\n\n{}\nnot-an-id\n", ids.join("\n")),
    )
    .unwrap();
    let picked = write(
        "picked",
        &filtered(&log, |r| idset.contains(r["question_id"].as_str().unwrap())),
    );
    let models = |v: Value| v["models"].clone();
    let args = ["--rounds", "20", "--json"];
    let by_file = run_json(
        &[
            &["leaderboard", &full, "--prompts", list.to_str().unwrap()][..],
            &args,
        ]
        .concat(),
    );
    let reference = run_json(&[&["leaderboard", &picked][..], &args].concat());
    assert_eq!(models(by_file), models(reference));

    let hard = write("hard", &filtered(&log, |r| score(r) >= 6));
    assert_eq!(
        models(run_json(
            &[&["leaderboard", &full, "--min-criteria", "6"][..], &args].concat()
        )),
        models(run_json(&[&["leaderboard", &hard][..], &args].concat()))
    );
    assert_eq!(
        models(run_json(
            &[&["leaderboard", &full, "--hard-prompts"][..], &args].concat()
        )),
        models(run_json(&[&["leaderboard", &hard][..], &args].concat()))
    );

    // Out of range or unknown: a usage error naming the flag, not a leaderboard.
    let bad = cli()
        .args(["leaderboard", &full, "--min-criteria", "8"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let bad = cli()
        .args(["leaderboard", &full, "--criterion", "hardness"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("creativity"));
    // Data without tags says so.
    let demo = common::demo_dir("criteria-untagged");
    let out = cli()
        .args([
            "leaderboard",
            demo.to_str().unwrap(),
            "--judge",
            "judge-sage",
            "--min-criteria",
            "6",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no criteria tags"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn clusters_rank_groups_by_mean_quality() {
    let dir = tempdir("criteria-clusters");
    let p = dir.join(ARENA_DEMO_BENCH);
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join(ARENA_DEMO_FILE), arena_log()).unwrap();
    let v = run_json(&[
        "clusters",
        dir.to_str().unwrap(),
        "--label",
        "subcategory",
        "--json",
    ]);
    assert_eq!(v["criteria_tags"], true);
    let q = v["quality"].as_array().unwrap();
    let means: Vec<f64> = q.iter().map(|g| g["mean"].as_f64().unwrap()).collect();
    assert!(means.windows(2).all(|w| w[0] >= w[1]), "{means:?}");
    let order: Vec<&str> = q.iter().map(|g| g["group"].as_str().unwrap()).collect();
    // A group's first label: hard prompts first (all ≥ 6), creative writing last (planted lowest).
    assert_eq!(order.first(), Some(&"hard_prompt"));
    assert_eq!(order.last(), Some(&"creative_writing"));
    let ranks: Vec<u64> = q.iter().map(|g| g["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, (1..=q.len() as u64).collect::<Vec<_>>());
}

#[test]
fn a_search_scores_the_prompts_whose_text_matches() {
    let log = arena_log();
    let all = load(log.clone());
    let b = all.bench(None).unwrap();
    let s = PromptSubset {
        search: Some("PROVE".into()),
        ..PromptSubset::default()
    };
    let sel = s.select(b).unwrap();
    // The same prompts, found by reading the JSON: a user turn that contains "prove", any case.
    let expected: BTreeSet<String> = log
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| {
            r["conversation_a"].as_array().is_some_and(|m| {
                m.iter().any(|t| {
                    t["role"] == "user"
                        && t["content"]
                            .as_str()
                            .unwrap()
                            .to_lowercase()
                            .contains("prove")
                })
            })
        })
        .map(|r| r["question_id"].as_str().unwrap().to_string())
        .collect();
    let got: BTreeSet<String> = sel
        .prompts
        .iter()
        .map(|&i| b.prompts[i as usize].id.to_string())
        .collect();
    assert!(!got.is_empty());
    assert_eq!(got, expected);
}

/// Copies a folder, keeping in every `.jsonl` file only the lines `keep` accepts.
fn copy_filtered(from: &std::path::Path, to: &std::path::Path, keep: &dyn Fn(&Value) -> bool) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_filtered(&e.path(), &target, keep);
        } else if e.path().extension().is_some_and(|x| x == "jsonl") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            std::fs::write(&target, filtered(&text, keep)).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

#[test]
fn listed_prompts_on_judgment_data_equal_the_judgments_of_only_those_prompts() {
    let demo = common::demo_dir("criteria-judged");
    let questions = std::fs::read_to_string(
        demo.join(arena_lens_demo::DEMO_BENCH)
            .join("question.jsonl"),
    )
    .unwrap();
    let ids: Vec<String> = questions
        .lines()
        .step_by(5)
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["question_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let idset: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let dir = tempdir("criteria-judged-copy");
    let list = dir.join("ids.txt");
    std::fs::write(&list, ids.join("\n")).unwrap();
    let copy = dir.join("data");
    copy_filtered(&demo, &copy, &|r| {
        r["question_id"].as_str().is_none_or(|q| idset.contains(q))
    });
    for method in ["arena-lens", "show-result-v0.1"] {
        let args = [
            "--judge",
            "judge-sage",
            "--rounds",
            "40",
            "--method",
            method,
            "--json",
        ];
        let by_file = run_json(
            &[
                &[
                    "leaderboard",
                    demo.to_str().unwrap(),
                    "--prompts",
                    list.to_str().unwrap(),
                ][..],
                &args,
            ]
            .concat(),
        );
        let reference = run_json(&[&["leaderboard", copy.to_str().unwrap()][..], &args].concat());
        assert_eq!(by_file["models"], reference["models"], "{method}");
    }
}
