//! The load report: what was read, and every line or game that was skipped, with its reason.
//!
//! Reading is tolerant, so nothing may be dropped silently: each skipped item is counted by kind, and the
//! first few hundred are kept with their `file:line` so a user can find them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many individual issues are kept verbatim; all are counted.
pub const MAX_LISTED_ISSUES: usize = 500;

/// Why something was skipped or flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// The line is not valid JSON.
    BadJson,
    /// A required field is absent or has the wrong type.
    MissingField,
    /// A verdict label is null.
    NullLabel,
    /// A verdict label is not one the format knows.
    UnknownLabel,
    /// A judgment row has one game instead of two; the game it has is used.
    SingleGame,
    /// A second row for the same (judge, prompt, model); the first is kept.
    DuplicateRow,
    /// The baseline judged against itself; it says nothing about strength.
    SelfBattle,
    /// A battles-file `winner` that is not model_a, model_b, tie or "tie (bothbad)".
    UnknownWinner,
    /// A file whose place in the layout we do not recognise.
    UnknownFile,
    /// An answer row without usable token or style metadata.
    MissingMetadata,
    /// A battle whose answers lack style metadata, left out of a style-controlled fit.
    NoStyleFeatures,
    /// A judgment row whose two games disagree, left out on request (`drop_inconsistent`).
    DroppedInconsistent,
    /// arena-hard-v2.0: a judgment row with a null game, dropped whole as its show_result.py does.
    NullGameRow,
    /// arena-hard-v2.0: a row its show_result.py cannot read (one game, or a label outside its
    /// table: the tool stops with an error); we drop the row whole and go on.
    UnreadableRow,
    /// arena-hard-v2.0: models whose names share the last `/` segment, merged as its show_result.py does.
    MergedModelNames,
    /// A judge's output with no readable verdict or rating (FastChat llm_judge writes `error` for a
    /// pairwise game, `-1` for a single grade); that game or grade is left out.
    JudgeError,
}

impl IssueKind {
    /// A short human phrase.
    pub fn describe(self) -> &'static str {
        match self {
            IssueKind::BadJson => "invalid JSON",
            IssueKind::MissingField => "missing or invalid field",
            IssueKind::NullLabel => "null verdict label",
            IssueKind::UnknownLabel => "unknown verdict label",
            IssueKind::SingleGame => "single-game row (its one game is used)",
            IssueKind::DuplicateRow => "duplicate (prompt, model) row",
            IssueKind::SelfBattle => "baseline judged against itself",
            IssueKind::UnknownWinner => "unknown winner",
            IssueKind::UnknownFile => "unrecognised file",
            IssueKind::MissingMetadata => "answer without token metadata",
            IssueKind::NoStyleFeatures => {
                "battle without style metadata (left out of style control)"
            }
            IssueKind::DroppedInconsistent => {
                "judgment row whose two games disagree (left out on request)"
            }
            IssueKind::NullGameRow => "row with a null game (dropped whole, arena-hard-v2.0)",
            IssueKind::UnreadableRow => {
                "row arena-hard-v2.0's show_result.py cannot read (dropped whole)"
            }
            IssueKind::MergedModelNames => {
                "models sharing a name after the last '/' (merged, arena-hard-v2.0)"
            }
            IssueKind::JudgeError => "judge output without a verdict (error / -1; left out)",
        }
    }

    /// True when the item was left out entirely, rather than used with a caveat.
    pub fn is_skip(self) -> bool {
        !matches!(
            self,
            IssueKind::SingleGame | IssueKind::MissingMetadata | IssueKind::MergedModelNames
        )
    }
}

/// One flagged item: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub kind: IssueKind,
    pub file: String,
    /// 1-based line number; 0 for whole-file issues.
    pub line: usize,
    /// The field concerned, e.g. `games[1].score`.
    pub field: String,
    pub message: String,
    /// `line` counts the items of a JSON array rather than lines (printed `file:item N`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub item: bool,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A Parquet file reaches the core as JSON Lines with row N on line N (`source::is_parquet`).
        let at = if self.item {
            "item "
        } else if self.line > 0 && crate::source::is_parquet(&self.file, b"") {
            "row "
        } else {
            ""
        };
        write!(
            f,
            "{}:{at}{}: {}",
            self.file,
            self.line,
            self.kind.describe()
        )?;
        if !self.field.is_empty() {
            write!(f, " [{}]", self.field)?;
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}

/// Counts of what was read and what was skipped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadReport {
    pub files: usize,
    pub bytes: usize,
    pub lines: usize,
    pub questions: usize,
    pub answers: usize,
    pub judgments: usize,
    pub battle_rows: usize,
    /// Issue counts by kind (all of them, listed or not).
    pub counts: BTreeMap<IssueKind, usize>,
    /// The first [`MAX_LISTED_ISSUES`] issues.
    pub issues: Vec<Issue>,
}

impl LoadReport {
    /// Records an issue.
    pub fn push(&mut self, kind: IssueKind, file: &str, line: usize, field: &str, message: String) {
        self.push_at(kind, file, line, false, field, message);
    }

    /// Records an issue on the 1-based `item` of a JSON array (`file:item N`).
    pub fn push_item(
        &mut self,
        kind: IssueKind,
        file: &str,
        item: usize,
        field: &str,
        message: String,
    ) {
        self.push_at(kind, file, item, true, field, message);
    }

    fn push_at(
        &mut self,
        kind: IssueKind,
        file: &str,
        line: usize,
        item: bool,
        field: &str,
        message: String,
    ) {
        *self.counts.entry(kind).or_insert(0) += 1;
        if self.issues.len() < MAX_LISTED_ISSUES {
            self.issues.push(Issue {
                kind,
                file: file.to_string(),
                line,
                field: field.to_string(),
                message,
                item,
            });
        }
    }

    /// How many issues of this kind were seen.
    pub fn count(&self, kind: IssueKind) -> usize {
        self.counts.get(&kind).copied().unwrap_or(0)
    }

    /// Total issues of all kinds.
    pub fn total_issues(&self) -> usize {
        self.counts.values().sum()
    }

    /// Adds another report's counts and issues to this one.
    pub fn merge(&mut self, other: &LoadReport) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.lines += other.lines;
        self.questions += other.questions;
        self.answers += other.answers;
        self.judgments += other.judgments;
        self.battle_rows += other.battle_rows;
        for (k, v) in &other.counts {
            *self.counts.entry(*k).or_insert(0) += v;
        }
        for i in &other.issues {
            if self.issues.len() < MAX_LISTED_ISSUES {
                self.issues.push(i.clone());
            }
        }
    }
}
