//! Claim Annotator: tag claims in a news article as allegation, denial or demand.
//!
//! Three layers (see ARCHITECTURE.md): [`core`] is pure and knows nothing of the DOM; [`ui`] is
//! Yew components that render state and send actions; [`browser`] is the thin layer that talks
//! to the DOM, localStorage and the network. [`mount::mount`] is the one entry point for a
//! host page.

#[cfg(feature = "bench-support")]
pub mod bench_support;
pub mod browser;
pub mod core;
pub mod mount;
pub mod ui;
