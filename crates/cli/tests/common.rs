//! Shared helpers of the CLI's integration tests: running the binary, scratch folders with the demo
//! data, and reading the real Arena-Hard data in `../shared` (never copied here).

#![allow(dead_code)]

use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

/// The `arena-lens` binary under test.
pub fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_arena-lens"))
}

/// A scratch folder that is removed when the test drops it, so repeated runs leave nothing in the
/// temp dir (each demo copy is tens of MB). It reads as the folder's path.
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An empty scratch folder for one test (per process, so test binaries never share one).
pub fn tempdir(name: &str) -> Scratch {
    let d = std::env::temp_dir().join(format!("arena-lens-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    Scratch(d)
}

/// A scratch folder holding the generated demo data.
pub fn demo_dir(name: &str) -> Scratch {
    let dir = tempdir(name);
    let out = cli()
        .args(["demo", "--out", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    dir
}

/// Runs the CLI, asserts it succeeded (showing its stderr if not) and parses its JSON output.
pub fn run_json(args: &[&str]) -> serde_json::Value {
    let out = cli().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The rule for tests that need `../shared`, one file for every crate's tests.
#[path = "../../core/tests/common/shared.rs"]
mod shared_rule;

/// `../shared` (or `ARENA_LENS_SHARED`) when its `data/` and `reference/` exist; otherwise `None`
/// with a printed `SKIP: ` line, or a panic under `ARENA_LENS_REQUIRE_SHARED=1`.
pub fn shared(test: &str) -> Option<PathBuf> {
    shared_rule::shared_data(test, &["data", "reference"])
}

/// Loads a path the way the CLI does.
pub fn load(path: &std::path::Path) -> Dataset {
    Dataset::load(arena_lens_cli::read::read_path(path).expect("readable"))
}

/// Loads a bench folder, keeping only the files `keep` accepts (by relative path).
pub fn load_filtered(path: &std::path::Path, keep: impl Fn(&str) -> bool) -> Dataset {
    let files: Vec<SourceFile> = arena_lens_cli::read::read_path(path)
        .expect("readable")
        .into_iter()
        .filter(|f| keep(&f.path))
        .collect();
    Dataset::load(files)
}

/// A reference leaderboard CSV: model -> (score, lower, upper, avg_tokens).
pub fn reference_csv(path: &std::path::Path) -> BTreeMap<String, (f64, f64, f64, f64)> {
    let text = std::fs::read_to_string(path).expect("reference csv");
    let mut out = BTreeMap::new();
    for line in text.lines().skip(1) {
        // Fields: model,score,rating_q025,rating_q975,"CI",avg_tokens,date; the model has no comma.
        let (head, rest) = line.split_once(",\"").expect("quoted CI");
        let mut h = head.rsplitn(4, ',');
        let upper: f64 = h.next().unwrap().parse().unwrap();
        let lower: f64 = h.next().unwrap().parse().unwrap();
        let score: f64 = h.next().unwrap().parse().unwrap();
        let model = h.next().unwrap().to_string();
        let tokens: f64 = rest
            .split_once("\",")
            .unwrap()
            .1
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        out.insert(model, (score, lower, upper, tokens));
    }
    out
}

/// Asserts that every model of the reference CSV `refs` has a score in `ours` within `tol`
/// win-rate points of the reference's.
pub fn assert_reference_scores<'a>(
    ours: impl IntoIterator<Item = (&'a str, f64)>,
    refs: &BTreeMap<String, (f64, f64, f64, f64)>,
    tol: f64,
) {
    let ours: BTreeMap<&str, f64> = ours.into_iter().collect();
    for (model, (score, ..)) in refs {
        let got = *ours
            .get(model.as_str())
            .unwrap_or_else(|| panic!("{model} is missing"));
        assert!(
            (got - score).abs() <= tol,
            "{model}: ours {got}, show_result.py {score}"
        );
    }
}

/// A leaderboard's (model, score) pairs, for [`assert_reference_scores`].
pub fn scores(lb: &arena_lens_core::leaderboard::Leaderboard) -> impl Iterator<Item = (&str, f64)> {
    lb.models.iter().map(|r| (r.model.as_str(), r.score))
}
