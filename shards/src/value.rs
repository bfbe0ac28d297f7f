//! The values a key can hold: one enum, so every keyspace command (TYPE, RENAME, COPY, SCAN
//! TYPE, ...) sees every type. Each collection type lives in its own module under `types/`.

use crate::types::{hash::Hash, list::List, set::Set, zset::ZSet};

/// A value stored under a key.
#[derive(Debug, Clone)]
pub enum Value {
    /// A binary-safe string (Redis's `string` type, also holding floats, and integers once
    /// modified in place by APPEND or SETRANGE, as Redis's `raw` encoding).
    Str(Vec<u8>),
    /// A string that is the canonical decimal text of an integer, stored as the integer (Redis's
    /// `int` encoding): no allocation of its own. TYPE says `string`; every string command
    /// sees its text (see [`Value::string_bytes`]).
    Int(i64),
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

/// A string value's bytes: borrowed from a `Str`, or an `Int`'s decimal text.
#[derive(Debug, Clone, Copy)]
pub enum StrBytes<'a> {
    /// The bytes of a `Str`.
    Borrowed(&'a [u8]),
    /// The decimal text of an `Int`: the buffer and where the text starts in it.
    Digits([u8; 20], u8),
}

impl std::ops::Deref for StrBytes<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            StrBytes::Borrowed(bytes) => bytes,
            StrBytes::Digits(buf, from) => &buf[usize::from(*from)..],
        }
    }
}

/// The decimal text of `n`.
fn digits_of(n: i64) -> StrBytes<'static> {
    let mut buf = [0u8; 20];
    let len = crate::reply::format_i64(n, &mut buf).len();
    StrBytes::Digits(buf, (20 - len) as u8)
}

/// Two values are equal when they are the same type with the same contents; a string
/// stored as an integer equals the same text stored as bytes.
impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Hash(a), Value::Hash(b)) => a == b,
            (Value::Set(a), Value::Set(b)) => a == b,
            (Value::ZSet(a), Value::ZSet(b)) => a == b,
            (a, b) => match (a.string_bytes(), b.string_bytes()) {
                (Some(a), Some(b)) => *a == *b,
                _ => false,
            },
        }
    }
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
            Value::Str(_) | Value::Int(_) => "string",
            Value::List(_) => "list",
            Value::Hash(_) => "hash",
            Value::Set(_) => "set",
            Value::ZSet(_) => "zset",
        }
    }

    /// The encoding OBJECT ENCODING reports, as Redis 7.0 would choose it.
    pub fn encoding(&self) -> &'static str {
        match self {
            Value::Int(_) => "int",
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

    /// A string value from bytes: an `Int` when they are an integer's canonical decimal text
    /// (as Redis's `tryObjectEncoding`), otherwise sized exactly (no spare capacity kept per
    /// key).
    pub fn string(bytes: &[u8]) -> Value {
        match crate::util::parse_i64(bytes) {
            Some(n) => Value::Int(n),
            None => Value::Str(bytes.to_vec()),
        }
    }

    /// [`Value::string`] from bytes already owned (a loaded snapshot's), without copying them.
    pub fn string_from_vec(bytes: Vec<u8>) -> Value {
        match crate::util::parse_i64(&bytes) {
            Some(n) => Value::Int(n),
            None => Value::Str(bytes),
        }
    }

    /// The bytes of a string value (an `Int`'s decimal text); `None` for another type.
    pub fn string_bytes(&self) -> Option<StrBytes<'_>> {
        match self {
            Value::Str(bytes) => Some(StrBytes::Borrowed(bytes)),
            Value::Int(n) => Some(digits_of(*n)),
            _ => None,
        }
    }

    /// The bytes of a string value for modification in place (an `Int` becomes bytes first,
    /// as Redis's APPEND and SETRANGE turn an `int` string `raw`); `None` for another type.
    pub fn string_mut(&mut self) -> Option<&mut Vec<u8>> {
        if let Value::Int(n) = *self {
            *self = Value::Str(digits_of(n).to_vec());
        }
        match self {
            Value::Str(bytes) => Some(bytes),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn integers_are_stored_as_integers_and_read_as_their_text() {
        for (text, int) in [
            (&b"0"[..], Some(0)),
            (b"-1", Some(-1)),
            (b"9223372036854775807", Some(i64::MAX)),
            (b"-9223372036854775808", Some(i64::MIN)),
            (b"9223372036854775808", None),
            (b"007", None),
            (b"-0", None),
            (b"+1", None),
            (b" 1", None),
            (b"1.5", None),
            (b"", None),
        ] {
            let value = Value::string(text);
            match int {
                Some(n) => assert!(matches!(value, Value::Int(v) if v == n), "{text:?}"),
                None => assert!(matches!(value, Value::Str(_)), "{text:?}"),
            }
            assert_eq!(&*value.string_bytes().unwrap(), text);
            assert_eq!(value, Value::Str(text.to_vec()));
            assert_eq!(value.type_name(), "string");
        }
        let mut value = Value::string(b"12");
        value.string_mut().unwrap().extend_from_slice(b"3");
        assert!(matches!(&value, Value::Str(s) if s == b"123"));
        assert_ne!(Value::string(b"1"), Value::string(b"2"));
    }

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
