//! Run 2 of the diff: the data named by `data2=` (a data folder, a battles file or a scores CSV),
//! or files the reader opens here ("Open a second run…": a folder, files, or one CSV, picked or
//! dropped on it; drops are read by `ui::drop`, as the data picker's are). Nothing is uploaded. Local files cannot travel in a link; the page says so.

use crate::loader::{fetch_files, fetch_text, file_list, read_local_at, relative_path, resolve};
use crate::ui::drop;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::diff::scores::{self, ScoresRun};
use arena_lens_core::source::SourceFile;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A loaded run 2.
#[derive(Debug)]
pub enum SecondData {
    /// A data set, parsed here (for the run card's choices) and sent to the compute worker, which
    /// holds its own copy under the id of that load (`compute::client::load_second`).
    Data {
        dataset: Dataset,
        load: u64,
    },
    Table(ScoresRun),
}

/// Run 2's data files: sent to the compute worker, then parsed here.
fn data(files: Vec<SourceFile>) -> SecondData {
    let load = crate::compute::client::load_second(&files);
    SecondData::Data {
        dataset: Dataset::load(files),
        load,
    }
}

/// Run 2 with where it came from.
#[derive(Debug)]
pub struct Second {
    pub data: SecondData,
    pub source: String,
    /// Opened from local files (not in the link).
    pub local: bool,
}

/// Run 2's state, compared by identity.
#[derive(Clone, Debug)]
pub enum SecondState {
    Loading(String),
    Ready(Arc<Second>),
    Failed(String),
}

impl PartialEq for SecondState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (SecondState::Loading(a), SecondState::Loading(b)) => a == b,
            (SecondState::Ready(a), SecondState::Ready(b)) => Arc::ptr_eq(a, b),
            (SecondState::Failed(a), SecondState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

fn base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// Fetches run 2 from a URL.
pub async fn load_url(url: String) -> Result<Second, String> {
    let data = if scores::is_table(&url) {
        let abs = resolve(&url, &base())?;
        let text = fetch_text(&abs).await?;
        SecondData::Table(scores::parse(&url, &text).map_err(|e| e.to_string())?)
    } else {
        let fetched = fetch_files(&url, |_| {}).await?;
        data(fetched.files)
    };
    Ok(Second {
        data,
        source: url,
        local: false,
    })
}

/// Reads run 2 from local files: one CSV is a scores table, anything else data files.
async fn load_local(files: Vec<(String, web_sys::File)>) -> Result<Second, String> {
    if let [(_, one)] = files.as_slice() {
        if scores::is_table(&one.name()) {
            let text = JsFuture::from(one.text())
                .await
                .map_err(|_| format!("{}: could not be read", one.name()))?
                .as_string()
                .unwrap_or_default();
            return Ok(Second {
                data: SecondData::Table(
                    scores::parse(&one.name(), &text).map_err(|e| e.to_string())?,
                ),
                source: one.name(),
                local: true,
            });
        }
    }
    let n = files.len();
    let fetched = read_local_at(files, |_| {}).await?;
    let files: Vec<SourceFile> = fetched.files;
    Ok(Second {
        data: data(files),
        source: format!("{n} local file(s)"),
        local: true,
    })
}

/// Loads run 2 from local files, publishing its state in `local`.
fn open_local(
    local: RwSignal<Option<SecondState>>,
    files: impl std::future::Future<Output = Result<Vec<(String, web_sys::File)>, String>> + 'static,
) {
    local.set(Some(SecondState::Loading("local files".into())));
    leptos::task::spawn_local(async move {
        let loaded = match files.await {
            Ok(f) if f.is_empty() => Err("nothing to read in what was dropped".to_string()),
            Ok(f) => load_local(f).await,
            Err(e) => Err(e),
        };
        local.set(Some(match loaded {
            Ok(s) => SecondState::Ready(Arc::new(s)),
            Err(e) => SecondState::Failed(e),
        }));
    });
}

/// "Open a second run…": a folder picker and a files picker (a CSV or .jsonl files), and a drop
/// zone for files or a folder.
#[component]
pub fn OpenSecondRun(local: RwSignal<Option<SecondState>>) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let folder: NodeRef<leptos::html::Input> = NodeRef::new();
    // `webkitdirectory` has no typed attribute in Leptos (as in `data_picker`): set it once mounted.
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let open = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let files: Vec<(String, web_sys::File)> = file_list(input.and_then(|i| i.files()))
            .into_iter()
            .map(|f| (relative_path(&f), f))
            .collect();
        if files.is_empty() {
            return;
        }
        open_local(local, async move { Ok(files) });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        dragging.set(false);
        let dropped = drop::take(&ev);
        if !dropped.is_empty() {
            open_local(local, dropped.files());
        }
    };
    view! {
        <div class="second-run" data-testid="open-second-run" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <span>"Open a second run…"</span>
            <label class="button">
                "Folder"
                <input node_ref=folder type="file" class="visually-hidden" multiple=true on:change=open data-testid="second-run-folder" />
            </label>
            <label class="button">
                "Files or a scores CSV"
                <input type="file" class="visually-hidden" multiple=true accept=".jsonl,.json,.csv" on:change=open data-testid="second-run-files" />
            </label>
            <span class="privacy">"or drop them here · read in your browser"</span>
        </div>
    }
}
