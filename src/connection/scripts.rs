//! The server side of scripting: EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT. Which shards
//! a script holds while it runs, and how its `redis.call`s reach the keys (`crate::scripting`
//! is the interpreter; docs/scripting.md the rule and why it cannot deadlock).
//!
//! A script runs in one of two ways:
//! - **In place**: its declared keys all live on one shard and no other transaction holds
//!   keys there. It runs at once on that shard's thread (this connection's: no hop; another:
//!   one hop there and back), without a lock: nothing else runs there until it ends, so it is
//!   atomic, undeclared keys of that shard included.
//! - **Holding every shard** (the keyspace-wide lock of the lock protocol): any other script,
//!   and one that was seen to touch a key on another shard. Calls on another shard's keys go
//!   there and this thread waits for the answer (`ShardCtx::on_blocking`).
//!
//! A script running in place that calls a command on another shard's key (or on the whole
//! keyspace) stops being run: every later call fails, what it wrote here is put back as it
//! was (each key it writes in place is copied before its first write: the journal), and it
//! runs again from the start holding every shard; the client sees only that second run. The
//! script is remembered to run holding every shard from then on.

use super::*;
use crate::scripting::lua::NOSCRIPT;
use crate::scripting::{functions, registry, Runner};

/// What a script command runs: an EVAL script (by its SHA1) or a library's function (FCALL).
#[derive(Clone)]
enum Target {
    Script(String),
    Function(String),
}

/// The shard every key of `keys` lives on, when there are keys and they share one.
fn single_owner(keys: &[Bytes], nshards: usize) -> Option<usize> {
    let mut owners = keys.iter().map(|k| key_shard(k, nshards));
    let first = owners.next()?;
    owners.all(|s| s == first).then_some(first)
}

impl Target {
    fn is_wide(&self) -> bool {
        match self {
            Target::Script(sha) => registry::is_wide(sha),
            Target::Function(name) => functions::is_wide(name),
        }
    }

    fn mark_wide(&self) {
        match self {
            Target::Script(sha) => registry::mark_wide(sha),
            Target::Function(name) => functions::mark_wide(name),
        }
    }
}
use shards::reply::Reply;

/// The error a call gets once the script can no longer go on in place.
const MOVED_ON: &[u8] =
    b"-ERR shardis: this script touched a key on another shard; it runs again holding every shard\r\n";

/// What a key held before a script running in place first wrote it.
struct Original {
    db: usize,
    key: Bytes,
    entry: Option<(shards::Value, Option<i64>)>,
}

/// What runs a script's calls (the [`Runner`] the interpreter is given).
struct Calls<'a> {
    ctx: &'a ShardCtx,
    /// The database the script's calls run on (a call of SELECT changes it).
    db: usize,
    origin: &'a Origin,
    /// The transaction holding every shard, or 0 when running in place.
    tx: TxId,
    /// EVAL_RO, EVALSHA_RO, or a `no-writes` script: write commands are refused.
    read_only: bool,
    /// A write command ran.
    wrote: bool,
    /// Running in place, the script called a command on another shard: it must run again.
    moved_on: bool,
    /// Running in place on a server of several shards: the keys written here, as they were.
    journal: Option<Vec<Original>>,
}

impl Calls<'_> {
    fn holding_every_shard(&self) -> bool {
        self.tx != 0 || self.ctx.nshards == 1
    }

    /// Before a write runs in place: copies what its keys hold into the journal (once per key).
    fn keep_originals(&mut self, cmd: &Command, args: &[Bytes]) {
        let Some(journal) = self.journal.as_mut() else {
            return;
        };
        let now = shards::util::now_ms();
        let mut engine = self.ctx.engine.borrow_mut();
        for (db, key) in cmd.key_entries(args, self.db as u8) {
            let db = db as usize;
            if db >= engine.dbs.len() || journal.iter().any(|o| o.db == db && o.key == key) {
                continue;
            }
            let entry = shards::keys::peek_entry(&mut engine.dbs[db], &key, now);
            journal.push(Original { db, key, entry });
        }
    }

    /// Puts back what the journal kept, newest first, and drops the keyspace events of the
    /// undone run: as if it never ran.
    fn undo(&mut self) {
        let Some(journal) = self.journal.take() else {
            return;
        };
        let mut engine = self.ctx.engine.borrow_mut();
        for original in journal.into_iter().rev() {
            let db = &mut engine.dbs[original.db];
            match original.entry {
                Some((value, expire_at)) => {
                    db.remove(&original.key);
                    shards::keys::put_entry(db, &original.key, value, expire_at);
                }
                None => {
                    db.remove(&original.key);
                }
            }
        }
        drop(engine.take_events());
    }

    /// Runs a keyed command on `shard` (this one in place, another through a blocking hop).
    fn run_on(
        &mut self,
        shard: usize,
        handler: Handler,
        stat: StatId,
        args: &[Bytes],
        resp3: bool,
        not_blocking_null: bool,
    ) -> Bytes {
        let db = self.db;
        let origin = self.origin.clone();
        let args = args.to_vec();
        let run = move |s: &ShardCtx, now: i64| {
            let mut reply = Reply::new(resp3);
            s.run_command(
                handler,
                db,
                now,
                &args,
                &mut reply,
                Tally::Whole(stat),
                &origin,
            );
            if s.engine.borrow_mut().take_empty_handed() && not_blocking_null {
                // A blocking command that may not block (as inside MULTI): BLMOVE and
                // BRPOPLPUSH answer a null bulk string.
                let mut null = Reply::new(resp3);
                null.null();
                return null.take();
            }
            reply.take()
        };
        if shard == self.ctx.id {
            let part = self.tx != 0 && self.ctx.aof.borrow().is_some();
            if part {
                self.ctx.aof_before_part();
            }
            let reply = run(self.ctx, shards::util::now_ms());
            if part {
                self.ctx.aof_keep_part(self.tx);
            }
            return reply;
        }
        self.ctx
            .on_blocking(shard, self.tx, run)
            .unwrap_or_else(|_| error_bytes(SHARD_GONE))
    }
}

impl Runner for Calls<'_> {
    fn call(&mut self, args: &[Bytes], resp3: bool) -> Bytes {
        if self.moved_on {
            return Bytes::from_static(MOVED_ON);
        }
        let Some(cmd) = command_table::lookup(&args[0]) else {
            return error_bytes("ERR Unknown Redis command called from script");
        };
        if !command_table::arity_ok(cmd.meta.arity, args.len()) || !pairs_ok(cmd, args.len()) {
            return error_bytes("ERR Wrong number of args calling Redis command from script");
        }
        let Some((stat, meta)) = cmd.stat_of(args) else {
            return error_bytes(&String::from_utf8_lossy(&unknown_subcommand(args)));
        };
        let flags = |f: &str| cmd.meta.flags.contains(&f) || meta.flags.contains(&f);
        if flags("noscript") {
            return error_bytes("ERR This Redis command is not allowed from script");
        }
        let writes = flags("write");
        if writes && self.read_only {
            return error_bytes("ERR Write commands are not allowed from read-only scripts.");
        }
        let nshards = self.ctx.nshards;
        let reply = match cmd.exec {
            Exec::Keyed(handler)
            | Exec::Spread(handler, _)
            | Exec::Moving(handler, _)
            | Exec::Gather(handler) => {
                let keys = cmd.keys(args);
                let mut owners = keys.iter().map(|&p| key_shard(&args[p], nshards));
                let first = owners.next().unwrap_or(self.ctx.id);
                let one_shard = owners.all(|s| s == first);
                let not_blocking_null = cmd.blocks.is_some_and(|b| b.source_only);
                if one_shard && first == self.ctx.id && writes && self.tx == 0 {
                    self.keep_originals(cmd, args);
                }
                if one_shard && (first == self.ctx.id || self.holding_every_shard()) {
                    self.run_on(first, handler, stat, args, resp3, not_blocking_null)
                } else if !self.holding_every_shard() {
                    self.moved_on = true;
                    return Bytes::from_static(MOVED_ON);
                } else if let Exec::Spread(handler, merge) = cmd.exec {
                    self.spread(cmd, handler, merge, stat, args, resp3)
                } else {
                    error_bytes("ERR shardis: inside a script, this command's keys must live on one shard (use a hash tag)")
                }
            }
            Exec::Everywhere(handler, merge) => {
                if !self.holding_every_shard() {
                    self.moved_on = true;
                    return Bytes::from_static(MOVED_ON);
                }
                let replies: Vec<Bytes> = (0..nshards)
                    .map(|s| self.run_on(s, handler, stat, args, resp3, false))
                    .collect();
                let mut out = Reply::new(resp3);
                merge_replies(&mut out, merge, &replies, &[]);
                out.take()
            }
            Exec::Scan(handler) | Exec::RandomKey(handler) if nshards == 1 => {
                self.run_on(0, handler, stat, args, resp3, false)
            }
            Exec::Conn(ConnCommand::Ping) => match args.len() {
                1 => Bytes::from_static(b"+PONG\r\n"),
                _ => {
                    let mut r = Reply::new(resp3);
                    r.bulk(&args[1]);
                    r.take()
                }
            },
            Exec::Conn(ConnCommand::Echo) => {
                let mut r = Reply::new(resp3);
                r.bulk(&args[1]);
                r.take()
            }
            Exec::Conn(ConnCommand::Select) => match parse_int32(&args[1]) {
                Err(e) => error_bytes(e),
                Ok(n) if n < 0 || n as usize >= self.ctx.config().databases => {
                    error_bytes(errors::DB_INDEX)
                }
                Ok(n) => {
                    self.db = n as usize;
                    Bytes::from_static(b"+OK\r\n")
                }
            },
            _ => error_bytes("ERR shardis: this command is not available inside scripts yet"),
        };
        if writes {
            self.wrote = true;
        }
        reply
    }
}

impl Calls<'_> {
    /// A multi-key command split per shard (MGET, DEL, MSET, ...), its replies merged.
    fn spread(
        &mut self,
        cmd: &Command,
        handler: Handler,
        merge: Merge,
        stat: StatId,
        args: &[Bytes],
        resp3: bool,
    ) -> Bytes {
        let n = self.ctx.nshards;
        let step = cmd.meta.step.max(1) as usize;
        let mut parts: Vec<(usize, Vec<Bytes>)> = Vec::new();
        let mut order = Vec::new();
        for p in cmd.key_positions(args.len()) {
            let s = key_shard(&args[p], n);
            let at = match parts.iter().position(|(shard, _)| *shard == s) {
                Some(at) => at,
                None => {
                    parts.push((s, vec![args[0].clone()]));
                    parts.len() - 1
                }
            };
            parts[at]
                .1
                .extend(args[p..(p + step).min(args.len())].iter().cloned());
            order.push(at);
        }
        let replies: Vec<Bytes> = parts
            .into_iter()
            .map(|(s, part)| self.run_on(s, handler, stat, &part, resp3, false))
            .collect();
        let mut out = Reply::new(resp3);
        merge_replies(&mut out, merge, &replies, &order);
        out.take()
    }
}

/// How a script runs in place: the database it starts on, the client's protocol, read-only.
#[derive(Debug, Clone, Copy)]
struct InPlace {
    db: usize,
    resp3: bool,
    read_only: bool,
}

/// Runs the script on shard `ctx` without a lock: nothing awaits until it ends, so nothing
/// else runs there meanwhile. With the append-only file on, what it wrote is committed as one
/// transaction part: all of it or none after a crash. `None` when it reached beyond this
/// shard: then it was undone (the journal) and must run again holding every shard.
fn run_in_place_on(
    ctx: &ShardCtx,
    target: &Target,
    keys: &[Bytes],
    argv: &[Bytes],
    origin: &Origin,
    how: InPlace,
) -> Option<Bytes> {
    let logged = ctx.aof.borrow().is_some();
    let tx = next_tx();
    if logged {
        ctx.aof_before_part();
    }
    let mut calls = Calls {
        ctx,
        db: how.db,
        origin,
        tx: 0,
        read_only: how.read_only,
        wrote: false,
        moved_on: false,
        journal: (ctx.nshards > 1).then(Vec::new),
    };
    let reply = run_target_here(ctx, target, keys, argv, how.resp3, &mut calls);
    if calls.moved_on {
        calls.undo();
        if logged {
            ctx.aof_keep_part(tx);
            ctx.aof_forget_part(tx);
        }
        return None;
    }
    if logged {
        ctx.aof_keep_part(tx);
        if ctx.aof_has_part(tx) {
            ctx.aof_commit(tx, 1);
        }
    }
    let now = shards::util::now_ms();
    ctx.wake_blocked(now);
    ctx.publish_events();
    Some(reply)
}

/// Runs `target` on this shard's interpreter (EVAL's or the functions VM).
fn run_target_here(
    ctx: &ShardCtx,
    target: &Target,
    keys: &[Bytes],
    argv: &[Bytes],
    resp3: bool,
    calls: &mut Calls<'_>,
) -> Bytes {
    match target {
        Target::Script(sha) => ctx.run_script(sha, keys, argv, resp3, calls),
        Target::Function(name) => ctx.call_function(name, keys, argv, resp3, calls),
    }
}

/// Redis's `addReplyHelp`: the title line, `lines`, then HELP's own entry, as status lines.
fn help_reply(name: &str, lines: &[&str], resp3: bool) -> Bytes {
    let mut r = Reply::new(resp3);
    r.array(lines.len() + 3);
    r.simple(&format!(
        "{name} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"
    ));
    for line in lines {
        r.simple(line);
    }
    r.simple("HELP");
    r.simple("    Prints this help.");
    r.take()
}

/// SCRIPT HELP's lines, as Redis 7.0 has them (SCRIPT DEBUG included).
const SCRIPT_HELP: &[&str] = &[
    "DEBUG (YES|SYNC|NO)",
    "    Set the debug mode for subsequent scripts executed.",
    "EXISTS <sha1> [<sha1> ...]",
    "    Return information about the existence of the scripts in the script cache.",
    "FLUSH [ASYNC|SYNC]",
    "    Flush the Lua scripts cache. Very dangerous on replicas.",
    "    When called without the optional mode argument, the behavior is determined by the",
    "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
    "    * ASYNC: Asynchronously flush the scripts cache.",
    "    * SYNC: Synchronously flush the scripts cache.",
    "KILL",
    "    Kill the currently executing Lua script.",
    "LOAD <script>",
    "    Load a script into the scripts cache without executing it.",
];

/// FUNCTION HELP's lines, as Redis 7.0 has them.
const FUNCTION_HELP: &[&str] = &[
    "LOAD [REPLACE] <FUNCTION CODE>",
    "    Create a new library with the given library name and code.",
    "DELETE <LIBRARY NAME>",
    "    Delete the given library.",
    "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
    "    Return general information on all the libraries:",
    "    * Library name",
    "    * The engine used to run the Library",
    "    * Library description",
    "    * Functions list",
    "    * Library code (if WITHCODE is given)",
    "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
    "STATS",
    "    Return information about the current function running:",
    "    * Function name",
    "    * Command used to run the function",
    "    * Duration in MS that the function is running",
    "    If no function is running, return nil",
    "    In addition, returns a list of available engines.",
    "KILL",
    "    Kill the current running function.",
    "FLUSH [ASYNC|SYNC]",
    "    Delete all the libraries.",
    "    When called without the optional mode argument, the behavior is determined by the",
    "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
    "    * ASYNC: Asynchronously flush the libraries.",
    "    * SYNC: Synchronously flush the libraries.",
    "DUMP",
    "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
    "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
    "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
    "    control how to handle existing libraries (default APPEND):",
    "    * FLUSH: delete all existing libraries.",
    "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
    "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
    "      libraries with the new libraries (notice that even on this option there is a chance of failure",
    "      in case of functions name collision with another library).",
];

/// EVAL's and EVALSHA's `numkeys`, checked as Redis does: the keys and the arguments.
fn split_keys(args: &[Bytes]) -> Result<(Vec<Bytes>, Vec<Bytes>), &'static str> {
    let numkeys = parse_i64(&args[2]).ok_or(errors::NOT_INTEGER)?;
    if numkeys < 0 {
        return Err("ERR Number of keys can't be negative");
    }
    let numkeys = numkeys as usize;
    if numkeys > args.len() - 3 {
        return Err("ERR Number of keys can't be greater than number of args");
    }
    let keys = args[3..3 + numkeys].to_vec();
    let argv = args[3 + numkeys..].to_vec();
    Ok((keys, argv))
}

impl Conn {
    /// EVAL, EVALSHA, EVAL_RO, EVALSHA_RO: finds or compiles the script, then runs it in
    /// place or holding every shard (see the module doc). Answers the script's reply.
    pub(super) async fn eval(&mut self, args: &[Bytes], by_sha: bool, read_only: bool) -> Bytes {
        let (keys, argv) = match split_keys(args) {
            Ok(split) => split,
            Err(e) => return error_bytes(e),
        };
        let sha = if by_sha {
            let sha = String::from_utf8_lossy(&args[1]).to_ascii_lowercase();
            if !self.ctx.interpreter_has(&sha) {
                let Some(body) = registry::body(&sha) else {
                    return Bytes::from_static(NOSCRIPT);
                };
                if let Err(e) = self.ctx.compile(&body) {
                    return e;
                }
            }
            sha
        } else {
            match self.ctx.compile(&args[1]) {
                Ok(sha) => {
                    registry::remember(&sha, &args[1]);
                    sha
                }
                Err(e) => return e,
            }
        };
        // A `#!lua flags=no-writes` script is read-only, as EVAL_RO.
        let read_only = read_only || self.ctx.script_flags(&sha).is_some_and(|f| f.no_writes);
        self.run_target(Target::Script(sha), &keys, &argv, read_only)
            .await
    }

    /// FCALL, FCALL_RO: finds the function, checks numkeys and its flags as Redis does, then
    /// runs it exactly as EVALSHA runs a script.
    pub(super) async fn fcall(&mut self, args: &[Bytes], ro: bool) -> Bytes {
        let name = String::from_utf8_lossy(&args[1]).into_owned();
        let Some(flags) = functions::flags(&name) else {
            return error_bytes("ERR Function not found");
        };
        let Some(numkeys) = parse_i64(&args[2]) else {
            return error_bytes("ERR Bad number of keys provided");
        };
        if numkeys > (args.len() - 3) as i64 {
            return error_bytes("ERR Number of keys can't be greater than number of args");
        }
        if numkeys < 0 {
            return error_bytes("ERR Number of keys can't be negative");
        }
        if ro && !flags.no_writes {
            return error_bytes("ERR Can not execute a script with write flag using *_ro command.");
        }
        let numkeys = numkeys as usize;
        let keys = args[3..3 + numkeys].to_vec();
        let argv = args[3 + numkeys..].to_vec();
        let read_only = ro || flags.no_writes;
        self.run_target(Target::Function(name), &keys, &argv, read_only)
            .await
    }

    /// Runs a script or function in place or holding every shard (see the module doc).
    async fn run_target(
        &mut self,
        target: Target,
        keys: &[Bytes],
        argv: &[Bytes],
        read_only: bool,
    ) -> Bytes {
        let n = self.ctx.nshards;
        let here = self.ctx.id;
        let in_place = self.tx == 0
            && !target.is_wide()
            && self.ctx.unlocked()
            && keys.iter().all(|k| key_shard(k, n) == here);
        if in_place || n == 1 && self.tx == 0 && self.ctx.unlocked() {
            match self.run_in_place(&target, keys, argv, read_only) {
                Some(reply) => return reply,
                // Undone: it runs again holding every shard, from now on always.
                None => target.mark_wide(),
            }
        } else if let Some(owner) = single_owner(keys, n) {
            // Every declared key on one other shard: the script runs there, in place.
            if self.tx == 0 && owner != here && !target.is_wide() {
                let run = target.clone();
                if let Some(reply) = self.run_on_owner(owner, run, keys, argv, read_only).await {
                    return reply;
                }
            }
        }
        if self.tx != 0 {
            // Inside EXEC, whose plan holds every shard for a script.
            return self.run_holding(&target, keys, argv, read_only);
        }
        let locked = match self.lock_entries(Vec::new(), true).await {
            Ok(locked) => locked,
            Err(()) => return error_bytes(SHARD_GONE),
        };
        let reply = self.run_holding(&target, keys, argv, read_only);
        self.unlock(&locked).await;
        reply
    }

    /// Runs the script on this shard without a lock ([`run_in_place_on`]); its writes'
    /// records must be in the file before the reply leaves. `None`: it was undone.
    fn run_in_place(
        &mut self,
        target: &Target,
        keys: &[Bytes],
        argv: &[Bytes],
        read_only: bool,
    ) -> Option<Bytes> {
        let before = self.ctx.aof_position();
        let how = InPlace {
            db: self.db,
            resp3: self.out.resp3(),
            read_only,
        };
        let reply = run_in_place_on(&self.ctx, target, keys, argv, &self.origin, how);
        self.note_recorded(before);
        reply
    }

    /// Runs the script on shard `owner`, where all its declared keys live, in place there
    /// (one hop, no lock), as [`run_in_place_on`] would here. `None` when it must run holding
    /// every shard instead: `owner` holds locks, or the run reached beyond it and was undone
    /// (then the script is remembered as one that always does).
    async fn run_on_owner(
        &mut self,
        owner: usize,
        target: Target,
        keys: &[Bytes],
        argv: &[Bytes],
        read_only: bool,
    ) -> Option<Bytes> {
        let how = InPlace {
            db: self.db,
            resp3: self.out.resp3(),
            read_only,
        };
        let touch = Touch::Keys {
            db: self.db as u8,
            keys: keys.to_vec(),
        };
        let (keys, argv, origin) = (keys.to_vec(), argv.to_vec(), self.origin.clone());
        let run = move |s: &ShardCtx, _| {
            // Undeclared keys of that shard may be held by another transaction.
            if !s.unlocked() {
                return None;
            }
            if let Target::Script(sha) = &target {
                if !s.interpreter_has(sha) {
                    let Some(body) = registry::body(sha) else {
                        return Some(Bytes::from_static(NOSCRIPT));
                    };
                    if let Err(e) = s.compile(&body) {
                        return Some(e);
                    }
                }
            }
            let reply = run_in_place_on(s, &target, &keys, &argv, &origin, how);
            if reply.is_none() {
                target.mark_wide();
            }
            reply
        };
        self.ctx.on(owner, 0, touch, run).await.ok().flatten()
    }

    /// Runs the script while this connection's transaction holds every shard.
    fn run_holding(
        &mut self,
        target: &Target,
        keys: &[Bytes],
        argv: &[Bytes],
        read_only: bool,
    ) -> Bytes {
        let mut calls = Calls {
            ctx: &self.ctx,
            db: self.db,
            origin: &self.origin,
            tx: self.tx,
            read_only,
            wrote: false,
            moved_on: false,
            journal: None,
        };
        run_target_here(&self.ctx, target, keys, argv, self.out.resp3(), &mut calls)
    }

    /// SCRIPT LOAD / EXISTS / FLUSH / KILL / HELP.
    pub(super) async fn script_command(&mut self, args: &[Bytes]) -> Bytes {
        let sub = args[1].to_ascii_lowercase();
        match sub.as_slice() {
            b"load" => match self.ctx.compile(&args[2]) {
                Ok(sha) => {
                    registry::remember(&sha, &args[2]);
                    let mut r = Reply::new(self.resp3());
                    r.bulk(sha.as_bytes());
                    r.take()
                }
                Err(e) => e,
            },
            b"exists" => {
                let mut r = Reply::new(self.resp3());
                r.array(args.len() - 2);
                for sha in &args[2..] {
                    r.int(i64::from(registry::exists(&String::from_utf8_lossy(sha))));
                }
                r.take()
            }
            b"flush" => {
                let how = args.get(2).map(|a| a.to_ascii_lowercase());
                if args.len() > 3
                    || how
                        .as_deref()
                        .is_some_and(|h| h != b"async" && h != b"sync")
                {
                    return error_bytes("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
                }
                registry::forget_all();
                let _ = self
                    .ctx
                    .on_each(0..self.ctx.nshards, 0, |s, _| s.forget_scripts())
                    .await;
                Bytes::from_static(b"+OK\r\n")
            }
            b"kill" => Bytes::from_static(b"-NOTBUSY No scripts in execution right now.\r\n"),
            b"help" if args.len() == 2 => help_reply("SCRIPT", SCRIPT_HELP, self.resp3()),
            _ => error_bytes(&String::from_utf8_lossy(&unknown_subcommand(args))),
        }
    }
}

/// Redis's `functionExtractLibMetaData`: the engine and the library name of a payload's
/// shebang line, or the error text.
fn library_metadata(payload: &[u8]) -> Result<(Vec<u8>, String), String> {
    if !payload.starts_with(b"#!") {
        return Err("Missing library metadata".into());
    }
    let Some(end) = payload.iter().position(|&b| b == b'\n') else {
        return Err("Invalid library metadata".into());
    };
    let parts = match crate::protocol::split_args(&payload[..end]) {
        Some(parts) if !parts.is_empty() => parts,
        _ => return Err("Invalid library metadata".into()),
    };
    let engine = parts[0][2..].to_vec();
    let mut name: Option<Vec<u8>> = None;
    for part in &parts[1..] {
        if part.len() >= 5 && part[..5].eq_ignore_ascii_case(b"name=") {
            if name.is_some() {
                return Err(
                    "Invalid metadata value, name argument was given multiple times".into(),
                );
            }
            name = Some(part[5..].to_vec());
            continue;
        }
        return Err(format!(
            "Invalid metadata value given: {}",
            String::from_utf8_lossy(part)
        ));
    }
    let Some(name) = name else {
        return Err("Library name was not given".into());
    };
    if !crate::scripting::lua::valid_name(&name) {
        return Err(crate::scripting::lua::BAD_NAME.into());
    }
    Ok((engine, String::from_utf8_lossy(&name).into_owned()))
}

impl Conn {
    /// FUNCTION LOAD / LIST / DELETE / FLUSH / STATS / KILL / DUMP / RESTORE.
    pub(super) async fn function_command(&mut self, args: &[Bytes]) -> Bytes {
        let sub = args[1].to_ascii_lowercase();
        let resp3 = self.resp3();
        match sub.as_slice() {
            b"load" => self.function_load(args),
            b"list" => function_list(args, resp3),
            b"delete" => {
                if functions::delete(&String::from_utf8_lossy(&args[2])) {
                    Bytes::from_static(b"+OK\r\n")
                } else {
                    error_bytes("ERR Library not found")
                }
            }
            b"flush" => {
                if args.len() > 3 {
                    return subcommand_syntax_error(args);
                }
                let how = args.get(2).map(|a| a.to_ascii_lowercase());
                if how
                    .as_deref()
                    .is_some_and(|h| h != b"async" && h != b"sync")
                {
                    return error_bytes("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
                }
                functions::flush();
                Bytes::from_static(b"+OK\r\n")
            }
            b"stats" => {
                let libraries = functions::libraries();
                let count: usize = libraries.iter().map(|l| l.functions.len()).sum();
                let mut r = Reply::new(resp3);
                r.map(2);
                r.bulk(b"running_script");
                r.null();
                r.bulk(b"engines");
                r.map(1);
                r.bulk(b"LUA");
                r.map(2);
                r.bulk(b"libraries_count");
                r.int(libraries.len() as i64);
                r.bulk(b"functions_count");
                r.int(count as i64);
                r.take()
            }
            b"kill" => Bytes::from_static(b"-NOTBUSY No scripts in execution right now.\r\n"),
            b"dump" => error_bytes("ERR shardis: FUNCTION DUMP is not supported yet"),
            b"restore" => {
                if args.len() > 4 {
                    return subcommand_syntax_error(args);
                }
                error_bytes("ERR shardis: FUNCTION RESTORE is not supported yet")
            }
            b"help" if args.len() == 2 => help_reply("FUNCTION", FUNCTION_HELP, resp3),
            _ => error_bytes(&String::from_utf8_lossy(&unknown_subcommand(args))),
        }
    }

    /// FUNCTION LOAD [REPLACE] code: checked in this shard's functions VM, then added to the
    /// process-wide table (every shard's VM is rebuilt from it at its next use).
    fn function_load(&mut self, args: &[Bytes]) -> Bytes {
        let mut replace = false;
        let mut pos = 2;
        while pos < args.len() - 1 {
            let arg = &args[pos];
            pos += 1;
            if arg.eq_ignore_ascii_case(b"replace") {
                replace = true;
                continue;
            }
            return error_bytes(&format!(
                "ERR Unknown option given: {}",
                String::from_utf8_lossy(crate::scripting::lua::cstr_of(arg))
            ));
        }
        if pos >= args.len() {
            return error_bytes("ERR Function code is missing");
        }
        let code = args[pos].clone();
        let (engine, name) = match library_metadata(&code) {
            Ok(meta) => meta,
            Err(e) => return error_bytes(&format!("ERR {e}")),
        };
        if !engine.eq_ignore_ascii_case(b"lua") {
            return error_bytes(&format!(
                "ERR Engine '{}' not found",
                String::from_utf8_lossy(&engine)
            ));
        }
        if !replace && functions::library_exists(&name) {
            return error_bytes(&format!("ERR Library '{name}' already exists"));
        }
        let defs = match self.ctx.check_library(&code) {
            Ok(defs) => defs,
            Err(e) => return e,
        };
        let library = functions::Library {
            name: name.clone(),
            code,
            functions: defs,
        };
        match functions::add(library, replace) {
            Ok(()) => {
                let mut r = Reply::new(self.resp3());
                r.bulk(name.as_bytes());
                r.take()
            }
            Err(e) => error_bytes(&format!("ERR {e}")),
        }
    }
}

/// Redis's `addReplySubcommandSyntaxError`.
fn subcommand_syntax_error(args: &[Bytes]) -> Bytes {
    error_bytes(&format!(
        "ERR unknown subcommand or wrong number of arguments for '{}'. Try FUNCTION HELP.",
        String::from_utf8_lossy(&args[1])
    ))
}

/// FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE].
fn function_list(args: &[Bytes], resp3: bool) -> Bytes {
    let mut with_code = false;
    let mut pattern: Option<&Bytes> = None;
    let mut i = 2;
    while i < args.len() {
        let arg = &args[i];
        if !with_code && arg.eq_ignore_ascii_case(b"withcode") {
            with_code = true;
            i += 1;
            continue;
        }
        if pattern.is_none() && arg.eq_ignore_ascii_case(b"libraryname") {
            if i >= args.len() - 1 {
                return error_bytes("ERR library name argument was not given");
            }
            pattern = Some(&args[i + 1]);
            i += 2;
            continue;
        }
        return error_bytes(&format!(
            "ERR Unknown argument {}",
            String::from_utf8_lossy(arg)
        ));
    }
    let libraries: Vec<_> = functions::libraries()
        .into_iter()
        .filter(|l| pattern.is_none_or(|p| shards::glob::glob_match(p, l.name.as_bytes(), true)))
        .collect();
    let mut r = Reply::new(resp3);
    r.array(libraries.len());
    for library in &libraries {
        r.map(if with_code { 4 } else { 3 });
        r.bulk(b"library_name");
        r.bulk(library.name.as_bytes());
        r.bulk(b"engine");
        r.bulk(b"LUA");
        r.bulk(b"functions");
        r.array(library.functions.len());
        for f in &library.functions {
            r.map(3);
            r.bulk(b"name");
            r.bulk(f.name.as_bytes());
            r.bulk(b"description");
            match &f.description {
                Some(d) => r.bulk(d),
                None => r.null(),
            }
            r.bulk(b"flags");
            let names = crate::scripting::lua::flag_names(&f.flags);
            r.set(names.len());
            for n in names {
                r.simple(n);
            }
        }
        if with_code {
            r.bulk(b"library_code");
            r.bulk(&library.code);
        }
    }
    r.take()
}

#[cfg(test)]
mod tests {
    //! Where a script runs, against real shards without sockets (`test_shards`): the
    //! connection is on shard 0, keys are chosen on the shard a test wants.

    use crate::config::Config;
    use crate::connection::Conn;
    use crate::test_shards::{key_on, run_shards, Peer};

    #[test]
    fn a_script_on_keys_of_another_shard_runs_there_and_is_undone_when_it_reaches_further() {
        let out = run_shards(Config::default(), &[Peer::Real], |ctx, _| async move {
            let (here, there) = (key_on("k", 0, 2), key_on("k", 1, 2));
            let mut conn = Conn::for_test(ctx, 1);
            // Declared keys on shard 1 only: run on shard 1.
            let on_owner = conn
                .exchange(&[&[
                    "EVAL",
                    "redis.call('SET', KEYS[1], 'v') return redis.call('GET', KEYS[1])",
                    "1",
                    &there,
                ]])
                .await;
            // Writes its declared key on shard 1, then reads an undeclared key on shard 0:
            // the run on shard 1 is undone and the script runs again holding every shard.
            // Undone for real: the counter is incremented once, not twice.
            let script = format!(
                "redis.call('INCR', KEYS[1]) redis.call('GET', '{here}') return redis.call('GET', KEYS[1])"
            );
            let counter = key_on("counter", 1, 2);
            let reached = conn.exchange(&[&["EVAL", &script, "1", &counter]]).await;
            let again = conn.exchange(&[&["EVAL", &script, "1", &counter]]).await;
            (on_owner, reached, again)
        });
        assert_eq!(out.0, "$1\r\nv\r\n");
        assert_eq!(out.1, "$1\r\n1\r\n", "the undone run's INCR was put back");
        assert_eq!(
            out.2, "$1\r\n2\r\n",
            "remembered: it runs holding every shard"
        );
    }
}
