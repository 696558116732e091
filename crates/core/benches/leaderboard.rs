//! Criterion benchmarks on the 76-model Korean Arena-Hard set (read from ../shared when present; the
//! synthetic demo set otherwise): parsing (in full, and with the texts skipped on 1 and 2 threads), the default fit with 1,000 bootstrap rounds (rows and
//! prompts), and style control with 100 rounds. BENCHMARKS.md records the results.

use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::load_options::{LoadOptions, Texts};
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

#[path = "../tests/common/mod.rs"]
mod common;

/// The Korean set and its baseline, or the demo set.
fn input() -> (Vec<SourceFile>, String, &'static str) {
    // A benchmark, not a test: it falls back to the demo set whatever ARENA_LENS_REQUIRE_SHARED says.
    let ko = common::shared::shared_root().join("data/ko-arena-hard-v0.1");
    if ko.is_dir() {
        let files = common::read_tree(&ko, "ko", &|name| name.ends_with(".jsonl"));
        return (files, "claude-3.7-sonnet".into(), "ko-76");
    }
    println!("SKIP real data: ../shared not found; benchmarking the synthetic demo set instead");
    let files = arena_lens_demo::generate(arena_lens_demo::DEFAULT_SEED)
        .into_iter()
        .filter(|f| !f.path.contains("judge-sage"))
        .map(|f| SourceFile {
            path: f.path,
            text: f.contents,
        })
        .collect();
    (files, arena_lens_demo::DEMO_BASELINE.into(), "demo")
}

fn benches(c: &mut Criterion) {
    let (files, baseline, name) = input();
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("parse", |b| b.iter(|| Dataset::load(files.clone())));
    // What the CLI's leaderboard reads with: texts skipped, on one thread and on two.
    for threads in [1, 2] {
        let o = LoadOptions {
            texts: Texts::Skip,
            threads,
        };
        g.bench_function(format!("parse, texts skipped, {threads} thread(s)"), |b| {
            b.iter(|| Dataset::load_with(files.clone(), o))
        });
    }
    let ds = Dataset::load(files.clone());
    let bench = ds.bench(None).unwrap();
    let opts = |rounds, unit, style| LeaderboardOptions {
        baseline: Some(baseline.clone()),
        rounds,
        unit,
        style,
        ..LeaderboardOptions::default()
    };
    g.bench_function("fit + 1000 row rounds", |b| {
        b.iter(|| {
            leaderboard::compute(bench, &opts(1000, BootstrapUnit::Row, StyleMode::Off)).unwrap()
        })
    });
    g.bench_function("fit + 1000 prompt rounds", |b| {
        b.iter(|| {
            leaderboard::compute(bench, &opts(1000, BootstrapUnit::Prompt, StyleMode::Off)).unwrap()
        })
    });
    g.bench_function("parse + fit + 1000 row rounds", |b| {
        b.iter(|| {
            let ds = Dataset::load(files.clone());
            leaderboard::compute(
                ds.bench(None).unwrap(),
                &opts(1000, BootstrapUnit::Row, StyleMode::Off),
            )
            .unwrap()
        })
    });
    g.bench_function("style control + 100 rounds", |b| {
        b.iter(|| {
            leaderboard::compute(bench, &opts(100, BootstrapUnit::Row, StyleMode::Full)).unwrap()
        })
    });
    g.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
