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
    /// A slim copy without the long texts (see [`crate::slim`]), which the site loads first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slim: Option<SlimCopy>,
}

/// Where an entry's slim copy is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlimCopy {
    /// Path relative to the manifest itself (not to `base`: the copies sit beside the manifest, since
    /// the data folder may not be writable), `/`-separated.
    pub path: String,
    pub bytes: u64,
}

/// The `<meta name>` through which a published bundle's `index.html` names its data
/// (`<meta name="arena-lens-data" content="data/">`, written by `arena-lens bundle`): the site opens
/// that data when the link has no `data=`.
pub const DATA_META: &str = "arena-lens-data";

/// The folder, beside the manifest, that holds slim copies.
pub const SLIM_DIR: &str = "_slim";

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
            .filter(|(p, _)| crate::source::is_data_file(p) && !p.ends_with("manifest.json"))
            .map(|(path, bytes)| ManifestEntry {
                path: path.replace('\\', "/"),
                bytes,
                slim: None,
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
        let unsafe_path =
            |p: &str| p.starts_with('/') || p.split('/').any(|s| s == "..") || p.contains("://");
        for f in &m.files {
            for p in std::iter::once(&f.path).chain(f.slim.as_ref().map(|s| &s.path)) {
                if unsafe_path(p) {
                    return Err(ManifestError::UnsafePath(p.clone()));
                }
            }
        }
        Ok(m)
    }

    /// Total bytes listed, for progress bars.
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// Bytes a first load fetches: slim copies where there are any.
    pub fn first_load_bytes(&self) -> u64 {
        self.files
            .iter()
            .map(|f| f.slim.as_ref().map_or(f.bytes, |s| s.bytes))
            .sum()
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
        let mut slim = m.clone();
        slim.files[0].slim = Some(SlimCopy {
            path: "../_slim/a.jsonl".into(),
            bytes: 1,
        });
        assert!(matches!(
            Manifest::parse(&slim.to_json()),
            Err(ManifestError::UnsafePath(_))
        ));
        slim.files[0].slim.as_mut().unwrap().path = "_slim/a.jsonl".into();
        assert_eq!(Manifest::parse(&slim.to_json()).unwrap(), slim);
        assert_eq!(slim.first_load_bytes(), 1 + 3);
    }
}
