//! A load in pieces (`compute::load_parts`), natively: the messages the page posts for a load,
//! replayed through their text form into a session, parse exactly the files given (texts cut at
//! any byte budget, on character boundaries), and the pieces of a load cut short are dropped when
//! a newer load's pieces arrive or a load from a URL begins.

use arena_lens_core::compute::load_parts::{encode_load_parts, LoadParts};
use arena_lens_core::compute::protocol::{FileText, Job, JobResult, Kind, Request, Response};
use arena_lens_core::compute::run::Session;
use arena_lens_core::pace::{block_on, Unpaced};
use arena_lens_core::source::SourceFile;

fn demo_sources() -> Vec<SourceFile> {
    arena_lens_demo::generate(2024)
        .into_iter()
        .map(|f| SourceFile {
            path: f.path,
            text: f.contents,
        })
        .collect()
}

/// Replays encoded messages into `session`; returns the responses it gave (pieces give none in
/// the worker: their "kept" answers are left out here).
fn replay(session: &mut Session, messages: &[String]) -> Vec<Response> {
    let mut out = Vec::new();
    for m in messages {
        let req = Request::decode(m).unwrap();
        let piece = matches!(req.job, Job::LoadPart { .. });
        let resp = block_on(session.run(req.id, req.job, &mut Unpaced));
        if !piece {
            out.push(resp);
        }
    }
    out
}

/// The files the pieces of `messages` put together, through a bare [`LoadParts`].
fn assembled(messages: &[String]) -> Vec<FileText> {
    let mut parts = LoadParts::default();
    for m in messages {
        let req = Request::decode(m).unwrap();
        match req.job {
            Job::LoadPart { path, text, append } => parts.add(req.id, path, text, append),
            Job::Load { files } | Job::LoadSecond { files } => return parts.take(req.id, files),
            other => panic!("not a load message: {other:?}"),
        }
    }
    panic!("no load at the end")
}

fn as_texts(files: &[SourceFile]) -> Vec<FileText> {
    files.iter().cloned().map(Into::into).collect()
}

#[test]
fn a_load_in_pieces_parses_the_same_data_set_as_one_message() {
    let files = demo_sources();
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    let max = 64 << 10;
    let messages = encode_load_parts(3, &files, false, max);
    // More pieces than files: the demo's big files are cut.
    assert!(
        messages.len() > files.len() + 1,
        "{} messages",
        messages.len()
    );
    assert!(total > 4 * max, "the demo is {total} bytes");
    for m in &messages[..messages.len() - 1] {
        let req = Request::decode(m).unwrap();
        assert_eq!(req.id, 3);
        assert_eq!(req.job.kind(), Kind::LoadPart);
        let Job::LoadPart { text, .. } = req.job else {
            unreachable!()
        };
        assert!(
            !text.is_empty() && text.len() <= max,
            "{} bytes",
            text.len()
        );
    }
    assert_eq!(
        Request::decode(messages.last().unwrap()).unwrap(),
        Request {
            id: 3,
            job: Job::Load { files: vec![] }
        }
    );
    assert_eq!(assembled(&messages), as_texts(&files));

    let mut pieces = Session::new();
    let resps = replay(&mut pieces, &messages);
    let mut whole = Session::new();
    let expected = whole.load(as_texts(&files));
    let [Response::Done {
        id: 3,
        result: JobResult::Loaded(summary),
        completed: 1,
    }] = resps.as_slice()
    else {
        panic!("{resps:?}")
    };
    assert_eq!(summary, &expected);
    assert_eq!(expected.bytes, total);
    // The same data set: the same benches with the same prompts and models.
    let (a, b) = (pieces.dataset().unwrap(), whole.dataset().unwrap());
    for (name, bench) in &b.benches {
        assert_eq!(a.benches[name].prompts.len(), bench.prompts.len());
        assert_eq!(a.benches[name].models.len(), bench.models.len());
    }
}

#[test]
fn texts_are_cut_on_character_boundaries_at_any_budget() {
    let files = vec![
        SourceFile {
            path: "ko/question.jsonl".into(),
            text: "{\"q\": \"모델 é 🦀 \\\" \\n\"}\n{\"q\": \"2\"}\n".into(),
        },
        SourceFile {
            path: "empty.jsonl".into(),
            text: String::new(),
        },
        SourceFile {
            path: "a.jsonl".into(),
            text: "x".into(),
        },
    ];
    for max in 1..=9 {
        let messages = encode_load_parts(9, &files, true, max);
        assert_eq!(assembled(&messages), as_texts(&files), "budget {max}");
        let last = Request::decode(messages.last().unwrap()).unwrap();
        assert_eq!(last.job, Job::LoadSecond { files: vec![] });
        for m in &messages[..messages.len() - 1] {
            let Job::LoadPart { text, .. } = Request::decode(m).unwrap().job else {
                panic!("a piece");
            };
            // One character at least (the crab is four bytes), else at most the budget.
            assert!(text.len() <= max.max(4), "budget {max}: {text:?}");
        }
    }
}

#[test]
fn a_newer_load_replaces_the_pieces_of_one_cut_short() {
    let files = demo_sources();
    let old = encode_load_parts(1, &files, false, 32 << 10);
    let newer = vec![SourceFile {
        path: files[0].path.clone(),
        text: files[0].text.clone(),
    }];
    let new = encode_load_parts(2, &newer, false, 32 << 10);
    // The first half of load 1's pieces, then all of load 2.
    let mut messages: Vec<String> = old[..old.len() / 2].to_vec();
    messages.extend(new.iter().cloned());
    assert_eq!(assembled(&messages), as_texts(&newer));
    let mut session = Session::new();
    let resps = replay(&mut session, &messages);
    let [Response::Done {
        id: 2,
        result: JobResult::Loaded(summary),
        ..
    }] = resps.as_slice()
    else {
        panic!("{resps:?}")
    };
    assert_eq!(summary.files, 1);
    assert_eq!(summary.bytes, newer[0].text.len());
}

#[test]
fn a_load_from_a_url_drops_the_pieces_of_one_cut_short() {
    let files = demo_sources();
    let old = encode_load_parts(1, &files, false, 32 << 10);
    let mut session = Session::new();
    replay(&mut session, &old[..old.len() / 2]);
    assert!(session.parts_held() > 0, "half of load 1's pieces are held");
    let url = Request {
        id: 2,
        job: Job::LoadUrl {
            url: "data/battles.jsonl".into(),
            path: "battles.jsonl".into(),
        },
    };
    // Natively there is nothing to fetch (a failure), but the pieces of load 1 go all the same,
    // as they do in the worker before its fetch begins.
    let resp = block_on(session.run(url.id, url.job, &mut Unpaced));
    assert!(matches!(resp, Response::Failed { id: 2, .. }), "{resp:?}");
    assert_eq!(session.parts_held(), 0);
}
