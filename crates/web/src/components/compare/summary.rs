//! The pair's summary above the tabs: counts over both models' verdicts and the paired interval
//! on A − B, or, where a side has no verdicts, what each side has.

use super::model::PairMemo;
use arena_lens_core::compare::PairedCi;
use leptos::prelude::*;

/// "1 prompt", "2 prompts".
fn prompts(n: usize) -> String {
    format!("{n} prompt{}", if n == 1 { "" } else { "s" })
}

/// Counts over both models and the paired interval.
pub fn summary_line(pair: PairMemo, ci: Memo<Option<PairedCi>>) -> impl IntoView {
    move || {
        let p = pair.get()?;
        let s = &p.summary;
        let (a, b) = (p.name(p.a), p.name(p.b));
        let has = |m: u32| {
            p.base
                .holding(m)
                .map(|h| h.mark(p.bench(), &p.base.index))
                .unwrap_or_default()
        };
        let Some(judge) = p.base.judge_name() else {
            let text = if p.single() {
                format!(" ({}). This data holds one model's answers and no verdicts (no judgment files): read them prompt by prompt, or see the answer statistics.", has(p.a))
            } else {
                format!(" · no verdicts in this data (no judgment files): A {}, B {}. Read the answers side by side, or see the answer statistics.", has(p.a), has(p.b))
            };
            return Some(view! {
                <section class="pair-summary" data-testid="pair-summary" data-judged="none">
                    <p>
                        <span class="side">"A"</span>" "<strong>{a}</strong>
                        {(!p.single()).then(|| view! { " vs "<span class="side">"B"</span>" "<strong>{b.clone()}</strong> })}
                        {text}
                    </p>
                </section>
            }.into_any());
        };
        let unjudged: Vec<String> = [("A", p.a), ("B", p.b)]
            .into_iter()
            .filter(|&(_, m)| {
                p.base
                    .holding(m)
                    .is_some_and(|h| !h.verdicts && !h.baseline)
            })
            .map(|(side, m)| {
                format!(
                    "{side} ({}) has no verdicts under {judge}: {}.",
                    p.name(m),
                    has(m)
                )
            })
            .collect();
        let base = p
            .base
            .index
            .baseline
            .map(|m| p.name(m))
            .or(p.base.baseline_label.clone())
            .unwrap_or_else(|| "per-prompt baselines".into());
        let ci_line = ci.get().map(|c| {
            view! {
                <p class="ci" data-testid="paired-ci" data-diff=c.diff.to_string() data-lower=c.lower.to_string() data-upper=c.upper.to_string() data-n=c.n.to_string()>
                    <strong>{format!("A − B: {:+.1} points", c.diff)}</strong>
                    {format!(
                        ", {:.0}% CI [{:+.1}, {:+.1}] · win rates vs the baseline: A {:.1}%, B {:.1}% (paired bootstrap over {} prompts, {} rounds, seed {}; ties count ½, both games, strong verdicts unweighted)",
                        c.level * 100.0, c.lower, c.upper, s.mean_a * 100.0, s.mean_b * 100.0, c.n, c.rounds, c.seed
                    )}
                </p>
            }
        });
        let unjudged = (!unjudged.is_empty()).then(|| {
            view! { <p class="unjudged" data-testid="summary-unjudged">{unjudged.join(" ")}</p> }
        });
        Some(view! {
            <section class="pair-summary" data-testid="pair-summary">
                <p>
                    <span class="side">"A"</span>" "<strong>{a}</strong>" vs "<span class="side">"B"</span>" "<strong>{b}</strong>
                    {format!(" · judge {judge} · baseline {base}. ")}
                    {if s.both == 0 {
                        format!("No prompt has verdicts for both; games disagree on {}.", prompts(s.disagree))
                    } else {
                        format!(
                            "On {} with verdicts for both: A better on {}, B better on {}, even on {}; games disagree on {}.",
                            prompts(s.both), s.a_better, s.b_better, s.ties, prompts(s.disagree)
                        )
                    }}
                </p>
                {unjudged}
                {ci_line}
            </section>
        }.into_any())
    }
}
