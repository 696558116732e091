//! [`SortKey`]: the leaderboard table's sort column, as the URL's `sort` spells it.

/// Table sort columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Score,
    Model,
    Rank,
    Width,
    Battles,
    Tokens,
}

impl SortKey {
    /// Every column, in the table's order.
    pub const ALL: [SortKey; 6] = [
        SortKey::Score,
        SortKey::Model,
        SortKey::Rank,
        SortKey::Width,
        SortKey::Battles,
        SortKey::Tokens,
    ];

    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Score => "score",
            SortKey::Model => "model",
            SortKey::Rank => "rank",
            SortKey::Width => "width",
            SortKey::Battles => "battles",
            SortKey::Tokens => "tokens",
        }
    }
}
