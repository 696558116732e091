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
//! The fit is the plain one whatever the run's method: the method decides each run's point score;
//! the interval on the difference is always this prompt-level paired bootstrap.

use super::run::VerdictRun;
use crate::battle_set;
use crate::bootstrap::BootstrapSpec;
use crate::bt;
use crate::error::Error;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// A run's battles grouped by prompt, ready to be resampled.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub bench: String,
    /// Model names by battle-set id.
    pub names: Vec<String>,
    pub anchor: u32,
    /// Cell keys: (a, b, outcome index).
    keys: Vec<(u32, u32, usize)>,
    /// Per prompt (its id): (cell, copies) pairs.
    prompts: Vec<(String, Vec<(u32, u64)>)>,
    point: Vec<f64>,
}

impl Prepared {
    /// Builds the run's battles as its leaderboard did and groups them by prompt.
    pub fn new(run: &VerdictRun) -> Result<Prepared, Error> {
        let opts = run.options.effective();
        let set = battle_set::build(run.bench, &opts.battles, opts.baseline.as_deref())?;
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
        let prompts: Vec<(String, Vec<(u32, u64)>)> = by_prompt
            .into_iter()
            .map(|(p, cells)| {
                (
                    run.bench.prompts[p as usize].id.clone(),
                    cells.into_iter().collect(),
                )
            })
            .collect();
        let mut prepared = Prepared {
            bench: run.bench.name.clone(),
            names: set.names.clone(),
            anchor,
            keys,
            prompts,
            point: Vec::new(),
        };
        let all = vec![1u64; prepared.prompts.len()];
        prepared.point = prepared.fit(&all, None);
        Ok(prepared)
    }

    /// The prompt ids with battles.
    pub fn prompt_ids(&self) -> impl Iterator<Item = &str> {
        self.prompts.iter().map(|(p, _)| p.as_str())
    }

    /// Strengths with each prompt counted `mult[i]` times.
    fn fit(&self, mult: &[u64], warm: Option<&[f64]>) -> Vec<f64> {
        let mut counts = vec![0u64; self.keys.len()];
        for ((_, cells), &m) in self.prompts.iter().zip(mult) {
            if m == 0 {
                continue;
            }
            for &(c, n) in cells {
                counts[c as usize] += m * n;
            }
        }
        let comps = bt::comparisons_from_counts(
            self.names.len(),
            self.keys.iter().zip(&counts).map(|(&(a, b, o), &c)| {
                let mut v = [0.0; 3];
                v[o] = c as f64;
                (a, b, v)
            }),
        );
        bt::fit(&comps, self.anchor, warm).beta
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
    for (i, (id, _)) in p1.prompts.iter().enumerate() {
        u.entry((&p1.bench, id)).or_default().0 = Some(i);
    }
    for (i, (id, _)) in p2.prompts.iter().enumerate() {
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
        let b1 = p1.fit(&m1, Some(&p1.point));
        let b2 = p2.fit(&m2, Some(&p2.point));
        for (k, &(i1, i2)) in ids.iter().enumerate() {
            let d = match (i1, i2) {
                (Some(i1), Some(i2)) => win(b2[i2]) - win(b1[i1]),
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
                    by.entry(r.bench.prompts[b.prompt as usize].id.clone())
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
}
