//! Every enumerated value spelled one way: the canonical name is the type's `as_str` (what a link
//! prints and the CLI lists), and the other spellings people type are accepted here, once, for both the
//! URL and the CLI. A link with an alias opens the same view and is printed back under the canonical
//! name, e.g. `group=ko-cluster` becomes `group=ko_cluster`.

use super::keys;
use crate::bootstrap::BootstrapUnit;
use crate::cluster::Method;
use crate::leaderboard::GroupBy;
use crate::method::Method as Scoring;

/// A family of values that share one set of names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    /// A prompt label field: the leaderboard's `group`, the clusters page's `label`, the CLI's
    /// `--group-by` and `--label`.
    GroupBy,
    /// What a bootstrap round resamples: `unit`, `--bootstrap-unit`.
    Unit,
    /// The clustering algorithm: `cmethod`, the clusters command's `--method`.
    Method,
    /// The scoring method: `method`, `--method` of leaderboard, compare and judges.
    Scoring,
}

/// Every label field, in the order the CLI lists them.
pub const GROUP_BYS: [GroupBy; 4] = [
    GroupBy::Category,
    GroupBy::Subcategory,
    GroupBy::Cluster,
    GroupBy::KoCluster,
];
/// Every bootstrap unit.
pub const UNITS: [BootstrapUnit; 2] = [BootstrapUnit::Row, BootstrapUnit::Prompt];
/// Every clustering algorithm.
pub const METHODS: [Method; 2] = [Method::Kmeans, Method::Ward];
/// Every scoring method.
pub const SCORINGS: [Scoring; 8] = Scoring::ALL;

impl Domain {
    pub const ALL: [Domain; 4] = [
        Domain::GroupBy,
        Domain::Unit,
        Domain::Method,
        Domain::Scoring,
    ];

    /// The domain of a URL key's value (`None`: free text or a number).
    pub fn of_key(key: &str) -> Option<Domain> {
        match key {
            keys::GROUP | keys::clusters::LABEL => Some(Domain::GroupBy),
            keys::UNIT => Some(Domain::Unit),
            keys::clusters::METHOD => Some(Domain::Method),
            keys::METHOD => Some(Domain::Scoring),
            _ => None,
        }
    }

    /// The canonical names, from the types' `as_str`.
    pub fn names(self) -> Vec<&'static str> {
        match self {
            Domain::GroupBy => GROUP_BYS.iter().map(|g| g.as_str()).collect(),
            Domain::Unit => UNITS.iter().map(|u| u.as_str()).collect(),
            Domain::Method => METHODS.iter().map(|m| m.as_str()).collect(),
            Domain::Scoring => SCORINGS.iter().map(|m| m.as_str()).collect(),
        }
    }

    /// `(alias, canonical name)` pairs: the CLI's kebab-case and plurals people type.
    pub fn aliases(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Domain::GroupBy => &[("ko-cluster", "ko_cluster")],
            Domain::Unit => &[("rows", "row"), ("prompts", "prompt")],
            Domain::Method => &[("k-means", "kmeans")],
            Domain::Scoring => &[
                ("show-result-compat", "show-result-v0.1"),
                ("show-result", "show-result-v0.1"),
                ("v0.1", "show-result-v0.1"),
                ("v2.0", "arena-hard-v2.0"),
                ("arena-hard-v2", "arena-hard-v2.0"),
            ],
        }
    }

    /// The aliases of one canonical name.
    pub fn aliases_of(self, name: &str) -> impl Iterator<Item = &'static str> + '_ {
        self.aliases()
            .iter()
            .filter(move |(_, c)| *c == name)
            .map(|(a, _)| *a)
    }

    /// `raw` under its canonical name (unchanged when it is not an alias).
    pub fn canonical(self, raw: &str) -> &str {
        self.aliases()
            .iter()
            .find(|(a, _)| *a == raw)
            .map_or(raw, |(_, c)| c)
    }
}

/// A URL value under its canonical name, for the keys whose values have one.
pub fn canonical<'a>(key: &str, raw: &'a str) -> &'a str {
    Domain::of_key(key).map_or(raw, |d| d.canonical(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_names_a_canonical_value_and_none_is_one() {
        for d in Domain::ALL {
            let names = d.names();
            for (alias, canonical) in d.aliases() {
                assert!(names.contains(canonical), "{d:?}: {alias} -> {canonical}");
                assert!(!names.contains(alias), "{d:?}: {alias} is a name");
            }
        }
    }

    #[test]
    fn canonical_names_round_trip_through_their_types() {
        for g in GROUP_BYS {
            assert_eq!(GroupBy::parse(g.as_str()), Some(g));
        }
        for u in UNITS {
            assert_eq!(BootstrapUnit::parse(u.as_str()), Some(u));
        }
        for m in METHODS {
            assert_eq!(Method::parse(m.as_str()), Some(m));
        }
        for m in SCORINGS {
            assert_eq!(Scoring::parse(m.as_str()), Some(m));
        }
    }
}
