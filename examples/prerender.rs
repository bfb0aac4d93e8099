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
//! Run: `cargo run --example prerender -- ARTICLE.txt PAGE.html OUT.html STYLES.css`
//! - ARTICLE.txt: the plain-text article the page's element shows;
//! - PAGE.html: a page whose `<claim-annotator>` element holds the comment
//!   `<!-- prerendered widget -->`, replaced by the prerendered widget;
//! - STYLES.css: where the widget's stylesheet is written, linked from the shadow root by
//!   its path relative to OUT.html.
//!   `scripts/build.sh` runs it for the demo page (`dist/index.html`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use claim_annotator::browser::prerendered_copy::PRERENDERED_ATTRIBUTE;
use claim_annotator::ui::styles::WIDGET_STYLES;
use claim_annotator::ui::widget::{ArticleSource, ClaimAnnotatorWidget, WidgetProps};
use yew::ServerRenderer;

/// What a page puts inside its `<claim-annotator>` element to have the widget prerendered.
const MARKER: &str = "<!-- prerendered widget -->";

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
    if page_html.matches(MARKER).count() != 1 {
        return Err(format!(
            "{} must hold {MARKER} exactly once",
            page.display()
        ));
    }
    let widget = futures::executor::block_on(
        ServerRenderer::<ClaimAnnotatorWidget>::with_props(move || WidgetProps {
            language: Some("en".into()),
            ..WidgetProps::new(ArticleSource::Text(text))
        })
        .hydratable(false)
        .render(),
    );
    let stylesheet = relative_href(out, styles)?;
    let prerendered = format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{stylesheet}\" {PRERENDERED_ATTRIBUTE}=\"\"><div class=\"ca-mount\" {PRERENDERED_ATTRIBUTE}=\"\">{widget}</div></template>"
    );
    std::fs::write(styles, WIDGET_STYLES)
        .map_err(|error| format!("cannot write {}: {error}", styles.display()))?;
    std::fs::write(out, page_html.replace(MARKER, &prerendered))
        .map_err(|error| format!("cannot write {}: {error}", out.display()))
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
