//! A second record of how many claims each article has, kept in the Cache Storage area
//! (`caches`, not localStorage), so that claims which vanished from localStorage while the tab
//! was away (the browser cleared it) can be noticed and the reader told (`core::durability`).
//!
//! Each article is one cache entry, `claim-annotator-ledger` / `<page>/.claim-annotator-ledger/<key>`,
//! whose body is the count as text. The entry is a key only: it is never fetched, and nothing
//! leaves the browser. The calls go through `js_sys::Reflect`, so the build carries no bindings
//! for the Cache API.
//!
//! Invariant: every failure (no `caches` on a page that is not secure, a refusal, a full disk)
//! reads as "nothing remembered" and writes as nothing; nothing here throws or panics.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const CACHE_NAME: &str = "claim-annotator-ledger";

/// How many claims this browser last saved for the article, if the ledger remembers.
pub async fn remembered_count(article_key: &str) -> Option<usize> {
    let cache = open_cache().await?;
    let response = call_and_wait(
        &cache,
        "match",
        &[JsValue::from_str(&entry_url(article_key)?)],
    )
    .await?;
    if response.is_undefined() {
        return None;
    }
    let text = call_and_wait(&response, "text", &[]).await?;
    text.as_string()?.trim().parse().ok()
}

/// Records that the article now has `count` claims.
pub async fn remember_count(article_key: &str, count: usize) {
    let Some(cache) = open_cache().await else {
        return;
    };
    let Some(url) = entry_url(article_key) else {
        return;
    };
    let Ok(response) = web_sys::Response::new_with_opt_str(Some(&count.to_string())) else {
        return;
    };
    let _ = call_and_wait(&cache, "put", &[JsValue::from_str(&url), response.into()]).await;
}

async fn open_cache() -> Option<JsValue> {
    let window = web_sys::window()?;
    let caches = Reflect::get(&window, &"caches".into()).ok()?;
    if caches.is_undefined() || caches.is_null() {
        return None;
    }
    call_and_wait(&caches, "open", &[JsValue::from_str(CACHE_NAME)]).await
}

/// The entry's address: under this page's origin, named by the article key.
fn entry_url(article_key: &str) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    let key = String::from(js_sys::encode_uri_component(article_key));
    Some(format!("{origin}/.claim-annotator-ledger/{key}"))
}

/// Calls `target.method(...arguments)` and awaits the promise it returns.
async fn call_and_wait(target: &JsValue, method: &str, arguments: &[JsValue]) -> Option<JsValue> {
    let function: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    let list: Array = arguments.iter().collect();
    let promise: Promise = Reflect::apply(&function, target, &list)
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(promise).await.ok()
}
