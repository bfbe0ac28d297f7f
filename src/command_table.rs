//! The command table: for each command, Redis's own metadata (arity, flags, key positions, from
//! `command_meta`) and how shardis executes it. Routing, arity errors, COMMAND's replies,
//! what MULTI may queue (`no_multi`) and (later) what the AOF logs and what maxmemory refuses
//! are all read from this one table.

use crate::command_meta::{self, CommandMeta};
use crate::stats::StatId;
use ahash::AHashMap as HashMap;
use shards::types::{hash, list, set, string, zset};
use shards::{expire, keys, Handler};
use std::sync::OnceLock;

/// How replies from several shards combine into the one reply the client sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Integers added (DEL, EXISTS, TOUCH, UNLINK, DBSIZE).
    SumInt,
    /// Every part answered `+OK`; so does the whole (MSET, FLUSHDB, FLUSHALL).
    AllOk,
    /// Array elements concatenated (KEYS).
    Concat,
    /// Array elements put back in the order of the keys in the request (MGET).
    KeyOrder,
}

/// Commands that move a value from one shard to another when their keys live apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// RENAME (`nx` false) and RENAMENX (`nx` true).
    Rename {
        /// Only if the destination does not exist.
        nx: bool,
    },
    /// COPY source destination [DB db] [REPLACE].
    Copy,
    /// MSETNX: all keys set, or none.
    MsetNx,
}

/// Commands the connection runs itself: they touch connection state or no keys at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnCommand {
    /// PING [message]
    Ping,
    /// ECHO message
    Echo,
    /// QUIT
    Quit,
    /// SELECT index
    Select,
    /// HELLO [protover [AUTH user pass] [SETNAME name]]
    Hello,
    /// RESET
    Reset,
    /// CLIENT subcommand ...
    Client,
    /// TIME
    Time,
    /// COMMAND [subcommand ...]
    Command,
    /// CONFIG subcommand ...
    Config,
    /// AUTH [username] password
    Auth,
    /// MONITOR
    Monitor,
    /// INFO [section ...]
    Info,
    /// SLOWLOG subcommand ...
    Slowlog,
    /// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]
    Shutdown,
    /// MULTI
    Multi,
    /// EXEC
    Exec,
    /// DISCARD
    Discard,
    /// WATCH key [key ...]
    Watch,
    /// UNWATCH
    Unwatch,
    /// SAVE
    Save,
    /// BGSAVE [SCHEDULE]
    Bgsave,
    /// LASTSAVE
    Lastsave,
    /// BGREWRITEAOF
    Bgrewriteaof,
    /// SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE name [name ...]
    Subscribe(crate::pubsub::Kind),
    /// UNSUBSCRIBE / PUNSUBSCRIBE / SUNSUBSCRIBE [name ...]
    Unsubscribe(crate::pubsub::Kind),
    /// PUBLISH / SPUBLISH channel message
    Publish {
        /// SPUBLISH: to shard channels.
        shard: bool,
    },
    /// PUBSUB subcommand ...
    Pubsub,
    /// MEMORY subcommand ...: USAGE goes to the key's shard, the others are process-wide.
    Memory,
    /// EVAL / EVALSHA / EVAL_RO / EVALSHA_RO script numkeys [key ...] [arg ...]
    Eval {
        /// EVALSHA: the script is named by its SHA1.
        by_sha: bool,
        /// The _RO forms: write commands are refused.
        read_only: bool,
    },
    /// SCRIPT subcommand ...
    Script,
    /// FCALL / FCALL_RO function numkeys [key ...] [arg ...]
    Fcall {
        /// FCALL_RO: the function must be `no-writes`.
        read_only: bool,
    },
    /// FUNCTION subcommand ...
    Function,
}

/// How a command is executed.
#[derive(Debug, Clone, Copy)]
pub enum Exec {
    /// On the shard owning its key(s). A command whose keys are all on one shard always runs
    /// there whole; this variant has at most one key, or keys that must share a shard.
    Keyed(Handler),
    /// Keys may span shards: each shard runs the command on its own keys, replies merge.
    Spread(Handler, Merge),
    /// Keys may span shards and a value moves between them (see [`Move`]).
    Moving(Handler, Move),
    /// No keys: runs on every shard, replies merge (KEYS, DBSIZE, FLUSHALL).
    Everywhere(Handler, Merge),
    /// SCAN: one shard per call, chosen by the cursor.
    Scan(Handler),
    /// RANDOMKEY: a random shard that has keys.
    RandomKey(Handler),
    /// Several keys that may live on several shards: run whole on one shard when they share
    /// it; otherwise their values are gathered, the handler runs over copies, and the keys it
    /// changed are written back (SMOVE, LMOVE, SINTERSTORE, ZUNIONSTORE, ...).
    Gather(Handler),
    /// Run by the connection.
    Conn(ConnCommand),
}

/// One row of the command table.
#[derive(Debug)]
pub struct Command {
    /// What Redis says about the command.
    pub meta: &'static CommandMeta,
    /// How shardis runs it.
    pub exec: Exec,
    /// How it blocks, when Redis flags it `blocking` (BLPOP & co.); read once here rather
    /// than per request.
    pub blocks: Option<Blocking>,
    /// May run before the connection authenticates: Redis's `no_auth` commands (AUTH,
    /// HELLO, QUIT, RESET) and COMMAND (a deliberate difference, see docs/decisions.md).
    pub no_auth: bool,
    /// Its index in the statistics; its subcommands follow it, in metadata order.
    pub stat: StatId,
}

impl Command {
    /// Whether it reads or writes the whole keyspace rather than named keys (KEYS, DBSIZE,
    /// SCAN, RANDOMKEY, FLUSHDB, FLUSHALL): the lock protocol makes it wait for any lock.
    pub fn keyspace_wide(&self) -> bool {
        matches!(
            self.exec,
            Exec::Everywhere(..) | Exec::Scan(_) | Exec::RandomKey(_)
        )
    }

    /// Positions of the key arguments in `argc` arguments, from first/last/step.
    pub fn key_positions(&self, argc: usize) -> impl Iterator<Item = usize> {
        let m = self.meta;
        let first = m.first_key.max(0) as usize;
        let last = if m.last_key < 0 {
            argc as i64 + m.last_key as i64
        } else {
            m.last_key as i64
        };
        let step = m.step.max(1) as usize;
        let last = if first == 0 { 0 } else { last.max(0) as usize };
        let range = if first == 0 {
            1..1
        } else {
            first..last.min(argc.saturating_sub(1)) + 1
        };
        range.step_by(step)
    }
}

impl Command {
    /// The statistics index of what `args` runs: the subcommand named by `args[1]` for a
    /// command with subcommands (with its metadata), the command itself otherwise. `None`
    /// for an unknown subcommand.
    pub fn stat_of(&self, args: &[bytes::Bytes]) -> Option<(StatId, &'static CommandMeta)> {
        if self.meta.subcommands.is_empty() || args.len() < 2 {
            return Some((self.stat, self.meta));
        }
        let (i, sub) = self
            .meta
            .subcommands
            .iter()
            .enumerate()
            .find(|(_, s)| s.name.as_bytes().eq_ignore_ascii_case(&args[1]))?;
        Some((self.stat + 1 + i as StatId, sub))
    }

    /// Position of the key that picks the shard of a single-key command.
    pub fn first_key(&self, args: &[bytes::Bytes]) -> Option<usize> {
        if self.meta.name == "object" {
            return (args.len() >= 3).then_some(2);
        }
        let first = self.meta.first_key;
        (first > 0 && (first as usize) < args.len()).then_some(first as usize)
    }

    /// The (database, key) pairs the command touches when run in database `db`, as the lock
    /// protocol locks them: its keys in `db`, except that COPY's destination lives in the
    /// database its `DB` option names and MOVE also touches its key in the destination
    /// database. An option that does not parse makes the command fail; its keys are then
    /// taken as they stand.
    pub fn key_entries(&self, args: &[bytes::Bytes], db: u8) -> Vec<(u8, bytes::Bytes)> {
        let mut entries: Vec<(u8, bytes::Bytes)> = self
            .keys(args)
            .into_iter()
            .map(|p| (db, args[p].clone()))
            .collect();
        let any_db = u8::MAX as usize + 1;
        match self.meta.name {
            "copy" if entries.len() == 2 => {
                let named = shards::keys::parse_copy_options(args, any_db).ok();
                if let Some(other) = named.and_then(|o| o.db) {
                    entries[1].0 = other as u8;
                }
            }
            "move" if entries.len() == 1 => {
                let other = args.get(2).and_then(|a| shards::util::parse_i64(a));
                if let Some(other) = other.filter(|n| (0..any_db as i64).contains(n)) {
                    entries.push((other as u8, entries[0].1.clone()));
                }
            }
            _ => {}
        }
        entries
    }

    /// Positions of the key arguments of `args`, including commands whose keys move with a
    /// `numkeys` argument (Redis's `movablekeys`). A bad `numkeys` yields no keys: the command
    /// then runs on the connection's shard and its handler replies with Redis's error.
    pub fn keys(&self, args: &[bytes::Bytes]) -> Vec<usize> {
        let numkeys_at = |at: usize, first: usize| -> Vec<usize> {
            match args.get(at).and_then(|n| shards::util::parse_i64(n)) {
                Some(n) if n > 0 && first + (n as usize) <= args.len() => {
                    (first..first + n as usize).collect()
                }
                _ => Vec::new(),
            }
        };
        match self.meta.name {
            "zunionstore" | "zinterstore" | "zdiffstore" => {
                let mut keys = vec![1];
                let rest = numkeys_at(2, 3);
                if rest.is_empty() {
                    return Vec::new();
                }
                keys.extend(rest);
                keys
            }
            "zunion" | "zinter" | "zdiff" | "sintercard" | "zintercard" | "lmpop" | "zmpop" => {
                numkeys_at(1, 2)
            }
            "blmpop" | "bzmpop" => numkeys_at(2, 3),
            "eval" | "evalsha" | "eval_ro" | "evalsha_ro" | "fcall" | "fcall_ro" => {
                numkeys_at(2, 3)
            }
            "object" if args.len() >= 3 => vec![2],
            _ => self.key_positions(args.len()).collect(),
        }
    }
}

fn exec_of(name: &str) -> Option<Exec> {
    use crate::pubsub::Kind;
    use ConnCommand as C;
    use Exec::*;
    Some(match name {
        "ping" => Conn(C::Ping),
        "echo" => Conn(C::Echo),
        "quit" => Conn(C::Quit),
        "select" => Conn(C::Select),
        "hello" => Conn(C::Hello),
        "reset" => Conn(C::Reset),
        "client" => Conn(C::Client),
        "time" => Conn(C::Time),
        "command" => Conn(C::Command),
        "config" => Conn(C::Config),
        "auth" => Conn(C::Auth),
        "monitor" => Conn(C::Monitor),
        "eval" => Conn(C::Eval {
            by_sha: false,
            read_only: false,
        }),
        "evalsha" => Conn(C::Eval {
            by_sha: true,
            read_only: false,
        }),
        "eval_ro" => Conn(C::Eval {
            by_sha: false,
            read_only: true,
        }),
        "evalsha_ro" => Conn(C::Eval {
            by_sha: true,
            read_only: true,
        }),
        "script" => Conn(C::Script),
        "fcall" => Conn(C::Fcall { read_only: false }),
        "fcall_ro" => Conn(C::Fcall { read_only: true }),
        "function" => Conn(C::Function),
        "info" => Conn(C::Info),
        "slowlog" => Conn(C::Slowlog),
        "shutdown" => Conn(C::Shutdown),
        "multi" => Conn(C::Multi),
        "exec" => Conn(C::Exec),
        "discard" => Conn(C::Discard),
        "watch" => Conn(C::Watch),
        "unwatch" => Conn(C::Unwatch),
        "save" => Conn(C::Save),
        "bgsave" => Conn(C::Bgsave),
        "lastsave" => Conn(C::Lastsave),
        "bgrewriteaof" => Conn(C::Bgrewriteaof),
        "subscribe" => Conn(C::Subscribe(Kind::Channel)),
        "psubscribe" => Conn(C::Subscribe(Kind::Pattern)),
        "ssubscribe" => Conn(C::Subscribe(Kind::Shard)),
        "unsubscribe" => Conn(C::Unsubscribe(Kind::Channel)),
        "punsubscribe" => Conn(C::Unsubscribe(Kind::Pattern)),
        "sunsubscribe" => Conn(C::Unsubscribe(Kind::Shard)),
        "publish" => Conn(C::Publish { shard: false }),
        "spublish" => Conn(C::Publish { shard: true }),
        "pubsub" => Conn(C::Pubsub),
        "memory" => Conn(C::Memory),

        "get" => Keyed(string::get),
        "set" => Keyed(string::set),
        "setnx" => Keyed(string::setnx),
        "setex" => Keyed(string::setex),
        "psetex" => Keyed(string::psetex),
        "getset" => Keyed(string::getset),
        "getdel" => Keyed(string::getdel),
        "getex" => Keyed(string::getex),
        "mget" => Spread(string::mget, Merge::KeyOrder),
        "mset" => Spread(string::mset, Merge::AllOk),
        "msetnx" => Moving(string::msetnx, Move::MsetNx),
        "incr" => Keyed(string::incr),
        "decr" => Keyed(string::decr),
        "incrby" => Keyed(string::incrby),
        "decrby" => Keyed(string::decrby),
        "incrbyfloat" => Keyed(string::incrbyfloat),
        "append" => Keyed(string::append),
        "strlen" => Keyed(string::strlen),
        "getrange" => Keyed(string::getrange),
        "setrange" => Keyed(string::setrange),

        "del" => Spread(keys::del, Merge::SumInt),
        "unlink" => Spread(keys::unlink, Merge::SumInt),
        "exists" => Spread(keys::exists, Merge::SumInt),
        "touch" => Spread(keys::touch, Merge::SumInt),
        "type" => Keyed(keys::type_),
        "keys" => Everywhere(keys::keys, Merge::Concat),
        "scan" => Scan(keys::scan),
        "dbsize" => Everywhere(keys::dbsize, Merge::SumInt),
        "flushdb" => Everywhere(keys::flushdb, Merge::AllOk),
        "flushall" => Everywhere(keys::flushall, Merge::AllOk),
        "rename" => Moving(keys::rename, Move::Rename { nx: false }),
        "renamenx" => Moving(keys::renamenx, Move::Rename { nx: true }),
        "copy" => Moving(keys::copy, Move::Copy),
        "randomkey" => RandomKey(keys::randomkey),

        "expire" => Keyed(expire::expire),
        "pexpire" => Keyed(expire::pexpire),
        "expireat" => Keyed(expire::expireat),
        "pexpireat" => Keyed(expire::pexpireat),
        "ttl" => Keyed(expire::ttl),
        "pttl" => Keyed(expire::pttl),
        "expiretime" => Keyed(expire::expiretime),
        "pexpiretime" => Keyed(expire::pexpiretime),
        "persist" => Keyed(expire::persist),
        "lpush" => Keyed(list::lpush),
        "rpush" => Keyed(list::rpush),
        "lpushx" => Keyed(list::lpushx),
        "rpushx" => Keyed(list::rpushx),
        "lpop" => Keyed(list::lpop),
        "rpop" => Keyed(list::rpop),
        "llen" => Keyed(list::llen),
        "lrange" => Keyed(list::lrange),
        "lindex" => Keyed(list::lindex),
        "lset" => Keyed(list::lset),
        "linsert" => Keyed(list::linsert),
        "lrem" => Keyed(list::lrem),
        "ltrim" => Keyed(list::ltrim),
        "lpos" => Keyed(list::lpos),

        "hset" => Keyed(hash::hset),
        "hsetnx" => Keyed(hash::hsetnx),
        "hget" => Keyed(hash::hget),
        "hmset" => Keyed(hash::hmset),
        "hmget" => Keyed(hash::hmget),
        "hgetall" => Keyed(hash::hgetall),
        "hdel" => Keyed(hash::hdel),
        "hexists" => Keyed(hash::hexists),
        "hlen" => Keyed(hash::hlen),
        "hkeys" => Keyed(hash::hkeys),
        "hvals" => Keyed(hash::hvals),
        "hstrlen" => Keyed(hash::hstrlen),
        "hincrby" => Keyed(hash::hincrby),
        "hincrbyfloat" => Keyed(hash::hincrbyfloat),
        "hrandfield" => Keyed(hash::hrandfield),
        "hscan" => Keyed(hash::hscan),

        "sadd" => Keyed(set::sadd),
        "srem" => Keyed(set::srem),
        "smembers" => Keyed(set::smembers),
        "sismember" => Keyed(set::sismember),
        "smismember" => Keyed(set::smismember),
        "scard" => Keyed(set::scard),
        "spop" => Keyed(set::spop),
        "srandmember" => Keyed(set::srandmember),
        "sscan" => Keyed(set::sscan),

        "zadd" => Keyed(zset::zadd),
        "zincrby" => Keyed(zset::zincrby),
        "zscore" => Keyed(zset::zscore),
        "zmscore" => Keyed(zset::zmscore),
        "zrank" => Keyed(zset::zrank),
        "zrevrank" => Keyed(zset::zrevrank),
        "zcard" => Keyed(zset::zcard),
        "zcount" => Keyed(zset::zcount),
        "zlexcount" => Keyed(zset::zlexcount),
        "zrange" => Keyed(zset::zrange),
        "zrangebyscore" => Keyed(zset::zrangebyscore),
        "zrevrangebyscore" => Keyed(zset::zrevrangebyscore),
        "zrangebylex" => Keyed(zset::zrangebylex),
        "zrevrangebylex" => Keyed(zset::zrevrangebylex),
        "zrevrange" => Keyed(zset::zrevrange),
        "zrem" => Keyed(zset::zrem),
        "zremrangebyrank" => Keyed(zset::zremrangebyrank),
        "zremrangebyscore" => Keyed(zset::zremrangebyscore),
        "zremrangebylex" => Keyed(zset::zremrangebylex),
        "zpopmin" => Keyed(zset::zpopmin),
        "zpopmax" => Keyed(zset::zpopmax),
        "zrandmember" => Keyed(zset::zrandmember),
        "zscan" => Keyed(zset::zscan),

        "lmove" => Gather(list::lmove),
        "rpoplpush" => Gather(list::rpoplpush),
        "lmpop" => Gather(list::lmpop),
        "blpop" => Gather(list::blpop),
        "brpop" => Gather(list::brpop),
        "blmove" => Gather(list::blmove),
        "brpoplpush" => Gather(list::brpoplpush),
        "blmpop" => Gather(list::blmpop),

        "smove" => Gather(set::smove),
        "sinter" => Gather(set::sinter),
        "sunion" => Gather(set::sunion),
        "sdiff" => Gather(set::sdiff),
        "sinterstore" => Gather(set::sinterstore),
        "sunionstore" => Gather(set::sunionstore),
        "sdiffstore" => Gather(set::sdiffstore),
        "sintercard" => Gather(set::sintercard),

        "zrangestore" => Gather(zset::zrangestore),
        "bzpopmin" => Gather(zset::bzpopmin),
        "bzpopmax" => Gather(zset::bzpopmax),
        "zmpop" => Gather(zset::zmpop),
        "bzmpop" => Gather(zset::bzmpop),
        "zunion" => Gather(zset::zunion),
        "zinter" => Gather(zset::zinter),
        "zdiff" => Gather(zset::zdiff),
        "zunionstore" => Gather(zset::zunionstore),
        "zinterstore" => Gather(zset::zinterstore),
        "zdiffstore" => Gather(zset::zdiffstore),
        "zintercard" => Gather(zset::zintercard),

        "object" => Keyed(keys::object),
        "move" => Keyed(shards::move_key::move_key),
        "swapdb" => Everywhere(shards::swapdb::swapdb, Merge::AllOk),
        _ => return None,
    })
}

/// How a blocking command waits when nothing serves it yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocking {
    /// The type of value that serves it ("list" or "zset").
    pub want: &'static str,
    /// It waits on its first key only (BLMOVE and BRPOPLPUSH wait on their source), and
    /// inside EXEC its empty-handed reply is a null bulk string, not a null array.
    pub source_only: bool,
    /// Its timeout is its first argument (BLMPOP, BZMPOP), not its last.
    pub timeout_first: bool,
}

/// What each blocking command's row says about how it blocks.
fn blocking_of(name: &str) -> Option<Blocking> {
    let (want, source_only, timeout_first) = match name {
        "blpop" | "brpop" => ("list", false, false),
        "blmove" | "brpoplpush" => ("list", true, false),
        "blmpop" => ("list", false, true),
        "bzpopmin" | "bzpopmax" => ("zset", false, false),
        "bzmpop" => ("zset", false, true),
        _ => return None,
    };
    Some(Blocking {
        want,
        source_only,
        timeout_first,
    })
}

/// The table, built once from the generated metadata.
pub fn table() -> &'static HashMap<&'static str, Command> {
    static TABLE: OnceLock<HashMap<&'static str, Command>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut next_stat: usize = 0;
        command_meta::all()
            .iter()
            .filter_map(|meta| {
                let stat = next_stat as StatId;
                next_stat += 1 + meta.subcommands.len();
                let blocks = blocking_of(meta.name).filter(|_| meta.flags.contains(&"blocking"));
                let no_auth = meta.flags.contains(&"no_auth") || meta.name == "command";
                exec_of(meta.name).map(|exec| {
                    (
                        meta.name,
                        Command {
                            meta,
                            exec,
                            blocks,
                            no_auth,
                            stat,
                        },
                    )
                })
            })
            .collect()
    })
}

/// Every command and subcommand by statistics index ([`Command::stat`]): each command
/// followed by its subcommands, in metadata order.
pub fn stat_metas() -> &'static [&'static CommandMeta] {
    static METAS: OnceLock<Vec<&'static CommandMeta>> = OnceLock::new();
    METAS.get_or_init(|| {
        command_meta::all()
            .iter()
            .flat_map(|m| std::iter::once(m).chain(m.subcommands.iter()))
            .collect()
    })
}

/// True when the command or subcommand at statistics index `id` writes to the keyspace
/// (Redis's `write` flag), read from a table built once.
/// Whether the command named `name` is flagged `write` (what the append-only file logs).
pub fn is_write(name: &[u8]) -> bool {
    lookup(name).is_some_and(|c| c.meta.flags.contains(&"write"))
}

/// Whether the command named `name` is flagged `denyoom`: refused while memory is over
/// `maxmemory` and nothing can be evicted.
pub fn is_denyoom(name: &[u8]) -> bool {
    lookup(name).is_some_and(|c| c.meta.flags.contains(&"denyoom"))
}

/// Whether the command counted under `id` is flagged `write`.
pub fn stat_is_write(id: StatId) -> bool {
    static WRITES: OnceLock<Vec<bool>> = OnceLock::new();
    WRITES
        .get_or_init(|| {
            stat_metas()
                .iter()
                .map(|m| m.flags.contains(&"write"))
                .collect()
        })
        .get(id as usize)
        .copied()
        .unwrap_or(false)
}

/// Looks a command up by name, case-insensitively, without allocating for normal names.
pub fn lookup(name: &[u8]) -> Option<&'static Command> {
    let mut lower = [0u8; 32];
    if name.len() > lower.len() {
        return None;
    }
    for (dst, src) in lower.iter_mut().zip(name) {
        *dst = src.to_ascii_lowercase();
    }
    let key = std::str::from_utf8(&lower[..name.len()]).ok()?;
    table().get(key)
}

/// Checks an argument count against an arity (positive: exact; negative: at least).
pub fn arity_ok(arity: i32, argc: usize) -> bool {
    if arity >= 0 {
        argc == arity as usize
    } else {
        argc >= arity.unsigned_abs() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_command_is_executable() {
        for meta in command_meta::all() {
            assert!(
                exec_of(meta.name).is_some(),
                "{} has metadata but no executor",
                meta.name
            );
        }
    }

    #[test]
    fn stat_ids_name_commands_and_subcommands() {
        let metas = stat_metas();
        for cmd in table().values() {
            assert_eq!(metas[cmd.stat as usize].fullname, cmd.meta.fullname);
            for sub in cmd.meta.subcommands {
                let args = [
                    bytes::Bytes::from(cmd.meta.name),
                    bytes::Bytes::from(sub.name),
                ];
                let (id, meta) = cmd.stat_of(&args).unwrap();
                assert_eq!(metas[id as usize].fullname, sub.fullname);
                assert_eq!(meta.fullname, sub.fullname);
            }
        }
        assert!(metas.len() < StatId::MAX as usize);
        assert!(stat_is_write(lookup(b"set").unwrap().stat));
        assert!(!stat_is_write(lookup(b"get").unwrap().stat));
    }

    #[test]
    fn lookup_is_case_insensitive() {
        assert!(lookup(b"GeT").is_some());
        assert!(lookup(b"nosuchcommand").is_none());
    }
}
