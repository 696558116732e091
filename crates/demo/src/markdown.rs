//! Writes one model's markdown answer to one prompt.
//!
//! An answer is an intro, then blocks (paragraphs, ordered or unordered lists, a table, fenced code
//! for coding prompts, a draft for writing prompts) until it reaches a target word count, then a
//! closing line. The model's [`Style`] decides how much structure it uses: a terse model writes a
//! couple of plain paragraphs, a "heavy" model writes a titled, sectioned answer with bold lead-ins.
//! Sentences come from per-category banks filled with the prompt's own terms, so answers to
//! prompts of one cluster read alike.
//!
//! The writer keeps a tally of every heading, list item and bold pair it emits; tests check that
//! tally against [`crate::metadata::count`], which re-counts from the text the way Arena-Hard does.

use rand_chacha::ChaCha8Rng;

use crate::code::{self, capitalize};
use crate::metadata::{word_count, MarkdownCounts};
use crate::models::Style;
use crate::rng::{chance, int, pick};
use crate::topics::{Category, Question};

/// A generated answer and the structure the writer put in it.
pub struct Answer {
    pub text: String,
    /// Only tests read it: the files carry counts re-derived from `text`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub tally: MarkdownCounts,
}

const GENERIC: &[&str] = &[
    "The key idea is that @a@ and @b@ work together, so it pays to look at both.",
    "A common mistake is to treat @a@ as an afterthought.",
    "It helps to separate @a@ from @b@ before going further.",
    "Start with @a@, then check how @b@ changes the picture.",
    "In practice, @a@ matters more than most people expect.",
    "If something looks off, revisit your assumptions about @b@.",
    "This keeps @a@ simple and makes @b@ easier to reason about.",
    "Keep in mind that @a@ depends on the context you are in.",
];

const CODING: &[&str] = &[
    "Call `@id@` once per item and keep the @a@ logic in one place.",
    "The error usually comes from @a@: the tooling cannot prove what you intended.",
    "Write a small test around `@id@` before refactoring the @b@ code.",
    "If performance matters, measure first, because @b@ is rarely the real bottleneck.",
    "The idiomatic version avoids global state and makes @a@ explicit.",
    "Handle the empty case first, then the general case.",
    "Naming things after the @a@ they represent makes the code easier to review.",
    "Avoid clever one-liners here; a clear loop around `@id@` is easier to debug.",
];

const MATH: &[&str] = &[
    "Write the @a@ in terms of the @b@ and simplify step by step.",
    "Plugging in the numbers gives a value of @n@/@m@ in lowest terms.",
    "The @a@ is the quantity that makes the argument work.",
    "Check the result on a small case, for example with @m@ instead of @n@.",
    "By symmetry both cases contribute equally, so we can double one of them.",
    "So the final answer is @n@/@m@, which matches the estimate from before.",
    "Note that the @b@ cannot be negative, which rules out the second root.",
];

const WRITING: &[&str] = &[
    "Open with a concrete detail so the @a@ feels personal rather than generic.",
    "Keep the @a@ consistent with the @b@ from start to finish.",
    "Short sentences give the @b@ more energy.",
    "End with a clear @c@ so the reader knows what happens next.",
    "Read it aloud once; awkward rhythm is easier to hear than to see.",
    "Cut any line that does not serve the @a@.",
];

/// Lines of the "draft" that writing answers contain.
const DRAFT: &[&str] = &[
    "Every @a@ has a moment when the @b@ finally makes sense.",
    "The light was fading, and the @a@ seemed closer than ever.",
    "I am writing because the @a@ matters to me, and I can bring real @b@ to it.",
    "Thank you for your time; I look forward to hearing about the @c@.",
    "We kept the @a@ simple, honest and easy to remember.",
    "Somewhere between the @b@ and the @c@, the story found its voice.",
    "It is not the @a@ we remember, but the people who shared it.",
];

const REASONING: &[&str] = &[
    "List the @a@ first, then eliminate the options that break a constraint.",
    "Assume the opposite and see which @b@ fails.",
    "The @a@ is the hidden lever here; once it is fixed, the rest follows.",
    "A quick sanity check on the @b@ confirms the result is in the right range.",
    "Weigh the short-term and long-term consequences separately.",
    "Each step only uses facts established in the previous one.",
];

const KNOWLEDGE: &[&str] = &[
    "@A@ is closely tied to @b@, which is why the two are often discussed together.",
    "Researchers usually describe @a@ in terms of energy, balance and time.",
    "A simple analogy: think of @a@ as a budget that @b@ draws from.",
    "The details vary, but the broad picture of @a@ is well established.",
    "One concrete example makes @b@ much easier to picture.",
    "Over the long run, small changes in @a@ add up.",
];

const SECTIONS: &[&str] = &[
    "Overview",
    "Key Ideas",
    "Step-by-Step",
    "Example",
    "Details",
    "Common Pitfalls",
    "Why @A@ Matters",
    "@A@ and @B@",
    "Putting It Together",
    "Approach",
    "Things to Check",
];

const TITLES: &[&str] = &[
    "A Guide to @A@",
    "@A@ Explained",
    "Working With @A@ and @B@",
];
const LEADS: &[&str] = &["Tip:", "Note:", "In short:", "Key point:"];
const STRENGTHS: &[&str] = &[
    "simple to apply",
    "fast in practice",
    "easy to explain",
    "flexible",
    "well understood",
];
const CAUTIONS: &[&str] = &[
    "edge cases",
    "extra setup",
    "hidden costs",
    "harder to test",
    "needs clear naming",
];

fn bank(cat: Category) -> &'static [&'static str] {
    match cat {
        Category::Coding => CODING,
        Category::Math => MATH,
        Category::Writing => WRITING,
        Category::Reasoning => REASONING,
        Category::Knowledge => KNOWLEDGE,
    }
}

struct Writer<'a> {
    rng: &'a mut ChaCha8Rng,
    q: &'a Question,
    style: Style,
    out: String,
    words: usize,
    tally: MarkdownCounts,
    /// Sentence templates already used, so an answer does not repeat itself.
    used: Vec<&'static str>,
}

impl Writer<'_> {
    fn push_block(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(block.trim_end_matches('\n'));
        self.words += word_count(block);
    }

    /// Fills `@a@ @b@ @c@ @A@ @B@ @id@ @n@ @m@` from the prompt's terms (in a random rotation).
    fn fill(&mut self, template: &str) -> String {
        let t = &self.q.terms;
        let r = int(self.rng, 0, t.len() as u32 - 1) as usize;
        let (a, b, c) = (t[r], t[(r + 1) % t.len()], t[(r + 2) % t.len()]);
        let mut s = template
            .replace("@A@", &capitalize(a))
            .replace("@B@", &capitalize(b))
            .replace("@a@", a)
            .replace("@b@", b)
            .replace("@c@", c);
        if s.contains("@id@") {
            s = s.replace("@id@", &code::snake(a));
        }
        if s.contains("@n@") || s.contains("@m@") {
            s = s
                .replace("@n@", &int(self.rng, 2, 12).to_string())
                .replace("@m@", &int(self.rng, 2, 12).to_string());
        }
        s
    }

    fn sentence(&mut self) -> String {
        let pool = if chance(self.rng, 0.7) {
            bank(self.q.category())
        } else {
            GENERIC
        };
        // Prefer an unused template; once the pool is exhausted (long answers), allow repeats.
        let fresh: Vec<&'static str> = pool
            .iter()
            .copied()
            .filter(|t| !self.used.contains(t))
            .collect();
        let t = if fresh.is_empty() {
            pick(self.rng, pool)
        } else {
            pick(self.rng, &fresh)
        };
        self.used.push(t);
        self.fill(t)
    }

    fn sentences(&mut self, lo: u32, hi: u32) -> String {
        let n = int(self.rng, lo, hi);
        (0..n)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `**x**` (or `__x__`), tallied. Text with the marker's own character would not form a pair
    /// under the reference pattern, so it falls back to a neutral label.
    fn bold(&mut self, text: &str) -> String {
        let m = self.style.bold_marker;
        let mark = m.as_bytes()[0] as char;
        let text = if text.contains(mark) || text.contains('\n') {
            "Key point"
        } else {
            text
        };
        if m == "__" {
            self.tally.bold_under += 1;
        } else {
            self.tally.bold_star += 1;
        }
        format!("{m}{text}{m}")
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.tally.headers[level - 1] += 1;
        let block = format!("{} {}", "#".repeat(level), text);
        self.push_block(&block);
    }

    fn paragraph(&mut self) {
        let mut p = self.sentences(2, 4);
        if chance(self.rng, self.style.bold * 0.5) {
            let label = pick(self.rng, LEADS);
            let lead = self.bold(label);
            p = format!("{lead} {p}");
        }
        self.push_block(&p);
    }

    fn list(&mut self, ordered: bool) {
        let n = int(self.rng, 3, 5);
        let mut lines = Vec::new();
        for i in 0..n {
            let mut item = self.sentence();
            if chance(self.rng, self.style.bold) {
                let term = self.q.terms[i as usize % self.q.terms.len()];
                let lead = self.bold(&capitalize(term));
                item = format!("{lead}: {item}");
            }
            if ordered {
                self.tally.ordered += 1;
                lines.push(format!("{}. {item}", i + 1));
            } else {
                self.tally.unordered += 1;
                lines.push(format!("{} {item}", self.style.bullet));
            }
            if self.style.nested && chance(self.rng, 0.3) {
                self.tally.unordered += 1;
                let sub = self.sentence();
                let indent = if ordered { "   " } else { "  " };
                lines.push(format!("{indent}{} {sub}", self.style.bullet));
            }
        }
        self.push_block(&lines.join("\n"));
    }

    fn table(&mut self) {
        let mut rows = vec![
            "| Option | Strength | Watch out for |".to_string(),
            "|---|---|---|".to_string(),
        ];
        for term in self.q.terms.clone() {
            let s = pick(self.rng, STRENGTHS);
            let c = pick(self.rng, CAUTIONS);
            rows.push(format!("| {} | {s} | {c} |", capitalize(term)));
        }
        self.push_block(&rows.join("\n"));
    }

    fn code(&mut self) {
        if let Some(lang) = self.q.cluster().lang {
            let intro = pick(
                self.rng,
                &[
                    "Here is a minimal example:",
                    "A working version:",
                    "For example:",
                ],
            );
            self.push_block(intro);
            let term = self.q.terms[0];
            let block = code::fenced(self.rng, lang, term);
            self.push_block(&block);
        }
    }

    fn draft(&mut self) {
        let n = int(self.rng, 2, 5);
        let lines: Vec<String> = (0..n)
            .map(|_| {
                let t = pick(self.rng, DRAFT);
                self.fill(t)
            })
            .collect();
        self.push_block("Here is a draft:");
        self.push_block(&lines.join("\n"));
    }

    /// One body block, chosen by the style and the prompt's category.
    fn block(&mut self, tables_left: &mut u32) {
        let cat = self.q.category();
        if *tables_left > 0 && chance(self.rng, self.style.tables) {
            *tables_left -= 1;
            self.table();
        } else if chance(self.rng, self.style.lists) {
            let ordered_bias = match cat {
                Category::Coding | Category::Math | Category::Reasoning => 0.6,
                _ => 0.25,
            };
            let ordered = chance(self.rng, ordered_bias);
            self.list(ordered);
        } else {
            self.paragraph();
        }
    }
}

/// Writes an answer of roughly `target` words (it stops at the first block past the target).
pub fn write_answer(rng: &mut ChaCha8Rng, q: &Question, style: Style, target: usize) -> Answer {
    let mut w = Writer {
        rng,
        q,
        style,
        out: String::new(),
        words: 0,
        tally: MarkdownCounts::default(),
        used: Vec::new(),
    };
    let sectioned = chance(w.rng, style.headings);
    if sectioned && style.title {
        let t = pick(w.rng, TITLES);
        let title = w.fill(t);
        w.heading(1, &title);
    }
    let intro = if target < 100 {
        w.sentences(1, 1)
    } else {
        w.sentences(1, 2)
    };
    w.push_block(&intro);
    match q.category() {
        Category::Coding => w.code(),
        Category::Writing => w.draft(),
        _ => {}
    }
    let mut tables_left = 1;
    let mut used_sections: Vec<&str> = Vec::new();
    let mut extra_code = q.category() == Category::Coding && target > 250;
    while w.words < target {
        if sectioned {
            let name = pick(w.rng, SECTIONS);
            if !used_sections.contains(&name) {
                used_sections.push(name);
                let title = w.fill(name);
                w.heading(style.heading_level, &title);
            }
        }
        w.block(&mut tables_left);
        if sectioned && style.heading_level == 2 && w.words < target && chance(w.rng, 0.3) {
            let sub = capitalize(q.terms[int(w.rng, 0, 2) as usize]);
            w.heading(3, &sub);
            w.block(&mut tables_left);
        }
        if extra_code && w.words < target {
            extra_code = false;
            w.code();
        }
    }
    // Only longer answers get a closing line (short ones would be mostly boilerplate).
    if target >= 100 {
        if sectioned {
            w.heading(style.heading_level, "Summary");
        }
        let close = w.sentence();
        let close = if !sectioned && chance(w.rng, style.bold) {
            let lead = w.bold("Summary:");
            format!("{lead} {close}")
        } else {
            format!("In summary: {close}")
        };
        w.push_block(&close);
    }
    Answer {
        text: w.out,
        tally: w.tally,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::count;
    use crate::models::roster;
    use crate::rng::stream;
    use crate::topics::questions;

    #[test]
    fn tally_matches_reference_count() {
        let qs = questions(
            &mut stream(11, 1),
            &mut stream(11, 2),
            crate::topics::QUESTION_COUNT,
        );
        let mut rng = stream(11, 3);
        let mut seen_under = false;
        for m in roster() {
            for q in qs.iter().step_by(7) {
                let a = write_answer(&mut rng, q, m.style, 200);
                assert_eq!(a.tally, count(&a.text), "{}\n{}", m.name, a.text);
                seen_under |= a.tally.bold_under > 0;
            }
        }
        assert!(seen_under, "some model should use __bold__");
    }

    #[test]
    fn length_tracks_target() {
        let qs = questions(
            &mut stream(12, 1),
            &mut stream(12, 2),
            crate::topics::QUESTION_COUNT,
        );
        let mut rng = stream(12, 3);
        for m in roster() {
            for target in [40usize, 150, 600] {
                let mut over = 0;
                let sample: Vec<&Question> = qs.iter().step_by(25).collect();
                for q in &sample {
                    let a = write_answer(&mut rng, q, m.style, target);
                    let w = word_count(&a.text);
                    // It finishes the block it is in (a long list can be ~90 words) and may add
                    // a closing line, but never stops short.
                    assert!(
                        w >= target && w <= target + 160,
                        "{} target {target} got {w}",
                        m.name
                    );
                    over += w - target;
                }
                let mean_over = over / sample.len();
                assert!(
                    mean_over < 70,
                    "{} target {target}: mean overshoot {mean_over}",
                    m.name
                );
            }
        }
    }
}
