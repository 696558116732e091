//! Colours shared by the charts and the app: a diverging scale around 50%, readable ink on it, and a
//! categorical palette for computed topics.

/// A colour on a diverging scale: `t` in [-1, 1], red (-1) through light grey (0) to blue (1).
pub fn diverging(t: f64) -> (u8, u8, u8) {
    let t = t.clamp(-1.0, 1.0);
    let (lo, mid, hi) = (
        (178.0, 24.0, 43.0),
        (240.0, 240.0, 240.0),
        (33.0, 102.0, 172.0),
    );
    let (a, b, f) = if t < 0.0 { (mid, lo, -t) } else { (mid, hi, t) };
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// CSS colour of a win rate (50% is neutral).
pub fn rate_css(rate: f64) -> String {
    let (r, g, b) = diverging((rate - 50.0) / 50.0);
    format!("rgb({r},{g},{b})")
}

/// Text colour that stays readable on [`rate_css`].
pub fn ink_on(rate: f64) -> &'static str {
    if (rate - 50.0).abs() > 30.0 {
        "#fff"
    } else {
        "#111827"
    }
}

/// Twenty distinguishable colours for computed topics (Tableau 20).
pub const PALETTE: [(u8, u8, u8); 20] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
    (174, 199, 232),
    (255, 187, 120),
    (152, 223, 138),
    (255, 152, 150),
    (197, 176, 213),
    (196, 156, 148),
    (247, 182, 210),
    (199, 199, 199),
    (219, 219, 141),
    (158, 218, 229),
];
