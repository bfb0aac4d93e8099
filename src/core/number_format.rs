//! Numbers as each language writes them: digit shapes, grouping and decimal marks, per cent.
//!
//! Integer arithmetic only: formatting an `f64` through `Display` would add about 14 KB to the
//! WebAssembly build. Ratios are rounded half up to the decimals asked for.
//!
//! Invariant: what is stored or exported (CSV, JSON) never goes through here; files keep plain
//! ASCII digits and a decimal point whatever the reader's language.

use super::messages::NumberStyle;

/// `1,234` (English), `1 234` (French, narrow no-break space), `١٬٢٣٤` (Arabic digits).
pub fn format_integer(value: usize, style: &NumberStyle) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() * 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push_str(&style.group_separator);
        }
        grouped.push(localise_digit(digit, style));
    }
    grouped
}

/// `value` with exactly `decimals` decimals: `0.3333`, `0,3333`, `٠٫٣٣٣٣`.
pub fn format_decimal(value: f64, decimals: u32, style: &NumberStyle) -> String {
    let scale = 10u64.pow(decimals);
    let scaled = (value.abs() * scale as f64 + 0.5) as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    let whole = format_integer((scaled / scale) as usize, style);
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction: String = format!("{:0width$}", scaled % scale, width = decimals as usize)
        .chars()
        .map(|digit| localise_digit(digit, style))
        .collect();
    format!("{sign}{whole}{}{fraction}", style.decimal_separator)
}

/// A ratio in [0, 1] as a whole per cent: `83%`, `83 %`, `٨٣٪`.
pub fn format_percent(ratio: f64, style: &NumberStyle) -> String {
    style
        .percent
        .replace("{number}", &format_decimal(ratio * 100.0, 0, style))
}

/// A size in bytes, in whole bytes below a kilobyte, else kilobytes or megabytes with one
/// decimal: `326`, `2.0`, `5.3` (the unit words come from the language's table).
pub enum SizeUnit {
    Bytes(usize),
    Kilobytes(String),
    Megabytes(String),
}

pub fn size_in_units(bytes: usize, style: &NumberStyle) -> SizeUnit {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    // Tenths, rounded up (so a file just over a limit never reads as the limit itself).
    let tenths = |unit: usize| {
        let tenths = (bytes * 10).div_ceil(unit);
        format_decimal(tenths as f64 / 10.0, 1, style)
    };
    if bytes < KB {
        SizeUnit::Bytes(bytes)
    } else if bytes < MB {
        SizeUnit::Kilobytes(tenths(KB))
    } else {
        SizeUnit::Megabytes(tenths(MB))
    }
}

fn localise_digit(digit: char, style: &NumberStyle) -> char {
    digit
        .to_digit(10)
        .map_or(digit, |value| style.digits[value as usize])
}

#[cfg(test)]
mod tests;
