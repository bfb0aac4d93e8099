use super::*;
use crate::core::reducer::Reducer;

/// A reducer small enough to read: counts up, and ignores an action of 0.
#[derive(Clone, Default, PartialEq, Debug)]
struct Count(u32);

impl Reducer for Count {
    type Action = u32;

    fn apply(&mut self, by: u32) -> bool {
        self.0 += by;
        by != 0
    }
}

fn check(name: &str, actions: &[u32], count: u32, renders: usize) {
    let mut held = Rc::new(AnyState::new(Store {
        state: Shared::new(Count::default()),
    }));
    let mut changes = 0;
    for &action in actions {
        let after = held.clone().reduce(reduction::<Count>(action));
        if !Rc::ptr_eq(&after, &held) {
            changes += 1;
        }
        held = after;
    }
    assert_eq!(
        (*held.value::<Store<Count>>().state).0,
        count,
        "{name}: the state"
    );
    assert_eq!(changes, renders, "{name}: the changes Yew renders");
}

/// The store's invariant: an action that changes nothing keeps the same `Rc`.
#[test]
fn a_store_changes_only_when_the_core_says_its_action_did() {
    let cases: [(&str, &[u32], u32, usize); 4] = [
        ("no action", &[], 0, 0),
        ("one change", &[2], 2, 1),
        ("an action that changes nothing", &[0], 0, 0),
        ("changes around one that does not", &[1, 0, 3], 4, 2),
    ];
    for (name, actions, count, renders) in cases {
        check(name, actions, count, renders);
    }
}
