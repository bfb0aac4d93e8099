//! The current time (and the reader's time zone at a moment) and fresh annotation ids, the inputs
//! the core takes from outside.

use crate::core::uuid::uuid_v4_from_random_bytes;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The reader's offset from UTC at the moment `ms`, in minutes east (daylight saving
/// included), for showing that moment on their clock.
pub fn utc_offset_minutes_at(ms: i64) -> i32 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset() as i32)
}

/// A random UUID. `crypto.getRandomValues` works on plain-http pages too; if even that is
/// missing, `Math.random` still gives ids that are unique in practice for one reader's notes.
pub fn new_annotation_id() -> String {
    let mut bytes = [0u8; 16];
    let from_crypto = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !from_crypto {
        for byte in bytes.iter_mut() {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4_from_random_bytes(bytes)
}
