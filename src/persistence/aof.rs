//! The append-only file: one segment per shard under `appenddirname`, named by a manifest,
//! written as the shard runs its writes, fsynced as `appendfsync` says, rewritten in the
//! background, and replayed at start.
//!
//! - Writing: the engine records each write as a RESP command (`shards::aof`); before a
//!   shard's replies leave (a connection's replies, or a batch's outcomes for another
//!   shard), the shard `write()`s what it recorded to its segment. `always`: the replies wait
//!   for an fsync by the shard's syncer thread, which serves every request that arrived while
//!   it was busy with one fsync (group commit); `everysec`: a timer asks for one each second;
//!   `no`: the OS decides.
//! - Transactions over several shards: each shard keeps its part aside and writes it framed
//!   (TXPART txid nparts, MULTI ... EXEC) when the coordinator commits, before the locks are
//!   released; on load a transaction is applied only when every part is there.
//! - Rewrite: at one moment every shard switches to a fresh incremental segment (named in
//!   the manifest first) and starts a point-in-time snapshot of its data as the new base;
//!   when every base is durable the manifest names only the new files and the old ones go.
//! - Load: each old shard's base and segments replay into an engine of their own (so a
//!   command runs exactly where it ran); with another shard count the keys are then dealt
//!   to the new shards and a new set of files is written before serving.

use super::segment::{Fsync, Segment, WRITTEN};
use super::snapshot::{sync_dir, SaveMsg};
use super::status::status;
use crate::config::Config;
use crate::server::ShardCtx;
use crate::serverlog;
use futures_channel::oneshot;
use shards::{Handler, Shard};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// One file the manifest names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// File name, in the AOF directory.
    pub name: String,
    /// Its generation: a rewrite makes the next one.
    pub seq: u64,
    /// A base image (a snapshot of one shard) or an incremental segment.
    pub base: bool,
    /// The shard whose writes it holds.
    pub shard: usize,
}

/// The manifest: which files make up the append-only file now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// The files, bases before segments, oldest first.
    pub entries: Vec<Entry>,
}

impl Manifest {
    /// Parses the manifest's text: a line per file, `file NAME seq N type b|i shard K`.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split_ascii_whitespace().collect();
            let bad = || format!("Invalid AOF manifest file format at line {}", i + 1);
            let mut fields: HashMap<&str, &str> = HashMap::new();
            for pair in words.chunks(2) {
                match pair {
                    [k, v] => {
                        fields.insert(k, v);
                    }
                    _ => return Err(bad()),
                }
            }
            let name = fields.get("file").ok_or_else(bad)?;
            if name.contains('/') {
                return Err(bad());
            }
            let number = |k: &str| fields.get(k).and_then(|v| v.parse::<u64>().ok());
            let (Some(seq), Some(shard)) = (number("seq"), number("shard")) else {
                return Err(bad());
            };
            let base = match fields.get("type") {
                Some(&"b") => true,
                Some(&"i") => false,
                _ => return Err(bad()),
            };
            entries.push(Entry {
                name: name.to_string(),
                seq,
                base,
                shard: shard as usize,
            });
        }
        Ok(Manifest { entries })
    }

    /// The manifest's text.
    pub fn render(&self) -> String {
        self.entries
            .iter()
            .map(|e| {
                format!(
                    "file {} seq {} type {} shard {}\n",
                    e.name,
                    e.seq,
                    if e.base { "b" } else { "i" },
                    e.shard
                )
            })
            .collect()
    }

    /// How many shards wrote these files.
    pub fn shards(&self) -> usize {
        self.entries.iter().map(|e| e.shard + 1).max().unwrap_or(0)
    }

    /// The newest generation.
    pub fn max_seq(&self) -> u64 {
        self.entries.iter().map(|e| e.seq).max().unwrap_or(0)
    }

    /// Shard `shard`'s files in replay order: its base, then its segments oldest first.
    pub fn files_of(&self, shard: usize) -> Vec<&Entry> {
        let mut files: Vec<&Entry> = self.entries.iter().filter(|e| e.shard == shard).collect();
        files.sort_by_key(|e| (!e.base, e.seq));
        files
    }

    /// The segment shard `shard` appends to: its newest incremental one.
    pub fn current_incr(&self, shard: usize) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.shard == shard && !e.base)
            .max_by_key(|e| e.seq)
    }

    /// A fresh generation `seq` for `nshards` shards: an incremental segment each, plus a
    /// base each when `with_bases`.
    fn generation(file: &str, seq: u64, nshards: usize, with_bases: bool) -> Vec<Entry> {
        let mut entries = Vec::new();
        for shard in 0..nshards {
            if with_bases {
                entries.push(Entry {
                    name: format!("{file}.{seq}.s{shard}.base.sdb"),
                    seq,
                    base: true,
                    shard,
                });
            }
        }
        for shard in 0..nshards {
            entries.push(Entry {
                name: format!("{file}.{seq}.s{shard}.incr.aof"),
                seq,
                base: false,
                shard,
            });
        }
        entries
    }
}

/// The AOF directory and manifest path under `config`.
fn paths(config: &Config) -> (PathBuf, PathBuf) {
    let dir = Path::new(&config.dir).join(&config.appenddirname);
    let manifest = dir.join(format!("{}.manifest", config.appendfilename));
    (dir, manifest)
}

/// The manifest in force, shared by the shards (taken only to open files and by rewrites).
fn current_manifest() -> &'static Mutex<Manifest> {
    static MANIFEST: OnceLock<Mutex<Manifest>> = OnceLock::new();
    MANIFEST.get_or_init(|| Mutex::new(Manifest::default()))
}

fn manifest_lock() -> std::sync::MutexGuard<'static, Manifest> {
    match current_manifest().lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// Writes `manifest` durably: a temporary file, fsynced, renamed, the directory fsynced.
fn write_manifest(path: &Path, manifest: &Manifest) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = dir.join(format!(
        "temp-{}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(manifest.render().as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })()
    .map_err(|e| format!("Error writing the AOF manifest {}: {e}", path.display()));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir)
}

/// Creates the segments of a new generation, empty (a file left under the same name by an
/// older run is not part of it).
fn create_files(dir: &Path, entries: &[Entry]) -> Result<(), String> {
    for e in entries.iter().filter(|e| !e.base) {
        OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(dir.join(&e.name))
            .map_err(|err| format!("Can't open the append-only file {}: {err}", e.name))?;
    }
    sync_dir(dir)
}

/// The handler that replays a logged command.
fn handler_of(name: &[u8]) -> Option<Handler> {
    use crate::command_table::Exec;
    match crate::command_table::lookup(name)?.exec {
        Exec::Keyed(h)
        | Exec::Spread(h, _)
        | Exec::Moving(h, _)
        | Exec::Everywhere(h, _)
        | Exec::Gather(h)
        | Exec::Scan(h)
        | Exec::RandomKey(h) => Some(h),
        Exec::Conn(_) => None,
    }
}

/// A fresh engine with the shards' limits: what loading fills (one per shard, or one per old
/// shard whose files replay).
pub(super) fn blank_engine(config: &Config, seed: u64) -> Shard {
    let mut e = Shard::new(config.databases, seed);
    e.limits = config.encodings.clone();
    e.limits.proto_max_bulk_len = config.proto_max_bulk_len;
    e
}

/// Loads the append-only files into `engines` (start-up, on the loader thread), leaving the
/// files and manifest ready for this run's shard count. `Ok(None)`: there were none (they
/// are created empty).
pub fn load(config: &Config, engines: &mut [Shard]) -> Result<Option<u64>, String> {
    let (dir, manifest_path) = paths(config);
    let nshards = engines.len();
    let manifest = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => Manifest::parse(&text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                format!(
                    "Can't create the append-only directory {}: {e}",
                    dir.display()
                )
            })?;
            let fresh = Manifest {
                entries: Manifest::generation(&config.appendfilename, 1, nshards, false),
            };
            create_files(&dir, &fresh.entries)?;
            write_manifest(&manifest_path, &fresh)?;
            *manifest_lock() = fresh;
            return Ok(None);
        }
        Err(e) => return Err(format!("Can't read the AOF manifest: {e}")),
    };
    let old_shards = manifest.shards();
    // Which transactions have every part, over every shard's segments.
    let mut parts: HashMap<u64, (u32, u32)> = HashMap::new();
    let mut segments: HashMap<String, Vec<u8>> = HashMap::new();
    for e in manifest.entries.iter().filter(|e| !e.base) {
        let bytes = match std::fs::read(dir.join(&e.name)) {
            Ok(b) => b,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(err) => return Err(format!("Can't read the append-only file {}: {err}", e.name)),
        };
        // A malformed file is reported by the replay below, with its offset.
        for (txid, n) in shards::aof::scan_transactions(&bytes).unwrap_or_default() {
            parts.entry(txid).or_insert((n, 0)).1 += 1;
        }
        segments.insert(e.name.clone(), bytes);
    }
    let complete = |txid: u64| parts.get(&txid).is_some_and(|&(n, seen)| seen >= n);
    let mut replayed: Vec<Shard> = Vec::new();
    let mut keys = 0u64;
    for shard in 0..old_shards {
        let mut engine = blank_engine(config, shard as u64 + 1);
        let files = manifest.files_of(shard);
        let newest = manifest.current_incr(shard).map(|e| e.name.clone());
        for e in files {
            if e.base {
                let path = dir.join(&e.name);
                let bytes = std::fs::read(&path)
                    .map_err(|err| format!("Can't read the AOF base {}: {err}", e.name))?;
                let frames = shards::snapshot::decode(&bytes)
                    .map_err(|err| format!("Bad AOF base {}: {err}", e.name))?;
                for record in frames.into_iter().flatten() {
                    shards::snapshot::insert_record(&mut engine, record)
                        .map_err(|err| format!("Bad AOF base {}: {err}", e.name))?;
                }
                continue;
            }
            let bytes = segments.remove(&e.name).unwrap_or_default();
            let report = shards::aof::replay(&mut engine, &bytes, &complete, &handler_of)
                .map_err(|err| {
                    format!(
                        "Bad file format reading the append only file {}: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest> ({err})",
                        e.name
                    )
                })?;
            if let Some(valid) = report.truncated {
                let last = newest.as_deref() == Some(e.name.as_str());
                if !last || !config.aof_load_truncated {
                    return Err(format!(
                        "Unexpected end of file reading the append only file {}. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.",
                        e.name
                    ));
                }
                serverlog!(
                    Warning,
                    "!!! Warning: short read while loading the AOF file {}!!!",
                    e.name
                );
                serverlog!(
                    Warning,
                    "!!! Truncating the AOF {} at offset {valid} !!!",
                    e.name
                );
                OpenOptions::new()
                    .write(true)
                    .open(dir.join(&e.name))
                    .and_then(|f| {
                        f.set_len(valid as u64)?;
                        f.sync_all()
                    })
                    .map_err(|err| format!("Error truncating the AOF file {}: {err}", e.name))?;
                serverlog!(
                    Warning,
                    "AOF {} loaded anyway because aof-load-truncated is enabled",
                    e.name
                );
            }
        }
        keys += engine.dbs.iter().map(|d| d.len() as u64).sum::<u64>();
        replayed.push(engine);
    }
    if old_shards == nshards {
        for (target, engine) in engines.iter_mut().zip(replayed) {
            target.dbs = engine.dbs;
        }
        *manifest_lock() = manifest;
        record_sizes(config);
        return Ok(Some(keys));
    }
    // Another shard count: deal the keys to this run's shards, then write a fresh set of
    // files for them before serving (a base each, empty segments), and drop the old ones.
    for mut engine in replayed {
        for (db, source) in engine.dbs.iter_mut().enumerate() {
            while let Some((key, _)) = source.entry_at(source.len().wrapping_sub(1)) {
                let key = key.as_bytes().to_vec();
                let expire_at = source.expire_at(&key);
                let Some(value) = source.remove(&key) else {
                    break;
                };
                let shard = shards::slot::key_shard(&key, nshards);
                shards::keys::put_entry(&mut engines[shard].dbs[db], &key, value, expire_at);
            }
        }
    }
    let seq = manifest.max_seq() + 1;
    let fresh = Manifest {
        entries: Manifest::generation(&config.appendfilename, seq, nshards, true),
    };
    for (shard, engine) in engines.iter_mut().enumerate() {
        let Some(base) = fresh.entries.iter().find(|e| e.base && e.shard == shard) else {
            continue;
        };
        write_base_now(&dir.join(&base.name), engine)?;
    }
    create_files(&dir, &fresh.entries)?;
    write_manifest(&manifest_path, &fresh)?;
    remove_unlisted(&dir, &manifest, &fresh);
    serverlog!(
        Notice,
        "The AOF was written by {old_shards} shard(s): rewritten for {nshards}."
    );
    *manifest_lock() = fresh;
    record_sizes(config);
    Ok(Some(keys))
}

/// Writes a snapshot of `engine` to `path` at once (start-up, before serving).
fn write_base_now(path: &Path, engine: &mut Shard) -> Result<(), String> {
    let (sink, frames) = crossbeam_channel::unbounded();
    engine.begin_snapshot();
    loop {
        let slice = engine.snapshot_slice(1 << 20);
        if let Some(frame) = slice.frame {
            let _ = sink.send(SaveMsg::Frame(frame));
        }
        if slice.done {
            break;
        }
    }
    let _ = sink.send(SaveMsg::ShardDone);
    drop(sink);
    super::snapshot::write_frames(path, 1, &frames)
}

/// Deletes the files `old` named that `new` doesn't.
fn remove_unlisted(dir: &Path, old: &Manifest, new: &Manifest) {
    for e in &old.entries {
        if !new.entries.iter().any(|n| n.name == e.name) {
            let _ = std::fs::remove_file(dir.join(&e.name));
        }
    }
}

/// Sum of the sizes of the files the manifest names.
fn files_size(config: &Config) -> u64 {
    let (dir, _) = paths(config);
    manifest_lock()
        .entries
        .iter()
        .filter_map(|e| std::fs::metadata(dir.join(&e.name)).ok())
        .map(|m| m.len())
        .sum()
}

/// Size of the files at start or after the last rewrite.
static BASE_SIZE: AtomicU64 = AtomicU64::new(0);

fn record_sizes(config: &Config) {
    let size = files_size(config);
    BASE_SIZE.store(size, Ordering::Relaxed);
    WRITTEN.store(0, Ordering::Relaxed);
    status().aof_base_size = size;
}

/// INFO aof_current_size: the files' size now.
pub fn current_size() -> u64 {
    BASE_SIZE.load(Ordering::Relaxed) + WRITTEN.load(Ordering::Relaxed)
}

/// Whether the files grew enough for an automatic rewrite.
pub fn rewrite_due(config: &Config) -> bool {
    if !config.appendonly || config.auto_aof_rewrite_percentage == 0 {
        return false;
    }
    let (size, base) = (current_size(), BASE_SIZE.load(Ordering::Relaxed).max(1));
    size >= config.auto_aof_rewrite_min_size
        && (size - base.min(size)) * 100 / base >= config.auto_aof_rewrite_percentage
}

/// A shard's open segment and its pending transaction parts.
#[derive(Debug)]
pub struct AofShard {
    segment: Segment,
    /// Parts of cross-shard transactions, held until their commit.
    parts: HashMap<u64, Vec<u8>>,
}

impl AofShard {
    fn open(path: &Path, shard: usize) -> Result<AofShard, String> {
        Ok(AofShard {
            segment: Segment::open(path, shard)?,
            parts: HashMap::new(),
        })
    }
}

/// On a shard at start (after loading): opens its segment and turns recording on, when
/// `appendonly` is on.
pub fn open_on_shard(ctx: &Rc<ShardCtx>) {
    let config = ctx.config();
    if !config.appendonly {
        return;
    }
    let (dir, _) = paths(&config);
    let Some(entry) = manifest_lock().current_incr(ctx.id).cloned() else {
        serverlog!(
            Warning,
            "The AOF manifest names no segment for shard {}.",
            ctx.id
        );
        std::process::exit(1);
    };
    match AofShard::open(&dir.join(&entry.name), ctx.id) {
        Ok(aof) => {
            *ctx.aof.borrow_mut() = Some(aof);
            ctx.engine.borrow_mut().set_aof_enabled(true);
            status().aof_enabled = true;
            start_everysec(ctx);
        }
        Err(e) => {
            serverlog!(Warning, "{e}");
            std::process::exit(1);
        }
    }
}

/// The shard's once-a-second AOF work: the fsync under `appendfsync everysec`, and a new
/// try at writing what a failed write left (Redis's `serverCron` retry).
fn start_everysec(ctx: &Rc<ShardCtx>) {
    if ctx.aof_timer_started.replace(true) {
        return;
    }
    let ctx = ctx.clone();
    glommio::spawn_local(async move {
        loop {
            glommio::timer::sleep(Duration::from_secs(1)).await;
            let policy = Fsync::of(&ctx.config());
            ctx.aof_flush(false);
            if let Some(aof) = ctx.aof.borrow_mut().as_mut() {
                if policy == Fsync::EverySec && aof.segment.unsynced {
                    aof.segment.sync_then(None);
                }
            }
        }
    })
    .detach();
}

impl ShardCtx {
    /// Writes what the engine recorded to this shard's segment (after whatever a failed
    /// write left). With `wait`, answers when a reply to it may leave: once it is in the
    /// file, and on disk under `appendfsync always`; `None` when that is now.
    pub fn aof_flush(&self, wait: bool) -> Option<oneshot::Receiver<()>> {
        self.aof_flush_upto(wait, 0)
    }

    /// [`ShardCtx::aof_flush`] for a reply that also needs the records up to stream position
    /// `needed` ([`ShardCtx::aof_position`] right after its own commands ran): another
    /// connection's flush may have taken them since, into a backlog.
    pub fn aof_flush_upto(&self, wait: bool, needed: u64) -> Option<oneshot::Receiver<()>> {
        let mut slot = self.aof.borrow_mut();
        let aof = slot.as_mut()?;
        let bytes = self.engine.borrow_mut().aof.take();
        let policy = Fsync::of(&self.config());
        let upto = aof.segment.append(&bytes, policy).max(needed);
        if !wait || aof.segment.ready(upto, policy) {
            return None;
        }
        let (tx, rx) = oneshot::channel();
        let then = Box::new(move || {
            let _ = tx.send(());
        });
        aof.segment.when_in_file(upto, then, policy);
        Some(rx)
    }

    /// Where this shard's record stream ends now, counting what the engine recorded since
    /// the last flush; `None` without the append-only file (one borrow, no more).
    #[inline]
    pub fn aof_position(&self) -> Option<u64> {
        let slot = self.aof.borrow();
        let aof = slot.as_ref()?;
        Some(aof.segment.appended() + self.engine.borrow().aof.pending_len() as u64)
    }

    /// Where this shard's record stream is now: pass it to [`ShardCtx::after_durable`] to
    /// wait for what is recorded after this point.
    pub fn aof_mark(&self) -> u64 {
        self.aof
            .borrow()
            .as_ref()
            .map_or(0, |a| a.segment.appended())
    }

    /// Runs `send` once what this shard recorded since `mark` may be acknowledged: now,
    /// once a failed write's backlog holding it reached the file, or after the syncer's
    /// fsync under `always`.
    pub fn after_durable(&self, mark: u64, send: Box<dyn FnOnce() + Send>) {
        let policy = Fsync::of(&self.config());
        match self.aof.borrow_mut().as_mut() {
            Some(aof) => {
                let now = aof.segment.appended();
                let upto = if now > mark { now } else { 0 };
                aof.segment.when_in_file(upto, send, policy)
            }
            None => send(),
        }
    }

    /// Before a transaction's batch runs: what was recorded so far goes to the segment, so
    /// that what the batch records is the transaction's alone.
    pub fn aof_before_part(&self) {
        if self.aof.borrow().is_some() {
            self.aof_flush(false);
        }
    }

    /// After a transaction's batch ran: what it recorded is kept aside for its commit.
    pub fn aof_keep_part(&self, tx: u64) {
        let mut slot = self.aof.borrow_mut();
        if let Some(aof) = slot.as_mut() {
            let bytes = self.engine.borrow_mut().aof.take();
            if !bytes.is_empty() {
                aof.parts.entry(tx).or_default().extend_from_slice(&bytes);
            }
        }
    }

    /// Whether transaction `tx` recorded anything here (the coordinator's prepare round).
    pub fn aof_has_part(&self, tx: u64) -> bool {
        self.aof
            .borrow()
            .as_ref()
            .is_some_and(|aof| aof.parts.contains_key(&tx))
    }

    /// Writes transaction `tx`'s part, framed with its id and part count.
    pub fn aof_commit(&self, tx: u64, nparts: u32) {
        let mut slot = self.aof.borrow_mut();
        if let Some(aof) = slot.as_mut() {
            let body = aof.parts.remove(&tx).unwrap_or_default();
            let framed = shards::aof::encode_tx_part(aof_txid(tx), nparts, &body);
            aof.segment.append(&framed, Fsync::of(&self.config()));
        }
        // The next record must name its database again.
        self.engine.borrow_mut().aof.forget_db();
    }

    /// Drops what transaction `tx` kept aside (it wrote nothing that needs a commit).
    pub fn aof_forget_part(&self, tx: u64) {
        if let Some(aof) = self.aof.borrow_mut().as_mut() {
            aof.parts.remove(&tx);
        }
    }

    /// Starts writing to the segment at `path` (a rewrite's switch), turning recording on if
    /// it was off; then starts the point-in-time snapshot that becomes this shard's base.
    /// A shard that cannot switch (its segment fails to take its records, or the new one
    /// does not open) keeps its segment and drops `base_sink` unfinished, which fails the
    /// rewrite: the files in force stay in force.
    fn aof_switch(self: &Rc<Self>, path: &Path, base_sink: super::snapshot::SaveSink) {
        // What was recorded before the switch belongs to the old segment, whole.
        self.aof_flush(false);
        if self
            .aof
            .borrow()
            .as_ref()
            .is_some_and(|a| a.segment.is_failing())
        {
            serverlog!(
                Warning,
                "Can't switch to a new AOF segment while writing to the current one fails."
            );
            return;
        }
        let next = match AofShard::open(path, self.id) {
            Ok(next) => next,
            Err(e) => {
                serverlog!(Warning, "{e}");
                return;
            }
        };
        let old = self.aof.borrow_mut().replace(next);
        if let Some(old) = old {
            let _ = old.segment.sync_now();
            if let Some(aof) = self.aof.borrow_mut().as_mut() {
                aof.parts = old.parts;
            }
        }
        self.engine.borrow_mut().set_aof_enabled(true);
        self.engine.borrow_mut().aof.forget_db();
        start_everysec(self);
        super::snapshot::start_on_shard(self, base_sink);
    }

    /// Stops the append-only file on this shard (CONFIG SET appendonly no): the segment is
    /// flushed and fsynced, and nothing more is recorded.
    fn aof_stop(&self) {
        self.aof_flush(false);
        if let Some(aof) = self.aof.borrow_mut().take() {
            let _ = aof.segment.sync_now();
        }
        let mut engine = self.engine.borrow_mut();
        let _ = engine.aof.take();
        engine.set_aof_enabled(false);
    }
}

/// A transaction's id in the files: unique across restarts (a run's start time in the high
/// bits), so parts of different runs never pair up.
fn aof_txid(tx: u64) -> u64 {
    static RUN: OnceLock<u64> = OnceLock::new();
    let run = *RUN.get_or_init(|| (shards::util::now_ms() as u64) << 24);
    run ^ (tx & 0xFF_FFFF)
}

/// Why a rewrite did not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RewriteStart {
    /// It started.
    Started,
    /// A save runs: it starts after.
    Scheduled,
    /// One runs already.
    AlreadyRunning,
    /// It could not start (logged).
    Failed,
}

/// Starts a rewrite of the append-only files (BGREWRITEAOF, the automatic rewrite, and
/// CONFIG SET appendonly yes, which starts the files this way).
pub async fn start_rewrite(ctx: &Rc<ShardCtx>) -> RewriteStart {
    {
        let mut s = status();
        if s.aof_rewrite_started.is_some() {
            return RewriteStart::AlreadyRunning;
        }
        if s.save_in_progress {
            s.aof_rewrite_scheduled = true;
            return RewriteStart::Scheduled;
        }
        s.aof_rewrite_started = Some(Instant::now());
    }
    let config = ctx.config();
    let (dir, manifest_path) = paths(&config);
    let n = ctx.nshards;
    let prepared = (|| {
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("Can't create the append-only directory: {e}"))?;
        // Files an earlier run left (the AOF was off at start, CONFIG SET turns it on) are
        // an old generation too: the new one gets a fresh number, and they are deleted at
        // the end; they are not named meanwhile, since they don't hold this run's data.
        let live = manifest_lock().clone();
        let old = if live.entries.is_empty() {
            std::fs::read_to_string(&manifest_path)
                .ok()
                .and_then(|text| Manifest::parse(&text).ok())
                .unwrap_or_default()
        } else {
            live.clone()
        };
        let seq = old.max_seq() + 1;
        let next = Manifest::generation(&config.appendfilename, seq, n, true);
        let incrs: Vec<Entry> = next.iter().filter(|e| !e.base).cloned().collect();
        create_files(&dir, &incrs)?;
        // The new segments are named before any write lands in them.
        let mut during = live;
        during.entries.extend(incrs);
        write_manifest(&manifest_path, &during)?;
        *manifest_lock() = during;
        Ok::<_, String>((old, next))
    })();
    let (old, next) = match prepared {
        Ok(v) => v,
        Err(e) => {
            serverlog!(Warning, "{e}");
            end_rewrite(false);
            return RewriteStart::Failed;
        }
    };
    serverlog!(Notice, "Background append only file rewriting started");
    let mut done = Vec::new();
    let mut sinks = Vec::new();
    for shard in 0..n {
        let Some(base) = next.iter().find(|e| e.base && e.shard == shard) else {
            continue;
        };
        let (sink, rx) = super::snapshot::start_file_writer(dir.join(&base.name), 1);
        sinks.push(sink);
        done.push(rx);
    }
    let switched = super::at_one_moment(ctx, |shard| {
        let incr = next
            .iter()
            .find(|e| !e.base && e.shard == shard)
            .map(|e| dir.join(&e.name))
            .unwrap_or_default();
        let sink = sinks[shard].clone();
        Box::new(move |s: &Rc<ShardCtx>| s.aof_switch(&incr, sink))
    })
    .await;
    drop(sinks);
    status().aof_enabled = true;
    let ctx = ctx.clone();
    glommio::spawn_local(async move {
        let mut ok = switched.is_ok();
        for rx in done {
            match rx.await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    serverlog!(Warning, "{e}");
                    ok = false;
                }
                Err(_) => ok = false,
            }
        }
        if ok {
            let finished = Manifest { entries: next };
            match write_manifest(&manifest_path, &finished) {
                Ok(()) => {
                    remove_unlisted(&dir, &old, &finished);
                    *manifest_lock() = finished;
                    record_sizes(&ctx.config());
                    serverlog!(Notice, "Background AOF rewrite terminated with success");
                }
                Err(e) => {
                    serverlog!(Warning, "{e}");
                    ok = false;
                }
            }
        } else {
            serverlog!(Warning, "Background AOF rewrite terminated with error");
        }
        end_rewrite(ok);
    })
    .detach();
    RewriteStart::Started
}

fn end_rewrite(ok: bool) {
    let mut s = status();
    if let Some(started) = s.aof_rewrite_started.take() {
        s.aof_last_rewrite_secs = started.elapsed().as_secs() as i64;
    }
    s.aof_last_rewrite_ok = ok;
    if ok {
        s.aof_rewrites += 1;
        s.aof_rewrite_failures = 0;
    } else {
        s.aof_rewrite_failures += 1;
    }
}

/// CONFIG SET appendonly no: every shard stops recording, its segment flushed and fsynced.
pub async fn stop(ctx: &Rc<ShardCtx>) {
    let _ = super::at_one_moment(ctx, |_| Box::new(|s: &Rc<ShardCtx>| s.aof_stop())).await;
    status().aof_enabled = false;
}

/// Before exiting: every shard writes and fsyncs what it recorded.
pub async fn flush_all(ctx: &Rc<ShardCtx>) {
    if !ctx.config().appendonly {
        return;
    }
    let flush = |s: &ShardCtx, _| {
        s.aof_flush(false);
        if let Some(aof) = s.aof.borrow().as_ref() {
            let _ = aof.segment.sync_now();
        }
    };
    let _ = ctx.on_each(0..ctx.nshards, 0, flush).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_and_orders_files() {
        let m = Manifest {
            entries: [
                Manifest::generation("appendonly.aof", 2, 2, true),
                Manifest::generation("appendonly.aof", 3, 2, false),
            ]
            .concat(),
        };
        let parsed = Manifest::parse(&m.render()).expect("parses");
        assert_eq!(parsed, m);
        assert_eq!(parsed.shards(), 2);
        assert_eq!(parsed.max_seq(), 3);
        let names: Vec<&str> = parsed.files_of(1).iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "appendonly.aof.2.s1.base.sdb",
                "appendonly.aof.2.s1.incr.aof",
                "appendonly.aof.3.s1.incr.aof"
            ]
        );
        assert_eq!(
            parsed.current_incr(0).map(|e| e.name.as_str()),
            Some("appendonly.aof.3.s0.incr.aof")
        );
    }

    #[test]
    fn bad_manifests_are_refused() {
        for text in [
            "file x seq 1 type b\n",
            "file x seq one type i shard 0\n",
            "file ../x seq 1 type i shard 0\n",
            "file x seq 1 type z shard 0\n",
            "file x seq 1 type i shard\n",
        ] {
            assert!(Manifest::parse(text).is_err(), "{text:?}");
        }
    }
}
