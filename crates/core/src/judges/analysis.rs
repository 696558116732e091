//! The judges view's analysis of one bench: every judge's leaderboards ([`boards`]), the pooled
//! leaderboard of all judges, and each judge's position consistency; plus what derives cheaply
//! from them (the judge-against-judge pair, its agreement, self-preference).
//!
//! Judges are taken in name order, so the first two (the default pair) do not depend on the order
//! of the files.
//!
//! [`boards`]: crate::judges::boards

use crate::bench::Bench;
use crate::dataset::Dataset;
use crate::judges::agreement::{self, Agreement, AgreementError, AgreementOptions};
use crate::judges::boards::{self, BoardError, JudgeBoards, Paced};
use crate::judges::consistency::{self, ConsistencyError, JudgeConsistency};
use crate::judges::family::{self, FamilyTable, SelfPreferenceError, SelfPreferenceRow};
use crate::leaderboard::{Leaderboard, LeaderboardOptions};
use crate::pace::{self, Cancelled, Pacer, Unpaced};
use crate::scope::Scope;
use crate::style::StyleMode;
use serde::{Deserialize, Serialize};

/// Rounds of the rank-correlation bootstraps (over models, so cheap).
pub const CORR_ROUNDS: u32 = 1000;

/// Why a bench cannot be analysed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AnalysisError {
    /// The bench has no judgments.
    NoJudges,
    /// A judge's leaderboard failed.
    Board(BoardError),
}

impl std::fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalysisError::NoJudges => write!(f, "the data has no judges (no judgment files)"),
            AnalysisError::Board(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for AnalysisError {}

/// Everything the judges view shows that is costly to compute. Serde: the compute worker sends it
/// to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub bench_name: String,
    /// Every judge of the bench, by name.
    pub judges: Vec<String>,
    /// The options every leaderboard was computed with (judges empty, style off, no groups).
    pub opts: LeaderboardOptions,
    /// One entry per judge, in `judges` order.
    pub per: Vec<JudgeBoards>,
    /// All judges' battles in one fit; `None` with fewer than two judges.
    pub pooled: Option<Result<Leaderboard, BoardError>>,
    /// Empty when no row has both games.
    pub consistency: Result<Vec<JudgeConsistency>, ConsistencyError>,
}

/// Analyses the bench and judges of `scope` (resolved for [`crate::scope::Purpose::Judges`]: every
/// judge, sorted by name) with `opts`; its judges, style and grouping are ignored.
pub fn analyse(
    ds: &Dataset,
    scope: &Scope,
    opts: &LeaderboardOptions,
) -> Result<Analysis, AnalysisError> {
    let opts = LeaderboardOptions {
        method: scope.method,
        ..opts.clone()
    };
    match pace::block_on(analyse_paced(
        scope.bench(ds),
        &scope.judges,
        &opts,
        &mut Unpaced,
    )) {
        Ok(a) => a,
        Err(Cancelled) => unreachable!("an unpaced computation is never cancelled"),
    }
}

/// [`analyse`] of `judges` (the scope's, sorted by name) on `bench`, with the scope's method
/// already in `opts`, stepping `pace` once per bootstrap round: what the compute worker runs.
/// The outer error: the pacer gave the job up.
pub async fn analyse_paced<P: Pacer>(
    bench: &Bench,
    judges: &[String],
    opts: &LeaderboardOptions,
    pace: &mut P,
) -> Result<Result<Analysis, AnalysisError>, Cancelled> {
    let judges = judges.to_vec();
    if judges.is_empty() {
        return Ok(Err(AnalysisError::NoJudges));
    }
    // The scope decides the method (asked for, else the data's own), and the method the unit and
    // level where it fixes them, so `Analysis::opts` says what the boards were computed with.
    let mut opts = opts.clone().effective();
    opts.battles.judges.clear();
    opts.style = StyleMode::Off;
    opts.group_by = None;
    let per = match boards::per_judge_paced(bench, &opts, &judges, pace).await {
        Ok(per) => per,
        Err(Paced::Cancelled) => return Err(Cancelled),
        Err(Paced::Failed(e)) => return Ok(Err(AnalysisError::Board(e))),
    };
    let pooled = if judges.len() >= 2 {
        let all = boards::board_paced(
            bench,
            &opts,
            &judges,
            opts.level,
            StyleMode::Off,
            opts.rounds,
            pace,
        )
        .await;
        Some(match all {
            Ok(lb) => Ok(lb),
            Err(Paced::Failed(e)) => Err(e),
            Err(Paced::Cancelled) => return Err(Cancelled),
        })
    } else {
        None
    };
    let consistency = match consistency::position_consistency(bench, &judges) {
        Err(ConsistencyError::NoJudgments) => Ok(Vec::new()),
        c => c,
    };
    Ok(Ok(Analysis {
        bench_name: bench.name.clone(),
        judges,
        opts,
        per,
        pooled,
        consistency,
    }))
}

impl Analysis {
    /// One judge's leaderboards.
    pub fn judge(&self, name: &str) -> Option<&JudgeBoards> {
        self.per.iter().find(|p| p.judge == name)
    }

    /// The pair to compare: the judges asked for when they exist, else the first and the second
    /// judge (no second one with a single judge).
    pub fn pair(&self, x: Option<&str>, y: Option<&str>) -> Option<(String, Option<String>)> {
        let pick = |want: Option<&str>, i: usize| {
            want.filter(|w| self.judges.iter().any(|j| j == w))
                .map(str::to_string)
                .or_else(|| self.judges.get(i).cloned())
        };
        Some((pick(x, 0)?, pick(y, 1)))
    }

    /// Rank agreement of judges `x` and `y` at the analysis' level ([`CORR_ROUNDS`] rounds over
    /// models); `None` when either is not a judge here.
    pub fn agreement(&self, x: &str, y: &str) -> Option<Result<Agreement, AgreementError>> {
        let (px, py) = (self.judge(x)?, self.judge(y)?);
        let opts = AgreementOptions {
            ours_level: self.opts.level,
            rounds: CORR_ROUNDS,
            seed: self.opts.seed,
            level: self.opts.level,
        };
        Some(agreement::compare_rows(&px.lb.models, &py.lb.models, &opts))
    }

    /// Self-preference of every judge with the family `table`.
    pub fn self_preference(
        &self,
        table: &FamilyTable,
    ) -> Result<Vec<SelfPreferenceRow>, SelfPreferenceError> {
        let boards: Vec<Leaderboard> = self.per.iter().map(|p| (*p.lb).clone()).collect();
        family::self_preference(&boards, table)
    }
}
