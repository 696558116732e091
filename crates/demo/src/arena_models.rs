//! The synthetic Chatbot Arena's model roster: about 200 fictional models with realistic-looking
//! names (`family-version-size-variant`), each with a true strength on the Elo scale, an answer
//! length, a markdown habit and the day it joined the arena.
//!
//! Two models carry planted effects the tests look for:
//! - [`CODE_SPECIALIST`] is middling overall but [`CODE_BONUS`] Elo stronger on coding prompts, so
//!   the leaderboard of coding battles shows it near the top;
//! - [`LENGTH_WINNER`] is middling but writes [`LENGTH_WINNER_FACTOR`] times longer answers, and
//!   voters like long answers (`arena_votes`), so its raw rating is inflated and style control
//!   moves it down.
//!
//! Names are invented (no real model is given a made-up strength).

use crate::rng::{exp, normal, stream, uniform};

/// How many models the arena has.
pub const ARENA_MODELS: usize = 200;
/// Strong on coding prompts only.
pub const CODE_SPECIALIST: &str = "quill-coder-2-33b";
/// Extra Elo the code specialist has on coding prompts.
pub const CODE_BONUS: f64 = 320.0;
/// Wins by length: long answers, ordinary quality.
pub const LENGTH_WINNER: &str = "lumen-3-verbose-0521";
/// How much longer the length winner's answers are than a typical model's.
pub const LENGTH_WINNER_FACTOR: f64 = 3.5;

/// Roster stream (see `rng::streams`, whose numbers stay below this).
const STREAM: u64 = 7_000_001;

/// One model of the synthetic arena.
#[derive(Clone, Debug, PartialEq)]
pub struct ArenaModel {
    pub name: String,
    /// True strength on the Elo scale (400 points per factor 10 in odds, FastChat's scale).
    pub rating: f64,
    /// Extra Elo on coding prompts (non-zero only for [`CODE_SPECIALIST`]).
    pub code_bonus: f64,
    /// Median answer length in tokens.
    pub tokens: f64,
    /// Markdown elements per 100 answer tokens (headers, list items and bold spans together).
    pub markdown: f64,
    /// When it joined, as a fraction of the log's time span (0 = from the start).
    pub joined: f64,
}

const FAMILIES: [&str; 25] = [
    "atlas", "borealis", "cedar", "delphi", "ember", "fjord", "granite", "helix", "iris",
    "juniper", "kestrel", "lumen", "meridian", "nimbus", "onyx", "pico", "quill", "raven", "sable",
    "tundra", "umbra", "vega", "willow", "yarrow", "zephyr",
];
const SIZES: [&str; 8] = ["7b", "8b", "13b", "22b", "34b", "70b", "110b", "405b"];
const VARIANTS: [&str; 8] = [
    "chat", "instruct", "pro", "mini", "turbo", "flash", "preview", "latest",
];
const DATES: [&str; 8] = [
    "0125", "0229", "0409", "0514", "0613", "0718", "0827", "0912",
];

/// The roster for `seed`: [`ARENA_MODELS`] distinct names, the two planted models included.
pub fn arena_models(seed: u64) -> Vec<ArenaModel> {
    let mut rng = stream(seed, STREAM);
    let mut names: Vec<String> = vec![CODE_SPECIALIST.into(), LENGTH_WINNER.into()];
    let mut i = 0usize;
    while names.len() < ARENA_MODELS {
        // A deterministic walk through the name space, mixed by the seed so rosters differ.
        let f = FAMILIES[i % FAMILIES.len()];
        let version = 1 + (i / FAMILIES.len()) % 4;
        let minor = (i / 7) % 3;
        let name = match (i + (seed as usize % 5)) % 4 {
            0 => format!(
                "{f}-{version}.{minor}-{}-{}",
                SIZES[i % 8],
                VARIANTS[(i / 3) % 8]
            ),
            1 => format!("{f}-{version}-{}", VARIANTS[(i / 2) % 8]),
            2 => format!("{f}-{version}.{minor}-{}", DATES[(i / 5) % 8]),
            _ => format!("{f}-{}-{}", SIZES[(i / 4) % 8], VARIANTS[i % 8]),
        };
        if !names.contains(&name) {
            names.push(name);
        }
        i += 1;
    }
    let mut models: Vec<ArenaModel> = names
        .into_iter()
        .enumerate()
        .map(|(k, name)| {
            // Arena ratings spread over roughly 850..1400 with most models in the middle.
            let rating = (1100.0 + 115.0 * normal(&mut rng)).clamp(800.0, 1420.0);
            // Lengths differ a little between models (most of the spread is per answer), so
            // that length explains votes through answers, not through model identity.
            let tokens = 420.0 * exp(0.08 * normal(&mut rng));
            let markdown = 0.5 + 2.0 * uniform(&mut rng);
            // A third of the roster is there from the start; the rest join over 70% of the span.
            let joined = if k % 3 == 0 {
                0.0
            } else {
                0.7 * uniform(&mut rng)
            };
            ArenaModel {
                name,
                rating,
                code_bonus: 0.0,
                tokens,
                markdown,
                joined,
            }
        })
        .collect();
    // The planted models sit mid-table on their true strength, present from the start so they
    // have as many battles as any model.
    models[0].rating = 1080.0;
    models[0].code_bonus = CODE_BONUS;
    models[0].joined = 0.0;
    models[1].rating = 1150.0;
    models[1].tokens = 420.0 * LENGTH_WINNER_FACTOR;
    models[1].markdown = 2.5;
    models[1].joined = 0.0;
    models
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_is_distinct_and_has_the_planted_models() {
        let models = arena_models(7);
        assert_eq!(models.len(), ARENA_MODELS);
        let mut names: Vec<&str> = models.iter().map(|m| m.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ARENA_MODELS);
        assert!(names.contains(&CODE_SPECIALIST) && names.contains(&LENGTH_WINNER));
        assert_eq!(arena_models(7), models, "deterministic");
    }
}
