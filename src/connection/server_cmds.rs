//! The server's own commands as a connection runs them: INFO, CONFIG, SLOWLOG, COMMAND,
//! MEMORY's reports, SHUTDOWN, SAVE, BGSAVE and BGREWRITEAOF (each asks every shard through
//! typed calls and assembles the answer).

use super::*;

impl Conn {
    /// MEMORY STATS | DOCTOR | MALLOC-STATS | PURGE | HELP (USAGE is a keyed command, see
    /// `execute`): the process-wide figures, with every shard's key tables for STATS and
    /// DOCTOR.
    pub(super) async fn memory_command(&mut self, args: &[Bytes]) {
        use crate::memory_report as report;
        let resp3 = self.resp3();
        self.scratch.set_resp3(resp3);
        let sub = args[1].to_ascii_lowercase();
        match &sub[..] {
            b"help" => {
                self.scratch.array(report::HELP.len());
                for line in report::HELP {
                    self.scratch.simple(line);
                }
            }
            b"malloc-stats" => self.scratch.verbatim(&report::malloc_stats()),
            b"purge" => match report::purge() {
                Ok(()) => self.scratch.ok(),
                Err(()) => self.scratch.error(report::PURGE_FAILED),
            },
            _ => {
                let Some(snap) = self.gather_snapshot().await else {
                    self.scratch.error(SHARD_GONE);
                    return self.push_scratch();
                };
                let overhead = report::Overhead::new(
                    crate::info::memory_figures(),
                    &snap,
                    snap.clients_memory,
                );
                if &sub[..] == b"stats" {
                    report::stats(&mut self.scratch, &overhead);
                } else {
                    let text = report::doctor(&overhead, snap.clients);
                    self.scratch.verbatim(text.as_bytes());
                }
            }
        }
        self.push_scratch();
    }

    /// Every shard's statistics snapshot, added up, once the requests before have run.
    pub(super) async fn gather_snapshot(&mut self) -> Option<Snapshot> {
        self.flush_round().await;
        let mut total: Option<Snapshot> = None;
        let shards = 0..self.ctx.nshards;
        for snap in self.ctx.on_each(shards, self.tx, |s, _| s.snapshot()).await {
            let snap = snap.ok()?;
            match total.as_mut() {
                Some(t) => t.add(&snap),
                None => total = Some(snap),
            }
        }
        total
    }

    /// INFO [section ...]: asks every shard for its figures; the reply is rendered when they
    /// are in (see `Slot::Info`).
    pub(super) fn info_command(&mut self, stat: StatId, args: Vec<Bytes>) {
        let sections = crate::info::Sections::parse(&args[1..]);
        let parts = (0..self.ctx.nshards)
            .map(|s| self.round.push_call(s, |s, _| s.snapshot()))
            .collect();
        let resp3 = self.resp3();
        self.round.slots.push(Slot::Info {
            parts,
            sections,
            resp3,
            args,
            started: crate::stats::stamp(),
            stat,
        });
    }

    /// SLOWLOG GET [count] | LEN | RESET | HELP, over every shard's log.
    pub(super) fn slowlog(&mut self, stat: StatId, args: &[Bytes]) -> bool {
        let nshards = self.ctx.nshards;
        // Counted (and logged) once answered, so SLOWLOG GET does not see itself.
        let then = Deferred {
            stat,
            args: args.to_vec(),
            started: crate::stats::stamp(),
        };
        let sub = args[1].to_ascii_lowercase();
        match (sub.as_slice(), args.len()) {
            (b"get", 2 | 3) => {
                let count = match args.get(2) {
                    None => 10,
                    Some(arg) => match parse_i64(arg) {
                        Some(-1) => usize::MAX,
                        Some(n) if n >= 0 => n as usize,
                        _ => {
                            self.scratch
                                .error("ERR count should be greater than or equal to -1");
                            self.push_scratch();
                            return false;
                        }
                    },
                };
                let parts = (0..nshards)
                    .map(|s| {
                        self.round
                            .push_call(s, move |s, _| s.slowlog.borrow().newest(count))
                    })
                    .collect();
                self.round
                    .slots
                    .push(Slot::SlowlogGet { parts, count, then });
                true
            }
            (b"len", _) => {
                let parts = (0..nshards)
                    .map(|s| self.round.push_call(s, |s, _| s.slowlog.borrow().len()))
                    .collect();
                self.round.slots.push(Slot::SlowlogLen { parts, then });
                true
            }
            (b"reset", _) => {
                let parts = (0..nshards)
                    .map(|s| {
                        self.round
                            .push_call(s, |s, _| s.slowlog.borrow_mut().reset())
                    })
                    .collect();
                self.round.slots.push(Slot::Ack { parts, then });
                true
            }
            (b"help", _) => {
                self.scratch.array(SLOWLOG_HELP.len());
                for line in SLOWLOG_HELP {
                    self.scratch.simple(line);
                }
                self.push_scratch();
                false
            }
            _ => {
                let mut text =
                    b"ERR unknown subcommand or wrong number of arguments for '".to_vec();
                let name = c_str(&args[1]);
                text.extend_from_slice(&name[..name.len().min(128)]);
                text.extend_from_slice(b"'. Try SLOWLOG HELP.");
                self.scratch.error_bytes(&text);
                self.push_scratch();
                false
            }
        }
    }

    /// CONFIG: the subcommands are answered by [`config_command`]; a CONFIG SET it accepts is
    /// installed on every shard here, before +OK, after the requests before it have run.
    pub(super) async fn config(&mut self, cmd: &Command, args: Vec<Bytes>) {
        self.scratch.set_resp3(self.out.resp3());
        let is_local = is_loopback(self.info.addr.ip());
        let config = self.ctx.config();
        if let Some((previous, next)) =
            config_command(&mut self.scratch, cmd, &args, &config, is_local)
        {
            self.flush_round().await;
            match self.reconfigure_all(&next).await {
                Ok(true) => {
                    crate::log::set_level(crate::log::Level::from_name(next.loglevel));
                    // appendonly yes starts the files with a rewrite of the data as it is
                    // (as Redis's startAppendOnly); no stops logging.
                    if next.appendonly && !previous.appendonly {
                        let _ = crate::persistence::aof::start_rewrite(&self.ctx).await;
                    } else if !next.appendonly && previous.appendonly {
                        crate::persistence::aof::stop(&self.ctx).await;
                    }
                    if next.stop_writes_on_bgsave_error != previous.stop_writes_on_bgsave_error
                        || next.save_rules.is_empty() != previous.save_rules.is_empty()
                    {
                        crate::persistence::snapshot::refresh_refusal(&next);
                    }
                    self.scratch.ok();
                }
                Ok(false) => {
                    // A shard could not listen on the new port or addresses: every shard goes
                    // back to the previous settings, as Redis restores them.
                    let argument = if next.port != previous.port {
                        "port"
                    } else {
                        "bind"
                    };
                    serverlog!(
                        Warning,
                        "Failed applying new configuration. Possibly related to new {argument} setting. Restoring previous settings."
                    );
                    let restored = {
                        let mut master = crate::config::master()
                            .lock()
                            .unwrap_or_else(|poisoned| poisoned.into_inner());
                        let mut restored = (*previous).clone();
                        // Newer than anything installed so far, so no shard keeps `next`.
                        restored.generation = master.generation + 1;
                        let restored = std::sync::Arc::new(restored);
                        *master = restored.clone();
                        restored
                    };
                    let _ = self.reconfigure_all(&restored).await;
                    let reason = if argument == "port" {
                        "Unable to listen on this port. Check server logs."
                    } else {
                        "Failed to bind to specified addresses."
                    };
                    self.scratch.error(&format!(
                        "ERR CONFIG SET failed (possibly related to argument '{argument}') - {reason}"
                    ));
                }
                Err(()) => self.scratch.error(SHARD_GONE),
            }
        }
        self.push_scratch();
    }

    /// Sends `config` to every shard and waits until all have run it: whether every shard
    /// could (a shard that cannot listen on a new port/address keeps its old configuration).
    pub(super) async fn reconfigure_all(
        &mut self,
        config: &std::sync::Arc<crate::config::Config>,
    ) -> Result<bool, ()> {
        let config = config.clone();
        let mut all_done = true;
        for done in self
            .ctx
            .on_each(0..self.ctx.nshards, 0, move |s, _| {
                s.reconfigure(config.clone())
            })
            .await
        {
            all_done &= done.map_err(|_| ())?;
        }
        Ok(all_done)
    }

    /// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]: the requests before it run first; then
    /// the process exits, or the reply says why it could not.
    pub(super) async fn shutdown(&mut self, args: &[Bytes]) {
        let flags: Vec<&[u8]> = args[1..].iter().map(|a| &a[..]).collect();
        match crate::shutdown::parse(&flags) {
            Err(e) => self.scratch.error(e),
            Ok(None) => self.scratch.error("ERR No shutdown in progress."),
            Ok(Some(request)) => {
                self.flush_round().await;
                crate::shutdown::shutdown(&self.ctx, request).await;
                self.scratch.error(crate::shutdown::SHUTDOWN_FAILED);
            }
        }
        self.push_scratch();
    }

    /// SAVE: a snapshot now; the reply waits until it is on disk.
    pub(super) async fn save(&mut self) {
        use crate::persistence::snapshot;
        match snapshot::start(&self.ctx).await {
            Ok(done) => {
                crate::persistence::status::status().saves += 1;
                if snapshot::finish(&self.ctx, done, false).await {
                    self.scratch.simple("OK");
                } else {
                    self.scratch.error("ERR");
                }
            }
            Err(snapshot::Busy::Saving) => self
                .scratch
                .error("ERR Background save already in progress"),
            Err(snapshot::Busy::Rewriting) => self
                .scratch
                .error("ERR Background append only file rewriting in progress"),
        }
    }

    /// BGSAVE [SCHEDULE]: a snapshot written while the server keeps serving.
    pub(super) async fn bgsave(&mut self, args: &[Bytes]) {
        use crate::persistence::{snapshot, status};
        let schedule = match args.get(1) {
            None => false,
            Some(a) if a.eq_ignore_ascii_case(b"schedule") && args.len() == 2 => true,
            Some(_) => return self.scratch.error(errors::SYNTAX),
        };
        if self.in_exec {
            // Inside EXEC Redis never starts a save: it schedules one.
            let mut s = status::status();
            if s.save_in_progress {
                drop(s);
                return self
                    .scratch
                    .error("ERR Background save already in progress");
            }
            s.bgsave_scheduled = true;
            drop(s);
            return self.scratch.simple("Background saving scheduled");
        }
        match snapshot::start(&self.ctx).await {
            Ok(done) => {
                serverlog!(Notice, "Background saving started");
                let ctx = self.ctx.clone();
                glommio::spawn_local(async move {
                    snapshot::finish(&ctx, done, true).await;
                })
                .detach();
                self.scratch.simple("Background saving started");
            }
            Err(snapshot::Busy::Saving) => {
                self.scratch.error("ERR Background save already in progress")
            }
            Err(snapshot::Busy::Rewriting) if schedule => {
                status::status().bgsave_scheduled = true;
                self.scratch.simple("Background saving scheduled");
            }
            Err(snapshot::Busy::Rewriting) => self.scratch.error(
                "ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.",
            ),
        }
    }

    /// BGREWRITEAOF: the append-only files rewritten while the server keeps serving.
    pub(super) async fn bgrewriteaof(&mut self) {
        use crate::persistence::aof::{self, RewriteStart};
        if self.in_exec {
            // Inside EXEC Redis never starts a rewrite: it schedules one.
            let mut s = crate::persistence::status::status();
            if s.aof_rewrite_started.is_some() {
                drop(s);
                return self
                    .scratch
                    .error("ERR Background append only file rewriting already in progress");
            }
            s.aof_rewrite_scheduled = true;
            drop(s);
            return self
                .scratch
                .simple("Background append only file rewriting scheduled");
        }
        match aof::start_rewrite(&self.ctx).await {
            RewriteStart::Started => self
                .scratch
                .simple("Background append only file rewriting started"),
            RewriteStart::Scheduled => self
                .scratch
                .simple("Background append only file rewriting scheduled"),
            RewriteStart::AlreadyRunning => self
                .scratch
                .error("ERR Background append only file rewriting already in progress"),
            RewriteStart::Failed => self
                .scratch
                .error("ERR Can't execute an AOF background rewriting. Please check the server logs for more information."),
        }
    }
}

/// SLOWLOG HELP, as Redis 7.0 words it.
pub(super) const SLOWLOG_HELP: &[&str] = &[
    "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "GET [<count>]",
    "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
    "    Entries are made of:",
    "    id, timestamp, time in microseconds, arguments array, client IP and port,",
    "    client name",
    "LEN",
    "    Return the length of the slowlog.",
    "RESET",
    "    Reset the slowlog.",
    "HELP",
    "    Prints this help.",
];

/// SLOWLOG GET's reply: per entry its id, time, duration, arguments, client address and name.
pub(super) fn write_slowlog(out: &mut Reply, entries: &[SlowEntry]) {
    out.array(entries.len());
    for e in entries {
        out.array(6);
        out.int(e.id as i64);
        out.int(e.time);
        out.int(e.usec as i64);
        out.array(e.args.len());
        for a in &e.args {
            out.bulk(a);
        }
        out.bulk(e.addr.to_string().as_bytes());
        out.bulk(&e.name);
    }
}

/// CONFIG's subcommands. GET, HELP and REWRITE are answered here; a valid SET returns the
/// configuration to install on every shard (the caller replies +OK once they all run it),
/// which is already the process-wide master copy, with the one it replaced. `is_local`: the client connected over
/// loopback (`enable-protected-configs local`).
pub(super) fn config_command(
    r: &mut Reply,
    cmd: &Command,
    args: &[Bytes],
    config: &crate::config::Config,
    is_local: bool,
) -> Option<ConfigChange> {
    let Some(sub) = command_meta::find_sub(cmd.meta, &args[1]) else {
        r.error_bytes(&unknown_subcommand(args));
        return None;
    };
    if !command_table::arity_ok(sub.arity, args.len()) {
        r.error(&format!(
            "ERR wrong number of arguments for '{}' command",
            sub.fullname
        ));
        return None;
    }
    match sub.name {
        "get" => {
            let patterns: Vec<&[u8]> = args[2..].iter().map(|a| &a[..]).collect();
            let found = crate::config::matching(config, &patterns);
            r.map(found.len());
            for (name, value) in found {
                r.bulk(name.as_bytes());
                r.bulk(value.as_bytes());
            }
        }
        "set" => {
            if !args.len().is_multiple_of(2) {
                r.error(errors::SYNTAX);
                return None;
            }
            let text = |b: &Bytes| String::from_utf8_lossy(b).into_owned();
            let pairs: Vec<(String, String)> = args[2..]
                .chunks(2)
                .map(|p| (text(&p[0]), text(&p[1])))
                .collect();
            let mut master = crate::config::master()
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            match crate::config::set_many(&master, &pairs, is_local) {
                Ok(next) => {
                    let next = std::sync::Arc::new(next);
                    let previous = std::mem::replace(&mut *master, next.clone());
                    return Some((previous, next));
                }
                Err(e) => r.error(&e.text()),
            }
        }
        "rewrite" => {
            let master = crate::config::master()
                .lock()
                .map(|m| m.clone())
                .unwrap_or_else(|poisoned| poisoned.into_inner().clone());
            let Some(path) = master.config_file.as_deref() else {
                r.error("ERR The server is running without a config file");
                return None;
            };
            match crate::config::rewrite::rewrite(&master, path) {
                Ok(()) => {
                    crate::serverlog!(Warning, "CONFIG REWRITE executed with success.");
                    r.ok();
                }
                Err(e) => {
                    crate::serverlog!(Warning, "CONFIG REWRITE failed: {e}");
                    r.error(&format!("ERR Rewriting config file: {e}"));
                }
            }
        }
        "help" => {
            const HELP: &[&str] = &[
                "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GET <pattern>",
                "    Return parameters matching the glob-like <pattern> and their values.",
                "SET <directive> <value>",
                "    Set the configuration <directive> to <value>.",
                "RESETSTAT",
                "    Reset statistics reported by the INFO command.",
                "REWRITE",
                "    Rewrite the configuration file.",
                "HELP",
                "    Prints this help.",
            ];
            r.array(HELP.len());
            for line in HELP {
                r.simple(line);
            }
        }
        _ => r.error_bytes(&unknown_subcommand(args)),
    }
    None
}

/// COMMAND and its subcommands, from the command table.
pub(super) fn command_command(r: &mut Reply, cmd: &Command, args: &[Bytes]) {
    let table = command_table::table();
    let mut all: Vec<&Command> = table.values().collect();
    all.sort_by_key(|c| c.meta.name);
    if args.len() == 1 {
        r.array(all.len());
        for c in all {
            command_meta::write_info(r, c.meta);
        }
        return;
    }
    let sub_name = String::from_utf8_lossy(&args[1]).to_ascii_lowercase();
    let Some(sub) = command_meta::find_sub(cmd.meta, sub_name.as_bytes()) else {
        return r.error_bytes(&unknown_subcommand(args));
    };
    if !command_table::arity_ok(sub.arity, args.len()) {
        return r.error(&format!(
            "ERR wrong number of arguments for '{}' command",
            sub.fullname
        ));
    }
    let find = command_meta::find;
    match sub.name {
        "count" => r.int(all.len() as i64),
        "list" => {
            let mut filter: Option<(Vec<u8>, Vec<u8>)> = None;
            let mut i = 2;
            while i < args.len() {
                let known = [&b"module"[..], b"aclcat", b"pattern"];
                if args[i].eq_ignore_ascii_case(b"FILTERBY")
                    && args.len() - 1 - i == 2
                    && known.iter().any(|k| args[i + 1].eq_ignore_ascii_case(k))
                {
                    filter = Some((args[i + 1].to_ascii_lowercase(), args[i + 2].to_vec()));
                    i += 3;
                } else {
                    return r.error(errors::SYNTAX);
                }
            }
            let mut names: Vec<&'static str> = Vec::new();
            for c in &all {
                names.push(c.meta.fullname);
                names.extend(c.meta.subcommands.iter().map(|s| s.fullname));
            }
            let metas = all
                .iter()
                .flat_map(|c| std::iter::once(c.meta).chain(c.meta.subcommands.iter()));
            let selected: Vec<&str> = match &filter {
                None => names,
                Some((kind, arg)) => metas
                    .filter(|m| match kind.as_slice() {
                        b"pattern" => shards::glob::glob_match(arg, m.fullname.as_bytes(), true),
                        b"aclcat" => m.acl_categories.iter().any(|cat| {
                            cat.trim_start_matches('@')
                                .as_bytes()
                                .eq_ignore_ascii_case(arg)
                        }),
                        _ => false,
                    })
                    .map(|m| m.fullname)
                    .collect(),
            };
            r.array(selected.len());
            for name in selected {
                r.bulk(name.as_bytes());
            }
        }
        "info" => {
            if args.len() == 2 {
                r.array(all.len());
                for c in all {
                    command_meta::write_info(r, c.meta);
                }
            } else {
                r.array(args.len() - 2);
                for name in &args[2..] {
                    match find(name) {
                        Some(meta) => command_meta::write_info(r, meta),
                        None => r.null(),
                    }
                }
            }
        }
        "docs" => {
            let metas: Vec<&command_meta::CommandMeta> = if args.len() == 2 {
                all.iter().map(|c| c.meta).collect()
            } else {
                args[2..].iter().filter_map(|n| find(n)).collect()
            };
            r.map(metas.len());
            for meta in metas {
                r.bulk(meta.fullname.as_bytes());
                command_meta::write_docs(r, meta);
            }
        }
        "getkeys" => {
            let Some(target) = command_table::lookup(&args[2]) else {
                return r.error("ERR Invalid command specified");
            };
            let rest = &args[2..];
            if !command_table::arity_ok(target.meta.arity, rest.len()) {
                return r.error("ERR Invalid number of arguments specified for command");
            }
            // Keys found by their count argument too (EVAL, FCALL, ZUNIONSTORE...): such a
            // command with no key answers an empty array, as Redis's getkeys procedures.
            let keys = target.keys(rest);
            if keys.is_empty() {
                if target.meta.flags.contains(&"movablekeys") {
                    return r.array(0);
                }
                return r.error("ERR The command has no key arguments");
            }
            r.array(keys.len());
            for p in keys {
                r.bulk(&rest[p]);
            }
        }
        _ => r.error_bytes(&unknown_subcommand(args)),
    }
}

/// A CONFIG SET accepted: the configuration before it and the one to install.
pub(super) type ConfigChange = (
    std::sync::Arc<crate::config::Config>,
    std::sync::Arc<crate::config::Config>,
);
