//! How much the library uses, "Export everything" and "Import everything" as one backup file,
//! and a word on using the page offline and installing it.

use yew::prelude::*;

use crate::core::library_listing::StorageUse;
use crate::ui::file_choice::first_chosen_file;
use crate::ui::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct BackupPanelProps {
    /// What the library's own values use; `None` while it is read or when it cannot be kept.
    pub usage: Option<StorageUse>,
    /// What the browser says the whole site uses and may use, in bytes.
    pub site_estimate: Option<(u64, u64)>,
    pub busy: bool,
    pub on_export_all: Callback<()>,
    pub on_import_all: Callback<web_sys::File>,
}

#[function_component(BackupPanel)]
pub fn backup_panel(props: &BackupPanelProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let on_import = first_chosen_file(&props.on_import_all);
    let size = |bytes: u64| locale.size(usize::try_from(bytes).unwrap_or(usize::MAX));
    html! {
        <section class="ca-backup" aria-labelledby="ca-backup-heading">
            <h2 id="ca-backup-heading">{ t.backup_heading.clone() }</h2>
            if let Some(usage) = props.usage {
                <p class="ca-library-use">
                    { locale.fill(&t.library_use, &[
                        ("size", &locale.size(usage.total_bytes())),
                        ("texts", &locale.size(usage.text_bytes)),
                        ("claims", &locale.size(usage.claims_bytes)),
                    ]) }
                </p>
            }
            if let Some((usage, quota)) = props.site_estimate {
                <p class="ca-site-estimate">{ locale.fill(&t.site_estimate, &[("usage", &size(usage)), ("quota", &size(quota))]) }</p>
            }
            <p class="ca-help">{ t.backup_help.clone() }</p>
            <div class="ca-backup-actions">
                <button type="button" class="ca-export-everything" aria-disabled={props.busy.then_some("true")}
                    onclick={props.on_export_all.reform(|_: MouseEvent| ())}>{ t.export_everything.clone() }</button>
                <label class="ca-file-button">
                    { t.import_everything.clone() }
                    <input type="file" class="ca-import-everything" accept=".json,application/json" onchange={on_import} />
                </label>
            </div>
            <p class="ca-help ca-offline-help">{ t.offline_help.clone() }</p>
        </section>
    }
}
