//! The pages' scope: every page resolves its bench, judges and baselines through the core's
//! `scope::resolve` with the request `ScopeRequest::from_view` builds from the URL, and this module
//! adds the site's control hints to the core's neutral error and note texts (the CLI adds flag hints).

use arena_lens_core::dataset::Dataset;
use arena_lens_core::scope::{self, Scope, ScopeError, ScopeNote, ScopeRequest};

/// Resolves a page's request (`ScopeRequest::from_view(view, Purpose::…)`, kept in a memo so the
/// scope is resolved again only when its keys change); an error comes with its control hint.
pub fn resolve(ds: &Dataset, req: &ScopeRequest) -> Result<Scope, String> {
    scope::resolve(ds, req).map_err(|e| error_text(&e))
}

/// The scope's notes as the page shows them.
pub fn notes(s: &Scope) -> Vec<String> {
    s.notes.iter().map(note_text).collect()
}

/// A scope error's text with the control that settles it.
pub fn error_text(e: &ScopeError) -> String {
    let hint = match e {
        ScopeError::NoData => None,
        ScopeError::UnknownBench { .. } | ScopeError::AmbiguousBench { .. } => {
            Some("Pick a bench above.")
        }
        ScopeError::UnknownJudge { .. } | ScopeError::AmbiguousJudge { .. } => {
            Some("Pick the judges above.")
        }
        ScopeError::NoBaseline { .. } => Some(
            "Pick the baseline above, or add ?judged=MODEL to the link when MODEL has no files here.",
        ),
        ScopeError::UnknownBaseline { .. } => Some("Pick the baseline above."),
    };
    match hint {
        Some(h) => format!("{e}. {h}"),
        None => e.to_string(),
    }
}

/// A scope note's text, with a control hint where the reader can settle it.
pub fn note_text(n: &ScopeNote) -> String {
    match n {
        ScopeNote::NoJudgedBaseline { .. } => {
            format!("{n} Add ?judged=MODEL to the link to name the baseline.")
        }
        _ => n.to_string(),
    }
}
