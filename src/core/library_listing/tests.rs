use super::*;
use crate::core::library::ArticleOrigin;

struct Case {
    name: &'static str,
    /// The stored claims value, if any.
    stored: Option<&'static str>,
    /// `(tag keyword, count)` in the order listed.
    per_tag: &'static [(&'static str, usize)],
    last_edit_ms: Option<i64>,
    readable: bool,
}

fn check(case: Case) {
    let tally = tally_claims(case.stored);
    let per_tag: Vec<(&str, usize)> = tally
        .per_tag
        .iter()
        .map(|(tag, count)| (tag.keyword(), *count))
        .collect();
    assert_eq!(per_tag, case.per_tag, "{}: per tag", case.name);
    assert_eq!(
        tally.last_edit_ms, case.last_edit_ms,
        "{}: last edit",
        case.name
    );
    assert_eq!(tally.readable, case.readable, "{}: readable", case.name);
    assert_eq!(
        tally.total(),
        case.per_tag.iter().map(|(_, count)| count).sum::<usize>(),
        "{}: total",
        case.name
    );
}

const NONE: &[(&str, usize)] = &[("allegation", 0), ("denial", 0), ("demand", 0)];

#[test]
fn claims_are_counted_per_tag_without_anchoring() {
    let cases = [
        Case {
            name: "nothing stored",
            stored: None,
            per_tag: NONE,
            last_edit_ms: None,
            readable: true,
        },
        Case {
            name: "two allegations and a denial; the latest edit or deletion",
            stored: Some(
                r#"{"v":3,"article":"k","annotations":[
                {"id":"a","tag":"allegation","exact":"x","start":0,"end":1,"created":1,"modified":5},
                {"id":"b","tag":"Allegation","exact":"y","start":2,"end":3,"created":1,"modified":9},
                {"id":"c","tag":"denial","exact":"z","start":4,"end":5,"created":1,"modified":7}],
                "deleted":[{"id":"d","at":8}]}"#,
            ),
            per_tag: &[("allegation", 2), ("denial", 1), ("demand", 0)],
            last_edit_ms: Some(9),
            readable: true,
        },
        Case {
            name: "a deletion after every edit is the last edit",
            stored: Some(
                r#"{"v":3,"article":"k","annotations":[],"deleted":[{"id":"d","at":12}]}"#,
            ),
            per_tag: NONE,
            last_edit_ms: Some(12),
            readable: true,
        },
        Case {
            name: "tags from elsewhere follow the three, by name; a version 1 value counts too",
            stored: Some(
                r#"{"v":1,"article":"k","annotations":[
                {"id":"a","tag":"rumour","exact":"x","start":0,"end":1,"created":1,"modified":2},
                {"id":"b","tag":"demand","exact":"x","start":0,"end":1,"created":1,"modified":3},
                {"id":"c","tag":"Evidence","exact":"x","start":0,"end":1,"created":1,"modified":4}]}"#,
            ),
            per_tag: &[
                ("allegation", 0),
                ("denial", 0),
                ("demand", 1),
                ("Evidence", 1),
                ("rumour", 1),
            ],
            last_edit_ms: Some(4),
            readable: true,
        },
        Case {
            name: "an entry without a tag is not counted (the annotator keeps and reports it)",
            stored: Some(
                r#"{"v":3,"article":"k","annotations":[{"id":"a"},{"id":"b","tag":"denial","modified":3}]}"#,
            ),
            per_tag: &[("allegation", 0), ("denial", 1), ("demand", 0)],
            last_edit_ms: Some(3),
            readable: true,
        },
        Case {
            name: "damaged JSON is unreadable, not empty",
            stored: Some("{\"v\":3,\"annotations\":["),
            per_tag: NONE,
            last_edit_ms: None,
            readable: false,
        },
        Case {
            name: "no list of annotations",
            stored: Some(r#"{"v":9,"claims":{}}"#),
            per_tag: NONE,
            last_edit_ms: None,
            readable: false,
        },
    ];
    for case in cases {
        check(case);
    }
}

fn article(key: &str, title: &str, text: &str, added_ms: i64, opened_ms: i64) -> LibraryArticle {
    LibraryArticle {
        key: key.into(),
        title: title.into(),
        origin: ArticleOrigin::Pasted,
        text: text.into(),
        added_ms,
        opened_ms,
    }
}

#[test]
fn entries_are_listed_in_the_library_order_with_what_they_use() {
    let articles = [
        article("old", "Older", "Ünïcödé text.", 100, 100),
        article("new", "", "", 200, 300),
    ];
    let claims: BTreeMap<String, String> = [
        (
            "old".to_string(),
            r#"{"v":3,"article":"old","annotations":[{"id":"a","tag":"denial","modified":150}]}"#
                .to_string(),
        ),
        (
            "elsewhere".to_string(),
            r#"{"v":3,"article":"elsewhere","annotations":[]}"#.to_string(),
        ),
    ]
    .into_iter()
    .collect();
    let (entries, usage) = library_entries(&articles, &claims, "Untitled", |ms| {
        if ms < 160 {
            60
        } else {
            120
        }
    });
    let rows: Vec<(&str, &str, usize, i64, i32, usize)> = entries
        .iter()
        .map(|entry| {
            (
                entry.summary.key.as_str(),
                entry.summary.title.as_str(),
                entry.tally.total(),
                entry.last_edit_ms,
                entry.last_edit_offset_minutes,
                entry.text_bytes,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("new", "Untitled", 0, 200, 120, 0),
            ("old", "Older", 1, 150, 60, "Ünïcödé text.".len()),
        ],
        "most recently opened first; last edit is the latest claim edit, else when it was added"
    );
    assert_eq!(
        usage,
        StorageUse {
            articles: 2,
            text_bytes: "Ünïcödé text.".len(),
            claims_bytes: claims["old"].len(),
        },
        "claims of articles outside the library are not the library's"
    );
    assert_eq!(usage.total_bytes(), usage.text_bytes + usage.claims_bytes);
}

/// An article added after its claims were made (its claims imported first, say) does not
/// show a "last edit" before it was added.
#[test]
fn the_last_edit_is_never_before_the_article_was_added() {
    let articles = [article("k", "T", "x", 500, 500)];
    let claims: BTreeMap<String, String> = [(
        "k".to_string(),
        r#"{"v":3,"article":"k","annotations":[{"id":"a","tag":"denial","modified":100}]}"#
            .to_string(),
    )]
    .into_iter()
    .collect();
    let (entries, _) = library_entries(&articles, &claims, "Untitled", |_| 0);
    assert_eq!(entries[0].last_edit_ms, 500);
}
