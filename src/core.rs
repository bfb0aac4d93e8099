//! The pure core: everything about articles and annotations that can be decided without a browser.
//!
//! Invariants:
//! - Nothing here imports yew, web-sys, js-sys, gloo or wasm-bindgen; `cargo test` exercises it natively.
//! - Every position is a count of Unicode code points into the article's source text
//!   ([`source_text::SourceText`]), as the W3C TextPositionSelector defines it. UTF-16 and byte
//!   offsets never leave the module that computes them.
//! - Time and randomness come in as arguments (milliseconds, ids), so every function is repeatable.

pub mod anchoring;
pub mod annotation;
pub mod annotation_changes;
pub mod annotation_state;
pub mod approximate_search;
pub mod article;
pub mod article_file;
#[cfg(app_pages)]
pub mod article_import;
pub mod article_key;
pub mod char_range;
pub mod claim_list_window;
#[cfg(app_pages)]
pub mod claim_scoring;
#[cfg(app_pages)]
pub mod class_results;
pub mod csv_export;
pub mod drawn_highlight;
pub mod durability;
#[cfg(app_pages)]
pub mod exercise;
pub mod history;
#[cfg(app_pages)]
pub mod html_article;
pub mod iso_time;
pub mod json;
pub mod json_syntax_error;
pub mod keyboard_cursor;
#[cfg(app_pages)]
pub mod library;
#[cfg(app_pages)]
pub mod library_listing;
#[cfg(app_pages)]
pub mod library_restore;
#[cfg(app_pages)]
pub mod library_state;
pub mod local_date;
pub mod locale;
#[cfg(app_pages)]
pub mod markdown_article;
pub mod merge;
pub mod messages;
pub mod name_suggestions;
pub mod number_format;
pub mod popover_position;
/// Read at build time by `examples/prerender.rs`; never part of a browser build.
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender_page;
pub mod reducer;
pub mod segments;
pub mod selector;
pub mod shape_problem;
pub mod share_link;
pub mod shared;
pub mod sorting;
pub mod source_text;
pub mod stored_format;
pub mod story_text;
pub mod tag;
pub mod text_normalization;
pub mod uuid;
pub mod view_state;
pub mod web_annotation_export;
pub mod web_annotation_import;
pub mod word_snap;
