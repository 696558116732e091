//! `arena-lens` on Parquet battle logs: GenAI-Arena's real clean_battle file (`../shared`, never
//! copied), written as Parquet in the test, gives the JSON file's leaderboard to 1e-9 with the same
//! report counts; a file that cannot hold battles is one error naming the file and column; a bad
//! row is reported at `file:row N` and the rest are read.

mod common;

use arena_lens_parquet::write::{records, WriteOptions};
use common::{cli, run_json, shared, tempdir};
use serde_json::{json, Value};

const BATTLES: &str =
    "data/formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo/clean_battle_20240220.json";

/// Every number of two leaderboards' JSON equal to `tol`, every other value equal.
fn same(a: &Value, b: &Value, tol: f64, at: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= tol, "{at}: {x} vs {y}");
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(
                x.keys().collect::<Vec<_>>(),
                y.keys().collect::<Vec<_>>(),
                "{at}"
            );
            for (k, v) in x {
                same(v, &y[k], tol, &format!("{at}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                same(v, w, tol, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}

#[test]
fn genai_arena_as_parquet_gives_the_json_files_leaderboard() {
    let Some(root) = shared("parquet_genai_arena") else {
        return;
    };
    let json_path = root.join(BATTLES);
    let rows: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let dir = tempdir("parquet-genai").join("arena_elo");
    std::fs::create_dir_all(&dir).unwrap();
    // Named as the JSON file is, in a folder of the same name, so the bench names agree.
    let pq = dir.join("clean_battle_20240220.parquet");
    std::fs::write(&pq, records(&rows, &WriteOptions::default()).unwrap()).unwrap();
    let from_json = run_json(&["leaderboard", json_path.to_str().unwrap(), "--json"]);
    let from_parquet = run_json(&["leaderboard", pq.to_str().unwrap(), "--json"]);
    assert_eq!(from_json["method"], "chatbot-arena");
    // The scores, intervals, ranks and battle counts to 1e-9 (the same battles, the same seed).
    same(
        &from_json["models"],
        &from_parquet["models"],
        1e-9,
        "models",
    );
    assert_eq!(from_json["models"].as_array().unwrap().len(), 13);
    // The same report counts; only the bytes differ (the Parquet file's rows are read as JSON Lines).
    let report = |v: &Value| {
        let mut r = v["report"].clone();
        r.as_object_mut().unwrap().remove("bytes");
        r.as_object_mut().unwrap().remove("issues");
        r
    };
    assert_eq!(report(&from_json), report(&from_parquet));
    assert_eq!(from_parquet["report"]["lines"], rows.len());
    // The self battle GenAI-Arena's file holds is reported at its row, not its JSON item.
    let issues = from_parquet["report"]["issues"].as_array().unwrap();
    assert_eq!(
        issues.len(),
        from_json["report"]["issues"].as_array().unwrap().len()
    );
    // The folder holding it reads the same way (converted whole rather than streamed).
    let from_folder = run_json(&["leaderboard", dir.to_str().unwrap(), "--json"]);
    same(
        &from_parquet["models"],
        &from_folder["models"],
        1e-9,
        "folder",
    );
}

/// Runs the CLI on `path`, expecting failure; returns stderr.
fn fails(path: &std::path::Path) -> String {
    let out = cli()
        .args(["leaderboard", path.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn battles(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            json!({"model_a": format!("m{}", i % 3), "model_b": format!("m{}", (i + 1) % 3),
                "winner": if i % 2 == 0 { "model_a" } else { "tie" }, "anony": true,
                "tstamp": 1.7e9 + i as f64})
        })
        .collect()
}

#[test]
fn a_file_that_cannot_hold_battles_is_one_clear_error() {
    let dir = tempdir("parquet-bad");
    let no_winner: Vec<Value> = battles(6)
        .into_iter()
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("winner");
            r
        })
        .collect();
    let p = dir.join("no_winner.parquet");
    std::fs::write(&p, records(&no_winner, &WriteOptions::default()).unwrap()).unwrap();
    let err = fails(&p);
    assert!(
        err.contains("no_winner.parquet: no `winner` column"),
        "{err}"
    );
    // A truncated file, and random bytes under a .parquet name.
    let good = records(&battles(6), &WriteOptions::default()).unwrap();
    let t = dir.join("truncated.parquet");
    std::fs::write(&t, &good[..good.len() / 2]).unwrap();
    let err = fails(&t);
    assert!(
        err.contains("truncated.parquet: unreadable Parquet file"),
        "{err}"
    );
    let r = dir.join("random.parquet");
    std::fs::write(&r, b"\x00\x01 definitely not parquet").unwrap();
    let err = fails(&r);
    assert!(err.contains("random.parquet: not a Parquet file"), "{err}");
}

#[test]
fn an_unknown_winner_is_reported_at_its_row_and_the_rest_are_read() {
    let dir = tempdir("parquet-row").join("logs");
    std::fs::create_dir_all(&dir).unwrap();
    let mut rows = battles(12);
    rows[4]["winner"] = json!("model_c");
    let p = dir.join("u.parquet");
    std::fs::write(&p, records(&rows, &WriteOptions::default()).unwrap()).unwrap();
    let lb = run_json(&["leaderboard", p.to_str().unwrap(), "--json"]);
    assert_eq!(lb["report"]["battle_rows"], 11);
    assert_eq!(lb["report"]["counts"]["unknown_winner"], 1);
    assert_eq!(lb["report"]["issues"][0]["line"], 5);
    // The printed report (`--report`) names the row.
    let out = cli()
        .args(["leaderboard", p.to_str().unwrap(), "--report"])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("logs/u.parquet:row 5: unknown winner"),
        "{text}"
    );
}

#[test]
fn a_parquet_file_without_its_extension_is_found_by_its_magic() {
    let dir = tempdir("parquet-magic").join("hub");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("train-00000-of-00001");
    std::fs::write(&p, records(&battles(9), &WriteOptions::default()).unwrap()).unwrap();
    let lb = run_json(&["leaderboard", p.to_str().unwrap(), "--json"]);
    assert_eq!(lb["report"]["battle_rows"], 9);
}
