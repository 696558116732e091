//! The pieces of the compare page: model picker, judge and game tabs, the summary line, the prompt
//! list with its filters, the prompt, the two answers, the reference answers, the single grades, the verdicts with the judge's texts, the
//! paired table and the answer statistics; [`model`] holds the view model they read.
//!
//! Every piece reads the page's memos and writes to the URL through `set`; none keeps state of its own
//! except how much of a long text is shown.

pub mod answer_pane;
pub mod answer_stats;
pub mod export;
pub mod game_tabs;
pub mod grades_view;
pub mod judge_tabs;
pub mod model;
pub mod model_picker;
pub mod pair_votes;
pub mod paired_table;
pub mod prompt_list;
pub mod prompt_view;
pub mod reference_view;
pub mod summary;
pub mod verdicts;

pub use answer_pane::answer_pane;
pub use answer_stats::answer_stats_view;
pub use game_tabs::game_tabs;
pub use grades_view::grades_view;
pub use judge_tabs::judge_tabs;
pub use model_picker::{model_picker, swap_models};
pub use pair_votes::pair_votes_view;
pub use paired_table::paired_table;
pub use prompt_list::prompt_list;
pub use prompt_view::{prompt_view, step};
pub use reference_view::reference_view;
pub use summary::summary_line;
pub use verdicts::verdicts_view;

use arena_lens_core::compare::{ModelOnPrompt, ModelResult};

/// "W", "T" or "L": a game's result from the model's side.
fn result_letter(r: ModelResult) -> &'static str {
    match r {
        ModelResult::Win => "W",
        ModelResult::Tie => "T",
        ModelResult::Loss => "L",
    }
}

/// "WL", "T?", "base" or "–": a model's two games on a prompt, from its side.
fn marks(m: &ModelOnPrompt) -> String {
    if m.is_baseline {
        return "base".into();
    }
    if m.judgment.is_none() {
        return "–".into();
    }
    (1..=2)
        .map(|g| m.game(g).map_or("?", |gv| result_letter(gv.result)))
        .collect()
}

/// A prompt score with two decimals, or "–" when the model has no verdict there.
fn score_text(s: Option<f64>) -> String {
    s.map_or("–".into(), |s| format!("{s:.2}"))
}
