//! A shard's open append-only segment: what reaches the file, and what waits for it.
//!
//! The segment only ever holds complete records, in the order the shard recorded them
//! (Redis's `flushAppendOnlyFile`):
//!
//! - A write that fails, or stops short, is rolled back to the last complete record
//!   (`ftruncate`); its bytes stay in the segment's *backlog*, and everything recorded after
//!   them joins the backlog, so the file is always a prefix of the shard's record stream.
//! - While the backlog is not empty the segment is *failing*: writes are refused with
//!   `-MISCONF Errors writing to the AOF file: ...` ([`super::status::write_refusal`]),
//!   reads go on, and INFO says `aof_last_write_status:err`. The backlog is written again on
//!   every flush and once a second; when it reaches the file Redis's `AOF write error looks
//!   solved, Redis can write again.` is logged and writes are accepted again.
//! - No reply to a write in the backlog leaves before it is written ([`Segment::when_in_file`]);
//!   replies that need nothing in it (reads) leave at once.
//! - Under `appendfsync always` a reply waits for the fsync of its write, so a write that
//!   fails cannot be acknowledged before the disk has room; Redis's rule applies as it is:
//!   the partial record is cut off and the server exits (`Can't recover from AOF write error
//!   when the AOF fsync policy is 'always'. Exiting...`), and so it does when such an fsync
//!   fails, since after a failed fsync the kernel may have dropped the dirty pages. A failed
//!   fsync under `everysec` makes the segment failing until an fsync succeeds, as Redis's
//!   background fsync does.

use super::status::AofFault;
use crate::config::os_error_text;
use crate::serverlog;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;

/// Bytes written to the append-only files since start (INFO aof_current_size adds the size
/// at start).
pub static WRITTEN: AtomicU64 = AtomicU64::new(0);

/// Seconds between two log lines about the same kind of write error (Redis's
/// `AOF_WRITE_LOG_ERROR_RATE`).
const WRITE_ERROR_LOG_EVERY_SECS: i64 = 30;

/// When a write error was last logged (unix seconds), over every shard.
static LAST_WRITE_ERROR_LOG: AtomicI64 = AtomicI64::new(0);

/// Whether a write error may be logged now (one line per 30 s, as Redis).
fn may_log_write_error() -> bool {
    let now = super::status::unix_now();
    let last = LAST_WRITE_ERROR_LOG.load(Ordering::Relaxed);
    now - last > WRITE_ERROR_LOG_EVERY_SECS
        && LAST_WRITE_ERROR_LOG
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
}

/// When a shard's segment is fsynced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fsync {
    /// Before any reply to a write.
    Always,
    /// About once a second.
    EverySec,
    /// When the OS decides.
    No,
}

impl Fsync {
    /// The policy `appendfsync` names.
    pub fn of(config: &crate::config::Config) -> Fsync {
        match config.appendfsync {
            "always" => Fsync::Always,
            "no" => Fsync::No,
            _ => Fsync::EverySec,
        }
    }
}

/// Something to run once the segment's bytes are where a reply needs them.
pub type Then = Box<dyn FnOnce() + Send>;

/// An fsync for the syncer thread, and what to do once it is done.
struct SyncRequest {
    file: Arc<File>,
    /// The shard's fsync errors.
    fault: Arc<AofFault>,
    then: Option<Then>,
}

/// Starts a shard's syncer thread: it fsyncs once for every request that arrived while it
/// was busy (group commit), then runs their continuations.
fn start_syncer(shard: usize) -> crossbeam_channel::Sender<SyncRequest> {
    let (tx, rx) = crossbeam_channel::unbounded::<SyncRequest>();
    let spawned = std::thread::Builder::new()
        .name(format!("aof-sync-{shard}"))
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut batch = vec![first];
                while let Ok(more) = rx.try_recv() {
                    batch.push(more);
                }
                let mut synced: Vec<*const File> = Vec::new();
                for request in &batch {
                    let key = Arc::as_ptr(&request.file);
                    if !synced.contains(&key) {
                        fsync(request, &batch);
                        synced.push(key);
                    }
                }
                for request in batch {
                    if let Some(then) = request.then {
                        then();
                    }
                }
            }
        });
    if let Err(e) = spawned {
        serverlog!(Warning, "Can't start the AOF fsync thread: {e}");
    }
    tx
}

/// Fsyncs `request`'s file. A failure with a reply waiting for it (`always`, or a
/// transaction's commit) cannot be recovered from: the server exits, as Redis does under
/// `always`. Otherwise the shard is failing until an fsync succeeds.
fn fsync(request: &SyncRequest, batch: &[SyncRequest]) {
    match request.file.sync_data() {
        Ok(()) => {
            request.fault.clear();
        }
        Err(e) => {
            let text = os_error_text(&e);
            let waited = batch
                .iter()
                .any(|r| Arc::ptr_eq(&r.file, &request.file) && r.then.is_some());
            if waited {
                serverlog!(
                    Warning,
                    "Can't persist AOF for fsync error when the AOF fsync policy is 'always': {text}. Exiting..."
                );
                std::process::exit(1);
            }
            if request.fault.fail(e.raw_os_error().unwrap_or(libc::EIO)) {
                serverlog!(Warning, "Fail to fsync the AOF file: {text}");
            }
        }
    }
}

/// A shard's open segment: its file, its backlog and its fsync thread.
pub struct Segment {
    file: Arc<File>,
    syncer: crossbeam_channel::Sender<SyncRequest>,
    /// Bytes written since the last fsync request.
    pub unsynced: bool,
    /// The file's length: every byte before it is a complete record.
    len: u64,
    /// Records not in the file yet, in order: a write failed (the segment is failing).
    backlog: Vec<u8>,
    /// Bytes given to [`Segment::append`] since the segment opened: a position in the
    /// shard's record stream (the backlog is its last bytes).
    appended: u64,
    /// What waits for the backlog to reach the file (replies to the writes in it).
    waiting: Vec<Then>,
    /// This segment's write errors, and its fsync errors (shared with the syncer).
    write_fault: AofFault,
    fsync_fault: Arc<AofFault>,
}

impl std::fmt::Debug for Segment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segment")
            .field("len", &self.len)
            .field("unsynced", &self.unsynced)
            .field("backlog", &self.backlog.len())
            .finish()
    }
}

impl Segment {
    /// Opens (or creates) the segment at `path` to append to it.
    pub fn open(path: &Path, shard: usize) -> Result<Segment, String> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| format!("Can't open the append-only file {}: {e}", path.display()))?;
        let len = file
            .metadata()
            .map_err(|e| format!("Can't open the append-only file {}: {e}", path.display()))?
            .len();
        Ok(Segment {
            file: Arc::new(file),
            syncer: start_syncer(shard),
            unsynced: false,
            len,
            backlog: Vec::new(),
            appended: 0,
            waiting: Vec::new(),
            write_fault: AofFault::default(),
            fsync_fault: Arc::new(AofFault::default()),
        })
    }

    /// Whether records are waiting for the disk (a write failed and has not succeeded since).
    pub fn is_failing(&self) -> bool {
        !self.backlog.is_empty()
    }

    /// Appends `bytes` (complete records) after everything recorded before them (writing
    /// the backlog again first, if there is one), and returns the stream position a reply
    /// to them needs ([`Segment::when_in_file`]); 0 for no bytes. Bytes a write fails to take wait in the backlog; under `always` a write
    /// that fails ends the process (see the module's doc).
    pub fn append(&mut self, bytes: &[u8], policy: Fsync) -> u64 {
        if !self.backlog.is_empty() {
            // Whatever a failed write left goes first, with these bytes after it.
            self.appended += bytes.len() as u64;
            self.backlog.extend_from_slice(bytes);
            self.retry(policy);
        } else if !bytes.is_empty() {
            self.appended += bytes.len() as u64;
            if let Err(kept) = self.write_out(bytes) {
                self.backlog.extend_from_slice(&bytes[kept..]);
                self.failed(policy);
            }
        }
        if bytes.is_empty() {
            0
        } else {
            self.appended
        }
    }

    /// The stream position the file holds up to: everything appended but the backlog.
    fn in_file(&self) -> u64 {
        self.appended - self.backlog.len() as u64
    }

    /// The stream position reached so far (see [`Segment::append`]).
    pub fn appended(&self) -> u64 {
        self.appended
    }

    /// Writes the backlog again; `true` when it is empty now. What waited for it runs (after
    /// an fsync under `always`).
    pub fn retry(&mut self, policy: Fsync) -> bool {
        if self.backlog.is_empty() {
            return true;
        }
        let backlog = std::mem::take(&mut self.backlog);
        match self.write_out(&backlog) {
            Ok(()) => {
                if self.write_fault.clear() {
                    serverlog!(
                        Warning,
                        "AOF write error looks solved, Redis can write again."
                    );
                }
                let waiting = std::mem::take(&mut self.waiting);
                if !waiting.is_empty() {
                    let then: Then = Box::new(move || waiting.into_iter().for_each(|f| f()));
                    if policy == Fsync::Always {
                        self.sync_then(Some(then));
                    } else {
                        then();
                    }
                }
                true
            }
            Err(kept) => {
                self.backlog = backlog;
                self.backlog.drain(..kept);
                self.failed(policy);
                false
            }
        }
    }

    /// After a failed write: the segment is failing; under `always` nothing can be promised
    /// any more and the server exits.
    fn failed(&mut self, policy: Fsync) {
        if policy == Fsync::Always {
            serverlog!(
                Warning,
                "Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting..."
            );
            std::process::exit(1);
        }
    }

    /// Writes all of `bytes` at the end of the file. On an error, the bytes written by this
    /// call are cut off again (so the file ends with a complete record) and `Err(n)` says
    /// how many of them stay in the file anyway: 0, unless cutting them off failed too.
    fn write_out(&mut self, bytes: &[u8]) -> Result<(), usize> {
        let mut done = 0;
        let error = loop {
            if done == bytes.len() {
                WRITTEN.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                self.len += bytes.len() as u64;
                self.unsynced = true;
                return Ok(());
            }
            match (&*self.file).write(&bytes[done..]) {
                Ok(0) => break std::io::Error::from_raw_os_error(libc::ENOSPC),
                Ok(n) => done += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break e,
            }
        };
        let can_log = may_log_write_error();
        let mut errno = error.raw_os_error().unwrap_or(libc::EIO);
        let mut kept = 0;
        if done == 0 {
            if can_log {
                serverlog!(
                    Warning,
                    "Error writing to the AOF file: {}",
                    os_error_text(&error)
                );
            }
        } else {
            if can_log {
                serverlog!(
                    Warning,
                    "Short write while writing to the AOF file: (nwritten={done}, expected={})",
                    bytes.len()
                );
            }
            match self.file.set_len(self.len) {
                Ok(()) => {}
                Err(e) => {
                    if can_log {
                        serverlog!(
                            Warning,
                            "Could not remove short write from the append-only file.  Redis may refuse to load the AOF the next time it starts.  ftruncate: {}",
                            os_error_text(&e)
                        );
                    }
                    // The file holds a prefix of the stream still: what was written stays.
                    kept = done;
                    self.len += done as u64;
                    WRITTEN.fetch_add(done as u64, Ordering::Relaxed);
                    self.unsynced = true;
                }
            }
            errno = libc::ENOSPC;
        }
        self.write_fault.fail(errno);
        Err(kept)
    }

    /// Runs `then` once the records up to stream position `upto` are where a reply to them
    /// may leave: at once, after the backlog is written, or after an fsync under `always`
    /// (which a reply always waits for while anything is unsynced: it may have observed it).
    pub fn when_in_file(&mut self, upto: u64, then: Then, policy: Fsync) {
        if upto > self.in_file() {
            self.waiting.push(then);
        } else if self.unsynced && policy == Fsync::Always {
            self.sync_then(Some(then));
        } else {
            then();
        }
    }

    /// Whether a reply needing stream position `upto` may leave now (no wait at all).
    pub fn ready(&self, upto: u64, policy: Fsync) -> bool {
        upto <= self.in_file() && !(self.unsynced && policy == Fsync::Always)
    }

    /// Asks the syncer for an fsync, running `then` after it.
    pub fn sync_then(&mut self, then: Option<Then>) {
        self.unsynced = false;
        let request = SyncRequest {
            file: self.file.clone(),
            fault: self.fsync_fault.clone(),
            then,
        };
        if let Err(crossbeam_channel::SendError(request)) = self.syncer.send(request) {
            let batch = [request];
            fsync(&batch[0], &batch);
            let [request] = batch;
            if let Some(then) = request.then {
                then();
            }
        }
    }

    /// Fsyncs the file now, on this thread (switching segments, stopping, shutting down).
    pub fn sync_now(&self) -> std::io::Result<()> {
        self.file.sync_data()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    fn flag() -> (Arc<AtomicBool>, Then) {
        let ran = Arc::new(AtomicBool::new(false));
        let set = ran.clone();
        (ran, Box::new(move || set.store(true, Ordering::SeqCst)))
    }

    #[test]
    fn records_that_reach_the_file_release_their_replies_at_once() {
        let dir = std::env::temp_dir().join(format!("shardis-segment-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("ok.aof");
        let mut segment = Segment::open(&path, 0).expect("open");
        assert_eq!(
            segment.append(b"", Fsync::EverySec),
            0,
            "nothing to wait for"
        );
        let upto = segment.append(b"*1\r\n$4\r\nPING\r\n", Fsync::EverySec);
        assert_eq!(upto, 14);
        assert!(segment.ready(upto, Fsync::EverySec));
        assert!(
            !segment.ready(upto, Fsync::Always),
            "always waits for the fsync"
        );
        let (ran, then) = flag();
        segment.when_in_file(upto, then, Fsync::EverySec);
        assert!(ran.load(Ordering::SeqCst));
        assert_eq!(std::fs::read(&path).expect("read").len(), 14);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_keeps_its_records_and_holds_only_their_replies() {
        // Every write to /dev/full fails with ENOSPC.
        let Ok(mut segment) = Segment::open(Path::new("/dev/full"), 0) else {
            return;
        };
        let upto = segment.append(b"*1\r\n$4\r\nPING\r\n", Fsync::EverySec);
        assert!(segment.is_failing());
        assert!(super::super::status::aof_failing());
        let refusal = super::super::status::write_refusal().expect("writes refused");
        assert_eq!(
            refusal,
            "MISCONF Errors writing to the AOF file: No space left on device"
        );
        let (held, then) = flag();
        segment.when_in_file(upto, then, Fsync::EverySec);
        assert!(!held.load(Ordering::SeqCst), "the write's reply waits");
        // A reply that needs nothing of the backlog (a read) leaves at once.
        let (read, then) = flag();
        let nothing = segment.append(b"", Fsync::EverySec);
        segment.when_in_file(nothing, then, Fsync::EverySec);
        assert!(read.load(Ordering::SeqCst));
        // Later records queue behind the failed ones, in order.
        let later = segment.append(b"*1\r\n$4\r\nPING\r\n", Fsync::EverySec);
        assert_eq!(later, 28);
        assert!(!segment.ready(later, Fsync::EverySec));
        assert_eq!(segment.backlog.len(), 28);
        drop(segment);
        assert!(
            !super::super::status::aof_failing(),
            "a dropped segment fails no more"
        );
    }
}
