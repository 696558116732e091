//! `--method`: the scope picks the data's own method when none is asked (v2.0 data: v2.0's, with a
//! note), an anchor method refuses flags that would change what its tool computes, and the old
//! `--show-result-compat` spelling is the `show-result-v0.1` method.

mod common;

use common::{cli, demo_dir, run_json, tempdir};

#[test]
fn v2_data_opens_with_the_v2_method_and_says_so() {
    let dir = tempdir("method-v2");
    let out = cli()
        .args(["demo", "--format", "v2", "--out", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let d = dir.to_str().unwrap();
    let out = cli()
        .args(["leaderboard", d, "--judge", "judge-sage", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("computed with the arena-hard-v2.0 method"),
        "{stderr}"
    );
    let default: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(default["method"], "arena-hard-v2.0");
    assert_eq!(default["level"], 0.9);
    assert!(default["method_line"]
        .as_str()
        .unwrap()
        .contains("mean of 100 bootstrap means"));
    // Per-category boards, each against the tool's baseline (utils/judge_utils.py JUDGE_SETTINGS).
    let baselines: Vec<(String, String)> = default["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap().to_string(),
                g["baseline"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        baselines,
        [
            ("creative_writing".into(), "gemini-2.0-flash-001".into()),
            ("hard_prompt".into(), "o3-mini-2025-01-31".into())
        ]
    );
    let named = run_json(&[
        "leaderboard",
        d,
        "--judge",
        "judge-sage",
        "--method",
        "arena-hard-v2.0",
        "--json",
    ]);
    assert_eq!(named, default);
    // The same data under arena-lens's own method: a Bradley-Terry fit, prompt bootstrap.
    let own = run_json(&[
        "leaderboard",
        d,
        "--judge",
        "judge-sage",
        "--method",
        "arena-lens",
        "--json",
    ]);
    assert_eq!(own["method"], "arena-lens");
    assert_eq!(own["bootstrap_unit"], "prompt");
    // v2.0 fixes its level and its baselines: asking otherwise is refused, not ignored.
    for extra in [
        &["--level", "0.95"][..],
        &["--baseline", "o3-mini-2025-01-31"][..],
    ] {
        let mut args = vec![
            "leaderboard",
            d,
            "--judge",
            "judge-sage",
            "--method",
            "v2.0",
        ];
        args.extend_from_slice(extra);
        let out = cli().args(&args).output().unwrap();
        assert!(!out.status.success(), "{extra:?} accepted");
        assert!(String::from_utf8_lossy(&out.stderr).contains("arena-hard-v2.0"));
    }
}

#[test]
fn show_result_compat_is_the_v01_method_and_fixes_the_row_bootstrap() {
    let dir = demo_dir("method-v01");
    let d = dir.to_str().unwrap();
    let base = ["leaderboard", d, "--judge", "judge-atlas", "--rounds", "20"];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        a.push("--json");
        run_json(&a)
    };
    let v01 = with(&["--method", "show-result-v0.1"]);
    assert_eq!(v01, with(&["--show-result-compat"]));
    assert_eq!(v01, with(&["--method", "show-result"]));
    assert_eq!(v01["bootstrap_unit"], "row");
    let default = with(&[]);
    assert_eq!(default["method"], "arena-lens");
    assert_eq!(default["bootstrap_unit"], "prompt");
    let out = cli()
        .args(base)
        .args(["--method", "show-result-v0.1", "--bootstrap-unit", "prompt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("resamples rows"));
    // The text output carries the method line too.
    let out = cli()
        .args(base)
        .args(["--method", "show-result-v0.1"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("Method show-result-v0.1 (lm-sys/arena-hard-auto show_result.py v0.1"));
}
