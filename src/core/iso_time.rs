//! Milliseconds since 1970 to and from ISO 8601 / xsd:dateTime in UTC, as the W3C model wants
//! for `created` and `modified`. Written out (days-from-civil) to avoid a date crate in wasm.

/// `2026-11-30T05:12:38.123Z`.
pub fn format_iso(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let (hours, minutes, seconds, millis) = (
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000,
    );
    format!("{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// Reads `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`; `None` for anything else.
pub fn parse_iso(text: &str) -> Option<i64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hours, minutes, seconds) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hours > 23
        || minutes > 59
        || seconds > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded: String = fraction[..digits]
            .chars()
            .chain("000".chars())
            .take(3)
            .collect();
        millis = padded.parse::<i64>().ok()?;
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        offset
            if offset.len() == 6
                && (offset.starts_with('+') || offset.starts_with('-'))
                && &offset[3..4] == ":" =>
        {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            sign * (offset[1..3].parse::<i64>().ok()? * 60 + offset[4..6].parse::<i64>().ok()?)
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hours) * 60 + minutes - offset_minutes) * 60_000 + seconds * 1000 + millis)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_cases() {
        let cases: [(&str, i64, &str); 5] = [
            ("epoch", 0, "1970-01-01T00:00:00.000Z"),
            (
                "a seed annotation",
                1_796_012_662_117,
                "2026-11-30T04:24:22.117Z",
            ),
            ("leap day", 951_782_400_000, "2000-02-29T00:00:00.000Z"),
            ("before 1970", -86_400_000, "1969-12-31T00:00:00.000Z"),
            (
                "end of a year",
                1_704_067_199_999,
                "2023-12-31T23:59:59.999Z",
            ),
        ];
        for (name, ms, text) in cases {
            assert_eq!(format_iso(ms), text, "{name}");
            assert_eq!(parse_iso(text), Some(ms), "{name}");
        }
        assert_eq!(
            parse_iso("2026-11-30T06:24:22+02:00"),
            Some(1_796_012_662_000)
        );
        assert_eq!(parse_iso("2026-11-30T04:24:22Z"), Some(1_796_012_662_000));
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-30T04:24:22",
            "2026-11-30T04:24:22.Z",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad:?}");
        }
    }
}
