//! Admission, Redis's `processCommand`: what a request must pass before it runs (a known
//! command, arity, authentication, memory, subscribed and monitor modes, loading, the disk
//! refusals), and how a refused request is answered and counted.

use super::*;

impl Conn {
    /// Counts an error reply for a request refused before it ran: in the error statistics,
    /// and as a rejected call of `stat` when the command is known. Inside MULTI it dooms the
    /// transaction; a refused EXEC discards it with Redis's EXECABORT wording.
    pub(super) async fn reject(&mut self, stat: Option<StatId>) {
        self.flag_transaction();
        let mut bytes = self.scratch.take();
        if stat.is_some_and(transaction::is_exec) {
            bytes = transaction::exec_refused(&bytes);
            self.discard_transaction().await;
        }
        {
            let mut stats = self.ctx.stats.borrow_mut();
            match stat {
                Some(id) => stats.record_rejected(id, &bytes),
                None => stats.record_error(&bytes),
            }
        }
        self.scratch.raw(&bytes);
        self.push_scratch();
    }

    /// Handles one request: replies to errors and connection commands, queues shard work.
    pub(super) async fn request(&mut self, args: Vec<Bytes>) {
        let cmd = match self.last_command {
            Some(last) if args[0].eq_ignore_ascii_case(last.meta.name.as_bytes()) => last,
            _ => {
                let Some(cmd) = command_table::lookup(&args[0]) else {
                    self.scratch.error_bytes(&unknown_command(&args));
                    return self.reject(None).await;
                };
                self.last_command = Some(cmd);
                cmd
            }
        };
        if !command_table::arity_ok(cmd.meta.arity, args.len()) || !pairs_ok(cmd, args.len()) {
            self.scratch.error(&format!(
                "ERR wrong number of arguments for '{}' command",
                cmd.meta.fullname
            ));
            return self.reject(Some(cmd.stat)).await;
        }
        // A subcommand is checked before it runs, as Redis's processCommand does: unknown
        // (for the commands the connection runs) or with the wrong number of arguments.
        let mut fullname = cmd.meta.fullname;
        let stat = match cmd.stat_of(&args) {
            Some((stat, sub)) => {
                fullname = sub.fullname;
                if !command_table::arity_ok(sub.arity, args.len()) {
                    self.scratch.error(&format!(
                        "ERR wrong number of arguments for '{}' command",
                        sub.fullname
                    ));
                    return self.reject(Some(stat)).await;
                }
                stat
            }
            None if matches!(cmd.exec, Exec::Conn(_)) => {
                self.scratch.error_bytes(&unknown_subcommand(&args));
                return self.reject(None).await;
            }
            None => cmd.stat,
        };
        if !self.authenticated && !cmd.no_auth && !self.ctx.config().requirepass.is_empty() {
            self.scratch.error(auth::NOAUTH);
            return self.reject(Some(stat)).await;
        }
        if self.refused_for_memory(cmd) {
            self.scratch.error(errors::OOM);
            return self.reject(Some(stat)).await;
        }
        if !self.resp3()
            && self.pubsub.as_ref().is_some_and(|s| s.is_subscribed())
            && !pubsub::allowed_in_subscribed_mode(cmd.meta.name)
        {
            self.scratch
                .error(&pubsub::refused_in_subscribed_mode(fullname));
            return self.reject(Some(stat)).await;
        }
        if self.monitor.is_some() && touches_keyspace(cmd) {
            self.scratch
                .error("ERR Replica can't interact with the keyspace");
            return self.reject(Some(stat)).await;
        }
        if crate::persistence::status::LOADING.load(std::sync::atomic::Ordering::Relaxed)
            && !cmd.meta.flags.contains(&"loading")
        {
            self.scratch
                .error(crate::persistence::status::LOADING_ERROR);
            return self.reject(Some(stat)).await;
        }
        if let Some(refusal) = crate::persistence::status::write_refusal() {
            if cmd.meta.flags.contains(&"write") || cmd.meta.name == "ping" || self.exec_writes(cmd)
            {
                self.scratch.error(&refusal);
                return self.reject(Some(stat)).await;
            }
        }
        self.info.last_cmd.set(cmd.meta.fullname);
        if self.multi.is_some() && transaction::is_queued(cmd) {
            return self.queue(cmd, stat, args).await;
        }
        self.execute_shown(cmd, stat, args).await;
    }
}

/// Commands a monitor may not run: Redis refuses keyspace commands from a replica, and a
/// monitor is flagged as one.
pub(super) fn touches_keyspace(cmd: &Command) -> bool {
    cmd.meta
        .flags
        .iter()
        .any(|f| matches!(*f, "readonly" | "write" | "may_replicate"))
}

/// MSET-like commands take key/value pairs: an odd count is an arity error, as in Redis.
pub(super) fn pairs_ok(cmd: &Command, argc: usize) -> bool {
    let m = cmd.meta;
    !(m.step == 2
        && m.last_key == -1
        && m.first_key > 0
        && !(argc - m.first_key as usize).is_multiple_of(2))
}

/// A client argument as C's `%s` prints it: up to the first NUL byte.
pub(super) fn c_str(arg: &[u8]) -> &[u8] {
    &arg[..arg.iter().position(|&b| b == 0).unwrap_or(arg.len())]
}

/// Redis's text for an unknown command, quoting its first arguments (C string semantics:
/// `%.128s` cuts at 128 bytes or a NUL).
pub(super) fn unknown_command(args: &[Bytes]) -> Vec<u8> {
    let mut quoted: Vec<u8> = Vec::new();
    for a in &args[1..] {
        if quoted.len() >= 128 {
            break;
        }
        let room = 128 - quoted.len();
        let arg = c_str(a);
        quoted.push(b'\'');
        quoted.extend_from_slice(&arg[..arg.len().min(room)]);
        quoted.extend_from_slice(b"' ");
    }
    let name = c_str(&args[0]);
    let mut text = b"ERR unknown command '".to_vec();
    text.extend_from_slice(&name[..name.len().min(128)]);
    text.extend_from_slice(b"', with args beginning with: ");
    text.extend_from_slice(&quoted);
    text
}

pub(super) fn unknown_subcommand(args: &[Bytes]) -> Vec<u8> {
    let sub = c_str(&args[1]);
    let mut text = b"ERR unknown subcommand '".to_vec();
    text.extend_from_slice(&sub[..sub.len().min(128)]);
    text.extend_from_slice(b"'. Try ");
    text.extend_from_slice(&c_str(&args[0]).to_ascii_uppercase());
    text.extend_from_slice(b" HELP.");
    text
}
