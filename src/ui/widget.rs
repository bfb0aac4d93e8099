//! The widget's outermost component: finds the article, then hands it to the annotator.

use yew::prelude::*;

use super::annotator::{Annotator, LoadedArticle};
use super::shared::Shared;
use super::styles::WIDGET_STYLES;
use crate::core::article::{parse_article, Article};
use crate::core::article_key::{article_key_for_id, article_key_for_text};
use crate::core::web_annotation_export::article_source_uri;

/// The article the product was commissioned around; the default when the page gives none.
pub const SEED_ARTICLE: &str = include_str!("../../static/article.txt");

#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    Seed,
    Text(String),
    /// A `.txt` file, fetched when the widget mounts.
    Url(String),
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub source: ArticleSource,
    /// Names the article for storage; without it, the key is a hash of the text.
    #[prop_or_default]
    pub article_id: Option<String>,
}

#[derive(Clone, PartialEq)]
enum Loading {
    InProgress,
    Ready(LoadedArticle),
    Failed(String),
}

#[function_component(ClaimAnnotatorWidget)]
pub fn claim_annotator_widget(props: &WidgetProps) -> Html {
    let loading = {
        let source = props.source.clone();
        let article_id = props.article_id.clone();
        use_state(move || match source {
            ArticleSource::Seed => load_text(SEED_ARTICLE, article_id.as_deref(), None),
            ArticleSource::Text(text) => load_text(&text, article_id.as_deref(), None),
            ArticleSource::Url(_) => Loading::InProgress,
        })
    };
    {
        let loading = loading.clone();
        let article_id = props.article_id.clone();
        use_effect_with(props.source.clone(), move |source| {
            if let ArticleSource::Url(url) = source.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let fetched = crate::browser::article_loading::fetch_article_text(&url).await;
                    let absolute = crate::browser::article_loading::absolute_url(&url);
                    loading.set(match fetched {
                        Ok(text) => load_text(&text, article_id.as_deref(), Some(&absolute)),
                        Err(message) => Loading::Failed(message),
                    });
                });
            }
        });
    }
    let body = match &*loading {
        Loading::InProgress => {
            html! { <p class="ca-status" role="status">{ "Loading the article\u{2026}" }</p> }
        }
        Loading::Failed(message) => {
            html! { <p class="ca-error" role="alert">{ message.clone() }</p> }
        }
        Loading::Ready(article) => html! { <Annotator article={article.clone()} /> },
    };
    html! {
        <div class="ca-root">
            <style>{ WIDGET_STYLES }</style>
            { body }
        </div>
    }
}

fn load_text(text: &str, article_id: Option<&str>, url: Option<&str>) -> Loading {
    match parse_article(text) {
        Ok(article) => Loading::Ready(loaded(article, article_id, url)),
        Err(error) => Loading::Failed(error.message()),
    }
}

fn loaded(article: Article, article_id: Option<&str>, url: Option<&str>) -> LoadedArticle {
    let key = article_id
        .and_then(article_key_for_id)
        .unwrap_or_else(|| article_key_for_text(article.text.as_str()));
    let source_uri = article_source_uri(url, &key);
    LoadedArticle {
        article: Shared::new(article),
        key,
        source_uri,
    }
}
