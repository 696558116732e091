//! Export table of the diff (two runs side by side): per model both scores, Δ with its interval
//! and both ranks, then the models in one run only. It offers LaTeX, as the leaderboard does.

use super::header::{Computation, Header, Provenance};
use super::table::{Cell, Column, Table};
use crate::diff::Diff;
use crate::method::Method;

/// The header: the diff's method line, seed, rounds and level, then each run's bench, judges and
/// method.
fn header(d: &Diff, p: &Provenance) -> Header {
    let run = |r: &crate::diff::RunInfo| {
        let judges = r.judges.join(" + ");
        let mut s = r
            .bench
            .clone()
            .or(r.source.clone())
            .unwrap_or_else(|| r.kind.clone());
        if !judges.is_empty() {
            s += &format!(", judge {judges}");
        }
        if let Some(m) = &r.method {
            s += &format!(", method {m}");
        }
        s
    };
    // The paired interval is arena-lens's own (a prompt bootstrap over both runs); each run's
    // scores follow its own method, named in the run lines.
    Header::new(
        &Computation {
            method: Method::ArenaLens,
            method_line: &d.method_line,
            seed: d.seed,
            rounds: d.rounds,
            level: d.level,
        },
        p,
    )
    .with("run_1", Cell::text(run(&d.run_1)))
    .with("run_2", Cell::text(run(&d.run_2)))
}

/// Every model of both runs: the shared ones with Δ, then each run's own (empty cells where the
/// other run has no score).
pub fn diff(d: &Diff, p: &Provenance) -> Table {
    let ci = format!("{:.0}% CI", d.level * 100.0);
    let cols = vec![
        Column::text("model", "Model"),
        Column::number("score_1", "Run 1", 1),
        Column::number("score_2", "Run 2", 1),
        Column::number("delta", "Δ", 1),
        Column::number("lower", &format!("Δ {ci} lower"), 1),
        Column::number("upper", &format!("Δ {ci} upper"), 1),
        Column::integer("rank_1", "Rank 1"),
        Column::integer("rank_2", "Rank 2"),
        Column::text("in", "In").detail(),
    ];
    let mut t = Table::new(
        "Two runs side by side: score in each run and Δ = run 2 − run 1",
        header(d, p),
        cols,
    )
    .expect("the diff's column names are unique")
    .with_latex();
    for m in &d.models {
        t.push(vec![
            Cell::text(m.model.clone()),
            Cell::num(Some(m.score_1)),
            Cell::num(Some(m.score_2)),
            Cell::num(Some(m.delta)),
            Cell::num(m.lower),
            Cell::num(m.upper),
            Cell::int(m.rank_1),
            Cell::int(m.rank_2),
            Cell::text("both"),
        ])
        .expect("the diff's cells match its columns");
    }
    for (names, which) in [(&d.only_in_1, "run 1 only"), (&d.only_in_2, "run 2 only")] {
        for n in names {
            t.push(vec![
                Cell::text(n.clone()),
                Cell::num(None),
                Cell::num(None),
                Cell::num(None),
                Cell::num(None),
                Cell::num(None),
                Cell::num(None),
                Cell::num(None),
                Cell::text(which),
            ])
            .expect("the diff's cells match its columns");
        }
    }
    t
}
