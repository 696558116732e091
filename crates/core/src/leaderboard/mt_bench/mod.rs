//! The `mt-bench` method: what FastChat llm_judge's `show_result.py` prints (lm-sys/FastChat,
//! `fastchat/llm_judge/show_result.py`, as released in fschat 0.2.36), plus a Bradley-Terry fit.
//!
//! - Pairwise (`display_result_pairwise`): rows with an `error` winner in either game are dropped;
//!   a row whose game 1 is a tie, or whose two games name different winners, is a tie for both
//!   models; otherwise the named model wins. Per model: `win`, `loss`, `tie`, `win_rate` =
//!   win / total, `loss_rate` = loss / total, `win_rate_adjusted` = (win + ½ tie) / total, where
//!   total counts rows. In pairwise-all mode (`--mode pairwise-all`) every row counts; in
//!   pairwise-baseline mode (`--baseline-model M`) only rows with M on either side count, and M
//!   itself is left out of the table. Turn-1 and turn-2 rows are pooled, as the tool pools them.
//! - Single (`display_result_single`): the mean `score` per model over grades that are not `-1`,
//!   per turn (`turn == 1`, `turn == 2`) and overall.
//!
//! What the board holds: `score` = 100 · `win_rate_adjusted`; figures `win_rate`, `loss_rate` (in
//! %, the tool prints fractions), `wins`, `losses`, `ties`, `error_rows` (the model's rows dropped
//! for an `error` or unreadable game), `single_mean`, `single_turn_1`, `single_turn_2` (when grades
//! are loaded) and `bt_score` (see [`pairs`]). The tool prints no interval, so `lower` = `upper` =
//! `score` and `rounds` is 0. With grades but no pairwise rows, `score` is the single-grade mean.
//! Where we differ from the tool on purpose: a winner label other than `model_1`, `model_2`, `tie`
//! and `error` drops the row here (the tool would count it as a win of `model_2` or a tie).

mod pairs;
mod tally;

use super::{GroupBoard, Leaderboard, LeaderboardOptions, ModelRow};
use crate::bench::Bench;
use crate::bootstrap::BootstrapSpec;
use crate::bt::Estimate;
use crate::error::Error;
use crate::purpose::Purpose;
use crate::style::StyleMode;
use std::collections::{BTreeMap, BTreeSet};
pub use tally::{pairwise, single, Record, SingleMeans, Tally};

/// Computes the mt-bench leaderboard of one bench (pairwise-all mode, or pairwise-baseline mode
/// when `opts.baseline` names a model).
pub fn compute(bench: &Bench, opts: &LeaderboardOptions) -> Result<Leaderboard, Error> {
    if opts.style != StyleMode::Off {
        return Err(Error::InvalidOption(
            "the mt-bench method has no style control (show_result.py counts verdicts)".into(),
        ));
    }
    if opts.battles.first_game_only || opts.battles.drop_inconsistent {
        return Err(Error::InvalidOption(
            "the mt-bench method reads both games of every row, a disagreement counting as a tie, as show_result.py does".into(),
        ));
    }
    if bench.judgments.is_empty() && bench.grades.is_empty() {
        return Err(Error::NoData);
    }
    let judges = chosen_judges(bench, &opts.battles.judges)?;
    let baseline = match &opts.baseline {
        Some(name) => Some(bench.models.get(name).ok_or_else(|| {
            Error::InvalidOption(format!(
                "--baseline {name}: no MT-Bench row names this model (models: {})",
                bench.model_names().join(", ")
            ))
        })?),
        None => None,
    };
    let all: BTreeSet<u32> = (0..bench.prompts.len() as u32).collect();
    let (models, unrated) = board(bench, &judges, baseline, &all);
    if models.is_empty() {
        return Err(Error::NoBattles);
    }
    let mut groups = Vec::new();
    if let Some(g) = opts.group_by {
        let mut by_group: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
        for (i, p) in bench.prompts.iter().enumerate() {
            by_group.entry(g.of(p)).or_default().insert(i as u32);
        }
        for (name, prompts) in by_group {
            let (rows, unrated) = board(bench, &judges, baseline, &prompts);
            if rows.is_empty() {
                continue;
            }
            groups.push(GroupBoard {
                group: if name.is_empty() {
                    "(none)".into()
                } else {
                    name.to_string()
                },
                prompts: prompts.len(),
                models: rows,
                unrated,
                baseline: None,
            });
        }
    }
    let spec = BootstrapSpec::new(0, opts.seed, opts.level, opts.unit)
        .map_err(|e| Error::InvalidOption(e.to_string()))?;
    let mode = match baseline {
        Some(b) => format!(
            " Pairwise-baseline mode against {} (left out of the table).",
            bench.models.name(b)
        ),
        None => " Pairwise-all mode.".to_string(),
    };
    Ok(Leaderboard {
        bench: bench.name.clone(),
        baseline: baseline
            .map(|b| bench.models.name(b).to_string())
            .unwrap_or_default(),
        judged_baseline: None,
        judges: judges
            .iter()
            .map(|&j| bench.judges.name(j).to_string())
            .collect(),
        weight: 1,
        first_game_only: false,
        rounds: 0,
        seed: opts.seed,
        level: opts.level,
        bootstrap_unit: opts.unit,
        method: opts.method,
        method_line: opts.method.line(Purpose::Leaderboard, &spec, false) + &mode,
        style_control: StyleMode::Off,
        style_coefficients: BTreeMap::new(),
        models,
        unrated,
        group_by: opts.group_by,
        groups,
        report: bench.report.clone(),
    })
}

/// The judges in use: the named ones, or every judge of the bench.
fn chosen_judges(bench: &Bench, names: &[String]) -> Result<BTreeSet<u32>, Error> {
    if names.is_empty() {
        return Ok((0..bench.judges.len() as u32).collect());
    }
    names
        .iter()
        .map(|n| {
            bench.judges.get(n).ok_or_else(|| Error::UnknownJudge {
                name: n.clone(),
                found: bench.judge_names().to_vec(),
            })
        })
        .collect()
}

/// One board over the rows and grades of `prompts`: its model rows, sorted by score (then name),
/// and the models it could not score.
fn board(
    bench: &Bench,
    judges: &BTreeSet<u32>,
    baseline: Option<u32>,
    prompts: &BTreeSet<u32>,
) -> (Vec<ModelRow>, Vec<String>) {
    let tally = pairwise(bench, judges, baseline, prompts);
    let bt = pairs::bt_scores(&tally, baseline);
    let records = tally.records;
    let means = single(bench, judges, prompts);
    let scored_by_pairs = records.values().any(|r| r.total() > 0);
    let mut names: BTreeSet<u32> = records.keys().copied().collect();
    names.extend(means.keys().copied());
    if let Some(b) = baseline {
        names.remove(&b);
    }
    let mut rows = Vec::new();
    let mut unrated = Vec::new();
    for m in names {
        let name = bench.models.name(m).to_string();
        let rec = records.get(&m).copied().unwrap_or_default();
        let mean = means.get(&m);
        let score = if scored_by_pairs {
            rec.adjusted()
        } else {
            mean.and_then(|s| s.overall())
        };
        let Some(score) = score else {
            unrated.push(name);
            continue;
        };
        let mut figures = BTreeMap::new();
        if rec.total() > 0 || rec.errors > 0 {
            figures.insert("wins".into(), rec.win as f64);
            figures.insert("losses".into(), rec.loss as f64);
            figures.insert("ties".into(), rec.tie as f64);
            figures.insert("error_rows".into(), rec.errors as f64);
        }
        if let (Some(w), Some(l)) = (rec.win_rate(), rec.loss_rate()) {
            figures.insert("win_rate".into(), w);
            figures.insert("loss_rate".into(), l);
        }
        if let Some(s) = mean {
            let named = [
                ("single_mean", s.overall()),
                ("single_turn_1", s.turn(1)),
                ("single_turn_2", s.turn(2)),
            ];
            for (k, v) in named {
                if let Some(v) = v {
                    figures.insert(k.into(), v);
                }
            }
        }
        if let Some(&b) = bt.get(&m) {
            figures.insert("bt_score".into(), b);
        }
        rows.push(ModelRow {
            model: name,
            score,
            lower: score,
            upper: score,
            rank_ub: 0,
            battles: if scored_by_pairs {
                rec.total()
            } else {
                mean.map_or(0, |s| s.count())
            },
            avg_tokens: None,
            estimate: Estimate::Finite,
            elo: None,
            elo_lower: None,
            elo_upper: None,
            bootstrap_mean: None,
            bootstrap_var: None,
            figures,
        });
    }
    rows.sort_by(|x, y| {
        y.score
            .partial_cmp(&x.score)
            .expect("scores are not NaN")
            .then_with(|| x.model.cmp(&y.model))
    });
    // No intervals: a model is outranked by every model with a strictly higher score.
    for i in 0..rows.len() {
        let above = rows.iter().filter(|o| o.lower > rows[i].upper).count();
        rows[i].rank_ub = 1 + above as u32;
    }
    unrated.sort();
    (rows, unrated)
}
