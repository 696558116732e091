//! Prompt quality by Arena-Hard's seven criteria (BenchBuilder, "From Crowdsourced Data to
//! High-Quality Benchmarks", Li et al. 2024, section 3): specificity, domain knowledge,
//! complexity, problem-solving, creativity, technical accuracy and real-world application, each
//! 0/1. A prompt's score is the number that hold (0–7); a group's quality is its prompts' mean.
//! Chatbot Arena's released logs carry the flags as `category_tag.criteria_v0.1` under the key
//! names of [`Criterion::key`], and the Arena's "Hard Prompts" category is a score of
//! [`HARD_PROMPT_SCORE`] or more.

use serde::{Deserialize, Serialize};

/// The score from which a prompt is a "hard prompt" (Arena's Hard Prompts category).
pub const HARD_PROMPT_SCORE: u8 = 6;

/// One of the seven criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Specificity,
    DomainKnowledge,
    Complexity,
    ProblemSolving,
    Creativity,
    TechnicalAccuracy,
    RealWorld,
}

impl Criterion {
    /// All seven, in the releases' key order.
    pub const ALL: [Criterion; 7] = [
        Criterion::Specificity,
        Criterion::DomainKnowledge,
        Criterion::Complexity,
        Criterion::ProblemSolving,
        Criterion::Creativity,
        Criterion::TechnicalAccuracy,
        Criterion::RealWorld,
    ];

    /// The key in `category_tag.criteria_v0.1` (lmarena's arena-human-preference-100k/140k
    /// releases), which is also the URL's and the CLI's spelling.
    pub fn key(self) -> &'static str {
        match self {
            Criterion::Specificity => "specificity",
            Criterion::DomainKnowledge => "domain_knowledge",
            Criterion::Complexity => "complexity",
            Criterion::ProblemSolving => "problem_solving",
            Criterion::Creativity => "creativity",
            Criterion::TechnicalAccuracy => "technical_accuracy",
            Criterion::RealWorld => "real_world",
        }
    }

    /// The name a reader sees ("creativity prompts").
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Specificity => "specificity",
            Criterion::DomainKnowledge => "domain knowledge",
            Criterion::Complexity => "complexity",
            Criterion::ProblemSolving => "problem-solving",
            Criterion::Creativity => "creativity",
            Criterion::TechnicalAccuracy => "technical accuracy",
            Criterion::RealWorld => "real-world application",
        }
    }

    /// Reads a key; `-` and spaces are accepted for `_` (`problem-solving`, `real world`).
    pub fn parse(s: &str) -> Option<Criterion> {
        let k = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Criterion::ALL.into_iter().find(|c| c.key() == k)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl std::fmt::Display for Criterion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// The flags of one prompt that carries criteria tags (a prompt without tags has none at all, which
/// is not the same as a score of 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Criteria(u8);

impl Criteria {
    /// The flags from `(key, is true)` pairs; keys that are not one of the seven are ignored, so a
    /// later release with more keys still scores by these.
    pub fn from_flags<'a>(flags: impl IntoIterator<Item = (&'a str, bool)>) -> Criteria {
        let mut bits = 0u8;
        for (k, v) in flags {
            if let (Some(c), true) = (Criterion::ALL.into_iter().find(|c| c.key() == k), v) {
                bits |= c.bit();
            }
        }
        Criteria(bits)
    }

    /// The flags of the listed criteria.
    pub fn of(list: &[Criterion]) -> Criteria {
        Criteria(list.iter().fold(0, |b, c| b | c.bit()))
    }

    pub fn has(self, c: Criterion) -> bool {
        self.0 & c.bit() != 0
    }

    /// The prompt's score, 0–7.
    pub fn score(self) -> u8 {
        (self.0 & 0x7f).count_ones() as u8
    }

    /// Six or more of seven: Arena's "Hard Prompts" rule.
    pub fn is_hard(self) -> bool {
        self.score() >= HARD_PROMPT_SCORE
    }

    /// The criteria that hold, in key order.
    pub fn list(self) -> Vec<Criterion> {
        Criterion::ALL
            .into_iter()
            .filter(|&c| self.has(c))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_counts_the_known_keys_only() {
        let c = Criteria::from_flags([
            ("specificity", true),
            ("creativity", true),
            ("complexity", false),
            ("unknown", true),
        ]);
        assert_eq!(c.score(), 2);
        assert!(c.has(Criterion::Creativity) && !c.has(Criterion::Complexity));
        assert_eq!(c.list(), [Criterion::Specificity, Criterion::Creativity]);
        assert!(!c.is_hard());
        assert!(Criteria::of(&Criterion::ALL[..6]).is_hard());
        assert_eq!(Criteria::of(&Criterion::ALL).score(), 7);
    }

    #[test]
    fn keys_round_trip_and_accept_other_spellings() {
        for c in Criterion::ALL {
            assert_eq!(Criterion::parse(c.key()), Some(c));
        }
        assert_eq!(
            Criterion::parse("Problem-Solving"),
            Some(Criterion::ProblemSolving)
        );
        assert_eq!(Criterion::parse("real world"), Some(Criterion::RealWorld));
        assert_eq!(Criterion::parse("hardness"), None);
    }
}
