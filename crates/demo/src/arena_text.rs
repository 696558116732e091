//! Short conversation texts for synthetic Arena battles, so the compare page has something to show.
//!
//! The texts are deliberately small (a prompt of one sentence, answers of a few sentences): the
//! numbers the leaderboard and style control use come from `conv_metadata`, which describes the
//! full-length answers the simulation imagines, not these stand-ins. Their markdown (headers,
//! list items, bold, a code block for coding prompts) follows the answer's shape, capped.
//! Prompts are in the battle's language for English, Chinese, Russian and German; other languages
//! get a greeting in that language before an English request, as mixed prompts often are.

use crate::arena_prompts::{Kind, PromptInfo};
use crate::arena_votes::AnswerShape;
use crate::rng::{int, pick};
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

const CODING: [&str; 4] = [
    "Write a Python function that removes duplicates from a list while keeping the order.",
    "Why does my Rust code say `borrowed value does not live long enough`?",
    "Write a SQL query that returns the top 3 customers by total order value.",
    "How do I debounce an input handler in JavaScript?",
];
const MATH: [&str; 3] = [
    "What is the probability of rolling at least one six in four throws of a die?",
    "Solve for x: 3x + 7 = 2x - 5.",
    "Prove that the square root of 2 is irrational.",
];
const CREATIVE: [&str; 3] = [
    "Write a short poem about a lighthouse keeper.",
    "Write the opening paragraph of a mystery set on a night train.",
    "Invent a fairy tale about a fox who learns to count.",
];
const GENERAL: [&str; 4] = [
    "What are the pros and cons of remote work?",
    "Explain how vaccines train the immune system.",
    "Plan a three-day trip to Lisbon on a budget.",
    "Summarise the causes of the French Revolution.",
];
const FOLLOW_UPS: [&str; 3] = [
    "Can you make it shorter?",
    "Please explain the second point in more detail.",
    "Thanks. Can you give an example?",
];

/// Native prompts for the languages that have them, per kind (coding, math, creative, general).
fn native(language: &str, kind: Kind) -> Option<&'static str> {
    let k = kind as usize;
    let table: [&str; 4] = match language {
        "Chinese" => [
            "用Python写一个函数，判断一个字符串是否是回文。",
            "一个三角形的三边是3、4、5，它的面积是多少？",
            "写一首关于秋天的短诗。",
            "学习一门新语言有什么好方法？",
        ],
        "Russian" => [
            "Напиши функцию на Python, которая считает слова в тексте.",
            "Сколько будет 15% от 240?",
            "Напиши короткое стихотворение о зиме.",
            "Какие книги стоит прочитать о истории науки?",
        ],
        "German" => [
            "Schreib eine Python-Funktion, die prüft, ob eine Zahl eine Primzahl ist.",
            "Wie viele Kombinationen gibt es, 3 aus 10 Elementen zu wählen?",
            "Schreib ein kurzes Gedicht über das Meer.",
            "Was sind gute Tipps für ein Vorstellungsgespräch?",
        ],
        _ => return None,
    };
    Some(table[k])
}

fn greeting(language: &str) -> &'static str {
    match language {
        "Japanese" => "こんにちは。",
        "French" => "Bonjour !",
        "Spanish" => "¡Hola!",
        "Korean" => "안녕하세요.",
        "Portuguese" => "Olá!",
        "Italian" => "Ciao!",
        "Polish" => "Cześć!",
        "Vietnamese" => "Xin chào!",
        _ => "",
    }
}

/// The user turns of a prompt.
pub fn user_turns(rng: &mut ChaCha8Rng, p: &PromptInfo) -> Vec<String> {
    let english = match p.kind {
        Kind::Coding => pick(rng, &CODING),
        Kind::Math => pick(rng, &MATH),
        Kind::Creative => pick(rng, &CREATIVE),
        Kind::General => pick(rng, &GENERAL),
    };
    let first = match native(p.language, p.kind) {
        Some(text) => text.to_string(),
        None => match greeting(p.language) {
            "" => english.to_string(),
            hello => format!("{hello} {english}"),
        },
    };
    let mut turns = vec![first];
    for _ in 1..p.turns {
        turns.push(pick(rng, &FOLLOW_UPS).to_string());
    }
    turns
}

const SENTENCES: [&str; 8] = [
    "Here is a clear way to approach it.",
    "The key idea is to break the problem into smaller steps.",
    "This works because each step only depends on the previous one.",
    "A common mistake is to skip checking the edge cases.",
    "In practice the simple version is usually enough.",
    "If you need more detail, the next step is worth expanding.",
    "Keep in mind that the right choice depends on your constraints.",
    "That gives the answer directly.",
];

/// One assistant turn in the shape of `s` (scaled down: a sentence per ~60 tokens, at most 8;
/// markdown elements capped at 3 headers, 5 list items and 3 bold spans).
pub fn answer(rng: &mut ChaCha8Rng, p: &PromptInfo, s: &AnswerShape) -> String {
    let mut out = String::new();
    let headers: u32 = s.headers.iter().sum::<u32>().min(3);
    let sentences = (s.tokens / 60).clamp(1, 8);
    let mut bold = s.bold[0].min(3);
    for h in 0..headers.max(1) {
        if h < headers {
            let _ = writeln!(out, "### Part {}\n", h + 1);
        }
        for _ in 0..sentences.div_ceil(headers.max(1)) {
            let sentence = pick(rng, &SENTENCES);
            if bold > 0 {
                let _ = write!(out, "**{sentence}** ");
                bold -= 1;
            } else {
                let _ = write!(out, "{sentence} ");
            }
        }
        out.push_str("\n\n");
    }
    if p.kind == Kind::Coding {
        let n = int(rng, 1, 3);
        out.push_str("```python\n");
        for i in 0..n {
            let _ = writeln!(
                out,
                "def step_{i}(items):\n    return [x for x in items if x]"
            );
        }
        out.push_str("```\n\n");
    }
    for i in 0..s.lists[0].min(3) {
        let _ = writeln!(out, "{}. {}", i + 1, pick(rng, &SENTENCES));
    }
    for _ in 0..s.lists[1].min(2) {
        let _ = writeln!(out, "- {}", pick(rng, &SENTENCES));
    }
    out.trim_end().to_string()
}
