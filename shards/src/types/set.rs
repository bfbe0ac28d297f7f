//! Set commands and the set value type (Redis's `t_set.c`).
//!
//! A set has Redis 7.0's two encodings: an `intset` (a sorted `Box<[i64]>`) while every member
//! is an integer as Redis's `string2ll` reads it and there are at most `set-max-intset-entries`
//! members, and a `hashtable` (an `IndexSet` of byte strings) otherwise. A set converts once,
//! from intset to hashtable, and never back, as in Redis. The hashtable is an `IndexSet` for
//! the same reasons as the key table (`db.rs`): O(1) uniform random access for SPOP and
//! SRANDMEMBER, and a dense index that SSCAN walks from the top down, removal being always
//! `swap_remove`.
//!
//! Which replies have a defined order follows from Redis's algorithms, and shardis keeps it
//! wherever Redis's order does not depend on its dict's hashing:
//!
//! - SMEMBERS and SINTER stream the members of the smallest set in its own order (ascending
//!   for an intset).
//! - SUNION, SDIFF and SPOP with a count covering the whole set build a new set, starting
//!   from an empty intset with the usual conversion rules, and reply with it: ascending when
//!   the result is an intset, even if the sources were hashtables.
//! - The *STORE commands store such a new set, so the destination's encoding is the one the
//!   result would have been built with.
//!
//! Lookups follow Redis 7.0: the commands that only read (and the sources of the *STORE
//! commands) count a keyspace hit or miss; SADD, SREM, SPOP and SMOVE do not. A set emptied
//! by SREM, SPOP or SMOVE is removed from the database.

use crate::aof;
use crate::db::{Db, Key};
use crate::errors;
use crate::glob::glob_match;
use crate::keys::parse_cursor;
use crate::lookup::{self, WrongType};
use crate::reply::{format_i64, Reply};
use crate::shard::{Ctx, Shard, Stats};
use crate::util::{parse_i64, Rng};
use crate::value::Value;
use ahash::{AHasher, RandomState};
use bytes::Bytes;
use indexmap::IndexSet;
use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// Redis's default `set-max-intset-entries`: an intset holds at most this many members.
pub const MAX_INTSET_ENTRIES: usize = 512;

/// The largest intset a shard keeps (`set-max-intset-entries`, configurable).
fn max_intset_entries(shard: &Shard) -> usize {
    shard.limits.set_max_intset_entries
}

/// A set: an `intset` while it holds only integers and is small, a `hashtable` otherwise.
///
/// Two sets are equal when they have the same encoding and the same members (in any order).
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    repr: Repr,
}

#[derive(Debug, Clone, PartialEq)]
enum Repr {
    /// Sorted, without duplicates; sized exactly, as Redis's intset is resized on every
    /// change.
    Ints(Box<[i64]>),
    /// Any members; removal is always `swap_remove` (see the module docs on SSCAN). Boxed,
    /// so that a `Set` is two words (the table's box in the intset slice's length) and sits
    /// inline in a `Value`: an intset then costs its key's table entry and its members only.
    Table(Box<IndexSet<Key, MemberHasher>>),
}

/// The hasher of every hashtable-encoded set and hash: one random seed per process, as Redis
/// has one hash seed, so that a table carries no hasher state of its own (32 bytes a set or
/// hash, most being small). The seed is drawn once and only read after (an atomic load a hash).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemberHasher;

impl BuildHasher for MemberHasher {
    type Hasher = AHasher;

    fn build_hasher(&self) -> AHasher {
        static SEED: OnceLock<RandomState> = OnceLock::new();
        SEED.get_or_init(RandomState::new).build_hasher()
    }
}

impl Default for Set {
    /// An empty intset (Redis's `createIntsetObject`).
    fn default() -> Self {
        Set {
            repr: Repr::Ints(Box::default()),
        }
    }
}

/// One member of a set, borrowed: an intset holds integers, a hashtable byte strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member<'a> {
    /// A member of an intset.
    Int(i64),
    /// A member of a hashtable.
    Bytes(&'a [u8]),
}

impl Member<'_> {
    /// The member's bytes (the decimal text of an integer).
    pub fn to_vec(self) -> Vec<u8> {
        match self {
            Member::Int(v) => format_i64(v, &mut [0u8; 20]).to_vec(),
            Member::Bytes(b) => b.to_vec(),
        }
    }

    /// True when the member's text matches the glob `pattern`.
    fn matches(self, pattern: &[u8]) -> bool {
        match self {
            Member::Int(v) => glob_match(pattern, format_i64(v, &mut [0u8; 20]), false),
            Member::Bytes(b) => glob_match(pattern, b, false),
        }
    }
}

/// A member removed from a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// It was in an intset.
    Int(i64),
    /// It was in a hashtable.
    Bytes(Key),
}

/// The members of a set in its own order: ascending for an intset.
#[derive(Debug, Clone)]
pub enum Iter<'a> {
    /// Over an intset.
    Ints(std::slice::Iter<'a, i64>),
    /// Over a hashtable.
    Table(indexmap::set::Iter<'a, Key>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = Member<'a>;

    fn next(&mut self) -> Option<Member<'a>> {
        match self {
            Iter::Ints(it) => it.next().map(|&v| Member::Int(v)),
            Iter::Table(it) => it.next().map(|k| Member::Bytes(k.as_bytes())),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Ints(it) => it.size_hint(),
            Iter::Table(it) => it.size_hint(),
        }
    }
}

/// Runs `change` on an intset's members as a vector and boxes them again at their exact
/// size. A boxed slice becomes a vector whose length is its capacity at no cost, and back
/// at no cost when `change` added exactly what it reserved; a removal shrinks the
/// allocation (within a size class, in place).
fn edit_ints<R>(ints: &mut Box<[i64]>, change: impl FnOnce(&mut Vec<i64>) -> R) -> R {
    let mut members = Vec::from(std::mem::take(ints));
    let result = change(&mut members);
    *ints = members.into_boxed_slice();
    result
}

/// The key form of an integer member, as a hashtable stores it.
fn int_key(v: i64) -> Key {
    Key::from(format_i64(v, &mut [0u8; 20]))
}

impl Set {
    /// An empty set of the encoding that can hold `first` (Redis's `setTypeCreate`): an
    /// intset when it is an integer, a hashtable otherwise.
    pub fn for_member(first: &[u8]) -> Set {
        if parse_i64(first).is_some() {
            Set::default()
        } else {
            Set {
                repr: Repr::Table(Box::default()),
            }
        }
    }

    /// A set built by adding `members` in order to an empty intset, converting as Redis does.
    pub fn from_members<'m>(members: impl IntoIterator<Item = &'m [u8]>, max_intset: usize) -> Set {
        let mut set = Set::default();
        for m in members {
            set.add(m, max_intset);
        }
        set
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        match self.repr {
            Repr::Ints(_) => "intset",
            Repr::Table(_) => "hashtable",
        }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Ints(v) => v.len(),
            Repr::Table(t) => t.len(),
        }
    }

    /// True when the set has no members.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The members in the set's own order.
    pub fn iter(&self) -> Iter<'_> {
        match &self.repr {
            Repr::Ints(v) => Iter::Ints(v.iter()),
            Repr::Table(t) => Iter::Table(t.iter()),
        }
    }

    /// The member at a dense index (below [`Set::len`]).
    fn get_index(&self, index: usize) -> Option<Member<'_>> {
        match &self.repr {
            Repr::Ints(v) => v.get(index).map(|&i| Member::Int(i)),
            Repr::Table(t) => t.get_index(index).map(|k| Member::Bytes(k.as_bytes())),
        }
    }

    /// Removes and returns the member at a dense index (below [`Set::len`]).
    fn take_index(&mut self, index: usize) -> Option<Taken> {
        match &mut self.repr {
            Repr::Ints(v) => {
                (index < v.len()).then(|| Taken::Int(edit_ints(v, |v| v.remove(index))))
            }
            Repr::Table(t) => t.swap_remove_index(index).map(Taken::Bytes),
        }
    }

    /// True when `member` is in the set.
    pub fn contains(&self, member: &[u8]) -> bool {
        self.contains_member(Member::Bytes(member))
    }

    /// True when `member` (from any set) is in this set.
    pub fn contains_member(&self, member: Member<'_>) -> bool {
        match (&self.repr, member) {
            (Repr::Ints(v), Member::Int(i)) => v.binary_search(&i).is_ok(),
            (Repr::Ints(v), Member::Bytes(b)) => {
                parse_i64(b).is_some_and(|i| v.binary_search(&i).is_ok())
            }
            (Repr::Table(t), Member::Int(i)) => t.contains(format_i64(i, &mut [0u8; 20])),
            (Repr::Table(t), Member::Bytes(b)) => t.contains(b),
        }
    }

    /// Adds `member`; true if it was not there. An intset becomes a hashtable when the member
    /// is not an integer or the set grows past `max_intset` members (Redis's `setTypeAdd`).
    pub fn add(&mut self, member: &[u8], max_intset: usize) -> bool {
        self.add_member(Member::Bytes(member), max_intset)
    }

    /// [`Set::add`] for a member taken from another set.
    pub fn add_member(&mut self, member: Member<'_>, max_intset: usize) -> bool {
        let int = match member {
            Member::Int(i) => Some(i),
            Member::Bytes(b) => parse_i64(b),
        };
        match (&mut self.repr, int) {
            (Repr::Ints(v), Some(i)) => {
                let Err(at) = v.binary_search(&i) else {
                    return false;
                };
                edit_ints(v, |v| {
                    v.reserve_exact(1);
                    v.insert(at, i)
                });
                if v.len() > max_intset {
                    self.convert();
                }
                true
            }
            (Repr::Ints(_), None) => {
                self.convert();
                self.add_member(member, max_intset)
            }
            (Repr::Table(t), Some(i)) => t.insert(int_key(i)),
            (Repr::Table(t), None) => match member {
                Member::Bytes(b) => !t.contains(b) && t.insert(Key::from(b)),
                Member::Int(i) => t.insert(int_key(i)),
            },
        }
    }

    /// Removes `member`; true if it was there.
    pub fn remove(&mut self, member: &[u8]) -> bool {
        match &mut self.repr {
            Repr::Ints(v) => match parse_i64(member).map(|i| v.binary_search(&i)) {
                Some(Ok(at)) => {
                    edit_ints(v, |v| v.remove(at));
                    true
                }
                _ => false,
            },
            Repr::Table(t) => t.swap_remove(member),
        }
    }

    /// Turns an intset into a hashtable (Redis's `setTypeConvert`).
    fn convert(&mut self) {
        if let Repr::Ints(v) = &self.repr {
            let mut t = IndexSet::with_capacity_and_hasher(v.len() + 1, MemberHasher);
            for &i in v.iter() {
                t.insert(int_key(i));
            }
            self.repr = Repr::Table(Box::new(t));
        }
    }

    /// One SSCAN step from `cursor`, visiting `count` members and keeping those matching
    /// `pattern`. An intset is returned whole with cursor 0, as Redis does. A hashtable is
    /// walked like the key table (`keys::scan`): cursor 0 starts at the last index, `c >= 1`
    /// continues at index `c - 1` (or at the last index if the set shrank below it), and the
    /// next cursor is 0 when done. Removal moves the last member into the hole, which a
    /// downward walk has already visited, so a member present for the whole scan is returned.
    pub fn scan(
        &self,
        cursor: u64,
        count: usize,
        pattern: Option<&[u8]>,
    ) -> (u64, Vec<Member<'_>>) {
        let keep = |m: &Member<'_>| pattern.is_none_or(|p| m.matches(p));
        let t = match &self.repr {
            Repr::Ints(v) => {
                return (0, v.iter().map(|&i| Member::Int(i)).filter(keep).collect());
            }
            Repr::Table(t) => t,
        };
        let len = t.len();
        if len == 0 {
            return (0, Vec::new());
        }
        let top = match cursor {
            0 => len - 1,
            c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
        };
        let bottom = top + 1 - count.min(top + 1);
        let found = (bottom..=top)
            .rev()
            .filter_map(|i| t.get_index(i))
            .map(|k| Member::Bytes(k.as_bytes()))
            .filter(keep)
            .collect();
        (bottom as u64, found)
    }
}

/// Writes a member as a bulk string.
fn reply_member(reply: &mut Reply, member: Member<'_>) {
    match member {
        Member::Int(v) => reply.bulk(format_i64(v, &mut [0u8; 20])),
        Member::Bytes(b) => reply.bulk(b),
    }
}

/// A removed member's bytes (the decimal text of an integer), for the append-only file.
fn taken_bytes(taken: Taken) -> Vec<u8> {
    match taken {
        Taken::Int(v) => format_i64(v, &mut [0u8; 20]).to_vec(),
        Taken::Bytes(k) => k.as_bytes().to_vec(),
    }
}

/// Writes a removed member as a bulk string.
fn reply_taken(reply: &mut Reply, taken: &Taken) {
    match taken {
        Taken::Int(v) => reply_member(reply, Member::Int(*v)),
        Taken::Bytes(k) => reply.bulk(k),
    }
}

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

/// Removes `key` with a `del` keyspace event, if it exists.
fn remove_notified(db: &mut Db, key: &[u8]) {
    if db.remove(key).is_some() {
        db.notify(crate::notify::GENERIC, "del", key);
    }
}

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

/// Removes and replies with a random member (null when the key is missing), or with `count`
/// distinct random members (a set reply in RESP3). A count covering the whole set replies
/// with all of it, built as SUNION builds its result, and deletes the key.
///
/// ```text
/// SPOP key [count]
/// ```
pub fn spop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    match args.len() {
        3 => return spop_with_count(ctx, args),
        n if n > 3 => {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        _ => {}
    }
    let key = &args[1][..];
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let (db, rng, reply) = (&mut shard.dbs[ctx.db], &mut shard.rng, &mut *ctx.reply);
    let set = match lookup::write::<Set>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.null();
            if ctx.aof_enabled() {
                ctx.propagate(Vec::new());
            }
            return;
        }
        Ok(Some(set)) => set,
    };
    let index = rng.below(set.len().max(1));
    let taken = set.take_index(index);
    match &taken {
        Some(taken) => reply_taken(reply, taken),
        None => reply.null(),
    }
    let emptied = set.is_empty();
    db.notify(crate::notify::SET, "spop", key);
    if emptied {
        remove_notified(db, key);
    }
    if ctx.aof_enabled() {
        // The random choice is logged as what it took, so replay takes the same member.
        let logged = match taken {
            Some(taken) => vec![vec![
                Bytes::from_static(b"SREM"),
                Bytes::copy_from_slice(key),
                Bytes::from(taken_bytes(taken)),
            ]],
            None => Vec::new(),
        };
        ctx.propagate(logged);
    }
}

/// SPOP with a count (Redis's `spopWithCountCommand`): the count is checked before the key.
fn spop_with_count(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let count = match parse_i64(&args[2]) {
        Some(n) if n >= 0 => n as u64,
        _ => {
            ctx.reply.error(errors::SPOP_COUNT_RANGE);
            return;
        }
    };
    let max = max_intset_entries(ctx.shard);
    let key = &args[1][..];
    let now = ctx.now;
    let aof_on = ctx.aof_enabled();
    let shard = &mut *ctx.shard;
    let (db, rng, reply) = (&mut shard.dbs[ctx.db], &mut shard.rng, &mut *ctx.reply);
    match lookup::write::<Set>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.set(0);
            if aof_on {
                ctx.propagate(Vec::new());
            }
            return;
        }
        Ok(Some(_)) => {}
    }
    if count == 0 {
        reply.set(0);
        if aof_on {
            ctx.propagate(Vec::new());
        }
        return;
    }
    db.notify(crate::notify::SET, "spop", key);
    let Some(Value::Set(set)) = db.get_mut(key, now) else {
        return reply.set(0);
    };
    if count >= set.len() as u64 {
        // The whole set, as SUNION over this one key would reply with it.
        match db.remove(key) {
            Some(Value::Set(set)) => reply_union(reply, &[Some(&set)], max),
            _ => reply.set(0),
        }
        db.notify(crate::notify::GENERIC, "del", key);
        if aof_on {
            ctx.propagate(vec![aof::command(&[b"DEL", key])]);
        }
        return;
    }
    reply.set(count as usize);
    // The random choices are logged as what they took, so replay takes the same members.
    let mut logged = Vec::new();
    if aof_on {
        logged = aof::command(&[b"SREM", key]);
    }
    for _ in 0..count {
        let index = rng.below(set.len().max(1));
        if let Some(taken) = set.take_index(index) {
            reply_taken(reply, &taken);
            if aof_on {
                logged.push(Bytes::from(taken_bytes(taken)));
            }
        }
    }
    if aof_on {
        ctx.propagate(vec![logged]);
    }
}

/// Replies with a random member (null when the key is missing), or with `count` random
/// members: distinct ones for a positive count (the whole set, in its own order, when the
/// count covers it), possibly repeated ones for a negative count. The count replies are
/// arrays, also in RESP3.
///
/// ```text
/// SRANDMEMBER key [count]
/// ```
pub fn srandmember(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    match args.len() {
        3 => return srandmember_with_count(ctx, args),
        n if n > 3 => {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        _ => {}
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let (db, stats, rng, reply) = (
        &mut shard.dbs[ctx.db],
        &mut shard.stats,
        &mut shard.rng,
        &mut *ctx.reply,
    );
    match lookup::read::<Set>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(set)) => match set.get_index(rng.below(set.len().max(1))) {
            Some(member) => reply_member(reply, member),
            None => reply.null(),
        },
    }
}

/// SRANDMEMBER with a count (Redis's `srandmemberWithCountCommand`): the count is checked
/// before the key.
fn srandmember_with_count(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let (count, distinct) = match parse_i64(&args[2]) {
        None => {
            ctx.reply.error(errors::NOT_INTEGER);
            return;
        }
        Some(i64::MIN) => {
            ctx.reply.error(errors::RANDOM_COUNT_RANGE);
            return;
        }
        Some(n) => (n.unsigned_abs(), n >= 0),
    };
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let (db, stats, rng, reply) = (
        &mut shard.dbs[ctx.db],
        &mut shard.stats,
        &mut shard.rng,
        &mut *ctx.reply,
    );
    let set = match lookup::read::<Set>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(0);
            return;
        }
        Ok(Some(set)) => set,
    };
    let len = set.len();
    if count == 0 || len == 0 {
        reply.array(0);
        return;
    }
    if !distinct {
        reply.array(count as usize);
        for _ in 0..count {
            if let Some(member) = set.get_index(rng.below(len)) {
                reply_member(reply, member);
            }
        }
        return;
    }
    if count >= len as u64 {
        reply.array(len);
        for member in set.iter() {
            reply_member(reply, member);
        }
        return;
    }
    let picked = sample_distinct(rng, len, count as usize);
    reply.array(picked.len());
    for index in picked {
        if let Some(member) = set.get_index(index) {
            reply_member(reply, member);
        }
    }
}

/// `count` distinct indices below `len` (`count < len`), in random order. Like Redis, it
/// shuffles all the indices when most of them are wanted and draws at random otherwise, so
/// the work is O(count) either way.
fn sample_distinct(rng: &mut Rng, len: usize, count: usize) -> Vec<usize> {
    if count.saturating_mul(3) > len {
        let mut indices: Vec<usize> = (0..len).collect();
        for i in 0..count {
            let j = i + rng.below(len - i);
            indices.swap(i, j);
        }
        indices.truncate(count);
        indices
    } else {
        let mut seen = HashSet::with_capacity(count);
        let mut picked = Vec::with_capacity(count);
        while picked.len() < count {
            let i = rng.below(len);
            if seen.insert(i) {
                picked.push(i);
            }
        }
        picked
    }
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

/// What SINTER's algorithm produces.
#[derive(Debug, Clone, Copy)]
enum Inter<'a> {
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
fn sinter_generic(ctx: &mut Ctx<'_>, keys: &[Bytes], mode: Inter<'_>) {
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
fn reply_union(reply: &mut Reply, sets: &[Option<&Set>], max: usize) {
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

/// Iterates the members of the set at `key`, as SCAN does the keys. The cursor is checked
/// first, then the key (a missing key is an empty scan, whatever the options), then the
/// options in order: COUNT must be a positive integer, MATCH takes a glob; TYPE is SCAN's
/// only. An intset is returned whole with cursor 0; see [`Set::scan`] for a hashtable.
///
/// ```text
/// SSCAN key cursor [MATCH pattern] [COUNT count]
/// ```
pub fn sscan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[2]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let set = match lookup::read::<Set>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(2);
            reply.bulk(b"0");
            reply.array(0);
            return;
        }
        Ok(Some(set)) => set,
    };
    let mut count: usize = 10;
    let mut pattern: Option<&[u8]> = None;
    let mut i = 3;
    while i < args.len() {
        let opt = &args[i][..];
        match args.get(i + 1).map(|v| &v[..]) {
            Some(v) if opt.eq_ignore_ascii_case(b"count") => match parse_i64(v) {
                None => {
                    reply.error(errors::NOT_INTEGER);
                    return;
                }
                Some(n) if n < 1 => {
                    reply.error(errors::SYNTAX);
                    return;
                }
                Some(n) => count = usize::try_from(n).unwrap_or(usize::MAX),
            },
            // A pattern of exactly "*" matches everything: no filter, as in Redis.
            Some(v) if opt.eq_ignore_ascii_case(b"match") => pattern = (v != b"*").then_some(v),
            _ => {
                reply.error(errors::SYNTAX);
                return;
            }
        }
        i += 2;
    }
    let (next, found) = set.scan(cursor, count, pattern);
    reply.array(2);
    reply.bulk(next.to_string().as_bytes());
    reply.array(found.len());
    for member in found {
        reply_member(reply, member);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Handler;

    /// Runs one command given as words against `shard` at time `now` in RESP2 or RESP3,
    /// returning the raw reply.
    fn run_proto(
        shard: &mut Shard,
        now: i64,
        resp3: bool,
        handler: Handler,
        words: &[&str],
    ) -> String {
        let args: Vec<Bytes> = words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        let mut reply = Reply::new(resp3);
        shard.run(handler, 0, now, &args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
    }

    fn run(shard: &mut Shard, handler: Handler, words: &[&str]) -> String {
        run_proto(shard, 0, false, handler, words)
    }

    fn run3(shard: &mut Shard, handler: Handler, words: &[&str]) -> String {
        run_proto(shard, 0, true, handler, words)
    }

    fn err(text: &str) -> String {
        format!("-{text}\r\n")
    }

    fn int(n: i64) -> String {
        format!(":{n}\r\n")
    }

    /// A RESP2 array (or RESP3 set with `head` `~`) of bulk strings.
    fn bulks(head: char, items: &[&str]) -> String {
        let mut s = format!("{head}{}\r\n", items.len());
        for i in items {
            s.push_str(&format!("${}\r\n{i}\r\n", i.len()));
        }
        s
    }

    fn arr(items: &[&str]) -> String {
        bulks('*', items)
    }

    /// The bulk strings of a flat array reply, in order.
    fn members(reply: &str) -> Vec<String> {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        assert!(
            lines[0].starts_with('*') || lines[0].starts_with('~'),
            "{reply:?}"
        );
        let n: usize = lines[0][1..].parse().expect("length");
        (0..n).map(|i| lines[2 + 2 * i].to_string()).collect()
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn encoding(shard: &mut Shard, key: &str) -> Option<&'static str> {
        shard.dbs[0].get(key.as_bytes(), 0).map(Value::encoding)
    }

    fn shard() -> Shard {
        Shard::new(16, 7)
    }

    const WT: &str = errors::WRONGTYPE;

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
    fn intset_while_small_and_integer() {
        let mut s = shard();
        assert_eq!(
            run(&mut s, sadd, &["SADD", "k", "3", "-1", "2", "3"]),
            int(3)
        );
        assert_eq!(encoding(&mut s, "k"), Some("intset"));
        // Ascending, as Redis's intset.
        assert_eq!(
            run(&mut s, smembers, &["SMEMBERS", "k"]),
            arr(&["-1", "2", "3"])
        );
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "x"]), int(1));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        // Never back to an intset, even once only integers are left.
        assert_eq!(run(&mut s, srem, &["SREM", "k", "x"]), int(1));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", "2"]), int(1));
        // A first member that is not an integer makes a hashtable at once.
        assert_eq!(run(&mut s, sadd, &["SADD", "h", "a", "1"]), int(2));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
    }

    #[test]
    fn integers_follow_string2ll() {
        let mut s = shard();
        for (member, enc) in [
            ("0", "intset"),
            ("-9223372036854775808", "intset"),
            ("9223372036854775807", "intset"),
            ("9223372036854775808", "hashtable"),
            ("01", "hashtable"),
            ("+1", "hashtable"),
            (" 1", "hashtable"),
            ("1.0", "hashtable"),
            ("-0", "hashtable"),
            ("1e3", "hashtable"),
        ] {
            let key = format!("k{member}");
            assert_eq!(run(&mut s, sadd, &["SADD", &key, member]), int(1));
            assert_eq!(encoding(&mut s, &key), Some(enc), "{member:?}");
        }
        // "01" is not the integer 1 in an intset.
        assert_eq!(run(&mut s, sadd, &["SADD", "i", "1"]), int(1));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "i", "01"]), int(0));
        assert_eq!(run(&mut s, srem, &["SREM", "i", "+1", "1.0"]), int(0));
        assert_eq!(run(&mut s, sadd, &["SADD", "i", "01"]), int(1));
        assert_eq!(encoding(&mut s, "i"), Some("hashtable"));
        assert_eq!(run(&mut s, scard, &["SCARD", "i"]), int(2));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "i", "1"]), int(1));
    }

    #[test]
    fn intset_converts_past_max_entries() {
        let mut s = shard();
        let ints: Vec<String> = (0..MAX_INTSET_ENTRIES).map(|i| i.to_string()).collect();
        let mut words = vec!["SADD", "k"];
        words.extend(ints.iter().map(String::as_str));
        assert_eq!(run(&mut s, sadd, &words), int(MAX_INTSET_ENTRIES as i64));
        assert_eq!(encoding(&mut s, "k"), Some("intset"));
        // Already there: no growth, no conversion.
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "0"]), int(0));
        assert_eq!(encoding(&mut s, "k"), Some("intset"));
        assert_eq!(run(&mut s, sadd, &["SADD", "k", "100000"]), int(1));
        assert_eq!(encoding(&mut s, "k"), Some("hashtable"));
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(513));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", "511"]), int(1));
        // One SADD crossing the threshold converts halfway through.
        let mut words = vec!["SADD", "m"];
        let more: Vec<String> = (0..600).map(|i| (i * 7).to_string()).collect();
        words.extend(more.iter().map(String::as_str));
        assert_eq!(run(&mut s, sadd, &words), int(600));
        assert_eq!(encoding(&mut s, "m"), Some("hashtable"));
        assert_eq!(run(&mut s, sismember, &["SISMEMBER", "m", "4193"]), int(1));
    }

    #[test]
    fn set_value_api() {
        let mut set = Set::from_members([&b"2"[..], b"1"], 2);
        assert_eq!(set.encoding(), "intset");
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Member::Int(1), Member::Int(2)]
        );
        assert!(set.add(b"3", 2));
        assert_eq!(set.encoding(), "hashtable");
        assert!(set.contains_member(Member::Int(3)));
        assert!(!set.add(b"3", 2));
        assert!(set.remove(b"1"));
        assert!(!set.remove(b"1"));
        assert_eq!(set.len(), 2);
        assert_eq!(Member::Int(-5).to_vec(), b"-5");
        // Equality ignores the order of a hashtable's members.
        let a = Set::from_members([&b"x"[..], b"y"], 512);
        let b = Set::from_members([&b"y"[..], b"x"], 512);
        assert_eq!(a, b);
        assert_eq!(Set::for_member(b"7").encoding(), "intset");
        assert_eq!(Set::for_member(b"a").encoding(), "hashtable");
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
    fn wrongtype_everywhere() {
        let mut s = shard();
        s.dbs[0].set(b"str", Value::string(b"v"));
        run(&mut s, sadd, &["SADD", "set", "1"]);
        let wt = err(WT);
        for (handler, words) in [
            (sadd as Handler, &["SADD", "str", "a"][..]),
            (srem, &["SREM", "str", "a"]),
            (smembers, &["SMEMBERS", "str"]),
            (sismember, &["SISMEMBER", "str", "a"]),
            (smismember, &["SMISMEMBER", "str", "a"]),
            (scard, &["SCARD", "str"]),
            (spop, &["SPOP", "str"]),
            (spop, &["SPOP", "str", "0"]),
            (srandmember, &["SRANDMEMBER", "str"]),
            (srandmember, &["SRANDMEMBER", "str", "0"]),
            (smove, &["SMOVE", "str", "set", "1"]),
            (smove, &["SMOVE", "set", "str", "1"]),
            (sinter, &["SINTER", "missing", "str"]),
            (sinter, &["SINTER", "str", "missing"]),
            (sunion, &["SUNION", "set", "str"]),
            (sdiff, &["SDIFF", "missing", "str"]),
            (sinterstore, &["SINTERSTORE", "d", "missing", "str"]),
            (sunionstore, &["SUNIONSTORE", "d", "str"]),
            (sdiffstore, &["SDIFFSTORE", "d", "set", "str"]),
            (sintercard, &["SINTERCARD", "2", "missing", "str"]),
            (sscan, &["SSCAN", "str", "0"]),
            (sscan, &["SSCAN", "str", "0", "BAD"]),
        ] {
            assert_eq!(run(&mut s, handler, words), wt, "{words:?}");
        }
        // Nothing was created or changed.
        assert!(!s.dbs[0].contains(b"d", 0));
        assert_eq!(run(&mut s, scard, &["SCARD", "set"]), int(1));
        // Checked after the arguments and a missing source.
        assert_eq!(
            run(&mut s, spop, &["SPOP", "str", "-1"]),
            err(errors::SPOP_COUNT_RANGE)
        );
        assert_eq!(
            run(&mut s, spop, &["SPOP", "str", "1", "2"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "str", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, smove, &["SMOVE", "missing", "str", "1"]),
            int(0)
        );
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "str", "x"]),
            err(errors::INVALID_CURSOR)
        );
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
    fn read_commands_count_keyspace_hits() {
        let mut s = shard();
        run(&mut s, sadd, &["SADD", "k", "a"]);
        run(&mut s, srem, &["SREM", "k", "x"]);
        run(&mut s, smove, &["SMOVE", "k", "m", "x"]);
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (0, 0));
        run(&mut s, sismember, &["SISMEMBER", "k", "a"]);
        run(&mut s, scard, &["SCARD", "missing"]);
        run(&mut s, sinterstore, &["SINTERSTORE", "d", "k", "missing"]);
        run(&mut s, sscan, &["SSCAN", "k", "0"]);
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (3, 2));
    }

    #[test]
    fn expired_sets_are_missing() {
        let mut s = shard();
        run(&mut s, sadd, &["SADD", "k", "a"]);
        s.dbs[0].set_expire(b"k", 10);
        assert_eq!(run_proto(&mut s, 11, false, scard, &["SCARD", "k"]), int(0));
        assert!(s.dbs[0].is_empty());
        // SADD on an expired key starts a new set without the expiry.
        run(&mut s, sadd, &["SADD", "k", "a"]);
        s.dbs[0].set_expire(b"k", 10);
        assert_eq!(
            run_proto(&mut s, 11, false, sadd, &["SADD", "k", "b"]),
            int(1)
        );
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        // Modifying a set keeps its expiry.
        s.dbs[0].set_expire(b"k", 100);
        run(&mut s, sadd, &["SADD", "k", "c"]);
        run(&mut s, srem, &["SREM", "k", "c"]);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(100));
    }

    #[test]
    fn spop_single() {
        let mut s = shard();
        assert_eq!(run(&mut s, spop, &["SPOP", "k"]), "$-1\r\n");
        assert_eq!(run3(&mut s, spop, &["SPOP", "k"]), "_\r\n");
        run(&mut s, sadd, &["SADD", "k", "1", "2", "3"]);
        let mut popped = Vec::new();
        for _ in 0..3 {
            let r = run(&mut s, spop, &["SPOP", "k"]);
            popped.push(r.split("\r\n").nth(1).unwrap_or_default().to_string());
        }
        assert_eq!(sorted(popped), strings(&["1", "2", "3"]));
        assert!(s.dbs[0].is_empty(), "the emptied set is removed");
        run(&mut s, sadd, &["SADD", "h", "a", "b"]);
        run(&mut s, spop, &["SPOP", "h"]);
        run(&mut s, spop, &["SPOP", "h"]);
        assert!(s.dbs[0].is_empty());
        assert_eq!(
            run(&mut s, spop, &["SPOP", "h", "1", "2"]),
            err(errors::SYNTAX)
        );
    }

    #[test]
    fn spop_with_count() {
        let mut s = shard();
        for bad in ["-1", "x", "1.5", "9223372036854775808"] {
            assert_eq!(
                run(&mut s, spop, &["SPOP", "k", bad]),
                err(errors::SPOP_COUNT_RANGE)
            );
        }
        assert_eq!(run(&mut s, spop, &["SPOP", "k", "2"]), "*0\r\n");
        assert_eq!(run3(&mut s, spop, &["SPOP", "k", "2"]), "~0\r\n");
        run(&mut s, sadd, &["SADD", "k", "5", "1", "3", "4", "2"]);
        assert_eq!(run(&mut s, spop, &["SPOP", "k", "0"]), "*0\r\n");
        let two = members(&run(&mut s, spop, &["SPOP", "k", "2"]));
        assert_eq!(two.len(), 2);
        assert_ne!(two[0], two[1]);
        assert_eq!(run(&mut s, scard, &["SCARD", "k"]), int(3));
        for m in &two {
            assert_eq!(run(&mut s, sismember, &["SISMEMBER", "k", m]), int(0));
        }
        // A count covering the set: all of it, ascending for integers, and the key is gone.
        let rest = run3(&mut s, spop, &["SPOP", "k", "9223372036854775807"]);
        assert!(rest.starts_with("~3\r\n"));
        let mut all = two.clone();
        all.extend(members(&rest));
        assert_eq!(sorted(all), strings(&["1", "2", "3", "4", "5"]));
        assert!(s.dbs[0].is_empty());
        // A hashtable of integers pops whole as a fresh (sorted) intset would.
        run(&mut s, sadd, &["SADD", "h", "10", "x", "9", "1"]);
        run(&mut s, srem, &["SREM", "h", "x"]);
        assert_eq!(
            run(&mut s, spop, &["SPOP", "h", "3"]),
            arr(&["1", "9", "10"])
        );
        assert!(s.dbs[0].is_empty());
    }

    #[test]
    fn srandmember_variants() {
        let mut s = shard();
        assert_eq!(run(&mut s, srandmember, &["SRANDMEMBER", "k"]), "$-1\r\n");
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "3"]),
            "*0\r\n"
        );
        assert_eq!(
            run3(&mut s, srandmember, &["SRANDMEMBER", "k", "-3"]),
            "*0\r\n"
        );
        assert_eq!(
            run(
                &mut s,
                srandmember,
                &["SRANDMEMBER", "k", "-9223372036854775808"]
            ),
            err(errors::RANDOM_COUNT_RANGE)
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "1.5"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "1", "2"]),
            err(errors::SYNTAX)
        );
        run(&mut s, sadd, &["SADD", "k", "3", "1", "2"]);
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "0"]),
            "*0\r\n"
        );
        // The whole set in its own order, as an array also in RESP3.
        assert_eq!(
            run3(&mut s, srandmember, &["SRANDMEMBER", "k", "3"]),
            arr(&["1", "2", "3"])
        );
        assert_eq!(
            run(&mut s, srandmember, &["SRANDMEMBER", "k", "100"]),
            arr(&["1", "2", "3"])
        );
        for _ in 0..20 {
            let two = members(&run(&mut s, srandmember, &["SRANDMEMBER", "k", "2"]));
            assert_eq!(two.len(), 2);
            assert_ne!(two[0], two[1]);
            let one = run(&mut s, srandmember, &["SRANDMEMBER", "k"]);
            assert!(["$1\r\n1\r\n", "$1\r\n2\r\n", "$1\r\n3\r\n"].contains(&one.as_str()));
        }
        let many = members(&run(&mut s, srandmember, &["SRANDMEMBER", "k", "-50"]));
        assert_eq!(many.len(), 50);
        assert!(many.iter().all(|m| ["1", "2", "3"].contains(&m.as_str())));
        assert_eq!(
            run(&mut s, scard, &["SCARD", "k"]),
            int(3),
            "nothing removed"
        );
        // Distinct samples from a bigger hashtable, through both strategies.
        let words: Vec<String> = (0..100).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "h"];
        cmd.extend(words.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        for count in ["10", "60", "99"] {
            let got = members(&run(&mut s, srandmember, &["SRANDMEMBER", "h", count]));
            let unique: HashSet<&String> = got.iter().collect();
            assert_eq!(unique.len().to_string(), count);
            assert!(got.iter().all(|m| words.contains(m)));
        }
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

    /// Runs SSCAN to the end with `count`, returning every member seen (with repeats).
    fn sscan_all(s: &mut Shard, key: &str, count: &str, pattern: &str) -> Vec<String> {
        let mut cursor = "0".to_string();
        let mut seen = Vec::new();
        for _ in 0..10_000 {
            let r = run(
                s,
                sscan,
                &["SSCAN", key, &cursor, "COUNT", count, "MATCH", pattern],
            );
            let lines: Vec<&str> = r.split("\r\n").collect();
            cursor = lines[2].to_string();
            let rest = lines[3..].join("\r\n");
            seen.extend(members(&rest));
            if cursor == "0" {
                return seen;
            }
        }
        panic!("SSCAN did not finish");
    }

    #[test]
    fn sscan_intset_and_hashtable() {
        let mut s = shard();
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        // A missing key never looks at the options.
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0", "BAD"]),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "x"]),
            err(errors::INVALID_CURSOR)
        );
        run(&mut s, sadd, &["SADD", "k", "3", "12", "1", "20"]);
        // An intset comes whole, whatever the cursor and count.
        let whole = "*2\r\n$1\r\n0\r\n*4\r\n$1\r\n1\r\n$1\r\n3\r\n$2\r\n12\r\n$2\r\n20\r\n";
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0", "COUNT", "1"]),
            whole
        );
        assert_eq!(run(&mut s, sscan, &["SSCAN", "k", "77"]), whole);
        assert_eq!(
            run3(&mut s, sscan, &["SSCAN", "k", "0", "MATCH", "*"]),
            whole
        );
        assert_eq!(
            run(&mut s, sscan, &["SSCAN", "k", "0", "MATCH", "*2*"]),
            "*2\r\n$1\r\n0\r\n*2\r\n$2\r\n12\r\n$2\r\n20\r\n"
        );
        for (words, e) in [
            (&["SSCAN", "k", "0", "COUNT", "0"][..], errors::SYNTAX),
            (&["SSCAN", "k", "0", "COUNT", "x"], errors::NOT_INTEGER),
            (&["SSCAN", "k", "0", "COUNT"], errors::SYNTAX),
            (&["SSCAN", "k", "0", "MATCH"], errors::SYNTAX),
            (&["SSCAN", "k", "0", "TYPE", "set"], errors::SYNTAX),
            (
                &["SSCAN", "k", "0", "COUNT", "-1", "MATCH", "x"],
                errors::SYNTAX,
            ),
            (
                &["SSCAN", "k", "18446744073709551616"],
                errors::INVALID_CURSOR,
            ),
        ] {
            assert_eq!(run(&mut s, sscan, words), err(e), "{words:?}");
        }
        // A hashtable is walked in steps.
        let all: Vec<String> = (0..50).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "h"];
        cmd.extend(all.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        let first = run(&mut s, sscan, &["SSCAN", "h", "0", "COUNT", "7"]);
        assert!(first.starts_with("*2\r\n$2\r\n43\r\n*7\r\n"), "{first:?}");
        assert_eq!(
            sorted(sscan_all(&mut s, "h", "7", "*")),
            sorted(all.clone())
        );
        assert_eq!(sscan_all(&mut s, "h", "1000", "*").len(), 50);
        let ones = sorted(sscan_all(&mut s, "h", "3", "m1*"));
        assert_eq!(ones.len(), 11);
    }

    #[test]
    fn sscan_survives_removals() {
        let mut s = shard();
        let all: Vec<String> = (0..40).map(|i| format!("m{i}")).collect();
        let mut cmd = vec!["SADD", "h"];
        cmd.extend(all.iter().map(String::as_str));
        run(&mut s, sadd, &cmd);
        // Remove members between steps: every member present throughout is still returned.
        let mut cursor = "0".to_string();
        let mut seen = HashSet::new();
        let mut removed = HashSet::new();
        for step in 0.. {
            let r = run(&mut s, sscan, &["SSCAN", "h", &cursor, "COUNT", "5"]);
            let lines: Vec<&str> = r.split("\r\n").collect();
            cursor = lines[2].to_string();
            seen.extend(members(&lines[3..].join("\r\n")));
            let victim = format!("m{}", step * 3);
            if run(&mut s, srem, &["SREM", "h", &victim]) == int(1) {
                removed.insert(victim);
            }
            if cursor == "0" {
                break;
            }
        }
        for m in &all {
            assert!(seen.contains(m) || removed.contains(m), "{m} missed");
        }
    }
}
