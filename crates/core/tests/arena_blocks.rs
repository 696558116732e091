//! A JSON Lines battle log read in blocks on several threads (`Dataset::load_arena_log_blocks`)
//! against the reference, the whole text read by one thread (`Dataset::load`) and line by line
//! (`Dataset::load_arena_log_lines`): any cut into blocks at line ends and any thread count must
//! give the same bench (ids, first-seen order, battles, prompts) and the same load report, every
//! bad line named by its true `file:line`.

use arena_lens_core::bench::Bench;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use proptest::prelude::*;

const PATH: &str = "arena/log.jsonl";

/// A record with the fields a Chatbot Arena log has (id, models, winner, language, labels,
/// style counts).
fn good(id: usize, a: usize, b: usize, winner: &str) -> String {
    format!(
        r#"{{"question_id":"q{id}","model_a":"m{a}","model_b":"m{b}","winner":"{winner}","anony":{},"language":"{}","tstamp":{id}.5,"is_code":{},"category_tag":{{"math_v0.1":{{"math":{}}}}},"conv_metadata":{{"sum_assistant_a_tokens":{},"sum_assistant_b_tokens":3,"header_count_a":{{"h1":1}},"header_count_b":0,"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":0.5}}}}"#,
        !id.is_multiple_of(3),
        ["English", "Chinese", "German"][id % 3],
        id.is_multiple_of(4),
        id.is_multiple_of(5),
        id * 7
    )
}

/// One line of a log: mostly battles (repeated ids and self-battles included), and now and then
/// a broken line, an unknown winner, a blank or CRLF line.
fn line(kind: u8, id: usize, a: usize, b: usize) -> String {
    match kind {
        0 => "{\"model_a\": broken".to_string(),
        1 => good(id, a, b, "nobody"),
        2 => "   ".to_string(),
        3 => format!("{}\r", good(id, a, b, "tie")),
        4 => good(id, a, b, "tie (bothbad)"),
        _ => good(id, a, b, ["model_a", "model_b"][id % 2]),
    }
}

/// Everything the readers fill, printed in a fixed order.
fn fingerprint(ds: &Dataset) -> String {
    let mut out = format!("{:?}\n", ds.report);
    for b in ds.benches.values() {
        out += &bench_print(b);
    }
    out
}

fn bench_print(b: &Bench) -> String {
    let mut index: Vec<_> = b.prompt_index.iter().collect();
    index.sort();
    format!(
        "{} {:?}\nmodels {:?}\nprompts {}\nindex {:?}\nbattles {:?}\nanswers {:?}\nreport {:?}\n",
        b.name,
        b.layout,
        b.models.names(),
        serde_json::to_string(&b.prompts).unwrap(),
        index,
        b.file_battles,
        b.answers,
        b.report,
    )
}

/// The text cut after the line ends at `cuts` (indices into its line ends, any order).
fn blocks(text: &str, cuts: &[usize]) -> Vec<String> {
    let ends: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let mut at: Vec<usize> = cuts
        .iter()
        .filter(|_| !ends.is_empty())
        .map(|&c| ends[c % ends.len()])
        .collect();
    at.push(text.len());
    at.sort();
    at.dedup();
    let mut start = 0;
    let mut out = Vec::new();
    for end in at {
        out.push(text[start..end].to_string());
        start = end;
    }
    out
}

fn head(text: &str) -> &str {
    text.split('\n')
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

fn whole(text: &str) -> Dataset {
    Dataset::load(vec![SourceFile {
        path: PATH.into(),
        text: text.into(),
    }])
}

fn by_blocks(text: &str, cuts: &[usize], threads: usize) -> Dataset {
    Dataset::load_arena_log_blocks(PATH, head(text), blocks(text, cuts).into_iter(), threads)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn blocks_on_threads_read_as_one_thread_reads_the_whole_text(
        rows in prop::collection::vec((0u8..12, 0usize..40, 0usize..6, 0usize..6), 1..60),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
        threads in 1usize..5,
        bom in any::<bool>(),
        final_newline in any::<bool>(),
    ) {
        let mut text: String = rows
            .iter()
            .map(|&(k, id, a, b)| line(k, id, a, b))
            .collect::<Vec<_>>()
            .join("\n");
        // The first line is a battle, so the sniffer sees a log.
        text = format!("{}\n{text}", good(1000, 0, 1, "model_a"));
        if bom {
            text.insert(0, '\u{feff}');
        }
        if final_newline {
            text.push('\n');
        }
        let want = fingerprint(&whole(&text));
        prop_assert_eq!(&fingerprint(&by_blocks(&text, &cuts, threads)), &want);
        let lines = Dataset::load_arena_log_lines(PATH, head(&text), text.split('\n').map(String::from));
        prop_assert_eq!(&fingerprint(&lines), &want);
    }
}

#[test]
fn a_bad_line_in_a_later_block_and_run_names_its_true_line() {
    // 40 good lines, a broken one at line 31 (the second block, the last of three runs there),
    // then more; cut into blocks after line 20, read on three threads.
    let mut lines: Vec<String> = (0..40)
        .map(|i| good(i, i % 5, i % 5 + 1, "model_a"))
        .collect();
    lines[30] = "{\"model_a\": broken".into();
    let text = lines.join("\n") + "\n";
    let ds = by_blocks(&text, &[19], 3);
    let b = ds.benches.values().next().unwrap();
    assert_eq!(b.report.issues.len(), 1, "{:?}", b.report.issues);
    assert_eq!(b.report.issues[0].file, PATH);
    assert_eq!(b.report.issues[0].line, 31);
    assert_eq!(b.file_battles.len(), 39);
    assert_eq!(fingerprint(&ds), fingerprint(&whole(&text)));
}
