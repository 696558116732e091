//! The [`Leaderboard`] shell shared by the format methods that have no Bradley-Terry fit
//! (alpaca-eval, wildbench) and by scores-only tables: their rows come ready, this fills the rest
//! (ranks, the method line, the options as run) the way every page and the CLI read it.

use super::{Leaderboard, LeaderboardOptions, ModelRow};
use crate::bench::Bench;
use crate::bootstrap::BootstrapSpec;
use crate::bt::Estimate;
use crate::error::Error;
use crate::purpose::Purpose;
use crate::style::StyleMode;
use std::collections::BTreeMap;

/// A model's row with `score` and its bounds; the rest filled as "not applicable".
pub(crate) fn row(model: &str, score: f64, lower: f64, upper: f64, battles: u64) -> ModelRow {
    ModelRow {
        model: model.to_string(),
        score,
        lower,
        upper,
        rank_ub: 0,
        battles,
        avg_tokens: None,
        estimate: Estimate::Finite,
        elo: None,
        elo_lower: None,
        elo_upper: None,
        bootstrap_mean: None,
        bootstrap_var: None,
        figures: BTreeMap::new(),
    }
}

/// Sorts rows by score (highest first, then name) and sets `rank_ub`: 1 + the number of models
/// whose lower bound is above this model's upper bound.
pub(crate) fn rank(rows: &mut [ModelRow]) {
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.model.cmp(&b.model))
    });
    let lowers: Vec<f64> = rows.iter().map(|r| r.lower).collect();
    for r in rows.iter_mut() {
        r.rank_ub = 1 + lowers.iter().filter(|&&l| l > r.upper).count() as u32;
    }
}

/// The leaderboard around ready rows. `tail` is added to the method line (what this data left
/// out, for instance).
pub(crate) fn board(
    bench: &Bench,
    opts: &LeaderboardOptions,
    baseline: &str,
    judges: Vec<String>,
    mut rows: Vec<ModelRow>,
    tail: &str,
) -> Result<Leaderboard, Error> {
    rank(&mut rows);
    // The spec is validated as for every method, so a bad level is refused the same way.
    let spec = BootstrapSpec::new(opts.rounds, opts.seed, opts.level, opts.unit)
        .map_err(|e| Error::InvalidOption(e.to_string()))?;
    Ok(Leaderboard {
        bench: bench.name.clone(),
        baseline: baseline.to_string(),
        judged_baseline: Some(baseline.to_string()).filter(|b| !b.is_empty()),
        judges,
        weight: opts.battles.weight,
        first_game_only: false,
        rounds: opts.rounds,
        seed: opts.seed,
        level: opts.level,
        bootstrap_unit: opts.unit,
        method: opts.method,
        method_line: format!(
            "{}{tail}",
            opts.method.line(Purpose::Leaderboard, &spec, false)
        ),
        style_control: StyleMode::Off,
        style_coefficients: BTreeMap::new(),
        models: rows,
        unrated: Vec::new(),
        group_by: None,
        groups: Vec::new(),
        report: bench.report.clone(),
    })
}
