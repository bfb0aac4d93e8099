use super::key_obfuscation::{base64url_decode, base64url_encode};
use super::*;
use crate::core::shape_problem::ShapeProblem;
// The tests edit files as serde_json values (a dev-dependency only).
use crate::core::source_text::SourceText;
use serde_json::Value;

const ARTICLE: &str = include_str!("../../../static/article.txt");

const SPEAKERS: [&str; 5] = [
    "Michelle Bachelet",
    "Antonio Guterres",
    "Hong Kong police",
    "the Chinese foreign ministry",
    "Human Rights Watch",
];

/// `claims` key claims spread evenly over the seed article, each 40 code points long, with a
/// speaker and a one-sentence explanation.
fn seed_exercise(claims: usize, article: ExerciseArticle) -> Exercise {
    let text = SourceText::new(ARTICLE);
    let step = text.len_chars() / claims.max(1);
    let key = (0..claims)
        .map(|i| {
            let range = CharRange::new(i * step, i * step + 40);
            KeyClaim {
                id: format!("k{}", i + 1),
                range,
                tag: Tag::ALL[i % 3].clone(),
                quote: text.slice(range).to_string(),
                speaker: Some(SPEAKERS[i % SPEAKERS.len()].to_string()),
                explanation: format!(
                    "Explanation {i}: the speaker states this as fact without naming a source."
                ),
                responds_to: (i % 3 == 1).then(|| format!("k{i}")),
            }
        })
        .collect();
    Exercise {
        id: "ex-7f3a".into(),
        title: "Hong Kong letter: who claims what?".into(),
        article,
        key,
        settings: ExerciseSettings {
            feedback: FeedbackMode::AfterChecking,
            name: NameRule::Required,
        },
        revised_from: Vec::new(),
    }
}

fn url_article() -> ExerciseArticle {
    ExerciseArticle::for_url("https://example.org/hk-letter.txt", ARTICLE)
}

fn submission_for(exercise: &Exercise, claims: usize) -> Submission {
    Submission {
        exercise_id: exercise.id.clone(),
        exercise_fingerprint: exercise_fingerprint(exercise),
        display_name: Some("Zoë Ng".into()),
        claims: exercise
            .key_spans()
            .into_iter()
            .cycle()
            .take(claims)
            .collect(),
        submitted_ms: 1_800_000_000_123,
    }
}

/// Both the file and the link give back exactly the exercise.
fn check_round_trip(name: &str, exercise: &Exercise) {
    let file = encode_exercise_file(exercise);
    assert_eq!(
        decode_exercise_file(&file).as_ref(),
        Ok(exercise),
        "{name}: file"
    );
    let fragment = encode_exercise_fragment(exercise);
    assert!(
        fragment
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "=-_".contains(ch)),
        "{name}: only URL-safe characters"
    );
    assert_eq!(
        decode_exercise_fragment(&format!("#{fragment}")),
        Some(Ok(exercise.clone())),
        "{name}: link"
    );
}

#[test]
fn exercises_round_trip_through_file_and_link() {
    let mut unusual = seed_exercise(2, ExerciseArticle::Text("人权 😀 حقوق \"q\" \n x".into()));
    unusual.key[0].tag = Tag::Other("Rumour".into());
    unusual.key[0].speaker = None;
    unusual.key[1].explanation = String::new();
    unusual.title = "«Cités» ~ 100% <b>".into();
    unusual.settings = ExerciseSettings {
        feedback: FeedbackMode::TeacherReportOnly,
        name: NameRule::NotAsked,
    };
    let mut optional_name = seed_exercise(1, url_article());
    optional_name.settings.name = NameRule::Optional;
    let cases = [
        (
            "text article",
            seed_exercise(3, ExerciseArticle::Text(ARTICLE.into())),
        ),
        ("url article, 25 claims", seed_exercise(25, url_article())),
        ("empty key", seed_exercise(0, url_article())),
        (
            "other tag, no speaker, no explanation, other settings",
            unusual,
        ),
        ("optional name", optional_name),
        (
            "a revised exercise",
            seed_exercise(3, url_article())
                .with_key_claim_added(seed_exercise(4, url_article()).key[3].clone()),
        ),
    ];
    for (name, exercise) in &cases {
        check_round_trip(name, exercise);
    }
}

fn check_bad_file(name: &str, raw: &str, expected: ExerciseError) {
    let decoded = decode_exercise_file(raw);
    assert_eq!(decoded, Err(expected), "{name}");
    assert!(
        decoded
            .unwrap_err()
            .message(&crate::core::locale::Locale::english())
            .ends_with('.'),
        "{name}"
    );
}

#[test]
fn bad_exercise_files_are_refused_with_a_reason() {
    let exercise = seed_exercise(3, url_article());
    let good = encode_exercise_file(&exercise);
    let value: Value = serde_json::from_str(&good).unwrap();
    let with = |field: &str, new: Value| {
        let mut value = value.clone();
        value[field] = new;
        value.to_string()
    };
    let key = value["key"].as_str().unwrap();
    let flipped = if key.starts_with('A') { "B" } else { "A" };
    let tampered_key = format!("{flipped}{}", &key[1..]);
    let cases = [
        ("not JSON", "{\"v\":1,".to_string(), ExerciseError::NotJson),
        (
            "a JSON array",
            "[1,2]".to_string(),
            ExerciseError::NotAnExercise,
        ),
        (
            "no kind",
            with("kind", Value::Null),
            ExerciseError::NotAnExercise,
        ),
        (
            "an answer file",
            encode_submission(&submission_for(&exercise, 1)),
            ExerciseError::NotAnExercise,
        ),
        (
            "newer version",
            with("v", 2.into()),
            ExerciseError::NewerVersion(2),
        ),
        (
            "no version",
            with("v", Value::Null),
            ExerciseError::WrongShape(ShapeProblem::NoVersion),
        ),
        (
            "title is a number",
            with("title", 5.into()),
            ExerciseError::WrongShape(ShapeProblem::FieldsMissing),
        ),
        (
            "article with both text and url",
            with(
                "article",
                serde_json::json!({"text": "a", "url": "b", "hash": "c"}),
            ),
            ExerciseError::WrongShape(ShapeProblem::ArticleNeitherTextNorLink),
        ),
        (
            "unknown setting",
            with(
                "settings",
                serde_json::json!({"feedback": "never", "name": "required"}),
            ),
            ExerciseError::WrongShape(ShapeProblem::UnknownFeedbackSetting),
        ),
        (
            "tampered key",
            with("key", tampered_key.into()),
            ExerciseError::Damaged,
        ),
        (
            "key cut short",
            with("key", key[..key.len() - 3].into()),
            ExerciseError::Damaged,
        ),
        (
            "key not base64url",
            with("key", "a+b/".into()),
            ExerciseError::Damaged,
        ),
        (
            "id changed, so the key no longer reads back",
            with("id", "ex-other".into()),
            ExerciseError::Damaged,
        ),
    ];
    for (name, raw, expected) in cases {
        check_bad_file(name, &raw, expected);
    }
}

#[test]
fn bad_links() {
    let exercise = seed_exercise(3, url_article());
    let fragment = encode_exercise_fragment(&exercise);
    let newer = format!(
        "{EXERCISE_LINK_PREFIX}{}",
        obfuscate(br#"{"v":2,"future":true}"#, LINK_SEED)
    );
    let not_json = format!("{EXERCISE_LINK_PREFIX}{}", obfuscate(b"{v", LINK_SEED));
    /// `None`: not an exercise link; `Some(Ok(()))`: read; `Some(Err(_))`: refused.
    type Expected = Option<Result<(), ExerciseError>>;
    let cases: [(&str, String, Expected); 7] = [
        ("another fragment", "#section-2".into(), None),
        ("a share link", "#ca1=key~a1-2".into(), None),
        (
            "cut short",
            fragment[..fragment.len() - 10].into(),
            Some(Err(ExerciseError::Damaged)),
        ),
        (
            "not base64url",
            "exercise=%%%".into(),
            Some(Err(ExerciseError::Damaged)),
        ),
        (
            "empty",
            "exercise=".into(),
            Some(Err(ExerciseError::Damaged)),
        ),
        (
            "newer version",
            newer,
            Some(Err(ExerciseError::NewerVersion(2))),
        ),
        (
            "not JSON inside",
            not_json,
            Some(Err(ExerciseError::NotJson)),
        ),
    ];
    for (name, fragment, expected) in cases {
        assert_eq!(
            decode_exercise_fragment(&fragment).map(|decoded| decoded.map(|_| ())),
            expected,
            "{name}"
        );
    }
}

#[test]
fn the_key_is_not_readable_at_a_glance() {
    let exercise = seed_exercise(25, url_article());
    let file = encode_exercise_file(&exercise);
    let fragment = encode_exercise_fragment(&exercise);
    for claim in &exercise.key {
        for secret in [
            &claim.quote,
            &claim.explanation,
            claim.speaker.as_ref().unwrap(),
        ] {
            assert!(!file.contains(secret.as_str()), "file shows {secret:?}");
            assert!(!fragment.contains(secret.as_str()), "link shows {secret:?}");
        }
    }
    assert!(!file.contains("allegation") && !fragment.contains("allegation"));
    // The title, article and settings are readable in the file; only the key is hidden.
    assert!(
        file.contains("\"title\":\"Hong Kong letter: who claims what?\""),
        "{file}"
    );
}

#[test]
fn sizes_of_a_link_and_an_answer_for_25_claims() {
    let exercise = seed_exercise(25, url_article());
    let fragment = encode_exercise_fragment(&exercise);
    let link = format!("https://example.org/exercise.html#{fragment}");
    let file = encode_exercise_file(&exercise);
    let answer = encode_submission(&submission_for(&exercise, 25));
    println!(
        "exercise with 25 claims on a URL article: link {} characters (fragment {}), file {} bytes; answer with 25 claims: {} bytes",
        link.chars().count(),
        fragment.len(),
        file.len(),
        answer.len()
    );
    assert!(link.len() < 10_000, "{}", link.len());
    assert!(answer.len() < 2_000, "{}", answer.len());
}

#[test]
fn submissions_round_trip() {
    let exercise = seed_exercise(25, url_article());
    let mut anonymous = submission_for(&exercise, 3);
    anonymous.display_name = None;
    anonymous.claims[0].tag = Tag::Other("Rumour".into());
    anonymous.claims[1].speaker = None;
    let cases = [
        ("25 claims", submission_for(&exercise, 25)),
        ("no claims", submission_for(&exercise, 0)),
        ("no name, other tag, no speaker", anonymous),
    ];
    for (name, submission) in cases {
        let raw = encode_submission(&submission);
        assert_eq!(decode_submission(&raw, &exercise), Ok(submission), "{name}");
    }
}

#[test]
fn an_answer_holds_nothing_but_the_exercise_name_claims_and_time() {
    let exercise = seed_exercise(2, url_article());
    let raw = encode_submission(&submission_for(&exercise, 1));
    let value: Value = serde_json::from_str(&raw).unwrap();
    let mut fields: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "at",
            "claims",
            "exercise",
            "fingerprint",
            "kind",
            "name",
            "v"
        ]
    );
    let claim = value["claims"][0].as_object().unwrap();
    assert!(claim
        .keys()
        .all(|key| ["s", "e", "t", "sp"].contains(&key.as_str())));
}

#[test]
fn bad_submissions_are_refused_with_a_reason() {
    let exercise = seed_exercise(3, url_article());
    let good = encode_submission(&submission_for(&exercise, 2));
    let value: Value = serde_json::from_str(&good).unwrap();
    let with = |field: &str, new: Value| {
        let mut value = value.clone();
        value[field] = new;
        value.to_string()
    };
    let mut changed = exercise.clone();
    changed.key[0].explanation.push_str(" Changed.");
    let mut other = exercise.clone();
    other.id = "ex-other".into();
    let mut bad_tag = value.clone();
    bad_tag["claims"][0]["t"] = " ".into();
    let cases = [
        (
            "not JSON",
            "nope".to_string(),
            &exercise,
            SubmissionError::NotJson,
        ),
        (
            "an exercise file",
            encode_exercise_file(&exercise),
            &exercise,
            SubmissionError::NotASubmission,
        ),
        (
            "newer version",
            with("v", 3.into()),
            &exercise,
            SubmissionError::NewerVersion(3),
        ),
        (
            "claims missing",
            with("claims", Value::Null),
            &exercise,
            SubmissionError::WrongShape(ShapeProblem::FieldsMissing),
        ),
        (
            "blank tag",
            bad_tag.to_string(),
            &exercise,
            SubmissionError::WrongShape(ShapeProblem::ClaimHasNoTag),
        ),
        (
            "made for another exercise",
            good.clone(),
            &other,
            SubmissionError::OtherExercise,
        ),
        (
            "made before the key changed",
            good.clone(),
            &changed,
            SubmissionError::ChangedExercise,
        ),
    ];
    for (name, raw, expected_exercise, expected) in cases {
        let decoded = decode_submission(&raw, expected_exercise);
        assert_eq!(decoded, Err(expected), "{name}");
        assert!(
            decoded
                .unwrap_err()
                .message(&crate::core::locale::Locale::english())
                .ends_with('.'),
            "{name}"
        );
    }
}

#[test]
fn an_answer_to_an_earlier_version_is_read_by_the_revised_exercise() {
    let exercise = seed_exercise(3, url_article());
    let raw = encode_submission(&submission_for(&exercise, 2));
    let added = seed_exercise(4, url_article()).key[3].clone();
    let revised = exercise.with_key_claim_added(added.clone());
    assert_eq!(revised.key.len(), 4);
    assert_eq!(revised.key.last(), Some(&added), "kept in reading order");
    assert_eq!(revised.revised_from, vec![exercise_fingerprint(&exercise)]);
    assert_ne!(
        exercise_fingerprint(&revised),
        exercise_fingerprint(&exercise)
    );
    assert!(decode_submission(&raw, &revised).is_ok());
    let mut first = added;
    first.range = CharRange::new(0, 3);
    assert_eq!(revised.with_key_claim_added(first.clone()).key[0], first);
}

#[test]
fn the_fingerprint_follows_article_key_and_settings_only() {
    let exercise = seed_exercise(3, url_article());
    let fingerprint = exercise_fingerprint(&exercise);
    assert_eq!(fingerprint.len(), 16);
    assert!(fingerprint.chars().all(|ch| ch.is_ascii_hexdigit()));
    type Change = fn(&mut Exercise);
    let changes: [(&str, Change, bool); 6] = [
        ("title", |e| e.title.push('!'), false),
        ("revised_from", |e| e.revised_from.push("x".into()), false),
        (
            "article text",
            |e| e.article = ExerciseArticle::for_url("https://example.org/hk-letter.txt", "other"),
            true,
        ),
        ("a speaker", |e| e.key[1].speaker = None, true),
        ("a range", |e| e.key[2].range.end += 1, true),
        (
            "a setting",
            |e| e.settings.feedback = FeedbackMode::TeacherReportOnly,
            true,
        ),
    ];
    for (name, change, changes_fingerprint) in changes {
        let mut changed = exercise.clone();
        change(&mut changed);
        assert_eq!(
            exercise_fingerprint(&changed) != fingerprint,
            changes_fingerprint,
            "{name}"
        );
    }
    assert!(url_article().matches_text(ARTICLE));
    assert!(!url_article().matches_text("another text"));
}

#[test]
fn base64url_codec() {
    let cases: [(&[u8], &str); 8] = [
        (b"", ""),
        (b"f", "Zg"),
        (b"fo", "Zm8"),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg"),
        (b"fooba", "Zm9vYmE"),
        (b"foobar", "Zm9vYmFy"),
        (&[0xfb, 0xff, 0xbf], "-_-_"),
    ];
    for (bytes, text) in cases {
        assert_eq!(base64url_encode(bytes), text);
        assert_eq!(base64url_decode(text).as_deref(), Some(bytes));
    }
    for bad in ["A", "Zm9vY", "Zm+v", "Zm9v=", "é"] {
        assert_eq!(base64url_decode(bad), None, "{bad}");
    }
}

/// `fixtures/` holds files and a link written by the serde-derived code of version 1 (before
/// issue 12): each reads as it did then, and the same exercise is written byte for byte.
#[test]
fn version_1_files_and_links_read_and_write_as_before() {
    let mut unusual = seed_exercise(3, ExerciseArticle::Text("人权 😀 حقوق \"q\" \n x".into()));
    unusual.key[0].tag = Tag::Other("Rumour".into());
    unusual.key[0].speaker = None;
    unusual.key[1].explanation = String::new();
    unusual.revised_from = vec!["0123456789abcdef".into()];
    let url = seed_exercise(4, url_article());
    let cases = [
        (
            "a text exercise, a revision",
            &unusual,
            include_str!("fixtures/exercise-text-v1.json"),
            include_str!("fixtures/exercise-text-v1.decoded.txt"),
        ),
        (
            "an exercise on a URL",
            &url,
            include_str!("fixtures/exercise-url-v1.json"),
            include_str!("fixtures/exercise-url-v1.decoded.txt"),
        ),
    ];
    for (name, exercise, file, decoded) in cases {
        assert_eq!(encode_exercise_file(exercise), file, "{name}: written");
        assert_eq!(
            format!("{:#?}\n", decode_exercise_file(file).unwrap()),
            decoded,
            "{name}: read"
        );
    }
    let fragment = include_str!("fixtures/exercise-url-v1.fragment.txt");
    assert_eq!(
        encode_exercise_fragment(&url),
        fragment,
        "the link, written"
    );
    assert_eq!(
        decode_exercise_fragment(fragment),
        Some(Ok(url.clone())),
        "the link, read"
    );
    let mut submission = submission_for(&url, 5);
    let file = include_str!("fixtures/submission-v1.json");
    assert_eq!(encode_submission(&submission), file, "an answer, written");
    assert_eq!(
        format!("{:#?}\n", decode_submission(file, &url).unwrap()),
        include_str!("fixtures/submission-v1.decoded.txt"),
        "an answer, read"
    );
    submission.display_name = None;
    let anonymous = include_str!("fixtures/submission-anonymous-v1.json");
    assert_eq!(
        encode_submission(&submission),
        anonymous,
        "an anonymous answer, written"
    );
    assert_eq!(
        decode_submission(anonymous, &url),
        Ok(submission),
        "an anonymous answer, read"
    );
}
