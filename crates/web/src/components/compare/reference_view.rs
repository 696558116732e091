//! The reference answers a judge was shown for the prompt on screen (MT-Bench's math, reasoning and
//! coding questions are judged against GPT-4's answers). Shown apart from the two models' answers:
//! a reference is never a model of the leaderboard.

use super::model::Current;
use crate::components::markdown::Markdown;
use leptos::prelude::*;

/// The prompt's reference answers, turn by turn; nothing when the data has none for it.
pub fn reference_view(c: Current) -> impl IntoView {
    let bench = c.pair.bench();
    let prompt = c.pair.rows[c.row].prompt;
    let refs: Vec<_> = bench
        .references
        .iter()
        .filter(|r| r.prompt == prompt)
        .cloned()
        .collect();
    (!refs.is_empty()).then(|| {
        view! {
            <section class="reference-box" data-testid="reference-answers">
                <h2>"Reference answer"</h2>
                {refs.into_iter().map(|r| {
                    let multi = r.turns.len() > 1;
                    let source = r.source.clone();
                    view! {
                        <article class="reference" data-testid="reference-answer" data-source=source.clone()>
                            <p class="hint">{format!("From {source}; the judge was shown it as the correct answer.")}</p>
                            {r.turns.into_iter().enumerate().map(|(i, t)| view! {
                                {multi.then(|| view! { <h3 class="turn">{format!("Reference, turn {}", i + 1)}</h3> })}
                                <Markdown text=t scroll_label=format!("Reference answer from {source}, turn {}", i + 1) />
                            }).collect_view()}
                        </article>
                    }
                }).collect_view()}
            </section>
        }
    })
}
