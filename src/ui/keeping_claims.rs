//! Asks the browser to keep the site's storage once there is a claim, decides when to remind
//! the reader to export, and notices claims that vanished (the rules are `core::durability`'s;
//! this hook only gathers the facts from the browser and sends view actions).
//!
//! Invariants:
//! - The browser is asked at most once per annotator, and only once storage has been read and
//!   holds a claim, so a page with no claims never calls `persist()`.
//! - A claim shown from a share link is not the reader's: nothing is asked for it.
//! - The ledger (`browser::claims_ledger`) is written whenever the count of claims changes, so
//!   it says the claims vanished only when storage lost them, never after "Clear all".

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::store::StoreDispatcher;
use crate::browser::after_paint::after_next_paint;
use crate::browser::claims_ledger;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::export_reminder_store;
use crate::browser::storage_estimate::{persist, persisted};
use crate::core::annotation_state::AnnotationState;
use crate::core::durability::{export_reminder_due, Keeping, ReminderFacts};
use crate::core::shared::Shared;
use crate::core::view_state::{ViewAction, ViewState};

/// Changes counted in this visit since the reader last exported.
#[derive(Default)]
struct VisitCount {
    last_revision: Option<u64>,
    last_export_ms: Option<i64>,
    changes: usize,
}

#[hook]
pub fn use_keeping_claims(
    state: Shared<AnnotationState>,
    view: Shared<ViewState>,
    view_dispatcher: StoreDispatcher<ViewState>,
    article_key: String,
) {
    let asked = use_mut_ref(|| false);
    let ledger_count = use_mut_ref(|| None::<usize>);
    let count: Rc<RefCell<VisitCount>> = use_mut_ref(VisitCount::default);
    let keeping = view.notices.keeping;
    let deps = (state.revision(), view.ready, keeping, article_key.clone());
    use_effect_when_changed(
        EffectDeps::new(deps.clone()),
        Box::new(move || {
            let (revision, ready, keeping, article_key) = &deps;
            if !*ready || view.notices.shared_view.is_some() {
                return Teardown::NONE;
            }
            let last_export_ms = export_reminder_store::last_export_ms(article_key);
            {
                let mut count = count.borrow_mut();
                if count.last_export_ms != last_export_ms {
                    count.last_export_ms = last_export_ms;
                    count.changes = 0;
                }
                // The first run is the load; later revisions are the reader's (or a merge's) changes.
                if count.last_revision.is_some_and(|last| last != *revision) {
                    count.changes += 1;
                }
                count.last_revision = Some(*revision);
            }
            let claims = state.annotations();
            let first_look = ledger_count.borrow().is_none();
            if ledger_count.replace(Some(claims.len())) != Some(claims.len()) {
                let (article_key, count, dispatcher) =
                    (article_key.clone(), claims.len(), view_dispatcher.clone());
                // After the frame: the Cache API's write costs a few ms of the main thread.
                after_next_paint(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        // On opening with nothing stored, first ask whether there used to be claims.
                        if first_look && count == 0 {
                            if let Some(remembered) =
                                claims_ledger::remembered_count(&article_key).await
                            {
                                if remembered > 0 {
                                    dispatcher.dispatch(ViewAction::ClaimsVanished(remembered));
                                }
                                return;
                            }
                        }
                        claims_ledger::remember_count(&article_key, count).await;
                    })
                });
            }
            if claims.is_empty() {
                return Teardown::NONE;
            }
            if view.notices.vanished_claims.is_some() {
                view_dispatcher.dispatch(ViewAction::CloseVanishedNotice);
            }
            if *keeping == Keeping::NotAsked {
                if !asked.replace(true) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let already = persisted().await;
                        let agreed = match already {
                            Some(true) => None,
                            _ => persist().await,
                        };
                        view_dispatcher.dispatch(ViewAction::StorageKeeping(
                            Keeping::from_answers(already, agreed),
                        ));
                    });
                }
                return Teardown::NONE;
            }
            let facts = ReminderFacts {
                keeping: *keeping,
                claims: claims.len(),
                changes_this_visit: count.borrow().changes,
                last_export_ms,
                oldest_claim_ms: claims.iter().map(|claim| claim.created_ms).min(),
                dismissed_ms: export_reminder_store::dismissed_ms(article_key),
                now_ms: now_ms(),
            };
            if !view.notices.export_reminder && export_reminder_due(&facts) {
                view_dispatcher.dispatch(ViewAction::RemindToExport);
            }
            Teardown::NONE
        }),
    );
}

/// What the keeping notices' buttons do: export a copy (the reminder), not now (a day's quiet
/// for the reminder), and OK on the vanished-claims notice.
pub struct KeepingNoticeActions {
    pub on_export_a_copy: Callback<MouseEvent>,
    pub on_close_vanished: Callback<MouseEvent>,
    pub on_not_now: Callback<MouseEvent>,
}

pub fn keeping_notice_actions(
    article_key: String,
    view_dispatcher: StoreDispatcher<ViewState>,
    on_export_json: Callback<()>,
) -> KeepingNoticeActions {
    let on_export_a_copy = Callback::from(move |_: MouseEvent| on_export_json.emit(()));
    let on_close_vanished = {
        let view_dispatcher = view_dispatcher.clone();
        let article_key = article_key.clone();
        Callback::from(move |_: MouseEvent| {
            // Read and understood: the ledger forgets the claims, so it is said only once.
            let article_key = article_key.clone();
            wasm_bindgen_futures::spawn_local(async move {
                claims_ledger::remember_count(&article_key, 0).await;
            });
            view_dispatcher.dispatch(ViewAction::CloseVanishedNotice);
        })
    };
    let on_not_now = Callback::from(move |_: MouseEvent| {
        export_reminder_store::record_dismissal(&article_key, now_ms());
        view_dispatcher.dispatch(ViewAction::CloseExportReminder);
    });
    KeepingNoticeActions {
        on_export_a_copy,
        on_close_vanished,
        on_not_now,
    }
}
