//! The commands that read and edit elements by index or value: LLEN, LRANGE, LINDEX, LSET,
//! LINSERT, LREM, LTRIM, LPOS.

use super::parse::{parse_at_least, parse_long};
use super::remove_if_empty;
use super::value::List;
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use bytes::Bytes;

/// Replies with the length of the list, 0 if the key is missing.
///
/// ```text
/// LLEN key
/// ```
pub fn llen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(list)) => reply.int(list.len() as i64),
    }
}

/// Clamps a Redis `start..=end` range (negative indexes count from the tail) to a list of
/// `len` elements, as LRANGE and LTRIM do; `None` when the range is empty.
fn clamp_range(len: usize, start: i64, end: i64) -> Option<(usize, usize)> {
    let len = len as i64;
    let mut start = if start < 0 { start + len } else { start };
    let mut end = if end < 0 { end + len } else { end };
    if start < 0 {
        start = 0;
    }
    if start > end || start >= len {
        return None;
    }
    if end >= len {
        end = len - 1;
    }
    Some((start as usize, end as usize))
}

/// Replies with the elements from `start` to `end` inclusive; negative indexes count from the
/// tail, and out-of-range indexes are clamped. The indexes are parsed before the key is
/// looked at.
///
/// ```text
/// LRANGE key start stop
/// ```
pub fn lrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let start = match parse_long(&args[2]) {
        Ok(start) => start,
        Err(e) => return ctx.reply.error(e),
    };
    let end = match parse_long(&args[3]) {
        Ok(end) => end,
        Err(e) => return ctx.reply.error(e),
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let list = match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(0);
            return;
        }
        Ok(Some(list)) => list,
    };
    match clamp_range(list.len(), start, end) {
        None => reply.array(0),
        Some((first, last)) => {
            reply.array(last - first + 1);
            for item in list.items.range(first..=last) {
                reply.bulk(item);
            }
        }
    }
}

/// Replies with the element at `index` (negative counts from the tail), null when out of
/// range or missing. The key is looked at before the index is parsed.
///
/// ```text
/// LINDEX key index
/// ```
pub fn lindex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let list = match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.null();
            return;
        }
        Ok(Some(list)) => list,
    };
    let index = match parse_long(&args[2]) {
        Ok(index) => index,
        Err(e) => return reply.error(e),
    };
    match list.position(index).and_then(|i| list.get(i)) {
        Some(item) => reply.bulk(item),
        None => reply.null(),
    }
}

/// Replaces the element at `index` (negative counts from the tail). A missing key is `ERR no
/// such key`, an index outside the list `ERR index out of range`.
///
/// ```text
/// LSET key index element
/// ```
pub fn lset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.error(errors::NO_SUCH_KEY);
            return;
        }
        Ok(Some(list)) => list,
    };
    let index = match parse_long(&args[2]) {
        Ok(index) => index,
        Err(e) => return reply.error(e),
    };
    match list.position(index) {
        Some(i) => {
            list.items[i] = Box::from(&args[3][..]);
            reply.ok();
            ctx.notify(crate::notify::LIST, "lset", &args[1]);
        }
        None => reply.error(errors::LIST_INDEX_OUT_OF_RANGE),
    }
}

/// Inserts `element` before or after the first occurrence of `pivot` (from the head).
/// Replies with the new length, -1 if the pivot is not found, 0 if the key is missing.
/// BEFORE/AFTER is checked before the key.
///
/// ```text
/// LINSERT key <BEFORE | AFTER> pivot element
/// ```
pub fn linsert(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let after = if args[2].eq_ignore_ascii_case(b"after") {
        true
    } else if args[2].eq_ignore_ascii_case(b"before") {
        false
    } else {
        ctx.reply.error(errors::SYNTAX);
        return;
    };
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(list)) => list,
    };
    let pivot = &args[3][..];
    match list.items.iter().position(|item| &item[..] == pivot) {
        None => reply.int(-1),
        Some(i) => {
            let at = if after { i + 1 } else { i };
            list.items.insert(at, Box::from(&args[4][..]));
            reply.int(list.len() as i64);
            db.notify(crate::notify::LIST, "linsert", &args[1]);
        }
    }
}

/// Removes occurrences of `element`: the first `count` from the head when `count` > 0, the
/// last `-count` from the tail when `count` < 0, all of them when `count` is 0. Replies with
/// how many were removed; a list left empty is removed. The count is parsed first.
///
/// ```text
/// LREM key count element
/// ```
pub fn lrem(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let count = match parse_long(&args[2]) {
        Ok(count) => count,
        Err(e) => return ctx.reply.error(e),
    };
    let now = ctx.now;
    let key = &args[1][..];
    let element = &args[3][..];
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(list)) => list,
    };
    // At most `limit` matches go; 0 means all. Redis negates LONG_MIN into itself, which
    // then never equals the number removed: all matches go, as here.
    let limit = match count.unsigned_abs() {
        0 => u64::MAX,
        n => n,
    };
    // From the tail: the matches to remove are the last `limit` ones, that is those at or
    // after the position of the `limit`-th match counted from the tail.
    let first_removable = if count < 0 {
        let mut seen = 0u64;
        let mut from = 0;
        for (i, item) in list.items.iter().enumerate().rev() {
            if &item[..] == element {
                seen += 1;
                from = i;
                if seen == limit {
                    break;
                }
            }
        }
        from
    } else {
        0
    };
    let mut removed = 0u64;
    let mut index = 0;
    list.items.retain(|item| {
        let at = index;
        index += 1;
        if at >= first_removable && removed < limit && &item[..] == element {
            removed += 1;
            false
        } else {
            true
        }
    });
    if removed > 0 {
        db.notify(crate::notify::LIST, "lrem", key);
    }
    remove_if_empty(db, key, now);
    reply.int(removed as i64);
}

/// Keeps only the elements from `start` to `end` inclusive (indexes as LRANGE); an empty
/// range empties the list, which is then removed. Replies `+OK`, also for a missing key.
///
/// ```text
/// LTRIM key start stop
/// ```
pub fn ltrim(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let start = match parse_long(&args[2]) {
        Ok(start) => start,
        Err(e) => return ctx.reply.error(e),
    };
    let end = match parse_long(&args[3]) {
        Ok(end) => end,
        Err(e) => return ctx.reply.error(e),
    };
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.ok();
            return;
        }
        Ok(Some(list)) => list,
    };
    match clamp_range(list.len(), start, end) {
        None => list.items.clear(),
        Some((first, last)) => {
            list.items.truncate(last + 1);
            list.items.drain(..first);
        }
    }
    db.notify(crate::notify::LIST, "ltrim", key);
    remove_if_empty(db, key, now);
    reply.ok();
}

/// Replies with the index of `element` in the list, as Redis 7.0's `lposCommand`.
///
/// RANK n starts from the n-th match (negative: from the tail, the index still counted from
/// the head); COUNT n replies with an array of up to n indexes (0: all); MAXLEN n compares at
/// most n elements. Options are checked before the key. Without COUNT, no match is a null
/// reply; with COUNT, an empty array.
///
/// ```text
/// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]
/// ```
pub fn lpos(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let mut rank: i64 = 1;
    let mut count: Option<i64> = None;
    let mut maxlen: i64 = 0;
    let mut j = 3;
    while j < args.len() {
        let opt = &args[j][..];
        let more = j + 1 < args.len();
        if opt.eq_ignore_ascii_case(b"RANK") && more {
            j += 1;
            let n = match parse_long(&args[j]) {
                Ok(n) => n,
                Err(e) => return ctx.reply.error(e),
            };
            if n == 0 {
                ctx.reply.error(errors::LIST_RANK_ZERO);
                return;
            }
            rank = n;
        } else if opt.eq_ignore_ascii_case(b"COUNT") && more {
            j += 1;
            match parse_at_least(&args[j], 0, errors::LIST_COUNT_NEGATIVE) {
                Ok(n) => count = Some(n),
                Err(e) => return ctx.reply.error(e),
            }
        } else if opt.eq_ignore_ascii_case(b"MAXLEN") && more {
            j += 1;
            match parse_at_least(&args[j], 0, errors::LIST_MAXLEN_NEGATIVE) {
                Ok(n) => maxlen = n,
                Err(e) => return ctx.reply.error(e),
            }
        } else {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        j += 1;
    }
    // A negative rank searches from the tail. Redis negates LONG_MIN into itself, a rank
    // every match then reaches: the wrapping arithmetic below does the same.
    let from_tail = rank < 0;
    if from_tail {
        rank = rank.wrapping_neg();
    }
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let list = match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            if count.is_some() {
                reply.array(0);
            } else {
                reply.null();
            }
            return;
        }
        Ok(Some(list)) => list,
    };
    let element = &args[2][..];
    let len = list.len();
    let mut found: Vec<i64> = Vec::new();
    let mut matches: i64 = 0;
    let walk: Box<dyn Iterator<Item = &[u8]>> = if from_tail {
        Box::new(list.iter().rev())
    } else {
        Box::new(list.iter())
    };
    for (scanned, item) in walk.enumerate() {
        if maxlen != 0 && scanned as i64 >= maxlen {
            break;
        }
        if item != element {
            continue;
        }
        matches += 1;
        if matches < rank {
            continue;
        }
        let index = if from_tail {
            len - scanned - 1
        } else {
            scanned
        };
        found.push(index as i64);
        match count {
            None => break,
            Some(c) => {
                if c != 0 && matches.wrapping_sub(rank).wrapping_add(1) >= c {
                    break;
                }
            }
        }
    }
    match count {
        Some(_) => {
            reply.array(found.len());
            for index in found {
                reply.int(index);
            }
        }
        None => match found.first() {
            Some(&index) => reply.int(index),
            None => reply.null(),
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::errors;
    use crate::types::list::test_bench::*;

    #[test]
    fn lrange_clamps_like_redis() {
        let mut s = with_list("k", &["a", "b", "c", "d"]);
        let cases: &[(&str, &str, &[&str])] = &[
            ("0", "-1", &["a", "b", "c", "d"]),
            ("1", "2", &["b", "c"]),
            ("-2", "-1", &["c", "d"]),
            ("-100", "1", &["a", "b"]),
            ("2", "100", &["c", "d"]),
            ("3", "3", &["d"]),
            ("4", "10", &[]),
            ("2", "1", &[]),
            ("0", "-5", &[]),
            ("-1", "-2", &[]),
            (
                "-9223372036854775808",
                "9223372036854775807",
                &["a", "b", "c", "d"],
            ),
            ("9223372036854775807", "-9223372036854775808", &[]),
        ];
        for (start, end, want) in cases {
            assert_eq!(
                run(&mut s, &["LRANGE", "k", start, end]),
                bulks(want),
                "LRANGE {start} {end}"
            );
        }
        assert_eq!(run(&mut s, &["LRANGE", "missing", "0", "-1"]), EMPTY);
        assert_eq!(run3(&mut s, &["LRANGE", "missing", "0", "-1"]), EMPTY);
        // The indexes are parsed before the key is looked at.
        let not_int = err(errors::NOT_INTEGER);
        assert_eq!(run(&mut s, &["LRANGE", "missing", "x", "1"]), not_int);
        assert_eq!(run(&mut s, &["LRANGE", "k", "0", "1.0"]), not_int);
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(run(&mut s, &["LRANGE", "str", "a", "1"]), not_int);
        assert_eq!(
            run(&mut s, &["LRANGE", "str", "0", "1"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn lindex_and_lset() {
        let mut s = with_list("k", &["a", "b", "c"]);
        assert_eq!(run(&mut s, &["LINDEX", "k", "0"]), bulk("a"));
        assert_eq!(run(&mut s, &["LINDEX", "k", "-1"]), bulk("c"));
        assert_eq!(run(&mut s, &["LINDEX", "k", "-3"]), bulk("a"));
        assert_eq!(run(&mut s, &["LINDEX", "k", "3"]), NULL);
        assert_eq!(run(&mut s, &["LINDEX", "k", "-4"]), NULL);
        assert_eq!(run(&mut s, &["LINDEX", "k", "-9223372036854775808"]), NULL);
        assert_eq!(run3(&mut s, &["LINDEX", "k", "9"]), NULL3);
        // The key is looked at before the index is parsed.
        assert_eq!(run(&mut s, &["LINDEX", "missing", "x"]), NULL);
        assert_eq!(run(&mut s, &["LINDEX", "k", "x"]), err(errors::NOT_INTEGER));

        assert_eq!(run(&mut s, &["LSET", "k", "1", "B"]), OK);
        assert_eq!(run(&mut s, &["LSET", "k", "-1", "C"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["a", "B", "C"]));
        let out = err("ERR index out of range");
        assert_eq!(run(&mut s, &["LSET", "k", "3", "x"]), out);
        assert_eq!(run(&mut s, &["LSET", "k", "-4", "x"]), out);
        assert_eq!(
            run(&mut s, &["LSET", "missing", "x", "x"]),
            err("ERR no such key")
        );
        assert_eq!(
            run(&mut s, &["LSET", "k", "x", "x"]),
            err(errors::NOT_INTEGER)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LSET", "str", "x", "x"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(run(&mut s, &["LINDEX", "str", "x"]), err(errors::WRONGTYPE));
    }

    #[test]
    fn linsert_before_and_after_the_first_pivot() {
        let mut s = with_list("k", &["a", "b", "a"]);
        assert_eq!(run(&mut s, &["LINSERT", "k", "BEFORE", "a", "x"]), int(4));
        assert_eq!(run(&mut s, &["LINSERT", "k", "after", "a", "y"]), int(5));
        assert_eq!(run(&mut s, &["LINSERT", "k", "After", "b", "z"]), int(6));
        assert_eq!(range(&mut s, "k"), bulks(&["x", "a", "y", "b", "z", "a"]));
        assert_eq!(
            run(&mut s, &["LINSERT", "k", "BEFORE", "nope", "x"]),
            int(-1)
        );
        assert_eq!(
            run(&mut s, &["LINSERT", "missing", "BEFORE", "a", "x"]),
            int(0)
        );
        assert!(!exists(&mut s, "missing"));
        // BEFORE/AFTER is checked first.
        assert_eq!(
            run(&mut s, &["LINSERT", "missing", "MIDDLE", "a", "x"]),
            err(errors::SYNTAX)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LINSERT", "str", "MIDDLE", "a", "x"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["LINSERT", "str", "AFTER", "a", "x"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn lrem_from_either_end() {
        let items = ["a", "b", "a", "c", "a", "b", "a"];
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "2", "a"]), int(2));
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "a", "b", "a"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "-2", "a"]), int(2));
        assert_eq!(range(&mut s, "k"), bulks(&["a", "b", "a", "c", "b"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "-1", "b"]), int(1));
        assert_eq!(range(&mut s, "k"), bulks(&["a", "b", "a", "c", "a", "a"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "0", "a"]), int(4));
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "b"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "-100", "a"]), int(4));
        assert_eq!(run(&mut s, &["LREM", "k", "9", "zz"]), int(0));
        let mut s = with_list("k", &items);
        assert_eq!(
            run(&mut s, &["LREM", "k", "-9223372036854775808", "a"]),
            int(4)
        );
        assert_eq!(
            run(&mut s, &["LREM", "k", "9223372036854775807", "b"]),
            int(2)
        );
        assert_eq!(range(&mut s, "k"), bulks(&["c"]));
        assert_eq!(run(&mut s, &["LREM", "k", "1", "c"]), int(1));
        assert!(!exists(&mut s, "k"), "an emptied list is removed");
        assert_eq!(run(&mut s, &["LREM", "k", "1", "c"]), int(0));
        assert_eq!(
            run(&mut s, &["LREM", "k", "x", "c"]),
            err(errors::NOT_INTEGER)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LREM", "str", "x", "c"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, &["LREM", "str", "0", "c"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn ltrim_keeps_a_range() {
        let mut s = with_list("k", &["a", "b", "c", "d", "e"]);
        assert_eq!(run(&mut s, &["LTRIM", "k", "1", "-2"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "d"]));
        assert_eq!(run(&mut s, &["LTRIM", "k", "-100", "100"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "d"]));
        assert_eq!(run(&mut s, &["LTRIM", "k", "2", "2"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["d"]));
        assert_eq!(run(&mut s, &["LTRIM", "k", "1", "0"]), OK);
        assert!(!exists(&mut s, "k"), "an emptied list is removed");
        assert_eq!(run(&mut s, &["LTRIM", "k", "0", "1"]), OK);
        assert!(!exists(&mut s, "k"));
        assert_eq!(
            run(&mut s, &["LTRIM", "k", "0", "x"]),
            err(errors::NOT_INTEGER)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LTRIM", "str", "x", "0"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, &["LTRIM", "str", "0", "0"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn lpos_options() {
        //                              0    1    2    3    4    5    6
        let mut s = with_list("k", &["a", "b", "c", "a", "b", "c", "a"]);
        assert_eq!(run(&mut s, &["LPOS", "k", "a"]), int(0));
        assert_eq!(run(&mut s, &["LPOS", "k", "c"]), int(2));
        assert_eq!(run(&mut s, &["LPOS", "k", "x"]), NULL);
        assert_eq!(run3(&mut s, &["LPOS", "k", "x"]), NULL3);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "2"]), int(3));
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "4"]), NULL);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "-1"]), int(6));
        assert_eq!(run(&mut s, &["LPOS", "k", "b", "rank", "-2"]), int(1));
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "0"]),
            ints(&[0, 3, 6])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "2"]),
            ints(&[0, 3])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "2", "RANK", "2"]),
            ints(&[3, 6])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "-1", "COUNT", "0"]),
            ints(&[6, 3, 0])
        );
        assert_eq!(run(&mut s, &["LPOS", "k", "x", "COUNT", "0"]), EMPTY);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "MAXLEN", "3"]), int(0));
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "MAXLEN", "3", "COUNT", "0"]),
            ints(&[0])
        );
        assert_eq!(run(&mut s, &["LPOS", "k", "c", "MAXLEN", "2"]), NULL);
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "-1", "MAXLEN", "1"]),
            int(6)
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "b", "RANK", "-1", "MAXLEN", "2"]),
            NULL
        );
        // The last of a repeated option wins.
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "3", "RANK", "1"]),
            int(0)
        );
        // RANK LONG_MIN: Redis negates it into itself, so every match is past the rank.
        let min = "-9223372036854775808";
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", min]), int(6));
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", min, "COUNT", "1"]),
            ints(&[6, 3, 0])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "9223372036854775807"]),
            NULL
        );
        assert_eq!(run(&mut s, &["LPOS", "missing", "a"]), NULL);
        assert_eq!(run(&mut s, &["LPOS", "missing", "a", "COUNT", "1"]), EMPTY);
    }

    #[test]
    fn lpos_errors_in_redis_order() {
        let mut s = with_list("k", &["a"]);
        run(&mut s, &["SET", "str", "v"]);
        let rank0 = err(errors::LIST_RANK_ZERO);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "0"]), rank0);
        assert_eq!(run(&mut s, &["LPOS", "str", "a", "RANK", "0"]), rank0);
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "x"]),
            err(errors::NOT_INTEGER)
        );
        let count = err("ERR COUNT can't be negative");
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "COUNT", "-1"]), count);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "COUNT", "x"]), count);
        let maxlen = err("ERR MAXLEN can't be negative");
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "MAXLEN", "-1"]), maxlen);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "MAXLEN", "1.5"]), maxlen);
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "FOO", "1"]),
            err(errors::SYNTAX)
        );
        // An option error before a bad one later: the first wins.
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "-1", "RANK", "0"]),
            count
        );
        assert_eq!(run(&mut s, &["LPOS", "str", "a"]), err(errors::WRONGTYPE));
    }
}
