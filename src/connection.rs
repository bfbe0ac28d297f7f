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
mod admission;
mod blocked;
mod client_cmds;
mod locking;
mod output;
mod query_limit;
mod round;
mod scripts;
mod server_cmds;
mod transaction;

use admission::*;
use client_cmds::*;
use round::*;
use server_cmds::*;

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
    let mut conn = Conn::new(ctx.clone(), info);
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

struct Conn {
    ctx: Rc<ShardCtx>,
    info: Rc<ClientInfo>,
    /// The client as the slow log shows it, sent along with its commands.
    origin: Origin,
    /// The last error reply a connection command pushed (its code feeds INFO errorstats).
    last_scratch: Bytes,
    /// How far this shard's AOF record stream must be in the file before the pending
    /// replies leave (what this connection's own commands recorded; 0: nothing).
    aof_needed: u64,
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
    /// It waits on its first key only (its row's `Blocking::source_only`).
    source_only: bool,
    /// What the command replies when the wait times out (its empty-handed reply).
    timeout_reply: Bytes,
    deadline: Option<std::time::Instant>,
    wake_tx: futures_channel::mpsc::UnboundedSender<()>,
    wake_rx: futures_channel::mpsc::UnboundedReceiver<()>,
}

/// Waits until `signal` fires (forever without one), then answers `false`: the write it
/// races was cut off by a monitor's or subscriber's overflow.
async fn cut_off_by(signal: Option<&mut futures_channel::oneshot::Receiver<()>>) -> bool {
    match signal {
        Some(fired) => {
            let _ = fired.await;
        }
        None => futures_lite::future::pending::<()>().await,
    }
    false
}

impl Conn {
    /// The state of a new client of shard `ctx`, described by `info`.
    fn new(ctx: Rc<ShardCtx>, info: Rc<ClientInfo>) -> Conn {
        Conn {
            origin: Origin {
                addr: info.addr,
                name: Bytes::new(),
            },
            last_scratch: Bytes::new(),
            aof_needed: 0,
            rng: Rng::new(info.id.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
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
            ctx,
            info,
        }
    }

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
                let needed = std::mem::take(&mut self.aof_needed);
                if let Some(synced) = self.ctx.aof_flush_upto(true, needed) {
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
                            let overflow = cut_off_by(monitor.map(|m| &mut m.overflow));
                            let cut_off = cut_off_by(subscriber.map(|s| &mut s.overflow));
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

    /// Runs a blocking command's attempt over keys that may span shards, whole (one shard)
    /// or gathered: its reply, and whether it found nothing to serve it (`Ctx::empty_handed`:
    /// then the reply is the one for a timeout).
    async fn run_anywhere(
        &mut self,
        handler: Handler,
        args: &[Bytes],
        keys: &[usize],
    ) -> Result<(Bytes, bool), ()> {
        let nshards = self.ctx.nshards;
        let first = keys
            .first()
            .map(|&p| key_shard(&args[p], nshards))
            .unwrap_or(self.ctx.id);
        if keys.iter().all(|&p| key_shard(&args[p], nshards) == first) {
            let (db, resp3, origin) = (self.db as u8, self.resp3(), self.origin.clone());
            let touch = Touch::Keys {
                db,
                keys: keys.iter().map(|&p| args[p].clone()).collect(),
            };
            let args = args.to_vec();
            let attempt = move |s: &ShardCtx, now: i64| {
                let mut reply = Reply::new(resp3);
                let db = db as usize;
                s.run_command(handler, db, now, &args, &mut reply, Tally::Skip, &origin);
                (reply.take(), s.engine.borrow_mut().take_empty_handed())
            };
            self.ctx
                .on(first, self.tx, touch, attempt)
                .await
                .map_err(|_| ())
        } else {
            let locked = self
                .begin_atomic(&Self::keys_at(args, keys.iter().copied()))
                .await?;
            let reply = self.run_gathered(handler, args, keys).await.map_err(|_| ());
            self.end_atomic(locked).await;
            reply
        }
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
        if cmd.blocks.is_some() {
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
                                        .map(|(reply, _)| reply)
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
                    let entries = cmd.key_entries(&args, self.db as u8);
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
            ConnCommand::Eval { by_sha, read_only } => {
                // The round so far runs first: the script sees every earlier write.
                self.flush_round().await;
                let started = crate::stats::stamp();
                let reply = self.eval(args, by_sha, read_only).await;
                let usec = crate::stats::elapsed_us(started);
                self.account_whole(stat, usec, args, &reply);
                self.out.raw(&reply);
                return true;
            }
            ConnCommand::Fcall { read_only } => {
                // The round so far runs first: the function sees every earlier write.
                self.flush_round().await;
                let started = crate::stats::stamp();
                let reply = self.fcall(args, read_only).await;
                let usec = crate::stats::elapsed_us(started);
                self.account_whole(stat, usec, args, &reply);
                self.out.raw(&reply);
                return true;
            }
            ConnCommand::Script => {
                let reply = self.script_command(args).await;
                self.scratch.raw(&reply);
            }
            ConnCommand::Function => {
                let reply = self.function_command(args).await;
                self.scratch.raw(&reply);
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
}

const SHARD_GONE: &str = "ERR shard unavailable";
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

/// An argument read as Redis's `getIntFromObjectOrReply` reads it: a 64-bit integer that
/// must fit in 32 bits, with Redis's two distinct errors.
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

/// A connection driven by a unit test without a socket: requests go in as the read loop
/// would hand them over, and the replies come back as the bytes it would write.
#[cfg(test)]
impl Conn {
    /// A fresh client of shard `ctx` (see `test_shards`).
    pub(crate) fn for_test(ctx: Rc<ShardCtx>, id: u64) -> Conn {
        Conn::new(ctx, crate::test_shards::client_info(id))
    }

    /// Runs `requests` as one read's worth of pipelined requests (each admitted, then the
    /// round flushed) and answers what would be written to the client, as text.
    pub(crate) async fn exchange(&mut self, requests: &[&[&str]]) -> String {
        self.now = shards::util::now_ms();
        for words in requests {
            let args = words
                .iter()
                .map(|w| Bytes::copy_from_slice(w.as_bytes()))
                .collect();
            self.request(args).await;
        }
        self.flush_round().await;
        let text = String::from_utf8_lossy(self.out.as_bytes()).into_owned();
        self.out.clear(OUT_KEEP);
        text
    }
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
    fn copy_and_move_lock_their_destination_in_the_database_they_name() {
        let copy = command_table::lookup(b"copy").expect("COPY");
        let plain = copy.key_entries(&args(&["COPY", "a", "b"]), 3);
        assert_eq!(plain, vec![(3, Bytes::from("a")), (3, Bytes::from("b"))]);
        let other_db = copy.key_entries(&args(&["COPY", "a", "b", "REPLACE", "db", "7"]), 3);
        assert_eq!(other_db, vec![(3, Bytes::from("a")), (7, Bytes::from("b"))]);
        let mset = command_table::lookup(b"mset").expect("MSET");
        let entries = mset.key_entries(&args(&["MSET", "k1", "v1", "k2", "v2"]), 0);
        assert_eq!(
            entries,
            vec![(0, Bytes::from("k1")), (0, Bytes::from("k2"))]
        );
        let moving = command_table::lookup(b"move").expect("MOVE");
        let entries = moving.key_entries(&args(&["MOVE", "k", "5"]), 2);
        assert_eq!(entries, vec![(2, Bytes::from("k")), (5, Bytes::from("k"))]);
        let entries = moving.key_entries(&args(&["MOVE", "k", "x"]), 2);
        assert_eq!(
            entries,
            vec![(2, Bytes::from("k"))],
            "a bad index fails MOVE"
        );
    }
}
