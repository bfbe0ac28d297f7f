//! The commands over several sets: SINTER, SUNION, SDIFF, SINTERSTORE, SUNIONSTORE,
//! SDIFFSTORE, SINTERCARD, and the source checks and store they share.

use super::value::{max_intset_entries, Member, Set};
use super::{remove_notified, reply_member};
use crate::db::Db;
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::reply::Reply;
use crate::shard::{Ctx, Stats};
use crate::util::parse_i64;
use crate::value::Value;
use bytes::Bytes;

/// Looks every source key up for reading, as the multi-key commands do: Redis 7.0 checks the
/// type of every key, even after a missing one. `Err(WrongType)` at the first of another type.
fn check_sources(
    db: &mut Db,
    stats: &mut Stats,
    keys: &[Bytes],
    now: i64,
) -> Result<(), WrongType> {
    for key in keys {
        lookup::read::<Set>(db, stats, key, now)?;
    }
    Ok(())
}

/// The sets at `keys` (`None` for a missing key), once [`check_sources`] has expired what had
/// to be and checked the types.
fn peek_sets<'d>(db: &'d Db, keys: &[Bytes]) -> Vec<Option<&'d Set>> {
    keys.iter()
        .map(|key| match db.entries.get(&key[..]) {
            Some(Value::Set(set)) => Some(set),
            _ => None,
        })
        .collect()
}

/// Replaces `dst` with `result` (deleting it when the result is empty) and replies with the
/// result's cardinality, as the *STORE commands do; the keyspace event is `event`, or `del`
/// when an empty result deleted the key.
fn store(db: &mut Db, reply: &mut Reply, dst: &[u8], result: Set, event: &'static str) {
    let n = result.len();
    if n == 0 {
        // Redis's `dbDelete`, which does not look at the key's time: `del` even when past.
        remove_notified(db, dst);
    } else {
        // Redis's `setKey` looks the destination up for writing: past its time, it expires
        // (`expired`) and is created anew (`new`).
        db.expire_if_needed(dst, db.now);
        db.set(dst, Value::set(result));
        db.notify(crate::notify::SET, event, dst);
    }
    reply.int(n as i64);
}

/// What SINTER's algorithm produces.
#[derive(Debug, Clone, Copy)]
pub(super) enum Inter<'a> {
    /// Reply with the members (SINTER, SMEMBERS).
    Reply,
    /// Store them at this key (SINTERSTORE).
    Store(&'a [u8]),
    /// Reply with their number, stopping at this limit unless it is 0 (SINTERCARD).
    Card(u64),
}

/// SINTER, SMEMBERS, SINTERSTORE and SINTERCARD (Redis's `sinterGenericCommand`): every key
/// is checked, a missing one makes the result empty; otherwise the members of the smallest
/// set (the first of the smallest, as Redis's sort keeps them) are tested against the others
/// in that set's order.
pub(super) fn sinter_generic(ctx: &mut Ctx<'_>, keys: &[Bytes], mode: Inter<'_>) {
    let max = max_intset_entries(ctx.shard);
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    if let Err(WrongType) = check_sources(db, stats, keys, now) {
        return reply.error(errors::WRONGTYPE);
    }
    let sets: Option<Vec<&Set>> = peek_sets(db, keys).into_iter().collect();
    let mut sets = match sets {
        Some(sets) if !sets.is_empty() => sets,
        _ => {
            match mode {
                Inter::Reply => reply.set(0),
                Inter::Card(_) => reply.int(0),
                Inter::Store(dst) => {
                    remove_notified(db, dst);
                    reply.int(0);
                }
            }
            return;
        }
    };
    sets.sort_by_key(|s| s.len());
    let (first, rest) = (sets[0], &sets[1..]);
    let members = first.iter().filter(|&m| {
        rest.iter()
            .all(|&s| std::ptr::eq(s, first) || s.contains_member(m))
    });
    match mode {
        Inter::Reply => {
            let found: Vec<Member<'_>> = members.collect();
            reply.set(found.len());
            for member in found {
                reply_member(reply, member);
            }
        }
        Inter::Card(limit) => {
            let mut n: u64 = 0;
            for _ in members {
                n += 1;
                if limit != 0 && n >= limit {
                    break;
                }
            }
            reply.int(n as i64);
        }
        Inter::Store(dst) => {
            let mut result = Set::default();
            for member in members {
                result.add_member(member, max);
            }
            store(db, reply, dst, result, "sinterstore");
        }
    }
}

/// Replies with the union of `sets` (missing ones are empty), built as a new set.
pub(super) fn reply_union(reply: &mut Reply, sets: &[Option<&Set>], max: usize) {
    let result = union(sets, max);
    reply.set(result.len());
    for member in result.iter() {
        reply_member(reply, member);
    }
}

/// The union of `sets` (missing ones are empty): every member added in order to an empty
/// intset, converting as Redis does.
fn union(sets: &[Option<&Set>], max: usize) -> Set {
    let mut result = Set::default();
    for set in sets.iter().flatten() {
        for member in set.iter() {
            result.add_member(member, max);
        }
    }
    result
}

/// The members of the first set that are in none of the others (missing sets are empty),
/// added in order to an empty intset.
fn difference(sets: &[Option<&Set>], max: usize) -> Set {
    let mut result = Set::default();
    if let Some((Some(first), rest)) = sets.split_first() {
        for member in first.iter() {
            if !rest.iter().flatten().any(|s| s.contains_member(member)) {
                result.add_member(member, max);
            }
        }
    }
    result
}

/// SUNION, SDIFF and their *STORE forms (Redis's `sunionDiffGenericCommand`): every key is
/// checked, missing ones are empty sets, and the result is a new set.
fn sunion_diff_generic(ctx: &mut Ctx<'_>, keys: &[Bytes], dst: Option<&[u8]>, diff: bool) {
    let max = max_intset_entries(ctx.shard);
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    if let Err(WrongType) = check_sources(db, stats, keys, now) {
        return reply.error(errors::WRONGTYPE);
    }
    let sets = peek_sets(db, keys);
    let result = if diff {
        difference(&sets, max)
    } else {
        union(&sets, max)
    };
    match dst {
        Some(dst) => {
            let event = if diff { "sdiffstore" } else { "sunionstore" };
            store(db, reply, dst, result, event)
        }
        None => {
            reply.set(result.len());
            for member in result.iter() {
                reply_member(reply, member);
            }
        }
    }
}

/// The members of every set (a set reply in RESP3); a missing key is an empty set.
///
/// ```text
/// SINTER key [key ...]
/// ```
pub fn sinter(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sinter_generic(ctx, &args[1..], Inter::Reply);
}

/// The members of any of the sets (a set reply in RESP3).
///
/// ```text
/// SUNION key [key ...]
/// ```
pub fn sunion(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sunion_diff_generic(ctx, &args[1..], None, false);
}

/// The members of the first set that are in none of the others (a set reply in RESP3).
///
/// ```text
/// SDIFF key [key ...]
/// ```
pub fn sdiff(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sunion_diff_generic(ctx, &args[1..], None, true);
}

/// Stores SINTER of the keys at `destination`, replacing it (whatever its type; deleted when
/// the result is empty); replies with the result's cardinality.
///
/// ```text
/// SINTERSTORE destination key [key ...]
/// ```
pub fn sinterstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sinter_generic(ctx, &args[2..], Inter::Store(&args[1]));
}

/// Stores SUNION of the keys at `destination`, as SINTERSTORE does.
///
/// ```text
/// SUNIONSTORE destination key [key ...]
/// ```
pub fn sunionstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sunion_diff_generic(ctx, &args[2..], Some(&args[1]), false);
}

/// Stores SDIFF of the keys at `destination`, as SINTERSTORE does.
///
/// ```text
/// SDIFFSTORE destination key [key ...]
/// ```
pub fn sdiffstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sunion_diff_generic(ctx, &args[2..], Some(&args[1]), true);
}

/// The cardinality of the intersection of the sets, counting up to `limit` at most (0, the
/// default, for no limit). Checked in Redis's order: `numkeys`, then that many keys are
/// there, then the options, then the keys' types.
///
/// ```text
/// SINTERCARD numkeys key [key ...] [LIMIT limit]
/// ```
pub fn sintercard(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let numkeys = match parse_i64(&args[1]) {
        Some(n) if n >= 1 => n as u64,
        _ => {
            ctx.reply.error(errors::SINTERCARD_NUMKEYS);
            return;
        }
    };
    let available = (args.len() as u64).saturating_sub(2);
    if numkeys > available {
        ctx.reply.error(errors::SINTERCARD_TOO_MANY_KEYS);
        return;
    }
    let end = 2 + numkeys as usize;
    let mut limit = 0u64;
    let mut i = end;
    while i < args.len() {
        match args.get(i + 1) {
            Some(value) if args[i].eq_ignore_ascii_case(b"limit") => match parse_i64(value) {
                Some(n) if n >= 0 => limit = n as u64,
                _ => {
                    ctx.reply.error(errors::SINTERCARD_LIMIT);
                    return;
                }
            },
            _ => {
                ctx.reply.error(errors::SYNTAX);
                return;
            }
        }
        i += 2;
    }
    sinter_generic(ctx, &args[2..end], Inter::Card(limit));
}

#[cfg(test)]
mod tests {
    use super::{sdiff, sdiffstore, sinter, sintercard, sinterstore, sunion, sunionstore};
    use crate::shard::Shard;
    use crate::types::set::test_bench::*;
    use crate::types::set::{sadd, smembers, srem};
    use crate::value::Value;
    use crate::{errors, Handler};

    fn setup_ops(s: &mut Shard) {
        run(s, sadd, &["SADD", "i1", "1", "2", "3", "4"]);
        run(s, sadd, &["SADD", "i2", "3", "4", "5"]);
        run(s, sadd, &["SADD", "h1", "a", "b", "3", "4"]);
        run(s, sadd, &["SADD", "h2", "b", "c", "4"]);
    }

    #[test]
    fn sinter_sunion_sdiff() {
        let mut s = shard();
        setup_ops(&mut s);
        assert_eq!(
            run(&mut s, sinter, &["SINTER", "i1", "i2"]),
            arr(&["3", "4"])
        );
        assert_eq!(
            run3(&mut s, sinter, &["SINTER", "i1", "i2"]),
            bulks('~', &["3", "4"])
        );
        assert_eq!(
            run(&mut s, sinter, &["SINTER", "i1", "h1"]),
            arr(&["3", "4"])
        );
        assert_eq!(
            sorted(members(&run(&mut s, sinter, &["SINTER", "h1", "h2"]))),
            strings(&["4", "b"])
        );
        assert_eq!(
            run(&mut s, sinter, &["SINTER", "h1", "h2", "i2"]),
            arr(&["4"])
        );
        assert_eq!(
            run(&mut s, sinter, &["SINTER", "i1", "i1"]),
            arr(&["1", "2", "3", "4"])
        );
        assert_eq!(run(&mut s, sinter, &["SINTER", "i1", "missing"]), "*0\r\n");
        assert_eq!(run3(&mut s, sinter, &["SINTER", "missing"]), "~0\r\n");
        assert_eq!(run3(&mut s, smembers, &["SMEMBERS", "missing"]), "~0\r\n");
        // SUNION builds a new set: integers come out sorted.
        assert_eq!(
            run(&mut s, sunion, &["SUNION", "i2", "missing", "i1"]),
            arr(&["1", "2", "3", "4", "5"])
        );
        assert_eq!(
            sorted(members(&run(&mut s, sunion, &["SUNION", "h1", "i2"]))),
            strings(&["3", "4", "5", "a", "b"])
        );
        assert_eq!(run3(&mut s, sunion, &["SUNION", "missing"]), "~0\r\n");
        assert_eq!(run(&mut s, sdiff, &["SDIFF", "i1", "i2"]), arr(&["1", "2"]));
        assert_eq!(
            run(&mut s, sdiff, &["SDIFF", "i1", "missing", "h1"]),
            arr(&["1", "2"])
        );
        assert_eq!(
            run(&mut s, sdiff, &["SDIFF", "h1", "h2", "i1"]),
            arr(&["a"])
        );
        assert_eq!(run(&mut s, sdiff, &["SDIFF", "i1", "i1"]), "*0\r\n");
        assert_eq!(run(&mut s, sdiff, &["SDIFF", "missing", "i1"]), "*0\r\n");
        assert_eq!(
            run(&mut s, sdiff, &["SDIFF", "h1"]).len(),
            run(&mut s, smembers, &["SMEMBERS", "h1"]).len()
        );
    }

    #[test]
    fn store_commands_replace_the_destination() {
        let mut s = shard();
        setup_ops(&mut s);
        s.dbs[0].set(b"dst", Value::string(b"old"));
        s.dbs[0].set_expire(b"dst", 1_000);
        assert_eq!(
            run(&mut s, sinterstore, &["SINTERSTORE", "dst", "i1", "h1"]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "dst"), Some("intset"));
        assert_eq!(s.dbs[0].expire_at(b"dst"), None);
        assert_eq!(
            run(&mut s, smembers, &["SMEMBERS", "dst"]),
            arr(&["3", "4"])
        );
        assert_eq!(
            run(&mut s, sunionstore, &["SUNIONSTORE", "dst", "h1", "h2"]),
            int(5)
        );
        assert_eq!(encoding(&mut s, "dst"), Some("hashtable"));
        assert_eq!(
            run(&mut s, sdiffstore, &["SDIFFSTORE", "dst", "i1", "i2"]),
            int(2)
        );
        assert_eq!(
            run(&mut s, smembers, &["SMEMBERS", "dst"]),
            arr(&["1", "2"])
        );
        // The destination may be a source.
        assert_eq!(
            run(&mut s, sunionstore, &["SUNIONSTORE", "dst", "dst", "i2"]),
            int(5)
        );
        assert_eq!(
            run(&mut s, sdiffstore, &["SDIFFSTORE", "dst", "dst", "i1"]),
            int(1)
        );
        assert_eq!(run(&mut s, smembers, &["SMEMBERS", "dst"]), arr(&["5"]));
        // An empty result deletes the destination.
        run(&mut s, sadd, &["SADD", "z", "1", "b", "zz"]);
        for (handler, words) in [
            (
                sinterstore as Handler,
                &["SINTERSTORE", "dst", "i1", "missing"][..],
            ),
            (sinterstore, &["SINTERSTORE", "dst", "i1", "h2", "h1", "z"]),
            (sunionstore, &["SUNIONSTORE", "dst", "missing"]),
            (sdiffstore, &["SDIFFSTORE", "dst", "i1", "i1"]),
        ] {
            run(&mut s, sunionstore, &["SUNIONSTORE", "dst", "i1"]);
            assert_eq!(run(&mut s, handler, words), int(0), "{words:?}");
            assert!(!s.dbs[0].contains(b"dst", 0), "{words:?}");
        }
        // Integers from hashtables make an intset again.
        run(&mut s, sadd, &["SADD", "hi", "x", "7", "3"]);
        run(&mut s, srem, &["SREM", "hi", "x"]);
        assert_eq!(
            run(&mut s, sunionstore, &["SUNIONSTORE", "dst", "hi"]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "dst"), Some("intset"));
        assert_eq!(
            run(&mut s, sinterstore, &["SINTERSTORE", "dst", "hi", "hi"]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "dst"), Some("intset"));
    }

    #[test]
    fn sintercard_counts_and_limits() {
        let mut s = shard();
        setup_ops(&mut s);
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "2", "i1", "i2"]),
            int(2)
        );
        assert_eq!(run(&mut s, sintercard, &["SINTERCARD", "1", "i1"]), int(4));
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "1", "i1", "LIMIT", "3"]),
            int(3)
        );
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "1", "i1", "limit", "0"]),
            int(4)
        );
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "1", "i1", "LIMIT", "9"]),
            int(4)
        );
        assert_eq!(
            run(
                &mut s,
                sintercard,
                &["SINTERCARD", "1", "i1", "LIMIT", "1", "LIMIT", "2"]
            ),
            int(2)
        );
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "2", "i1", "missing"]),
            int(0)
        );
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "3", "h1", "h2", "i2"]),
            int(1)
        );
        for bad in ["0", "-1", "x", "9223372036854775808"] {
            assert_eq!(
                run(&mut s, sintercard, &["SINTERCARD", bad, "i1"]),
                err(errors::SINTERCARD_NUMKEYS)
            );
        }
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "3", "i1", "i2"]),
            err(errors::SINTERCARD_TOO_MANY_KEYS)
        );
        for bad in ["-1", "x", "1.5"] {
            assert_eq!(
                run(&mut s, sintercard, &["SINTERCARD", "1", "i1", "LIMIT", bad]),
                err(errors::SINTERCARD_LIMIT)
            );
        }
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "1", "i1", "LIMIT"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "1", "i1", "FOO", "1"]),
            err(errors::SYNTAX)
        );
        // Options are checked before the keys' types.
        s.dbs[0].set(b"str", Value::string(b"v"));
        assert_eq!(
            run(
                &mut s,
                sintercard,
                &["SINTERCARD", "1", "str", "LIMIT", "-1"]
            ),
            err(errors::SINTERCARD_LIMIT)
        );
        // "LIMIT" can be a key when numkeys says so.
        assert_eq!(
            run(&mut s, sintercard, &["SINTERCARD", "2", "i1", "LIMIT"]),
            int(0)
        );
    }
}
