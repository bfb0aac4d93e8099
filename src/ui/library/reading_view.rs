//! An article of the library open in the annotator, with the way back to the list. The
//! annotator keeps its claims under the article's key with the widget's own storage rules.

use yew::prelude::*;

use super::origin_text;
use crate::core::library::{title_for, ArticleOrigin, LibraryArticle};
use crate::core::shared::Shared;
use crate::ui::annotator::Annotator;
use crate::ui::focus_on_open::use_focus_on_open;
use crate::ui::locale::use_locale;
use crate::ui::widget::load_article;

#[derive(Properties, PartialEq)]
pub struct ReadingViewProps {
    pub article: Shared<LibraryArticle>,
    pub on_back: Callback<()>,
}

#[function_component(ReadingView)]
pub fn reading_view(props: &ReadingViewProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let heading = use_focus_on_open(props.article.key.clone());
    let loaded = {
        let locale = locale.clone();
        use_memo(props.article.clone(), move |article| {
            let url = match &article.origin {
                ArticleOrigin::Web { url } => Some(url.as_str()),
                _ => None,
            };
            load_article(&article.text, None, url, &locale)
        })
    };
    let article = &props.article;
    let title = title_for(
        &article.title,
        &article.origin,
        &article.text,
        &t.untitled_article,
    );
    html! {
        <section class="ca-reading" aria-labelledby="ca-reading-title">
            <div class="ca-reading-bar">
                <button type="button" class="ca-back-to-library" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ t.back_to_library.clone() }</button>
            </div>
            <h2 id="ca-reading-title" class="ca-reading-title" tabindex="-1" dir="auto" ref={heading}>{ title }</h2>
            <p class="ca-origin" dir="auto">{ origin_text(&article.origin, &locale) }</p>
            {
                match &*loaded {
                    Ok(loaded) => html! { <Annotator article={loaded.clone()} /> },
                    Err(message) => html! { <p class="ca-error" role="alert">{ message.clone() }</p> },
                }
            }
        </section>
    }
}
