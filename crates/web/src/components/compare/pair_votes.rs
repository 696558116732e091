//! Votes per model pair (core `compare::votes`): for data whose verdicts are battle rows (a Chatbot
//! Arena log), the compare page's view of who beat whom. Shown alone when the data has no
//! conversations to read (GenAI-Arena's log), and below the prompts when it has. Model names are
//! untrusted text: they go into text nodes and attributes only.

use arena_lens_core::compare::votes::PairVotes;
use leptos::prelude::*;
use std::sync::Arc;

/// The table; `chosen` (A, B by name) marks the pair on screen and lists it first.
pub fn pair_votes_view(
    votes: Arc<Vec<PairVotes>>,
    chosen: Option<(String, String)>,
) -> impl IntoView {
    let is_chosen = |v: &PairVotes| {
        chosen
            .as_ref()
            .is_some_and(|(x, y)| (&v.a == x && &v.b == y) || (&v.a == y && &v.b == x))
    };
    let mut rows: Vec<&PairVotes> = votes.iter().collect();
    rows.sort_by_key(|v| !is_chosen(v));
    let total: u64 = votes.iter().map(PairVotes::total).sum();
    let body = rows
        .into_iter()
        .map(|v| {
            let sel = is_chosen(v);
            let share = |n: u64| format!("{:.0}%", n as f64 / v.total().max(1) as f64 * 100.0);
            view! {
                <tr class:selected=sel data-a=v.a.clone() data-b=v.b.clone() data-a-wins=v.a_wins.to_string()
                    data-b-wins=v.b_wins.to_string() data-ties=v.ties.to_string() data-total=v.total().to_string()>
                    <th scope="row" class="model">{v.a.clone()}</th>
                    <th scope="row" class="model">{v.b.clone()}</th>
                    <td class="num">{v.a_wins}<span class="pm">{format!(" ({})", share(v.a_wins))}</span></td>
                    <td class="num">{v.b_wins}<span class="pm">{format!(" ({})", share(v.b_wins))}</span></td>
                    <td class="num">{v.ties}{(v.bothbad > 0).then(|| view! { <span class="pm">{format!(" ({} both bad)", v.bothbad)}</span> })}</td>
                    <td class="num">{v.total()}</td>
                    <td class="num">{v.anony}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="pair-votes" data-testid="pair-votes">
            <h2>"Votes per model pair"</h2>
            <p class="hint">{format!("{} votes over {} pairs, as the file holds them (every row, anonymous or not; the leaderboard's method says which it scores).", total, votes.len())}</p>
            // Scrolls sideways on a phone: focusable, so the keyboard can scroll it (axe
            // scrollable-region-focusable), as the judges page's wide tables do.
            <div class="table-wrap" tabindex="0" role="region" aria-label="Votes per model pair">
                <table class="board">
                    <thead>
                        <tr>
                            <th scope="col">"Model A"</th>
                            <th scope="col">"Model B"</th>
                            <th scope="col" class="num">"A wins"</th>
                            <th scope="col" class="num">"B wins"</th>
                            <th scope="col" class="num">"Ties"</th>
                            <th scope="col" class="num">"Votes"</th>
                            <th scope="col" class="num" title="Votes cast before the models were revealed (anony)">"Anonymous"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
