//! The commands that set, read and delete fields: HSET, HMSET, HSETNX, HGET, HMGET, HDEL,
//! HEXISTS, HLEN, HSTRLEN, HGETALL, HKEYS, HVALS.

use super::value::Hash;
use super::{limits, lookup_write_or_create};
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use bytes::Bytes;

/// HSET and HMSET (Redis's `hsetCommand`): fields and values must come in pairs; every long
/// argument converts a listpack before any is written.
fn hset_generic(ctx: &mut Ctx<'_>, args: &[Bytes], cmd: &str) {
    let limits = limits(ctx);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    if !args.len().is_multiple_of(2) {
        reply.error(&errors::wrong_arity(cmd));
        return;
    }
    let Ok(h) = lookup_write_or_create(db, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    h.try_conversion(&args[2..], limits);
    let mut created = 0;
    for pair in args[2..].chunks_exact(2) {
        created += h.set(&pair[0], &pair[1], limits) as i64;
    }
    if cmd == "hset" {
        reply.int(created);
    } else {
        reply.ok();
    }
    ctx.notify(crate::notify::HASH, "hset", &args[1]);
}

/// Sets fields of the hash at `key`, creating it; replies how many fields are new.
///
/// ```text
/// HSET key field value [field value ...]
/// ```
pub fn hset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    hset_generic(ctx, args, "hset");
}

/// HSET replying `OK` (deprecated in Redis in favour of HSET).
///
/// ```text
/// HMSET key field value [field value ...]
/// ```
pub fn hmset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    hset_generic(ctx, args, "hmset");
}

/// Sets `field` only if it does not exist; replies 1 if it was set, 0 if not.
///
/// ```text
/// HSETNX key field value
/// ```
pub fn hsetnx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let limits = limits(ctx);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Ok(h) = lookup_write_or_create(db, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    if h.contains(&args[2]) {
        reply.int(0);
        return;
    }
    h.set(&args[2], &args[3], limits);
    reply.int(1);
    ctx.notify(crate::notify::HASH, "hset", &args[1]);
}

/// The value of `field`, or null.
///
/// ```text
/// HGET key field
/// ```
pub fn hget(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    match h.and_then(|h| h.get(&args[2])) {
        Some(v) => reply.bulk(v),
        None => reply.null(),
    }
}

/// The values of the fields, null for a missing one (all null for a missing key).
///
/// ```text
/// HMGET key field [field ...]
/// ```
pub fn hmget(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.array(args.len() - 2);
    for field in &args[2..] {
        match h.and_then(|h| h.get(field)) {
            Some(v) => reply.bulk(v),
            None => reply.null(),
        }
    }
}

/// Removes the fields; replies how many existed. The key goes with its last field.
///
/// ```text
/// HDEL key field [field ...]
/// ```
pub fn hdel(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let key = &args[1][..];
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let h = match lookup::write::<Hash>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(h)) => h,
    };
    let mut deleted = 0;
    for field in &args[2..] {
        if h.remove(field) {
            deleted += 1;
            if h.is_empty() {
                break;
            }
        }
    }
    let emptied = h.is_empty();
    if emptied {
        db.remove(key);
    }
    reply.int(deleted);
    if deleted > 0 {
        ctx.notify(crate::notify::HASH, "hdel", key);
        if emptied {
            ctx.notify(crate::notify::GENERIC, "del", key);
        }
    }
}

/// 1 if `field` exists, 0 if not.
///
/// ```text
/// HEXISTS key field
/// ```
pub fn hexists(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(h.is_some_and(|h| h.contains(&args[2])) as i64);
}

/// The number of fields (0 for a missing key).
///
/// ```text
/// HLEN key
/// ```
pub fn hlen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(h.map_or(0, Hash::len) as i64);
}

/// The length of the value of `field` (0 when missing).
///
/// ```text
/// HSTRLEN key field
/// ```
pub fn hstrlen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(h.and_then(|h| h.get(&args[2])).map_or(0, <[u8]>::len) as i64);
}

/// What HGETALL, HKEYS and HVALS reply with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parts {
    Fields,
    Values,
    Both,
}

/// HGETALL, HKEYS and HVALS (Redis's `genericHgetallCommand`): HGETALL is a map in RESP3,
/// the others arrays; a missing key is an empty one.
fn getall_generic(ctx: &mut Ctx<'_>, args: &[Bytes], parts: Parts) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    let len = h.map_or(0, Hash::len);
    if parts == Parts::Both {
        reply.map(len);
    } else {
        reply.array(len);
    }
    for (field, value) in h.into_iter().flat_map(Hash::iter) {
        if parts != Parts::Values {
            reply.bulk(field);
        }
        if parts != Parts::Fields {
            reply.bulk(value);
        }
    }
}

/// Every field and value: a map in RESP3, a flat array of pairs in RESP2.
///
/// ```text
/// HGETALL key
/// ```
pub fn hgetall(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    getall_generic(ctx, args, Parts::Both);
}

/// Every field.
///
/// ```text
/// HKEYS key
/// ```
pub fn hkeys(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    getall_generic(ctx, args, Parts::Fields);
}

/// Every value.
///
/// ```text
/// HVALS key
/// ```
pub fn hvals(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    getall_generic(ctx, args, Parts::Values);
}

#[cfg(test)]
mod tests {
    use super::{
        hdel, hexists, hget, hgetall, hkeys, hlen, hmget, hmset, hset, hsetnx, hstrlen, hvals,
    };
    use crate::types::hash::test_bench::*;
    use crate::types::string;

    #[test]
    fn hset_and_readers() {
        let mut s = shard(1);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "1", "b", "2"]),
            int(2)
        );
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "x", "c", "3"]),
            int(1)
        );
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "d", "1", "d", "2"]),
            int(1)
        );
        assert_eq!(run(&mut s, hmset, &["HMSET", "h", "e", "5", "a", "y"]), OK);
        assert_eq!(run(&mut s, hget, &["HGET", "h", "a"]), bulk("y"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "d"]), bulk("2"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "zz"]), NULL);
        assert_eq!(run(&mut s, hget, &["HGET", "nokey", "a"]), NULL);
        assert_eq!(
            run(&mut s, hmget, &["HMGET", "h", "a", "zz", "b", "a"]),
            format!("*4\r\n{}{NULL}{}{}", bulk("y"), bulk("2"), bulk("y"))
        );
        assert_eq!(
            run(&mut s, hmget, &["HMGET", "nokey", "a", "b"]),
            format!("*2\r\n{NULL}{NULL}")
        );
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(5));
        assert_eq!(run(&mut s, hlen, &["HLEN", "nokey"]), int(0));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "h", "c"]), int(1));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "h", "zz"]), int(0));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "nokey", "c"]), int(0));
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "long", "hello world"]),
            int(1)
        );
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "h", "long"]), int(11));
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "h", "zz"]), int(0));
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "nokey", "a"]), int(0));
        // Empty fields and values are ordinary ones.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "", ""]), int(1));
        assert_eq!(run(&mut s, hget, &["HGET", "h", ""]), bulk(""));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "h", ""]), int(1));
    }

    #[test]
    fn binary_fields_and_values() {
        let mut s = shard(1);
        let f = "a\0b\r\n\u{7f}";
        assert_eq!(run(&mut s, hset, &["HSET", "h", f, "\0\0"]), int(1));
        assert_eq!(run(&mut s, hget, &["HGET", "h", f]), bulk("\0\0"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "a"]), NULL);
        // A field of 22 bytes is stored inline, 23 on the heap: both behave alike.
        let (inline, heap) = ("x".repeat(22), "y".repeat(23));
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", &inline, &heap, &heap, &inline]),
            int(2)
        );
        assert_eq!(run(&mut s, hget, &["HGET", "h", &inline]), bulk(&heap));
        assert_eq!(run(&mut s, hget, &["HGET", "h", &heap]), bulk(&inline));
    }

    #[test]
    fn hset_and_hmset_need_pairs() {
        let mut s = shard(1);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "1", "b"]),
            err("ERR wrong number of arguments for 'hset' command")
        );
        assert_eq!(
            run(&mut s, hmset, &["HMSET", "h", "a", "1", "b"]),
            err("ERR wrong number of arguments for 'hmset' command")
        );
        assert!(s.dbs[0].is_empty());
        // The count is checked before the type.
        assert_eq!(run(&mut s, string::set, &["SET", "s", "v"]), OK);
        assert_eq!(
            run(&mut s, hset, &["HSET", "s", "a", "1", "b"]),
            err("ERR wrong number of arguments for 'hset' command")
        );
    }

    #[test]
    fn hsetnx_sets_only_new_fields() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "a", "1"]), int(1));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "a", "2"]), int(0));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "a"]), bulk("1"));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "b", "2"]), int(1));
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(2));
    }

    #[test]
    fn hdel_removes_fields_and_the_emptied_key() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "a"]), int(0));
        assert!(s.dbs[0].is_empty());
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "1", "b", "2", "c", "3"]),
            int(3)
        );
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "a", "a", "zz"]), int(1));
        assert_eq!(
            run(&mut s, hgetall, &["HGETALL", "h"]),
            arr(&["b", "2", "c", "3"])
        );
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "c", "b", "b"]), int(2));
        assert!(s.dbs[0].is_empty());
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(0));
        // The same with a hashtable, and the key's expiry goes with it.
        fill(&mut s, "t", 200);
        s.dbs[0].set_expire(b"t", 1000);
        let mut words = vec!["HDEL".to_string(), "t".to_string()];
        words.extend((0..200).map(|i| format!("f{i}")));
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(run(&mut s, hdel, &words), int(200));
        assert!(s.dbs[0].is_empty());
        assert_eq!(s.dbs[0].volatile_len(), 0);
    }

    #[test]
    fn hgetall_hkeys_hvals_in_listpack_order() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hgetall, &["HGETALL", "h"]), EMPTY);
        assert_eq!(run3(&mut s, hgetall, &["HGETALL", "h"]), "%0\r\n");
        assert_eq!(run(&mut s, hkeys, &["HKEYS", "h"]), EMPTY);
        assert_eq!(run3(&mut s, hkeys, &["HKEYS", "h"]), EMPTY);
        assert_eq!(run3(&mut s, hvals, &["HVALS", "h"]), EMPTY);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "z", "1", "a", "2", "m", "3"]),
            int(3)
        );
        // An update keeps the field's place; a deleted one re-added goes last.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "z", "9"]), int(0));
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "a"]), int(1));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "2"]), int(1));
        assert_eq!(
            run(&mut s, hgetall, &["HGETALL", "h"]),
            arr(&["z", "9", "m", "3", "a", "2"])
        );
        assert_eq!(
            run3(&mut s, hgetall, &["HGETALL", "h"]),
            format!("%3\r\n{}", &arr(&["z", "9", "m", "3", "a", "2"])[4..])
        );
        assert_eq!(run(&mut s, hkeys, &["HKEYS", "h"]), arr(&["z", "m", "a"]));
        assert_eq!(run3(&mut s, hkeys, &["HKEYS", "h"]), arr(&["z", "m", "a"]));
        assert_eq!(run(&mut s, hvals, &["HVALS", "h"]), arr(&["9", "3", "2"]));
        // A hashtable replies with everything, in some order.
        fill(&mut s, "t", 300);
        let mut fields = elements(&run(&mut s, hkeys, &["HKEYS", "t"]));
        fields.sort();
        let mut want: Vec<String> = (0..300).map(|i| format!("f{i}")).collect();
        want.sort();
        assert_eq!(fields, want);
        let all = elements(&run(&mut s, hgetall, &["HGETALL", "t"]));
        assert_eq!(all.len(), 600);
        for pair in all.chunks(2) {
            assert_eq!(pair[0][1..], pair[1][1..]);
        }
        assert_eq!(elements(&run(&mut s, hvals, &["HVALS", "t"])).len(), 300);
    }
}
