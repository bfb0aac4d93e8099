use super::*;
use crate::core::article::parse_article;
use crate::core::article_key::article_key_for_text;
use crate::core::library::{ArticleOrigin, LibrarySummary};
use crate::core::library_listing::ClaimTally;

fn entry(key: &str, title: &str, text_bytes: usize, claims_bytes: usize) -> LibraryEntry {
    LibraryEntry {
        summary: LibrarySummary {
            key: key.into(),
            title: title.into(),
            origin: ArticleOrigin::Pasted,
            added_ms: 1,
            opened_ms: 2,
            text_chars: text_bytes,
        },
        tally: ClaimTally {
            per_tag: Vec::new(),
            last_edit_ms: None,
            readable: true,
        },
        last_edit_ms: 1,
        last_edit_offset_minutes: 0,
        text_bytes,
        claims_bytes,
    }
}

fn listing(entries: Vec<LibraryEntry>) -> Listing {
    let usage = StorageUse {
        articles: entries.len(),
        text_bytes: entries.iter().map(|entry| entry.text_bytes).sum(),
        claims_bytes: entries.iter().map(|entry| entry.claims_bytes).sum(),
    };
    Listing::Ready(Shared::new(LibraryListing {
        entries,
        usage,
        unreadable: Vec::new(),
        site_estimate: None,
    }))
}

const TEXT: &str = "Officials said the claims were groundless.";

fn draft(text: &str, title: &str) -> ArticleDraft {
    ArticleDraft {
        title: title.into(),
        origin: ArticleOrigin::Pasted,
        key: article_key_for_text(text),
        article: Shared::new(parse_article(text).unwrap()),
    }
}

fn library_article(key: &str) -> LibraryArticle {
    LibraryArticle {
        key: key.into(),
        title: "T".into(),
        origin: ArticleOrigin::Pasted,
        text: TEXT.into(),
        added_ms: 1,
        opened_ms: 2,
    }
}

/// A state with the list of two articles, "a" and "b".
fn listed() -> LibraryState {
    LibraryState {
        listing: listing(vec![
            entry("a", "First", 10, 5),
            entry("b", "Second", 20, 0),
        ]),
        ..Default::default()
    }
}

fn titles(state: &LibraryState) -> Vec<String> {
    match &state.listing {
        Listing::Ready(listing) => listing
            .entries
            .iter()
            .map(|entry| entry.summary.title.clone())
            .collect(),
        _ => Vec::new(),
    }
}

struct Case {
    name: &'static str,
    before: LibraryState,
    actions: Vec<LibraryAction>,
    expect_changed: bool,
    /// Checks the state after the actions.
    expect: Box<dyn Fn(&LibraryState) -> bool>,
}

/// Applies the actions in turn; `expect_changed` is what the last one returned.
fn check(case: Case) {
    let mut state = case.before;
    let mut changed = false;
    for action in case.actions {
        changed = state.apply(action);
    }
    assert_eq!(changed, case.expect_changed, "{}: changed", case.name);
    assert!((case.expect)(&state), "{}: {state:#?}", case.name);
}

#[test]
fn drafts_are_checked_before_they_are_kept() {
    let shared_draft = draft(TEXT, "Officials");
    let cases = [
        Case {
            name: "a new article is shown for checking; an earlier problem goes",
            before: LibraryState {
                problem: Some(Problem::Import(ImportProblem::EmptyPaste)),
                busy: Some(Work::Reading("a.html".into())),
                ..listed()
            },
            actions: vec![LibraryAction::Drafted(shared_draft.clone())],
            expect_changed: true,
            expect: Box::new(|state| {
                matches!(&state.screen, Screen::Preview(shown) if shown.key == article_key_for_text(TEXT) && shown.title == "Officials")
                    && state.problem.is_none()
                    && state.busy.is_none()
            }),
        },
        Case {
            name: "an article already in the library is offered to open, and nothing else changes",
            before: LibraryState {
                listing: listing(vec![entry(
                    &article_key_for_text(TEXT),
                    "Kept before",
                    1,
                    1,
                )]),
                ..Default::default()
            },
            actions: vec![LibraryAction::Drafted(draft(TEXT, "Another title"))],
            expect_changed: true,
            expect: Box::new(|state| {
                state.screen == Screen::List
                    && state.problem
                        == Some(Problem::AlreadyInLibrary {
                            key: article_key_for_text(TEXT),
                            title: "Kept before".into(),
                        })
            }),
        },
        Case {
            name: "the reader fixes the title",
            before: LibraryState {
                screen: Screen::Preview(shared_draft.clone()),
                ..listed()
            },
            actions: vec![LibraryAction::Retitle("Officials deny the claims".into())],
            expect_changed: true,
            expect: Box::new(
                |state| matches!(&state.screen, Screen::Preview(draft) if draft.title == "Officials deny the claims"),
            ),
        },
        Case {
            name: "a retitle with no draft changes nothing",
            before: listed(),
            actions: vec![LibraryAction::Retitle("x".into())],
            expect_changed: false,
            expect: Box::new(|state| state.screen == Screen::List),
        },
        Case {
            name: "a refusal while checking a draft keeps the draft and the list",
            before: LibraryState {
                screen: Screen::Preview(shared_draft.clone()),
                ..listed()
            },
            actions: vec![LibraryAction::Refused(Problem::Import(
                ImportProblem::Offline,
            ))],
            expect_changed: true,
            expect: Box::new(|state| {
                matches!(state.screen, Screen::Preview(_))
                    && titles(state) == ["First", "Second"]
                    && state.problem == Some(Problem::Import(ImportProblem::Offline))
            }),
        },
        Case {
            name: "cancelling goes back to the list",
            before: LibraryState {
                screen: Screen::Preview(shared_draft.clone()),
                ..listed()
            },
            actions: vec![LibraryAction::CancelDraft],
            expect_changed: true,
            expect: Box::new(|state| state.screen == Screen::List),
        },
        Case {
            name: "keeping the draft opens the article and ends any rename or deletion question",
            before: LibraryState {
                screen: Screen::Preview(shared_draft),
                renaming: Some("a".into()),
                ..listed()
            },
            actions: vec![LibraryAction::Opened(Shared::new(library_article("k")))],
            expect_changed: true,
            expect: Box::new(|state| {
                matches!(&state.screen, Screen::Reading(article) if article.key == "k")
                    && state.renaming.is_none()
            }),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn rows_are_renamed_deleted_and_put_back() {
    let deleted = |key: &str| {
        Shared::new(DeletedArticle {
            article: library_article(key),
            claims: Some("{}".into()),
            title: "First".into(),
        })
    };
    let cases = [
        Case {
            name: "rename a row: asking to delete another ends the rename",
            before: listed(),
            actions: vec![
                LibraryAction::StartRename("a".into()),
                LibraryAction::AskDelete("b".into()),
            ],
            expect_changed: true,
            expect: Box::new(|state| {
                state.renaming.is_none() && state.confirming_delete.as_deref() == Some("b")
            }),
        },
        Case {
            name: "a row that is not listed cannot be renamed",
            before: listed(),
            actions: vec![LibraryAction::StartRename("gone".into())],
            expect_changed: false,
            expect: Box::new(|state| state.renaming.is_none()),
        },
        Case {
            name: "a stored rename shows in the list and ends the rename",
            before: LibraryState {
                renaming: Some("b".into()),
                ..listed()
            },
            actions: vec![LibraryAction::Renamed {
                key: "b".into(),
                title: "Renamed".into(),
            }],
            expect_changed: true,
            expect: Box::new(|state| {
                titles(state) == ["First", "Renamed"] && state.renaming.is_none()
            }),
        },
        Case {
            name: "a deletion leaves the list at once, with what it used, and can be undone",
            before: LibraryState {
                confirming_delete: Some("a".into()),
                ..listed()
            },
            actions: vec![LibraryAction::Deleted(deleted("a"))],
            expect_changed: true,
            expect: Box::new(move |state| {
                let Listing::Ready(listing) = &state.listing else {
                    return false;
                };
                titles(state) == ["Second"]
                    && listing.usage
                        == StorageUse {
                            articles: 1,
                            text_bytes: 20,
                            claims_bytes: 0,
                        }
                    && state.confirming_delete.is_none()
                    && state.notice
                        == Some(Notice::Deleted {
                            title: "First".into(),
                        })
                    && state
                        .deleted
                        .as_ref()
                        .is_some_and(|deleted| deleted.claims.as_deref() == Some("{}"))
            }),
        },
        Case {
            name: "deleting the article being read goes back to the list",
            before: LibraryState {
                screen: Screen::Reading(Shared::new(library_article("a"))),
                ..listed()
            },
            actions: vec![LibraryAction::Deleted(deleted("a"))],
            expect_changed: true,
            expect: Box::new(|state| state.screen == Screen::List),
        },
        Case {
            name: "undone: the notice and the kept copy go",
            before: listed(),
            actions: vec![
                LibraryAction::Deleted(deleted("a")),
                LibraryAction::Undeleted,
            ],
            expect_changed: true,
            expect: Box::new(|state| state.deleted.is_none() && state.notice.is_none()),
        },
        Case {
            name: "a new listing without the row being asked about ends the question",
            before: LibraryState {
                confirming_delete: Some("b".into()),
                renaming: None,
                ..listed()
            },
            actions: vec![LibraryAction::Listed(listing(vec![entry(
                "a", "First", 10, 5,
            )]))],
            expect_changed: true,
            expect: Box::new(|state| {
                state.confirming_delete.is_none() && titles(state) == ["First"]
            }),
        },
        Case {
            name: "a new listing that still has the row keeps the rename going",
            before: LibraryState {
                renaming: Some("a".into()),
                ..listed()
            },
            actions: vec![LibraryAction::Listed(listing(vec![entry(
                "a", "First", 10, 5,
            )]))],
            expect_changed: true,
            expect: Box::new(|state| state.renaming.as_deref() == Some("a")),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn work_notices_and_announcements() {
    let summary = RestoreSummary {
        articles_added: 2,
        articles_present: 1,
        claims_added: 5,
        kept_aside: 0,
    };
    let cases = [
        Case {
            name: "work under way ends with its refusal",
            before: listed(),
            actions: vec![
                LibraryAction::Working(Work::Fetching("https://example.org".into())),
                LibraryAction::Refused(Problem::Import(ImportProblem::SiteRefused {
                    url: "https://example.org".into(),
                })),
            ],
            expect_changed: true,
            expect: Box::new(|state| {
                state.busy.is_none()
                    && matches!(
                        state.problem,
                        Some(Problem::Import(ImportProblem::SiteRefused { .. }))
                    )
            }),
        },
        Case {
            name: "a restore says what it did and clears an old problem",
            before: LibraryState {
                busy: Some(Work::Restoring),
                problem: Some(Problem::Failed("x".into())),
                ..listed()
            },
            actions: vec![LibraryAction::Restored(summary)],
            expect_changed: true,
            expect: Box::new(move |state| {
                state.notice == Some(Notice::Restored(summary))
                    && state.busy.is_none()
                    && state.problem.is_none()
            }),
        },
        Case {
            name: "dismissing",
            before: LibraryState {
                problem: Some(Problem::Failed("x".into())),
                notice: Some(Notice::Restored(summary)),
                ..listed()
            },
            actions: vec![LibraryAction::DismissProblem, LibraryAction::DismissNotice],
            expect_changed: true,
            expect: Box::new(|state| state.problem.is_none() && state.notice.is_none()),
        },
        Case {
            name: "an update is said once it is known",
            before: listed(),
            actions: vec![LibraryAction::AppUpdate(AppUpdate::Ready)],
            expect_changed: true,
            expect: Box::new(|state| state.app_update == Some(AppUpdate::Ready)),
        },
        Case {
            name: "the same announcement twice changes nothing the second time",
            before: listed(),
            actions: vec![
                LibraryAction::Announce("Opened.".into()),
                LibraryAction::Announce("Opened.".into()),
            ],
            expect_changed: false,
            expect: Box::new(|state| state.announcement == "Opened."),
        },
        Case {
            name: "the library cannot be kept: said, and the list is not shown as loading",
            before: LibraryState::default(),
            actions: vec![LibraryAction::Listed(Listing::Unavailable(
                "no IndexedDB".into(),
            ))],
            expect_changed: true,
            expect: Box::new(|state| state.listing == Listing::Unavailable("no IndexedDB".into())),
        },
    ];
    for case in cases {
        check(case);
    }
}
