//! Round axis steps, shared by the charts that place their own ticks (dendrogram, dumbbell).

/// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `raw` (> 0).
pub(crate) fn round_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

#[cfg(test)]
mod tests {
    #[test]
    fn steps_are_round_and_cover_the_raw_step() {
        // By hand: 1.2 → 2, 0.3 → 0.5, 2.5 → 2.5, 7 → 10, 40 → 50.
        for (raw, want) in [
            (1.2, 2.0),
            (0.3, 0.5),
            (2.5, 2.5),
            (7.0, 10.0),
            (40.0, 50.0),
        ] {
            assert!((super::round_step(raw) - want).abs() < 1e-12, "{raw}");
        }
    }
}
