//! Reading members in no particular order: ZRANDMEMBER (one member, or a count of them with
//! or without repeats) and ZSCAN.

use super::parse::listpack_score_text;
use super::value::Repr;
use super::ZSet;
use super::{arg_i64, is};
use crate::errors;
use crate::glob::glob_match;
use crate::keys::parse_cursor;
use crate::lookup::{self, WrongType};
use crate::reply::Reply;
use crate::shard::Ctx;
use crate::util::{format_double, parse_i64};
use bytes::Bytes;

/// ```text
/// ZRANDMEMBER key [count [WITHSCORES]]
/// ```
pub fn zrandmember(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if args.len() >= 3 {
        let l = match arg_i64(&args[2]) {
            Ok(l) => l,
            Err(e) => return ctx.reply.error(e),
        };
        if l == i64::MIN {
            ctx.reply.error(errors::ZSET_RANDMEMBER_COUNT_RANGE);
            return;
        }
        if args.len() > 4 || (args.len() == 4 && !is(&args[3], "withscores")) {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        let withscores = args.len() == 4;
        if withscores && !(-(i64::MAX / 2)..=i64::MAX / 2).contains(&l) {
            ctx.reply.error(errors::ZSET_VALUE_OUT_OF_RANGE);
            return;
        }
        zrandmember_with_count(ctx, &args[1], l, withscores);
        return;
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    match lookup::read::<ZSet>(db, &mut shard.stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(z)) => match z.dense_at(shard.rng.below(z.len().max(1))) {
            Some((m, _)) => reply.bulk(m),
            None => reply.null(),
        },
    }
}

/// `zrandmemberWithCountCommand`: a negative count allows repeats; a positive one returns
/// distinct members, the whole set (from the highest score down, as Redis iterates) when it
/// asks for at least as many as there are.
fn zrandmember_with_count(ctx: &mut Ctx<'_>, key: &[u8], l: i64, withscores: bool) {
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    let rng = &mut shard.rng;
    let z = match lookup::read::<ZSet>(db, &mut shard.stats, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => return reply.array(0),
        Ok(Some(z)) => z,
    };
    let size = z.len();
    let uniq = l >= 0;
    let count = l.unsigned_abs() as usize;
    if count == 0 || size == 0 {
        reply.array(0);
        return;
    }
    let resp3 = reply.resp3();
    let emit = |reply: &mut Reply, m: &[u8], s: f64| {
        if withscores && resp3 {
            reply.array(2);
        }
        reply.bulk(m);
        if withscores {
            reply.double(s);
        }
    };
    let header = |reply: &mut Reply, n: usize| {
        reply.array(if withscores && !resp3 { n * 2 } else { n });
    };
    if !uniq || count == 1 {
        header(reply, count);
        for _ in 0..count {
            if let Some((m, s)) = z.dense_at(rng.below(size)) {
                emit(reply, m, s);
            }
        }
        return;
    }
    if count >= size {
        header(reply, size);
        for (m, s) in z.iter_from(size - 1, true) {
            emit(reply, m, s);
        }
        return;
    }
    // `count` distinct members in random order: a partial Fisher-Yates shuffle of the dense
    // indices when it picks a good part of the set, rejection sampling otherwise.
    header(reply, count);
    if count * 3 > size {
        let mut idx: Vec<usize> = (0..size).collect();
        for i in 0..count {
            let k = i + rng.below(size - i);
            idx.swap(i, k);
            if let Some((m, s)) = z.dense_at(idx[i]) {
                emit(reply, m, s);
            }
        }
    } else {
        let mut seen = ahash::AHashSet::with_capacity(count);
        while seen.len() < count {
            let i = rng.below(size);
            if seen.insert(i) {
                if let Some((m, s)) = z.dense_at(i) {
                    emit(reply, m, s);
                }
            }
        }
    }
}

/// ```text
/// ZSCAN key cursor [MATCH pattern] [COUNT count]
/// ```
///
/// A listpack is returned whole with cursor 0, as Redis does. A skiplist is walked like the
/// key table (`keys::scan`) over its map's dense indices, from the top down: cursor 0
/// starts at the last index, `c >= 1` continues at index `c - 1` (or at the last index if
/// the set shrank below it); each call visits COUNT members and the next cursor is 0 when
/// done. Removal moves the last member into the hole, which the walk has already passed, so
/// a member present for the whole scan is returned at least once.
pub fn zscan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[2]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let z = match lookup::read::<ZSet>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(2);
            reply.bulk(b"0");
            reply.array(0);
            return;
        }
        Ok(Some(z)) => z,
    };
    let mut count: i64 = 10;
    let mut pattern: Option<&[u8]> = None;
    let mut i = 3;
    while i < args.len() {
        let more = args.len() - i;
        let opt = &args[i][..];
        if is(opt, "count") && more >= 2 {
            match parse_i64(&args[i + 1]) {
                None => return reply.error(errors::NOT_INTEGER),
                Some(n) if n < 1 => return reply.error(errors::SYNTAX),
                Some(n) => count = n,
            }
        } else if is(opt, "match") && more >= 2 {
            let p = &args[i + 1][..];
            pattern = (p != b"*").then_some(p);
        } else {
            return reply.error(errors::SYNTAX);
        }
        i += 2;
    }
    let keep = |m: &[u8]| pattern.is_none_or(|p| glob_match(p, m, false));
    let mut found: Vec<(&[u8], String)> = Vec::new();
    let mut next = 0usize;
    match &z.repr {
        Repr::Listpack(v) => {
            for item in v.iter().filter(|i| keep(&i.member)) {
                found.push((&item.member, listpack_score_text(item.score)));
            }
        }
        Repr::Skiplist(_) => {
            let len = z.len();
            if len > 0 {
                let top = match cursor {
                    0 => len - 1,
                    c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
                };
                let visit = usize::try_from(count).unwrap_or(usize::MAX).min(top + 1);
                let bottom = top + 1 - visit;
                for index in (bottom..=top).rev() {
                    if let Some((m, s)) = z.dense_at(index) {
                        if keep(m) {
                            found.push((m, format_double(s)));
                        }
                    }
                }
                next = bottom;
            }
        }
    }
    reply.array(2);
    reply.bulk(next.to_string().as_bytes());
    reply.array(found.len() * 2);
    for (m, s) in &found {
        reply.bulk(m);
        reply.bulk(s.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::zset::members::zadd;
    use crate::types::zset::test_bench::*;

    #[test]
    fn zrandmember_counts() {
        let mut b = abc();
        assert_eq!(b.run(zrandmember, &["ZRANDMEMBER", "nokey"]), NULL);
        assert_eq!(b.run(zrandmember, &["ZRANDMEMBER", "nokey", "3"]), EMPTY);
        assert_eq!(b.run(zrandmember, &["ZRANDMEMBER", "z", "0"]), EMPTY);
        // At least as many as there are: all of them, highest score first.
        assert_eq!(
            b.run(zrandmember, &["ZRANDMEMBER", "z", "3"]),
            arr(&["c", "b", "a"])
        );
        assert_eq!(
            b.run(zrandmember, &["ZRANDMEMBER", "z", "10", "WITHSCORES"]),
            arr(&["c", "3", "b", "2", "a", "1"])
        );
        for _ in 0..50 {
            let one = b.run(zrandmember, &["ZRANDMEMBER", "z"]);
            assert!([bulk("a"), bulk("b"), bulk("c")].contains(&one), "{one}");
            let two = b.run(zrandmember, &["ZRANDMEMBER", "z", "2"]);
            assert!(two.starts_with("*2\r\n"));
            let lines: Vec<&str> = two.split("\r\n").collect();
            assert_ne!(lines[2], lines[4], "distinct members");
            let many = b.run(zrandmember, &["ZRANDMEMBER", "z", "-5", "WITHSCORES"]);
            assert!(many.starts_with("*10\r\n"));
        }
        for (words, e) in [
            (&["ZRANDMEMBER", "z", "x"][..], errors::NOT_INTEGER),
            (&["ZRANDMEMBER", "z", "1", "x"], errors::SYNTAX),
            (
                &["ZRANDMEMBER", "z", "1", "WITHSCORES", "x"],
                errors::SYNTAX,
            ),
            (
                &["ZRANDMEMBER", "z", "-9223372036854775808"],
                errors::ZSET_RANDMEMBER_COUNT_RANGE,
            ),
            (
                &["ZRANDMEMBER", "z", "4611686018427387904", "WITHSCORES"],
                errors::ZSET_VALUE_OUT_OF_RANGE,
            ),
            (
                &["ZRANDMEMBER", "z", "-4611686018427387904", "WITHSCORES"],
                errors::ZSET_VALUE_OUT_OF_RANGE,
            ),
        ] {
            assert_eq!(b.run(zrandmember, words), err(e), "{words:?}");
        }
        // A big set, few members: rejection sampling, still distinct.
        let mut b = Bench::new();
        let words: Vec<String> = (0..1000)
            .flat_map(|i| [i.to_string(), format!("m{i}")])
            .collect();
        let mut args = vec!["ZADD", "big"];
        args.extend(words.iter().map(|s| s.as_str()));
        b.run(zadd, &args);
        let r = b.run(zrandmember, &["ZRANDMEMBER", "big", "100"]);
        let members: std::collections::HashSet<&str> =
            r.split("\r\n").filter(|l| l.starts_with('m')).collect();
        assert_eq!(members.len(), 100);
        let r = b.run(zrandmember, &["ZRANDMEMBER", "big", "900"]);
        let members: std::collections::HashSet<&str> =
            r.split("\r\n").filter(|l| l.starts_with('m')).collect();
        assert_eq!(members.len(), 900);
    }

    /// Every member and score text of a full ZSCAN.
    fn scan_all(b: &mut Bench, key: &str, extra: &[&str]) -> Vec<(String, String)> {
        let mut cursor = "0".to_string();
        let mut out = Vec::new();
        loop {
            let mut words = vec!["ZSCAN", key, cursor.as_str()];
            words.extend_from_slice(extra);
            let r = b.run(zscan, &words);
            let lines: Vec<&str> = r.split("\r\n").collect();
            assert_eq!(lines[0], "*2");
            let next = lines[2].to_string();
            let n: usize = lines[3][1..].parse().unwrap();
            for i in 0..n / 2 {
                out.push((lines[5 + 4 * i].to_string(), lines[7 + 4 * i].to_string()));
            }
            if next == "0" {
                break;
            }
            cursor = next;
        }
        out
    }

    #[test]
    fn zscan_listpack_and_skiplist() {
        let mut b = with("z", &[("1", "a"), ("0.1", "b"), ("1e17", "c"), ("-0", "d")]);
        assert_eq!(
            scan_all(&mut b, "z", &[]),
            [
                ("d", "0"),
                ("b", "0.10000000000000001"),
                ("a", "1"),
                ("c", "100000000000000000")
            ]
            .map(|(m, s)| (m.to_string(), s.to_string()))
        );
        assert_eq!(
            scan_all(&mut b, "z", &["MATCH", "[ab]", "COUNT", "1"]).len(),
            2
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "nokey", "0"]),
            format!("*2\r\n{}*0\r\n", bulk("0"))
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "x"]),
            err(errors::INVALID_CURSOR)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "COUNT", "0"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "COUNT", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "COUNT"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "TYPE", "zset"]),
            err(errors::SYNTAX)
        );
        let mut b = Bench::new();
        for i in 0..300 {
            add(&mut b, "big", &[(&i.to_string(), &format!("m{i}"))]);
        }
        add(&mut b, "big", &[("1e17", "e17")]);
        assert_eq!(b.encoding("big"), "skiplist");
        let mut all = scan_all(&mut b, "big", &["COUNT", "7"]);
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 301);
        assert!(all.contains(&("e17".to_string(), "1e+17".to_string())));
        assert_eq!(scan_all(&mut b, "big", &["MATCH", "m1?"]).len(), 10);
    }
}
