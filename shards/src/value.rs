//! The values a key can hold: one enum, so every keyspace command (TYPE, RENAME, COPY, SCAN
//! TYPE, ...) sees every type. Each collection type lives in its own module under `types/`.

use crate::types::{hash::Hash, list::List, set::Set, zset::ZSet};

/// A value stored under a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A binary-safe string (Redis's `string` type, also holding integers and floats).
    Str(Vec<u8>),
    /// A list.
    List(List),
    /// A hash.
    Hash(Hash),
    /// A set.
    Set(Set),
    /// A sorted set.
    ZSet(ZSet),
}

impl Value {
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
