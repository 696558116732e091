//! The slope chart: each model's rank in a left column and a right column (style control off and
//! on), joined by a line, so the models that move stand out by their slant.

use crate::label::{short, INK};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One model's two ranks (1 = best).
#[derive(Clone, Debug, PartialEq)]
pub struct SlopeLine {
    pub label: String,
    pub left: u32,
    pub right: u32,
}

/// Titles and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct SlopeSpec {
    pub title: String,
    pub left_label: String,
    pub right_label: String,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

const SAME: RGBColor = RGBColor(0x9c, 0xa3, 0xaf);
const UP: RGBColor = RGBColor(0x15, 0x80, 0x3d);
const DOWN: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);

/// Draws the chart on `root`; rank 1 is at the top of both columns.
pub fn draw_slope<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[SlopeLine],
    spec: &SlopeSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let f = spec.font_px as i32;
    let font = ("sans-serif", spec.font_px as f64).into_font().color(&INK);
    let title = ("sans-serif", spec.font_px as f64 * 1.15)
        .into_font()
        .color(&INK);
    root.draw(&Text::new(
        spec.title.clone(),
        (w / 2, f / 2 + 2),
        title.pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Center,
            plotters::style::text_anchor::VPos::Top,
        )),
    ))?;
    // Each side gets a label column sized to the space left; names are cut to fit it.
    let label_w = (w * 36 / 100).max(60);
    let char_w = (f * 55 / 100).max(1);
    let max_chars = ((label_w - 8) / char_w).clamp(4, 40) as usize;
    let (xl, xr) = (label_w, w - label_w);
    // Title, then the column heads, then the first rank: each a line and a half apart.
    let top = f * 5;
    let bottom = h - f;
    let n = lines
        .iter()
        .map(|l| l.left.max(l.right))
        .max()
        .unwrap_or(1)
        .max(1) as i32;
    let y_of = |rank: u32| {
        if n == 1 {
            top
        } else {
            top + (rank as i32 - 1) * (bottom - top) / (n - 1)
        }
    };
    let head = |text: &str, x: i32, hpos| {
        Text::new(
            text.to_string(),
            (x, top - f * 2),
            font.clone().pos(plotters::style::text_anchor::Pos::new(
                hpos,
                plotters::style::text_anchor::VPos::Center,
            )),
        )
    };
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    root.draw(&head(&spec.left_label, xl, HPos::Right))?;
    root.draw(&head(&spec.right_label, xr, HPos::Left))?;
    for l in lines {
        let color = match l.right.cmp(&l.left) {
            std::cmp::Ordering::Less => UP,
            std::cmp::Ordering::Greater => DOWN,
            std::cmp::Ordering::Equal => SAME,
        };
        let (y1, y2) = (y_of(l.left), y_of(l.right));
        let width = if l.left == l.right { 1 } else { 2 };
        root.draw(&PathElement::new(
            vec![(xl + 4, y1), (xr - 4, y2)],
            ShapeStyle::from(&color).stroke_width(width),
        ))?;
        root.draw(&Circle::new((xl + 4, y1), 3, color.filled()))?;
        root.draw(&Circle::new((xr - 4, y2), 3, color.filled()))?;
        let name = short(&l.label, max_chars);
        root.draw(&Text::new(
            format!("{name} {}", l.left),
            (xl - 4, y1),
            font.clone()
                .color(&color)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        root.draw(&Text::new(
            format!("{} {name}", l.right),
            (xr + 4, y2),
            font.clone()
                .color(&color)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_columns_names_and_coloured_moves() {
        let lines = vec![
            SlopeLine {
                label: "steady".into(),
                left: 1,
                right: 1,
            },
            SlopeLine {
                label: "verbose-model".into(),
                left: 2,
                right: 3,
            },
            SlopeLine {
                label: "terse-model".into(),
                left: 3,
                right: 2,
            },
        ];
        let spec = SlopeSpec {
            title: "Rank without and with style control".into(),
            left_label: "Style control off".into(),
            right_label: "on".into(),
            font_px: 13,
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            draw_slope(&root, &lines, &spec).unwrap();
        }
        for t in [
            "Rank without and with style control",
            "Style control off",
            "verbose-model 2",
            "3 verbose-model",
            "2 terse-model",
        ] {
            assert!(svg.contains(t), "missing {t:?}");
        }
        let up = svg.to_uppercase();
        assert!(up.contains("#15803D"), "a rise is green");
        assert!(up.contains("#B91C1C"), "a fall is red");
        assert_eq!(svg.matches("<circle").count(), 6);
    }
}
