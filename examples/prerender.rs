//! Prerenders an article into a page at build time, so the article paints as fast as a static
//! page of it, before any WebAssembly has run (issue 12).
//!
//! The widget is rendered with Yew's server renderer, the same components the browser runs,
//! into a declarative shadow root (`<template shadowrootmode="open">`) inside the page's
//! `<claim-annotator>` element, with the widget's stylesheet linked from a file (a strict CSP
//! allows `style-src 'self'`, not inline styles). When the widget starts in the browser it
//! renders its live copy hidden beside the prerendered one and swaps them in one frame
//! (`browser::prerendered_copy`), so the reader never sees the article disappear or twice.
//!
//! The copy follows the element's `lang` and `panel` attributes, as the live widget will
//! (`core::prerender_page`): a page with `lang="ar"` gets an Arabic, right-to-left copy, read
//! from `static/i18n/ar.json`. Without `lang`, or with one that has no table, the live widget
//! follows the reader's browser, which a build cannot know, so the copy is in English.
//!
//! Run: `cargo run --example prerender -- ARTICLE.txt PAGE.html OUT.html STYLES.css`
//! - ARTICLE.txt: the plain-text article the page's element shows;
//! - PAGE.html: a page whose `<claim-annotator>` element holds the comment
//!   `<!-- prerendered widget -->`, replaced by the prerendered widget;
//! - STYLES.css: where the widget's stylesheet is written, linked from the shadow root by
//!   its path relative to OUT.html.
//!   `scripts/build.sh` runs it for the demo pages (`dist/index.html`, `dist/arabic.html`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use claim_annotator::browser::prerendered_copy::PRERENDERED_ATTRIBUTE;
use claim_annotator::core::locale::Locale;
use claim_annotator::core::messages::language_code;
use claim_annotator::core::prerender_page::{
    article_mismatch, read_prerender_request, PRERENDER_MARKER,
};
use claim_annotator::ui::annotator::PanelPlacement;
use claim_annotator::ui::prerendered_widget::{PrerenderedWidget, PrerenderedWidgetProps};
use claim_annotator::ui::styles::WIDGET_STYLES;
use yew::ServerRenderer;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [article, page, out, styles] = arguments.as_slice() else {
        eprintln!("usage: prerender ARTICLE.txt PAGE.html OUT.html STYLES.css");
        std::process::exit(2);
    };
    if let Err(problem) = prerender(
        Path::new(article),
        Path::new(page),
        Path::new(out),
        Path::new(styles),
    ) {
        eprintln!("prerender: {problem}");
        std::process::exit(1);
    }
}

fn prerender(article: &Path, page: &Path, out: &Path, styles: &Path) -> Result<(), String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    let text = read(article)?;
    let page_html = read(page)?;
    let request = read_prerender_request(&page_html)
        .map_err(|problem| format!("{}: {problem}", page.display()))?;
    let file_name = article
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    if let Some(warning) = article_mismatch(&request, file_name) {
        eprintln!("prerender: warning: {}: {warning}", page.display());
    }
    let panel = PanelPlacement::from_choice(request.panel.as_deref())
        .map_err(|problem| format!("{}: {problem}", page.display()))?;
    let code = request
        .language
        .as_deref()
        .and_then(language_code)
        .unwrap_or("en");
    let widget = futures::executor::block_on(
        ServerRenderer::<PrerenderedWidget>::with_props(move || PrerenderedWidgetProps {
            locale: if code == "en" {
                Locale::english()
            } else {
                Locale::from_table_file(code)
            },
            text,
            panel,
        })
        .hydratable(false)
        .render(),
    );
    let stylesheet = relative_href(out, styles)?;
    let prerendered = format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{stylesheet}\" {PRERENDERED_ATTRIBUTE}=\"\"><div class=\"ca-mount\" {PRERENDERED_ATTRIBUTE}=\"\">{widget}</div></template>"
    );
    let marker_end = request.marker_at + PRERENDER_MARKER.len();
    let filled = format!(
        "{}{prerendered}{}",
        &page_html[..request.marker_at],
        &page_html[marker_end..]
    );
    std::fs::write(styles, WIDGET_STYLES)
        .map_err(|error| format!("cannot write {}: {error}", styles.display()))?;
    std::fs::write(out, filled).map_err(|error| format!("cannot write {}: {error}", out.display()))
}

/// `styles`' path as the page at `out` links it (both under one folder).
fn relative_href(out: &Path, styles: &Path) -> Result<String, String> {
    let folder = out.parent().unwrap_or(Path::new(""));
    styles
        .strip_prefix(folder)
        .map(|relative| relative.to_string_lossy().replace('\\', "/"))
        .map_err(|_| {
            format!(
                "{} must be in the folder of {}",
                styles.display(),
                out.display()
            )
        })
}
