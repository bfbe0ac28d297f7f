//! SCAN's shard part and its cursor parser (which HSCAN, SSCAN and ZSCAN share): a walk of the
//! key table's dense index from the top down, so a key present for the whole scan is
//! returned at least once.

use crate::db::Key;
use crate::errors;
use crate::glob::glob_match;
use crate::shard::Ctx;
use crate::util::parse_i64;
use bytes::Bytes;

/// Parses a SCAN cursor as Redis's `parseScanCursorOrReply` does with C's `strtoul`: no
/// leading space, an optional sign (a negative cursor wraps around, as in C), decimal digits
/// and nothing after them, where the text ends at a NUL byte as a C string does; so the empty
/// string is cursor 0. `None` on overflow or a stray character.
pub fn parse_cursor(s: &[u8]) -> Option<u64> {
    let s = &s[..s.iter().position(|&b| b == 0).unwrap_or(s.len())];
    let (negative, digits) = match s.first() {
        None => return Some(0),
        Some(b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') => return None,
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        Some(_) => (false, s),
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
    }
    Some(if negative { v.wrapping_neg() } else { v })
}

/// ```text
/// SCAN inner-cursor [MATCH pattern] [COUNT count] [TYPE type]
/// ```
///
/// This shard's part of SCAN; the server maps the client's cursor to a shard and an inner
/// cursor and back. The inner cursor walks the database's dense index from the top down
/// (see `db.rs`): 0 starts at the last index, `c >= 1` continues at index `c - 1` (or at the
/// last index if the database shrank below it), and a reply cursor of 0 means done. Removal
/// moves the last entry into the hole, which a downward walk has already passed, so a key
/// present for the whole scan is returned at least once.
///
/// Each call visits COUNT (default 10) indices, then filters what it found, in Redis's order:
/// MATCH, then TYPE (a read lookup), then expiry (an expired key is removed). So a reply may
/// hold fewer than COUNT keys, or none, before the scan is done.
pub fn scan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[1]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let mut count: i64 = 10;
    let mut pattern: Option<&[u8]> = None;
    let mut type_name: Option<&[u8]> = None;
    let mut i = 2;
    while i < args.len() {
        let opt = &args[i][..];
        let value = args.get(i + 1).map(|v| &v[..]);
        match value {
            Some(v) if opt.eq_ignore_ascii_case(b"count") => match parse_i64(v) {
                None => {
                    ctx.reply.error(errors::NOT_INTEGER);
                    return;
                }
                Some(n) if n < 1 => {
                    ctx.reply.error(errors::SYNTAX);
                    return;
                }
                Some(n) => count = n,
            },
            // A pattern of exactly "*" matches everything: no filter, as in Redis.
            Some(v) if opt.eq_ignore_ascii_case(b"match") => pattern = (v != b"*").then_some(v),
            Some(v) if opt.eq_ignore_ascii_case(b"type") => type_name = Some(v),
            _ => {
                ctx.reply.error(errors::SYNTAX);
                return;
            }
        }
        i += 2;
    }

    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let len = db.len();
    let mut next: usize = 0;
    let mut found: Vec<Key> = Vec::new();
    if len > 0 {
        let top = match cursor {
            0 => len - 1,
            c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
        };
        let visit = usize::try_from(count).unwrap_or(usize::MAX).min(top + 1);
        let bottom = top + 1 - visit;
        for index in (bottom..=top).rev() {
            if let Some((key, _)) = db.entry_at(index) {
                if pattern.is_none_or(|p| glob_match(p, key, false)) {
                    found.push(key.clone());
                }
            }
        }
        next = bottom;
    }
    // Filtering may remove expired keys; each removal moves the last entry into a hole at or
    // above `bottom`, so nothing below `bottom` (still to visit) moves.
    found.retain(|key| {
        if let Some(wanted) = type_name {
            let actual = match db.get(key, now) {
                Some(value) => {
                    stats.keyspace_hits += 1;
                    value.type_name()
                }
                None => {
                    stats.keyspace_misses += 1;
                    db.notify(crate::notify::KEY_MISS, "keymiss", key);
                    "none"
                }
            };
            if !actual.as_bytes().eq_ignore_ascii_case(wanted) {
                return false;
            }
        }
        !db.expire_if_needed(key, now)
    });
    reply.array(2);
    reply.bulk(next.to_string().as_bytes());
    reply.array(found.len());
    for key in &found {
        reply.bulk(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::per_key::del;
    use crate::keys::test_support::{put, run, shard_with};
    use crate::shard::Shard;
    use std::collections::HashSet;

    /// The keys of a SCAN reply and its cursor.
    fn parse_scan(reply: &str) -> (u64, Vec<String>) {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        assert_eq!(lines[0], "*2", "{reply}");
        let cursor = lines[2].parse().unwrap();
        let n: usize = lines[3][1..].parse().unwrap();
        let keys = (0..n).map(|i| lines[5 + 2 * i].to_string()).collect();
        (cursor, keys)
    }

    #[test]
    fn cursor_parses_like_strtoul() {
        assert_eq!(parse_cursor(b"0"), Some(0));
        assert_eq!(parse_cursor(b""), Some(0));
        assert_eq!(parse_cursor(b"007"), Some(7));
        assert_eq!(parse_cursor(b"+5"), Some(5));
        assert_eq!(parse_cursor(b"-1"), Some(u64::MAX));
        assert_eq!(parse_cursor(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_cursor(b"5\0junk"), Some(5));
        for bad in [
            &b"18446744073709551616"[..],
            b" 1",
            b"1 ",
            b"x",
            b"+",
            b"-",
            b"1.5",
            b"0x1",
        ] {
            assert_eq!(parse_cursor(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn scan_errors() {
        let mut s = shard_with(&["a"]);
        let syntax = "-ERR syntax error\r\n";
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "x"]),
            "-ERR invalid cursor\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "x", "count", "0"]),
            "-ERR invalid cursor\r\n"
        );
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "count", "0"]), syntax);
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "count", "-1", "match", "x"]),
            syntax
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "count", "1", "count", "0"]),
            syntax
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "count", "x"]),
            "-ERR value is not an integer or out of range\r\n"
        );
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "match"]), syntax);
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "type"]), syntax);
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "foo", "bar"]), syntax);
    }

    #[test]
    fn scan_replies_like_redis() {
        let mut s = Shard::new(16, 1);
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        put(&mut s, 0, "a", "v", None);
        put(&mut s, 0, "bb", "v", None);
        // Index 1 ("bb") first, then index 0.
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nbb\r\n$1\r\na\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "COUNT", "1"]),
            "*2\r\n$1\r\n1\r\n*1\r\n$2\r\nbb\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "1", "COUNT", "1"]),
            "*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n"
        );
        // A cursor past the end (the db shrank) restarts at the last index.
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "99", "count", "1"]),
            "*2\r\n$1\r\n1\r\n*1\r\n$2\r\nbb\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "MATCH", "b*"]),
            "*2\r\n$1\r\n0\r\n*1\r\n$2\r\nbb\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "MATCH", "*", "COUNT", "5"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nbb\r\n$1\r\na\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "MATCH", "z*", "count", "1"]),
            "*2\r\n$1\r\n1\r\n*0\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "TYPE", "STRING"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nbb\r\n$1\r\na\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "TYPE", "list"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        assert_eq!(s.stats.keyspace_hits, 4);
    }

    #[test]
    fn scan_skips_and_removes_expired_keys() {
        let mut s = Shard::new(16, 1);
        put(&mut s, 0, "live", "v", None);
        put(&mut s, 0, "dead", "v", Some(10));
        put(&mut s, 0, "soon", "v", Some(20));
        let (cursor, keys) = parse_scan(&run(&mut s, 11, scan, &["SCAN", "0"]));
        assert_eq!(cursor, 0);
        assert_eq!(keys, ["soon", "live"]);
        assert_eq!((s.dbs[0].len(), s.dbs[0].expired_keys), (2, 1));
    }

    #[test]
    fn scan_walks_everything_in_small_steps() {
        let mut s = Shard::new(16, 1);
        for i in 0..1000 {
            put(&mut s, 0, &format!("k{i}"), "v", None);
        }
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        let mut calls = 0;
        loop {
            let (next, keys) = parse_scan(&run(&mut s, 0, scan, &["SCAN", &cursor, "COUNT", "7"]));
            assert!(keys.len() <= 7);
            seen.extend(keys);
            calls += 1;
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        assert_eq!(seen.len(), 1000);
        assert_eq!(calls, 1000usize.div_ceil(7));
    }

    /// The SCAN guarantee: a key present for the whole scan is returned, however many other
    /// keys are deleted (visited or not) between the calls.
    #[test]
    fn scan_returns_stable_keys_despite_deletions() {
        let mut s = Shard::new(16, 9);
        let n = 2000;
        for i in 0..n {
            put(&mut s, 0, &format!("k{i}"), "v", None);
        }
        // Keys with an odd number get deleted during the scan, in an order unrelated to the
        // index walk; the even ones stay and must all be returned.
        let mut doomed: Vec<usize> = (0..n).filter(|i| i % 2 == 1).collect();
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        loop {
            let (next, keys) = parse_scan(&run(&mut s, 0, scan, &["SCAN", &cursor, "COUNT", "13"]));
            seen.extend(keys);
            for _ in 0..7 {
                if doomed.is_empty() {
                    break;
                }
                let pick = s.rng.below(doomed.len());
                let victim = doomed.swap_remove(pick);
                let key = format!("k{victim}");
                assert_eq!(run(&mut s, 0, del, &["DEL", &key]), ":1\r\n");
            }
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        for i in (0..n).step_by(2) {
            assert!(seen.contains(&format!("k{i}")), "k{i} missed");
        }
        // Also with the db shrinking below the cursor and new keys arriving mid-scan.
        let mut s = Shard::new(16, 5);
        for i in 0..100 {
            put(&mut s, 0, &format!("k{i}"), "v", None);
        }
        let (next, _) = parse_scan(&run(&mut s, 0, scan, &["SCAN", "0", "COUNT", "10"]));
        for i in 0..80 {
            if i % 4 != 0 {
                run(&mut s, 0, del, &["DEL", &format!("k{i}")]);
            }
        }
        put(&mut s, 0, "new", "v", None);
        let mut seen = HashSet::new();
        let mut cursor = next.to_string();
        loop {
            let (next, keys) = parse_scan(&run(&mut s, 0, scan, &["SCAN", &cursor, "COUNT", "10"]));
            seen.extend(keys);
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        // Never deleted and not in the first batch (k90..k99): every fourth of k0..k79, and
        // k80..k89.
        for i in (0..80).step_by(4).chain(80..90) {
            assert!(seen.contains(&format!("k{i}")), "k{i} missed");
        }
    }
}
