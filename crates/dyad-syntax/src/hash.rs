//! Feature hashing: every feature is a 32-bit key built from a template number and its parts.
//!
//! Features are never stored as strings. A template id and the hashes of its parts (word forms,
//! tags, numbers) are mixed into one `u32`; colliding features simply share a weight row.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hash of a string, used as a feature part.
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Hash of a byte string (FNV-1a, then a final mix).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h ^ bytes.len() as u64)
}

/// A 64-bit finaliser (from the murmur3 family of mixers).
pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The key of feature `template` with the given part hashes.
pub(crate) fn key(template: u32, parts: &[u64]) -> u32 {
    let mut h = (u64::from(template) + 1).wrapping_mul(MUL);
    for &p in parts {
        h = mix(h ^ p).wrapping_add(MUL);
    }
    let h = mix(h);
    (h ^ (h >> 32)) as u32
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(MUL);
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(MUL);
    }
}

/// A map keyed by feature keys.
pub(crate) type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_template_and_parts_in_order() {
        let a = hash_str("a");
        let b = hash_str("b");
        assert_eq!(key(1, &[a, b]), key(1, &[a, b]));
        assert_ne!(key(1, &[a, b]), key(1, &[b, a]));
        assert_ne!(key(1, &[a]), key(2, &[a]));
        assert_ne!(hash_str(""), hash_str("\0"));
    }
}
