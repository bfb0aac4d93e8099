//! The key's obfuscation, which is not secrecy: the bytes are XORed with a keystream anyone can
//! compute from a seed (the exercise id, or a fixed seed for links) and written in base64url,
//! so answers cannot be read at a glance, but a determined student can decode them. Also the
//! FNV-1a hash behind the keystream and the exercise's fingerprint.

/// FNV-1a 64; each field is hashed with its length first, so fields cannot run into each other.
pub(super) struct Fnv(pub(super) u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf29ce484222325)
    }
}

impl Fnv {
    pub(super) fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x100000001b3);
        }
    }

    pub(super) fn field(&mut self, text: &str) {
        self.write(&(text.len() as u64).to_le_bytes());
        self.write(text.as_bytes());
    }
}

/// XOR with an xorshift64 keystream seeded by FNV-1a of `seed`. Its own inverse.
pub(super) fn xor_keystream(bytes: &mut [u8], seed: &str) {
    let mut hash = Fnv::default();
    hash.write(seed.as_bytes());
    let mut state = hash.0 | 1;
    for chunk in bytes.chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        for (byte, key) in chunk.iter_mut().zip(state.to_le_bytes()) {
            *byte ^= key;
        }
    }
}

/// An 8-byte FNV-1a checksum of `plain`, then `plain`, XORed and in base64url: unreadable at a
/// glance, and any change to it is noticed when it is read back.
pub(super) fn obfuscate(plain: &[u8], seed: &str) -> String {
    let mut hash = Fnv::default();
    hash.write(plain);
    let mut bytes = hash.0.to_le_bytes().to_vec();
    bytes.extend_from_slice(plain);
    xor_keystream(&mut bytes, seed);
    base64url_encode(&bytes)
}

/// The bytes [`obfuscate`] hid, or `None` when `text` was changed or cut.
pub(super) fn reveal(text: &str, seed: &str) -> Option<Vec<u8>> {
    let mut bytes = base64url_decode(text)?;
    xor_keystream(&mut bytes, seed);
    if bytes.len() < 8 {
        return None;
    }
    let plain = bytes.split_off(8);
    let mut hash = Fnv::default();
    hash.write(&plain);
    (bytes == hash.0.to_le_bytes()).then_some(plain)
}

pub(super) const BASE64URL: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 §5, without padding.
pub(super) fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &byte)| {
            group | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(group >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// `None` for a character outside the alphabet or an impossible length.
pub(super) fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut group = 0u32;
        for (i, &ch) in chunk.iter().enumerate() {
            let value = BASE64URL.iter().position(|&digit| digit == ch)?;
            group |= (value as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((group >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
