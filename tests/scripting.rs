//! Scripting end to end with a real client (the replies themselves are compared with
//! redis-server's in `tests/diff/scripting.txt`): a script over keys of several shards is
//! atomic for every other client, a script may touch keys it did not declare, the script
//! cache is the same on every shard, and a script's writes come back whole or not at all
//! after kill -9 under `appendfsync always`.
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server`, which proves the expectations are Redis's.

mod common;

use common::*;
use redis::Value;
use std::time::Duration;

/// The shard counts each test starts with.
const SHARD_COUNTS: &[usize] = &[1, 3];

/// Moves one unit from KEYS[1] to KEYS[2]: their sum never changes.
const TRANSFER: &str = "local a = tonumber(redis.call('GET', KEYS[1])) \
     redis.call('SET', KEYS[1], a - 1) \
     redis.call('INCRBY', KEYS[2], 1) \
     return a - 1";

/// Sums KEYS read one by one inside a script.
const SUM: &str =
    "local s = 0 for i, k in ipairs(KEYS) do s = s + tonumber(redis.call('GET', k)) end return s";

/// Keys named `acct:<n>`; with several shards they spread over all of them.
fn accounts(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("acct:{i}")).collect()
}

#[test]
fn a_script_over_keys_of_several_shards_is_atomic_for_every_other_client() {
    each_server(SHARD_COUNTS, |server| {
        let keys = accounts(6);
        let mut con = connect(server);
        for key in &keys {
            ok(&mut con, &["SET", key, "1000"]);
        }
        let writers: Vec<_> = (0..3)
            .map(|w| {
                let client = server.client();
                let keys = keys.clone();
                std::thread::spawn(move || {
                    let mut con = client.get_connection().expect("connect");
                    for round in 0..300 {
                        let from = &keys[(round + w) % keys.len()];
                        let to = &keys[(round * 7 + w + 1) % keys.len()];
                        if from == to {
                            continue;
                        }
                        let _: i64 = q(&mut con, &["EVAL", TRANSFER, "2", from, to]);
                    }
                })
            })
            .collect();
        // Readers see the whole sum every time: by a script, by MGET and in a transaction.
        let mut sum_args = vec!["EVAL", SUM, "6"];
        sum_args.extend(keys.iter().map(String::as_str));
        let mut mget = vec!["MGET"];
        mget.extend(keys.iter().map(String::as_str));
        for _ in 0..200 {
            assert_eq!(
                int(&mut con, &sum_args),
                6000,
                "a script saw half a transfer"
            );
            let values: Vec<String> = q(&mut con, &mget);
            let total: i64 = values.iter().map(|v| v.parse::<i64>().unwrap_or(0)).sum();
            assert_eq!(total, 6000, "MGET saw half a transfer");
        }
        for writer in writers {
            writer.join().expect("writer");
        }
        assert_eq!(int(&mut con, &sum_args), 6000);
        let _: () = q(&mut con, &["FLUSHALL"]);
    });
}

#[test]
fn a_script_may_touch_keys_it_did_not_declare() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        for key in accounts(8) {
            ok(&mut con, &["SET", &key, "1"]);
        }
        // Reads every account without declaring one, then writes a declared key.
        let script =
            "local s = 0 for i = 0, 7 do s = s + tonumber(redis.call('GET', 'acct:' .. i)) end \
                      redis.call('SET', KEYS[1], s) return s";
        for round in 0..5 {
            assert_eq!(int(&mut con, &["EVAL", script, "1", "total"]), 8 + round);
            assert_eq!(bulk(&mut con, &["GET", "total"]), (8 + round).to_string());
            let _: i64 = q(&mut con, &["INCR", "acct:3"]);
        }
        // Writes undeclared keys everywhere, before any read.
        let script = "for i = 0, 7 do redis.call('INCR', 'acct:' .. i) end return redis.call('GET', 'acct:7')";
        assert_eq!(bulk(&mut con, &["EVAL", script, "0"]), "2");
        let _: () = q(&mut con, &["FLUSHALL"]);
    });
}

#[test]
fn a_script_loaded_on_one_connection_runs_on_every_shard() {
    each_server(SHARD_COUNTS, |server| {
        let mut loader = connect(server);
        let sha: String = q(
            &mut loader,
            &["SCRIPT", "LOAD", "return ARGV[1] .. KEYS[1]"],
        );
        // Connections spread over shards: each finds the script by its SHA.
        for i in 0..8 {
            let mut con = connect(server);
            let key = format!("k{i}");
            assert_eq!(
                bulk(&mut con, &["EVALSHA", &sha, "1", &key, "x"]),
                format!("x{key}")
            );
            let exists: Vec<i64> = q(&mut con, &["SCRIPT", "EXISTS", &sha, "ffff"]);
            assert_eq!(exists, vec![1, 0]);
        }
        ok(&mut loader, &["SCRIPT", "FLUSH"]);
        for _ in 0..4 {
            let mut con = connect(server);
            assert_err(
                &mut con,
                &["EVALSHA", &sha, "0"],
                "NOSCRIPT No matching script. Please use EVAL.",
            );
        }
    });
}

#[test]
fn a_scripts_writes_survive_kill_9_whole_or_not_at_all() {
    for kind in Kind::each(SHARD_COUNTS) {
        let data = DataDir::new("scripting-aof");
        let directives = [("appendonly", "yes"), ("appendfsync", "always")];
        let mut server = kind.start_in(&data, &directives);
        let keys = accounts(6);
        {
            let mut con = connect(&server);
            for key in &keys {
                ok(&mut con, &["SET", key, "1000"]);
            }
        }
        let client = server.client();
        let writer_keys = keys.clone();
        let writer = std::thread::spawn(move || {
            let Ok(mut con) = client.get_connection() else {
                return;
            };
            for round in 0.. {
                let from = &writer_keys[round % writer_keys.len()];
                let to = &writer_keys[(round + 1) % writer_keys.len()];
                let reply: redis::RedisResult<Value> = redis::cmd("EVAL")
                    .arg(TRANSFER)
                    .arg(2)
                    .arg(from)
                    .arg(to)
                    .query(&mut con);
                if reply.is_err() {
                    return;
                }
            }
        });
        std::thread::sleep(Duration::from_millis(700));
        server.kill9();
        let _ = writer.join();
        let server = kind.start_in(&data, &directives);
        let mut con = connect(&server);
        let mut mget = vec!["MGET"];
        mget.extend(keys.iter().map(String::as_str));
        let values: Vec<String> = q(&mut con, &mget);
        let total: i64 = values.iter().map(|v| v.parse::<i64>().unwrap_or(0)).sum();
        assert_eq!(
            total, 6000,
            "{kind:?}: a transfer came back in part: {values:?}"
        );
    }
}
