//! A published scores table shown as a leaderboard: its scores and bounds as printed, no verdicts
//! and no computation beyond the ranks (`rank_ub` from the printed bounds, when there are any).

use super::format_board::{rank, row};
use super::{Leaderboard, LeaderboardOptions};
use crate::dataset::Dataset;
use crate::diff::scores::ScoresRun;
use crate::report::LoadReport;
use crate::style::StyleMode;
use std::collections::BTreeMap;

/// [`super::ModelRow`]'s own field names.
const RESERVED: [&str; 13] = [
    "model",
    "score",
    "lower",
    "upper",
    "rank_ub",
    "battles",
    "avg_tokens",
    "estimate",
    "elo",
    "elo_lower",
    "elo_upper",
    "bootstrap_mean",
    "bootstrap_var",
];

/// A data set with no verdicts but a published scores table is shown as that table
/// (`None`: the data has verdicts, or no table). One rule for the CLI and the site's leaderboard.
pub fn of_dataset(ds: &Dataset) -> Result<Option<Leaderboard>, String> {
    let verdicts = ds
        .benches
        .values()
        .any(|b| !b.judgments.is_empty() || !b.file_battles.is_empty() || !b.grades.is_empty());
    let tables: Vec<_> = ds
        .benches
        .values()
        .flat_map(|b| b.tables.iter().map(move |t| (b, t)))
        .collect();
    match (verdicts, tables.as_slice()) {
        (true, _) | (false, []) => Ok(None),
        (false, [(b, t)]) => {
            let mut report = b.report.clone();
            report.merge(&ds.report);
            Ok(Some(leaderboard(t, &b.name, report)))
        }
        (false, several) => Err(format!(
            "{} scores tables and no verdicts: open one table at a time ({})",
            several.len(),
            several
                .iter()
                .map(|(_, t)| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The table as a leaderboard. A row without bounds has lower = upper = score.
pub fn leaderboard(run: &ScoresRun, bench: &str, report: LoadReport) -> Leaderboard {
    let mut rows: Vec<_> = run
        .board
        .rows
        .iter()
        .map(|r| {
            let mut m = row(
                &r.model,
                r.score,
                r.lower.unwrap_or(r.score),
                r.upper.unwrap_or(r.score),
                0,
            );
            m.avg_tokens = r.avg_tokens;
            // A figure named like a row field would shadow it in the flattened JSON.
            m.figures = r
                .figures
                .iter()
                .map(|(k, v)| {
                    let k = if RESERVED.contains(&k.as_str()) {
                        format!("table_{k}")
                    } else {
                        k.clone()
                    };
                    (k, *v)
                })
                .collect();
            m
        })
        .collect();
    rank(&mut rows);
    let opts = LeaderboardOptions::default();
    let selection = run
        .board
        .selection
        .as_ref()
        .map(|s| format!(" Rows: {s}."))
        .unwrap_or_default();
    Leaderboard {
        bench: bench.to_string(),
        baseline: String::new(),
        judged_baseline: None,
        judges: Vec::new(),
        weight: opts.battles.weight,
        first_game_only: false,
        rounds: 0,
        seed: opts.seed,
        level: opts.level,
        bootstrap_unit: opts.unit,
        method: opts.method,
        method_line: format!(
            "Scores-only table {}: the published column “{}” as printed, with its bounds where it has them (no verdicts, nothing recomputed).{selection}",
            run.name, run.board.score_column
        ),
        style_control: StyleMode::Off,
        style_coefficients: BTreeMap::new(),
        models: rows,
        unrated: Vec::new(),
        group_by: None,
        groups: Vec::new(),
        report,
    }
}
