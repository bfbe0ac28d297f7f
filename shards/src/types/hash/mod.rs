//! Hash commands and the hash value type (Redis's `t_hash.c`).
//!
//! A [`Hash`] has Redis 7.0's two encodings. While it is small it is a *listpack*: its
//! field/value pairs packed in insertion order in one buffer, each element prefixed with its
//! length ([`PackedPairs`]), searched linearly (a few hundred short pairs at most, a scan of
//! contiguous memory) and costing a few bytes per element as Redis's does, which keeps
//! HGETALL, HKEYS, HSCAN and HRANDFIELD's whole-hash replies in the very order Redis gives
//! them. Past either threshold (more fields than `hash-max-listpack-entries`, or a field or
//! value longer than `hash-max-listpack-value` bytes) it converts once, for good, to a
//! *hashtable*: an `IndexMap`, whose dense index gives HRANDFIELD O(1) uniform sampling and
//! HSCAN a cursor with SCAN's guarantee (see `keys::scan` and `docs/architecture.md`: removal
//! is always `swap_remove`, and the cursor walks indices from the top down).
//!
//! In a hashtable, fields and values are stored as [`Key`]s: short ones inline, longer ones
//! on the heap, so the common short field costs no allocation of its own. Its hasher is the
//! sets' process-wide seed ([`MemberHasher`]), so the table's box holds no hasher state.
//!
//! Lookups follow Redis: the read commands (HGET, HMGET, HLEN, HSTRLEN, HEXISTS, HGETALL,
//! HKEYS, HVALS, HRANDFIELD, HSCAN) count a keyspace hit or miss, the write commands (HSET,
//! HSETNX, HMSET, HDEL, HINCRBY, HINCRBYFLOAT) do not. A hash is never left empty in the
//! database: HDEL removes the key with its last field.
//!
//! The parts: `value` is the type and its two encodings, and the commands are grouped by job:
//! `fields` (HSET, HMSET, HSETNX, HGET, HMGET, HDEL, HEXISTS, HLEN, HSTRLEN, HGETALL, HKEYS,
//! HVALS), `incr` (HINCRBY, HINCRBYFLOAT) and `random` (HRANDFIELD, HSCAN). This file holds
//! the lookup helpers they share; each part's unit tests sit at its end, over the bench in
//! `test_bench`, and the tests over every command sit here.
//!
//! [`Key`]: crate::key::Key
//! [`MemberHasher`]: crate::types::set::MemberHasher
//! [`PackedPairs`]: crate::types::packed::PackedPairs

mod fields;
mod incr;
mod random;
#[cfg(test)]
mod test_bench;
mod value;

pub use fields::{
    hdel, hexists, hget, hgetall, hkeys, hlen, hmget, hmset, hset, hsetnx, hstrlen, hvals,
};
pub use incr::{hincrby, hincrbyfloat};
pub use random::{hrandfield, hscan};
pub use value::{Hash, ListpackLimits};

use crate::db::Db;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use crate::value::Value;

/// The listpack thresholds in force: the shard's `hash-max-listpack-entries` and
/// `hash-max-listpack-value`.
fn limits(ctx: &Ctx<'_>) -> ListpackLimits {
    ListpackLimits {
        entries: ctx.shard.limits.hash_max_listpack_entries,
        value: ctx.shard.limits.hash_max_listpack_value,
    }
}

/// The hash at `key` for writing, created empty when missing; `None` for another type. For
/// callers that have already checked the type with [`lookup_write`] (the counters, after
/// computing the value they set), and must then add a field.
fn hash_for_set<'d>(db: &'d mut Db, key: &[u8], now: i64) -> Option<&'d mut Hash> {
    if !db.contains(key, now) {
        db.set(key, Value::hash(Hash::new()));
    }
    match db.get_mut(key, now) {
        Some(Value::Hash(h)) => Some(h),
        _ => None,
    }
}

/// The hash at `key` for writing, created empty when missing (Redis's
/// `hashTypeLookupWriteOrCreate`); `Err(WrongType)` for another type. The caller must add a
/// field to a hash it created: an empty hash is never left in the database.
fn lookup_write_or_create<'d>(
    db: &'d mut Db,
    key: &[u8],
    now: i64,
) -> Result<&'d mut Hash, WrongType> {
    lookup::write::<Hash>(db, key, now)?;
    hash_for_set(db, key, now).ok_or(WrongType)
}

#[cfg(test)]
mod tests {
    use crate::types::hash::test_bench::*;
    use crate::types::hash::{
        hdel, hexists, hget, hgetall, hincrby, hincrbyfloat, hkeys, hlen, hmget, hmset, hrandfield,
        hscan, hset, hsetnx, hstrlen, hvals,
    };
    use crate::types::string;
    use crate::{errors, Handler};

    #[test]
    fn every_command_refuses_another_type() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, string::set, &["SET", "s", "v"]), OK);
        let wrong = err(errors::WRONGTYPE);
        let cases: &[(Handler, &[&str])] = &[
            (hset, &["HSET", "s", "a", "1"]),
            (hmset, &["HMSET", "s", "a", "1"]),
            (hsetnx, &["HSETNX", "s", "a", "1"]),
            (hget, &["HGET", "s", "a"]),
            (hmget, &["HMGET", "s", "a"]),
            (hgetall, &["HGETALL", "s"]),
            (hkeys, &["HKEYS", "s"]),
            (hvals, &["HVALS", "s"]),
            (hdel, &["HDEL", "s", "a"]),
            (hexists, &["HEXISTS", "s", "a"]),
            (hlen, &["HLEN", "s"]),
            (hstrlen, &["HSTRLEN", "s", "a"]),
            (hincrby, &["HINCRBY", "s", "a", "1"]),
            (hincrbyfloat, &["HINCRBYFLOAT", "s", "a", "1"]),
            (hrandfield, &["HRANDFIELD", "s"]),
            (hrandfield, &["HRANDFIELD", "s", "0"]),
            (hrandfield, &["HRANDFIELD", "s", "-5", "WITHVALUES"]),
            (hscan, &["HSCAN", "s", "0"]),
            (hscan, &["HSCAN", "s", "0", "COUNT", "0"]),
        ];
        for (handler, words) in cases {
            assert_eq!(run(&mut s, *handler, words), wrong, "{words:?}");
            assert_eq!(run3(&mut s, *handler, words), wrong, "{words:?}");
        }
        assert_eq!(run(&mut s, string::get, &["GET", "s"]), bulk("v"));
    }

    #[test]
    fn expired_hashes_are_missing() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        s.dbs[0].set_expire(b"h", 100);
        assert_eq!(
            run_proto(&mut s, 100, false, hget, &["HGET", "h", "a"]),
            bulk("1")
        );
        assert_eq!(
            run_proto(&mut s, 101, false, hget, &["HGET", "h", "a"]),
            NULL
        );
        assert!(s.dbs[0].is_empty());
        // A write keeps a live key's expiry; an expired key starts over without one.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        s.dbs[0].set_expire(b"h", 100);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "b", "2"]), int(1));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "c", "2"]), int(2));
        assert_eq!(s.dbs[0].expire_at(b"h"), Some(100));
        assert_eq!(
            run_proto(&mut s, 200, false, hincrby, &["HINCRBY", "h", "c", "2"]),
            int(2)
        );
        assert_eq!(s.dbs[0].expire_at(b"h"), None);
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(1));
        assert_eq!(s.dbs[0].expired_keys, 2);
    }

    #[test]
    fn reads_count_keyspace_hits_and_writes_do_not() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "b", "1"]), int(1));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "c", "1"]), int(1));
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "h", "c", "1"]),
            bulk("2")
        );
        assert_eq!(run(&mut s, hdel, &["HDEL", "nokey", "c"]), int(0));
        assert_eq!(stats(&s), (0, 0));
        for (handler, words) in [
            (hget as Handler, &["HGET", "h", "a"][..]),
            (hmget, &["HMGET", "h", "a"]),
            (hlen, &["HLEN", "h"]),
            (hstrlen, &["HSTRLEN", "h", "a"]),
            (hexists, &["HEXISTS", "h", "a"]),
            (hgetall, &["HGETALL", "h"]),
            (hkeys, &["HKEYS", "h"]),
            (hvals, &["HVALS", "h"]),
            (hrandfield, &["HRANDFIELD", "h"]),
            (hrandfield, &["HRANDFIELD", "h", "2"]),
            (hscan, &["HSCAN", "h", "0"]),
        ] {
            run(&mut s, handler, words);
            let mut missing = words.to_vec();
            missing[1] = "nokey";
            run(&mut s, handler, &missing);
        }
        assert_eq!(stats(&s), (11, 11));
    }
}
