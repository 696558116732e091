//! The dumbbell plot of a diff: one row per shared model, its score in run 1 and in run 2 as two
//! dots joined by a line, and Δ's paired interval drawn as a band from run 1's score (where run 2's
//! score would fall for every Δ in the interval), so a row whose band leaves the run-1 dot's side
//! is a change the interval supports. A shared axis in points of win rate, a legend naming the runs.

use crate::label::{short, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One model's row: scores (%) in each run and Δ's interval (points), when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct DumbbellRow {
    pub label: String,
    pub score_1: f64,
    pub score_2: f64,
    pub delta_interval: Option<(f64, f64)>,
}

/// Titles and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct DumbbellSpec {
    pub title: String,
    /// The axis's name, with its unit.
    pub x_label: String,
    pub run_1: String,
    pub run_2: String,
    /// The band's legend entry ("Δ's paired 95% interval, from run 1's score").
    pub band: String,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

pub const RUN_1: RGBColor = RGBColor(0x6b, 0x72, 0x80);
pub const RUN_2: RGBColor = RGBColor(0x25, 0x63, 0xeb);
const BAND: RGBColor = RGBColor(0xbf, 0xdb, 0xfe);
const GRID: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);

/// The legend's entries: (text, 1 = run 1's dot, 2 = run 2's, 0 = the band).
fn legend(spec: &DumbbellSpec) -> [(&str, u8); 3] {
    [(&spec.run_1, 1), (&spec.run_2, 2), (&spec.band, 0)]
}

/// Where each legend entry goes at width `w`: (x, line), wrapping to a new line when an entry
/// would run past the right edge.
fn legend_places(w: i32, spec: &DumbbellSpec) -> [(i32, i32); 3] {
    let f = spec.font_px as i32;
    let (mut x, mut line) = (f, 0);
    let mut out = [(0, 0); 3];
    for (k, (text, _)) in legend(spec).into_iter().enumerate() {
        let width = f * 2 + (text.chars().count() as i32 * f * 55 / 100);
        if x > f && x + width > w - f {
            x = f;
            line += 1;
        }
        out[k] = (x, line);
        x += width + f;
    }
    out
}

/// The height the plot needs for `n` rows at width `w`: title, legend (wrapped as drawn), rows,
/// tick labels and the axis name.
pub fn dumbbell_height(n: usize, w: u32, spec: &DumbbellSpec) -> u32 {
    let f = spec.font_px as i32;
    let lines = legend_places(w as i32, spec)[2].1;
    let top = f * 3 + lines * (f + f / 2) + f * 2;
    (top + n.max(1) as i32 * row_height(spec.font_px) + f * 3 + 12 + f / 2) as u32
}

fn row_height(font_px: u32) -> i32 {
    (font_px as f64 * 1.9) as i32
}

/// Round ticks covering `lo..hi`, about six of them.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let step = crate::ticks::round_step(((hi - lo) / 6.0).max(1e-9));
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + step * 1e-9 {
        out.push(t);
        t += step;
    }
    out
}

/// Draws the plot on `root`, rows top to bottom in the order given.
pub fn draw_dumbbell<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[DumbbellRow],
    spec: &DumbbellSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, _) = root.dim_in_pixel();
    let w = w as i32;
    let f = spec.font_px as i32;
    let font = ("sans-serif", spec.font_px as f64).into_font().color(&INK);
    root.draw(&Text::new(
        spec.title.clone(),
        (w / 2, f / 2),
        ("sans-serif", spec.font_px as f64 * 1.15)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    // The legend, under the title: two dots and the band, wrapped onto more lines when narrow.
    let places = legend_places(w, spec);
    let mut ly = f * 3;
    for ((text, kind), (lx, line)) in legend(spec).into_iter().zip(places) {
        ly = f * 3 + line * (f + f / 2);
        match kind {
            1 => root.draw(&Circle::new((lx + f / 2, ly), f / 3 + 1, RUN_1.filled()))?,
            2 => root.draw(&Circle::new((lx + f / 2, ly), f / 3 + 1, RUN_2.filled()))?,
            _ => root.draw(&Rectangle::new(
                [(lx, ly - f / 4), (lx + f, ly + f / 4)],
                BAND.filled(),
            ))?,
        }
        root.draw(&Text::new(
            text.to_string(),
            (lx + f + 4, ly),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    let top = ly + f * 2;
    let row_h = row_height(spec.font_px);
    let bottom = top + rows.len().max(1) as i32 * row_h;
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for r in rows {
        let (a, b) = r.delta_interval.map_or((0.0, 0.0), |(l, u)| (l, u));
        for v in [r.score_1, r.score_2, r.score_1 + a, r.score_1 + b] {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 100.0);
    }
    let pad = ((hi - lo) * 0.05).max(1.0);
    let (lo, hi) = ((lo - pad).max(0.0), (hi + pad).min(100.0));
    let char_w = (f * 55 / 100).max(1);
    let max_chars = ((w * 3 / 10) / char_w).clamp(6, 40) as usize;
    let longest = rows
        .iter()
        .map(|r| short(&r.label, max_chars).chars().count())
        .max()
        .unwrap_or(6) as i32;
    let left = (longest * char_w + 12).min(w * 3 / 10 + 12);
    let right = w - f;
    let x_of = |v: f64| left + ((v - lo) / (hi - lo).max(1e-9) * (right - left) as f64) as i32;
    for t in ticks(lo, hi) {
        let x = x_of(t);
        root.draw(&PathElement::new(vec![(x, top), (x, bottom)], GRID))?;
        root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 4)], INK))?;
        root.draw(&Text::new(
            format!("{t}"),
            (x, bottom + 6),
            font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    root.draw(&PathElement::new(
        vec![(left, bottom), (right, bottom)],
        INK,
    ))?;
    root.draw(&Text::new(
        spec.x_label.clone(),
        ((left + right) / 2, bottom + f * 2 + 6),
        font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    for (i, r) in rows.iter().enumerate() {
        let y = top + i as i32 * row_h + row_h / 2;
        root.draw(&Text::new(
            short(&r.label, max_chars),
            (left - 8, y),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        if let Some((l, u)) = r.delta_interval {
            root.draw(&Rectangle::new(
                [
                    (x_of(r.score_1 + l), y - f / 3),
                    (x_of(r.score_1 + u), y + f / 3),
                ],
                BAND.filled(),
            ))?;
        }
        let (a, b) = (x_of(r.score_1), x_of(r.score_2));
        root.draw(&PathElement::new(vec![(a, y), (b, y)], INK.stroke_width(2)))?;
        root.draw(&Circle::new((a, y), f / 3 + 1, RUN_1.filled()))?;
        root.draw(&Circle::new((b, y), f / 3 + 1, RUN_2.filled()))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_rows_dots_bands_axis_and_legend() {
        let rows = vec![
            DumbbellRow {
                label: "atlas-pro".into(),
                score_1: 71.0,
                score_2: 58.5,
                delta_interval: Some((-16.0, -9.0)),
            },
            DumbbellRow {
                label: "sage-mini".into(),
                score_1: 40.0,
                score_2: 41.0,
                delta_interval: Some((-2.0, 3.5)),
            },
            DumbbellRow {
                label: "no-interval".into(),
                score_1: 50.0,
                score_2: 52.0,
                delta_interval: None,
            },
        ];
        let spec = DumbbellSpec {
            title: "Score in each run".into(),
            x_label: "Win rate against the baseline (%)".into(),
            run_1: "Run 1: judge-atlas".into(),
            run_2: "Run 2: judge-sage".into(),
            band: "Δ's paired 95% interval, from run 1's score".into(),
            font_px: 12,
        };
        let h = dumbbell_height(rows.len(), 700, &spec);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (700, h)).into_drawing_area();
            draw_dumbbell(&root, &rows, &spec).unwrap();
        }
        // Everything fits: the axis name (the lowest text) ends inside the picture, at 700 px
        // (one legend line wrapped) and at 320 px (two wrapped).
        for width in [700u32, 320] {
            let h = dumbbell_height(rows.len(), width, &spec);
            let mut small = String::new();
            {
                let root = SVGBackend::with_string(&mut small, (width, h)).into_drawing_area();
                draw_dumbbell(&root, &rows, &spec).unwrap();
            }
            let at = small.find("Win rate against the baseline").unwrap();
            let tag = &small[small[..at].rfind("<text").unwrap()..at];
            let y: f64 = tag
                .split("y=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            // The text hangs from y (top-anchored): one line of 12 px below it must fit.
            assert!(y + 12.0 <= h as f64, "{width}: axis name at {y} of {h}");
        }
        let texts = crate::label::svg_texts(&svg);
        for t in ["40", "70"] {
            assert!(texts.iter().any(|x| x == t), "no text {t:?} in {texts:?}");
        }
        for t in [
            "Score in each run",
            "Win rate against the baseline (%)",
            "Run 1: judge-atlas",
            "Run 2: judge-sage",
            "paired 95% interval",
            "atlas-pro",
            "sage-mini",
            "no-interval",
        ] {
            assert!(svg.contains(t), "missing {t:?}");
        }
        // Two dots per row plus two in the legend; a band per row with an interval plus one in
        // the legend, and the background.
        assert_eq!(svg.matches("<circle").count(), 3 * 2 + 2);
        assert_eq!(svg.matches("<rect").count(), 1 + 1 + 2);
        let up = svg.to_uppercase();
        assert!(
            up.contains("#6B7280") && up.contains("#2563EB"),
            "each run its colour"
        );
    }

    #[test]
    fn ticks_are_round_and_inside() {
        // A span of 36 points: steps of 10, the first round step of at least 36 / 6.
        assert_eq!(ticks(37.0, 73.0), [40.0, 50.0, 60.0, 70.0]);
        assert_eq!(ticks(0.0, 12.0), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
    }
}
