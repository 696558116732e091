//! The header of the compare page's exports: the page's method line and bootstrap (seed, rounds,
//! level, as the paired interval ran them), the data's source, the bench, judge and baseline.

use super::model::Pair;
use crate::components::export_menu::provenance;
use arena_lens_core::bootstrap::Purpose;
use arena_lens_core::export::{Cell, Computation, Header};
use arena_lens_core::method::Method;
use arena_lens_core::view_state::ViewState;

/// The header for `p` under the page's `method` and the link's bootstrap.
pub fn header(p: &Pair, method: Method, view: &ViewState) -> Header {
    let spec = view.bootstrap(Purpose::Compare, method);
    let line = method.line(Purpose::Compare, &spec, false);
    let base = &p.base;
    Header::new(
        &Computation {
            method,
            method_line: &line,
            seed: spec.seed(),
            rounds: spec.rounds(),
            level: spec.level(),
        },
        &provenance(&base.loaded.source),
    )
    .with("bench", Cell::text(base.bench_name.clone()))
    .with("judge", Cell::text(base.judge_name().unwrap_or_default()))
    .with(
        "baseline",
        Cell::text(base.baseline_label.clone().unwrap_or_else(|| {
            p.rows
                .first()
                .map(|r| base.baseline_name(r.prompt))
                .unwrap_or_default()
        })),
    )
}
