//! Properties of the URL format (`view_state`): any query parses without panicking, printing then
//! parsing gives the same state back (odd names included), and every value alias opens the same view
//! as its canonical name.

use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::criteria::Criterion;
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::method::Method;
use arena_lens_core::style::StyleMode;
use arena_lens_core::subset::PromptSubset;
use arena_lens_core::view_state::aliases::{self, Domain, GROUP_BYS, UNITS};
use arena_lens_core::view_state::{keys, parse_query, SortKey, ViewState, MAX_ROUNDS};
use proptest::prelude::*;

/// Strings that stress the encoding: the query's own delimiters, escapes, `+`, spaces and non-ASCII.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "[a-z&=%+ ?#,;/é모🙂]{0,12}",
        "(%[0-9A-Fa-f]{0,2}|%|\\+|&|=| |[a-z]){0,8}",
    ]
}

fn name() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(odd_string().prop_filter("a name is not empty", |s| !s.is_empty()))
}

/// A judge name: the list is comma-separated, so a name cannot hold a comma (judge files never do).
fn judge() -> impl Strategy<Value = String> {
    odd_string().prop_filter("non-empty, no comma", |s| !s.is_empty() && !s.contains(','))
}

/// A page's own key: any string that is not one of `ViewState`'s fields, with a value under its
/// canonical spelling (aliases are printed canonically, so they are tested separately below).
fn extra() -> impl Strategy<Value = (String, String)> {
    let key = prop_oneof![
        proptest::sample::select(keys::ALL.to_vec()).prop_map(str::to_string),
        odd_string(),
    ];
    (key, odd_string()).prop_filter("a page key with a canonical value", |(k, v)| {
        !ViewState::default().apply(k, v) && aliases::canonical(k, v) == v
    })
}

prop_compose! {
    /// A prompt subset as a link carries it (listed ids travel encoded, never plain).
    fn subset()(
        encoded in name(),
        min_criteria in proptest::option::of(0u8..=7),
        criterion in proptest::option::of(proptest::sample::select(Criterion::ALL.to_vec())),
        search in proptest::option::of(odd_string().prop_filter("not blank", |s| !s.trim().is_empty())),
    ) -> PromptSubset {
        PromptSubset { ids: Vec::new(), encoded, min_criteria, criterion, search }
    }
}

prop_compose! {
    fn valid_state()(
        (data, bench, baseline, judged_baseline) in (name(), name(), name(), name()),
        judges in proptest::collection::vec(judge(), 0..4),
        weight in 1u32..=100,
        first_game_only in any::<bool>(),
        rounds in 0..=MAX_ROUNDS,
        seed in any::<u64>(),
        level in (0.0f64..1.0).prop_filter("in (0, 1)", |l| *l > 0.0),
        unit in proptest::sample::select(UNITS.to_vec()),
        style in proptest::sample::select(vec![StyleMode::Off, StyleMode::Full, StyleMode::Length, StyleMode::Markdown]),
        group_by in proptest::option::of(proptest::sample::select(GROUP_BYS.to_vec())),
        method in proptest::option::of(proptest::sample::select(Method::ALL.to_vec())),
        asc in any::<bool>(),
        sort in proptest::sample::select(SortKey::ALL.to_vec()),
        filter in odd_string(),
        subset in subset(),
        extra in proptest::collection::vec(extra(), 0..4),
    ) -> ViewState {
        ViewState {
            data, bench, judges, baseline, judged_baseline, weight, first_game_only, rounds, seed,
            level, unit, style, group_by, method, sort, asc, filter, subset, extra,
        }
    }
}

/// Raw queries built from real keys and hostile values, not encoded: closer to what breaks a parser
/// than uniformly random text.
fn raw_query() -> impl Strategy<Value = String> {
    let pair = (
        prop_oneof![
            proptest::sample::select(keys::ALL.to_vec()).prop_map(str::to_string),
            odd_string()
        ],
        prop_oneof![
            odd_string(),
            "-?[0-9]{1,25}(\\.[0-9]{0,5})?",
            Just("NaN".to_string()),
            Just("inf".to_string())
        ],
    )
        .prop_map(|(k, v)| format!("{k}={v}"));
    prop_oneof![
        ".*",
        proptest::collection::vec(pair, 0..10).prop_map(|p| format!("?{}", p.join("&"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Parsing never panics, and what it yields is a fixed point: printed and parsed again, it is the
    /// same state (so a link copied from the site opens what the reader saw).
    #[test]
    fn any_query_parses_to_a_state_that_round_trips(q in raw_query()) {
        let s = parse_query(&q);
        prop_assert!(s.weight >= 1 && s.weight <= 100);
        prop_assert!(s.rounds <= MAX_ROUNDS);
        prop_assert!(s.level > 0.0 && s.level < 1.0);
        prop_assert_eq!(parse_query(&s.to_query()), s);
    }

    #[test]
    fn printing_then_parsing_round_trips(s in valid_state()) {
        let q = s.to_query();
        prop_assert_eq!(parse_query(&q), s.clone());
        prop_assert_eq!(parse_query(&format!("?{q}")), s);
    }

    /// Every alias of every key that has aliases opens the same state as the canonical name, and is
    /// printed under the canonical name.
    #[test]
    fn every_alias_parses_as_its_canonical_name(s in valid_state()) {
        let base = s.to_query();
        for key in [keys::GROUP, keys::UNIT, keys::clusters::LABEL, keys::clusters::METHOD] {
            let domain = Domain::of_key(key).expect("an aliased key has a domain");
            for (alias, canonical) in domain.aliases() {
                let with = |v: &str| parse_query(&format!("{base}&{key}={v}"));
                let (a, c) = (with(alias), with(canonical));
                prop_assert_eq!(&a, &c);
                prop_assert_eq!(a.to_query(), c.to_query());
            }
        }
    }
}

/// Reference values: the README's and the e2e fixtures' spellings, read the same as before.
#[test]
fn old_spellings_open_the_same_view() {
    let s = parse_query(
        "?judge=judge-atlas,judge-sage&group=ko_cluster&g=x&compat=1&cjudge=j&jx=a&jy=b",
    );
    assert_eq!(s.judges, vec!["judge-atlas", "judge-sage"]);
    assert_eq!(s.group_by, Some(GroupBy::KoCluster));
    assert_eq!(
        s.method,
        Some(Method::ShowResultV01),
        "compat=1 is show-result-v0.1"
    );
    assert_eq!(
        parse_query("method=v2.0").method,
        Some(Method::ArenaHardV20)
    );
    assert!(s.to_query().contains("method=show-result-v0.1") && !s.to_query().contains("compat"));
    assert_eq!(s.extra(keys::LB_GROUP), Some("x"));
    assert_eq!(s.extra(keys::compare::JUDGE), Some("j"));
    assert_eq!(s.extra(keys::judges::X), Some("a"));
    assert_eq!(s.extra(keys::judges::Y), Some("b"));
    assert_eq!(parse_query("unit=prompt").unit, BootstrapUnit::Prompt);
}
