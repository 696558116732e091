//! Pieces shared by pages and components: the identity-compared [`Shared`] memo value, the
//! [`SetView`] setter, number and text [`format`] helpers and the list [`pager`]. Components import
//! these (and the URL keys from the core), never a page. [`drop`] reads dropped files and folders.

pub mod drop;
pub mod format;
pub mod pager;
pub mod scope;
pub mod set_view;
pub mod shared;

pub use set_view::SetView;
pub use shared::Shared;
