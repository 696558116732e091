//! One page per route.

pub mod clusters;
pub mod compare;
pub mod diff;
pub mod judges;
pub mod leaderboard;
