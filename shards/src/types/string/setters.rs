//! The commands that set values: SET, SETNX, SETEX, PSETEX, MSET, MSETNX.

use super::get_generic;
use super::parse::{expire_ms, parse_write_options, ExpireUnit, Expiry, OptionsFor};
use crate::aof;
use crate::errors::{self, ErrorText, WrongType};
use crate::shard::Ctx;
use crate::value::Value;
use bytes::Bytes;

/// ```text
/// SET key value [NX | XX] [GET] [EX seconds | PX milliseconds |
///   EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]
/// ```
pub fn set(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let opts = match parse_write_options(args, 3, OptionsFor::Set, ctx.now) {
        Ok(opts) => opts,
        Err(e) => return ctx.reply.error(&e),
    };
    let key = &args[1][..];
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let exists = if opts.get {
        // GET reads the old value as the GET command would, counting the lookup.
        match get_generic(db, stats, reply, key, now) {
            Ok(exists) => exists,
            Err(WrongType) => return reply.error(errors::WRONGTYPE),
        }
    } else {
        db.contains(key, now)
    };
    if (opts.nx && exists) || (opts.xx && !exists) {
        if !opts.get {
            reply.null();
        }
        if ctx.aof_enabled() {
            ctx.propagate(Vec::new());
        }
        return;
    }
    let value = Value::string(&args[2]);
    match opts.expiry {
        Expiry::Keep => db.set_keep_ttl(key, value),
        Expiry::At(when) => {
            db.set(key, value);
            db.set_expire(key, when);
        }
        Expiry::Unchanged | Expiry::Persist => db.set(key, value),
    }
    if !opts.get {
        reply.ok();
    }
    ctx.notify(crate::notify::STRING, "set", key);
    if let Expiry::At(_) = opts.expiry {
        ctx.notify(crate::notify::GENERIC, "expire", key);
    }
    if let (true, Expiry::At(when)) = (ctx.aof_enabled(), opts.expiry) {
        // The time as Redis propagates it: absolute, so replay does not depend on the clock.
        let mut logged = aof::command(&[b"SET", key, &args[2]]);
        for (on, word) in [(opts.nx, "NX"), (opts.xx, "XX"), (opts.get, "GET")] {
            if on {
                logged.push(Bytes::from_static(word.as_bytes()));
            }
        }
        logged.extend([Bytes::from_static(b"PXAT"), aof::int_arg(when)]);
        ctx.propagate(vec![logged]);
    }
}

/// Sets `key` only if it does not exist; replies 1 if it was set, 0 if not.
///
/// ```text
/// SETNX key value
/// ```
pub fn setnx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    if db.contains(&args[1], now) {
        reply.int(0);
        return;
    }
    db.set(&args[1], Value::string(&args[2]));
    reply.int(1);
    ctx.notify(crate::notify::STRING, "set", &args[1]);
}

/// SETEX and PSETEX: the time is checked first, then the key is set with it.
fn set_with_expire(ctx: &mut Ctx<'_>, args: &[Bytes], unit: ExpireUnit, cmd: &str) {
    let when = match expire_ms(unit, &args[2], ctx.now, cmd) {
        Ok(when) => when,
        Err(e) => return ctx.reply.error(&e),
    };
    let now = ctx.now;
    let db = ctx.db();
    // Looked up for writing first, as Redis's `setGenericCommand`: a key past its time
    // expires (`expired`) and is created anew (`new`).
    db.expire_if_needed(&args[1], now);
    db.set(&args[1], Value::string(&args[3]));
    db.set_expire(&args[1], when);
    ctx.reply.ok();
    ctx.notify(crate::notify::STRING, "set", &args[1]);
    ctx.notify(crate::notify::GENERIC, "expire", &args[1]);
    if ctx.aof_enabled() {
        let logged = aof::command(&[b"SET", &args[1], &args[3], b"PXAT"]);
        ctx.propagate(vec![[logged, vec![aof::int_arg(when)]].concat()]);
    }
}

/// Sets `key` to expire after `seconds`.
///
/// ```text
/// SETEX key seconds value
/// ```
pub fn setex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    set_with_expire(ctx, args, ExpireUnit::Ex, "setex");
}

/// Sets `key` to expire after `milliseconds`.
///
/// ```text
/// PSETEX key milliseconds value
/// ```
pub fn psetex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    set_with_expire(ctx, args, ExpireUnit::Px, "psetex");
}

/// The key/value pairs after the command name (MSET, MSETNX); an odd count of them is the
/// arity error of `cmd`.
fn key_value_pairs<'a>(
    args: &'a [Bytes],
    cmd: &str,
) -> Result<std::slice::ChunksExact<'a, Bytes>, ErrorText> {
    if args.len().is_multiple_of(2) {
        return Err(errors::wrong_arity(cmd).into());
    }
    Ok(args[1..].chunks_exact(2))
}

/// Sets every key to its value, dropping their expiry times.
///
/// ```text
/// MSET key value [key value ...]
/// ```
pub fn mset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let pairs = match key_value_pairs(args, "mset") {
        Ok(pairs) => pairs,
        Err(e) => return reply.error(&e),
    };
    for pair in pairs {
        // Redis's `setKey` looks the key up for writing first: one past its time expires
        // (an `expired` event), and the key is then created anew (`new`).
        db.expire_if_needed(&pair[0], now);
        db.set(&pair[0], Value::string(&pair[1]));
        db.notify(crate::notify::STRING, "set", &pair[0]);
    }
    reply.ok();
}

/// Sets every key to its value if none of the keys exists (replies 1), otherwise sets
/// nothing (replies 0). All or nothing within this shard; a later pair wins for a key given
/// twice.
///
/// ```text
/// MSETNX key value [key value ...]
/// ```
pub fn msetnx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let pairs = match key_value_pairs(args, "msetnx") {
        Ok(pairs) => pairs,
        Err(e) => return reply.error(&e),
    };
    if pairs.clone().any(|pair| db.contains(&pair[0], now)) {
        reply.int(0);
        return;
    }
    for pair in pairs {
        db.set(&pair[0], Value::string(&pair[1]));
        db.notify(crate::notify::STRING, "set", &pair[0]);
    }
    reply.int(1);
}

#[cfg(test)]
mod tests {
    use super::{mset, msetnx, psetex, set, setex, setnx};
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::string::get;
    use crate::types::string::test_bench::*;

    #[test]
    fn setnx_sets_only_missing_keys() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, setnx, &["SETNX", "k", "v"]), ":1\r\n");
        assert_eq!(run(&mut s, 0, setnx, &["SETNX", "k", "w"]), ":0\r\n");
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), bulk("v"));
        // An expired key is missing.
        assert_eq!(run(&mut s, 0, psetex, &["PSETEX", "t", "100", "old"]), OK);
        assert_eq!(run(&mut s, 101, setnx, &["SETNX", "t", "new"]), ":1\r\n");
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
        assert_eq!(run(&mut s, 101, get, &["GET", "t"]), bulk("new"));
        // A write lookup: no keyspace hits or misses besides the two GETs.
        assert_eq!(stats(&s), (2, 0));
    }

    #[test]
    fn setex_and_psetex() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 1000, setex, &["SETEX", "k", "10", "v"]), OK);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        assert_eq!(run(&mut s, 10_999, get, &["GET", "k"]), bulk("v"));
        assert_eq!(run(&mut s, 11_001, get, &["GET", "k"]), NULL);
        assert_eq!(run(&mut s, 1000, psetex, &["PSETEX", "k", "10", "v"]), OK);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(1010));
        assert_eq!(run(&mut s, 1011, get, &["GET", "k"]), NULL);
        let bad_setex = err("ERR invalid expire time in 'setex' command");
        let bad_psetex = err("ERR invalid expire time in 'psetex' command");
        assert_eq!(
            run(&mut s, 1000, setex, &["SETEX", "k", "0", "v"]),
            bad_setex
        );
        assert_eq!(
            run(&mut s, 1000, setex, &["SETEX", "k", "-1", "v"]),
            bad_setex
        );
        // Fits in ms, but not once now is added; and does not fit in ms.
        assert_eq!(
            run(
                &mut s,
                1000,
                setex,
                &["SETEX", "k", "9223372036854775", "v"]
            ),
            bad_setex
        );
        assert_eq!(
            run(
                &mut s,
                1000,
                setex,
                &["SETEX", "k", "9223372036854776", "v"]
            ),
            bad_setex
        );
        assert_eq!(
            run(&mut s, 1000, psetex, &["PSETEX", "k", "0", "v"]),
            bad_psetex
        );
        assert_eq!(
            run(
                &mut s,
                1000,
                psetex,
                &["PSETEX", "k", "9223372036854775807", "v"]
            ),
            bad_psetex
        );
        assert_eq!(
            run(&mut s, 1000, setex, &["SETEX", "k", "1.5", "v"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, 1000, psetex, &["PSETEX", "k", "x", "v"]),
            err(errors::NOT_INTEGER)
        );
        assert!(s.dbs[0].is_empty());
        // SETEX replaces the value and the time of an existing key.
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "k", "5", "a"]), OK);
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "k", "7", "b"]), OK);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(7000));
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), bulk("b"));
    }

    #[test]
    fn mset_sets_all_and_drops_ttls() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "a", "10", "old"]), OK);
        assert_eq!(
            run(&mut s, 0, mset, &["MSET", "a", "1", "b", "2", "a", "3"]),
            OK
        );
        assert_eq!(run(&mut s, 0, get, &["GET", "a"]), bulk("3"));
        assert_eq!(run(&mut s, 0, get, &["GET", "b"]), bulk("2"));
        assert_eq!(s.dbs[0].expire_at(b"a"), None);
        let arity = err("ERR wrong number of arguments for 'mset' command");
        assert_eq!(run(&mut s, 0, mset, &["MSET", "a", "1", "b"]), arity);
        assert_eq!(run(&mut s, 0, get, &["GET", "a"]), bulk("3"));
    }

    #[test]
    fn msetnx_is_all_or_nothing() {
        let mut s = Shard::new(16, 1);
        assert_eq!(
            run(&mut s, 0, msetnx, &["MSETNX", "a", "1", "b", "2"]),
            ":1\r\n"
        );
        assert_eq!(
            run(&mut s, 0, msetnx, &["MSETNX", "c", "3", "a", "x"]),
            ":0\r\n"
        );
        assert!(!s.dbs[0].contains(b"c", 0));
        assert_eq!(run(&mut s, 0, get, &["GET", "a"]), bulk("1"));
        // The same key twice: the last value wins.
        assert_eq!(
            run(&mut s, 0, msetnx, &["MSETNX", "d", "1", "d", "2"]),
            ":1\r\n"
        );
        assert_eq!(run(&mut s, 0, get, &["GET", "d"]), bulk("2"));
        // An expired key does not block.
        assert_eq!(run(&mut s, 0, psetex, &["PSETEX", "t", "10", "v"]), OK);
        assert_eq!(run(&mut s, 11, msetnx, &["MSETNX", "t", "new"]), ":1\r\n");
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
        let arity = err("ERR wrong number of arguments for 'msetnx' command");
        assert_eq!(run(&mut s, 0, msetnx, &["MSETNX", "x", "1", "y"]), arity);
        assert!(!s.dbs[0].contains(b"x", 0));
    }

    #[test]
    fn set_then_get() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v"]), "+OK\r\n");
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), "$1\r\nv\r\n");
        assert_eq!(run(&mut s, 0, get, &["GET", "nope"]), "$-1\r\n");
    }

    #[test]
    fn set_options() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v", "NX"]), "+OK\r\n");
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "NX"]), "$-1\r\n");
        assert_eq!(
            run(&mut s, 0, set, &["SET", "k", "w", "XX", "GET"]),
            "$1\r\nv\r\n"
        );
        assert_eq!(
            run(&mut s, 0, set, &["SET", "k", "w", "NX", "XX"]),
            "-ERR syntax error\r\n"
        );
        assert_eq!(
            run(&mut s, 0, set, &["SET", "k", "w", "EX", "0"]),
            "-ERR invalid expire time in 'set' command\r\n"
        );
        assert_eq!(
            run(&mut s, 0, set, &["SET", "k", "w", "EX", "x"]),
            "-ERR value is not an integer or out of range\r\n"
        );
        assert_eq!(
            run(&mut s, 0, set, &["SET", "k", "w", "EX", "10", "PX", "10"]),
            "-ERR syntax error\r\n"
        );
        assert_eq!(
            run(&mut s, 1000, set, &["SET", "k", "w", "EX", "10"]),
            "+OK\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        assert_eq!(
            run(&mut s, 1000, set, &["SET", "k", "x", "KEEPTTL"]),
            "+OK\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        assert_eq!(run(&mut s, 11_001, get, &["GET", "k"]), "$-1\r\n");
    }
}
