//! Helpers the engine's unit tests share: run a handler on a shard from words, and store
//! plain string keys. Compiled for tests only.

use super::entry::put_entry;
use crate::reply::Reply;
use crate::shard::Shard;
use crate::value::Value;
use crate::Handler;
use bytes::Bytes;

/// Runs one command given as words against database `db` of `shard` at time `now`,
/// returning the raw reply.
pub(crate) fn run_db(
    shard: &mut Shard,
    db: usize,
    now: i64,
    handler: Handler,
    words: &[&str],
) -> String {
    let args: Vec<Bytes> = words
        .iter()
        .map(|w| Bytes::copy_from_slice(w.as_bytes()))
        .collect();
    let mut reply = Reply::new(false);
    shard.run(handler, db, now, &args, &mut reply);
    String::from_utf8_lossy(reply.as_bytes()).into_owned()
}

/// [`run_db`] on database 0.
pub(crate) fn run(shard: &mut Shard, now: i64, handler: Handler, words: &[&str]) -> String {
    run_db(shard, 0, now, handler, words)
}

/// Stores the string `value` under `key` in database `db`, expiring at `expire_at` (ms).
pub(crate) fn put(shard: &mut Shard, db: usize, key: &str, value: &str, expire_at: Option<i64>) {
    put_entry(
        &mut shard.dbs[db],
        key.as_bytes(),
        Value::string(value.as_bytes()),
        expire_at,
    );
}

/// The events taken from `shard`, as `key:event`.
pub(crate) fn events(shard: &mut Shard) -> Vec<String> {
    shard
        .take_events()
        .into_iter()
        .map(|e| format!("{}:{}", String::from_utf8_lossy(&e.key), e.event))
        .collect()
}

/// A shard whose database 0 holds each of `keys` with the value `v` and no expiry.
pub(crate) fn shard_with(keys: &[&str]) -> Shard {
    let mut s = Shard::new(16, 7);
    for k in keys {
        put(&mut s, 0, k, "v", None);
    }
    s
}
