//! List commands and the list value type (Redis's `t_list.c`).

/// A list. Redis 7.0 always reports `quicklist`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List {}

impl List {
    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        "quicklist"
    }
}
