//! The widget's CSS: a constructed stylesheet adopted by each widget's shadow root
//! ([`crate::browser::widget_stylesheet`]), and the `::highlight()` rules adopted by the
//! document to paint a story in place.
//!
//! Invariants:
//! - `WIDGET_STYLES` only ever applies inside the widget's shadow root, so it cannot restyle the
//!   host page; `.ca-root` resets every inherited property (`all: initial`), so the host's CSS
//!   cannot restyle the widget either. Hosts may choose fonts through the custom properties
//!   `--claim-annotator-font` (the article) and `--claim-annotator-ui-font` (the controls).
//! - `HIGHLIGHT_STYLES` holds nothing but `::highlight(ca-…)` rules.
//! - The layout follows the widget's own width (a container query), not the window's, so it
//!   fits a narrow article column as well as a full page.
//!
//! Tag colours: dark text (#1b1b1b) on each background is above 10:1 (WCAG AA needs 4.5:1), and
//! each tag also has a cue that is not colour: its underline style (solid, dashed, double) and,
//! in the own copy, its name written after the highlight.

pub const WIDGET_STYLES: &str = r#"
:host { display: block; }
.ca-root { all: initial; display: block; container-type: inline-size; position: relative; color: #1b1b1b; background: transparent; font: 16px/1.6 var(--claim-annotator-ui-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); text-align: start; }
.ca-root * { box-sizing: border-box; }
.ca-annotator { position: relative; }
.ca-article { font-family: var(--claim-annotator-font, Georgia, "Noto Serif", serif); font-size: 1.06em; }
.ca-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14rem, 20rem); gap: 2rem; align-items: start; }
@container (max-width: 46rem) { .ca-layout { grid-template-columns: minmax(0, 1fr); } }
.ca-article { max-width: 42rem; }
.ca-block { margin: 0 0 1em; white-space: pre-line; overflow-wrap: anywhere; content-visibility: auto; contain-intrinsic-size: auto 4em; }
.ca-standfirst { font-size: 1.2em; font-weight: 600; }
.ca-figure { margin: 0 0 1.2em; padding: .5em .75em; border-inline-start: 4px solid #6b6b6b; background: #f3f3f3; font-style: italic; }
.ca-figure figcaption::before { content: attr(data-ca-label) " "; font-style: normal; font-weight: 600; }
.ca-piece-credit { font-style: normal; color: #4a4a4a; }
.ca-subheading { font-size: 1.15em; margin-top: 1.5em; }
.ca-related { padding: .4em .75em; border: 1px solid #c8c8c8; border-radius: 4px; background: #fafafa; }
.ca-piece-label { font-weight: 700; letter-spacing: .03em; }
.ca-source-credit { color: #4a4a4a; font-size: .9em; }
.ca-highlight { color: #1b1b1b; padding: 0; cursor: pointer; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.ca-highlight:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 1px; }
.ca-tag-allegation { background: #ffd966; text-decoration-color: #7a4d00; text-decoration-style: solid; }
.ca-tag-denial { background: #b3dcff; text-decoration-color: #0b4f8a; text-decoration-style: dashed; }
.ca-tag-demand { background: #f5c2e7; text-decoration-color: #8a1a63; text-decoration-style: double; }
.ca-tag-other { background: #e4e4e4; text-decoration-color: #333333; text-decoration-style: dotted; }
.ca-highlight-layered { box-shadow: inset 0 -0.35em 0 rgba(0,0,0,.14); }
.ca-highlight-end::after { content: " " attr(data-ca-end-labels); font-size: .68em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: #1b1b1b; vertical-align: super; line-height: 0; }
.ca-highlight-review { background-image: repeating-linear-gradient(135deg, transparent 0 5px, rgba(0,0,0,.16) 5px 7px); }
.ca-review-item { border-top: 1px solid #e0e0e0; padding: .45em 0; }
.ca-review-actions { display: flex; flex-wrap: wrap; gap: .3em; }
.ca-review-actions button { font: inherit; font-size: .9em; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; color: #1b1b1b; padding: .1em .5em; cursor: pointer; }
.ca-review-mark { color: #8a1a1a; font-size: .85em; }
.ca-highlight-flash { animation: ca-flash .4s ease-in-out 4 alternate; }
@keyframes ca-flash { to { outline: 3px solid #1b1b1b; outline-offset: 2px; } }
.ca-panel { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; font-size: .92em; border: 1px solid #c8c8c8; border-radius: 6px; padding: .75rem; background: #fff; }
.ca-panel-title { font-size: 1.1em; margin: 0 0 .5em; }
.ca-filters { display: flex; flex-wrap: wrap; gap: .3em; margin-bottom: .6em; }
.ca-filter, .ca-show-more, .ca-tag-button, .ca-popover button { font: inherit; font-size: .92em; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .2em .55em; background: #fff; cursor: pointer; }
.ca-filter.ca-tag-allegation, .ca-tag-button.ca-tag-allegation { background: #ffd966; }
.ca-filter.ca-tag-denial, .ca-tag-button.ca-tag-denial { background: #b3dcff; }
.ca-filter.ca-tag-demand, .ca-tag-button.ca-tag-demand { background: #f5c2e7; }
.ca-filter.ca-tag-other { background: #e4e4e4; }
.ca-root [aria-pressed="true"] { outline: 3px solid #1b1b1b; font-weight: 700; }
.ca-root button:focus-visible, .ca-root textarea:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.ca-claims, .ca-review ul, .ca-chooser ul { list-style: none; margin: 0; padding: 0; }
.ca-claim { border-top: 1px solid #e0e0e0; padding: .45em 0; content-visibility: auto; contain-intrinsic-size: auto 3em; }
.ca-claims-more { border-top: 1px solid #e0e0e0; padding-top: .45em; margin: 0; color: #3d3d3d; }
.ca-claim-button { all: unset; display: block; cursor: pointer; width: 100%; }
.ca-claim-button:focus-visible { outline: 3px solid #0b4f8a; }
.ca-chip { display: inline-block; font-size: .8em; font-weight: 700; padding: 0 .4em; margin-inline-end: .4em; border-radius: 3px; border: 1px solid #6b6b6b; }
.ca-claim-speaker, .ca-claim-answers { margin: .1em 0 0; color: #3d3d3d; font-size: .92em; }
.ca-editor input, .ca-editor select { font: inherit; width: 100%; padding: .2em .3em; }
.ca-claim-note { margin: .2em 0 0; color: #3d3d3d; white-space: pre-wrap; overflow-wrap: anywhere; }
.ca-empty, .ca-review-help { color: #4a4a4a; }
.ca-review { margin-top: 1em; border-top: 2px solid #8a1a1a; }
.ca-popover { position: absolute; inset: auto; margin: 0; overflow: visible; color: #1b1b1b; font: 15px/1.5 var(--claim-annotator-ui-font, system-ui, sans-serif); background: #fff; border: 1px solid #6b6b6b; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.2); padding: .5em; max-width: min(24rem, calc(100vw - 16px)); }
.ca-tag-picker { display: flex; gap: .3em; align-items: center; }
.ca-tag-picker kbd { font: inherit; font-weight: 700; }
.ca-editor { display: grid; gap: .4em; width: 22rem; }
.ca-answers { display: contents; }
.ca-quote { margin: 0; font-style: italic; border-inline-start: 3px solid #6b6b6b; padding-inline-start: .5em; }
.ca-tag-choice { display: flex; gap: .3em; }
.ca-note-input { font: inherit; width: 100%; box-sizing: border-box; }
.ca-editor-actions { display: flex; justify-content: space-between; gap: .3em; }
.ca-popover .ca-danger { background: #8a1a1a; color: #fff; }
.ca-toolbar { display: flex; flex-wrap: wrap; gap: .3em; align-items: center; margin-bottom: .6em; }
.ca-toolbar button, .ca-notice button { font: inherit; font-size: .9em; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .15em .5em; background: #fff; cursor: pointer; }
.ca-toolbar button:disabled { color: #595959; border-color: #b0b0b0; cursor: default; }
.ca-toolbar .ca-danger { background: #8a1a1a; color: #fff; }
.ca-storage-use { color: #4a4a4a; font-size: .85em; margin-top: 1em; }
.ca-notice p { margin: 0 0 .3em; }
.ca-notice { border: 2px solid #8a5a00; background: #fff4d6; padding: .5em .75em; border-radius: 4px; }
.ca-error { border: 2px solid #8a1a1a; background: #fde8e8; padding: .75em; border-radius: 4px; }
.ca-in-place .ca-panel { position: static; max-height: none; }
.ca-drawer { position: fixed; top: 0; inset-inline-end: 0; bottom: 0; z-index: 2147483000; width: var(--ca-drawer-width, min(24rem, 100vw)); max-width: 100vw; overflow: auto; background: #fff; box-shadow: -4px 0 18px rgba(0,0,0,.18); padding: .75rem; }
.ca-drawer .ca-panel { position: static; max-height: none; border: 0; padding: 0; }
.ca-drawer[hidden] { display: none; }
.ca-drawer-toggle { position: fixed; inset-inline-end: 1rem; bottom: 1rem; z-index: 2147483001; font: inherit; font-weight: 700; color: #fff; background: #1b1b1b; border: 2px solid #fff; border-radius: 999px; padding: .5em 1em; min-height: 44px; cursor: pointer; box-shadow: 0 2px 10px rgba(0,0,0,.3); }
.ca-drawer-toggle:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.ca-overlay { position: absolute; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 1; }
.ca-box { position: absolute; pointer-events: none; mix-blend-mode: multiply; border-bottom: 2px solid transparent; }
.ca-box-allegation { background: #ffd966; border-bottom-color: #7a4d00; border-bottom-style: solid; }
.ca-box-denial { background: #b3dcff; border-bottom-color: #0b4f8a; border-bottom-style: dashed; }
.ca-box-demand { background: #f5c2e7; border-bottom-color: #8a1a63; border-bottom-style: double; border-bottom-width: 4px; }
.ca-box-other { background: #e4e4e4; border-bottom-color: #333; border-bottom-style: dotted; }
.ca-box-review { outline: 2px dashed #8a1a1a; }
.ca-box-flash { outline: 3px solid #1b1b1b; }
.ca-box-selecting { background: rgba(11, 79, 138, .35); }
.ca-box-cursor { outline: 3px solid #1b1b1b; }
.ca-story-problem { margin: 0; }

.ca-root button { min-height: 24px; min-width: 24px; }
.ca-file-button { display: inline-flex; align-items: center; min-height: 24px; font-size: .9em; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .15em .5em; background: #fff; cursor: pointer; position: relative; }
.ca-file-button:focus-within { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.ca-file-button input[type=file] { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.ca-visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.ca-article:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 6px; }
.ca-article[role="application"] { outline: 3px dashed #0b4f8a; outline-offset: 6px; }
.ca-reading-cursor { outline: 3px solid #1b1b1b; outline-offset: 1px; background-color: #fff3b0; }
.ca-keyboard-selection { background-color: #0b4f8a; color: #ffffff; }
.ca-keyboard-actions { display: flex; flex-wrap: wrap; gap: .3em; margin-top: .8em; }
.ca-keyboard-actions button { font: inherit; font-size: .9em; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .15em .5em; background: #fff; cursor: pointer; }
.ca-help-dialog { position: fixed; inset: 0; margin: auto; width: min(34rem, 92vw); height: fit-content; max-height: 84vh; overflow: auto; padding: 1em 1.2em; border: 2px solid #1b1b1b; border-radius: 8px; background: #fff; color: #1b1b1b; font: 15px/1.5 var(--claim-annotator-ui-font, system-ui, sans-serif); box-shadow: 0 8px 30px rgba(0,0,0,.3); }
.ca-help-dialog h2 { margin: 0 0 .4em; font-size: 1.2em; }
.ca-keys { border-collapse: collapse; margin: .5em 0 1em; }
.ca-keys th, .ca-keys td { text-align: start; vertical-align: top; padding: .25em .6em .25em 0; border-bottom: 1px solid #e0e0e0; }
.ca-keys kbd { font: inherit; font-weight: 700; white-space: nowrap; }
.ca-help-dialog button, .ca-sentence-offer button { font: inherit; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .25em .7em; background: #fff; cursor: pointer; }
@media (prefers-reduced-motion: reduce) {
  .ca-highlight-flash { animation: none; outline: 3px solid #1b1b1b; outline-offset: 2px; }
}
@media (forced-colors: active) {
  .ca-highlight { forced-color-adjust: none; color: CanvasText; background: Canvas; text-decoration-color: CanvasText; }
  .ca-tag-allegation { outline: 2px solid CanvasText; outline-offset: 1px; }
  .ca-tag-denial { outline: 2px dashed CanvasText; outline-offset: 1px; }
  .ca-tag-demand { outline: 3px double CanvasText; outline-offset: 1px; }
  .ca-tag-other { outline: 2px dotted CanvasText; outline-offset: 1px; }
  .ca-reading-cursor, .ca-keyboard-selection { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  .ca-chip { border: 2px solid CanvasText; }
}
"#;

/// Painted over a story in the host page; names match `browser::highlight_painter`.
pub const HIGHLIGHT_STYLES: &str = r#"
::highlight(ca-allegation) { background-color: #ffd966; color: #1b1b1b; text-decoration: underline solid #7a4d00 2px; }
::highlight(ca-denial) { background-color: #b3dcff; color: #1b1b1b; text-decoration: underline dashed #0b4f8a 2px; }
::highlight(ca-demand) { background-color: #f5c2e7; color: #1b1b1b; text-decoration: underline double #8a1a63 2px; }
::highlight(ca-other) { background-color: #e4e4e4; color: #1b1b1b; text-decoration: underline dotted #333333 2px; }
::highlight(ca-review) { text-decoration: underline wavy #8a1a1a 2px; }
::highlight(ca-flash) { background-color: #1b1b1b; color: #ffffff; }
::highlight(ca-selecting) { background-color: #0b4f8a; color: #ffffff; }
::highlight(ca-cursor) { background-color: #1b1b1b; color: #ffffff; text-decoration: underline solid #ffd966 3px; }
"#;
