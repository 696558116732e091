//! `arena-lens compare`: two models prompt by prompt against the baseline, as the site's compare page
//! shows them, with the same paired bootstrap (same seed, same numbers).

use crate::args::CompareArgs;
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::compare::{pair_rows, paired_ci, CompareIndex, ModelOnPrompt, PairSummary};
use arena_lens_core::dataset::Dataset;
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
    let (Some(judge_name), Some(judge)) = (scope.judge().map(str::to_string), scope.judge_id())
    else {
        return Err("this data has no judgment files to compare".into());
    };
    let baseline = scope.judged_baseline_id;
    let model = |name: &str| {
        bench
            .models
            .get(name)
            .ok_or_else(|| format!("unknown model {name:?}"))
    };
    let (ma, mb) = (model(&a.a)?, model(&a.b)?);
    let index = CompareIndex::new(bench, judge, baseline);
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
        "prompts": rows.iter().map(|r| json!({
            "question_id": bench.prompts[r.prompt as usize].id,
            "a": side(&r.a),
            "b": side(&r.b),
            "diff": r.diff(),
            "outcome": r.outcome().map(|o| o.as_str()),
            "games_disagree": r.games_disagree(),
        })).collect::<Vec<_>>(),
    });
    let text = if a.json {
        serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n"
    } else {
        let s = &summary;
        let mut t = format!(
            "{} vs {} · judge {} · baseline {}\n{} prompts with verdicts for both: A better on {}, B better on {}, even on {}; games disagree on {}.\nWin rates vs the baseline (ties ½, both games): A {:.1}%, B {:.1}%.\n",
            a.a,
            a.b,
            judge_name,
            baseline.map(|b| bench.models.name(b)).unwrap_or("(per row)"),
            s.both,
            s.a_better,
            s.b_better,
            s.ties,
            s.disagree,
            s.mean_a * 100.0,
            s.mean_b * 100.0
        );
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
    }
}
