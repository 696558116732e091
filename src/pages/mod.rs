//! One page per route.

pub mod compare;
pub mod leaderboard;
