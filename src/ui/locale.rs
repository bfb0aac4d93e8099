//! The reader's language, given to every component through a Yew context: its table of
//! messages and how to write numbers. The widget's root provides it; components read it with
//! [`use_locale`] and never hold English of their own.

use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};
use crate::ui::component_state::use_component_state;

pub use crate::core::locale::Locale;

/// The locale the nearest provider gives, English when there is none (a component rendered on
/// its own, as in the server-side tests).
#[hook]
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct LocaleGateProps {
    /// The language asked for (a `lang` option or attribute), else the browser's languages
    /// decide; English when none of them has a table.
    #[prop_or_default]
    pub language: Option<String>,
    pub children: Html,
}

/// Provides the reader's locale to `children`, once its table is at hand: English at once,
/// another language after its file arrived (or English, if it cannot be had). The root's
/// `lang` and `dir` follow it, so an Arabic interface is laid out right to left.
///
/// A locale provided above, in the language asked for, is used from the first render: the
/// build-time prerenderer (`ui::prerendered_widget`) gives its table so, having no browser to
/// fetch one with (a server render runs no effect). In a browser nothing provides one.
#[function_component(LocaleGate)]
pub fn locale_gate(props: &LocaleGateProps) -> Html {
    use crate::core::messages::{first_supported_code, language_code};
    let asked = props.language.as_deref().and_then(language_code);
    let given = use_context::<Locale>();
    let locale = use_component_state(move || match given {
        Some(given) if Some(given.language.code.as_str()) == asked => Some(given),
        _ => (asked == Some("en")).then(Locale::english),
    });
    {
        let locale = locale.clone();
        let asked_tag = props.language.clone();
        use_effect_when_changed(
            EffectDeps::new(asked_tag.clone()),
            Box::new(move || {
                let code = match asked_tag.as_deref().and_then(language_code) {
                    Some(code) => code,
                    None => {
                        let preferred = crate::browser::language_tables::browser_languages();
                        first_supported_code(preferred.iter().map(String::as_str))
                    }
                };
                if code == "en" {
                    locale.set(Some(Locale::english()));
                } else {
                    wasm_bindgen_futures::spawn_local(async move {
                        let loaded = crate::browser::language_tables::load_locale(code).await;
                        locale.set(Some(loaded.unwrap_or_else(Locale::english)));
                    });
                }
                Teardown::NONE
            }),
        );
    }
    match (*locale).clone() {
        Some(locale) => html! {
            <ContextProvider<Locale> context={locale}>{ props.children.clone() }</ContextProvider<Locale>>
        },
        None => html! {},
    }
}
