use super::*;

const AT: PopoverPosition = PopoverPosition {
    left: 10.0,
    top: 20.0,
};

fn selection(start: usize, end: usize) -> PendingSelection {
    PendingSelection {
        range: CharRange::new(start, end),
        at: AT,
    }
}

fn cursor(start: usize, end: usize, anchor: Option<(usize, usize)>) -> ReadingCursor {
    ReadingCursor {
        word: CharRange::new(start, end),
        anchor: anchor.map(|(start, end)| CharRange::new(start, end)),
    }
}

fn editing(id: &str) -> Option<OpenClaim> {
    Some(OpenClaim::Edit {
        id: id.to_string(),
        at: AT,
    })
}

fn ready() -> ViewState {
    ViewState {
        ready: true,
        ..Default::default()
    }
}

fn shared_view() -> SharedView {
    SharedView {
        state: Shared::new(AnnotationState::default()),
        message: "shared".into(),
    }
}

struct Case {
    name: &'static str,
    before: ViewState,
    actions: Vec<ViewAction>,
    expect_changed: bool,
    expect: ViewState,
}

/// Applies the actions in turn; `expect_changed` is what the last one returned.
fn check(case: Case) {
    let mut state = case.before;
    let mut changed = false;
    for action in case.actions {
        changed = state.apply(action);
    }
    assert_eq!(changed, case.expect_changed, "{}: changed", case.name);
    assert_eq!(state, case.expect, "{}: state", case.name);
}

#[test]
fn view_actions() {
    // Shared views compare by identity: one view, cloned, is the same view.
    let shared = shared_view();
    let shared_view = || shared.clone();
    let cases = vec![
        Case {
            name: "no selection is offered before storage was read",
            before: ViewState::default(),
            actions: vec![ViewAction::OfferSelection(selection(1, 5))],
            expect_changed: false,
            expect: ViewState::default(),
        },
        Case {
            name: "a selection closes the open claim",
            before: ViewState {
                open: editing("a"),
                ..ready()
            },
            actions: vec![ViewAction::OfferSelection(selection(1, 5))],
            expect_changed: true,
            expect: ViewState {
                pending: Some(selection(1, 5)),
                ..ready()
            },
        },
        Case {
            name: "nothing is offered in a shared view",
            before: ViewState {
                notices: Notices {
                    shared_view: Some(shared_view()),
                    ..Default::default()
                },
                ..ready()
            },
            actions: vec![ViewAction::OfferSelection(selection(1, 5))],
            expect_changed: false,
            expect: ViewState {
                notices: Notices {
                    shared_view: Some(shared_view()),
                    ..Default::default()
                },
                ..ready()
            },
        },
        Case {
            name: "opening one claim opens its editor and drops the selection",
            before: ViewState {
                pending: Some(selection(1, 5)),
                ..ready()
            },
            actions: vec![ViewAction::OpenClaims {
                ids: vec!["a".into()],
                at: AT,
            }],
            expect_changed: true,
            expect: ViewState {
                open: editing("a"),
                ..ready()
            },
        },
        Case {
            name: "overlapping claims open the chooser, and picking one edits it",
            before: ready(),
            actions: vec![
                ViewAction::OpenClaims {
                    ids: vec!["a".into(), "b".into()],
                    at: AT,
                },
                ViewAction::PickClaim("b".into()),
            ],
            expect_changed: true,
            expect: ViewState {
                open: editing("b"),
                ..ready()
            },
        },
        Case {
            name: "opening no claims opens nothing",
            before: ready(),
            actions: vec![ViewAction::OpenClaims {
                ids: vec![],
                at: AT,
            }],
            expect_changed: false,
            expect: ready(),
        },
        Case {
            name: "picking without a chooser changes nothing",
            before: ready(),
            actions: vec![ViewAction::PickClaim("a".into())],
            expect_changed: false,
            expect: ready(),
        },
        Case {
            name: "showing a claim from the panel opens and flashes it",
            before: ready(),
            actions: vec![ViewAction::ShowClaim {
                id: "a".into(),
                at: AT,
            }],
            expect_changed: true,
            expect: ViewState {
                open: editing("a"),
                flashing: Some("a".into()),
                ..ready()
            },
        },
        Case {
            name: "a deleted claim is closed, unflashed and no longer re-attached",
            before: ViewState {
                open: editing("a"),
                flashing: Some("a".into()),
                reattaching: Some("a".into()),
                ..ready()
            },
            actions: vec![ViewAction::ClaimGone("a".into())],
            expect_changed: true,
            expect: ready(),
        },
        Case {
            name: "another claim gone leaves the open one",
            before: ViewState {
                open: editing("a"),
                ..ready()
            },
            actions: vec![ViewAction::ClaimGone("b".into())],
            expect_changed: false,
            expect: ViewState {
                open: editing("a"),
                ..ready()
            },
        },
        Case {
            name: "escape closes the selection first",
            before: ViewState {
                pending: Some(selection(1, 5)),
                reattaching: Some("a".into()),
                ..ready()
            },
            actions: vec![ViewAction::Escape],
            expect_changed: true,
            expect: ViewState {
                reattaching: Some("a".into()),
                ..ready()
            },
        },
        Case {
            name: "escape then cancels a re-attach, then closes the editor",
            before: ViewState {
                reattaching: Some("a".into()),
                open: editing("b"),
                ..ready()
            },
            actions: vec![ViewAction::Escape, ViewAction::Escape],
            expect_changed: true,
            expect: ready(),
        },
        Case {
            name: "escape with nothing open changes nothing",
            before: ready(),
            actions: vec![ViewAction::Escape],
            expect_changed: false,
            expect: ready(),
        },
        Case {
            name: "starting a re-attach closes the editor; ending it drops the selection",
            before: ViewState {
                open: editing("a"),
                ..ready()
            },
            actions: vec![
                ViewAction::StartReattach("a".into()),
                ViewAction::OfferSelection(selection(3, 9)),
                ViewAction::EndReattach,
            ],
            expect_changed: true,
            expect: ready(),
        },
        Case {
            name: "restoring makes the view ready and sets the notices",
            before: ViewState::default(),
            actions: vec![ViewAction::Restored {
                storage_problem: Some("blocked".into()),
                recovery: None,
                unreadable_raw: None,
                stored_bytes: Some(12),
                shared_view: None,
            }],
            expect_changed: true,
            expect: ViewState {
                notices: Notices {
                    storage_problem: Some("blocked".into()),
                    stored_bytes: Some(12),
                    ..Default::default()
                },
                ..ready()
            },
        },
        Case {
            name: "a save clears the storage problem",
            before: ViewState {
                notices: Notices {
                    storage_problem: Some("full".into()),
                    ..Default::default()
                },
                ..ready()
            },
            actions: vec![ViewAction::Saved { bytes: 40 }],
            expect_changed: true,
            expect: ViewState {
                notices: Notices {
                    stored_bytes: Some(40),
                    ..Default::default()
                },
                ..ready()
            },
        },
        Case {
            name: "an import with no foreign claims offers nothing; closing clears it",
            before: ready(),
            actions: vec![
                ViewAction::ImportReported {
                    message: "2 added".into(),
                    from_other_article: vec![],
                },
                ViewAction::CloseImportNotice,
            ],
            expect_changed: true,
            expect: ready(),
        },
        Case {
            name: "the filter is set and cleared",
            before: ready(),
            actions: vec![ViewAction::SetFilter(Some(Tag::Denial))],
            expect_changed: true,
            expect: ViewState {
                filter: Some(Tag::Denial),
                ..ready()
            },
        },
        Case {
            name: "leaving the shared view makes the view editable again",
            before: ViewState {
                notices: Notices {
                    shared_view: Some(shared_view()),
                    ..Default::default()
                },
                ..ready()
            },
            actions: vec![
                ViewAction::LeaveSharedView,
                ViewAction::OfferSelection(selection(0, 2)),
            ],
            expect_changed: true,
            expect: ViewState {
                pending: Some(selection(0, 2)),
                ..ready()
            },
        },
        Case {
            name: "keyboard selecting starts, moves and stops with escape",
            before: ready(),
            actions: vec![
                ViewAction::StartSelecting(cursor(0, 3, None)),
                ViewAction::MoveCursor(cursor(4, 8, Some((0, 3)))),
                ViewAction::Escape,
            ],
            expect_changed: true,
            expect: ready(),
        },
        Case {
            name: "escape closes the list of keys before anything else",
            before: ViewState {
                help_open: true,
                selecting: Some(cursor(0, 3, None)),
                ..ready()
            },
            actions: vec![ViewAction::Escape],
            expect_changed: true,
            expect: ViewState {
                selecting: Some(cursor(0, 3, None)),
                ..ready()
            },
        },
        Case {
            name: "a cursor does not move when not selecting",
            before: ready(),
            actions: vec![ViewAction::MoveCursor(cursor(4, 8, None))],
            expect_changed: false,
            expect: ready(),
        },
        Case {
            name: "an offered sentence gives way to the picker",
            before: ViewState {
                offered_sentence: Some(selection(0, 20)),
                ..ready()
            },
            actions: vec![ViewAction::OfferSelection(selection(0, 20))],
            expect_changed: true,
            expect: ViewState {
                pending: Some(selection(0, 20)),
                ..ready()
            },
        },
        Case {
            name: "nothing is offered or selected in a shared view",
            before: ViewState {
                notices: Notices {
                    shared_view: Some(shared_view()),
                    ..Default::default()
                },
                ..ready()
            },
            actions: vec![
                ViewAction::OfferSentence(selection(0, 20)),
                ViewAction::StartSelecting(cursor(0, 3, None)),
            ],
            expect_changed: false,
            expect: ViewState {
                notices: Notices {
                    shared_view: Some(shared_view()),
                    ..Default::default()
                },
                ..ready()
            },
        },
        Case {
            name: "the drawer toggles",
            before: ready(),
            actions: vec![ViewAction::ToggleDrawer, ViewAction::ToggleDrawer],
            expect_changed: true,
            expect: ready(),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn an_import_from_another_article_is_offered() {
    let text = crate::core::source_text::SourceText::new("Some words here.");
    let foreign = Annotation::describe(&text, CharRange::new(0, 4), Tag::Demand, "x".into(), 1);
    let mut state = ready();
    assert!(state.apply(ViewAction::ImportReported {
        message: "held back".into(),
        from_other_article: vec![foreign.clone()],
    }));
    assert_eq!(
        state.notices.offered_foreign.as_deref(),
        Some(&vec![foreign])
    );
}
