//! The server's configuration: every directive declared once — name, default, how to apply and
//! show it, whether CONFIG SET may change it — in one table ([`all_directives`]). The config
//! file, the command line (`--name value...`, turned into config lines as redis-server does),
//! CONFIG GET/SET and CONFIG REWRITE (`config_rewrite`) all read that table, so a directive
//! cannot be understood by one and unknown to another.
//!
//! The running configuration is an immutable [`Config`] behind an `Arc`: each shard holds its
//! own handle (`ShardCtx::config`), and CONFIG SET builds a new one from the process-wide
//! [`master`] copy and sends it to every shard.

use std::fmt;
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
            // Defaults are constants of this file; a failure here is a programming error
            // caught by the unit test `defaults_apply`. `dir`'s default ("./") is the
            // current directory, which it only reads.
            let _ = (d.apply)(&mut config, &split_words(d.default));
        }
        config
    }
}

/// How CONFIG REWRITE writes a directive's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// As CONFIG GET shows it (numbers, yes/no, enum names, word lists).
    Plain,
    /// One string, quoted as Redis quotes it (`dbfilename "dump.rdb"`).
    Quoted,
    /// A byte count, with the largest unit that divides it (`512mb`).
    Memory,
    /// client-output-buffer-limit: one line per client class.
    PerClass,
    /// One `save <seconds> <changes>` line per save point, or `save ""`; always written, as
    /// Redis does, so the defaults never come back.
    SavePoints,
    /// `name default`, the declared default as written in redis.conf (the directives that
    /// accept only their default, see [`INERT`]).
    Default,
}

/// One configuration directive.
pub struct Directive {
    /// Name as in redis.conf.
    pub name: &'static str,
    /// The directive an alias stands for (its own name for a directive that is no alias).
    pub canonical: &'static str,
    /// Default value, as it would be written in redis.conf.
    pub default: &'static str,
    /// Applies the directive's arguments, or says why they are invalid (Redis's words).
    pub apply: fn(&mut Config, &[String]) -> Result<(), String>,
    /// The current value as CONFIG GET shows it.
    pub show: fn(&Config) -> String,
    /// CONFIG SET may change it while the server runs.
    pub mutable: bool,
    /// CONFIG SET may change it only when `enable-protected-configs` allows it.
    pub protected: bool,
    /// How CONFIG REWRITE writes it.
    pub format: Format,
}

impl Directive {
    const fn new(
        name: &'static str,
        default: &'static str,
        apply: fn(&mut Config, &[String]) -> Result<(), String>,
        show: fn(&Config) -> String,
    ) -> Directive {
        Directive {
            name,
            canonical: name,
            default,
            apply,
            show,
            mutable: true,
            protected: false,
            format: Format::Plain,
        }
    }

    const fn immutable(mut self) -> Directive {
        self.mutable = false;
        self
    }

    const fn protected(mut self) -> Directive {
        self.protected = true;
        self
    }

    const fn format(mut self, format: Format) -> Directive {
        self.format = format;
        self
    }

    const fn alias_of(mut self, canonical: &'static str) -> Directive {
        self.canonical = canonical;
        self
    }
}

impl fmt::Debug for Directive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Directive")
            .field("name", &self.name)
            .finish()
    }
}

fn one(args: &[String]) -> Result<&str, String> {
    match args {
        [v] => Ok(v),
        _ => Err("wrong number of arguments".into()),
    }
}

/// An integer between `min` and `max` (Redis's integer directives take no units).
fn number<T: TryFrom<i64>>(args: &[String], min: i64, max: i64) -> Result<T, String> {
    let v = one(args)?;
    let n = shards::util::parse_i64(v.as_bytes())
        .ok_or_else(|| "argument couldn't be parsed into an integer".to_string())?;
    in_range(n, min, max)
}

/// A byte count with optional units (`512mb`), between `min` and `max`.
fn memory<T: TryFrom<i64>>(args: &[String], min: i64, max: i64) -> Result<T, String> {
    let v = one(args)?;
    let n = parse_memory(v).ok_or_else(|| "argument must be a memory value".to_string())?;
    in_range(n, min, max)
}

fn in_range<T: TryFrom<i64>>(n: i64, min: i64, max: i64) -> Result<T, String> {
    if n < min || n > max {
        return Err(format!(
            "argument must be between {min} and {max} inclusive"
        ));
    }
    T::try_from(n).map_err(|_| "argument couldn't be parsed into an integer".to_string())
}

fn yes_no(args: &[String]) -> Result<bool, String> {
    let v = one(args)?;
    if v.eq_ignore_ascii_case("yes") {
        Ok(true)
    } else if v.eq_ignore_ascii_case("no") {
        Ok(false)
    } else {
        Err("argument must be 'yes' or 'no'".into())
    }
}

fn show_bool(v: bool) -> String {
    if v { "yes" } else { "no" }.into()
}

/// One of `values` (case-insensitive), as Redis's enum directives take it.
fn one_of(args: &[String], values: &[&'static str]) -> Result<&'static str, String> {
    let v = one(args)?;
    values
        .iter()
        .find(|name| name.eq_ignore_ascii_case(v))
        .copied()
        .ok_or_else(|| {
            format!(
                "argument(s) must be one of the following: {}",
                values.join(", ")
            )
        })
}

/// Save points as Redis 7.0 takes them: `""` for none, else pairs of seconds (at least 1)
/// and changes (at least 0).
fn save_rules(args: &[String]) -> Result<Vec<(u64, u64)>, String> {
    const INVALID: &str = "Invalid save parameters";
    if let [v] = args {
        if v.is_empty() {
            return Ok(Vec::new());
        }
    }
    // CONFIG SET passes the pairs as one word; a config line as several.
    let words: Vec<&str> = args.iter().flat_map(|a| a.split_whitespace()).collect();
    if words.is_empty() || words.len() % 2 == 1 {
        return Err(INVALID.into());
    }
    words
        .chunks(2)
        .map(|pair| {
            let secs = shards::util::parse_i64(pair[0].as_bytes()).filter(|&s| s >= 1);
            let changes = shards::util::parse_i64(pair[1].as_bytes()).filter(|&c| c >= 0);
            match (secs, changes) {
                (Some(s), Some(c)) => Ok((s as u64, c as u64)),
                _ => Err(INVALID.to_string()),
            }
        })
        .collect()
}

/// A file name that must not be a path (dbfilename, appendfilename, appenddirname).
fn file_name(args: &[String], what: &str, noun: &str) -> Result<String, String> {
    let v = one(args)?;
    if v.contains('/') {
        return Err(format!("{what} can't be a path, just a {noun}"));
    }
    Ok(v.to_string())
}

/// Parses a number with Redis's memory units (1k = 1000, 1kb = 1024, m, mb, g, gb). A
/// negative number is no memory value (Redis's `memtoull`).
pub fn parse_memory(text: &str) -> Option<i64> {
    if text.starts_with('-') {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (digits, mul) = [
        ("gb", 1i64 << 30),
        ("mb", 1 << 20),
        ("kb", 1 << 10),
        ("g", 1_000_000_000),
        ("m", 1_000_000),
        ("k", 1000),
        ("b", 1),
    ]
    .iter()
    .find_map(|&(suffix, mul)| lower.strip_suffix(suffix).map(|d| (d.to_string(), mul)))
    .unwrap_or((lower.clone(), 1));
    shards::util::parse_i64(digits.as_bytes())?.checked_mul(mul)
}

/// A byte count as CONFIG REWRITE writes it: with the largest unit that divides it.
pub fn format_memory(bytes: i64) -> String {
    for (unit, size) in [("gb", 1i64 << 30), ("mb", 1 << 20), ("kb", 1 << 10)] {
        if bytes != 0 && bytes % size == 0 {
            return format!("{}{unit}", bytes / size);
        }
    }
    bytes.to_string()
}

const POLICIES: &[&str] = &[
    "volatile-lru",
    "volatile-lfu",
    "volatile-random",
    "volatile-ttl",
    "allkeys-lru",
    "allkeys-lfu",
    "allkeys-random",
    "noeviction",
];

/// The client classes of `client-output-buffer-limit` and Redis's default limit of each
/// (hard bytes, soft bytes, soft seconds), in CONFIG GET's order and naming.
const OUTPUT_LIMIT_DEFAULTS: [(&str, [i64; 3]); 3] = [
    ("normal", [0, 0, 0]),
    ("slave", [256 << 20, 64 << 20, 60]),
    ("pubsub", [32 << 20, 8 << 20, 60]),
];

/// `client-output-buffer-limit <class> <hard> <soft> <seconds> ...`: validated with Redis's
/// messages. Only the pubsub class's default is enforced (subscribers and monitors are cut
/// off past it), so only each class's default is accepted rather than a limit that would
/// silently not apply.
fn output_buffer_limits(args: &[String]) -> Result<(), String> {
    if args.is_empty() || !args.len().is_multiple_of(4) {
        return Err("Wrong number of arguments in buffer limit configuration.".into());
    }
    for group in args.chunks(4) {
        let class = match group[0].to_ascii_lowercase().as_str() {
            "normal" => 0,
            "slave" | "replica" => 1,
            "pubsub" => 2,
            _ => {
                return Err("Invalid client class specified in buffer limit configuration.".into())
            }
        };
        let hard = parse_memory(&group[1]);
        let soft = parse_memory(&group[2]);
        let secs = shards::util::parse_i64(group[3].as_bytes());
        let (Some(hard), Some(soft), Some(secs)) = (hard, soft, secs) else {
            return Err(
                "Error in hard, soft or soft_seconds setting in buffer limit configuration.".into(),
            );
        };
        if hard < 0 || soft < 0 || secs < 0 {
            return Err(
                "Error in hard, soft or soft_seconds setting in buffer limit configuration.".into(),
            );
        }
        if [hard, soft, secs] != OUTPUT_LIMIT_DEFAULTS[class].1 {
            return Err("client output buffer limits other than the defaults are not enforced: only the defaults (normal 0 0 0, replica 256mb 64mb 60, pubsub 32mb 8mb 60) are accepted".into());
        }
    }
    Ok(())
}

fn show_output_buffer_limits(_: &Config) -> String {
    OUTPUT_LIMIT_DEFAULTS
        .iter()
        .map(|(class, [hard, soft, secs])| format!("{class} {hard} {soft} {secs}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines CONFIG REWRITE writes for `client-output-buffer-limit`, by class (Redis writes
/// the replica class under its new name).
pub fn output_buffer_limit_lines() -> Vec<(bool, String)> {
    OUTPUT_LIMIT_DEFAULTS
        .iter()
        .map(|(class, [hard, soft, secs])| {
            let class = if *class == "slave" { "replica" } else { class };
            (
                false,
                format!(
                    "client-output-buffer-limit {class} {} {} {secs}",
                    format_memory(*hard),
                    format_memory(*soft)
                ),
            )
        })
        .collect()
}

/// `dir`: changes the process's working directory, as Redis does, and keeps the absolute
/// path. (CONFIG SET restores the previous directory when a later pair fails.)
fn change_dir(config: &mut Config, args: &[String]) -> Result<(), String> {
    let v = one(args)?;
    std::env::set_current_dir(v).map_err(|e| os_error_text(&e))?;
    config.dir = current_dir();
    Ok(())
}

/// The working directory, as CONFIG GET dir shows it.
pub fn current_dir() -> String {
    std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| ".".into())
}

/// An OS error as C's `strerror` words it ("No such file or directory"), without Rust's
/// " (os error 2)" suffix.
pub fn os_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The directives of the main table, in the order CONFIG REWRITE appends them.
static DIRECTIVES: &[Directive] = &[
    Directive::new(
        "bind",
        "127.0.0.1",
        |c, a| {
            if a.is_empty() {
                return Err("wrong number of arguments".into());
            }
            c.bind = a.to_vec();
            Ok(())
        },
        |c| c.bind.join(" "),
    ),
    Directive::new(
        "port",
        "6379",
        |c, a| number(a, 0, 65535).map(|v| c.port = v),
        |c| c.port.to_string(),
    ),
    Directive::new(
        "shards",
        "0",
        |c, a| number(a, 0, 1024).map(|v| c.shards = v),
        |c| c.shards.to_string(),
    )
    .immutable(),
    Directive::new(
        "databases",
        "16",
        |c, a| number(a, 1, i32::MAX as i64).map(|v| c.databases = v),
        |c| c.databases.to_string(),
    )
    .immutable(),
    Directive::new(
        "protected-mode",
        "yes",
        |c, a| yes_no(a).map(|v| c.protected_mode = v),
        |c| show_bool(c.protected_mode),
    ),
    Directive::new(
        "enable-protected-configs",
        "no",
        |c, a| one_of(a, &["no", "yes", "local"]).map(|v| c.enable_protected_configs = v),
        |c| c.enable_protected_configs.into(),
    )
    .immutable(),
    Directive::new(
        "tcp-backlog",
        "511",
        |c, a| number(a, 0, i32::MAX as i64).map(|v| c.tcp_backlog = v),
        |c| c.tcp_backlog.to_string(),
    )
    .immutable(),
    Directive::new(
        "timeout",
        "0",
        |c, a| number(a, 0, i32::MAX as i64).map(|v| c.timeout = v),
        |c| c.timeout.to_string(),
    ),
    Directive::new(
        "tcp-keepalive",
        "300",
        |c, a| number(a, 0, i32::MAX as i64).map(|v| c.tcp_keepalive = v),
        |c| c.tcp_keepalive.to_string(),
    ),
    Directive::new(
        "daemonize",
        "no",
        |_, a| match yes_no(a)? {
            false => Ok(()),
            true => Err("daemonize yes is not supported: run shardis in the foreground under a supervisor (systemd, docker, ...)".into()),
        },
        |_| "no".into(),
    )
    .immutable(),
    Directive::new(
        "supervised",
        "no",
        |c, a| {
            let v = one_of(a, &["upstart", "systemd", "auto", "no"])?;
            if v == "upstart" || v == "systemd" {
                return Err("supervision by upstart or systemd is not supported yet: only `supervised no` and `supervised auto` are accepted".into());
            }
            c.supervised = v;
            Ok(())
        },
        |c| c.supervised.into(),
    )
    .immutable(),
    Directive::new(
        "pidfile",
        "\"\"",
        |c, a| one(a).map(|v| c.pidfile = v.to_string()),
        |c| c.pidfile.clone(),
    )
    .immutable()
    .format(Format::Quoted),
    Directive::new(
        "loglevel",
        "notice",
        |c, a| one_of(a, &["debug", "verbose", "notice", "warning"]).map(|v| c.loglevel = v),
        |c| c.loglevel.into(),
    ),
    Directive::new(
        "logfile",
        "\"\"",
        |c, a| one(a).map(|v| c.logfile = v.to_string()),
        |c| c.logfile.clone(),
    )
    .immutable()
    .format(Format::Quoted),
    Directive::new(
        "always-show-logo",
        "no",
        |c, a| yes_no(a).map(|v| c.always_show_logo = v),
        |c| show_bool(c.always_show_logo),
    )
    .immutable(),
    Directive::new(
        "save",
        "3600 1 300 100 60 10000",
        |c, a| save_rules(a).map(|v| c.save_rules = v),
        |c| {
            c.save_rules
                .iter()
                .map(|(secs, changes)| format!("{secs} {changes}"))
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
    .format(Format::SavePoints),
    Directive::new(
        "stop-writes-on-bgsave-error",
        "yes",
        |c, a| yes_no(a).map(|v| c.stop_writes_on_bgsave_error = v),
        |c| show_bool(c.stop_writes_on_bgsave_error),
    ),
    Directive::new(
        "rdbcompression",
        "yes",
        |c, a| yes_no(a).map(|v| c.rdbcompression = v),
        |c| show_bool(c.rdbcompression),
    ),
    Directive::new(
        "rdbchecksum",
        "yes",
        |c, a| yes_no(a).map(|v| c.rdbchecksum = v),
        |c| show_bool(c.rdbchecksum),
    )
    .immutable(),
    Directive::new(
        "dbfilename",
        "dump.rdb",
        |c, a| file_name(a, "dbfilename", "filename").map(|v| c.dbfilename = v),
        |c| c.dbfilename.clone(),
    )
    .protected()
    .format(Format::Quoted),
    Directive::new("dir", "./", change_dir, |c| c.dir.clone())
        .protected()
        .format(Format::Quoted),
    Directive::new(
        "requirepass",
        "\"\"",
        |c, a| one(a).map(|v| c.requirepass = v.to_string()),
        |c| c.requirepass.clone(),
    )
    .format(Format::Quoted),
    Directive::new(
        "maxclients",
        "10000",
        |c, a| number(a, 1, u32::MAX as i64).map(|v| c.maxclients = v),
        |c| c.maxclients.to_string(),
    ),
    Directive::new(
        "maxmemory",
        "0",
        |c, a| memory(a, 0, i64::MAX).map(|v| c.maxmemory = v),
        |c| c.maxmemory.to_string(),
    )
    .format(Format::Memory),
    Directive::new(
        "maxmemory-policy",
        "noeviction",
        |c, a| one_of(a, POLICIES).map(|v| c.maxmemory_policy = v),
        |c| c.maxmemory_policy.into(),
    ),
    Directive::new(
        "maxmemory-samples",
        "5",
        |c, a| number(a, 1, 64).map(|v| c.maxmemory_samples = v),
        |c| c.maxmemory_samples.to_string(),
    ),
    Directive::new(
        "lfu-log-factor",
        "10",
        |c, a| number(a, 0, i32::MAX as i64).map(|v| c.lfu_log_factor = v),
        |c| c.lfu_log_factor.to_string(),
    ),
    Directive::new(
        "lfu-decay-time",
        "1",
        |c, a| number(a, 0, i32::MAX as i64).map(|v| c.lfu_decay_time = v),
        |c| c.lfu_decay_time.to_string(),
    ),
    Directive::new(
        "appendonly",
        "no",
        |c, a| yes_no(a).map(|v| c.appendonly = v),
        |c| show_bool(c.appendonly),
    ),
    Directive::new(
        "aof-load-truncated",
        "yes",
        |c, a| yes_no(a).map(|v| c.aof_load_truncated = v),
        |c| show_bool(c.aof_load_truncated),
    ),
    Directive::new(
        "aof-use-rdb-preamble",
        "yes",
        |c, a| yes_no(a).map(|v| c.aof_use_rdb_preamble = v),
        |c| show_bool(c.aof_use_rdb_preamble),
    ),
    Directive::new(
        "auto-aof-rewrite-percentage",
        "100",
        |c, a| number(a, 0, i32::MAX as i64).map(|v| c.auto_aof_rewrite_percentage = v),
        |c| c.auto_aof_rewrite_percentage.to_string(),
    ),
    Directive::new(
        "auto-aof-rewrite-min-size",
        "64mb",
        |c, a| memory(a, 0, i64::MAX).map(|v| c.auto_aof_rewrite_min_size = v),
        |c| c.auto_aof_rewrite_min_size.to_string(),
    )
    .format(Format::Memory),
    Directive::new(
        "appendfilename",
        "appendonly.aof",
        |c, a| file_name(a, "appendfilename", "filename").map(|v| c.appendfilename = v),
        |c| c.appendfilename.clone(),
    )
    .immutable()
    .format(Format::Quoted),
    Directive::new(
        "appenddirname",
        "appendonlydir",
        |c, a| file_name(a, "appenddirname", "dirname").map(|v| c.appenddirname = v),
        |c| c.appenddirname.clone(),
    )
    .immutable()
    .format(Format::Quoted),
    Directive::new(
        "notify-keyspace-events",
        "\"\"",
        |c, a| {
            let text = one(a)?;
            let flags = shards::notify::parse_flags(text.as_bytes())
                .ok_or("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.")?;
            c.notify_keyspace_events = flags;
            Ok(())
        },
        |c| shards::notify::flags_to_string(c.notify_keyspace_events),
    )
    .format(Format::Quoted),
    Directive::new(
        "appendfsync",
        "everysec",
        |c, a| one_of(a, &["everysec", "always", "no"]).map(|v| c.appendfsync = v),
        |c| c.appendfsync.into(),
    ),
    Directive::new(
        "slowlog-log-slower-than",
        "10000",
        |c, a| number(a, -1, i64::MAX).map(|v| c.slowlog_log_slower_than = v),
        |c| c.slowlog_log_slower_than.to_string(),
    ),
    Directive::new(
        "slowlog-max-len",
        "128",
        |c, a| number(a, 0, i64::MAX).map(|v| c.slowlog_max_len = v),
        |c| c.slowlog_max_len.to_string(),
    ),
    Directive::new(
        "proto-max-bulk-len",
        "512mb",
        |c, a| memory(a, 1024 * 1024, i64::MAX).map(|v| c.proto_max_bulk_len = v),
        |c| c.proto_max_bulk_len.to_string(),
    )
    .format(Format::Memory),
    Directive::new(
        "client-query-buffer-limit",
        "1gb",
        |c, a| memory(a, 1024 * 1024, i64::MAX).map(|v| c.client_query_buffer_limit = v),
        |c| c.client_query_buffer_limit.to_string(),
    )
    .format(Format::Memory),
    Directive::new(
        "client-output-buffer-limit",
        "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60",
        |_, a| output_buffer_limits(a),
        show_output_buffer_limits,
    )
    .format(Format::PerClass),
    // Redis takes any hz and caps it to 1..=500 ("a hint from the user").
    Directive::new(
        "hz",
        "10",
        |c, a| number::<i64>(a, 0, i32::MAX as i64).map(|v| c.hz = v.clamp(1, 500) as u32),
        |c| c.hz.to_string(),
    ),
];

/// Declares an encoding threshold under its name and its Redis 6 `ziplist` alias, which
/// Redis 7.0 still accepts in the config file and in CONFIG GET/SET.
/// `$parse` is `number` for counts and `memory` for byte sizes (the `*-value` ones take
/// units, as in Redis).
macro_rules! threshold {
    ($name:literal, $alias:literal, $default:literal, $min:expr, $field:ident, $parse:ident) => {
        [
            Directive::new(
                $name,
                $default,
                |c, a| $parse(a, $min, i64::MAX).map(|v| c.encodings.$field = v),
                |c| c.encodings.$field.to_string(),
            ),
            Directive::new(
                $alias,
                $default,
                |c, a| $parse(a, $min, i64::MAX).map(|v| c.encodings.$field = v),
                |c| c.encodings.$field.to_string(),
            )
            .alias_of($name),
        ]
    };
}

/// The thresholds between compact and large encodings of lists, hashes, sets and zsets.
static THRESHOLDS: [[Directive; 2]; 6] = [
    threshold!(
        "list-max-listpack-size",
        "list-max-ziplist-size",
        "-2",
        i32::MIN as i64,
        list_max_listpack_size,
        number
    ),
    threshold!(
        "hash-max-listpack-entries",
        "hash-max-ziplist-entries",
        "512",
        0,
        hash_max_listpack_entries,
        number
    ),
    threshold!(
        "hash-max-listpack-value",
        "hash-max-ziplist-value",
        "64",
        0,
        hash_max_listpack_value,
        memory
    ),
    threshold!(
        "set-max-intset-entries",
        "set-max-intset-entries",
        "512",
        0,
        set_max_intset_entries,
        number
    ),
    threshold!(
        "zset-max-listpack-entries",
        "zset-max-ziplist-entries",
        "128",
        0,
        zset_max_listpack_entries,
        number
    ),
    threshold!(
        "zset-max-listpack-value",
        "zset-max-ziplist-value",
        "64",
        0,
        zset_max_listpack_value,
        memory
    ),
];

/// Whether `args` say what `default` says: the same words, however split into arguments
/// (`0 200 800` as three or as one), case-insensitive, sizes compared in bytes (`64mb` is
/// `67108864`).
fn is_default(args: &[String], default: &str) -> bool {
    let defaults = split_words(default);
    let wanted = defaults.iter().flat_map(|w| w.split_ascii_whitespace());
    let given = args.iter().flat_map(|a| a.split_ascii_whitespace());
    let (wanted, given): (Vec<&str>, Vec<&str>) = (wanted.collect(), given.collect());
    wanted.len() == given.len()
        && wanted.iter().zip(&given).all(|(w, a)| {
            w.eq_ignore_ascii_case(a)
                || matches!((parse_memory(w), parse_memory(a)), (Some(x), Some(y)) if x == y)
        })
}

/// Declares a directive of a feature shardis does not have yet (replication, cluster,
/// lazyfree, io-threads, ...). It accepts only Redis's default, so a stock redis.conf
/// loads while no other value is silently ignored. `$shown` is what CONFIG GET shows.
macro_rules! inert {
    ($name:literal, $default:literal, $shown:literal) => {
        Directive::new(
            $name,
            $default,
            |_, a| {
                if is_default(a, $default) {
                    Ok(())
                } else {
                    Err(concat!(
                        "not supported yet: only `",
                        $name,
                        " ",
                        $default,
                        "` (Redis's default) is accepted"
                    )
                    .into())
                }
            },
            |_| $shown.into(),
        )
        .format(Format::Default)
    };
}

/// Directives of features not built yet, at their Redis 7.0 defaults (the uncommented lines
/// of Redis's own redis.conf).
static INERT: &[Directive] = &[
    inert!("set-proc-title", "yes", "yes"),
    inert!(
        "proc-title-template",
        "\"{title} {listen-addr} {server-mode}\"",
        "{title} {listen-addr} {server-mode}"
    ),
    inert!("rdb-del-sync-files", "no", "no"),
    inert!("rdb-save-incremental-fsync", "yes", "yes"),
    inert!("replica-serve-stale-data", "yes", "yes"),
    inert!("replica-read-only", "yes", "yes"),
    inert!("repl-diskless-sync", "yes", "yes"),
    inert!("repl-diskless-sync-delay", "5", "5"),
    inert!("repl-diskless-sync-max-replicas", "0", "0"),
    inert!("repl-diskless-load", "disabled", "disabled"),
    inert!("repl-disable-tcp-nodelay", "no", "no"),
    inert!("replica-priority", "100", "100"),
    inert!("replica-lazy-flush", "no", "no"),
    inert!("acllog-max-len", "128", "128"),
    inert!("lazyfree-lazy-eviction", "no", "no"),
    inert!("lazyfree-lazy-expire", "no", "no"),
    inert!("lazyfree-lazy-server-del", "no", "no"),
    inert!("lazyfree-lazy-user-del", "no", "no"),
    inert!("lazyfree-lazy-user-flush", "no", "no"),
    inert!("oom-score-adj", "no", "no"),
    inert!("oom-score-adj-values", "0 200 800", "0 200 800"),
    inert!("disable-thp", "yes", "yes"),
    inert!("no-appendfsync-on-rewrite", "no", "no"),
    inert!("aof-timestamp-enabled", "no", "no"),
    inert!("aof-rewrite-incremental-fsync", "yes", "yes"),
    inert!("latency-monitor-threshold", "0", "0"),
    inert!("list-compress-depth", "0", "0"),
    inert!("hll-sparse-max-bytes", "3000", "3000"),
    inert!("stream-node-max-bytes", "4096", "4096"),
    inert!("stream-node-max-entries", "100", "100"),
    inert!("activerehashing", "yes", "yes"),
    inert!("dynamic-hz", "yes", "yes"),
    inert!("jemalloc-bg-thread", "yes", "yes"),
];

/// Every directive: the table above, the thresholds and the inert ones (an alias may repeat
/// a name; the first declaration wins).
pub fn all_directives() -> impl Iterator<Item = &'static Directive> {
    let mut seen: Vec<&'static str> = Vec::new();
    DIRECTIVES
        .iter()
        .chain(THRESHOLDS.iter().flatten())
        .chain(INERT.iter())
        .filter(move |d| {
            if seen.contains(&d.name) {
                false
            } else {
                seen.push(d.name);
                true
            }
        })
}

/// The directive called `name` (case-insensitive), aliases included.
pub fn lookup(name: &str) -> Option<&'static Directive> {
    all_directives().find(|d| d.name.eq_ignore_ascii_case(name))
}

/// CONFIG GET: every directive whose name matches one of `patterns` (globs, case-insensitive),
/// once each, with its current value. A pattern without glob characters names one directive
/// and is echoed as the client wrote it, as Redis 7.0 does.
pub fn matching(config: &Config, patterns: &[&[u8]]) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for pattern in patterns {
        let is_glob = pattern.iter().any(|c| matches!(c, b'*' | b'?' | b'['));
        for d in all_directives() {
            let hit = if is_glob {
                shards::glob::glob_match(pattern, d.name.as_bytes(), true)
            } else {
                d.name.as_bytes().eq_ignore_ascii_case(pattern)
            };
            if hit && !seen.contains(&d.name) {
                seen.push(d.name);
                let name = if is_glob {
                    d.name.to_string()
                } else {
                    String::from_utf8_lossy(pattern).into_owned()
                };
                found.push((name, (d.show)(config)));
            }
        }
    }
    found
}

/// Splits a directive line into words (Redis's rules: quotes and escapes).
pub fn split_words(line: &str) -> Vec<String> {
    crate::protocol::split_args(line.as_bytes())
        .unwrap_or_default()
        .into_iter()
        .map(|w| String::from_utf8_lossy(&w).into_owned())
        .collect()
}

/// Applies one `name args...` directive.
pub fn apply(config: &mut Config, name: &str, args: &[String]) -> Result<(), String> {
    let d = lookup(name).ok_or_else(|| "Bad directive or wrong number of arguments".to_string())?;
    (d.apply)(config, args)
}

/// Why a configuration could not be loaded; `main` prints it where Redis prints it.
#[derive(Debug, PartialEq, Eq)]
pub enum LoadError {
    /// A bad line: the whole `*** FATAL CONFIG FILE ERROR ***` text, for stderr.
    Fatal(String),
    /// A config file (or an `include`d one) that cannot be read: Redis logs this as a
    /// warning line (`# Fatal error, can't open config file '...': ...`).
    CantOpen(String),
}

/// Applies config text (a file, or a file followed by the command line's directives);
/// `include` reads another file in place. Errors name the line as Redis does.
pub fn apply_text(config: &mut Config, text: &str) -> Result<(), LoadError> {
    apply_text_at(config, text, 0)
}

fn apply_text_at(config: &mut Config, text: &str, depth: usize) -> Result<(), LoadError> {
    for (i, line) in text.split('\n').enumerate() {
        let trimmed = line.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(words) = crate::protocol::split_args(trimmed.as_bytes()) else {
            return Err(fatal(
                i + 1,
                trimmed,
                "Unbalanced quotes in configuration line",
            ));
        };
        let words: Vec<String> = words
            .into_iter()
            .map(|w| String::from_utf8_lossy(&w).into_owned())
            .collect();
        let Some((name, args)) = words.split_first() else {
            continue;
        };
        if name.eq_ignore_ascii_case("include") && args.len() == 1 {
            if depth >= 16 {
                return Err(fatal(i + 1, trimmed, "include nesting is too deep"));
            }
            let included = read_config_file(&args[0])?;
            apply_text_at(config, &included, depth + 1)?;
            continue;
        }
        // Each further `save` line of the text adds its save points to the earlier ones.
        let is_save = name.eq_ignore_ascii_case("save");
        let earlier = match is_save && config.save_line_read {
            true => config.save_rules.clone(),
            false => Vec::new(),
        };
        apply(config, name, args).map_err(|reason| fatal(i + 1, trimmed, &reason))?;
        if is_save {
            config.save_line_read = true;
            if !config.save_rules.is_empty() {
                config.save_rules.splice(0..0, earlier);
            }
        }
    }
    Ok(())
}

/// Reads a config file, or says why not as Redis does.
pub fn read_config_file(path: &str) -> Result<String, LoadError> {
    std::fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|e| {
            LoadError::CantOpen(format!(
                "Fatal error, can't open config file '{path}': {}",
                os_error_text(&e)
            ))
        })
}

fn fatal(line_no: usize, line: &str, reason: &str) -> LoadError {
    LoadError::Fatal(format!(
        "\n*** FATAL CONFIG FILE ERROR (Redis {}) ***\nReading the configuration file, at line {line_no}\n>>> '{line}'\n{reason}",
        crate::REDIS_VERSION
    ))
}

/// Redis's `sdscatrepr`: `s` in double quotes, with `\\ \" \n \r \t \a \b` escaped and other
/// unprintable bytes as `\xHH`. Used for command-line values and CONFIG REWRITE strings.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for &b in s.as_bytes() {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            7 => out.push_str("\\a"),
            8 => out.push_str("\\b"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

/// Turns redis-server's command line after the config file into config text, exactly as
/// redis-server does: `--name` starts a line, every other argument is appended quoted (so
/// `--port abc` becomes the line `port "abc"`), and a bare `--save` means `save ""`.
pub fn command_line_text(args: &[String]) -> String {
    let mut options = String::new();
    // Whether the last `--name` has had its value (a value may itself start with `--`).
    let mut handled_last = true;
    for (j, arg) in args.iter().enumerate() {
        if handled_last && arg.starts_with("--") {
            if !options.is_empty() {
                options.push('\n');
            }
            options.push_str(&arg[2..]);
            options.push(' ');
            if split_words(arg).len() == 1 {
                handled_last = false;
                let next_is_option = args.get(j + 1).is_some_and(|n| n.starts_with("--"));
                if arg.eq_ignore_ascii_case("--save") && (next_is_option || j + 1 == args.len()) {
                    options.push_str("\"\"");
                    handled_last = next_is_option;
                }
            } else {
                handled_last = true;
            }
        } else {
            options.push_str(&quote(arg));
            options.push(' ');
            handled_last = true;
        }
    }
    options
}

/// The process-wide master copy of the configuration, which CONFIG SET and CONFIG REWRITE
/// read and replace. A lock is fine here: it is taken only by those two commands (and once
/// at start), never on the per-request path; shards read their own `Arc` without it.
pub fn master() -> &'static Mutex<Arc<Config>> {
    static MASTER: OnceLock<Mutex<Arc<Config>>> = OnceLock::new();
    MASTER.get_or_init(|| Mutex::new(Arc::new(Config::default())))
}

/// Why CONFIG SET refused, worded as Redis words it.
#[derive(Debug, PartialEq, Eq)]
pub enum SetError {
    /// No such directive.
    Unknown(String),
    /// A directive that cannot be set, or a bad value: the argument and the reason.
    Failed(String, String),
}

impl SetError {
    /// The error reply's text.
    pub fn text(&self) -> String {
        match self {
            SetError::Unknown(name) => {
                format!("ERR Unknown option or number of arguments for CONFIG SET - '{name}'")
            }
            SetError::Failed(name, reason) => {
                format!("ERR CONFIG SET failed (possibly related to argument '{name}') - {reason}")
            }
        }
    }
}

/// CONFIG SET's checks and changes, all or nothing: every name is looked up and checked
/// (known, settable, protected, not repeated) before any value is applied, then the values
/// are applied in order to a copy of `current`. The first failure wins and `current` is
/// untouched; on success the new configuration is returned (with a new generation).
pub fn set_many(
    current: &Config,
    pairs: &[(String, String)],
    client_is_local: bool,
) -> Result<Config, SetError> {
    let mut chosen: Vec<&'static Directive> = Vec::with_capacity(pairs.len());
    let mut failure: Option<SetError> = None;
    for (name, _) in pairs {
        let Some(d) = lookup(name) else {
            return Err(SetError::Unknown(name.clone()));
        };
        if failure.is_some() {
            continue;
        }
        let protected_allowed = match current.enable_protected_configs {
            "yes" => true,
            "local" => client_is_local,
            _ => false,
        };
        if !d.mutable {
            failure = Some(SetError::Failed(
                name.clone(),
                "can't set immutable config".into(),
            ));
        } else if d.protected && !protected_allowed {
            failure = Some(SetError::Failed(
                name.clone(),
                "can't set protected config".into(),
            ));
        } else if chosen.iter().any(|c| std::ptr::eq(*c, d)) {
            // By directive as named: Redis 7.0 lets a name and its alias both be set (the
            // later wins), as they are two entries of its table.
            failure = Some(SetError::Failed(name.clone(), "duplicate parameter".into()));
        }
        chosen.push(d);
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let mut next = current.clone();
    for (d, (_, value)) in chosen.iter().zip(pairs) {
        // A value is split into words only for the directives that take several.
        let args = match d.canonical {
            "bind" | "client-output-buffer-limit" | "save" if !value.is_empty() => {
                value.split_ascii_whitespace().map(str::to_string).collect()
            }
            _ => vec![value.clone()],
        };
        if let Err(reason) = (d.apply)(&mut next, &args) {
            if next.dir != current.dir {
                // Undo `dir`'s chdir, as Redis restores the old values.
                let _ = std::env::set_current_dir(&current.dir);
            }
            return Err(SetError::Failed(d.canonical.to_string(), reason));
        }
    }
    next.generation = current.generation + 1;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fatal_text(result: Result<(), LoadError>) -> String {
        match result {
            Err(LoadError::Fatal(text)) => text,
            other => panic!("expected a fatal error, got {other:?}"),
        }
    }

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

    #[test]
    fn file_errors_name_the_line() {
        let mut c = Config::default();
        assert!(apply_text(&mut c, "# comment\nport 7000\n").is_ok());
        assert_eq!(c.port, 7000);
        let err = fatal_text(apply_text(&mut c, "port 7000\nnosuch 1\n"));
        assert!(
            err.contains("at line 2") && err.contains(">>> 'nosuch 1'"),
            "{err}"
        );
        assert_eq!(parse_memory("1kb"), Some(1024));
        assert_eq!(parse_memory("2m"), Some(2_000_000));
        assert_eq!(parse_memory("1x"), None);
        assert_eq!(parse_memory("-1"), None);
        assert!(apply_text(&mut c, "save 60\n").is_err());
        assert!(apply_text(&mut c, "save 60 -1\n").is_err());
        assert!(apply_text(&mut c, "save 0 1\n").is_err());
        // A config text's save lines add up; `save ""` clears them.
        assert!(apply_text(&mut c, "save 60 1000\nsave 10 5 1 1\n").is_ok());
        assert_eq!(c.save_rules, vec![(60, 1000), (10, 5), (1, 1)]);
        assert!(apply_text(&mut c, "save \"\"\nappendonly no\n").is_ok());
        assert!(c.save_rules.is_empty());
        assert!(apply_text(&mut c, "hash-max-ziplist-entries 7\n").is_ok());
        assert_eq!(c.encodings.hash_max_listpack_entries, 7);
        assert_eq!(matching(&c, &[b"hash-max-listpack-entries"])[0].1, "7");
        let err = fatal_text(apply_text(&mut c, "  requirepass \"abc  \r\n"));
        assert!(
            err.ends_with(">>> 'requirepass \"abc'\nUnbalanced quotes in configuration line"),
            "{err}"
        );
        assert_eq!(
            apply_text(&mut c, "include /nonexistent/x.conf\n"),
            Err(LoadError::CantOpen(
                "Fatal error, can't open config file '/nonexistent/x.conf': No such file or directory".into()
            ))
        );
    }

    #[test]
    fn config_get_matches_globs_once() {
        let c = Config::default();
        let got = matching(&c, &[b"p*", b"port"]);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "port",
                "protected-mode",
                "pidfile",
                "proto-max-bulk-len",
                "proc-title-template"
            ]
        );
        assert_eq!(got[0].1, "6379");
        assert_eq!(
            matching(&c, &[b"save"]),
            vec![("save".to_string(), "3600 1 300 100 60 10000".to_string())]
        );
        assert_eq!(
            matching(&c, &[b"HZ"]),
            vec![("HZ".to_string(), "10".to_string())]
        );
    }

    #[test]
    fn values_are_checked_with_redis_words() {
        let mut c = Config::default();
        let cases: &[(&str, &str)] = &[
            ("port abc", "argument couldn't be parsed into an integer"),
            ("port 70000", "argument must be between 0 and 65535 inclusive"),
            ("port 1 2", "wrong number of arguments"),
            ("protected-mode maybe", "argument must be 'yes' or 'no'"),
            ("maxmemory abc", "argument must be a memory value"),
            ("maxmemory-policy foo", "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction"),
            ("dbfilename a/b", "dbfilename can't be a path, just a filename"),
            ("client-output-buffer-limit normal 0 0", "Wrong number of arguments in buffer limit configuration."),
            ("client-output-buffer-limit foo 0 0 0", "Invalid client class specified in buffer limit configuration."),
        ];
        for (line, reason) in cases {
            let err = fatal_text(apply_text(&mut c, line));
            assert!(err.ends_with(&format!(">>> '{line}'\n{reason}")), "{err}");
        }
        assert!(apply_text(&mut c, "hz 0\nmaxmemory 0mb\nproto-max-bulk-len 1gb").is_ok());
        assert_eq!(c.hz, 1);
        assert_eq!(c.proto_max_bulk_len, 1 << 30);
        assert!(apply_text(&mut c, "maxmemory 10mb").is_ok());
        assert_eq!(c.maxmemory, 10 << 20);
        assert!(apply_text(
            &mut c,
            "hz 100000\nclient-output-buffer-limit replica 256mb 64mb 60"
        )
        .is_ok());
        assert_eq!(c.hz, 500);
    }

    #[test]
    fn the_command_line_becomes_config_lines_as_in_redis_server() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            command_line_text(&args(&["--port", "abc"])),
            "port \"abc\" "
        );
        assert_eq!(
            command_line_text(&args(&["--bind", "a", "b", "--hz", "5"])),
            "bind \"a\" \"b\" \nhz \"5\" "
        );
        assert_eq!(
            command_line_text(&args(&["--save", "--port", "1"])),
            "save \"\"\nport \"1\" "
        );
        assert_eq!(command_line_text(&args(&["--save"])), "save \"\"");
        assert_eq!(command_line_text(&args(&["--port 7000"])), "port 7000 ");
        assert_eq!(
            command_line_text(&args(&["--requirepass", "a \"b\"\n"])),
            "requirepass \"a \\\"b\\\"\\n\" "
        );
        assert_eq!(
            command_line_text(&args(&["--list-max-listpack-size", "-2"])),
            "list-max-listpack-size \"-2\" "
        );
    }

    #[test]
    fn config_set_is_all_or_nothing() {
        let c = Config::default();
        let pairs = |p: &[(&str, &str)]| {
            p.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        let next = set_many(&c, &pairs(&[("hz", "5"), ("maxclients", "7")]), true).unwrap();
        assert_eq!((next.hz, next.maxclients, next.generation), (5, 7, 1));
        assert_eq!(
            set_many(&c, &pairs(&[("hz", "abc"), ("nosuch", "1")]), true).unwrap_err(),
            SetError::Unknown("nosuch".into())
        );
        assert_eq!(
            set_many(&c, &pairs(&[("hz", "5"), ("HZ", "6")]), true)
                .unwrap_err()
                .text(),
            "ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter"
        );
        let next = set_many(
            &c,
            &pairs(&[
                ("hash-max-listpack-entries", "5"),
                ("hash-max-ziplist-entries", "6"),
            ]),
            true,
        )
        .unwrap();
        assert_eq!(next.encodings.hash_max_listpack_entries, 6);
        assert_eq!(
            set_many(&c, &pairs(&[("databases", "1")]), true).unwrap_err().text(),
            "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config"
        );
        assert_eq!(
            set_many(&c, &pairs(&[("dir", "/")]), true).unwrap_err().text(),
            "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config"
        );
        assert_eq!(
            set_many(&c, &pairs(&[("hz", "5"), ("MAXCLIENTS", "x")]), true)
                .unwrap_err()
                .text(),
            "ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument couldn't be parsed into an integer"
        );
        assert_eq!(c.hz, 10);
    }

    #[test]
    fn notify_keyspace_events_is_validated_and_shown_as_redis() {
        let mut c = Config::default();
        assert_eq!(apply_text(&mut c, "notify-keyspace-events KEA"), Ok(()));
        assert_eq!(
            matching(&c, &[b"notify-keyspace-events"]),
            vec![("notify-keyspace-events".to_string(), "AKE".to_string())]
        );
        let err = fatal_text(apply_text(&mut c, "notify-keyspace-events KQ"));
        assert!(
            err.ends_with("Invalid event class character. Use 'Ag$lshzxeKEtmdn'."),
            "{err}"
        );
    }

    #[test]
    fn a_stock_file_loads_and_features_not_built_accept_only_redis_defaults() {
        let mut c = Config::default();
        let stock = "proc-title-template \"{title} {listen-addr} {server-mode}\"\noom-score-adj-values 0 200 800\nauto-aof-rewrite-min-size 64mb\nnotify-keyspace-events \"\"\nrdbcompression YES\n";
        assert_eq!(apply_text(&mut c, stock), Ok(()));
        let err = fatal_text(apply_text(&mut c, "repl-diskless-sync no"));
        assert!(
            err.ends_with(
                "not supported yet: only `repl-diskless-sync yes` (Redis's default) is accepted"
            ),
            "{err}"
        );
        assert_eq!(
            matching(&c, &[b"auto-aof-rewrite-min-size", b"oom-score-adj-values"]),
            vec![
                (
                    "auto-aof-rewrite-min-size".to_string(),
                    "67108864".to_string()
                ),
                ("oom-score-adj-values".to_string(), "0 200 800".to_string())
            ]
        );
    }

    #[test]
    fn memory_is_written_with_the_largest_unit() {
        assert_eq!(format_memory(512 << 20), "512mb");
        assert_eq!(format_memory(1 << 30), "1gb");
        assert_eq!(format_memory(3 << 10), "3kb");
        assert_eq!(format_memory(1000), "1000");
        assert_eq!(format_memory(0), "0");
    }
}
