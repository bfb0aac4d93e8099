//! The three kinds of claim a reader can tag.
//!
//! Invariant: [`Tag::keyword`] is the one spelling used in storage, CSS classes and exports, so a
//! rename of the on-screen label never changes stored data.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Allegation,
    Denial,
    Demand,
}

impl Tag {
    /// In the order the tag picker shows them; the picker's keys 1, 2 and 3 follow this order.
    pub const ALL: [Tag; 3] = [Tag::Allegation, Tag::Denial, Tag::Demand];

    pub fn keyword(self) -> &'static str {
        match self {
            Tag::Allegation => "allegation",
            Tag::Denial => "denial",
            Tag::Demand => "demand",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tag::Allegation => "Allegation",
            Tag::Denial => "Denial",
            Tag::Demand => "Demand",
        }
    }

    /// The keyboard shortcut shown on the picker button ("1", "2", "3").
    pub fn shortcut(self) -> char {
        match self {
            Tag::Allegation => '1',
            Tag::Denial => '2',
            Tag::Demand => '3',
        }
    }

    pub fn from_shortcut(key: &str) -> Option<Tag> {
        Tag::ALL
            .into_iter()
            .find(|tag| key.chars().eq(std::iter::once(tag.shortcut())))
    }

    /// Case-insensitive, so that hand-edited or imported data spelled "Denial" still reads.
    pub fn from_keyword(keyword: &str) -> Option<Tag> {
        Tag::ALL
            .into_iter()
            .find(|tag| tag.keyword().eq_ignore_ascii_case(keyword.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_shortcuts_round_trip() {
        for tag in Tag::ALL {
            assert_eq!(Tag::from_keyword(tag.keyword()), Some(tag));
            assert_eq!(Tag::from_keyword(&tag.label().to_uppercase()), Some(tag));
            assert_eq!(Tag::from_shortcut(&tag.shortcut().to_string()), Some(tag));
        }
        assert_eq!(Tag::from_shortcut("4"), None);
        assert_eq!(Tag::from_shortcut("12"), None);
        assert_eq!(Tag::from_keyword("rumour"), None);
    }
}
