//! The two simulated judges: how they reach a verdict and how they explain it.
//!
//! A game compares the answers in positions A and B. The judge's preference for B is
//!
//! ```text
//! (quality_B - quality_A)                                 true difference of the two answers
//!   + length_beta * (len_B - len_A) / (len_B + len_A)      length bias
//!   + family_bonus * (in_family(B) - in_family(A))         self-preference
//!   - position_bias                                        judges lean towards the first answer
//!   ± reading                                              the judge's own take on this answer pair
//!   + noise * logistic(0, 1)
//! ```
//!
//! cut into the five Arena-Hard labels at fixed thresholds (an ordered-logit model). With the
//! baseline in A in game 1 and in B in game 2, position bias and noise make the two games
//! disagree sometimes, as real judges do. The `reading` is drawn once per prompt and shared by both
//! games (with its sign following the model's position): a judge that misjudges a pair of answers
//! tends to misjudge it both ways round, so the games agree about as often as in real files (a
//! quarter of rows flip on the Korean set's ensemble judge). `judge-sage` has the planted length bias; `judge-atlas`
//! has almost none but favours `atlas-*` models. The logistic noise is drawn by comparing one
//! uniform with [`logistic`] at each threshold, so no platform-dependent `ln` is needed.

use rand_chacha::ChaCha8Rng;

use crate::models::FAVOURED_FAMILY;
use crate::rng::{logistic, pick, uniform};
use crate::topics::{Category, Question};

/// How a judge writes its explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// Arena-Hard's own format: "My own answer to the prompt would...", an evaluation of each
    /// assistant, and "My final verdict is: ...: [[X]]".
    Thorough,
    /// A short two-bullet review ending in "Verdict: [[X]]" (half the size: judgment text is
    /// most of the demo's bytes).
    Brief,
}

/// A simulated judge.
#[derive(Clone, Debug)]
pub struct Judge {
    pub name: &'static str,
    /// Log-odds per unit of relative length difference.
    pub length_beta: f64,
    /// Log-odds bonus for answers by a model of [`FAVOURED_FAMILY`].
    pub family_bonus: f64,
    /// Log-odds lean towards the answer in position A.
    pub position_bias: f64,
    /// Scale of the logistic judgment noise, drawn afresh in each game.
    pub noise: f64,
    /// Standard deviation of the judge's reading of a model's answer against the baseline's, drawn
    /// once per prompt and shared by both games.
    pub shared: f64,
    pub voice: Voice,
    /// Whether rows carry the full `user_prompt` (doubles the file size, so only one judge does).
    pub keeps_user_prompt: bool,
}

/// The two judges. Index 0 has the planted length bias, index 1 the family preference.
pub fn judges() -> [Judge; 2] {
    [
        Judge {
            name: "judge-sage",
            length_beta: 1.0,
            family_bonus: 0.0,
            position_bias: 0.25,
            noise: 0.3,
            shared: 1.0,
            voice: Voice::Thorough,
            keeps_user_prompt: true,
        },
        Judge {
            name: "judge-atlas",
            length_beta: 0.1,
            family_bonus: 0.5,
            position_bias: 0.2,
            noise: 0.28,
            shared: 0.9,
            voice: Voice::Brief,
            keeps_user_prompt: false,
        },
    ]
}

/// One of the two answers in a game, as the judge sees it.
pub struct Side<'a> {
    pub family: &'a str,
    /// Latent quality (log-odds scale).
    pub quality: f64,
    pub tokens: u32,
    pub words: usize,
    pub structured: bool,
    pub has_code: bool,
}

/// The five Arena-Hard labels, from "A much better" to "B much better".
pub const LABELS: [&str; 5] = ["A>>B", "A>B", "A=B", "B>A", "B>>A"];
const PHRASES: [&str; 5] = [
    "Assistant A is significantly better",
    "Assistant A is slightly better",
    "Tie, relatively the same",
    "Assistant B is slightly better",
    "Assistant B is significantly better",
];
/// Cut points on the preference-for-B scale between consecutive labels.
const CUTS: [f64; 4] = [-2.0, -0.5, 0.5, 2.0];

impl Judge {
    /// The deterministic part of the preference for B (everything but the noise).
    pub fn lean_to_b(&self, a: &Side, b: &Side) -> f64 {
        let len = (b.tokens as f64 - a.tokens as f64) / ((b.tokens + a.tokens).max(1) as f64);
        let fam = |s: &Side| (s.family == FAVOURED_FAMILY) as i32 as f64;
        (b.quality - a.quality) + self.length_beta * len + self.family_bonus * (fam(b) - fam(a))
            - self.position_bias
    }

    /// The judge's reading of one prompt's answer pair, in favour of the model: about normal with
    /// standard deviation `shared` (a sum of four uniforms, so no platform-dependent `ln`).
    pub fn reading(&self, rng: &mut ChaCha8Rng) -> f64 {
        let s: f64 = (0..4).map(|_| uniform(rng)).sum();
        self.shared * (s - 2.0) * 3f64.sqrt()
    }

    /// A label index into [`LABELS`] for one game, without a shared reading.
    #[cfg(test)]
    pub fn verdict(&self, rng: &mut ChaCha8Rng, a: &Side, b: &Side, identical: bool) -> usize {
        self.verdict_shifted(rng, a, b, identical, 0.0)
    }

    /// A label index into [`LABELS`] for one game; `shift` moves the preference towards B.
    pub fn verdict_shifted(
        &self,
        rng: &mut ChaCha8Rng,
        a: &Side,
        b: &Side,
        identical: bool,
        shift: f64,
    ) -> usize {
        let v = uniform(rng);
        if identical {
            // Identical answers (the baseline against itself): mostly ties, with a little
            // position bias showing through, as in real self-comparison files.
            return if v < 0.88 {
                2
            } else if v < 0.97 {
                1
            } else {
                3
            };
        }
        let d = self.lean_to_b(a, b) + shift;
        // z = d + noise * eps with eps ~ Logistic, and eps > t  <=>  v > logistic(t).
        CUTS.iter()
            .filter(|&&c| v > logistic((c - d) / self.noise))
            .count()
    }

    /// The judge's explanation, ending in the verdict line for `label`.
    pub fn explain(
        &self,
        rng: &mut ChaCha8Rng,
        q: &Question,
        a: &Side,
        b: &Side,
        label: usize,
    ) -> String {
        let t = &q.terms;
        let fill = |s: &str| s.replace("@a@", t[0]).replace("@b@", t[1]);
        // Which side the verdict favours: -1 A, 0 tie, +1 B.
        let winner = (label as i32 - 2).signum();
        let assess = |rng: &mut ChaCha8Rng, side: i32| -> String {
            let pool: &[&str] = if winner == 0 {
                TIE_NOTES
            } else if winner == side {
                GOOD_NOTES
            } else {
                WEAK_NOTES
            };
            fill(pick(rng, pool))
        };
        let note_a = assess(rng, -1);
        let note_b = assess(rng, 1);
        let compare = match self.voice {
            Voice::Thorough => self.comparison(a, b, winner),
            Voice::Brief => String::new(),
        };
        match self.voice {
            Voice::Thorough => format!(
                "My own answer to the prompt would {}.\n\n\
                 Assistant A's answer ({} words{}): {note_a}\n\n\
                 Assistant B's answer ({} words{}): {note_b}\n\n\
                 {compare}My final verdict is: {}: [[{}]].",
                fill(own_answer(q.category())),
                a.words,
                shape(a),
                b.words,
                shape(b),
                PHRASES[label],
                LABELS[label],
            ),
            Voice::Brief => format!(
                "- A ({} words{}): {note_a}\n- B ({} words{}): {note_b}\n\nVerdict: [[{}]]",
                a.words,
                shape(a),
                b.words,
                shape(b),
                LABELS[label],
            ),
        }
    }

    /// One sentence comparing the answers (with its paragraph break), or nothing for a tie.
    /// A length-biased judge rationalises its preference for the longer answer as thoroughness,
    /// which is what makes length bias hard to spot by reading judgments one at a time.
    fn comparison(&self, a: &Side, b: &Side, winner: i32) -> String {
        if winner == 0 {
            // A tie's verdict line says it all.
            return String::new();
        }
        let (w, l, wn) = if winner > 0 { (b, a, "B") } else { (a, b, "A") };
        if w.words > l.words * 13 / 10 {
            format!("Assistant {wn}'s more thorough answer is more helpful.\n\n")
        } else if w.words * 13 / 10 < l.words {
            format!("Assistant {wn} is more concise and loses nothing important.\n\n")
        } else {
            format!("Assistant {wn} is more accurate and relevant.\n\n")
        }
    }
}

const GOOD_NOTES: &[&str] = &[
    "It is accurate on the @a@.",
    "It covers the @a@ and the @b@ correctly.",
    "It is clear, relevant and handles the @b@ well.",
];
const WEAK_NOTES: &[&str] = &[
    "It glosses over the @b@ and slips on the @a@.",
    "It is vague about the @a@ and misses the @b@.",
    "It is relevant but thin on the @a@.",
];
const TIE_NOTES: &[&str] = &["It is correct but generic.", "It is accurate on the @a@."];

fn own_answer(cat: Category) -> &'static str {
    match cat {
        Category::Coding => "show a short working example using the @a@",
        Category::Math => "work through the @a@ step by step",
        Category::Writing => "be a focused draft built around the @a@",
        Category::Reasoning => "lay out the @a@ and check each step against the @b@",
        Category::Knowledge => "summarize the @a@ with one concrete example",
    }
}

fn shape(s: &Side) -> &'static str {
    match (s.has_code, s.structured) {
        (true, _) => ", with code",
        (false, true) => ", structured",
        (false, false) => "",
    }
}

/// The `user_prompt` of a game: the prompt and both answers between Arena-Hard's markers.
pub fn user_prompt(prompt: &str, answer_a: &str, answer_b: &str) -> String {
    format!(
        "<|User Prompt|>\n{prompt}\n\n<|The Start of Assistant A's Answer|>\n{answer_a}\n<|The End of Assistant A's Answer|>\n\n<|The Start of Assistant B's Answer|>\n{answer_b}\n<|The End of Assistant B's Answer|>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    fn side(family: &str, quality: f64, tokens: u32) -> Side<'_> {
        Side {
            family,
            quality,
            tokens,
            words: (tokens as usize * 10) / 13,
            structured: false,
            has_code: false,
        }
    }

    fn mean_label(j: &Judge, a: &Side, b: &Side) -> f64 {
        let mut rng = stream(1, 1);
        let n = 4000;
        (0..n)
            .map(|_| j.verdict(&mut rng, a, b, false) as f64)
            .sum::<f64>()
            / n as f64
    }

    #[test]
    fn better_answers_win_more() {
        let j = &judges()[1];
        let low = mean_label(j, &side("x", 0.0, 100), &side("y", -1.0, 100));
        let high = mean_label(j, &side("x", 0.0, 100), &side("y", 1.0, 100));
        assert!(high > low + 0.8, "{low} {high}");
    }

    #[test]
    fn sage_prefers_length_and_atlas_prefers_family() {
        let [sage, atlas] = judges();
        let short = side("x", 0.0, 100);
        let long = side("y", 0.0, 400);
        let gain_sage = mean_label(&sage, &short, &long) - mean_label(&sage, &short, &short);
        let gain_atlas = mean_label(&atlas, &short, &long) - mean_label(&atlas, &short, &short);
        assert!(
            gain_sage > 0.3 && gain_atlas < 0.15,
            "{gain_sage} {gain_atlas}"
        );
        let fam = side(FAVOURED_FAMILY, 0.0, 100);
        let gain_fam = mean_label(&atlas, &short, &fam) - mean_label(&atlas, &short, &short);
        assert!(gain_fam > 0.25, "{gain_fam}");
    }

    #[test]
    fn position_a_is_favoured() {
        let j = &judges()[0];
        let s = side("x", 0.0, 100);
        assert!(mean_label(j, &s, &s) < 1.9);
    }

    #[test]
    fn explanation_ends_with_the_label() {
        let qs = crate::topics::questions(
            &mut stream(2, 1),
            &mut stream(2, 2),
            crate::topics::QUESTION_COUNT,
        );
        let mut rng = stream(2, 3);
        for j in judges() {
            for (label, name) in LABELS.iter().enumerate() {
                let text = j.explain(
                    &mut rng,
                    &qs[0],
                    &side("x", 0.0, 90),
                    &side("y", 0.0, 300),
                    label,
                );
                assert!(
                    text.ends_with(&format!("[[{name}]]"))
                        || text.ends_with(&format!("[[{name}]]."))
                );
                assert_eq!(text.matches("[[").count(), 1);
            }
        }
    }
}
