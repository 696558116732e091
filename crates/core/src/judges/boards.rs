//! The per-judge leaderboards every judge analysis starts from: for each judge, its leaderboard
//! alone (style control off), its separability at 95% and at 80%, and its style-controlled point
//! fit (for the style coefficients and the rank changes with style control on).
//!
//! One judge's leaderboards are exactly what [`leaderboard::compute`] gives with that judge alone
//! (the tests check it), so the judges view and the CLI's `judges` show the leaderboard page's
//! numbers.

use crate::bench::Bench;
use crate::judges::separability::{self, Separability};
use crate::leaderboard::{self, Leaderboard, LeaderboardOptions};
use crate::style::StyleMode;
use std::sync::Arc;

/// Why a leaderboard of some judges cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardError {
    /// The judges, joined with `+`.
    pub judges: String,
    pub error: crate::Error,
}

impl std::fmt::Display for BoardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.judges, self.error)
    }
}

impl std::error::Error for BoardError {}

/// One judge's leaderboards.
#[derive(Clone, Debug, PartialEq)]
pub struct JudgeBoards {
    pub judge: String,
    /// At the options' level, style control off.
    pub lb: Arc<Leaderboard>,
    pub sep95: Separability,
    pub sep80: Separability,
    /// Style control (every feature), point fit only; or why there is none.
    pub style: Result<Leaderboard, BoardError>,
}

/// The leaderboard of `judges` (pooled when several) with `opts` at `level`, `style` and `rounds`.
pub fn board(
    bench: &Bench,
    opts: &LeaderboardOptions,
    judges: &[String],
    level: f64,
    style: StyleMode,
    rounds: u32,
) -> Result<Leaderboard, BoardError> {
    let mut o = opts.clone();
    o.battles.judges = judges.to_vec();
    o.level = level;
    o.style = style;
    o.rounds = rounds;
    leaderboard::compute(bench, &o).map_err(|error| BoardError {
        judges: judges.join("+"),
        error,
    })
}

/// Each of `judges`' leaderboards, in the given order, with `opts` (its judges and style are
/// replaced; its level, rounds, seed, unit and battle options are kept). Fails at the first judge
/// whose leaderboard (style control off) cannot be computed; a failed style fit is kept as its
/// error.
pub fn per_judge(
    bench: &Bench,
    opts: &LeaderboardOptions,
    judges: &[String],
) -> Result<Vec<JudgeBoards>, BoardError> {
    let mut per = Vec::with_capacity(judges.len());
    for j in judges {
        let one = std::slice::from_ref(j);
        let lb = board(bench, opts, one, opts.level, StyleMode::Off, opts.rounds)?;
        // Separability is defined at a level; reuse the leaderboard when its level is that one.
        let at = |level: f64| -> Result<Separability, BoardError> {
            if (level - opts.level).abs() < 1e-12 {
                Ok(separability::of_leaderboard(&lb))
            } else {
                board(bench, opts, one, level, StyleMode::Off, opts.rounds)
                    .map(|l| separability::of_leaderboard(&l))
            }
        };
        per.push(JudgeBoards {
            judge: j.clone(),
            sep95: at(0.95)?,
            sep80: at(0.80)?,
            // Only the coefficients and the point ranks are read, so no bootstrap.
            style: board(bench, opts, one, opts.level, StyleMode::Full, 0),
            lb: Arc::new(lb),
        });
    }
    Ok(per)
}
