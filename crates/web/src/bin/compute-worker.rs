//! The compute worker: a Web Worker holding the core, so that statistics never block the page.
//!
//! Trunk builds this binary with `data-type="worker"` (wasm-bindgen's `no-modules` target) and a
//! loader shim, `compute-worker_loader.js`, which the page starts with `new Worker(..)` (see
//! `arena_lens_web::compute`). Messages are the core's `compute::protocol`, as JSON text.
//!
//! Requests run in arrival order. A load (the data set, or the diff's run 2) arrives in pieces
//! (`compute::load_parts`), kept until the load itself, which runs in one piece. A computing job first yields one
//! macrotask (so a newer request already queued behind it is seen before any work), then steps
//! its [`Slicer`] once per bootstrap round; the slicer yields again after every [`SLICE_MS`] of
//! work, and the job is abandoned at the first yield after a newer request of its kind arrived.
//! This is what makes "change the seed twice quickly" compute once.

use arena_lens_core::compute::protocol::{Job, JobResult, Kind, Request, Response};
use arena_lens_core::compute::run::{compute, compute_diff, Outcome, Session};
use arena_lens_core::pace::{Cancelled, Pacer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

/// Work between two yields. Short enough that a newer request waits at most about this long;
/// long enough that yielding (well under a millisecond) costs little.
const SLICE_MS: f64 = 30.0;
/// At most this often a progress message (the page shows progress once a job takes 300 ms).
const PROGRESS_MS: f64 = 100.0;

/// The worker's state: the session (data set, completed count) and the newest id of each kind.
#[derive(Default)]
struct State {
    session: Session,
    newest: HashMap<Kind, u64>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(resp: &Response) {
    let mut text = resp.encode();
    // JSON has no NaN or infinity (serde writes null, which does not read back as a number): a
    // result holding one is reported as a failure rather than sent unreadable.
    if let (Some(id), Err(e)) = (resp.id(), Response::decode(&text)) {
        text = Response::Failed {
            id,
            error: format!("the result cannot be sent to the page: {e}"),
        }
        .encode();
    }
    // The page is the only other end; if it is gone there is nobody to tell.
    let _ = scope().post_message(&JsValue::from_str(&text));
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn is_stale(kind: Kind, id: u64) -> bool {
    STATE.with(|s| s.borrow().newest.get(&kind).is_some_and(|&n| n != id))
}

/// Waits one macrotask: a message on a fresh channel is queued behind any message the page has
/// already sent (a timer would be clamped to 4 ms after a few nested yields).
async fn yield_macrotask() {
    let channel = MessageChannel::new().expect("MessageChannel exists in workers");
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port2().set_onmessage(Some(resolve.unchecked_ref()));
    });
    let _ = channel.port1().post_message(&JsValue::UNDEFINED);
    let _ = JsFuture::from(promise).await;
}

/// The pacer of one job: yields every [`SLICE_MS`], abandons the job once it is stale, and
/// reports progress.
struct Slicer {
    id: u64,
    kind: Kind,
    done: u64,
    total: u64,
    since_yield: f64,
    since_progress: f64,
}

impl Slicer {
    fn new(id: u64, kind: Kind) -> Slicer {
        Slicer {
            id,
            kind,
            done: 0,
            total: 0,
            since_yield: now(),
            since_progress: now(),
        }
    }
}

impl Pacer for Slicer {
    fn expect(&mut self, steps: u64) {
        self.total += steps;
    }

    fn step(&mut self) -> impl Future<Output = Result<(), Cancelled>> {
        self.done += 1;
        async move {
            if now() - self.since_yield < SLICE_MS {
                return Ok(());
            }
            yield_macrotask().await;
            self.since_yield = now();
            if is_stale(self.kind, self.id) {
                return Err(Cancelled);
            }
            if self.since_yield - self.since_progress >= PROGRESS_MS {
                self.since_progress = self.since_yield;
                post(&Response::Progress {
                    id: self.id,
                    done: self.done,
                    total: self.total,
                });
            }
            Ok(())
        }
    }
}

fn on_request(req: Request) {
    let kind = req.job.kind();
    STATE.with(|s| s.borrow_mut().newest.insert(kind, req.id));
    let id = req.id;
    match req.job {
        // A piece of the load that follows: kept until it arrives.
        Job::LoadPart { path, text, append } => {
            STATE.with(|s| s.borrow_mut().session.add_part(id, path, text, append));
        }
        Job::Load { files } => {
            let resp = STATE.with(|s| {
                let mut s = s.borrow_mut();
                let files = s.session.assemble(id, files);
                let summary = s.session.load(files);
                s.session
                    .finish(id, Outcome::Done(JobResult::Loaded(summary)))
            });
            post(&resp);
        }
        Job::LoadSecond { files } => {
            let resp = STATE.with(|s| {
                let mut s = s.borrow_mut();
                let files = s.session.assemble(id, files);
                let summary = s.session.load_second(id, files);
                s.session
                    .finish(id, Outcome::Done(JobResult::Loaded(summary)))
            });
            post(&resp);
        }
        job => wasm_bindgen_futures::spawn_local(async move {
            yield_macrotask().await;
            let outcome = if is_stale(kind, id) {
                Outcome::Abandoned
            } else {
                // The job keeps its data set even if a load replaces the session's meanwhile.
                let (data, second) = STATE.with(|s| {
                    let s = s.borrow();
                    (s.session.dataset(), s.session.second())
                });
                let mut pace = Slicer::new(id, kind);
                match &job {
                    Job::Diff { .. } => {
                        let second = second.as_ref().map(|(id, ds)| (*id, &**ds));
                        compute_diff(data.as_deref(), second, &job, &mut pace).await
                    }
                    _ => compute(data.as_deref(), &job, &mut pace).await,
                }
            };
            let resp = STATE.with(|s| s.borrow_mut().session.finish(id, outcome));
            post(&resp);
        }),
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let Some(text) = ev.data().as_string() else {
            return;
        };
        match Request::decode(&text) {
            Ok(req) => on_request(req),
            // Not one of ours: say so on the console rather than answer an id we cannot read.
            Err(e) => web_sys::console::error_1(&JsValue::from_str(&e.to_string())),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&Response::Ready);
}
