//! The list of keys, opened with `?` or the panel's "Keys…" button: every key of the widget,
//! from the reader's language table.

use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::focus_on_open::{use_focus_on_open, use_return_focus};
use super::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct KeyHelpProps {
    pub on_close: Callback<()>,
}

/// A dialog in the top layer, centred: focus moves into it and goes back when it closes.
#[function_component(KeyHelp)]
pub fn key_help(props: &KeyHelpProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_when_changed(
            EffectDeps::new(()),
            Box::new(move || {
                if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                    let _ = element.show_popover();
                }
                Teardown::NONE
            }),
        );
    }
    use_return_focus();
    let close_button = use_focus_on_open(());
    let on_close = props.on_close.clone();
    html! {
        <div class="ca-help-dialog" popover="manual" role="dialog" aria-labelledby="ca-help-title" ref={dialog}>
            <h2 id="ca-help-title">{ t.keyboard_help_title.clone() }</h2>
            <p>{ t.keyboard_help_intro.clone() }</p>
            <table class="ca-keys">
                <tbody>
                    { for t.keyboard_help_keys.iter().map(|(keys, meaning)| html! {
                        <tr><th scope="row"><kbd>{ keys.clone() }</kbd></th><td>{ meaning.clone() }</td></tr>
                    }) }
                </tbody>
            </table>
            <button type="button" class="ca-close-help" ref={close_button} onclick={move |_: MouseEvent| on_close.emit(())}>
                { t.close.clone() }
            </button>
        </div>
    }
}
