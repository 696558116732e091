//! The arena-lens command line, as a library so tests can run it without a subprocess.
//!
//! `run` parses arguments, reads files, calls the core and prints. It returns the exit code: 0 on
//! success, 2 on a usage or data error (with the reason on stderr).

pub mod args;
pub mod blocks;
pub mod bundle;
pub mod clusters;
pub mod compare;
mod demo_arena;
mod demo_folder;
mod demo_mt_bench;
pub mod diff;
pub mod export;
pub mod index;
pub mod judges;
pub mod method;
pub mod parquet;
pub mod read;
pub mod scope;
pub mod subset;
pub mod table;

use arena_lens_core::battle_set::{self, BattleOptions};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::export::Format;
use arena_lens_core::leaderboard::{self, GroupBy, LeaderboardOptions};
use arena_lens_core::load_options::{LoadOptions, Texts};
use arena_lens_core::method::Method;
use arena_lens_core::scope::{Purpose, Scope};
use arena_lens_core::style::StyleMode;
use args::{Cli, Command, InputArgs, LeaderboardArgs};
use clap::Parser;
use std::ffi::OsString;
use std::io::Write;

/// Where `arena-lens demo` writes the Arena-Hard demo unless told otherwise: the site's demo data.
const DEMO_OUT: &str = "crates/web/public/data/demo";

/// Runs the CLI with these arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let mut out = std::io::stdout().lock();
    match execute(cli, &mut out) {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("error: {msg}");
            2
        }
    }
}

/// Runs a parsed command, writing its output to `out`.
pub fn execute(cli: Cli, out: &mut dyn Write) -> Result<(), String> {
    match cli.command {
        Command::Leaderboard(a) => {
            let ds = load_with(&a.input, Texts::Skip)?;
            let asked = if a.show_result_compat {
                Some(Method::ShowResultV01)
            } else {
                a.method
            };
            let subset = subset::of_args(&a.subset)?;
            let mut lb = match leaderboard::scores_only::of_dataset(&ds)? {
                Some(_) if !subset.is_all() => {
                    return Err(arena_lens_core::subset::SubsetError::ScoresOnly.to_string())
                }
                Some(lb) => lb,
                None => {
                    let scope = scope::resolve(
                        &ds,
                        &scope::request(&a.input, Purpose::Leaderboard, asked),
                    )?;
                    let bench = scope.bench(&ds);
                    if !subset.is_all() {
                        let sel = subset.select(bench).map_err(|e| e.to_string())?;
                        eprintln!(
                            "note: scoring {} of {} prompts: {}{}",
                            sel.prompts.len(),
                            sel.of,
                            sel.description,
                            match sel.unknown_ids {
                                0 => String::new(),
                                n => format!(" ({n} listed ids are not in the data)"),
                            }
                        );
                    }
                    leaderboard::compute(bench, &opts_for(&a, &scope)?)
                        .map_err(scope::error_text)?
                }
            };
            lb.report.merge(&ds.report);
            if let Some(f) = a.format.filter(|f| *f != Format::Json) {
                let p = export::provenance(&a.input.path);
                let t = if lb.groups.is_empty() {
                    arena_lens_core::export::leaderboard::leaderboard(&lb, &p)
                } else {
                    arena_lens_core::export::leaderboard::groups(&lb, &p)
                };
                return export::write(&t, f, out);
            }
            let text = if a.json || a.format == Some(Format::Json) {
                serde_json::to_string_pretty(&lb).map_err(|e| e.to_string())? + "\n"
            } else {
                let elo = a.elo.then_some(if lb.method == Method::ShowResultV01 {
                    table::EloText::Truncated
                } else {
                    table::EloText::Rounded
                });
                table::render(&lb, elo, a.report)
            };
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())
        }
        Command::Battles(a) => {
            let ds = load_with(&a.input, Texts::Skip)?;
            let scope = scope::resolve(&ds, &scope::request(&a.input, Purpose::Leaderboard, None))?;
            let bench = scope.bench(&ds);
            let set = battle_set::build(
                bench,
                &battle_options(&a.input, &scope),
                scope.baseline.as_deref(),
            )
            .map_err(scope::error_text)?;
            for r in &set.rows {
                let row = serde_json::json!({
                    "question_id": bench.prompts[r.prompt as usize].id,
                    "model_a": set.name(r.a),
                    "model_b": set.name(r.b),
                    "winner": r.outcome.winner_label(),
                });
                let line = row.to_string() + "\n";
                for _ in 0..r.copies {
                    out.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
                }
            }
            Ok(())
        }
        Command::Demo(a) if a.battles.is_some() => demo_arena::run(&a, out),
        Command::Demo(a) if a.mt_bench => demo_mt_bench::run(&a, out),
        Command::Demo(a) => {
            let v2 = a.format == "v2";
            if a.questions.is_some() && !v2 {
                return Err("--questions needs --format v2".into());
            }
            let files = if v2 {
                let specs = match &a.questions {
                    Some(p) => Some(read::v2_question_specs(p)?),
                    None => None,
                };
                arena_lens_demo::generate_v2(a.seed, specs.as_deref())
            } else {
                let n = a.prompts.unwrap_or(arena_lens_demo::DEMO_PROMPTS);
                arena_lens_demo::generate_prompts(a.seed, n).map_err(|e| e.to_string())?
            };
            let root = a
                .out
                .clone()
                .unwrap_or_else(|| std::path::PathBuf::from(DEMO_OUT));
            // v2.0 rows name their own (per-category) baseline.
            let baseline = (!v2).then(|| arena_lens_demo::DEMO_BASELINE.to_string());
            demo_folder::write_folder(&root, &files, baseline, out)
        }
        Command::Index(a) => index::run(&a, out),
        Command::Compare(a) => compare::run(&a, out),
        Command::Clusters(a) => clusters::run(&a, out),
        Command::Judges(a) => judges::run(&a, out),
        Command::Bundle(a) => bundle::run(&a, out),
        Command::Diff(a) => diff::run(&a, out),
    }
}

/// Reads the data path of a command that shows texts (answers, judgments) or may.
fn load(input: &InputArgs) -> Result<Dataset, String> {
    load_with(input, Texts::Keep)
}

/// Reads the data path of a command, keeping or skipping the answer and judgment texts (a
/// leaderboard never shows them; skipping them makes reading several times faster).
fn load_with(input: &InputArgs, texts: Texts) -> Result<Dataset, String> {
    // A single battle log is read line by line: a million battles never sit in memory as text.
    if let Some(ds) = read::load_streamed(&input.path) {
        return ds.map_err(|e| e.to_string());
    }
    let files = read::read_path(&input.path).map_err(|e| e.to_string())?;
    if files.is_empty() {
        return Err(format!(
            "{}: no data files (.jsonl, .json, .csv, .parquet) found",
            input.path.display()
        ));
    }
    Ok(Dataset::load_with(
        files,
        LoadOptions {
            texts,
            threads: read::threads(),
        },
    ))
}

/// How verdicts become battles: the scope's judges and judged baseline, the command's weighting.
fn battle_options(input: &InputArgs, scope: &Scope) -> BattleOptions {
    BattleOptions {
        weight: input.weight,
        first_game_only: input.first_game_only,
        ..BattleOptions::default()
    }
    .scoped(scope)
}

/// The leaderboard's options: the scope's judges, baselines and method, the flags the method
/// leaves free (see [`method`]).
fn opts_for(a: &LeaderboardArgs, scope: &Scope) -> Result<LeaderboardOptions, String> {
    if a.include_non_anony && !matches!(scope.method, Method::ChatbotArena | Method::ArenaRank) {
        return Err(format!(
            "--include-non-anony: the {} method has no anonymous votes to widen; it applies to Chatbot Arena logs (chatbot-arena, arena-rank)",
            scope.method
        ));
    }
    if scope.method == Method::ArenaRank && a.bootstrap_unit.is_some() {
        return Err(
            "--bootstrap-unit: the arena-rank method draws no bootstrap (its intervals are sandwich intervals); drop the flag".into(),
        );
    }
    Ok(LeaderboardOptions {
        battles: BattleOptions {
            include_non_anony: a.include_non_anony,
            ..battle_options(&a.input, scope)
        },
        baseline: scope.baseline.clone(),
        rounds: a.rounds,
        seed: a.seed,
        level: method::level(scope.method, a.level)?,
        unit: method::unit(scope.method, a.bootstrap_unit)?,
        style: if a.style_control {
            StyleMode::Full
        } else if a.length_control {
            StyleMode::Length
        } else if a.markdown_control {
            StyleMode::Markdown
        } else {
            StyleMode::Off
        },
        group_by: a.group_by.map(|g| match g {
            args::Group::Category => GroupBy::Category,
            args::Group::Subcategory => GroupBy::Subcategory,
            args::Group::Cluster => GroupBy::Cluster,
            args::Group::KoCluster => GroupBy::KoCluster,
        }),
        method: scope.method,
        subset: crate::subset::of_args(&a.subset)?,
    })
}
