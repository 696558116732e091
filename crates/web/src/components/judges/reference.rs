//! Agreement with a published leaderboard: a CSV (Arena-Hard's, or a model/Elo table) from a file
//! the user picks or from a URL kept in the link (`jref`), compared with each judge's leaderboard over
//! the models both name. The file never leaves the browser; only the URL travels with a shared link.

use super::format::{corr_text, num};
use crate::loader::{fetch_text, resolve};
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::judges::agreement::{self, Agreement, AgreementOptions, Scored};
use arena_lens_core::judges::paper_measures::{AGREEMENT_SOURCE, BRIER_SOURCE};
use arena_lens_core::judges::reference::{self, ReferenceBoard};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// URL key of the reference leaderboard's address.
pub const REF_KEY: &str = arena_lens_core::view_state::keys::judges::REFERENCE;

/// One judge's comparison with the reference, or why it failed.
type PerJudge = (String, Result<Agreement, String>);

/// One judge's leaderboard as the comparison needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct JudgeBoard {
    pub judge: String,
    pub rows: Vec<Scored>,
}

/// The definitions shown above the comparison: the notebook's rules, in words.
pub fn reference_definition() -> String {
    format!(
        "Load a CSV (Arena-Hard's model,score,rating_q025,rating_q975,CI,avg_tokens,date, or a model/Elo table). Over the models both name: Spearman and Kendall rank correlations. Agreement with confidence ({AGREEMENT_SOURCE}): over the pairs the reference separates (its intervals do not overlap; a table without bounds separates every pair it does not tie), 1 when we order the pair the same way, 0.5 when our intervals overlap, 0 when we order it the other way; order is that of the (lower, upper) intervals, as in the notebook. Brier score ({BRIER_SOURCE}): over all pairs, mean of (label − p)², p = Φ((mean_b − mean_a) / √(var_a + var_b)) our probability that a scores below b, from the mean and variance of our bootstrap win rates, label 1 when the reference's score of a is below b's; only the reference's point scores are used (lower is better, 0.25 is a coin flip)."
    )
}

fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

#[component]
pub fn JudgesReference(boards: Vec<JudgeBoard>, level: f64, seed: u64) -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();
    let url = Memo::new(move |_| view.with(|v| v.extra(REF_KEY).map(str::to_string)));
    // A picked file wins over the URL until the URL changes; it is not in the link (it is local).
    let local: RwSignal<Option<(String, Result<String, String>)>> = RwSignal::new(None);
    let fetched = LocalResource::new(move || {
        let u = url.get();
        async move {
            match u {
                None => None,
                Some(u) => {
                    let r = match resolve(&u, &document_base()) {
                        Ok(abs) => fetch_text(&abs).await,
                        Err(e) => Err(e),
                    };
                    Some((u, r))
                }
            }
        }
    });
    let source = Memo::new(move |_| {
        local
            .get()
            .map(|(name, r)| (format!("file {name} (local, not in the link)"), r))
            .or_else(|| fetched.get().flatten())
            .or_else(|| url.get().map(|u| (u, Err("loading…".to_string()))))
    });
    let parsed: Memo<Option<(String, Result<ReferenceBoard, String>)>> = Memo::new(move |_| {
        source.get().map(|(from, text)| {
            let board = text.and_then(|t| reference::parse(&t).map_err(|e| e.to_string()));
            (from, board)
        })
    });
    let opts = AgreementOptions {
        ours_level: level,
        rounds: 1000,
        seed,
        level,
    };
    let results: Memo<Option<Vec<PerJudge>>> = Memo::new(move |_| {
        parsed.with(|p| {
            let (_, Ok(board)) = p.as_ref()? else {
                return None;
            };
            let theirs: Vec<Scored> = board.rows.iter().map(Scored::from).collect();
            Some(
                boards
                    .iter()
                    .map(|b| {
                        let g =
                            agreement::compare(&b.rows, &theirs, &opts).map_err(|e| e.to_string());
                        (b.judge.clone(), g)
                    })
                    .collect(),
            )
        })
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("target").unchecked_into();
        let Some(file) = input.files().and_then(|l| l.item(0)) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .map(|v| v.as_string().unwrap_or_default())
                .map_err(|_| format!("{name}: could not be read"));
            local.set(Some((name, text)));
        });
    };
    let set_url = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev).trim().to_string();
        local.set(None);
        set(&|s| s.set_extra(REF_KEY, (!v.is_empty()).then(|| v.clone())));
    };
    let body = move || {
        let (from, board) = parsed.get()?;
        let board = match board {
            Ok(b) => b,
            Err(e) => {
                return Some(view! { <p class="status error" role="alert" data-testid="reference-error">{format!("{from}: {e}")}</p> }.into_any());
            }
        };
        let rows = results.get().unwrap_or_default();
        let first_shared = rows
            .iter()
            .find_map(|(_, g)| g.as_ref().ok().map(|g| g.n_shared))
            .unwrap_or(0);
        Some(view! {
            <p class="hint">{format!("{from}: {} models ({:?} table){}", board.rows.len(), board.kind,
                if board.issues.is_empty() { String::new() } else { format!(", {} lines skipped", board.issues.len()) })}</p>
            <div class="table-wrap" tabindex="0">
                <table class="board" data-testid="reference-agreement" data-shared=first_shared.to_string()>
                    <thead><tr>
                        <th scope="col">"Judge"</th>
                        <th scope="col" class="num">"Shared models"</th>
                        <th scope="col" class="num">"Spearman [CI]"</th>
                        <th scope="col" class="num">"Kendall [CI]"</th>
                        <th scope="col" class="num">"Agreement with confidence"</th>
                        <th scope="col" class="num">"Brier"</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(judge, g)| match g {
                            Ok(g) => view! {
                                <tr data-judge=judge.clone() data-shared=g.n_shared.to_string()
                                    data-spearman=g.spearman.as_ref().map(|c| c.estimate.to_string()).unwrap_or_default()
                                    data-kendall=g.kendall.as_ref().map(|c| c.estimate.to_string()).unwrap_or_default()
                                    data-agreement=g.agreement_with_confidence.map(|x| x.to_string()).unwrap_or_default()
                                    data-agreement-pairs=g.confidence.pairs.to_string()
                                    data-brier=g.brier.map(|x| x.to_string()).unwrap_or_default()
                                    data-brier-pairs=g.brier_score.pairs.to_string()>
                                    <th scope="row">{judge.clone()}</th>
                                    <td class="num">{format!("{} of ours, {} only here, {} only there", g.n_shared, g.only_ours.len(), g.only_reference.len())}</td>
                                    <td class="num">{corr_text(&g.spearman)}</td>
                                    <td class="num">{corr_text(&g.kendall)}</td>
                                    <td class="num">{format!("{} over the {} pairs the reference separates ({} same order, {} overlapping here, {} reversed)", num(g.agreement_with_confidence, 3), g.confidence.pairs, g.confidence.same_order, g.confidence.ours_overlap, g.confidence.reversed)}</td>
                                    <td class="num" title=g.brier_score.note.clone()>{format!("{} ({} pairs{})", num(g.brier, 4), g.brier_score.pairs,
                                        if g.brier_score.from_samples == g.n_shared { String::new() } else { format!("; {} models without bootstrap samples: normal approximation from their bounds", g.n_shared - g.brier_score.from_samples) })}</td>
                                </tr>
                            }.into_any(),
                            Err(e) => view! { <tr data-judge=judge.clone()><th scope="row">{judge.clone()}</th><td colspan="5">{e}</td></tr> }.into_any(),
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint">{format!("Computed over the shared models only (the {first_shared} models both leaderboards name); ranks are recomputed among them. Correlation intervals resample models.")}</p>
        }.into_any())
    };
    view! {
        <div class="controls reference-controls">
            <label class="field">
                <span>"Reference CSV file"</span>
                <input type="file" accept=".csv,text/csv" data-testid="reference-file" on:change=on_file />
            </label>
            <label class="field wide">
                <span>"…or its URL (kept in the link)"</span>
                <input type="url" data-testid="reference-url" placeholder="https://…/leaderboard.csv"
                    prop:value=move || url.get().unwrap_or_default() on:change=set_url />
            </label>
        </div>
        {body}
    }
}
