//! What a synthetic Arena vote was about: the prompt's language, its kind (coding, math, creative
//! writing or general), its number of turns and the `category_tag` flags Arena's classifiers
//! attach (`criteria_v0.1`'s seven criteria, `if_v0.1`, `math_v0.1`, `creative_writing_v0.1`).
//!
//! Rates are chosen to look like the public releases (English a little over half, Chinese and
//! Russian next; about one prompt in five is code, about one in five a "hard prompt"), not taken
//! from them.

use crate::rng::{chance, int, uniform};
use rand_chacha::ChaCha8Rng;

/// Languages with their share of votes (sums to 1).
pub const LANGUAGES: [(&str, f64); 12] = [
    ("English", 0.54),
    ("Chinese", 0.12),
    ("Russian", 0.08),
    ("German", 0.05),
    ("Japanese", 0.04),
    ("French", 0.04),
    ("Spanish", 0.04),
    ("Korean", 0.03),
    ("Portuguese", 0.02),
    ("Italian", 0.02),
    ("Polish", 0.01),
    ("Vietnamese", 0.01),
];

/// The kind of request, which drives the category flags and the planted coding effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Coding,
    Math,
    Creative,
    General,
}

/// The seven `criteria_v0.1` keys, in the releases' order.
pub const CRITERIA: [&str; 7] = [
    "specificity",
    "domain_knowledge",
    "complexity",
    "problem_solving",
    "creativity",
    "technical_accuracy",
    "real_world",
];

/// One prompt's description.
#[derive(Clone, Debug)]
pub struct PromptInfo {
    pub language: &'static str,
    pub kind: Kind,
    pub turns: u32,
    pub criteria: [bool; 7],
    /// `if_v0.1`: instruction following, and its 0..5 score.
    pub instruction_following: bool,
    pub if_score: u32,
    pub math: bool,
    pub creative_writing: bool,
    pub refusal: bool,
    pub user_tokens: u32,
}

impl PromptInfo {
    /// Draws one prompt.
    pub fn draw(rng: &mut ChaCha8Rng) -> PromptInfo {
        let language = language(uniform(rng));
        let u = uniform(rng);
        let kind = if u < 0.19 {
            Kind::Coding
        } else if u < 0.27 {
            Kind::Math
        } else if u < 0.37 {
            Kind::Creative
        } else {
            Kind::General
        };
        let turns = match int(rng, 0, 99) {
            0..=83 => 1,
            84..=95 => 2,
            _ => 3,
        };
        // Each criterion's chance depends on the kind: code and math prompts are specific,
        // technical and problem-solving, creative prompts creative. Six of seven is "hard".
        let p: [f64; 7] = match kind {
            Kind::Coding => [0.95, 0.9, 0.85, 0.95, 0.2, 0.95, 0.85],
            Kind::Math => [0.9, 0.7, 0.7, 0.95, 0.1, 0.9, 0.4],
            Kind::Creative => [0.6, 0.2, 0.3, 0.1, 0.95, 0.1, 0.4],
            Kind::General => [0.65, 0.65, 0.55, 0.55, 0.3, 0.55, 0.75],
        };
        let mut criteria = [false; 7];
        for (c, &pc) in criteria.iter_mut().zip(&p) {
            *c = chance(rng, pc);
        }
        let if_score = int(rng, 0, 5);
        PromptInfo {
            language,
            kind,
            turns,
            criteria,
            instruction_following: if_score >= 4,
            if_score,
            math: kind == Kind::Math || (kind == Kind::Coding && chance(rng, 0.1)),
            creative_writing: kind == Kind::Creative,
            refusal: chance(rng, 0.02),
            user_tokens: int(rng, 8, 60) * turns
                + if kind == Kind::Coding {
                    int(rng, 0, 300)
                } else {
                    0
                },
        }
    }
}

/// The language at cumulative share `u` in [0, 1).
fn language(u: f64) -> &'static str {
    let mut acc = 0.0;
    for (name, share) in LANGUAGES {
        acc += share;
        if u < acc {
            return name;
        }
    }
    LANGUAGES[0].0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    #[test]
    fn shares_look_like_the_arena() {
        let mut rng = stream(1, 1);
        let n = 20_000;
        let drawn: Vec<PromptInfo> = (0..n).map(|_| PromptInfo::draw(&mut rng)).collect();
        let share = |f: &dyn Fn(&PromptInfo) -> bool| {
            drawn.iter().filter(|p| f(p)).count() as f64 / n as f64
        };
        // Targets: the constants above; tolerance three binomial standard errors or more.
        assert!((share(&|p| p.language == "English") - 0.54).abs() < 0.02);
        assert!((share(&|p| p.kind == Kind::Coding) - 0.19).abs() < 0.02);
        // Arena's "Hard Prompts" rule: six or more of the seven criteria.
        let hard = share(&|p| p.criteria.iter().filter(|&&c| c).count() >= 6);
        assert!((0.12..0.35).contains(&hard), "hard share {hard}");
    }
}
