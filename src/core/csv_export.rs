//! CSV for spreadsheets: one row per claim (tag, quote, note, start, end, created, modified).
//!
//! RFC 4180: CRLF line ends, fields with a comma, quote or line break in double quotes, quotes
//! doubled. UTF-8 with a byte-order mark, so spreadsheet programs read accents and non-Latin
//! text correctly. A field that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`) gets a leading apostrophe, which spreadsheets show as plain text.

use super::annotation::Annotation;
use super::iso_time::format_iso;

pub fn export_csv(annotations: &[Annotation]) -> String {
    let mut out = String::from("\u{FEFF}tag,quote,note,start,end,created,modified\r\n");
    for annotation in annotations {
        let fields = [
            annotation.tag.keyword().to_string(),
            annotation.quote.exact.clone(),
            annotation.note.clone(),
            annotation.range.start.to_string(),
            annotation.range.end.to_string(),
            format_iso(annotation.created_ms),
            format_iso(annotation.modified_ms),
        ];
        let row: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(field: &str) -> String {
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
        let text = SourceText::new("They said, \"no\".");
        let mut annotation =
            Annotation::describe(&text, CharRange::new(5, 15), Tag::Denial, "x".into(), 0);
        annotation.note = "line one\nline two".into();
        let csv = export_csv(&[annotation]);
        assert_eq!(
            csv,
            "\u{FEFF}tag,quote,note,start,end,created,modified\r\ndenial,\"said, \"\"no\"\"\",\"line one\nline two\",5,15,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z\r\n"
        );
    }
}
