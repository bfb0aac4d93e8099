//! The library's texts in IndexedDB: one database, `claim-annotator`, with one object store,
//! `articles`, whose keys are article keys and whose values are strings (the stored form
//! `core::library` writes). The claims stay in localStorage ([`super::local_store`]).
//!
//! IndexedDB requests are not promises: each wait hands a `Promise`'s own `resolve` and
//! `reject` functions to the request's (or transaction's) event handlers and awaits it with
//! [`JsFuture`], so no Rust closure is left behind for events that never come.
//!
//! Invariants:
//! - Nothing here panics on a browser failure: a missing or blocked IndexedDB, a full disk, a
//!   closed connection and any other error come back as a [`DbProblem`].
//! - A write has happened only when its transaction completed: `put`, `delete` and `clear`
//!   return `Ok` after the transaction's `complete` event, never after the request alone
//!   (a full disk is reported when the transaction aborts).
//! - A failed write changed nothing: each is one transaction, which aborts as a whole.
//! - This connection never blocks a newer version in another tab: on `versionchange` it closes,
//!   and later calls report [`DbProblem::Unavailable`].
//! - Every promise made here is awaited, also when an earlier one failed: a rejection nobody
//!   awaits is an uncaught error on the page (an `Event`, since the handlers reject with the
//!   event). Regression: `all` returned on its first failed request, so when the site's data
//!   was cleared under an open library, the second request's rejection was left unseen (a
//!   clean-clone CI run, stop 20: "Export everything, clear the site's storage…" saw
//!   `pageErrors` `['Event']`).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction};

use crate::core::locale::Locale;

pub const DATABASE_NAME: &str = "claim-annotator";
pub const STORE_NAME: &str = "articles";
const DATABASE_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbProblem {
    /// IndexedDB cannot be used: missing, refused (private mode, sandboxed frame), blocked by
    /// another tab, or the database belongs to a newer version of Claim Annotator.
    Unavailable(String),
    /// The browser refused a write because the site's storage is full.
    Full,
    /// Any other failure, with the browser's message.
    Failed(String),
}

impl DbProblem {
    /// What the reader is told; it always says where their work is now.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            DbProblem::Unavailable(detail) => {
                locale.fill(&text.library_unavailable, &[("detail", detail)])
            }
            DbProblem::Full => text.library_full.clone(),
            DbProblem::Failed(detail) => locale.fill(&text.library_failed, &[("detail", detail)]),
        }
    }
}

/// An open connection to the library's database; closed when dropped.
pub struct LibraryDb {
    database: IdbDatabase,
    /// Closes the connection when another tab asks for a newer version.
    _on_version_change: Closure<dyn FnMut()>,
}

impl Drop for LibraryDb {
    fn drop(&mut self) {
        self.database.set_onversionchange(None);
        self.database.close();
    }
}

/// Opens (and on first use creates) the database.
pub async fn open() -> Result<LibraryDb, DbProblem> {
    let factory = web_sys::window()
        .ok_or_else(|| DbProblem::Unavailable("there is no window".into()))?
        .indexed_db()
        .map_err(|error| DbProblem::Unavailable(error_text(&error)))?
        .ok_or_else(|| DbProblem::Unavailable("IndexedDB is not available".into()))?;
    let request = factory
        .open_with_u32(DATABASE_NAME, DATABASE_VERSION)
        .map_err(|error| classify(&error, true))?;
    // After giving up on a blocked open, an upgrade that happens later is undone (closing the
    // connection aborts it), so no connection is left open for nobody.
    let gave_up = Rc::new(Cell::new(false));
    let upgrade = {
        let (request, gave_up) = (request.clone(), gave_up.clone());
        Closure::<dyn FnMut()>::new(move || create_store(&request, gave_up.get()))
    };
    let (promise, resolve, reject) = promise_with_functions()?;
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    request.set_onsuccess(Some(&resolve));
    request.set_onerror(Some(&reject));
    request.set_onblocked(Some(&reject));
    let outcome = JsFuture::from(promise).await;
    if let Err(event) = &outcome {
        if event_type(event).as_deref() == Some("blocked") {
            gave_up.set(true);
            upgrade.forget();
            return Err(DbProblem::Unavailable(
                "another tab is holding the library open; close the other tabs of this page and try again".into(),
            ));
        }
    }
    request.set_onupgradeneeded(None);
    drop(upgrade);
    if outcome.is_err() {
        return Err(request_error(&request, true));
    }
    let database: IdbDatabase = request
        .result()
        .ok()
        .and_then(|result| result.dyn_into().ok())
        .ok_or_else(|| DbProblem::Failed("the database did not open".into()))?;
    let on_version_change = {
        let database = database.clone();
        Closure::<dyn FnMut()>::new(move || database.close())
    };
    database.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    Ok(LibraryDb {
        database,
        _on_version_change: on_version_change,
    })
}

impl LibraryDb {
    /// Writes `value` under `key`, replacing what was there.
    pub async fn put(&self, key: &str, value: &str) -> Result<(), DbProblem> {
        self.write(|store| store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)))
            .await
    }

    /// The value under `key`; `None` when there is none.
    pub async fn get(&self, key: &str) -> Result<Option<String>, DbProblem> {
        let (_, store) = self.store(false)?;
        let request = store
            .get(&JsValue::from_str(key))
            .map_err(|error| classify(&error, false))?;
        let settled = request_promise(&request)?;
        let value = request_result(&request, settled).await?;
        if value.is_undefined() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| DbProblem::Failed("a stored value is not text".into()))
    }

    pub async fn delete(&self, key: &str) -> Result<(), DbProblem> {
        self.write(|store| store.delete(&JsValue::from_str(key)))
            .await
    }

    /// Every key and value, in key order. Entries that are not text (written by something
    /// else) are left out.
    pub async fn all(&self) -> Result<Vec<(String, String)>, DbProblem> {
        let (_, store) = self.store(false)?;
        let keys = store
            .get_all_keys()
            .map_err(|error| classify(&error, false))?;
        let values = store.get_all().map_err(|error| classify(&error, false))?;
        // Both requests listen before either is awaited, so neither event can be missed; and
        // both are awaited before either result is looked at (see the module's header).
        let (keys_settled, values_settled) = (request_promise(&keys)?, request_promise(&values)?);
        let keys = request_result(&keys, keys_settled).await;
        let values = request_result(&values, values_settled).await;
        let (keys, values): (js_sys::Array, js_sys::Array) =
            (keys?.unchecked_into(), values?.unchecked_into());
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(key, value)| Some((key.as_string()?, value.as_string()?)))
            .collect())
    }

    /// Removes every article from the library (their claims in localStorage stay).
    pub async fn clear(&self) -> Result<(), DbProblem> {
        self.write(IdbObjectStore::clear).await
    }

    fn store(&self, writing: bool) -> Result<(IdbTransaction, IdbObjectStore), DbProblem> {
        let mode = if writing {
            web_sys::IdbTransactionMode::Readwrite
        } else {
            web_sys::IdbTransactionMode::Readonly
        };
        let transaction = self
            .database
            .transaction_with_str_and_mode(STORE_NAME, mode)
            .map_err(|error| classify(&error, false))?;
        let store = transaction
            .object_store(STORE_NAME)
            .map_err(|error| classify(&error, false))?;
        Ok((transaction, store))
    }

    /// Runs one write in its own transaction and waits until the transaction completed.
    async fn write(
        &self,
        request: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
    ) -> Result<(), DbProblem> {
        let (transaction, store) = self.store(true)?;
        let (promise, resolve, reject) = promise_with_functions()?;
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
        let request = match request(&store) {
            Ok(request) => request,
            Err(error) => {
                // The abort rejects the promise: awaited, so the rejection is not left unseen.
                let _ = transaction.abort();
                let _ = JsFuture::from(promise).await;
                return Err(classify(&error, false));
            }
        };
        if JsFuture::from(promise).await.is_ok() {
            return Ok(());
        }
        Err(match transaction.error() {
            Some(error) => classify(&error, false),
            None => request_error(&request, false),
        })
    }
}

/// Creates the store in the version-1 upgrade; or, when [`open`] already gave up, closes the
/// connection so the upgrade is undone.
fn create_store(request: &IdbOpenDbRequest, gave_up: bool) {
    let Some(database) = request
        .result()
        .ok()
        .and_then(|result| result.dyn_into::<IdbDatabase>().ok())
    else {
        return;
    };
    if gave_up {
        database.close();
    } else if !database.object_store_names().contains(STORE_NAME) {
        // A failure here aborts the upgrade, and `open` reports the error event that follows.
        let _ = database.create_object_store(STORE_NAME);
    }
}

/// A promise and the functions that settle it, to be used as event handlers. (The `Promise`
/// constructor calls its executor at once, so the functions are always there.)
fn promise_with_functions(
) -> Result<(js_sys::Promise, js_sys::Function, js_sys::Function), DbProblem> {
    let mut functions = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| functions = Some((resolve, reject)));
    let (resolve, reject) =
        functions.ok_or_else(|| DbProblem::Failed("a promise could not be made".into()))?;
    Ok((promise, resolve, reject))
}

/// A promise that settles with the request's `success` or `error` event.
fn request_promise(request: &IdbRequest) -> Result<js_sys::Promise, DbProblem> {
    let (promise, resolve, reject) = promise_with_functions()?;
    request.set_onsuccess(Some(&resolve));
    request.set_onerror(Some(&reject));
    Ok(promise)
}

async fn request_result(
    request: &IdbRequest,
    settled: js_sys::Promise,
) -> Result<JsValue, DbProblem> {
    if JsFuture::from(settled).await.is_err() {
        return Err(request_error(request, false));
    }
    request.result().map_err(|error| classify(&error, false))
}

fn request_error(request: &IdbRequest, opening: bool) -> DbProblem {
    match request.error() {
        Ok(Some(error)) => classify(&error, opening),
        Ok(None) => DbProblem::Failed("the request failed without saying why".into()),
        Err(error) => classify(&error, opening),
    }
}

fn event_type(value: &JsValue) -> Option<String> {
    value.dyn_ref::<web_sys::Event>().map(|event| event.type_())
}

/// `opening`: while opening, an unknown or invalid-state error means IndexedDB is unusable here
/// (Firefox's private mode, a profile without a disk), not that one operation failed.
fn classify(error: &JsValue, opening: bool) -> DbProblem {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        match exception.name().as_str() {
            // Old engines report a full store only by the legacy code 22.
            "QuotaExceededError" => return DbProblem::Full,
            _ if exception.code() == 22 => return DbProblem::Full,
            "SecurityError" => return DbProblem::Unavailable(error_text(error)),
            "VersionError" => {
                return DbProblem::Unavailable(
                    "the library was saved by a newer version of Claim Annotator; reload the page"
                        .into(),
                )
            }
            // The connection was closed (another tab upgraded the database, or the browser
            // cleared the site's data).
            "InvalidStateError" => return DbProblem::Unavailable(error_text(error)),
            "UnknownError" | "AbortError" if opening => {
                return DbProblem::Unavailable(error_text(error))
            }
            _ => {}
        }
    }
    DbProblem::Failed(error_text(error))
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
