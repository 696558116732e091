//! Where the clustering job spends its time at scale, and its longest single step: the demo's
//! prompts (`arena-lens demo --prompts N`, 40 planted topics), k-means at k = 40 with the
//! defaults, stepped as the compute worker steps it. Prints each stage's total time and the
//! longest step of each. For BENCHMARKS.md:
//!   cargo run --release -p arena-lens-core --example cluster_steps -- 100000

use arena_lens_core::cluster::{ClusterJob, ClusterParams};
use serde_json::Value;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let files = arena_lens_demo::generate_prompts(2024, n).expect("demo");
    let texts: Vec<String> = files[0]
        .contents
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json");
            v["turns"][0]["content"].as_str().unwrap_or("").to_string()
        })
        .collect();
    let params = ClusterParams {
        k: 40,
        ..ClusterParams::default()
    };
    let mut job = ClusterJob::new(texts, params).expect("params");
    // (stage, total seconds, longest step in ms, steps)
    let mut stages: Vec<(&'static str, f64, f64, usize)> = Vec::new();
    let t0 = Instant::now();
    while !job.is_done() {
        let stage = job.progress().stage;
        let t = Instant::now();
        job.step();
        let dt = t.elapsed().as_secs_f64();
        match stages.last_mut() {
            Some(s) if s.0 == stage => {
                s.1 += dt;
                s.2 = s.2.max(dt * 1e3);
                s.3 += 1;
            }
            _ => stages.push((stage, dt, dt * 1e3, 1)),
        }
    }
    println!(
        "{n} prompts, k = 40: {:.2} s in all",
        t0.elapsed().as_secs_f64()
    );
    for (stage, total, longest, steps) in stages {
        println!("  {stage:<9} {total:7.2} s in {steps:6} steps, longest {longest:7.1} ms");
    }
}
