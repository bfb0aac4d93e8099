//! Yew components: they render state and send actions, nothing more.
//!
//! Invariants:
//! - Annotation state changes only through [`annotation_store::AnnotationStore`], the thin
//!   `Reducible` around the core's reducer; children get data and `on_<verb>` callbacks.
//! - Browser APIs are called only from effects and event handlers (through [`crate::browser`]),
//!   so every component renders without a browser.
//! - Every class name starts with `ca-` and all CSS lives in one `<style>` inside the widget,
//!   scoped under `.ca-root`: the widget adds no global CSS and no global state, so a page may
//!   hold several instances.

pub mod annotation_editor;
pub mod annotation_store;
pub mod annotator;
pub mod article_view;
pub mod claims_panel;
pub mod focus_on_open;
pub mod notices;
pub mod persistence;
pub mod popover_position;
pub mod settled_selection;
pub mod shared;
pub mod shared_view;
pub mod styles;
pub mod tag_picker;
pub mod transfer_actions;
pub mod undo_shortcuts;
pub mod widget;
