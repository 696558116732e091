//! Value names are spelled as the site's URL spells them (`GroupBy::as_str`, …), and the other
//! spelling is accepted as an alias, so a README line, a flag and a link all agree.

mod common;
use common::{cli, demo_dir, run_json};

#[test]
fn flags_take_the_url_spelling_and_its_alias() {
    let dir = demo_dir("spelling");
    let d = dir.to_str().unwrap();
    let with = |label: &str| {
        run_json(&[
            "clusters",
            d,
            "--judge",
            "judge-atlas",
            "--label",
            label,
            "--rounds",
            "10",
            "--json",
        ])
    };
    let ko = with("ko-cluster");
    assert_eq!(ko, with("ko_cluster"));
    // The JSON names the label as the URL does (it printed `kocluster`, from the enum's Debug).
    assert_eq!(ko["labels"], "ko_cluster");
    let lb = |unit: &str| {
        run_json(&[
            "leaderboard",
            d,
            "--judge",
            "judge-atlas",
            "--rounds",
            "10",
            "--bootstrap-unit",
            unit,
            "--json",
        ])
    };
    assert_eq!(lb("prompt"), lb("prompts"));
    assert_ne!(lb("prompt"), lb("row"));

    let help = cli().args(["leaderboard", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("ko_cluster"), "{help}");
}

#[test]
fn an_invalid_level_is_refused_by_the_bootstrap_spec() {
    let dir = demo_dir("spelling-level");
    let out = cli()
        .args([
            "clusters",
            dir.to_str().unwrap(),
            "--judge",
            "judge-atlas",
            "--level",
            "1.5",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("strictly between 0 and 1"));
}
