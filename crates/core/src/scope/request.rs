//! What a view asks for: a bench, judges, a display baseline, a judged baseline and a scoring
//! method, each possibly left open, and what the view is for, which decides how open choices are filled.

use crate::method::Method;
pub use crate::purpose::Purpose;

/// What to do when several benches (or, for a pooled leaderboard, several judges) fit and the
/// request names none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Several {
    /// Say so (an error listing them): a script should not get an arbitrary pick. The CLI's choice.
    #[default]
    Ask,
    /// Take the first by name (a bench with a note): a page with a picker opens on something. The
    /// site's choice.
    First,
}

/// A request for a scope. Every name in it is checked against the data (see the module notes for
/// the policy); `None` or empty means "let the data decide".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScopeRequest {
    pub purpose: Purpose,
    pub bench: Option<String>,
    /// Judges named by the user: to pool (leaderboard), to analyse (judges), or whose first by name
    /// a one-judge view opens on.
    pub judges: Vec<String>,
    /// The judge a one-judge view was showing (a tab a link carries). Unlike `judges` it is a
    /// view's own choice, so when the data lacks it the view falls back, with a note.
    pub tab: Option<String>,
    /// The model shown at 50%.
    pub baseline: Option<String>,
    /// The model the v0.1 judgments were made against.
    pub judged_baseline: Option<String>,
    /// The scoring method asked for; `None`: the data's own ([`crate::method::Method::default_for`]).
    pub method: Option<Method>,
    pub several: Several,
}

impl ScopeRequest {
    /// A request that leaves everything to the data.
    pub fn new(purpose: Purpose) -> ScopeRequest {
        ScopeRequest {
            purpose,
            ..ScopeRequest::default()
        }
    }
}
