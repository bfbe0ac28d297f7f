//! The server's configuration: every directive declared once, with its default, in
//! [`DIRECTIVES`]; the config file and the command line both feed that one table.
//! (The full redis.conf set and CONFIG GET/SET build on this table.)

use std::fmt;

/// The running configuration.
#[derive(Debug, Clone)]
pub struct Config {
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
    /// Background task frequency (the active expiry cycle runs `hz` times a second).
    pub hz: u32,
    /// Path of the config file, if one was given.
    pub config_file: Option<String>,
    /// Compact-encoding thresholds of the collection types.
    pub encodings: shards::shard::Limits,
    /// The default user's password; empty: no password (every connection is authenticated).
    pub requirepass: String,
    /// Most clients connected at once.
    pub maxclients: u64,
    /// Seconds of idleness after which a client is disconnected (0: never).
    pub timeout: u64,
    /// Commands slower than this many microseconds go to the slow log (-1: none, 0: all).
    pub slowlog_log_slower_than: i64,
    /// Entries the slow log keeps.
    pub slowlog_max_len: u64,
}

impl Default for Config {
    fn default() -> Self {
        let mut config = Config {
            bind: Vec::new(),
            port: 0,
            shards: 0,
            databases: 0,
            proto_max_bulk_len: 0,
            hz: 0,
            config_file: None,
            encodings: shards::shard::Limits::default(),
            requirepass: String::new(),
            maxclients: 0,
            timeout: 0,
            slowlog_log_slower_than: 0,
            slowlog_max_len: 0,
        };
        for d in DIRECTIVES {
            // Defaults are constants of this file; a failure here is a programming error
            // caught by the unit test `defaults_apply`.
            let _ = (d.apply)(&mut config, &split_words(d.default));
        }
        config
    }
}

/// One configuration directive.
pub struct Directive {
    /// Name as in redis.conf.
    pub name: &'static str,
    /// Default value, as it would be written in redis.conf.
    pub default: &'static str,
    /// Applies the directive's arguments, or says why they are invalid.
    pub apply: fn(&mut Config, &[String]) -> Result<(), String>,
    /// The current value as CONFIG GET shows it.
    pub show: fn(&Config) -> String,
    /// CONFIG SET may change it while the server runs.
    #[allow(dead_code)] // read by CONFIG SET, which lands next
    pub mutable: bool,
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

fn number<T: std::str::FromStr>(args: &[String], min: i64, max: i64) -> Result<T, String> {
    let v = one(args)?;
    let n =
        parse_memory(v).ok_or_else(|| "argument couldn't be parsed into an integer".to_string())?;
    if n < min || n > max {
        return Err(format!(
            "argument must be between {min} and {max} inclusive"
        ));
    }
    n.to_string()
        .parse()
        .map_err(|_| "argument couldn't be parsed into an integer".to_string())
}

/// Parses a number with Redis's memory units (1k = 1000, 1kb = 1024, m, mb, g, gb).
pub fn parse_memory(text: &str) -> Option<i64> {
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
    digits.parse::<i64>().ok()?.checked_mul(mul)
}

/// Every directive shardis understands.
pub static DIRECTIVES: &[Directive] = &[
    Directive {
        name: "bind",
        default: "127.0.0.1",
        apply: |c, a| {
            if a.is_empty() {
                return Err("wrong number of arguments".into());
            }
            c.bind = a.to_vec();
            Ok(())
        },
        show: |c| c.bind.join(" "),
        mutable: true,
    },
    Directive {
        name: "port",
        default: "6379",
        apply: |c, a| number(a, 0, 65535).map(|v| c.port = v),
        show: |c| c.port.to_string(),
        mutable: true,
    },
    Directive {
        name: "shards",
        default: "0",
        apply: |c, a| number(a, 0, 1024).map(|v| c.shards = v),
        show: |c| c.shards.to_string(),
        mutable: false,
    },
    Directive {
        name: "databases",
        default: "16",
        apply: |c, a| number(a, 1, i32::MAX as i64).map(|v| c.databases = v),
        show: |c| c.databases.to_string(),
        mutable: false,
    },
    Directive {
        name: "proto-max-bulk-len",
        default: "512mb",
        apply: |c, a| number(a, 1024 * 1024, i64::MAX).map(|v| c.proto_max_bulk_len = v),
        show: |c| c.proto_max_bulk_len.to_string(),
        mutable: true,
    },
    Directive {
        name: "requirepass",
        default: "\"\"",
        apply: |c, a| one(a).map(|v| c.requirepass = v.to_string()),
        show: |c| c.requirepass.clone(),
        mutable: true,
    },
    Directive {
        name: "maxclients",
        default: "10000",
        apply: |c, a| number(a, 1, u32::MAX as i64).map(|v| c.maxclients = v),
        show: |c| c.maxclients.to_string(),
        mutable: true,
    },
    Directive {
        name: "timeout",
        default: "0",
        apply: |c, a| number(a, 0, i32::MAX as i64).map(|v| c.timeout = v),
        show: |c| c.timeout.to_string(),
        mutable: true,
    },
    Directive {
        name: "slowlog-log-slower-than",
        default: "10000",
        apply: |c, a| number(a, -1, i64::MAX).map(|v| c.slowlog_log_slower_than = v),
        show: |c| c.slowlog_log_slower_than.to_string(),
        mutable: true,
    },
    Directive {
        name: "slowlog-max-len",
        default: "128",
        apply: |c, a| number(a, 0, i64::MAX).map(|v| c.slowlog_max_len = v),
        show: |c| c.slowlog_max_len.to_string(),
        mutable: true,
    },
    Directive {
        name: "hz",
        default: "10",
        apply: |c, a| number(a, 1, 500).map(|v| c.hz = v),
        show: |c| c.hz.to_string(),
        mutable: true,
    },
    // Persistence is not built yet: these two say so truthfully (no save points, no AOF) and
    // refuse any setting that would promise persistence.
    Directive {
        name: "save",
        default: "\"\"",
        apply: |_, a| match a {
            [v] if v.is_empty() => Ok(()),
            _ => Err("snapshots are not supported yet: only `save \"\"` is accepted".into()),
        },
        show: |_| String::new(),
        mutable: false,
    },
    Directive {
        name: "appendonly",
        default: "no",
        apply: |_, a| match a {
            [v] if v.eq_ignore_ascii_case("no") => Ok(()),
            _ => Err(
                "the append-only file is not supported yet: only `appendonly no` is accepted"
                    .into(),
            ),
        },
        show: |_| "no".into(),
        mutable: false,
    },
];

/// Declares an encoding threshold under its name and its Redis 6 `ziplist` alias, which
/// Redis 7.0 still accepts in the config file and in CONFIG GET/SET.
macro_rules! threshold {
    ($name:literal, $alias:literal, $default:literal, $min:expr, $field:ident) => {
        [
            Directive {
                name: $name,
                default: $default,
                apply: |c, a| number(a, $min, i64::MAX).map(|v| c.encodings.$field = v),
                show: |c| c.encodings.$field.to_string(),
                mutable: true,
            },
            Directive {
                name: $alias,
                default: $default,
                apply: |c, a| number(a, $min, i64::MAX).map(|v| c.encodings.$field = v),
                show: |c| c.encodings.$field.to_string(),
                mutable: true,
            },
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
        list_max_listpack_size
    ),
    threshold!(
        "hash-max-listpack-entries",
        "hash-max-ziplist-entries",
        "512",
        0,
        hash_max_listpack_entries
    ),
    threshold!(
        "hash-max-listpack-value",
        "hash-max-ziplist-value",
        "64",
        0,
        hash_max_listpack_value
    ),
    threshold!(
        "set-max-intset-entries",
        "set-max-intset-entries",
        "512",
        0,
        set_max_intset_entries
    ),
    threshold!(
        "zset-max-listpack-entries",
        "zset-max-ziplist-entries",
        "128",
        0,
        zset_max_listpack_entries
    ),
    threshold!(
        "zset-max-listpack-value",
        "zset-max-ziplist-value",
        "64",
        0,
        zset_max_listpack_value
    ),
];

/// Every directive: the table above and the thresholds (an alias may repeat a name; the
/// first declaration wins).
pub fn all_directives() -> impl Iterator<Item = &'static Directive> {
    let mut seen: Vec<&'static str> = Vec::new();
    DIRECTIVES
        .iter()
        .chain(THRESHOLDS.iter().flatten())
        .filter(move |d| {
            if seen.contains(&d.name) {
                false
            } else {
                seen.push(d.name);
                true
            }
        })
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
    let d = all_directives()
        .find(|d| d.name.eq_ignore_ascii_case(name))
        .ok_or_else(|| "Bad directive or wrong number of arguments".to_string())?;
    (d.apply)(config, args)
}

/// Applies the text of a config file; errors name the line as Redis does.
pub fn apply_text(config: &mut Config, text: &str) -> Result<(), String> {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
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
        apply(config, name, args).map_err(|reason| fatal(i + 1, trimmed, &reason))?;
    }
    Ok(())
}

fn fatal(line_no: usize, line: &str, reason: &str) -> String {
    format!(
        "\n*** FATAL CONFIG FILE ERROR (Redis {}) ***\nReading the configuration file, at line {line_no}\n>>> '{line}'\n{reason}",
        crate::REDIS_VERSION
    )
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
        let err = apply_text(&mut c, "port 7000\nnosuch 1\n").unwrap_err();
        assert!(
            err.contains("at line 2") && err.contains(">>> 'nosuch 1'"),
            "{err}"
        );
        assert_eq!(parse_memory("1kb"), Some(1024));
        assert_eq!(parse_memory("2m"), Some(2_000_000));
        assert!(apply_text(&mut c, "save 60 1000\n").is_err());
        assert!(apply_text(&mut c, "save \"\"\nappendonly no\n").is_ok());
        assert!(apply_text(&mut c, "hash-max-ziplist-entries 7\n").is_ok());
        assert_eq!(c.encodings.hash_max_listpack_entries, 7);
        assert_eq!(matching(&c, &[b"hash-max-listpack-entries"])[0].1, "7");
    }

    #[test]
    fn config_get_matches_globs_once() {
        let c = Config::default();
        let got = matching(&c, &[b"p*", b"port"]);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["port", "proto-max-bulk-len"]);
        assert_eq!(got[0].1, "6379");
        assert_eq!(
            matching(&c, &[b"save"]),
            vec![("save".to_string(), String::new())]
        );
        assert_eq!(
            matching(&c, &[b"HZ"]),
            vec![("HZ".to_string(), "10".to_string())]
        );
    }
}
