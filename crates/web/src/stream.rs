//! A data file read while it arrives: the compute worker fetches it and reads it chunk by chunk
//! (`Job::LoadUrl`, so it holds the data set every computation needs), and hands each chunk to
//! the page, which reads its own copy with the same core reader (`stream_load::StreamLoad`) for
//! the scope, the choices and the texts its pages show. Neither side ever holds a battle log as
//! one text, and the page reads in slices of at most [`SLICE_MS`], so it never blocks.

use crate::clock::now_ms;
use crate::compute::{LoadEvent, LoadSink};
use crate::data::{Parsed, Progress};
use crate::loader::yield_to_browser;
use arena_lens_core::stream_load::StreamLoad;
use futures::StreamExt;
use std::rc::Rc;

/// Reading between two yields to the browser: well under the 50 ms of a long task.
const SLICE_MS: f64 = 25.0;
/// Bytes read between two looks at the clock (a few dozen battles).
const PIECE: usize = 32 * 1024;
/// At most this often a progress update (each one renders the progress bar).
const PROGRESS_MS: f64 = 100.0;

/// Has the compute worker fetch and read `url` as `path`, reading the same chunks here. `None`:
/// there is no worker (or it failed), so the caller fetches the file itself.
pub async fn via_worker(
    url: &str,
    path: &str,
    progress: &dyn Fn(Progress),
) -> Option<Result<Parsed, String>> {
    let (tx, mut rx) = futures::channel::mpsc::unbounded::<LoadEvent>();
    let sink: LoadSink = Rc::new(move |ev| {
        // The receiver is gone only when this load was dropped; nothing is waiting then.
        let _ = tx.unbounded_send(ev);
    });
    if !crate::compute::load_url(url, path, sink) {
        return None;
    }
    let mut load = StreamLoad::new(path);
    let mut p = Progress {
        files_total: 1,
        current: url.to_string(),
        ..Default::default()
    };
    progress(p.clone());
    let mut shown = now_ms();
    let mut slice = now_ms();
    let mut idle_since = now_ms();
    while let Some(ev) = rx.next().await {
        let t = now_ms();
        // A wait for the next message ended the last slice.
        if t - idle_since > 1.0 {
            slice = t;
        }
        match ev {
            LoadEvent::Chunk(chunk) => {
                // A chunk may be megabytes: read it in pieces, yielding between slices.
                for piece in chunk.to_vec().chunks(PIECE) {
                    load.push(piece);
                    if now_ms() - slice >= SLICE_MS {
                        yield_to_browser().await;
                        slice = now_ms();
                    }
                }
            }
            LoadEvent::Progress { total, .. } => {
                p.bytes_total = total;
                load.expect_bytes(total);
            }
            LoadEvent::Finished { result: Ok(()), .. } => break,
            LoadEvent::Finished {
                worker_failed: true,
                ..
            } => return None,
            LoadEvent::Finished { result: Err(e), .. } => return Some(Err(e)),
            LoadEvent::Abandoned => return Some(Err(format!("{url}: replaced by a newer load"))),
        }
        let t = now_ms();
        if t - shown >= PROGRESS_MS {
            shown = t;
            p.bytes_done = load.bytes();
            p.bytes_total = p.bytes_total.max(p.bytes_done);
            p.battles = load.battles() as u64;
            progress(p.clone());
        }
        if t - slice >= SLICE_MS {
            yield_to_browser().await;
            slice = now_ms();
        }
        idle_since = now_ms();
    }
    let t0 = now_ms();
    let bytes = load.bytes() as usize;
    p.files_done = 1;
    p.bytes_done = bytes as u64;
    p.bytes_total = p.bytes_done;
    p.battles = load.battles() as u64;
    p.current = String::new();
    progress(p);
    let dataset = load.finish();
    Some(Ok(Parsed {
        dataset,
        bytes,
        finish_ms: now_ms() - t0,
    }))
}
