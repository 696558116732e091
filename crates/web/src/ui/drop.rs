//! Dropping files or folders on a drop zone, shared by the data picker (run 1) and "Open a second
//! run…" (the diff's run 2).
//!
//! A drop's items can only be read while the event lasts, so [`take`] copies out what it needs at
//! once: the file-system entry of each item (`webkitGetAsEntry`, which a dropped folder needs) or,
//! where the browser gives none (a `DataTransfer` built by a script), the plain files. [`Dropped::files`]
//! then walks dropped folders (`createReader().readEntries`, called until it returns nothing, as
//! the API hands out entries in batches) and returns each file with its path inside the drop, so
//! a dropped bench folder keeps its layout as the folder picker's `webkitRelativePath` does.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What a drop held, copied out while the event lasted.
pub struct Dropped {
    entries: Vec<JsValue>,
    files: Vec<web_sys::File>,
}

/// Takes the drop's entries (or files) and stops the browser from opening the file itself.
pub fn take(ev: &web_sys::DragEvent) -> Dropped {
    ev.prevent_default();
    let Some(dt) = ev.data_transfer() else {
        return Dropped {
            entries: Vec::new(),
            files: Vec::new(),
        };
    };
    let mut entries = Vec::new();
    if let Ok(items) = Reflect::get(&dt, &"items".into()) {
        let n = Reflect::get(&items, &"length".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        for i in 0..n {
            let Ok(item) = Reflect::get(&items, &i.into()) else {
                continue;
            };
            let entry = Reflect::get(&item, &"webkitGetAsEntry".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .and_then(|f| f.call0(&item).ok())
                .filter(|e| !e.is_null() && !e.is_undefined());
            match entry {
                Some(e) => entries.push(e),
                // One item without an entry: read the plain file list instead, whole.
                None => {
                    entries.clear();
                    break;
                }
            }
        }
    }
    let files = if entries.is_empty() {
        crate::loader::file_list(dt.files())
    } else {
        Vec::new()
    };
    Dropped { entries, files }
}

/// Calls `obj.method(resolve, reject)`: the entry API's callbacks as a future.
async fn callback(obj: &JsValue, method: &str) -> Result<JsValue, String> {
    let f: Function = Reflect::get(obj, &method.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the browser has no {method}"))?;
    let p = Promise::new(&mut |resolve, reject| {
        let _ = f.call2(obj, &resolve, &reject);
    });
    JsFuture::from(p)
        .await
        .map_err(|_| format!("a dropped item could not be read ({method})"))
}

fn flag(obj: &JsValue, name: &str) -> bool {
    Reflect::get(obj, &name.into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

impl Dropped {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.files.is_empty()
    }

    /// Every dropped file with its path in the drop (`folder/sub/file.jsonl`, or its name).
    pub async fn files(self) -> Result<Vec<(String, web_sys::File)>, String> {
        let mut out: Vec<(String, web_sys::File)> = self
            .files
            .into_iter()
            .map(|f| (crate::loader::relative_path(&f), f))
            .collect();
        let mut stack = self.entries;
        while let Some(entry) = stack.pop() {
            if flag(&entry, "isDirectory") {
                let reader = Reflect::get(&entry, &"createReader".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<Function>().ok())
                    .and_then(|f| f.call0(&entry).ok())
                    .ok_or("a dropped folder could not be read")?;
                loop {
                    let batch: Array = callback(&reader, "readEntries").await?.unchecked_into();
                    if batch.length() == 0 {
                        break;
                    }
                    stack.extend(batch.iter());
                }
            } else if flag(&entry, "isFile") {
                let path = Reflect::get(&entry, &"fullPath".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let file: web_sys::File = callback(&entry, "file").await?.unchecked_into();
                let path = path.trim_start_matches('/').to_string();
                out.push((if path.is_empty() { file.name() } else { path }, file));
            }
        }
        // Directory reads come back in no fixed order; the load is by path, so sort by it.
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }
}
