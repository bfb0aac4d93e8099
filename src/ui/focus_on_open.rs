//! Moving keyboard focus into a popover when it opens, so keyboard and screen-reader users land
//! where the action is.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

/// A node ref that receives focus once after the first render, and again whenever `key` changes
/// (the editor reopened on another claim).
#[hook]
pub fn use_focus_on_open<K: PartialEq + 'static>(key: K) -> NodeRef {
    let node = use_node_ref();
    use_focus_when(node.clone(), key);
    node
}

/// Focuses `node` after the first render and whenever `key` changes. Declare it after
/// [`super::popover::use_popover_placement`] for the same popover: effects run in order, and a
/// popover must be shown before anything in it can take focus.
#[hook]
pub fn use_focus_when<K: PartialEq + 'static>(node: NodeRef, key: K) {
    use_effect_when_changed(
        EffectDeps::new(key),
        Box::new(move || {
            if let Some(element) = node.cast::<HtmlElement>() {
                let _ = element.focus();
            }
            Teardown::NONE
        }),
    );
}

/// Gives focus back, when the component goes away, to the element that had it when the
/// component appeared: closing a picker, an editor or a dialog returns the reader to where they
/// were (the article, the highlight, the panel's button). If that element is gone (the claim
/// whose highlight had focus was deleted), focus goes to its nearest focusable container (the
/// article), never to the page's start. See [`crate::browser::focus_return`].
#[hook]
pub fn use_return_focus() {
    use_return_focus_if(true);
}

/// [`use_return_focus`] when `enabled`; nothing otherwise (an offer that never took focus has
/// none to give back).
#[hook]
pub fn use_return_focus_if(enabled: bool) {
    use_effect_when_changed(
        EffectDeps::new(enabled),
        Box::new(move || {
            if enabled {
                crate::browser::focus_return::forget_earlier_returns();
            }
            let previous = enabled
                .then(crate::browser::event_origin::deep_active_element)
                .flatten();
            let container = previous
                .as_ref()
                .and_then(|element| element.parent_element())
                .and_then(|parent| parent.closest("[tabindex]").ok().flatten())
                .and_then(|element| element.dyn_into::<HtmlElement>().ok());
            Teardown::new(move || {
                if enabled {
                    crate::browser::focus_return::give_focus_back(previous, container);
                }
            })
        }),
    );
}
