//! Bad Parquet input: each case gets its documented behaviour. A file that cannot hold battles
//! (not Parquet, truncated, no `winner` column, a non-text `winner`) is one error naming the file
//! and column; a bad value in one row is that row's report line (`file:row N`), the rest kept.
//! Random, truncated and corrupted bytes give an error, never a panic (proptest).

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use arena_lens_parquet::{to_json_lines, ParquetError};
use common::{chat_battles, parquet};
use proptest::prelude::*;
use serde_json::{json, Value};

fn flat(n: usize) -> Vec<Value> {
    const WINNERS: [&str; 4] = ["model_a", "model_b", "tie", "tie (bothbad)"];
    (0..n)
        .map(|i| {
            json!({"model_a": format!("m{}", i % 3), "model_b": format!("m{}", (i + 1) % 3),
                "winner": WINNERS[i % 4], "anony": true, "tstamp": 1.7e9 + i as f64})
        })
        .collect()
}

#[test]
fn bytes_that_are_not_parquet_name_the_file() {
    for bytes in [
        Vec::new(),
        b"PAR".to_vec(),
        b"{\"model_a\": \"x\"}".to_vec(),
    ] {
        let e = to_json_lines("logs/x.parquet", bytes).unwrap_err();
        assert_eq!(
            e,
            ParquetError::NotParquet {
                file: "logs/x.parquet".into()
            }
        );
        assert!(e
            .to_string()
            .starts_with("logs/x.parquet: not a Parquet file"));
    }
}

#[test]
fn a_truncated_file_is_an_error_naming_it() {
    let bytes = parquet(&chat_battles(), 2);
    for cut in [4, 8, bytes.len() / 2, bytes.len() - 8, bytes.len() - 1] {
        let e = to_json_lines("t.parquet", bytes[..cut].to_vec()).unwrap_err();
        assert!(
            matches!(e, ParquetError::Corrupt { .. }),
            "cut at {cut}: {e}"
        );
        assert!(
            e.to_string()
                .starts_with("t.parquet: unreadable Parquet file"),
            "{e}"
        );
    }
}

#[test]
fn a_missing_winner_column_is_an_error_listing_the_columns() {
    let rows: Vec<Value> = flat(4)
        .into_iter()
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("winner");
            r
        })
        .collect();
    let e = to_json_lines("w.parquet", parquet(&rows, 10)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "w.parquet: no `winner` column, which every battle needs \
         (its columns: anony, model_a, model_b, tstamp)"
    );
}

#[test]
fn a_winner_column_that_is_not_text_is_a_type_error() {
    let rows: Vec<Value> = flat(4)
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r["winner"] = json!(i % 2);
            r
        })
        .collect();
    let e = to_json_lines("n.parquet", parquet(&rows, 10)).unwrap_err();
    assert!(matches!(&e, ParquetError::WrongType { column, .. } if column == "winner"));
    assert!(
        e.to_string()
            .starts_with("n.parquet: column `winner` is INT64"),
        "{e}"
    );
}

#[test]
fn a_bad_row_is_reported_at_its_row_and_the_rest_are_kept() {
    let mut rows = flat(8);
    rows[2]["winner"] = json!("model_c");
    rows[5]["winner"] = Value::Null;
    let text = to_json_lines("logs/u.parquet", parquet(&rows, 3)).unwrap();
    let ds = Dataset::load(vec![SourceFile {
        path: "logs/u.parquet".into(),
        text,
    }]);
    let bench = &ds.benches["logs"];
    assert_eq!(bench.report.battle_rows, 6);
    assert_eq!(bench.report.count(IssueKind::UnknownWinner), 1);
    assert_eq!(bench.report.count(IssueKind::MissingField), 1);
    let printed: Vec<String> = bench.report.issues.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        printed,
        [
            "logs/u.parquet:row 3: unknown winner [winner]: \"model_c\"",
            "logs/u.parquet:row 6: missing or invalid field [winner]: missing",
        ],
    );
}

#[test]
fn raw_parquet_bytes_handed_to_the_core_are_reported_not_read() {
    let bytes = parquet(&flat(2), 10);
    let ds = Dataset::load(vec![SourceFile {
        path: "raw.parquet".into(),
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }]);
    assert!(ds.benches.is_empty());
    assert_eq!(ds.report.count(IssueKind::UnknownFile), 1);
    assert!(
        ds.report.issues[0].message.contains("Parquet bytes"),
        "{:?}",
        ds.report.issues
    );
}

/// Reads `bytes`; Ok rows must be JSON objects, an error must name the file. Never panics.
fn read_or_name(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    match to_json_lines("f.parquet", bytes) {
        Ok(text) => {
            for line in text.lines() {
                let v: Value =
                    serde_json::from_str(line).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(v.is_object());
            }
        }
        Err(e) => prop_assert!(e.to_string().starts_with("f.parquet:"), "{e}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(mut bytes in proptest::collection::vec(any::<u8>(), 0..2048), framed in any::<bool>()) {
        if framed {
            // With the magic at both ends the footer parser runs on the random bytes.
            bytes.splice(0..0, *b"PAR1");
            bytes.extend_from_slice(b"PAR1");
        }
        read_or_name(bytes)?;
    }

    #[test]
    fn truncated_files_never_panic(cut in 0.0f64..1.0) {
        let bytes = parquet(&chat_battles(), 2);
        let n = (bytes.len() as f64 * cut) as usize;
        read_or_name(bytes[..n].to_vec())?;
    }

    #[test]
    fn corrupted_bytes_never_panic(flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 1..6)) {
        let mut bytes = parquet(&chat_battles(), 2);
        let len = bytes.len();
        for (at, x) in flips {
            let i = ((len as f64 * at) as usize).min(len - 1);
            bytes[i] ^= x.max(1);
        }
        read_or_name(bytes)?;
    }
}
