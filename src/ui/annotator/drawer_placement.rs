//! Where the drawer goes: beside the story when the window has room for it (then open from
//! the start, so the claims are in view), else over the page at full width, closed. Placed
//! again when the window is resized.
//!
//! Invariant: the width is set through CSSOM (a custom property), never a `style` attribute in
//! markup, so a strict CSP allows it.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::selection_offers::SurfaceFinder;
use super::PanelPlacement;
use crate::core::view_state::{ViewAction, ViewState};
use crate::ui::store::StoreDispatcher;

/// The drawer is put beside the story only when at least this much room is left of the window.
const DRAWER_MIN_WIDTH: f64 = 288.0;
const DRAWER_MAX_WIDTH: f64 = 420.0;

#[hook]
pub fn use_drawer_placement(
    panel: PanelPlacement,
    root_ref: NodeRef,
    surface: SurfaceFinder,
    view_dispatcher: StoreDispatcher<ViewState>,
) {
    // A drawer goes beside the story when there is room for it, open from the start.
    use_effect_when_changed(
        EffectDeps::new(panel),
        Box::new(move || {
            let listener = (panel == PanelPlacement::Drawer).then(|| {
                let place = move |first: bool| {
                    let (Some(root), Some(surface)) =
                        (root_ref.cast::<web_sys::HtmlElement>(), surface())
                    else {
                        return;
                    };
                    let window_width = gloo::utils::window()
                        .inner_width()
                        .ok()
                        .and_then(|width| width.as_f64())
                        .unwrap_or(0.0);
                    let room = window_width
                        - surface.event_target().get_bounding_client_rect().right()
                        - 16.0;
                    let fits = room >= DRAWER_MIN_WIDTH;
                    let width = if fits {
                        room.min(DRAWER_MAX_WIDTH)
                    } else {
                        window_width
                    };
                    let _ = root.style().set_property(
                        "--ca-drawer-width",
                        &crate::browser::highlight_painter::whole_pixels(width),
                    );
                    if first && fits {
                        view_dispatcher.dispatch(ViewAction::ToggleDrawer);
                    }
                };
                place(true);
                EventListener::new(&gloo::utils::window(), "resize", move |_| place(false))
            });
            Teardown::new(move || drop(listener))
        }),
    );
}
