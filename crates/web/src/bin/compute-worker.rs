//! The compute worker: a Web Worker holding the core, so that statistics never block the page.
//!
//! Trunk builds this binary with `data-type="worker"` (wasm-bindgen's `no-modules` target) and a
//! loader shim, `compute-worker_loader.js`, which the page starts with `new Worker(..)` (see
//! `arena_lens_web::compute`). Messages are the core's `compute::protocol`, as JSON text.
//!
//! Requests run in arrival order. A load of texts (the data set, or the diff's run 2) arrives in
//! pieces (`compute::load_parts`), kept until the load itself, which runs in one piece; a load of
//! a URL ([`Job::LoadUrl`], [`stream_url`]) reads the response body chunk by chunk as it arrives,
//! so a battle log of a million lines is never held as text. A computing job first yields one
//! macrotask (so a newer request already queued behind it is seen before any work), then steps
//! its [`Slicer`] once per bootstrap round; the slicer yields again after every [`SLICE_MS`] of
//! work, and the job is abandoned at the first yield after a newer request of its kind arrived.
//! This is what makes "change the seed twice quickly" compute once.

use arena_lens_core::compute::protocol::{Job, JobResult, Kind, Request, Response};
use arena_lens_core::compute::run::{compute, compute_diff, Outcome, Session};
use arena_lens_core::pace::{Cancelled, Pacer};
use arena_lens_core::stream_load::StreamLoad;
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
        Job::LoadUrl { url, path } => {
            STATE.with(|s| s.borrow_mut().session.forget_parts());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = stream_url(id, &url, &path).await;
                let resp = STATE.with(|s| s.borrow_mut().session.finish(id, outcome));
                post(&resp);
            })
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

/// Fetches `url` and reads it as `path` while it arrives: each chunk goes into a [`StreamLoad`]
/// and, as a `[id, Uint8Array]` array (its buffer transferred, not copied), to the page. Progress
/// is in bytes. A newer load abandons this one between two chunks. Every error names the URL.
async fn stream_url(id: u64, url: &str, path: &str) -> Outcome {
    let fail = |e: JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}"));
        Outcome::Failed(format!("{url}: {why}"))
    };
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let resp: web_sys::Response = match JsFuture::from(scope.fetch_with_str(url)).await {
        Ok(r) => r.unchecked_into(),
        Err(e) => return fail(e),
    };
    if !resp.ok() {
        return Outcome::Failed(format!(
            "{url}: HTTP {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    // The length on the wire (compressed, if the server compresses): a guide for the bar and for
    // the room the reader reserves, never trusted as the size.
    let total = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let mut load = StreamLoad::new(path);
    load.expect_bytes(total);
    // The size at once, before the first chunk: the page reserves room from it too.
    post(&Response::Progress { id, done: 0, total });
    if let Some(body) = resp.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        let mut since_progress = now();
        loop {
            let next = match JsFuture::from(reader.read()).await {
                Ok(n) => n,
                Err(e) => return fail(e),
            };
            let done = js_sys::Reflect::get(&next, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let Ok(value) = js_sys::Reflect::get(&next, &"value".into()) else {
                break;
            };
            let chunk: js_sys::Uint8Array = value.unchecked_into();
            load.push(&chunk.to_vec());
            let message = js_sys::Array::of2(&JsValue::from_f64(id as f64), &chunk);
            let transfer = js_sys::Array::of1(&chunk.buffer());
            // The page is the only other end; if it is gone there is nobody to tell.
            let _ = scope
                .unchecked_ref::<DedicatedWorkerGlobalScope>()
                .post_message_with_transfer(&message, &transfer);
            if is_stale(Kind::Load, id) {
                let _ = reader.cancel();
                return Outcome::Abandoned;
            }
            if now() - since_progress >= PROGRESS_MS {
                since_progress = now();
                post(&Response::Progress {
                    id,
                    done: load.bytes(),
                    total,
                });
            }
        }
    }
    let bytes = load.bytes() as usize;
    let ds = load.finish();
    let summary = STATE.with(|s| s.borrow_mut().session.install(ds, 1, bytes));
    Outcome::Done(JobResult::Loaded(summary))
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
