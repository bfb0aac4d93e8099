use super::*;

fn locale(code: &str) -> Locale {
    Locale::from_table_file(code)
}

struct Case {
    name: &'static str,
    ms: i64,
    offset_minutes: i32,
    language: &'static str,
    expected: &'static str,
}

fn check(case: Case) {
    assert_eq!(
        format_local_date_time(case.ms, case.offset_minutes, &locale(case.language)),
        case.expected,
        "{}",
        case.name
    );
}

/// 2026-11-30T17:36:38.123Z.
const EVENING: i64 = 1_796_060_198_123;

#[test]
fn dates_in_each_language_and_zone() {
    let cases = [
        Case {
            name: "UTC, English",
            ms: EVENING,
            offset_minutes: 0,
            language: "en",
            expected: "2026-11-30 17:36",
        },
        Case {
            name: "an hour east: the same day",
            ms: EVENING,
            offset_minutes: 60,
            language: "en",
            expected: "2026-11-30 18:36",
        },
        Case {
            name: "far east: already the next day",
            ms: EVENING,
            offset_minutes: 9 * 60,
            language: "en",
            expected: "2026-12-01 02:36",
        },
        Case {
            name: "west, half an hour off (Newfoundland)",
            ms: EVENING,
            offset_minutes: -(3 * 60 + 30),
            language: "en",
            expected: "2026-11-30 14:06",
        },
        Case {
            name: "French order",
            ms: EVENING,
            offset_minutes: 60,
            language: "fr",
            expected: "30/11/2026 18:36",
        },
        Case {
            name: "Arabic digits, never grouped",
            ms: EVENING,
            offset_minutes: 180,
            language: "ar",
            expected: "٣٠/١١/٢٠٢٦ ٢٠:٣٦",
        },
        Case {
            name: "the epoch",
            ms: 0,
            offset_minutes: 0,
            language: "en",
            expected: "1970-01-01 00:00",
        },
        Case {
            name: "a leap day",
            ms: 1_709_164_800_000,
            offset_minutes: 0,
            language: "en",
            expected: "2024-02-29 00:00",
        },
        Case {
            name: "new year's eve, a minute to midnight",
            ms: 1_798_761_540_000,
            offset_minutes: 0,
            language: "en",
            expected: "2026-12-31 23:59",
        },
    ];
    for case in cases {
        check(case);
    }
}
