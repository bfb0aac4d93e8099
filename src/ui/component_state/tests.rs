use super::*;

/// What a change left: the value now held, and whether it is still the same `Rc` (Yew then
/// does not re-render).
fn check(name: &str, held: Rc<AnyState>, change: StateChange, value: u32, kept: bool) {
    let after = held.clone().reduce(change);
    assert_eq!(*after.value::<u32>(), value, "{name}: the value");
    assert_eq!(Rc::ptr_eq(&held, &after), kept, "{name}: the same Rc");
}

fn holding(value: u32) -> Rc<AnyState> {
    Rc::new(AnyState::new(value))
}

#[test]
fn setting_a_state_replaces_it_unless_an_eq_state_holds_an_equal_value() {
    let compared: Option<fn(&u32, &u32) -> bool> = Some(u32::eq);
    let cases = [
        (
            "a plain state, a new value",
            holding(1),
            replacement(2u32, None),
            2,
            false,
        ),
        // Yew's `use_state` re-renders on every set, even of an equal value.
        (
            "a plain state, an equal value",
            holding(1),
            replacement(1u32, None),
            1,
            false,
        ),
        (
            "an eq state, a new value",
            holding(1),
            replacement(2, compared),
            2,
            false,
        ),
        (
            "an eq state, an equal value",
            holding(1),
            replacement(1, compared),
            1,
            true,
        ),
    ];
    for (name, held, change, value, kept) in cases {
        check(name, held, change, value, kept);
    }
}

/// A handle reads its state only as the type it made it with; anything else is a bug, caught
/// by one shared panic with a message that says so.
#[test]
fn reading_a_state_as_another_type_panics_with_its_message() {
    let read = std::panic::catch_unwind(|| *holding(1).value::<u64>());
    let panic = read.expect_err("a u32 state read as u64 must panic");
    let message = panic
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned());
    assert_eq!(
        message.as_deref(),
        Some("a component's state was read as another type")
    );
    assert_eq!(*holding(1).value::<u32>(), 1, "its own type reads");
}
