//! localStorage access that reports every failure instead of throwing.
//!
//! localStorage can be missing (SecurityError in sandboxed iframes and some privacy modes),
//! full (QuotaExceededError), or replaced by something that throws. Each case becomes a
//! [`StorageProblem`] the UI can explain; nothing here panics.
//!
//! A value can also stay a JavaScript string ([`read_text`], [`write_text`]), so a save can
//! compare what storage holds with what it wrote without copying either into the wasm.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use web_sys::Storage;

use crate::core::locale::Locale;

#[wasm_bindgen]
extern "C" {
    /// A `Storage` whose `getItem` and `setItem` take and give the value as a JavaScript
    /// string. web-sys's copy it into or out of the wasm on every call: with a thousand claims
    /// (230,000 characters) the copy in was about 1 ms of a 5 ms save, only to find the value
    /// unchanged. Every read and write here goes through these two.
    type TextStorage;

    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &TextStorage, key: &str) -> Result<Option<JsString>, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &TextStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

/// `getItem` of `key` in `area` (localStorage or sessionStorage).
fn get(area: &Storage, key: &str) -> Result<Option<JsString>, StorageProblem> {
    area.unchecked_ref::<TextStorage>()
        .get_item(key)
        .map_err(classify)
}

/// `setItem` of `key` in `area`.
fn set(area: &Storage, key: &str, value: &JsString) -> Result<(), StorageProblem> {
    area.unchecked_ref::<TextStorage>()
        .set_item(key, value)
        .map_err(classify)
}

/// Every key this widget writes starts with this, so a host page can see (and clear) ours.
pub const STORAGE_KEY_PREFIX: &str = "claim-annotator:";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// localStorage cannot be used at all on this page.
    Blocked(String),
    /// The browser refused a write because the site's storage is full.
    Full,
    /// Any other failure, with the browser's message.
    Failed(String),
}

impl StorageProblem {
    /// What the reader is told; it always says where their work is now.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            StorageProblem::Blocked(detail) => {
                locale.fill(&text.storage_blocked, &[("detail", detail)])
            }
            StorageProblem::Full => text.storage_full.clone(),
            StorageProblem::Failed(detail) => {
                locale.fill(&text.storage_failed, &[("detail", detail)])
            }
        }
    }
}

pub fn annotations_key(article_key: &str) -> String {
    format!("{STORAGE_KEY_PREFIX}annotations:{article_key}")
}

pub fn backup_key(article_key: &str, now_ms: i64) -> String {
    format!("{STORAGE_KEY_PREFIX}backup:{article_key}:{now_ms}")
}

pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    Ok(read_text(key)?.map(String::from))
}

pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    write_text(key, &value.into())
}

/// The value of `key` left in JavaScript, so it can be compared with one written before
/// (`==` is JavaScript's `===`) without copying it into the wasm.
pub fn read_text(key: &str) -> Result<Option<JsString>, StorageProblem> {
    get(&local_storage()?, key)
}

pub fn write_text(key: &str, value: &JsString) -> Result<(), StorageProblem> {
    set(&local_storage()?, key, value)
}

/// Removes `key`; removing a key that is not there is fine.
pub fn remove(key: &str) -> Result<(), StorageProblem> {
    local_storage()?.remove_item(key).map_err(classify)
}

/// Every key of localStorage starting with `prefix`, with its value, in key order.
pub fn entries_with_prefix(prefix: &str) -> Result<Vec<(String, String)>, StorageProblem> {
    let storage = local_storage()?;
    let length = storage.length().map_err(classify)?;
    let mut entries = Vec::new();
    for index in 0..length {
        let Some(key) = storage.key(index).map_err(classify)? else {
            continue;
        };
        if key.starts_with(prefix) {
            if let Some(value) = get(&storage, &key)? {
                entries.push((key, value.into()));
            }
        }
    }
    entries.sort();
    Ok(entries)
}

/// sessionStorage: per tab, kept across a reload; for the undo history.
pub fn session_read(key: &str) -> Result<Option<String>, StorageProblem> {
    Ok(get(&session_storage()?, key)?.map(String::from))
}

pub fn session_write(key: &str, value: &str) -> Result<(), StorageProblem> {
    set(&session_storage()?, key, &value.into())
}

pub fn session_remove(key: &str) -> Result<(), StorageProblem> {
    session_storage()?.remove_item(key).map_err(classify)
}

pub fn history_key(article_key: &str) -> String {
    format!("{STORAGE_KEY_PREFIX}history:{article_key}")
}

fn session_storage() -> Result<Storage, StorageProblem> {
    storage_area("sessionStorage", web_sys::Window::session_storage)
}

fn local_storage() -> Result<Storage, StorageProblem> {
    storage_area("localStorage", web_sys::Window::local_storage)
}

/// Getting the storage object itself can throw (SecurityError) or give nothing.
fn storage_area(
    name: &str,
    get: fn(&web_sys::Window) -> Result<Option<Storage>, JsValue>,
) -> Result<Storage, StorageProblem> {
    let window = web_sys::window().ok_or_else(|| StorageProblem::Blocked("no window".into()))?;
    match get(&window) {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageProblem::Blocked(format!("{name} is not available"))),
        Err(error) => Err(StorageProblem::Blocked(error_text(&error))),
    }
}

fn classify(error: JsValue) -> StorageProblem {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        // Old engines report a full store only by the legacy code 22.
        if exception.name() == "QuotaExceededError" || exception.code() == 22 {
            return StorageProblem::Full;
        }
        if exception.name() == "SecurityError" {
            return StorageProblem::Blocked(exception.message());
        }
    }
    StorageProblem::Failed(error_text(&error))
}

fn error_text(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The event a widget dispatches on the window after it saved an article's annotations, so
/// another widget of the same article in the same tab (which gets no `storage` event) merges
/// them too. Its detail is the storage key.
pub const STORED_EVENT: &str = "claim-annotator:stored";

/// Tells the other widgets in this tab that `key` was just written.
pub fn announce_stored(key: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(key));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(STORED_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Removes everything this widget keeps in this browser's localStorage and sessionStorage (every
/// key starting with [`STORAGE_KEY_PREFIX`]): the reader's "remove my data". Returns how many
/// entries went.
pub fn remove_everything() -> Result<usize, StorageProblem> {
    let mut removed = 0;
    for storage in [local_storage()?, session_storage()?] {
        let length = storage.length().map_err(classify)?;
        let keys: Vec<String> = (0..length)
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with(STORAGE_KEY_PREFIX))
            .collect();
        for key in keys {
            storage.remove_item(&key).map_err(classify)?;
            removed += 1;
        }
    }
    Ok(removed)
}
