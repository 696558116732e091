//! `stream_load::StreamLoad`: a file handed over in chunks of any size loads into the data set
//! `Dataset::load` gives for its whole text (the reference is the core's own whole-text reader):
//! the same battles, prompts, answers and load report, line numbers included, for battle logs read
//! line by line and for other files kept whole.

mod common;

use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use arena_lens_core::stream_load::StreamLoad;
use arena_lens_demo::{write_arena_log, ArenaLogOptions, DEFAULT_SEED};
use common::shared::shared_data;

/// Everything a page or the CLI reads of a data set, in a fixed order (the hash maps are indexes
/// of the vectors printed here).
fn fingerprint(ds: &Dataset) -> String {
    let mut out = format!("{:?}\n", ds.report);
    for (name, b) in &ds.benches {
        out += &format!(
            "{name} {:?} models {:?} judges {:?}\nprompts {}\nbattles {:?}\nanswers {:?}\nreport {:?}\n",
            b.layout,
            (0..b.models.len() as u32)
                .map(|i| b.models.name(i))
                .collect::<Vec<_>>(),
            b.judges.len(),
            serde_json::to_string(&b.prompts).unwrap(),
            b.file_battles,
            b.answers,
            b.report,
        );
        for (id, &i) in &b.prompt_index {
            assert_eq!(&b.prompts[i as usize].id, id, "the index names its prompt");
        }
        assert_eq!(b.prompt_index.len(), b.prompts.len());
    }
    out
}

fn streamed(path: &str, bytes: &[u8], chunk: usize) -> Dataset {
    let mut s = StreamLoad::new(path);
    for c in bytes.chunks(chunk.max(1)) {
        s.push(c);
    }
    assert_eq!(s.bytes(), bytes.len() as u64);
    s.finish()
}

fn whole(path: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(vec![SourceFile {
        path: path.into(),
        text: String::from_utf8_lossy(bytes).into_owned(),
    }])
}

fn assert_same(path: &str, bytes: &[u8], chunks: &[usize]) {
    let want = fingerprint(&whole(path, bytes));
    for &c in chunks {
        assert_eq!(
            fingerprint(&streamed(path, bytes, c)),
            want,
            "{path} in chunks of {c} bytes"
        );
    }
}

fn demo_log(battles: u64, conversations_every: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_arena_log(
        &mut bytes,
        &ArenaLogOptions {
            battles,
            seed: DEFAULT_SEED,
            conversations_every,
        },
    )
    .unwrap();
    bytes
}

#[test]
fn a_generated_log_loads_the_same_in_any_chunks() {
    let bytes = demo_log(600, 7);
    let mut s = StreamLoad::new("arena/battles.jsonl");
    s.push(&bytes[..bytes.len() / 2]);
    assert!(
        s.is_streaming(),
        "a JSON Lines battle log is read line by line"
    );
    assert!(s.battles() > 0, "battles are counted as they arrive");
    assert_same(
        "arena/battles.jsonl",
        &bytes,
        &[1, 3, 64, 4096, 65_536, bytes.len()],
    );
}

/// Told the file's size, early or late (or a smaller, compressed length), a log reserves room
/// for what it will read and still loads the same data set.
#[test]
fn a_log_told_its_size_reserves_room_and_loads_the_same() {
    let bytes = demo_log(3000, 0);
    let want = fingerprint(&whole("arena/battles.jsonl", &bytes));
    let total = bytes.len() as u64;
    // (when the size is told: before any byte / after the first tenth; the size told)
    for (at, told) in [(0, total), (bytes.len() / 10, total), (0, total / 4)] {
        let mut s = StreamLoad::new("arena/battles.jsonl");
        s.push(&bytes[..at]);
        s.expect_bytes(told);
        s.push(&bytes[at..]);
        let ds = s.finish();
        assert_eq!(fingerprint(&ds), want, "size {told} told after {at} bytes");
        let b = &ds.benches["arena"];
        if told == total {
            // One battle and one prompt per line here: the projection from 256 lines (5% over)
            // covers them all, so nothing grew by doubling after it.
            assert!(
                b.file_battles.capacity() >= b.file_battles.len()
                    && b.file_battles.capacity() <= b.file_battles.len() * 5 / 4,
                "battles: {} reserved for {}",
                b.file_battles.capacity(),
                b.file_battles.len()
            );
            assert!(b.prompts.capacity() <= b.prompts.len() * 5 / 4);
        }
    }
}

#[test]
fn bad_lines_crlf_a_byte_order_mark_and_a_split_character_keep_their_report() {
    let log = demo_log(40, 5);
    let text = String::from_utf8(log).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // A broken record on line 3, a blank line, a record with a non-Latin model name.
    lines.insert(2, "{\"model_a\": \"x\", ".into());
    lines.insert(5, String::new());
    lines[7] = lines[7].replacen("\"model_a\": \"", "\"model_a\": \"모델-", 1);
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(lines.join("\r\n").into_bytes());
    bytes.extend(b"\r\n");
    // An invalid byte inside a line is replaced, as the CLI reads it.
    let pos = bytes.len() / 2;
    bytes.insert(pos, 0xff);
    let ds = streamed("arena/battles.jsonl", &bytes, 5);
    let report = &ds.benches["arena"].report;
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.file == "arena/battles.jsonl" && i.line == 3),
        "the broken record is reported at its file and line: {:?}",
        report.issues
    );
    assert_same("arena/battles.jsonl", &bytes, &[1, 2, 5, 1000, bytes.len()]);
}

#[test]
fn other_files_are_read_whole() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/arena/");
    for name in [
        "chat_battles.jsonl",
        "bad_chat.jsonl",
        "bad_battles.json",
        "kaggle_55k.csv",
    ] {
        let bytes = std::fs::read(format!("{dir}{name}")).unwrap();
        assert_same(&format!("arena/{name}"), &bytes, &[1, 17, bytes.len()]);
    }
    // Not a battle log at all, and an empty file.
    let bytes = std::fs::read(format!("{dir}bad_battles.json")).unwrap();
    let s = {
        let mut s = StreamLoad::new("arena/bad_battles.json");
        s.push(&bytes);
        s
    };
    assert!(!s.is_streaming(), "a JSON array is read whole");
    assert_same("arena/empty.jsonl", b"", &[1]);
    assert_same("arena/blank.jsonl", b"\n \n", &[1, 3]);
}

#[test]
fn the_shared_arena_battle_samples_load_the_same() {
    let Some(root) = shared_data(
        "the_shared_arena_battle_samples_load_the_same",
        &["data/formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo/clean_battle_20240220.json"],
    ) else {
        return;
    };
    let base = root.join("data/formats/arena_battles");
    for rel in [
        "TIGER-AI-Lab__GenAI-Arena/arena_elo/clean_battle_20240220.json",
        "lmarena__arena-catalog/data/test.csv",
    ] {
        let path = base.join(rel);
        if !path.exists() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let name = format!("arena/{}", path.file_name().unwrap().to_string_lossy());
        assert_same(&name, &bytes, &[4096, bytes.len()]);
    }
}

/// The worker's URL load: its request round-trips as a load, and a session given the streamed data
/// set computes the leaderboard a session given the whole text computes (the same result, to the
/// bit: the same core on the same data).
#[test]
fn a_streamed_session_computes_what_a_loaded_one_computes() {
    use arena_lens_core::compute::protocol::{FileText, Job, JobResult, Kind, Request, Response};
    use arena_lens_core::compute::run::Session;
    use arena_lens_core::leaderboard::LeaderboardOptions;
    use arena_lens_core::pace::{block_on, Unpaced};

    let req = Request {
        id: 7,
        job: Job::LoadUrl {
            url: "http://example.org/arena/battles.jsonl".into(),
            path: "arena/battles.jsonl".into(),
        },
    };
    assert_eq!(Request::decode(&req.encode()).unwrap(), req);
    assert_eq!(req.job.kind(), Kind::Load);

    let bytes = demo_log(3000, 0);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut whole = Session::new();
    let want = whole.load(vec![FileText {
        path: "arena/battles.jsonl".into(),
        text,
    }]);
    let mut streamed_session = Session::new();
    let got = streamed_session.install(
        streamed("arena/battles.jsonl", &bytes, 8192),
        1,
        bytes.len(),
    );
    assert_eq!(got, want, "the same load summary");
    let job = Job::Leaderboard {
        bench: "arena".into(),
        options: LeaderboardOptions {
            rounds: 20,
            method: arena_lens_core::method::Method::ChatbotArena,
            unit: arena_lens_core::method::Method::ChatbotArena.default_unit(),
            ..LeaderboardOptions::default()
        },
    };
    let a = block_on(whole.run(1, job.clone(), &mut Unpaced));
    let b = block_on(streamed_session.run(1, job, &mut Unpaced));
    let (Response::Done { result: ra, .. }, Response::Done { result: rb, .. }) = (&a, &b) else {
        panic!("both compute: {a:?} / {b:?}");
    };
    assert!(matches!(ra, JobResult::Leaderboard(_)));
    assert_eq!(ra, rb);
    // Natively there is nothing to fetch from: the request fails, naming the URL.
    let r = block_on(Session::new().run(2, req.job, &mut Unpaced));
    assert!(
        matches!(&r, Response::Failed { error, .. } if error.contains("example.org")),
        "{r:?}"
    );
}
