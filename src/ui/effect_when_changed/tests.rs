use super::*;

fn check(name: &str, first: EffectDeps, second: EffectDeps, equal: bool) {
    assert_eq!(first == second, equal, "{name}");
}

/// The comparison that decides whether an effect runs again: by value, and never equal across
/// types (a `u32` 1 is not a `u64` 1, though both print the same).
#[test]
fn dependencies_compare_by_value_within_one_type() {
    let cases = [
        (
            "unit with unit",
            EffectDeps::new(()),
            EffectDeps::new(()),
            true,
        ),
        (
            "the same text",
            EffectDeps::new(String::from("a")),
            EffectDeps::new(String::from("a")),
            true,
        ),
        (
            "other text",
            EffectDeps::new(String::from("a")),
            EffectDeps::new(String::from("b")),
            false,
        ),
        (
            "the same pair",
            EffectDeps::new((1u64, true)),
            EffectDeps::new((1u64, true)),
            true,
        ),
        (
            "a pair that differs in its second",
            EffectDeps::new((1u64, true)),
            EffectDeps::new((1u64, false)),
            false,
        ),
        (
            "one number in two types",
            EffectDeps::new(1u32),
            EffectDeps::new(1u64),
            false,
        ),
        (
            "nothing, of the same type",
            EffectDeps::new(None::<String>),
            EffectDeps::new(None::<String>),
            true,
        ),
    ];
    for (name, first, second, equal) in cases {
        check(name, first, second, equal);
    }
}

/// Every effect goes through this module: a direct `use_effect_with` (or `use_effect`) brings
/// back its own copy of Yew's effect machinery into the wasm.
#[test]
fn no_component_calls_yews_generic_effect_hooks() {
    fn rust_files(folder: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(folder).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&source, &mut files);
    let this_module = source.join("ui").join("effect_when_changed.rs");
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| **path != this_module)
        .filter(|path| {
            let text = std::fs::read_to_string(path).expect("a readable file");
            text.contains(concat!("use_effect", "_with("))
                || text.contains(concat!("use_effect", "("))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(files.len() > 50, "the walk found the source files");
    assert_eq!(offenders, Vec::<String>::new());
}
