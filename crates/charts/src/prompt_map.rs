//! The prompt map: one dot per prompt at its 2-D position (the first two principal components of the
//! text embedding), coloured by cluster or by a model's result, with the hovered prompt ringed.
//!
//! The plot area is fixed by [`map_area`] rather than left to plotters' layout, so the page can turn a
//! mouse position back into a prompt with the same arithmetic the drawing used.

use crate::label::INK;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One prompt's dot.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    /// Position in [0, 1]².
    pub x: f64,
    pub y: f64,
    pub color: (u8, u8, u8),
    /// Drawn larger and ringed (the hovered or selected prompt).
    pub highlight: bool,
}

/// Titles.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSpec {
    pub title: String,
    pub font_px: u32,
}

const GRID: RGBColor = RGBColor(0xd1, 0xd5, 0xdb);

/// The plot area of a `width` × `height` map in pixels: (left, top, right, bottom).
pub fn map_area(width: u32, height: u32, font_px: u32) -> (i32, i32, i32, i32) {
    let m = (font_px / 2 + 6) as i32;
    let caption = (font_px as f64 * 1.8) as i32;
    let axis = (font_px as f64 * 2.2) as i32;
    (
        m + axis,
        m + caption,
        width as i32 - m,
        height as i32 - m - axis,
    )
}

/// The pixel of a map position.
pub fn to_pixel(area: (i32, i32, i32, i32), x: f64, y: f64) -> (i32, i32) {
    let (l, t, r, b) = area;
    (
        l + (x.clamp(0.0, 1.0) * (r - l) as f64).round() as i32,
        b - (y.clamp(0.0, 1.0) * (b - t) as f64).round() as i32,
    )
}

/// The index of the point nearest to pixel `(px, py)`, if within `radius` pixels.
pub fn nearest(
    points: &[MapPoint],
    area: (i32, i32, i32, i32),
    px: f64,
    py: f64,
    radius: f64,
) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = to_pixel(area, p.x, p.y);
            let d = (x as f64 - px).powi(2) + (y as f64 - py).powi(2);
            (i, d)
        })
        .filter(|(_, d)| *d <= radius * radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The indices of the points whose pixel lies in the box with corners `a` and `b` (pixels, any
/// order): a box selection on the map, by the same arithmetic the drawing used.
pub fn in_box(
    points: &[MapPoint],
    area: (i32, i32, i32, i32),
    a: (f64, f64),
    b: (f64, f64),
) -> Vec<usize> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    points
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            let (x, y) = to_pixel(area, p.x, p.y);
            (x0..=x1).contains(&(x as f64)) && (y0..=y1).contains(&(y as f64))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Draws the map on `root`.
pub fn draw_prompt_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[MapPoint],
    spec: &MapSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let area = map_area(w, h, spec.font_px);
    let (l, t, r, b) = area;
    let font = ("sans-serif", spec.font_px as f64).into_font().color(&INK);
    root.draw(&Text::new(
        spec.title.clone(),
        (l, (t - (spec.font_px as f64 * 1.5) as i32).max(2)),
        ("sans-serif", spec.font_px as f64 * 1.1)
            .into_font()
            .color(&INK),
    ))?;
    root.draw(&Rectangle::new([(l, t), (r, b)], GRID.stroke_width(1)))?;
    for k in 1..4 {
        let x = l + (r - l) * k / 4;
        let y = t + (b - t) * k / 4;
        root.draw(&PathElement::new(
            vec![(x, t), (x, b)],
            GRID.mix(0.5).stroke_width(1),
        ))?;
        root.draw(&PathElement::new(
            vec![(l, y), (r, y)],
            GRID.mix(0.5).stroke_width(1),
        ))?;
    }
    root.draw(&Text::new(
        "component 1 →".to_string(),
        (l, b + (spec.font_px as f64 * 0.6) as i32),
        font.clone(),
    ))?;
    root.draw(&Text::new(
        "component 2 →".to_string(),
        (
            l - (spec.font_px as f64 * 1.6) as i32,
            b - (spec.font_px as i32),
        ),
        font.transform(FontTransform::Rotate270),
    ))?;
    let dot = (spec.font_px as f64 / 4.0).max(2.5) as i32;
    for p in points.iter().filter(|p| !p.highlight) {
        let c = RGBColor(p.color.0, p.color.1, p.color.2);
        root.draw(&Circle::new(
            to_pixel(area, p.x, p.y),
            dot,
            c.mix(0.8).filled(),
        ))?;
    }
    for p in points.iter().filter(|p| p.highlight) {
        let c = RGBColor(p.color.0, p.color.1, p.color.2);
        let at = to_pixel(area, p.x, p.y);
        root.draw(&Circle::new(at, dot * 2, c.filled()))?;
        root.draw(&Circle::new(at, dot * 2 + 2, INK.stroke_width(2)))?;
    }
    root.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_every_dot_and_hit_testing_inverts_the_layout() {
        let points: Vec<MapPoint> = (0..12)
            .map(|i| MapPoint {
                x: (i % 4) as f64 / 3.0,
                y: (i / 4) as f64 / 2.0,
                color: (200, 10, 10),
                highlight: i == 5,
            })
            .collect();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw_prompt_map(
                &root,
                &points,
                &MapSpec {
                    title: "Prompts".into(),
                    font_px: 12,
                },
            )
            .unwrap();
        }
        assert!(svg.contains("Prompts") && svg.contains("component 1"));
        // 11 plain dots, and the highlighted one as a dot plus a ring.
        assert_eq!(svg.matches("<circle").count(), 13);
        let area = map_area(400, 300, 12);
        for (i, p) in points.iter().enumerate() {
            let (x, y) = to_pixel(area, p.x, p.y);
            assert_eq!(
                nearest(&points, area, x as f64 + 1.0, y as f64, 6.0),
                Some(i)
            );
        }
        assert_eq!(nearest(&points, area, -50.0, -50.0, 6.0), None);
        // A box around the bottom row's pixels (y = 0: points 0..4) and only those, corners given
        // in either order.
        let (x0, y0) = to_pixel(area, 0.0, 0.0);
        let (x3, _) = to_pixel(area, 1.0, 0.0);
        let boxed = in_box(
            &points,
            area,
            (x3 as f64 + 2.0, y0 as f64 + 2.0),
            (x0 as f64 - 2.0, y0 as f64 - 2.0),
        );
        assert_eq!(boxed, [0, 1, 2, 3]);
        assert!(in_box(&points, area, (-9.0, -9.0), (-1.0, -1.0)).is_empty());
    }
}
