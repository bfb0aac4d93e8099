use super::*;

struct Case {
    name: &'static str,
    original: &'static str,
    quoted: &'static str,
    /// Which occurrence of `quoted` in `original` was annotated (0 = first).
    occurrence: usize,
    changed: &'static str,
    /// The occurrence of `quoted` in `changed` that must be found, or `None` for no match.
    expected_occurrence: Option<usize>,
    min_confidence: f32,
}

fn check(case: &Case) {
    let original = SourceText::new(case.original);
    let range = original.find_range(case.quoted, case.occurrence);
    let quote = describe_quote(&original, range);
    assert_eq!(quote.exact, case.quoted, "{}", case.name);
    let changed = SourceText::new(case.changed);
    let found = match_quote(
        &MatchableText::new(&changed),
        &quote,
        Some(describe_position(range)),
    );
    match case.expected_occurrence {
        None => assert_eq!(found, None, "{}", case.name),
        Some(occurrence) => {
            let found = found.unwrap_or_else(|| panic!("{}: no match", case.name));
            assert_eq!(
                found.range,
                changed.find_range(case.quoted, occurrence),
                "{}",
                case.name
            );
            assert!(
                found.confidence >= case.min_confidence,
                "{}: confidence {}",
                case.name,
                found.confidence
            );
        }
    }
}

#[test]
fn describe_then_match() {
    let cases = [
        Case {
            name: "unchanged text",
            original: "one two three",
            quoted: "two",
            occurrence: 0,
            changed: "one two three",
            expected_occurrence: Some(0),
            min_confidence: 1.0,
        },
        Case {
            name: "text inserted before the quote",
            original: "The letter warned of threats.",
            quoted: "warned",
            occurrence: 0,
            changed: "Yesterday, the letter warned of threats.",
            expected_occurrence: Some(0),
            min_confidence: 0.8,
        },
        Case {
            name: "same sentence twice: context picks the second",
            original: "Alpha said no. Beta said no. Gamma.",
            quoted: "said no",
            occurrence: 1,
            changed: "Intro. Alpha said no. Beta said no. Gamma.",
            expected_occurrence: Some(1),
            min_confidence: 0.5,
        },
        Case {
            name: "quote deleted",
            original: "keep this claim here",
            quoted: "claim",
            occurrence: 0,
            changed: "keep this here",
            expected_occurrence: None,
            min_confidence: 0.0,
        },
        Case {
            name: "emoji before the quote",
            original: "😀 a claim",
            quoted: "claim",
            occurrence: 0,
            changed: "😀😀 a claim",
            expected_occurrence: Some(0),
            min_confidence: 0.8,
        },
        Case {
            name: "cjk",
            original: "他说这是谣言。",
            quoted: "谣言",
            occurrence: 0,
            changed: "昨天他说这是谣言。",
            expected_occurrence: Some(0),
            min_confidence: 0.8,
        },
        Case {
            name: "arabic",
            original: "قال إن الادعاء كاذب",
            quoted: "كاذب",
            occurrence: 0,
            changed: "قال إن الادعاء كاذب",
            expected_occurrence: Some(0),
            min_confidence: 1.0,
        },
        Case {
            name: "one-character quote",
            original: "a b c",
            quoted: "b",
            occurrence: 0,
            changed: "a b c",
            expected_occurrence: Some(0),
            min_confidence: 1.0,
        },
    ];
    for case in &cases {
        check(case);
    }
}

#[test]
fn empty_quote_never_matches() {
    let text = SourceText::new("anything");
    let quote = TextQuoteSelector {
        exact: String::new(),
        prefix: String::new(),
        suffix: String::new(),
    };
    assert_eq!(
        match_quote(
            &MatchableText::new(&text),
            &quote,
            Some(TextPositionSelector { start: 0, end: 0 })
        ),
        None
    );
}

#[test]
fn context_is_clipped_at_the_text_edges() {
    let text = SourceText::new("short 😀 text");
    let quote = describe_quote(&text, CharRange::new(6, 7));
    assert_eq!(
        quote,
        TextQuoteSelector {
            exact: "😀".into(),
            prefix: "short ".into(),
            suffix: " text".into()
        }
    );
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    #[test]
    fn matching_a_described_quote_returns_its_range(text in "[a-c😀中 é]{1,80}", a in 0usize..80, b in 0usize..80) {
        let text = SourceText::new(text);
        let len = text.len_chars();
        let range = CharRange::new(a % (len + 1), b % (len + 1));
        proptest::prop_assume!(!range.is_empty());
        let found = match_quote(&MatchableText::new(&text), &describe_quote(&text, range), Some(describe_position(range)));
        proptest::prop_assert_eq!(found.map(|found| (found.range, found.confidence)), Some((range, 1.0)));
    }

    /// Without the position, the quote alone finds the range: `describe_quote` grows the context
    /// until it is unique. (No white space in the alphabet: matching folds white-space runs, so
    /// "a  b" and "a b" are meant to look alike.)
    #[test]
    fn a_described_quote_alone_finds_its_range(text in "[a-c😀中é]{1,80}", a in 0usize..80, b in 0usize..80) {
        let text = SourceText::new(text);
        let len = text.len_chars();
        let range = CharRange::new(a % (len + 1), b % (len + 1));
        proptest::prop_assume!(!range.is_empty());
        let found = match_quote(&MatchableText::new(&text), &describe_quote(&text, range), None);
        proptest::prop_assert_eq!(found.map(|found| found.range), Some(range));
    }
}

#[test]
fn context_grows_until_the_quote_is_unique() {
    let repeated = "x".repeat(40);
    let text = SourceText::new(format!(
        "A {repeated} said no {repeated} B {repeated} said no {repeated} C"
    ));
    let second = text.as_str().rfind("said no").unwrap();
    let start = text.char_position_of_byte(second);
    let quote = describe_quote(&text, CharRange::new(start, start + 7));
    assert!(
        quote.prefix.chars().count() > QUOTE_CONTEXT_CHARS,
        "prefix grew to {}",
        quote.prefix.chars().count()
    );
    let found = match_quote(&MatchableText::new(&text), &quote, None).unwrap();
    assert_eq!(found.range, CharRange::new(start, start + 7));
}
