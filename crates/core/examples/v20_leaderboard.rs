//! Prints the arena-hard-v2.0 method's leaderboard of a bench folder as JSON, for
//! `scripts/side-by-side-v20.sh` until the CLI has a method flag.
//!
//! `cargo run -p arena-lens-core --example v20_leaderboard -- BENCH_DIR [ROUNDS] [SEED] [JUDGE...]`
//! (`V20_STYLE=1`: the `-f markdown length` path).

use arena_lens_core::battle_set::BattleOptions;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{v20, LeaderboardOptions};
use arena_lens_core::source::SourceFile;
use arena_lens_core::style::StyleMode;
use std::path::Path;

fn walk(root: &Path, rel: &str, out: &mut Vec<SourceFile>) {
    let mut entries: Vec<_> = std::fs::read_dir(root.join(rel))
        .expect("readable folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().to_string();
        let r = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if e.path().is_dir() {
            walk(root, &r, out);
        } else if name.ends_with(".jsonl") {
            let text = std::fs::read_to_string(e.path()).expect("UTF-8 file");
            out.push(SourceFile { path: r, text });
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = Path::new(
        args.first()
            .expect("usage: v20_leaderboard BENCH_DIR [ROUNDS] [SEED] [JUDGE...]"),
    );
    let rounds = args.get(1).map_or(1000, |s| s.parse().expect("rounds"));
    let seed = args.get(2).map_or(42, |s| s.parse().expect("seed"));
    let judges = args.iter().skip(3).cloned().collect();
    let bench_name = dir.file_name().unwrap().to_string_lossy().to_string();
    let mut files = Vec::new();
    walk(dir, "", &mut files);
    for f in &mut files {
        f.path = format!("{bench_name}/{}", f.path);
    }
    let ds = Dataset::load(files);
    let bench = ds.bench(None).expect("one bench with verdicts");
    let opts = LeaderboardOptions {
        battles: BattleOptions {
            judges,
            ..Default::default()
        },
        rounds,
        seed,
        style: if std::env::var("V20_STYLE").is_ok_and(|v| v == "1") {
            StyleMode::Full
        } else {
            StyleMode::Off
        },
        ..Default::default()
    };
    let lb = v20::compute(bench, &opts).expect("a leaderboard");
    println!("{}", serde_json::to_string(&lb).expect("serializable"));
}
