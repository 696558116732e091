//! What the leaderboard and the judges pages say for data with answers (or prompts) but no verdicts:
//! there is nothing to score, and the compare page reads the answers side by side.

use crate::data::{DataContext, LoadState};
use crate::url_state::{href, use_view_state};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::view_state::keys;
use leptos::prelude::*;

/// (models with answers, prompts) when no bench of `ds` has verdicts but some has answers or
/// prompts; `None` otherwise.
fn answers_only(ds: &Dataset) -> Option<(usize, usize)> {
    let benches = ds.benches.values();
    if ds
        .benches
        .values()
        .any(|b| !b.judgments.is_empty() || !b.file_battles.is_empty())
    {
        return None;
    }
    let (mut models, mut prompts) = (0, 0);
    for b in benches {
        let mut answered: Vec<u32> = b.answers.iter().map(|a| a.model).collect();
        answered.sort_unstable();
        answered.dedup();
        models += answered.len();
        prompts += b.prompts.len();
    }
    (models + prompts > 0).then_some((models, prompts))
}

/// The message with a link to the compare page, when the loaded data has answers and no verdicts.
/// Reads the data context, so a page can call it where it shows its error.
pub fn nothing_to_score() -> Option<AnyView> {
    let ctx = expect_context::<DataContext>();
    let (models, prompts) = ctx.state.with(|s| match s {
        LoadState::Ready(l) => answers_only(&l.dataset),
        _ => None,
    })?;
    let view = use_view_state();
    let link = view.with(|v| {
        let mut v = v.clone();
        v.set_extra(keys::PAGE, Some(keys::page::COMPARE.to_string()));
        href(&v.to_query())
    });
    let what = match models {
        0 => format!("{prompts} prompts and no answers"),
        1 => format!("one model's answers to {prompts} prompts"),
        n => format!("{n} models' answers to {prompts} prompts"),
    };
    Some(
        view! {
            <div class="status note" role="status" data-testid="nothing-to-score">
                {format!("This data holds {what} but no verdicts (no judgment files or battles), so there is nothing to score here. ")}
                <a href=link data-testid="to-compare">"Read the answers side by side in Compare"</a>
                "."
            </div>
        }
        .into_any(),
    )
}
