//! Parquet battle logs in the released schemas read back field by field, nested columns intact,
//! and load in the core exactly as the same records in JSON Lines.

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use arena_lens_parquet::write::{records, WriteOptions};
use common::{chat_battles, holds, parquet};
use parquet::basic::{Compression, GzipLevel, ZstdLevel};
use serde_json::{json, Value};
use std::sync::Arc;

/// The rows of a file as JSON values.
fn read_back(name: &str, bytes: Vec<u8>) -> Vec<Value> {
    arena_lens_parquet::to_json_lines(name, bytes)
        .expect("readable")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn chat_release_rows_come_back_field_by_field() {
    let rows = chat_battles();
    // Two rows per row group: the reader crosses row groups.
    let back = read_back("arena/train.parquet", parquet(&rows, 2));
    assert_eq!(back.len(), rows.len());
    for (i, (orig, got)) in rows.iter().zip(&back).enumerate() {
        holds(orig, got, &format!("row {}", i + 1)).unwrap();
    }
    // The nested columns by name (values from common::chat_battles's first record).
    let first = &back[0];
    assert_eq!(first["conversation_a"][2]["content"], "And 3+3?");
    assert_eq!(first["conversation_b"][3]["role"], "assistant");
    assert_eq!(first["category_tag"]["criteria_v0.1"]["real_world"], true);
    assert_eq!(first["category_tag"]["math_v0.1"]["math"], true);
    assert_eq!(first["conv_metadata"]["header_count_b"]["h2"], 1);
    assert_eq!(first["conv_metadata"]["bold_count_b"]["**"], 1);
    assert_eq!(first["tstamp"].as_f64(), Some(1710000000.5));
    assert_eq!(first["anony"], true);
}

#[test]
fn a_parquet_log_loads_as_the_same_records_in_json_lines() {
    let rows = chat_battles();
    let jsonl = rows
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let text = arena_lens_parquet::to_json_lines("arena/train.parquet", parquet(&rows, 3)).unwrap();
    let load = |path: &str, text: String| {
        Dataset::load(vec![SourceFile {
            path: path.into(),
            text,
        }])
    };
    let from_json = load("arena/train.jsonl", jsonl);
    let from_parquet = load("arena/train.parquet", text);
    let (a, b) = (&from_json.benches["arena"], &from_parquet.benches["arena"]);
    // The bench types have no PartialEq; their Debug text shows every field.
    let same = |x: &dyn std::fmt::Debug, y: &dyn std::fmt::Debug| {
        assert_eq!(format!("{x:?}"), format!("{y:?}"));
    };
    same(&a.file_battles, &b.file_battles);
    same(&a.prompts, &b.prompts);
    same(&a.answers, &b.answers);
    assert_eq!(a.report.battle_rows, b.report.battle_rows);
    assert_eq!(a.report.counts, b.report.counts);
    assert_eq!(b.report.battle_rows, rows.len());
    // What the core takes from the nested columns: later turns, labels, style features.
    let p = &b.prompts[b.file_battles[0].prompt as usize];
    assert_eq!(p.later_turns, vec!["And 3+3?".to_string()]);
    assert!(
        p.labels.iter().any(|l| l == "hard_prompt"),
        "{:?}",
        p.labels
    );
    assert!(b.file_battles[0].style.is_some());
}

#[test]
fn a_map_column_comes_back_as_an_object() {
    use arrow_schema::{DataType, Field, Schema};
    let entries = Field::new_map(
        "counts",
        "entries",
        Field::new("keys", DataType::Utf8, false),
        Field::new("values", DataType::Int64, true),
        false,
        true,
    );
    let schema = Schema::new(vec![
        Field::new("model_a", DataType::Utf8, false),
        Field::new("model_b", DataType::Utf8, false),
        Field::new("winner", DataType::Utf8, false),
        entries,
    ]);
    let rows = vec![
        json!({"model_a": "x", "model_b": "y", "winner": "tie", "counts": {"h1": 2, "**": 0}}),
        json!({"model_a": "y", "model_b": "x", "winner": "model_b", "counts": {}}),
    ];
    let bytes = records(
        &rows,
        &WriteOptions {
            schema: Some(Arc::new(schema)),
            ..Default::default()
        },
    )
    .unwrap();
    let back = read_back("m.parquet", bytes);
    assert_eq!(back[0]["counts"], json!({"h1": 2, "**": 0}));
    assert_eq!(back[1]["counts"], json!({}));
}

#[test]
fn every_codec_the_releases_use_reads() {
    let rows = chat_battles();
    for compression in [
        Compression::UNCOMPRESSED,
        Compression::SNAPPY,
        Compression::GZIP(GzipLevel::default()),
        Compression::LZ4_RAW,
        Compression::ZSTD(ZstdLevel::default()),
    ] {
        let bytes = records(
            &rows,
            &WriteOptions {
                compression,
                ..Default::default()
            },
        )
        .unwrap();
        let back = read_back("c.parquet", bytes);
        for (orig, got) in rows.iter().zip(&back) {
            holds(orig, got, &format!("{compression:?}")).unwrap();
        }
    }
}

#[test]
fn timestamps_become_seconds_and_rows_stream_in_order() {
    use arrow_schema::{DataType, Field, Schema, TimeUnit};
    let schema = Schema::new(vec![
        Field::new("model_a", DataType::Utf8, false),
        Field::new("model_b", DataType::Utf8, false),
        Field::new("winner", DataType::Utf8, false),
        Field::new(
            "tstamp",
            DataType::Timestamp(TimeUnit::Millisecond, None),
            true,
        ),
    ]);
    let rows: Vec<Value> = (0..5)
        .map(|i| json!({"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": 1_700_000_000_250i64 + i}))
        .collect();
    let bytes = records(
        &rows,
        &WriteOptions {
            schema: Some(Arc::new(schema)),
            row_group_rows: 2,
            ..Default::default()
        },
    )
    .unwrap();
    let it = arena_lens_parquet::open("t.parquet", bytes::Bytes::from(bytes)).unwrap();
    assert_eq!(it.total(), 5);
    let back: Vec<Value> = it
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    // 1_700_000_000_250 ms + i = 1_700_000_000.250 s + i ms (f64 holds it to ~1e-7 s).
    for (i, v) in back.iter().enumerate() {
        let want = 1_700_000_000.25 + i as f64 / 1e3;
        assert!((v["tstamp"].as_f64().unwrap() - want).abs() < 1e-6, "{v}");
    }
}
