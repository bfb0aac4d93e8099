//! Named cases of an article being corrected after annotations were made on it.

use super::*;
use crate::core::char_range::CharRange;
use crate::core::tag::Tag;

/// What re-anchoring must conclude.
#[derive(Debug)]
enum Expect {
    /// Certain, on exactly these words of the new text.
    Anchored(&'static str),
    /// Drawn on these words (certain or doubtful), never lost.
    Found(&'static str),
    /// Drawn on these words, flagged because they differ from the quote.
    Changed(&'static str),
    /// Never a confident match: an orphan, or flagged for review.
    NotCertain,
    Orphan,
}

struct Case {
    name: &'static str,
    original: &'static str,
    quoted: &'static str,
    /// Which occurrence of `quoted` was annotated (0 = first).
    occurrence: usize,
    changed: &'static str,
    expect: Expect,
}

fn check(case: &Case) {
    let original = SourceText::new(case.original);
    let range = original.find_range(case.quoted, case.occurrence);
    let mut annotation = Annotation::describe(&original, range, Tag::Denial, "id".into(), 0);
    let changed = SourceText::new(case.changed);
    let summary = reanchor_all(&changed, std::slice::from_mut(&mut annotation));
    let shown = changed.slice(annotation.range);
    let name = case.name;
    match case.expect {
        Expect::Anchored(words) => {
            assert_eq!(
                (annotation.anchor, shown),
                (AnchorStatus::Anchored, words),
                "{name}"
            );
            assert_eq!(summary.needing_review, 0, "{name}");
        }
        Expect::Found(words) => {
            assert!(
                matches!(
                    annotation.anchor,
                    AnchorStatus::Anchored | AnchorStatus::Doubtful
                ),
                "{name}: {:?}",
                annotation.anchor
            );
            assert_eq!(shown, words, "{name}");
        }
        Expect::Changed(words) => assert_eq!(
            (annotation.anchor, shown),
            (AnchorStatus::Changed, words),
            "{name}"
        ),
        Expect::NotCertain => {
            assert_ne!(
                annotation.anchor,
                AnchorStatus::Anchored,
                "{name}: attached confidently to {shown:?}"
            );
            assert_eq!(summary.needing_review, 1, "{name}");
        }
        Expect::Orphan => assert_eq!(
            annotation.anchor,
            AnchorStatus::Orphan,
            "{name}: found {shown:?}"
        ),
    }
    assert_eq!(
        annotation.quote.exact, case.quoted,
        "{name}: the quote itself is never rewritten by re-anchoring"
    );
}

const LETTER: &str = "In an open letter, the groups urged the UN to act.\n\n\
\"The international community can no longer sit back and allow the Chinese authorities to trample on human rights,\" said Joshua Rosenzweig.\n\n\
A spokesperson said the claims were \"groundless and not worth refuting\".";

#[test]
fn corrections_after_publication() {
    let cases = [
        Case {
            name: "text inserted before the quote",
            original: LETTER,
            quoted: "allow the Chinese authorities to trample on human rights",
            occurrence: 0,
            changed: "Update: this story was corrected.\n\nIn an open letter, the groups urged the UN to act.\n\n\"The international community can no longer sit back and allow the Chinese authorities to trample on human rights,\" said Joshua Rosenzweig.",
            expect: Expect::Anchored("allow the Chinese authorities to trample on human rights"),
        },
        Case {
            name: "a typo fixed inside the quote",
            original: "Officials said the allegations were completly groundless and politically motivated.",
            quoted: "allegations were completly groundless",
            occurrence: 0,
            changed: "Officials said the allegations were completely groundless and politically motivated.",
            expect: Expect::Changed("allegations were completely groundless"),
        },
        Case {
            name: "the quote's sentence moved to another paragraph",
            original: "First paragraph opens here. The ministry rejected every accusation made in the report. It ends here.\n\nSecond paragraph talks of other things entirely.",
            quoted: "The ministry rejected every accusation made in the report.",
            occurrence: 0,
            changed: "First paragraph opens here. It ends here.\n\nSecond paragraph talks of other things entirely. The ministry rejected every accusation made in the report.",
            expect: Expect::Found("The ministry rejected every accusation made in the report."),
        },
        Case {
            name: "the quote deleted",
            original: LETTER,
            quoted: "groundless and not worth refuting",
            occurrence: 0,
            changed: "In an open letter, the groups urged the UN to act.\n\nA spokesperson declined to comment.",
            expect: Expect::Orphan,
        },
        Case {
            name: "the same sentence twice: context picks the right one",
            original: "Beijing said no. Then the council met. Later, the envoy said: Beijing said no. The end.",
            quoted: "Beijing said no.",
            occurrence: 1,
            changed: "Beijing said no. Then the full council met at noon. Later, the envoy said: Beijing said no. The end.",
            expect: Expect::Anchored("Beijing said no."),
        },
        Case {
            name: "original deleted while a lookalike remains elsewhere",
            original: "The minister denied the report on Monday, calling it false.\n\nOther news follows here at length.\n\nThe minister denied the reports on Tuesday as well.",
            quoted: "The minister denied the report on Monday",
            occurrence: 0,
            changed: "Other news follows here at length.\n\nThe minister denied the reports on Tuesday as well.",
            expect: Expect::NotCertain,
        },
        Case {
            name: "original deleted while an identical sentence remains in other surroundings",
            original: "Intro text before it. The claims are groundless, the ministry said. Closing words after it.\n\nA later section repeats: The claims are groundless, the ministry said.",
            quoted: "The claims are groundless, the ministry said.",
            occurrence: 0,
            changed: "Intro text before it. Closing words after it.\n\nA later section repeats: The claims are groundless, the ministry said.",
            expect: Expect::NotCertain,
        },
        Case {
            // Regression: found by `bench/many-claims.mjs`'s corrected article. A letter changed
            // inside the quote while the same words stood a few sentences on, in other
            // surroundings. That exact lookalike, being near, scored as confident and was taken
            // before the approximate match at the quote's own place was tried: the claim moved
            // silently onto other words.
            name: "a letter changed inside the quote while its words stand nearby in other surroundings",
            original: "Rights groups said it was carried out by Chinese state actors in other parts of the world.\n\n\
                And they charged that Beijing was working to silence critics abroad, the letter said.\n\n\
                The experts have investigated rights violations and international crimes in countries around the world.\n\n\
                \"A state that tries to hold itself above scrutiny cannot lead,\" it added.",
            quoted: "the world.",
            occurrence: 0,
            changed: "Rights groups said it was carried out by Chinese state actors in other parts of txe world.\n\n\
                And they charged that Beijing was working to silence critics abroad, the letter said.\n\n\
                The experts have investigated rights violations and international crimes in countries around the world.\n\n\
                \"A state that tries to hold itself above scrutiny cannot lead,\" it added.",
            expect: Expect::Changed("txe world."),
        },
        Case {
            name: "straight quotes became curly",
            original: LETTER,
            quoted: "\"groundless and not worth refuting\"",
            occurrence: 0,
            changed: "In an open letter, the groups urged the UN to act.\n\nA spokesperson said the claims were \u{201C}groundless and not worth refuting\u{201D}.",
            expect: Expect::Anchored("\u{201C}groundless and not worth refuting\u{201D}"),
        },
        Case {
            name: "white space runs changed",
            original: "They urged the UN  to probe   rights violations in China.",
            quoted: "urged the UN  to probe   rights violations",
            occurrence: 0,
            changed: "Rights groups: They urged the UN to probe rights violations in China.",
            expect: Expect::Anchored("urged the UN to probe rights violations"),
        },
        Case {
            name: "precomposed accents became decomposed (NFC to NFD)",
            original: "Le ministère a démenti les accusations portées contre lui.",
            quoted: "ministère a démenti",
            occurrence: 0,
            changed: "Hier, le ministe\u{300}re a de\u{301}menti les accusations porte\u{301}es contre lui.",
            expect: Expect::Anchored("ministe\u{300}re a de\u{301}menti"),
        },
        Case {
            name: "emoji inserted before the quote: code-point positions stay exact",
            original: "Fans 😀 cheered. The league denied any wrongdoing.",
            quoted: "denied any wrongdoing",
            occurrence: 0,
            changed: "Fans 😀😀😀 cheered loudly. The league denied any wrongdoing.",
            expect: Expect::Anchored("denied any wrongdoing"),
        },
        Case {
            name: "cjk",
            original: "外交部发言人表示，这些指控毫无根据。",
            quoted: "这些指控毫无根据",
            occurrence: 0,
            changed: "周三，外交部发言人表示，这些指控毫无根据。",
            expect: Expect::Anchored("这些指控毫无根据"),
        },
        Case {
            name: "arabic",
            original: "قال المتحدث إن هذه الاتهامات لا أساس لها.",
            quoted: "هذه الاتهامات لا أساس لها",
            occurrence: 0,
            changed: "يوم الأربعاء، قال المتحدث إن هذه الاتهامات لا أساس لها.",
            expect: Expect::Anchored("هذه الاتهامات لا أساس لها"),
        },
        Case {
            name: "one-character quote, unchanged",
            original: "Vote: A or B?",
            quoted: "B",
            occurrence: 0,
            changed: "Vote: A or B?",
            expect: Expect::Anchored("B"),
        },
        Case {
            name: "one-character quote, text inserted before it",
            original: "Vote: A or B?",
            quoted: "B",
            occurrence: 0,
            changed: "New poll. Vote: A or B?",
            expect: Expect::Anchored("B"),
        },
    ];
    for case in &cases {
        check(case);
    }
}

#[test]
fn an_empty_quote_is_an_orphan_not_a_crash() {
    let text = SourceText::new("anything at all");
    let mut annotation =
        Annotation::describe(&text, CharRange::new(3, 3), Tag::Demand, "e".into(), 0);
    reanchor_all(&text, std::slice::from_mut(&mut annotation));
    assert_eq!(annotation.anchor, AnchorStatus::Orphan);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
    /// A letter corrected inside a quote, in a text of few words where the quote's words recur
    /// with other surroundings: the claim is never taken confidently for other words. It stays
    /// at its own place, flagged as changed, or is flagged for review. (The bug this pins: an
    /// exact lookalike nearby, scored confident, ended the search before the quote's own,
    /// corrected place was tried.)
    ///
    /// Also pinned: the corrected place overlapping another exact occurrence of the quote, as in
    /// `rights rights rigZts` for `rights rights`. The approximate search reported one match per
    /// run of overlapping match ends, the exact one, so the corrected place was never weighed
    /// and a lookalike further on won (found by a clean-clone CI run: `rights rights` in `rights
    /// rights rights state the the the world world rights rights rights world world world` went
    /// onto the last two `rights`). Its shrunk case is kept in `proptest-regressions/`.
    #[test]
    fn a_corrected_quote_is_never_anchored_on_a_lookalike(
        words in proptest::collection::vec(0usize..6, 12..120),
        first in 0usize..120,
        length in 2usize..5,
        letter in 0usize..64,
    ) {
        const VOCABULARY: [&str; 6] = ["the", "world", "said", "rights", "state", "council"];
        let text: Vec<&str> = words.iter().map(|&word| VOCABULARY[word]).collect();
        let first = first % (text.len() - length);
        let before = text[..first].join(" ");
        let quote = text[first..first + length].join(" ");
        let start = if before.is_empty() { 0 } else { before.len() + 1 };
        let original = text.join(" ");
        let range = CharRange::new(start, start + quote.len());
        // A letter of the quote (never a space) becomes one no word has.
        let letters: Vec<usize> = quote.char_indices().filter(|(_, c)| *c != ' ').map(|(at, _)| at).collect();
        let at = start + letters[letter % letters.len()];
        let mut changed = original.clone();
        changed.replace_range(at..at + 1, "Z");
        let mut annotation = Annotation::describe(&SourceText::new(&original), range, Tag::Denial, "id".into(), 0);
        reanchor_all(&SourceText::new(&changed), std::slice::from_mut(&mut annotation));
        let elsewhere = !annotation.range.overlaps(&range);
        proptest::prop_assert!(
            !(annotation.anchor == AnchorStatus::Anchored && elsewhere),
            "{:?} in {:?} was anchored on other words", quote, original
        );
    }
}
