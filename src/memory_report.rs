//! MEMORY's process-wide subcommands (Redis's `memoryCommand` in `object.c`): STATS, DOCTOR,
//! MALLOC-STATS, PURGE and HELP. MEMORY USAGE runs on the key's shard
//! (`shards::usage`); these need the whole process: the allocator's figures
//! (`info::memory_figures`) and every shard's key tables (the databases of the shards'
//! [`Snapshot`]s, added up).
//!
//! The reply shapes, field names and texts are Redis 7.0.15's. Figures shardis has no
//! counterpart for (replication, cluster links, Lua and functions, client buffers, which
//! it does not measure) are 0.

use crate::info::MemoryFigures;
use crate::stats::Snapshot;
use shards::Reply;

/// MEMORY HELP, as Redis 7.0 prints it.
pub const HELP: &[&str] = &[
    "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "DOCTOR",
    "    Return memory problems reports.",
    "MALLOC-STATS",
    "    Return internal statistics report from the memory allocator.",
    "PURGE",
    "    Attempt to purge dirty pages for reclamation by the allocator.",
    "STATS",
    "    Return information about the memory usage of the server.",
    "USAGE <key> [SAMPLES <count>]",
    "    Return memory in bytes used by <key> and its value. Nested values are",
    "    sampled up to <count> times (default: 5, 0 means sample all).",
    "HELP",
    "    Prints this help.",
];

/// MEMORY PURGE's error when jemalloc refuses.
pub const PURGE_FAILED: &str = "ERR Error purging dirty pages";

/// The figures of MEMORY STATS (Redis's `redisMemOverhead`), computed once for STATS and
/// DOCTOR.
#[derive(Debug, Clone)]
pub struct Overhead {
    /// The allocator's and the process's figures.
    pub memory: MemoryFigures,
    /// Client buffers and structures (`clients.normal`).
    pub clients_normal: u64,
    /// Per database holding keys: its index, key table and expiry table bytes.
    pub dbs: Vec<(usize, u64, u64)>,
    /// Keys in every database.
    pub keys: u64,
    /// Startup memory, client memory and key tables (`overhead.total`).
    pub total: u64,
    /// `total.allocated - overhead.total`.
    pub dataset: u64,
}

impl Overhead {
    /// The overheads of `snap` (every shard's, added up) and `memory`.
    pub fn new(memory: MemoryFigures, snap: &Snapshot, clients_normal: u64) -> Self {
        let dbs: Vec<(usize, u64, u64)> = snap
            .dbs
            .iter()
            .enumerate()
            .filter(|(_, db)| db.keys > 0)
            .map(|(i, db)| (i, db.overhead_main, db.overhead_expires))
            .collect();
        let keys = snap.dbs.iter().map(|db| db.keys).sum();
        let tables: u64 = dbs.iter().map(|&(_, main, expires)| main + expires).sum();
        let total = memory.startup + clients_normal + tables;
        Overhead {
            memory,
            clients_normal,
            dbs,
            keys,
            total,
            dataset: memory.used.saturating_sub(total),
        }
    }

    /// Memory used beyond what the server used at startup (at least 1, as in Redis).
    fn net_usage(&self) -> u64 {
        if self.memory.used > self.memory.startup {
            self.memory.used - self.memory.startup
        } else {
            1
        }
    }
}

/// `a / b` as Redis computes its ratios: in single precision, then widened for the reply.
fn ratio32(a: u64, b: u64) -> f64 {
    (a as f32 / b.max(1) as f32) as f64
}

/// MEMORY STATS: Redis 7.0's map, field for field.
pub fn stats(r: &mut Reply, o: &Overhead) {
    let m = &o.memory;
    let signed = |a: u64, b: u64| a as i64 - b as i64;
    r.map(27 + o.dbs.len());
    let ints: [(&str, i64); 10] = [
        ("peak.allocated", m.peak as i64),
        ("total.allocated", m.used as i64),
        ("startup.allocated", m.startup as i64),
        ("replication.backlog", 0),
        ("clients.slaves", 0),
        ("clients.normal", o.clients_normal as i64),
        ("cluster.links", 0),
        ("aof.buffer", 0),
        ("lua.caches", 0),
        ("functions.caches", 0),
    ];
    for (name, value) in ints {
        r.bulk(name.as_bytes());
        r.int(value);
    }
    for &(index, main, expires) in &o.dbs {
        r.bulk(format!("db.{index}").as_bytes());
        r.map(3);
        r.bulk(b"overhead.hashtable.main");
        r.int(main as i64);
        r.bulk(b"overhead.hashtable.expires");
        r.int(expires as i64);
        r.bulk(b"overhead.hashtable.slot-to-keys");
        r.int(0);
    }
    let net = o.net_usage();
    r.bulk(b"overhead.total");
    r.int(o.total as i64);
    r.bulk(b"keys.count");
    r.int(o.keys as i64);
    r.bulk(b"keys.bytes-per-key");
    r.int(net.checked_div(o.keys).unwrap_or(0) as i64);
    r.bulk(b"dataset.bytes");
    r.int(o.dataset as i64);
    r.bulk(b"dataset.percentage");
    r.double(ratio32(o.dataset * 100, net));
    r.bulk(b"peak.percentage");
    r.double(ratio32(m.used * 100, m.peak));
    r.bulk(b"allocator.allocated");
    r.int(m.used as i64);
    r.bulk(b"allocator.active");
    r.int(m.active as i64);
    r.bulk(b"allocator.resident");
    r.int(m.resident as i64);
    let pairs = [
        ("allocator-fragmentation", m.active, m.used),
        ("allocator-rss", m.resident, m.active),
        ("rss-overhead", m.rss, m.resident),
    ];
    for (name, a, b) in pairs {
        r.bulk(format!("{name}.ratio").as_bytes());
        r.double(ratio32(a, b));
        r.bulk(format!("{name}.bytes").as_bytes());
        r.int(signed(a, b));
    }
    r.bulk(b"fragmentation");
    r.double(ratio32(m.rss, m.used));
    r.bulk(b"fragmentation.bytes");
    r.int(signed(m.rss, m.used));
}

/// MEMORY DOCTOR's report (Redis's `getMemoryDoctorReport`) for `clients` connected
/// clients.
pub fn doctor(o: &Overhead, clients: u64) -> String {
    let m = &o.memory;
    const MB: u64 = 1 << 20;
    if m.used < 5 * MB {
        return "Hi Sam, this instance is empty or is using very little memory, my issues \
                detector can't be used in these conditions. Please, leave for your mission on \
                Earth and fill it with some data. The new Sam and I will be back to our \
                programming as soon as I finished rebooting.\n"
            .to_string();
    }
    let over = |a: u64, b: u64, limit: f64| ratio32(a, b) > limit && a > b + 10 * MB;
    let allocator = allocator_name();
    let mut issues = Vec::new();
    if ratio32(m.peak, m.used) > 1.5 {
        issues.push(" * Peak memory: In the past this instance used more than 150% the memory that is currently using. The allocator is normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. If the memory peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the only other option is to shutdown and restart the instance.\n\n".to_string());
    }
    if over(m.rss, m.used, 1.4) {
        issues.push(format!(" * High total RSS: This instance has a memory fragmentation and RSS overhead greater than 1.4 (this means that the Resident Set Size of the Redis process is much larger than the sum of the logical allocations Redis performed). This problem is usually due either to a large peak memory (check if there is a peak memory entry above in the report) or may result from a workload that causes the allocator to fragment memory a lot. If the problem is a large peak memory, then there is no issue. Otherwise, make sure you are using the Jemalloc allocator and not the default libc malloc. Note: The currently used allocator is \"{allocator}\".\n\n"));
    }
    if over(m.active, m.used, 1.1) {
        issues.push(" * High allocator fragmentation: This instance has an allocator external fragmentation greater than 1.1. This problem is usually due either to a large peak memory (check if there is a peak memory entry above in the report) or may result from a workload that causes the allocator to fragment memory a lot. You can try enabling 'activedefrag' config option.\n\n".to_string());
    }
    if over(m.resident, m.active, 1.1) {
        issues.push(" * High allocator RSS overhead: This instance has an RSS memory overhead is greater than 1.1 (this means that the Resident Set Size of the allocator is much larger than the sum what the allocator actually holds). This problem is usually due to a large peak memory (check if there is a peak memory entry above in the report), you can try the MEMORY PURGE command to reclaim it.\n\n".to_string());
    }
    if over(m.rss, m.resident, 1.1) {
        issues.push(" * High process RSS overhead: This instance has non-allocator RSS memory overhead is greater than 1.1 (this means that the Resident Set Size of the Redis process is much larger than the RSS the allocator holds). This problem may be due to Lua scripts or Modules.\n\n".to_string());
    }
    if o.clients_normal / clients.max(1) > 200 * 1024 {
        issues.push(" * Big client buffers: The clients output buffers in this instance are greater than 200K per client (on average). This may result from different causes, like Pub/Sub clients subscribed to channels bot not receiving data fast enough, so that data piles on the Redis instance output buffer, or clients sending commands with large replies or very large sequences of commands in the same pipeline. Please use the CLIENT LIST command in order to investigate the issue if it causes problems in your instance, or to understand better why certain clients are using a big amount of memory.\n\n".to_string());
    }
    if issues.is_empty() {
        return "Hi Sam, I can't find any memory issue in your instance. I can only account for \
                what occurs on this base.\n"
            .to_string();
    }
    let mut report =
        "Sam, I detected a few issues in this Redis instance memory implants:\n\n".to_string();
    for issue in issues {
        report.push_str(&issue);
    }
    report.push_str("I'm here to keep you safe, Sam. I want to help you.\n");
    report
}

/// The allocator's name as Redis's `ZMALLOC_LIB` prints it: `jemalloc-5.3.0`.
fn allocator_name() -> String {
    let version = tikv_jemalloc_ctl::version::read()
        .map(|v| v.split('-').next().unwrap_or(v).trim_end_matches('\0'))
        .unwrap_or("");
    format!("jemalloc-{version}")
}

/// Appends one piece of jemalloc's statistics text to the `Vec<u8>` behind `opaque`.
///
/// # Safety
/// `opaque` must point to a live `Vec<u8>` no one else uses during the call, and `text` to a
/// NUL-terminated string (jemalloc's `malloc_stats_print` contract for its callback).
unsafe extern "C" fn append_stats(opaque: *mut libc::c_void, text: *const libc::c_char) {
    // SAFETY: guaranteed by the caller (`malloc_stats`), per this function's contract.
    let out = unsafe { &mut *(opaque as *mut Vec<u8>) };
    // SAFETY: jemalloc passes a NUL-terminated string valid for the call.
    out.extend_from_slice(unsafe { std::ffi::CStr::from_ptr(text) }.to_bytes());
}

/// MEMORY MALLOC-STATS: jemalloc's own statistics report.
pub fn malloc_stats() -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    // SAFETY: `append_stats` receives a pointer to `out`, which lives until the call returns
    // and is used by nothing else meanwhile; jemalloc calls it only during the call, with
    // NUL-terminated strings. A null `opts` asks for the default report. Allocating in the
    // callback is allowed (Redis does the same).
    unsafe {
        tikv_jemalloc_sys::malloc_stats_print(
            Some(append_stats),
            &mut out as *mut Vec<u8> as *mut libc::c_void,
            std::ptr::null(),
        );
    }
    out
}

/// MEMORY PURGE: returns the dirty pages of every arena to the system (jemalloc's
/// `arena.<all>.purge`, as Redis's `jemalloc_purge`).
pub fn purge() -> Result<(), ()> {
    let arenas = tikv_jemalloc_ctl::arenas::narenas::read().map_err(|_| ())?;
    let name = format!("arena.{arenas}.purge\0");
    // SAFETY: `name` is NUL-terminated; `arena.<i>.purge` takes and returns no value, so null
    // old/new pointers with zero lengths are its documented use.
    let status = unsafe {
        tikv_jemalloc_sys::mallctl(
            name.as_ptr() as *const libc::c_char,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        )
    };
    if status == 0 {
        Ok(())
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{DbFigures, ShardStats};

    fn figures(used: u64) -> MemoryFigures {
        MemoryFigures {
            used,
            peak: used,
            startup: 1_000_000,
            active: used,
            resident: used,
            rss: used,
            total_system: 1 << 33,
        }
    }

    #[test]
    fn stats_lay_out_redis_fields_with_one_entry_per_database_with_keys() {
        let mut snap = Snapshot::of(&ShardStats::new(1));
        let db = |keys, overhead_main| DbFigures {
            keys,
            overhead_main,
            ..DbFigures::default()
        };
        snap.dbs = vec![db(10, 500), db(0, 0), db(2, 100)];
        let o = Overhead::new(figures(2_000_000), &snap, 0);
        assert_eq!(o.total, 1_000_600);
        assert_eq!(o.keys, 12);
        let mut r = Reply::new(false);
        stats(&mut r, &o);
        let text = String::from_utf8_lossy(r.as_bytes()).into_owned();
        assert!(text.starts_with("*58\r\n$14\r\npeak.allocated\r\n:2000000\r\n"));
        assert!(text.contains("$4\r\ndb.0\r\n*6\r\n$23\r\noverhead.hashtable.main\r\n:500\r\n"));
        assert!(text.contains("$4\r\ndb.2\r\n") && !text.contains("db.1"));
        assert!(text.contains("$18\r\nkeys.bytes-per-key\r\n:83333\r\n"));
        assert!(text.ends_with("$19\r\nfragmentation.bytes\r\n:0\r\n"));
    }

    #[test]
    fn doctor_speaks_as_redis() {
        let snap = Snapshot::of(&ShardStats::new(1));
        let small = Overhead::new(figures(1 << 20), &snap, 0);
        assert!(doctor(&small, 1).starts_with("Hi Sam, this instance is empty"));
        let fine = Overhead::new(figures(100 << 20), &snap, 0);
        assert!(doctor(&fine, 1).starts_with("Hi Sam, I can't find any memory issue"));
        let mut peaked = figures(100 << 20);
        peaked.peak = 400 << 20;
        let report = doctor(&Overhead::new(peaked, &snap, 0), 1);
        assert!(report.starts_with("Sam, I detected a few issues"));
        assert!(report.contains(" * Peak memory:"));
        assert!(report.ends_with("I want to help you.\n"));
    }

    #[test]
    fn malloc_stats_is_jemallocs_report_and_purge_succeeds() {
        let text = malloc_stats();
        assert!(text.starts_with(b"___ Begin jemalloc statistics ___\n"));
        assert!(purge().is_ok());
    }
}
