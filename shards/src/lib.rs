//! The shardis shard engine: everything one shard owns, with no sockets and no threads.
//!
//! A shard is owned by exactly one executor thread, so nothing here locks: the server hands a
//! `&mut Shard` to a command handler, the handler reads and writes the shard's databases and
//! encodes its reply into a [`reply::Reply`]. Handlers are plain functions, unit-tested
//! without a runtime. The layout mirrors Redis's source: `types/string.rs` is `t_string.c`,
//! `keys/` is the keyspace part of `db.c`, `expire.rs` is `expire.c`.
#![warn(missing_docs, missing_debug_implementations, rust_2018_idioms)]

pub mod aof;
pub mod db;
pub mod errors;
pub mod evict;
pub mod expire;
pub mod glob;
pub mod key;
pub mod keys;
pub mod lookup;
pub mod move_key;
pub mod notify;
pub mod reply;
pub mod shard;
pub mod slot;
pub mod snapshot;
pub mod swapdb;
pub mod table;
pub mod types;
pub mod usage;
pub mod util;
pub mod value;
pub mod watch;

pub use db::Db;
pub use reply::Reply;
pub use shard::{Ctx, Handler, Shard};
pub use value::Value;
