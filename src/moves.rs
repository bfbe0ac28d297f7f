//! Keys moved between shards: the shard-side steps of RENAME, COPY, MSETNX and gathered
//! commands whose keys live on several shards (the algorithms that order them are the
//! connection's), each sent with [`ShardCtx::on`] and naming the key it touches so the lock
//! protocol parks it behind a transaction holding that key.

use crate::hop::{ShardGone, Touch};
use crate::locks::TxId;
use crate::server::ShardCtx;
use bytes::Bytes;
use shards::Value;

/// A key's value and absolute expiry time (ms), as one shard hands it to another.
pub type Entry = (Value, Option<i64>);

/// Keyspace events (class, name) to raise on a key a step touches.
pub type Events = Vec<(u32, &'static str)>;

/// Where a step runs: the shard, the transaction it runs for (0: none) and the database.
#[derive(Debug, Clone, Copy)]
pub struct At {
    /// The shard that owns the key.
    pub shard: usize,
    /// The cross-shard transaction the step belongs to.
    pub tx: TxId,
    /// The database.
    pub db: u8,
}

impl At {
    /// What a step on `key` here touches, for the lock protocol.
    fn touch(&self, key: &Bytes) -> Touch {
        Touch::Key {
            db: self.db,
            key: key.clone(),
        }
    }
}

/// Whether `key` is a live key at `at`.
pub async fn exists(ctx: &ShardCtx, at: At, key: Bytes) -> Result<bool, ShardGone> {
    let At { shard, tx, db } = at;
    ctx.on(shard, tx, at.touch(&key), move |s, now| {
        s.engine.borrow_mut().dbs[db as usize].contains(&key, now)
    })
    .await
}

/// Reads `key`'s value and expiry at `at`, removing the key when `remove` (logged for
/// the AOF as the key's new state), and raises `events` on it afterwards (with `remove`,
/// only if the key was there: a removal of nothing raises nothing).
pub async fn take(
    ctx: &ShardCtx,
    at: At,
    key: Bytes,
    remove: bool,
    events: Events,
) -> Result<Option<Entry>, ShardGone> {
    let At { shard, tx, db } = at;
    ctx.on(shard, tx, at.touch(&key), move |s, now| {
        let db_index = db as usize;
        let mut engine = s.engine.borrow_mut();
        let db = &mut engine.dbs[db_index];
        let entry = if remove {
            shards::keys::take_entry(db, &key, now)
        } else {
            shards::keys::peek_entry(db, &key, now)
        };
        if !remove || entry.is_some() {
            for (class, event) in events {
                db.notify(class, event, &key);
            }
        }
        if remove && entry.is_some() && engine.aof.is_enabled() {
            engine.log_key_state(db_index, &key);
        }
        entry
    })
    .await
}

/// Stores `entry` under `key` at `at` (unless `replace`, only if the key is absent),
/// raising exactly `events` instead of those storing would raise, and logging the key's
/// state for the AOF. Whether it was stored.
pub async fn put(
    ctx: &ShardCtx,
    at: At,
    key: Bytes,
    entry: Entry,
    replace: bool,
    events: Events,
) -> Result<bool, ShardGone> {
    let At { shard, tx, db } = at;
    ctx.on(shard, tx, at.touch(&key), move |s, now| {
        let db_index = db as usize;
        let mut engine = s.engine.borrow_mut();
        let db = &mut engine.dbs[db_index];
        if !replace && db.contains(&key, now) {
            return false;
        }
        let (value, expire_at) = entry;
        shards::keys::put_entry_raising(db, &key, value, expire_at, &events);
        if engine.aof.is_enabled() {
            engine.log_key_state(db_index, &key);
        }
        true
    })
    .await
}
