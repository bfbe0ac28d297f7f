//! Snapshots (the engine half of Redis's `rdb.c`): a shard's keys as records, the file format
//! they are stored in, and a point-in-time walk that produces them while the shard keeps
//! serving.
//!
//! - [`Record`]: one key with its database, value and absolute expiry time, in a form rkyv
//!   can archive. [`Record::into_value`] rebuilds the value with the encoding Redis would
//!   choose when loading it under the configured limits.
//! - `codec.rs`: the file: [`MAGIC`], frames of records, an end frame and a SHA-256;
//!   [`decode`] verifies the whole file before it decodes anything.
//! - `cursor.rs`: the per-database walk. [`Shard::begin_snapshot`] fixes the moment; the
//!   server then calls [`Shard::snapshot_slice`] between requests until it reports `done`,
//!   and the records emitted are exactly the data as of that moment, whatever clients wrote
//!   meanwhile. No copy of the data and no fork: only the old values of keys changed during
//!   the walk are kept.
//!
//! Files, fsync, renames, BGSAVE and loading at start belong to the server.

pub mod codec;
pub(crate) mod cursor;

pub use codec::{decode, encode_frame, SnapshotError, SnapshotWriter, FORMAT_VERSION, MAGIC};

use crate::keys::put_entry;
use crate::shard::{Limits, Shard};
use crate::types::{hash, hash::Hash, list::List, set::Set, zset, zset::ZSet};
use crate::value::Value;
use rkyv::{Archive, Deserialize, Serialize};

/// One key of a snapshot.
#[derive(Archive, Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Record {
    /// The database the key was in when the snapshot began.
    pub db: u32,
    /// The key.
    pub key: Vec<u8>,
    /// Absolute expiry time in ms since the epoch, if the key had one.
    pub expire_at: Option<i64>,
    /// The value.
    pub value: RecordValue,
}

/// A value as a snapshot stores it: its contents, not its encoding.
#[derive(Archive, Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum RecordValue {
    /// A string.
    Str(Vec<u8>),
    /// A list's elements, head first.
    List(Vec<Vec<u8>>),
    /// A hash's field/value pairs.
    Hash(Vec<(Vec<u8>, Vec<u8>)>),
    /// A set's members.
    Set(Vec<Vec<u8>>),
    /// A sorted set's members and scores, in rank order.
    ZSet(Vec<(Vec<u8>, f64)>),
}

impl Record {
    /// The record of `key` holding `value` in database `db`, expiring at `expire_at`.
    pub fn from_entry(db: u32, key: &[u8], value: &Value, expire_at: Option<i64>) -> Record {
        let value = match value {
            Value::Str(s) => RecordValue::Str(s.clone()),
            Value::Int(n) => RecordValue::Str(n.to_string().into_bytes()),
            Value::List(l) => RecordValue::List(l.iter().map(<[u8]>::to_vec).collect()),
            Value::Hash(h) => {
                RecordValue::Hash(h.iter().map(|(f, v)| (f.to_vec(), v.to_vec())).collect())
            }
            Value::Set(s) => RecordValue::Set(s.iter().map(|m| m.to_vec()).collect()),
            Value::ZSet(z) => RecordValue::ZSet(z.iter().map(|(m, s)| (m.to_vec(), s)).collect()),
        };
        Record {
            db,
            key: key.to_vec(),
            expire_at,
            value,
        }
    }

    /// The value, encoded as Redis encodes what it loads under `limits`: a hash is a listpack
    /// while its fields fit `hash-max-listpack-*`, a set an intset while its members are
    /// integers and fit `set-max-intset-entries`, a sorted set a listpack while it fits
    /// `zset-max-listpack-*` (whatever encoding the value had when saved, as after Redis's
    /// DEBUG RELOAD). Duplicate members keep the last score; NaN scores are dropped.
    pub fn into_value(self, limits: &Limits) -> Value {
        build_value(self.value, limits)
    }

    /// Roughly how many bytes the record holds (what a slice's budget counts).
    pub fn approx_size(&self) -> usize {
        const PER_ITEM: usize = 8;
        let value = match &self.value {
            RecordValue::Str(s) => s.len(),
            RecordValue::List(items) | RecordValue::Set(items) => {
                items.iter().map(|i| i.len() + PER_ITEM).sum()
            }
            RecordValue::Hash(pairs) => pairs
                .iter()
                .map(|(f, v)| f.len() + v.len() + 2 * PER_ITEM)
                .sum(),
            RecordValue::ZSet(items) => items.iter().map(|(m, _)| m.len() + 2 * PER_ITEM).sum(),
        };
        32 + self.key.len() + value
    }

    /// True when the value is an empty collection (never stored under a key).
    fn is_empty_collection(&self) -> bool {
        match &self.value {
            RecordValue::Str(_) => false,
            RecordValue::List(v) | RecordValue::Set(v) => v.is_empty(),
            RecordValue::Hash(v) => v.is_empty(),
            RecordValue::ZSet(v) => v.is_empty(),
        }
    }
}

/// A value with the encoding Redis gives what it loads under `limits` (see
/// [`Record::into_value`]).
fn build_value(value: RecordValue, limits: &Limits) -> Value {
    match value {
        RecordValue::Str(s) => Value::string_from_vec(s),
        RecordValue::List(items) => Value::list(items.iter().collect::<List>()),
        RecordValue::Hash(pairs) => {
            let hash_limits = hash::ListpackLimits {
                entries: limits.hash_max_listpack_entries,
                value: limits.hash_max_listpack_value,
            };
            let mut h = Hash::new();
            for (field, value) in &pairs {
                h.set(field, value, hash_limits);
            }
            Value::hash(h)
        }
        RecordValue::Set(members) => Value::set(Set::from_members(
            members.iter().map(Vec::as_slice),
            limits.set_max_intset_entries,
        )),
        RecordValue::ZSet(items) => {
            let zset_limits = zset::ListpackLimits {
                entries: limits.zset_max_listpack_entries,
                value: limits.zset_max_listpack_value,
            };
            let mut seen = ahash::AHashMap::with_capacity(items.len());
            for (member, score) in items {
                if !score.is_nan() {
                    seen.insert(member, score);
                }
            }
            Value::zset(ZSet::from_items(seen.into_iter().collect(), zset_limits))
        }
    }
}

/// Stores `record` in database `record.db` of `shard` with its expiry time, encoded under the
/// shard's limits (replacing a key of the same name). A record of an empty collection is
/// skipped, as Redis skips empty keys when loading. Refused when the shard has no such
/// database.
pub fn insert_record(shard: &mut Shard, record: Record) -> Result<(), SnapshotError> {
    let databases = shard.dbs.len();
    let index = usize::try_from(record.db)
        .ok()
        .filter(|&i| i < databases)
        .ok_or(SnapshotError::DbOutOfRange {
            db: record.db,
            databases,
        })?;
    if record.is_empty_collection() {
        return Ok(());
    }
    let Record {
        key,
        expire_at,
        value,
        ..
    } = record;
    let value = build_value(value, &shard.limits);
    put_entry(&mut shard.dbs[index], &key, value, expire_at);
    Ok(())
}

/// What one [`Shard::snapshot_slice`] produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotSlice {
    /// The slice's records as [`encode_frame`] frames; `None` when it found none.
    pub frame: Option<Vec<u8>>,
    /// True when the snapshot of this shard is complete (no more slices).
    pub done: bool,
}

impl Shard {
    /// Fixes the moment of a point-in-time snapshot of every database of this shard; the
    /// records come from [`Shard::snapshot_slice`]. A snapshot already running is dropped.
    pub fn begin_snapshot(&mut self) {
        for (index, db) in self.dbs.iter_mut().enumerate() {
            db.begin_snapshot(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }

    /// True between [`Shard::begin_snapshot`] and the slice that reports `done` (or
    /// [`Shard::abort_snapshot`]).
    pub fn snapshot_in_progress(&self) -> bool {
        self.dbs.iter().any(|db| db.snapshot_in_progress())
    }

    /// The next records of the running snapshot, about `budget_bytes` of them (at least one
    /// if any is left), encoded as a frame. Reports `done` once every record is out; with no
    /// snapshot running it returns no frame and `done`.
    pub fn snapshot_slice(&mut self, budget_bytes: usize) -> SnapshotSlice {
        let mut records = Vec::new();
        let mut size = 0;
        let mut done = true;
        for db in &mut self.dbs {
            if size >= budget_bytes && !records.is_empty() {
                done = done && !db.snapshot_in_progress();
                continue;
            }
            let finished = db.snapshot_fill(budget_bytes, &mut records, &mut size);
            done = done && finished;
        }
        SnapshotSlice {
            frame: (!records.is_empty()).then(|| encode_frame(&records)),
            done,
        }
    }

    /// Stops a running snapshot and frees what it kept.
    pub fn abort_snapshot(&mut self) {
        for db in &mut self.dbs {
            db.abort_snapshot();
        }
    }
}

#[cfg(test)]
mod tests;
