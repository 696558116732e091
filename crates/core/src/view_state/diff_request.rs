//! The diff page's two runs, from the URL. Run 1 is the shared keys, as every page reads them. Run 2
//! is `data2` with `bench2`, `judge2` and `method2`; a key run 2 leaves out is run 1's when both
//! runs read the same data (a pair within one data set: two judges, two benches, two methods), and
//! the data's own choice when run 2 is another data set (its bench and judges need not exist in
//! run 1's data). The method and the baselines (a model name, the same question in both runs: "win
//! rate against M") are run 1's either way.

use super::keys::diff as k;
use super::parse;
use super::ViewState;
use crate::scope::request::{Purpose, ScopeRequest};

/// What the page asks of each run.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffRequest {
    pub run_1: ScopeRequest,
    pub run_2: ScopeRequest,
    /// Run 2's data URL; `None`: run 1's data.
    pub data_2: Option<String>,
}

impl DiffRequest {
    pub fn from_view(v: &ViewState) -> DiffRequest {
        let run_1 = ScopeRequest::from_view(v, Purpose::Leaderboard);
        let data_2 = v.extra(k::DATA2).and_then(parse::text);
        let same = data_2.is_none();
        let text = |key| v.extra(key).and_then(parse::text);
        let run_2 = ScopeRequest {
            bench: text(k::BENCH2).or_else(|| same.then(|| run_1.bench.clone()).flatten()),
            judges: match v.extra(k::JUDGE2) {
                Some(j) if !j.is_empty() => parse::list(j),
                _ if same => run_1.judges.clone(),
                _ => Vec::new(),
            },
            method: v
                .extra(k::METHOD2)
                .and_then(parse::scoring)
                .or(run_1.method),
            ..run_1.clone()
        };
        DiffRequest {
            run_1,
            run_2,
            data_2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::Method;
    use crate::view_state::parse_query;

    #[test]
    fn run_two_inherits_within_one_data_set_and_not_across() {
        let d = DiffRequest::from_view(&parse_query(
            "judge=judge-atlas&judge2=judge-sage&bench=b&baseline=m",
        ));
        assert_eq!(d.run_1.judges, ["judge-atlas"]);
        assert_eq!(d.run_2.judges, ["judge-sage"]);
        assert_eq!(d.run_2.bench.as_deref(), Some("b"));
        assert_eq!(d.run_2.baseline.as_deref(), Some("m"));
        assert_eq!(d.data_2, None);
        let d = DiffRequest::from_view(&parse_query(
            "bench=b&judge=j&method=show-result-v0.1&data2=other/&method2=arena-lens",
        ));
        assert_eq!(d.data_2.as_deref(), Some("other/"));
        assert_eq!((d.run_2.bench.clone(), d.run_2.judges.len()), (None, 0));
        assert_eq!(d.run_2.method, Some(Method::ArenaLens));
        assert_eq!(d.run_1.method, Some(Method::ShowResultV01));
        let d = DiffRequest::from_view(&parse_query("method=show-result-v0.1&bench2=c"));
        assert_eq!(d.run_2.method, Some(Method::ShowResultV01));
        assert_eq!(d.run_2.bench.as_deref(), Some("c"));
    }
}
