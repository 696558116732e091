//! `arena-lens demo --battles N`: the three destinations (a data folder with its manifest, a
//! `.jsonl` file, standard output) write the same deterministic log, the folder opens with the
//! chatbot-arena method, and conversations are there when asked for.

mod common;

use common::{cli, load, run_json, tempdir};

#[test]
fn a_folder_a_file_and_stdout_hold_the_same_log() {
    let dir = tempdir("demo_battles");
    let args = [
        "--battles",
        "400",
        "--seed",
        "5",
        "--conversations-every",
        "10",
    ];
    let folder = dir.join("site");
    let out = cli()
        .args(["demo", "--out", folder.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = dir.join("log.jsonl");
    let out = cli()
        .args(["demo", "--out", file.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = cli().arg("demo").args(args).output().unwrap();
    assert!(stdout.status.success());

    let in_folder = std::fs::read(folder.join("chatbot-arena-demo/battles.jsonl")).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), in_folder);
    assert_eq!(stdout.stdout, in_folder);
    assert_eq!(in_folder.iter().filter(|&&c| c == b'\n').count(), 400);

    // The manifest lists the log with its size, so the site can open the folder with `?data=`.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{manifest}");
    assert_eq!(files[0]["path"], "chatbot-arena-demo/battles.jsonl");
    assert_eq!(files[0]["bytes"].as_u64(), Some(in_folder.len() as u64));

    let lb = run_json(&[
        "leaderboard",
        folder.to_str().unwrap(),
        "--json",
        "--rounds",
        "5",
    ]);
    assert_eq!(lb["method"], "chatbot-arena");
    assert_eq!(lb["bench"], "chatbot-arena-demo");
    // One battle in ten has both conversations: 40 battles, two answers each.
    let ds = load(&folder);
    let bench = ds.bench(None).unwrap();
    assert_eq!(bench.answers.len(), 80);
    assert!(bench.answers.iter().all(|a| !a.text.is_empty()));
}

#[test]
fn conversations_need_battles_and_battles_refuse_v2() {
    let out = cli()
        .args(["demo", "--conversations-every", "3"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let out = cli()
        .args(["demo", "--battles", "10", "--format", "v2"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
