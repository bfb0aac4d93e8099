//! The widget as the build-time prerenderer renders it (`examples/prerender.rs`): in the
//! language a page's element asks for, with that language's table given from above.
//!
//! Invariant: the markup is the live widget's own first render for the same article, panel and
//! language: the same `ClaimAnnotatorWidget`, whose `LocaleGate` uses a locale provided above
//! when it is the one asked for. A server render runs no effect, so it could not fetch a table
//! the way the browser does.

use yew::prelude::*;

use super::annotator::PanelPlacement;
use super::locale::Locale;
use super::widget::{ArticleSource, ClaimAnnotatorWidget};

#[derive(Properties, PartialEq)]
pub struct PrerenderedWidgetProps {
    /// The interface's language and table (`Locale::from_table_file` for a page's `lang`).
    pub locale: Locale,
    /// The plain-text article.
    pub text: String,
    #[prop_or_default]
    pub panel: PanelPlacement,
}

#[function_component(PrerenderedWidget)]
pub fn prerendered_widget(props: &PrerenderedWidgetProps) -> Html {
    html! {
        <ContextProvider<Locale> context={props.locale.clone()}>
            <ClaimAnnotatorWidget source={ArticleSource::Text(props.text.clone())} panel={props.panel}
                language={Some(props.locale.language.code.clone())} />
        </ContextProvider<Locale>>
    }
}
