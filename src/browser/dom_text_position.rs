//! Converting between DOM positions (a node and a UTF-16 offset) and code-point positions in the
//! article's source text.
//!
//! The article view marks every run of source text with `data-ca-start` and `data-ca-end` (its
//! code-point range) and puts nothing but that text inside it. So a DOM point inside a run is
//! the run's start plus the code points before the point; a point anywhere else (between blocks,
//! on an element, outside the article) resolves to the nearest run boundary after it.
//!
//! Invariant: `dom_range_to_char_range(root, &char_range_to_dom_range(root, r)?)` is `r` for every
//! range whose ends lie inside rendered runs, whatever the script (emoji, combining marks, CJK,
//! Arabic): UTF-16 offsets are converted by counting code points, never by assuming one unit each.

use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, Node, Range};

use super::reader_selection::{current_selection, set_selection, shadow_root_of};
use crate::core::char_range::CharRange;
use crate::core::story_text::{code_points_to_utf16_offset, utf16_offset_to_code_points, Bias};

pub const RUN_START_ATTRIBUTE: &str = "data-ca-start";
pub const RUN_END_ATTRIBUTE: &str = "data-ca-end";

/// The reader's current selection as a code-point range, with its on-screen rectangle, when at
/// least one end of it lies inside `root` (which may be inside a shadow root). A collapsed
/// selection counts as none.
pub fn selected_char_range(root: &Element) -> Option<(CharRange, DomRect)> {
    let points = current_selection(shadow_root_of(root).as_ref())?;
    let touches_root = |node: &Node| root.contains(Some(node));
    if !touches_root(&points.start.0) && !touches_root(&points.end.0) {
        return None;
    }
    let start = dom_point_to_position(root, &points.start.0, points.start.1)?;
    let end = dom_point_to_position(root, &points.end.0, points.end.1)?;
    Some((CharRange::new(start, end), points.rect()?))
}

/// Makes the browser's selection show `range` (after snapping to words, so the reader sees
/// exactly what will be tagged), and returns where it is on screen.
pub fn select_char_range(root: &Element, range: CharRange) -> Option<DomRect> {
    let dom_range = char_range_to_dom_range(root, range)?;
    let start = dom_range.start_container().ok()?;
    let end = dom_range.end_container().ok()?;
    set_selection(
        (&start, dom_range.start_offset().ok()?),
        (&end, dom_range.end_offset().ok()?),
    )?;
    Some(dom_range.get_bounding_client_rect())
}

/// The run showing position `position` (the first run of a claim that starts there).
pub fn run_at(root: &Element, position: usize) -> Option<Element> {
    let (node, _) = position_to_dom_point(root, position, Bias::Forward)?;
    node.parent_element()
}

pub fn dom_range_to_char_range(root: &Element, range: &Range) -> Option<CharRange> {
    let start = dom_point_to_position(
        root,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let end = dom_point_to_position(root, &range.end_container().ok()?, range.end_offset().ok()?)?;
    Some(CharRange::new(start, end))
}

pub fn char_range_to_dom_range(root: &Element, range: CharRange) -> Option<Range> {
    let (start_node, start_offset) = position_to_dom_point(root, range.start, Bias::Forward)?;
    let (end_node, end_offset) = position_to_dom_point(root, range.end, Bias::Backward)?;
    let dom_range = root.owner_document()?.create_range().ok()?;
    dom_range.set_start(&start_node, start_offset).ok()?;
    dom_range.set_end(&end_node, end_offset).ok()?;
    Some(dom_range)
}

/// The code-point position of the DOM point `(node, offset)`.
pub fn dom_point_to_position(root: &Element, node: &Node, offset: u32) -> Option<usize> {
    if let Some(text) = node.dyn_ref::<web_sys::Text>() {
        if let Some(run) = node.parent_element().filter(|parent| {
            parent.has_attribute(RUN_START_ATTRIBUTE) && root.contains(Some(parent))
        }) {
            let run_start = run_attribute(&run, RUN_START_ATTRIBUTE)?;
            let before_in_run = code_points_of_earlier_texts(&run, node);
            return Some(
                run_start + before_in_run + utf16_offset_to_code_points(&text.data(), offset),
            );
        }
    }
    if let Some(run) = node
        .dyn_ref::<Element>()
        .filter(|element| element.has_attribute(RUN_START_ATTRIBUTE))
    {
        let attribute = if offset == 0 {
            RUN_START_ATTRIBUTE
        } else {
            RUN_END_ATTRIBUTE
        };
        return run_attribute(run, attribute);
    }
    nearest_run_boundary_after(root, node, offset)
}

fn position_to_dom_point(root: &Element, position: usize, bias: Bias) -> Option<(Node, u32)> {
    let runs = root
        .query_selector_all(&format!("[{RUN_START_ATTRIBUTE}]"))
        .ok()?;
    for index in 0..runs.length() {
        let run: Element = runs.item(index)?.dyn_into().ok()?;
        let start = run_attribute(&run, RUN_START_ATTRIBUTE)?;
        let end = run_attribute(&run, RUN_END_ATTRIBUTE)?;
        let inside = match bias {
            Bias::Forward => start <= position && position < end,
            Bias::Backward => start < position && position <= end,
        };
        if inside {
            return point_inside_run(&run, position - start);
        }
    }
    None
}

/// The text node and UTF-16 offset `code_points` into a run.
fn point_inside_run(run: &Element, mut code_points: usize) -> Option<(Node, u32)> {
    let children = run.child_nodes();
    let mut last_text = None;
    for index in 0..children.length() {
        let child = children.item(index)?;
        let Some(text) = child.dyn_ref::<web_sys::Text>() else {
            continue;
        };
        let data = text.data();
        let length = data.chars().count();
        if code_points <= length {
            return Some((
                child.clone(),
                code_points_to_utf16_offset(&data, code_points),
            ));
        }
        code_points -= length;
        last_text = Some((child.clone(), data.encode_utf16().count() as u32));
    }
    last_text
}

fn run_attribute(run: &Element, name: &str) -> Option<usize> {
    run.get_attribute(name)?.parse().ok()
}

fn code_points_of_earlier_texts(run: &Element, node: &Node) -> usize {
    let children = run.child_nodes();
    let mut total = 0;
    for index in 0..children.length() {
        let Some(child) = children.item(index) else {
            break;
        };
        if child.is_same_node(Some(node)) {
            break;
        }
        if let Some(text) = child.dyn_ref::<web_sys::Text>() {
            total += text.data().chars().count();
        }
    }
    total
}

/// For a point that is not inside a run: the start of the first run after it, or the end of
/// the last run when it lies after them all.
fn nearest_run_boundary_after(root: &Element, node: &Node, offset: u32) -> Option<usize> {
    let runs = root
        .query_selector_all(&format!("[{RUN_START_ATTRIBUTE}]"))
        .ok()?;
    let document = root.owner_document()?;
    let mut last_end = None;
    for index in 0..runs.length() {
        let run: Element = runs.item(index)?.dyn_into().ok()?;
        let run_range = document.create_range().ok()?;
        run_range.select_node_contents(&run).ok()?;
        // -1: the point is before the run; 0: inside it; 1: after it.
        match run_range.compare_point(node, offset).ok()? {
            -1 | 0 => return run_attribute(&run, RUN_START_ATTRIBUTE),
            _ => last_end = run_attribute(&run, RUN_END_ATTRIBUTE),
        }
    }
    last_end
}
