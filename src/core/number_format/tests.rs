use super::*;
use crate::core::locale::Locale;

fn style(code: &str) -> NumberStyle {
    Locale::from_table_file(code).language.numbers.clone()
}

fn check(name: &str, got: String, expected: &str) {
    assert_eq!(got, expected, "{name}");
}

#[test]
fn numbers_in_each_language() {
    let (english, french, arabic) = (&style("en"), &style("fr"), &style("ar"));
    let cases: Vec<(&str, String, &str)> = vec![
        ("zero", format_integer(0, english), "0"),
        (
            "thousands, English",
            format_integer(1234567, english),
            "1,234,567",
        ),
        (
            "thousands, French",
            format_integer(1234, french),
            "1\u{202F}234",
        ),
        ("thousands, Arabic", format_integer(1234, arabic), "١٬٢٣٤"),
        ("under a thousand", format_integer(999, french), "999"),
        (
            "ratio, English",
            format_decimal(1.0 / 3.0, 4, english),
            "0.3333",
        ),
        (
            "ratio, French",
            format_decimal(2.0 / 7.0, 4, french),
            "0,2857",
        ),
        ("ratio, Arabic", format_decimal(0.5, 4, arabic), "٠٫٥٠٠٠"),
        (
            "rounded half up",
            format_decimal(0.55555, 4, english),
            "0.5556",
        ),
        ("one", format_decimal(1.0, 4, english), "1.0000"),
        ("per cent, English", format_percent(0.833, english), "83%"),
        (
            "per cent, French",
            format_percent(0.5, french),
            "50\u{202F}%",
        ),
        ("per cent, Arabic", format_percent(0.25, arabic), "٢٥٪"),
    ];
    for (name, got, expected) in cases {
        check(name, got, expected);
    }
}

#[test]
fn sizes() {
    let (english, french) = (style("en"), style("fr"));
    let shown = |bytes, style: &NumberStyle| match size_in_units(bytes, style) {
        SizeUnit::Bytes(count) => format!("{count} B"),
        SizeUnit::Kilobytes(value) => format!("{value} KB"),
        SizeUnit::Megabytes(value) => format!("{value} MB"),
    };
    assert_eq!(shown(326, &english), "326 B");
    assert_eq!(shown(2048, &english), "2.0 KB");
    assert_eq!(shown(1536, &french), "1,5 KB");
    assert_eq!(shown(50 * 1024 * 1024, &english), "50.0 MB");
}
