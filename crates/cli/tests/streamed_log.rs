//! A single JSON Lines battle log is read line by line (`read::load_streamed`); it must load into
//! exactly what reading the whole text gives (`read_path` + `Dataset::load`): the same battles,
//! prompts, models and the same load report, bad lines named by the same `file:line`.

use arena_lens_cli::read::{load_streamed, read_path};
use arena_lens_core::dataset::Dataset;

fn both(name: &str, bytes: &[u8]) -> (Dataset, Dataset) {
    let dir = std::env::temp_dir().join(format!("al-stream-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("log.jsonl");
    std::fs::write(&path, bytes).unwrap();
    let streamed = load_streamed(&path)
        .expect("an arena log streams")
        .expect("reads");
    let whole = Dataset::load(read_path(&path).unwrap());
    std::fs::remove_dir_all(&dir).ok();
    (streamed, whole)
}

fn same(a: &Dataset, b: &Dataset) {
    assert_eq!(format!("{:?}", a.report), format!("{:?}", b.report));
    assert_eq!(
        a.benches.keys().collect::<Vec<_>>(),
        b.benches.keys().collect::<Vec<_>>()
    );
    for (x, y) in a.benches.values().zip(b.benches.values()) {
        assert_eq!(format!("{:?}", x.report), format!("{:?}", y.report));
        assert_eq!(
            format!("{:?}", x.file_battles),
            format!("{:?}", y.file_battles)
        );
        assert_eq!(format!("{:?}", x.prompts), format!("{:?}", y.prompts));
        assert_eq!(format!("{:?}", x.answers), format!("{:?}", y.answers));
        assert_eq!(x.models.names(), y.models.names());
        assert_eq!(x.layout, y.layout);
    }
}

const GOOD: &str = r#"{"question_id":"q1","model_a":"a","model_b":"b","winner":"model_a","anony":true,"language":"English","conv_metadata":{"sum_assistant_a_tokens":3,"sum_assistant_b_tokens":4,"header_count_a":{"h1":1},"header_count_b":0,"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":0}}"#;

#[test]
fn odd_logs_load_the_same_streamed_or_whole() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "plain",
            format!("{GOOD}\n{}\n", GOOD.replace("q1", "q2")).into_bytes(),
        ),
        // A byte order mark, CRLF line ends, blank lines, no final line end.
        (
            "bom",
            format!("\u{feff}{GOOD}\r\n\r\n  \n{}", GOOD.replace("q1", "q3")).into_bytes(),
        ),
        // A repeated id, a broken line, a bad winner, a self-battle: each reported by line.
        (
            "bad",
            format!(
                "{GOOD}\n{GOOD}\n{{\"model_a\":\n{}\n{}\n",
                GOOD.replace("model_a\"}", "x\"}")
                    .replace("\"winner\":\"model_a\"", "\"winner\":\"x\""),
                GOOD.replace("\"model_b\":\"b\"", "\"model_b\":\"a\"")
                    .replace("q1", "q9")
            )
            .into_bytes(),
        ),
        // Invalid UTF-8 inside a line: replaced, as the whole-file read replaces it.
        ("utf8", {
            let mut v = GOOD.replace("\"a\"", "\"a\u{1}\"").into_bytes();
            let i = v.iter().position(|&c| c == 1).unwrap();
            v[i] = 0xff;
            v.extend_from_slice(b"\n");
            v.extend_from_slice(GOOD.replace("q1", "q4").as_bytes());
            v
        }),
    ];
    for (name, bytes) in cases {
        let (s, w) = both(name, &bytes);
        same(&s, &w);
        assert!(
            !s.benches.values().next().unwrap().file_battles.is_empty(),
            "{name}: battles read"
        );
    }
}

#[test]
fn a_broken_line_is_named_by_file_and_line() {
    let (s, _) = both("line", format!("{GOOD}\n\n{{oops\n").as_bytes());
    let issues = &s.benches.values().next().unwrap().report.issues;
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0].file.ends_with("-line/log.jsonl"),
        "{}",
        issues[0].file
    );
    assert_eq!(issues[0].line, 3);
}

#[test]
fn other_files_are_left_to_the_whole_text_reader() {
    let dir = std::env::temp_dir().join(format!("al-stream-{}-other", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let arr = dir.join("arr.json");
    std::fs::write(&arr, format!("[{GOOD}]")).unwrap();
    assert!(load_streamed(&arr).is_none(), "a JSON array is read whole");
    let q = dir.join("question.jsonl");
    std::fs::write(&q, "{\"uid\":\"1\",\"prompt\":\"p\"}\n").unwrap();
    assert!(load_streamed(&q).is_none(), "not a battle log");
    std::fs::remove_dir_all(&dir).ok();
}
