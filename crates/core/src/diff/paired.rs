//! The paired interval on Δ = score₂ − score₁: a prompt bootstrap that resamples both runs with one
//! draw, so a prompt drawn twice counts twice in both runs and the prompts' own difficulty cancels
//! out of the difference.
//!
//! The draw is over the union of the two runs' prompts, keyed by (bench, prompt id) only: a prompt
//! both runs judged moves in both together (the pairing), a prompt only one run has moves that run
//! alone. With identical prompt sets this is the textbook paired bootstrap; with disjoint ones it is
//! two independent prompt bootstraps. Each round refits both runs' Bradley-Terry strengths on the
//! resampled battle counts (anchored at each run's display baseline, warm-started at the point fit,
//! as `leaderboard::fits::rate_plain` does) and takes the difference of the win rates. The interval
//! is the percentile interval of those differences (numpy's linear rule, `quantile::interval`).
//!
//! Each round scores each run by its own method where a prompt resample can redo it
//! ([`RoundScore`], named per run in the diff's JSON and method line):
//! - arena-lens and show-result-v0.1 (style control off): their point score is this Bradley-Terry
//!   fit (v0.1's quirks live in its own bootstrap's frames, not in its point fit), so each round
//!   refits it;
//! - arena-hard-v2.0 (style control off): its score is the mean of per-model bootstrap means of the
//!   model's row scores against the category's baseline (`leaderboard::v20`); on a prompt resample
//!   the point score of that method is the plain per-model mean of the drawn prompts' row scores
//!   (win 1, tie 0.5, loss 0, strong verdicts repeated), so each round takes that mean on the main
//!   board's category, the baseline at 50 as v2.0 appends it;
//! - with style control on, the style-adjusted fit is not redone per round: the plain fit stands
//!   in, and the diff says so.

use super::run::VerdictRun;
use crate::battle_set;
use crate::bootstrap::BootstrapSpec;
use crate::bt;
use crate::error::Error;
use crate::leaderboard::v20::{baselines, rows as v20_rows};
use crate::method::Method;
use crate::style::StyleMode;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How each paired round scores one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundScore {
    /// The run's own Bradley-Terry fit, refitted on the drawn prompts (arena-lens, v0.1).
    BradleyTerryFit,
    /// arena-hard-v2.0's score on the drawn prompts: each model's mean row score on the main
    /// category against its baseline.
    MeanRowScore,
    /// Not the run's method: its style-controlled fit, or a format's own method (chatbot-arena,
    /// mt-bench, ...), is not redone per round; the plain Bradley-Terry fit stands in.
    PlainFitFallback,
}

impl RoundScore {
    /// Which computation a run's rounds use, from the options it was scored with.
    pub fn of(run: &VerdictRun) -> RoundScore {
        RoundScore::for_options(&run.options)
    }

    /// As [`RoundScore::of`], from the options alone.
    pub fn for_options(options: &crate::leaderboard::LeaderboardOptions) -> RoundScore {
        let o = options.effective();
        match (o.method, o.style) {
            (_, s) if s != StyleMode::Off => RoundScore::PlainFitFallback,
            (Method::ArenaHardV20, _) => RoundScore::MeanRowScore,
            (Method::ArenaLens | Method::ShowResultV01, _) => RoundScore::BradleyTerryFit,
            (
                Method::ChatbotArena
                | Method::ArenaRank
                | Method::MtBench
                | Method::AlpacaEval
                | Method::WildBench,
                _,
            ) => RoundScore::PlainFitFallback,
        }
    }

    /// The words the method line uses for it.
    pub fn describe(self) -> &'static str {
        match self {
            RoundScore::BradleyTerryFit => "its own Bradley-Terry fit, refitted each round",
            RoundScore::MeanRowScore => {
                "arena-hard-v2.0's score on the drawn prompts (each model's mean row score against the category's baseline)"
            }
            RoundScore::PlainFitFallback => {
                "the plain Bradley-Terry fit standing in for its method's computation (not its method)"
            }
        }
    }
}

/// How a run scores one round.
#[derive(Clone, Debug)]
enum Scorer {
    /// Bradley-Terry: cell keys (a, b, outcome index), per prompt its (cell, copies) pairs, the
    /// anchor and the point fit (the warm start).
    Fit {
        anchor: u32,
        keys: Vec<(u32, u32, usize)>,
        cells: Vec<Vec<(u32, u64)>>,
        point: Vec<f64>,
    },
    /// Mean row score: per prompt, (model index, sum of scores, number of scores); the baseline's
    /// index (always 50).
    Means {
        baseline: usize,
        sums: Vec<Vec<(usize, f64, f64)>>,
    },
}

/// A run's battles grouped by prompt, ready to be resampled.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub bench: String,
    /// Model names as the run's leaderboard names them.
    pub names: Vec<String>,
    pub round_score: RoundScore,
    /// The prompt ids with battles (or rows), in the order of the scorer's per-prompt data.
    prompts: Vec<String>,
    scorer: Scorer,
}

impl Prepared {
    /// Builds the run's battles as its leaderboard did and groups them by prompt.
    pub fn new(run: &VerdictRun) -> Result<Prepared, Error> {
        match RoundScore::of(run) {
            RoundScore::MeanRowScore => Prepared::means(run),
            r => Prepared::fit_of(run, r),
        }
    }

    fn fit_of(run: &VerdictRun, round_score: RoundScore) -> Result<Prepared, Error> {
        let opts = run.options.effective();
        // v2.0's options carry no display baseline; its fallback fit is anchored at its board's.
        let baseline = opts.baseline.clone().or_else(|| {
            (opts.method == Method::ArenaHardV20).then(|| run.leaderboard.baseline.clone())
        });
        let set = battle_set::build(run.bench, &opts.battles, baseline.as_deref())?;
        let anchor = set.id(&run.leaderboard.baseline).ok_or(Error::NoBattles)?;
        let mut cell_of: BTreeMap<(u32, u32, usize), u32> = BTreeMap::new();
        let mut by_prompt: BTreeMap<u32, BTreeMap<u32, u64>> = BTreeMap::new();
        for r in &set.rows {
            let len = cell_of.len() as u32;
            let c = *cell_of.entry((r.a, r.b, r.outcome.index())).or_insert(len);
            *by_prompt.entry(r.prompt).or_default().entry(c).or_insert(0) += r.copies as u64;
        }
        let mut keys = vec![(0, 0, 0); cell_of.len()];
        for (k, &c) in &cell_of {
            keys[c as usize] = *k;
        }
        let (prompts, cells): (Vec<String>, Vec<Vec<(u32, u64)>>) = by_prompt
            .into_iter()
            .map(|(p, cells)| {
                (
                    run.bench.prompts[p as usize].id.to_string(),
                    cells.into_iter().collect(),
                )
            })
            .unzip();
        let mut prepared = Prepared {
            bench: run.bench.name.clone(),
            names: set.names.clone(),
            round_score,
            prompts,
            scorer: Scorer::Fit {
                anchor,
                keys,
                cells,
                point: Vec::new(),
            },
        };
        let all = vec![1u64; prepared.prompts.len()];
        let fitted = prepared.fit(&all, None);
        if let Scorer::Fit { point, .. } = &mut prepared.scorer {
            *point = fitted;
        }
        Ok(prepared)
    }

    /// arena-hard-v2.0: the main board's category rows, summed per prompt and model.
    fn means(run: &VerdictRun) -> Result<Prepared, Error> {
        let lb = &run.leaderboard;
        let bench = run.bench;
        let main = lb
            .groups
            .iter()
            .find(|g| g.group == baselines::DEFAULT_CATEGORY)
            .or(lb.groups.first())
            .ok_or(Error::NoBattles)?;
        let judges: BTreeSet<u32> = lb
            .judges
            .iter()
            .filter_map(|j| bench.judges.get(j))
            .collect();
        let mut report = bench.report.clone();
        let by_category = v20_rows::collect(
            bench,
            &judges,
            run.options.battles.weight,
            baselines::of,
            &mut report,
        );
        let rows = by_category.get(&main.group).ok_or(Error::NoBattles)?;
        let mut names: Vec<String> = rows.models.keys().cloned().collect();
        if !names.contains(&lb.baseline) {
            names.push(lb.baseline.clone());
        }
        let baseline = names
            .iter()
            .position(|n| *n == lb.baseline)
            .expect("pushed");
        let mut per: BTreeMap<u32, BTreeMap<usize, (f64, f64)>> = BTreeMap::new();
        for (mi, (name, ms)) in rows.models.iter().enumerate() {
            // The baseline is shown at 50, whatever its rows against itself say.
            if *name == lb.baseline {
                continue;
            }
            for (s, &(_, p)) in ms.scores.iter().zip(&ms.origins) {
                let e = per.entry(p).or_default().entry(mi).or_insert((0.0, 0.0));
                e.0 += s;
                e.1 += 1.0;
            }
        }
        let (prompts, sums) = per
            .into_iter()
            .map(|(p, m)| {
                (
                    bench.prompts[p as usize].id.to_string(),
                    m.into_iter().map(|(i, (s, n))| (i, s, n)).collect(),
                )
            })
            .unzip();
        Ok(Prepared {
            bench: bench.name.clone(),
            names,
            round_score: RoundScore::MeanRowScore,
            prompts,
            scorer: Scorer::Means { baseline, sums },
        })
    }

    /// The prompt ids with battles.
    pub fn prompt_ids(&self) -> impl Iterator<Item = &str> {
        self.prompts.iter().map(String::as_str)
    }

    /// Bradley-Terry strengths with each prompt counted `mult[i]` times (a `Fit` scorer only).
    fn fit(&self, mult: &[u64], warm: Option<&[f64]>) -> Vec<f64> {
        let Scorer::Fit {
            anchor,
            keys,
            cells,
            ..
        } = &self.scorer
        else {
            return Vec::new();
        };
        let mut counts = vec![0u64; keys.len()];
        for (cells, &m) in cells.iter().zip(mult) {
            if m == 0 {
                continue;
            }
            for &(c, n) in cells {
                counts[c as usize] += m * n;
            }
        }
        let comps = bt::comparisons_from_counts(
            self.names.len(),
            keys.iter().zip(&counts).map(|(&(a, b, o), &c)| {
                let mut v = [0.0; 3];
                v[o] = c as f64;
                (a, b, v)
            }),
        );
        bt::fit(&comps, *anchor, warm).beta
    }

    /// Each model's score (%) with each prompt counted `mult[i]` times, by the run's round score;
    /// NaN for a model without battles in the draw.
    pub fn scores(&self, mult: &[u64]) -> Vec<f64> {
        match &self.scorer {
            Scorer::Fit { point, .. } => {
                let warm = (!point.is_empty()).then_some(point.as_slice());
                self.fit(mult, warm).into_iter().map(win).collect()
            }
            Scorer::Means { baseline, sums } => {
                let mut acc = vec![(0.0, 0.0); self.names.len()];
                for (cells, &m) in sums.iter().zip(mult) {
                    for &(i, s, n) in cells {
                        acc[i].0 += m as f64 * s;
                        acc[i].1 += m as f64 * n;
                    }
                }
                acc.iter()
                    .enumerate()
                    .map(|(i, &(s, n))| {
                        if i == *baseline {
                            50.0
                        } else if n > 0.0 {
                            100.0 * s / n
                        } else {
                            f64::NAN
                        }
                    })
                    .collect()
            }
        }
    }

    /// The largest gap (points) between the run's reported scores and this scorer on every prompt
    /// once: 0 up to rounding for a fit, the bootstrap's own noise for arena-hard-v2.0 (a mean of
    /// bootstrap means against the plain mean), the style adjustment for a fallback.
    pub fn point_gap(&self, run: &VerdictRun) -> f64 {
        let all = self.scores(&vec![1; self.prompts.len()]);
        run.leaderboard
            .models
            .iter()
            .filter_map(|r| Some((r.score - all[self.id(&r.model)?]).abs()))
            .filter(|d| d.is_finite())
            .fold(0.0, f64::max)
    }

    fn id(&self, model: &str) -> Option<usize> {
        self.names.iter().position(|n| n == model)
    }
}

/// Win rate (%) against the anchor of a strength; NaN for an unrated model.
fn win(beta: f64) -> f64 {
    100.0 * bt::sigmoid(beta)
}

/// A union prompt's index in run 1 and in run 2.
type Both = (Option<usize>, Option<usize>);

/// The prompts of the union: for each, its index in run 1 and in run 2.
pub(crate) fn union(p1: &Prepared, p2: &Prepared) -> Vec<Both> {
    let mut u: BTreeMap<(&str, &str), Both> = BTreeMap::new();
    for (i, id) in p1.prompts.iter().enumerate() {
        u.entry((&p1.bench, id)).or_default().0 = Some(i);
    }
    for (i, id) in p2.prompts.iter().enumerate() {
        u.entry((&p2.bench, id)).or_default().1 = Some(i);
    }
    u.into_values().collect()
}

/// Each round's Δ (run 2 − run 1, percentage points) for each of `models`; a round where a model
/// is unrated in either run gives NaN for it.
pub fn paired_samples(
    p1: &Prepared,
    p2: &Prepared,
    models: &[String],
    spec: &BootstrapSpec,
) -> Vec<Vec<f64>> {
    let u = union(p1, p2);
    let ids: Vec<Both> = models.iter().map(|m| (p1.id(m), p2.id(m))).collect();
    let mut out = vec![Vec::with_capacity(spec.rounds() as usize); models.len()];
    if u.is_empty() {
        return out;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed());
    let (mut m1, mut m2) = (vec![0u64; p1.prompts.len()], vec![0u64; p2.prompts.len()]);
    for _ in 0..spec.rounds() {
        m1.iter_mut().for_each(|m| *m = 0);
        m2.iter_mut().for_each(|m| *m = 0);
        for _ in 0..u.len() {
            let (i1, i2) = u[rng.random_range(0..u.len() as u32) as usize];
            if let Some(i) = i1 {
                m1[i] += 1;
            }
            if let Some(i) = i2 {
                m2[i] += 1;
            }
        }
        let (s1, s2) = (p1.scores(&m1), p2.scores(&m2));
        for (k, &(i1, i2)) in ids.iter().enumerate() {
            let d = match (i1, i2) {
                (Some(i1), Some(i2)) => s2[i2] - s1[i1],
                _ => f64::NAN,
            };
            out[k].push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::run::Run;
    use super::super::test_data;
    use super::*;
    use crate::bootstrap::BootstrapUnit;
    use crate::verdict::Outcome;

    /// The oracle: the same draws, applied the naive way. Every battle row of every drawn prompt is
    /// written out (copies and multiplicity as repeated rows, as show_result.py's data frame holds
    /// them), wins are tallied pair by pair with ties split, and each run is fitted cold.
    fn naive(r1: &VerdictRun, r2: &VerdictRun, model: &str, spec: &BootstrapSpec) -> Vec<f64> {
        let rows = |r: &VerdictRun| {
            let o = r.options.effective();
            let set = battle_set::build(r.bench, &o.battles, o.baseline.as_deref()).unwrap();
            let mut by: BTreeMap<String, Vec<(u32, u32, Outcome)>> = BTreeMap::new();
            for b in &set.rows {
                for _ in 0..b.copies {
                    by.entry(r.bench.prompts[b.prompt as usize].id.to_string())
                        .or_default()
                        .push((b.a, b.b, b.outcome));
                }
            }
            (set, by)
        };
        let (s1, rows1) = rows(r1);
        let (s2, rows2) = rows(r2);
        let mut keys: Vec<String> = rows1.keys().chain(rows2.keys()).cloned().collect();
        keys.sort();
        keys.dedup();
        let mut rng = ChaCha8Rng::seed_from_u64(spec.seed());
        let fit = |set: &battle_set::BattleSet, drawn: &[Vec<(u32, u32, Outcome)>], base: &str| {
            let mut wins: BTreeMap<(u32, u32), (f64, f64)> = BTreeMap::new();
            for rows in drawn {
                for &(a, b, o) in rows {
                    if a == b {
                        continue;
                    }
                    let (wa, wb) = match o {
                        Outcome::AWins => (1.0, 0.0),
                        Outcome::Tie => (0.5, 0.5),
                        Outcome::BWins => (0.0, 1.0),
                    };
                    let (i, j, wi, wj) = if a < b {
                        (a, b, wa, wb)
                    } else {
                        (b, a, wb, wa)
                    };
                    let e = wins.entry((i, j)).or_insert((0.0, 0.0));
                    e.0 += wi;
                    e.1 += wj;
                }
            }
            let comps = bt::Comparisons {
                n: set.names.len(),
                pairs: wins
                    .into_iter()
                    .map(|((i, j), (wi, wj))| bt::Pair {
                        i,
                        j,
                        wins_i: wi,
                        wins_j: wj,
                    })
                    .collect(),
            };
            let beta = bt::fit(&comps, set.id(base).unwrap(), None).beta;
            100.0 * bt::sigmoid(beta[set.id(model).unwrap() as usize])
        };
        (0..spec.rounds())
            .map(|_| {
                let (mut d1, mut d2) = (Vec::new(), Vec::new());
                for _ in 0..keys.len() {
                    let k = &keys[rng.random_range(0..keys.len() as u32) as usize];
                    d1.extend(rows1.get(k).cloned());
                    d2.extend(rows2.get(k).cloned());
                }
                fit(&s2, &d2, &r2.leaderboard.baseline) - fit(&s1, &d1, &r1.leaderboard.baseline)
            })
            .collect()
    }

    #[test]
    fn the_paired_bootstrap_equals_the_naive_oracle_round_by_round() {
        let ds = test_data::two_judges(12, &[]);
        let b = &ds.benches["s"];
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let r2 = Run::verdicts(b, test_data::options("j2")).unwrap();
        let (v1, v2) = (r1.as_verdicts().unwrap(), r2.as_verdicts().unwrap());
        let spec = BootstrapSpec::new(40, 11, 0.95, BootstrapUnit::Prompt).unwrap();
        let (p1, p2) = (Prepared::new(v1).unwrap(), Prepared::new(v2).unwrap());
        for model in ["ma", "mb"] {
            let fast = &paired_samples(&p1, &p2, &[model.to_string()], &spec)[0];
            let slow = naive(v1, v2, model, &spec);
            assert_eq!(fast.len(), 40);
            // Tolerance 1e-6 percentage points: both fits stop at a Newton step below 1e-11, one
            // warm-started and one cold, so they agree to far better than this.
            for (a, b) in fast.iter().zip(&slow) {
                assert!((a - b).abs() < 1e-6, "{model}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn a_prompt_drawn_for_one_run_is_drawn_for_the_other() {
        // Identical runs: every round's Δ is exactly 0, because both runs see the same draw.
        let ds = test_data::two_judges(10, &[]);
        let b = &ds.benches["s"];
        let r = Run::verdicts(b, test_data::options("j1")).unwrap();
        let p = Prepared::new(r.as_verdicts().unwrap()).unwrap();
        let spec = BootstrapSpec::new(25, 3, 0.95, BootstrapUnit::Prompt).unwrap();
        let s = paired_samples(&p, &p, &["ma".to_string()], &spec);
        assert!(s[0].iter().all(|d| *d == 0.0), "{:?}", s[0]);
        assert_eq!(union(&p, &p).len(), 10);
    }
    /// Bench `s` of the test data with prompts q0..q4 moved to category `a` (the rest stay in `c`)
    /// and `base` named as the baseline, so arena-hard-v2.0 scores it: its main board is category
    /// `a` (the first; neither is in v2.0's baseline table), the plain fit reads every prompt.
    fn two_categories() -> crate::dataset::Dataset {
        let mut ds = test_data::two_judges(12, &[]);
        let b = ds.benches.get_mut("s").unwrap();
        b.manifest_baseline = Some("base".into());
        for p in b.prompts.iter_mut().take(5) {
            p.category = "a".into();
        }
        ds
    }

    /// The oracle for v2.0's score on all prompts of category `a`: each model's mean row score,
    /// written out from the test data's label formula (game 2 shows the model as A, game 1 as B;
    /// a strong verdict counts 3 times, the default weight).
    fn mean_on_a(mi: usize) -> f64 {
        let a_score = |l: &str| match l {
            "A>>B" | "A>B" => 1.0,
            "A=B" => 0.5,
            _ => 0.0,
        };
        let copies = |l: &str| if l == "A>>B" || l == "B>>A" { 3.0 } else { 1.0 };
        let (mut s, mut n) = (0.0, 0.0);
        for p in 0..5 {
            let (g1, g2) = (test_data::label1(p, mi, 0), test_data::label1(p, mi, 1));
            s += copies(g2) * a_score(g2) + copies(g1) * (1.0 - a_score(g1));
            n += copies(g2) + copies(g1);
        }
        100.0 * s / n
    }

    #[test]
    fn a_v2_run_is_resampled_by_its_own_score_not_the_plain_fit() {
        let ds = two_categories();
        let b = &ds.benches["s"];
        let mut o2 = test_data::options("j1");
        o2.method = Method::ArenaHardV20;
        o2.battles.judged_baseline = None;
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let r2 = Run::verdicts(b, o2).unwrap();
        let (v1, v2) = (r1.as_verdicts().unwrap(), r2.as_verdicts().unwrap());
        let (p1, p2) = (Prepared::new(v1).unwrap(), Prepared::new(v2).unwrap());
        assert_eq!(p1.round_score, RoundScore::BradleyTerryFit);
        assert_eq!(p2.round_score, RoundScore::MeanRowScore);
        // v2.0's round on every prompt once is its main board's plain mean (oracle above, 1e-9
        // points: the same sums in another order), and reads category `a` only.
        assert_eq!(p2.prompt_ids().count(), 5);
        let all2 = p2.scores(&[1; 5]);
        let all1 = p1.scores(&[1; 12]);
        for (mi, m) in ["ma", "mb", "mc"].iter().enumerate() {
            let own = all2[p2.id(m).unwrap()];
            assert!(
                (own - mean_on_a(mi)).abs() < 1e-9,
                "{m}: {own} vs {}",
                mean_on_a(mi)
            );
            // The score v2.0 itself reports (mean of bootstrap means of the same rows) lies in
            // its own 5%-95% interval around that mean.
            let row = v2
                .leaderboard
                .models
                .iter()
                .find(|r| r.model == *m)
                .unwrap();
            assert!(
                row.lower <= own && own <= row.upper,
                "{m}: {own} vs {row:?}"
            );
        }
        // The plain fit over all twelve prompts (the old stand-in) gives another number for ma,
        // so a round that ignored v2.0's method would be caught above.
        let plain = all1[p1.id("ma").unwrap()];
        assert!(
            (plain - mean_on_a(0)).abs() > 1.0,
            "{plain} vs {}",
            mean_on_a(0)
        );
        // The diff names each run's round score, in the JSON and in its method line.
        let spec = BootstrapSpec::new(10, 1, 0.95, BootstrapUnit::Prompt).unwrap();
        let d = super::super::compute(&r1, &r2, &spec, &super::super::PromptsFor::None).unwrap();
        assert_eq!(
            d.round_scores,
            [RoundScore::BradleyTerryFit, RoundScore::MeanRowScore]
        );
        // v2.0 reports a mean of 20 bootstrap means, not the plain mean: the diff says the
        // interval is centred on the latter; run 1's fit is its reported score (no note).
        assert!(p2.point_gap(v2) > 0.005 && p1.point_gap(v1) < 1e-9);
        assert!(
            d.notes
                .iter()
                .any(|n| n.starts_with("Run 2's scores (arena-hard-v2.0) differ")),
            "{:?}",
            d.notes
        );
        assert!(
            !d.notes.iter().any(|n| n.starts_with("Run 1's scores")),
            "{:?}",
            d.notes
        );
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains(r#""round_scores":["bradley_terry_fit","mean_row_score"]"#));
        assert!(
            d.method_line
                .contains("run 2 (arena-hard-v2.0) by arena-hard-v2.0's score"),
            "{}",
            d.method_line
        );
    }

    #[test]
    fn a_style_controlled_run_says_its_interval_uses_the_plain_fit() {
        let mut o = test_data::options("j1");
        assert_eq!(RoundScore::for_options(&o), RoundScore::BradleyTerryFit);
        o.method = Method::ShowResultV01;
        assert_eq!(RoundScore::for_options(&o), RoundScore::BradleyTerryFit);
        o.style = StyleMode::Full;
        assert_eq!(RoundScore::for_options(&o), RoundScore::PlainFitFallback);
        assert!(RoundScore::PlainFitFallback
            .describe()
            .contains("not its method"));
    }
}
