//! Expiry (Redis's `expire.c`): the EXPIRE family, TTL queries, and the active expiry cycle.
//!
//! Keys are expired two ways, as in Redis. Lazily: every lookup first removes a key whose
//! time has passed (`Db::expire_if_needed`). Actively: [`active_expire_cycle`], run by the
//! server on a timer, samples keys that have an expiry time and removes the dead ones, so keys
//! nobody asks for do not hold memory forever.
//!
//! As in Redis 7.0, a key counts as expired only once the current millisecond is past its
//! expiry time (`keyIsExpired`: `now > when`), for lookups and the active cycle alike; at the
//! exact millisecond it is still alive (TTL and PTTL report 0). EXPIRE with a time that is not
//! in the future (`when <= now`, Redis's `checkAlreadyExpired`) deletes the key instead.

use crate::aof;
use crate::errors::{self, ErrorText};
use crate::shard::{Ctx, Shard};
use crate::util::parse_i64;
use bytes::Bytes;
use std::time::{Duration, Instant};

/// The NX | XX | GT | LT options of the EXPIRE family.
#[derive(Debug, Default, Clone, Copy)]
struct Conditions {
    nx: bool,
    xx: bool,
    gt: bool,
    lt: bool,
}

/// Parses the options after the time as Redis's `parseExtendedExpireArgumentsOrReply`: any
/// other word is `Unsupported option` (a text naming the word), then the incompatible pairs
/// are refused.
fn parse_conditions(options: &[Bytes]) -> Result<Conditions, ErrorText> {
    let mut c = Conditions::default();
    for opt in options {
        if opt.eq_ignore_ascii_case(b"nx") {
            c.nx = true;
        } else if opt.eq_ignore_ascii_case(b"xx") {
            c.xx = true;
        } else if opt.eq_ignore_ascii_case(b"gt") {
            c.gt = true;
        } else if opt.eq_ignore_ascii_case(b"lt") {
            c.lt = true;
        } else {
            return Err(errors::unsupported_option(opt).into());
        }
    }
    if c.nx && (c.xx || c.gt || c.lt) {
        return Err(errors::EXPIRE_NX_AND_OTHERS.into());
    }
    if c.gt && c.lt {
        return Err(errors::EXPIRE_GT_AND_LT.into());
    }
    Ok(c)
}

/// EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT, as Redis's `expireGenericCommand`. The options
/// are checked before the number; the time may be negative, only an overflow (in the unit
/// conversion or in adding the current time) is an error, named after `cmd`. A time that is
/// not in the future deletes the key (the reply is still 1).
fn expire_generic(ctx: &mut Ctx<'_>, args: &[Bytes], relative: bool, seconds: bool, cmd: &str) {
    let cond = match parse_conditions(&args[3..]) {
        Ok(cond) => cond,
        Err(e) => return ctx.reply.error(&e),
    };
    let Some(when) = parse_i64(&args[2]) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    let now = ctx.now;
    let base = if relative { now } else { 0 };
    let when = if seconds {
        when.checked_mul(1000)
    } else {
        Some(when)
    };
    let Some(when) = when.and_then(|w| w.checked_add(base)) else {
        ctx.reply.error(&errors::invalid_expire(cmd));
        return;
    };
    let key = &args[1][..];
    let (aof_on, loading) = (ctx.aof_enabled(), ctx.loading());
    let (db, _, reply) = ctx.parts();
    // A missing key is refused; no expiry counts as an infinite one: GT never beats it, LT
    // always does.
    let refused = match db.contains(key, now).then(|| db.expire_at(key)) {
        None => true,
        Some(current) => {
            (cond.nx && current.is_some())
                || (cond.xx && current.is_none())
                || (cond.gt && current.is_none_or(|cur| when <= cur))
                || (cond.lt && current.is_some_and(|cur| when >= cur))
        }
    };
    if refused {
        reply.int(0);
        if aof_on {
            ctx.propagate(Vec::new());
        }
        return;
    }
    // Redis's `checkAlreadyExpired`: never while loading, so a replayed PEXPIREAT stores its
    // time whatever the clock says.
    let deleted = when <= now && !loading;
    if deleted {
        db.remove(key);
    } else {
        db.set_expire(key, when);
    }
    reply.int(1);
    ctx.notify(
        crate::notify::GENERIC,
        if deleted { "del" } else { "expire" },
        key,
    );
    if aof_on {
        // Propagated as Redis does: an absolute time, or the deletion it caused.
        let logged = if deleted {
            aof::command(&[b"DEL", key])
        } else {
            [aof::command(&[b"PEXPIREAT", key]), vec![aof::int_arg(when)]].concat()
        };
        ctx.propagate(vec![logged]);
    }
}

/// ```text
/// EXPIRE key seconds [NX | XX | GT | LT]
/// ```
pub fn expire(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    expire_generic(ctx, args, true, true, "expire");
}

/// ```text
/// PEXPIRE key milliseconds [NX | XX | GT | LT]
/// ```
pub fn pexpire(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    expire_generic(ctx, args, true, false, "pexpire");
}

/// ```text
/// EXPIREAT key unix-time-seconds [NX | XX | GT | LT]
/// ```
pub fn expireat(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    expire_generic(ctx, args, false, true, "expireat");
}

/// ```text
/// PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]
/// ```
pub fn pexpireat(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    expire_generic(ctx, args, false, false, "pexpireat");
}

/// TTL, PTTL, EXPIRETIME and PEXPIRETIME, as Redis's `ttlGenericCommand`: -2 for a missing
/// key, -1 for a key without expiry; seconds are rounded to the nearest (`(ms + 500) / 1000`),
/// computed without overflow as Redis's compiled code does for an expiry near `i64::MAX`.
fn ttl_generic(ctx: &mut Ctx<'_>, args: &[Bytes], millis: bool, absolute: bool) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    if db.get(&args[1], now).is_none() {
        stats.keyspace_misses += 1;
        reply.int(-2);
        return;
    }
    stats.keyspace_hits += 1;
    let Some(at) = db.expire_at(&args[1]) else {
        reply.int(-1);
        return;
    };
    let ms = if absolute {
        i128::from(at)
    } else {
        i128::from(at) - i128::from(now)
    }
    .max(0);
    let out = if millis { ms } else { (ms + 500) / 1000 };
    reply.int(i64::try_from(out).unwrap_or(i64::MAX));
}

/// ```text
/// TTL key
/// ```
pub fn ttl(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    ttl_generic(ctx, args, false, false);
}

/// ```text
/// PTTL key
/// ```
pub fn pttl(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    ttl_generic(ctx, args, true, false);
}

/// ```text
/// EXPIRETIME key
/// ```
pub fn expiretime(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    ttl_generic(ctx, args, false, true);
}

/// ```text
/// PEXPIRETIME key
/// ```
pub fn pexpiretime(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    ttl_generic(ctx, args, true, true);
}

/// ```text
/// PERSIST key
/// ```
///
/// 1 if the key had an expiry time and no longer has one, 0 otherwise.
pub fn persist(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let key = &args[1][..];
    let db = ctx.db();
    let removed = db.contains(key, now) && db.persist(key);
    ctx.reply.int(i64::from(removed));
    if removed {
        ctx.notify(crate::notify::GENERIC, "persist", key);
    }
}

/// Keys sampled per database per round (Redis's `ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP`).
pub const KEYS_PER_LOOP: usize = 20;
/// Sample again while more than this percentage of a round was expired (Redis 7's
/// `ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE`).
pub const ACCEPTABLE_STALE_PERCENT: usize = 10;
/// The clock is read once every this many rounds (Redis checks every 16).
const ROUNDS_PER_CLOCK_CHECK: u64 = 16;

/// One active expiry cycle over every database of `shard`, as Redis's `activeExpireCycle`:
/// per database, sample up to [`KEYS_PER_LOOP`] random keys that have an expiry time, remove
/// those whose time is before `now` (counted in `Db::expired_keys`), and sample again
/// while more than [`ACCEPTABLE_STALE_PERCENT`] of the sample was expired. Stops once
/// `budget` is spent (the clock is read every few rounds, so it may overrun slightly). Returns
/// how many keys it removed.
///
/// Redis keeps a static "next database" so a cycle cut short by its budget resumes with the
/// following database; a shard has no room for that state, so each cycle starts at a random
/// database instead, which spreads the work as evenly without starving the last ones.
pub fn active_expire_cycle(shard: &mut Shard, now: i64, budget: Duration) -> u64 {
    let start = Instant::now();
    if shard.aof.needs_sync() {
        shard.sync_aof();
    }
    let Shard { dbs, rng, .. } = shard;
    let ndbs = dbs.len();
    if ndbs == 0 {
        return 0;
    }
    let first = rng.below(ndbs);
    let mut removed = 0u64;
    let mut rounds = 0u64;
    for j in 0..ndbs {
        let db = &mut dbs[(first + j) % ndbs];
        loop {
            let num = db.volatile_len().min(KEYS_PER_LOOP);
            if num == 0 {
                break;
            }
            rounds += 1;
            let (mut sampled, mut expired) = (0usize, 0usize);
            while sampled < num && db.volatile_len() > 0 {
                sampled += 1;
                if db.expire_volatile_at(rng.below(db.volatile_len()), now) {
                    expired += 1;
                }
            }
            removed += expired as u64;
            if rounds.is_multiple_of(ROUNDS_PER_CLOCK_CHECK) && start.elapsed() > budget {
                return removed;
            }
            if expired * 100 / sampled <= ACCEPTABLE_STALE_PERCENT {
                break;
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::put_entry;
    use crate::keys::test_support::run;
    use crate::value::Value;

    fn shard_with_key(expire_at: Option<i64>) -> Shard {
        let mut s = Shard::new(16, 1);
        put_entry(&mut s.dbs[0], b"a", Value::string(b"1"), expire_at);
        s
    }

    #[test]
    fn expire_sets_relative_and_absolute_times() {
        let mut s = shard_with_key(None);
        assert_eq!(run(&mut s, 1000, expire, &["EXPIRE", "a", "10"]), ":1\r\n");
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(11_000));
        assert_eq!(
            run(&mut s, 1000, pexpire, &["PEXPIRE", "a", "10"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(1010));
        assert_eq!(
            run(&mut s, 1000, expireat, &["EXPIREAT", "a", "10"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(10_000));
        assert_eq!(
            run(&mut s, 1000, pexpireat, &["PEXPIREAT", "a", "1500"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(1500));
        assert_eq!(
            run(&mut s, 1000, expire, &["EXPIRE", "missing", "10"]),
            ":0\r\n"
        );
        assert_eq!(run(&mut s, 1501, expire, &["EXPIRE", "a", "10"]), ":0\r\n");
    }

    #[test]
    fn expire_in_the_past_deletes() {
        for (handler, words) in [
            (expire as crate::Handler, &["EXPIRE", "a", "0"][..]),
            (expire, &["EXPIRE", "a", "-5"]),
            (pexpire, &["PEXPIRE", "a", "0"]),
            (expireat, &["EXPIREAT", "a", "1"]),
            (pexpireat, &["PEXPIREAT", "a", "1000"]),
            (pexpireat, &["PEXPIREAT", "a", "-9223372036854775808"]),
            (expireat, &["EXPIREAT", "a", "-9223372036854775"]),
        ] {
            let mut s = shard_with_key(Some(5000));
            assert_eq!(run(&mut s, 1000, handler, words), ":1\r\n", "{words:?}");
            assert_eq!(s.dbs[0].len(), 0, "{words:?}");
            assert_eq!(s.dbs[0].volatile_len(), 0);
            assert_eq!(s.dbs[0].expired_keys, 0, "a deletion, not an expiry");
        }
    }

    #[test]
    fn expire_conditions() {
        let mut s = shard_with_key(None);
        let t = 1000;
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "100", "gt"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "100", "xx"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "100", "LT"]),
            ":1\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "50", "nx"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "100", "xx"]),
            ":1\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "100", "gt"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "100", "lt"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "101", "gt", "xx"]),
            ":1\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "50", "XX", "lt"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(51_000));
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "1", "xx", "xx"]),
            ":1\r\n"
        );
        assert_eq!(run(&mut s, t, persist, &["PERSIST", "a"]), ":1\r\n");
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "7", "nx", "nx"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(8000));
        // GT against no expiry fails even for a past time; LT deletes.
        let mut s = shard_with_key(None);
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "-1", "gt"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "-1", "xx"]),
            ":0\r\n"
        );
        assert_eq!(
            run(&mut s, t, expire, &["EXPIRE", "a", "-1", "lt"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].len(), 0);
    }

    #[test]
    fn expire_errors() {
        let mut s = shard_with_key(None);
        let nx = "-ERR NX and XX, GT or LT options at the same time are not compatible\r\n";
        let gtlt = "-ERR GT and LT options at the same time are not compatible\r\n";
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "10", "nx", "xx"]),
            nx
        );
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "10", "nx", "gt"]),
            nx
        );
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "10", "lt", "nx"]),
            nx
        );
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "10", "nx", "gt", "lt"]),
            nx
        );
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "10", "gt", "lt"]),
            gtlt
        );
        // Options are checked before the number.
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "x", "nx", "xx"]),
            nx
        );
        assert_eq!(
            run(&mut s, 0, pexpire, &["PEXPIRE", "a", "x", "Foo"]),
            "-ERR Unsupported option Foo\r\n"
        );
        assert_eq!(
            run(
                &mut s,
                0,
                expire,
                &["EXPIRE", "a", "10", "xx", "foo", "bar"]
            ),
            "-ERR Unsupported option foo\r\n"
        );
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "10", "f\0oo"]),
            "-ERR Unsupported option f\r\n"
        );
        let not_int = "-ERR value is not an integer or out of range\r\n";
        assert_eq!(run(&mut s, 0, expire, &["EXPIRE", "a", "x"]), not_int);
        assert_eq!(run(&mut s, 0, expire, &["EXPIRE", "a", "1.5"]), not_int);
        assert_eq!(
            run(&mut s, 0, expire, &["EXPIRE", "a", "9223372036854775808"]),
            not_int
        );
        assert_eq!(run(&mut s, 0, expire, &["EXPIRE", "missing", "x"]), not_int);
        assert_eq!(s.dbs[0].expire_at(b"a"), None);
    }

    #[test]
    fn expire_overflow_names_the_command() {
        let mut s = shard_with_key(None);
        let now = 1_700_000_000_000;
        for (handler, words, name) in [
            (
                expire as crate::Handler,
                &["EXPIRE", "a", "9223372036854775807"][..],
                "expire",
            ),
            (expire, &["EXPIRE", "a", "9223372036854775"], "expire"),
            (expire, &["expire", "a", "9223372036854774"], "expire"),
            (expire, &["EXPIRE", "a", "-9223372036854776"], "expire"),
            (pexpire, &["PEXPIRE", "a", "9223372036854775807"], "pexpire"),
            (
                expireat,
                &["ExpireAt", "a", "-9223372036854776"],
                "expireat",
            ),
            (expireat, &["EXPIREAT", "a", "9223372036854776"], "expireat"),
        ] {
            assert_eq!(
                run(&mut s, now, handler, words),
                format!("-ERR invalid expire time in '{name}' command\r\n"),
                "{words:?}"
            );
        }
        // Overflow is checked before the key is looked up.
        assert_eq!(
            run(
                &mut s,
                now,
                pexpire,
                &["PEXPIRE", "missing", "9223372036854775807"]
            ),
            "-ERR invalid expire time in 'pexpire' command\r\n"
        );
        assert_eq!(
            run(
                &mut s,
                now,
                pexpireat,
                &["PEXPIREAT", "a", "9223372036854775807"]
            ),
            ":1\r\n"
        );
        assert_eq!(
            run(&mut s, now, expiretime, &["EXPIRETIME", "a"]),
            ":9223372036854776\r\n"
        );
        assert_eq!(
            run(&mut s, now, pexpiretime, &["PEXPIRETIME", "a"]),
            ":9223372036854775807\r\n"
        );
        assert_eq!(
            run(
                &mut s,
                now,
                expireat,
                &["EXPIREAT", "a", "9223372036854775"]
            ),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].expire_at(b"a"), Some(9_223_372_036_854_775_000));
    }

    #[test]
    fn ttl_family() {
        let mut s = shard_with_key(None);
        for (handler, name) in [
            (ttl as crate::Handler, "TTL"),
            (pttl, "PTTL"),
            (expiretime, "EXPIRETIME"),
            (pexpiretime, "PEXPIRETIME"),
        ] {
            assert_eq!(run(&mut s, 0, handler, &[name, "missing"]), ":-2\r\n");
            assert_eq!(run(&mut s, 0, handler, &[name, "a"]), ":-1\r\n");
        }
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (4, 4));
        s.dbs[0].set_expire(b"a", 10_000);
        assert_eq!(run(&mut s, 1000, pttl, &["PTTL", "a"]), ":9000\r\n");
        assert_eq!(run(&mut s, 1000, ttl, &["TTL", "a"]), ":9\r\n");
        assert_eq!(run(&mut s, 1499, ttl, &["TTL", "a"]), ":9\r\n");
        assert_eq!(run(&mut s, 1500, ttl, &["TTL", "a"]), ":9\r\n");
        assert_eq!(run(&mut s, 1501, ttl, &["TTL", "a"]), ":8\r\n");
        assert_eq!(run(&mut s, 9501, ttl, &["TTL", "a"]), ":0\r\n");
        assert_eq!(run(&mut s, 9999, pttl, &["PTTL", "a"]), ":1\r\n");
        assert_eq!(run(&mut s, 0, expiretime, &["EXPIRETIME", "a"]), ":10\r\n");
        assert_eq!(
            run(&mut s, 0, pexpiretime, &["PEXPIRETIME", "a"]),
            ":10000\r\n"
        );
        s.dbs[0].set_expire(b"a", 10_500);
        assert_eq!(run(&mut s, 0, expiretime, &["EXPIRETIME", "a"]), ":11\r\n");
        // At its exact expiry millisecond the key still exists with nothing left (Redis
        // expires a key only once now > its time); one millisecond later it is gone.
        assert_eq!(run(&mut s, 10_500, ttl, &["TTL", "a"]), ":0\r\n");
        assert_eq!(run(&mut s, 10_500, pttl, &["PTTL", "a"]), ":0\r\n");
        assert_eq!(
            run(&mut s, 10_500, pexpiretime, &["PEXPIRETIME", "a"]),
            ":10500\r\n"
        );
        assert_eq!(run(&mut s, 10_501, ttl, &["TTL", "a"]), ":-2\r\n");
        assert_eq!(
            run(&mut s, 10_501, pexpiretime, &["PEXPIRETIME", "a"]),
            ":-2\r\n"
        );
    }

    #[test]
    fn persist_removes_the_expiry() {
        let mut s = shard_with_key(Some(100));
        assert_eq!(run(&mut s, 0, persist, &["PERSIST", "a"]), ":1\r\n");
        assert_eq!(s.dbs[0].expire_at(b"a"), None);
        assert_eq!(run(&mut s, 0, persist, &["PERSIST", "a"]), ":0\r\n");
        assert_eq!(run(&mut s, 0, persist, &["PERSIST", "missing"]), ":0\r\n");
        let mut s = shard_with_key(Some(100));
        assert_eq!(run(&mut s, 101, persist, &["PERSIST", "a"]), ":0\r\n");
        assert_eq!(s.dbs[0].len(), 0);
    }

    fn fill(s: &mut Shard, db: usize, dead: usize, live: usize, live_expire: Option<i64>) {
        for i in 0..dead {
            put_entry(
                &mut s.dbs[db],
                format!("dead{i}").as_bytes(),
                Value::string(b"v"),
                Some(500),
            );
        }
        for i in 0..live {
            put_entry(
                &mut s.dbs[db],
                format!("live{i}").as_bytes(),
                Value::string(b"v"),
                live_expire,
            );
        }
    }

    const NOW: i64 = 1000;
    const PLENTY: Duration = Duration::from_secs(10);

    #[test]
    fn active_cycle_removes_expired_and_keeps_live_keys() {
        // 9,000 dead keys among 10,000: the live ones have no expiry, so every sample is all
        // dead and one cycle clears them.
        let mut s = Shard::new(16, 11);
        fill(&mut s, 0, 9000, 1000, None);
        assert_eq!(active_expire_cycle(&mut s, NOW, PLENTY), 9000);
        assert_eq!(
            (
                s.dbs[0].len(),
                s.dbs[0].volatile_len(),
                s.dbs[0].expired_keys
            ),
            (1000, 0, 9000)
        );

        // Same, but the live keys expire later: a cycle stops once few samples are dead (the
        // 10% Redis accepts), and later cycles find the rest.
        let mut s = Shard::new(16, 12);
        fill(&mut s, 0, 9000, 1000, Some(NOW + 60_000));
        fill(&mut s, 5, 900, 100, Some(NOW + 60_000));
        let mut removed = active_expire_cycle(&mut s, NOW, PLENTY);
        let stale = |s: &Shard| s.dbs[0].len() + s.dbs[5].len() - 1100;
        assert!(
            stale(&s) < 1500,
            "first cycle left {} stale keys",
            stale(&s)
        );
        let mut cycles = 1;
        while stale(&s) > 0 {
            removed += active_expire_cycle(&mut s, NOW, PLENTY);
            cycles += 1;
            assert!(cycles < 10_000, "stale keys never cleared");
        }
        assert_eq!(removed, 9900);
        assert_eq!(s.dbs[0].expired_keys + s.dbs[5].expired_keys, 9900);
        for i in 0..1000 {
            assert!(
                s.dbs[0].contains(format!("live{i}").as_bytes(), NOW),
                "live{i} lost"
            );
        }
        assert_eq!(
            (s.dbs[0].volatile_len(), s.dbs[5].volatile_len()),
            (1000, 100)
        );
        // Nothing left to do: a cycle removes nothing.
        assert_eq!(active_expire_cycle(&mut s, NOW, PLENTY), 0);
    }

    #[test]
    fn active_cycle_respects_its_budget() {
        let mut s = Shard::new(1, 13);
        fill(&mut s, 0, 10_000, 0, None);
        // With no budget it stops at the first clock check.
        let removed = active_expire_cycle(&mut s, NOW, Duration::ZERO);
        assert_eq!(
            removed,
            (ROUNDS_PER_CLOCK_CHECK as usize * KEYS_PER_LOOP) as u64
        );
        assert_eq!(s.dbs[0].len(), 10_000 - removed as usize);
    }

    #[test]
    fn active_cycle_on_empty_shard() {
        let mut s = Shard::new(16, 14);
        assert_eq!(active_expire_cycle(&mut s, NOW, PLENTY), 0);
        fill(&mut s, 2, 0, 10, Some(NOW + 1));
        assert_eq!(active_expire_cycle(&mut s, NOW, PLENTY), 0);
        // A key is not expired at its exact expiry millisecond, only after it.
        assert_eq!(active_expire_cycle(&mut s, NOW + 1, PLENTY), 0);
        assert_eq!(active_expire_cycle(&mut s, NOW + 2, PLENTY), 10);
    }
}
