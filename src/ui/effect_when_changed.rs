//! Every effect of the widget through one copy of Yew's effect machinery.
//!
//! Yew's `use_effect_with` is generic over the dependencies, the effect and its teardown, so
//! each place that calls it compiles its own copy of the hook's state, its run after the
//! render, its comparison and its drop: about 700 B of wasm per call, and one more function
//! for V8 to compile on the start's first render. Here the dependencies are compared through
//! `dyn Any` and the effect and its teardown are boxed, so one copy serves every effect and
//! each call adds only its own closure.
//!
//! Invariants (the same as `use_effect_with`'s):
//! - An effect runs after the first render, and after each later render whose dependencies
//!   differ (by their `PartialEq`) from those of the effect's last run.
//! - Its teardown runs before the effect runs again, and when the component goes away.

use std::any::Any;

use yew::prelude::*;

/// What an effect leaves to undo: nothing, or a closure that runs before the next run and when
/// the component goes away.
pub struct Teardown(Option<Box<dyn FnOnce()>>);

impl Teardown {
    pub const NONE: Teardown = Teardown(None);

    pub fn new(undo: impl FnOnce() + 'static) -> Teardown {
        Teardown(Some(Box::new(undo)))
    }
}

/// An effect's dependencies, of any comparable type.
pub struct EffectDeps(Box<dyn ComparableDeps>);

impl EffectDeps {
    pub fn new<T: PartialEq + 'static>(deps: T) -> EffectDeps {
        EffectDeps(Box::new(deps))
    }
}

impl PartialEq for EffectDeps {
    fn eq(&self, other: &EffectDeps) -> bool {
        self.0.same_as(other.0.as_any())
    }
}

/// Runs `effect` after this render when `deps` changed since its last run (and after the first
/// render). See the module's invariants.
#[hook]
pub fn use_effect_when_changed(deps: EffectDeps, effect: Box<dyn FnOnce() -> Teardown>) {
    use_effect_with(deps, move |_| {
        let Teardown(undo) = effect();
        move || {
            if let Some(undo) = undo {
                undo();
            }
        }
    });
}

trait ComparableDeps {
    fn same_as(&self, other: &dyn Any) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + 'static> ComparableDeps for T {
    fn same_as(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests;
