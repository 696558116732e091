//! The load report, opened from the page: counts of what was read and of every kind of skipped item,
//! then each listed item as `file:line: reason`.

use arena_lens_core::report::LoadReport;
use leptos::prelude::*;

#[component]
pub fn LoadReportView(report: LoadReport) -> impl IntoView {
    let total = report.total_issues();
    let skipped: usize = report
        .counts
        .iter()
        .filter(|(k, _)| k.is_skip())
        .map(|(_, n)| n)
        .sum();
    let summary = if total == 0 {
        "Load report: every line loaded".to_string()
    } else {
        format!("Load report: {total} issues ({skipped} items skipped)")
    };
    let more = total.saturating_sub(report.issues.len());
    view! {
        <details class="report" data-testid="load-report">
            <summary>{summary}</summary>
            <p>{format!(
                "{} files, {} lines: {} questions, {} answers, {} judgments, {} battle rows.",
                report.files, report.lines, report.questions, report.answers, report.judgments, report.battle_rows
            )}</p>
            <ul class="counts">
                {report.counts.iter().map(|(k, n)| view! {
                    <li data-kind=format!("{k:?}")><strong>{*n}</strong>" "{k.describe()}</li>
                }).collect_view()}
            </ul>
            <ol class="issues">
                {report.issues.iter().map(|i| view! { <li><code>{i.to_string()}</code></li> }).collect_view()}
            </ol>
            {(more > 0).then(|| view! { <p>{format!("… and {more} more (the CLI's --report lists them all).")}</p> })}
        </details>
    }
}
