//! Parquet files in the site, without making the first load bigger: the parquet crate lives in a
//! separate wasm module, a web worker (crates/parquet-worker, built by Trunk from the `data-type=
//! "worker"` link in index.html), which this module starts only when a `.parquet` file is opened
//! (`?data=`, the file picker, a drop, or a manifest entry). The worker gets the file's bytes (their
//! buffer transferred, not copied) and answers with its rows as JSON Lines, which the loader then
//! hands to the core under the file's own name, exactly as a JSON Lines battle log (so the load
//! report says `file:row N`). One worker per file, ended when it has answered.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Trunk's loader shim for the worker (`data-loader-shim`): it imports the worker's wasm-bindgen
/// glue and starts its wasm. Worker files keep their names (Trunk does not hash them).
pub const WORKER_SCRIPT: &str = "parquet-worker_loader.js";

/// The rows of the Parquet file `name` (whose bytes are `bytes`) as JSON Lines, or an error
/// naming the file.
pub async fn to_json_lines(name: &str, bytes: js_sys::ArrayBuffer) -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = crate::loader::resolve(WORKER_SCRIPT, &base)?;
    let worker = web_sys::Worker::new(&url)
        .map_err(|e| format!("{name}: the Parquet module could not start ({e:?})"))?;
    let slots: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>> = Rc::default();
    let promise = {
        let slots = slots.clone();
        js_sys::Promise::new(&mut move |resolve, reject| {
            *slots.borrow_mut() = Some((resolve, reject));
        })
    };
    let Some((resolve, reject)) = slots.take() else {
        return Err(format!("{name}: the Parquet module could not start"));
    };
    // The worker says `ready` once its handler is installed; only then are the bytes posted.
    let on_message = {
        let (worker, reject) = (worker.clone(), reject.clone());
        let mut bytes = Some(bytes);
        let name = name.to_string();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or_default();
            if let Some(text) = get("text").as_string() {
                let _ = resolve.call1(&JsValue::NULL, &text.into());
            } else if let Some(error) = get("error").as_string() {
                let _ = reject.call1(&JsValue::NULL, &error.into());
            } else if get("ready").is_truthy() {
                if let Some(buf) = bytes.take() {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"name".into(), &name.as_str().into());
                    let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &buf);
                    let sent = worker.post_message_with_transfer(&msg, &js_sys::Array::of1(&buf));
                    if sent.is_err() {
                        let _ = reject.call1(&JsValue::NULL, &"could not hand over".into());
                    }
                }
            }
        })
    };
    // A worker that fails to load (or dies) raises `error` on the Worker object.
    let on_error = {
        let reject = reject.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let why = js_sys::Reflect::get(&ev, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the module failed to load".into());
            let _ = reject.call1(&JsValue::NULL, &why.into());
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let result = JsFuture::from(promise).await;
    worker.terminate();
    drop((on_message, on_error));
    match result {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| format!("{name}: the Parquet module answered no text")),
        Err(e) => {
            let msg = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            // The worker's own errors already name the file.
            Err(if msg.starts_with(name) {
                msg
            } else {
                format!("{name}: Parquet module: {msg}")
            })
        }
    }
}
