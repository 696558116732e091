//! A page's handle on one kind of computation: submit a request, read the newest result, the
//! request in flight (with its progress) and the worker's job counts, all as signals.
//!
//! A result that arrives for a request that is no longer the newest is dropped: the page never
//! shows numbers for a view it has left. Until the newest result arrives, the previous one stays
//! in [`JobHandle::finished`], so the page can keep showing it (dimmed) meanwhile.

use super::client::{self, Event};
use crate::clock::now_ms;
use crate::data::Loaded;
use arena_lens_core::compute::protocol::{Job, JobResult, Kind};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// Progress is shown for a request still running after this long (shorter ones would only flash).
pub const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// The request in flight.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub id: u64,
    /// Bootstrap rounds done and expected (0 of 0 until the worker reports).
    pub done: u64,
    pub total: u64,
    /// Running for longer than [`SHOW_PROGRESS_AFTER`].
    pub slow: bool,
}

/// The newest finished request: the sender's context, the result, and how long it took from the
/// request to the result.
#[derive(Debug)]
pub struct Finished<C> {
    pub ctx: C,
    pub result: Result<JobResult, String>,
    pub ms: f64,
    /// When the result reached the page (`performance.now()`), before it was rendered.
    pub arrived: f64,
}

/// Copyable: its state lives in signals owned by the component that made it.
pub struct JobHandle<C: Send + Sync + 'static> {
    pub pending: RwSignal<Option<Pending>>,
    pub finished: RwSignal<Option<Arc<Finished<C>>>>,
    /// Jobs the worker has completed, as of its latest answer to this handle.
    pub completed: RwSignal<u64>,
    /// Requests of this handle the worker abandoned for a newer one.
    pub abandoned: RwSignal<u64>,
}

impl<C: Send + Sync + 'static> Clone for JobHandle<C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C: Send + Sync + 'static> Copy for JobHandle<C> {}

impl<C: Clone + Send + Sync + 'static> JobHandle<C> {
    pub fn new() -> JobHandle<C> {
        JobHandle {
            pending: RwSignal::new(None),
            finished: RwSignal::new(None),
            completed: RwSignal::new(0),
            abandoned: RwSignal::new(0),
        }
    }

    /// Sends `job`, computed on `data`; `ctx` comes back with its result. Replaces the request in
    /// flight, if any.
    pub fn submit(self, job: Job, data: Arc<Loaded>, ctx: C) {
        debug_assert!(job.kind() != Kind::Load, "loads go through compute::load");
        let t0 = now_ms();
        let this = self;
        // The signals may be gone when an answer arrives (the page was left): `try_` ignores that.
        // The id is known once the client has it; the listener runs only after that.
        let id_cell = Rc::new(std::cell::Cell::new(0u64));
        let id_for_listener = id_cell.clone();
        let listener = Rc::new(move |ev: Event| {
            let id = id_for_listener.get();
            let newest = this
                .pending
                .try_with_untracked(|p| p.as_ref().map(|p| p.id))
                .flatten()
                == Some(id);
            match ev {
                Event::Progress { done, total } => {
                    if newest {
                        this.pending.try_update(|p| {
                            if let Some(p) = p {
                                p.done = done;
                                p.total = total;
                            }
                        });
                    }
                }
                Event::Finished { result, completed } => {
                    let arrived = now_ms();
                    let ctx = ctx.clone();
                    // Rendering the result is a task of its own: the one that received it ends
                    // here, so the computation and the rendering never add up to one long task.
                    set_timeout(
                        move || {
                            if completed > 0 {
                                this.completed.try_set(completed);
                            }
                            if newest {
                                this.finished.try_set(Some(Arc::new(Finished {
                                    ctx,
                                    result,
                                    ms: arrived - t0,
                                    arrived,
                                })));
                                this.pending.try_set(None);
                            }
                        },
                        Duration::ZERO,
                    );
                }
                Event::Abandoned => {
                    this.abandoned.try_update(|n| *n += 1);
                }
            }
        });
        let id = client::submit(job, data, listener);
        id_cell.set(id);
        self.pending.set(Some(Pending {
            id,
            done: 0,
            total: 0,
            slow: false,
        }));
        set_timeout(
            move || {
                this.pending.try_update(|p| {
                    if let Some(p) = p.as_mut().filter(|p| p.id == id) {
                        p.slow = true;
                    }
                });
            },
            SHOW_PROGRESS_AFTER,
        );
    }
}

impl<C: Clone + Send + Sync + 'static> Default for JobHandle<C> {
    fn default() -> Self {
        JobHandle::new()
    }
}
