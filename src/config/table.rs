//! The directive table: every directive shardis knows, declared once (the main table, the
//! encoding thresholds with their Redis 6 aliases, the inert directives of features not built
//! yet), and the lookups over it.

use super::dir::change_dir;
use super::directive::{Directive, Format};
use super::load::split_words;
use super::output_limits::{output_buffer_limits, show_output_buffer_limits};
use super::values::{
    file_name, memory, number, one, one_of, parse_memory, save_rules, show_bool, yes_no,
};

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

#[cfg(test)]
mod tests {
    use crate::config::get_set::matching;
    use crate::config::load::{apply_text, fatal_text};
    use crate::config::Config;

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
}
