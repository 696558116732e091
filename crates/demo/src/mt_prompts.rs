//! The MT-Bench-style demo's judge prompts: the eight templates of `judge_prompts.jsonl` (names,
//! types, categories and output formats as FastChat's `data/judge_prompts.jsonl` has them; the
//! wording is the demo's own), and the `user_prompt` of a judgment row, which is its template
//! filled with the question, the answers and, for math, reasoning and coding, the reference.
//!
//! Which template a row uses follows `fastchat/llm_judge/gen_judgment.py::make_judge_pairwise` and
//! `make_judge_single`: a general and a reference-based ("math") template, each for the first turn
//! and for the whole two-turn conversation.

use serde::Serialize;

/// A line of `judge_prompts.jsonl`.
#[derive(Serialize)]
pub struct JudgePromptRecord {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub system_prompt: &'static str,
    pub prompt_template: &'static str,
    pub description: &'static str,
    pub category: &'static str,
    pub output_format: &'static str,
}

const PAIR_SYSTEM: &str = "You are judging the answers of two AI assistants to the user question shown below. Decide which assistant follows the user's instructions and answers the question better, weighing helpfulness, relevance, accuracy, depth, creativity and level of detail. Compare the two answers and give a short explanation first. The order in which the answers appear must not influence you, nor must their length or the assistants' names. Be as objective as possible. After the explanation, give your verdict in exactly this form: \"[[A]]\" if assistant A is better, \"[[B]]\" if assistant B is better, and \"[[C]]\" for a tie.";
const PAIR_MATH_SYSTEM: &str = "You are judging the answers of two AI assistants to the user question shown below, with a reference answer to help you. Decide which answer is more correct and more helpful: compare each with the reference, point out its mistakes, and explain briefly. The order in which the answers appear must not influence you, nor must their length or the assistants' names. Be as objective as possible. After the explanation, give your verdict in exactly this form: \"[[A]]\" if assistant A is better, \"[[B]]\" if assistant B is better, and \"[[C]]\" for a tie.";
const PAIR_MT_SYSTEM: &str = "You are judging two AI assistants by their conversations with a user, shown below. Focus on the answers to the user's second question, in the light of the whole conversation. Decide which assistant follows the user's instructions and answers better, weighing helpfulness, relevance, accuracy, depth, creativity and level of detail. Explain briefly first. The order of the conversations must not influence you, nor must their length or the assistants' names. Be as objective as possible. After the explanation, give your verdict in exactly this form: \"[[A]]\" if assistant A is better, \"[[B]]\" if assistant B is better, and \"[[C]]\" for a tie.";
const PAIR_MATH_MT_SYSTEM: &str = "You are judging two AI assistants by their conversations with a user, shown below, with a reference answer to help you. Focus on the answers to the user's second question: compare both with the reference, point out mistakes, and explain briefly. The order of the conversations must not influence you, nor must their length or the assistants' names. Be as objective as possible. After the explanation, give your verdict in exactly this form: \"[[A]]\" if assistant A is better, \"[[B]]\" if assistant B is better, and \"[[C]]\" for a tie.";
const SINGLE_SYSTEM: &str = "You are judging the answer of an AI assistant to the user question shown below. Weigh helpfulness, relevance, accuracy, depth, creativity and level of detail. Give a short explanation first, as objectively as possible, then rate the answer from 1 to 10 in exactly this form: \"[[rating]]\", for example \"Rating: [[5]]\".";
const SINGLE_MATH_SYSTEM: &str = "You are judging the answer of an AI assistant to the user question shown below, with a reference answer to help you. Compare the answer with the reference, point out its mistakes, and explain briefly and objectively. Then rate the answer from 1 to 10 in exactly this form: \"[[rating]]\", for example \"Rating: [[5]]\".";
const SINGLE_MT_SYSTEM: &str = "You are judging an AI assistant by its conversation with a user, shown below. Focus on the answer to the user's second question. Weigh helpfulness, relevance, accuracy, depth, creativity and level of detail. Give a short explanation first, as objectively as possible, then rate the answer from 1 to 10 in exactly this form: \"[[rating]]\", for example \"Rating: [[5]]\".";
const SINGLE_MATH_MT_SYSTEM: &str = "You are judging an AI assistant by its conversation with a user, shown below, with a reference answer to help you. Focus on the answer to the user's second question: compare it with the reference and point out mistakes, briefly and objectively. Then rate the answer from 1 to 10 in exactly this form: \"[[rating]]\", for example \"Rating: [[5]]\".";

const PAIR_TEMPLATE: &str = "### Question\n{question}\n\n### Assistant A's answer\n{answer_a}\n\n### Assistant B's answer\n{answer_b}";
const PAIR_MATH_TEMPLATE: &str = "### Question\n{question}\n\n### Reference answer\n{ref_answer_1}\n\n### Assistant A's answer\n{answer_a}\n\n### Assistant B's answer\n{answer_b}";
const PAIR_MT_TEMPLATE: &str = "### Assistant A's conversation\n\nUser: {question_1}\n\nAssistant A: {answer_a_1}\n\nUser: {question_2}\n\nAssistant A: {answer_a_2}\n\n### Assistant B's conversation\n\nUser: {question_1}\n\nAssistant B: {answer_b_1}\n\nUser: {question_2}\n\nAssistant B: {answer_b_2}";
const PAIR_MATH_MT_TEMPLATE: &str = "### Reference answer\n\nUser: {question_1}\n\nReference: {ref_answer_1}\n\nUser: {question_2}\n\nReference: {ref_answer_2}\n\n### Assistant A's conversation\n\nUser: {question_1}\n\nAssistant A: {answer_a_1}\n\nUser: {question_2}\n\nAssistant A: {answer_a_2}\n\n### Assistant B's conversation\n\nUser: {question_1}\n\nAssistant B: {answer_b_1}\n\nUser: {question_2}\n\nAssistant B: {answer_b_2}";
const SINGLE_TEMPLATE: &str = "### Question\n{question}\n\n### The assistant's answer\n{answer}";
const SINGLE_MATH_TEMPLATE: &str = "### Question\n{question}\n\n### Reference answer\n{ref_answer_1}\n\n### The assistant's answer\n{answer}";
const SINGLE_MT_TEMPLATE: &str = "### The assistant's conversation\n\nUser: {question_1}\n\nAssistant: {answer_1}\n\nUser: {question_2}\n\nAssistant: {answer_2}";
const SINGLE_MATH_MT_TEMPLATE: &str = "### Reference answer\n\nUser: {question_1}\n\nReference: {ref_answer_1}\n\nUser: {question_2}\n\nReference: {ref_answer_2}\n\n### The assistant's conversation\n\nUser: {question_1}\n\nAssistant: {answer_1}\n\nUser: {question_2}\n\nAssistant: {answer_2}";

/// The eight templates, in the order of FastChat's file.
pub const JUDGE_PROMPTS: [JudgePromptRecord; 8] = [
    prompt(
        "pair-v2",
        "pairwise",
        PAIR_SYSTEM,
        PAIR_TEMPLATE,
        "Prompt for general questions",
        "general",
        "[[A]]",
    ),
    prompt(
        "pair-v2-multi-turn",
        "pairwise",
        PAIR_MT_SYSTEM,
        PAIR_MT_TEMPLATE,
        "Prompt for multi-turn general questions",
        "general",
        "[[A]]",
    ),
    prompt(
        "pair-math-v1",
        "pairwise",
        PAIR_MATH_SYSTEM,
        PAIR_MATH_TEMPLATE,
        "Prompt for math questions",
        "math",
        "[[A]]",
    ),
    prompt(
        "pair-math-v1-multi-turn",
        "pairwise",
        PAIR_MATH_MT_SYSTEM,
        PAIR_MATH_MT_TEMPLATE,
        "Prompt for multi-turn general questions",
        "general",
        "[[A]]",
    ),
    prompt(
        "single-v1",
        "single",
        SINGLE_SYSTEM,
        SINGLE_TEMPLATE,
        "Prompt for general questions",
        "general",
        "[[rating]]",
    ),
    prompt(
        "single-math-v1",
        "single",
        SINGLE_MATH_SYSTEM,
        SINGLE_MATH_TEMPLATE,
        "Prompt for general questions",
        "math",
        "[[rating]]",
    ),
    prompt(
        "single-v1-multi-turn",
        "single",
        SINGLE_MT_SYSTEM,
        SINGLE_MT_TEMPLATE,
        "Prompt for general questions",
        "general",
        "[[rating]]",
    ),
    prompt(
        "single-math-v1-multi-turn",
        "single",
        SINGLE_MATH_MT_SYSTEM,
        SINGLE_MATH_MT_TEMPLATE,
        "Prompt for general questions",
        "math",
        "[[rating]]",
    ),
];

const fn prompt(
    name: &'static str,
    kind: &'static str,
    system_prompt: &'static str,
    prompt_template: &'static str,
    description: &'static str,
    category: &'static str,
    output_format: &'static str,
) -> JudgePromptRecord {
    JudgePromptRecord {
        name,
        kind,
        system_prompt,
        prompt_template,
        description,
        category,
        output_format,
    }
}

/// Index in [`JUDGE_PROMPTS`] of the template for a judgment: pairwise or single, with or without
/// a reference, first turn or the whole conversation.
/// FastChat's file lists the pairwise templates general, general multi-turn, math, math
/// multi-turn, but the single ones general, math, general multi-turn, math multi-turn.
fn template_index(pairwise: bool, reference: bool, turn: u8) -> usize {
    let (r, t) = (usize::from(reference), usize::from(turn == 2));
    if pairwise {
        2 * r + t
    } else {
        4 + r + 2 * t
    }
}

/// The template name a row writes as `judge[1]`.
pub fn prompt_name(pairwise: bool, reference: bool, turn: u8) -> &'static str {
    JUDGE_PROMPTS[template_index(pairwise, reference, turn)].name
}

/// What fills a template: the question's turns, each side's two answers, the reference's turns.
pub struct Filling<'a> {
    pub question: &'a [String; 2],
    pub answers: [&'a [String; 2]; 2],
    pub reference: Option<&'a [String; 2]>,
}

/// The user prompt of a pairwise judgment (`answers[0]` shown as Assistant A).
pub fn pair_user_prompt(turn: u8, f: &Filling) -> String {
    let t = JUDGE_PROMPTS[template_index(true, f.reference.is_some(), turn)].prompt_template;
    fill_template(t, f)
}

/// The user prompt of a single-answer grade (`answers[0]` is the graded answer).
pub fn single_user_prompt(turn: u8, f: &Filling) -> String {
    let t = JUDGE_PROMPTS[template_index(false, f.reference.is_some(), turn)].prompt_template;
    let system = JUDGE_PROMPTS[template_index(false, f.reference.is_some(), turn)].system_prompt;
    // FastChat's single rows hold the system instruction and the filled template together.
    format!("{system}\n\n{}", fill_template(t, f))
}

fn fill_template(t: &str, f: &Filling) -> String {
    let [a, b] = f.answers;
    let mut s = t
        .replace("{question_1}", &f.question[0])
        .replace("{question_2}", &f.question[1])
        .replace("{question}", &f.question[0])
        .replace("{answer_a_1}", &a[0])
        .replace("{answer_a_2}", &a[1])
        .replace("{answer_b_1}", &b[0])
        .replace("{answer_b_2}", &b[1])
        .replace("{answer_a}", &a[0])
        .replace("{answer_b}", &b[0])
        .replace("{answer_1}", &a[0])
        .replace("{answer_2}", &a[1])
        .replace("{answer}", &a[0]);
    if let Some(r) = f.reference {
        s = s
            .replace("{ref_answer_1}", &r[0])
            .replace("{ref_answer_2}", &r[1]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_fastchats_judge_choice() {
        assert_eq!(prompt_name(true, false, 1), "pair-v2");
        assert_eq!(prompt_name(true, true, 2), "pair-math-v1-multi-turn");
        assert_eq!(prompt_name(false, true, 1), "single-math-v1");
        assert_eq!(prompt_name(false, false, 2), "single-v1-multi-turn");
        for (i, p) in JUDGE_PROMPTS.iter().enumerate() {
            let pairwise = i < 4;
            assert_eq!(p.kind, if pairwise { "pairwise" } else { "single" });
            assert!(p
                .system_prompt
                .contains(if pairwise { "[[A]]" } else { "[[rating]]" }));
        }
    }

    #[test]
    fn templates_fill_completely() {
        let q = ["first?".to_string(), "second?".to_string()];
        let (a, b, r) = (
            ["a1".to_string(), "a2".to_string()],
            ["b1".to_string(), "b2".to_string()],
            ["r1".to_string(), "r2".to_string()],
        );
        for reference in [None, Some(&r)] {
            for turn in [1, 2] {
                let f = Filling {
                    question: &q,
                    answers: [&a, &b],
                    reference,
                };
                for s in [pair_user_prompt(turn, &f), single_user_prompt(turn, &f)] {
                    assert!(!s.contains('{'), "{s}");
                    assert!(s.contains("a1"));
                }
                assert!(pair_user_prompt(turn, &f).contains("b1"));
                assert!(pair_user_prompt(2, &f).contains("b2"));
            }
        }
    }
}
