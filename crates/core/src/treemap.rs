//! Squarified treemap layout (Bruls, Huizing and van Wijk, 2000): rectangles whose areas are
//! proportional to the weights, kept close to square so that small groups stay readable.
//!
//! Written by hand because the layout is forty lines and the crates that have it bring a drawing stack
//! with them; the page draws the rectangles itself (as SVG elements it can label and make clickable).

use serde::Serialize;

/// A rectangle in layout units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn area(&self) -> f64 {
        self.w * self.h
    }
    /// The rectangle shrunk by `pad` on every side (never below zero size).
    pub fn inset(&self, pad: f64) -> Rect {
        let px = pad.min(self.w / 2.0);
        let py = pad.min(self.h / 2.0);
        Rect {
            x: self.x + px,
            y: self.y + py,
            w: self.w - 2.0 * px,
            h: self.h - 2.0 * py,
        }
    }
}

/// Lays out `weights` (non-negative; zero weights get empty rectangles) in `bounds`, in the given
/// order's sorted-descending sequence. Returns one rectangle per weight, in input order.
pub fn squarify(weights: &[f64], bounds: Rect) -> Vec<Rect> {
    let mut out = vec![
        Rect {
            x: bounds.x,
            y: bounds.y,
            w: 0.0,
            h: 0.0,
        };
        weights.len()
    ];
    let total: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if total <= 0.0 || bounds.area() <= 0.0 {
        return out;
    }
    let scale = bounds.area() / total;
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0.0).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]).then(a.cmp(&b)));
    let areas: Vec<f64> = order.iter().map(|&i| weights[i] * scale).collect();
    let mut free = bounds;
    let mut start = 0;
    while start < areas.len() {
        let side = free.w.min(free.h);
        // Grow the row while the worst aspect ratio improves.
        let mut end = start + 1;
        while end < areas.len()
            && worst(&areas[start..=end], side) <= worst(&areas[start..end], side)
        {
            end += 1;
        }
        let row = &areas[start..end];
        let sum: f64 = row.iter().sum();
        if free.w >= free.h {
            // A column on the left.
            let w = if free.h > 0.0 { sum / free.h } else { 0.0 };
            let mut y = free.y;
            for (k, a) in row.iter().enumerate() {
                let h = if w > 0.0 { a / w } else { 0.0 };
                out[order[start + k]] = Rect { x: free.x, y, w, h };
                y += h;
            }
            free = Rect {
                x: free.x + w,
                w: (free.w - w).max(0.0),
                ..free
            };
        } else {
            // A row along the top.
            let h = if free.w > 0.0 { sum / free.w } else { 0.0 };
            let mut x = free.x;
            for (k, a) in row.iter().enumerate() {
                let w = if h > 0.0 { a / h } else { 0.0 };
                out[order[start + k]] = Rect { x, y: free.y, w, h };
                x += w;
            }
            free = Rect {
                y: free.y + h,
                h: (free.h - h).max(0.0),
                ..free
            };
        }
        start = end;
    }
    out
}

/// The worst aspect ratio of a row of `areas` laid along a side of length `side`.
fn worst(areas: &[f64], side: f64) -> f64 {
    let sum: f64 = areas.iter().sum();
    let (min, max) = areas.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &a| {
        (lo.min(a), hi.max(a))
    });
    if sum <= 0.0 || min <= 0.0 {
        return f64::INFINITY;
    }
    let s2 = side * side;
    let sum2 = sum * sum;
    (s2 * max / sum2).max(sum2 / (s2 * min))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: &Rect, b: &Rect) -> f64 {
        let w = (a.x + a.w).min(b.x + b.w) - a.x.max(b.x);
        let h = (a.y + a.h).min(b.y + b.h) - a.y.max(b.y);
        w.max(0.0) * h.max(0.0)
    }

    #[test]
    fn areas_are_proportional_and_tiles_do_not_overlap() {
        let b = Rect {
            x: 0.0,
            y: 0.0,
            w: 6.0,
            h: 4.0,
        };
        // The paper's example: weights 6, 6, 4, 3, 2, 2, 1 in a 6 × 4 rectangle.
        let weights = [6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0];
        let r = squarify(&weights, b);
        for (w, rect) in weights.iter().zip(&r) {
            assert!((rect.area() - w).abs() < 1e-9, "{rect:?} for {w}");
            assert!(rect.x >= -1e-9 && rect.y >= -1e-9);
            assert!(rect.x + rect.w <= 6.0 + 1e-9 && rect.y + rect.h <= 4.0 + 1e-9);
        }
        for i in 0..r.len() {
            for j in i + 1..r.len() {
                assert!(overlap(&r[i], &r[j]) < 1e-9, "{i} and {j} overlap");
            }
        }
        // Squarified: no rectangle worse than 3:1 on this input (the paper's layout has at most 9:4).
        for rect in &r {
            let ratio = (rect.w / rect.h).max(rect.h / rect.w);
            assert!(ratio < 3.0, "{rect:?}");
        }
    }

    #[test]
    fn zero_weights_and_empty_bounds() {
        let b = Rect {
            x: 1.0,
            y: 1.0,
            w: 2.0,
            h: 2.0,
        };
        let r = squarify(&[0.0, 1.0, 0.0], b);
        assert_eq!(r[0].area(), 0.0);
        assert!((r[1].area() - 4.0).abs() < 1e-12);
        assert!(squarify(&[], b).is_empty());
        assert!(squarify(&[0.0], b)[0].area() == 0.0);
    }
}
