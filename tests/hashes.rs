//! End-to-end tests of the hash commands, through the real binary and the `redis` crate:
//! every command and option, their errors as the client sees them, RESP3 replies, both
//! encodings, a 10,000-field hash, and HSCAN iterations collected as sets.
//!
//! Each test runs against shardis with 1 and 4 shards. With `SHARDIS_E2E_REDIS=1` it runs
//! against a real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{cmd, connect, each_server, encoding, int, q, Server, NOT_INTEGER, SYNTAX, WRONGTYPE};
use redis::{Connection, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 4];

/// A RESP3 connection (`HELLO 3` sent by the client on connect).
fn connect_resp3(server: &Server) -> Connection {
    let url = format!("redis://127.0.0.1:{}/?protocol=resp3", server.port());
    redis::Client::open(url)
        .expect("redis client")
        .get_connection()
        .expect("connect with RESP3")
}

/// Runs a command that must fail and returns its error line (`CODE detail`).
fn err(con: &mut Connection, words: &[&str]) -> String {
    match cmd(words).query::<Value>(con) {
        Ok(v) => panic!("{words:?}: expected an error, got {v:?}"),
        Err(e) => format!("{} {}", e.code().unwrap_or("?"), e.detail().unwrap_or("")),
    }
}

/// Asserts that `words` fails with exactly `expected`.
fn assert_err(con: &mut Connection, words: &[&str], expected: &str) {
    assert_eq!(err(con, words), expected, "{words:?}");
}

/// The server's `hash-max-listpack-entries` (the thresholds tests adapt to it).
fn max_listpack_entries(con: &mut Connection) -> usize {
    let pairs: HashMap<String, String> = q(con, &["CONFIG", "GET", "hash-max-listpack-entries"]);
    pairs["hash-max-listpack-entries"]
        .parse()
        .expect("a number")
}

/// Sets fields `{prefix}{i}` to `{value_prefix}{i}` for `i` in `range`, in HSETs of 500 pairs.
fn fill(
    con: &mut Connection,
    key: &str,
    prefix: &str,
    value_prefix: &str,
    range: std::ops::Range<usize>,
) {
    let fields: Vec<usize> = range.collect();
    for chunk in fields.chunks(500) {
        let mut c = redis::cmd("HSET");
        c.arg(key);
        for i in chunk {
            c.arg(format!("{prefix}{i}"))
                .arg(format!("{value_prefix}{i}"));
        }
        let added: i64 = c.query(con).expect("HSET");
        assert_eq!(added, chunk.len() as i64);
    }
}

/// Runs HSCAN on `key` to the end with `extra` options and returns every field and value
/// seen (a field returned twice must carry the same value), and the number of calls.
fn hscan_all(con: &mut Connection, key: &str, extra: &[&str]) -> (BTreeMap<String, String>, usize) {
    let mut seen = BTreeMap::new();
    let mut cursor = "0".to_string();
    let mut calls = 0;
    loop {
        let mut words = vec!["HSCAN", key, &cursor];
        words.extend_from_slice(extra);
        let (next, items): (String, Vec<String>) = q(con, &words);
        assert_eq!(items.len() % 2, 0, "HSCAN replies pairs");
        for pair in items.chunks(2) {
            if let Some(old) = seen.insert(pair[0].clone(), pair[1].clone()) {
                assert_eq!(old, pair[1], "field {} changed value", pair[0]);
            }
        }
        calls += 1;
        assert!(calls < 100_000, "HSCAN did not finish");
        if next == "0" {
            return (seen, calls);
        }
        cursor = next;
    }
}

const NOT_FLOAT: &str = "ERR value is not a valid float";

#[test]
fn hset_hget_and_friends() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(
            int(&mut con, &["HSET", "user:1", "name", "ada", "age", "36"]),
            2
        );
        assert_eq!(
            int(&mut con, &["HSET", "user:1", "age", "37", "lang", "en"]),
            1
        );
        assert_eq!(q::<String>(&mut con, &["HGET", "user:1", "age"]), "37");
        assert_eq!(
            q::<Option<String>>(&mut con, &["HGET", "user:1", "nope"]),
            None
        );
        assert_eq!(q::<Option<String>>(&mut con, &["HGET", "nokey", "a"]), None);
        assert_eq!(
            q::<Value>(&mut con, &["HMSET", "user:1", "city", "London"]),
            Value::Okay
        );
        assert_eq!(
            q::<Vec<Option<String>>>(&mut con, &["HMGET", "user:1", "name", "nope", "city"]),
            [Some("ada".to_string()), None, Some("London".to_string())]
        );
        assert_eq!(
            q::<Vec<Option<String>>>(&mut con, &["HMGET", "nokey", "a", "b"]),
            [None, None]
        );
        assert_eq!(int(&mut con, &["HSETNX", "user:1", "name", "bob"]), 0);
        assert_eq!(int(&mut con, &["HSETNX", "user:1", "email", "a@b"]), 1);
        assert_eq!(int(&mut con, &["HEXISTS", "user:1", "email"]), 1);
        assert_eq!(int(&mut con, &["HEXISTS", "user:1", "phone"]), 0);
        assert_eq!(int(&mut con, &["HEXISTS", "nokey", "phone"]), 0);
        assert_eq!(int(&mut con, &["HLEN", "user:1"]), 5);
        assert_eq!(int(&mut con, &["HLEN", "nokey"]), 0);
        assert_eq!(int(&mut con, &["HSTRLEN", "user:1", "city"]), 6);
        assert_eq!(int(&mut con, &["HSTRLEN", "user:1", "nope"]), 0);
        // A small hash replies in insertion order, updates keeping their place.
        assert_eq!(
            q::<Vec<String>>(&mut con, &["HKEYS", "user:1"]),
            ["name", "age", "lang", "city", "email"]
        );
        assert_eq!(
            q::<Vec<String>>(&mut con, &["HVALS", "user:1"]),
            ["ada", "37", "en", "London", "a@b"]
        );
        assert_eq!(
            q::<Vec<String>>(&mut con, &["HGETALL", "user:1"]),
            ["name", "ada", "age", "37", "lang", "en", "city", "London", "email", "a@b"]
        );
        let all: HashMap<String, String> = q(&mut con, &["HGETALL", "user:1"]);
        assert_eq!(all.len(), 5);
        assert!(q::<Vec<String>>(&mut con, &["HGETALL", "nokey"]).is_empty());
        assert!(q::<Vec<String>>(&mut con, &["HKEYS", "nokey"]).is_empty());
        assert!(q::<Vec<String>>(&mut con, &["HVALS", "nokey"]).is_empty());
        // HDEL, and the key goes with its last field.
        assert_eq!(int(&mut con, &["HDEL", "user:1", "age", "age", "nope"]), 1);
        assert_eq!(int(&mut con, &["HDEL", "nokey", "a"]), 0);
        assert_eq!(
            int(
                &mut con,
                &["HDEL", "user:1", "name", "lang", "city", "email"]
            ),
            4
        );
        assert_eq!(int(&mut con, &["EXISTS", "user:1"]), 0);
        assert_eq!(q::<String>(&mut con, &["TYPE", "user:1"]), "none");
        // Binary-safe fields and values.
        let field = b"f\x00\r\n\xff".to_vec();
        let value = b"\x00v\xfe".to_vec();
        let added: i64 = redis::cmd("HSET")
            .arg("bin")
            .arg(&field)
            .arg(&value)
            .query(&mut con)
            .expect("HSET");
        assert_eq!(added, 1);
        let got: Vec<u8> = redis::cmd("HGET")
            .arg("bin")
            .arg(&field)
            .query(&mut con)
            .expect("HGET");
        assert_eq!(got, value);
        assert_eq!(q::<String>(&mut con, &["TYPE", "bin"]), "hash");
    });
}

#[test]
fn counters() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["HINCRBY", "c", "n", "5"]), 5);
        assert_eq!(int(&mut con, &["HINCRBY", "c", "n", "-8"]), -3);
        assert_eq!(q::<String>(&mut con, &["HGET", "c", "n"]), "-3");
        assert_err(&mut con, &["HINCRBY", "c", "n", "1.5"], NOT_INTEGER);
        assert_err(&mut con, &["HINCRBY", "c", "n", "x"], NOT_INTEGER);
        assert_eq!(
            int(&mut con, &["HINCRBY", "c", "max", "9223372036854775807"]),
            i64::MAX
        );
        assert_err(
            &mut con,
            &["HINCRBY", "c", "max", "1"],
            "ERR increment or decrement would overflow",
        );
        assert_eq!(int(&mut con, &["HSET", "c", "s", "abc"]), 1);
        assert_err(
            &mut con,
            &["HINCRBY", "c", "s", "1"],
            "ERR hash value is not an integer",
        );
        assert_eq!(
            q::<String>(&mut con, &["HINCRBYFLOAT", "c", "f", "0.1"]),
            "0.1"
        );
        assert_eq!(
            q::<String>(&mut con, &["HINCRBYFLOAT", "c", "f", "0.2"]),
            "0.3"
        );
        assert_eq!(
            q::<String>(&mut con, &["HINCRBYFLOAT", "c", "n", "3.5"]),
            "0.5"
        );
        assert_eq!(
            q::<String>(&mut con, &["HINCRBYFLOAT", "c", "f", "1e3"]),
            "1000.29999999999999999"
        );
        assert_eq!(
            q::<String>(&mut con, &["HGET", "c", "f"]),
            "1000.29999999999999999"
        );
        assert_err(&mut con, &["HINCRBYFLOAT", "c", "f", "x"], NOT_FLOAT);
        assert_err(
            &mut con,
            &["HINCRBYFLOAT", "c", "f", "inf"],
            "ERR value is NaN or Infinity",
        );
        assert_err(
            &mut con,
            &["HINCRBYFLOAT", "c", "s", "1"],
            "ERR hash value is not a float",
        );
        assert_eq!(
            int(&mut con, &["HSET", "c", "big", "1.7976931348623157e308"]),
            1
        );
        let big: String = q(
            &mut con,
            &["HINCRBYFLOAT", "c", "big", "1.7976931348623157e308"],
        );
        assert_eq!(big.len(), 309);
        assert_eq!(int(&mut con, &["HSET", "c", "i", "inf"]), 1);
        assert_err(
            &mut con,
            &["HINCRBYFLOAT", "c", "i", "1"],
            "ERR increment would produce NaN or Infinity",
        );
        // Failed increments on a missing key create nothing.
        assert_err(&mut con, &["HINCRBY", "none", "f", "x"], NOT_INTEGER);
        assert_err(
            &mut con,
            &["HINCRBYFLOAT", "none", "f", "-inf"],
            "ERR value is NaN or Infinity",
        );
        assert_eq!(int(&mut con, &["EXISTS", "none"]), 0);
    });
}

#[test]
fn errors_and_wrong_types() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(q::<Value>(&mut con, &["SET", "str", "v"]), Value::Okay);
        for words in [
            &["HSET", "str", "f", "v"][..],
            &["HMSET", "str", "f", "v"],
            &["HSETNX", "str", "f", "v"],
            &["HGET", "str", "f"],
            &["HMGET", "str", "f"],
            &["HGETALL", "str"],
            &["HKEYS", "str"],
            &["HVALS", "str"],
            &["HDEL", "str", "f"],
            &["HEXISTS", "str", "f"],
            &["HLEN", "str"],
            &["HSTRLEN", "str", "f"],
            &["HINCRBY", "str", "f", "1"],
            &["HINCRBYFLOAT", "str", "f", "1"],
            &["HRANDFIELD", "str"],
            &["HRANDFIELD", "str", "2", "WITHVALUES"],
            &["HSCAN", "str", "0"],
        ] {
            assert_err(&mut con, words, WRONGTYPE);
        }
        assert_eq!(q::<String>(&mut con, &["GET", "str"]), "v");
        assert_err(
            &mut con,
            &["HSET", "h", "f", "v", "g"],
            "ERR wrong number of arguments for 'hset' command",
        );
        assert_err(
            &mut con,
            &["HMSET", "h", "f"],
            "ERR wrong number of arguments for 'hmset' command",
        );
        assert_err(
            &mut con,
            &["HGET", "h"],
            "ERR wrong number of arguments for 'hget' command",
        );
        assert_eq!(int(&mut con, &["EXISTS", "h"]), 0);
        assert_err(&mut con, &["HRANDFIELD", "h", "x"], NOT_INTEGER);
        assert_err(&mut con, &["HRANDFIELD", "h", "1", "VALUES"], SYNTAX);
        assert_err(
            &mut con,
            &["HRANDFIELD", "h", "-9223372036854775808"],
            "ERR value is out of range, value must between -9223372036854775807 and \
             9223372036854775807",
        );
        assert_err(
            &mut con,
            &["HRANDFIELD", "h", "4611686018427387904", "WITHVALUES"],
            "ERR value is out of range",
        );
        assert_err(&mut con, &["HSCAN", "h", "x"], "ERR invalid cursor");
        assert_eq!(int(&mut con, &["HSET", "h", "f", "v"]), 1);
        assert_err(&mut con, &["HSCAN", "h", "0", "COUNT", "0"], SYNTAX);
        assert_err(&mut con, &["HSCAN", "h", "0", "COUNT", "x"], NOT_INTEGER);
        assert_err(&mut con, &["HSCAN", "h", "0", "TYPE", "hash"], SYNTAX);
        assert_err(&mut con, &["HSCAN", "h", "0", "MATCH"], SYNTAX);
    });
}

#[test]
fn hrandfield_counts_and_values() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(
            q::<Option<String>>(&mut con, &["HRANDFIELD", "nokey"]),
            None
        );
        assert!(q::<Vec<String>>(&mut con, &["HRANDFIELD", "nokey", "5"]).is_empty());
        fill(&mut con, "r", "f", "v", 0..10);
        let all: HashSet<String> = (0..10).map(|i| format!("f{i}")).collect();
        for _ in 0..20 {
            let one: String = q(&mut con, &["HRANDFIELD", "r"]);
            assert!(all.contains(&one));
        }
        assert!(q::<Vec<String>>(&mut con, &["HRANDFIELD", "r", "0"]).is_empty());
        for count in [1, 3, 9, 10, 50] {
            let got: Vec<String> = q(&mut con, &["HRANDFIELD", "r", &count.to_string()]);
            assert_eq!(got.len(), count.min(10));
            let distinct: HashSet<String> = got.into_iter().collect();
            assert_eq!(distinct.len(), count.min(10));
            assert!(distinct.is_subset(&all));
        }
        let got: Vec<String> = q(&mut con, &["HRANDFIELD", "r", "-500"]);
        assert_eq!(got.len(), 500);
        assert_eq!(got.into_iter().collect::<HashSet<_>>(), all);
        for count in ["4", "-25", "100"] {
            let got: Vec<String> = q(&mut con, &["HRANDFIELD", "r", count, "WITHVALUES"]);
            let want = count.parse::<i64>().expect("count").unsigned_abs() as usize;
            let want = if count.starts_with('-') {
                want
            } else {
                want.min(10)
            };
            assert_eq!(got.len(), 2 * want);
            for pair in got.chunks(2) {
                assert_eq!(pair[0][1..], pair[1][1..]);
            }
        }
    });
}

#[test]
fn resp3_replies() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect_resp3(server);
        assert_eq!(int(&mut con, &["HSET", "h", "a", "1", "b", "2"]), 2);
        assert_eq!(
            q::<Value>(&mut con, &["HGETALL", "h"]),
            Value::Map(vec![
                (
                    Value::BulkString(b"a".to_vec()),
                    Value::BulkString(b"1".to_vec())
                ),
                (
                    Value::BulkString(b"b".to_vec()),
                    Value::BulkString(b"2".to_vec())
                ),
            ])
        );
        assert_eq!(
            q::<Value>(&mut con, &["HGETALL", "nokey"]),
            Value::Map(vec![])
        );
        assert_eq!(
            q::<Value>(&mut con, &["HKEYS", "h"]),
            Value::Array(vec![
                Value::BulkString(b"a".to_vec()),
                Value::BulkString(b"b".to_vec())
            ])
        );
        assert_eq!(q::<Value>(&mut con, &["HGET", "h", "zz"]), Value::Nil);
        let pair = |f: &str, v: &str| {
            Value::Array(vec![
                Value::BulkString(f.as_bytes().to_vec()),
                Value::BulkString(v.as_bytes().to_vec()),
            ])
        };
        assert_eq!(
            q::<Value>(&mut con, &["HRANDFIELD", "h", "5", "WITHVALUES"]),
            Value::Array(vec![pair("a", "1"), pair("b", "2")])
        );
        assert_eq!(int(&mut con, &["HDEL", "h", "b"]), 1);
        assert_eq!(
            q::<Value>(&mut con, &["HRANDFIELD", "h", "-2", "WITHVALUES"]),
            Value::Array(vec![pair("a", "1"), pair("a", "1")])
        );
        assert_eq!(
            q::<Value>(&mut con, &["HRANDFIELD", "nokey", "2", "WITHVALUES"]),
            Value::Array(vec![])
        );
    });
}

#[test]
fn encodings_convert_at_the_thresholds() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let max = max_listpack_entries(&mut con);
        fill(&mut con, "e", "f", "v", 0..max);
        assert_eq!(encoding(&mut con, "e"), "listpack");
        // A listpack replies in insertion order.
        let keys: Vec<String> = q(&mut con, &["HKEYS", "e"]);
        assert_eq!(keys, (0..max).map(|i| format!("f{i}")).collect::<Vec<_>>());
        assert_eq!(int(&mut con, &["HSET", "e", "one-more", "v"]), 1);
        assert_eq!(encoding(&mut con, "e"), "hashtable");
        assert_eq!(int(&mut con, &["HDEL", "e", "one-more", "f0", "f1"]), 3);
        assert_eq!(encoding(&mut con, "e"), "hashtable");
        let (l64, l65) = ("x".repeat(64), "x".repeat(65));
        assert_eq!(int(&mut con, &["HSET", "v", "f", &l64, &l64, "v"]), 2);
        assert_eq!(encoding(&mut con, "v"), "listpack");
        assert_eq!(int(&mut con, &["HSET", "v", "f", &l65]), 0);
        assert_eq!(encoding(&mut con, "v"), "hashtable");
        assert_eq!(int(&mut con, &["HSETNX", "w", &l65, "v"]), 1);
        assert_eq!(encoding(&mut con, "w"), "hashtable");
        assert_eq!(int(&mut con, &["HSET", "x", "f", "1"]), 1);
        let _: String = q(&mut con, &["HINCRBYFLOAT", "x", "f", "1e100"]);
        assert_eq!(encoding(&mut con, "x"), "hashtable");
        // 1 + 1e100 in long double, printed in full.
        assert_eq!(int(&mut con, &["HSTRLEN", "x", "f"]), 100);
    });
}

#[test]
fn ten_thousand_fields() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let n = 10_000;
        fill(&mut con, "big", "field:", "value:", 0..n);
        assert_eq!(int(&mut con, &["HLEN", "big"]), n as i64);
        assert_eq!(encoding(&mut con, "big"), "hashtable");
        for i in [0, 1, 4999, 9999] {
            let f = format!("field:{i}");
            assert_eq!(
                q::<String>(&mut con, &["HGET", "big", &f]),
                format!("value:{i}")
            );
        }
        assert_eq!(
            q::<Option<String>>(&mut con, &["HGET", "big", "field:10000"]),
            None
        );
        let all: HashMap<String, String> = q(&mut con, &["HGETALL", "big"]);
        assert_eq!(all.len(), n);
        assert!(all.iter().all(|(f, v)| f[6..] == v[6..]));
        let keys: HashSet<String> = q(&mut con, &["HKEYS", "big"]);
        assert_eq!(keys.len(), n);
        assert_eq!(q::<Vec<String>>(&mut con, &["HVALS", "big"]).len(), n);
        // HRANDFIELD: distinct below the size, everything at it, repeats when negative.
        let some: HashSet<String> = q(&mut con, &["HRANDFIELD", "big", "100"]);
        assert_eq!(some.len(), 100);
        assert!(some.is_subset(&keys));
        let most: HashSet<String> = q(&mut con, &["HRANDFIELD", "big", "9000"]);
        assert_eq!(most.len(), 9000);
        let every: HashSet<String> = q(&mut con, &["HRANDFIELD", "big", "20000"]);
        assert_eq!(every, keys);
        let repeats: Vec<String> = q(&mut con, &["HRANDFIELD", "big", "-20000"]);
        assert_eq!(repeats.len(), 20_000);
        // HSCAN: the whole hash as a set, in several calls.
        let (seen, calls) = hscan_all(&mut con, "big", &[]);
        assert_eq!(seen.len(), n);
        assert!(calls > 1, "a hashtable is scanned in steps");
        assert!(seen.iter().all(|(f, v)| all.get(f) == Some(v)));
        let (seen, _) = hscan_all(&mut con, "big", &["COUNT", "1000"]);
        assert_eq!(seen.len(), n);
        let (seen, _) = hscan_all(&mut con, "big", &["MATCH", "field:99*", "COUNT", "50"]);
        let want: BTreeMap<String, String> = all
            .iter()
            .filter(|(f, _)| f.starts_with("field:99"))
            .map(|(f, v)| (f.clone(), v.clone()))
            .collect();
        assert_eq!(seen, want);
        assert_eq!(seen.len(), 111);
        // Counters and deletes on the big hash; deleting everything removes the key.
        assert_eq!(int(&mut con, &["HINCRBY", "big", "counter", "7"]), 7);
        assert_eq!(int(&mut con, &["HDEL", "big", "counter"]), 1);
        let fields: Vec<String> = (0..n).map(|i| format!("field:{i}")).collect();
        for chunk in fields.chunks(1000) {
            let mut c = redis::cmd("HDEL");
            c.arg("big").arg(chunk);
            let removed: i64 = c.query(&mut con).expect("HDEL");
            assert_eq!(removed, 1000);
        }
        assert_eq!(int(&mut con, &["EXISTS", "big"]), 0);
    });
}

#[test]
fn hscan_iterates_as_a_set_despite_changes() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(
            q::<(String, Vec<String>)>(&mut con, &["HSCAN", "nokey", "0"]),
            ("0".to_string(), vec![])
        );
        // A listpack comes whole, whatever COUNT says.
        fill(&mut con, "small", "f", "v", 0..20);
        let (cursor, items): (String, Vec<String>) =
            q(&mut con, &["HSCAN", "small", "0", "COUNT", "2"]);
        assert_eq!(cursor, "0");
        assert_eq!(items.len(), 40);
        let (seen, calls) = hscan_all(&mut con, "small", &["MATCH", "f1*"]);
        assert_eq!(calls, 1);
        assert_eq!(seen.len(), 11);
        // A hashtable changed during the scan: every field present throughout is returned.
        let n = 3000;
        fill(&mut con, "t", "f", "v", 0..n);
        let mut seen = HashSet::new();
        let mut cursor = "0".to_string();
        let mut next_odd = 1;
        loop {
            let (next, items): (String, Vec<String>) =
                q(&mut con, &["HSCAN", "t", &cursor, "COUNT", "25"]);
            seen.extend(items.chunks(2).map(|p| p[0].clone()));
            // Delete some odd fields (visited or not) and add new ones between calls.
            for _ in 0..10 {
                if next_odd >= n {
                    break;
                }
                let victim = format!("f{next_odd}");
                assert_eq!(int(&mut con, &["HDEL", "t", &victim]), 1);
                next_odd += 2;
            }
            let extra = format!("new{}", seen.len());
            int(&mut con, &["HSET", "t", &extra, "x"]);
            if next == "0" {
                break;
            }
            cursor = next;
        }
        for i in (0..n).step_by(2) {
            assert!(seen.contains(&format!("f{i}")), "f{i} missed");
        }
    });
}
