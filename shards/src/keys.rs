//! Keyspace commands (the command half of Redis's `db.c`): DEL, EXISTS, TYPE, KEYS, SCAN, ...
//!
//! Every handler works on the keys it is given, all of them owned by this shard: the server
//! splits multi-key commands (DEL, EXISTS, ...) by shard and merges the replies, and runs
//! cross-shard RENAME, COPY and MOVE with [`take_entry`], [`peek_entry`] and [`put_entry`].
//!
//! Which lookups count in INFO's `keyspace_hits`/`keyspace_misses` follows Redis 7.0: the
//! read lookups (EXISTS, TYPE, TOUCH, COPY's source, SCAN's TYPE filter) count, the write
//! lookups (DEL, RENAME, ...) and the walks (KEYS, RANDOMKEY) do not.

use crate::db::{Db, Key};
use crate::errors;
use crate::glob::glob_match;
use crate::shard::Ctx;
use crate::util::parse_i64;
use crate::value::Value;
use bytes::Bytes;

/// Removes a live key from `db` and returns its value and absolute expiry time (ms), for the
/// source half of a cross-shard RENAME or MOVE. `None` if the key is missing or expired (an
/// expired key is removed and counted as expired).
pub fn take_entry(db: &mut Db, key: &[u8], now: i64) -> Option<(Value, Option<i64>)> {
    if !db.contains(key, now) {
        return None;
    }
    let expire_at = db.expire_at(key);
    db.remove(key).map(|value| (value, expire_at))
}

/// Copies a live key's value and absolute expiry time (ms) without removing it, for the
/// source half of a cross-shard COPY. `None` if the key is missing or expired.
pub fn peek_entry(db: &mut Db, key: &[u8], now: i64) -> Option<(Value, Option<i64>)> {
    let value = db.get(key, now)?.clone();
    Some((value, db.expire_at(key)))
}

/// Stores `value` under `key` with the absolute expiry time `expire_at` (ms; `None` for no
/// expiry), replacing whatever the key held and its expiry: the destination half of RENAME,
/// COPY and MOVE.
pub fn put_entry(db: &mut Db, key: &[u8], value: Value, expire_at: Option<i64>) {
    db.set(key, value);
    if let Some(when) = expire_at {
        db.set_expire(key, when);
    }
}

/// [`put_entry`] raising the keyspace events `events` (class, name) on `key` instead of the
/// ones storing raises (`new`): the destination half of a command run across shards, whose
/// events the command decides.
pub fn put_entry_raising(
    db: &mut Db,
    key: &[u8],
    value: Value,
    expire_at: Option<i64>,
    events: &[(u32, &'static str)],
) {
    let mark = db.events.len();
    put_entry(db, key, value, expire_at);
    db.events.truncate(mark);
    for &(class, event) in events {
        db.notify(class, event, key);
    }
}

/// ```text
/// DEL key [key ...]
/// ```
pub fn del(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    del_generic(ctx, args);
}

/// ```text
/// UNLINK key [key ...]
/// ```
///
/// Redis frees large values in a background thread; a shard owns no threads, so this is DEL.
pub fn unlink(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    del_generic(ctx, args);
}

/// DEL and UNLINK, as Redis's `delGenericCommand`: an expired key is first expired (counted in
/// `expired_keys`) and then not counted as deleted.
fn del_generic(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let mut deleted = 0;
    for key in &args[1..] {
        let db = ctx.db();
        db.expire_if_needed(key, now);
        if db.remove(key).is_some() {
            deleted += 1;
            ctx.notify(crate::notify::GENERIC, "del", key);
        }
    }
    ctx.reply.int(deleted);
}

/// ```text
/// EXISTS key [key ...]
/// ```
///
/// A key named twice is counted twice.
pub fn exists(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let n = count_read_hits(ctx, args);
    ctx.reply.int(n);
}

/// ```text
/// TOUCH key [key ...]
/// ```
///
/// Counts the keys that exist (there is no access clock to update yet).
pub fn touch(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let n = count_read_hits(ctx, args);
    ctx.reply.int(n);
}

/// Looks every key of `args[1..]` up for reading (counting hits and misses); how many exist.
fn count_read_hits(ctx: &mut Ctx<'_>, args: &[Bytes]) -> i64 {
    let now = ctx.now;
    let (db, stats, _) = ctx.parts();
    let mut found = 0;
    for key in &args[1..] {
        if db.get(key, now).is_some() {
            stats.keyspace_hits += 1;
            found += 1;
        } else {
            stats.keyspace_misses += 1;
            db.notify(crate::notify::KEY_MISS, "keymiss", key);
        }
    }
    found
}

/// ```text
/// TYPE key
/// ```
///
/// A status reply: `string`, `list`, ..., or `none` when the key does not exist.
pub fn type_(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match db.get(&args[1], now) {
        Some(value) => {
            stats.keyspace_hits += 1;
            reply.simple(value.type_name());
        }
        None => {
            stats.keyspace_misses += 1;
            db.notify(crate::notify::KEY_MISS, "keymiss", &args[1]);
            reply.simple("none");
        }
    }
}

/// ```text
/// KEYS pattern
/// ```
///
/// Every key matching the glob `pattern`. Expired keys are skipped but, as in Redis, not
/// removed.
pub fn keys(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let pattern = &args[1][..];
    let all = pattern == b"*";
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let db: &Db = db;
    let matched: Vec<&Key> = db
        .entries
        .keys()
        .filter(|key| (all || glob_match(pattern, key, false)) && !db.is_expired(key, now))
        .collect();
    reply.array(matched.len());
    for key in matched {
        reply.bulk(key);
    }
}

/// ```text
/// DBSIZE
/// ```
///
/// Counts keys whose time has passed but that are not removed yet, as Redis does.
pub fn dbsize(ctx: &mut Ctx<'_>, _args: &[Bytes]) {
    let n = ctx.db().len();
    ctx.reply.int(n as i64);
}

/// True when `args` is `FLUSHDB`/`FLUSHALL` alone or followed by `ASYNC` or `SYNC` (Redis's
/// `getFlushCommandFlags`).
fn flush_args_ok(args: &[Bytes]) -> bool {
    match args.len() {
        1 => true,
        2 => args[1].eq_ignore_ascii_case(b"async") || args[1].eq_ignore_ascii_case(b"sync"),
        _ => false,
    }
}

/// ```text
/// FLUSHDB [ASYNC | SYNC]
/// ```
///
/// ASYNC is accepted and runs synchronously: a shard owns no background thread to free on.
pub fn flushdb(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if !flush_args_ok(args) {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    ctx.db().clear();
    ctx.reply.ok();
}

/// ```text
/// FLUSHALL [ASYNC | SYNC]
/// ```
///
/// Clears every database of this shard (the server sends it to every shard).
pub fn flushall(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if !flush_args_ok(args) {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    for db in &mut ctx.shard.dbs {
        db.clear();
    }
    ctx.reply.ok();
}

/// ```text
/// RANDOMKEY
/// ```
///
/// A key chosen uniformly from this shard's database, or null when it is empty. A chosen key
/// whose time has passed is removed and another one drawn, as in Redis's `dbRandomKey`.
pub fn randomkey(ctx: &mut Ctx<'_>, _args: &[Bytes]) {
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    while !db.is_empty() {
        let index = shard.rng.below(db.len());
        let Some((key, _)) = db.entry_at(index) else {
            break;
        };
        if !db.is_expired(key, now) {
            reply.bulk(key);
            return;
        }
        let key = key.clone();
        db.expire_if_needed(&key, now);
    }
    reply.null();
}

/// ```text
/// RENAME key newkey
/// ```
pub fn rename(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    rename_generic(ctx, args, false);
}

/// ```text
/// RENAMENX key newkey
/// ```
pub fn renamenx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    rename_generic(ctx, args, true);
}

/// RENAME and RENAMENX with both keys on this shard, as Redis's `renameGenericCommand`: a
/// missing source is an error even when renaming a key to itself, which otherwise does
/// nothing (`OK`, or 0 for RENAMENX); the expiry time moves with the value.
fn rename_generic(ctx: &mut Ctx<'_>, args: &[Bytes], nx: bool) {
    let (src, dst) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    if !db.contains(src, now) {
        reply.error(errors::NO_SUCH_KEY);
        return;
    }
    if src == dst {
        if nx {
            reply.int(0);
        } else {
            reply.ok();
        }
        return;
    }
    if db.contains(dst, now) {
        if nx {
            reply.int(0);
            return;
        }
        db.remove(dst);
    }
    let Some((value, expire_at)) = take_entry(db, src, now) else {
        reply.error(errors::NO_SUCH_KEY);
        return;
    };
    put_entry(db, dst, value, expire_at);
    if nx {
        reply.int(1);
    } else {
        reply.ok();
    }
    ctx.notify(crate::notify::GENERIC, "rename_from", src);
    ctx.notify(crate::notify::GENERIC, "rename_to", dst);
}

/// COPY's options (`COPY source destination [DB destination-db] [REPLACE]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyOptions {
    /// REPLACE: overwrite an existing destination.
    pub replace: bool,
    /// DB: the destination's database, when named.
    pub db: Option<usize>,
}

/// Parses COPY's options after its two keys, with Redis's errors in Redis's order: the one
/// parser the handler, the cross-shard COPY and the lock protocol (which locks the
/// destination in the database it names) all use. `databases`: how many there are.
pub fn parse_copy_options(args: &[Bytes], databases: usize) -> Result<CopyOptions, &'static str> {
    let mut options = CopyOptions {
        replace: false,
        db: None,
    };
    let mut j = 3;
    while j < args.len() {
        let opt = &args[j][..];
        if opt.eq_ignore_ascii_case(b"replace") {
            options.replace = true;
        } else if opt.eq_ignore_ascii_case(b"db") && j + 1 < args.len() {
            let id = parse_i64(&args[j + 1]).ok_or(errors::NOT_INTEGER)?;
            let id = i32::try_from(id).map_err(|_| errors::INT_RANGE)?;
            match usize::try_from(id) {
                Ok(id) if id < databases => options.db = Some(id),
                _ => return Err(errors::DB_INDEX),
            }
            j += 1;
        } else {
            return Err(errors::SYNTAX);
        }
        j += 1;
    }
    Ok(options)
}

/// ```text
/// COPY source destination [DB destination-db] [REPLACE]
/// ```
///
/// Both keys on this shard; `DB` may name another database of it. Replies 1 when copied, 0
/// when the source is missing or the destination exists without REPLACE. The copy keeps the
/// source's expiry time.
pub fn copy(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let src_db = ctx.db;
    let options = match parse_copy_options(args, ctx.shard.dbs.len()) {
        Ok(options) => options,
        Err(e) => {
            ctx.reply.error(e);
            return;
        }
    };
    let (replace, dst_db) = (options.replace, options.db.unwrap_or(src_db));
    let (src, dst) = (&args[1][..], &args[2][..]);
    if src_db == dst_db && src == dst {
        ctx.reply.error(errors::SAME_OBJECT);
        return;
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let Some((value, expire_at)) = peek_entry(&mut shard.dbs[src_db], src, now) else {
        shard.stats.keyspace_misses += 1;
        shard.dbs[src_db].notify(crate::notify::KEY_MISS, "keymiss", src);
        reply.int(0);
        return;
    };
    shard.stats.keyspace_hits += 1;
    let target = &mut shard.dbs[dst_db];
    if target.contains(dst, now) && !replace {
        reply.int(0);
        return;
    }
    // Redis deletes a replaced destination and adds the copy (a `new` event).
    target.remove(dst);
    put_entry(target, dst, value, expire_at);
    target.notify(crate::notify::GENERIC, "copy_to", dst);
    reply.int(1);
}

/// Parses a SCAN cursor as Redis's `parseScanCursorOrReply` does with C's `strtoul`: no
/// leading space, an optional sign (a negative cursor wraps around, as in C), decimal digits
/// and nothing after them, where the text ends at a NUL byte as a C string does; so the empty
/// string is cursor 0. `None` on overflow or a stray character.
pub fn parse_cursor(s: &[u8]) -> Option<u64> {
    let s = &s[..s.iter().position(|&b| b == 0).unwrap_or(s.len())];
    let (negative, digits) = match s.first() {
        None => return Some(0),
        Some(b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') => return None,
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        Some(_) => (false, s),
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
    }
    Some(if negative { v.wrapping_neg() } else { v })
}

/// ```text
/// SCAN inner-cursor [MATCH pattern] [COUNT count] [TYPE type]
/// ```
///
/// This shard's part of SCAN; the server maps the client's cursor to a shard and an inner
/// cursor and back. The inner cursor walks the database's dense index from the top down
/// (see `db.rs`): 0 starts at the last index, `c >= 1` continues at index `c - 1` (or at the
/// last index if the database shrank below it), and a reply cursor of 0 means done. Removal
/// moves the last entry into the hole, which a downward walk has already passed, so a key
/// present for the whole scan is returned at least once.
///
/// Each call visits COUNT (default 10) indices, then filters what it found, in Redis's order:
/// MATCH, then TYPE (a read lookup), then expiry (an expired key is removed). So a reply may
/// hold fewer than COUNT keys, or none, before the scan is done.
pub fn scan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[1]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let mut count: i64 = 10;
    let mut pattern: Option<&[u8]> = None;
    let mut type_name: Option<&[u8]> = None;
    let mut i = 2;
    while i < args.len() {
        let opt = &args[i][..];
        let value = args.get(i + 1).map(|v| &v[..]);
        match value {
            Some(v) if opt.eq_ignore_ascii_case(b"count") => match parse_i64(v) {
                None => {
                    ctx.reply.error(errors::NOT_INTEGER);
                    return;
                }
                Some(n) if n < 1 => {
                    ctx.reply.error(errors::SYNTAX);
                    return;
                }
                Some(n) => count = n,
            },
            // A pattern of exactly "*" matches everything: no filter, as in Redis.
            Some(v) if opt.eq_ignore_ascii_case(b"match") => pattern = (v != b"*").then_some(v),
            Some(v) if opt.eq_ignore_ascii_case(b"type") => type_name = Some(v),
            _ => {
                ctx.reply.error(errors::SYNTAX);
                return;
            }
        }
        i += 2;
    }

    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let len = db.len();
    let mut next: usize = 0;
    let mut found: Vec<Key> = Vec::new();
    if len > 0 {
        let top = match cursor {
            0 => len - 1,
            c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
        };
        let visit = usize::try_from(count).unwrap_or(usize::MAX).min(top + 1);
        let bottom = top + 1 - visit;
        for index in (bottom..=top).rev() {
            if let Some((key, _)) = db.entry_at(index) {
                if pattern.is_none_or(|p| glob_match(p, key, false)) {
                    found.push(key.clone());
                }
            }
        }
        next = bottom;
    }
    // Filtering may remove expired keys; each removal moves the last entry into a hole at or
    // above `bottom`, so nothing below `bottom` (still to visit) moves.
    found.retain(|key| {
        if let Some(wanted) = type_name {
            let actual = match db.get(key, now) {
                Some(value) => {
                    stats.keyspace_hits += 1;
                    value.type_name()
                }
                None => {
                    stats.keyspace_misses += 1;
                    db.notify(crate::notify::KEY_MISS, "keymiss", key);
                    "none"
                }
            };
            if !actual.as_bytes().eq_ignore_ascii_case(wanted) {
                return false;
            }
        }
        !db.expire_if_needed(key, now)
    });
    reply.array(2);
    reply.bulk(next.to_string().as_bytes());
    reply.array(found.len());
    for key in &found {
        reply.bulk(key);
    }
}

/// ```text
/// OBJECT ENCODING key
/// OBJECT FREQ key
/// OBJECT IDLETIME key
/// ```
/// Without touching the key (Redis's `LOOKUP_NOTOUCH`): FREQ is its LFU counter after decay
/// (only under an LFU policy), IDLETIME the seconds since its last access (only under
/// another policy).
pub fn object(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    /// What the subcommand reports.
    enum Sub {
        Encoding,
        Freq,
        IdleTime,
    }
    let sub = if args[1].eq_ignore_ascii_case(b"ENCODING") {
        Sub::Encoding
    } else if args[1].eq_ignore_ascii_case(b"FREQ") {
        Sub::Freq
    } else if args[1].eq_ignore_ascii_case(b"IDLETIME") {
        Sub::IdleTime
    } else {
        let sub = &args[1][..args[1]
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(args[1].len())];
        let mut text = b"ERR unknown subcommand '".to_vec();
        text.extend_from_slice(&sub[..sub.len().min(128)]);
        text.extend_from_slice(b"'. Try OBJECT HELP.");
        ctx.reply.error_bytes(&text);
        return;
    };
    if args.len() != 3 {
        let name = String::from_utf8_lossy(&args[1]).to_ascii_lowercase();
        ctx.reply.error(&format!(
            "ERR wrong number of arguments for 'object|{name}' command"
        ));
        return;
    }
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let access = *db.access();
    let Some((meta, value)) = db.peek(&args[2], now) else {
        return reply.null();
    };
    match sub {
        Sub::Encoding => reply.bulk(value.encoding().as_bytes()),
        Sub::Freq if !access.lfu => reply.error(errors::OBJECT_FREQ_NOT_LFU),
        Sub::Freq => reply.int(access.lfu_counter(meta, now) as i64),
        Sub::IdleTime if access.lfu => reply.error(errors::OBJECT_IDLETIME_LFU),
        Sub::IdleTime => reply.int((crate::evict::idle_ms(meta, now) / 1000) as i64),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::reply::Reply;
    use crate::shard::Shard;
    use crate::Handler;
    use std::collections::HashSet;

    /// Runs one command given as words against database `db` of `shard` at time `now`,
    /// returning the raw reply.
    pub(crate) fn run_db(
        shard: &mut Shard,
        db: usize,
        now: i64,
        handler: Handler,
        words: &[&str],
    ) -> String {
        let args: Vec<Bytes> = words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        let mut reply = Reply::new(false);
        shard.run(handler, db, now, &args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
    }

    /// [`run_db`] on database 0.
    pub(crate) fn run(shard: &mut Shard, now: i64, handler: Handler, words: &[&str]) -> String {
        run_db(shard, 0, now, handler, words)
    }

    fn put(shard: &mut Shard, db: usize, key: &str, value: &str, expire_at: Option<i64>) {
        put_entry(
            &mut shard.dbs[db],
            key.as_bytes(),
            Value::string(value.as_bytes()),
            expire_at,
        );
    }

    /// The events taken from `shard`, as `key:event`.
    fn events(shard: &mut Shard) -> Vec<String> {
        shard
            .take_events()
            .into_iter()
            .map(|e| format!("{}:{}", String::from_utf8_lossy(&e.key), e.event))
            .collect()
    }

    #[test]
    fn copy_and_rename_raise_redis_events() {
        let mut s = shard_with(&["a", "b"]);
        s.set_notify_flags(
            crate::notify::ALL
                | crate::notify::NEW
                | crate::notify::KEY_MISS
                | crate::notify::KEYSPACE,
        );
        run(&mut s, 0, copy, &["COPY", "a", "b"]);
        run(&mut s, 0, copy, &["COPY", "a", "b", "REPLACE"]);
        run(&mut s, 0, copy, &["COPY", "none", "b"]);
        run(&mut s, 0, rename, &["RENAME", "a", "c"]);
        run(&mut s, 0, rename, &["RENAME", "none", "c"]);
        assert_eq!(
            events(&mut s),
            [
                "b:new",
                "b:copy_to",
                "none:keymiss",
                "c:new",
                "a:rename_from",
                "c:rename_to"
            ]
        );
    }

    #[test]
    fn a_write_over_a_key_past_its_time_expires_it_first_as_redis() {
        // Checked against redis-server 7.0 with active expiry off: SETEX and a non-empty
        // SINTERSTORE look the key up for writing (expired, new); an empty one deletes (del).
        let mut s = Shard::new(1, 7);
        for key in ["x", "y", "z"] {
            put(&mut s, 0, key, "v", Some(5));
        }
        run(&mut s, 0, crate::types::set::sadd, &["SADD", "s", "a"]);
        s.set_notify_flags(crate::notify::ALL | crate::notify::NEW | crate::notify::KEYSPACE);
        run(
            &mut s,
            10,
            crate::types::string::setex,
            &["SETEX", "x", "100", "v"],
        );
        run(
            &mut s,
            10,
            crate::types::set::sinterstore,
            &["SINTERSTORE", "y", "s"],
        );
        run(
            &mut s,
            10,
            crate::types::set::sinterstore,
            &["SINTERSTORE", "z", "none"],
        );
        assert_eq!(
            events(&mut s),
            [
                "x:expired",
                "x:new",
                "x:set",
                "x:expire",
                "y:expired",
                "y:new",
                "y:sinterstore",
                "z:del"
            ]
        );
    }

    #[test]
    fn a_put_raises_the_given_events_instead_of_new() {
        let mut s = Shard::new(1, 7);
        s.set_notify_flags(crate::notify::ALL | crate::notify::NEW | crate::notify::KEYEVENT);
        put_entry_raising(
            &mut s.dbs[0],
            b"k",
            Value::string(b"v"),
            None,
            &[
                (crate::notify::GENERIC, "rename_to"),
                (crate::notify::LIST, "lpush"),
            ],
        );
        assert_eq!(events(&mut s), ["k:rename_to", "k:lpush"]);
        s.set_notify_flags(crate::notify::GENERIC | crate::notify::KEYEVENT);
        put_entry_raising(
            &mut s.dbs[0],
            b"k",
            Value::string(b"v"),
            None,
            &[(crate::notify::LIST, "lpush")],
        );
        assert!(
            events(&mut s).is_empty(),
            "a class not wanted is not raised"
        );
    }

    fn shard_with(keys: &[&str]) -> Shard {
        let mut s = Shard::new(16, 7);
        for k in keys {
            put(&mut s, 0, k, "v", None);
        }
        s
    }

    /// The keys of a SCAN reply and its cursor.
    fn parse_scan(reply: &str) -> (u64, Vec<String>) {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        assert_eq!(lines[0], "*2", "{reply}");
        let cursor = lines[2].parse().unwrap();
        let n: usize = lines[3][1..].parse().unwrap();
        let keys = (0..n).map(|i| lines[5 + 2 * i].to_string()).collect();
        (cursor, keys)
    }

    #[test]
    fn del_and_unlink_count_deleted_keys() {
        let mut s = shard_with(&["a", "b", "c"]);
        assert_eq!(run(&mut s, 0, del, &["DEL", "a", "a", "zz"]), ":1\r\n");
        assert_eq!(run(&mut s, 0, unlink, &["UNLINK", "b", "c", "b"]), ":2\r\n");
        assert_eq!(s.dbs[0].len(), 0);
        put(&mut s, 0, "e", "v", Some(100));
        assert_eq!(run(&mut s, 101, del, &["DEL", "e"]), ":0\r\n");
        assert_eq!(s.dbs[0].expired_keys, 1);
        put(&mut s, 0, "t", "v", Some(100));
        assert_eq!(run(&mut s, 99, del, &["DEL", "t"]), ":1\r\n");
        assert_eq!(s.dbs[0].volatile_len(), 0);
    }

    #[test]
    fn exists_counts_duplicates_and_stats() {
        let mut s = shard_with(&["a"]);
        put(&mut s, 0, "e", "v", Some(50));
        assert_eq!(run(&mut s, 0, exists, &["EXISTS", "a", "a", "b"]), ":2\r\n");
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (2, 1));
        assert_eq!(run(&mut s, 49, exists, &["EXISTS", "e"]), ":1\r\n");
        // Still there at its exact expiry millisecond, gone one after (Redis: now > when).
        assert_eq!(run(&mut s, 50, exists, &["EXISTS", "e"]), ":1\r\n");
        assert_eq!(run(&mut s, 51, exists, &["EXISTS", "e"]), ":0\r\n");
        assert_eq!(run_db(&mut s, 1, 0, exists, &["EXISTS", "a"]), ":0\r\n");
    }

    #[test]
    fn touch_counts_existing_keys() {
        let mut s = shard_with(&["a", "b"]);
        assert_eq!(
            run(&mut s, 0, touch, &["TOUCH", "a", "b", "c", "a"]),
            ":3\r\n"
        );
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (3, 1));
    }

    #[test]
    fn type_is_a_status_reply() {
        let mut s = shard_with(&["a"]);
        assert_eq!(run(&mut s, 0, type_, &["TYPE", "a"]), "+string\r\n");
        assert_eq!(run(&mut s, 0, type_, &["TYPE", "b"]), "+none\r\n");
        put(&mut s, 0, "e", "v", Some(10));
        assert_eq!(run(&mut s, 11, type_, &["TYPE", "e"]), "+none\r\n");
        let mut r3 = Reply::new(true);
        s.run(
            type_,
            0,
            0,
            &[Bytes::from_static(b"TYPE"), Bytes::from_static(b"a")],
            &mut r3,
        );
        assert_eq!(r3.as_bytes(), b"+string\r\n");
    }

    #[test]
    fn keys_matches_and_skips_expired_without_removing() {
        let mut s = shard_with(&["one", "two", "three"]);
        put(&mut s, 0, "tick", "v", Some(10));
        let mut all = parse_keys(&run(&mut s, 11, keys, &["KEYS", "*"]));
        all.sort();
        assert_eq!(all, ["one", "three", "two"]);
        assert_eq!(s.dbs[0].len(), 4, "KEYS does not remove expired keys");
        let mut t = parse_keys(&run(&mut s, 9, keys, &["KEYS", "t*"]));
        t.sort();
        assert_eq!(t, ["three", "tick", "two"]);
        assert_eq!(
            run(&mut s, 0, keys, &["KEYS", "?ne"]),
            "*1\r\n$3\r\none\r\n"
        );
        assert_eq!(run(&mut s, 0, keys, &["KEYS", "["]), "*0\r\n");
        assert_eq!(run_db(&mut s, 3, 0, keys, &["KEYS", "*"]), "*0\r\n");
    }

    fn parse_keys(reply: &str) -> Vec<String> {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        let n: usize = lines[0][1..].parse().unwrap();
        (0..n).map(|i| lines[2 + 2 * i].to_string()).collect()
    }

    #[test]
    fn dbsize_counts_not_yet_removed_keys() {
        let mut s = shard_with(&["a", "b"]);
        put(&mut s, 0, "e", "v", Some(10));
        assert_eq!(run(&mut s, 100, dbsize, &["DBSIZE"]), ":3\r\n");
        assert_eq!(run_db(&mut s, 1, 100, dbsize, &["DBSIZE"]), ":0\r\n");
    }

    #[test]
    fn flushdb_and_flushall() {
        let mut s = shard_with(&["a", "b"]);
        put(&mut s, 1, "c", "v", Some(10));
        for bad in [&["FLUSHDB", "x"][..], &["FLUSHDB", "async", "async"]] {
            assert_eq!(run(&mut s, 0, flushdb, bad), "-ERR syntax error\r\n");
        }
        assert_eq!(
            run(&mut s, 0, flushall, &["FLUSHALL", "now"]),
            "-ERR syntax error\r\n"
        );
        assert_eq!(s.dbs[0].len(), 2);
        assert_eq!(run(&mut s, 0, flushdb, &["FLUSHDB", "aSync"]), "+OK\r\n");
        assert_eq!((s.dbs[0].len(), s.dbs[1].len()), (0, 1));
        assert_eq!(run(&mut s, 0, flushdb, &["FLUSHDB"]), "+OK\r\n");
        assert_eq!(run(&mut s, 0, flushall, &["FLUSHALL", "SYNC"]), "+OK\r\n");
        assert_eq!((s.dbs[1].len(), s.dbs[1].volatile_len()), (0, 0));
        assert_eq!(run(&mut s, 0, flushall, &["FLUSHALL"]), "+OK\r\n");
    }

    #[test]
    fn randomkey_is_uniform_and_skips_expired() {
        let mut s = Shard::new(16, 3);
        assert_eq!(run(&mut s, 0, randomkey, &["RANDOMKEY"]), "$-1\r\n");
        for k in ["a", "b", "c", "d"] {
            put(&mut s, 0, k, "v", None);
        }
        let mut seen = std::collections::HashMap::new();
        for _ in 0..4000 {
            *seen
                .entry(run(&mut s, 0, randomkey, &["RANDOMKEY"]))
                .or_insert(0) += 1;
        }
        assert_eq!(seen.len(), 4);
        assert!(seen.values().all(|&n| n > 800), "{seen:?}");

        let mut s = Shard::new(16, 3);
        for i in 0..50 {
            put(&mut s, 0, &format!("dead{i}"), "v", Some(5));
        }
        put(&mut s, 0, "live", "v", None);
        assert_eq!(run(&mut s, 6, randomkey, &["RANDOMKEY"]), "$4\r\nlive\r\n");
        let mut s = Shard::new(16, 3);
        for i in 0..50 {
            put(&mut s, 0, &format!("dead{i}"), "v", Some(5));
        }
        assert_eq!(run(&mut s, 6, randomkey, &["RANDOMKEY"]), "$-1\r\n");
        assert_eq!((s.dbs[0].len(), s.dbs[0].expired_keys), (0, 50));
    }

    #[test]
    fn rename_moves_value_and_ttl() {
        let mut s = shard_with(&["b"]);
        put(&mut s, 0, "a", "1", Some(1000));
        assert_eq!(run(&mut s, 0, rename, &["RENAME", "a", "b"]), "+OK\r\n");
        assert!(!s.dbs[0].contains(b"a", 0));
        assert_eq!(s.dbs[0].get(b"b", 0), Some(&Value::string(b"1")));
        assert_eq!(s.dbs[0].expire_at(b"b"), Some(1000));
        assert_eq!(s.dbs[0].volatile_len(), 1);
        // A TTL on the destination does not survive the overwrite.
        put(&mut s, 0, "c", "2", None);
        put(&mut s, 0, "d", "3", Some(50));
        assert_eq!(run(&mut s, 0, rename, &["RENAME", "c", "d"]), "+OK\r\n");
        assert_eq!(s.dbs[0].expire_at(b"d"), None);
        assert_eq!(s.dbs[0].get(b"d", 0), Some(&Value::string(b"2")));
    }

    #[test]
    fn rename_errors_and_same_key() {
        let mut s = shard_with(&["a"]);
        assert_eq!(
            run(&mut s, 0, rename, &["RENAME", "zz", "b"]),
            "-ERR no such key\r\n"
        );
        assert_eq!(
            run(&mut s, 0, rename, &["RENAME", "zz", "zz"]),
            "-ERR no such key\r\n"
        );
        assert_eq!(
            run(&mut s, 0, renamenx, &["RENAMENX", "zz", "b"]),
            "-ERR no such key\r\n"
        );
        assert_eq!(run(&mut s, 0, rename, &["RENAME", "a", "a"]), "+OK\r\n");
        assert_eq!(run(&mut s, 0, renamenx, &["RENAMENX", "a", "a"]), ":0\r\n");
        assert!(s.dbs[0].contains(b"a", 0));
        put(&mut s, 0, "e", "v", Some(10));
        assert_eq!(
            run(&mut s, 11, rename, &["RENAME", "e", "f"]),
            "-ERR no such key\r\n"
        );
    }

    #[test]
    fn renamenx_only_to_a_missing_key() {
        let mut s = shard_with(&["a", "b"]);
        assert_eq!(run(&mut s, 0, renamenx, &["RENAMENX", "a", "b"]), ":0\r\n");
        assert!(s.dbs[0].contains(b"a", 0));
        put(&mut s, 0, "x", "v", Some(10));
        // An expired destination counts as missing.
        assert_eq!(run(&mut s, 11, renamenx, &["RENAMENX", "a", "x"]), ":1\r\n");
        assert!(!s.dbs[0].contains(b"a", 11) && s.dbs[0].contains(b"x", 11));
        assert_eq!(s.dbs[0].expire_at(b"x"), None);
    }

    #[test]
    fn copy_within_and_across_databases() {
        let mut s = Shard::new(16, 1);
        put(&mut s, 0, "a", "1", Some(500));
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b"]), ":1\r\n");
        assert_eq!(s.dbs[0].get(b"b", 0), Some(&Value::string(b"1")));
        assert_eq!(s.dbs[0].expire_at(b"b"), Some(500));
        assert_eq!(s.dbs[0].get(b"a", 0), Some(&Value::string(b"1")));
        put(&mut s, 0, "c", "2", None);
        assert_eq!(run(&mut s, 0, copy, &["COPY", "c", "b"]), ":0\r\n");
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "c", "b", "replace"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].get(b"b", 0), Some(&Value::string(b"2")));
        assert_eq!(s.dbs[0].expire_at(b"b"), None);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "a", "DB", "3"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[3].expire_at(b"a"), Some(500));
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "a", "db", "3"]),
            ":0\r\n"
        );
        assert_eq!(run(&mut s, 0, copy, &["COPY", "zz", "y"]), ":0\r\n");
        assert_eq!(
            run_db(
                &mut s,
                3,
                0,
                copy,
                &["COPY", "a", "a", "db", "0", "REPLACE"]
            ),
            ":1\r\n"
        );
        // An expired source is missing; the COPY source lookup counts in the stats.
        assert_eq!(run(&mut s, 501, copy, &["COPY", "a", "q"]), ":0\r\n");
        assert_eq!(s.stats.keyspace_misses, 2);
    }

    #[test]
    fn copy_errors() {
        let mut s = shard_with(&["a"]);
        let same = "-ERR source and destination objects are the same\r\n";
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "a"]), same);
        assert_eq!(run(&mut s, 0, copy, &["COPY", "zz", "zz", "db", "0"]), same);
        assert_eq!(
            run_db(&mut s, 2, 0, copy, &["COPY", "a", "a", "db", "2"]),
            same
        );
        let range = "-ERR DB index is out of range\r\n";
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b", "db", "16"]), range);
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b", "db", "-1"]), range);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "2147483647"]),
            range
        );
        assert_eq!(
            run(
                &mut s,
                0,
                copy,
                &["COPY", "a", "b", "db", "2", "db", "99", "x"]
            ),
            range
        );
        let int_range =
            "-ERR value is out of range, value must between -2147483648 and 2147483647\r\n";
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "2147483648"]),
            int_range
        );
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "-2147483649"]),
            int_range
        );
        let not_int = "-ERR value is not an integer or out of range\r\n";
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "x"]),
            not_int
        );
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "01"]),
            not_int
        );
        let syntax = "-ERR syntax error\r\n";
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b", "db"]), syntax);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "foo", "db", "99"]),
            syntax
        );
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "a", "nope"]), syntax);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "replace", "replace"]),
            ":1\r\n"
        );
    }

    #[test]
    fn entry_helpers() {
        let mut db = Db::new();
        put_entry(&mut db, b"k", Value::string(b"v"), Some(100));
        assert_eq!(
            peek_entry(&mut db, b"k", 0),
            Some((Value::string(b"v"), Some(100)))
        );
        assert_eq!(db.len(), 1);
        assert_eq!(
            take_entry(&mut db, b"k", 0),
            Some((Value::string(b"v"), Some(100)))
        );
        assert_eq!((db.len(), db.volatile_len()), (0, 0));
        assert_eq!(take_entry(&mut db, b"k", 0), None);
        put_entry(&mut db, b"p", Value::string(b"w"), None);
        assert_eq!(
            take_entry(&mut db, b"p", 0),
            Some((Value::string(b"w"), None))
        );
        put_entry(&mut db, b"e", Value::string(b"w"), Some(10));
        assert_eq!(peek_entry(&mut db, b"e", 11), None);
        assert_eq!((db.len(), db.expired_keys), (0, 1));
        // put_entry replaces the value and the expiry.
        put_entry(&mut db, b"r", Value::string(b"1"), Some(10));
        put_entry(&mut db, b"r", Value::string(b"2"), None);
        assert_eq!(
            peek_entry(&mut db, b"r", 50),
            Some((Value::string(b"2"), None))
        );
    }

    #[test]
    fn cursor_parses_like_strtoul() {
        assert_eq!(parse_cursor(b"0"), Some(0));
        assert_eq!(parse_cursor(b""), Some(0));
        assert_eq!(parse_cursor(b"007"), Some(7));
        assert_eq!(parse_cursor(b"+5"), Some(5));
        assert_eq!(parse_cursor(b"-1"), Some(u64::MAX));
        assert_eq!(parse_cursor(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_cursor(b"5\0junk"), Some(5));
        for bad in [
            &b"18446744073709551616"[..],
            b" 1",
            b"1 ",
            b"x",
            b"+",
            b"-",
            b"1.5",
            b"0x1",
        ] {
            assert_eq!(parse_cursor(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn scan_errors() {
        let mut s = shard_with(&["a"]);
        let syntax = "-ERR syntax error\r\n";
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "x"]),
            "-ERR invalid cursor\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "x", "count", "0"]),
            "-ERR invalid cursor\r\n"
        );
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "count", "0"]), syntax);
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "count", "-1", "match", "x"]),
            syntax
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "count", "1", "count", "0"]),
            syntax
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "count", "x"]),
            "-ERR value is not an integer or out of range\r\n"
        );
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "match"]), syntax);
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "type"]), syntax);
        assert_eq!(run(&mut s, 0, scan, &["SCAN", "0", "foo", "bar"]), syntax);
    }

    #[test]
    fn scan_replies_like_redis() {
        let mut s = Shard::new(16, 1);
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        put(&mut s, 0, "a", "v", None);
        put(&mut s, 0, "bb", "v", None);
        // Index 1 ("bb") first, then index 0.
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nbb\r\n$1\r\na\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "COUNT", "1"]),
            "*2\r\n$1\r\n1\r\n*1\r\n$2\r\nbb\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "1", "COUNT", "1"]),
            "*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n"
        );
        // A cursor past the end (the db shrank) restarts at the last index.
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "99", "count", "1"]),
            "*2\r\n$1\r\n1\r\n*1\r\n$2\r\nbb\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "MATCH", "b*"]),
            "*2\r\n$1\r\n0\r\n*1\r\n$2\r\nbb\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "MATCH", "*", "COUNT", "5"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nbb\r\n$1\r\na\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "MATCH", "z*", "count", "1"]),
            "*2\r\n$1\r\n1\r\n*0\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "TYPE", "STRING"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nbb\r\n$1\r\na\r\n"
        );
        assert_eq!(
            run(&mut s, 0, scan, &["SCAN", "0", "TYPE", "list"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        assert_eq!(s.stats.keyspace_hits, 4);
    }

    #[test]
    fn scan_skips_and_removes_expired_keys() {
        let mut s = Shard::new(16, 1);
        put(&mut s, 0, "live", "v", None);
        put(&mut s, 0, "dead", "v", Some(10));
        put(&mut s, 0, "soon", "v", Some(20));
        let (cursor, keys) = parse_scan(&run(&mut s, 11, scan, &["SCAN", "0"]));
        assert_eq!(cursor, 0);
        assert_eq!(keys, ["soon", "live"]);
        assert_eq!((s.dbs[0].len(), s.dbs[0].expired_keys), (2, 1));
    }

    #[test]
    fn scan_walks_everything_in_small_steps() {
        let mut s = Shard::new(16, 1);
        for i in 0..1000 {
            put(&mut s, 0, &format!("k{i}"), "v", None);
        }
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        let mut calls = 0;
        loop {
            let (next, keys) = parse_scan(&run(&mut s, 0, scan, &["SCAN", &cursor, "COUNT", "7"]));
            assert!(keys.len() <= 7);
            seen.extend(keys);
            calls += 1;
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        assert_eq!(seen.len(), 1000);
        assert_eq!(calls, 1000usize.div_ceil(7));
    }

    /// The SCAN guarantee: a key present for the whole scan is returned, however many other
    /// keys are deleted (visited or not) between the calls.
    #[test]
    fn scan_returns_stable_keys_despite_deletions() {
        let mut s = Shard::new(16, 9);
        let n = 2000;
        for i in 0..n {
            put(&mut s, 0, &format!("k{i}"), "v", None);
        }
        // Keys with an odd number get deleted during the scan, in an order unrelated to the
        // index walk; the even ones stay and must all be returned.
        let mut doomed: Vec<usize> = (0..n).filter(|i| i % 2 == 1).collect();
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        loop {
            let (next, keys) = parse_scan(&run(&mut s, 0, scan, &["SCAN", &cursor, "COUNT", "13"]));
            seen.extend(keys);
            for _ in 0..7 {
                if doomed.is_empty() {
                    break;
                }
                let pick = s.rng.below(doomed.len());
                let victim = doomed.swap_remove(pick);
                let key = format!("k{victim}");
                assert_eq!(run(&mut s, 0, del, &["DEL", &key]), ":1\r\n");
            }
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        for i in (0..n).step_by(2) {
            assert!(seen.contains(&format!("k{i}")), "k{i} missed");
        }
        // Also with the db shrinking below the cursor and new keys arriving mid-scan.
        let mut s = Shard::new(16, 5);
        for i in 0..100 {
            put(&mut s, 0, &format!("k{i}"), "v", None);
        }
        let (next, _) = parse_scan(&run(&mut s, 0, scan, &["SCAN", "0", "COUNT", "10"]));
        for i in 0..80 {
            if i % 4 != 0 {
                run(&mut s, 0, del, &["DEL", &format!("k{i}")]);
            }
        }
        put(&mut s, 0, "new", "v", None);
        let mut seen = HashSet::new();
        let mut cursor = next.to_string();
        loop {
            let (next, keys) = parse_scan(&run(&mut s, 0, scan, &["SCAN", &cursor, "COUNT", "10"]));
            seen.extend(keys);
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        // Never deleted and not in the first batch (k90..k99): every fourth of k0..k79, and
        // k80..k89.
        for i in (0..80).step_by(4).chain(80..90) {
            assert!(seen.contains(&format!("k{i}")), "k{i} missed");
        }
    }
}
