//! Sharing annotations in a link, with nothing sent anywhere: the claims travel in the URL's
//! fragment (the part after `#`, which browsers never send to a server).
//!
//! The form is compact rather than general: the reader of a link has the same article, so a
//! claim is its tag, where it is, and its note; the quote is described again from the article
//! on arrival. Positions are sorted and written as differences in base 36, so 500 claims fit in
//! a few kilobytes. The article's key is part of the link, so a link opened on another article
//! (or a changed text) is recognised instead of drawing claims on the wrong words.
//!
//! Form: `#ca1=<article key>~<claim>.<claim>…`, a claim being `<tag letter><start delta>-<length>`
//! then, for a tag from elsewhere (letter `o`), `!<tag, percent-encoded>`, and optionally
//! `_<note, percent-encoded>`.
//!
//! A link carries only the tag, the place and the note: not the speaker, the explanation or the
//! claim a claim answers. Links stay short, and a kept copy simply has none of them (an answer
//! would need the other claim's id, which the link does not carry either). Share an exported
//! file to pass them on.

use std::borrow::Borrow;

use super::annotation::Annotation;
use super::char_range::CharRange;
use super::shape_problem::ShapeProblem;
use super::sorting;
use super::source_text::SourceText;
use super::tag::Tag;
use super::uuid::uuid_v4_from_random_bytes;

pub const SHARE_PREFIX: &str = "ca1=";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedClaim {
    pub tag: Tag,
    pub range: CharRange,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedClaims {
    pub article_key: String,
    pub claims: Vec<SharedClaim>,
}

/// The fragment (without `#`) carrying `annotations` of the article `article_key`.
pub fn encode_share_fragment<A: Borrow<Annotation>>(
    article_key: &str,
    annotations: &[A],
) -> String {
    let mut claims: Vec<&Annotation> = annotations
        .iter()
        .map(Borrow::borrow)
        .filter(|annotation| annotation.is_drawn())
        .collect();
    sorting::sort_by_key(&mut claims, |annotation| {
        (annotation.range.start, annotation.range.end)
    });
    let mut previous_start = 0;
    let parts: Vec<String> = claims
        .iter()
        .map(|annotation| {
            let letter = match annotation.tag {
                Tag::Allegation => 'a',
                Tag::Denial => 'd',
                Tag::Demand => 'm',
                Tag::Other(_) => 'o',
            };
            let mut part = format!(
                "{letter}{}-{}",
                base36(annotation.range.start - previous_start),
                base36(annotation.range.len())
            );
            if let Tag::Other(text) = &annotation.tag {
                part.push('!');
                part.push_str(&percent_encode(text));
            }
            previous_start = annotation.range.start;
            if !annotation.note.is_empty() {
                part.push('_');
                part.push_str(&percent_encode(&annotation.note));
            }
            part
        })
        .collect();
    format!(
        "{SHARE_PREFIX}{}~{}",
        percent_encode(article_key),
        parts.join(".")
    )
}

/// `None` when the fragment is not a share link at all; `Err` with a reason when it is one but
/// is damaged (cut off by a chat program, edited by hand).
pub fn decode_share_fragment(fragment: &str) -> Option<Result<SharedClaims, ShapeProblem>> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(SHARE_PREFIX)?;
    Some(decode_body(body))
}

fn decode_body(body: &str) -> Result<SharedClaims, ShapeProblem> {
    let (key, claims_text) = body.split_once('~').ok_or(ShapeProblem::LinkHasNoClaims)?;
    let article_key = percent_decode(key).ok_or(ShapeProblem::LinkArticleDamaged)?;
    let mut claims = Vec::new();
    let mut start = 0usize;
    for (index, part) in claims_text
        .split('.')
        .filter(|part| !part.is_empty())
        .enumerate()
    {
        let damaged = || ShapeProblem::LinkClaimDamaged { index: index + 1 };
        let mut chars = part.chars();
        let letter = chars.next();
        let rest = chars.as_str();
        let (position, note) = rest.split_once('_').unwrap_or((rest, ""));
        let (position, other_tag) = position.split_once('!').unwrap_or((position, ""));
        let tag = match letter {
            Some('a') => Tag::Allegation,
            Some('d') => Tag::Denial,
            Some('m') => Tag::Demand,
            Some('o') => percent_decode(other_tag)
                .and_then(|text| Tag::from_text(&text))
                .ok_or_else(damaged)?,
            _ => return Err(damaged()),
        };
        let (delta, length) = position.split_once('-').ok_or_else(damaged)?;
        start = start
            .checked_add(from_base36(delta).ok_or_else(damaged)?)
            .ok_or_else(damaged)?;
        let length = from_base36(length)
            .filter(|&length| length > 0)
            .ok_or_else(damaged)?;
        let note = percent_decode(note).ok_or_else(damaged)?;
        claims.push(SharedClaim {
            tag,
            range: CharRange::new(start, start.checked_add(length).ok_or_else(damaged)?),
            note,
        });
    }
    Ok(SharedClaims {
        article_key,
        claims,
    })
}

impl SharedClaims {
    /// The claims as annotations on `text`. Ids are derived from the link's content, so keeping
    /// a copy of the same link twice adds nothing the second time.
    pub fn to_annotations(&self, text: &SourceText, now_ms: i64) -> Vec<Annotation> {
        self.claims
            .iter()
            .filter(|claim| claim.range.end <= text.len_chars())
            .map(|claim| {
                let seed = format!(
                    "{}:{}:{}:{}",
                    self.article_key,
                    claim.range.start,
                    claim.range.end,
                    claim.tag.keyword()
                );
                let id = uuid_v4_from_random_bytes(content_bytes(&seed));
                let mut annotation =
                    Annotation::describe(text, claim.range, claim.tag.clone(), id, now_ms);
                annotation.note = claim.note.clone();
                annotation
            })
            .collect()
    }
}

/// 16 bytes from two FNV-1a hashes of `seed`: stable, not secret.
fn content_bytes(seed: &str) -> [u8; 16] {
    let hash = |salt: u64| {
        seed.bytes()
            .fold(0xcbf29ce484222325u64 ^ salt, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100000001b3)
            })
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&hash(0).to_be_bytes());
    bytes[8..].copy_from_slice(&hash(0x9E37_79B9_7F4A_7C15).to_be_bytes());
    bytes
}

fn base36(mut value: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[value % 36]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    // Read back to front, as chars: not `String::from_utf8`, whose error's `Debug` (for an
    // `expect`) pulled Unicode printing tables into the wasm.
    digits
        .iter()
        .rev()
        .map(|&digit| char::from(digit))
        .collect()
}

fn from_base36(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 12 {
        return None;
    }
    usize::from_str_radix(text, 36).ok()
}

/// Everything but letters, digits and `-` as UTF-8 `%XX` (`.`, `_` and `~` separate the parts
/// of the link, so they are encoded too).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests;
