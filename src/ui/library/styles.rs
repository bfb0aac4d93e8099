//! The library page's CSS, adopted beside the widget's own ([`crate::ui::styles`]) by the
//! page's shadow root. Tag counts carry the tag's colour and its name, so colour is never the
//! only cue; every control is at least 24 × 24 CSS pixels (most 32 or more) and shows its
//! keyboard focus.

pub const LIBRARY_STYLES: &str = r#"
.ca-library { max-width: 72rem; }
.ca-library h1 { font-size: 1.4em; margin: .2em 0; }
.ca-library h2 { font-size: 1.2em; margin: 1.2em 0 .5em; }
.ca-library h3 { font-size: 1.05em; margin: 0; }
.ca-library-header { border-bottom: 1px solid #c8c8c8; margin-bottom: 1em; }
.ca-help { color: #3d3d3d; margin: .3em 0 .8em; }
.ca-library button, .ca-file-button { font: inherit; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .3em .7em; min-height: 32px; background: #fff; cursor: pointer; display: inline-flex; align-items: center; }
.ca-library .ca-primary { background: #0b4f8a; color: #fff; border-color: #0b4f8a; }
.ca-library .ca-danger { background: #8a1a1a; color: #fff; border-color: #8a1a1a; }
.ca-library button[aria-disabled="true"] { color: #595959; border-color: #b0b0b0; background: #f3f3f3; cursor: progress; }
.ca-library input[type="text"], .ca-library input[type="url"], .ca-library textarea { font: inherit; padding: .35em .5em; border: 1px solid #6b6b6b; border-radius: 4px; min-height: 32px; max-width: 100%; }
.ca-library input:focus-visible, .ca-library textarea:focus-visible, .ca-library h2:focus-visible, .ca-file-button:focus-within { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.ca-opener-ways { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1em; }
.ca-opener-ways > * { display: grid; gap: .4em; align-content: start; border: 1px solid #c8c8c8; border-radius: 6px; padding: .75em; background: #fafafa; }
.ca-opener-ways label { font-weight: 600; }
.ca-paste-text { width: 100%; }
.ca-file-input { font: inherit; min-height: 32px; }
.ca-file-button { position: relative; }
.ca-file-button input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.ca-library-list { list-style: none; margin: 0; padding: 0; display: grid; gap: .8em; }
.ca-library-item { border: 1px solid #c8c8c8; border-radius: 6px; padding: .75em; background: #fff; display: grid; gap: .35em; }
.ca-library-item p { margin: 0; }
.ca-origin, .ca-last-edit, .ca-library-count, .ca-library-use, .ca-site-estimate { color: #3d3d3d; font-size: .92em; overflow-wrap: anywhere; }
.ca-item-claims { display: flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.ca-tag-counts { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3em; }
.ca-tag-count { font-weight: 600; color: #1b1b1b; }
.ca-tag-count.ca-tag-allegation { background: #ffd966; border-style: solid; }
.ca-tag-count.ca-tag-denial { background: #b3dcff; border-style: dashed; }
.ca-tag-count.ca-tag-demand { background: #f5c2e7; border-style: double; border-width: 3px; }
.ca-tag-count.ca-tag-other { background: #e4e4e4; border-style: dotted; }
.ca-item-actions, .ca-preview-actions, .ca-backup-actions, .ca-reading-bar { display: flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.ca-rename-form, .ca-confirm-delete { display: flex; flex-wrap: wrap; gap: .4em; align-items: center; border-top: 1px dashed #6b6b6b; padding-top: .5em; }
.ca-rename-form label, .ca-confirm-delete p { flex-basis: 100%; }
.ca-rename-input { flex: 1 1 16rem; }
.ca-preview-form { display: grid; gap: .4em; max-width: 42rem; }
.ca-draft-title { width: 100%; font-weight: 600; }
.ca-preview-article { border: 2px dashed #6b6b6b; border-radius: 6px; padding: 1em; margin-top: 1em; background: #fff; }
.ca-reading-title { font-size: 1.3em; margin: .6em 0 .2em; }
.ca-notice { margin: .6em 0; }
.ca-notice button { margin-inline-end: .3em; }
.ca-app-update { border-inline-start: 4px solid #0b4f8a; background: #f4f9ff; padding: .4em .7em; margin: .5em 0; }
.ca-busy { font-style: italic; }
.ca-library-empty { color: #3d3d3d; }
.ca-backup { border-top: 1px solid #c8c8c8; margin-top: 1.5em; }
"#;
