//! The one shape every kind of state in the widget takes: a plain value changed only by
//! applying actions, so each change is a named, testable event and the UI layer's hook
//! stays one generic line (`ui::store::use_store`).
//!
//! Invariant: `apply` returns `false` exactly when nothing changed, so the UI keeps the same
//! `Rc` and neither re-renders nor re-saves.

pub trait Reducer: Clone + Default {
    type Action;

    /// Applies `action`; returns whether anything changed.
    fn apply(&mut self, action: Self::Action) -> bool;
}
