//! `arena-lens demo --battles N`: the synthetic Chatbot Arena battle log, streamed to a `.jsonl`
//! file, into a data folder (`DIR/chatbot-arena-demo/battles.jsonl` beside a `manifest.json`, so
//! the site can open the folder with `?data=`), or to standard output.

use crate::args::DemoArgs;
use arena_lens_core::manifest::Manifest;
use arena_lens_demo::{
    write_arena_log, ArenaLogOptions, ArenaLogSummary, ARENA_DEMO_BENCH, ARENA_DEMO_FILE,
};
use std::fs::File;
use std::io::Write;
use std::path::Path;

/// Writes the log as `a` asks; the summary line goes to `out`, or to stderr when the log does.
pub fn run(a: &DemoArgs, out: &mut dyn Write) -> Result<(), String> {
    if a.format != "v01" || a.questions.is_some() {
        return Err(
            "--battles writes a Chatbot Arena log; --format and --questions do not apply".into(),
        );
    }
    let opts = ArenaLogOptions {
        battles: a.battles.expect("dispatched on --battles"),
        seed: a.seed,
        conversations_every: a.conversations_every,
    };
    let Some(target) = &a.out else {
        let s = write_arena_log(&mut *out, &opts).map_err(|e| e.to_string())?;
        eprintln!("{}", summary_line(&s, "standard output"));
        return Ok(());
    };
    let is_file = target
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "json");
    if is_file {
        let s = write_file(target, &opts)?;
        return writeln!(out, "{}", summary_line(&s, &target.display().to_string()))
            .map_err(|e| e.to_string());
    }
    let rel = format!("{ARENA_DEMO_BENCH}/{ARENA_DEMO_FILE}");
    let path = target.join(&rel);
    let s = write_file(&path, &opts)?;
    // No baseline: Arena battles are between any two models.
    let m = Manifest::from_files([(rel, s.bytes)], None);
    let mp = target.join("manifest.json");
    std::fs::write(&mp, m.to_json()).map_err(|e| format!("{}: {e}", mp.display()))?;
    writeln!(
        out,
        "{} and {}",
        summary_line(&s, &path.display().to_string()),
        mp.display()
    )
    .map_err(|e| e.to_string())
}

fn write_file(path: &Path, opts: &ArenaLogOptions) -> Result<ArenaLogSummary, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let f = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    write_arena_log(f, opts).map_err(|e| format!("{}: {e}", path.display()))
}

fn summary_line(s: &ArenaLogSummary, to: &str) -> String {
    format!(
        "wrote {} battles ({} bytes; {} with conversations; {} anonymous; winners a/b/tie/bothbad {}/{}/{}/{}) to {to}",
        s.battles,
        s.bytes,
        s.with_conversations,
        s.anonymous,
        s.winners[0],
        s.winners[1],
        s.winners[2],
        s.winners[3]
    )
}
