//! The ZRANGE family (`zrangeGenericCommand`): ZRANGE with its BYSCORE/BYLEX/REV/LIMIT
//! options, ZRANGESTORE, and the older ZREVRANGE, ZRANGEBYSCORE, ZREVRANGEBYSCORE,
//! ZRANGEBYLEX and ZREVRANGEBYLEX, which all parse into one range request.

use super::parse::{parse_lex_range, parse_score_range, LexRange, ScoreRange};
use super::value::{ListpackLimits, ZSet};
use super::{arg_i64_pair, is, reply_members, store_result};
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use bytes::Bytes;

/// What a ZRANGE-family command ranges over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeType {
    /// Not fixed by the command: ZRANGE's BYSCORE/BYLEX may choose; ranks otherwise.
    Auto,
    Rank,
    Score,
    Lex,
}

/// Which way a ZRANGE-family command walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Not fixed by the command: ZRANGE's REV may choose; forwards otherwise.
    Auto,
    Forward,
    Reverse,
}

/// ```text
/// ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]
/// ```
pub fn zrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Auto, Direction::Auto);
}

/// ```text
/// ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]
/// ```
pub fn zrangestore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(
        ctx,
        args,
        2,
        Some(&args[1]),
        RangeType::Auto,
        Direction::Auto,
    );
}

/// ```text
/// ZREVRANGE key start stop [WITHSCORES]
/// ```
pub fn zrevrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Rank, Direction::Reverse);
}

/// ```text
/// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]
/// ```
pub fn zrangebyscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Score, Direction::Forward);
}

/// ```text
/// ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]
/// ```
pub fn zrevrangebyscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Score, Direction::Reverse);
}

/// ```text
/// ZRANGEBYLEX key min max [LIMIT offset count]
/// ```
pub fn zrangebylex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Lex, Direction::Forward);
}

/// ```text
/// ZREVRANGEBYLEX key max min [LIMIT offset count]
/// ```
pub fn zrevrangebylex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Lex, Direction::Reverse);
}

/// A parsed range of a ZRANGE-family command.
enum Spec {
    Rank(i64, i64),
    Score(ScoreRange),
    Lex(LexRange),
}

/// Redis's `zrangeGenericCommand`: the key is at `argc_start`, the bounds follow, options
/// after them; `store` is ZRANGESTORE's destination.
fn zrange_generic(
    ctx: &mut Ctx<'_>,
    args: &[Bytes],
    argc_start: usize,
    store: Option<&[u8]>,
    rangetype: RangeType,
    direction: Direction,
) {
    let (mut rangetype, mut direction) = (rangetype, direction);
    let key = &args[argc_start][..];
    let (mut minidx, mut maxidx) = (argc_start + 1, argc_start + 2);
    let mut withscores = false;
    let (mut offset, mut limit) = (0i64, -1i64);
    let mut j = argc_start + 3;
    while j < args.len() {
        let leftargs = args.len() - j - 1;
        let arg = &args[j][..];
        if store.is_none() && is(arg, "withscores") {
            withscores = true;
        } else if is(arg, "limit") && leftargs >= 2 {
            (offset, limit) = match arg_i64_pair(&args[j + 1], &args[j + 2]) {
                Ok(pair) => pair,
                Err(e) => return ctx.reply.error(e),
            };
            j += 2;
        } else if direction == Direction::Auto && is(arg, "rev") {
            direction = Direction::Reverse;
        } else if rangetype == RangeType::Auto && is(arg, "bylex") {
            rangetype = RangeType::Lex;
        } else if rangetype == RangeType::Auto && is(arg, "byscore") {
            rangetype = RangeType::Score;
        } else {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        j += 1;
    }
    if rangetype == RangeType::Auto {
        rangetype = RangeType::Rank;
    }
    let reverse = direction == Direction::Reverse;
    if limit != -1 && rangetype == RangeType::Rank {
        ctx.reply.error(errors::ZSET_LIMIT_RANK);
        return;
    }
    if withscores && rangetype == RangeType::Lex {
        ctx.reply.error(errors::ZSET_WITHSCORES_LEX);
        return;
    }
    if reverse && rangetype != RangeType::Rank {
        std::mem::swap(&mut minidx, &mut maxidx);
    }
    let spec = match rangetype {
        RangeType::Auto | RangeType::Rank => match arg_i64_pair(&args[minidx], &args[maxidx]) {
            Ok((start, end)) => Spec::Rank(start, end),
            Err(e) => return ctx.reply.error(e),
        },
        RangeType::Score => match parse_score_range(&args[minidx], &args[maxidx]) {
            Some(r) => Spec::Score(r),
            None => {
                ctx.reply.error(errors::ZSET_MINMAX_FLOAT);
                return;
            }
        },
        RangeType::Lex => match parse_lex_range(&args[minidx], &args[maxidx]) {
            Some(r) => Spec::Lex(r),
            None => {
                ctx.reply.error(errors::ZSET_MINMAX_LEX);
                return;
            }
        },
    };

    let limits = ListpackLimits::of(ctx.shard);
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let z = match lookup::read::<ZSet>(db, stats, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(z) => z,
    };
    let Some(z) = z else {
        match store {
            Some(dst) => store_result(db, reply, dst, None, "zrangestore"),
            None => reply.array(0),
        }
        return;
    };
    let items = match &spec {
        Spec::Rank(start, end) => range_by_rank(z, *start, *end, reverse),
        Spec::Score(r) => z.range_in(r, offset, limit, reverse),
        Spec::Lex(r) => z.range_in(r, offset, limit, reverse),
    };
    let Some(dst) = store else {
        reply_members(reply, &items, withscores);
        return;
    };
    // ZRANGESTORE: `zrangeResultBeginStore` starts a skiplist for a rank range longer than
    // a listpack holds, a listpack otherwise, and each result is added in emission order.
    let mut target = match spec {
        Spec::Rank(..) if items.len() > limits.entries => ZSet::new_skiplist(items.len()),
        _ => ZSet::new(),
    };
    for (m, s) in &items {
        target.add_plain(m, *s, limits);
    }
    store_result(db, reply, dst, Some(target), "zrangestore");
}

/// The members of ranks `start..=end` (negative counting from the end), as
/// `genericZrangebyrankCommand` clamps them.
fn range_by_rank(z: &ZSet, start: i64, end: i64, reverse: bool) -> Vec<(&[u8], f64)> {
    let llen = z.len() as i64;
    let mut start = if start < 0 { llen + start } else { start };
    let mut end = if end < 0 { llen + end } else { end };
    if start < 0 {
        start = 0;
    }
    if start > end || start >= llen {
        return Vec::new();
    }
    if end >= llen {
        end = llen - 1;
    }
    let len = (end - start + 1) as usize;
    let from = if reverse { llen - 1 - start } else { start } as usize;
    z.iter_from(from, reverse).take(len).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string;
    use crate::types::zset::members::{zcard, zcount, zlexcount};
    use crate::types::zset::test_bench::*;
    use crate::Handler;

    #[test]
    fn zrange_by_rank() {
        let mut b = abc();
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "-1"]),
            arr(&["a", "b", "c"])
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "1", "1"]), arr(&["b"]));
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "-2", "100"]),
            arr(&["b", "c"])
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "-100", "0"]), arr(&["a"]));
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "2", "1"]), EMPTY);
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "3", "10"]), EMPTY);
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "-1", "REV"]),
            arr(&["c", "b", "a"])
        );
        assert_eq!(
            b.run(zrevrange, &["ZREVRANGE", "z", "0", "0", "WITHSCORES"]),
            arr(&["c", "3"])
        );
        assert_eq!(
            b.run(zrevrange, &["ZREVRANGE", "z", "1", "-1"]),
            arr(&["b", "a"])
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "nokey", "0", "-1"]), EMPTY);
        // LIMIT 0 -1 is no LIMIT at all.
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "0", "LIMIT", "0", "-1"]),
            arr(&["a"])
        );
        b.resp3 = true;
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "1", "WITHSCORES"]),
            format!("*2\r\n*2\r\n{},1\r\n*2\r\n{},2\r\n", bulk("a"), bulk("b"))
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "0", "0"]), arr(&["a"]));
    }

    #[test]
    fn zrange_option_errors() {
        let mut b = abc();
        for (words, e) in [
            (
                &["ZRANGE", "z", "0", "1", "BYSCORE", "BYLEX"][..],
                errors::SYNTAX,
            ),
            (&["ZRANGE", "z", "0", "1", "REV", "REV"], errors::SYNTAX),
            (&["ZRANGE", "z", "0", "1", "LIMIT", "1"], errors::SYNTAX),
            (
                &["ZRANGE", "z", "0", "1", "LIMIT", "x", "1"],
                errors::NOT_INTEGER,
            ),
            (
                &["ZRANGE", "z", "0", "1", "LIMIT", "0", "1"],
                errors::ZSET_LIMIT_RANK,
            ),
            (
                &["ZRANGE", "z", "-", "+", "BYLEX", "WITHSCORES"],
                errors::ZSET_WITHSCORES_LEX,
            ),
            (&["ZRANGE", "z", "a", "1"], errors::NOT_INTEGER),
            (&["ZRANGE", "z", "0", "1", "foo"], errors::SYNTAX),
            (
                &["ZRANGE", "z", "x", "1", "BYSCORE"],
                errors::ZSET_MINMAX_FLOAT,
            ),
            (&["ZRANGE", "z", "a", "+", "BYLEX"], errors::ZSET_MINMAX_LEX),
            (&["ZREVRANGE", "z", "0", "1", "REV"], errors::SYNTAX),
            (&["ZRANGEBYSCORE", "z", "0", "1", "BYSCORE"], errors::SYNTAX),
            (&["ZRANGEBYSCORE", "z", "0", "1", "REV"], errors::SYNTAX),
            (
                &["ZRANGEBYLEX", "z", "-", "+", "WITHSCORES"],
                errors::ZSET_WITHSCORES_LEX,
            ),
            (
                &["ZRANGESTORE", "d", "z", "0", "1", "WITHSCORES"],
                errors::SYNTAX,
            ),
        ] {
            assert_eq!(b.run(zrange_handler(words[0]), words), err(e), "{words:?}");
        }
        // Option errors come before the key's type is checked.
        b.run(string::set, &["SET", "s", "x"]);
        assert_eq!(
            b.run(zrange, &["ZRANGE", "s", "0", "1", "x"]),
            err(errors::SYNTAX)
        );
    }

    fn zrange_handler(name: &str) -> Handler {
        match name {
            "ZRANGE" => zrange,
            "ZREVRANGE" => zrevrange,
            "ZRANGEBYSCORE" => zrangebyscore,
            "ZREVRANGEBYSCORE" => zrevrangebyscore,
            "ZRANGEBYLEX" => zrangebylex,
            "ZREVRANGEBYLEX" => zrevrangebylex,
            _ => zrangestore,
        }
    }

    #[test]
    fn zrange_by_score() {
        let mut b = with(
            "z",
            &[
                ("1", "a"),
                ("2", "b"),
                ("2", "bb"),
                ("3", "c"),
                ("inf", "i"),
                ("-inf", "n"),
            ],
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "2", "3"]),
            arr(&["b", "bb", "c"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(2", "3"]),
            arr(&["c"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(1", "(3"]),
            arr(&["b", "bb"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "-inf", "+inf"]),
            arr(&["n", "a", "b", "bb", "c", "i"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(-inf", "(inf"]),
            arr(&["a", "b", "bb", "c"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "3", "2"]),
            EMPTY
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(2", "2"]),
            EMPTY
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "1.5", "1.7"]),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &[
                    "ZRANGEBYSCORE",
                    "z",
                    "1",
                    "3",
                    "WITHSCORES",
                    "LIMIT",
                    "1",
                    "2"
                ]
            ),
            arr(&["b", "2", "bb", "2"])
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "1", "-5"]
            ),
            arr(&["b", "bb", "c"])
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "1", "0"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "-1", "2"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "4", "2"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "100", "2"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(zrevrangebyscore, &["ZREVRANGEBYSCORE", "z", "3", "2"]),
            arr(&["c", "bb", "b"])
        );
        assert_eq!(
            b.run(
                zrevrangebyscore,
                &["ZREVRANGEBYSCORE", "z", "+inf", "(2", "LIMIT", "1", "1"]
            ),
            arr(&["c"])
        );
        assert_eq!(
            b.run(
                zrange,
                &["ZRANGE", "z", "(3", "2", "BYSCORE", "REV", "WITHSCORES"]
            ),
            arr(&["bb", "2", "b", "2"])
        );
        assert_eq!(
            b.run(
                zrange,
                &["ZRANGE", "z", "2", "(3", "BYSCORE", "LIMIT", "0", "1"]
            ),
            arr(&["b"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "nokey", "1", "2"]),
            EMPTY
        );
        assert_eq!(b.run(zcount, &["ZCOUNT", "z", "2", "3"]), int(3));
        assert_eq!(b.run(zcount, &["ZCOUNT", "z", "-inf", "+inf"]), int(6));
        assert_eq!(b.run(zcount, &["ZCOUNT", "z", "(3", "(inf"]), int(0));
        assert_eq!(
            b.run(zcount, &["ZCOUNT", "z", "x", "1"]),
            err(errors::ZSET_MINMAX_FLOAT)
        );
        assert_eq!(b.run(zcount, &["ZCOUNT", "nokey", "0", "1"]), int(0));
    }

    #[test]
    fn zrange_by_lex() {
        let mut b = with(
            "z",
            &[("0", "a"), ("0", "b"), ("0", "c"), ("0", "d"), ("0", "")],
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "-", "+"]),
            arr(&["", "a", "b", "c", "d"])
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "[b", "(d"]),
            arr(&["b", "c"])
        );
        assert_eq!(
            b.run(
                zrangebylex,
                &["ZRANGEBYLEX", "z", "(b", "+", "LIMIT", "1", "5"]
            ),
            arr(&["d"])
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "(", "[a"]),
            arr(&["a"])
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "[", "[a"]),
            arr(&["", "a"])
        );
        assert_eq!(b.run(zrangebylex, &["ZRANGEBYLEX", "z", "+", "-"]), EMPTY);
        assert_eq!(
            b.run(zrevrangebylex, &["ZREVRANGEBYLEX", "z", "[c", "-"]),
            arr(&["c", "b", "a", ""])
        );
        assert_eq!(
            b.run(
                zrevrangebylex,
                &["ZREVRANGEBYLEX", "z", "+", "(a", "LIMIT", "0", "2"]
            ),
            arr(&["d", "c"])
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "[c", "[a", "BYLEX", "REV"]),
            arr(&["c", "b", "a"])
        );
        assert_eq!(b.run(zlexcount, &["ZLEXCOUNT", "z", "-", "+"]), int(5));
        assert_eq!(b.run(zlexcount, &["ZLEXCOUNT", "z", "(a", "[c"]), int(2));
        assert_eq!(b.run(zlexcount, &["ZLEXCOUNT", "z", "[e", "+"]), int(0));
        assert_eq!(
            b.run(zlexcount, &["ZLEXCOUNT", "z", "a", "+"]),
            err(errors::ZSET_MINMAX_LEX)
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "[a", "c"]),
            err(errors::ZSET_MINMAX_LEX)
        );
    }

    #[test]
    fn zrangestore_stores_and_deletes() {
        let mut b = abc();
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "1", "-1"]),
            int(2)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "d", "0", "-1", "WITHSCORES"]),
            arr(&["b", "2", "c", "3"])
        );
        assert_eq!(
            b.run(
                zrangestore,
                &[
                    "ZRANGESTORE",
                    "d",
                    "z",
                    "+inf",
                    "(1",
                    "BYSCORE",
                    "REV",
                    "LIMIT",
                    "0",
                    "1"
                ]
            ),
            int(1)
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "d", "0", "-1"]), arr(&["c"]));
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "[a", "[b", "BYLEX"]),
            int(2)
        );
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "5", "6"]),
            int(0)
        );
        assert!(!b.exists("d"));
        b.run(string::set, &["SET", "d", "x"]);
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "nokey", "0", "-1"]),
            int(0)
        );
        assert!(!b.exists("d"));
        b.run(string::set, &["SET", "d", "x"]);
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "0", "0"]),
            int(1)
        );
        assert_eq!(b.encoding("d"), "listpack");
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "z", "z", "0", "0"]),
            int(1)
        );
        assert_eq!(b.run(zcard, &["ZCARD", "z"]), int(1));
    }
}
