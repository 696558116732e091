//! `arena-lens demo --mt-bench --out DIR`: the MT-Bench-style demo (a FastChat llm_judge folder,
//! see `arena_lens_demo::generate_mt_bench`) written to `DIR/judge_prompts.jsonl` and
//! `DIR/mt-bench-demo/`, beside a `manifest.json` so the site can open the folder with `?data=`.

use crate::args::DemoArgs;
use arena_lens_demo::generate_mt_bench;
use std::io::Write;

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
    // No baseline: every pair row names both of its models.
    crate::demo_folder::write_folder(root, &files, None, out)
}
