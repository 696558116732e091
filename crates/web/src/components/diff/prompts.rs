//! The chosen model's changed prompts: both runs' game-1 and game-2 labels and the shift, largest
//! first. Each row links to the compare page on that prompt, once per run, so both judges' texts
//! are a click away (run 2's link carries run 2's data when it is another data set).

use crate::url_state::ViewSetter;
use arena_lens_core::diff::prompts::PromptChange;
use arena_lens_core::view_state::{keys, ViewState};
use leptos::prelude::*;

/// Rows shown at first, and added by "Show more".
pub const PAGE: usize = 25;

/// Where each run's compare link goes: its data URL (`None`: run 1's), its judge and the model the
/// verdicts are against.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareTarget {
    pub data: Option<String>,
    pub judge: Option<String>,
    pub baseline: Option<String>,
}

fn compare_href(base: &ViewState, t: &CompareTarget, c: &PromptChange, same_data: bool) -> String {
    let mut v = ViewState {
        data: if same_data {
            base.data.clone()
        } else {
            t.data.clone()
        },
        bench: Some(c.bench.clone()),
        seed: base.seed,
        ..ViewState::default()
    };
    v.set_extra(keys::PAGE, Some(keys::page::COMPARE.into()));
    v.set_extra(keys::compare::PROMPT, Some(c.prompt.clone()));
    v.set_extra(keys::compare::A, Some(c.model.clone()));
    if let Some(b) = &t.baseline {
        v.set_extra(keys::compare::B, Some(b.clone()));
    }
    if let Some(j) = &t.judge {
        v.set_extra(keys::compare::JUDGE, Some(j.clone()));
    }
    crate::url_state::href(&v.to_query())
}

/// A prompt id cut to 12 characters (hash-like ids are long; the full id is in the title).
fn short(id: &str) -> String {
    if id.chars().count() > 14 {
        format!("{}…", id.chars().take(12).collect::<String>())
    } else {
        id.to_string()
    }
}

fn label(l: &Option<String>) -> String {
    l.clone().unwrap_or_else(|| "–".into())
}

#[component]
pub fn PromptChanges(
    model: String,
    changes: Vec<PromptChange>,
    view_state: ViewState,
    run_1: CompareTarget,
    run_2: CompareTarget,
    /// How many rows to show (the link's `dshow`).
    shown: usize,
    set: ViewSetter,
) -> impl IntoView {
    let n = changes.len();
    let same2 = run_2.data.is_none();
    let more = (n > shown).then(|| {
        let next = (shown + PAGE).min(n);
        view! {
            <button type="button" class="button" data-testid="prompt-changes-more"
                on:click=move |_| set.update(|v| v.set_extra(keys::diff::SHOW, Some(next.to_string())))>
                {format!("Show {} more (of {n})", next - shown)}
            </button>
        }
    });
    let shown_n = shown.min(n);
    let shown: Vec<PromptChange> = changes.into_iter().take(shown).collect();
    let rows = shown
        .into_iter()
        .map(|c| {
            let h1 = compare_href(&view_state, &run_1, &c, true);
            let h2 = compare_href(&view_state, &run_2, &c, same2);
            view! {
                <tr data-testid="prompt-change" data-prompt=c.prompt.clone() data-shift=format!("{:?}", c.shift)>
                    <th scope="row" class="prompt-id" title=c.prompt.clone()>
                        <code>{short(&c.prompt)}</code>
                        <span class="links">
                            "open: "<a href=h1 data-testid="prompt-compare-1">"run 1"</a>" · "
                            <a href=h2 data-testid="prompt-compare-2">"run 2"</a>
                        </span>
                    </th>
                    <td class="labels">{label(&c.run_1[0])}" · "{label(&c.run_1[1])}</td>
                    <td class="labels">{label(&c.run_2[0])}" · "{label(&c.run_2[1])}</td>
                    <td class="num">{format!("{:+.1}", c.shift)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div data-testid="prompt-changes" data-model=model.clone()>
            <p class="def">{format!("{n} prompt(s) whose verdicts on {model} changed{}, the ones that move its score most first. Labels: game 1 · game 2, as the judge wrote them (game 1 shows the baseline as A). Shift: the change in the model's net wins on the prompt, in battle rows (a strong verdict counts its weight).", if n > shown_n { format!("; {shown_n} shown") } else { String::new() })}</p>
            {(n > 0).then(|| view! {
                <div class="table-wrap">
                    <table class="board diff-prompts">
                        <caption class="visually-hidden">"Changed prompts"</caption>
                        <thead><tr>
                            <th scope="col">"Prompt (compare page)"</th>
                            <th scope="col">"Run 1"</th>
                            <th scope="col">"Run 2"</th>
                            <th scope="col" class="num">"Shift"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
            {more}
        </div>
    }
}
