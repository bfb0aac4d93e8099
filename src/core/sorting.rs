//! One stable sort for the whole crate, used instead of the standard library's `sort*`.
//!
//! Why: each call of `slice::sort_by` (or `sort`, `sort_by_key`, `sort_unstable`) with another
//! element type or comparator links its own copy of the standard library's driftsort or
//! quicksort, about 3.5 KB of wasm each; the widget had seven of them (twiggy, issue 12). Here
//! the sorting itself, a bottom-up merge sort of positions, is compiled once; only a small
//! comparator adapter and the permutation step are generic.
//!
//! Invariants:
//! - Stable: items that compare equal keep their order, as with `slice::sort_by`.
//! - O(n log n) comparisons and O(n) extra memory (two lists of positions).
//! - The comparator is called only with items of the slice; a comparator that is not a total
//!   order gives some permutation of the items, never a panic or a lost item.

use std::cmp::Ordering;

/// Sorts `items` stably, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions of `len` items in sorted order (`compare` takes two positions): a bottom-up
/// merge sort, not generic, so it is compiled once.
#[inline(never)]
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // Ties take the left run first: that is what keeps the sort stable.
                let take_left = right >= end
                    || (left < middle && compare(order[left], order[right]) != Ordering::Greater);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves the item at `order[k]` to position `k`, for every `k`, by following each cycle of
/// the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        loop {
            let source = order[current];
            // Marks the position as placed.
            order[current] = current;
            if source == start {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests;
