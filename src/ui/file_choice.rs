//! The change handler every "choose a file" input shares: the first chosen file goes to the
//! callback, and the input is emptied so that choosing the same file again (after fixing it, or
//! after an import was undone) is seen as a new choice.

use yew::prelude::*;

use crate::browser::file_reading::files_of;

pub fn first_chosen_file(on_file: &Callback<web_sys::File>) -> Callback<Event> {
    let on_file = on_file.clone();
    Callback::from(move |event: Event| {
        let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let files = files_of(input.files());
        input.set_value("");
        if let Some(file) = files.into_iter().next() {
            on_file.emit(file);
        }
    })
}
