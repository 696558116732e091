//! The sandwich covariance's diagonal, `diag(H⁻¹ G H⁻¹)`, shared by arena-rank's two models
//! (`BradleyTerry` and `ContextualBradleyTerry`, both `compute_ratings_and_cis(ci_method =
//! "sandwich")`).
//!
//! The package inverts `H` (`jnp.linalg.inv`) and multiplies; here `H` is factored once
//! (Cholesky: the package's `hessian_reg` on the diagonal makes it positive definite) and the
//! product is formed by solves. Both agree to the rounding that `H`'s condition number allows
//! (about 1e-7 relative on GenAI-Arena, where numpy's and jax's own inverses differ by as much).

use crate::linalg::{cholesky_apply, cholesky_factor};

/// `diag(H⁻¹ G H⁻¹)` for symmetric `h` (positive definite) and `g`, both row-major `m × m`.
/// `None` when `h` is not positive definite.
pub fn diag(h: &[f64], g: &[f64], m: usize) -> Option<Vec<f64>> {
    let mut l = h.to_vec();
    if !cholesky_factor(&mut l, m) {
        return None;
    }
    // X = H⁻¹ G column by column, then (X H⁻¹)_ii = (H⁻¹ Xᵀ)_ii: solve H y = X's row i.
    let mut x = vec![0.0; m * m];
    for c in 0..m {
        let col: Vec<f64> = (0..m).map(|i| g[i * m + c]).collect();
        for (i, v) in cholesky_apply(&l, &col, m).into_iter().enumerate() {
            x[i * m + c] = v;
        }
    }
    Some(
        (0..m)
            .map(|i| cholesky_apply(&l, &x[i * m..(i + 1) * m], m)[i])
            .collect(),
    )
}

/// Adds `v` on the pair structure of a rating block with row stride `m` (`assemble_parwise_matrix`
/// in the package's `utils/math_utils.py`): `+v` on both diagonals, `−v` off them.
pub fn assemble(mat: &mut [f64], m: usize, a: usize, b: usize, v: f64) {
    mat[a * m + a] += v;
    mat[b * m + b] += v;
    mat[a * m + b] -= v;
    mat[b * m + a] -= v;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagonal_of_the_sandwich_by_hand() {
        // H = diag(2, 4), G = [[1, 1], [1, 3]]: H⁻¹ G H⁻¹ has diagonal 1/4 and 3/16 (by hand).
        let d = diag(&[2.0, 0.0, 0.0, 4.0], &[1.0, 1.0, 1.0, 3.0], 2).unwrap();
        assert!(
            (d[0] - 0.25).abs() < 1e-15 && (d[1] - 3.0 / 16.0).abs() < 1e-15,
            "{d:?}"
        );
        // A non-positive-definite H has no factor.
        assert!(diag(&[1.0, 2.0, 2.0, 1.0], &[1.0, 0.0, 0.0, 1.0], 2).is_none());
    }
}
