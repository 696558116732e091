//! The share of the bytes the slim copies keep (`arena-lens index --slim`, `arena_lens_core::slim`),
//! on the demo and on the real Korean set: the figures the README states.

mod common;

use arena_lens_core::slim::slim_text;
use arena_lens_core::source::{classify, SourceFile};
use common::shared::shared_data;

/// (slim bytes, full bytes) over the answer and judgment files among `files`.
fn slim_share(files: &[SourceFile]) -> (usize, usize) {
    let (mut slim, mut full) = (0, 0);
    for f in files {
        if let Some(s) = slim_text(&classify(&f.path), &f.text) {
            slim += s.len();
            full += f.text.len();
        }
    }
    (slim, full)
}

/// README ("Publish your own results"): the slim copies are "about 30% of the bytes on the demo".
/// Measured: 6,966,609 of 23,775,277 bytes of answer and judgment files (0.293) for the demo of
/// seed 2024; tolerance 0.01 (the README's "about" rounds 29.3% to 30%).
#[test]
fn demo_slim_copies_keep_about_30_percent_of_the_bytes() {
    let demo: Vec<SourceFile> = arena_lens_demo::generate(2024)
        .into_iter()
        .map(|f| SourceFile {
            path: f.path,
            text: f.contents,
        })
        .collect();
    let (slim, full) = slim_share(&demo);
    let share = slim as f64 / full as f64;
    println!("demo: slim {slim} of {full} bytes ({share:.4})");
    assert!((share - 0.30).abs() < 0.01, "{share}");
}

/// README: "12% on the Korean set". Measured: 18,268,517 of 151,761,031 bytes (0.120);
/// tolerance 0.005 (the README's rounding to the percent).
#[test]
fn korean_slim_copies_keep_12_percent_of_the_bytes() {
    const KO: &str = "data/ko-arena-hard-v0.1";
    let test = "korean_slim_copies_keep_12_percent_of_the_bytes";
    let Some(shared) = shared_data(test, &[KO]) else {
        return;
    };
    let files = common::read_tree(&shared.join(KO), "ko-arena-hard-v0.1", &|n| {
        n.ends_with(".jsonl")
    });
    let (slim, full) = slim_share(&files);
    let share = slim as f64 / full as f64;
    println!("Korean set: slim {slim} of {full} bytes ({share:.4})");
    assert!((share - 0.12).abs() < 0.005, "{share}");
}
