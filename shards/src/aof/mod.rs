//! The engine half of the append-only file (Redis's `aof.c`): what a shard appends for each
//! write it runs, and the replay of such a log into a fresh shard.
//!
//! Each shard appends to its own segment the write commands it ran, as RESP arrays, exactly
//! as that shard ran them; on load each old segment is replayed into its own fresh [`Shard`](crate::Shard).
//! Replay must give the same dataset whatever the clock says and whatever the random source
//! draws, so the log records effects, as Redis propagates them:
//!
//! - relative times become absolute (`SET k v EX 10` is logged as `SET k v PXAT <ms>`, the
//!   EXPIRE family and GETEX as `PEXPIREAT`, or `DEL` when the time was already past);
//! - random effects are logged as what happened (SPOP as `SREM` of the members it took);
//! - blocking commands are logged as their non-blocking form when served (BLPOP as `LPOP` of
//!   the key served), and not at all when they were not;
//! - a key removed because its time passed is logged as `DEL key` before the command that
//!   removed it (Redis's `deleteExpiredKeyAndPropagate`), and while loading no key expires
//!   (Redis's `keyIsExpired` is false while loading), so replay never reads the clock.
//!
//! Handlers override what their command logs with [`Ctx::propagate`](crate::Ctx::propagate);
//! the server calls [`Shard::finish_command`](crate::Shard::finish_command) after every command, and [`Shard::log_expired`](crate::Shard::log_expired)
//! after the active expiry cycle. Writing the bytes to disk, fsync and the manifest are the
//! server's: it collects them with [`AofLog::take`].
//!
//! A transaction spanning shards is written by the server as one part per shard, each framed
//! by [`encode_tx_part`] as `TXPART <txid> <nparts>`, `MULTI`, the part's commands, `EXEC`;
//! [`replay`] applies a part only when the server says every part of it reached its file.
//!
//! `record.rs` is what a running shard appends, `replay.rs` reads a segment back.

mod record;
mod replay;

pub(crate) use record::ExpiryHooks;
pub use record::{
    command, encode_command, encode_tx_part, int_arg, score_text, AofLog, ITEMS_PER_COMMAND,
};
pub use replay::{replay, replay_at, scan_transactions, AofError, ReplayReport};

#[cfg(test)]
mod tests;
