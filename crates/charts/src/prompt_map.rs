//! The prompt map: one dot per prompt at its 2-D position (the first two principal components of the
//! text embedding), coloured by cluster or by a model's result, with the hovered prompt ringed.
//!
//! The plot area is fixed by [`map_area`] rather than left to plotters' layout, so the page can turn a
//! mouse position back into a prompt with the same arithmetic the drawing used. The shown window
//! (zoom, pan) and which dots are drawn when there are too many are [`crate::map_view`]'s; a canvas
//! can draw the frame with [`draw_map_frame`] and fill the planned dots itself, colour by colour.

use crate::label::INK;
use crate::map_view::{plan_dots, sample_order, DotPlan, MapView};
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

/// Titles, the shown window and the most dots to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSpec {
    pub title: String,
    pub font_px: u32,
    pub view: MapView,
    pub budget: usize,
}

/// A dot's radius in pixels for a font size.
pub fn dot_radius(font_px: u32) -> f64 {
    (font_px as f64 / 4.0).max(2.5).floor()
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

/// The index of the position nearest to pixel `(px, py)` in `view`, if within `radius` pixels.
pub fn nearest(
    positions: &[(f64, f64)],
    area: (i32, i32, i32, i32),
    view: &MapView,
    px: f64,
    py: f64,
    radius: f64,
) -> Option<usize> {
    positions
        .iter()
        .enumerate()
        .filter(|(_, p)| view.shows(p.0, p.1))
        .map(|(i, p)| {
            let (x, y) = view.to_pixel(area, p.0, p.1);
            (i, (x - px).powi(2) + (y - py).powi(2))
        })
        .filter(|(_, d)| *d <= radius * radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Draws the title, the frame, the grid and the axis names; returns the plot area.
pub fn draw_map_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &MapSpec,
) -> Result<(i32, i32, i32, i32), DrawingAreaErrorKind<DB::ErrorType>> {
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
    Ok(area)
}

/// The dots of `points` to draw in `spec`'s window for a `width` × `height` map.
pub fn plan_map(points: &[MapPoint], width: u32, height: u32, spec: &MapSpec) -> DotPlan {
    let positions: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
    let colours: Vec<(u8, u8, u8)> = points.iter().map(|p| p.color).collect();
    plan_dots(
        &positions,
        &colours,
        &sample_order(points.len()),
        map_area(width, height, spec.font_px),
        &spec.view,
        spec.budget,
    )
}

/// Draws the map on `root`: the frame, the planned dots, and the highlighted points ringed.
pub fn draw_prompt_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[MapPoint],
    spec: &MapSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let area = draw_map_frame(root, spec)?;
    let (w, h) = root.dim_in_pixel();
    let plan = plan_map(points, w, h, spec);
    let dot = dot_radius(spec.font_px) as i32;
    let px = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
    for (c, dots) in &plan.groups {
        let c = RGBColor(c.0, c.1, c.2);
        for &d in dots {
            root.draw(&Circle::new(px(d), dot, c.mix(0.8).filled()))?;
        }
    }
    for p in points
        .iter()
        .filter(|p| p.highlight && spec.view.shows(p.x, p.y))
    {
        let c = RGBColor(p.color.0, p.color.1, p.color.2);
        let at = px(spec.view.to_pixel(area, p.x, p.y));
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
        let spec = |view: MapView| MapSpec {
            title: "Prompts".into(),
            font_px: 12,
            view,
            budget: 1000,
        };
        let svg_of = |spec: &MapSpec| {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
                draw_prompt_map(&root, &points, spec).unwrap();
            }
            svg
        };
        let svg = svg_of(&spec(MapView::FULL));
        assert!(svg.contains("Prompts") && svg.contains("component 1"));
        // 12 dots, and the highlighted one again as a larger dot plus a ring.
        assert_eq!(svg.matches("<circle").count(), 14);
        let positions: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
        let area = map_area(400, 300, 12);
        let zoomed = MapView::new(0.25, 0.25, 2.0);
        for view in [MapView::FULL, zoomed] {
            for (i, p) in points.iter().enumerate() {
                let (x, y) = view.to_pixel(area, p.x, p.y);
                let hit = nearest(&positions, area, &view, x + 1.0, y, 6.0);
                assert_eq!(hit, view.shows(p.x, p.y).then_some(i), "{view:?}");
            }
        }
        assert_eq!(
            nearest(&positions, area, &MapView::FULL, -50.0, -50.0, 6.0),
            None
        );
        // Zoomed into the bottom-left quarter: points 0, 1, 4 and 5 (x ≤ 1/3, y ≤ 1/2) and the
        // ring of the highlighted point 5.
        assert_eq!(svg_of(&spec(zoomed)).matches("<circle").count(), 6);
        // A budget of 5 draws 5 dots.
        let few = MapSpec {
            budget: 5,
            ..spec(MapView::FULL)
        };
        assert_eq!(plan_map(&points, 400, 300, &few).drawn, 5);
    }
}
