//! The one thin `Reducible` for every kind of state: the annotations
//! ([`crate::core::annotation_state::AnnotationState`]) and the view
//! ([`crate::core::view_state::ViewState`]) are both plain [`Reducer`]s applied by the core.

use std::rc::Rc;

use yew::Reducible;

use crate::core::reducer::Reducer;
use crate::core::shared::Shared;

#[derive(PartialEq)]
pub struct Store<S> {
    pub state: Shared<S>,
}

impl<S: Default> Default for Store<S> {
    fn default() -> Self {
        Store {
            state: Shared::default(),
        }
    }
}

impl<S: Reducer> Reducible for Store<S> {
    type Action = S::Action;

    /// An action that changes nothing keeps the same `Rc`, so nothing re-renders or re-saves.
    fn reduce(self: Rc<Self>, action: S::Action) -> Rc<Self> {
        let mut state = (*self.state).clone();
        if state.apply(action) {
            Rc::new(Store {
                state: Shared::new(state),
            })
        } else {
            self
        }
    }
}
