//! The thin `Reducible` wrapper around the core's reducer.

use std::rc::Rc;

use yew::Reducible;

use super::shared::Shared;
use crate::core::annotation_state::{Action, AnnotationState};

#[derive(Default, PartialEq)]
pub struct AnnotationStore {
    pub state: Shared<AnnotationState>,
}

impl Default for Shared<AnnotationState> {
    fn default() -> Self {
        Shared::new(AnnotationState::default())
    }
}

impl Reducible for AnnotationStore {
    type Action = Action;

    /// An action that changes nothing keeps the same `Rc`, so nothing re-renders or re-saves.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self.state).clone();
        if state.apply(action) {
            Rc::new(AnnotationStore {
                state: Shared::new(state),
            })
        } else {
            self
        }
    }
}
