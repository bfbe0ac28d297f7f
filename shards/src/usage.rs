//! MEMORY USAGE: what one key costs in this engine's layout (Redis's `objectComputeSize`),
//! and what a database's key tables cost (MEMORY STATS's `overhead.hashtable.*`).
//!
//! The figures are computed from the structures themselves, not measured: each allocation
//! is counted at the jemalloc size class it really gets ([`alloc_size`], what the server's
//! `used_memory` counts), tables at the bucket and index sizes `indexmap` gives them (the
//! database tables at the sizes they report, see `table.rs`), and
//! each element at its own heap size. A key costs its share of its database's table (entry
//! and index slot), its heap bytes if it is too long to live inline, its entry in the expiry
//! table if it has a time to live, and its value: the value's box, its table or vector, and
//! every element. As in Redis, the elements of a large collection are sampled: the first
//! `samples` are measured and their average stands for all (`SAMPLES 0` measures every one).
//! Fixed per-entry overheads are counted exactly for every element; only the variable part
//! (element bytes) is sampled.
//!
//! Vectors and tables grow by doubling, so their capacity is estimated from their length the
//! way they grew (a collection does not say its capacity from outside its module); the
//! database tables, whose capacity is known here, use it.

use crate::db::Db;
use crate::errors;
use crate::key::{Key, INLINE_MAX};
use crate::shard::Ctx;
use crate::types::{hash::Hash, list::List, set, set::Set, zset::ZSet};
use crate::value::Value;
use bytes::Bytes;
use indexmap::{IndexMap, IndexSet};
use std::mem::size_of;

/// `MEMORY USAGE`'s default number of sampled elements (Redis's
/// `OBJ_COMPUTE_SIZE_DEF_SAMPLES`).
pub const DEFAULT_SAMPLES: usize = 5;

/// An `indexmap` entry: the cached hash, the key and the value.
const fn bucket(key: usize, value: usize) -> usize {
    size_of::<u64>() + key + value
}

/// A hashtable-encoded hash's entry: field and value, both `Key`s.
const HASH_BUCKET: usize = bucket(size_of::<Key>(), size_of::<Key>());
/// A hashtable-encoded set's entry: the member.
const SET_BUCKET: usize = bucket(size_of::<Key>(), 0);
/// A skiplist-encoded sorted set's map entry: the member's box, its score and node index.
const ZSET_MAP_BUCKET: usize = bucket(2 * size_of::<usize>(), 16);
/// A skiplist-encoded sorted set's tree node: score, entry, links, subtree size, priority.
const ZSET_NODE: usize = 32;
/// A skiplist-encoded sorted set's boxed index: its map, its node arena and free list, its
/// root and random state (about; the type is private to the sorted set).
const ZSET_INDEX: usize = 160;

/// The bytes jemalloc really gives a request of `n` bytes (its size class): 8 and 16, then
/// multiples of 16 up to 128, then four classes per doubling. Zero for no allocation.
pub fn alloc_size(n: usize) -> usize {
    match n {
        0 => 0,
        1..=8 => 8,
        9..=128 => n.div_ceil(16) * 16,
        _ => {
            let step = 1usize << ((usize::BITS - 1 - (n - 1).leading_zeros()) - 2);
            n.div_ceil(step) * step
        }
    }
}

/// The capacity a vector (or deque) of `len` elements reached by pushing: 4, then doubling.
fn grown_capacity(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        len.next_power_of_two().max(4)
    }
}

/// The bytes of an `indexmap` table able to hold `capacity` entries of `entry` bytes: its
/// entry vector and its index (a `hashbrown` table of `usize` slots, one control byte each,
/// at most 7/8 full).
fn table_bytes(capacity: usize, entry: usize) -> usize {
    if capacity == 0 {
        return 0;
    }
    let slots = if capacity < 4 {
        4
    } else if capacity < 8 {
        8
    } else {
        (capacity * 8 / 7).next_power_of_two()
    };
    const GROUP_WIDTH: usize = 16;
    alloc_size(slots * size_of::<usize>() + slots + GROUP_WIDTH) + alloc_size(capacity * entry)
}

/// [`table_bytes`] of a table of `len` entries grown by insertion.
fn grown_table_bytes(len: usize, entry: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let slots = if len < 4 {
        4
    } else if len < 8 {
        8
    } else {
        (len * 8 / 7).next_power_of_two()
    };
    let capacity = if slots < 8 { slots - 1 } else { slots / 8 * 7 };
    table_bytes(capacity.max(len), entry)
}

/// The heap bytes of a stored key or field beyond its inline form.
fn key_heap(bytes: &[u8]) -> usize {
    if bytes.len() > INLINE_MAX {
        alloc_size(bytes.len())
    } else {
        0
    }
}

/// The variable bytes of the first `samples` of `items`, extrapolated to `len` items (the
/// average of the sampled ones times `len`, as Redis's `objectComputeSize`).
fn sampled<I: Iterator<Item = usize>>(items: I, len: usize, samples: usize) -> usize {
    let (mut sum, mut seen) = (0usize, 0usize);
    for size in items.take(samples) {
        sum += size;
        seen += 1;
    }
    if seen == 0 {
        0
    } else if seen == len {
        sum
    } else {
        (sum as f64 / seen as f64 * len as f64) as usize
    }
}

/// What a value costs: its box, its table or vector, and its elements (sampled past
/// `samples` elements).
pub fn value_size(value: &Value, samples: usize) -> usize {
    match value {
        Value::Str(bytes) => alloc_size(bytes.capacity()),
        Value::Int(_) => 0,
        Value::List(list) => list_size(list, samples),
        Value::Hash(hash) => hash_size(hash, samples),
        Value::Set(set) => set_size(set, samples),
        Value::ZSet(zset) => zset_size(zset, samples),
    }
}

fn list_size(list: &List, samples: usize) -> usize {
    let len = list.len();
    alloc_size(size_of::<List>())
        + alloc_size(grown_capacity(len) * size_of::<Box<[u8]>>())
        + sampled(list.iter().map(|item| alloc_size(item.len())), len, samples)
}

fn hash_size(hash: &Hash, samples: usize) -> usize {
    let len = hash.len();
    // The hash itself sits inline in the key's table entry.
    if let Some(packed) = hash.listpack_bytes() {
        // The elements live in the buffer, which is sized exactly.
        return alloc_size(packed);
    }
    let structure = alloc_size(size_of::<IndexMap<Key, Key, set::MemberHasher>>())
        + grown_table_bytes(len, HASH_BUCKET);
    let elements = hash.iter().map(|(f, v)| key_heap(f) + key_heap(v));
    structure + sampled(elements, len, samples)
}

fn set_size(set: &Set, samples: usize) -> usize {
    let len = set.len();
    // The set itself sits inline in the key's table entry; an intset's members are sized
    // exactly, a hashtable's table is boxed.
    if set.encoding() == "intset" {
        return alloc_size(len * size_of::<i64>());
    }
    let boxed = alloc_size(size_of::<IndexSet<Key, set::MemberHasher>>());
    let elements = set.iter().map(|member| match member {
        set::Member::Bytes(bytes) => key_heap(bytes),
        set::Member::Int(_) => 0,
    });
    boxed + grown_table_bytes(len, SET_BUCKET) + sampled(elements, len, samples)
}

fn zset_size(zset: &ZSet, samples: usize) -> usize {
    let len = zset.len();
    let elements = zset.iter().map(|(member, _)| alloc_size(member.len()));
    let structure = if zset.encoding() == "listpack" {
        // A member box and its score.
        alloc_size(grown_capacity(len) * (2 * size_of::<usize>() + size_of::<f64>()))
    } else {
        // The index's box, its map, and its node arena.
        alloc_size(ZSET_INDEX)
            + grown_table_bytes(len, ZSET_MAP_BUCKET)
            + alloc_size(grown_capacity(len) * ZSET_NODE)
    };
    alloc_size(size_of::<ZSet>()) + structure + sampled(elements, len, samples)
}

/// The bytes of a database's key or expiry table, from what it asked the allocator for.
fn key_table_bytes(allocations: [usize; 2]) -> usize {
    allocations.into_iter().map(alloc_size).sum()
}

/// What `key` of `db` costs, with its value's elements sampled past `samples`; `None` if it
/// is not stored (a key past its time but not yet removed is still stored, and counted, as
/// in Redis).
pub fn key_usage(db: &Db, key: &[u8], samples: usize) -> Option<usize> {
    let (stored, value) = db.entries.get_key_value(key)?;
    let mut bytes = key_table_bytes(db.entries.allocations()).div_ceil(db.entries.len().max(1))
        + key_heap(stored)
        + value_size(value, samples);
    if let Some((stored, _)) = db.expires.get_key_value(key) {
        bytes += key_table_bytes(db.expires.allocations()).div_ceil(db.expires.len().max(1))
            + key_heap(stored);
    }
    Some(bytes)
}

/// The bytes of `db`'s key table and of its expiry table (MEMORY STATS's
/// `overhead.hashtable.main` and `overhead.hashtable.expires`): entries and index, plus the
/// heap bytes of the long keys the expiry table holds copies of.
pub fn table_overhead(db: &Db) -> (usize, usize) {
    let main = key_table_bytes(db.entries.allocations());
    let expires = key_table_bytes(db.expires.allocations())
        + db.expires.keys().map(|k| key_heap(k)).sum::<usize>();
    (main, expires)
}

/// `MEMORY USAGE key [SAMPLES count]`: the bytes the key and its value take, or a null
/// reply if the key does not exist.
///
/// ```text
/// MEMORY USAGE key [SAMPLES count]
/// ```
pub fn memory_usage(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let samples = match parse_samples(&args[3..]) {
        Ok(samples) => samples,
        Err(text) => return ctx.reply.error(text),
    };
    let (db, _, reply) = ctx.parts();
    match key_usage(db, &args[2], samples) {
        Some(bytes) => reply.int(bytes as i64),
        None => reply.null(),
    }
}

/// `[SAMPLES count]` as Redis reads it: each `SAMPLES` takes the next argument (the last one
/// wins); a count that is not an integer is `-ERR value is not an integer`, a negative one
/// or any other word a syntax error; 0 means every element.
fn parse_samples(options: &[Bytes]) -> Result<usize, &'static str> {
    let mut samples = DEFAULT_SAMPLES;
    let mut at = 0;
    while at < options.len() {
        if !options[at].eq_ignore_ascii_case(b"SAMPLES") || at + 1 == options.len() {
            return Err(errors::SYNTAX);
        }
        samples = match crate::util::parse_i64(&options[at + 1]) {
            None => return Err(errors::NOT_INTEGER),
            Some(n) if n < 0 => return Err(errors::SYNTAX),
            Some(0) => usize::MAX,
            Some(n) => n as usize,
        };
        at += 2;
    }
    Ok(samples)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::test_support::run;
    use crate::shard::Shard;

    #[test]
    fn size_classes_are_jemallocs() {
        let cases = [
            (0, 0),
            (1, 8),
            (8, 8),
            (9, 16),
            (17, 32),
            (100, 112),
            (128, 128),
            (129, 160),
            (257, 320),
            (1000, 1024),
            (1025, 1280),
            (100_000, 114_688),
        ];
        for (n, class) in cases {
            assert_eq!(alloc_size(n), class, "{n}");
        }
    }

    #[test]
    fn samples_parse_as_redis() {
        let args = |words: &[&str]| -> Vec<Bytes> {
            words
                .iter()
                .map(|w| Bytes::copy_from_slice(w.as_bytes()))
                .collect()
        };
        assert_eq!(parse_samples(&args(&[])), Ok(5));
        assert_eq!(parse_samples(&args(&["samples", "7"])), Ok(7));
        assert_eq!(parse_samples(&args(&["SAMPLES", "0"])), Ok(usize::MAX));
        assert_eq!(
            parse_samples(&args(&["SAMPLES", "1", "samples", "3"])),
            Ok(3)
        );
        assert_eq!(parse_samples(&args(&["SAMPLES"])), Err(errors::SYNTAX));
        assert_eq!(
            parse_samples(&args(&["SAMPLES", "-1"])),
            Err(errors::SYNTAX)
        );
        assert_eq!(
            parse_samples(&args(&["SAMPLES", "x"])),
            Err(errors::NOT_INTEGER)
        );
        assert_eq!(parse_samples(&args(&["foo", "3"])), Err(errors::SYNTAX));
        assert_eq!(
            parse_samples(&args(&["SAMPLES", "1", "2"])),
            Err(errors::SYNTAX)
        );
    }

    #[test]
    fn usage_grows_with_the_value_and_is_null_for_a_missing_key() {
        let mut shard = Shard::new(1, 7);
        let usage = |shard: &mut Shard, key: &str| -> i64 {
            let reply = run(
                shard,
                0,
                memory_usage,
                &["MEMORY", "USAGE", key, "SAMPLES", "0"],
            );
            reply[1..reply.len() - 2].parse().unwrap_or(-1)
        };
        assert_eq!(
            run(&mut shard, 0, memory_usage, &["MEMORY", "USAGE", "k"]),
            "$-1\r\n"
        );
        shard.dbs[0].set(b"short", Value::string(b"v"));
        shard.dbs[0].set(b"long", Value::string(&[b'x'; 1000]));
        let short = usage(&mut shard, "short");
        let long = usage(&mut shard, "long");
        assert!(short > 0 && short < 200, "{short}");
        assert_eq!(long - short, 1024 - 8);
        let long_key = "k".repeat(40);
        shard.dbs[0].set(long_key.as_bytes(), Value::string(b"v"));
        assert_eq!(
            usage(&mut shard, &long_key) - usage(&mut shard, "short"),
            48
        );
    }

    #[test]
    fn sampling_extrapolates_the_first_elements() {
        let sizes = [10usize, 20, 30, 1000];
        assert_eq!(sampled(sizes.iter().copied(), 4, usize::MAX), 1060);
        assert_eq!(sampled(sizes.iter().copied(), 4, 2), 60);
        assert_eq!(sampled(std::iter::empty(), 0, 5), 0);
    }
}
