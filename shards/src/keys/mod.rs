//! Keyspace commands (the command half of Redis's `db.c`): DEL, EXISTS, TYPE, KEYS, SCAN, ...
//!
//! Every handler works on the keys it is given, all of them owned by this shard: the server
//! splits multi-key commands (DEL, EXISTS, ...) by shard and merges the replies, and runs
//! cross-shard RENAME, COPY and MOVE with [`take_entry`], [`peek_entry`] and [`put_entry`].
//!
//! Which lookups count in INFO's `keyspace_hits`/`keyspace_misses` follows Redis 7.0: the
//! read lookups (EXISTS, TYPE, TOUCH, COPY's source, SCAN's TYPE filter) count, the write
//! lookups (DEL, RENAME, ...) and the walks (KEYS, RANDOMKEY) do not.
//!
//! One file per job; everything is re-exported here, so callers name `keys::del`,
//! `keys::put_entry`, ... whatever file holds it:
//!
//! | file | holds |
//! | --- | --- |
//! | `entry.rs` | a key's value and expiry taken, copied or put whole (RENAME, COPY, MOVE, moves between shards) |
//! | `per_key.rs` | DEL, UNLINK, EXISTS, TOUCH, TYPE |
//! | `whole_db.rs` | KEYS, DBSIZE, FLUSHDB, FLUSHALL, RANDOMKEY |
//! | `rename.rs` | RENAME, RENAMENX |
//! | `copy.rs` | COPY and its option parser |
//! | `scan.rs` | SCAN and the cursor parser the type scans share |
//! | `object.rs` | OBJECT ENCODING, FREQ, IDLETIME |
//! | `test_support.rs` | the unit tests' helpers (tests only) |

mod copy;
mod entry;
mod object;
mod per_key;
mod rename;
mod scan;
mod whole_db;

#[cfg(test)]
pub(crate) mod test_support;

pub use copy::{copy, parse_copy_options, CopyOptions};
pub use entry::{peek_entry, put_entry, put_entry_raising, take_entry};
pub use object::object;
pub use per_key::{del, exists, touch, type_, unlink};
pub use rename::{rename, renamenx};
pub use scan::{parse_cursor, scan};
pub use whole_db::{dbsize, flushall, flushdb, keys, randomkey};
