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
    /// A file whose content (or FastChat's llm_judge layout) names its format: see
    /// [`crate::formats::sniff`]. Its bench is its folder (see [`classify_file`]).
    Format {
        bench: String,
        kind: crate::formats::sniff::FormatKind,
    },
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

/// True for a file arena-lens reads, by its name: JSON Lines, JSON and CSV files (their content
/// decides their format, see [`classify_file`]), Parquet battle logs ([`is_parquet`]) and
/// `manifest.json`. The CLI's folder walk, the site's file picker and URL loader, and
/// `arena-lens index` all ask this one function.
pub fn is_data_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jsonl", ".json", ".csv", PARQUET_EXT]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The file name ending of a Parquet file.
pub const PARQUET_EXT: &str = ".parquet";

/// True for a Parquet file, by its name or by its `PAR1` magic. The core reads no binary format:
/// the CLI and the site's Parquet worker turn such a file into JSON Lines, one row per line
/// (crate `arena-lens-parquet`), and hand that text over under the file's own name, which then
/// reads as a Chatbot Arena battle log with each issue at `file:row N` ([`crate::report::Issue`]).
pub fn is_parquet(path: &str, head: &[u8]) -> bool {
    path.to_ascii_lowercase().ends_with(PARQUET_EXT) || head.starts_with(b"PAR1")
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
    if let Some(kind) = llm_judge_kind(&parts, stem) {
        return FileRole::Format {
            bench: if n >= 3 {
                parts[n - 3].to_string()
            } else {
                DEFAULT_BENCH.into()
            },
            kind,
        };
    }
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

/// FastChat llm_judge's own layout: `<bench>/model_judgment/<judge>_pair.jsonl`,
/// `<judge>_single.jsonl` and `<bench>/reference_answer/<model>.jsonl`.
fn llm_judge_kind(parts: &[&str], stem: &str) -> Option<crate::formats::sniff::FormatKind> {
    use crate::formats::sniff::FormatKind;
    let folder = *parts.get(parts.len().checked_sub(2)?)?;
    match folder {
        "model_judgment" if stem.ends_with("_pair") => Some(FormatKind::MtBenchPair),
        "model_judgment" if stem.ends_with("_single") => Some(FormatKind::MtBenchSingle),
        "reference_answer" => Some(FormatKind::MtBenchReference),
        _ => None,
    }
}

/// Classifies a file by its path and, where the path does not place it (a `.json` or `.csv` file, or
/// a `.jsonl` the path takes for Arena-Hard battles), by its first record
/// ([`crate::formats::sniff::sniff`]). A sniffed file's bench is the folder it sits in, or its stem
/// at the top level, as for battles files.
pub fn classify_file(path: &str, text: &str) -> FileRole {
    if is_parquet(path, text.as_bytes()) {
        return classify_parquet(path, text);
    }
    let role = classify(path);
    if !matches!(role, FileRole::Other | FileRole::Battles { .. }) || is_slim_copy(path) {
        return role;
    }
    let Some(kind) = crate::formats::sniff::sniff(path, text) else {
        return role;
    };
    FileRole::Format {
        bench: sniffed_bench(path),
        kind,
    }
}

/// A Parquet file handed over as its rows in JSON Lines: a Chatbot Arena battle log (the only
/// Parquet data arena-lens reads; the reader reports a row without a battle's fields), in the
/// bench named like a sniffed file's. Raw bytes that were not converted are left unread
/// ([`FileRole::Other`]), and the load report says why.
fn classify_parquet(path: &str, text: &str) -> FileRole {
    if text.as_bytes().starts_with(b"PAR1") || is_slim_copy(path) {
        return FileRole::Other;
    }
    FileRole::Format {
        bench: sniffed_bench(path),
        kind: crate::formats::sniff::FormatKind::ArenaBattles,
    }
}

/// The bench of a file placed by its content: its folder, or its stem at the top level.
fn sniffed_bench(path: &str) -> String {
    let parts = path_parts(path);
    let n = parts.len();
    if n >= 2 {
        return parts[n - 2].to_string();
    }
    parts
        .last()
        .map(|name| name.rsplit_once('.').map_or(*name, |(s, _)| s))
        .unwrap_or(DEFAULT_BENCH)
        .to_string()
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

    #[test]
    fn parquet_files_by_name_and_magic() {
        assert!(is_data_file("hf/train-00000-of-00001.PARQUET"));
        assert!(is_parquet("x.bin", b"PAR1\x15\x04"));
        assert!(!is_parquet("x.jsonl", b"{\"a\": 1}"));
        // Converted to JSON Lines (one row per line): an Arena battle log, whatever its first row.
        let rows = r#"{"question_id":"q","model_a":"x","model_b":"y","winner":"model_a"}"#;
        let arena = |bench: &str| FileRole::Format {
            bench: bench.into(),
            kind: crate::formats::sniff::FormatKind::ArenaBattles,
        };
        assert_eq!(classify_file("lmsys/train.parquet", rows), arena("lmsys"));
        assert_eq!(classify_file("train.parquet", rows), arena("train"));
        // Raw bytes nobody converted are not read as text.
        assert_eq!(
            classify_file("train.parquet", "PAR1\u{15}"),
            FileRole::Other
        );
        assert_eq!(classify_file("train", "PAR1\u{15}"), FileRole::Other);
    }
}
