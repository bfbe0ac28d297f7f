//! MOVE and SWAPDB end to end, beyond the replies the differential scripts compare
//! (`tests/diff/databases.txt`): SWAPDB is seen whole by a client reading both databases
//! over keys of every shard, wakes a client blocked on a key the swap fills, and fails an
//! EXEC that WATCHed a key of either database; MOVE fails an EXEC that WATCHed the key in the
//! destination database.
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server`, which proves the expectations are Redis's.

mod common;

use common::*;
use redis::Value;
use std::time::Duration;

/// The shard counts each test starts with.
const SHARD_COUNTS: &[usize] = &[1, 3];

#[test]
fn swapdb_wakes_a_client_blocked_on_a_key_it_fills() {
    each_server(SHARD_COUNTS, |server| {
        let mut blocked = server.raw();
        assert_eq!(raw(&mut blocked, &["SELECT", "1"]), b"+OK\r\n");
        blocked
            .send(&encode_command(&[b"BLPOP", b"queue", b"10"]))
            .expect("send BLPOP");
        std::thread::sleep(Duration::from_millis(200));
        let mut con = connect(server);
        let _: i64 = q(&mut con, &["RPUSH", "queue", "job"]);
        ok(&mut con, &["SWAPDB", "0", "1"]);
        assert_eq!(
            blocked.read_reply(),
            b"*2\r\n$5\r\nqueue\r\n$3\r\njob\r\n",
            "the swap filled db 1's queue"
        );
        let _: () = q(&mut con, &["FLUSHALL"]);
    });
}

#[test]
fn swapdb_and_move_fail_an_exec_that_watched_an_affected_key() {
    each_server(SHARD_COUNTS, |server| {
        let mut other = connect(server);
        let mut watcher = connect(server);
        // A key only in db 1 is touched for a watcher of db 0 too (it exists on one side).
        let _: () = q(&mut other, &["SELECT", "1"]);
        ok(&mut other, &["SET", "only-in-1", "x"]);
        ok(&mut watcher, &["WATCH", "only-in-1"]);
        ok(&mut other, &["SWAPDB", "0", "1"]);
        ok(&mut watcher, &["MULTI"]);
        let _: Value = q(&mut watcher, &["GET", "only-in-1"]);
        let reply: Value = q(&mut watcher, &["EXEC"]);
        assert_eq!(reply, Value::Nil, "SWAPDB touched the watched key");
        ok(&mut other, &["SWAPDB", "0", "1"]);
        // A watcher of the destination database sees MOVE's write.
        let _: () = q(&mut watcher, &["SELECT", "2"]);
        ok(&mut watcher, &["WATCH", "moving"]);
        ok(&mut other, &["SET", "moving", "v"]);
        assert_eq!(int(&mut other, &["MOVE", "moving", "2"]), 1);
        ok(&mut watcher, &["MULTI"]);
        let _: Value = q(&mut watcher, &["GET", "moving"]);
        let reply: Value = q(&mut watcher, &["EXEC"]);
        assert_eq!(reply, Value::Nil, "MOVE wrote the watched key");
        assert_eq!(bulk(&mut watcher, &["GET", "moving"]), "v");
        let _: () = q(&mut other, &["FLUSHALL"]);
    });
}

#[test]
fn swapdb_is_seen_whole_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // db 0 holds a:i = "zero", db 1 holds a:i = "one", over keys of every shard.
        for db in ["0", "1"] {
            let _: () = q(&mut con, &["SELECT", db]);
            let mut mset = vec!["MSET".to_string()];
            for i in 0..200 {
                mset.push(format!("a:{i}"));
                mset.push(if db == "0" { "zero" } else { "one" }.to_string());
            }
            let words: Vec<&str> = mset.iter().map(String::as_str).collect();
            ok(&mut con, &words);
        }
        let _: () = q(&mut con, &["SELECT", "0"]);
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let swapper = {
            let client = server.client();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut con = client.get_connection().expect("connect");
                let mut swaps = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) && swaps < 400 {
                    let _: () = redis::cmd("SWAPDB")
                        .arg(0)
                        .arg(1)
                        .query(&mut con)
                        .expect("SWAPDB");
                    swaps += 1;
                }
            })
        };
        let keys: Vec<String> = (0..200).map(|i| format!("a:{i}")).collect();
        for _ in 0..100 {
            let values: Vec<String> = redis::cmd("MGET").arg(&keys).query(&mut con).expect("MGET");
            let first = &values[0];
            assert!(
                values.iter().all(|v| v == first),
                "MGET saw half a swap: {:?}",
                values.iter().filter(|v| *v != first).count()
            );
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        swapper.join().expect("swapper");
        let _: () = q(&mut con, &["FLUSHALL"]);
    });
}

#[test]
fn swapdb_and_move_survive_a_crash_in_the_append_only_file() {
    for kind in Kind::each(SHARD_COUNTS) {
        let data = DataDir::new("databases-aof");
        let directives = [
            ("save", ""),
            ("appendonly", "yes"),
            ("appendfsync", "always"),
        ];
        let mut server = kind.start_in(&data, &directives);
        let mut con = connect(&server);
        for i in 0..50 {
            ok(&mut con, &["SET", &format!("k:{i}"), "in-0"]);
        }
        ok(&mut con, &["SET", "mover", "m"]);
        assert_eq!(int(&mut con, &["MOVE", "mover", "4"]), 1);
        ok(&mut con, &["SWAPDB", "0", "2"]);
        server.kill9();
        let restarted = kind.start_in(&data, &directives);
        let mut con = connect(&restarted);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0, "db 0 was swapped away");
        let _: () = q(&mut con, &["SELECT", "2"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 50);
        assert_eq!(bulk(&mut con, &["GET", "k:7"]), "in-0");
        let _: () = q(&mut con, &["SELECT", "4"]);
        assert_eq!(bulk(&mut con, &["GET", "mover"]), "m");
    }
}
