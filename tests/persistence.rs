//! Snapshots, end to end: SAVE/BGSAVE/LASTSAVE, save rules, SHUTDOWN [SAVE|NOSAVE] and
//! SIGTERM, and a damaged snapshot refused at startup.
//!
//! Every test starts a server in a [`DataDir`] that outlives it, stops it (SHUTDOWN NOSAVE,
//! SIGKILL, ...), starts another one on the same files — shardis often with a *different*
//! shard count, since a snapshot must not depend on how keys were spread — and compares what
//! the new server answers with what the old one held, through commands only (shardis's
//! snapshot format is its own, not RDB, so the tests never parse the file).
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server` instead (shard counts mean nothing to it), which proves the
//! expectations are Redis's. Waits are bounded polls for a condition, never timings.

mod common;

use common::persist::{
    cut_tail, dump_db, flip_middle_byte, info_persistence, shutdown, wait_bgsave_done,
};
use common::*;
use redis::{Connection, Value};
use std::collections::BTreeMap;
use std::thread;
use std::time::Duration;

/// The shard counts each test saves with.
const SHARD_COUNTS: &[usize] = &[1, 3];

/// Snapshots on demand only: no save rules, no AOF.
const NO_RULES: &[(&str, &str)] = &[("save", ""), ("appendonly", "no")];

/// The databases the round trip fills.
const DATABASES: &[&str] = &["0", "3", "9"];

/// Fills the current database with every type in its small and large encodings; `tag`
/// makes the data of each database different.
fn fill_every_type(con: &mut Connection, tag: &str) {
    ok(con, &["SET", &format!("{tag}:str"), "hello"]);
    ok(con, &["SET", &format!("{tag}:int"), "12345"]);
    ok(con, &["SET", &format!("{tag}:neg"), "-9007199254740993"]);
    ok(con, &["SET", &format!("{tag}:long"), &"x".repeat(300)]);
    let binary: Vec<u8> = (0..=255u8).chain([0, b'\r', b'\n', 0]).collect();
    let _: () = redis::cmd("SET")
        .arg(format!("{tag}:bin").as_bytes())
        .arg(&binary)
        .query(con)
        .expect("SET binary");
    let _: () = redis::cmd("SET")
        .arg(b"key\x00with\xffbytes".as_slice())
        .arg(tag)
        .query(con)
        .expect("SET binary key");
    ok(con, &["SET", &format!("{tag}:empty"), ""]);

    let _: i64 = q(con, &["RPUSH", &format!("{tag}:list"), "a", "", "3", "c"]);
    let big_list: Vec<String> = (0..1500).map(|i| format!("item-{i}")).collect();
    let _: i64 = redis::cmd("RPUSH")
        .arg(format!("{tag}:biglist"))
        .arg(&big_list)
        .query(con)
        .expect("RPUSH");

    let _: i64 = q(
        con,
        &["HSET", &format!("{tag}:hash"), "f1", "v1", "f2", "2"],
    );
    let mut big_hash = redis::cmd("HSET");
    big_hash.arg(format!("{tag}:bighash"));
    for i in 0..700 {
        big_hash.arg(format!("field-{i}")).arg(format!("value-{i}"));
    }
    let _: i64 = big_hash.query(con).expect("HSET");

    let _: i64 = q(
        con,
        &["SADD", &format!("{tag}:intset"), "1", "-5", "300000"],
    );
    let _: i64 = q(con, &["SADD", &format!("{tag}:smallset"), "a", "b", "c"]);
    let big_set: Vec<String> = (0..600).map(|i| format!("m{i}")).collect();
    let _: i64 = redis::cmd("SADD")
        .arg(format!("{tag}:bigset"))
        .arg(&big_set)
        .query(con)
        .expect("SADD");

    let _: i64 = q(
        con,
        &[
            "ZADD",
            &format!("{tag}:zset"),
            "-inf",
            "low",
            "0.5",
            "half",
            "3",
            "three",
            "+inf",
            "high",
            "-2.25",
            "neg",
        ],
    );
    let mut big_zset = redis::cmd("ZADD");
    big_zset.arg(format!("{tag}:bigzset"));
    for i in 0..300 {
        big_zset.arg(i as f64 / 7.0).arg(format!("z{i}"));
    }
    let _: i64 = big_zset.query(con).expect("ZADD");
}

/// Reads every database in [`DATABASES`] back.
fn dump_databases(
    con: &mut Connection,
) -> BTreeMap<String, BTreeMap<Vec<u8>, (common::persist::Dumped, String)>> {
    let mut all = BTreeMap::new();
    for db in DATABASES {
        ok(con, &["SELECT", db]);
        all.insert(db.to_string(), dump_db(con));
    }
    ok(con, &["SELECT", "0"]);
    all
}

#[test]
fn snapshot_round_trip_keeps_every_type_ttl_and_database_across_shard_counts() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("saving with {kind:?}");
        let data = DataDir::new("roundtrip");
        let mut saver = kind.start_in(&data, NO_RULES);
        let mut con = connect(&saver);
        for db in DATABASES {
            ok(&mut con, &["SELECT", db]);
            fill_every_type(&mut con, &format!("db{db}"));
        }
        ok(&mut con, &["SELECT", "0"]);
        ok(&mut con, &["SET", "ttl:long", "v", "PX", "100000"]);
        ok(&mut con, &["SET", "ttl:short", "v", "PX", "400"]);
        let expires_at = unix_now_ms() + 400;
        let _: i64 = q(&mut con, &["RPUSH", "ttl:list", "a"]);
        let _: i64 = q(&mut con, &["PEXPIRE", "ttl:list", "200000"]);
        let saved = dump_databases(&mut con);
        ok(&mut con, &["SAVE"]);
        assert!(data.join("dump.rdb").exists(), "SAVE wrote no dump.rdb");
        shutdown(&mut saver, "NOSAVE");
        // The short TTL has passed before any server loads the file.
        while unix_now_ms() <= expires_at {
            thread::sleep(Duration::from_millis(20));
        }

        for loader_shards in [1, 2] {
            let loader_kind = kind.with_shards(loader_shards);
            eprintln!("loading with {loader_kind:?}");
            let mut loader = loader_kind.start_in(&data, NO_RULES);
            let mut con = connect(&loader);
            assert_eq!(
                int(&mut con, &["EXISTS", "ttl:short"]),
                0,
                "expired key loaded"
            );
            let pttl = int(&mut con, &["PTTL", "ttl:long"]);
            assert!(pttl > 0 && pttl <= 100_000, "PTTL ttl:long = {pttl}");
            let pttl = int(&mut con, &["PTTL", "ttl:list"]);
            assert!(pttl > 0 && pttl <= 200_000, "PTTL ttl:list = {pttl}");
            assert_eq!(int(&mut con, &["PTTL", "db0:str"]), -1);
            let mut loaded = dump_databases(&mut con);
            let mut expected = saved.clone();
            if let Some(db0) = expected.get_mut("0") {
                db0.remove(b"ttl:short".as_slice());
            }
            if let Some(db0) = loaded.get_mut("0") {
                db0.remove(b"ttl:short".as_slice());
            }
            for db in DATABASES {
                let (want, got) = (&expected[*db], &loaded[*db]);
                assert_eq!(
                    want.keys().collect::<Vec<_>>(),
                    got.keys().collect::<Vec<_>>(),
                    "keys of db {db}"
                );
                for (key, value) in want {
                    assert_eq!(
                        Some(value),
                        got.get(key),
                        "db {db} key {}",
                        key.escape_ascii()
                    );
                }
            }
            shutdown(&mut loader, "NOSAVE");
        }
    }
}

/// Keys of the BGSAVE test: strings, plus a few collections of each type.
const BG_STRINGS: usize = 100_000;
/// Collections of each type in the BGSAVE test.
const BG_COLLECTIONS: usize = 200;
/// Clients rewriting the data while the BGSAVE runs.
const BG_WRITERS: usize = 4;
/// Commands each of them sends.
const BG_WRITES: usize = 2_000;

/// The BGSAVE test's data as it was when BGSAVE was called.
fn bgsave_model() -> BTreeMap<String, String> {
    (0..BG_STRINGS)
        .map(|i| (format!("s:{i}"), format!("v{i}")))
        .collect()
}

#[test]
fn bgsave_saves_the_data_as_it_was_when_called() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("bgsave");
        let mut server = kind.start_in(&data, NO_RULES);
        let mut con = connect(&server);
        let model = bgsave_model();
        let pairs: Vec<(&String, &String)> = model.iter().collect();
        for chunk in pairs.chunks(1000) {
            let _: () = redis::cmd("MSET").arg(chunk).query(&mut con).expect("MSET");
        }
        for i in 0..BG_COLLECTIONS {
            let _: i64 = q(
                &mut con,
                &["RPUSH", &format!("l:{i}"), "a", "b", &i.to_string()],
            );
            let _: i64 = q(&mut con, &["HSET", &format!("h:{i}"), "f", &i.to_string()]);
            let _: i64 = q(&mut con, &["SADD", &format!("t:{i}"), "x", &i.to_string()]);
            let _: i64 = q(&mut con, &["ZADD", &format!("z:{i}"), &i.to_string(), "m"]);
        }
        let lastsave_before = int(&mut con, &["LASTSAVE"]);
        // LASTSAVE has a resolution of a second: make the save's time differ from the last.
        while unix_now_ms() / 1000 <= lastsave_before {
            thread::sleep(Duration::from_millis(20));
        }

        assert_eq!(
            q::<Value>(&mut con, &["BGSAVE"]),
            Value::SimpleString("Background saving started".into())
        );
        let writers: Vec<_> = (0..BG_WRITERS)
            .map(|w| {
                let client = server.client();
                thread::spawn(move || {
                    let mut con = client.get_connection().expect("connect");
                    for n in 0..BG_WRITES {
                        let i = (n * BG_WRITERS + w) * 37 % BG_STRINGS;
                        match n % 4 {
                            0 => ok(&mut con, &["SET", &format!("s:{i}"), "changed"]),
                            1 => {
                                let _: i64 = q(&mut con, &["DEL", &format!("s:{i}")]);
                            }
                            2 => ok(&mut con, &["SET", &format!("new:{w}:{n}"), "added"]),
                            _ => {
                                let c = i % BG_COLLECTIONS;
                                let _: i64 = q(&mut con, &["RPUSH", &format!("l:{c}"), "more"]);
                                let _: i64 = q(&mut con, &["HSET", &format!("h:{c}"), "g", "1"]);
                                let _: i64 = q(&mut con, &["SREM", &format!("t:{c}"), "x"]);
                                let _: f64 = q(&mut con, &["ZINCRBY", &format!("z:{c}"), "1", "m"]);
                            }
                        }
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().expect("writer panicked");
        }
        wait_bgsave_done(&server);
        assert!(
            int(&mut con, &["LASTSAVE"]) > lastsave_before,
            "LASTSAVE did not advance after BGSAVE"
        );
        server.kill9();

        let loader = kind.with_shards(2).start_in(&data, NO_RULES);
        let mut con = connect(&loader);
        assert_eq!(
            int(&mut con, &["DBSIZE"]),
            (BG_STRINGS + 4 * BG_COLLECTIONS) as i64,
            "keys after loading the BGSAVE"
        );
        let keys: Vec<&String> = model.keys().collect();
        for chunk in keys.chunks(1000) {
            let got: Vec<Option<String>> =
                redis::cmd("MGET").arg(chunk).query(&mut con).expect("MGET");
            for (key, value) in chunk.iter().zip(got) {
                assert_eq!(value.as_ref(), Some(&model[*key]), "{key}");
            }
        }
        for i in 0..BG_COLLECTIONS {
            let n = i.to_string();
            assert_eq!(
                q::<Vec<String>>(&mut con, &["LRANGE", &format!("l:{i}"), "0", "-1"]),
                ["a", "b", n.as_str()]
            );
            assert_eq!(
                q::<Vec<String>>(&mut con, &["HGETALL", &format!("h:{i}")]),
                ["f", n.as_str()]
            );
            let mut members: Vec<String> = q(&mut con, &["SMEMBERS", &format!("t:{i}")]);
            members.sort();
            let mut want = vec![n.clone(), "x".to_string()];
            want.sort();
            assert_eq!(members, want, "t:{i}");
            assert_eq!(
                bulk(&mut con, &["ZSCORE", &format!("z:{i}"), "m"]),
                n,
                "z:{i}"
            );
        }
    }
}

#[test]
fn bgsave_replies_as_redis_does() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("bgsave-replies");
        let server = kind.start_in(&data, NO_RULES);
        let mut con = connect(&server);
        common::persist::fill_keys(&mut con, 50_000);
        // A BGSAVE, then at once another, and one with SCHEDULE: while the first runs both
        // are refused. A save can finish before the next command arrives; try again then.
        let mut raw_conn = server.raw();
        let mut seen_refusal = false;
        for _ in 0..5 {
            let mut batch = encode_command(&[b"BGSAVE"]);
            batch.extend(encode_command(&[b"BGSAVE"]));
            batch.extend(encode_command(&[b"BGSAVE", b"SCHEDULE"]));
            raw_conn.send(&batch).expect("send");
            assert_eq!(
                show_bytes(&raw_conn.read_reply()),
                show_bytes(b"+Background saving started\r\n")
            );
            for _ in 0..2 {
                let reply = raw_conn.read_reply();
                if reply == b"-ERR Background save already in progress\r\n" {
                    seen_refusal = true;
                } else {
                    assert_eq!(
                        show_bytes(&reply),
                        show_bytes(b"+Background saving started\r\n")
                    );
                }
            }
            wait_bgsave_done(&server);
            if seen_refusal {
                break;
            }
        }
        assert!(seen_refusal, "no BGSAVE was ever refused while another ran");

        // Inside MULTI a BGSAVE is scheduled, not started, and then runs.
        let lastsave = int(&mut con, &["LASTSAVE"]);
        while unix_now_ms() / 1000 <= lastsave {
            thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(
            show_bytes(&raw(&mut raw_conn, &["MULTI"])),
            show_bytes(b"+OK\r\n")
        );
        assert_eq!(
            show_bytes(&raw(&mut raw_conn, &["BGSAVE"])),
            show_bytes(b"+QUEUED\r\n")
        );
        assert_eq!(
            show_bytes(&raw(&mut raw_conn, &["EXEC"])),
            show_bytes(b"*1\r\n+Background saving scheduled\r\n")
        );
        assert!(
            wait_until(Duration::from_secs(30), || int(&mut con, &["LASTSAVE"])
                > lastsave),
            "the scheduled BGSAVE never ran"
        );
        wait_bgsave_done(&server);

        // LASTSAVE advances after SAVE too.
        let lastsave = int(&mut con, &["LASTSAVE"]);
        while unix_now_ms() / 1000 <= lastsave {
            thread::sleep(Duration::from_millis(20));
        }
        ok(&mut con, &["SAVE"]);
        let after = int(&mut con, &["LASTSAVE"]);
        assert!(
            after > lastsave,
            "LASTSAVE {after} after SAVE, {lastsave} before"
        );
        assert_eq!(
            info_persistence(&mut con, "rdb_last_save_time"),
            after.to_string()
        );
    }
}

#[test]
fn save_rule_saves_after_a_write_and_no_rule_never_does() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("rules");
        let server = kind.start_in(&data, &[("save", "1 1"), ("appendonly", "no")]);
        let mut con = connect(&server);
        let lastsave = int(&mut con, &["LASTSAVE"]);
        ok(&mut con, &["SET", "a", "1"]);
        ok(&mut con, &["SET", "b", "2"]);
        assert!(
            wait_until(Duration::from_secs(15), || {
                int(&mut con, &["LASTSAVE"]) > lastsave
                    && info_persistence(&mut con, "rdb_changes_since_last_save") == "0"
            }),
            "save \"1 1\" did not save after a write"
        );
        assert!(data.join("dump.rdb").exists());
        drop(server);

        let data = DataDir::new("norules");
        let server = kind.start_in(&data, NO_RULES);
        let mut con = connect(&server);
        let lastsave = int(&mut con, &["LASTSAVE"]);
        ok(&mut con, &["SET", "a", "1"]);
        // Long enough for a rule like "1 1" to have fired.
        thread::sleep(Duration::from_millis(2500));
        assert_eq!(int(&mut con, &["LASTSAVE"]), lastsave);
        assert_eq!(
            info_persistence(&mut con, "rdb_changes_since_last_save"),
            "1"
        );
        assert!(
            !data.join("dump.rdb").exists(),
            "save \"\" wrote a snapshot"
        );
    }
}

#[test]
fn shutdown_save_and_sigterm_save_shutdown_nosave_does_not() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        // SHUTDOWN SAVE saves even without save rules.
        let data = DataDir::new("shutdown-save");
        let mut server = kind.start_in(&data, NO_RULES);
        ok(&mut connect(&server), &["SET", "kept", "1"]);
        shutdown(&mut server, "SAVE");
        assert!(
            data.join("dump.rdb").exists(),
            "SHUTDOWN SAVE wrote no snapshot"
        );
        let server = kind.with_shards(2).start_in(&data, NO_RULES);
        assert_eq!(bulk(&mut connect(&server), &["GET", "kept"]), "1");
        drop(server);

        // SHUTDOWN NOSAVE does not, even with save rules.
        let data = DataDir::new("shutdown-nosave");
        let mut server = kind.start_in(&data, &[("save", "3600 1"), ("appendonly", "no")]);
        ok(&mut connect(&server), &["SET", "lost", "1"]);
        shutdown(&mut server, "NOSAVE");
        assert!(
            !data.join("dump.rdb").exists(),
            "SHUTDOWN NOSAVE wrote a snapshot"
        );

        // With save rules, SIGTERM saves (as a plain SHUTDOWN does).
        let data = DataDir::new("sigterm");
        let mut server = kind.start_in(&data, &[("save", "3600 1"), ("appendonly", "no")]);
        ok(&mut connect(&server), &["SET", "kept", "2"]);
        server.sigterm();
        let status = server
            .wait_exit(Duration::from_secs(20))
            .expect("still running after SIGTERM");
        assert!(status.success(), "exit status {status} after SIGTERM");
        let server = kind.with_shards(1).start_in(&data, NO_RULES);
        assert_eq!(bulk(&mut connect(&server), &["GET", "kept"]), "2");
    }
}

/// `len` letters from a generator seeded with `seed`: a value no compressor shrinks much.
fn incompressible(seed: u64, len: usize) -> String {
    let mut state = seed
        .wrapping_mul(2862933555777941757)
        .wrapping_add(3037000493);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (b'a' + ((state >> 33) % 26) as u8) as char
        })
        .collect()
}

#[test]
fn damaged_snapshot_is_refused_at_startup() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("damaged");
        let mut server = kind.start_in(&data, NO_RULES);
        let mut con = connect(&server);
        // Values that do not compress, so that the middle of the file is one of them.
        let pairs: Vec<(String, String)> = (0..2000)
            .map(|i| (format!("key:{i}"), incompressible(i, 200)))
            .collect();
        for chunk in pairs.chunks(500) {
            let _: () = redis::cmd("MSET").arg(chunk).query(&mut con).expect("MSET");
        }
        ok(&mut con, &["SAVE"]);
        shutdown(&mut server, "NOSAVE");
        let snapshot = data.join("dump.rdb");
        let good = std::fs::read(&snapshot).expect("read dump.rdb");

        // A flipped byte fails the checksum.
        flip_middle_byte(&snapshot);
        let failure = match kind.try_start_in(&data, NO_RULES) {
            Ok(server) => panic!("started on a damaged snapshot; log:\n{}", server.log()),
            Err(failure) => failure,
        };
        assert!(!failure.status.success(), "exit status {}", failure.status);
        assert!(
            failure.log.contains("checksum"),
            "log says nothing of a checksum:\n{}",
            failure.log
        );

        // So does a cut one (or it ends too early).
        std::fs::write(&snapshot, &good[..good.len() / 2]).expect("write");
        let failure = match kind.try_start_in(&data, NO_RULES) {
            Ok(server) => panic!("started on a truncated snapshot; log:\n{}", server.log()),
            Err(failure) => failure,
        };
        assert!(!failure.status.success(), "exit status {}", failure.status);
        let why = if kind.is_redis() {
            failure.log.contains("Unexpected EOF reading RDB file")
        } else {
            failure.log.contains("truncated") || failure.log.contains("checksum")
        };
        assert!(why, "log does not say the file is cut:\n{}", failure.log);

        // Cutting only the last bytes is refused too.
        std::fs::write(&snapshot, &good).expect("write");
        cut_tail(&snapshot, 3);
        let failure = match kind.try_start_in(&data, NO_RULES) {
            Ok(server) => panic!(
                "started on a snapshot without its end; log:\n{}",
                server.log()
            ),
            Err(failure) => failure,
        };
        assert!(!failure.status.success(), "exit status {}", failure.status);

        // The intact file loads.
        std::fs::write(&snapshot, &good).expect("write");
        let server = kind.start_in(&data, NO_RULES);
        assert_eq!(int(&mut connect(&server), &["DBSIZE"]), 2000);
    }
}

#[test]
fn info_persistence_reports_saves_and_changes() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("info");
        let server = kind.start_in(&data, NO_RULES);
        let mut con = connect(&server);
        for (field, value) in [
            ("loading", "0"),
            ("rdb_changes_since_last_save", "0"),
            ("rdb_bgsave_in_progress", "0"),
            ("rdb_last_bgsave_status", "ok"),
            ("rdb_last_bgsave_time_sec", "-1"),
            ("aof_enabled", "0"),
            ("aof_rewrite_in_progress", "0"),
            ("aof_last_bgrewrite_status", "ok"),
            ("aof_last_write_status", "ok"),
        ] {
            assert_eq!(info_persistence(&mut con, field), value, "{field}");
        }
        let started: i64 = info_persistence(&mut con, "rdb_last_save_time")
            .parse()
            .expect("a number");
        assert_eq!(started, int(&mut con, &["LASTSAVE"]));
        ok(&mut con, &["SET", "a", "1"]);
        ok(&mut con, &["MSET", "b", "1", "c", "2", "d", "3"]);
        let _: i64 = q(&mut con, &["INCR", "a"]);
        let _: i64 = q(&mut con, &["DEL", "nothing"]);
        // SET 1 + MSET 3 keys + INCR 1; a DEL that deletes nothing changes nothing.
        assert_eq!(
            info_persistence(&mut con, "rdb_changes_since_last_save"),
            "5"
        );
        assert_eq!(
            q::<Value>(&mut con, &["BGSAVE"]),
            Value::SimpleString("Background saving started".into())
        );
        wait_bgsave_done(&server);
        assert_eq!(
            info_persistence(&mut con, "rdb_changes_since_last_save"),
            "0"
        );
        let took: i64 = info_persistence(&mut con, "rdb_last_bgsave_time_sec")
            .parse()
            .expect("a number");
        assert!(took >= 0, "rdb_last_bgsave_time_sec {took}");
    }
}

/// A background save that fails (here: a directory stands where the snapshot file goes, so
/// the final rename fails) sets `rdb_last_bgsave_status:err`, and with save points and
/// `stop-writes-on-bgsave-error yes` writes and PING get Redis's `-MISCONF` error while reads
/// still work; once a save succeeds (the obstacle gone), writes are accepted again.
#[test]
fn failed_bgsave_refuses_writes_until_a_save_succeeds() {
    const MISCONF: &str = "-MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.\r\n";
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("misconf");
        let server = kind.start_in(&data, &[("save", "3600 1"), ("appendonly", "no")]);
        std::fs::create_dir(data.join("dump.rdb")).expect("mkdir in the snapshot's place");
        let mut con = connect(&server);
        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(
            q::<String>(&mut con, &["BGSAVE"]),
            "Background saving started"
        );
        assert!(
            wait_until(Duration::from_secs(30), || {
                info_persistence(&mut con, "rdb_bgsave_in_progress") == "0"
            }),
            "BGSAVE never ended"
        );
        assert_eq!(info_persistence(&mut con, "rdb_last_bgsave_status"), "err");
        let mut raw_con = server.raw();
        assert_eq!(
            show_bytes(&raw(&mut raw_con, &["SET", "k", "w"])),
            show_bytes(MISCONF.as_bytes())
        );
        assert_eq!(
            show_bytes(&raw(&mut raw_con, &["PING"])),
            show_bytes(MISCONF.as_bytes())
        );
        assert_eq!(
            show_bytes(&raw(&mut raw_con, &["GET", "k"])),
            show_bytes(b"$1\r\nv\r\n")
        );
        std::fs::remove_dir(data.join("dump.rdb")).expect("rmdir");
        assert_eq!(
            show_bytes(&raw(&mut raw_con, &["BGSAVE"])),
            show_bytes(b"+Background saving started\r\n")
        );
        assert!(
            wait_until(Duration::from_secs(30), || {
                info_persistence(&mut con, "rdb_last_bgsave_status") == "ok"
            }),
            "the second BGSAVE did not succeed"
        );
        assert_eq!(
            show_bytes(&raw(&mut raw_con, &["SET", "k", "w"])),
            show_bytes(b"+OK\r\n")
        );
    }
}
