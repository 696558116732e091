//! Number formats shared by the judges sections: a missing value is an en dash.

use arena_lens_core::judges::rank_corr::CorrInterval;

/// `v` with `digits` decimals.
pub fn num(v: Option<f64>, digits: usize) -> String {
    v.map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| "–".into())
}

pub use crate::ui::format::pct;

/// A correlation with its interval: `0.812 [0.650, 0.910]`.
pub fn corr_text(c: &Option<CorrInterval>) -> String {
    match c {
        Some(c) => format!(
            "{:.3} [{}, {}]",
            c.estimate,
            num(c.lower, 3),
            num(c.upper, 3)
        ),
        None => "–".into(),
    }
}
