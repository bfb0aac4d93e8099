//! Yew components: they render state and send actions, nothing more.
//!
//! Invariants:
//! - State changes only through [`store::use_store`], the one thin hook around the core's
//!   reducers (the annotations, and the view); children get data and `on_<verb>` callbacks.
//! - Yew's hooks that are generic over a component's types are called in one module each
//!   ([`effect_when_changed`], [`component_state`]), so the wasm holds one copy of each.
//! - Browser APIs are called only from effects and event handlers (through [`crate::browser`]),
//!   so every component renders without a browser.
//! - Every class name starts with `ca-` and all CSS is one constructed stylesheet adopted by the
//!   widget's shadow root ([`styles`]): no style element, no style attribute, no global
//!   state, so a page under a strict Content-Security-Policy may hold several instances.

pub mod annotation_editor;
pub mod annotator;
pub mod article_view;
pub mod claims_panel;
#[cfg(feature = "app")]
pub mod classroom;
pub mod component_state;
pub mod effect_when_changed;
pub mod file_choice;
pub mod focus_on_open;
#[cfg(test)]
mod generic_hook_calls;
pub mod keeping_claims;
pub mod key_help;
pub mod keyboard_selecting;
#[cfg(feature = "app")]
pub mod library;
pub mod locale;
pub mod notices;
pub mod persistence;
pub mod popover;
/// Rendered at build time only (`examples/prerender.rs`), never in a browser build.
#[cfg(not(target_arch = "wasm32"))]
pub mod prerendered_widget;
pub mod published_claims;
pub mod settled_selection;
pub mod shared_view;
pub mod store;
pub mod styles;
pub mod tag_picker;
pub mod transfer_actions;
pub mod undo_shortcuts;
pub mod widget;
