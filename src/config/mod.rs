//! The server's configuration: every directive declared once — name, default, how to apply and
//! show it, whether CONFIG SET may change it — in one table ([`all_directives`]). The config
//! file, the command line (`--name value...`, turned into config lines as redis-server does),
//! CONFIG GET/SET and CONFIG REWRITE (`rewrite`) all read that table, so a directive
//! cannot be understood by one and unknown to another.
//!
//! The running configuration is an immutable [`Config`] behind an `Arc`: each shard holds its
//! own handle (`ShardCtx::config`), and CONFIG SET builds a new one from the process-wide
//! [`master`] copy and sends it to every shard.
//!
//! One file per job; callers use the re-exports below (`config::apply_text`, ...):
//!
//! | file | holds |
//! | --- | --- |
//! | `mod.rs` | [`Config`], its defaults, the [`master`] copy |
//! | `directive.rs` | [`Directive`] and [`Format`]: what a directive is |
//! | `table.rs` | the directive table (main, thresholds, inert) and [`lookup`] |
//! | `values.rs` | reading argument values: integers, yes/no, enums, memory units, save points |
//! | `output_limits.rs` | `client-output-buffer-limit` |
//! | `dir.rs` | the `dir` directive and [`os_error_text`] |
//! | `load.rs` | config text and files: [`apply_text`], [`read_config_file`], [`LoadError`] |
//! | `command_line.rs` | the command line as config text, [`quote`] |
//! | `get_set.rs` | CONFIG GET ([`matching`]) and CONFIG SET ([`set_many`]) |
//! | `rewrite.rs` | CONFIG REWRITE |

mod command_line;
mod dir;
mod directive;
mod get_set;
mod load;
mod output_limits;
pub mod rewrite;
mod table;
mod values;

pub use command_line::{command_line_text, quote};
pub use dir::os_error_text;
pub use directive::{Directive, Format};
pub use get_set::{matching, set_many};
pub use load::{apply_text, read_config_file, LoadError};
pub use output_limits::output_buffer_limit_lines;
pub use table::{all_directives, lookup};
pub use values::format_memory;

use load::split_words;
use std::sync::{Arc, Mutex, OnceLock};

/// The running configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Bumped by every CONFIG SET, so a shard never replaces a newer configuration by an older
    /// one that arrives late.
    pub generation: u64,
    /// Addresses to listen on.
    pub bind: Vec<String>,
    /// TCP port.
    pub port: u16,
    /// Number of shards (executors); 0 means one per available core.
    pub shards: usize,
    /// Number of databases (SELECT 0..databases-1).
    pub databases: usize,
    /// Largest bulk string a client may send.
    pub proto_max_bulk_len: u64,
    /// Most bytes of a client's input read but not yet run (its query buffer); a client
    /// past it is closed.
    pub client_query_buffer_limit: u64,
    /// Background task frequency (the active expiry cycle runs `hz` times a second), already
    /// capped to 1..=500 as Redis does.
    pub hz: u32,
    /// Absolute path of the config file, if one was given (CONFIG REWRITE writes it).
    pub config_file: Option<String>,
    /// Compact-encoding thresholds of the collection types.
    pub encodings: shards::shard::Limits,
    /// The default user's password; empty: no password (every connection is authenticated).
    pub requirepass: String,
    /// Most clients connected at once.
    pub maxclients: u64,
    /// Seconds of idleness after which a client is disconnected (0: never).
    pub timeout: u64,
    /// Seconds between TCP keepalive probes (0: off).
    pub tcp_keepalive: u64,
    /// Commands slower than this many microseconds go to the slow log (-1: none, 0: all).
    pub slowlog_log_slower_than: i64,
    /// Entries the slow log keeps.
    pub slowlog_max_len: u64,
    /// The working directory, absolute (files are written relative to it).
    pub dir: String,
    /// Name of the snapshot file (in `dir`).
    pub dbfilename: String,
    /// Base name of the append-only files.
    pub appendfilename: String,
    /// Directory of the append-only files (in `dir`).
    pub appenddirname: String,
    /// When the append-only file is fsynced: always, everysec, no.
    pub appendfsync: &'static str,
    /// Save points: save a snapshot when at least `changes` writes happened in `seconds`.
    pub save_rules: Vec<(u64, u64)>,
    /// A `save` line was read from the config text: later ones add to it (Redis's rule).
    save_line_read: bool,
    /// Whether writes are logged to the append-only file.
    pub appendonly: bool,
    /// Load an append-only file whose last command is cut short (dropping that command).
    pub aof_load_truncated: bool,
    /// Rewrite the append-only file when it grew by this percentage since the last rewrite.
    pub auto_aof_rewrite_percentage: u64,
    /// ... and is at least this many bytes.
    pub auto_aof_rewrite_min_size: u64,
    /// Refuse writes while the last background save failed (with save points configured).
    pub stop_writes_on_bgsave_error: bool,
    /// Accepted for redis.conf files; shardis's snapshots are not compressed.
    pub rdbcompression: bool,
    /// Accepted for redis.conf files; shardis's snapshots always carry a SHA-256 checksum.
    pub rdbchecksum: bool,
    /// Accepted for redis.conf files; a rewritten append-only file always starts with a
    /// snapshot of its shard.
    pub aof_use_rdb_preamble: bool,
    /// Most bytes the process may use before write commands evict or are refused (0: no
    /// limit); each shard's share is this divided by the number of shards.
    pub maxmemory: u64,
    /// The eviction policy.
    pub maxmemory_policy: &'static str,
    /// Keys sampled per eviction.
    pub maxmemory_samples: u64,
    /// `notify-keyspace-events` as flags (`shards::notify`).
    pub notify_keyspace_events: u32,
    /// LFU counter logarithm factor.
    pub lfu_log_factor: u64,
    /// Minutes after which an LFU counter decays.
    pub lfu_decay_time: u64,
    /// Least severe log level written: debug, verbose, notice, warning.
    pub loglevel: &'static str,
    /// Log file; empty: standard output.
    pub logfile: String,
    /// File the process id is written to at start (and removed at shutdown); empty: none.
    pub pidfile: String,
    /// Refuse clients from other hosts while no password is set.
    pub protected_mode: bool,
    /// Whether CONFIG SET may change protected directives (dir, dbfilename): no, yes, local.
    pub enable_protected_configs: &'static str,
    /// Listen backlog asked for.
    pub tcp_backlog: u64,
    /// Supervision mode: no or auto (auto finds no supervisor to notify, so it is `no`).
    pub supervised: &'static str,
    /// Print the ASCII-art logo at start (shardis prints none; kept for redis.conf files).
    pub always_show_logo: bool,
}

impl Default for Config {
    fn default() -> Self {
        let mut config = Config {
            generation: 0,
            bind: Vec::new(),
            port: 0,
            shards: 0,
            databases: 0,
            proto_max_bulk_len: 0,
            client_query_buffer_limit: 0,
            hz: 0,
            config_file: None,
            encodings: shards::shard::Limits::default(),
            requirepass: String::new(),
            maxclients: 0,
            timeout: 0,
            tcp_keepalive: 0,
            slowlog_log_slower_than: 0,
            slowlog_max_len: 0,
            dir: String::new(),
            dbfilename: String::new(),
            appendfilename: String::new(),
            appenddirname: String::new(),
            appendfsync: "",
            save_rules: Vec::new(),
            save_line_read: false,
            appendonly: false,
            aof_load_truncated: false,
            auto_aof_rewrite_percentage: 0,
            auto_aof_rewrite_min_size: 0,
            stop_writes_on_bgsave_error: false,
            rdbcompression: false,
            rdbchecksum: false,
            aof_use_rdb_preamble: false,
            maxmemory: 0,
            maxmemory_policy: "",
            maxmemory_samples: 0,
            notify_keyspace_events: 0,
            lfu_log_factor: 0,
            lfu_decay_time: 0,
            loglevel: "",
            logfile: String::new(),
            pidfile: String::new(),
            protected_mode: false,
            enable_protected_configs: "",
            tcp_backlog: 0,
            supervised: "",
            always_show_logo: false,
        };
        for d in all_directives() {
            // Defaults are constants of the table (`table.rs`); a failure here is a programming error
            // caught by the unit test `defaults_apply`. `dir`'s default ("./") is the
            // current directory, which it only reads.
            let _ = (d.apply)(&mut config, &split_words(d.default));
        }
        config
    }
}

/// The process-wide master copy of the configuration, which CONFIG SET and CONFIG REWRITE
/// read and replace. A lock is fine here: it is taken only by those two commands (and once
/// at start), never on the per-request path; shards read their own `Arc` without it.
pub fn master() -> &'static Mutex<Arc<Config>> {
    static MASTER: OnceLock<Mutex<Arc<Config>>> = OnceLock::new();
    MASTER.get_or_init(|| Mutex::new(Arc::new(Config::default())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply() {
        let c = Config::default();
        assert_eq!(c.port, 6379);
        assert_eq!(c.bind, vec!["127.0.0.1".to_string()]);
        assert_eq!(c.databases, 16);
        assert_eq!(c.proto_max_bulk_len, 512 << 20);
        assert_eq!(c.maxmemory_policy, "noeviction");
        for d in all_directives() {
            let mut c = Config::default();
            assert!(
                (d.apply)(&mut c, &split_words(d.default)).is_ok(),
                "{}",
                d.name
            );
        }
    }
}
