//! A source check (tests only): Yew's hooks that are generic over a component's own types are
//! called in one module each, so the wasm holds one copy of their machinery, not one per type
//! (`effect_when_changed` for effects, `component_state` for state).

use std::path::{Path, PathBuf};

/// Each module that may call Yew's generic hooks, and the hooks only it may call.
const ONE_CALLER_EACH: [(&str, &[&str]); 2] = [
    ("effect_when_changed.rs", &["use_effect_with", "use_effect"]),
    (
        "component_state.rs",
        &["use_state", "use_state_eq", "use_reducer", "use_reducer_eq"],
    ),
];

/// Whether `text` calls `hook` (as a whole name: `use_component_state(` is not `use_state(`).
fn calls(text: &str, hook: &str) -> bool {
    let call = format!("{hook}(");
    text.match_indices(&call).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|before| before.is_alphanumeric() || before == '_')
    })
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_check_tells_a_call_from_a_longer_name() {
    let cases = [
        ("a call", "let a = use_state(|| 0);", "use_state", true),
        ("a path call", "yew::use_state(|| 0)", "use_state", true),
        (
            "a longer name",
            "use_component_state(|| 0)",
            "use_state",
            false,
        ),
        (
            "named in a comment",
            "Yew's `use_state` is generic",
            "use_state",
            false,
        ),
        ("the eq form", "use_reducer_eq(init)", "use_reducer", false),
    ];
    for (name, text, hook, expected) in cases {
        assert_eq!(calls(text, hook), expected, "{name}");
    }
}

/// A direct call elsewhere brings back its own copy of Yew's machinery into the wasm.
#[test]
fn yews_generic_hooks_are_called_only_in_their_one_module() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&source, &mut files);
    assert!(files.len() > 50, "the walk found the source files");
    let this_check = source.join("ui").join("generic_hook_calls.rs");
    let mut offenders = Vec::new();
    for (module, hooks) in ONE_CALLER_EACH {
        let allowed = source.join("ui").join(module);
        for path in files
            .iter()
            .filter(|path| **path != allowed && **path != this_check)
        {
            let text = std::fs::read_to_string(path).expect("a readable file");
            for hook in hooks.iter().filter(|hook| calls(&text, hook)) {
                offenders.push(format!("{} calls {hook}", path.display()));
            }
        }
    }
    assert_eq!(offenders, Vec::<String>::new());
}
