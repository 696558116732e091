//! Per prompt, for one model: every prompt whose labels changed between the runs, with both runs'
//! game-1 and game-2 labels, sorted by how much the prompt moves the model's score.
//!
//! "How much it moves" is the change in the model's net wins over the baseline on that prompt, in
//! battle rows: each game counts `copies × (result − ½)` (a win +½, a tie 0, a loss −½; a strong
//! verdict counts `weight` times, as the battles do). The Bradley-Terry fit of a model against one
//! baseline solves Σ copies × (result − p) = 0, so this sum is what pushes the model's score; the
//! prompts with the largest |shift| are the ones that drive the gap.

use super::readings::{Games, Readings};
use crate::game_result::model_result;
use serde::{Deserialize, Serialize};

/// One prompt whose labels changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PromptChange {
    pub bench: String,
    pub prompt: String,
    pub model: String,
    /// Game-1 and game-2 labels in run 1 and run 2 (`null`: no usable verdict).
    pub run_1: [Option<String>; 2],
    pub run_2: [Option<String>; 2],
    /// The model's results (win, tie, loss) in both games, per run.
    pub results_1: [Option<String>; 2],
    pub results_2: [Option<String>; 2],
    /// Net wins in run 2 minus run 1 (battle rows): positive when the prompt helps the model in run 2.
    pub shift: f64,
}

fn net(r: &Readings, games: &Games) -> f64 {
    games
        .iter()
        .enumerate()
        .filter_map(|(g, v)| {
            v.map(|v| r.copies(v) as f64 * (model_result(g as u8 + 1, v).score() - 0.5))
        })
        .sum()
}

fn labels(games: &Games) -> [Option<String>; 2] {
    [0, 1].map(|g| games[g].map(|v| v.label().to_string()))
}

fn results(games: &Games) -> [Option<String>; 2] {
    [0, 1].map(|g| games[g].map(|v| model_result(g as u8 + 1, v).as_str().to_string()))
}

/// The changed prompts of `model`, largest |shift| first (then by prompt id). Prompts only one run
/// has are not changes (nothing to compare) and are left out.
pub fn changes(r1: &Readings, r2: &Readings, model: &str) -> Vec<PromptChange> {
    let mut out: Vec<PromptChange> = r1
        .pairs(r2, model)
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(prompt, a, b)| PromptChange {
            bench: r1.bench.clone(),
            prompt: prompt.to_string(),
            model: model.to_string(),
            run_1: labels(a),
            run_2: labels(b),
            results_1: results(a),
            results_2: results(b),
            shift: net(r2, b) - net(r1, a),
        })
        .collect();
    out.sort_by(|a, b| {
        b.shift
            .abs()
            .total_cmp(&a.shift.abs())
            .then_with(|| a.prompt.cmp(&b.prompt))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::super::run::Run;
    use super::super::test_data;
    use super::*;

    #[test]
    fn exactly_the_edited_prompts_are_listed_with_their_labels() {
        // j2 equals j1 on `mc` except for two edited games.
        let edits = [(4, 2, 1, "A>>B"), (7, 2, 0, "A=B")];
        let ds = test_data::two_judges(9, &edits);
        let b = &ds.benches["s"];
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let r2 = Run::verdicts(b, test_data::options("j2")).unwrap();
        let (a, c) = (
            Readings::of(r1.as_verdicts().unwrap()),
            Readings::of(r2.as_verdicts().unwrap()),
        );
        let ch = changes(&a, &c, "mc");
        let mut ids: Vec<&str> = ch.iter().map(|c| c.prompt.as_str()).collect();
        ids.sort();
        let expect: Vec<&str> = ["q4", "q7"]
            .into_iter()
            .filter(|p| {
                let i: usize = p[1..].parse().unwrap();
                edits
                    .iter()
                    .any(|e| e.0 == i && test_data::label1(i, 2, e.2) != e.3)
            })
            .collect();
        assert_eq!(ids, expect);
        let q4 = ch.iter().find(|c| c.prompt == "q4").unwrap();
        assert_eq!(q4.run_2[1].as_deref(), Some("A>>B"));
        assert_eq!(q4.run_1[1].as_deref(), Some(test_data::label1(4, 2, 1)));
        assert_eq!(q4.run_1[0], q4.run_2[0]);
        // Game 2 shows the model as A: A>>B is a strong win, +1.5 net rows at weight 3.
        let before = model_result(
            2,
            crate::verdict::Verdict::parse(
                test_data::label1(4, 2, 1),
                crate::verdict::LabelSet::V01,
            )
            .unwrap(),
        )
        .score()
            - 0.5;
        let copies_before = if test_data::label1(4, 2, 1).contains(">>") {
            3.0
        } else {
            1.0
        };
        assert!((q4.shift - (1.5 - copies_before * before)).abs() < 1e-12);
        assert!(ch.windows(2).all(|w| w[0].shift.abs() >= w[1].shift.abs()));
    }
}
