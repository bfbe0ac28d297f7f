//! The commands over parts of a value: APPEND, STRLEN, GETRANGE, SETRANGE.

use crate::errors;
use crate::lookup::read_value as lookup_read;
use crate::shard::Ctx;
use crate::util::parse_i64;
use crate::value::Value;
use bytes::Bytes;

/// Refuses a string of `base + extra` bytes that would pass proto-max-bulk-len
/// (`STRING_TOO_LONG`), as Redis's `checkStringLength`, overflow included.
fn check_string_length(limit: u64, base: u64, extra: u64) -> Result<(), &'static str> {
    match base.checked_add(extra) {
        Some(total) if total <= limit => Ok(()),
        _ => Err(errors::STRING_TOO_LONG),
    }
}

/// Appends `value` to the string at `key` (creating it, even empty, when missing); replies
/// with the new length.
///
/// ```text
/// APPEND key value
/// ```
pub fn append(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let (key, value) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let limit = ctx.shard.limits.proto_max_bulk_len;
    let (db, _, reply) = ctx.parts();
    match db.get_mut(key, now) {
        None => {
            db.set(key, Value::string(value));
            reply.int(value.len() as i64);
        }
        Some(existing) => {
            let Some(s) = existing.string_mut() else {
                reply.error(errors::WRONGTYPE);
                return;
            };
            if let Err(e) = check_string_length(limit, s.len() as u64, value.len() as u64) {
                return reply.error(e);
            }
            s.extend_from_slice(value);
            reply.int(s.len() as i64);
        }
    }
    ctx.notify(crate::notify::STRING, "append", key);
}

/// Replies with the length of the string at `key` (0 when missing).
///
/// ```text
/// STRLEN key
/// ```
pub fn strlen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup_read(db, stats, &args[1], now) {
        None => reply.int(0),
        Some(value) => match value.string_bytes() {
            Some(s) => reply.int(s.len() as i64),
            None => reply.error(errors::WRONGTYPE),
        },
    }
}

/// The byte range `start..=end` of a string of `len` bytes by Redis 7.0's GETRANGE rules:
/// negative indexes count from the end, both are clamped to the string, two negative
/// indexes in the wrong order select nothing. `None` for an empty selection.
fn substr_range(len: usize, start: i64, end: i64) -> Option<(usize, usize)> {
    if start < 0 && end < 0 && start > end {
        return None;
    }
    let len = len as i64;
    let start = if start < 0 { start + len } else { start }.max(0);
    let end = if end < 0 { end + len } else { end }.max(0).min(len - 1);
    if start > end || len == 0 {
        return None;
    }
    Some((start as usize, end as usize))
}

/// Replies with the bytes of the string at `key` from `start` to `end` inclusive (an empty
/// string when the key is missing or the range selects nothing).
///
/// ```text
/// GETRANGE key start end
/// ```
pub fn getrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let (Some(start), Some(end)) = (parse_i64(&args[2]), parse_i64(&args[3])) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Some(value) = lookup_read(db, stats, &args[1], now) else {
        reply.bulk(b"");
        return;
    };
    let Some(s) = value.string_bytes() else {
        reply.error(errors::WRONGTYPE);
        return;
    };
    match substr_range(s.len(), start, end) {
        Some((from, to)) => reply.bulk(&s[from..=to]),
        None => reply.bulk(b""),
    }
}

/// Overwrites the string at `key` from `offset` with `value`, padding with zero bytes when
/// the string is shorter; replies with the new length. An empty `value` changes nothing (and
/// creates no key).
///
/// ```text
/// SETRANGE key offset value
/// ```
pub fn setrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(offset) = parse_i64(&args[2]) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    if offset < 0 {
        ctx.reply.error(errors::OFFSET_RANGE);
        return;
    }
    let (key, value) = (&args[1][..], &args[3][..]);
    let now = ctx.now;
    let limit = ctx.shard.limits.proto_max_bulk_len;
    let (db, _, reply) = ctx.parts();
    match db.get_mut(key, now) {
        None => {
            if value.is_empty() {
                reply.int(0);
                return;
            }
            if let Err(e) = check_string_length(limit, offset as u64, value.len() as u64) {
                return reply.error(e);
            }
            // Within proto-max-bulk-len, so within memory's reach.
            let offset = offset as usize;
            let mut s = vec![0u8; offset + value.len()];
            s[offset..].copy_from_slice(value);
            reply.int(s.len() as i64);
            db.set(key, Value::Str(s));
        }
        Some(existing) => {
            let Some(s) = existing.string_mut() else {
                reply.error(errors::WRONGTYPE);
                return;
            };
            if value.is_empty() {
                reply.int(s.len() as i64);
                return;
            }
            if let Err(e) = check_string_length(limit, offset as u64, value.len() as u64) {
                return reply.error(e);
            }
            let offset = offset as usize;
            let end = offset + value.len();
            if s.len() < end {
                s.resize(end, 0);
            }
            s[offset..end].copy_from_slice(value);
            reply.int(s.len() as i64);
        }
    }
    ctx.notify(crate::notify::STRING, "setrange", key);
}

#[cfg(test)]
mod tests {
    use super::{append, getrange, setrange, strlen};
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::string::test_bench::*;
    use crate::types::string::{get, incr, set, setex};

    #[test]
    fn append_and_strlen() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, strlen, &["STRLEN", "k"]), ":0\r\n");
        assert_eq!(run(&mut s, 0, append, &["APPEND", "k", ""]), ":0\r\n");
        assert!(s.dbs[0].contains(b"k", 0));
        assert_eq!(run(&mut s, 0, append, &["APPEND", "k", "Hello"]), ":5\r\n");
        assert_eq!(
            run(&mut s, 0, append, &["APPEND", "k", " World"]),
            ":11\r\n"
        );
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), bulk("Hello World"));
        assert_eq!(run(&mut s, 0, strlen, &["STRLEN", "k"]), ":11\r\n");
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "n", "10", "1"]), OK);
        assert_eq!(run(&mut s, 0, append, &["APPEND", "n", "0"]), ":2\r\n");
        assert_eq!(run(&mut s, 0, incr, &["INCR", "n"]), ":11\r\n");
        assert_eq!(s.dbs[0].expire_at(b"n"), Some(10_000));
        assert_eq!(run(&mut s, 10_001, append, &["APPEND", "n", "x"]), ":1\r\n");
        assert_eq!(run(&mut s, 10_001, strlen, &["STRLEN", "n"]), ":1\r\n");
        assert_eq!(stats(&s), (3, 1));
    }

    #[test]
    fn append_and_setrange_respect_proto_max_bulk_len() {
        let mut s = Shard::new(16, 1);
        s.limits.proto_max_bulk_len = 10;
        let too_long = err(errors::STRING_TOO_LONG);
        assert_eq!(
            too_long,
            "-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n"
        );
        // A new key is created whatever its length, as in Redis.
        assert_eq!(
            run(&mut s, 0, append, &["APPEND", "k", "0123456789AB"]),
            ":12\r\n"
        );
        assert_eq!(run(&mut s, 0, append, &["APPEND", "k", "C"]), too_long);
        assert_eq!(run(&mut s, 0, append, &["APPEND", "j", "01234"]), ":5\r\n");
        assert_eq!(run(&mut s, 0, append, &["APPEND", "j", "56789"]), ":10\r\n");
        assert_eq!(run(&mut s, 0, append, &["APPEND", "j", "X"]), too_long);
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "j", "9", "X"]),
            ":10\r\n"
        );
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "j", "9", "XY"]),
            too_long
        );
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "new", "10", "X"]),
            too_long
        );
        assert_eq!(
            run(
                &mut s,
                0,
                setrange,
                &["SETRANGE", "new", "9223372036854775807", "X"]
            ),
            too_long
        );
        assert_eq!(
            run(
                &mut s,
                0,
                setrange,
                &["SETRANGE", "new", "9223372036854775807", ""]
            ),
            ":0\r\n"
        );
        assert!(!s.dbs[0].contains(b"new", 0));
        assert_eq!(run(&mut s, 0, get, &["GET", "j"]), bulk("012345678X"));
    }

    #[test]
    fn setrange_overwrites_and_pads() {
        let mut s = Shard::new(16, 1);
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "0", ""]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "5", ""]),
            ":0\r\n"
        );
        assert!(s.dbs[0].is_empty());
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "3", "ab"]),
            ":5\r\n"
        );
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), bulk("\0\0\0ab"));
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "1", "Z"]),
            ":5\r\n"
        );
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "10", ""]),
            ":5\r\n"
        );
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "4", "XYZ"]),
            ":7\r\n"
        );
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), bulk("\0Z\0aXYZ"));
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "-1", "x"]),
            err(errors::OFFSET_RANGE)
        );
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "k", "x", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(
                &mut s,
                0,
                setrange,
                &["SETRANGE", "k", "9223372036854775808", "x"]
            ),
            err(errors::NOT_INTEGER)
        );
        // The expiry time is kept; an expired key is a new one.
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "t", "1", "Hello"]), OK);
        assert_eq!(
            run(&mut s, 0, setrange, &["SETRANGE", "t", "0", "J"]),
            ":5\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"t"), Some(1000));
        assert_eq!(
            run(&mut s, 1001, setrange, &["SETRANGE", "t", "1", "x"]),
            ":2\r\n"
        );
        assert_eq!(run(&mut s, 1001, get, &["GET", "t"]), bulk("\0x"));
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
    }

    #[test]
    fn getrange_follows_redis_7_0() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "g", "Hello World"]), OK);
        let cases = [
            ("0", "3", "Hell"),
            ("-3", "-1", "rld"),
            ("0", "-1", "Hello World"),
            ("10", "100", "d"),
            ("-1", "-5", ""),
            ("5", "3", ""),
            ("-100", "-50", "H"),
            ("-50", "-100", ""),
            ("-5", "-100", ""),
            ("0", "-100", "H"),
            ("-100", "0", "H"),
            ("-100", "2", "Hel"),
            ("11", "12", ""),
            ("-1", "-1", "d"),
            ("0", "9223372036854775807", "Hello World"),
            ("-9223372036854775808", "-1", "Hello World"),
            ("9223372036854775807", "-9223372036854775808", ""),
        ];
        for (start, end, want) in cases {
            assert_eq!(
                run(&mut s, 0, getrange, &["GETRANGE", "g", start, end]),
                bulk(want),
                "{start} {end}"
            );
        }
        assert_eq!(run(&mut s, 0, set, &["SET", "e", ""]), OK);
        assert_eq!(
            run(&mut s, 0, getrange, &["GETRANGE", "e", "0", "-1"]),
            bulk("")
        );
        assert_eq!(
            run(&mut s, 0, getrange, &["GETRANGE", "e", "-1", "0"]),
            bulk("")
        );
        assert_eq!(
            run(&mut s, 0, getrange, &["GETRANGE", "nope", "0", "-1"]),
            bulk("")
        );
        let not_int = err(errors::NOT_INTEGER);
        assert_eq!(
            run(&mut s, 0, getrange, &["GETRANGE", "g", "x", "1"]),
            not_int
        );
        assert_eq!(
            run(&mut s, 0, getrange, &["GETRANGE", "g", "1", "x"]),
            not_int
        );
        assert_eq!(
            run(&mut s, 0, getrange, &["GETRANGE", "nope", "x", "1"]),
            not_int
        );
        assert_eq!(
            run(
                &mut s,
                0,
                getrange,
                &["GETRANGE", "g", "9223372036854775808", "1"]
            ),
            not_int
        );
        // Hits and misses: the failed parses looked nothing up.
        assert_eq!(stats(&s), (cases.len() as u64 + 2, 1));
    }
}
