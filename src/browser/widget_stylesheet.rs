//! The widget's CSS, as constructed stylesheets: one adopted by each widget's shadow root, and a
//! small one adopted by the document for the `::highlight()` rules that paint a story in place.
//!
//! Constructed stylesheets and CSSOM properties are what a strict Content-Security-Policy
//! (`style-src 'self'`, no `'unsafe-inline'`) allows: the widget never inserts a style
//! element and never sets a `style` attribute through markup.
//!
//! Invariants:
//! - The document-level sheet holds only `::highlight(ca-…)` rules: it can paint our highlights
//!   and nothing else, so the host's computed styles are the same with and without the widget.
//! - Each sheet is built once per page and shared by every widget on it; adopting keeps the
//!   sheets the host adopted itself.
//! - Every sheet's text is a `&'static str` of the widget's own: nothing from outside is ever
//!   parsed as CSS.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

use crate::ui::styles::{HIGHLIGHT_STYLES, WIDGET_STYLES};

thread_local! {
    /// Each stylesheet built so far, by the address of its text.
    static SHEETS: RefCell<Vec<(usize, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// Adopts the widget's stylesheet into `root`.
pub fn adopt_widget_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    adopt_stylesheet(root, WIDGET_STYLES)
}

/// Adopts the stylesheet of `text` into `root`, keeping what it already adopted.
pub fn adopt_stylesheet(root: &ShadowRoot, text: &'static str) -> Result<(), JsValue> {
    let sheet = sheet_for(text)
        .ok_or_else(|| JsValue::from_str("constructed stylesheets are not supported"))?;
    let adopted = root.adopted_style_sheets();
    if !adopted.includes(&sheet, 0) {
        adopted.push(&sheet);
        root.set_adopted_style_sheets(&adopted);
    }
    Ok(())
}

/// Adopts the `::highlight()` rules into the document, once per page.
pub fn adopt_highlight_styles(document: &Document) {
    let Some(sheet) = sheet_for(HIGHLIGHT_STYLES) else {
        return;
    };
    let adopted = document.adopted_style_sheets();
    if !adopted.includes(&sheet, 0) {
        adopted.push(&sheet);
        document.set_adopted_style_sheets(&adopted);
    }
}

/// The one sheet built from `text` on this page.
fn sheet_for(text: &'static str) -> Option<CssStyleSheet> {
    let address = text.as_ptr() as usize;
    let built = SHEETS.with(|sheets| {
        sheets
            .borrow()
            .iter()
            .find(|(known, _)| *known == address)
            .map(|(_, sheet)| sheet.clone())
    });
    if built.is_some() {
        return built;
    }
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(text).ok()?;
    SHEETS.with(|sheets| sheets.borrow_mut().push((address, sheet.clone())));
    Some(sheet)
}
