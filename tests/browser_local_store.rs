//! In a real browser: localStorage save and load, and every way storage can fail.
#![cfg(target_arch = "wasm32")]

use claim_annotator::browser::local_store::{self, StorageProblem};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn run_js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("script runs");
}

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
