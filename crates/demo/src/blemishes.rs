//! A few deliberate defects in the first judge's files, because real judgment files have them and
//! the site must count and report them rather than silently drop them (see the formats notes):
//! three games whose `score` is `null` (the judge wrote no parsable verdict), one game with the
//! unknown label `A>>>B`, and one row with a single game. They hit non-baseline models only,
//! at positions drawn from the seed, so they are deterministic.

use rand_chacha::ChaCha8Rng;

use crate::rng::int;

/// What goes wrong in one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The game's `score` is null; its judgment has no verdict line.
    NullScore { game: usize },
    /// The first game's score is `A>>>B`, which no parser should accept.
    UnknownLabel,
    /// The second game is missing.
    SingleGame,
}

/// One planted defect: row `question` of model `model`'s file of the first judge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blemish {
    pub model: usize,
    pub question: usize,
    pub kind: Kind,
}

/// The label planted by [`Kind::UnknownLabel`].
pub const UNKNOWN_LABEL: &str = "A>>>B";

/// Five defects at distinct rows, avoiding `baseline` (the model index of the baseline).
pub fn plan(
    rng: &mut ChaCha8Rng,
    model_count: usize,
    baseline: usize,
    question_count: usize,
) -> Vec<Blemish> {
    let kinds = [
        Kind::NullScore { game: 0 },
        Kind::NullScore { game: 1 },
        Kind::NullScore { game: 0 },
        Kind::UnknownLabel,
        Kind::SingleGame,
    ];
    let mut out: Vec<Blemish> = Vec::new();
    for kind in kinds {
        loop {
            let model = int(rng, 0, model_count as u32 - 1) as usize;
            let question = int(rng, 0, question_count as u32 - 1) as usize;
            let taken = out
                .iter()
                .any(|b| b.model == model && b.question == question);
            if model != baseline && !taken {
                out.push(Blemish {
                    model,
                    question,
                    kind,
                });
                break;
            }
        }
    }
    out
}

/// Replaces the verdict at the end of a judgment (its last paragraph) with an undecided one.
pub fn without_verdict(judgment: &str) -> String {
    let body = judgment
        .rsplit_once("\n\n")
        .map_or(judgment, |(head, _)| head);
    format!("{body}\n\nBoth answers have merits and problems, and I cannot settle on a final verdict without more context.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    #[test]
    fn plan_is_distinct_and_skips_baseline() {
        for seed in 0..50 {
            let p = plan(&mut stream(seed, 4), 21, 2, 500);
            assert_eq!(p.len(), 5);
            assert!(p.iter().all(|b| b.model != 2));
            for (i, a) in p.iter().enumerate() {
                for b in &p[i + 1..] {
                    assert!((a.model, a.question) != (b.model, b.question));
                }
            }
        }
    }

    #[test]
    fn verdict_is_removed() {
        let j = "Some analysis.\n\nMore analysis.\n\nMy final verdict is: Tie: [[A=B]].";
        let w = without_verdict(j);
        assert!(!w.contains("[["));
        assert!(w.starts_with("Some analysis.\n\nMore analysis."));
    }
}
