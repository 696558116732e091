//! Judge verdict labels and the battles they become.
//!
//! A judgment game carries a label such as `A>>B`. Arena-Hard v0.1 knows five labels; v2.0 also accepts
//! mirrored spellings (`A<B`, `B<A`, ...). The reference v0.1 tool silently drops any other label, so we
//! keep the v0.1 set strict (to reproduce its numbers) and report everything else instead of dropping it.

use serde::{Deserialize, Serialize};

/// A judge's verdict for one game, read with Assistant A and Assistant B as they appeared to the judge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// `A>>B`
    AMuchBetter,
    /// `A>B`
    ABetter,
    /// `A=B`
    Tie,
    /// `B>A`
    BBetter,
    /// `B>>A`
    BMuchBetter,
}

/// Which label spellings a format accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelSet {
    /// The five v0.1 labels, exactly.
    V01,
    /// v0.1 labels plus the v2.0 mirrored spellings.
    V20,
}

impl Verdict {
    /// Parses a label; `None` when the label is not one the format knows.
    pub fn parse(label: &str, set: LabelSet) -> Option<Verdict> {
        let v = match label {
            "A>>B" => Verdict::AMuchBetter,
            "A>B" => Verdict::ABetter,
            "A=B" => Verdict::Tie,
            "B>A" => Verdict::BBetter,
            "B>>A" => Verdict::BMuchBetter,
            _ if set == LabelSet::V01 => return None,
            "B<<A" => Verdict::AMuchBetter,
            "B<A" => Verdict::ABetter,
            "B=A" => Verdict::Tie,
            "A<B" => Verdict::BBetter,
            "A<<B" => Verdict::BMuchBetter,
            _ => return None,
        };
        Some(v)
    }

    /// The canonical label.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::AMuchBetter => "A>>B",
            Verdict::ABetter => "A>B",
            Verdict::Tie => "A=B",
            Verdict::BBetter => "B>A",
            Verdict::BMuchBetter => "B>>A",
        }
    }

    /// The same verdict seen with the positions swapped.
    pub fn mirrored(self) -> Verdict {
        match self {
            Verdict::AMuchBetter => Verdict::BMuchBetter,
            Verdict::ABetter => Verdict::BBetter,
            Verdict::Tie => Verdict::Tie,
            Verdict::BBetter => Verdict::ABetter,
            Verdict::BMuchBetter => Verdict::AMuchBetter,
        }
    }

    /// True for `A>>B` and `B>>A`, which the reference counts `weight` times.
    pub fn is_strong(self) -> bool {
        matches!(self, Verdict::AMuchBetter | Verdict::BMuchBetter)
    }

    /// The outcome for the model shown as Assistant A.
    pub fn outcome(self) -> Outcome {
        match self {
            Verdict::AMuchBetter | Verdict::ABetter => Outcome::AWins,
            Verdict::Tie => Outcome::Tie,
            Verdict::BBetter | Verdict::BMuchBetter => Outcome::BWins,
        }
    }

    /// Score for Assistant A on the v2.0 scale: win 1, tie 0.5, loss 0.
    pub fn score_for_a(self) -> f64 {
        match self.outcome() {
            Outcome::AWins => 1.0,
            Outcome::Tie => 0.5,
            Outcome::BWins => 0.0,
        }
    }
}

/// The result of one battle row, from the point of view of `model_a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    AWins,
    Tie,
    BWins,
}

impl Outcome {
    /// Index 0..3, for count arrays.
    pub fn index(self) -> usize {
        match self {
            Outcome::AWins => 0,
            Outcome::Tie => 1,
            Outcome::BWins => 2,
        }
    }

    /// The battles-file spelling of `winner`.
    pub fn winner_label(self) -> &'static str {
        match self {
            Outcome::AWins => "model_a",
            Outcome::Tie => "tie",
            Outcome::BWins => "model_b",
        }
    }

    /// Parses the battles-file `winner` field.
    pub fn parse_winner(s: &str) -> Option<Outcome> {
        match s {
            "model_a" => Some(Outcome::AWins),
            "model_b" => Some(Outcome::BWins),
            "tie" | "tie (bothbad)" => Some(Outcome::Tie),
            _ => None,
        }
    }

    /// The same result with the sides swapped.
    pub fn swapped(self) -> Outcome {
        match self {
            Outcome::AWins => Outcome::BWins,
            Outcome::Tie => Outcome::Tie,
            Outcome::BWins => Outcome::AWins,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v01_is_strict_and_v20_accepts_mirrors() {
        assert_eq!(Verdict::parse("A<B", LabelSet::V01), None);
        assert_eq!(Verdict::parse("[A=B]", LabelSet::V20), None);
        assert_eq!(Verdict::parse("A<B", LabelSet::V20), Some(Verdict::BBetter));
        assert_eq!(
            Verdict::parse("B<<A", LabelSet::V20),
            Some(Verdict::AMuchBetter)
        );
        for v in [
            Verdict::AMuchBetter,
            Verdict::ABetter,
            Verdict::Tie,
            Verdict::BBetter,
            Verdict::BMuchBetter,
        ] {
            assert_eq!(Verdict::parse(v.label(), LabelSet::V01), Some(v));
            assert_eq!(v.mirrored().mirrored(), v);
            assert_eq!(v.mirrored().outcome(), v.outcome().swapped());
        }
    }
}
