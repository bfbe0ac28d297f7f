//! One client connection: read, parse every complete request in the buffer, route each to the
//! shard that owns its keys, and write all replies back in request order with one write.
//!
//! Pipelining is where a thread-per-core server wins or loses, so a read's requests are run as
//! a *round*: jobs are grouped per owning shard and sent as one message per shard; work on the
//! connection's own shard runs in place. Per-key order is kept because a key has exactly one
//! shard and each shard runs its part of the round in request order. A command that must move
//! values between shards (RENAME across shards) ends the round first, so it sees everything
//! before it and nothing after it.

use crate::blocking::Waiter;
use crate::clients::{next_client_id, validate_client_name, ClientFilter, ClientInfo, ClientSlot};
use crate::command_table::{self, Command, ConnCommand, Exec, Merge, Move};
use crate::hop::{self, Call, ShardGone, Touch};
use crate::locks::{next_tx, TxId};
use crate::protocol::{ProtocolError, RequestParser};
use crate::reactor::Socket;
use crate::server::{Job, Outcome, ShardCtx};
use crate::serverlog;
use crate::stats::{Origin, SlowEntry, Snapshot, StatId, Tally};
use crate::{auth, command_meta, monitor, pubsub, reply_parse, REDIS_VERSION};
use bytes::{Bytes, BytesMut};
use shards::reply::Reply;
use shards::slot::key_shard;
use shards::util::{parse_i64, Rng};
use shards::{errors, Handler};
use std::net::TcpStream;
use std::os::fd::AsRawFd;
use std::rc::Rc;

mod across;
mod output;
mod query_limit;
mod transaction;

const READ_CHUNK: usize = 16 * 1024;
/// Largest output buffer a connection keeps between writes.
const OUT_KEEP: usize = 1024 * 1024;
/// Replies up to this size wait in the socket's outbox for the end of the pass; larger ones
/// are written at once (no copy).
const QUEUED_REPLY_MAX: usize = 16 * 1024;

/// Serves one accepted connection until the client leaves, QUITs, is killed, or sends
/// malformed input. `slot` is its place under `maxclients`, freed when it ends.
pub async fn serve(ctx: Rc<ShardCtx>, stream: TcpStream, slot: ClientSlot) {
    let _slot = slot;
    let _ = stream.set_nodelay(true);
    let fd = stream.as_raw_fd();
    let (Ok(addr), Ok(laddr)) = (stream.peer_addr(), stream.local_addr()) else {
        return;
    };
    let config = ctx.config();
    set_keepalive(&stream, config.tcp_keepalive);
    if refused_by_protected_mode(&config, &addr) {
        // A fresh socket's send buffer is empty: the error goes out at once, without blocking
        // the shard; dropping the stream closes it.
        let mut stream = stream;
        let _ = stream.set_nonblocking(true);
        let _ = std::io::Write::write_all(&mut stream, PROTECTED_MODE_DENIED);
        return;
    }
    let info = Rc::new(ClientInfo::new(
        next_client_id(),
        addr,
        laddr,
        fd,
        shards::util::now_ms(),
    ));
    let Ok(socket) = Socket::new(stream, &ctx.reactor) else {
        return;
    };
    ctx.clients.borrow_mut().add(info.clone());
    ctx.stats.borrow_mut().counters.connections_received += 1;
    let id = info.id;
    let mut conn = Conn {
        origin: Origin {
            addr,
            name: Bytes::new(),
        },
        last_scratch: Bytes::new(),
        rng: Rng::new(id.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
        ctx: ctx.clone(),
        info,
        out: Reply::new(false),
        spilled: output::Spilled::default(),
        scratch: Reply::new(false),
        round: Round::new(ctx.nshards),
        db: 0,
        quit: false,
        blocked: None,
        now: 0,
        tx: 0,
        // Redis: a client is born authenticated when the default user needs no password.
        authenticated: ctx.config().requirepass.is_empty(),
        monitor: None,
        monitor_feed: Vec::new(),
        monitor_queued: 0,
        pubsub: None,
        multi: None,
        watched: Vec::new(),
        in_exec: false,
        last_command: None,
    };
    conn.run(socket).await;
    conn.unwatch_all().await;
    if let Some(sub) = conn.pubsub.as_mut() {
        sub.leave_all(&mut ctx.pubsub.borrow_mut());
    }
    ctx.clients.borrow_mut().remove(id);
}

/// What Redis 7.0 writes to a client it refuses in protected mode, before closing.
const PROTECTED_MODE_DENIED: &[u8] = b"-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. 3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. 4) Setup a an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n";

/// TCP keepalive as Redis sets it (`anetKeepAlive`): the first probe after `seconds` idle,
/// then one every `seconds / 3`, and the connection is dropped after 3 unanswered probes.
fn set_keepalive(stream: &TcpStream, seconds: u64) {
    if seconds == 0 {
        return;
    }
    let params = socket2::TcpKeepalive::new()
        .with_time(std::time::Duration::from_secs(seconds))
        .with_interval(std::time::Duration::from_secs((seconds / 3).max(1)))
        .with_retries(3);
    let _ = socket2::SockRef::from(stream).set_tcp_keepalive(&params);
}

/// Protected mode (Redis 7.0's rule): with `protected-mode yes` and no password, only
/// clients on the loopback interface are served.
fn refused_by_protected_mode(config: &crate::config::Config, peer: &std::net::SocketAddr) -> bool {
    config.protected_mode && config.requirepass.is_empty() && !is_loopback(peer.ip())
}

/// A loopback address, IPv4-mapped IPv6 ones included (a dual-stack socket sees 127.0.0.1
/// as ::ffff:127.0.0.1).
fn is_loopback(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => v4.is_loopback(),
        std::net::IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map_or(v6.is_loopback(), |v4| v4.is_loopback()),
    }
}

/// Where a request's reply will come from once the round has run.
enum Slot {
    /// Already encoded.
    Ready(Bytes),
    /// The outcome of one job.
    One { shard: usize, idx: usize },
    /// Replies of several jobs merged; for KeyOrder, `order` names each key's part. A merged
    /// error counts as a failure of command `stat`.
    Merged {
        parts: Vec<(usize, usize)>,
        merge: Merge,
        order: Vec<usize>,
        stat: StatId,
    },
    /// RANDOMKEY: one of the shards' answers.
    Random {
        parts: Vec<(usize, usize)>,
        resp3: bool,
    },
    /// CLIENT LIST / CLIENT INFO lines from every shard.
    ClientList {
        parts: Vec<(usize, usize)>,
        resp3: bool,
    },
    /// CLIENT KILL counts from every shard (`old_style`: +OK / no such client).
    ClientKill {
        parts: Vec<(usize, usize)>,
        old_style: bool,
    },
    /// INFO: every shard's statistics, added up and rendered; INFO itself is counted once
    /// rendered (as Redis counts a command after it ran, INFO does not see its own call).
    Info {
        parts: Vec<(usize, usize)>,
        sections: crate::info::Sections,
        resp3: bool,
        args: Vec<Bytes>,
        started: crate::stats::Stamp,
        stat: StatId,
    },
    /// Every shard acknowledged (CONFIG RESETSTAT, SLOWLOG RESET): `+OK`; the command is
    /// counted then, so RESETSTAT counts itself and SLOWLOG RESET logs itself, as in Redis.
    Ack {
        parts: Vec<(usize, usize)>,
        then: Deferred,
    },
    /// SLOWLOG GET: every shard's newest entries, merged newest first.
    SlowlogGet {
        parts: Vec<(usize, usize)>,
        count: usize,
        then: Deferred,
    },
    /// SLOWLOG LEN: the shards' lengths added up (at most slowlog-max-len).
    SlowlogLen {
        parts: Vec<(usize, usize)>,
        then: Deferred,
    },
}

/// A connection command counted when its reply is assembled rather than when it is queued.
struct Deferred {
    stat: StatId,
    args: Vec<Bytes>,
    started: crate::stats::Stamp,
}

/// The jobs and reply slots of the requests gathered so far.
struct Round {
    jobs: Vec<Vec<Job>>,
    slots: Vec<Slot>,
}

impl Round {
    fn new(nshards: usize) -> Self {
        Round {
            jobs: (0..nshards).map(|_| Vec::new()).collect(),
            slots: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn push_job(&mut self, shard: usize, job: Job) -> (usize, usize) {
        self.jobs[shard].push(job);
        (shard, self.jobs[shard].len() - 1)
    }

    /// Queues a typed call (`hop`) on `shard` in this round; its answer is read back with
    /// `hop::answer` from the slot's part.
    fn push_call<T: Send + 'static>(
        &mut self,
        shard: usize,
        f: impl FnOnce(&ShardCtx, i64) -> T + Send + 'static,
    ) -> (usize, usize) {
        self.push_job(shard, Job::Call(Call::new(Touch::Nothing, f)))
    }
}

struct Conn {
    ctx: Rc<ShardCtx>,
    info: Rc<ClientInfo>,
    /// The client as the slow log shows it, sent along with its commands.
    origin: Origin,
    /// The last error reply a connection command pushed (its code feeds INFO errorstats).
    last_scratch: Bytes,
    /// Replies ready to be written.
    out: Reply,
    /// Output set aside in blocks, written before `out` (see `output.rs`).
    spilled: output::Spilled,
    /// Replies of connection commands, before they go to `out` or a slot.
    scratch: Reply,
    round: Round,
    db: usize,
    quit: bool,
    rng: Rng,
    /// Set while the client is blocked in BLPOP & co.
    blocked: Option<Blocked>,
    /// The clock, read once per batch of requests: commands that run in place use it, as
    /// shards do for the batches they are sent (Redis reads it once per command; a batch
    /// takes microseconds).
    now: i64,
    /// Passed AUTH (or born when no password was required).
    authenticated: bool,
    /// Set in MONITOR mode: the feed of every client's commands.
    monitor: Option<monitor::Subscription>,
    /// Monitor lines of this round's commands, published once per round.
    monitor_feed: Vec<u8>,
    /// Bytes of monitor lines in `out`, released from the monitor's budget once written.
    monitor_queued: usize,
    /// Pub/Sub state, from the first (P|S)SUBSCRIBE on.
    pubsub: Option<pubsub::Subscriber>,
    /// The cross-shard transaction this connection is running (0: none); its batches carry
    /// it, so they may touch the keys it locked.
    tx: TxId,
    /// Between MULTI and EXEC/DISCARD: the queued commands.
    multi: Option<transaction::Multi>,
    /// The keys this client WATCHes.
    watched: Vec<transaction::WatchedKey>,
    /// EXEC is running its commands: blocking commands answer at once.
    in_exec: bool,
    /// The command of the last request: clients mostly repeat theirs, and comparing a name
    /// with it costs less than a table lookup.
    last_command: Option<&'static Command>,
}

enum Wake {
    Read(std::io::Result<usize>),
    Killed,
    Woken,
    TimedOut,
    /// Monitor lines arrived (`None`: the feed ended).
    MonitorLines(Option<Bytes>),
    /// This monitor went over its budget and is disconnected.
    MonitorOverflow,
    /// A Pub/Sub message arrived (`None`: the feed ended).
    Message(Option<Bytes>),
    /// This subscriber went over its output limit and is disconnected.
    PubsubOverflow,
}

/// A client blocked in BLPOP & co.: the command to run again when woken, and until when.
struct Blocked {
    handler: Handler,
    stat: StatId,
    args: Vec<Bytes>,
    keys: Vec<usize>,
    want: &'static str,
    /// What the command replies when the wait times out (its empty-handed reply).
    timeout_reply: Bytes,
    deadline: Option<std::time::Instant>,
    wake_tx: futures_channel::mpsc::UnboundedSender<()>,
    wake_rx: futures_channel::mpsc::UnboundedReceiver<()>,
}

/// The empty-handed replies of blocking commands: a null array or a null bulk string.
fn is_empty_handed(reply: &[u8]) -> bool {
    matches!(reply, b"*-1\r\n" | b"$-1\r\n" | b"_\r\n")
}

impl Conn {
    fn resp3(&self) -> bool {
        self.out.resp3()
    }

    /// Redis's `authRequired`: a password is set and this client has not authenticated.
    fn auth_required(&self) -> bool {
        !self.authenticated && !self.ctx.config().requirepass.is_empty()
    }

    async fn run(&mut self, mut stream: Socket) {
        let mut rbuf = BytesMut::with_capacity(READ_CHUNK);
        let mut parser = RequestParser::default();
        let mut chunk = vec![0u8; READ_CHUNK];
        // Parsed requests not run yet: a blocked client runs nothing until it is served.
        let mut pending = query_limit::Pending::default();
        let mut protocol_error: Option<ProtocolError> = None;
        // Complete requests may be left in `rbuf` (an unauthenticated client's are parsed one
        // at a time, so AUTH runs before the next one is judged).
        let mut more_input = false;
        loop {
            if self.blocked.is_none() {
                self.now = shards::util::now_ms();
                self.info.last_active_ms.set(self.now);
                loop {
                    while let Some(args) = pending.pop() {
                        if self.quit || self.info.killed.get() {
                            break;
                        }
                        self.request(args).await;
                        self.spill_if_large();
                        if self.blocked.is_some() {
                            break;
                        }
                        // A client that killed itself runs nothing after the kill, as in
                        // Redis: the kill takes effect before the next request.
                        if matches!(self.round.slots.last(), Some(Slot::ClientKill { .. })) {
                            self.flush_round().await;
                        }
                    }
                    if !more_input
                        || protocol_error.is_some()
                        || self.blocked.is_some()
                        || self.quit
                        || self.info.killed.get()
                    {
                        break;
                    }
                    (protocol_error, more_input) = query_limit::parse_into(
                        &mut parser,
                        &mut rbuf,
                        &mut pending,
                        self.ctx.proto_max_bulk_len(),
                        self.auth_required(),
                    );
                }
                self.flush_round().await;
                if !self.monitor_feed.is_empty() {
                    let lines = std::mem::take(&mut self.monitor_feed);
                    monitor::publish(Bytes::from(lines));
                }
                if self.blocked.is_none() && pending.is_empty() {
                    if let Some(error) = protocol_error.take() {
                        self.out.raw(&error.reply());
                        self.ctx.stats.borrow_mut().record_error(b"-ERR Protocol");
                        self.quit = true;
                    }
                }
            }
            if !self.out.is_empty() || !self.spilled.is_empty() {
                // Replies to writes leave once the writes are as durable as appendfsync says.
                if let Some(synced) = self.ctx.aof_flush(true) {
                    let _ = synced.await;
                }
                {
                    let mut stats = self.ctx.stats.borrow_mut();
                    stats.counters.net_output_bytes += (self.spilled.len() + self.out.len()) as u64;
                    stats.counters.writes_processed += 1;
                }
                let (spilled, out) = (&mut self.spilled, self.out.as_bytes());
                let plain = self.monitor.is_none() && self.pubsub.is_none();
                let written = if plain && spilled.is_empty() && out.len() <= QUEUED_REPLY_MAX {
                    // Sent with the pass's other replies, before the shard next polls.
                    stream.queue(out);
                    true
                } else {
                    let write = async {
                        spilled.write(&mut stream).await.is_ok()
                            && stream.write_all(out).await.is_ok()
                    };
                    match (self.monitor.as_mut(), self.pubsub.as_mut()) {
                        (None, None) => write.await,
                        // A monitor or subscriber that stopped reading stalls here: its overflow
                        // ends the write.
                        (monitor, subscriber) => {
                            let overflow = async {
                                match monitor {
                                    Some(m) => {
                                        let _ = (&mut m.overflow).await;
                                    }
                                    None => futures_lite::future::pending::<()>().await,
                                }
                                false
                            };
                            let cut_off = async {
                                match subscriber {
                                    Some(s) => {
                                        let _ = (&mut s.overflow).await;
                                    }
                                    None => futures_lite::future::pending::<()>().await,
                                }
                                false
                            };
                            futures_lite::future::or(
                                write,
                                futures_lite::future::or(overflow, cut_off),
                            )
                            .await
                        }
                    }
                };
                self.out.clear(OUT_KEEP);
                if let Some(sub) = self.pubsub.as_mut() {
                    sub.written();
                }
                let queued = std::mem::take(&mut self.monitor_queued);
                if let Some(m) = &self.monitor {
                    m.written(queued);
                }
                if !written {
                    break;
                }
            }
            self.info.blocked.set(self.blocked.is_some());
            self.info.memory.set(
                (rbuf.capacity()
                    + chunk.len()
                    + self.out.capacity()
                    + self.spilled.len()
                    + self.scratch.capacity()
                    + stream.queued_capacity()) as u64,
            );
            if self.quit || self.info.killed.get() {
                // The last replies (QUIT's +OK, a protocol error) leave before the close; a
                // killed client gets what its send buffer takes (CLIENT KILL's own +OK when it
                // killed itself), without waiting for a client that may not read.
                if self.quit {
                    let _ = stream.flush().await;
                } else {
                    stream.send_queued();
                }
                stream.shutdown();
                break;
            }
            let wake = {
                let read = async { Wake::Read(stream.read(&mut chunk).await) };
                let info = &self.info;
                let killed = std::future::poll_fn(|cx| {
                    if info.killed.get() {
                        return std::task::Poll::Ready(Wake::Killed);
                    }
                    let mut waker = info.kill_waker.borrow_mut();
                    if waker.is_none() {
                        *waker = Some(cx.waker().clone());
                    }
                    std::task::Poll::Pending
                });
                let input = futures_lite::future::or(read, killed);
                match self.blocked.as_mut() {
                    None if self.pubsub.is_some() => {
                        let monitor = self.monitor.as_mut();
                        let subscriber = self.pubsub.as_mut();
                        let monitored = async {
                            match monitor {
                                Some(m) => {
                                    let lines = async {
                                        Wake::MonitorLines(
                                            futures_lite::StreamExt::next(&mut m.lines).await,
                                        )
                                    };
                                    let overflow = async {
                                        let _ = (&mut m.overflow).await;
                                        Wake::MonitorOverflow
                                    };
                                    futures_lite::future::or(lines, overflow).await
                                }
                                None => futures_lite::future::pending().await,
                            }
                        };
                        let messages = async {
                            match subscriber {
                                Some(s) => {
                                    let message = async {
                                        Wake::Message(
                                            futures_lite::StreamExt::next(&mut s.messages).await,
                                        )
                                    };
                                    let overflow = async {
                                        let _ = (&mut s.overflow).await;
                                        Wake::PubsubOverflow
                                    };
                                    futures_lite::future::or(message, overflow).await
                                }
                                None => futures_lite::future::pending().await,
                            }
                        };
                        futures_lite::future::or(
                            input,
                            futures_lite::future::or(monitored, messages),
                        )
                        .await
                    }
                    None => match self.monitor.as_mut() {
                        None => input.await,
                        Some(m) => {
                            let lines = async {
                                Wake::MonitorLines(
                                    futures_lite::StreamExt::next(&mut m.lines).await,
                                )
                            };
                            let overflow = async {
                                let _ = (&mut m.overflow).await;
                                Wake::MonitorOverflow
                            };
                            futures_lite::future::or(
                                input,
                                futures_lite::future::or(lines, overflow),
                            )
                            .await
                        }
                    },
                    Some(b) => {
                        let deadline = b.deadline;
                        let woken = async {
                            let _ = futures_lite::StreamExt::next(&mut b.wake_rx).await;
                            Wake::Woken
                        };
                        let timer = async {
                            match deadline {
                                Some(at) => {
                                    glommio::timer::sleep(
                                        at.saturating_duration_since(std::time::Instant::now()),
                                    )
                                    .await
                                }
                                None => futures_lite::future::pending::<()>().await,
                            }
                            Wake::TimedOut
                        };
                        futures_lite::future::or(input, futures_lite::future::or(woken, timer))
                            .await
                    }
                }
            };
            match wake {
                Wake::Read(Ok(n)) if n > 0 => {
                    {
                        let mut stats = self.ctx.stats.borrow_mut();
                        stats.counters.net_input_bytes += n as u64;
                        stats.counters.reads_processed += 1;
                    }
                    if protocol_error.is_some() {
                        continue;
                    }
                    rbuf.extend_from_slice(&chunk[..n]);
                    // Redis's rule: the query buffer is measured after each read.
                    let limit = self.ctx.client_query_buffer_limit();
                    if query_limit::over(rbuf.len(), &pending, limit) {
                        let text = query_limit::closing_message(&self.info, &pending, &rbuf);
                        serverlog!(Warning, "{text}");
                        break;
                    }
                    // Read per read: CONFIG SET proto-max-bulk-len applies at once.
                    (protocol_error, more_input) = query_limit::parse_into(
                        &mut parser,
                        &mut rbuf,
                        &mut pending,
                        self.ctx.proto_max_bulk_len(),
                        self.auth_required(),
                    );
                    // Don't let a huge pipeline keep a huge buffer alive.
                    if rbuf.capacity() > 4 * READ_CHUNK && rbuf.is_empty() {
                        rbuf = BytesMut::with_capacity(READ_CHUNK);
                    }
                }
                Wake::Read(_)
                | Wake::Killed
                | Wake::MonitorOverflow
                | Wake::MonitorLines(None)
                | Wake::PubsubOverflow
                | Wake::Message(None) => break,
                Wake::Message(Some(first)) => self.take_messages(first),
                Wake::MonitorLines(Some(batch)) => self.take_monitor_lines(batch),
                Wake::Woken => self.retry_blocked().await,
                Wake::TimedOut => {
                    if let Some(b) = self.blocked.take() {
                        self.left_blocked(&b);
                        self.unregister_blocked().await;
                        self.out.raw(&b.timeout_reply);
                        // Redis counts a blocking command once, when it is served or times out.
                        self.account_whole(b.stat, 0, &b.args, &b.timeout_reply);
                    }
                }
            }
        }
        if let Some(b) = self.blocked.take() {
            self.left_blocked(&b);
            self.unregister_blocked().await;
        }
    }

    /// Counts a command the connection ran or timed itself (cross-shard, blocking, its own):
    /// a call of `usec`, failed when `reply` is an error.
    fn account_whole(&self, stat: StatId, usec: u64, args: &[Bytes], reply: &[u8]) {
        let failed = reply.first() == Some(&b'-');
        self.ctx
            .account(Tally::Whole(stat), usec, args, failed, reply, &self.origin);
    }

    /// Counts a connection command whose reply was assembled from every shard's answer.
    fn account_deferred(&self, then: Deferred) {
        let usec = crate::stats::elapsed_us(then.started);
        self.ctx.account(
            Tally::Whole(then.stat),
            usec,
            &then.args,
            false,
            &[],
            &self.origin,
        );
    }

    /// Counts an error reply for a request refused before it ran: in the error statistics,
    /// and as a rejected call of `stat` when the command is known. Inside MULTI it dooms the
    /// transaction; a refused EXEC discards it with Redis's EXECABORT wording.
    async fn reject(&mut self, stat: Option<StatId>) {
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

    /// The blocked-clients gauges, when a client stops being blocked.
    fn left_blocked(&self, b: &Blocked) {
        let mut stats = self.ctx.stats.borrow_mut();
        stats.blocked_clients = stats.blocked_clients.saturating_sub(1);
        if b.deadline.is_some() {
            stats.blocked_with_timeout = stats.blocked_with_timeout.saturating_sub(1);
        }
    }

    /// Runs a command over keys that may span shards, whole (one shard) or gathered.
    async fn run_anywhere(
        &mut self,
        handler: Handler,
        args: &[Bytes],
        keys: &[usize],
    ) -> Result<Bytes, ()> {
        let nshards = self.ctx.nshards;
        let first = keys
            .first()
            .map(|&p| key_shard(&args[p], nshards))
            .unwrap_or(self.ctx.id);
        if keys.iter().all(|&p| key_shard(&args[p], nshards) == first) {
            let job = Job::Run {
                handler,
                db: self.db as u8,
                resp3: self.resp3(),
                args: args.to_vec(),
                tally: Tally::Skip,
                origin: self.origin.clone(),
                whole_args: None,
            };
            match self.one(first, job).await? {
                Outcome::Reply(reply) => Ok(reply),
                _ => Err(()),
            }
        } else {
            let locked = self
                .begin_atomic(&Self::keys_at(args, keys.iter().copied()))
                .await?;
            let reply = self.run_gathered(handler, args, keys).await.map_err(|_| ());
            self.end_atomic(locked).await;
            reply
        }
    }

    /// BLPOP & co.: serve at once if a key has data, otherwise block the client on its keys
    /// until one is pushed to, the timeout passes, or the client goes away.
    async fn blocking(&mut self, cmd: &'static Command, handler: Handler, args: Vec<Bytes>) {
        self.flush_round().await;
        let keys = cmd.keys(&args);
        let started = crate::stats::stamp();
        let reply = match self.run_anywhere(handler, &args, &keys).await {
            Ok(reply) => reply,
            Err(()) => return self.out.error(SHARD_GONE),
        };
        // Inside EXEC nothing blocks: the empty-handed reply comes at once (a null bulk
        // string for BLMOVE and BRPOPLPUSH, as Redis answers a client that may not block).
        let reply = if self.in_exec
            && is_empty_handed(&reply)
            && matches!(cmd.meta.name, "blmove" | "brpoplpush")
        {
            let mut null = Reply::new(self.resp3());
            null.null();
            null.take()
        } else {
            reply
        };
        if !is_empty_handed(&reply) || self.in_exec {
            let usec = crate::stats::elapsed_us(started);
            self.account_whole(cmd.stat, usec, &args, &reply);
            return self.out.raw(&reply);
        }
        let timeout_at = if matches!(cmd.meta.name, "blmpop" | "bzmpop") {
            1
        } else {
            args.len() - 1
        };
        // The handler already refused a bad timeout; 0 waits forever.
        let ms = shards::types::list::parse_timeout(&args[timeout_at]).unwrap_or(0);
        let deadline = (ms > 0)
            .then(|| std::time::Instant::now() + std::time::Duration::from_millis(ms as u64));
        let want = if cmd.meta.name.starts_with("bz") {
            "zset"
        } else {
            "list"
        };
        let (wake_tx, wake_rx) = futures_channel::mpsc::unbounded();
        {
            let mut stats = self.ctx.stats.borrow_mut();
            stats.blocked_clients += 1;
            stats.blocked_with_timeout += u64::from(deadline.is_some());
        }
        self.blocked = Some(Blocked {
            handler,
            stat: cmd.stat,
            args,
            keys,
            want,
            timeout_reply: reply,
            deadline,
            wake_tx,
            wake_rx,
        });
        self.register_blocked().await;
    }

    /// Registers the blocked client on the shard of each of its keys.
    async fn register_blocked(&mut self) {
        let Some(b) = self.blocked.as_ref() else {
            return;
        };
        let nshards = self.ctx.nshards;
        let mut per_shard: Vec<Vec<Bytes>> = vec![Vec::new(); nshards];
        // BLMOVE and BRPOPLPUSH wait on their source only.
        let wait_on = if matches!(
            b.args[0].to_ascii_lowercase().as_slice(),
            b"blmove" | b"brpoplpush"
        ) {
            &b.keys[..1.min(b.keys.len())]
        } else {
            &b.keys[..]
        };
        for &p in wait_on {
            per_shard[key_shard(&b.args[p], nshards)].push(b.args[p].clone());
        }
        let (id, want, db, wake) = (self.info.id, b.want, self.db as u8, b.wake_tx.clone());
        for (shard, keys) in per_shard.into_iter().enumerate() {
            if !keys.is_empty() {
                let wake = wake.clone();
                let register = move |s: &ShardCtx, _| {
                    s.blocked.borrow_mut().block(db, &keys, || Waiter {
                        id,
                        want,
                        wake: wake.clone(),
                        woken: false,
                    })
                };
                let _ = self.ctx.on(shard, self.tx, Touch::Nothing, register).await;
            }
        }
    }

    /// Removes the blocked client from every shard.
    async fn unregister_blocked(&mut self) {
        let id = self.info.id;
        for shard in 0..self.ctx.nshards {
            let forget = move |s: &ShardCtx, _| s.blocked.borrow_mut().unblock(id);
            let _ = self.ctx.on(shard, self.tx, Touch::Nothing, forget).await;
        }
    }

    /// A key the blocked client waits for got data: run its command again.
    async fn retry_blocked(&mut self) {
        let Some(b) = self.blocked.take() else { return };
        self.now = shards::util::now_ms();
        let started = crate::stats::stamp();
        match self.run_anywhere(b.handler, &b.args, &b.keys).await {
            Ok(reply) if is_empty_handed(&reply) => {
                // Someone else took the data first: wait again, behind those now waiting.
                self.blocked = Some(b);
                self.unregister_blocked().await;
                self.register_blocked().await;
            }
            Ok(reply) => {
                self.left_blocked(&b);
                let usec = crate::stats::elapsed_us(started);
                self.account_whole(b.stat, usec, &b.args, &reply);
                self.unregister_blocked().await;
                self.out.raw(&reply);
            }
            Err(()) => {
                self.left_blocked(&b);
                self.out.error(SHARD_GONE)
            }
        }
    }

    /// Handles one request: replies to errors and connection commands, queues shard work.
    async fn request(&mut self, args: Vec<Bytes>) {
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

    /// Runs an admitted command ([`Conn::execute`]) and shows it to the monitors.
    async fn execute_shown(&mut self, cmd: &'static Command, stat: StatId, args: Vec<Bytes>) {
        if monitor::active() && monitor::is_shown(cmd, &args) {
            // Redis feeds monitors after the command ran (SELECT shows its new database).
            let shown = args.clone();
            self.execute(cmd, stat, args).await;
            let addr = self.info.addr;
            monitor::append_line(
                &mut self.monitor_feed,
                std::time::SystemTime::now(),
                self.db,
                &addr,
                &shown,
            );
        } else {
            self.execute(cmd, stat, args).await;
        }
    }

    /// Runs a looked-up, admitted command: replies to connection commands, queues shard work.
    async fn execute(&mut self, cmd: &'static Command, stat: StatId, args: Vec<Bytes>) {
        let resp3 = self.resp3();
        let nshards = self.ctx.nshards;
        if cmd.blocking {
            if let Exec::Gather(handler) = cmd.exec {
                return self.blocking(cmd, handler, args).await;
            }
        }
        let whole = Tally::Whole(stat);
        match cmd.exec {
            Exec::Conn(ConnCommand::Info) => {
                self.info_command(stat, args);
                // Answered (and counted) before the next request, so a pipelined INFO sees
                // the ones before it, as in Redis.
                self.flush_round().await;
            }
            Exec::Conn(ConnCommand::Memory) if args[1].eq_ignore_ascii_case(b"usage") => {
                let shard = key_shard(&args[2], nshards);
                self.queue_one(shard, shards::usage::memory_usage, args, whole);
            }
            Exec::Conn(which) => {
                let started = crate::stats::stamp();
                let errors = self.scratch.error_count();
                self.last_scratch = Bytes::new();
                if self.conn_command(which, cmd, stat, &args).await {
                    // Counted once every shard answered: answer now, before the next request.
                    return self.flush_round().await;
                }
                let usec = crate::stats::elapsed_us(started);
                let failed = self.scratch.error_count() > errors;
                let reply = std::mem::take(&mut self.last_scratch);
                let logged = redacted(which, &args);
                self.ctx
                    .account(whole, usec, &logged, failed, &reply, &self.origin);
            }
            Exec::Keyed(handler) => {
                let shard = match cmd.first_key(&args) {
                    Some(p) => key_shard(&args[p], nshards),
                    None => self.ctx.id,
                };
                self.queue_one(shard, handler, args, whole);
            }
            Exec::Gather(handler) => {
                let keys = cmd.keys(&args);
                let first = keys.first().map(|&p| key_shard(&args[p], nshards));
                match first {
                    None => self.queue_one(self.ctx.id, handler, args, whole),
                    Some(s) if keys.iter().all(|&p| key_shard(&args[p], nshards) == s) => {
                        self.queue_one(s, handler, args, whole)
                    }
                    Some(_) => {
                        self.flush_round().await;
                        let started = crate::stats::stamp();
                        let reply =
                            match self.begin_atomic(&Self::keys_at(&args, keys.clone())).await {
                                Ok(locked) => {
                                    let reply = self
                                        .run_gathered(handler, &args, &keys)
                                        .await
                                        .map_err(|_| ());
                                    self.end_atomic(locked).await;
                                    reply
                                }
                                Err(()) => Err(()),
                            };
                        match reply {
                            Ok(reply) => {
                                let usec = crate::stats::elapsed_us(started);
                                self.account_whole(stat, usec, &args, &reply);
                                self.out.raw(&reply)
                            }
                            Err(()) => self.out.error(SHARD_GONE),
                        }
                    }
                }
            }
            Exec::Spread(handler, merge) => match self.single_shard(cmd, &args) {
                Some(shard) => self.queue_one(shard, handler, args, whole),
                None => {
                    // Its parts run under locks on all its keys, in a round of their own.
                    self.flush_round().await;
                    let keys = Self::keys_at(&args, cmd.key_positions(args.len()));
                    match self.begin_atomic(&keys).await {
                        Ok(locked) => {
                            self.queue_spread(cmd, stat, handler, merge, args);
                            self.flush_round_releasing(locked).await;
                        }
                        Err(()) => self.out.error(SHARD_GONE),
                    }
                }
            },
            Exec::Moving(handler, how) => match self.single_shard(cmd, &args) {
                Some(shard) => self.queue_one(shard, handler, args, whole),
                None => {
                    self.flush_round().await;
                    let entries = key_entries(cmd, &args, self.db as u8);
                    match self.begin_atomic_entries(entries).await {
                        Ok(locked) => {
                            self.run_move(cmd, stat, handler, how, args).await;
                            self.end_atomic(locked).await;
                        }
                        Err(()) => self.out.error(SHARD_GONE),
                    }
                }
            },
            Exec::Everywhere(handler, merge) => {
                let locked = self.begin_keyspace_wide().await;
                let parts = self.queue_everywhere(handler, stat, &args);
                self.round.slots.push(Slot::Merged {
                    parts,
                    merge,
                    order: Vec::new(),
                    stat,
                });
                self.end_keyspace_wide(locked).await;
            }
            Exec::Scan(handler) => {
                let Some(cursor) = shards::keys::parse_cursor(&args[1]) else {
                    self.scratch.error(errors::INVALID_CURSOR);
                    let bytes = self.scratch.take();
                    self.account_whole(stat, 0, &args, &bytes);
                    self.scratch.raw(&bytes);
                    return self.push_scratch();
                };
                self.flush_round().await;
                let started = crate::stats::stamp();
                match self.scan_across(handler, cursor, args.clone()).await {
                    Ok(reply) => {
                        let usec = crate::stats::elapsed_us(started);
                        self.account_whole(stat, usec, &args, &reply);
                        self.out.raw(&reply)
                    }
                    Err(()) => self.out.error(SHARD_GONE),
                }
            }
            Exec::RandomKey(handler) => {
                let locked = self.begin_keyspace_wide().await;
                let parts = self.queue_everywhere(handler, stat, &args);
                self.round.slots.push(Slot::Random { parts, resp3 });
                self.end_keyspace_wide(locked).await;
            }
        }
    }

    /// Queues a command on every shard: the first part counts the call, the others their time.
    fn queue_everywhere(
        &mut self,
        handler: Handler,
        stat: StatId,
        args: &[Bytes],
    ) -> Vec<(usize, usize)> {
        let (db, resp3) = (self.db as u8, self.resp3());
        (0..self.ctx.nshards)
            .map(|s| {
                let tally = if s == 0 {
                    Tally::Lead(stat)
                } else {
                    Tally::Part(stat)
                };
                self.round.push_job(
                    s,
                    Job::Run {
                        handler,
                        db,
                        resp3,
                        args: args.to_vec(),
                        tally,
                        origin: self.origin.clone(),
                        whole_args: None,
                    },
                )
            })
            .collect()
    }

    /// The shard of every key of `args` when they all share one.
    fn single_shard(&self, cmd: &Command, args: &[Bytes]) -> Option<usize> {
        let n = self.ctx.nshards;
        let mut positions = cmd.key_positions(args.len());
        let first = key_shard(&args[positions.next()?], n);
        positions
            .all(|p| key_shard(&args[p], n) == first)
            .then_some(first)
    }

    /// Queues a whole command on one shard; on this shard with nothing pending, runs it now.
    fn queue_one(&mut self, shard: usize, handler: Handler, args: Vec<Bytes>, tally: Tally) {
        if shard == self.ctx.id && self.round.is_empty() && (self.tx != 0 || self.ctx.unlocked()) {
            let now = self.now;
            // A transaction's local writes are its part here, kept for its commit.
            let part = self.tx != 0 && self.ctx.aof.borrow().is_some();
            if part {
                self.ctx.aof_before_part();
            }
            self.ctx.run_command(
                handler,
                self.db,
                now,
                &args,
                &mut self.out,
                tally,
                &self.origin,
            );
            if part {
                self.ctx.aof_keep_part(self.tx);
            }
            self.ctx.wake_blocked(now);
            self.ctx.publish_events();
            return;
        }
        let job = Job::Run {
            handler,
            db: self.db as u8,
            resp3: self.resp3(),
            args,
            tally,
            origin: self.origin.clone(),
            whole_args: None,
        };
        let (shard, idx) = self.round.push_job(shard, job);
        self.round.slots.push(Slot::One { shard, idx });
    }

    /// Splits a multi-key command into one command per shard holding some of its keys.
    fn queue_spread(
        &mut self,
        cmd: &Command,
        stat: StatId,
        handler: Handler,
        merge: Merge,
        args: Vec<Bytes>,
    ) {
        let n = self.ctx.nshards;
        let step = cmd.meta.step.max(1) as usize;
        let mut per_shard: Vec<Option<Vec<Bytes>>> = vec![None; n];
        let mut order = Vec::new();
        let mut shard_order: Vec<usize> = Vec::new();
        for p in cmd.key_positions(args.len()) {
            let s = key_shard(&args[p], n);
            let part = per_shard[s].get_or_insert_with(|| {
                shard_order.push(s);
                vec![args[0].clone()]
            });
            part.extend(args[p..(p + step).min(args.len())].iter().cloned());
            order.push(s);
        }
        let (db, resp3) = (self.db as u8, self.resp3());
        let mut parts = Vec::new();
        let mut part_of_shard = vec![usize::MAX; n];
        // The first part counts the call and logs the whole command if it was slow.
        let mut whole_args = Some(args);
        for s in shard_order {
            if let Some(part_args) = per_shard[s].take() {
                let tally = if parts.is_empty() {
                    Tally::Lead(stat)
                } else {
                    Tally::Part(stat)
                };
                part_of_shard[s] = parts.len();
                parts.push(self.round.push_job(
                    s,
                    Job::Run {
                        handler,
                        db,
                        resp3,
                        args: part_args,
                        tally,
                        origin: self.origin.clone(),
                        whole_args: whole_args.take(),
                    },
                ));
            }
        }
        let order = order.into_iter().map(|s| part_of_shard[s]).collect();
        self.round.slots.push(Slot::Merged {
            parts,
            merge,
            order,
            stat,
        });
    }

    fn push_scratch(&mut self) {
        let bytes = self.scratch.take();
        if bytes.first() == Some(&b'-') {
            self.last_scratch = bytes.clone();
        }
        if self.round.is_empty() {
            self.out.raw(&bytes);
        } else {
            self.round.slots.push(Slot::Ready(bytes));
        }
    }

    /// Runs the queued jobs (one message per remote shard, local ones in place) and writes
    /// every pending reply in request order.
    async fn flush_round(&mut self) {
        if self.round.is_empty() {
            return;
        }
        let nshards = self.ctx.nshards;
        let mut round = std::mem::replace(&mut self.round, Round::new(nshards));
        // Local work runs in place, unless another transaction holds keys here: then it goes
        // through the shard's lock check like any batch (and may wait for them).
        let in_place = self.tx != 0 || self.ctx.unlocked();
        let mut waiting = Vec::new();
        for (shard, jobs) in round.jobs.iter_mut().enumerate() {
            if (shard != self.ctx.id || !in_place) && !jobs.is_empty() {
                let jobs = std::mem::take(jobs);
                waiting.push((shard, self.ctx.dispatch(shard, jobs, self.tx).await));
            }
        }
        let mut results: Vec<Vec<Option<Outcome>>> = (0..nshards).map(|_| Vec::new()).collect();
        let local = std::mem::take(&mut round.jobs[self.ctx.id]);
        if !local.is_empty() {
            // A transaction's local writes are its part here, kept for its commit.
            let part = self.tx != 0 && self.ctx.aof.borrow().is_some();
            if part {
                self.ctx.aof_before_part();
            }
            results[self.ctx.id] = self.ctx.run_jobs(local).into_iter().map(Some).collect();
            if part {
                self.ctx.aof_keep_part(self.tx);
            }
        }
        for (shard, pending) in waiting {
            if let Ok(rx) = pending {
                if let Ok(outcomes) = rx.await {
                    results[shard] = outcomes.into_iter().map(Some).collect();
                }
            }
        }
        let mut take = |(s, i): (usize, usize)| {
            results
                .get_mut(s)
                .and_then(|r| r.get_mut(i))
                .and_then(Option::take)
        };
        // A subscriber that published to itself gets its messages before the PUBLISH reply,
        // as Redis delivers them while PUBLISH runs.
        self.take_pending_messages();
        for slot in round.slots {
            match slot {
                Slot::Ready(bytes) => self.out.raw(&bytes),
                Slot::One { shard, idx } => match take((shard, idx)) {
                    Some(Outcome::Reply(bytes)) => self.emit(bytes),
                    _ => self.out.error(SHARD_GONE),
                },
                Slot::Merged {
                    parts,
                    merge,
                    order,
                    stat,
                } => {
                    let replies: Vec<Bytes> = parts
                        .into_iter()
                        .map(|p| match take(p) {
                            Some(Outcome::Reply(b)) => b,
                            other => hop::answer::<Bytes>(other)
                                .unwrap_or(Bytes::from_static(b"-ERR shard unavailable\r\n")),
                        })
                        .collect();
                    if let Some(err) = replies.iter().find(|r| r.first() == Some(&b'-')) {
                        self.ctx.stats.borrow_mut().record_failed(stat, err);
                    }
                    merge_replies(&mut self.out, merge, &replies, &order);
                }
                Slot::Info {
                    parts,
                    sections,
                    resp3,
                    args,
                    started,
                    stat,
                } => {
                    let mut total: Option<Snapshot> = None;
                    for p in parts {
                        if let Ok(snap) = hop::answer::<Snapshot>(take(p)) {
                            match total.as_mut() {
                                Some(t) => t.add(&snap),
                                None => total = Some(snap),
                            }
                        }
                    }
                    let config = self.ctx.config();
                    let env = crate::info::Env {
                        config: &config,
                        nshards,
                    };
                    let text = match total {
                        Some(snap) => crate::info::render(&sections, &snap, &env),
                        None => String::new(),
                    };
                    let was = self.out.resp3();
                    self.out.set_resp3(resp3);
                    self.out.verbatim(text.as_bytes());
                    self.out.set_resp3(was);
                    let usec = crate::stats::elapsed_us(started);
                    self.ctx
                        .account(Tally::Whole(stat), usec, &args, false, &[], &self.origin);
                }
                Slot::Ack { parts, then } => {
                    for p in parts {
                        take(p);
                    }
                    self.out.ok();
                    self.account_deferred(then);
                }
                Slot::SlowlogGet { parts, count, then } => {
                    let mut entries: Vec<SlowEntry> = parts
                        .into_iter()
                        .filter_map(|p| hop::answer::<Vec<SlowEntry>>(take(p)).ok())
                        .flatten()
                        .collect();
                    entries.sort_by_key(|e| std::cmp::Reverse(e.id));
                    let max_len = self.ctx.config().slowlog_max_len as usize;
                    entries.truncate(count.min(max_len));
                    write_slowlog(&mut self.out, &entries);
                    self.account_deferred(then);
                }
                Slot::SlowlogLen { parts, then } => {
                    let total: usize = parts
                        .into_iter()
                        .map(|p| hop::answer::<usize>(take(p)).unwrap_or(0))
                        .sum();
                    let max_len = self.ctx.config().slowlog_max_len as usize;
                    self.out.int(total.min(max_len) as i64);
                    self.account_deferred(then);
                }
                Slot::Random { parts, resp3 } => {
                    let keys: Vec<Bytes> = parts
                        .into_iter()
                        .filter_map(|p| match take(p) {
                            Some(Outcome::Reply(b)) if b[0] == b'$' && &b[..] != b"$-1\r\n" => {
                                Some(b)
                            }
                            _ => None,
                        })
                        .collect();
                    if keys.is_empty() {
                        self.out.set_resp3(resp3);
                        self.out.null();
                    } else {
                        let pick = self.rng.below(keys.len());
                        self.out.raw(&keys[pick]);
                    }
                }
                Slot::ClientList { parts, resp3 } => {
                    let mut lines: Vec<(u64, String)> = parts
                        .into_iter()
                        .filter_map(|p| hop::answer::<Vec<(u64, String)>>(take(p)).ok())
                        .flatten()
                        .collect();
                    lines.sort();
                    let text: String = lines.into_iter().map(|(_, l)| l + "\n").collect();
                    let was = self.out.resp3();
                    self.out.set_resp3(resp3);
                    self.out.verbatim(text.as_bytes());
                    self.out.set_resp3(was);
                }
                Slot::ClientKill { parts, old_style } => {
                    let killed: usize = parts
                        .into_iter()
                        .map(|p| hop::answer::<usize>(take(p)).unwrap_or(0))
                        .sum();
                    if !old_style {
                        self.out.int(killed as i64);
                    } else if killed == 0 {
                        self.out.error(NO_SUCH_CLIENT);
                        if let Some((stat, _)) = command_table::lookup(b"client")
                            .and_then(|c| c.stat_of(&[Bytes::new(), Bytes::from_static(b"kill")]))
                        {
                            let reply = error_bytes(NO_SUCH_CLIENT);
                            self.ctx.stats.borrow_mut().record_failed(stat, &reply);
                        }
                    } else {
                        self.out.ok();
                    }
                }
            }
        }
    }

    /// Starts a cross-shard transaction over `keys` of database `db`: locks them on the shards
    /// that own them, one shard at a time in ascending order (see `locks` for why that cannot
    /// deadlock). From here until [`Conn::unlock`] this connection's batches carry the
    /// transaction's id. Returns the shards locked.
    async fn lock_keys(&mut self, db: u8, keys: &[Bytes]) -> Result<Vec<usize>, ()> {
        let entries: Vec<(u8, Bytes)> = keys.iter().map(|k| (db, k.clone())).collect();
        self.lock_entries(entries, false).await
    }

    /// Locks `(database, key)` entries, or every shard whole when `whole` (a keyspace-wide
    /// command), for a new transaction: shard by shard in ascending order, and within a shard
    /// database by database, so every transaction climbs the same order. Returns the shards
    /// locked (each once).
    async fn lock_entries(
        &mut self,
        entries: Vec<(u8, Bytes)>,
        whole: bool,
    ) -> Result<Vec<usize>, ()> {
        let n = self.ctx.nshards;
        let mut groups: std::collections::BTreeMap<(usize, u8), Vec<Bytes>> =
            std::collections::BTreeMap::new();
        if whole {
            for shard in 0..n {
                groups.insert((shard, self.db as u8), Vec::new());
            }
        } else {
            for (db, key) in entries {
                groups
                    .entry((key_shard(&key, n), db))
                    .or_default()
                    .push(key);
            }
        }
        self.tx = next_tx();
        let mut locked: Vec<usize> = Vec::new();
        for ((shard, db), mut keys) in groups {
            keys.sort_unstable();
            keys.dedup();
            let job = Job::Lock {
                tx: self.tx,
                db,
                keys,
                whole,
            };
            if locked.last() != Some(&shard) {
                locked.push(shard);
            }
            if self.one(shard, job).await.is_err() {
                self.unlock(&locked).await;
                return Err(());
            }
        }
        Ok(locked)
    }

    /// Ends the transaction [`Conn::lock_keys`] started: releases its locks on `shards`.
    async fn unlock(&mut self, shards: &[usize]) {
        if self.ctx.aof.borrow().is_some() {
            self.aof_commit(shards).await;
        }
        let tx = std::mem::take(&mut self.tx);
        let mut waiting = Vec::new();
        for &shard in shards {
            waiting.push(self.ctx.dispatch(shard, vec![Job::Unlock(tx)], tx).await);
        }
        for rx in waiting.into_iter().flatten() {
            let _ = rx.await;
        }
    }

    /// With the append-only file on, before a transaction's locks go: every shard that
    /// recorded a part of it writes that part, framed with the number of parts, and the
    /// release waits until all are written (and fsynced under `always`). A later command
    /// on those keys is thus never in the files without the whole transaction; after a
    /// crash a transaction with a part missing is dropped whole.
    async fn aof_commit(&mut self, shards: &[usize]) {
        let tx = self.tx;
        let mut asked = Vec::new();
        for &shard in shards {
            // The batch's own (empty) recording joins the part first.
            let prepare = move |s: &ShardCtx, _| {
                s.aof_keep_part(tx);
                s.aof_has_part(tx)
            };
            asked.push((
                shard,
                self.ctx.send(shard, tx, Touch::Nothing, prepare).await,
            ));
        }
        let mut holders = Vec::new();
        for (shard, pending) in asked {
            if pending.answer().await == Ok(true) {
                holders.push(shard);
            }
        }
        let nparts = holders.len() as u32;
        let mut waiting = Vec::new();
        for shard in holders {
            let commit = move |s: &ShardCtx, _| {
                s.aof_keep_part(tx);
                s.aof_commit(tx, nparts);
            };
            waiting.push(self.ctx.send(shard, tx, Touch::Nothing, commit).await);
        }
        for pending in waiting {
            let _ = pending.answer().await;
        }
    }

    /// Makes what follows atomic over `keys`: locks them, unless this connection already runs
    /// a transaction (which locked every key it touches). Pair with [`Conn::end_atomic`].
    async fn begin_atomic(&mut self, keys: &[Bytes]) -> Result<Option<Vec<usize>>, ()> {
        if self.tx != 0 {
            return Ok(None);
        }
        self.lock_keys(self.db as u8, keys).await.map(Some)
    }

    /// [`Conn::begin_atomic`] over (database, key) entries (COPY ... DB writes another one).
    async fn begin_atomic_entries(
        &mut self,
        entries: Vec<(u8, Bytes)>,
    ) -> Result<Option<Vec<usize>>, ()> {
        if self.tx != 0 {
            return Ok(None);
        }
        self.lock_entries(entries, false).await.map(Some)
    }

    /// Makes a command over the whole keyspace (FLUSHALL, DBSIZE, KEYS, RANDOMKEY) see one
    /// point in time, as in Redis, when it spans shards: it runs in a round of its own while
    /// it holds every shard whole. Pair with [`Conn::end_keyspace_wide`].
    async fn begin_keyspace_wide(&mut self) -> Option<Vec<usize>> {
        if self.ctx.nshards == 1 || self.tx != 0 {
            return None;
        }
        self.flush_round().await;
        // On failure (a shard gone: the server is stopping) the round reports the error.
        self.lock_entries(Vec::new(), true).await.ok()
    }

    /// Runs the round [`Conn::begin_keyspace_wide`] opened and releases its locks.
    async fn end_keyspace_wide(&mut self, locked: Option<Vec<usize>>) {
        if locked.is_some() {
            self.flush_round_releasing(locked).await;
        }
    }

    /// Runs the round, with the release of `locked` riding in each locked shard's batch after
    /// the work (one message per shard instead of two).
    async fn flush_round_releasing(&mut self, locked: Option<Vec<usize>>) {
        let Some(shards) = locked else {
            return self.flush_round().await;
        };
        if self.round.is_empty() || self.ctx.aof.borrow().is_some() {
            // Nothing to ride with (a round with no replies is not sent), or the
            // transaction's parts must be committed to the append-only file first.
            self.flush_round().await;
            return self.unlock(&shards).await;
        }
        for &shard in &shards {
            self.round.jobs[shard].push(Job::Unlock(self.tx));
        }
        self.flush_round().await;
        self.tx = 0;
    }

    /// Releases what [`Conn::begin_atomic`] locked.
    async fn end_atomic(&mut self, locked: Option<Vec<usize>>) {
        if let Some(shards) = locked {
            self.unlock(&shards).await;
        }
    }

    /// The keys of `args` at `positions`.
    fn keys_at(args: &[Bytes], positions: impl IntoIterator<Item = usize>) -> Vec<Bytes> {
        positions.into_iter().map(|p| args[p].clone()).collect()
    }

    /// RENAME / RENAMENX / COPY / MSETNX whose keys live on different shards.
    async fn run_move(
        &mut self,
        cmd: &Command,
        stat: StatId,
        handler: Handler,
        how: Move,
        args: Vec<Bytes>,
    ) {
        let started = crate::stats::stamp();
        let nshards = self.ctx.nshards;
        let db = self.db as u8;
        let reply = match how {
            Move::Rename { nx } => {
                let (src, dst) = (args[1].clone(), args[2].clone());
                let (s_src, s_dst) = (key_shard(&src, nshards), key_shard(&dst, nshards));
                self.rename_across(db, src, dst, s_src, s_dst, nx)
                    .await
                    .map_err(|_| ())
            }
            Move::Copy => self.copy_across(args.clone()).await.map_err(|_| ()),
            Move::MsetNx => self
                .msetnx_across(cmd, handler, args.clone())
                .await
                .map_err(|_| ()),
        };
        match reply {
            Ok(bytes) => {
                let usec = crate::stats::elapsed_us(started);
                self.account_whole(stat, usec, &args, &bytes);
                self.out.raw(&bytes)
            }
            Err(()) => self.out.error(SHARD_GONE),
        }
    }

    async fn one(&self, shard: usize, job: Job) -> Result<Outcome, ()> {
        let rx = self.ctx.dispatch(shard, vec![job], self.tx).await?;
        rx.await.map_err(|_| ())?.pop().ok_or(())
    }

    /// SCAN over all shards. The global cursor is `inner * shards + shard`; a shard that is
    /// done hands over to the next one, in the same call while nothing was found yet (so an
    /// empty keyspace answers cursor 0 at once, as Redis does).
    async fn scan_across(
        &self,
        handler: Handler,
        cursor: u64,
        mut args: Vec<Bytes>,
    ) -> Result<Bytes, ()> {
        let nshards = self.ctx.nshards;
        let n = nshards as u64;
        let (mut inner, mut shard) = (cursor / n, (cursor % n) as usize);
        let (db, resp3) = (self.db as u8, self.resp3());
        loop {
            args[1] = Bytes::from(inner.to_string());
            let job = Job::Run {
                handler,
                db,
                resp3,
                args: args.clone(),
                tally: Tally::Skip,
                origin: self.origin.clone(),
                whole_args: None,
            };
            let Outcome::Reply(reply) = self.one(shard, job).await? else {
                return Err(());
            };
            let parsed = reply_parse::array_elements(&reply).and_then(|elements| {
                let next =
                    reply_parse::bulk(elements.first()?).and_then(shards::util::parse_u64)?;
                let keys = *elements.get(1)?;
                Some((next, keys, reply_parse::array_elements(keys)?.len()))
            });
            let Some((next, keys, found)) = parsed else {
                return Ok(reply);
            };
            if next != 0 {
                return Ok(scan_reply(
                    next.saturating_mul(n).saturating_add(shard as u64),
                    keys,
                ));
            }
            if shard + 1 >= nshards {
                return Ok(scan_reply(0, keys));
            }
            if found > 0 {
                return Ok(scan_reply(shard as u64 + 1, keys));
            }
            shard += 1;
            inner = 0;
        }
    }

    /// Runs a command the connection answers; true when it is counted later, once every
    /// shard has answered (see [`Deferred`]).
    async fn conn_command(
        &mut self,
        which: ConnCommand,
        cmd: &Command,
        stat: StatId,
        args: &[Bytes],
    ) -> bool {
        if which == ConnCommand::Reset {
            self.discard_transaction().await;
        }
        let r = &mut self.scratch;
        r.set_resp3(self.out.resp3());
        match which {
            ConnCommand::Ping
                if !r.resp3() && self.pubsub.as_ref().is_some_and(|s| s.is_subscribed()) =>
            {
                pubsub::subscribed_pong(r, args.get(1))
            }
            ConnCommand::Ping => match args.len() {
                1 => r.simple("PONG"),
                2 => r.bulk(&args[1]),
                _ => r.error("ERR wrong number of arguments for 'ping' command"),
            },
            ConnCommand::Echo => r.bulk(&args[1]),
            ConnCommand::Quit => {
                r.ok();
                self.quit = true;
            }
            ConnCommand::Time => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                r.array(2);
                r.bulk(now.as_secs().to_string().as_bytes());
                r.bulk(now.subsec_micros().to_string().as_bytes());
            }
            ConnCommand::Select => match parse_int32(&args[1]) {
                Err(e) => r.error(e),
                Ok(n) if n < 0 || n as usize >= self.ctx.config().databases => {
                    r.error(errors::DB_INDEX)
                }
                Ok(n) => {
                    self.db = n as usize;
                    self.info.db.set(self.db);
                    r.ok();
                }
            },
            ConnCommand::Reset => {
                // Redis's clearClientConnectionState: back to the default user, which
                // needs AUTH again when a password is set; out of MONITOR mode.
                self.authenticated = self.ctx.config().requirepass.is_empty();
                self.monitor = None;
                // Lines already in `out` belonged to the old subscription's budget.
                self.monitor_queued = 0;
                self.info.monitor.set(false);
                if let Some(sub) = self.pubsub.as_mut() {
                    sub.leave_all(&mut self.ctx.pubsub.borrow_mut());
                    sub.set_resp3(false);
                    self.info.pubsub.set(sub.counts());
                }
                self.db = 0;
                self.info.db.set(0);
                self.info.name.borrow_mut().clear();
                self.info.resp.set(2);
                self.out.set_resp3(false);
                r.set_resp3(false);
                r.simple("RESET");
            }
            ConnCommand::Hello => {
                self.hello(args);
                if let Some(sub) = &self.pubsub {
                    sub.set_resp3(self.out.resp3());
                }
                self.refresh_origin_name();
            }
            ConnCommand::Command => command_command(r, cmd, args),
            // RESETSTAT touches every shard, so it is run here rather than by config_command.
            ConnCommand::Config if args[1].eq_ignore_ascii_case(b"resetstat") => {
                crate::clients::REJECTED_CONNECTIONS.store(0, std::sync::atomic::Ordering::Relaxed);
                let parts = (0..self.ctx.nshards)
                    .map(|s| self.round.push_call(s, |s, _| s.reset_stats()))
                    .collect();
                let then = Deferred {
                    stat,
                    args: args.to_vec(),
                    started: crate::stats::stamp(),
                };
                self.round.slots.push(Slot::Ack { parts, then });
                return true;
            }
            ConnCommand::Config => {
                self.config(cmd, args.to_vec()).await;
                return false;
            }
            ConnCommand::Shutdown => {
                self.shutdown(args).await;
                return false;
            }
            ConnCommand::Client => {
                self.client(cmd, args);
                self.refresh_origin_name();
                return false;
            }
            ConnCommand::Slowlog => return self.slowlog(stat, args),
            ConnCommand::Auth => self.auth(args),
            ConnCommand::Monitor => {
                if self.in_exec {
                    self.scratch.error(transaction::MONITOR_IN_EXEC);
                    self.push_scratch();
                    return false;
                }
                // Redis ignores MONITOR from a client that already monitors (no reply).
                if self.monitor.is_some() {
                    return false;
                }
                self.monitor = Some(monitor::Subscription::new(self.info.id));
                self.info.monitor.set(true);
                self.scratch.ok();
            }
            ConnCommand::Info => {}
            ConnCommand::Save => self.save().await,
            ConnCommand::Bgsave => self.bgsave(args).await,
            ConnCommand::Lastsave => {
                let at = crate::persistence::status::status().last_save_unix;
                self.scratch.int(at);
            }
            ConnCommand::Bgrewriteaof => self.bgrewriteaof().await,
            ConnCommand::Multi => self.multi(),
            ConnCommand::Discard => self.discard().await,
            ConnCommand::Watch => self.watch(args).await,
            ConnCommand::Unwatch => {
                self.unwatch_all().await;
                self.scratch.ok();
            }
            ConnCommand::Subscribe(kind) => {
                let resp3 = r.resp3();
                let sub = self
                    .pubsub
                    .get_or_insert_with(|| pubsub::Subscriber::new(self.info.id, resp3));
                sub.subscribe(&mut self.ctx.pubsub.borrow_mut(), kind, &args[1..], r);
                self.info.pubsub.set(sub.counts());
            }
            ConnCommand::Unsubscribe(kind) => match self.pubsub.as_mut() {
                Some(sub) => {
                    sub.unsubscribe(&mut self.ctx.pubsub.borrow_mut(), kind, &args[1..], r);
                    self.info.pubsub.set(sub.counts());
                }
                None => {
                    let resp3 = r.resp3();
                    pubsub::Subscriber::new(self.info.id, resp3).unsubscribe(
                        &mut self.ctx.pubsub.borrow_mut(),
                        kind,
                        &args[1..],
                        r,
                    );
                }
            },
            ConnCommand::Publish { shard } => {
                // One job per shard in this round; each delivers to its own subscribers.
                let parts = (0..self.ctx.nshards)
                    .map(|s| {
                        let (channel, message) = (args[1].clone(), args[2].clone());
                        self.round.push_call(s, move |s, _| {
                            let reached = s.pubsub.borrow().publish(shard, &channel, &message);
                            // Merged as integer replies.
                            Bytes::from(format!(":{reached}\r\n"))
                        })
                    })
                    .collect();
                self.round.slots.push(Slot::Merged {
                    parts,
                    merge: Merge::SumInt,
                    order: Vec::new(),
                    stat,
                });
                return false;
            }
            ConnCommand::Pubsub => {
                self.pubsub_command(args).await;
                return false;
            }
            ConnCommand::Memory => {
                self.memory_command(args).await;
                return false;
            }
            ConnCommand::Exec => {
                // EXEC counts itself.
                self.exec_command(stat, args).await;
                return true;
            }
        }
        if which == ConnCommand::Reset {
            self.refresh_origin_name();
        }
        self.push_scratch();
        false
    }

    /// PUBSUB subcommands: every shard answers for its own connections' subscriptions.
    async fn pubsub_command(&mut self, args: &[Bytes]) {
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

    /// MEMORY STATS | DOCTOR | MALLOC-STATS | PURGE | HELP (USAGE is a keyed command, see
    /// `execute`): the process-wide figures, with every shard's key tables for STATS and
    /// DOCTOR.
    async fn memory_command(&mut self, args: &[Bytes]) {
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
    async fn gather_snapshot(&mut self) -> Option<Snapshot> {
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

    /// Keeps the name the slow log shows in step with CLIENT SETNAME, HELLO and RESET.
    fn refresh_origin_name(&mut self) {
        let name = self.info.name.borrow();
        if self.origin.name[..] != name[..] {
            self.origin.name = Bytes::copy_from_slice(&name);
        }
    }

    /// INFO [section ...]: asks every shard for its figures; the reply is rendered when they
    /// are in (see `Slot::Info`).
    fn info_command(&mut self, stat: StatId, args: Vec<Bytes>) {
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
    fn slowlog(&mut self, stat: StatId, args: &[Bytes]) -> bool {
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
    async fn config(&mut self, cmd: &Command, args: Vec<Bytes>) {
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
    async fn reconfigure_all(
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
    async fn shutdown(&mut self, args: &[Bytes]) {
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
    async fn save(&mut self) {
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
    async fn bgsave(&mut self, args: &[Bytes]) {
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
    async fn bgrewriteaof(&mut self) {
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

    fn hello(&mut self, args: &[Bytes]) {
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
    fn auth(&mut self, args: &[Bytes]) {
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
    fn take_messages(&mut self, first: Bytes) {
        let Some(sub) = self.pubsub.as_mut() else {
            return;
        };
        sub.take(&first, &mut self.out);
        self.take_pending_messages();
    }

    /// Queues the Pub/Sub messages already delivered to this connection.
    fn take_pending_messages(&mut self) {
        let Some(sub) = self.pubsub.as_mut() else {
            return;
        };
        while let Ok(message) = sub.messages.try_recv() {
            sub.take(&message, &mut self.out);
        }
    }

    /// Queues monitor lines (and those already waiting) for the next write.
    fn take_monitor_lines(&mut self, first: Bytes) {
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

    fn client(&mut self, cmd: &Command, args: &[Bytes]) {
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

const SHARD_GONE: &str = "ERR shard unavailable";
/// CLIENT KILL addr when no client has that address.
const NO_SUCH_CLIENT: &str = "ERR No such client";

/// The arguments the slow log may show: HELLO's AUTH password (and user) are replaced by
/// `(redacted)`, as Redis 7.0 does.
fn redacted(which: ConnCommand, args: &[Bytes]) -> std::borrow::Cow<'_, [Bytes]> {
    if which != ConnCommand::Hello {
        return std::borrow::Cow::Borrowed(args);
    }
    let mut out = args.to_vec();
    let mut j = 2;
    while j < out.len() {
        if out[j].eq_ignore_ascii_case(b"AUTH") && j + 2 < out.len() {
            out[j + 1] = Bytes::from_static(b"(redacted)");
            out[j + 2] = Bytes::from_static(b"(redacted)");
            j += 3;
        } else {
            j += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// SLOWLOG HELP, as Redis 7.0 words it.
const SLOWLOG_HELP: &[&str] = &[
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
fn write_slowlog(out: &mut Reply, entries: &[SlowEntry]) {
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

/// Commands a monitor may not run: Redis refuses keyspace commands from a replica, and a
/// monitor is flagged as one.
fn touches_keyspace(cmd: &Command) -> bool {
    cmd.meta
        .flags
        .iter()
        .any(|f| matches!(*f, "readonly" | "write" | "may_replicate"))
}

/// CLIENT HELP, as Redis 7.0 prints it.
const CLIENT_HELP: &[&str] = &[
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

/// An argument read as Redis's `getIntFromObjectOrReply` reads it: a 64-bit integer that
/// must fit in 32 bits, with Redis's two distinct errors.
/// The (database, key) pairs a command touches when run in database `db`: its keys, except
/// that COPY's destination lives in the database its `DB` option names.
fn key_entries(cmd: &Command, args: &[Bytes], db: u8) -> Vec<(u8, Bytes)> {
    let mut entries: Vec<(u8, Bytes)> = cmd
        .keys(args)
        .into_iter()
        .map(|p| (db, args[p].clone()))
        .collect();
    if cmd.meta.name == "copy" && entries.len() == 2 {
        let option = args[3..]
            .iter()
            .position(|a| a.eq_ignore_ascii_case(b"DB"))
            .and_then(|i| args.get(3 + i + 1))
            .and_then(|n| parse_i64(n));
        if let Some(n) = option.filter(|n| (0..=u8::MAX as i64).contains(n)) {
            entries[1].0 = n as u8;
        }
    }
    entries
}

pub(crate) fn parse_int32(arg: &[u8]) -> Result<i64, &'static str> {
    match parse_i64(arg) {
        None => Err(errors::NOT_INTEGER),
        Some(n) if i32::try_from(n).is_err() => Err(errors::INT_RANGE),
        Some(n) => Ok(n),
    }
}

fn error_bytes(text: &str) -> Bytes {
    Bytes::from(format!("-{text}\r\n"))
}

/// MSET-like commands take key/value pairs: an odd count is an arity error, as in Redis.
fn pairs_ok(cmd: &Command, argc: usize) -> bool {
    let m = cmd.meta;
    !(m.step == 2
        && m.last_key == -1
        && m.first_key > 0
        && !(argc - m.first_key as usize).is_multiple_of(2))
}

/// A client argument as C's `%s` prints it: up to the first NUL byte.
fn c_str(arg: &[u8]) -> &[u8] {
    &arg[..arg.iter().position(|&b| b == 0).unwrap_or(arg.len())]
}

/// Redis's text for an unknown command, quoting its first arguments (C string semantics:
/// `%.128s` cuts at 128 bytes or a NUL).
fn unknown_command(args: &[Bytes]) -> Vec<u8> {
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

fn unknown_subcommand(args: &[Bytes]) -> Vec<u8> {
    let sub = c_str(&args[1]);
    let mut text = b"ERR unknown subcommand '".to_vec();
    text.extend_from_slice(&sub[..sub.len().min(128)]);
    text.extend_from_slice(b"'. Try ");
    text.extend_from_slice(&c_str(&args[0]).to_ascii_uppercase());
    text.extend_from_slice(b" HELP.");
    text
}

fn parse_kill_filter(args: &[Bytes], own_id: u64) -> Result<(ClientFilter, bool), String> {
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

/// A CONFIG SET accepted: the configuration before it and the one to install.
type ConfigChange = (
    std::sync::Arc<crate::config::Config>,
    std::sync::Arc<crate::config::Config>,
);

/// CONFIG's subcommands. GET, HELP and REWRITE are answered here; a valid SET returns the
/// configuration to install on every shard (the caller replies +OK once they all run it),
/// which is already the process-wide master copy, with the one it replaced. `is_local`: the client connected over
/// loopback (`enable-protected-configs local`).
fn config_command(
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
            match crate::config_rewrite::rewrite(&master, path) {
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
fn command_command(r: &mut Reply, cmd: &Command, args: &[Bytes]) {
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
            let keys: Vec<usize> = target.key_positions(rest.len()).collect();
            if keys.is_empty() {
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

/// Combines the replies of a command's parts into the reply the client sees.
fn merge_replies(out: &mut Reply, merge: Merge, replies: &[Bytes], order: &[usize]) {
    if let Some(err) = replies.iter().find(|r| r.first() == Some(&b'-')) {
        return out.raw(err);
    }
    match merge {
        Merge::SumInt => {
            let total: i64 = replies.iter().filter_map(|r| reply_parse::integer(r)).sum();
            out.int(total);
        }
        Merge::AllOk => out.ok(),
        Merge::Concat => {
            let parts: Vec<Vec<&[u8]>> = replies
                .iter()
                .map(|r| reply_parse::array_elements(r).unwrap_or_default())
                .collect();
            let n: usize = parts.iter().map(Vec::len).sum();
            out.array(n);
            for p in parts.iter().flatten() {
                out.raw(p);
            }
        }
        Merge::KeyOrder => {
            let mut parts: Vec<std::vec::IntoIter<&[u8]>> = replies
                .iter()
                .map(|r| {
                    reply_parse::array_elements(r)
                        .unwrap_or_default()
                        .into_iter()
                })
                .collect();
            out.array(order.len());
            for &part in order {
                match parts.get_mut(part).and_then(Iterator::next) {
                    Some(element) => out.raw(element),
                    None => out.null(),
                }
            }
        }
    }
}

/// A SCAN reply: the global cursor and the raw array of keys.
fn scan_reply(cursor: u64, keys: &[u8]) -> Bytes {
    let mut out = Reply::new(false);
    out.array(2);
    out.bulk(cursor.to_string().as_bytes());
    out.raw(keys);
    out.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<Bytes> {
        words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect()
    }

    #[test]
    fn copy_locks_its_destination_in_the_database_it_names() {
        let copy = command_table::lookup(b"copy").expect("COPY");
        let plain = key_entries(copy, &args(&["COPY", "a", "b"]), 3);
        assert_eq!(plain, vec![(3, Bytes::from("a")), (3, Bytes::from("b"))]);
        let other_db = key_entries(copy, &args(&["COPY", "a", "b", "REPLACE", "db", "7"]), 3);
        assert_eq!(other_db, vec![(3, Bytes::from("a")), (7, Bytes::from("b"))]);
        let mset = command_table::lookup(b"mset").expect("MSET");
        let entries = key_entries(mset, &args(&["MSET", "k1", "v1", "k2", "v2"]), 0);
        assert_eq!(
            entries,
            vec![(0, Bytes::from("k1")), (0, Bytes::from("k2"))]
        );
    }
}
