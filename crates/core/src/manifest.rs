//! `manifest.json`: the list of data files a static host serves, so a browser can find them.
//!
//! A static server cannot list a folder, so `arena-lens index DIR` writes this file and the site reads it
//! first, then fetches each listed file relative to the manifest.

use serde::{Deserialize, Serialize};

/// The manifest format tag and version, checked on read.
pub const MANIFEST_FORMAT: &str = "arena-lens-manifest";
pub const MANIFEST_VERSION: u32 = 1;

/// One listed file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Path relative to the manifest, `/`-separated.
    pub path: String,
    pub bytes: u64,
}

/// The whole manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// The model the v0.1 judgments were made against, when the data does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// Where the files are, relative to the manifest (ends with `/`), when the manifest was written
    /// elsewhere (`arena-lens index DIR --out FILE`). Empty means beside the manifest.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
    pub files: Vec<ManifestEntry>,
}

/// Why a manifest could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestError {
    Json(String),
    WrongFormat(String),
    UnsafePath(String),
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestError::Json(e) => write!(f, "manifest.json is not valid: {e}"),
            ManifestError::WrongFormat(s) => write!(f, "manifest.json: {s}"),
            ManifestError::UnsafePath(p) => {
                write!(
                    f,
                    "manifest.json lists an unsafe path {p:?} (absolute or with ..)"
                )
            }
        }
    }
}

impl std::error::Error for ManifestError {}

impl Manifest {
    /// Builds a manifest from (path, size) pairs, keeping only files arena-lens reads, sorted by path.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, u64)>,
        baseline: Option<String>,
    ) -> Manifest {
        let mut files: Vec<ManifestEntry> = files
            .into_iter()
            .filter(|(p, _)| p.ends_with(".jsonl"))
            .map(|(path, bytes)| ManifestEntry {
                path: path.replace('\\', "/"),
                bytes,
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Manifest {
            format: MANIFEST_FORMAT.into(),
            version: MANIFEST_VERSION,
            baseline,
            base: String::new(),
            files,
        }
    }

    /// Parses and validates a manifest.
    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let m: Manifest =
            serde_json::from_str(text).map_err(|e| ManifestError::Json(e.to_string()))?;
        if m.format != MANIFEST_FORMAT || m.version != MANIFEST_VERSION {
            return Err(ManifestError::WrongFormat(format!(
                "expected format {MANIFEST_FORMAT:?} version {MANIFEST_VERSION}, found {:?} version {}",
                m.format, m.version
            )));
        }
        for f in &m.files {
            if f.path.starts_with('/')
                || f.path.split('/').any(|p| p == "..")
                || f.path.contains("://")
            {
                return Err(ManifestError::UnsafePath(f.path.clone()));
            }
        }
        Ok(m)
    }

    /// Total bytes listed, for progress bars.
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// Pretty JSON, stable across runs.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("manifest serialises") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_traversal() {
        let m = Manifest::from_files(
            vec![
                ("b/question.jsonl".into(), 3),
                ("README.md".into(), 1),
                ("a.jsonl".into(), 2),
            ],
            Some("x".into()),
        );
        assert_eq!(m.files.len(), 2);
        assert_eq!(m.files[0].path, "a.jsonl");
        assert_eq!(Manifest::parse(&m.to_json()).unwrap(), m);
        let bad = m.to_json().replace("a.jsonl", "../a.jsonl");
        assert!(matches!(
            Manifest::parse(&bad),
            Err(ManifestError::UnsafePath(_))
        ));
    }
}
