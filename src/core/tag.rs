//! The kinds of claim a reader can tag, and tags this version does not know.
//!
//! Invariants:
//! - [`Tag::keyword`] is the one spelling used in storage and exports, so renaming an on-screen
//!   label never changes stored data. CSS classes use [`Tag::css_name`], which never contains
//!   text from outside.
//! - A tag from an imported or stored file that is not one of the three is kept as
//!   [`Tag::Other`] with its text, shown as such, and written back unchanged; it is never
//!   dropped or silently turned into one of the three.

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    Allegation,
    Denial,
    Demand,
    /// A tag from elsewhere (another tool, a later version): kept as written.
    Other(String),
}

impl Tag {
    /// The tags a reader chooses from, in the order the picker shows them; its keys 1, 2 and 3
    /// follow this order.
    pub const ALL: [Tag; 3] = [Tag::Allegation, Tag::Denial, Tag::Demand];

    pub fn keyword(&self) -> &str {
        match self {
            Tag::Allegation => "allegation",
            Tag::Denial => "denial",
            Tag::Demand => "demand",
            Tag::Other(text) => text,
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Tag::Allegation => "Allegation",
            Tag::Denial => "Denial",
            Tag::Demand => "Demand",
            Tag::Other(text) => text,
        }
    }

    /// A class-name-safe name: the keyword of a known tag, `other` for any other.
    pub fn css_name(&self) -> &'static str {
        match self {
            Tag::Allegation => "allegation",
            Tag::Denial => "denial",
            Tag::Demand => "demand",
            Tag::Other(_) => "other",
        }
    }

    /// The CSS class of the tag's colour and underline style.
    pub fn css_class(&self) -> &'static str {
        match self {
            Tag::Allegation => "ca-tag-allegation",
            Tag::Denial => "ca-tag-denial",
            Tag::Demand => "ca-tag-demand",
            Tag::Other(_) => "ca-tag-other",
        }
    }

    /// The keyboard shortcut shown on the picker button ("1", "2", "3").
    pub fn shortcut(&self) -> Option<char> {
        match self {
            Tag::Allegation => Some('1'),
            Tag::Denial => Some('2'),
            Tag::Demand => Some('3'),
            Tag::Other(_) => None,
        }
    }

    pub fn from_shortcut(key: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|tag| {
            tag.shortcut()
                .is_some_and(|shortcut| key.chars().eq(std::iter::once(shortcut)))
        })
    }

    /// Case-insensitive, so that data spelled "Denial" or "DENIAL" still reads as a denial.
    pub fn from_keyword(keyword: &str) -> Option<Tag> {
        Tag::ALL
            .into_iter()
            .find(|tag| tag.keyword().eq_ignore_ascii_case(keyword.trim()))
    }

    /// A known tag when the text names one, else [`Tag::Other`]; `None` only for blank text.
    pub fn from_text(text: &str) -> Option<Tag> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        Some(Tag::from_keyword(text).unwrap_or_else(|| Tag::Other(text.to_string())))
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, Tag::Other(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_shortcuts_round_trip() {
        for tag in Tag::ALL {
            assert_eq!(Tag::from_keyword(tag.keyword()), Some(tag.clone()));
            assert_eq!(
                Tag::from_keyword(&tag.label().to_uppercase()),
                Some(tag.clone())
            );
            assert_eq!(
                Tag::from_shortcut(&tag.shortcut().unwrap().to_string()),
                Some(tag.clone())
            );
        }
        assert_eq!(Tag::from_shortcut("4"), None);
        assert_eq!(Tag::from_shortcut("12"), None);
        assert_eq!(Tag::from_keyword("rumour"), None);
        assert_eq!(
            Tag::from_text(" Rumour "),
            Some(Tag::Other("Rumour".into()))
        );
        assert_eq!(Tag::from_text("DEMAND"), Some(Tag::Demand));
        assert_eq!(Tag::from_text("  "), None);
        assert_eq!(Tag::Other("<b>x</b>".into()).css_name(), "other");
    }
}
