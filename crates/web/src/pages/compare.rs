//! The compare page: any two models on the same prompt, side by side, with both games' judgments
//! against the baseline; a searchable, filterable prompt list; a paired table of every prompt with
//! a paired bootstrap interval on the difference of the two models' win rates; and the answer
//! statistics (length and markdown per model and category). A model needs answers or verdicts, not
//! both: a model without verdicts under the judge shown (or data with no judgment files at all) is
//! read by its answers, and the filters that need verdicts are disabled with the reason.
//!
//! Everything the page shows is derived from the URL (ViewState extras, see [`key`]) and the loaded
//! data by memos; the only effects are the keyboard listener and the clipboard. Answers, judgments and
//! prompts are untrusted text: they go through the core crate's sanitising markdown renderer or into
//! text nodes, never into markup of their own.

use crate::components::compare::model::{Base, Current, Pair};
use crate::components::compare::{
    answer_pane, answer_stats_view, grades_view, judge_tabs, model_picker, pair_votes_view,
    paired_table, prompt_list, prompt_view, reference_view, step, summary_line, swap_models,
    verdicts_view,
};
use crate::components::method_picker::{use_method, MethodLine, MethodSelect};
use crate::components::share_link::ShareLink;
use crate::data::{DataContext, LoadState, Loaded};
use crate::loader;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::compare::{
    choose_models, choose_prompt, filter_rows, holdings, pair_rows, paired_ci, search_texts,
    verdict_filters, CompareIndex, PairOutcome, PairSummary, PairedCi, PromptFilter,
};
use arena_lens_core::view_state::keys::compare as key;
use arena_lens_core::view_state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::ui::scope as ui_scope;
use crate::ui::Shared;
use arena_lens_core::bootstrap::Purpose;
use arena_lens_core::scope::ScopeRequest;

/// The compare page's view model of its scope (resolved by the core, the one place that decides
/// which bench, judge and baselines a view uses).
fn build_base(loaded: Arc<Loaded>, req: &ScopeRequest) -> Result<Base, String> {
    let ds = &loaded.dataset;
    let s = ui_scope::resolve(ds, req)?;
    let bench = s.bench(ds);
    // No judgment files (answers only, or a battles file): the models are read by their answers.
    let judge = s.judge_id().filter(|_| !bench.judgments.is_empty());
    let judges: Vec<(u32, String)> = s
        .all_judges
        .iter()
        .filter_map(|n| bench.judges.get(n).map(|id| (id, n.clone())))
        .collect();
    // A judged baseline the bench holds no file of is shown by its name only.
    let baseline_label = s
        .judged_baseline
        .clone()
        .filter(|_| s.judged_baseline_id.is_none());
    let index = match judge {
        Some(j) => CompareIndex::new(bench, j, s.judged_baseline_id),
        None => CompareIndex::without_judge(),
    };
    let holdings = holdings(bench, &index);
    if holdings.is_empty() {
        return Err(format!(
            "Bench “{}” has no answers and no judgment files, so there is nothing to compare (a battles file holds only outcomes).",
            bench.name
        ));
    }
    let texts = search_texts(bench);
    Ok(Base {
        bench_name: bench.name.clone(),
        loaded: loaded.clone(),
        judges,
        index,
        holdings,
        baseline_label,
        notes: ui_scope::notes(&s),
        texts,
    })
}

fn filter_of(v: &ViewState) -> PromptFilter {
    let s = |k: &str| v.extra(k).filter(|x| !x.is_empty()).map(str::to_string);
    PromptFilter {
        text: v.extra(key::FIND).unwrap_or("").to_string(),
        category: s(key::CATEGORY),
        cluster: s(key::CLUSTER),
        outcome: v.extra(key::OUTCOME).and_then(PairOutcome::parse),
        disagree: v.extra(key::DISAGREE) == Some("1"),
        upset: v.extra(key::UPSET) == Some("1"),
        ids: v
            .extra(key::IDS)
            .filter(|x| !x.is_empty())
            .map(|x| x.split(',').map(str::to_string).collect()),
    }
}

/// Whether a key press should be left to the element that has focus.
fn typing_target(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        })
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_set_view();

    let inputs = Memo::new(move |_| view.with(|v| ScopeRequest::from_view(v, Purpose::Compare)));
    let base = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        Some(inputs.with(|inp| build_base(loaded, inp).map(|b| Shared(Arc::new(b)))))
    });
    // Votes per model pair, when the scope's bench holds battle rows (a Chatbot Arena log).
    let votes = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        let s = inputs
            .with(|inp| ui_scope::resolve(&loaded.dataset, inp))
            .ok()?;
        let bench = s.bench(&loaded.dataset);
        let v = arena_lens_core::compare::votes::pair_votes(bench);
        (!v.is_empty()).then(|| Shared(Arc::new(v)))
    });
    let wanted_models = Memo::new(move |_| {
        view.with(|v| {
            (
                v.extra(key::A).map(str::to_string),
                v.extra(key::B).map(str::to_string),
            )
        })
    });
    let pair = Memo::new(move |_| {
        let Some(Ok(base)) = base.get() else {
            return None;
        };
        let (wa, wb) = wanted_models.get();
        let bench = base.bench();
        let choice = choose_models(bench, &base.index, wa.as_deref(), wb.as_deref())?;
        let rows = pair_rows(bench, &base.index, choice.a, choice.b);
        let summary = PairSummary::of(&rows);
        let filters_off = verdict_filters(&rows, base.judge_name().as_deref());
        Some(Shared(Arc::new(Pair {
            base: base.clone(),
            a: choice.a,
            b: choice.b,
            notes: choice.notes,
            rows,
            summary,
            filters_off,
        })))
    });
    // With slim data, the full files of the two models shown (answers, and judgments by this judge).
    let wanted_texts = Memo::new(move |_| {
        let p = pair.get()?;
        let lazy = p.base.loaded.lazy.as_ref()?;
        Some(lazy.for_models(
            &p.bench().name,
            &p.base.judge_name().unwrap_or_default(),
            &[p.name(p.a), p.name(p.b)],
        ))
    });
    Effect::new(move |_| {
        let Some(paths) = wanted_texts.get() else {
            return;
        };
        if let Some(p) = pair.get_untracked() {
            if let Some(lazy) = &p.base.loaded.lazy {
                loader::request_texts(ctx, lazy, &paths);
            }
        }
    });
    let texts_progress = move || {
        let paths = wanted_texts.get()?;
        let p = pair.get()?;
        let lazy = p.base.loaded.lazy.as_ref()?;
        let (done, total, bytes_done, bytes_total, failed) =
            ctx.texts.with(|t| t.progress(lazy, &paths));
        (done + failed < total).then(|| {
            let mb = |b: u64| format!("{:.1}", b as f64 / 1e6);
            view! {
                <div class="status texts-progress" role="status" data-testid="texts-progress">
                    <progress max=bytes_total.max(1).to_string() value=bytes_done.to_string()></progress>
                    {format!(
                        " Loading the texts of {} and {}: {done} of {total} files ({} of {} MB). Verdicts and scores are already here.",
                        p.name(p.a), p.name(p.b), mb(bytes_done), mb(bytes_total)
                    )}
                </div>
            }
        })
    };
    let filter = Memo::new(move |_| view.with(filter_of));
    let filtered = Memo::new(move |_| {
        let Some(p) = pair.get() else {
            return Shared(Arc::new(Vec::new()));
        };
        // A link may carry a filter that needs verdicts this pair lacks: it is shown disabled and
        // not applied.
        let f = filter.with(|f| f.usable(&p.filters_off));
        Shared(Arc::new(filter_rows(
            p.bench(),
            &p.rows,
            &p.base.texts,
            &f,
            p.summary.stronger(),
        )))
    });
    let wanted_prompt = Memo::new(move |_| view.with(|v| v.extra(key::PROMPT).map(str::to_string)));
    let chosen = Memo::new(move |_| {
        let Some(p) = pair.get() else {
            return (None, None);
        };
        let f = filtered.get();
        wanted_prompt.with(|w| choose_prompt(p.bench(), &p.rows, &f, w.as_deref()))
    });
    let current = Memo::new(move |_| {
        let p = pair.get()?;
        let row = chosen.with(|c| c.0)?;
        Some(Current { pair: p, row })
    });
    let game = Memo::new(move |_| {
        view.with(|v| match v.extra(key::GAME) {
            Some("2") => 2u8,
            _ => 1u8,
        })
    });
    // The list-less tabs: the paired table, and the answer statistics.
    let tab = Memo::new(move |_| {
        view.with(|v| match v.extra(key::TAB) {
            Some("paired") => "paired",
            Some("stats") => "stats",
            _ => "prompt",
        })
    });
    let paired_tab = Memo::new(move |_| tab.get() != "prompt");
    let method = use_method(Purpose::Compare);
    let ci_inputs = Memo::new(move |_| view.with(|v| v.bootstrap(Purpose::Compare, method.get())));
    let method_line =
        Signal::derive(move || method.get().line(Purpose::Compare, &ci_inputs.get(), false));
    let ci: Memo<Option<PairedCi>> = Memo::new(move |_| {
        let p = pair.get()?;
        let spec = ci_inputs.get();
        paired_ci(&p.rows, spec.rounds(), spec.seed(), spec.level())
    });

    // Keyboard: j/→ next prompt, k/← previous, s swaps A and B, g switches the game.
    {
        let set = set.clone();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_target(&ev) {
                return;
            }
            let Some(p) = pair.get_untracked() else {
                return;
            };
            match ev.key().as_str() {
                "j" | "k" | "ArrowRight" | "ArrowLeft" => {
                    let forward = matches!(ev.key().as_str(), "j" | "ArrowRight");
                    let list = filtered.get_untracked();
                    // Nothing to move through: leave the key to the browser.
                    if list.is_empty() {
                        return;
                    }
                    step(&p, &list, chosen.get_untracked().0, forward, &set);
                }
                "s" => swap_models(&p, &set),
                "g" => {
                    let g = if game.get_untracked() == 1 { "2" } else { "1" };
                    set(&|s| s.set_extra(key::GAME, Some(g.into())));
                }
                _ => return,
            }
            ev.prevent_default();
        });
        on_cleanup(move || handle.remove());
    }

    // A new prompt starts at the top of every pane (the panes are patched in place, so they would
    // keep the last prompt's scroll), and the list keeps the current prompt in sight.
    Effect::new(move |_| {
        let row = current.with(|c| c.as_ref().map(|c| c.row));
        if row.is_none() {
            return;
        }
        request_animation_frame(move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            if let Ok(panes) = doc.query_selector_all(".compare .answer-body, .compare .detail .md")
            {
                for i in 0..panes.length() {
                    if let Some(el) = panes
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        el.set_scroll_top(0);
                    }
                }
            }
            let list = doc.query_selector("ol.prompt-list").ok().flatten();
            let item = doc
                .query_selector("ol.prompt-list li.current")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let (Some(list), Some(item)) = (list, item) {
                let (top, height) = (item.offset_top(), item.offset_height());
                let (view_top, view_height) = (list.scroll_top(), list.client_height());
                if top < view_top {
                    list.set_scroll_top(top);
                } else if top + height > view_top + view_height {
                    list.set_scroll_top(top + height - view_height);
                }
            }
        });
    });

    let notes = move || {
        let mut notes: Vec<String> = Vec::new();
        if let Some(Ok(b)) = base.get() {
            notes.extend(b.notes.iter().cloned());
        }
        if let Some(p) = pair.get() {
            notes.extend(p.notes.iter().cloned());
        }
        if let Some(n) = chosen.get().1 {
            notes.push(n);
        }
        (!notes.is_empty()).then(|| {
            view! {
                <div class="status note" role="status" data-testid="note">
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };

    let body = {
        let set = set.clone();
        move || {
            let b = match base.get() {
                None => {
                    let failed = ctx.state.with(|s| matches!(s, LoadState::Failed(_)));
                    let text = if failed {
                        "The data did not load (see the message above), so there is nothing to compare."
                    } else {
                        "Waiting for the data…"
                    };
                    return view! { <p class="hint" data-testid="compare-waiting">{text}</p> }
                        .into_any();
                }
                Some(Err(e)) => {
                    // A battle log without conversations: nothing to read side by side, but the votes.
                    if let Some(v) = votes.get() {
                        return view! {
                            <p class="hint" data-testid="compare-votes-only">"This data holds votes, not conversations: the votes per model pair are below."</p>
                            {pair_votes_view(v.0.clone(), None)}
                        }.into_any();
                    }
                    return view! { <div class="status error" role="alert" data-testid="compare-error">{e}</div> }.into_any();
                }
                Some(Ok(b)) => b,
            };
            if pair.with(Option::is_none) {
                return view! { <div class="status error" role="alert" data-testid="compare-error">{format!("Bench “{}” has no model to compare.", b.bench_name)}</div> }.into_any();
            }
            let set = set.clone();
            view! {
                {model_picker(pair, set.clone())}
                {judge_tabs(b.clone(), set.clone())}
                {summary_line(pair, ci)}
                <div class="tabs" role="tablist" aria-label="View">
                    {
                        let set1 = set.clone();
                        let set2 = set.clone();
                        let set3 = set.clone();
                        view! {
                            <button type="button" role="tab" class="tab" data-testid="tab-prompt"
                                aria-selected=move || (tab.get() == "prompt").to_string()
                                on:click=move |_| set1(&|s| s.set_extra(key::TAB, None))>"Prompt by prompt"</button>
                            <button type="button" role="tab" class="tab" data-testid="tab-paired"
                                aria-selected=move || (tab.get() == "paired").to_string()
                                on:click=move |_| set2(&|s| { s.set_extra(key::TAB, Some("paired".into())); s.set_extra(key::PAGE, None); })>"Paired table (all prompts)"</button>
                            <button type="button" role="tab" class="tab" data-testid="tab-stats"
                                aria-selected=move || (tab.get() == "stats").to_string()
                                on:click=move |_| set3(&|s| { s.set_extra(key::TAB, Some("stats".into())); s.set_extra(key::PAGE, None); })>"Answer statistics"</button>
                        }
                    }
                </div>
                <div class="compare-grid" class:paired=move || paired_tab.get()>
                    {prompt_list(pair, filter, filtered, chosen, paired_tab, set.clone())}
                    <div class="detail">
                        {
                            let set = set.clone();
                            move || if tab.get() == "paired" {
                                paired_table(pair, filtered, set.clone()).into_any()
                            } else if tab.get() == "stats" {
                                answer_stats_view(pair, filtered).into_any()
                            } else {
                                let set = set.clone();
                                view! {
                                    {
                                        let set = set.clone();
                                        move || current.get().map(|c| prompt_view(c, filtered, set.clone()))
                                    }
                                    <div class="answers" class:single=move || pair.with(|p| p.as_ref().is_some_and(|p| p.single()))>
                                        {move || current.get().map(|c| answer_pane(c.clone(), true))}
                                        {move || current.get().filter(|c| !c.pair.single()).map(|c| answer_pane(c.clone(), false))}
                                    </div>
                                    {move || current.get().map(reference_view)}
                                    {move || current.get().map(grades_view)}
                                    {
                                        let set = set.clone();
                                        move || current.get().map(|c| verdicts_view(c, game, set.clone()))
                                    }
                                    {move || current.get().is_none().then(|| view! { <p class="hint">"No prompt to show."</p> })}
                                }.into_any()
                            }
                        }
                    </div>
                </div>
                <p class="hint keys">"Keys: j or → next prompt · k or ← previous · s swap A and B · g switch game"</p>
                {move || votes.get().map(|v| {
                    let chosen = pair.get().map(|p| (p.name(p.a), p.name(p.b)));
                    pair_votes_view(v.0.clone(), chosen)
                })}
            }
            .into_any()
        }
    };

    view! {
        <div class="page compare">
            <div class="toolbar">
                <h1>"Compare"</h1>
                <MethodSelect purpose=Purpose::Compare />
                <ShareLink />
            </div>
            <MethodLine text=method_line testid="compare-method" />
            {notes}
            {texts_progress}
            {body}
        </div>
    }
}
