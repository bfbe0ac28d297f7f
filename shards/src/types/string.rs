//! String commands (Redis's `t_string.c`): GET, SET and friends, counters, ranges.
//!
//! Lookups follow Redis's two kinds: a *read* lookup (`lookupKeyRead`: GET, GETEX, GETDEL,
//! GETSET, MGET, STRLEN, GETRANGE, SET .. GET) counts a keyspace hit or miss, a *write* lookup
//! (`lookupKeyWrite`: SETNX, the counters, APPEND, SETRANGE, MSETNX) does not. Both drop a key
//! whose time has passed first. Values keep their expiry time when modified in place (INCR,
//! APPEND, SETRANGE, INCRBYFLOAT) and lose it when replaced (SET, GETSET, MSET).

use crate::aof;
use crate::db::Db;
use crate::errors::{self, WrongType};
use crate::lookup::read_value as lookup_read;
use crate::reply::Reply;
use crate::shard::{Ctx, Stats};
use crate::util::{parse_i64, LongDouble};
use crate::value::Value;
use bytes::Bytes;

/// Replies with the string at `key` as GET does (Redis's `getGenericCommand`): its value, or
/// null when missing. `Ok` tells whether the key exists; a value of another type is
/// `Err(WrongType)`, with nothing replied (the caller replies WRONGTYPE).
fn get_generic(
    db: &mut Db,
    stats: &mut Stats,
    reply: &mut Reply,
    key: &[u8],
    now: i64,
) -> Result<bool, WrongType> {
    match lookup_read(db, stats, key, now) {
        None => {
            reply.null();
            Ok(false)
        }
        Some(value) => {
            let s = value.string_bytes().ok_or(WrongType)?;
            reply.bulk(&s);
            Ok(true)
        }
    }
}

/// A string value holding the decimal text of `n`, as Redis stores counters: an integer.
fn int_value(n: i64) -> Value {
    Value::Int(n)
}

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

/// How an expire time argument is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpireUnit {
    /// Seconds from now (EX, SETEX).
    Ex,
    /// Milliseconds from now (PX, PSETEX).
    Px,
    /// A Unix time in seconds (EXAT).
    ExAt,
    /// A Unix time in milliseconds (PXAT).
    PxAt,
}

/// The options of SET or GETEX after the syntax check, with the time argument not yet
/// validated: GETEX on a missing key never looks at it.
#[derive(Debug, Clone, Copy)]
pub struct ParsedOptions<'a> {
    /// NX: only if the key does not exist.
    pub nx: bool,
    /// XX: only if the key exists.
    pub xx: bool,
    /// GET: reply with the old value.
    pub get: bool,
    /// KEEPTTL.
    pub keep_ttl: bool,
    /// PERSIST.
    pub persist: bool,
    /// EX, PX, EXAT or PXAT and its (unchecked) argument.
    pub timed: Option<(ExpireUnit, &'a [u8])>,
}

/// Parses the options from `args[first..]` as Redis's `parseExtendedStringArgumentsOrReply`
/// does; a bad combination or an unknown word is `ERR syntax error`, the only error here.
pub fn parse_write_flags(
    args: &[Bytes],
    first: usize,
    kind: OptionsFor,
) -> Result<ParsedOptions<'_>, &'static str> {
    let mut opts = ParsedOptions {
        nx: false,
        xx: false,
        get: false,
        keep_ttl: false,
        persist: false,
        timed: None,
    };
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
        } else if is(b"KEEPTTL") && !opts.persist && opts.timed.is_none() && set {
            opts.keep_ttl = true;
        } else if is(b"PERSIST") && !set && opts.timed.is_none() && !opts.keep_ttl {
            opts.persist = true;
        } else if let (Some(unit), Some(n)) = (
            [
                (&b"EX"[..], ExpireUnit::Ex),
                (b"PX", ExpireUnit::Px),
                (b"EXAT", ExpireUnit::ExAt),
                (b"PXAT", ExpireUnit::PxAt),
            ]
            .iter()
            .find(|(name, _)| is(name))
            .map(|&(_, u)| u),
            next,
        ) {
            // Another unit already given (EX then PX) is a syntax error; the same one twice
            // is accepted and the last value wins, as in Redis.
            if opts.keep_ttl || opts.persist || opts.timed.is_some_and(|(u, _)| u != unit) {
                return Err(errors::SYNTAX);
            }
            opts.timed = Some((unit, &n[..]));
            j += 1;
        } else {
            return Err(errors::SYNTAX);
        }
        j += 1;
    }
    Ok(opts)
}

/// Turns an expire time argument into an absolute time in ms, as Redis's
/// `getExpireMillisecondsOrReply`: not an integer is `ERR value is not an integer or out of
/// range`; zero, negative, or overflowing once converted to an absolute time in ms is `ERR
/// invalid expire time in '<cmd>' command`. On error the reply is written and `None` returned.
pub fn expire_ms_or_reply(
    reply: &mut Reply,
    unit: ExpireUnit,
    arg: &[u8],
    now: i64,
    cmd: &str,
) -> Option<i64> {
    let Some(mut ms) = parse_i64(arg) else {
        reply.error(errors::NOT_INTEGER);
        return None;
    };
    let seconds = matches!(unit, ExpireUnit::Ex | ExpireUnit::ExAt);
    if ms <= 0 || (seconds && ms > i64::MAX / 1000) {
        reply.error(&errors::invalid_expire(cmd));
        return None;
    }
    if seconds {
        ms *= 1000;
    }
    if matches!(unit, ExpireUnit::Ex | ExpireUnit::Px) {
        ms = ms.wrapping_add(now);
    }
    if ms <= 0 {
        reply.error(&errors::invalid_expire(cmd));
        return None;
    }
    Some(ms)
}

/// Parses the options from `args[first..]` as Redis's `parseExtendedStringArgumentsOrReply`
/// does, then the expire time as `getExpireMillisecondsOrReply`: a bad combination is a syntax
/// error, a bad number `not an integer`, a non-positive or overflowing time `invalid expire
/// time in '<cmd>' command`. On error the reply is written and `None` returned.
pub fn parse_write_options(
    ctx: &mut Ctx<'_>,
    args: &[Bytes],
    first: usize,
    kind: OptionsFor,
) -> Option<WriteOptions> {
    let parsed = match parse_write_flags(args, first, kind) {
        Ok(parsed) => parsed,
        Err(e) => {
            ctx.reply.error(e);
            return None;
        }
    };
    let mut opts = WriteOptions {
        nx: parsed.nx,
        xx: parsed.xx,
        get: parsed.get,
        expiry: Expiry::Unchanged,
    };
    let cmd = if kind == OptionsFor::Set {
        "set"
    } else {
        "getex"
    };
    if let Some((unit, arg)) = parsed.timed {
        opts.expiry = Expiry::At(expire_ms_or_reply(ctx.reply, unit, arg, ctx.now, cmd)?);
    } else if parsed.keep_ttl {
        opts.expiry = Expiry::Keep;
    } else if parsed.persist {
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
    let Some(when) = expire_ms_or_reply(ctx.reply, unit, &args[2], ctx.now, cmd) else {
        return;
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
        Some((unit, arg)) => match expire_ms_or_reply(reply, unit, arg, now, "getex") {
            Some(when) => Some(when),
            None => return,
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

/// Checks that key/value pairs follow the command name (MSET, MSETNX); replies the arity
/// error if not.
fn pairs_or_reply<'a>(
    reply: &mut Reply,
    args: &'a [Bytes],
    cmd: &str,
) -> Option<std::slice::ChunksExact<'a, Bytes>> {
    if args.len().is_multiple_of(2) {
        reply.error(&errors::wrong_arity(cmd));
        return None;
    }
    Some(args[1..].chunks_exact(2))
}

/// Sets every key to its value, dropping their expiry times.
///
/// ```text
/// MSET key value [key value ...]
/// ```
pub fn mset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Some(pairs) = pairs_or_reply(reply, args, "mset") else {
        return;
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
    let Some(pairs) = pairs_or_reply(reply, args, "msetnx") else {
        return;
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

/// True (after replying the error) when a string of `base + extra` bytes would pass
/// proto-max-bulk-len, as Redis's `checkStringLength`, overflow included.
fn too_long(reply: &mut Reply, limit: u64, base: u64, extra: u64) -> bool {
    match base.checked_add(extra) {
        Some(total) if total <= limit => false,
        _ => {
            reply.error(errors::STRING_TOO_LONG);
            true
        }
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
            if too_long(reply, limit, s.len() as u64, value.len() as u64) {
                return;
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
            if too_long(reply, limit, offset as u64, value.len() as u64) {
                return;
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
            if too_long(reply, limit, offset as u64, value.len() as u64) {
                return;
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
    use super::*;
    use crate::reply::Reply;
    use crate::shard::Shard;

    /// Runs one command given as words against `shard` at time `now`, returning the raw reply.
    pub(crate) fn run(
        shard: &mut Shard,
        now: i64,
        handler: crate::Handler,
        words: &[&str],
    ) -> String {
        let args: Vec<Bytes> = words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        let mut reply = Reply::new(false);
        shard.run(handler, 0, now, &args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
    }

    /// An error reply as the wire carries it.
    fn err(text: &str) -> String {
        format!("-{text}\r\n")
    }

    fn bulk(s: &str) -> String {
        format!("${}\r\n{s}\r\n", s.len())
    }

    const NULL: &str = "$-1\r\n";
    const OK: &str = "+OK\r\n";

    fn stats(s: &Shard) -> (u64, u64) {
        (s.stats.keyspace_hits, s.stats.keyspace_misses)
    }

    #[test]
    fn set_get_counts_the_lookup() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "v", "GET"]), NULL);
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "w", "GET"]), bulk("v"));
        assert_eq!(run(&mut s, 0, set, &["SET", "k", "x"]), OK);
        assert_eq!(stats(&s), (1, 1));
    }

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
