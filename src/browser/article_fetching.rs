//! Fetching the page at a web address the reader typed, at their request: the only request
//! the library makes that is not for the app's own files.
//!
//! Invariants:
//! - Only the address given is fetched (`core::article_import::web_address` made it absolute
//!   and http(s)), without cookies or credentials, following redirects as a browser would.
//! - A failure is classified, never thrown: offline, refused or unreachable (a cross-origin
//!   request the site does not allow fails exactly like an unreachable one, so the two are
//!   told together: CORS), or an error status.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::article_import::ImportProblem;

/// What the site sent: the body and its declared type.
pub struct FetchedPage {
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, or empty.
    pub mime_type: String,
}

pub async fn fetch_page(url: &str) -> Result<FetchedPage, ImportProblem> {
    let refused = || ImportProblem::SiteRefused {
        url: url.to_string(),
    };
    let window = web_sys::window().ok_or_else(refused)?;
    if !window.navigator().on_line() {
        return Err(ImportProblem::Offline);
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let answered = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    let response: web_sys::Response = match answered {
        Ok(response) => response.dyn_into().map_err(|_| refused())?,
        // Going offline during the request shows only now.
        Err(_) if !window.navigator().on_line() => return Err(ImportProblem::Offline),
        Err(_) => return Err(refused()),
    };
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(ImportProblem::ServerAnswered {
            url: url.to_string(),
            status: status.trim().to_string(),
        });
    }
    let mime_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| refused())?)
        .await
        .map_err(|_| refused())?;
    Ok(FetchedPage {
        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
        mime_type,
    })
}
