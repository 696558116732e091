//! The per-judge leaderboards every judge analysis starts from: for each judge, its leaderboard
//! alone (style control off), its separability at 95% and at 80%, and its style-controlled point
//! fit (for the style coefficients and the rank changes with style control on).
//!
//! One judge's leaderboards are exactly what [`leaderboard::compute`] gives with that judge alone
//! (the tests check it), so the judges view and the CLI's `judges` show the leaderboard page's
//! numbers.
//!
//! The `_paced` functions are the same computations stepping a [`Pacer`] once per bootstrap round,
//! so the compute worker can report progress and give a stale job up between rounds; the plain
//! ones run them unpaced.

use crate::bench::Bench;
use crate::judges::separability::{self, Separability};
use crate::leaderboard::{self, Halt, Leaderboard, LeaderboardOptions};
use crate::pace::{self, Cancelled, Pacer, Unpaced};
use crate::style::StyleMode;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Why a leaderboard of some judges cannot be computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeBoards {
    pub judge: String,
    /// At the options' level, style control off.
    #[serde(with = "shared_board")]
    pub lb: Arc<Leaderboard>,
    pub sep95: Separability,
    pub sep80: Separability,
    /// Style control (every feature), point fit only; or why there is none.
    pub style: Result<Leaderboard, BoardError>,
}

/// The leaderboard behind an `Arc`, written and read as the leaderboard itself (serde's `rc`
/// feature would do the same for every `Arc` of the workspace; one field needs it).
mod shared_board {
    use super::{Arc, Leaderboard};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(lb: &Arc<Leaderboard>, s: S) -> Result<S::Ok, S::Error> {
        lb.as_ref().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<Leaderboard>, D::Error> {
        Leaderboard::deserialize(d).map(Arc::new)
    }
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
    unpaced(board_paced(
        bench,
        opts,
        judges,
        level,
        style,
        rounds,
        &mut Unpaced,
    ))
}

/// The result of a paced computation run unpaced, which nothing cancels.
fn unpaced<T>(fut: impl std::future::Future<Output = Result<T, Paced>>) -> Result<T, BoardError> {
    match pace::block_on(fut) {
        Ok(v) => Ok(v),
        Err(Paced::Failed(e)) => Err(e),
        Err(Paced::Cancelled) => unreachable!("an unpaced computation is never cancelled"),
    }
}

/// Why a paced board computation stopped without a result.
#[derive(Clone, Debug, PartialEq)]
pub enum Paced {
    Failed(BoardError),
    Cancelled,
}

impl From<Cancelled> for Paced {
    fn from(_: Cancelled) -> Paced {
        Paced::Cancelled
    }
}

/// [`board`], stepping `pace` once per bootstrap round.
pub async fn board_paced<P: Pacer>(
    bench: &Bench,
    opts: &LeaderboardOptions,
    judges: &[String],
    level: f64,
    style: StyleMode,
    rounds: u32,
    pace: &mut P,
) -> Result<Leaderboard, Paced> {
    let mut o = opts.clone();
    o.battles.judges = judges.to_vec();
    o.level = level;
    o.style = style;
    o.rounds = rounds;
    match leaderboard::compute_paced(bench, &o, pace).await {
        Ok(lb) => Ok(lb),
        Err(Halt::Cancelled) => Err(Paced::Cancelled),
        Err(Halt::Failed(error)) => Err(Paced::Failed(BoardError {
            judges: judges.join("+"),
            error,
        })),
    }
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
    unpaced(per_judge_paced(bench, opts, judges, &mut Unpaced))
}

/// [`per_judge`], stepping `pace` once per bootstrap round.
pub async fn per_judge_paced<P: Pacer>(
    bench: &Bench,
    opts: &LeaderboardOptions,
    judges: &[String],
    pace: &mut P,
) -> Result<Vec<JudgeBoards>, Paced> {
    let mut per = Vec::with_capacity(judges.len());
    for j in judges {
        let one = std::slice::from_ref(j);
        let lb = board_paced(
            bench,
            opts,
            one,
            opts.level,
            StyleMode::Off,
            opts.rounds,
            pace,
        )
        .await?;
        // Separability is defined at a level; reuse the leaderboard when its level is that one.
        let mut sep = Vec::with_capacity(2);
        for level in [0.95, 0.80] {
            sep.push(if (level - opts.level).abs() < 1e-12 {
                separability::of_leaderboard(&lb)
            } else {
                let l =
                    board_paced(bench, opts, one, level, StyleMode::Off, opts.rounds, pace).await?;
                separability::of_leaderboard(&l)
            });
        }
        let sep80 = sep.pop().expect("two levels");
        let sep95 = sep.pop().expect("two levels");
        // Only the coefficients and the point ranks are read, so no bootstrap.
        let style = match board_paced(bench, opts, one, opts.level, StyleMode::Full, 0, pace).await
        {
            Ok(l) => Ok(l),
            Err(Paced::Failed(e)) => Err(e),
            Err(Paced::Cancelled) => return Err(Paced::Cancelled),
        };
        per.push(JudgeBoards {
            judge: j.clone(),
            sep95,
            sep80,
            style,
            lb: Arc::new(lb),
        });
    }
    Ok(per)
}
