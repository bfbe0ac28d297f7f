//! The commands that add, remove, move and look up members: SADD, SREM, SMOVE, SMEMBERS,
//! SISMEMBER, SMISMEMBER, SCARD.

use super::remove_notified;
use super::setop::{sinter_generic, Inter};
use super::value::{max_intset_entries, Set};
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use crate::value::Value;
use bytes::Bytes;

/// Adds the members to the set at `key`, creating it if needed; replies with how many were
/// not already members.
///
/// ```text
/// SADD key member [member ...]
/// ```
pub fn sadd(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let max = max_intset_entries(ctx.shard);
    let key = &args[1][..];
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let add_all = |set: &mut Set| args[2..].iter().filter(|m| set.add(m, max)).count();
    let added = match lookup::write::<Set>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(Some(set)) => add_all(set),
        Ok(None) => {
            let mut set = Set::for_member(&args[2]);
            let added = add_all(&mut set);
            db.set(key, Value::set(set));
            added
        }
    };
    reply.int(added as i64);
    if added > 0 {
        ctx.notify(crate::notify::SET, "sadd", key);
    }
}

/// Removes the members from the set at `key` (deleting the key when it empties); replies with
/// how many were members.
///
/// ```text
/// SREM key member [member ...]
/// ```
pub fn srem(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let key = &args[1][..];
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let set = match lookup::write::<Set>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(set)) => set,
    };
    let mut removed = 0;
    for member in &args[2..] {
        if set.remove(member) {
            removed += 1;
            if set.is_empty() {
                break;
            }
        }
    }
    let emptied = set.is_empty();
    if emptied {
        db.remove(key);
    }
    reply.int(removed);
    if removed > 0 {
        ctx.notify(crate::notify::SET, "srem", key);
        if emptied {
            ctx.notify(crate::notify::GENERIC, "del", key);
        }
    }
}

/// Every member of the set at `key` (a set reply in RESP3; empty when missing). As in Redis
/// 7.0 this is SINTER over one key.
///
/// ```text
/// SMEMBERS key
/// ```
pub fn smembers(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    sinter_generic(ctx, &args[1..], Inter::Reply);
}

/// 1 if `member` is in the set at `key`, 0 if not (or the key is missing).
///
/// ```text
/// SISMEMBER key member
/// ```
pub fn sismember(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(set) = lookup::read::<Set>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(set.is_some_and(|s| s.contains(&args[2])) as i64);
}

/// An array of 1 or 0 per member: whether it is in the set at `key` (all 0 when missing).
///
/// ```text
/// SMISMEMBER key member [member ...]
/// ```
pub fn smismember(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(set) = lookup::read::<Set>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.array(args.len() - 2);
    for member in &args[2..] {
        reply.int(set.is_some_and(|s| s.contains(member)) as i64);
    }
}

/// The number of members of the set at `key` (0 when missing).
///
/// ```text
/// SCARD key
/// ```
pub fn scard(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(set) = lookup::read::<Set>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(set.map_or(0, Set::len) as i64);
}

/// Moves `member` from the set at `source` to the set at `destination` (created if
/// missing); 1 if it moved, 0 if it was not in the source. As in Redis: a missing source
/// replies 0 before any type check, then both keys must be sets, and moving to the same key
/// only tells whether the member is there.
///
/// ```text
/// SMOVE source destination member
/// ```
pub fn smove(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let max = max_intset_entries(ctx.shard);
    let (src, dst, member) = (&args[1][..], &args[2][..], &args[3][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    // Both are write lookups in Redis, made before anything is checked.
    db.expire_if_needed(src, now);
    db.expire_if_needed(dst, now);
    let src_is_set = match db.get(src, now) {
        None => {
            reply.int(0);
            return;
        }
        Some(value) => matches!(value, Value::Set(_)),
    };
    let dst_is_set = db.get(dst, now).map(|v| matches!(v, Value::Set(_)));
    if !src_is_set || dst_is_set == Some(false) {
        reply.error(errors::WRONGTYPE);
        return;
    }
    let Some(Value::Set(source)) = db.get_mut(src, now) else {
        reply.int(0);
        return;
    };
    if src == dst {
        reply.int(source.contains(member) as i64);
        return;
    }
    if !source.remove(member) {
        reply.int(0);
        return;
    }
    let emptied = source.is_empty();
    db.notify(crate::notify::SET, "srem", src);
    if emptied {
        remove_notified(db, src);
    }
    // A destination that holds the member already is not modified (Redis signals it only
    // when the member is added): its WATCHers see no change.
    if matches!(db.get(dst, now), Some(Value::Set(target)) if target.contains(member)) {
        reply.int(1);
        return;
    }
    let added = match db.get_mut(dst, now) {
        Some(Value::Set(target)) => target.add(member, max),
        _ => {
            let mut target = Set::for_member(member);
            target.add(member, max);
            db.set(dst, Value::set(target));
            true
        }
    };
    if added {
        db.notify(crate::notify::SET, "sadd", dst);
    }
    reply.int(1);
}

#[cfg(test)]
mod tests {
    use super::{sadd, scard, sismember, smembers, smismember, smove, srem};
    use crate::types::set::test_bench::*;
    use crate::value::Value;

    #[test]
    fn sadd_counts_new_members() {
        let mut s = shard();
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "a", "b", "a"]), int(2));
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "b", "c"]), int(1));
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(3));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        assert_eq!(
            sorted(members(&run(&mut s, smembers, &["SMEMBERS", "k"]))),
            strings(&["a", "b", "c"])
        );
        // Binary-safe members, the empty one included.
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "", "\r\n\0"]), int(2));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", ""]), int(1));
        assert_eq!(
            run(&mut s, sismember, &["SISMEMBER", "k", "\r\n\0"]),
            int(1)
        );
    }

    #[test]
    fn srem_removes_and_deletes_emptied_set() {
        let mut s = shard();
        assert_eq!(run(&mut s, srem, &["SREM", "k", "a"]), int(0));
        run(&mut s, sadd, &["SADD", "k", "a", "b", "c"]);
        assert_eq!(run(&mut s, srem, &["SREM", "k", "a", "x", "a"]), int(1));
        assert_eq!(run(&mut s, srem, &["SREM", "k", "b", "c", "d"]), int(2));
        assert!(s.dbs[0].is_empty());
        run(&mut s, sadd, &["SADD", "i", "1", "2"]);
        assert_eq!(run(&mut s, srem, &["SREM", "i", "1", "2"]), int(2));
        assert!(s.dbs[0].is_empty());
    }

    #[test]
    fn sismember_smismember_scard() {
        let mut s = shard();
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", "a"]), int(0));
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(0));
        assert_eq!(
            run(&mut s, smismember, &["SMISMEMBER", "k", "a", "b"]),
            "*2\r\n:0\r\n:0\r\n"
        );
        run(&mut s, sadd, &["SADD", "k", "a", "1"]);
        assert_eq!(
            run(&mut s, smismember, &["SMISMEMBER", "k", "a", "x", "1", "a"]),
            "*4\r\n:1\r\n:0\r\n:1\r\n:1\r\n"
        );
        assert_eq!(
            run3(&mut s, smismember, &["SMISMEMBER", "k", "a"]),
            "*1\r\n:1\r\n"
        );
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(2));
    }

    #[test]
    fn smove_between_sets() {
        let mut s = shard();
        run(&mut s, sadd, &["SADD", "a", "1", "2"]);
        assert_eq!(run(&mut s, smove, &["SMOVE", "a", "b", "1"]), int(1));
        assert_eq!(encoding(&mut s, "b"), Some("intset"));
        assert_eq!(run(&mut s, smove, &["SMOVE", "a", "b", "1"]), int(0));
        assert_eq!(run(&mut s, smove, &["SMOVE", "a", "b", "9"]), int(0));
        // Moving onto a member already there still removes it from the source.
        run(&mut s, sadd, &["SADD", "b", "2"]);
        assert_eq!(run(&mut s, smove, &["SMOVE", "a", "b", "2"]), int(1));
        assert!(!s.dbs[0].contains(b"a", 0), "the emptied source is removed");
        assert_eq!(run(&mut s, smembers, &["SMEMBERS", "b"]), arr(&["1", "2"]));
        // A non-integer member makes the created destination a hashtable, and converts an
        // intset destination.
        run(&mut s, sadd, &["SADD", "a", "x", "y"]);
        assert_eq!(run(&mut s, smove, &["SMOVE", "a", "c", "x"]), int(1));
        assert_eq!(encoding(&mut s, "c"), Some("hashtable"));
        assert_eq!(run(&mut s, smove, &["SMOVE", "a", "b", "y"]), int(1));
        assert_eq!(encoding(&mut s, "b"), Some("hashtable"));
        // Same key: only tells whether the member is there.
        assert_eq!(run(&mut s, smove, &["SMOVE", "b", "b", "y"]), int(1));
        assert_eq!(run(&mut s, smove, &["SMOVE", "b", "b", "z"]), int(0));
        assert_eq!(run(&mut s, scard, &["SCARD", "b"]), int(3));
        // A missing source replies 0 before the destination's type is checked.
        s.dbs[0].set(b"str", Value::string(b"v"));
        assert_eq!(run(&mut s, smove, &["SMOVE", "nope", "str", "y"]), int(0));
        assert_eq!(run(&mut s, smove, &["SMOVE", "b", "str", "y"]), err(WT));
        assert_eq!(run(&mut s, scard, &["SCARD", "b"]), int(3));
    }

    #[test]
    fn smove_onto_a_member_already_there_leaves_the_destination_untouched() {
        let mut s = shard();
        run(&mut s, sadd, &["SADD", "src", "a", "b"]);
        run(&mut s, sadd, &["SADD", "dst", "a"]);
        s.dbs[0].watched.register(b"dst");
        s.dbs[0].watched.register(b"src");
        assert_eq!(run(&mut s, smove, &["SMOVE", "src", "dst", "a"]), int(1));
        assert_eq!(s.dbs[0].watched.version(b"dst"), Some(0), "dst unchanged");
        assert_eq!(
            s.dbs[0].watched.version(b"src"),
            Some(1),
            "src lost a member"
        );
        assert_eq!(run(&mut s, scard, &["SCARD", "dst"]), int(1));
    }

    #[test]
    fn smove_ping_pong_keeps_every_member() {
        let mut s = shard();
        let members_in: Vec<String> = (0..20).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "a"];
        cmd.extend(members_in.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        for round in 0..200 {
            let m = &members_in[round % 20];
            let (from, to) = if round % 40 < 20 {
                ("a", "b")
            } else {
                ("b", "a")
            };
            assert_eq!(run(&mut s, smove, &["SMOVE", from, to, m]), int(1));
        }
        let a = members(&run(&mut s, smembers, &["SMEMBERS", "a"]));
        assert_eq!(sorted(a), sorted(members_in));
        assert!(!s.dbs[0].contains(b"b", 0));
    }
}
