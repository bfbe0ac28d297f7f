//! The options of SET and GETEX: their flags, the expiry they set and its unit, parsed in
//! Redis's order.

use crate::errors::{self, ErrorText};
use crate::util::parse_i64;
use bytes::Bytes;

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
/// invalid expire time in '<cmd>' command`.
pub fn expire_ms(unit: ExpireUnit, arg: &[u8], now: i64, cmd: &str) -> Result<i64, ErrorText> {
    let Some(mut ms) = parse_i64(arg) else {
        return Err(errors::NOT_INTEGER.into());
    };
    let seconds = matches!(unit, ExpireUnit::Ex | ExpireUnit::ExAt);
    if ms <= 0 || (seconds && ms > i64::MAX / 1000) {
        return Err(errors::invalid_expire(cmd).into());
    }
    if seconds {
        ms *= 1000;
    }
    if matches!(unit, ExpireUnit::Ex | ExpireUnit::Px) {
        ms = ms.wrapping_add(now);
    }
    if ms <= 0 {
        return Err(errors::invalid_expire(cmd).into());
    }
    Ok(ms)
}

/// Parses the options from `args[first..]` as Redis's `parseExtendedStringArgumentsOrReply`
/// does, then the expire time as `getExpireMillisecondsOrReply` (relative to `now`): a bad
/// combination is a syntax error, a bad number `not an integer`, a non-positive or
/// overflowing time `invalid expire time in '<cmd>' command`.
pub fn parse_write_options(
    args: &[Bytes],
    first: usize,
    kind: OptionsFor,
    now: i64,
) -> Result<WriteOptions, ErrorText> {
    let parsed = parse_write_flags(args, first, kind)?;
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
        opts.expiry = Expiry::At(expire_ms(unit, arg, now, cmd)?);
    } else if parsed.keep_ttl {
        opts.expiry = Expiry::Keep;
    } else if parsed.persist {
        opts.expiry = Expiry::Persist;
    }
    Ok(opts)
}
