//! A generated demo folder on disk: its files and a `manifest.json` naming them, so a static server
//! can hand the folder to the site with `?data=`. `demo` and `demo --mt-bench` both write through it.

use arena_lens_core::manifest::Manifest;
use arena_lens_demo::DemoFile;
use std::io::Write;
use std::path::Path;

/// Writes generated demo files under `root` with a `manifest.json` naming them (and `baseline`, the
/// model the site shows at 50%), and prints one summary line to `out`.
pub fn write_folder(
    root: &Path,
    files: &[DemoFile],
    baseline: Option<String>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let mut sizes = Vec::with_capacity(files.len());
    for f in files {
        write(&root.join(&f.path), &f.contents)?;
        sizes.push((f.path.clone(), f.contents.len() as u64));
    }
    let m = Manifest::from_files(sizes, baseline);
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
