//! Getting data files into the browser: over HTTP (a folder's `manifest.json`, or one battles file) or
//! from the user's own files (picker or drag and drop), and the full files behind slim copies when a
//! page asks for their long texts. Nothing is uploaded anywhere.

use crate::clock::now_ms;
use crate::data::{DataContext, Fetched, LoadState, Loaded, Progress};
use crate::texts::{LazyFiles, TextFile, TextStore};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::manifest::Manifest;
use arena_lens_core::source::{is_data_file, is_parquet, SourceFile};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves `url` against the page's base URL.
pub fn resolve(url: &str, base: &str) -> Result<String, String> {
    web_sys::Url::new_with_base(url, base)
        .map(|u| u.href())
        .map_err(|_| format!("not a valid URL: {url}"))
}

fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// GETs `url` and keeps the response only when its status is a success; every error names the URL.
async fn fetch_ok(url: &str) -> Result<gloo_net::http::Response, String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!(
            "{url}: HTTP {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    Ok(resp)
}

pub(crate) async fn fetch_text(url: &str) -> Result<String, String> {
    let resp = fetch_ok(url).await?;
    resp.text().await.map_err(|e| format!("{url}: {e}"))
}

/// Fetches a file's bytes.
async fn fetch_bytes(url: &str) -> Result<js_sys::ArrayBuffer, String> {
    let resp = fetch_ok(url).await?;
    let bytes = resp.binary().await.map_err(|e| format!("{url}: {e}"))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()).buffer())
}

/// A data file's text as the core reads it, fetched from `url` and read under `path`: a Parquet
/// file's rows as JSON Lines (through the Parquet worker, [`crate::parquet`]), any other file as
/// it is.
async fn fetch_data(url: &str, path: &str) -> Result<String, String> {
    if is_parquet(path, b"") {
        return crate::parquet::to_json_lines(path, fetch_bytes(url).await?).await;
    }
    fetch_text(url).await
}

/// The last folder and file name of a URL path, so a battles file gets the bench name the CLI gives it.
fn tail_path(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let n = parts.len();
    let decode = |s: &str| {
        js_sys::decode_uri_component(s)
            .map(String::from)
            .unwrap_or_else(|_| s.to_string())
    };
    match n {
        0 => "battles.jsonl".into(),
        1 | 2 => decode(parts[n - 1]),
        _ => format!("{}/{}", decode(parts[n - 2]), decode(parts[n - 1])),
    }
}

/// Fetches the page's data URL. A single data file other than Parquet is fetched and read by the
/// compute worker as it arrives, the page reading its own copy of the same chunks
/// ([`crate::stream`]); without a worker, and for folders, as [`fetch_files`] does.
pub async fn fetch_for_page(url: &str, progress: impl Fn(Progress)) -> Result<Fetched, String> {
    let abs = resolve(url, &document_base())?;
    let file_part = abs.split(['?', '#']).next().unwrap_or("");
    let http = abs.starts_with("http://") || abs.starts_with("https://");
    if http
        && is_data_file(file_part)
        && !file_part.ends_with("manifest.json")
        && !is_parquet(file_part, b"")
    {
        let path = tail_path(&abs);
        if let Some(parsed) = crate::stream::via_worker(&abs, &path, &progress).await {
            return parsed.map(|p| Fetched {
                files: Vec::new(),
                lazy: None,
                parsed: Some(p),
            });
        }
    }
    fetch_files(url, progress).await
}

/// Fetches a data URL: a single data file (`.jsonl`, `.json`, `.csv`, `.parquet`), or a folder (or its
/// `manifest.json`).
pub async fn fetch_files(url: &str, progress: impl Fn(Progress)) -> Result<Fetched, String> {
    let abs = resolve(url, &document_base())?;
    if !(abs.starts_with("http://") || abs.starts_with("https://")) {
        return Err(format!("only http(s) data URLs are supported: {url}"));
    }
    let file_part = abs.split(['?', '#']).next().unwrap_or("");
    if is_data_file(file_part) && !file_part.ends_with("manifest.json") {
        progress(Progress {
            files_total: 1,
            current: abs.clone(),
            ..Default::default()
        });
        let path = tail_path(&abs);
        let text = fetch_data(&abs, &path).await?;
        let bytes = text.len() as u64;
        progress(Progress {
            files_done: 1,
            files_total: 1,
            bytes_done: bytes,
            bytes_total: bytes,
            ..Default::default()
        });
        return Ok(Fetched {
            files: vec![SourceFile { path, text }],
            lazy: None,
            parsed: None,
        });
    }
    let manifest_url = if abs.ends_with("manifest.json") {
        abs.clone()
    } else if abs.ends_with('/') {
        format!("{abs}manifest.json")
    } else {
        format!("{abs}/manifest.json")
    };
    let manifest_text = fetch_text(&manifest_url).await.map_err(|e| {
        format!("{e} (a data folder needs a manifest.json: run `arena-lens index DIR`)")
    })?;
    let manifest = Manifest::parse(&manifest_text).map_err(|e| format!("{manifest_url}: {e}"))?;
    let mut p = Progress {
        files_total: manifest.files.len(),
        bytes_total: manifest.first_load_bytes(),
        ..Default::default()
    };
    progress(p.clone());
    // A manifest inside a bench folder lists `question.jsonl`, `model_answer/...`: name the bench after
    // the folder, as the CLI does for a bench folder.
    let is_bench = manifest.files.iter().any(|f| {
        f.path == "question.jsonl"
            || f.path.starts_with("model_answer/")
            || f.path.starts_with("model_judgment/")
    });
    let folder = {
        let base = if manifest.base.is_empty() {
            "./"
        } else {
            manifest.base.as_str()
        };
        let dir = resolve(base, &manifest_url)?;
        let name = dir
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        js_sys::decode_uri_component(&name)
            .map(String::from)
            .unwrap_or(name)
    };
    let prefix = if is_bench && !folder.is_empty() {
        format!("{folder}/")
    } else {
        String::new()
    };
    let mut files = Vec::with_capacity(manifest.files.len() + 1);
    files.push(SourceFile {
        path: "manifest.json".into(),
        text: manifest_text.clone(),
    });
    let mut lazy = LazyFiles::default();
    // A few requests at a time: HTTP/1.1 browsers allow six per host, and order is kept per chunk.
    for chunk in manifest.files.chunks(6) {
        let mut urls = Vec::with_capacity(chunk.len());
        for entry in chunk {
            let full = resolve(
                &format!("{}{}", manifest.base, encode_path(&entry.path)),
                &manifest_url,
            )?;
            // A slim copy sits beside the manifest; the full file is fetched when its texts are read.
            urls.push(match &entry.slim {
                Some(slim) => {
                    lazy.insert(format!("{prefix}{}", entry.path), full, entry.bytes);
                    resolve(&encode_path(&slim.path), &manifest_url)?
                }
                None => full,
            });
        }
        p.current = chunk
            .iter()
            .map(|e| e.path.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        progress(p.clone());
        let texts = futures::future::join_all(
            urls.iter()
                .zip(chunk)
                .map(|(u, entry)| fetch_data(u, &entry.path)),
        )
        .await;
        for (entry, text) in chunk.iter().zip(texts) {
            let text = text?;
            p.files_done += 1;
            let listed = entry.slim.as_ref().map_or(entry.bytes, |s| s.bytes);
            p.bytes_done += listed.max(text.len() as u64);
            files.push(SourceFile {
                path: format!("{prefix}{}", entry.path),
                text,
            });
        }
        progress(p.clone());
    }
    Ok(Fetched {
        files,
        lazy: (!lazy.is_empty()).then_some(lazy),
        parsed: None,
    })
}

/// Percent-encodes each path segment (model names hold spaces, parentheses and non-Latin letters).
fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| String::from(js_sys::encode_uri_component(seg)))
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads files the user picked or dropped. Folder pickers give `webkitRelativePath`, which keeps the
/// bench layout; plain files keep their names.
pub async fn read_local(
    files: Vec<web_sys::File>,
    progress: impl Fn(Progress),
) -> Result<Fetched, String> {
    read_local_at(
        files.into_iter().map(|f| (relative_path(&f), f)).collect(),
        progress,
    )
    .await
}

/// A picked file's path: `webkitRelativePath` from a folder picker, else its name.
pub fn relative_path(f: &web_sys::File) -> String {
    js_sys::Reflect::get(f, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| f.name())
}

/// Reads files at the paths given (a drop's paths inside the dropped folder, `ui::drop`).
pub async fn read_local_at(
    files: Vec<(String, web_sys::File)>,
    progress: impl Fn(Progress),
) -> Result<Fetched, String> {
    let mut p = Progress {
        files_total: files.len(),
        bytes_total: files.iter().map(|f| f.1.size() as u64).sum(),
        ..Default::default()
    };
    let mut out = Vec::new();
    for (rel, f) in files {
        p.current = rel.clone();
        progress(p.clone());
        let text = if is_parquet(&rel, b"") {
            let buf = JsFuture::from(f.array_buffer())
                .await
                .map_err(|_| format!("{rel}: could not be read"))?;
            crate::parquet::to_json_lines(&rel, buf.unchecked_into()).await?
        } else {
            JsFuture::from(f.text())
                .await
                .map_err(|_| format!("{rel}: could not be read"))?
                .as_string()
                .unwrap_or_default()
        };
        p.files_done += 1;
        p.bytes_done += f.size() as u64;
        progress(p.clone());
        if is_data_file(&rel) {
            out.push(SourceFile { path: rel, text });
        }
    }
    if out.is_empty() {
        return Err("no data files (.jsonl, .json, .csv, .parquet) among the chosen files".into());
    }
    Ok(Fetched {
        files: out,
        lazy: None,
        parsed: None,
    })
}

/// Collects a `FileList` into a vector.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Runs a load and publishes its progress and result, unless a newer load started meanwhile.
pub fn start_load<F>(
    ctx: DataContext,
    source: String,
    fut: impl FnOnce(Box<dyn Fn(Progress)>) -> F + 'static,
) where
    F: std::future::Future<Output = Result<Fetched, String>> + 'static,
{
    ctx.generation.update(|g| *g += 1);
    let my_gen = ctx.generation.get_untracked();
    ctx.texts.set(TextStore::new(my_gen));
    ctx.state.set(LoadState::Loading(Progress::default()));
    leptos::task::spawn_local(async move {
        let t0 = now_ms();
        let report: Box<dyn Fn(Progress)> = Box::new(move |p| {
            if ctx.generation.get_untracked() == my_gen {
                ctx.state.set(LoadState::Loading(p));
            }
        });
        let result = fut(report).await;
        let t1 = now_ms();
        if ctx.generation.get_untracked() != my_gen {
            return;
        }
        let state = match result {
            Ok(Fetched {
                parsed: Some(p), ..
            }) => {
                // The worker read the file as it arrived and holds its own data set already.
                let parse_ms = p.finish_ms;
                LoadState::Ready(Arc::new(Loaded {
                    dataset: p.dataset,
                    source,
                    files: 1,
                    bytes: p.bytes,
                    fetch_ms: t1 - t0 - parse_ms,
                    parse_ms,
                    lazy: None,
                }))
            }
            Ok(Fetched { files, lazy, .. }) => {
                // Let the progress bar paint its last state before the parse blocks the thread.
                yield_to_browser().await;
                let n = files.len();
                let bytes = files.iter().map(|f| f.text.len()).sum();
                // The compute worker parses its own copy, meanwhile.
                crate::compute::load(&files);
                let dataset = Dataset::load(files);
                LoadState::Ready(Arc::new(Loaded {
                    dataset,
                    source,
                    files: n,
                    bytes,
                    fetch_ms: t1 - t0,
                    parse_ms: now_ms() - t1,
                    lazy,
                }))
            }
            Err(e) => LoadState::Failed(e),
        };
        ctx.state.set(state);
    });
}

/// Waits one macrotask, so the browser can render.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Fetches each of `paths` that is not loaded or loading yet into the data context's text store.
pub fn request_texts(ctx: DataContext, lazy: &LazyFiles, paths: &[String]) {
    let generation = ctx.texts.with_untracked(|t| t.generation);
    let missing = ctx.texts.with_untracked(|t| t.missing(lazy, paths));
    if missing.is_empty() {
        return;
    }
    ctx.texts.update(|t| {
        for (p, _) in &missing {
            t.set(p.clone(), TextFile::Loading);
        }
    });
    for (path, url) in missing {
        leptos::task::spawn_local(async move {
            let state = match fetch_text(&url).await {
                Ok(text) => TextFile::Ready(Arc::new(Dataset::load(vec![SourceFile {
                    path: path.clone(),
                    text,
                }]))),
                Err(e) => TextFile::Failed(e),
            };
            ctx.texts.update(|t| {
                if t.generation == generation {
                    t.set(path, state);
                }
            });
        });
    }
}
