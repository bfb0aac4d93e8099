use super::*;
use Language::{Arabic, English, French};

fn check(name: &str, got: String, expected: &str) {
    assert_eq!(got, expected, "{name}");
}

#[test]
fn numbers_in_each_language() {
    let cases: Vec<(&str, String, &str)> = vec![
        ("zero", format_integer(0, English), "0"),
        ("thousands, English", format_integer(1234567, English), "1,234,567"),
        ("thousands, French", format_integer(1234, French), "1\u{202F}234"),
        ("thousands, Arabic", format_integer(1234, Arabic), "١٬٢٣٤"),
        ("under a thousand", format_integer(999, French), "999"),
        ("ratio, English", format_decimal(1.0 / 3.0, 4, English), "0.3333"),
        ("ratio, French", format_decimal(2.0 / 7.0, 4, French), "0,2857"),
        ("ratio, Arabic", format_decimal(0.5, 4, Arabic), "٠٫٥٠٠٠"),
        ("rounded half up", format_decimal(0.55555, 4, English), "0.5556"),
        ("one", format_decimal(1.0, 4, English), "1.0000"),
        ("per cent, English", format_percent(0.833, English), "83%"),
        ("per cent, French", format_percent(0.5, French), "50\u{202F}%"),
        ("per cent, Arabic", format_percent(0.25, Arabic), "٢٥٪"),
    ];
    for (name, got, expected) in cases {
        check(name, got, expected);
    }
}

#[test]
fn sizes() {
    let shown = |bytes, language| match size_in_units(bytes, language) {
        SizeUnit::Bytes(count) => format!("{count} B"),
        SizeUnit::Kilobytes(value) => format!("{value} KB"),
        SizeUnit::Megabytes(value) => format!("{value} MB"),
    };
    assert_eq!(shown(326, English), "326 B");
    assert_eq!(shown(2048, English), "2.0 KB");
    assert_eq!(shown(1536, French), "1,5 KB");
    assert_eq!(shown(50 * 1024 * 1024, English), "50.0 MB");
}
