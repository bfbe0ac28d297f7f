//! Set commands and the set value type (Redis's `t_set.c`).
//!
//! A set has Redis 7.0's two encodings: an `intset` (a sorted `Box<[i64]>`) while every member
//! is an integer as Redis's `string2ll` reads it and there are at most `set-max-intset-entries`
//! members, and a `hashtable` (an `IndexSet` of byte strings) otherwise. A set converts once,
//! from intset to hashtable, and never back, as in Redis. The hashtable is an `IndexSet` for
//! the same reasons as the key table (`db.rs`): O(1) uniform random access for SPOP and
//! SRANDMEMBER, and a dense index that SSCAN walks from the top down, removal being always
//! `swap_remove`.
//!
//! Which replies have a defined order follows from Redis's algorithms, and shardis keeps it
//! wherever Redis's order does not depend on its dict's hashing:
//!
//! - SMEMBERS and SINTER stream the members of the smallest set in its own order (ascending
//!   for an intset).
//! - SUNION, SDIFF and SPOP with a count covering the whole set build a new set, starting
//!   from an empty intset with the usual conversion rules, and reply with it: ascending when
//!   the result is an intset, even if the sources were hashtables.
//! - The *STORE commands store such a new set, so the destination's encoding is the one the
//!   result would have been built with.
//!
//! Lookups follow Redis 7.0: the commands that only read (and the sources of the *STORE
//! commands) count a keyspace hit or miss; SADD, SREM, SPOP and SMOVE do not. A set emptied
//! by SREM, SPOP or SMOVE is removed from the database.
//!
//! The parts: `value` is the type and its two encodings, and the commands are grouped by job:
//! `members` (SADD, SREM, SMOVE, SMEMBERS, SISMEMBER, SMISMEMBER, SCARD), `random` (SPOP,
//! SRANDMEMBER, SSCAN) and `setop` (SINTER, SUNION, SDIFF, their *STORE forms, SINTERCARD).
//! This file holds the reply and key helpers they share; each part's unit tests sit at its
//! end, over the bench in `test_bench`, and the tests over every command sit here.

mod members;
mod random;
mod setop;
#[cfg(test)]
mod test_bench;
mod value;

pub use members::{sadd, scard, sismember, smembers, smismember, smove, srem};
pub use random::{spop, srandmember, sscan};
pub use setop::{sdiff, sdiffstore, sinter, sintercard, sinterstore, sunion, sunionstore};
pub use value::{Iter, Member, MemberHasher, Set, Taken, MAX_INTSET_ENTRIES};

use crate::db::Db;
use crate::reply::{format_i64, Reply};

/// Writes a member as a bulk string.
fn reply_member(reply: &mut Reply, member: Member<'_>) {
    match member {
        Member::Int(v) => reply.bulk(format_i64(v, &mut [0u8; 20])),
        Member::Bytes(b) => reply.bulk(b),
    }
}

/// Removes `key` with a `del` keyspace event, if it exists.
fn remove_notified(db: &mut Db, key: &[u8]) {
    if db.remove(key).is_some() {
        db.notify(crate::notify::GENERIC, "del", key);
    }
}

#[cfg(test)]
mod tests {
    use crate::types::set::test_bench::*;
    use crate::types::set::{
        sadd, scard, sdiff, sdiffstore, sinter, sintercard, sinterstore, sismember, smembers,
        smismember, smove, spop, srandmember, srem, sscan, sunion, sunionstore,
    };
    use crate::value::Value;
    use crate::{errors, Handler};

    #[test]
    fn wrongtype_everywhere() {
        let mut s = shard();
        s.dbs[0].set(b"str", Value::string(b"v"));
        run(&mut s, sadd, &["SADD", "set", "1"]);
        let wt = err(WT);
        for (handler, words) in [
            (sadd as Handler, &["SADD", "str", "a"][..]),
            (srem, &["SREM", "str", "a"]),
            (smembers, &["SMEMBERS", "str"]),
            (sismember, &["SISMEMBER", "str", "a"]),
            (smismember, &["SMISMEMBER", "str", "a"]),
            (scard, &["SCARD", "str"]),
            (spop, &["SPOP", "str"]),
            (spop, &["SPOP", "str", "0"]),
            (srandmember, &["SRANDMEMBER", "str"]),
            (srandmember, &["SRANDMEMBER", "str", "0"]),
            (smove, &["SMOVE", "str", "set", "1"]),
            (smove, &["SMOVE", "set", "str", "1"]),
            (sinter, &["SINTER", "missing", "str"]),
            (sinter, &["SINTER", "str", "missing"]),
            (sunion, &["SUNION", "set", "str"]),
            (sdiff, &["SDIFF", "missing", "str"]),
            (sinterstore, &["SINTERSTORE", "d", "missing", "str"]),
            (sunionstore, &["SUNIONSTORE", "d", "str"]),
            (sdiffstore, &["SDIFFSTORE", "d", "set", "str"]),
            (sintercard, &["SINTERCARD", "2", "missing", "str"]),
            (sscan, &["SSCAN", "str", "0"]),
            (sscan, &["SSCAN", "str", "0", "BAD"]),
        ] {
            assert_eq!(run(&mut s, handler, words), wt, "{words:?}");
        }
        // Nothing was created or changed.
        assert!(!s.dbs[0].contains(b"d", 0));
        assert_eq!(run(&mut s, scard, &["SCARD", "set"]), int(1));
        // Checked after the arguments and a missing source.
        assert_eq!(
            run(&mut s, spop, &["SPOP", "str", "-1"]),
            err(errors::SPOP_COUNT_RANGE)
        );
        assert_eq!(
            run(&mut s, spop, &["SPOP", "str", "1", "2"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "str", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, smove, &["SMOVE", "missing", "str", "1"]),
            int(0)
        );
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "str", "x"]),
            err(errors::INVALID_CURSOR)
        );
    }

    #[test]
    fn read_commands_count_keyspace_hits() {
        let mut s = shard();
        run(&mut s, sadd, &["SADD", "k", "a"]);
        run(&mut s, srem, &["SREM", "k", "x"]);
        run(&mut s, smove, &["SMOVE", "k", "m", "x"]);
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (0, 0));
        run(&mut s, sismember, &["SISMEMBER", "k", "a"]);
        run(&mut s, scard, &["SCARD", "missing"]);
        run(&mut s, sinterstore, &["SINTERSTORE", "d", "k", "missing"]);
        run(&mut s, sscan, &["SSCAN", "k", "0"]);
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (3, 2));
    }

    #[test]
    fn expired_sets_are_missing() {
        let mut s = shard();
        run(&mut s, sadd, &["SADD", "k", "a"]);
        s.dbs[0].set_expire(b"k", 10);
        assert_eq!(run_proto(&mut s, 11, false, scard, &["SCARD", "k"]), int(0));
        assert!(s.dbs[0].is_empty());
        // SADD on an expired key starts a new set without the expiry.
        run(&mut s, sadd, &["SADD", "k", "a"]);
        s.dbs[0].set_expire(b"k", 10);
        assert_eq!(
            run_proto(&mut s, 11, false, sadd, &["SADD", "k", "b"]),
            int(1)
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        // Modifying a set keeps its expiry.
        s.dbs[0].set_expire(b"k", 100);
        run(&mut s, sadd, &["SADD", "k", "c"]);
        run(&mut s, srem, &["SREM", "k", "c"]);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(100));
    }
}
