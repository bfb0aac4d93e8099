//! The JavaScript entry point: `mount(element, options)` puts one widget into one element's
//! shadow root. The `<claim-annotator>` element (`static/claim-annotator.js`) is built on it.
//!
//! Invariants:
//! - Mounting touches only the given element, and only inside its (open) shadow root; a page
//!   may mount several widgets.
//! - Options are read field by field, and a field the widget does not know is refused with a
//!   message naming it, so a typo never silently does nothing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::prerendered_copy::hide_live_until_ready;
use crate::browser::shadow_host::{prepare_widget_home, WidgetHome};
use crate::core::json::Value;
use crate::core::web_annotation_export::{export_annotation, export_collection};
use crate::ui::annotator::PanelPlacement;
use crate::ui::published_claims::PublishedClaims;
use crate::ui::widget::{ArticleSource, ClaimAnnotatorWidget, WidgetProps};

/// What a host page may pass to [`mount`]; every field is optional.
#[derive(Debug, Default)]
pub struct MountOptions {
    /// The article itself, as plain text in the layout of the seed article.
    pub article_text: Option<String>,
    /// The URL of a `.txt` article, fetched when the widget mounts.
    pub article_url: Option<String>,
    /// Names the article for storage, so a corrected text keeps its annotations.
    pub article_id: Option<String>,
    /// An element of the host page holding a story to annotate in place.
    pub story: Option<web_sys::Element>,
    pub panel: PanelPlacement,
    /// The interface's language (`en`, `fr`, `ar`, or a longer BCP 47 tag); else the browser's.
    pub language: Option<String>,
    /// Requests for the widget's files the page already started, `{ [url]: Promise<Response> }`
    /// (see [`crate::browser::started_requests`]); checked when they are kept.
    pub started_requests: Option<JsValue>,
}

const KNOWN_OPTIONS: [&str; 7] = [
    "articleText",
    "articleUrl",
    "articleId",
    "story",
    "panel",
    "lang",
    "startedRequests",
];

impl MountOptions {
    /// Reads `options` (an object, `undefined` or `null`).
    pub fn from_js(options: &JsValue) -> Result<MountOptions, String> {
        if options.is_undefined() || options.is_null() {
            return Ok(MountOptions::default());
        }
        let object: &js_sys::Object = options
            .dyn_ref()
            .ok_or_else(|| "the options must be an object".to_string())?;
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !KNOWN_OPTIONS.contains(&key.as_str()) {
                return Err(format!(
                    "unknown option \u{201C}{key}\u{201D} (known: {})",
                    KNOWN_OPTIONS.join(", ")
                ));
            }
        }
        let field = |name: &str| {
            js_sys::Reflect::get(options, &name.into())
                .ok()
                .filter(|value| !value.is_undefined() && !value.is_null())
        };
        let text = |name: &str| -> Result<Option<String>, String> {
            match field(name) {
                None => Ok(None),
                Some(value) => value
                    .as_string()
                    .map(Some)
                    .ok_or_else(|| format!("\u{201C}{name}\u{201D} must be a string")),
            }
        };
        let story = match field("story") {
            None => None,
            Some(value) => Some(
                value
                    .dyn_into::<web_sys::Element>()
                    .map_err(|_| "\u{201C}story\u{201D} must be an element".to_string())?,
            ),
        };
        let panel = PanelPlacement::from_choice(text("panel")?.as_deref())?;
        Ok(MountOptions {
            started_requests: field("startedRequests"),
            article_text: text("articleText")?,
            article_url: text("articleUrl")?,
            article_id: text("articleId")?,
            story,
            panel,
            language: text("lang")?,
        })
    }

    pub fn into_props(
        self,
        host: Option<web_sys::Element>,
        published: PublishedClaims,
    ) -> WidgetProps {
        let source = match (self.story, self.article_text, self.article_url) {
            (Some(story), _, _) => ArticleSource::HostStory(story),
            (None, Some(text), _) => ArticleSource::Text(text),
            (None, None, Some(url)) if !url.trim().is_empty() => ArticleSource::Url(url),
            _ => ArticleSource::Seed,
        };
        WidgetProps {
            source,
            article_id: self.article_id,
            panel: self.panel,
            host,
            published: Some(published),
            language: self.language,
            prerendered: None,
        }
    }
}

/// What was mounted.
enum AppHandle {
    Widget(yew::AppHandle<ClaimAnnotatorWidget>),
    #[cfg(feature = "app")]
    Classroom(yew::AppHandle<crate::ui::classroom::ClassroomApp>),
    #[cfg(feature = "app")]
    Library(yew::AppHandle<crate::ui::library::LibraryApp>),
}

/// A mounted widget: `destroy()` removes it, its listeners and its highlights; `claims()` and
/// `exportW3C()` give its claims as W3C Web Annotations.
#[wasm_bindgen]
pub struct MountedWidget {
    handle: Option<AppHandle>,
    /// Where it renders in the element's shadow root; removed by `destroy()`.
    home: Option<WidgetHome>,
    published: PublishedClaims,
}

#[wasm_bindgen]
impl MountedWidget {
    pub fn destroy(&mut self) {
        match self.handle.take() {
            Some(AppHandle::Widget(handle)) => handle.destroy(),
            #[cfg(feature = "app")]
            Some(AppHandle::Classroom(handle)) => handle.destroy(),
            #[cfg(feature = "app")]
            Some(AppHandle::Library(handle)) => handle.destroy(),
            None => {}
        }
        if let Some(home) = self.home.take() {
            home.remove();
        }
    }

    /// Every claim, in reading order, as W3C Web Annotation objects.
    #[wasm_bindgen(unchecked_return_type = "object[]")]
    pub fn claims(&self) -> JsValue {
        let Some((state, loaded)) = self.published.current() else {
            return js_sys::Array::new().into();
        };
        let items: Vec<Value> = state
            .annotations()
            .iter()
            .map(|annotation| export_annotation(annotation, &loaded.source_uri))
            .collect();
        json_to_js(&Value::Array(items))
    }

    /// The claims as one W3C `AnnotationCollection`, as the Export button writes it.
    #[wasm_bindgen(js_name = exportW3C, unchecked_return_type = "object | null")]
    pub fn export_w3c(&self) -> JsValue {
        let Some((state, loaded)) = self.published.current() else {
            return JsValue::NULL;
        };
        let collection = export_collection(
            state.annotations(),
            &loaded.source_uri,
            &loaded.key,
            crate::browser::clock_and_ids::now_ms(),
        );
        json_to_js(&collection)
    }
}

/// Through the browser's own JSON parser: one call, and no per-field bindings in the wasm.
fn json_to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_json()).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen(typescript_custom_section)]
const MOUNT_OPTIONS_TYPE: &str = r#"
/** What `mount` accepts; every field is optional. Without an article, the seed article is shown. */
export interface MountOptions {
  /** The article itself, as plain text in the layout of the seed article. */
  articleText?: string;
  /** The URL of a UTF-8 `.txt` article, fetched when the widget mounts. */
  articleUrl?: string;
  /** Names the article for storage, so a corrected text keeps its claims. */
  articleId?: string;
  /** An element of the page holding a story to annotate in place (its text is not changed). */
  story?: Element;
  /** Where the claims panel goes: beside the article (default) or in a drawer. */
  panel?: "inline" | "drawer";
  /** The interface's language: "en", "fr" or "ar" (or a longer tag); else the browser's. */
  lang?: string;
  /** Requests the page already started for the widget's files (the article, the language's
   * table), by address: `{ [url]: fetch(url) }`. The widget uses each once instead of asking
   * again. `<claim-annotator>` starts them together with the wasm. */
  startedRequests?: Record<string, Promise<Response>>;
}
"#;

/// Mounts a widget into `element` (in its shadow root). `options` may be omitted, or hold
/// `articleText`, `articleUrl`, `articleId`, `story` (an element to annotate in place),
/// `panel` (`"inline"` or `"drawer"`), `lang`, and `startedRequests` (the widget's files the
/// page already asked for).
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "MountOptions | undefined")] options: JsValue,
) -> Result<MountedWidget, JsError> {
    let unreadable = |reason: &str| {
        JsError::new(&format!(
            "Claim Annotator: the mount options could not be read: {reason}."
        ))
    };
    let mut options = MountOptions::from_js(&options).map_err(|reason| unreadable(&reason))?;
    // Kept where the widget's fetches look for them.
    if let Some(requests) = options.started_requests.take() {
        if !crate::browser::started_requests::keep_started_requests(&requests) {
            return Err(unreadable(
                "\u{201C}startedRequests\u{201D} must map addresses to the promises fetch() returned",
            ));
        }
    }
    let home = prepare_widget_home(&element).map_err(|message| JsError::new(&message))?;
    let published = PublishedClaims::default();
    let mut props = options.into_props(Some(element), published.clone());
    props.prerendered = hide_live_until_ready(&home.shadow_root, &home.container);
    let handle =
        yew::Renderer::<ClaimAnnotatorWidget>::with_root_and_props(home.container.clone(), props)
            .render();
    Ok(MountedWidget {
        handle: Some(AppHandle::Widget(handle)),
        home: Some(home),
        published,
    })
}

/// Mounts the classroom (a teacher's exercises and class results, or, when the page's link
/// carries an exercise, the student's side) into `element`'s shadow root. Only in the build of
/// the widget's own pages (`dist/app/`).
#[cfg(feature = "app")]
#[wasm_bindgen(js_name = mountClassroom)]
pub fn mount_classroom(
    element: web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "{ lang?: string } | undefined")] options: JsValue,
) -> Result<MountedWidget, JsError> {
    mount_own_page::<crate::ui::classroom::ClassroomApp>(
        element,
        &options,
        crate::ui::classroom::styles::CLASSROOM_STYLES,
        |language| crate::ui::classroom::ClassroomProps { language },
        AppHandle::Classroom,
    )
}

/// Mounts the library (open any article, keep it with its claims, find it again) into
/// `element`'s shadow root. Only in the build of the widget's own pages (`dist/app/`).
#[cfg(feature = "app")]
#[wasm_bindgen(js_name = mountLibrary)]
pub fn mount_library(
    element: web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "{ lang?: string } | undefined")] options: JsValue,
) -> Result<MountedWidget, JsError> {
    mount_own_page::<crate::ui::library::LibraryApp>(
        element,
        &options,
        crate::ui::library::styles::LIBRARY_STYLES,
        |language| crate::ui::library::LibraryProps { language },
        AppHandle::Library,
    )
}

/// One of the widget's own pages (the classroom, the library) in `element`'s shadow root, with
/// its stylesheet and the reader's language from `options.lang`.
#[cfg(feature = "app")]
fn mount_own_page<C: yew::BaseComponent>(
    element: web_sys::Element,
    options: &JsValue,
    styles: &'static str,
    props: impl FnOnce(Option<String>) -> C::Properties,
    handle: impl FnOnce(yew::AppHandle<C>) -> AppHandle,
) -> Result<MountedWidget, JsError> {
    let language = js_sys::Reflect::get(options, &"lang".into())
        .ok()
        .and_then(|value| value.as_string());
    let home = prepare_widget_home(&element).map_err(|message| JsError::new(&message))?;
    crate::browser::widget_stylesheet::adopt_stylesheet(&home.shadow_root, styles)
        .map_err(|_| JsError::new("Claim Annotator needs constructed stylesheets."))?;
    let app =
        yew::Renderer::<C>::with_root_and_props(home.container.clone(), props(language)).render();
    Ok(MountedWidget {
        handle: Some(handle(app)),
        home: Some(home),
        published: PublishedClaims::default(),
    })
}
