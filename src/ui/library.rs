//! The library page, the widget's own page for any article a reader has: open one (paste it,
//! drop or choose a file, give its address), check what was read, annotate it, and find it
//! again later in the list, online or not.
//!
//! State is one reducer ([`crate::core::library_state`]); the storage work is
//! [`library_storage`]'s and reading inputs [`opening`]'s, started from the handlers here,
//! which report back with actions. The annotator keeps each article's claims with the widget's
//! own rules.
//!
//! Invariants:
//! - Only the page's own files and, at the reader's request, the address they typed are
//!   fetched; a page read from a file or an address is parsed inertly (nothing in it runs).
//! - Every change is said in the live region; problems are alerts that say nothing changed.
//! - A file dropped anywhere on the page is opened, never followed (the browser would leave the
//!   page for the file).

pub mod article_list;
pub mod article_opener;
pub mod backup_panel;
pub mod deleted_notice;
pub mod draft_preview;
pub mod library_storage;
pub mod opening;
pub mod page_events;
pub mod reading_view;
pub mod styles;

use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use self::article_list::ArticleList;
use self::article_opener::ArticleOpener;
use self::backup_panel::BackupPanel;
use self::deleted_notice::DeletedNotice;
use self::draft_preview::DraftPreview;
use self::page_events::use_page_events;
use self::reading_view::ReadingView;
use super::locale::{use_locale, Locale, LocaleGate};
use super::store::{use_store, StoreDispatcher};
use crate::browser::clock_and_ids::now_ms;
use crate::browser::downloads::offer_download;
use crate::browser::file_reading::read_file_text;
use crate::core::article_import::{draft_from_paste, web_address};
use crate::core::library::{backup_file_name, ArticleOrigin};
use crate::core::library_state::{
    AppUpdate, LibraryAction, LibraryState, Listing, Notice, Problem, Screen, Work,
};
use crate::core::shared::Shared;
use crate::ui::component_state::use_component_state;

/// The event `library.js` dispatches on the window when the service worker installed a new
/// version (`detail`: `"ready"`) or this visit runs a newer one than the last (`"updated"`).
pub const APP_UPDATE_EVENT: &str = "claim-annotator:app-update";

/// The event the library dispatches on the window once it listens for [`APP_UPDATE_EVENT`]:
/// `library.js` then says again what it said before (its version check may answer before the
/// library has mounted, and an event nobody hears is lost).
pub const APP_UPDATE_LISTENING_EVENT: &str = "claim-annotator:app-update-listening";

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// The interface's language; `None`: the browser's.
    #[prop_or_default]
    pub language: Option<String>,
}

/// The library: the reader's language first, then the page.
#[function_component(LibraryApp)]
pub fn library_app(props: &LibraryProps) -> Html {
    html! {
        <LocaleGate language={props.language.clone()}>
            <LibraryPage />
        </LocaleGate>
    }
}

/// Where an article came from, as the list and the preview say it.
pub fn origin_text(origin: &ArticleOrigin, locale: &Locale) -> String {
    let t = &locale.text;
    match origin {
        ArticleOrigin::Seed => t.origin_seed.clone(),
        ArticleOrigin::Pasted => t.origin_pasted.clone(),
        ArticleOrigin::File { name } => locale.fill(&t.origin_file, &[("name", name)]),
        ArticleOrigin::Web { url } => locale.fill(&t.origin_web, &[("url", url)]),
    }
}

pub(super) type Dispatcher = StoreDispatcher<LibraryState>;

#[function_component(LibraryPage)]
fn library_page() -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let store = use_store::<LibraryState>();
    let state = store.state.clone();
    // Moves whenever the list must be read again (a change here or in another tab).
    // The count lives in a cell, so a listener set up at the first render (other tabs, saves
    // in this tab) still moves it: a handle's own value is that of the render it came from.
    let generation = use_component_state(|| 0u32);
    let generations = use_mut_ref(|| 0u32);
    let focus_paste = use_component_state(|| 0u32);
    let reload = {
        let generation = generation.clone();
        Callback::from(move |()| {
            let next = generations.borrow().wrapping_add(1);
            *generations.borrow_mut() = next;
            generation.set(next);
        })
    };

    {
        let dispatcher = store.dispatcher();
        let locale = locale.clone();
        use_effect_when_changed(
            EffectDeps::new(*generation),
            Box::new(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    dispatcher.dispatch(LibraryAction::Listed(
                        library_storage::read_listing(&locale).await,
                    ));
                });
                Teardown::NONE
            }),
        );
    }
    use_page_events(store.dispatcher(), locale.clone(), reload.clone());

    let dispatcher = store.dispatcher();
    let on_paste = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |text: String| match draft_from_paste(&text) {
            Ok(draft) => drafted(&dispatcher, draft, &locale),
            Err(problem) => dispatcher.dispatch(LibraryAction::Refused(Problem::Import(problem))),
        })
    };
    let on_file = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |file: web_sys::File| {
            open_file(file, dispatcher.clone(), locale.clone())
        })
    };
    let on_address = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |typed: String| {
            let url = match web_address(&typed) {
                Ok(url) => url,
                Err(problem) => {
                    return dispatcher.dispatch(LibraryAction::Refused(Problem::Import(problem)))
                }
            };
            dispatcher.dispatch(LibraryAction::Working(Work::Fetching(url.clone())));
            let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match opening::draft_from_address(&url).await {
                    Ok(draft) => drafted(&dispatcher, draft, &locale),
                    Err(problem) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Import(problem)))
                    }
                }
            });
        })
    };
    let on_retitle = sends(&dispatcher, LibraryAction::Retitle);
    let on_keep = {
        let (dispatcher, locale, reload, state) = (
            dispatcher.clone(),
            locale.clone(),
            reload.clone(),
            state.clone(),
        );
        Callback::from(move |()| {
            let Screen::Preview(draft) = &state.screen else {
                return;
            };
            let (draft, dispatcher, locale, reload) = (
                draft.clone(),
                dispatcher.clone(),
                locale.clone(),
                reload.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let (article, problem) = library_storage::keep_draft(&draft, &locale).await;
                let title = crate::core::library::title_for(
                    &article.title,
                    &article.origin,
                    &article.text,
                    &locale.text.untitled_article,
                );
                // Kept or not, the reader annotates it now (the claims are saved either way).
                dispatcher.dispatch(LibraryAction::Opened(Shared::new(article)));
                dispatcher.dispatch(LibraryAction::Announce(
                    locale.fill(&locale.text.announce_kept, &[("title", &title)]),
                ));
                if let Some(problem) = problem {
                    dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(problem)));
                }
                reload.emit(());
            });
        })
    };
    let on_cancel_draft = sends(&dispatcher, |()| LibraryAction::CancelDraft);
    let on_open = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |key: String| {
            let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match library_storage::open_article(&key, &locale).await {
                    Ok(article) => {
                        let title = crate::core::library::title_for(
                            &article.title,
                            &article.origin,
                            &article.text,
                            &locale.text.untitled_article,
                        );
                        dispatcher.dispatch(LibraryAction::Opened(Shared::new(article)));
                        dispatcher.dispatch(LibraryAction::Announce(
                            locale.fill(&locale.text.announce_opened, &[("title", &title)]),
                        ));
                    }
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
            });
        })
    };
    let on_back = {
        let (dispatcher, reload) = (dispatcher.clone(), reload.clone());
        Callback::from(move |()| {
            dispatcher.dispatch(LibraryAction::BackToList);
            // The claims were edited: the counts change.
            reload.emit(());
        })
    };
    let on_start_rename = sends(&dispatcher, LibraryAction::StartRename);
    let on_cancel_rename = sends(&dispatcher, |()| LibraryAction::CancelRename);
    let on_rename = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |(key, title): (String, String)| {
            let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match library_storage::rename_article(&key, &title, &locale).await {
                    Ok(shown) => {
                        dispatcher.dispatch(LibraryAction::Announce(
                            locale.fill(&locale.text.announce_renamed, &[("title", &shown)]),
                        ));
                        dispatcher.dispatch(LibraryAction::Renamed { key, title: shown });
                    }
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
            });
        })
    };
    let on_export = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |key: String| {
            let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let exported = library_storage::export_article(&key, &locale).await;
                match exported {
                    Ok((title, file)) => download(
                        &dispatcher,
                        &backup_file_name(Some(&title), now_ms()),
                        &file,
                        &locale,
                    ),
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
            });
        })
    };
    let on_ask_delete = sends(&dispatcher, LibraryAction::AskDelete);
    let on_cancel_delete = sends(&dispatcher, |()| LibraryAction::CancelDelete);
    let on_delete = {
        let (dispatcher, locale, state) = (dispatcher.clone(), locale.clone(), state.clone());
        Callback::from(move |key: String| {
            let title = state
                .entry(&key)
                .map(|entry| entry.summary.title.clone())
                .unwrap_or_default();
            let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match library_storage::delete_article(&key, &title, &locale).await {
                    Ok(deleted) => {
                        dispatcher.dispatch(LibraryAction::Announce(
                            locale.fill(&locale.text.article_deleted, &[("title", &title)]),
                        ));
                        dispatcher.dispatch(LibraryAction::Deleted(Shared::new(deleted)));
                    }
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
            });
        })
    };
    let on_undo_delete = {
        let (dispatcher, locale, reload, state) = (
            dispatcher.clone(),
            locale.clone(),
            reload.clone(),
            state.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(deleted) = state.deleted.clone() else {
                return;
            };
            let (dispatcher, locale, reload) = (dispatcher.clone(), locale.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match library_storage::undelete_article(&deleted, &locale).await {
                    Ok(()) => {
                        dispatcher.dispatch(LibraryAction::Undeleted);
                        dispatcher.dispatch(LibraryAction::Announce(
                            locale
                                .fill(&locale.text.article_restored, &[("title", &deleted.title)]),
                        ));
                        reload.emit(());
                    }
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
            });
        })
    };
    let on_export_all = {
        let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
        Callback::from(move |()| {
            let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match library_storage::export_everything(&locale).await {
                    Ok(file) => download(
                        &dispatcher,
                        &backup_file_name(None, now_ms()),
                        &file,
                        &locale,
                    ),
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
            });
        })
    };
    let on_import_all = {
        let (dispatcher, locale, reload) = (dispatcher.clone(), locale.clone(), reload.clone());
        Callback::from(move |file: web_sys::File| {
            dispatcher.dispatch(LibraryAction::Working(Work::Restoring));
            let (dispatcher, locale, reload) = (dispatcher.clone(), locale.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let restored = match read_file_text(&file).await {
                    Ok(raw) => library_storage::import_everything(&raw, &locale).await,
                    Err(_) => Err(locale.text.file_unreadable.clone()),
                };
                match restored {
                    Ok(summary) => {
                        dispatcher.dispatch(LibraryAction::Restored(summary));
                        dispatcher
                            .dispatch(LibraryAction::Announce(restored_text(&summary, &locale)));
                    }
                    Err(message) => {
                        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(message)))
                    }
                }
                reload.emit(());
            });
        })
    };
    let on_dismiss_problem = sends(&dispatcher, |_: MouseEvent| LibraryAction::DismissProblem);
    let on_dismiss_notice = sends(&dispatcher, |_: MouseEvent| LibraryAction::DismissNotice);
    let on_paste_instead = {
        let (dispatcher, focus_paste) = (dispatcher.clone(), focus_paste.clone());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(LibraryAction::DismissProblem);
            dispatcher.dispatch(LibraryAction::CancelDraft);
            dispatcher.dispatch(LibraryAction::BackToList);
            focus_paste.set(focus_paste.wrapping_add(1));
        })
    };

    let busy = state.busy.is_some();
    let problem = state.problem.clone().map(|problem| {
        let (message, open_existing, paste_instead) = match &problem {
            Problem::Import(problem) => (problem.message(&locale), None, problem.offers_paste()),
            Problem::AlreadyInLibrary { key, title } => {
                (locale.fill(&t.already_in_library, &[("title", title)]), Some(key.clone()), false)
            }
            Problem::Failed(message) => (message.clone(), None, false),
        };
        html! {
            <div class="ca-notice ca-library-problem" role="alert">
                <p>{ message }</p>
                if let Some(key) = open_existing {
                    <button type="button" class="ca-primary ca-open-existing" onclick={on_open.reform(move |_: MouseEvent| key.clone())}>{ t.open_it.clone() }</button>
                }
                if paste_instead {
                    <button type="button" class="ca-paste-instead" onclick={on_paste_instead.clone()}>{ t.paste_instead.clone() }</button>
                }
                <button type="button" class="ca-dismiss" onclick={on_dismiss_problem}>{ t.dismiss.clone() }</button>
            </div>
        }
    });
    let notice = state.notice.clone().map(|notice| match notice {
        Notice::Deleted { title } => html! {
            <DeletedNotice message={locale.fill(&t.article_deleted, &[("title", &title)])} on_undo={on_undo_delete.clone()} on_dismiss={on_dismiss_notice.clone()} />
        },
        Notice::Restored(summary) => html! {
            <div class="ca-notice ca-restored" role="status">
                <p>{ restored_text(&summary, &locale) }</p>
                <button type="button" class="ca-dismiss" onclick={on_dismiss_notice.clone()}>{ t.dismiss.clone() }</button>
            </div>
        },
    });
    let busy_text = state.busy.as_ref().map(|work| match work {
        Work::Reading(name) => locale.fill(&t.reading_file, &[("name", name)]),
        Work::Fetching(url) => locale.fill(&t.fetching_address, &[("url", url)]),
        Work::Restoring => t.restoring_backup.clone(),
    });
    let update_text = state.app_update.map(|update| match update {
        AppUpdate::Ready => t.app_update_ready.clone(),
        AppUpdate::Updated => t.app_updated.clone(),
    });
    let usage = match &state.listing {
        Listing::Ready(listing) => Some(listing.usage),
        _ => None,
    };
    let site_estimate = match &state.listing {
        Listing::Ready(listing) => listing.site_estimate,
        _ => None,
    };
    let list = match &state.listing {
        Listing::Loading => html! { <p class="ca-status">{ t.library_loading.clone() }</p> },
        Listing::Unavailable(message) => {
            html! { <p class="ca-notice ca-library-unavailable">{ message.clone() }</p> }
        }
        Listing::Ready(listing) => html! {
            <>
                <p class="ca-library-count">{ locale.count(&t.library_count, listing.entries.len(), &[]) }</p>
                if let Some(first) = listing.unreadable.first() {
                    <p class="ca-notice ca-library-unreadable">
                        { format!("{} {}", locale.count(&t.library_unreadable, listing.unreadable.len(), &[]), first.problem.message(&locale)) }
                    </p>
                }
                <ArticleList listing={listing.clone()} renaming={state.renaming.clone()} confirming_delete={state.confirming_delete.clone()}
                    on_open={on_open.clone()} {on_start_rename} {on_rename} {on_cancel_rename} {on_export}
                    {on_ask_delete} {on_delete} {on_cancel_delete} />
            </>
        },
    };
    let screen = match &state.screen {
        Screen::List => html! {
            <>
                <ArticleOpener {busy} focus_paste={*focus_paste} {on_paste} {on_file} {on_address} />
                <section class="ca-library-section" aria-labelledby="ca-library-heading">
                    <h2 id="ca-library-heading">{ t.library_title.clone() }</h2>
                    { list }
                </section>
                <BackupPanel {usage} {site_estimate} {busy} {on_export_all} {on_import_all} />
            </>
        },
        Screen::Preview(draft) => html! {
            <DraftPreview draft={draft.clone()} {on_retitle} {on_keep} on_cancel={on_cancel_draft} />
        },
        Screen::Reading(article) => html! { <ReadingView article={article.clone()} {on_back} /> },
    };
    html! {
        <div class="ca-root ca-library" lang={locale.language.code.clone()} dir={locale.direction()}>
            <header class="ca-library-header">
                <h1>{ t.library_heading.clone() }</h1>
                <p class="ca-help">{ t.library_intro.clone() }</p>
            </header>
            if let Some(text) = update_text {
                <p class="ca-app-update" role="status">{ text }</p>
            }
            if let Some(text) = busy_text {
                <p class="ca-status ca-busy">{ text }</p>
            }
            { for problem }
            { for notice }
            { screen }
            <div class="ca-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ state.announcement.clone() }</div>
        </div>
    }
}

/// A draft was read: shown for checking (or refused as already in the library), and said.
fn drafted(
    dispatcher: &Dispatcher,
    draft: crate::core::article_import::ArticleDraft,
    locale: &Locale,
) {
    let said = locale.fill(&locale.text.announce_previewing, &[("title", &draft.title)]);
    dispatcher.dispatch(LibraryAction::Drafted(draft));
    dispatcher.dispatch(LibraryAction::Announce(said));
}

/// Reads a dropped or chosen file into a draft.
pub(super) fn open_file(file: web_sys::File, dispatcher: Dispatcher, locale: Locale) {
    dispatcher.dispatch(LibraryAction::Working(Work::Reading(file.name())));
    wasm_bindgen_futures::spawn_local(async move {
        match opening::draft_from_file(&file).await {
            Ok(draft) => drafted(&dispatcher, draft, &locale),
            Err(problem) => dispatcher.dispatch(LibraryAction::Refused(Problem::Import(problem))),
        }
    });
}

fn download(dispatcher: &Dispatcher, file_name: &str, contents: &str, locale: &Locale) {
    if offer_download(file_name, "application/json", contents) {
        dispatcher.dispatch(LibraryAction::Announce(
            locale.text.announce_exported.clone(),
        ));
    } else {
        dispatcher.dispatch(LibraryAction::Refused(Problem::Failed(
            locale.text.download_refused.clone(),
        )));
    }
}

fn restored_text(
    summary: &crate::core::library_restore::RestoreSummary,
    locale: &Locale,
) -> String {
    let t = &locale.text;
    let mut text = locale.fill(
        &t.restored_summary,
        &[
            (
                "articles",
                &locale.count(&t.restored_articles, summary.articles_added, &[]),
            ),
            ("present", &locale.integer(summary.articles_present)),
            (
                "claims",
                &locale.count(&t.restored_claims, summary.claims_added, &[]),
            ),
        ],
    );
    if summary.kept_aside > 0 {
        text.push(' ');
        text.push_str(&locale.count(&t.restored_kept_aside, summary.kept_aside, &[]));
    }
    text
}

/// A callback that sends the action `make` builds from what it is given.
fn sends<T: 'static>(
    dispatcher: &Dispatcher,
    make: impl Fn(T) -> LibraryAction + 'static,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value: T| dispatcher.dispatch(make(value)))
}
