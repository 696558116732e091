//! The verdicts' agreement (exact label, same winner, Cohen's κ, the 5×5 matrix), the chosen
//! model's Δ by transition class, and the runs' rank consistency.

use arena_lens_core::diff::consistency::Consistency;
use arena_lens_core::diff::decompose::Decomposition;
use arena_lens_core::diff::Summary;
use arena_lens_core::judges::rank_corr::CorrInterval;
use leptos::prelude::*;

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |v| format!("{:.1}%", 100.0 * v))
}

#[component]
pub fn AgreementView(summary: Summary) -> impl IntoView {
    let a = summary.agreement;
    let kappa = a.kappa.map_or(String::new(), |k| format!("{k:?}"));
    let header = a.labels.clone();
    let rows = a
        .labels
        .iter()
        .zip(a.matrix.iter())
        .enumerate()
        .map(|(i, (l, row))| {
            view! {
                <tr>
                    <th scope="row">{l.clone()}</th>
                    {row.iter().enumerate().map(|(j, c)| view! {
                        <td class=if i == j { "num same" } else { "num" }>{c.to_string()}</td>
                    }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div data-testid="diff-agreement" data-kappa=kappa data-exact=a.exact.map(|x| format!("{x:?}")).unwrap_or_default()
            data-games=a.games.to_string()>
            <p>{format!("{} games judged in both runs: same label {}, same winner {}, Cohen's κ {}.",
                a.games, pct(a.exact), pct(a.same_winner), a.kappa.map_or("–".into(), |k| format!("{k:.3}")))}</p>
            <div class="table-wrap">
                <table class="board matrix" data-testid="diff-matrix">
                    <caption>"Run 1's label (rows) against run 2's (columns)"</caption>
                    <thead><tr><th scope="col">"1 \\ 2"</th>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
pub fn DecompositionView(d: Decomposition) -> impl IntoView {
    let moved: Vec<_> = d
        .classes
        .iter()
        .filter(|t| t.from != t.to && t.games > 0)
        .cloned()
        .collect();
    view! {
        <div data-testid="diff-decomposition">
            <p>{format!("{}: {} paired games; raw win rate (ties ½) {:.1}% → {:.1}% ({:+.1} points), made of:", d.model, d.games, d.raw_1, d.raw_2, d.raw_delta)}</p>
            {if moved.is_empty() {
                view! { <p class="def">"No game changed its result."</p> }.into_any()
            } else {
                view! {
                    <ul class="decomposition">
                        {moved.into_iter().map(|t| view! {
                            <li>{format!("{} → {}: {} game(s), {:+.2} points", t.from, t.to, t.games, t.contribution)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

fn corr(name: &str, c: &Option<CorrInterval>) -> String {
    match c {
        Some(c) => match (c.lower, c.upper) {
            (Some(l), Some(u)) => format!("{name} {:.3} [{l:.3}, {u:.3}]", c.estimate),
            _ => format!("{name} {:.3}", c.estimate),
        },
        None => format!("{name}: –"),
    }
}

#[component]
pub fn ConsistencyView(c: Consistency) -> impl IntoView {
    let flips = c
        .flipped
        .iter()
        .take(30)
        .map(|f| view! { <li>{format!("{} above {} in run 1, below in run 2", f.higher_1, f.higher_2)}</li> })
        .collect_view();
    view! {
        <div data-testid="diff-consistency" data-spearman=c.spearman.as_ref().map(|s| format!("{:?}", s.estimate)).unwrap_or_default()>
            <p>{format!("{}; {}.", corr("Spearman", &c.spearman), corr("Kendall", &c.kendall))}</p>
            <p>{format!("{} model pairs; both runs separate {} with confidence; {} of them flip order ({}).",
                c.pairs, c.confident_both, c.flips, pct(c.flip_share))}</p>
            <ul>{flips}</ul>
        </div>
    }
}
