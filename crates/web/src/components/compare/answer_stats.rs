//! The answer statistics tab: how long each model answers (tokens, characters) and how much markdown
//! it uses, over the prompts the list shows (so the category, cluster and search filters pick the
//! slice), and A against B per category. What there is to compare where there are no verdicts.

use super::model::{Filtered, PairMemo};
use crate::components::export_menu::{ExportMenu, Exportable};
use crate::components::method_picker::use_method;
use crate::ui::format::thousands;
use crate::url_state::use_view_state;
use arena_lens_core::bootstrap::Purpose;
use arena_lens_core::compare::{answer_stats, prompts_by_category, stats_table, AnswerStats, Mean};
use leptos::prelude::*;

/// A mean with one decimal (none for counts of whole tokens and characters), or "–".
fn mean_text(m: &Mean, decimals: usize) -> String {
    match m.mean() {
        Some(v) if decimals == 0 => thousands(v.round()),
        Some(v) => format!("{v:.decimals$}"),
        None => "–".into(),
    }
}

/// One row of the table: a model's statistics, marked when it is A or B.
fn stats_row(name: String, side: Option<&'static str>, s: &AnswerStats) -> impl IntoView {
    let label = name.clone();
    view! {
        <tr data-model=name class:current=side.is_some()>
            <th scope="row">{side.map(|x| view! { <span class="side">{x}</span>" " })}{label}</th>
            <td class="num">{s.answers}</td>
            <td class="num">{mean_text(&s.tokens, 0)}</td>
            <td class="num">{mean_text(&s.chars, 0)}</td>
            <td class="num">{mean_text(&s.headers, 1)}</td>
            <td class="num">{mean_text(&s.lists, 1)}</td>
            <td class="num">{mean_text(&s.bold, 1)}</td>
        </tr>
    }
}

/// Every model with answers over the listed prompts, longest first; then A and B per category.
pub fn answer_stats_view(pair: PairMemo, filtered: Filtered) -> impl IntoView {
    let method = use_method(Purpose::Compare);
    let view = use_view_state();
    move || {
        let p = pair.get()?;
        let bench = p.bench();
        let prompts: Vec<u32> = filtered.with(|l| l.iter().map(|&i| p.rows[i].prompt).collect());
        let models: Vec<u32> = p
            .base
            .holdings
            .iter()
            .filter(|h| h.answers > 0)
            .map(|h| h.model)
            .collect();
        let table = stats_table(bench, &models, &prompts);
        let side = |m: u32| {
            if m == p.a {
                Some("A")
            } else if m == p.b {
                Some("B")
            } else {
                None
            }
        };
        let rows = table
            .iter()
            .map(|s| stats_row(p.name(s.model), side(s.model), s))
            .collect_view();
        let export = {
            let (p, table) = (p.clone(), table.clone());
            Exportable::table(move || {
                let h =
                    view.with_untracked(|v| super::export::header(&p, method.get_untracked(), v));
                Some(arena_lens_core::export::compare::answer_stats(
                    p.bench(),
                    &table,
                    h,
                ))
            })
        };
        let no_text = table.iter().any(|s| s.answers > 0 && s.chars.n == 0);
        let cats = prompts_by_category(bench);
        let per_cat = (cats.len() > 1).then(|| {
            let sides: Vec<u32> = if p.single() { vec![p.a] } else { vec![p.a, p.b] };
            let head = sides
                .iter()
                .map(|&m| {
                    view! { <th class="num" scope="col">{format!("{} tokens", side(m).unwrap_or(""))}</th> }
                })
                .collect_view();
            let body = cats
                .iter()
                .map(|(c, ps)| {
                    let cells = sides
                        .iter()
                        .map(|&m| {
                            let s = answer_stats(bench, m, ps);
                            view! { <td class="num">{mean_text(&s.tokens, 0)}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr data-category=c.clone()>
                            <th scope="row">{if c.is_empty() { "(no category)".to_string() } else { c.clone() }}</th>
                            <td class="num">{ps.len()}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h2>"Mean tokens per category"</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Mean tokens per category">
                    <table class="board" data-testid="answer-stats-categories">
                        <thead><tr><th scope="col">"Category"</th><th class="num" scope="col">"Prompts"</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
        });
        Some(view! {
            <section class="answer-stats" data-testid="answer-stats">
                <p class="hint">{format!(
                    "Each model's answers to the {} listed prompts (the prompt filters pick them), longest first: means per answer. Markdown counts are the answer files' own metadata{}.",
                    prompts.len(),
                    if no_text { "; characters need the answer texts (a slim copy has none)" } else { "" }
                )}</p>
                <div class="table-tools">
                    <ExportMenu what=export name="answer-stats" label="answer statistics" testid="answer-stats-export" />
                </div>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Answer statistics per model">
                    <table class="board" data-testid="answer-stats-table">
                        <thead>
                            <tr>
                                <th scope="col">"Model"</th>
                                <th class="num" scope="col">"Answers"</th>
                                <th class="num" scope="col">"Tokens"</th>
                                <th class="num" scope="col">"Characters"</th>
                                <th class="num" scope="col">"Headers"</th>
                                <th class="num" scope="col">"List items"</th>
                                <th class="num" scope="col">"Bold"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {per_cat}
            </section>
        })
    }
}
