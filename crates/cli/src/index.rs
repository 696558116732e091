//! `arena-lens index DIR`: writes `manifest.json`, the file list a static host needs, and with `--slim`
//! a slim copy of every answer and judgment file beside it (see `arena_lens_core::slim`), so the site
//! can show the leaderboard from the slim copies and fetch long texts only when they are read.

use crate::args::IndexArgs;
use arena_lens_core::manifest::{Manifest, SlimCopy, SLIM_DIR};
use arena_lens_core::slim::slim_text;
use arena_lens_core::source::classify;
use std::io::Write;
use std::path::Path;

/// Runs `index`.
pub fn run(a: &IndexArgs, out: &mut dyn Write) -> Result<(), String> {
    let dir = a.dir.as_path();
    let files = crate::read::list_files(dir).map_err(|e| e.to_string())?;
    let files: Vec<_> = files
        .into_iter()
        .filter(|(rel, _)| rel != "manifest.json" && !rel.starts_with(&format!("{SLIM_DIR}/")))
        .collect();
    let sizes = files.iter().map(|(rel, full)| {
        (
            rel.clone(),
            std::fs::metadata(full).map(|m| m.len()).unwrap_or(0),
        )
    });
    let target = a.out.clone().unwrap_or_else(|| dir.join("manifest.json"));
    let manifest_dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    // Re-indexing keeps the baseline an earlier manifest recorded, unless a new one is given.
    let baseline = a.baseline.clone().or_else(|| {
        std::fs::read_to_string(&target)
            .ok()
            .and_then(|t| Manifest::parse(&t).ok())
            .and_then(|m| m.baseline)
    });
    let mut m = Manifest::from_files(sizes, baseline);
    if let Some(b) = &a.base {
        m.base = if b.is_empty() || b.ends_with('/') {
            b.clone()
        } else {
            format!("{b}/")
        };
    } else if a.out.is_some() {
        m.base = relative_base(dir, &manifest_dir)?;
    }
    std::fs::create_dir_all(&manifest_dir)
        .map_err(|e| format!("{}: {e}", manifest_dir.display()))?;
    let slim_root = manifest_dir.join(SLIM_DIR);
    if slim_root.exists() {
        // Stale copies of files that have since changed or gone must not be served.
        std::fs::remove_dir_all(&slim_root).map_err(|e| format!("{}: {e}", slim_root.display()))?;
    }
    if a.slim {
        for entry in &mut m.files {
            let role = classify(&entry.path);
            let full = dir.join(&entry.path);
            let text = std::fs::read(&full).map_err(|e| format!("{}: {e}", full.display()))?;
            let text = String::from_utf8_lossy(&text);
            let Some(slim) = slim_text(&role, &text) else {
                continue;
            };
            let rel = format!("{SLIM_DIR}/{}", entry.path);
            let path = manifest_dir.join(&rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&path, &slim).map_err(|e| format!("{}: {e}", path.display()))?;
            entry.slim = Some(SlimCopy {
                path: rel,
                bytes: slim.len() as u64,
            });
        }
    }
    std::fs::write(&target, m.to_json()).map_err(|e| format!("{}: {e}", target.display()))?;
    let slim_note = if a.slim {
        format!(
            "; slim copies in {}, {} bytes for a first load",
            slim_root.display(),
            m.first_load_bytes()
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "wrote {} ({} files, {} bytes{slim_note})",
        target.display(),
        m.files.len(),
        m.total_bytes()
    )
    .map_err(|e| e.to_string())
}

/// The `/`-path from `from` (the manifest's folder) to `to` (the data folder), ending with `/`.
fn relative_base(to: &Path, from: &Path) -> Result<String, String> {
    let to = to
        .canonicalize()
        .map_err(|e| format!("{}: {e}", to.display()))?;
    let from = from
        .canonicalize()
        .map_err(|e| format!("{}: {e}", from.display()))?;
    let t: Vec<_> = to.components().collect();
    let f: Vec<_> = from.components().collect();
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); f.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string()),
    );
    Ok(if parts.is_empty() {
        String::new()
    } else {
        parts.join("/") + "/"
    })
}
