//! The prompt list: search and filters, the match count, and (on the prompt tab) the paged list of
//! prompts with both models' marks. The filters that read verdicts are disabled, with the reason,
//! when the pair lacks the verdicts they need (a model without verdicts, or no judgment files).

use super::marks;
use super::model::{Chosen, Filtered, PairMemo, PAGE};
use crate::ui::format::snippet;
use crate::ui::pager::{self, PagerSpec};
use crate::ui::SetView;
use crate::url_state::use_view_state;
use arena_lens_core::compare::PromptFilter;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// The filters, the match count, and (on the prompt tab) the paged list.
pub fn prompt_list(
    pair: PairMemo,
    filter: Memo<PromptFilter>,
    filtered: Filtered,
    chosen: Chosen,
    paired_tab: Memo<bool>,
    set: impl SetView,
) -> impl IntoView {
    let view = use_view_state();
    let set_find = set.clone();
    let extra_setter = |k: &'static str| {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|s| {
                s.set_extra(k, (!v.is_empty()).then(|| v.clone()));
                s.set_extra(key::PAGE, None);
            })
        }
    };
    let check_setter = |k: &'static str| {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            set(&|s| {
                s.set_extra(k, on.then(|| "1".to_string()));
                s.set_extra(key::PAGE, None);
            })
        }
    };
    let (set_cat, set_cluster, set_outcome) = (
        extra_setter(key::CATEGORY),
        extra_setter(key::CLUSTER),
        extra_setter(key::OUTCOME),
    );
    let (set_disagree, set_upset) = (check_setter(key::DISAGREE), check_setter(key::UPSET));
    let outcome_off = move || pair.with(|p| p.as_ref().and_then(|p| p.filters_off.outcome.clone()));
    let disagree_off =
        move || pair.with(|p| p.as_ref().and_then(|p| p.filters_off.disagree.clone()));
    let off_reasons = move || {
        let mut r: Vec<String> = Vec::new();
        match (outcome_off(), disagree_off()) {
            (Some(o), Some(d)) if o == d => {
                r.push(format!("Outcome, games disagree and upsets are off: {o}"))
            }
            (o, d) => {
                if let Some(o) = o {
                    r.push(format!("Outcome and upsets are off: {o}"));
                }
                if let Some(d) = d {
                    r.push(format!("Games disagree is off: {d}"));
                }
            }
        }
        (!r.is_empty()).then(|| {
            view! { <p class="hint filters-off" data-testid="filters-off">{r.join(" ")}</p> }
        })
    };

    let group_selects = move || {
        let p = pair.get()?;
        let bench = p.bench();
        let mut cats: Vec<String> = p
            .rows
            .iter()
            .map(|r| bench.prompts[r.prompt as usize].category.to_string())
            .collect();
        cats.sort();
        cats.dedup();
        let mut clusters: Vec<String> = p
            .rows
            .iter()
            .map(|r| bench.prompts[r.prompt as usize].cluster.to_string())
            .collect();
        clusters.sort();
        clusters.dedup();
        let f = filter.get_untracked();
        let select = |label: &'static str,
                      testid: &'static str,
                      values: Vec<String>,
                      current: Option<String>,
                      on: Box<dyn Fn(leptos::ev::Event)>| {
            (values.len() > 1).then(|| view! {
                <label class="field">
                    <span>{label}</span>
                    <select data-testid=testid on:change=on>
                        <option value="" selected=current.is_none()>"All"</option>
                        {values.into_iter().map(|v| {
                            let sel = current.as_ref() == Some(&v);
                            view! { <option value=v.clone() selected=sel>{if v.is_empty() { "(none)".to_string() } else { v.clone() }}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })
        };
        Some(view! {
            {select("Category", "filter-category", cats, f.category.clone(), Box::new(set_cat.clone()))}
            {select("Cluster", "filter-cluster", clusters, f.cluster.clone(), Box::new(set_cluster.clone()))}
        })
    };

    let page_now = move || -> (usize, usize) {
        let list = filtered.get();
        let pages = list.len().div_ceil(PAGE).max(1);
        let explicit = view.with(|v| v.extra(key::PAGE).and_then(|p| p.parse::<usize>().ok()));
        let page = match explicit {
            Some(p) => p.saturating_sub(1),
            None => chosen
                .get()
                .0
                .and_then(|c| list.iter().position(|&i| i == c))
                .map_or(0, |pos| pos / PAGE),
        };
        (page.min(pages - 1), pages)
    };

    let items = {
        let set = set.clone();
        move || {
            let p = pair.get()?;
            let list = filtered.get();
            let (page, _) = page_now();
            let current = chosen.get().0;
            let bench = p.bench();
            // Without a judge there are no games to mark.
            let judged = p.base.index.judge.is_some();
            Some(
                list.iter()
                    .skip(page * PAGE)
                    .take(PAGE)
                    .map(|&i| {
                        let row = &p.rows[i];
                        let prompt = &bench.prompts[row.prompt as usize];
                        let id = prompt.id.to_string();
                        let set = set.clone();
                        let is_current = Some(i) == current;
                        let text = if prompt.text.is_empty() {
                            "(no question text)".to_string()
                        } else {
                            snippet(&prompt.text, 110)
                        };
                        let (ma, mb) = (marks(&row.a), marks(&row.b));
                        let cluster = prompt.cluster.to_string();
                        let open = {
                            let id = id.clone();
                            move |_| {
                                set(&|s| s.set_extra(key::PROMPT, Some(id.clone())));
                            }
                        };
                        view! {
                            <li data-question-id=id.clone() class:current=is_current>
                                <button type="button" class="prompt-item" aria-current=is_current.then_some("true") on:click=open>
                                    <span class="n">{format!("{}", i + 1)}</span>
                                    <span class="text">{text}</span>
                                    <span class="meta">
                                        {judged.then(|| view! {
                                            <span class="marks" title="Model A's games 1 and 2 vs the baseline (W win, T tie, L loss)">"A "{ma}</span>
                                            <span class="marks" title="Model B's games 1 and 2 vs the baseline">"B "{mb}</span>
                                        })}
                                        <span class="cluster">{cluster}</span>
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view(),
            )
        }
    };

    let pager = {
        let set = set.clone();
        move || {
            let (page, pages) = page_now();
            pager::pager(
                PagerSpec {
                    page,
                    pages,
                    key: key::PAGE,
                    testid: "pager",
                    label_testid: Some("page"),
                },
                set.clone(),
            )
        }
    };

    // A group of prompts linked from the clusters page, with a way out of it.
    let ids_chip = {
        let set = set.clone();
        move || {
            let n = filter.with(|f| f.ids.as_ref().map(|i| i.len()))?;
            let name = view.with(|v| v.extra(key::IDS_NAME).unwrap_or("a group").to_string());
            let set = set.clone();
            Some(view! {
                <p class="ids-chip" data-testid="ids-filter">
                    {format!("Only the {n} prompts of “{name}”. ")}
                    <button type="button" class="link" on:click=move |_| set(&|s| {
                        s.set_extra(key::IDS, None);
                        s.set_extra(key::IDS_NAME, None);
                        s.set_extra(key::PAGE, None);
                    })>"Show all"</button>
                </p>
            })
        }
    };
    view! {
        <aside class="prompt-side" aria-label="Prompts">
            <div class="filters" data-testid="filters">
                <label class="field search">
                    <span>"Search prompts"</span>
                    <input type="search" data-testid="search" placeholder="words from the prompt, or its id"
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            set_find(&|s| {
                                s.set_extra(key::FIND, (!v.is_empty()).then(|| v.clone()));
                                s.set_extra(key::PAGE, None);
                            })
                        } />
                </label>
                {group_selects}
                {ids_chip}
                <label class="field" title=move || outcome_off().unwrap_or_default()>
                    <span>"Outcome"</span>
                    <select data-testid="filter-outcome" on:change=set_outcome disabled=move || outcome_off().is_some()>
                        {[("", "Any"), ("a", "A beat B"), ("b", "B beat A"), ("tie", "Even (same score)")].into_iter().map(|(v, label)| {
                            view! { <option value=v selected=move || outcome_off().is_none() && filter.with(|f| f.outcome.map_or("", |o| o.as_str()) == v) || outcome_off().is_some() && v.is_empty()>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="check" class:disabled=move || disagree_off().is_some()
                    title=move || disagree_off().unwrap_or_else(|| "After mirroring game 2, the two games give a different result (win, tie or loss) for model A or model B: a position flip.".into())>
                    <input type="checkbox" data-testid="filter-disagree" disabled=move || disagree_off().is_some()
                        prop:checked=move || disagree_off().is_none() && filter.with(|f| f.disagree) on:change=set_disagree />
                    "Games disagree"
                </label>
                <label class="check" class:disabled=move || outcome_off().is_some()
                    title=move || outcome_off().unwrap_or_else(|| "The model with the higher overall win rate scored at least ½ lower than the other on this prompt.".into())>
                    <input type="checkbox" data-testid="filter-upset" disabled=move || outcome_off().is_some()
                        prop:checked=move || outcome_off().is_none() && filter.with(|f| f.upset) on:change=set_upset />
                    "Upsets"
                </label>
                {off_reasons}
            </div>
            <p class="count" data-testid="match-count" aria-live="polite">
                {move || pair.get().map(|p| format!("{} of {} prompts", filtered.with(|l| l.len()), p.rows.len()))}
            </p>
            {move || (!paired_tab.get()).then(|| {
                let items = items.clone();
                let pager = pager.clone();
                view! {
                    <ol class="prompt-list" data-testid="prompt-list">{items}</ol>
                    {pager}
                }
            })}
        </aside>
    }
}
