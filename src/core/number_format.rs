//! Numbers as each language writes them: digit shapes, grouping and decimal marks, per cent.
//!
//! Integer arithmetic only: formatting an `f64` through `Display` would add about 14 KB to the
//! WebAssembly build. Ratios are rounded half up to the decimals asked for.
//!
//! Invariant: what is stored or exported (CSV, JSON) never goes through here; files keep plain
//! ASCII digits and a decimal point whatever the reader's language.

use super::messages::Language;

/// `1,234` (English), `1 234` (French, narrow no-break space), `١٬٢٣٤` (Arabic digits).
pub fn format_integer(value: usize, language: Language) -> String {
    let digits = value.to_string();
    let separator = match language {
        Language::English => ",",
        Language::French => "\u{202F}",
        Language::Arabic => "\u{066C}",
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    localise_digits(&grouped, language)
}

/// `value` with exactly `decimals` decimals: `0.3333`, `0,3333`, `٠٫٣٣٣٣`.
pub fn format_decimal(value: f64, decimals: u32, language: Language) -> String {
    let scale = 10u64.pow(decimals);
    let scaled = (value.abs() * scale as f64 + 0.5) as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    let whole = format_integer((scaled / scale) as usize, language);
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{:0width$}", scaled % scale, width = decimals as usize);
    let mark = match language {
        Language::English => ".",
        Language::French => ",",
        Language::Arabic => "\u{066B}",
    };
    format!("{sign}{whole}{mark}{}", localise_digits(&fraction, language))
}

/// A ratio in [0, 1] as a whole per cent: `83%`, `83 %`, `٨٣٪`.
pub fn format_percent(ratio: f64, language: Language) -> String {
    let whole = format_decimal(ratio * 100.0, 0, language);
    match language {
        Language::English => format!("{whole}%"),
        Language::French => format!("{whole}\u{202F}%"),
        Language::Arabic => format!("{whole}\u{066A}"),
    }
}

/// A size in bytes, in whole bytes below a kilobyte, else kilobytes or megabytes with one
/// decimal: `326`, `2.0`, `5.3` (the unit words come from the language's table).
pub enum SizeUnit {
    Bytes(usize),
    Kilobytes(String),
    Megabytes(String),
}

pub fn size_in_units(bytes: usize, language: Language) -> SizeUnit {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    // Tenths, rounded up (so a file just over a limit never reads as the limit itself).
    let tenths = |unit: usize| {
        let tenths = (bytes * 10).div_ceil(unit);
        format_decimal(tenths as f64 / 10.0, 1, language)
    };
    if bytes < KB {
        SizeUnit::Bytes(bytes)
    } else if bytes < MB {
        SizeUnit::Kilobytes(tenths(KB))
    } else {
        SizeUnit::Megabytes(tenths(MB))
    }
}

fn localise_digits(text: &str, language: Language) -> String {
    if language != Language::Arabic {
        return text.to_string();
    }
    text.chars()
        .map(|ch| match ch.to_digit(10) {
            Some(digit) => char::from_u32(0x0660 + digit).unwrap_or(ch),
            None => ch,
        })
        .collect()
}

#[cfg(test)]
mod tests;
