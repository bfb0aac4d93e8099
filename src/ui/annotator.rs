//! The annotator for one loaded article: owns the two stores (the annotations and the view) and
//! wires the article surface, the tag picker, the claim editor and the claims panel together.
//!
//! The surface is where the article is drawn ([`crate::browser::article_surface`]): the widget's
//! own copy, rendered here by the article view, or a story on the host page annotated in place.
//! Everything else is the same for both.
//!
//! Its parts live in `annotator/`: keeping the claims in storage ([`claims_storage`]),
//! reporting changes to the host and to screen readers ([`change_reports`]), offering the
//! reader's selections ([`selection_offers`]), tagging ([`tagging`]), the keys ([`keydown`]),
//! the claim editor ([`claim_editor`]) and placing the drawer ([`drawer_placement`]).
//!
//! Invariants:
//! - Storage is written only after a reader's change (see [`claims_storage`]).
//! - All view state lives in one reducer ([`ViewState`]); the hooks hold only what is not
//!   shown (timers, the last selection considered, persistence flags).
//! - Claim events reach the host only for changes after the saved claims were restored.

pub mod change_reports;
pub mod claim_editor;
pub mod claims_storage;
pub mod drawer_placement;
pub mod keydown;
pub mod selection_offers;
pub mod tagging;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::Element;
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use self::change_reports::{use_change_reports, ChangeReportsProps};
use self::claim_editor::{claim_editor, EditorContext, SpeakerNames};
use self::claims_storage::use_claims_storage;
use self::drawer_placement::use_drawer_placement;
use self::keydown::{keydown_handler, start_selecting, KeydownContext};
use self::selection_offers::{use_selection_offers, SelectionOffersProps};
use self::tagging::{tagging_actions, TaggingActions};
use super::annotation_editor::ClaimChooser;
use super::article_view::KeyboardMarks;
use super::article_view::{ArticleView, OpenRequest};
use super::claims_panel::ClaimsPanel;
use super::keeping_claims::{keeping_notice_actions, use_keeping_claims, KeepingNoticeActions};
use super::key_help::KeyHelp;
use super::locale::use_locale;
use super::notices::{notices, NoticesProps};
use super::published_claims::PublishedClaims;
use super::store::use_store;
use super::tag_picker::{OneAction, OneActionOffer, TagPicker};
use super::transfer_actions::{TransferActions, TransferHandles};
use super::undo_shortcuts::use_undo_shortcuts;
use crate::browser::article_surface::host_story::HostStorySurface;
use crate::browser::article_surface::own_copy::OwnCopySurface;
use crate::browser::article_surface::{ArticleSurface, PaintMarks};
use crate::browser::clock_and_ids::now_ms;
use crate::browser::scrolling::popover_position_below;
use crate::core::annotation::Annotation;
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::article::Article;
use crate::core::drawn_highlight::claim_highlights;
use crate::core::keyboard_cursor::ReadingCursor;
use crate::core::shared::Shared;
use crate::core::tag::Tag;
use crate::core::view_state::{OpenClaim, PendingSelection, ViewAction, ViewState};

#[derive(Clone, PartialEq)]
pub struct LoadedArticle {
    pub article: Shared<Article>,
    /// The storage identity: a hash of the text, or the id the page gave.
    pub key: String,
    /// The article's identity in W3C exports: its absolute URL, or a `urn:` from the key.
    pub source_uri: String,
}

/// Where the article is drawn.
#[derive(Clone, PartialEq)]
pub enum SurfaceChoice {
    /// The widget's own copy, rendered by the article view.
    OwnCopy,
    /// A story on the host page, annotated in place.
    HostStory(Shared<HostStorySurface>),
}

/// Who is using the annotator: what the claim editor asks and what the panel offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AnnotatorMode {
    /// Any reader: tag, note, name the speaker, link a denial to its allegation; export,
    /// import and share.
    #[default]
    Reader,
    /// A teacher building an exercise's key: also an explanation for each claim.
    Teacher,
    /// A student doing an exercise: no export, import or share (the work is handed in).
    Student,
}

/// Where the claims panel goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelPlacement {
    /// Beside the article (own copy) or where the widget's element is (in place).
    #[default]
    Inline,
    /// A drawer at the window's right edge, opened with a button; beside the story when there
    /// is room, over the page when there is not (a phone).
    Drawer,
}

impl PanelPlacement {
    /// The placement a `panel` option or attribute names: `inline` (or none) or `drawer`. The
    /// error says which values there are. `mount` and the build-time prerenderer both read it
    /// here, so a page's prerendered copy and its live widget place the panel alike.
    pub fn from_choice(choice: Option<&str>) -> Result<PanelPlacement, String> {
        match choice {
            None | Some("inline") => Ok(PanelPlacement::Inline),
            Some("drawer") => Ok(PanelPlacement::Drawer),
            Some(other) => Err(format!(
                "\u{201C}panel\u{201D} must be \u{201C}inline\u{201D} or \u{201C}drawer\u{201D}, not \u{201C}{other}\u{201D}"
            )),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AnnotatorProps {
    pub article: LoadedArticle,
    #[prop_or(SurfaceChoice::OwnCopy)]
    pub surface: SurfaceChoice,
    #[prop_or_default]
    pub panel: PanelPlacement,
    /// Moves when the host replaced the story's nodes without changing its text: paint again.
    #[prop_or_default]
    pub story_generation: u64,
    /// The element the widget is mounted on: claim events are dispatched there.
    #[prop_or_default]
    pub host: Option<Element>,
    /// Where the annotations are published for the host's `claims()` and `exportW3C()`.
    #[prop_or_default]
    pub published: Option<PublishedClaims>,
    #[prop_or_default]
    pub mode: AnnotatorMode,
    /// Shown at the top of the claims panel (the classroom's own actions).
    #[prop_or_default]
    pub children: Html,
}

/// How long a claim chosen in the panel pulses in the article.
const FLASH_MILLISECONDS: u32 = 1600;

#[function_component(Annotator)]
pub fn annotator(props: &AnnotatorProps) -> Html {
    let locale = use_locale();
    let store = use_store::<AnnotationState>();
    let view = use_store::<ViewState>();
    let flash_timer = use_mut_ref(|| None::<Timeout>);
    let root_ref = use_node_ref();
    let article_ref = use_node_ref();
    let article = props.article.article.clone();
    let state = store.state.clone();
    let view_state = view.state.clone();
    let shown = view_state
        .notices
        .shared_view
        .as_ref()
        .map_or_else(|| state.clone(), |shared| shared.state.clone());
    let speaker_names = use_mut_ref(SpeakerNames::default);
    let highlights = use_memo((shown.clone(), locale.clone()), |(shown, locale)| {
        Shared::new(claim_highlights(shown.annotations(), locale))
    });
    // The claims on screen now, for listeners installed once.
    let shown_now = use_mut_ref(|| shown.clone());
    *shown_now.borrow_mut() = shown.clone();
    let keyboard_marks = KeyboardMarks {
        cursor: view_state.selecting.as_ref().map(|cursor| cursor.word),
        selecting: view_state
            .selecting
            .as_ref()
            .filter(|cursor| cursor.anchor.is_some())
            .map(ReadingCursor::selection),
    };
    let paint_marks = PaintMarks {
        flashing: view_state.flashing.clone(),
        cursor: keyboard_marks.cursor,
        selecting: keyboard_marks.selecting,
    };
    let story_element = match &props.surface {
        SurfaceChoice::HostStory(story) => Some(story.event_target()),
        SurfaceChoice::OwnCopy => None,
    };
    let surface = {
        let choice = props.surface.clone();
        let article_ref = article_ref.clone();
        move || -> Option<Rc<dyn ArticleSurface>> {
            match &choice {
                SurfaceChoice::OwnCopy => article_ref
                    .cast::<Element>()
                    .map(|article| Rc::new(OwnCopySurface { article }) as Rc<dyn ArticleSurface>),
                SurfaceChoice::HostStory(story) => Some(story.0.clone() as Rc<dyn ArticleSurface>),
            }
        }
    };

    use_claims_storage(
        props.article.clone(),
        store.clone(),
        view.dispatcher(),
        locale.clone(),
    );
    use_change_reports(ChangeReportsProps {
        state: store.state.clone(),
        ready: view_state.ready,
        host: props.host.clone(),
        published: props.published.clone(),
        loaded: props.article.clone(),
        view_dispatcher: view.dispatcher(),
        locale: locale.clone(),
    });

    use_selection_offers(SelectionOffersProps {
        surface: Rc::new(surface.clone()),
        choice: props.surface.clone(),
        loaded: props.article.clone(),
        shown_now: shown_now.clone(),
        ready: view_state.ready,
        view_dispatcher: view.dispatcher(),
    });
    // Leaving (the library goes back to its list): what waits for the next frame is saved now.
    use_effect_when_changed(
        EffectDeps::new(()),
        Box::new(|| Teardown::new(crate::browser::after_paint::flush_waiting)),
    );
    use_undo_shortcuts(store.dispatcher(), root_ref.clone(), story_element.clone());
    use_keeping_claims(
        store.state.clone(),
        view.state.clone(),
        view.dispatcher(),
        props.article.key.clone(),
    );

    {
        // Paint the highlights (a story in place; the own copy renders its own).
        let surface = surface.clone();
        let (shown, marks) = (shown.clone(), paint_marks);
        use_effect_when_changed(
            EffectDeps::new((shown.clone(), marks.clone(), props.story_generation)),
            Box::new(move || {
                if let Some(surface) = surface() {
                    surface.paint(shown.annotations(), &marks);
                }
                Teardown::NONE
            }),
        );
    }
    {
        // A story in place: take the highlights away with the widget.
        let surface = props.surface.clone();
        use_effect_when_changed(
            EffectDeps::new(surface.clone()),
            Box::new(move || {
                let story = match &surface {
                    SurfaceChoice::HostStory(story) => Some(story.clone()),
                    SurfaceChoice::OwnCopy => None,
                };
                Teardown::new(move || {
                    if let Some(story) = story {
                        story.detach();
                    }
                })
            }),
        );
    }
    use_drawer_placement(
        props.panel,
        root_ref.clone(),
        Rc::new(surface.clone()),
        view.dispatcher(),
    );

    let on_undo = {
        let dispatcher = store.dispatcher();
        use_callback((), move |(), _| {
            dispatcher.dispatch(Action::Undo { at_ms: now_ms() })
        })
    };
    let on_redo = {
        let dispatcher = store.dispatcher();
        use_callback((), move |(), _| {
            dispatcher.dispatch(Action::Redo { at_ms: now_ms() })
        })
    };
    let on_clear_all = {
        let dispatcher = store.dispatcher();
        let view_dispatcher = view.dispatcher();
        use_callback((), move |(), _| {
            view_dispatcher.dispatch(ViewAction::CloseClaim);
            dispatcher.dispatch(Action::ClearAll { at_ms: now_ms() });
        })
    };
    let TransferActions {
        on_export_json,
        on_export_csv,
        on_import_file,
        on_share,
        close_share_link,
        keep_shared_copy,
        leave_shared_view,
        close_import_notice,
        import_foreign_for_review,
        download_unreadable,
        download_annotations,
    } = TransferHandles {
        state: store.state.clone(),
        dispatcher: store.dispatcher(),
        view: view_state.clone(),
        view_dispatcher: view.dispatcher(),
        loaded: props.article.clone(),
        locale: locale.clone(),
    }
    .actions();
    let KeepingNoticeActions {
        on_export_a_copy,
        on_close_vanished,
        on_not_now,
    } = keeping_notice_actions(
        props.article.key.clone(),
        view.dispatcher(),
        on_export_json.clone(),
    );

    let TaggingActions {
        tag_range,
        choose_tag,
        attach_here,
        on_accept,
    } = tagging_actions(
        article.clone(),
        store.clone(),
        view.dispatcher(),
        view_state.pending.clone(),
        view_state.reattaching.clone(),
    );
    let on_reattach = {
        let view_dispatcher = view.dispatcher();
        Callback::from(move |id: String| view_dispatcher.dispatch(ViewAction::StartReattach(id)))
    };
    let dismiss_picker = {
        let view_dispatcher = view.dispatcher();
        Callback::from(move |()| view_dispatcher.dispatch(ViewAction::DismissSelection))
    };

    // Stable across renders (a dispatcher only), so unchanged blocks of the article are not
    // re-rendered when the picker or the editor opens.
    let on_open = {
        let view_dispatcher = view.dispatcher();
        use_callback((), move |request: OpenRequest, _| {
            view_dispatcher.dispatch(ViewAction::OpenClaims {
                ids: request.ids,
                at: popover_position_below(&request.rect),
            });
        })
    };

    let on_choose_claim = {
        let view_dispatcher = view.dispatcher();
        let flash_timer = flash_timer.clone();
        let surface = surface.clone();
        let shown_now = shown_now.clone();
        use_callback((), move |id: String, _| {
            let range = shown_now
                .borrow()
                .get(&id)
                .map(|annotation| annotation.range);
            let Some(rect) = range.and_then(|range| surface()?.reveal(range, true)) else {
                return;
            };
            view_dispatcher.dispatch(ViewAction::ShowClaim {
                id,
                at: popover_position_below(&rect),
            });
            let view_dispatcher = view_dispatcher.clone();
            flash_timer.replace(Some(Timeout::new(FLASH_MILLISECONDS, move || {
                view_dispatcher.dispatch(ViewAction::EndFlash)
            })));
        })
    };

    let close_claim = {
        let view_dispatcher = view.dispatcher();
        Callback::from(move |()| view_dispatcher.dispatch(ViewAction::CloseClaim))
    };

    let onkeydown = keydown_handler(KeydownContext {
        tagging: view_state.pending.is_some() && view_state.reattaching.is_none(),
        choose_tag: choose_tag.clone(),
        tag_range: tag_range.clone(),
        view_dispatcher: view.dispatcher(),
        selecting: view_state.selecting.clone(),
        article: article.clone(),
        article_ref: article_ref.clone(),
        surface: Rc::new(surface.clone()),
        locale: locale.clone(),
    });

    // Once per change of the claims, not on every render (a view change renders too).
    let allegations = use_memo(state.clone(), |state| {
        Rc::new(
            state
                .annotations()
                .iter()
                .filter(|annotation| annotation.tag == Tag::Allegation)
                .map(|annotation| (annotation.id.clone(), annotation.quote.exact.clone()))
                .collect::<Vec<_>>(),
        )
    });
    // Optional pieces are always one node (an empty one when absent): Yew matches unkeyed
    // children by place, and a child that comes and goes would rebuild the article beside it.
    let sentence_offer = view_state
        .offered_sentence
        .clone()
        .map(|sentence| {
            let on_select = {
                let view_dispatcher = view.dispatcher();
                let surface = surface.clone();
                let sentence = sentence.clone();
                Callback::from(move |()| {
                    let rect = surface().and_then(|surface| surface.select(sentence.range));
                    let at = rect.map_or(sentence.at, |rect| popover_position_below(&rect));
                    view_dispatcher.dispatch(ViewAction::OfferSelection(PendingSelection {
                        range: sentence.range,
                        at,
                    }));
                })
            };
            let on_dismiss = {
                let view_dispatcher = view.dispatcher();
                Callback::from(move |()| view_dispatcher.dispatch(ViewAction::DismissSentence))
            };
            html! { <OneActionOffer action={OneAction::SelectSentence} at={sentence.at} on_act={on_select} {on_dismiss} /> }
        })
        .unwrap_or_default();
    let help = view_state
        .help_open
        .then(|| {
            let view_dispatcher = view.dispatcher();
            let on_close =
                Callback::from(move |()| view_dispatcher.dispatch(ViewAction::CloseHelp));
            html! { <KeyHelp {on_close} /> }
        })
        .unwrap_or_default();
    let popover = match (view_state.pending.clone(), view_state.open.clone()) {
        _ if view_state.read_only() => html! {},
        (Some(selection), _) if view_state.reattaching.is_some() => html! {
            <OneActionOffer action={OneAction::AttachHere} at={selection.at} on_act={attach_here} on_dismiss={dismiss_picker.clone()} />
        },
        (Some(selection), _) => html! {
            <TagPicker at={selection.at} on_choose={choose_tag.clone()} on_dismiss={dismiss_picker} />
        },
        (None, Some(OpenClaim::Edit { id, at })) => match state.get(&id) {
            Some(annotation) => {
                let editor_context = EditorContext {
                    names: speaker_names.borrow_mut().of(&article),
                    allegations: (*allegations).clone(),
                    explains: props.mode == AnnotatorMode::Teacher,
                };
                claim_editor(annotation, at, &editor_context, &store, close_claim.clone())
            }
            None => html! {},
        },
        (None, Some(OpenClaim::Choose { ids, at })) => {
            let choices: Vec<Annotation> =
                ids.iter().filter_map(|id| state.get(id).cloned()).collect();
            let on_pick = {
                let view_dispatcher = view.dispatcher();
                Callback::from(move |id: String| {
                    view_dispatcher.dispatch(ViewAction::PickClaim(id))
                })
            };
            html! { <ClaimChooser {choices} {at} {on_pick} on_close={close_claim.clone()} /> }
        }
        (None, None) => html! {},
    };

    let on_delete_from_review = {
        let dispatcher = store.dispatcher();
        Callback::from(move |id: String| {
            dispatcher.dispatch(Action::Delete {
                id,
                at_ms: now_ms(),
            })
        })
    };
    let on_filter = {
        let view_dispatcher = view.dispatcher();
        Callback::from(move |tag: Option<Tag>| view_dispatcher.dispatch(ViewAction::SetFilter(tag)))
    };

    let in_place = matches!(props.surface, SurfaceChoice::HostStory(_));
    let claim_count = shown.annotations().len();
    let open_help = {
        let view_dispatcher = view.dispatcher();
        Callback::from(move |_: MouseEvent| view_dispatcher.dispatch(ViewAction::OpenHelp))
    };
    // In place, the story is the host's: keyboard selecting starts from the panel's button, and
    // its keys reach the widget from there.
    let start_keyboard = {
        let view_dispatcher = view.dispatcher();
        let article = article.clone();
        let locale = locale.clone();
        Callback::from(move |_: MouseEvent| start_selecting(&view_dispatcher, &article, &locale))
    };
    let panel = html! {
        <ClaimsPanel article={article.clone()} annotations={shown.clone()} filter={view_state.filter.clone()}
            reattaching={view_state.reattaching.clone()} read_only={view_state.read_only()} {on_share}
            stored_bytes={view_state.notices.stored_bytes} keeping={view_state.notices.keeping} {on_filter} on_choose={on_choose_claim}
            on_delete={on_delete_from_review} {on_accept} {on_reattach}
            {on_undo} {on_redo} {on_clear_all} {on_export_json} {on_export_csv} on_import_file={on_import_file.clone()}
            transfer={props.mode != AnnotatorMode::Student}>
            { props.children.clone() }
            <div class="ca-keyboard-actions">
                if in_place && view_state.takes_selections() {
                    <button type="button" class="ca-start-keyboard" onclick={start_keyboard}>{ locale.text.start_keyboard_selection.clone() }</button>
                }
                <button type="button" class="ca-keys-button" aria-keyshortcuts="?" onclick={open_help}>{ locale.text.keyboard_help_button.clone() }</button>
            </div>
        </ClaimsPanel>
    };
    let article_view = (!in_place).then(|| {
        html! {
            <div class="ca-article-column" ref={article_ref}>
                <ArticleView article={article.clone()} highlights={(*highlights).clone()} flashing={view_state.flashing.clone()}
                    keyboard={keyboard_marks} focusable={view_state.takes_selections()} {on_open} />
            </div>
        }
    });
    let layout = match props.panel {
        PanelPlacement::Inline => html! { <div class="ca-layout">{ article_view }{ panel }</div> },
        PanelPlacement::Drawer => {
            let toggle = {
                let view_dispatcher = view.dispatcher();
                Callback::from(move |_: MouseEvent| {
                    view_dispatcher.dispatch(ViewAction::ToggleDrawer)
                })
            };
            let open = view_state.drawer_open;
            html! {
                <>
                    { article_view }
                    <button type="button" class="ca-drawer-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                        { if open { locale.text.drawer_hide.clone() } else { locale.fill(&locale.text.drawer_show, &[("count", &locale.integer(claim_count))]) } }
                    </button>
                    <div class="ca-drawer" hidden={!open}>{ panel }</div>
                </>
            }
        }
    };

    html! {
        <div class={classes!("ca-annotator", in_place.then_some("ca-in-place"))} ref={root_ref} {onkeydown}
            data-ca-ready={view_state.ready.then_some("true")}>
            { notices(NoticesProps {
                notices: view_state.notices.clone(),
                on_download_annotations: download_annotations, on_download_unreadable: download_unreadable,
                on_keep_shared_copy: keep_shared_copy, on_leave_shared_view: leave_shared_view, on_close_share_link: close_share_link,
                on_import_foreign: import_foreign_for_review, on_close_import: close_import_notice,
                on_export_a_copy, on_not_now, on_import_file: on_import_file.clone(), on_close_vanished,
            }, &locale) }
            { layout }
            { popover }
            { sentence_offer }
            { help }
            <div class="ca-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { view_state.announcement.clone() }
            </div>
        </div>
    }
}
