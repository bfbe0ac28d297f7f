//! Sorted set commands and the sorted set value type (Redis's `t_zset.c`).
//!
//! A sorted set has Redis 7.0's two encodings:
//!
//! - `listpack`: a `Vec` of `(member, score)` sorted by score then member bytes, while the set
//!   has at most `zset-max-listpack-entries` members, none longer than
//!   `zset-max-listpack-value` bytes. Like Redis's listpack it stores a score that is an
//!   integer as an integer, so `-0` becomes `0` there (and only there).
//! - `skiplist`: past either threshold, once and for good, an `index::Index`: a
//!   member -> score map plus an order-statistic tree, so ranks, rank ranges and score or lex
//!   range bounds are O(log n). (Redis uses a skip list with spans; the tree answers the same queries.)
//!
//! Handlers follow `t_zset.c` step by step, so that the order of checks, hence which error
//! a bad command gets, and every reply match Redis: options are parsed before the key is
//! looked up, read commands count keyspace hits and misses (`lookupKeyRead`), write commands
//! do not, and a command that empties a sorted set deletes its key.
//!
//! Lex ranges assume, as Redis documents, that all members have the same score. When they do
//! not, the listpack encoding still answers exactly as Redis does (it is scanned the same way);
//! the skiplist encoding may differ, as Redis's own answer then depends on its skip list's
//! random levels.
//!
//! The parts: `value` is the type and its two encodings, `parse` reads scores and ranges as
//! Redis does, and the commands are grouped as `t_zset.c` groups them: `members` (add,
//! remove, count, score, rank), `range` (the ZRANGE family), `pop` (pops and blocking pops),
//! `setop` (ZUNION, ZINTER, ZDIFF) and `random` (ZRANDMEMBER, ZSCAN). This file holds the
//! key and reply helpers they share (keys are looked up with `lookup::read::<ZSet>` and
//! `lookup::write::<ZSet>`); each part's unit tests sit at its end, over the
//! bench in `test_bench`.

mod index;
mod members;
mod parse;
mod pop;
mod random;
mod range;
mod setop;
#[cfg(test)]
mod test_bench;
mod value;

pub use members::{
    zadd, zcard, zcount, zincrby, zlexcount, zmscore, zrank, zrem, zremrangebylex, zremrangebyrank,
    zremrangebyscore, zrevrank, zscore,
};
pub use parse::parse_timeout;
pub use pop::{bzmpop, bzpopmax, bzpopmin, zmpop, zpopmax, zpopmin};
pub use random::{zrandmember, zscan};
pub use range::{
    zrange, zrangebylex, zrangebyscore, zrangestore, zrevrange, zrevrangebylex, zrevrangebyscore,
};
pub use setop::{zdiff, zdiffstore, zinter, zintercard, zinterstore, zunion, zunionstore};
pub use value::{AddFlags, AddOutcome, ListpackLimits, ZIter, ZSet};

use crate::db::Db;
use crate::errors;
use crate::reply::Reply;
use crate::util::parse_i64;
use crate::value::Value;

// ---------------------------------------------------------------------------------------------
// Keys and replies
// ---------------------------------------------------------------------------------------------

/// Removes `key`, with its `del` keyspace event, if the sorted set it holds became empty.
fn delete_if_empty(db: &mut Db, key: &[u8]) {
    if matches!(db.entries.get(key), Some(Value::ZSet(z)) if z.is_empty()) {
        db.remove(key);
        db.notify(crate::notify::GENERIC, "del", key);
    }
}

/// Stores a *STORE command's result at `dst` with the keyspace event `event`, or deletes
/// `dst` (a `del` event if it existed) when the result is empty; replies with its size.
fn store_result(
    db: &mut Db,
    reply: &mut Reply,
    dst: &[u8],
    result: Option<ZSet>,
    event: &'static str,
) {
    match result {
        Some(z) if !z.is_empty() => {
            let n = z.len();
            // Redis's `setKey` looks the destination up for writing: past its time, it
            // expires (`expired`) and is created anew (`new`). An empty result is
            // `dbDelete`, which does not look at the time (`del` even when past).
            db.expire_if_needed(dst, db.now);
            db.set(dst, Value::zset(z));
            db.notify(crate::notify::ZSET, event, dst);
            reply.int(n as i64);
        }
        _ => {
            if db.remove(dst).is_some() {
                db.notify(crate::notify::GENERIC, "del", dst);
            }
            reply.int(0);
        }
    }
}

/// Replies with members and, `withscores`, their scores: a flat array in RESP2, an array of
/// `[member, score]` pairs in RESP3.
fn reply_members<M: AsRef<[u8]>>(reply: &mut Reply, items: &[(M, f64)], withscores: bool) {
    let resp3 = reply.resp3();
    reply.array(if withscores && !resp3 {
        items.len() * 2
    } else {
        items.len()
    });
    for (m, s) in items {
        if withscores && resp3 {
            reply.array(2);
        }
        reply.bulk(m.as_ref());
        if withscores {
            reply.double(*s);
        }
    }
}

/// A 64-bit integer argument (`getLongFromObjectOrReply`): `NOT_INTEGER` if it is not one.
fn arg_i64(arg: &[u8]) -> Result<i64, &'static str> {
    parse_i64(arg).ok_or(errors::NOT_INTEGER)
}

/// Two 64-bit integer arguments (a rank range, LIMIT's offset and count), the first checked
/// first.
fn arg_i64_pair(first: &[u8], second: &[u8]) -> Result<(i64, i64), &'static str> {
    Ok((arg_i64(first)?, arg_i64(second)?))
}

fn is(arg: &[u8], word: &str) -> bool {
    arg.eq_ignore_ascii_case(word.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string;
    use crate::types::zset::members::{
        zadd, zcard, zcount, zincrby, zlexcount, zmscore, zrank, zrem, zremrangebylex,
        zremrangebyrank, zremrangebyscore, zrevrank, zscore,
    };
    use crate::types::zset::pop::{bzmpop, bzpopmax, bzpopmin, zmpop, zpopmax, zpopmin};
    use crate::types::zset::random::{zrandmember, zscan};
    use crate::types::zset::range::{
        zrange, zrangebylex, zrangebyscore, zrangestore, zrevrange, zrevrangebylex,
        zrevrangebyscore,
    };
    use crate::types::zset::setop::{
        zdiff, zdiffstore, zinter, zintercard, zinterstore, zunion, zunionstore,
    };
    use crate::types::zset::test_bench::*;
    use crate::Handler;

    #[test]
    fn every_command_refuses_other_types() {
        let mut b = Bench::new();
        b.run(string::set, &["SET", "s", "x"]);
        let wrong = err(errors::WRONGTYPE);
        let cases: &[(Handler, &[&str])] = &[
            (zadd, &["ZADD", "s", "1", "a"]),
            (zincrby, &["ZINCRBY", "s", "1", "a"]),
            (zscore, &["ZSCORE", "s", "a"]),
            (zmscore, &["ZMSCORE", "s", "a"]),
            (zrank, &["ZRANK", "s", "a"]),
            (zrevrank, &["ZREVRANK", "s", "a"]),
            (zcard, &["ZCARD", "s"]),
            (zcount, &["ZCOUNT", "s", "0", "1"]),
            (zlexcount, &["ZLEXCOUNT", "s", "-", "+"]),
            (zrange, &["ZRANGE", "s", "0", "1"]),
            (zrangebyscore, &["ZRANGEBYSCORE", "s", "0", "1"]),
            (zrevrangebyscore, &["ZREVRANGEBYSCORE", "s", "0", "1"]),
            (zrangebylex, &["ZRANGEBYLEX", "s", "-", "+"]),
            (zrevrangebylex, &["ZREVRANGEBYLEX", "s", "+", "-"]),
            (zrevrange, &["ZREVRANGE", "s", "0", "1"]),
            (zrangestore, &["ZRANGESTORE", "d", "s", "0", "1"]),
            (zrem, &["ZREM", "s", "a"]),
            (zremrangebyrank, &["ZREMRANGEBYRANK", "s", "0", "1"]),
            (zremrangebyscore, &["ZREMRANGEBYSCORE", "s", "0", "1"]),
            (zremrangebylex, &["ZREMRANGEBYLEX", "s", "-", "+"]),
            (zpopmin, &["ZPOPMIN", "s"]),
            (zpopmax, &["ZPOPMAX", "s", "0"]),
            (bzpopmin, &["BZPOPMIN", "s", "0"]),
            (bzpopmax, &["BZPOPMAX", "nokey", "s", "0"]),
            (zmpop, &["ZMPOP", "2", "nokey", "s", "MIN"]),
            (bzmpop, &["BZMPOP", "0", "1", "s", "MAX"]),
            (zunion, &["ZUNION", "1", "s"]),
            (zinter, &["ZINTER", "1", "s"]),
            (zdiff, &["ZDIFF", "1", "s"]),
            (zunionstore, &["ZUNIONSTORE", "d", "1", "s"]),
            (zinterstore, &["ZINTERSTORE", "d", "1", "s"]),
            (zdiffstore, &["ZDIFFSTORE", "d", "1", "s"]),
            (zintercard, &["ZINTERCARD", "1", "s"]),
            (zrandmember, &["ZRANDMEMBER", "s"]),
            (zrandmember, &["ZRANDMEMBER", "s", "0"]),
            (zscan, &["ZSCAN", "s", "0"]),
        ];
        for (handler, words) in cases {
            assert_eq!(b.run(*handler, words), wrong, "{words:?}");
        }
        assert!(!b.exists("d"));
    }
}
