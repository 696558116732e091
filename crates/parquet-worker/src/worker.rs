//! The browser glue: the message handler on the worker's global scope and the panic hook.

use crate::reply::{answer, Reply};
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    /// The file being read, for the panic hook's message.
    static CURRENT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `{key: value}` to the app.
fn post(key: &str, value: &JsValue) {
    let msg = Object::new();
    let _ = Reflect::set(&msg, &key.into(), value);
    let _ = scope().post_message(&msg);
}

/// Installs the handler and the panic hook, then tells the app the worker is ready (a message posted
/// before the handler exists would be lost).
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let file = CURRENT.with(|c| c.borrow().clone());
        post(
            "error",
            &format!("{file}: the Parquet reader stopped on malformed data ({info})").into(),
        );
    }));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        let data = ev.data();
        let name = Reflect::get(&data, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "file.parquet".into());
        let bytes = Reflect::get(&data, &"bytes".into())
            .map(|b| Uint8Array::new(&b).to_vec())
            .unwrap_or_default();
        CURRENT.with(|c| *c.borrow_mut() = name.clone());
        match answer(&name, bytes) {
            Reply::Text(text) => post("text", &text.into()),
            Reply::Error(e) => post("error", &e.into()),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post("ready", &JsValue::TRUE);
}
