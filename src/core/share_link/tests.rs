use super::*;
use crate::core::source_text::SourceText;

fn claim(text: &SourceText, needle: &str, tag: Tag, note: &str) -> Annotation {
    let mut annotation = Annotation::describe(
        text,
        text.find_range(needle, 0),
        tag,
        format!("id-{needle}"),
        0,
    );
    annotation.note = note.to_string();
    annotation
}

#[test]
fn a_link_round_trips_every_claim() {
    let text = SourceText::new(
        "Officials said the claims were groundless. Rights groups demand a probe. 人权 😀 حقوق",
    );
    let annotations = vec![
        claim(
            &text,
            "groundless",
            Tag::Denial,
            "note with spaces, ~tilde~ _under_ .dots. 100% \"quotes\" <b>",
        ),
        claim(&text, "demand a probe", Tag::Demand, ""),
        claim(&text, "人权 😀 حقوق", Tag::Allegation, "ملاحظة"),
        claim(&text, "claims", Tag::Allegation, ""),
        claim(&text, "Rights", Tag::Other("Rumour & hearsay".into()), ""),
    ];
    let fragment = encode_share_fragment("id-hk letter", &annotations);
    assert!(fragment.starts_with("ca1=id-hk%20letter~"), "{fragment}");
    assert!(
        fragment.chars().all(|ch| ch.is_ascii_graphic()),
        "only URL-safe characters: {fragment}"
    );
    let decoded = decode_share_fragment(&format!("#{fragment}"))
        .unwrap()
        .unwrap();
    assert_eq!(decoded.article_key, "id-hk letter");
    let mut expected: Vec<SharedClaim> = annotations
        .iter()
        .map(|a| SharedClaim {
            tag: a.tag.clone(),
            range: a.range,
            note: a.note.clone(),
        })
        .collect();
    expected.sort_by_key(|claim| claim.range.start);
    assert_eq!(decoded.claims, expected);
}

#[test]
fn damaged_and_foreign_fragments() {
    use crate::core::shape_problem::ShapeProblem;
    let first_claim_damaged = Some(Err(ShapeProblem::LinkClaimDamaged { index: 1 }));
    // None: not a share link; Some(Ok): read; Some(Err(why)): refused, and why.
    let cases: [(&str, &str, Option<Result<(), ShapeProblem>>); 7] = [
        ("not a share link", "#section-2", None),
        ("empty link", "#ca1=key~", Some(Ok(()))),
        (
            "no claims part",
            "#ca1=key",
            Some(Err(ShapeProblem::LinkHasNoClaims)),
        ),
        (
            "unknown tag letter",
            "#ca1=key~x1-2",
            first_claim_damaged.clone(),
        ),
        (
            "cut off in a number",
            "#ca1=key~a1-",
            first_claim_damaged.clone(),
        ),
        (
            "cut off in a note",
            "#ca1=key~a1-2_abc%2",
            first_claim_damaged.clone(),
        ),
        ("zero length", "#ca1=key~a1-0", first_claim_damaged.clone()),
    ];
    for (name, fragment, expected) in cases {
        let decoded = decode_share_fragment(fragment);
        assert_eq!(decoded.map(|result| result.map(|_| ())), expected, "{name}");
    }
}

/// The link lengths reported in the notes: generated claims with a short note on every third.
#[cfg(feature = "bench-support")]
#[test]
fn link_lengths_for_50_and_500_claims() {
    for count in [50, 500] {
        let inputs = crate::bench_support::generate(200_000, count);
        let mut annotations = inputs.annotations;
        for (index, annotation) in annotations.iter_mut().enumerate() {
            if index % 3 == 0 {
                annotation.note = "Check the source of this claim.".into();
            }
        }
        let fragment = encode_share_fragment("id-bench", &annotations);
        println!(
            "share link fragment for {count} claims: {} characters",
            fragment.len() + 1
        );
        assert_eq!(
            decode_share_fragment(&fragment)
                .unwrap()
                .unwrap()
                .claims
                .len(),
            count
        );
    }
}

/// The numbers in a share link are base 36, most significant digit first (written back to
/// front since the `String::from_utf8` they were built with went, to keep `Debug` out of the
/// wasm).
#[test]
fn base36_writes_most_significant_digit_first_and_reads_back() {
    let cases = [
        ("zero", 0, "0"),
        ("one digit", 35, "z"),
        ("two digits", 36, "10"),
        ("the largest two digits", 1295, "zz"),
        ("three digits", 1296, "100"),
        ("a larger number", 123_456, "2n9c"),
    ];
    for (name, value, written) in cases {
        assert_eq!(base36(value), written, "{name}");
        assert_eq!(from_base36(written), Some(value), "{name}: read back");
    }
}
