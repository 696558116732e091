//! Two models on the same prompts, as the compare page shows them: each model's verdicts against the
//! baseline in game 1 and game 2, read from the model's side; per-prompt outcomes of A against B; the
//! filters of the prompt list; and a prompt-level paired bootstrap of the difference of win rates.
//!
//! Positions: in game 1 the baseline is Assistant A and the model Assistant B; game 2 swaps them. A
//! verdict is always stored as the judge wrote it (about Assistant A and B), and [`model_result`]
//! turns it into the model's win, tie or loss.
//!
//! A model needs no verdicts to be compared: a model with answers only (a run in progress, or data
//! with no judgment files at all) is listed and read side by side; its verdict side is empty
//! ([`models`] says what each model has).
//!
//! Scores here are raw: a game is 1 (model better), ½ (tie) or 0 (baseline better), strong verdicts are
//! not weighted, and a prompt's score is the mean of its usable games. The baseline itself scores ½
//! on every prompt, so "A beat B" with A the baseline means the model lost to the baseline.

use crate::bench::{Bench, Judgment};
use crate::verdict::Verdict;
use std::collections::HashMap;

pub use crate::game_result::{model_result, ModelResult};

pub mod answer_stats;
pub mod choose;
pub mod filter;
pub mod models;
pub mod paired_ci;
pub mod votes;

pub use answer_stats::*;
pub use choose::*;
pub use filter::*;
pub use models::*;
pub use paired_ci::*;

/// One usable game of a judgment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GameVerdict {
    /// 1 or 2.
    pub game: u8,
    pub verdict: Verdict,
    pub result: ModelResult,
}

/// One model on one prompt, under one judge.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ModelOnPrompt {
    /// The model is the baseline of this prompt (it has no verdicts against itself).
    pub is_baseline: bool,
    /// Index of the judgment in `bench.judgments`, if the judge judged this model on this prompt.
    pub judgment: Option<u32>,
    /// Usable games (a null or unknown label is left out).
    pub games: Vec<GameVerdict>,
}

impl ModelOnPrompt {
    /// Mean score of the usable games; ½ for the baseline; `None` without a usable game.
    pub fn score(&self) -> Option<f64> {
        if self.is_baseline {
            return Some(0.5);
        }
        if self.games.is_empty() {
            return None;
        }
        Some(self.games.iter().map(|g| g.result.score()).sum::<f64>() / self.games.len() as f64)
    }

    /// Both games are usable and give different results once game 2 is mirrored (a position flip).
    pub fn games_disagree(&self) -> bool {
        match self.games.as_slice() {
            [g1, g2] => g1.result != g2.result,
            _ => false,
        }
    }

    pub fn game(&self, game: u8) -> Option<&GameVerdict> {
        self.games.iter().find(|g| g.game == game)
    }
}

/// Which judgments belong to whom, for one judge (or for none, when the data has no judgments).
#[derive(Clone, Debug)]
pub struct CompareIndex {
    /// `None`: no judge, so no verdicts ([`CompareIndex::without_judge`]).
    pub judge: Option<u32>,
    /// The judged baseline for rows that do not name one (v0.1).
    pub baseline: Option<u32>,
    by_key: HashMap<(u32, u32), u32>,
    /// The baseline named by a prompt's rows (v2.0), per prompt.
    row_baseline: HashMap<u32, u32>,
}

impl CompareIndex {
    /// Indexes the judgments of `judge`; `baseline` is the judged baseline for rows without one.
    pub fn new(bench: &Bench, judge: u32, baseline: Option<u32>) -> CompareIndex {
        let mut by_key = HashMap::new();
        let mut row_baseline = HashMap::new();
        for (i, j) in bench.judgments.iter().enumerate() {
            if j.judge != judge {
                continue;
            }
            by_key.entry((j.model, j.prompt)).or_insert(i as u32);
            if let Some(b) = j.baseline {
                row_baseline.entry(j.prompt).or_insert(b);
            }
        }
        CompareIndex {
            judge: Some(judge),
            baseline,
            by_key,
            row_baseline,
        }
    }

    /// An index with no judge: every model is read by its answers only.
    pub fn without_judge() -> CompareIndex {
        CompareIndex {
            judge: None,
            baseline: None,
            by_key: HashMap::new(),
            row_baseline: HashMap::new(),
        }
    }

    /// True when `model` is the judged baseline or the baseline some rows name.
    pub fn is_baseline(&self, model: u32) -> bool {
        self.baseline == Some(model) || self.row_baseline.values().any(|&b| b == model)
    }

    /// The baseline of a prompt: the one its rows name, else the judged baseline.
    pub fn baseline_of(&self, prompt: u32) -> Option<u32> {
        self.row_baseline.get(&prompt).copied().or(self.baseline)
    }

    /// The judgment of `model` on `prompt` by this judge.
    pub fn judgment<'a>(&self, bench: &'a Bench, model: u32, prompt: u32) -> Option<&'a Judgment> {
        self.by_key
            .get(&(model, prompt))
            .map(|&i| &bench.judgments[i as usize])
    }

    /// True when the judge judged `model` on at least one prompt.
    pub fn judged(&self, model: u32) -> bool {
        self.by_key.keys().any(|(m, _)| *m == model)
    }

    /// `model` on `prompt`.
    pub fn on_prompt(&self, bench: &Bench, model: u32, prompt: u32) -> ModelOnPrompt {
        if self.baseline_of(prompt) == Some(model) {
            return ModelOnPrompt {
                is_baseline: true,
                ..ModelOnPrompt::default()
            };
        }
        let Some(&ji) = self.by_key.get(&(model, prompt)) else {
            return ModelOnPrompt::default();
        };
        let j = &bench.judgments[ji as usize];
        let games = j
            .games
            .iter()
            .take(2)
            .enumerate()
            .filter_map(|(g, game)| {
                let game_no = g as u8 + 1;
                game.verdict.map(|v| GameVerdict {
                    game: game_no,
                    verdict: v,
                    result: model_result(game_no, v),
                })
            })
            .collect();
        ModelOnPrompt {
            is_baseline: false,
            judgment: Some(ji),
            games,
        }
    }
}

/// Who did better on a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairOutcome {
    ABetter,
    Tie,
    BBetter,
}

impl PairOutcome {
    pub fn parse(s: &str) -> Option<PairOutcome> {
        match s {
            "a" => Some(PairOutcome::ABetter),
            "tie" => Some(PairOutcome::Tie),
            "b" => Some(PairOutcome::BBetter),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            PairOutcome::ABetter => "a",
            PairOutcome::Tie => "tie",
            PairOutcome::BBetter => "b",
        }
    }
}

/// Models A and B on one prompt.
#[derive(Clone, Debug, PartialEq)]
pub struct PairRow {
    pub prompt: u32,
    pub a: ModelOnPrompt,
    pub b: ModelOnPrompt,
}

impl PairRow {
    pub fn scores(&self) -> Option<(f64, f64)> {
        Some((self.a.score()?, self.b.score()?))
    }
    /// A's score minus B's, when both have one.
    pub fn diff(&self) -> Option<f64> {
        self.scores().map(|(a, b)| a - b)
    }
    pub fn outcome(&self) -> Option<PairOutcome> {
        let d = self.diff()?;
        Some(if d > 0.0 {
            PairOutcome::ABetter
        } else if d < 0.0 {
            PairOutcome::BBetter
        } else {
            PairOutcome::Tie
        })
    }
    /// Either model's two games disagree.
    pub fn games_disagree(&self) -> bool {
        self.a.games_disagree() || self.b.games_disagree()
    }
    /// The stronger model (by [`PairSummary`]) scored at least ½ lower than the weaker one here.
    pub fn is_upset(&self, stronger: Option<Side>) -> bool {
        match (stronger, self.diff()) {
            (Some(Side::A), Some(d)) => d <= -0.5,
            (Some(Side::B), Some(d)) => d >= 0.5,
            _ => false,
        }
    }
}

/// Model A or model B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// The prompts worth listing for A and B: every prompt with a question text, and any other prompt
/// either model has a verdict on or an answer to. In bench order.
pub fn pair_rows(bench: &Bench, index: &CompareIndex, a: u32, b: u32) -> Vec<PairRow> {
    (0..bench.prompts.len() as u32)
        .filter_map(|p| {
            let row = PairRow {
                prompt: p,
                a: index.on_prompt(bench, a, p),
                b: index.on_prompt(bench, b, p),
            };
            let listed = !bench.prompts[p as usize].text.is_empty()
                || row.a.judgment.is_some()
                || row.b.judgment.is_some()
                || bench.answer(a, p).is_some()
                || bench.answer(b, p).is_some();
            listed.then_some(row)
        })
        .collect()
}

/// Totals over the prompts where both models have a score.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PairSummary {
    pub both: usize,
    /// Mean prompt scores (0..1) of A and B over those prompts.
    pub mean_a: f64,
    pub mean_b: f64,
    pub a_better: usize,
    pub b_better: usize,
    pub ties: usize,
    /// Prompts where either model's games disagree.
    pub disagree: usize,
}

impl PairSummary {
    pub fn of(rows: &[PairRow]) -> PairSummary {
        let mut s = PairSummary::default();
        for r in rows {
            if r.games_disagree() {
                s.disagree += 1;
            }
            let Some((a, b)) = r.scores() else { continue };
            s.both += 1;
            s.mean_a += a;
            s.mean_b += b;
            match r.outcome() {
                Some(PairOutcome::ABetter) => s.a_better += 1,
                Some(PairOutcome::BBetter) => s.b_better += 1,
                _ => s.ties += 1,
            }
        }
        if s.both > 0 {
            s.mean_a /= s.both as f64;
            s.mean_b /= s.both as f64;
        }
        s
    }

    /// The model with the higher mean score, if they differ.
    pub fn stronger(&self) -> Option<Side> {
        if self.both == 0 || self.mean_a == self.mean_b {
            None
        } else if self.mean_a > self.mean_b {
            Some(Side::A)
        } else {
            Some(Side::B)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::source::SourceFile;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    fn judgment(q: &str, model: &str, g1: &str, g2: &str) -> String {
        format!(
            r#"{{"question_id":"{q}","model":"{model}","judge":"j","games":[{{"score":"{g1}","judgment":"t1"}},{{"score":"{g2}","judgment":"t2"}}]}}"#
        )
    }

    /// Three prompts; base is the baseline (answers, no judgments).
    fn bench() -> Dataset {
        let q = |id: &str, text: &str, cat: &str| {
            format!(
                r#"{{"question_id":"{id}","category":"{cat}","cluster":"c","turns":[{{"content":"{text}"}},{{"content":"second turn"}}]}}"#
            )
        };
        let questions = [
            q("p1", "Hello World", "x"),
            q("p2", "한국어 질문입니다", "y"),
            q("p3", "third", "x"),
        ]
        .join("\n");
        let ans = |m: &str| {
            ["p1", "p2", "p3"]
                .iter()
                .map(|p| format!(r#"{{"question_id":"{p}","choices":[{{"turns":[{{"content":"{m} on {p}","token_len":3}}]}}]}}"#))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let ja = [
            judgment("p1", "ma", "B>A", "A>B"),   // win, win
            judgment("p2", "ma", "B>A", "B>A"),   // win, loss: disagree
            judgment("p3", "ma", "A>>B", "B>>A"), // loss, loss
        ]
        .join("\n");
        let jb = [
            judgment("p1", "mb", "A>B", "B>A"),  // loss, loss
            judgment("p2", "mb", "A=B", "A=B"),  // tie, tie
            judgment("p3", "mb", "B>>A", "A>B"), // win, win
        ]
        .join("\n");
        Dataset::load(vec![
            file("s/question.jsonl", &questions),
            file("s/model_answer/base.jsonl", &ans("base")),
            file("s/model_answer/ma.jsonl", &ans("ma")),
            file("s/model_answer/mb.jsonl", &ans("mb")),
            file("s/model_judgment/j/ma.jsonl", &ja),
            file("s/model_judgment/j/mb.jsonl", &jb),
        ])
    }

    #[test]
    fn per_prompt_outcomes_filters_and_upsets() {
        let ds = bench();
        let b = ds.bench(None).unwrap();
        assert_eq!(b.prompts[0].later_turns, vec!["second turn".to_string()]);
        let base = b.models.get("base").unwrap();
        let (ma, mb) = (b.models.get("ma").unwrap(), b.models.get("mb").unwrap());
        let idx = CompareIndex::new(b, 0, Some(base));
        let rows = pair_rows(b, &idx, ma, mb);
        assert_eq!(rows.len(), 3);
        let outcomes: Vec<_> = rows.iter().map(|r| r.outcome()).collect();
        assert_eq!(
            outcomes,
            vec![
                Some(PairOutcome::ABetter),
                Some(PairOutcome::Tie),
                Some(PairOutcome::BBetter)
            ]
        );
        assert_eq!(rows[1].a.score(), Some(0.5));
        assert!(rows[1].games_disagree() && !rows[0].games_disagree());
        let s = PairSummary::of(&rows);
        assert_eq!(
            (s.both, s.a_better, s.b_better, s.ties, s.disagree),
            (3, 1, 1, 1, 1)
        );
        assert_eq!(s.mean_a, 0.5);
        assert_eq!(s.mean_b, 0.5);
        assert_eq!(s.stronger(), None);

        let texts = search_texts(b);
        let f = |filter: PromptFilter| filter_rows(b, &rows, &texts, &filter, s.stronger());
        let text = |t: &str| PromptFilter {
            text: t.into(),
            ..Default::default()
        };
        assert_eq!(f(text("hello world")), vec![0]);
        assert_eq!(f(text("HELLO")), vec![0]);
        assert_eq!(f(text("질문")), vec![1]);
        assert_eq!(f(text("second turn")), vec![0, 1, 2]);
        assert_eq!(f(text("p3")), vec![2]);
        assert_eq!(
            f(PromptFilter {
                category: Some("x".into()),
                ..Default::default()
            }),
            vec![0, 2]
        );
        assert_eq!(
            f(PromptFilter {
                disagree: true,
                ..Default::default()
            }),
            vec![1]
        );
        assert_eq!(
            f(PromptFilter {
                ids: Some(["p3".to_string(), "gone".to_string()].into()),
                ..Default::default()
            }),
            vec![2]
        );
        assert_eq!(
            f(PromptFilter {
                outcome: Some(PairOutcome::BBetter),
                ..Default::default()
            }),
            vec![2]
        );
        // With A the stronger model, p3 (A lost both, B won both) is an upset.
        assert!(rows[2].is_upset(Some(Side::A)));
        assert!(!rows[0].is_upset(Some(Side::A)));
        assert!(rows[0].is_upset(Some(Side::B)));

        // The baseline as one side: ½ on every prompt, so B's verdicts decide.
        let rows = pair_rows(b, &idx, base, mb);
        assert!(rows[0].a.is_baseline);
        assert_eq!(rows[0].outcome(), Some(PairOutcome::ABetter));
        assert_eq!(rows[2].outcome(), Some(PairOutcome::BBetter));
    }

    #[test]
    fn stale_links_fall_back_with_notes() {
        let ds = bench();
        let b = ds.bench(None).unwrap();
        let base = b.models.get("base").unwrap();
        let (ma, mb) = (b.models.get("ma").unwrap(), b.models.get("mb").unwrap());
        let idx = CompareIndex::new(b, 0, Some(base));
        assert_eq!(candidates(b, &idx), vec![base, ma, mb]);
        let c = choose_models(b, &idx, None, None).unwrap();
        assert_eq!((c.a, c.b, c.notes.len()), (ma, mb, 0));
        let c = choose_models(b, &idx, Some("mb"), Some("base")).unwrap();
        assert_eq!((c.a, c.b, c.notes.len()), (mb, base, 0));
        let c = choose_models(b, &idx, Some("gone"), Some("mb")).unwrap();
        assert_eq!((c.a, c.b), (ma, mb));
        assert!(c.notes[0].contains("“gone”"), "{:?}", c.notes);
        let c = choose_models(b, &idx, Some("mb"), Some("mb")).unwrap();
        assert_eq!((c.a, c.b), (mb, ma));
        assert_eq!(c.notes.len(), 1);

        let rows = pair_rows(b, &idx, ma, mb);
        assert_eq!(
            choose_prompt(b, &rows, &[1, 2], Some("p3")),
            (Some(2), None)
        );
        assert_eq!(choose_prompt(b, &rows, &[1, 2], None), (Some(1), None));
        let (i, note) = choose_prompt(b, &rows, &[1, 2], Some("removed"));
        assert_eq!(i, Some(1));
        assert!(note.unwrap().contains("“removed”"));
        assert_eq!(choose_prompt(b, &rows, &[], None), (Some(0), None));
    }

    #[test]
    fn paired_bootstrap_is_seeded_and_sane() {
        assert_eq!(paired_bootstrap(&[], 100, 1, 0.95), None);
        let same = paired_bootstrap(&[0.0; 50], 100, 1, 0.95).unwrap();
        assert_eq!((same.diff, same.lower, same.upper), (0.0, 0.0, 0.0));
        let all = paired_bootstrap(&[1.0; 10], 100, 1, 0.95).unwrap();
        assert_eq!((all.diff, all.lower, all.upper), (100.0, 100.0, 100.0));
        let diffs: Vec<f64> = (0..200)
            .map(|i| [1.0, 0.5, 0.0, -0.5, 0.25][i % 5])
            .collect();
        let a = paired_bootstrap(&diffs, 500, 42, 0.95).unwrap();
        let b = paired_bootstrap(&diffs, 500, 42, 0.95).unwrap();
        assert_eq!(a, b, "same seed, same interval");
        assert!((a.diff - 25.0).abs() < 1e-9);
        assert!(a.lower < a.diff && a.diff < a.upper, "{a:?}");
        // The standard error of the mean is sd/sqrt(n) ≈ 0.51/14.1 ≈ 3.6 points: a 95% interval is
        // about ±7 points.
        let half = (a.upper - a.lower) / 2.0;
        assert!((5.0..9.5).contains(&half), "{a:?}");
        let c = paired_bootstrap(&diffs, 500, 43, 0.95).unwrap();
        assert_ne!(a, c, "another seed, another draw");
        let narrow = paired_bootstrap(&diffs, 500, 42, 0.5).unwrap();
        assert!(narrow.upper - narrow.lower < a.upper - a.lower);
    }
}
