use super::*;

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

/// The reference: the fewest edits of `pattern` against any substring of `text` ending at each
/// position, by the textbook O(m·n) dynamic program.
fn reference_best_errors(pattern: &[char], text: &[char]) -> Option<usize> {
    let mut previous: Vec<usize> = (0..=pattern.len()).collect();
    let mut best = previous[pattern.len()];
    for &text_char in text {
        let mut current = vec![0usize; pattern.len() + 1];
        for (row, &pattern_char) in pattern.iter().enumerate() {
            current[row + 1] = (previous[row] + usize::from(pattern_char != text_char))
                .min(previous[row + 1] + 1)
                .min(current[row] + 1);
        }
        best = best.min(current[pattern.len()]);
        previous = current;
    }
    Some(best)
}

fn check(name: &str, pattern: &str, text: &str, max_errors: usize, expected: &[(&str, usize)]) {
    let text_chars = chars(text);
    let hits: Vec<(String, usize)> = CompiledPattern::new(&chars(pattern))
        .search(&text_chars, max_errors)
        .iter()
        .map(|hit| {
            (
                text_chars[hit.start..hit.end].iter().collect::<String>(),
                hit.errors,
            )
        })
        .collect();
    let found: Vec<(&str, usize)> = hits
        .iter()
        .map(|(words, errors)| (words.as_str(), *errors))
        .collect();
    assert_eq!(found, expected, "{name}");
}

#[test]
fn search_cases() {
    check("exact", "letter", "an open letter to", 0, &[("letter", 0)]);
    check(
        "one substitution",
        "letter",
        "an open lettor to",
        1,
        &[("lettor", 1)],
    );
    check(
        "one deletion in the text",
        "letter",
        "an open leter to",
        1,
        &[("leter", 1)],
    );
    check(
        "one insertion in the text",
        "letter",
        "an open lettter to",
        1,
        &[("lettter", 1)],
    );
    check("too many errors", "letter", "an open lxttxr to", 1, &[]);
    check(
        "unicode",
        "حقوق الإنسان",
        "عن حقوق الانسان في",
        1,
        &[("حقوق الانسان", 1)],
    );
    check("cjk", "人权组织", "许多人权组识呼吁", 1, &[("人权组识", 1)]);
    let long_pattern = "The international community can no longer sit back and allow the Chinese authorities to trample on human rights";
    let long_text = "said: The international community can no longer sit back and allow Chinese authorities to trample on human rights at home";
    check(
        "pattern over 64 characters (two blocks)",
        long_pattern,
        long_text,
        10,
        &[("The international community can no longer sit back and allow Chinese authorities to trample on human rights", 4)],
    );
    // Regression: one match per run of nearby ends, so the exact occurrence hid a corrected one
    // overlapping it, and the anchoring never weighed the quote's own, corrected place.
    check(
        "an exact occurrence overlapping a corrected one: both",
        "rights rights",
        "rights rights rigZts",
        3,
        &[("rights rights", 0), ("rights rigZts", 1)],
    );
}

#[test]
fn matches_the_textbook_algorithm_on_random_inputs() {
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet = ['a', 'b', 'c', 'é', '中'];
    for case in 0..400 {
        let pattern: Vec<char> = (0..1 + next() % 150)
            .map(|_| alphabet[(next() % 5) as usize])
            .collect();
        let text: Vec<char> = (0..next() % 300)
            .map(|_| alphabet[(next() % 5) as usize])
            .collect();
        let max_errors = (next() % (pattern.len() as u64 + 1)) as usize;
        let hits = CompiledPattern::new(&pattern).search(&text, max_errors);
        let expected =
            reference_best_errors(&pattern, &text).filter(|&errors| errors <= max_errors);
        assert_eq!(hits.first().map(|hit| hit.errors), expected, "case {case}");
        for hit in &hits {
            assert_eq!(
                edit_distance(&pattern, &text[hit.start..hit.end]),
                hit.errors,
                "case {case}: start of {hit:?}"
            );
        }
    }
}
