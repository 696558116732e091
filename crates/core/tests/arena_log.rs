//! Chatbot Arena battle logs: the chat releases' JSON Lines, FastChat's clean_battle JSON array and
//! the 55k CSV, read from hand-written fixtures in those published schemas
//! (`tests/fixtures/arena/README.md`), their bad-input cases, and a fuzz test.

use arena_lens_core::bench::{Bench, Layout};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::leaderboard::{self, LeaderboardOptions};
use arena_lens_core::method::Method;
use arena_lens_core::report::IssueKind;
use arena_lens_core::source::SourceFile;
use arena_lens_core::verdict::Outcome;
use proptest::prelude::*;

fn fixture(name: &str) -> SourceFile {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/arena/");
    SourceFile {
        path: format!("arena/{name}"),
        text: std::fs::read_to_string(format!("{dir}{name}")).unwrap(),
    }
}

fn load(files: Vec<SourceFile>) -> Dataset {
    Dataset::load(files)
}

fn only(ds: &Dataset) -> &Bench {
    ds.bench(None).unwrap()
}

#[test]
fn chat_records_give_battles_prompts_and_multi_turn_answers() {
    let ds = load(vec![fixture("chat_battles.jsonl")]);
    let b = only(&ds);
    assert_eq!(b.layout, Layout::ArenaLog);
    assert_eq!(Method::default_for(b), Method::ChatbotArena);
    assert_eq!(b.file_battles.len(), 5);
    assert_eq!(b.report.total_issues(), 0, "{:?}", b.report.issues);
    let q1 = &b.prompts[b.prompt_index["q1"] as usize];
    assert_eq!(q1.text, "What is 2+2?");
    assert_eq!(q1.later_turns, vec!["And 3+3?".to_string()]);
    assert_eq!(q1.category, "English");
    // Six of seven criteria: Arena's hard-prompt rule; math_v0.1.math is true.
    assert_eq!(
        q1.labels,
        vec!["hard_prompt".to_string(), "math".to_string()]
    );
    // The flags themselves: all but creativity (the fixture's criteria_v0.1), a score of 6.
    let c = q1.criteria.expect("q1 is tagged");
    assert_eq!(c.score(), 6);
    assert!(!c.has(arena_lens_core::criteria::Criterion::Creativity));
    let tagged = b.prompts.iter().filter(|p| p.criteria.is_some()).count();
    let in_file = include_str!("fixtures/arena/chat_battles.jsonl")
        .matches("criteria_v0.1")
        .count();
    assert_eq!(
        tagged, in_file,
        "every tagged record's prompt keeps its flags"
    );
    let alpha = b.models.get("alpha").unwrap();
    let beta = b.models.get("beta").unwrap();
    let ans = b.answer(alpha, b.prompt_index["q1"]).unwrap();
    assert_eq!(
        (ans.text.as_str(), ans.later_turns.clone()),
        ("4.", vec!["6.".to_string()])
    );
    assert_eq!(ans.later_user_turns, vec!["And 3+3?".to_string()]);
    assert_eq!(ans.tokens, Some(4.0));
    // header_count_b {"h2": 1}, list_count_b {"ordered": 2}, bold_count_b {"**": 1}, summed.
    let sb = b.answer(beta, b.prompt_index["q1"]).unwrap().style.unwrap();
    assert_eq!(
        (sb.tokens, sb.headers, sb.lists, sb.bold),
        (7.0, 1.0, 2.0, 1.0)
    );
    // Content as a list of text parts; a system message is no turn.
    let gamma = b.models.get("gamma").unwrap();
    assert_eq!(
        b.answer(gamma, b.prompt_index["q2"]).unwrap().text,
        "Ein Gedicht."
    );
    assert_eq!(b.prompts[b.prompt_index["q3"] as usize].text, "Say hi.");
    let q2 = &b.prompts[b.prompt_index["q2"] as usize];
    assert_eq!(
        q2.labels,
        vec![
            "instruction_following".to_string(),
            "creative_writing".to_string()
        ]
    );
    assert_eq!(
        b.prompts[b.prompt_index["q4"] as usize].labels,
        vec!["code".to_string()]
    );
    let fb = &b.file_battles[1];
    assert!(fb.bothbad && fb.outcome == Outcome::Tie && fb.anony == Some(true));
    assert_eq!(b.file_battles[2].anony, Some(false));
    assert_eq!(b.file_battles[0].tstamp, Some(1_710_000_000.5));
}

#[test]
fn the_55k_csv_reads_one_hot_winners_and_json_turns() {
    let ds = load(vec![fixture("kaggle_55k.csv")]);
    let b = only(&ds);
    assert_eq!(b.layout, Layout::ArenaLog);
    assert_eq!(b.report.total_issues(), 0, "{:?}", b.report.issues);
    let outcomes: Vec<Outcome> = b.file_battles.iter().map(|f| f.outcome).collect();
    assert_eq!(outcomes, vec![Outcome::AWins, Outcome::BWins, Outcome::Tie]);
    let p = &b.prompts[b.prompt_index["30192"] as usize];
    assert_eq!(
        p.later_turns,
        vec!["OK, does pineapple belong on a pizza?".to_string()]
    );
    let m = b.models.get("gpt-4-0613").unwrap();
    assert_eq!(
        b.answer(m, b.prompt_index["30192"]).unwrap().later_turns,
        vec!["Yes.".to_string()]
    );
    // A `null` response is an empty answer, not a dropped battle.
    let g = b.models.get("gpt-3.5-turbo-0613").unwrap();
    assert_eq!(b.answer(g, b.prompt_index["65089"]).unwrap().text, "");
}

/// The issues of one kind as `line: field`.
fn at(b: &Bench, kind: IssueKind) -> Vec<(usize, String)> {
    b.report
        .issues
        .iter()
        .filter(|i| i.kind == kind)
        .map(|i| (i.line, i.field.clone()))
        .collect()
}

#[test]
fn a_broken_array_is_read_around_its_bad_items_and_each_is_reported() {
    let ds = load(vec![fixture("bad_battles.json")]);
    let b = only(&ds);
    // Items 1 and 7 are good; everything else is reported by line and item number.
    assert_eq!(b.file_battles.len(), 2, "{:?}", b.report.issues);
    assert_eq!(
        at(b, IssueKind::UnknownWinner),
        vec![(4, "winner".to_string())]
    );
    assert_eq!(
        at(b, IssueKind::MissingField),
        vec![(5, "model_a".to_string())]
    );
    assert_eq!(
        at(b, IssueKind::SelfBattle),
        vec![(6, "model_b".to_string())]
    );
    let bad: Vec<usize> = at(b, IssueKind::BadJson).iter().map(|x| x.0).collect();
    assert_eq!(bad, vec![3, 7, 9], "{:?}", b.report.issues);
    let item2 = b.report.issues.iter().find(|i| i.line == 3).unwrap();
    assert!(item2.message.starts_with("item 2: "), "{}", item2.message);
    assert!(b
        .report
        .issues
        .iter()
        .any(|i| i.line == 7 && i.message.starts_with("item 6: ")));
}

#[test]
fn duplicate_ids_null_winners_and_wrong_types_are_reported_in_json_lines() {
    let ds = load(vec![fixture("bad_chat.jsonl")]);
    let b = only(&ds);
    assert_eq!(b.file_battles.len(), 2, "{:?}", b.report.issues);
    assert_eq!(
        at(b, IssueKind::DuplicateRow),
        vec![(2, "question_id".to_string())]
    );
    assert_eq!(
        at(b, IssueKind::MissingField),
        vec![(3, "winner".to_string()), (4, "anony".to_string())]
    );
    assert_eq!(at(b, IssueKind::BadJson), vec![(5, String::new())]);
}

#[test]
fn bad_csv_rows_are_reported_by_line() {
    let ds = load(vec![fixture("bad_55k.csv")]);
    let b = only(&ds);
    assert_eq!(b.file_battles.len(), 1, "{:?}", b.report.issues);
    assert_eq!(
        at(b, IssueKind::UnknownWinner),
        vec![(2, "winner_model_a".to_string())]
    );
    // Row 3's prompt cell is not a closed JSON list; row 4 is short, so its winner cells are empty.
    assert_eq!(at(b, IssueKind::BadJson), vec![(3, "prompt".to_string())]);
    assert_eq!(
        at(b, IssueKind::MissingField),
        vec![(4, "winner_model_a".to_string())]
    );
}

#[test]
fn anonymous_battles_only_unless_asked() {
    let ds = load(vec![fixture("chat_battles.jsonl")]);
    let b = only(&ds);
    let opts = LeaderboardOptions {
        method: Method::ChatbotArena,
        rounds: 20,
        ..Default::default()
    };
    let anony = leaderboard::compute(b, &opts).unwrap();
    let battles = |lb: &leaderboard::Leaderboard| lb.models.iter().map(|m| m.battles).sum::<u64>();
    // q3 (`anony: false`) is left out: 4 battles, 8 model-battles.
    assert_eq!(battles(&anony), 8);
    let mut all = opts.clone();
    all.battles.include_non_anony = true;
    assert_eq!(battles(&leaderboard::compute(b, &all).unwrap()), 10);
    for m in &anony.models {
        assert!(m.lower <= m.score && m.score <= m.upper, "{m:?}");
        assert!(m.figures.contains_key("rank_spread") && m.figures.contains_key("rank_lower"));
    }
    let rank = leaderboard::compute(
        b,
        &LeaderboardOptions {
            method: Method::ArenaRank,
            ..opts
        },
    )
    .unwrap();
    assert_eq!(battles(&rank), 8);
    assert!(rank
        .models
        .iter()
        .all(|m| m.figures.contains_key("std_error")));
}

/// A record line, mangled: dropped fields, wrong types, unknown winners, cut short.
fn mangle() -> impl Strategy<Value = String> {
    let winner = prop_oneof![
        Just("\"model_a\"".to_string()),
        Just("\"model_b\"".to_string()),
        Just("\"tie\"".to_string()),
        Just("\"tie (bothbad)\"".to_string()),
        Just("\"error\"".to_string()),
        Just("null".to_string()),
        Just("3".to_string()),
    ];
    let model = prop_oneof![
        Just("\"m1\"".to_string()),
        Just("\"m2\"".to_string()),
        Just("\"m3\"".to_string()),
        Just("\"-\"".to_string()),
        Just("\"\"".to_string()),
        Just("[]".to_string()),
    ];
    let anony = prop_oneof![Just("true"), Just("false"), Just("\"yes\""), Just("null")];
    let conv = prop_oneof![
        Just(String::new()),
        Just(r#","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"conversation_b":[{"role":"user","content":"q"}]"#.to_string()),
        Just(r#","conversation_a":[{"content":"q"}],"conversation_b":7"#.to_string()),
    ];
    let id = prop_oneof![
        Just(String::new()),
        (0u8..4).prop_map(|i| format!(",\"question_id\":\"q{i}\""))
    ];
    (
        model.clone(),
        model,
        winner,
        anony,
        conv,
        id,
        0usize..200,
        any::<bool>(),
    )
        .prop_map(|(a, b, w, an, c, id, cut, do_cut)| {
            let line = format!(
                r#"{{"model_a":{a},"model_b":{b},"winner":{w},"anony":{an},"tstamp":1.5{c}{id}}}"#
            );
            if do_cut {
                line.chars().take(cut).collect()
            } else {
                line
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every record is either a battle or a reported issue, as JSON Lines and as a JSON array,
    /// and the two methods never panic on what loads.
    #[test]
    fn fuzzed_logs_never_panic_or_vanish(lines in proptest::collection::vec(mangle(), 1..25)) {
        for (name, text) in [
            ("f.jsonl", lines.join("\n")),
            ("f.json", format!("[\n{}\n]", lines.join(",\n"))),
        ] {
            let mut bench = Bench::new("f");
            arena_lens_core::formats::arena_log::parse(&mut bench, name, &text);
            let issues: usize = bench.report.counts.values().sum();
            prop_assert_eq!(bench.report.lines, bench.file_battles.len() + issues);
            for method in [Method::ChatbotArena, Method::ArenaRank] {
                let _ = leaderboard::compute(&bench, &LeaderboardOptions { method, rounds: 3, ..Default::default() });
            }
        }
    }
}

#[test]
fn votes_per_pair_count_the_file_rows_from_either_side() {
    use arena_lens_core::compare::votes::pair_votes;
    let ds = load(vec![fixture("chat_battles.jsonl")]);
    let b = only(&ds);
    let votes = pair_votes(b);
    // Every row of the fixture is one vote of one pair (no self-battles in it).
    assert_eq!(
        votes.iter().map(|v| v.total()).sum::<u64>(),
        b.file_battles.len() as u64
    );
    for v in &votes {
        assert!(v.a < v.b, "{v:?}");
        assert!(v.bothbad <= v.ties && v.anony <= v.total());
        // Recount the pair straight from the rows, each from its own side.
        let (mut a, mut bw, mut t) = (0, 0, 0);
        for f in &b.file_battles {
            let (na, nb) = (b.models.name(f.a), b.models.name(f.b));
            let flip = match (na, nb) {
                (x, y) if x == v.a && y == v.b => false,
                (x, y) if x == v.b && y == v.a => true,
                _ => continue,
            };
            match (f.outcome, flip) {
                (Outcome::AWins, false) | (Outcome::BWins, true) => a += 1,
                (Outcome::Tie, _) => t += 1,
                _ => bw += 1,
            }
        }
        assert_eq!((v.a_wins, v.b_wins, v.ties), (a, bw, t), "{v:?}");
    }
    // The fixture's beta–gamma battle is `tie (bothbad)`.
    let bg = votes
        .iter()
        .find(|v| v.a == "beta" && v.b == "gamma")
        .unwrap();
    assert!(bg.bothbad >= 1, "{bg:?}");
}
