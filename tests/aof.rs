//! The append-only file, end to end: crashes (SIGKILL) under write load with `appendfsync
//! always` and `everysec`, cross-shard MULTI/EXEC and MSET after a crash (all or nothing),
//! BGREWRITEAOF under load, a truncated tail with `aof-load-truncated yes|no`, INFO
//! persistence's AOF fields, custom file names, and `CONFIG SET appendonly yes` at runtime.
//!
//! Clients record every write whose reply they *received*; the server is killed with SIGKILL
//! while they run, restarted on the same directory (shardis sometimes with another shard
//! count), and every acknowledged write must be there (with `everysec`: every write
//! acknowledged more than 2 s before the kill). The tests never parse the AOF: shardis writes
//! one segment per shard in a format of its own; they only cut a tail or sum sizes.
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server` instead, which proves the expectations are Redis's. Waits are bounded
//! polls for a condition; the delay before a kill is seeded, and is not an assertion.

mod common;

use common::persist::{
    cut_tail, dir_size, incr_segment_ending_with, info_persistence, wait_rewrite_done,
};
use common::*;
use redis::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The shard counts each test starts with.
const SHARD_COUNTS: &[usize] = &[1, 3];

/// The AOF on, fsynced before each reply.
const ALWAYS: &[(&str, &str)] = &[
    ("save", ""),
    ("appendonly", "yes"),
    ("appendfsync", "always"),
];

/// The AOF on, fsynced once a second.
const EVERYSEC: &[(&str, &str)] = &[
    ("save", ""),
    ("appendonly", "yes"),
    ("appendfsync", "everysec"),
];

/// Clients writing while the server is killed.
const WRITERS: usize = 6;

/// One acknowledged write.
#[derive(Debug, Clone)]
enum Write {
    /// INCR of a counter replied this value.
    Incr(String, i64),
    /// RPUSH of this (per-key increasing) element was acknowledged.
    Push(String, i64),
    /// SET of this increasing value was acknowledged.
    Set(String, i64),
    /// HSET of a field to an increasing value was acknowledged.
    HSet(String, String, i64),
}

/// A writer's acknowledged writes, each with the time its reply arrived.
type History = Vec<(Instant, Write)>;

/// Starts [`WRITERS`] clients doing INCR, RPUSH, SET and HSET on keys of their own (spread
/// over the shards by their names) until `stop` is set or the connection fails. Values are
/// `base + n`, so they grow across rounds when `base` does.
fn start_writers(server: &Server, base: i64, stop: &Arc<AtomicBool>) -> Vec<JoinHandle<History>> {
    (0..WRITERS)
        .map(|w| {
            let client = server.client();
            let stop = Arc::clone(stop);
            thread::spawn(move || {
                let mut history = History::new();
                let Ok(mut con) = client.get_connection() else {
                    return history;
                };
                let _ = con.set_read_timeout(Some(Duration::from_secs(20)));
                let mut n: i64 = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let value = base + n;
                    let (command, write) = match n % 4 {
                        0 => {
                            let key = format!("ctr:{w}:{}", (n / 4) % 3);
                            (cmd(&["INCR", &key]), Write::Incr(key, 0))
                        }
                        1 => {
                            let key = format!("list:{w}");
                            (
                                cmd(&["RPUSH", &key, &value.to_string()]),
                                Write::Push(key, value),
                            )
                        }
                        2 => {
                            let key = format!("str:{w}");
                            (
                                cmd(&["SET", &key, &value.to_string()]),
                                Write::Set(key, value),
                            )
                        }
                        _ => {
                            let key = format!("hash:{w}");
                            let field = format!("f{}", n % 10);
                            (
                                cmd(&["HSET", &key, &field, &value.to_string()]),
                                Write::HSet(key, field, value),
                            )
                        }
                    };
                    match command.query::<Value>(&mut con) {
                        Ok(Value::Int(reply)) => {
                            let write = match write {
                                Write::Incr(key, _) => Write::Incr(key, reply),
                                other => other,
                            };
                            history.push((Instant::now(), write));
                        }
                        Ok(_) => history.push((Instant::now(), write)),
                        Err(_) => break,
                    }
                }
                history
            })
        })
        .collect()
}

/// Checks that every write in `histories` acknowledged before `cutoff` is on `server`.
fn assert_acknowledged_present(server: &Server, histories: &[History], cutoff: Instant) {
    let mut at_least: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut pushed: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    let mut checked = 0;
    for (at, write) in histories.iter().flatten() {
        if *at >= cutoff {
            continue;
        }
        checked += 1;
        let (key, field, value) = match write {
            Write::Push(key, value) => {
                pushed.entry(key.clone()).or_default().insert(*value);
                continue;
            }
            Write::Incr(key, value) | Write::Set(key, value) => (key, String::new(), value),
            Write::HSet(key, field, value) => (key, field.clone(), value),
        };
        let max = at_least.entry((key.clone(), field)).or_insert(i64::MIN);
        *max = (*max).max(*value);
    }
    assert!(checked > 0, "no write was acknowledged before the cutoff");
    let mut con = connect(server);
    for ((key, field), min) in &at_least {
        let got: Option<i64> = if field.is_empty() {
            q(&mut con, &["GET", key])
        } else {
            q(&mut con, &["HGET", key, field])
        };
        assert!(
            got.is_some_and(|v| v >= *min),
            "{key} {field}: {got:?}, acknowledged {min}"
        );
    }
    for (key, values) in &pushed {
        let list: Vec<i64> = q(&mut con, &["LRANGE", key, "0", "-1"]);
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{key} out of order");
        let present: BTreeSet<i64> = list.into_iter().collect();
        let missing: Vec<_> = values.difference(&present).collect();
        assert!(
            missing.is_empty(),
            "{key} lost acknowledged pushes {missing:?}"
        );
    }
}

/// A delay in `range` milliseconds chosen by `seed` (a fixed sequence, not a clock).
fn seeded_delay(seed: u64, range: std::ops::Range<u64>) -> Duration {
    let mixed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    Duration::from_millis(range.start + (mixed >> 33) % (range.end - range.start))
}

/// The shard counts of successive restarts: the same as before, then another, and back.
fn round_shards(kind: Kind, round: usize) -> Kind {
    let Kind::Shardis(shards) = kind else {
        return kind;
    };
    match round % 5 {
        2 | 3 => kind.with_shards(if shards == 2 { 1 } else { 2 }),
        _ => kind.with_shards(shards),
    }
}

/// Runs `rounds` rounds of: start on the same directory, write, SIGKILL after a seeded delay
/// in `delay` ms, restart and check every write acknowledged more than `lost_window` before
/// the kill.
fn crash_rounds(
    name: &str,
    directives: &[(&str, &str)],
    rounds: usize,
    delay: std::ops::Range<u64>,
    lost_window: Duration,
) {
    for kind in Kind::each(SHARD_COUNTS) {
        let data = DataDir::new(name);
        for round in 0..rounds {
            let round_kind = round_shards(kind, round);
            eprintln!("{kind:?} round {round}: {round_kind:?}");
            let mut server = round_kind.start_in(&data, directives);
            let stop = Arc::new(AtomicBool::new(false));
            let writers = start_writers(&server, (round as i64 + 1) * 10_000_000, &stop);
            thread::sleep(seeded_delay(round as u64 + 1, delay.clone()));
            let killed_at = Instant::now();
            server.kill9();
            stop.store(true, Ordering::Relaxed);
            let histories: Vec<History> = writers
                .into_iter()
                .map(|w| w.join().expect("writer panicked"))
                .collect();
            let restarted = round_shards(kind, round + 1).start_in(&data, directives);
            let cutoff = killed_at.checked_sub(lost_window).expect("cutoff");
            assert_acknowledged_present(&restarted, &histories, cutoff);
        }
    }
}

#[test]
fn crash_with_appendfsync_always_loses_no_acknowledged_write() {
    crash_rounds("always", ALWAYS, 5, 300..800, Duration::ZERO);
}

#[test]
fn crash_with_appendfsync_everysec_loses_at_most_the_last_seconds() {
    crash_rounds("everysec", EVERYSEC, 2, 2600..3200, Duration::from_secs(2));
}

/// Tags of keys that live on three different shards when there are three (Redis Cluster's
/// CRC16, computed by the test).
fn tags_on_three_shards() -> [String; 3] {
    let mut found: Vec<String> = Vec::new();
    let mut shards_used = BTreeSet::new();
    for i in 0.. {
        let tag = format!("t{i}");
        let shard = (crc16(tag.as_bytes()) & 16383) as usize * 3 / 16384;
        if shards_used.insert(shard) {
            found.push(tag);
        }
        if found.len() == 3 {
            break;
        }
    }
    [found[0].clone(), found[1].clone(), found[2].clone()]
}

#[test]
fn crash_keeps_cross_shard_multi_and_mset_all_or_nothing() {
    let [ta, tb, tc] = tags_on_three_shards();
    for kind in Kind::each(SHARD_COUNTS) {
        let data = DataDir::new("multi");
        for round in 0..3 {
            let round_kind = round_shards(kind, round * 2);
            eprintln!("{kind:?} round {round}: {round_kind:?}");
            let mut server = round_kind.start_in(&data, ALWAYS);
            let stop = Arc::new(AtomicBool::new(false));
            let clients: Vec<JoinHandle<(i64, i64)>> = (0..4)
                .map(|c| {
                    let client = server.client();
                    let stop = Arc::clone(&stop);
                    let keys = [
                        format!("{{{ta}}}k:{c}"),
                        format!("{{{tb}}}k:{c}"),
                        format!("{{{tc}}}k:{c}"),
                    ];
                    let counter = format!("{{{tc}}}n:{c}");
                    let msets = [
                        format!("{{{ta}}}m:{c}"),
                        format!("{{{tb}}}m:{c}"),
                        format!("{{{tc}}}m:{c}"),
                    ];
                    thread::spawn(move || {
                        let (mut acked_exec, mut acked_mset) = (0, 0);
                        let Ok(mut con) = client.get_connection() else {
                            return (acked_exec, acked_mset);
                        };
                        let _ = con.set_read_timeout(Some(Duration::from_secs(20)));
                        // Continue from what survived the last crash.
                        let Ok(start) = cmd(&["GET", &keys[0]]).query::<Option<i64>>(&mut con)
                        else {
                            return (acked_exec, acked_mset);
                        };
                        let mut i = start.unwrap_or(0);
                        while !stop.load(Ordering::Relaxed) {
                            i += 1;
                            let v = i.to_string();
                            let mut tx = redis::pipe();
                            tx.atomic();
                            for key in &keys {
                                tx.cmd("SET").arg(key).arg(&v).ignore();
                            }
                            tx.cmd("INCR").arg(&counter);
                            match tx.query::<(i64,)>(&mut con) {
                                Ok((n,)) => {
                                    assert_eq!(n, i, "INCR in EXEC");
                                    acked_exec = i;
                                }
                                Err(_) => break,
                            }
                            let mut mset = redis::cmd("MSET");
                            for key in &msets {
                                mset.arg(key).arg(&v);
                            }
                            match mset.query::<()>(&mut con) {
                                Ok(()) => acked_mset = i,
                                Err(_) => break,
                            }
                        }
                        (acked_exec, acked_mset)
                    })
                })
                .collect();
            thread::sleep(seeded_delay(round as u64 + 11, 300..800));
            server.kill9();
            stop.store(true, Ordering::Relaxed);
            let acked: Vec<(i64, i64)> = clients
                .into_iter()
                .map(|c| c.join().expect("client panicked"))
                .collect();
            assert!(acked.iter().any(|a| a.0 > 0), "no EXEC was acknowledged");

            let restarted = round_shards(kind, round * 2 + 1).start_in(&data, ALWAYS);
            let mut con = connect(&restarted);
            for (c, (acked_exec, acked_mset)) in acked.iter().enumerate() {
                let values: Vec<Option<i64>> = q(
                    &mut con,
                    &[
                        "MGET",
                        &format!("{{{ta}}}k:{c}"),
                        &format!("{{{tb}}}k:{c}"),
                        &format!("{{{tc}}}k:{c}"),
                        &format!("{{{tc}}}n:{c}"),
                    ],
                );
                assert!(
                    values.iter().all(|v| *v == values[0]),
                    "client {c}: a transaction half applied: {values:?}"
                );
                assert!(
                    values[0].unwrap_or(0) >= *acked_exec,
                    "client {c}: {values:?}, acknowledged EXEC {acked_exec}"
                );
                let values: Vec<Option<i64>> = q(
                    &mut con,
                    &[
                        "MGET",
                        &format!("{{{ta}}}m:{c}"),
                        &format!("{{{tb}}}m:{c}"),
                        &format!("{{{tc}}}m:{c}"),
                    ],
                );
                assert!(
                    values.iter().all(|v| *v == values[0]),
                    "client {c}: an MSET half applied: {values:?}"
                );
                assert!(
                    values[0].unwrap_or(0) >= *acked_mset,
                    "client {c}: {values:?}, acknowledged MSET {acked_mset}"
                );
            }
        }
    }
}

/// Keys the rewrite test overwrites (a multiple of [`REWRITE_WRITERS`]: each writer owns its
/// share, so the last acknowledged value of a key is well defined).
const REWRITE_KEYS: usize = 48;
/// Overwrites of each before the rewrite: the AOF's history is this many times the data.
const OVERWRITES: usize = 200;
/// Clients writing during the rewrite, each to keys of its own.
const REWRITE_WRITERS: usize = 4;
/// SETs each of them sends during the rewrite: together far fewer than the history, so the
/// rewritten AOF must be smaller whatever the timing.
const WRITES_DURING_REWRITE: usize = 500;

/// A value of the rewrite test: its sequence number, padded.
fn padded(seq: usize) -> String {
    format!("{seq}:{}", "p".repeat(100))
}

#[test]
fn bgrewriteaof_under_load_shrinks_the_aof_and_keeps_every_write() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("rewrite");
        let aof_dir = data.join("appendonlydir");
        let mut server = kind.start_in(&data, ALWAYS);
        let writer = |phase: usize, count: usize| {
            (0..REWRITE_WRITERS)
                .map(|w| {
                    let client = server.client();
                    thread::spawn(move || {
                        let mut con = client.get_connection().expect("connect");
                        let mut acked = BTreeMap::new();
                        for n in 0..count {
                            let key = format!("rw:{w}:{}", n % (REWRITE_KEYS / REWRITE_WRITERS));
                            let seq = phase * 1_000_000 + n;
                            ok(&mut con, &["SET", &key, &padded(seq)]);
                            acked.insert(key, seq);
                        }
                        acked
                    })
                })
                .collect::<Vec<_>>()
        };
        for handle in writer(1, OVERWRITES * REWRITE_KEYS / REWRITE_WRITERS) {
            handle.join().expect("writer panicked");
        }
        let before = dir_size(&aof_dir);
        assert!(
            before > (REWRITE_KEYS * OVERWRITES * 100) as u64,
            "AOF only {before} bytes"
        );

        let during = writer(2, WRITES_DURING_REWRITE);
        let mut con = connect(&server);
        assert_eq!(
            q::<Value>(&mut con, &["BGREWRITEAOF"]),
            Value::SimpleString("Background append only file rewriting started".into())
        );
        wait_rewrite_done(&server);
        let mut acked = BTreeMap::new();
        for handle in during {
            acked.extend(handle.join().expect("writer panicked"));
        }
        wait_rewrite_done(&server);
        assert!(
            wait_until(Duration::from_secs(30), || dir_size(&aof_dir) < before / 2),
            "the AOF dir holds {} bytes after the rewrite, {before} before",
            dir_size(&aof_dir)
        );
        server.kill9();

        let restarted = kind.with_shards(2).start_in(&data, ALWAYS);
        let mut con = connect(&restarted);
        assert_eq!(int(&mut con, &["DBSIZE"]), REWRITE_KEYS as i64);
        for (key, seq) in acked {
            assert_eq!(bulk(&mut con, &["GET", &key]), padded(seq), "{key}");
        }
    }
}

#[test]
fn bgrewriteaof_replies_as_redis_does() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("rewrite-replies");
        let server = kind.start_in(&data, ALWAYS);
        let mut con = connect(&server);
        common::persist::fill_keys(&mut con, 50_000);
        // While a rewrite runs: another is refused, a BGSAVE is refused, BGSAVE SCHEDULE is
        // scheduled. A rewrite can finish before the next command arrives; try again then.
        let mut raw_conn = server.raw();
        let mut seen_refusal = false;
        for _ in 0..5 {
            let mut batch = encode_command(&[b"BGREWRITEAOF"]);
            batch.extend(encode_command(&[b"BGREWRITEAOF"]));
            batch.extend(encode_command(&[b"BGSAVE"]));
            batch.extend(encode_command(&[b"BGSAVE", b"SCHEDULE"]));
            raw_conn.send(&batch).expect("send");
            assert_eq!(
                show_bytes(&raw_conn.read_reply()),
                show_bytes(b"+Background append only file rewriting started\r\n")
            );
            let replies: Vec<Vec<u8>> = (0..3).map(|_| raw_conn.read_reply()).collect();
            if replies[0] == b"-ERR Background append only file rewriting already in progress\r\n" {
                assert_eq!(
                    show_bytes(&replies[1]),
                    show_bytes(b"-ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.\r\n")
                );
                assert_eq!(
                    show_bytes(&replies[2]),
                    show_bytes(b"+Background saving scheduled\r\n")
                );
                seen_refusal = true;
            }
            wait_rewrite_done(&server);
            common::persist::wait_bgsave_done(&server);
            if seen_refusal {
                break;
            }
        }
        assert!(
            seen_refusal,
            "no BGREWRITEAOF was ever refused while another ran"
        );
        // The scheduled BGSAVE runs once the rewrite is over.
        assert!(
            wait_until(Duration::from_secs(30), || data.join("dump.rdb").exists()),
            "the scheduled BGSAVE never ran"
        );
    }
}

#[test]
fn truncated_aof_tail_loads_only_with_aof_load_truncated_yes() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("truncated");
        let mut server = kind.start_in(&data, ALWAYS);
        let mut con = connect(&server);
        for i in 0..200 {
            ok(&mut con, &["SET", &format!("t:{i}"), &format!("value-{i}")]);
        }
        ok(&mut con, &["SET", "the-last-one", "written-last-and-cut"]);
        server.kill9();
        cut_tail(
            &incr_segment_ending_with(&data.join("appendonlydir"), b"written-last-and-cut\r\n"),
            5,
        );

        let refuse: Vec<(&str, &str)> = ALWAYS
            .iter()
            .copied()
            .chain([("aof-load-truncated", "no")])
            .collect();
        let failure = match kind.try_start_in(&data, &refuse) {
            Ok(server) => panic!("started on a truncated AOF; log:\n{}", server.log()),
            Err(failure) => failure,
        };
        assert!(!failure.status.success(), "exit status {}", failure.status);
        assert!(
            failure.log.contains("Unexpected end of file") || failure.log.contains("truncated"),
            "log does not say the AOF is cut:\n{}",
            failure.log
        );

        let load: Vec<(&str, &str)> = ALWAYS
            .iter()
            .copied()
            .chain([("aof-load-truncated", "yes")])
            .collect();
        let server = kind.with_shards(2).start_in(&data, &load);
        let mut con = connect(&server);
        assert_eq!(int(&mut con, &["EXISTS", "the-last-one"]), 0);
        assert_eq!(int(&mut con, &["DBSIZE"]), 200);
        for i in 0..200 {
            assert_eq!(
                bulk(&mut con, &["GET", &format!("t:{i}")]),
                format!("value-{i}")
            );
        }
    }
}

#[test]
fn info_persistence_and_file_names_follow_the_aof_directives() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("aof-names");
        let directives: Vec<(&str, &str)> = ALWAYS
            .iter()
            .copied()
            .chain([("appendfilename", "mine.aof"), ("appenddirname", "mydir")])
            .collect();
        let mut server = kind.start_in(&data, &directives);
        let mut con = connect(&server);
        for (field, value) in [
            ("loading", "0"),
            ("aof_enabled", "1"),
            ("aof_rewrite_in_progress", "0"),
            ("aof_last_bgrewrite_status", "ok"),
            ("aof_last_write_status", "ok"),
        ] {
            assert_eq!(info_persistence(&mut con, field), value, "{field}");
        }
        ok(&mut con, &["SET", "a", "1"]);
        let _: i64 = q(&mut con, &["INCR", "a"]);
        assert_eq!(
            info_persistence(&mut con, "rdb_changes_since_last_save"),
            "2"
        );
        assert!(
            data.join("mydir").join("mine.aof.manifest").exists(),
            "no mydir/mine.aof.manifest"
        );
        assert!(!data.join("appendonlydir").exists());
        server.kill9();
        let server = kind.with_shards(2).start_in(&data, &directives);
        assert_eq!(bulk(&mut connect(&server), &["GET", "a"]), "2");
    }
}

#[test]
fn config_set_appendonly_yes_writes_the_data_so_far() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("enable-aof");
        let mut server = kind.start_in(
            &data,
            &[
                ("save", ""),
                ("appendonly", "no"),
                ("appendfsync", "always"),
            ],
        );
        let mut con = connect(&server);
        let pairs: Vec<(String, String)> = (0..500)
            .map(|i| (format!("before:{i}"), i.to_string()))
            .collect();
        let _: () = redis::cmd("MSET")
            .arg(&pairs)
            .query(&mut con)
            .expect("MSET");
        assert_eq!(info_persistence(&mut con, "aof_enabled"), "0");
        assert!(!data.join("appendonlydir").exists());
        ok(&mut con, &["CONFIG", "SET", "appendonly", "yes"]);
        assert_eq!(info_persistence(&mut con, "aof_enabled"), "1");
        wait_rewrite_done(&server);
        assert!(data
            .join("appendonlydir")
            .join("appendonly.aof.manifest")
            .exists());
        ok(&mut con, &["SET", "after", "1"]);
        server.kill9();

        let server = kind.with_shards(2).start_in(&data, ALWAYS);
        let mut con = connect(&server);
        assert_eq!(int(&mut con, &["DBSIZE"]), 501);
        assert_eq!(bulk(&mut con, &["GET", "after"]), "1");
        let keys: Vec<&String> = pairs.iter().map(|(k, _)| k).collect();
        let values: Vec<String> = redis::cmd("MGET").arg(&keys).query(&mut con).expect("MGET");
        assert_eq!(
            values,
            pairs.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>()
        );
    }
}

/// A key of a database: (db, key).
type DbKey = (u8, Vec<u8>);

/// Every key of every database: (db, key) → (dumped value and encoding), and the keys that
/// have a time to live.
fn dump_all(con: &mut redis::Connection) -> (BTreeMap<DbKey, String>, BTreeSet<DbKey>) {
    let mut values = BTreeMap::new();
    let mut volatile = BTreeSet::new();
    for db in 0..16u8 {
        ok(con, &["SELECT", &db.to_string()]);
        for (key, dumped) in common::persist::dump_db(con) {
            let ttl: i64 = redis::cmd("PTTL").arg(&key).query(con).expect("PTTL");
            if ttl >= 0 {
                volatile.insert((db, key.clone()));
            }
            // A string's encoding is left out: Redis itself may reload an integer-looking
            // string as embstr where it was int.
            let (value, encoding) = dumped;
            let encoding = match encoding.as_str() {
                "int" | "embstr" | "raw" => "string".to_string(),
                _ => encoding,
            };
            values.insert((db, key), format!("{value:?} {encoding}"));
        }
    }
    ok(con, &["SELECT", "0"]);
    (values, volatile)
}

/// Replaying the append-only file rebuilds exactly what the commands left: every command of
/// the differential scripts (tests/diff/*.txt: every type, expiry, multi-key commands over
/// shards, MULTI/EXEC, errors) runs against a server with `appendonly yes`, which is then
/// killed and restarted (with another shard count); every database must hold the same keys,
/// values and encodings (a key with a time to live may have expired in between).
#[test]
fn replaying_the_aof_rebuilds_what_every_scripted_command_left() {
    let skip = ["protocol.txt", "config.txt"];
    let mut scripts: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/diff"))
        .expect("tests/diff")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt") && !skip.iter().any(|s| p.ends_with(s))
        })
        .collect();
    scripts.sort();
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("aof-corpus");
        let mut server = kind.start_in(&data, ALWAYS);
        for script in &scripts {
            let text = std::fs::read_to_string(script).expect("script");
            let mut raw = server.raw();
            for line in text.lines() {
                let line = line.trim_start();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut words = split_words(line).expect("script line");
                match words[0].as_slice() {
                    b"@sort" | b"@ignore" => {
                        words.remove(0);
                    }
                    b"@reconnect" => {
                        raw = server.raw();
                        continue;
                    }
                    w if w.starts_with(b"@") => continue,
                    _ => {}
                }
                let args: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
                raw.cmd(&args);
            }
        }
        let mut con = connect(&server);
        let (before, volatile_before) = dump_all(&mut con);
        assert!(
            before.len() > 20,
            "the scripts left only {} keys",
            before.len()
        );
        server.kill9();
        let restarted = match kind {
            Kind::Shardis(n) => kind.with_shards(if n == 1 { 2 } else { 1 }),
            Kind::Redis => kind,
        };
        let server = restarted.start_in(&data, ALWAYS);
        let mut con = connect(&server);
        let (after, _) = dump_all(&mut con);
        let mut expired = 0;
        for (key, value) in &before {
            let shown = format!("db {} key {}", key.0, key.1.escape_ascii());
            match after.get(key) {
                Some(found) => assert_eq!(found, value, "{shown}"),
                // Only a key with a time to live may be gone: it expired meanwhile.
                None => {
                    assert!(volatile_before.contains(key), "{shown} is gone");
                    expired += 1;
                }
            }
        }
        let extra: Vec<String> = after
            .keys()
            .filter(|k| !before.contains_key(*k))
            .map(|(db, k)| format!("db {db} key {}", k.escape_ascii()))
            .collect();
        assert!(
            extra.is_empty(),
            "keys that were not there before: {extra:?}"
        );
        eprintln!("{} keys, {expired} expired in between", before.len());
    }
}

/// A damaged record in the middle of a segment (not a cut-off tail) stops the start with
/// Redis's "Bad file format" error, whatever `aof-load-truncated` says.
#[test]
fn corrupt_aof_record_in_the_middle_stops_the_start() {
    for kind in Kind::each(SHARD_COUNTS) {
        eprintln!("{kind:?}");
        let data = DataDir::new("corrupt");
        let mut server = kind.start_in(&data, ALWAYS);
        let mut con = connect(&server);
        for i in 0..5 {
            ok(&mut con, &["SET", "{same}k", &format!("value-{i}")]);
        }
        ok(&mut con, &["SET", "{same}marker", "m"]);
        ok(&mut con, &["SET", "{same}after", "a"]);
        server.kill9();
        let segment =
            incr_segment_ending_with(&data.join("appendonlydir"), b"after\r\n$1\r\na\r\n");
        let mut bytes = std::fs::read(&segment).expect("read segment");
        let at = bytes
            .windows(8)
            .position(|w| w == b"}marker\r")
            .expect("the marker record");
        // The `$` of the key's length line becomes garbage.
        let dollar = bytes[..at]
            .iter()
            .rposition(|&b| b == b'$')
            .expect("length line");
        bytes[dollar] = b'@';
        std::fs::write(&segment, &bytes).expect("write segment");
        let failure = match kind.try_start_in(&data, ALWAYS) {
            Ok(server) => panic!("started on a damaged AOF; log:\n{}", server.log()),
            Err(failure) => failure,
        };
        assert!(!failure.status.success(), "exit status {}", failure.status);
        assert!(
            failure
                .log
                .contains("Bad file format reading the append only file"),
            "log does not say the AOF is damaged:\n{}",
            failure.log
        );
    }
}
