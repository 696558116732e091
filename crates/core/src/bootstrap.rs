//! Bootstrap resampling over count cells, by row or by prompt.
//!
//! A fit depends on the battle rows only through the counts of distinct cells (pair or group, outcome).
//! Resampling N rows with replacement therefore has the same distribution as one multinomial draw of N
//! over the cells, which costs O(cells) per round instead of O(rows) (FastChat's leaderboard does the
//! same). The prompt bootstrap instead resamples whole prompts: every battle of a prompt, all models,
//! both games and all strong-verdict copies travel together, which is what makes them dependent.
//!
//! [`BootstrapSpec`] is how intervals are drawn (rounds, seed, level, unit), checked once when it is
//! built; [`Purpose`] holds the one table of round caps the site applies per analysis.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};
use serde::{Deserialize, Serialize};

/// What a bootstrap round resamples.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BootstrapUnit {
    /// Battle rows, like show_result.py (`battles.sample(frac=1, replace=True)`).
    #[default]
    Row,
    /// Prompts, with all their battles: a clustered bootstrap.
    Prompt,
}

impl BootstrapUnit {
    /// The one spelling of each unit (other spellings: `view_state::aliases`).
    pub fn parse(s: &str) -> Option<BootstrapUnit> {
        match s {
            "row" => Some(BootstrapUnit::Row),
            "prompt" => Some(BootstrapUnit::Prompt),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            BootstrapUnit::Row => "row",
            BootstrapUnit::Prompt => "prompt",
        }
    }
}

pub use crate::purpose::Purpose;

/// Why a [`BootstrapSpec`] was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum BootstrapSpecError {
    /// The confidence level is not strictly between 0 and 1.
    Level(f64),
}

impl std::fmt::Display for BootstrapSpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BootstrapSpecError::Level(l) => write!(
                f,
                "the confidence level must be strictly between 0 and 1, got {l}"
            ),
        }
    }
}

impl std::error::Error for BootstrapSpecError {}

/// How intervals are drawn: rounds (0: no interval), the seed of the ChaCha8 stream, the confidence
/// level and what a round resamples. Built by [`BootstrapSpec::new`], which checks the level, so a
/// holder can trust it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BootstrapSpec {
    rounds: u32,
    seed: u64,
    level: f64,
    unit: BootstrapUnit,
}

impl BootstrapSpec {
    pub fn new(
        rounds: u32,
        seed: u64,
        level: f64,
        unit: BootstrapUnit,
    ) -> Result<BootstrapSpec, BootstrapSpecError> {
        // Written so that NaN fails too.
        if !(level > 0.0 && level < 1.0) {
            return Err(BootstrapSpecError::Level(level));
        }
        Ok(BootstrapSpec {
            rounds,
            seed,
            level,
            unit,
        })
    }
    pub fn rounds(&self) -> u32 {
        self.rounds
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn level(&self) -> f64 {
        self.level
    }
    pub fn unit(&self) -> BootstrapUnit {
        self.unit
    }
    /// The same spec with `rounds` rounds (0: a point estimate only).
    pub fn with_rounds(self, rounds: u32) -> BootstrapSpec {
        BootstrapSpec { rounds, ..self }
    }
    /// The same spec with another seed.
    pub fn with_seed(self, seed: u64) -> BootstrapSpec {
        BootstrapSpec { seed, ..self }
    }
    /// The same spec with another unit.
    pub fn with_unit(self, unit: BootstrapUnit) -> BootstrapSpec {
        BootstrapSpec { unit, ..self }
    }
    /// The same spec with its rounds capped for `purpose`.
    pub fn capped(self, purpose: Purpose) -> BootstrapSpec {
        self.with_rounds(purpose.cap(self.rounds))
    }
}

/// Counts per cell, and the same counts split by prompt.
#[derive(Clone, Debug, Default)]
pub struct Cells {
    pub count: Vec<u64>,
    /// For each prompt with battles: (cell, count) pairs.
    pub by_prompt: Vec<Vec<(u32, u64)>>,
}

impl Cells {
    /// Builds cells from (cell, prompt, count) triples; `n_cells` cells, prompts are any ids.
    pub fn new(n_cells: usize, items: impl Iterator<Item = (u32, u32, u64)>) -> Cells {
        let mut count = vec![0u64; n_cells];
        let mut per_prompt: std::collections::BTreeMap<u32, std::collections::BTreeMap<u32, u64>> =
            Default::default();
        for (cell, prompt, c) in items {
            count[cell as usize] += c;
            *per_prompt
                .entry(prompt)
                .or_default()
                .entry(cell)
                .or_insert(0) += c;
        }
        let by_prompt = per_prompt
            .into_values()
            .map(|m| m.into_iter().collect())
            .collect();
        Cells { count, by_prompt }
    }

    pub fn total(&self) -> u64 {
        self.count.iter().sum()
    }

    /// One bootstrap draw of cell counts into `out`.
    pub fn resample(&self, unit: BootstrapUnit, rng: &mut ChaCha8Rng, out: &mut Vec<u64>) {
        out.clear();
        out.resize(self.count.len(), 0);
        match unit {
            BootstrapUnit::Row => {
                // Sequential conditional binomials: cell i gets Bin(rows left, its share of what is left).
                let mut left = self.total();
                let mut mass = left;
                for (i, &c) in self.count.iter().enumerate() {
                    if left == 0 || mass == 0 {
                        break;
                    }
                    if c == 0 {
                        continue;
                    }
                    let x = if c == mass {
                        left
                    } else {
                        Binomial::new(left, c as f64 / mass as f64)
                            .expect("valid binomial")
                            .sample(rng)
                    };
                    out[i] = x;
                    left -= x;
                    mass -= c;
                }
            }
            BootstrapUnit::Prompt => {
                let p = self.by_prompt.len() as u32;
                for _ in 0..p {
                    let q = rng.random_range(0..p) as usize;
                    for &(cell, c) in &self.by_prompt[q] {
                        out[cell as usize] += c;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn spec_refuses_levels_outside_the_open_unit_interval() {
        for bad in [0.0, 1.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
            assert!(
                BootstrapSpec::new(100, 1, bad, BootstrapUnit::Row).is_err(),
                "{bad}"
            );
        }
        let s = BootstrapSpec::new(5_000, 1, 0.9, BootstrapUnit::Prompt).unwrap();
        assert_eq!(s.capped(Purpose::Judges).rounds(), 200);
        assert_eq!(s.capped(Purpose::Leaderboard).rounds(), 5_000);
    }

    #[test]
    fn row_draws_keep_the_total_and_the_means() {
        let cells = Cells::new(3, [(0, 0, 60), (1, 1, 30), (2, 2, 10)].into_iter());
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut out = Vec::new();
        let mut sums = [0u64; 3];
        let rounds = 4000;
        for _ in 0..rounds {
            cells.resample(BootstrapUnit::Row, &mut rng, &mut out);
            assert_eq!(out.iter().sum::<u64>(), 100);
            for i in 0..3 {
                sums[i] += out[i];
            }
        }
        // Expected 60 / 30 / 10 per round; the sd of a mean over 4000 rounds is below 0.08.
        for (i, e) in [60.0, 30.0, 10.0].iter().enumerate() {
            let m = sums[i] as f64 / rounds as f64;
            assert!((m - e).abs() < 0.4, "cell {i}: mean {m}, expected {e}");
        }
    }

    #[test]
    fn prompt_draws_move_prompts_whole() {
        let cells = Cells::new(2, [(0, 7, 3), (1, 7, 1), (1, 8, 2)].into_iter());
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let mut out = Vec::new();
        for _ in 0..100 {
            cells.resample(BootstrapUnit::Prompt, &mut rng, &mut out);
            // Cell 0 only comes with prompt 7, which brings 3 of cell 0 and 1 of cell 1.
            let sevens = out[0] / 3;
            assert_eq!(out[0] % 3, 0);
            assert_eq!(out[1], sevens + (2 - sevens) * 2);
        }
    }
}

#[cfg(test)]
mod variance_tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn row_draws_have_multinomial_variance() {
        // Var of a multinomial cell = N p (1 - p); here N = 110000, p = 0.01 -> sd 33.0.
        let cells = Cells::new(2, [(0, 0, 1100), (1, 1, 108900)].into_iter());
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut out = Vec::new();
        let xs: Vec<f64> = (0..4000)
            .map(|_| {
                cells.resample(BootstrapUnit::Row, &mut rng, &mut out);
                out[0] as f64
            })
            .collect();
        let m = xs.iter().sum::<f64>() / xs.len() as f64;
        let sd = (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / xs.len() as f64).sqrt();
        eprintln!("mean {m} sd {sd}");
        assert!((sd - 33.0).abs() < 2.0, "sd {sd}");
    }
}
