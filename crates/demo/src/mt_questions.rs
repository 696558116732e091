//! The MT-Bench-style demo's 80 two-turn questions: ten in each of MT-Bench's eight categories, ids
//! 81-160 in category blocks as in FastChat's `data/mt_bench/question.jsonl`.
//!
//! Every question borrows a topic cluster of the Arena-Hard demo ([`crate::topics::CLUSTERS`]) for
//! its vocabulary and task phrase, so the answer writer ([`crate::markdown::write_answer`]) can answer
//! it in the cluster's words. The first turn asks for something in the category's manner (a
//! persuasive email, an in-character reply, a proof, a program, a JSON extraction...), the second
//! follows up on the first answer, as MT-Bench's second turns do.

use rand_chacha::ChaCha8Rng;

use crate::rng::{chance, int, pick, pick_distinct, uniform};
use crate::topics::{fill, fill_numbers, Question, CLUSTERS};

/// MT-Bench's eight categories, in the order of its question file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MtCategory {
    Writing,
    Roleplay,
    Reasoning,
    Math,
    Coding,
    Extraction,
    Stem,
    Humanities,
}

impl MtCategory {
    pub const ALL: [MtCategory; 8] = [
        MtCategory::Writing,
        MtCategory::Roleplay,
        MtCategory::Reasoning,
        MtCategory::Math,
        MtCategory::Coding,
        MtCategory::Extraction,
        MtCategory::Stem,
        MtCategory::Humanities,
    ];

    /// The `category` value of `question.jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            MtCategory::Writing => "writing",
            MtCategory::Roleplay => "roleplay",
            MtCategory::Reasoning => "reasoning",
            MtCategory::Math => "math",
            MtCategory::Coding => "coding",
            MtCategory::Extraction => "extraction",
            MtCategory::Stem => "stem",
            MtCategory::Humanities => "humanities",
        }
    }

    /// Position in [`MtCategory::ALL`], used to index per-category model skills.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The categories whose judge prompt shows a reference answer (FastChat's `NEED_REF_CATS` in
    /// `fastchat/llm_judge/common.py`).
    pub fn needs_reference(self) -> bool {
        matches!(
            self,
            MtCategory::Math | MtCategory::Reasoning | MtCategory::Coding
        )
    }

    /// The demo topic clusters a question of this category may borrow.
    fn clusters(self) -> &'static [&'static str] {
        match self {
            MtCategory::Writing => &[
                "Cover Letters",
                "Short Stories",
                "Poetry & Song Lyrics",
                "Product Descriptions",
                "Workplace Emails",
                "Speeches & Toasts",
                "Slogans & Taglines",
            ],
            MtCategory::Roleplay => &[
                "Speeches & Toasts",
                "Business Strategy",
                "Nutrition & Fitness",
                "Personal Finance",
                "Short Stories",
            ],
            MtCategory::Reasoning => &[
                "Logic Grid Puzzles",
                "Scheduling & Planning",
                "Riddles & Lateral Thinking",
                "Fermi Estimation",
            ],
            MtCategory::Math => &[
                "Probability Puzzles",
                "Linear Algebra",
                "Calculus & Limits",
                "Number Theory",
                "Geometry Problems",
                "Combinatorics",
            ],
            MtCategory::Coding => &[
                "Rust Ownership & Borrowing",
                "SQL Window Functions",
                "Pandas Data Cleaning",
                "JavaScript Async & Promises",
                "Regular Expressions",
                "Graph Algorithms",
                "Dynamic Programming",
            ],
            MtCategory::Extraction => &[
                "Business Strategy",
                "Personal Finance",
                "Climate & Energy",
                "History Summaries",
            ],
            MtCategory::Stem => &[
                "Climate & Energy",
                "Human Biology",
                "Astronomy & Space",
                "Statistics & Hypothesis Tests",
            ],
            MtCategory::Humanities => &[
                "History Summaries",
                "Ethical Dilemmas",
                "Personal Finance",
                "Business Strategy",
            ],
        }
    }

    /// First-turn templates (`@task@`, `@a@`... as in [`crate::topics::fill`]; `@role@` a persona).
    fn first_turns(self) -> &'static [&'static str] {
        match self {
            MtCategory::Writing => &[
                "Compose a @tone@ piece of writing that helps someone @task@. Mention @a@ and @b@, and keep it under @len@ words.",
                "Draft a short, @tone@ email to a colleague about how we plan to @task@. Refer to the @a@ and ask for feedback on the @b@.",
                "Write a @tone@ blog post introduction about why it matters to @task@, weaving in @a@ and @c@.",
            ],
            MtCategory::Roleplay => &[
                "Pretend you are @role@. A visitor asks you how to @task@. Stay in character and answer, mentioning @a@.",
                "Act as @role@ for the rest of this conversation. Your first question: what do you think about @a@ and @b@?",
                "Imagine you are @role@ giving advice on how to @task@. Speak in the first person and be vivid.",
            ],
            MtCategory::Reasoning => &[
                "@Task@. Think step by step and state your final answer on its own line.",
                "Here is a puzzle: @task@. Explain your reasoning, paying attention to the @a@.",
                "@Task@. Which assumptions about the @a@ and the @b@ does your answer depend on?",
            ],
            MtCategory::Math => &[
                "@Task@. Show your working.",
                "Solve the following problem: @task@. Explain each step involving the @a@.",
                "@Task@, and check your result with the @b@.",
            ],
            MtCategory::Coding => &[
                "Write a program to @task@. Explain how it handles the @a@.",
                "Implement a function to @task@. Keep it efficient and comment the part about the @a@.",
                "I need code to @task@. Please write it and describe the @b@ you rely on.",
            ],
            MtCategory::Extraction => &[
                "Extract every mention of @a@, @b@ and @c@ from the note below and return them as a JSON object, with one key per item.\n\n@note@",
                "Read the following text and list the figures it gives for @a@ and @b@, in the order they appear.\n\n@note@",
                "From the paragraph below, identify the main point about @a@ and any numbers linked to @c@. Answer in one sentence each.\n\n@note@",
            ],
            MtCategory::Stem => &[
                "@Task@. Explain it to a first-year student, covering @a@ and @b@.",
                "In the field of science, how would you @task@? Mention the role of @a@.",
                "@Task@, and give one real-world example involving @c@.",
            ],
            MtCategory::Humanities => &[
                "Discuss how one might @task@, drawing on @a@ and @b@.",
                "@Task@. What are the main arguments on each side regarding @a@?",
                "Provide an overview of how to @task@, with attention to @c@.",
            ],
        }
    }

    /// Second-turn follow-ups.
    fn second_turns(self) -> &'static [&'static str] {
        match self {
            MtCategory::Writing => &[
                "Rewrite your previous response so that every sentence mentions @c@.",
                "Take your previous response and rephrase it as a limerick.",
                "Now critique your own draft and point out two ways to improve it.",
            ],
            MtCategory::Roleplay => &[
                "Still in character, how would you explain @b@ to a ten-year-old?",
                "Great. Now respond to a sceptic who thinks @c@ is a waste of time.",
                "Keep the persona and summarise your advice in three short sentences.",
            ],
            MtCategory::Reasoning => &[
                "Suppose one of the facts about the @b@ changes. Does your answer still hold?",
                "Now explain the same reasoning to someone who has never heard of @c@.",
                "What if there were twice as many items? Update your answer.",
            ],
            MtCategory::Math => &[
                "Now generalise your answer: what happens if every number is doubled?",
                "Can you verify your result in a different way, using the @c@?",
                "What is the answer if the @b@ is removed from the problem?",
            ],
            MtCategory::Coding => &[
                "Can you improve the time complexity and add a test for the @b@ case?",
                "Now rewrite the solution without any external libraries.",
                "How would your code change if the input could be empty or very large?",
            ],
            MtCategory::Extraction => &[
                "Now return the same information as a CSV table with one row per item.",
                "Redo the extraction, but only keep items that mention a number.",
                "Translate your answer into plain English for a manager who skipped the note.",
            ],
            MtCategory::Stem => &[
                "What is a common misconception about @c@, and how would you correct it?",
                "Now rephrase your explanation in two sentences for a ten-year-old.",
                "Which experiment would best demonstrate the role of @a@?",
            ],
            MtCategory::Humanities => &[
                "Write a short essay plan on the same topic for a debate about @c@.",
                "How would a critic of @a@ respond to your overview?",
                "Summarise your answer in a paragraph suitable for a school textbook.",
            ],
        }
    }
}

/// Personas of roleplay questions.
const ROLES: [&str; 8] = [
    "a seasoned ship's captain",
    "a retired detective",
    "a cheerful personal trainer",
    "a strict but fair headteacher",
    "a startup founder pitching to investors",
    "a medieval court jester",
    "a patient financial adviser",
    "a travel guide in Lisbon",
];

/// Sentences of the short notes that extraction questions quote (`@a@`... the cluster terms, `@n@`
/// and `@m@` small numbers).
const NOTE: [&str; 6] = [
    "The quarterly review noted that spending on @a@ rose by @n@ percent, while @b@ stayed flat.",
    "According to the team lead, @c@ will be reviewed again in @m@ weeks.",
    "A survey of @n@0 customers found that @m@ in ten cared most about @a@.",
    "Costs linked to @b@ reached @n@ thousand euros, slightly above the plan.",
    "The board agreed to revisit @c@ once the figures on @a@ are final.",
    "Two analysts disagreed about @b@; the report leaves the question open.",
];

/// Questions per category.
pub const PER_CATEGORY: usize = 10;
/// The first question id, as in FastChat's MT-Bench.
pub const FIRST_ID: u32 = 81;

/// One two-turn question and the topic the answer writer uses.
pub struct MtQuestion {
    pub id: u32,
    pub category: MtCategory,
    pub turns: [String; 2],
    /// The prompt's cluster, terms, length and difficulty for [`crate::markdown::write_answer`]
    /// (its `prompt` is the first turn).
    pub topic: Question,
}

/// The 80 questions, ten per category in [`MtCategory::ALL`] order.
pub fn mt_questions(rng: &mut ChaCha8Rng) -> Vec<MtQuestion> {
    let mut out = Vec::with_capacity(PER_CATEGORY * MtCategory::ALL.len());
    for cat in MtCategory::ALL {
        for _ in 0..PER_CATEGORY {
            let id = FIRST_ID + out.len() as u32;
            out.push(question(rng, cat, id));
        }
    }
    out
}

fn question(rng: &mut ChaCha8Rng, cat: MtCategory, id: u32) -> MtQuestion {
    let name = pick(rng, cat.clusters());
    let cluster = CLUSTERS
        .iter()
        .position(|c| c.name == name)
        .expect("every listed cluster exists");
    let terms: Vec<&'static str> = pick_distinct(rng, CLUSTERS[cluster].terms, 3)
        .into_iter()
        .copied()
        .collect();
    let task = pick(rng, CLUSTERS[cluster].tasks);
    let task = fill_numbers(rng, task);
    let first = pick(rng, cat.first_turns())
        .replace("@role@", pick(rng, &ROLES))
        .replace("@note@", &note(rng, &terms));
    let first = fill(&first, &task, &terms, rng);
    let second = fill(pick(rng, cat.second_turns()), &task, &terms, rng);
    // Harder categories separate models more, as MT-Bench's math and coding questions do.
    let spread = match cat {
        MtCategory::Math | MtCategory::Coding | MtCategory::Reasoning => 0.9 + 0.5 * uniform(rng),
        _ => 0.6 + 0.5 * uniform(rng),
    };
    let length_factor = 0.7 + 0.6 * uniform(rng);
    MtQuestion {
        id,
        category: cat,
        turns: [first.clone(), second],
        topic: Question {
            id: id.to_string(),
            cluster,
            prompt: first,
            terms,
            length_factor,
            spread,
        },
    }
}

/// A three- or four-sentence note in the question's terms.
fn note(rng: &mut ChaCha8Rng, terms: &[&str]) -> String {
    let n = int(rng, 3, 4) as usize;
    let sentences: Vec<String> = pick_distinct(rng, &NOTE, n)
        .into_iter()
        .map(|s| fill_numbers(rng, s))
        .collect();
    let mut text = sentences.join(" ");
    if chance(rng, 0.5) {
        text = format!("Meeting notes: {text}");
    }
    text.replace("@a@", terms[0])
        .replace("@b@", terms[1])
        .replace("@c@", terms[2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    #[test]
    fn eighty_questions_ten_per_category_and_no_placeholders() {
        let qs = mt_questions(&mut stream(9, 1));
        assert_eq!(qs.len(), 80);
        assert_eq!(qs[0].id, 81);
        assert_eq!(qs[79].id, 160);
        for (k, cat) in MtCategory::ALL.iter().enumerate() {
            assert!(qs[k * 10..k * 10 + 10].iter().all(|q| q.category == *cat));
        }
        for q in &qs {
            for t in &q.turns {
                assert!(!t.contains('@'), "{t}");
                assert!(!t.is_empty());
            }
        }
        let refs = qs.iter().filter(|q| q.category.needs_reference()).count();
        assert_eq!(refs, 30);
    }
}
