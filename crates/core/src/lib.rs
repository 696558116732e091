//! arena-lens core: Arena-Hard verdict files in, leaderboards with confidence intervals out.
//!
//! No I/O and no web dependencies: callers hand over `(path, text)` pairs ([`source::SourceFile`]),
//! [`dataset::Dataset::load`] parses them tolerantly into benches with a load report,
//! [`scope::resolve`] decides which bench, judges and baselines a view works on, and
//! [`leaderboard::compute`] turns one bench into scores. The same code runs natively in the CLI and as
//! WebAssembly in the browser, so both print the same numbers.
//!
//! The statistics follow arena-hard-auto v0.1's `show_result.py`: verdicts become battles against the
//! baseline, Bradley-Terry strengths are fitted by maximum likelihood and shown as win rates against the
//! baseline, and intervals come from a seeded bootstrap.

pub mod battle_set;
pub mod bench;
pub mod bootstrap;
pub mod bt;
pub mod cluster;
pub mod compare;
pub mod compute;
pub mod criteria;
pub mod dataset;
pub mod diff;
pub mod error;
pub mod export;
pub mod formats;
pub mod game_result;
pub mod grade;
pub mod judge_prompt;
pub mod judges;
pub mod leaderboard;
pub mod linalg;
pub mod load_options;
pub mod manifest;
pub mod markdown;
pub mod method;
pub mod pace;
pub mod purpose;
pub mod quantile;
pub mod reference_answer;
pub mod report;
pub mod scope;
pub mod shared_str;
pub mod slim;
pub mod source;
pub mod stream_load;
pub mod style;
pub mod style_fast;
pub mod style_pair;
pub mod subset;
pub mod treemap;
pub mod verdict;
pub mod view_state;

pub use error::Error;
