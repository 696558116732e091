//! Showing a new result's sections one task at a time. Inserting every section of a 20,000-prompt
//! clustering at once (heatmap, tables, treemap, hierarchy, map, dendrogram: their Rust, the DOM
//! and the browser's style work) made one task of 100-150 ms; one section per task keeps each
//! under 50 ms, and the whole arrives within a few frames.
//!
//! A result is named by a key (the groups' address): when it changes, every section hides and
//! they come back in order, one per timer task. A newer result stops the older one's steps. The
//! page shows its done line with the last section, so "done" still means the whole result is
//! there.

use leptos::prelude::*;
use std::time::Duration;

/// The sections shown so far, and for which result.
#[derive(Clone, Copy)]
pub(super) struct Reveal {
    key: Memo<Option<usize>>,
    shown: RwSignal<(Option<usize>, usize)>,
}

impl Reveal {
    /// Reveals `sections` sections of each new result named by `key` (`None`: no result).
    pub(super) fn new(key: Memo<Option<usize>>, sections: usize) -> Reveal {
        let shown = RwSignal::new((None, 0));
        // Timers are the outside world: an effect starts them.
        Effect::new(move |_| {
            let k = key.get();
            if k.is_some() && shown.with_untracked(|s| s.0 != k) {
                step(key, shown, k, 1, sections);
            }
        });
        Reveal { key, shown }
    }

    /// Whether section `i` (from 0, in page order) of the current result is shown.
    pub(super) fn shows(self, i: usize) -> Memo<bool> {
        Memo::new(move |_| {
            let k = self.key.get();
            k.is_some() && self.shown.with(|s| s.0 == k && s.1 > i)
        })
    }
}

/// Shows the first `n` sections of result `k` in a task of its own, then the next one.
fn step(
    key: Memo<Option<usize>>,
    shown: RwSignal<(Option<usize>, usize)>,
    k: Option<usize>,
    n: usize,
    sections: usize,
) {
    set_timeout(
        move || {
            // The page is gone, or a newer result started its own steps.
            if key.try_get_untracked() != Some(k) {
                return;
            }
            shown.set((k, n));
            if n < sections {
                step(key, shown, k, n + 1, sections);
            }
        },
        Duration::ZERO,
    );
}
