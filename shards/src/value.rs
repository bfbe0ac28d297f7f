//! The values a key can hold. Strings today; lists, hashes, sets and sorted sets join as
//! variants, so every keyspace command (TYPE, RENAME, COPY, ...) sees one type.

/// A value stored under a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A binary-safe string (Redis's `string` type, also holding integers and floats).
    Str(Vec<u8>),
}

impl Value {
    /// The name TYPE reports for this value.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "string",
        }
    }

    /// The encoding OBJECT ENCODING reports, as Redis would choose it.
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
        }
    }

    /// A string value from bytes, sized exactly (no spare capacity kept per key).
    pub fn string(bytes: &[u8]) -> Value {
        Value::Str(bytes.to_vec())
    }
}
