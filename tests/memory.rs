//! MEMORY end to end: USAGE routed to the key's shard for every type and encoding, with
//! Redis's errors for its SAMPLES option; STATS with Redis 7.0's fields in Redis's order
//! and figures that add up; DOCTOR, MALLOC-STATS, PURGE and HELP; the per-key estimate
//! checked against what `used_memory` really grew by.
//!
//! Each test runs against shardis with 1 and 4 shards, or with `SHARDIS_E2E_REDIS=1` against
//! a real `redis-server`, which checks that the expectations are Redis's.

mod common;

use common::{connect, each_server, int, ok, parse_resp, q, raw, Resp};
use redis::Connection;

/// The shard counts every test runs shardis with.
const SHARD_COUNTS: &[usize] = &[1, 4];

/// MEMORY USAGE of `key` with `options`, or `None` for a null reply.
fn usage(con: &mut Connection, key: &str, options: &[&str]) -> Option<i64> {
    let mut words = vec!["MEMORY", "USAGE", key];
    words.extend_from_slice(options);
    q(con, &words)
}

#[test]
fn usage_options_and_errors_are_redis() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        ok(&mut con, &["SET", "foo", "bar"]);
        let mut r = server.raw();
        let cases: &[(&[&str], &str)] = &[
            (
                &["MEMORY"],
                "-ERR wrong number of arguments for 'memory' command\r\n",
            ),
            (
                &["MEMORY", "USAGE"],
                "-ERR wrong number of arguments for 'memory|usage' command\r\n",
            ),
            (
                &["memory", "blah"],
                "-ERR unknown subcommand 'blah'. Try MEMORY HELP.\r\n",
            ),
            (
                &["MEMORY", "STATS", "x"],
                "-ERR wrong number of arguments for 'memory|stats' command\r\n",
            ),
            (
                &["MEMORY", "DOCTOR", "x"],
                "-ERR wrong number of arguments for 'memory|doctor' command\r\n",
            ),
            (
                &["MEMORY", "PURGE", "x"],
                "-ERR wrong number of arguments for 'memory|purge' command\r\n",
            ),
            (
                &["MEMORY", "MALLOC-STATS", "x"],
                "-ERR wrong number of arguments for 'memory|malloc-stats' command\r\n",
            ),
            (
                &["MEMORY", "HELP", "x"],
                "-ERR wrong number of arguments for 'memory|help' command\r\n",
            ),
            (
                &["MEMORY", "USAGE", "foo", "SAMPLES"],
                "-ERR syntax error\r\n",
            ),
            (
                &["MEMORY", "USAGE", "foo", "SAMPLES", "-1"],
                "-ERR syntax error\r\n",
            ),
            (
                &["MEMORY", "USAGE", "foo", "foo", "3"],
                "-ERR syntax error\r\n",
            ),
            (
                &["MEMORY", "USAGE", "foo", "SAMPLES", "1", "2"],
                "-ERR syntax error\r\n",
            ),
            (
                &["MEMORY", "USAGE", "foo", "SAMPLES", "x"],
                "-ERR value is not an integer or out of range\r\n",
            ),
            (
                &[
                    "MEMORY",
                    "USAGE",
                    "nokey",
                    "SAMPLES",
                    "99999999999999999999",
                ],
                "-ERR value is not an integer or out of range\r\n",
            ),
            (&["MEMORY", "USAGE", "nokey"], "$-1\r\n"),
            (&["MEMORY", "USAGE", "nokey", "SAMPLES", "0"], "$-1\r\n"),
        ];
        for (words, expected) in cases {
            assert_eq!(
                String::from_utf8_lossy(&raw(&mut r, words)),
                *expected,
                "{words:?}"
            );
        }
        let default = usage(&mut con, "foo", &[]).expect("foo exists");
        assert!(default > 0);
        assert_eq!(usage(&mut con, "foo", &["SAMPLES", "0"]), Some(default));
        assert_eq!(usage(&mut con, "foo", &["samples", "1"]), Some(default));
    });
}

#[test]
fn usage_covers_every_type_and_encoding_on_the_keys_shard() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // Keys of every type, on different shards (4 shards: the names hash apart).
        ok(&mut con, &["SET", "int", "12345"]);
        ok(&mut con, &["SET", "short", "hello"]);
        ok(&mut con, &["SET", "raw", &"x".repeat(5000)]);
        let _: i64 = q(&mut con, &["RPUSH", "list", "a", "b", "c"]);
        let _: i64 = q(&mut con, &["HSET", "hash", "f1", "v1", "f2", "v2"]);
        let _: i64 = q(&mut con, &["SADD", "intset", "1", "2", "3"]);
        let _: i64 = q(&mut con, &["SADD", "set", "a", "b", "c"]);
        let _: i64 = q(&mut con, &["ZADD", "zset", "1", "a", "2", "b"]);
        let mut pipe = redis::pipe();
        for i in 0..1000 {
            let long = format!("{i}-{}", "m".repeat(40));
            pipe.cmd("RPUSH").arg("biglist").arg(&long).ignore();
            pipe.cmd("HSET")
                .arg("bighash")
                .arg(&long)
                .arg(&long)
                .ignore();
            pipe.cmd("SADD").arg("bigset").arg(&long).ignore();
            pipe.cmd("ZADD").arg("bigzset").arg(i).arg(&long).ignore();
        }
        let _: () = pipe.query(&mut con).expect("fill");
        assert_eq!(common::encoding(&mut con, "bighash"), "hashtable");
        assert_eq!(common::encoding(&mut con, "bigset"), "hashtable");
        assert_eq!(common::encoding(&mut con, "bigzset"), "skiplist");
        let small = |con: &mut Connection, key: &str| {
            let bytes = usage(con, key, &[]).unwrap_or_else(|| panic!("{key} exists"));
            assert!((16..1000).contains(&bytes), "{key}: {bytes}");
            bytes
        };
        for key in ["int", "short", "list", "hash", "intset", "set", "zset"] {
            small(&mut con, key);
        }
        let raw_bytes = usage(&mut con, "raw", &[]).unwrap_or(0);
        assert!((5000..6000).contains(&raw_bytes), "raw: {raw_bytes}");
        // A thousand elements of ~45 bytes each: at least their bytes, and not wildly more.
        for (key, per_element) in [
            ("biglist", 45),
            ("bighash", 90),
            ("bigset", 45),
            ("bigzset", 45),
        ] {
            let all = usage(&mut con, key, &["SAMPLES", "0"]).unwrap_or(0);
            let sampled = usage(&mut con, key, &[]).unwrap_or(0);
            let floor = 1000 * per_element;
            assert!(all > floor && all < floor * 5, "{key}: {all}");
            // The first five elements are as long as the others: sampling extrapolates well.
            assert!(
                (sampled - all).abs() < all / 10,
                "{key}: sampled {sampled}, all {all}"
            );
        }
    });
}

/// MEMORY STATS (RESP2) as (name, value) pairs.
fn stats(server: &common::Server) -> Vec<(String, Resp)> {
    let mut r = server.raw();
    let Resp::Array(_, items) = parse_resp(&raw(&mut r, &["MEMORY", "STATS"])) else {
        panic!("MEMORY STATS is an array in RESP2");
    };
    items
        .chunks(2)
        .map(|pair| {
            let name = pair[0].as_bytes().expect("a field name");
            (String::from_utf8_lossy(name).into_owned(), pair[1].clone())
        })
        .collect()
}

fn int_of(fields: &[(String, Resp)], name: &str) -> i64 {
    match fields.iter().find(|(n, _)| n == name) {
        Some((_, Resp::Integer(n))) => *n,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn stats_has_redis_fields_in_redis_order() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let mut pipe = redis::pipe();
        for i in 0..2000 {
            pipe.cmd("SET").arg(format!("k:{i}")).arg("v").ignore();
        }
        let _: () = pipe.query(&mut con).expect("fill");
        ok(&mut con, &["SELECT", "3"]);
        ok(&mut con, &["SET", "three", "v", "EX", "100"]);
        let fields = stats(server);
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        let expected = [
            "peak.allocated",
            "total.allocated",
            "startup.allocated",
            "replication.backlog",
            "clients.slaves",
            "clients.normal",
            "cluster.links",
            "aof.buffer",
            "lua.caches",
            "functions.caches",
            "db.0",
            "db.3",
            "overhead.total",
            "keys.count",
            "keys.bytes-per-key",
            "dataset.bytes",
            "dataset.percentage",
            "peak.percentage",
            "allocator.allocated",
            "allocator.active",
            "allocator.resident",
            "allocator-fragmentation.ratio",
            "allocator-fragmentation.bytes",
            "allocator-rss.ratio",
            "allocator-rss.bytes",
            "rss-overhead.ratio",
            "rss-overhead.bytes",
            "fragmentation",
            "fragmentation.bytes",
        ];
        assert_eq!(names, expected);
        let db = |name: &str| match fields.iter().find(|(n, _)| n == name) {
            Some((_, Resp::Array(_, inner))) => inner.clone(),
            other => panic!("{name}: {other:?}"),
        };
        let db0 = db("db.0");
        let inner: Vec<&[u8]> = db0.iter().step_by(2).filter_map(Resp::as_bytes).collect();
        assert_eq!(
            inner,
            [
                &b"overhead.hashtable.main"[..],
                b"overhead.hashtable.expires",
                b"overhead.hashtable.slot-to-keys"
            ]
        );
        // 2,000 keys: the table is at least an entry per key; no expiry table in db 0.
        let Resp::Integer(main) = db0[1] else {
            panic!("{db0:?}")
        };
        assert!(main >= 2000 * 24, "{main}");
        assert!(matches!(db0[3], Resp::Integer(0)), "{db0:?}");
        assert!(matches!(db("db.3")[3], Resp::Integer(n) if n > 0));
        assert_eq!(int_of(&fields, "keys.count"), 2001);
        // shardis counts its connections' buffers; redis-server 7.0 reports 0 for clients
        // as idle as these (its figure comes from its client-eviction accounting).
        if !server.is_redis() {
            assert!(int_of(&fields, "clients.normal") > 0);
        }
        let total = int_of(&fields, "total.allocated");
        // Redis samples its peak in its cron: it may lag the total, never the startup.
        let startup = int_of(&fields, "startup.allocated");
        assert!(startup < total && int_of(&fields, "peak.allocated") > startup);
        assert_eq!(
            int_of(&fields, "overhead.total") + int_of(&fields, "dataset.bytes"),
            total
        );
        let per_key = int_of(&fields, "keys.bytes-per-key");
        assert!((20..2000).contains(&per_key), "{per_key}");
        for name in ["dataset.percentage", "peak.percentage", "fragmentation"] {
            let Some((_, Resp::Bulk(_, text))) = fields.iter().find(|(n, _)| n == name) else {
                panic!("{name} is a bulk string in RESP2");
            };
            let value: f64 = String::from_utf8_lossy(text).parse().expect("a double");
            assert!(value > 0.0, "{name} {value}");
        }
        // RESP3: a map, with a map per database.
        let mut r = server.raw();
        let _ = raw(&mut r, &["HELLO", "3"]);
        let Resp::Map(b'%', pairs) = parse_resp(&raw(&mut r, &["MEMORY", "STATS"])) else {
            panic!("MEMORY STATS is a map in RESP3");
        };
        assert_eq!(pairs.len(), expected.len());
        assert!(matches!(&pairs[10].1, Resp::Map(b'%', inner) if inner.len() == 3));
    });
}

#[test]
fn doctor_malloc_stats_purge_and_help() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let doctor: String = q(&mut con, &["MEMORY", "DOCTOR"]);
        assert!(
            doctor.starts_with("Hi Sam, this instance is empty or is using very little memory"),
            "{doctor}"
        );
        let malloc: String = q(&mut con, &["MEMORY", "MALLOC-STATS"]);
        assert!(malloc.starts_with("___ Begin jemalloc statistics ___\n"));
        ok(&mut con, &["MEMORY", "PURGE"]);
        let mut r = server.raw();
        let help = raw(&mut r, &["MEMORY", "HELP"]);
        let expected =
            "*14\r\n+MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n\
            +DOCTOR\r\n+    Return memory problems reports.\r\n+MALLOC-STATS\r\n\
            +    Return internal statistics report from the memory allocator.\r\n+PURGE\r\n\
            +    Attempt to purge dirty pages for reclamation by the allocator.\r\n+STATS\r\n\
            +    Return information about the memory usage of the server.\r\n\
            +USAGE <key> [SAMPLES <count>]\r\n\
            +    Return memory in bytes used by <key> and its value. Nested values are\r\n\
            +    sampled up to <count> times (default: 5, 0 means sample all).\r\n\
            +HELP\r\n+    Prints this help.\r\n";
        assert_eq!(String::from_utf8_lossy(&help), expected);
        // Inside MULTI, MEMORY USAGE is queued and answers in EXEC's array.
        ok(&mut con, &["SET", "k", "v"]);
        ok(&mut con, &["MULTI"]);
        let _: String = q(&mut con, &["MEMORY", "USAGE", "k"]);
        let _: String = q(&mut con, &["MEMORY", "USAGE", "missing"]);
        let replies: Vec<Option<i64>> = q(&mut con, &["EXEC"]);
        assert!(
            matches!(replies[..], [Some(n), None] if n > 0),
            "{replies:?}"
        );
    });
}

/// Queues the write of one key of a given shape.
type WriteKey = fn(&mut redis::Pipeline, &str);

/// The estimate is real: for many keys of one shape, the sum of MEMORY USAGE is close to
/// what `used_memory` grew by when they were written.
#[test]
fn usage_adds_up_to_what_used_memory_grew_by() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let shapes: [(&str, WriteKey); 6] = [
            ("string", |p, k| {
                p.cmd("SET").arg(k).arg("value-of-some-length").ignore();
            }),
            ("integer", |p, k| {
                p.cmd("SET").arg(k).arg("1234567890").ignore();
            }),
            ("hash", |p, k| {
                p.cmd("HSET")
                    .arg(k)
                    .arg("name")
                    .arg("someone")
                    .arg("age")
                    .arg("42")
                    .arg("city")
                    .arg("somewhere")
                    .ignore();
            }),
            ("set", |p, k| {
                p.cmd("SADD")
                    .arg(k)
                    .arg("red")
                    .arg("green")
                    .arg("blue")
                    .ignore();
            }),
            ("intset", |p, k| {
                p.cmd("SADD").arg(k).arg("1").arg("22").arg("333").ignore();
            }),
            ("hashtable", |p, k| {
                // A value past hash-max-listpack-value (64) makes it a hashtable.
                p.cmd("HSET")
                    .arg(k)
                    .arg("name")
                    .arg("someone")
                    .arg("bio")
                    .arg("b".repeat(70))
                    .ignore();
            }),
        ];
        let keys = 20_000;
        for (shape, write) in shapes {
            ok(&mut con, &["FLUSHALL"]);
            let before = info_used_memory(&mut con);
            for chunk in (0..keys).collect::<Vec<_>>().chunks(1000) {
                let mut pipe = redis::pipe();
                for i in chunk {
                    write(&mut pipe, &format!("{shape}:{i:08}"));
                }
                let _: () = pipe.query(&mut con).expect("fill");
            }
            let grown = info_used_memory(&mut con) - before;
            let mut pipe = redis::pipe();
            for i in (0..keys).step_by(20) {
                pipe.cmd("MEMORY")
                    .arg("USAGE")
                    .arg(format!("{shape}:{i:08}"));
            }
            let sampled: Vec<i64> = pipe.query(&mut con).expect("usage");
            let estimate = sampled.iter().sum::<i64>() * 20;
            eprintln!(
                "{shape}: used_memory grew {} per key, MEMORY USAGE says {}",
                grown / keys,
                estimate / keys
            );
            assert!(
                estimate > grown * 6 / 10 && estimate < grown * 14 / 10,
                "{shape}: estimate {estimate}, grown {grown}"
            );
        }
        assert_eq!(int(&mut con, &["DBSIZE"]), keys);
    });
}

fn info_used_memory(con: &mut Connection) -> i64 {
    let text: String = q(con, &["INFO", "memory"]);
    text.lines()
        .find_map(|l| l.strip_prefix("used_memory:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("used_memory")
}
