//! Milliseconds from the page's performance clock, for the footer's timings.

/// `performance.now()`, or 0 where there is no window (tests in workers).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
