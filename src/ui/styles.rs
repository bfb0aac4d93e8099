//! The widget's only CSS, rendered in a `<style>` inside the widget.
//!
//! Invariant: every selector starts with `.ca-root`, so nothing here can restyle the host page,
//! and the layout follows the widget's own width (a container query), not the window's, so it
//! fits a narrow article column as well as a full page.
//!
//! Tag colours: dark text (#1b1b1b) on each background is above 10:1 (WCAG AA needs 4.5:1), and
//! each tag also has a cue that is not colour: its underline style (solid, dashed, double) and
//! its name written after the highlight.

pub const WIDGET_STYLES: &str = r#"
.ca-root { container-type: inline-size; position: relative; color: #1b1b1b; line-height: 1.6; }
.ca-root .ca-annotator { position: relative; }
.ca-root .ca-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14rem, 20rem); gap: 2rem; align-items: start; }
@container (max-width: 46rem) { .ca-root .ca-layout { grid-template-columns: minmax(0, 1fr); } }
.ca-root .ca-article { max-width: 42rem; }
.ca-root .ca-block { margin: 0 0 1em; white-space: pre-line; overflow-wrap: anywhere; }
.ca-root .ca-standfirst { font-size: 1.2em; font-weight: 600; }
.ca-root .ca-figure { margin: 0 0 1.2em; padding: .5em .75em; border-left: 4px solid #6b6b6b; background: #f3f3f3; font-style: italic; }
.ca-root .ca-figure figcaption::before { content: "Photo: "; font-style: normal; font-weight: 600; }
.ca-root .ca-piece-credit { font-style: normal; color: #4a4a4a; }
.ca-root .ca-subheading { font-size: 1.15em; margin-top: 1.5em; }
.ca-root .ca-related { padding: .4em .75em; border: 1px solid #c8c8c8; border-radius: 4px; background: #fafafa; }
.ca-root .ca-piece-label { font-weight: 700; letter-spacing: .03em; }
.ca-root .ca-source-credit { color: #4a4a4a; font-size: .9em; }
.ca-root .ca-highlight { color: #1b1b1b; padding: 0; cursor: pointer; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.ca-root .ca-highlight:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 1px; }
.ca-root .ca-tag-allegation { background: #ffd966; text-decoration-color: #7a4d00; text-decoration-style: solid; }
.ca-root .ca-tag-denial { background: #b3dcff; text-decoration-color: #0b4f8a; text-decoration-style: dashed; }
.ca-root .ca-tag-demand { background: #f5c2e7; text-decoration-color: #8a1a63; text-decoration-style: double; }
.ca-root .ca-tag-other { background: #e4e4e4; text-decoration-color: #333333; text-decoration-style: dotted; }
.ca-root .ca-highlight-layered { box-shadow: inset 0 -0.35em 0 rgba(0,0,0,.14); }
.ca-root .ca-highlight-end::after { content: " " attr(data-ca-end-labels); font-size: .68em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: #1b1b1b; vertical-align: super; line-height: 0; }
.ca-root .ca-highlight-review { background-image: repeating-linear-gradient(135deg, transparent 0 5px, rgba(0,0,0,.16) 5px 7px); }
.ca-root .ca-review-item { border-top: 1px solid #e0e0e0; padding: .45em 0; }
.ca-root .ca-review-actions { display: flex; flex-wrap: wrap; gap: .3em; }
.ca-root .ca-review-actions button { font: inherit; font-size: .9em; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; color: #1b1b1b; padding: .1em .5em; cursor: pointer; }
.ca-root .ca-review-mark { color: #8a1a1a; font-size: .85em; }
.ca-root .ca-highlight-flash { animation: ca-flash .4s ease-in-out 4 alternate; }
@keyframes ca-flash { to { outline: 3px solid #1b1b1b; outline-offset: 2px; } }
.ca-root .ca-panel { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; font-size: .92em; border: 1px solid #c8c8c8; border-radius: 6px; padding: .75rem; background: #fff; }
.ca-root .ca-panel-title { font-size: 1.1em; margin: 0 0 .5em; }
.ca-root .ca-filters { display: flex; flex-wrap: wrap; gap: .3em; margin-bottom: .6em; }
.ca-root .ca-filter, .ca-root .ca-tag-button, .ca-root .ca-popover button { font: inherit; font-size: .92em; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .2em .55em; background: #fff; cursor: pointer; }
.ca-root .ca-filter.ca-tag-allegation, .ca-root .ca-tag-button.ca-tag-allegation { background: #ffd966; }
.ca-root .ca-filter.ca-tag-denial, .ca-root .ca-tag-button.ca-tag-denial { background: #b3dcff; }
.ca-root .ca-filter.ca-tag-demand, .ca-root .ca-tag-button.ca-tag-demand { background: #f5c2e7; }
.ca-root .ca-filter.ca-tag-other { background: #e4e4e4; }
.ca-root [aria-pressed="true"] { outline: 3px solid #1b1b1b; font-weight: 700; }
.ca-root button:focus-visible, .ca-root textarea:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.ca-root .ca-claims, .ca-root .ca-review ul, .ca-root .ca-chooser ul { list-style: none; margin: 0; padding: 0; }
.ca-root .ca-claim { border-top: 1px solid #e0e0e0; padding: .45em 0; }
.ca-root .ca-claim-button { all: unset; display: block; cursor: pointer; width: 100%; }
.ca-root .ca-claim-button:focus-visible { outline: 3px solid #0b4f8a; }
.ca-root .ca-chip { display: inline-block; font-size: .8em; font-weight: 700; padding: 0 .4em; margin-right: .4em; border-radius: 3px; border: 1px solid #6b6b6b; }
.ca-root .ca-claim-note { margin: .2em 0 0; color: #3d3d3d; white-space: pre-wrap; overflow-wrap: anywhere; }
.ca-root .ca-empty, .ca-root .ca-review-help { color: #4a4a4a; }
.ca-root .ca-review { margin-top: 1em; border-top: 2px solid #8a1a1a; }
.ca-root .ca-popover { position: absolute; z-index: 10; background: #fff; border: 1px solid #6b6b6b; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.2); padding: .5em; max-width: min(24rem, 90%); }
.ca-root .ca-tag-picker { display: flex; gap: .3em; align-items: center; }
.ca-root .ca-tag-picker kbd { font: inherit; font-weight: 700; }
.ca-root .ca-editor { display: grid; gap: .4em; width: 22rem; }
.ca-root .ca-quote { margin: 0; font-style: italic; border-left: 3px solid #6b6b6b; padding-left: .5em; }
.ca-root .ca-tag-choice { display: flex; gap: .3em; }
.ca-root .ca-note-input { font: inherit; width: 100%; box-sizing: border-box; }
.ca-root .ca-editor-actions { display: flex; justify-content: space-between; gap: .3em; }
.ca-root .ca-popover .ca-danger { background: #8a1a1a; color: #fff; }
.ca-root .ca-toolbar { display: flex; flex-wrap: wrap; gap: .3em; align-items: center; margin-bottom: .6em; }
.ca-root .ca-toolbar button, .ca-root .ca-notice button { font: inherit; font-size: .9em; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .15em .5em; background: #fff; cursor: pointer; }
.ca-root .ca-toolbar button:disabled { color: #595959; border-color: #b0b0b0; cursor: default; }
.ca-root .ca-toolbar .ca-danger { background: #8a1a1a; color: #fff; }
.ca-root .ca-storage-use { color: #4a4a4a; font-size: .85em; margin-top: 1em; }
.ca-root .ca-notice p { margin: 0 0 .3em; }
.ca-root .ca-notice { border: 2px solid #8a5a00; background: #fff4d6; padding: .5em .75em; border-radius: 4px; }
.ca-root .ca-error { border: 2px solid #8a1a1a; background: #fde8e8; padding: .75em; border-radius: 4px; }
"#;
