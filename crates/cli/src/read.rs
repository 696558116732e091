//! Reading a data path from disk into source files with paths relative to the data root.

use arena_lens_core::dataset::Dataset;
use arena_lens_core::source::SourceFile;
use std::path::{Path, PathBuf};

/// An input path that could not be read.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// True when `dir` is itself a bench folder rather than a root holding benches.
pub fn is_bench_dir(dir: &Path) -> bool {
    dir.join("question.jsonl").is_file()
        || dir.join("model_judgment").is_dir()
        || dir.join("model_answer").is_dir()
}

/// Every data file (`.jsonl`, `.json`, `.csv`, `.parquet`, see `source::is_data_file`) under `path`, sorted. A bench folder's files are named
/// `<folder>/...` so the bench takes the folder's name; a single file is named by its file name.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, ReadError> {
    let err = |p: &Path, e: std::io::Error| ReadError {
        path: p.to_path_buf(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(|e| err(path, e))?;
    if meta.is_file() {
        let name = single_name(path);
        let text = read_data(path, &name)?;
        return Ok(vec![SourceFile { path: name, text }]);
    }
    let prefix = if is_bench_dir(path) {
        let canon = path.canonicalize().map_err(|e| err(path, e))?;
        canon
            .file_name()
            .map(|n| format!("{}/", n.to_string_lossy()))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let wanted: Vec<(String, PathBuf)> = list_files(path)?
        .into_iter()
        // Slim copies (`index --slim`) duplicate files read here in full.
        .filter(|(rel, _)| {
            !arena_lens_core::source::is_slim_copy(rel)
                && arena_lens_core::source::is_data_file(rel)
        })
        .map(|(rel, full)| (format!("{prefix}{rel}"), full))
        .collect();
    read_all(&wanted)
}

/// Reads the files on as many threads as there are cores (at most [`MAX_THREADS`]), each
/// taking every n-th file; the first error in file order wins, as a loop would report it.
fn read_all(wanted: &[(String, PathBuf)]) -> Result<Vec<SourceFile>, ReadError> {
    let read_one = |(name, full): &(String, PathBuf)| {
        read_data(full, name).map(|text| SourceFile {
            path: name.clone(),
            text,
        })
    };
    let threads = threads().min(wanted.len());
    if threads <= 1 {
        return wanted.iter().map(read_one).collect();
    }
    let read_one = &read_one;
    let parts: Vec<Vec<(usize, Result<SourceFile, ReadError>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    wanted
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(i, w)| (i, read_one(w)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a reading thread panicked"))
            .collect()
    });
    let mut all: Vec<(usize, Result<SourceFile, ReadError>)> =
        parts.into_iter().flatten().collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

/// Threads for reading and parsing: the machine's cores, at most [`MAX_THREADS`] (reading is
/// bound by memory bandwidth beyond a few).
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(MAX_THREADS)
}

/// The most threads a load uses.
const MAX_THREADS: usize = 4;

/// The name a single file is read under: with its folder's name, when there is one.
fn single_name(path: &Path) -> String {
    let parent_name = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match parent_name {
        Some(p) if !p.is_empty() && p != "." && p != ".." => format!("{p}/{name}"),
        _ => name,
    }
}

/// Loads a single file that is a Chatbot Arena battle log in JSON Lines in blocks of lines, each
/// parsed on [`threads`] threads, so a log of millions of battles is never held whole in memory (it loads exactly as [`read_path`] and
/// `Dataset::load` would load it). `None` when `path` is not such a file: read it with
/// [`read_path`].
pub fn load_streamed(path: &Path) -> Option<Result<Dataset, ReadError>> {
    if path.is_file() && crate::parquet::is_parquet_file(path, &single_name(path)) {
        return crate::parquet::load_streamed(path, &single_name(path));
    }
    if !path.is_file() || !arena_lens_core::source::is_data_file(&single_name(path)) {
        return None;
    }
    let err = |e: std::io::Error| ReadError {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return Some(Err(err(e))),
    };
    let mut blocks = crate::blocks::Blocks::new(file);
    // The first non-blank line decides, as the format sniffer reads it.
    let mut first = String::new();
    let head = loop {
        if let Some(end) = crate::blocks::head_end(&first, blocks.done) {
            break first[..end].to_string();
        }
        match blocks.next() {
            Some(b) => first.push_str(&b),
            None => break first.clone(),
        }
    };
    if let Some(e) = blocks.error.take() {
        return Some(Err(err(e)));
    }
    let name = single_name(path);
    if !Dataset::streams_as_arena_log(&name, &head) {
        return None;
    }
    let ds = Dataset::load_arena_log_blocks(
        &name,
        &head,
        std::iter::once(first).chain(&mut blocks),
        threads(),
    );
    match blocks.error {
        Some(e) => Some(Err(err(e))),
        None => Some(Ok(ds)),
    }
}

/// All regular files below `root` as (relative `/` path, full path), sorted.
pub fn list_files(root: &Path) -> Result<Vec<(String, PathBuf)>, ReadError> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| ReadError {
            path: dir.clone(),
            message: e.to_string(),
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.is_file() {
                let rel = p
                    .strip_prefix(root)
                    .expect("below root")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().to_string())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((rel, p));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A data file's text as the core reads it: a Parquet file's rows as JSON Lines
/// ([`crate::parquet`]), any other file as text.
fn read_data(path: &Path, name: &str) -> Result<String, ReadError> {
    if crate::parquet::is_parquet_file(path, name) {
        return crate::parquet::json_lines(path, name);
    }
    read_text(path)
}

/// Reads a file as UTF-8, replacing invalid bytes (they then fail JSON parsing on their own line only).
fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    // The Korean set is 146 MB of mostly non-ASCII text, which the standard library checks at
    // under 1 GB/s; simdutf8 checks it several times faster with the same verdict.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `simdutf8::basic::from_utf8` has just checked that `bytes` is valid UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The prompts of a v2.0 `question.jsonl` (`uid, category, subcategory, prompt`), for
/// `demo --format v2 --questions`. A line without `uid` or `prompt` is an error naming its line.
pub fn v2_question_specs(path: &Path) -> Result<Vec<arena_lens_demo::QuestionSpec>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let (Some(uid), Some(prompt)) = (field("uid"), field("prompt")) else {
            return Err(format!(
                "{}:{}: a v2.0 question needs uid and prompt",
                path.display(),
                n + 1
            ));
        };
        out.push(arena_lens_demo::QuestionSpec {
            uid,
            category: field("category").unwrap_or_default(),
            subcategory: field("subcategory").unwrap_or_default(),
            prompt,
        });
    }
    Ok(out)
}
