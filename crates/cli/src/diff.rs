//! `arena-lens diff A [B]`: two runs side by side, as the site's diff page shows them (same core,
//! same seed, same numbers). Each run resolves its own scope; B left out (or equal to A) makes a
//! pair within one data set, and then run 2 takes run 1's bench, judges and baselines unless
//! `--bench2`, `--judge2` or `--method2` say otherwise. `--baseline` and `--judged-baseline` name
//! a model, so they hold for both runs.

use crate::args::DiffArgs;
use arena_lens_core::battle_set::BattleOptions;
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::diff::{self, scores, PromptsFor, Run};
use arena_lens_core::export::{self, Format};
use arena_lens_core::leaderboard::LeaderboardOptions;
use arena_lens_core::method::Method;
use arena_lens_core::scope::{Purpose, Scope, ScopeRequest, Several};
use std::io::Write;
use std::path::Path;

/// A loaded side: a data set or a scores table.
enum Side {
    Data(Dataset),
    Table(scores::ScoresRun),
}

fn load(path: &Path, run: u8) -> Result<Side, String> {
    let name = path.display().to_string();
    let json_table = path.is_file()
        && name.to_ascii_lowercase().ends_with(".json")
        && std::fs::read_to_string(path).is_ok_and(|t| scores::is_table_text(&name, &t));
    if scores::is_table(&name) || json_table {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        return scores::parse(&name, &text)
            .map(Side::Table)
            .map_err(|e| format!("run {run} ({name}): {e}"));
    }
    let files = crate::read::read_path(path).map_err(|e| e.to_string())?;
    if files.is_empty() {
        return Err(format!(
            "{name}: no data files (.jsonl, .json, .csv, .parquet) found"
        ));
    }
    Ok(Side::Data(Dataset::load(files)))
}

struct Asked {
    bench: Option<String>,
    judges: Vec<String>,
    method: Option<Method>,
    baseline: Option<String>,
    judged: Option<String>,
}

fn options(a: &DiffArgs, scope: &Scope) -> Result<LeaderboardOptions, String> {
    Ok(LeaderboardOptions {
        battles: BattleOptions {
            weight: a.weight,
            ..BattleOptions::default()
        }
        .scoped(scope),
        baseline: scope.baseline.clone(),
        rounds: a.rounds,
        seed: a.seed,
        level: crate::method::level(scope.method, a.level)?,
        unit: crate::method::unit(scope.method, None)?,
        method: scope.method,
        ..LeaderboardOptions::default()
    })
}

fn run_of<'a>(side: &'a Side, asked: Asked, a: &DiffArgs, n: u8) -> Result<Run<'a>, String> {
    match side {
        Side::Table(t) => Ok(Run::Scores(t.clone())),
        Side::Data(ds) => {
            let scope = crate::scope::resolve(
                ds,
                &ScopeRequest {
                    purpose: Purpose::Leaderboard,
                    bench: asked.bench,
                    judges: asked.judges,
                    tab: None,
                    baseline: asked.baseline,
                    judged_baseline: asked.judged,
                    method: asked.method,
                    several: Several::Ask,
                },
            )
            .map_err(|e| format!("run {n}: {e}"))?;
            Run::verdicts(scope.bench(ds), options(a, &scope)?)
                .map_err(|e| format!("run {n}: {}", crate::scope::error_text(e)))
        }
    }
}

/// Runs the command.
pub fn run(a: &DiffArgs, out: &mut dyn Write) -> Result<(), String> {
    let same = a.b.as_ref().is_none_or(|b| b == &a.a);
    let one = load(&a.a, 1)?;
    let two = match &a.b {
        Some(b) if !same => Some(load(b, 2)?),
        _ => None,
    };
    let r1 = run_of(
        &one,
        Asked {
            bench: a.bench.clone(),
            judges: a.judges.clone(),
            method: a.method,
            baseline: a.baseline.clone(),
            judged: a.judged_baseline.clone(),
        },
        a,
        1,
    )?;
    let asked2 = Asked {
        bench: a
            .bench2
            .clone()
            .or_else(|| same.then(|| a.bench.clone()).flatten()),
        judges: if !a.judges2.is_empty() {
            a.judges2.clone()
        } else if same {
            a.judges.clone()
        } else {
            Vec::new()
        },
        method: a.method2.or(a.method),
        baseline: a.baseline.clone(),
        judged: a.judged_baseline.clone(),
    };
    let r2 = run_of(two.as_ref().unwrap_or(&one), asked2, a, 2)?;
    let level = match r1.as_verdicts() {
        Some(v) => v.leaderboard.level,
        None => a.level.unwrap_or(LeaderboardOptions::default().level),
    };
    let spec = BootstrapSpec::new(a.rounds, a.seed, level, BootstrapUnit::Prompt)
        .map_err(|e| format!("--level: {e}"))?;
    let which = match &a.model {
        Some(m) => PromptsFor::One(m.clone()),
        None => PromptsFor::All,
    };
    let d = diff::compute(&r1, &r2, &spec, &which).map_err(|e| e.to_string())?;
    for n in &d.notes {
        eprintln!("note: {n}");
    }
    if let Some(f) = a.format.filter(|f| *f != Format::Json) {
        let table = export::diff::diff(&d, &crate::export::provenance(&a.a));
        return crate::export::write(&table, f, out);
    }
    let text = if a.json || a.format == Some(Format::Json) {
        serde_json::to_string_pretty(&d).map_err(|e| e.to_string())? + "\n"
    } else {
        render(&d)
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

fn num(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.1}"))
}

/// The text table.
fn render(d: &diff::Diff) -> String {
    let mut s = String::new();
    let w = d
        .models
        .iter()
        .map(|m| m.model.len())
        .max()
        .unwrap_or(5)
        .max(5);
    s.push_str(&format!(
        "{:<w$}  {:>7}  {:>7}  {:>7}  {:>15}  {:>6}\n",
        "model", "score 1", "score 2", "delta", "interval", "rank"
    ));
    for m in &d.models {
        s.push_str(&format!(
            "{:<w$}  {:>7.1}  {:>7.1}  {:>+7.1}  {:>15}  {:>6}\n",
            m.model,
            m.score_1,
            m.score_2,
            m.delta,
            format!("[{}, {}]", num(m.lower), num(m.upper)),
            format!("{}→{}", m.rank_1, m.rank_2),
        ));
    }
    if !d.only_in_1.is_empty() {
        s.push_str(&format!("only in run 1: {}\n", d.only_in_1.join(", ")));
    }
    if !d.only_in_2.is_empty() {
        s.push_str(&format!("only in run 2: {}\n", d.only_in_2.join(", ")));
    }
    if let Some(sm) = &d.summary {
        let a = &sm.agreement;
        s.push_str(&format!(
            "verdicts: {} games, exact label {}, same winner {}, kappa {}\n",
            a.games,
            a.exact.map_or("-".into(), |x| format!("{:.1}%", 100.0 * x)),
            a.same_winner
                .map_or("-".into(), |x| format!("{:.1}%", 100.0 * x)),
            a.kappa.map_or("-".into(), |x| format!("{x:.3}")),
        ));
        s.push_str(&format!(
            "changed prompts listed: {}\n",
            d.prompt_changes.len()
        ));
    }
    s.push_str(&d.method_line);
    s.push('\n');
    s
}
