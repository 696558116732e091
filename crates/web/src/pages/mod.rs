//! One page per route.

pub mod clusters;
pub mod compare;
pub mod judges;
pub mod leaderboard;
