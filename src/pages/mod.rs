//! One page per route.

pub mod leaderboard;
