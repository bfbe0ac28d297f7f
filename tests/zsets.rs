//! End-to-end tests of the sorted set commands, through the real binary and the `redis`
//! crate: scores and their text, every range form, pops, the set operations over keys on
//! different shards (sorted sets and plain sets as inputs), the encodings at their
//! thresholds, RESP3 replies byte for byte, errors as the client sees them, and a sorted set
//! large enough for its rank queries to matter.
//!
//! Each test runs against shardis with 1 and 4 shards. With `SHARDIS_E2E_REDIS=1` it runs
//! against a real `redis-server` instead, which checks the tests themselves.
//!
//! With 4 shards the keys `a`, `b`, `c` and `{x}1` live on shards 3, 0, 1 and 3, so the
//! multi-key commands over them gather values from several shards.

mod common;

use common::Server;
use redis::{Connection, FromRedisValue, RedisResult, Value};
use std::time::{Duration, Instant};

/// Runs `test` against shardis with 1 and 4 shards (or a real Redis, see the module doc).
fn each_server(test: impl Fn(&Server)) {
    if std::env::var_os("SHARDIS_E2E_REDIS").is_some() {
        eprintln!("running against redis-server");
        test(&Server::redis(&[]));
        return;
    }
    for shards in [1, 4] {
        eprintln!("running against shardis with {shards} shard(s)");
        test(&Server::shardis(shards, &[]));
    }
}

fn connect(server: &Server) -> Connection {
    let con = server.client().get_connection().expect("connect");
    con.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("read timeout");
    con
}

/// A command from words.
fn cmd(words: &[&str]) -> redis::Cmd {
    let mut c = redis::Cmd::new();
    for w in words {
        c.arg(*w);
    }
    c
}

/// Runs a command that must succeed and converts its reply.
fn q<T: FromRedisValue>(con: &mut Connection, words: &[&str]) -> T {
    cmd(words)
        .query(con)
        .unwrap_or_else(|e| panic!("{words:?} failed: {e}"))
}

/// An integer reply (panics on anything else).
fn int(con: &mut Connection, words: &[&str]) -> i64 {
    match q::<Value>(con, words) {
        Value::Int(n) => n,
        other => panic!("{words:?}: expected an integer, got {other:?}"),
    }
}

/// A bulk string reply, or `None` for nil.
fn bulk(con: &mut Connection, words: &[&str]) -> Option<String> {
    match q::<Value>(con, words) {
        Value::BulkString(b) => Some(String::from_utf8(b).expect("utf-8 reply")),
        Value::Nil => None,
        other => panic!("{words:?}: expected a bulk string, got {other:?}"),
    }
}

/// The elements of a flat array reply of bulk strings, in order.
fn list(con: &mut Connection, words: &[&str]) -> Vec<String> {
    q::<Vec<String>>(con, words)
}

/// `member score member score ...` as pairs.
fn pairs(con: &mut Connection, words: &[&str]) -> Vec<(String, String)> {
    let flat = list(con, words);
    assert_eq!(flat.len() % 2, 0, "{words:?}: odd reply {flat:?}");
    flat.chunks(2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect()
}

fn owned(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(m, s)| (m.to_string(), s.to_string()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The error line (`CODE detail`) a result carries; panics if it succeeded.
fn err_text<T: std::fmt::Debug>(result: RedisResult<T>) -> String {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => format!("{} {}", e.code().unwrap_or("?"), e.detail().unwrap_or("")),
    }
}

fn error(con: &mut Connection, words: &[&str]) -> String {
    err_text(cmd(words).query::<Value>(con))
}

#[test]
fn scores_round_trip_with_redis_formatting() {
    each_server(|server| {
        let mut con = connect(server);
        assert_eq!(
            int(
                &mut con,
                &["ZADD", "z", "0.1", "a", "1e20", "b", "-0", "c", "inf", "d", "0x10", "e"]
            ),
            5
        );
        assert_eq!(
            bulk(&mut con, &["ZSCORE", "z", "a"]).unwrap(),
            "0.10000000000000001"
        );
        assert_eq!(bulk(&mut con, &["ZSCORE", "z", "b"]).unwrap(), "1e+20");
        assert_eq!(bulk(&mut con, &["ZSCORE", "z", "c"]).unwrap(), "0");
        assert_eq!(bulk(&mut con, &["ZSCORE", "z", "d"]).unwrap(), "inf");
        assert_eq!(bulk(&mut con, &["ZSCORE", "z", "e"]).unwrap(), "16");
        assert_eq!(bulk(&mut con, &["ZSCORE", "z", "nope"]), None);
        assert_eq!(
            bulk(&mut con, &["ZINCRBY", "z", "0.2", "a"]).unwrap(),
            "0.30000000000000004"
        );
        assert_eq!(
            error(&mut con, &["ZINCRBY", "z", "-inf", "d"]),
            "ERR resulting score is not a number (NaN)"
        );
        assert_eq!(
            error(&mut con, &["ZADD", "z", "nan", "x"]),
            "ERR value is not a valid float"
        );
        assert_eq!(q::<f64>(&mut con, &["ZSCORE", "z", "b"]), 1e20);
        assert_eq!(int(&mut con, &["ZCARD", "z"]), 5);
        assert_eq!(
            list(&mut con, &["ZRANGE", "z", "0", "-1"]),
            strings(&["c", "a", "e", "b", "d"])
        );
    });
}

#[test]
fn zadd_options() {
    each_server(|server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["ZADD", "z", "1", "a", "2", "b"]), 2);
        assert_eq!(int(&mut con, &["ZADD", "z", "NX", "5", "a", "3", "c"]), 1);
        assert_eq!(
            int(&mut con, &["ZADD", "z", "XX", "CH", "5", "a", "9", "d"]),
            1
        );
        assert_eq!(
            int(&mut con, &["ZADD", "z", "GT", "CH", "1", "a", "7", "b"]),
            1
        );
        assert_eq!(
            int(&mut con, &["ZADD", "z", "LT", "CH", "0", "a", "8", "b"]),
            1
        );
        assert_eq!(
            bulk(&mut con, &["ZADD", "z", "INCR", "2", "a"]).unwrap(),
            "2"
        );
        assert_eq!(bulk(&mut con, &["ZADD", "z", "NX", "INCR", "2", "a"]), None);
        assert_eq!(
            pairs(&mut con, &["ZRANGE", "z", "0", "-1", "WITHSCORES"]),
            owned(&[("a", "2"), ("c", "3"), ("b", "7")])
        );
        assert_eq!(
            error(&mut con, &["ZADD", "z", "NX", "XX", "1", "a"]),
            "ERR XX and NX options at the same time are not compatible"
        );
        assert_eq!(
            error(&mut con, &["ZADD", "z", "GT", "LT", "1", "a"]),
            "ERR GT, LT, and/or NX options at the same time are not compatible"
        );
        assert_eq!(
            error(&mut con, &["ZADD", "z", "INCR", "1", "a", "1", "b"]),
            "ERR INCR option supports a single increment-element pair"
        );
        assert_eq!(
            error(&mut con, &["ZADD", "z", "1", "a", "2"]),
            "ERR syntax error"
        );
        assert_eq!(int(&mut con, &["ZADD", "missing", "XX", "1", "a"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "missing"]), 0);
    });
}

#[test]
fn range_queries() {
    each_server(|server| {
        let mut con = connect(server);
        int(
            &mut con,
            &[
                "ZADD", "z", "1", "a", "2", "b", "2", "bb", "3", "c", "4", "d",
            ],
        );
        assert_eq!(
            list(&mut con, &["ZRANGE", "z", "1", "-2"]),
            strings(&["b", "bb", "c"])
        );
        assert_eq!(
            list(&mut con, &["ZREVRANGE", "z", "0", "1"]),
            strings(&["d", "c"])
        );
        assert_eq!(
            pairs(
                &mut con,
                &[
                    "ZRANGEBYSCORE",
                    "z",
                    "(1",
                    "3",
                    "WITHSCORES",
                    "LIMIT",
                    "1",
                    "2"
                ]
            ),
            owned(&[("bb", "2"), ("c", "3")])
        );
        assert_eq!(
            list(&mut con, &["ZREVRANGEBYSCORE", "z", "+inf", "(2"]),
            strings(&["d", "c"])
        );
        assert_eq!(
            list(
                &mut con,
                &["ZRANGE", "z", "(4", "2", "BYSCORE", "REV", "LIMIT", "1", "5"]
            ),
            strings(&["bb", "b"])
        );
        assert_eq!(int(&mut con, &["ZCOUNT", "z", "2", "(4"]), 3);
        assert_eq!(int(&mut con, &["ZRANK", "z", "c"]), 3);
        assert_eq!(int(&mut con, &["ZREVRANK", "z", "c"]), 1);
        assert_eq!(q::<Value>(&mut con, &["ZRANK", "z", "x"]), Value::Nil);
        assert_eq!(
            q::<Vec<Option<f64>>>(&mut con, &["ZMSCORE", "z", "a", "x", "d"]),
            vec![Some(1.0), None, Some(4.0)]
        );
        int(
            &mut con,
            &["ZADD", "lex", "0", "a", "0", "b", "0", "c", "0", "d"],
        );
        assert_eq!(
            list(&mut con, &["ZRANGEBYLEX", "lex", "(a", "[c"]),
            strings(&["b", "c"])
        );
        assert_eq!(
            list(
                &mut con,
                &["ZREVRANGEBYLEX", "lex", "+", "-", "LIMIT", "1", "2"]
            ),
            strings(&["c", "b"])
        );
        assert_eq!(int(&mut con, &["ZLEXCOUNT", "lex", "-", "(c"]), 2);
        assert_eq!(
            error(&mut con, &["ZRANGEBYLEX", "lex", "a", "+"]),
            "ERR min or max not valid string range item"
        );
        assert_eq!(
            error(&mut con, &["ZRANGEBYSCORE", "z", "x", "1"]),
            "ERR min or max is not a float"
        );
        assert_eq!(
            error(&mut con, &["ZRANGE", "z", "0", "1", "LIMIT", "0", "1"]),
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"
        );
        assert_eq!(
            error(
                &mut con,
                &["ZRANGE", "lex", "-", "+", "BYLEX", "WITHSCORES"]
            ),
            "ERR syntax error, WITHSCORES not supported in combination with BYLEX"
        );
        assert_eq!(
            list(&mut con, &["ZRANGE", "missing", "0", "-1"]),
            strings(&[])
        );
    });
}

#[test]
fn removal_deletes_emptied_keys() {
    each_server(|server| {
        let mut con = connect(server);
        int(
            &mut con,
            &["ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d"],
        );
        assert_eq!(int(&mut con, &["ZREM", "z", "a", "nope"]), 1);
        assert_eq!(int(&mut con, &["ZREMRANGEBYSCORE", "z", "(2", "3"]), 1);
        assert_eq!(int(&mut con, &["ZREMRANGEBYRANK", "z", "-1", "-1"]), 1);
        assert_eq!(list(&mut con, &["ZRANGE", "z", "0", "-1"]), strings(&["b"]));
        assert_eq!(int(&mut con, &["ZREMRANGEBYLEX", "z", "-", "+"]), 1);
        assert_eq!(int(&mut con, &["EXISTS", "z"]), 0);
        int(&mut con, &["ZADD", "z", "1", "a"]);
        assert_eq!(
            pairs(&mut con, &["ZPOPMIN", "z", "5"]),
            owned(&[("a", "1")])
        );
        assert_eq!(int(&mut con, &["EXISTS", "z"]), 0);
        assert_eq!(q::<Vec<String>>(&mut con, &["ZPOPMAX", "z"]), strings(&[]));
    });
}

#[test]
fn set_operations_across_shards() {
    each_server(|server| {
        let mut con = connect(server);
        int(&mut con, &["ZADD", "a", "1", "x", "2", "y", "3", "z"]);
        int(&mut con, &["ZADD", "b", "10", "y", "20", "z", "30", "w"]);
        int(&mut con, &["ZADD", "c", "100", "z"]);
        int(&mut con, &["SADD", "{x}1", "y", "q"]);
        assert_eq!(
            pairs(&mut con, &["ZUNION", "3", "a", "b", "c", "WITHSCORES"]),
            owned(&[("x", "1"), ("y", "12"), ("w", "30"), ("z", "123")])
        );
        assert_eq!(
            pairs(
                &mut con,
                &[
                    "ZINTER",
                    "2",
                    "a",
                    "b",
                    "WEIGHTS",
                    "2",
                    "1",
                    "AGGREGATE",
                    "MAX",
                    "WITHSCORES"
                ]
            ),
            owned(&[("y", "10"), ("z", "20")])
        );
        assert_eq!(
            pairs(&mut con, &["ZDIFF", "3", "b", "a", "c", "WITHSCORES"]),
            owned(&[("w", "30")])
        );
        assert_eq!(int(&mut con, &["ZINTERCARD", "3", "a", "b", "c"]), 1);
        assert_eq!(
            int(&mut con, &["ZINTERCARD", "2", "a", "b", "LIMIT", "1"]),
            1
        );
        // A plain set counts each member with score 1.
        assert_eq!(
            pairs(&mut con, &["ZUNION", "2", "a", "{x}1", "WITHSCORES"]),
            owned(&[("q", "1"), ("x", "1"), ("y", "3"), ("z", "3")])
        );
        // Stores land on the destination's shard, whichever it is.
        assert_eq!(int(&mut con, &["ZUNIONSTORE", "c", "2", "a", "b"]), 4);
        assert_eq!(
            pairs(&mut con, &["ZRANGE", "c", "0", "-1", "WITHSCORES"]),
            owned(&[("x", "1"), ("y", "12"), ("z", "23"), ("w", "30")])
        );
        assert_eq!(int(&mut con, &["ZINTERSTORE", "{x}2", "2", "a", "{x}1"]), 1);
        assert_eq!(
            pairs(&mut con, &["ZRANGE", "{x}2", "0", "-1", "WITHSCORES"]),
            owned(&[("y", "3")])
        );
        assert_eq!(int(&mut con, &["ZDIFFSTORE", "b", "2", "b", "a"]), 1);
        assert_eq!(list(&mut con, &["ZRANGE", "b", "0", "-1"]), strings(&["w"]));
        assert_eq!(int(&mut con, &["ZINTERSTORE", "b", "2", "a", "nokey"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "b"]), 0);
        assert_eq!(int(&mut con, &["ZRANGESTORE", "{x}1", "a", "1", "-1"]), 2);
        assert_eq!(q::<String>(&mut con, &["TYPE", "{x}1"]), "zset");
        assert_eq!(
            list(&mut con, &["ZRANGE", "{x}1", "0", "-1"]),
            strings(&["y", "z"])
        );
        q::<Value>(&mut con, &["SET", "str", "v"]);
        assert_eq!(
            error(&mut con, &["ZUNION", "2", "a", "str"]),
            "WRONGTYPE Operation against a key holding the wrong kind of value"
        );
        assert_eq!(
            error(&mut con, &["ZUNIONSTORE", "d", "0", "a"]),
            "ERR at least 1 input key is needed for 'zunionstore' command"
        );
        assert_eq!(
            error(&mut con, &["ZINTER", "1", "a", "WEIGHTS", "x"]),
            "ERR weight value is not a float"
        );
    });
}

#[test]
fn pops_over_several_keys() {
    each_server(|server| {
        let mut con = connect(server);
        int(&mut con, &["ZADD", "b", "1", "x", "2", "y", "3", "z"]);
        int(&mut con, &["ZADD", "c", "5", "q"]);
        let reply: (String, Vec<(String, f64)>) = q(
            &mut con,
            &["ZMPOP", "3", "a", "b", "c", "MAX", "COUNT", "2"],
        );
        assert_eq!(reply.0, "b");
        assert_eq!(
            reply.1,
            vec![("z".to_string(), 3.0), ("y".to_string(), 2.0)]
        );
        let reply: Vec<String> = q(&mut con, &["BZPOPMIN", "a", "b", "c", "0"]);
        assert_eq!(reply, strings(&["b", "x", "1"]));
        assert_eq!(int(&mut con, &["EXISTS", "b"]), 0);
        let reply: (String, Vec<(String, f64)>) =
            q(&mut con, &["BZMPOP", "0", "2", "b", "c", "MIN"]);
        assert_eq!(reply, ("c".to_string(), vec![("q".to_string(), 5.0)]));
        assert_eq!(
            q::<Value>(&mut con, &["ZMPOP", "2", "b", "c", "MIN"]),
            Value::Nil
        );
        let start = Instant::now();
        assert_eq!(
            q::<Value>(&mut con, &["BZPOPMAX", "b", "c", "0.1"]),
            Value::Nil
        );
        assert!(start.elapsed() >= Duration::from_millis(90));
        assert_eq!(
            error(&mut con, &["BZPOPMIN", "b", "-1"]),
            "ERR timeout is negative"
        );
        assert_eq!(
            error(&mut con, &["BZPOPMIN", "b", "soon"]),
            "ERR timeout is not a float or out of range"
        );
        assert_eq!(
            error(&mut con, &["ZMPOP", "0", "b", "MIN"]),
            "ERR numkeys should be greater than 0"
        );
        assert_eq!(
            error(&mut con, &["ZPOPMIN", "b", "-1"]),
            "ERR value is out of range, must be positive"
        );
    });
}

#[test]
fn a_blocked_bzpopmin_is_served_by_a_later_zadd() {
    each_server(|server| {
        let client = server.client();
        let waiter = std::thread::spawn(move || {
            let mut con = client.get_connection().expect("connect");
            con.set_read_timeout(Some(Duration::from_secs(20)))
                .expect("read timeout");
            q::<Vec<String>>(&mut con, &["BZPOPMIN", "a", "{x}1", "5"])
        });
        std::thread::sleep(Duration::from_millis(200));
        let mut con = connect(server);
        int(&mut con, &["ZADD", "{x}1", "7", "m"]);
        let got = waiter.join().expect("waiter thread");
        assert_eq!(got, strings(&["{x}1", "m", "7"]));
        assert_eq!(int(&mut con, &["EXISTS", "{x}1"]), 0);
    });
}

#[test]
fn encodings_follow_the_thresholds() {
    each_server(|server| {
        let mut con = connect(server);
        let mut words: Vec<String> = vec!["ZADD".into(), "z".into()];
        for i in 0..128 {
            words.push(i.to_string());
            words.push(format!("m{i}"));
        }
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(int(&mut con, &w), 128);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "z"]),
            "listpack"
        );
        int(&mut con, &["ZADD", "z", "1000", "extra"]);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "z"]),
            "skiplist"
        );
        int(&mut con, &["ZREMRANGEBYRANK", "z", "0", "-2"]);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "z"]),
            "skiplist"
        );
        let long = "x".repeat(65);
        int(&mut con, &["ZADD", "v", "1", &"y".repeat(64)]);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "v"]),
            "listpack"
        );
        int(&mut con, &["ZADD", "v", "2", &long]);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "v"]),
            "skiplist"
        );
        // A store picks the encoding its result needs.
        assert_eq!(int(&mut con, &["ZRANGESTORE", "d", "v", "0", "0"]), 1);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "d"]),
            "listpack"
        );
        assert_eq!(int(&mut con, &["ZUNIONSTORE", "d", "1", "v"]), 2);
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "d"]),
            "skiplist"
        );
    });
}

#[test]
fn a_large_sorted_set_answers_rank_queries() {
    each_server(|server| {
        let mut con = connect(server);
        let n = 20_000;
        let mut pipe = redis::pipe();
        for chunk in 0..n / 1000 {
            let mut c = redis::cmd("ZADD");
            c.arg("big");
            for i in chunk * 1000..(chunk + 1) * 1000 {
                // Scores out of member order, each score twice.
                c.arg((i * 7919) % n / 2).arg(format!("m{i:05}"));
            }
            pipe.add_command(c);
        }
        let _: Vec<i64> = pipe.query(&mut con).expect("pipeline");
        assert_eq!(int(&mut con, &["ZCARD", "big"]), n as i64);
        for i in (0..n).step_by(997) {
            let m = format!("m{i:05}");
            let rank = int(&mut con, &["ZRANK", "big", &m]);
            let r = rank.to_string();
            assert_eq!(list(&mut con, &["ZRANGE", "big", &r, &r]), vec![m.clone()]);
            assert_eq!(int(&mut con, &["ZREVRANK", "big", &m]), n as i64 - 1 - rank);
            let score = bulk(&mut con, &["ZSCORE", "big", &m]).unwrap();
            assert_eq!(score, ((i * 7919) % n / 2).to_string());
        }
        assert_eq!(int(&mut con, &["ZCOUNT", "big", "100", "(200"]), 200);
        assert_eq!(list(&mut con, &["ZRANGEBYSCORE", "big", "0", "0"]).len(), 2);
        assert_eq!(
            int(&mut con, &["ZREMRANGEBYSCORE", "big", "-inf", "(5000"]),
            10_000
        );
        assert_eq!(int(&mut con, &["ZCARD", "big"]), 10_000);
        let first = pairs(&mut con, &["ZRANGE", "big", "0", "0", "WITHSCORES"]);
        assert_eq!(first[0].1, "5000");
    });
}

#[test]
fn resp3_replies_are_doubles_and_pairs() {
    each_server(|server| {
        let mut raw = server.raw();
        raw.cmd(&[b"HELLO", b"3"]);
        assert_eq!(
            raw.cmd(&[b"ZADD", b"z", b"1", b"a", b"2.5", b"b"]),
            b":2\r\n"
        );
        assert_eq!(raw.cmd(&[b"ZSCORE", b"z", b"b"]), b",2.5\r\n");
        assert_eq!(raw.cmd(&[b"ZSCORE", b"z", b"x"]), b"_\r\n");
        assert_eq!(
            raw.cmd(&[b"ZRANGE", b"z", b"0", b"-1", b"WITHSCORES"]),
            b"*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n"
        );
        assert_eq!(
            raw.cmd(&[b"ZRANGE", b"z", b"0", b"-1"]),
            b"*2\r\n$1\r\na\r\n$1\r\nb\r\n"
        );
        assert_eq!(raw.cmd(&[b"ZPOPMIN", b"z"]), b"*2\r\n$1\r\na\r\n,1\r\n");
        assert_eq!(
            raw.cmd(&[b"ZPOPMIN", b"z", b"1"]),
            b"*1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n"
        );
        assert_eq!(raw.cmd(&[b"ZMPOP", b"1", b"z", b"MIN"]), b"_\r\n");
        assert_eq!(raw.cmd(&[b"ZINCRBY", b"z", b"0.5", b"c"]), b",0.5\r\n");
    });
}

#[test]
fn zscan_returns_every_member() {
    each_server(|server| {
        let mut con = connect(server);
        for i in 0..500 {
            int(&mut con, &["ZADD", "big", &i.to_string(), &format!("m{i}")]);
        }
        let mut seen = std::collections::BTreeMap::new();
        let mut cursor = "0".to_string();
        loop {
            let (next, items): (String, Vec<String>) =
                q(&mut con, &["ZSCAN", "big", &cursor, "COUNT", "20"]);
            for pair in items.chunks(2) {
                seen.insert(pair[0].clone(), pair[1].clone());
            }
            if next == "0" {
                break;
            }
            cursor = next;
        }
        assert_eq!(seen.len(), 500);
        assert_eq!(seen["m42"], "42");
        int(&mut con, &["ZADD", "small", "1.5", "a", "2", "b"]);
        let (next, items): (String, Vec<String>) =
            q(&mut con, &["ZSCAN", "small", "0", "MATCH", "a"]);
        assert_eq!(next, "0");
        assert_eq!(items, strings(&["a", "1.5"]));
    });
}

#[test]
fn wrong_type_and_randmember() {
    each_server(|server| {
        let mut con = connect(server);
        int(&mut con, &["LPUSH", "l", "x"]);
        for words in [
            &["ZADD", "l", "1", "a"][..],
            &["ZRANGE", "l", "0", "-1"],
            &["ZSCORE", "l", "a"],
            &["ZPOPMIN", "l"],
            &["ZINTERCARD", "1", "l"],
        ] {
            assert_eq!(
                error(&mut con, words),
                "WRONGTYPE Operation against a key holding the wrong kind of value"
            );
        }
        int(&mut con, &["ZADD", "z", "1", "a", "2", "b", "3", "c"]);
        assert_eq!(
            list(&mut con, &["ZRANDMEMBER", "z", "10"]),
            strings(&["c", "b", "a"])
        );
        let two = list(&mut con, &["ZRANDMEMBER", "z", "2"]);
        assert_eq!(two.len(), 2);
        assert_ne!(two[0], two[1]);
        assert_eq!(list(&mut con, &["ZRANDMEMBER", "z", "-7"]).len(), 7);
        let one = bulk(&mut con, &["ZRANDMEMBER", "z"]).unwrap();
        assert!(["a", "b", "c"].contains(&one.as_str()));
        assert_eq!(bulk(&mut con, &["ZRANDMEMBER", "nokey"]), None);
    });
}
