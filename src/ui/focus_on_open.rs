//! Moving keyboard focus into a popover when it opens, so keyboard and screen-reader users land
//! where the action is.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

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
    use_effect_with(key, move |_| {
        if let Some(element) = node.cast::<HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// Gives focus back, when the component goes away, to the element that had it when the
/// component appeared: closing a picker, an editor or a dialog returns the reader to where they
/// were (the article, the highlight, the panel's button). If that element is gone (the claim
/// whose highlight had focus was deleted), focus goes to its nearest focusable container (the
/// article), never to the page's start.
#[hook]
pub fn use_return_focus() {
    use_effect_with((), |_| {
        let previous = crate::browser::event_origin::deep_active_element();
        let container = previous
            .as_ref()
            .and_then(|element| element.parent_element())
            .and_then(|parent| parent.closest("[tabindex]").ok().flatten())
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        move || {
            let give_back = move || {
                let target = [previous.clone(), container.clone()]
                    .into_iter()
                    .flatten()
                    .find(|element| element.is_connected());
                if let Some(target) = target {
                    // Without scrolling: the reader is where they were, and focusing the
                    // article (what a mouse selection had focused) scrolled the page to its top.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = target.focus_with_options(&options);
                }
            };
            give_back();
            // The same render, or one soon after, may then remove `previous` (a deleted claim's
            // highlight), which drops focus to the page: after each of a few short waits, try
            // again if it did. (Only a lost focus is moved; a reader who moved on keeps theirs.)
            for wait_ms in [0, 50, 250] {
                let give_back = give_back.clone();
                gloo::timers::callback::Timeout::new(wait_ms, move || {
                    let lost =
                        crate::browser::event_origin::deep_active_element().is_none_or(|element| {
                            !element.is_connected() || element.tag_name() == "BODY"
                        });
                    if lost {
                        give_back();
                    }
                })
                .forget();
            }
        }
    });
}
