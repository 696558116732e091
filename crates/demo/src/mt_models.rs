//! The seven fictional models of the MT-Bench-style demo and their latent traits.
//!
//! Each model has a strength (log-odds on an average question), a skill offset per MT-Bench
//! category, a second-turn offset (how much worse it does once the conversation goes on), a typical
//! answer length and a markdown style borrowed from the Arena-Hard demo's writer. Two of them carry
//! the demo's planted effects (see [`crate::mt_bench`]): [`MATH_SPECIALIST`] and [`TURN_TWO_DROP`].
//! The first model, [`MT_ANCHOR`], is balanced: FastChat's pairwise-all rows put the first model as
//! `model_1` against every other, so the pages that read a row's `model_1` as the baseline compare
//! everyone with it.

use crate::models::{Style, HEAVY, PLAIN, PROSE, STRUCTURED, TERSE};
use crate::mt_questions::MtCategory;

/// A fictional MT-Bench model.
#[derive(Clone, Debug)]
pub struct MtModel {
    pub name: &'static str,
    /// Log-odds of beating an average model on an average question.
    pub strength: f64,
    /// Extra log-odds per category, indexed by [`MtCategory::index`].
    pub skill: [f64; 8],
    /// Added to the latent quality of every second-turn answer.
    pub turn_two: f64,
    /// Typical first-turn answer length in words.
    pub words: f64,
    pub style: Style,
}

impl MtModel {
    /// Latent quality of the model's answer on a category and turn, before question spread and luck.
    pub fn ability(&self, cat: MtCategory) -> f64 {
        self.strength + self.skill[cat.index()]
    }
}

/// The balanced first model (see the module docs).
pub const MT_ANCHOR: &str = "lark-13b-chat";
/// Strong on math and coding (and reasoning), weak on writing and roleplay.
pub const MATH_SPECIALIST: &str = "abacus-34b";
/// Good first answers, much worse second turns (it loses track of the conversation).
pub const TURN_TWO_DROP: &str = "drift-13b-v0.3";

/// Skills are `[writing, roleplay, reasoning, math, coding, extraction, stem, humanities]`.
const NO_SKILL: [f64; 8] = [0.0; 8];

/// The roster, in the order FastChat would be given it (`--model-list`).
pub fn mt_models() -> Vec<MtModel> {
    vec![
        MtModel {
            name: MT_ANCHOR,
            strength: 0.0,
            skill: NO_SKILL,
            turn_two: 0.0,
            words: 150.0,
            style: STRUCTURED,
        },
        MtModel {
            name: "atlas-70b-instruct",
            strength: 1.3,
            skill: [0.2, 0.2, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2],
            turn_two: -0.1,
            words: 210.0,
            style: HEAVY,
        },
        MtModel {
            name: MATH_SPECIALIST,
            strength: 0.2,
            skill: [-1.9, -1.6, 0.9, 2.1, 1.8, 0.2, 0.4, -0.9],
            turn_two: 0.0,
            words: 130.0,
            style: TERSE,
        },
        MtModel {
            name: "quill-13b",
            strength: 0.1,
            skill: [1.0, 0.9, -0.3, -0.8, -0.7, 0.0, -0.1, 0.5],
            turn_two: 0.0,
            words: 190.0,
            style: PROSE,
        },
        MtModel {
            name: "nova-8b-dpo",
            strength: 0.5,
            skill: NO_SKILL,
            turn_two: -0.2,
            words: 170.0,
            style: STRUCTURED,
        },
        MtModel {
            name: TURN_TWO_DROP,
            strength: 0.6,
            skill: NO_SKILL,
            turn_two: -2.2,
            words: 140.0,
            style: PLAIN,
        },
        MtModel {
            name: "ember-7b-chat",
            strength: -0.9,
            skill: [0.0, 0.1, -0.2, -0.3, -0.2, 0.0, 0.0, 0.0],
            turn_two: -0.3,
            words: 110.0,
            style: PLAIN,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_the_planted_models_are_there() {
        let ms = mt_models();
        assert_eq!(ms[0].name, MT_ANCHOR);
        for name in [MATH_SPECIALIST, TURN_TWO_DROP] {
            assert_eq!(ms.iter().filter(|m| m.name == name).count(), 1);
        }
        let mut names: Vec<&str> = ms.iter().map(|m| m.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ms.len());
    }
}
