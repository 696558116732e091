//! Colours shared by the charts and the app: a diverging scale around 50%, readable ink on it, and a
//! categorical palette for computed topics.
//!
//! "Readable" is the WCAG 2.x contrast ratio: text on a cell must reach 4.5:1 (success criterion
//! 1.4.3, normal-size text), the same rule the e2e accessibility check (axe-core) applies.

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

/// The contrast ratio WCAG 2.x asks of normal-size text (success criterion 1.4.3, level AA).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// The inks [`ink_on_rgb`] chooses from: CSS colour and sRGB value. Near-black first (the app's
/// text colour), then white; pure black is the fallback for the mid-tones where neither reaches
/// [`MIN_TEXT_CONTRAST`].
const DARK: (&str, (u8, u8, u8)) = ("#111827", (0x11, 0x18, 0x27));
const WHITE: (&str, (u8, u8, u8)) = ("#fff", (255, 255, 255));
const BLACK: (&str, (u8, u8, u8)) = ("#000", (0, 0, 0));

/// WCAG 2.x relative luminance of an sRGB colour, in [0, 1].
pub fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2.x contrast ratio of two colours, in [1, 21] (order does not matter).
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text colour (CSS) with the higher contrast on `bg`, near-black or white; pure black when
/// neither reaches [`MIN_TEXT_CONTRAST`]. Black then always does: white falling short means
/// L(bg) > 1.05 / 4.5 - 0.05, so black's ratio (L + 0.05) / 0.05 exceeds 4.6.
pub fn ink_on_rgb(bg: (u8, u8, u8)) -> &'static str {
    let (dark, white) = (contrast_ratio(DARK.1, bg), contrast_ratio(WHITE.1, bg));
    let (best, ratio) = if dark >= white {
        (DARK, dark)
    } else {
        (WHITE, white)
    };
    if ratio >= MIN_TEXT_CONTRAST {
        best.0
    } else {
        BLACK.0
    }
}

/// [`ink_on_rgb`] as an sRGB value, for the charts that draw text on cells themselves.
pub fn ink_rgb_on(bg: (u8, u8, u8)) -> (u8, u8, u8) {
    let css = ink_on_rgb(bg);
    [DARK, WHITE, BLACK]
        .into_iter()
        .find(|(c, _)| *c == css)
        .map_or(DARK.1, |(_, v)| v)
}

/// Text colour that stays readable (at least [`MIN_TEXT_CONTRAST`]) on [`rate_css`] of `rate`.
pub fn ink_on(rate: f64) -> &'static str {
    ink_on_rgb(diverging((rate - 50.0) / 50.0))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses the "#rgb" / "#rrggbb" inks returned by [`ink_on_rgb`].
    fn rgb(css: &str) -> (u8, u8, u8) {
        let hex = css.trim_start_matches('#');
        let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).unwrap();
        match hex.len() {
            3 => (digit(0, 1) * 17, digit(1, 1) * 17, digit(2, 1) * 17),
            6 => (digit(0, 2), digit(2, 2), digit(4, 2)),
            _ => panic!("not a hex colour: {css}"),
        }
    }

    #[test]
    fn contrast_matches_published_values() {
        // WCAG 2.x definition: black on white is exactly 21:1, a colour on itself 1:1.
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio((33, 102, 172), (33, 102, 172)) - 1.0).abs() < 1e-12);
        // WebAIM contrast checker (webaim.org/resources/contrastchecker): #767676 on white is
        // 4.54:1 and #777777 on white 4.48:1 (the AA boundary), shown to two decimals: tol. 0.005.
        assert!((contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.005);
        assert!((contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.005);
    }

    #[test]
    fn ink_reaches_aa_on_every_rate() {
        // Every 0.01 % step of the scale, including the mid-tones near 20% and 80% where the old
        // rule (white beyond 30 points from 50%) gave about 3:1.
        for i in 0..=10_000 {
            let rate = f64::from(i) / 100.0;
            let bg = diverging((rate - 50.0) / 50.0);
            let ratio = contrast_ratio(rgb(ink_on(rate)), bg);
            assert!(
                ratio >= MIN_TEXT_CONTRAST,
                "rate {rate}: {} on {bg:?} is {ratio:.2}:1",
                ink_on(rate)
            );
        }
    }

    #[test]
    fn ink_reaches_aa_on_any_colour() {
        // A 52-step grid over sRGB (every 5th level per channel, 0 and 255 included).
        let levels: Vec<u8> = (0..=51).map(|i| i * 5).collect();
        for &r in &levels {
            for &g in &levels {
                for &b in &levels {
                    let ink = ink_on_rgb((r, g, b));
                    let ratio = contrast_ratio(rgb(ink), (r, g, b));
                    assert!(
                        ratio >= MIN_TEXT_CONTRAST,
                        "{ink} on ({r},{g},{b}) is {ratio:.2}:1"
                    );
                }
            }
        }
    }

    #[test]
    fn ink_keeps_the_usual_choices() {
        // Dark text on the neutral middle and the pale ends, white on the saturated extremes.
        assert_eq!(ink_on(50.0), "#111827");
        assert_eq!(ink_on(35.0), "#111827");
        assert_eq!(ink_on(0.0), "#fff");
        assert_eq!(ink_on(100.0), "#fff");
    }
}
