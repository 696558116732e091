//! How a synthetic Arena voter decides, and what each side's answer looked like.
//!
//! The voter compares the two models' strengths (Bradley-Terry on the Elo scale, the model
//! FastChat and arena-rank fit), plus the code specialist's bonus on coding prompts, plus a taste
//! for length: [`LENGTH_LOGIT`] times `(tokens_a - tokens_b) / (tokens_a + tokens_b)`, the
//! normalised difference Arena's style control uses as its length feature. Close matches end in a
//! tie more often, and ties between weak models are more often `tie (bothbad)`.
//!
//! All maths is `rng::exp` based, so the log is identical on every platform.

use crate::arena_models::ArenaModel;
use crate::arena_prompts::{Kind, PromptInfo};
use crate::rng::{chance, exp, logistic, normal, uniform};
use rand_chacha::ChaCha8Rng;

/// Natural-log odds per Elo point (FastChat's scale: 400 points per factor 10).
const NAT_PER_ELO: f64 = std::f64::consts::LN_10 / 400.0;
/// The voters' taste for length, in log-odds per unit of normalised length difference.
pub const LENGTH_LOGIT: f64 = 1.6;

/// One side's answer as `conv_metadata` describes it.
#[derive(Clone, Copy, Debug, Default)]
pub struct AnswerShape {
    /// `sum_assistant_*_tokens`.
    pub tokens: u32,
    /// `header_count_*`: h1..h6.
    pub headers: [u32; 6],
    /// `list_count_*`: ordered, unordered.
    pub lists: [u32; 2],
    /// `bold_count_*`: `**`, `__`.
    pub bold: [u32; 2],
}

impl AnswerShape {
    /// Draws an answer of model `m` to prompt `p`: its length varies a lot from answer to answer
    /// (log-normal, sd 0.45) around the model's median; markdown grows with length.
    pub fn draw(rng: &mut ChaCha8Rng, m: &ArenaModel, p: &PromptInfo) -> AnswerShape {
        let kind_factor = match p.kind {
            Kind::Coding => 1.3,
            Kind::Math => 0.9,
            Kind::Creative => 1.1,
            Kind::General => 1.0,
        };
        let tokens =
            (m.tokens * kind_factor * p.turns as f64 * exp(0.45 * normal(rng))).clamp(5.0, 8000.0);
        // Expected markdown elements, split over kinds of element; a draw of 0.5..1.5 of it each.
        let elements = m.markdown * tokens / 100.0;
        let mut part = |share: f64| (share * elements * (0.5 + uniform(rng))) as u32;
        AnswerShape {
            tokens: tokens as u32,
            headers: [0, part(0.02), part(0.08), part(0.03), 0, 0],
            lists: [part(0.2), part(0.35)],
            bold: [part(0.3), 0],
        }
    }
}

/// FastChat's `winner` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Winner {
    ModelA,
    ModelB,
    Tie,
    TieBothBad,
}

impl Winner {
    pub fn as_str(self) -> &'static str {
        match self {
            Winner::ModelA => "model_a",
            Winner::ModelB => "model_b",
            Winner::Tie => "tie",
            Winner::TieBothBad => "tie (bothbad)",
        }
    }
}

/// The vote on one battle.
pub fn vote(
    rng: &mut ChaCha8Rng,
    a: &ArenaModel,
    b: &ArenaModel,
    p: &PromptInfo,
    sa: &AnswerShape,
    sb: &AnswerShape,
) -> Winner {
    let code = |m: &ArenaModel| {
        if p.kind == Kind::Coding {
            m.code_bonus
        } else {
            0.0
        }
    };
    let (ta, tb) = (sa.tokens as f64, sb.tokens as f64);
    let logit = NAT_PER_ELO * (a.rating + code(a) - b.rating - code(b))
        + LENGTH_LOGIT * (ta - tb) / (ta + tb);
    let p_a = logistic(logit);
    // Ties: about 30% of votes between equals, fewer as the match gets one-sided.
    let p_tie = 0.32 - 0.3 * (p_a - 0.5).abs();
    if chance(rng, p_tie) {
        // Weak pairs are more often both bad: 70% of the ties near 1000 Elo, a fifth near 1300.
        let mean = 0.5 * (a.rating + b.rating);
        let bothbad = 0.8 * logistic(-(mean - 1150.0) / 120.0);
        return if chance(rng, bothbad) {
            Winner::TieBothBad
        } else {
            Winner::Tie
        };
    }
    if chance(rng, p_a) {
        Winner::ModelA
    } else {
        Winner::ModelB
    }
}
