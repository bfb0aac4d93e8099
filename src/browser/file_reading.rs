//! Reading the files a reader chose or dropped: their text, as the browser decodes it.

use wasm_bindgen_futures::JsFuture;

/// The files of a file input's selection or of a drop, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// The whole file as text (UTF-8); the error is a sentence for the reader.
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| format!("{} could not be read.", file.name()))
}

/// The whole file as bytes, for files whose encoding must be checked before decoding.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{} could not be read.", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
