//! The stored form of a key: up to 19 bytes live inline in the table entry, longer keys on the
//! heap. Most keys are short (`user:1000`, `key:000000000042`), so the common lookup compares
//! bytes already in the entry's cache line instead of chasing a pointer, and a key costs no
//! allocation of its own.
//!
//! A key also carries its 24 bits of access metadata (Redis's `robj.lru`): the LRU clock of
//! its last access, or its LFU counter and decay time (see `evict.rs`). They live in bytes
//! the enum's layout leaves over beside the length and the heap pointer, so they cost no
//! memory: a `Key` is 24 bytes either way. They are not part of the key's identity (hash and
//! equality see only the bytes).

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// Longest key kept inline.
pub const INLINE_MAX: usize = 19;

/// An owned, binary-safe key with its access metadata.
#[derive(Clone)]
pub enum Key {
    /// A short key: its length, access metadata and bytes.
    Inline(u8, [u8; 3], [u8; INLINE_MAX]),
    /// A longer key: its access metadata and bytes.
    Heap([u8; 3], Box<[u8]>),
}

impl Key {
    /// The key's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Inline(len, _, bytes) => &bytes[..*len as usize],
            Key::Heap(_, bytes) => bytes,
        }
    }

    /// The 24 bits of access metadata (an LRU clock or an LFU counter and time).
    #[inline]
    pub fn access(&self) -> u32 {
        let [a, b, c] = match self {
            Key::Inline(_, access, _) | Key::Heap(access, _) => *access,
        };
        u32::from_le_bytes([a, b, c, 0])
    }

    /// Stores 24 bits of access metadata (higher bits are dropped).
    #[inline]
    pub fn set_access(&mut self, value: u32) {
        let [a, b, c, _] = value.to_le_bytes();
        match self {
            Key::Inline(_, access, _) | Key::Heap(access, _) => *access = [a, b, c],
        }
    }
}

impl From<&[u8]> for Key {
    fn from(bytes: &[u8]) -> Self {
        if bytes.len() <= INLINE_MAX {
            let mut inline = [0u8; INLINE_MAX];
            inline[..bytes.len()].copy_from_slice(bytes);
            Key::Inline(bytes.len() as u8, [0; 3], inline)
        } else {
            Key::Heap([0; 3], bytes.into())
        }
    }
}

impl Deref for Key {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for Key {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

// Hash and equality must agree with `[u8]`'s, so tables keyed by `Key` can be searched with a
// plain `&[u8]` through `Borrow`.
impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn hash_of<T: Hash + ?Sized>(v: &T) -> u64 {
        let mut h = DefaultHasher::new();
        v.hash(&mut h);
        h.finish()
    }

    #[test]
    fn inline_and_heap_keys_behave_as_bytes() {
        for text in [
            &b""[..],
            b"k",
            b"key:000000000042",
            &[7u8; 19],
            &[9u8; 20],
            &[0u8; 100],
        ] {
            let key = Key::from(text);
            assert_eq!(key.as_bytes(), text);
            assert_eq!(hash_of(&key), hash_of(text));
            assert_eq!(matches!(key, Key::Inline(..)), text.len() <= INLINE_MAX);
        }
        assert_eq!(std::mem::size_of::<Key>(), 24);
    }

    #[test]
    fn access_metadata_is_kept_and_ignored_by_identity() {
        for text in [&b"short"[..], &[1u8; 40]] {
            let mut key = Key::from(text);
            key.set_access(0xABCDEF);
            assert_eq!(key.access(), 0xABCDEF);
            assert_eq!(key.as_bytes(), text);
            assert_eq!(key, Key::from(text));
            key.set_access(0x1_000_001);
            assert_eq!(key.access(), 1);
        }
    }
}
