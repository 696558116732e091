//! `arena-lens compare`: two models prompt by prompt against the baseline, as the site's compare page
//! shows them, with the same paired bootstrap (same seed, same numbers). Either model may have answers
//! and no verdicts (a run in progress, or data with no judgment files): the JSON says what each side
//! has, and adds each side's answer statistics (tokens, characters, markdown counts), overall and per
//! category.

use crate::args::CompareArgs;
use arena_lens_core::bench::Bench;
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::compare::{
    holdings, pair_rows, paired_ci, stats_by_category, AnswerStats, CompareIndex, ModelHoldings,
    ModelOnPrompt, PairSummary,
};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::export::{Cell, Computation, Format, Header};
use arena_lens_core::scope::{Purpose, ScopeRequest, Several};
use serde_json::{json, Value};
use std::io::Write;

fn side(m: &ModelOnPrompt) -> Value {
    json!({
        "baseline": m.is_baseline,
        "judged": m.judgment.is_some(),
        "games": m.games.iter().map(|g| json!({
            "game": g.game,
            "label": g.verdict.label(),
            "result": g.result.as_str(),
        })).collect::<Vec<_>>(),
        "score": m.score(),
        "games_disagree": m.games_disagree(),
    })
}

/// What one side has: answers, verdicts under the judge read, and which judges judged it.
fn model_json(bench: &Bench, index: &CompareIndex, h: &ModelHoldings) -> Value {
    json!({
        "model": bench.models.name(h.model),
        "has": h.has().as_str(),
        "answers": h.answers,
        "verdicts": h.verdicts,
        "baseline": h.baseline,
        "judged_by": h.judged_by.iter().map(|&j| bench.judges.name(j)).collect::<Vec<_>>(),
        "mark": h.mark(bench, index),
    })
}

fn stats_json(category: Option<&str>, s: &AnswerStats) -> Value {
    let mean = |m: &arena_lens_core::compare::Mean| json!({ "n": m.n, "mean": m.mean() });
    json!({
        "category": category,
        "answers": s.answers,
        "tokens": mean(&s.tokens),
        "chars": mean(&s.chars),
        "headers": mean(&s.headers),
        "lists": mean(&s.lists),
        "bold": mean(&s.bold),
    })
}

/// One side's statistics: every prompt (`category` null) first, then each category.
fn side_stats(bench: &Bench, model: u32) -> Value {
    Value::Array(
        stats_by_category(bench, model)
            .iter()
            .map(|(c, s)| stats_json(c.as_deref(), s))
            .collect(),
    )
}

/// "answers + verdicts under J" and the like, for the text output.
fn has_line(bench: &Bench, index: &CompareIndex, side: &str, h: &ModelHoldings) -> String {
    format!(
        "{side}: {} ({})\n",
        bench.models.name(h.model),
        h.mark(bench, index)
    )
}

/// Runs the command.
pub fn run(a: &CompareArgs, out: &mut dyn Write) -> Result<(), String> {
    let files = crate::read::read_path(&a.path).map_err(|e| e.to_string())?;
    let ds = Dataset::load(files);
    let scope = crate::scope::resolve(
        &ds,
        &ScopeRequest {
            purpose: Purpose::Compare,
            bench: a.bench.clone(),
            judges: a.judge.iter().cloned().collect(),
            tab: None,
            baseline: a.baseline.clone(),
            judged_baseline: a.judged_baseline.clone(),
            method: a.method,
            several: Several::Ask,
        },
    )?;
    let bench = scope.bench(&ds);
    let judge_name = scope.judge().map(str::to_string);
    let baseline = scope.judged_baseline_id;
    let index = match scope.judge_id() {
        Some(j) => CompareIndex::new(bench, j, baseline),
        None => CompareIndex::without_judge(),
    };
    let listed = holdings(bench, &index);
    let model = |name: &str| {
        bench
            .models
            .get(name)
            .and_then(|m| listed.iter().find(|h| h.model == m))
            .ok_or_else(|| {
                let names: Vec<&str> = listed.iter().map(|h| bench.models.name(h.model)).collect();
                format!(
                    "model {name:?} has no answers or verdicts in this data; models: {}",
                    names.join(", ")
                )
            })
    };
    let (ha, hb) = (model(&a.a)?, model(&a.b)?);
    let (ma, mb) = (ha.model, hb.model);
    let rows = pair_rows(bench, &index, ma, mb);
    let summary = PairSummary::of(&rows);
    let level = crate::method::level(scope.method, a.level)?;
    let ci = paired_ci(&rows, a.rounds, a.seed, level);
    let spec = BootstrapSpec::new(a.rounds, a.seed, level, BootstrapUnit::Prompt)
        .map_err(|e| format!("--level: {e}"))?;
    let method_line = scope.method.line(Purpose::Compare, &spec, false);
    let doc = json!({
        "bench": bench.name,
        "judge": judge_name,
        "baseline": baseline.map(|b| bench.models.name(b)),
        "a": a.a,
        "b": a.b,
        "method": scope.method,
        "method_line": method_line,
        "sides": {
            "a": model_json(bench, &index, ha),
            "b": model_json(bench, &index, hb),
        },
        "summary": {
            "both": summary.both,
            "a_better": summary.a_better,
            "b_better": summary.b_better,
            "ties": summary.ties,
            "disagree": summary.disagree,
            "win_rate_a": summary.mean_a * 100.0,
            "win_rate_b": summary.mean_b * 100.0,
        },
        "ci": ci.as_ref().map(|c| json!({
            "n": c.n, "diff": c.diff, "lower": c.lower, "upper": c.upper,
            "rounds": c.rounds, "seed": c.seed, "level": c.level,
        })),
        "answer_stats": {
            "a": side_stats(bench, ma),
            "b": side_stats(bench, mb),
        },
        "prompts": rows.iter().map(|r| json!({
            "question_id": bench.prompts[r.prompt as usize].id,
            "a": side(&r.a),
            "b": side(&r.b),
            "diff": r.diff(),
            "outcome": r.outcome().map(|o| o.as_str()),
            "games_disagree": r.games_disagree(),
        })).collect::<Vec<_>>(),
    });
    if let Some(f) = a.format.filter(|f| *f != Format::Json) {
        let header = Header::new(
            &Computation {
                method: scope.method,
                method_line: &method_line,
                seed: a.seed,
                rounds: a.rounds,
                level,
            },
            &crate::export::provenance(&a.path),
        )
        .with("bench", Cell::text(bench.name.clone()))
        .with("judge", Cell::text(judge_name.clone().unwrap_or_default()))
        .with(
            "baseline",
            Cell::text(baseline.map(|b| bench.models.name(b)).unwrap_or_default()),
        );
        let t = arena_lens_core::export::compare::paired(bench, &rows, header, &a.a, &a.b);
        return crate::export::write(&t, f, out);
    }
    let text = if a.json || a.format == Some(Format::Json) {
        serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n"
    } else {
        let s = &summary;
        let mut t = format!(
            "{} vs {} · judge {} · baseline {}\n",
            a.a,
            a.b,
            judge_name.as_deref().unwrap_or("(none: no judgment files)"),
            baseline
                .map(|b| bench.models.name(b))
                .unwrap_or(if judge_name.is_some() {
                    "(per row)"
                } else {
                    "(none)"
                }),
        );
        t += &has_line(bench, &index, "A", ha);
        t += &has_line(bench, &index, "B", hb);
        if judge_name.is_some() {
            t += &format!(
                "{} prompts with verdicts for both: A better on {}, B better on {}, even on {}; games disagree on {}.\nWin rates vs the baseline (ties ½, both games): A {:.1}%, B {:.1}%.\n",
                s.both,
                s.a_better,
                s.b_better,
                s.ties,
                s.disagree,
                s.mean_a * 100.0,
                s.mean_b * 100.0
            );
        }
        t += &format!("{method_line}\n");
        if let Some(c) = ci {
            t += &format!(
                "A − B: {:+.1} points, {:.0}% CI [{:+.1}, {:+.1}] (paired bootstrap over {} prompts, {} rounds, seed {}).\n",
                c.diff,
                c.level * 100.0,
                c.lower,
                c.upper,
                c.n,
                c.rounds,
                c.seed
            );
        }
        let mean = |m: &arena_lens_core::compare::Mean| {
            m.mean().map_or("–".to_string(), |v| format!("{v:.1}"))
        };
        for (side, m) in [("A", ma), ("B", mb)] {
            for (cat, st) in stats_by_category(bench, m) {
                if st.answers == 0 {
                    continue;
                }
                t += &format!(
                    "{side} answers{}: {} · mean tokens {} · characters {} · headers {} · list items {} · bold {}\n",
                    cat.map(|c| format!(" in {}", if c.is_empty() { "(no category)".into() } else { c }))
                        .unwrap_or_default(),
                    st.answers,
                    mean(&st.tokens),
                    mean(&st.chars),
                    mean(&st.headers),
                    mean(&st.lists),
                    mean(&st.bold),
                );
            }
        }
        t
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use crate::args::Cli;
    use clap::Parser;

    #[test]
    fn compares_the_malicious_fixture() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../core/tests/fixtures/malicious"
        );
        let cli = Cli::parse_from([
            "arena-lens",
            "compare",
            dir,
            "--a",
            "evil-a",
            "--b",
            "evil-b",
            "--judge",
            "judge-x",
            "--json",
        ]);
        let mut out = Vec::new();
        crate::execute(cli, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["baseline"], "base-model");
        let s = &v["summary"];
        assert_eq!(
            (
                &s["both"],
                &s["a_better"],
                &s["b_better"],
                &s["ties"],
                &s["disagree"]
            ),
            (&4.into(), &2.into(), &1.into(), &1.into(), &1.into())
        );
        assert_eq!(v["ci"]["diff"], 37.5);
        let p = &v["prompts"][0];
        assert_eq!(p["question_id"], "mal-1");
        assert_eq!(p["a"]["games"][0]["label"], "B>A");
        assert_eq!(p["a"]["games"][0]["result"], "win");
        assert_eq!(p["b"]["games"][1]["result"], "loss");
        assert_eq!(v["sides"]["a"]["has"], "answers_and_verdicts");
        assert_eq!(v["sides"]["a"]["verdicts"], true);
    }
}
