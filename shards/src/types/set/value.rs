//! The set value type, [`Set`], with its two encodings (intset and hashtable), its member
//! and iterator types, and the conversion threshold.

use crate::db::Key;
use crate::glob::glob_match;
use crate::reply::format_i64;
use crate::shard::Shard;
use crate::util::parse_i64;
use ahash::{AHasher, RandomState};
use indexmap::IndexSet;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// Redis's default `set-max-intset-entries`: an intset holds at most this many members.
pub const MAX_INTSET_ENTRIES: usize = 512;

/// The largest intset a shard keeps (`set-max-intset-entries`, configurable).
pub(super) fn max_intset_entries(shard: &Shard) -> usize {
    shard.limits.set_max_intset_entries
}

/// A set: an `intset` while it holds only integers and is small, a `hashtable` otherwise.
///
/// Two sets are equal when they have the same encoding and the same members (in any order).
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    repr: Repr,
}

#[derive(Debug, Clone, PartialEq)]
enum Repr {
    /// Sorted, without duplicates; sized exactly, as Redis's intset is resized on every
    /// change.
    Ints(Box<[i64]>),
    /// Any members; removal is always `swap_remove` (see the module docs on SSCAN). Boxed,
    /// so that a `Set` is two words (the table's box in the intset slice's length) and sits
    /// inline in a `Value`: an intset then costs its key's table entry and its members only.
    Table(Box<IndexSet<Key, MemberHasher>>),
}

/// The hasher of every hashtable-encoded set and hash: one random seed per process, as Redis
/// has one hash seed, so that a table carries no hasher state of its own (32 bytes a set or
/// hash, most being small). The seed is drawn once and only read after (an atomic load a hash).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemberHasher;

impl BuildHasher for MemberHasher {
    type Hasher = AHasher;

    fn build_hasher(&self) -> AHasher {
        static SEED: OnceLock<RandomState> = OnceLock::new();
        SEED.get_or_init(RandomState::new).build_hasher()
    }
}

impl Default for Set {
    /// An empty intset (Redis's `createIntsetObject`).
    fn default() -> Self {
        Set {
            repr: Repr::Ints(Box::default()),
        }
    }
}

/// One member of a set, borrowed: an intset holds integers, a hashtable byte strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member<'a> {
    /// A member of an intset.
    Int(i64),
    /// A member of a hashtable.
    Bytes(&'a [u8]),
}

impl Member<'_> {
    /// The member's bytes (the decimal text of an integer).
    pub fn to_vec(self) -> Vec<u8> {
        match self {
            Member::Int(v) => format_i64(v, &mut [0u8; 20]).to_vec(),
            Member::Bytes(b) => b.to_vec(),
        }
    }

    /// True when the member's text matches the glob `pattern`.
    fn matches(self, pattern: &[u8]) -> bool {
        match self {
            Member::Int(v) => glob_match(pattern, format_i64(v, &mut [0u8; 20]), false),
            Member::Bytes(b) => glob_match(pattern, b, false),
        }
    }
}

/// A member removed from a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// It was in an intset.
    Int(i64),
    /// It was in a hashtable.
    Bytes(Key),
}

/// The members of a set in its own order: ascending for an intset.
#[derive(Debug, Clone)]
pub enum Iter<'a> {
    /// Over an intset.
    Ints(std::slice::Iter<'a, i64>),
    /// Over a hashtable.
    Table(indexmap::set::Iter<'a, Key>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = Member<'a>;

    fn next(&mut self) -> Option<Member<'a>> {
        match self {
            Iter::Ints(it) => it.next().map(|&v| Member::Int(v)),
            Iter::Table(it) => it.next().map(|k| Member::Bytes(k.as_bytes())),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Ints(it) => it.size_hint(),
            Iter::Table(it) => it.size_hint(),
        }
    }
}

/// Runs `change` on an intset's members as a vector and boxes them again at their exact
/// size. A boxed slice becomes a vector whose length is its capacity at no cost, and back
/// at no cost when `change` added exactly what it reserved; a removal shrinks the
/// allocation (within a size class, in place).
fn edit_ints<R>(ints: &mut Box<[i64]>, change: impl FnOnce(&mut Vec<i64>) -> R) -> R {
    let mut members = Vec::from(std::mem::take(ints));
    let result = change(&mut members);
    *ints = members.into_boxed_slice();
    result
}

/// The key form of an integer member, as a hashtable stores it.
fn int_key(v: i64) -> Key {
    Key::from(format_i64(v, &mut [0u8; 20]))
}

impl Set {
    /// An empty set of the encoding that can hold `first` (Redis's `setTypeCreate`): an
    /// intset when it is an integer, a hashtable otherwise.
    pub fn for_member(first: &[u8]) -> Set {
        if parse_i64(first).is_some() {
            Set::default()
        } else {
            Set {
                repr: Repr::Table(Box::default()),
            }
        }
    }

    /// A set built by adding `members` in order to an empty intset, converting as Redis does.
    pub fn from_members<'m>(members: impl IntoIterator<Item = &'m [u8]>, max_intset: usize) -> Set {
        let mut set = Set::default();
        for m in members {
            set.add(m, max_intset);
        }
        set
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        match self.repr {
            Repr::Ints(_) => "intset",
            Repr::Table(_) => "hashtable",
        }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Ints(v) => v.len(),
            Repr::Table(t) => t.len(),
        }
    }

    /// True when the set has no members.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The members in the set's own order.
    pub fn iter(&self) -> Iter<'_> {
        match &self.repr {
            Repr::Ints(v) => Iter::Ints(v.iter()),
            Repr::Table(t) => Iter::Table(t.iter()),
        }
    }

    /// The member at a dense index (below [`Set::len`]).
    pub(super) fn get_index(&self, index: usize) -> Option<Member<'_>> {
        match &self.repr {
            Repr::Ints(v) => v.get(index).map(|&i| Member::Int(i)),
            Repr::Table(t) => t.get_index(index).map(|k| Member::Bytes(k.as_bytes())),
        }
    }

    /// Removes and returns the member at a dense index (below [`Set::len`]).
    pub(super) fn take_index(&mut self, index: usize) -> Option<Taken> {
        match &mut self.repr {
            Repr::Ints(v) => {
                (index < v.len()).then(|| Taken::Int(edit_ints(v, |v| v.remove(index))))
            }
            Repr::Table(t) => t.swap_remove_index(index).map(Taken::Bytes),
        }
    }

    /// True when `member` is in the set.
    pub fn contains(&self, member: &[u8]) -> bool {
        self.contains_member(Member::Bytes(member))
    }

    /// True when `member` (from any set) is in this set.
    pub fn contains_member(&self, member: Member<'_>) -> bool {
        match (&self.repr, member) {
            (Repr::Ints(v), Member::Int(i)) => v.binary_search(&i).is_ok(),
            (Repr::Ints(v), Member::Bytes(b)) => {
                parse_i64(b).is_some_and(|i| v.binary_search(&i).is_ok())
            }
            (Repr::Table(t), Member::Int(i)) => t.contains(format_i64(i, &mut [0u8; 20])),
            (Repr::Table(t), Member::Bytes(b)) => t.contains(b),
        }
    }

    /// Adds `member`; true if it was not there. An intset becomes a hashtable when the member
    /// is not an integer or the set grows past `max_intset` members (Redis's `setTypeAdd`).
    pub fn add(&mut self, member: &[u8], max_intset: usize) -> bool {
        self.add_member(Member::Bytes(member), max_intset)
    }

    /// [`Set::add`] for a member taken from another set.
    pub fn add_member(&mut self, member: Member<'_>, max_intset: usize) -> bool {
        let int = match member {
            Member::Int(i) => Some(i),
            Member::Bytes(b) => parse_i64(b),
        };
        match (&mut self.repr, int) {
            (Repr::Ints(v), Some(i)) => {
                let Err(at) = v.binary_search(&i) else {
                    return false;
                };
                edit_ints(v, |v| {
                    v.reserve_exact(1);
                    v.insert(at, i)
                });
                if v.len() > max_intset {
                    self.convert();
                }
                true
            }
            (Repr::Ints(_), None) => {
                self.convert();
                self.add_member(member, max_intset)
            }
            (Repr::Table(t), Some(i)) => t.insert(int_key(i)),
            (Repr::Table(t), None) => match member {
                Member::Bytes(b) => !t.contains(b) && t.insert(Key::from(b)),
                Member::Int(i) => t.insert(int_key(i)),
            },
        }
    }

    /// Removes `member`; true if it was there.
    pub fn remove(&mut self, member: &[u8]) -> bool {
        match &mut self.repr {
            Repr::Ints(v) => match parse_i64(member).map(|i| v.binary_search(&i)) {
                Some(Ok(at)) => {
                    edit_ints(v, |v| v.remove(at));
                    true
                }
                _ => false,
            },
            Repr::Table(t) => t.swap_remove(member),
        }
    }

    /// Turns an intset into a hashtable (Redis's `setTypeConvert`).
    fn convert(&mut self) {
        if let Repr::Ints(v) = &self.repr {
            let mut t = IndexSet::with_capacity_and_hasher(v.len() + 1, MemberHasher);
            for &i in v.iter() {
                t.insert(int_key(i));
            }
            self.repr = Repr::Table(Box::new(t));
        }
    }

    /// One SSCAN step from `cursor`, visiting `count` members and keeping those matching
    /// `pattern`. An intset is returned whole with cursor 0, as Redis does. A hashtable is
    /// walked like the key table (`keys::scan`): cursor 0 starts at the last index, `c >= 1`
    /// continues at index `c - 1` (or at the last index if the set shrank below it), and the
    /// next cursor is 0 when done. Removal moves the last member into the hole, which a
    /// downward walk has already visited, so a member present for the whole scan is returned.
    pub fn scan(
        &self,
        cursor: u64,
        count: usize,
        pattern: Option<&[u8]>,
    ) -> (u64, Vec<Member<'_>>) {
        let keep = |m: &Member<'_>| pattern.is_none_or(|p| m.matches(p));
        let t = match &self.repr {
            Repr::Ints(v) => {
                return (0, v.iter().map(|&i| Member::Int(i)).filter(keep).collect());
            }
            Repr::Table(t) => t,
        };
        let len = t.len();
        if len == 0 {
            return (0, Vec::new());
        }
        let top = match cursor {
            0 => len - 1,
            c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
        };
        let bottom = top + 1 - count.min(top + 1);
        let found = (bottom..=top)
            .rev()
            .filter_map(|i| t.get_index(i))
            .map(|k| Member::Bytes(k.as_bytes()))
            .filter(keep)
            .collect();
        (bottom as u64, found)
    }
}

#[cfg(test)]
mod tests {
    use super::{Member, Set, MAX_INTSET_ENTRIES};
    use crate::types::set::test_bench::*;
    use crate::types::set::{sadd, scard, sismember, smembers, srem};

    #[test]
    fn intset_while_small_and_integer() {
        let mut s = shard();
        assert_eq!(
            run(&mut s, sadd, &["SADD", "k", "3", "-1", "2", "3"]),
            int(3)
        );
        assert_eq!(encoding(&mut s, "k"), Some("intset"));
        // Ascending, as Redis's intset.
        assert_eq!(
            run(&mut s, smembers, &["SMEMBERS", "k"]),
            arr(&["-1", "2", "3"])
        );
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "x"]), int(1));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        // Never back to an intset, even once only integers are left.
        assert_eq!(run(&mut s, srem, &["SREM", "k", "x"]), int(1));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", "2"]), int(1));
        // A first member that is not an integer makes a hashtable at once.
        assert_eq!(run(&mut s, sadd, &["SADD", "h", "a", "1"]), int(2));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
    }

    #[test]
    fn integers_follow_string2ll() {
        let mut s = shard();
        for (member, enc) in [
            ("0", "intset"),
            ("-9223372036854775808", "intset"),
            ("9223372036854775807", "intset"),
            ("9223372036854775808", "hashtable"),
            ("01", "hashtable"),
            ("+1", "hashtable"),
            (" 1", "hashtable"),
            ("1.0", "hashtable"),
            ("-0", "hashtable"),
            ("1e3", "hashtable"),
        ] {
            let key = format!("k{member}");
            assert_eq!(run(&mut s, sadd, &["SADD", &key, member]), int(1));
            assert_eq!(encoding(&mut s, &key), Some(enc), "{member:?}");
        }
        // "01" is not the integer 1 in an intset.
        assert_eq!(run(&mut s, sadd, &["SADD", "i", "1"]), int(1));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "i", "01"]), int(0));
        assert_eq!(run(&mut s, srem, &["SREM", "i", "+1", "1.0"]), int(0));
        assert_eq!(run(&mut s, sadd, &["SADD", "i", "01"]), int(1));
        assert_eq!(encoding(&mut s, "i"), Some("hashtable"));
        assert_eq!(run(&mut s, scard, &["SCARD", "i"]), int(2));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "i", "1"]), int(1));
    }

    #[test]
    fn intset_converts_past_max_entries() {
        let mut s = shard();
        let ints: Vec<String> = (0..MAX_INTSET_ENTRIES).map(|i| i.to_string()).collect();
        let mut words = vec!["SADD", "k"];
        words.extend(ints.iter().map(String::as_str));
        assert_eq!(run(&mut s, sadd, &words), int(MAX_INTSET_ENTRIES as i64));
        assert_eq!(encoding(&mut s, "k"), Some("intset"));
        // Already there: no growth, no conversion.
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "0"]), int(0));
        assert_eq!(encoding(&mut s, "k"), Some("intset"));
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "100000"]), int(1));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(513));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", "511"]), int(1));
        // One SADD crossing the threshold converts halfway through.
        let mut words = vec!["SADD", "m"];
        let more: Vec<String> = (0..600).map(|i| (i * 7).to_string()).collect();
        words.extend(more.iter().map(String::as_str));
        assert_eq!(run(&mut s, sadd, &words), int(600));
        assert_eq!(encoding(&mut s, "m"), Some("hashtable"));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "m", "4193"]), int(1));
    }

    #[test]
    fn set_value_api() {
        let mut set = Set::from_members([&b"2"[..], b"1"], 2);
        assert_eq!(set.encoding(), "intset");
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Member::Int(1), Member::Int(2)]
        );
        assert!(set.add(b"3", 2));
        assert_eq!(set.encoding(), "hashtable");
        assert!(set.contains_member(Member::Int(3)));
        assert!(!set.add(b"3", 2));
        assert!(set.remove(b"1"));
        assert!(!set.remove(b"1"));
        assert_eq!(set.len(), 2);
        assert_eq!(Member::Int(-5).to_vec(), b"-5");
        // Equality ignores the order of a hashtable's members.
        let a = Set::from_members([&b"x"[..], b"y"], 512);
        let b = Set::from_members([&b"y"[..], b"x"], 512);
        assert_eq!(a, b);
        assert_eq!(Set::for_member(b"7").encoding(), "intset");
        assert_eq!(Set::for_member(b"a").encoding(), "hashtable");
    }
}
