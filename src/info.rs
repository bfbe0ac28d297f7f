//! INFO: the text Redis 7.0.15 prints, section by section, with shardis's own figures.
//!
//! The counters come from every shard ([`crate::stats::Snapshot`]s added up by the connection
//! that runs INFO); the process figures (memory, CPU, uptime) are read here, when INFO runs:
//! the counting allocator's sum for `used_memory` (`memory.rs`: exactly what jemalloc has
//! handed out; an estimate per key would drift), `sysinfo` for the resident set size and the machine's
//! memory, `getrusage` for CPU time. Nothing here runs on the per-request path.
//!
//! Field names, order and number formats follow Redis 7.0.15 so redis-cli, exporters and
//! client libraries read them. Fields about features shardis does not have are printed with
//! the value Redis prints when the feature is idle (no replicas, no fork, no AOF); fields
//! that would need figures shardis does not measure are left out (see README, "INFO and
//! SLOWLOG").

use crate::command_table;
use crate::config::Config;
use crate::stats::Snapshot;
use bytes::Bytes;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// What INFO reports about the process, fixed at start.
#[derive(Debug)]
struct Process {
    started: Instant,
    run_id: String,
    replid: String,
}

static PROCESS: OnceLock<Process> = OnceLock::new();
/// The highest `used_memory` seen (sampled every 100 ms by shard 0 and at every INFO).
static MEMORY_PEAK: AtomicU64 = AtomicU64::new(0);
/// `used_memory` once every shard was up, before any client (INFO used_memory_startup).
static MEMORY_STARTUP: AtomicU64 = AtomicU64::new(0);

/// 40 random hex characters, as Redis's run id and replication id.
fn random_hex40(seed: u64) -> String {
    let mut rng = shards::util::Rng::new(seed);
    (0..5)
        .map(|_| format!("{:08x}", rng.next_u64() as u32))
        .collect()
}

/// Records the start: the run id and the start time. Called once by the server before it
/// starts the shards.
pub fn init() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
        ^ ((std::process::id() as u64) << 32);
    let _ = PROCESS.set(Process {
        started: Instant::now(),
        run_id: random_hex40(seed),
        replid: random_hex40(seed.rotate_left(17) ^ 0xA5A5_5A5A),
    });
}

/// Records the memory used once the server is up, before it holds any data.
pub fn record_startup_memory() {
    let used = allocated();
    MEMORY_STARTUP.store(used, Ordering::Relaxed);
    MEMORY_PEAK.fetch_max(used, Ordering::Relaxed);
}

fn process() -> &'static Process {
    PROCESS.get_or_init(|| Process {
        started: Instant::now(),
        run_id: random_hex40(1),
        replid: random_hex40(2),
    })
}

/// Bytes allocated by the process: the counting allocator's sum, the figure `maxmemory` is
/// checked against. jemalloc's own statistics (active, resident) are refreshed here too.
fn allocated() -> u64 {
    let _ = tikv_jemalloc_ctl::epoch::advance();
    crate::memory::used()
}

/// The process's memory as INFO memory and MEMORY STATS report it.
#[derive(Debug, Clone, Copy)]
pub struct MemoryFigures {
    /// `used_memory`: bytes allocated now.
    pub used: u64,
    /// The highest `used` seen.
    pub peak: u64,
    /// `used` once the server was up, before any client.
    pub startup: u64,
    /// jemalloc's active bytes (pages in use by allocations).
    pub active: u64,
    /// jemalloc's resident bytes.
    pub resident: u64,
    /// The process's resident set size.
    pub rss: u64,
    /// The machine's memory.
    pub total_system: u64,
}

/// Reads [`MemoryFigures`] now (and samples the peak).
pub fn memory_figures() -> MemoryFigures {
    let used = allocated();
    let peak = MEMORY_PEAK.fetch_max(used, Ordering::Relaxed).max(used);
    let active = tikv_jemalloc_ctl::stats::active::read().unwrap_or(0) as u64;
    let resident = tikv_jemalloc_ctl::stats::resident::read().unwrap_or(0) as u64;
    let (total_system, rss) = system_memory();
    let startup = MEMORY_STARTUP.load(Ordering::Relaxed).min(used);
    MemoryFigures {
        used,
        peak,
        startup,
        active,
        resident,
        rss,
        total_system,
    }
}

/// Samples `used_memory` into the peak (Redis does it in its cron too).
pub fn track_memory_peak() {
    MEMORY_PEAK.fetch_max(allocated(), Ordering::Relaxed);
}

/// Which sections an INFO call asked for.
#[derive(Debug, Clone)]
pub struct Sections {
    names: Vec<String>,
    all: bool,
}

/// The sections `INFO` and `INFO default` print.
const DEFAULT_SECTIONS: &[&str] = &[
    "server",
    "clients",
    "memory",
    "persistence",
    "stats",
    "replication",
    "cpu",
    "modules",
    "errorstats",
    "cluster",
    "keyspace",
];

impl Sections {
    /// The sections named by INFO's arguments (after the command name), as Redis's
    /// `genInfoSectionDict`: case-insensitive, `default`, `all` and `everything` expand,
    /// unknown names select nothing.
    pub fn parse(args: &[Bytes]) -> Self {
        let mut names = Vec::new();
        let mut all = false;
        if args.is_empty() {
            names.extend(DEFAULT_SECTIONS.iter().map(|s| s.to_string()));
        }
        for arg in args {
            let name = String::from_utf8_lossy(arg).to_ascii_lowercase();
            match name.as_str() {
                "all" | "everything" => all = true,
                "default" => names.extend(DEFAULT_SECTIONS.iter().map(|s| s.to_string())),
                "module_list" => names.push("modules".into()),
                _ => names.push(name),
            }
        }
        Sections { names, all }
    }

    fn wants(&self, section: &str) -> bool {
        self.all || self.names.iter().any(|n| n == section)
    }
}

/// What INFO needs besides the shards' figures.
#[derive(Debug)]
pub struct Env<'a> {
    /// The running configuration.
    pub config: &'a Config,
    /// Number of shards.
    pub nshards: usize,
}

/// Redis's `bytesToHuman`: `999B`, `1.02K`, `23.54G`.
pub fn human_bytes(n: u64) -> String {
    let n_f = n as f64;
    const UNITS: [(f64, &str); 5] = [
        (1024.0, "K"),
        (1024.0 * 1024.0, "M"),
        (1024.0 * 1024.0 * 1024.0, "G"),
        (1024.0 * 1024.0 * 1024.0 * 1024.0, "T"),
        (1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0, "P"),
    ];
    if n < 1024 {
        return format!("{n}B");
    }
    for (i, (div, unit)) in UNITS.iter().enumerate() {
        let next = UNITS.get(i + 1).map(|(d, _)| *d).unwrap_or(f64::MAX);
        if n_f < next {
            return format!("{:.2}{unit}", n_f / div);
        }
    }
    format!("{n}B")
}

/// CPU time as getrusage reports it: (system, user) in seconds.
fn cpu_times(who: libc::c_int) -> (f64, f64) {
    // SAFETY: `rusage` is a plain C struct of integers, for which all-zero bytes are a valid
    // value; getrusage only writes into the struct we own and pass by exclusive pointer.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; `usage` outlives the call.
    if unsafe { libc::getrusage(who, &mut usage) } != 0 {
        return (0.0, 0.0);
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(usage.ru_stime), secs(usage.ru_utime))
}

/// `Linux 6.1.0 x86_64`, as Redis prints uname's sysname, release and machine.
fn os_name() -> String {
    let read = |p: &str| {
        std::fs::read_to_string(p)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    format!(
        "{} {} {}",
        read("/proc/sys/kernel/ostype"),
        read("/proc/sys/kernel/osrelease"),
        std::env::consts::ARCH
    )
}

/// The machine's memory and this process's resident set size, from sysinfo (refreshed only
/// here, when INFO runs).
fn system_memory() -> (u64, u64) {
    use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, System};
    let Ok(mut system) = System::new() else {
        return (0, 0);
    };
    system.refresh_memory();
    let total = system.total_memory();
    let rss = sysinfo::get_current_pid()
        .ok()
        .and_then(|pid| {
            system.refresh_processes_specifics(
                ProcessesToUpdate::Some(&[pid]),
                false,
                ProcessRefreshKind::nothing().with_memory(),
            );
            system.process(pid).map(|p| p.memory())
        })
        .unwrap_or(0);
    (total, rss)
}

fn absolute_path(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    std::env::current_dir()
        .map(|d| d.join(p).display().to_string())
        .unwrap_or_else(|_| path.to_string())
}

/// A stable build id from the version (Redis prints a hash of its build).
fn build_id() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in env!("CARGO_PKG_VERSION").bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The INFO text for `sections`: each section a `# Name` line and `field:value` lines,
/// sections separated by an empty line, every line ending in CRLF.
pub fn render(sections: &Sections, snap: &Snapshot, env: &Env<'_>) -> String {
    let mut out = String::new();
    let mut section = |name: &str, key: &str, body: &dyn Fn(&mut String)| {
        if sections.wants(key) {
            if !out.is_empty() {
                out.push_str("\r\n");
            }
            let _ = write!(out, "# {name}\r\n");
            body(&mut out);
        }
    };
    let p = process();
    let config = env.config;
    section("Server", "server", &|o| {
        let now_us = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_micros())
            .unwrap_or(0);
        let uptime = p.started.elapsed().as_secs();
        let executable = std::env::current_exe()
            .map(|e| e.display().to_string())
            .unwrap_or_default();
        let config_file = config
            .config_file
            .as_deref()
            .map(absolute_path)
            .unwrap_or_default();
        let _ = write!(
            o,
            "redis_version:{}\r\nredis_git_sha1:00000000\r\nredis_git_dirty:0\r\nredis_build_id:{}\r\n\
             redis_mode:standalone\r\nos:{}\r\narch_bits:{}\r\nmonotonic_clock:POSIX clock_gettime\r\n\
             multiplexing_api:epoll\r\natomicvar_api:c11-builtin\r\ngcc_version:0.0.0\r\n\
             process_id:{}\r\nprocess_supervised:no\r\nrun_id:{}\r\ntcp_port:{}\r\n\
             server_time_usec:{}\r\nuptime_in_seconds:{}\r\nuptime_in_days:{}\r\nhz:{}\r\n\
             configured_hz:{}\r\nlru_clock:{}\r\nexecutable:{}\r\nconfig_file:{}\r\n\
             io_threads_active:0\r\nshardis_version:{}\r\nshardis_shards:{}\r\n",
            crate::REDIS_VERSION,
            build_id(),
            os_name(),
            usize::BITS,
            std::process::id(),
            p.run_id,
            config.port,
            now_us,
            uptime,
            uptime / 86400,
            config.hz,
            config.hz,
            (now_us / 1_000_000) & ((1 << 24) - 1),
            executable,
            config_file,
            env!("CARGO_PKG_VERSION"),
            env.nshards,
        );
    });
    section("Clients", "clients", &|o| {
        let _ = write!(
            o,
            "connected_clients:{}\r\ncluster_connections:0\r\nmaxclients:{}\r\n\
             blocked_clients:{}\r\ntracking_clients:0\r\nclients_in_timeout_table:{}\r\n",
            snap.clients, config.maxclients, snap.blocked_clients, snap.blocked_with_timeout
        );
    });
    section("Memory", "memory", &|o| {
        let figures = memory_figures();
        let MemoryFigures {
            used,
            peak,
            startup,
            active,
            resident,
            rss,
            total_system,
        } = figures;
        // As MEMORY STATS: the overhead is startup memory, client buffers and key tables.
        let overhead = crate::memory_report::Overhead::new(figures, snap, snap.clients_memory);
        let (overhead_total, dataset) = (overhead.total, overhead.dataset);
        let (lua, scripts) = (snap.lua_memory, snap.scripts_memory);
        let cached = crate::scripting::registry::count();
        let libraries = crate::scripting::functions::libraries();
        let functions: usize = libraries.iter().map(|l| l.functions.len()).sum();
        let nlibraries = libraries.len();
        let allocator = tikv_jemalloc_ctl::version::read()
            .map(|v| v.split('-').next().unwrap_or(v).trim_end_matches('\0'))
            .unwrap_or("");
        let _ = write!(
            o,
            "used_memory:{used}\r\nused_memory_human:{}\r\nused_memory_rss:{rss}\r\n\
             used_memory_rss_human:{}\r\nused_memory_peak:{peak}\r\nused_memory_peak_human:{}\r\n\
             used_memory_peak_perc:{:.2}%\r\nused_memory_overhead:{overhead_total}\r\n\
             used_memory_startup:{startup}\r\nused_memory_dataset:{dataset}\r\n\
             used_memory_dataset_perc:{:.2}%\r\nallocator_allocated:{used}\r\n\
             allocator_active:{active}\r\nallocator_resident:{resident}\r\n\
             total_system_memory:{total_system}\r\ntotal_system_memory_human:{}\r\n\
             used_memory_lua:{lua}\r\nused_memory_vm_eval:{lua}\r\nused_memory_lua_human:{}\r\n\
             used_memory_scripts_eval:{scripts}\r\nnumber_of_cached_scripts:{cached}\r\n\
             number_of_functions:{functions}\r\nnumber_of_libraries:{nlibraries}\r\nused_memory_vm_functions:0\r\n\
             used_memory_vm_total:{lua}\r\nused_memory_vm_total_human:{}\r\n\
             used_memory_functions:0\r\nused_memory_scripts:{scripts}\r\n\
             used_memory_scripts_human:{}\r\n\
             maxmemory:{}\r\nmaxmemory_human:{}\r\nmaxmemory_policy:{}\r\n\
             allocator_frag_ratio:{:.2}\r\nallocator_frag_bytes:{}\r\n\
             allocator_rss_ratio:{:.2}\r\nallocator_rss_bytes:{}\r\n\
             rss_overhead_ratio:{:.2}\r\nrss_overhead_bytes:{}\r\n\
             mem_fragmentation_ratio:{:.2}\r\nmem_fragmentation_bytes:{}\r\n\
             mem_not_counted_for_evict:0\r\nmem_replication_backlog:0\r\n\
             mem_total_replication_buffers:0\r\nmem_clients_slaves:0\r\nmem_clients_normal:{}\r\nmem_cluster_links:0\r\n\
             mem_aof_buffer:0\r\nmem_allocator:jemalloc-{allocator}\r\nactive_defrag_running:0\r\n\
             lazyfree_pending_objects:0\r\nlazyfreed_objects:0\r\n",
            human_bytes(used),
            human_bytes(rss),
            human_bytes(peak),
            ratio(used, peak) * 100.0,
            ratio(dataset, used.saturating_sub(startup).max(1)) * 100.0,
            human_bytes(total_system),
            human_bytes(lua),
            human_bytes(lua),
            human_bytes(scripts),
            config.maxmemory,
            human_bytes(config.maxmemory),
            config.maxmemory_policy,
            ratio(active, used),
            active as i64 - used as i64,
            ratio(resident, active),
            resident as i64 - active as i64,
            ratio(rss, resident),
            rss as i64 - resident as i64,
            ratio(rss, used),
            rss as i64 - used as i64,
            snap.clients_memory,
        );
    });
    section("Persistence", "persistence", &|o| {
        o.push_str(&crate::persistence::status::info_lines());
    });
    section("Stats", "stats", &|o| {
        let rejected = crate::clients::REJECTED_CONNECTIONS.load(Ordering::Relaxed);
        let _ = write!(
            o,
            "total_connections_received:{}\r\ntotal_commands_processed:{}\r\n\
             instantaneous_ops_per_sec:{}\r\ntotal_net_input_bytes:{}\r\ntotal_net_output_bytes:{}\r\n\
             total_net_repl_input_bytes:0\r\ntotal_net_repl_output_bytes:0\r\n\
             instantaneous_input_kbps:{:.2}\r\ninstantaneous_output_kbps:{:.2}\r\n\
             instantaneous_input_repl_kbps:0.00\r\ninstantaneous_output_repl_kbps:0.00\r\n\
             rejected_connections:{rejected}\r\nsync_full:0\r\nsync_partial_ok:0\r\nsync_partial_err:0\r\n\
             expired_keys:{}\r\nevicted_keys:{}\r\nevicted_clients:0\r\n\
             total_eviction_exceeded_time:0\r\ncurrent_eviction_exceeded_time:0\r\n\
             keyspace_hits:{}\r\nkeyspace_misses:{}\r\npubsub_channels:{}\r\npubsub_patterns:{}\r\n\
             pubsubshard_channels:{}\r\nlatest_fork_usec:0\r\ntotal_forks:0\r\n\
             migrate_cached_sockets:0\r\nslave_expires_tracked_keys:0\r\nactive_defrag_hits:0\r\n\
             active_defrag_misses:0\r\nactive_defrag_key_hits:0\r\nactive_defrag_key_misses:0\r\n\
             total_active_defrag_time:0\r\ncurrent_active_defrag_time:0\r\ntracking_total_keys:0\r\n\
             tracking_total_items:0\r\ntracking_total_prefixes:0\r\nunexpected_error_replies:0\r\n\
             total_error_replies:{}\r\ndump_payload_sanitizations:0\r\ntotal_reads_processed:{}\r\n\
             total_writes_processed:{}\r\nio_threaded_reads_processed:0\r\n\
             io_threaded_writes_processed:0\r\n",
            snap.counters.connections_received,
            snap.counters.total_commands,
            snap.ops_per_sec as u64,
            snap.counters.net_input_bytes,
            snap.counters.net_output_bytes,
            snap.input_per_sec / 1024.0,
            snap.output_per_sec / 1024.0,
            snap.expired_keys,
            snap.evicted_keys,
            snap.keyspace_hits,
            snap.keyspace_misses,
            snap.pubsub.counts().0,
            snap.pubsub.counts().1,
            snap.pubsub.counts().2,
            snap.counters.total_error_replies,
            snap.counters.reads_processed,
            snap.counters.writes_processed,
        );
    });
    section("Replication", "replication", &|o| {
        let _ = write!(
            o,
            "role:master\r\nconnected_slaves:0\r\nmaster_failover_state:no-failover\r\n\
             master_replid:{}\r\nmaster_replid2:0000000000000000000000000000000000000000\r\n\
             master_repl_offset:0\r\nsecond_repl_offset:-1\r\nrepl_backlog_active:0\r\n\
             repl_backlog_size:1048576\r\nrepl_backlog_first_byte_offset:0\r\n\
             repl_backlog_histlen:0\r\n",
            p.replid
        );
    });
    section("CPU", "cpu", &|o| {
        let (sys, user) = cpu_times(libc::RUSAGE_SELF);
        let (csys, cuser) = cpu_times(libc::RUSAGE_CHILDREN);
        let _ = write!(
            o,
            "used_cpu_sys:{sys:.6}\r\nused_cpu_user:{user:.6}\r\n\
             used_cpu_sys_children:{csys:.6}\r\nused_cpu_user_children:{cuser:.6}\r\n"
        );
    });
    section("Modules", "modules", &|_| {});
    section("Commandstats", "commandstats", &|o| {
        let metas = command_table::stat_metas();
        for (id, c) in snap.commands.iter().enumerate() {
            if c.calls == 0 && c.rejected == 0 && c.failed == 0 {
                continue;
            }
            let Some(meta) = metas.get(id) else { continue };
            let per_call = if c.calls == 0 {
                0.0
            } else {
                c.usec as f64 / c.calls as f64
            };
            let _ = write!(
                o,
                "cmdstat_{}:calls={},usec={},usec_per_call={per_call:.2},rejected_calls={},failed_calls={}\r\n",
                meta.fullname, c.calls, c.usec, c.rejected, c.failed
            );
        }
    });
    section("Errorstats", "errorstats", &|o| {
        for (code, count) in &snap.errors {
            let _ = write!(o, "errorstat_{code}:count={count}\r\n");
        }
    });
    section("Cluster", "cluster", &|o| {
        o.push_str("cluster_enabled:0\r\n")
    });
    section("Keyspace", "keyspace", &|o| {
        for (i, db) in snap.dbs.iter().enumerate() {
            if db.keys > 0 || db.expires > 0 {
                let _ = write!(
                    o,
                    "db{i}:keys={},expires={},avg_ttl={}\r\n",
                    db.keys, db.expires, db.avg_ttl as i64
                );
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_format_as_redis() {
        assert_eq!(human_bytes(0), "0B");
        assert_eq!(human_bytes(1023), "1023B");
        assert_eq!(human_bytes(1015312), "991.52K");
        assert_eq!(human_bytes(11911168), "11.36M");
        assert_eq!(human_bytes(25276510208), "23.54G");
    }

    #[test]
    fn sections_select_like_redis() {
        let parse = |words: &[&str]| {
            Sections::parse(
                &words
                    .iter()
                    .map(|w| Bytes::copy_from_slice(w.as_bytes()))
                    .collect::<Vec<_>>(),
            )
        };
        let default = parse(&[]);
        assert!(default.wants("server") && default.wants("keyspace"));
        assert!(!default.wants("commandstats"));
        let two = parse(&["SERVER", "clients"]);
        assert!(two.wants("server") && two.wants("clients") && !two.wants("memory"));
        assert!(parse(&["everything"]).wants("commandstats"));
        assert!(parse(&["Default", "commandstats"]).wants("commandstats"));
        assert!(!parse(&["nosuch"]).wants("server"));
    }

    #[test]
    fn render_lays_sections_out_like_redis() {
        let config = Config::default();
        let env = Env {
            config: &config,
            nshards: 2,
        };
        let mut snap = Snapshot::of(&crate::stats::ShardStats::new(
            command_table::stat_metas().len(),
        ));
        snap.errors.insert("WRONGTYPE".into(), 2);
        let text = render(&Sections::parse(&[]), &snap, &env);
        assert!(text.starts_with("# Server\r\nredis_version:7.0.15\r\n"));
        assert!(text.contains("\r\n\r\n# Clients\r\n"));
        assert!(text.contains("# Errorstats\r\nerrorstat_WRONGTYPE:count=2\r\n"));
        assert!(text.ends_with("# Keyspace\r\n"));
        let modules = render(&Sections::parse(&[Bytes::from("modules")]), &snap, &env);
        assert_eq!(modules, "# Modules\r\n");
    }
}
