//! Approximate string search: where does a pattern occur in a text with at most k edits?
//!
//! Myers' bit-parallel algorithm (1999) with 64-bit words, in its blocked form so patterns of
//! any length work: each text character costs one pass over ceil(m / 64) words. The end of
//! every match comes out of the scan; its start is then found by a small dynamic program over
//! the m + k characters before the end.
//!
//! Invariant: every hit's `errors` is the true edit distance between the pattern and
//! `text[start..end]`, and no substring ending at `end - 1` is closer.

use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApproximateHit {
    pub start: usize,
    /// Exclusive.
    pub end: usize,
    pub errors: usize,
}

/// The pattern compiled into per-character bit masks, reusable across many texts or windows.
pub struct CompiledPattern {
    chars: Vec<char>,
    blocks: usize,
    /// Masks for ASCII characters, `blocks` words per character.
    ascii_masks: Vec<u64>,
    /// Masks for every other character in the pattern, sorted by character.
    other_masks: Vec<(char, Vec<u64>)>,
    zero: Vec<u64>,
}

impl CompiledPattern {
    pub fn new(pattern: &[char]) -> Self {
        let blocks = pattern.len().div_ceil(64).max(1);
        let mut ascii_masks = vec![0u64; 128 * blocks];
        let mut other_masks: Vec<(char, Vec<u64>)> = Vec::new();
        for (index, &ch) in pattern.iter().enumerate() {
            let (block, bit) = (index / 64, 1u64 << (index % 64));
            if ch.is_ascii() {
                ascii_masks[ch as usize * blocks + block] |= bit;
            } else {
                match other_masks.binary_search_by(|(other, _)| other.cmp(&ch)) {
                    Ok(found) => other_masks[found].1[block] |= bit,
                    Err(insert_at) => {
                        let mut masks = vec![0u64; blocks];
                        masks[block] |= bit;
                        other_masks.insert(insert_at, (ch, masks));
                    }
                }
            }
        }
        CompiledPattern {
            chars: pattern.to_vec(),
            blocks,
            ascii_masks,
            other_masks,
            zero: vec![0u64; blocks],
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    fn masks(&self, ch: char) -> &[u64] {
        if ch.is_ascii() {
            let start = ch as usize * self.blocks;
            &self.ascii_masks[start..start + self.blocks]
        } else {
            match self
                .other_masks
                .binary_search_by(|(other, _)| other.cmp(&ch))
            {
                Ok(found) => &self.other_masks[found].1,
                Err(_) => &self.zero,
            }
        }
    }

    /// The best matches in `text` with at most `max_errors` edits: every end whose errors are
    /// fewer than after it and no more than before it (each valley of a run of nearby match
    /// ends), so an exact occurrence does not hide a corrected one overlapping it; sorted by
    /// errors, then position.
    pub fn search(&self, text: &[char], max_errors: usize) -> Vec<ApproximateHit> {
        let m = self.chars.len();
        if m == 0 {
            return Vec::new();
        }
        let blocks = self.blocks;
        let last_bit = 1u64 << ((m - 1) % 64);
        let mut positive = vec![!0u64; blocks];
        let mut negative = vec![0u64; blocks];
        let mut score = m as isize;
        let mut ends: Vec<(usize, usize)> = Vec::new();
        // The best end of the current descent: the scores along a run of match ends fall to a
        // valley and rise again, and a run may hold several valleys (an exact occurrence and a
        // corrected one overlapping it); each valley is a match of its own.
        let mut valley: Option<(usize, usize)> = None;
        let mut previous_errors: Option<usize> = None;
        for (position, &ch) in text.iter().enumerate() {
            let masks = self.masks(ch);
            let mut carry: i8 = 0;
            for block in 0..blocks {
                let (pv, mv) = (positive[block], negative[block]);
                let eq = masks[block];
                let xv = eq | mv;
                let eq_with_carry = if carry < 0 { eq | 1 } else { eq };
                let xh = ((eq_with_carry & pv).wrapping_add(pv) ^ pv) | eq_with_carry;
                let mut ph = mv | !(xh | pv);
                let mut mh = pv & xh;
                let top = if block + 1 == blocks {
                    last_bit
                } else {
                    1u64 << 63
                };
                let carry_out = if ph & top != 0 {
                    1
                } else if mh & top != 0 {
                    -1
                } else {
                    0
                };
                ph <<= 1;
                mh <<= 1;
                match carry.cmp(&0) {
                    Ordering::Less => mh |= 1,
                    Ordering::Greater => ph |= 1,
                    Ordering::Equal => {}
                }
                positive[block] = mh | !(xv | ph);
                negative[block] = ph & xv;
                carry = carry_out;
            }
            score += carry as isize;
            if score <= max_errors as isize {
                let errors = score as usize;
                match previous_errors {
                    Some(previous) if errors > previous => ends.extend(valley.take()),
                    // Among equally good ends of one descent, the last: it covers the whole
                    // pattern. A level stretch after a rise is no valley.
                    Some(previous) if errors == previous => {
                        if valley.is_some() {
                            valley = Some((position, errors));
                        }
                    }
                    _ => valley = Some((position, errors)),
                }
                previous_errors = Some(errors);
            } else {
                ends.extend(valley.take());
                previous_errors = None;
            }
        }
        ends.extend(valley);
        let mut hits: Vec<ApproximateHit> = ends
            .into_iter()
            .map(|(end, errors)| {
                let start = self.start_of_match(text, end, errors);
                ApproximateHit {
                    start,
                    end: end + 1,
                    errors,
                }
            })
            .collect();
        super::sorting::sort_by_key(&mut hits, |hit| (hit.errors, hit.start));
        hits
    }

    /// The start of the best alignment of the pattern ending at `end` (inclusive): an edit
    /// distance over the reversed pattern and the reversed text before `end`.
    fn start_of_match(&self, text: &[char], end: usize, errors: usize) -> usize {
        let m = self.chars.len();
        let span = (m + errors).min(end + 1);
        let window: Vec<char> = text[end + 1 - span..=end].iter().rev().copied().collect();
        let pattern: Vec<char> = self.chars.iter().rev().copied().collect();
        let mut previous: Vec<usize> = (0..=window.len()).collect();
        let mut current = vec![0usize; window.len() + 1];
        for (row, &pattern_char) in pattern.iter().enumerate() {
            current[0] = row + 1;
            for (column, &text_char) in window.iter().enumerate() {
                let substitution = previous[column] + usize::from(pattern_char != text_char);
                current[column + 1] = substitution
                    .min(previous[column + 1] + 1)
                    .min(current[column] + 1);
            }
            std::mem::swap(&mut previous, &mut current);
        }
        let best_length = (0..=window.len())
            .min_by_key(|&length| (previous[length], length.abs_diff(m)))
            .unwrap_or(m);
        end + 1 - best_length
    }
}

/// The plain edit distance between two short strings (prefix and suffix context).
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0usize; b.len() + 1];
    for (row, &a_char) in a.iter().enumerate() {
        current[0] = row + 1;
        for (column, &b_char) in b.iter().enumerate() {
            current[column + 1] = (previous[column] + usize::from(a_char != b_char))
                .min(previous[column + 1] + 1)
                .min(current[column] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests;
