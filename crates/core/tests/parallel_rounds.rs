//! A bootstrap fitted on several threads gives the leaderboard a single thread gives, bit for bit:
//! the draws come from one seeded stream in round order whatever the thread count, and only the
//! fits run at once (`leaderboard::fits::rounds`). The CLI fits on every core and the browser's
//! worker on one, and the e2e tests hold the page to the CLI's numbers, so this must hold exactly.

mod common;

use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::leaderboard::{compute_paced, LeaderboardOptions};
use arena_lens_core::pace::{block_on, Cancelled, Pacer};
use arena_lens_core::scope::{self, Purpose, ScopeRequest, Several};
use arena_lens_core::style::StyleMode;
use std::future::{ready, Future};

/// A pacer that never yields and lets `threads` rounds be fitted at once.
struct Threads(usize);

impl Pacer for Threads {
    fn expect(&mut self, _steps: u64) {}
    fn step(&mut self) -> impl Future<Output = Result<(), Cancelled>> {
        ready(Ok(()))
    }
    fn threads(&self) -> usize {
        self.0
    }
}

#[test]
fn rounds_fitted_at_once_equal_rounds_fitted_one_by_one() {
    let ds = common::demo_dataset();
    // Scoped as the leaderboard page scopes it; raw, the demo's baseline is given.
    let req = ScopeRequest {
        several: Several::First,
        judged_baseline: Some(arena_lens_demo::DEMO_BASELINE.to_string()),
        ..ScopeRequest::new(Purpose::Leaderboard)
    };
    let s = scope::resolve(&ds, &req).expect("the demo resolves");
    let bench = &ds.benches[&s.bench];
    for style in [StyleMode::Off, StyleMode::Full] {
        for unit in [BootstrapUnit::Row, BootstrapUnit::Prompt] {
            // 7 rounds: not a multiple of 2 or 3, so the last batch is short.
            let opts = LeaderboardOptions {
                rounds: 7,
                seed: 11,
                unit,
                style,
                ..LeaderboardOptions::default()
            }
            .scoped(&s);
            let one = block_on(compute_paced(bench, &opts, &mut Threads(1)));
            for t in [2, 3, 8] {
                let many = block_on(compute_paced(bench, &opts, &mut Threads(t)));
                match (&one, &many) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{style:?} {unit:?} on {t} threads"),
                    (Err(e), _) | (_, Err(e)) => panic!("{style:?} {unit:?}: {e:?}"),
                }
            }
        }
    }
}
