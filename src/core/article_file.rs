//! What a file a reader dropped or chose is, and its text.
//!
//! The browser layer hands over the file's name, the MIME type the browser reported and its
//! bytes; this module decides whether it can be an article ([`classify_article_file`]) and turns
//! its bytes into text ([`decode_article_file_text`]).
//!
//! Invariants:
//! - Deciding reads the name, the MIME type and the bytes, nothing else; nothing in the file is
//!   executed, rendered or followed.
//! - A file is either refused with an [`ArticleFileProblem`] whose message says, in one sentence,
//!   what is wrong and that nothing was changed, or decoded into exactly its characters (only a
//!   leading byte-order mark is dropped).
//! - Text is never guessed into garbage: bytes that are not UTF-8 (or UTF-16 with its byte
//!   order known) are decoded as Windows-1252 only when an HTML page declares that charset (or
//!   one of its aliases), as a browser would; otherwise the file is refused with the offending
//!   byte and its offset.
//! - Small on purpose (it ships in the WebAssembly bundle): the only table is Windows-1252's 32
//!   characters for 0x80–0x9F.

use super::locale::Locale;

/// Far above any real article (a long feature saved with its page's markup is under 2 MB).
pub const MAX_ARTICLE_FILE_BYTES: usize = 10 * 1024 * 1024;

/// How the file's text is to be read: as the plain-text layout, as Markdown, or as an HTML page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleFileKind {
    PlainText,
    Markdown,
    Html,
}

/// Why a file cannot be opened as an article. Every variant has a [`message`](Self::message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleFileProblem {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Recognised by its first bytes (or NUL bytes that are not UTF-16): `what` names it for the
    /// reader, e.g. "a PNG image".
    Binary {
        what: &'static str,
    },
    /// A document format this widget does not read (`.docx`, `.rtf`, …), or a MIME type that is
    /// not text; `extension` is lowercase, without the dot, and may be empty.
    UnsupportedType {
        extension: String,
    },
    /// The bytes are not text in an encoding we read; `detail` is a clause (no final period)
    /// naming the byte and its offset, or the unsupported charset, with a hint.
    NotDecodable {
        detail: String,
    },
}

impl ArticleFileProblem {
    /// One sentence for the reader: what is wrong, and that nothing was changed.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            ArticleFileProblem::Empty => text.file_empty.clone(),
            ArticleFileProblem::TooLarge { bytes } => {
                locale.fill(&text.file_too_large, &[("size", &locale.size(*bytes))])
            }
            ArticleFileProblem::Binary { what } => {
                locale.fill(&text.file_binary, &[("what", what)])
            }
            ArticleFileProblem::UnsupportedType { extension } if extension.is_empty() => {
                text.file_unsupported_no_extension.clone()
            }
            ArticleFileProblem::UnsupportedType { extension } => {
                locale.fill(&text.file_unsupported, &[("extension", extension)])
            }
            ArticleFileProblem::NotDecodable { detail } => {
                locale.fill(&text.file_not_decodable, &[("detail", detail)])
            }
        }
    }
}

/// Decides what a dropped or chosen file is. Refusals come first (empty, too large, a known
/// binary format by its magic bytes, which no file name can override), then the extension, then
/// the MIME type, then the content: a page saved without an extension still opens as HTML.
pub fn classify_article_file(
    file_name: &str,
    mime_type: &str,
    bytes: &[u8],
) -> Result<ArticleFileKind, ArticleFileProblem> {
    if bytes.is_empty() {
        return Err(ArticleFileProblem::Empty);
    }
    if bytes.len() > MAX_ARTICLE_FILE_BYTES {
        return Err(ArticleFileProblem::TooLarge { bytes: bytes.len() });
    }
    let extension = extension_of(file_name);
    if let Some(what) = binary_format(bytes, &extension) {
        return Err(ArticleFileProblem::Binary { what });
    }
    match extension.as_str() {
        "txt" | "text" => return Ok(ArticleFileKind::PlainText),
        "md" | "markdown" => return Ok(ArticleFileKind::Markdown),
        "html" | "htm" | "xhtml" => return Ok(ArticleFileKind::Html),
        known if UNSUPPORTED_EXTENSIONS.contains(&known) => {
            return Err(ArticleFileProblem::UnsupportedType { extension });
        }
        _ => {}
    }
    let mime = mime_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(ArticleFileKind::Html),
        "text/markdown" | "text/x-markdown" => Ok(ArticleFileKind::Markdown),
        // The browser reports "" or octet-stream when it does not know: look at the content.
        "" | "application/octet-stream" => Ok(sniff_kind(bytes)),
        text if text.starts_with("text/") => Ok(ArticleFileKind::PlainText),
        _ => Err(ArticleFileProblem::UnsupportedType { extension }),
    }
}

/// The file's text. A byte-order mark decides the encoding (UTF-8, UTF-16 LE or BE) and is
/// dropped; UTF-16 without one is recognised by its NUL bytes. Without a mark, an HTML page's
/// own `<meta charset>` / `http-equiv` declaration (or XML prolog) in its first 1,024 bytes is
/// honoured, as browsers do: Windows-1252 and its aliases (ISO-8859-1, Latin-1, US-ASCII) are
/// decoded, UTF-8 is checked, and any other charset is refused unless the bytes are plain ASCII
/// (identical in all of them). Everything else must be UTF-8.
pub fn decode_article_file_text(
    bytes: &[u8],
    kind: ArticleFileKind,
) -> Result<String, ArticleFileProblem> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, ByteOrder::Little, 2);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, ByteOrder::Big, 2);
    }
    if let Some(order) = utf16_without_bom(bytes) {
        return decode_utf16(bytes, order, 0);
    }
    if kind == ArticleFileKind::Html {
        if let Some(label) = declared_charset(bytes) {
            match charset_family(label) {
                Charset::Utf8 => {}
                Charset::Windows1252 => return Ok(decode_windows_1252(bytes)),
                Charset::Unsupported if bytes.is_ascii() => {}
                Charset::Unsupported => {
                    return Err(ArticleFileProblem::NotDecodable {
                        detail: format!(
                            "the page declares the character set {}, which is not supported (save it as UTF-8 and try again)",
                            printable_label(label)
                        ),
                    });
                }
            }
        }
    }
    decode_utf8(bytes, 0)
}

/// Formats that are certainly not text, refused by name only when their bytes did not already
/// say what they are (a `.docx` is a ZIP archive, caught by its magic bytes first).
const UNSUPPORTED_EXTENSIONS: [&str; 20] = [
    "doc", "docx", "odt", "rtf", "pdf", "epub", "mobi", "azw", "azw3", "pages", "wpd", "xls",
    "xlsx", "ods", "ppt", "pptx", "odp", "key", "numbers", "djvu",
];

/// How many leading bytes are checked for NUL bytes and UTF-16 patterns: enough for any text
/// file's first lines, cheap for a 10 MB one.
const SNIFF_BYTES: usize = 8 * 1024;

/// What Windows-1252 puts at 0x80–0x9F (the rest of its bytes are Latin-1, i.e. the code point
/// of the same number). The five unassigned bytes map to the C1 control of the same number, as
/// the WHATWG Encoding Standard (and so every browser) does.
const WINDOWS_1252_80_TO_9F: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ByteOrder {
    Little,
    Big,
}

enum Charset {
    Utf8,
    Windows1252,
    Unsupported,
}

/// The last dot-separated part of the name, lowercase; empty when there is none.
fn extension_of(file_name: &str) -> String {
    file_name
        .trim()
        .rsplit_once('.')
        .map_or("", |(_, extension)| extension)
        .to_ascii_lowercase()
}

/// Magic bytes of the formats readers most often drop by mistake, then NUL bytes (which no text
/// encoding but UTF-16 and UTF-32 contains) as the sign of any other binary file.
fn binary_format(bytes: &[u8], extension: &str) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let at = |range: std::ops::Range<usize>, magic: &[u8]| bytes.get(range) == Some(magic);
    if starts(b"\x89PNG\r\n\x1A\n") {
        Some("a PNG image")
    } else if starts(b"\xFF\xD8\xFF") {
        Some("a JPEG image")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("a GIF image")
    } else if starts(b"RIFF") && at(8..12, b"WEBP") {
        Some("a WebP image")
    } else if starts(b"%PDF-") {
        Some("a PDF document")
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        Some(match extension {
            "docx" => "a Word document (.docx)",
            "epub" => "an EPUB book",
            "odt" => "an OpenDocument text",
            _ => "a ZIP archive",
        })
    } else if starts(b"\x1F\x8B") {
        Some("a gzip-compressed file")
    } else if is_mp3(bytes) {
        Some("an MP3 audio file")
    } else if at(4..8, b"ftyp") {
        Some("an MP4 video or audio file")
    } else if starts(b"\xFF\xFE") || starts(b"\xFE\xFF") || utf16_without_bom(bytes).is_some() {
        None
    } else if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        Some("binary data")
    } else {
        None
    }
}

/// An ID3 tag (with its version byte, so a text starting "ID3" is not taken for one), or an
/// MPEG Layer III frame header. `FF FE` (the UTF-16 byte-order mark) is not one of these.
fn is_mp3(bytes: &[u8]) -> bool {
    match bytes {
        [b'I', b'D', b'3', 2..=4, 0, ..] => true,
        [0xFF, second, ..] => matches!(second, 0xE2 | 0xE3 | 0xF2 | 0xF3 | 0xFA | 0xFB),
        _ => false,
    }
}

/// UTF-16 saved without a byte-order mark: in the first bytes every NUL is on the same side of
/// its code unit, and at least half the code units have one (Latin-script text). Binary files
/// have NULs on both sides.
fn utf16_without_bom(bytes: &[u8]) -> Option<ByteOrder> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let units = sample.len() / 2;
    if units == 0 {
        return None;
    }
    let nuls_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&byte| byte == 0)
            .count()
    };
    let (even, odd) = (nuls_at(0), nuls_at(1));
    if odd == 0 && even * 2 >= units {
        Some(ByteOrder::Big)
    } else if even == 0 && odd * 2 >= units {
        Some(ByteOrder::Little)
    } else {
        None
    }
}

/// For a file whose name and MIME type say nothing: a page that starts like one is HTML,
/// anything else is read as plain text.
fn sniff_kind(bytes: &[u8]) -> ArticleFileKind {
    let start: Vec<u8> = bytes
        .iter()
        .take(512)
        .copied()
        .filter(|&byte| byte != 0)
        .collect();
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&start);
    let start = start
        .strip_prefix(b"\xFF\xFE")
        .or_else(|| start.strip_prefix(b"\xFE\xFF"))
        .unwrap_or(start);
    let first = start
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(start.len());
    let start = start[first..].to_ascii_lowercase();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        ArticleFileKind::Html
    } else {
        ArticleFileKind::PlainText
    }
}

/// `offset` is where `bytes` begins in the file (after a byte-order mark), so the offset in the
/// message is the one a hex editor shows.
fn decode_utf8(bytes: &[u8], offset: usize) -> Result<String, ArticleFileProblem> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let position = offset + error.valid_up_to();
            let byte = bytes[error.valid_up_to()];
            let detail = match error.error_len() {
                None => format!(
                    "the file ends in the middle of a character at offset {} (byte 0x{byte:02X}); it may have been cut short, or saved as Windows-1252 or Latin-1: save it as UTF-8 and try again",
                    with_thousands(position)
                ),
                Some(_) => format!(
                    "byte 0x{byte:02X} at offset {} is not UTF-8; the file may be saved as Windows-1252 or Latin-1: save it as UTF-8 and try again",
                    with_thousands(position)
                ),
            };
            Err(ArticleFileProblem::NotDecodable { detail })
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    order: ByteOrder,
    offset: usize,
) -> Result<String, ArticleFileProblem> {
    let units = bytes.chunks_exact(2).map(|pair| match order {
        ByteOrder::Little => u16::from_le_bytes([pair[0], pair[1]]),
        ByteOrder::Big => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut unit_position = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(ch) => {
                text.push(ch);
                unit_position += ch.len_utf16();
            }
            Err(_) => {
                return Err(ArticleFileProblem::NotDecodable {
                    detail: format!(
                        "the UTF-16 text has a broken character at offset {} (save it as UTF-8 and try again)",
                        with_thousands(offset + unit_position * 2)
                    ),
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(ArticleFileProblem::NotDecodable {
            detail: format!(
                "the UTF-16 text ends with half a character at offset {} (it may have been cut short: save it again and try again)",
                with_thousands(offset + bytes.len() - 1)
            ),
        });
    }
    Ok(text)
}

fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => WINDOWS_1252_80_TO_9F[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

/// The charset label an HTML (or XHTML) file declares in its first 1,024 bytes, where the HTML
/// standard's prescan looks: an XML prolog's `encoding`, or the first `<meta>` tag with a
/// `charset` (covering both `<meta charset=…>` and `content="text/html; charset=…"`).
fn declared_charset(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        if let Some(label) = value_after(&head[..end], &lower[..end], b"encoding") {
            return Some(label);
        }
    }
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"<meta") {
        let start = from + found;
        let end = find(&lower[start..], b">").map_or(lower.len(), |length| start + length);
        if let Some(label) = value_after(&head[start..end], &lower[start..end], b"charset") {
            return Some(label);
        }
        from = end;
    }
    None
}

/// The value in `key = "value"` (quotes optional), read from the original bytes.
fn value_after<'a>(original: &'a [u8], lower: &[u8], key: &[u8]) -> Option<&'a str> {
    let mut position = find(lower, key)? + key.len();
    let skip_spaces = |mut at: usize| {
        while lower.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        at
    };
    position = skip_spaces(position);
    if lower.get(position) != Some(&b'=') {
        return None;
    }
    position = skip_spaces(position + 1);
    while matches!(lower.get(position), Some(b'"' | b'\'')) {
        position += 1;
    }
    let length = lower[position..]
        .iter()
        .position(|byte| {
            matches!(byte, b'"' | b'\'' | b';' | b'>' | b'/') || byte.is_ascii_whitespace()
        })
        .unwrap_or(lower.len() - position);
    std::str::from_utf8(&original[position..position + length])
        .ok()
        .filter(|label| !label.is_empty())
}

/// Labels as the WHATWG Encoding Standard maps them: ISO-8859-1, Latin-1 and US-ASCII all mean
/// Windows-1252 on the web, and a page declaring UTF-16 without a byte-order mark is read as
/// UTF-8.
fn charset_family(label: &str) -> Charset {
    match label.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "utf-16" | "utf-16le" | "utf-16be" => {
            Charset::Utf8
        }
        "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso88591"
        | "iso_8859-1" | "iso_8859-1:1987" | "iso-ir-100" | "latin1" | "l1" | "ibm819"
        | "cp819" | "csisolatin1" | "us-ascii" | "ascii" | "ansi_x3.4-1968" => Charset::Windows1252,
        _ => Charset::Unsupported,
    }
}

/// A declared label is file content: only its plain characters go into a message.
fn printable_label(label: &str) -> String {
    label
        .chars()
        .filter(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.' | ':'))
        .take(40)
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// `1234567` → `1,234,567`, for offsets a reader can compare with an editor's.
fn with_thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Megabytes with one decimal, rounded up so that a file just over the limit never reads as
/// exactly the limit; integer arithmetic (no float formatting in the bundle).

#[cfg(test)]
mod tests;
