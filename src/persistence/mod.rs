//! Persistence across shards: snapshots (SAVE, BGSAVE, save points, loading at start) and
//! the append-only file (one segment per shard, a manifest, rewrites). The encodings live in
//! the engine (`shards::snapshot`, `shards::aof`); this module decides when files are
//! written, makes every shard act at one moment, and loads them back at start.

pub mod aof;
pub mod segment;
pub mod snapshot;
pub mod status;

use crate::hop::Touch;
use crate::locks::next_tx;
use crate::server::{Job, ShardCtx};
use crate::serverlog;
use shards::Shard;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Runs `job_for(shard)` on every shard at one moment: while a whole-keyspace lock holds
/// every shard (taken in ascending order, as every transaction takes them), so no
/// cross-shard transaction is half done at that moment. `act(shard)` is what shard `shard`
/// does then. Err: a shard is gone (stopping).
pub async fn at_one_moment(
    ctx: &Rc<ShardCtx>,
    act: impl Fn(usize) -> Box<dyn FnOnce(&Rc<ShardCtx>) + Send>,
) -> Result<(), ()> {
    let n = ctx.nshards;
    let tx = if n > 1 { next_tx() } else { 0 };
    let mut locked = Vec::new();
    let mut result = Ok(());
    if n > 1 {
        for shard in 0..n {
            let lock = Job::Lock {
                tx,
                db: 0,
                keys: Vec::new(),
                whole: true,
            };
            let granted = match ctx.dispatch(shard, vec![lock], tx).await {
                Ok(rx) => rx.await.map_err(|_| ()),
                Err(()) => Err(()),
            };
            if granted.is_err() {
                result = Err(());
                break;
            }
            locked.push(shard);
        }
    }
    if result.is_ok() {
        let mut waiting = Vec::new();
        for shard in 0..n {
            let act = act(shard);
            let call = move |s: &ShardCtx, _| {
                if let Some(s) = s.rc() {
                    act(&s);
                }
            };
            waiting.push(ctx.send(shard, tx, Touch::Nothing, call).await);
        }
        for pending in waiting {
            if pending.answer().await.is_err() {
                result = Err(());
            }
        }
    }
    let mut waiting = Vec::new();
    for shard in locked {
        waiting.push(ctx.dispatch(shard, vec![Job::Unlock(tx)], tx).await);
    }
    for rx in waiting.into_iter().flatten() {
        let _ = rx.await;
    }
    result
}

/// How long a failed background save waits before a save point tries again (Redis's
/// CONFIG_BGSAVE_RETRY_DELAY).
const BGSAVE_RETRY_DELAY: Duration = Duration::from_secs(5);

/// Shard 0's persistence duties, every tick: save points, a scheduled BGSAVE or rewrite, the
/// automatic AOF rewrite.
pub async fn tick(ctx: &Rc<ShardCtx>) {
    if status::LOADING.load(Ordering::Relaxed) {
        return;
    }
    let config = ctx.config();
    let due = {
        let s = status::status();
        if s.save_in_progress || s.aof_rewrite_started.is_some() {
            None
        } else if s.aof_rewrite_scheduled {
            Some(Due::Rewrite)
        } else if s.bgsave_scheduled && may_retry(&s) {
            Some(Due::Save(None))
        } else {
            let changes = status::total_changes().saturating_sub(s.changes_at_last_save);
            let since = status::unix_now() - s.last_save_unix;
            let may_retry = may_retry(&s);
            config
                .save_rules
                .iter()
                .find(|&&(secs, min)| changes >= min && since > secs as i64 && may_retry)
                .map(|&(secs, min)| Due::Save(Some((min, secs))))
                .or_else(|| aof::rewrite_due(&config).then_some(Due::Rewrite))
        }
    };
    match due {
        Some(Due::Save(why)) => {
            if let Some((changes, secs)) = why {
                serverlog!(Notice, "{changes} changes in {secs} seconds. Saving...");
            }
            status::status().bgsave_scheduled = false;
            if let Ok(done) = snapshot::start(ctx).await {
                serverlog!(Notice, "Background saving started");
                let ctx = ctx.clone();
                glommio::spawn_local(async move {
                    snapshot::finish(&ctx, done, true).await;
                })
                .detach();
            }
        }
        Some(Due::Rewrite) => {
            status::status().aof_rewrite_scheduled = false;
            let _ = aof::start_rewrite(ctx).await;
        }
        None => {}
    }
}

/// Whether a background save may start by itself (a save point or a scheduled BGSAVE): the
/// last one succeeded, or it started more than [`BGSAVE_RETRY_DELAY`] ago (Redis's
/// `serverCron`), so a failing disk is retried every few seconds, not on every tick.
fn may_retry(s: &status::Status) -> bool {
    s.last_bgsave_ok
        || s.last_bgsave_try
            .is_none_or(|at| at.elapsed() > BGSAVE_RETRY_DELAY)
}

/// What a tick found due.
enum Due {
    /// A background save (for a save point: its changes and seconds, as Redis logs them).
    Save(Option<(u64, u64)>),
    /// An append-only file rewrite.
    Rewrite,
}

/// What start-up loading produced for one shard.
pub type Loaded = Shard;

/// Loads the dataset at start, in a thread of its own, while the shards already answer
/// `-LOADING`: from the append-only files when `appendonly` is on, else from the snapshot.
/// Each shard gets its engine on its channel; a file that cannot be trusted stops the
/// process with the reason, so the server never runs on part of its data.
pub fn start_loading(
    config: &crate::config::Config,
    nshards: usize,
) -> Option<Vec<crossbeam_channel::Receiver<Loaded>>> {
    let snapshot_path = std::path::Path::new(&config.dir).join(&config.dbfilename);
    let aof_on = config.appendonly;
    if !aof_on && !snapshot_path.exists() {
        return None;
    }
    status::LOADING.store(true, Ordering::Relaxed);
    let (senders, receivers): (Vec<_>, Vec<_>) =
        (0..nshards).map(|_| crossbeam_channel::bounded(1)).unzip();
    let config = config.clone();
    let spawned = std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let started = Instant::now();
            let mut engines: Vec<Shard> = (0..nshards)
                .map(|i| aof::blank_engine(&config, i as u64 + 1))
                .collect();
            let outcome = if aof_on {
                aof::load(&config, &mut engines).map(|loaded| loaded.map(|keys| (keys, 0)))
            } else {
                snapshot::read(&snapshot_path, &mut engines)
            };
            match outcome {
                Ok(Some((keys, expired))) => {
                    {
                        let mut s = status::status();
                        s.loaded_keys = keys;
                        s.loaded_expired = expired;
                    }
                    if aof_on {
                        serverlog!(
                            Notice,
                            "DB loaded from append only file: {:.3} seconds",
                            started.elapsed().as_secs_f64()
                        );
                    } else {
                        serverlog!(
                            Notice,
                            "Done loading RDB, keys loaded: {keys}, keys expired: {expired}."
                        );
                        serverlog!(
                            Notice,
                            "DB loaded from disk: {:.3} seconds",
                            started.elapsed().as_secs_f64()
                        );
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    serverlog!(Warning, "{e}");
                    std::process::exit(1);
                }
            }
            for (engine, sender) in engines.into_iter().zip(senders) {
                let _ = sender.send(engine);
            }
        });
    if let Err(e) = spawned {
        serverlog!(Warning, "Can't start the loading thread: {e}");
        std::process::exit(1);
    }
    Some(receivers)
}

/// On a shard: waits for its loaded engine, installs it, and ends the loading state once
/// every shard has its own.
pub async fn install_loaded(ctx: Rc<ShardCtx>, loaded: crossbeam_channel::Receiver<Loaded>) {
    static INSTALLED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let engine = loop {
        match loaded.try_recv() {
            Ok(engine) => break engine,
            Err(crossbeam_channel::TryRecvError::Empty) => {
                glommio::timer::sleep(Duration::from_millis(5)).await
            }
            Err(crossbeam_channel::TryRecvError::Disconnected) => return,
        }
    };
    {
        let mut current = ctx.engine.borrow_mut();
        current.dbs = engine.dbs;
        // The loaded databases note expirations for keyspace events as configured.
        current.set_notify_flags(ctx.config().notify_keyspace_events);
    }
    aof::open_on_shard(&ctx);
    if INSTALLED.fetch_add(1, Ordering::AcqRel) + 1 == ctx.nshards {
        status::LOADING.store(false, Ordering::Relaxed);
    }
}
