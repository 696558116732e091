//! The reader that skips texts (`Texts::Skip`) against the full reader: on the shared data sets,
//! the demo and a file of awkward lines, the bench and the load report must be the full reader's
//! with every answer and judgment text emptied, on one thread or several.

mod common;

use arena_lens_core::bench::{Bench, Layout};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::load_options::{LoadOptions, Texts};
use arena_lens_core::source::SourceFile;
use common::shared::shared_data;

/// Everything a bench holds, printed in a fixed order (maps sorted), with the texts that
/// `Texts::Skip` leaves empty emptied here too.
fn fingerprint(b: &Bench) -> String {
    let mut answers = b.answers.clone();
    for a in &mut answers {
        a.text.clear();
        a.later_turns.clear();
        a.later_user_turns.clear();
    }
    let mut judgments = b.judgments.clone();
    for j in &mut judgments {
        for g in &mut j.games {
            g.judgment.clear();
            g.user_prompt.clear();
        }
    }
    let mut prompt_index: Vec<_> = b.prompt_index.iter().collect();
    prompt_index.sort();
    let mut answer_index: Vec<_> = b.answer_index.iter().collect();
    answer_index.sort();
    format!(
        "{} {:?}\nmodels {:?}\njudges {:?}\nprompts {}\nprompt_index {:?}\nanswers {:?}\n\
         answer_index {:?}\nanswer_files {:?}\njudged {:?}\njudgments {:?}\nfiles {:?}\n\
         battles {:?}\nbaseline {:?}\nreport {:?}\ngrades {:?}\nreferences {:?}",
        b.name,
        b.layout,
        b.models.names(),
        b.judges.names(),
        serde_json::to_string(&b.prompts).unwrap(),
        prompt_index,
        answers,
        answer_index,
        b.answer_files,
        b.judged_models,
        judgments,
        b.judgment_files,
        b.file_battles,
        b.manifest_baseline,
        b.report,
        b.grades,
        b.references,
    )
}

fn fingerprints(ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = ds.benches.values().map(fingerprint).collect();
    out.push(format!("{:?}", ds.report));
    out
}

/// Loads `files` in full on one thread and with texts skipped on 1 and 2 threads, and checks
/// that all three agree. Returns the number of answers and judgments compared.
fn check(name: &str, files: Vec<SourceFile>) -> (usize, usize) {
    let full = Dataset::load(files.clone());
    let want = fingerprints(&full);
    for threads in [1, 2] {
        let fast = Dataset::load_with(
            files.clone(),
            LoadOptions {
                texts: Texts::Skip,
                threads,
            },
        );
        let got = fingerprints(&fast);
        assert_eq!(got.len(), want.len(), "{name}: benches");
        for (g, w) in got.iter().zip(&want) {
            if g != w {
                let at = g
                    .bytes()
                    .zip(w.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(g.len().min(w.len()));
                panic!(
                    "{name}, {threads} threads: differs at byte {at}:\nfast …{}\nfull …{}",
                    &g[at.saturating_sub(200)..(at + 200).min(g.len())],
                    &w[at.saturating_sub(200)..(at + 200).min(w.len())]
                );
            }
        }
        // Skipping texts keeps none of the Arena-Hard ones (other formats are read in full).
        for b in fast.benches.values() {
            if matches!(b.layout, Layout::V01 | Layout::V20) {
                assert!(b.answers.iter().all(|a| a.text.is_empty()), "{name}");
                assert!(
                    b.judgments
                        .iter()
                        .all(|j| j.games.iter().all(|g| g.judgment.is_empty())),
                    "{name}"
                );
            }
        }
    }
    // Keeping texts on 2 threads is the one-thread load, texts and all.
    let two = Dataset::load_with(
        files,
        LoadOptions {
            texts: Texts::Keep,
            threads: 2,
        },
    );
    for (a, b) in two.benches.values().zip(full.benches.values()) {
        assert_eq!(a.answers.len(), b.answers.len(), "{name}");
        assert!(a
            .answers
            .iter()
            .zip(&b.answers)
            .all(|(x, y)| x.text == y.text
                && x.later_turns == y.later_turns
                && x.later_user_turns == y.later_user_turns));
        assert!(a.judgments.iter().zip(&b.judgments).all(|(x, y)| x
            .games
            .iter()
            .zip(&y.games)
            .all(|(g, h)| g.judgment == h.judgment && g.user_prompt == h.user_prompt)));
    }
    assert_eq!(fingerprints(&two), want, "{name}: keep, 2 threads");
    let answers = full.benches.values().map(|b| b.answers.len()).sum();
    let judgments = full.benches.values().map(|b| b.judgments.len()).sum();
    (answers, judgments)
}

fn read(root: &std::path::Path, prefix: &str) -> Vec<SourceFile> {
    common::read_tree(root, prefix, &|n| {
        n.ends_with(".jsonl") || n.ends_with(".json")
    })
}

#[test]
fn fast_reader_equals_full_reader_on_the_shared_sets() {
    let sets = [
        "data/ko-arena-hard-v0.1",
        "data/arena-hard-v0.1",
        "data/arena-hard-v2.0-sample",
        "data/fulltext-10-prompts/arena-hard-v0.1",
        "data/battles-10-models",
        "data/formats/mt_bench",
    ];
    let Some(root) = shared_data("fast_reader_equals_full_reader_on_the_shared_sets", &sets) else {
        return;
    };
    for set in sets {
        let prefix = set.rsplit('/').next().unwrap();
        let (answers, judgments) = check(set, read(&root.join(set), prefix));
        assert!(answers > 0, "{set}: no answers read");
        if set.contains("ko-arena") {
            // The Korean set: 76 models' answers to 500 prompts and 38,000 judgments (counted
            // by `wc -l` over its files).
            assert_eq!(judgments, 38_000, "{set}");
        }
    }
}

#[test]
fn fast_reader_equals_full_reader_on_the_demos() {
    for (name, files) in [
        ("demo v0.1", arena_lens_demo::generate(2024)),
        ("demo v2.0", arena_lens_demo::generate_v2(2024, None)),
    ] {
        let files = files
            .into_iter()
            .map(|f| SourceFile {
                path: f.path,
                text: f.contents,
            })
            .collect();
        let (answers, judgments) = check(name, files);
        assert!(answers > 0 && judgments > 0, "{name}");
    }
}

/// Lines the texts-skipping reader must hand to the full reader (or read exactly as it does).
#[test]
fn fast_reader_equals_full_reader_on_awkward_lines() {
    let answers = [
        r#"{"question_id":"q1","choices":[{"turns":[{"content":"a\nb","token_len":3}]}],"conv_metadata":{"token_len":3,"header_count":{"h1":1},"list_count":{"ordered":0},"bold_count":{"**":2}}}"#,
        r#"{"question_id":"q2","choices":[{"turns":[{"content":"lone \ud83d here","token_len":3}]}]}"#,
        r#"{"question_id":"q3","choices":[{"turns":[{"content":"pair \ud83d\ude00","token_len":1e400}]}]}"#,
        r#"{"question_id":"q4","choices":[{"turns":[{"content":"x","token_len":2}]}],"extra":1e400}"#,
        r#"{"question_id":5,"choices":[{"turns":[{"content":"numeric id","token_len":2}]}]}"#,
        r#"{"question_id":"q6","choices":[{"turns":[{"content":7,"token_len":2}]}]}"#,
        r#"{"question_id":"q7","choices":[{"turns":[]}]}"#,
        r#"{"question_id":"q8","choices":[{"turns":["plain first","plain second"]}]}"#,
        r#"{"question_id":"q9","choices":[{"turns":[{"content":"first"},{"content":"later","token_len":"x"}]}],"question_id":"q9b"}"#,
        r#"{"question_id":"q10","choices":{"turns":[{"content":"not an array"}]}}"#,
        r#"{"question_id":"q11","choices":[{"turns":[{"content":"dup","token_len":1},{"content":"t2"}]},"second choice"]}"#,
        r#"{"question_id":"q1","choices":[{"turns":[{"content":"duplicate row","token_len":3}]}]}"#,
        r#"{"question_id":"q12","choices":[{"turns":[{"content":"no tokens"}]}]}"#,
        r#"{"question_id":"q13","choices":[{"turns":[{"content":"deep","token_len":2}]}],"x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
        "not json at all",
        r#"["an array"]"#,
        r#"{"question_id":"q14","choices":[{"turns":[{"content":"escaped ctl \u0001 char"},{"content":"raw RAWCTL char","token_len":2}]}]}"#,
        r#"{"uid":"u1","model":"other-model","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":{"answer":"v2 answer"}}],"metadata":{"token_len":4,"header_count":{"h1":0},"list_count":{"ordered":1},"bold_count":{"**":0}}}"#,
        r#"{"uid":"u2","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":{"answer":5}}]}"#,
        r#"{"uid":"u3","messages":[{"role":"user","content":"only the user"}]}"#,
        r#"{"uid":"u4","model":7,"messages":[{"role":"assistant","content":"s"},{"role":"user","content":null},{"role":"assistant","content":{"reasoning":"r"}}]}"#,
        r#"{"uid":null,"messages":[]}"#,
        r#"{"uid":"u5","messages":"nope"}"#,
        r#"{"uid":"u6","messages":[3,{"role":"assistant","content":"after a number"}]}"#,
    ];
    let judgments = [
        r#"{"question_id":"q1","model":"m","judge":"j","games":[{"score":"A>B","judgment":"long \n text","user_prompt":"shown"},{"score":"B>A","judgment":"t"}]}"#,
        r#"{"question_id":"q2","games":[{"score":null},{"score":"A=B"}]}"#,
        r#"{"question_id":"q3","model":"m","games":[{"score":"A>>B"}]}"#,
        r#"{"question_id":"q4","model":"m","games":[]}"#,
        r#"{"question_id":"q5","model":"m","games":[{"score":5},{"score":["A>B"]}]}"#,
        r#"{"question_id":"q6","model":"m","games":[{"score":"weird"},{"score":"B>>A","judgment":{"answer":"obj"}},{"score":"A>B"}]}"#,
        r#"{"question_id":"q7","model":"m","games":["not an object",{"score":"A>B"}]}"#,
        r#"{"question_id":"q1","model":"m","games":[{"score":"A>B"},{"score":"B>A"}]}"#,
        r#"{"question_id":8,"model":"m","games":[{"score":"A>B"},{"score":"B>A"}]}"#,
        r#"{"model":"m","games":[{"score":"A>B"},{"score":"B>A"}]}"#,
        r#"{"question_id":"q9","model":"m","games":{"score":"A>B"}}"#,
        r#"{"question_id":"q10","model":"m","games":[{"score":"A>B","judgment":"lone \udc00"},{"score":"B>A"}]}"#,
        r#"{"question_id":"q11","model":"m","games":[{"score":"A>B","judge_time":1e400},{"score":"B>A"}]}"#,
        r#"{"uid":"u1","model":"m","baseline":"base","category":"hard","games":[{"score":"A>B","judgment":{"answer":"a"},"prompt":[{"role":"user","content":"p"}]},{"score":"B=A"}]}"#,
        r#"{"uid":"u2","model":"m","baseline":3,"category":null,"games":[{"score":"A>B"},{"score":"B>A"}]}"#,
        r#"{"question_id":"q12","model":"m","games":[{"score":"B>A"},{"score":"A>B"}],"games":[{"score":"A=B"},{"score":"A=B"}]}"#,
        "{broken",
    ];
    let files = vec![
        SourceFile {
            path: "awk/model_answer/m.jsonl".into(),
            // A raw control character inside a string: invalid JSON for both readers.
            text: answers.join("\n").replace("RAWCTL", "\u{1}") + "\n\n",
        },
        SourceFile {
            path: "awk/model_judgment/j/m.jsonl".into(),
            text: judgments.join("\r\n"),
        },
    ];
    check("awkward lines", files);
}
