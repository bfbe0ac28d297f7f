//! The counters: INCR, DECR, INCRBY, DECRBY, INCRBYFLOAT.

use crate::errors;
use crate::shard::Ctx;
use crate::util::{parse_i64, LongDouble};
use crate::value::Value;
use bytes::Bytes;

/// A string value holding the decimal text of `n`, as Redis stores counters: an integer.
fn int_value(n: i64) -> Value {
    Value::Int(n)
}

/// Adds `incr` to the integer at `key` (0 when missing), keeping its expiry time, as Redis's
/// `incrDecrCommand`.
fn incr_decr(ctx: &mut Ctx<'_>, key: &[u8], incr: i64) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let current = match db.get(key, now) {
        None => 0,
        Some(value) => match value.string_bytes() {
            None => {
                reply.error(errors::WRONGTYPE);
                return;
            }
            Some(s) => match parse_i64(&s) {
                Some(n) => n,
                None => {
                    reply.error(errors::NOT_INTEGER);
                    return;
                }
            },
        },
    };
    let Some(value) = current.checked_add(incr) else {
        reply.error(errors::OVERFLOW);
        return;
    };
    db.set_keep_ttl(key, int_value(value));
    reply.int(value);
    ctx.notify(crate::notify::STRING, "incrby", key);
}

/// Adds one to the integer at `key`.
///
/// ```text
/// INCR key
/// ```
pub fn incr(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    incr_decr(ctx, &args[1], 1);
}

/// Subtracts one from the integer at `key`.
///
/// ```text
/// DECR key
/// ```
pub fn decr(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    incr_decr(ctx, &args[1], -1);
}

/// Adds `increment` to the integer at `key`.
///
/// ```text
/// INCRBY key increment
/// ```
pub fn incrby(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(incr) = parse_i64(&args[2]) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    incr_decr(ctx, &args[1], incr);
}

/// Subtracts `decrement` from the integer at `key`.
///
/// ```text
/// DECRBY key decrement
/// ```
pub fn decrby(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(decr) = parse_i64(&args[2]) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    if decr == i64::MIN {
        ctx.reply.error(errors::DECR_OVERFLOW);
        return;
    }
    incr_decr(ctx, &args[1], -decr);
}

/// Adds `increment` to the number at `key` (0 when missing) in C `long double` precision,
/// as Redis does, and stores and replies with the sum printed `%.17Lf` without trailing
/// zeros; the expiry time is kept. See [`LongDouble`].
///
/// ```text
/// INCRBYFLOAT key increment
/// ```
pub fn incrbyfloat(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let key = &args[1][..];
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let current = match db.get(key, now) {
        None => LongDouble::ZERO,
        Some(value) => match value.string_bytes() {
            None => {
                reply.error(errors::WRONGTYPE);
                return;
            }
            Some(s) => match LongDouble::parse(&s) {
                Some(v) => v,
                None => {
                    reply.error(errors::NOT_FLOAT);
                    return;
                }
            },
        },
    };
    let Some(incr) = LongDouble::parse(&args[2]) else {
        reply.error(errors::NOT_FLOAT);
        return;
    };
    let Some(sum) = current.checked_add(incr) else {
        reply.error(errors::INCR_NAN);
        return;
    };
    let text = sum.to_human();
    db.set_keep_ttl(key, Value::string(text.as_bytes()));
    reply.bulk(text.as_bytes());
    ctx.notify(crate::notify::STRING, "incrbyfloat", key);
}

#[cfg(test)]
mod tests {
    use super::{decr, decrby, incr, incrby, incrbyfloat};
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::string::test_bench::*;
    use crate::types::string::{get, psetex, set, setex};

    #[test]
    fn counters() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, incr, &["INCR", "n"]), ":1\r\n");
        assert_eq!(run(&mut s, 0, incrby, &["INCRBY", "n", "10"]), ":11\r\n");
        assert_eq!(run(&mut s, 0, decr, &["DECR", "n"]), ":10\r\n");
        assert_eq!(run(&mut s, 0, decrby, &["DECRBY", "n", "15"]), ":-5\r\n");
        assert_eq!(run(&mut s, 0, get, &["GET", "n"]), bulk("-5"));
        assert_eq!(run(&mut s, 0, decr, &["DECR", "m"]), ":-1\r\n");
        assert_eq!(run(&mut s, 0, decrby, &["DECRBY", "o", "-7"]), ":7\r\n");
        assert_eq!(run(&mut s, 0, incrby, &["INCRBY", "p", "-7"]), ":-7\r\n");
        // The expiry time is kept.
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "t", "10", "41"]), OK);
        assert_eq!(run(&mut s, 0, incr, &["INCR", "t"]), ":42\r\n");
        assert_eq!(s.dbs[0].expire_at(b"t"), Some(10_000));
        assert_eq!(run(&mut s, 10_001, incr, &["INCR", "t"]), ":1\r\n");
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
        assert_eq!(stats(&s), (1, 0));
    }

    #[test]
    fn counter_errors() {
        let mut s = Shard::new(16, 1);
        let not_int = err(errors::NOT_INTEGER);
        for stored in [
            "1.5",
            " 1",
            "1 ",
            "+1",
            "01",
            "-0",
            "",
            "abc",
            "99999999999999999999",
        ] {
            assert_eq!(run(&mut s, 0, set, &["SET", "k", stored]), OK);
            assert_eq!(run(&mut s, 0, incr, &["INCR", "k"]), not_int, "{stored:?}");
        }
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "0"]), OK);
        assert_eq!(run(&mut s, 0, incr, &["INCR", "k"]), ":1\r\n");
        for bad in ["x", "1.5", "", " 1", "+1", "9223372036854775808"] {
            assert_eq!(
                run(&mut s, 0, incrby, &["INCRBY", "k", bad]),
                not_int,
                "{bad:?}"
            );
            assert_eq!(
                run(&mut s, 0, decrby, &["DECRBY", "k", bad]),
                not_int,
                "{bad:?}"
            );
            assert_eq!(
                run(&mut s, 0, incrby, &["INCRBY", "missing", bad]),
                not_int,
                "{bad:?}"
            );
        }
        assert!(!s.dbs[0].contains(b"missing", 0));
        let overflow = err(errors::OVERFLOW);
        assert_eq!(
            run(&mut s, 0, set, &["SET", "max", "9223372036854775807"]),
            OK
        );
        assert_eq!(run(&mut s, 0, incr, &["INCR", "max"]), overflow);
        assert_eq!(
            run(&mut s, 0, incrby, &["INCRBY", "max", "0"]),
            ":9223372036854775807\r\n"
        );
        assert_eq!(
            run(&mut s, 0, set, &["SET", "min", "-9223372036854775808"]),
            OK
        );
        assert_eq!(run(&mut s, 0, decr, &["DECR", "min"]), overflow);
        assert_eq!(run(&mut s, 0, decrby, &["DECRBY", "min", "1"]), overflow);
        assert_eq!(run(&mut s, 0, incrby, &["INCRBY", "min", "-1"]), overflow);
        assert_eq!(
            run(&mut s, 0, incrby, &["INCRBY", "min", "9223372036854775807"]),
            ":-1\r\n"
        );
        assert_eq!(
            run(&mut s, 0, decrby, &["DECRBY", "k", "-9223372036854775808"]),
            err(errors::DECR_OVERFLOW)
        );
        assert_eq!(
            run(&mut s, 0, decrby, &["DECRBY", "k", "9223372036854775807"]),
            ":-9223372036854775806\r\n"
        );
        assert_eq!(
            run(&mut s, 0, get, &["GET", "max"]),
            bulk("9223372036854775807")
        );
    }

    #[test]
    fn incrbyfloat_adds_in_long_double() {
        let mut s = Shard::new(16, 1);
        let incr = |s: &mut Shard, by: &str| run(s, 0, incrbyfloat, &["INCRBYFLOAT", "f", by]);
        assert_eq!(incr(&mut s, "0.1"), bulk("0.1"));
        assert_eq!(incr(&mut s, "0.2"), bulk("0.3"));
        assert_eq!(incr(&mut s, "-0.3"), bulk("0"));
        assert_eq!(incr(&mut s, "1.5e3"), bulk("1500"));
        assert_eq!(incr(&mut s, "0x1p3"), bulk("1508"));
        // As in Redis: 1508.00003 is not exact in a long double either.
        assert_eq!(incr(&mut s, "-1508.00003"), bulk("-0.00002999999999997"));
        assert_eq!(run(&mut s, 0, set, &["SET", "f", "1"]), OK);
        assert_eq!(incr(&mut s, "-1.1"), bulk("-0.1"));
        assert_eq!(run(&mut s, 0, set, &["SET", "f", "10.5"]), OK);
        assert_eq!(incr(&mut s, "0.1"), bulk("10.6"));
        assert_eq!(run(&mut s, 0, set, &["SET", "f", "17179869184"]), OK);
        assert_eq!(incr(&mut s, "1.5"), bulk("17179869185.5"));
        assert_eq!(run(&mut s, 0, set, &["SET", "f", "0"]), OK);
        assert_eq!(incr(&mut s, "1e-20"), bulk("0"));
        assert_eq!(incr(&mut s, "-0.0"), bulk("0"));
        assert_eq!(incr(&mut s, "1e20"), bulk("100000000000000000000"));
        assert_eq!(
            run(&mut s, 0, get, &["GET", "f"]),
            bulk("100000000000000000000")
        );
        // The expiry time is kept.
        assert_eq!(run(&mut s, 0, psetex, &["PSETEX", "t", "100", "1"]), OK);
        assert_eq!(
            run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "t", "1"]),
            bulk("2")
        );
        assert_eq!(s.dbs[0].expire_at(b"t"), Some(100));
        assert_eq!(
            run(&mut s, 101, incrbyfloat, &["INCRBYFLOAT", "t", "1"]),
            bulk("1")
        );
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
        assert_eq!(stats(&s), (1, 0));
    }

    #[test]
    fn incrbyfloat_errors() {
        let mut s = Shard::new(16, 1);
        let not_float = err(errors::NOT_FLOAT);
        for bad in [
            "x", "", " 1", "1 ", "1e", "nan", "1e5000", "1e-5000", "0x", "1.5\0", "--1",
        ] {
            assert_eq!(
                run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "f", bad]),
                not_float,
                "{bad:?}"
            );
            assert_eq!(run(&mut s, 0, set, &["SET", "g", bad]), OK);
            assert_eq!(
                run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "g", "1"]),
                not_float,
                "{bad:?}"
            );
        }
        assert!(!s.dbs[0].contains(b"f", 0));
        let nan = err(errors::INCR_NAN);
        assert_eq!(
            run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "f", "inf"]),
            nan
        );
        assert_eq!(
            run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "f", "-Infinity"]),
            nan
        );
        assert_eq!(
            run(
                &mut s,
                0,
                set,
                &["SET", "f", "1.18973149535723176502e+4932"]
            ),
            OK
        );
        assert_eq!(
            run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "f", "1e4932"]),
            nan
        );
        assert_eq!(run(&mut s, 0, set, &["SET", "f", "+inf"]), OK);
        assert_eq!(run(&mut s, 0, incrbyfloat, &["INCRBYFLOAT", "f", "1"]), nan);
        assert_eq!(run(&mut s, 0, get, &["GET", "f"]), bulk("+inf"));
    }
}
