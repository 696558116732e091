//! The MT-Bench-style demo's judge: pairwise verdicts with a planted position bias, single-answer
//! ratings, and the short explanations that end in FastChat's verdict marks.
//!
//! A pairwise game compares the latent quality of the answer shown as Assistant A with the one shown
//! as Assistant B, plus [`POSITION_BIAS`] for A: an ordered logit with a tie band, so close answers
//! tie. FastChat plays every pair twice with the answers swapped
//! (`fastchat/llm_judge/common.py::play_a_match_pair`), so the bias favours `model_1` in game 1 and
//! `model_2` in game 2, and the two games of a row disagree more often than quality alone would
//! make them. A few games end with no `[[A]]`, `[[B]]` or `[[C]]` in the text: FastChat then writes
//! `error`. A single rating maps quality linearly onto 1-10 with noise; a few have no `[[n]]` and
//! are written as `-1`, as `play_a_match_single` does.

use rand_chacha::ChaCha8Rng;

use crate::code::capitalize;
use crate::mt_questions::MtQuestion;
use crate::rng::{chance, int, logistic, normal, pick, uniform};

/// Extra log-odds for whichever answer the judge reads first (Assistant A).
pub const POSITION_BIAS: f64 = 0.8;
/// Half-width of the tie band, in log-odds.
const TIE_BAND: f64 = 0.6;
/// Share of pairwise games whose judge output has no verdict mark.
const PAIR_ERROR_RATE: f64 = 0.002;
/// Share of single grades whose judge output has no rating mark.
const SINGLE_ERROR_RATE: f64 = 0.005;

/// The outcome of one game, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    A,
    B,
    Tie,
    Error,
}

impl Pick {
    /// The winner label in model terms (`g1_winner` / `g2_winner`): game 1 shows `model_1` as A,
    /// game 2 shows `model_2` as A.
    pub fn label(self, game: u8) -> &'static str {
        match self {
            Pick::Tie => "tie",
            Pick::Error => "error",
            // Game 1 shows model_1 as A, game 2 shows model_2 as A.
            Pick::A | Pick::B if (self == Pick::A) == (game == 1) => "model_1",
            Pick::A | Pick::B => "model_2",
        }
    }
}

/// One game between the answers of quality `qa` (shown first) and `qb`.
pub fn game(rng: &mut ChaCha8Rng, qa: f64, qb: f64) -> Pick {
    if chance(rng, PAIR_ERROR_RATE) {
        return Pick::Error;
    }
    let d = qa - qb + POSITION_BIAS;
    let (pa, pb) = (logistic(d - TIE_BAND), logistic(-d - TIE_BAND));
    let u = uniform(rng);
    if u < pa {
        Pick::A
    } else if u < pa + pb {
        Pick::B
    } else {
        Pick::Tie
    }
}

/// A rating from 1 to 10 for an answer of latent quality `q`, or `-1` when the judge's output has
/// no `[[rating]]`.
pub fn grade(rng: &mut ChaCha8Rng, q: f64) -> i32 {
    if chance(rng, SINGLE_ERROR_RATE) {
        return -1;
    }
    let x = 6.2 + 1.3 * q + 0.8 * normal(rng);
    // `as i32` truncates toward zero; +0.5 first rounds the (positive) value to nearest.
    ((x.clamp(1.0, 10.0) + 0.5) as i32).clamp(1, 10)
}

const OPENINGS_1: [&str; 4] = [
    "Both assistants respond to the request about @a@.",
    "The user asks for help with @a@ and @b@.",
    "The question is about @a@, so accuracy and relevance matter most.",
    "Both answers address the question, but they differ in quality.",
];
const OPENINGS_2: [&str; 3] = [
    "In the second turn the user follows up, so the answers must build on the first reply.",
    "The follow-up question asks the assistants to rework their answer about @a@.",
    "Looking at the second answers in the context of the whole conversation:",
];
const STRENGTHS: [&str; 6] = [
    "gives a correct and well-organised answer",
    "addresses every part of the instruction",
    "explains @a@ with a concrete example",
    "keeps the answer focused and easy to follow",
    "handles the point about @b@ carefully",
    "follows the requested format exactly",
];
const WEAKNESSES: [&str; 6] = [
    "misses the point about @b@",
    "makes an error in the final step",
    "stays vague about @a@",
    "ignores part of the instruction",
    "repeats itself without adding detail",
    "drifts away from the question",
];
const REFERENCE_NOTES: [&str; 3] = [
    "Compared with the reference answer, ",
    "Checking against the reference, ",
    "The reference solution shows that ",
];
const TIES: [&str; 3] = [
    "Both answers are accurate and similarly detailed, and neither has a clear advantage.",
    "The two responses cover @a@ equally well; each has a minor omission.",
    "Both assistants make the same mistake about @b@, so neither is better.",
];
const UNDECIDED: [&str; 2] = [
    "Both answers have merit regarding @a@, and it is hard to say which one the user would prefer without more context.",
    "Assistant A is clearer about @a@, but Assistant B covers @b@ in more depth; the comparison depends on what the user values.",
];

fn terms(text: &str, q: &MtQuestion) -> String {
    let t = &q.topic.terms;
    text.replace("@a@", t[0]).replace("@b@", t[1])
}

/// The explanation of one pairwise game, ending with its verdict mark (none for an error).
pub fn pair_judgment(rng: &mut ChaCha8Rng, q: &MtQuestion, turn: u8, pick: Pick) -> String {
    let opening = if turn == 1 {
        self::pick(rng, &OPENINGS_1)
    } else {
        self::pick(rng, &OPENINGS_2)
    };
    let mut out = terms(opening, q);
    out.push(' ');
    let reference = if q.category.needs_reference() {
        self::pick(rng, &REFERENCE_NOTES)
    } else {
        ""
    };
    let (winner, loser, mark) = match pick {
        Pick::A => ("Assistant A", "Assistant B", "[[A]]"),
        Pick::B => ("Assistant B", "Assistant A", "[[B]]"),
        Pick::Tie => {
            let t = terms(self::pick(rng, &TIES), q);
            out.push_str(&format!("{reference}{t}"));
            out.push_str("\n\nFinal verdict: [[C]]");
            return out;
        }
        Pick::Error => {
            out.push_str(&terms(self::pick(rng, &UNDECIDED), q));
            return out;
        }
    };
    let good = terms(self::pick(rng, &STRENGTHS), q);
    let bad = terms(self::pick(rng, &WEAKNESSES), q);
    let body = format!("{reference}{winner} {good}, while {loser} {bad}.");
    out.push_str(&capitalize(&body));
    if int(rng, 0, 2) == 0 {
        out.push_str(&format!(
            " {loser}'s answer is not wrong everywhere, but {winner}'s is more helpful overall."
        ));
    }
    out.push_str(&format!("\n\nFinal verdict: {mark}"));
    out
}

const BANDS: [(i32, &str); 5] = [
    (
        9,
        "The response is excellent: accurate, complete and well presented.",
    ),
    (
        7,
        "The response is good and mostly accurate, with a few gaps.",
    ),
    (
        5,
        "The response is partly helpful but misses important details.",
    ),
    (
        3,
        "The response has significant errors and only partly answers the question.",
    ),
    (1, "The response is largely unhelpful or incorrect."),
];

/// The explanation of one single grade, ending with `Rating: [[n]]` (for `-1`, a rating the
/// format does not recognise).
pub fn single_judgment(rng: &mut ChaCha8Rng, q: &MtQuestion, turn: u8, score: i32) -> String {
    let shown = if score < 0 {
        int(rng, 4, 8) as i32
    } else {
        score
    };
    let band = BANDS
        .iter()
        .find(|(lo, _)| shown >= *lo)
        .map_or(BANDS[4].1, |b| b.1);
    let detail = if shown >= 6 {
        terms(self::pick(rng, &STRENGTHS), q)
    } else {
        terms(self::pick(rng, &WEAKNESSES), q)
    };
    let context = if turn == 2 {
        "In the follow-up, the assistant"
    } else {
        "The assistant"
    };
    let reference = if q.category.needs_reference() {
        " Compared with the reference answer, the key steps are checked."
    } else {
        ""
    };
    let mark = if score < 0 {
        format!("Rating: {shown} out of 10")
    } else {
        format!("Rating: [[{score}]]")
    };
    format!("{band} {context} {detail}.{reference}\n\n{mark}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt_questions::mt_questions;
    use crate::rng::stream;

    #[test]
    fn labels_are_in_model_terms() {
        assert_eq!(Pick::A.label(1), "model_1");
        assert_eq!(Pick::A.label(2), "model_2");
        assert_eq!(Pick::B.label(1), "model_2");
        assert_eq!(Pick::B.label(2), "model_1");
        assert_eq!(Pick::Tie.label(2), "tie");
        assert_eq!(Pick::Error.label(1), "error");
    }

    #[test]
    fn texts_carry_their_marks() {
        let qs = mt_questions(&mut stream(3, 1));
        let mut rng = stream(3, 2);
        for q in qs.iter().step_by(7) {
            for (p, mark) in [
                (Pick::A, Some("[[A]]")),
                (Pick::B, Some("[[B]]")),
                (Pick::Tie, Some("[[C]]")),
                (Pick::Error, None),
            ] {
                let t = pair_judgment(&mut rng, q, 1, p);
                assert!(!t.contains('@'), "{t}");
                match mark {
                    Some(m) => assert!(t.ends_with(m), "{t}"),
                    None => assert!(!t.contains("[["), "{t}"),
                }
            }
            assert!(single_judgment(&mut rng, q, 2, 7).ends_with("[[7]]"));
            assert!(!single_judgment(&mut rng, q, 1, -1).contains("[["));
        }
    }

    #[test]
    fn grades_stay_in_range() {
        let mut rng = stream(4, 1);
        for i in 0..2000 {
            let g = grade(&mut rng, (i % 9) as f64 - 4.0);
            assert!(g == -1 || (1..=10).contains(&g));
        }
    }
}
