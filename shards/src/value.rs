//! The values a key can hold: one enum, so every keyspace command (TYPE, RENAME, COPY, SCAN
//! TYPE, ...) sees every type. Each collection type lives in its own module under `types/`.

use crate::types::{hash::Hash, list::List, set::Set, zset::ZSet};

/// A value stored under a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A binary-safe string (Redis's `string` type, also holding integers and floats).
    Str(Vec<u8>),
    // A `Value` stays as small as a string's (24 bytes): every key's table entry holds one,
    // and most keys are strings. A hash and a set are two words (a listpack's or intset's
    // exact-size buffer, or a boxed table) and sit inline, so a small one costs no
    // allocation beyond its buffer; lists and sorted sets are boxed.
    /// A list.
    List(Box<List>),
    /// A hash.
    Hash(Hash),
    /// A set.
    Set(Set),
    /// A sorted set.
    ZSet(Box<ZSet>),
}

impl Value {
    /// A list value.
    pub fn list(list: List) -> Value {
        Value::List(Box::new(list))
    }

    /// A hash value.
    pub fn hash(hash: Hash) -> Value {
        Value::Hash(hash)
    }

    /// A set value.
    pub fn set(set: Set) -> Value {
        Value::Set(set)
    }

    /// A sorted set value.
    pub fn zset(zset: ZSet) -> Value {
        Value::ZSet(Box::new(zset))
    }

    /// The name TYPE reports for this value.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "string",
            Value::List(_) => "list",
            Value::Hash(_) => "hash",
            Value::Set(_) => "set",
            Value::ZSet(_) => "zset",
        }
    }

    /// The encoding OBJECT ENCODING reports, as Redis 7.0 would choose it.
    pub fn encoding(&self) -> &'static str {
        match self {
            Value::Str(s) => {
                if s.len() <= 20 && crate::util::parse_i64(s).is_some() {
                    "int"
                } else if s.len() <= 44 {
                    "embstr"
                } else {
                    "raw"
                }
            }
            Value::List(l) => l.encoding(),
            Value::Hash(h) => h.encoding(),
            Value::Set(s) => s.encoding(),
            Value::ZSet(z) => z.encoding(),
        }
    }

    /// A string value from bytes, sized exactly (no spare capacity kept per key).
    pub fn string(bytes: &[u8]) -> Value {
        Value::Str(bytes.to_vec())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_value_is_as_small_as_a_string() {
        assert_eq!(std::mem::size_of::<super::Value>(), 24);
    }

    #[test]
    fn a_hash_and_a_set_are_two_words_and_sit_inline() {
        // A listpack's or intset's boxed slice, or a table's box in the slice's length.
        assert_eq!(std::mem::size_of::<crate::types::hash::Hash>(), 16);
        assert_eq!(std::mem::size_of::<crate::types::set::Set>(), 16);
    }
}
