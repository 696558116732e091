//! Charts for arena-lens, each a function generic over the plotters drawing backend: the app draws
//! them on a canvas, and native tests draw them into an SVG string and read it back.

pub mod forest;

pub use forest::{draw_forest, ForestRow, ForestSpec};
