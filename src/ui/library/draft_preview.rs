//! What was read from the reader's input, shown before it is kept: the title (which the
//! reader may fix), where it came from, and the text laid out exactly as the annotator will
//! show it.

use yew::prelude::*;

use super::origin_text;
use crate::core::article_import::ArticleDraft;
use crate::core::drawn_highlight::DrawnHighlight;
use crate::core::shared::Shared;
use crate::ui::article_view::ArticleView;
use crate::ui::focus_on_open::use_focus_on_open;
use crate::ui::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct DraftPreviewProps {
    pub draft: ArticleDraft,
    pub on_retitle: Callback<String>,
    pub on_keep: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(DraftPreview)]
pub fn draft_preview(props: &DraftPreviewProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let heading = use_focus_on_open(props.draft.key.clone());
    let no_highlights = use_memo((), |_| Shared::new(Vec::<DrawnHighlight>::new()));
    let on_input = {
        let on_retitle = props.on_retitle.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_retitle.emit(input.value());
            }
        })
    };
    let on_submit = {
        let on_keep = props.on_keep.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_keep.emit(());
        })
    };
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let draft = &props.draft;
    html! {
        <section class="ca-preview" aria-labelledby="ca-preview-heading">
            <h2 id="ca-preview-heading" tabindex="-1" ref={heading}>{ t.preview_heading.clone() }</h2>
            <p class="ca-help">{ t.preview_help.clone() }</p>
            <form class="ca-preview-form" onsubmit={on_submit}>
                <label for="ca-draft-title">{ t.title_label.clone() }</label>
                <input type="text" id="ca-draft-title" class="ca-draft-title" dir="auto" value={draft.title.clone()}
                    placeholder={t.untitled_article.clone()} oninput={on_input} />
                <p class="ca-origin">{ origin_text(&draft.origin, &locale) }</p>
                <p class="ca-preview-size">{ locale.count(&t.preview_blocks, draft.article.blocks.len(), &[]) }</p>
                <div class="ca-preview-actions">
                    <button type="submit" class="ca-primary ca-keep-draft">{ t.keep_and_annotate.clone() }</button>
                    <button type="button" class="ca-cancel-draft" onclick={on_cancel}>{ t.cancel.clone() }</button>
                </div>
            </form>
            <div class="ca-preview-article" role="region" aria-label={t.preview_label.clone()}>
                <ArticleView article={draft.article.clone()} highlights={(*no_highlights).clone()} on_open={Callback::noop()} />
            </div>
        </section>
    }
}
