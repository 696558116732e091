//! The scope resolver on small hand-made benches, read by the core's own parsers: the missing-model
//! policy (a named bench, judge or display baseline the data lacks is an error listing what it has;
//! a view's tab falls back with a note; a named judged baseline is taken as given), baseline
//! inference, the one judge order, and the notes.
//!
//! Every expected value here follows from the files each test writes (nothing is measured), so
//! comparisons are exact.

use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::method::Method;
use arena_lens_core::scope::{
    resolve, Inference, Purpose, ScopeError, ScopeNote, ScopeRequest, Several,
};
use arena_lens_core::source::SourceFile;

const PROMPTS: [&str; 3] = ["p1", "p2", "p3"];

fn file(path: &str, text: String) -> SourceFile {
    SourceFile {
        path: path.into(),
        text,
    }
}

fn questions(bench: &str) -> SourceFile {
    file(
        &format!("{bench}/question.jsonl"),
        PROMPTS
            .iter()
            .map(|p| format!("{{\"question_id\":\"{p}\",\"cluster\":\"c\",\"turns\":[{{\"content\":\"prompt {p}\"}}]}}\n"))
            .collect(),
    )
}

fn answers(bench: &str, model: &str) -> SourceFile {
    file(
        &format!("{bench}/model_answer/{model}.jsonl"),
        PROMPTS
            .iter()
            .map(|p| format!("{{\"question_id\":\"{p}\",\"model_id\":\"{model}\",\"choices\":[{{\"turns\":[{{\"content\":\"{model} on {p}\",\"token_len\":5}}]}}]}}\n"))
            .collect(),
    )
}

/// A v0.1 judgment file: the model wins game 1 and loses game 2 on p1, wins both elsewhere.
fn judgments(bench: &str, judge: &str, model: &str) -> SourceFile {
    file(
        &format!("{bench}/model_judgment/{judge}/{model}.jsonl"),
        PROMPTS
            .iter()
            .map(|p| {
                let g2 = if *p == "p1" { "B>A" } else { "A>B" };
                format!("{{\"question_id\":\"{p}\",\"model\":\"{model}\",\"judge\":\"{judge}\",\"games\":[{{\"score\":\"B>A\"}},{{\"score\":\"{g2}\"}}]}}\n")
            })
            .collect(),
    )
}

/// One bench `b`: questions, answers of `answered`, judgments of `judged` by each of `judges`.
fn bench(answered: &[&str], judged: &[&str], judges: &[&str]) -> Dataset {
    let mut files = vec![questions("b")];
    files.extend(answered.iter().map(|m| answers("b", m)));
    for j in judges {
        files.extend(judged.iter().map(|m| judgments("b", j, m)));
    }
    Dataset::load(files)
}

fn req(purpose: Purpose) -> ScopeRequest {
    ScopeRequest::new(purpose)
}

const ALL: [Purpose; 4] = [
    Purpose::Leaderboard,
    Purpose::Compare,
    Purpose::Clusters,
    Purpose::Judges,
];

#[test]
fn missing_baseline_with_several_candidates_is_an_error_for_numbers_and_a_note_for_views() {
    // base-1 and base-2 have answers and no judgments: either could be the judged side.
    let ds = bench(&["base-1", "base-2", "m1"], &["m1"], &["j"]);
    let expected = ScopeError::NoBaseline {
        candidates: vec!["base-1".into(), "base-2".into()],
        models: vec!["base-1".into(), "base-2".into(), "m1".into()],
    };
    for p in [Purpose::Leaderboard, Purpose::Judges] {
        assert_eq!(resolve(&ds, &req(p)), Err(expected.clone()), "{p:?}");
    }
    assert_eq!(
        expected.to_string(),
        "no baseline given; the data has several candidates: base-1, base-2 (models with answers but no judgments)"
    );
    // A one-judge view reads games by position instead, and says why.
    for p in [Purpose::Compare, Purpose::Clusters] {
        let s = resolve(&ds, &req(p)).unwrap();
        assert_eq!((s.judged_baseline, s.judged_baseline_id), (None, None));
        assert_eq!(
            s.notes,
            vec![ScopeNote::NoJudgedBaseline {
                reason: expected.clone()
            }]
        );
    }
    // Naming one settles it, judged or displayed.
    let mut r = req(Purpose::Leaderboard);
    r.baseline = Some("base-2".into());
    let s = resolve(&ds, &r).unwrap();
    assert_eq!(s.judged_baseline.as_deref(), Some("base-2"));
    assert!(s.notes.is_empty(), "{:?}", s.notes);
}

#[test]
fn missing_baseline_with_one_candidate_is_inferred_with_a_note() {
    let ds = bench(&["base", "m1", "m2"], &["m1", "m2"], &["j"]);
    let b = ds.bench(None).unwrap();
    for p in ALL {
        let s = resolve(&ds, &req(p)).unwrap();
        assert_eq!(s.judged_baseline.as_deref(), Some("base"), "{p:?}");
        assert_eq!(s.judged_baseline_id, b.models.get("base"));
        assert_eq!(
            s.notes,
            vec![ScopeNote::JudgedBaselineInferred {
                name: "base".into(),
                how: Inference::OnlyUnjudged
            }]
        );
    }
    // The scope's options give the same leaderboard as the raw request (battle_set applies the same
    // rules when it is called without a scope).
    let s = resolve(&ds, &req(Purpose::Leaderboard)).unwrap();
    let raw = LeaderboardOptions {
        rounds: 0,
        ..Default::default()
    };
    let scoped = LeaderboardOptions {
        battles: raw.battles.clone().scoped(&s),
        baseline: s.baseline.clone(),
        ..raw.clone()
    };
    let (a, c) = (
        leaderboard::compute(b, &raw).unwrap(),
        leaderboard::compute(b, &scoped).unwrap(),
    );
    assert_eq!(a.models, c.models);
    assert_eq!(c.baseline, "base");
}

#[test]
fn a_named_bench_judge_or_baseline_the_data_lacks_is_an_error_on_every_view() {
    let ds = bench(&["base", "m2", "m1"], &["m1", "m2"], &["j"]);
    for p in ALL {
        let mut r = req(p);
        r.baseline = Some("gone".into());
        assert_eq!(
            resolve(&ds, &r),
            Err(ScopeError::UnknownBaseline {
                name: "gone".into(),
                models: vec!["base".into(), "m1".into(), "m2".into()],
            }),
            "{p:?}"
        );
        let mut r = req(p);
        r.judges = vec!["j".into(), "nobody".into()];
        assert_eq!(
            resolve(&ds, &r),
            Err(ScopeError::UnknownJudge {
                name: "nobody".into(),
                found: vec!["j".into()],
            }),
            "{p:?}"
        );
        let mut r = req(p);
        r.bench = Some("other".into());
        assert_eq!(
            resolve(&ds, &r),
            Err(ScopeError::UnknownBench {
                name: "other".into(),
                found: vec!["b".into()],
            }),
            "{p:?}"
        );
    }
    // The texts list what exists and name no flag or control.
    let e = ScopeError::UnknownBaseline {
        name: "gone".into(),
        models: vec!["base".into(), "m1".into()],
    };
    assert_eq!(
        e.to_string(),
        "baseline \"gone\" is not in the data; models: base, m1"
    );
}

#[test]
fn a_baseline_known_only_from_judgment_files_is_valid() {
    // v0.1: "base" was judged against itself but has no answer file (its answers are missing), so
    // only the judgment files name it.
    let ds = bench(&["m1", "m2"], &["base", "m1", "m2"], &["j"]);
    let b = ds.bench(None).unwrap();
    assert!(!b.answer_files.contains(&b.models.get("base").unwrap()));
    let mut r = req(Purpose::Leaderboard);
    r.baseline = Some("base".into());
    let s = resolve(&ds, &r).unwrap();
    assert_eq!(s.judged_baseline.as_deref(), Some("base"));
    assert_eq!(s.judged_baseline_id, b.models.get("base"));
    assert!(s.notes.is_empty(), "{:?}", s.notes);
    let lb = leaderboard::compute(
        b,
        &LeaderboardOptions {
            battles: Default::default(),
            baseline: s.baseline.clone(),
            rounds: 0,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(lb.baseline, "base");

    // A judged baseline no file names at all is still taken as given (v0.1 rows never name it),
    // and may then be displayed; the reader is told it has no files.
    let mut r = req(Purpose::Compare);
    r.judged_baseline = Some("ghost".into());
    r.baseline = Some("ghost".into());
    let s = resolve(&ds, &r).unwrap();
    assert_eq!(
        (s.judged_baseline.as_deref(), s.judged_baseline_id),
        (Some("ghost"), None)
    );
    assert_eq!(
        s.notes,
        vec![ScopeNote::JudgedBaselineWithoutFiles {
            name: "ghost".into()
        }]
    );
    // As a display baseline alone it is a typo: an error.
    let mut r = req(Purpose::Leaderboard);
    r.baseline = Some("ghost".into());
    assert!(matches!(
        resolve(&ds, &r),
        Err(ScopeError::UnknownBaseline { .. })
    ));
}

#[test]
fn judges_come_in_one_order_by_name() {
    // Files are read by path, and "judge-x/" sorts before "judge/" ('-' < '/'), so the bench holds
    // the judges in the other order.
    let ds = Dataset::load(vec![
        questions("b"),
        answers("b", "base"),
        answers("b", "m1"),
        judgments("b", "judge", "m1"),
        judgments("b", "judge-x", "m1"),
    ]);
    assert_eq!(ds.bench(None).unwrap().judge_names(), ["judge-x", "judge"]);
    let sorted = vec!["judge".to_string(), "judge-x".to_string()];

    let s = resolve(&ds, &req(Purpose::Judges)).unwrap();
    assert_eq!((&s.judges, &s.all_judges), (&sorted, &sorted));
    let b = s.bench(&ds);
    assert_eq!(b.judges.name(s.judge_ids[0]), "judge");

    let mut r = req(Purpose::Leaderboard);
    r.judges = vec!["judge-x".into(), "judge".into(), "judge-x".into()];
    assert_eq!(
        resolve(&ds, &r).unwrap().judges,
        sorted,
        "named: sorted, once"
    );

    // None named and several: the CLI asks, the site opens on the first by name.
    assert_eq!(
        resolve(&ds, &req(Purpose::Leaderboard)),
        Err(ScopeError::AmbiguousJudge {
            found: sorted.clone()
        })
    );
    let mut r = req(Purpose::Leaderboard);
    r.several = Several::First;
    assert_eq!(resolve(&ds, &r).unwrap().judges, ["judge"]);
    // A one-judge view opens on the first by name, or the first named one.
    assert_eq!(
        resolve(&ds, &req(Purpose::Compare)).unwrap().judges,
        ["judge"]
    );
    let mut r = req(Purpose::Compare);
    r.judges = vec!["judge-x".into()];
    assert_eq!(resolve(&ds, &r).unwrap().judge(), Some("judge-x"));
}

#[test]
fn notes_tell_what_the_view_shows_instead() {
    let ds = bench(&["base", "m1"], &["m1"], &["j1", "j2"]);
    // A stale tab falls back to the default judge.
    let mut r = req(Purpose::Compare);
    r.tab = Some("gone".into());
    let s = resolve(&ds, &r).unwrap();
    assert_eq!(s.judge(), Some("j1"));
    let note = ScopeNote::JudgeNotInData {
        wanted: "gone".into(),
        shown: "j1".into(),
    };
    assert_eq!(s.notes[0], note);
    assert_eq!(
        note.to_string(),
        "Judge “gone” is not in this data; showing “j1”."
    );
    // A tab the data has wins over the default, silently.
    r.tab = Some("j2".into());
    let s = resolve(&ds, &r).unwrap();
    assert_eq!(s.judge(), Some("j2"));
    assert!(!s
        .notes
        .iter()
        .any(|n| matches!(n, ScopeNote::JudgeNotInData { .. })));

    // Several benches: the CLI asks, the site shows the first by name and says so.
    let two = Dataset::load(vec![
        questions("b"),
        answers("b", "base"),
        judgments("b", "j", "m1"),
        questions("a"),
        answers("a", "base"),
        judgments("a", "j", "m1"),
    ]);
    assert_eq!(
        resolve(&two, &req(Purpose::Leaderboard)),
        Err(ScopeError::AmbiguousBench {
            found: vec!["a".into(), "b".into()]
        })
    );
    let mut r = req(Purpose::Leaderboard);
    r.several = Several::First;
    let s = resolve(&two, &r).unwrap();
    assert_eq!(s.bench, "a");
    assert_eq!(
        s.notes[0],
        ScopeNote::BenchChosen {
            shown: "a".into(),
            found: vec!["a".into(), "b".into()]
        }
    );

    // v2.0 rows name their own baseline: a named judged baseline is not used, and the note says so.
    let v2 = Dataset::load(vec![file(
        "v2/model_judgment/g/m.jsonl",
        "{\"uid\":\"u1\",\"judge\":\"g\",\"model\":\"m\",\"baseline\":\"o3\",\"games\":[{\"score\":\"A<B\"},{\"score\":\"B<A\"}]}\n".into(),
    )]);
    let mut r = req(Purpose::Leaderboard);
    r.judged_baseline = Some("gpt-4-0314".into());
    let s = resolve(&v2, &r).unwrap();
    assert_eq!(s.judged_baseline, None);
    // v2.0 data opens with v2.0's method, and says so; a method asked for is taken as it is.
    assert_eq!(
        s.notes,
        vec![
            ScopeNote::JudgedBaselineUnused {
                name: "gpt-4-0314".into()
            },
            ScopeNote::MethodForData {
                method: Method::ArenaHardV20
            }
        ]
    );
    assert_eq!(s.method, Method::ArenaHardV20);
    r.method = Some(Method::ArenaLens);
    let s = resolve(&v2, &r).unwrap();
    assert_eq!(s.method, Method::ArenaLens);
    assert_eq!(s.notes.len(), 1);

    // Questions only: topic clusters still get a bench (and no judge); a leaderboard has nothing.
    let questions_only = Dataset::load(vec![questions("q")]);
    let s = resolve(&questions_only, &req(Purpose::Clusters)).unwrap();
    assert_eq!((s.bench.as_str(), s.judges.len()), ("q", 0));
    assert_eq!(
        resolve(&questions_only, &req(Purpose::Leaderboard)),
        Err(ScopeError::NoData)
    );
}

#[test]
fn no_text_names_a_flag_or_a_control() {
    let names = vec!["a".to_string(), "b".to_string()];
    let errors = [
        ScopeError::NoData,
        ScopeError::UnknownBench {
            name: "x".into(),
            found: names.clone(),
        },
        ScopeError::AmbiguousBench {
            found: names.clone(),
        },
        ScopeError::UnknownJudge {
            name: "x".into(),
            found: names.clone(),
        },
        ScopeError::AmbiguousJudge {
            found: names.clone(),
        },
        ScopeError::NoBaseline {
            candidates: names.clone(),
            models: names.clone(),
        },
        ScopeError::NoBaseline {
            candidates: vec![],
            models: names.clone(),
        },
        ScopeError::UnknownBaseline {
            name: "x".into(),
            models: names.clone(),
        },
    ];
    let notes = [
        ScopeNote::BenchChosen {
            shown: "a".into(),
            found: names.clone(),
        },
        ScopeNote::JudgeNotInData {
            wanted: "x".into(),
            shown: "a".into(),
        },
        ScopeNote::JudgedBaselineInferred {
            name: "a".into(),
            how: Inference::ReferenceDefault,
        },
        ScopeNote::JudgedBaselineWithoutFiles { name: "a".into() },
        ScopeNote::JudgedBaselineUnused { name: "a".into() },
        ScopeNote::NoJudgedBaseline {
            reason: errors[5].clone(),
        },
    ];
    let texts = errors
        .iter()
        .map(|e| e.to_string())
        .chain(notes.iter().map(|n| n.to_string()));
    for t in texts {
        for banned in ["--", "?judged", "pass ", "choose one with"] {
            assert!(!t.contains(banned), "{t:?} contains {banned:?}");
        }
    }
}

/// Issue 11: answers without verdicts (mid-run data, or answers alone) open in the one-judge views
/// with no judge and no judged baseline; the views that score verdicts still have nothing.
#[test]
fn answers_without_verdicts_open_in_the_reading_views_only() {
    // Answers and questions, no judgment file.
    let answers_only = bench(&["m1", "m2"], &[], &[]);
    // Answers alone: no question file either (the answers register their prompts).
    let bare = Dataset::load(vec![answers("bare", "m1")]);
    for ds in [&answers_only, &bare] {
        for purpose in [Purpose::Compare, Purpose::Clusters] {
            let s = resolve(ds, &req(purpose)).unwrap();
            assert_eq!(s.judges, Vec::<String>::new(), "{purpose:?}");
            assert_eq!((s.judge_id(), s.judged_baseline.as_deref()), (None, None));
            assert_eq!(s.notes, vec![], "{purpose:?}");
        }
        for purpose in [Purpose::Leaderboard, Purpose::Judges] {
            assert_eq!(resolve(ds, &req(purpose)), Err(ScopeError::NoData));
        }
    }
    assert_eq!(
        resolve(&bare, &req(Purpose::Compare)).unwrap().bench,
        "bare"
    );

    // Two answers-only benches: a reading view opens on the first by name, with a note.
    let two = Dataset::load(vec![answers("x", "m1"), answers("w", "m1")]);
    let mut r = req(Purpose::Compare);
    r.several = Several::First;
    let s = resolve(&two, &r).unwrap();
    assert_eq!(s.bench, "w");
    assert_eq!(
        s.notes,
        vec![ScopeNote::BenchChosen {
            shown: "w".into(),
            found: vec!["w".into(), "x".into()]
        }]
    );
    assert_eq!(
        resolve(&two, &req(Purpose::Compare)),
        Err(ScopeError::AmbiguousBench {
            found: vec!["w".into(), "x".into()]
        })
    );

    // A bench with verdicts is still preferred over one with answers only.
    let mixed = Dataset::load(vec![
        answers("a-only", "m1"),
        answers("judged", "m1"),
        judgments("judged", "j", "m1"),
    ]);
    assert_eq!(
        resolve(&mixed, &req(Purpose::Compare)).unwrap().bench,
        "judged"
    );
}
