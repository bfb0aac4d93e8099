//! A moment as the reader's calendar and clock show it: the date and the time to the minute, in
//! the order and with the digits of their language (`2026-11-30 17:36`, `30/11/2026 17:36`,
//! `٣٠/١١/٢٠٢٦ ١٧:٣٦`). The library shows when each article was last edited.
//!
//! Invariants:
//! - Pure: the time zone comes in as the offset from UTC at that moment (the browser knows it,
//!   daylight saving included), so the same inputs always give the same text.
//! - The order of the parts is the language table's (`date_time`); the digits are the
//!   language's (`core::number_format`), never grouped, always two per part but the year.

use super::iso_time::civil_from_days;
use super::locale::Locale;

/// `ms` (since 1970, UTC) at `utc_offset_minutes` east of UTC, written as `locale` writes dates.
pub fn format_local_date_time(ms: i64, utc_offset_minutes: i32, locale: &Locale) -> String {
    let local = ms + i64::from(utc_offset_minutes) * 60_000;
    let (year, month, day) = civil_from_days(local.div_euclid(86_400_000));
    let minutes_in_day = local.rem_euclid(86_400_000) / 60_000;
    let part = |value: i64, width: usize| digits(value, width, locale);
    locale.fill(
        &locale.text.date_time,
        &[
            ("year", &part(year, 4)),
            ("month", &part(month, 2)),
            ("day", &part(day, 2)),
            ("hour", &part(minutes_in_day / 60, 2)),
            ("minute", &part(minutes_in_day % 60, 2)),
        ],
    )
}

/// `value` zero-padded to `width`, each digit in the language's own shape (no grouping: a year
/// is not a quantity).
fn digits(value: i64, width: usize, locale: &Locale) -> String {
    format!("{:0width$}", value.max(0))
        .chars()
        .map(|digit| locale.integer(digit.to_digit(10).unwrap_or(0) as usize))
        .collect()
}

#[cfg(test)]
mod tests;
