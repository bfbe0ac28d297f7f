//! The key table of a database: keys in a dense vector with a hash index over it, sized for
//! memory per key.
//!
//! It keeps what the database relies on from an `IndexMap` (O(1) lookup, insertion and
//! `swap_remove`; entries by dense index for random sampling and for SCAN's and the
//! snapshot's top-down walks; removal moving the *last* entry into the hole, see `db.rs`)
//! and drops what costs memory there:
//!
//! - the entry vector grows by an eighth to a size class once it is big (see
//!   [`grown_capacity`]). `indexmap` grows it
//!   to the index's capacity instead (1.84M entries as soon as the table passes 917k keys),
//!   and a plain vector doubles, all of it counted by `used_memory`;
//! - entries do not cache their hash: the index is rebuilt from the keys when it grows
//!   (ahash over a short key costs a few nanoseconds), as Redis rehashes its dict;
//! - index slots are `u32`, not `usize`: a database of one shard holds fewer than 2^32 keys
//!   (that many would take more than 200 GB).

use crate::key::Key;
use ahash::RandomState;
use hashbrown::HashTable;

/// A hash table from [`Key`]s to `V`s whose entries sit in insertion order in a dense vector,
/// until a removal moves the last one into the hole.
#[derive(Debug)]
pub struct KeyTable<V> {
    /// Every key and its value; `index` holds positions in this vector.
    entries: Vec<(Key, V)>,
    /// Positions in `entries`, hashed by their key.
    index: HashTable<u32>,
    /// Hashes keys for `index`.
    hasher: RandomState,
}

/// The capacity a full entry vector of `capacity` entries of `entry` bytes grows to: it
/// doubles while small; once big, it grows by an eighth, rounded up to fill the allocator's
/// size class (jemalloc has four classes per doubling), so a big table carries at most a
/// quarter of its entries as spare capacity (doubling left up to as many spare entries as
/// keys right after it grew) and none of it hidden in a class's rounding. Copying stays
/// amortised O(1) per insertion.
fn grown_capacity(capacity: usize, entry: usize) -> usize {
    if capacity < 4096 || entry == 0 {
        (capacity * 2).max(4)
    } else {
        crate::usage::alloc_size((capacity + capacity / 8) * entry) / entry
    }
}

impl<V> Default for KeyTable<V> {
    fn default() -> Self {
        KeyTable::new()
    }
}

impl<V> KeyTable<V> {
    /// An empty table.
    pub fn new() -> Self {
        KeyTable {
            entries: Vec::new(),
            index: HashTable::new(),
            hasher: RandomState::new(),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the table holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The bytes the table has asked the allocator for: its entry vector's and its index's
    /// (before rounding to size classes; `usage.rs` does that).
    pub fn allocations(&self) -> [usize; 2] {
        [
            self.entries.capacity() * size_of::<(Key, V)>(),
            self.index.allocation_size(),
        ]
    }

    fn hash(&self, key: &[u8]) -> u64 {
        self.hasher.hash_one(key)
    }

    /// The dense index of `key`, if stored.
    pub fn get_index_of(&self, key: &[u8]) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(self.hash(key), |&at| {
                entries[at as usize].0.as_bytes() == key
            })
            .map(|&at| at as usize)
    }

    /// The value of `key`.
    pub fn get(&self, key: &[u8]) -> Option<&V> {
        self.get_index_of(key).map(|at| &self.entries[at].1)
    }

    /// The value of `key`, for change.
    pub fn get_mut(&mut self, key: &[u8]) -> Option<&mut V> {
        let at = self.get_index_of(key)?;
        Some(&mut self.entries[at].1)
    }

    /// The stored key and its value.
    pub fn get_key_value(&self, key: &[u8]) -> Option<(&Key, &V)> {
        self.get_index_of(key).map(|at| {
            let (stored, value) = &self.entries[at];
            (stored, value)
        })
    }

    /// The dense index, stored key and value of `key`.
    pub fn get_full(&self, key: &[u8]) -> Option<(usize, &Key, &V)> {
        self.get_index_of(key).map(|at| {
            let (stored, value) = &self.entries[at];
            (at, stored, value)
        })
    }

    /// The dense index, stored key and value of `key`, both for change (the key's access
    /// metadata; its bytes must stay as they are).
    pub fn get_full_mut2(&mut self, key: &[u8]) -> Option<(usize, &mut Key, &mut V)> {
        let at = self.get_index_of(key)?;
        let (stored, value) = &mut self.entries[at];
        Some((at, stored, value))
    }

    /// True if `key` is stored.
    pub fn contains_key(&self, key: &[u8]) -> bool {
        self.get_index_of(key).is_some()
    }

    /// The key and value at a dense index.
    pub fn get_index(&self, at: usize) -> Option<(&Key, &V)> {
        self.entries.get(at).map(|(key, value)| (key, value))
    }

    /// The stored key and value at a dense index, both for change (the key's access
    /// metadata; its bytes must stay as they are).
    pub fn get_index_mut2(&mut self, at: usize) -> Option<(&mut Key, &mut V)> {
        self.entries.get_mut(at).map(|(key, value)| (key, value))
    }

    /// Stores `value` under `key`, returning the value it replaces. A new key goes at the end.
    pub fn insert(&mut self, key: Key, value: V) -> Option<V> {
        let hash = self.hash(key.as_bytes());
        let (entries, hasher) = (&mut self.entries, &self.hasher);
        let found = self.index.find(hash, |&at| {
            entries[at as usize].0.as_bytes() == key.as_bytes()
        });
        if let Some(&at) = found {
            return Some(std::mem::replace(&mut entries[at as usize].1, value));
        }
        let at = u32::try_from(entries.len())
            .unwrap_or_else(|_| panic!("a database of one shard holds fewer than 2^32 keys"));
        self.index.insert_unique(hash, at, |&at| {
            hasher.hash_one(entries[at as usize].0.as_bytes())
        });
        if entries.len() == entries.capacity() {
            let grown = grown_capacity(entries.capacity(), size_of::<(Key, V)>());
            entries.reserve_exact(grown - entries.len());
        }
        entries.push((key, value));
        None
    }

    /// Removes `key`, moving the last entry into its place; returns the index it had, the
    /// stored key and its value.
    pub fn swap_remove_full(&mut self, key: &[u8]) -> Option<(usize, Key, V)> {
        let at = self.get_index_of(key)?;
        let (stored, value) = self.swap_remove_index(at)?;
        Some((at, stored, value))
    }

    /// Removes `key`, moving the last entry into its place; returns its value.
    pub fn swap_remove(&mut self, key: &[u8]) -> Option<V> {
        self.swap_remove_full(key).map(|(_, _, value)| value)
    }

    /// Removes the entry at a dense index, moving the last entry into its place.
    pub fn swap_remove_index(&mut self, at: usize) -> Option<(Key, V)> {
        let key = self.entries.get(at)?.0.as_bytes();
        let hash = self.hash(key);
        if let Ok(slot) = self.index.find_entry(hash, |&i| i as usize == at) {
            slot.remove();
        }
        let last = self.entries.len() - 1;
        if at != last {
            let hash = self.hash(self.entries[last].0.as_bytes());
            if let Some(slot) = self.index.find_mut(hash, |&i| i as usize == last) {
                *slot = at as u32; // `at < last < 2^32`
            }
        }
        Some(self.entries.swap_remove(at))
    }

    /// Keeps the first `len` entries, dropping the rest.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.entries.len() {
            return;
        }
        self.index.retain(|&mut at| (at as usize) < len);
        self.entries.truncate(len);
    }

    /// The entries in dense index order.
    pub fn iter(&self) -> impl Iterator<Item = (&Key, &V)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    /// The keys in dense index order.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.entries.iter().map(|(key, _)| key)
    }
}

impl<V> std::ops::Index<&[u8]> for KeyTable<V> {
    type Output = V;

    /// The value of a key that is stored; panics otherwise (tests).
    fn index(&self, key: &[u8]) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("key not in the table"),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_big_table_keeps_at_most_a_quarter_of_spare_entries() {
        let mut table: super::KeyTable<u64> = super::KeyTable::new();
        for i in 0..300_000u64 {
            table.insert(crate::key::Key::from(format!("key:{i}").as_bytes()), i);
            let [entries, _] = table.allocations();
            let capacity = entries / std::mem::size_of::<(crate::key::Key, u64)>();
            assert!(
                capacity <= 4096 || capacity <= table.len() * 5 / 4 + 1,
                "{capacity} for {}",
                table.len()
            );
        }
        assert_eq!(table.get(b"key:299999"), Some(&299_999));
    }

    use super::*;

    fn key(n: usize) -> Key {
        Key::from(format!("key:{n}").as_bytes())
    }

    /// Every stored key is found at its dense index, and the index holds nothing else.
    fn check(table: &KeyTable<usize>) {
        assert_eq!(table.index.len(), table.len());
        for (at, (stored, _)) in table.iter().enumerate() {
            assert_eq!(table.get_index_of(stored), Some(at));
        }
    }

    #[test]
    fn insert_get_replace_and_swap_remove() {
        let mut table = KeyTable::new();
        for n in 0..1000 {
            assert_eq!(table.insert(key(n), n), None);
        }
        assert_eq!(table.insert(key(7), 70), Some(7));
        assert_eq!(table.get(&key(7)), Some(&70));
        assert_eq!(table.get_index(999).map(|(_, &v)| v), Some(999));
        check(&table);
        // Removing index 3 moves the last entry (999) there.
        assert_eq!(table.swap_remove_full(&key(3)), Some((3, key(3), 3)));
        assert_eq!(table.get_index(3).map(|(_, &v)| v), Some(999));
        assert_eq!(table.swap_remove(&key(3)), None);
        // Removing the last entry moves nothing.
        assert_eq!(table.swap_remove_index(998), Some((key(998), 998)));
        check(&table);
        for n in (0..1000).filter(|n| n % 3 == 0) {
            table.swap_remove(&key(n));
        }
        check(&table);
        assert!(!table.contains_key(&key(0)) && table.contains_key(&key(1)));
        table.truncate(10);
        assert_eq!(table.len(), 10);
        check(&table);
        assert_eq!(table.get_index_of(&key(1)), Some(1));
    }
}
