//! The scope of a view: which bench, which judges, which baseline, which judged baseline and which
//! scoring method. Every
//! CLI command and every page resolves it here, once, through [`resolve`], so they cannot disagree.
//!
//! # Policy
//!
//! - **A name the request gives must be in the data.** A bench, a judge or a display baseline that
//!   the data lacks is an error ([`ScopeError`]) listing what the data has. A stale link and a typo
//!   on the command line are treated alike: guessing another model would show numbers for a
//!   question nobody asked.
//! - **The judged baseline is the exception**, because v0.1's judged side is implicit: judgment rows
//!   never name the model they were judged against, and its answers may be absent. A named judged
//!   baseline is taken as given; a model the data knows only from judgment files (no answer file) is
//!   a valid baseline, judged or displayed. When the data holds no file of it at all, a note says
//!   so ([`ScopeNote::JudgedBaselineWithoutFiles`]).
//! - **A choice the request leaves open is made by the data**, and a note tells the reader when the
//!   choice was a guess: the only bench with verdicts, the only judge (several: see [`Several`]),
//!   the judged baseline by the rules of [`baseline`] (inferred ones get a
//!   [`ScopeNote::JudgedBaselineInferred`]).
//! - **Reading needs no verdicts.** A one-judge view (compare, clusters) opens on a bench that has
//!   prompts or answers but no judgments (mid-run data, a question file alone): its scope has no
//!   judge and no judged baseline. The leaderboard and the judge analyses, which score verdicts,
//!   still get [`ScopeError::NoData`].
//! - **A view's own choice falls back with a note.** The only one is the judge tab of a one-judge
//!   view (compare, clusters): a link may carry a tab for a judge the data no longer has, and the
//!   view then shows its default judge ([`ScopeNote::JudgeNotInData`]).
//! - **A judged baseline that cannot be told** stops a leaderboard and the judge analyses (battles
//!   need it) but not a one-judge view, which reads each game by position
//!   ([`ScopeNote::NoJudgedBaseline`]).
//! - **The method** is the one asked for, else the data's own: v2.0 data opens with the v2.0 method,
//!   with a note ([`ScopeNote::MethodForData`]); anything else with arena-lens's.
//! - **One order**: judges are sorted by name everywhere ([`judges`]).
//!
//! Error and note texts are neutral: they name no command-line flag and no control. The CLI adds
//! flag hints, the site control hints. A page builds its request from the URL with
//! `ScopeRequest::from_view` (in [`crate::view_state`]).
//!
//! The rules themselves ([`judges`], [`baseline`]) depend only on a [`crate::bench::Bench`], so
//! [`crate::battle_set::build`] applies the same ones when it is called without a scope.

pub mod baseline;
pub mod error;
pub mod judges;
pub mod note;
pub mod request;
pub mod resolver;

pub use baseline::{Baseline, REFERENCE_DEFAULT_BASELINE};
pub use error::ScopeError;
pub use note::{Inference, ScopeNote};
pub use request::{Purpose, ScopeRequest, Several};
pub use resolver::{resolve, Scope};
