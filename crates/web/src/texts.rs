//! Long texts on demand: answers and judges' reasoning, fetched per model file when the compare page
//! shows that model.
//!
//! A manifest written by `arena-lens index --slim` lists a slim copy of every answer and judgment file.
//! The loader reads those (verdicts, token counts, style metadata) so the leaderboard never waits for
//! prose, and records where each full file is ([`LazyFiles`]). The compare page asks for the full files
//! of the two models it shows under the current judge; each is fetched once, parsed on its own by the
//! same core parser, and kept in the [`TextStore`]. A text is looked up there by model name, judge name
//! and prompt id, so the slim data set's interned ids never have to match the full file's. This module
//! only keeps that state; the loader's `request_texts` does the fetching.

use arena_lens_core::bench::{Answer, Bench, Judgment};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::{classify, FileRole};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Where the full copies of slim-loaded files are: URL and size, by the path the data set knows the
/// file under (the bench-prefixed manifest path), and that path by the file's role, so a lookup by
/// model and judge is a map access rather than a scan of every path.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LazyFiles {
    files: BTreeMap<String, (String, u64)>,
    by_role: HashMap<FileRole, String>,
}

impl LazyFiles {
    /// Records that the file known as `path` has its full copy at `url`.
    pub fn insert(&mut self, path: String, url: String, bytes: u64) {
        self.by_role.insert(classify(&path), path.clone());
        self.files.insert(path, (url, bytes));
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// URL and size of the full copy of `path`.
    pub fn get(&self, path: &str) -> Option<&(String, u64)> {
        self.files.get(path)
    }

    fn answers(&self, bench: &str, model: &str) -> Option<&String> {
        self.by_role.get(&FileRole::Answers {
            bench: bench.to_string(),
            model: model.to_string(),
        })
    }

    fn judgments(&self, bench: &str, judge: &str, model: &str) -> Option<&String> {
        self.by_role.get(&FileRole::Judgments {
            bench: bench.to_string(),
            judge: judge.to_string(),
            model: model.to_string(),
        })
    }

    /// The full files holding `models`' answers, and their judgments by `judge`, in bench `bench`.
    pub fn for_models(&self, bench: &str, judge: &str, models: &[String]) -> Vec<String> {
        let mut paths: Vec<String> = models
            .iter()
            .flat_map(|m| [self.answers(bench, m), self.judgments(bench, judge, m)])
            .flatten()
            .cloned()
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

/// One full file's state.
#[derive(Clone, Debug)]
pub enum TextFile {
    Loading,
    Ready(Arc<Dataset>),
    Failed(String),
}

/// What a lookup found.
pub enum Lookup<T> {
    /// The data was loaded in full: use the slim data set's own value.
    NotLazy,
    /// The text is in a file that has not arrived yet.
    Loading,
    Failed(String),
    /// The file arrived but has no such row (for example a text-less single-game judgment).
    Absent,
    Found(T),
}

/// The full files fetched so far for the current data set.
#[derive(Clone, Debug, Default)]
pub struct TextStore {
    files: HashMap<String, TextFile>,
    /// The data load these files belong to; a reply for an older load is dropped.
    pub generation: u64,
}

impl TextStore {
    pub fn new(generation: u64) -> TextStore {
        TextStore {
            files: HashMap::new(),
            generation,
        }
    }

    /// Those of `paths` neither loaded nor loading, with the URL of their full copy.
    pub fn missing(&self, lazy: &LazyFiles, paths: &[String]) -> Vec<(String, String)> {
        paths
            .iter()
            .filter(|p| !self.files.contains_key(*p))
            .filter_map(|p| lazy.get(p).map(|(url, _)| (p.clone(), url.clone())))
            .collect()
    }

    /// Records the state of the full file known as `path`.
    pub fn set(&mut self, path: String, state: TextFile) {
        self.files.insert(path, state);
    }

    /// How far the given files are: (ready, total, bytes ready, bytes total, failures).
    pub fn progress(&self, lazy: &LazyFiles, paths: &[String]) -> (usize, usize, u64, u64, usize) {
        let mut out = (0, paths.len(), 0, 0, 0);
        for p in paths {
            let bytes = lazy.get(p).map_or(0, |f| f.1);
            out.3 += bytes;
            match self.files.get(p) {
                Some(TextFile::Ready(_)) => {
                    out.0 += 1;
                    out.2 += bytes;
                }
                Some(TextFile::Failed(_)) => out.4 += 1,
                _ => {}
            }
        }
        out
    }

    fn lookup<T>(
        &self,
        lazy: Option<&LazyFiles>,
        path: Option<&String>,
        find: impl FnMut(&Bench) -> Option<T>,
    ) -> Lookup<T> {
        if lazy.is_none() {
            return Lookup::NotLazy;
        }
        let Some(path) = path else {
            return Lookup::Absent;
        };
        match self.files.get(path) {
            None | Some(TextFile::Loading) => Lookup::Loading,
            Some(TextFile::Failed(e)) => Lookup::Failed(e.clone()),
            Some(TextFile::Ready(ds)) => ds
                .benches
                .values()
                .find_map(find)
                .map_or(Lookup::Absent, Lookup::Found),
        }
    }

    /// `model`'s full answer to prompt `prompt_id`.
    pub fn answer(
        &self,
        lazy: Option<&LazyFiles>,
        bench: &str,
        model: &str,
        prompt_id: &str,
    ) -> Lookup<Answer> {
        let path = lazy.and_then(|l| l.answers(bench, model));
        self.lookup(lazy, path, |b| {
            let m = b.models.get(model)?;
            let p = *b.prompt_index.get(prompt_id)?;
            b.answer(m, p).cloned()
        })
    }

    /// `judge`'s full judgment of `model` on prompt `prompt_id`.
    pub fn judgment(
        &self,
        lazy: Option<&LazyFiles>,
        bench: &str,
        judge: &str,
        model: &str,
        prompt_id: &str,
    ) -> Lookup<Judgment> {
        let path = lazy.and_then(|l| l.judgments(bench, judge, model));
        self.lookup(lazy, path, |b| {
            let (j, m) = (b.judges.get(judge)?, b.models.get(model)?);
            let p = *b.prompt_index.get(prompt_id)?;
            b.judgments
                .iter()
                .find(|x| x.judge == j && x.model == m && x.prompt == p)
                .cloned()
        })
    }
}
