//! ZSet commands and the zset value type (Redis's `t_zset.c`).

/// A sorted set: a compact `listpack` while small, a `skiplist` past the thresholds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZSet {}

impl ZSet {
    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        "listpack"
    }
}
