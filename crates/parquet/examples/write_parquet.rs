//! Writes a JSON array or JSON Lines file of battle records as Parquet (Snappy), for the e2e test
//! (`e2e/parquet.test.mjs`), which then opens it in the site and in the CLI:
//! `cargo run -p arena-lens-parquet --features writer --example write_parquet -- IN OUT`.

use serde_json::Value;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: write_parquet IN.json|IN.jsonl OUT.parquet".into());
    };
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let rows: Vec<Value> = if text.trim_start().starts_with('[') {
        serde_json::from_str(&text).map_err(|e| format!("{input}: {e}"))?
    } else {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{input}: {e}"))?
    };
    let bytes = arena_lens_parquet::write::records(&rows, &Default::default())?;
    std::fs::write(output, bytes).map_err(|e| format!("{output}: {e}"))?;
    Ok(())
}
