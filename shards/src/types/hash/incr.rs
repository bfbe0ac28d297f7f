//! The commands that add to a field's number: HINCRBY, HINCRBYFLOAT.

use super::value::Hash;
use super::{hash_for_set, limits};
use crate::errors;
use crate::lookup;
use crate::reply::format_i64;
use crate::shard::Ctx;
use crate::util::{parse_i64, LongDouble};
use bytes::Bytes;

/// Adds `increment` to the integer in `field` (0 when missing) and replies with the sum.
///
/// ```text
/// HINCRBY key field increment
/// ```
pub fn hincrby(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let limits = limits(ctx);
    let Some(incr) = parse_i64(&args[3]) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    let (key, field) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Ok(h) = lookup::write::<Hash>(db, key, now) else {
        return reply.error(errors::WRONGTYPE);
    };
    let current = match h.and_then(|h| h.get(field)) {
        None => 0,
        Some(v) => match parse_i64(v) {
            Some(n) => n,
            None => {
                reply.error(errors::HASH_VALUE_NOT_INTEGER);
                return;
            }
        },
    };
    let Some(sum) = current.checked_add(incr) else {
        reply.error(errors::OVERFLOW);
        return;
    };
    let mut digits = [0u8; 20];
    let text = format_i64(sum, &mut digits);
    if let Some(h) = hash_for_set(db, key, now) {
        h.set(field, text, limits);
    }
    reply.int(sum);
    ctx.notify(crate::notify::HASH, "hincrby", key);
}

/// Adds `increment` to the number in `field` (0 when missing) in `long double` precision, as
/// INCRBYFLOAT does, and replies with the sum as stored.
///
/// ```text
/// HINCRBYFLOAT key field increment
/// ```
pub fn hincrbyfloat(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let limits = limits(ctx);
    let Some(incr) = LongDouble::parse(&args[3]) else {
        ctx.reply.error(errors::NOT_FLOAT);
        return;
    };
    if incr.is_infinite() {
        ctx.reply.error(errors::HASH_INCR_NAN_OR_INF);
        return;
    }
    let (key, field) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Ok(h) = lookup::write::<Hash>(db, key, now) else {
        return reply.error(errors::WRONGTYPE);
    };
    let current = match h.and_then(|h| h.get(field)) {
        None => LongDouble::ZERO,
        Some(v) => match LongDouble::parse(v) {
            Some(n) => n,
            None => {
                reply.error(errors::HASH_VALUE_NOT_FLOAT);
                return;
            }
        },
    };
    let Some(sum) = current.checked_add(incr) else {
        reply.error(errors::INCR_NAN);
        return;
    };
    let text = sum.to_human();
    if let Some(h) = hash_for_set(db, key, now) {
        h.set(field, text.as_bytes(), limits);
    }
    reply.bulk(text.as_bytes());
    ctx.notify(crate::notify::HASH, "hincrbyfloat", key);
}

#[cfg(test)]
mod tests {
    use super::{hincrby, hincrbyfloat};
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::hash::test_bench::*;
    use crate::types::hash::{hget, hset};
    use crate::types::string;

    #[test]
    fn hincrby_counts_and_errors() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "n", "5"]), int(5));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "n", "-7"]), int(-2));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "n"]), bulk("-2"));
        let not_int = err(errors::NOT_INTEGER);
        for bad in [
            "x",
            "",
            "1.5",
            " 1",
            "+1",
            "01",
            "-0",
            "9223372036854775808",
        ] {
            assert_eq!(
                run(&mut s, hincrby, &["HINCRBY", "h", "n", bad]),
                not_int,
                "{bad}"
            );
            assert_eq!(
                run(&mut s, hincrby, &["HINCRBY", "new", "n", bad]),
                not_int,
                "{bad}"
            );
        }
        assert!(!s.dbs[0].contains(b"new", 0));
        let not_hash_int = err("ERR hash value is not an integer");
        for stored in [
            "1.5",
            "-0",
            "+1",
            "007",
            " 1",
            "abc",
            "",
            "9223372036854775808",
        ] {
            let created = (stored == "1.5") as i64;
            assert_eq!(run(&mut s, hset, &["HSET", "h", "s", stored]), int(created));
            assert_eq!(
                run(&mut s, hincrby, &["HINCRBY", "h", "s", "1"]),
                not_hash_int,
                "{stored:?}"
            );
            assert_eq!(run(&mut s, hget, &["HGET", "h", "s"]), bulk(stored));
        }
        let overflow = err(errors::OVERFLOW);
        assert_eq!(
            run(
                &mut s,
                hincrby,
                &["HINCRBY", "h", "m", "9223372036854775807"]
            ),
            int(i64::MAX)
        );
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "m", "1"]), overflow);
        assert_eq!(
            run(&mut s, hincrby, &["HINCRBY", "h", "m", "0"]),
            int(i64::MAX)
        );
        assert_eq!(
            run(
                &mut s,
                hincrby,
                &["HINCRBY", "h", "m", "-9223372036854775808"]
            ),
            int(-1)
        );
        assert_eq!(
            run(
                &mut s,
                hincrby,
                &["HINCRBY", "h", "m", "-9223372036854775807"]
            ),
            int(i64::MIN)
        );
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "m", "-1"]), overflow);
        assert_eq!(
            run(&mut s, hget, &["HGET", "h", "m"]),
            bulk("-9223372036854775808")
        );
        // The increment is checked before the type.
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "str", "f", "x"]), not_int);
    }

    #[test]
    fn hincrbyfloat_adds_in_long_double() {
        let mut s = shard(1);
        let incr = |s: &mut Shard, by: &str| run(s, hincrbyfloat, &["HINCRBYFLOAT", "h", "f", by]);
        assert_eq!(incr(&mut s, "0.1"), bulk("0.1"));
        assert_eq!(incr(&mut s, "0.2"), bulk("0.3"));
        assert_eq!(incr(&mut s, "-0.3"), bulk("0"));
        assert_eq!(incr(&mut s, "1.5e3"), bulk("1500"));
        assert_eq!(incr(&mut s, "0x1p3"), bulk("1508"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "f"]), bulk("1508"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f", "10.5"]), int(0));
        assert_eq!(incr(&mut s, "0.1"), bulk("10.6"));
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "f", "-9223372036854775808"]),
            int(0)
        );
        assert_eq!(incr(&mut s, "-1"), bulk("-9223372036854775809"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f", "1"]), int(0));
        assert_eq!(incr(&mut s, "-1.1"), bulk("-0.1"));
        assert_eq!(incr(&mut s, "1e-30"), bulk("-0.1"));
        let not_float = err(errors::NOT_FLOAT);
        for bad in ["x", "", " 1", "1 ", "nan", "1e5000", "0x", "--1"] {
            assert_eq!(incr(&mut s, bad), not_float, "{bad:?}");
            assert_eq!(
                run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "new", "f", bad]),
                not_float
            );
        }
        let inf = err("ERR value is NaN or Infinity");
        for bad in ["inf", "-inf", "+Infinity"] {
            assert_eq!(incr(&mut s, bad), inf, "{bad:?}");
            assert_eq!(
                run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "new", "f", bad]),
                inf
            );
        }
        assert!(!s.dbs[0].contains(b"new", 0));
        let not_hash_float = err("ERR hash value is not a float");
        for stored in ["abc", "", " 1", "1.5x", "nan"] {
            let created = (stored == "abc") as i64;
            assert_eq!(run(&mut s, hset, &["HSET", "h", "s", stored]), int(created));
            assert_eq!(
                run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "h", "s", "1"]),
                not_hash_float,
                "{stored:?}"
            );
        }
        let nan = err(errors::INCR_NAN);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "i", "inf"]), int(1));
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "h", "i", "1"]),
            nan
        );
        assert_eq!(
            run(
                &mut s,
                hset,
                &["HSET", "h", "big", "1.18973149535723176502e+4932"]
            ),
            int(1)
        );
        assert_eq!(
            run(
                &mut s,
                hincrbyfloat,
                &["HINCRBYFLOAT", "h", "big", "1e4932"]
            ),
            nan
        );
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "str", "f", "x"]),
            not_float
        );
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "str", "f", "inf"]),
            inf
        );
    }
}
