//! `arena-lens judges`: how much a leaderboard depends on its judge: each judge's leaderboard,
//! judge-against-judge agreement, position consistency, self-preference, separability, style
//! coefficients, and agreement with a published leaderboard (the site's judges page).

use crate::args::JudgesArgs;
use arena_lens_core::export::{Cell, Format};
use arena_lens_core::judges::agreement::{self, AgreementOptions, Scored};
use arena_lens_core::judges::analysis::CORR_ROUNDS;
use arena_lens_core::judges::boards::per_judge;
use arena_lens_core::judges::consistency::{self, ConsistencyError};
use arena_lens_core::judges::family::{self, FamilyTable};
use arena_lens_core::judges::reference;
use arena_lens_core::leaderboard::{Leaderboard, LeaderboardOptions};
use arena_lens_core::scope::Purpose;
use serde_json::{json, Value};
use std::io::Write;

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Runs the command.
pub fn run(a: &JudgesArgs, out: &mut dyn Write) -> Result<(), String> {
    // The judges' analyses read verdicts only, never a text.
    let ds = crate::load_with(&a.input, arena_lens_core::load_options::Texts::Skip)?;
    let scope = crate::scope::resolve(
        &ds,
        &crate::scope::request(&a.input, Purpose::Judges, a.method),
    )?;
    let bench = scope.bench(&ds);
    let table = match &a.families {
        Some(s) => FamilyTable::with_overrides(s).map_err(err)?,
        None => FamilyTable::default(),
    };
    // Sorted by name, as the scope gives them (and the site lists them).
    let judges = scope.judges.clone();
    if judges.is_empty() {
        return Err("this data has no judges (no judgment files)".into());
    }
    // The judges page's intervals: 95% unless the method fixes its own, over the method's unit.
    let base = LeaderboardOptions {
        level: crate::method::level(scope.method, None)?,
        unit: crate::method::unit(scope.method, None)?,
        rounds: a.rounds,
        seed: a.seed,
        ..LeaderboardOptions::default()
    }
    .scoped(&scope);
    let base = LeaderboardOptions {
        battles: crate::battle_options(&a.input, &scope),
        ..base
    };
    let per = per_judge(bench, &base, &judges).map_err(err)?;
    let corr_opts = AgreementOptions {
        ours_level: 0.95,
        rounds: CORR_ROUNDS,
        seed: a.seed,
        level: 0.95,
    };
    let find = |name: &str| {
        per.iter()
            .find(|p| p.judge == name)
            .ok_or_else(|| format!("--x/--y: {name:?} is not among the judges analysed"))
    };
    let pair = match (&a.x, &a.y) {
        (Some(x), Some(y)) => Some((find(x)?, find(y)?)),
        _ if per.len() >= 2 => Some((&per[0], &per[1])),
        _ => None,
    };
    let judge_agreement = match pair {
        Some((x, y)) => {
            let g = agreement::compare_rows(&x.lb.models, &y.lb.models, &corr_opts).map_err(err)?;
            json!({"x": x.judge, "y": y.judge, "agreement": g})
        }
        None => Value::Null,
    };
    let consistency = match consistency::position_consistency(bench, &judges) {
        Ok(c) => serde_json::to_value(c).map_err(err)?,
        Err(ConsistencyError::NoJudgments) => Value::Null,
        Err(e) => return Err(e.to_string()),
    };
    let boards: Vec<Leaderboard> = per.iter().map(|p| (*p.lb).clone()).collect();
    let self_pref = if boards.len() >= 2 {
        serde_json::to_value(family::self_preference(&boards, &table).map_err(err)?).map_err(err)?
    } else {
        json!([])
    };
    let reference = match &a.reference {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let board = reference::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let theirs: Vec<Scored> = board.rows.iter().map(Scored::from).collect();
            let mut rows = Vec::new();
            for p in &per {
                let ours: Vec<Scored> = p.lb.models.iter().map(Scored::from).collect();
                let g = agreement::compare(&ours, &theirs, &corr_opts).map_err(err)?;
                rows.push(json!({"judge": p.judge, "agreement": g}));
            }
            json!({
                "path": path.display().to_string(),
                "kind": board.kind,
                "models": board.rows.len(),
                "issues": board.issues,
                "per_judge": rows,
            })
        }
        None => Value::Null,
    };
    let v = json!({
        "bench": bench.name,
        "judges": judges,
        "baseline": per[0].lb.baseline,
        "rounds": a.rounds,
        "seed": a.seed,
        "families": table.overrides().to_string(),
        "leaderboards": per.iter().map(|p| json!({
            "judge": p.judge,
            "baseline": p.lb.baseline,
            "models": p.lb.models.iter().enumerate().map(|(i, r)| json!({
                "rank": i + 1,
                "model": r.model,
                "score": r.score,
                "lower": r.lower,
                "upper": r.upper,
                "rank_ub": r.rank_ub,
                "avg_tokens": r.avg_tokens,
            })).collect::<Vec<_>>(),
            "unrated": p.lb.unrated,
        })).collect::<Vec<_>>(),
        "judge_agreement": judge_agreement,
        "consistency": consistency,
        "self_preference": self_pref,
        "separability": per.iter().map(|p| json!({
            "judge": p.judge,
            "at_95": p.sep95,
            "at_80": p.sep80,
        })).collect::<Vec<_>>(),
        "style": per.iter().map(|p| match &p.style {
            Ok(lb) => json!({"judge": p.judge, "mode": "full", "coefficients": lb.style_coefficients, "error": null}),
            Err(e) => json!({"judge": p.judge, "mode": "full", "coefficients": null, "error": e.to_string()}),
        }).collect::<Vec<_>>(),
        "reference": reference,
    });
    if let Some(f) = a.format.filter(|f| *f != Format::Json) {
        let lb = &per[0].lb;
        let header = arena_lens_core::export::leaderboard::header(
            lb,
            &crate::export::provenance(&a.input.path),
        )
        .with("judges", Cell::text(judges.join(", ")));
        let t = arena_lens_core::export::judges::judge_boards(&bench.name, &per, header);
        return crate::export::write(&t, f, out);
    }
    let text = if a.json || a.format == Some(Format::Json) {
        serde_json::to_string_pretty(&v).map_err(err)? + "\n"
    } else {
        render(&v)
    };
    out.write_all(text.as_bytes()).map_err(err)
}

fn f(v: &Value, digits: usize) -> String {
    v.as_f64()
        .map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| "-".into())
}

fn corr(v: &Value) -> String {
    if v.is_null() {
        return "-".into();
    }
    format!(
        "{} [{}, {}]",
        f(&v["estimate"], 3),
        f(&v["lower"], 3),
        f(&v["upper"], 3)
    )
}

fn agreement_line(g: &Value) -> String {
    format!(
        "shared {}, Spearman {}, Kendall {}, agreement with confidence {} over the {} pairs the reference separates ({} same order, {} overlapping here, {} reversed), Brier {} over {} pairs{}",
        g["n_shared"],
        corr(&g["spearman"]),
        corr(&g["kendall"]),
        f(&g["agreement_with_confidence"], 3),
        g["confidence"]["pairs"],
        g["confidence"]["same_order"],
        g["confidence"]["ours_overlap"],
        g["confidence"]["reversed"],
        f(&g["brier"], 4),
        g["brier_score"]["pairs"],
        match g["brier_score"]["from_samples"].as_u64() {
            Some(n) if Some(n) != g["n_shared"].as_u64() => {
                format!(" ({})", g["brier_score"]["note"].as_str().unwrap_or(""))
            }
            _ => String::new(),
        }
    )
}

/// The text report: one short section per analysis.
fn render(v: &Value) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "bench {}, baseline {}, {} rounds",
        v["bench"].as_str().unwrap_or(""),
        v["baseline"].as_str().unwrap_or(""),
        v["rounds"]
    );
    let _ = writeln!(
        s,
        "\nLeaderboards (win rate % against the baseline, 95% interval)"
    );
    for lb in v["leaderboards"].as_array().into_iter().flatten() {
        let models = lb["models"].as_array().cloned().unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} ({} models)",
            lb["judge"].as_str().unwrap_or(""),
            models.len()
        );
        for m in &models {
            let _ = writeln!(
                s,
                "    {:>3}  {:<32} {:>6} ({} – {})",
                m["rank"],
                m["model"].as_str().unwrap_or(""),
                f(&m["score"], 1),
                f(&m["lower"], 1),
                f(&m["upper"], 1)
            );
        }
    }
    if !v["judge_agreement"].is_null() {
        let a = &v["judge_agreement"];
        let _ = writeln!(
            s,
            "\nAgreement {} vs {}: {}",
            a["x"].as_str().unwrap_or(""),
            a["y"].as_str().unwrap_or(""),
            agreement_line(&a["agreement"])
        );
    }
    let _ = writeln!(
        s,
        "\nPosition consistency (two-game rows; flip rate; first-position preference)"
    );
    for c in v["consistency"].as_array().into_iter().flatten() {
        let o = &c["overall"];
        let _ = writeln!(
            s,
            "  {}: {} rows, identical {}, flip rate {}, first position {}",
            c["judge"].as_str().unwrap_or(""),
            o["two_game_rows"],
            f(&o["identical_rate"], 3),
            f(&o["flip_rate"], 3),
            f(&o["first_position_preference"], 3)
        );
    }
    let flagged: Vec<&Value> = v["self_preference"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["flagged"] == true)
        .collect();
    let _ = writeln!(
        s,
        "\nSelf-preference: {} flagged (judge, model) pairs",
        flagged.len()
    );
    for r in flagged {
        let _ = writeln!(
            s,
            "  {} on {} ({}): {} under the judge, {} under the others, excess {} > {}",
            r["judge"].as_str().unwrap_or(""),
            r["model"].as_str().unwrap_or(""),
            r["family"].as_str().unwrap_or(""),
            f(&r["score_under_judge"], 1),
            f(&r["score_under_others"], 1),
            f(&r["excess"], 1),
            f(&r["threshold"], 1)
        );
    }
    let _ = writeln!(
        s,
        "\nSeparability (share of model pairs whose intervals do not overlap, the baseline at [50, 50] included; {})",
        arena_lens_core::judges::separability::SOURCE
    );
    for p in v["separability"].as_array().into_iter().flatten() {
        let _ = writeln!(
            s,
            "  {}: {} at 95% ({} of {} pairs), {} at 80% ({} of {} pairs)",
            p["judge"].as_str().unwrap_or(""),
            f(&p["at_95"]["fraction"], 3),
            p["at_95"]["separated"],
            p["at_95"]["pairs"],
            f(&p["at_80"]["fraction"], 3),
            p["at_80"]["separated"],
            p["at_80"]["pairs"]
        );
    }
    let _ = writeln!(s, "\nStyle coefficients (style control, point fit)");
    for p in v["style"].as_array().into_iter().flatten() {
        match p["coefficients"].as_object() {
            Some(c) => {
                let parts: Vec<String> =
                    c.iter().map(|(k, x)| format!("{k} {}", f(x, 3))).collect();
                let _ = writeln!(
                    s,
                    "  {}: {}",
                    p["judge"].as_str().unwrap_or(""),
                    parts.join(", ")
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "  {}: {}",
                    p["judge"].as_str().unwrap_or(""),
                    p["error"].as_str().unwrap_or("")
                );
            }
        }
    }
    if !v["reference"].is_null() {
        let r = &v["reference"];
        let _ = writeln!(
            s,
            "\nReference {} ({} models, {} skipped lines)",
            r["path"].as_str().unwrap_or(""),
            r["models"],
            r["issues"].as_array().map_or(0, |i| i.len())
        );
        for p in r["per_judge"].as_array().into_iter().flatten() {
            let _ = writeln!(
                s,
                "  {}: {}",
                p["judge"].as_str().unwrap_or(""),
                agreement_line(&p["agreement"])
            );
        }
    }
    s
}
