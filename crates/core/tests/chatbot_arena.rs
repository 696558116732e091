//! The Chatbot Arena methods on GenAI-Arena's real battles (`../shared`,
//! `formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo/clean_battle_20240220.json`).
//!
//! References (regenerate with `bash scripts/side-by-side-arena.sh`):
//! - chatbot-arena: GenAI-Arena's published `results/20240220/leaderboard.csv`, column
//!   "Arena Elo rating (anony)". fschat 0.2.36's `compute_elo_mle_with_tie` reproduces it to
//!   1e-4; it is scikit-learn's lbfgs stopped at its default tol 1e-4, so our exact optimum sits up
//!   to 2.21 Elo away (the edition models, 10-26 battles each). Tolerance: each published value
//!   inside our 95% bootstrap interval, and |ours − published| ≤ 2.5 Elo.
//! - arena-rank: arena-rank 0.1.1 `PairDataset.from_pandas(reweighted=True)`, `BradleyTerry`
//!   driven to convergence: its L-BFGS (gtol 1e-15, ftol 1e-18) stops when the objective stops
//!   changing in float64 (|gradient|_inf 2.3e-10, up to 4.0e-5 Elo short on the edition models),
//!   then Newton steps on the package's own `loss_function` (jax's gradient and Hessian) bring
//!   the gradient to 7e-18; `compute_ratings_and_cis(ci_method="sandwich")` at that point.
//!   Tolerance: rating 1e-6 Elo (measured 2.3e-13), each bound 1% of the interval width
//!   (measured 1.2e-7: the package's own round-off, cond(H) 1.4e5).

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::method::Method;
use arena_lens_core::source::SourceFile;
use common::shared::shared_data;

const DIR: &str = "data/formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo/";

/// (model, published "Arena Elo rating (anony)") from leaderboard.csv.
const PUBLISHED: [(&str, f64); 13] = [
    ("imagenhub_Prompt2prompt_edition", 1252.3647315415246),
    ("imagenhub_PNP_edition", 1177.8341494788954),
    ("imagenhub_InstructPix2Pix_edition", 1154.9244239512598),
    ("imagenhub_PlayGroundV2_generation", 1151.1249217387294),
    ("imagenhub_PixArtAlpha_generation", 1078.388246897492),
    ("imagenhub_MagicBrush_edition", 1050.3408831565746),
    ("imagenhub_SDXL_generation", 1027.1567638467538),
    ("imagenhub_SDXLTurbo_generation", 972.1020966199585),
    ("imagenhub_Pix2PixZero_edition", 955.8102558224537),
    ("imagenhub_OpenJourney_generation", 921.4434975260535),
    ("imagenhub_LCM_generation", 849.7844733710128),
    ("imagenhub_CycleDiffusion_edition", 769.4365356574444),
    ("imagenhub_SDEdit_edition", 639.2890203918478),
];

/// (model, rating, lower, upper) from arena-rank 0.1.1 driven to convergence (see the module
/// comment), printed by `scripts/side-by-side-arena.py` under "converged package values".
const ARENA_RANK: [(&str, f64, f64, f64); 13] = [
    (
        "imagenhub_Prompt2prompt_edition",
        1269.8913747895,
        1098.6995170623,
        1441.0832325166,
    ),
    (
        "imagenhub_PNP_edition",
        1188.4046655474,
        1058.2077878820,
        1318.6015432127,
    ),
    (
        "imagenhub_InstructPix2Pix_edition",
        1169.2230378776,
        1047.5494779317,
        1290.8965978234,
    ),
    (
        "imagenhub_PlayGroundV2_generation",
        1152.8013669449,
        1125.6450168570,
        1179.9577170327,
    ),
    (
        "imagenhub_PixArtAlpha_generation",
        1077.1767877244,
        1052.6664674092,
        1101.6871080396,
    ),
    (
        "imagenhub_MagicBrush_edition",
        1057.7472955195,
        926.3880264245,
        1189.1065646144,
    ),
    (
        "imagenhub_SDXL_generation",
        1028.4244124081,
        1005.4700705222,
        1051.3787542940,
    ),
    (
        "imagenhub_SDXLTurbo_generation",
        969.5783690437,
        947.1242543738,
        992.0324837136,
    ),
    (
        "imagenhub_Pix2PixZero_edition",
        964.2851605618,
        821.9537639190,
        1106.6165572045,
    ),
    (
        "imagenhub_OpenJourney_generation",
        921.3954015573,
        898.7585549946,
        944.0322481201,
    ),
    (
        "imagenhub_LCM_generation",
        850.6236623216,
        827.3738272617,
        873.8734973815,
    ),
    (
        "imagenhub_CycleDiffusion_edition",
        766.1924480155,
        606.7615960061,
        925.6233000250,
    ),
    (
        "imagenhub_SDEdit_edition",
        584.2560176889,
        292.5441721849,
        875.9678631928,
    ),
];

fn genai_arena(test: &str) -> Option<Dataset> {
    let file = format!("{DIR}clean_battle_20240220.json");
    let root = shared_data(test, &[&file])?;
    Some(Dataset::load(vec![SourceFile {
        path: "arena_elo/clean_battle_20240220.json".into(),
        text: std::fs::read_to_string(root.join(&file)).unwrap(),
    }]))
}

#[test]
fn chatbot_arena_reproduces_the_published_genai_arena_leaderboard_within_its_intervals() {
    let Some(ds) = genai_arena("chatbot_arena_genai") else {
        return;
    };
    let bench = ds.bench(None).unwrap();
    assert_eq!(Method::default_for(bench), Method::ChatbotArena);
    let lb = leaderboard::compute(
        bench,
        &LeaderboardOptions {
            method: Method::ChatbotArena,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(lb.models.len(), 13);
    // 1,515 anonymous battles, each counted for both models.
    assert_eq!(lb.models.iter().map(|m| m.battles).sum::<u64>(), 2 * 1515);
    for (name, published) in PUBLISHED {
        let m = lb.models.iter().find(|m| m.model == name).unwrap();
        assert!(
            m.lower <= published && published <= m.upper,
            "{name}: {published} outside {m:?}"
        );
        assert!(
            (m.score - published).abs() <= 2.5,
            "{name}: {} vs {published}",
            m.score
        );
    }
    // The two disconnected groups (generation and edition models never meet) are each centred at
    // 1000 by the penalty, as in the published table (its generation ratings sum to 6000).
    let gen: f64 = lb
        .models
        .iter()
        .filter(|m| m.model.ends_with("_generation"))
        .map(|m| m.score)
        .sum();
    assert!((gen - 6000.0).abs() < 1e-6, "{gen}");
}

#[test]
fn arena_rank_matches_the_package_on_genai_arena() {
    let Some(ds) = genai_arena("arena_rank_genai") else {
        return;
    };
    let lb = leaderboard::compute(
        ds.bench(None).unwrap(),
        &LeaderboardOptions {
            method: Method::ArenaRank,
            ..Default::default()
        },
    )
    .unwrap();
    for (name, rating, lower, upper) in ARENA_RANK {
        let m = lb.models.iter().find(|m| m.model == name).unwrap();
        let width = upper - lower;
        assert!(
            (m.score - rating).abs() < 1e-6,
            "{name}: {} vs {rating}",
            m.score
        );
        assert!(
            (m.lower - lower).abs() < 0.01 * width,
            "{name}: {} vs {lower}",
            m.lower
        );
        assert!(
            (m.upper - upper).abs() < 0.01 * width,
            "{name}: {} vs {upper}",
            m.upper
        );
        let spread = m.figures["rank_spread"];
        assert_eq!(m.figures["rank_lower"], m.rank_ub as f64 + spread);
    }
}
