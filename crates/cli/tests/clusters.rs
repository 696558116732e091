//! `arena-lens clusters` end to end on the generated demo: shipped labels and computed clusters,
//! JSON shape, determinism.

mod common;

use common::{cli, demo_dir, run_json};

#[test]
fn clusters_on_the_demo() {
    let dir = demo_dir("clusters");
    let d = dir.to_str().unwrap();

    // Shipped labels: one entry per planted cluster, 19 models each (the baseline is left out).
    let v = run_json(&[
        "clusters",
        d,
        "--judge",
        "judge-sage",
        "--rounds",
        "50",
        "--json",
    ]);
    assert_eq!(v["baseline"], arena_lens_demo::DEMO_BASELINE);
    assert_eq!(v["labels"], "cluster");
    let clusters = v["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 40);
    let n: u64 = clusters
        .iter()
        .map(|c| c["n_prompts"].as_u64().unwrap())
        .sum();
    assert_eq!(n, 500);
    for c in clusters {
        let models = c["models"].as_array().unwrap();
        assert_eq!(models.len(), 19);
        for m in models {
            let (w, lo, hi) = (
                m["win_rate"].as_f64().unwrap(),
                m["lower"].as_f64().unwrap(),
                m["upper"].as_f64().unwrap(),
            );
            assert!(lo <= w + 1e-9 && w <= hi + 1e-9, "{m}");
            assert_eq!(
                m["ci_crosses_50"].as_bool().unwrap(),
                lo <= 50.0 && hi >= 50.0
            );
        }
    }

    // Computed clusters: labels, sizes, an assignment for every question_id, a dendrogram.
    let args = [
        "clusters",
        d,
        "--judge",
        "judge-atlas",
        "--compute",
        "12",
        "--method",
        "ward",
        "--rounds",
        "20",
        "--json",
    ];
    let v = run_json(&args);
    assert_eq!(v["labels"], "computed");
    let c = &v["clustering"];
    assert_eq!(c["method"], "ward");
    assert_eq!(c["clusters"].as_array().unwrap().len(), 12);
    assert_eq!(c["assignment"].as_object().unwrap().len(), 500);
    assert_eq!(c["dendrogram"].as_array().unwrap().len(), 11);
    let sizes: u64 = c["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["size"].as_u64().unwrap())
        .sum();
    assert_eq!(sizes, 500);
    // The win-rate groups: the 12 topics, and "other" as a group of its own when some prompt fits
    // no topic (the Tukey-fence rule of `cluster::hierarchy`).
    let other = c["other"].as_u64().unwrap();
    assert!(other < 500 / 4, "{other} prompts fit no topic");
    let groups = v["clusters"].as_array().unwrap();
    assert_eq!(groups.len(), 12 + usize::from(other > 0));
    if other > 0 {
        let n_other = groups.iter().find(|g| g["cluster"] == c["other_name"]);
        assert_eq!(
            n_other.expect("an other group")["n_prompts"].as_u64(),
            Some(other)
        );
    }
    // Same seed, same bytes.
    assert_eq!(v, run_json(&args));

    // The text table and the label/compute conflict.
    let out = cli()
        .args(["clusters", d, "--label", "category", "--rounds", "10"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("coding"));
    let out = cli()
        .args(["clusters", d, "--label", "category", "--compute", "5"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// Unified default: `clusters --rounds` defaults to the rounds of every other bootstrap (the core's
/// `LeaderboardOptions::default()`, which the site's view state also starts from); it was 200.
#[test]
fn clusters_rounds_default_to_every_bootstraps_default() {
    let dir = demo_dir("clusters-rounds");
    let v = run_json(&[
        "clusters",
        dir.to_str().unwrap(),
        "--judge",
        "judge-sage",
        "--json",
    ]);
    let rounds = arena_lens_core::leaderboard::LeaderboardOptions::default().rounds;
    assert_eq!(
        rounds,
        arena_lens_core::view_state::ViewState::default().rounds
    );
    assert_eq!(v["rounds"], rounds);
    let _ = std::fs::remove_dir_all(&dir);
}
