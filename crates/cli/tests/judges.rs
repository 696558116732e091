//! `arena-lens judges` end to end on the demo data written to a temporary folder.

mod common;

use common::{cli, demo_dir, run_json};

#[test]
fn judges_on_demo_data_reports_every_section() {
    let dir = demo_dir("judges");
    // A tiny reference in the simple Elo shape, with one bad line.
    let reference = dir.join("reference.csv");
    std::fs::write(
        &reference,
        "Model,Arena Elo\natlas-ultra,1300\natlas-pro,1200\nnimbus-large,1250\nbroken,x\ntern-lite,900\n",
    )
    .unwrap();
    let v = run_json(&[
        "judges",
        dir.to_str().unwrap(),
        "--x",
        "judge-sage",
        "--y",
        "judge-atlas",
        "--reference",
        reference.to_str().unwrap(),
        "--families",
        "sage=sage-labs",
        "--rounds",
        "20",
        "--json",
    ]);
    assert_eq!(v["leaderboards"].as_array().unwrap().len(), 2);
    assert_eq!(v["leaderboards"][0]["models"].as_array().unwrap().len(), 20);
    assert_eq!(v["judge_agreement"]["x"], "judge-sage");
    let g = &v["judge_agreement"]["agreement"];
    assert_eq!(g["n_shared"], 20);
    assert!(g["spearman"]["estimate"].as_f64().unwrap() > 0.5);
    assert_eq!(v["consistency"].as_array().unwrap().len(), 2);
    assert!(v["consistency"][0]["overall"]["matrix"].is_array());
    let flagged: Vec<&str> = v["self_preference"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["flagged"] == true)
        .map(|r| r["model"].as_str().unwrap())
        .collect();
    assert!(
        !flagged.is_empty() && flagged.iter().all(|m| m.starts_with("atlas")),
        "{flagged:?}"
    );
    for s in v["separability"].as_array().unwrap() {
        let (a, b) = (
            s["at_95"]["fraction"].as_f64().unwrap(),
            s["at_80"]["fraction"].as_f64().unwrap(),
        );
        assert!((0.0..=1.0).contains(&a) && (0.0..=1.0).contains(&b));
    }
    assert!(v["style"][0]["coefficients"]["sum_assistant_tokens"].is_number());
    assert_eq!(v["families"], "sage=sage-labs");
    let r = &v["reference"];
    assert_eq!(r["models"], 4);
    assert_eq!(r["issues"][0]["line"], 5);
    assert_eq!(r["per_judge"][0]["agreement"]["n_shared"], 4);

    // The text form prints every section; a bad family string is a usage error.
    let out = cli()
        .args(["judges", dir.to_str().unwrap(), "--rounds", "0"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for section in [
        "Leaderboards",
        "Agreement judge-",
        "Position consistency",
        "Self-preference",
        "Separability",
        "Style coefficients",
    ] {
        assert!(text.contains(section), "{section} missing:\n{text}");
    }
    let out = cli()
        .args(["judges", dir.to_str().unwrap(), "--families", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("prefix=family"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Unified order: `judges` takes the judges sorted by name, as the site does, not in file order.
#[test]
fn judges_come_sorted_by_name_not_in_file_order() {
    let dir = demo_dir("judges-order");
    // "judge-atlas-x/" sorts before "judge-atlas/" as a path ('-' < '/'), so files are read with
    // judge-atlas-x first; by name it comes second.
    let judgments = dir.join(arena_lens_demo::DEMO_BENCH).join("model_judgment");
    std::fs::rename(
        judgments.join("judge-sage"),
        judgments.join("judge-atlas-x"),
    )
    .unwrap();
    let file_order = common::load(&dir);
    assert_eq!(
        file_order.bench(None).unwrap().judge_names(),
        ["judge-atlas-x", "judge-atlas"]
    );
    let v = run_json(&["judges", dir.to_str().unwrap(), "--rounds", "0", "--json"]);
    let sorted = ["judge-atlas", "judge-atlas-x"];
    assert_eq!(v["judges"], serde_json::json!(sorted));
    for section in ["leaderboards", "consistency", "separability"] {
        let judges: Vec<&str> = v[section]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["judge"].as_str().unwrap())
            .collect();
        assert_eq!(judges, sorted, "{section}");
    }
    // The agreement pair defaults to the first two by name.
    assert_eq!(v["judge_agreement"]["x"], "judge-atlas");
    let _ = std::fs::remove_dir_all(&dir);
}
