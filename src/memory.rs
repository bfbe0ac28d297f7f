//! How much memory the process uses, known at every moment for a few nanoseconds: the global
//! allocator is jemalloc wrapped by a counter. Each thread adds the size class jemalloc gives
//! every allocation it makes, and subtracts every one it frees, in its own cache-line-sized
//! slot; the process's `used_memory` is the sum of the slots.
//!
//! A slot is written by its own thread only (unless more threads than slots were ever
//! started, when later threads share slots: the adds are atomic, so the sum stays exact),
//! so the add is an uncontended atomic on a line the thread already owns. Memory freed on
//! another thread than the one that allocated it (a reply built on one shard and sent to the
//! connection's shard) moves bytes between slots but leaves the sum right: a single thread's
//! slot is therefore not a measure of what its shard holds, only the sum is (see
//! docs/decisions.md, "Memory accounting").
//!
//! Counting jemalloc's size class (`nallocx`) rather than the requested size makes the sum
//! what jemalloc's own `stats.allocated` reports, as Redis's `zmalloc_used_memory` counts
//! `malloc_usable_size`.

use crate::config::Config;
use shards::evict::{EvictionConfig, Policy};
use shards::Shard;
use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

/// Number of per-thread slots; threads past it share slots.
const SLOTS: usize = 64;

/// One thread's net bytes, alone on its cache line so threads never write the same line.
#[repr(align(64))]
struct Slot(AtomicI64);

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY_SLOT: Slot = Slot(AtomicI64::new(0));
/// The per-thread net counts (allocated minus freed on that thread).
static NET: [Slot; SLOTS] = [EMPTY_SLOT; SLOTS];
/// Slots handed out so far (may exceed `SLOTS`: the slot is this modulo `SLOTS`).
static NEXT_SLOT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's slot; `usize::MAX` until its first allocation. Const-initialised and
    /// without a destructor, so reading it never allocates and works during thread exit.
    static MY_SLOT: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// jemalloc, counting what each thread allocates and frees (see the module comment).
#[derive(Debug)]
pub struct CountingJemalloc;

/// jemalloc's `MALLOCX_ALIGN` flags for `layout`, as tikv-jemallocator computes them.
#[inline]
fn flags(layout: &Layout) -> i32 {
    // jemalloc's minimum alignment on the 64-bit targets shardis runs on.
    const MIN_ALIGN: usize = 16;
    if layout.align() <= MIN_ALIGN && layout.align() <= layout.size() {
        0
    } else {
        layout.align().trailing_zeros() as i32
    }
}

/// The bytes jemalloc really gives an allocation of `layout` (its size class).
#[inline]
fn usable(layout: &Layout) -> i64 {
    // SAFETY: nallocx only computes a size class; `layout.size()` is non-zero because
    // GlobalAlloc callers must not ask for zero-sized allocations.
    unsafe { tikv_jemalloc_sys::nallocx(layout.size(), flags(layout)) as i64 }
}

/// Adds `bytes` (negative: freed) to this thread's slot.
#[inline]
fn count(bytes: i64) {
    let slot = MY_SLOT
        .try_with(|slot| {
            let mut index = slot.get();
            if index == usize::MAX {
                index = NEXT_SLOT.fetch_add(1, Ordering::Relaxed) % SLOTS;
                slot.set(index);
            }
            index
        })
        .unwrap_or(SLOTS - 1);
    NET[slot].0.fetch_add(bytes, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to jemalloc, which upholds GlobalAlloc's
// contract; the counting around it neither allocates nor touches the memory.
unsafe impl GlobalAlloc for CountingJemalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = tikv_jemallocator::Jemalloc.alloc(layout);
        if !ptr.is_null() {
            count(usable(&layout));
        }
        ptr
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = tikv_jemallocator::Jemalloc.alloc_zeroed(layout);
        if !ptr.is_null() {
            count(usable(&layout));
        }
        ptr
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-usable(&layout));
        tikv_jemallocator::Jemalloc.dealloc(ptr, layout)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = tikv_jemallocator::Jemalloc.realloc(ptr, layout, new_size);
        if !new.is_null() {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            count(usable(&new_layout) - usable(&layout));
        }
        new
    }
}

/// jemalloc's options, read once when it initialises (before `main`; `_RJEM_MALLOC_CONF` in
/// the environment still overrides them; docs/decisions.md, "RSS under eviction churn"):
///
/// - `dirty_decay_ms:1000`: freed pages that are not reused go back to the system over about
///   a second instead of jemalloc's default ten;
/// - `lg_extent_max_active_fit:16`: new small-object slabs may be cut from a freed extent up
///   to 2^16 times their size (jemalloc's default: 64). The buffers a key table outgrows
///   (megabytes each, eight times the table's size in all) were otherwise left dirty while
///   values took fresh pages: the RSS peak when memory first reaches `maxmemory`;
/// - `narenas:1`: every thread allocates from one arena. Shards free what other shards
///   allocated (request arguments, replies, batches); with an arena per thread those frees
///   left half-empty slabs and dirty pages in the allocating thread's arena while the freeing
///   one took fresh pages. Threads still allocate from their own caches; the arena's lock is
///   taken only to fill or flush them.
///
/// jemalloc reads the C `const char *malloc_conf` (prefixed `_rjem_` by tikv-jemalloc-sys):
/// a thin pointer to a NUL-terminated string with static lifetime, which this is.
#[export_name = "_rjem_malloc_conf"]
pub static MALLOC_CONF: &[u8; 58] = b"dirty_decay_ms:1000,lg_extent_max_active_fit:16,narenas:1\0";

/// Starts jemalloc's background thread, as Redis does for `jemalloc-bg-thread yes` (its
/// default, and the only value shardis accepts): freed pages go back to the system on
/// jemalloc's decay schedule ([`MALLOC_CONF`]) even while the server is idle. Without it a shard's key
/// table, which grows by reallocation, leaves its old buffers resident until later
/// allocations happen to purge them.
pub fn start_background_purging() {
    if let Err(e) = tikv_jemalloc_ctl::background_thread::write(true) {
        crate::serverlog!(Warning, "cannot start jemalloc's background thread: {e}");
    }
}

/// Bytes allocated by the whole process now (INFO used_memory, the maxmemory check).
pub fn used() -> u64 {
    let slots = NEXT_SLOT.load(Ordering::Relaxed).min(SLOTS);
    let sum: i64 = NET[..slots]
        .iter()
        .map(|slot| slot.0.load(Ordering::Relaxed))
        .sum();
    sum.max(0) as u64
}

/// Net bytes allocated by the calling thread so far: the difference of two readings is what
/// the thread allocated (positive) or freed (negative) in between.
#[cfg(test)]
fn thread_net() -> i64 {
    match MY_SLOT.try_with(Cell::get) {
        Ok(index) if index < SLOTS => NET[index].0.load(Ordering::Relaxed),
        _ => 0,
    }
}

/// Installs the eviction policy, samples and LFU tuning of `config` in a shard's engine.
pub fn configure(shard: &mut Shard, config: &Config) {
    let eviction = EvictionConfig {
        policy: Policy::parse(config.maxmemory_policy).unwrap_or_default(),
        samples: config.maxmemory_samples as usize,
    };
    let (factor, decay) = (config.lfu_log_factor as u32, config.lfu_decay_time as u32);
    shard.set_eviction(eviction, factor, decay);
}

/// Most keys one check evicts: past it the command runs anyway (Redis's `EVICT_RUNNING`) and
/// the next command or the shard's next tick goes on, so a large CONFIG SET maxmemory drop
/// never stalls a shard.
const EVICTIONS_PER_CHECK: usize = 10_000;

/// Per shard: how many keys it could evict under its policy, as it last published (the
/// shards past the array's end share its last element; it only gates `-OOM`).
static EVICTABLE: [AtomicUsize; 256] = [const { AtomicUsize::new(0) }; 256];

/// Publishes how many keys shard `id` could evict now.
fn publish_evictable(shard: &Shard, id: usize) {
    EVICTABLE[id.min(EVICTABLE.len() - 1)].store(shard.evictable_keys(), Ordering::Relaxed);
}

/// The `maxmemory` check before a command on shard `id` (Redis's `performEvictions` in
/// `processCommand`): while the process uses more than `maxmemory`, evicts this shard's keys
/// as its policy says. Returns false when the command must be refused with `-OOM`: it is
/// flagged `denyoom`, memory is still over the limit and nothing could be evicted, here or on
/// any other shard.
///
/// Each shard compares the process's total with the whole limit and evicts its own keys, so
/// with keys spread evenly each shard ends up holding its even share (see
/// docs/decisions.md). A shard with nothing left to evict lets the command through while
/// another shard still has candidates: that shard's next command or tick (100 ms) evicts.
/// `may_evict` is false while a cross-shard transaction holds keys here: a key it locked
/// must not vanish under it, so nothing is evicted until it ends.
pub fn admit(
    shard: &mut Shard,
    id: usize,
    maxmemory: u64,
    now: i64,
    name: &[u8],
    may_evict: bool,
) -> bool {
    if used() <= maxmemory {
        return true;
    }
    let mut evicted = 0;
    if may_evict {
        while evicted < EVICTIONS_PER_CHECK && shard.evict_one(now) {
            evicted += 1;
            if used() <= maxmemory {
                break;
            }
        }
        publish_evictable(shard, id);
    }
    if evicted > 0 || !crate::command_table::is_denyoom(name) {
        return true;
    }
    !out_of_memory(maxmemory, shard.eviction.policy)
}

/// True when memory is over `maxmemory` and nothing can be evicted under `policy`, on any
/// shard, as the shards last published (Redis's `performEvictions() == EVICT_FAIL`, without
/// evicting: the connection asks it before queuing a command inside MULTI, where Redis
/// refuses every command but EXEC, DISCARD, QUIT and RESET, and before EXEC when the
/// transaction holds a `denyoom` command). When some shard can evict, the answer is false
/// and that shard's next command or tick evicts.
pub fn out_of_memory(maxmemory: u64, policy: Policy) -> bool {
    maxmemory != 0
        && used() > maxmemory
        && (policy == Policy::NoEviction
            || EVICTABLE
                .iter()
                .all(|count| count.load(Ordering::Relaxed) == 0))
}

/// The shard's periodic check (every 100 ms): brings memory back under a `maxmemory` lowered
/// at run time even when no write comes, and publishes what the shard could evict. Logs the
/// evicted keys to the append-only file.
pub fn cron(shard: &mut Shard, id: usize, maxmemory: u64, now: i64) {
    if maxmemory == 0 {
        return;
    }
    if used() > maxmemory {
        admit(shard, id, maxmemory, now, b"", true);
        shard.log_expired();
    }
    publish_evictable(shard, id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_follows_allocations_and_frees_on_this_thread() {
        let before = thread_net();
        let block = vec![0u8; 100_000];
        let grown = thread_net() - before;
        assert!(
            (100_000..=120_000).contains(&grown),
            "a 100 kB vector counts its size class: {grown}"
        );
        drop(block);
        assert_eq!(thread_net(), before);
        assert!(used() > 0);
    }

    #[test]
    fn the_engines_size_classes_are_jemallocs() {
        // MEMORY USAGE counts each allocation at the size class shards::usage computes.
        for n in (1..70_000).chain((70_000..4 << 20).step_by(997)) {
            let layout = Layout::from_size_align(n, 1).unwrap_or_else(|_| Layout::new::<u8>());
            assert_eq!(
                shards::usage::alloc_size(n) as i64,
                usable(&layout),
                "{n} bytes"
            );
        }
    }

    #[test]
    fn the_sum_is_jemallocs_own_figure() {
        let _ = tikv_jemalloc_ctl::epoch::advance();
        let jemalloc = tikv_jemalloc_ctl::stats::allocated::read().unwrap_or(0) as i64;
        let ours = used() as i64;
        // Other test threads allocate meanwhile; the two agree within a small margin.
        assert!(
            (ours - jemalloc).abs() < 4 << 20,
            "counted {ours}, jemalloc {jemalloc}"
        );
    }
}
