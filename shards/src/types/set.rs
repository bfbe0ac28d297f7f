//! Set commands and the set value type (Redis's `t_set.c`).

/// A set: an `intset` while it holds only integers and is small, a `hashtable` otherwise.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Set {}

impl Set {
    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        "hashtable"
    }
}
