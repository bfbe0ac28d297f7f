//! List commands and the list value type (Redis's `t_list.c`).
//!
//! A list is a `VecDeque` of owned byte strings: pushing and popping at either end is O(1),
//! LINDEX and LSET reach any element in O(1), LRANGE costs O(length of the range), and LINSERT,
//! LREM and LPOS walk the elements as Redis's quicklist iterator does. Redis 7.0 always
//! reports the `quicklist` encoding, so OBJECT ENCODING has nothing else to say.
//!
//! Lookups follow Redis 7.0: LLEN, LINDEX, LRANGE and LPOS are *read* lookups and count a
//! keyspace hit or miss; every other command looks its keys up for writing and counts
//! nothing. Both drop a key whose time has passed first. A list modified in place keeps its
//! expiry time, and a list emptied by a pop, LREM, LTRIM or a move is removed from the
//! database, as Redis never keeps an empty list.
//!
//! Arguments are checked in Redis's order, which decides which error wins: LRANGE, LTRIM and
//! LREM parse their numbers before looking at the key, LINDEX and LSET after; LINSERT checks
//! BEFORE/AFTER first; the `numkeys`, direction and COUNT of LMPOP/BLMPOP come before the key
//! types, and so does the timeout of the blocking commands.
//!
//! The blocking commands (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP) are implemented here as
//! their non-blocking attempt: the arguments are validated exactly as Redis does, then if a
//! key has data the reply is what Redis sends when it serves the command at once, otherwise
//! what it sends when the timeout passes: a null array for all five (Redis's
//! `replyToBlockedClientTimedOut`), BLMOVE and BRPOPLPUSH included, marking the shard
//! empty-handed (`Ctx::empty_handed`) so the server knows to block the client. The server
//! does the waiting around these handlers; [`parse_timeout`] gives it the timeout. Where
//! Redis refuses to block (inside MULTI or a script) the server replies at once, and then
//! BLMOVE and BRPOPLPUSH reply a null *bulk string* (`$-1`) instead of the null array (the
//! command table's `Blocking` row says which).
//!
//! Commands over several keys (LMOVE, RPOPLPUSH, LMPOP, the blocking ones) see only the keys
//! of this shard: the server runs them whole on one shard, or on copies of all their keys
//! gathered in a scratch shard, so every key they name is in `ctx.db()`.
//!
//! The parts: `value` is the type, `parse` reads ends, counts, the LMPOP/BLMPOP arguments and
//! timeouts as Redis does, and the commands are grouped by job: `push_pop` (LPUSH, RPUSH,
//! LPUSHX, RPUSHX, LPOP, RPOP), `elements` (LLEN, LRANGE, LINDEX, LSET, LINSERT, LREM, LTRIM,
//! LPOS), `moves` (LMOVE, RPOPLPUSH, LMPOP) and `blocking` (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH,
//! BLMPOP). This file holds the key helpers they share; each part's unit tests sit at its
//! end, over the bench in `test_bench`, and the tests over every command sit here.

mod blocking;
mod elements;
mod moves;
mod parse;
mod push_pop;
#[cfg(test)]
mod test_bench;
mod value;

pub use blocking::{blmove, blmpop, blpop, brpop, brpoplpush};
pub use elements::{lindex, linsert, llen, lpos, lrange, lrem, lset, ltrim};
pub use moves::{lmove, lmpop, rpoplpush};
pub use parse::parse_timeout;
pub use push_pop::{lpop, lpush, lpushx, rpop, rpush, rpushx};
pub use value::{End, List};

use crate::db::Db;
use crate::lookup::Typed;
use crate::reply::Reply;
use crate::value::Value;

/// The list in `value`, for modification in place; `None` for a value of another type.
fn as_list_mut(value: &mut Value) -> Option<&mut List> {
    List::of_mut(value)
}

/// Removes `key` if it holds an empty list, with its `del` keyspace event: Redis deletes a
/// list once its last element goes.
fn remove_if_empty(db: &mut Db, key: &[u8], now: i64) {
    if matches!(db.get(key, now), Some(Value::List(list)) if list.is_empty()) {
        db.remove(key);
        db.notify(crate::notify::GENERIC, "del", key);
    }
}

/// The keyspace event of a push at `end`.
fn push_event(end: End) -> &'static str {
    match end {
        End::Head => "lpush",
        End::Tail => "rpush",
    }
}

/// Notes elements popped from `end` of the list at `key` (Redis's `listElementsRemoved`):
/// the `lpop`/`rpop` event, then the key's removal if it is left empty.
fn popped(db: &mut Db, key: &[u8], end: End, now: i64) {
    let event = match end {
        End::Head => "lpop",
        End::Tail => "rpop",
    };
    db.notify(crate::notify::LIST, event, key);
    remove_if_empty(db, key, now);
}

/// Pops up to `count` elements from `end` of the list at `key` (which exists and is a list),
/// replying with them as an array in the order they were popped, and removes the key if it
/// is left empty (Redis's `addListRangeReply` + `listTypeDelRange`).
fn pop_range_reply(db: &mut Db, reply: &mut Reply, key: &[u8], end: End, count: u64, now: i64) {
    if let Some(list) = db.get_mut(key, now).and_then(as_list_mut) {
        let n = count.min(list.len() as u64) as usize;
        reply.array(n);
        for _ in 0..n {
            if let Some(item) = list.pop(end) {
                reply.bulk(&item);
            }
        }
    }
    popped(db, key, end, now);
}

/// Pops one element from `end` of the list at `key` (which exists and is a list), removing
/// the key if it is left empty.
fn pop_one(db: &mut Db, key: &[u8], end: End, now: i64) -> Option<Box<[u8]>> {
    let item = db
        .get_mut(key, now)
        .and_then(as_list_mut)
        .and_then(|list| list.pop(end));
    if item.is_some() {
        popped(db, key, end, now);
    }
    item
}

#[cfg(test)]
mod tests {
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::list::test_bench::*;
    use crate::value::Value;

    #[test]
    fn every_command_refuses_another_type() {
        let mut s = Shard::new(16, 1);
        run(&mut s, &["SET", "str", "v"]);
        let commands: &[&[&str]] = &[
            &["LPUSH", "str", "a"],
            &["RPUSH", "str", "a"],
            &["LPUSHX", "str", "a"],
            &["RPUSHX", "str", "a"],
            &["LPOP", "str"],
            &["RPOP", "str", "0"],
            &["LLEN", "str"],
            &["LRANGE", "str", "0", "-1"],
            &["LINDEX", "str", "0"],
            &["LSET", "str", "0", "a"],
            &["LINSERT", "str", "BEFORE", "a", "b"],
            &["LREM", "str", "0", "a"],
            &["LTRIM", "str", "0", "1"],
            &["LPOS", "str", "a"],
            &["LMOVE", "str", "x", "LEFT", "LEFT"],
            &["RPOPLPUSH", "str", "x"],
            &["LMPOP", "1", "str", "LEFT"],
            &["BLPOP", "str", "0"],
            &["BRPOP", "str", "0"],
            &["BLMOVE", "str", "x", "LEFT", "LEFT", "0"],
            &["BRPOPLPUSH", "str", "x", "0"],
            &["BLMPOP", "0", "1", "str", "LEFT"],
        ];
        for words in commands {
            assert_eq!(run(&mut s, words), err(errors::WRONGTYPE), "{words:?}");
        }
        assert!(matches!(s.dbs[0].get(b"str", 0), Some(Value::Str(v)) if v == b"v"));
        assert!(!exists(&mut s, "x"));
    }

    #[test]
    fn read_commands_count_keyspace_hits() {
        let mut s = with_list("k", &["a"]);
        for words in [
            &["LLEN", "k"][..],
            &["LRANGE", "k", "0", "1"],
            &["LINDEX", "k", "0"],
            &["LPOS", "k", "a"],
            &["LLEN", "m"],
            &["LRANGE", "m", "0", "1"],
            &["LINDEX", "m", "0"],
            &["LPOS", "m", "a"],
        ] {
            run(&mut s, words);
        }
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (4, 4));
        // Write lookups count nothing; neither do arguments refused before the lookup.
        run(&mut s, &["LRANGE", "k", "x", "1"]);
        run(&mut s, &["RPUSH", "k", "b"]);
        run(&mut s, &["LPOP", "k"]);
        run(&mut s, &["LMOVE", "k", "d", "LEFT", "LEFT"]);
        run(&mut s, &["BLPOP", "d", "0"]);
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (4, 4));
    }

    #[test]
    fn expiry_is_kept_in_place_and_expired_keys_are_missing() {
        let mut s = with_list("k", &["a", "b", "c"]);
        s.dbs[0].set_expire(b"k", 100);
        assert_eq!(run(&mut s, &["RPUSH", "k", "d"]), int(4));
        assert_eq!(run(&mut s, &["LPOP", "k"]), bulk("a"));
        assert_eq!(run(&mut s, &["LSET", "k", "0", "B"]), OK);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(100));
        assert_eq!(run_at(&mut s, 101, false, &["LLEN", "k"]), int(0));
        assert_eq!(run_at(&mut s, 101, false, &["LPUSHX", "k", "x"]), int(0));
        assert_eq!(run_at(&mut s, 101, false, &["LPUSH", "k", "x"]), int(1));
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        // A string whose time passed is no obstacle to a push.
        run(&mut s, &["PSETEX", "t", "50", "v"]);
        assert_eq!(run_at(&mut s, 51, false, &["RPUSH", "t", "x"]), int(1));
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
        // Nor is an expired destination for LMOVE: it starts a new list without a TTL.
        run(&mut s, &["RPUSH", "d", "old"]);
        s.dbs[0].set_expire(b"d", 60);
        assert_eq!(
            run_at(&mut s, 61, false, &["LMOVE", "t", "d", "LEFT", "LEFT"]),
            bulk("x")
        );
        assert_eq!(
            run_at(&mut s, 61, false, &["LRANGE", "d", "0", "-1"]),
            bulks(&["x"])
        );
        assert_eq!(s.dbs[0].expire_at(b"d"), None);
    }
}
