//! DEL, UNLINK, EXISTS, TOUCH and TYPE: commands that look up each key they name on its own,
//! which is why the server can split them by shard and add the replies up.

use crate::shard::Ctx;
use bytes::Bytes;

/// ```text
/// DEL key [key ...]
/// ```
pub fn del(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    del_generic(ctx, args);
}

/// ```text
/// UNLINK key [key ...]
/// ```
///
/// Redis frees large values in a background thread; a shard owns no threads, so this is DEL.
pub fn unlink(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    del_generic(ctx, args);
}

/// DEL and UNLINK, as Redis's `delGenericCommand`: an expired key is first expired (counted in
/// `expired_keys`) and then not counted as deleted.
fn del_generic(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let mut deleted = 0;
    for key in &args[1..] {
        let db = ctx.db();
        db.expire_if_needed(key, now);
        if db.remove(key).is_some() {
            deleted += 1;
            ctx.notify(crate::notify::GENERIC, "del", key);
        }
    }
    ctx.reply.int(deleted);
}

/// ```text
/// EXISTS key [key ...]
/// ```
///
/// A key named twice is counted twice.
pub fn exists(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let n = count_read_hits(ctx, args);
    ctx.reply.int(n);
}

/// ```text
/// TOUCH key [key ...]
/// ```
///
/// Counts the keys that exist (there is no access clock to update yet).
pub fn touch(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let n = count_read_hits(ctx, args);
    ctx.reply.int(n);
}

/// Looks every key of `args[1..]` up for reading (counting hits and misses); how many exist.
fn count_read_hits(ctx: &mut Ctx<'_>, args: &[Bytes]) -> i64 {
    let now = ctx.now;
    let (db, stats, _) = ctx.parts();
    let mut found = 0;
    for key in &args[1..] {
        if db.get(key, now).is_some() {
            stats.keyspace_hits += 1;
            found += 1;
        } else {
            stats.keyspace_misses += 1;
            db.notify(crate::notify::KEY_MISS, "keymiss", key);
        }
    }
    found
}

/// ```text
/// TYPE key
/// ```
///
/// A status reply: `string`, `list`, ..., or `none` when the key does not exist.
pub fn type_(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match db.get(&args[1], now) {
        Some(value) => {
            stats.keyspace_hits += 1;
            reply.simple(value.type_name());
        }
        None => {
            stats.keyspace_misses += 1;
            db.notify(crate::notify::KEY_MISS, "keymiss", &args[1]);
            reply.simple("none");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::test_support::{events, put, run, run_db, shard_with};
    use crate::reply::Reply;
    use crate::shard::Shard;

    #[test]
    fn del_and_unlink_count_deleted_keys() {
        let mut s = shard_with(&["a", "b", "c"]);
        assert_eq!(run(&mut s, 0, del, &["DEL", "a", "a", "zz"]), ":1\r\n");
        assert_eq!(run(&mut s, 0, unlink, &["UNLINK", "b", "c", "b"]), ":2\r\n");
        assert_eq!(s.dbs[0].len(), 0);
        put(&mut s, 0, "e", "v", Some(100));
        assert_eq!(run(&mut s, 101, del, &["DEL", "e"]), ":0\r\n");
        assert_eq!(s.dbs[0].expired_keys, 1);
        put(&mut s, 0, "t", "v", Some(100));
        assert_eq!(run(&mut s, 99, del, &["DEL", "t"]), ":1\r\n");
        assert_eq!(s.dbs[0].volatile_len(), 0);
    }

    #[test]
    fn exists_counts_duplicates_and_stats() {
        let mut s = shard_with(&["a"]);
        put(&mut s, 0, "e", "v", Some(50));
        assert_eq!(run(&mut s, 0, exists, &["EXISTS", "a", "a", "b"]), ":2\r\n");
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (2, 1));
        assert_eq!(run(&mut s, 49, exists, &["EXISTS", "e"]), ":1\r\n");
        // Still there at its exact expiry millisecond, gone one after (Redis: now > when).
        assert_eq!(run(&mut s, 50, exists, &["EXISTS", "e"]), ":1\r\n");
        assert_eq!(run(&mut s, 51, exists, &["EXISTS", "e"]), ":0\r\n");
        assert_eq!(run_db(&mut s, 1, 0, exists, &["EXISTS", "a"]), ":0\r\n");
    }

    #[test]
    fn touch_counts_existing_keys() {
        let mut s = shard_with(&["a", "b"]);
        assert_eq!(
            run(&mut s, 0, touch, &["TOUCH", "a", "b", "c", "a"]),
            ":3\r\n"
        );
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (3, 1));
    }

    #[test]
    fn type_is_a_status_reply() {
        let mut s = shard_with(&["a"]);
        assert_eq!(run(&mut s, 0, type_, &["TYPE", "a"]), "+string\r\n");
        assert_eq!(run(&mut s, 0, type_, &["TYPE", "b"]), "+none\r\n");
        put(&mut s, 0, "e", "v", Some(10));
        assert_eq!(run(&mut s, 11, type_, &["TYPE", "e"]), "+none\r\n");
        let mut r3 = Reply::new(true);
        s.run(
            type_,
            0,
            0,
            &[Bytes::from_static(b"TYPE"), Bytes::from_static(b"a")],
            &mut r3,
        );
        assert_eq!(r3.as_bytes(), b"+string\r\n");
    }

    #[test]
    fn a_write_over_a_key_past_its_time_expires_it_first_as_redis() {
        // Checked against redis-server 7.0 with active expiry off: SETEX and a non-empty
        // SINTERSTORE look the key up for writing (expired, new); an empty one deletes (del).
        let mut s = Shard::new(1, 7);
        for key in ["x", "y", "z"] {
            put(&mut s, 0, key, "v", Some(5));
        }
        run(&mut s, 0, crate::types::set::sadd, &["SADD", "s", "a"]);
        s.set_notify_flags(crate::notify::ALL | crate::notify::NEW | crate::notify::KEYSPACE);
        run(
            &mut s,
            10,
            crate::types::string::setex,
            &["SETEX", "x", "100", "v"],
        );
        run(
            &mut s,
            10,
            crate::types::set::sinterstore,
            &["SINTERSTORE", "y", "s"],
        );
        run(
            &mut s,
            10,
            crate::types::set::sinterstore,
            &["SINTERSTORE", "z", "none"],
        );
        assert_eq!(
            events(&mut s),
            [
                "x:expired",
                "x:new",
                "x:set",
                "x:expire",
                "y:expired",
                "y:new",
                "y:sinterstore",
                "z:del"
            ]
        );
    }
}
