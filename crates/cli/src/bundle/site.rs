//! The built site a bundle copies: where it is, and which of its files a bundle needs.
//!
//! The assets are copied from the project's build (Trunk's `dist/`), not embedded in the binary:
//! `scripts/build.sh` builds the CLI first (it writes the demo data) and the site after it, so an
//! embedded copy (include_dir at compile time) would need `dist/` before it exists, would silently
//! ship whatever stale build was there when the CLI was compiled, and would add the ~1 MB wasm to
//! every CLI binary. Copying the current build avoids all three; when there is none, the error says
//! which command builds it.

use super::BundleError;
use std::path::{Path, PathBuf};

/// The command that builds the site, named in every "no site" error.
pub const BUILD_COMMAND: &str = "bash scripts/build.sh";

/// The site's folders a bundle leaves out: the demo data Trunk copies in (`public/data`; the
/// bundle has its own data) and the fixtures the e2e tests write into `dist/e2e/`.
const NOT_COPIED: [&str; 2] = ["data", "e2e"];

/// The built site: `--site DIR` when given, else `dist/` in the current folder, else the `dist/`
/// of the checkout this binary was compiled in. A folder counts when it holds `index.html`
/// (whether that page is a build is checked when it is rewritten).
pub fn locate(given: Option<&Path>) -> Result<PathBuf, BundleError> {
    let candidates: Vec<PathBuf> = match given {
        Some(dir) => vec![dir.to_path_buf()],
        None => vec![
            PathBuf::from("dist"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"),
        ],
    };
    candidates
        .iter()
        .find(|d| d.join("index.html").is_file())
        .cloned()
        .ok_or(BundleError::NoSite(candidates))
}

/// The site files a bundle copies, as (name, full path): every regular file at the top of the
/// site folder except `index.html` (which is rewritten), and the folders Trunk writes besides its
/// flat assets (`snippets/`, wasm-bindgen's JS snippets), minus [`NOT_COPIED`] and hidden entries
/// (Trunk's `.stage`). Symlinks are followed.
pub fn files(site: &Path) -> Result<Vec<(String, PathBuf)>, BundleError> {
    let entries = std::fs::read_dir(site).map_err(|e| BundleError::io(site, e))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| BundleError::io(site, e))?;
        let name = entry.file_name().to_string_lossy().to_string();
        let path = entry.path();
        if name.starts_with('.') || name == "index.html" || NOT_COPIED.contains(&name.as_str()) {
            continue;
        }
        if path.is_file() {
            out.push((name, path));
        } else if path.is_dir() {
            let below = crate::read::list_files(&path).map_err(|e| BundleError::Io {
                path: e.path,
                message: e.message,
            })?;
            out.extend(
                below
                    .into_iter()
                    .map(|(rel, full)| (format!("{name}/{rel}"), full)),
            );
        }
    }
    out.sort();
    Ok(out)
}

/// Every asset the page names must be among the copied files, or the bundle would be a blank page.
pub fn check_assets(
    site: &Path,
    assets: &[String],
    files: &[(String, PathBuf)],
) -> Result<(), BundleError> {
    match assets
        .iter()
        .find(|a| !files.iter().any(|(name, _)| name == *a))
    {
        Some(missing) => Err(BundleError::MissingAsset {
            site: site.to_path_buf(),
            asset: missing.clone(),
        }),
        None => Ok(()),
    }
}
