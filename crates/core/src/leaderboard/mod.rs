//! The leaderboard: battles → Bradley-Terry scores → bootstrap intervals → ranks, per bench and group.
//!
//! Scores are win rates (%) against the display baseline. Intervals are percentiles of bootstrap
//! strengths (numpy's linear rule), converted to win rates, as show_result.py does.

pub mod alpaca_eval;
pub mod alpaca_glm;
mod anchor;
pub mod chatbot_arena;
pub mod figure;
mod fits;
mod format_board;
pub mod mt_bench;
pub mod scores_only;
mod v01_frame;
pub mod v20;
pub mod wildbench;

use crate::battle_set::{self, BattleOptions, BattleRow, BattleSet};
use crate::bench::Bench;
use crate::bootstrap::BootstrapUnit;
use crate::bt::{self, Estimate};
use crate::error::Error;
use crate::method::Method;
use crate::pace::{self, Cancelled, Pacer, Unpaced};
use crate::quantile;
use crate::report::{IssueKind, LoadReport};
use crate::style::StyleMode;
use crate::subset::PromptSubset;
use anchor::resolve_anchor;
use fits::{rate_plain, rate_style};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 42;
const LN10: f64 = std::f64::consts::LN_10;

/// How prompts are grouped into sub-leaderboards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Category,
    Subcategory,
    Cluster,
    KoCluster,
}

impl GroupBy {
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s {
            "category" => Some(GroupBy::Category),
            "subcategory" => Some(GroupBy::Subcategory),
            "cluster" => Some(GroupBy::Cluster),
            "ko_cluster" => Some(GroupBy::KoCluster),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Category => "category",
            GroupBy::Subcategory => "subcategory",
            GroupBy::Cluster => "cluster",
            GroupBy::KoCluster => "ko_cluster",
        }
    }
    /// The group a prompt belongs to.
    pub fn of(self, p: &crate::bench::Prompt) -> &str {
        match self {
            GroupBy::Category => &p.category,
            GroupBy::Subcategory => &p.subcategory,
            GroupBy::Cluster => &p.cluster,
            GroupBy::KoCluster => &p.ko_cluster,
        }
    }
}

/// Everything that decides a leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeaderboardOptions {
    pub battles: BattleOptions,
    /// The model shown at 50%; by default the judged baseline.
    pub baseline: Option<String>,
    pub rounds: u32,
    pub seed: u64,
    /// Confidence level of the intervals, in (0, 1).
    pub level: f64,
    pub unit: BootstrapUnit,
    pub style: StyleMode,
    pub group_by: Option<GroupBy>,
    /// The scoring preset. It may fix `unit` and `level` (see [`Method::fixed_unit`]); the fixed
    /// values win, and the result reports what was used.
    ///
    /// With [`Method::ShowResultV01`] show_result.py v0.1 is reproduced quirks included: the
    /// baseline's battles against itself are kept; each bootstrap round is put in the frame
    /// show_result.py's fit lands in (anchored at gpt-4-0314 when the data has it, else at the level
    /// the self rows give the baseline, else mean-centred; see `v01_frame`), and each bound is
    /// converted against the baseline's own bound. `elo_lower` / `elo_upper` are then the raw
    /// percentiles in that frame, as its `--show-elo` prints them. Style control anchors every
    /// round at the real baseline, as show_result.py's style path does.
    #[serde(default)]
    pub method: Method,
    /// Which prompts are scored (default: all). Every method sees only these, bootstrap included
    /// (see [`crate::subset`]).
    #[serde(default, skip_serializing_if = "PromptSubset::is_all")]
    pub subset: PromptSubset,
}

impl Default for LeaderboardOptions {
    fn default() -> Self {
        LeaderboardOptions {
            battles: BattleOptions::default(),
            baseline: None,
            rounds: 100,
            seed: DEFAULT_SEED,
            level: 0.95,
            unit: Method::default().default_unit(),
            style: StyleMode::Off,
            group_by: None,
            method: Method::default(),
            subset: PromptSubset::default(),
        }
    }
}

/// One model's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelRow {
    pub model: String,
    /// Win rate (%) against the baseline.
    pub score: f64,
    pub lower: f64,
    pub upper: f64,
    /// 1 + the number of models whose lower bound is above this model's upper bound.
    pub rank_ub: u32,
    /// Battle rows involving the model (strong verdicts counted `weight` times).
    pub battles: u64,
    /// Mean answer tokens, from the answer files.
    pub avg_tokens: Option<f64>,
    /// `finite`, or `above` / `below` when the model has no losses / no wins (a bound, not a number).
    pub estimate: Estimate,
    /// Elo scale (baseline 1000; 1114 with style control, as the reference); null when unbounded.
    pub elo: Option<f64>,
    pub elo_lower: Option<f64>,
    pub elo_upper: Option<f64>,
    /// Mean of the model's per-round bootstrap win rates (%) against the baseline (each round's
    /// win rate is taken against that round's baseline strength). The Brier score of the
    /// Arena-Hard notebook is built from this and [`ModelRow::bootstrap_var`] (benchmark_statistics
    /// cells 63-68, `results.map(np.mean)`). `None` without bootstrap rounds. It changes no other
    /// number: the bounds stay the percentiles of the same rounds.
    #[serde(default)]
    pub bootstrap_mean: Option<f64>,
    /// Variance of the same per-round win rates, population form (ddof 0, as `np.var`).
    #[serde(default)]
    pub bootstrap_var: Option<f64>,
    /// The method's other figures, printed beside `score` under their own names (chatbot-arena's
    /// `rank_spread`, alpaca-eval's `standard_error`, `discrete_win_rate`, `lc_score`, ...). Empty
    /// for the Arena-Hard methods.
    #[serde(default, flatten, skip_serializing_if = "BTreeMap::is_empty")]
    pub figures: BTreeMap<String, f64>,
}

/// A leaderboard restricted to one group of prompts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupBoard {
    pub group: String,
    pub prompts: usize,
    pub models: Vec<ModelRow>,
    pub unrated: Vec<String>,
    /// The model this group's scores are against, when it is not the leaderboard's (the
    /// arena-hard-v2.0 method has one per category); `None`: the leaderboard's baseline.
    #[serde(default)]
    pub baseline: Option<String>,
}

/// The full result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leaderboard {
    pub bench: String,
    pub baseline: String,
    pub judged_baseline: Option<String>,
    pub judges: Vec<String>,
    pub weight: u32,
    pub first_game_only: bool,
    pub rounds: u32,
    pub seed: u64,
    pub level: f64,
    pub bootstrap_unit: BootstrapUnit,
    /// The method that computed every number here.
    pub method: Method,
    /// The method line: the method, its source and how the intervals were drawn (see
    /// [`Method::line`]), as every page and the CLI print it.
    pub method_line: String,
    pub style_control: StyleMode,
    pub style_coefficients: BTreeMap<String, f64>,
    pub models: Vec<ModelRow>,
    /// Models with no estimate: not connected to the baseline through any battle.
    pub unrated: Vec<String>,
    pub group_by: Option<GroupBy>,
    pub groups: Vec<GroupBoard>,
    pub report: LoadReport,
}

impl Leaderboard {
    /// What `score` means on this board: the method's score label, except that WildBench data with
    /// grades only (no reference to reward against) is scored by WB-Score, not WB-Reward.
    pub fn score_label(&self) -> &'static str {
        if self.method == Method::WildBench && self.baseline.is_empty() {
            "WB-Score"
        } else {
            self.method.score_label()
        }
    }
}

impl LeaderboardOptions {
    /// The options as the method runs them: the unit and level it fixes replace the asked ones.
    pub fn effective(&self) -> LeaderboardOptions {
        LeaderboardOptions {
            unit: self.method.unit(self.unit),
            level: self.method.level(self.level),
            ..self.clone()
        }
    }

    /// The options for a resolved scope: its judges and judged baseline, its display baseline and
    /// its method replace what the options held.
    pub fn scoped(self, scope: &crate::scope::Scope) -> LeaderboardOptions {
        LeaderboardOptions {
            battles: self.battles.scoped(scope),
            baseline: scope.baseline.clone(),
            method: scope.method,
            ..self
        }
    }

    /// Whether show_result.py v0.1's quirks are reproduced.
    fn reference_quirks(&self) -> bool {
        self.method == Method::ShowResultV01
    }
}

/// Computes the leaderboard of one bench by the options' method.
pub fn compute(bench: &Bench, opts: &LeaderboardOptions) -> Result<Leaderboard, Error> {
    match pace::block_on(compute_paced(bench, opts, &mut Unpaced)) {
        Ok(lb) => Ok(lb),
        Err(Halt::Failed(e)) => Err(e),
        Err(Halt::Cancelled) => unreachable!("an unpaced computation is never cancelled"),
    }
}

/// Why [`compute_paced`] stopped without a leaderboard.
#[derive(Clone, Debug, PartialEq)]
pub enum Halt {
    /// The data or the options allow no leaderboard.
    Failed(Error),
    /// The pacer abandoned the job (a newer request replaced it).
    Cancelled,
}

impl From<Error> for Halt {
    fn from(e: Error) -> Halt {
        Halt::Failed(e)
    }
}

impl From<Cancelled> for Halt {
    fn from(_: Cancelled) -> Halt {
        Halt::Cancelled
    }
}

/// [`compute`], telling `pace` about every bootstrap round so that a host that must stay
/// responsive (the site's compute worker) can yield between rounds and abandon a stale job. The
/// Arena-Hard methods (arena-lens, show-result-v0.1) are paced, with or without style control; the
/// other methods run in one piece.
pub async fn compute_paced<P: Pacer>(
    bench: &Bench,
    opts: &LeaderboardOptions,
    pace: &mut P,
) -> Result<Leaderboard, Halt> {
    if !opts.subset.is_all() {
        // Narrow the bench first, so every method below (and its bootstrap) sees only the subset.
        let subset_error = |e: crate::subset::SubsetError| Error::InvalidOption(e.to_string());
        let sel = opts.subset.select(bench).map_err(subset_error)?;
        let narrowed = crate::subset::restrict(bench, &sel).map_err(subset_error)?;
        let all = LeaderboardOptions {
            subset: PromptSubset::default(),
            ..opts.clone()
        };
        return Box::pin(compute_paced(&narrowed, &all, pace)).await;
    }
    let opts = &opts.effective();
    match opts.method {
        Method::ArenaHardV20 => return Ok(v20::compute(bench, opts)?),
        Method::ArenaLens | Method::ShowResultV01 => {}
        Method::ChatbotArena | Method::ArenaRank => {
            return Ok(chatbot_arena::compute(bench, opts)?)
        }
        Method::AlpacaEval => return Ok(alpaca_eval::compute(bench, opts)?),
        Method::WildBench => return Ok(wildbench::compute(bench, opts)?),
        Method::MtBench => return Ok(mt_bench::compute(bench, opts)?),
    }
    if !(opts.level > 0.0 && opts.level < 1.0) {
        return Err(Error::InvalidOption(format!(
            "the confidence level must be between 0 and 1 (exclusive), got {}",
            opts.level
        ))
        .into());
    }
    let mut battle_opts = opts.battles.clone();
    // show_result.py::get_battles_from_row never filters `row["model"] == baseline`.
    battle_opts.keep_self_battles |= opts.reference_quirks();
    let set = battle_set::build(bench, &battle_opts, opts.baseline.as_deref())?;
    let anchor = resolve_anchor(&set, opts.baseline.as_deref())?;
    let mut report = bench.report.clone();
    report.merge(&set.report);
    let all: Vec<usize> = (0..set.rows.len()).collect();
    // The groups are known before any fit, so the pacer hears the whole job's rounds up front.
    let mut by_group: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    if let Some(g) = opts.group_by {
        for (i, r) in set.rows.iter().enumerate() {
            by_group
                .entry(g.of(&bench.prompts[r.prompt as usize]))
                .or_default()
                .push(i);
        }
    }
    pace.expect(u64::from(opts.rounds) * (1 + by_group.len() as u64));
    let (main, coefs, style_skipped) = rate(bench, &set, &all, anchor, opts, pace).await??;
    if style_skipped > 0 {
        report.push(
            IssueKind::NoStyleFeatures,
            &bench.name,
            0,
            "conv_metadata",
            format!("{style_skipped} battle rows have no style metadata for one side"),
        );
        // The count is of rows, not one issue.
        *report
            .counts
            .get_mut(&IssueKind::NoStyleFeatures)
            .expect("just pushed") = style_skipped;
    }
    let mut groups = Vec::new();
    for (name, rows) in by_group {
        let prompts = {
            let mut p: Vec<u32> = rows.iter().map(|&i| set.rows[i].prompt).collect();
            p.sort_unstable();
            p.dedup();
            p.len()
        };
        if let Ok((board, _, _)) = rate(bench, &set, &rows, anchor, opts, pace).await? {
            groups.push(GroupBoard {
                group: if name.is_empty() {
                    "(none)".into()
                } else {
                    name.to_string()
                },
                prompts,
                models: board.0,
                unrated: board.1,
                baseline: None,
            });
        }
    }

    Ok(Leaderboard {
        bench: bench.name.clone(),
        baseline: set.name(anchor).to_string(),
        judged_baseline: set.judged_baseline.map(|b| set.name(b).to_string()),
        judges: set.judges.clone(),
        weight: opts.battles.weight,
        first_game_only: opts.battles.first_game_only,
        rounds: opts.rounds,
        seed: opts.seed,
        level: opts.level,
        bootstrap_unit: opts.unit,
        method: opts.method,
        method_line: opts.method.line(
            crate::purpose::Purpose::Leaderboard,
            &crate::bootstrap::BootstrapSpec::new(opts.rounds, opts.seed, opts.level, opts.unit)
                .map_err(|e| Halt::Failed(Error::InvalidOption(e.to_string())))?,
            opts.style != StyleMode::Off,
        ),
        style_control: opts.style,
        style_coefficients: coefs,
        models: main.0,
        unrated: main.1,
        group_by: opts.group_by,
        groups,
        report,
    })
}

type Rated = ((Vec<ModelRow>, Vec<String>), BTreeMap<String, f64>, usize);

/// Rates the models on a subset of battle rows, one pacer step per bootstrap round.
async fn rate<P: Pacer>(
    bench: &Bench,
    set: &BattleSet,
    rows: &[usize],
    anchor: u32,
    opts: &LeaderboardOptions,
    pace: &mut P,
) -> Result<Result<Rated, Error>, Cancelled> {
    // Dense local ids for the models in these rows.
    let mut local: HashMap<u32, u32> = HashMap::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut id_of = |m: u32, ids: &mut Vec<u32>| -> u32 {
        *local.entry(m).or_insert_with(|| {
            ids.push(m);
            ids.len() as u32 - 1
        })
    };
    let mut used: Vec<(usize, BattleRow)> = Vec::with_capacity(rows.len());
    let mut style_skipped = 0usize;
    for &i in rows {
        let r = set.rows[i];
        if opts.style != StyleMode::Off && set.style[i].is_none() {
            style_skipped += r.copies as usize;
            continue;
        }
        let a = id_of(r.a, &mut ids);
        let b = id_of(r.b, &mut ids);
        used.push((i, BattleRow { a, b, ..r }));
    }
    if used.is_empty() {
        return Ok(Err(if opts.style != StyleMode::Off {
            Error::NoStyleData
        } else {
            Error::NoBattles
        }));
    }
    let Some(&anchor_local) = local.get(&anchor) else {
        return Ok(Err(Error::NoBattles));
    };
    let n = ids.len();
    let (point, samples, coefs, own) = if opts.style == StyleMode::Off {
        rate_plain(&used, n, anchor_local, opts, pace).await?
    } else {
        let (p, s, c) = rate_style(set, &used, n, anchor_local, opts, pace).await?;
        (p, s, c, Vec::new())
    };
    let mut battles = vec![0u64; n];
    for (_, r) in &used {
        battles[r.a as usize] += r.copies as u64;
        if r.b != r.a {
            battles[r.b as usize] += r.copies as u64;
        }
    }
    let elo_base = if opts.style == StyleMode::Off {
        1000.0
    } else {
        1114.0
    };
    let to_elo = |beta: f64| beta.is_finite().then(|| 400.0 / LN10 * beta + elo_base);
    let win = |beta: f64| 100.0 * bt::sigmoid(beta);
    // The compat preset's frames apply to the default path only: show_result.py's style paths pass
    // the baseline on (`utils_math.py::get_bootstrap_result_style_control`).
    let quirk = opts.reference_quirks() && opts.style == StyleMode::Off;
    let mut samples = samples;
    let mut anchor_bounds = (0.0, 0.0);
    if quirk && opts.rounds > 0 {
        let gpt4 = set
            .id(crate::scope::REFERENCE_DEFAULT_BASELINE)
            .and_then(|g| local.get(&g))
            .map(|&g| g as usize);
        for (round, &tally) in samples.iter_mut().zip(&own) {
            let shift = v01_frame::level(round, anchor_local as usize, gpt4, tally);
            round.iter_mut().for_each(|b| *b += shift);
        }
        let mut s: Vec<f64> = samples.iter().map(|r| r[anchor_local as usize]).collect();
        anchor_bounds = quantile::interval(&mut s, opts.level).unwrap_or((0.0, 0.0));
    }
    let mut out = Vec::new();
    let mut unrated = Vec::new();
    for m in 0..n {
        let name = set.name(ids[m]).to_string();
        if point.status[m] == Estimate::Unrated {
            unrated.push(name);
            continue;
        }
        let beta = point.beta[m];
        let (bootstrap_mean, bootstrap_var) = round_moments(&samples, m, anchor_local as usize);
        // `raw`: percentiles in the rounds' frame; `(lo, hi)`: against the baseline's same percentile.
        let (raw, (lo, hi)) = if opts.rounds == 0 {
            ((beta, beta), (beta, beta))
        } else {
            let mut s: Vec<f64> = samples.iter().map(|r| r[m]).collect();
            let raw = quantile::interval(&mut s, opts.level).unwrap_or((beta, beta));
            (raw, (raw.0 - anchor_bounds.0, raw.1 - anchor_bounds.1))
        };
        let (elo_lo, elo_hi) = if quirk { raw } else { (lo, hi) };
        out.push(ModelRow {
            model: name,
            score: win(beta),
            lower: win(lo),
            upper: win(hi),
            rank_ub: 0,
            battles: battles[m],
            avg_tokens: avg_tokens(bench, ids[m]),
            estimate: point.status[m],
            elo: to_elo(beta),
            elo_lower: to_elo(elo_lo),
            elo_upper: to_elo(elo_hi),
            bootstrap_mean,
            bootstrap_var,
            figures: BTreeMap::new(),
        });
    }
    for i in 0..out.len() {
        let above = out.iter().filter(|o| o.lower > out[i].upper).count();
        out[i].rank_ub = 1 + above as u32;
    }
    out.sort_by(|x, y| {
        y.score
            .partial_cmp(&x.score)
            .expect("scores are not NaN")
            .then_with(|| x.model.cmp(&y.model))
    });
    unrated.sort();
    Ok(Ok(((out, unrated), coefs, style_skipped)))
}

/// Mean and population variance (ddof 0) of model `m`'s per-round win rates (%) against the
/// anchor, `100 σ(β_m − β_anchor)` in each round; `None` without rounds or when a round's rate is
/// not a number (an anchor without a finite strength).
fn round_moments(samples: &[Vec<f64>], m: usize, anchor: usize) -> (Option<f64>, Option<f64>) {
    let rates: Vec<f64> = samples
        .iter()
        .map(|r| 100.0 * bt::sigmoid(r[m] - r[anchor]))
        .collect();
    if rates.is_empty() || rates.iter().any(|x| !x.is_finite()) {
        return (None, None);
    }
    let n = rates.len() as f64;
    let mean = rates.iter().sum::<f64>() / n;
    let var = rates.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    (Some(mean), Some(var))
}

/// Mean answer tokens of a model's answer file (the reference averages over the file's answers).
fn avg_tokens(bench: &Bench, model: u32) -> Option<f64> {
    let (sum, count) = bench
        .answers
        .iter()
        .filter(|a| a.model == model)
        .filter_map(|a| a.tokens)
        .fold((0.0, 0usize), |(s, c), t| (s + t, c + 1));
    (count > 0).then(|| sum / count as f64)
}
