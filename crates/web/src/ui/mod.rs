//! Pieces shared by pages and components: the identity-compared [`Shared`] memo value and the
//! [`SetView`] setter. Components import these (and the URL keys from the core), never a page.

pub mod set_view;
pub mod shared;

pub use set_view::SetView;
pub use shared::Shared;
