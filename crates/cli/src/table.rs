//! The plain-text leaderboard, laid out like show_result.py's but with ranks, intervals and battles.

use arena_lens_core::bt::Estimate;
use arena_lens_core::leaderboard::{Leaderboard, ModelRow};
use std::fmt::Write;

/// How Elo values are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EloText {
    Rounded,
    /// Truncated toward zero, as show_result.py v0.1's `--show-elo` prints them (`astype(int)` in its
    /// main block); used with the compat preset.
    Truncated,
}

impl EloText {
    fn show(self, v: f64) -> String {
        match self {
            EloText::Rounded => format!("{v:.0}"),
            EloText::Truncated => format!("{}", v.trunc()),
        }
    }
}

/// Formats a score, showing bounds as bounds.
fn score_cell(r: &ModelRow, elo: Option<EloText>) -> String {
    match (r.estimate, elo) {
        (Estimate::Above, _) => "> all (no losses)".into(),
        (Estimate::Below, _) => "< all (no wins)".into(),
        (_, Some(e)) => e.show(r.elo.unwrap_or(f64::NAN)),
        (_, None) => format!("{:.1}", r.score),
    }
}

fn interval_cell(r: &ModelRow, elo: Option<EloText>) -> String {
    if let Some(e) = elo {
        let f = |x: Option<f64>| x.map(|v| e.show(v)).unwrap_or_else(|| "∞".into());
        format!("[{}, {}]", f(r.elo_lower), f(r.elo_upper))
    } else {
        format!("({:+.1}, {:+.1})", r.lower - r.score, r.upper - r.score)
    }
}

/// Renders rows as an aligned table.
pub fn rows_table(rows: &[ModelRow], level: f64, elo: Option<EloText>) -> String {
    let name_w = rows
        .iter()
        .map(|r| r.model.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut s = String::new();
    let ci = format!("{:.0}% CI", level * 100.0);
    let score = if elo.is_some() { "Elo" } else { "Score" };
    let _ = writeln!(
        s,
        "{:>4}  {:<name_w$}  {:>7}  {:>16}  {:>8}  {:>10}",
        "Rank", "Model", score, ci, "Battles", "Avg tokens"
    );
    for r in rows {
        let _ = writeln!(
            s,
            "{:>4}  {:<name_w$}  {:>7}  {:>16}  {:>8}  {:>10}",
            r.rank_ub,
            r.model,
            score_cell(r, elo),
            interval_cell(r, elo),
            r.battles,
            r.avg_tokens
                .map(|t| format!("{}", t as i64))
                .unwrap_or_else(|| "-".into())
        );
    }
    s
}

/// The full text report.
pub fn render(lb: &Leaderboard, elo: Option<EloText>, list_issues: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "bench: {}   judges: {}", lb.bench, lb.judges.join(" + "));
    let _ = writeln!(
        s,
        "baseline: {}{}   weight: {}{}",
        lb.baseline,
        lb.judged_baseline
            .as_ref()
            .filter(|j| **j != lb.baseline)
            .map(|j| format!(" (judged against {j})"))
            .unwrap_or_default(),
        lb.weight,
        if lb.first_game_only {
            "   first game only"
        } else {
            ""
        }
    );
    let _ = writeln!(s, "{}", lb.method_line);
    if !lb.style_coefficients.is_empty() {
        let coefs: Vec<String> = lb
            .style_coefficients
            .iter()
            .map(|(k, v)| format!("{k}: {v:.3}"))
            .collect();
        let _ = writeln!(
            s,
            "style control ({}): {}",
            lb.style_control.as_str(),
            coefs.join(", ")
        );
    }
    let _ = writeln!(s);
    s.push_str(&rows_table(&lb.models, lb.level, elo));
    if !lb.unrated.is_empty() {
        let _ = writeln!(
            s,
            "\nunrated (no battles connecting them to the baseline): {}",
            lb.unrated.join(", ")
        );
    }
    for g in &lb.groups {
        let _ = writeln!(
            s,
            "\n== {}: {} ({} prompts) ==",
            lb.group_by.map(|g| g.as_str()).unwrap_or(""),
            g.group,
            g.prompts
        );
        s.push_str(&rows_table(&g.models, lb.level, elo));
    }
    let r = &lb.report;
    let _ = writeln!(
        s,
        "\nloaded {} files, {} lines: {} questions, {} answers, {} judgments, {} battle rows",
        r.files, r.lines, r.questions, r.answers, r.judgments, r.battle_rows
    );
    for (kind, n) in &r.counts {
        let _ = writeln!(s, "  {n:>6}  {}", kind.describe());
    }
    if list_issues {
        for i in &r.issues {
            let _ = writeln!(s, "  {i}");
        }
        if r.total_issues() > r.issues.len() {
            let _ = writeln!(s, "  ... and {} more", r.total_issues() - r.issues.len());
        }
    } else if r.total_issues() > 0 {
        let _ = writeln!(s, "  (--report lists each one as file:line: reason)");
    }
    s
}
