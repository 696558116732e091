//! The scoring method, on every page: a labelled select that writes `method` to the URL, and the
//! method line under it. The select shows the method the page's numbers use, which the core's scope
//! resolver decides (the one asked for, else the data's own: v2.0 data opens with v2.0's); the
//! component asks the resolver itself, so no page threads the method through.

use crate::data::{DataContext, LoadState};
use crate::url_state::{use_view_setter, use_view_state};
use arena_lens_core::bench::Layout;
use arena_lens_core::method::Method;
use arena_lens_core::scope::{self, Purpose, ScopeRequest};
use arena_lens_core::view_state::keys;
use leptos::prelude::*;

/// The method a page's numbers use, as the scope resolver decides it; before the data is loaded (or
/// when the scope cannot be resolved), the one the link asks for, else the default.
pub fn use_method(purpose: Purpose) -> Memo<Method> {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let req = Memo::new(move |_| view.with(|v| ScopeRequest::from_view(v, purpose)));
    Memo::new(move |_| {
        let asked = req.with(|r| r.method);
        ctx.state.with(|s| match s {
            LoadState::Ready(l) => req
                .with(|r| scope::resolve(&l.dataset, r).ok())
                .map(|s| s.method)
                .or(asked)
                .unwrap_or_default(),
            _ => asked.unwrap_or_default(),
        })
    })
}

/// How a method is named in the select.
fn label(m: Method) -> &'static str {
    match m {
        Method::ArenaLens => "arena-lens (prompt bootstrap)",
        Method::ShowResultV01 => "show_result.py v0.1 (exact)",
        Method::ArenaHardV20 => "arena-hard-auto v2.0 (exact)",
        Method::ChatbotArena => "Chatbot Arena Elo (FastChat)",
        Method::ArenaRank => "arena-rank (LMArena)",
        Method::MtBench => "MT-Bench (FastChat)",
        Method::AlpacaEval => "AlpacaEval 2",
        Method::WildBench => "WildBench",
    }
}

/// The layout of the bench a page's view uses (the scope resolver's choice), `None` before the data
/// is loaded or when the scope cannot be resolved.
fn use_layout(purpose: Purpose) -> Memo<Option<Layout>> {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    Memo::new(move |_| {
        let req = view.with(|v| ScopeRequest::from_view(v, purpose));
        ctx.state.with(|s| match s {
            LoadState::Ready(l) => scope::resolve(&l.dataset, &req)
                .ok()
                .and_then(|s| l.dataset.benches.get(&s.bench).map(|b| b.layout)),
            _ => None,
        })
    })
}

/// The select; `purpose` is the page's, for the resolver. It offers the methods that apply to the
/// bench's layout (`Method::applies_to`), plus the current one.
#[component]
pub fn MethodSelect(purpose: Purpose) -> impl IntoView {
    let set = use_view_setter();
    let current = use_method(purpose);
    let layout = use_layout(purpose);
    let offered = Memo::new(move |_| {
        let now = current.get();
        let layout = layout.get();
        Method::ALL
            .into_iter()
            .filter(|&m| m == now || layout.is_none_or(|l| m.applies_to(l)))
            .collect::<Vec<Method>>()
    });
    let describe = move || current.get().summary();
    view! {
        <label class="field method-field" title=describe>
            <span>"Method"</span>
            <select data-testid="method-select" on:change=move |ev| {
                let v = event_target_value(&ev);
                set.update(|s| {
                    s.apply(keys::METHOD, &v);
                })
            }>
                {move || offered.get().into_iter().map(|m| view! {
                    <option value=m.as_str() selected=move || current.get() == m>{label(m)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The method line: which method computed the page's numbers, its source, and how its intervals
/// were drawn (the core's `Method::line`, plus what the page adds).
#[component]
pub fn MethodLine(#[prop(into)] text: Signal<String>, testid: &'static str) -> impl IntoView {
    view! { <p class="method" data-testid=testid>{move || text.get()}</p> }
}
