//! Set operations over sorted sets (and plain sets, scored 1): ZUNION, ZINTER, ZDIFF, their
//! STORE forms and ZINTERCARD, all through `zset_op` (Redis's `zunionInterDiffGenericCommand`).

use super::parse::string2d;
use super::value::{cmp_entry, ListpackLimits, ZSet};
use super::{arg_i64, is, reply_members, store_result};
use crate::db::Db;
use crate::errors;
use crate::shard::Ctx;
use crate::types::set::{Member, Set};
use crate::util::parse_i64;
use crate::value::Value;
use bytes::Bytes;
use std::borrow::Cow;

/// ```text
/// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]
/// ```
pub fn zunion(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Union, false, "zunion");
}

/// ```text
/// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]
/// ```
pub fn zinter(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Inter, false, "zinter");
}

/// ```text
/// ZDIFF numkeys key [key ...] [WITHSCORES]
/// ```
pub fn zdiff(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Diff, false, "zdiff");
}

/// ```text
/// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
/// ```
pub fn zunionstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(
        ctx,
        args,
        Some(&args[1]),
        2,
        SetOp::Union,
        false,
        "zunionstore",
    );
}

/// ```text
/// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
/// ```
pub fn zinterstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(
        ctx,
        args,
        Some(&args[1]),
        2,
        SetOp::Inter,
        false,
        "zinterstore",
    );
}

/// ```text
/// ZDIFFSTORE destination numkeys key [key ...]
/// ```
pub fn zdiffstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(
        ctx,
        args,
        Some(&args[1]),
        2,
        SetOp::Diff,
        false,
        "zdiffstore",
    );
}

/// ```text
/// ZINTERCARD numkeys key [key ...] [LIMIT limit]
/// ```
pub fn zintercard(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Inter, true, "zintercard");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetOp {
    Union,
    Inter,
    Diff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aggregate {
    Sum,
    Min,
    Max,
}

/// `zunionInterAggregate`: a sum that is NaN (inf + -inf) becomes 0; MIN and MAX keep the
/// current value when the comparison fails (a NaN operand).
fn aggregate(target: &mut f64, val: f64, how: Aggregate) {
    match how {
        Aggregate::Sum => {
            *target += val;
            if target.is_nan() {
                *target = 0.0;
            }
        }
        Aggregate::Min => {
            if val < *target {
                *target = val;
            }
        }
        Aggregate::Max => {
            if val > *target {
                *target = val;
            }
        }
    }
}

/// An input of ZUNION and friends: a sorted set, a plain set (every score 1), or nothing.
#[derive(Clone, Copy)]
enum Source<'a> {
    Missing,
    Zset(&'a ZSet),
    Set(&'a Set),
}

impl<'a> Source<'a> {
    fn len(&self) -> usize {
        match self {
            Source::Missing => 0,
            Source::Zset(z) => z.len(),
            Source::Set(s) => s.len(),
        }
    }

    /// The member's score in this input.
    fn find(&self, member: &[u8]) -> Option<f64> {
        match self {
            Source::Missing => None,
            Source::Zset(z) => z.score(member),
            Source::Set(s) => s.contains(member).then_some(1.0),
        }
    }

    /// Every member and its score.
    fn members(&self) -> Box<dyn Iterator<Item = (Cow<'a, [u8]>, f64)> + 'a> {
        match *self {
            Source::Missing => Box::new(std::iter::empty()),
            Source::Zset(z) => Box::new(z.iter().map(|(m, s)| (Cow::Borrowed(m), s))),
            Source::Set(s) => Box::new(s.iter().map(|m| {
                let m = match m {
                    Member::Bytes(b) => Cow::Borrowed(b),
                    Member::Int(_) => Cow::Owned(m.to_vec()),
                };
                (m, 1.0)
            })),
        }
    }
}

/// Redis's `zunionInterDiffGenericCommand`.
fn zset_op(
    ctx: &mut Ctx<'_>,
    args: &[Bytes],
    dst: Option<&[u8]>,
    numkeys_idx: usize,
    op: SetOp,
    cardinality_only: bool,
    name: &str,
) {
    let setnum = match arg_i64(&args[numkeys_idx]) {
        Ok(n) => n,
        Err(e) => return ctx.reply.error(e),
    };
    if setnum < 1 {
        ctx.reply.error(&errors::zset_no_input_keys(name));
        return;
    }
    let first_key = numkeys_idx + 1;
    let setnum = match usize::try_from(setnum) {
        Ok(n) if n <= args.len() - first_key => n,
        _ => return ctx.reply.error(errors::SYNTAX),
    };
    let keys = &args[first_key..first_key + setnum];
    let now = ctx.now;
    let limits = ListpackLimits::of(ctx.shard);
    let (db, stats, reply) = ctx.parts();
    // Look every input up (expiring, counting hits and misses) and check its type.
    for key in keys {
        match db.get(key, now) {
            None => {
                stats.keyspace_misses += 1;
                db.notify(crate::notify::KEY_MISS, "keymiss", key);
            }
            Some(value) => {
                stats.keyspace_hits += 1;
                if !matches!(value, Value::ZSet(_) | Value::Set(_)) {
                    return reply.error(errors::WRONGTYPE);
                }
            }
        }
    }
    let mut weights = vec![1.0; setnum];
    let mut how = Aggregate::Sum;
    let mut withscores = false;
    let mut limit = 0usize;
    let mut j = first_key + setnum;
    while j < args.len() {
        let remaining = args.len() - j;
        let arg = &args[j][..];
        if op != SetOp::Diff && !cardinality_only && remaining > setnum && is(arg, "weights") {
            j += 1;
            for w in weights.iter_mut() {
                match string2d(&args[j]) {
                    Some(v) => *w = v,
                    None => return reply.error(errors::ZSET_WEIGHT_NOT_FLOAT),
                }
                j += 1;
            }
        } else if op != SetOp::Diff && !cardinality_only && remaining >= 2 && is(arg, "aggregate") {
            let a = &args[j + 1][..];
            how = if is(a, "sum") {
                Aggregate::Sum
            } else if is(a, "min") {
                Aggregate::Min
            } else if is(a, "max") {
                Aggregate::Max
            } else {
                return reply.error(errors::SYNTAX);
            };
            j += 2;
        } else if dst.is_none() && !cardinality_only && is(arg, "withscores") {
            withscores = true;
            j += 1;
        } else if cardinality_only && remaining >= 2 && is(arg, "limit") {
            match parse_i64(&args[j + 1]).and_then(|n| usize::try_from(n).ok()) {
                Some(n) => limit = n,
                None => return reply.error(errors::ZSET_LIMIT_NEGATIVE),
            }
            j += 2;
        } else {
            return reply.error(errors::SYNTAX);
        }
    }

    let view: &Db = db;
    let mut srcs: Vec<(Source<'_>, f64)> = keys
        .iter()
        .zip(&weights)
        .map(|(key, &w)| {
            let src = match view.entries.get(&key[..]) {
                Some(Value::ZSet(z)) => Source::Zset(z),
                Some(Value::Set(s)) => Source::Set(s),
                _ => Source::Missing,
            };
            (src, w)
        })
        .collect();
    if op != SetOp::Diff {
        srcs.sort_by_key(|(s, _)| s.len());
    }
    let mut result: Vec<(Vec<u8>, f64)> = Vec::new();
    let mut cardinality = 0usize;
    match op {
        SetOp::Inter => {
            let (first, w0) = srcs[0];
            for (member, s) in first.members() {
                let mut score = w0 * s;
                if score.is_nan() {
                    score = 0.0;
                }
                let mut all = true;
                for &(src, w) in &srcs[1..] {
                    match src.find(&member) {
                        Some(v) => aggregate(&mut score, v * w, how),
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                if !all {
                    continue;
                }
                if cardinality_only {
                    cardinality += 1;
                    if limit != 0 && cardinality >= limit {
                        break;
                    }
                } else {
                    result.push((member.into_owned(), score));
                }
            }
        }
        SetOp::Union => {
            let mut acc: indexmap::IndexMap<Vec<u8>, f64, ahash::RandomState> =
                indexmap::IndexMap::default();
            for &(src, w) in &srcs {
                for (member, s) in src.members() {
                    let mut score = w * s;
                    if score.is_nan() {
                        score = 0.0;
                    }
                    match acc.get_mut(&member[..]) {
                        Some(cur) => aggregate(cur, score, how),
                        None => {
                            acc.insert(member.into_owned(), score);
                        }
                    }
                }
            }
            result = acc.into_iter().collect();
        }
        SetOp::Diff => {
            let (first, _) = srcs[0];
            for (member, s) in first.members() {
                if srcs[1..].iter().all(|(src, _)| src.find(&member).is_none()) {
                    result.push((member.into_owned(), s));
                }
            }
        }
    }

    if cardinality_only {
        reply.int(cardinality as i64);
        return;
    }
    if let Some(dst) = dst {
        let event = match op {
            SetOp::Union => "zunionstore",
            SetOp::Inter => "zinterstore",
            SetOp::Diff => "zdiffstore",
        };
        let result = (!result.is_empty()).then(|| ZSet::from_items(result, limits));
        store_result(db, reply, dst, result, event);
        return;
    }
    result.sort_by(|a, b| cmp_entry(a.1, &a.0, b.1, &b.0));
    reply_members(reply, &result, withscores);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::set;
    use crate::types::string;
    use crate::types::zset::range::{zrange, zrangestore};
    use crate::types::zset::test_bench::*;
    use crate::Handler;

    #[test]
    fn union_inter_diff() {
        let mut b = with("a", &[("1", "x"), ("2", "y"), ("3", "z")]);
        add(&mut b, "b", &[("10", "y"), ("20", "z"), ("30", "w")]);
        assert_eq!(
            b.run(zunion, &["ZUNION", "2", "a", "b", "WITHSCORES"]),
            arr(&["x", "1", "y", "12", "z", "23", "w", "30"])
        );
        assert_eq!(
            b.run(
                zunion,
                &[
                    "ZUNION",
                    "2",
                    "a",
                    "b",
                    "WEIGHTS",
                    "2",
                    "0.5",
                    "AGGREGATE",
                    "MAX"
                ]
            ),
            arr(&["x", "y", "z", "w"])
        );
        assert_eq!(
            b.run(
                zunion,
                &[
                    "ZUNION",
                    "3",
                    "a",
                    "b",
                    "nokey",
                    "AGGREGATE",
                    "min",
                    "WITHSCORES"
                ]
            ),
            arr(&["x", "1", "y", "2", "z", "3", "w", "30"])
        );
        assert_eq!(
            b.run(zinter, &["ZINTER", "2", "a", "b", "WITHSCORES"]),
            arr(&["y", "12", "z", "23"])
        );
        assert_eq!(
            b.run(
                zinter,
                &["ZINTER", "2", "a", "b", "weights", "1", "-1", "WITHSCORES"]
            ),
            arr(&["z", "-17", "y", "-8"])
        );
        assert_eq!(b.run(zinter, &["ZINTER", "2", "a", "nokey"]), EMPTY);
        assert_eq!(
            b.run(zdiff, &["ZDIFF", "2", "a", "b", "WITHSCORES"]),
            arr(&["x", "1"])
        );
        assert_eq!(b.run(zdiff, &["ZDIFF", "1", "b"]), arr(&["y", "z", "w"]));
        assert_eq!(b.run(zdiff, &["ZDIFF", "2", "a", "a"]), EMPTY);
        assert_eq!(b.run(zintercard, &["ZINTERCARD", "2", "a", "b"]), int(2));
        assert_eq!(
            b.run(zintercard, &["ZINTERCARD", "2", "a", "b", "LIMIT", "1"]),
            int(1)
        );
        assert_eq!(
            b.run(zintercard, &["ZINTERCARD", "2", "a", "b", "LIMIT", "0"]),
            int(2)
        );
        assert_eq!(b.run(zintercard, &["ZINTERCARD", "1", "nokey"]), int(0));
        // inf * 0 is NaN, which counts as 0; inf + -inf too.
        add(&mut b, "i", &[("inf", "x")]);
        add(&mut b, "n", &[("-inf", "x")]);
        assert_eq!(
            b.run(zunion, &["ZUNION", "2", "i", "n", "WITHSCORES"]),
            arr(&["x", "0"])
        );
        assert_eq!(
            b.run(zunion, &["ZUNION", "1", "i", "WEIGHTS", "0", "WITHSCORES"]),
            arr(&["x", "0"])
        );
        b.resp3 = true;
        assert_eq!(
            b.run(zinter, &["ZINTER", "2", "a", "b", "WITHSCORES"]),
            format!("*2\r\n*2\r\n{},12\r\n*2\r\n{},23\r\n", bulk("y"), bulk("z"))
        );
    }

    #[test]
    fn union_store_and_plain_sets() {
        let mut b = with("a", &[("1", "x"), ("2", "y")]);
        b.run(set::sadd, &["SADD", "s", "y", "q"]);
        b.run(set::sadd, &["SADD", "ints", "1", "2"]);
        assert_eq!(
            b.run(zunionstore, &["ZUNIONSTORE", "d", "2", "a", "s"]),
            int(3)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "d", "0", "-1", "WITHSCORES"]),
            arr(&["q", "1", "x", "1", "y", "3"])
        );
        assert_eq!(
            b.run(
                zinterstore,
                &["ZINTERSTORE", "d", "2", "a", "s", "WEIGHTS", "2", "3"]
            ),
            int(1)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "d", "0", "-1", "WITHSCORES"]),
            arr(&["y", "7"])
        );
        assert_eq!(
            b.run(zunion, &["ZUNION", "1", "ints", "WITHSCORES"]),
            arr(&["1", "1", "2", "1"])
        );
        assert_eq!(
            b.run(zdiffstore, &["ZDIFFSTORE", "d", "2", "a", "s"]),
            int(1)
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "d", "0", "-1"]), arr(&["x"]));
        assert_eq!(
            b.run(zdiffstore, &["ZDIFFSTORE", "d", "2", "a", "a"]),
            int(0)
        );
        assert!(!b.exists("d"));
        assert_eq!(
            b.run(zinterstore, &["ZINTERSTORE", "a", "2", "a", "a"]),
            int(2)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "a", "0", "-1", "WITHSCORES"]),
            arr(&["x", "2", "y", "4"])
        );
    }

    #[test]
    fn union_inter_diff_errors() {
        let mut b = with("a", &[("1", "x")]);
        b.run(string::set, &["SET", "str", "v"]);
        for (h, words, e) in [
            (
                zunion as Handler,
                &["ZUNION", "0", "a"][..],
                "ERR at least 1 input key is needed for 'zunion' command".to_string(),
            ),
            (
                zunionstore,
                &["ZUNIONSTORE", "d", "-1", "a"],
                "ERR at least 1 input key is needed for 'zunionstore' command".into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "0", "a"],
                "ERR at least 1 input key is needed for 'zintercard' command".into(),
            ),
            (zunion, &["ZUNION", "x", "a"], errors::NOT_INTEGER.into()),
            (zunion, &["ZUNION", "2", "a"], errors::SYNTAX.into()),
            (
                zunion,
                &["ZUNION", "1", "a", "WEIGHTS"],
                errors::SYNTAX.into(),
            ),
            (
                zunion,
                &["ZUNION", "1", "a", "WEIGHTS", "x"],
                errors::ZSET_WEIGHT_NOT_FLOAT.into(),
            ),
            (
                zunion,
                &["ZUNION", "1", "a", "AGGREGATE", "avg"],
                errors::SYNTAX.into(),
            ),
            (
                zunion,
                &["ZUNION", "1", "a", "AGGREGATE"],
                errors::SYNTAX.into(),
            ),
            (
                zunionstore,
                &["ZUNIONSTORE", "d", "1", "a", "WITHSCORES"],
                errors::SYNTAX.into(),
            ),
            (
                zdiff,
                &["ZDIFF", "1", "a", "WEIGHTS", "1"],
                errors::SYNTAX.into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "1", "a", "WITHSCORES"],
                errors::SYNTAX.into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "1", "a", "LIMIT", "-1"],
                errors::ZSET_LIMIT_NEGATIVE.into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "1", "a", "LIMIT", "x"],
                errors::ZSET_LIMIT_NEGATIVE.into(),
            ),
            (
                zinter,
                &["ZINTER", "1", "a", "LIMIT", "1"],
                errors::SYNTAX.into(),
            ),
            // WRONGTYPE comes before option errors.
            (
                zunion,
                &["ZUNION", "2", "a", "str", "AGGREGATE", "x"],
                errors::WRONGTYPE.into(),
            ),
        ] {
            assert_eq!(b.run(h, words), err(&e), "{words:?}");
        }
    }

    #[test]
    fn store_results_pick_their_encoding() {
        let mut b = Bench::new();
        let long = "y".repeat(65);
        add(&mut b, "small", &[("1", "a"), ("2", "b")]);
        add(&mut b, "long", &[("1", &long)]);
        b.run(zunionstore, &["ZUNIONSTORE", "d", "1", "small"]);
        assert_eq!(b.encoding("d"), "listpack");
        b.run(zunionstore, &["ZUNIONSTORE", "d", "2", "small", "long"]);
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(zinterstore, &["ZINTERSTORE", "d", "2", "small", "long"]);
        assert!(!b.exists("d"));
        for i in 0..200 {
            add(&mut b, "big", &[(&i.to_string(), &format!("m{i}"))]);
        }
        b.run(zrangestore, &["ZRANGESTORE", "d", "big", "0", "127"]);
        assert_eq!(b.encoding("d"), "listpack");
        b.run(zrangestore, &["ZRANGESTORE", "d", "big", "0", "128"]);
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(
            zrangestore,
            &["ZRANGESTORE", "d", "big", "-inf", "+inf", "BYSCORE"],
        );
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(
            zrangestore,
            &[
                "ZRANGESTORE",
                "d",
                "big",
                "-inf",
                "+inf",
                "BYSCORE",
                "LIMIT",
                "0",
                "10",
            ],
        );
        assert_eq!(b.encoding("d"), "listpack");
        b.run(zunionstore, &["ZUNIONSTORE", "d", "1", "big"]);
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(zdiffstore, &["ZDIFFSTORE", "d", "1", "small"]);
        assert_eq!(b.encoding("d"), "listpack");
    }
}
