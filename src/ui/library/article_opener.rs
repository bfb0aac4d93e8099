//! The three ways to open an article: paste its text, choose (or drop anywhere on the page) a
//! file, or give its web address. Renders the forms and hands what the reader gave to the page.

use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use crate::ui::file_choice::first_chosen_file;
use crate::ui::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct ArticleOpenerProps {
    /// While work is under way, the forms are not sent again.
    pub busy: bool,
    /// Moves when the reader asked to paste instead: the paste box takes focus.
    #[prop_or_default]
    pub focus_paste: u32,
    pub on_paste: Callback<String>,
    pub on_file: Callback<web_sys::File>,
    pub on_address: Callback<String>,
}

#[function_component(ArticleOpener)]
pub fn article_opener(props: &ArticleOpenerProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let paste_ref = use_node_ref();
    let address_ref = use_node_ref();
    {
        let paste_ref = paste_ref.clone();
        let asked = props.focus_paste;
        use_effect_when_changed(
            EffectDeps::new(props.focus_paste),
            Box::new(move || {
                if asked > 0 {
                    if let Some(field) = paste_ref.cast::<web_sys::HtmlElement>() {
                        let _ = field.focus();
                    }
                }
                Teardown::NONE
            }),
        );
    }
    let on_paste_submit = {
        let (paste_ref, on_paste, busy) = (paste_ref.clone(), props.on_paste.clone(), props.busy);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let (false, Some(field)) = (busy, paste_ref.cast::<web_sys::HtmlTextAreaElement>()) {
                on_paste.emit(field.value());
            }
        })
    };
    let on_file_change = first_chosen_file(&props.on_file);
    let on_address_submit = {
        let (address_ref, on_address, busy) =
            (address_ref.clone(), props.on_address.clone(), props.busy);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let (false, Some(field)) = (busy, address_ref.cast::<web_sys::HtmlInputElement>()) {
                on_address.emit(field.value());
            }
        })
    };
    html! {
        <section class="ca-opener" aria-labelledby="ca-open-heading">
            <h2 id="ca-open-heading">{ t.open_heading.clone() }</h2>
            <div class="ca-opener-ways">
                <form class="ca-open-paste" onsubmit={on_paste_submit}>
                    <label for="ca-paste-text">{ t.paste_article_label.clone() }</label>
                    <textarea id="ca-paste-text" class="ca-paste-text" rows="6" dir="auto" ref={paste_ref} />
                    <button type="submit" class="ca-open-pasted" aria-disabled={props.busy.then_some("true")}>{ t.open_pasted.clone() }</button>
                </form>
                <div class="ca-open-file">
                    <label for="ca-file-input" class="ca-file-label">{ t.file_label.clone() }</label>
                    <input type="file" id="ca-file-input" class="ca-file-input" accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
                        aria-describedby="ca-file-help" onchange={on_file_change} />
                    <p id="ca-file-help" class="ca-help">{ t.file_help.clone() }</p>
                </div>
                <form class="ca-open-address" novalidate=true onsubmit={on_address_submit}>
                    <label for="ca-address">{ t.address_label.clone() }</label>
                    <input type="url" id="ca-address" class="ca-address" inputmode="url" autocomplete="url" placeholder="https://" dir="ltr"
                        aria-describedby="ca-address-help" ref={address_ref} />
                    <button type="submit" class="ca-fetch-address" aria-disabled={props.busy.then_some("true")}>{ t.fetch_address.clone() }</button>
                    <p id="ca-address-help" class="ca-help">{ t.address_help.clone() }</p>
                </form>
            </div>
        </section>
    }
}
