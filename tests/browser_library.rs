//! In a real browser: the library's texts in IndexedDB (and every way it can fail), a saved
//! news page parsed without running anything in it, and the storage estimate.
#![cfg(target_arch = "wasm32")]

use claim_annotator::browser::html_document::parse_html_inertly;
use claim_annotator::browser::indexed_db::{self, DbProblem};
use claim_annotator::browser::storage_estimate::{persisted, storage_estimate};
use claim_annotator::core::html_article::{extract_html_article, ExtractedBlockKind, HtmlNode};
use claim_annotator::core::library::{
    decode_library_article, encode_library_article, ArticleOrigin, LibraryArticle,
};
use claim_annotator::core::locale::Locale;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[path = "support/page_scripts.rs"]
mod page_scripts;
use page_scripts::run_js;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `body`, which returns a promise, and waits for it.
async fn await_js(body: &str) -> Result<JsValue, JsValue> {
    JsFuture::from(js_sys::Promise::from(run_js(body))).await
}

/// A key prefix no earlier run used, so a run never reads another run's articles.
fn run_prefix() -> String {
    format!(
        "browser-test-{}-{}-",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}

fn article(key: &str, text: &str, opened_ms: i64) -> LibraryArticle {
    LibraryArticle {
        key: key.into(),
        title: "Hong Kong: UN experts alarmed".into(),
        origin: ArticleOrigin::Web {
            url: "https://example.org/hk-letter.html".into(),
        },
        text: text.into(),
        added_ms: 1_700_000_000_000,
        opened_ms,
    }
}

async fn ours(db: &indexed_db::LibraryDb, prefix: &str) -> Vec<LibraryArticle> {
    db.all()
        .await
        .expect("lists")
        .into_iter()
        .filter(|(key, _)| key.starts_with(prefix))
        .map(|(key, value)| {
            let article = decode_library_article(&value).expect("decodes");
            assert_eq!(article.key, key);
            article
        })
        .collect()
}

#[wasm_bindgen_test]
async fn articles_are_put_got_listed_deleted_and_cleared() {
    let prefix = run_prefix();
    let db = indexed_db::open().await.expect("opens");
    let first = article(
        &format!("{prefix}b"),
        "Officials said the claims were groundless. 人权 😀 حقوق",
        10,
    );
    // Articles can be large: 4 MB of text, more than localStorage holds for the whole site.
    let large = article(
        &format!("{prefix}a"),
        &"Rights groups demand a probe. ".repeat(140_000),
        20,
    );
    assert!(large.text.len() > 4_000_000);
    for article in [&first, &large] {
        db.put(&article.key, &encode_library_article(article))
            .await
            .expect("puts");
    }
    let got = db.get(&first.key).await.expect("gets").expect("is there");
    assert_eq!(decode_library_article(&got), Ok(first.clone()));
    assert_eq!(db.get(&format!("{prefix}never")).await, Ok(None));
    assert_eq!(ours(&db, &prefix).await, [large.clone(), first.clone()]);

    let reopened_first = article(&first.key, &first.text, 30);
    db.put(&first.key, &encode_library_article(&reopened_first))
        .await
        .expect("replaces");
    drop(db);
    let db = indexed_db::open().await.expect("opens again");
    assert_eq!(
        ours(&db, &prefix).await,
        [large.clone(), reopened_first],
        "kept across connections, the second put replaced the first"
    );

    db.delete(&first.key).await.expect("deletes");
    db.delete(&format!("{prefix}never"))
        .await
        .expect("deleting nothing is fine");
    assert_eq!(db.get(&first.key).await, Ok(None));
    assert_eq!(ours(&db, &prefix).await, [large]);

    db.clear().await.expect("clears");
    assert_eq!(db.all().await, Ok(Vec::new()));
}

#[wasm_bindgen_test]
async fn failures_become_problems() {
    struct Case {
        name: &'static str,
        break_it: &'static str,
        expected: fn(&DbProblem) -> bool,
        /// Whether the failure shows when opening; otherwise when putting.
        at_open: bool,
    }
    let cases = [
        Case {
            name: "IndexedDB refused (sandboxed frame, privacy mode)",
            break_it: "Object.defineProperty(window, 'indexedDB', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });",
            expected: |problem| matches!(problem, DbProblem::Unavailable(detail) if detail.contains("denied")),
            at_open: true,
        },
        Case {
            name: "no IndexedDB",
            break_it: "Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });",
            expected: |problem| matches!(problem, DbProblem::Unavailable(detail) if detail.contains("not available")),
            at_open: true,
        },
        Case {
            name: "opening fails (Firefox's private mode)",
            break_it: "IDBFactory.prototype.open = function () { throw new DOMException('no disk', 'InvalidStateError'); };",
            expected: |problem| matches!(problem, DbProblem::Unavailable(detail) if detail.contains("no disk")),
            at_open: true,
        },
        Case {
            name: "full storage",
            break_it: "IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };",
            expected: |problem| *problem == DbProblem::Full,
            at_open: false,
        },
        Case {
            name: "a put that throws something else",
            break_it: "IDBObjectStore.prototype.put = function () { throw new Error('disk on fire'); };",
            expected: |problem| *problem == DbProblem::Failed("disk on fire".into()),
            at_open: false,
        },
    ];
    run_js("window.__originals = { put: IDBObjectStore.prototype.put, open: IDBFactory.prototype.open, indexedDB: Object.getOwnPropertyDescriptor(window, 'indexedDB') };");
    let restore = "IDBObjectStore.prototype.put = window.__originals.put; IDBFactory.prototype.open = window.__originals.open; if (window.__originals.indexedDB) Object.defineProperty(window, 'indexedDB', window.__originals.indexedDB); else delete window.indexedDB;";
    let key = format!("{}broken", run_prefix());
    for case in cases {
        let db = if case.at_open {
            None
        } else {
            Some(indexed_db::open().await.expect(case.name))
        };
        run_js(case.break_it);
        let result = match &db {
            None => indexed_db::open().await.map(drop),
            Some(db) => db.put(&key, "x").await,
        };
        run_js(restore);
        let problem = result.expect_err(case.name);
        assert!((case.expected)(&problem), "{}: got {problem:?}", case.name);
        assert!(
            problem.message(&Locale::english()).contains("this tab"),
            "{}",
            case.name
        );
    }
    let db = indexed_db::open()
        .await
        .expect("IndexedDB works again after the cases");
    assert_eq!(db.get(&key).await, Ok(None), "no failed put wrote anything");
}

/// Another tab opens a newer version: this connection steps aside (so the other tab is not
/// blocked) and says why from then on; this version then refuses the newer database.
#[wasm_bindgen_test]
async fn a_newer_version_in_another_tab() {
    let db = indexed_db::open().await.expect("opens");
    let upgraded = await_js(
        "return new Promise((resolve, reject) => { const request = indexedDB.open('claim-annotator', 2); request.onsuccess = () => { request.result.close(); resolve('upgraded'); }; request.onblocked = () => resolve('blocked'); request.onerror = () => reject(request.error); });",
    )
    .await
    .expect("the newer version opens");
    assert_eq!(upgraded.as_string().as_deref(), Some("upgraded"));
    let closed = db.put("browser-test-after-upgrade", "x").await;
    assert!(
        matches!(&closed, Err(DbProblem::Unavailable(_))),
        "{closed:?}"
    );
    let newer = indexed_db::open().await.map(drop);
    assert!(
        matches!(&newer, Err(DbProblem::Unavailable(detail)) if detail.contains("newer version")),
        "{newer:?}"
    );
    drop(db);
    await_js("return new Promise((resolve, reject) => { const request = indexedDB.deleteDatabase('claim-annotator'); request.onsuccess = resolve; request.onerror = () => reject(request.error); });")
        .await
        .expect("the test database is deleted");
    let db = indexed_db::open().await.expect("a fresh database opens");
    assert_eq!(db.all().await, Ok(Vec::new()));
}

const SAVED_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<TITLE>UN experts alarmed by security law | The Daily</TITLE>
<script>window.hacked = 'script in head';</script>
<link rel="stylesheet" href="https://example.invalid/site.css">
</head>
<body onload="window.hacked = 'onload'">
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>UN experts alarmed by security law</h1>
  <p class="standfirst">A letter says the law breaches international obligations.</p>
  <!-- ad slot -->
  <P ONCLICK="window.hacked = 'click'">Officials said the claims were <b>groundless</b>.</P>
  <script>window.hacked = 'script in body';</script>
  <img src="https://example.invalid/photo.jpg" onerror="window.hacked = 'onerror'">
  <iframe src="javascript:parent.hacked = 'iframe'"></iframe>
  <p>Rights groups demand&nbsp;a probe.</p>
</article>
<footer>&copy; The Daily</footer>
</body></html>"#;

fn find<'a>(node: &'a HtmlNode, tag: &str) -> Option<&'a HtmlNode> {
    if node.tag() == Some(tag) {
        return Some(node);
    }
    node.children().iter().find_map(|child| find(child, tag))
}

#[wasm_bindgen_test]
async fn a_saved_page_is_parsed_without_running_anything() {
    run_js("delete window.hacked;");
    let page = parse_html_inertly(SAVED_PAGE).expect("parses");
    assert_eq!(page.tag(), Some("html"));
    assert_eq!(page.attribute("lang"), Some("en"));
    let article = find(&page, "article").expect("the article element");
    let elements: Vec<&HtmlNode> = article
        .children()
        .iter()
        .filter(|child| child.tag().is_some())
        .collect();
    let tags: Vec<&str> = elements
        .iter()
        .filter_map(|element| element.tag())
        .collect();
    assert_eq!(tags, ["h1", "p", "p", "script", "img", "iframe", "p"]);
    assert_eq!(
        elements[2].attribute("onclick"),
        Some("window.hacked = 'click'"),
        "an attribute, lowercase, never run"
    );
    assert!(
        !article
            .children()
            .iter()
            .any(|child| matches!(child, HtmlNode::Text(text) if text.contains("ad slot"))),
        "the comment is left out"
    );
    assert!(find(&page, "title").is_some(), "tags are lowercase");

    let extracted = extract_html_article(&page).expect("finds the story");
    assert_eq!(extracted.title, "UN experts alarmed by security law");
    let blocks: Vec<(ExtractedBlockKind, &str)> = extracted
        .blocks
        .iter()
        .map(|block| (block.kind, block.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            (
                ExtractedBlockKind::Standfirst,
                "A letter says the law breaches international obligations."
            ),
            (
                ExtractedBlockKind::Paragraph,
                "Officials said the claims were groundless."
            ),
            (
                ExtractedBlockKind::Paragraph,
                "Rights groups demand a probe."
            ),
        ]
    );

    // Give a loaded image's error event or a frame's script time to run, had anything loaded.
    await_js("return new Promise((resolve) => setTimeout(resolve, 300));")
        .await
        .expect("waits");
    assert!(
        run_js("return window.hacked;").is_undefined(),
        "nothing in the page ran"
    );
    // The control: the same image handler in a live document does run within that wait.
    run_js("document.createElement('div').innerHTML = '<img src=\"data:,\" onerror=\"window.hacked = 1\">';");
    await_js("return new Promise((resolve) => setTimeout(resolve, 300));")
        .await
        .expect("waits");
    assert_eq!(run_js("return window.hacked;").as_f64(), Some(1.0));
    run_js("delete window.hacked;");
}

#[wasm_bindgen_test]
async fn the_storage_estimate_is_within_the_quota() {
    let (usage, quota) = storage_estimate()
        .await
        .expect("Chromium estimates storage");
    assert!(usage <= quota, "{usage} <= {quota}");
    assert!(quota > 0);
    assert!(persisted().await.is_some(), "Chromium answers persisted()");
}
