//! The commands that read a value, and may replace or drop it: GET, GETSET, GETDEL, GETEX, MGET.

use super::get_generic;
use super::parse::{expire_ms, parse_write_flags, OptionsFor};
use crate::aof;
use crate::errors::{self, WrongType};
use crate::lookup::read_value as lookup_read;
use crate::shard::Ctx;
use crate::value::Value;
use bytes::Bytes;

/// ```text
/// GET key
/// ```
pub fn get(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    if let Err(WrongType) = get_generic(db, stats, reply, &args[1], now) {
        reply.error(errors::WRONGTYPE);
    }
}

/// Sets `key` and replies with its old value (null if none); the expiry time is dropped.
///
/// ```text
/// GETSET key value
/// ```
pub fn getset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    if let Err(WrongType) = get_generic(db, stats, reply, &args[1], now) {
        return reply.error(errors::WRONGTYPE);
    }
    db.set(&args[1], Value::string(&args[2]));
    ctx.notify(crate::notify::STRING, "set", &args[1]);
}

/// Replies with the value of `key` and deletes it.
///
/// ```text
/// GETDEL key
/// ```
pub fn getdel(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match get_generic(db, stats, reply, &args[1], now) {
        Ok(true) => {
            db.remove(&args[1]);
            db.notify(crate::notify::GENERIC, "del", &args[1]);
        }
        Ok(false) => {}
        Err(WrongType) => reply.error(errors::WRONGTYPE),
    }
}

/// Replies with the value of `key` and changes its expiry time. As in Redis, the options'
/// syntax is checked first, then the key (null if missing, WRONGTYPE), and only then the
/// time, so a bad time on a missing key still replies null. An EXAT/PXAT time already past
/// deletes the key (after replying with its value).
///
/// ```text
/// GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds |
///   PXAT unix-time-milliseconds | PERSIST]
/// ```
pub fn getex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let opts = match parse_write_flags(args, 2, OptionsFor::GetEx) {
        Ok(opts) => opts,
        Err(e) => {
            ctx.reply.error(e);
            return;
        }
    };
    let key = &args[1][..];
    let now = ctx.now;
    let (aof_on, loading) = (ctx.aof_enabled(), ctx.loading());
    let (db, stats, reply) = ctx.parts();
    let Some(value) = lookup_read(db, stats, key, now) else {
        reply.null();
        return;
    };
    let Some(s) = value.string_bytes() else {
        reply.error(errors::WRONGTYPE);
        return;
    };
    let when = match opts.timed {
        Some((unit, arg)) => match expire_ms(unit, arg, now, "getex") {
            Ok(when) => Some(when),
            Err(e) => return reply.error(&e),
        },
        None => None,
    };
    reply.bulk(&s);
    // Logged as Redis propagates it: the key's new state, with an absolute time.
    let logged: &[&[u8]] = match when {
        Some(when) if when <= now && !loading => {
            db.remove(key);
            db.notify(crate::notify::GENERIC, "del", key);
            &[b"DEL", key]
        }
        Some(when) => {
            db.set_expire(key, when);
            db.notify(crate::notify::GENERIC, "expire", key);
            if aof_on {
                let cmd = aof::command(&[b"PEXPIREAT", key]);
                ctx.propagate(vec![[cmd, vec![aof::int_arg(when)]].concat()]);
            }
            return;
        }
        None if opts.persist => {
            if db.persist(key) {
                db.notify(crate::notify::GENERIC, "persist", key);
            }
            &[b"PERSIST", key]
        }
        None => &[],
    };
    if aof_on {
        let cmds = if logged.is_empty() {
            Vec::new()
        } else {
            vec![aof::command(logged)]
        };
        ctx.propagate(cmds);
    }
}

/// Replies with an array of the values of the keys, null for a missing key or one holding
/// another type.
///
/// ```text
/// MGET key [key ...]
/// ```
pub fn mget(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    reply.array(args.len() - 1);
    for key in &args[1..] {
        match lookup_read(db, stats, key, now).and_then(Value::string_bytes) {
            Some(s) => reply.bulk(&s),
            None => reply.null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{get, getdel, getex, getset, mget};
    use crate::errors;
    use crate::shard::Shard;
    use crate::types::string::test_bench::*;
    use crate::types::string::{mset, psetex, set, setex};

    #[test]
    fn set_get_counts_the_lookup() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v", "GET"]), NULL);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "GET"]), bulk("v"));
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "x"]), OK);
        assert_eq!(stats(&s), (1, 1));
    }

    #[test]
    fn getset_returns_old_and_drops_ttl() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, getset, &["GETSET", "k", "v"]), NULL);
        assert_eq!(run(&mut s, 0, setex, &["SETEX", "k", "10", "v1"]), OK);
        assert_eq!(run(&mut s, 0, getset, &["GETSET", "k", "v2"]), bulk("v1"));
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        assert_eq!(run(&mut s, 0, get, &["GET", "k"]), bulk("v2"));
        assert_eq!(stats(&s), (2, 1));
    }

    #[test]
    fn getdel_returns_and_deletes() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v"]), OK);
        assert_eq!(run(&mut s, 0, getdel, &["GETDEL", "k"]), bulk("v"));
        assert_eq!(run(&mut s, 0, getdel, &["GETDEL", "k"]), NULL);
        assert!(s.dbs[0].is_empty());
        assert_eq!(run(&mut s, 0, psetex, &["PSETEX", "t", "5", "v"]), OK);
        assert_eq!(run(&mut s, 6, getdel, &["GETDEL", "t"]), NULL);
        assert_eq!(s.dbs[0].volatile_len(), 0);
        assert_eq!(stats(&s), (1, 2));
    }

    #[test]
    fn getex_changes_the_ttl() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v"]), OK);
        assert_eq!(run(&mut s, 1000, getex, &["GETEX", "k"]), bulk("v"));
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "EX", "10"]),
            bulk("v")
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        // No option leaves the time alone; the same option twice is accepted, the last wins.
        assert_eq!(run(&mut s, 1000, getex, &["GETEX", "k"]), bulk("v"));
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "px", "5", "px", "20"]),
            bulk("v")
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(1020));
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "EXAT", "50"]),
            bulk("v")
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(50_000));
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "PXAT", "60000"]),
            bulk("v")
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(60_000));
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "PERSIST"]),
            bulk("v")
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "persist", "PERSIST"]),
            bulk("v")
        );
        // A time already past replies with the value, then deletes the key (not an expiry).
        assert_eq!(
            run(&mut s, 1000, getex, &["GETEX", "k", "PXAT", "1000"]),
            bulk("v")
        );
        assert!(s.dbs[0].is_empty());
        assert_eq!(s.dbs[0].expired_keys, 0);
        assert_eq!(run(&mut s, 1000, getex, &["GETEX", "k"]), NULL);
        // Expiry by time passing.
        assert_eq!(run(&mut s, 0, psetex, &["PSETEX", "k", "100", "v"]), OK);
        assert_eq!(
            run(&mut s, 99, getex, &["GETEX", "k", "PERSIST"]),
            bulk("v")
        );
        assert_eq!(run(&mut s, 1_000_000, getex, &["GETEX", "k"]), bulk("v"));
        assert_eq!(stats(&s), (11, 1));
    }

    #[test]
    fn getex_errors_in_redis_order() {
        let mut s = Shard::new(16, 1);
        let syntax = err(errors::SYNTAX);
        // Syntax first, even on a missing key.
        for words in [
            &["GETEX", "no", "FOO"][..],
            &["GETEX", "no", "EX"],
            &["GETEX", "no", "EX", "10", "PX", "10"],
            &["GETEX", "no", "PERSIST", "EX", "10"],
            &["GETEX", "no", "EX", "10", "PERSIST"],
            &["GETEX", "no", "KEEPTTL"],
            &["GETEX", "no", "NX"],
            &["GETEX", "no", "XX"],
            &["GETEX", "no", "GET"],
        ] {
            assert_eq!(run(&mut s, 0, getex, words), syntax, "{words:?}");
        }
        // The time is only looked at when the key exists.
        assert_eq!(run(&mut s, 0, getex, &["GETEX", "no", "EX", "abc"]), NULL);
        assert_eq!(run(&mut s, 0, getex, &["GETEX", "no", "EX", "0"]), NULL);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v"]), OK);
        let invalid = err("ERR invalid expire time in 'getex' command");
        assert_eq!(
            run(&mut s, 0, getex, &["GETEX", "k", "EX", "abc"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(run(&mut s, 0, getex, &["GETEX", "k", "EX", "0"]), invalid);
        assert_eq!(run(&mut s, 0, getex, &["GETEX", "k", "PX", "-5"]), invalid);
        assert_eq!(
            run(
                &mut s,
                0,
                getex,
                &["GETEX", "k", "EXAT", "99999999999999999"]
            ),
            invalid
        );
        assert_eq!(
            run(
                &mut s,
                5,
                getex,
                &["GETEX", "k", "PX", "9223372036854775807"]
            ),
            invalid
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
    }

    #[test]
    fn mget_replies_per_key() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, mset, &["MSET", "a", "1", "b", "2"]), OK);
        assert_eq!(run(&mut s, 0, psetex, &["PSETEX", "t", "10", "3"]), OK);
        assert_eq!(
            run(&mut s, 11, mget, &["MGET", "a", "nope", "b", "t", "a"]),
            "*5\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n$-1\r\n$1\r\n1\r\n"
        );
        assert_eq!(stats(&s), (3, 2));
    }
}
