//! The connection to the compute worker: one per page load, started on first use.
//!
//! The worker starts with the first computation a page asks for (until then, the last load's
//! messages wait here); messages sent before it says `Ready` wait in an outbox (its wasm takes a
//! moment to start). A load crosses in pieces of at most [`PIECE_BYTES`]
//! (`compute::load_parts`), and once the worker is ready the outbox posts about that much per
//! task, yielding to the browser between tasks: the first load as one message of 33 MB made one
//! task of 54-142 ms on the page's thread (the text turned into a JavaScript string, then cloned
//! for the worker) just as the clusters page started its work. If the worker fails (an `error` event: its files are missing, or it panicked)
//! every request in flight, and every later one, ends with an error saying so: the page does not
//! compute the statistics itself, so that its module does not carry them (the first load stays
//! small) and a slow computation never freezes it.

use crate::data::Loaded;
use crate::loader::yield_to_browser;
use arena_lens_core::compute::load_parts::encode_load_parts;
use arena_lens_core::compute::protocol::{Job, JobResult, Kind, Request, Response};
use arena_lens_core::source::SourceFile;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, beside `index.html` (Trunk writes it for `data-loader-shim`).
const WORKER_SCRIPT: &str = "compute-worker_loader.js";
/// The most text of a load one message carries, and about what one task posts: a few
/// milliseconds of the page's thread on a busy machine (33 MB took 54-142 ms in one message).
const PIECE_BYTES: usize = 2 << 20;

/// What a request's sender hears.
pub enum Event {
    Progress {
        done: u64,
        total: u64,
    },
    /// The job ended with a result or an error text. `completed`: the jobs the worker has run to
    /// completion so far (0 when it did not answer).
    Finished {
        result: Result<JobResult, String>,
        completed: u64,
    },
    /// The worker gave the job up for a newer one of its kind.
    Abandoned,
}

type Listener = Rc<dyn Fn(Event)>;

/// What the sender of a [`load_url`] hears: the worker's chunks of the file, its progress in
/// bytes, and the end.
pub enum LoadEvent {
    Chunk(js_sys::Uint8Array),
    Progress {
        done: u64,
        total: u64,
    },
    /// The worker holds the data set; or the load failed (the text says why; after a worker
    /// failure, `worker_failed`: the page should fetch the file itself).
    Finished {
        result: Result<(), String>,
        worker_failed: bool,
    },
    /// A newer load replaced this one.
    Abandoned,
}

pub type LoadSink = Rc<dyn Fn(LoadEvent)>;

struct InFlight {
    listener: Listener,
}

enum Mode {
    /// No page has asked for a computation yet, so no worker was started (a page that computes
    /// nothing, such as compare, never starts one). The last load's messages wait here.
    Idle(Vec<String>),
    /// The worker is starting; messages wait in the outbox.
    Starting(web_sys::Worker),
    /// The worker reads messages; the outbox is posted a piece per task.
    Ready(web_sys::Worker),
    /// The worker could not start or failed: why. Every request ends with this error.
    Failed(String),
}

struct Client {
    mode: Mode,
    /// Encoded messages not posted yet, in order.
    outbox: VecDeque<String>,
    /// A task posting the outbox is scheduled.
    draining: bool,
    next_id: u64,
    newest: HashMap<Kind, u64>,
    in_flight: HashMap<u64, InFlight>,
    /// URL loads the worker is reading, by id.
    loads: HashMap<u64, LoadSink>,
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
        mode: Mode::Idle(Vec::new()),
        outbox: VecDeque::new(),
        draining: false,
        next_id: 0,
        newest: HashMap::new(),
        in_flight: HashMap::new(),
        loads: HashMap::new(),
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
            // A chunk of a URL load: `[id, Uint8Array]` beside the JSON messages.
            if let Some(pair) = ev.data().dyn_ref::<js_sys::Array>() {
                let id = pair.get(0).as_f64().unwrap_or(-1.0) as u64;
                let sink = with_client(|c| c.loads.get(&id).cloned());
                if let Some(sink) = sink {
                    sink(LoadEvent::Chunk(pair.get(1).unchecked_into()));
                }
                return;
            }
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
        fail(&what);
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
        let id = c.newest_of(Kind::Load);
        match &mut c.mode {
            // Only a load waits before the worker is woken: the newest replaces the last.
            Mode::Idle(load) => *load = encode_load_parts(id, files, false, PIECE_BYTES),
            Mode::Failed(_) => {}
            Mode::Starting(_) | Mode::Ready(_) => {
                c.send_all(encode_load_parts(id, files, false, PIECE_BYTES))
            }
        }
    });
    flush(true);
}

/// Sends the files of the diff's run 2 to the worker, which keeps them beside the main data set,
/// and returns the id a diff names them by (`DiffData::Second`). Starts the worker if need be.
pub fn load_second(files: &[SourceFile]) -> u64 {
    let id = with_client(|c| {
        let id = c.newest_of(Kind::LoadSecond);
        c.wake();
        if !matches!(c.mode, Mode::Failed(_)) {
            c.send_all(encode_load_parts(id, files, true, PIECE_BYTES));
        }
        id
    });
    flush(true);
    id
}

/// What a request hears when there is no worker.
fn no_worker(why: &str) -> String {
    format!("The compute worker could not start ({why}). This page computes its statistics in a Web Worker, not on the page; reload it, or use a browser that allows workers.")
}

/// Asks the worker to fetch `url` and read it as `path` ([`Job::LoadUrl`]), replacing any earlier
/// load; `sink` hears the file's chunks (for the page's own copy), progress and the end. False when
/// there is no worker: the page fetches the file itself.
pub fn load_url(url: &str, path: &str, sink: LoadSink) -> bool {
    let sent = with_client(|c| {
        // A load waiting for the worker to start is replaced by this one.
        if let Mode::Idle(waiting) = &mut c.mode {
            waiting.clear();
        }
        c.wake();
        if matches!(c.mode, Mode::Failed(_)) {
            return false;
        }
        let id = c.newest_of(Kind::Load);
        c.loads.insert(id, sink);
        c.send_all(vec![Request {
            id,
            job: Job::LoadUrl {
                url: url.to_string(),
                path: path.to_string(),
            },
        }
        .encode()]);
        true
    });
    flush(false);
    sent
}

impl Client {
    /// A new request id, now the newest of `kind` (an older request of that kind is replaced).
    fn newest_of(&mut self, kind: Kind) -> u64 {
        self.next_id += 1;
        self.newest.insert(kind, self.next_id);
        self.next_id
    }

    /// Starts the worker on the first request that needs it, with the waiting load first.
    fn wake(&mut self) {
        let Mode::Idle(load) = &mut self.mode else {
            return;
        };
        let load = std::mem::take(load);
        self.mode = match spawn_worker() {
            Ok(w) => {
                self.outbox.extend(load);
                Mode::Starting(w)
            }
            Err(e) => {
                log(&format!("compute worker unavailable ({e})"));
                Mode::Failed(e)
            }
        };
    }
}

/// Starts the worker if no page has yet, and says whether requests go to it (false once it could
/// not start or failed). A page with a sliced main-thread path of its own (the clusters page)
/// takes that path instead.
pub fn worker_available() -> bool {
    with_client(|c| {
        c.wake();
        !matches!(c.mode, Mode::Failed(_))
    })
}

/// Sends `job` (computed on the worker's copy of `_data`, the load the page made before) and
/// returns its id; `listener` hears its progress and end. The request replaces any older one of
/// its kind.
pub fn submit(job: Job, _data: Arc<Loaded>, listener: Listener) -> u64 {
    let (id, failed) = with_client(|c| {
        let id = c.newest_of(job.kind());
        c.wake();
        let failed = match &c.mode {
            Mode::Failed(why) => Some(why.clone()),
            _ => None,
        };
        if failed.is_none() {
            c.send_all(vec![Request { id, job }.encode()]);
        }
        c.in_flight.insert(
            id,
            InFlight {
                listener: listener.clone(),
            },
        );
        (id, failed)
    });
    flush(false);
    if let Some(why) = failed {
        // After this call returns, as a worker's answer would be.
        leptos::task::spawn_local(async move { fail_request(id, &why) });
    }
    id
}

impl Client {
    /// Queues messages for a started worker (not for an idle one: only a load waits there).
    fn send_all(&mut self, texts: Vec<String>) {
        if matches!(self.mode, Mode::Starting(_) | Mode::Ready(_)) {
            self.outbox.extend(texts);
        }
    }

    /// Posts the outbox's first messages, at least one and about [`PIECE_BYTES`] of them, to a
    /// ready worker; says whether more wait.
    fn post_some(&mut self) -> bool {
        let Mode::Ready(w) = &self.mode else {
            return false;
        };
        let mut posted = 0;
        while posted < PIECE_BYTES {
            let Some(text) = self.outbox.pop_front() else {
                break;
            };
            posted += text.len();
            if let Err(e) = w.post_message(&JsValue::from_str(&text)) {
                log(&format!("compute worker: {e:?}"));
            }
        }
        !self.outbox.is_empty()
    }
}

/// Posts the outbox to a ready worker: a first piece at once, the rest a piece per task. `now`:
/// all of it at once, for a load sent from the task that parses the page's own copy (already a
/// long one): the worker then parses its copy meanwhile instead of after the pieces trickled in.
fn flush(now: bool) {
    let more = with_client(|c| {
        if now {
            while c.post_some() {}
        }
        if c.draining {
            return false;
        }
        let more = c.post_some();
        c.draining = more;
        more
    });
    if more {
        leptos::task::spawn_local(async {
            loop {
                yield_to_browser().await;
                let more = with_client(|c| {
                    let more = c.post_some();
                    c.draining = more;
                    more
                });
                if !more {
                    break;
                }
            }
        });
    }
}

fn on_response(resp: Response) {
    if let Response::Ready = resp {
        with_client(|c| {
            if let Mode::Starting(w) = &c.mode {
                c.mode = Mode::Ready(w.clone());
            }
        });
        // The waiting load: a piece per task, as the page is otherwise idle here.
        flush(false);
        return;
    }
    let Some(id) = resp.id() else { return };
    let terminal = !matches!(resp, Response::Progress { .. });
    let load = with_client(|c| {
        let l = c.loads.get(&id).cloned();
        if terminal {
            c.loads.remove(&id);
        }
        l
    });
    if let Some(sink) = load {
        sink(match resp {
            Response::Progress { done, total, .. } => LoadEvent::Progress { done, total },
            Response::Done { .. } => LoadEvent::Finished {
                result: Ok(()),
                worker_failed: false,
            },
            Response::Failed { error, .. } => LoadEvent::Finished {
                result: Err(error),
                worker_failed: false,
            },
            Response::Abandoned { .. } | Response::Ready => LoadEvent::Abandoned,
        });
        return;
    }
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

/// The worker failed: every request in flight, and every later one, ends with an error saying so;
/// a URL load hears it too, and the page fetches the file itself.
fn fail(why: &str) {
    let (ids, loads): (Vec<u64>, Vec<LoadSink>) = with_client(|c| {
        if let Mode::Starting(w) | Mode::Ready(w) = &c.mode {
            w.terminate();
        }
        c.mode = Mode::Failed(why.to_string());
        c.outbox.clear();
        (
            c.in_flight.keys().copied().collect(),
            c.loads.drain().map(|(_, s)| s).collect(),
        )
    });
    log(&format!("compute worker failed ({why})"));
    for sink in loads {
        sink(LoadEvent::Finished {
            result: Err(format!("the compute worker failed ({why})")),
            worker_failed: true,
        });
    }
    for id in ids {
        fail_request(id, why);
    }
}

fn fail_request(id: u64, why: &str) {
    let listener = with_client(|c| c.in_flight.remove(&id).map(|f| f.listener));
    if let Some(listener) = listener {
        listener(Event::Finished {
            result: Err(no_worker(why)),
            completed: 0,
        });
    }
}
