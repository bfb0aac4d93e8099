//! The widget's outermost component: finds the article (the built-in seed, a text, a fetched
//! `.txt`, or a story already on the host page), then hands it to the annotator.
//!
//! Invariant: a story on the host page is only read, never changed; when the host re-renders it,
//! the story is read again and the annotator is given the new text under the same key, so every
//! claim is re-anchored rather than lost.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::annotator::{Annotator, LoadedArticle, PanelPlacement, SurfaceChoice};
use super::locale::{use_locale, Locale, LocaleGate};
use super::published_claims::PublishedClaims;
use crate::browser::article_surface::host_story::HostStorySurface;
use crate::browser::prerendered_copy::PrerenderedHandoff;
use crate::core::article::{parse_article, Article};
use crate::core::article_key::{article_key_for_id, article_key_for_text};
use crate::core::shared::Shared;
use crate::core::web_annotation_export::article_source_uri;
use crate::ui::component_state::use_component_state;

/// The article the product was commissioned around; the default when the page gives none.
/// Compiled in where it must show at once (the classroom, rendering without a browser). The
/// widget a news page embeds, which is given an article in practice, fetches `article.txt`
/// from its own files instead ([`SEED_IS_FETCHED`]): 4 KB less in its wasm (issue 12).
#[cfg(app_pages)]
pub const SEED_ARTICLE: &str = include_str!("../../static/article.txt");

/// True in the widget's own wasm build (no `app` feature), where the seed is fetched.
const SEED_IS_FETCHED: bool = cfg!(not(app_pages));

#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    Seed,
    Text(String),
    /// A `.txt` file, fetched when the widget mounts.
    Url(String),
    /// A story the host page shows in this element, annotated in place.
    HostStory(Element),
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub source: ArticleSource,
    /// Names the article for storage; without it, the key is a hash of the text (or, for a
    /// story in place, the page's canonical address).
    #[prop_or_default]
    pub article_id: Option<String>,
    #[prop_or_default]
    pub panel: PanelPlacement,
    /// The element the widget is mounted on (its shadow root holds the widget).
    #[prop_or_default]
    pub host: Option<Element>,
    #[prop_or_default]
    pub published: Option<PublishedClaims>,
    /// The language of the widget's interface (a BCP 47 tag); `None`: the browser's languages.
    #[prop_or_default]
    pub language: Option<String>,
    /// A copy of this widget prerendered into the page, shown until the article is ready
    /// here (`browser::prerendered_copy`).
    #[prop_or_default]
    pub prerendered: Option<PrerenderedHandoff>,
}

impl WidgetProps {
    /// A widget for `source` with every other choice left to the reader's browser.
    pub fn new(source: ArticleSource) -> Self {
        WidgetProps {
            source,
            article_id: None,
            panel: PanelPlacement::default(),
            host: None,
            published: None,
            language: None,
            prerendered: None,
        }
    }
}

#[derive(Clone, PartialEq)]
enum Loading {
    InProgress,
    Ready {
        article: LoadedArticle,
        surface: SurfaceChoice,
    },
    Failed(String),
}

/// The widget: the reader's language first, then the article.
#[function_component(ClaimAnnotatorWidget)]
pub fn claim_annotator_widget(props: &WidgetProps) -> Html {
    html! {
        <LocaleGate language={props.language.clone()}>
            <ArticleLoader source={props.source.clone()} article_id={props.article_id.clone()} panel={props.panel}
                host={props.host.clone()} published={props.published.clone()} prerendered={props.prerendered.clone()} />
        </LocaleGate>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleLoaderProps {
    source: ArticleSource,
    article_id: Option<String>,
    panel: PanelPlacement,
    host: Option<Element>,
    published: Option<PublishedClaims>,
    prerendered: Option<PrerenderedHandoff>,
}

/// Finds the article, then hands it to the annotator.
#[function_component(ArticleLoader)]
fn article_loader(props: &ArticleLoaderProps) -> Html {
    let locale = use_locale();
    let loading = {
        let locale = locale.clone();
        let source = props.source.clone();
        let article_id = props.article_id.clone();
        use_component_state(move || match source {
            ArticleSource::Seed => seed_loading(article_id.as_deref(), &locale),
            ArticleSource::Text(text) => load_text(&text, article_id.as_deref(), None, &locale),
            ArticleSource::Url(_) | ArticleSource::HostStory(_) => Loading::InProgress,
        })
    };
    // Moves when the host replaced the story's nodes but kept its text.
    let story_generation = use_component_state(|| 0u64);
    {
        let loading = loading.clone();
        let story_generation = story_generation.clone();
        let article_id = props.article_id.clone();
        let host = props.host.clone();
        let locale = locale.clone();
        let source = props.source.clone();
        use_effect_when_changed(
            EffectDeps::new(source.clone()),
            Box::new(move || {
                let mut watch = None;
                match source.clone() {
                    ArticleSource::Url(url) => {
                        wasm_bindgen_futures::spawn_local(async move {
                            let fetched =
                                crate::browser::article_loading::fetch_article_text(&url, &locale)
                                    .await;
                            let absolute = crate::browser::article_loading::absolute_url(&url);
                            loading.set(match fetched {
                                Ok(text) => load_text(
                                    &text,
                                    article_id.as_deref(),
                                    Some(&absolute),
                                    &locale,
                                ),
                                Err(message) => Loading::Failed(message),
                            });
                        });
                    }
                    ArticleSource::HostStory(element) => {
                        let overlay_parent: Option<web_sys::Node> = host
                            .as_ref()
                            .and_then(|host| host.shadow_root())
                            .map(Into::into);
                        let opened = overlay_parent
                            .ok_or_else(|| "The widget needs a shadow root to draw in.".to_string())
                            .and_then(|parent| {
                                HostStorySurface::open(element, &parent, false)
                                    .map_err(|problem| problem.message(&locale))
                            });
                        match opened {
                            Ok(surface) => {
                                let surface = Rc::new(surface);
                                let article = story_article(&surface, article_id.as_deref());
                                let generations = Rc::new(std::cell::Cell::new(0u64));
                                watch = Some(surface.watch(Rc::new({
                                    let surface = Rc::downgrade(&surface);
                                    let loading = loading.clone();
                                    let article = article.clone();
                                    move || {
                                        let Some(surface) = surface.upgrade() else {
                                            return;
                                        };
                                        if surface.reread() {
                                            loading.set(Loading::Ready {
                                                article: LoadedArticle {
                                                    article: Shared::new(Article::unstructured(
                                                        surface.story().text().clone(),
                                                    )),
                                                    ..article.clone()
                                                },
                                                surface: SurfaceChoice::HostStory(Shared(
                                                    surface.clone(),
                                                )),
                                            });
                                        } else {
                                            generations.set(generations.get() + 1);
                                            story_generation.set(generations.get());
                                        }
                                    }
                                })));
                                loading.set(Loading::Ready {
                                    article,
                                    surface: SurfaceChoice::HostStory(Shared(surface)),
                                });
                            }
                            Err(message) => loading.set(Loading::Failed(message)),
                        }
                    }
                    ArticleSource::Seed if SEED_IS_FETCHED => {
                        wasm_bindgen_futures::spawn_local(async move {
                            let url = crate::browser::article_loading::seed_article_url();
                            let fetched =
                                crate::browser::article_loading::fetch_article_text(&url, &locale)
                                    .await;
                            // Named and exported exactly as the built-in seed was (no URL).
                            loading.set(match fetched {
                                Ok(text) => load_text(&text, article_id.as_deref(), None, &locale),
                                Err(message) => Loading::Failed(message),
                            });
                        });
                    }
                    ArticleSource::Seed | ArticleSource::Text(_) => {}
                }
                Teardown::new(move || drop(watch))
            }),
        );
    }
    // The live widget takes the prerendered copy's place once it shows the article (or why it
    // cannot): never a frame with neither, or both.
    {
        let waiting = matches!(*loading, Loading::InProgress);
        let prerendered = props.prerendered.clone();
        use_effect_when_changed(
            EffectDeps::new((waiting, prerendered.clone())),
            Box::new(move || {
                if let (false, Some(prerendered)) = (waiting, prerendered) {
                    prerendered.swap_at_next_frame();
                }
                Teardown::NONE
            }),
        );
    }
    let body = match &*loading {
        Loading::InProgress => {
            html! { <p class="ca-status" role="status">{ locale.text.loading_article.clone() }</p> }
        }
        Loading::Failed(message) => {
            html! { <p class="ca-error" role="alert">{ message.clone() }</p> }
        }
        Loading::Ready { article, surface } => html! {
            <Annotator article={article.clone()} surface={surface.clone()} panel={props.panel}
                story_generation={*story_generation} host={props.host.clone()} published={props.published.clone()} />
        },
    };
    html! {
        <div class="ca-root" lang={locale.language.code.clone()} dir={locale.direction()}>
            { body }
        </div>
    }
}

/// The seed at once where it is compiled in; else a fetch the effect starts.
#[cfg(app_pages)]
fn seed_loading(article_id: Option<&str>, locale: &Locale) -> Loading {
    load_text(SEED_ARTICLE, article_id, None, locale)
}

#[cfg(not(app_pages))]
fn seed_loading(_article_id: Option<&str>, _locale: &Locale) -> Loading {
    Loading::InProgress
}

fn load_text(text: &str, article_id: Option<&str>, url: Option<&str>, locale: &Locale) -> Loading {
    match load_article(text, article_id, url, locale) {
        Ok(article) => Loading::Ready {
            article,
            surface: SurfaceChoice::OwnCopy,
        },
        Err(message) => Loading::Failed(message),
    }
}

/// A plain-text article parsed for the annotator, named for storage by `article_id` or else by
/// a hash of its text; its W3C source is `url` when it has one. The error is a sentence for the
/// reader.
pub fn load_article(
    text: &str,
    article_id: Option<&str>,
    url: Option<&str>,
    locale: &Locale,
) -> Result<LoadedArticle, String> {
    let article = parse_article(text).map_err(|error| error.message(locale))?;
    let key = article_id
        .and_then(article_key_for_id)
        .unwrap_or_else(|| article_key_for_text(article.text.as_str()));
    Ok(LoadedArticle {
        source_uri: article_source_uri(url, &key),
        article: Shared::new(article),
        key,
    })
}

/// A story in place is named by the page's id for it, or by the page's own address; its W3C
/// source is the page's canonical address.
fn story_article(surface: &HostStorySurface, article_id: Option<&str>) -> LoadedArticle {
    let page = crate::browser::page_identity::page_identity().unwrap_or_default();
    let key = article_id
        .and_then(article_key_for_id)
        .or_else(|| article_key_for_id(&page))
        .unwrap_or_else(|| article_key_for_text(surface.story().text().as_str()));
    LoadedArticle {
        article: Shared::new(Article::unstructured(surface.story().text().clone())),
        source_uri: article_source_uri(Some(&page), &key),
        key,
    }
}
