//! Every piece of a component's state through one copy of Yew's reducer machinery.
//!
//! Yew's `use_state`, `use_state_eq` and `use_reducer` are generic over the state's type, so
//! each type held compiles its own copy of the hook, its dispatch closure, its handle's
//! `Deref` and `Clone` and its drops: about 750 B of wasm per type, and more functions for V8
//! to compile on the start's first render. Here Yew sees one state type only, [`AnyState`] (a
//! value behind `dyn Any`), changed by boxed closures; the typed handles
//! ([`StateHandle`] here, and [`super::store::StoreHandle`] for the core's reducers) are thin
//! views of it, so each type adds only its own small closures.
//!
//! Invariants (the same as Yew's hooks'):
//! - A handle reads the latest value, also after a change that has not rendered yet.
//! - A change re-renders the component, except when it leaves the same value: a `Store` whose
//!   action changed nothing, or a [`use_component_state_eq`] set to an equal value.
//! - A state holds one type for its whole life: its handle reads it as that type and no other.

use std::any::Any;
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

/// A component's state of any type, as Yew's one reducer holds it.
pub struct AnyState(Box<dyn Any>);

/// The handle of a state made by [`use_component_state`] or [`use_component_state_eq`]: reads
/// as `T`, and [`StateHandle::set`] replaces it.
pub struct StateHandle<T> {
    handle: UseReducerHandle<AnyState>,
    /// `Some` for [`use_component_state_eq`]: a value equal to the one held changes nothing.
    same: Option<fn(&T, &T) -> bool>,
}

/// A state that re-renders its component on every [`StateHandle::set`], like Yew's `use_state`.
#[hook]
pub fn use_component_state<T, F>(init: F) -> StateHandle<T>
where
    T: 'static,
    F: FnOnce() -> T,
{
    StateHandle {
        handle: use_any_state(Box::new(move || AnyState::new(init()))),
        same: None,
    }
}

/// A state whose [`StateHandle::set`] re-renders only for a value unequal to the one held, like
/// Yew's `use_state_eq`.
#[hook]
pub fn use_component_state_eq<T, F>(init: F) -> StateHandle<T>
where
    T: PartialEq + 'static,
    F: FnOnce() -> T,
{
    StateHandle {
        handle: use_any_state(Box::new(move || AnyState::new(init()))),
        same: Some(T::eq),
    }
}

impl<T: 'static> StateHandle<T> {
    /// Replaces the value and re-renders (for an `_eq` state: unless `value` equals it).
    pub fn set(&self, value: T) {
        self.handle.dispatch(replacement(value, self.same));
    }
}

impl<T: 'static> Deref for StateHandle<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.handle.value()
    }
}

impl<T> Clone for StateHandle<T> {
    fn clone(&self) -> Self {
        StateHandle {
            handle: self.handle.clone(),
            same: self.same,
        }
    }
}

impl<T: PartialEq + 'static> PartialEq for StateHandle<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl AnyState {
    pub(super) fn new<T: 'static>(value: T) -> AnyState {
        AnyState(Box::new(value))
    }

    /// The value, as the one type this state holds for its whole life.
    pub(super) fn value<T: 'static>(&self) -> &T {
        match self.0.downcast_ref::<T>() {
            Some(value) => value,
            None => read_as_another_type(),
        }
    }
}

/// How one state becomes the next. Returning the same `Rc` means "nothing changed": Yew then
/// does not re-render.
pub(super) type StateChange = Box<dyn FnOnce(Rc<AnyState>) -> Rc<AnyState>>;

impl Reducible for AnyState {
    type Action = StateChange;

    fn reduce(self: Rc<Self>, change: StateChange) -> Rc<Self> {
        change(self)
    }
}

/// The change [`StateHandle::set`] sends: `value` in place of the one held, unless `same` says
/// they are equal (then the same `Rc`, and no render).
pub(super) fn replacement<T: 'static>(value: T, same: Option<fn(&T, &T) -> bool>) -> StateChange {
    Box::new(move |held: Rc<AnyState>| {
        if same.is_some_and(|same| same(held.value(), &value)) {
            held
        } else {
            Rc::new(AnyState::new(value))
        }
    })
}

/// The one call of Yew's `use_reducer` in the widget: every state goes through it.
#[hook]
pub(super) fn use_any_state<'init>(
    init: Box<dyn FnOnce() -> AnyState + 'init>,
) -> UseReducerHandle<AnyState> {
    use_reducer(init)
}

/// Unreachable: each handle reads its state only as the type it made it with. One shared
/// panic, instead of one per type.
#[cold]
fn read_as_another_type() -> ! {
    panic!("a component's state was read as another type")
}

#[cfg(test)]
mod tests;
