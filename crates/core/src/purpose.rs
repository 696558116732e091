//! [`Purpose`]: which view a computation serves (a leaderboard, two models compared, topic clusters,
//! the judges' analyses). It decides two things, each in one place: how the scope fills choices left
//! open ([`crate::scope`]), and how many bootstrap rounds a link may ask for ([`Purpose::max_rounds`]).

/// What a computation is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Purpose {
    /// A leaderboard or its battles: the named judges pooled; none named: the only judge (several:
    /// see [`crate::scope::Several`]). A judged baseline that cannot be told is an error: battles
    /// need it. One Bradley-Terry fit per bootstrap round over count cells (cheap: O(cells)).
    #[default]
    Leaderboard,
    /// Two models prompt by prompt under one judge: the tab, else the first named judge, else the
    /// first judge by name. Without a judged baseline, games are read by position (with a note). Its
    /// bootstrap is the paired difference of two models' prompt scores.
    Compare,
    /// Win rates per group of prompts under one judge, chosen as for [`Purpose::Compare`]. A bench
    /// with prompts but no verdicts will do: its topics can still be computed. One interval per group
    /// and model, recomputed on every control change.
    Clusters,
    /// Judge-by-judge analyses: every judge, or the named ones. A judged baseline that cannot be
    /// told is an error, as for a leaderboard. One leaderboard per judge and per confidence level,
    /// all on one page.
    Judges,
}

impl Purpose {
    /// The view shows one judge at a time.
    pub fn one_judge(self) -> bool {
        matches!(self, Purpose::Compare | Purpose::Clusters)
    }

    /// The table of caps: most bootstrap rounds each purpose runs in the site (the CLI does not
    /// cap), since each analysis costs a different amount per round. The leaderboard's is the
    /// largest, and is also what a link may carry at all ([`crate::view_state::MAX_ROUNDS`]).
    pub const fn max_rounds(self) -> u32 {
        match self {
            Purpose::Leaderboard => 10_000,
            Purpose::Compare => 2_000,
            Purpose::Clusters => 1_000,
            Purpose::Judges => 200,
        }
    }

    /// `rounds`, capped for this purpose.
    pub fn cap(self, rounds: u32) -> u32 {
        rounds.min(self.max_rounds())
    }
}
