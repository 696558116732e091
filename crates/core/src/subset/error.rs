//! Why a prompt subset cannot be resolved against a bench. Texts are neutral (no flag, no control).

/// A subset that selects nothing usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubsetError {
    /// A criteria condition on data without criteria tags.
    NoCriteria,
    /// A minimum criteria score above 7.
    MinCriteria(u8),
    /// None of the listed ids is a prompt of the data.
    NoListedId { listed: usize },
    /// An encoded selection that cannot be read.
    Malformed,
    /// An encoded selection made on other data (its fingerprint differs).
    OtherData,
    /// No prompt meets the conditions (described).
    Empty(String),
    /// The data has scores tables only: nothing per prompt to narrow.
    ScoresOnly,
}

impl std::fmt::Display for SubsetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SubsetError::NoCriteria => f.write_str(
                "this data carries no criteria tags (Chatbot Arena's category_tag.criteria_v0.1), so prompts cannot be chosen by quality",
            ),
            SubsetError::MinCriteria(m) => {
                write!(f, "a criteria score is 0 to 7; {m} selects nothing")
            }
            SubsetError::NoListedId { listed } => {
                write!(f, "none of the {listed} listed prompt ids is in this data")
            }
            SubsetError::Malformed => f.write_str("the prompt selection in the link cannot be read"),
            SubsetError::OtherData => f.write_str(
                "the prompt selection in the link was made on other data (its prompts differ)",
            ),
            SubsetError::Empty(what) => write!(f, "no prompt of this data is in {what}"),
            SubsetError::ScoresOnly => f.write_str(
                "this data has published scores only, with no verdicts per prompt to choose from",
            ),
        }
    }
}

impl std::error::Error for SubsetError {}
