//! Hash commands and the hash value type (Redis's `t_hash.c`).

/// A hash: a compact `listpack` while small, a `hashtable` past the thresholds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hash {}

impl Hash {
    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        "listpack"
    }
}
