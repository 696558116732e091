//! What each model of a bench has, for a compare view: answers, verdicts under the judge shown, and
//! the judges that did judge it. The model selects list every model with answers or verdicts (or the
//! baseline) and mark each entry with this, so a model mid-run (answers, no verdicts yet) can still
//! be read side by side.

use super::CompareIndex;
use crate::bench::Bench;
use std::collections::HashSet;

/// One model as a compare view sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelHoldings {
    pub model: u32,
    /// Prompts the model has an answer to.
    pub answers: usize,
    /// The judge shown judged the model (on at least one prompt).
    pub verdicts: bool,
    /// The model is the judged baseline, or the baseline some rows name.
    pub baseline: bool,
    /// Every judge that judged the model, by id, sorted by judge name (the one shown included).
    pub judged_by: Vec<u32>,
}

/// What a model has, in one word for the select and the JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Has {
    /// Answers, and verdicts under the judge shown.
    AnswersAndVerdicts,
    /// Answers, and no verdicts under the judge shown.
    AnswersOnly,
    /// Verdicts under the judge shown, and no answer file.
    VerdictsOnly,
    /// Neither answers nor verdicts under the judge shown (the baseline without an answer file, or
    /// a model only other judges judged).
    Neither,
}

impl Has {
    pub fn as_str(self) -> &'static str {
        match self {
            Has::AnswersAndVerdicts => "answers_and_verdicts",
            Has::AnswersOnly => "answers_only",
            Has::VerdictsOnly => "verdicts_only",
            Has::Neither => "neither",
        }
    }
}

impl ModelHoldings {
    pub fn has(&self) -> Has {
        match (self.answers > 0, self.verdicts) {
            (true, true) => Has::AnswersAndVerdicts,
            (true, false) => Has::AnswersOnly,
            (false, true) => Has::VerdictsOnly,
            (false, false) => Has::Neither,
        }
    }

    /// The judges other than the one shown that judged the model.
    pub fn other_judges(&self, index: &CompareIndex) -> Vec<u32> {
        self.judged_by
            .iter()
            .copied()
            .filter(|&j| Some(j) != index.judge)
            .collect()
    }

    /// The entry's mark, e.g. "answers + verdicts under J", "answers only", "verdicts only", with
    /// the other judges that judged the model and the baseline said.
    pub fn mark(&self, bench: &Bench, index: &CompareIndex) -> String {
        let judge = index.judge.map(|j| bench.judges.name(j));
        let mut s = match (self.has(), judge) {
            (Has::AnswersAndVerdicts, Some(j)) => format!("answers + verdicts under {j}"),
            (Has::VerdictsOnly, Some(j)) => format!("verdicts only, under {j}"),
            (Has::AnswersOnly, _) | (Has::AnswersAndVerdicts, None) => "answers only".into(),
            (Has::Neither, _) | (Has::VerdictsOnly, None) => "no answer file".into(),
        };
        if self.baseline {
            s = format!("baseline, {s}");
        }
        let others = self.other_judges(index);
        if !others.is_empty() {
            let names: Vec<&str> = others.iter().map(|&j| bench.judges.name(j)).collect();
            s.push_str(&format!("; verdicts under {}", names.join(", ")));
        }
        s
    }
}

/// Every model with answers or verdicts by any judge, and the baseline, sorted by name
/// (case-insensitive), each with what it has.
pub fn holdings(bench: &Bench, index: &CompareIndex) -> Vec<ModelHoldings> {
    let n = bench.models.len();
    let mut answers = vec![0usize; n];
    for a in &bench.answers {
        answers[a.model as usize] += 1;
    }
    let judged: HashSet<(u32, u32)> = bench.judgments.iter().map(|j| (j.model, j.judge)).collect();
    let judges = crate::scope::judges::sorted(bench);
    let mut v: Vec<ModelHoldings> = (0..n as u32)
        .map(|m| ModelHoldings {
            model: m,
            answers: answers[m as usize],
            verdicts: index.judged(m),
            baseline: index.is_baseline(m),
            judged_by: judges
                .iter()
                .map(|(j, _)| *j)
                .filter(|&j| judged.contains(&(m, j)))
                .collect(),
        })
        .filter(|h| h.answers > 0 || h.baseline || !h.judged_by.is_empty())
        .collect();
    v.sort_by_key(|h| bench.models.name(h.model).to_lowercase());
    v
}
