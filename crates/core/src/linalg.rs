//! A dense Cholesky solve, the one linear-algebra step the Newton solvers need.
//!
//! Written by hand: the systems are small (models + a few style features), and a linear-algebra crate
//! would add more to the WASM bundle than these thirty lines.

/// Solves `A x = b` for symmetric positive definite `A` (row-major `k × k`, overwritten by its factor).
/// Returns `None` when `A` is not positive definite.
pub fn cholesky_solve(a: &mut [f64], b: &[f64], k: usize) -> Option<Vec<f64>> {
    cholesky_factor(a, k).then(|| cholesky_apply(a, b, k))
}

/// Overwrites the lower triangle of `A` (row-major `k × k`) with its Cholesky factor `L`
/// (`A = L Lᵀ`); false when `A` is not positive definite. The factor can then solve many right-hand
/// sides ([`cholesky_apply`]), as the style fit's chord steps do.
pub fn cholesky_factor(a: &mut [f64], k: usize) -> bool {
    for j in 0..k {
        let mut d = a[j * k + j];
        for p in 0..j {
            d -= a[j * k + p] * a[j * k + p];
        }
        if d <= 0.0 || !d.is_finite() {
            return false;
        }
        let d = d.sqrt();
        a[j * k + j] = d;
        for i in (j + 1)..k {
            let mut s = a[i * k + j];
            for p in 0..j {
                s -= a[i * k + p] * a[j * k + p];
            }
            a[i * k + j] = s / d;
        }
    }
    true
}

/// Solves `L Lᵀ x = b` with a factor from [`cholesky_factor`].
pub fn cholesky_apply(l: &[f64], b: &[f64], k: usize) -> Vec<f64> {
    let mut y = b.to_vec();
    for i in 0..k {
        for p in 0..i {
            y[i] -= l[i * k + p] * y[p];
        }
        y[i] /= l[i * k + i];
    }
    for i in (0..k).rev() {
        for p in (i + 1)..k {
            y[i] -= l[p * k + i] * y[p];
        }
        y[i] /= l[i * k + i];
    }
    y
}

#[cfg(test)]
mod tests {
    #[test]
    fn solves_a_small_system() {
        // [[4, 2], [2, 3]] x = [2, 5]  =>  x = [-0.5, 2] (by hand).
        let mut a = vec![4.0, 2.0, 2.0, 3.0];
        let x = super::cholesky_solve(&mut a, &[2.0, 5.0], 2).unwrap();
        assert!((x[0] + 0.5).abs() < 1e-12 && (x[1] - 2.0).abs() < 1e-12);
        let mut bad = vec![1.0, 2.0, 2.0, 1.0];
        assert!(super::cholesky_solve(&mut bad, &[1.0, 1.0], 2).is_none());
    }
}
