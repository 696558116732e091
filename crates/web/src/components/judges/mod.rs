//! The judges page's pieces: one module per section or chart, each rendering what the core's
//! judges analysis ([`arena_lens_core::judges::analysis`]) computed. The page lays the sections
//! out with their headings and definitions.

pub mod bootstrap;
pub mod consistency;
pub mod ensemble;
pub mod format;
pub mod pair;
pub mod quality;
pub mod reference;
pub mod scatter;
pub mod self_preference;
pub mod slope;
pub mod style;
pub mod whatif;
