//! The fast path agrees with the `Value` path: on generated JSON Lines records, odd ones included
//! (repeated keys, escaped keys, wrong types, lone surrogates and out-of-range numbers in fields
//! neither path keeps, count objects with fractions), every line the fast path accepts gives the
//! battle the `Value` path gives, the fast path accepts no line the `Value` path rejects, and whole
//! files load into identical benches.

use super::{parse, record, At, Seen};
use crate::bench::Bench;
use crate::formats::{arena_fast, parse_object};
use proptest::prelude::*;

/// Raw JSON alternatives for one field, the first `good` of them usual ones (picked 90% of the
/// time, so that most records are valid and the fast path is exercised); `None` leaves the field
/// out.
fn field(
    key: &'static str,
    good: usize,
    alts: &'static [&'static str],
) -> impl Strategy<Value = Vec<String>> {
    let pick = || {
        prop_oneof![
            9 => proptest::sample::select(&alts[..good]),
            1 => proptest::sample::select(alts),
        ]
    };
    (
        proptest::option::weighted(0.9, pick()),
        proptest::option::weighted(0.03, pick()),
    )
        .prop_map(move |(v, dup)| {
            let mut out: Vec<String> = v.map(|v| format!("\"{key}\":{v}")).into_iter().collect();
            // A repeated key: `serde_json::Map` keeps the last.
            out.extend(dup.map(|d| format!("\"{key}\":{d}")));
            out
        })
}

const MODELS: &[&str] = &[
    "\"m1\"",
    "\"m2\"",
    "\"m3\"",
    "\"m\\u0031\"",
    "\"\"",
    "\"-\"",
    "5",
    "null",
    "[\"m1\"]",
];
const WINNERS: &[&str] = &[
    "\"model_a\"",
    "\"model_b\"",
    "\"tie\"",
    "\"tie (bothbad)\"",
    "\"x\"",
    "null",
    "1",
];
const IDS: &[&str] = &[
    "\"q1\"",
    "\"q2\"",
    "\"q\\u0032\"",
    "\"\"",
    "7",
    "null",
    "{}",
];
const BOOLS: &[&str] = &["true", "false", "null", "\"yes\"", "1"];
const STAMPS: &[&str] = &["1.5", "17", "-3", "\"t\"", "null", "1e400", "1.7e9"];
const LANGS: &[&str] = &["\"English\"", "\"\\u00e9\"", "3", "null", "[]"];
const TAGS: &[&str] = &[
    r#"{"criteria_v0.1":{"a":true,"b":true,"c":true,"d":true,"e":true,"f":true,"g":false},"math_v0.1":{"math":true},"if_v0.1":{"if":true,"score":4},"creative_writing_v0.1":{"creative_writing":true,"score":"no"}}"#,
    r#"{"criteria_v0.1":{"a":true,"b":true,"c":true,"d":true,"e":true,"f":1,"f":true},"math_v0.1":{"math":1}}"#,
    r#"{"criteria_v0.1":{"a":true,"a":true,"b":true,"c":true,"d":true,"e":true},"if_v0.1":[true],"math_v0.1":{"math":null}}"#,
    r#"{"criteria_v0.1":[true,true,true,true,true,true],"creative_writing_v0.1":"creative_writing","math_v0.1":{"math":false,"math":true}}"#,
    r#"{"m\u0061th_v0.1":{"math":true},"other":{"x":[1,{"y":2}]}}"#,
    "null",
    "[]",
    "\"math\"",
];
const META: &[&str] = &[
    r#"{"sum_assistant_a_tokens":10,"sum_assistant_b_tokens":20,"header_count_a":{"h1":1,"h2":2},"header_count_b":{"h1":0},"list_count_a":{"ordered":1,"unordered":2},"list_count_b":3,"bold_count_a":{"**":1,"__":0},"bold_count_b":{"**":2,"__":1},"turns":2}"#,
    r#"{"sum_assistant_a_tokens":1.5,"sum_assistant_b_tokens":2,"header_count_a":{"z":0.1,"a":0.2,"m":0.3},"header_count_b":{"h1":1,"h1":2},"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":0}"#,
    r#"{"sum_assistant_a_tokens":10,"sum_assistant_b_tokens":20,"header_count_a":{"h1":"1"},"header_count_b":0,"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":0}"#,
    r#"{"sum_assistant_a_tokens":10,"sum_assistant_b_tokens":null,"header_count_a":0,"header_count_b":0,"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":0}"#,
    r#"{"sum_assistant_a_tokens":10,"sum_assistant_b_tokens":20,"header_count_a":0,"header_count_b":0,"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":[1]}"#,
    r#"{"sum_assistant_\u0061_tokens":4,"sum_assistant_a_tokens":10,"sum_assistant_b_tokens":20,"header_count_a":0,"header_count_b":0,"list_count_a":0,"list_count_b":0,"bold_count_a":0,"bold_count_b":0}"#,
    "null",
    "7",
];
const CONVS: &[&str] = &[
    r#"[{"role":"user","content":"hi"},{"role":"assistant","content":"yo"},{"role":"user","content":[{"type":"text","text":"again"}]},{"role":"assistant","content":null}]"#,
    r#"[{"role":"system","content":"s"},{"role":"user","content":"q"},{"role":"assistant","content":"a"}]"#,
    r#"[{"content":"no role"}]"#,
    r#"[{"role":"user","content":5}]"#,
    "null",
    "\"text\"",
];
/// Fields neither path keeps: still validated alike.
const IGNORED: &[&str] = &[
    "\"arena_user_1\"",
    "\"\\ud800\"",
    "\"\\ud83d\\ude00\"",
    "1e400",
    "-0",
    "[1,{\"a\":[null]}]",
    "{\"k\":1e999}",
    "\"\\x\"",
    "tru",
];

fn line() -> impl Strategy<Value = String> {
    (
        (
            field("model_a", 3, MODELS),
            field("model_b", 3, MODELS),
            field("winner", 4, WINNERS),
            field("question_id", 3, IDS),
            field("anony", 2, BOOLS),
            field("tstamp", 3, STAMPS),
        ),
        (
            field("language", 2, LANGS),
            field("is_code", 2, BOOLS),
            field("category_tag", 5, TAGS),
            field("conv_metadata", 2, META),
            field("conversation_a", 2, CONVS),
            field("conversation_b", 2, CONVS),
            field("judge", 1, IGNORED),
        ),
        any::<u64>(),
        proptest::option::weighted(
            0.05,
            proptest::sample::select(&["null", "1", "{", "{}x"][..]),
        ),
    )
        .prop_map(
            |((a, b, c, d, e, f), (g, h, i, j, k, l, m), seed, broken)| {
                if let Some(b) = broken {
                    return b.to_string();
                }
                let mut parts: Vec<String> = [a, b, c, d, e, f, g, h, i, j, k, l, m].concat();
                // A fixed shuffle per case, so key order varies.
                let n = parts.len();
                for i in (1..n).rev() {
                    let j = (seed.rotate_left(i as u32) % (i as u64 + 1)) as usize;
                    parts.swap(i, j);
                }
                format!("{{{}}}", parts.join(","))
            },
        )
}

/// A bench read through the `Value` path only.
fn slow_bench(text: &str) -> Bench {
    let mut bench = Bench::new("t");
    bench.layout = crate::bench::Layout::ArenaLog;
    let mut seen = Seen::default();
    for (n, l) in crate::formats::lines(text) {
        bench.report.lines += 1;
        let at = At {
            line: n,
            item: None,
        };
        match parse_object(l) {
            Ok(o) => record(&mut bench, "f.jsonl", at, &o, &mut seen),
            Err(e) => bench
                .report
                .push(crate::report::IssueKind::BadJson, "f.jsonl", n, "", e),
        }
    }
    bench
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn fast_and_value_paths_agree(lines in proptest::collection::vec(line(), 1..12)) {
        for l in &lines {
            let slow = parse_object(l).ok().map(|o| super::from_json(&o));
            if let Some(fast) = arena_fast::battle(l) {
                match slow {
                    Some(Ok(slow)) => prop_assert_eq!(fast, slow, "line {}", l),
                    other => prop_assert!(
                        false,
                        "fast accepted {} but Value gave {:?}",
                        l,
                        other.map(|r| r.map(|_| ()).map_err(|e| e.1.message))
                    ),
                }
            }
        }
        let text = lines.join("\n");
        let mut fast = Bench::new("t");
        parse(&mut fast, "f.jsonl", &text);
        let slow = slow_bench(&text);
        prop_assert_eq!(format!("{:?}", fast.prompts), format!("{:?}", slow.prompts));
        prop_assert_eq!(format!("{:?}", fast.file_battles), format!("{:?}", slow.file_battles));
        prop_assert_eq!(format!("{:?}", fast.answers), format!("{:?}", slow.answers));
        prop_assert_eq!(format!("{:?}", fast.report), format!("{:?}", slow.report));
        prop_assert_eq!(fast.models.names(), slow.models.names());
    }
}

/// The generated demo log takes the fast path on every line (else it would not be fast).
#[test]
fn demo_records_take_the_fast_path() {
    let line = r#"{"question_id":"2ecd","model_a":"fjord-2.0-0409","model_b":"yarrow","winner":"tie (bothbad)","judge":"arena_user_7978","turn":3,"anony":false,"language":"English","tstamp":1714000182.7704,"conv_metadata":{"sum_user_tokens":66,"sum_assistant_a_tokens":1113,"sum_assistant_b_tokens":1195,"context_a_tokens":808,"context_b_tokens":863,"turns":3,"header_count_a":{"h1":0,"h2":0,"h3":0,"h4":0,"h5":0,"h6":0},"list_count_a":{"ordered":2,"unordered":5},"bold_count_a":{"**":4,"__":0},"header_count_b":{"h1":0,"h2":0,"h3":1,"h4":0,"h5":0,"h6":0},"list_count_b":{"ordered":2,"unordered":9},"bold_count_b":{"**":10,"__":0}},"is_code":false,"is_refusal":false,"category_tag":{"criteria_v0.1":{"specificity":true,"domain_knowledge":true,"complexity":true,"problem_solving":true,"creativity":true,"technical_accuracy":true,"real_world":true},"if_v0.1":{"if":true,"score":4},"math_v0.1":{"math":true},"creative_writing_v0.1":{"creative_writing":false,"score":"no"}}}"#;
    let fast = arena_fast::battle(line).expect("the fast path reads a demo record");
    let slow = super::from_json(&parse_object(line).unwrap()).unwrap();
    assert_eq!(fast, slow);
    assert!(matches!(fast.model_a, std::borrow::Cow::Borrowed(_)));
    assert_eq!(
        fast.labels,
        ["hard_prompt", "math", "instruction_following"]
    );
    assert_eq!(fast.style.unwrap().1.lists, 11.0);
}

/// What one battle costs in place (BENCHMARKS.md's per-battle memory): a guard against the
/// per-battle structs growing unnoticed. Sizes by `std::mem::size_of` on 64-bit targets.
#[test]
#[cfg(target_pointer_width = "64")]
fn per_battle_structs_stay_small() {
    let prompt = std::mem::size_of::<crate::bench::Prompt>();
    let battle = std::mem::size_of::<crate::bench::FileBattle>();
    eprintln!("size_of Prompt = {prompt}, FileBattle = {battle}");
    // 200 = 192 + the criteria flags (`Prompt::criteria`, padded to 8 bytes).
    assert!(prompt <= 200, "Prompt is {prompt} bytes");
    assert!(battle <= 104, "FileBattle is {battle} bytes");
}
