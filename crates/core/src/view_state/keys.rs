//! Every URL query key of every page, declared once. A page reads and writes its keys through these
//! constants (never a string literal), and [`ALL`] lets a test check that no two keys collide.
//!
//! Keys parsed into [`super::ViewState`]'s own fields are the shared ones (data, judges, baseline,
//! bootstrap, sort); the rest are kept in `ViewState::extra` and belong to one page each.

// Shared by every page: the data and the computation (fields of `ViewState`).
pub const DATA: &str = "data";
pub const BENCH: &str = "bench";
pub const JUDGE: &str = "judge";
pub const BASELINE: &str = "baseline";
pub const JUDGED: &str = "judged";
pub const WEIGHT: &str = "weight";
pub const FIRST: &str = "first";
pub const ROUNDS: &str = "rounds";
pub const SEED: &str = "seed";
pub const LEVEL: &str = "level";
pub const UNIT: &str = "unit";
pub const STYLE: &str = "style";
pub const GROUP: &str = "group";
/// The scoring method (`crate::method::Method`), on every page.
pub const METHOD: &str = "method";
/// The older spelling of `method=show-result-v0.1` (read, never written).
pub const COMPAT: &str = "compat";
pub const SORT: &str = "sort";
pub const ASC: &str = "asc";
pub const FILTER: &str = "q";
/// The prompt subset every leaderboard scores (`crate::subset::PromptSubset`), on every page:
/// selected prompt ids (compactly encoded, `crate::subset::encode`), a minimum criteria score
/// (6: hard prompts), one criterion, and a text search.
pub const PROMPT_IDS: &str = "pids";
pub const MIN_CRITERIA: &str = "min_criteria";
pub const CRITERION: &str = "criterion";
pub const SEARCH: &str = "search";

/// Which page is shown (absent: the leaderboard); its values are in [`page`].
pub const PAGE: &str = "view";

/// The values of [`PAGE`] (the leaderboard is its absence).
pub mod page {
    pub const COMPARE: &str = "compare";
    pub const CLUSTERS: &str = "clusters";
    pub const JUDGES: &str = "judges";
    pub const DIFF: &str = "diff";
}

/// The leaderboard's chosen group (with [`GROUP`] set).
pub const LB_GROUP: &str = "g";

/// The compare page.
pub mod compare {
    pub const A: &str = "a";
    pub const B: &str = "b";
    pub const PROMPT: &str = "prompt";
    pub const GAME: &str = "game";
    /// The judge tab (the leaderboard's `judge` pools judges; this picks one).
    pub const JUDGE: &str = "cjudge";
    pub const FIND: &str = "find";
    pub const CATEGORY: &str = "cat";
    pub const CLUSTER: &str = "cluster";
    pub const OUTCOME: &str = "outcome";
    pub const DISAGREE: &str = "disagree";
    pub const UPSET: &str = "upset";
    pub const PAGE: &str = "page";
    pub const TAB: &str = "tab";
    pub const PAIRED_SORT: &str = "psort";
    /// Comma-separated prompt ids (a group linked from the clusters page) and the group's name.
    pub const IDS: &str = "ids";
    pub const IDS_NAME: &str = "idsname";
}

/// The clusters page. Its judge is the compare page's, so a judge picked there stays picked here.
pub mod clusters {
    /// `cluster`, `category`, `subcategory`, `ko_cluster` or `computed`.
    pub const LABEL: &str = "label";
    /// The model that colours the treemap and fills the table's score column.
    pub const MODEL: &str = "cmodel";
    /// A second model: the treemap then shows the difference.
    pub const MODEL2: &str = "cmodel2";
    pub const K: &str = "ck";
    pub const METHOD: &str = "cmethod";
    /// The category the treemap is zoomed into.
    pub const ZOOM: &str = "zoom";
    /// The custom slice: groups separated by newlines, each `name` or `name=weight`.
    pub const SEL: &str = "sel";
    /// Table order: `name`, `size`, `score` or `spread`.
    pub const SORT: &str = "csort";
    /// Prompt-map colour: `cluster` or `outcome`.
    pub const MAP_COLOR: &str = "mapcolor";
}

/// The judges page.
pub mod judges {
    /// The two judges compared.
    pub const X: &str = "jx";
    pub const Y: &str = "jy";
    /// Family overrides, `prefix=family,...`.
    pub const FAMILIES: &str = "fam";
    /// A reference leaderboard's URL.
    pub const REFERENCE: &str = "jref";
    /// What-if: weight, first game only, drop inconsistent rows, baseline.
    pub const WHATIF_WEIGHT: &str = "wiw";
    pub const WHATIF_FIRST: &str = "wif";
    pub const WHATIF_DROP: &str = "wid";
    pub const WHATIF_BASELINE: &str = "wib";
}

/// The diff page: run 2 is `data2` (a data URL or a scores CSV; absent: run 1's data), with its
/// own bench, judges and method. Run 1 is the shared keys (`data`, `bench`, `judge`, `method`).
pub mod diff {
    pub const DATA2: &str = "data2";
    pub const JUDGE2: &str = "judge2";
    pub const BENCH2: &str = "bench2";
    pub const METHOD2: &str = "method2";
    /// The model whose per-prompt changes are listed.
    pub const MODEL: &str = "dmodel";
    /// How many of its changed prompts are listed.
    pub const SHOW: &str = "dshow";
}

/// Every key, for the uniqueness test and for tools that list them.
pub const ALL: &[&str] = &[
    DATA,
    BENCH,
    JUDGE,
    BASELINE,
    JUDGED,
    WEIGHT,
    FIRST,
    ROUNDS,
    SEED,
    LEVEL,
    UNIT,
    STYLE,
    GROUP,
    METHOD,
    COMPAT,
    SORT,
    ASC,
    FILTER,
    PROMPT_IDS,
    MIN_CRITERIA,
    CRITERION,
    SEARCH,
    PAGE,
    LB_GROUP,
    compare::A,
    compare::B,
    compare::PROMPT,
    compare::GAME,
    compare::JUDGE,
    compare::FIND,
    compare::CATEGORY,
    compare::CLUSTER,
    compare::OUTCOME,
    compare::DISAGREE,
    compare::UPSET,
    compare::PAGE,
    compare::TAB,
    compare::PAIRED_SORT,
    compare::IDS,
    compare::IDS_NAME,
    clusters::LABEL,
    clusters::MODEL,
    clusters::MODEL2,
    clusters::K,
    clusters::METHOD,
    clusters::ZOOM,
    clusters::SEL,
    clusters::SORT,
    clusters::MAP_COLOR,
    judges::X,
    judges::Y,
    judges::FAMILIES,
    judges::REFERENCE,
    judges::WHATIF_WEIGHT,
    judges::WHATIF_FIRST,
    judges::WHATIF_DROP,
    judges::WHATIF_BASELINE,
    diff::DATA2,
    diff::JUDGE2,
    diff::BENCH2,
    diff::METHOD2,
    diff::MODEL,
    diff::SHOW,
];

#[cfg(test)]
mod tests {
    use super::ALL;
    use std::collections::BTreeSet;

    #[test]
    fn every_key_is_unique() {
        let set: BTreeSet<&str> = ALL.iter().copied().collect();
        assert_eq!(set.len(), ALL.len(), "a URL key is declared twice");
    }
}
