//! The leaderboard's prompt subset flags: `--min-criteria N`, `--hard-prompts`, `--criterion NAME`,
//! `--prompts FILE` (one id per line) and `--search TEXT`, turned into the core's
//! [`PromptSubset`], the same value the site's link carries.

use arena_lens_core::criteria::{Criterion, HARD_PROMPT_SCORE};
use arena_lens_core::subset::PromptSubset;
use clap::Args;

#[derive(Args, Debug, Default, Clone)]
pub struct SubsetArgs {
    /// Score only prompts whose criteria score (Chatbot Arena's seven `criteria_v0.1` flags, 0-7)
    /// is at least N; 6 is Arena's "Hard Prompts".
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=7))]
    pub min_criteria: Option<u8>,
    /// The same as --min-criteria 6: Arena's "Hard Prompts" category.
    #[arg(long, conflicts_with = "min_criteria")]
    pub hard_prompts: bool,
    /// Score only prompts that meet one criterion: specificity, domain_knowledge, complexity,
    /// problem_solving, creativity, technical_accuracy or real_world.
    #[arg(long, value_name = "NAME", value_parser = criterion)]
    pub criterion: Option<Criterion>,
    /// Score only the prompts listed in FILE, one id per line (blank lines and `#` comments are
    /// skipped).
    #[arg(long, value_name = "FILE")]
    pub prompts: Option<std::path::PathBuf>,
    /// Score only prompts whose text contains TEXT (any user turn, ignoring case).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

fn criterion(s: &str) -> Result<Criterion, String> {
    Criterion::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Criterion::ALL.iter().map(|c| c.key()).collect();
        format!("unknown criterion {s:?}; one of {}", names.join(", "))
    })
}

/// The subset the flags ask for.
pub fn of_args(a: &SubsetArgs) -> Result<PromptSubset, String> {
    let ids = match &a.prompts {
        None => Vec::new(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("--prompts {}: {e}", path.display()))?;
            let ids: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect();
            if ids.is_empty() {
                return Err(format!(
                    "--prompts {}: no prompt id in the file",
                    path.display()
                ));
            }
            ids
        }
    };
    Ok(PromptSubset {
        ids,
        encoded: None,
        min_criteria: if a.hard_prompts {
            Some(HARD_PROMPT_SCORE)
        } else {
            a.min_criteria
        },
        criterion: a.criterion,
        search: a.search.clone(),
    })
}
