//! Export tables of the judges page: every judge's leaderboard in one long table, and each
//! judge's position consistency.

use super::header::Header;
use super::table::{Cell, Column, Table};
use crate::judges::boards::JudgeBoards;
use crate::judges::consistency::JudgeConsistency;

/// Every judge's board, one row per (judge, model), each board in its score order.
pub fn judge_boards(bench: &str, boards: &[JudgeBoards], header: Header) -> Table {
    let level = boards.first().map_or(0.95, |b| b.lb.level);
    let ci = format!("{:.0}% CI", level * 100.0);
    let cols = vec![
        Column::text("judge", "Judge"),
        Column::integer("rank", "Rank"),
        Column::text("model", "Model"),
        Column::number("score", "Score", 1),
        Column::number("lower", &format!("{ci} lower"), 1),
        Column::number("upper", &format!("{ci} upper"), 1),
        Column::integer("rank_ub", "Rank (UB)"),
        Column::number("avg_tokens", "Avg tokens", 0),
    ];
    let title = format!("{bench}: leaderboard under each judge");
    let mut t = Table::new(&title, header, cols).expect("the column names are unique");
    for b in boards {
        for (i, r) in b.lb.models.iter().enumerate() {
            t.push(vec![
                Cell::text(b.judge.clone()),
                Cell::int(i as u64 + 1),
                Cell::text(r.model.clone()),
                Cell::num(Some(r.score)),
                Cell::num(Some(r.lower)),
                Cell::num(Some(r.upper)),
                Cell::int(r.rank_ub),
                Cell::num(r.avg_tokens),
            ])
            .expect("the cells match the columns");
        }
    }
    t
}

/// Each judge's position consistency over its two-game rows.
pub fn consistency(bench: &str, rows: &[JudgeConsistency], header: Header) -> Table {
    let cols = vec![
        Column::text("judge", "Judge"),
        Column::integer("two_game_rows", "Two-game rows"),
        Column::number("identical_rate", "Identical", 3),
        Column::number("flip_rate", "Flip rate", 3),
        Column::number("first_position_preference", "First position", 3),
    ];
    let title = format!("{bench}: position consistency per judge");
    let mut t = Table::new(&title, header, cols).expect("the column names are unique");
    for c in rows {
        let o = &c.overall;
        t.push(vec![
            Cell::text(c.judge.clone()),
            Cell::int(o.counts.two_game_rows),
            Cell::num(o.identical_rate),
            Cell::num(o.flip_rate),
            Cell::num(o.first_position_preference),
        ])
        .expect("the cells match the columns");
    }
    t
}
