//! One logical database (SELECT 0..15) of one shard: the key table and the expiry table.
//!
//! Both tables are [`KeyTable`]s (`table.rs`): entries live in a dense vector, which gives O(1) uniform random
//! sampling (active expiry, eviction, RANDOMKEY) and lets SCAN walk indices from the top down.
//! Removal is always `swap_remove`, which moves the *last* entry into the hole; a scan that
//! walks downwards has already visited the last entry, so a key present for the whole scan is
//! never missed (it may be returned twice, which SCAN allows). See `keys::scan`.
//!
//! Expiry is lazy here: every lookup first drops a key whose time has passed. The active cycle
//! in `expire.rs` finds the keys nobody asks for.
//!
//! Every method that changes a key reports it to the database's [`WatchedKeys`] (WATCH), at
//! the cost of one branch while nobody watches; so does removal because a key's time passed
//! (see `watch.rs`).
//!
//! While a point-in-time snapshot runs, every change of a key first goes through
//! `Db::before_change`, which keeps the key's old value if the snapshot's walk has not
//! reached it yet, and every removal through `Db::swap_remove_entry`, which tells the walk
//! which entry moved (see `snapshot/cursor.rs`); with no snapshot running each costs one branch.

use crate::aof::ExpiryHooks;
use crate::evict::Access;
use crate::snapshot::cursor::DbCursor;
use crate::table::KeyTable;
use crate::value::Value;
use crate::watch::WatchedKeys;

pub use crate::key::Key;

/// One database of one shard.
#[derive(Debug, Default)]
pub struct Db {
    /// Every live key and its value.
    pub(crate) entries: KeyTable<Value>,
    /// Absolute expiry times (ms since the epoch) of the keys that have one.
    pub(crate) expires: KeyTable<i64>,
    /// Keys deleted because their time passed, lazily or actively (INFO expired_keys).
    pub expired_keys: u64,
    /// The keys clients WATCH, with their versions.
    pub watched: WatchedKeys,
    /// Changes of keys made here since the start, one per changed key (what Redis's
    /// `server.dirty` counts for most commands; save points read it).
    pub changes: u64,
    /// The walk of a running point-in-time snapshot over this database's keys, if one runs.
    pub(crate) snapshot: Option<Box<DbCursor>>,
    /// What the append-only file needs from expiry: the keys removed because their time
    /// passed (to log as `DEL`), and whether keys may expire at all (not while loading).
    pub(crate) aof: ExpiryHooks,
    /// How lookups update the keys' access metadata (LRU clock or LFU counter).
    pub(crate) access: Access,
    /// When the running command started (ms; set by `Shard::run`): the access time of keys
    /// it creates.
    pub(crate) now: i64,
    /// The keyspace-event classes wanted (`notify-keyspace-events`, set by
    /// `Shard::set_notify_flags`; 0 when nothing is published).
    pub(crate) notify_flags: u32,
    /// Keyspace events of this database not yet published, in the order they happened: the
    /// handlers' events, keys created (`new`), expired and missed, in one sequence, so a key's
    /// events keep Redis's order.
    pub(crate) events: Vec<(&'static str, Key)>,
}

impl Db {
    /// An empty database.
    pub fn new() -> Self {
        Db::default()
    }

    /// Number of keys, including ones whose time has passed but are not yet removed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the database holds no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of keys with an expiry time.
    pub fn volatile_len(&self) -> usize {
        self.expires.len()
    }

    /// Removes `key` if its expiry time has passed (`now > when`, as Redis's `keyIsExpired`); true if it did.
    pub fn expire_if_needed(&mut self, key: &[u8], now: i64) -> bool {
        match self.expires.get(key) {
            Some(&when) if when < now && !self.aof.loading => {
                self.before_change(key);
                self.expires.swap_remove(key);
                self.swap_remove_entry(key);
                self.expired_keys += 1;
                self.touch(key);
                self.aof.note_expired(key);
                self.notify(crate::notify::EXPIRED, "expired", key);
                true
            }
            _ => false,
        }
    }

    /// True if `key`'s expiry time has passed (`now > when`: it is logically gone but not yet
    /// removed). Does not remove it: for readers that must not write, like KEYS.
    pub fn is_expired(&self, key: &[u8], now: i64) -> bool {
        matches!(self.expires.get(key), Some(&when) if when < now && !self.aof.loading)
    }

    /// The value of a live key; records the access (LRU clock or LFU counter).
    pub fn get(&mut self, key: &[u8], now: i64) -> Option<&Value> {
        self.expire_if_needed(key, now);
        let (_, stored, value) = self.entries.get_full_mut2(key)?;
        self.access.touch(stored, now);
        Some(value)
    }

    /// [`Db::get`] for a read command: a missing key is a `keymiss` keyspace event (Redis's
    /// `lookupKeyRead`).
    pub fn get_for_read(&mut self, key: &[u8], now: i64) -> Option<&Value> {
        self.expire_if_needed(key, now);
        let Some(index) = self.entries.get_index_of(key) else {
            self.notify(crate::notify::KEY_MISS, "keymiss", key);
            return None;
        };
        let (stored, value) = self.entries.get_index_mut2(index)?;
        self.access.touch(stored, now);
        Some(value)
    }

    /// The value of a live key without recording an access (OBJECT, MEMORY USAGE: Redis's
    /// `LOOKUP_NOTOUCH`), with its access metadata.
    pub fn peek(&mut self, key: &[u8], now: i64) -> Option<(u32, &Value)> {
        self.expire_if_needed(key, now);
        self.entries
            .get_key_value(key)
            .map(|(stored, value)| (stored.access(), value))
    }

    /// How this database's keys record accesses.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Evicts `key` (it exists): removed as DEL removes it, logged to the append-only file as
    /// `DEL`, as an expired key is.
    pub(crate) fn evict(&mut self, key: &Key) {
        if self.remove(key.as_bytes()).is_some() {
            self.aof.note_expired(key.as_bytes());
        }
    }

    /// The value of a live key, for modification in place (the expiry time is kept). Counts
    /// as a change of a watched key when the key exists: callers look up for writing.
    pub fn get_mut(&mut self, key: &[u8], now: i64) -> Option<&mut Value> {
        self.expire_if_needed(key, now);
        self.before_change(key);
        let (_, stored, value) = self.entries.get_full_mut2(key)?;
        self.access.touch(stored, now);
        if !self.watched.is_empty() {
            self.watched.touch(key);
        }
        Some(value)
    }

    /// Called before any change of `key` (its value, its expiry, its removal): while a snapshot
    /// runs, keeps the key's current value and expiry for it if its walk has not reached the
    /// key yet. One branch otherwise.
    #[inline]
    fn before_change(&mut self, key: &[u8]) {
        if let Some(cursor) = &mut self.snapshot {
            cursor.preserve(key, &self.entries, &self.expires);
        }
    }

    /// Removes `key` from the key table (not from the expiry table), telling a running
    /// snapshot's walk which entry `swap_remove` moved into the hole.
    fn swap_remove_entry(&mut self, key: &[u8]) -> Option<Value> {
        let (index, _, value) = self.entries.swap_remove_full(key)?;
        if let Some(cursor) = &mut self.snapshot {
            cursor.after_swap_remove(index, &self.entries);
        }
        Some(value)
    }

    /// Records a change of `key` for its watchers, if it has any.
    #[inline]
    fn touch(&mut self, key: &[u8]) {
        self.changes += 1;
        if !self.watched.is_empty() {
            self.watched.touch(key);
        }
    }

    /// True if `key` exists and has not expired.
    pub fn contains(&mut self, key: &[u8], now: i64) -> bool {
        self.expire_if_needed(key, now);
        self.entries.contains_key(key)
    }

    /// Stores `value` under `key`, dropping any expiry time (SET semantics).
    pub fn set(&mut self, key: &[u8], value: Value) {
        self.before_change(key);
        if !self.expires.is_empty() {
            self.expires.swap_remove(key);
        }
        self.set_keep_ttl(key, value);
    }

    /// Stores `value` under `key`, keeping the key's expiry time if it has one.
    pub fn set_keep_ttl(&mut self, key: &[u8], value: Value) {
        self.before_change(key);
        self.touch(key);
        match self.entries.get_full_mut2(key) {
            Some((_, stored, slot)) => {
                self.access.touch(stored, self.now);
                *slot = value;
            }
            None => {
                let mut stored = Key::from(key);
                stored.set_access(self.access.initial(self.now));
                self.entries.insert(stored, value);
                // Redis's `dbAdd`: every key created, whatever the command.
                self.notify(crate::notify::NEW, "new", key);
            }
        }
    }

    /// Buffers keyspace event `event` of `class` (`crate::notify`) for `key` when that class
    /// is wanted; one branch otherwise. Nothing is buffered while a log replays (no client
    /// could have subscribed yet).
    #[inline]
    pub fn notify(&mut self, class: u32, event: &'static str, key: &[u8]) {
        if self.notify_flags & class != 0 && !self.aof.loading {
            self.events.push((event, key.into()));
        }
    }

    /// Removes `key` and its expiry time, returning the value it held.
    pub fn remove(&mut self, key: &[u8]) -> Option<Value> {
        self.before_change(key);
        let value = self.swap_remove_entry(key)?;
        self.touch(key);
        if !self.expires.is_empty() {
            self.expires.swap_remove(key);
        }
        Some(value)
    }

    /// The absolute expiry time of `key` in ms, if it has one.
    pub fn expire_at(&self, key: &[u8]) -> Option<i64> {
        self.expires.get(key).copied()
    }

    /// Sets the absolute expiry time of an existing key.
    pub fn set_expire(&mut self, key: &[u8], when_ms: i64) {
        self.before_change(key);
        self.touch(key);
        match self.expires.get_mut(key) {
            Some(slot) => *slot = when_ms,
            None => {
                self.expires.insert(key.into(), when_ms);
            }
        }
    }

    /// Drops the expiry time of `key`; true if it had one.
    pub fn persist(&mut self, key: &[u8]) -> bool {
        self.before_change(key);
        let had = self.expires.swap_remove(key).is_some();
        if had {
            self.touch(key);
        }
        had
    }

    /// Removes every key. A running snapshot keeps the tables it has not finished walking.
    pub fn clear(&mut self) {
        if let Some(cursor) = &mut self.snapshot {
            cursor.freeze(&mut self.entries, &mut self.expires);
        }
        if !self.watched.is_empty() {
            let entries = &self.entries;
            self.watched.touch_where(|key| entries.contains_key(key));
        }
        self.entries = KeyTable::new();
        self.expires = KeyTable::new();
    }

    /// Exchanges the keys, expiry times and running snapshot walk of two databases (SWAPDB),
    /// keeping each database's watchers; as Redis's `touchAllWatchedKeysInDb`, a watched key
    /// counts as changed when it exists in either database. A snapshot walk travels with its
    /// keys, so their records keep the database number they had when the snapshot began.
    pub fn swap_keyspace(&mut self, other: &mut Db) {
        /// Touches `db`'s watched keys that exist in `db` or in `with`.
        fn touch_for_swap(db: &mut Db, with: &Db) {
            if !db.watched.is_empty() {
                let (mine, theirs) = (&db.entries, &with.entries);
                db.watched
                    .touch_where(|key| mine.contains_key(key) || theirs.contains_key(key));
            }
        }
        touch_for_swap(self, other);
        touch_for_swap(other, self);
        std::mem::swap(&mut self.entries, &mut other.entries);
        std::mem::swap(&mut self.expires, &mut other.expires);
        std::mem::swap(&mut self.snapshot, &mut other.snapshot);
    }

    /// The key and value at a dense index (for sampling and SCAN).
    pub fn entry_at(&self, index: usize) -> Option<(&Key, &Value)> {
        self.entries.get_index(index)
    }

    /// The volatile key and its expiry time at a dense index (for active expiry sampling).
    pub fn volatile_at(&self, index: usize) -> Option<(&Key, i64)> {
        self.expires.get_index(index).map(|(k, &t)| (k, t))
    }

    /// Removes the volatile key at a dense index of the expiry table if its time is at or
    /// before `now`, counting it in `expired_keys`; true if it did. The active expiry cycle's
    /// sampling step, without copying the key.
    pub fn expire_volatile_at(&mut self, index: usize, now: i64) -> bool {
        match self.expires.get_index(index) {
            Some((key, &when)) if when < now && !self.aof.loading => {
                if self.snapshot.is_some() {
                    let key = key.clone();
                    self.before_change(&key);
                }
                if let Some((key, _)) = self.expires.swap_remove_index(index) {
                    self.swap_remove_entry(&key);
                    self.expired_keys += 1;
                    self.touch(&key);
                    self.aof.note_expired(&key);
                    if self.notify_flags & crate::notify::EXPIRED != 0 {
                        self.events.push(("expired", key.clone()));
                    }
                }
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_expiry_removes_on_access() {
        let mut db = Db::new();
        db.set(b"k", Value::string(b"v"));
        db.set_expire(b"k", 100);
        assert!(db.get(b"k", 99).is_some());
        assert!(
            db.get(b"k", 100).is_some(),
            "Redis expires a key only once now > its time"
        );
        assert!(db.get(b"k", 101).is_none());
        assert_eq!(db.len(), 0);
        assert_eq!(db.volatile_len(), 0);
        assert_eq!(db.expired_keys, 1);
    }

    #[test]
    fn set_drops_ttl_but_keep_ttl_does_not() {
        let mut db = Db::new();
        db.set(b"k", Value::string(b"v"));
        db.set_expire(b"k", 100);
        db.set_keep_ttl(b"k", Value::string(b"w"));
        assert_eq!(db.expire_at(b"k"), Some(100));
        db.set(b"k", Value::string(b"x"));
        assert_eq!(db.expire_at(b"k"), None);
    }

    #[test]
    fn every_write_path_and_expiry_change_a_watched_key() {
        let mut db = Db::new();
        let version = |db: &Db| db.watched.version(b"k").unwrap_or(u64::MAX);
        db.watched.register(b"k");
        let mut last = version(&db);
        let mut changed = |db: &mut Db, what: &str, expected: bool| {
            let now = version(db);
            assert_eq!(now != last, expected, "{what}");
            last = now;
        };
        db.set(b"k", Value::string(b"v"));
        changed(&mut db, "set", true);
        db.set_keep_ttl(b"k", Value::string(b"w"));
        changed(&mut db, "set_keep_ttl", true);
        db.get(b"k", 0);
        db.contains(b"k", 0);
        changed(&mut db, "reads", false);
        db.get_mut(b"k", 0);
        changed(&mut db, "get_mut", true);
        db.get_mut(b"missing", 0);
        db.remove(b"missing");
        changed(&mut db, "writes to other keys", false);
        db.set_expire(b"k", 100);
        changed(&mut db, "set_expire", true);
        db.persist(b"k");
        changed(&mut db, "persist", true);
        db.persist(b"k");
        changed(&mut db, "persist of a key without expiry", false);
        db.remove(b"k");
        changed(&mut db, "remove", true);
        db.remove(b"k");
        changed(&mut db, "remove of a missing key", false);
        db.clear();
        changed(&mut db, "flush without the key", false);
        db.set(b"k", Value::string(b"v"));
        changed(&mut db, "set", true);
        db.clear();
        changed(&mut db, "flush with the key", true);
        db.set(b"k", Value::string(b"v"));
        db.set_expire(b"k", 100);
        changed(&mut db, "set and expire", true);
        assert!(db.get(b"k", 101).is_none());
        changed(&mut db, "lazy expiry", true);
        db.set(b"k", Value::string(b"v"));
        db.set_expire(b"k", 100);
        changed(&mut db, "set and expire", true);
        assert!(db.expire_volatile_at(0, 101));
        changed(&mut db, "active expiry", true);
    }

    #[test]
    fn swap_keyspace_swaps_keys_and_touches_watched_keys_of_either_side() {
        let (mut a, mut b) = (Db::new(), Db::new());
        a.set(b"in-a", Value::string(b"1"));
        a.set_expire(b"in-a", 100);
        b.set(b"in-b", Value::string(b"2"));
        a.watched.register(b"in-b");
        a.watched.register(b"nowhere");
        b.watched.register(b"in-a");
        a.swap_keyspace(&mut b);
        assert!(a.contains(b"in-b", 0) && !a.contains(b"in-a", 0));
        assert_eq!(b.expire_at(b"in-a"), Some(100));
        assert_eq!(a.expire_at(b"in-b"), None);
        assert_eq!(a.watched.version(b"in-b"), Some(1));
        assert_eq!(a.watched.version(b"nowhere"), Some(0));
        assert_eq!(b.watched.version(b"in-a"), Some(1));
    }
}
