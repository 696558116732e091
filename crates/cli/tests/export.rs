//! `--format csv|json|md|tex` end to end on the demo data: the CSV carries the JSON's numbers
//! exactly, `--format json` is `--json`, Markdown and LaTeX have the page's rows and rounding, and
//! every command that exports says which formats it has.

mod common;

use common::{cli, demo_dir};

/// Runs the CLI with a fixed date (reproducible headers) and returns its stdout.
fn run(args: &[&str]) -> String {
    let out = cli()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn records(text: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

fn headers(text: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect()
}

/// Every number written as `"key": <number>` in a JSON text, in order, parsed with Rust's
/// correctly rounded `str::parse` (serde_json's default parser may be an ulp off).
fn numbers_of(json: &str, key: &str) -> Vec<f64> {
    let pat = format!("\"{key}\": ");
    json.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &json[i + pat.len()..];
            let end = rest.find([',', '\n', '}']).unwrap();
            rest[..end].trim().parse::<f64>().unwrap()
        })
        .collect()
}

#[test]
fn leaderboard_csv_carries_the_json_numbers_exactly() {
    let dir = demo_dir("export-lb");
    let d = dir.to_str().unwrap();
    let json = run(&["leaderboard", d, "--judge", "judge-sage", "--json"]);
    assert_eq!(
        run(&[
            "leaderboard",
            d,
            "--judge",
            "judge-sage",
            "--format",
            "json"
        ]),
        json,
        "--format json is --json"
    );
    let csv_text = run(&["leaderboard", d, "--judge", "judge-sage", "--format", "csv"]);
    assert!(
        csv_text.contains("\r\n# date: 2023-11-14\r\n"),
        "{csv_text}"
    );
    assert!(csv_text.contains(&format!("\r\n# data: {d}\r\n")));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(csv_text.contains(&format!(
        "# method_line: {}\r\n",
        v["method_line"].as_str().unwrap()
    )));
    let head = headers(&csv_text);
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    let recs = records(&csv_text);
    let models = v["models"].as_array().unwrap();
    assert_eq!(recs.len(), models.len());
    // Top-level "score" keys appear only in the model rows (in order); "lower"/"upper" too.
    let (score, lower, upper) = (
        numbers_of(&json, "score"),
        numbers_of(&json, "lower"),
        numbers_of(&json, "upper"),
    );
    for (i, m) in models.iter().enumerate() {
        let r = &recs[i];
        assert_eq!(&r[col("model")], m["model"].as_str().unwrap());
        // Exact (tolerance 0): both are shortest round-trip forms of the same f64.
        assert_eq!(r[col("score")].parse::<f64>().unwrap(), score[i]);
        assert_eq!(r[col("lower")].parse::<f64>().unwrap(), lower[i]);
        assert_eq!(r[col("upper")].parse::<f64>().unwrap(), upper[i]);
        assert_eq!(r[col("rank_ub")], m["rank_ub"].to_string());
        assert_eq!(r[col("battles")], m["battles"].to_string());
    }
}

#[test]
fn leaderboard_md_and_tex_have_every_row_rounded_as_shown() {
    let dir = demo_dir("export-md");
    let d = dir.to_str().unwrap();
    let v: serde_json::Value = serde_json::from_str(&run(&[
        "leaderboard",
        d,
        "--judge",
        "judge-atlas",
        "--json",
    ]))
    .unwrap();
    let models = v["models"].as_array().unwrap();
    let md = run(&["leaderboard", d, "--judge", "judge-atlas", "--format", "md"]);
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
    // Heading, rule, one line per model.
    assert_eq!(table.len(), models.len() + 2);
    assert!(table[0].starts_with("| Rank (UB) | Model | Score | 95% CI lower"));
    let top = &models[0];
    assert!(
        table[2].contains(&format!(
            "| {:.1} | {:.1} | {:.1} |",
            top["score"].as_f64().unwrap(),
            top["lower"].as_f64().unwrap(),
            top["upper"].as_f64().unwrap()
        )),
        "{}",
        table[2]
    );
    assert!(md.contains("> method: arena-lens"));
    let tex = run(&[
        "leaderboard",
        d,
        "--judge",
        "judge-atlas",
        "--format",
        "tex",
    ]);
    for rule in [
        "\\toprule",
        "\\midrule",
        "\\bottomrule",
        "\\begin{tabular}{rlrrrrr}",
    ] {
        assert!(tex.contains(rule), "{rule} in {tex}");
    }
    // Model names carry `-`, never a raw `_`; the escaped baseline name is in the caption.
    assert_eq!(
        tex.lines().filter(|l| l.ends_with(" \\\\")).count(),
        models.len() + 1
    );
}

#[test]
fn grouped_leaderboard_exports_every_group_long() {
    let dir = demo_dir("export-groups");
    let d = dir.to_str().unwrap();
    let args = [
        "leaderboard",
        d,
        "--judge",
        "judge-sage",
        "--group-by",
        "category",
    ];
    let v: serde_json::Value =
        serde_json::from_str(&run(&[&args[..], &["--json"]].concat())).unwrap();
    let csv_text = run(&[&args[..], &["--format", "csv"]].concat());
    let n: usize = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["models"].as_array().unwrap().len())
        .sum();
    assert_eq!(records(&csv_text).len(), n);
    assert_eq!(
        headers(&csv_text)[..3],
        ["group", "prompts", "group_baseline"]
    );
}

#[test]
fn clusters_compare_and_judges_export_their_tables() {
    let dir = demo_dir("export-others");
    let d = dir.to_str().unwrap();
    // Clusters: one row per (cluster, model), numbers as the JSON's.
    let cj: serde_json::Value = serde_json::from_str(&run(&[
        "clusters",
        d,
        "--judge",
        "judge-sage",
        "--label",
        "category",
        "--json",
    ]))
    .unwrap();
    let cc = run(&[
        "clusters",
        d,
        "--judge",
        "judge-sage",
        "--label",
        "category",
        "--format",
        "csv",
    ]);
    let rows = records(&cc);
    let first = &cj["clusters"][0]["models"][0];
    assert_eq!(&rows[0][2], first["model"].as_str().unwrap());
    assert!(
        (rows[0][3].parse::<f64>().unwrap() - first["win_rate"].as_f64().unwrap()).abs() < 1e-12
    );
    let total: usize = cj["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["models"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), total);
    // Compare: the paired table, one row per prompt.
    let base = [
        "compare",
        d,
        "--a",
        "atlas-pro",
        "--b",
        "atlas-mini",
        "--judge",
        "judge-sage",
    ];
    let pj: serde_json::Value =
        serde_json::from_str(&run(&[&base[..], &["--json"]].concat())).unwrap();
    let pc = run(&[&base[..], &["--format", "csv"]].concat());
    let prompts = pj["prompts"].as_array().unwrap();
    let prow = records(&pc);
    assert_eq!(prow.len(), prompts.len());
    assert_eq!(&prow[0][0], prompts[0]["question_id"].as_str().unwrap());
    assert_eq!(
        &prow[0][1],
        prompts[0]["a"]["games"][0]["label"].as_str().unwrap()
    );
    // Compare has no LaTeX: a plain error, exit 2.
    let out = cli()
        .args([&base[..], &["--format", "tex"]].concat())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no LaTeX export"));
    // Judges: every judge's board, one row per (judge, model).
    let jj: serde_json::Value =
        serde_json::from_str(&run(&["judges", d, "--rounds", "20", "--json"])).unwrap();
    let jc = run(&["judges", d, "--rounds", "20", "--format", "md"]);
    let n: usize = jj["leaderboards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["models"].as_array().unwrap().len())
        .sum();
    assert_eq!(jc.lines().filter(|l| l.starts_with("| ")).count(), n + 2);
    assert!(jc.contains("| judge\\-atlas |") || jc.contains("| judge-atlas |"));
}
