use super::*;
use crate::core::exercise::{
    encode_submission, exercise_fingerprint, ExerciseArticle, ExerciseSettings, FeedbackMode,
    KeyClaim, NameRule,
};
use crate::core::tag::Tag::{Allegation, Demand, Denial};

fn text() -> SourceText {
    SourceText::new("x".repeat(150))
}

fn claim(id: &str, start: usize, end: usize, tag: Tag, speaker: Option<&str>) -> KeyClaim {
    KeyClaim {
        id: id.into(),
        range: CharRange::new(start, end),
        tag,
        quote: "x".repeat(end - start),
        speaker: speaker.map(str::to_string),
        explanation: "Why.".into(),
        responds_to: None,
    }
}

fn exercise() -> Exercise {
    Exercise {
        id: "ex-class".into(),
        title: "Class test".into(),
        article: ExerciseArticle::Text("x".repeat(150)),
        key: vec![
            claim("k1", 10, 30, Allegation, Some("Ann")),
            claim("k2", 50, 70, Denial, Some("Bo")),
            claim("k3", 90, 100, Demand, None),
        ],
        settings: ExerciseSettings {
            feedback: FeedbackMode::TeacherReportOnly,
            name: NameRule::Optional,
        },
        revised_from: Vec::new(),
    }
}

fn span(start: usize, end: usize, tag: Tag, speaker: Option<&str>) -> ScoredSpan {
    ScoredSpan {
        range: CharRange::new(start, end),
        tag,
        speaker: speaker.map(str::to_string),
    }
}

fn answer(exercise: &Exercise, name: Option<&str>, claims: Vec<ScoredSpan>, at: i64) -> String {
    encode_submission(&Submission {
        exercise_id: exercise.id.clone(),
        exercise_fingerprint: exercise_fingerprint(exercise),
        display_name: name.map(str::to_string),
        claims,
        submitted_ms: at,
    })
}

fn perfect() -> Vec<ScoredSpan> {
    exercise().key_spans()
}

fn partial() -> Vec<ScoredSpan> {
    vec![
        span(15, 30, Allegation, Some("ann")),
        span(50, 70, Denial, None),
    ]
}

fn wrong_tags() -> Vec<ScoredSpan> {
    vec![
        span(10, 30, Denial, None),
        span(50, 70, Denial, None),
        span(90, 100, Allegation, None),
        span(120, 130, Demand, None),
    ]
}

/// Three answers (perfect, partial, wrong tags), then four files that must be skipped.
fn class_files() -> Vec<(String, String)> {
    let exercise = exercise();
    let alice = answer(&exercise, Some("Alice"), perfect(), 1);
    let mut other = exercise.clone();
    other.id = "ex-other".into();
    let newer = alice.replacen("\"v\":1", "\"v\":2", 1);
    [
        ("alice.json", alice.clone()),
        ("bob.json", answer(&exercise, Some("Bob"), partial(), 2)),
        ("cleo.json", answer(&exercise, None, wrong_tags(), 3)),
        ("broken.json", "{\"v\":1,\"kind\":".to_string()),
        (
            "bob again.json",
            answer(&exercise, Some(" BOB "), partial(), 9),
        ),
        ("alice copy.json", alice),
        ("other.json", answer(&other, Some("Dan"), perfect(), 4)),
        ("newer.json", newer),
    ]
    .into_iter()
    .map(|(name, contents)| (name.to_string(), contents))
    .collect()
}

/// Precision, recall, F1 with tags and speaker accuracy, as the table shows them.
fn shown(score: &Score) -> [String; 4] {
    [
        format_ratio(score.with_tags.precision),
        format_ratio(score.with_tags.recall),
        format_ratio(score.with_tags.f1),
        score
            .speaker_accuracy
            .map(format_ratio)
            .unwrap_or_else(|| "-".into()),
    ]
}

#[test]
fn a_class_of_three_with_four_files_skipped() {
    let results = ClassResults::build(
        &exercise(),
        &text(),
        &class_files(),
        &crate::core::locale::Locale::english(),
    );
    let rows: Vec<(&str, &str, [String; 4])> = results
        .rows
        .iter()
        .map(|row| (row.name.as_str(), row.file_name.as_str(), shown(&row.score)))
        .collect();
    let expected = |values: [&str; 4]| values.map(str::to_string);
    assert_eq!(
        rows,
        vec![
            (
                "Alice",
                "alice.json",
                expected(["1.0000", "1.0000", "1.0000", "1.0000"])
            ),
            (
                "Bob",
                "bob.json",
                expected(["1.0000", "0.5833", "0.7368", "0.5000"])
            ),
            (
                "cleo.json",
                "cleo.json",
                expected(["0.2500", "0.3333", "0.2857", "0.0000"])
            ),
        ]
    );
    let skipped: Vec<(&str, &str)> = results
        .skipped
        .iter()
        .map(|skipped| (skipped.file_name.as_str(), skipped.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("broken.json", "This is not an answer file: it is not JSON."),
            ("bob again.json", "A copy of bob.json: the same name and the same claims."),
            ("alice copy.json", "The same file as alice.json."),
            ("other.json", "This answer was made for another exercise."),
            (
                "newer.json",
                "This answer was saved by a newer version of Claim Annotator (format 2); reload the page to get the newest version."
            ),
        ]
    );
    assert_eq!(
        results.key_claims,
        vec![
            KeyClaimSummary {
                key_index: 0,
                found_by: 1,
                most_common_wrong_tag: Some(Denial)
            },
            KeyClaimSummary {
                key_index: 1,
                found_by: 3,
                most_common_wrong_tag: None
            },
            KeyClaimSummary {
                key_index: 2,
                found_by: 1,
                most_common_wrong_tag: Some(Allegation)
            },
        ]
    );
    let recall: Vec<(Tag, String)> = results
        .recall_per_tag
        .iter()
        .map(|(tag, recall)| (tag.clone(), format_ratio(*recall)))
        .collect();
    assert_eq!(
        recall,
        vec![
            (Allegation, "0.5833".to_string()),
            (Denial, "1.0000".to_string()),
            (Demand, "0.3333".to_string()),
        ]
    );
    assert_eq!(
        results.heat,
        vec![
            (CharRange::new(10, 15), 2),
            (CharRange::new(15, 30), 3),
            (CharRange::new(50, 70), 3),
            (CharRange::new(90, 100), 2),
            (CharRange::new(120, 130), 1),
        ]
    );
}

#[test]
fn the_most_common_wrong_tag_wins_and_a_tie_goes_to_the_first_tag() {
    let exercise = exercise();
    let wrong = |tag: Tag| vec![span(90, 100, tag, None)];
    let files: Vec<(String, String)> = [
        ("a", wrong(Denial)),
        ("b", wrong(Allegation)),
        ("c", wrong(Denial)),
        ("d", wrong(Tag::Other("rumour".into()))),
    ]
    .into_iter()
    .enumerate()
    .map(|(at, (name, claims))| (name.to_string(), answer(&exercise, None, claims, at as i64)))
    .collect();
    let most = |files: &[(String, String)]| {
        ClassResults::build(
            &exercise,
            &text(),
            files,
            &crate::core::locale::Locale::english(),
        )
        .key_claims[2]
            .most_common_wrong_tag
            .clone()
    };
    assert_eq!(most(&files), Some(Denial));
    assert_eq!(
        most(&files[1..]),
        Some(Allegation),
        "one each: the first in Tag::ALL"
    );
}

#[test]
fn heat_counts_students_not_spans() {
    let exercise = exercise();
    struct Case {
        name: &'static str,
        students: Vec<Vec<ScoredSpan>>,
        expected: Vec<(CharRange, usize)>,
    }
    let cases = [
        Case {
            name: "nobody marked anything",
            students: vec![vec![], vec![]],
            expected: vec![],
        },
        Case {
            name: "a student's overlapping spans count once",
            students: vec![vec![
                span(0, 20, Allegation, None),
                span(10, 30, Denial, None),
            ]],
            expected: vec![(CharRange::new(0, 30), 1)],
        },
        Case {
            name: "one student ends where another starts: one run",
            students: vec![
                vec![span(0, 10, Allegation, None)],
                vec![span(10, 20, Denial, None)],
            ],
            expected: vec![(CharRange::new(0, 20), 1)],
        },
        Case {
            name: "nested spans of two students",
            students: vec![
                vec![span(0, 30, Allegation, None)],
                vec![span(10, 20, Denial, None)],
            ],
            expected: vec![
                (CharRange::new(0, 10), 1),
                (CharRange::new(10, 20), 2),
                (CharRange::new(20, 30), 1),
            ],
        },
    ];
    for case in cases {
        let files: Vec<(String, String)> = case
            .students
            .into_iter()
            .enumerate()
            .map(|(index, claims)| {
                (
                    format!("{index}"),
                    answer(&exercise, None, claims, index as i64),
                )
            })
            .collect();
        let results = ClassResults::build(
            &exercise,
            &text(),
            &files,
            &crate::core::locale::Locale::english(),
        );
        assert!(results.skipped.is_empty(), "{}", case.name);
        assert_eq!(results.heat, case.expected, "{}", case.name);
    }
}

#[test]
fn sorting_each_column() {
    let rows = ClassResults::build(
        &exercise(),
        &text(),
        &class_files(),
        &crate::core::locale::Locale::english(),
    )
    .rows;
    // Alice: perfect; Bob: partial (no demand, half the speakers); cleo.json: wrong tags
    // (denial F1 0.6667, speakers 0).
    let cases = [
        (
            "name, ascending, case-insensitive",
            RowColumn::Name,
            false,
            ["Alice", "Bob", "cleo.json"],
        ),
        (
            "name, descending",
            RowColumn::Name,
            true,
            ["cleo.json", "Bob", "Alice"],
        ),
        (
            "precision, ties stay in order",
            RowColumn::Precision,
            true,
            ["Alice", "Bob", "cleo.json"],
        ),
        (
            "precision, ascending",
            RowColumn::Precision,
            false,
            ["cleo.json", "Alice", "Bob"],
        ),
        (
            "recall",
            RowColumn::Recall,
            false,
            ["cleo.json", "Bob", "Alice"],
        ),
        ("F1", RowColumn::F1, true, ["Alice", "Bob", "cleo.json"]),
        (
            "allegation F1",
            RowColumn::TagF1(Allegation),
            false,
            ["cleo.json", "Bob", "Alice"],
        ),
        (
            "denial F1",
            RowColumn::TagF1(Denial),
            false,
            ["cleo.json", "Alice", "Bob"],
        ),
        (
            "demand F1",
            RowColumn::TagF1(Demand),
            true,
            ["Alice", "Bob", "cleo.json"],
        ),
        (
            "speaker accuracy",
            RowColumn::SpeakerAccuracy,
            false,
            ["cleo.json", "Bob", "Alice"],
        ),
    ];
    for (name, column, descending, expected) in cases {
        let mut sorted = rows.clone();
        sort_rows(&mut sorted, column, descending);
        let names: Vec<&str> = sorted.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, expected, "{name}");
    }
    let mut without_speakers = rows.clone();
    without_speakers[1].score.speaker_accuracy = None;
    sort_rows(&mut without_speakers, RowColumn::SpeakerAccuracy, false);
    assert_eq!(
        without_speakers[0].name, "Bob",
        "no speaker accuracy sorts lowest"
    );
}

#[test]
fn the_class_table_as_csv() {
    let mut results = ClassResults::build(
        &exercise(),
        &text(),
        &class_files(),
        &crate::core::locale::Locale::english(),
    );
    results.rows[1].name = "=Bob, \"B\"".into();
    let csv = class_table_csv(&results);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "\u{FEFF}name,file,precision,recall,F1,precision without tags,recall without tags,F1 without tags,allegation precision,allegation recall,allegation F1,denial precision,denial recall,denial F1,demand precision,demand recall,demand F1,speaker accuracy",
            "Alice,alice.json,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000",
            "\"'=Bob, \"\"B\"\"\",bob.json,1.0000,0.5833,0.7368,1.0000,0.5833,0.7368,1.0000,0.7500,0.8571,1.0000,1.0000,1.0000,0.0000,0.0000,0.0000,0.5000",
            "cleo.json,cleo.json,0.2500,0.3333,0.2857,0.7500,1.0000,0.8571,0.0000,0.0000,0.0000,0.5000,1.0000,0.6667,0.0000,0.0000,0.0000,0.0000",
            "",
        ]
    );
}

#[test]
fn adding_a_students_claim_to_the_key_rescores_everyone() {
    let exercise = exercise();
    let files = class_files();
    let before = ClassResults::build(
        &exercise,
        &text(),
        &files,
        &crate::core::locale::Locale::english(),
    );
    // Cleo's extra span becomes a key claim.
    let revised = exercise.with_key_claim_added(claim("k4", 120, 130, Demand, None));
    let after = ClassResults::build(
        &revised,
        &text(),
        &files,
        &crate::core::locale::Locale::english(),
    );
    assert_eq!(
        after.skipped, before.skipped,
        "answers to the earlier version still count"
    );
    let f1 = |results: &ClassResults| -> Vec<String> {
        results
            .rows
            .iter()
            .map(|row| format_ratio(row.score.with_tags.f1))
            .collect()
    };
    assert_eq!(f1(&before), ["1.0000", "0.7368", "0.2857"]);
    assert_eq!(f1(&after), ["0.8571", "0.6087", "0.5000"]);
    assert_eq!(after.key_claims.len(), 4);
    assert_eq!(after.key_claims[3].found_by, 1);
}

#[test]
fn numbers_as_text_without_formatting_floats() {
    let cases = [
        ("zero", 0.0, "0.0000", "0%"),
        ("one", 1.0, "1.0000", "100%"),
        ("a third", 1.0 / 3.0, "0.3333", "33%"),
        ("two thirds rounds up", 2.0 / 3.0, "0.6667", "67%"),
        ("half up", 0.03125, "0.0313", "3%"),
        ("percent half up", 0.125, "0.1250", "13%"),
        ("83%", 0.83, "0.8300", "83%"),
        ("negative", -0.25, "-0.2500", "-25%"),
        ("not a number", f64::NAN, "0.0000", "0%"),
    ];
    for (name, value, ratio, percent) in cases {
        assert_eq!(format_ratio(value), ratio, "{name}");
        assert_eq!(format_percent(value), percent, "{name}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any file contents give a row or a skipped file, never a panic.
    #[test]
    fn building_never_panics(contents in proptest::collection::vec("\\PC{0,120}", 0..4)) {
        let files: Vec<(String, String)> =
            contents.into_iter().enumerate().map(|(i, c)| (format!("{i}"), c)).collect();
        let results = ClassResults::build(&exercise(), &text(), &files, &crate::core::locale::Locale::english());
        proptest::prop_assert_eq!(results.rows.len() + results.skipped.len(), files.len());
    }
}
