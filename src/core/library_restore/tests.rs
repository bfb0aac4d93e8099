use super::*;
use crate::core::annotation::Annotation;
use crate::core::article_key::article_key_for_text;
use crate::core::library::{decode_backup, encode_backup, ArticleOrigin};
use crate::core::merge::Tombstone;
use crate::core::tag::Tag;

const LETTER: &str = "UN experts say the law breaches international obligations.\n\nOfficials said the claims were groundless.\n\nRights groups demand a probe.";
const ARABIC: &str = "قال المتحدث إن الادعاء كاذب.\n\nوطالبت المنظمات بتحقيق 😀.";
const NOW: i64 = 1_800_000_000_000;

/// What this browser holds, as the tests simulate it.
#[derive(Clone, Default)]
struct Browser {
    articles: Vec<LibraryArticle>,
    raw_articles: BTreeMap<String, String>,
    claims: BTreeMap<String, String>,
    backups: Vec<(String, String)>,
}

impl Browser {
    /// Writes what the plan says, as the UI does.
    fn apply(&mut self, plan: &RestorePlan) {
        self.backups.extend(plan.back_up.iter().cloned());
        self.articles.extend(plan.add_articles.iter().cloned());
        self.raw_articles
            .extend(plan.add_raw_articles.iter().cloned());
        self.claims.extend(plan.write_claims.iter().cloned());
    }

    fn plan(&self, file: &str) -> RestorePlan {
        let backup = decode_backup(file).expect("the file reads");
        let unreadable: BTreeSet<String> = self.raw_articles.keys().cloned().collect();
        let backed_up: BTreeSet<String> = self.backups.iter().map(|(_, raw)| raw.clone()).collect();
        plan_restore(
            &backup,
            &StoredLibrary {
                articles: &self.articles,
                unreadable_article_keys: &unreadable,
                claims: &self.claims,
                backed_up: &backed_up,
            },
            NOW,
        )
    }

    /// The claims stored for `key`, read in `text`, as `(id, tag, exact, start)`.
    fn claims_of(&self, key: &str, text: &str) -> Vec<(String, String, String, usize)> {
        let raw = self.claims.get(key).expect("claims are stored");
        let decoded = decode_annotations(raw, &SourceText::new(text)).expect("they read");
        decoded
            .snapshot
            .annotations
            .iter()
            .map(|claim| {
                (
                    claim.id.clone(),
                    claim.tag.keyword().to_string(),
                    claim.quote.exact.clone(),
                    claim.range.start,
                )
            })
            .collect()
    }
}

fn article(text: &str, title: &str) -> LibraryArticle {
    LibraryArticle {
        key: article_key_for_text(text),
        title: title.into(),
        origin: ArticleOrigin::Pasted,
        text: text.into(),
        added_ms: 1,
        opened_ms: 2,
    }
}

fn claim(text: &str, quote: &str, tag: Tag, id: &str, modified_ms: i64) -> Annotation {
    let source = SourceText::new(text);
    let mut claim = Annotation::describe(&source, source.find_range(quote, 0), tag, id.into(), 1);
    claim.modified_ms = modified_ms;
    claim
}

fn claims_value(key: &str, claims: Vec<Annotation>, tombstones: Vec<Tombstone>) -> String {
    let mut snapshot = Snapshot {
        annotations: claims,
        tombstones,
    };
    sort_in_reading_order(&mut snapshot.annotations);
    encode_annotations(key, &snapshot)
}

struct Case {
    name: &'static str,
    before: Browser,
    file: String,
    expected: RestoreSummary,
    /// Checks what the browser holds after the plan was applied.
    after: fn(&str, &Browser),
}

/// Plans and applies the file, checks the summary and the result, then imports the same file
/// again: the second time nothing is written.
fn check(case: Case) {
    let name = case.name;
    let mut browser = case.before;
    let plan = browser.plan(&case.file);
    assert_eq!(plan.summary, case.expected, "{name}: summary");
    browser.apply(&plan);
    (case.after)(name, &browser);
    let again = browser.plan(&case.file);
    assert_eq!(
        (
            again.back_up.len(),
            again.add_articles.len(),
            again.add_raw_articles.len(),
            again.write_claims.len()
        ),
        (0, 0, 0, 0),
        "{name}: importing the same file again writes nothing: {again:?}"
    );
}

fn letter_file(
    extra_claims: Vec<(String, String)>,
    unreadable_articles: Vec<(String, String)>,
) -> String {
    let letter = article(LETTER, "Experts alarmed");
    let arabic = article(ARABIC, "");
    let mut claims = vec![
        (
            letter.key.clone(),
            claims_value(
                &letter.key,
                vec![
                    claim(LETTER, "groundless", Tag::Denial, "l-1", 10),
                    claim(LETTER, "demand a probe", Tag::Demand, "l-2", 10),
                ],
                vec![],
            ),
        ),
        (
            arabic.key.clone(),
            claims_value(
                &arabic.key,
                vec![claim(ARABIC, "الادعاء كاذب", Tag::Allegation, "a-1", 10)],
                vec![],
            ),
        ),
    ];
    claims.extend(extra_claims);
    encode_backup(&[letter, arabic], &unreadable_articles, &claims, NOW - 5)
}

#[test]
fn a_backup_restores_into_any_browser_and_only_ever_adds() {
    let letter = article(LETTER, "Experts alarmed");
    let news_claims = r#"{"v":3,"article":"id-news","annotations":[{"id":"n-1","tag":"demand","exact":"a special session","prefix":"to host ","suffix":" on China","start":120,"end":137,"created":1,"modified":2}]}"#;
    let cases = [
        Case {
            name: "an empty browser gets everything: articles, claims, another page's claims, the unreadable kept aside",
            before: Browser::default(),
            file: letter_file(
                vec![
                    ("id-news".into(), news_claims.into()),
                    ("id-damaged".into(), "{\"v\":3,\"annotations\":[{\"id\":".into()),
                ],
                vec![("text-fnv1a64-0000000000000009".into(), r#"{"v":7,"pages":[]}"#.into())],
            ),
            expected: RestoreSummary { articles_added: 2, articles_present: 0, claims_added: 4, kept_aside: 1 },
            after: |name, browser| {
                assert_eq!(browser.articles.len(), 2, "{name}");
                assert_eq!(browser.claims.len(), 3, "{name}: the two articles' claims and the news page's");
                let json = |raw: &str| serde_json::from_str::<serde_json::Value>(raw).expect("JSON");
                assert_eq!(json(&browser.claims["id-news"]), json(r#"{"v":3,"article":"id-news","annotations":[{"id":"n-1","tag":"demand","exact":"a special session","prefix":"to host ","suffix":" on China","start":120,"end":137,"created":1,"modified":2}]}"#), "{name}: the same value as exported");
                assert_eq!(browser.backups, [("id-damaged".to_string(), "{\"v\":3,\"annotations\":[{\"id\":".to_string())], "{name}");
                assert_eq!(browser.raw_articles.len(), 1, "{name}: the unreadable article is written back as it was");
            },
        },
        Case {
            name: "claims are merged with those stored: the newer edit wins, claims of both are kept",
            before: Browser {
                articles: vec![letter.clone()],
                claims: [(letter.key.clone(), claims_value(&letter.key, vec![
                    // Retagged here after the backup was made: this edit is newer.
                    claim(LETTER, "groundless", Tag::Allegation, "l-1", 20),
                    claim(LETTER, "UN experts", Tag::Allegation, "mine", 20),
                ], vec![]))].into_iter().collect(),
                ..Browser::default()
            },
            file: letter_file(vec![], vec![]),
            expected: RestoreSummary { articles_added: 1, articles_present: 1, claims_added: 2, kept_aside: 0 },
            after: |name, browser| {
                let key = article_key_for_text(LETTER);
                assert_eq!(
                    browser.claims_of(&key, LETTER),
                    [
                        ("mine".to_string(), "allegation".to_string(), "UN experts".to_string(), 0),
                        ("l-1".to_string(), "allegation".to_string(), "groundless".to_string(), 91),
                        ("l-2".to_string(), "demand".to_string(), "demand a probe".to_string(), 118),
                    ],
                    "{name}"
                );
                assert_eq!(browser.articles.iter().filter(|article| article.key == key).count(), 1, "{name}: not added twice");
            },
        },
        Case {
            name: "a claim deleted here after the backup stays deleted",
            before: Browser {
                articles: vec![letter.clone()],
                claims: [(letter.key.clone(), claims_value(&letter.key, vec![
                    claim(LETTER, "demand a probe", Tag::Demand, "l-2", 10),
                ], vec![Tombstone { id: "l-1".into(), deleted_ms: NOW - 1000 }]))].into_iter().collect(),
                ..Browser::default()
            },
            file: letter_file(vec![], vec![]),
            expected: RestoreSummary { articles_added: 1, articles_present: 1, claims_added: 1, kept_aside: 0 },
            after: |name, browser| {
                let key = article_key_for_text(LETTER);
                let ids: Vec<String> = browser.claims_of(&key, LETTER).into_iter().map(|claim| claim.0).collect();
                assert_eq!(ids, ["l-2"], "{name}");
            },
        },
        Case {
            name: "stored claims that cannot be read are kept aside before the backup's are written",
            before: Browser {
                articles: vec![letter.clone()],
                claims: [(letter.key.clone(), "{\"v\":3,\"annotations\":[".to_string())].into_iter().collect(),
                ..Browser::default()
            },
            file: letter_file(vec![], vec![]),
            expected: RestoreSummary { articles_added: 1, articles_present: 1, claims_added: 3, kept_aside: 1 },
            after: |name, browser| {
                assert_eq!(browser.backups, [(article_key_for_text(LETTER), "{\"v\":3,\"annotations\":[".to_string())], "{name}");
                assert_eq!(browser.claims_of(&article_key_for_text(LETTER), LETTER).len(), 2, "{name}");
            },
        },
        Case {
            name: "an article this version cannot read is never overwritten by the backup's",
            before: Browser {
                raw_articles: [(article_key_for_text(LETTER), r#"{"v":5}"#.to_string())].into_iter().collect(),
                ..Browser::default()
            },
            file: letter_file(vec![], vec![(article_key_for_text(ARABIC), r#"{"v":5}"#.into())]),
            expected: RestoreSummary { articles_added: 1, articles_present: 1, claims_added: 3, kept_aside: 0 },
            after: |name, browser| {
                assert_eq!(browser.raw_articles[&article_key_for_text(LETTER)], r#"{"v":5}"#, "{name}");
                assert_eq!(browser.articles.iter().map(|article| article.key.clone()).collect::<Vec<_>>(), [article_key_for_text(ARABIC)], "{name}: the readable copy wins over the file's unreadable one");
            },
        },
        Case {
            name: "claims of a page whose text is nowhere are merged unanchored, keeping quotes and places",
            before: Browser {
                claims: [("id-news".to_string(), r#"{"v":3,"article":"id-news","annotations":[{"id":"n-2","tag":"denial","exact":"not worth refuting","start":300,"end":318,"created":1,"modified":2}]}"#.to_string())].into_iter().collect(),
                ..Browser::default()
            },
            file: letter_file(vec![("id-news".into(), news_claims.into())], vec![]),
            expected: RestoreSummary { articles_added: 2, articles_present: 0, claims_added: 4, kept_aside: 0 },
            after: |name, browser| {
                assert_eq!(
                    browser.claims_of("id-news", ""),
                    [
                        ("n-1".to_string(), "demand".to_string(), "a special session".to_string(), 120),
                        ("n-2".to_string(), "denial".to_string(), "not worth refuting".to_string(), 300),
                    ],
                    "{name}"
                );
            },
        },
    ];
    for case in cases {
        check(case);
    }
}
