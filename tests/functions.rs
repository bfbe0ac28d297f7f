//! Functions end to end with a real client (the replies themselves are compared with
//! redis-server's in `tests/diff/functions.txt`): a library loaded through one connection is
//! callable from connections on every shard, FUNCTION DELETE and FLUSH are seen everywhere,
//! and a function over keys of several shards is atomic for every other client.
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server`, which proves the expectations are Redis's.

mod common;

use common::*;

/// The shard counts each test starts with.
const SHARD_COUNTS: &[usize] = &[1, 3];

/// A library: `transfer` moves one unit from keys[1] to keys[2]; `sum` (no-writes) adds its
/// keys up; `echo` answers its argument and its key.
const BANK: &str = "#!lua name=bank
redis.register_function('transfer', function(keys)
  local a = tonumber(redis.call('GET', keys[1]))
  redis.call('SET', keys[1], a - 1)
  redis.call('INCRBY', keys[2], 1)
  return a - 1
end)
redis.register_function{function_name='sum', flags={'no-writes'}, callback=function(keys)
  local s = 0
  for i, k in ipairs(keys) do s = s + tonumber(redis.call('GET', k)) end
  return s
end}
redis.register_function('echo', function(keys, args) return args[1] .. keys[1] end)";

/// Keys named `acct:<n>`; with several shards they spread over all of them.
fn accounts(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("acct:{i}")).collect()
}

#[test]
fn a_library_loaded_on_one_connection_is_callable_on_every_shard_and_deleted_everywhere() {
    each_server(SHARD_COUNTS, |server| {
        let mut loader = connect(server);
        ok(&mut loader, &["FUNCTION", "FLUSH"]);
        assert_eq!(bulk(&mut loader, &["FUNCTION", "LOAD", BANK]), "bank");
        // Connections spread over shards: each finds the functions.
        for i in 0..8 {
            let mut con = connect(server);
            let key = format!("k{i}");
            assert_eq!(
                bulk(&mut con, &["FCALL", "echo", "1", &key, "x"]),
                format!("x{key}")
            );
            assert_eq!(int(&mut con, &["FCALL_RO", "SUM", "0"]), 0);
        }
        // A replaced library is the new one everywhere.
        let replaced =
            "#!lua name=bank\nredis.register_function('echo', function() return 'new' end)";
        assert_eq!(
            bulk(&mut loader, &["FUNCTION", "LOAD", "REPLACE", replaced]),
            "bank"
        );
        for _ in 0..6 {
            let mut con = connect(server);
            assert_eq!(bulk(&mut con, &["FCALL", "echo", "0"]), "new");
            assert_err(&mut con, &["FCALL", "sum", "0"], "ERR Function not found");
        }
        ok(&mut loader, &["FUNCTION", "DELETE", "bank"]);
        for _ in 0..6 {
            let mut con = connect(server);
            assert_err(&mut con, &["FCALL", "echo", "0"], "ERR Function not found");
        }
        assert_eq!(bulk(&mut loader, &["FUNCTION", "LOAD", BANK]), "bank");
        ok(&mut loader, &["FUNCTION", "FLUSH"]);
        for _ in 0..6 {
            let mut con = connect(server);
            assert_err(
                &mut con,
                &["FCALL", "echo", "1", "k", "x"],
                "ERR Function not found",
            );
        }
    });
}

#[test]
fn a_function_over_keys_of_several_shards_is_atomic_for_every_other_client() {
    each_server(SHARD_COUNTS, |server| {
        let keys = accounts(6);
        let mut con = connect(server);
        ok(&mut con, &["FUNCTION", "FLUSH"]);
        assert_eq!(bulk(&mut con, &["FUNCTION", "LOAD", BANK]), "bank");
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
                        let _: i64 = q(&mut con, &["FCALL", "transfer", "2", from, to]);
                    }
                })
            })
            .collect();
        let mut sum_args = vec!["FCALL_RO", "sum", "6"];
        sum_args.extend(keys.iter().map(String::as_str));
        let mut mget = vec!["MGET"];
        mget.extend(keys.iter().map(String::as_str));
        for _ in 0..200 {
            assert_eq!(
                int(&mut con, &sum_args),
                6000,
                "a function saw half a transfer"
            );
            let values: Vec<String> = q(&mut con, &mget);
            let total: i64 = values.iter().map(|v| v.parse::<i64>().unwrap_or(0)).sum();
            assert_eq!(total, 6000, "MGET saw half a transfer");
        }
        for writer in writers {
            writer.join().expect("writer");
        }
        assert_eq!(int(&mut con, &sum_args), 6000);
        assert_err(
            &mut con,
            &["FCALL_RO", "transfer", "2", "acct:0", "acct:1"],
            "ERR Can not execute a script with write flag using *_ro command.",
        );
        ok(&mut con, &["FUNCTION", "FLUSH"]);
        let _: () = q(&mut con, &["FLUSHALL"]);
    });
}
