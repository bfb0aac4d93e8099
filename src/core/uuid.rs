//! Version 4 UUIDs from random bytes that the caller supplies.
//!
//! The browser layer draws the bytes from `crypto.getRandomValues`, which, unlike
//! `crypto.randomUUID`, also works on plain-http pages (a classroom server on the local network).

/// Formats 16 random bytes as an RFC 4122 version 4 UUID, setting the version and variant bits.
pub fn uuid_v4_from_random_bytes(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_version_and_variant_bits() {
        assert_eq!(
            uuid_v4_from_random_bytes([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
        assert_eq!(
            uuid_v4_from_random_bytes([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
    }
}
