//! One model's answer to the prompt in its own scrolling pane, with its token, style and character
//! counts. With slim data the text comes from the model's full file, fetched on demand.

use super::model::Current;
use crate::components::markdown::Markdown;
use crate::data::DataContext;
use crate::texts::Lookup;
use crate::ui::format::thousands;
use arena_lens_core::bench::Answer;
use leptos::prelude::*;

/// Token, style and character counts; `chars` is `None` while the text is still loading.
fn counts_text(a: &Answer, chars: Option<usize>) -> String {
    let mut parts = Vec::new();
    match a.tokens {
        Some(t) => parts.push(format!("{} tokens", thousands(t))),
        None => parts.push("no token count".into()),
    }
    if let Some(s) = a.style {
        let count = |n: f64, one: &str, many: &str| {
            format!("{} {}", thousands(n), if n == 1.0 { one } else { many })
        };
        parts.push(count(s.headers, "header", "headers"));
        parts.push(count(s.lists, "list item", "list items"));
        parts.push(format!("{} bold", thousands(s.bold)));
    }
    if let Some(n) = chars {
        parts.push(format!("{} characters", thousands(n as f64)));
    }
    parts.join(" · ")
}

/// Model A's or B's answer, in its own scrolling pane.
pub fn answer_pane(c: Current, side_a: bool) -> impl IntoView {
    let p = c.pair.clone();
    let row = &p.rows[c.row];
    let model = if side_a { p.a } else { p.b };
    let name = p.name(model);
    let bench = p.bench();
    let slim = bench.answer(model, row.prompt);
    let full = expect_context::<DataContext>().texts.with(|t| {
        t.answer(
            p.base.loaded.lazy.as_ref(),
            &bench.name,
            &name,
            &bench.prompts[row.prompt as usize].id,
        )
    });
    let is_base = if side_a {
        row.a.is_baseline
    } else {
        row.b.is_baseline
    };
    let side = if side_a { "A" } else { "B" };
    let model_attr = name.clone();
    let title = name.clone();
    let (answer, pending) = match full {
        Lookup::NotLazy => (slim.cloned(), None),
        Lookup::Found(a) => (Some(a), None),
        // The slim copy still has the counts; only the text is missing.
        Lookup::Absent => (slim.cloned(), None),
        Lookup::Loading => (
            slim.cloned(),
            Some(view! { <p class="hint loading" data-testid="text-loading">"Loading the answer text…"</p> }.into_any()),
        ),
        Lookup::Failed(e) => (
            slim.cloned(),
            Some(view! { <p class="status error" role="alert">{format!("The answer text did not load: {e}")}</p> }.into_any()),
        ),
    };
    let counts = answer
        .as_ref()
        .map(|a| counts_text(a, pending.is_none().then(|| a.text.chars().count())));
    let body = match (answer, pending) {
        (_, Some(pending)) => pending,
        (Some(a), None) => {
            let mut turns = vec![a.text.clone()];
            turns.extend(a.later_turns.iter().cloned());
            let multi = turns.len() > 1;
            turns
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    view! {
                        {multi.then(|| view! { <h2 class="turn">{format!("Assistant, turn {}", i + 1)}</h2> })}
                        <Markdown text=t />
                    }
                })
                .collect_view()
                .into_any()
        }
        (None, None) => {
            // A model known only from judgment files (the Korean set has four) has no answer file.
            let text = if p.base.holding(model).is_some_and(|h| h.answers == 0) {
                format!("No answer file for {name} in this data.")
            } else {
                "No answer from this model to this prompt in the data.".to_string()
            };
            view! { <p class="hint" data-testid="no-answer">{text}</p> }.into_any()
        }
    };
    view! {
        <article class="answer" data-testid=if side_a { "answer-a" } else { "answer-b" } data-model=model_attr>
            <header class="answer-head">
                <span class="side">{side}</span>
                <strong class="model-name">{title}</strong>
                {is_base.then(|| view! { <span class="tag">"baseline"</span> })}
                <span class="counts" data-testid="counts">{counts}</span>
            </header>
            <div class="answer-body" tabindex="0" aria-label=format!("Answer of model {side}")>{body}</div>
        </article>
    }
}
