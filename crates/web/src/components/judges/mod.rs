//! The judges page's pieces: one module per section or chart, each rendering what the core's
//! judges analysis ([`arena_lens_core::judges::analysis`]) computed.

pub mod consistency;
pub mod reference;
pub mod scatter;
pub mod slope;
pub mod whatif;
