//! AlpacaEval's length-controlled win rate, as far as one model's annotations determine it.
//!
//! AlpacaEval (`metrics/glm_winrate.py::get_length_controlled_winrate`, @cd543a1) fits, per model,
//! a logistic regression of the continuous preference (`preference − 1`, a probability target) on
//! `tanh(std_delta_len) + instruction_difficulty + not_gamed_baseline − 1`, where
//! `std_delta_len = (len(output_1) − len(output_2)) / std(...)` over the model's items, then
//! predicts every item with the length difference set to 0 and averages: that mean × 100 is the
//! LC win rate, its `sem` × 100 the LC standard error. Its `length_controlled_v1` GLM also needs
//! two downloads that are not in an annotations file: the per-instruction `instruction_difficulty`
//! (estimated once by the AlpacaEval authors jointly over many models, `notebooks/
//! instruction_difficulty.ipynb`) and `df_gamed.csv` (annotations of two length-gamed baselines,
//! mixed in with weight 0.1 each as a regulariser). See FIDELITY.md.
//!
//! What this module fits is AlpacaEval's own `length_controlled_minimal` formula
//! (`GLM_INFO["length_controlled_minimal"]`: `np.tanh(std_delta_len) + not_gamed_baseline − 1`):
//! the same length term and bias, no instruction difficulty, no gamed baselines. With only a bias
//! left at zero length difference, every item's prediction is `logistic(bias)`, so the LC win rate
//! is `100 · logistic(bias)` and its standard error is 0. The fit is the unpenalised maximum of the
//! weighted log-likelihood (each item is a y=1 row with weight p and a y=0 row with weight 1 − p, as
//! `fit_LogisticRegressionCV(..., is_ytrue_proba=True)` duplicates it), by Newton's method; AlpacaEval
//! picks an L1 penalty by 5-fold cross-validation instead, which FIDELITY.md measures.

/// One item for the fit: the preference in [0, 1] (`preference − 1`) and the two answers' lengths.
#[derive(Clone, Copy, Debug)]
pub struct LcItem {
    pub preference: Option<f64>,
    pub reference_len: f64,
    pub model_len: f64,
}

/// The fitted minimal GLM.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LcFit {
    /// Weight of `tanh(std_delta_len)`.
    pub length: f64,
    /// Weight of `not_gamed_baseline` (the bias).
    pub bias: f64,
    /// The LC win rate (%) and its standard error (%).
    pub win_rate: f64,
    pub standard_error: f64,
}

fn logistic(x: f64) -> f64 {
    // exp(−logaddexp(0, −x)), stable for large |x| (glm_winrate.py::_logistic).
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// Fits the minimal GLM. The length difference is standardised over every item (null preferences
/// included, as AlpacaEval standardises before it drops them); `None` when fewer than two items
/// have a preference or the lengths do not vary.
pub fn fit(items: &[LcItem]) -> Option<LcFit> {
    let deltas: Vec<f64> = items
        .iter()
        .map(|i| i.reference_len - i.model_len)
        .collect();
    let n = deltas.len() as f64;
    if n < 2.0 {
        return None;
    }
    let mean = deltas.iter().sum::<f64>() / n;
    let sd = (deltas.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    if sd.is_nan() || sd <= 0.0 {
        return None;
    }
    let data: Vec<(f64, f64)> = items
        .iter()
        .zip(&deltas)
        .filter_map(|(i, d)| Some(((d / sd).tanh(), i.preference?)))
        .collect();
    if data.len() < 2 {
        return None;
    }
    // Newton on the weighted log-likelihood Σ p·ln σ(x·w) + (1 − p)·ln(1 − σ(x·w)), x = (t, 1).
    let (mut w0, mut w1) = (0.0f64, 0.0f64);
    for _ in 0..100 {
        let (mut g0, mut g1, mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for &(t, p) in &data {
            let q = logistic(w0 * t + w1);
            let r = p - q;
            let v = q * (1.0 - q);
            g0 += r * t;
            g1 += r;
            h00 += v * t * t;
            h01 += v * t;
            h11 += v;
        }
        let det = h00 * h11 - h01 * h01;
        if det.is_nan() || det.abs() <= 1e-300 {
            return None;
        }
        let d0 = (h11 * g0 - h01 * g1) / det;
        let d1 = (h00 * g1 - h01 * g0) / det;
        w0 += d0;
        w1 += d1;
        if d0.abs().max(d1.abs()) < 1e-13 {
            break;
        }
    }
    (w0.is_finite() && w1.is_finite()).then(|| LcFit {
        length: w0,
        bias: w1,
        win_rate: 100.0 * logistic(w1),
        standard_error: 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_length_effect_gives_the_mean_preference() {
        // Preferences independent of length: the bias alone carries the mean, so the LC win rate
        // equals the plain win rate (a logistic fit reproduces the mean of its target with a bias).
        let items: Vec<LcItem> = (0..40)
            .map(|i| LcItem {
                preference: Some(if i % 4 == 0 { 0.9 } else { 0.1 }),
                reference_len: 100.0 + (i / 20) as f64 * 50.0,
                model_len: 100.0,
            })
            .collect();
        let f = fit(&items).unwrap();
        assert!(f.length.abs() < 1e-9, "{f:?}");
        assert!((f.win_rate - 30.0).abs() < 1e-9, "{f:?}");
    }
}
