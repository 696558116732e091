//! The scatter plot: one point per model, optionally with interval whiskers on both axes and the
//! diagonal y = x. The judges page uses it for "score under judge X against score under judge Y" and
//! for "average answer tokens against score".

use crate::label::{short, INK};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One model's point; the whiskers are drawn when both bounds of an axis are given.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    pub label: String,
    pub x: f64,
    pub y: f64,
    pub x_interval: Option<(f64, f64)>,
    pub y_interval: Option<(f64, f64)>,
    /// Drawn in the accent colour (e.g. a model flagged for self-preference, or the baseline).
    pub highlight: bool,
}

/// Titles, scale and decorations.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterSpec {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Draw y = x and use the same range on both axes (two scorings of the same thing).
    pub diagonal: bool,
    /// Legend text for the points, and for the whiskers when there are any. The legend is drawn
    /// only with a diagonal or whiskers: plain points need no key.
    pub point_legend: String,
    pub whisker_legend: String,
    /// Write model names beside the points; only readable for a few dozen models.
    pub label_points: bool,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

const DOT: RGBColor = RGBColor(0x25, 0x63, 0xeb);
const ACCENT: RGBColor = RGBColor(0xc2, 0x41, 0x0c);
const GRID: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
const DIAG: RGBColor = RGBColor(0x6b, 0x72, 0x80);

/// The data range of one axis (bounds included), padded by 5%.
fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.05).max(1e-6 + (hi.abs() * 0.01));
    (lo - pad, hi + pad)
}

/// Draws the plot on `root`.
pub fn draw_scatter<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[ScatterPoint],
    spec: &ScatterSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let xs = points.iter().flat_map(|p| {
        let (l, h) = p.x_interval.unwrap_or((p.x, p.x));
        [p.x, l, h]
    });
    let ys = points.iter().flat_map(|p| {
        let (l, h) = p.y_interval.unwrap_or((p.y, p.y));
        [p.y, l, h]
    });
    let (mut x0, mut x1) = range(xs);
    let (mut y0, mut y1) = range(ys);
    if spec.diagonal {
        // One scale for both axes, so the diagonal is at 45° and distance from it reads the same way.
        let (lo, hi) = (x0.min(y0), x1.max(y1));
        (x0, x1, y0, y1) = (lo, hi, lo, hi);
    }
    let font = ("sans-serif", spec.font_px as f64).into_font().color(&INK);
    let mut chart = ChartBuilder::on(root)
        .caption(
            &spec.title,
            ("sans-serif", spec.font_px as f64 * 1.15)
                .into_font()
                .color(&INK),
        )
        .margin(spec.font_px / 2 + 6)
        .x_label_area_size(spec.font_px * 3)
        .y_label_area_size(spec.font_px * 4)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(8)
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_desc(&spec.x_label)
        .y_desc(&spec.y_label)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;
    if spec.diagonal {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x0, y0), (x1, y1)],
                ShapeStyle::from(&DIAG).stroke_width(1),
            )))?
            .label("y = x (the judges agree)")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], ShapeStyle::from(&DIAG)));
    }
    let any_whiskers = points
        .iter()
        .any(|p| p.x_interval.is_some() || p.y_interval.is_some());
    if any_whiskers {
        let mut lines = Vec::new();
        for p in points {
            let c = if p.highlight { ACCENT } else { DOT };
            let style = ShapeStyle::from(&c.mix(0.45)).stroke_width(1);
            if let Some((l, h)) = p.x_interval {
                lines.push(PathElement::new(vec![(l, p.y), (h, p.y)], style));
            }
            if let Some((l, h)) = p.y_interval {
                lines.push(PathElement::new(vec![(p.x, l), (p.x, h)], style));
            }
        }
        chart
            .draw_series(lines)?
            .label(spec.whisker_legend.clone())
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], ShapeStyle::from(&DOT.mix(0.45)))
            });
    }
    let r = (spec.font_px / 4).max(3);
    chart
        .draw_series(points.iter().map(|p| {
            let c = if p.highlight { ACCENT } else { DOT };
            Circle::new((p.x, p.y), r, c.filled())
        }))?
        .label(spec.point_legend.clone())
        .legend(move |(x, y)| Circle::new((x + 8, y), r, DOT.filled()));
    if spec.label_points {
        let small = ("sans-serif", spec.font_px as f64 * 0.8)
            .into_font()
            .color(&INK);
        chart.draw_series(points.iter().map(|p| {
            Text::new(
                short(&p.label, 18),
                (p.x, p.y),
                small.clone().pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Bottom,
                )),
            )
        }))?;
    }
    // A legend is only drawn when there is more than plain points to explain.
    if !(spec.diagonal || any_whiskers) {
        root.present()?;
        return Ok(());
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.85))
        .border_style(GRID)
        .label_font(font)
        .draw()?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points() -> Vec<ScatterPoint> {
        vec![
            ScatterPoint {
                label: "model-a".into(),
                x: 80.0,
                y: 70.0,
                x_interval: Some((77.0, 83.0)),
                y_interval: Some((66.0, 74.0)),
                highlight: false,
            },
            ScatterPoint {
                label: "atlas-pro".into(),
                x: 40.0,
                y: 60.0,
                x_interval: Some((35.0, 45.0)),
                y_interval: Some((55.0, 65.0)),
                highlight: true,
            },
            ScatterPoint {
                label: "a-very-long-model-name-that-goes-on".into(),
                x: 20.0,
                y: 22.0,
                x_interval: None,
                y_interval: None,
                highlight: false,
            },
        ]
    }

    fn spec(diagonal: bool) -> ScatterSpec {
        ScatterSpec {
            title: "judge-a vs judge-b, 95% CI".into(),
            x_label: "Score under judge-a (%)".into(),
            y_label: "Score under judge-b (%)".into(),
            diagonal,
            point_legend: "model".into(),
            whisker_legend: "95% interval".into(),
            label_points: true,
            font_px: 14,
        }
    }

    #[test]
    fn svg_has_axes_title_legend_points_and_whiskers() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (700, 500)).into_drawing_area();
            draw_scatter(&root, &points(), &spec(true)).unwrap();
        }
        for text in [
            "Score under judge-a (%)",
            "Score under judge-b (%)",
            "judge-a vs judge-b, 95% CI",
            "y = x (the judges agree)",
            "95% interval",
            "model-a",
            "atlas-pro",
        ] {
            assert!(svg.contains(text), "missing {text:?}");
        }
        assert!(svg.contains('…'), "long names are shortened");
        // Three points plus the legend's marker.
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.to_uppercase().contains("#C2410C"), "highlight colour");
    }

    #[test]
    fn without_diagonal_or_intervals_there_is_no_such_legend() {
        let mut pts = points();
        for p in &mut pts {
            p.x_interval = None;
            p.y_interval = None;
        }
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw_scatter(&root, &pts, &spec(false)).unwrap();
        }
        assert!(!svg.contains("y = x"));
        assert!(!svg.contains("95% interval"));
        // An empty data set still draws axes instead of failing.
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw_scatter(&root, &[], &spec(true)).unwrap();
        }
        assert!(svg.contains("Score under judge-a (%)"));
    }
}
