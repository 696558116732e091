//! The dendrogram as a picture: leaves (the computed topics) along the bottom in the order the tree
//! visits them, each join drawn at its merge height on a labelled vertical axis, each leaf named.
//! The merges are the core's (Ward on the topics' centroids); the leaf order is the page's.

use crate::label::{short, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The tree: `leaves[i]` names leaf `i` (with its colour); merge `j` joins nodes `left` and
/// `right` (a leaf below `leaves.len()`, else merge `node − leaves.len()`) at `height`.
#[derive(Clone, Debug, PartialEq)]
pub struct DendrogramData {
    pub leaves: Vec<(String, (u8, u8, u8))>,
    pub merges: Vec<(u32, u32, f64)>,
}

/// Titles and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct DendrogramSpec {
    pub title: String,
    pub y_label: String,
    /// Pixel size for labels; the app scales it with the device pixel ratio.
    pub font_px: u32,
}

const LINK: RGBColor = RGBColor(0x4b, 0x55, 0x63);

impl DendrogramData {
    /// Leaves in the order a depth-first walk from the root (the last merge) visits them.
    pub fn order(&self) -> Vec<u32> {
        let k = self.leaves.len();
        if self.merges.is_empty() {
            return (0..k as u32).collect();
        }
        let mut order = Vec::with_capacity(k);
        let mut stack = vec![(k + self.merges.len() - 1) as u32];
        while let Some(n) = stack.pop() {
            if (n as usize) < k {
                order.push(n);
            } else if let Some(&(l, r, _)) = self.merges.get(n as usize - k) {
                stack.push(r);
                stack.push(l);
            }
        }
        order
    }
}

/// A round step for about five ticks up to `max`.
fn tick_step(max: f64) -> f64 {
    crate::ticks::round_step((max / 5.0).max(1e-12))
}

/// Draws the dendrogram on `root`.
pub fn draw_dendrogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &DendrogramData,
    spec: &DendrogramSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
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
    let k = data.leaves.len();
    let order = data.order();
    // Leaf names are written upright under the leaves: the longest (cut) name sets the margin.
    let names: Vec<String> = data
        .leaves
        .iter()
        .enumerate()
        .map(|(i, (n, _))| format!("{} {}", i + 1, short(n, 24)))
        .collect();
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(2) as i32;
    let bottom = h - (longest * f * 6 / 10 + f).min(h / 2);
    let (left, top, right) = (f * 5, f * 3, w - f);
    let max_h = data
        .merges
        .iter()
        .map(|m| m.2)
        .fold(0.0f64, f64::max)
        .max(1e-12);
    let y_of = |v: f64| bottom - ((v / max_h) * (bottom - top) as f64) as i32;
    // The axis: a line, round ticks, and its name turned along it.
    root.draw(&PathElement::new(
        vec![(left - 6, top), (left - 6, bottom)],
        INK,
    ))?;
    let step = tick_step(max_h);
    let mut t = 0.0;
    while t <= max_h * 1.0001 {
        let y = y_of(t);
        root.draw(&PathElement::new(vec![(left - 10, y), (left - 6, y)], INK))?;
        let digits = if step >= 1.0 {
            0
        } else {
            (-step.log10()).ceil() as usize
        };
        root.draw(&Text::new(
            format!("{t:.digits$}"),
            (left - 12, y),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        t += step;
    }
    root.draw(&Text::new(
        spec.y_label.clone(),
        (f / 2, (top + bottom) / 2),
        font.clone()
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let n = k + data.merges.len();
    let (mut x, mut y) = (vec![0i32; n], vec![bottom; n]);
    let slot = (right - left) as f64 / k.max(1) as f64;
    for (i, &leaf) in order.iter().enumerate() {
        x[leaf as usize] = left + (slot * (i as f64 + 0.5)) as i32;
    }
    for (j, &(l, r, height)) in data.merges.iter().enumerate() {
        let (l, r, m) = (l as usize, r as usize, k + j);
        if l >= n || r >= n {
            continue;
        }
        x[m] = (x[l] + x[r]) / 2;
        y[m] = y_of(height);
        root.draw(&PathElement::new(
            vec![(x[l], y[l]), (x[l], y[m]), (x[r], y[m]), (x[r], y[r])],
            LINK.stroke_width(2),
        ))?;
    }
    for &leaf in &order {
        let (_, c) = data.leaves[leaf as usize];
        let p = (x[leaf as usize], bottom);
        root.draw(&Circle::new(p, 4, RGBColor(c.0, c.1, c.2).filled()))?;
        root.draw(&Text::new(
            names[leaf as usize].clone(),
            (p.0, bottom + 8),
            font.clone()
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> DendrogramData {
        // Leaves 0..4; 0+1 at 1.5 (node 4), 2+3 at 2.0 (node 5), then 4+5 at 6.0 (the root).
        DendrogramData {
            leaves: vec![
                ("code review".into(), (31, 119, 180)),
                ("unit tests".into(), (255, 127, 14)),
                ("poems".into(), (44, 160, 44)),
                ("stories".into(), (214, 39, 40)),
            ],
            merges: vec![(0, 1, 1.5), (2, 3, 2.0), (4, 5, 6.0)],
        }
    }

    #[test]
    fn leaves_are_visited_depth_first_from_the_root() {
        assert_eq!(data().order(), [0, 1, 2, 3]);
        let mut d = data();
        d.merges[2] = (5, 4, 6.0);
        assert_eq!(d.order(), [2, 3, 0, 1]);
    }

    #[test]
    fn svg_has_named_leaves_an_axis_with_heights_and_one_path_per_merge() {
        let spec = DendrogramSpec {
            title: "Topics joined by Ward's criterion".into(),
            y_label: "merge height".into(),
            font_px: 12,
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 360)).into_drawing_area();
            draw_dendrogram(&root, &data(), &spec).unwrap();
        }
        let texts = crate::label::svg_texts(&svg);
        for t in ["0", "6"] {
            assert!(texts.iter().any(|x| x == t), "no text {t:?} in {texts:?}");
        }
        for t in [
            "Topics joined by Ward",
            "merge height",
            "1 code review",
            "4 stories",
        ] {
            assert!(svg.contains(t), "missing {t:?}");
        }
        assert_eq!(svg.matches("<circle").count(), 4, "one dot per leaf");
        // The axis line, 4 ticks (0, 2, 4, 6: about five round steps up to 6) and 3 merges.
        assert_eq!(tick_step(6.0), 2.0);
        assert!(texts.iter().any(|t| t == "2") && texts.iter().any(|t| t == "4"));
        assert_eq!(svg.matches("<polyline").count(), 1 + 4 + 3);
    }
}
