//! The test bench the hash unit tests share: one shard run without a runtime, and helpers
//! that spell RESP replies and fill or inspect hashes.

use super::fields::hset;
use crate::shard::Shard;
use crate::value::Value;

pub(super) use crate::types::test_resp::bulk;
pub(super) use crate::types::test_resp::{err, int, run, run3, run_proto};

/// A RESP2 array of bulk strings.
pub(super) fn arr(items: &[&str]) -> String {
    let mut out = format!("*{}\r\n", items.len());
    for i in items {
        out.push_str(&bulk(i));
    }
    out
}

pub(super) const NULL: &str = "$-1\r\n";

pub(super) const OK: &str = "+OK\r\n";

pub(super) const EMPTY: &str = "*0\r\n";

/// A shard with the thresholds of redis.conf (128 fields, 64 bytes) set explicitly, so the
/// tests do not depend on the defaults.
pub(super) fn shard(seed: u64) -> Shard {
    let mut s = Shard::new(16, seed);
    s.limits.hash_max_listpack_entries = 128;
    s.limits.hash_max_listpack_value = 64;
    s
}

pub(super) fn stats(s: &Shard) -> (u64, u64) {
    (s.stats.keyspace_hits, s.stats.keyspace_misses)
}

pub(super) fn encoding(s: &mut Shard, key: &str) -> Option<&'static str> {
    s.dbs[0].get(key.as_bytes(), 0).map(Value::encoding)
}

/// The elements of a flat RESP2 array of bulk strings.
pub(super) fn elements(reply: &str) -> Vec<String> {
    let lines: Vec<&str> = reply.split("\r\n").collect();
    assert!(lines[0].starts_with('*'), "{reply}");
    let n: usize = lines[0][1..].parse().unwrap();
    (0..n).map(|i| lines[2 + 2 * i].to_string()).collect()
}

/// The cursor and the flat field/value list of an HSCAN reply.
pub(super) fn parse_hscan(reply: &str) -> (u64, Vec<String>) {
    let lines: Vec<&str> = reply.split("\r\n").collect();
    assert_eq!(lines[0], "*2", "{reply}");
    let cursor = lines[2].parse().unwrap();
    let n: usize = lines[3][1..].parse().unwrap();
    (
        cursor,
        (0..n).map(|i| lines[5 + 2 * i].to_string()).collect(),
    )
}

/// A hash `key` with fields f0..f{n-1} holding v0..v{n-1}, set one by one.
pub(super) fn fill(s: &mut Shard, key: &str, n: usize) {
    for i in 0..n {
        let (f, v) = (format!("f{i}"), format!("v{i}"));
        assert_eq!(run(s, hset, &["HSET", key, &f, &v]), int(1));
    }
}
