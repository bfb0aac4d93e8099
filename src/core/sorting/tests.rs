use super::*;

/// Sorts `(key, original position)` pairs by key only, and checks the result against the
/// standard library's stable sort, which keeps equal keys in their original order too.
fn check(name: &str, keys: &[i32]) {
    let items: Vec<(i32, usize)> = keys.iter().copied().zip(0..).collect();
    let mut ours = items.clone();
    sort_by_key(&mut ours, |item| item.0);
    let mut expected = items;
    expected.sort_by_key(|item| item.0);
    assert_eq!(ours, expected, "{name}");
}

#[test]
fn sorting_cases() {
    let cases: &[(&str, &[i32])] = &[
        ("empty", &[]),
        ("one", &[5]),
        ("already sorted", &[1, 2, 3, 4, 5, 6, 7]),
        ("reversed", &[9, 8, 7, 6, 5, 4, 3, 2, 1]),
        ("equal keys keep their order", &[2, 1, 2, 1, 2, 1, 2]),
        ("all equal", &[3, 3, 3, 3, 3]),
        (
            "a length that is not a power of two",
            &[5, -1, 12, 0, 7, 7, -3, 2, 9, 1, 4],
        ),
    ];
    for (name, keys) in cases {
        check(name, keys);
    }
    let mut words = vec!["pear", "apple", "fig"];
    sort(&mut words);
    assert_eq!(words, ["apple", "fig", "pear"], "natural order");
    let mut numbers = vec![1, 3, 2];
    sort_by(&mut numbers, |a, b| b.cmp(a));
    assert_eq!(numbers, [3, 2, 1], "a comparator");
}

#[test]
fn a_comparator_that_is_no_order_loses_no_item() {
    let mut items: Vec<u32> = (0..50).collect();
    let mut calls = 0u32;
    sort_by(&mut items, |_, _| {
        calls += 1;
        if calls % 3 == 0 {
            Ordering::Less
        } else {
            Ordering::Greater
        }
    });
    items.sort();
    assert_eq!(items, (0..50).collect::<Vec<_>>());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn same_as_the_standard_stable_sort(keys in proptest::collection::vec(-20i32..20, 0..300)) {
        check("generated", &keys);
    }
}
