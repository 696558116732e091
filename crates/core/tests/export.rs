//! The export formats: every number survives CSV and JSON exactly, Markdown and LaTeX show the
//! page's rounding, and no untrusted name can break a format (property tests over any string).

mod common;

use arena_lens_core::export::{
    self, latex, markdown, Cell, Column, Format, Header, Provenance, Table,
};
use arena_lens_core::leaderboard::{self, GroupBy, LeaderboardOptions};
use proptest::prelude::*;

fn provenance() -> Provenance {
    Provenance {
        data: "data/demo/".into(),
        date: "2026-01-02".into(),
    }
}

/// A one-column text table plus a number column, with `names` as rows.
fn names_table(names: &[String]) -> Table {
    let mut t = Table::new(
        "names",
        Header::default().with("data", Cell::text("x")),
        vec![
            Column::text("model", "Model"),
            Column::number("score", "Score", 1),
        ],
    )
    .unwrap()
    .with_latex();
    for (i, n) in names.iter().enumerate() {
        t.push(vec![Cell::text(n.clone()), Cell::Num(i as f64 + 0.125)])
            .unwrap();
    }
    t
}

/// CSV records, `#` lines skipped as comments (as a reader of our header does).
fn read_csv(text: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

proptest! {
    /// Any string (control characters, quotes, commas, `#`, line breaks, non-ASCII) comes back from
    /// the `csv` crate as itself, in its row and column.
    #[test]
    fn any_name_round_trips_through_csv(names in proptest::collection::vec(any::<String>(), 1..6)) {
        let t = names_table(&names);
        let recs = read_csv(&export::csv::write(&t));
        prop_assert_eq!(recs.len(), names.len() + 1);
        prop_assert_eq!(&recs[0][0], "model");
        for (i, n) in names.iter().enumerate() {
            prop_assert_eq!(&recs[i + 1][0], n.as_str());
            prop_assert_eq!(recs[i + 1][1].parse::<f64>().unwrap(), i as f64 + 0.125);
        }
    }

    /// LaTeX escaping never leaves an unescaped special, and the whole table's body holds none
    /// outside the markup the writer itself emits.
    #[test]
    fn latex_escaping_leaves_no_special(s in any::<String>()) {
        prop_assert!(!latex::has_unescaped_special(&latex::escape(&s)));
        let tex = latex::write(&names_table(std::slice::from_ref(&s))).unwrap();
        let row = tex.lines().find(|l| l.ends_with("0.1 \\\\")).unwrap();
        let cell = row.trim_end_matches(" & 0.1 \\\\");
        prop_assert!(!latex::has_unescaped_special(cell), "{}", row);
    }

    /// A Markdown table with any names parses (pulldown-cmark, GitHub tables) into the same number
    /// of rows and cells, each cell's text being the name (line breaks as spaces).
    #[test]
    fn any_name_keeps_its_markdown_cell(names in proptest::collection::vec(any::<String>(), 1..5)) {
        let md = markdown::write(&names_table(&names));
        let cells = markdown_cells(&md);
        prop_assert_eq!(cells.len(), names.len() + 1);
        for (i, n) in names.iter().enumerate() {
            let want = export::header::one_line(n);
            prop_assert_eq!(cells[i + 1].len(), 2);
            // A renderer trims a cell's surrounding whitespace.
            prop_assert_eq!(cells[i + 1][0].trim(), want.trim());
        }
    }
}

/// The text of each cell of each table row (header row first), from pulldown-cmark's events.
fn markdown_cells(md: &str) -> Vec<Vec<String>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                rows.last_mut().unwrap().push(cell.take().unwrap());
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    rows
}

/// The demo leaderboard (seeded, 100 rounds, grouped by category).
fn demo_board() -> leaderboard::Leaderboard {
    let ds = common::demo_dataset();
    let bench = ds.benches.values().next().unwrap();
    let mut o = LeaderboardOptions {
        group_by: Some(GroupBy::Category),
        ..LeaderboardOptions::default()
    };
    o.battles.judges = vec!["judge-sage".into()];
    o.battles.judged_baseline = Some(arena_lens_demo::DEMO_BASELINE.into());
    leaderboard::compute(bench, &o).unwrap()
}

#[test]
fn the_leaderboard_csv_and_json_carry_every_number_exactly() {
    let lb = demo_board();
    let t = export::leaderboard::leaderboard(&lb, &provenance());
    let csv_text = export::render(&t, Format::Csv).unwrap();
    // Header: the method and its line, seed, rounds, level, data and date, as comments.
    assert!(csv_text.starts_with("# arena-lens export: "), "{csv_text}");
    for key in [
        "method",
        "method_line",
        "seed",
        "rounds",
        "level",
        "data",
        "date",
    ] {
        assert!(csv_text.contains(&format!("\r\n# {key}: ")), "{key}");
    }
    assert!(csv_text.contains(&format!("# method_line: {}\r\n", lb.method_line)));
    let recs = read_csv(&csv_text);
    let head: Vec<&str> = recs[0].iter().collect();
    let col = |n: &str| head.iter().position(|h| *h == n).unwrap();
    assert_eq!(recs.len(), lb.models.len() + 1);
    let json_text = export::render(&t, Format::Json).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    // serde_json's default parser may be off by an ulp, so the exactness of the JSON text is
    // checked with Rust's correctly rounded `str::parse`.
    let (scores, uppers) = (
        numbers_of(&json_text, "score"),
        numbers_of(&json_text, "upper"),
    );
    assert_eq!(json["header"]["seed"], 42);
    assert_eq!(json["header"]["method"], "arena-lens");
    for (i, m) in lb.models.iter().enumerate() {
        let r = &recs[i + 1];
        assert_eq!(&r[col("model")], m.model);
        // Exact: the shortest round-trip form parses back to the same f64 (tolerance 0).
        assert_eq!(r[col("score")].parse::<f64>().unwrap(), m.score);
        assert_eq!(r[col("lower")].parse::<f64>().unwrap(), m.lower);
        assert_eq!(r[col("upper")].parse::<f64>().unwrap(), m.upper);
        assert_eq!(r[col("rank_ub")].parse::<u32>().unwrap(), m.rank_ub);
        assert_eq!(r[col("battles")].parse::<u64>().unwrap(), m.battles);
        let row = &json["rows"][i];
        assert_eq!(row["model"], m.model.as_str());
        assert_eq!(scores[i], m.score);
        assert_eq!(uppers[i], m.upper);
        assert!((row["avg_tokens"].as_f64().unwrap() - m.avg_tokens.unwrap()).abs() < 1e-9);
    }
}

/// Every number written as `"key": <number>` in a JSON text, in order, parsed exactly.
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
fn markdown_and_latex_show_the_page_rounding_and_booktabs_rules() {
    let lb = demo_board();
    let t = export::leaderboard::leaderboard(&lb, &provenance());
    let md = export::render(&t, Format::Markdown).unwrap();
    let cells = markdown_cells(&md);
    assert_eq!(cells.len(), lb.models.len() + 1);
    assert_eq!(cells[0][..3], ["Rank (UB)", "Model", "Score"]);
    // Detail columns (estimate, Elo) stay out of the rounded formats.
    assert_eq!(cells[0].len(), 7);
    let top = &lb.models[0];
    assert_eq!(cells[1][1], top.model);
    assert_eq!(cells[1][2], format!("{:.1}", top.score));
    assert!(md.starts_with("> **"), "{md}");
    assert!(md.contains(&format!("> method: {}", lb.method)));
    let tex = export::render(&t, Format::Latex).unwrap();
    let pos = |s: &str| tex.find(s).unwrap_or_else(|| panic!("{s} missing:\n{tex}"));
    assert!(pos("\\toprule") < pos("\\midrule") && pos("\\midrule") < pos("\\bottomrule"));
    assert!(tex.contains("\\begin{tabular}{rlrrrrr}"));
    assert!(tex.contains(&format!(
        "{} & {} & {:.1} & ",
        top.rank_ub,
        latex::escape(&top.model),
        top.score
    )));
    let body_rows = tex.lines().filter(|l| l.ends_with("\\\\")).count();
    assert_eq!(body_rows, lb.models.len() + 1);
    assert!(tex
        .lines()
        .filter(|l| l.starts_with('%'))
        .any(|l| l.starts_with("% method_line: ")));
}

#[test]
fn group_boards_export_each_group_and_all_groups_long() {
    let lb = demo_board();
    assert!(!lb.groups.is_empty());
    let all = export::leaderboard::groups(&lb, &provenance());
    let n: usize = lb.groups.iter().map(|g| g.models.len()).sum();
    assert_eq!(all.rows().len(), n);
    let g = &lb.groups[0];
    let one = export::leaderboard::group_board(&lb, g, &provenance());
    assert_eq!(one.rows().len(), g.models.len());
    assert_eq!(
        one.header().get("group"),
        Some(&Cell::text(g.group.clone()))
    );
}

#[test]
fn latex_is_refused_where_the_table_does_not_offer_it() {
    let t = Table::new("t", Header::default(), vec![Column::text("a", "A")]).unwrap();
    assert!(!Format::Latex.applies_to(&t));
    assert!(export::render(&t, Format::Latex).is_err());
    assert!(Format::Csv.applies_to(&t));
    assert_eq!(Format::parse("md"), Some(Format::Markdown));
    assert_eq!(export::file_name("a/b c", "csv"), "a-b-c.csv");
    assert_eq!(export::file_name("../", "csv"), "arena-lens.csv");
}

/// A chatbot-arena board on the project's chat-log fixture (`fixtures/arena/chat_battles.jsonl`).
fn arena_board() -> leaderboard::Leaderboard {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/arena/");
    let ds = arena_lens_core::dataset::Dataset::load(vec![arena_lens_core::source::SourceFile {
        path: "arena/chat_battles.jsonl".into(),
        text: std::fs::read_to_string(format!("{dir}chat_battles.jsonl")).unwrap(),
    }]);
    let o = LeaderboardOptions {
        method: arena_lens_core::method::Method::ChatbotArena,
        rounds: 20,
        ..LeaderboardOptions::default()
    };
    leaderboard::compute(ds.bench(None).unwrap(), &o).unwrap()
}

#[test]
fn a_methods_figures_are_columns_of_the_csv_and_json_exactly() {
    let lb = arena_board();
    let keys = leaderboard::figure::keys(&lb.models);
    assert!(keys.iter().any(|k| k == "rank_spread"), "{keys:?}");
    let t = export::leaderboard::leaderboard(&lb, &provenance());
    // The title says what the score is (an Elo rating, not a win rate).
    assert!(
        t.title().contains("Elo rating with 95% CI"),
        "{}",
        t.title()
    );
    let csv_text = export::render(&t, Format::Csv).unwrap();
    let recs = read_csv(&csv_text);
    let head: Vec<&str> = recs[0].iter().collect();
    let json_text = export::render(&t, Format::Json).unwrap();
    for k in &keys {
        let c = head
            .iter()
            .position(|h| h == k)
            .unwrap_or_else(|| panic!("{k} in {head:?}"));
        // Exact (tolerance 0): the CSV and JSON print the shortest round-trip form.
        let json_vals = numbers_of(&json_text, k);
        for (i, m) in lb.models.iter().enumerate() {
            assert_eq!(recs[i + 1][c].parse::<f64>().unwrap(), m.figures[k], "{k}");
            assert_eq!(json_vals[i], m.figures[k], "{k}");
        }
    }
    // The Arena-Hard board has no figures, so its columns stay as they were.
    let demo = export::leaderboard::leaderboard(&demo_board(), &provenance());
    let csv_demo = export::render(&demo, Format::Csv).unwrap();
    let demo_head: Vec<String> = read_csv(&csv_demo)[0].iter().map(String::from).collect();
    assert_eq!(demo_head.last().map(String::as_str), Some("elo_upper"));
}
