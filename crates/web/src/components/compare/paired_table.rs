//! The paired table: every listed prompt with both models' verdicts and scores, sortable by how much
//! A and B differ, paged.

use super::model::{Filtered, PairMemo, PAGE};
use super::{result_letter, score_text};
use crate::components::export_menu::{ExportMenu, Exportable};
use crate::components::method_picker::use_method;
use crate::ui::format::snippet;
use crate::ui::pager::{self, PagerSpec};
use crate::ui::SetView;
use crate::url_state::use_view_state;
use arena_lens_core::bootstrap::Purpose;
use arena_lens_core::compare::ModelOnPrompt;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// Every listed prompt with both models' verdicts, sortable by disagreement.
pub fn paired_table(pair: PairMemo, filtered: Filtered, set: impl SetView) -> impl IntoView {
    let view = use_view_state();
    let method = use_method(Purpose::Compare);
    move || {
        let p = pair.get()?;
        let bench = p.bench();
        let by_diff = view.with(|v| v.extra(key::PAIRED_SORT) == Some("diff"));
        let mut list: Vec<usize> = filtered.get().to_vec();
        if by_diff {
            let d = |i: usize| p.rows[i].diff().map(f64::abs).unwrap_or(-1.0);
            list.sort_by(|&x, &y| {
                d(y).partial_cmp(&d(x))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(x.cmp(&y))
            });
        }
        // The export holds every listed row in the table's order, not only this page's.
        let export = {
            let (p, list) = (p.clone(), list.clone());
            Exportable::table(move || {
                let rows: Vec<_> = list.iter().map(|&i| p.rows[i].clone()).collect();
                let h =
                    view.with_untracked(|v| super::export::header(&p, method.get_untracked(), v));
                let (a, b) = (p.name(p.a), p.name(p.b));
                Some(arena_lens_core::export::compare::paired(
                    p.bench(),
                    &rows,
                    h,
                    &a,
                    &b,
                ))
            })
        };
        let pages = list.len().div_ceil(PAGE).max(1);
        let page = view
            .with(|v| v.extra(key::PAGE).and_then(|x| x.parse::<usize>().ok()))
            .unwrap_or(1)
            .clamp(1, pages)
            - 1;
        let (a, b) = (p.name(p.a), p.name(p.b));
        let cell = |mp: &ModelOnPrompt, g: u8| {
            let (text, class) = if mp.is_baseline {
                ("baseline".to_string(), "none")
            } else {
                match mp.game(g) {
                    Some(v) => (
                        format!("{} {}", v.verdict.label(), result_letter(v.result)),
                        v.result.as_str(),
                    ),
                    None if mp.judgment.is_some() => ("?".into(), "none"),
                    None => ("–".into(), "none"),
                }
            };
            view! { <td class=format!("game {class}")>{text}</td> }
        };
        let sort_toggle = {
            let set = set.clone();
            move |_| {
                set(&|s| {
                    s.set_extra(key::PAIRED_SORT, (!by_diff).then(|| "diff".into()));
                    s.set_extra(key::PAGE, None);
                })
            }
        };
        let rows = list
            .iter()
            .skip(page * PAGE)
            .take(PAGE)
            .map(|&i| {
                let r = &p.rows[i];
                let prompt = &bench.prompts[r.prompt as usize];
                let id = prompt.id.to_string();
                let set = set.clone();
                let open = {
                    let id = id.clone();
                    move |_| {
                        set(&|s| {
                            s.set_extra(key::PROMPT, Some(id.clone()));
                            s.set_extra(key::TAB, None);
                            s.set_extra(key::PAGE, None);
                        })
                    }
                };
                let diff = r.diff();
                view! {
                    <tr data-question-id=id.clone() data-diff=diff.map(|d| d.to_string()).unwrap_or_default()
                        class:disagree=r.games_disagree()>
                        <td class="num">{i + 1}</td>
                        <th class="prompt-cell" scope="row">
                            <button type="button" class="linkish" title="Open this prompt" on:click=open>
                                {if prompt.text.is_empty() { id.clone() } else { snippet(&prompt.text, 70) }}
                            </button>
                        </th>
                        {cell(&r.a, 1)}
                        {cell(&r.a, 2)}
                        <td class="num">{score_text(r.a.score())}</td>
                        {cell(&r.b, 1)}
                        {cell(&r.b, 2)}
                        <td class="num">{score_text(r.b.score())}</td>
                        <td class="num strong">{diff.map_or("–".into(), |d| format!("{d:+.2}"))}</td>
                    </tr>
                }
            })
            .collect_view();
        let pager = pager::pager(
            PagerSpec {
                page,
                pages,
                key: key::PAGE,
                testid: "paired-pager",
                label_testid: None,
            },
            set.clone(),
        );
        Some(view! {
            <section class="paired" data-testid="paired-view">
                <p class="hint">"Each model's verdicts against the baseline, from the model's side (W win, T tie, L loss); a prompt's score is the mean of its games. Click a prompt to open it."</p>
                <div class="table-tools">
                    <ExportMenu what=export name="paired" label="paired table" testid="paired-export" />
                </div>
                <div class="table-wrap">
                    <table class="board paired-table" data-testid="paired">
                        <thead>
                            <tr>
                                <th class="num">"#"</th>
                                <th>"Prompt"</th>
                                <th>"A game 1"</th>
                                <th>"A game 2"</th>
                                <th class="num" title=a.clone()>"A score"</th>
                                <th>"B game 1"</th>
                                <th>"B game 2"</th>
                                <th class="num" title=b.clone()>"B score"</th>
                                <th class="num" aria-sort=if by_diff { "descending" } else { "none" }>
                                    <button type="button" class="sort" data-sort="diff" on:click=sort_toggle
                                        title="Sort by disagreement between A and B">
                                        {if by_diff { "A − B ▼" } else { "A − B ⇅" }}
                                    </button>
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {pager}
            </section>
        })
    }
}
