//! The `arena-hard-v2.0` method: what lmarena/arena-hard-auto's v2.0 `show_result.py` prints
//! (@ 196f6b8; our reading with line references is docs/anchors.md section 2).
//!
//! No Bradley-Terry fit: a model's score is its mean score per row (win 1, tie 0.5, loss 0, from
//! its side) against the category's baseline, bootstrapped per model (`resample`). Each `category`
//! is its own board against its own baseline (`baselines`, from `utils/judge_utils.py::
//! JUDGE_SETTINGS`), with the baseline appended at 50 as `format_confidence_interval` does. Judges
//! are pooled as rows (`load_judgments` concatenates the judge folders). What differs from the tool
//! on purpose: the stream is a seeded ChaCha8 (upstream is unseeded), the round count is a choice
//! (upstream: 100), rows the tool would stop on are reported and left out instead, and the style
//! path (`style`) is fitted to convergence where upstream stops after 50 LBFGS iterations.

pub mod baselines;
mod resample;
pub mod rows;
pub mod style;

pub use resample::{round_means, Summary, LOWER_Q, UPPER_Q};

use super::{GroupBoard, GroupBy, Leaderboard, LeaderboardOptions, ModelRow};
use crate::bench::Bench;
use crate::bootstrap::{BootstrapSpec, BootstrapUnit};
use crate::bt::Estimate;
use crate::error::Error;
use crate::method::Method;
use crate::purpose::Purpose;
use crate::report::IssueKind;
use crate::style::StyleMode;
use rows::{strip, CategoryRows};
use std::collections::{BTreeMap, BTreeSet};

/// The confidence level of the tool's 5% / 95% interval.
pub const LEVEL: f64 = UPPER_Q - LOWER_Q;

/// Computes the arena-hard-v2.0 leaderboard of one bench: one group per category, `models` the
/// hard_prompt board (the tool's default `-c hard_prompt`) or the first category's.
///
/// Style control is the tool's `-f markdown length` path (`style`), `StyleMode::Full` only.
/// Options the tool has no counterpart for are refused (`first_game_only`, `drop_inconsistent`,
/// length or markdown control alone, a display baseline); `level` and `unit` do not apply (the
/// interval is always 5% / 95%, the bootstrap per model) and are ignored. `battles.weight` is the strong-verdict repeat
/// (the tool's is fixed at 3, our default).
pub fn compute(bench: &Bench, opts: &LeaderboardOptions) -> Result<Leaderboard, Error> {
    if matches!(opts.style, StyleMode::Length | StyleMode::Markdown) {
        // Upstream's `-f length` / `-f markdown` alone slice the wrong columns
        // (`print_leaderboard_with_style_features`); only both together are sound.
        return Err(Error::InvalidOption(
            "the arena-hard-v2.0 method controls for length and markdown together only".into(),
        ));
    }
    if opts.battles.first_game_only || opts.battles.drop_inconsistent {
        return Err(Error::InvalidOption(
            "the arena-hard-v2.0 method always reads both games of every row".into(),
        ));
    }
    if let Some(b) = &opts.baseline {
        // Each category has the tool's own baseline; showing another would not be the tool's number.
        return Err(Error::InvalidOption(format!(
            "the arena-hard-v2.0 method shows each category against its own baseline (hard_prompt: o3-mini-2025-01-31, creative_writing: gemini-2.0-flash-001), so “{b}” cannot be the baseline; pick the arena-lens method to choose one"
        )));
    }
    if bench.judgments.is_empty() {
        return Err(if bench.file_battles.is_empty() {
            Error::NoData
        } else {
            Error::InvalidOption(
                "the arena-hard-v2.0 method reads judgment files; this bench has battles only"
                    .into(),
            )
        });
    }
    let judges = chosen_judges(bench, &opts.battles.judges)?;
    let mut report = bench.report.clone();
    let by_category = rows::collect(
        bench,
        &judges,
        opts.battles.weight,
        baselines::of,
        &mut report,
    );
    let mut groups = Vec::new();
    let mut coefficients = BTreeMap::new();
    for (category, rows) in &by_category {
        let Some(baseline) = baseline_for(category, rows, bench) else {
            report.push(
                IssueKind::MissingField,
                &bench.name,
                0,
                "baseline",
                format!(
                    "category {category:?} is not in arena-hard-v2.0's baseline table and its rows name no baseline; left out"
                ),
            );
            continue;
        };
        if rows.models.is_empty() {
            continue;
        }
        let (board, coefs) = match board(bench, category, rows, &baseline, opts, &mut report) {
            Ok(b) => b,
            // A category without style metadata is left out (reported); none at all is an error.
            Err(Error::NoStyleData) => continue,
            Err(e) => return Err(e),
        };
        if category == baselines::DEFAULT_CATEGORY || groups.is_empty() {
            coefficients = coefs;
        }
        groups.push(board);
    }
    let main = groups
        .iter()
        .find(|g| g.group == baselines::DEFAULT_CATEGORY)
        .or(groups.first())
        .cloned()
        .ok_or(if opts.style == StyleMode::Off {
            Error::NoBattles
        } else {
            Error::NoStyleData
        })?;
    let baseline = main
        .baseline
        .clone()
        .expect("every board names its baseline");
    Ok(Leaderboard {
        bench: bench.name.clone(),
        baseline: baseline.clone(),
        judged_baseline: Some(baseline),
        judges: judges
            .iter()
            .map(|&j| bench.judges.name(j).to_string())
            .collect(),
        weight: opts.battles.weight,
        first_game_only: false,
        rounds: opts.rounds,
        seed: opts.seed,
        // 0.95 − 0.05 is not exactly 0.9 in floating point; report the method's level.
        level: Method::ArenaHardV20.level(LEVEL),
        bootstrap_unit: BootstrapUnit::Row,
        method: Method::ArenaHardV20,
        method_line: Method::ArenaHardV20.line(
            Purpose::Leaderboard,
            &BootstrapSpec::new(
                opts.rounds,
                opts.seed,
                Method::ArenaHardV20.level(LEVEL),
                BootstrapUnit::Row,
            )
            .map_err(|e| Error::InvalidOption(e.to_string()))?,
            opts.style != StyleMode::Off,
        ),
        style_control: opts.style,
        style_coefficients: coefficients,
        models: main.models,
        unrated: Vec::new(),
        group_by: Some(GroupBy::Category),
        groups,
        report,
    })
}

/// The judges to pool: the named ones, or all when none is named.
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

/// The table's baseline; for a category it lacks, the baseline its rows name most often (then
/// the manifest's).
fn baseline_for(category: &str, rows: &CategoryRows, bench: &Bench) -> Option<String> {
    if let Some(b) = baselines::of(category) {
        return Some(b.to_string());
    }
    rows.named_baselines
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(name, _)| name.clone())
        .or_else(|| {
            bench
                .manifest_baseline
                .as_deref()
                .map(|b| strip(b).to_string())
        })
}

/// One category's board (a row per model, the baseline's appended at 50, ranked) and, with style
/// control, its median style coefficients.
fn board(
    bench: &Bench,
    category: &str,
    rows: &CategoryRows,
    baseline: &str,
    opts: &LeaderboardOptions,
    report: &mut crate::report::LoadReport,
) -> Result<(GroupBoard, BTreeMap<String, f64>), Error> {
    let names: Vec<&String> = rows.models.keys().collect();
    let mut coefs = BTreeMap::new();
    let mut used: Vec<u64> = rows
        .models
        .values()
        .map(|m| m.scores.len() as u64)
        .collect();
    let summaries = if opts.style == StyleMode::Off {
        let scores: Vec<&[f64]> = rows.models.values().map(|m| m.scores.as_slice()).collect();
        resample::summarise(&scores, opts.rounds, opts.seed)
    } else {
        let d = style::design(bench, rows, baseline);
        if d.skipped > 0 {
            report.push(
                IssueKind::NoStyleFeatures,
                &bench.name,
                0,
                "metadata",
                format!(
                    "{category}: {} score rows have no style metadata for one side",
                    d.skipped
                ),
            );
        }
        if d.y.is_empty() {
            return Err(Error::NoStyleData);
        }
        used.iter_mut().for_each(|u| *u = 0);
        d.model.iter().for_each(|&m| used[m as usize] += 1);
        let (s, beta) = style::rate(&d, opts.rounds, opts.seed);
        for (name, b) in style::FEATURES.iter().zip(beta) {
            coefs.insert(name.to_string(), b);
        }
        s
    };
    let mut models: Vec<ModelRow> = names
        .iter()
        .zip(&used)
        .zip(summaries)
        .map(|((name, &n), s)| ModelRow {
            model: (*name).clone(),
            score: s.score,
            lower: s.lower,
            upper: s.upper,
            rank_ub: 0,
            battles: n,
            avg_tokens: mean_tokens(bench, rows.models[name.as_str()].ids.iter().copied()),
            estimate: Estimate::Finite,
            elo: None,
            elo_lower: None,
            elo_upper: None,
            bootstrap_mean: s.moments.map(|x| x.0),
            bootstrap_var: s.moments.map(|x| x.1),
            figures: BTreeMap::new(),
        })
        .collect();
    let with_rounds = opts.rounds > 0;
    models.push(ModelRow {
        model: baseline.to_string(),
        score: 50.0,
        lower: 50.0,
        upper: 50.0,
        rank_ub: 0,
        battles: 0,
        avg_tokens: mean_tokens(bench, bench.models.get(baseline)),
        estimate: Estimate::Finite,
        elo: None,
        elo_lower: None,
        elo_upper: None,
        bootstrap_mean: with_rounds.then_some(50.0),
        bootstrap_var: with_rounds.then_some(0.0),
        figures: BTreeMap::new(),
    });
    for i in 0..models.len() {
        let above = models.iter().filter(|o| o.lower > models[i].upper).count();
        models[i].rank_ub = 1 + above as u32;
    }
    models.sort_by(|x, y| {
        y.score
            .partial_cmp(&x.score)
            .expect("scores are not NaN")
            .then_with(|| x.model.cmp(&y.model))
    });
    let board = GroupBoard {
        group: category.to_string(),
        prompts: rows.prompts.len(),
        models,
        unrated: Vec::new(),
        baseline: Some(baseline.to_string()),
    };
    Ok((board, coefs))
}

/// Mean answer tokens over the answers of these model ids (merged names pool their answers).
fn mean_tokens(bench: &Bench, ids: impl IntoIterator<Item = u32>) -> Option<f64> {
    let ids: BTreeSet<u32> = ids.into_iter().collect();
    let (sum, count) = bench
        .answers
        .iter()
        .filter(|a| ids.contains(&a.model))
        .filter_map(|a| a.tokens)
        .fold((0.0, 0usize), |(s, c), t| (s + t, c + 1));
    (count > 0).then(|| sum / count as f64)
}
