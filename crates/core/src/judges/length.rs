//! Answer length and style: average tokens against score, and how ranks move when style control is
//! switched on (the slope chart), with the fitted style coefficients.
//!
//! A positive length coefficient means the judge prefers the longer answer at equal model strength;
//! style control removes that from the scores, so a model that rose on verbosity falls in the
//! "on" column. The coefficients are on the z-normalised feature scale of [`crate::style`].

use super::ranks_by_score;
use crate::bench::Bench;
use crate::error::Error;
use crate::leaderboard::{self, Leaderboard, LeaderboardOptions};
use crate::style::StyleMode;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Why two leaderboards cannot make a slope chart.
#[derive(Clone, Debug, PartialEq)]
pub enum LengthError {
    /// The "off" leaderboard was computed with style control.
    OffHasStyle,
    /// The "on" leaderboard was computed without style control.
    OnHasNoStyle,
    Leaderboard(Error),
}

impl std::fmt::Display for LengthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LengthError::OffHasStyle => write!(f, "the style-off leaderboard has style control"),
            LengthError::OnHasNoStyle => write!(f, "the style-on leaderboard has no style control"),
            LengthError::Leaderboard(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LengthError {}

/// One model's length and score (style control off).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LengthPoint {
    pub model: String,
    pub avg_tokens: Option<f64>,
    pub score: f64,
}

/// One line of the slope chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlopeRow {
    pub model: String,
    pub rank_off: u32,
    pub rank_on: u32,
    pub score_off: f64,
    pub score_on: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LengthAnalysis {
    pub style: StyleMode,
    pub points: Vec<LengthPoint>,
    /// Spearman correlation of average tokens and score (style off), over models with tokens.
    pub tokens_score_spearman: Option<f64>,
    /// Models rated both ways, sorted by `rank_off`.
    pub slope: Vec<SlopeRow>,
    pub style_coefficients: BTreeMap<String, f64>,
}

/// Builds the analysis from a style-off and a style-on leaderboard of the same data.
pub fn analyse(off: &Leaderboard, on: &Leaderboard) -> Result<LengthAnalysis, LengthError> {
    if off.style_control != StyleMode::Off {
        return Err(LengthError::OffHasStyle);
    }
    if on.style_control == StyleMode::Off {
        return Err(LengthError::OnHasNoStyle);
    }
    let points: Vec<LengthPoint> = off
        .models
        .iter()
        .map(|r| LengthPoint {
            model: r.model.clone(),
            avg_tokens: r.avg_tokens,
            score: r.score,
        })
        .collect();
    let (t, s): (Vec<f64>, Vec<f64>) = points
        .iter()
        .filter_map(|p| p.avg_tokens.map(|t| (t, p.score)))
        .unzip();
    let on_names: HashMap<&str, ()> = on.models.iter().map(|r| (r.model.as_str(), ())).collect();
    let off_names: HashMap<&str, ()> = off.models.iter().map(|r| (r.model.as_str(), ())).collect();
    let keep = |rows: &[crate::leaderboard::ModelRow], other: &HashMap<&str, ()>| {
        rows.iter()
            .filter(|r| other.contains_key(r.model.as_str()))
            .cloned()
            .collect::<Vec<_>>()
    };
    let rank_on: HashMap<String, (u32, f64)> = ranks_by_score(&keep(&on.models, &off_names))
        .into_iter()
        .map(|(m, r, s)| (m, (r, s)))
        .collect();
    let slope = ranks_by_score(&keep(&off.models, &on_names))
        .into_iter()
        .map(|(model, rank_off, score_off)| {
            let (rank_on, score_on) = rank_on[&model];
            SlopeRow {
                model,
                rank_off,
                rank_on,
                score_off,
                score_on,
            }
        })
        .collect();
    Ok(LengthAnalysis {
        style: on.style_control,
        points,
        tokens_score_spearman: super::rank_corr::spearman(&t, &s).ok(),
        slope,
        style_coefficients: on.style_coefficients.clone(),
    })
}

/// Computes `base` with style control off and with `mode`, and analyses them.
pub fn compute(
    bench: &Bench,
    base: &LeaderboardOptions,
    mode: StyleMode,
) -> Result<LengthAnalysis, LengthError> {
    if mode == StyleMode::Off {
        return Err(LengthError::OnHasNoStyle);
    }
    let mut off = base.clone();
    off.style = StyleMode::Off;
    let mut on = base.clone();
    on.style = mode;
    let a = leaderboard::compute(bench, &off).map_err(LengthError::Leaderboard)?;
    let b = leaderboard::compute(bench, &on).map_err(LengthError::Leaderboard)?;
    analyse(&a, &b)
}
