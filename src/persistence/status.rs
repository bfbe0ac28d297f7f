//! What the server knows about its persistence, shared by every shard: whether it is still
//! loading, whether writes are refused after a failed save, the changes since the last save,
//! and the figures INFO persistence reports.
//!
//! The flags a request checks are atomics (one relaxed load each). The rest sits behind one
//! process-wide mutex that no request takes: only SAVE/BGSAVE/BGREWRITEAOF, the once-a-tick
//! save-point check and INFO do.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Instant;

/// True while the dataset is being loaded at start: requests get `-LOADING`.
pub static LOADING: AtomicBool = AtomicBool::new(false);

/// True while writes are refused because the last background save failed
/// (`stop-writes-on-bgsave-error` with save points configured): writes get `-MISCONF`.
pub static WRITES_REFUSED: AtomicBool = AtomicBool::new(false);

/// Redis's reply to a command that is not allowed while loading.
pub const LOADING_ERROR: &str = "LOADING Redis is loading the dataset in memory";

/// Redis's reply to a write while `stop-writes-on-bgsave-error` holds them back.
pub const MISCONF_ERROR: &str = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";

/// How many sources of append-only file errors fail now (a shard's writes, a shard's
/// fsyncs): while any does, writes get `-MISCONF Errors writing to the AOF file: ...`.
static AOF_FAILING: AtomicUsize = AtomicUsize::new(0);

/// The `errno` of the newest append-only file error (meaningful while [`AOF_FAILING`] > 0).
static AOF_ERRNO: AtomicI32 = AtomicI32::new(0);

/// One source of append-only file errors: a shard's writes, or its fsyncs. It counts in
/// the refusal of writes while it fails; a source no longer in use is retired (dropped).
#[derive(Debug, Default)]
pub struct AofFault(AtomicU8);

impl AofFault {
    const OK: u8 = 0;
    const FAILING: u8 = 1;
    const RETIRED: u8 = 2;

    /// Records an error (`errno`); `true` if the source was not failing before.
    pub fn fail(&self, errno: i32) -> bool {
        AOF_ERRNO.store(errno, Ordering::Release);
        let newly = self
            .0
            .compare_exchange(Self::OK, Self::FAILING, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if newly {
            AOF_FAILING.fetch_add(1, Ordering::AcqRel);
        }
        newly
    }

    /// Records a success; `true` if the source was failing before.
    pub fn clear(&self) -> bool {
        let was = self
            .0
            .compare_exchange(Self::FAILING, Self::OK, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if was {
            AOF_FAILING.fetch_sub(1, Ordering::AcqRel);
        }
        was
    }
}

impl Drop for AofFault {
    fn drop(&mut self) {
        if self.0.swap(Self::RETIRED, Ordering::AcqRel) == Self::FAILING {
            AOF_FAILING.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// Whether the append-only file fails now (INFO `aof_last_write_status:err`).
pub fn aof_failing() -> bool {
    AOF_FAILING.load(Ordering::Acquire) > 0
}

/// Why a write (or PING, as Redis) is refused now, as Redis's `writeCommandsDeniedByDiskError`
/// decides: the last background save failed (with `stop-writes-on-bgsave-error` and save
/// points), or the append-only file fails. Two relaxed loads when neither holds.
#[inline]
pub fn write_refusal() -> Option<String> {
    if WRITES_REFUSED.load(Ordering::Relaxed) {
        return Some(MISCONF_ERROR.to_string());
    }
    if AOF_FAILING.load(Ordering::Relaxed) == 0 {
        return None;
    }
    let errno = AOF_ERRNO.load(Ordering::Acquire);
    let text = crate::config::os_error_text(&std::io::Error::from_raw_os_error(errno));
    Some(format!("MISCONF Errors writing to the AOF file: {text}"))
}

/// A per-shard counter on its own cache line: only its shard writes it.
#[repr(align(128))]
#[derive(Debug, Default)]
struct Padded(AtomicU64);

/// Writes each shard has run since start (Redis's `server.dirty`, summed over shards).
static DIRTY: OnceLock<Vec<Padded>> = OnceLock::new();

/// Sizes the per-shard change counters; called once before the shards start.
pub fn init(nshards: usize) {
    let _ = DIRTY.set((0..nshards).map(|_| Padded::default()).collect());
}

/// Counts `n` changes of keys made by shard `shard`.
#[inline]
pub fn note_changes(shard: usize, n: u64) {
    if let Some(counter) = DIRTY.get().and_then(|d| d.get(shard)) {
        counter.0.fetch_add(n, Ordering::Relaxed);
    }
}

/// Changes made by every shard since start.
pub fn total_changes() -> u64 {
    DIRTY
        .get()
        .map(|d| d.iter().map(|c| c.0.load(Ordering::Relaxed)).sum())
        .unwrap_or(0)
}

/// The persistence figures (INFO persistence) and what is running now.
#[derive(Debug)]
pub struct Status {
    /// Unix seconds of the last successful save (or of the start).
    pub last_save_unix: i64,
    /// `total_changes()` as of the last successful save's start.
    pub changes_at_last_save: u64,
    /// A snapshot is being written (BGSAVE, SAVE, a save point, SHUTDOWN).
    pub save_in_progress: bool,
    /// When the running save started, and the change count then.
    pub save_started: Option<(Instant, u64)>,
    /// Whether the last background save succeeded.
    pub last_bgsave_ok: bool,
    /// When the last background save started (Redis's `lastbgsave_try`): after a failed
    /// one, save points and a scheduled BGSAVE wait a while before trying again.
    pub last_bgsave_try: Option<Instant>,
    /// Seconds the last background save took (-1: none yet).
    pub last_bgsave_secs: i64,
    /// Saves tried since start, failed ones too: SAVE, BGSAVE and save points, not SHUTDOWN's
    /// (Redis's `stat_rdb_saves`, INFO rdb_saves).
    pub saves: u64,
    /// A BGSAVE SCHEDULE waits for the AOF rewrite to end.
    pub bgsave_scheduled: bool,
    /// Whether the append-only file is on.
    pub aof_enabled: bool,
    /// An append-only file rewrite is running, and when it started.
    pub aof_rewrite_started: Option<Instant>,
    /// A BGREWRITEAOF waits for the running save to end.
    pub aof_rewrite_scheduled: bool,
    /// Whether the last rewrite succeeded.
    pub aof_last_rewrite_ok: bool,
    /// Seconds the last rewrite took (-1: none yet).
    pub aof_last_rewrite_secs: i64,
    /// Rewrites done since start.
    pub aof_rewrites: u64,
    /// Rewrites that failed in a row.
    pub aof_rewrite_failures: u64,
    /// Bytes of the append-only files after the last rewrite (or at start).
    pub aof_base_size: u64,
    /// Keys loaded at start, and keys skipped because their time had passed.
    pub loaded_keys: u64,
    /// Keys not loaded because their time had passed.
    pub loaded_expired: u64,
}

fn state() -> &'static Mutex<Status> {
    static STATUS: OnceLock<Mutex<Status>> = OnceLock::new();
    STATUS.get_or_init(|| {
        Mutex::new(Status {
            last_save_unix: unix_now(),
            changes_at_last_save: 0,
            save_in_progress: false,
            save_started: None,
            last_bgsave_ok: true,
            last_bgsave_try: None,
            last_bgsave_secs: -1,
            saves: 0,
            bgsave_scheduled: false,
            aof_enabled: false,
            aof_rewrite_started: None,
            aof_rewrite_scheduled: false,
            aof_last_rewrite_ok: true,
            aof_last_rewrite_secs: -1,
            aof_rewrites: 0,
            aof_rewrite_failures: 0,
            aof_base_size: 0,
            loaded_keys: 0,
            loaded_expired: 0,
        })
    })
}

/// The status, locked. Never held across an await.
pub fn status() -> MutexGuard<'static, Status> {
    match state().lock() {
        Ok(guard) => guard,
        // A panic elsewhere while holding it leaves plain figures behind: still usable.
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// Seconds since the epoch.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The INFO persistence section's lines.
pub fn info_lines() -> String {
    let changes = total_changes();
    let s = status();
    let loading = LOADING.load(Ordering::Relaxed) as u8;
    let running_secs = |at: Option<Instant>| at.map_or(-1, |t| t.elapsed().as_secs() as i64);
    let save_started = s.save_started.map(|(t, _)| t);
    let mut out = format!(
        "loading:{loading}\r\nasync_loading:0\r\ncurrent_cow_peak:0\r\ncurrent_cow_size:0\r\n\
         current_cow_size_age:0\r\ncurrent_fork_perc:0.00\r\ncurrent_save_keys_processed:0\r\n\
         current_save_keys_total:0\r\nrdb_changes_since_last_save:{}\r\n\
         rdb_bgsave_in_progress:{}\r\nrdb_last_save_time:{}\r\nrdb_last_bgsave_status:{}\r\n\
         rdb_last_bgsave_time_sec:{}\r\nrdb_current_bgsave_time_sec:{}\r\nrdb_saves:{}\r\n\
         rdb_last_cow_size:0\r\nrdb_last_load_keys_expired:{}\r\nrdb_last_load_keys_loaded:{}\r\n\
         aof_enabled:{}\r\naof_rewrite_in_progress:{}\r\naof_rewrite_scheduled:{}\r\n\
         aof_last_rewrite_time_sec:{}\r\naof_current_rewrite_time_sec:{}\r\n\
         aof_last_bgrewrite_status:{}\r\naof_rewrites:{}\r\naof_rewrites_consecutive_failures:{}\r\n\
         aof_last_write_status:{}\r\naof_last_cow_size:0\r\nmodule_fork_in_progress:0\r\n\
         module_fork_last_cow_size:0\r\n",
        changes.saturating_sub(s.changes_at_last_save),
        s.save_in_progress as u8,
        s.last_save_unix,
        if s.last_bgsave_ok { "ok" } else { "err" },
        s.last_bgsave_secs,
        running_secs(save_started),
        s.saves,
        s.loaded_expired,
        s.loaded_keys,
        s.aof_enabled as u8,
        s.aof_rewrite_started.is_some() as u8,
        s.aof_rewrite_scheduled as u8,
        s.aof_last_rewrite_secs,
        running_secs(s.aof_rewrite_started),
        if s.aof_last_rewrite_ok { "ok" } else { "err" },
        s.aof_rewrites,
        s.aof_rewrite_failures,
        if aof_failing() { "err" } else { "ok" },
    );
    if s.aof_enabled {
        let current = crate::persistence::aof::current_size();
        out.push_str(&format!(
            "aof_current_size:{current}\r\naof_base_size:{}\r\naof_pending_rewrite:0\r\n\
             aof_buffer_length:0\r\naof_pending_bio_fsync:0\r\naof_delayed_fsync:0\r\n",
            s.aof_base_size
        ));
    }
    out
}
