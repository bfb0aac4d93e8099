use super::*;
use crate::core::article::parse_article;
use crate::core::word_snap::snap_to_words;

const SEED: &str = include_str!("../../../static/article.txt");

struct Case {
    name: &'static str,
    text: &'static str,
    /// Where the reader starts: `""` presses Enter (the cursor appears on the first word); any
    /// other text puts the cursor on [`word_at`] the start of its first occurrence.
    from: &'static str,
    /// The keys pressed, separated by spaces: `→ ← ↓ ↑ Home End`, each may have `⇧` (Shift)
    /// before it. Or `tap`: the reader taps at `from` and chooses "Select this sentence".
    keys: &'static str,
    /// The cursor word and the selection, as text; `("", "")` when there is no word at all.
    expected: (&'static str, &'static str),
}

fn check(case: &Case) {
    let name = case.name;
    let article = parse_article(case.text).unwrap_or_else(|_| panic!("{name}: no article"));
    let text = &article.text;
    let position = match case.from {
        "" => 0,
        from => text.find_range(from, 0).start,
    };
    let start = match case.from {
        "" => first_word(&article),
        _ => word_at(&article, position),
    };
    let Some(word) = start else {
        assert_eq!(case.expected, ("", ""), "{name}: no word");
        return;
    };
    let mut cursor = ReadingCursor { word, anchor: None };
    let mut selection = cursor.selection();
    for key in case.keys.split_whitespace() {
        let (extend, key) = match key.strip_prefix('⇧') {
            Some(key) => (true, key),
            None => (false, key),
        };
        let movement = match key {
            "→" => CursorMove::NextWord,
            "←" => CursorMove::PreviousWord,
            "↓" => CursorMove::NextSentence,
            "↑" => CursorMove::PreviousSentence,
            "Home" => CursorMove::BlockStart,
            "End" => CursorMove::BlockEnd,
            "tap" => {
                selection = sentence_at(&article, position)
                    .unwrap_or_else(|| panic!("{name}: no sentence"));
                continue;
            }
            other => panic!("{name}: unknown key {other}"),
        };
        cursor = move_cursor(&article, &cursor, movement, extend);
        assert_eq!(
            cursor.anchor.is_some(),
            extend,
            "{name}: anchor after {key}"
        );
        assert_inside_a_piece(name, &article, cursor.word);
        selection = cursor.selection();
    }
    assert_inside_a_piece(name, &article, cursor.word);
    assert_eq!(
        (text.slice(cursor.word), text.slice(selection)),
        case.expected,
        "{name}"
    );
}

fn assert_inside_a_piece(name: &str, article: &Article, word: CharRange) {
    assert!(!word.is_empty(), "{name}: empty word");
    assert!(
        article
            .annotatable_ranges()
            .any(|piece| piece.start <= word.start && word.end <= piece.end),
        "{name}: {word:?} is outside every piece"
    );
}

#[test]
fn keyboard_cases() {
    let cases = [
        Case {
            name: "Enter puts the cursor on the first word",
            text: SEED,
            from: "",
            keys: "",
            expected: ("The", "The"),
        },
        Case {
            name: "two words right",
            text: SEED,
            from: "",
            keys: "→ →",
            expected: ("letter", "letter"),
        },
        Case {
            name: "the seed example: Shift+→ twice selects three words",
            text: SEED,
            from: "",
            keys: "→ → ⇧→ ⇧→",
            expected: ("as", "letter comes as"),
        },
        Case {
            name: "← at the first word stays",
            text: SEED,
            from: "",
            keys: "← ↑",
            expected: ("The", "The"),
        },
        Case {
            name: "→ at the last word stays",
            text: SEED,
            from: "AFP",
            keys: "→ ↓ End",
            expected: ("AFP", "AFP"),
        },
        Case {
            name: "a move without Shift drops the anchor",
            text: SEED,
            from: "",
            keys: "→ → ⇧→ ⇧→ →",
            expected: ("scores", "scores"),
        },
        Case {
            name: "extending backwards ends at the anchor word's end",
            text: SEED,
            from: "comes",
            keys: "⇧← ⇧←",
            expected: ("open", "open letter comes"),
        },
        Case {
            name: "extending forwards then back past the anchor",
            text: SEED,
            from: "comes",
            keys: "⇧→ ⇧← ⇧←",
            expected: ("letter", "letter comes"),
        },
        Case {
            name: "→ crosses into the caption, skipping the hidden alt text",
            text: SEED,
            from: "games.",
            keys: "→",
            expected: ("Police", "Police"),
        },
        Case {
            name: "a position on the alt text finds the caption's first word",
            text: SEED,
            from: "Police officers stand",
            keys: "← →",
            expected: ("Police", "Police"),
        },
        Case {
            name: "← crosses back into the standfirst",
            text: SEED,
            from: "Police officers stand",
            keys: "←",
            expected: ("games", "games"),
        },
        Case {
            name: "Shift+← selects across a block boundary",
            text: SEED,
            from: "Hundreds",
            keys: "⇧←",
            expected: ("AP", "AP)\n\nHundreds"),
        },
        Case {
            name: "→ from the photo credit into the next paragraph",
            text: SEED,
            from: "AP)",
            keys: "→",
            expected: ("Hundreds", "Hundreds"),
        },
        Case {
            name: "↓ goes past a closing quote to the next sentence",
            text: SEED,
            from: "When asked",
            keys: "↓",
            expected: ("He", "He"),
        },
        Case {
            name: "↑ goes to the start of the current sentence",
            text: SEED,
            from: "dismissed it",
            keys: "↑",
            expected: ("He", "He"),
        },
        Case {
            name: "↑ at a sentence's start goes to the previous one",
            text: SEED,
            from: "dismissed it",
            keys: "↑ ↑",
            expected: ("When", "When"),
        },
        Case {
            name: "↓ at a block's last sentence goes to the next block",
            text: SEED,
            from: "dismissed it",
            keys: "↓",
            expected: ("Wednesday's", "Wednesday's"),
        },
        Case {
            name: "↑ from a block's first word goes to the previous block's last sentence",
            text: SEED,
            from: "When asked",
            keys: "↑",
            expected: ("Its", "Its"),
        },
        Case {
            name: "Shift+↓ selects to the next sentence's first word",
            text: SEED,
            from: "When asked",
            keys: "⇧↓",
            expected: ("He", "When asked about the letter, Chinese Foreign Ministry spokesperson Zhao Lijian said the \"claims made by these organisations are groundless and not worth refuting.\" He"),
        },
        Case {
            name: "Home and End: first and last word of the paragraph",
            text: SEED,
            from: "charged",
            keys: "End",
            expected: ("world", "world"),
        },
        Case {
            name: "Home",
            text: SEED,
            from: "charged",
            keys: "Home",
            expected: ("And", "And"),
        },
        Case {
            name: "Home then Shift+End selects the caption to its last word",
            text: SEED,
            from: "Yu /",
            keys: "Home ⇧End",
            expected: ("AP", "Police officers stand guard at a downtown street in Hong Kong, September 6, 2020. (Vincent Yu / AP"),
        },
        Case {
            name: "tap: a sentence of the seed",
            text: SEED,
            from: "groundless",
            keys: "tap",
            expected: ("groundless", "When asked about the letter, Chinese Foreign Ministry spokesperson Zhao Lijian said the \"claims made by these organisations are groundless and not worth refuting.\""),
        },
        Case {
            name: "tap: an ellipsis before a lower-case word does not end the sentence",
            text: SEED,
            from: "opposing",
            keys: "tap",
            expected: ("opposing", "And they charged that Beijing was working to \"distort the mandate of the UN Human Rights Council ... (by) opposing initiatives to bring scrutiny of serious rights violations and international crimes in countries around the world.\""),
        },
        Case {
            name: "tap: a word at a block's end (its trailing no-break space trimmed)",
            text: SEED,
            from: "world\u{A0}",
            keys: "tap",
            expected: ("world", "READ MORE:\u{A0}How Uighurs are silenced from sharing their suffering with the world"),
        },
        Case {
            name: "tap: a subheading has no full stop; apostrophes stay in a word, as when snapping",
            text: SEED,
            from: "refuting'",
            keys: "tap",
            expected: ("refuting'", "'Groundless and not worth refuting'"),
        },
        Case {
            name: "tap: white space between sentences belongs to the next",
            text: SEED,
            from: " He dismissed",
            keys: "tap",
            expected: ("He", "He dismissed it as an attempt to \"politicise sports\" that went against the Olympic spirit."),
        },
        Case {
            name: "arabic by word",
            text: "قال إن الادعاء كاذب. ونفى ذلك.",
            from: "",
            keys: "→ → → →",
            expected: ("ونفى", "ونفى"),
        },
        Case {
            name: "arabic by word, extending",
            text: "قال إن الادعاء كاذب. ونفى ذلك.",
            from: "إن",
            keys: "⇧→ ⇧→",
            expected: ("كاذب", "إن الادعاء كاذب"),
        },
        Case {
            name: "arabic by sentence",
            text: "قال إن الادعاء كاذب. ونفى ذلك.",
            from: "",
            keys: "↓ ⇧End",
            expected: ("ذلك", "ونفى ذلك"),
        },
        Case {
            name: "arabic: tap a sentence",
            text: "قال إن الادعاء كاذب. ونفى ذلك.",
            from: "ذلك",
            keys: "tap",
            expected: ("ذلك", "ونفى ذلك."),
        },
        Case {
            name: "arabic question mark",
            text: "هل هذا صحيح؟ لا.",
            from: "هذا",
            keys: "↓",
            expected: ("لا", "لا"),
        },
        Case {
            name: "cjk: each ideograph is a word",
            text: "他说这是谣言。她否认了。",
            from: "",
            keys: "→ → ⇧→ ⇧→",
            expected: ("谣", "这是谣"),
        },
        Case {
            name: "cjk: a full stop ends a sentence without a space",
            text: "他说这是谣言。她否认了。",
            from: "说",
            keys: "↓",
            expected: ("她", "她"),
        },
        Case {
            name: "cjk: ↑ back to the first sentence",
            text: "他说这是谣言。她否认了。",
            from: "认",
            keys: "↑ ↑",
            expected: ("他", "他"),
        },
        Case {
            name: "cjk: tap a sentence",
            text: "他说这是谣言。她否认了。",
            from: "谣",
            keys: "tap",
            expected: ("谣", "他说这是谣言。"),
        },
        Case {
            name: "a combining accent stays inside its word",
            text: "Il a dit cafe\u{301} 👍\u{1F3FD} ok.",
            from: "cafe",
            keys: "⇧→",
            expected: ("👍\u{1F3FD}", "cafe\u{301} 👍\u{1F3FD}"),
        },
        Case {
            name: "an emoji with its skin tone is one word",
            text: "Il a dit cafe\u{301} 👍\u{1F3FD} ok.",
            from: "ok",
            keys: "←",
            expected: ("👍\u{1F3FD}", "👍\u{1F3FD}"),
        },
        Case {
            name: "a decomposed diaeresis and a family emoji stay whole",
            text: "nai\u{308}ve 👨\u{200D}👩\u{200D}👧 and 🇭🇰 flags",
            from: "",
            keys: "⇧→ ⇧→ ⇧→",
            expected: ("🇭🇰", "nai\u{308}ve 👨\u{200D}👩\u{200D}👧 and 🇭🇰"),
        },
        Case {
            name: "punctuation alone is not a word",
            text: "Yes — no! \"Maybe.\"",
            from: "",
            keys: "→ →",
            expected: ("Maybe", "Maybe"),
        },
        Case {
            name: "an article of one word: every move stays",
            text: "Hello",
            from: "",
            keys: "→ ← ↓ ↑ Home ⇧End ⇧→",
            expected: ("Hello", "Hello"),
        },
        Case {
            name: "an article without words has no cursor",
            text: "— … —",
            from: "",
            keys: "→",
            expected: ("", ""),
        },
        Case {
            name: "a decimal point does not end a sentence",
            text: "It fell 3.5 per cent. Then it rose.",
            from: "It",
            keys: "↓",
            expected: ("Then", "Then"),
        },
    ];
    for case in &cases {
        check(case);
    }
}

/// Walks the whole article by NextWord and checks each step against the invariants.
fn assert_words_are_well_formed(article: &Article, position: usize) {
    let text = &article.text;
    let Some(word) = word_at(article, position) else {
        assert!(words(article).all(|word| word.end <= position));
        return;
    };
    let cursor = ReadingCursor { word, anchor: None };
    assert_inside_a_piece("word_at", article, word);
    let snapped = snap_to_words(text, word).unwrap();
    let added = [
        CharRange::new(snapped.start, word.start),
        CharRange::new(word.end, snapped.end),
    ];
    assert!(
        snapped.start <= word.start
            && word.end <= snapped.end
            && added
                .iter()
                .all(|range| text.slice(*range).chars().all(char::is_whitespace)),
        "{:?} snaps to {:?}",
        text.slice(word),
        text.slice(snapped)
    );
    for movement in [
        CursorMove::NextWord,
        CursorMove::PreviousWord,
        CursorMove::NextSentence,
        CursorMove::PreviousSentence,
        CursorMove::BlockStart,
        CursorMove::BlockEnd,
    ] {
        let moved = move_cursor(article, &cursor, movement, false);
        assert_inside_a_piece("move", article, moved.word);
    }
    let next = move_cursor(article, &cursor, CursorMove::NextWord, false);
    if next.word != word {
        assert!(next.word.start >= word.end);
        let back = move_cursor(article, &next, CursorMove::PreviousWord, false);
        assert_eq!(back.word, word, "{:?}", text.as_str());
    }
}

/// Which way the arrows go: by the block's first letter, as the browser's `dir="auto"` does.
#[test]
fn blocks_that_read_right_to_left() {
    let cases: [(&str, &str, &str, bool); 5] = [
        (
            "English",
            "The letter came.\n\nSecond block.",
            "letter",
            false,
        ),
        (
            "Arabic",
            "The title\n\nقالت المنظمات إن الرسالة جاءت.",
            "المنظمات",
            true,
        ),
        (
            "Arabic after digits and quotes",
            "«2022» قالت المنظمات.",
            "قالت",
            true,
        ),
        ("Hebrew", "המכתב הגיע.", "הגיע", true),
        (
            "English quoting Arabic",
            "He said قالت twice.",
            "twice",
            false,
        ),
    ];
    for (name, text, at, expected) in cases {
        let article = parse_article(text).unwrap_or_else(|_| panic!("{name}: no article"));
        let position = article.text.find_range(at, 0).start;
        assert_eq!(
            block_reads_right_to_left(&article, position),
            expected,
            "{name}"
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// From any position, → then ← comes back to the same word (except at the last word), and
    /// every cursor word is non-empty, inside a piece, and exactly what snapping makes of it.
    #[test]
    fn next_then_previous_word_returns(
        text in "[ab é\u{301}中قل👍\u{1F3FD}.,!?\"'\n-]{1,80}",
        position in 0usize..90,
    ) {
        if let Ok(article) = parse_article(&text) {
            assert_words_are_well_formed(&article, position);
        }
    }

    #[test]
    fn next_then_previous_word_returns_in_the_seed(position in 0usize..4500) {
        let article = parse_article(SEED).unwrap();
        assert_words_are_well_formed(&article, position % (article.text.len_chars() + 1));
    }
}
