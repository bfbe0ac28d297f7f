//! The list value type, [`List`], and [`End`], the end of a list a command works at.

use std::collections::VecDeque;

/// A list of binary-safe strings. Redis 7.0 always reports `quicklist`.
///
/// Two lists are equal when they hold the same elements in the same order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct List {
    pub(super) items: VecDeque<Box<[u8]>>,
}

impl List {
    /// An empty list.
    pub fn new() -> Self {
        List::default()
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        "quicklist"
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the list holds no element (never the case for a list stored under a key).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds `item` at the head or the tail.
    pub fn push(&mut self, end: End, item: &[u8]) {
        let item = Box::from(item);
        match end {
            End::Head => self.items.push_front(item),
            End::Tail => self.items.push_back(item),
        }
    }

    /// Removes and returns the element at the head or the tail.
    pub fn pop(&mut self, end: End) -> Option<Box<[u8]>> {
        match end {
            End::Head => self.items.pop_front(),
            End::Tail => self.items.pop_back(),
        }
    }

    /// The element at `index` (from the head, starting at 0).
    pub fn get(&self, index: usize) -> Option<&[u8]> {
        self.items.get(index).map(|item| &item[..])
    }

    /// The elements from head to tail.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &[u8]> + ExactSizeIterator {
        self.items.iter().map(|item| &item[..])
    }

    /// Resolves a possibly negative Redis index (-1 is the last element) to a position.
    pub(super) fn position(&self, index: i64) -> Option<usize> {
        let len = self.items.len() as i64;
        let index = if index < 0 { index + len } else { index };
        (0..len).contains(&index).then_some(index as usize)
    }
}

impl<T: AsRef<[u8]>> FromIterator<T> for List {
    /// A list of `iter`'s elements, the first at the head.
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List {
            items: iter
                .into_iter()
                .map(|item| Box::from(item.as_ref()))
                .collect(),
        }
    }
}

/// One end of a list: Redis's `LIST_HEAD` (LEFT) and `LIST_TAIL` (RIGHT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The head, LEFT.
    Head,
    /// The tail, RIGHT.
    Tail,
}

#[cfg(test)]
mod tests {
    use super::{End, List};

    #[test]
    fn list_api() {
        let mut list: List = ["a", "b"].into_iter().collect();
        list.push(End::Head, b"z");
        assert_eq!(list.len(), 3);
        assert_eq!(list.get(0), Some(&b"z"[..]));
        assert_eq!(list.iter().next_back(), Some(&b"b"[..]));
        assert_eq!(list.pop(End::Tail).as_deref(), Some(&b"b"[..]));
        assert_eq!(list.position(-1), Some(1));
        assert_eq!(list.position(-3), None);
        assert_eq!(list.position(i64::MIN), None);
        assert!(!list.is_empty());
        assert_eq!(list.encoding(), "quicklist");
    }
}
