//! The scope request a page makes from the URL: the shared keys (bench, judges, baselines) plus the
//! one-judge views' tab, with [`Several::First`] because a page with pickers opens on something.

use super::keys;
use super::ViewState;
use crate::scope::request::{Purpose, ScopeRequest, Several};

impl ScopeRequest {
    /// The request of the page `purpose` stands for, from the view state. The judges page analyses
    /// every judge, so the leaderboard's pool (`judge`) does not narrow it; the one-judge pages take
    /// the pool's first judge by name as their default tab.
    pub fn from_view(v: &ViewState, purpose: Purpose) -> ScopeRequest {
        ScopeRequest {
            purpose,
            bench: v.bench.clone(),
            judges: match purpose {
                Purpose::Judges => Vec::new(),
                _ => v.judges.clone(),
            },
            tab: purpose
                .one_judge()
                .then(|| v.extra(keys::compare::JUDGE).map(str::to_string))
                .flatten(),
            baseline: v.baseline.clone(),
            judged_baseline: v.judged_baseline.clone(),
            method: v.method,
            several: Several::First,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_request_per_page() {
        let v = ViewState::from_pairs([
            ("bench", "b"),
            ("judge", "j2,j1"),
            ("baseline", "m"),
            ("judged", "base"),
            (keys::compare::JUDGE, "j3"),
        ]);
        let lb = ScopeRequest::from_view(&v, Purpose::Leaderboard);
        assert_eq!(lb.bench.as_deref(), Some("b"));
        assert_eq!(lb.judges, ["j2", "j1"]);
        assert_eq!(lb.tab, None, "the leaderboard pools; it has no tab");
        assert_eq!(
            (lb.baseline.as_deref(), lb.judged_baseline.as_deref()),
            (Some("m"), Some("base"))
        );
        assert_eq!(lb.several, Several::First);
        let cmp = ScopeRequest::from_view(&v, Purpose::Compare);
        assert_eq!(cmp.tab.as_deref(), Some("j3"));
        let judges = ScopeRequest::from_view(&v, Purpose::Judges);
        assert!(judges.judges.is_empty() && judges.tab.is_none());
    }
}
