//! Property tests: the solver against a naive oracle, invariances, determinism and interval coverage.

// Index loops read more plainly than zipped iterators when several arrays share the index.
#![allow(clippy::needless_range_loop)]

use arena_lens_core::bt::{self, Comparisons, Estimate, Pair};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::source::SourceFile;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The naive oracle: Zermelo's fixed-point iteration (Hunter's MM), run long, in a plain loop.
fn mm_oracle(c: &Comparisons, anchor: usize) -> Vec<f64> {
    let mut p = vec![1.0; c.n];
    for _ in 0..20_000 {
        for i in 0..c.n {
            let (mut wins, mut denom) = (0.0, 0.0);
            for e in &c.pairs {
                let (me, other, w) = if e.i as usize == i {
                    (i, e.j as usize, e.wins_i)
                } else if e.j as usize == i {
                    (i, e.i as usize, e.wins_j)
                } else {
                    continue;
                };
                wins += w;
                denom += (e.wins_i + e.wins_j) / (p[me] + p[other]);
            }
            p[i] = wins / denom;
        }
    }
    p.iter().map(|x| (x / p[anchor]).ln()).collect()
}

fn graph() -> impl Strategy<Value = Comparisons> {
    (3usize..7, any::<u64>()).prop_map(|(n, seed)| {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut pairs = Vec::new();
        for i in 0..n as u32 {
            for j in (i + 1)..n as u32 {
                // A chain keeps the graph connected; other edges appear at random, so most graphs are
                // not stars. Both directions have wins, so every estimate is finite.
                if j == i + 1 || rng.random_bool(0.4) {
                    pairs.push(Pair {
                        i,
                        j,
                        wins_i: rng.random_range(1..20) as f64
                            + 0.5 * rng.random_range(0..3) as f64,
                        wins_j: rng.random_range(1..20) as f64,
                    });
                }
            }
        }
        Comparisons { n, pairs }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn newton_matches_the_mm_oracle(c in graph(), anchor in 0usize..3) {
        let fit = bt::fit(&c, anchor as u32, None);
        let oracle = mm_oracle(&c, anchor);
        for m in 0..c.n {
            prop_assert_eq!(fit.status[m], Estimate::Finite);
            // MM converges linearly; after 20k sweeps it is within 1e-6 on these small graphs.
            prop_assert!((fit.beta[m] - oracle[m]).abs() < 1e-6, "model {}: {} vs {}", m, fit.beta[m], oracle[m]);
        }
        // And no nearby point has a higher likelihood.
        let ll = bt::log_likelihood(&c, &fit.beta);
        for m in 0..c.n {
            if m == anchor { continue; }
            for d in [-1e-4, 1e-4] {
                let mut b = fit.beta.clone();
                b[m] += d;
                prop_assert!(bt::log_likelihood(&c, &b) <= ll + 1e-12);
            }
        }
    }
}

#[test]
fn models_without_wins_or_losses_are_bounds_not_nan() {
    let c = Comparisons {
        n: 4,
        pairs: vec![
            Pair {
                i: 0,
                j: 1,
                wins_i: 5.0,
                wins_j: 3.0,
            },
            Pair {
                i: 0,
                j: 2,
                wins_i: 0.0,
                wins_j: 4.0,
            }, // 2 never loses
            Pair {
                i: 0,
                j: 3,
                wins_i: 6.0,
                wins_j: 0.0,
            }, // 3 never wins
        ],
    };
    let fit = bt::fit(&c, 0, None);
    assert_eq!(
        fit.status,
        vec![
            Estimate::Finite,
            Estimate::Finite,
            Estimate::Above,
            Estimate::Below
        ]
    );
    assert_eq!(fit.beta[2], f64::INFINITY);
    assert_eq!(fit.beta[3], f64::NEG_INFINITY);
    assert!((fit.beta[1] - (3.0f64 / 5.0).ln()).abs() < 1e-12);
}

/// A small synthetic v0.1 bench: `k` models against a baseline, `p` prompts, true strengths given.
fn synthetic(k: usize, p: usize, strengths: &[f64], seed: u64, strong: bool) -> Vec<SourceFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut files = vec![SourceFile {
        path: "syn/question.jsonl".into(),
        text: (0..p).map(|q| format!("{{\"question_id\":\"q{q}\",\"category\":\"c{}\",\"cluster\":\"k{}\",\"turns\":[{{\"content\":\"prompt {q}\"}}]}}\n", q % 3, q % 5)).collect(),
    }];
    for m in 0..k {
        let mut text = String::new();
        for q in 0..p {
            let prob = 1.0 / (1.0 + (-strengths[m]).exp());
            let label = |rng: &mut ChaCha8Rng, model_is_b: bool| {
                let model_wins = rng.random_bool(prob);
                let big = strong && rng.random_bool(0.3);
                match (model_wins == model_is_b, big) {
                    (true, true) => "B>>A",
                    (true, false) => "B>A",
                    (false, true) => "A>>B",
                    (false, false) => "A>B",
                }
            };
            let g1 = label(&mut rng, true);
            let g2 = label(&mut rng, false);
            text += &format!("{{\"question_id\":\"q{q}\",\"model\":\"m{m}\",\"judge\":\"j\",\"games\":[{{\"score\":\"{g1}\"}},{{\"score\":\"{g2}\"}}]}}\n");
        }
        files.push(SourceFile {
            path: format!("syn/model_judgment/j/m{m}.jsonl"),
            text,
        });
    }
    files
}

fn opts(rounds: u32, seed: u64) -> LeaderboardOptions {
    LeaderboardOptions {
        baseline: Some("base".into()),
        battles: arena_lens_core::battle_set::BattleOptions {
            judged_baseline: Some("base".into()),
            ..Default::default()
        },
        rounds,
        seed,
        ..LeaderboardOptions::default()
    }
}

fn shuffled(files: &[SourceFile], seed: u64) -> Vec<SourceFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out: Vec<SourceFile> = files
        .iter()
        .map(|f| {
            let mut lines: Vec<&str> = f.text.lines().collect();
            for i in (1..lines.len()).rev() {
                lines.swap(i, rng.random_range(0..=i));
            }
            SourceFile {
                path: f.path.clone(),
                text: lines.join("\n") + "\n",
            }
        })
        .collect();
    out.reverse();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn shuffling_lines_and_files_changes_no_point_score(seed in any::<u64>()) {
        let files = synthetic(5, 40, &[-1.0, -0.3, 0.0, 0.4, 1.2], seed, true);
        let a = Dataset::load(files.clone());
        let b = Dataset::load(shuffled(&files, seed ^ 1));
        let la = leaderboard::compute(a.bench(None).unwrap(), &opts(0, 1)).unwrap();
        let lb = leaderboard::compute(b.bench(None).unwrap(), &opts(0, 1)).unwrap();
        for (x, y) in la.models.iter().zip(&lb.models) {
            prop_assert_eq!(&x.model, &y.model);
            prop_assert!((x.score - y.score).abs() < 1e-9);
        }
    }
}

#[test]
fn same_seed_same_output_and_different_seed_different_intervals() {
    let files = synthetic(6, 60, &[-1.0, -0.5, 0.0, 0.2, 0.6, 1.0], 9, true);
    let ds = Dataset::load(files);
    let bench = ds.bench(None).unwrap();
    for unit in [
        arena_lens_core::bootstrap::BootstrapUnit::Row,
        arena_lens_core::bootstrap::BootstrapUnit::Prompt,
    ] {
        let o = LeaderboardOptions {
            unit,
            ..opts(200, 11)
        };
        let a = serde_json::to_string(&leaderboard::compute(bench, &o).unwrap()).unwrap();
        let b = serde_json::to_string(&leaderboard::compute(bench, &o).unwrap()).unwrap();
        assert_eq!(a, b);
        let c = serde_json::to_string(
            &leaderboard::compute(bench, &LeaderboardOptions { seed: 12, ..o }).unwrap(),
        )
        .unwrap();
        assert_ne!(a, c);
    }
}

#[test]
fn intervals_cover_the_truth_about_95_percent_of_the_time() {
    // 200 simulated benchmarks, 8 models each, 150 prompts, two independent games per prompt and no
    // strong verdicts, so rows really are independent and the row bootstrap is valid.
    let truth = [-1.2, -0.7, -0.3, 0.0, 0.25, 0.5, 0.9, 1.4];
    let (mut covered, mut total) = (0, 0);
    for sim in 0..200u64 {
        let ds = Dataset::load(synthetic(8, 150, &truth, 1000 + sim, false));
        let lb = leaderboard::compute(ds.bench(None).unwrap(), &opts(200, sim)).unwrap();
        for r in lb.models.iter().filter(|r| r.model != "base") {
            let m: usize = r.model[1..].parse().unwrap();
            let true_wr = 100.0 / (1.0 + (-truth[m]).exp());
            total += 1;
            if r.lower <= true_wr && true_wr <= r.upper {
                covered += 1;
            }
        }
    }
    let rate = covered as f64 / total as f64;
    println!("95% interval coverage over 200 simulated benchmarks: {rate:.3} ({covered}/{total})");
    assert!((0.90..=0.99).contains(&rate), "coverage {rate}");
}
