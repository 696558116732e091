//! [`SetView`]: what a component takes to change the URL state.

use arena_lens_core::view_state::ViewState;

/// Changes the URL state (from `use_set_view`).
pub trait SetView: Fn(&dyn Fn(&mut ViewState)) + Clone + Send + Sync + 'static {}
impl<T: Fn(&dyn Fn(&mut ViewState)) + Clone + Send + Sync + 'static> SetView for T {}
