//! The commands' scope: every subcommand resolves its bench, judges and baselines through
//! `arena_lens_core::scope::resolve`, prints the scope's notes on stderr, and turns a scope error into
//! the core's neutral text plus the flag that settles it.

use crate::args::InputArgs;
use arena_lens_core::dataset::Dataset;
use arena_lens_core::method::Method;
use arena_lens_core::scope::{self, Purpose, Scope, ScopeError, ScopeRequest, Several};
use arena_lens_core::Error;

/// The request of a command reading `InputArgs`: the CLI asks rather than guess when several
/// benches or judges fit.
pub fn request(input: &InputArgs, purpose: Purpose, method: Option<Method>) -> ScopeRequest {
    ScopeRequest {
        purpose,
        bench: input.bench.clone(),
        judges: input.judges.clone(),
        tab: None,
        baseline: input.baseline.clone(),
        judged_baseline: input.judged_baseline.clone(),
        method,
        several: Several::Ask,
    }
}

/// Resolves `req`, printing its notes on stderr.
pub fn resolve(ds: &Dataset, req: &ScopeRequest) -> Result<Scope, String> {
    let s = scope::resolve(ds, req).map_err(|e| with_hint(&e))?;
    for n in &s.notes {
        eprintln!("note: {n}");
    }
    Ok(s)
}

/// The flag that settles a scope error.
fn hint(e: &ScopeError) -> Option<&'static str> {
    Some(match e {
        ScopeError::NoData => return None,
        ScopeError::UnknownBench { .. } | ScopeError::AmbiguousBench { .. } => "pass --bench NAME",
        ScopeError::UnknownJudge { .. } => "pass --judge with one of them",
        ScopeError::AmbiguousJudge { .. } => "pass --judge NAME (repeat it to pool several judges)",
        ScopeError::NoBaseline { .. } => {
            "pass --baseline M, or --judged-baseline M when M has no files here"
        }
        ScopeError::UnknownBaseline { .. } => "pass --baseline with one of them",
    })
}

/// A scope error's text with its flag hint.
pub fn with_hint(e: &ScopeError) -> String {
    match hint(e) {
        Some(h) => format!("{e}; {h}"),
        None => e.to_string(),
    }
}

/// Any core error's text, with a flag hint when it is a scope error.
pub fn error_text(e: Error) -> String {
    match ScopeError::from_error(e.clone()) {
        Some(s) => with_hint(&s),
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_errors_get_the_flag_that_settles_them() {
        let e = ScopeError::AmbiguousJudge {
            found: vec!["a".into(), "b".into()],
        };
        let t = with_hint(&e);
        assert!(t.starts_with("several judges found and none was chosen: a, b; pass --judge"));
        // The core's text names no flag; the hint is the CLI's.
        assert!(!e.to_string().contains("--"), "{e}");
        assert_eq!(
            with_hint(&ScopeError::NoData),
            ScopeError::NoData.to_string()
        );
        assert!(error_text(Error::NoBaseline {
            candidates: vec!["x".into(), "y".into()],
            models: vec![]
        })
        .ends_with("; pass --baseline M, or --judged-baseline M when M has no files here"));
        assert_eq!(error_text(Error::NoBattles), Error::NoBattles.to_string());
    }
}
