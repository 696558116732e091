//! How alike the two runs' verdicts are, game by game: the share of games with the same label, the
//! share with the same winner, Cohen's κ over the five labels and the 5×5 matrix of run 1's label
//! against run 2's. Games pair by (bench, prompt id, model, game); a game without a usable verdict
//! in either run is left out.
//!
//! κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and p_e = Σ_k r_k c_k / n² the
//! agreement expected from the two runs' label frequencies alone (Cohen 1960, "A coefficient of
//! agreement for nominal scales"). It is undefined (`None`) when p_e = 1, i.e. both runs use one
//! and the same label throughout.

use super::readings::Readings;
use crate::verdict::Verdict;
use serde::{Deserialize, Serialize};

/// The five labels in the matrix's order.
pub const LABELS: [Verdict; 5] = [
    Verdict::AMuchBetter,
    Verdict::ABetter,
    Verdict::Tie,
    Verdict::BBetter,
    Verdict::BMuchBetter,
];

fn index(v: Verdict) -> usize {
    LABELS
        .iter()
        .position(|&l| l == v)
        .expect("every verdict is listed")
}

/// Label agreement between the runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelAgreement {
    /// Games with a verdict in both runs.
    pub games: u64,
    /// Share with the same label.
    pub exact: Option<f64>,
    /// Share with the same winner (or a tie in both).
    pub same_winner: Option<f64>,
    pub kappa: Option<f64>,
    /// The labels, in the matrix's order.
    pub labels: Vec<String>,
    /// `matrix[i][j]`: games labelled `labels[i]` in run 1 and `labels[j]` in run 2.
    pub matrix: [[u64; 5]; 5],
}

impl LabelAgreement {
    /// From a 5×5 count matrix.
    pub fn from_matrix(matrix: [[u64; 5]; 5]) -> LabelAgreement {
        let n: u64 = matrix.iter().flatten().sum();
        let labels = LABELS.iter().map(|l| l.label().to_string()).collect();
        if n == 0 {
            return LabelAgreement {
                games: 0,
                exact: None,
                same_winner: None,
                kappa: None,
                labels,
                matrix,
            };
        }
        let nf = n as f64;
        let diag: u64 = (0..5).map(|i| matrix[i][i]).sum();
        let mut same = 0u64;
        for (i, row) in matrix.iter().enumerate() {
            for (j, &c) in row.iter().enumerate() {
                if LABELS[i].outcome() == LABELS[j].outcome() {
                    same += c;
                }
            }
        }
        let po = diag as f64 / nf;
        let pe: f64 = (0..5)
            .map(|k| {
                let r: u64 = matrix[k].iter().sum();
                let c: u64 = (0..5).map(|i| matrix[i][k]).sum();
                (r as f64 / nf) * (c as f64 / nf)
            })
            .sum();
        LabelAgreement {
            games: n,
            exact: Some(po),
            same_winner: Some(same as f64 / nf),
            kappa: (pe < 1.0).then(|| (po - pe) / (1.0 - pe)),
            labels,
            matrix,
        }
    }

    /// Over every game both runs read (of every model but the baselines).
    pub fn of(r1: &Readings, r2: &Readings) -> LabelAgreement {
        let mut m = [[0u64; 5]; 5];
        for model in r1.games.keys() {
            for (_, ga, gb) in r1.pairs(r2, model) {
                for (a, b) in ga.iter().zip(gb) {
                    if let (Some(a), Some(b)) = (a, b) {
                        m[index(*a)][index(*b)] += 1;
                    }
                }
            }
        }
        LabelAgreement::from_matrix(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_matches_the_textbook_two_label_example() {
        // Wikipedia, "Cohen's kappa", worked example: 50 proposals, both say yes 20, A yes B no 5,
        // A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, κ = 0.4. Yes = A>B, no = B>A here.
        let mut m = [[0u64; 5]; 5];
        m[1][1] = 20;
        m[1][3] = 5;
        m[3][1] = 10;
        m[3][3] = 15;
        let a = LabelAgreement::from_matrix(m);
        // Tolerance 1e-12: the example's numbers are exact in binary up to rounding.
        assert!((a.kappa.unwrap() - 0.4).abs() < 1e-12, "{:?}", a.kappa);
        assert!((a.exact.unwrap() - 0.7).abs() < 1e-12);
        assert_eq!(a.same_winner, a.exact, "two labels: winner = label");
    }

    #[test]
    fn kappa_over_five_labels_equals_a_plain_formula() {
        // A hand-made 5×5 table; the plain formula below is written out independently, with the
        // marginals summed by hand (rows 10, 8, 9, 7, 6; columns 9, 10, 8, 7, 6; n = 40).
        let m = [
            [6, 2, 1, 1, 0],
            [2, 4, 1, 1, 0],
            [1, 2, 5, 0, 1],
            [0, 1, 1, 4, 1],
            [0, 1, 0, 1, 4],
        ];
        let a = LabelAgreement::from_matrix(m);
        let po = (6.0 + 4.0 + 5.0 + 4.0 + 4.0) / 40.0;
        let pe = (10.0 * 9.0 + 8.0 * 10.0 + 9.0 * 8.0 + 7.0 * 7.0 + 6.0 * 6.0) / 1600.0;
        let kappa = (po - pe) / (1.0 - pe);
        // Tolerance 1e-12: the same arithmetic in another order.
        assert!((a.kappa.unwrap() - kappa).abs() < 1e-12);
        assert_eq!(a.games, 40);
        // Same winner: A>>B/A>B (rows 0-1 × cols 0-1) 14, tie 5, B>A/B>>A 10 → 29/40.
        assert!((a.same_winner.unwrap() - 29.0 / 40.0).abs() < 1e-12);
        let one = LabelAgreement::from_matrix({
            let mut m = [[0; 5]; 5];
            m[2][2] = 3;
            m
        });
        assert_eq!(
            (one.exact, one.kappa),
            (Some(1.0), None),
            "κ undefined when p_e = 1"
        );
        assert_eq!(LabelAgreement::from_matrix([[0; 5]; 5]).exact, None);
    }
}
