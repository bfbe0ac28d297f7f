//! Round trips: commands run with the log enabled, the log replayed into a fresh shard at a
//! clock far in the future, the two datasets compared.

use super::*;
use crate::reply::Reply;
use crate::shard::{Handler, Shard};
use crate::types::{hash, list, set, string, zset};
use crate::util::Rng;
use crate::value::Value;
use crate::{expire, keys};
use bytes::Bytes;
use std::collections::BTreeMap;
use std::time::Duration;

/// A clock far past every time the tests use: replay must not depend on it.
const FAR_FUTURE: i64 = i64::MAX / 2;

/// The handlers the tests run or replay, by lowercased name.
fn handler_of(name: &[u8]) -> Option<Handler> {
    Some(match name {
        b"set" => string::set,
        b"setex" => string::setex,
        b"psetex" => string::psetex,
        b"getex" => string::getex,
        b"getdel" => string::getdel,
        b"get" => string::get,
        b"incr" => string::incr,
        b"append" => string::append,
        b"del" => keys::del,
        b"exists" => keys::exists,
        b"rename" => keys::rename,
        b"copy" => keys::copy,
        b"expire" => expire::expire,
        b"pexpire" => expire::pexpire,
        b"expireat" => expire::expireat,
        b"pexpireat" => expire::pexpireat,
        b"persist" => expire::persist,
        b"ttl" => expire::ttl,
        b"sadd" => set::sadd,
        b"srem" => set::srem,
        b"spop" => set::spop,
        b"smove" => set::smove,
        b"lpush" => list::lpush,
        b"rpush" => list::rpush,
        b"lpop" => list::lpop,
        b"rpop" => list::rpop,
        b"lmove" => list::lmove,
        b"rpoplpush" => list::rpoplpush,
        b"lmpop" => list::lmpop,
        b"blpop" => list::blpop,
        b"brpop" => list::brpop,
        b"blmove" => list::blmove,
        b"brpoplpush" => list::brpoplpush,
        b"blmpop" => list::blmpop,
        b"hset" => hash::hset,
        b"hdel" => hash::hdel,
        b"zadd" => zset::zadd,
        b"zrem" => zset::zrem,
        b"zpopmin" => zset::zpopmin,
        b"zpopmax" => zset::zpopmax,
        b"zmpop" => zset::zmpop,
        b"bzpopmin" => zset::bzpopmin,
        b"bzpopmax" => zset::bzpopmax,
        b"bzmpop" => zset::bzmpop,
        _ => return None,
    })
}

fn args_of(words: &[&str]) -> Vec<Bytes> {
    words
        .iter()
        .map(|w| Bytes::copy_from_slice(w.as_bytes()))
        .collect()
}

/// Runs one command as the server does: the handler, then `finish_command` (every
/// command here but GET, EXISTS and TTL is a write). Returns the reply.
fn exec(s: &mut Shard, db: usize, now: i64, words: &[&str]) -> String {
    let args = args_of(words);
    let name = words[0].to_ascii_lowercase();
    let handler = handler_of(name.as_bytes()).expect("a test command");
    let mut reply = Reply::new(false);
    s.run(handler, db, now, &args, &mut reply);
    let write = !matches!(name.as_str(), "get" | "exists" | "ttl");
    s.finish_command(db, &args, write && reply.error_count() == 0);
    String::from_utf8_lossy(reply.as_bytes()).into_owned()
}

fn aof_shard() -> Shard {
    let mut s = Shard::new(16, 7);
    s.aof.set_enabled(true);
    s
}

/// Every key of every database: its value in a canonical form (collections sorted where
/// their order is not part of the value), optionally its encoding, and its expiry time.
type Dump = Vec<BTreeMap<Vec<u8>, (String, Option<i64>)>>;

fn dump(s: &Shard, with_encoding: bool) -> Dump {
    s.dbs
        .iter()
        .map(|db| {
            db.entries
                .iter()
                .map(|(key, value)| {
                    let mut text = match value {
                        Value::Str(_) | Value::Int(_) => {
                            format!("string {:?}", value.string_bytes().map(|s| s.to_vec()))
                        }
                        Value::List(l) => format!("list {:?}", l.iter().collect::<Vec<_>>()),
                        Value::Hash(h) => {
                            let mut pairs: Vec<_> = h.iter().collect();
                            pairs.sort();
                            format!("hash {pairs:?}")
                        }
                        Value::Set(set) => {
                            let mut members: Vec<_> = set.iter().map(|m| m.to_vec()).collect();
                            members.sort();
                            format!("set {members:?}")
                        }
                        Value::ZSet(z) => {
                            let items: Vec<_> = z.iter().map(|(m, s)| (m, s.to_bits())).collect();
                            format!("zset {items:?}")
                        }
                    };
                    if with_encoding {
                        text.push(' ');
                        text.push_str(value.encoding());
                    }
                    (key.as_bytes().to_vec(), (text, db.expire_at(key)))
                })
                .collect()
        })
        .collect()
}

/// Asserts two dumps are equal, naming the first key that differs (a whole dump is too
/// long to read).
fn assert_same(live: &Dump, replayed: &Dump, what: &str) {
    for (index, (a, b)) in live.iter().zip(replayed).enumerate() {
        for key in a.keys().chain(b.keys()) {
            let (x, y) = (a.get(key), b.get(key));
            if x != y {
                let short = |v: Option<&(String, Option<i64>)>| {
                    v.map(|(t, e)| (t.chars().take(300).collect::<String>(), *e))
                };
                panic!(
                    "{what}: db {index} key {:?}: live {:?} replayed {:?}",
                    String::from_utf8_lossy(key),
                    short(x),
                    short(y)
                );
            }
        }
    }
}

/// Replays `log` into a fresh shard at a clock far in the future.
fn replayed(log: &[u8]) -> Shard {
    let mut fresh = Shard::new(16, 99);
    let report =
        replay_at(&mut fresh, log, FAR_FUTURE, &|_| true, &handler_of).expect("a valid log");
    assert_eq!(report.truncated, None);
    fresh
}

/// Asserts that replaying what `s` logged gives `s`'s dataset; returns the log as text.
fn assert_replays(s: &mut Shard) -> String {
    let log = s.aof.take();
    assert_same(&dump(s, true), &dump(&replayed(&log), true), "replay");
    String::from_utf8_lossy(&log).into_owned()
}

#[test]
fn a_disabled_log_records_nothing() {
    let mut s = Shard::new(16, 1);
    exec(&mut s, 0, 1000, &["SET", "k", "v", "EX", "1"]);
    exec(&mut s, 0, 5000, &["GET", "k"]);
    s.log_key_state(0, b"k");
    s.log_expired();
    assert!(s.aof.take().is_empty());
    assert!(s.aof.override_cmds.is_none());
}

#[test]
fn set_aof_enabled_notes_expired_keys_at_once() {
    let mut s = Shard::new(16, 1);
    exec(&mut s, 0, 0, &["SET", "k", "v", "PX", "10"]);
    s.set_aof_enabled(true);
    // An expiry outside any command (the server's WATCH path) is logged with the next one.
    assert!(s.dbs[0].get(b"k", 100).is_none());
    exec(&mut s, 0, 100, &["SET", "x", "1"]);
    let mut want = Vec::new();
    encode_command(&mut want, &["SELECT", "0"]);
    encode_command(&mut want, &["DEL", "k"]);
    encode_command(&mut want, &["SET", "x", "1"]);
    assert_eq!(s.aof.take(), want);
    s.set_aof_enabled(false);
    exec(&mut s, 0, 100, &["SET", "y", "1", "PX", "1"]);
    assert!(s.dbs[0].get(b"y", 200).is_none());
    s.aof.set_enabled(true);
    exec(&mut s, 0, 200, &["SET", "z", "1"]);
    let log = String::from_utf8_lossy(&s.aof.take()).into_owned();
    assert!(!log.contains("DEL"), "expired while the log was off: {log}");
}

#[test]
fn set_with_a_relative_time_is_logged_with_an_absolute_one() {
    let mut s = aof_shard();
    exec(&mut s, 0, 1000, &["SET", "a", "1", "EX", "10"]);
    exec(&mut s, 0, 1000, &["SET", "b", "1", "PX", "10", "NX", "GET"]);
    exec(&mut s, 0, 1000, &["SET", "b", "2", "XX", "EXAT", "5"]);
    exec(&mut s, 0, 1000, &["SET", "c", "1", "nx", "px", "20"]);
    exec(&mut s, 0, 1000, &["SET", "c", "2", "NX", "PX", "20"]);
    exec(&mut s, 0, 1000, &["SET", "c", "3", "KEEPTTL"]);
    exec(&mut s, 0, 1000, &["SETEX", "d", "3", "v"]);
    exec(&mut s, 0, 1000, &["PSETEX", "e", "3", "v"]);
    let log = assert_replays(&mut s);
    assert!(log.contains("$4\r\nPXAT\r\n$5\r\n11000\r\n"), "{log}");
    assert!(log.contains("$2\r\nNX\r\n$3\r\nGET\r\n$4\r\nPXAT\r\n$4\r\n1010\r\n"));
    assert!(log.contains("$4\r\nPXAT\r\n$4\r\n5000\r\n"));
    assert!(log.contains("KEEPTTL"));
    assert!(
        !log.contains("SETEX") && !log.contains("\r\nEX\r\n"),
        "{log}"
    );
    assert_eq!(
        log.matches("$1\r\nc\r\n").count(),
        2,
        "the refused SET NX is not logged"
    );
}

#[test]
fn the_expire_family_is_logged_as_pexpireat_or_del() {
    let mut s = aof_shard();
    for k in ["a", "b", "c", "d", "e"] {
        exec(&mut s, 0, 1000, &["SET", k, "v"]);
    }
    s.aof.take();
    exec(&mut s, 0, 1000, &["EXPIRE", "a", "10"]);
    exec(&mut s, 0, 1000, &["PEXPIRE", "b", "10", "NX"]);
    exec(&mut s, 0, 1000, &["PEXPIRE", "b", "10", "NX"]);
    exec(&mut s, 0, 1000, &["EXPIREAT", "c", "20", "GT"]);
    exec(&mut s, 0, 1000, &["PEXPIREAT", "d", "999"]);
    exec(&mut s, 0, 1000, &["EXPIRE", "missing", "10"]);
    exec(&mut s, 0, 1000, &["PEXPIRE", "e", "50", "LT"]);
    exec(&mut s, 0, 1000, &["PERSIST", "e"]);
    let log = String::from_utf8_lossy(&s.aof.take()).into_owned();
    let expected = [
        &["PEXPIREAT", "a", "11000"][..],
        &["PEXPIREAT", "b", "1010"],
        &["DEL", "d"],
        &["PEXPIREAT", "e", "1050"],
        &["PERSIST", "e"],
    ];
    let mut want = Vec::new();
    for cmd in expected {
        encode_command(&mut want, cmd);
    }
    assert_eq!(
        log,
        String::from_utf8_lossy(&want),
        "no SELECT: the stream is in db 0"
    );
}

#[test]
fn replayed_times_in_the_past_are_stored_not_applied() {
    let mut s = aof_shard();
    exec(&mut s, 0, 1000, &["SET", "a", "v", "EX", "10"]);
    exec(&mut s, 0, 1000, &["SET", "b", "v"]);
    exec(&mut s, 0, 1000, &["EXPIRE", "b", "5"]);
    exec(&mut s, 0, 1000, &["SET", "c", "v"]);
    exec(&mut s, 0, 1000, &["GETEX", "c", "PX", "7"]);
    exec(&mut s, 0, 1000, &["SET", "d", "v", "EX", "100"]);
    exec(&mut s, 0, 1000, &["GETEX", "d", "PERSIST"]);
    exec(&mut s, 0, 1000, &["SET", "e", "v"]);
    exec(&mut s, 0, 1000, &["GETEX", "e", "PXAT", "10"]);
    exec(&mut s, 0, 1000, &["GETEX", "d"]);
    let log = assert_replays(&mut s);
    assert_eq!(s.dbs[0].expire_at(b"c"), Some(1007));
    assert!(log.contains("PEXPIREAT\r\n$1\r\nc\r\n$4\r\n1007"));
    assert!(log.contains("PERSIST") && log.contains("DEL\r\n$1\r\ne"));
    assert!(!log.contains("GETEX"), "{log}");
}

#[test]
fn expired_keys_are_logged_as_del_before_the_command_that_found_them() {
    let mut s = aof_shard();
    exec(&mut s, 2, 1000, &["SET", "a", "v", "PX", "10"]);
    exec(&mut s, 0, 1000, &["SET", "b", "v", "PX", "10"]);
    exec(&mut s, 0, 2000, &["GET", "x"]);
    s.aof.take();
    exec(&mut s, 2, 2000, &["SET", "a", "w", "NX"]);
    let log = String::from_utf8_lossy(&s.aof.take()).into_owned();
    let mut want = Vec::new();
    encode_command(&mut want, &["SELECT", "2"]);
    encode_command(&mut want, &["DEL", "a"]);
    encode_command(&mut want, &["SET", "a", "w", "NX"]);
    assert_eq!(log, String::from_utf8_lossy(&want));
    expire::active_expire_cycle(&mut s, 2000, Duration::from_secs(1));
    s.log_expired();
    let log = String::from_utf8_lossy(&s.aof.take()).into_owned();
    let mut want = Vec::new();
    encode_command(&mut want, &["SELECT", "0"]);
    encode_command(&mut want, &["DEL", "b"]);
    assert_eq!(log, String::from_utf8_lossy(&want));
}

#[test]
fn spop_is_logged_as_what_it_took() {
    let mut s = aof_shard();
    exec(&mut s, 0, 0, &["SADD", "i", "1", "2", "3", "4", "5", "6"]);
    exec(&mut s, 0, 0, &["SADD", "t", "a", "b", "c", "d", "e", "f"]);
    exec(&mut s, 0, 0, &["SADD", "w", "a", "b"]);
    exec(&mut s, 0, 0, &["SPOP", "i"]);
    exec(&mut s, 0, 0, &["SPOP", "i", "3"]);
    exec(&mut s, 0, 0, &["SPOP", "t", "2"]);
    exec(&mut s, 0, 0, &["SPOP", "t"]);
    exec(&mut s, 0, 0, &["SPOP", "w", "5"]);
    exec(&mut s, 0, 0, &["SPOP", "missing"]);
    let log = assert_replays(&mut s);
    assert!(!log.contains("SPOP"), "{log}");
    assert!(log.contains("*2\r\n$3\r\nDEL\r\n$1\r\nw\r\n"));
    assert_eq!(s.dbs[0].len(), 2);
}

#[test]
fn blocking_commands_are_logged_in_their_non_blocking_form() {
    let mut s = aof_shard();
    exec(&mut s, 0, 0, &["RPUSH", "l", "a", "b", "c", "d", "e", "f"]);
    exec(
        &mut s,
        0,
        0,
        &["ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d"],
    );
    s.aof.take();
    exec(&mut s, 0, 0, &["BLPOP", "none", "l", "0"]);
    exec(&mut s, 0, 0, &["BRPOP", "l", "0"]);
    exec(&mut s, 0, 0, &["BLMOVE", "l", "m", "LEFT", "RIGHT", "0"]);
    exec(&mut s, 0, 0, &["BRPOPLPUSH", "l", "m", "0"]);
    exec(
        &mut s,
        0,
        0,
        &["BLMPOP", "0", "2", "none", "m", "LEFT", "COUNT", "5"],
    );
    exec(&mut s, 0, 0, &["BLPOP", "none", "0"]);
    exec(&mut s, 0, 0, &["BZPOPMIN", "none", "z", "0"]);
    exec(&mut s, 0, 0, &["BZPOPMAX", "z", "0"]);
    exec(
        &mut s,
        0,
        0,
        &["BZMPOP", "0", "1", "z", "MIN", "COUNT", "9"],
    );
    exec(&mut s, 0, 0, &["BZPOPMIN", "z", "0"]);
    let log = String::from_utf8_lossy(&s.aof.take()).into_owned();
    let expected = [
        &["LPOP", "l"][..],
        &["RPOP", "l"],
        &["LMOVE", "l", "m", "LEFT", "RIGHT"],
        &["RPOPLPUSH", "l", "m"],
        &["LMPOP", "2", "none", "m", "LEFT", "COUNT", "5"],
        &["ZPOPMIN", "z"],
        &["ZPOPMAX", "z"],
        &["ZMPOP", "1", "z", "MIN", "COUNT", "9"],
    ];
    let mut want = Vec::new();
    for cmd in expected {
        encode_command(&mut want, cmd);
    }
    assert_eq!(log, String::from_utf8_lossy(&want));
}

#[test]
fn select_is_written_only_when_the_database_changes() {
    let mut s = aof_shard();
    exec(&mut s, 0, 0, &["SET", "a", "1"]);
    exec(&mut s, 0, 0, &["SET", "b", "1"]);
    exec(&mut s, 3, 0, &["SET", "c", "1"]);
    s.aof.forget_db();
    exec(&mut s, 3, 0, &["SET", "d", "1"]);
    let log = String::from_utf8_lossy(&s.aof.take()).into_owned();
    assert_eq!(log.matches("SELECT").count(), 3, "{log}");
}

#[test]
fn transaction_parts_are_applied_only_when_complete() {
    let mut s = aof_shard();
    exec(&mut s, 0, 0, &["SET", "a", "1"]);
    let mut log = s.aof.take();
    s.aof.forget_db();
    exec(&mut s, 1, 0, &["SET", "in-7", "1"]);
    let part = s.aof.take();
    log.extend(encode_tx_part(7, 2, &part));
    s.aof.forget_db();
    exec(&mut s, 1, 0, &["SET", "in-8", "1"]);
    log.extend(encode_tx_part(8, 3, &s.aof.take()));
    s.aof.forget_db();
    encode_command(&mut log, &["MULTI"]);
    exec(&mut s, 0, 0, &["SET", "plain", "1"]);
    log.extend(s.aof.take());
    encode_command(&mut log, &["EXEC"]);
    s.aof.forget_db();
    exec(&mut s, 0, 0, &["SET", "after", "1"]);
    log.extend(s.aof.take());
    assert_eq!(scan_transactions(&log), Ok(vec![(7, 2), (8, 3)]));
    let mut fresh = Shard::new(16, 1);
    let report = replay_at(&mut fresh, &log, 0, &|txid| txid == 7, &handler_of);
    assert_eq!(
        report,
        Ok(ReplayReport {
            commands: 4,
            truncated: None
        })
    );
    let names = |db: usize| {
        let mut keys: Vec<_> = dump(&fresh, false)[db].keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(names(0), [&b"a"[..], b"after", b"plain"]);
    assert_eq!(names(1), [&b"in-7"[..]]);
}

/// A log with a bit of everything: lone commands, SELECTs, a plain MULTI and a
/// transaction part.
fn small_log() -> Vec<u8> {
    let mut s = aof_shard();
    exec(&mut s, 0, 0, &["SET", "a", "1", "EX", "100"]);
    exec(&mut s, 1, 0, &["RPUSH", "l", "x", "y"]);
    let mut log = s.aof.take();
    encode_command(&mut log, &["MULTI"]);
    encode_command(&mut log, &["INCR", "a"]);
    encode_command(&mut log, &["SADD", "s", "m"]);
    encode_command(&mut log, &["EXEC"]);
    s.aof.forget_db();
    exec(&mut s, 2, 0, &["HSET", "h", "f", "v"]);
    log.extend(encode_tx_part(1, 2, &s.aof.take()));
    s.aof.forget_db();
    exec(&mut s, 0, 0, &["ZADD", "z", "1.5", "m"]);
    log.extend(s.aof.take());
    log
}

#[test]
fn a_log_cut_anywhere_replays_its_whole_prefix() {
    let log = small_log();
    let mut boundaries = Vec::new();
    for len in 0..=log.len() {
        let mut fresh = Shard::new(16, 1);
        let report = replay_at(&mut fresh, &log[..len], 0, &|_| true, &handler_of)
            .unwrap_or_else(|e| panic!("cut at {len}: {e}"));
        match report.truncated {
            None => boundaries.push(len),
            Some(valid) => {
                assert!(valid < len, "cut at {len}");
                assert!(boundaries.contains(&valid), "cut at {len}: {valid}");
                // The valid prefix alone replays to the same dataset.
                let mut again = Shard::new(16, 1);
                let clean = replay_at(&mut again, &log[..valid], 0, &|_| true, &handler_of);
                assert_eq!(clean.map(|r| r.truncated), Ok(None));
                assert_eq!(dump(&again, true), dump(&fresh, true));
            }
        }
        assert!(scan_transactions(&log[..len]).is_ok());
    }
    // A record boundary after each lone command, but none inside MULTI ... EXEC.
    assert_eq!(boundaries.len(), 9, "{boundaries:?}");
}

#[test]
fn a_damaged_log_is_an_error_or_a_truncation_never_a_panic() {
    let log = small_log();
    let mut rng = Rng::new(42);
    for _ in 0..3000 {
        let mut damaged = log.clone();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(damaged.len());
            damaged[at] = rng.below(256) as u8;
        }
        let mut fresh = Shard::new(16, 1);
        let _ = replay_at(&mut fresh, &damaged, 0, &|_| true, &handler_of);
        let _ = scan_transactions(&damaged);
    }
}

#[test]
fn malformed_records_are_reported_with_their_offset() {
    let mut log = Vec::new();
    encode_command(&mut log, &["SET", "a", "1"]);
    let offset = log.len();
    log.extend_from_slice(b"SET a 1\r\n");
    let mut fresh = Shard::new(16, 1);
    let err = replay_at(&mut fresh, &log, 0, &|_| true, &handler_of);
    assert_eq!(err, Err(AofError::BadFormat { offset }));
    assert_eq!(
        AofError::BadFormat { offset: 3 }.to_string(),
        "Bad file format reading the append only file (at offset 3)"
    );
    let mut log = Vec::new();
    encode_command(&mut log, &["NOSUCH", "a"]);
    assert!(matches!(
        replay_at(&mut fresh, &log, 0, &|_| true, &handler_of),
        Err(AofError::UnknownCommand { offset: 0, .. })
    ));
    for bad in [&["EXEC"][..], &["SELECT", "16"], &["SELECT", "x"], &["SET"]] {
        let mut log = Vec::new();
        encode_command(&mut log, bad);
        assert!(replay_at(&mut fresh, &log, 0, &|_| true, &handler_of).is_err());
    }
    assert_eq!(fresh.dbs[0].len(), 1);
}

#[test]
fn key_state_recreates_every_type_and_encoding() {
    let mut s = aof_shard();
    let long = "x".repeat(100);
    let many: Vec<String> = (0..700).map(|i| format!("m{i}")).collect();
    let many_ints: Vec<String> = (0..300).map(|i| i.to_string()).collect();
    let with = |head: &[&str], tail: &[String]| -> Vec<String> {
        head.iter()
            .map(|s| s.to_string())
            .chain(tail.iter().cloned())
            .collect()
    };
    let mut cmds: Vec<Vec<String>> = vec![
        with(&["SET", "int", "12345"], &[]),
        with(&["SET", "emb", "hello"], &[]),
        with(&["SET", "raw", &long], &[]),
        with(&["RPUSH", "small-list", "a", "b", ""], &[]),
        with(&["RPUSH", "big-list"], &many),
        with(&["HSET", "small-hash", "f", "v", "g", ""], &[]),
        with(&["HSET", "long-hash", "f", &long], &[]),
        with(&["SADD", "intset"], &many_ints),
        with(&["SADD", "table-set", "a", "1"], &[]),
        with(&["SADD", "big-set"], &many),
        with(
            &[
                "ZADD",
                "small-zset",
                "inf",
                "a",
                "-inf",
                "b",
                "0.1",
                "c",
                "1e300",
                "d",
            ],
            &[],
        ),
        with(
            &[
                "ZADD",
                "odd-scores",
                "5e-324",
                "a",
                "-0.0",
                "b",
                "123456789.123456789",
                "c",
            ],
            &[],
        ),
    ];
    let mut big_hash = vec!["HSET".to_string(), "big-hash".to_string()];
    let mut big_zset = vec!["ZADD".to_string(), "big-zset".to_string()];
    for (i, m) in many.iter().enumerate() {
        big_hash.extend([m.clone(), i.to_string()]);
        big_zset.extend([format!("{}", i as f64 / 7.0), m.clone()]);
    }
    cmds.push(big_hash);
    cmds.push(big_zset);
    for cmd in &cmds {
        let words: Vec<&str> = cmd.iter().map(String::as_str).collect();
        assert!(!exec(&mut s, 1, 0, &words).starts_with('-'), "{}", words[0]);
    }
    exec(&mut s, 1, 0, &["PEXPIREAT", "big-zset", "123456"]);
    exec(&mut s, 1, 0, &["PEXPIREAT", "emb", "5"]);
    s.aof.take();
    s.aof.forget_db();
    let names: Vec<Vec<u8>> = dump(&s, false)[1].keys().cloned().collect();
    let mut encodings: Vec<&str> = names
        .iter()
        .filter_map(|k| s.dbs[1].entries.get(&k[..]).map(Value::encoding))
        .collect();
    encodings.sort();
    encodings.dedup();
    assert_eq!(
        encodings,
        [
            "embstr",
            "hashtable",
            "int",
            "intset",
            "listpack",
            "quicklist",
            "raw",
            "skiplist"
        ]
    );
    for key in &names {
        s.log_key_state(1, key);
    }
    s.log_key_state(1, b"missing");
    let log = s.aof.take();
    // Replayed over a dataset that holds other values under the same names.
    let mut fresh = Shard::new(16, 3);
    for key in &names {
        let key = String::from_utf8_lossy(key).into_owned();
        exec(&mut fresh, 1, 0, &["SET", &key, "old", "PX", "1"]);
    }
    exec(&mut fresh, 1, 0, &["SET", "missing", "old"]);
    replay_at(&mut fresh, &log, FAR_FUTURE, &|_| true, &handler_of).expect("valid");
    assert_same(&dump(&s, false), &dump(&fresh, false), "key state");
    let text = String::from_utf8_lossy(&log);
    assert!(text.contains("$3\r\ninf\r\n") && text.contains("$4\r\n-inf\r\n"));
    assert!(
        text.lines().filter(|l| l.starts_with('*')).all(|l| l[1..]
            .parse::<usize>()
            .is_ok_and(|n| n <= 2 + 2 * ITEMS_PER_COMMAND)),
        "chunks of at most {ITEMS_PER_COMMAND} items"
    );
}

/// One random write (or read, for lazy expiry) command over a few keys of each type.
fn random_command(rng: &mut Rng, now: i64) -> Vec<String> {
    let pick = |rng: &mut Rng, options: &[&str]| options[rng.below(options.len())].to_string();
    let n = |rng: &mut Rng, below: usize| rng.below(below).to_string();
    let key = |rng: &mut Rng, kind: &str| format!("{kind}{}", rng.below(4));
    let member = |rng: &mut Rng| {
        if rng.below(2) == 0 {
            rng.below(20).to_string()
        } else {
            format!("m{}", rng.below(20))
        }
    };
    let time = |rng: &mut Rng| (rng.below(300) as i64 - 100).to_string();
    let abs = |rng: &mut Rng| (now + rng.below(300) as i64 - 100).max(1).to_string();
    let any = |rng: &mut Rng| {
        let kind = pick(rng, &["s", "l", "h", "S", "z"]);
        key(rng, &kind)
    };
    let mut c: Vec<String> = match rng.below(40) {
        0 => vec!["SET".into(), key(rng, "s"), n(rng, 100)],
        1 => {
            let mut c = vec!["SET".into(), key(rng, "s"), n(rng, 100)];
            c.push(pick(rng, &["NX", "XX", "GET", "KEEPTTL"]));
            let unit = pick(rng, &["EX", "PX", "EXAT", "PXAT"]);
            let t = match unit.as_str() {
                "EX" => (1 + rng.below(2)).to_string(),
                "PX" => (1 + rng.below(200)).to_string(),
                "EXAT" => (now / 1000 + rng.below(3) as i64).to_string(),
                _ => abs(rng),
            };
            if c[3] != "KEEPTTL" {
                c.extend([unit, t]);
            }
            c
        }
        2 => vec![
            "SETEX".into(),
            key(rng, "s"),
            (1 + rng.below(2)).to_string(),
            "v".into(),
        ],
        3 => vec![
            "PSETEX".into(),
            key(rng, "s"),
            (1 + rng.below(200)).to_string(),
            "v".into(),
        ],
        4 => {
            let mut c = vec!["GETEX".into(), key(rng, "s")];
            match rng.below(5) {
                0 => c.extend(["EX".into(), (1 + rng.below(2)).to_string()]),
                1 => c.extend(["PX".into(), (1 + rng.below(200)).to_string()]),
                2 => c.extend(["PXAT".into(), abs(rng)]),
                3 => c.push("PERSIST".into()),
                _ => {}
            }
            c
        }
        5 => vec!["INCR".into(), key(rng, "s")],
        6 => vec!["APPEND".into(), key(rng, "s"), "x".into()],
        7 => vec!["GETDEL".into(), key(rng, "s")],
        8 => {
            let name = pick(rng, &["EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT"]);
            let t = match name.as_str() {
                "EXPIRE" => (rng.below(3) as i64 - 1).to_string(),
                "PEXPIRE" => time(rng),
                "EXPIREAT" => (now / 1000 + rng.below(3) as i64 - 1).to_string(),
                _ => abs(rng),
            };
            let mut c = vec![name, any(rng), t];
            if rng.below(2) == 0 {
                c.push(pick(rng, &["NX", "XX", "GT", "LT"]));
            }
            c
        }
        9 => vec!["PERSIST".into(), any(rng)],
        10 => vec!["DEL".into(), any(rng), any(rng)],
        11 => vec![pick(rng, &["GET", "EXISTS", "TTL"]), any(rng)],
        12 => vec!["RENAME".into(), any(rng), any(rng)],
        13 => vec!["COPY".into(), any(rng), any(rng), "REPLACE".into()],
        14 | 15 => vec![
            "SADD".into(),
            key(rng, "S"),
            member(rng),
            member(rng),
            member(rng),
        ],
        16 => vec!["SREM".into(), key(rng, "S"), member(rng)],
        17 => vec!["SPOP".into(), key(rng, "S")],
        18 => vec!["SPOP".into(), key(rng, "S"), n(rng, 5)],
        19 => vec!["SMOVE".into(), key(rng, "S"), key(rng, "S"), member(rng)],
        20 | 21 => {
            vec![
                pick(rng, &["LPUSH", "RPUSH"]),
                key(rng, "l"),
                member(rng),
                member(rng),
            ]
        }
        22 => vec![pick(rng, &["LPOP", "RPOP"]), key(rng, "l")],
        23 => vec![
            pick(rng, &["BLPOP", "BRPOP"]),
            key(rng, "l"),
            key(rng, "l"),
            "0".into(),
        ],
        24 => {
            let (a, b) = (pick(rng, &["LEFT", "RIGHT"]), pick(rng, &["LEFT", "RIGHT"]));
            vec![
                "BLMOVE".into(),
                key(rng, "l"),
                key(rng, "l"),
                a,
                b,
                "0".into(),
            ]
        }
        25 => vec![
            "BRPOPLPUSH".into(),
            key(rng, "l"),
            key(rng, "l"),
            "1".into(),
        ],
        26 => vec![
            "BLMPOP".into(),
            "0".into(),
            "2".into(),
            key(rng, "l"),
            key(rng, "l"),
            pick(rng, &["LEFT", "RIGHT"]),
            "COUNT".into(),
            (1 + rng.below(3)).to_string(),
        ],
        27 | 28 => vec!["HSET".into(), key(rng, "h"), member(rng), n(rng, 9)],
        29 => vec!["HDEL".into(), key(rng, "h"), member(rng)],
        30 | 31 => {
            let score = pick(rng, &["1", "2.5", "-3", "inf", "-inf", "0.1"]);
            vec!["ZADD".into(), key(rng, "z"), score, member(rng)]
        }
        32 => vec!["ZREM".into(), key(rng, "z"), member(rng)],
        33 => vec![pick(rng, &["ZPOPMIN", "ZPOPMAX"]), key(rng, "z")],
        34 => vec![
            pick(rng, &["BZPOPMIN", "BZPOPMAX"]),
            key(rng, "z"),
            key(rng, "z"),
            "0".into(),
        ],
        35 => vec![
            "BZMPOP".into(),
            "0".into(),
            "1".into(),
            key(rng, "z"),
            pick(rng, &["MIN", "MAX"]),
            "COUNT".into(),
            "2".into(),
        ],
        36 => vec!["LMPOP".into(), "1".into(), key(rng, "l"), "LEFT".into()],
        37 => vec!["ZMPOP".into(), "1".into(), key(rng, "z"), "MAX".into()],
        38 => vec![
            "LMOVE".into(),
            key(rng, "l"),
            key(rng, "l"),
            "LEFT".into(),
            "LEFT".into(),
        ],
        _ => vec!["RPOPLPUSH".into(), key(rng, "l"), key(rng, "l")],
    };
    if c[0] == "SET" && c.len() > 4 && c[3] == "GET" && rng.below(2) == 0 {
        c.swap(3, 4);
    }
    c
}

#[test]
fn random_writes_replay_to_the_live_dataset() {
    let mut rng = Rng::new(2024);
    let mut s = aof_shard();
    let mut log = Vec::new();
    let mut now = 1_000_000;
    for i in 0..20_000 {
        if rng.below(10) == 0 {
            now += rng.below(60) as i64;
        }
        let db = rng.below(3);
        let cmd = random_command(&mut rng, now);
        let words: Vec<&str> = cmd.iter().map(String::as_str).collect();
        exec(&mut s, db, now, &words);
        if i % 500 == 0 {
            expire::active_expire_cycle(&mut s, now, Duration::from_secs(1));
            s.log_expired();
        }
        if rng.below(100) == 0 {
            log.extend(s.aof.take());
            s.aof.forget_db();
        }
        if i % 5000 == 4999 {
            let mut sofar = log.clone();
            sofar.extend(s.aof.take());
            s.aof.forget_db();
            log = sofar;
            assert_same(
                &dump(&s, true),
                &dump(&replayed(&log), true),
                &format!("{i}"),
            );
        }
    }
    let expired: u64 = s.dbs.iter().map(|db| db.expired_keys).sum();
    assert!(
        expired > 100,
        "lazy and active expiry both happened: {expired}"
    );
    assert!(s.dbs.iter().map(|db| db.len()).sum::<usize>() > 20);
}
