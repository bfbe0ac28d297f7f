//! The point-in-time walk of one database: what a running snapshot remembers per [`Db`], and
//! the hooks `db.rs` calls before each change so the walk still sees the data as it was when
//! the snapshot began, without copying the database and without a fork.
//!
//! The key table is a `KeyTable`: a dense vector of entries. At `begin` the walk owns the
//! region `[0, next)` with `next` = the number of keys, and visits it from the top down
//! (`next - 1`, `next - 2`, ...). Everything at or above `next` is either visited or was
//! inserted after the snapshot began (insertions append), so it must not be visited again.
//!
//! - Before a key in the unvisited region changes (value, expiry, removal), its current value
//!   and expiry are encoded into `saved` (emitted with the next slice) and the key goes into
//!   `handled`, so the walk skips it when it gets there.
//! - `swap_remove` of an entry at index `i` moves the last entry into the hole. When the hole
//!   is unvisited (`i < next`) and the moved entry came from at or above `next` (a visited key
//!   or a new one), the moved key goes into `handled` too: it must not be visited twice, nor
//!   at all if it is new. When the moved entry was itself unvisited it stays unvisited at its
//!   new place. Either way `next` is clamped to the new length.
//! - A flush (`Db::clear`) hands the tables to the walk (`freeze`), which finishes them while
//!   the database starts empty; later writes are of new keys and need nothing.
//!
//! Each key's state as of `begin` is therefore emitted exactly once: by the walk if the key
//! was never changed before the walk reached it, or from `saved` if it was. Memory grows only
//! by the old values of keys changed meanwhile (and `handled`'s keys).

use super::Record;
use crate::db::{Db, Key};
use crate::table::KeyTable;
use crate::value::Value;
use ahash::AHashSet;

/// The tables of a database that was flushed while its walk was unfinished.
#[derive(Debug)]
struct Frozen {
    entries: KeyTable<Value>,
    expires: KeyTable<i64>,
}

/// The state of a running snapshot's walk over one database.
#[derive(Debug)]
pub(crate) struct DbCursor {
    /// The database's index when the snapshot began (records carry it across SWAPDB).
    origin_db: u32,
    /// Entries `[0, next)` of the walked table are not visited yet.
    next: usize,
    /// Keys in the unvisited region that the walk must skip: already saved, or moved there
    /// from the visited region or created after the snapshot began.
    handled: AHashSet<Key>,
    /// Old values of keys changed before the walk reached them, not yet emitted.
    saved: Vec<Record>,
    /// The walked tables when a flush emptied the live ones mid-walk.
    frozen: Option<Box<Frozen>>,
}

impl DbCursor {
    /// A walk over a database numbered `origin_db` that holds `len` keys now.
    pub(crate) fn new(origin_db: u32, len: usize) -> Self {
        DbCursor {
            origin_db,
            next: len,
            handled: AHashSet::new(),
            saved: Vec::new(),
            frozen: None,
        }
    }

    /// Before `key` changes: saves its current value and expiry if the walk has not reached it
    /// and has not saved it already.
    pub(crate) fn preserve(
        &mut self,
        key: &[u8],
        entries: &KeyTable<Value>,
        expires: &KeyTable<i64>,
    ) {
        if self.frozen.is_some() {
            return; // every live key was created after the snapshot began
        }
        if let Some((index, stored, value)) = entries.get_full(key) {
            if index < self.next && !self.handled.contains(key) {
                let expire_at = expires.get(key).copied();
                self.saved
                    .push(Record::from_entry(self.origin_db, key, value, expire_at));
                self.handled.insert(stored.clone());
            }
        }
    }

    /// After `swap_remove` emptied `index` of `entries` (now one shorter): marks the entry
    /// moved into the hole as handled if it came from the visited region, and clamps `next`.
    pub(crate) fn after_swap_remove(&mut self, index: usize, entries: &KeyTable<Value>) {
        if self.frozen.is_some() {
            return;
        }
        let len = entries.len();
        // The moved entry came from index `len` (the old last one).
        if index < self.next && index < len && len >= self.next {
            if let Some((moved, _)) = entries.get_index(index) {
                self.handled.insert(moved.clone());
            }
        }
        self.next = self.next.min(len);
    }

    /// Before a flush: takes the tables the walk has not finished, leaving empty ones behind.
    pub(crate) fn freeze(&mut self, entries: &mut KeyTable<Value>, expires: &mut KeyTable<i64>) {
        if self.frozen.is_some() || self.next == 0 {
            return; // the live tables hold only keys created after the snapshot began
        }
        let mut entries = std::mem::take(entries);
        entries.truncate(self.next);
        self.frozen = Some(Box::new(Frozen {
            entries,
            expires: std::mem::take(expires),
        }));
    }
}

impl Db {
    /// Starts a snapshot walk over this database, numbered `origin_db` (any walk running is
    /// dropped).
    pub(crate) fn begin_snapshot(&mut self, origin_db: u32) {
        self.snapshot = Some(Box::new(DbCursor::new(origin_db, self.entries.len())));
    }

    /// Drops the walk of this database, if any.
    pub(crate) fn abort_snapshot(&mut self) {
        self.snapshot = None;
    }

    /// True while a snapshot walk over this database is unfinished.
    pub(crate) fn snapshot_in_progress(&self) -> bool {
        self.snapshot.is_some()
    }

    /// Appends records to `out` until `*size` (their approximate bytes, updated) reaches
    /// `budget` or the walk ends; at least one record if any is left. When the walk has
    /// emitted everything it ends (the database forgets it) and this returns true.
    pub(crate) fn snapshot_fill(
        &mut self,
        budget: usize,
        out: &mut Vec<Record>,
        size: &mut usize,
    ) -> bool {
        let Some(cursor) = &mut self.snapshot else {
            return true;
        };
        let DbCursor {
            origin_db,
            next,
            handled,
            saved,
            frozen,
        } = &mut **cursor;
        let room = |out: &Vec<Record>, size: usize| size < budget || out.is_empty();
        while room(out, *size) {
            let Some(record) = saved.pop() else { break };
            *size += record.approx_size();
            out.push(record);
        }
        let (entries, expires) = match frozen {
            Some(f) => (&f.entries, &f.expires),
            None => (&self.entries, &self.expires),
        };
        while *next > 0 && room(out, *size) {
            *next -= 1;
            let Some((key, value)) = entries.get_index(*next) else {
                continue; // cannot happen: `next` never exceeds the table's length
            };
            if !handled.is_empty() && handled.remove(key.as_bytes()) {
                continue;
            }
            let record = Record::from_entry(*origin_db, key, value, expires.get(key).copied());
            *size += record.approx_size();
            out.push(record);
        }
        let finished = *next == 0 && saved.is_empty();
        if finished {
            self.snapshot = None;
        }
        finished
    }
}
