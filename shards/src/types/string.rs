//! String commands (Redis's `t_string.c`): GET, SET and friends, counters, ranges.

use crate::errors;
use crate::shard::Ctx;
use crate::util::parse_i64;
use crate::value::Value;
use bytes::Bytes;

/// ```text
/// GET key
/// ```
pub fn get(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match db.get(&args[1], now) {
        None => {
            stats.keyspace_misses += 1;
            reply.null();
        }
        Some(Value::Str(s)) => {
            stats.keyspace_hits += 1;
            reply.bulk(s);
        }
        #[allow(unreachable_patterns)]
        Some(_) => {
            stats.keyspace_hits += 1;
            reply.error(errors::WRONGTYPE);
        }
    }
}

/// Which command is parsing the shared SET/GETEX options: each accepts a different subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionsFor {
    /// SET: NX XX GET KEEPTTL EX PX EXAT PXAT.
    Set,
    /// GETEX: PERSIST EX PX EXAT PXAT.
    GetEx,
}

/// What to do with a key's expiry time after the write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// Drop any expiry time (plain SET), or leave it alone (plain GETEX).
    Unchanged,
    /// Keep the current one (SET KEEPTTL).
    Keep,
    /// Remove it (GETEX PERSIST).
    Persist,
    /// Expire at this absolute time in ms.
    At(i64),
}

/// The options of SET or GETEX, parsed and validated.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// NX: only if the key does not exist.
    pub nx: bool,
    /// XX: only if the key exists.
    pub xx: bool,
    /// GET: reply with the old value.
    pub get: bool,
    /// The resulting expiry.
    pub expiry: Expiry,
}

/// Parses the options from `args[first..]` as Redis's `parseExtendedStringArgumentsOrReply`
/// does, then the expire time as `getExpireMillisecondsOrReply`: a bad combination is a syntax
/// error, a bad number `not an integer`, a non-positive or overflowing time `invalid expire
/// time in '<cmd>' command`. On error the reply is written and `None` returned.
pub fn parse_write_options(ctx: &mut Ctx<'_>, args: &[Bytes], first: usize, kind: OptionsFor) -> Option<WriteOptions> {
    #[derive(PartialEq, Clone, Copy)]
    enum Unit {
        Ex,
        Px,
        ExAt,
        PxAt,
    }
    let mut opts = WriteOptions { nx: false, xx: false, get: false, expiry: Expiry::Unchanged };
    let mut keep_ttl = false;
    let mut persist = false;
    let mut timed: Option<(Unit, &Bytes)> = None;
    let set = kind == OptionsFor::Set;
    let mut j = first;
    while j < args.len() {
        let opt = &args[j][..];
        let next = args.get(j + 1);
        let is = |name: &[u8]| opt.eq_ignore_ascii_case(name);
        if is(b"NX") && !opts.xx && set {
            opts.nx = true;
        } else if is(b"XX") && !opts.nx && set {
            opts.xx = true;
        } else if is(b"GET") && set {
            opts.get = true;
        } else if is(b"KEEPTTL") && !persist && timed.is_none() && set {
            keep_ttl = true;
        } else if is(b"PERSIST") && !set && timed.is_none() && !keep_ttl {
            persist = true;
        } else if let (Some(unit), Some(n)) = (
            [(&b"EX"[..], Unit::Ex), (b"PX", Unit::Px), (b"EXAT", Unit::ExAt), (b"PXAT", Unit::PxAt)]
                .iter()
                .find(|(name, _)| is(name))
                .map(|&(_, u)| u),
            next,
        ) {
            // Another unit already given (EX then PX) is a syntax error; the same one twice
            // is accepted and the last value wins, as in Redis.
            if keep_ttl || persist || timed.is_some_and(|(u, _)| u != unit) {
                ctx.reply.error(errors::SYNTAX);
                return None;
            }
            timed = Some((unit, n));
            j += 1;
        } else {
            ctx.reply.error(errors::SYNTAX);
            return None;
        }
        j += 1;
    }
    let cmd = if set { "set" } else { "getex" };
    if let Some((unit, n)) = timed {
        let Some(mut ms) = parse_i64(n) else {
            ctx.reply.error(errors::NOT_INTEGER);
            return None;
        };
        let seconds = matches!(unit, Unit::Ex | Unit::ExAt);
        if ms <= 0 || (seconds && ms > i64::MAX / 1000) {
            ctx.reply.error(&errors::invalid_expire(cmd));
            return None;
        }
        if seconds {
            ms *= 1000;
        }
        if matches!(unit, Unit::Ex | Unit::Px) {
            ms = ms.wrapping_add(ctx.now);
        }
        if ms <= 0 {
            ctx.reply.error(&errors::invalid_expire(cmd));
            return None;
        }
        opts.expiry = Expiry::At(ms);
    } else if keep_ttl {
        opts.expiry = Expiry::Keep;
    } else if persist {
        opts.expiry = Expiry::Persist;
    }
    Some(opts)
}

/// ```text
/// SET key value [NX | XX] [GET] [EX seconds | PX milliseconds |
///   EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]
/// ```
pub fn set(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(opts) = parse_write_options(ctx, args, 3, OptionsFor::Set) else {
        return;
    };
    let key = &args[1][..];
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let exists = match db.get(key, now) {
        None => {
            if opts.get {
                reply.null();
            }
            false
        }
        Some(Value::Str(s)) => {
            if opts.get {
                reply.bulk(s);
            }
            true
        }
        #[allow(unreachable_patterns)]
        Some(_) => {
            if opts.get {
                reply.error(errors::WRONGTYPE);
                return;
            }
            true
        }
    };
    if (opts.nx && exists) || (opts.xx && !exists) {
        if !opts.get {
            reply.null();
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Reply;
    use crate::shard::Shard;

    /// Runs one command given as words against `shard` at time `now`, returning the raw reply.
    pub(crate) fn run(shard: &mut Shard, now: i64, handler: crate::Handler, words: &[&str]) -> String {
        let args: Vec<Bytes> = words.iter().map(|w| Bytes::copy_from_slice(w.as_bytes())).collect();
        let mut reply = Reply::new(false);
        shard.run(handler, 0, now, &args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
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
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "XX", "GET"]), "$1\r\nv\r\n");
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "NX", "XX"]), "-ERR syntax error\r\n");
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "EX", "0"]), "-ERR invalid expire time in 'set' command\r\n");
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "EX", "x"]), "-ERR value is not an integer or out of range\r\n");
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "EX", "10", "PX", "10"]), "-ERR syntax error\r\n");
        assert_eq!(run(&mut s, 1000, set, &["SET", "k", "w", "EX", "10"]), "+OK\r\n");
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        assert_eq!(run(&mut s, 1000, set, &["SET", "k", "x", "KEEPTTL"]), "+OK\r\n");
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(11_000));
        assert_eq!(run(&mut s, 11_000, get, &["GET", "k"]), "$-1\r\n");
    }
}
