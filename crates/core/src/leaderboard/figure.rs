//! The method's other figures (`ModelRow::figures`) as a table shows them: which keys a board has,
//! in a stable order, a human column header for each and a sentence on what it is. Generic over the
//! method: a key nobody described still gets a header from its name (`lc_score` → "Lc score") and a
//! neutral explanation, so a new method's figures show without touching the pages.

use super::ModelRow;

/// Keys whose meaning is known, with their header and explanation. Sources: the methods that fill
/// them (`leaderboard::chatbot_arena`, and the issue-12 contract for the other formats' figures).
const KNOWN: &[(&str, &str, &str)] = &[
    (
        "rank_lower",
        "Rank (LB)",
        "Worst rank consistent with the intervals: 1 + the models whose upper bound is above this model's lower bound",
    ),
    (
        "rank_spread",
        "Rank spread",
        "Range of ranks consistent with the intervals: worst rank minus best rank (Rank (UB))",
    ),
    (
        "variance",
        "Variance",
        "Variance of the score (bootstrap rounds or the sandwich covariance), in squared score units",
    ),
    (
        "std_error",
        "Std. error",
        "Standard error of the score (square root of its variance), in score units",
    ),
    (
        "standard_error",
        "Std. error",
        "Standard error of the win rate, in percentage points",
    ),
    (
        "discrete_win_rate",
        "Discrete win rate",
        "Win rate counting each preference as a win, loss or tie (%)",
    ),
    (
        "lc_score",
        "LC win rate",
        "Length-controlled win rate (%): the win rate with the answer-length difference regressed out",
    ),
    (
        "lc_standard_error",
        "LC std. error",
        "Standard error of the length-controlled win rate, in percentage points",
    ),
    (
        "single_mean",
        "Single grade",
        "Mean single-answer grade (1-10) over both turns, from the judge's single-grade file",
    ),
    (
        "single_turn_1",
        "Grade, turn 1",
        "Mean single-answer grade (1-10) of the first turn",
    ),
    (
        "single_turn_2",
        "Grade, turn 2",
        "Mean single-answer grade (1-10) of the second turn",
    ),
];

/// The figure keys present in any of `rows`, known keys first in their listed order, then the
/// others alphabetically. Empty when no row has figures (the Arena-Hard methods).
pub fn keys(rows: &[ModelRow]) -> Vec<String> {
    let mut present: Vec<String> = Vec::new();
    for r in rows {
        for k in r.figures.keys() {
            if !present.contains(k) {
                present.push(k.clone());
            }
        }
    }
    present.sort_by_key(|k| {
        let known = KNOWN.iter().position(|(name, _, _)| name == k);
        (known.unwrap_or(KNOWN.len()), k.clone())
    });
    present
}

/// The column header of figure `key`.
pub fn header(key: &str) -> String {
    match KNOWN.iter().find(|(k, _, _)| *k == key) {
        Some((_, h, _)) => (*h).to_string(),
        None => humanize(key),
    }
}

/// What figure `key` is, for a header's title and an export's column label.
pub fn explain(key: &str) -> String {
    match KNOWN.iter().find(|(k, _, _)| *k == key) {
        Some((_, _, e)) => (*e).to_string(),
        None => format!(
            "{}: a figure the scoring method reports beside the score",
            humanize(key)
        ),
    }
}

/// `rank_spread` → "Rank spread": underscores to spaces, first letter capitalised.
fn humanize(key: &str) -> String {
    let s = key.replace(['_', '-'], " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Decimals to print a figure with: whole numbers (ranks, counts) as integers, the rest with 2.
pub fn decimals(rows: &[ModelRow], key: &str) -> u8 {
    let whole = rows
        .iter()
        .filter_map(|r| r.figures.get(key))
        .all(|v| v.fract() == 0.0);
    if whole {
        0
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bt::Estimate;
    use std::collections::BTreeMap;

    fn row(figs: &[(&str, f64)]) -> ModelRow {
        ModelRow {
            model: "m".into(),
            score: 0.0,
            lower: 0.0,
            upper: 0.0,
            rank_ub: 1,
            battles: 0,
            avg_tokens: None,
            estimate: Estimate::Finite,
            elo: None,
            elo_lower: None,
            elo_upper: None,
            bootstrap_mean: None,
            bootstrap_var: None,
            figures: figs
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn keys_are_the_union_known_first_then_alphabetical() {
        let rows = [
            row(&[("variance", 1.5), ("zeta_thing", 2.0)]),
            row(&[("rank_spread", 3.0), ("alpha", 1.0), ("rank_lower", 4.0)]),
        ];
        assert_eq!(
            keys(&rows),
            [
                "rank_lower",
                "rank_spread",
                "variance",
                "alpha",
                "zeta_thing"
            ]
        );
        assert!(keys(&[row(&[])]).is_empty());
    }

    #[test]
    fn headers_are_human_and_unknown_keys_fall_back_to_their_name() {
        assert_eq!(header("rank_spread"), "Rank spread");
        assert_eq!(header("some_new-figure"), "Some new figure");
        assert!(explain("rank_spread").contains("Range of ranks"));
        assert!(explain("wb_score").starts_with("Wb score: "));
    }

    #[test]
    fn whole_figures_print_as_integers() {
        let rows = [
            row(&[("rank_spread", 3.0), ("variance", 0.25)]),
            row(&[("rank_spread", 0.0)]),
        ];
        assert_eq!(decimals(&rows, "rank_spread"), 0);
        assert_eq!(decimals(&rows, "variance"), 2);
    }
}
