//! MULTI / EXEC / DISCARD / WATCH / UNWATCH: a connection's transaction state and how EXEC
//! runs it (Redis's `multi.c`, connection half; the watched-key versions live on the shards,
//! in `shards::watch`).
//!
//! - While in MULTI, every admitted command except EXEC, DISCARD, MULTI, WATCH, QUIT and
//!   RESET is queued (`+QUEUED`) after the checks a request gets (unknown command, arity,
//!   subcommand, NOAUTH, out of memory, `no_multi`); a command refused there marks the
//!   transaction aborted and EXEC answers `-EXECABORT`. Out of memory (over `maxmemory`,
//!   nothing to evict) refuses every command but EXEC, DISCARD, QUIT and RESET with `-OOM`,
//!   and EXEC itself when a queued command is `denyoom` (`Conn::refused_for_memory`).
//! - WATCH registers each key on its owning shard, which answers the key's version; EXEC asks
//!   every shard concerned whether the versions are unchanged and answers a null array if
//!   not. Every way out (EXEC, DISCARD, UNWATCH, RESET, disconnection) unregisters.
//! - EXEC runs the queued commands in order through the connection's ordinary path
//!   (`Conn::execute_shown`), so each reply is the bytes the command alone would have
//!   answered, and MONITOR and the command statistics see each command; the replies that
//!   path appends to the output are then prefixed with the array header.
//!
//! Atomic across shards: [`Conn::exec_queued`] runs under the key locks of
//! docs/transactions.md.

use super::{Conn, SHARD_GONE};
use crate::command_table::{Command, ConnCommand, Exec};
use crate::hop::Touch;
use crate::server::ShardCtx;
use crate::stats::StatId;
use bytes::Bytes;
use shards::slot::key_shard;

/// EXEC's reply when a command was refused while queuing.
const EXECABORT: &str = "EXECABORT Transaction discarded because of previous errors.";
/// A command flagged `no_multi` sent inside MULTI.
const NOT_ALLOWED: &str = "ERR Command not allowed inside a transaction";
/// MULTI inside MULTI.
const NESTED: &str = "ERR MULTI calls can not be nested";
/// WATCH inside MULTI.
const WATCH_INSIDE_MULTI: &str = "ERR WATCH inside MULTI is not allowed";
/// EXEC outside MULTI.
const EXEC_WITHOUT_MULTI: &str = "ERR EXEC without MULTI";
/// DISCARD outside MULTI.
const DISCARD_WITHOUT_MULTI: &str = "ERR DISCARD without MULTI";
/// MONITOR run by EXEC (Redis refuses it to a client that expects one reply per command).
pub(super) const MONITOR_IN_EXEC: &str = "ERR MONITOR isn't allowed for DENY BLOCKING client";

/// A connection between MULTI and EXEC/DISCARD.
#[derive(Default)]
pub(super) struct Multi {
    /// The commands to run at EXEC, in order.
    queued: Vec<Queued>,
    /// A command was refused while queuing: EXEC discards the transaction.
    aborted: bool,
}

/// A command admitted while in MULTI.
pub(super) struct Queued {
    cmd: &'static Command,
    stat: StatId,
    args: Vec<Bytes>,
}

/// A key this connection WATCHes, and its version on its shard when it was watched.
pub(super) struct WatchedKey {
    db: u8,
    key: Bytes,
    version: u64,
}

/// True when `stat` is EXEC's.
pub(super) fn is_exec(stat: StatId) -> bool {
    crate::command_table::lookup(b"exec").is_some_and(|c| c.stat == stat)
}

/// What Redis answers when EXEC itself is refused (wrong arity, NOAUTH): the refusal as
/// the reason of an EXECABORT, without its `-` and a generic `ERR ` code.
pub(super) fn exec_refused(error: &[u8]) -> Bytes {
    let text = error.strip_prefix(b"-").unwrap_or(error);
    let text = text.strip_prefix(b"ERR ").unwrap_or(text);
    let text = text.strip_suffix(b"\r\n").unwrap_or(text);
    let mut reply = b"-EXECABORT Transaction discarded because of: ".to_vec();
    reply.extend_from_slice(text);
    reply.extend_from_slice(b"\r\n");
    Bytes::from(reply)
}

/// True for the commands that MULTI queues rather than runs: all but the ones that act on
/// the transaction or the connection itself.
pub(super) fn is_queued(cmd: &Command) -> bool {
    !matches!(
        cmd.exec,
        Exec::Conn(
            ConnCommand::Exec
                | ConnCommand::Discard
                | ConnCommand::Multi
                | ConnCommand::Watch
                | ConnCommand::Quit
                | ConnCommand::Reset
        )
    )
}

impl Conn {
    /// Whether `cmd` must be refused with `-OOM` because this connection is in MULTI and
    /// memory is over `maxmemory` with nothing to evict (Redis 7.0's `processCommand`):
    /// queuing any command would grow memory, so every command but EXEC, DISCARD, QUIT and
    /// RESET is refused (and the refusal dooms the transaction); EXEC is refused when the
    /// transaction holds a `denyoom` command (`c->mstate.cmd_flags`), which `reject` turns
    /// into `-EXECABORT Transaction discarded because of: OOM ...`. Outside MULTI the
    /// shard checks each command as it runs (`memory::admit`).
    pub(super) fn refused_for_memory(&self, cmd: &Command) -> bool {
        let Some(multi) = self.multi.as_ref() else {
            return false;
        };
        let applies = match cmd.exec {
            Exec::Conn(ConnCommand::Exec) => multi.queued.iter().any(|q| {
                crate::command_table::stat_metas()
                    .get(q.stat as usize)
                    .is_some_and(|meta| meta.flags.contains(&"denyoom"))
            }),
            Exec::Conn(ConnCommand::Discard | ConnCommand::Quit | ConnCommand::Reset) => false,
            _ => true,
        };
        if !applies {
            return false;
        }
        let config = self.ctx.config();
        let policy = shards::evict::Policy::parse(config.maxmemory_policy).unwrap_or_default();
        crate::memory::out_of_memory(config.maxmemory, policy)
    }

    /// Whether `cmd` is an EXEC whose transaction queued a command flagged `write` (Redis's
    /// `c->mstate.cmd_flags & CMD_WRITE`): such an EXEC is refused as a write is (`-MISCONF`
    /// after a failed background save), and `reject` turns the refusal into EXECABORT.
    pub(super) fn exec_writes(&self, cmd: &Command) -> bool {
        matches!(cmd.exec, Exec::Conn(ConnCommand::Exec))
            && self.multi.as_ref().is_some_and(|multi| {
                multi
                    .queued
                    .iter()
                    .any(|q| crate::command_table::stat_is_write(q.stat))
            })
    }

    /// A request refused before it ran: inside MULTI it dooms the transaction.
    pub(super) fn flag_transaction(&mut self) {
        if let Some(multi) = self.multi.as_mut() {
            multi.aborted = true;
        }
    }

    /// Queues an admitted command inside MULTI (`+QUEUED`), or refuses it the way Redis
    /// does at queue time: a `no_multi` command, or an unknown subcommand of a keyed
    /// container (which outside MULTI its handler answers).
    pub(super) async fn queue(&mut self, cmd: &'static Command, stat: StatId, args: Vec<Bytes>) {
        if cmd.meta.flags.contains(&"no_multi") {
            self.scratch.error(NOT_ALLOWED);
            return self.reject(Some(stat)).await;
        }
        if !cmd.meta.subcommands.is_empty() && args.len() >= 2 && cmd.stat_of(&args).is_none() {
            self.scratch.error_bytes(&super::unknown_subcommand(&args));
            return self.reject(None).await;
        }
        if let Some(multi) = self.multi.as_mut() {
            multi.queued.push(Queued { cmd, stat, args });
            self.info.multi.set(multi.queued.len() as i64);
        }
        self.scratch.simple("QUEUED");
        self.push_scratch();
    }

    /// MULTI.
    pub(super) fn multi(&mut self) {
        if self.multi.is_some() {
            return self.scratch.error(NESTED);
        }
        self.multi = Some(Multi::default());
        self.info.multi.set(0);
        self.scratch.ok();
    }

    /// DISCARD.
    pub(super) async fn discard(&mut self) {
        if self.multi.take().is_none() {
            return self.scratch.error(DISCARD_WITHOUT_MULTI);
        }
        self.info.multi.set(-1);
        self.unwatch_all().await;
        self.scratch.ok();
    }

    /// Leaves MULTI and forgets every watched key (RESET).
    pub(super) async fn discard_transaction(&mut self) {
        self.multi = None;
        self.info.multi.set(-1);
        self.unwatch_all().await;
    }

    /// WATCH key [key ...]: registers the keys not yet watched (in the selected database) on
    /// their shards, after the requests before it have run.
    pub(super) async fn watch(&mut self, args: &[Bytes]) {
        if self.multi.is_some() {
            return self.scratch.error(WATCH_INSIDE_MULTI);
        }
        self.flush_round().await;
        let (db, nshards) = (self.db as u8, self.ctx.nshards);
        let mut per_shard: Vec<Vec<Bytes>> = vec![Vec::new(); nshards];
        for key in &args[1..] {
            let already = self.watched.iter().any(|w| w.db == db && w.key == key)
                || per_shard.iter().flatten().any(|k| k == key);
            if !already {
                per_shard[key_shard(key, nshards)].push(key.clone());
            }
        }
        let mut waiting = Vec::new();
        for (shard, keys) in per_shard.into_iter().enumerate() {
            if !keys.is_empty() {
                let sent = keys.clone();
                let call = move |s: &ShardCtx, now| watch_here(s, db, &sent, now);
                waiting.push((
                    keys,
                    self.ctx.send(shard, self.tx, Touch::Nothing, call).await,
                ));
            }
        }
        let mut complete = true;
        for (keys, pending) in waiting {
            let versions = pending.answer().await.unwrap_or_default();
            complete &= versions.len() == keys.len();
            for (key, version) in keys.into_iter().zip(versions) {
                self.watched.push(WatchedKey { db, key, version });
            }
        }
        if complete {
            self.scratch.ok();
        } else {
            self.scratch.error(SHARD_GONE);
        }
    }

    /// UNWATCH, and every way out of a transaction: unregisters the watched keys.
    pub(super) async fn unwatch_all(&mut self) {
        if self.watched.is_empty() {
            return;
        }
        let nshards = self.ctx.nshards;
        let mut waiting = Vec::new();
        for g in group_by_shard(std::mem::take(&mut self.watched), nshards) {
            let (db, keys) = (g.db, g.keys);
            let call = move |s: &ShardCtx, _| unwatch_here(s, db, &keys);
            waiting.push(self.ctx.send(g.shard, self.tx, Touch::Nothing, call).await);
        }
        for pending in waiting {
            let _ = pending.answer().await;
        }
    }

    /// True when no watched key changed since WATCH (on every shard concerned).
    async fn watches_unchanged(&mut self) -> bool {
        if self.watched.is_empty() {
            return true;
        }
        let mut waiting = Vec::new();
        let checks = self
            .watched
            .iter()
            .map(|w| WatchedKey {
                db: w.db,
                key: w.key.clone(),
                version: w.version,
            })
            .collect();
        for g in group_by_shard(checks, self.ctx.nshards) {
            let (db, keys, versions) = (g.db, g.keys, g.versions);
            let call = move |s: &ShardCtx, now| unchanged_here(s, db, &keys, &versions, now);
            waiting.push(self.ctx.send(g.shard, self.tx, Touch::Nothing, call).await);
        }
        let mut unchanged = true;
        for pending in waiting {
            unchanged &= pending.answer().await == Ok(true);
        }
        unchanged
    }

    /// EXEC: refuses outside MULTI or after a refused command, otherwise runs the
    /// transaction ([`Conn::exec_queued`]). Counts itself (its time includes its commands',
    /// which are counted too, as in Redis).
    pub(super) async fn exec_command(&mut self, stat: StatId, args: &[Bytes]) {
        let started = crate::stats::stamp();
        let refusal = match self.multi.take() {
            None => Some(EXEC_WITHOUT_MULTI),
            Some(multi) if multi.aborted => Some(EXECABORT),
            Some(multi) => {
                self.exec_queued(multi.queued).await;
                None
            }
        };
        // CLIENT LIST shows the transaction until EXEC is done, as Redis does.
        self.info.multi.set(-1);
        let reply = match refusal {
            Some(text) => {
                self.unwatch_all().await;
                let reply = super::error_bytes(text);
                self.scratch.raw(&reply);
                self.push_scratch();
                reply
            }
            None => Bytes::new(),
        };
        let usec = crate::stats::elapsed_us(started);
        self.account_whole(stat, usec, args, &reply);
    }

    /// Runs a transaction: the watched keys are checked (a null array if one changed), then
    /// the queued commands run in order, each through the ordinary request path, and their
    /// replies become one array. The lock protocol that makes a transaction over several
    /// shards atomic wraps this method: from the watch check to the last command.
    pub(super) async fn exec_queued(&mut self, queued: Vec<Queued>) {
        // The replies of the requests before EXEC go out first, and its own writes count
        // against its watched keys (as in Redis, a client invalidates its own WATCH).
        self.flush_round().await;
        // Atomic across shards: every key it touches is locked (docs/transactions.md) from
        // the watch check to its last command, unless it runs in one batch on one shard.
        let locked = match self.lock_plan(&queued) {
            None => None,
            Some((entries, whole)) => match self.lock_entries(entries, whole).await {
                Ok(shards) => Some(shards),
                Err(()) => {
                    self.unwatch_all().await;
                    return self.out.error(SHARD_GONE);
                }
            },
        };
        let unchanged = self.watches_unchanged().await;
        self.unwatch_all().await;
        if !unchanged {
            if let Some(shards) = locked {
                self.unlock(&shards).await;
            }
            return self.out.null_array();
        }
        let start = self.out.len();
        let count = queued.len();
        self.in_exec = true;
        for q in queued {
            self.now = shards::util::now_ms();
            // Boxed: EXEC reaches this method through `execute_shown` itself, so its future
            // would otherwise contain itself.
            Box::pin(self.execute_shown(q.cmd, q.stat, q.args)).await;
        }
        // The releases ride with the transaction's last batch to each shard.
        self.flush_round_releasing(locked).await;
        self.in_exec = false;
        self.ctx.wake_blocked(shards::util::now_ms());
        let written = self.out.take();
        self.out.raw(&written[..start]);
        self.out.array(count);
        self.out.raw(&written[start..]);
    }

    /// What a transaction must lock: the (database, key) of every key its commands touch
    /// (following its SELECTs), and whether one of them reads or writes the whole keyspace
    /// (then every shard is locked whole). `None` when it needs no lock: no watched keys,
    /// every key on one shard, and only commands that go out in one batch to that shard (a
    /// shard runs a batch whole) or that the connection answers without waiting.
    fn lock_plan(&self, queued: &[Queued]) -> Option<(Vec<(u8, Bytes)>, bool)> {
        let n = self.ctx.nshards;
        let mut db = self.db as u8;
        let mut entries = Vec::new();
        let mut whole = false;
        let mut one_batch = true;
        for q in queued {
            match q.cmd.exec {
                Exec::Conn(ConnCommand::Select) => {
                    if let Some(index) = shards::util::parse_i64(&q.args[1]) {
                        if (0..=u8::MAX as i64).contains(&index) {
                            db = index as u8;
                        }
                    }
                }
                Exec::Conn(ConnCommand::Ping | ConnCommand::Echo | ConnCommand::Time) => {}
                // A script may touch any key: it runs holding every shard.
                Exec::Conn(ConnCommand::Eval { .. } | ConnCommand::Fcall { .. }) => whole = true,
                Exec::Conn(_) => one_batch = false,
                Exec::Everywhere(..) | Exec::RandomKey(_) | Exec::Scan(_) => whole = true,
                Exec::Keyed(_) | Exec::Spread(..) | Exec::Moving(..) | Exec::Gather(_) => {
                    if q.cmd.blocks.is_some() {
                        one_batch = false;
                    }
                    entries.extend(q.cmd.key_entries(&q.args, db));
                }
            }
        }
        let mut shards_touched = entries.iter().map(|(_, key)| key_shard(key, n));
        let first = shards_touched.next();
        let one_shard = shards_touched.all(|s| Some(s) == first);
        // With the append-only file on, a transaction that touches keys always takes its
        // locks: its writes are then committed to the files as one part per shard, all or
        // nothing after a crash (see `Conn::aof_commit`).
        let logged = self.ctx.aof.borrow().is_some() && !entries.is_empty();
        if !whole && one_shard && one_batch && self.watched.is_empty() && !logged {
            return None;
        }
        Some((entries, whole))
    }
}

/// The watched keys of one database on one shard, with their versions (in key order).
struct ShardGroup {
    shard: usize,
    db: u8,
    keys: Vec<Bytes>,
    versions: Vec<u64>,
}

/// Watched keys grouped by shard and database, for the jobs that carry them.
fn group_by_shard(watched: Vec<WatchedKey>, nshards: usize) -> Vec<ShardGroup> {
    let mut groups: Vec<ShardGroup> = Vec::new();
    for w in watched {
        let shard = key_shard(&w.key, nshards);
        let at = match groups.iter().position(|g| g.shard == shard && g.db == w.db) {
            Some(at) => at,
            None => {
                groups.push(ShardGroup {
                    shard,
                    db: w.db,
                    keys: Vec::new(),
                    versions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        groups[at].keys.push(w.key);
        groups[at].versions.push(w.version);
    }
    groups
}

/// WATCH on the shard that owns `keys`: registers one more watcher of each and answers their
/// current versions, in key order. A key already past its time is removed first: its
/// removal is no change for this watcher (Redis flags such a watched key `expired`).
fn watch_here(s: &ShardCtx, db: u8, keys: &[Bytes], now: i64) -> Vec<u64> {
    let mut engine = s.engine.borrow_mut();
    let db = &mut engine.dbs[db as usize];
    keys.iter()
        .map(|k| {
            db.expire_if_needed(k, now);
            db.watched.register(k)
        })
        .collect()
}

/// Drops one watcher of each of `keys` (UNWATCH, EXEC, DISCARD, RESET, disconnection).
fn unwatch_here(s: &ShardCtx, db: u8, keys: &[Bytes]) {
    let mut engine = s.engine.borrow_mut();
    let watched = &mut engine.dbs[db as usize].watched;
    for key in keys {
        watched.unregister(key);
    }
}

/// EXEC's check on one shard: true when every key still has the version WATCH answered. A
/// watched key whose time has passed since WATCH fails EXEC even before it is removed
/// (Redis's isWatchedKeyExpired): removing it now counts as the change.
fn unchanged_here(s: &ShardCtx, db: u8, keys: &[Bytes], versions: &[u64], now: i64) -> bool {
    let mut engine = s.engine.borrow_mut();
    let db = &mut engine.dbs[db as usize];
    keys.iter().zip(versions).all(|(k, &v)| {
        db.expire_if_needed(k, now);
        db.watched.version(k) == Some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command_table;

    #[test]
    fn multi_queues_all_but_the_transaction_and_connection_commands() {
        let queued = |name: &str| {
            command_table::lookup(name.as_bytes())
                .map(is_queued)
                .unwrap_or_else(|| panic!("{name} is in the table"))
        };
        for name in ["exec", "discard", "multi", "watch", "quit", "reset"] {
            assert!(!queued(name), "{name} runs at once");
        }
        for name in [
            "unwatch", "get", "set", "select", "client", "config", "auth", "ping",
        ] {
            assert!(queued(name), "{name} is queued");
        }
    }

    #[test]
    fn a_refused_exec_is_an_execabort_with_the_reason() {
        assert_eq!(
            &exec_refused(b"-ERR wrong number of arguments for 'exec' command\r\n")[..],
            b"-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n"
        );
        assert_eq!(
            &exec_refused(b"-NOAUTH Authentication required.\r\n")[..],
            b"-EXECABORT Transaction discarded because of: NOAUTH Authentication required.\r\n"
        );
    }

    #[test]
    fn watched_keys_group_by_shard_and_database() {
        let key = |db: u8, k: &'static [u8], version: u64| WatchedKey {
            db,
            key: Bytes::from_static(k),
            version,
        };
        let groups = group_by_shard(
            vec![key(0, b"{a}1", 1), key(1, b"{a}2", 2), key(0, b"{a}3", 3)],
            4,
        );
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].db, groups[0].versions.clone()), (0, vec![1, 3]));
        assert_eq!(groups[1].keys, vec![Bytes::from_static(b"{a}2")]);
        assert_eq!(
            groups[0].shard, groups[1].shard,
            "a hash tag keeps them together"
        );
    }
}
