//! arena-rank's style control (`--method arena-rank --style-control`): the package's
//! `ContextualBradleyTerry` on LMArena's style features, checked against the package itself.
//!
//! Reference: `fixtures/arena_rank_style_20k.tsv`, written by `scripts/side-by-side-arena.sh`
//! (`scripts/side-by-side-arena.py --contextual`) with arena-rank 0.1.1: the demo log
//! `arena-lens demo --battles 20000` (default seed 2024, no conversations), its anonymous
//! battles, features as lmarena/arena-rank's `examples/example_utils.py` builds them,
//! `ContextualPairDataset.from_pandas` and `ContextualBradleyTerry` with their defaults, L-BFGS
//! then Newton on the package's own objective (|gradient|_inf 9e-18), sandwich 95% intervals.
//! Tolerances: ratings 1e-6 Elo (measured 2.3e-12), each bound 1% of the interval width
//! (measured 4.0e-10), coefficients 1e-9 (measured 2.7e-15).

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::method::Method;
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;
use arena_lens_demo::{write_arena_log, ArenaLogOptions, DEFAULT_SEED, LENGTH_WINNER};
use common::{cli, run_json, tempdir};

const TABLE: &str = include_str!("fixtures/arena_rank_style_20k.tsv");

fn demo_log(battles: u64) -> String {
    let mut buf = Vec::new();
    write_arena_log(
        &mut buf,
        &ArenaLogOptions {
            battles,
            seed: DEFAULT_SEED,
            conversations_every: 0,
        },
    )
    .unwrap();
    String::from_utf8(buf).unwrap()
}

fn style_board(text: String, style: StyleMode) -> leaderboard::Leaderboard {
    let ds = Dataset::load(vec![SourceFile {
        path: "arena/battles.jsonl".into(),
        text,
    }]);
    leaderboard::compute(
        ds.bench(None).unwrap(),
        &LeaderboardOptions {
            method: Method::ArenaRank,
            style,
            ..Default::default()
        },
    )
    .unwrap()
}

/// 1-based place of `model` by score.
fn place(lb: &leaderboard::Leaderboard, model: &str) -> usize {
    1 + lb
        .models
        .iter()
        .filter(|m| m.score > lb.models.iter().find(|x| x.model == model).unwrap().score)
        .count()
}

#[test]
fn style_control_matches_the_package_on_the_20k_demo_log() {
    let log = demo_log(20_000);
    let lb = style_board(log.clone(), StyleMode::Full);
    // The demo's planted length winner (voters like its 3.5× longer answers) falls once style is
    // controlled for: 13th → 28th here (the package's penalty, 1.0 on a mean loss, shrinks the
    // coefficients, so it falls less far than under the arena-lens fit).
    let plain = style_board(log, StyleMode::Off);
    let (before, after) = (place(&plain, LENGTH_WINNER), place(&lb, LENGTH_WINNER));
    assert!(after >= before + 10, "{before} → {after}");
    assert_eq!(lb.style_control, StyleMode::Full);
    let (mut ratings, mut coefs) = (0, 0);
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let num = |i: usize| f[i].parse::<f64>().unwrap();
        match f[0] {
            "coef" => {
                let got = lb.style_coefficients[f[1]];
                assert!((got - num(2)).abs() < 1e-9, "{}: {got} vs {}", f[1], num(2));
                coefs += 1;
            }
            "rating" => {
                let m = lb.models.iter().find(|m| m.model == f[1]).unwrap();
                let (rating, lower, upper) = (num(2), num(3), num(4));
                let width = upper - lower;
                assert!(
                    (m.score - rating).abs() < 1e-6,
                    "{}: {} vs {rating}",
                    f[1],
                    m.score
                );
                assert!(
                    (m.lower - lower).abs() < 0.01 * width,
                    "{}: {}",
                    f[1],
                    m.lower
                );
                assert!(
                    (m.upper - upper).abs() < 0.01 * width,
                    "{}: {}",
                    f[1],
                    m.upper
                );
                ratings += 1;
            }
            other => panic!("unknown table row {other}"),
        }
    }
    assert_eq!((ratings, coefs), (lb.models.len(), 4));
    assert_eq!(lb.models.len(), 200);
}

#[test]
fn battles_without_style_metadata_are_left_out_and_counted() {
    // Two battles with metadata and one without: style control rates on the two and reports one.
    let meta = |a: u32, b: u32| {
        format!(
            r#""conv_metadata":{{"sum_assistant_a_tokens":{a},"sum_assistant_b_tokens":{b},"header_count_a":{{"h1":0}},"header_count_b":{{"h1":1}},"list_count_a":{{"ordered":0}},"list_count_b":{{"ordered":0}},"bold_count_a":{{"**":0}},"bold_count_b":{{"**":0}}}}"#
        )
    };
    let text = [
        format!(r#"{{"question_id":"q1","model_a":"x","model_b":"y","winner":"model_a","anony":true,{}}}"#, meta(30, 10)),
        format!(r#"{{"question_id":"q2","model_a":"y","model_b":"x","winner":"model_a","anony":true,{}}}"#, meta(5, 20)),
        r#"{"question_id":"q3","model_a":"x","model_b":"y","winner":"tie","anony":true}"#.to_string(),
    ]
    .join("\n");
    let lb = style_board(text.clone(), StyleMode::Full);
    assert_eq!(lb.report.count(IssueKind::NoStyleFeatures), 1);
    assert_eq!(lb.models.iter().map(|m| m.battles).sum::<u64>(), 2 * 2);
    // Without style control every battle counts and nothing is reported.
    let plain = style_board(text, StyleMode::Off);
    assert_eq!(plain.report.count(IssueKind::NoStyleFeatures), 0);
    assert_eq!(plain.models.iter().map(|m| m.battles).sum::<u64>(), 2 * 3);
    assert!(plain.style_coefficients.is_empty());
}

#[test]
fn the_cli_runs_arena_rank_with_style_control_and_chatbot_arena_refuses_it() {
    let dir = tempdir("arena_rank_style");
    let log = dir.join("battles.jsonl");
    std::fs::write(&log, demo_log(3_000)).unwrap();
    let path = log.to_str().unwrap();
    let on = run_json(&[
        "leaderboard",
        path,
        "--json",
        "--method",
        "arena-rank",
        "--style-control",
    ]);
    assert_eq!(on["style_control"], "full");
    let coefs = on["style_coefficients"].as_object().unwrap();
    let mut names: Vec<&str> = coefs.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "bold_count",
            "header_count",
            "list_count",
            "sum_assistant_tokens"
        ]
    );
    assert!(on["method_line"]
        .as_str()
        .unwrap()
        .contains("contextual Bradley-Terry"));
    // Length only: one coefficient, and the ratings move with the feature set.
    let length = run_json(&[
        "leaderboard",
        path,
        "--json",
        "--method",
        "arena-rank",
        "--length-control",
    ]);
    assert_eq!(length["style_coefficients"].as_object().unwrap().len(), 1);
    assert_ne!(length["models"][0]["score"], on["models"][0]["score"]);
    let out = cli()
        .args(["leaderboard", path, "--json", "--style-control"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--method arena-rank"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
