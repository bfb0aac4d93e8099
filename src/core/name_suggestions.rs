//! Names of people and organisations in an article, offered as speakers when a reader says who
//! makes a claim ("Zhao Lijian", "Human Rights Watch", "the United Nations").
//!
//! No model and no word list: a name is a run of capitalised words, possibly joined by a few
//! small words ("of", "for", "the", "and", "de", "al"), as news writing spells names. A single
//! capitalised word counts only when it recurs away from the start of a sentence, which keeps
//! "The" and "However" out. Suggestions are only suggestions: the reader may type anything.
//!
//! Invariants:
//! - Every suggestion is a substring of the text, as written (never re-cased or translated).
//! - The result has no duplicates, and is ordered by how often the name occurs, then by first
//!   appearance, so the people the article quotes most come first.

use super::sorting::sort_by;

/// At most this many suggestions: a list a reader can scan.
pub const MAX_SUGGESTIONS: usize = 40;

/// Small words that may join the capitalised words of one name.
const JOINING_WORDS: [&str; 10] = [
    "of", "for", "the", "and", "on", "de", "du", "al", "bin", "van",
];

/// Capitalised words that begin sentences or headlines far more often than they name anyone.
const NOT_NAMES: [&str; 52] = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Source",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "READ",
    "MORE",
    "How",
    "What",
    "Why",
    "When",
    "Where",
    "Who",
    "After",
    "Before",
];

/// The names in `text`, most mentioned first. Every mention is noted in one pass over the
/// words, then counted after sorting them by name: a long article with thousands of distinct
/// names costs `n log n`, not a search of every name found so far for each mention.
pub fn name_suggestions(text: &str) -> Vec<String> {
    let words = words_with_context(text);
    let mut mentions: Vec<(&str, usize)> = Vec::new(); // (name, index of its first word)
    let mut index = 0;
    while index < words.len() {
        if !is_capitalised(words[index].text) {
            index += 1;
            continue;
        }
        // Grow a run of capitalised words, allowing joining words between them.
        let start = index;
        let mut end = index + 1;
        let mut probe = end;
        while probe < words.len() && !words[probe - 1].ends_clause {
            let word = words[probe].text;
            if is_capitalised(word) {
                end = probe + 1;
                probe += 1;
            } else if JOINING_WORDS.contains(&word) {
                probe += 1;
            } else {
                break;
            }
        }
        // A leading "The"/"A" is part of the sentence, not of the name.
        let mut first = start;
        while first < end && NOT_NAMES.contains(&words[first].text) {
            first += 1;
        }
        if first < end {
            let single = end - first == 1;
            if !single || !words[first].starts_sentence {
                let mut parts = name_and_parts(&words[first..end]);
                // A run that opens a sentence may open with an ordinary word ("Later Beijing").
                if words[first].starts_sentence && !single {
                    parts.push((1, end - first));
                }
                for (from, to) in parts {
                    let name =
                        &text[words[first + from].byte_start..words[first + to - 1].byte_end];
                    mentions.push((name, first + from));
                }
            }
        }
        index = end.max(index + 1);
    }
    // Stable: each name's mentions stay in reading order, so its first is its first mention.
    sort_by(&mut mentions, |a, b| a.0.cmp(b.0));
    let mut found: Vec<(&str, usize, usize)> = Vec::new(); // (name, count, first index)
    for (name, at) in mentions {
        match found.last_mut() {
            Some((known, count, _)) if *known == name => *count += 1,
            _ => found.push((name, 1, at)),
        }
    }
    // A single word must recur (two mentions away from a sentence start) to count as a name.
    found.retain(|(name, count, _)| name.contains(' ') || *count >= 2);
    sort_by(&mut found, |a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    found
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(name, _, _)| name.to_string())
        .collect()
}

/// The whole run of words, and the names inside it a speaker is more likely to be: the
/// capitalised stretches between joining words ("Joshua Rosenzweig of Amnesty International"
/// also gives "Joshua Rosenzweig" and "Amnesty International"), and the last two words after a
/// title ("UN Secretary-General Antonio Guterres" also gives "Antonio Guterres"). As
/// half-open word ranges within `run`.
fn name_and_parts(run: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut stretches = Vec::new();
    let mut stretch_start = 0;
    for index in 0..=run.len() {
        if index == run.len() || !is_capitalised(run[index].text) {
            if index > stretch_start {
                stretches.push((stretch_start, index));
            }
            stretch_start = index + 1;
        }
    }
    // Single words split off a longer name ("Ministry") are not names of their own, unless the
    // run is nothing but single words ("the IOC and the IOC").
    let only_single_words = stretches.iter().all(|(from, to)| to - from == 1);
    let mut parts = vec![(0, run.len())];
    for stretch in stretches {
        if stretch != (0, run.len()) && (stretch.1 - stretch.0 >= 2 || only_single_words) {
            parts.push(stretch);
        }
    }
    let all_capitalised = run.iter().all(|word| is_capitalised(word.text));
    if all_capitalised && run.len() >= 3 {
        parts.push((run.len() - 2, run.len()));
    }
    parts
}

struct Word<'a> {
    text: &'a str,
    byte_start: usize,
    byte_end: usize,
    /// The previous word ended a sentence (or this is the first word of a line).
    starts_sentence: bool,
    /// Punctuation after the word ends the phrase: a name does not run across it.
    ends_clause: bool,
}

fn words_with_context<'a>(text: &'a str) -> Vec<Word<'a>> {
    let mut words = Vec::new();
    let mut sentence_start = true;
    let mut current: Option<usize> = None;
    let push = |words: &mut Vec<Word<'a>>, start: usize, end: usize, sentence_start: bool| {
        let raw = &text[start..end];
        // Letters, digits, apostrophes and hyphens inside; punctuation around is trimmed.
        let trimmed_start =
            raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let inner = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if inner.is_empty() {
            // A dash or a slash between words ends the phrase.
            if let Some(last) = words.last_mut() {
                last.ends_clause = true;
            }
            return;
        }
        // "China's" names China.
        let inner = inner
            .strip_suffix("'s")
            .or_else(|| inner.strip_suffix("\u{2019}s"))
            .unwrap_or(inner);
        let after = &raw[trimmed_start + inner.len()..];
        words.push(Word {
            text: inner,
            byte_start: start + trimmed_start,
            byte_end: start + trimmed_start + inner.len(),
            starts_sentence: sentence_start,
            ends_clause: !after.is_empty(),
        });
    };
    for (byte, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if let Some(start) = current.take() {
                let word_text = &text[start..byte];
                push(&mut words, start, byte, sentence_start);
                sentence_start = word_text.ends_with(['.', '!', '?', ':'])
                    || word_text.ends_with(".\"")
                    || word_text.ends_with(".\u{201D}");
            }
            if ch == '\n' {
                sentence_start = true;
                // A name never runs across a line break.
                if let Some(last) = words.last_mut() {
                    last.ends_clause = true;
                }
            }
        } else if current.is_none() {
            current = Some(byte);
        }
    }
    if let Some(start) = current {
        push(&mut words, start, text.len(), sentence_start);
    }
    words
}

/// Starts with an upper-case letter and has a lower-case one (so "UN" and "NGOs" count, and
/// "AFP" too, but a shouted headline word like "READ" does not) — or is an initialism of
/// two to five capitals.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    let has_lower = rest.iter().any(|c| c.is_lowercase());
    let initialism = (1..=4).contains(&rest.len()) && rest.iter().all(|c| c.is_uppercase());
    has_lower || initialism
}

#[cfg(test)]
mod tests;
