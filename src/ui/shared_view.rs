//! Claims opened from a share link: read from the page's fragment, shown read-only.

use super::annotator::LoadedArticle;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::location_fragment;
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::merge::Snapshot;
use crate::core::share_link::decode_share_fragment;
use crate::core::shared::Shared;
use crate::core::view_state::SharedView;

/// Reads a share link from the page's fragment, if there is one.
pub fn open_share_link(loaded: &LoadedArticle) -> Option<SharedView> {
    let decoded = decode_share_fragment(&location_fragment::read_fragment()?)?;
    let (annotations, message) = match decoded {
        Err(reason) => (Vec::new(), format!("This share link cannot be read: {reason}. Your own claims are unchanged.")),
        Ok(shared) if shared.article_key != loaded.key => {
            (Vec::new(), "This share link was made on another article (or another version of it), so its claims are not shown here.".to_string())
        }
        Ok(shared) => {
            let annotations = shared.to_annotations(&loaded.article.text, now_ms());
            let message = format!("You are looking at {} shared claims, read-only. Nothing is saved unless you keep a copy.", annotations.len());
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
