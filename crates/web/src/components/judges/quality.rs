//! Benchmark quality: each judge's separability at 95% and 80%, and the per-judge leaderboards
//! handed to the comparison with a published leaderboard.

use super::format::pct;
use super::reference::JudgeBoard;
use arena_lens_core::judges::agreement::Scored;
use arena_lens_core::judges::analysis::Analysis;
use arena_lens_core::judges::separability;
use leptos::prelude::*;

/// The definition shown above the separability table: the notebook's rule, in words.
pub fn separability_definition() -> String {
    format!(
        "Separability at a level: the share of model pairs whose confidence intervals at that level do not overlap, i.e. the pairs the benchmark tells apart with confidence, over every model including the baseline at [50, 50]. Rule of the Arena-Hard notebook ({}): sort the intervals by lower bound; a later interval overlaps an earlier one when its lower bound is below the earlier one's upper bound, so touching intervals are separated and the baseline's [50, 50] inside another interval overlaps it; pairs with identical interval values count once. Higher is better; it depends on the level, so it is given at 95% and at 80%.",
        separability::SOURCE
    )
}

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
                            <td class="num" data-pairs=p.sep95.pairs.to_string() data-separated=p.sep95.separated.to_string()>{format!("{} ({} of {} pairs)", pct(p.sep95.fraction), p.sep95.separated, p.sep95.pairs)}</td>
                            <td class="num" data-pairs=p.sep80.pairs.to_string() data-separated=p.sep80.separated.to_string()>{format!("{} ({} of {} pairs)", pct(p.sep80.fraction), p.sep80.separated, p.sep80.pairs)}</td>
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
