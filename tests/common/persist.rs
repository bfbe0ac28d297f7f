//! Helpers for the persistence tests (`tests/persistence.rs`, `tests/aof.rs`): reading a
//! whole dataset back through commands, INFO fields, stopping a server the ways an operator
//! does, and damaging its files the few ways the tests may without parsing them (shardis's
//! snapshot is not RDB and it writes one AOF segment per shard, so the tests only flip a
//! byte, cut a tail, or sum sizes).

use super::{connect, q, Server};
use redis::{Connection, Value};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One key's value as commands read it back: collections in a canonical order (hash fields
/// and set members sorted; a sorted set as ZRANGE WITHSCORES gives it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dumped {
    /// GET.
    String(Vec<u8>),
    /// LRANGE 0 -1.
    List(Vec<Vec<u8>>),
    /// HGETALL, sorted by field.
    Hash(Vec<(Vec<u8>, Vec<u8>)>),
    /// SMEMBERS, sorted.
    Set(Vec<Vec<u8>>),
    /// ZRANGE 0 -1 WITHSCORES (scores as the server prints them).
    ZSet(Vec<(Vec<u8>, Vec<u8>)>),
}

/// Everything in the current database of `con`: key → (value, OBJECT ENCODING). Reads in
/// pipelines of a few hundred keys so that large datasets stay quick on a debug build.
pub fn dump_db(con: &mut Connection) -> BTreeMap<Vec<u8>, (Dumped, String)> {
    let keys: Vec<Vec<u8>> = q(con, &["KEYS", "*"]);
    let mut out = BTreeMap::new();
    for chunk in keys.chunks(500) {
        let mut types = redis::pipe();
        for key in chunk {
            types.cmd("TYPE").arg(key);
        }
        let types: Vec<String> = types.query(con).expect("TYPE pipeline");
        let mut reads = redis::pipe();
        for (key, kind) in chunk.iter().zip(&types) {
            match kind.as_str() {
                "string" => reads.cmd("GET").arg(key),
                "list" => reads.cmd("LRANGE").arg(key).arg(0).arg(-1),
                "hash" => reads.cmd("HGETALL").arg(key),
                "set" => reads.cmd("SMEMBERS").arg(key),
                "zset" => reads
                    .cmd("ZRANGE")
                    .arg(key)
                    .arg(0)
                    .arg(-1)
                    .arg("WITHSCORES"),
                other => panic!("unexpected type {other} of {}", key.escape_ascii()),
            };
            reads.cmd("OBJECT").arg("ENCODING").arg(key);
        }
        let values: Vec<Value> = reads.query(con).expect("read pipeline");
        for ((key, kind), pair) in chunk.iter().zip(&types).zip(values.chunks(2)) {
            let encoding: String =
                redis::from_redis_value(pair[1].clone()).expect("OBJECT ENCODING reply");
            let value = pair[0].clone();
            let dumped = match kind.as_str() {
                "string" => Dumped::String(redis::from_redis_value(value.clone()).expect("GET")),
                "list" => Dumped::List(redis::from_redis_value(value.clone()).expect("LRANGE")),
                "hash" => {
                    let flat: Vec<Vec<u8>> =
                        redis::from_redis_value(value.clone()).expect("HGETALL");
                    let mut pairs: Vec<_> = flat
                        .chunks(2)
                        .map(|p| (p[0].clone(), p[1].clone()))
                        .collect();
                    pairs.sort();
                    Dumped::Hash(pairs)
                }
                "set" => {
                    let mut members: Vec<Vec<u8>> =
                        redis::from_redis_value(value.clone()).expect("SMEMBERS");
                    members.sort();
                    Dumped::Set(members)
                }
                _ => {
                    let flat: Vec<Vec<u8>> =
                        redis::from_redis_value(value.clone()).expect("ZRANGE");
                    Dumped::ZSet(
                        flat.chunks(2)
                            .map(|p| (p[0].clone(), p[1].clone()))
                            .collect(),
                    )
                }
            };
            out.insert(key.clone(), (dumped, encoding));
        }
    }
    out
}

/// The value of `field` in `INFO persistence`; panics if the field is missing.
pub fn info_persistence(con: &mut Connection, field: &str) -> String {
    let text: String = q(con, &["INFO", "persistence"]);
    text.lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("INFO persistence has no {field}:\n{text}"))
        .trim()
        .to_string()
}

/// Waits (up to a minute) until no BGSAVE runs, then asserts that the last one succeeded.
pub fn wait_bgsave_done(server: &Server) {
    let mut con = connect(server);
    assert!(
        super::wait_until(Duration::from_secs(60), || info_persistence(
            &mut con,
            "rdb_bgsave_in_progress"
        ) == "0"),
        "BGSAVE still running after a minute"
    );
    assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "ok");
}

/// Waits (up to a minute) until no AOF rewrite runs or is scheduled, then asserts that the
/// last one succeeded.
pub fn wait_rewrite_done(server: &Server) {
    let mut con = connect(server);
    assert!(
        super::wait_until(Duration::from_secs(60), || {
            info_persistence(&mut con, "aof_rewrite_in_progress") == "0"
                && info_persistence(&mut con, "aof_rewrite_scheduled") == "0"
        }),
        "BGREWRITEAOF still running after a minute"
    );
    assert_eq!(
        info_persistence(&mut con, "aof_last_bgrewrite_status"),
        "ok"
    );
}

/// Sends `SHUTDOWN <how>` ("" for none) and asserts that the server closes the connection
/// without a reply and exits with status 0.
pub fn shutdown(server: &mut Server, how: &str) {
    let mut conn = server.raw();
    let words: Vec<&[u8]> = if how.is_empty() {
        vec![b"SHUTDOWN"]
    } else {
        vec![b"SHUTDOWN", how.as_bytes()]
    };
    conn.send(&super::encode_command(&words))
        .expect("send SHUTDOWN");
    let (replies, closed) = conn
        .read_until_quiet(Duration::from_secs(20))
        .expect("read after SHUTDOWN");
    assert!(
        replies.is_empty() && closed,
        "SHUTDOWN {how}: replies {:?}, closed {closed}",
        replies
            .iter()
            .map(|r| super::show_bytes(r))
            .collect::<Vec<_>>()
    );
    let status = server
        .wait_exit(Duration::from_secs(20))
        .expect("server still running after SHUTDOWN");
    assert!(status.success(), "SHUTDOWN {how}: exit status {status}");
}

/// Inverts a few bits of the byte in the middle of `path`.
pub fn flip_middle_byte(path: &Path) {
    let mut bytes = fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert!(bytes.len() > 2, "{} is too short to damage", path.display());
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x5a;
    fs::write(path, bytes).expect("write the damaged file");
}

/// Cuts the last `n` bytes off `path`.
pub fn cut_tail(path: &Path, n: u64) {
    let file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    let len = file.metadata().expect("metadata").len();
    assert!(len > n, "{} has only {len} bytes", path.display());
    file.set_len(len - n).expect("truncate");
}

/// The total size of the regular files in `dir` (0 if it does not exist).
pub fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The most recently modified `*.incr.aof` segment in `dir` (Redis has one; shardis one per
/// shard, and the newest holds the last command written).
/// The incremental AOF segment in `dir` whose content ends with `tail` (the one holding the
/// last command a test wrote; file times are too coarse to tell segments written within the
/// same few milliseconds apart).
pub fn incr_segment_ending_with(dir: &Path, tail: &[u8]) -> PathBuf {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".incr.aof"))
        .map(|e| e.path())
        .find(|p| fs::read(p).is_ok_and(|bytes| bytes.ends_with(tail)))
        .unwrap_or_else(|| panic!("no *.incr.aof in {} ends with {tail:?}", dir.display()))
}

/// Sets `n` keys `k0`.. to 20-byte values, a thousand per MSET: enough data that a save or a
/// rewrite takes a moment.
pub fn fill_keys(con: &mut Connection, n: usize) {
    let pairs: Vec<(String, String)> = (0..n).map(|i| (format!("k{i}"), "v".repeat(20))).collect();
    for chunk in pairs.chunks(1000) {
        let _: () = redis::cmd("MSET").arg(chunk).query(con).expect("MSET");
    }
}
