//! What each shard counts for INFO (commands, errors, traffic, ops per second) and its share of
//! the slow log.
//!
//! Every shard owns its counters: plain fields behind a `RefCell` in its `ShardCtx`, touched
//! only by its own thread, so counting a command costs a few additions and no atomic. INFO
//! asks every shard for a [`Snapshot`] by message and adds them up; CONFIG RESETSTAT and the
//! SLOWLOG subcommands are messages to every shard too. The only process-wide counter here is
//! the slow log's entry id, taken only when an entry is logged.
//!
//! A command is counted where it runs (`ShardCtx::run_command`): on the shard of its key, or
//! on the connection's shard for commands the connection runs and for commands whose keys span
//! shards (those are timed by the connection, messages between shards included). A command
//! split into parts over shards (MGET, DEL, KEYS, ...) is counted once: its first part counts
//! the call, the others add their time ([`Tally`]).

use bytes::Bytes;
use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// Index of a command or subcommand in the statistics (see [`crate::command_table::stat_metas`]).
pub type StatId = u16;

/// How one run of a command counts in the command statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    /// Not counted: internal work, or a command the connection accounts for itself.
    Skip,
    /// The whole command: a call, its time, a failure when it replies with an error.
    Whole(StatId),
    /// The first part of a command split over shards: the call and this part's time (the
    /// connection counts a failure, as it sees the merged reply).
    Lead(StatId),
    /// Another part of a split command: its time only.
    Part(StatId),
}

/// Who sent a command, for the slow log: copied into every job cheaply (the name is shared
/// `Bytes`, empty and allocation-free for clients without one).
#[derive(Debug, Clone)]
pub struct Origin {
    /// The client's address.
    pub addr: SocketAddr,
    /// Its CLIENT SETNAME name.
    pub name: Bytes,
}

/// One command's counters (INFO commandstats).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CmdStat {
    /// Runs.
    pub calls: u64,
    /// Microseconds spent running.
    pub usec: u64,
    /// Refused before running (wrong number of arguments).
    pub rejected: u64,
    /// Ran and replied with an error.
    pub failed: u64,
}

impl CmdStat {
    fn add(&mut self, other: &CmdStat) {
        self.calls += other.calls;
        self.usec += other.usec;
        self.rejected += other.rejected;
        self.failed += other.failed;
    }
}

/// Redis keeps at most this many distinct error codes (`ERROR_STATS_NUMBER`).
const MAX_ERROR_CODES: usize = 128;
/// Samples kept for the instantaneous metrics, taken every 100 ms (`STATS_METRIC_SAMPLES`).
pub const METRIC_SAMPLES: usize = 16;

/// A rate averaged over the last [`METRIC_SAMPLES`] samples, as Redis's
/// `trackInstantaneousMetric`.
#[derive(Debug, Default, Clone)]
pub struct Metric {
    last_value: u64,
    last_ms: i64,
    samples: [f64; METRIC_SAMPLES],
    next: usize,
}

impl Metric {
    /// Records a sample: `value` (a running total) at `now_ms`.
    pub fn sample(&mut self, value: u64, now_ms: i64) {
        let elapsed = now_ms - self.last_ms;
        if self.last_ms != 0 && elapsed > 0 {
            let delta = value.saturating_sub(self.last_value) as f64;
            self.samples[self.next] = delta * 1000.0 / elapsed as f64;
            self.next = (self.next + 1) % METRIC_SAMPLES;
        }
        self.last_value = value;
        self.last_ms = now_ms;
    }

    /// The average rate per second over the samples.
    pub fn rate(&self) -> f64 {
        self.samples.iter().sum::<f64>() / METRIC_SAMPLES as f64
    }
}

/// Running totals a shard keeps and INFO adds up over shards.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counters {
    /// Error replies of every kind.
    pub total_error_replies: u64,
    /// Commands run.
    pub total_commands: u64,
    /// Bytes read from clients.
    pub net_input_bytes: u64,
    /// Bytes written to clients.
    pub net_output_bytes: u64,
    /// Connections accepted.
    pub connections_received: u64,
    /// Socket reads.
    pub reads_processed: u64,
    /// Socket writes.
    pub writes_processed: u64,
    /// Write commands that succeeded (INFO rdb_changes_since_last_save; no save resets it).
    pub dirty: u64,
}

impl Counters {
    /// Adds another shard's totals.
    pub fn add(&mut self, other: &Counters) {
        self.total_error_replies += other.total_error_replies;
        self.total_commands += other.total_commands;
        self.net_input_bytes += other.net_input_bytes;
        self.net_output_bytes += other.net_output_bytes;
        self.connections_received += other.connections_received;
        self.reads_processed += other.reads_processed;
        self.writes_processed += other.writes_processed;
        self.dirty += other.dirty;
    }
}

/// The counters one shard keeps.
#[derive(Debug)]
pub struct ShardStats {
    /// By [`StatId`].
    pub commands: Vec<CmdStat>,
    /// Error replies by error code (`ERR`, `WRONGTYPE`, ...).
    pub errors: BTreeMap<String, u64>,
    /// The running totals INFO adds up over shards.
    pub counters: Counters,
    /// Clients of this shard blocked in BLPOP & co.
    pub blocked_clients: u64,
    /// Of those, the ones with a timeout.
    pub blocked_with_timeout: u64,
    /// Commands per second.
    pub ops: Metric,
    /// Input bytes per second.
    pub input: Metric,
    /// Output bytes per second.
    pub output: Metric,
}

impl ShardStats {
    /// Empty counters for `ids` commands and subcommands.
    pub fn new(ids: usize) -> Self {
        ShardStats {
            commands: vec![CmdStat::default(); ids],
            errors: BTreeMap::new(),
            counters: Counters::default(),
            blocked_clients: 0,
            blocked_with_timeout: 0,
            ops: Metric::default(),
            input: Metric::default(),
            output: Metric::default(),
        }
    }

    /// Counts a run of command `id` that took `usec`.
    #[inline]
    pub fn record_call(&mut self, id: StatId, usec: u64) {
        if let Some(c) = self.commands.get_mut(id as usize) {
            c.calls += 1;
            c.usec += usec;
        }
        self.counters.total_commands += 1;
    }

    /// Adds `usec` to command `id` without counting a call.
    pub fn record_time(&mut self, id: StatId, usec: u64) {
        if let Some(c) = self.commands.get_mut(id as usize) {
            c.usec += usec;
        }
    }

    /// Counts a failed run of command `id` whose encoded reply is `reply`.
    pub fn record_failed(&mut self, id: StatId, reply: &[u8]) {
        if let Some(c) = self.commands.get_mut(id as usize) {
            c.failed += 1;
        }
        self.record_error(reply);
    }

    /// Counts a command `id` refused before it ran (wrong number of arguments).
    pub fn record_rejected(&mut self, id: StatId, reply: &[u8]) {
        if let Some(c) = self.commands.get_mut(id as usize) {
            c.rejected += 1;
        }
        self.record_error(reply);
    }

    /// Counts an error reply (encoded) in the error statistics.
    pub fn record_error(&mut self, reply: &[u8]) {
        self.counters.total_error_replies += 1;
        let code = error_code(reply);
        if let Some(n) = self.errors.get_mut(code) {
            *n += 1;
        } else if self.errors.len() < MAX_ERROR_CODES {
            self.errors.insert(code.to_string(), 1);
        }
    }

    /// Takes the 100 ms samples of the instantaneous metrics.
    pub fn sample(&mut self, now_ms: i64) {
        self.ops.sample(self.counters.total_commands, now_ms);
        self.input.sample(self.counters.net_input_bytes, now_ms);
        self.output.sample(self.counters.net_output_bytes, now_ms);
    }

    /// CONFIG RESETSTAT: zeroes the counters (not the gauges, nor the changes since the last
    /// save, which Redis does not reset either).
    pub fn reset(&mut self) {
        let mut fresh = ShardStats::new(self.commands.len());
        fresh.counters.dirty = self.counters.dirty;
        fresh.blocked_clients = self.blocked_clients;
        fresh.blocked_with_timeout = self.blocked_with_timeout;
        *self = fresh;
    }
}

/// The error code of an encoded error reply, as Redis's `afterErrorReply`: the text after `-`
/// up to the first space within its first 32 bytes, or `ERR` when there is none.
pub fn error_code(reply: &[u8]) -> &str {
    let Some(text) = reply.strip_prefix(b"-") else {
        return "ERR";
    };
    let window = &text[..text.len().min(31)];
    match window.iter().position(|&b| b == b' ') {
        Some(end) => std::str::from_utf8(&text[..end]).unwrap_or("ERR"),
        None => "ERR",
    }
}

/// One database's figures in a snapshot (INFO keyspace).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct DbFigures {
    /// Keys.
    pub keys: u64,
    /// Keys with an expiry time.
    pub expires: u64,
    /// Average remaining time to live of the sampled volatile keys, in ms.
    pub avg_ttl: f64,
    /// Bytes of the key table (MEMORY STATS `overhead.hashtable.main`).
    pub overhead_main: u64,
    /// Bytes of the expiry table (MEMORY STATS `overhead.hashtable.expires`).
    pub overhead_expires: u64,
}

/// Everything INFO needs from one shard; snapshots of all shards add up to the server's.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Command statistics by [`StatId`].
    pub commands: Vec<CmdStat>,
    /// Error replies by code.
    pub errors: BTreeMap<String, u64>,
    /// The running totals of every shard.
    pub counters: Counters,
    /// Commands per second.
    pub ops_per_sec: f64,
    /// Input bytes per second.
    pub input_per_sec: f64,
    /// Output bytes per second.
    pub output_per_sec: f64,
    /// Connected clients.
    pub clients: u64,
    /// Bytes of the connected clients' buffers.
    pub clients_memory: u64,
    /// Blocked clients.
    pub blocked_clients: u64,
    /// Blocked clients with a timeout.
    pub blocked_with_timeout: u64,
    /// Lookups that found their key.
    pub keyspace_hits: u64,
    /// Lookups that did not.
    pub keyspace_misses: u64,
    /// Keys removed because their time passed.
    pub expired_keys: u64,
    /// Keys evicted for maxmemory.
    pub evicted_keys: u64,
    /// Per database.
    pub dbs: Vec<DbFigures>,
    /// Active Pub/Sub names (filled in by the caller).
    pub pubsub: crate::pubsub::NameSets,
    /// Bytes the shards' Lua interpreters use (filled in by the caller).
    pub lua_memory: u64,
    /// Bytes of the scripts they compiled, as Redis counts `used_memory_scripts_eval`.
    pub scripts_memory: u64,
}

impl Snapshot {
    /// Snapshot of `stats` (engine figures are filled in by the caller).
    pub fn of(stats: &ShardStats) -> Self {
        Snapshot {
            commands: stats.commands.clone(),
            errors: stats.errors.clone(),
            counters: stats.counters,
            ops_per_sec: stats.ops.rate(),
            input_per_sec: stats.input.rate(),
            output_per_sec: stats.output.rate(),
            clients: 0,
            clients_memory: 0,
            blocked_clients: stats.blocked_clients,
            blocked_with_timeout: stats.blocked_with_timeout,
            keyspace_hits: 0,
            keyspace_misses: 0,
            expired_keys: 0,
            evicted_keys: 0,
            dbs: Vec::new(),
            pubsub: Default::default(),
            lua_memory: 0,
            scripts_memory: 0,
        }
    }

    /// Adds another shard's snapshot to this one.
    pub fn add(&mut self, other: &Snapshot) {
        if self.commands.len() < other.commands.len() {
            self.commands
                .resize(other.commands.len(), CmdStat::default());
        }
        for (mine, theirs) in self.commands.iter_mut().zip(&other.commands) {
            mine.add(theirs);
        }
        for (code, n) in &other.errors {
            *self.errors.entry(code.clone()).or_default() += n;
        }
        self.counters.add(&other.counters);
        self.ops_per_sec += other.ops_per_sec;
        self.input_per_sec += other.input_per_sec;
        self.output_per_sec += other.output_per_sec;
        self.clients += other.clients;
        self.clients_memory += other.clients_memory;
        self.lua_memory += other.lua_memory;
        self.scripts_memory += other.scripts_memory;
        self.blocked_clients += other.blocked_clients;
        self.blocked_with_timeout += other.blocked_with_timeout;
        self.keyspace_hits += other.keyspace_hits;
        self.keyspace_misses += other.keyspace_misses;
        self.expired_keys += other.expired_keys;
        self.evicted_keys += other.evicted_keys;
        self.pubsub.add(&other.pubsub);
        if self.dbs.len() < other.dbs.len() {
            self.dbs.resize(other.dbs.len(), DbFigures::default());
        }
        for (mine, theirs) in self.dbs.iter_mut().zip(&other.dbs) {
            let expires = mine.expires + theirs.expires;
            if expires > 0 {
                mine.avg_ttl = (mine.avg_ttl * mine.expires as f64
                    + theirs.avg_ttl * theirs.expires as f64)
                    / expires as f64;
            }
            mine.keys += theirs.keys;
            mine.expires = expires;
            mine.overhead_main += theirs.overhead_main;
            mine.overhead_expires += theirs.overhead_expires;
        }
    }
}

/// The slow log's entry ids, increasing across shards (Redis's `slowlog_entry_id`).
static NEXT_SLOWLOG_ID: AtomicU64 = AtomicU64::new(0);
/// Arguments an entry keeps (`SLOWLOG_ENTRY_MAX_ARGC`).
const SLOWLOG_MAX_ARGC: usize = 32;
/// Bytes an argument keeps (`SLOWLOG_ENTRY_MAX_STRING`).
const SLOWLOG_MAX_STRING: usize = 128;

/// One slow log entry.
#[derive(Debug, Clone, PartialEq)]
pub struct SlowEntry {
    /// Process-wide increasing id.
    pub id: u64,
    /// When it was logged, in seconds since the epoch.
    pub time: i64,
    /// How long the command ran, in microseconds.
    pub usec: u64,
    /// Its arguments, truncated as Redis truncates them.
    pub args: Vec<Bytes>,
    /// The client's `ip:port`.
    pub addr: SocketAddr,
    /// The client's name.
    pub name: Bytes,
}

/// The arguments a slow log entry keeps: at most 32, the last saying how many more there
/// were, each cut at 128 bytes with a note of how many more bytes it had.
pub fn slowlog_args(args: &[Bytes]) -> Vec<Bytes> {
    let kept = args.len().min(SLOWLOG_MAX_ARGC);
    (0..kept)
        .map(|j| {
            if kept != args.len() && j == kept - 1 {
                Bytes::from(format!("... ({} more arguments)", args.len() - kept + 1))
            } else if args[j].len() > SLOWLOG_MAX_STRING {
                let mut cut = args[j][..SLOWLOG_MAX_STRING].to_vec();
                cut.extend_from_slice(
                    format!("... ({} more bytes)", args[j].len() - SLOWLOG_MAX_STRING).as_bytes(),
                );
                Bytes::from(cut)
            } else {
                args[j].clone()
            }
        })
        .collect()
}

/// One shard's slow log, newest first.
#[derive(Debug, Default)]
pub struct SlowLog {
    entries: VecDeque<SlowEntry>,
}

impl SlowLog {
    /// Logs a command that ran `usec`, then trims to `max_len` entries. Each shard keeps its
    /// newest `max_len`, so the newest `max_len` of all shards together are always kept.
    pub fn push(&mut self, args: &[Bytes], usec: u64, origin: &Origin, max_len: usize) {
        let entry = SlowEntry {
            id: NEXT_SLOWLOG_ID.fetch_add(1, Ordering::Relaxed),
            time: shards::util::now_ms() / 1000,
            usec,
            args: slowlog_args(args),
            addr: origin.addr,
            name: origin.name.clone(),
        };
        self.entries.push_front(entry);
        self.entries.truncate(max_len);
    }

    /// Entries kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Forgets every entry.
    pub fn reset(&mut self) {
        self.entries.clear();
    }

    /// Copies of the newest `count` entries.
    pub fn newest(&self, count: usize) -> Vec<SlowEntry> {
        self.entries.iter().take(count).cloned().collect()
    }
}

/// A reading of the command clock: the CPU's time-stamp counter through quanta when it is
/// invariant (a read costs about a third of `clock_gettime`'s, and every command is timed
/// twice), the OS's monotonic clock otherwise.
pub type Stamp = quanta::Instant;

/// Reads the command clock.
pub fn stamp() -> Stamp {
    quanta::Instant::now()
}

static CLOCK_BASE: OnceLock<Stamp> = OnceLock::new();

/// Starts the microsecond clock of [`elapsed_us`] (calibrating the time-stamp counter against
/// the OS clock); called once at start-up, before any command.
pub fn start_clock() {
    CLOCK_BASE.get_or_init(stamp);
}

/// Microseconds from `started` to now as Redis counts them: the difference of two readings of
/// a microsecond clock. Commands shorter than a microsecond then add up right on average
/// (truncating each duration instead would count every fast command as 0).
pub fn elapsed_us(started: Stamp) -> u64 {
    let base = *CLOCK_BASE.get_or_init(stamp);
    match (
        stamp().checked_duration_since(base),
        started.checked_duration_since(base),
    ) {
        (Some(now), Some(then)) => now.as_micros().saturating_sub(then.as_micros()) as u64,
        // Started before the clock: only possible before `start_clock` ran.
        _ => started.elapsed().as_micros() as u64,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn elapsed_us_counts_microseconds() {
        let started = stamp();
        std::thread::sleep(std::time::Duration::from_millis(3));
        let us = elapsed_us(started);
        assert!((3_000..3_000_000).contains(&us), "{us}");
    }

    use super::*;

    #[test]
    fn error_codes_as_redis() {
        assert_eq!(error_code(b"-WRONGTYPE Operation against\r\n"), "WRONGTYPE");
        assert_eq!(error_code(b"-ERR syntax error\r\n"), "ERR");
        assert_eq!(error_code(b"-NOSPACEHEREATALL\r\n"), "ERR");
        assert_eq!(
            error_code(b"-AVERYLONGERRORCODETHATISLONGERTHAN32 x\r\n"),
            "ERR"
        );
        let mut s = ShardStats::new(2);
        s.record_failed(1, b"-WRONGTYPE x\r\n");
        s.record_rejected(0, b"-ERR wrong\r\n");
        assert_eq!(s.errors.get("WRONGTYPE"), Some(&1));
        assert_eq!(s.commands[1].failed, 1);
        assert_eq!(s.commands[0].rejected, 1);
        assert_eq!(s.counters.total_error_replies, 2);
    }

    #[test]
    fn slowlog_truncates_like_redis() {
        let args: Vec<Bytes> = (0..40).map(|i| Bytes::from(i.to_string())).collect();
        let kept = slowlog_args(&args);
        assert_eq!(kept.len(), 32);
        assert_eq!(kept[31], Bytes::from("... (9 more arguments)"));
        let long = vec![Bytes::from(vec![b'x'; 130])];
        let kept = slowlog_args(&long);
        assert_eq!(kept[0].len(), 128 + "... (2 more bytes)".len());
        assert!(kept[0].ends_with(b"... (2 more bytes)"));
    }

    #[test]
    fn slowlog_keeps_the_newest() {
        let origin = Origin {
            addr: "127.0.0.1:1".parse().unwrap(),
            name: Bytes::new(),
        };
        let mut log = SlowLog::default();
        for i in 0..5 {
            log.push(&[Bytes::from(i.to_string())], 1, &origin, 3);
        }
        assert_eq!(log.len(), 3);
        let newest = log.newest(10);
        assert_eq!(newest[0].args[0], Bytes::from("4"));
        assert!(newest[0].id > newest[1].id);
    }

    #[test]
    fn metric_averages_samples() {
        let mut m = Metric::default();
        m.sample(0, 1000);
        for i in 1..=METRIC_SAMPLES as u64 {
            m.sample(i * 10, 1000 + i as i64 * 100);
        }
        assert!((m.rate() - 100.0).abs() < 1e-9);
    }

    #[test]
    fn snapshots_add_up() {
        let mut a = Snapshot::of(&ShardStats::new(1));
        a.dbs = vec![DbFigures {
            keys: 2,
            expires: 1,
            avg_ttl: 100.0,
            overhead_main: 10,
            overhead_expires: 5,
        }];
        let mut b = a.clone();
        b.dbs[0].avg_ttl = 300.0;
        b.commands[0].calls = 3;
        a.add(&b);
        assert_eq!(a.dbs[0].keys, 4);
        assert_eq!(a.dbs[0].avg_ttl, 200.0);
        assert_eq!(
            (a.dbs[0].overhead_main, a.dbs[0].overhead_expires),
            (20, 10)
        );
        assert_eq!(a.commands[0].calls, 3);
    }
}
