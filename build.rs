//! Lists the interface languages: one per table in `static/i18n/`, so adding a language is
//! adding one file. Writes `language_codes.rs` (a sorted `&[&str]` of codes) for
//! `core::messages`, and `en-widget.json`: the English values of the keys that
//! `src/core/messages/message_keys.rs` does not mark `#[app]`, in its order, built into the
//! widget a news page embeds.
use std::{env, fs, path::Path};

fn main() {
    // `app_pages`: this build has the widget's own pages (the library, the classroom), their
    // core modules and their strings. Every build but the widget a news page embeds (a wasm
    // build without the `app` feature) does; native builds have it so `cargo test` covers them.
    println!("cargo::rustc-check-cfg=cfg(app_pages)");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if env::var_os("CARGO_FEATURE_APP").is_some() || !wasm {
        println!("cargo::rustc-cfg=app_pages");
    }
    let folder = Path::new("static/i18n");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut codes: Vec<String> = fs::read_dir(folder)
        .expect("static/i18n holds the language tables")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    codes.sort();
    for code in &codes {
        assert!(
            code.len() >= 2 && code.chars().all(|c| c.is_ascii_lowercase()),
            "static/i18n/{code}.json: name a table by a lower-case BCP 47 primary code, such as de.json"
        );
        println!("cargo:rerun-if-changed={}/{code}.json", folder.display());
    }
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("language_codes.rs");
    fs::write(
        &out,
        format!("pub const LANGUAGE_CODES: &[&str] = &{codes:?};\n"),
    )
    .expect("OUT_DIR is writable");
    write_widget_english(&out.with_file_name("en-widget.json"));
}

/// Writes the English of every key of `src/core/messages/message_keys.rs` that is not marked
/// `#[app]`, as a JSON array of the values alone, in the order of that list (the widget has the
/// keys' names already, in its list of fields). `static/i18n/en.json` is written one key per
/// line at an indent of two spaces (a plural's forms and the key help's pairs are indented
/// further, and closed at two spaces), so each entry is the lines from its key to the next.
/// `core::messages`' tests parse what this writes.
fn write_widget_english(out: &Path) {
    let keys = Path::new("src/core/messages/message_keys.rs");
    println!("cargo:rerun-if-changed={}", keys.display());
    let list = fs::read_to_string(keys).expect("the list of message keys");
    let list_start = list
        .find("define_messages! {")
        .expect("message_keys.rs declares the keys with define_messages!");
    let widget_keys: Vec<&str> = list[list_start..]
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.starts_with("#[app]") && line.ends_with(','))
        .filter_map(|line| line.split(':').next())
        .collect();
    let english = fs::read_to_string("static/i18n/en.json").expect("the English table");
    let mut entries: Vec<Vec<&str>> = Vec::new();
    for line in english.lines() {
        if line.starts_with("  \"") {
            entries.push(vec![line]);
        } else if line.starts_with("  ") {
            entries
                .last_mut()
                .expect("a key before its value")
                .push(line);
        }
    }
    let values: Vec<String> = widget_keys
        .iter()
        .map(|key| {
            let prefix = format!("  \"{key}\": ");
            let entry = entries
                .iter()
                .find(|entry| entry[0].starts_with(&prefix))
                .unwrap_or_else(|| panic!("static/i18n/en.json has no key `{key}`"));
            let text = entry.join("\n");
            text[prefix.len()..].trim_end_matches(',').to_string()
        })
        .collect();
    fs::write(out, format!("[\n{}\n]\n", values.join(",\n"))).expect("OUT_DIR is writable");
}
