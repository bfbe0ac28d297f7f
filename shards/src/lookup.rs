//! Key lookups shared by the type modules, as Redis's `lookupKeyRead` / `lookupKeyWrite`
//! followed by `checkType`: a read counts a keyspace hit or miss, a write counts nothing, and
//! a value of another type is [`WrongType`] (the caller replies WRONGTYPE).

use crate::db::Db;
use crate::shard::Stats;
use crate::types::{hash::Hash, list::List, set::Set, zset::ZSet};
use crate::value::Value;

pub use crate::errors::WrongType;

/// A collection type a [`Value`] may hold.
pub trait Typed {
    /// The collection in `value`, if it holds this type.
    fn of(value: &Value) -> Option<&Self>;
    /// The collection in `value`, mutably, if it holds this type.
    fn of_mut(value: &mut Value) -> Option<&mut Self>;
}

macro_rules! typed {
    ($ty:ty, $variant:ident) => {
        impl Typed for $ty {
            fn of(value: &Value) -> Option<&Self> {
                match value {
                    Value::$variant(v) => Some(v),
                    _ => None,
                }
            }
            fn of_mut(value: &mut Value) -> Option<&mut Self> {
                match value {
                    Value::$variant(v) => Some(v),
                    _ => None,
                }
            }
        }
    };
}

typed!(Hash, Hash);
typed!(List, List);
typed!(Set, Set);
typed!(ZSet, ZSet);

/// Looks `key` up for a read command (`lookupKeyRead`): counts a keyspace hit or miss.
pub fn read_value<'d>(
    db: &'d mut Db,
    stats: &mut Stats,
    key: &[u8],
    now: i64,
) -> Option<&'d Value> {
    let found = db.get_for_read(key, now);
    if found.is_some() {
        stats.keyspace_hits += 1;
    } else {
        stats.keyspace_misses += 1;
    }
    found
}

/// The `T` at `key` for a read command: `Ok(None)` when missing.
pub fn read<'d, T: Typed>(
    db: &'d mut Db,
    stats: &mut Stats,
    key: &[u8],
    now: i64,
) -> Result<Option<&'d T>, WrongType> {
    match read_value(db, stats, key, now) {
        None => Ok(None),
        Some(value) => T::of(value).map(Some).ok_or(WrongType),
    }
}

/// The `T` at `key` for a write command (`lookupKeyWrite`, no statistics): `Ok(None)` when
/// missing.
pub fn write<'d, T: Typed>(
    db: &'d mut Db,
    key: &[u8],
    now: i64,
) -> Result<Option<&'d mut T>, WrongType> {
    match db.get_mut(key, now) {
        None => Ok(None),
        Some(value) => T::of_mut(value).map(Some).ok_or(WrongType),
    }
}
