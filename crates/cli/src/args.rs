//! Command-line arguments.

use arena_lens_core::leaderboard::LeaderboardOptions;
use arena_lens_core::view_state::aliases::Domain;
use arena_lens_core::view_state::parse;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The flags' value types are the core's, so the CLI spells their values as a link does.
pub use arena_lens_core::bootstrap::BootstrapUnit as Unit;
pub use arena_lens_core::cluster::Method as ClusterMethod;
pub use arena_lens_core::leaderboard::GroupBy as Group;
pub use arena_lens_core::method::Method;

/// The computation's defaults (rounds, level, seed, weight) come from the core, the one place the
/// site takes them from too.
pub fn defaults() -> LeaderboardOptions {
    LeaderboardOptions::default()
}

/// Leaderboards with confidence intervals from Arena-Hard-Auto verdict files, reproducing
/// arena-hard-auto's show_result.py (v0.1 method), with a prompt-level bootstrap beside it.
#[derive(Parser, Debug)]
#[command(name = "arena-lens", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compute a leaderboard: Bradley-Terry win rates against the baseline with bootstrap intervals.
    Leaderboard(LeaderboardArgs),
    /// Write the battles (one JSON row per battle, strong verdicts repeated) as show_result.py does.
    Battles(BattlesArgs),
    /// Write the deterministic synthetic demo data set (Arena-Hard v0.1 layout, or v2.0 with
    /// --format v2) and its manifest.
    Demo(DemoArgs),
    /// Write manifest.json for a data folder, so a static web server can serve it to the site.
    Index(IndexArgs),
    /// Two models prompt by prompt against the baseline, with a paired bootstrap interval on the
    /// difference of their win rates (the site's compare page).
    Compare(CompareArgs),
    /// Win rates against the baseline per topic cluster (a shipped label, or clusters computed from
    /// the prompt texts with --compute), with prompt-level bootstrap intervals.
    Clusters(ClustersArgs),
    /// Judges and their biases: per-judge leaderboards, agreement, position consistency,
    /// self-preference, separability, style coefficients, and agreement with a reference CSV.
    Judges(JudgesArgs),
    /// Write a folder any static host serves: the built site, a copy of the data with its slim
    /// copies and manifest, opening that data by default.
    Bundle(BundleArgs),
    /// Two runs side by side: per model score in each run, Δ with a paired interval and the rank
    /// change; the models in one run only; the prompts whose verdicts changed; label agreement,
    /// Cohen's κ and rank consistency. A run is a data path (as `leaderboard` takes) or a scores CSV.
    Diff(DiffArgs),
}

/// Which data to read and how verdicts become battles.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// A data root holding <bench>/..., a single bench folder, or a single battles .jsonl file.
    pub path: PathBuf,
    /// The bench to use when the path holds several.
    #[arg(long)]
    pub bench: Option<String>,
    /// Judge to use (repeat to pool several judges into an ensemble). Default: the only judge.
    #[arg(long = "judge", value_name = "NAME")]
    pub judges: Vec<String>,
    /// The model shown at 50% (any model). Default: the model the judgments were made against.
    #[arg(long)]
    pub baseline: Option<String>,
    /// The model the v0.1 judgments were made against (model_a), when the data does not tell.
    /// Default: --baseline, the manifest's baseline, the only model with answers but no judgments,
    /// then gpt-4-0314.
    #[arg(long, value_name = "MODEL")]
    pub judged_baseline: Option<String>,
    /// How many times a strong verdict (A>>B, B>>A) counts.
    #[arg(long, default_value_t = defaults().battles.weight)]
    pub weight: u32,
    /// Use game 1 only (baseline as Assistant A).
    #[arg(long)]
    pub first_game_only: bool,
}

/// A flag's values under the names the URL prints (the core's `as_str`, listed by [`Domain`]), the
/// other spellings of `view_state::aliases` accepted, and one line of help per value.
fn spelled<T: Clone + Send + Sync + 'static>(
    domain: Domain,
    parse: fn(&str) -> Option<T>,
    help: &'static [(&'static str, &'static str)],
) -> impl TypedValueParser<Value = T> {
    let values = domain.names().into_iter().map(move |name| {
        let v = PossibleValue::new(name).aliases(domain.aliases_of(name));
        match help.iter().find(|(n, _)| *n == name) {
            Some((_, h)) => v.help(*h),
            None => v,
        }
    });
    PossibleValuesParser::new(values).try_map(move |s| parse(&s).ok_or("unknown value"))
}

fn unit_values() -> impl TypedValueParser<Value = Unit> {
    spelled(
        Domain::Unit,
        parse::unit,
        &[
            ("row", "Resample battle rows, like show_result.py."),
            ("prompt", "Resample prompts with all their battles (clustered bootstrap; wider, more honest intervals)."),
        ],
    )
}

pub(crate) fn scoring_values() -> impl TypedValueParser<Value = Method> {
    spelled(
        Domain::Scoring,
        parse::scoring,
        &[
            ("arena-lens", "show_result.py v0.1's fit with a prompt-level bootstrap, 95% (the default, except on v2.0 data)."),
            ("show-result-v0.1", "Exactly what show_result.py v0.1 prints: row bootstrap and its quirks."),
            ("arena-hard-v2.0", "Exactly what v2.0's show_result.py prints: mean of per-model bootstrap means, 5-95%, per-category baselines (the default on v2.0 data)."),
        ],
    )
}

fn group_values() -> impl TypedValueParser<Value = Group> {
    spelled(Domain::GroupBy, parse::group, &[])
}

fn method_values() -> impl TypedValueParser<Value = ClusterMethod> {
    spelled(Domain::Method, parse::method, &[])
}

#[derive(Args, Debug)]
pub struct LeaderboardArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Bootstrap rounds (0 for none).
    #[arg(long, default_value_t = defaults().rounds)]
    pub rounds: u32,
    /// Bootstrap seed; the same seed gives the same intervals everywhere (CLI and browser).
    #[arg(long, default_value_t = defaults().seed)]
    pub seed: u64,
    /// The scoring method: a named preset of battles, fit, bootstrap, interval and score.
    /// Default: arena-lens, or arena-hard-v2.0 on v2.0 data.
    #[arg(long, value_parser = scoring_values())]
    pub method: Option<Method>,
    /// Confidence level of the intervals (show-result-v0.1 fixes 0.95, arena-hard-v2.0 fixes 0.90)
    /// [default: 0.95]
    #[arg(long)]
    pub level: Option<f64>,
    /// What a bootstrap round resamples (the anchor methods fix battle rows) [default: prompt]
    #[arg(long, value_parser = unit_values())]
    pub bootstrap_unit: Option<Unit>,
    /// Control for answer length and markdown (tokens, headers, lists, bold), as show_result.py.
    #[arg(long, conflicts_with_all = ["length_control", "markdown_control"])]
    pub style_control: bool,
    /// Control for answer length only.
    #[arg(long, conflicts_with = "markdown_control")]
    pub length_control: bool,
    /// Control for markdown only (headers, lists, bold).
    #[arg(long)]
    pub markdown_control: bool,
    /// Also compute one leaderboard per group of prompts.
    #[arg(long, value_parser = group_values())]
    pub group_by: Option<Group>,
    #[command(flatten)]
    pub subset: crate::subset::SubsetArgs,
    /// Chatbot Arena logs: also count votes cast after the models were revealed (`anony: false`).
    /// FastChat's leaderboard counts anonymous battles only, and so do the chatbot-arena and
    /// arena-rank methods by default (GenAI-Arena's "full" column counts both).
    #[arg(long)]
    pub include_non_anony: bool,
    /// The older spelling of `--method show-result-v0.1`: show_result.py v0.1 exactly, quirks
    /// included (baseline self-battles kept, each bootstrap round rated in the frame its fit lands
    /// in, bounds taken against the baseline's).
    #[arg(long, conflicts_with = "method")]
    pub show_result_compat: bool,
    /// Show Elo ratings (baseline 1000) instead of win rates in the table; `--show-elo` is
    /// show_result.py's spelling. With --show-result-compat they are truncated, as it prints them.
    #[arg(long, visible_alias = "show-elo")]
    pub elo: bool,
    /// Print JSON (per model: model, score, lower, upper, rank_ub, battles, avg_tokens, ...).
    #[arg(long)]
    pub json: bool,
    /// Export format: csv (full precision, # comment header), json (as --json), md or tex
    /// (rounded as shown; with --group-by, every group's board in one long table). The header names the method, seed, rounds, level, data and date.
    #[arg(long, value_parser = crate::export::format_values(), conflicts_with = "json")]
    pub format: Option<arena_lens_core::export::Format>,
    /// List every load issue (file:line: reason), not just the counts.
    #[arg(long)]
    pub report: bool,
}

#[derive(Args, Debug)]
pub struct BattlesArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Output folder (created if missing); default crates/web/public/data/demo. With --battles:
    /// a folder, a .jsonl file, or (when absent) standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Generator seed.
    #[arg(long, default_value_t = arena_lens_demo::DEFAULT_SEED)]
    pub seed: u64,
    /// File layout: v01 (Arena-Hard v0.1, the site's demo) or v2 (Arena-Hard v2.0: categories
    /// hard_prompt and creative_writing, each against its own baseline).
    #[arg(long, default_value = "v01", value_parser = ["v01", "v2"])]
    pub format: String,
    /// With --format v2: take the prompts (uid, category, subcategory, prompt) from this v2.0
    /// question.jsonl instead of the demo's; answers and verdicts stay simulated.
    #[arg(long, value_name = "FILE")]
    pub questions: Option<PathBuf>,
    /// Write a synthetic Chatbot Arena battle log of N battles instead (the chat releases' JSON
    /// Lines schema, about 200 models). With --out DIR it goes to
    /// DIR/chatbot-arena-demo/battles.jsonl beside a manifest; with --out FILE.jsonl to that file.
    #[arg(long, value_name = "N")]
    pub battles: Option<u64>,
    /// With --battles: every K-th battle carries short conversation_a/b texts (0 = none).
    #[arg(long, value_name = "K", default_value_t = 0, requires = "battles")]
    pub conversations_every: u64,
    /// Write the MT-Bench-style demo instead: a FastChat llm_judge folder (80 two-turn questions,
    /// 7 models' answers, pairwise-all and single-grade judgments, reference answers, judge
    /// prompts) to DIR/judge_prompts.jsonl and DIR/mt-bench-demo/, beside a manifest.
    #[arg(long, conflicts_with = "battles")]
    pub mt_bench: bool,
    /// The Arena-Hard demo with N prompts in its 40 planted topics of 5 categories (default 500).
    /// Above 2,000 prompts the layout is compact: no answer files, one judge (judge-sage), six
    /// models and one-line judgments, so that 100,000 prompts stay loadable in a browser.
    #[arg(long, value_name = "N", conflicts_with_all = ["battles", "mt_bench", "format"])]
    pub prompts: Option<usize>,
}

#[derive(Args, Debug)]
pub struct IndexArgs {
    /// The data folder to index.
    pub dir: PathBuf,
    /// Where to write the manifest (default: DIR/manifest.json). Use this when DIR is read-only.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Record the model the judgments were made against.
    #[arg(long)]
    pub baseline: Option<String>,
    /// Where the site should fetch the files from, relative to the manifest or an absolute URL
    /// (ending in `/`). Default: the manifest's folder, or with --out the relative path to DIR.
    #[arg(long, value_name = "URL")]
    pub base: Option<String>,
    /// Also write slim copies of the answer and judgment files (verdicts, token counts and style
    /// metadata, without the long texts) into `_slim/` beside the manifest. The site loads those first
    /// and fetches a model's full texts only when the compare page shows them.
    #[arg(long)]
    pub slim: bool,
}

#[derive(Args, Debug)]
pub struct BundleArgs {
    /// The data: a data root holding <bench>/..., a single bench folder, or a battles .jsonl file.
    /// It is copied (symlinks followed), never modified.
    pub data: PathBuf,
    /// The folder to write (created; an earlier bundle there is replaced, anything else refused).
    #[arg(long)]
    pub out: PathBuf,
    /// The path the bundle is served under, as Trunk's --public-url (e.g. /arena-lens/).
    /// Default: the built site's own (/ from scripts/build.sh).
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// The page title. Default: the built site's (arena-lens).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Record the model the judgments were made against in the manifest. Default: the one the
    /// data's own manifest.json records, if any.
    #[arg(long, value_name = "MODEL")]
    pub baseline: Option<String>,
    /// The built site (Trunk's output). Default: dist/ in the current folder, then the dist/ of the
    /// checkout this binary was built from. `bash scripts/build.sh` builds it.
    #[arg(long, value_name = "DIR")]
    pub site: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// A data root holding <bench>/..., or a single bench folder.
    pub path: PathBuf,
    /// Model A: any model with answers or verdicts (verdicts are not needed).
    #[arg(long)]
    pub a: String,
    /// Model B: any model with answers or verdicts.
    #[arg(long)]
    pub b: String,
    /// The bench to use when the path holds several.
    #[arg(long)]
    pub bench: Option<String>,
    /// The judge whose verdicts to read. Default: the first by name.
    #[arg(long)]
    pub judge: Option<String>,
    /// The display baseline (helps find the judged baseline, as for `leaderboard`).
    #[arg(long)]
    pub baseline: Option<String>,
    /// The model the v0.1 judgments were made against, when the data does not tell.
    #[arg(long, value_name = "MODEL")]
    pub judged_baseline: Option<String>,
    /// The scoring method (its level applies to the paired interval; the interval always
    /// resamples prompts). Default: arena-lens, or arena-hard-v2.0 on v2.0 data.
    #[arg(long, value_parser = scoring_values())]
    pub method: Option<Method>,
    /// Bootstrap rounds.
    #[arg(long, default_value_t = defaults().rounds)]
    pub rounds: u32,
    /// Bootstrap seed (the site uses the same default).
    #[arg(long, default_value_t = defaults().seed)]
    pub seed: u64,
    /// Confidence level of the interval (default 0.95; an anchor method fixes its own).
    #[arg(long)]
    pub level: Option<f64>,
    /// Print JSON: per prompt both models' games, scores and difference; totals; the interval.
    #[arg(long)]
    pub json: bool,
    /// Export format: csv (full precision, # comment header), json (as --json), md or tex
    /// (rounded as shown; csv and md: the paired table, no tex). The header names the method, seed, rounds, level, data and date.
    #[arg(long, value_parser = crate::export::format_values(), conflicts_with = "json")]
    pub format: Option<arena_lens_core::export::Format>,
}

#[derive(Args, Debug)]
pub struct ClustersArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The prompt label that defines the groups.
    #[arg(long, value_parser = group_values(), default_value = Group::Cluster.as_str(), conflicts_with = "compute")]
    pub label: Group,
    /// Compute K topic clusters from the prompt texts instead of using a label.
    #[arg(long, value_name = "K")]
    pub compute: Option<usize>,
    /// Clustering algorithm for --compute.
    #[arg(long, value_parser = method_values(), default_value = ClusterMethod::Kmeans.as_str(), requires = "compute")]
    pub method: ClusterMethod,
    /// Bootstrap rounds.
    #[arg(long, default_value_t = defaults().rounds)]
    pub rounds: u32,
    /// Seed of the clustering and the bootstrap.
    #[arg(long, default_value_t = defaults().seed)]
    pub seed: u64,
    /// Confidence level of the intervals.
    #[arg(long, default_value_t = defaults().level)]
    pub level: f64,
    /// Print JSON: per cluster and model the win rate, interval and prompt count (and with
    /// --compute the clustering: labels, sizes, assignment by question_id, dendrogram).
    #[arg(long)]
    pub json: bool,
    /// Export format: csv (full precision, # comment header), json (as --json), md or tex
    /// (rounded as shown; csv and md: one row per cluster and model, no tex). The header names the method, seed, rounds, level, data and date.
    #[arg(long, value_parser = crate::export::format_values(), conflicts_with = "json")]
    pub format: Option<arena_lens_core::export::Format>,
}

#[derive(Args, Debug)]
pub struct JudgesArgs {
    /// The data; `--judge` (repeatable) picks the judges to analyse. Default: every judge.
    #[command(flatten)]
    pub input: InputArgs,
    /// First judge of the judge-against-judge agreement. Default: the first judge by name.
    #[arg(long, value_name = "JUDGE", requires = "y")]
    pub x: Option<String>,
    /// Second judge of the agreement. Default: the second judge by name.
    #[arg(long, value_name = "JUDGE", requires = "x")]
    pub y: Option<String>,
    /// The scoring method of every judge's leaderboard. Default: arena-lens, or arena-hard-v2.0 on
    /// v2.0 data.
    #[arg(long, value_parser = scoring_values())]
    pub method: Option<Method>,
    /// A published leaderboard CSV to compare each judge with (Arena-Hard's, or model,elo).
    #[arg(long, value_name = "CSV")]
    pub reference: Option<PathBuf>,
    /// Model-family prefixes added to the defaults, e.g. "atlas=atlas,my-model=acme".
    #[arg(long, value_name = "PREFIX=FAMILY,...")]
    pub families: Option<String>,
    /// Bootstrap rounds for every leaderboard.
    #[arg(long, default_value_t = defaults().rounds)]
    pub rounds: u32,
    /// Bootstrap seed (leaderboards and correlation intervals).
    #[arg(long, default_value_t = defaults().seed)]
    pub seed: u64,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Export format: csv (full precision, # comment header), json (as --json), md or tex
    /// (rounded as shown; csv and md: every judge's leaderboard in one long table, no tex). The header names the method, seed, rounds, level, data and date.
    #[arg(long, value_parser = crate::export::format_values(), conflicts_with = "json")]
    pub format: Option<arena_lens_core::export::Format>,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Run 1: a data root, a bench folder, a battles .jsonl file, or a scores CSV.
    pub a: PathBuf,
    /// Run 2, as run 1. Default: run 1's data (then --judge2, --bench2 or --method2 make the pair).
    pub b: Option<PathBuf>,
    /// Run 1's bench.
    #[arg(long)]
    pub bench: Option<String>,
    /// Run 2's bench. Default: run 1's when both runs read the same data.
    #[arg(long)]
    pub bench2: Option<String>,
    /// Run 1's judge (repeat to pool).
    #[arg(long = "judge", value_name = "NAME")]
    pub judges: Vec<String>,
    /// Run 2's judge (repeat to pool). Default: run 1's when both runs read the same data.
    #[arg(long = "judge2", value_name = "NAME")]
    pub judges2: Vec<String>,
    /// Run 1's scoring method. Default: the data's own.
    #[arg(long, value_parser = scoring_values())]
    pub method: Option<Method>,
    /// Run 2's scoring method. Default: run 1's.
    #[arg(long, value_parser = scoring_values())]
    pub method2: Option<Method>,
    /// The model shown at 50%, in both runs.
    #[arg(long)]
    pub baseline: Option<String>,
    /// The model the v0.1 judgments were made against, as for `leaderboard` (both runs).
    #[arg(long, value_name = "MODEL")]
    pub judged_baseline: Option<String>,
    /// How many times a strong verdict counts (both runs).
    #[arg(long, default_value_t = defaults().battles.weight)]
    pub weight: u32,
    /// Per-prompt changes for this model only. Default: every shared model.
    #[arg(long, value_name = "MODEL")]
    pub model: Option<String>,
    /// Bootstrap rounds (each run's leaderboard and the paired interval).
    #[arg(long, default_value_t = defaults().rounds)]
    pub rounds: u32,
    #[arg(long, default_value_t = defaults().seed)]
    pub seed: u64,
    /// Interval level. Default: 0.95, or the level the method fixes.
    #[arg(long)]
    pub level: Option<f64>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Export the per-model table: csv (full precision, # comment header), json (as --json), md
    /// or tex (rounded as shown). The header names the method line, seed, rounds, level, data,
    /// date and both runs.
    #[arg(long, value_parser = crate::export::format_values(), conflicts_with = "json")]
    pub format: Option<arena_lens_core::export::Format>,
}
