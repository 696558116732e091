//! Components shared by pages.

pub mod broad_topics;
pub mod canvas;
pub mod cluster_dendrogram;
pub mod cluster_heatmap;
pub mod cluster_quality;
pub mod cluster_table;
pub mod cluster_treemap;
pub mod compare;
pub mod compute_progress;
pub mod controls;
pub mod data_picker;
pub mod diff;
pub mod export_menu;
pub mod forest_chart;
pub mod judges;
pub mod leaderboard_table;
pub mod load_report;
pub mod load_status;
pub mod map_canvas;
pub mod map_selection;
pub mod markdown;
pub mod method_picker;
pub mod nothing_to_score;
pub mod prompt_map;
pub mod prompt_subset;
pub mod share_link;
