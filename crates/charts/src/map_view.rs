//! The prompt map's window and what it draws: which part of the unit square is shown (zoom and
//! pan), how a map position becomes a pixel and back, and which dots are drawn.
//!
//! At 100,000 prompts one circle per prompt is too slow for a frame and a solid smear to read, so
//! the map draws at most a budget of dots: those visible in the window, taken in a fixed
//! pseudo-random order ([`sample_order`]). The order does not depend on the window, so a dot drawn
//! when zoomed out stays drawn when zooming in, and once the window holds fewer prompts than the
//! budget every one of them is drawn (full detail on zoom). Dots are grouped by colour
//! ([`DotPlan::groups`]) so a canvas can fill each colour as one path.

/// The shown window of the unit square: its centre and the zoom (1 = the whole square).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub cx: f64,
    pub cy: f64,
    pub zoom: f64,
}

/// The deepest zoom: a window of 1/256 of the square (a 100k map then shows a handful per cell).
pub const MAX_ZOOM: f64 = 256.0;

/// The most dots drawn at once, when zoomed in.
pub const BUDGET: usize = 20_000;
/// The most dots drawn over the whole square: a zoomed-out frame of 20,000 dots took 56-169 ms in
/// chromium at 100,000 prompts (BENCHMARKS.md), above the 50 ms a frame may take, while 6,382 dots
/// zoomed in took 5 ms: the dense, overlapping dots of the full square are what is slow.
pub const BUDGET_ZOOMED_OUT: usize = 5_000;

/// The dot budget of `view`: [`BUDGET_ZOOMED_OUT`] over the whole square, growing with the
/// window's shrinking area (zoom²) up to [`BUDGET`], so the dots per screen area stay about the same
/// and a zoomed window of up to [`BUDGET`] prompts shows every one (full detail on zoom).
pub fn budget(view: &MapView) -> usize {
    let grown = BUDGET_ZOOMED_OUT as f64 * view.zoom * view.zoom;
    (grown.min(BUDGET as f64)) as usize
}

impl Default for MapView {
    fn default() -> Self {
        MapView::FULL
    }
}

impl MapView {
    /// The whole square.
    pub const FULL: MapView = MapView {
        cx: 0.5,
        cy: 0.5,
        zoom: 1.0,
    };

    /// A window, its zoom clamped to [1, [`MAX_ZOOM`]] and its centre moved so the window stays
    /// inside the square (there is nothing to see outside).
    pub fn new(cx: f64, cy: f64, zoom: f64) -> MapView {
        let zoom = if zoom.is_finite() {
            zoom.clamp(1.0, MAX_ZOOM)
        } else {
            1.0
        };
        let half = 0.5 / zoom;
        let c = |v: f64| {
            if v.is_finite() {
                v.clamp(half, 1.0 - half)
            } else {
                0.5
            }
        };
        MapView {
            cx: c(cx),
            cy: c(cy),
            zoom,
        }
    }

    /// (x0, y0, x1, y1): the shown part of the square.
    pub fn window(&self) -> (f64, f64, f64, f64) {
        let half = 0.5 / self.zoom;
        (
            self.cx - half,
            self.cy - half,
            self.cx + half,
            self.cy + half,
        )
    }

    /// Zoomed by `factor` (> 1 in) keeping the map position `(x, y)` where it is on screen (the
    /// point under the cursor or between two fingers).
    pub fn zoom_at(&self, factor: f64, x: f64, y: f64) -> MapView {
        let zoom = (self.zoom * factor).clamp(1.0, MAX_ZOOM);
        let k = self.zoom / zoom;
        MapView::new(x + (self.cx - x) * k, y + (self.cy - y) * k, zoom)
    }

    /// Moved by `(dx, dy)` windows (0.25: a quarter of the shown width).
    pub fn pan(&self, dx: f64, dy: f64) -> MapView {
        MapView::new(
            self.cx + dx / self.zoom,
            self.cy + dy / self.zoom,
            self.zoom,
        )
    }

    /// The pixel of a map position in plot `area` (left, top, right, bottom), unclamped.
    pub fn to_pixel(&self, area: (i32, i32, i32, i32), x: f64, y: f64) -> (f64, f64) {
        let (l, t, r, b) = area;
        let (x0, y0, _, _) = self.window();
        (
            l as f64 + (x - x0) * self.zoom * (r - l) as f64,
            b as f64 - (y - y0) * self.zoom * (b - t) as f64,
        )
    }

    /// The map position of a pixel (the inverse of [`MapView::to_pixel`]).
    pub fn from_pixel(&self, area: (i32, i32, i32, i32), px: f64, py: f64) -> (f64, f64) {
        let (l, t, r, b) = area;
        let (x0, y0, _, _) = self.window();
        (
            x0 + (px - l as f64) / ((r - l).max(1) as f64 * self.zoom),
            y0 + (b as f64 - py) / ((b - t).max(1) as f64 * self.zoom),
        )
    }

    /// Whether a map position is in the window.
    pub fn shows(&self, x: f64, y: f64) -> bool {
        let (x0, y0, x1, y1) = self.window();
        (x0..=x1).contains(&x) && (y0..=y1).contains(&y)
    }
}

/// A fixed pseudo-random order of `n` points (SplitMix64 of the index, Steele, Lea & Flood 2014),
/// the order in which dots are admitted under the budget: deterministic, so the same map draws the
/// same sample on every machine and every redraw.
pub fn sample_order(n: usize) -> Vec<u32> {
    let mix = |i: u64| {
        let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut keyed: Vec<(u64, u32)> = (0..n as u32).map(|i| (mix(i as u64), i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// An RGB colour with the pixels of its dots.
pub type DotGroup = ((u8, u8, u8), Vec<(f64, f64)>);

/// The dots to draw, grouped by colour, in pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DotPlan {
    /// Each colour with the pixels of its dots, colours in order of first admission.
    pub groups: Vec<DotGroup>,
    /// Dots drawn (at most the budget).
    pub drawn: usize,
    /// Points inside the window.
    pub visible: usize,
}

impl DotPlan {
    /// Whether some visible points are left out (the map shows a sample).
    pub fn sampled(&self) -> bool {
        self.drawn < self.visible
    }
}

/// The dots of `points` (positions and colours) inside `view`, at most `budget` of them, admitted
/// in `order` (a permutation of the points' indices, [`sample_order`]).
pub fn plan_dots(
    positions: &[(f64, f64)],
    colours: &[(u8, u8, u8)],
    order: &[u32],
    area: (i32, i32, i32, i32),
    view: &MapView,
    budget: usize,
) -> DotPlan {
    let mut plan = DotPlan::default();
    for &i in order {
        let (x, y) = positions[i as usize];
        if !view.shows(x, y) {
            continue;
        }
        plan.visible += 1;
        if plan.drawn == budget {
            continue;
        }
        plan.drawn += 1;
        let c = colours[i as usize];
        let px = view.to_pixel(area, x, y);
        match plan.groups.iter_mut().find(|(g, _)| *g == c) {
            Some((_, v)) => v.push(px),
            None => plan.groups.push((c, vec![px])),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic 100k layout (a lattice with jitter), four colours by quadrant.
    /// Positions and colours of a synthetic map.
    type Layout = (Vec<(f64, f64)>, Vec<(u8, u8, u8)>);

    fn layout(n: usize) -> Layout {
        let side = (n as f64).sqrt().ceil() as usize;
        let pos: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let (a, b) = (i % side, i / side);
                (
                    (a as f64 + 0.5) / side as f64,
                    (b as f64 + 0.5) / side as f64,
                )
            })
            .collect();
        let col = pos
            .iter()
            .map(|&(x, y)| {
                [(200, 0, 0), (0, 200, 0), (0, 0, 200), (9, 9, 9)]
                    [(x > 0.5) as usize * 2 + (y > 0.5) as usize]
            })
            .collect();
        (pos, col)
    }

    #[test]
    fn the_budget_is_small_zoomed_out_and_full_zoomed_in() {
        // The constants above: 5,000 over the whole square, 20,000 from zoom 2 on.
        assert_eq!(budget(&MapView::FULL), BUDGET_ZOOMED_OUT);
        assert_eq!(budget(&MapView::new(0.5, 0.5, 1.5)), 11_250);
        assert_eq!(budget(&MapView::new(0.5, 0.5, 2.0)), BUDGET);
        assert_eq!(budget(&MapView::new(0.3, 0.3, 8.0)), BUDGET);
    }

    #[test]
    fn pixels_round_trip_and_the_window_stays_in_the_square() {
        let area = (40, 20, 840, 520);
        for v in [
            MapView::FULL,
            MapView::new(0.3, 0.8, 7.0),
            MapView::new(0.9, 0.1, 300.0),
        ] {
            let (x0, y0, x1, y1) = v.window();
            assert!(
                x0 >= 0.0 && y0 >= 0.0 && x1 <= 1.0 + 1e-12 && y1 <= 1.0 + 1e-12,
                "{v:?}"
            );
            let (px, py) = v.to_pixel(area, v.cx, v.cy);
            assert!(
                (px - 440.0).abs() < 1e-9 && (py - 270.0).abs() < 1e-9,
                "centre at the middle"
            );
            let (x, y) = v.from_pixel(area, 123.0, 456.0);
            let (qx, qy) = v.to_pixel(area, x, y);
            assert!((qx - 123.0).abs() < 1e-9 && (qy - 456.0).abs() < 1e-9);
        }
        assert_eq!(MapView::new(0.3, 0.8, 300.0).zoom, MAX_ZOOM);
        assert_eq!(MapView::new(0.0, 0.0, 0.5), MapView::FULL);
        // Zooming about a point keeps it at the same pixel (unless the window hits an edge).
        let v = MapView::new(0.5, 0.5, 2.0);
        let z = v.zoom_at(3.0, 0.45, 0.55);
        let a = v.to_pixel(area, 0.45, 0.55);
        let b = z.to_pixel(area, 0.45, 0.55);
        assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
        assert_eq!(z.zoom_at(1.0 / 6.0, 0.45, 0.55), MapView::FULL);
        assert!((v.pan(0.25, 0.0).cx - 0.625).abs() < 1e-12);
    }

    #[test]
    fn a_100k_map_draws_a_stable_sample_and_every_dot_when_zoomed_in() {
        let n = 100_000;
        let (pos, col) = layout(n);
        let order = sample_order(n);
        let mut seen = vec![false; n];
        order.iter().for_each(|&i| seen[i as usize] = true);
        assert!(seen.iter().all(|&s| s), "the order is a permutation");
        let area = (40, 20, 1240, 760);
        let full = plan_dots(&pos, &col, &order, area, &MapView::FULL, 20_000);
        assert_eq!((full.drawn, full.visible), (20_000, n));
        assert!(full.sampled());
        // The sample is spread over the map: each quadrant's colour gets about a quarter (the
        // four quadrants hold 25% each; ±3% is over 10 standard errors of a 20k sample).
        for (_, dots) in &full.groups {
            let share = dots.len() as f64 / 20_000.0;
            assert!((share - 0.25).abs() < 0.03, "share {share}");
        }
        // Zoomed to 1/16 of the area: about 6,250 visible, all drawn, and they include every
        // dot the full view drew there.
        let zoomed = MapView::new(0.3, 0.3, 4.0);
        let z = plan_dots(&pos, &col, &order, area, &zoomed, 20_000);
        assert!(
            !z.sampled() && (6_000..6_500).contains(&z.visible),
            "{}",
            z.visible
        );
        // Zoomed to a quarter of the area: 25,000 visible, still sampled, and every dot the full
        // view drew in that window is drawn again (zooming in only adds dots).
        let half = MapView::new(0.5, 0.5, 2.0);
        let h = plan_dots(&pos, &col, &order, area, &half, 20_000);
        assert!(
            h.sampled() && (24_000..26_000).contains(&h.visible),
            "{}",
            h.visible
        );
        let key = |(x, y): (f64, f64)| ((x * 1e6).round() as i64, (y * 1e6).round() as i64);
        let in_half: std::collections::HashSet<_> = h
            .groups
            .iter()
            .flat_map(|(_, d)| d.iter().map(|&(px, py)| key(half.from_pixel(area, px, py))))
            .collect();
        let mut kept = 0;
        for &(px, py) in full.groups.iter().flat_map(|(_, d)| d) {
            let (x, y) = MapView::FULL.from_pixel(area, px, py);
            if half.shows(x, y) {
                assert!(in_half.contains(&key((x, y))), "({x}, {y}) dropped on zoom");
                kept += 1;
            }
        }
        assert!(kept > 4_000, "{kept}");
        // Deterministic: the same plan twice.
        assert_eq!(
            plan_dots(&pos, &col, &order, area, &MapView::FULL, 20_000),
            full
        );
    }
}
