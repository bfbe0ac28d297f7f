//! The commands that add, remove, count and look up members: ZADD, ZINCRBY, ZREM,
//! ZREMRANGEBYRANK/SCORE/LEX, ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT.

use super::parse::{parse_lex_range, parse_score_range, string2d};
use super::value::{AddFlags, AddOutcome, Bounds, ListpackLimits, ZSet};
use super::{arg_i64_pair, delete_if_empty, is};
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::reply::Reply;
use crate::shard::Ctx;
use crate::value::Value;
use bytes::Bytes;

// ---------------------------------------------------------------------------------------------
// ZADD, ZINCRBY, ZREM, ZREMRANGEBY*
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]
/// ```
pub fn zadd(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zadd_generic(ctx, args, false);
}

/// ```text
/// ZINCRBY key increment member
/// ```
pub fn zincrby(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zadd_generic(ctx, args, true);
}

/// ZADD and ZINCRBY (Redis's `zaddGenericCommand`; ZINCRBY is ZADD with INCR, and reads its
/// arguments the same way, flags included).
fn zadd_generic(ctx: &mut Ctx<'_>, args: &[Bytes], incr: bool) {
    let mut flags = AddFlags {
        incr,
        ..AddFlags::default()
    };
    let mut ch = false;
    let mut scoreidx = 2;
    while scoreidx < args.len() {
        let opt = &args[scoreidx][..];
        if is(opt, "nx") {
            flags.nx = true;
        } else if is(opt, "xx") {
            flags.xx = true;
        } else if is(opt, "ch") {
            ch = true;
        } else if is(opt, "incr") {
            flags.incr = true;
        } else if is(opt, "gt") {
            flags.gt = true;
        } else if is(opt, "lt") {
            flags.lt = true;
        } else {
            break;
        }
        scoreidx += 1;
    }
    let elements = args.len() - scoreidx;
    if !elements.is_multiple_of(2) || elements == 0 {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    let elements = elements / 2;
    if flags.nx && flags.xx {
        ctx.reply.error(errors::ZSET_NX_XX);
        return;
    }
    if ((flags.gt || flags.lt) && flags.nx) || (flags.gt && flags.lt) {
        ctx.reply.error(errors::ZSET_GT_LT_NX);
        return;
    }
    if flags.incr && elements > 1 {
        ctx.reply.error(errors::ZSET_INCR_PAIR);
        return;
    }
    let mut scores = Vec::with_capacity(elements);
    for j in 0..elements {
        match string2d(&args[scoreidx + 2 * j]) {
            Some(v) => scores.push(v),
            None => {
                ctx.reply.error(errors::NOT_FLOAT);
                return;
            }
        }
    }

    let limits = ListpackLimits::of(ctx.shard);
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let exists = match lookup::write::<ZSet>(db, key, now) {
        Err(WrongType) => {
            reply.error(errors::WRONGTYPE);
            return;
        }
        Ok(z) => z.is_some(),
    };
    let (mut added, mut updated, mut processed) = (0i64, 0i64, 0i64);
    let mut last_score = 0.0;
    if !exists {
        if flags.xx {
            return zadd_reply(reply, flags.incr, ch, 0, 0, 0, 0.0);
        }
        db.set(
            key,
            Value::zset(ZSet::for_first_member(&args[scoreidx + 1], limits)),
        );
    }
    let Ok(Some(z)) = lookup::write::<ZSet>(db, key, now) else {
        return;
    };
    for (j, &score) in scores.iter().enumerate() {
        match z.add(&args[scoreidx + 1 + 2 * j], score, flags, limits) {
            AddOutcome::Nan => {
                reply.error(errors::ZSET_NAN);
                return;
            }
            AddOutcome::Nop => {}
            AddOutcome::Added(s) => {
                added += 1;
                processed += 1;
                last_score = s;
            }
            AddOutcome::Updated(s) => {
                updated += 1;
                processed += 1;
                last_score = s;
            }
            AddOutcome::Kept(s) => {
                processed += 1;
                last_score = s;
            }
        }
    }
    zadd_reply(reply, flags.incr, ch, added, updated, processed, last_score);
    if added + updated > 0 {
        let event = if flags.incr { "zincr" } else { "zadd" };
        ctx.notify(crate::notify::ZSET, event, key);
    }
}

fn zadd_reply(
    reply: &mut Reply,
    incr: bool,
    ch: bool,
    added: i64,
    updated: i64,
    processed: i64,
    score: f64,
) {
    if incr {
        if processed > 0 {
            reply.double(score);
        } else {
            reply.null();
        }
    } else {
        reply.int(if ch { added + updated } else { added });
    }
}

/// ```text
/// ZREM key member [member ...]
/// ```
pub fn zrem(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let z = match lookup::write::<ZSet>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => return reply.int(0),
        Ok(Some(z)) => z,
    };
    let mut deleted = 0;
    for member in &args[2..] {
        if z.remove(member) {
            deleted += 1;
        }
        if z.is_empty() {
            break;
        }
    }
    if deleted > 0 {
        db.notify(crate::notify::ZSET, "zrem", key);
    }
    delete_if_empty(db, key);
    reply.int(deleted);
}

/// ```text
/// ZREMRANGEBYRANK key start stop
/// ```
pub fn zremrangebyrank(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let (start, end) = match arg_i64_pair(&args[2], &args[3]) {
        Ok(range) => range,
        Err(e) => return ctx.reply.error(e),
    };
    zremrange_generic(ctx, &args[1], "zremrangebyrank", |z| {
        let llen = z.len() as i64;
        let mut start = if start < 0 { llen + start } else { start };
        let mut end = if end < 0 { llen + end } else { end };
        if start < 0 {
            start = 0;
        }
        if start > end || start >= llen {
            return 0;
        }
        if end >= llen {
            end = llen - 1;
        }
        let count = (end - start + 1) as usize;
        z.remove_ranks(start as usize, count);
        count
    });
}

/// ```text
/// ZREMRANGEBYSCORE key min max
/// ```
pub fn zremrangebyscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_score_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_FLOAT);
        return;
    };
    zremrange_generic(ctx, &args[1], "zremrangebyscore", |z| z.remove_in(&range));
}

/// ```text
/// ZREMRANGEBYLEX key min max
/// ```
pub fn zremrangebylex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_lex_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_LEX);
        return;
    };
    zremrange_generic(ctx, &args[1], "zremrangebylex", |z| z.remove_in(&range));
}

/// The rest of `zremrangeGenericCommand`, once the range is parsed: `remove` deletes the
/// range from the set and says how many members went; `event` is the keyspace event when
/// some did.
fn zremrange_generic(
    ctx: &mut Ctx<'_>,
    key: &[u8],
    event: &'static str,
    remove: impl FnOnce(&mut ZSet) -> usize,
) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let deleted = match lookup::write::<ZSet>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => 0,
        Ok(Some(z)) => remove(z),
    };
    if deleted > 0 {
        db.notify(crate::notify::ZSET, event, key);
        delete_if_empty(db, key);
    }
    reply.int(deleted as i64);
}

// ---------------------------------------------------------------------------------------------
// ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZCARD key
/// ```
pub fn zcard(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup::read::<ZSet>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(z)) => reply.int(z.len() as i64),
    }
}

/// ```text
/// ZSCORE key member
/// ```
pub fn zscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup::read::<ZSet>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(z)) => match z.score(&args[2]) {
            Some(s) => reply.double(s),
            None => reply.null(),
        },
    }
}

/// ```text
/// ZMSCORE key member [member ...]
/// ```
pub fn zmscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let z = match lookup::read::<ZSet>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(z) => z,
    };
    reply.array(args.len() - 2);
    for member in &args[2..] {
        match z.and_then(|z| z.score(member)) {
            Some(s) => reply.double(s),
            None => reply.null(),
        }
    }
}

/// ```text
/// ZRANK key member
/// ```
pub fn zrank(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrank_generic(ctx, args, false);
}

/// ```text
/// ZREVRANK key member
/// ```
pub fn zrevrank(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrank_generic(ctx, args, true);
}

fn zrank_generic(ctx: &mut Ctx<'_>, args: &[Bytes], reverse: bool) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup::read::<ZSet>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(z)) => match z.rank(&args[2]) {
            Some(r) if reverse => reply.int((z.len() - 1 - r) as i64),
            Some(r) => reply.int(r as i64),
            None => reply.null(),
        },
    }
}

/// ```text
/// ZCOUNT key min max
/// ```
pub fn zcount(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_score_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_FLOAT);
        return;
    };
    count_generic(ctx, &args[1], &range);
}

/// ```text
/// ZLEXCOUNT key min max
/// ```
pub fn zlexcount(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_lex_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_LEX);
        return;
    };
    count_generic(ctx, &args[1], &range);
}

fn count_generic(ctx: &mut Ctx<'_>, key: &[u8], range: &impl Bounds) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup::read::<ZSet>(db, stats, key, now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(z)) => reply.int(z.count_in(range) as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string;
    use crate::types::zset::pop::zpopmin;
    use crate::types::zset::range::zrange;
    use crate::types::zset::setop::zunion;
    use crate::types::zset::test_bench::*;

    #[test]
    fn zadd_adds_and_updates() {
        let mut b = Bench::new();
        assert_eq!(b.run(zadd, &["ZADD", "z", "1", "a", "2", "b"]), int(2));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "3", "a", "2", "b", "4", "c"]),
            int(1)
        );
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "CH", "5", "a", "2", "b", "6", "d"]),
            int(2)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "-1", "WITHSCORES"]),
            arr(&["b", "2", "c", "4", "a", "5", "d", "6"])
        );
        assert_eq!(b.run(zadd, &["ZADD", "z", "1", "a", "1", "a"]), int(0));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("1"));
    }

    #[test]
    fn zadd_flags() {
        let mut b = abc();
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "NX", "10", "a", "4", "d"]),
            int(1)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("1"));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "XX", "10", "a", "5", "e"]),
            int(0)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("10"));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "e"]), NULL);
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "XX", "CH", "11", "a", "2", "b"]),
            int(1)
        );
        assert_eq!(
            b.run(
                zadd,
                &["ZADD", "z", "GT", "CH", "5", "a", "20", "b", "1", "f"]
            ),
            int(2)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("11"));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "b"]), bulk("20"));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "lt", "ch", "5", "a", "30", "b"]),
            int(1)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("5"));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "XX", "GT", "1", "a", "7", "zz"]),
            int(0)
        );
        // XX on a missing key creates nothing.
        assert_eq!(b.run(zadd, &["ZADD", "new", "XX", "1", "a"]), int(0));
        assert!(!b.exists("new"));
        assert_eq!(b.run(zadd, &["ZADD", "new", "XX", "INCR", "1", "a"]), NULL);
        assert!(!b.exists("new"));
    }

    #[test]
    fn zadd_incr_and_zincrby() {
        let mut b = Bench::new();
        assert_eq!(b.run(zadd, &["ZADD", "z", "INCR", "1.5", "a"]), bulk("1.5"));
        assert_eq!(b.run(zadd, &["ZADD", "z", "INCR", "1.5", "a"]), bulk("3"));
        assert_eq!(b.run(zincrby, &["ZINCRBY", "z", "-4", "a"]), bulk("-1"));
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "0.1", "b"]),
            bulk("0.10000000000000001")
        );
        assert_eq!(b.run(zadd, &["ZADD", "z", "NX", "INCR", "1", "a"]), NULL);
        assert_eq!(b.run(zadd, &["ZADD", "z", "GT", "INCR", "-1", "a"]), NULL);
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "GT", "INCR", "1", "a"]),
            bulk("0")
        );
        assert_eq!(b.run(zadd, &["ZADD", "z", "INCR", "0", "a"]), bulk("0"));
        assert_eq!(b.run(zincrby, &["ZINCRBY", "z", "inf", "a"]), bulk("inf"));
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "-inf", "a"]),
            err(errors::ZSET_NAN)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("inf"));
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "nan", "a"]),
            err(errors::NOT_FLOAT)
        );
        // ZINCRBY reads flags like ZADD does.
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "nx", "a"]),
            err(errors::SYNTAX)
        );
        b.resp3 = true;
        assert_eq!(b.run(zincrby, &["ZINCRBY", "z", "1", "c"]), ",1\r\n");
        assert_eq!(b.run(zadd, &["ZADD", "z", "NX", "INCR", "1", "c"]), "_\r\n");
    }

    #[test]
    fn zadd_errors_in_redis_order() {
        let mut b = Bench::new();
        for (words, e) in [
            (&["ZADD", "z", "1"][..], errors::SYNTAX),
            (&["ZADD", "z", "NX"], errors::SYNTAX),
            (&["ZADD", "z", "1", "a", "2"], errors::SYNTAX),
            (&["ZADD", "z", "NX", "XX", "1", "a"], errors::ZSET_NX_XX),
            (&["ZADD", "z", "NX", "GT", "1", "a"], errors::ZSET_GT_LT_NX),
            (&["ZADD", "z", "LT", "NX", "1", "a"], errors::ZSET_GT_LT_NX),
            (&["ZADD", "z", "GT", "LT", "1", "a"], errors::ZSET_GT_LT_NX),
            (
                &["ZADD", "z", "INCR", "1", "a", "2", "b"],
                errors::ZSET_INCR_PAIR,
            ),
            (&["ZADD", "z", "x", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1", "a", "nan", "b"], errors::NOT_FLOAT),
            (&["ZADD", "z", " 1", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1 ", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1e400", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1e-400", "a"], errors::NOT_FLOAT),
        ] {
            assert_eq!(b.run(zadd, words), err(e), "{words:?}");
        }
        assert!(!b.exists("z"), "a failed ZADD creates nothing");
        b.run(string::set, &["SET", "s", "x"]);
        assert_eq!(
            b.run(zadd, &["ZADD", "s", "1", "a"]),
            err(errors::WRONGTYPE)
        );
        // Score errors come before the type check.
        assert_eq!(
            b.run(zadd, &["ZADD", "s", "x", "a"]),
            err(errors::NOT_FLOAT)
        );
    }

    #[test]
    fn zscore_zmscore_zcard() {
        let mut b = abc();
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "b"]), bulk("2"));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "x"]), NULL);
        assert_eq!(b.run(zscore, &["ZSCORE", "nokey", "x"]), NULL);
        assert_eq!(
            b.run(zmscore, &["ZMSCORE", "z", "a", "x", "c"]),
            format!("*3\r\n{}{NULL}{}", bulk("1"), bulk("3"))
        );
        assert_eq!(
            b.run(zmscore, &["ZMSCORE", "nokey", "a"]),
            format!("*1\r\n{NULL}")
        );
        assert_eq!(b.run(zcard, &["ZCARD", "z"]), int(3));
        assert_eq!(b.run(zcard, &["ZCARD", "nokey"]), int(0));
        b.resp3 = true;
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "b"]), ",2\r\n");
        assert_eq!(
            b.run(zmscore, &["ZMSCORE", "z", "a", "x"]),
            "*2\r\n,1\r\n_\r\n"
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "x"]), "_\r\n");
    }

    #[test]
    fn read_commands_count_hits_and_misses() {
        let mut b = abc();
        b.run(zscore, &["ZSCORE", "z", "a"]);
        b.run(zcard, &["ZCARD", "nokey"]);
        b.run(zunion, &["ZUNION", "2", "z", "nokey"]);
        assert_eq!(
            (b.shard.stats.keyspace_hits, b.shard.stats.keyspace_misses),
            (2, 2)
        );
        b.run(zadd, &["ZADD", "z", "1", "a"]);
        b.run(zpopmin, &["ZPOPMIN", "nokey"]);
        assert_eq!(
            (b.shard.stats.keyspace_hits, b.shard.stats.keyspace_misses),
            (2, 2)
        );
    }

    #[test]
    fn zrank_and_zrevrank() {
        let mut b = abc();
        assert_eq!(b.run(zrank, &["ZRANK", "z", "a"]), int(0));
        assert_eq!(b.run(zrank, &["ZRANK", "z", "c"]), int(2));
        assert_eq!(b.run(zrevrank, &["ZREVRANK", "z", "c"]), int(0));
        assert_eq!(b.run(zrevrank, &["ZREVRANK", "z", "a"]), int(2));
        assert_eq!(b.run(zrank, &["ZRANK", "z", "x"]), NULL);
        assert_eq!(b.run(zrank, &["ZRANK", "nokey", "x"]), NULL);
    }

    #[test]
    fn zrem_and_zremrange_delete_emptied_keys() {
        let mut b = abc();
        assert_eq!(b.run(zrem, &["ZREM", "z", "a", "x", "a"]), int(1));
        assert_eq!(b.run(zrem, &["ZREM", "nokey", "a"]), int(0));
        assert_eq!(b.run(zrem, &["ZREM", "z", "b", "c", "d"]), int(2));
        assert!(!b.exists("z"));
        let mut b = with("z", &[("1", "a"), ("2", "b"), ("3", "c"), ("4", "d")]);
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "1", "2"]),
            int(2)
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "0", "-1"]), arr(&["a", "d"]));
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "5", "9"]),
            int(0)
        );
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "x", "9"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "-100", "100"]),
            int(2)
        );
        assert!(!b.exists("z"));
        let mut b = with("z", &[("1", "a"), ("2", "b"), ("3", "c"), ("4", "d")]);
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "(1", "3"]),
            int(2)
        );
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "5", "3"]),
            int(0)
        );
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "x", "3"]),
            err(errors::ZSET_MINMAX_FLOAT)
        );
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "-inf", "+inf"]),
            int(2)
        );
        assert!(!b.exists("z"));
        let mut b = with("z", &[("0", "a"), ("0", "b"), ("0", "c"), ("0", "d")]);
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "z", "[b", "(d"]),
            int(2)
        );
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "z", "x", "+"]),
            err(errors::ZSET_MINMAX_LEX)
        );
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "nokey", "-", "+"]),
            int(0)
        );
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "z", "-", "+"]),
            int(2)
        );
        assert!(!b.exists("z"));
    }
}
