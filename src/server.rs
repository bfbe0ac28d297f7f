//! The executors: one glommio executor per shard, pinned to a core, joined by a full channel
//! mesh. Each shard listens on the shared port (SO_REUSEPORT lets the kernel spread
//! connections), owns its [`shards::Shard`], and serves batches of jobs sent by the
//! connections of other shards. Nothing here is locked: a shard's state is touched only by its
//! own thread, through `RefCell`s that are never held across an `.await`.

use crate::blocking::BlockedKeys;
use crate::clients::{ClientRegistry, ClientSlot, MAX_CLIENTS_REACHED};
use crate::command_table;
use crate::config::Config;
use crate::locks::{KeyLocks, TxId};
use crate::reactor::{Listener, Reactor};
use crate::serverlog;
use crate::stats::{DbFigures, Origin, ShardStats, SlowLog, Snapshot, Tally};
use bytes::Bytes;
use futures_channel::oneshot;
use glommio::channels::shared_channel::{
    self, ConnectedReceiver, ConnectedSender, SharedReceiver, SharedSender,
};
use glommio::{CpuSet, LocalExecutorPoolBuilder, PoolPlacement};
use shards::{Handler, Reply, Shard};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How often each shard looks for clients idle longer than `timeout` (Redis's clientsCron
/// visits every client about once a second).
const IDLE_CHECK_PERIOD: Duration = Duration::from_millis(500);

/// A unit of work for a shard.
#[derive(Debug)]
pub enum Job {
    /// Run a command handler on database `db`, encoding in RESP3 when `resp3`.
    Run {
        /// The handler.
        handler: Handler,
        /// Selected database.
        db: u8,
        /// Reply protocol.
        resp3: bool,
        /// The arguments, command name first.
        args: Vec<Bytes>,
        /// How the run counts in the command statistics.
        tally: Tally,
        /// Who sent it (for the slow log).
        origin: Origin,
        /// For the first part of a command split over shards, the whole command's arguments,
        /// which the slow log shows.
        whole_args: Option<Vec<Bytes>>,
    },
    /// A typed call (`hop`): a closure run here, its result boxed.
    Call(crate::hop::Call),
    /// Lock `keys` of database `db` (or, when `whole`, every key here) for transaction `tx`;
    /// answered once granted. Always sent alone in its batch (see `locks`).
    Lock {
        /// The transaction.
        tx: TxId,
        /// Database.
        db: u8,
        /// The keys it will touch on this shard.
        keys: Vec<Bytes>,
        /// It runs a keyspace-wide command (FLUSHALL, KEYS, ...) here.
        whole: bool,
    },
    /// Release every lock transaction `tx` holds here.
    Unlock(TxId),
}

/// What a job produced.
#[derive(Debug)]
pub enum Outcome {
    /// An encoded reply.
    Reply(Bytes),
    /// Done, with nothing to answer (an acknowledgement, a granted lock).
    Done,
    /// What a `Job::Call` returned.
    Value(Box<dyn std::any::Any + Send>),
}

/// A handler to run and what it runs on.
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    handler: Handler,
    db: usize,
    now: i64,
    args: &'a [Bytes],
}

/// A batch of jobs sent to a shard, with the channel its outcomes go back on.
#[derive(Debug)]
pub struct Batch {
    /// The jobs, run in order.
    pub jobs: Vec<Job>,
    /// Where the outcomes go, one per job, in order.
    pub done: oneshot::Sender<Vec<Outcome>>,
    /// The cross-shard transaction the jobs run for (0: none): they may touch its locked keys.
    pub tx: TxId,
}

/// Everything a shard's executor owns. Shared by `Rc` among its tasks, never across threads.
#[derive(Debug)]
pub struct ShardCtx {
    /// This shard's index.
    pub id: usize,
    /// Number of shards.
    pub nshards: usize,
    /// The keyspace and its counters.
    pub engine: RefCell<Shard>,
    /// This shard's connections.
    pub clients: RefCell<ClientRegistry>,
    /// The configuration as this shard last saw it (CONFIG SET replaces it on every shard).
    config: RefCell<Arc<Config>>,
    /// Clients blocked on this shard's keys.
    pub blocked: RefCell<BlockedKeys>,
    /// This shard's sockets' readiness (see `reactor`).
    pub reactor: Rc<Reactor>,
    /// This shard's counters for INFO.
    pub stats: RefCell<ShardStats>,
    /// The commands this shard ran slowly.
    pub slowlog: RefCell<SlowLog>,
    /// Keys locked by cross-shard transactions, and the work waiting for them.
    pub locks: RefCell<KeyLocks>,
    /// `senders[j]`: the channel to shard j (`None` for this shard itself).
    senders: Vec<Option<ConnectedSender<Batch>>>,
    /// The tasks accepting connections on this shard's listeners; replacing them (CONFIG SET
    /// port/bind) drops the old tasks, which cancels them and closes their sockets.
    accepting: RefCell<Vec<glommio::Task<()>>>,
    /// This context itself, for the accept tasks it spawns.
    this: std::rc::Weak<ShardCtx>,
    /// This shard's append-only segment, when `appendonly` is on.
    pub aof: RefCell<Option<crate::persistence::aof::AofShard>>,
    /// The once-a-second fsync task runs (started once).
    pub aof_timer_started: std::cell::Cell<bool>,
    /// The subscriptions of this shard's connections.
    pub pubsub: RefCell<crate::pubsub::Registry>,
    /// Keyspace events (channel, message) for the other shards, sent in order by one task.
    events_out: futures_channel::mpsc::UnboundedSender<Rc<Vec<(Bytes, Bytes)>>>,
    /// This shard's Lua interpreter, from the first script run here (`scripting::shard`).
    pub scripts: RefCell<Option<crate::scripting::lua::Interpreter>>,
    /// This shard's functions VM and the generation of the library table it was built from
    /// (`scripting::shard`).
    pub functions_vm: RefCell<Option<(u64, crate::scripting::lua::Interpreter)>>,
}

impl ShardCtx {
    /// The current configuration.
    pub fn config(&self) -> Arc<Config> {
        self.config.borrow().clone()
    }

    /// The largest bulk string a client may send now (read before parsing each read).
    pub fn proto_max_bulk_len(&self) -> u64 {
        self.config.borrow().proto_max_bulk_len
    }

    /// The most bytes a client's query buffer may hold now (read at each read).
    pub fn client_query_buffer_limit(&self) -> u64 {
        self.config.borrow().client_query_buffer_limit
    }

    /// Installs a new configuration on this shard, and the limits the engine reads from it.
    /// An older configuration than the one installed (two CONFIG SETs whose messages crossed)
    /// is ignored.
    pub fn set_config(&self, config: Arc<Config>) {
        if config.generation < self.config.borrow().generation {
            return;
        }
        {
            let mut engine = self.engine.borrow_mut();
            engine.limits = config.encodings.clone();
            engine.limits.proto_max_bulk_len = config.proto_max_bulk_len;
            crate::memory::configure(&mut engine, &config);
            engine.set_notify_flags(config.notify_keyspace_events);
        }
        *self.config.borrow_mut() = config;
    }

    /// CONFIG SET on this shard: listens on the new port/addresses first if they changed
    /// (false, and the old configuration kept, when that fails), then installs `config`.
    pub fn reconfigure(&self, config: Arc<Config>) -> bool {
        let current = self.config();
        if config.generation < current.generation {
            return true;
        }
        if config.port != current.port || config.bind != current.bind {
            match open_listeners(&config, &self.reactor) {
                Ok(listeners) => self.accept_on(listeners),
                Err(_) => return false,
            }
        }
        self.set_config(config);
        true
    }

    /// Accepts connections on `listeners` from now on, and no longer on the previous ones.
    fn accept_on(&self, listeners: Vec<Listener>) {
        let tasks = listeners
            .into_iter()
            .map(|listener| {
                let this = self.this.clone();
                glommio::spawn_local(async move {
                    loop {
                        match listener.accept().await {
                            Ok(stream) => {
                                let Some(ctx) = this.upgrade() else { return };
                                // The limit is read at each accept: CONFIG SET applies to new
                                // connections.
                                match ClientSlot::take(ctx.config().maxclients) {
                                    Some(slot) => {
                                        glommio::spawn_local(crate::connection::serve(
                                            ctx, stream, slot,
                                        ))
                                        .detach();
                                    }
                                    None => {
                                        // A fresh socket's send buffer is empty: the short
                                        // error goes out at once, without blocking the shard.
                                        let mut stream = stream;
                                        let _ = stream.set_nonblocking(true);
                                        let _ = std::io::Write::write_all(
                                            &mut stream,
                                            MAX_CLIENTS_REACHED,
                                        );
                                    }
                                }
                            }
                            Err(e) => {
                                serverlog!(Warning, "Accepting client connection: {e}");
                                glommio::timer::sleep(Duration::from_millis(10)).await;
                            }
                        }
                    }
                })
            })
            .collect();
        *self.accepting.borrow_mut() = tasks;
    }

    /// Runs jobs on this shard, in order.
    pub fn run_jobs(&self, jobs: Vec<Job>) -> Vec<Outcome> {
        let now = shards::util::now_ms();
        let mut reply = Reply::new(false);
        let releases = jobs.iter().any(|j| matches!(j, Job::Unlock(_)));
        let outcomes = jobs
            .into_iter()
            .map(|job| self.run_job(job, now, &mut reply))
            .collect();
        {
            let mut engine = self.engine.borrow_mut();
            if engine.aof.is_enabled() {
                engine.log_expired();
            }
        }
        if releases {
            self.after_release();
        } else {
            self.wake_blocked(now);
        }
        self.publish_events();
        outcomes
    }

    /// After the shard removed keys on its own (active expiry, the eviction check): their
    /// `DEL`s go to the append-only file and their events to the subscribers.
    fn after_background_removals(&self) {
        {
            let mut engine = self.engine.borrow_mut();
            if !engine.aof.is_enabled() {
                drop(engine);
                return self.publish_events();
            }
            engine.log_expired();
        }
        self.aof_flush(false);
        self.publish_events();
    }

    /// Publishes the keyspace events the engine buffered (`notify-keyspace-events`) as
    /// PUBLISH would: to this shard's subscribers at once, and to every other shard's in one
    /// batch each. Nothing to do (one branch) when no event class is wanted.
    pub fn publish_events(&self) {
        let (events, flags) = {
            let mut engine = self.engine.borrow_mut();
            (engine.take_events(), engine.notify.flags())
        };
        if events.is_empty() {
            return;
        }
        let mut messages = Vec::new();
        for event in events {
            if flags & shards::notify::KEYSPACE != 0 {
                let mut channel = format!("__keyspace@{}__:", event.db).into_bytes();
                channel.extend_from_slice(&event.key);
                messages.push((
                    Bytes::from(channel),
                    Bytes::from_static(event.event.as_bytes()),
                ));
            }
            if flags & shards::notify::KEYEVENT != 0 {
                let channel = format!("__keyevent@{}__:{}", event.db, event.event);
                messages.push((Bytes::from(channel), event.key));
            }
        }
        {
            let registry = self.pubsub.borrow();
            for (channel, message) in &messages {
                registry.publish(false, channel, message);
            }
        }
        if self.nshards > 1 {
            let _ = self.events_out.unbounded_send(Rc::new(messages));
        }
    }

    /// Sends each batch of keyspace events to every other shard, batches in the order they
    /// were made, so one shard's events reach each subscriber in order.
    async fn send_events(
        self: Rc<Self>,
        mut batches: futures_channel::mpsc::UnboundedReceiver<Rc<Vec<(Bytes, Bytes)>>>,
    ) {
        while let Some(messages) = futures_lite::StreamExt::next(&mut batches).await {
            for shard in (0..self.nshards).filter(|&s| s != self.id) {
                let batch: Vec<(Bytes, Bytes)> = messages.to_vec();
                let deliver = move |s: &ShardCtx, _| {
                    let registry = s.pubsub.borrow();
                    for (channel, message) in &batch {
                        registry.publish(false, channel, message);
                    }
                };
                let job = Job::Call(crate::hop::Call::new(crate::hop::Touch::Nothing, deliver));
                let _ = self.dispatch(shard, vec![job], 0).await;
            }
        }
    }

    /// Runs `batch` now, or parks it while it touches keys another transaction has locked; a
    /// lock request is granted or queued. Outcomes go to `batch.done`.
    pub fn submit(&self, batch: Batch) {
        if let [Job::Lock { .. }] = &batch.jobs[..] {
            if let Some(Job::Lock {
                tx,
                db,
                keys,
                whole,
            }) = batch.jobs.into_iter().next()
            {
                self.locks
                    .borrow_mut()
                    .request(tx, db, keys, whole, batch.done);
            }
            return;
        }
        if self.locks.borrow().blocks(&batch) {
            self.locks.borrow_mut().park(batch);
            return;
        }
        self.run_batch(batch);
    }

    /// Runs a batch and sends its outcomes once what it wrote is as durable as
    /// `appendfsync` promises. A transaction's writes are kept aside for its commit.
    fn run_batch(&self, batch: Batch) {
        if self.aof.borrow().is_none() {
            let _ = batch.done.send(self.run_jobs(batch.jobs));
            return;
        }
        let tx = batch.tx;
        if tx != 0 {
            self.aof_before_part();
        }
        let mark = self.aof_mark();
        let outcomes = self.run_jobs(batch.jobs);
        if tx != 0 {
            self.aof_keep_part(tx);
        } else {
            self.aof_flush(false);
        }
        let done = batch.done;
        self.after_durable(
            mark,
            Box::new(move || {
                let _ = done.send(outcomes);
            }),
        );
    }

    /// After a transaction released its locks: grants waiting lock requests and runs the
    /// parked batches that no longer touch locked keys, then serves blocked clients.
    fn after_release(&self) {
        loop {
            let runnable = self.locks.borrow_mut().unblocked();
            if runnable.is_empty() {
                break;
            }
            for batch in runnable {
                // A parked batch holds no locks of its own to release; it just runs now.
                self.run_batch(batch);
            }
        }
        self.wake_blocked(shards::util::now_ms());
    }

    /// Whether no transaction holds a lock here (then everything runs in place).
    pub fn unlocked(&self) -> bool {
        self.locks.borrow().is_idle()
    }

    /// Wakes clients blocked on keys that can now serve them; called after every batch of
    /// work on this shard (cheap when nobody is blocked). Not while a transaction holds locks
    /// here: a blocked client is served after the transaction, never in the middle of it.
    pub fn wake_blocked(&self, now: i64) {
        let mut blocked = self.blocked.borrow_mut();
        if !blocked.is_empty() && self.unlocked() {
            blocked.wake_ready(&mut self.engine.borrow_mut(), now);
        }
    }

    /// Runs a command handler on this shard, encoding into `reply`, and counts it as `tally`
    /// says: its time, its call, its failure, its slow log entry. Both the jobs other shards
    /// send and the connection's in-place fast path run commands through here.
    #[allow(clippy::too_many_arguments)]
    pub fn run_command(
        &self,
        handler: Handler,
        db: usize,
        now: i64,
        args: &[Bytes],
        reply: &mut Reply,
        tally: Tally,
        origin: &Origin,
    ) {
        let run = Run {
            handler,
            db,
            now,
            args,
        };
        self.run_logged(run, args, reply, tally, origin);
    }

    /// [`ShardCtx::run_command`], logging `logged` as the command's arguments if it was slow.
    fn run_logged(
        &self,
        run: Run<'_>,
        logged: &[Bytes],
        reply: &mut Reply,
        tally: Tally,
        origin: &Origin,
    ) {
        let (start, errors) = (reply.len(), reply.error_count());
        let started = crate::stats::stamp();
        let mut engine = self.engine.borrow_mut();
        let changes_before = engine.dbs[run.db].changes;
        let maxmemory = self.config.borrow().maxmemory;
        let name = run.args.first().map_or(&b""[..], |name| &name[..]);
        if maxmemory != 0
            && !crate::memory::admit(
                &mut engine,
                self.id,
                maxmemory,
                run.now,
                name,
                self.unlocked(),
            )
        {
            reply.error(shards::errors::OOM);
        } else {
            engine.run(run.handler, run.db, run.now, run.args, reply);
        }
        let usec = crate::stats::elapsed_us(started);
        let changed = engine.dbs[run.db].changes.wrapping_sub(changes_before);
        if changed != 0 {
            crate::persistence::status::note_changes(self.id, changed);
        }
        let failed = reply.error_count() > errors;
        if engine.aof.is_enabled() {
            // The tally's statistics index says it without a name lookup, when it has one.
            let write = !failed
                && match tally {
                    Tally::Whole(id) | Tally::Lead(id) | Tally::Part(id) => {
                        command_table::stat_is_write(id)
                    }
                    Tally::Skip => command_table::is_write(name),
                };
            engine.finish_command(run.db, run.args, write);
        }
        drop(engine);
        let reply = &reply.as_bytes()[start..];
        self.account(tally, usec, logged, failed, reply, origin);
    }

    /// Counts a command that ran `usec` (see [`Tally`]) and logs it when it was slow. `reply`
    /// is its encoded reply, read only when it `failed`.
    pub fn account(
        &self,
        tally: Tally,
        usec: u64,
        args: &[Bytes],
        failed: bool,
        reply: &[u8],
        origin: &Origin,
    ) {
        {
            let mut stats = self.stats.borrow_mut();
            match tally {
                Tally::Skip => return,
                Tally::Whole(id) => {
                    stats.record_call(id, usec);
                    if failed {
                        stats.record_failed(id, reply);
                    } else if command_table::stat_is_write(id) {
                        stats.counters.dirty += 1;
                    }
                }
                Tally::Lead(id) => {
                    stats.record_call(id, usec);
                    if command_table::stat_is_write(id) {
                        stats.counters.dirty += 1;
                    }
                }
                Tally::Part(id) => return stats.record_time(id, usec),
            }
        }
        let (threshold, max_len) = {
            let config = self.config.borrow();
            (config.slowlog_log_slower_than, config.slowlog_max_len)
        };
        if threshold >= 0 && usec >= threshold as u64 {
            self.slowlog
                .borrow_mut()
                .push(args, usec, origin, max_len as usize);
        }
    }

    /// This shard's figures for INFO.
    pub fn snapshot(&self) -> Snapshot {
        let mut snap = Snapshot::of(&self.stats.borrow());
        snap.clients = self.clients.borrow().len() as u64;
        snap.clients_memory = self.clients.borrow().memory();
        snap.pubsub = self.pubsub.borrow().names();
        if let Some(interpreter) = self.scripts.borrow().as_ref() {
            snap.lua_memory = interpreter.used_memory() as u64;
            snap.scripts_memory = interpreter.scripts_memory() as u64;
        }
        let now = shards::util::now_ms();
        let mut engine = self.engine.borrow_mut();
        snap.keyspace_hits = engine.stats.keyspace_hits;
        snap.keyspace_misses = engine.stats.keyspace_misses;
        snap.evicted_keys = engine.stats.evicted_keys;
        let shards::Shard { dbs, rng, .. } = &mut *engine;
        for db in dbs.iter() {
            snap.expired_keys += db.expired_keys;
            let (keys, expires) = (db.len() as u64, db.volatile_len() as u64);
            // Like Redis's estimate (kept by its expiry cycle), from a sample: INFO stays O(1).
            let mut ttl_sum = 0f64;
            let samples = db.volatile_len().min(32);
            for _ in 0..samples {
                if let Some((_, at)) = db.volatile_at(rng.below(db.volatile_len())) {
                    ttl_sum += (at - now).max(0) as f64;
                }
            }
            let avg_ttl = if samples > 0 {
                ttl_sum / samples as f64
            } else {
                0.0
            };
            let (overhead_main, overhead_expires) = shards::usage::table_overhead(db);
            snap.dbs.push(DbFigures {
                keys,
                expires,
                avg_ttl,
                overhead_main: overhead_main as u64,
                overhead_expires: overhead_expires as u64,
            });
        }
        snap
    }

    /// CONFIG RESETSTAT on this shard: command, error and traffic counters, keyspace hits and
    /// misses, expired keys. (The slow log stays, as in Redis.)
    pub fn reset_stats(&self) {
        self.stats.borrow_mut().reset();
        let mut engine = self.engine.borrow_mut();
        engine.stats = Default::default();
        for db in engine.dbs.iter_mut() {
            db.expired_keys = 0;
        }
    }

    fn run_job(&self, job: Job, now: i64, reply: &mut Reply) -> Outcome {
        match job {
            Job::Run {
                handler,
                db,
                resp3,
                args,
                tally,
                origin,
                whole_args,
            } => {
                reply.set_resp3(resp3);
                let logged = whole_args.as_deref().unwrap_or(&args);
                let run = Run {
                    handler,
                    db: db as usize,
                    now,
                    args: &args,
                };
                self.run_logged(run, logged, reply, tally, &origin);
                Outcome::Reply(reply.take())
            }
            Job::Call(call) => Outcome::Value(call.run(self, now)),
            // A lock request is handled by `submit` when it comes alone, as it always does.
            Job::Lock { .. } => Outcome::Done,
            Job::Unlock(tx) => {
                self.locks.borrow_mut().release(tx);
                self.aof_forget_part(tx);
                Outcome::Done
            }
        }
    }

    /// This context as the `Rc` its tasks share (for work that spawns tasks or keeps it).
    pub fn rc(&self) -> Option<Rc<ShardCtx>> {
        self.this.upgrade()
    }

    /// Sends `jobs` to shard `target` and returns where their outcomes will arrive, so a
    /// connection can send to every shard before it waits for any. On this shard the jobs run
    /// at once. An error means the target shard is gone (the server is stopping).
    pub async fn dispatch(
        &self,
        target: usize,
        jobs: Vec<Job>,
        tx: TxId,
    ) -> Result<oneshot::Receiver<Vec<Outcome>>, ()> {
        let (done, outcome) = oneshot::channel();
        let batch = Batch { jobs, done, tx };
        if target == self.id {
            self.submit(batch);
        } else {
            let sender = self
                .senders
                .get(target)
                .and_then(Option::as_ref)
                .ok_or(())?;
            sender.send(batch).await.map_err(|_| ())?;
        }
        Ok(outcome)
    }
}

impl ShardCtx {
    /// Hands `jobs` to shard `target` (another shard) without awaiting: the batch goes into
    /// the pair's channel at once, or, while the channel is full, after the thread yields to
    /// let the target drain it. For a caller that must not return to the executor (a script
    /// running under the keyspace-wide lock, `hop::ShardCtx::on_blocking`). An error means
    /// the target shard is gone.
    pub(crate) fn hand_over(
        &self,
        target: usize,
        jobs: Vec<Job>,
        tx: TxId,
    ) -> Result<oneshot::Receiver<Vec<Outcome>>, ()> {
        let (done, outcome) = oneshot::channel();
        let mut batch = Batch { jobs, done, tx };
        let sender = self
            .senders
            .get(target)
            .and_then(Option::as_ref)
            .ok_or(())?;
        loop {
            match sender.try_send(batch) {
                Ok(()) => return Ok(outcome),
                Err(glommio::GlommioError::WouldBlock(glommio::ResourceType::Channel(back))) => {
                    batch = back;
                    std::thread::yield_now();
                }
                Err(_) => return Err(()),
            }
        }
    }
}

/// The CPUs this process may run on (it may have been started under `taskset`).
fn allowed_cpus() -> Option<Vec<usize>> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let list = status
        .lines()
        .find_map(|l| l.strip_prefix("Cpus_allowed_list:"))?
        .trim()
        .to_string();
    let mut cpus = Vec::new();
    for part in list.split(',') {
        match part.split_once('-') {
            Some((a, b)) => cpus.extend(a.parse::<usize>().ok()?..=b.parse::<usize>().ok()?),
            None => cpus.push(part.parse().ok()?),
        }
    }
    Some(cpus)
}

/// Starts every shard and blocks until they stop.
pub fn run(config: Config) -> Result<(), String> {
    let allowed = allowed_cpus();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let nshards = if config.shards == 0 {
        cores
    } else {
        config.shards
    };
    let cpus = CpuSet::online().map_err(|e| format!("cannot read the CPU topology: {e}"))?;
    let cpus = match &allowed {
        Some(list) => cpus.filter(|l| list.contains(&l.cpu)),
        None => cpus,
    };
    // One shard per core, pinned; more shards than cores share the allowed cores.
    let placement = if nshards <= cpus.len() {
        PoolPlacement::MaxSpread(nshards, Some(cpus))
    } else {
        PoolPlacement::Fenced(nshards, cpus)
    };
    crate::info::init();
    let config = Arc::new(config);
    // One bounded channel per ordered pair of shards, made here and handed out as one bundle
    // per shard. (glommio's MeshBuilder join was seen to hang at start under heavy load; plain
    // channels need no handshake beyond each side connecting its half.)
    let (bundle_tx, bundle_rx) = crossbeam_channel::unbounded();
    let mut outgoing: Vec<Vec<Option<SharedSender<Batch>>>> = (0..nshards)
        .map(|_| (0..nshards).map(|_| None).collect())
        .collect();
    let mut incoming: Vec<Vec<SharedReceiver<Batch>>> = (0..nshards).map(|_| Vec::new()).collect();
    for (from, row) in outgoing.iter_mut().enumerate() {
        for (to, slot) in row.iter_mut().enumerate() {
            if from != to {
                let (tx, rx) = shared_channel::new_bounded(1024);
                *slot = Some(tx);
                incoming[to].push(rx);
            }
        }
    }
    crate::persistence::status::init(nshards);
    let mut loading = crate::persistence::start_loading(&config, nshards).map(Vec::into_iter);
    for (id, (senders, receivers)) in outgoing.into_iter().zip(incoming).enumerate() {
        let _ = bundle_tx.send(ShardChannels {
            id,
            loaded: loading.as_mut().and_then(Iterator::next),
            senders,
            receivers,
        });
    }
    crate::log::set_running();
    serverlog!(
        Notice,
        "Running mode=standalone, port={}, shards={nshards}.",
        config.port
    );
    check_backlog(config.tcp_backlog);
    serverlog!(Warning, "Server initialized");
    // glommio preallocates 10 MiB per executor for io_uring storage I/O, which shardis does
    // not use (sockets go through `reactor.rs`, files through threads): the minimum (64 KiB)
    // keeps it out of used_memory, which maxmemory is checked against.
    let handles = LocalExecutorPoolBuilder::new(placement)
        .name("shard")
        .io_memory(64 << 10)
        .on_all_shards(move || {
            let config = config.clone();
            let bundle = bundle_rx.try_recv();
            async move {
                let Ok(bundle) = bundle else {
                    serverlog!(Warning, "shard started without its channels");
                    std::process::exit(1);
                };
                if let Err(e) = shard_main(config, bundle, nshards).await {
                    serverlog!(Warning, "{e}");
                    std::process::exit(1);
                }
            }
        })
        .map_err(|e| format!("cannot start the shards: {e}"))?;
    handles.join_all();
    Ok(())
}

/// A listening socket on `addr:port` (Redis's `*` is every IPv4 address, `::*` every IPv6
/// one), shared with the other shards through SO_REUSEPORT, with `backlog` pending
/// connections (glommio's own `bind` fixes the backlog at 1024 and panics on an address
/// that does not resolve, so the socket is made here).
fn listen(addr: &str, port: u16, backlog: u64) -> Result<std::net::TcpListener, String> {
    use socket2::{Domain, Protocol, SockAddr, Socket, Type};
    use std::net::ToSocketAddrs;
    let host = match addr {
        "*" => "0.0.0.0",
        "::*" => "::",
        other => other,
    };
    let target = (host, port)
        .to_socket_addrs()
        .map_err(|e| {
            let text = crate::config::os_error_text(&e);
            // getaddrinfo's own words, as Redis prints them.
            match text.strip_prefix("failed to lookup address information: ") {
                Some(reason) => reason.to_string(),
                None => text,
            }
        })?
        .next()
        .ok_or_else(|| "Name or service not known".to_string())?;
    let domain = if target.is_ipv6() {
        Domain::IPV6
    } else {
        Domain::IPV4
    };
    let fail =
        |what: &str, e: std::io::Error| format!("{what}: {}", crate::config::os_error_text(&e));
    let socket =
        Socket::new(domain, Type::STREAM, Some(Protocol::TCP)).map_err(|e| fail("socket", e))?;
    if target.is_ipv6() {
        socket
            .set_only_v6(true)
            .map_err(|e| fail("setsockopt", e))?;
    }
    socket
        .set_reuse_address(true)
        .map_err(|e| fail("setsockopt", e))?;
    socket
        .set_reuse_port(true)
        .map_err(|e| fail("setsockopt", e))?;
    socket
        .bind(&SockAddr::from(target))
        .map_err(|e| fail("bind", e))?;
    let backlog = i32::try_from(backlog).unwrap_or(i32::MAX);
    socket.listen(backlog).map_err(|e| fail("listen", e))?;
    Ok(socket.into())
}

/// Redis's start-up check: a backlog larger than the kernel's `somaxconn` is cut to it.
fn check_backlog(backlog: u64) {
    let somaxconn = std::fs::read_to_string("/proc/sys/net/core/somaxconn")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    if let Some(max) = somaxconn.filter(|&max| max < backlog) {
        serverlog!(
            Warning,
            "WARNING: The TCP backlog setting of {backlog} cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of {max}."
        );
    }
}

impl ShardCtx {
    /// A shard's context on the executor running it, with its empty keyspace, serving the
    /// batches other shards send on `receivers` and sending its keyspace events on; no
    /// listener and no periodic task (`shard_main` adds those; unit tests run without them).
    pub(crate) fn start(
        id: usize,
        nshards: usize,
        config: Arc<Config>,
        reactor: Rc<Reactor>,
        senders: Vec<Option<ConnectedSender<Batch>>>,
        receivers: Vec<ConnectedReceiver<Batch>>,
    ) -> Rc<ShardCtx> {
        let mut engine = Shard::new(
            config.databases,
            0x5EED ^ ((id as u64 + 1) << 32) ^ shards::util::now_ms() as u64,
        );
        engine.limits = config.encodings.clone();
        engine.limits.proto_max_bulk_len = config.proto_max_bulk_len;
        crate::memory::configure(&mut engine, &config);
        engine.set_notify_flags(config.notify_keyspace_events);
        let (events_out, events_in) = futures_channel::mpsc::unbounded();
        let ctx = Rc::new_cyclic(|this| ShardCtx {
            reactor,
            id,
            nshards,
            engine: RefCell::new(engine),
            clients: RefCell::new(ClientRegistry::default()),
            config: RefCell::new(config),
            blocked: RefCell::new(BlockedKeys::default()),
            stats: RefCell::new(ShardStats::new(command_table::stat_metas().len())),
            slowlog: RefCell::new(SlowLog::default()),
            locks: RefCell::new(KeyLocks::default()),
            senders,
            accepting: RefCell::new(Vec::new()),
            this: this.clone(),
            aof: RefCell::new(None),
            aof_timer_started: std::cell::Cell::new(false),
            pubsub: RefCell::new(crate::pubsub::Registry::default()),
            events_out,
            scripts: RefCell::new(None),
            functions_vm: RefCell::new(None),
        });
        glommio::spawn_local(ctx.clone().send_events(events_in)).detach();
        for receiver in receivers {
            let ctx = ctx.clone();
            glommio::spawn_local(async move {
                while let Some(batch) = receiver.recv().await {
                    ctx.submit(batch);
                }
            })
            .detach();
        }
        ctx
    }
}

/// One shard's ends of the channels between shards.
struct ShardChannels {
    id: usize,
    /// Where the loaded dataset arrives, when there is one to load.
    loaded: Option<crossbeam_channel::Receiver<crate::persistence::Loaded>>,
    senders: Vec<Option<SharedSender<Batch>>>,
    receivers: Vec<SharedReceiver<Batch>>,
}

/// Connects one shard's halves of its channels to the other shards, all at once (each half
/// waits for its peer to connect the other one).
pub(crate) async fn connect_channels(
    senders: Vec<Option<SharedSender<Batch>>>,
    receivers: Vec<SharedReceiver<Batch>>,
) -> (
    Vec<Option<ConnectedSender<Batch>>>,
    Vec<ConnectedReceiver<Batch>>,
) {
    let sender_tasks: Vec<_> = senders
        .into_iter()
        .map(|s| {
            glommio::spawn_local(async move {
                match s {
                    Some(s) => Some(s.connect().await),
                    None => None,
                }
            })
        })
        .collect();
    let receiver_tasks: Vec<_> = receivers
        .into_iter()
        .map(|r| glommio::spawn_local(r.connect()))
        .collect();
    let mut connected_senders = Vec::with_capacity(sender_tasks.len());
    for task in sender_tasks {
        connected_senders.push(task.await);
    }
    let mut connected_receivers = Vec::with_capacity(receiver_tasks.len());
    for task in receiver_tasks {
        connected_receivers.push(task.await);
    }
    (connected_senders, connected_receivers)
}

async fn shard_main(
    config: Arc<Config>,
    channels: ShardChannels,
    nshards: usize,
) -> Result<(), String> {
    let id = channels.id;
    let channels_loaded = channels.loaded;
    let (senders, receivers) = connect_channels(channels.senders, channels.receivers).await;
    let reactor = Reactor::new().map_err(|e| format!("cannot create the epoll set: {e}"))?;
    reactor
        .install()
        .map_err(|e| format!("cannot watch the executor's rings: {e}"))?;
    let ctx = ShardCtx::start(
        id,
        nshards,
        config.clone(),
        reactor.clone(),
        senders,
        receivers,
    );

    {
        let ctx = ctx.clone();
        glommio::spawn_local(async move {
            loop {
                // Read each tick: CONFIG SET hz takes effect at the next one.
                let period = Duration::from_millis(1000 / ctx.config().hz.max(1) as u64);
                glommio::timer::sleep(period).await;
                let now = shards::util::now_ms();
                // Redis's slow cycle spends at most 25% of each tick. Not while a transaction
                // holds keys here: it must not see one of them expire half-way.
                if ctx.unlocked() {
                    shards::expire::active_expire_cycle(
                        &mut ctx.engine.borrow_mut(),
                        now,
                        period / 4,
                    );
                    ctx.after_background_removals();
                }
            }
        })
        .detach();
    }

    {
        // Redis's clientsCron part that closes idle clients: `timeout` is read every time,
        // so CONFIG SET applies to every connection.
        let ctx = ctx.clone();
        glommio::spawn_local(async move {
            loop {
                glommio::timer::sleep(IDLE_CHECK_PERIOD).await;
                let timeout = ctx.config().timeout;
                ctx.clients
                    .borrow()
                    .close_idle(timeout, shards::util::now_ms());
            }
        })
        .detach();
    }

    {
        // The instantaneous metrics: a sample every 100 ms, as Redis's cron; shard 0 also
        // keeps the memory peak.
        let ctx = ctx.clone();
        glommio::spawn_local(async move {
            loop {
                glommio::timer::sleep(Duration::from_millis(100)).await;
                ctx.stats.borrow_mut().sample(shards::util::now_ms());
                if ctx.unlocked() {
                    let maxmemory = ctx.config().maxmemory;
                    crate::memory::cron(
                        &mut ctx.engine.borrow_mut(),
                        ctx.id,
                        maxmemory,
                        shards::util::now_ms(),
                    );
                    ctx.after_background_removals();
                }
                if ctx.id == 0 {
                    crate::info::track_memory_peak();
                    crate::persistence::tick(&ctx).await;
                    crate::shutdown::on_tick(&ctx).await;
                }
            }
        })
        .detach();
    }

    let listeners = open_listeners(&config, &reactor)
        .map_err(|()| format!("Failed listening on port {} (TCP), aborting.", config.port))?;
    ctx.accept_on(listeners);
    match channels_loaded {
        Some(loaded) => {
            glommio::spawn_local(crate::persistence::install_loaded(ctx.clone(), loaded)).detach();
        }
        None => crate::persistence::aof::open_on_shard(&ctx),
    }
    if id == 0 {
        crate::info::record_startup_memory();
        serverlog!(Notice, "Ready to accept connections");
    }
    // The shard lives on in its tasks; this one only keeps the executor running.
    futures_lite::future::pending::<()>().await;
    Ok(())
}

/// Listens on every address of `bind` at `port`, logging Redis's warning for one that fails
/// (a `-addr` is optional: skipped when it cannot be bound).
fn open_listeners(config: &Config, reactor: &Rc<Reactor>) -> Result<Vec<Listener>, ()> {
    let mut listeners = Vec::new();
    for addr in &config.bind {
        // Redis's `-addr`: skip an address this host does not have rather than fail.
        let (optional, addr) = match addr.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, addr.as_str()),
        };
        match listen(addr, config.port, config.tcp_backlog)
            .and_then(|l| Listener::new(l, reactor).map_err(|e| crate::config::os_error_text(&e)))
        {
            Ok(listener) => listeners.push(listener),
            Err(_) if optional => {}
            Err(e) => {
                serverlog!(
                    Warning,
                    "Warning: Could not create server TCP listening socket {addr}:{}: {e}",
                    config.port
                );
                return Err(());
            }
        }
    }
    Ok(listeners)
}
