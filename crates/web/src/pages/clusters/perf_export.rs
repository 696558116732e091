//! The per-group numbers the heatmap and the table show, as an export table: the page's
//! computation (method, seed, rounds, level) and data provenance head it, as every export does.

use super::base::Base;
use crate::components::export_menu::{provenance, ExportMenu, Exportable};
use crate::ui::Shared;
use arena_lens_core::bootstrap::BootstrapSpec;
use arena_lens_core::cluster::perf::Perf;
use arena_lens_core::export;
use arena_lens_core::method::Method;
use leptos::prelude::*;

/// The export menu of the per-group win rates `p` (none without them), by its test id.
pub fn perf_export(
    p: Option<Shared<Perf>>,
    b: Shared<Base>,
    method: Memo<Method>,
    spec: Memo<BootstrapSpec>,
    method_line: Signal<String>,
) -> impl Fn(&'static str) -> Option<AnyView> + Clone + Send + Sync + 'static {
    move |testid: &'static str| {
        let p = p.clone()?;
        let b = b.clone();
        let what = Exportable::table(move || {
            let (m, sp) = (method.get_untracked(), spec.get_untracked());
            let line = method_line.get_untracked();
            let header = export::Header::new(
                &export::Computation {
                    method: m,
                    method_line: &line,
                    seed: sp.seed(),
                    rounds: sp.rounds(),
                    level: sp.level(),
                },
                &provenance(&b.loaded.source),
            )
            .with("bench", export::Cell::text(b.bench_name.clone()))
            .with(
                "judge",
                export::Cell::text(b.judge_name().unwrap_or_default()),
            )
            .with(
                "baseline",
                export::Cell::text(b.baseline_name().unwrap_or_default()),
            );
            let title = format!("{}: win rate against the baseline per group", b.bench_name);
            Some(export::clusters::cluster_performance(
                &title, header, &p.rows,
            ))
        });
        Some(view! {
            <div class="table-tools">
                <ExportMenu what=what name="clusters" label="per-group win rates" testid=testid />
            </div>
        }
        .into_any())
    }
}
