//! `arena-lens demo --mt-bench --out DIR`: the MT-Bench-style demo (a FastChat llm_judge folder,
//! see `arena_lens_demo::generate_mt_bench`) written to `DIR/judge_prompts.jsonl` and
//! `DIR/mt-bench-demo/`, beside a `manifest.json` so the site can open the folder with `?data=`.

use crate::args::DemoArgs;
use arena_lens_core::manifest::Manifest;
use arena_lens_demo::generate_mt_bench;
use std::io::Write;
use std::path::Path;

/// Writes the folder as `a` asks and prints one summary line to `out`.
pub fn run(a: &DemoArgs, out: &mut dyn Write) -> Result<(), String> {
    if a.format != "v01" || a.questions.is_some() {
        return Err(
            "--mt-bench writes a FastChat MT-Bench folder; --format and --questions do not apply"
                .into(),
        );
    }
    let Some(root) = &a.out else {
        return Err("--mt-bench writes a folder of several files: give it with --out DIR".into());
    };
    let files = generate_mt_bench(a.seed);
    let mut sizes = Vec::with_capacity(files.len());
    for f in &files {
        write(&root.join(&f.path), &f.contents)?;
        sizes.push((f.path.clone(), f.contents.len() as u64));
    }
    // No baseline: every pair row names both of its models.
    let m = Manifest::from_files(sizes, None);
    let mp = root.join("manifest.json");
    write(&mp, &m.to_json())?;
    writeln!(
        out,
        "wrote {} files ({} bytes) and {}",
        files.len(),
        m.total_bytes(),
        mp.display()
    )
    .map_err(|e| e.to_string())
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
