//! The rating frame of show_result.py v0.1's bootstrap rounds, for the `show-result-v0.1` compat
//! preset (`LeaderboardOptions::reference_quirks`).
//!
//! Our fits give strengths relative to the display baseline (`β_baseline = 0`). show_result.py's
//! bootstrap does not: `utils_math.py::get_bootstrap_result` means to pass the baseline on, but tests
//! the baseline's *name* against the parameter names of `compute_mle_elo`, so that test is always
//! false and every round runs `compute_mle_elo(sample)` with its default `baseline_model="gpt-4-0314"`.
//! Each round's ratings therefore sit in one of three frames (`utils_math.py::compute_mle_elo`):
//!
//! 1. gpt-4-0314 is among the round's models: it is anchored at 1000 (`elo += 1000 − elo[...]`).
//! 2. Otherwise the fit is unanchored. `show_result.py::get_battles_from_row` keeps the baseline's
//!    battles against itself, and `compute_mle_elo` writes `+ln 10` then `−ln 10` into the same
//!    column for them, leaving `−ln 10` in the baseline's column only. Those rows involve no other
//!    model, so the unpenalised likelihood splits: they alone set the baseline's level, at the
//!    logistic MLE `β_baseline = ln((1 − p) / p)` with `p` the share of `Y = 1` among their
//!    duplicated rows (a win of `model_a` is 1 twice, a tie 1 once, a loss 0 twice).
//! 3. With no self rows, every design row sums to zero, so lbfgs (started at 0) stays on the
//!    sum-zero plane: the ratings come out mean-centred.
//!
//! `show_result.py` (its main block) then takes the 2.5 / 97.5 percentiles of each model's Elo and
//! converts each one against the baseline's *same* percentile (`utils_math.py::get_win_rate_column`).

use crate::verdict::Outcome;

/// The baseline's battles against itself in one draw, as show_result.py's duplicated design rows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct SelfRows {
    /// Duplicated rows with `Y = 1`.
    pub ones: f64,
    /// All duplicated rows.
    pub rows: f64,
}

impl SelfRows {
    /// Adds `count` battle rows of one outcome (each is two design rows, `utils_math.py:43`).
    pub fn add(&mut self, outcome: Outcome, count: f64) {
        self.rows += 2.0 * count;
        self.ones += match outcome {
            Outcome::AWins => 2.0 * count,
            // Ties: `Y = 1` in the first copy only (`compute_mle_elo`, the tie branch).
            Outcome::Tie => count,
            Outcome::BWins => 0.0,
        };
    }
}

/// The shift that moves one round's strengths (relative to the baseline) into show_result.py's frame
/// for that round: the baseline's strength in that frame. `gpt4` is the local id of gpt-4-0314, if the
/// data has it.
pub(super) fn level(beta: &[f64], baseline: usize, gpt4: Option<usize>, own: SelfRows) -> f64 {
    debug_assert!(beta[baseline] == 0.0);
    if let Some(g) = gpt4 {
        // Frame 1. A round where gpt-4-0314 has no finite estimate (no wins or no losses) makes
        // scikit-learn's fit diverge; we fall through to the next frame rather than guess its stop.
        if beta[g].is_finite() {
            return -beta[g];
        }
    }
    if own.rows > 0.0 && own.ones > 0.0 && own.ones < own.rows {
        // Frame 2: σ(−β) = p, so β = ln((1 − p) / p) = ln(zeros / ones).
        return ((own.rows - own.ones) / own.ones).ln();
    }
    // Frame 3 (also when the self rows are all one outcome, where the unpenalised fit diverges).
    let finite: Vec<f64> = beta.iter().copied().filter(|b| b.is_finite()).collect();
    -finite.iter().sum::<f64>() / finite.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gpt4_present_anchors_it_at_zero() {
        let beta = [0.0, 0.7, -0.2];
        let l = level(&beta, 0, Some(1), SelfRows::default());
        assert!((beta[1] + l).abs() < 1e-15);
    }

    #[test]
    fn self_rows_set_the_baseline_level() {
        // 0.575 of the duplicated self rows are Y = 1: the anchors' BinaryFiddler check,
        // truth_model at 1000 − 400·log10(0.575 / 0.425) = 947.49 Elo.
        let mut own = SelfRows::default();
        own.add(Outcome::AWins, 9.0);
        own.add(Outcome::Tie, 5.0);
        own.add(Outcome::BWins, 6.0);
        assert!((own.ones / own.rows - 0.575).abs() < 1e-12);
        let l = level(&[0.0, 1.0], 0, None, own);
        let elo = 400.0 / std::f64::consts::LN_10 * l + 1000.0;
        assert!((elo - 947.49).abs() < 0.005, "{elo}");
    }

    #[test]
    fn without_self_rows_the_round_is_mean_centred() {
        let beta = [0.0, 0.9, -0.3, f64::NEG_INFINITY];
        let l = level(&beta, 0, None, SelfRows::default());
        let mean = (0.0 + 0.9 - 0.3) / 3.0 + l;
        assert!(mean.abs() < 1e-15);
    }
}
