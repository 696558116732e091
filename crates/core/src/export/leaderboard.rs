//! Export tables of the leaderboard: the overall board, one group's board, and every group's
//! board in one long table (the CLI's `--group-by` export). They offer LaTeX.

use super::header::{Computation, Header, Provenance};
use super::table::{Cell, Column, Table};
use crate::leaderboard::{figure, GroupBoard, Leaderboard, ModelRow};

/// The header of every table from `lb`: its method, seed, rounds and level, then the bench,
/// judges and baseline.
pub fn header(lb: &Leaderboard, p: &Provenance) -> Header {
    Header::new(
        &Computation {
            method: lb.method,
            method_line: &lb.method_line,
            seed: lb.seed,
            rounds: lb.rounds,
            level: lb.level,
        },
        p,
    )
    .with("bench", Cell::text(lb.bench.clone()))
    .with("judges", Cell::text(lb.judges.join(" + ")))
    .with("baseline", Cell::text(lb.baseline.clone()))
}

/// The board's columns: what the page's table shows, then (CSV and JSON only) the estimate kind
/// and the Elo values, then the method's figures (`figures`: their keys, as [`figure::keys`]
/// lists them; none for the Arena-Hard methods, so their tables are unchanged).
fn columns(level: f64, figures: &[String]) -> Vec<Column> {
    let ci = format!("{:.0}% CI", level * 100.0);
    let mut cols = vec![
        Column::integer("rank_ub", "Rank (UB)"),
        Column::text("model", "Model"),
        Column::number("score", "Score", 1),
        Column::number("lower", &format!("{ci} lower"), 1),
        Column::number("upper", &format!("{ci} upper"), 1),
        Column::integer("battles", "Battles"),
        Column::number("avg_tokens", "Avg tokens", 0),
        Column::text("estimate", "Estimate").detail(),
        Column::number("elo", "Elo", 0).detail(),
        Column::number("elo_lower", "Elo lower", 0).detail(),
        Column::number("elo_upper", "Elo upper", 0).detail(),
    ];
    // Figures print with full precision in CSV/JSON; 2 decimals is the LaTeX/Markdown rounding.
    cols.extend(
        figures
            .iter()
            .map(|k| Column::number(k, &figure::header(k), 2)),
    );
    cols
}

fn cells(r: &ModelRow, figures: &[String]) -> Vec<Cell> {
    let mut cells = vec![
        Cell::int(r.rank_ub),
        Cell::text(r.model.clone()),
        Cell::num(Some(r.score)),
        Cell::num(Some(r.lower)),
        Cell::num(Some(r.upper)),
        Cell::int(r.battles),
        Cell::num(r.avg_tokens),
        Cell::text(estimate(r)),
        Cell::num(r.elo),
        Cell::num(r.elo_lower),
        Cell::num(r.elo_upper),
    ];
    cells.extend(figures.iter().map(|k| Cell::num(r.figures.get(k).copied())));
    cells
}

fn estimate(r: &ModelRow) -> &'static str {
    match r.estimate {
        crate::bt::Estimate::Finite => "finite",
        crate::bt::Estimate::Above => "above",
        crate::bt::Estimate::Below => "below",
        crate::bt::Estimate::Unrated => "unrated",
    }
}

fn board(title: &str, header: Header, level: f64, rows: &[ModelRow]) -> Table {
    let figs = figure::keys(rows);
    let mut t = Table::new(title, header, columns(level, &figs))
        .expect("the board's column names are unique")
        .with_latex();
    for r in rows {
        t.push(cells(r, &figs))
            .expect("the board's cells match its columns");
    }
    t
}

/// What the scores are: "win rate vs B" for a win-rate method with a baseline, else the method's
/// score label ("Elo rating").
fn what(lb: &Leaderboard, baseline: &str) -> String {
    let label = lb.score_label();
    if label.starts_with("Win rate") && !baseline.is_empty() {
        format!("win rate vs {baseline}")
    } else {
        label.to_string()
    }
}

/// The overall leaderboard, in the core's order (score, best first).
pub fn leaderboard(lb: &Leaderboard, p: &Provenance) -> Table {
    let title = format!(
        "{}: {} with {:.0}% CI",
        lb.bench,
        what(lb, &lb.baseline),
        lb.level * 100.0
    );
    board(&title, header(lb, p), lb.level, &lb.models)
}

/// One group's board (its own baseline when it has one).
pub fn group_board(lb: &Leaderboard, g: &GroupBoard, p: &Provenance) -> Table {
    let baseline = g.baseline.clone().unwrap_or_else(|| lb.baseline.clone());
    let by = lb.group_by.map(|b| b.as_str()).unwrap_or("group");
    let title = format!(
        "{}, {by} {}: {} with {:.0}% CI",
        lb.bench,
        g.group,
        what(lb, &baseline),
        lb.level * 100.0
    );
    let h = header(lb, p)
        .with("baseline", Cell::text(baseline))
        .with("group_by", Cell::text(by))
        .with("group", Cell::text(g.group.clone()))
        .with("prompts", Cell::int(g.prompts as u64));
    board(&title, h, lb.level, &g.models)
}

/// Every group's board in one long table: `group`, its prompts and baseline, then the board's
/// columns.
pub fn groups(lb: &Leaderboard, p: &Provenance) -> Table {
    let by = lb.group_by.map(|b| b.as_str()).unwrap_or("group");
    let mut cols = vec![
        Column::text("group", by),
        Column::integer("prompts", "Prompts"),
        Column::text("group_baseline", "Baseline"),
    ];
    let all: Vec<ModelRow> = lb.groups.iter().flat_map(|g| g.models.clone()).collect();
    let figs = figure::keys(&all);
    cols.extend(columns(lb.level, &figs));
    let title = format!("{}: leaderboards by {by}", lb.bench);
    let h = header(lb, p).with("group_by", Cell::text(by));
    let mut t = Table::new(&title, h, cols)
        .expect("the groups' column names are unique")
        .with_latex();
    for g in &lb.groups {
        let base = g.baseline.clone().unwrap_or_else(|| lb.baseline.clone());
        for r in &g.models {
            let mut row = vec![
                Cell::text(g.group.clone()),
                Cell::int(g.prompts as u64),
                Cell::text(base.clone()),
            ];
            row.extend(cells(r, &figs));
            t.push(row).expect("the groups' cells match their columns");
        }
    }
    t
}
