//! A key's value and expiry taken out, copied or put back whole: the halves of RENAME, COPY
//! and MOVE, which the server also calls when a key moves between shards (`src/moves.rs`)
//! and when a loaded record is stored. Kept apart from the handlers because callers outside
//! the engine's command table use them.

use crate::db::Db;
use crate::value::Value;

/// Removes a live key from `db` and returns its value and absolute expiry time (ms), for the
/// source half of a cross-shard RENAME or MOVE. `None` if the key is missing or expired (an
/// expired key is removed and counted as expired).
pub fn take_entry(db: &mut Db, key: &[u8], now: i64) -> Option<(Value, Option<i64>)> {
    if !db.contains(key, now) {
        return None;
    }
    let expire_at = db.expire_at(key);
    db.remove(key).map(|value| (value, expire_at))
}

/// Copies a live key's value and absolute expiry time (ms) without removing it, for the
/// source half of a cross-shard COPY. `None` if the key is missing or expired.
pub fn peek_entry(db: &mut Db, key: &[u8], now: i64) -> Option<(Value, Option<i64>)> {
    let value = db.get(key, now)?.clone();
    Some((value, db.expire_at(key)))
}

/// Stores `value` under `key` with the absolute expiry time `expire_at` (ms; `None` for no
/// expiry), replacing whatever the key held and its expiry: the destination half of RENAME,
/// COPY and MOVE.
pub fn put_entry(db: &mut Db, key: &[u8], value: Value, expire_at: Option<i64>) {
    db.set(key, value);
    if let Some(when) = expire_at {
        db.set_expire(key, when);
    }
}

/// [`put_entry`] raising the keyspace events `events` (class, name) on `key` instead of the
/// ones storing raises (`new`): the destination half of a command run across shards, whose
/// events the command decides.
pub fn put_entry_raising(
    db: &mut Db,
    key: &[u8],
    value: Value,
    expire_at: Option<i64>,
    events: &[(u32, &'static str)],
) {
    let mark = db.events.len();
    put_entry(db, key, value, expire_at);
    db.events.truncate(mark);
    for &(class, event) in events {
        db.notify(class, event, key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::test_support::events;
    use crate::shard::Shard;

    #[test]
    fn a_put_raises_the_given_events_instead_of_new() {
        let mut s = Shard::new(1, 7);
        s.set_notify_flags(crate::notify::ALL | crate::notify::NEW | crate::notify::KEYEVENT);
        put_entry_raising(
            &mut s.dbs[0],
            b"k",
            Value::string(b"v"),
            None,
            &[
                (crate::notify::GENERIC, "rename_to"),
                (crate::notify::LIST, "lpush"),
            ],
        );
        assert_eq!(events(&mut s), ["k:rename_to", "k:lpush"]);
        s.set_notify_flags(crate::notify::GENERIC | crate::notify::KEYEVENT);
        put_entry_raising(
            &mut s.dbs[0],
            b"k",
            Value::string(b"v"),
            None,
            &[(crate::notify::LIST, "lpush")],
        );
        assert!(
            events(&mut s).is_empty(),
            "a class not wanted is not raised"
        );
    }

    #[test]
    fn entry_helpers() {
        let mut db = Db::new();
        put_entry(&mut db, b"k", Value::string(b"v"), Some(100));
        assert_eq!(
            peek_entry(&mut db, b"k", 0),
            Some((Value::string(b"v"), Some(100)))
        );
        assert_eq!(db.len(), 1);
        assert_eq!(
            take_entry(&mut db, b"k", 0),
            Some((Value::string(b"v"), Some(100)))
        );
        assert_eq!((db.len(), db.volatile_len()), (0, 0));
        assert_eq!(take_entry(&mut db, b"k", 0), None);
        put_entry(&mut db, b"p", Value::string(b"w"), None);
        assert_eq!(
            take_entry(&mut db, b"p", 0),
            Some((Value::string(b"w"), None))
        );
        put_entry(&mut db, b"e", Value::string(b"w"), Some(10));
        assert_eq!(peek_entry(&mut db, b"e", 11), None);
        assert_eq!((db.len(), db.expired_keys), (0, 1));
        // put_entry replaces the value and the expiry.
        put_entry(&mut db, b"r", Value::string(b"1"), Some(10));
        put_entry(&mut db, b"r", Value::string(b"2"), None);
        assert_eq!(
            peek_entry(&mut db, b"r", 50),
            Some((Value::string(b"2"), None))
        );
    }
}
