//! The page's URL fragment, where share links carry their claims.

/// The fragment without `#`, if any.
pub fn read_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.trim_start_matches('#');
    (!fragment.is_empty()).then(|| fragment.to_string())
}

/// This page's address with `fragment` in place of its own.
pub fn link_with_fragment(fragment: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(format!("{base}#{fragment}"))
}

/// Removes the fragment without reloading or adding a history entry.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        let path = window.location().pathname().unwrap_or_default();
        let search = window.location().search().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    }
}
