//! The thin browser layer: the only code that touches the DOM, localStorage, fetch and the clock.
//!
//! Invariants:
//! - Functions here translate between browser objects and core types and decide nothing else;
//!   every rule (snapping, anchoring, formats) lives in [`crate::core`].
//! - Nothing here panics on a browser failure: every fallible call returns a `Result` or
//!   `Option` that the UI turns into a message.
//! - Only effects and event handlers call into this module, so components still render
//!   without a browser.

pub mod after_paint;
#[cfg(app_pages)]
pub mod article_fetching;
pub mod article_loading;
pub mod article_surface;
pub mod claims_ledger;
pub mod clock_and_ids;
pub mod dom_text_position;
pub mod downloads;
pub mod event_origin;
pub mod export_reminder_store;
pub mod file_reading;
pub mod focus_return;
pub mod highlight_painter;
pub mod host_events;
#[cfg(app_pages)]
pub mod html_document;
pub mod indexed_db;
pub mod language_tables;
pub mod local_store;
pub mod location_fragment;
pub mod page_identity;
pub mod prerendered_copy;
pub mod reader_selection;
pub mod scrolling;
pub mod shadow_host;
pub mod started_requests;
pub mod storage_estimate;
pub mod web_api_bindings;
pub mod widget_stylesheet;
