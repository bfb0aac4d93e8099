//! The one thin hook for every kind of state the core reduces: the annotations
//! ([`crate::core::annotation_state::AnnotationState`]), the view
//! ([`crate::core::view_state::ViewState`]), the claim list's window and the library are all
//! plain [`Reducer`]s applied by the core, held in a [`Store`] through [`use_store`].
//!
//! Invariant: an action that changes nothing keeps the same `Rc`, so nothing re-renders or
//! re-saves. The store lives in [`super::component_state`]'s one copy of Yew's reducer
//! machinery, so each kind of state adds only its own action closure to the wasm.

use std::marker::PhantomData;
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use super::component_state::{use_any_state, AnyState, StateChange};
use crate::core::reducer::Reducer;
use crate::core::shared::Shared;

/// One state of the core, as its components read it.
#[derive(PartialEq)]
pub struct Store<S> {
    pub state: Shared<S>,
}

/// A component's [`Store`]: reads as the store, and dispatches the core's actions to it.
pub struct StoreHandle<S> {
    handle: UseReducerHandle<AnyState>,
    state: PhantomData<fn() -> S>,
}

/// Sends the core's actions to a [`Store`], without reading it (what callbacks keep).
pub struct StoreDispatcher<S> {
    dispatcher: UseReducerDispatcher<AnyState>,
    state: PhantomData<fn() -> S>,
}

/// A store holding `S::default()` on the first render.
#[hook]
pub fn use_store<S: Reducer + 'static>() -> StoreHandle<S> {
    StoreHandle {
        handle: use_any_state(Box::new(|| {
            AnyState::new(Store {
                state: Shared::new(S::default()),
            })
        })),
        state: PhantomData,
    }
}

impl<S: Reducer + 'static> StoreHandle<S> {
    pub fn dispatch(&self, action: S::Action) {
        self.dispatcher().dispatch(action);
    }

    pub fn dispatcher(&self) -> StoreDispatcher<S> {
        StoreDispatcher {
            dispatcher: self.handle.dispatcher(),
            state: PhantomData,
        }
    }
}

impl<S: Reducer + 'static> StoreDispatcher<S> {
    /// Applies `action` to the store's latest state; re-renders only when it changed anything.
    pub fn dispatch(&self, action: S::Action) {
        self.dispatcher.dispatch(reduction::<S>(action));
    }
}

/// The change a dispatch sends: the core applies `action` to the latest state; when nothing
/// changed, the same `Rc` stays (and nothing renders).
pub(super) fn reduction<S: Reducer + 'static>(action: S::Action) -> StateChange {
    Box::new(move |held: Rc<AnyState>| {
        let mut state = (*held.value::<Store<S>>().state).clone();
        if state.apply(action) {
            Rc::new(AnyState::new(Store {
                state: Shared::new(state),
            }))
        } else {
            held
        }
    })
}

impl<S: 'static> Deref for StoreHandle<S> {
    type Target = Store<S>;

    fn deref(&self) -> &Store<S> {
        self.handle.value()
    }
}

impl<S> Clone for StoreHandle<S> {
    fn clone(&self) -> Self {
        StoreHandle {
            handle: self.handle.clone(),
            state: PhantomData,
        }
    }
}

impl<S> Clone for StoreDispatcher<S> {
    fn clone(&self) -> Self {
        StoreDispatcher {
            dispatcher: self.dispatcher.clone(),
            state: PhantomData,
        }
    }
}

/// Two dispatchers are equal when they send to the same store.
impl<S> PartialEq for StoreDispatcher<S> {
    fn eq(&self, other: &Self) -> bool {
        self.dispatcher == other.dispatcher
    }
}

#[cfg(test)]
mod tests;
