//! Selections made without a mouse button (touch handles, keyboard, assistive technology)
//! have no mouseup to announce them: the annotator looks at the selection once it has stopped
//! changing for a moment, and never while a pointer is still down (a mouse drag in progress).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

/// How long the selection must rest before it counts.
const SELECTION_SETTLE_MILLISECONDS: u32 = 450;

/// What made the annotator look at the browser's selection.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SelectionTrigger {
    /// The mouse was released or a selection key was let go in the article: an explicit act.
    PointerOrKeys,
    /// The selection stopped changing (touch handles, assistive technology, scripts).
    Settled,
}

/// Calls `consider_selection` with [`SelectionTrigger::Settled`] after each settled change; the
/// listeners are renewed when `renew_on` changes (another article: another callback).
#[hook]
pub fn use_settled_selection<D: PartialEq + 'static>(
    consider_selection: Callback<SelectionTrigger>,
    renew_on: D,
) {
    use_effect_when_changed(
        EffectDeps::new(renew_on),
        Box::new(move || {
            let document = gloo::utils::document();
            let pointer_down = Rc::new(Cell::new(false));
            let settle_timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let down = {
                let (pointer_down, settle_timer) = (pointer_down.clone(), settle_timer.clone());
                // A drag is starting: a selection that settled just before it is no longer news.
                EventListener::new(&document, "pointerdown", move |_| {
                    pointer_down.set(true);
                    settle_timer.replace(None);
                })
            };
            let up = {
                let pointer_down = pointer_down.clone();
                EventListener::new(&document, "pointerup", move |_| pointer_down.set(false))
            };
            let settle_soon = move |timer: &RefCell<Option<Timeout>>, consider: &Callback<_>| {
                let consider: Callback<SelectionTrigger> = consider.clone();
                timer.replace(Some(Timeout::new(
                    SELECTION_SETTLE_MILLISECONDS,
                    move || consider.emit(SelectionTrigger::Settled),
                )));
            };
            // A selection made before these listeners were here (the drag that loaded the widget,
            // ended before it was ready) has no event still to come: look at it once.
            let selected_already = document
                .get_selection()
                .ok()
                .flatten()
                .is_some_and(|selection| !selection.is_collapsed());
            if selected_already {
                settle_soon(&settle_timer, &consider_selection);
            }
            let change = EventListener::new(&document, "selectionchange", move |_| {
                if !pointer_down.get() {
                    settle_soon(&settle_timer, &consider_selection);
                }
            });
            Teardown::new(move || drop((down, up, change)))
        }),
    );
}
