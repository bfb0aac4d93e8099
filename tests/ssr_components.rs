//! The components render natively with Yew's server renderer: no browser API is called while
//! rendering. These tests check what a reader would see in the markup.
#![cfg(not(target_arch = "wasm32"))]

use claim_annotator::core::annotation::{AnchorStatus, Annotation};
use claim_annotator::core::annotation_state::{Action, AnnotationState};
use claim_annotator::core::article::parse_article;
use claim_annotator::core::char_range::CharRange;
use claim_annotator::core::drawn_highlight::claim_highlights;
use claim_annotator::core::durability::Keeping;
use claim_annotator::core::locale::Locale;
use claim_annotator::core::merge::Snapshot;
use claim_annotator::core::shared::Shared;
use claim_annotator::core::tag::Tag;
use claim_annotator::ui::annotator::PanelPlacement;
use claim_annotator::ui::article_view::{ArticleView, ArticleViewProps};
use claim_annotator::ui::claims_panel::{ClaimsPanel, ClaimsPanelProps};
use claim_annotator::ui::prerendered_widget::{PrerenderedWidget, PrerenderedWidgetProps};
use claim_annotator::ui::widget::{ArticleSource, ClaimAnnotatorWidget, WidgetProps, SEED_ARTICLE};
use yew::prelude::*;
use yew::{BaseComponent, ServerRenderer};

fn render<C: BaseComponent>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String {
    futures::executor::block_on(
        ServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn range_of(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).expect("needle in the text");
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// Two claims on the seed (the second inside the first), one with a note that looks like HTML,
/// and one orphan whose words are gone.
fn seeded_state() -> AnnotationState {
    let article = parse_article(SEED_ARTICLE).unwrap();
    let describe = |needle: &str, tag, id: &str| {
        Annotation::describe(
            &article.text,
            range_of(SEED_ARTICLE, needle),
            tag,
            id.to_string(),
            1,
        )
    };
    let mut noted = describe(
        "urged the United Nations to probe rights violations",
        Tag::Allegation,
        "a",
    );
    noted.note = "<script>window.hacked = 1</script> check <b>this</b>".into();
    let inner = describe("the United Nations", Tag::Demand, "b");
    let mut orphan = describe("Source: AFP", Tag::Denial, "c");
    orphan.anchor = AnchorStatus::Orphan;
    let mut state = AnnotationState::default();
    state.apply(Action::Load(Snapshot {
        annotations: vec![noted, inner, orphan],
        tombstones: vec![],
    }));
    state
}

fn check(name: &str, html: &str, must_contain: &[&str], must_not_contain: &[&str]) {
    for needle in must_contain {
        assert!(html.contains(needle), "{name}: missing {needle:?}");
    }
    for needle in must_not_contain {
        assert!(!html.contains(needle), "{name}: unexpected {needle:?}");
    }
}

#[test]
fn article_view_renders_blocks_runs_and_layered_highlights() {
    let html = render::<ArticleView>(|| ArticleViewProps {
        article: Shared::new(parse_article(SEED_ARTICLE).unwrap()),
        highlights: Shared::new(claim_highlights(
            seeded_state().annotations(),
            &Locale::english(),
        )),
        flashing: None,
        keyboard: Default::default(),
        focusable: true,
        on_open: Callback::noop(),
    });
    check(
        "article view",
        &html,
        &[
            ">Academic freedom under threat</span>",
            "<h3 dir=\"auto\" class=\"ca-block ca-subheading\">",
            "aria-label=\"Photo: Police officers stand guard",
            "data-ca-start=\"0\" data-ca-end=\"137\"",
            "data-ca-ids=\"a b\"",
            "ca-highlight-layered",
            "data-ca-end-labels=\"Allegation\"",
        ],
        &["ca-tag-denial"],
    );
    let caption =
        "Police officers stand guard at a downtown street in Hong Kong, September 6, 2020.";
    assert_eq!(
        html.matches(caption).count(),
        2,
        "once in the caption text, once in its label"
    );
}

fn panel_props(annotations: AnnotationState) -> ClaimsPanelProps {
    ClaimsPanelProps {
        article: Shared::new(parse_article(SEED_ARTICLE).unwrap()),
        annotations: Shared::new(annotations),
        filter: None,
        reattaching: None,
        on_filter: Callback::noop(),
        on_choose: Callback::noop(),
        on_delete: Callback::noop(),
        on_accept: Callback::noop(),
        on_reattach: Callback::noop(),
        stored_bytes: Some(2048),
        keeping: Keeping::default(),
        on_undo: Callback::noop(),
        on_redo: Callback::noop(),
        on_clear_all: Callback::noop(),
        on_export_json: Callback::noop(),
        on_export_csv: Callback::noop(),
        on_import_file: Callback::noop(),
        on_share: Callback::noop(),
        read_only: false,
        transfer: true,
        children: Default::default(),
    }
}

#[test]
fn claims_panel_shows_notes_as_text_and_lists_orphans_for_review() {
    let html = render::<ClaimsPanel>(|| panel_props(seeded_state()));
    check(
        "claims panel",
        &html,
        &[
            "&lt;script&gt;window.hacked = 1&lt;/script&gt; check &lt;b&gt;this&lt;/b&gt;",
            ">All 3<",
            ">Allegation 1<",
            ">Demand 1<",
            "Needs review (1)",
            "Saved in this browser: 2.0 KB for this article.",
            "Source: AFP",
        ],
        &["<script>", "<b>this</b>", "ca-show-more"],
    );
}

/// With a thousand claims every change paid for the browser's work on a thousand list items
/// (issue 12): a long list draws its first page and says how many are not listed yet. The same
/// holds for "Needs review", which a correction can fill with as many claims: it was drawn in
/// full, and with 1,000 claims in it accepting one took 43 ms to the next frame (11 ms paged).
#[test]
fn a_long_claim_list_draws_one_page_and_offers_the_rest() {
    use claim_annotator::core::claim_list_window::CLAIMS_PER_PAGE;
    struct Case {
        name: &'static str,
        claims: usize,
        needing_review: usize,
        /// Items drawn in the claims list, then in "Needs review".
        drawn: (usize, usize),
        /// Lines saying how many of how many are listed, with their buttons.
        offers_more: usize,
    }
    let cases = [
        Case {
            name: "one page",
            claims: CLAIMS_PER_PAGE,
            needing_review: 0,
            drawn: (100, 0),
            offers_more: 0,
        },
        Case {
            name: "two pages and a half",
            claims: 250,
            needing_review: 0,
            drawn: (100, 0),
            offers_more: 1,
        },
        Case {
            name: "a page needing review",
            claims: 250,
            needing_review: 100,
            drawn: (100, 100),
            offers_more: 1,
        },
        Case {
            name: "every claim needing review",
            claims: 250,
            needing_review: 250,
            drawn: (100, 100),
            offers_more: 2,
        },
    ];
    for case in cases {
        let Case {
            name,
            claims,
            needing_review,
            drawn,
            offers_more,
        } = case;
        let html = render::<ClaimsPanel>(move || {
            let article = parse_article(SEED_ARTICLE).unwrap();
            let annotations: Vec<Annotation> = (0..claims)
                .map(|index| {
                    let mut claim = Annotation::describe(
                        &article.text,
                        CharRange::new(index * 7, index * 7 + 5),
                        Tag::Denial,
                        format!("claim-{index}"),
                        1,
                    );
                    if index < needing_review {
                        claim.anchor = AnchorStatus::Changed;
                    }
                    claim
                })
                .collect();
            let mut state = AnnotationState::default();
            state.apply(Action::Load(Snapshot {
                annotations,
                tombstones: vec![],
            }));
            panel_props(state)
        });
        let listed = (
            html.matches("class=\"ca-claim\"").count(),
            html.matches("class=\"ca-review-item ").count(),
        );
        assert_eq!(
            listed, drawn,
            "{name}: items drawn in the list and in Needs review"
        );
        assert_eq!(
            html.matches("100 of 250 claims listed.").count(),
            offers_more,
            "{name}"
        );
        assert_eq!(
            html.matches(">Show more claims</button>").count(),
            offers_more,
            "{name}"
        );
        if needing_review > 0 {
            check(
                name,
                &html,
                &[&format!("Needs review ({needing_review})")],
                &[],
            );
        }
    }
}

#[test]
fn widget_shows_a_clear_message_for_an_unusable_article() {
    let cases = [
        ("empty text", String::new(), "This article is empty"),
        ("white space", " \n\n\t".to_string(), "only white space"),
    ];
    for (name, text, message) in cases {
        let html = render::<ClaimAnnotatorWidget>(move || WidgetProps {
            language: Some("en".into()),
            ..WidgetProps::new(ArticleSource::Text(text))
        });
        check(
            name,
            &html,
            &["role=\"alert\" class=\"ca-error\"", message],
            &["<article"],
        );
    }
}

/// A strict Content-Security-Policy refuses `style` attributes and `<style>` elements: nothing
/// the widget renders may carry either (positions are set through CSSOM after rendering).
#[test]
fn nothing_rendered_carries_inline_styles() {
    use claim_annotator::core::popover_position::PopoverPosition;
    use claim_annotator::ui::annotation_editor::{AnnotationEditor, AnnotationEditorProps};
    use claim_annotator::ui::tag_picker::{
        OneAction, OneActionOffer, OneActionOfferProps, TagPicker, TagPickerProps,
    };
    let at = PopoverPosition {
        left: 120.0,
        top: 48.0,
    };
    let widget = render::<ClaimAnnotatorWidget>(|| WidgetProps {
        language: Some("en".into()),
        ..WidgetProps::new(ArticleSource::Seed)
    });
    let picker = render::<TagPicker>(move || TagPickerProps {
        at,
        on_choose: Callback::noop(),
        on_dismiss: Callback::noop(),
    });
    let editor = render::<AnnotationEditor>(move || AnnotationEditorProps {
        annotation: (*seeded_state().annotations()[0]).clone(),
        at,
        names: Default::default(),
        allegations: Default::default(),
        explains: true,
        on_retag: Callback::noop(),
        on_text: Callback::noop(),
        on_answer: Callback::noop(),
        on_delete: Callback::noop(),
        on_close: Callback::noop(),
    });
    let offer = |action| {
        render::<OneActionOffer>(move || OneActionOfferProps {
            action,
            at,
            on_act: Callback::noop(),
            on_dismiss: Callback::noop(),
        })
    };
    let (attach_here, select_sentence) = (
        offer(OneAction::AttachHere),
        offer(OneAction::SelectSentence),
    );
    let manual_popover = "popover=\"manual\"";
    for (name, html, expected) in [
        ("widget", &widget, &["data-ca-start"][..]),
        ("picker", &picker, &[manual_popover]),
        ("editor", &editor, &[manual_popover]),
        (
            "attach here: its own class, a toolbar, its button",
            &attach_here,
            &[
                manual_popover,
                "ca-reattach-picker",
                "role=\"toolbar\"",
                "class=\"ca-attach\"",
            ],
        ),
        (
            "select this sentence: its own class, a group, its button",
            &select_sentence,
            &[
                manual_popover,
                "ca-sentence-offer",
                "role=\"group\"",
                "class=\"ca-select-sentence\"",
            ],
        ),
    ] {
        check(name, html, expected, &[" style=", "<style"]);
    }
}

/// Feedback on every claim: each category is written out with its symbol, not only coloured,
/// and the key's words stay hidden until the student asks for them.
#[cfg(feature = "app")]
#[test]
fn feedback_names_every_category_and_hides_missed_claims() {
    use claim_annotator::core::claim_scoring::ScoredSpan;
    use claim_annotator::core::exercise::{Exercise, ExerciseArticle, ExerciseSettings, KeyClaim};
    use claim_annotator::ui::classroom::feedback_view::{FeedbackView, FeedbackViewProps};
    use std::rc::Rc;
    let article = parse_article(SEED_ARTICLE).unwrap();
    let key_claim = |id: &str, needle: &str, tag: Tag| KeyClaim {
        id: id.into(),
        range: range_of(SEED_ARTICLE, needle),
        tag,
        quote: needle.into(),
        speaker: Some("Zhao Lijian".into()),
        explanation: format!("Explanation of {id}."),
        responds_to: None,
    };
    let exercise = Exercise {
        id: "exercise".into(),
        title: "Test".into(),
        article: ExerciseArticle::Text(SEED_ARTICLE.into()),
        key: vec![
            key_claim(
                "found",
                "urged the United Nations to probe rights violations",
                Tag::Allegation,
            ),
            key_claim(
                "wrong",
                "are groundless and not worth refuting",
                Tag::Denial,
            ),
            key_claim("missed", "called for international scrutiny", Tag::Demand),
        ],
        settings: ExerciseSettings::default(),
        revised_from: vec![],
    };
    let span = |needle: &str, tag: Tag| ScoredSpan {
        range: range_of(SEED_ARTICLE, needle),
        tag,
        speaker: None,
    };
    let student = vec![
        span(
            "urged the United Nations to probe rights violations",
            Tag::Allegation,
        ),
        span("are groundless and not worth refuting", Tag::Demand),
        span("strip Beijing of the 2022 winter games", Tag::Allegation),
    ];
    let html = render::<FeedbackView>(move || FeedbackViewProps {
        exercise: Rc::new(exercise),
        article: Shared::new(article),
        student: Rc::new(student),
        on_try_again: Callback::noop(),
        on_hand_in: Callback::noop(),
    });
    check(
        "feedback",
        &html,
        &[
            "\u{2713} Found",
            "\u{2260} Wrong tag",
            "\u{25cb} Missed",
            "+ Extra",
            "Explanation of found.",
            "You tagged it Demand; the key says Denial.",
        ],
        // The missed claim's words are in the article, but never quoted as a key claim.
        &[
            "<q dir=\"auto\">called for international scrutiny</q>",
            "Explanation of missed.",
        ],
    );
}

/// A widget asked for `language` under a provider of `given` (or none): what the server renders.
#[derive(Properties, PartialEq)]
struct UnderProviderProps {
    given: Option<Locale>,
    language: String,
}

#[function_component(UnderProvider)]
fn under_provider(props: &UnderProviderProps) -> Html {
    let widget = html! {
        <ClaimAnnotatorWidget source={ArticleSource::Text(SAMPLE_ARABIC.to_string())} language={Some(props.language.clone())} />
    };
    match &props.given {
        Some(locale) => {
            html! { <ContextProvider<Locale> context={locale.clone()}>{ widget }</ContextProvider<Locale>> }
        }
        None => widget,
    }
}

const SAMPLE_ARABIC: &str = include_str!("../static/sample-arabic.txt");

/// The build-time prerenderer has no browser to fetch a language's table, so it provides the
/// table from above (`ui::prerendered_widget`), and the widget's `LocaleGate` uses it when it is
/// the language asked for. Regression: every prerendered copy was English, whatever the page's
/// `lang`.
#[test]
fn a_prerendered_widget_speaks_the_language_its_page_asks_for() {
    let prerendered = |code: &'static str, panel| {
        render::<PrerenderedWidget>(move || PrerenderedWidgetProps {
            locale: Locale::from_table_file(code),
            text: SAMPLE_ARABIC.to_string(),
            panel,
        })
    };
    let under = |given: Option<&'static str>, language: &'static str| {
        render::<UnderProvider>(move || UnderProviderProps {
            given: given.map(Locale::from_table_file),
            language: language.to_string(),
        })
    };
    let cases: Vec<(&str, String, &[&str], &[&str])> = vec![
        (
            "Arabic: right to left, the Arabic panel, the article",
            prerendered("ar", PanelPlacement::Inline),
            &[
                "lang=\"ar\" dir=\"rtl\"",
                ">التصريحات",
                "انتهكت الحقوق",
                "<article",
            ],
            &["lang=\"en\"", ">Claims"],
        ),
        (
            "French, the panel in a drawer",
            prerendered("fr", PanelPlacement::Drawer),
            &[
                "lang=\"fr\" dir=\"ltr\"",
                "Affirmations",
                "ca-drawer-toggle",
                "<article",
            ],
            &["lang=\"en\"", ">Claims"],
        ),
        (
            "no table given: nothing yet (the browser fetches it after the first render)",
            under(None, "fr"),
            &[],
            &["<article", "lang="],
        ),
        (
            "a table of another language given: not used",
            under(Some("ar"), "fr"),
            &[],
            &["<article", "lang="],
        ),
        (
            "the language asked for by a regional tag: the table of its language",
            under(Some("fr"), "fr-CA"),
            &["lang=\"fr\"", "Affirmations", "<article"],
            &["lang=\"ar\""],
        ),
    ];
    for (name, html, must_contain, must_not_contain) in cases {
        check(name, &html, must_contain, must_not_contain);
    }
}
