//! In a real browser: localStorage save and load, and every way storage can fail.
#![cfg(target_arch = "wasm32")]

use claim_annotator::browser::local_store::{self, StorageProblem};
use js_sys::JsString;
use wasm_bindgen_test::*;

#[path = "support/page_scripts.rs"]
mod page_scripts;
use page_scripts::run_js;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn saves_and_loads() {
    let key = local_store::annotations_key("browser-test-save");
    local_store::write(&key, "{\"v\":1,\"text\":\"نص 😀\"}").unwrap();
    assert_eq!(
        local_store::read(&key).unwrap().as_deref(),
        Some("{\"v\":1,\"text\":\"نص 😀\"}")
    );
    assert_eq!(
        local_store::read(&local_store::annotations_key("never-written")).unwrap(),
        None
    );
    assert!(key.starts_with(local_store::STORAGE_KEY_PREFIX));
}

/// A save tells whether anyone wrote since its last write by comparing, in JavaScript, the
/// string storage holds with the one it wrote: equal exactly when the text is the same.
#[wasm_bindgen_test]
fn values_kept_as_javascript_strings() {
    let key = local_store::annotations_key("browser-test-text");
    let text = "{\"v\":3,\"exact\":\"\u{201c}they said\u{201d} \u{1f600}\"}";
    let written = JsString::from(text);
    local_store::write_text(&key, &written).unwrap();
    let cases: [(&str, &str, bool); 3] = [
        ("nobody wrote since", "", true),
        (
            "another tab wrote other claims",
            "localStorage.setItem('claim-annotator:annotations:browser-test-text', '{\"v\":3}');",
            false,
        ),
        (
            "another tab wrote the same text",
            "localStorage.setItem('claim-annotator:annotations:browser-test-text', '{\"v\":3,\"exact\":\"\\u201cthey said\\u201d \\ud83d\\ude00\"}');",
            true,
        ),
    ];
    for (name, other_write, same) in cases {
        run_js(other_write);
        let stored = local_store::read_text(&key).unwrap();
        assert_eq!(stored.as_ref() == Some(&written), same, "{name}");
    }
    assert_eq!(local_store::read(&key).unwrap().as_deref(), Some(text));
    assert_eq!(
        local_store::read_text(&local_store::annotations_key("never-written")).unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn storage_that_throws() {
    struct Case {
        name: &'static str,
        break_storage: &'static str,
        expected: fn(&StorageProblem) -> bool,
    }
    let cases = [
        Case {
            name: "full storage",
            break_storage: "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
            expected: |problem| *problem == StorageProblem::Full,
        },
        Case {
            name: "a setItem that throws something else",
            break_storage: "Storage.prototype.setItem = function () { throw new Error('disk on fire'); };",
            expected: |problem| *problem == StorageProblem::Failed("disk on fire".into()),
        },
        Case {
            name: "blocked storage (sandboxed iframe, privacy mode)",
            break_storage: "Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });",
            expected: |problem| matches!(problem, StorageProblem::Blocked(detail) if detail.contains("denied")),
        },
    ];
    run_js("window.__originalSetItem = Storage.prototype.setItem; window.__originalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');");
    for case in cases {
        run_js(case.break_storage);
        let result = local_store::write(&local_store::annotations_key("browser-test-broken"), "x");
        run_js("Storage.prototype.setItem = window.__originalSetItem; if (window.__originalStorage) Object.defineProperty(window, 'localStorage', window.__originalStorage); else delete window.localStorage;");
        let problem = result.expect_err(case.name);
        assert!((case.expected)(&problem), "{}: got {problem:?}", case.name);
        assert!(!problem
            .message(&claim_annotator::core::locale::Locale::english())
            .is_empty());
    }
    local_store::write(&local_store::annotations_key("browser-test-after"), "ok")
        .expect("storage works again after the cases");
}
