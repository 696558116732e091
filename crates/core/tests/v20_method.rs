//! The `arena-hard-v2.0` method (`leaderboard::v20`) against rules worked out by hand from
//! lmarena/arena-hard-auto's v2.0 `show_result.py` (@ 196f6b8; docs/anchors.md section 2):
//! null-game rows dropped whole and reported, per-category baselines from `JUDGE_SETTINGS`,
//! per-model resampling with score = mean of bootstrap means and a 5% / 95% interval, names cut
//! to their last `/` segment. Hand-made rows; every expected value is derived in the comments.

use arena_lens_core::battle_set::BattleOptions;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::error::Error;
use arena_lens_core::leaderboard::{v20, GroupBoard, GroupBy, LeaderboardOptions};
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const HP: &str = "o3-mini-2025-01-31";
const CW: &str = "gemini-2.0-flash-001";

/// A v2.0 judgment line; `None` writes a null score.
fn jl(uid: &str, cat: &str, model: &str, g1: Option<&str>, g2: Option<&str>) -> String {
    let game = |g: Option<&str>| match g {
        Some(s) => format!("{{\"score\":\"{s}\",\"judgment\":{{\"answer\":\"x\"}}}}"),
        None => "{\"score\":null,\"judgment\":{\"answer\":\"x\"}}".to_string(),
    };
    let base = if cat == "creative_writing" { CW } else { HP };
    format!(
        "{{\"uid\":\"{uid}\",\"category\":\"{cat}\",\"judge\":\"j\",\"model\":\"{model}\",\"baseline\":\"{base}\",\"games\":[{},{}]}}\n",
        game(g1),
        game(g2)
    )
}

fn questions() -> String {
    [
        ("u1", "hard_prompt", "coding"),
        ("u2", "hard_prompt", "math"),
        ("u3", "hard_prompt", "coding"),
        ("c1", "creative_writing", "creative_writing"),
    ]
    .iter()
    .map(|(u, c, s)| {
        format!(
            "{{\"uid\":\"{u}\",\"category\":\"{c}\",\"subcategory\":\"{s}\",\"prompt\":\"p\"}}\n"
        )
    })
    .collect()
}

fn file(path: &str, text: String) -> SourceFile {
    SourceFile {
        path: path.into(),
        text,
    }
}

/// alpha (`org/alpha`) and beta on hard_prompt, alpha on creative_writing; one null game.
fn files() -> Vec<SourceFile> {
    let alpha = [
        // Game 1 has the model as B (score 1 − s), game 2 as A (score s):
        // A<B → 1, A>B → 1.                                  rows [1, 1]
        jl("u1", "hard_prompt", "org/alpha", Some("A<B"), Some("A>B")),
        // B>>A → 1 ×3, A=B → 0.5 (game 2 first).             rows [0.5, 1, 1, 1]
        jl("u2", "hard_prompt", "org/alpha", Some("B>>A"), Some("A=B")),
        // Game 2 null: the whole row goes, game 1's loss too.
        jl("u3", "hard_prompt", "org/alpha", Some("A>B"), None),
        // B>A → 1, A<B → 0.                                  rows [0, 1]
        jl(
            "c1",
            "creative_writing",
            "org/alpha",
            Some("B>A"),
            Some("A<B"),
        ),
    ]
    .concat();
    let beta = [
        // A>>B → 0 ×3, B>A → 0.                              rows [0, 0, 0, 0]
        jl("u1", "hard_prompt", "beta", Some("A>>B"), Some("B>A")),
        // A=B → 0.5, A>B → 1.                                rows [1, 0.5]
        jl("u2", "hard_prompt", "beta", Some("A=B"), Some("A>B")),
    ]
    .concat();
    vec![
        file("v2/question.jsonl", questions()),
        file("v2/model_judgment/j/alpha.jsonl", alpha),
        file("v2/model_judgment/j/beta.jsonl", beta),
    ]
}

fn opts(rounds: u32) -> LeaderboardOptions {
    LeaderboardOptions {
        rounds,
        seed: 7,
        ..Default::default()
    }
}

fn group<'a>(groups: &'a [GroupBoard], name: &str) -> &'a GroupBoard {
    groups.iter().find(|g| g.group == name).unwrap()
}

#[test]
fn plain_means_per_category_against_the_table_baselines() {
    let ds = Dataset::load(files());
    let lb = v20::compute(ds.bench(None).unwrap(), &opts(0)).unwrap();
    assert_eq!(lb.group_by, Some(GroupBy::Category));
    let hp = group(&lb.groups, "hard_prompt");
    let cw = group(&lb.groups, "creative_writing");
    // utils/judge_utils.py::JUDGE_SETTINGS: hard_prompt → o3-mini, creative_writing → gemini.
    assert_eq!(hp.baseline.as_deref(), Some(HP));
    assert_eq!(cw.baseline.as_deref(), Some(CW));
    // The default board is hard_prompt (`-c hard_prompt`).
    assert_eq!(lb.baseline, HP);
    assert_eq!(lb.models, hp.models);
    // Means by hand (comments in `files`), exact up to float rounding (1e-9).
    let names: Vec<&str> = hp.models.iter().map(|r| r.model.as_str()).collect();
    assert_eq!(names, ["alpha", HP, "beta"]);
    let alpha = &hp.models[0];
    assert!(
        (alpha.score - 100.0 * 5.5 / 6.0).abs() < 1e-9,
        "{}",
        alpha.score
    );
    assert_eq!(alpha.battles, 6, "the null row's other game must go too");
    assert_eq!((alpha.lower, alpha.upper), (alpha.score, alpha.score));
    assert_eq!(alpha.bootstrap_mean, None);
    assert!((hp.models[2].score - 25.0).abs() < 1e-9);
    assert_eq!(
        (hp.models[1].score, hp.models[1].lower, hp.models[1].upper),
        (50.0, 50.0, 50.0)
    );
    assert_eq!(hp.prompts, 2, "u3's only row was dropped");
    let cw_names: Vec<(&str, f64)> = cw
        .models
        .iter()
        .map(|r| (r.model.as_str(), r.score))
        .collect();
    // Ties sort by name.
    assert_eq!(cw_names, [("alpha", 50.0), (CW, 50.0)]);
    assert!(lb.models.iter().all(|r| r.elo.is_none()));
}

#[test]
fn a_null_game_drops_the_row_whole_and_is_reported_with_its_line() {
    let ds = Dataset::load(files());
    let lb = v20::compute(ds.bench(None).unwrap(), &opts(0)).unwrap();
    assert_eq!(lb.report.count(IssueKind::NullGameRow), 1);
    let issue = lb
        .report
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::NullGameRow)
        .unwrap();
    assert_eq!(issue.file, "v2/model_judgment/j/alpha.jsonl");
    assert_eq!(issue.line, 3);
    assert_eq!(issue.field, "games[1].score");
}

#[test]
fn unreadable_rows_and_self_rows_are_left_out_and_reported() {
    let mut f = files();
    f.push(file(
        "v2/model_judgment/j/gamma.jsonl",
        // A one-game row (upstream: IndexError), an unknown label (KeyError), one good row:
        // A>B → 0, B>A → 0: rows [0, 0].
        "{\"uid\":\"u1\",\"category\":\"hard_prompt\",\"model\":\"gamma\",\"games\":[{\"score\":\"A>B\"}]}\n".to_string()
            + &jl("u2", "hard_prompt", "gamma", Some("A>>A"), Some("A>B"))
            + &jl("u3", "hard_prompt", "gamma", Some("A>B"), Some("B>A")),
    ));
    f.push(file(
        "v2/model_judgment/j/o3-mini.jsonl",
        jl("u1", "hard_prompt", HP, Some("A=B"), Some("A=B")),
    ));
    let ds = Dataset::load(f);
    let lb = v20::compute(ds.bench(None).unwrap(), &opts(0)).unwrap();
    assert_eq!(lb.report.count(IssueKind::UnreadableRow), 2);
    assert_eq!(lb.report.count(IssueKind::SelfBattle), 1);
    let gamma = lb.models.iter().find(|r| r.model == "gamma").unwrap();
    assert_eq!((gamma.battles, gamma.score), (2, 0.0));
    assert_eq!(lb.models.iter().filter(|r| r.model == HP).count(), 1);
}

#[test]
fn names_are_cut_at_the_last_slash_and_collisions_merge() {
    let mut f = files();
    // `lab/beta` prints as `beta` upstream and joins beta's rows: A>B → 0, A>B → 1: [1, 0].
    f.push(file(
        "v2/model_judgment/j/lab-beta.jsonl",
        jl("u3", "hard_prompt", "lab/beta", Some("A>B"), Some("A>B")),
    ));
    let ds = Dataset::load(f);
    let lb = v20::compute(ds.bench(None).unwrap(), &opts(0)).unwrap();
    let beta = lb.models.iter().find(|r| r.model == "beta").unwrap();
    // beta's 6 rows (1.5) plus [1, 0]: 2.5 of 8.
    assert_eq!(beta.battles, 8);
    assert!((beta.score - 100.0 * 2.5 / 8.0).abs() < 1e-9);
    assert!(lb.models.iter().all(|r| !r.model.contains('/')));
    assert_eq!(lb.report.count(IssueKind::MergedModelNames), 1);
}

/// Naive oracle: for each round, each model in name order draws `n` of its `n` rows with
/// `random_range(0..n)` from one ChaCha8 stream seeded with the seed; score = mean of the round
/// means, bounds = linear 5% / 95% quantiles (position q·(R−1) in the sorted means).
fn oracle(models: &[Vec<f64>], rounds: usize, seed: u64) -> Vec<(f64, f64, f64)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut means = vec![Vec::new(); models.len()];
    for _ in 0..rounds {
        for (m, rows) in models.iter().enumerate() {
            let n = rows.len() as u32;
            let mut sum = 0.0;
            for _ in 0..n {
                sum += rows[rng.random_range(0..n) as usize];
            }
            means[m].push(100.0 * sum / n as f64);
        }
    }
    let q = |s: &[f64], p: f64| {
        let pos = p * (s.len() - 1) as f64;
        let lo = pos.floor() as usize;
        let hi = (lo + 1).min(s.len() - 1);
        s[lo] + (pos - lo as f64) * (s[hi] - s[lo])
    };
    means
        .into_iter()
        .map(|mut s| {
            let mean = s.iter().sum::<f64>() / s.len() as f64;
            s.sort_by(|a, b| a.partial_cmp(b).unwrap());
            (mean, q(&s, 0.05), q(&s, 0.95))
        })
        .collect()
}

#[test]
fn bootstrap_is_per_model_mean_of_means_with_5_95_quantiles() {
    let ds = Dataset::load(files());
    let lb = v20::compute(ds.bench(None).unwrap(), &opts(37)).unwrap();
    // hard_prompt rows by hand (see `files`), models in name order: alpha, beta.
    let rows = vec![
        vec![1.0, 1.0, 0.5, 1.0, 1.0, 1.0],
        vec![0.0, 0.0, 0.0, 0.0, 1.0, 0.5],
    ];
    let want = oracle(&rows, 37, 7);
    let hp = group(&lb.groups, "hard_prompt");
    for (name, (score, lo, hi)) in ["alpha", "beta"].iter().zip(want) {
        let r = hp.models.iter().find(|r| r.model == *name).unwrap();
        assert!(
            (r.score - score).abs() < 1e-9,
            "{name} {} vs {score}",
            r.score
        );
        assert!((r.lower - lo).abs() < 1e-9, "{name} {} vs {lo}", r.lower);
        assert!((r.upper - hi).abs() < 1e-9, "{name} {} vs {hi}", r.upper);
        assert_eq!(r.bootstrap_mean, Some(r.score));
        assert!(
            r.lower < r.upper,
            "{name}: 37 rounds of a mixed sample vary"
        );
    }
    // Each category starts its own stream: creative_writing's alpha is the oracle on its own rows.
    let cw = group(&lb.groups, "creative_writing");
    let (score, lo, hi) = oracle(&[vec![0.0, 1.0]], 37, 7)[0];
    let a = cw.models.iter().find(|r| r.model == "alpha").unwrap();
    assert!(
        (a.score - score).abs() < 1e-9
            && (a.lower - lo).abs() < 1e-9
            && (a.upper - hi).abs() < 1e-9
    );
    // The baseline row is 50 / 50 / 50 with zero spread.
    let b = hp.models.iter().find(|r| r.model == HP).unwrap();
    assert_eq!(
        (b.score, b.lower, b.upper, b.bootstrap_var),
        (50.0, 50.0, 50.0, Some(0.0))
    );
}

#[test]
fn score_is_not_the_sample_mean_and_rounds_are_not_pooled() {
    // With few rounds the mean of bootstrap means differs from the plain mean (Monte-Carlo noise),
    // which tells the two rules apart; a joint resample of all rows (v0.1's) would not match the
    // per-model oracle above either, since it moves rows between models' counts.
    let ds = Dataset::load(files());
    let bench = ds.bench(None).unwrap();
    let rows = [
        vec![1.0, 1.0, 0.5, 1.0, 1.0, 1.0],
        vec![0.0, 0.0, 0.0, 0.0, 1.0, 0.5],
    ];
    let mut differs = false;
    for rounds in [3u32, 5, 7] {
        let lb = v20::compute(bench, &opts(rounds)).unwrap();
        let want = oracle(&rows, rounds as usize, 7);
        for ((name, plain), w) in [("alpha", 100.0 * 5.5 / 6.0), ("beta", 25.0)]
            .iter()
            .zip(&want)
        {
            let r = lb.models.iter().find(|r| r.model == *name).unwrap();
            assert!((r.score - w.0).abs() < 1e-9, "{name} at {rounds} rounds");
            differs |= (r.score - plain).abs() > 1e-6;
        }
    }
    assert!(
        differs,
        "the mean of a few bootstrap means is not the sample mean"
    );
}

#[test]
fn judges_pool_as_rows_and_can_be_chosen() {
    let mut f = files();
    // A second judge on beta: B>A → 1, B>A → 0: rows [0, 1].
    f.push(file(
        "v2/model_judgment/k/beta.jsonl",
        jl("u3", "hard_prompt", "beta", Some("B>A"), Some("B>A")),
    ));
    let ds = Dataset::load(f);
    let bench = ds.bench(None).unwrap();
    let all = v20::compute(bench, &opts(0)).unwrap();
    let beta = all.models.iter().find(|r| r.model == "beta").unwrap();
    assert_eq!((beta.battles, beta.score), (8, 100.0 * 2.5 / 8.0));
    assert_eq!(all.judges, ["j", "k"]);
    let only_k = LeaderboardOptions {
        battles: BattleOptions {
            judges: vec!["k".into()],
            ..Default::default()
        },
        ..opts(0)
    };
    let k = v20::compute(bench, &only_k).unwrap();
    let names: Vec<&str> = k.models.iter().map(|r| r.model.as_str()).collect();
    assert_eq!(names, ["beta", HP]);
    let unknown = LeaderboardOptions {
        battles: BattleOptions {
            judges: vec!["nobody".into()],
            ..Default::default()
        },
        ..opts(0)
    };
    assert!(matches!(
        v20::compute(bench, &unknown),
        Err(Error::UnknownJudge { .. })
    ));
}

/// Answer files for every model with the same style metadata on every prompt.
fn same_style_answers() -> Vec<SourceFile> {
    let meta = "{\"token_len\":100,\"header_count\":{\"h1\":1},\"list_count\":{\"ordered\":2},\"bold_count\":{\"**\":3}}";
    ["org/alpha", "beta", HP, CW]
        .iter()
        .map(|m| {
            let text = ["u1", "u2", "u3", "c1"]
                .iter()
                .map(|u| format!("{{\"uid\":\"{u}\",\"model\":\"{m}\",\"messages\":[{{\"role\":\"user\",\"content\":\"q\"}},{{\"role\":\"assistant\",\"content\":{{\"answer\":\"a\"}}}}],\"metadata\":{meta}}}\n"))
                .collect();
            file(&format!("v2/model_answer/{}.jsonl", m.replace('/', "_")), text)
        })
        .collect()
}

#[test]
fn style_path_with_constant_features_is_the_plain_mean() {
    // Identical metadata everywhere makes every feature column constant: upstream's z-score would
    // be NaN (its assertion stops it); ours sets the column to 0. Without features the soft-target
    // Bradley-Terry optimum has σ(c_m − c_b) = the model's mean score exactly, so the converged
    // style fit must give the plain means of `plain_means_per_category_…` (1e-6: Newton's stop).
    let mut f = files();
    f.extend(same_style_answers());
    let ds = Dataset::load(f);
    let o = LeaderboardOptions {
        style: StyleMode::Full,
        ..opts(0)
    };
    let lb = v20::compute(ds.bench(None).unwrap(), &o).unwrap();
    let score = |n: &str| lb.models.iter().find(|r| r.model == n).unwrap().score;
    assert!(
        (score("alpha") - 100.0 * 5.5 / 6.0).abs() < 1e-6,
        "{}",
        score("alpha")
    );
    assert!((score("beta") - 25.0).abs() < 1e-6, "{}", score("beta"));
    assert_eq!(score(HP), 50.0);
    assert_eq!(lb.style_coefficients.len(), 4);
    assert!(lb.style_coefficients.values().all(|c| c.abs() < 1e-9));
}

#[test]
fn style_path_without_metadata_and_single_feature_modes_are_refused() {
    let ds = Dataset::load(files());
    let bench = ds.bench(None).unwrap();
    let full = LeaderboardOptions {
        style: StyleMode::Full,
        ..opts(0)
    };
    assert_eq!(v20::compute(bench, &full).unwrap_err(), Error::NoStyleData);
    for mode in [StyleMode::Length, StyleMode::Markdown] {
        let o = LeaderboardOptions {
            style: mode,
            ..opts(0)
        };
        let e = v20::compute(bench, &o).unwrap_err();
        assert!(
            matches!(e, Error::InvalidOption(ref s) if s.contains("together")),
            "{e}"
        );
    }
}

/// The v2.0-layout demo end to end: two categories against the table's baselines, the planted
/// null games dropped as whole rows and counted, lab prefixes stripped from the names.
#[test]
fn demo_v2_reads_as_two_categories_with_their_baselines() {
    let files: Vec<SourceFile> = arena_lens_demo::generate_v2(2024, None)
        .into_iter()
        .map(|f| SourceFile {
            path: f.path,
            text: f.contents,
        })
        .collect();
    let ds = Dataset::load(files);
    let bench = ds.bench(None).unwrap();
    let only_sage = LeaderboardOptions {
        battles: BattleOptions {
            judges: vec!["judge-sage".into()],
            ..Default::default()
        },
        ..opts(0)
    };
    let lb = v20::compute(bench, &only_sage).unwrap();
    let boards: Vec<(&str, Option<&str>)> = lb
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.baseline.as_deref()))
        .collect();
    assert_eq!(
        boards,
        [("creative_writing", Some(CW)), ("hard_prompt", Some(HP))]
    );
    // Null games are planted in judge-sage's rows only; each drops its row, and the parser's
    // per-game count (NullLabel) equals the dropped rows, since no row has two null games.
    let dropped = lb.report.count(IssueKind::NullGameRow);
    assert!(dropped > 0);
    assert_eq!(dropped, bench.report.count(IssueKind::NullLabel));
    assert!(lb.models.iter().any(|r| r.model == "nimbus-large"));
    assert!(lb.models.iter().all(|r| !r.model.contains('/')));
    // Each board shows its baseline once, at 50, and the other category's baseline as a model.
    for g in &lb.groups {
        let b = g.baseline.as_deref().unwrap();
        assert_eq!(g.models.iter().filter(|r| r.model == b).count(), 1);
        let other = if b == HP { CW } else { HP };
        assert!(g.models.iter().any(|r| r.model == other && r.battles > 0));
    }
}
