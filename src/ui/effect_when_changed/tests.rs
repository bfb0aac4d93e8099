use super::*;

fn check(name: &str, first: EffectDeps, second: EffectDeps, equal: bool) {
    assert_eq!(first == second, equal, "{name}");
}

/// The comparison that decides whether an effect runs again: by value, and never equal across
/// types (a `u32` 1 is not a `u64` 1, though both print the same).
#[test]
fn dependencies_compare_by_value_within_one_type() {
    let cases = [
        (
            "unit with unit",
            EffectDeps::new(()),
            EffectDeps::new(()),
            true,
        ),
        (
            "the same text",
            EffectDeps::new(String::from("a")),
            EffectDeps::new(String::from("a")),
            true,
        ),
        (
            "other text",
            EffectDeps::new(String::from("a")),
            EffectDeps::new(String::from("b")),
            false,
        ),
        (
            "the same pair",
            EffectDeps::new((1u64, true)),
            EffectDeps::new((1u64, true)),
            true,
        ),
        (
            "a pair that differs in its second",
            EffectDeps::new((1u64, true)),
            EffectDeps::new((1u64, false)),
            false,
        ),
        (
            "one number in two types",
            EffectDeps::new(1u32),
            EffectDeps::new(1u64),
            false,
        ),
        (
            "nothing, of the same type",
            EffectDeps::new(None::<String>),
            EffectDeps::new(None::<String>),
            true,
        ),
    ];
    for (name, first, second, equal) in cases {
        check(name, first, second, equal);
    }
}
