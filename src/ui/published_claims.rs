//! The annotations a mounted widget shows, published for the host page's `claims()` and
//! `exportW3C()` (see `crate::mount`). Yew keeps component state to itself, so the annotator
//! publishes each new state here.

use std::cell::RefCell;
use std::rc::Rc;

use super::annotator::LoadedArticle;
use crate::core::annotation_state::AnnotationState;
use crate::core::shared::Shared;

/// The annotations on screen and the article they belong to.
type Publication = (Shared<AnnotationState>, LoadedArticle);

/// Shared between the annotator and the mounted widget's handle; compared by identity.
#[derive(Clone, Default)]
pub struct PublishedClaims(Rc<RefCell<Option<Publication>>>);

impl PartialEq for PublishedClaims {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PublishedClaims {
    pub fn publish(&self, state: Shared<AnnotationState>, article: LoadedArticle) {
        *self.0.borrow_mut() = Some((state, article));
    }

    /// The current annotations and the article they belong to, once the article is loaded.
    pub fn current(&self) -> Option<Publication> {
        self.0.borrow().clone()
    }
}
