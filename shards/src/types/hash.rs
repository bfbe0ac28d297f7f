//! Hash commands and the hash value type (Redis's `t_hash.c`).
//!
//! A [`Hash`] has Redis 7.0's two encodings. While it is small it is a *listpack*: its
//! field/value pairs packed in insertion order in one buffer, each element prefixed with its
//! length ([`PackedPairs`]), searched linearly (a few hundred short pairs at most, a scan of
//! contiguous memory) and costing a few bytes per element as Redis's does, which keeps
//! HGETALL, HKEYS, HSCAN and HRANDFIELD's whole-hash replies in the very order Redis gives
//! them. Past either threshold (more fields than `hash-max-listpack-entries`, or a field or
//! value longer than `hash-max-listpack-value` bytes) it converts once, for good, to a
//! *hashtable*: an `IndexMap`, whose dense index gives HRANDFIELD O(1) uniform sampling and
//! HSCAN a cursor with SCAN's guarantee (see `keys::scan` and `docs/architecture.md`: removal
//! is always `swap_remove`, and the cursor walks indices from the top down).
//!
//! In a hashtable, fields and values are stored as [`Key`]s: short ones inline, longer ones
//! on the heap, so the common short field costs no allocation of its own. Its hasher is the
//! sets' process-wide seed ([`MemberHasher`]), so the table's box holds no hasher state.
//!
//! Lookups follow Redis: the read commands (HGET, HMGET, HLEN, HSTRLEN, HEXISTS, HGETALL,
//! HKEYS, HVALS, HRANDFIELD, HSCAN) count a keyspace hit or miss, the write commands (HSET,
//! HSETNX, HMSET, HDEL, HINCRBY, HINCRBYFLOAT) do not. A hash is never left empty in the
//! database: HDEL removes the key with its last field.

use crate::db::Db;
use crate::errors;
use crate::glob::glob_match;
use crate::key::Key;
use crate::keys::parse_cursor;
use crate::lookup::{self, WrongType};
use crate::reply::{format_i64, Reply};
use crate::shard::Ctx;
use crate::types::packed::PackedPairs;
use crate::types::set::MemberHasher;
use crate::util::{parse_i64, LongDouble, Rng};
use crate::value::Value;
use bytes::Bytes;
use indexmap::IndexMap;
use std::collections::HashSet;

/// The thresholds past which a listpack hash becomes a hashtable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListpackLimits {
    /// `hash-max-listpack-entries`: the most fields a listpack holds.
    pub entries: usize,
    /// `hash-max-listpack-value`: the longest field or value a listpack holds, in bytes.
    pub value: usize,
}

/// A hash: a compact `listpack` while small, a `hashtable` past the thresholds.
#[derive(Debug, Clone, Default)]
pub struct Hash {
    repr: Repr,
}

/// The two encodings.
#[derive(Debug, Clone)]
enum Repr {
    /// Field/value pairs in insertion order; an update keeps a field's place.
    Listpack(PackedPairs),
    /// Fields to values; removal is `swap_remove` (see the module doc). Boxed, so that a
    /// `Hash` is two words (the listpack's boxed slice, the box in its length's place) and
    /// sits inline in a `Value`: most hashes are small listpacks, which then cost the key's
    /// table entry and their buffer, and no allocation of their own.
    Table(Box<IndexMap<Key, Key, MemberHasher>>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Listpack(PackedPairs::new())
    }
}

/// Two hashes are equal when they hold the same fields with the same values, whatever their
/// encodings and orders.
impl PartialEq for Hash {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(f, v)| other.get(f) == Some(v))
    }
}

impl Hash {
    /// An empty hash (a listpack).
    pub fn new() -> Self {
        Hash::default()
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        match self.repr {
            Repr::Listpack(_) => "listpack",
            Repr::Table(_) => "hashtable",
        }
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Listpack(pairs) => pairs.len(),
            Repr::Table(map) => map.len(),
        }
    }

    /// The bytes of a listpack's buffer (what MEMORY USAGE counts for its elements); `None`
    /// for a hashtable.
    pub fn listpack_bytes(&self) -> Option<usize> {
        match &self.repr {
            Repr::Listpack(pairs) => Some(pairs.allocated()),
            Repr::Table(_) => None,
        }
    }

    /// True when the hash has no field (never the case for a hash stored under a key).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of `field`.
    pub fn get(&self, field: &[u8]) -> Option<&[u8]> {
        match &self.repr {
            Repr::Listpack(pairs) => pairs.get(field),
            Repr::Table(map) => map.get(field).map(Key::as_bytes),
        }
    }

    /// True if `field` exists.
    pub fn contains(&self, field: &[u8]) -> bool {
        self.get(field).is_some()
    }

    /// The field and value at a dense index (`0..len()`): insertion order for a listpack.
    pub fn get_index(&self, index: usize) -> Option<(&[u8], &[u8])> {
        match &self.repr {
            Repr::Listpack(pairs) => pairs.get_index(index),
            Repr::Table(map) => map
                .get_index(index)
                .map(|(f, v)| (f.as_bytes(), v.as_bytes())),
        }
    }

    /// Random access by dense index for many lookups: O(1) each for a hashtable; a listpack,
    /// which reaches an index by walking from its start ([`Hash::get_index`]), is walked
    /// once here, so that n lookups cost one walk rather than n.
    fn by_index(&self) -> ByIndex<'_> {
        match &self.repr {
            Repr::Listpack(pairs) => ByIndex::Walked(pairs.iter().collect()),
            Repr::Table(map) => ByIndex::Table(map),
        }
    }

    /// Every field and value, in index order (the order HGETALL replies in).
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &[u8])> + '_ {
        let (packed, table) = match &self.repr {
            Repr::Listpack(pairs) => (Some(pairs.iter()), None),
            Repr::Table(map) => (None, Some(map.iter())),
        };
        let table = table
            .into_iter()
            .flatten()
            .map(|(f, v)| (f.as_bytes(), v.as_bytes()));
        packed.into_iter().flatten().chain(table)
    }

    /// Sets `field` to `value`; true if the field is new. As Redis's `hashTypeSet`: a listpack
    /// first becomes a hashtable if the field or the value is longer than `limits.value`, and
    /// after an insertion if it has more than `limits.entries` fields. An existing field
    /// keeps its place in a listpack.
    pub fn set(&mut self, field: &[u8], value: &[u8], limits: ListpackLimits) -> bool {
        if field.len() > limits.value || value.len() > limits.value {
            self.convert_to_table();
        }
        match &mut self.repr {
            Repr::Listpack(pairs) => {
                if !pairs.set(field, value) {
                    return false;
                }
                if pairs.len() > limits.entries {
                    self.convert_to_table();
                }
                true
            }
            Repr::Table(map) => match map.get_mut(field) {
                Some(v) => {
                    *v = Key::from(value);
                    false
                }
                None => {
                    map.insert(Key::from(field), Key::from(value));
                    true
                }
            },
        }
    }

    /// Removes `field`; true if it existed. A listpack keeps the order of the others.
    pub fn remove(&mut self, field: &[u8]) -> bool {
        match &mut self.repr {
            Repr::Listpack(pairs) => pairs.remove(field),
            Repr::Table(map) => map.swap_remove(field).is_some(),
        }
    }

    /// Converts a listpack to a hashtable before a write of `items` (HSET's fields and values),
    /// if any is longer than `limits.value`: Redis's `hashTypeTryConversion`.
    pub fn try_conversion(&mut self, items: &[Bytes], limits: ListpackLimits) {
        if matches!(self.repr, Repr::Listpack(_)) && items.iter().any(|s| s.len() > limits.value) {
            self.convert_to_table();
        }
    }

    /// Turns a listpack into a hashtable, keeping the pairs' order; a hashtable stays one.
    fn convert_to_table(&mut self) {
        if let Repr::Listpack(pairs) = &mut self.repr {
            let mut map = IndexMap::with_capacity_and_hasher(pairs.len(), MemberHasher);
            map.extend(
                pairs
                    .iter()
                    .map(|(field, value)| (Key::from(field), Key::from(value))),
            );
            self.repr = Repr::Table(Box::new(map));
        }
    }
}

/// A field and its value, borrowed from a hash.
type Pair<'a> = (&'a [u8], &'a [u8]);

/// A hash's pairs by dense index (see [`Hash::by_index`]).
enum ByIndex<'a> {
    /// A listpack's pairs, walked once.
    Walked(Vec<Pair<'a>>),
    /// A hashtable, indexed directly.
    Table(&'a IndexMap<Key, Key, MemberHasher>),
}

impl<'a> ByIndex<'a> {
    /// The field and value at `index` (below the hash's length).
    fn get(&self, index: usize) -> Option<Pair<'a>> {
        match self {
            ByIndex::Walked(pairs) => pairs.get(index).copied(),
            ByIndex::Table(map) => map
                .get_index(index)
                .map(|(f, v)| (f.as_bytes(), v.as_bytes())),
        }
    }
}

/// The listpack thresholds in force: the shard's `hash-max-listpack-entries` and
/// `hash-max-listpack-value`.
fn limits(ctx: &Ctx<'_>) -> ListpackLimits {
    ListpackLimits {
        entries: ctx.shard.limits.hash_max_listpack_entries,
        value: ctx.shard.limits.hash_max_listpack_value,
    }
}

/// The hash at `key` for writing, created empty when missing (Redis's
/// `hashTypeLookupWriteOrCreate`); `Err(WrongType)` for another type. The caller must add a
/// field to a hash it created: an empty hash is never left in the database.
fn lookup_write_or_create<'d>(
    db: &'d mut Db,
    key: &[u8],
    now: i64,
) -> Result<&'d mut Hash, WrongType> {
    lookup::write::<Hash>(db, key, now)?;
    hash_for_set(db, key, now).ok_or(WrongType)
}

/// HSET and HMSET (Redis's `hsetCommand`): fields and values must come in pairs; every long
/// argument converts a listpack before any is written.
fn hset_generic(ctx: &mut Ctx<'_>, args: &[Bytes], cmd: &str) {
    let limits = limits(ctx);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    if !args.len().is_multiple_of(2) {
        reply.error(&errors::wrong_arity(cmd));
        return;
    }
    let Ok(h) = lookup_write_or_create(db, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    h.try_conversion(&args[2..], limits);
    let mut created = 0;
    for pair in args[2..].chunks_exact(2) {
        created += h.set(&pair[0], &pair[1], limits) as i64;
    }
    if cmd == "hset" {
        reply.int(created);
    } else {
        reply.ok();
    }
    ctx.notify(crate::notify::HASH, "hset", &args[1]);
}

/// Sets fields of the hash at `key`, creating it; replies how many fields are new.
///
/// ```text
/// HSET key field value [field value ...]
/// ```
pub fn hset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    hset_generic(ctx, args, "hset");
}

/// HSET replying `OK` (deprecated in Redis in favour of HSET).
///
/// ```text
/// HMSET key field value [field value ...]
/// ```
pub fn hmset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    hset_generic(ctx, args, "hmset");
}

/// Sets `field` only if it does not exist; replies 1 if it was set, 0 if not.
///
/// ```text
/// HSETNX key field value
/// ```
pub fn hsetnx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let limits = limits(ctx);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Ok(h) = lookup_write_or_create(db, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    if h.contains(&args[2]) {
        reply.int(0);
        return;
    }
    h.set(&args[2], &args[3], limits);
    reply.int(1);
    ctx.notify(crate::notify::HASH, "hset", &args[1]);
}

/// The value of `field`, or null.
///
/// ```text
/// HGET key field
/// ```
pub fn hget(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    match h.and_then(|h| h.get(&args[2])) {
        Some(v) => reply.bulk(v),
        None => reply.null(),
    }
}

/// The values of the fields, null for a missing one (all null for a missing key).
///
/// ```text
/// HMGET key field [field ...]
/// ```
pub fn hmget(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.array(args.len() - 2);
    for field in &args[2..] {
        match h.and_then(|h| h.get(field)) {
            Some(v) => reply.bulk(v),
            None => reply.null(),
        }
    }
}

/// Removes the fields; replies how many existed. The key goes with its last field.
///
/// ```text
/// HDEL key field [field ...]
/// ```
pub fn hdel(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let key = &args[1][..];
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let h = match lookup::write::<Hash>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(h)) => h,
    };
    let mut deleted = 0;
    for field in &args[2..] {
        if h.remove(field) {
            deleted += 1;
            if h.is_empty() {
                break;
            }
        }
    }
    let emptied = h.is_empty();
    if emptied {
        db.remove(key);
    }
    reply.int(deleted);
    if deleted > 0 {
        ctx.notify(crate::notify::HASH, "hdel", key);
        if emptied {
            ctx.notify(crate::notify::GENERIC, "del", key);
        }
    }
}

/// 1 if `field` exists, 0 if not.
///
/// ```text
/// HEXISTS key field
/// ```
pub fn hexists(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(h.is_some_and(|h| h.contains(&args[2])) as i64);
}

/// The number of fields (0 for a missing key).
///
/// ```text
/// HLEN key
/// ```
pub fn hlen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(h.map_or(0, Hash::len) as i64);
}

/// The length of the value of `field` (0 when missing).
///
/// ```text
/// HSTRLEN key field
/// ```
pub fn hstrlen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    reply.int(h.and_then(|h| h.get(&args[2])).map_or(0, <[u8]>::len) as i64);
}

/// What HGETALL, HKEYS and HVALS reply with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parts {
    Fields,
    Values,
    Both,
}

/// HGETALL, HKEYS and HVALS (Redis's `genericHgetallCommand`): HGETALL is a map in RESP3,
/// the others arrays; a missing key is an empty one.
fn getall_generic(ctx: &mut Ctx<'_>, args: &[Bytes], parts: Parts) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let Ok(h) = lookup::read::<Hash>(db, stats, &args[1], now) else {
        return reply.error(errors::WRONGTYPE);
    };
    let len = h.map_or(0, Hash::len);
    if parts == Parts::Both {
        reply.map(len);
    } else {
        reply.array(len);
    }
    for (field, value) in h.into_iter().flat_map(Hash::iter) {
        if parts != Parts::Values {
            reply.bulk(field);
        }
        if parts != Parts::Fields {
            reply.bulk(value);
        }
    }
}

/// Every field and value: a map in RESP3, a flat array of pairs in RESP2.
///
/// ```text
/// HGETALL key
/// ```
pub fn hgetall(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    getall_generic(ctx, args, Parts::Both);
}

/// Every field.
///
/// ```text
/// HKEYS key
/// ```
pub fn hkeys(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    getall_generic(ctx, args, Parts::Fields);
}

/// Every value.
///
/// ```text
/// HVALS key
/// ```
pub fn hvals(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    getall_generic(ctx, args, Parts::Values);
}

/// The hash at `key` for writing, created empty when missing; `None` for another type. For
/// callers that have already checked the type with [`lookup_write`] (the counters, after
/// computing the value they set), and must then add a field.
fn hash_for_set<'d>(db: &'d mut Db, key: &[u8], now: i64) -> Option<&'d mut Hash> {
    if !db.contains(key, now) {
        db.set(key, Value::hash(Hash::new()));
    }
    match db.get_mut(key, now) {
        Some(Value::Hash(h)) => Some(h),
        _ => None,
    }
}

/// Adds `increment` to the integer in `field` (0 when missing) and replies with the sum.
///
/// ```text
/// HINCRBY key field increment
/// ```
pub fn hincrby(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let limits = limits(ctx);
    let Some(incr) = parse_i64(&args[3]) else {
        ctx.reply.error(errors::NOT_INTEGER);
        return;
    };
    let (key, field) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Ok(h) = lookup::write::<Hash>(db, key, now) else {
        return reply.error(errors::WRONGTYPE);
    };
    let current = match h.and_then(|h| h.get(field)) {
        None => 0,
        Some(v) => match parse_i64(v) {
            Some(n) => n,
            None => {
                reply.error(errors::HASH_VALUE_NOT_INTEGER);
                return;
            }
        },
    };
    let Some(sum) = current.checked_add(incr) else {
        reply.error(errors::OVERFLOW);
        return;
    };
    let mut digits = [0u8; 20];
    let text = format_i64(sum, &mut digits);
    if let Some(h) = hash_for_set(db, key, now) {
        h.set(field, text, limits);
    }
    reply.int(sum);
    ctx.notify(crate::notify::HASH, "hincrby", key);
}

/// Adds `increment` to the number in `field` (0 when missing) in `long double` precision, as
/// INCRBYFLOAT does, and replies with the sum as stored.
///
/// ```text
/// HINCRBYFLOAT key field increment
/// ```
pub fn hincrbyfloat(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let limits = limits(ctx);
    let Some(incr) = LongDouble::parse(&args[3]) else {
        ctx.reply.error(errors::NOT_FLOAT);
        return;
    };
    if incr.is_infinite() {
        ctx.reply.error(errors::HASH_INCR_NAN_OR_INF);
        return;
    }
    let (key, field) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let Ok(h) = lookup::write::<Hash>(db, key, now) else {
        return reply.error(errors::WRONGTYPE);
    };
    let current = match h.and_then(|h| h.get(field)) {
        None => LongDouble::ZERO,
        Some(v) => match LongDouble::parse(v) {
            Some(n) => n,
            None => {
                reply.error(errors::HASH_VALUE_NOT_FLOAT);
                return;
            }
        },
    };
    let Some(sum) = current.checked_add(incr) else {
        reply.error(errors::INCR_NAN);
        return;
    };
    let text = sum.to_human();
    if let Some(h) = hash_for_set(db, key, now) {
        h.set(field, text.as_bytes(), limits);
    }
    reply.bulk(text.as_bytes());
    ctx.notify(crate::notify::HASH, "hincrbyfloat", key);
}

/// A random field; with a count, an array of fields (distinct for a positive count, at most
/// the whole hash; repeating for a negative one, exactly `-count` of them), with their
/// values after WITHVALUES (pairs of a flat array in RESP2, two-element arrays in RESP3).
///
/// ```text
/// HRANDFIELD key [count [WITHVALUES]]
/// ```
///
/// As in Redis the count is checked before the key: it must be an integer above
/// -9223372036854775808, and within +-4611686018427387903 with WITHVALUES.
pub fn hrandfield(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if args.len() >= 3 {
        let Some(count) = parse_i64(&args[2]) else {
            ctx.reply.error(errors::NOT_INTEGER);
            return;
        };
        if count == i64::MIN {
            ctx.reply.error(errors::RANDOM_COUNT_RANGE);
            return;
        }
        if args.len() > 4 || (args.len() == 4 && !args[3].eq_ignore_ascii_case(b"withvalues")) {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        let with_values = args.len() == 4;
        if with_values && !(-(i64::MAX / 2)..=i64::MAX / 2).contains(&count) {
            ctx.reply.error(errors::HASH_VALUE_OUT_OF_RANGE);
            return;
        }
        hrandfield_with_count(ctx, &args[1], count, with_values);
        return;
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    match lookup::read::<Hash>(db, &mut shard.stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(h)) => match h.get_index(shard.rng.below(h.len().max(1))) {
            Some((field, _)) => reply.bulk(field),
            None => reply.null(),
        },
    }
}

/// HRANDFIELD with a count (Redis's `hrandfieldWithCountCommand`).
fn hrandfield_with_count(ctx: &mut Ctx<'_>, key: &[u8], count: i64, with_values: bool) {
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let rng = &mut shard.rng;
    let db = &mut shard.dbs[ctx.db];
    let h = match lookup::read::<Hash>(db, &mut shard.stats, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            // An empty array even in RESP3, as Redis's `shared.emptyarray`.
            reply.array(0);
            return;
        }
        Ok(Some(h)) => h,
    };
    let size = h.len();
    let unique = count >= 0;
    let count = count.unsigned_abs() as usize;
    if count == 0 || size == 0 {
        reply.array(0);
        return;
    }
    let resp3 = reply.resp3();
    let header = |reply: &mut Reply, n: usize| {
        reply.array(if with_values && !resp3 { n * 2 } else { n });
    };
    let pairs = h.by_index();
    let pair = |reply: &mut Reply, index: usize| {
        if let Some((field, value)) = pairs.get(index) {
            if with_values && resp3 {
                reply.array(2);
            }
            reply.bulk(field);
            if with_values {
                reply.bulk(value);
            }
        }
    };
    // Repeats allowed (or a single field): each one drawn on its own.
    if !unique || count == 1 {
        header(reply, count);
        for _ in 0..count {
            pair(reply, rng.below(size));
        }
        return;
    }
    header(reply, count.min(size));
    // As many as the hash holds: all of it, in its order.
    if count >= size {
        for index in 0..size {
            pair(reply, index);
        }
        return;
    }
    for index in distinct_indices(rng, size, count) {
        pair(reply, index);
    }
}

/// `count` distinct indices below `size` (`count < size`) chosen uniformly, in ascending
/// order (for a listpack, the order Redis's `lpRandomPairsUnique` returns them in). When
/// `count` is a large part of `size` a partial Fisher-Yates shuffle draws them; otherwise
/// they are drawn at random until enough differ, as Redis also splits the two cases.
fn distinct_indices(rng: &mut Rng, size: usize, count: usize) -> Vec<usize> {
    let mut picked: Vec<usize> = if count.saturating_mul(3) > size {
        let mut all: Vec<usize> = (0..size).collect();
        for i in 0..count {
            let j = i + rng.below(size - i);
            all.swap(i, j);
        }
        all.truncate(count);
        all
    } else {
        let mut seen = HashSet::with_capacity(count);
        let mut picked = Vec::with_capacity(count);
        while picked.len() < count {
            let index = rng.below(size);
            if seen.insert(index) {
                picked.push(index);
            }
        }
        picked
    };
    picked.sort_unstable();
    picked
}

/// Iterates the fields and values of a hash.
///
/// ```text
/// HSCAN key cursor [MATCH pattern] [COUNT count]
/// ```
///
/// As in Redis, the cursor is checked first, then the key (a missing key is an empty, final
/// reply whatever the options), then the options. A listpack is returned whole with cursor
/// 0. A hashtable is walked like the keyspace by `keys::scan`: from the top index down,
/// COUNT (default 10) fields per call, cursor `c >= 1` continuing at index `c - 1` (at the
/// top if the hash shrank below it); MATCH filters the fields visited, so a reply may hold
/// fewer than COUNT pairs before the end. A field present for the whole iteration is
/// returned at least once.
pub fn hscan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[2]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let h = match lookup::read::<Hash>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(2);
            reply.bulk(b"0");
            reply.array(0);
            return;
        }
        Ok(Some(h)) => h,
    };
    let mut count: i64 = 10;
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
                Some(n) => count = n,
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
    let wanted = |(field, _): &Pair<'_>| pattern.is_none_or(|p| glob_match(p, field, false));
    let (next, found): (usize, Vec<Pair<'_>>) = match &h.repr {
        // Whole, in one walk of the buffer.
        Repr::Listpack(pairs) => (0, pairs.iter().filter(wanted).collect()),
        Repr::Table(map) if map.is_empty() => (0, Vec::new()),
        Repr::Table(map) => {
            let len = map.len();
            let top = match cursor {
                0 => len - 1,
                c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
            };
            let n = usize::try_from(count).unwrap_or(usize::MAX).min(top + 1);
            let bottom = top + 1 - n;
            let visited = (bottom..=top)
                .rev()
                .filter_map(|index| map.get_index(index))
                .map(|(f, v)| (f.as_bytes(), v.as_bytes()));
            (bottom, visited.filter(wanted).collect())
        }
    };
    reply.array(2);
    let mut digits = [0u8; 20];
    reply.bulk(format_i64(next as i64, &mut digits));
    reply.array(found.len() * 2);
    for (field, value) in found {
        reply.bulk(field);
        reply.bulk(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shard::Shard;
    use crate::types::string;
    use crate::Handler;
    use std::collections::HashSet;

    /// Runs one command given as words, in RESP2 or RESP3, returning the raw reply.
    fn run_proto(s: &mut Shard, now: i64, resp3: bool, handler: Handler, words: &[&str]) -> String {
        let args: Vec<Bytes> = words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        let mut reply = Reply::new(resp3);
        s.run(handler, 0, now, &args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
    }

    fn run(s: &mut Shard, handler: Handler, words: &[&str]) -> String {
        run_proto(s, 0, false, handler, words)
    }

    fn run3(s: &mut Shard, handler: Handler, words: &[&str]) -> String {
        run_proto(s, 0, true, handler, words)
    }

    fn err(text: &str) -> String {
        format!("-{text}\r\n")
    }

    fn bulk(s: &str) -> String {
        format!("${}\r\n{s}\r\n", s.len())
    }

    fn int(n: i64) -> String {
        format!(":{n}\r\n")
    }

    /// A RESP2 array of bulk strings.
    fn arr(items: &[&str]) -> String {
        let mut out = format!("*{}\r\n", items.len());
        for i in items {
            out.push_str(&bulk(i));
        }
        out
    }

    const NULL: &str = "$-1\r\n";
    const OK: &str = "+OK\r\n";
    const EMPTY: &str = "*0\r\n";

    /// A shard with the thresholds of redis.conf (128 fields, 64 bytes) set explicitly, so the
    /// tests do not depend on the defaults.
    fn shard(seed: u64) -> Shard {
        let mut s = Shard::new(16, seed);
        s.limits.hash_max_listpack_entries = 128;
        s.limits.hash_max_listpack_value = 64;
        s
    }

    fn stats(s: &Shard) -> (u64, u64) {
        (s.stats.keyspace_hits, s.stats.keyspace_misses)
    }

    fn encoding(s: &mut Shard, key: &str) -> Option<&'static str> {
        s.dbs[0].get(key.as_bytes(), 0).map(Value::encoding)
    }

    /// The elements of a flat RESP2 array of bulk strings.
    fn elements(reply: &str) -> Vec<String> {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        assert!(lines[0].starts_with('*'), "{reply}");
        let n: usize = lines[0][1..].parse().unwrap();
        (0..n).map(|i| lines[2 + 2 * i].to_string()).collect()
    }

    /// The cursor and the flat field/value list of an HSCAN reply.
    fn parse_hscan(reply: &str) -> (u64, Vec<String>) {
        let lines: Vec<&str> = reply.split("\r\n").collect();
        assert_eq!(lines[0], "*2", "{reply}");
        let cursor = lines[2].parse().unwrap();
        let n: usize = lines[3][1..].parse().unwrap();
        (
            cursor,
            (0..n).map(|i| lines[5 + 2 * i].to_string()).collect(),
        )
    }

    /// A hash `key` with fields f0..f{n-1} holding v0..v{n-1}, set one by one.
    fn fill(s: &mut Shard, key: &str, n: usize) {
        for i in 0..n {
            let (f, v) = (format!("f{i}"), format!("v{i}"));
            assert_eq!(run(s, hset, &["HSET", key, &f, &v]), int(1));
        }
    }

    #[test]
    fn hset_and_readers() {
        let mut s = shard(1);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "1", "b", "2"]),
            int(2)
        );
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "x", "c", "3"]),
            int(1)
        );
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "d", "1", "d", "2"]),
            int(1)
        );
        assert_eq!(run(&mut s, hmset, &["HMSET", "h", "e", "5", "a", "y"]), OK);
        assert_eq!(run(&mut s, hget, &["HGET", "h", "a"]), bulk("y"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "d"]), bulk("2"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "zz"]), NULL);
        assert_eq!(run(&mut s, hget, &["HGET", "nokey", "a"]), NULL);
        assert_eq!(
            run(&mut s, hmget, &["HMGET", "h", "a", "zz", "b", "a"]),
            format!("*4\r\n{}{NULL}{}{}", bulk("y"), bulk("2"), bulk("y"))
        );
        assert_eq!(
            run(&mut s, hmget, &["HMGET", "nokey", "a", "b"]),
            format!("*2\r\n{NULL}{NULL}")
        );
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(5));
        assert_eq!(run(&mut s, hlen, &["HLEN", "nokey"]), int(0));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "h", "c"]), int(1));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "h", "zz"]), int(0));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "nokey", "c"]), int(0));
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "long", "hello world"]),
            int(1)
        );
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "h", "long"]), int(11));
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "h", "zz"]), int(0));
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "nokey", "a"]), int(0));
        // Empty fields and values are ordinary ones.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "", ""]), int(1));
        assert_eq!(run(&mut s, hget, &["HGET", "h", ""]), bulk(""));
        assert_eq!(run(&mut s, hexists, &["HEXISTS", "h", ""]), int(1));
    }

    #[test]
    fn binary_fields_and_values() {
        let mut s = shard(1);
        let f = "a\0b\r\n\u{7f}";
        assert_eq!(run(&mut s, hset, &["HSET", "h", f, "\0\0"]), int(1));
        assert_eq!(run(&mut s, hget, &["HGET", "h", f]), bulk("\0\0"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "a"]), NULL);
        // A field of 22 bytes is stored inline, 23 on the heap: both behave alike.
        let (inline, heap) = ("x".repeat(22), "y".repeat(23));
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", &inline, &heap, &heap, &inline]),
            int(2)
        );
        assert_eq!(run(&mut s, hget, &["HGET", "h", &inline]), bulk(&heap));
        assert_eq!(run(&mut s, hget, &["HGET", "h", &heap]), bulk(&inline));
    }

    #[test]
    fn hset_and_hmset_need_pairs() {
        let mut s = shard(1);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "1", "b"]),
            err("ERR wrong number of arguments for 'hset' command")
        );
        assert_eq!(
            run(&mut s, hmset, &["HMSET", "h", "a", "1", "b"]),
            err("ERR wrong number of arguments for 'hmset' command")
        );
        assert!(s.dbs[0].is_empty());
        // The count is checked before the type.
        assert_eq!(run(&mut s, string::set, &["SET", "s", "v"]), OK);
        assert_eq!(
            run(&mut s, hset, &["HSET", "s", "a", "1", "b"]),
            err("ERR wrong number of arguments for 'hset' command")
        );
    }

    #[test]
    fn every_command_refuses_another_type() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, string::set, &["SET", "s", "v"]), OK);
        let wrong = err(errors::WRONGTYPE);
        let cases: &[(Handler, &[&str])] = &[
            (hset, &["HSET", "s", "a", "1"]),
            (hmset, &["HMSET", "s", "a", "1"]),
            (hsetnx, &["HSETNX", "s", "a", "1"]),
            (hget, &["HGET", "s", "a"]),
            (hmget, &["HMGET", "s", "a"]),
            (hgetall, &["HGETALL", "s"]),
            (hkeys, &["HKEYS", "s"]),
            (hvals, &["HVALS", "s"]),
            (hdel, &["HDEL", "s", "a"]),
            (hexists, &["HEXISTS", "s", "a"]),
            (hlen, &["HLEN", "s"]),
            (hstrlen, &["HSTRLEN", "s", "a"]),
            (hincrby, &["HINCRBY", "s", "a", "1"]),
            (hincrbyfloat, &["HINCRBYFLOAT", "s", "a", "1"]),
            (hrandfield, &["HRANDFIELD", "s"]),
            (hrandfield, &["HRANDFIELD", "s", "0"]),
            (hrandfield, &["HRANDFIELD", "s", "-5", "WITHVALUES"]),
            (hscan, &["HSCAN", "s", "0"]),
            (hscan, &["HSCAN", "s", "0", "COUNT", "0"]),
        ];
        for (handler, words) in cases {
            assert_eq!(run(&mut s, *handler, words), wrong, "{words:?}");
            assert_eq!(run3(&mut s, *handler, words), wrong, "{words:?}");
        }
        assert_eq!(run(&mut s, string::get, &["GET", "s"]), bulk("v"));
    }

    #[test]
    fn hsetnx_sets_only_new_fields() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "a", "1"]), int(1));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "a", "2"]), int(0));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "a"]), bulk("1"));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "b", "2"]), int(1));
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(2));
    }

    #[test]
    fn hdel_removes_fields_and_the_emptied_key() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "a"]), int(0));
        assert!(s.dbs[0].is_empty());
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "1", "b", "2", "c", "3"]),
            int(3)
        );
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "a", "a", "zz"]), int(1));
        assert_eq!(
            run(&mut s, hgetall, &["HGETALL", "h"]),
            arr(&["b", "2", "c", "3"])
        );
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "c", "b", "b"]), int(2));
        assert!(s.dbs[0].is_empty());
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(0));
        // The same with a hashtable, and the key's expiry goes with it.
        fill(&mut s, "t", 200);
        s.dbs[0].set_expire(b"t", 1000);
        let mut words = vec!["HDEL".to_string(), "t".to_string()];
        words.extend((0..200).map(|i| format!("f{i}")));
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(run(&mut s, hdel, &words), int(200));
        assert!(s.dbs[0].is_empty());
        assert_eq!(s.dbs[0].volatile_len(), 0);
    }

    #[test]
    fn hgetall_hkeys_hvals_in_listpack_order() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hgetall, &["HGETALL", "h"]), EMPTY);
        assert_eq!(run3(&mut s, hgetall, &["HGETALL", "h"]), "%0\r\n");
        assert_eq!(run(&mut s, hkeys, &["HKEYS", "h"]), EMPTY);
        assert_eq!(run3(&mut s, hkeys, &["HKEYS", "h"]), EMPTY);
        assert_eq!(run3(&mut s, hvals, &["HVALS", "h"]), EMPTY);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "z", "1", "a", "2", "m", "3"]),
            int(3)
        );
        // An update keeps the field's place; a deleted one re-added goes last.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "z", "9"]), int(0));
        assert_eq!(run(&mut s, hdel, &["HDEL", "h", "a"]), int(1));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "2"]), int(1));
        assert_eq!(
            run(&mut s, hgetall, &["HGETALL", "h"]),
            arr(&["z", "9", "m", "3", "a", "2"])
        );
        assert_eq!(
            run3(&mut s, hgetall, &["HGETALL", "h"]),
            format!("%3\r\n{}", &arr(&["z", "9", "m", "3", "a", "2"])[4..])
        );
        assert_eq!(run(&mut s, hkeys, &["HKEYS", "h"]), arr(&["z", "m", "a"]));
        assert_eq!(run3(&mut s, hkeys, &["HKEYS", "h"]), arr(&["z", "m", "a"]));
        assert_eq!(run(&mut s, hvals, &["HVALS", "h"]), arr(&["9", "3", "2"]));
        // A hashtable replies with everything, in some order.
        fill(&mut s, "t", 300);
        let mut fields = elements(&run(&mut s, hkeys, &["HKEYS", "t"]));
        fields.sort();
        let mut want: Vec<String> = (0..300).map(|i| format!("f{i}")).collect();
        want.sort();
        assert_eq!(fields, want);
        let all = elements(&run(&mut s, hgetall, &["HGETALL", "t"]));
        assert_eq!(all.len(), 600);
        for pair in all.chunks(2) {
            assert_eq!(pair[0][1..], pair[1][1..]);
        }
        assert_eq!(elements(&run(&mut s, hvals, &["HVALS", "t"])).len(), 300);
    }

    #[test]
    fn converts_past_the_entry_limit_and_never_back() {
        let mut s = shard(1);
        fill(&mut s, "h", 128);
        assert_eq!(encoding(&mut s, "h"), Some("listpack"));
        // Updating an existing field does not grow it.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f0", "x"]), int(0));
        assert_eq!(encoding(&mut s, "h"), Some("listpack"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f128", "x"]), int(1));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "f0"]), bulk("x"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "f127"]), bulk("v127"));
        assert_eq!(
            run(&mut s, hdel, &["HDEL", "h", "f128", "f127", "f126"]),
            int(3)
        );
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(126));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
        // One HSET adding many fields converts once it passes the limit.
        let mut words = vec!["HSET".to_string(), "m".to_string()];
        for i in 0..129 {
            words.push(format!("f{i}"));
            words.push("v".into());
        }
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(run(&mut s, hset, &w), int(129));
        assert_eq!(encoding(&mut s, "m"), Some("hashtable"));
        // Exactly the limit in one HSET stays a listpack.
        words[1] = "n".into();
        let w: Vec<&str> = words[..words.len() - 2]
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(run(&mut s, hset, &w), int(128));
        assert_eq!(encoding(&mut s, "n"), Some("listpack"));
        // HINCRBY and HSETNX adding a field count too.
        fill(&mut s, "c", 128);
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "c", "new", "1"]), int(1));
        assert_eq!(encoding(&mut s, "c"), Some("hashtable"));
        fill(&mut s, "d", 128);
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "d", "f0", "1"]), int(0));
        assert_eq!(encoding(&mut s, "d"), Some("listpack"));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "d", "new", "1"]), int(1));
        assert_eq!(encoding(&mut s, "d"), Some("hashtable"));
    }

    #[test]
    fn converts_on_long_fields_or_values() {
        let mut s = shard(1);
        let (l64, l65) = ("x".repeat(64), "x".repeat(65));
        assert_eq!(run(&mut s, hset, &["HSET", "a", &l64, &l64]), int(1));
        assert_eq!(encoding(&mut s, "a"), Some("listpack"));
        assert_eq!(run(&mut s, hset, &["HSET", "b", "f", &l65]), int(1));
        assert_eq!(encoding(&mut s, "b"), Some("hashtable"));
        assert_eq!(run(&mut s, hset, &["HSET", "c", &l65, "v"]), int(1));
        assert_eq!(encoding(&mut s, "c"), Some("hashtable"));
        // Even an update of an existing field, and HMSET alike.
        assert_eq!(run(&mut s, hset, &["HSET", "d", "f", "1"]), int(1));
        assert_eq!(run(&mut s, hmset, &["HMSET", "d", "f", &l65]), OK);
        assert_eq!(encoding(&mut s, "d"), Some("hashtable"));
        // HSET checks all its arguments before writing.
        assert_eq!(
            run(&mut s, hset, &["HSET", "e", "f", "1", "g", &l65]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "e"), Some("hashtable"));
        // HSETNX converts only when it sets.
        assert_eq!(run(&mut s, hset, &["HSET", "g", "f", "1"]), int(1));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "g", "f", &l65]), int(0));
        assert_eq!(encoding(&mut s, "g"), Some("listpack"));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "g", &l65, "1"]), int(1));
        assert_eq!(encoding(&mut s, "g"), Some("hashtable"));
        // The counters: a long field, or a long result.
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "i", "f", "1"]), int(1));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "i", &l65, "1"]), int(1));
        assert_eq!(encoding(&mut s, "i"), Some("hashtable"));
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "j", "f", "1"]),
            bulk("1")
        );
        assert_eq!(encoding(&mut s, "j"), Some("listpack"));
        let reply = run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "j", "f", "1e300"]);
        assert!(
            reply.starts_with("$301\r\n1000000000000000000008997"),
            "{reply}"
        );
        assert_eq!(encoding(&mut s, "j"), Some("hashtable"));
        assert_eq!(run(&mut s, hstrlen, &["HSTRLEN", "j", "f"]), int(301));
    }

    #[test]
    fn thresholds_come_from_the_shard_limits() {
        let mut s = shard(1);
        s.limits.hash_max_listpack_entries = 2;
        s.limits.hash_max_listpack_value = 3;
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "a", "abc", "b", "2"]),
            int(2)
        );
        assert_eq!(encoding(&mut s, "h"), Some("listpack"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "c", "3"]), int(1));
        assert_eq!(encoding(&mut s, "h"), Some("hashtable"));
        assert_eq!(run(&mut s, hset, &["HSET", "v", "a", "abcd"]), int(1));
        assert_eq!(encoding(&mut s, "v"), Some("hashtable"));
        // Zero entries: every hash is a hashtable from its first field, as in Redis.
        s.limits.hash_max_listpack_entries = 0;
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "z", "a", "1"]), int(1));
        assert_eq!(encoding(&mut s, "z"), Some("hashtable"));
    }

    #[test]
    fn hash_type_api() {
        let limits = ListpackLimits {
            entries: 2,
            value: 3,
        };
        let mut h = Hash::new();
        assert!(h.is_empty());
        assert!(h.set(b"a", b"1", limits));
        assert!(h.set(b"b", b"2", limits));
        assert!(!h.set(b"a", b"3", limits));
        assert_eq!(h.encoding(), "listpack");
        let listpack = h.clone();
        assert!(h.set(b"c", b"4", limits));
        assert_eq!(h.encoding(), "hashtable");
        assert!(h.remove(b"c"));
        assert!(!h.remove(b"c"));
        // Equality is by content, whatever the encoding.
        assert_eq!(h, listpack);
        assert!(h.set(b"d", b"5", limits));
        assert_ne!(h, listpack);
        let mut g = Hash::new();
        g.try_conversion(&[Bytes::from_static(b"abc")], limits);
        assert_eq!(g.encoding(), "listpack");
        g.try_conversion(&[Bytes::from_static(b"abcd")], limits);
        assert_eq!(g.encoding(), "hashtable");
        assert_eq!(g.get_index(0), None);
        let mut k = Hash::new();
        assert!(k.set(b"x", b"abcd", limits));
        assert_eq!(k.encoding(), "hashtable");
        assert_eq!(k.iter().collect::<Vec<_>>(), [(&b"x"[..], &b"abcd"[..])]);
    }

    #[test]
    fn hincrby_counts_and_errors() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "n", "5"]), int(5));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "n", "-7"]), int(-2));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "n"]), bulk("-2"));
        let not_int = err(errors::NOT_INTEGER);
        for bad in [
            "x",
            "",
            "1.5",
            " 1",
            "+1",
            "01",
            "-0",
            "9223372036854775808",
        ] {
            assert_eq!(
                run(&mut s, hincrby, &["HINCRBY", "h", "n", bad]),
                not_int,
                "{bad}"
            );
            assert_eq!(
                run(&mut s, hincrby, &["HINCRBY", "new", "n", bad]),
                not_int,
                "{bad}"
            );
        }
        assert!(!s.dbs[0].contains(b"new", 0));
        let not_hash_int = err("ERR hash value is not an integer");
        for stored in [
            "1.5",
            "-0",
            "+1",
            "007",
            " 1",
            "abc",
            "",
            "9223372036854775808",
        ] {
            let created = (stored == "1.5") as i64;
            assert_eq!(run(&mut s, hset, &["HSET", "h", "s", stored]), int(created));
            assert_eq!(
                run(&mut s, hincrby, &["HINCRBY", "h", "s", "1"]),
                not_hash_int,
                "{stored:?}"
            );
            assert_eq!(run(&mut s, hget, &["HGET", "h", "s"]), bulk(stored));
        }
        let overflow = err(errors::OVERFLOW);
        assert_eq!(
            run(
                &mut s,
                hincrby,
                &["HINCRBY", "h", "m", "9223372036854775807"]
            ),
            int(i64::MAX)
        );
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "m", "1"]), overflow);
        assert_eq!(
            run(&mut s, hincrby, &["HINCRBY", "h", "m", "0"]),
            int(i64::MAX)
        );
        assert_eq!(
            run(
                &mut s,
                hincrby,
                &["HINCRBY", "h", "m", "-9223372036854775808"]
            ),
            int(-1)
        );
        assert_eq!(
            run(
                &mut s,
                hincrby,
                &["HINCRBY", "h", "m", "-9223372036854775807"]
            ),
            int(i64::MIN)
        );
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "m", "-1"]), overflow);
        assert_eq!(
            run(&mut s, hget, &["HGET", "h", "m"]),
            bulk("-9223372036854775808")
        );
        // The increment is checked before the type.
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "str", "f", "x"]), not_int);
    }

    #[test]
    fn hincrbyfloat_adds_in_long_double() {
        let mut s = shard(1);
        let incr = |s: &mut Shard, by: &str| run(s, hincrbyfloat, &["HINCRBYFLOAT", "h", "f", by]);
        assert_eq!(incr(&mut s, "0.1"), bulk("0.1"));
        assert_eq!(incr(&mut s, "0.2"), bulk("0.3"));
        assert_eq!(incr(&mut s, "-0.3"), bulk("0"));
        assert_eq!(incr(&mut s, "1.5e3"), bulk("1500"));
        assert_eq!(incr(&mut s, "0x1p3"), bulk("1508"));
        assert_eq!(run(&mut s, hget, &["HGET", "h", "f"]), bulk("1508"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f", "10.5"]), int(0));
        assert_eq!(incr(&mut s, "0.1"), bulk("10.6"));
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "f", "-9223372036854775808"]),
            int(0)
        );
        assert_eq!(incr(&mut s, "-1"), bulk("-9223372036854775809"));
        assert_eq!(run(&mut s, hset, &["HSET", "h", "f", "1"]), int(0));
        assert_eq!(incr(&mut s, "-1.1"), bulk("-0.1"));
        assert_eq!(incr(&mut s, "1e-30"), bulk("-0.1"));
        let not_float = err(errors::NOT_FLOAT);
        for bad in ["x", "", " 1", "1 ", "nan", "1e5000", "0x", "--1"] {
            assert_eq!(incr(&mut s, bad), not_float, "{bad:?}");
            assert_eq!(
                run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "new", "f", bad]),
                not_float
            );
        }
        let inf = err("ERR value is NaN or Infinity");
        for bad in ["inf", "-inf", "+Infinity"] {
            assert_eq!(incr(&mut s, bad), inf, "{bad:?}");
            assert_eq!(
                run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "new", "f", bad]),
                inf
            );
        }
        assert!(!s.dbs[0].contains(b"new", 0));
        let not_hash_float = err("ERR hash value is not a float");
        for stored in ["abc", "", " 1", "1.5x", "nan"] {
            let created = (stored == "abc") as i64;
            assert_eq!(run(&mut s, hset, &["HSET", "h", "s", stored]), int(created));
            assert_eq!(
                run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "h", "s", "1"]),
                not_hash_float,
                "{stored:?}"
            );
        }
        let nan = err(errors::INCR_NAN);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "i", "inf"]), int(1));
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "h", "i", "1"]),
            nan
        );
        assert_eq!(
            run(
                &mut s,
                hset,
                &["HSET", "h", "big", "1.18973149535723176502e+4932"]
            ),
            int(1)
        );
        assert_eq!(
            run(
                &mut s,
                hincrbyfloat,
                &["HINCRBYFLOAT", "h", "big", "1e4932"]
            ),
            nan
        );
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "str", "f", "x"]),
            not_float
        );
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "str", "f", "inf"]),
            inf
        );
    }

    #[test]
    fn hrandfield_argument_errors_come_first() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        let range = err(
            "ERR value is out of range, value must between -9223372036854775807 and \
             9223372036854775807",
        );
        let out = err("ERR value is out of range");
        let syntax = err(errors::SYNTAX);
        let not_int = err(errors::NOT_INTEGER);
        for key in ["nokey", "str"] {
            let cases: &[(&[&str], &str)] = &[
                (&["x"], &not_int),
                (&["1.5"], &not_int),
                (&["x", "foo"], &not_int),
                (&["-9223372036854775808"], &range),
                (&["-9223372036854775808", "foo"], &range),
                (&["1", "foo"], &syntax),
                (&["1", "withvalues", "x"], &syntax),
                (&["9223372036854775807", "withvalues", "x"], &syntax),
                (&["9223372036854775807", "withvalues"], &out),
                (&["4611686018427387904", "WITHVALUES"], &out),
                (&["-4611686018427387904", "withvalues"], &out),
            ];
            for (rest, want) in cases {
                let mut words = vec!["HRANDFIELD", key];
                words.extend_from_slice(rest);
                assert_eq!(run(&mut s, hrandfield, &words), *want, "{words:?}");
            }
        }
        // Within range: the key is looked up.
        for count in ["4611686018427387903", "-4611686018427387903", "0"] {
            assert_eq!(
                run(
                    &mut s,
                    hrandfield,
                    &["HRANDFIELD", "nokey", count, "withvalues"]
                ),
                EMPTY
            );
        }
        assert_eq!(run(&mut s, hrandfield, &["HRANDFIELD", "nokey"]), NULL);
        assert_eq!(run3(&mut s, hrandfield, &["HRANDFIELD", "nokey"]), "_\r\n");
        assert_eq!(
            run3(&mut s, hrandfield, &["HRANDFIELD", "nokey", "3"]),
            EMPTY
        );
        assert_eq!(
            run(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "nokey", "-9223372036854775807"]
            ),
            EMPTY
        );
    }

    #[test]
    fn hrandfield_picks_from_both_encodings() {
        let mut s = shard(3);
        for (key, n) in [("small", 5usize), ("big", 300)] {
            fill(&mut s, key, n);
            let all: HashSet<String> = (0..n).map(|i| format!("f{i}")).collect();
            for _ in 0..50 {
                let one = run(&mut s, hrandfield, &["HRANDFIELD", key]);
                assert!(all.contains(one.split("\r\n").nth(1).unwrap()), "{one}");
            }
            assert_eq!(run(&mut s, hrandfield, &["HRANDFIELD", key, "0"]), EMPTY);
            assert_eq!(
                run(&mut s, hrandfield, &["HRANDFIELD", key, "0", "withvalues"]),
                EMPTY
            );
            // Distinct fields, as many as asked up to the whole hash.
            for count in [1, 2, n / 3, n / 2, n - 1, n, n + 1, 10 * n] {
                let got = elements(&run(
                    &mut s,
                    hrandfield,
                    &["HRANDFIELD", key, &count.to_string()],
                ));
                assert_eq!(got.len(), count.min(n), "{key} {count}");
                let distinct: HashSet<String> = got.iter().cloned().collect();
                assert_eq!(distinct.len(), got.len());
                assert!(distinct.is_subset(&all));
            }
            // Negative: exactly that many, repeats allowed, covering the hash in time.
            let got = elements(&run(&mut s, hrandfield, &["HRANDFIELD", key, "-3000"]));
            assert_eq!(got.len(), 3000);
            let distinct: HashSet<String> = got.into_iter().collect();
            assert_eq!(distinct, all);
            // WITHVALUES pairs every field with its value.
            for count in ["-20", "3", "1", &(n + 5).to_string()] {
                let got = elements(&run(
                    &mut s,
                    hrandfield,
                    &["HRANDFIELD", key, count, "WITHVALUES"],
                ));
                let want = count.parse::<i64>().unwrap().unsigned_abs() as usize;
                assert_eq!(
                    got.len(),
                    2 * want.min(if count.starts_with('-') { want } else { n })
                );
                for pair in got.chunks(2) {
                    assert_eq!(pair[0][1..], pair[1][1..], "{pair:?}");
                }
            }
        }
        // A count of at least the size is the whole listpack in its order.
        assert_eq!(
            run(&mut s, hrandfield, &["HRANDFIELD", "small", "5"]),
            arr(&["f0", "f1", "f2", "f3", "f4"])
        );
        assert_eq!(
            run(&mut s, hset, &["HSET", "two", "a", "1", "b", "2"]),
            int(2)
        );
        assert_eq!(
            run(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "two", "9", "withvalues"]
            ),
            arr(&["a", "1", "b", "2"])
        );
        assert_eq!(
            run3(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "two", "9", "withvalues"]
            ),
            format!(
                "*2\r\n*2\r\n{}{}*2\r\n{}{}",
                bulk("a"),
                bulk("1"),
                bulk("b"),
                bulk("2")
            )
        );
        assert_eq!(
            run3(&mut s, hrandfield, &["HRANDFIELD", "two", "9"]),
            arr(&["a", "b"])
        );
        assert_eq!(run(&mut s, hset, &["HSET", "one", "a", "1"]), int(1));
        assert_eq!(
            run3(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "one", "-2", "withvalues"]
            ),
            format!(
                "*2\r\n*2\r\n{}{}*2\r\n{}{}",
                bulk("a"),
                bulk("1"),
                bulk("a"),
                bulk("1")
            )
        );
        assert_eq!(
            run(
                &mut s,
                hrandfield,
                &["HRANDFIELD", "one", "1", "withvalues"]
            ),
            arr(&["a", "1"])
        );
        assert_eq!(
            run(&mut s, hrandfield, &["HRANDFIELD", "one", "-3"]),
            arr(&["a", "a", "a"])
        );
    }

    #[test]
    fn a_hashtable_box_holds_no_hasher_state() {
        // The table's box is its entry vector and index only: a 64-byte size class.
        let table = std::mem::size_of::<IndexMap<Key, Key, MemberHasher>>();
        assert_eq!(crate::usage::alloc_size(table), 64);
    }

    #[test]
    fn pairs_by_index_match_get_index_in_both_encodings() {
        let wide = ListpackLimits {
            entries: 128,
            value: 64,
        };
        let mut h = Hash::new();
        for i in 0..20 {
            h.set(format!("f{i}").as_bytes(), format!("v{i}").as_bytes(), wide);
        }
        h.remove(b"f3");
        for encoding in ["listpack", "hashtable"] {
            assert_eq!(h.encoding(), encoding);
            let pairs = h.by_index();
            for index in 0..=h.len() {
                assert_eq!(pairs.get(index), h.get_index(index), "{encoding} {index}");
            }
            h.convert_to_table();
        }
    }

    #[test]
    fn distinct_indices_are_distinct_and_sorted() {
        let mut rng = Rng::new(11);
        for (size, count) in [(10, 9), (10, 1), (1000, 10), (1000, 400), (3, 2)] {
            let got = distinct_indices(&mut rng, size, count);
            assert_eq!(got.len(), count);
            assert!(got.windows(2).all(|w| w[0] < w[1]));
            assert!(got.iter().all(|&i| i < size));
        }
    }

    #[test]
    fn hscan_errors_and_missing_keys() {
        let mut s = shard(1);
        let empty_scan = "*2\r\n$1\r\n0\r\n*0\r\n";
        let syntax = err(errors::SYNTAX);
        assert_eq!(run(&mut s, hscan, &["HSCAN", "nokey", "0"]), empty_scan);
        assert_eq!(run3(&mut s, hscan, &["HSCAN", "nokey", "0"]), empty_scan);
        // A missing key does not look at the options, but the cursor comes first.
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "nokey", "0", "COUNT", "0"]),
            empty_scan
        );
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "nokey", "0", "bogus"]),
            empty_scan
        );
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "nokey", "x"]),
            err(errors::INVALID_CURSOR)
        );
        assert_eq!(run(&mut s, string::set, &["SET", "str", "1"]), OK);
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "str", "x"]),
            err(errors::INVALID_CURSOR)
        );
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        for rest in [
            &["COUNT", "0"][..],
            &["COUNT", "-1"],
            &["COUNT"],
            &["MATCH"],
            &["TYPE", "string"],
            &["NOVALUES"],
            &["COUNT", "1", "foo", "bar"],
            &["COUNT", "0", "COUNT", "x"],
        ] {
            let mut words = vec!["HSCAN", "h", "0"];
            words.extend_from_slice(rest);
            assert_eq!(run(&mut s, hscan, &words), syntax, "{words:?}");
        }
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "h", "0", "COUNT", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(
                &mut s,
                hscan,
                &["HSCAN", "h", "0", "count", "x", "COUNT", "0"]
            ),
            err(errors::NOT_INTEGER)
        );
        for cursor in ["18446744073709551616", "1.5", " 1", "-"] {
            assert_eq!(
                run(&mut s, hscan, &["HSCAN", "h", cursor]),
                err(errors::INVALID_CURSOR)
            );
        }
    }

    #[test]
    fn hscan_returns_a_listpack_whole() {
        let mut s = shard(1);
        assert_eq!(
            run(&mut s, hset, &["HSET", "h", "b", "1", "a", "2", "bb", "3"]),
            int(3)
        );
        let whole = format!("*2\r\n$1\r\n0\r\n{}", arr(&["b", "1", "a", "2", "bb", "3"]));
        for cursor in ["0", "5", "-1", ""] {
            assert_eq!(
                run(&mut s, hscan, &["HSCAN", "h", cursor, "COUNT", "1"]),
                whole
            );
        }
        assert_eq!(
            run(&mut s, hscan, &["HSCAN", "h", "0", "MATCH", "*"]),
            whole
        );
        assert_eq!(
            run(
                &mut s,
                hscan,
                &["HSCAN", "h", "0", "MATCH", "b*", "count", "1"]
            ),
            format!("*2\r\n$1\r\n0\r\n{}", arr(&["b", "1", "bb", "3"]))
        );
        assert_eq!(
            run(
                &mut s,
                hscan,
                &["HSCAN", "h", "0", "match", "z*", "match", "a"]
            ),
            format!("*2\r\n$1\r\n0\r\n{}", arr(&["a", "2"]))
        );
    }

    #[test]
    fn hscan_walks_a_hashtable() {
        let mut s = shard(1);
        fill(&mut s, "t", 1000);
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        let mut calls = 0;
        loop {
            let (next, items) =
                parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", &cursor, "COUNT", "7"]));
            assert!(items.len() <= 14);
            for pair in items.chunks(2) {
                assert_eq!(pair[0][1..], pair[1][1..]);
                seen.insert(pair[0].clone());
            }
            calls += 1;
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        assert_eq!(seen.len(), 1000);
        assert_eq!(calls, 1000usize.div_ceil(7));
        // The default COUNT is 10; MATCH filters what each call visits.
        let (next, items) = parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", "0"]));
        assert_eq!((next, items.len()), (990, 20));
        let (next, items) = parse_hscan(&run(
            &mut s,
            hscan,
            &["HSCAN", "t", "0", "MATCH", "f99?", "COUNT", "1000"],
        ));
        assert_eq!(next, 0);
        let mut fields: Vec<String> = items.chunks(2).map(|p| p[0].clone()).collect();
        fields.sort();
        assert_eq!(
            fields,
            (990..1000).map(|i| format!("f{i}")).collect::<Vec<_>>()
        );
        // A cursor past the end restarts at the top.
        let (next, items) = parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", "5000", "COUNT", "2"]));
        assert_eq!((next, items.len()), (998, 4));
    }

    #[test]
    fn hscan_returns_stable_fields_despite_deletions() {
        let mut s = shard(9);
        let n = 1000;
        fill(&mut s, "t", n);
        let mut doomed: Vec<usize> = (0..n).filter(|i| i % 2 == 1).collect();
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        loop {
            let (next, items) =
                parse_hscan(&run(&mut s, hscan, &["HSCAN", "t", &cursor, "COUNT", "13"]));
            seen.extend(items.chunks(2).map(|p| p[0].clone()));
            for _ in 0..7 {
                if doomed.is_empty() {
                    break;
                }
                let victim = doomed.swap_remove(s.rng.below(doomed.len()));
                let field = format!("f{victim}");
                assert_eq!(run(&mut s, hdel, &["HDEL", "t", &field]), int(1));
            }
            if next == 0 {
                break;
            }
            cursor = next.to_string();
        }
        for i in (0..n).step_by(2) {
            assert!(seen.contains(&format!("f{i}")), "f{i} missed");
        }
    }

    #[test]
    fn expired_hashes_are_missing() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        s.dbs[0].set_expire(b"h", 100);
        assert_eq!(
            run_proto(&mut s, 100, false, hget, &["HGET", "h", "a"]),
            bulk("1")
        );
        assert_eq!(
            run_proto(&mut s, 101, false, hget, &["HGET", "h", "a"]),
            NULL
        );
        assert!(s.dbs[0].is_empty());
        // A write keeps a live key's expiry; an expired key starts over without one.
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        s.dbs[0].set_expire(b"h", 100);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "b", "2"]), int(1));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "c", "2"]), int(2));
        assert_eq!(s.dbs[0].expire_at(b"h"), Some(100));
        assert_eq!(
            run_proto(&mut s, 200, false, hincrby, &["HINCRBY", "h", "c", "2"]),
            int(2)
        );
        assert_eq!(s.dbs[0].expire_at(b"h"), None);
        assert_eq!(run(&mut s, hlen, &["HLEN", "h"]), int(1));
        assert_eq!(s.dbs[0].expired_keys, 2);
    }

    #[test]
    fn reads_count_keyspace_hits_and_writes_do_not() {
        let mut s = shard(1);
        assert_eq!(run(&mut s, hset, &["HSET", "h", "a", "1"]), int(1));
        assert_eq!(run(&mut s, hsetnx, &["HSETNX", "h", "b", "1"]), int(1));
        assert_eq!(run(&mut s, hincrby, &["HINCRBY", "h", "c", "1"]), int(1));
        assert_eq!(
            run(&mut s, hincrbyfloat, &["HINCRBYFLOAT", "h", "c", "1"]),
            bulk("2")
        );
        assert_eq!(run(&mut s, hdel, &["HDEL", "nokey", "c"]), int(0));
        assert_eq!(stats(&s), (0, 0));
        for (handler, words) in [
            (hget as Handler, &["HGET", "h", "a"][..]),
            (hmget, &["HMGET", "h", "a"]),
            (hlen, &["HLEN", "h"]),
            (hstrlen, &["HSTRLEN", "h", "a"]),
            (hexists, &["HEXISTS", "h", "a"]),
            (hgetall, &["HGETALL", "h"]),
            (hkeys, &["HKEYS", "h"]),
            (hvals, &["HVALS", "h"]),
            (hrandfield, &["HRANDFIELD", "h"]),
            (hrandfield, &["HRANDFIELD", "h", "2"]),
            (hscan, &["HSCAN", "h", "0"]),
        ] {
            run(&mut s, handler, words);
            let mut missing = words.to_vec();
            missing[1] = "nokey";
            run(&mut s, handler, &missing);
        }
        assert_eq!(stats(&s), (11, 11));
    }
}
