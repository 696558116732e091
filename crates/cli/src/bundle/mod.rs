//! `arena-lens bundle DATA --out DIR`: one folder any static host serves, opening DATA with no
//! other step.
//!
//! ```text
//! DIR/index.html          the built site's page: base/asset URLs for --public-url, --title, and
//!                         <meta name="arena-lens-data" content="data/"> (the site's default data)
//! DIR/boot.js, *.js, *.wasm, *.css     the built site's assets (site.rs: copied, not embedded)
//! DIR/data/...            a copy of DATA's .jsonl files (data.rs)
//! DIR/data/manifest.json  and DIR/data/_slim/: written by `arena-lens index --slim` on the copy
//! ```
//!
//! Everything is checked before anything is written (DATA has .jsonl files, the site is a build
//! with all its assets, DIR is free), and DATA is only read.

mod data;
mod html;
mod site;

pub use html::{is_bundle_page, rewrite, HtmlError, Page, PublicUrl, Rewrite};
pub use site::BUILD_COMMAND;

use crate::args::{BundleArgs, IndexArgs};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The bundle's data folder, beside `index.html`; the page's default data URL is this plus `/`.
pub const DATA_DIR: &str = "data";

/// Why a bundle was not written.
#[derive(Debug)]
pub enum BundleError {
    DataMissing {
        path: PathBuf,
        message: String,
    },
    NoJsonl(PathBuf),
    NoSite(Vec<PathBuf>),
    BadPage {
        page: PathBuf,
        error: HtmlError,
    },
    MissingAsset {
        site: PathBuf,
        asset: String,
    },
    OutNotFree(PathBuf),
    Overlap {
        out: PathBuf,
        other: PathBuf,
        what: &'static str,
    },
    Io {
        path: PathBuf,
        message: String,
    },
    Index(String),
}

impl BundleError {
    fn io(path: &Path, e: std::io::Error) -> BundleError {
        BundleError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::DataMissing { path, message } => {
                write!(f, "{}: cannot read the data: {message}", path.display())
            }
            BundleError::NoJsonl(p) => write!(
                f,
                "{}: no data files to publish (give a data root holding <bench>/question.jsonl, \
                 <bench>/model_answer/ and <bench>/model_judgment/<judge>/, a bench folder, or a \
                 battles .jsonl file)",
                p.display()
            ),
            BundleError::NoSite(looked) => write!(
                f,
                "no built site found (no index.html in {}); build it with `{BUILD_COMMAND}` in the \
                 arena-lens checkout (it writes dist/), or pass --site DIR",
                looked
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            BundleError::BadPage { page, error } => match error {
                HtmlError::BadPublicUrl(why) => write!(f, "{why}"),
                _ => write!(
                    f,
                    "{} {error}; build the site with `{BUILD_COMMAND}` and pass its dist/ folder",
                    page.display()
                ),
            },
            BundleError::MissingAsset { site, asset } => write!(
                f,
                "{}: index.html names {asset}, which is missing (an incomplete build); rebuild \
                 with `{BUILD_COMMAND}`",
                site.display()
            ),
            BundleError::OutNotFree(p) => write!(
                f,
                "{}: the folder is not empty and is not an earlier bundle; give a new or empty \
                 folder",
                p.display()
            ),
            BundleError::Overlap { out, other, what } => write!(
                f,
                "--out {} overlaps {what} {}; write the bundle elsewhere",
                out.display(),
                other.display()
            ),
            BundleError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            BundleError::Index(m) => write!(f, "indexing the bundle's data: {m}"),
        }
    }
}

/// Runs `bundle`.
pub fn run(a: &BundleArgs, out: &mut dyn Write) -> Result<(), String> {
    write_bundle(a, out).map_err(|e| e.to_string())
}

fn write_bundle(a: &BundleArgs, out: &mut dyn Write) -> Result<(), BundleError> {
    // Check everything before writing anything.
    let public_url = a
        .public_url
        .as_deref()
        .map(PublicUrl::parse)
        .transpose()
        .map_err(|error| BundleError::BadPage {
            page: PathBuf::new(),
            error,
        })?;
    let plan = data::plan(&a.data)?;
    let site_dir = site::locate(a.site.as_deref())?;
    let page_path = site_dir.join("index.html");
    let source_page =
        std::fs::read_to_string(&page_path).map_err(|e| BundleError::io(&page_path, e))?;
    let data_url = format!("{DATA_DIR}/");
    let page = rewrite(
        &source_page,
        &Rewrite {
            public_url: public_url.as_ref(),
            title: a.title.as_deref(),
            data_url: &data_url,
        },
    )
    .map_err(|error| BundleError::BadPage {
        page: page_path.clone(),
        error,
    })?;
    let site_files = site::files(&site_dir)?;
    site::check_assets(&site_dir, &page.assets, &site_files)?;
    prepare_out(&a.out, &a.data, &site_dir)?;

    // The page first: a bundle that fails half-way is still recognised, and replaced, next time.
    let index = a.out.join("index.html");
    std::fs::write(&index, &page.html).map_err(|e| BundleError::io(&index, e))?;
    let mut site_bytes = page.html.len() as u64;
    for (name, src) in &site_files {
        let to = a.out.join(name);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(|e| BundleError::io(dir, e))?;
        }
        site_bytes += std::fs::copy(src, &to).map_err(|e| BundleError::io(src, e))?;
    }
    let data_dir = a.out.join(DATA_DIR);
    let data_bytes = data::copy(&plan, &data_dir)?;
    let mut index_note = Vec::new();
    crate::index::run(
        &IndexArgs {
            dir: data_dir.clone(),
            out: None,
            baseline: a.baseline.clone().or(plan.baseline.clone()),
            base: None,
            slim: true,
        },
        &mut index_note,
    )
    .map_err(BundleError::Index)?;
    let write = |out: &mut dyn Write, line: String| {
        writeln!(out, "{line}").map_err(|e| BundleError::io(Path::new("stdout"), e))
    };
    write(
        out,
        format!(
            "wrote {}: the site from {} ({} files, {site_bytes} bytes) and {} data files ({data_bytes} bytes)",
            a.out.display(),
            site_dir.display(),
            site_files.len() + 1,
            plan.files.len()
        ),
    )?;
    out.write_all(&index_note)
        .map_err(|e| BundleError::io(Path::new("stdout"), e))?;
    write(
        out,
        format!(
            "serve {} at {} on any static host: the page opens its data (the same as {}?data={data_url})",
            a.out.display(),
            page.base,
            page.base
        ),
    )
}

/// Makes `out` an empty folder: created when missing, an earlier bundle (its page names its data)
/// removed first; anything else is refused, and so is a folder that holds, or lies inside, DATA or
/// the site (the copy would read itself, or removing an old bundle would delete the input).
fn prepare_out(out: &Path, data: &Path, site: &Path) -> Result<(), BundleError> {
    let out_abs = absolute(out)?;
    for (other, what) in [(data, "the data"), (site, "the site")] {
        let other_abs = absolute(other)?;
        if out_abs.starts_with(&other_abs) || other_abs.starts_with(&out_abs) {
            return Err(BundleError::Overlap {
                out: out.to_path_buf(),
                other: other.to_path_buf(),
                what,
            });
        }
    }
    if out.exists() {
        let mut entries = std::fs::read_dir(out).map_err(|e| BundleError::io(out, e))?;
        if entries.next().is_some() {
            let page = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
            if !is_bundle_page(&page) {
                return Err(BundleError::OutNotFree(out.to_path_buf()));
            }
            std::fs::remove_dir_all(out).map_err(|e| BundleError::io(out, e))?;
        }
    }
    std::fs::create_dir_all(out).map_err(|e| BundleError::io(out, e))
}

/// `p` with symlinks resolved, also when it does not exist yet (its nearest existing ancestor is
/// resolved and the rest appended).
fn absolute(p: &Path) -> Result<PathBuf, BundleError> {
    if let Ok(c) = p.canonicalize() {
        return Ok(c);
    }
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| BundleError::io(p, e))?
            .join(p)
    };
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) => Ok(absolute(parent)?.join(name)),
        _ => Ok(p),
    }
}
