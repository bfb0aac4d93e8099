//! Lists the interface languages: one per table in `static/i18n/`, so adding a language is
//! adding one file. Writes `language_codes.rs` (a sorted `&[&str]` of codes) for
//! `core::messages`.
use std::{env, fs, path::Path};

fn main() {
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
}
