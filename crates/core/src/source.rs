//! Input files and where they sit in an Arena-Hard data folder.
//!
//! The core does no I/O: the CLI reads files from disk and the web app fetches them or reads them from a
//! file picker, and both hand over `(relative path, text)` pairs. The path alone decides a file's role.

use serde::{Deserialize, Serialize};

/// One input file: its path relative to the data root (with `/` separators) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// What a file is, judged by its path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileRole {
    /// `<bench>/question.jsonl`
    Questions { bench: String },
    /// `<bench>/model_answer/<model>.jsonl`
    Answers { bench: String, model: String },
    /// `<bench>/model_judgment/<judge>/<model>.jsonl`
    Judgments {
        bench: String,
        judge: String,
        model: String,
    },
    /// Any other `.jsonl`: a battles file; its bench is its folder, or its stem at the top level.
    Battles { bench: String },
    /// `manifest.json`
    Manifest,
    /// Anything else (README, CSV, ...): ignored.
    Other,
}

/// Name used for the bench when files sit at the top level of what the user opened.
pub const DEFAULT_BENCH: &str = "bench";

/// Splits a path into its components, dropping `.` and empty parts and normalising `\`.
pub fn path_parts(path: &str) -> Vec<&str> {
    path.split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .collect()
}

/// True for a slim copy written by `arena-lens index --slim` (below a `_slim` folder): a derived
/// duplicate of a file that is read in full instead.
pub fn is_slim_copy(path: &str) -> bool {
    path_parts(path).contains(&crate::manifest::SLIM_DIR)
}

/// Classifies a file by its relative path.
pub fn classify(path: &str) -> FileRole {
    let parts = path_parts(path);
    let Some(name) = parts.last().copied() else {
        return FileRole::Other;
    };
    if name == "manifest.json" {
        return FileRole::Manifest;
    }
    if is_slim_copy(path) {
        return FileRole::Other;
    }
    let Some(stem) = name.strip_suffix(".jsonl") else {
        return FileRole::Other;
    };
    let n = parts.len();
    let bench_at = |i: usize| -> String {
        if i < n {
            parts[i].to_string()
        } else {
            DEFAULT_BENCH.to_string()
        }
    };
    if n >= 3 && parts[n - 3] == "model_judgment" {
        return FileRole::Judgments {
            bench: if n >= 4 {
                bench_at(n - 4)
            } else {
                DEFAULT_BENCH.into()
            },
            judge: parts[n - 2].to_string(),
            model: stem.to_string(),
        };
    }
    if n >= 2 && parts[n - 2] == "model_answer" {
        return FileRole::Answers {
            bench: if n >= 3 {
                bench_at(n - 3)
            } else {
                DEFAULT_BENCH.into()
            },
            model: stem.to_string(),
        };
    }
    if stem == "question" {
        return FileRole::Questions {
            bench: if n >= 2 {
                bench_at(n - 2)
            } else {
                DEFAULT_BENCH.into()
            },
        };
    }
    FileRole::Battles {
        bench: if n >= 2 {
            bench_at(n - 2)
        } else {
            stem.to_string()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_paths() {
        assert_eq!(
            classify("ko/model_judgment/ensemble/chatgpt-4o-latest(2025-03-26).jsonl"),
            FileRole::Judgments {
                bench: "ko".into(),
                judge: "ensemble".into(),
                model: "chatgpt-4o-latest(2025-03-26)".into()
            }
        );
        assert_eq!(
            classify("./data/b/model_answer/m.jsonl"),
            FileRole::Answers {
                bench: "b".into(),
                model: "m".into()
            }
        );
        assert_eq!(
            classify("question.jsonl"),
            FileRole::Questions {
                bench: DEFAULT_BENCH.into()
            }
        );
        assert_eq!(
            classify("battles-10-models/arena_hard_battles.jsonl"),
            FileRole::Battles {
                bench: "battles-10-models".into()
            }
        );
        assert_eq!(
            classify("arena_hard_battles.jsonl"),
            FileRole::Battles {
                bench: "arena_hard_battles".into()
            }
        );
        assert_eq!(classify("x/leaderboard/a.csv"), FileRole::Other);
        assert_eq!(classify("manifest.json"), FileRole::Manifest);
        assert_eq!(classify("d/_slim/b/model_answer/m.jsonl"), FileRole::Other);
    }
}
