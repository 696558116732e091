//! Seeded randomness and the little bit of floating-point maths the simulation needs.
//!
//! Every part of the demo draws from its own ChaCha8 *stream* of the one seed, so that changing how
//! (say) judgment text is worded does not shift the random numbers behind the answers or verdicts.
//!
//! The site generates the demo in the browser (wasm32) and the CLI generates it natively; both must
//! produce byte-identical files. `f64::exp` and `f64::ln` come from the platform's libm, which is not
//! guaranteed to round identically everywhere, so verdict probabilities use [`exp`] below, built only
//! from `+ - * /` and exact operations, which IEEE 754 makes identical on every platform.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Independent streams, one per concern (see module docs).
pub mod streams {
    pub const TOPICS: u64 = 1;
    pub const QUESTIONS: u64 = 2;
    pub const LATENT: u64 = 3;
    pub const BLEMISHES: u64 = 4;
    /// Answers of model `i` use stream `ANSWERS + i`.
    pub const ANSWERS: u64 = 1_000;
    /// Verdicts of judge `j` on model `i` use stream `VERDICTS + 1000 * j + i`.
    pub const VERDICTS: u64 = 100_000;
}

/// A generator for one concern of the demo; same `(seed, stream)` gives the same numbers.
pub fn stream(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Uniform in `[0, 1)`.
pub fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    rng.random::<f64>()
}

/// True with probability `p`.
pub fn chance(rng: &mut ChaCha8Rng, p: f64) -> bool {
    uniform(rng) < p
}

/// Uniform integer in `lo..=hi` (u32 so the draw is the same on 32- and 64-bit targets).
pub fn int(rng: &mut ChaCha8Rng, lo: u32, hi: u32) -> u32 {
    rng.random_range(lo..=hi)
}

/// One element of a non-empty slice.
pub fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    let i = rng.random_range(0..items.len() as u32) as usize;
    items[i]
}

/// `k` distinct elements of `items` (fewer if the slice is shorter), in random order.
pub fn pick_distinct<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T], k: usize) -> Vec<&'a T> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let k = k.min(items.len());
    // Partial Fisher-Yates: only the first k positions are needed.
    for i in 0..k {
        let j = i + rng.random_range(0..(idx.len() - i) as u32) as usize;
        idx.swap(i, j);
    }
    idx[..k].iter().map(|&i| &items[i]).collect()
}

/// Approximately standard normal (Irwin-Hall: sum of 12 uniforms minus 6). Only additions, so it is
/// portable; the truncated tails (|x| <= 6) are harmless for a simulation.
pub fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let mut s = 0.0;
    for _ in 0..12 {
        s += uniform(rng);
    }
    s - 6.0
}

/// Portable `e^x` (see module docs): range reduction by ln 2 and a degree-13 Taylor polynomial,
/// accurate to a couple of ulps for the small arguments used here.
pub fn exp(x: f64) -> f64 {
    const LN2: f64 = std::f64::consts::LN_2;
    if x > 700.0 {
        return f64::INFINITY;
    }
    if x < -700.0 {
        return 0.0;
    }
    let k = (x / LN2).round();
    let r = x - k * LN2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for i in 1..=13 {
        term *= r / i as f64;
        sum += term;
    }
    // 2^k built from its bit pattern: exact, unlike a libm `powi`.
    let two_k = f64::from_bits(((k as i64 + 1023) as u64) << 52);
    sum * two_k
}

/// The logistic function `1 / (1 + e^-x)`.
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + exp(-x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_std_closely() {
        let mut x = -30.0;
        while x < 30.0 {
            let rel = (exp(x) - x.exp()).abs() / x.exp();
            assert!(rel < 1e-14, "exp({x}) off by {rel}");
            x += 0.137;
        }
        assert_eq!(exp(0.0), 1.0);
    }

    #[test]
    fn normal_has_unit_variance() {
        let mut rng = stream(7, 0);
        let n = 20_000;
        let xs: Vec<f64> = (0..n).map(|_| normal(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }

    #[test]
    fn streams_differ() {
        let a: u64 = stream(1, 1).random();
        let b: u64 = stream(1, 2).random();
        assert_ne!(a, b);
    }

    #[test]
    fn pick_distinct_is_distinct() {
        let mut rng = stream(3, 3);
        let items: Vec<u32> = (0..10).collect();
        let mut got: Vec<u32> = pick_distinct(&mut rng, &items, 6)
            .into_iter()
            .copied()
            .collect();
        got.sort_unstable();
        got.dedup();
        assert_eq!(got.len(), 6);
    }
}
