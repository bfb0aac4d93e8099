//! The identity under which an article's annotations are stored.
//!
//! Invariant: two different texts get different keys (up to a 64-bit hash collision), and the
//! same text always gets the same key, on every browser and build, so annotations are never
//! shared between articles and survive a reload. A page that gives an explicit article id
//! overrides the hash, which lets a corrected article keep its annotations.

/// FNV-1a over the UTF-8 bytes: tiny, stable across platforms, and fast enough for a megabyte.
pub fn article_key_for_text(text: &str) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("text-fnv1a64-{hash:016x}")
}

/// An explicit id from the host page, trimmed; `None` when blank so the hash is used instead.
pub fn article_key_for_id(id: &str) -> Option<String> {
    let id = id.trim();
    (!id.is_empty()).then(|| format!("id-{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        assert_eq!(article_key_for_text(""), "text-fnv1a64-cbf29ce484222325");
        assert_eq!(article_key_for_text("a"), "text-fnv1a64-af63dc4c8601ec8c");
        assert_ne!(
            article_key_for_text("one article"),
            article_key_for_text("one article ")
        );
        assert_eq!(article_key_for_id("  "), None);
        assert_eq!(
            article_key_for_id(" hk-letter ").as_deref(),
            Some("id-hk-letter")
        );
    }
}
