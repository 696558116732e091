//! Export tables of the compare page: the paired table (each prompt with both models' verdicts
//! against the baseline) and the answer statistics.

use super::header::Header;
use super::table::{Cell, Column, Table};
use crate::bench::Bench;
use crate::compare::{AnswerStats, ModelOnPrompt, PairRow};

/// A game's label from the model's side as the page shows it, or why there is none.
fn game(mp: &ModelOnPrompt, g: u8) -> Cell {
    if mp.is_baseline {
        return Cell::text("baseline");
    }
    match mp.game(g) {
        Some(v) => Cell::text(v.verdict.label()),
        None => Cell::Empty,
    }
}

fn result(mp: &ModelOnPrompt, g: u8) -> Cell {
    match mp.game(g) {
        Some(v) if !mp.is_baseline => Cell::text(v.result.as_str()),
        _ => Cell::Empty,
    }
}

/// The paired rows in the order given (the page passes its filtered, sorted list).
pub fn paired(bench: &Bench, rows: &[PairRow], header: Header, a: &str, b: &str) -> Table {
    let title = format!("{}: {a} (A) vs {b} (B), prompt by prompt", bench.name);
    let cols = vec![
        Column::text("question_id", "Prompt"),
        Column::text("a_game_1", "A game 1"),
        Column::text("a_result_1", "A result 1").detail(),
        Column::text("a_game_2", "A game 2"),
        Column::text("a_result_2", "A result 2").detail(),
        Column::number("a_score", "A score", 2),
        Column::text("b_game_1", "B game 1"),
        Column::text("b_result_1", "B result 1").detail(),
        Column::text("b_game_2", "B game 2"),
        Column::text("b_result_2", "B result 2").detail(),
        Column::number("b_score", "B score", 2),
        Column::number("diff", "A − B", 2),
    ];
    let header = header.with("a", Cell::text(a)).with("b", Cell::text(b));
    let mut t = Table::new(&title, header, cols).expect("the column names are unique");
    for r in rows {
        t.push(vec![
            Cell::text(bench.prompts[r.prompt as usize].id.clone()),
            game(&r.a, 1),
            result(&r.a, 1),
            game(&r.a, 2),
            result(&r.a, 2),
            Cell::num(r.a.score()),
            game(&r.b, 1),
            result(&r.b, 1),
            game(&r.b, 2),
            result(&r.b, 2),
            Cell::num(r.b.score()),
            Cell::num(r.diff()),
        ])
        .expect("the cells match the columns");
    }
    t
}

/// Answer statistics, one row per model in the order given.
pub fn answer_stats(bench: &Bench, stats: &[AnswerStats], header: Header) -> Table {
    let title = format!("{}: answer statistics", bench.name);
    let cols = vec![
        Column::text("model", "Model"),
        Column::integer("answers", "Answers"),
        Column::number("tokens", "Mean tokens", 0),
        Column::number("chars", "Mean characters", 0),
        Column::number("headers", "Headers", 1),
        Column::number("lists", "List items", 1),
        Column::number("bold", "Bold", 1),
    ];
    let mut t = Table::new(&title, header, cols).expect("the column names are unique");
    for s in stats {
        t.push(vec![
            Cell::text(bench.models.name(s.model)),
            Cell::int(s.answers as u64),
            Cell::num(s.tokens.mean()),
            Cell::num(s.chars.mean()),
            Cell::num(s.headers.mean()),
            Cell::num(s.lists.mean()),
            Cell::num(s.bold.mean()),
        ])
        .expect("the cells match the columns");
    }
    t
}
