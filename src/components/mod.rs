//! Components shared by pages.

pub mod compare_parts;
pub mod controls;
pub mod data_picker;
pub mod forest_chart;
pub mod leaderboard_table;
pub mod load_report;
pub mod load_status;
pub mod markdown;
pub mod share_link;
