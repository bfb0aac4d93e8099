//! The current time and fresh annotation ids, the two inputs the core takes from outside.

use crate::core::uuid::uuid_v4_from_random_bytes;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
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
