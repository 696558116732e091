//! Single-grade judgments of models A and B on the prompt on screen: MT-Bench's `<judge>_single`
//! rows (a 1-10 grade per turn) and WildBench's score mode (a grade with the judge's strengths and
//! weaknesses). Each grade with its judge, turn and the judge's text.

use super::model::Current;
use crate::components::markdown::Markdown;
use arena_lens_core::grade::Grade;
use leptos::prelude::*;

/// A grade's score as printed ("7 / 10"), or why there is none.
fn score_text(g: &Grade) -> String {
    match g.score {
        Some(s) => format!("{} / 10", trim(s)),
        None => "no grade (the judge's rating could not be read)".into(),
    }
}

/// A number without trailing zeros.
fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The grades of A and B on the prompt, A first then by turn; nothing when there are none.
pub fn grades_view(c: Current) -> impl IntoView {
    let p = c.pair.clone();
    let bench = p.bench();
    let prompt = p.rows[c.row].prompt;
    let sides: Vec<(u32, &'static str)> = if p.single() {
        vec![(p.a, "A")]
    } else {
        vec![(p.a, "A"), (p.b, "B")]
    };
    let mut grades: Vec<(&'static str, &Grade)> = sides
        .iter()
        .flat_map(|&(m, side)| {
            bench
                .grades
                .iter()
                .filter(move |g| g.prompt == prompt && g.model == m)
                .map(move |g| (side, g))
        })
        .collect();
    grades.sort_by_key(|(side, g)| (*side, g.turn, g.judge));
    if grades.is_empty() {
        return None;
    }
    let items = grades
        .into_iter()
        .map(|(side, g)| {
            let model = bench.models.name(g.model).to_string();
            let judge = bench.judges.name(g.judge).to_string();
            let prompt_name = (!g.judge_prompt.is_empty()).then(|| format!(" ({})", g.judge_prompt));
            let head = format!("{side} · {model} · turn {} · judge {judge}", g.turn);
            let text = g.judgment.clone();
            view! {
                <article class="grade" data-testid="grade" data-model=model.clone() data-turn=g.turn.to_string()
                    data-score=g.score.map(|s| s.to_string()).unwrap_or_default()>
                    <p class="grade-head"><strong>{score_text(g)}</strong>" — "{head}{prompt_name}</p>
                    {if text.is_empty() {
                        view! { <p class="hint">"No judge text in the data for this grade."</p> }.into_any()
                    } else {
                        view! { <Markdown text=text testid="grade-text" scroll_label=format!("Judge's text, {model}, turn {}", g.turn) /> }.into_any()
                    }}
                </article>
            }
        })
        .collect_view();
    Some(view! {
        <section class="grades-box" data-testid="grades">
            <h2>"Single-answer grades"</h2>
            {items}
        </section>
    })
}
