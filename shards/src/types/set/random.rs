//! The commands that pick members at random or walk the set: SPOP, SRANDMEMBER, SSCAN.

use super::setop::reply_union;
use super::value::{max_intset_entries, Member, Set, Taken};
use super::{remove_notified, reply_member};
use crate::keys::parse_cursor;
use crate::lookup::{self, WrongType};
use crate::reply::{format_i64, Reply};
use crate::shard::Ctx;
use crate::util::{parse_i64, Rng};
use crate::value::Value;
use crate::{aof, errors};
use bytes::Bytes;
use std::collections::HashSet;

/// A removed member's bytes (the decimal text of an integer), for the append-only file.
fn taken_bytes(taken: Taken) -> Vec<u8> {
    match taken {
        Taken::Int(v) => format_i64(v, &mut [0u8; 20]).to_vec(),
        Taken::Bytes(k) => k.as_bytes().to_vec(),
    }
}

/// Writes a removed member as a bulk string.
fn reply_taken(reply: &mut Reply, taken: &Taken) {
    match taken {
        Taken::Int(v) => reply_member(reply, Member::Int(*v)),
        Taken::Bytes(k) => reply.bulk(k),
    }
}

/// Removes and replies with a random member (null when the key is missing), or with `count`
/// distinct random members (a set reply in RESP3). A count covering the whole set replies
/// with all of it, built as SUNION builds its result, and deletes the key.
///
/// ```text
/// SPOP key [count]
/// ```
pub fn spop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    match args.len() {
        3 => return spop_with_count(ctx, args),
        n if n > 3 => {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        _ => {}
    }
    let key = &args[1][..];
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let (db, rng, reply) = (&mut shard.dbs[ctx.db], &mut shard.rng, &mut *ctx.reply);
    let set = match lookup::write::<Set>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.null();
            if ctx.aof_enabled() {
                ctx.propagate(Vec::new());
            }
            return;
        }
        Ok(Some(set)) => set,
    };
    let index = rng.below(set.len().max(1));
    let taken = set.take_index(index);
    match &taken {
        Some(taken) => reply_taken(reply, taken),
        None => reply.null(),
    }
    let emptied = set.is_empty();
    db.notify(crate::notify::SET, "spop", key);
    if emptied {
        remove_notified(db, key);
    }
    if ctx.aof_enabled() {
        // The random choice is logged as what it took, so replay takes the same member.
        let logged = match taken {
            Some(taken) => vec![vec![
                Bytes::from_static(b"SREM"),
                Bytes::copy_from_slice(key),
                Bytes::from(taken_bytes(taken)),
            ]],
            None => Vec::new(),
        };
        ctx.propagate(logged);
    }
}

/// SPOP with a count (Redis's `spopWithCountCommand`): the count is checked before the key.
fn spop_with_count(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let count = match parse_i64(&args[2]) {
        Some(n) if n >= 0 => n as u64,
        _ => {
            ctx.reply.error(errors::SPOP_COUNT_RANGE);
            return;
        }
    };
    let max = max_intset_entries(ctx.shard);
    let key = &args[1][..];
    let now = ctx.now;
    let aof_on = ctx.aof_enabled();
    let shard = &mut *ctx.shard;
    let (db, rng, reply) = (&mut shard.dbs[ctx.db], &mut shard.rng, &mut *ctx.reply);
    match lookup::write::<Set>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.set(0);
            if aof_on {
                ctx.propagate(Vec::new());
            }
            return;
        }
        Ok(Some(_)) => {}
    }
    if count == 0 {
        reply.set(0);
        if aof_on {
            ctx.propagate(Vec::new());
        }
        return;
    }
    db.notify(crate::notify::SET, "spop", key);
    let Some(Value::Set(set)) = db.get_mut(key, now) else {
        return reply.set(0);
    };
    if count >= set.len() as u64 {
        // The whole set, as SUNION over this one key would reply with it.
        match db.remove(key) {
            Some(Value::Set(set)) => reply_union(reply, &[Some(&set)], max),
            _ => reply.set(0),
        }
        db.notify(crate::notify::GENERIC, "del", key);
        if aof_on {
            ctx.propagate(vec![aof::command(&[b"DEL", key])]);
        }
        return;
    }
    reply.set(count as usize);
    // The random choices are logged as what they took, so replay takes the same members.
    let mut logged = Vec::new();
    if aof_on {
        logged = aof::command(&[b"SREM", key]);
    }
    for _ in 0..count {
        let index = rng.below(set.len().max(1));
        if let Some(taken) = set.take_index(index) {
            reply_taken(reply, &taken);
            if aof_on {
                logged.push(Bytes::from(taken_bytes(taken)));
            }
        }
    }
    if aof_on {
        ctx.propagate(vec![logged]);
    }
}

/// Replies with a random member (null when the key is missing), or with `count` random
/// members: distinct ones for a positive count (the whole set, in its own order, when the
/// count covers it), possibly repeated ones for a negative count. The count replies are
/// arrays, also in RESP3.
///
/// ```text
/// SRANDMEMBER key [count]
/// ```
pub fn srandmember(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    match args.len() {
        3 => return srandmember_with_count(ctx, args),
        n if n > 3 => {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        _ => {}
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let (db, stats, rng, reply) = (
        &mut shard.dbs[ctx.db],
        &mut shard.stats,
        &mut shard.rng,
        &mut *ctx.reply,
    );
    match lookup::read::<Set>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(set)) => match set.get_index(rng.below(set.len().max(1))) {
            Some(member) => reply_member(reply, member),
            None => reply.null(),
        },
    }
}

/// SRANDMEMBER with a count (Redis's `srandmemberWithCountCommand`): the count is checked
/// before the key.
fn srandmember_with_count(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let (count, distinct) = match parse_i64(&args[2]) {
        None => {
            ctx.reply.error(errors::NOT_INTEGER);
            return;
        }
        Some(i64::MIN) => {
            ctx.reply.error(errors::RANDOM_COUNT_RANGE);
            return;
        }
        Some(n) => (n.unsigned_abs(), n >= 0),
    };
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let (db, stats, rng, reply) = (
        &mut shard.dbs[ctx.db],
        &mut shard.stats,
        &mut shard.rng,
        &mut *ctx.reply,
    );
    let set = match lookup::read::<Set>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(0);
            return;
        }
        Ok(Some(set)) => set,
    };
    let len = set.len();
    if count == 0 || len == 0 {
        reply.array(0);
        return;
    }
    if !distinct {
        reply.array(count as usize);
        for _ in 0..count {
            if let Some(member) = set.get_index(rng.below(len)) {
                reply_member(reply, member);
            }
        }
        return;
    }
    if count >= len as u64 {
        reply.array(len);
        for member in set.iter() {
            reply_member(reply, member);
        }
        return;
    }
    let picked = sample_distinct(rng, len, count as usize);
    reply.array(picked.len());
    for index in picked {
        if let Some(member) = set.get_index(index) {
            reply_member(reply, member);
        }
    }
}

/// `count` distinct indices below `len` (`count < len`), in random order. Like Redis, it
/// shuffles all the indices when most of them are wanted and draws at random otherwise, so
/// the work is O(count) either way.
fn sample_distinct(rng: &mut Rng, len: usize, count: usize) -> Vec<usize> {
    if count.saturating_mul(3) > len {
        let mut indices: Vec<usize> = (0..len).collect();
        for i in 0..count {
            let j = i + rng.below(len - i);
            indices.swap(i, j);
        }
        indices.truncate(count);
        indices
    } else {
        let mut seen = HashSet::with_capacity(count);
        let mut picked = Vec::with_capacity(count);
        while picked.len() < count {
            let i = rng.below(len);
            if seen.insert(i) {
                picked.push(i);
            }
        }
        picked
    }
}

/// Iterates the members of the set at `key`, as SCAN does the keys. The cursor is checked
/// first, then the key (a missing key is an empty scan, whatever the options), then the
/// options in order: COUNT must be a positive integer, MATCH takes a glob; TYPE is SCAN's
/// only. An intset is returned whole with cursor 0; see [`Set::scan`] for a hashtable.
///
/// ```text
/// SSCAN key cursor [MATCH pattern] [COUNT count]
/// ```
pub fn sscan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[2]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let set = match lookup::read::<Set>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(2);
            reply.bulk(b"0");
            reply.array(0);
            return;
        }
        Ok(Some(set)) => set,
    };
    let mut count: usize = 10;
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
                Some(n) => count = usize::try_from(n).unwrap_or(usize::MAX),
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
    let (next, found) = set.scan(cursor, count, pattern);
    reply.array(2);
    reply.bulk(next.to_string().as_bytes());
    reply.array(found.len());
    for member in found {
        reply_member(reply, member);
    }
}

#[cfg(test)]
mod tests {
    use super::{spop, srandmember, sscan};
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::set::test_bench::*;
    use crate::types::set::{sadd, scard, sismember, srem};
    use std::collections::HashSet;

    #[test]
    fn spop_single() {
        let mut s = shard();
        assert_eq!(run(&mut s, spop, &["SPOP", "k"]), "$-1\r\n");
        assert_eq!(run3(&mut s, spop, &["SPOP", "k"]), "_\r\n");
        run(&mut s, sadd, &["SADD", "k", "1", "2", "3"]);
        let mut popped = Vec::new();
        for _ in 0..3 {
            let r = run(&mut s, spop, &["SPOP", "k"]);
            popped.push(r.split("\r\n").nth(1).unwrap_or_default().to_string());
        }
        assert_eq!(sorted(popped), strings(&["1", "2", "3"]));
        assert!(s.dbs[0].is_empty(), "the emptied set is removed");
        run(&mut s, sadd, &["SADD", "h", "a", "b"]);
        run(&mut s, spop, &["SPOP", "h"]);
        run(&mut s, spop, &["SPOP", "h"]);
        assert!(s.dbs[0].is_empty());
        assert_eq!(
            run(&mut s, spop, &["SPOP", "h", "1", "2"]),
            err(errors::SYNTAX)
        );
    }

    #[test]
    fn spop_with_count() {
        let mut s = shard();
        for bad in ["-1", "x", "1.5", "9223372036854775808"] {
            assert_eq!(
                run(&mut s, spop, &["SPOP", "k", bad]),
                err(errors::SPOP_COUNT_RANGE)
            );
        }
        assert_eq!(run(&mut s, spop, &["SPOP", "k", "2"]), "*0\r\n");
        assert_eq!(run3(&mut s, spop, &["SPOP", "k", "2"]), "~0\r\n");
        run(&mut s, sadd, &["SADD", "k", "5", "1", "3", "4", "2"]);
        assert_eq!(run(&mut s, spop, &["SPOP", "k", "0"]), "*0\r\n");
        let two = members(&run(&mut s, spop, &["SPOP", "k", "2"]));
        assert_eq!(two.len(), 2);
        assert_ne!(two[0], two[1]);
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(3));
        for m in &two {
            assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", m]), int(0));
        }
        // A count covering the set: all of it, ascending for integers, and the key is gone.
        let rest = run3(&mut s, spop, &["SPOP", "k", "9223372036854775807"]);
        assert!(rest.starts_with("~3\r\n"));
        let mut all = two.clone();
        all.extend(members(&rest));
        assert_eq!(sorted(all), strings(&["1", "2", "3", "4", "5"]));
        assert!(s.dbs[0].is_empty());
        // A hashtable of integers pops whole as a fresh (sorted) intset would.
        run(&mut s, sadd, &["SADD", "h", "10", "x", "9", "1"]);
        run(&mut s, srem, &["SREM", "h", "x"]);
        assert_eq!(
            run(&mut s, spop, &["SPOP", "h", "3"]),
            arr(&["1", "9", "10"])
        );
        assert!(s.dbs[0].is_empty());
    }

    #[test]
    fn srandmember_variants() {
        let mut s = shard();
        assert_eq!(run(&mut s, srandmember, &["SRANDMEMBER", "k"]), "$-1\r\n");
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "3"]),
            "*0\r\n"
        );
        assert_eq!(
            run3(&mut s, srandmember, &["SRANDMEMBER", "k", "-3"]),
            "*0\r\n"
        );
        assert_eq!(
            run(
                &mut s,
                srandmember,
                &["SRANDMEMBER", "k", "-9223372036854775808"]
            ),
            err(errors::RANDOM_COUNT_RANGE)
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "1.5"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "1", "2"]),
            err(errors::SYNTAX)
        );
        run(&mut s, sadd, &["SADD", "k", "3", "1", "2"]);
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "0"]),
            "*0\r\n"
        );
        // The whole set in its own order, as an array also in RESP3.
        assert_eq!(
            run3(&mut s, srandmember, &["SRANDMEMBER", "k", "3"]),
            arr(&["1", "2", "3"])
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "100"]),
            arr(&["1", "2", "3"])
        );
        for _ in 0..20 {
            let two = members(&run(&mut s, srandmember, &["SRANDMEMBER", "k", "2"]));
            assert_eq!(two.len(), 2);
            assert_ne!(two[0], two[1]);
            let one = run(&mut s, srandmember, &["SRANDMEMBER", "k"]);
            assert!(["$1\r\n1\r\n", "$1\r\n2\r\n", "$1\r\n3\r\n"].contains(&one.as_str()));
        }
        let many = members(&run(&mut s, srandmember, &["SRANDMEMBER", "k", "-50"]));
        assert_eq!(many.len(), 50);
        assert!(many.iter().all(|m| ["1", "2", "3"].contains(&m.as_str())));
        assert_eq!(
            run(&mut s, scard, &["SCARD", "k"]),
            int(3),
            "nothing removed"
        );
        // Distinct samples from a bigger hashtable, through both strategies.
        let words: Vec<String> = (0..100).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "h"];
        cmd.extend(words.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        for count in ["10", "60", "99"] {
            let got = members(&run(&mut s, srandmember, &["SRANDMEMBER", "h", count]));
            let unique: HashSet<&String> = got.iter().collect();
            assert_eq!(unique.len().to_string(), count);
            assert!(got.iter().all(|m| words.contains(m)));
        }
    }

    /// Runs SSCAN to the end with `count`, returning every member seen (with repeats).
    fn sscan_all(s: &mut Shard, key: &str, count: &str, pattern: &str) -> Vec<String> {
        let mut cursor = "0".to_string();
        let mut seen = Vec::new();
        for _ in 0..10_000 {
            let r = run(
                s,
                sscan,
                &["SSCAN", key, &cursor, "COUNT", count, "MATCH", pattern],
            );
            let lines: Vec<&str> = r.split("\r\n").collect();
            cursor = lines[2].to_string();
            let rest = lines[3..].join("\r\n");
            seen.extend(members(&rest));
            if cursor == "0" {
                return seen;
            }
        }
        panic!("SSCAN did not finish");
    }

    #[test]
    fn sscan_intset_and_hashtable() {
        let mut s = shard();
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        // A missing key never looks at the options.
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0", "BAD"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "x"]),
            err(errors::INVALID_CURSOR)
        );
        run(&mut s, sadd, &["SADD", "k", "3", "12", "1", "20"]);
        // An intset comes whole, whatever the cursor and count.
        let whole = "*2\r\n$1\r\n0\r\n*4\r\n$1\r\n1\r\n$1\r\n3\r\n$2\r\n12\r\n$2\r\n20\r\n";
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0", "COUNT", "1"]),
            whole
        );
        assert_eq!(run(&mut s, sscan, &["SSCAN", "k", "77"]), whole);
        assert_eq!(
            run3(&mut s, sscan, &["SSCAN", "k", "0", "MATCH", "*"]),
            whole
        );
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0", "MATCH", "*2*"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\n12\r\n$2\r\n20\r\n"
        );
        for (words, e) in [
            (&["SSCAN", "k", "0", "COUNT", "0"][..], errors::SYNTAX),
            (&["SSCAN", "k", "0", "COUNT", "x"], errors::NOT_INTEGER),
            (&["SSCAN", "k", "0", "COUNT"], errors::SYNTAX),
            (&["SSCAN", "k", "0", "MATCH"], errors::SYNTAX),
            (&["SSCAN", "k", "0", "TYPE", "set"], errors::SYNTAX),
            (
                &["SSCAN", "k", "0", "COUNT", "-1", "MATCH", "x"],
                errors::SYNTAX,
            ),
            (
                &["SSCAN", "k", "18446744073709551616"],
                errors::INVALID_CURSOR,
            ),
        ] {
            assert_eq!(run(&mut s, sscan, words), err(e), "{words:?}");
        }
        // A hashtable is walked in steps.
        let all: Vec<String> = (0..50).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "h"];
        cmd.extend(all.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        let first = run(&mut s, sscan, &["SSCAN", "h", "0", "COUNT", "7"]);
        assert!(first.starts_with("*2\r\n$2\r\n43\r\n*7\r\n"), "{first:?}");
        assert_eq!(
            sorted(sscan_all(&mut s, "h", "7", "*")),
            sorted(all.clone())
        );
        assert_eq!(sscan_all(&mut s, "h", "1000", "*").len(), 50);
        let ones = sorted(sscan_all(&mut s, "h", "3", "m1*"));
        assert_eq!(ones.len(), 11);
    }

    #[test]
    fn sscan_survives_removals() {
        let mut s = shard();
        let all: Vec<String> = (0..40).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "h"];
        cmd.extend(all.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        // Remove members between steps: every member present throughout is still returned.
        let mut cursor = "0".to_string();
        let mut seen = HashSet::new();
        let mut removed = HashSet::new();
        for step in 0.. {
            let r = run(&mut s, sscan, &["SSCAN", "h", &cursor, "COUNT", "5"]);
            let lines: Vec<&str> = r.split("\r\n").collect();
            cursor = lines[2].to_string();
            seen.extend(members(&lines[3..].join("\r\n")));
            let victim = format!("m{}", step * 3);
            if run(&mut s, srem, &["SREM", "h", &victim]) == int(1) {
                removed.insert(victim);
            }
            if cursor == "0" {
                break;
            }
        }
        for m in &all {
            assert!(seen.contains(m) || removed.contains(m), "{m} missed");
        }
    }
}
