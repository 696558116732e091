//! The treemap as a picture: the page's layout (categories, then their groups, each sized by its
//! number of prompts, laid out by the core's squarified treemap) drawn tile by tile, each tile in
//! its colour with its name and value, each category under a head naming it. The layout is computed
//! once by the app and handed over, so the picture is the page's treemap, not a second layout.

use crate::label::{short, INK};
use crate::palette::ink_rgb_on;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A rectangle in the layout's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One group's tile.
#[derive(Clone, Debug, PartialEq)]
pub struct TreemapTile {
    pub at: Frame,
    pub label: String,
    /// The value written under the name ("64%", "+3"); empty when there is none.
    pub value: String,
    /// Fill colour; `None`: no value (grey).
    pub fill: Option<(u8, u8, u8)>,
}

/// The whole layout: its size in layout units, the category heads and the tiles.
#[derive(Clone, Debug, PartialEq)]
pub struct TreemapData {
    pub width: f64,
    pub height: f64,
    pub heads: Vec<(Frame, String)>,
    pub tiles: Vec<TreemapTile>,
}

/// Titles and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct TreemapSpec {
    pub title: String,
    /// What size and colour mean, written under the tiles.
    pub caption: String,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

const NO_VALUE: (u8, u8, u8) = (0xe5, 0xe7, 0xeb);
const HEAD: RGBColor = RGBColor(0xf3, 0xf4, 0xf6);

/// Draws the treemap on `root`: the title, the layout scaled to the width, the caption.
pub fn draw_treemap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &TreemapData,
    spec: &TreemapSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let f = spec.font_px as i32;
    let font = ("sans-serif", spec.font_px as f64).into_font();
    root.draw(&Text::new(
        spec.title.clone(),
        (w / 2, f / 2),
        ("sans-serif", spec.font_px as f64 * 1.15)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let (top, bottom) = (f * 2 + 4, h - f * 2);
    let avail = ((w - 8) as f64, (bottom - top).max(1) as f64);
    let s = (avail.0 / data.width.max(1.0)).min(avail.1 / data.height.max(1.0));
    let x0 = 4 + ((avail.0 - data.width * s) / 2.0) as i32;
    let px = |r: &Frame| {
        (
            (x0 + (r.x * s) as i32, top + (r.y * s) as i32),
            (
                x0 + ((r.x + r.w) * s) as i32,
                top + ((r.y + r.h) * s) as i32,
            ),
        )
    };
    let char_w = (f as f64 * 0.6).max(1.0);
    for (r, label) in &data.heads {
        let (a, b) = px(r);
        root.draw(&Rectangle::new([a, b], HEAD.filled()))?;
        let chars = (((b.0 - a.0) as f64 - 8.0) / char_w).max(0.0) as usize;
        if chars >= 4 && b.1 - a.1 >= f {
            root.draw(&Text::new(
                short(label, chars),
                (a.0 + 4, (a.1 + b.1) / 2),
                font.clone()
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    for t in &data.tiles {
        let (a, b) = px(&t.at);
        let bg = t.fill.unwrap_or(NO_VALUE);
        root.draw(&Rectangle::new([a, b], RGBColor(bg.0, bg.1, bg.2).filled()))?;
        let ink = ink_rgb_on(bg);
        let ink = RGBColor(ink.0, ink.1, ink.2);
        let chars = (((b.0 - a.0) as f64 - 8.0) / char_w).max(0.0) as usize;
        // As on the page: a tile too small for its name stays unlabelled (its size still shows).
        if chars >= 4 && b.1 - a.1 >= f * 2 + 4 {
            root.draw(&Text::new(
                short(&t.label, chars),
                (a.0 + 4, a.1 + 3),
                font.clone()
                    .color(&ink)
                    .pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
            if !t.value.is_empty() {
                root.draw(&Text::new(
                    t.value.clone(),
                    (a.0 + 4, a.1 + 5 + f),
                    font.clone()
                        .color(&ink)
                        .pos(Pos::new(HPos::Left, VPos::Top)),
                ))?;
            }
        }
    }
    root.draw(&Text::new(
        spec.caption.clone(),
        (4, h - f / 2),
        font.clone()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(x: f64, y: f64, w: f64, h: f64) -> Frame {
        Frame { x, y, w, h }
    }

    #[test]
    fn svg_has_a_labelled_rect_per_tile_and_head() {
        let data = TreemapData {
            width: 1000.0,
            height: 560.0,
            heads: vec![(
                frame(0.0, 0.0, 600.0, 20.0),
                "Reasoning (30 prompts)".into(),
            )],
            tiles: vec![
                TreemapTile {
                    at: frame(0.0, 22.0, 600.0, 300.0),
                    label: "logic puzzles".into(),
                    value: "71%".into(),
                    fill: Some((33, 102, 172)),
                },
                TreemapTile {
                    at: frame(0.0, 322.0, 600.0, 238.0),
                    label: "arithmetic".into(),
                    value: String::new(),
                    fill: None,
                },
                TreemapTile {
                    at: frame(600.0, 0.0, 400.0, 560.0),
                    label: "poetry".into(),
                    value: "38%".into(),
                    fill: Some((178, 24, 43)),
                },
                // Too small for a label: drawn, not named.
                TreemapTile {
                    at: frame(990.0, 550.0, 10.0, 10.0),
                    label: "tiny".into(),
                    value: "50%".into(),
                    fill: Some((240, 240, 240)),
                },
            ],
        };
        let spec = TreemapSpec {
            title: "Groups by prompts".into(),
            caption: "Size: prompts. Colour: atlas-pro's win rate.".into(),
            font_px: 12,
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (800, 500)).into_drawing_area();
            draw_treemap(&root, &data, &spec).unwrap();
        }
        let texts = crate::label::svg_texts(&svg);
        for t in ["71%", "38%"] {
            assert!(texts.iter().any(|x| x == t), "no text {t:?} in {texts:?}");
        }
        for t in [
            "Groups by prompts",
            "Reasoning (30 prompts)",
            "logic puzzles",
            "arithmetic",
            "poetry",
            "Size: prompts. Colour: atlas-pro",
        ] {
            assert!(svg.contains(t), "missing {t:?}");
        }
        assert!(!svg.contains("tiny"), "a tile too small is not labelled");
        // Background, one head, four tiles.
        assert_eq!(svg.matches("<rect").count(), 1 + 1 + 4);
        // Areas keep the layout's proportions: poetry (400 × 560) against logic (600 × 300).
        let up = svg.to_uppercase();
        assert!(up.contains("#B2182B") && up.contains("#2166AC"));
    }
}
