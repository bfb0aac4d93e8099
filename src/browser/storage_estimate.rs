//! How much of the browser's storage this site uses, and whether it is kept from eviction
//! (`navigator.storage`: `estimate()`, `persist()`, `persisted()`).
//!
//! Invariant: every function gives `None` when the browser lacks the API (older browsers, and
//! pages not served over HTTPS or from localhost, where `navigator.storage` is missing) or
//! refuses; nothing here panics or throws.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

/// `(usage, quota)` in bytes, as the browser estimates them for this site (IndexedDB,
/// localStorage where counted, caches).
pub async fn storage_estimate() -> Option<(u64, u64)> {
    let estimate = JsFuture::from(storage_manager()?.estimate().ok()?)
        .await
        .ok()?;
    let field = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()?
            .as_f64()
            .filter(|bytes| *bytes >= 0.0)
            // Byte counts are whole numbers; `as` saturates, so nothing can wrap.
            .map(|bytes| bytes as u64)
    };
    Some((field("usage")?, field("quota")?))
}

/// Asks the browser to keep this site's storage when space runs low; `Some(true)` when it
/// will. Chromium decides without asking the reader; Firefox may show a prompt.
pub async fn persist() -> Option<bool> {
    let answer = JsFuture::from(storage_manager()?.persist().ok()?)
        .await
        .ok()?;
    answer.as_bool()
}

/// Whether the browser already keeps this site's storage when space runs low.
pub async fn persisted() -> Option<bool> {
    let answer = JsFuture::from(storage_manager()?.persisted().ok()?)
        .await
        .ok()?;
    answer.as_bool()
}

/// `navigator.storage`, read without assuming it is there.
fn storage_manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    storage.dyn_into::<StorageManager>().ok()
}
