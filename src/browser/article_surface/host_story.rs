//! A story the host page already shows in its own HTML, annotated in place.
//!
//! The source text is the element's text nodes in document order, leaving out `script`,
//! `style`, `noscript`, `template`, content that is not rendered (`hidden`, `display: none`,
//! `visibility: hidden`) and any `<claim-annotator>` inside it; positions are code points of
//! that text ([`crate::core::story_text`]). Highlights are painted by
//! [`crate::browser::highlight_painter`], never by changing the host's DOM, and a click is
//! hit-tested by point. The host's own scripts may re-render the story at any time: a
//! `MutationObserver` reports it, and the widget reads the text again and re-anchors.
//!
//! Invariants:
//! - Nothing here writes to the host's DOM; only listeners and observers are attached, and
//!   [`HostStorySurface::detach`] removes them with the highlights.
//! - A node list that is stale (the host replaced its nodes) never panics: it only maps fewer
//!   points until the next [`HostStorySurface::reread`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, Node, Range, Text};

use super::{caret_at_point, rect_contains, ArticleSurface, PaintMarks, PointedClaims};
use crate::browser::highlight_painter::{HighlightPainter, PaintedRange};
use crate::browser::reader_selection::{current_selection, set_selection, shadow_root_of};
use crate::browser::web_api_bindings::is_rendered;
use crate::core::annotation::{drawn_claims_covering, Annotation};
use crate::core::char_range::CharRange;
use crate::core::locale::Locale;
use crate::core::story_text::{Bias, StoryText};

pub struct HostStorySurface {
    /// Tells this surface from another on the same story.
    instance: u64,
    element: Element,
    nodes: RefCell<Vec<Text>>,
    story: RefCell<Rc<StoryText>>,
    painter: HighlightPainter,
    /// What was painted last, so the overlay can be laid out again after a resize.
    last_paint: RefCell<(Vec<Rc<Annotation>>, PaintMarks)>,
}

/// Why a story cannot be annotated in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryProblem {
    NoText,
    CannotPaint,
}

impl StoryProblem {
    pub fn message(&self, locale: &Locale) -> String {
        match self {
            StoryProblem::NoText => locale.text.story_no_text.clone(),
            StoryProblem::CannotPaint => locale.text.story_cannot_paint.clone(),
        }
    }
}

thread_local! {
    /// The surfaces open on each story, in the order they opened. Only the first takes the
    /// reader's selections and clicks, so two widgets on one story never both open a picker;
    /// the others show the same claims (they share storage).
    static OPEN_SURFACES: RefCell<Vec<(Element, u64)>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Elements whose text is never part of a story.
const SKIPPED_ELEMENTS: [&str; 6] = [
    "SCRIPT",
    "STYLE",
    "NOSCRIPT",
    "TEMPLATE",
    "CLAIM-ANNOTATOR",
    "svg",
];

/// How long the story must be quiet after a change before it is read again: a host that
/// re-renders in several steps is read once.
const REREAD_AFTER_MILLISECONDS: u32 = 60;

impl HostStorySurface {
    /// Reads the story in `element`; the overlay, when the browser has no Custom Highlight API
    /// (or `force_overlay`), is drawn inside `overlay_parent` (the widget's shadow root).
    pub fn open(
        element: Element,
        overlay_parent: &Node,
        force_overlay: bool,
    ) -> Result<HostStorySurface, StoryProblem> {
        let (nodes, story) = read_story(&element);
        if story.text().as_str().trim().is_empty() {
            return Err(StoryProblem::NoText);
        }
        let painter = HighlightPainter::new(overlay_parent, force_overlay)
            .ok_or(StoryProblem::CannotPaint)?;
        if let Some(document) = element.owner_document() {
            crate::browser::widget_stylesheet::adopt_highlight_styles(&document);
        }
        let instance = NEXT_INSTANCE.with(|next| {
            next.set(next.get() + 1);
            next.get()
        });
        OPEN_SURFACES.with(|open| open.borrow_mut().push((element.clone(), instance)));
        Ok(HostStorySurface {
            instance,
            element,
            nodes: RefCell::new(nodes),
            story: RefCell::new(Rc::new(story)),
            painter,
            last_paint: RefCell::default(),
        })
    }

    pub fn story(&self) -> Rc<StoryText> {
        self.story.borrow().clone()
    }

    pub fn uses_overlay(&self) -> bool {
        self.painter.uses_overlay()
    }

    /// Reads the story again after the host changed it; returns whether its text changed (the
    /// nodes are renewed either way, and the highlights are painted on the new ones).
    pub fn reread(&self) -> bool {
        let (nodes, story) = read_story(&self.element);
        let changed = story.text() != self.story.borrow().text();
        *self.nodes.borrow_mut() = nodes;
        *self.story.borrow_mut() = Rc::new(story);
        changed
    }

    /// Paints the last highlights again: the nodes or the layout changed.
    pub fn repaint(&self) {
        let (annotations, marks) = self.last_paint.borrow().clone();
        self.paint_now(&annotations, &marks);
    }

    /// Calls `on_change` (after the story has been quiet a moment) whenever the host changes
    /// the story's nodes or text, and repaints the overlay when the story's size changes. The
    /// returned guard stops watching when dropped.
    pub fn watch(self: &Rc<Self>, on_change: Rc<dyn Fn()>) -> StoryWatch {
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let on_mutation = Closure::<dyn FnMut()>::new(move || {
            let on_change = on_change.clone();
            pending.replace(Some(Timeout::new(REREAD_AFTER_MILLISECONDS, move || {
                on_change()
            })));
        });
        let observer = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            let options = web_sys::MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            options.set_character_data(true);
            options.set_attribute_filter(&js_sys::Array::of1(&"hidden".into()));
            let _ = observer.observe_with_options(&self.element, &options);
        }
        let relayout = {
            let surface = Rc::downgrade(self);
            Closure::<dyn FnMut()>::new(move || {
                if let Some(surface) = surface.upgrade().filter(|surface| surface.uses_overlay()) {
                    surface.repaint();
                }
            })
        };
        let resize_observer = web_sys::ResizeObserver::new(relayout.as_ref().unchecked_ref()).ok();
        if let Some(resize_observer) = &resize_observer {
            resize_observer.observe(&self.element);
        }
        StoryWatch {
            observer,
            resize_observer,
            _closures: [on_mutation, relayout],
        }
    }

    /// Removes the highlights and the overlay: the widget is going away.
    pub fn detach(&self) {
        self.painter.detach();
        OPEN_SURFACES.with(|open| {
            open.borrow_mut()
                .retain(|(_, instance)| *instance != self.instance)
        });
    }

    fn paint_now(&self, annotations: &[Rc<Annotation>], marks: &PaintMarks) {
        let flashing = marks.flashing.as_deref();
        let mut ranges: Vec<PaintedRange> = annotations
            .iter()
            .filter(|annotation| annotation.is_drawn())
            .filter_map(|annotation| {
                let mut names = vec![annotation.tag.css_name()];
                if annotation.anchor.needs_review() {
                    names.push("review");
                }
                if flashing == Some(annotation.id.as_str()) {
                    names.push("flash");
                }
                Some(PaintedRange {
                    range: self.dom_range(annotation.range)?,
                    names,
                })
            })
            .collect();
        for (range, name) in [(marks.selecting, "selecting"), (marks.cursor, "cursor")] {
            if let Some(range) = range.and_then(|range| self.dom_range(range)) {
                ranges.push(PaintedRange {
                    range,
                    names: vec![name],
                });
            }
        }
        self.painter.paint(&ranges);
    }

    fn dom_range(&self, range: CharRange) -> Option<Range> {
        let story = self.story.borrow();
        let nodes = self.nodes.borrow();
        let (start_run, start_offset) = story.point_at(range.start, Bias::Forward)?;
        let (end_run, end_offset) = story.point_at(range.end, Bias::Backward)?;
        let dom_range = self.element.owner_document()?.create_range().ok()?;
        dom_range
            .set_start(nodes.get(start_run)?, start_offset)
            .ok()?;
        dom_range.set_end(nodes.get(end_run)?, end_offset).ok()?;
        Some(dom_range)
    }

    /// The story position of the DOM point `(node, offset)`; a point outside the story's text
    /// nodes goes to the start of the first text after it (or the story's end).
    fn position_of_point(&self, node: &Node, offset: u32) -> Option<usize> {
        let story = self.story.borrow();
        let nodes = self.nodes.borrow();
        if let Some(run) = nodes.iter().position(|text| text.is_same_node(Some(node))) {
            return story.position_of(run, offset);
        }
        let probe = self.element.owner_document()?.create_range().ok()?;
        probe.set_start(node, offset).ok()?;
        probe.collapse_with_to_start(true);
        // -1: the text node starts before the point.
        let first_after =
            nodes.partition_point(|text| probe.compare_point(text, 0).unwrap_or(1) < 0);
        match story.run_range(first_after) {
            Some(range) => Some(range.start),
            None => Some(story.text().len_chars()),
        }
    }
}

impl ArticleSurface for HostStorySurface {
    fn event_target(&self) -> Element {
        self.element.clone()
    }

    fn takes_selections(&self) -> bool {
        OPEN_SURFACES.with(|open| {
            open.borrow()
                .iter()
                .find(|(element, _)| *element == self.element)
                .is_some_and(|(_, instance)| *instance == self.instance)
        })
    }

    fn selection(&self) -> Option<(CharRange, DomRect)> {
        let points = current_selection(shadow_root_of(&self.element).as_ref())?;
        let inside = |node: &Node| self.element.contains(Some(node));
        if !inside(&points.start.0) && !inside(&points.end.0) {
            return None;
        }
        let start = self.position_of_point(&points.start.0, points.start.1)?;
        let end = self.position_of_point(&points.end.0, points.end.1)?;
        Some((CharRange::new(start, end), points.rect()?))
    }

    fn select(&self, range: CharRange) -> Option<DomRect> {
        let dom_range = self.dom_range(range)?;
        set_selection(
            (
                &dom_range.start_container().ok()?,
                dom_range.start_offset().ok()?,
            ),
            (
                &dom_range.end_container().ok()?,
                dom_range.end_offset().ok()?,
            ),
        )?;
        Some(dom_range.get_bounding_client_rect())
    }

    fn reveal(&self, range: CharRange, scroll: bool) -> Option<DomRect> {
        let dom_range = self.dom_range(range)?;
        if scroll {
            if let Some(element) = dom_range.start_container().ok()?.parent_element() {
                crate::browser::scrolling::scroll_to_middle(&element);
            }
        }
        let first_line = dom_range.get_client_rects().and_then(|rects| rects.item(0));
        Some(first_line.unwrap_or_else(|| dom_range.get_bounding_client_rect()))
    }

    fn paint(&self, annotations: &[Rc<Annotation>], marks: &PaintMarks) {
        *self.last_paint.borrow_mut() = (annotations.to_vec(), marks.clone());
        self.paint_now(annotations, marks);
    }

    fn position_at_point(&self, x: f64, y: f64) -> Option<usize> {
        let shadow_root = shadow_root_of(&self.element);
        let (node, offset) = caret_at_point(&self.element, shadow_root.as_ref(), x, y)?;
        if !self.element.contains(Some(&node)) {
            return None;
        }
        self.position_of_point(&node, offset)
    }

    fn claims_at_point(
        &self,
        x: f64,
        y: f64,
        annotations: &[Rc<Annotation>],
    ) -> Option<PointedClaims> {
        let caret = self.position_at_point(x, y);
        let candidates: Vec<&Annotation> = match caret {
            // The caret lands before or after the character under the point.
            Some(position) => {
                let mut found = drawn_claims_covering(annotations, position);
                for annotation in drawn_claims_covering(annotations, position.saturating_sub(1)) {
                    if !found.iter().any(|known| known.id == annotation.id) {
                        found.push(annotation);
                    }
                }
                found
            }
            None => annotations
                .iter()
                .map(|annotation| &**annotation)
                .filter(|annotation| annotation.is_drawn())
                .collect(),
        };
        // Keep the claims whose line boxes really are under the point.
        let mut highlight = None;
        let ids: Vec<String> = candidates
            .into_iter()
            .filter(|annotation| {
                let Some(range) = self.dom_range(annotation.range) else {
                    return false;
                };
                let under = range.get_client_rects().is_some_and(|rects| {
                    (0..rects.length())
                        .filter_map(|index| rects.item(index))
                        .any(|rect| rect_contains(&rect, x, y))
                });
                if under && highlight.is_none() {
                    highlight = Some(range.get_bounding_client_rect());
                }
                under
            })
            .map(|annotation| annotation.id.clone())
            .collect();
        Some(PointedClaims {
            highlight: highlight?,
            ids,
        })
    }
}

/// Keeps the story watched; dropping it stops the observers.
pub struct StoryWatch {
    observer: Option<web_sys::MutationObserver>,
    resize_observer: Option<web_sys::ResizeObserver>,
    _closures: [Closure<dyn FnMut()>; 2],
}

impl Drop for StoryWatch {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        if let Some(observer) = &self.resize_observer {
            observer.disconnect();
        }
    }
}

/// The text nodes of the story, in document order, and the story text they make.
fn read_story(element: &Element) -> (Vec<Text>, StoryText) {
    let mut nodes = Vec::new();
    collect_text_nodes(element, &mut nodes);
    let texts: Vec<String> = nodes.iter().map(|node| node.data()).collect();
    let story = StoryText::from_runs(&texts);
    (nodes, story)
}

fn collect_text_nodes(parent: &Node, nodes: &mut Vec<Text>) {
    let children = parent.child_nodes();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                if let Ok(text) = child.dyn_into::<Text>() {
                    nodes.push(text);
                }
            }
            Node::ELEMENT_NODE => {
                let Ok(element) = child.dyn_into::<Element>() else {
                    continue;
                };
                if !is_part_of_story(&element) {
                    continue;
                }
                collect_text_nodes(&element, nodes);
            }
            _ => {}
        }
    }
}

fn is_part_of_story(element: &Element) -> bool {
    let tag = element.tag_name();
    if SKIPPED_ELEMENTS.contains(&tag.as_str()) || element.has_attribute("hidden") {
        return false;
    }
    match is_rendered(element) {
        Some(true) | None => true,
        // An element with `display: contents` has no box of its own, but its children do.
        Some(false) => web_sys::window()
            .and_then(|window| window.get_computed_style(element).ok().flatten())
            .and_then(|style| style.get_property_value("display").ok())
            .is_some_and(|display| display == "contents"),
    }
}
