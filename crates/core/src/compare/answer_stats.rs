//! Answer statistics per model: how long its answers are (tokens, characters) and how much markdown
//! they carry (headers, list items, bold), over any set of prompts and per category. Where there are
//! no verdicts this is what there is to compare: which model answers longest, per category.
//!
//! Each statistic is a mean over the answers that have it, and says over how many: token counts come
//! from `token_len`, markdown counts from the answer file's own metadata (`conv_metadata` in v0.1,
//! `metadata` in v2.0; they are not recounted from the text), characters from the text of every
//! assistant turn (a slim copy has no text, so no characters until the full file is read).

use crate::bench::Bench;
use std::collections::BTreeMap;

/// A mean over the answers that have the value.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mean {
    /// Answers with the value.
    pub n: usize,
    pub sum: f64,
}

impl Mean {
    fn add(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
    }

    /// The mean, or `None` when no answer has the value.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }
}

/// One model's answers over a set of prompts.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerStats {
    pub model: u32,
    /// Prompts of the set the model answered.
    pub answers: usize,
    pub tokens: Mean,
    pub chars: Mean,
    pub headers: Mean,
    pub lists: Mean,
    pub bold: Mean,
}

/// The statistics of `model`'s answers to `prompts` (ids into `bench.prompts`).
pub fn answer_stats(bench: &Bench, model: u32, prompts: &[u32]) -> AnswerStats {
    let mut s = AnswerStats {
        model,
        answers: 0,
        tokens: Mean::default(),
        chars: Mean::default(),
        headers: Mean::default(),
        lists: Mean::default(),
        bold: Mean::default(),
    };
    for &p in prompts {
        let Some(a) = bench.answer(model, p) else {
            continue;
        };
        s.answers += 1;
        if let Some(t) = a.tokens {
            s.tokens.add(t);
        }
        let chars = a.text.chars().count()
            + a.later_turns
                .iter()
                .map(|t| t.chars().count())
                .sum::<usize>();
        if chars > 0 {
            s.chars.add(chars as f64);
        }
        if let Some(st) = a.style {
            s.headers.add(st.headers);
            s.lists.add(st.lists);
            s.bold.add(st.bold);
        }
    }
    s
}

/// Every model's statistics over `prompts`, longest answers (mean tokens, then characters) first;
/// models without an answer there are left out.
pub fn stats_table(bench: &Bench, models: &[u32], prompts: &[u32]) -> Vec<AnswerStats> {
    let mut v: Vec<AnswerStats> = models
        .iter()
        .map(|&m| answer_stats(bench, m, prompts))
        .filter(|s| s.answers > 0)
        .collect();
    let key = |s: &AnswerStats| {
        (
            s.tokens.mean().unwrap_or(-1.0),
            s.chars.mean().unwrap_or(-1.0),
        )
    };
    v.sort_by(|x, y| {
        key(y)
            .partial_cmp(&key(x))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| bench.models.name(x.model).cmp(bench.models.name(y.model)))
    });
    v
}

/// The prompts of each category (by name; a prompt without one is under ""), in bench order.
pub fn prompts_by_category(bench: &Bench) -> BTreeMap<String, Vec<u32>> {
    let mut m: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, p) in bench.prompts.iter().enumerate() {
        m.entry(p.category.to_string()).or_default().push(i as u32);
    }
    m
}

/// `model`'s statistics over every prompt (category `None`) and then per category, by name.
pub fn stats_by_category(bench: &Bench, model: u32) -> Vec<(Option<String>, AnswerStats)> {
    let all: Vec<u32> = (0..bench.prompts.len() as u32).collect();
    std::iter::once((None, answer_stats(bench, model, &all)))
        .chain(
            prompts_by_category(bench)
                .into_iter()
                .map(|(c, ps)| (Some(c), answer_stats(bench, model, &ps))),
        )
        .collect()
}
