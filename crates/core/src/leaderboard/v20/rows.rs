//! Judgment rows → per-category score rows, as arena-hard-v2.0's `show_result.py::load_judgments`
//! builds them (lmarena/arena-hard-auto @ 196f6b8).
//!
//! Each usable row gives scores from the judged model's side: game 2 (model shown as A) as is,
//! game 1 (model shown as B) mirrored, a strong verdict repeated `weight` times. A row with a null
//! game is dropped whole (not game by game, as v0.1 does) and counted. Rows the tool cannot read at
//! all (one game: IndexError; a label outside its table: KeyError) are dropped whole and reported
//! instead of stopping. Names are cut to their last `/` segment (`print_leaderboard`), which merges
//! models that share it; we report such merges.

use crate::bench::{Bench, Judgment};
use crate::report::{IssueKind, LoadReport};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The scores of one model (after name stripping) in one category.
#[derive(Clone, Debug, Default)]
pub struct ModelScores {
    /// The bench's model ids merged under this name (one unless names collide).
    pub ids: BTreeSet<u32>,
    /// One score per row, 0, 0.5 or 1, in load order (game 2's copies, then game 1's, per row).
    pub scores: Vec<f64>,
    /// Per score: the bench's (model id, prompt) it came from, for the style features.
    pub origins: Vec<(u32, u32)>,
}

/// One category's rows.
#[derive(Clone, Debug, Default)]
pub struct CategoryRows {
    /// Distinct prompts with at least one usable row.
    pub prompts: BTreeSet<u32>,
    /// By stripped name; sorted, as pandas' `groupby` orders its groups.
    pub models: BTreeMap<String, ModelScores>,
    /// How often each baseline name (stripped) appears in the rows' own `baseline` field.
    pub named_baselines: BTreeMap<String, usize>,
}

/// The model name as show_result.py prints it: `x.split('/')[-1]`.
pub fn strip(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// The scores one row gives, from the model's side, or why the tool would not use it.
enum RowScores {
    Scores(Vec<f64>),
    Null(usize),
    Unreadable(String),
}

fn row_scores(j: &Judgment, weight: u32) -> RowScores {
    // `load_judgments` tests x[0] first, so a null first game drops the row even without a second.
    if j.games.first().is_some_and(|g| g.null) {
        return RowScores::Null(0);
    }
    if j.games.len() < 2 {
        return RowScores::Unreadable("one game: show_result.py would stop with IndexError".into());
    }
    if j.games[1].null {
        return RowScores::Null(1);
    }
    let (Some(g1), Some(g2)) = (j.games[0].verdict, j.games[1].verdict) else {
        return RowScores::Unreadable(
            "a label outside show_result.py's table: it would stop with KeyError".into(),
        );
    };
    let copies = |strong: bool| if strong { weight as usize } else { 1 };
    let mut out = Vec::with_capacity(2 * weight as usize);
    // Game 2 has the model as Assistant A; game 1 has it as B, hence `1 − s`.
    out.extend(std::iter::repeat_n(
        g2.score_for_a(),
        copies(g2.is_strong()),
    ));
    out.extend(std::iter::repeat_n(
        1.0 - g1.score_for_a(),
        copies(g1.is_strong()),
    ));
    RowScores::Scores(out)
}

/// Reads the judgments of the chosen judges into per-category rows. `baseline_of` names each
/// category's baseline; the baseline's rows against itself are left out and reported (the tool
/// would print it twice: once from its rows, once appended at 50).
pub fn collect(
    bench: &Bench,
    judges: &BTreeSet<u32>,
    weight: u32,
    baseline_of: impl Fn(&str) -> Option<&'static str>,
    report: &mut LoadReport,
) -> BTreeMap<String, CategoryRows> {
    let mut out: BTreeMap<String, CategoryRows> = BTreeMap::new();
    let mut full_names: HashMap<String, BTreeSet<u32>> = HashMap::new();
    for j in bench.judgments.iter().filter(|j| judges.contains(&j.judge)) {
        let file = bench
            .judgment_files
            .get(j.file as usize)
            .map(String::as_str)
            .unwrap_or("");
        let line = j.line as usize;
        let scores = match row_scores(j, weight) {
            RowScores::Scores(s) => s,
            RowScores::Null(g) => {
                report.push(
                    IssueKind::NullGameRow,
                    file,
                    line,
                    &format!("games[{g}].score"),
                    "null: the whole row is left out".into(),
                );
                continue;
            }
            RowScores::Unreadable(why) => {
                report.push(IssueKind::UnreadableRow, file, line, "games", why);
                continue;
            }
        };
        let prompt = &bench.prompts[j.prompt as usize];
        let category = if prompt.category.is_empty() {
            "(none)"
        } else {
            prompt.category.as_str()
        };
        let name = strip(bench.models.name(j.model)).to_string();
        let rows = out.entry(category.to_string()).or_default();
        if let Some(b) = j.baseline {
            *rows
                .named_baselines
                .entry(strip(bench.models.name(b)).to_string())
                .or_default() += 1;
        }
        if baseline_of(category) == Some(name.as_str()) {
            report.push(
                IssueKind::SelfBattle,
                file,
                line,
                "model",
                format!("{name} is {category}'s baseline; shown once, at 50%"),
            );
            continue;
        }
        full_names.entry(name.clone()).or_default().insert(j.model);
        rows.prompts.insert(j.prompt);
        let m = rows.models.entry(name).or_default();
        m.ids.insert(j.model);
        m.origins
            .extend(std::iter::repeat_n((j.model, j.prompt), scores.len()));
        m.scores.extend(scores);
    }
    let mut merged: Vec<(&String, &BTreeSet<u32>)> =
        full_names.iter().filter(|(_, ids)| ids.len() > 1).collect();
    merged.sort();
    for (name, ids) in merged {
        let names: Vec<&str> = ids.iter().map(|&i| bench.models.name(i)).collect();
        report.push(
            IssueKind::MergedModelNames,
            &bench.name,
            0,
            "model",
            format!("{} are all shown as {name}", names.join(", ")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_keeps_the_last_segment() {
        assert_eq!(strip("org/team/model-7b"), "model-7b");
        assert_eq!(strip("plain"), "plain");
        assert_eq!(strip("trailing/"), "");
    }
}
