//! The cross-shard lock protocol as a connection drives it (`crate::locks` is the shard
//! side; docs/transactions.md the protocol): locking a command's keys shard by shard in
//! ascending order, the AOF commit of a transaction's parts, and the release.

use super::*;

impl Conn {
    /// Starts a cross-shard transaction over `keys` of database `db`: locks them on the shards
    /// that own them, one shard at a time in ascending order (see `locks` for why that cannot
    /// deadlock). From here until [`Conn::unlock`] this connection's batches carry the
    /// transaction's id. Returns the shards locked.
    pub(super) async fn lock_keys(&mut self, db: u8, keys: &[Bytes]) -> Result<Vec<usize>, ()> {
        let entries: Vec<(u8, Bytes)> = keys.iter().map(|k| (db, k.clone())).collect();
        self.lock_entries(entries, false).await
    }

    /// Locks `(database, key)` entries, or every shard whole when `whole` (a keyspace-wide
    /// command), for a new transaction: shard by shard in ascending order, and within a shard
    /// database by database, so every transaction climbs the same order. Returns the shards
    /// locked (each once).
    pub(super) async fn lock_entries(
        &mut self,
        entries: Vec<(u8, Bytes)>,
        whole: bool,
    ) -> Result<Vec<usize>, ()> {
        let n = self.ctx.nshards;
        let mut groups: std::collections::BTreeMap<(usize, u8), Vec<Bytes>> =
            std::collections::BTreeMap::new();
        if whole {
            for shard in 0..n {
                groups.insert((shard, self.db as u8), Vec::new());
            }
        } else {
            for (db, key) in entries {
                groups
                    .entry((key_shard(&key, n), db))
                    .or_default()
                    .push(key);
            }
        }
        self.tx = next_tx();
        let mut locked: Vec<usize> = Vec::new();
        for ((shard, db), mut keys) in groups {
            keys.sort_unstable();
            keys.dedup();
            let job = Job::Lock {
                tx: self.tx,
                db,
                keys,
                whole,
            };
            if locked.last() != Some(&shard) {
                locked.push(shard);
            }
            if self.one(shard, job).await.is_err() {
                self.unlock(&locked).await;
                return Err(());
            }
        }
        Ok(locked)
    }

    /// Ends the transaction [`Conn::lock_keys`] started: releases its locks on `shards`.
    pub(super) async fn unlock(&mut self, shards: &[usize]) {
        if self.ctx.aof.borrow().is_some() {
            self.aof_commit(shards).await;
        }
        let tx = std::mem::take(&mut self.tx);
        let mut waiting = Vec::new();
        for &shard in shards {
            waiting.push(self.ctx.dispatch(shard, vec![Job::Unlock(tx)], tx).await);
        }
        for rx in waiting.into_iter().flatten() {
            let _ = rx.await;
        }
    }

    /// With the append-only file on, before a transaction's locks go: every shard that
    /// recorded a part of it writes that part, framed with the number of parts, and the
    /// release waits until all are written (and fsynced under `always`). A later command
    /// on those keys is thus never in the files without the whole transaction; after a
    /// crash a transaction with a part missing is dropped whole.
    pub(super) async fn aof_commit(&mut self, shards: &[usize]) {
        let tx = self.tx;
        let mut asked = Vec::new();
        for &shard in shards {
            // The batch's own (empty) recording joins the part first.
            let prepare = move |s: &ShardCtx, _| {
                s.aof_keep_part(tx);
                s.aof_has_part(tx)
            };
            asked.push((
                shard,
                self.ctx.send(shard, tx, Touch::Nothing, prepare).await,
            ));
        }
        let mut holders = Vec::new();
        for (shard, pending) in asked {
            if pending.answer().await == Ok(true) {
                holders.push(shard);
            }
        }
        let nparts = holders.len() as u32;
        let mut waiting = Vec::new();
        for shard in holders {
            let commit = move |s: &ShardCtx, _| {
                s.aof_keep_part(tx);
                s.aof_commit(tx, nparts);
            };
            waiting.push(self.ctx.send(shard, tx, Touch::Nothing, commit).await);
        }
        for pending in waiting {
            let _ = pending.answer().await;
        }
    }

    /// Makes what follows atomic over `keys`: locks them, unless this connection already runs
    /// a transaction (which locked every key it touches). Pair with [`Conn::end_atomic`].
    pub(super) async fn begin_atomic(&mut self, keys: &[Bytes]) -> Result<Option<Vec<usize>>, ()> {
        if self.tx != 0 {
            return Ok(None);
        }
        self.lock_keys(self.db as u8, keys).await.map(Some)
    }

    /// [`Conn::begin_atomic`] over (database, key) entries (COPY ... DB writes another one).
    pub(super) async fn begin_atomic_entries(
        &mut self,
        entries: Vec<(u8, Bytes)>,
    ) -> Result<Option<Vec<usize>>, ()> {
        if self.tx != 0 {
            return Ok(None);
        }
        self.lock_entries(entries, false).await.map(Some)
    }

    /// Makes a command over the whole keyspace (FLUSHALL, DBSIZE, KEYS, RANDOMKEY) see one
    /// point in time, as in Redis, when it spans shards: it runs in a round of its own while
    /// it holds every shard whole. Pair with [`Conn::end_keyspace_wide`].
    pub(super) async fn begin_keyspace_wide(&mut self) -> Option<Vec<usize>> {
        if self.ctx.nshards == 1 || self.tx != 0 {
            return None;
        }
        self.flush_round().await;
        // On failure (a shard gone: the server is stopping) the round reports the error.
        self.lock_entries(Vec::new(), true).await.ok()
    }

    /// Runs the round [`Conn::begin_keyspace_wide`] opened and releases its locks.
    pub(super) async fn end_keyspace_wide(&mut self, locked: Option<Vec<usize>>) {
        if locked.is_some() {
            self.flush_round_releasing(locked).await;
        }
    }

    /// Runs the round, with the release of `locked` riding in each locked shard's batch after
    /// the work (one message per shard instead of two).
    pub(super) async fn flush_round_releasing(&mut self, locked: Option<Vec<usize>>) {
        let Some(shards) = locked else {
            return self.flush_round().await;
        };
        if self.round.is_empty() || self.ctx.aof.borrow().is_some() {
            // Nothing to ride with (a round with no replies is not sent), or the
            // transaction's parts must be committed to the append-only file first.
            self.flush_round().await;
            return self.unlock(&shards).await;
        }
        for &shard in &shards {
            self.round.jobs[shard].push(Job::Unlock(self.tx));
        }
        self.flush_round().await;
        self.tx = 0;
    }

    /// Releases what [`Conn::begin_atomic`] locked.
    pub(super) async fn end_atomic(&mut self, locked: Option<Vec<usize>>) {
        if let Some(shards) = locked {
            self.unlock(&shards).await;
        }
    }

    /// The keys of `args` at `positions`.
    pub(super) fn keys_at(
        args: &[Bytes],
        positions: impl IntoIterator<Item = usize>,
    ) -> Vec<Bytes> {
        positions.into_iter().map(|p| args[p].clone()).collect()
    }
}
