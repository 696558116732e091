//! The loaded data set, shared by every page: where it came from, how long it took, and its state.
//!
//! The modules around it depend on it in one direction: [`crate::texts`] holds the long-text store
//! and imports nothing of the app, this module holds the state that refers to it, and the loader
//! (which imports both) fills them.

use crate::texts::{LazyFiles, TextStore};
use arena_lens_core::dataset::Dataset;
use std::sync::Arc;

/// Progress of a load: files and bytes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub current: String,
    /// Battles read so far, when a battle log is read as it arrives.
    pub battles: u64,
}

/// A loaded data set with where it came from.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    /// What the user sees as the source ("demo", a URL, or "local files").
    pub source: String,
    pub files: usize,
    pub bytes: usize,
    /// Fetch/read time, then parse time.
    pub fetch_ms: f64,
    pub parse_ms: f64,
    /// Set when slim copies were loaded: where the full files with the long texts are.
    pub lazy: Option<LazyFiles>,
}

/// What a load hands over: the files to parse, and the full files behind any slim copies; or a
/// file already read as it arrived (`parsed`, `files` then empty).
pub struct Fetched {
    pub files: Vec<arena_lens_core::source::SourceFile>,
    pub lazy: Option<LazyFiles>,
    pub parsed: Option<Parsed>,
}

/// A file read while it arrived (`crate::stream`): its data set, its size, and how long the read
/// took after the last byte came.
pub struct Parsed {
    pub dataset: Dataset,
    pub bytes: usize,
    pub finish_ms: f64,
}

/// Where the data is in its life.
#[derive(Clone, Debug)]
pub enum LoadState {
    Idle,
    Loading(Progress),
    Ready(Arc<Loaded>),
    Failed(String),
}

impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadState::Idle, LoadState::Idle) => true,
            (LoadState::Loading(a), LoadState::Loading(b)) => a == b,
            // The same load is the same data; comparing data sets field by field would be slow.
            (LoadState::Ready(a), LoadState::Ready(b)) => Arc::ptr_eq(a, b),
            (LoadState::Failed(a), LoadState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Shared through context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct DataContext {
    pub state: leptos::prelude::RwSignal<LoadState>,
    /// Bumped for each new load, so a slow old load cannot overwrite a newer one.
    pub generation: leptos::prelude::RwSignal<u64>,
    /// Long texts fetched on demand for the current load.
    pub texts: leptos::prelude::RwSignal<TextStore>,
}

/// The data the site opens when the URL names none: the synthetic demo, beside the page.
pub const DEMO_DATA: &str = "data/demo/";
