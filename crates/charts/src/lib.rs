//! Charts for arena-lens, each a function generic over the plotters drawing backend: the app draws
//! them on a canvas, and native tests draw them into an SVG string and read it back.

pub mod dendrogram;
pub mod dumbbell;
pub mod forest;
pub mod heatmap;
pub mod label;
pub mod map_view;
pub mod palette;
pub mod prompt_map;
pub mod scatter;
pub mod slope;
mod ticks;
pub mod treemap;

pub use dendrogram::{draw_dendrogram, DendrogramData, DendrogramSpec};
pub use dumbbell::{draw_dumbbell, dumbbell_height, DumbbellRow, DumbbellSpec};
pub use forest::{draw_forest, ForestRow, ForestSpec};
pub use heatmap::{draw_heatmap, heatmap_height, HeatCell, HeatmapData, HeatmapSpec};
pub use label::short;
pub use prompt_map::{draw_prompt_map, MapPoint, MapSpec};
pub use scatter::{draw_scatter, ScatterPoint, ScatterSpec};
pub use slope::{draw_slope, SlopeLine, SlopeSpec};
pub use treemap::{draw_treemap, Frame, TreemapData, TreemapSpec, TreemapTile};
