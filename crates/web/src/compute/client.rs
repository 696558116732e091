//! The connection to the compute worker: one per page load, started on first use.
//!
//! The worker starts with the first computation a page asks for (until then, the last load's
//! message waits here); requests sent before it says `Ready` wait in a queue (its wasm takes a
//! moment to start). Each request in flight keeps the data set it was made for, so that if the worker
//! fails (an `error` event: its files are missing, or it panicked) the request is computed here
//! instead, and so is every later one.

use crate::data::Loaded;
use crate::loader::yield_to_browser;
use arena_lens_core::compute::protocol::{Job, JobResult, Kind, Request, Response};
use arena_lens_core::compute::run::{compute, Outcome};
use arena_lens_core::pace::{block_on, Unpaced};
use arena_lens_core::source::SourceFile;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, beside `index.html` (Trunk writes it for `data-loader-shim`).
const WORKER_SCRIPT: &str = "compute-worker_loader.js";

/// What a request's sender hears.
pub enum Event {
    Progress {
        done: u64,
        total: u64,
    },
    /// The job ended with a result or an error text. `completed`: the jobs the worker (or, after
    /// a fallback, this page) has run to completion so far.
    Finished {
        result: Result<JobResult, String>,
        completed: u64,
    },
    /// The worker gave the job up for a newer one of its kind.
    Abandoned,
}

type Listener = Rc<dyn Fn(Event)>;

struct InFlight {
    kind: Kind,
    job: Job,
    data: Arc<Loaded>,
    listener: Listener,
}

enum Mode {
    /// No page has asked for a computation yet, so no worker was started (a page that computes
    /// nothing, such as compare, never starts one). The last load's message waits here.
    Idle(Option<String>),
    /// The worker is starting; encoded requests wait here.
    Starting(web_sys::Worker, Vec<String>),
    Ready(web_sys::Worker),
    /// No worker: requests are computed on this thread.
    Local,
}

struct Client {
    mode: Mode,
    next_id: u64,
    newest: HashMap<Kind, u64>,
    in_flight: HashMap<u64, InFlight>,
    /// Jobs completed on this thread after a fallback (the worker counts its own).
    local_completed: u64,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn with_client<R>(f: impl FnOnce(&mut Client) -> R) -> R {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.get_or_insert_with(start);
        f(client)
    })
}

fn start() -> Client {
    Client {
        mode: Mode::Idle(None),
        next_id: 0,
        newest: HashMap::new(),
        in_flight: HashMap::new(),
        local_completed: 0,
    }
}

fn log(text: &str) {
    web_sys::console::warn_1(&JsValue::from_str(text));
}

fn spawn_worker() -> Result<web_sys::Worker, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = crate::loader::resolve(WORKER_SCRIPT, &base)?;
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("{e:?}"))?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                match Response::decode(&text) {
                    Ok(resp) => on_response(resp),
                    Err(e) => log(&e.to_string()),
                }
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        let what = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .unwrap_or_else(|| "the worker could not start".into());
        fall_back(&what);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(worker)
}

/// Sends the files of a new load to the worker, which parses its own copy. Call it before parsing
/// them here: a running worker starts on its copy at once; before the first computation the
/// message waits (the worker starts with the first request that needs it).
pub fn load(files: &[SourceFile]) {
    with_client(|c| {
        c.next_id += 1;
        let id = c.next_id;
        c.newest.insert(Kind::Load, id);
        if !matches!(c.mode, Mode::Local) {
            let text = Request::encode_load(id, files);
            c.send(text);
        }
    });
}

impl Client {
    /// Starts the worker on the first request that needs it, with the waiting load first.
    fn wake(&mut self) {
        let Mode::Idle(load) = &mut self.mode else {
            return;
        };
        let load = load.take();
        self.mode = match spawn_worker() {
            Ok(w) => Mode::Starting(w, load.into_iter().collect()),
            Err(e) => {
                log(&format!(
                    "compute worker unavailable ({e}); computing on the page"
                ));
                Mode::Local
            }
        };
    }
}

/// Starts the worker if no page has yet, and says whether requests go to it (false once it could
/// not start or failed). A page with a sliced main-thread path of its own (the clusters page)
/// takes that path instead of the client's one-piece fallback.
pub fn worker_available() -> bool {
    with_client(|c| {
        c.wake();
        !matches!(c.mode, Mode::Local)
    })
}

/// Sends `job` (computed on `data`) and returns its id; `listener` hears its progress and end.
/// The request replaces any older one of its kind.
pub fn submit(job: Job, data: Arc<Loaded>, listener: Listener) -> u64 {
    let (id, local) = with_client(|c| {
        c.next_id += 1;
        let id = c.next_id;
        let kind = job.kind();
        c.newest.insert(kind, id);
        c.wake();
        let local = matches!(c.mode, Mode::Local);
        if !local {
            c.send(
                Request {
                    id,
                    job: job.clone(),
                }
                .encode(),
            );
        }
        c.in_flight.insert(
            id,
            InFlight {
                kind,
                job,
                data,
                listener,
            },
        );
        (id, local)
    });
    if local {
        run_here(id);
    }
    id
}

impl Client {
    fn send(&mut self, text: String) {
        match &mut self.mode {
            // Only a load is sent before the worker is woken: the newest replaces the last.
            Mode::Idle(load) => *load = Some(text),
            Mode::Starting(_, queue) => queue.push(text),
            Mode::Ready(w) => {
                if let Err(e) = w.post_message(&JsValue::from_str(&text)) {
                    log(&format!("compute worker: {e:?}"));
                }
            }
            Mode::Local => {}
        }
    }
}

fn on_response(resp: Response) {
    if let Response::Ready = resp {
        with_client(|c| {
            if let Mode::Starting(w, queue) = &mut c.mode {
                for text in queue.drain(..) {
                    let _ = w.post_message(&JsValue::from_str(&text));
                }
                c.mode = Mode::Ready(w.clone());
            }
        });
        return;
    }
    let Some(id) = resp.id() else { return };
    let terminal = !matches!(resp, Response::Progress { .. });
    // Take the listener out before calling it: it updates signals, which may send a new request.
    let listener = with_client(|c| {
        let l = c.in_flight.get(&id).map(|f| f.listener.clone());
        if terminal {
            c.in_flight.remove(&id);
        }
        l
    });
    let Some(listener) = listener else { return };
    listener(match resp {
        Response::Progress { done, total, .. } => Event::Progress { done, total },
        Response::Done {
            result, completed, ..
        } => Event::Finished {
            result: Ok(result),
            completed,
        },
        Response::Failed { error, .. } => Event::Finished {
            result: Err(error),
            completed: 0,
        },
        Response::Abandoned { .. } => Event::Abandoned,
        Response::Ready => unreachable!("handled above"),
    });
}

/// The worker failed: compute everything in flight, and everything later, on this thread.
fn fall_back(why: &str) {
    let ids: Vec<u64> = with_client(|c| {
        if let Mode::Starting(w, _) | Mode::Ready(w) = &c.mode {
            w.terminate();
        }
        c.mode = Mode::Local;
        c.in_flight.keys().copied().collect()
    });
    log(&format!(
        "compute worker failed ({why}); computing on the page"
    ));
    for id in ids {
        run_here(id);
    }
}

/// Computes request `id` on this thread (after one macrotask, so a newer request replaces it
/// without any work), in one piece.
fn run_here(id: u64) {
    leptos::task::spawn_local(async move {
        yield_to_browser().await;
        let Some((kind, job, data)) = with_client(|c| {
            c.in_flight
                .get(&id)
                .map(|f| (f.kind, f.job.clone(), f.data.clone()))
        }) else {
            return;
        };
        let stale = with_client(|c| c.newest.get(&kind) != Some(&id));
        let outcome = if stale {
            Outcome::Abandoned
        } else {
            block_on(compute(Some(&data.dataset), &job, &mut Unpaced))
        };
        let (listener, completed) = with_client(|c| {
            if matches!(outcome, Outcome::Done(_)) {
                c.local_completed += 1;
            }
            (
                c.in_flight.remove(&id).map(|f| f.listener),
                c.local_completed,
            )
        });
        if let Some(listener) = listener {
            listener(match outcome {
                Outcome::Done(result) => Event::Finished {
                    result: Ok(result),
                    completed,
                },
                Outcome::Failed(e) => Event::Finished {
                    result: Err(e),
                    completed,
                },
                Outcome::Abandoned => Event::Abandoned,
            });
        }
    });
}
