//! Each group's prompt quality: the mean of its prompts' criteria scores (0–7, see
//! [`crate::criteria`]), and groups ranked by it, highest first, as BenchBuilder ranks its topic
//! clusters before it picks prompts from the best (arena-hard-auto `BenchBuilder/`,
//! "From Crowdsourced Data to High-Quality Benchmarks", section 3.2). Only tagged prompts count;
//! a group with none has no quality and is ranked last.

use crate::bench::Bench;
use crate::criteria::HARD_PROMPT_SCORE;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One group's quality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupQuality {
    pub group: String,
    /// Prompts in the group.
    pub prompts: usize,
    /// Of them, prompts with criteria tags.
    pub tagged: usize,
    /// Mean criteria score of the tagged prompts; `None` without any.
    pub mean: Option<f64>,
    /// Share of the tagged prompts that are hard prompts (score ≥ 6).
    pub hard_share: Option<f64>,
    /// 1-based rank by `mean` (ties share the order of their names; untagged groups come last).
    pub rank: usize,
}

/// The quality of each group of `labels` (one per prompt of `bench`; an empty label is in no
/// group), ranked by mean quality, highest first, then by name.
pub fn by_group(bench: &Bench, labels: &[String]) -> Vec<GroupQuality> {
    #[derive(Default)]
    struct Acc {
        prompts: usize,
        tagged: usize,
        sum: u64,
        hard: usize,
    }
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    for (p, label) in bench.prompts.iter().zip(labels) {
        if label.is_empty() {
            continue;
        }
        let a = acc.entry(label).or_default();
        a.prompts += 1;
        if let Some(c) = p.criteria {
            a.tagged += 1;
            a.sum += c.score() as u64;
            a.hard += (c.score() >= HARD_PROMPT_SCORE) as usize;
        }
    }
    let mut out: Vec<GroupQuality> = acc
        .into_iter()
        .map(|(g, a)| {
            let share = |x: f64| (a.tagged > 0).then(|| x / a.tagged as f64);
            GroupQuality {
                group: g.to_string(),
                prompts: a.prompts,
                tagged: a.tagged,
                mean: share(a.sum as f64),
                hard_share: share(a.hard as f64),
                rank: 0,
            }
        })
        .collect();
    // A stable sort keeps name order among equal means (the map iterates by name).
    out.sort_by(|x, y| match (x.mean, y.mean) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    for (i, g) in out.iter_mut().enumerate() {
        g.rank = i + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::{Criteria, Criterion};

    #[test]
    fn groups_rank_by_mean_score_and_untagged_last() {
        let mut b = Bench::new("t");
        // (label, score or untagged): a: 7, 5 -> 6.0; b: 2 -> 2.0; c: untagged; d: 6, 6 -> 6.0.
        let rows: [(&str, Option<usize>); 7] = [
            ("a", Some(7)),
            ("a", Some(5)),
            ("b", Some(2)),
            ("c", None),
            ("d", Some(6)),
            ("d", Some(6)),
            ("", Some(7)),
        ];
        let mut labels = Vec::new();
        for (i, (l, s)) in rows.iter().enumerate() {
            let p = b.prompt_id(&format!("p{i}"));
            b.prompts[p as usize].criteria = s.map(|n| Criteria::of(&Criterion::ALL[..n]));
            labels.push(l.to_string());
        }
        let q = by_group(&b, &labels);
        let order: Vec<(&str, Option<f64>, usize)> = q
            .iter()
            .map(|g| (g.group.as_str(), g.mean, g.rank))
            .collect();
        // Hand-computed means; a and d tie at 6.0 and keep name order.
        assert_eq!(
            order,
            [
                ("a", Some(6.0), 1),
                ("d", Some(6.0), 2),
                ("b", Some(2.0), 3),
                ("c", None, 4)
            ]
        );
        assert_eq!(q[0].hard_share, Some(0.5));
        assert_eq!(q[1].hard_share, Some(1.0));
        assert_eq!((q[3].prompts, q[3].tagged), (1, 0));
    }
}
