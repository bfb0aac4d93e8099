//! The widget's own copy of the article, rendered by `ui::article_view` inside the widget's
//! shadow root: every run of text carries its code-point range ([`super::super::dom_text_position`]),
//! and highlights are `<mark>` runs that name the claims they show.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element};

use super::{caret_at_point, ArticleSurface, PaintMarks, PointedClaims};
use crate::browser::dom_text_position::{
    dom_point_to_position, run_at, select_char_range, selected_char_range,
};
use crate::browser::reader_selection::shadow_root_of;
use crate::core::annotation::Annotation;
use crate::core::char_range::CharRange;

pub struct OwnCopySurface {
    /// The element holding the rendered article.
    pub article: Element,
}

/// The attribute on a highlight run listing the claims that cover it.
pub const CLAIM_IDS_ATTRIBUTE: &str = "data-ca-ids";

impl ArticleSurface for OwnCopySurface {
    fn event_target(&self) -> Element {
        self.article.clone()
    }

    fn selection(&self) -> Option<(CharRange, DomRect)> {
        selected_char_range(&self.article)
    }

    fn select(&self, range: CharRange) -> Option<DomRect> {
        select_char_range(&self.article, range)
    }

    fn reveal(&self, range: CharRange, scroll: bool) -> Option<DomRect> {
        let run = run_at(&self.article, range.start)?;
        if scroll {
            crate::browser::scrolling::scroll_to_middle(&run);
        }
        Some(run.get_bounding_client_rect())
    }

    fn paint(&self, _annotations: &[Rc<Annotation>], _marks: &PaintMarks) {}

    fn position_at_point(&self, x: f64, y: f64) -> Option<usize> {
        let shadow_root = shadow_root_of(&self.article);
        let (node, offset) = caret_at_point(&self.article, shadow_root.as_ref(), x, y)?;
        if !self.article.contains(Some(&node)) {
            return None;
        }
        dom_point_to_position(&self.article, &node, offset)
    }

    fn claims_at_point(
        &self,
        x: f64,
        y: f64,
        _annotations: &[Rc<Annotation>],
    ) -> Option<PointedClaims> {
        let element = match shadow_root_of(&self.article) {
            Some(root) => root.element_from_point(x as f32, y as f32),
            None => self
                .article
                .owner_document()
                .and_then(|document| document.element_from_point(x as f32, y as f32)),
        };
        let run = element?
            .closest(&format!("[{CLAIM_IDS_ATTRIBUTE}]"))
            .ok()??;
        if !self.article.contains(Some(run.unchecked_ref())) {
            return None;
        }
        let ids = run.get_attribute(CLAIM_IDS_ATTRIBUTE)?;
        Some(PointedClaims {
            ids: ids.split(' ').map(String::from).collect(),
            highlight: run.get_bounding_client_rect(),
        })
    }
}
