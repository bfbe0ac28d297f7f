//! String commands (Redis's `t_string.c`): GET, SET and friends, counters, ranges.
//!
//! Lookups follow Redis's two kinds: a *read* lookup (`lookupKeyRead`: GET, GETEX, GETDEL,
//! GETSET, MGET, STRLEN, GETRANGE, SET .. GET) counts a keyspace hit or miss, a *write* lookup
//! (`lookupKeyWrite`: SETNX, the counters, APPEND, SETRANGE, MSETNX) does not. Both drop a key
//! whose time has passed first. Values keep their expiry time when modified in place (INCR,
//! APPEND, SETRANGE, INCRBYFLOAT) and lose it when replaced (SET, GETSET, MSET).
//!
//! The parts: `parse` reads SET's and GETEX's options as Redis does, and the commands are
//! grouped by job: `getters` (GET, GETSET, GETDEL, GETEX, MGET), `setters` (SET, SETNX, SETEX,
//! PSETEX, MSET, MSETNX), `counters` (INCR, DECR, INCRBY, DECRBY, INCRBYFLOAT) and `range`
//! (APPEND, STRLEN, GETRANGE, SETRANGE). This file holds the lookup they share; each
//! part's unit tests sit at its end, over the bench in `test_bench`.

mod counters;
mod getters;
mod parse;
mod range;
mod setters;
#[cfg(test)]
mod test_bench;

pub use counters::{decr, decrby, incr, incrby, incrbyfloat};
pub use getters::{get, getdel, getex, getset, mget};
pub use parse::{
    expire_ms, parse_write_flags, parse_write_options, ExpireUnit, Expiry, OptionsFor,
    ParsedOptions, WriteOptions,
};
pub use range::{append, getrange, setrange, strlen};
pub use setters::{mset, msetnx, psetex, set, setex, setnx};

use crate::db::Db;
use crate::errors::WrongType;
use crate::lookup::read_value as lookup_read;
use crate::reply::Reply;
use crate::shard::Stats;

/// Replies with the string at `key` as GET does (Redis's `getGenericCommand`): its value, or
/// null when missing. `Ok` tells whether the key exists; a value of another type is
/// `Err(WrongType)`, with nothing replied (the caller replies WRONGTYPE).
fn get_generic(
    db: &mut Db,
    stats: &mut Stats,
    reply: &mut Reply,
    key: &[u8],
    now: i64,
) -> Result<bool, WrongType> {
    match lookup_read(db, stats, key, now) {
        None => {
            reply.null();
            Ok(false)
        }
        Some(value) => {
            let s = value.string_bytes().ok_or(WrongType)?;
            reply.bulk(&s);
            Ok(true)
        }
    }
}
