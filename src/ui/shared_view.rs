//! Claims opened from a share link: read from the page's fragment, shown read-only.

use super::annotator::LoadedArticle;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::location_fragment;
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::locale::Locale;
use crate::core::merge::Snapshot;
use crate::core::share_link::decode_share_fragment;
use crate::core::shared::Shared;
use crate::core::view_state::SharedView;

/// Reads a share link from the page's fragment, if there is one.
pub fn open_share_link(loaded: &LoadedArticle, locale: &Locale) -> Option<SharedView> {
    let text = &locale.text;
    let decoded = decode_share_fragment(&location_fragment::read_fragment()?)?;
    let (annotations, message) = match decoded {
        Err(reason) => (
            Vec::new(),
            locale.fill(&text.share_unreadable, &[("reason", &reason)]),
        ),
        Ok(shared) if shared.article_key != loaded.key => {
            (Vec::new(), text.share_other_article.clone())
        }
        Ok(shared) => {
            let annotations = shared.to_annotations(&loaded.article.text, now_ms());
            let message = locale.count(&text.share_viewing, annotations.len(), &[]);
            (annotations, message)
        }
    };
    let mut state = AnnotationState::default();
    state.apply(Action::Load(Snapshot {
        annotations,
        tombstones: Vec::new(),
    }));
    Some(SharedView {
        state: Shared::new(state),
        message,
    })
}
