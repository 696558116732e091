//! The MT-Bench-style demo (`arena-lens demo --mt-bench`) read by the core's MT-Bench readers and
//! scored by its `mt-bench` method and judge analyses: the folder reads whole, and the planted
//! effects (see `arena_lens_demo::generate_mt_bench`) are found in the computed numbers.
//!
//! Every bar below is set against the numbers the core computes for seed 2024 (printed in the
//! assertion messages), with a margin so a change of text or seed handling that keeps the
//! statistics does not trip it, while losing an effect does.

mod common;

use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::cluster::groups::Groups;
use arena_lens_core::cluster::perf::Perf;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::judges::consistency::position_consistency;
use arena_lens_core::leaderboard::{self, GroupBy, Leaderboard, LeaderboardOptions, ModelRow};
use arena_lens_core::method::Method;
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use arena_lens_demo::{
    generate_mt_bench, MATH_SPECIALIST, MT_ANCHOR, MT_DEMO_BENCH, TURN_TWO_DROP,
};
use common::{cli, run_json, tempdir};
use std::sync::OnceLock;

const SEED: u64 = 2024;

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        Dataset::load(
            generate_mt_bench(SEED)
                .into_iter()
                .map(|f| SourceFile {
                    path: f.path,
                    text: f.contents,
                })
                .collect(),
        )
    })
}

fn mt_bench(baseline: Option<&str>, group_by: Option<GroupBy>) -> Leaderboard {
    let opts = LeaderboardOptions {
        method: Method::MtBench,
        baseline: baseline.map(str::to_string),
        group_by,
        ..LeaderboardOptions::default()
    };
    leaderboard::compute(dataset().bench(None).unwrap(), &opts).unwrap()
}

fn row<'a>(rows: &'a [ModelRow], model: &str) -> &'a ModelRow {
    rows.iter()
        .find(|r| r.model == model)
        .unwrap_or_else(|| panic!("{model} not in {rows:?}"))
}

fn fig(r: &ModelRow, k: &str) -> f64 {
    *r.figures
        .get(k)
        .unwrap_or_else(|| panic!("no {k} in {:?}", r.figures))
}

/// 1-based place of `model` by score, best first.
fn place(rows: &[ModelRow], model: &str) -> usize {
    let mut scores: Vec<(f64, &str)> = rows.iter().map(|r| (r.score, r.model.as_str())).collect();
    scores.sort_by(|a, b| b.0.total_cmp(&a.0));
    1 + scores.iter().position(|s| s.1 == model).unwrap()
}

#[test]
fn the_folder_reads_whole_as_one_mt_bench_bench() {
    let ds = dataset();
    assert_eq!(
        ds.benches.keys().collect::<Vec<_>>(),
        [MT_DEMO_BENCH],
        "judge_prompts.jsonl joins the MT-Bench bench"
    );
    let b = ds.bench(None).unwrap();
    assert_eq!(Method::default_for(b), Method::MtBench);
    assert_eq!(b.prompts.len(), 80);
    assert!(b.prompts.iter().all(|p| p.later_turns.len() == 1));
    let mut cats = b.categories();
    cats.dedup();
    assert_eq!(
        cats,
        [
            "coding",
            "extraction",
            "humanities",
            "math",
            "reasoning",
            "roleplay",
            "stem",
            "writing"
        ]
    );
    assert_eq!(b.answers.len(), 7 * 80);
    assert!(b.answers.iter().all(|a| a.later_turns.len() == 1));
    assert_eq!(b.references.len(), 30, "math, reasoning and coding");
    assert_eq!(b.judge_prompts.len(), 8);
    // 21 pairs x 80 questions x 2 turns, and 7 models x 80 x 2 grades.
    assert_eq!(b.judgments.len(), 3360);
    assert_eq!(b.grades.len(), 1120);
    assert_eq!(b.judgments.iter().filter(|j| j.turn == 2).count(), 1680);
    // Nothing dropped but what the format documents: `error` games and `-1` grades.
    let counts = &b.report;
    assert_eq!(
        counts.issues.len(),
        counts.count(IssueKind::JudgeError),
        "{:?}",
        counts.issues
    );
}

/// Error games and `-1` grades, counted in the files themselves, are exactly what the readers
/// report; ties are common (about half the rows, as in FastChat's real file).
#[test]
fn errors_and_ties_are_there_and_reported() {
    let files = generate_mt_bench(SEED);
    let text = |suffix: &str| {
        &files
            .iter()
            .find(|f| f.path.ends_with(suffix))
            .unwrap()
            .contents
    };
    let error_games = text("gpt-4_pair.jsonl")
        .matches("_winner\":\"error\"")
        .count();
    let minus_one = text("gpt-4_single.jsonl").matches("\"score\":-1,").count();
    assert!((5..=40).contains(&error_games), "{error_games} error games");
    assert!((1..=20).contains(&minus_one), "{minus_one} -1 grades");
    let b = dataset().bench(None).unwrap();
    assert_eq!(
        b.report.count(IssueKind::JudgeError),
        error_games + minus_one
    );
    let lb = mt_bench(None, None);
    let rows: f64 = lb
        .models
        .iter()
        .map(|r| fig(r, "wins") + fig(r, "losses") + fig(r, "ties"))
        .sum();
    let ties: f64 = lb.models.iter().map(|r| fig(r, "ties")).sum();
    // Each row counts for both its models; measured 0.52.
    assert!(
        (0.3..0.7).contains(&(ties / rows)),
        "tie share {}",
        ties / rows
    );
    let dropped: f64 = lb.models.iter().map(|r| fig(r, "error_rows")).sum();
    assert!(dropped > 0.0 && dropped <= 2.0 * error_games as f64);
}

/// Planted: abacus-34b is strong on math and coding, weak on writing and roleplay. Measured (seed
/// 2024, adjusted win rate %): math 86.2 and coding 78.6, first on both; writing 21.2 and roleplay
/// 31.7, last on both; 55.5 overall (2nd).
#[test]
fn the_math_specialist_tops_math_and_coding_and_trails_on_writing() {
    let lb = mt_bench(None, Some(GroupBy::Category));
    let group = |name: &str| {
        &lb.groups
            .iter()
            .find(|g| g.group == name)
            .unwrap_or_else(|| panic!("no group {name}"))
            .models
    };
    for cat in ["math", "coding"] {
        assert_eq!(
            place(group(cat), MATH_SPECIALIST),
            1,
            "{cat}: {:?}",
            group(cat)
        );
    }
    for cat in ["writing", "roleplay"] {
        assert_eq!(
            place(group(cat), MATH_SPECIALIST),
            7,
            "{cat}: {:?}",
            group(cat)
        );
    }
    let math = row(group("math"), MATH_SPECIALIST).score;
    let writing = row(group("writing"), MATH_SPECIALIST).score;
    assert!(math - writing > 40.0, "math {math} vs writing {writing}");
    // Overall it is an ordinary upper-mid model: the effect is only visible per category.
    let overall = place(&lb.models, MATH_SPECIALIST);
    assert!((2..=4).contains(&overall), "overall place {overall}");
}

/// The clusters page's view of the same effect: grouped by category, each model's turn-1 win rate
/// against the anchor (every row's `model_1`, so the page's per-prompt baseline). Measured: the
/// specialist 95.0% on math (best) and 20.0% on writing (worst).
#[test]
fn the_clusters_view_by_category_shows_the_specialist() {
    let b = dataset().bench(None).unwrap();
    let groups = Groups::from_label(b, GroupBy::Category);
    let spec = BootstrapSpec::new(0, 42, 0.95, BootstrapUnit::Prompt).unwrap();
    let perf = Perf::compute(b, b.judges.get("gpt-4").unwrap(), None, &groups, spec);
    assert!(
        !perf.has_model(MT_ANCHOR),
        "the anchor is every row's baseline"
    );
    let rate = |g: &str, m: &str| perf.cell(g, m).unwrap().win_rate;
    let others = |g: &str| {
        perf.rows[perf.by_group[g]]
            .models
            .iter()
            .filter(|x| x.model != MATH_SPECIALIST)
            .map(|x| x.win_rate)
            .collect::<Vec<_>>()
    };
    let (math, writing) = (
        rate("math", MATH_SPECIALIST),
        rate("writing", MATH_SPECIALIST),
    );
    assert!(others("math").iter().all(|&r| r < math), "math {math}");
    assert!(
        others("writing").iter().all(|&r| r > writing),
        "writing {writing}"
    );
    assert!(math - writing > 50.0, "math {math} vs writing {writing}");
}

/// Planted: the judge leans to Assistant A. With every pair shown in both orders, quality cancels,
/// so the core's first-position preference measures the lean alone (0.5 = none). Measured 0.648,
/// with the two games naming different results in 51% of the rows.
#[test]
fn the_judge_favours_the_first_position() {
    let b = dataset().bench(None).unwrap();
    let c = position_consistency(b, &[]).unwrap();
    assert_eq!(c.len(), 1);
    let overall = &c[0].overall;
    let pref = overall.first_position_preference.unwrap();
    assert!(pref > 0.6, "first-position preference {pref}");
    let flips = overall.flip_rate.unwrap();
    assert!(flips > 0.35, "flip rate {flips}");
    for m in &c[0].per_model {
        let p = m.consistency.first_position_preference.unwrap();
        assert!(p > 0.55, "{}: {p}", m.model);
    }
}

/// Planted: drift-13b-v0.3 answers first turns well and second turns badly. Measured single-grade
/// means: 6.97 on turn 1, 3.94 on turn 2 (a drop of 3.0); no other model moves by more than 0.4.
#[test]
fn the_drift_model_drops_on_second_turns() {
    let lb = mt_bench(None, None);
    for r in &lb.models {
        let drop = fig(r, "single_turn_1") - fig(r, "single_turn_2");
        if r.model == TURN_TWO_DROP {
            assert!(drop > 2.0, "{}: drop {drop}", r.model);
            assert!(fig(r, "single_turn_1") > 6.5, "a good first turn");
        } else {
            assert!(drop.abs() < 0.75, "{}: drop {drop}", r.model);
        }
    }
}

/// Pairwise-baseline mode against the anchor: only its rows count, and it leaves the table.
#[test]
fn the_baseline_mode_scores_against_one_model() {
    let all = mt_bench(None, None);
    let base = mt_bench(Some(MT_ANCHOR), None);
    assert_eq!(base.baseline, MT_ANCHOR);
    assert_eq!(base.models.len(), 6);
    assert!(base.models.iter().all(|r| r.model != MT_ANCHOR));
    // 80 questions x 2 turns against the anchor, less the rows with an `error` game.
    for r in &base.models {
        let n = fig(r, "wins") + fig(r, "losses") + fig(r, "ties");
        assert!((150.0..=160.0).contains(&n), "{}: {n} rows", r.model);
    }
    assert_eq!(place(&base.models, "atlas-70b-instruct"), 1);
    assert_eq!(place(&all.models, "atlas-70b-instruct"), 1);
    assert_eq!(place(&base.models, "ember-7b-chat"), 6);
}

/// The CLI writes the folder and a manifest, reads it back to the numbers computed above, and
/// refuses the options that do not apply.
#[test]
fn the_cli_writes_the_folder_and_reads_it_back() {
    let dir = tempdir("mt-bench-demo");
    let out = cli()
        .args(["demo", "--mt-bench", "--out", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let listed: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 12);
    for f in generate_mt_bench(SEED) {
        assert!(listed.contains(&f.path.as_str()), "{} listed", f.path);
        assert_eq!(
            std::fs::read_to_string(dir.join(&f.path)).unwrap(),
            f.contents
        );
    }
    let json = run_json(&["leaderboard", dir.to_str().unwrap(), "--json"]);
    assert_eq!(json["method"], "mt-bench");
    assert_eq!(json["bench"], MT_DEMO_BENCH);
    let core = mt_bench(None, None);
    for r in &core.models {
        let m = json["models"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["model"] == r.model.as_str())
            .unwrap();
        // Same computation on the same bytes: equal to the last bit.
        assert_eq!(m["score"].as_f64().unwrap(), r.score, "{}", r.model);
    }
    let base = run_json(&[
        "leaderboard",
        dir.to_str().unwrap(),
        "--baseline",
        MT_ANCHOR,
        "--json",
    ]);
    assert_eq!(base["baseline"], MT_ANCHOR);
    assert_eq!(base["models"].as_array().unwrap().len(), 6);

    for bad in [
        vec!["demo", "--mt-bench"],
        vec!["demo", "--mt-bench", "--battles", "10"],
        vec!["demo", "--mt-bench", "--format", "v2", "--out", "x"],
    ] {
        let out = cli().args(&bad).output().unwrap();
        assert!(!out.status.success(), "{bad:?} should fail");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
