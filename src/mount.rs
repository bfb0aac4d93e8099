//! The JavaScript entry point: `mount(element, options)` puts one widget into one element.
//!
//! Invariant: mounting touches only the given element; a page may call it for several elements.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::ui::widget::{ArticleSource, ClaimAnnotatorWidget, WidgetProps};

/// What a host page may pass to [`mount`]; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MountOptions {
    /// The article itself, as plain text in the layout of the seed article.
    pub article_text: Option<String>,
    /// The URL of a `.txt` article, fetched when the widget mounts.
    pub article_url: Option<String>,
    /// Names the article for storage, so a corrected text keeps its annotations.
    pub article_id: Option<String>,
}

impl MountOptions {
    pub fn into_props(self) -> WidgetProps {
        let source = match (self.article_text, self.article_url) {
            (Some(text), _) => ArticleSource::Text(text),
            (None, Some(url)) if !url.trim().is_empty() => ArticleSource::Url(url),
            _ => ArticleSource::Seed,
        };
        WidgetProps {
            source,
            article_id: self.article_id,
        }
    }
}

/// A mounted widget; `destroy()` removes it and its listeners.
#[wasm_bindgen]
pub struct MountedWidget {
    handle: Option<yew::AppHandle<ClaimAnnotatorWidget>>,
}

#[wasm_bindgen]
impl MountedWidget {
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Mounts a widget into `element`. `options` may be omitted, or hold `articleText`,
/// `articleUrl` and `articleId`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<MountedWidget, JsError> {
    let options: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|error| {
            JsError::new(&format!(
                "Claim Annotator: the mount options could not be read: {error}"
            ))
        })?
    };
    let handle =
        yew::Renderer::<ClaimAnnotatorWidget>::with_root_and_props(element, options.into_props())
            .render();
    Ok(MountedWidget {
        handle: Some(handle),
    })
}
