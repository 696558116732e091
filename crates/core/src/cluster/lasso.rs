//! A lasso on the prompt map: the prompts whose 2-D position lies inside a free-hand polygon.
//!
//! The page turns the pointer's path into map coordinates and asks [`Lasso::select`] which prompts
//! it encloses; the chosen ids then go into the link as the prompt subset (`pids`), exactly as a
//! box does. A hand-drawn path may cross itself, so "inside" is the even-odd rule: a point is
//! inside when a ray from it crosses the boundary an odd number of times. That is the rule the
//! canvas's `fill("evenodd")` shades, so what the page draws as enclosed is what is selected.
//!
//! The test is the classic crossing-number one (W. R. Franklin's PNPOLY, as described in
//! O'Rourke, *Computational Geometry in C*, 2nd ed., §7.4): count the edges that straddle the
//! point's height (half-open in y, so a vertex exactly at that height is counted once) and lie to
//! its right.

/// Why a path is not a lasso.
#[derive(Clone, Debug, PartialEq)]
pub enum LassoError {
    /// Fewer than three distinct vertices: a click or a line encloses nothing.
    TooFewVertices(usize),
    /// A vertex with a NaN or infinite coordinate.
    NotFinite,
    /// All vertices on one line: the polygon has no area.
    NoArea,
}

impl std::fmt::Display for LassoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LassoError::TooFewVertices(n) => {
                write!(f, "a lasso needs three points or more, this one has {n}")
            }
            LassoError::NotFinite => f.write_str("a lasso point is not a finite number"),
            LassoError::NoArea => f.write_str("the lasso encloses no area"),
        }
    }
}

impl std::error::Error for LassoError {}

/// A closed polygon (the last vertex joins the first), checked at construction.
#[derive(Clone, Debug, PartialEq)]
pub struct Lasso {
    vertices: Vec<(f64, f64)>,
    /// (min x, min y, max x, max y): points outside skip the edge loop.
    bbox: (f64, f64, f64, f64),
}

impl Lasso {
    /// A lasso through `path` (closed implicitly). Repeated consecutive points (a pointer that did
    /// not move between two events) are dropped first.
    pub fn new(path: &[(f64, f64)]) -> Result<Self, LassoError> {
        if path.iter().any(|(x, y)| !x.is_finite() || !y.is_finite()) {
            return Err(LassoError::NotFinite);
        }
        let mut vertices: Vec<(f64, f64)> = Vec::with_capacity(path.len());
        for &p in path {
            if vertices.last() != Some(&p) {
                vertices.push(p);
            }
        }
        while vertices.len() > 1 && vertices.first() == vertices.last() {
            vertices.pop();
        }
        if vertices.len() < 3 {
            return Err(LassoError::TooFewVertices(vertices.len()));
        }
        // Collinear vertices: every cross product against the first edge is zero.
        let (ax, ay) = vertices[0];
        let (bx, by) = vertices[1];
        if vertices[2..]
            .iter()
            .all(|&(cx, cy)| (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) == 0.0)
        {
            return Err(LassoError::NoArea);
        }
        let bbox = vertices.iter().fold(
            (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ),
            |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        );
        Ok(Lasso { vertices, bbox })
    }

    /// The polygon's vertices, repeated points removed.
    pub fn vertices(&self) -> &[(f64, f64)] {
        &self.vertices
    }

    /// Whether `(x, y)` is inside (even-odd rule).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let (x0, y0, x1, y1) = self.bbox;
        if !(x0..=x1).contains(&x) || !(y0..=y1).contains(&y) {
            return false;
        }
        let v = &self.vertices;
        let mut inside = false;
        let mut j = v.len() - 1;
        for i in 0..v.len() {
            let (xi, yi) = v[i];
            let (xj, yj) = v[j];
            // Half-open in y: the edge counts when the point's height is in [min, max).
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
        inside
    }

    /// The indices of the `points` inside, in order.
    pub fn select(&self, points: &[[f64; 2]]) -> Vec<usize> {
        points
            .iter()
            .enumerate()
            .filter(|(_, p)| self.contains(p[0], p[1]))
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A U shape (concave): the notch between the arms is outside.
    fn u_shape() -> Lasso {
        Lasso::new(&[
            (0.0, 0.0),
            (3.0, 0.0),
            (3.0, 3.0),
            (2.0, 3.0),
            (2.0, 1.0),
            (1.0, 1.0),
            (1.0, 3.0),
            (0.0, 3.0),
        ])
        .unwrap()
    }

    #[test]
    fn concave_and_self_crossing_polygons() {
        let u = u_shape();
        assert!(u.contains(0.5, 2.5) && u.contains(2.5, 2.5) && u.contains(1.5, 0.5));
        assert!(!u.contains(1.5, 2.0), "the notch");
        assert!(!u.contains(-0.1, 0.5) && !u.contains(3.5, 1.0));
        // A bow tie (the path crosses itself at (1, 1)): both lobes are inside, above and below
        // the crossing outside.
        let bow = Lasso::new(&[(0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 2.0)]).unwrap();
        assert!(bow.contains(0.3, 1.0) && bow.contains(1.7, 1.0));
        assert!(!bow.contains(1.0, 1.7) && !bow.contains(1.0, 0.3));
        // A loop drawn twice over the same square (winding number 2) is outside by even-odd: the
        // canvas shades it the same way with fill("evenodd").
        let sq = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
        let twice: Vec<_> = sq.iter().chain(sq.iter()).copied().collect();
        assert!(!Lasso::new(&twice).unwrap().contains(0.5, 0.5));
        assert!(Lasso::new(&sq).unwrap().contains(0.5, 0.5));
    }

    #[test]
    fn rejects_paths_that_enclose_nothing() {
        assert_eq!(
            Lasso::new(&[(0.0, 0.0), (0.0, 0.0), (1.0, 1.0), (0.0, 0.0)]),
            Err(LassoError::TooFewVertices(2))
        );
        assert_eq!(Lasso::new(&[]), Err(LassoError::TooFewVertices(0)));
        assert_eq!(
            Lasso::new(&[(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (5.0, 5.0)]),
            Err(LassoError::NoArea)
        );
        assert_eq!(
            Lasso::new(&[(0.0, 0.0), (1.0, f64::NAN), (2.0, 0.0)]),
            Err(LassoError::NotFinite)
        );
    }

    #[test]
    fn select_returns_indices_in_order() {
        let pts = [[0.5, 2.5], [1.5, 2.0], [2.5, 2.5], [9.0, 9.0], [1.5, 0.5]];
        assert_eq!(u_shape().select(&pts), [0, 2, 4]);
    }

    /// The oracle: the parity of crossings of a ray going *up* from the point, counted edge by edge
    /// with exact segment arithmetic. For a point on neither an edge nor a vertex's vertical, the
    /// parity does not depend on the ray's direction, so it must agree with the rightward count.
    fn upward_parity(v: &[(f64, f64)], x: f64, y: f64) -> bool {
        let mut crossings = 0;
        for i in 0..v.len() {
            let (a, b) = (v[i], v[(i + 1) % v.len()]);
            if (a.0 > x) != (b.0 > x) {
                let t = (x - a.0) / (b.0 - a.0);
                if a.1 + t * (b.1 - a.1) > y {
                    crossings += 1;
                }
            }
        }
        crossings % 2 == 1
    }

    proptest! {
        /// Random polygons on an integer grid (any shape: concave, self-crossing) and points at
        /// fractional offsets that no grid edge passes through in either axis: the rightward
        /// crossing count agrees with the upward oracle.
        #[test]
        fn agrees_with_an_upward_ray(
            verts in prop::collection::vec((0i32..24, 0i32..24), 3..40),
            px in 0i32..24, py in 0i32..24,
        ) {
            let v: Vec<(f64, f64)> = verts.iter().map(|&(x, y)| (x as f64, y as f64)).collect();
            let Ok(lasso) = Lasso::new(&v) else { return Ok(()) };
            // 1/√7 and 1/√11 are irrational, so the point is never on a grid line, vertex or edge.
            let (x, y) = (px as f64 + 0.377_964_473, py as f64 + 0.301_511_345);
            prop_assert_eq!(lasso.contains(x, y), upward_parity(lasso.vertices(), x, y));
        }

        /// A convex polygon (vertices at increasing angles on a circle, counter-clockwise): inside
        /// exactly when the point is left of every edge.
        #[test]
        fn convex_polygons_agree_with_half_planes(
            mut angles in prop::collection::vec(0.0f64..std::f64::consts::TAU, 3..24),
            x in -1.2f64..1.2, y in -1.2f64..1.2,
        ) {
            angles.sort_by(f64::total_cmp);
            angles.dedup_by(|a, b| (*a - *b).abs() < 1e-3);
            prop_assume!(angles.len() >= 3);
            let v: Vec<(f64, f64)> = angles.iter().map(|a| (a.cos(), a.sin())).collect();
            let Ok(lasso) = Lasso::new(&v) else { return Ok(()) };
            let sides: Vec<f64> = (0..v.len()).map(|i| {
                let (a, b) = (v[i], v[(i + 1) % v.len()]);
                (b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0)
            }).collect();
            // Too close to an edge to call either way in floating point.
            prop_assume!(sides.iter().all(|s| s.abs() > 1e-9));
            prop_assert_eq!(lasso.contains(x, y), sides.iter().all(|&s| s > 0.0));
        }
    }
}
