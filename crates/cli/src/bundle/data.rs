//! The data a bundle carries: which files of DATA are copied, and under which names.
//!
//! The names are the ones the CLI reads DATA under (`crate::read::read_path`), so the bundle's
//! site and `arena-lens leaderboard DATA` see the same benches: a data root's files keep their
//! paths, a bench folder's go under the folder's name, a single battles file under
//! `<its folder>/<name>`. Only data files (`source::is_data_file`) are copied (the manifest lists nothing else); an
//! existing `manifest.json` and `_slim/` copies are not, since the bundle writes its own.

use super::BundleError;
use arena_lens_core::manifest::Manifest;
use arena_lens_core::source::{is_data_file, is_slim_copy};
use std::path::{Path, PathBuf};

/// The files to copy and what DATA's own manifest says.
#[derive(Debug)]
pub struct Plan {
    /// (path below the bundle's data folder, source path), sorted by the first.
    pub files: Vec<(String, PathBuf)>,
    /// The baseline DATA's `manifest.json` records, if any.
    pub baseline: Option<String>,
}

/// Reads DATA's file list (following symlinks) and checks there is something to publish.
pub fn plan(data: &Path) -> Result<Plan, BundleError> {
    let meta = std::fs::metadata(data).map_err(|e| BundleError::DataMissing {
        path: data.to_path_buf(),
        message: e.to_string(),
    })?;
    if meta.is_file() {
        if !is_data_file(&data.to_string_lossy()) {
            return Err(BundleError::NoJsonl(data.to_path_buf()));
        }
        let name = file_name(data)?;
        // As `read_path` names a single file: with its folder's name as given, when there is one.
        let parent = data
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string());
        let rel = match parent {
            Some(p) if !p.is_empty() && p != "." && p != ".." => format!("{p}/{name}"),
            _ => name,
        };
        return Ok(Plan {
            files: vec![(rel, data.to_path_buf())],
            baseline: None,
        });
    }
    let prefix = if crate::read::is_bench_dir(data) {
        let canon = data.canonicalize().map_err(|e| BundleError::io(data, e))?;
        format!("{}/", file_name(&canon)?)
    } else {
        String::new()
    };
    let listed = crate::read::list_files(data).map_err(|e| BundleError::Io {
        path: e.path,
        message: e.message,
    })?;
    let files: Vec<_> = listed
        .into_iter()
        .filter(|(rel, _)| {
            is_data_file(rel) && !rel.ends_with("manifest.json") && !is_slim_copy(rel)
        })
        .map(|(rel, full)| (format!("{prefix}{rel}"), full))
        .collect();
    if files.is_empty() {
        return Err(BundleError::NoJsonl(data.to_path_buf()));
    }
    let baseline = std::fs::read_to_string(data.join("manifest.json"))
        .ok()
        .and_then(|t| Manifest::parse(&t).ok())
        .and_then(|m| m.baseline);
    Ok(Plan { files, baseline })
}

/// Copies the planned files below `dest` (contents, so symlinks are followed); returns the bytes.
pub fn copy(plan: &Plan, dest: &Path) -> Result<u64, BundleError> {
    let mut bytes = 0;
    for (rel, src) in &plan.files {
        let to = dest.join(rel);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(|e| BundleError::io(dir, e))?;
        }
        bytes += std::fs::copy(src, &to).map_err(|e| BundleError::io(src, e))?;
    }
    Ok(bytes)
}

fn file_name(p: &Path) -> Result<String, BundleError> {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .ok_or_else(|| BundleError::NoJsonl(p.to_path_buf()))
}
