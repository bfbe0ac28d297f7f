//! The hash value type, `Hash`, with its two encodings (listpack and hashtable), its
//! conversion thresholds ([`ListpackLimits`]) and access to its pairs by index.

use crate::key::Key;
use crate::types::packed::PackedPairs;
use crate::types::set::MemberHasher;
use bytes::Bytes;
use indexmap::IndexMap;

/// The thresholds past which a listpack hash becomes a hashtable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListpackLimits {
    /// `hash-max-listpack-entries`: the most fields a listpack holds.
    pub entries: usize,
    /// `hash-max-listpack-value`: the longest field or value a listpack holds, in bytes.
    pub value: usize,
}

/// A hash: a compact `listpack` while small, a `hashtable` past the thresholds.
#[derive(Debug, Clone, Default)]
pub struct Hash {
    pub(super) repr: Repr,
}

/// The two encodings.
#[derive(Debug, Clone)]
pub(super) enum Repr {
    /// Field/value pairs in insertion order; an update keeps a field's place.
    Listpack(PackedPairs),
    /// Fields to values; removal is `swap_remove` (see the module doc). Boxed, so that a
    /// `Hash` is two words (the listpack's boxed slice, the box in its length's place) and
    /// sits inline in a `Value`: most hashes are small listpacks, which then cost the key's
    /// table entry and their buffer, and no allocation of their own.
    Table(Box<IndexMap<Key, Key, MemberHasher>>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Listpack(PackedPairs::new())
    }
}

/// Two hashes are equal when they hold the same fields with the same values, whatever their
/// encodings and orders.
impl PartialEq for Hash {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(f, v)| other.get(f) == Some(v))
    }
}

impl Hash {
    /// An empty hash (a listpack).
    pub fn new() -> Self {
        Hash::default()
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        match self.repr {
            Repr::Listpack(_) => "listpack",
            Repr::Table(_) => "hashtable",
        }
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Listpack(pairs) => pairs.len(),
            Repr::Table(map) => map.len(),
        }
    }

    /// The bytes of a listpack's buffer (what MEMORY USAGE counts for its elements); `None`
    /// for a hashtable.
    pub fn listpack_bytes(&self) -> Option<usize> {
        match &self.repr {
            Repr::Listpack(pairs) => Some(pairs.allocated()),
            Repr::Table(_) => None,
        }
    }

    /// True when the hash has no field (never the case for a hash stored under a key).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of `field`.
    pub fn get(&self, field: &[u8]) -> Option<&[u8]> {
        match &self.repr {
            Repr::Listpack(pairs) => pairs.get(field),
            Repr::Table(map) => map.get(field).map(Key::as_bytes),
        }
    }

    /// True if `field` exists.
    pub fn contains(&self, field: &[u8]) -> bool {
        self.get(field).is_some()
    }

    /// The field and value at a dense index (`0..len()`): insertion order for a listpack.
    pub fn get_index(&self, index: usize) -> Option<(&[u8], &[u8])> {
        match &self.repr {
            Repr::Listpack(pairs) => pairs.get_index(index),
            Repr::Table(map) => map
                .get_index(index)
                .map(|(f, v)| (f.as_bytes(), v.as_bytes())),
        }
    }

    /// Random access by dense index for many lookups: O(1) each for a hashtable; a listpack,
    /// which reaches an index by walking from its start ([`Hash::get_index`]), is walked
    /// once here, so that n lookups cost one walk rather than n.
    pub(super) fn by_index(&self) -> ByIndex<'_> {
        match &self.repr {
            Repr::Listpack(pairs) => ByIndex::Walked(pairs.iter().collect()),
            Repr::Table(map) => ByIndex::Table(map),
        }
    }

    /// Every field and value, in index order (the order HGETALL replies in).
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &[u8])> + '_ {
        let (packed, table) = match &self.repr {
            Repr::Listpack(pairs) => (Some(pairs.iter()), None),
            Repr::Table(map) => (None, Some(map.iter())),
        };
        let table = table
            .into_iter()
            .flatten()
            .map(|(f, v)| (f.as_bytes(), v.as_bytes()));
        packed.into_iter().flatten().chain(table)
    }

    /// Sets `field` to `value`; true if the field is new. As Redis's `hashTypeSet`: a listpack
    /// first becomes a hashtable if the field or the value is longer than `limits.value`, and
    /// after an insertion if it has more than `limits.entries` fields. An existing field
    /// keeps its place in a listpack.
    pub fn set(&mut self, field: &[u8], value: &[u8], limits: ListpackLimits) -> bool {
        if field.len() > limits.value || value.len() > limits.value {
            self.convert_to_table();
        }
        match &mut self.repr {
            Repr::Listpack(pairs) => {
                if !pairs.set(field, value) {
                    return false;
                }
                if pairs.len() > limits.entries {
                    self.convert_to_table();
                }
                true
            }
            Repr::Table(map) => match map.get_mut(field) {
                Some(v) => {
                    *v = Key::from(value);
                    false
                }
                None => {
                    map.insert(Key::from(field), Key::from(value));
                    true
                }
            },
        }
    }

    /// Removes `field`; true if it existed. A listpack keeps the order of the others.
    pub fn remove(&mut self, field: &[u8]) -> bool {
        match &mut self.repr {
            Repr::Listpack(pairs) => pairs.remove(field),
            Repr::Table(map) => map.swap_remove(field).is_some(),
        }
    }

    /// Converts a listpack to a hashtable before a write of `items` (HSET's fields and values),
    /// if any is longer than `limits.value`: Redis's `hashTypeTryConversion`.
    pub fn try_conversion(&mut self, items: &[Bytes], limits: ListpackLimits) {
        if matches!(self.repr, Repr::Listpack(_)) && items.iter().any(|s| s.len() > limits.value) {
            self.convert_to_table();
        }
    }

    /// Turns a listpack into a hashtable, keeping the pairs' order; a hashtable stays one.
    fn convert_to_table(&mut self) {
        if let Repr::Listpack(pairs) = &mut self.repr {
            let mut map = IndexMap::with_capacity_and_hasher(pairs.len(), MemberHasher);
            map.extend(
                pairs
                    .iter()
                    .map(|(field, value)| (Key::from(field), Key::from(value))),
            );
            self.repr = Repr::Table(Box::new(map));
        }
    }
}

/// A field and its value, borrowed from a hash.
pub(super) type Pair<'a> = (&'a [u8], &'a [u8]);

/// A hash's pairs by dense index (see [`Hash::by_index`]).
pub(super) enum ByIndex<'a> {
    /// A listpack's pairs, walked once.
    Walked(Vec<Pair<'a>>),
    /// A hashtable, indexed directly.
    Table(&'a IndexMap<Key, Key, MemberHasher>),
}

impl<'a> ByIndex<'a> {
    /// The field and value at `index` (below the hash's length).
    pub(super) fn get(&self, index: usize) -> Option<Pair<'a>> {
        match self {
            ByIndex::Walked(pairs) => pairs.get(index).copied(),
            ByIndex::Table(map) => map
                .get_index(index)
                .map(|(f, v)| (f.as_bytes(), v.as_bytes())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Hash, ListpackLimits};
    use crate::key::Key;
    use crate::types::hash::test_bench::*;
    use crate::types::hash::{
        hdel, hget, hincrby, hincrbyfloat, hlen, hmset, hset, hsetnx, hstrlen,
    };
    use crate::types::set::MemberHasher;
    use bytes::Bytes;
    use indexmap::IndexMap;

    #[test]
    fn converts_past_the_entry_limit_and_never_back() {
        let mut s = shard(1);
        fill(&mut s, "h", 128);
        assert_eq!(encoding(&mut s, "h"), Some("listpack"));
        // Updating an existing field does not grow it.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f0", "x"]), int(0));
        assert_eq!(encoding(&mut s, "h"), Some("listpack"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f128", "x"]), int(1));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "f0"]), bulk("x"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "f127"]), bulk("v127"));
        assert_eq!(
            run(&mut s, hdel, &["HDEL", "h", "f128", "f127", "f126"]),
            int(3)
        );
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(126));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
        // One HSET adding many fields converts once it passes the limit.
        let mut words = vec!["HSET".to_string(), "m".to_string()];
        for i in 0..129 {
            words.push(format!("f{i}"));
            words.push("v".into());
        }
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(run(&mut s, hset, &w), int(129));
        assert_eq!(encoding(&mut s, "m"), Some("hashtable"));
        // Exactly the limit in one HSET stays a listpack.
        words[1] = "n".into();
        let w: Vec<&str> = words[..words.len() - 2]
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(run(&mut s, hset, &w), int(128));
        assert_eq!(encoding(&mut s, "n"), Some("listpack"));
        // HINCRBY and HSETNX adding a field count too.
        fill(&mut s, "c", 128);
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "c", "new", "1"]), int(1));
        assert_eq!(encoding(&mut s, "c"), Some("hashtable"));
        fill(&mut s, "d", 128);
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "d", "f0", "1"]), int(0));
        assert_eq!(encoding(&mut s, "d"), Some("listpack"));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "d", "new", "1"]), int(1));
        assert_eq!(encoding(&mut s, "d"), Some("hashtable"));
    }

    #[test]
    fn converts_on_long_fields_or_values() {
        let mut s = shard(1);
        let (l64, l65) = ("x".repeat(64), "x".repeat(65));
        assert_eq!(run(&mut s, hset, &["HSET", "a", &l64, &l64]), int(1));
        assert_eq!(encoding(&mut s, "a"), Some("listpack"));
        assert_eq!(run(&mut s, hset, &["HSET", "b", "f", &l65]), int(1));
        assert_eq!(encoding(&mut s, "b"), Some("hashtable"));
        assert_eq!(run(&mut s, hset, &["HSET", "c", &l65, "v"]), int(1));
        assert_eq!(encoding(&mut s, "c"), Some("hashtable"));
        // Even an update of an existing field, and HMSET alike.
        assert_eq!(run(&mut s, hset, &["HSET", "d", "f", "1"]), int(1));
        assert_eq!(run(&mut s, hmset, &["HMSET", "d", "f", &l65]), OK);
        assert_eq!(encoding(&mut s, "d"), Some("hashtable"));
        // HSET checks all its arguments before writing.
        assert_eq!(
            run(&mut s, hset, &["HSET", "e", "f", "1", "g", &l65]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "e"), Some("hashtable"));
        // HSETNX converts only when it sets.
        assert_eq!(run(&mut s, hset, &["HSET", "g", "f", "1"]), int(1));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "g", "f", &l65]), int(0));
        assert_eq!(encoding(&mut s, "g"), Some("listpack"));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "g", &l65, "1"]), int(1));
        assert_eq!(encoding(&mut s, "g"), Some("hashtable"));
        // The counters: a long field, or a long result.
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "i", "f", "1"]), int(1));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "i", &l65, "1"]), int(1));
        assert_eq!(encoding(&mut s, "i"), Some("hashtable"));
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "j", "f", "1"]),
            bulk("1")
        );
        assert_eq!(encoding(&mut s, "j"), Some("listpack"));
        let reply = run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "j", "f", "1e300"]);
        assert!(
            reply.starts_with("$301\r\n1000000000000000000008997"),
            "{reply}"
        );
        assert_eq!(encoding(&mut s, "j"), Some("hashtable"));
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "j", "f"]), int(301));
    }

    #[test]
    fn thresholds_come_from_the_shard_limits() {
        let mut s = shard(1);
        s.limits.hash_max_listpack_entries = 2;
        s.limits.hash_max_listpack_value = 3;
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "abc", "b", "2"]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "h"), Some("listpack"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "c", "3"]), int(1));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
        assert_eq!(run(&mut s, hset, &["HSET", "v", "a", "abcd"]), int(1));
        assert_eq!(encoding(&mut s, "v"), Some("hashtable"));
        // Zero entries: every hash is a hashtable from its first field, as in Redis.
        s.limits.hash_max_listpack_entries = 0;
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "z", "a", "1"]), int(1));
        assert_eq!(encoding(&mut s, "z"), Some("hashtable"));
    }

    #[test]
    fn hash_type_api() {
        let limits = ListpackLimits {
            entries: 2,
            value: 3,
        };
        let mut h = Hash::new();
        assert!(h.is_empty());
        assert!(h.set(b"a", b"1", limits));
        assert!(h.set(b"b", b"2", limits));
        assert!(!h.set(b"a", b"3", limits));
        assert_eq!(h.encoding(), "listpack");
        let listpack = h.clone();
        assert!(h.set(b"c", b"4", limits));
        assert_eq!(h.encoding(), "hashtable");
        assert!(h.remove(b"c"));
        assert!(!h.remove(b"c"));
        // Equality is by content, whatever the encoding.
        assert_eq!(h, listpack);
        assert!(h.set(b"d", b"5", limits));
        assert_ne!(h, listpack);
        let mut g = Hash::new();
        g.try_conversion(&[Bytes::from_static(b"abc")], limits);
        assert_eq!(g.encoding(), "listpack");
        g.try_conversion(&[Bytes::from_static(b"abcd")], limits);
        assert_eq!(g.encoding(), "hashtable");
        assert_eq!(g.get_index(0), None);
        let mut k = Hash::new();
        assert!(k.set(b"x", b"abcd", limits));
        assert_eq!(k.encoding(), "hashtable");
        assert_eq!(k.iter().collect::<Vec<_>>(), [(&b"x"[..], &b"abcd"[..])]);
    }

    #[test]
    fn a_hashtable_box_holds_no_hasher_state() {
        // The table's box is its entry vector and index only: a 64-byte size class.
        let table = std::mem::size_of::<IndexMap<Key, Key, MemberHasher>>();
        assert_eq!(crate::usage::alloc_size(table), 64);
    }

    #[test]
    fn pairs_by_index_match_get_index_in_both_encodings() {
        let wide = ListpackLimits {
            entries: 128,
            value: 64,
        };
        let mut h = Hash::new();
        for i in 0..20 {
            h.set(format!("f{i}").as_bytes(), format!("v{i}").as_bytes(), wide);
        }
        h.remove(b"f3");
        for encoding in ["listpack", "hashtable"] {
            assert_eq!(h.encoding(), encoding);
            let pairs = h.by_index();
            for index in 0..=h.len() {
                assert_eq!(pairs.get(index), h.get_index(index), "{encoding} {index}");
            }
            h.convert_to_table();
        }
    }
}
