//! The stable hashes of the project, in one place: FNV-1a over a string's
//! bytes, in 64 bits (document digests and ids, feature keys) and in 32
//! bits (the suffix of event ids). Both are part of the wire format: an id
//! written today must be the id written tomorrow.

/// FNV-1a, 64 bits.
#[inline]
#[must_use]
pub fn fnv64(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// FNV-1a, 32 bits.
#[inline]
#[must_use]
pub fn fnv32(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_test_vectors() {
        // from the FNV reference (draft-eastlake-fnv)
        assert_eq!(fnv64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv64("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(fnv32(""), 0x811c_9dc5);
        assert_eq!(fnv32("a"), 0xe40c_292c);
        assert_eq!(fnv32("foobar"), 0xbf9c_f968);
    }
}
