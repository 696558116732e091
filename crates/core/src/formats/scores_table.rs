//! A published scores table found among data files (a leaderboard CSV, or a JSON table keyed by
//! model): read by the one scores reader ([`crate::judges::reference::parse`], through
//! [`crate::diff::scores::parse`]) and kept on the bench as a scores-only run
//! ([`crate::bench::Bench::tables`]), for the leaderboard, the diff page and the judges reference.
//! Its skipped lines go into the load report.

use crate::bench::Bench;
use crate::diff::scores;
use crate::report::IssueKind;

/// Reads a scores table into the bench.
pub fn parse(bench: &mut Bench, path: &str, text: &str) {
    match scores::parse(path, text) {
        Ok(run) => {
            for i in &run.board.issues {
                bench
                    .report
                    .push(IssueKind::MissingField, path, i.line, "", i.message.clone());
            }
            bench.report.lines += run.board.rows.len() + run.board.issues.len();
            bench.tables.push(run);
        }
        Err(e) => bench
            .report
            .push(IssueKind::UnknownFile, path, 0, "", e.to_string()),
    }
}
