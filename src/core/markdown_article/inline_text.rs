//! The words of a line of inline Markdown: emphasis, code spans, links, images, escapes and
//! autolinks reduced to what a reader sees rendered (the parent module's invariants hold: the
//! words themselves are never changed).

/// A piece of inline text: plain characters, or a run of emphasis delimiters that is removed
/// when it finds its partner.
enum Inline {
    Text(String),
    Delimiter {
        ch: char,
        length: usize,
        can_open: bool,
        can_close: bool,
        matched: bool,
    },
}

/// The words of inline Markdown: emphasis (`*`, `_`, `**`, `__`, `~~`) removed where it opens
/// and closes (so `snake_case`, `5 * 3` and a lone `*nix` stay as written), code spans kept
/// verbatim without their backticks, links reduced to their text, images dropped, backslash
/// escapes resolved, autolinks `<https://…>` kept as their address. Spaces are collapsed in
/// each line; lines are trimmed and empty ones dropped.
pub(super) fn inline_text(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let partners = bracket_partners(&chars);
    let mut pieces: Vec<Inline> = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        let next = chars.get(index + 1).copied();
        match ch {
            '\\' if next.is_some_and(|next| next.is_ascii_punctuation()) => {
                push_text(&mut pieces, &next.unwrap_or_default().to_string());
                index += 2;
            }
            '`' => {
                let length = run_length(&chars, index, '`');
                match closing_backticks(&chars, index + length, length) {
                    Some(close) => {
                        let code: String = chars[index + length..close].iter().collect();
                        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                            Some(inner) if !inner.trim().is_empty() => inner.to_string(),
                            _ => code,
                        };
                        push_text(&mut pieces, &code);
                        index = close + length;
                    }
                    None => {
                        push_text(&mut pieces, &"`".repeat(length));
                        index += length;
                    }
                }
            }
            '!' if next == Some('[') => match link_at(&chars, &partners, index + 1) {
                Some((_, end)) => index = end,
                None => {
                    push_text(&mut pieces, "!");
                    index += 1;
                }
            },
            '[' => match link_at(&chars, &partners, index) {
                Some((label, end)) => {
                    let label: String = chars[label].iter().collect();
                    push_text(&mut pieces, &inline_text(&label));
                    index = end;
                }
                None => {
                    push_text(&mut pieces, "[");
                    index += 1;
                }
            },
            '<' => match autolink_at(&chars, index) {
                Some(end) => {
                    let address: String = chars[index + 1..end - 1].iter().collect();
                    push_text(&mut pieces, &address);
                    index = end;
                }
                None => {
                    push_text(&mut pieces, "<");
                    index += 1;
                }
            },
            '*' | '_' | '~' => {
                let length = run_length(&chars, index, ch);
                let before = if index == 0 { ' ' } else { chars[index - 1] };
                let after = chars.get(index + length).copied().unwrap_or(' ');
                let (mut can_open, mut can_close) =
                    (!after.is_whitespace(), !before.is_whitespace());
                if ch == '_' {
                    // Inside a word (snake_case) an underscore is a character, not emphasis.
                    can_open &= !before.is_alphanumeric();
                    can_close &= !after.is_alphanumeric();
                }
                if ch == '~' && length != 2 {
                    (can_open, can_close) = (false, false);
                }
                pieces.push(Inline::Delimiter {
                    ch,
                    length,
                    can_open,
                    can_close,
                    matched: false,
                });
                index += length;
            }
            _ => {
                push_text(&mut pieces, &ch.to_string());
                index += 1;
            }
        }
    }
    match_delimiters(&mut pieces);
    let mut text = String::new();
    for piece in &pieces {
        match piece {
            Inline::Text(part) => text.push_str(part),
            Inline::Delimiter {
                ch,
                length,
                matched: false,
                ..
            } => text.extend(std::iter::repeat_n(*ch, *length)),
            Inline::Delimiter { .. } => {}
        }
    }
    text.split('\n')
        .map(|line| {
            line.split([' ', '\t'])
                .filter(|word| !word.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn push_text(pieces: &mut Vec<Inline>, text: &str) {
    match pieces.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => pieces.push(Inline::Text(text.to_string())),
    }
}

/// Pairs each closing run with the nearest open run of the same character before it; both are
/// then removed. Runs that find no partner stay as written. One stack per character keeps this
/// linear whatever the text.
fn match_delimiters(pieces: &mut [Inline]) {
    let mut openers: [(char, Vec<usize>); 3] =
        [('*', Vec::new()), ('_', Vec::new()), ('~', Vec::new())];
    for index in 0..pieces.len() {
        let Inline::Delimiter {
            ch,
            can_open,
            can_close,
            ..
        } = pieces[index]
        else {
            continue;
        };
        let Some((_, stack)) = openers.iter_mut().find(|(opener, _)| *opener == ch) else {
            continue;
        };
        match stack.last().copied() {
            Some(opener) if can_close => {
                stack.pop();
                for matched_index in [opener, index] {
                    if let Inline::Delimiter { matched, .. } = &mut pieces[matched_index] {
                        *matched = true;
                    }
                }
            }
            _ if can_open => stack.push(index),
            _ => {}
        }
    }
}

fn run_length(chars: &[char], start: usize, ch: char) -> usize {
    chars[start..].iter().take_while(|&&c| c == ch).count()
}

/// Where a closing run of exactly `length` backticks starts, at or after `from`.
fn closing_backticks(chars: &[char], from: usize, length: usize) -> Option<usize> {
    let mut index = from;
    while index < chars.len() {
        if chars[index] == '`' {
            let run = run_length(chars, index, '`');
            if run == length {
                return Some(index);
            }
            index += run;
        } else {
            index += 1;
        }
    }
    None
}

/// `[label](target)`, `[label][id]` or `[label][]` starting at `start` (a `[`): the label's
/// range and where the link ends. A bare `[label]` is kept as written: in prose it is more often
/// an editor's `[sic]` than a reference.
fn link_at(
    chars: &[char],
    partners: &[Option<usize>],
    start: usize,
) -> Option<(std::ops::Range<usize>, usize)> {
    let close = partners[start]?;
    let end = match chars.get(close + 1) {
        Some('(' | '[') => partners[close + 1]? + 1,
        _ => return None,
    };
    Some((start + 1..close, end))
}

/// For each `[` and `(`, the index of the bracket that closes it (nested pairs skipped,
/// escaped brackets ignored), found in one pass so that unmatched brackets cost nothing.
fn bracket_partners(chars: &[char]) -> Vec<Option<usize>> {
    let mut partners = vec![None; chars.len()];
    let (mut square, mut round) = (Vec::new(), Vec::new());
    let mut index = 0;
    while index < chars.len() {
        match chars[index] {
            '\\' => index += 1,
            '[' => square.push(index),
            '(' => round.push(index),
            ']' => {
                if let Some(open) = square.pop() {
                    partners[open] = Some(index);
                }
            }
            ')' => {
                if let Some(open) = round.pop() {
                    partners[open] = Some(index);
                }
            }
            _ => {}
        }
        index += 1;
    }
    partners
}

/// `<https://…>` or `<mailto:…>`: where it ends (after the `>`).
fn autolink_at(chars: &[char], start: usize) -> Option<usize> {
    let scheme: String = chars[start + 1..].iter().take(8).collect();
    if !["http://", "https://", "mailto:"]
        .iter()
        .any(|prefix| scheme.starts_with(prefix))
    {
        return None;
    }
    let length = chars[start + 1..]
        .iter()
        .position(|&ch| ch == '>' || ch == '<' || ch.is_whitespace())?;
    let end = start + 1 + length;
    (chars[end] == '>').then_some(end + 1)
}
