//! Offering the reader's selections for tagging: a selection made with the pointer or with
//! Shift and the arrow keys (or one that settled, from a touch screen or assistive technology)
//! becomes the pending selection, snapped to whole words; a click on a highlight opens its
//! claims; a tap on plain text offers its sentence (WCAG 2.2, 2.5.7: no drag needed).
//!
//! Invariants:
//! - A settling selection never reopens a picker the reader closed for the same words.
//! - A drag that ends on a highlight is a new selection, not a click on the highlight.
//! - Listeners are on the surface's own element and go with it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, MouseEvent};
use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::{LoadedArticle, SurfaceChoice};
use crate::browser::article_surface::ArticleSurface;
use crate::browser::scrolling::{page_position, popover_position_below};
use crate::core::annotation_state::AnnotationState;
use crate::core::char_range::CharRange;
use crate::core::keyboard_cursor::sentence_at;
use crate::core::shared::Shared;
use crate::core::view_state::{PendingSelection, ViewAction, ViewState};
use crate::core::word_snap::snap_to_words;
use crate::ui::settled_selection::{use_settled_selection, SelectionTrigger};
use crate::ui::store::StoreDispatcher;

/// Finds the surface the article is drawn on now (the own copy's element exists only once
/// rendered).
pub type SurfaceFinder = Rc<dyn Fn() -> Option<Rc<dyn ArticleSurface>>>;

pub struct SelectionOffersProps {
    pub surface: SurfaceFinder,
    pub choice: SurfaceChoice,
    pub loaded: LoadedArticle,
    /// The claims on screen now, for listeners installed once.
    pub shown_now: Rc<RefCell<Shared<AnnotationState>>>,
    /// The saved claims are restored: clicks may open them.
    pub ready: bool,
    pub view_dispatcher: StoreDispatcher<ViewState>,
}

#[hook]
pub fn use_selection_offers(props: SelectionOffersProps) {
    let SelectionOffersProps {
        surface,
        choice,
        loaded,
        shown_now,
        ready,
        view_dispatcher,
    } = props;
    let article = loaded.article.clone();
    // The article now, for listeners installed once.
    let article_now = use_mut_ref(|| article.clone());
    *article_now.borrow_mut() = article.clone();
    // The last selection the reader was offered a picker for (or dismissed one for), so that a
    // settling selection never reopens a picker the reader closed.
    let last_considered = use_mut_ref(|| None::<CharRange>);
    let consider_selection = {
        let article = article.clone();
        let surface = surface.clone();
        let view_dispatcher = view_dispatcher.clone();
        let last_considered = last_considered.clone();
        Callback::from(move |trigger: SelectionTrigger| {
            let Some(surface) = surface().filter(|surface| surface.takes_selections()) else {
                return;
            };
            let snapped = surface.selection().and_then(|(raw, rect)| {
                let range = snap_to_words(&article.text, raw)?;
                Some((range, raw, rect))
            });
            let Some((range, raw, rect)) = snapped else {
                if trigger == SelectionTrigger::PointerOrKeys {
                    view_dispatcher.dispatch(ViewAction::DismissSelection);
                }
                return;
            };
            if trigger == SelectionTrigger::Settled && *last_considered.borrow() == Some(range) {
                return;
            }
            *last_considered.borrow_mut() = Some(range);
            // Show the reader exactly the words that will be tagged.
            let rect = if range == raw {
                rect
            } else {
                surface.select(range).unwrap_or(rect)
            };
            view_dispatcher.dispatch(ViewAction::OfferSelection(PendingSelection {
                range,
                at: popover_position_below(&rect),
            }));
        })
    };

    use_settled_selection(consider_selection.clone(), loaded);
    {
        // Pointer and keys on the article: selections, and clicks on highlights.
        let surface = surface.clone();
        let consider_selection = consider_selection.clone();
        use_effect_when_changed(
            EffectDeps::new((choice, ready)),
            Box::new(move || {
                let target = surface()
                    .filter(|surface| surface.takes_selections())
                    .map(|surface| (surface.event_target(), surface));
                let listeners = target.map(|(target, surface)| {
                    let mouse_up = {
                        let consider_selection = consider_selection.clone();
                        EventListener::new(&target, "mouseup", move |_| {
                            consider_selection.emit(SelectionTrigger::PointerOrKeys)
                        })
                    };
                    let key_up = EventListener::new(&target, "keyup", move |event| {
                        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        if event.shift_key() || event.key() == "Shift" {
                            consider_selection.emit(SelectionTrigger::PointerOrKeys);
                        }
                    });
                    let click = EventListener::new(&target, "click", move |event| {
                        let Some(event) = event.dyn_ref::<MouseEvent>() else {
                            return;
                        };
                        // A drag that ended on a highlight is a new selection, not a click on it.
                        if surface.selection().is_some() {
                            return;
                        }
                        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
                        let pointed =
                            surface.claims_at_point(x, y, shown_now.borrow().annotations());
                        if let Some(pointed) = pointed {
                            view_dispatcher.dispatch(ViewAction::OpenClaims {
                                ids: pointed.ids,
                                at: popover_position_below(&pointed.highlight),
                            });
                        } else if let Some(sentence) = surface
                            .position_at_point(x, y)
                            .and_then(|position| sentence_at(&article_now.borrow(), position))
                        {
                            // One tap, no drag: offer the sentence (WCAG 2.2, 2.5.7).
                            view_dispatcher.dispatch(ViewAction::OfferSentence(PendingSelection {
                                range: sentence,
                                at: page_position(x - 24.0, y + 18.0),
                            }));
                        }
                    });
                    (mouse_up, key_up, click)
                });
                Teardown::new(move || drop(listeners))
            }),
        );
    }
}
