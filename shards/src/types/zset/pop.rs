//! Popping the lowest or highest members: ZPOPMIN, ZPOPMAX, ZMPOP, and the blocking forms
//! BZPOPMIN, BZPOPMAX and BZMPOP. The blocking forms here are only the attempt: served, they
//! reply as Redis does; empty-handed, they give Redis's timeout reply and the server blocks
//! the client (docs/architecture.md, "Blocking commands").

use super::parse::parse_timeout;
use super::ZSet;
use super::{delete_if_empty, is};
use crate::aof;
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use crate::util::parse_i64;
use bytes::Bytes;

/// ```text
/// ZPOPMIN key [count]
/// ```
pub fn zpopmin(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zpop_min_max(ctx, args, false);
}

/// ```text
/// ZPOPMAX key [count]
/// ```
pub fn zpopmax(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zpop_min_max(ctx, args, true);
}

/// `zpopMinMaxCommand`.
fn zpop_min_max(ctx: &mut Ctx<'_>, args: &[Bytes], max: bool) {
    if args.len() > 3 {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    let mut count = -1;
    if args.len() == 3 {
        // `getPositiveLongFromObjectOrReply`: one error for "not an integer" and "negative".
        match parse_i64(&args[2]) {
            Some(n) if n >= 0 => count = n,
            _ => return ctx.reply.error(errors::ZSET_NOT_POSITIVE),
        }
    }
    let nested = ctx.reply.resp3() && count != -1;
    generic_zpop(ctx, &args[1..2], max, false, count, nested, false);
}

/// Redis's `genericZpopCommand`: pops from the first of `keys` that exists. `count` is -1
/// when not given (one member); `emitkey` puts the key first in the reply; `nested` makes
/// each member a `[member, score]` array; `nil_when_empty` replies a null array rather than
/// an empty one when no key exists.
fn generic_zpop(
    ctx: &mut Ctx<'_>,
    keys: &[Bytes],
    max: bool,
    emitkey: bool,
    count: i64,
    nested: bool,
    nil_when_empty: bool,
) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let mut found = None;
    for key in keys {
        match lookup::write::<ZSet>(db, key, now) {
            Err(WrongType) => return reply.error(errors::WRONGTYPE),
            Ok(None) => continue,
            Ok(Some(_)) => {
                found = Some(&key[..]);
                break;
            }
        }
    }
    let Some(key) = found else {
        if nil_when_empty {
            reply.null_array();
        } else {
            reply.array(0);
        }
        return;
    };
    if count == 0 {
        reply.array(0);
        return;
    }
    let count = if count == -1 { 1 } else { count };
    let Ok(Some(z)) = lookup::write::<ZSet>(db, key, now) else {
        return;
    };
    let llen = z.len();
    let rangelen = usize::try_from(count).map_or(llen, |c| c.min(llen));
    match (nested, emitkey) {
        (false, false) => reply.array(rangelen * 2),
        (true, false) => reply.array(rangelen),
        (false, true) => {
            reply.array(rangelen * 2 + 1);
            reply.bulk(key);
        }
        (true, true) => {
            reply.array(2);
            reply.bulk(key);
            reply.array(rangelen);
        }
    }
    for _ in 0..rangelen {
        let at = if max { z.len().saturating_sub(1) } else { 0 };
        let Some((member, score)) = z.get(at).map(|(m, s)| (m.to_vec(), s)) else {
            break;
        };
        z.remove(&member);
        if nested {
            reply.array(2);
        }
        reply.bulk(&member);
        reply.double(score);
    }
    db.notify(
        crate::notify::ZSET,
        if max { "zpopmax" } else { "zpopmin" },
        key,
    );
    delete_if_empty(db, key);
}

/// ```text
/// BZPOPMIN key [key ...] timeout
/// ```
///
/// The non-blocking attempt: the reply Redis gives when it serves the command at once, or
/// its reply on timeout (a null array) when no key has members; the server waits around it.
pub fn bzpopmin(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    blocking_zpop(
        ctx,
        &args[1..args.len() - 1],
        &args[args.len() - 1],
        false,
        -1,
        false,
        false,
    );
}

/// ```text
/// BZPOPMAX key [key ...] timeout
/// ```
///
/// The non-blocking attempt, as [`bzpopmin`].
pub fn bzpopmax(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    blocking_zpop(
        ctx,
        &args[1..args.len() - 1],
        &args[args.len() - 1],
        true,
        -1,
        false,
        false,
    );
}

/// `blockingGenericZpopCommand` without the blocking: the timeout is checked first, then
/// the first key with members is served.
fn blocking_zpop(
    ctx: &mut Ctx<'_>,
    keys: &[Bytes],
    timeout: &[u8],
    max: bool,
    count: i64,
    nested: bool,
    nil_when_empty: bool,
) {
    if let Err(e) = parse_timeout(timeout) {
        ctx.reply.error(e);
        return;
    }
    let now = ctx.now;
    for (i, key) in keys.iter().enumerate() {
        match lookup::write::<ZSet>(ctx.db(), key, now) {
            Err(WrongType) => return ctx.reply.error(errors::WRONGTYPE),
            Ok(Some(z)) if !z.is_empty() => {
                generic_zpop(ctx, &keys[i..=i], max, true, count, nested, nil_when_empty);
                if ctx.aof_enabled() {
                    // Logged as the non-blocking pop of the key it served, as Redis does.
                    let logged = match (nested, max) {
                        (true, _) => [
                            aof::command(&[b"ZMPOP", b"1", key]),
                            aof::command(&[if max { b"MAX" } else { b"MIN" }, b"COUNT"]),
                            vec![aof::int_arg(count)],
                        ]
                        .concat(),
                        (false, true) => aof::command(&[b"ZPOPMAX", key]),
                        (false, false) => aof::command(&[b"ZPOPMIN", key]),
                    };
                    ctx.propagate(vec![logged]);
                }
                return;
            }
            Ok(_) => {}
        }
    }
    ctx.empty_handed();
    if ctx.aof_enabled() {
        ctx.propagate(Vec::new());
    }
}

/// ```text
/// ZMPOP numkeys key [key ...] MIN | MAX [COUNT count]
/// ```
pub fn zmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zmpop_generic(ctx, args, 1, false);
}

/// ```text
/// BZMPOP timeout numkeys key [key ...] MIN | MAX [COUNT count]
/// ```
///
/// The non-blocking attempt, as [`bzpopmin`].
pub fn bzmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zmpop_generic(ctx, args, 2, true);
}

/// `zmpopGenericCommand`.
fn zmpop_generic(ctx: &mut Ctx<'_>, args: &[Bytes], numkeys_idx: usize, block: bool) {
    let numkeys = match parse_i64(&args[numkeys_idx]) {
        Some(n) if n >= 1 => n as usize,
        _ => return ctx.reply.error(errors::ZSET_NUMKEYS),
    };
    let where_idx = match numkeys_idx
        .checked_add(numkeys)
        .and_then(|i| i.checked_add(1))
    {
        Some(i) if i < args.len() => i,
        _ => return ctx.reply.error(errors::SYNTAX),
    };
    let max = if is(&args[where_idx], "min") {
        false
    } else if is(&args[where_idx], "max") {
        true
    } else {
        return ctx.reply.error(errors::SYNTAX);
    };
    let mut count = -1i64;
    let mut j = where_idx + 1;
    while j < args.len() {
        let moreargs = args.len() - 1 - j;
        if count == -1 && is(&args[j], "count") && moreargs > 0 {
            j += 1;
            match parse_i64(&args[j]) {
                Some(n) if n >= 1 => count = n,
                _ => return ctx.reply.error(errors::ZSET_COUNT),
            }
        } else {
            return ctx.reply.error(errors::SYNTAX);
        }
        j += 1;
    }
    if count == -1 {
        count = 1;
    }
    let keys = &args[numkeys_idx + 1..where_idx];
    if block {
        blocking_zpop(ctx, keys, &args[1], max, count, true, true);
    } else {
        generic_zpop(ctx, keys, max, true, count, true, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string;
    use crate::types::zset::test_bench::*;
    use crate::Handler;

    #[test]
    fn zpopmin_and_zpopmax() {
        let mut b = abc();
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z"]), arr(&["a", "1"]));
        assert_eq!(
            b.run(zpopmax, &["ZPOPMAX", "z", "5"]),
            arr(&["c", "3", "b", "2"])
        );
        assert!(!b.exists("z"));
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z"]), EMPTY);
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z", "0"]), EMPTY);
        let mut b = abc();
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z", "0"]), EMPTY);
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "-1"]),
            err(errors::ZSET_NOT_POSITIVE)
        );
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "x"]),
            err(errors::ZSET_NOT_POSITIVE)
        );
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "1", "2"]),
            err(errors::SYNTAX)
        );
        b.resp3 = true;
        // RESP3 nests pairs only when a count is given.
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z"]),
            format!("*2\r\n{},1\r\n", bulk("a"))
        );
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "1"]),
            format!("*1\r\n*2\r\n{},2\r\n", bulk("b"))
        );
    }

    #[test]
    fn blocking_pops_without_waiting() {
        let mut b = abc();
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "nokey", "z", "0"]),
            arr(&["z", "a", "1"])
        );
        assert_eq!(
            b.run(bzpopmax, &["BZPOPMAX", "z", "0.5"]),
            arr(&["z", "c", "3"])
        );
        assert_eq!(b.run(bzpopmax, &["BZPOPMAX", "nokey", "1"]), NULL_ARRAY);
        assert_eq!(
            b.run(bzpopmax, &["BZPOPMAX", "z", "x"]),
            err(errors::TIMEOUT_NOT_FLOAT)
        );
        assert_eq!(
            b.run(bzpopmax, &["BZPOPMAX", "z", "-1"]),
            err(errors::TIMEOUT_NEGATIVE)
        );
        b.run(string::set, &["SET", "s", "x"]);
        // The timeout is checked before the keys.
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "s", "x"]),
            err(errors::TIMEOUT_NOT_FLOAT)
        );
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "z", "s", "0"]),
            arr(&["z", "b", "2"])
        );
        assert!(!b.exists("z"));
        b.resp3 = true;
        assert_eq!(b.run(bzpopmin, &["BZPOPMIN", "nokey", "0"]), "_\r\n");
        add(&mut b, "z", &[("1.5", "a")]);
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "z", "0"]),
            format!("*3\r\n{}{},1.5\r\n", bulk("z"), bulk("a"))
        );
    }

    #[test]
    fn zmpop_and_bzmpop() {
        let mut b = abc();
        add(&mut b, "y", &[("5", "e")]);
        let nested = |key: &str, pairs: &[(&str, &str)]| {
            let mut s = format!("*2\r\n{}*{}\r\n", bulk(key), pairs.len());
            for (m, sc) in pairs {
                s.push_str(&format!("*2\r\n{}{}", bulk(m), bulk(sc)));
            }
            s
        };
        assert_eq!(
            b.run(zmpop, &["ZMPOP", "2", "nokey", "z", "MIN"]),
            nested("z", &[("a", "1")])
        );
        assert_eq!(
            b.run(zmpop, &["ZMPOP", "2", "z", "y", "max", "COUNT", "10"]),
            nested("z", &[("c", "3"), ("b", "2")])
        );
        assert_eq!(b.run(zmpop, &["ZMPOP", "1", "z", "MIN"]), NULL_ARRAY);
        assert_eq!(
            b.run(bzmpop, &["BZMPOP", "0", "2", "z", "y", "MIN"]),
            nested("y", &[("e", "5")])
        );
        assert_eq!(
            b.run(bzmpop, &["BZMPOP", "0.01", "1", "y", "MIN"]),
            NULL_ARRAY
        );
        for (h, words, e) in [
            (
                zmpop as Handler,
                &["ZMPOP", "0", "z", "MIN"][..],
                errors::ZSET_NUMKEYS,
            ),
            (zmpop, &["ZMPOP", "x", "z", "MIN"], errors::ZSET_NUMKEYS),
            (zmpop, &["ZMPOP", "2", "z", "MIN"], errors::SYNTAX),
            (
                zmpop,
                &["ZMPOP", "9223372036854775807", "z", "MIN"],
                errors::SYNTAX,
            ),
            (zmpop, &["ZMPOP", "1", "z", "MID"], errors::SYNTAX),
            (zmpop, &["ZMPOP", "1", "z", "MIN", "COUNT"], errors::SYNTAX),
            (
                zmpop,
                &["ZMPOP", "1", "z", "MIN", "COUNT", "0"],
                errors::ZSET_COUNT,
            ),
            (
                zmpop,
                &["ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "1"],
                errors::SYNTAX,
            ),
            (zmpop, &["ZMPOP", "1", "z", "MIN", "FOO"], errors::SYNTAX),
            (
                bzmpop,
                &["BZMPOP", "x", "1", "z", "MIN"],
                errors::TIMEOUT_NOT_FLOAT,
            ),
            (
                bzmpop,
                &["BZMPOP", "x", "0", "z", "MIN"],
                errors::ZSET_NUMKEYS,
            ),
            (
                bzmpop,
                &["BZMPOP", "-1", "1", "z", "MIN"],
                errors::TIMEOUT_NEGATIVE,
            ),
        ] {
            assert_eq!(b.run(h, words), err(e), "{words:?}");
        }
        b.resp3 = true;
        add(&mut b, "z", &[("1", "a")]);
        assert_eq!(
            b.run(zmpop, &["ZMPOP", "1", "z", "MIN"]),
            format!("*2\r\n{}*1\r\n*2\r\n{},1\r\n", bulk("z"), bulk("a"))
        );
        assert_eq!(b.run(zmpop, &["ZMPOP", "1", "z", "MIN"]), "_\r\n");
    }
}
