//! One shard's key locks: the shard's half of the cross-shard transaction protocol.
//!
//! A command or MULTI/EXEC whose keys live on several shards must look atomic to every other
//! client. Its connection takes a lock on exactly the keys it touches, on the shards that own
//! them, one shard at a time in ascending shard order (`Job::Lock`, answered when granted); it
//! then runs its commands, whose batches carry its transaction id, and releases every lock
//! (`Job::Unlock`). Meanwhile a batch from anybody else that touches a locked key is *parked*
//! here, not run, and runs as soon as the keys are free; batches over other keys run as usual.
//!
//! Why this cannot deadlock: a transaction waits for a lock only on shard `s` while holding
//! locks on shards below `s`, never above. Whoever holds the key it waits for on `s` is either
//! running (and will release) or itself waiting on a shard above `s`. Following "waits for"
//! from any transaction thus climbs strictly in shard index and ends at one that runs: there
//! is no cycle. Parked batches hold nothing. On each shard all the keys a transaction needs
//! there are taken in one step, so two transactions never hold halves of one shard's set.
//!
//! Single-key commands and transactions on one shard never lock: a shard runs a batch whole,
//! without interleaving, so they are atomic already; they only check, with one branch, that
//! no lock is held on the shard before running in place.

use crate::command_table;
use crate::hop::Touch;
use crate::server::{Batch, Job, Outcome};
use bytes::Bytes;
use futures_channel::oneshot;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};

/// Identifies one cross-shard transaction; 0 means "not in a transaction".
pub type TxId = u64;

static NEXT_TX: AtomicU64 = AtomicU64::new(1);

/// A new transaction id, unique in the process (taken only by cross-shard work).
pub fn next_tx() -> TxId {
    NEXT_TX.fetch_add(1, Ordering::Relaxed)
}

/// A lock request waiting for keys another transaction holds.
#[derive(Debug)]
struct Waiter {
    tx: TxId,
    db: u8,
    keys: Vec<Bytes>,
    whole: bool,
    done: oneshot::Sender<Vec<Outcome>>,
}

/// The locks held on one shard, and what waits for them.
#[derive(Debug, Default)]
pub struct KeyLocks {
    /// Locked keys (database, key) and the transaction holding each.
    held: ahash::AHashMap<(u8, Bytes), TxId>,
    /// A transaction holding the whole shard (a keyspace-wide command inside it).
    whole: Option<TxId>,
    /// Lock requests not granted yet and batches that touch locked keys, in arrival order:
    /// one queue, so that neither kind can overtake the other on a key and starve it.
    pending: VecDeque<Pending>,
}

/// Work waiting on a shard for locked keys.
#[derive(Debug)]
enum Pending {
    /// A lock request.
    Lock(Waiter),
    /// A batch of another client's jobs.
    Batch(Batch),
}

impl KeyLocks {
    /// True when nothing is locked: everything may run at once.
    #[inline]
    pub fn is_idle(&self) -> bool {
        self.whole.is_none() && self.held.is_empty()
    }

    fn conflicts(&self, tx: TxId, db: u8, key: &Bytes) -> bool {
        if self.whole.is_some_and(|owner| owner != tx) {
            return true;
        }
        // Looking a key up needs an owned pair; cheap (a refcount) and only while locks exist.
        self.held
            .get(&(db, key.clone()))
            .is_some_and(|&owner| owner != tx)
    }

    fn grantable(&self, tx: TxId, db: u8, keys: &[Bytes], whole: bool) -> bool {
        if whole {
            return self.whole.is_none_or(|o| o == tx) && self.held.values().all(|&o| o == tx);
        }
        keys.iter().all(|k| !self.conflicts(tx, db, k))
    }

    fn grant(&mut self, tx: TxId, db: u8, keys: Vec<Bytes>, whole: bool) {
        if whole {
            self.whole = Some(tx);
        }
        for key in keys {
            self.held.insert((db, key), tx);
        }
    }

    /// A lock request: granted now, or queued until its keys are free and no older request
    /// waits for one of them (so each key's waiters are served in arrival order).
    pub fn request(
        &mut self,
        tx: TxId,
        db: u8,
        keys: Vec<Bytes>,
        whole: bool,
        done: oneshot::Sender<Vec<Outcome>>,
    ) {
        let behind_older = self
            .pending
            .iter()
            .any(|older| self.pending_overlaps(older, db, &keys, whole));
        if !behind_older && self.grantable(tx, db, &keys, whole) {
            self.grant(tx, db, keys, whole);
            let _ = done.send(vec![Outcome::Done]);
        } else {
            self.pending.push_back(Pending::Lock(Waiter {
                tx,
                db,
                keys,
                whole,
                done,
            }));
        }
    }

    /// Releases every lock `tx` holds here.
    pub fn release(&mut self, tx: TxId) {
        if self.whole == Some(tx) {
            self.whole = None;
        }
        self.held.retain(|_, owner| *owner != tx);
    }

    /// Whether `batch` (run on behalf of `batch.tx`) touches a key someone else holds.
    pub fn blocks(&self, batch: &Batch) -> bool {
        if self.is_idle() {
            return false;
        }
        batch.jobs.iter().any(|job| self.job_blocked(batch.tx, job))
    }

    fn job_blocked(&self, tx: TxId, job: &Job) -> bool {
        match job {
            Job::Run { db, args, .. } => {
                let Some(cmd) = command_table::lookup(&args[0]) else {
                    return false;
                };
                if cmd.keyspace_wide() {
                    // KEYS, DBSIZE, FLUSHDB, ... see every key: they wait for any lock.
                    return self.whole.is_some_and(|o| o != tx)
                        || self.held.values().any(|&o| o != tx);
                }
                cmd.key_entries(args, *db)
                    .iter()
                    .any(|(db, key)| self.conflicts(tx, *db, key))
            }
            Job::Call(call) => match &call.touch {
                Touch::Key { db, key } => self.conflicts(tx, *db, key),
                Touch::Keys { db, keys } => keys.iter().any(|key| self.conflicts(tx, *db, key)),
                Touch::Nothing => false,
            },
            _ => false,
        }
    }

    /// Keeps `batch` until the keys it touches are free.
    pub fn park(&mut self, batch: Batch) {
        self.pending.push_back(Pending::Batch(batch));
    }

    /// After a release: goes through the waiting work in arrival order, granting each lock
    /// request that is free and not behind older waiting work on one of its keys, and
    /// returning the parked batches that may run now (in arrival order, for the caller to
    /// run). A parked batch holds nothing, so it may pass an older lock request; a lock
    /// request never passes older work on its keys, so parked batches cannot starve.
    pub fn unblocked(&mut self) -> Vec<Batch> {
        let mut runnable = Vec::new();
        let mut still = VecDeque::new();
        while let Some(item) = self.pending.pop_front() {
            match item {
                Pending::Lock(w) => {
                    let behind_older = still
                        .iter()
                        .any(|older| self.pending_overlaps(older, w.db, &w.keys, w.whole));
                    if !behind_older && self.grantable(w.tx, w.db, &w.keys, w.whole) {
                        self.grant(w.tx, w.db, w.keys, w.whole);
                        let _ = w.done.send(vec![Outcome::Done]);
                    } else {
                        still.push_back(Pending::Lock(w));
                    }
                }
                Pending::Batch(batch) => {
                    if self.blocks(&batch) {
                        still.push_back(Pending::Batch(batch));
                    } else {
                        runnable.push(batch);
                    }
                }
            }
        }
        self.pending = still;
        runnable
    }

    /// Whether older waiting work wants one of the keys of a newer lock request.
    fn pending_overlaps(&self, older: &Pending, db: u8, keys: &[Bytes], whole: bool) -> bool {
        match older {
            Pending::Lock(w) => overlaps(w, db, keys, whole),
            Pending::Batch(batch) => {
                whole
                    || batch
                        .jobs
                        .iter()
                        .any(|job| matches!(job, Job::Run { args, .. } if keyspace_wide(args)))
                    || batch.jobs.iter().any(|job| {
                        job_entries(job)
                            .iter()
                            .any(|(job_db, key)| *job_db == db && keys.contains(key))
                    })
            }
        }
    }
}

/// The (database, key) pairs a job touches (none for jobs that touch no key).
fn job_entries(job: &Job) -> Vec<(u8, Bytes)> {
    match job {
        Job::Run { db, args, .. } => command_table::lookup(&args[0])
            .map(|cmd| cmd.key_entries(args, *db))
            .unwrap_or_default(),
        Job::Call(call) => match &call.touch {
            Touch::Key { db, key } => vec![(*db, key.clone())],
            Touch::Keys { db, keys } => keys.iter().map(|key| (*db, key.clone())).collect(),
            Touch::Nothing => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Whether a waiting request and a newer one want a key in common (then the newer waits).
fn overlaps(older: &Waiter, db: u8, keys: &[Bytes], whole: bool) -> bool {
    older.whole || whole || (older.db == db && older.keys.iter().any(|k| keys.contains(k)))
}

/// Whether a command reads or writes the whole keyspace (its row says so).
fn keyspace_wide(args: &[Bytes]) -> bool {
    command_table::lookup(&args[0]).is_some_and(|cmd| cmd.keyspace_wide())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{Origin, Tally};

    fn get(db: u8, key: &str) -> Job {
        Job::Run {
            handler: shards::types::string::get,
            db,
            resp3: false,
            args: vec![
                Bytes::from_static(b"GET"),
                Bytes::copy_from_slice(key.as_bytes()),
            ],
            tally: Tally::Skip,
            origin: Origin {
                addr: "127.0.0.1:1".parse().expect("address"),
                name: Bytes::new(),
            },
            whole_args: None,
        }
    }

    fn batch(jobs: Vec<Job>, tx: TxId) -> (Batch, oneshot::Receiver<Vec<Outcome>>) {
        let (done, rx) = oneshot::channel();
        (Batch { jobs, done, tx }, rx)
    }

    fn lock(locks: &mut KeyLocks, tx: TxId, keys: &[&str]) -> oneshot::Receiver<Vec<Outcome>> {
        let (done, rx) = oneshot::channel();
        let keys = keys
            .iter()
            .map(|k| Bytes::copy_from_slice(k.as_bytes()))
            .collect();
        locks.request(tx, 0, keys, false, done);
        rx
    }

    #[test]
    fn batches_over_locked_keys_wait_and_others_do_not() {
        let mut locks = KeyLocks::default();
        assert!(locks.is_idle());
        let mut granted = lock(&mut locks, 1, &["a", "b"]);
        assert!(matches!(granted.try_recv(), Ok(Some(_))));
        let (on_a, _) = batch(vec![get(0, "c"), get(0, "a")], 0);
        let (on_c, _) = batch(vec![get(0, "c")], 0);
        let (other_db, _) = batch(vec![get(1, "a")], 0);
        let (owner, _) = batch(vec![get(0, "a")], 1);
        assert!(locks.blocks(&on_a));
        assert!(!locks.blocks(&on_c));
        assert!(!locks.blocks(&other_db));
        assert!(!locks.blocks(&owner));
        locks.park(on_a);
        assert!(locks.unblocked().is_empty(), "still locked");
        locks.release(1);
        assert!(locks.is_idle());
        assert_eq!(locks.unblocked().len(), 1);
    }

    #[test]
    fn lock_requests_queue_in_order() {
        let mut locks = KeyLocks::default();
        let _first = lock(&mut locks, 1, &["a"]);
        let mut second = lock(&mut locks, 2, &["a", "b"]);
        let mut third = lock(&mut locks, 3, &["b"]);
        assert!(matches!(second.try_recv(), Ok(None)));
        // "b" is free, but the third waits behind the second, which wants it too.
        locks.release(1);
        assert!(locks.unblocked().is_empty());
        assert!(matches!(second.try_recv(), Ok(Some(_))));
        assert!(matches!(third.try_recv(), Ok(None)));
        locks.release(2);
        locks.unblocked();
        assert!(matches!(third.try_recv(), Ok(Some(_))));
    }

    #[test]
    fn a_parked_batch_runs_before_a_newer_lock_on_its_key() {
        let mut locks = KeyLocks::default();
        let _held = lock(&mut locks, 1, &["a"]);
        let (on_a, _) = batch(vec![get(0, "a")], 0);
        locks.park(on_a);
        let mut newer = lock(&mut locks, 2, &["a"]);
        locks.release(1);
        assert_eq!(locks.unblocked().len(), 1, "the parked GET runs first");
        assert!(
            matches!(newer.try_recv(), Ok(Some(_))),
            "then the lock is granted"
        );
    }

    #[test]
    fn keyspace_wide_commands_wait_for_any_lock() {
        let mut locks = KeyLocks::default();
        let _held = lock(&mut locks, 1, &["a"]);
        let mut dbsize = get(0, "x");
        if let Job::Run { args, .. } = &mut dbsize {
            *args = vec![Bytes::from_static(b"DBSIZE")];
        }
        let (b, _) = batch(vec![dbsize], 0);
        assert!(locks.blocks(&b));
    }
}
