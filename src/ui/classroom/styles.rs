//! The classroom's CSS, adopted beside the widget's own ([`crate::ui::styles`]) by the
//! classroom's shadow root. Feedback categories and heat levels each have a colour and a border
//! style, and their labels are written out, so colour is never the only cue. The print rules
//! give a one-page report: the table, the chart and the key claims, without controls.

pub const CLASSROOM_STYLES: &str = r#"
.ca-classroom { max-width: 72rem; }
.ca-tabs { display: flex; gap: .4em; margin: 0 0 1em; border-bottom: 2px solid #1b1b1b; }
.ca-tab { font: inherit; font-weight: 600; border: 1px solid #6b6b6b; border-bottom: 0; border-radius: 6px 6px 0 0; background: #f3f3f3; color: #1b1b1b; padding: .4em .9em; min-height: 36px; cursor: pointer; }
.ca-tab[aria-selected="true"] { background: #1b1b1b; color: #fff; }
.ca-student-entry { border: 1px solid #c8c8c8; border-radius: 6px; padding: .5em .75em; margin-bottom: 1em; background: #fafafa; }
.ca-help { color: #3d3d3d; margin: .3em 0 .8em; }
.ca-field { display: grid; gap: .2em; margin: .4em 0; font-weight: 600; }
.ca-field input, .ca-field select, .ca-paste textarea { max-width: 100%; font: inherit; font-weight: 400; padding: .3em .4em; border: 1px solid #6b6b6b; border-radius: 4px; }
.ca-paste { display: grid; gap: .4em; margin-bottom: 1em; }
.ca-paste textarea { width: 100%; }
.ca-exercise-maker, .ca-student-actions { border: 2px solid #0b4f8a; border-radius: 6px; padding: .6em; margin-bottom: .8em; background: #f4f9ff; }
.ca-exercise-maker h3 { margin: 0 0 .3em; }
.ca-exercise-link-text { width: 100%; font: inherit; }
.ca-article-choice { margin-bottom: .8em; }
.ca-classroom button { font: inherit; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 4px; padding: .25em .6em; min-height: 32px; background: #fff; cursor: pointer; }
.ca-classroom .ca-danger { background: #8a1a1a; color: #fff; }
.ca-classroom .ca-check-work, .ca-classroom .ca-exercise-link, .ca-classroom .ca-exercise-download { background: #0b4f8a; color: #fff; border-color: #0b4f8a; }
.ca-score { border-collapse: collapse; margin: .4em 0; }
.ca-score th, .ca-score td, .ca-class-table th, .ca-class-table td { border: 1px solid #c8c8c8; padding: .2em .5em; text-align: end; }
.ca-score th[scope="row"], .ca-class-table th[scope="row"] { text-align: start; }
.ca-feedback-list { list-style: none; margin: 0; padding: 0; }
.ca-feedback-item { border-inline-start: 6px solid #6b6b6b; padding: .3em .6em; margin: .4em 0; }
.ca-feedback-item p { margin: .2em 0; }
.ca-feedback-label { font-weight: 700; }
.ca-explanation { font-style: italic; }
.ca-feedback-found { background-color: #cdebd3; border-color: #1e6b33; border-style: solid; text-decoration-color: #1e6b33; text-decoration-style: solid; }
.ca-feedback-wrong-tag { background-color: #ffe0b3; border-color: #8a4b00; border-style: dashed; text-decoration-color: #8a4b00; text-decoration-style: dashed; }
.ca-feedback-partly { background-color: #fff3b0; border-color: #6b5a00; border-style: dotted; text-decoration-color: #6b5a00; text-decoration-style: dotted; }
.ca-feedback-missed { background-color: #f2f2f2; border-color: #1b1b1b; border-style: double; text-decoration-color: #1b1b1b; text-decoration-style: double; }
.ca-feedback-extra { background-color: #f9d2d2; border-color: #8a1a1a; border-style: solid; text-decoration-color: #8a1a1a; text-decoration-style: wavy; }
.ca-drop-zone { border: 3px dashed #0b4f8a; border-radius: 8px; padding: 1em; margin: .8em 0; background: #f4f9ff; }
.ca-drop-zone p { margin: .2em 0; }
.ca-table-scroll { overflow-x: auto; }
.ca-class-table { border-collapse: collapse; font-size: .9em; }
.ca-class-table caption { text-align: start; font-weight: 600; margin-bottom: .3em; }
.ca-sort { border: 0 !important; background: transparent !important; font-weight: 700 !important; padding: 0 !important; min-height: 24px; }
.ca-class-panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5em; margin: 1em 0; }
.ca-recall-chart { margin: 0; }
.ca-recall-chart svg { width: 100%; max-width: 30rem; }
.ca-chart-track { fill: #e9e9e9; }
.ca-chart-label, .ca-chart-value { font: 13px system-ui, sans-serif; fill: #1b1b1b; }
.ca-chart-bar.ca-tag-allegation { fill: #7a4d00; }
.ca-chart-bar.ca-tag-denial { fill: #0b4f8a; }
.ca-chart-bar.ca-tag-demand { fill: #8a1a63; }
.ca-heat-strip { width: 100%; height: 40px; }
rect.ca-heat-1 { fill: #c9dcf2; } rect.ca-heat-2 { fill: #8fb5e0; } rect.ca-heat-3 { fill: #4f86c6; } rect.ca-heat-4 { fill: #0b4f8a; }
rect.ca-heat-key { fill: none; stroke: #1b1b1b; stroke-width: 2; }
mark.ca-heat-1 { background: #dbe8f6; text-decoration: underline dotted #0b4f8a; }
mark.ca-heat-2 { background: #b6cfec; text-decoration: underline dashed #0b4f8a; }
mark.ca-heat-3 { background: #8fb5e0; text-decoration: underline solid #0b4f8a; }
mark.ca-heat-4 { background: #6b9bd6; text-decoration: underline double #0b2f5a; }
.ca-heat-article { max-width: 42rem; }
.ca-privacy { margin-top: 2em; border-top: 1px solid #c8c8c8; padding-top: .8em; color: #3d3d3d; }
.ca-classroom-problem { border: 2px solid #8a1a1a; background: #fde8e8; padding: .75em; border-radius: 4px; }
@media print {
  .ca-classroom button:not(.ca-sort), .ca-student-entry, .ca-drop-zone, .ca-privacy, .ca-tabs, .ca-open-exercise, .ca-unkeyed, .ca-heat-article, .ca-skipped, .ca-heat .ca-help, .ca-notice { display: none !important; }
  .ca-heat { break-inside: avoid; }
  .ca-heat h3, .ca-key-claims h3 { margin: .2em 0; font-size: 10pt; }
  .ca-heat-strip { height: 24px; }
  .ca-key-claims p { margin: 0; }
  .ca-key-claims ol { margin: 0; }
  .ca-class-view { font-size: 9pt; }
  .ca-class-view h2 { font-size: 13pt; margin: 0 0 .3em; }
  .ca-class-table { font-size: 8pt; }
  .ca-sort { color: #000; }
  .ca-class-panels { grid-template-columns: 1fr 1fr; gap: .8em; margin: .5em 0; }
  .ca-key-claims li { break-inside: avoid; }
  .ca-table-scroll { overflow: visible; }
}
"#;
