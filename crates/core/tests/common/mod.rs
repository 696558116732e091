//! Reading a fixture folder into source files, shared by the integration tests and the benchmark,
//! and (in `shared`) the rule for tests that need the real data in `../shared`.

#![allow(dead_code)]

pub mod shared;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use std::path::Path;

/// Every file below `root` that `keep` accepts (by name), as `<prefix>/<relative path>`.
pub fn read_tree(root: &Path, prefix: &str, keep: &dyn Fn(&str) -> bool) -> Vec<SourceFile> {
    let mut out = Vec::new();
    walk(root, "", prefix, keep, &mut out);
    out
}

fn walk(
    root: &Path,
    rel: &str,
    prefix: &str,
    keep: &dyn Fn(&str) -> bool,
    out: &mut Vec<SourceFile>,
) {
    let Ok(entries) = std::fs::read_dir(root.join(rel)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let r = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if e.path().is_dir() {
            walk(root, &r, prefix, keep, out);
        } else if keep(&name) {
            out.push(SourceFile {
                path: format!("{prefix}/{r}"),
                text: std::fs::read_to_string(e.path()).unwrap(),
            });
        }
    }
}

/// The demo data set the tests share (the generator's seed 2024, as the site's demo).
pub fn demo_dataset() -> Dataset {
    let files = arena_lens_demo::generate(2024)
        .into_iter()
        .map(|f| SourceFile {
            path: f.path,
            text: f.contents,
        })
        .collect();
    Dataset::load(files)
}
