//! The models × groups heatmap as a picture: one cell per model and group, coloured by the model's
//! win rate against the baseline on that group's prompts (the diverging scale of [`crate::palette`],
//! centred on 50%), its rounded value written on it, hatched grey where the model has no verdicts.
//! A cell whose interval includes 50% is drawn as a lighter tint, as the page mutes it. Group names
//! head the columns (turned upright when they are long), model names the rows, and a colour legend
//! with its scale and unit sits below.

use crate::label::{short, INK};
use crate::palette::{diverging, ink_rgb_on};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One cell: the win rate (%) and whether its interval includes 50%.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatCell {
    pub rate: f64,
    pub muted: bool,
}

/// The grid: `cells[model][group]`, `None` where the model has no verdicts in the group.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapData {
    pub models: Vec<String>,
    pub groups: Vec<String>,
    pub cells: Vec<Vec<Option<HeatCell>>>,
}

/// Titles and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapSpec {
    pub title: String,
    /// The colour legend's caption (what the colour is, with its unit).
    pub legend: String,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

const EMPTY: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
const PAGE: (u8, u8, u8) = (255, 255, 255);

/// A muted cell: its colour mixed halfway with white, as style/clusters.css tints it.
fn tint((r, g, b): (u8, u8, u8)) -> (u8, u8, u8) {
    let mix = |c: u8, p: u8| ((c as u16 + p as u16) / 2) as u8;
    (mix(r, PAGE.0), mix(g, PAGE.1), mix(b, PAGE.2))
}

/// The height the chart needs at `font_px` for `data` (the app sizes its canvas with it).
pub fn heatmap_height(data: &HeatmapData, font_px: u32) -> u32 {
    let f = font_px as f64;
    let head = header_height(data, font_px) as f64;
    (f * 3.0 + head + data.models.len() as f64 * row_height(font_px) as f64 + f * 5.5) as u32
}

fn row_height(font_px: u32) -> i32 {
    (font_px as f64 * 1.9) as i32
}

/// Column heads are written upright, so their height is the longest (cut) name.
fn header_height(data: &HeatmapData, font_px: u32) -> i32 {
    let chars = data
        .groups
        .iter()
        .map(|g| short(g, 22).chars().count())
        .max()
        .unwrap_or(4);
    (chars as f64 * font_px as f64 * 0.6) as i32 + font_px as i32
}

/// Draws the heatmap on `root`, models top to bottom and groups left to right in the order given.
pub fn draw_heatmap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &HeatmapData,
    spec: &HeatmapSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, _) = root.dim_in_pixel();
    let w = w as i32;
    let f = spec.font_px as i32;
    let font = ("sans-serif", spec.font_px as f64).into_font().color(&INK);
    let title = ("sans-serif", spec.font_px as f64 * 1.15)
        .into_font()
        .color(&INK);
    root.draw(&Text::new(
        spec.title.clone(),
        (w / 2, f / 2),
        title.pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    // Row labels take what their names need, at most a third of the width.
    let char_w = (f * 6 / 10).max(1);
    let max_chars = ((w / 3 - 8) / char_w).clamp(6, 40) as usize;
    let longest = data
        .models
        .iter()
        .map(|m| short(m, max_chars).chars().count())
        .max()
        .unwrap_or(6) as i32;
    let left = (longest * char_w + 12).min(w / 3);
    let ncol = data.groups.len().max(1) as i32;
    let cell_w = ((w - left - 8) / ncol).max(4);
    let head = header_height(data, spec.font_px);
    let top = f * 2 + head;
    let row_h = row_height(spec.font_px);
    for (j, g) in data.groups.iter().enumerate() {
        let x = left + j as i32 * cell_w + cell_w / 2;
        root.draw(&Text::new(
            short(g, 22),
            (x, top - 4),
            font.clone()
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    let value_font = ("sans-serif", spec.font_px as f64 * 0.95).into_font();
    for (i, m) in data.models.iter().enumerate() {
        let y = top + i as i32 * row_h;
        root.draw(&Text::new(
            short(m, max_chars),
            (left - 6, y + row_h / 2),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for j in 0..data.groups.len() {
            let x = left + j as i32 * cell_w;
            let (a, b) = ((x + 1, y + 1), (x + cell_w - 1, y + row_h - 1));
            match data.cells.get(i).and_then(|r| r.get(j)).copied().flatten() {
                Some(c) => {
                    let base = diverging((c.rate - 50.0) / 50.0);
                    let bg = if c.muted { tint(base) } else { base };
                    root.draw(&Rectangle::new([a, b], RGBColor(bg.0, bg.1, bg.2).filled()))?;
                    if cell_w > f * 2 {
                        let ink = ink_rgb_on(bg);
                        root.draw(&Text::new(
                            format!("{:.0}", c.rate),
                            (x + cell_w / 2, y + row_h / 2),
                            value_font
                                .clone()
                                .color(&RGBColor(ink.0, ink.1, ink.2))
                                .pos(Pos::new(HPos::Center, VPos::Center)),
                        ))?;
                    }
                }
                None => {
                    root.draw(&Rectangle::new([a, b], EMPTY.filled()))?;
                }
            }
        }
    }
    // The legend: the scale from 0% to 100% in twenty steps, its ticks, caption and the muted swatch.
    let ly = top + data.models.len() as i32 * row_h + f;
    let lw = (w - 2 * f).min(f * 24);
    let lx = f;
    let steps = 20;
    for k in 0..steps {
        let rate = 100.0 * (k as f64 + 0.5) / steps as f64;
        let c = diverging((rate - 50.0) / 50.0);
        let x0 = lx + k * lw / steps;
        let x1 = lx + (k + 1) * lw / steps;
        root.draw(&Rectangle::new(
            [(x0, ly), (x1, ly + f)],
            RGBColor(c.0, c.1, c.2).filled(),
        ))?;
    }
    root.draw(&Rectangle::new(
        [(lx, ly), (lx + lw, ly + f)],
        INK.stroke_width(1),
    ))?;
    for (t, label) in [(0, "0"), (1, "50"), (2, "100")] {
        let x = lx + t * lw / 2;
        root.draw(&PathElement::new(vec![(x, ly + f), (x, ly + f + 4)], INK))?;
        root.draw(&Text::new(
            label.to_string(),
            (x, ly + f + 5),
            font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    root.draw(&Text::new(
        spec.legend.clone(),
        (lx, ly + f * 2 + 8),
        font.clone().pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    let sx = lx + lw + f;
    if sx + f * 12 < w {
        let c = tint(diverging(0.6));
        root.draw(&Rectangle::new(
            [(sx, ly), (sx + f, ly + f)],
            RGBColor(c.0, c.1, c.2).filled(),
        ))?;
        root.draw(&Text::new(
            "muted: interval includes 50%".to_string(),
            (sx + f + 4, ly + f / 2),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_names_values_legend_and_one_rect_per_cell() {
        let data = HeatmapData {
            models: vec!["atlas-pro".into(), "sage-mini".into()],
            groups: vec!["coding".into(), "math".into(), "writing".into()],
            cells: vec![
                vec![
                    Some(HeatCell {
                        rate: 81.4,
                        muted: false,
                    }),
                    Some(HeatCell {
                        rate: 50.2,
                        muted: true,
                    }),
                    None,
                ],
                vec![
                    Some(HeatCell {
                        rate: 12.0,
                        muted: false,
                    }),
                    Some(HeatCell {
                        rate: 64.6,
                        muted: false,
                    }),
                    Some(HeatCell {
                        rate: 49.0,
                        muted: true,
                    }),
                ],
            ],
        };
        let spec = HeatmapSpec {
            title: "Win rate per model and group".into(),
            legend: "win rate against the baseline (%)".into(),
            font_px: 12,
        };
        let h = heatmap_height(&data, 12);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (640, h)).into_drawing_area();
            draw_heatmap(&root, &data, &spec).unwrap();
        }
        let texts = crate::label::svg_texts(&svg);
        for t in ["81", "12", "65", "100"] {
            assert!(texts.iter().any(|x| x == t), "no text {t:?} in {texts:?}");
        }
        for t in [
            "Win rate per model and group",
            "atlas-pro",
            "sage-mini",
            "coding",
            "writing",
            "win rate against the baseline (%)",
            "muted: interval includes 50%",
        ] {
            assert!(svg.contains(t), "missing {t:?}");
        }
        // 6 cells (one empty), 20 legend steps, the legend's frame, the muted swatch and the
        // background: 29 rectangles.
        assert_eq!(svg.matches("<rect").count(), 6 + 20 + 1 + 1 + 1, "{svg}");
        // Each value's cell is filled with the scale's colour for it (muted: tinted halfway to white).
        let up = svg.to_uppercase();
        let hex = |c: (u8, u8, u8)| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        for (rate, muted) in [(81.4, false), (12.0, false), (50.2, true)] {
            let c = diverging((rate - 50.0) / 50.0);
            let c = if muted { tint(c) } else { c };
            assert!(up.contains(&hex(c)), "no cell coloured for {rate}");
        }
        // Upright column heads.
        assert!(svg.contains("rotate("), "column heads are turned");
    }
}
