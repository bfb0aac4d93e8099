//! The reader's ways of moving claims in and out: W3C and CSV exports, file import (with its
//! summary and the offer for another article's claims), share links, and downloads of what
//! storage could not keep. Built here so the annotator stays about wiring.

use yew::prelude::*;

use super::annotator::LoadedArticle;
use super::persistence;
use super::store::StoreDispatcher;
use crate::browser::clock_and_ids::{new_annotation_id, now_ms};
use crate::browser::downloads;
use crate::browser::export_reminder_store;
use crate::browser::location_fragment;
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::csv_export::export_csv;
use crate::core::locale::Locale;
use crate::core::share_link::encode_share_fragment;
use crate::core::shared::Shared;
use crate::core::view_state::{ViewAction, ViewState};
use crate::core::web_annotation_export::export_collection;
use crate::core::web_annotation_import::{
    import_annotations, ImportError, ImportOutcome, ImportSummary, MAX_IMPORT_BYTES,
};

/// The state these actions read and set, handed over by the annotator.
pub struct TransferHandles {
    pub state: Shared<AnnotationState>,
    pub dispatcher: StoreDispatcher<AnnotationState>,
    pub view: Shared<ViewState>,
    pub view_dispatcher: StoreDispatcher<ViewState>,
    pub loaded: LoadedArticle,
    pub locale: Locale,
}

pub struct TransferActions {
    pub on_export_json: Callback<()>,
    pub on_export_csv: Callback<()>,
    pub on_import_file: Callback<web_sys::File>,
    pub on_share: Callback<()>,
    pub close_share_link: Callback<MouseEvent>,
    pub keep_shared_copy: Callback<MouseEvent>,
    pub leave_shared_view: Callback<MouseEvent>,
    pub close_import_notice: Callback<MouseEvent>,
    pub import_foreign_for_review: Callback<MouseEvent>,
    pub download_unreadable: Callback<MouseEvent>,
    pub download_annotations: Callback<MouseEvent>,
}

impl TransferHandles {
    pub fn actions(self) -> TransferActions {
        let TransferHandles {
            state,
            dispatcher,
            view,
            view_dispatcher,
            loaded,
            locale,
        } = self;
        let report = {
            let view_dispatcher = view_dispatcher.clone();
            move |message: String| {
                view_dispatcher.dispatch(ViewAction::ImportReported {
                    message,
                    from_other_article: Vec::new(),
                })
            }
        };
        let on_export_json = {
            let state = state.clone();
            let loaded = loaded.clone();
            let view_dispatcher = view_dispatcher.clone();
            Callback::from(move |()| {
                let collection = export_collection(
                    state.annotations(),
                    &loaded.source_uri,
                    &loaded.key,
                    now_ms(),
                );
                let contents = collection.to_json_pretty();
                downloads::offer_download(
                    &format!("claims-{}.jsonld", loaded.key),
                    "application/ld+json",
                    &contents,
                );
                // A copy is kept outside the browser: the export reminder starts again.
                export_reminder_store::record_export(&loaded.key, now_ms());
                view_dispatcher.dispatch(ViewAction::CloseExportReminder);
            })
        };
        let on_export_csv = {
            let state = state.clone();
            let loaded = loaded.clone();
            Callback::from(move |()| {
                downloads::offer_download(
                    &format!("claims-{}.csv", loaded.key),
                    "text/csv;charset=utf-8",
                    &export_csv(state.annotations()),
                );
            })
        };
        let on_import_file = {
            let state = state.clone();
            let loaded = loaded.clone();
            let dispatcher = dispatcher.clone();
            let view_dispatcher = view_dispatcher.clone();
            let locale = locale.clone();
            let report = report.clone();
            Callback::from(move |file: web_sys::File| {
                let size = file.size() as usize;
                if size > MAX_IMPORT_BYTES {
                    report(format!(
                        "{}: {}",
                        file.name(),
                        ImportError::TooLarge { bytes: size }.message(&locale)
                    ));
                    return;
                }
                let (state, loaded, dispatcher, view_dispatcher, report, locale) = (
                    state.clone(),
                    loaded.clone(),
                    dispatcher.clone(),
                    view_dispatcher.clone(),
                    report.clone(),
                    locale.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(contents) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                    else {
                        report(locale.text.file_unreadable.clone());
                        return;
                    };
                    let contents = contents.as_string().unwrap_or_default();
                    let mut new_id = new_annotation_id;
                    match import_annotations(
                        &contents,
                        &loaded.article.text,
                        &loaded.source_uri,
                        now_ms(),
                        &mut new_id,
                    ) {
                        Ok(outcome) => {
                            let summary = ImportSummary::of(state.annotations(), &outcome);
                            view_dispatcher.dispatch(ViewAction::ImportReported {
                                message: format!("{}: {}", file.name(), summary.message(&locale)),
                                from_other_article: outcome.from_other_article,
                            });
                            if !outcome.annotations.is_empty() {
                                dispatcher.dispatch(Action::Import {
                                    annotations: outcome.annotations,
                                    now_ms: now_ms(),
                                });
                            }
                        }
                        Err(error) => {
                            report(format!("{}: {}", file.name(), error.message(&locale)))
                        }
                    }
                });
            })
        };
        let on_share = {
            let state = state.clone();
            let loaded = loaded.clone();
            let view_dispatcher = view_dispatcher.clone();
            Callback::from(move |()| {
                let fragment = encode_share_fragment(&loaded.key, state.annotations());
                view_dispatcher.dispatch(ViewAction::ShareLinkMade(
                    location_fragment::link_with_fragment(&fragment),
                ));
            })
        };
        let close_share_link = {
            let view_dispatcher = view_dispatcher.clone();
            Callback::from(move |_: MouseEvent| {
                view_dispatcher.dispatch(ViewAction::CloseShareLink)
            })
        };
        let keep_shared_copy = {
            let shared_view = view.notices.shared_view.clone();
            let dispatcher = dispatcher.clone();
            let view_dispatcher = view_dispatcher.clone();
            let report = report.clone();
            let state = state.clone();
            let locale = locale.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(view) = shared_view.clone() {
                    let outcome = ImportOutcome {
                        annotations: view.state.snapshot().annotations,
                        ..Default::default()
                    };
                    report(locale.fill(
                        &locale.text.shared_link_prefix,
                        &[(
                            "summary",
                            &ImportSummary::of(state.annotations(), &outcome).message(&locale),
                        )],
                    ));
                    dispatcher.dispatch(Action::Import {
                        annotations: outcome.annotations,
                        now_ms: now_ms(),
                    });
                }
                location_fragment::clear_fragment();
                view_dispatcher.dispatch(ViewAction::LeaveSharedView);
            })
        };
        let leave_shared_view = {
            let view_dispatcher = view_dispatcher.clone();
            Callback::from(move |_: MouseEvent| {
                location_fragment::clear_fragment();
                view_dispatcher.dispatch(ViewAction::LeaveSharedView);
            })
        };
        let close_import_notice = {
            let view_dispatcher = view_dispatcher.clone();
            Callback::from(move |_: MouseEvent| {
                view_dispatcher.dispatch(ViewAction::CloseImportNotice)
            })
        };
        let import_foreign_for_review = {
            let offered_foreign = view.notices.offered_foreign.clone();
            let dispatcher = dispatcher.clone();
            let report = report.clone();
            let locale = locale.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(foreign) = offered_foreign.clone() {
                    // Reported first: the report also withdraws the offer.
                    report(locale.count(&locale.text.foreign_imported, foreign.len(), &[]));
                    dispatcher.dispatch(Action::Import {
                        annotations: foreign.to_vec(),
                        now_ms: now_ms(),
                    });
                }
            })
        };
        let download_unreadable = {
            let unreadable_raw = view.notices.unreadable_raw.clone();
            let key = loaded.key.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(raw) = unreadable_raw.clone() {
                    downloads::offer_download(
                        &format!("claim-annotator-unreadable-{key}.json"),
                        "application/json",
                        &raw,
                    );
                }
            })
        };
        let download_annotations = {
            let state = state.clone();
            let loaded = loaded.clone();
            Callback::from(move |_: MouseEvent| {
                let contents = persistence::export_for_download(&loaded, &state.snapshot());
                downloads::offer_download(
                    &format!("claim-annotator-{}.json", loaded.key),
                    "application/json",
                    &contents,
                );
            })
        };

        TransferActions {
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
        }
    }
}
