//! The scoring method: one named preset of battle construction, fit, bootstrap, interval and
//! reported score. Every number the site and the CLI print is computed by one of these, and the
//! method line beside it names the method and its source, so a number is never shown under an
//! anchor's name unless it is that anchor's number.
//!
//! - [`Method::ArenaLens`], the default: show_result.py v0.1's Bradley-Terry fit, with a bootstrap
//!   that resamples prompts (all of a prompt's battles together) at 95% by default. The unit and the
//!   level stay free. Why prompts: a prompt's two games and its strong-verdict copies are not
//!   independent, so resampling rows understates the spread (README, "Why the prompt bootstrap").
//! - [`Method::ShowResultV01`]: what lm-sys/arena-hard-auto's `show_result.py` (v0.1, @efc012e)
//!   prints, quirks included (see `leaderboard::v01_frame`): row bootstrap, 2.5/97.5 percentiles.
//! - [`Method::ArenaHardV20`]: what lmarena/arena-hard-auto's v2.0 `show_result.py` (@196f6b8)
//!   prints (see `leaderboard::v20`): no fit on the default path, per-model row bootstrap, score =
//!   mean of bootstrap means, 5/95 percentiles, per-category baselines.
//!
//! Which method a view uses when none is asked for depends on the data (v2.0 data opens with the
//! v2.0 method); that choice is made once, by the scope resolver ([`Method::default_for`]).

use crate::bench::{Bench, Layout};
use crate::bootstrap::{BootstrapSpec, BootstrapUnit};
use crate::purpose::Purpose;
use serde::{Deserialize, Serialize};

/// A named scoring preset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    #[default]
    #[serde(rename = "arena-lens")]
    ArenaLens,
    #[serde(rename = "show-result-v0.1")]
    ShowResultV01,
    #[serde(rename = "arena-hard-v2.0")]
    ArenaHardV20,
    /// FastChat's Chatbot Arena leaderboard: MLE Bradley-Terry on the Elo scale, anonymous battles,
    /// row bootstrap (`fastchat/serve/monitor/elo_analysis.py`).
    #[serde(rename = "chatbot-arena")]
    ChatbotArena,
    /// LMArena's current ranking (the `arena-rank` package): pair-frequency reweighting, sandwich
    /// intervals, rank spread.
    #[serde(rename = "arena-rank")]
    ArenaRank,
    /// FastChat llm_judge's `show_result.py`: pairwise win rates and single-grade means.
    #[serde(rename = "mt-bench")]
    MtBench,
    /// AlpacaEval 2: win rate as mean preference, its standard error, the length-controlled win rate.
    #[serde(rename = "alpaca-eval")]
    AlpacaEval,
    /// WildBench: WB-Reward against a reference model and WB-Score.
    #[serde(rename = "wildbench")]
    WildBench,
}

impl Method {
    /// Every method, in the order pickers list them.
    pub const ALL: [Method; 8] = [
        Method::ArenaLens,
        Method::ShowResultV01,
        Method::ArenaHardV20,
        Method::ChatbotArena,
        Method::ArenaRank,
        Method::MtBench,
        Method::AlpacaEval,
        Method::WildBench,
    ];

    /// The one spelling (other spellings: `view_state::aliases`).
    pub fn parse(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::ArenaLens => "arena-lens",
            Method::ShowResultV01 => "show-result-v0.1",
            Method::ArenaHardV20 => "arena-hard-v2.0",
            Method::ChatbotArena => "chatbot-arena",
            Method::ArenaRank => "arena-rank",
            Method::MtBench => "mt-bench",
            Method::AlpacaEval => "alpaca-eval",
            Method::WildBench => "wildbench",
        }
    }

    /// Where the method comes from, as the method line cites it.
    pub fn source(self) -> &'static str {
        match self {
            Method::ArenaLens => {
                "arena-lens: show_result.py v0.1's Bradley-Terry fit with a prompt-level bootstrap"
            }
            Method::ShowResultV01 => "lm-sys/arena-hard-auto show_result.py v0.1 (@efc012e)",
            Method::ArenaHardV20 => "lmarena/arena-hard-auto show_result.py v2.0 (@196f6b8)",
            Method::ChatbotArena => {
                "lm-sys/FastChat fastchat/serve/monitor/elo_analysis.py compute_elo_mle_with_tie (fschat 0.2.36)"
            }
            Method::ArenaRank => "lmarena/arena-rank BradleyTerry, sandwich intervals (arena-rank 0.1.1)",
            Method::MtBench => {
                "lm-sys/FastChat fastchat/llm_judge/show_result.py (fschat 0.2.36): display_result_pairwise, display_result_single"
            }
            Method::AlpacaEval => {
                "tatsu-lab/alpaca_eval @cd543a1 metrics/winrate.py::get_winrate, metrics/glm_winrate.py::get_length_controlled_winrate"
            }
            Method::WildBench => "allenai/WildBench @d6b8dca leaderboard/data_dir/_create_tables.py",
        }
    }

    /// One line on what a reader gets, for a picker's description.
    pub fn summary(self) -> &'static str {
        match self {
            Method::ArenaLens => {
                "Bradley-Terry win rates; intervals resample prompts (the honest interval)"
            }
            Method::ShowResultV01 => {
                "exactly what show_result.py v0.1 prints: row bootstrap and its quirks, 95%"
            }
            Method::ArenaHardV20 => {
                "exactly what v2.0 show_result.py prints: mean of per-model bootstrap means, 90%, per-category baselines"
            }
            Method::ChatbotArena => {
                "Chatbot Arena's Elo-scale Bradley-Terry ratings with a battle bootstrap"
            }
            Method::ArenaRank => {
                "LMArena's current ranking: reweighted Bradley-Terry, sandwich intervals, rank spread"
            }
            Method::MtBench => "MT-Bench win rates per model pair, ties and errors as FastChat counts them",
            Method::AlpacaEval => {
                "AlpacaEval 2 win rate, its standard error and the length-controlled win rate"
            }
            Method::WildBench => "WildBench's WB-Reward against a reference model, and WB-Score",
        }
    }

    /// The bootstrap unit the method fixes (`None`: the reader chooses; see [`Method::default_unit`]).
    pub fn fixed_unit(self) -> Option<BootstrapUnit> {
        match self {
            Method::ArenaLens => None,
            // v0.1: `battles.sample(frac=1.0, replace=True)`; v2.0: each model's rows on their own.
            // FastChat's `get_bootstrap_result` resamples battles the same way.
            Method::ShowResultV01 | Method::ArenaHardV20 | Method::ChatbotArena => {
                Some(BootstrapUnit::Row)
            }
            Method::ArenaRank | Method::MtBench | Method::AlpacaEval | Method::WildBench => None,
        }
    }

    /// The unit a view uses when the reader has not chosen one.
    pub fn default_unit(self) -> BootstrapUnit {
        self.fixed_unit().unwrap_or(BootstrapUnit::Prompt)
    }

    /// The interval level the method fixes (`None`: the reader chooses).
    pub fn fixed_level(self) -> Option<f64> {
        match self {
            Method::ArenaLens => None,
            // v0.1: `np.percentile(.., [2.5, 97.5])`; v2.0: `quantile(0.05)` / `quantile(0.95)`.
            Method::ShowResultV01 => Some(0.95),
            Method::ArenaHardV20 => Some(0.90),
            // elo_analysis.py: `bootstrap_df.quantile(.025)` / `.975`.
            Method::ChatbotArena => Some(0.95),
            Method::ArenaRank | Method::MtBench | Method::AlpacaEval | Method::WildBench => None,
        }
    }

    /// Whether the method fixes the baseline (v2.0: each category against the tool's own), so a
    /// display baseline cannot be chosen.
    pub fn fixes_baseline(self) -> bool {
        self == Method::ArenaHardV20
    }

    /// The prompt grouping the method always reports (v2.0: one board per category).
    pub fn fixed_group(self) -> Option<crate::leaderboard::GroupBy> {
        (self == Method::ArenaHardV20).then_some(crate::leaderboard::GroupBy::Category)
    }

    /// Whether the method draws its interval from a bootstrap, so rounds, seed and the resampled
    /// unit mean something. arena-rank's intervals are closed-form (sandwich), AlpacaEval's are
    /// ± z × standard error, MT-Bench and WildBench print none.
    pub fn uses_bootstrap(self) -> bool {
        matches!(
            self,
            Method::ArenaLens | Method::ShowResultV01 | Method::ArenaHardV20 | Method::ChatbotArena
        )
    }

    /// Whether the method reads Arena-Hard's two-game judgments as battles, so the strong-verdict
    /// weight (`A>>B` repeated) and "first game only" apply. The other formats' labels have no
    /// strong verdict that is repeated (MT-Bench: model_1/model_2/tie, AlpacaEval: a continuous
    /// preference, WildBench: A++ scored +100 by WB-Reward itself, Arena logs: one vote).
    pub fn uses_games(self) -> bool {
        matches!(
            self,
            Method::ArenaLens | Method::ShowResultV01 | Method::ArenaHardV20
        )
    }

    /// Why the reader cannot pick a baseline under this method, or `None` when they can (Arena-Hard
    /// re-anchors its win rates on it; MT-Bench's pairwise-baseline mode; WildBench's reference
    /// when its files hold several).
    pub fn no_baseline(self) -> Option<&'static str> {
        match self {
            Method::ArenaHardV20 => {
                Some("Each category is scored against the tool's own baseline.")
            }
            Method::ChatbotArena | Method::ArenaRank => {
                Some("Ratings are on the Elo scale, not win rates against a baseline.")
            }
            Method::AlpacaEval => Some(
                "Every annotation names its own reference (output_1); the win rate is against it.",
            ),
            Method::ArenaLens | Method::ShowResultV01 | Method::MtBench | Method::WildBench => None,
        }
    }

    /// The unit actually used when the reader asked for `asked`.
    pub fn unit(self, asked: BootstrapUnit) -> BootstrapUnit {
        self.fixed_unit().unwrap_or(asked)
    }

    /// The level actually used when the reader asked for `asked`.
    pub fn level(self, asked: f64) -> f64 {
        self.fixed_level().unwrap_or(asked)
    }

    /// Whether the method reproduces an anchor tool (so its numbers carry that tool's name).
    pub fn is_anchor(self) -> bool {
        self != Method::ArenaLens
    }

    /// What `score` means under this method, for column headers and the CLI's table.
    pub fn score_label(self) -> &'static str {
        match self {
            Method::ArenaLens | Method::ShowResultV01 | Method::ArenaHardV20 => "Win rate (%)",
            Method::ChatbotArena => "Elo rating",
            Method::ArenaRank => "Arena score",
            Method::MtBench | Method::AlpacaEval => "Win rate (%)",
            Method::WildBench => "WB-Reward",
        }
    }

    /// How many decimals its scores are printed with, as its tool prints them: Elo-scale ratings
    /// whole, WildBench's rewards and scores with two, win rates with one.
    pub fn score_decimals(self) -> usize {
        match self {
            Method::ChatbotArena | Method::ArenaRank => 0,
            Method::WildBench => 2,
            _ => 1,
        }
    }

    /// Whether the method can score a bench of this layout, so pickers offer it and the scope
    /// resolver accepts it. Each format's own method applies to its format; the Arena-Hard methods
    /// to Arena-Hard data.
    pub fn applies_to(self, layout: Layout) -> bool {
        match self {
            Method::ArenaLens | Method::ShowResultV01 | Method::ArenaHardV20 => matches!(
                layout,
                Layout::V01 | Layout::V20 | Layout::Battles | Layout::Empty
            ),
            Method::ChatbotArena | Method::ArenaRank => layout == Layout::ArenaLog,
            Method::MtBench => layout == Layout::MtBench,
            Method::AlpacaEval => layout == Layout::AlpacaEval,
            Method::WildBench => layout == Layout::WildBench,
        }
    }

    /// The method a bench opens with when no method is asked for: v2.0 data is read as v2.0's
    /// show_result.py reads it, anything else with arena-lens's own method.
    pub fn default_for(bench: &Bench) -> Method {
        match bench.layout {
            Layout::V20 => Method::ArenaHardV20,
            Layout::ArenaLog => Method::ChatbotArena,
            Layout::MtBench => Method::MtBench,
            Layout::AlpacaEval => Method::AlpacaEval,
            Layout::WildBench => Method::WildBench,
            Layout::V01 | Layout::Battles | Layout::Empty => Method::ArenaLens,
        }
    }
}

impl Method {
    /// The method line: which method computed a view's numbers, its source, and how its intervals
    /// were drawn (`spec` as the view ran it: its rounds, seed, level and unit). One text for the
    /// CLI and every page. `style`: whether style control was on (v2.0's style path reports the
    /// median, not the mean).
    pub fn line(self, purpose: Purpose, spec: &BootstrapSpec, style: bool) -> String {
        let level = format!("{}%", trim(spec.level() * 100.0));
        let seed = spec.seed();
        let rounds = spec.rounds();
        let unit = match spec.unit() {
            BootstrapUnit::Row => "battle rows",
            BootstrapUnit::Prompt => "prompts (clustered bootstrap)",
        };
        let head = format!("Method {self} ({}).", self.source());
        let body = match purpose {
            Purpose::Leaderboard | Purpose::Judges => match self {
                // Neither tool bootstraps: their intervals are closed-form or absent.
                Method::AlpacaEval => format!(
                    "Score = mean of (preference − 1) × 100 over the annotated items; {level} interval = score ± z × standard error (the sample standard error AlpacaEval prints). lc_score: AlpacaEval's length-controlled GLM fitted on these annotations (see FIDELITY.md). No bootstrap."
                ),
                Method::WildBench => "Score = WB-Reward (%) against the reference: +100 / +50 / 0 / −50 / −100 per item, divided by all items, length margin K = −1 (none); truncated or empty answers count in the total only. task_macro_reward weights the five task groups as WildBench does. wb_score = (mean grade − 5) × 2 × 10 from score mode. No interval (lower = upper = score).".to_string(),
                Method::MtBench => "Score = adjusted win rate, (wins + ½ ties) / rows; a row whose two games disagree is a tie; rows with an `error` game are dropped. No interval (the tool prints none): lower = upper = score.".to_string(),
                _ if rounds == 0 => "Point estimates only (no bootstrap rounds).".to_string(),
                Method::ArenaLens => {
                    format!("{level} intervals from {rounds} bootstrap rounds over {unit}, seed {seed}.")
                }
                Method::ShowResultV01 => format!(
                    "{level} intervals from {rounds} bootstrap rounds over {unit}, seed {seed}. With show_result.py v0.1's bootstrap quirks: rounds anchored as its fit anchors them, each bound taken against the baseline's (see FIDELITY.md)."
                ),
                Method::ArenaHardV20 if style => format!(
                    "Style-controlled: score = median of {rounds} joint row-bootstrap fits, {level} interval (5th–95th percentile), seed {seed}. Each category against its own baseline."
                ),
                Method::ArenaHardV20 => format!(
                    "Score = mean of {rounds} bootstrap means, each model's battle rows resampled on their own; {level} interval (5th–95th percentile), seed {seed} (the tool itself is unseeded). Each category against its own baseline."
                ),
                Method::ArenaRank if style => format!(
                    "Style-controlled: contextual Bradley-Terry (ContextualBradleyTerry) on standardised (a − b)/(a + b) style differences, L2 1.0 on their coefficients; battles reweighted by 1/max(pair count, 50); {level} sandwich (CLT) intervals, no bootstrap. Anonymous battles only unless asked."
                ),
                Method::ArenaRank => format!(
                    "Battles reweighted by 1/max(pair count, 50); {level} sandwich (CLT) intervals, no bootstrap. Anonymous battles only unless asked."
                ),
                Method::ChatbotArena => format!(
                    "Rating = the fit on all battles; {level} interval = 2.5/97.5 percentiles of {rounds} bootstrap rounds over {unit}, seed {seed}. Anonymous battles only unless asked."
                ),
            },
            Purpose::Compare => format!(
                "Paired {level} interval on the difference of the two win rates (ties ½, both games) from {rounds} rounds over prompts (clustered bootstrap), seed {seed}.{}",
                self.no_counterpart()
            ),
            Purpose::Clusters => format!(
                "Per-group win rates (ties ½, both games), {level} intervals from {rounds} rounds over prompts (clustered bootstrap), seed {seed}.{}",
                self.no_counterpart()
            ),
        };
        format!("{head} {body}")
    }

    /// What an anchor method means on a page its tool has no counterpart of.
    fn no_counterpart(self) -> &'static str {
        if self.is_anchor() {
            " The tool has no such view; its interval level is kept."
        } else {
            ""
        }
    }
}

/// A percentage without trailing zeros (95, 90, 99.5).
fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_round_trips_and_serde_agrees() {
        for m in Method::ALL {
            assert_eq!(Method::parse(m.as_str()), Some(m));
            assert_eq!(
                serde_json::to_string(&m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        assert_eq!(Method::parse("compat"), None);
    }

    #[test]
    fn scores_print_with_their_tools_decimals() {
        // FastChat's leaderboard prints Elo whole; all_stat_wildbench prints rewards and WB-Score
        // to two decimals; Arena-Hard, MT-Bench and AlpacaEval win rates to one.
        assert_eq!(Method::ChatbotArena.score_decimals(), 0);
        assert_eq!(Method::ArenaRank.score_decimals(), 0);
        assert_eq!(Method::WildBench.score_decimals(), 2);
        assert_eq!(Method::ArenaLens.score_decimals(), 1);
        assert_eq!(Method::AlpacaEval.score_decimals(), 1);
    }

    #[test]
    fn anchors_fix_unit_and_level_and_the_default_leaves_them_free() {
        assert_eq!(
            Method::ArenaLens.unit(BootstrapUnit::Row),
            BootstrapUnit::Row
        );
        assert_eq!(Method::ArenaLens.default_unit(), BootstrapUnit::Prompt);
        assert_eq!(Method::ArenaLens.level(0.8), 0.8);
        assert_eq!(
            Method::ShowResultV01.unit(BootstrapUnit::Prompt),
            BootstrapUnit::Row
        );
        assert_eq!(Method::ShowResultV01.level(0.8), 0.95);
        assert_eq!(Method::ArenaHardV20.level(0.95), 0.90);
    }

    #[test]
    fn controls_apply_only_where_the_method_reads_them() {
        // Bootstrap: the Arena-Hard methods and FastChat's Elo bootstrap; the rest have
        // closed-form intervals or none.
        let boot: Vec<Method> = Method::ALL
            .into_iter()
            .filter(|m| m.uses_bootstrap())
            .collect();
        assert_eq!(
            boot,
            [
                Method::ArenaLens,
                Method::ShowResultV01,
                Method::ArenaHardV20,
                Method::ChatbotArena
            ]
        );
        for m in [
            Method::ArenaRank,
            Method::MtBench,
            Method::AlpacaEval,
            Method::WildBench,
        ] {
            assert!(!m.uses_bootstrap() && !m.uses_games(), "{m}");
        }
        assert!(!Method::ChatbotArena.uses_games());
        assert!(Method::ArenaLens.uses_games() && Method::ArenaHardV20.uses_games());
        // A baseline is chosen where the method reads one.
        assert_eq!(Method::ArenaLens.no_baseline(), None);
        assert_eq!(Method::MtBench.no_baseline(), None);
        assert!(Method::AlpacaEval
            .no_baseline()
            .unwrap()
            .contains("output_1"));
        assert!(Method::ArenaRank.no_baseline().is_some());
        assert_eq!(
            Method::ArenaHardV20.no_baseline().is_some(),
            Method::ArenaHardV20.fixes_baseline()
        );
    }

    #[test]
    fn the_line_names_the_method_its_source_and_the_interval() {
        let spec = BootstrapSpec::new(100, 7, 0.9, BootstrapUnit::Row).unwrap();
        let l = Method::ArenaHardV20.line(Purpose::Leaderboard, &spec, false);
        assert!(
            l.starts_with("Method arena-hard-v2.0 (lmarena/arena-hard-auto"),
            "{l}"
        );
        assert!(
            l.contains("mean of 100 bootstrap means") && l.contains("90% interval"),
            "{l}"
        );
        let l = Method::ArenaLens.line(
            Purpose::Leaderboard,
            &spec.with_unit(BootstrapUnit::Prompt),
            false,
        );
        assert!(
            l.contains("90% intervals from 100 bootstrap rounds over prompts"),
            "{l}"
        );
        let l = Method::ShowResultV01.line(Purpose::Compare, &spec, false);
        assert!(l.contains("has no such view"), "{l}");
        assert!(!Method::ArenaLens
            .line(Purpose::Clusters, &spec, false)
            .contains("no such view"));
    }
}
