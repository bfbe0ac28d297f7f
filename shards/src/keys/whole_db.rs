//! KEYS, DBSIZE, FLUSHDB, FLUSHALL and RANDOMKEY: commands over a whole database of this
//! shard rather than named keys (the server runs them on every shard and merges).

use crate::db::{Db, Key};
use crate::errors;
use crate::glob::glob_match;
use crate::shard::Ctx;
use bytes::Bytes;

/// ```text
/// KEYS pattern
/// ```
///
/// Every key matching the glob `pattern`. Expired keys are skipped but, as in Redis, not
/// removed.
pub fn keys(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let pattern = &args[1][..];
    let all = pattern == b"*";
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let db: &Db = db;
    let matched: Vec<&Key> = db
        .entries
        .keys()
        .filter(|key| (all || glob_match(pattern, key, false)) && !db.is_expired(key, now))
        .collect();
    reply.array(matched.len());
    for key in matched {
        reply.bulk(key);
    }
}

/// ```text
/// DBSIZE
/// ```
///
/// Counts keys whose time has passed but that are not removed yet, as Redis does.
pub fn dbsize(ctx: &mut Ctx<'_>, _args: &[Bytes]) {
    let n = ctx.db().len();
    ctx.reply.int(n as i64);
}

/// True when `args` is `FLUSHDB`/`FLUSHALL` alone or followed by `ASYNC` or `SYNC` (Redis's
/// `getFlushCommandFlags`).
fn flush_args_ok(args: &[Bytes]) -> bool {
    match args.len() {
        1 => true,
        2 => args[1].eq_ignore_ascii_case(b"async") || args[1].eq_ignore_ascii_case(b"sync"),
        _ => false,
    }
}

/// ```text
/// FLUSHDB [ASYNC | SYNC]
/// ```
///
/// ASYNC is accepted and runs synchronously: a shard owns no background thread to free on.
pub fn flushdb(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if !flush_args_ok(args) {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    ctx.db().clear();
    ctx.reply.ok();
}

/// ```text
/// FLUSHALL [ASYNC | SYNC]
/// ```
///
/// Clears every database of this shard (the server sends it to every shard).
pub fn flushall(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if !flush_args_ok(args) {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    for db in &mut ctx.shard.dbs {
        db.clear();
    }
    ctx.reply.ok();
}

/// ```text
/// RANDOMKEY
/// ```
///
/// A key chosen uniformly from this shard's database, or null when it is empty. A chosen key
/// whose time has passed is removed and another one drawn, as in Redis's `dbRandomKey`.
pub fn randomkey(ctx: &mut Ctx<'_>, _args: &[Bytes]) {
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    while !db.is_empty() {
        let index = shard.rng.below(db.len());
        let Some((key, _)) = db.entry_at(index) else {
            break;
        };
        if !db.is_expired(key, now) {
            reply.bulk(key);
            return;
        }
        let key = key.clone();
        db.expire_if_needed(&key, now);
    }
    reply.null();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::test_support::{put, run, run_db, shard_with};
    use crate::shard::Shard;

    #[test]
    fn keys_matches_and_skips_expired_without_removing() {
        let mut s = shard_with(&["one", "two", "three"]);
        put(&mut s, 0, "tick", "v", Some(10));
        let mut all = parse_keys(&run(&mut s, 11, keys, &["KEYS", "*"]));
        all.sort();
        assert_eq!(all, ["one", "three", "two"]);
        assert_eq!(s.dbs[0].len(), 4, "KEYS does not remove expired keys");
        let mut t = parse_keys(&run(&mut s, 9, keys, &["KEYS", "t*"]));
        t.sort();
        assert_eq!(t, ["three", "tick", "two"]);
        assert_eq!(
            run(&mut s, 0, keys, &["KEYS", "?ne"]),
            "*1\r\n$3\r\none\r\n"
        );
        assert_eq!(run(&mut s, 0, keys, &["KEYS", "["]), "*0\r\n");
        assert_eq!(run_db(&mut s, 3, 0, keys, &["KEYS", "*"]), "*0\r\n");
    }

    fn parse_keys(reply: &str) -> Vec<String> {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        let n: usize = lines[0][1..].parse().unwrap();
        (0..n).map(|i| lines[2 + 2 * i].to_string()).collect()
    }

    #[test]
    fn dbsize_counts_not_yet_removed_keys() {
        let mut s = shard_with(&["a", "b"]);
        put(&mut s, 0, "e", "v", Some(10));
        assert_eq!(run(&mut s, 100, dbsize, &["DBSIZE"]), ":3\r\n");
        assert_eq!(run_db(&mut s, 1, 100, dbsize, &["DBSIZE"]), ":0\r\n");
    }

    #[test]
    fn flushdb_and_flushall() {
        let mut s = shard_with(&["a", "b"]);
        put(&mut s, 1, "c", "v", Some(10));
        for bad in [&["FLUSHDB", "x"][..], &["FLUSHDB", "async", "async"]] {
            assert_eq!(run(&mut s, 0, flushdb, bad), "-ERR syntax error\r\n");
        }
        assert_eq!(
            run(&mut s, 0, flushall, &["FLUSHALL", "now"]),
            "-ERR syntax error\r\n"
        );
        assert_eq!(s.dbs[0].len(), 2);
        assert_eq!(run(&mut s, 0, flushdb, &["FLUSHDB", "aSync"]), "+OK\r\n");
        assert_eq!((s.dbs[0].len(), s.dbs[1].len()), (0, 1));
        assert_eq!(run(&mut s, 0, flushdb, &["FLUSHDB"]), "+OK\r\n");
        assert_eq!(run(&mut s, 0, flushall, &["FLUSHALL", "SYNC"]), "+OK\r\n");
        assert_eq!((s.dbs[1].len(), s.dbs[1].volatile_len()), (0, 0));
        assert_eq!(run(&mut s, 0, flushall, &["FLUSHALL"]), "+OK\r\n");
    }

    #[test]
    fn randomkey_is_uniform_and_skips_expired() {
        let mut s = Shard::new(16, 3);
        assert_eq!(run(&mut s, 0, randomkey, &["RANDOMKEY"]), "$-1\r\n");
        for k in ["a", "b", "c", "d"] {
            put(&mut s, 0, k, "v", None);
        }
        let mut seen = std::collections::HashMap::new();
        for _ in 0..4000 {
            *seen
                .entry(run(&mut s, 0, randomkey, &["RANDOMKEY"]))
                .or_insert(0) += 1;
        }
        assert_eq!(seen.len(), 4);
        assert!(seen.values().all(|&n| n > 800), "{seen:?}");

        let mut s = Shard::new(16, 3);
        for i in 0..50 {
            put(&mut s, 0, &format!("dead{i}"), "v", Some(5));
        }
        put(&mut s, 0, "live", "v", None);
        assert_eq!(run(&mut s, 6, randomkey, &["RANDOMKEY"]), "$4\r\nlive\r\n");
        let mut s = Shard::new(16, 3);
        for i in 0..50 {
            put(&mut s, 0, &format!("dead{i}"), "v", Some(5));
        }
        assert_eq!(run(&mut s, 6, randomkey, &["RANDOMKEY"]), "$-1\r\n");
        assert_eq!((s.dbs[0].len(), s.dbs[0].expired_keys), (0, 50));
    }
}
