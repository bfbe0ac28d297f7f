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

pub mod functions;
pub mod libs;
pub mod lua;
pub mod registry;
mod shard;

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

    /// `redis.set_repl(flags)`: what of the script's writes from now on is propagated, a mask
    /// of 1 (`redis.REPL_AOF`) and 2 (`redis.REPL_REPLICA`); 3 (`REPL_ALL`) at the start of
    /// each run. The interpreter has checked the value. Default: ignored.
    fn set_repl(&mut self, _flags: u8) {}

    /// `redis.acl_check_cmd(...)`: whether the user running the script may run the command
    /// `args` (its name first), or `None` if there is no such command (the script gets
    /// `Invalid command passed to redis.acl_check_cmd()`). Default: allowed, for servers
    /// without ACLs; a server should at least answer `None` for unknown commands.
    fn acl_check_cmd(&mut self, _args: &[Bytes]) -> Option<bool> {
        Some(true)
    }
}
