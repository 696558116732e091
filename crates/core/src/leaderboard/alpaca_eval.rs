//! The `alpaca-eval` method: AlpacaEval 2's numbers for each model's annotations against the
//! reference (tatsu-lab/alpaca_eval @cd543a1, `metrics/winrate.py::get_winrate` and
//! `metrics/helpers.py::BaseScoringRule.describe_head2head`; cited, not copied).
//!
//! - `score` = `win_rate`: mean of `preference − 1` × 100 over the items with a preference in
//!   [1, 2] (null preferences are left out, 0 is the legacy draw 1.5).
//! - `standard_error`: the sample standard error (pandas `sem`, ddof 1) × 100.
//! - `n_wins` / `n_wins_base`: items with `preference − 1` above / below ½; `n_draws`: exactly 1.5;
//!   `n_total`: items used.
//! - `discrete_win_rate`: the same mean after rounding each preference to 1 or 2 (1.5 stays a
//!   draw), `ZeroOneScoringRule`.
//! - `lc_score` / `lc_standard_error`: the length-controlled win rate, see [`super::alpaca_glm`].
//! - `avg_length`: the mean length in characters of the model's outputs (AlpacaEval's column).
//! - `lower` / `upper`: score ∓ z·standard error at the asked level (AlpacaEval prints no
//!   interval; this is the normal interval its standard error implies).

use super::alpaca_glm::{self, LcItem};
use super::format_board::{board, row};
use super::{Leaderboard, LeaderboardOptions, ModelRow};
use crate::bench::Bench;
use crate::error::Error;
use std::collections::BTreeMap;

/// AlpacaEval's figures of one model's preferences (`preference` values already read, null
/// as `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct WinRate {
    pub win_rate: f64,
    pub standard_error: f64,
    pub discrete_win_rate: f64,
    pub n_wins: u64,
    pub n_wins_base: u64,
    pub n_draws: u64,
    pub n_total: u64,
}

/// `get_winrate` on a list of preferences; `None` with no usable preference.
pub fn win_rate(prefs: &[Option<f64>]) -> Option<WinRate> {
    let used: Vec<f64> = prefs
        .iter()
        .flatten()
        .copied()
        .filter(|p| (1.0..=2.0).contains(p))
        .map(|p| p - 1.0)
        .collect();
    if used.is_empty() {
        return None;
    }
    let n = used.len() as f64;
    let mean = used.iter().sum::<f64>() / n;
    let sem = if used.len() > 1 {
        (used.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt() / n.sqrt()
    } else {
        f64::NAN
    };
    let discrete = used
        .iter()
        .map(|&x| if x == 0.5 { 0.5 } else { x.round() })
        .sum::<f64>()
        / n;
    Some(WinRate {
        win_rate: mean * 100.0,
        standard_error: sem * 100.0,
        discrete_win_rate: discrete * 100.0,
        n_wins: used.iter().filter(|&&x| x > 0.5).count() as u64,
        n_wins_base: used.iter().filter(|&&x| x < 0.5).count() as u64,
        n_draws: used.iter().filter(|&&x| x == 0.5).count() as u64,
        n_total: used.len() as u64,
    })
}

/// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9),
/// for the interval the standard error implies. The constants are the published ones.
#[allow(clippy::excessive_precision)]
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.383577518672690e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1,
        1.615858368580409e2,
        -1.556989798598866e2,
        6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-3,
        3.224671290700398e-1,
        2.445134137142996,
        3.754408661907416,
    ];
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// The alpaca-eval leaderboard of a bench of AlpacaEval annotations.
pub fn compute(bench: &Bench, opts: &LeaderboardOptions) -> Result<Leaderboard, Error> {
    let judges: Vec<u32> = opts
        .battles
        .judges
        .iter()
        .filter_map(|j| bench.judges.get(j))
        .collect();
    // (baseline, model) -> (preferences, LC items, output lengths)
    type Acc = (Vec<Option<f64>>, Vec<LcItem>, Vec<f64>);
    let mut by: BTreeMap<(u32, u32), Acc> = BTreeMap::new();
    for j in &bench.judgments {
        if !judges.is_empty() && !judges.contains(&j.judge) {
            continue;
        }
        let (Some(base), Some(g)) = (j.baseline, j.games.first()) else {
            continue;
        };
        let acc = by.entry((base, j.model)).or_default();
        acc.0.push(g.preference);
        let len = |m: u32| {
            bench
                .answer(m, j.prompt)
                .map(|a| a.text.chars().count() as f64)
        };
        if let Some(l) = len(j.model) {
            acc.2.push(l);
        }
        if let (Some(r), Some(m)) = (len(base), len(j.model)) {
            acc.1.push(LcItem {
                preference: g.preference.map(|p| p - 1.0),
                reference_len: r,
                model_len: m,
            });
        }
    }
    let baselines: Vec<u32> = {
        let mut b: Vec<u32> = by.keys().map(|(b, _)| *b).collect();
        b.dedup();
        b
    };
    let baseline = match opts.baseline.as_deref() {
        Some(name) => bench
            .models
            .get(name)
            .filter(|b| baselines.contains(b))
            .ok_or_else(|| {
                Error::InvalidOption(format!("{name} is not the reference of these annotations"))
            })?,
        None => *baselines.first().ok_or(Error::NoBattles)?,
    };
    let z = normal_quantile(1.0 - (1.0 - opts.level) / 2.0);
    let mut rows: Vec<ModelRow> = Vec::new();
    let mut unrated = Vec::new();
    for ((b, m), (prefs, lc, lens)) in &by {
        if *b != baseline {
            continue;
        }
        let Some(w) = win_rate(prefs) else {
            unrated.push(bench.models.name(*m).to_string());
            continue;
        };
        let half = if w.standard_error.is_finite() {
            z * w.standard_error
        } else {
            0.0
        };
        let mut r = row(
            bench.models.name(*m),
            w.win_rate,
            w.win_rate - half,
            w.win_rate + half,
            w.n_total,
        );
        let f = &mut r.figures;
        f.insert("standard_error".into(), w.standard_error);
        f.insert("discrete_win_rate".into(), w.discrete_win_rate);
        f.insert("n_wins".into(), w.n_wins as f64);
        f.insert("n_wins_base".into(), w.n_wins_base as f64);
        f.insert("n_draws".into(), w.n_draws as f64);
        f.insert("n_total".into(), w.n_total as f64);
        if !lens.is_empty() {
            f.insert(
                "avg_length".into(),
                lens.iter().sum::<f64>() / lens.len() as f64,
            );
        }
        if let Some(fit) = alpaca_glm::fit(lc) {
            f.insert("lc_score".into(), fit.win_rate);
            f.insert("lc_standard_error".into(), fit.standard_error);
        }
        rows.push(r);
    }
    if rows.is_empty() {
        return Err(Error::NoBattles);
    }
    let mut lb = board(
        bench,
        opts,
        bench.models.name(baseline),
        bench.judge_names().to_vec(),
        rows,
        "",
    )?;
    lb.unrated = unrated;
    Ok(lb)
}
