//! Snapshots across shards: SAVE, BGSAVE and save points write one file from every shard's
//! frames; start-up reads it back into however many shards this run has.
//!
//! A save starts on every shard at one moment (while a whole-keyspace lock holds every
//! shard, so no cross-shard transaction is half in it), then each shard encodes its own data
//! in slices between requests (`Shard::snapshot_slice`, point-in-time: a key changed
//! meanwhile is saved as it was). A writer thread appends the frames to a temporary file,
//! which it fsyncs and renames over the real name, then fsyncs the directory: a crash never
//! leaves a half-written file under the real name. No fork, no copy of the dataset.

use super::status::{self, status, total_changes};
use crate::config::os_error_text;
use crate::server::ShardCtx;
use crate::serverlog;
use futures_channel::oneshot;
use shards::snapshot::{self as codec, SnapshotWriter};
use shards::Shard;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// About how many bytes of records a shard encodes between two turns of its other work.
const SLICE_BYTES: usize = 64 * 1024;

/// The shortest pause between two slices, so that the shard serves its clients in between.
const SLICE_PAUSE: std::time::Duration = std::time::Duration::from_micros(50);

/// What a shard sends the writer thread.
#[derive(Debug)]
pub enum SaveMsg {
    /// Encoded records (`shards::snapshot::encode_frame`).
    Frame(Vec<u8>),
    /// This shard has sent all its data.
    ShardDone,
}

/// Where a shard sends its frames.
pub type SaveSink = crossbeam_channel::Sender<SaveMsg>;

/// The snapshot file's path under the current configuration.
pub fn snapshot_path(ctx: &ShardCtx) -> PathBuf {
    let config = ctx.config();
    Path::new(&config.dir).join(&config.dbfilename)
}

/// Starts the writer thread for a snapshot of `nshards` shards into `path`; the receiver
/// answers when the file is complete and durable, or why it is not.
pub fn start_file_writer(
    path: PathBuf,
    nshards: usize,
) -> (SaveSink, oneshot::Receiver<Result<(), String>>) {
    let (sink, frames) = crossbeam_channel::unbounded();
    let (done_tx, done_rx) = oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("snapshot-writer".into())
        .spawn(move || {
            let _ = done_tx.send(write_frames(&path, nshards, &frames));
        });
    if let Err(e) = spawned {
        serverlog!(Warning, "Can't start the snapshot writer thread: {e}");
    }
    (sink, done_rx)
}

/// Writes the frames of `nshards` shards to a temporary file, then makes it `path`. On any
/// failure the temporary file is removed and the file at `path` is left as it was; the
/// error is the line Redis logs for the same failure (`rdbSave` in rdb.c). It returns only
/// once every shard has finished or dropped its sink, so that no shard still walks this
/// snapshot when the next save begins.
pub fn write_frames(
    path: &Path,
    nshards: usize,
    frames: &crossbeam_channel::Receiver<SaveMsg>,
) -> Result<(), String> {
    static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp_name = format!(
        "temp-{}-{}.rdb",
        std::process::id(),
        TEMP_SEQ.fetch_add(1, Ordering::Relaxed)
    );
    let temp = dir.join(&temp_name);
    let mut done = 0;
    let result = write_temp(&temp, &temp_name, nshards, frames, &mut done).and_then(|()| {
        std::fs::rename(&temp, path).map_err(|e| {
            let target = path.file_name().unwrap_or(path.as_os_str());
            format!(
                "Error moving temp DB file {temp_name} on the final destination {} \
                 (in server root dir {}): {}",
                target.to_string_lossy(),
                root_dir(),
                os_error_text(&e)
            )
        })?;
        fsync_dir(dir).map_err(|e| write_error("fsyncFileDir", &e))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
        // The shards still walking this snapshot send their frames into the void until they
        // are done (or their sink is gone): a save started after this one must not find a
        // walk of this one running on a shard.
        while done < nshards {
            match frames.recv() {
                Ok(SaveMsg::ShardDone) => done += 1,
                Ok(SaveMsg::Frame(_)) => {}
                Err(_) => break,
            }
        }
    }
    result
}

/// Redis's log line for a failed write of the snapshot: `op` names the step as rdb.c does
/// (`rdbSaveRio` for the records, then `fflush`, `fsync`, `fsyncFileDir`).
fn write_error(op: &str, e: &std::io::Error) -> String {
    format!("Write error saving DB on disk({op}): {}", os_error_text(e))
}

/// The server's working directory (its `dir`), for the log lines that name it.
fn root_dir() -> String {
    std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_else(|_| "unknown".into())
}

/// Writes every shard's frames to `temp` (named `temp_name` in the logs) and fsyncs it;
/// `done` counts the shards that have sent all their data.
fn write_temp(
    temp: &Path,
    temp_name: &str,
    nshards: usize,
    frames: &crossbeam_channel::Receiver<SaveMsg>,
    done: &mut usize,
) -> Result<(), String> {
    let file = std::fs::File::create(temp).map_err(|e| {
        format!(
            "Failed opening the temp RDB file {temp_name} (in server root dir {}) for saving: {}",
            root_dir(),
            os_error_text(&e)
        )
    })?;
    let records = |e: std::io::Error| write_error("rdbSaveRio", &e);
    let mut writer =
        SnapshotWriter::new(std::io::BufWriter::with_capacity(1 << 20, file)).map_err(records)?;
    while *done < nshards {
        match frames.recv() {
            Ok(SaveMsg::Frame(bytes)) => writer.write_frame(&bytes).map_err(records)?,
            Ok(SaveMsg::ShardDone) => *done += 1,
            Err(_) => return Err("a shard stopped before it saved all its data".into()),
        }
    }
    let buffered = writer.finish().map_err(records)?;
    let file = buffered
        .into_inner()
        .map_err(|e| write_error("fflush", e.error()))?;
    file.sync_all().map_err(|e| write_error("fsync", &e))
}

/// fsyncs a directory, so a rename in it survives a crash.
pub fn sync_dir(dir: &Path) -> Result<(), String> {
    fsync_dir(dir).map_err(|e| format!("Failed to fsync the directory {}: {e}", dir.display()))
}

/// fsyncs a directory.
fn fsync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir).and_then(|d| d.sync_all())
}

/// On one shard: starts its point-in-time snapshot and a task that feeds `sink` a slice at a
/// time, between the shard's other work, until all of its data is sent.
pub fn start_on_shard(ctx: &Rc<ShardCtx>, sink: SaveSink) {
    ctx.engine.borrow_mut().begin_snapshot();
    let ctx = ctx.clone();
    glommio::spawn_local(async move {
        loop {
            let started = Instant::now();
            let slice = ctx.engine.borrow_mut().snapshot_slice(SLICE_BYTES);
            if let Some(frame) = slice.frame {
                if sink.send(SaveMsg::Frame(frame)).is_err() {
                    ctx.engine.borrow_mut().abort_snapshot();
                    return;
                }
            }
            if slice.done {
                let _ = sink.send(SaveMsg::ShardDone);
                return;
            }
            // A timer, not a plain yield: the executor then polls its sockets before the
            // next slice (a task that only yields keeps the queue busy and the clients'
            // reads wait for glommio's 100 ms preemption). Pausing as long as the slice
            // took leaves the clients at least half of the shard while a save runs, as a
            // forked child sharing the core would.
            glommio::timer::sleep(started.elapsed().max(SLICE_PAUSE)).await;
        }
    })
    .detach();
}

/// Why a save could not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// A snapshot is already being written.
    Saving,
    /// An append-only file rewrite runs.
    Rewriting,
}

/// Starts a snapshot of every shard, from the shard `ctx` runs on; the receiver answers when
/// the file is durable. Marks the save as running (INFO rdb_bgsave_in_progress).
pub async fn start(ctx: &Rc<ShardCtx>) -> Result<oneshot::Receiver<Result<(), String>>, Busy> {
    {
        let mut s = status();
        if s.save_in_progress {
            return Err(Busy::Saving);
        }
        if s.aof_rewrite_started.is_some() {
            return Err(Busy::Rewriting);
        }
        s.save_in_progress = true;
        s.save_started = Some((Instant::now(), total_changes()));
    }
    let (sink, done) = start_file_writer(snapshot_path(ctx), ctx.nshards);
    let begun = super::at_one_moment(ctx, |_| {
        let sink = sink.clone();
        Box::new(move |s: &Rc<ShardCtx>| start_on_shard(s, sink))
    })
    .await;
    drop(sink);
    if begun.is_err() {
        // A shard is gone: the server is stopping; the writer sees its senders dropped.
        serverlog!(Warning, "A shard could not start the snapshot.");
    }
    Ok(done)
}

/// Waits for a save that [`start`] began, logs and records how it went (Redis's lines:
/// the error, then `Background saving error` for a background save); true when it
/// succeeded. `background`: a BGSAVE, scheduled BGSAVE or save point (its status is what
/// INFO's rdb_last_bgsave_status and stop-writes-on-bgsave-error look at). Any success lets
/// writes through again.
pub async fn finish(
    ctx: &ShardCtx,
    done: oneshot::Receiver<Result<(), String>>,
    background: bool,
) -> bool {
    let result = done
        .await
        .unwrap_or_else(|_| Err("the snapshot writer stopped".into()));
    let mut s = status();
    let (started, changes_then) = s
        .save_started
        .take()
        .unwrap_or((Instant::now(), total_changes()));
    s.save_in_progress = false;
    let ok = result.is_ok();
    // As Redis: a background save's outcome is rdb_last_bgsave_status (what
    // stop-writes-on-bgsave-error looks at) and its time; a SAVE sets the status only when it
    // succeeds, so a failed SAVE (or SHUTDOWN's save) replies an error but refuses no write.
    match result {
        Ok(()) => {
            s.last_save_unix = status::unix_now();
            s.changes_at_last_save = changes_then;
            s.last_bgsave_ok = true;
            serverlog!(Notice, "DB saved on disk");
            if background {
                serverlog!(Notice, "Background saving terminated with success");
            }
        }
        Err(e) => {
            serverlog!(Warning, "{e}");
            if background {
                serverlog!(Warning, "Background saving error");
                s.last_bgsave_ok = false;
            }
        }
    }
    if background {
        s.saves += 1;
        s.last_bgsave_try = Some(started);
        s.last_bgsave_secs = started.elapsed().as_secs() as i64;
    }
    drop(s);
    refresh_refusal(&ctx.config());
    ok
}

/// Refuses writes (`-MISCONF`) while the last background save failed, if the configuration
/// says so; lets them through again otherwise.
pub fn refresh_refusal(config: &crate::config::Config) {
    let failed = !status().last_bgsave_ok;
    let refuse = failed && config.stop_writes_on_bgsave_error && !config.save_rules.is_empty();
    status::WRITES_REFUSED.store(refuse, Ordering::Relaxed);
}

/// Reads the snapshot at `path` into `nshards` engines (each key on the shard its slot
/// maps to, whatever shard count wrote it), checking the whole file's checksum before
/// using any of it. `Ok(None)`: there is no file. Keys whose time has passed are skipped,
/// as Redis skips them loading an RDB.
pub fn read(path: &Path, engines: &mut [Shard]) -> Result<Option<(u64, u64)>, String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("Fatal error loading the DB: {e}. Exiting.")),
    };
    let frames = codec::decode(&bytes)
        .map_err(|e| format!("Failed loading the snapshot {}: {e}", path.display()))?;
    let now = shards::util::now_ms();
    let (mut loaded, mut expired) = (0, 0);
    let n = engines.len();
    for record in frames.into_iter().flatten() {
        if record.expire_at.is_some_and(|at| at < now) {
            expired += 1;
            continue;
        }
        let shard = shards::slot::key_shard(&record.key, n);
        codec::insert_record(&mut engines[shard], record)
            .map_err(|e| format!("Failed loading the snapshot {}: {e}", path.display()))?;
        loaded += 1;
    }
    Ok(Some((loaded, expired)))
}
