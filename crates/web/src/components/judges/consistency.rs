//! Position consistency of each judge: the 5×5 matrix of game-1 verdicts against mirrored game-2
//! verdicts, the flip rate and the first-position preference, with a collapsible per-model table.
//! A consistent judge puts everything on the diagonal.

use super::format::pct;
use arena_lens_core::judges::consistency::{
    ConsistencyError, ConsistencySummary, JudgeConsistency, LABELS,
};
use leptos::prelude::*;

/// The section's body: the matrices, or why there are none (no row with both games, or an error).
pub fn consistency_view(c: &Result<Vec<JudgeConsistency>, ConsistencyError>) -> AnyView {
    match c {
        Ok(c) if c.is_empty() => view! { <p class="hint">"No judgment rows with both games: position consistency needs Arena-Hard judgment files."</p> }.into_any(),
        Ok(c) => view! { <JudgesConsistency data=c.clone() /> }.into_any(),
        Err(e) => view! { <p class="status error" role="alert">{e.to_string()}</p> }.into_any(),
    }
}

fn matrix(judge: &str, s: &ConsistencySummary) -> impl IntoView {
    let rows = s.counts.matrix;
    let max = rows.iter().flatten().copied().max().unwrap_or(0).max(1);
    view! {
        <div class="table-wrap matrix-wrap" tabindex="0">
            <table class="board matrix" data-testid="consistency-matrix" data-judge=judge.to_string()
                data-rows=s.counts.two_game_rows.to_string()>
                <caption>"Rows: game 1 verdict (baseline = A). Columns: game 2 verdict, mirrored into game 1's order."</caption>
                <thead>
                    <tr>
                        <th scope="col">"Game 1 ↓ / Game 2 mirrored →"</th>
                        {LABELS.iter().map(|l| view! { <th scope="col" class="num">{*l}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.iter().enumerate().map(|(i, row)| view! {
                        <tr>
                            <th scope="row">{LABELS[i]}</th>
                            {row.iter().enumerate().map(|(j, &c)| {
                                // Cell shade shows mass at a glance; the number is always written.
                                let alpha = (c as f64 / max as f64 * 0.55 * 100.0).round();
                                let style = format!("background: color-mix(in srgb, var(--bar) {alpha}%, transparent)");
                                view! { <td class="num" class:diag=i == j data-count=c.to_string() style=style>{c.to_string()}</td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn JudgesConsistency(data: Vec<JudgeConsistency>) -> impl IntoView {
    view! {
        <div class="consistency-grid">
            {data.into_iter().map(|jc| {
                let o = jc.overall.clone();
                let judge = jc.judge.clone();
                view! {
                    <div class="consistency-judge" data-testid="consistency" data-judge=judge.clone()
                        data-flip=o.flip_rate.map(|f| f.to_string()).unwrap_or_default()
                        data-first=o.first_position_preference.map(|f| f.to_string()).unwrap_or_default()>
                        <h3>{judge.clone()}</h3>
                        <p class="stats">
                            {format!("{} two-game rows · identical verdicts {} · flip rate {} · first-position preference {}",
                                o.counts.two_game_rows, pct(o.identical_rate), pct(o.flip_rate), pct(o.first_position_preference))}
                        </p>
                        {matrix(&judge, &o)}
                        <details class="per-model">
                            <summary>{format!("Per model ({})", jc.per_model.len())}</summary>
                            <div class="table-wrap" tabindex="0">
                                <table class="board">
                                    <thead><tr>
                                        <th scope="col">"Model"</th>
                                        <th scope="col" class="num">"Rows"</th>
                                        <th scope="col" class="num">"Identical"</th>
                                        <th scope="col" class="num">"Flip rate"</th>
                                        <th scope="col" class="num">"First position"</th>
                                    </tr></thead>
                                    <tbody>
                                        {jc.per_model.iter().map(|m| {
                                            let c = &m.consistency;
                                            view! { <tr data-model=m.model.clone()>
                                                <th scope="row" class="model">{m.model.clone()}</th>
                                                <td class="num">{c.counts.two_game_rows.to_string()}</td>
                                                <td class="num">{pct(c.identical_rate)}</td>
                                                <td class="num">{pct(c.flip_rate)}</td>
                                                <td class="num">{pct(c.first_position_preference)}</td>
                                            </tr> }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </details>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
