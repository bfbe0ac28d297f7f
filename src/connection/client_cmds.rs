//! The connection's own state and commands: CLIENT (LIST, KILL, SETNAME, ...), HELLO and
//! AUTH, and the feeds a connection drains into its replies (pub/sub messages, MONITOR
//! lines); PUBSUB's questions to every shard.

use super::*;

impl Conn {
    /// PUBSUB subcommands: every shard answers for its own connections' subscriptions.
    pub(super) async fn pubsub_command(&mut self, args: &[Bytes]) {
        let query = match pubsub::Query::parse(args) {
            Ok(query) => query,
            Err(e) => {
                self.scratch.error(&e);
                return self.push_scratch();
            }
        };
        let mut answers = Vec::new();
        if let Some(first) = query.job() {
            self.flush_round().await;
            let mut waiting = Vec::new();
            let mut job = Some(first);
            for shard in 0..self.ctx.nshards {
                let job = job.take().or_else(|| query.job());
                let Some(job) = job else { break };
                let ask = move |s: &ShardCtx, _| s.pubsub.borrow_mut().run(job);
                waiting.push(self.ctx.send(shard, self.tx, Touch::Nothing, ask).await);
            }
            for pending in waiting {
                match pending.answer().await {
                    Ok(answer) => answers.push(answer),
                    Err(ShardGone) => {
                        self.scratch.error(SHARD_GONE);
                        return self.push_scratch();
                    }
                }
            }
        }
        let resp3 = self.resp3();
        self.scratch.set_resp3(resp3);
        query.render(answers, &mut self.scratch);
        self.push_scratch();
    }

    /// Keeps the name the slow log shows in step with CLIENT SETNAME, HELLO and RESET.
    pub(super) fn refresh_origin_name(&mut self) {
        let name = self.info.name.borrow();
        if self.origin.name[..] != name[..] {
            self.origin.name = Bytes::copy_from_slice(&name);
        }
    }

    pub(super) fn hello(&mut self, args: &[Bytes]) {
        let r = &mut self.scratch;
        let mut version = None;
        if args.len() >= 2 {
            match parse_i64(&args[1]) {
                None => return r.error("ERR Protocol version is not an integer or out of range"),
                Some(v) if !(2..=3).contains(&v) => {
                    return r.error("NOPROTO unsupported protocol version")
                }
                Some(v) => version = Some(v as u8),
            }
        }
        let mut name = None;
        let mut j = 2;
        while j < args.len() {
            let more = args.len() - 1 - j;
            if args[j].eq_ignore_ascii_case(b"AUTH") && more >= 2 {
                // Redis 7.0 authenticates as it parses: a later bad option still leaves the
                // connection authenticated.
                let config = self.ctx.config();
                let required = &config.requirepass;
                if !auth::user_matches(&args[j + 1], &args[j + 2], required) {
                    return r.error(auth::WRONGPASS);
                }
                self.authenticated = true;
                j += 2;
            } else if args[j].eq_ignore_ascii_case(b"SETNAME") && more >= 1 {
                if let Err(e) = validate_client_name(&args[j + 1]) {
                    return r.error(e);
                }
                name = Some(args[j + 1].to_vec());
                j += 1;
            } else {
                return r.error(&format!(
                    "ERR Syntax error in HELLO option '{}'",
                    String::from_utf8_lossy(&args[j])
                ));
            }
            j += 1;
        }
        if !self.authenticated {
            return r.error(auth::HELLO_NOAUTH);
        }
        if let Some(name) = name {
            *self.info.name.borrow_mut() = name;
        }
        if let Some(v) = version {
            self.info.resp.set(v);
            self.out.set_resp3(v == 3);
            r.set_resp3(v == 3);
        }
        r.map(7);
        for (k, v) in [("server", "redis"), ("version", REDIS_VERSION)] {
            r.bulk(k.as_bytes());
            r.bulk(v.as_bytes());
        }
        r.bulk(b"proto");
        r.int(self.info.resp.get() as i64);
        r.bulk(b"id");
        r.int(self.info.id as i64);
        for (k, v) in [("mode", "standalone"), ("role", "master")] {
            r.bulk(k.as_bytes());
            r.bulk(v.as_bytes());
        }
        r.bulk(b"modules");
        r.array(0);
    }

    /// AUTH [username] password.
    pub(super) fn auth(&mut self, args: &[Bytes]) {
        let r = &mut self.scratch;
        if args.len() > 3 {
            return r.error(errors::SYNTAX);
        }
        let config = self.ctx.config();
        let required = &config.requirepass;
        let accepted = if args.len() == 2 {
            if required.is_empty() {
                return r.error(auth::NO_PASSWORD_SET);
            }
            auth::password_matches(&args[1], required)
        } else {
            auth::user_matches(&args[1], &args[2], required)
        };
        if accepted {
            self.authenticated = true;
            r.ok();
        } else {
            r.error(auth::WRONGPASS);
        }
    }

    /// Queues Pub/Sub messages (and those already waiting) for the next write.
    pub(super) fn take_messages(&mut self, first: Bytes) {
        let Some(sub) = self.pubsub.as_mut() else {
            return;
        };
        sub.take(&first, &mut self.out);
        self.take_pending_messages();
    }

    /// Queues the Pub/Sub messages already delivered to this connection.
    pub(super) fn take_pending_messages(&mut self) {
        let Some(sub) = self.pubsub.as_mut() else {
            return;
        };
        while let Ok(message) = sub.messages.try_recv() {
            sub.take(&message, &mut self.out);
        }
    }

    /// Queues monitor lines (and those already waiting) for the next write.
    pub(super) fn take_monitor_lines(&mut self, first: Bytes) {
        let Some(m) = self.monitor.as_mut() else {
            return;
        };
        self.monitor_queued += first.len();
        self.out.raw(&first);
        while let Ok(batch) = m.lines.try_recv() {
            self.monitor_queued += batch.len();
            self.out.raw(&batch);
        }
    }

    pub(super) fn client(&mut self, cmd: &Command, args: &[Bytes]) {
        let sub_name = String::from_utf8_lossy(&args[1]).to_ascii_lowercase();
        let Some(sub) = command_meta::find_sub(cmd.meta, sub_name.as_bytes()) else {
            self.scratch.error_bytes(&unknown_subcommand(args));
            return self.push_scratch();
        };
        if !command_table::arity_ok(sub.arity, args.len()) {
            self.scratch.error(&format!(
                "ERR wrong number of arguments for '{}' command",
                sub.fullname
            ));
            return self.push_scratch();
        }
        self.info.last_cmd.set(sub.fullname);
        let resp3 = self.resp3();
        let r = &mut self.scratch;
        match sub.name {
            "help" => {
                r.array(CLIENT_HELP.len());
                for line in CLIENT_HELP {
                    r.simple(line);
                }
            }
            "id" => r.int(self.info.id as i64),
            "getname" => {
                let name = self.info.name.borrow();
                if name.is_empty() {
                    r.null();
                } else {
                    r.bulk(&name);
                }
            }
            "setname" => match validate_client_name(&args[2]) {
                Err(e) => r.error(e),
                Ok(()) => {
                    *self.info.name.borrow_mut() = args[2].to_vec();
                    r.ok();
                }
            },
            "info" => {
                let line = self.info.line() + "\n";
                r.verbatim(line.as_bytes());
            }
            "list" => {
                let mut filter = ClientFilter::default();
                if args.len() == 4 && args[2].eq_ignore_ascii_case(b"TYPE") {
                    let kind = String::from_utf8_lossy(&args[3]).to_ascii_lowercase();
                    if !matches!(
                        kind.as_str(),
                        "normal" | "master" | "replica" | "slave" | "pubsub"
                    ) {
                        r.error(&format!(
                            "ERR Unknown client type '{}'",
                            String::from_utf8_lossy(&args[3])
                        ));
                        return self.push_scratch();
                    }
                    filter.kind = Some(kind);
                } else if args.len() > 3 && args[2].eq_ignore_ascii_case(b"ID") {
                    let mut ids = Vec::with_capacity(args.len() - 3);
                    for a in &args[3..] {
                        match parse_i64(a) {
                            Some(id) => ids.push(id),
                            None => {
                                r.error("ERR Invalid client ID");
                                return self.push_scratch();
                            }
                        }
                    }
                    filter.ids = Some(ids);
                } else if args.len() != 2 {
                    r.error(errors::SYNTAX);
                    return self.push_scratch();
                }
                let parts = (0..self.ctx.nshards)
                    .map(|s| {
                        let filter = filter.clone();
                        self.round
                            .push_call(s, move |s, _| s.clients.borrow().list(&filter))
                    })
                    .collect();
                self.round.slots.push(Slot::ClientList { parts, resp3 });
                return;
            }
            "kill" => {
                let (filter, old_style) = match parse_kill_filter(args, self.info.id) {
                    Ok(f) => f,
                    Err(e) => {
                        r.error(&e);
                        return self.push_scratch();
                    }
                };
                let parts = (0..self.ctx.nshards)
                    .map(|s| {
                        let filter = filter.clone();
                        self.round
                            .push_call(s, move |s, _| s.clients.borrow().kill(&filter))
                    })
                    .collect();
                self.round.slots.push(Slot::ClientKill { parts, old_style });
                return;
            }
            _ => r.error_bytes(&unknown_subcommand(args)),
        }
        self.push_scratch();
    }
}

/// CLIENT KILL addr when no client has that address.
pub(super) const NO_SUCH_CLIENT: &str = "ERR No such client";

/// CLIENT HELP, as Redis 7.0 prints it.
pub(super) const CLIENT_HELP: &[&str] = &[
    "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CACHING (YES|NO)",
    "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
    "GETREDIR",
    "    Return the client ID we are redirecting to when tracking is enabled.",
    "GETNAME",
    "    Return the name of the current connection.",
    "ID",
    "    Return the ID of the current connection.",
    "INFO",
    "    Return information about the current client connection.",
    "KILL <ip:port>",
    "    Kill connection made from <ip:port>.",
    "KILL <option> <value> [<option> <value> [...]]",
    "    Kill connections. Options are:",
    "    * ADDR (<ip:port>|<unixsocket>:0)",
    "      Kill connections made from the specified address",
    "    * LADDR (<ip:port>|<unixsocket>:0)",
    "      Kill connections made to specified local address",
    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
    "      Kill connections by type.",
    "    * USER <username>",
    "      Kill connections authenticated by <username>.",
    "    * SKIPME (YES|NO)",
    "      Skip killing current connection (default: yes).",
    "LIST [options ...]",
    "    Return information about client connections. Options:",
    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
    "      Return clients of specified type.",
    "UNPAUSE",
    "    Stop the current client pause, resuming traffic.",
    "PAUSE <timeout> [WRITE|ALL]",
    "    Suspend all, or just write, clients for <timeout> milliseconds.",
    "REPLY (ON|OFF|SKIP)",
    "    Control the replies sent to the current connection.",
    "SETNAME <name>",
    "    Assign the name <name> to the current connection.",
    "UNBLOCK <clientid> [TIMEOUT|ERROR]",
    "    Unblock the specified blocked client.",
    "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
    "         [OPTIN] [OPTOUT] [NOLOOP]",
    "    Control server assisted client side caching.",
    "TRACKINGINFO",
    "    Report tracking status for the current connection.",
    "NO-EVICT (ON|OFF)",
    "    Protect current client connection from eviction.",
    "HELP",
    "    Prints this help.",
];

pub(super) fn parse_kill_filter(
    args: &[Bytes],
    own_id: u64,
) -> Result<(ClientFilter, bool), String> {
    let mut filter = ClientFilter::default();
    if args.len() == 3 {
        filter.addr = Some(String::from_utf8_lossy(&args[2]).into_owned());
        return Ok((filter, true));
    }
    let mut skip_me = true;
    let mut i = 2;
    while i < args.len() {
        if i + 1 >= args.len() {
            return Err(errors::SYNTAX.into());
        }
        let (opt, val) = (&args[i], &args[i + 1]);
        let text = String::from_utf8_lossy(val).into_owned();
        if opt.eq_ignore_ascii_case(b"ID") {
            match parse_i64(val) {
                Some(id) if id >= 1 => filter.ids = Some(vec![id]),
                _ => return Err("ERR client-id should be greater than 0".into()),
            }
        } else if opt.eq_ignore_ascii_case(b"TYPE") {
            let kind = text.to_ascii_lowercase();
            if !matches!(
                kind.as_str(),
                "normal" | "master" | "replica" | "slave" | "pubsub"
            ) {
                return Err(format!("ERR Unknown client type '{text}'"));
            }
            filter.kind = Some(kind);
        } else if opt.eq_ignore_ascii_case(b"ADDR") {
            filter.addr = Some(text);
        } else if opt.eq_ignore_ascii_case(b"LADDR") {
            filter.laddr = Some(text);
        } else if opt.eq_ignore_ascii_case(b"USER") {
            if text != "default" {
                return Err(format!("ERR No such user '{text}'"));
            }
            filter.user = Some(text);
        } else if opt.eq_ignore_ascii_case(b"SKIPME") {
            if val.eq_ignore_ascii_case(b"yes") {
                skip_me = true;
            } else if val.eq_ignore_ascii_case(b"no") {
                skip_me = false;
            } else {
                return Err(errors::SYNTAX.into());
            }
        } else {
            return Err(errors::SYNTAX.into());
        }
        i += 2;
    }
    if skip_me {
        filter.skip_id = Some(own_id);
    }
    Ok((filter, false))
}
