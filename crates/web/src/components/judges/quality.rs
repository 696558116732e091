//! Benchmark quality: each judge's separability at 95% and 80%, and the per-judge leaderboards
//! handed to the comparison with a published leaderboard.

use super::format::pct;
use super::reference::JudgeBoard;
use arena_lens_core::judges::agreement::Scored;
use arena_lens_core::judges::analysis::Analysis;
use leptos::prelude::*;

/// The separability table, one row per judge.
pub fn separability_table(an: &Analysis) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="board" data-testid="separability">
                <thead><tr>
                    <th scope="col">"Judge"</th>
                    <th scope="col" class="num">"Models"</th>
                    <th scope="col" class="num">"Separability at 95%"</th>
                    <th scope="col" class="num">"Separability at 80%"</th>
                </tr></thead>
                <tbody>
                    {an.per.iter().map(|p| view! {
                        <tr data-judge=p.judge.clone()
                            data-at95=p.sep95.fraction.map(|f| f.to_string()).unwrap_or_default()
                            data-at80=p.sep80.fraction.map(|f| f.to_string()).unwrap_or_default()>
                            <th scope="row">{p.judge.clone()}</th>
                            <td class="num">{p.sep95.models.to_string()}</td>
                            <td class="num">{format!("{} ({} of {} pairs)", pct(p.sep95.fraction), p.sep95.separated, p.sep95.pairs)}</td>
                            <td class="num">{format!("{} ({} of {} pairs)", pct(p.sep80.fraction), p.sep80.separated, p.sep80.pairs)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Each judge's leaderboard rows, for [`super::reference::JudgesReference`].
pub fn reference_boards(an: &Analysis) -> Vec<JudgeBoard> {
    an.per
        .iter()
        .map(|p| JudgeBoard {
            judge: p.judge.clone(),
            rows: p.lb.models.iter().map(Scored::from).collect(),
        })
        .collect()
}
