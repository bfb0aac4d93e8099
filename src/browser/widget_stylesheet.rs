//! The widget's CSS, as constructed stylesheets: one adopted by each widget's shadow root, and a
//! small one adopted by the document for the `::highlight()` rules that paint a story in place.
//!
//! Constructed stylesheets and CSSOM properties are what a strict Content-Security-Policy
//! (`style-src 'self'`, no `'unsafe-inline'`) allows: the widget never inserts a `<style>`
//! element and never sets a `style` attribute through markup.
//!
//! Invariants:
//! - The document-level sheet holds only `::highlight(ca-…)` rules: it can paint our highlights
//!   and nothing else, so the host's computed styles are the same with and without the widget.
//! - Each sheet is built once per page and shared by every widget on it; adopting keeps the
//!   sheets the host adopted itself.
//! - Every sheet's text is a `&'static str` of the widget's own: nothing from outside is ever
//!   parsed as CSS.

use std::cell::OnceCell;

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

use crate::ui::styles::{HIGHLIGHT_STYLES, WIDGET_STYLES};

thread_local! {
    static WIDGET_SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
    static HIGHLIGHT_SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Adopts the widget's stylesheet into `root`.
pub fn adopt_widget_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = WIDGET_SHEET.with(|cell| cell.get_or_init(|| sheet_from(WIDGET_STYLES)).clone());
    let sheet =
        sheet.ok_or_else(|| JsValue::from_str("constructed stylesheets are not supported"))?;
    let adopted = root.adopted_style_sheets();
    if !adopted.includes(&sheet, 0) {
        adopted.push(&sheet);
        root.set_adopted_style_sheets(&adopted);
    }
    Ok(())
}

/// Adopts the `::highlight()` rules into the document, once per page.
pub fn adopt_highlight_styles(document: &Document) {
    let sheet =
        HIGHLIGHT_SHEET.with(|cell| cell.get_or_init(|| sheet_from(HIGHLIGHT_STYLES)).clone());
    let Some(sheet) = sheet else {
        return;
    };
    let adopted = document.adopted_style_sheets();
    if !adopted.includes(&sheet, 0) {
        adopted.push(&sheet);
        document.set_adopted_style_sheets(&adopted);
    }
}

fn sheet_from(text: &str) -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(text).ok()?;
    Some(sheet)
}
