//! Style control: a Bradley-Terry fit with answer-style covariates, as the reference v0.1 tool does it.
//!
//! Each battle gets, per style feature, `(a − b) / (a + b + 1)` (tokens, headers, lists, bold), each
//! column z-normalised over the battle rows. The fit is scikit-learn's default `LogisticRegression`
//! (L2, C = 1, no intercept) on the reference's duplicated rows, so the penalty sees the same data
//! weight. We solve it by Newton on rows grouped by (model_a, model_b, prompt), which share features.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An answer's raw style counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StyleRaw {
    pub tokens: f64,
    pub headers: f64,
    pub lists: f64,
    pub bold: f64,
}

impl StyleRaw {
    /// A count that is either a number or an object of numbers to sum (`header_count: {h1: .., ..}`).
    pub fn count(v: &Value) -> Option<f64> {
        match v {
            Value::Number(n) => n.as_f64(),
            Value::Object(m) => m.values().map(Value::as_f64).sum(),
            _ => None,
        }
    }

    /// Reads `conv_metadata` (v0.1) or `metadata` (v2.0).
    pub fn from_metadata(meta: &Value) -> Option<StyleRaw> {
        Some(StyleRaw {
            tokens: StyleRaw::count(meta.get("token_len")?)?,
            headers: StyleRaw::count(meta.get("header_count")?)?,
            lists: StyleRaw::count(meta.get("list_count")?)?,
            bold: StyleRaw::count(meta.get("bold_count")?)?,
        })
    }
}

/// Which style features to control for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StyleMode {
    #[default]
    Off,
    /// Length and markdown (`--style-control`).
    Full,
    /// Length only (`--length-control`).
    Length,
    /// Headers, lists and bold (`--markdown-control`).
    Markdown,
}

impl StyleMode {
    /// Feature names, in the reference's order and spelling.
    pub fn feature_names(self) -> &'static [&'static str] {
        match self {
            StyleMode::Off => &[],
            StyleMode::Full => &[
                "sum_assistant_tokens",
                "header_count",
                "list_count",
                "bold_count",
            ],
            StyleMode::Length => &["sum_assistant_tokens"],
            StyleMode::Markdown => &["header_count", "list_count", "bold_count"],
        }
    }

    /// Raw feature values of one answer for this mode.
    pub fn values(self, s: &StyleRaw) -> Vec<f64> {
        match self {
            StyleMode::Off => vec![],
            StyleMode::Full => vec![s.tokens, s.headers, s.lists, s.bold],
            StyleMode::Length => vec![s.tokens],
            StyleMode::Markdown => vec![s.headers, s.lists, s.bold],
        }
    }

    pub fn parse(s: &str) -> Option<StyleMode> {
        match s {
            "off" | "none" | "" => Some(StyleMode::Off),
            "full" | "style" | "on" => Some(StyleMode::Full),
            "length" => Some(StyleMode::Length),
            "markdown" => Some(StyleMode::Markdown),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StyleMode::Off => "off",
            StyleMode::Full => "full",
            StyleMode::Length => "length",
            StyleMode::Markdown => "markdown",
        }
    }
}

/// One group of battle rows sharing (model_a, model_b, features): `wa` and `wb` are the duplicated-row
/// weights of a win for each side (a win counts 2, a tie 1 for each).
#[derive(Clone, Debug, PartialEq)]
pub struct StyleGroup {
    pub a: u32,
    pub b: u32,
    pub features: Vec<f64>,
    pub wa: f64,
    pub wb: f64,
}

/// The penalised fit: model coefficients (on the reference's scale, `β / ln 10`) and style coefficients.
#[derive(Clone, Debug, PartialEq)]
pub struct StyleFit {
    pub model_coef: Vec<f64>,
    pub style_coef: Vec<f64>,
    pub iterations: u32,
}

const LN10: f64 = std::f64::consts::LN_10;

/// Minimises `½‖w‖² + Σ_g wa·softplus(−z) + wb·softplus(z)`, `z = ln10 (w_a − w_b) + f·w_s`, by Newton
/// with backtracking. Strictly convex, so it converges from any start; `warm` speeds bootstrap rounds.
pub fn fit(groups: &[StyleGroup], n_models: usize, k: usize, warm: Option<&StyleFit>) -> StyleFit {
    let dim = n_models + k;
    let mut w = vec![0.0; dim];
    if let Some(s) = warm {
        w[..n_models].copy_from_slice(&s.model_coef);
        w[n_models..].copy_from_slice(&s.style_coef);
    }
    let objective = |w: &[f64]| -> f64 {
        let mut f = 0.5 * w.iter().map(|x| x * x).sum::<f64>();
        for g in groups {
            let z = z_of(g, w, n_models);
            f -= g.wa * crate::bt::ln_sigmoid(z) + g.wb * crate::bt::ln_sigmoid(-z);
        }
        f
    };
    let mut obj = f64::NAN;
    let mut iterations = 0;
    let mut grad = vec![0.0; dim];
    let mut hess = vec![0.0; dim * dim];
    for iter in 1..=100 {
        iterations = iter;
        grad.copy_from_slice(&w);
        hess.iter_mut().for_each(|h| *h = 0.0);
        for d in 0..dim {
            hess[d * dim + d] = 1.0;
        }
        // A fixed-size index list (2 model columns + at most 4 style columns) keeps the hot loop
        // free of allocation; only the upper triangle is accumulated, then mirrored.
        let mut idx = [(0usize, 0.0f64); 6];
        for g in groups {
            let z = z_of(g, &w, n_models);
            let p = crate::bt::sigmoid(z);
            let r = (g.wa + g.wb) * p - g.wa;
            let h = (g.wa + g.wb) * p * (1.0 - p);
            let mut m = 0;
            if g.a == g.b {
                // show_result.py writes +ln10 then −ln10 into the same column; the second wins.
                idx[0] = (g.a as usize, -LN10);
                m = 1;
            } else {
                let (a, b) = (g.a as usize, g.b as usize);
                // Ascending column order, so (i, j) with i <= j is the upper triangle.
                if a < b {
                    idx[0] = (a, LN10);
                    idx[1] = (b, -LN10);
                } else {
                    idx[0] = (b, -LN10);
                    idx[1] = (a, LN10);
                }
                m += 2;
            }
            for (s, f) in g.features.iter().enumerate() {
                idx[m] = (n_models + s, *f);
                m += 1;
            }
            for u in 0..m {
                let (i, xi) = idx[u];
                grad[i] += r * xi;
                let hx = h * xi;
                let row = &mut hess[i * dim..(i + 1) * dim];
                for &(j, xj) in &idx[u..m] {
                    row[j] += hx * xj;
                }
            }
        }
        for i in 0..dim {
            for j in (i + 1)..dim {
                hess[j * dim + i] = hess[i * dim + j];
            }
        }
        let Some(step) = crate::linalg::cholesky_solve(&mut hess, &grad, dim) else {
            break;
        };
        let max_step = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        let old = w.clone();
        if max_step < 0.5 {
            // Close to the optimum of a smooth, strictly convex objective a full Newton step always
            // decreases it, so the line search (one pass over the data) is skipped.
            for d in 0..dim {
                w[d] = old[d] - step[d];
            }
            obj = f64::NAN;
        } else {
            if obj.is_nan() {
                obj = objective(&w);
            }
            let mut t = 1.0;
            loop {
                for d in 0..dim {
                    w[d] = old[d] - t * step[d];
                }
                let new_obj = objective(&w);
                if new_obj <= obj + 1e-12 * obj.abs().max(1.0) || t < 1e-6 {
                    obj = new_obj;
                    break;
                }
                t *= 0.5;
            }
        }
        // Newton converges quadratically: after a step below 1e-7 the error is far below 1e-12.
        if max_step < 1e-7 {
            break;
        }
    }
    StyleFit {
        model_coef: w[..n_models].to_vec(),
        style_coef: w[n_models..].to_vec(),
        iterations,
    }
}

fn z_of(g: &StyleGroup, w: &[f64], n_models: usize) -> f64 {
    let mut z = if g.a == g.b {
        -LN10 * w[g.a as usize]
    } else {
        LN10 * (w[g.a as usize] - w[g.b as usize])
    };
    for (s, f) in g.features.iter().enumerate() {
        z += f * w[n_models + s];
    }
    z
}

/// Per-row feature differences `(a − b) / (a + b + 1)` for one battle.
pub fn feature_diffs(mode: StyleMode, a: &StyleRaw, b: &StyleRaw) -> Vec<f64> {
    mode.values(a)
        .into_iter()
        .zip(mode.values(b))
        .map(|(x, y)| (x - y) / (x + y + 1.0))
        .collect()
}

/// Column means and population standard deviations over rows weighted by their copies.
pub fn normalisation(rows: &[(Vec<f64>, f64)], k: usize) -> (Vec<f64>, Vec<f64>) {
    let total: f64 = rows.iter().map(|(_, c)| c).sum();
    let mut mean = vec![0.0; k];
    for (f, c) in rows {
        for s in 0..k {
            mean[s] += f[s] * c;
        }
    }
    mean.iter_mut().for_each(|m| *m /= total);
    let mut var = vec![0.0; k];
    for (f, c) in rows {
        for s in 0..k {
            var[s] += (f[s] - mean[s]).powi(2) * c;
        }
    }
    let std = var.iter().map(|v| (v / total).sqrt()).collect();
    (mean, std)
}
