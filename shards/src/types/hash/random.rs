//! The commands that pick fields at random or walk the hash: HRANDFIELD, HSCAN.

use super::value::{Hash, Pair, Repr};
use crate::errors;
use crate::glob::glob_match;
use crate::keys::parse_cursor;
use crate::lookup::{self, WrongType};
use crate::reply::{format_i64, Reply};
use crate::shard::Ctx;
use crate::util::{parse_i64, Rng};
use bytes::Bytes;
use std::collections::HashSet;

/// A random field; with a count, an array of fields (distinct for a positive count, at most
/// the whole hash; repeating for a negative one, exactly `-count` of them), with their
/// values after WITHVALUES (pairs of a flat array in RESP2, two-element arrays in RESP3).
///
/// ```text
/// HRANDFIELD key [count [WITHVALUES]]
/// ```
///
/// As in Redis the count is checked before the key: it must be an integer above
/// -9223372036854775808, and within +-4611686018427387903 with WITHVALUES.
pub fn hrandfield(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if args.len() >= 3 {
        let Some(count) = parse_i64(&args[2]) else {
            ctx.reply.error(errors::NOT_INTEGER);
            return;
        };
        if count == i64::MIN {
            ctx.reply.error(errors::RANDOM_COUNT_RANGE);
            return;
        }
        if args.len() > 4 || (args.len() == 4 && !args[3].eq_ignore_ascii_case(b"withvalues")) {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        let with_values = args.len() == 4;
        if with_values && !(-(i64::MAX / 2)..=i64::MAX / 2).contains(&count) {
            ctx.reply.error(errors::HASH_VALUE_OUT_OF_RANGE);
            return;
        }
        hrandfield_with_count(ctx, &args[1], count, with_values);
        return;
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    match lookup::read::<Hash>(db, &mut shard.stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(h)) => match h.get_index(shard.rng.below(h.len().max(1))) {
            Some((field, _)) => reply.bulk(field),
            None => reply.null(),
        },
    }
}

/// HRANDFIELD with a count (Redis's `hrandfieldWithCountCommand`).
fn hrandfield_with_count(ctx: &mut Ctx<'_>, key: &[u8], count: i64, with_values: bool) {
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let rng = &mut shard.rng;
    let db = &mut shard.dbs[ctx.db];
    let h = match lookup::read::<Hash>(db, &mut shard.stats, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            // An empty array even in RESP3, as Redis's `shared.emptyarray`.
            reply.array(0);
            return;
        }
        Ok(Some(h)) => h,
    };
    let size = h.len();
    let unique = count >= 0;
    let count = count.unsigned_abs() as usize;
    if count == 0 || size == 0 {
        reply.array(0);
        return;
    }
    let resp3 = reply.resp3();
    let header = |reply: &mut Reply, n: usize| {
        reply.array(if with_values && !resp3 { n * 2 } else { n });
    };
    let pairs = h.by_index();
    let pair = |reply: &mut Reply, index: usize| {
        if let Some((field, value)) = pairs.get(index) {
            if with_values && resp3 {
                reply.array(2);
            }
            reply.bulk(field);
            if with_values {
                reply.bulk(value);
            }
        }
    };
    // Repeats allowed (or a single field): each one drawn on its own.
    if !unique || count == 1 {
        header(reply, count);
        for _ in 0..count {
            pair(reply, rng.below(size));
        }
        return;
    }
    header(reply, count.min(size));
    // As many as the hash holds: all of it, in its order.
    if count >= size {
        for index in 0..size {
            pair(reply, index);
        }
        return;
    }
    for index in distinct_indices(rng, size, count) {
        pair(reply, index);
    }
}

/// `count` distinct indices below `size` (`count < size`) chosen uniformly, in ascending
/// order (for a listpack, the order Redis's `lpRandomPairsUnique` returns them in). When
/// `count` is a large part of `size` a partial Fisher-Yates shuffle draws them; otherwise
/// they are drawn at random until enough differ, as Redis also splits the two cases.
fn distinct_indices(rng: &mut Rng, size: usize, count: usize) -> Vec<usize> {
    let mut picked: Vec<usize> = if count.saturating_mul(3) > size {
        let mut all: Vec<usize> = (0..size).collect();
        for i in 0..count {
            let j = i + rng.below(size - i);
            all.swap(i, j);
        }
        all.truncate(count);
        all
    } else {
        let mut seen = HashSet::with_capacity(count);
        let mut picked = Vec::with_capacity(count);
        while picked.len() < count {
            let index = rng.below(size);
            if seen.insert(index) {
                picked.push(index);
            }
        }
        picked
    };
    picked.sort_unstable();
    picked
}

/// Iterates the fields and values of a hash.
///
/// ```text
/// HSCAN key cursor [MATCH pattern] [COUNT count]
/// ```
///
/// As in Redis, the cursor is checked first, then the key (a missing key is an empty, final
/// reply whatever the options), then the options. A listpack is returned whole with cursor
/// 0. A hashtable is walked like the keyspace by `keys::scan`: from the top index down,
/// COUNT (default 10) fields per call, cursor `c >= 1` continuing at index `c - 1` (at the
/// top if the hash shrank below it); MATCH filters the fields visited, so a reply may hold
/// fewer than COUNT pairs before the end. A field present for the whole iteration is
/// returned at least once.
pub fn hscan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[2]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let h = match lookup::read::<Hash>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(2);
            reply.bulk(b"0");
            reply.array(0);
            return;
        }
        Ok(Some(h)) => h,
    };
    let mut count: i64 = 10;
    let mut pattern: Option<&[u8]> = None;
    let mut i = 3;
    while i < args.len() {
        let opt = &args[i][..];
        match args.get(i + 1).map(|v| &v[..]) {
            Some(v) if opt.eq_ignore_ascii_case(b"count") => match parse_i64(v) {
                None => {
                    reply.error(errors::NOT_INTEGER);
                    return;
                }
                Some(n) if n < 1 => {
                    reply.error(errors::SYNTAX);
                    return;
                }
                Some(n) => count = n,
            },
            // A pattern of exactly "*" matches everything: no filter, as in Redis.
            Some(v) if opt.eq_ignore_ascii_case(b"match") => pattern = (v != b"*").then_some(v),
            _ => {
                reply.error(errors::SYNTAX);
                return;
            }
        }
        i += 2;
    }
    let wanted = |(field, _): &Pair<'_>| pattern.is_none_or(|p| glob_match(p, field, false));
    let (next, found): (usize, Vec<Pair<'_>>) = match &h.repr {
        // Whole, in one walk of the buffer.
        Repr::Listpack(pairs) => (0, pairs.iter().filter(wanted).collect()),
        Repr::Table(map) if map.is_empty() => (0, Vec::new()),
        Repr::Table(map) => {
            let len = map.len();
            let top = match cursor {
                0 => len - 1,
                c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
            };
            let n = usize::try_from(count).unwrap_or(usize::MAX).min(top + 1);
            let bottom = top + 1 - n;
            let visited = (bottom..=top)
                .rev()
                .filter_map(|index| map.get_index(index))
                .map(|(f, v)| (f.as_bytes(), v.as_bytes()));
            (bottom, visited.filter(wanted).collect())
        }
    };
    reply.array(2);
    let mut digits = [0u8; 20];
    reply.bulk(format_i64(next as i64, &mut digits));
    reply.array(found.len() * 2);
    for (field, value) in found {
        reply.bulk(field);
        reply.bulk(value);
    }
}

#[cfg(test)]
mod tests {
    use super::{distinct_indices, hrandfield, hscan};
    use crate::errors;
    use crate::types::hash::test_bench::*;
    use crate::types::hash::{hdel, hset};
    use crate::types::string;
    use crate::util::Rng;
    use std::collections::HashSet;

    #[test]
    fn hrandfield_argument_errors_come_first() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        let range = err(
            "ERR value is out of range, value must between -9223372036854775807 and \
             9223372036854775807",
        );
        let out = err("ERR value is out of range");
        let syntax = err(errors::SYNTAX);
        let not_int = err(errors::NOT_INTEGER);
        for key in ["nokey", "str"] {
            let cases: &[(&[&str], &str)] = &[
                (&["x"], &not_int),
                (&["1.5"], &not_int),
                (&["x", "foo"], &not_int),
                (&["-9223372036854775808"], &range),
                (&["-9223372036854775808", "foo"], &range),
                (&["1", "foo"], &syntax),
                (&["1", "withvalues", "x"], &syntax),
                (&["9223372036854775807", "withvalues", "x"], &syntax),
                (&["9223372036854775807", "withvalues"], &out),
                (&["4611686018427387904", "WITHVALUES"], &out),
                (&["-4611686018427387904", "withvalues"], &out),
            ];
            for (rest, want) in cases {
                let mut words = vec!["HRANDFIELD", key];
                words.extend_from_slice(rest);
                assert_eq!(run(&mut s, hrandfield, &words), *want, "{words:?}");
            }
        }
        // Within range: the key is looked up.
        for count in ["4611686018427387903", "-4611686018427387903", "0"] {
            assert_eq!(
                run(
                    &mut s,
                    hrandfield,
                    &["HRANDFIELD", "nokey", count, "withvalues"]
                ),
                EMPTY
            );
        }
        assert_eq!(run(&mut s, hrandfield, &["HRANDFIELD", "nokey"]), NULL);
        assert_eq!(run3(&mut s, hrandfield, &["HRANDFIELD", "nokey"]), "_\r\n");
        assert_eq!(
            run3(&mut s, hrandfield, &["HRANDFIELD", "nokey", "3"]),
            EMPTY
        );
        assert_eq!(
            run(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "nokey", "-9223372036854775807"]
            ),
            EMPTY
        );
    }

    #[test]
    fn hrandfield_picks_from_both_encodings() {
        let mut s = shard(3);
        for (key, n) in [("small", 5usize), ("big", 300)] {
            fill(&mut s, key, n);
            let all: HashSet<String> = (0..n).map(|i| format!("f{i}")).collect();
            for _ in 0..50 {
                let one = run(&mut s, hrandfield, &["HRANDFIELD", key]);
                assert!(all.contains(one.split("\r\n").nth(1).unwrap()), "{one}");
            }
            assert_eq!(run(&mut s, hrandfield, &["HRANDFIELD", key, "0"]), EMPTY);
            assert_eq!(
                run(&mut s, hrandfield, &["HRANDFIELD", key, "0", "withvalues"]),
                EMPTY
            );
            // Distinct fields, as many as asked up to the whole hash.
            for count in [1, 2, n / 3, n / 2, n - 1, n, n + 1, 10 * n] {
                let got = elements(&run(
                    &mut s,
                    hrandfield,
                    &["HRANDFIELD", key, &count.to_string()],
                ));
                assert_eq!(got.len(), count.min(n), "{key} {count}");
                let distinct: HashSet<String> = got.iter().cloned().collect();
                assert_eq!(distinct.len(), got.len());
                assert!(distinct.is_subset(&all));
            }
            // Negative: exactly that many, repeats allowed, covering the hash in time.
            let got = elements(&run(&mut s, hrandfield, &["HRANDFIELD", key, "-3000"]));
            assert_eq!(got.len(), 3000);
            let distinct: HashSet<String> = got.into_iter().collect();
            assert_eq!(distinct, all);
            // WITHVALUES pairs every field with its value.
            for count in ["-20", "3", "1", &(n + 5).to_string()] {
                let got = elements(&run(
                    &mut s,
                    hrandfield,
                    &["HRANDFIELD", key, count, "WITHVALUES"],
                ));
                let want = count.parse::<i64>().unwrap().unsigned_abs() as usize;
                assert_eq!(
                    got.len(),
                    2 * want.min(if count.starts_with('-') { want } else { n })
                );
                for pair in got.chunks(2) {
                    assert_eq!(pair[0][1..], pair[1][1..], "{pair:?}");
                }
            }
        }
        // A count of at least the size is the whole listpack in its order.
        assert_eq!(
            run(&mut s, hrandfield, &["HRANDFIELD", "small", "5"]),
            arr(&["f0", "f1", "f2", "f3", "f4"])
        );
        assert_eq!(
            run(&mut s, hset, &["HSET", "two", "a", "1", "b", "2"]),
            int(2)
        );
        assert_eq!(
            run(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "two", "9", "withvalues"]
            ),
            arr(&["a", "1", "b", "2"])
        );
        assert_eq!(
            run3(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "two", "9", "withvalues"]
            ),
            format!(
                "*2\r\n*2\r\n{}{}*2\r\n{}{}",
                bulk("a"),
                bulk("1"),
                bulk("b"),
                bulk("2")
            )
        );
        assert_eq!(
            run3(&mut s, hrandfield, &["HRANDFIELD", "two", "9"]),
            arr(&["a", "b"])
        );
        assert_eq!(run(&mut s, hset, &["HSET", "one", "a", "1"]), int(1));
        assert_eq!(
            run3(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "one", "-2", "withvalues"]
            ),
            format!(
                "*2\r\n*2\r\n{}{}*2\r\n{}{}",
                bulk("a"),
                bulk("1"),
                bulk("a"),
                bulk("1")
            )
        );
        assert_eq!(
            run(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "one", "1", "withvalues"]
            ),
            arr(&["a", "1"])
        );
        assert_eq!(
            run(&mut s, hrandfield, &["HRANDFIELD", "one", "-3"]),
            arr(&["a", "a", "a"])
        );
    }

    #[test]
    fn distinct_indices_are_distinct_and_sorted() {
        let mut rng = Rng::new(11);
        for (size, count) in [(10, 9), (10, 1), (1000, 10), (1000, 400), (3, 2)] {
            let got = distinct_indices(&mut rng, size, count);
            assert_eq!(got.len(), count);
            assert!(got.windows(2).all(|w| w[0] < w[1]));
            assert!(got.iter().all(|&i| i < size));
        }
    }

    #[test]
    fn hscan_errors_and_missing_keys() {
        let mut s = shard(1);
        let empty_scan = "*2\r\n$1\r\n0\r\n*0\r\n";
        let syntax = err(errors::SYNTAX);
        assert_eq!(run(&mut s, hscan, &["HSCAN", "nokey", "0"]), empty_scan);
        assert_eq!(run3(&mut s, hscan, &["HSCAN", "nokey", "0"]), empty_scan);
        // A missing key does not look at the options, but the cursor comes first.
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "nokey", "0", "COUNT", "0"]),
            empty_scan
        );
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "nokey", "0", "bogus"]),
            empty_scan
        );
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "nokey", "x"]),
            err(errors::INVALID_CURSOR)
        );
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "str", "x"]),
            err(errors::INVALID_CURSOR)
        );
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        for rest in [
            &["COUNT", "0"][..],
            &["COUNT", "-1"],
            &["COUNT"],
            &["MATCH"],
            &["TYPE", "string"],
            &["NOVALUES"],
            &["COUNT", "1", "foo", "bar"],
            &["COUNT", "0", "COUNT", "x"],
        ] {
            let mut words = vec!["HSCAN", "h", "0"];
            words.extend_from_slice(rest);
            assert_eq!(run(&mut s, hscan, &words), syntax, "{words:?}");
        }
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "h", "0", "COUNT", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(
                &mut s,
                hscan,
                &["HSCAN", "h", "0", "count", "x", "COUNT", "0"]
            ),
            err(errors::NOT_INTEGER)
        );
        for cursor in ["18446744073709551616", "1.5", " 1", "-"] {
            assert_eq!(
                run(&mut s, hscan, &["HSCAN", "h", cursor]),
                err(errors::INVALID_CURSOR)
            );
        }
    }

    #[test]
    fn hscan_returns_a_listpack_whole() {
        let mut s = shard(1);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "b", "1", "a", "2", "bb", "3"]),
            int(3)
        );
        let whole = format!("*2\r\n$1\r\n0\r\n{}", arr(&["b", "1", "a", "2", "bb", "3"]));
        for cursor in ["0", "5", "-1", ""] {
            assert_eq!(
                run(&mut s, hscan, &["HSCAN", "h", cursor, "COUNT", "1"]),
                whole
            );
        }
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "h", "0", "MATCH", "*"]),
            whole
        );
        assert_eq!(
            run(
                &mut s,
                hscan,
                &["HSCAN", "h", "0", "MATCH", "b*", "count", "1"]
            ),
            format!("*2\r\n$1\r\n0\r\n{}", arr(&["b", "1", "bb", "3"]))
        );
        assert_eq!(
            run(
                &mut s,
                hscan,
                &["HSCAN", "h", "0", "match", "z*", "match", "a"]
            ),
            format!("*2\r\n$1\r\n0\r\n{}", arr(&["a", "2"]))
        );
    }

    #[test]
    fn hscan_walks_a_hashtable() {
        let mut s = shard(1);
        fill(&mut s, "t", 1000);
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        let mut calls = 0;
        loop {
            let (next, items) =
                parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", &cursor, "COUNT", "7"]));
            assert!(items.len() <= 14);
            for pair in items.chunks(2) {
                assert_eq!(pair[0][1..], pair[1][1..]);
                seen.insert(pair[0].clone());
            }
            calls += 1;
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        assert_eq!(seen.len(), 1000);
        assert_eq!(calls, 1000usize.div_ceil(7));
        // The default COUNT is 10; MATCH filters what each call visits.
        let (next, items) = parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", "0"]));
        assert_eq!((next, items.len()), (990, 20));
        let (next, items) = parse_hscan(&run(
            &mut s,
            hscan,
            &["HSCAN", "t", "0", "MATCH", "f99?", "COUNT", "1000"],
        ));
        assert_eq!(next, 0);
        let mut fields: Vec<String> = items.chunks(2).map(|p| p[0].clone()).collect();
        fields.sort();
        assert_eq!(
            fields,
            (990..1000).map(|i| format!("f{i}")).collect::<Vec<_>>()
        );
        // A cursor past the end restarts at the top.
        let (next, items) = parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", "5000", "COUNT", "2"]));
        assert_eq!((next, items.len()), (998, 4));
    }

    #[test]
    fn hscan_returns_stable_fields_despite_deletions() {
        let mut s = shard(9);
        let n = 1000;
        fill(&mut s, "t", n);
        let mut doomed: Vec<usize> = (0..n).filter(|i| i % 2 == 1).collect();
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        loop {
            let (next, items) =
                parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", &cursor, "COUNT", "13"]));
            seen.extend(items.chunks(2).map(|p| p[0].clone()));
            for _ in 0..7 {
                if doomed.is_empty() {
                    break;
                }
                let victim = doomed.swap_remove(s.rng.below(doomed.len()));
                let field = format!("f{victim}");
                assert_eq!(run(&mut s, hdel, &["HDEL", "t", &field]), int(1));
            }
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        for i in (0..n).step_by(2) {
            assert!(seen.contains(&format!("f{i}")), "f{i} missed");
        }
    }
}
