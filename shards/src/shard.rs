//! A shard: the databases it owns and what a command handler is given to work on them.
//!
//! One executor thread owns each `Shard`; handlers get `&mut` access through [`Ctx`] and never
//! block or await, so a command runs start to finish without interleaving: single-key
//! commands are atomic by construction.

use crate::aof::AofLog;
use crate::db::Db;
use crate::evict::{EvictionConfig, EvictionPool};
use crate::reply::Reply;
use crate::util::Rng;
use bytes::Bytes;

/// Number of databases when not configured otherwise (SELECT 0..15).
pub const DEFAULT_DATABASES: usize = 16;

/// Limits from the configuration that handlers enforce.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest string a command may create (proto-max-bulk-len).
    pub proto_max_bulk_len: u64,
    /// list-max-listpack-size: entries (positive) or bytes class (-1..-5) per quicklist node.
    pub list_max_listpack_size: i64,
    /// hash-max-listpack-entries: most fields a listpack-encoded hash holds.
    pub hash_max_listpack_entries: usize,
    /// hash-max-listpack-value: longest field or value a listpack-encoded hash holds.
    pub hash_max_listpack_value: usize,
    /// set-max-intset-entries: most members an intset-encoded set holds.
    pub set_max_intset_entries: usize,
    /// zset-max-listpack-entries: most members a listpack-encoded sorted set holds.
    pub zset_max_listpack_entries: usize,
    /// zset-max-listpack-value: longest member a listpack-encoded sorted set holds.
    pub zset_max_listpack_value: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            proto_max_bulk_len: 512 * 1024 * 1024,
            list_max_listpack_size: -2,
            hash_max_listpack_entries: 512,
            hash_max_listpack_value: 64,
            set_max_intset_entries: 512,
            zset_max_listpack_entries: 128,
            zset_max_listpack_value: 64,
        }
    }
}

/// Counters a shard keeps for INFO.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Lookups of existing keys by read commands.
    pub keyspace_hits: u64,
    /// Lookups of missing keys by read commands.
    pub keyspace_misses: u64,
    /// Keys evicted because memory was over `maxmemory` (INFO evicted_keys).
    pub evicted_keys: u64,
}

/// Everything one shard owns.
#[derive(Debug)]
pub struct Shard {
    /// The databases, indexed by SELECT number.
    pub dbs: Vec<Db>,
    /// This shard's random source (sampling, RANDOMKEY).
    pub rng: Rng,
    /// Counters for INFO.
    pub stats: Stats,
    /// Configured limits.
    pub limits: Limits,
    /// The append-only file's record of this shard's writes (disabled unless the server
    /// turns it on; see `aof.rs`).
    pub aof: AofLog,
    /// The eviction policy and samples per round (see `evict.rs`).
    pub eviction: EvictionConfig,
    /// The best eviction candidates sampled so far.
    pub(crate) eviction_pool: EvictionPool,
    /// The database the random policies evict from next.
    pub(crate) evict_next_db: usize,
    /// Keyspace notifications wanted and not yet published.
    pub notify: crate::notify::Notifier,
    /// Set by a blocking command that found nothing to serve it ([`Ctx::empty_handed`]):
    /// the server blocks the client (or, where it may not block, sends the reply as it is).
    empty_handed: bool,
}

impl Shard {
    /// A shard with `databases` empty databases; `seed` makes its random choices its own.
    pub fn new(databases: usize, seed: u64) -> Self {
        Shard {
            dbs: (0..databases.max(1)).map(|_| Db::new()).collect(),
            rng: Rng::new(seed),
            stats: Stats::default(),
            limits: Limits::default(),
            aof: AofLog::new(),
            eviction: EvictionConfig::default(),
            eviction_pool: EvictionPool::default(),
            evict_next_db: 0,
            notify: crate::notify::Notifier::default(),
            empty_handed: false,
        }
    }

    /// Uses `notify-keyspace-events` flags `flags` from now on.
    pub fn set_notify_flags(&mut self, flags: u32) {
        self.notify.set_flags(flags);
        let flags = self.notify.flags();
        for db in &mut self.dbs {
            db.notify_flags = flags;
        }
    }

    /// Records that `key` of database `db` was evicted (an `evicted` event when wanted).
    pub fn note_evicted(&mut self, db: usize, key: &[u8]) {
        if let Some(db) = self.dbs.get_mut(db) {
            db.notify(crate::notify::EVICTED, "evicted", key);
        }
    }

    /// Takes the keyspace events to publish, database by database, each database's in the
    /// order they happened. Empty at once when nothing is wanted.
    pub fn take_events(&mut self) -> Vec<crate::notify::Event> {
        if self.notify.flags() == 0 {
            return Vec::new();
        }
        let mut events = Vec::new();
        for (index, db) in self.dbs.iter_mut().enumerate() {
            events.extend(
                db.events
                    .drain(..)
                    .map(|(event, key)| crate::notify::Event {
                        db: index,
                        event,
                        key: Bytes::copy_from_slice(key.as_bytes()),
                    }),
            );
        }
        events
    }

    /// Takes the keyspace events of database `db` alone, in order (a gathered command's
    /// scratch shard hands each key's events to the shard that owns the key).
    pub fn take_db_events(&mut self, db: usize) -> Vec<(&'static str, crate::db::Key)> {
        self.dbs
            .get_mut(db)
            .map(|db| std::mem::take(&mut db.events))
            .unwrap_or_default()
    }

    /// Runs `handler` on database `db` at time `now` (ms), encoding into `reply`.
    pub fn run(
        &mut self,
        handler: Handler,
        db: usize,
        now: i64,
        args: &[Bytes],
        reply: &mut Reply,
    ) {
        if self.aof.needs_sync() {
            self.sync_aof();
        }
        if let Some(selected) = self.dbs.get_mut(db) {
            selected.now = now;
        }
        let mut ctx = Ctx {
            shard: self,
            db,
            now,
            reply,
        };
        handler(&mut ctx, args);
    }

    /// Whether the last blocking command run here found nothing to serve it (and clears
    /// the mark): the server blocks its client rather than send the timeout reply.
    pub fn take_empty_handed(&mut self) -> bool {
        std::mem::take(&mut self.empty_handed)
    }
}

/// What a command handler works with: the shard, the selected database, the time the command
/// started (Redis caches one clock reading per command, so a key cannot expire halfway
/// through), and the reply being built.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The shard that owns the keys.
    pub shard: &'a mut Shard,
    /// The selected database index.
    pub db: usize,
    /// Milliseconds since the epoch when the command started.
    pub now: i64,
    /// Where the reply goes.
    pub reply: &'a mut Reply,
}

impl Ctx<'_> {
    /// The selected database.
    pub fn db(&mut self) -> &mut Db {
        &mut self.shard.dbs[self.db]
    }

    /// The selected database, the shard's counters and the reply, borrowed together so a
    /// handler can hold a value from the database while it writes the reply.
    pub fn parts(&mut self) -> (&mut Db, &mut Stats, &mut Reply) {
        (
            &mut self.shard.dbs[self.db],
            &mut self.shard.stats,
            &mut *self.reply,
        )
    }

    /// A blocking command (BLPOP, BZPOPMIN, ...) found no key that serves it: it replies what
    /// Redis replies on timeout (a null array, `_` in RESP3) and marks the shard, so the
    /// server knows to block the client ([`Shard::take_empty_handed`]) without reading the
    /// reply.
    pub fn empty_handed(&mut self) {
        self.reply.null_array();
        self.shard.empty_handed = true;
    }

    /// True when the append-only file records this shard's writes: a handler that logs its
    /// command differently from how it was called ([`Ctx::propagate`]) builds that only then.
    #[inline]
    pub fn aof_enabled(&self) -> bool {
        self.shard.aof.is_enabled()
    }

    /// True while the shard replays an append-only file: keys never expire and a time in
    /// the past is stored rather than deleting the key (Redis's `server.loading`).
    #[inline]
    pub fn loading(&self) -> bool {
        self.shard.aof.is_loading()
    }

    /// Logs `cmds` (none, one or more commands) to the append-only file instead of the
    /// command as it was called: relative times made absolute, random choices made explicit,
    /// blocking forms made non-blocking. Call it only when [`Ctx::aof_enabled`].
    pub fn propagate(&mut self, cmds: Vec<Vec<Bytes>>) {
        self.shard.aof.set_override(cmds);
    }

    /// Emits keyspace event `event` of `class` (`crate::notify`) for `key` in the selected
    /// database; one branch when the class is not wanted.
    #[inline]
    pub fn notify(&mut self, class: u32, event: &'static str, key: &[u8]) {
        self.shard.dbs[self.db].notify(class, event, key);
    }

    /// [`Ctx::notify`] for a key of database `db` (COPY ... DB).
    #[inline]
    pub fn notify_in(&mut self, db: usize, class: u32, event: &'static str, key: &[u8]) {
        if let Some(db) = self.shard.dbs.get_mut(db) {
            db.notify(class, event, key);
        }
    }
}

/// A command handler: `args[0]` is the command name, as in Redis's `argv`.
pub type Handler = fn(&mut Ctx<'_>, &[Bytes]);
