//! The prompt on screen: all its turns, rendered, with where it is in the list and previous / next
//! buttons.

use super::model::{Current, Filtered, Pair};
use crate::components::markdown::Markdown;
use crate::ui::SetView;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// Moves to the next or previous prompt of the filtered list.
pub fn step(
    pair: &Pair,
    list: &[usize],
    current: Option<usize>,
    forward: bool,
    set: &impl SetView,
) {
    if list.is_empty() {
        return;
    }
    let pos = current.and_then(|c| list.iter().position(|&i| i == c));
    let next = match (pos, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(list.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let id = pair.bench().prompts[pair.rows[list[next]].prompt as usize]
        .id
        .to_string();
    set(&|s| {
        s.set_extra(key::PROMPT, Some(id.clone()));
        s.set_extra(key::PAGE, None);
    });
}

/// The prompt: all its turns, rendered, with previous / next buttons.
pub fn prompt_view(c: Current, filtered: Filtered, set: impl SetView) -> impl IntoView {
    let p = c.pair.clone();
    let row = &p.rows[c.row];
    let bench = p.bench();
    let prompt = &bench.prompts[row.prompt as usize];
    let mut turns: Vec<String> = vec![prompt.text.clone()];
    turns.extend(prompt.later_turns.iter().cloned());
    if turns.len() == 1 {
        // v2.0 keeps later user turns in the answers' `messages`.
        let later = [p.a, p.b]
            .iter()
            .filter_map(|&m| bench.answer(m, row.prompt))
            .map(|a| a.later_user_turns.clone())
            .find(|t| !t.is_empty());
        if let Some(t) = later {
            turns.extend(t);
        }
    }
    let multi = turns.len() > 1;
    let position = filtered.with_untracked(|l| l.iter().position(|&i| i == c.row));
    let count = filtered.with_untracked(|l| l.len());
    let where_text = match position {
        Some(i) => format!("Prompt {} of {} listed", i + 1, count),
        None => "Prompt (not in the filtered list)".to_string(),
    };
    let nav = |forward: bool| {
        let set = set.clone();
        let p = p.clone();
        let cur = c.row;
        move |_| {
            let list = filtered.get_untracked();
            step(&p, &list, Some(cur), forward, &set);
        }
    };
    let meta = [
        prompt.category.to_string(),
        prompt.subcategory.to_string(),
        prompt.cluster.to_string(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <section class="prompt-box" data-testid="prompt" data-question-id=prompt.id.to_string()>
            <header class="prompt-head">
                <div class="where">
                    <strong>{where_text}</strong>
                    " "<code class="qid">{prompt.id.to_string()}</code>
                    <span class="meta">{meta}</span>
                    // The prompt's quality by the seven criteria, where the data tags it.
                    {prompt.criteria.map(|c| {
                        let met: Vec<&str> = c.list().iter().map(|k| k.label()).collect();
                        let title = if met.is_empty() { "no criterion met".to_string() } else { met.join(", ") };
                        view! {
                            <span class="meta" data-testid="prompt-criteria" data-score=c.score() title=title.clone()>
                                {format!(" · quality {}/7{}", c.score(), if c.is_hard() { " (hard prompt)" } else { "" })}
                            </span>
                        }
                    })}
                </div>
                <div class="nav-buttons">
                    <button type="button" class="button secondary" data-testid="prev-prompt" title="Previous prompt (k or ←)" on:click=nav(false)>"← Prev"</button>
                    <button type="button" class="button secondary" data-testid="next-prompt" title="Next prompt (j or →)" on:click=nav(true)>"Next →"</button>
                </div>
            </header>
            {if prompt.text.is_empty() && !multi {
                view! { <p class="hint">"No question text for this prompt: its id appears only in answers or judgments."</p> }.into_any()
            } else {
                turns.into_iter().enumerate().map(|(i, t)| view! {
                    {multi.then(|| view! { <h2 class="turn">{format!("User, turn {}", i + 1)}</h2> })}
                    <Markdown text=t scroll_label=format!("Prompt, turn {}", i + 1) />
                }).collect_view().into_any()
            }}
        </section>
    }
}
