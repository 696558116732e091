//! Which model each arena-hard-v2.0 category is judged against.
//!
//! Our copy of the baselines in `utils/judge_utils.py::JUDGE_SETTINGS` (lmarena/arena-hard-auto
//! @ 196f6b8). show_result.py appends that model at 50% to each category's board
//! (`print_leaderboard`, `format_confidence_interval`), so the table is the method's, not the data's.

/// The hard-prompt baseline (hard_prompt, coding and math in `JUDGE_SETTINGS`).
pub const HARD_PROMPT_BASELINE: &str = "o3-mini-2025-01-31";
/// The creative-writing baseline.
pub const CREATIVE_WRITING_BASELINE: &str = "gemini-2.0-flash-001";
/// The v0.1 bench's baseline, kept in the same table upstream.
pub const V01_BASELINE: &str = "gpt-4-0314";

/// The category the tool reports when no `-c` is given (`show_result.py` main, `--category`).
pub const DEFAULT_CATEGORY: &str = "hard_prompt";

/// The baseline of a category in `JUDGE_SETTINGS`, or `None` for a category the table lacks
/// (upstream stops there with a KeyError; we fall back to the baseline the rows name).
pub fn of(category: &str) -> Option<&'static str> {
    match category {
        "hard_prompt" | "coding" | "math" => Some(HARD_PROMPT_BASELINE),
        "creative_writing" => Some(CREATIVE_WRITING_BASELINE),
        "arena-hard-v0.1" => Some(V01_BASELINE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_judge_settings() {
        // utils/judge_utils.py::JUDGE_SETTINGS @ 196f6b8, read by hand.
        assert_eq!(of("hard_prompt"), Some("o3-mini-2025-01-31"));
        assert_eq!(of("coding"), Some("o3-mini-2025-01-31"));
        assert_eq!(of("math"), Some("o3-mini-2025-01-31"));
        assert_eq!(of("creative_writing"), Some("gemini-2.0-flash-001"));
        assert_eq!(of("arena-hard-v0.1"), Some("gpt-4-0314"));
        assert_eq!(of("writing"), None);
    }
}
