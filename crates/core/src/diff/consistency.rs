//! Do the two runs order the models alike? The rank correlations with their intervals are the
//! judges page's ([`crate::judges::agreement::compare`], Spearman and Kendall with a bootstrap over
//! models); beside them, the share of model pairs whose order flips while both runs are confident
//! of it (each run's intervals for the two models do not overlap, and the runs disagree on which
//! is higher). A flip without confidence is noise; a confident flip is a real disagreement.

use super::run::RunScore;
use crate::judges::agreement::{self, AgreementOptions, Scored};
use crate::judges::rank_corr::CorrInterval;
use serde::{Deserialize, Serialize};

/// One confident flip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flip {
    /// Higher in run 1.
    pub higher_1: String,
    /// Higher in run 2.
    pub higher_2: String,
}

/// Rank agreement of the runs over their shared models.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consistency {
    pub spearman: Option<CorrInterval>,
    pub kendall: Option<CorrInterval>,
    /// Pairs of shared models.
    pub pairs: u64,
    /// Pairs both runs separate with confidence.
    pub confident_both: u64,
    /// Of those, pairs ordered the other way round.
    pub flips: u64,
    /// `flips / pairs`; `None` with fewer than two shared models or without intervals on a side.
    pub flip_share: Option<f64>,
    pub flipped: Vec<Flip>,
}

fn separated(a: &RunScore, b: &RunScore) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering::*;
    let (al, au, bl, bu) = (a.lower?, a.upper?, b.lower?, b.upper?);
    if al > bu {
        Some(Greater)
    } else if bl > au {
        Some(Less)
    } else {
        None
    }
}

/// `shared` holds each shared model's line in run 1 and run 2.
pub fn consistency(shared: &[(RunScore, RunScore)], opts: &AgreementOptions) -> Consistency {
    let scored = |s: &RunScore| Scored {
        model: s.model.clone(),
        score: s.score,
        lower: s.lower,
        upper: s.upper,
        mean: None,
        var: None,
    };
    let one: Vec<Scored> = shared.iter().map(|(a, _)| scored(a)).collect();
    let two: Vec<Scored> = shared.iter().map(|(_, b)| scored(b)).collect();
    let corr = agreement::compare(&one, &two, opts).ok();
    let n = shared.len() as u64;
    let pairs = n * n.saturating_sub(1) / 2;
    let with_bounds = shared
        .iter()
        .all(|(a, b)| a.lower.is_some() && b.lower.is_some());
    let (mut confident_both, mut flipped) = (0, Vec::new());
    for i in 0..shared.len() {
        for j in (i + 1)..shared.len() {
            let (o1, o2) = (
                separated(&shared[i].0, &shared[j].0),
                separated(&shared[i].1, &shared[j].1),
            );
            if let (Some(o1), Some(o2)) = (o1, o2) {
                confident_both += 1;
                if o1 != o2 {
                    let (hi1, hi2) = if o1.is_gt() { (i, j) } else { (j, i) };
                    flipped.push(Flip {
                        higher_1: shared[hi1].0.model.clone(),
                        higher_2: shared[hi2].0.model.clone(),
                    });
                }
            }
        }
    }
    Consistency {
        spearman: corr.as_ref().and_then(|c| c.spearman.clone()),
        kendall: corr.as_ref().and_then(|c| c.kendall.clone()),
        pairs,
        confident_both,
        flips: flipped.len() as u64,
        flip_share: (pairs > 0 && with_bounds).then(|| flipped.len() as f64 / pairs as f64),
        flipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(m: &str, score: f64, half: f64) -> RunScore {
        RunScore {
            model: m.into(),
            score,
            lower: Some(score - half),
            upper: Some(score + half),
        }
    }

    #[test]
    fn only_confident_reversals_count_as_flips() {
        let shared = vec![
            (s("a", 80.0, 2.0), s("a", 40.0, 2.0)),
            (s("b", 50.0, 2.0), s("b", 60.0, 2.0)),
            // c: close to b in run 2, so b-c is never confident there.
            (s("c", 20.0, 2.0), s("c", 61.0, 2.0)),
        ];
        let c = consistency(&shared, &AgreementOptions::default());
        assert_eq!(c.pairs, 3);
        // a-b: a>b then b>a, both separated: a flip. a-c: a>c then c>a: a flip. b-c: not confident.
        assert_eq!((c.confident_both, c.flips), (2, 2));
        assert_eq!(c.flip_share, Some(2.0 / 3.0));
        assert_eq!(c.flipped[0].higher_1, "a");
        assert_eq!(c.flipped[0].higher_2, "b");
        assert!(c.spearman.unwrap().estimate < 0.0);
    }
}
