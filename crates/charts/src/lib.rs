//! Charts for arena-lens, each a function generic over the plotters drawing backend: the app draws
//! them on a canvas, and native tests draw them into an SVG string and read it back.

pub mod forest;
pub mod label;
pub mod palette;
pub mod prompt_map;
pub mod scatter;
pub mod slope;

pub use forest::{draw_forest, ForestRow, ForestSpec};
pub use label::short;
pub use prompt_map::{draw_prompt_map, MapPoint, MapSpec};
pub use scatter::{draw_scatter, ScatterPoint, ScatterSpec};
pub use slope::{draw_slope, SlopeLine, SlopeSpec};
