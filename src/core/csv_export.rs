//! CSV for spreadsheets: one row per claim (tag, quote, note, start, end, created, modified,
//! speaker, responds_to, explanation). `responds_to` is the quote of the claim it answers, so the
//! row reads without ids; empty when it answers none, or a claim that is not in the list.
//! New columns go at the end, so spreadsheets built on the older columns keep working.
//!
//! RFC 4180: CRLF line ends, fields with a comma, quote or line break in double quotes, quotes
//! doubled. UTF-8 with a byte-order mark, so spreadsheet programs read accents and non-Latin
//! text correctly. A field that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`) gets a leading apostrophe, which spreadsheets show as plain text.

use std::borrow::Borrow;

use super::annotation::{answered_claim, Annotation};
use super::iso_time::format_iso;

pub fn export_csv<A: Borrow<Annotation>>(annotations: &[A]) -> String {
    let mut out = String::from(
        "\u{FEFF}tag,quote,note,start,end,created,modified,speaker,responds_to,explanation\r\n",
    );
    for annotation in annotations.iter().map(Borrow::borrow) {
        let answered_quote = answered_claim(annotations, annotation)
            .map(|answered| answered.quote.exact.clone())
            .unwrap_or_default();
        let fields = [
            annotation.tag.keyword().to_string(),
            annotation.quote.exact.clone(),
            annotation.note.clone(),
            annotation.range.start.to_string(),
            annotation.range.end.to_string(),
            format_iso(annotation.created_ms),
            format_iso(annotation.modified_ms),
            annotation.speaker.clone(),
            answered_quote,
            annotation.explanation.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV cell, quoted by the rules above (RFC 4180, and no formulas). Public so that the
/// crate's other CSV writers (the class table of [`super::class_results`]) quote alike.
pub fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::char_range::CharRange;
    use crate::core::source_text::SourceText;
    use crate::core::tag::Tag;

    #[test]
    fn quoting_cases() {
        let cases = [
            ("plain", "plain", "plain"),
            ("comma", "a, b", "\"a, b\""),
            (
                "quotes are doubled",
                "he said \"no\"",
                "\"he said \"\"no\"\"\"",
            ),
            ("line breaks", "one\r\ntwo\nthree", "\"one\r\ntwo\nthree\""),
            (
                "a formula is not run",
                "=HYPERLINK(\"x\")",
                "\"'=HYPERLINK(\"\"x\"\")\"",
            ),
            ("non-latin text as is", "人权 حقوق 😀", "人权 حقوق 😀"),
            ("empty", "", ""),
        ];
        for (name, input, expected) in cases {
            assert_eq!(csv_field(input), expected, "{name}");
        }
    }

    #[test]
    fn a_row_per_claim_after_a_byte_order_mark_and_a_header() {
        let text = SourceText::new("They said, \"no\". We deny it.");
        let mut said =
            Annotation::describe(&text, CharRange::new(5, 15), Tag::Allegation, "x".into(), 0);
        said.note = "line one\nline two".into();
        said.speaker = "They".into();
        let mut denial =
            Annotation::describe(&text, CharRange::new(17, 27), Tag::Denial, "y".into(), 0);
        denial.responds_to = Some("x".into());
        denial.explanation = "=a denial, of \"no\"".into();
        let mut answers_a_deleted_claim =
            Annotation::describe(&text, CharRange::new(20, 27), Tag::Denial, "z".into(), 0);
        answers_a_deleted_claim.responds_to = Some("gone".into());
        let csv = export_csv(&[said, denial, answers_a_deleted_claim]);
        let time = "1970-01-01T00:00:00.000Z";
        assert_eq!(
            csv.split("\r\n").collect::<Vec<_>>(),
            [
                "\u{FEFF}tag,quote,note,start,end,created,modified,speaker,responds_to,explanation",
                &format!("allegation,\"said, \"\"no\"\"\",\"line one\nline two\",5,15,{time},{time},They,,"),
                &format!("denial,We deny it,,17,27,{time},{time},,\"said, \"\"no\"\"\",\"'=a denial, of \"\"no\"\"\""),
                &format!("denial,deny it,,20,27,{time},{time},,,"),
                "",
            ]
        );
    }
}
