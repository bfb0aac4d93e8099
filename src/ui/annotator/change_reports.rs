//! Telling the host page and the reader what changed, claim by claim: the element's
//! `claim-added`/`claim-changed`/`claim-removed` events with the claim as W3C JSON, and one
//! sentence for screen readers when a claim was tagged, retagged or deleted.
//!
//! Invariant: nothing is reported for the claims restored from storage, only for changes after
//! them (`ready`).

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::LoadedArticle;
use crate::browser::host_events::{
    dispatch_claim_event, CLAIM_ADDED, CLAIM_CHANGED, CLAIM_REMOVED,
};
use crate::core::annotation::Annotation;
use crate::core::annotation_changes::{changes_between, AnnotationChange};
use crate::core::annotation_state::AnnotationState;
use crate::core::locale::Locale;
use crate::core::shared::Shared;
use crate::core::view_state::{ViewAction, ViewState};
use crate::core::web_annotation_export::export_annotation;
use crate::ui::annotation_editor::preview;
use crate::ui::published_claims::PublishedClaims;
use crate::ui::store::StoreDispatcher;

pub struct ChangeReportsProps {
    pub state: Shared<AnnotationState>,
    /// The saved claims are restored.
    pub ready: bool,
    /// The element the widget is mounted on, which dispatches the claim events.
    pub host: Option<Element>,
    pub published: Option<PublishedClaims>,
    pub loaded: LoadedArticle,
    pub view_dispatcher: StoreDispatcher<ViewState>,
    pub locale: Locale,
}

#[hook]
pub fn use_change_reports(props: ChangeReportsProps) {
    let ChangeReportsProps {
        state,
        ready,
        host,
        published,
        loaded,
        view_dispatcher,
        locale,
    } = props;

    let previous = use_mut_ref(|| None::<Shared<AnnotationState>>);
    use_effect_when_changed(
        EffectDeps::new((state.clone(), ready)),
        Box::new(move || {
            let (state, ready) = (&state, &ready);
            if let Some(published) = &published {
                published.publish(state.clone(), loaded.clone());
            }
            if !*ready {
                return Teardown::NONE;
            }
            let before = previous.replace(Some(state.clone()));
            let Some(before) = before else {
                return Teardown::NONE;
            };
            let changes = changes_between(before.annotations(), state.annotations());
            if let Some(said) = announcement(
                &changes,
                before.annotations(),
                state.annotations().len(),
                &locale,
            ) {
                view_dispatcher.dispatch(ViewAction::Announce(said));
            }
            for change in changes {
                let (name, annotation) = match change {
                    AnnotationChange::Added(annotation) => (CLAIM_ADDED, annotation),
                    AnnotationChange::Changed(annotation) => (CLAIM_CHANGED, annotation),
                    AnnotationChange::Removed(annotation) => {
                        view_dispatcher.dispatch(ViewAction::ClaimGone(annotation.id.clone()));
                        (CLAIM_REMOVED, annotation)
                    }
                };
                if let Some(host) = &host {
                    let json = export_annotation(annotation, &loaded.source_uri).to_json();
                    dispatch_claim_event(host, name, &json);
                }
            }
            Teardown::NONE
        }),
    );
}

/// What a screen reader hears after the claims changed: a claim tagged, retagged or deleted,
/// with the count; `None` for other changes (a note, another tab's merge of many).
fn announcement(
    changes: &[AnnotationChange<'_>],
    before: &[Rc<Annotation>],
    count: usize,
    locale: &Locale,
) -> Option<String> {
    let text = &locale.text;
    match changes {
        [AnnotationChange::Added(added)] => Some(locale.count(
            &text.announce_tagged,
            count,
            &[
                ("tag", &locale.tag(&added.tag)),
                ("text", &preview(&added.quote.exact)),
            ],
        )),
        [AnnotationChange::Removed(_)] => Some(locale.count(&text.announce_deleted, count, &[])),
        [AnnotationChange::Changed(changed)] => {
            let retagged = before
                .iter()
                .find(|old| old.id == changed.id)
                .is_some_and(|old| old.tag != changed.tag);
            retagged.then(|| {
                locale.fill(
                    &text.announce_retagged,
                    &[("tag", &locale.tag(&changed.tag))],
                )
            })
        }
        _ => None,
    }
}
