//! Checks on the generated files themselves, through the public API only: the layout, the JSON
//! shapes, the markdown counts, and that the planted biases and defects are really there.
//! Counting and statistics here are written independently of the crate's own code, so a bug in
//! the generator cannot hide by being repeated in the check.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use arena_lens_demo::{generate, DemoFile, DEFAULT_SEED, DEMO_BASELINE, DEMO_BENCH, DEMO_JUDGES};
use serde_json::Value;

const LABELS: [&str; 5] = ["A>>B", "A>B", "A=B", "B>A", "B>>A"];

fn demo() -> &'static [DemoFile] {
    static FILES: OnceLock<Vec<DemoFile>> = OnceLock::new();
    FILES.get_or_init(|| generate(DEFAULT_SEED))
}

/// Every file parsed once: each line must be one JSON object, lines end in `\n`.
fn parsed() -> &'static BTreeMap<String, Vec<Value>> {
    static PARSED: OnceLock<BTreeMap<String, Vec<Value>>> = OnceLock::new();
    PARSED.get_or_init(|| {
        demo()
            .iter()
            .map(|f| {
                assert!(
                    f.contents.ends_with('\n') && !f.contents.contains('\r'),
                    "{}",
                    f.path
                );
                let rows: Vec<Value> = f
                    .contents
                    .split_terminator('\n')
                    .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", f.path)))
                    .collect();
                assert!(rows.iter().all(Value::is_object), "{}", f.path);
                (f.path.clone(), rows)
            })
            .collect()
    })
}

fn lines(path: &str) -> &'static [Value] {
    parsed()
        .get(path)
        .unwrap_or_else(|| panic!("missing {path}"))
}

/// Model names, from the answer files.
fn models() -> Vec<String> {
    let prefix = format!("{DEMO_BENCH}/model_answer/");
    demo()
        .iter()
        .filter_map(|f| f.path.strip_prefix(&prefix))
        .map(|n| n.strip_suffix(".jsonl").unwrap().to_string())
        .collect()
}

fn judgments(judge: &str, model: &str) -> &'static [Value] {
    lines(&format!(
        "{DEMO_BENCH}/model_judgment/{judge}/{model}.jsonl"
    ))
}

fn answers(model: &str) -> &'static [Value] {
    lines(&format!("{DEMO_BENCH}/model_answer/{model}.jsonl"))
}

fn content(answer: &Value) -> &str {
    answer["choices"][0]["turns"][0]["content"]
        .as_str()
        .unwrap()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let again = generate(DEFAULT_SEED);
    assert_eq!(again.as_slice(), demo());
    let other = generate(DEFAULT_SEED + 1);
    assert_eq!(other.len(), demo().len());
    assert_ne!(other[0].contents, demo()[0].contents);
}

#[test]
fn layout_and_counts() {
    let ms = models();
    assert!(ms.len() >= 20, "{} models", ms.len());
    assert!(ms.iter().any(|m| m == DEMO_BASELINE));
    assert!(
        ms.iter().any(|m| m.contains('(')),
        "a name with parentheses"
    );
    assert_eq!(DEMO_JUDGES.len(), 2);
    assert_eq!(demo().len(), 1 + ms.len() * 3);
    let paths: BTreeSet<&str> = demo().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths.len(), demo().len(), "duplicate paths");
    for p in &paths {
        assert!(p.starts_with(&format!("{DEMO_BENCH}/")) && p.ends_with(".jsonl"));
    }

    let qs = lines(&format!("{DEMO_BENCH}/question.jsonl"));
    assert_eq!(qs.len(), 500);
    let mut clusters: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ids = BTreeSet::new();
    for q in qs {
        let id = q["question_id"].as_str().unwrap();
        assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(ids.insert(id), "duplicate id");
        let cat = q["category"].as_str().unwrap();
        assert!(["coding", "math", "writing", "reasoning", "knowledge"].contains(&cat));
        *clusters.entry(q["cluster"].as_str().unwrap()).or_default() += 1;
        assert!(!q["turns"][0]["content"].as_str().unwrap().is_empty());
    }
    assert!(
        (35..=45).contains(&clusters.len()),
        "{} clusters",
        clusters.len()
    );
    let sizes: Vec<usize> = clusters.values().copied().collect();
    assert!(*sizes.iter().min().unwrap() >= 5 && *sizes.iter().max().unwrap() <= 25);
    assert!(
        sizes.iter().max().unwrap() - sizes.iter().min().unwrap() >= 10,
        "sizes vary"
    );

    let order: Vec<&str> = qs
        .iter()
        .map(|q| q["question_id"].as_str().unwrap())
        .collect();
    for m in &ms {
        let a = answers(m);
        let got: Vec<&str> = a
            .iter()
            .map(|r| r["question_id"].as_str().unwrap())
            .collect();
        assert_eq!(got, order, "{m}");
        for r in a {
            assert_eq!(r["model_id"], m.as_str());
            assert_eq!(r["answer_id"].as_str().unwrap().len(), 22);
            assert!(r["tstamp"].as_f64().unwrap() > 1.7e9);
        }
        for judge in DEMO_JUDGES {
            let j = judgments(judge, m);
            let got: Vec<&str> = j
                .iter()
                .map(|r| r["question_id"].as_str().unwrap())
                .collect();
            assert_eq!(got, order, "{judge}/{m}");
            for r in j {
                assert_eq!(r["model"], m.as_str());
                assert_eq!(r["judge"], judge);
            }
        }
    }
}

/// An independent count for well-formed markdown: fenced code is skipped line by line, and
/// each remaining line is classified by its prefix.
fn recount(md: &str) -> ([u64; 6], u64, u64, u64, u64) {
    let (mut h, mut ol, mut ul, mut bs, mut bu) = ([0u64; 6], 0, 0, 0, 0);
    let mut in_code = false;
    for line in md.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            h[hashes - 1] += 1;
        }
        let t = line.trim_start();
        let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && t[digits..].starts_with(". ") {
            ol += 1;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
            ul += 1;
        }
        bs += line.matches("**").count() as u64 / 2;
        bu += line.matches("__").count() as u64 / 2;
    }
    assert!(!in_code, "unclosed fence in\n{md}");
    (h, ol, ul, bs, bu)
}

#[test]
fn conv_metadata_is_true_to_the_markdown() {
    let mut totals = [0u64; 5];
    for m in models() {
        let mut words_total = 0;
        for a in answers(&m) {
            let text = content(a);
            let words = text.split_whitespace().count();
            words_total += words;
            let tokens = ((words as f64) * 1.3).round() as u64;
            let meta = &a["conv_metadata"];
            assert_eq!(
                a["choices"][0]["turns"][0]["token_len"].as_u64(),
                Some(tokens)
            );
            assert_eq!(meta["token_len"].as_u64(), Some(tokens));
            let (h, ol, ul, bs, bu) = recount(text);
            for (i, n) in h.iter().enumerate() {
                assert_eq!(
                    meta["header_count"][format!("h{}", i + 1)].as_u64(),
                    Some(*n),
                    "{m}:\n{text}"
                );
            }
            assert_eq!(
                meta["list_count"]["ordered"].as_u64(),
                Some(ol),
                "{m}:\n{text}"
            );
            assert_eq!(
                meta["list_count"]["unordered"].as_u64(),
                Some(ul),
                "{m}:\n{text}"
            );
            assert_eq!(meta["bold_count"]["**"].as_u64(), Some(bs), "{m}:\n{text}");
            assert_eq!(meta["bold_count"]["__"].as_u64(), Some(bu), "{m}:\n{text}");
            totals[0] += h.iter().sum::<u64>();
            totals[1] += ol;
            totals[2] += ul;
            totals[3] += bs;
            totals[4] += bu;
            assert!((40..=720).contains(&words), "{m}: {words} words");
        }
        let mean = words_total / 500;
        assert!((40..=400).contains(&mean), "{m}: mean {mean} words");
    }
    assert!(
        totals.iter().all(|&t| t > 100),
        "every element kind occurs: {totals:?}"
    );
}

#[test]
fn answers_vary_in_length_and_style_by_model() {
    let stats: Vec<(String, f64, f64)> = models()
        .iter()
        .map(|m| {
            let a = answers(m);
            let tok: f64 = a
                .iter()
                .map(|r| r["conv_metadata"]["token_len"].as_f64().unwrap())
                .sum();
            let heads: f64 = a
                .iter()
                .map(|r| {
                    let h = &r["conv_metadata"]["header_count"];
                    (1..=6)
                        .map(|i| h[format!("h{i}")].as_f64().unwrap())
                        .sum::<f64>()
                })
                .sum();
            (m.clone(), tok / 500.0, heads / 500.0)
        })
        .collect();
    let max_len = stats.iter().map(|s| s.1).fold(0.0, f64::max);
    let min_len = stats.iter().map(|s| s.1).fold(f64::MAX, f64::min);
    assert!(max_len > 2.5 * min_len, "{min_len} .. {max_len}");
    assert!(stats.iter().any(|s| s.2 < 0.1), "a model without headings");
    assert!(stats.iter().any(|s| s.2 > 3.0), "a heading-heavy model");
    // Coding answers have code; others do not.
    let qs = lines(&format!("{DEMO_BENCH}/question.jsonl"));
    for (q, a) in qs.iter().zip(answers(DEMO_BASELINE)) {
        assert_eq!(q["category"] == "coding", content(a).contains("```"));
    }
}

/// Score of the model (not the baseline) in one game: 1 win, 0.5 tie, 0 loss; None if unusable.
fn model_score(label: &Value, game: usize) -> Option<f64> {
    let i = LABELS.iter().position(|l| label.as_str() == Some(l))?;
    // Game 1 has the model in B (high index = B better); game 2 has it in A.
    let s = [0.0, 0.0, 0.5, 1.0, 1.0][i];
    Some(if game == 0 { s } else { 1.0 - s })
}

/// Per-model win rate for a judge, over all usable games.
fn win_rates(judge: &str) -> BTreeMap<String, f64> {
    models()
        .into_iter()
        .map(|m| {
            let mut s = Vec::new();
            for r in judgments(judge, &m) {
                for (g, game) in r["games"].as_array().unwrap().iter().enumerate() {
                    s.extend(model_score(&game["score"], g));
                }
            }
            let rate = s.iter().sum::<f64>() / s.len() as f64;
            (m, rate)
        })
        .collect()
}

#[test]
fn strengths_show_in_win_rates() {
    for judge in DEMO_JUDGES {
        let w = win_rates(judge);
        assert!(
            (w[DEMO_BASELINE] - 0.5).abs() < 0.03,
            "{judge} baseline {}",
            w[DEMO_BASELINE]
        );
        assert!(
            w["atlas-ultra"] > 0.7 && w["atlas-nano"] < 0.3,
            "{judge}: {w:?}"
        );
        let spread = w.values().fold(0.0, |a: f64, b| a.max(*b))
            - w.values().fold(1.0, |a: f64, b| a.min(*b));
        assert!(spread > 0.5, "{judge}: {w:?}");
    }
    // judge-atlas favours its family: atlas models gain against the rest compared to judge-sage.
    let (sage, atlas) = (win_rates(DEMO_JUDGES[0]), win_rates(DEMO_JUDGES[1]));
    let mean_gain = |family: bool| {
        let v: Vec<f64> = sage
            .keys()
            .filter(|m| m.as_str() != DEMO_BASELINE && m.starts_with("atlas-") == family)
            .map(|m| atlas[m] - sage[m])
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(
        mean_gain(true) - mean_gain(false) > 0.08,
        "{} {}",
        mean_gain(true),
        mean_gain(false)
    );
}

#[test]
fn the_two_games_sometimes_disagree_and_position_a_is_favoured() {
    let (mut disagree, mut total, mut a_wins, mut b_wins) = (0, 0, 0, 0);
    for m in models().iter().filter(|m| m.as_str() != DEMO_BASELINE) {
        for r in judgments(DEMO_JUDGES[0], m) {
            let g = r["games"].as_array().unwrap();
            if g.len() == 2 {
                if let (Some(x), Some(y)) = (
                    model_score(&g[0]["score"], 0),
                    model_score(&g[1]["score"], 1),
                ) {
                    total += 1;
                    disagree += (x != y) as usize;
                }
            }
            for game in g {
                match game["score"].as_str() {
                    Some("A>B" | "A>>B") => a_wins += 1,
                    Some("B>A" | "B>>A") => b_wins += 1,
                    _ => {}
                }
            }
        }
    }
    let rate = disagree as f64 / total as f64;
    assert!((0.2..0.8).contains(&rate), "disagreement {rate}");
    assert!(
        a_wins as f64 > 1.05 * b_wins as f64,
        "A {a_wins} B {b_wins}"
    );
    // The baseline against itself is mostly a tie.
    let ties = judgments(DEMO_JUDGES[0], DEMO_BASELINE)
        .iter()
        .flat_map(|r| r["games"].as_array().unwrap().clone())
        .filter(|g| g["score"] == "A=B")
        .count();
    assert!(ties > 800, "{ties} ties of 1000");
}

/// Mean over models of (win rate when the model's answer is longer than the baseline's) minus
/// (win rate when it is shorter). Comparing within each model removes differences in strength.
fn length_effect(judge: &str) -> f64 {
    let base_len: Vec<f64> = answers(DEMO_BASELINE)
        .iter()
        .map(|a| a["conv_metadata"]["token_len"].as_f64().unwrap())
        .collect();
    let mut effects = Vec::new();
    for m in models().iter().filter(|m| m.as_str() != DEMO_BASELINE) {
        let (mut longer, mut shorter) = (Vec::new(), Vec::new());
        for ((a, r), bl) in answers(m).iter().zip(judgments(judge, m)).zip(&base_len) {
            let len = a["conv_metadata"]["token_len"].as_f64().unwrap();
            for (g, game) in r["games"].as_array().unwrap().iter().enumerate() {
                if let Some(s) = model_score(&game["score"], g) {
                    if len > bl * 1.1 {
                        longer.push(s);
                    } else if len < bl / 1.1 {
                        shorter.push(s);
                    }
                }
            }
        }
        if longer.len() >= 50 && shorter.len() >= 50 {
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
            effects.push(mean(&longer) - mean(&shorter));
        }
    }
    assert!(
        effects.len() >= 10,
        "enough models with both long and short answers"
    );
    effects.iter().sum::<f64>() / effects.len() as f64
}

#[test]
fn planted_length_bias_is_visible() {
    let sage = length_effect(DEMO_JUDGES[0]);
    let atlas = length_effect(DEMO_JUDGES[1]);
    eprintln!(
        "length effect: {} {sage:.3}, {} {atlas:.3}",
        DEMO_JUDGES[0], DEMO_JUDGES[1]
    );
    // With ~20 models x ~1000 games the standard error of each effect is about 0.01, so these
    // margins are several standard errors wide in both directions (observed: about 0.07 and 0.0).
    assert!(sage > 0.04, "judge-sage length effect {sage}");
    assert!(sage - atlas > 0.04, "sage {sage} vs atlas {atlas}");
}

#[test]
fn blemishes_are_planted_in_judge_one_only() {
    let mut nulls = 0;
    let mut unknown = Vec::new();
    let mut single = 0;
    for (j, judge) in DEMO_JUDGES.iter().enumerate() {
        for m in models() {
            for r in judgments(judge, &m) {
                let games = r["games"].as_array().unwrap();
                if games.len() == 1 {
                    assert_eq!(j, 0);
                    assert_ne!(m, DEMO_BASELINE);
                    single += 1;
                } else {
                    assert_eq!(games.len(), 2);
                }
                for g in games {
                    match &g["score"] {
                        Value::Null => {
                            assert_eq!(j, 0);
                            assert_ne!(m, DEMO_BASELINE);
                            assert!(!g["judgment"].as_str().unwrap().contains("[["));
                            nulls += 1;
                        }
                        Value::String(s) if LABELS.contains(&s.as_str()) => {
                            let text = g["judgment"].as_str().unwrap();
                            assert!(
                                text.contains(&format!("[[{s}]]")),
                                "verdict text matches score"
                            );
                        }
                        Value::String(s) => {
                            assert_eq!(j, 0);
                            unknown.push(s.clone());
                        }
                        other => panic!("score {other}"),
                    }
                }
            }
        }
    }
    assert_eq!(nulls, 3);
    assert_eq!(unknown, vec!["A>>>B".to_string()]);
    assert_eq!(single, 1);
}

#[test]
fn user_prompt_only_for_judge_one_with_answers_in_order() {
    let qs = lines(&format!("{DEMO_BENCH}/question.jsonl"));
    let m = "nimbus-code";
    let (mine, base) = (answers(m), answers(DEMO_BASELINE));
    let mut seen = 0;
    for (i, r) in judgments(DEMO_JUDGES[0], m).iter().enumerate() {
        let games = r["games"].as_array().unwrap();
        if let Some(up) = games[0]["user_prompt"].as_str() {
            seen += 1;
            let prompt = qs[i]["turns"][0]["content"].as_str().unwrap();
            let expect = format!(
                "<|User Prompt|>\n{prompt}\n\n<|The Start of Assistant A's Answer|>\n{}\n<|The End of Assistant A's Answer|>\n\n<|The Start of Assistant B's Answer|>\n{}\n<|The End of Assistant B's Answer|>",
                content(&base[i]),
                content(&mine[i])
            );
            assert_eq!(up, expect);
            let up2 = games[1]["user_prompt"].as_str().unwrap();
            assert!(
                up2.find(content(&mine[i])) < up2.find(content(&base[i])),
                "game 2 is swapped"
            );
        }
    }
    assert!(seen >= 10, "{seen} rows with user_prompt");
    for m in models() {
        for r in judgments(DEMO_JUDGES[1], &m) {
            for g in r["games"].as_array().unwrap() {
                assert!(g.get("user_prompt").is_none());
                assert!(g["judgment"].is_string());
            }
        }
    }
}

#[test]
fn total_size_is_reasonable() {
    let total: usize = demo().iter().map(|f| f.contents.len()).sum();
    eprintln!("total {total} bytes");
    assert!(total < 25_000_000, "{total} bytes");
}
