//! The forest plot: one row per model, a dot at its score and a bar over its confidence interval,
//! with a dashed line at the baseline's 50% when the scores are win rates (no line and no 0–100
//! clamp for other scales, such as Elo ratings).

use crate::label::{short, INK};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One model's row.
#[derive(Clone, Debug, PartialEq)]
pub struct ForestRow {
    pub label: String,
    pub score: f64,
    pub lower: f64,
    pub upper: f64,
    /// Drawn in the accent colour (the baseline, or a selected model).
    pub highlight: bool,
}

/// Titles and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ForestSpec {
    pub title: String,
    pub x_label: String,
    /// Where the reference line goes (50 for win rates against the baseline); `None`: the scores
    /// are not percentages (an Elo rating), so no line and no 0–100 clamp of the axis.
    pub reference: Option<f64>,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

const BAR: RGBColor = RGBColor(0x25, 0x63, 0xeb);
const ACCENT: RGBColor = RGBColor(0xc2, 0x41, 0x0c);
const GRID: RGBColor = RGBColor(0xd1, 0xd5, 0xdb);

/// Draws the plot on `root`, rows top to bottom in the order given.
pub fn draw_forest<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[ForestRow],
    spec: &ForestSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let n = rows.len().max(1);
    let start = spec
        .reference
        .or_else(|| rows.first().map(|r| r.score))
        .unwrap_or(0.0);
    let (lo, hi) = rows.iter().fold((start, start), |(l, h), r| {
        (l.min(r.lower).min(r.score), h.max(r.upper).max(r.score))
    });
    let pad = ((hi - lo) * 0.05).max(1.0);
    let (x0, x1) = match spec.reference {
        Some(_) => ((lo - pad).max(0.0), (hi + pad).min(100.0)),
        None => (lo - pad, hi + pad),
    };
    let width = root.dim_in_pixel().0 as usize;
    let max_chars = (width / 3 / (spec.font_px as usize / 2 + 1)).clamp(8, 40);
    let label_w = rows
        .iter()
        .map(|r| short(&r.label, max_chars).chars().count())
        .max()
        .unwrap_or(8) as u32
        * (spec.font_px * 55 / 100)
        + 12;
    let font = ("sans-serif", spec.font_px as f64).into_font().color(&INK);
    let mut chart = ChartBuilder::on(root)
        .caption(
            &spec.title,
            ("sans-serif", spec.font_px as f64 * 1.2)
                .into_font()
                .color(&INK),
        )
        .margin(spec.font_px / 2 + 4)
        .x_label_area_size(spec.font_px * 3)
        .y_label_area_size(label_w)
        .build_cartesian_2d(x0..x1, (0..n).into_segmented())?;
    let labels: Vec<String> = rows.iter().map(|r| short(&r.label, max_chars)).collect();
    // About ten ticks: a narrow axis (a few points, e.g. a method with no interval) needs
    // decimals, or neighbouring ticks print the same whole number.
    let decimals = ((10.0 / (x1 - x0)).log10().ceil()).clamp(0.0, 3.0) as usize;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_labels(10)
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            // Row 0 is drawn at the top, like the table.
            SegmentValue::CenterOf(i) if *i < n => {
                labels.get(n - 1 - *i).cloned().unwrap_or_default()
            }
            _ => String::new(),
        })
        .x_desc(&spec.x_label)
        .x_label_formatter(&|x| format!("{x:.decimals$}"))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;
    if let Some(reference) = spec.reference {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![
                (reference, SegmentValue::Exact(0)),
                (reference, SegmentValue::Exact(n)),
            ],
            ShapeStyle::from(&ACCENT.mix(0.6)).stroke_width(1),
        )))?;
    }
    let dot = (spec.font_px / 3).max(3);
    for (i, r) in rows.iter().enumerate() {
        let color = if r.highlight { ACCENT } else { BAR };
        let y = SegmentValue::CenterOf(n - 1 - i);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(r.lower, y.clone()), (r.upper, y.clone())],
            ShapeStyle::from(&color).stroke_width(2),
        )))?;
        chart.draw_series(std::iter::once(Circle::new(
            (r.score, y),
            dot,
            color.filled(),
        )))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<ForestRow> {
        vec![
            ForestRow {
                label: "model-a".into(),
                score: 80.0,
                lower: 77.0,
                upper: 83.0,
                highlight: false,
            },
            ForestRow {
                label: "baseline-model".into(),
                score: 50.0,
                lower: 50.0,
                upper: 50.0,
                highlight: true,
            },
            ForestRow {
                label: "a-very-long-model-name-that-goes-on-and-on-forever".into(),
                score: 20.0,
                lower: 15.0,
                upper: 26.0,
                highlight: false,
            },
        ]
    }

    #[test]
    fn svg_has_labels_axis_title_and_one_bar_per_model() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (800, 300)).into_drawing_area();
            let spec = ForestSpec {
                title: "Win rate with 95% CI".into(),
                x_label: "Win rate vs baseline-model (%)".into(),
                reference: Some(50.0),
                font_px: 14,
            };
            draw_forest(&root, &rows(), &spec).unwrap();
        }
        assert!(svg.contains("model-a"));
        assert!(svg.contains("baseline-model"));
        assert!(svg.contains("Win rate vs baseline-model (%)"));
        assert!(svg.contains("Win rate with 95% CI"));
        assert!(svg.contains('…'), "long names are shortened");
        assert_eq!(svg.matches("<circle").count(), 3);
        // The accent colour marks the highlighted row.
        assert!(svg.to_uppercase().contains("#C2410C"));
    }

    #[test]
    fn an_elo_scale_has_no_reference_line_and_its_axis_spans_the_ratings() {
        let elo: Vec<ForestRow> = [(1250.0, 1110.0, 1430.0), (640.0, 560.0, 720.0)]
            .iter()
            .enumerate()
            .map(|(i, &(score, lower, upper))| ForestRow {
                label: format!("m{i}"),
                score,
                lower,
                upper,
                highlight: false,
            })
            .collect();
        let draw = |reference: Option<f64>| {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (800, 300)).into_drawing_area();
                let spec = ForestSpec {
                    title: "Elo rating with 95% CI".into(),
                    x_label: "Elo rating".into(),
                    reference,
                    font_px: 14,
                };
                draw_forest(&root, &elo, &spec).unwrap();
            }
            svg
        };
        let svg = draw(None);
        // Tick labels reach the ratings (no clamp at 100), and the accent line is absent.
        let texts: Vec<&str> = svg
            .split('>')
            .filter_map(|t| t.split('<').next())
            .map(str::trim)
            .collect();
        assert!(
            texts.contains(&"1400") && texts.contains(&"600"),
            "{texts:?}"
        );
        assert!(!svg.to_uppercase().contains("#C2410C"));
        // With a 50% reference (the win-rate view) the line is drawn.
        assert!(draw(Some(50.0)).to_uppercase().contains("#C2410C"));
    }
}
