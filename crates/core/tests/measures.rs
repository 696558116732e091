//! The Arena-Hard notebook's measures (separability, agreement with confidence, Brier score; see
//! `judges::separability` and `judges::paper_measures`) on hand-made cases worked out by hand, and
//! on the demo's judge-atlas vs judge-sage pair against a plain re-implementation written here: a
//! loop over all pairs, with its own normal CDF.

mod common;

use arena_lens_core::bt::Estimate;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::judges::agreement::{self, AgreementOptions, Scored};
use arena_lens_core::judges::separability;
use arena_lens_core::leaderboard::{self, Leaderboard, LeaderboardOptions, ModelRow};

fn row(model: &str, lower: f64, upper: f64) -> ModelRow {
    ModelRow {
        model: model.into(),
        score: (lower + upper) / 2.0,
        lower,
        upper,
        rank_ub: 1,
        battles: 1,
        avg_tokens: None,
        estimate: Estimate::Finite,
        elo: None,
        elo_lower: None,
        elo_upper: None,
        bootstrap_mean: None,
        bootstrap_var: None,
        figures: Default::default(),
    }
}

fn scored(model: &str, score: f64, bounds: Option<(f64, f64)>) -> Scored {
    Scored {
        model: model.into(),
        score,
        lower: bounds.map(|b| b.0),
        upper: bounds.map(|b| b.1),
        mean: None,
        var: None,
    }
}

fn with_moments(model: &str, mean: f64, var: f64) -> Scored {
    Scored {
        mean: Some(mean),
        var: Some(var),
        ..scored(model, mean, Some((mean - 1.0, mean + 1.0)))
    }
}

fn no_corr() -> AgreementOptions {
    AgreementOptions {
        rounds: 0,
        ..AgreementOptions::default()
    }
}

#[test]
fn separability_by_hand() {
    // Touching intervals are separated; the baseline at [50, 50] inside b's [42.8, 50.9] (the
    // notebook's claude-3-sonnet case) overlaps it; c is apart from both. Pairs: 3, overlapping 1
    // (baseline–b): 2 of 3 separated. The formula would separate all three.
    let rows = [
        row("a", 50.9, 60.0),
        row("b", 42.8, 50.9),
        row("base", 50.0, 50.0),
    ];
    let s = separability::of_rows(&rows, 0.95);
    assert_eq!((s.pairs, s.overlapping, s.separated), (3, 1, 2));
    assert_eq!(s.fraction, Some(2.0 / 3.0));
    assert_eq!(s.name, "separability");
    assert!(s.source.contains("cell 5"));

    // Identical intervals: x and y share [10, 20]; z = [15, 25] overlaps both. Model pairs that
    // overlap: x–y, x–z, y–z; the notebook keeps distinct value pairs, so x–z and y–z count once:
    // 2 overlapping of 3, 1 separated.
    let rows = [
        row("x", 10.0, 20.0),
        row("y", 10.0, 20.0),
        row("z", 15.0, 25.0),
    ];
    let s = separability::of_rows(&rows, 0.95);
    assert_eq!((s.overlapping, s.separated), (2, 1));
    // Two identical zero-width intervals are separated (50 < 50 is false).
    let s = separability::of_rows(&[row("p", 50.0, 50.0), row("q", 50.0, 50.0)], 0.95);
    assert_eq!(s.separated, 1);
    // Fewer than two models: no fraction.
    assert_eq!(separability::of_rows(&rows[..1], 0.95).fraction, None);
}

#[test]
fn agreement_with_confidence_by_hand() {
    // Reference intervals: A [80, 90], B [70, 80] (touching A: separated), C [60, 75] (overlaps B:
    // the pair B–C is skipped), D [10, 20].
    let theirs = [
        scored("A", 85.0, Some((80.0, 90.0))),
        scored("B", 75.0, Some((70.0, 80.0))),
        scored("C", 67.0, Some((60.0, 75.0))),
        scored("D", 15.0, Some((10.0, 20.0))),
    ];
    let ours = [
        scored("A", 60.0, Some((55.0, 65.0))),
        scored("B", 58.0, Some((50.0, 62.0))),
        scored("C", 40.0, Some((35.0, 45.0))),
        scored("D", 80.0, Some((75.0, 85.0))),
    ];
    // Per pair (B–C is not one): A–B our intervals overlap (0.5); A–C same order (1); A–D, B–D
    // and C–D: we put D on top, the reference at the bottom (0 each). 1.5 points over 5 pairs.
    let g = agreement::compare(&ours, &theirs, &no_corr()).unwrap();
    let c = &g.confidence;
    assert_eq!(
        (c.pairs, c.same_order, c.ours_overlap, c.reversed),
        (5, 1, 1, 3)
    );
    assert_eq!(g.agreement_with_confidence, Some(1.5 / 5.0));
    assert!(c.source.contains("cells 46-52"));

    // A point-score reference (no bounds): every pair it does not tie is separated; a tie is
    // separated too (zero-width intervals never overlap) and, ordered neither way, scores 0.
    let points = [
        scored("A", 1200.0, None),
        scored("B", 1100.0, None),
        scored("C", 1100.0, None),
    ];
    let ours = [
        scored("A", 70.0, Some((65.0, 75.0))),
        scored("B", 50.0, Some((45.0, 55.0))),
        scored("C", 40.0, Some((30.0, 44.0))),
    ];
    let g = agreement::compare(&ours, &points, &no_corr()).unwrap();
    let c = &g.confidence;
    assert_eq!(
        (c.pairs, c.same_order, c.ours_overlap, c.reversed),
        (3, 2, 0, 1)
    );
}

#[test]
fn brier_by_hand() {
    // Our moments: a mean 60 var 9, b mean 50 var 16 (sd of the difference 5), c mean 50 var 0.
    // Reference scores: a 3, b 1, c 1 (b and c tied). Pairs in name order:
    // a–b: label a < b = 0, p = Φ((50 − 60) / 5) = Φ(−2) = 0.022750; (0.022750)² = 0.000518.
    // a–c: label 0, p = Φ(−10 / 3) = 0.000429; square 1.8e-7.
    // b–c: label b < c = 0 (a tie is label 0, as int(rating_a < rating_b)), p = Φ(0 / 4) = 0.5;
    // square 0.25. Brier = (0.000518 + 0.0000002 + 0.25) / 3 = 0.083506 (tolerance 1e-5: the
    // table values above have 6 digits).
    let ours = [
        with_moments("a", 60.0, 9.0),
        with_moments("b", 50.0, 16.0),
        with_moments("c", 50.0, 0.0),
    ];
    let theirs = [
        scored("a", 3.0, None),
        scored("b", 1.0, None),
        scored("c", 1.0, None),
    ];
    let g = agreement::compare(&ours, &theirs, &no_corr()).unwrap();
    let b = &g.brier_score;
    assert_eq!((b.pairs, b.from_samples, b.from_bounds), (3, 3, 0));
    assert!((g.brier.unwrap() - 0.083_506).abs() < 1e-5, "{:?}", g.brier);
    assert!(b.source.contains("cells 63-70"));
    // The order of the input does not matter: pairs are taken in name order.
    let rev: Vec<Scored> = ours.iter().rev().cloned().collect();
    let g2 = agreement::compare(&rev, &theirs, &no_corr()).unwrap();
    assert_eq!(g.brier, g2.brier);
    // Both variances 0: p is the limit of Φ, 1 here (mean 40 < 50), label 0: square 1.
    let zero = [with_moments("x", 40.0, 0.0), with_moments("y", 50.0, 0.0)];
    let ref2 = [scored("x", 2.0, None), scored("y", 1.0, None)];
    let g = agreement::compare(&zero, &ref2, &no_corr()).unwrap();
    assert_eq!(g.brier, Some(1.0));
}

// ---- the demo's judge pair against a plain re-implementation ----

fn demo() -> Dataset {
    common::demo_dataset()
}

fn board(ds: &Dataset, judge: &str, rounds: u32) -> Leaderboard {
    let mut o = LeaderboardOptions {
        rounds,
        ..LeaderboardOptions::default()
    };
    o.battles.judged_baseline = Some(arena_lens_demo::DEMO_BASELINE.into());
    o.battles.judges = vec![judge.to_string()];
    leaderboard::compute(ds.bench(None).unwrap(), &o).unwrap()
}

/// Φ by Simpson's rule on the density (2,000 steps; error far below 1e-9 for |x| ≤ 8).
fn phi(x: f64) -> f64 {
    if x.abs() > 8.0 {
        return if x > 0.0 { 1.0 } else { 0.0 };
    }
    let n = 2000;
    let h = x / n as f64;
    let f = |t: f64| (-t * t / 2.0).exp();
    let mut s = f(0.0) + f(x);
    for k in 1..n {
        s += f(k as f64 * h) * if k % 2 == 1 { 4.0 } else { 2.0 };
    }
    0.5 + s * h / 3.0 / (2.0 * std::f64::consts::PI).sqrt()
}

#[test]
fn demo_judge_pair_equals_a_plain_loop() {
    let ds = demo();
    let (x, y) = (
        board(&ds, "judge-atlas", 100),
        board(&ds, "judge-sage", 100),
    );

    // Separability of each: every unordered pair, the one with the smaller lower bound (the
    // earlier in the rows on a tie) first; overlap when the second starts below the first's end;
    // distinct value pairs.
    for lb in [&x, &y] {
        let r = &lb.models;
        let mut seen: Vec<[f64; 4]> = Vec::new();
        for i in 0..r.len() {
            for j in (i + 1)..r.len() {
                let (p, q) = if r[j].lower < r[i].lower {
                    (&r[j], &r[i])
                } else {
                    (&r[i], &r[j])
                };
                if q.lower < p.upper {
                    let k = [p.lower, p.upper, q.lower, q.upper];
                    let k2 = [q.lower, q.upper, p.lower, p.upper];
                    if !seen.contains(&k) && !seen.contains(&k2) {
                        seen.push(k);
                    }
                }
            }
        }
        let n = r.len();
        let s = separability::of_leaderboard(lb);
        assert_eq!(s.pairs, n * (n - 1) / 2);
        assert_eq!(s.overlapping, seen.len(), "{}", lb.judges[0]);
        // The baseline is among the rows at [50, 50].
        let base = r.iter().find(|m| m.model == lb.baseline).unwrap();
        assert_eq!((base.lower, base.upper), (50.0, 50.0));
    }

    // Agreement with confidence and Brier, judge-sage as the reference.
    let g = agreement::compare_rows(&x.models, &y.models, &no_corr()).unwrap();
    let find = |lb: &Leaderboard, m: &str| lb.models.iter().find(|r| r.model == m).cloned();
    let mut names: Vec<String> = x
        .models
        .iter()
        .filter(|r| find(&y, &r.model).is_some())
        .map(|r| r.model.clone())
        .collect();
    names.sort();
    let gap = |a: (f64, f64), b: (f64, f64)| (a.1.min(b.1) - a.0.max(b.0)).max(0.0);
    let lt = |a: (f64, f64), b: (f64, f64)| a.0 < b.0 || (a.0 == b.0 && a.1 < b.1);
    let (mut total, mut count, mut sq, mut brier_pairs) = (0usize, 0.0, 0.0, 0usize);
    for i in 0..names.len() {
        for j in (i + 1)..names.len() {
            let (oa, ob) = (find(&x, &names[i]).unwrap(), find(&x, &names[j]).unwrap());
            let (ra, rb) = (find(&y, &names[i]).unwrap(), find(&y, &names[j]).unwrap());
            let (sa, sb) = ((oa.lower, oa.upper), (ob.lower, ob.upper));
            let (ea, eb) = ((ra.lower, ra.upper), (rb.lower, rb.upper));
            if gap(ea, eb) <= 0.0 {
                total += 1;
                if gap(sa, sb) > 0.0 {
                    count += 0.5;
                } else if (lt(sa, sb) && lt(ea, eb)) || (lt(sb, sa) && lt(eb, ea)) {
                    count += 1.0;
                }
            }
            let (ma, va) = (oa.bootstrap_mean.unwrap(), oa.bootstrap_var.unwrap());
            let (mb, vb) = (ob.bootstrap_mean.unwrap(), ob.bootstrap_var.unwrap());
            let p = if va + vb > 0.0 {
                phi((mb - ma) / (va + vb).sqrt())
            } else {
                f64::from(u8::from(ma < mb))
            };
            let label = f64::from(u8::from(ra.score < rb.score));
            sq += (label - p) * (label - p);
            brier_pairs += 1;
        }
    }
    println!(
        "demo judge-atlas vs judge-sage: agreement with confidence {} over {total} pairs, Brier {} over {brier_pairs} pairs",
        count / total as f64,
        sq / brier_pairs as f64
    );
    assert_eq!(g.confidence.pairs, total);
    assert!((g.agreement_with_confidence.unwrap() - count / total as f64).abs() < 1e-12);
    assert_eq!(g.brier_score.pairs, brier_pairs);
    assert_eq!(g.brier_score.from_samples, names.len());
    // The crate's Φ has relative error below 1.2e-7; Simpson's is exact to 1e-9: tolerance 1e-6.
    assert!(
        (g.brier.unwrap() - sq / brier_pairs as f64).abs() < 1e-6,
        "{:?} vs {}",
        g.brier,
        sq / brier_pairs as f64
    );
}

#[test]
fn bootstrap_moments_are_those_of_the_rounds() {
    let ds = demo();
    // One round: its win rate is both percentiles, so the mean is the bound and the variance 0.
    let one = board(&ds, "judge-sage", 1);
    for r in &one.models {
        let m = r.bootstrap_mean.unwrap();
        assert!(
            (m - r.lower).abs() < 1e-9 && (m - r.upper).abs() < 1e-9,
            "{}",
            r.model
        );
        assert_eq!(r.bootstrap_var, Some(0.0));
    }
    // Many rounds: the baseline is 50 with variance 0; every mean lies inside the range of the
    // rounds (a 95% interval is narrower than that range, so test against a loose 3σ band), and
    // without rounds there are no moments.
    let lb = board(&ds, "judge-sage", 100);
    for r in &lb.models {
        let (m, v) = (r.bootstrap_mean.unwrap(), r.bootstrap_var.unwrap());
        if r.model == lb.baseline {
            assert_eq!((m, v), (50.0, 0.0));
        } else {
            assert!(v > 0.0, "{}", r.model);
            let sd = v.sqrt();
            assert!(
                r.lower >= m - 3.0 * sd && r.upper <= m + 3.0 * sd,
                "{}",
                r.model
            );
        }
    }
    assert!(board(&ds, "judge-sage", 0)
        .models
        .iter()
        .all(|r| r.bootstrap_mean.is_none() && r.bootstrap_var.is_none()));
}
