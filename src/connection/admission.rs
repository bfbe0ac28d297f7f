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

#[cfg(test)]
mod tests {
    //! Admission on one shard without a socket (`test_shards`); the expected bytes are what
    //! redis-server 7.0 sends for the same requests.

    use crate::config::Config;
    use crate::connection::Conn;
    use crate::test_shards::run_shards;

    #[test]
    fn a_password_keeps_out_everything_but_auth_until_it_is_given() {
        let mut config = Config::default();
        config.requirepass = "pw".to_string();
        let out = run_shards(config, &[], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            conn.exchange(&[
                &["GET", "k"],
                &["AUTH", "nope"],
                &["AUTH", "pw"],
                &["GET", "k"],
            ])
            .await
        });
        let expected = "-NOAUTH Authentication required.\r\n\
            -WRONGPASS invalid username-password pair or user is disabled.\r\n\
            +OK\r\n$-1\r\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn unknown_commands_and_wrong_arities_are_refused_as_redis_words_them() {
        let (out, stats) = run_shards(Config::default(), &[], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            let out = conn
                .exchange(&[
                    &["FOO", "a", "b"],
                    &["GET"],
                    &["CONFIG", "FOO"],
                    &["CONFIG", "GET"],
                    &["SET", "k", "v"],
                ])
                .await;
            let stats = conn.exchange(&[&["INFO", "commandstats"]]).await;
            (out, stats)
        });
        let expected = "-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n\
            -ERR wrong number of arguments for 'get' command\r\n\
            -ERR unknown subcommand 'FOO'. Try CONFIG HELP.\r\n\
            -ERR wrong number of arguments for 'config|get' command\r\n\
            +OK\r\n";
        assert_eq!(out, expected);
        // A refused call is counted as rejected, not run.
        assert!(
            stats.contains(
                "cmdstat_get:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0"
            ),
            "{stats}"
        );
        assert!(
            stats.contains("cmdstat_config|get:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1"),
            "{stats}"
        );
    }

    #[test]
    fn an_error_while_queueing_dooms_the_transaction() {
        let out = run_shards(Config::default(), &[], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            let queued = conn
                .exchange(&[&["MULTI"], &["SET", "a", "1"], &["GETX"], &["EXEC"]])
                .await;
            let after = conn.exchange(&[&["GET", "a"]]).await;
            (queued, after)
        });
        let expected = "+OK\r\n+QUEUED\r\n\
            -ERR unknown command 'GETX', with args beginning with: \r\n\
            -EXECABORT Transaction discarded because of previous errors.\r\n";
        assert_eq!(out.0, expected);
        assert_eq!(out.1, "$-1\r\n", "nothing of the transaction ran");
    }

    #[test]
    fn a_subscribed_client_may_only_subscribe_ping_quit_and_reset() {
        let out = run_shards(Config::default(), &[], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            conn.exchange(&[&["SUBSCRIBE", "ch"], &["GET", "k"], &["PING"]])
                .await
        });
        let expected = "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n\
            -ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n\
            *2\r\n$4\r\npong\r\n$0\r\n\r\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn over_maxmemory_writes_are_refused_and_reads_served() {
        let mut config = Config::default();
        config.maxmemory = 1;
        let out = run_shards(config, &[], |ctx, _| async move {
            let mut conn = Conn::for_test(ctx, 1);
            conn.exchange(&[
                &["SET", "k", "v"],
                &["GET", "k"],
                &["MULTI"],
                &["SET", "k", "v"],
            ])
            .await
        });
        let oom = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";
        assert_eq!(out, format!("{oom}$-1\r\n+OK\r\n{oom}"));
    }
}
