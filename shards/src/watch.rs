//! WATCH on one database of one shard: the table of watched keys and their versions (the
//! keyspace half of Redis's `multi.c`).
//!
//! Only watched keys are in the table, so a database nobody watches pays one `is_empty` branch
//! per write. Every write path of [`crate::Db`] calls [`WatchedKeys::touch`]; a client
//! remembers the version WATCH returned, and EXEC compares it with the current one.
//!
//! What counts as a change follows Redis 7.0.15: writes, FLUSHDB/FLUSHALL of a key that
//! exists, RENAME, type changes, expiry changes, and a key removed because its time passed
//! (lazily or by the active cycle). A key already past its time when WATCHed is removed
//! before it is registered (the server's `Job::Watch`), so its removal does not count, as
//! Redis does not count it; EXEC removes watched keys whose time has passed before it
//! compares versions (Redis's `isWatchedKeyExpired`).
//!
//! Redis signals only real modifications; here a write command that looked a key up for
//! writing and then changed nothing still counts (a failed WRONGTYPE write, SADD of present
//! members, LREM that matched nothing, APPEND of an empty string, ZADD of an unchanged
//! score, HSET of the same value, ...). That over-invalidates — EXEC fails where Redis would
//! run it — but never misses a change.

use crate::key::Key;
use ahash::AHashMap;

/// A watched key: how many clients watch it and how often it changed since it was first
/// watched.
#[derive(Debug, Clone, Copy, Default)]
struct Watched {
    watchers: u32,
    version: u64,
}

/// The watched keys of one database.
#[derive(Debug, Default)]
pub struct WatchedKeys {
    keys: AHashMap<Key, Watched>,
}

impl WatchedKeys {
    /// True when nobody watches any key here (the writes' fast path).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Registers one more watcher of `key`; returns its current version.
    pub fn register(&mut self, key: &[u8]) -> u64 {
        if let Some(w) = self.keys.get_mut(key) {
            w.watchers += 1;
            return w.version;
        }
        self.keys.insert(
            key.into(),
            Watched {
                watchers: 1,
                version: 0,
            },
        );
        0
    }

    /// Drops one watcher of `key`; the key leaves the table with its last watcher.
    pub fn unregister(&mut self, key: &[u8]) {
        if let Some(w) = self.keys.get_mut(key) {
            w.watchers -= 1;
            if w.watchers == 0 {
                self.keys.remove(key);
            }
        }
    }

    /// The current version of a watched key (`None` if nobody watches it).
    pub fn version(&self, key: &[u8]) -> Option<u64> {
        self.keys.get(key).map(|w| w.version)
    }

    /// Records a change of `key` if it is watched.
    pub fn touch(&mut self, key: &[u8]) {
        if let Some(w) = self.keys.get_mut(key) {
            w.version += 1;
        }
    }

    /// Records a change of every watched key for which `exists` holds (FLUSHDB: Redis
    /// signals the watched keys that the flush really removed).
    pub fn touch_where(&mut self, mut exists: impl FnMut(&[u8]) -> bool) {
        for (key, w) in self.keys.iter_mut() {
            if exists(key) {
                w.version += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_move_only_for_watched_keys_and_live_while_watched() {
        let mut w = WatchedKeys::default();
        assert!(w.is_empty());
        w.touch(b"k");
        assert_eq!(w.register(b"k"), 0);
        w.touch(b"k");
        assert_eq!(
            w.register(b"k"),
            1,
            "a second watcher sees the current version"
        );
        w.touch(b"other");
        assert_eq!(w.version(b"k"), Some(1));
        w.unregister(b"k");
        assert_eq!(w.version(b"k"), Some(1), "one watcher is left");
        w.unregister(b"k");
        assert_eq!(w.version(b"k"), None);
        assert!(w.is_empty());
        w.unregister(b"k");
        assert!(w.is_empty(), "unregistering an unwatched key is harmless");
    }

    #[test]
    fn touch_where_touches_only_the_matching_keys() {
        let mut w = WatchedKeys::default();
        w.register(b"present");
        w.register(b"absent");
        w.touch_where(|k| k == b"present");
        assert_eq!(w.version(b"present"), Some(1));
        assert_eq!(w.version(b"absent"), Some(0));
    }
}
