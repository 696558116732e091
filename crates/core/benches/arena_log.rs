//! Criterion benchmark: reading a generated 100k-battle Chatbot Arena log (`arena-lens demo
//! --battles`, default seed, no conversations) into a data set, the step that dominates a
//! million-battle leaderboard: from one text, line by line, and in blocks on one or two threads.
//! BENCHMARKS.md records the results.

use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use arena_lens_demo::{write_arena_log, ArenaLogOptions, DEFAULT_SEED};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;

fn benches(c: &mut Criterion) {
    let mut bytes = Vec::new();
    let opts = ArenaLogOptions {
        battles: 100_000,
        seed: DEFAULT_SEED,
        conversations_every: 0,
    };
    write_arena_log(&mut bytes, &opts).expect("writes to memory");
    let text = String::from_utf8(bytes).expect("the generator writes UTF-8");
    let mut g = c.benchmark_group("arena-log-100k");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let ds = Dataset::load(vec![SourceFile {
                path: "arena/battles.jsonl".into(),
                text: text.clone(),
            }]);
            assert_eq!(ds.benches["arena"].file_battles.len(), 100_000);
            ds
        })
    });
    g.bench_function("parse-line-by-line", |b| {
        b.iter(|| {
            let head = text.lines().next().unwrap_or_default();
            Dataset::load_arena_log_lines(
                "arena/battles.jsonl",
                head,
                text.split('\n').map(str::to_string),
            )
        })
    });
    // 8 MiB blocks of whole lines, as the CLI reads a file, on one and on two threads.
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = (start + (8 << 20)).min(text.len());
        let end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
        blocks.push(text[start..end].to_string());
        start = end;
    }
    for threads in [1, 2] {
        g.bench_function(format!("parse-blocks-{threads}-threads"), |b| {
            b.iter(|| {
                let head = text.lines().next().unwrap_or_default();
                let ds = Dataset::load_arena_log_blocks(
                    "arena/battles.jsonl",
                    head,
                    blocks.iter().cloned(),
                    threads,
                );
                assert_eq!(ds.benches["arena"].file_battles.len(), 100_000);
                ds
            })
        });
    }
    g.finish();
}

criterion_group!(arena, benches);
criterion_main!(arena);
