//! Scripting: EVAL, EVALSHA and SCRIPT (FUNCTION later) with Redis 7.0's Lua 5.1.
//!
//! The parts, by job:
//! - `lua` (the interpreter, one per shard): the sandbox of Redis 7.0, the `redis` table
//!   (`redis.call`, `redis.pcall`, `redis.error_reply`, ...), the conversions between RESP and
//!   Lua values both ways, the script cache of compiled `f_<sha>` functions and Redis's error
//!   texts. It knows nothing of shards: `redis.call` goes through a [`Runner`].
//! - `libs`: the libraries Redis bundles (`cjson`, `cmsgpack`, `bit`, `struct`).
//! - the server side (`src/connection/scripts.rs`): which shards a script locks, running it
//!   in place or under locks, its calls on other shards, its effects in the AOF.

// Until EVAL is wired to the connection (the next step), nothing calls the interpreter.
#![allow(dead_code)]

pub mod libs;

use bytes::Bytes;

/// What runs the commands a script calls (`redis.call` / `redis.pcall`): the server gives
/// the interpreter one for each script run.
pub trait Runner {
    /// Runs the command `args` (its name first) for the script and answers its reply, encoded
    /// in RESP3 when `resp3` (the script called `redis.setresp(3)`), RESP2 otherwise. A
    /// refusal (unknown command, arity, a write from a read-only script, ...) is an error
    /// reply (`-ERR ...\r\n`) like any other: the interpreter raises it (`redis.call`) or
    /// returns it as an error table (`redis.pcall`).
    fn call(&mut self, args: &[Bytes], resp3: bool) -> Bytes;
}
