//! Criterion benchmarks of the topic-clustering pipeline (tokenise → TF-IDF → SVD → k-means or Ward
//! → labels → map) on 750 and 5,000 synthetic prompts, built from the demo's 500 prompts by
//! repeating them with random words dropped, so that copies are near but not exact duplicates. Also
//! reports the longest single `ClusterJob::step`, the browser's frame budget.

use arena_lens_core::cluster::{cluster_texts, ClusterJob, ClusterParams, Method};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::time::{Duration, Instant};

fn prompts(n: usize) -> Vec<String> {
    let files = arena_lens_demo::generate(arena_lens_demo::DEFAULT_SEED);
    let q = files
        .iter()
        .find(|f| f.path.ends_with("question.jsonl"))
        .expect("a question file");
    let base: Vec<String> = q
        .contents
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["turns"][0]["content"].as_str().unwrap().to_string()
        })
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    (0..n)
        .map(|i| {
            let p = &base[i % base.len()];
            if i < base.len() {
                return p.clone();
            }
            p.split(' ')
                .filter(|_| rng.random::<f64>() > 0.15)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn longest_step(texts: &[String], params: &ClusterParams) -> (Duration, usize) {
    let mut job = ClusterJob::new(texts.to_vec(), params.clone()).unwrap();
    let (mut worst, mut steps) = (Duration::ZERO, 0);
    while !job.is_done() {
        let t = Instant::now();
        job.step();
        worst = worst.max(t.elapsed());
        steps += 1;
    }
    (worst, steps)
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("clusters");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (n, k) in [(750, 40), (5000, 100)] {
        let texts = prompts(n);
        for method in [Method::Kmeans, Method::Ward] {
            let params = ClusterParams {
                k,
                method,
                ..ClusterParams::default()
            };
            let (worst, steps) = longest_step(&texts, &params);
            println!(
                "{n} prompts, k={k}, {}: {steps} steps, longest {worst:?}",
                method.as_str()
            );
            g.bench_function(format!("{}_{n}_k{k}", method.as_str()), |b| {
                b.iter(|| cluster_texts(texts.clone(), params.clone()).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(clusters, benches);
criterion_main!(clusters);
