//! End-to-end tests of the keyspace commands, through the real binary and the `redis` crate:
//! counting commands over keys on several shards, KEYS and SCAN (full iterations compared as
//! sets, deletions during a scan), DBSIZE, FLUSHDB/FLUSHALL per database, RENAME/RENAMENX/COPY
//! between keys on different shards, RANDOMKEY and SELECT isolation.
//!
//! Each test runs against shardis with 1, 2 and 4 shards. With `SHARDIS_E2E_REDIS=1` it
//! runs against a real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{assert_err, assert_ttl, bulk, connect, crc16, each_server, int, nil, ok, q};
use redis::{Connection, Value};
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 2, 4];

/// A simple string reply (panics on anything else).
fn status(con: &mut Connection, words: &[&str]) -> String {
    match q::<Value>(con, words) {
        Value::SimpleString(s) => s,
        Value::Okay => "OK".into(),
        other => panic!("{words:?}: expected a status reply, got {other:?}"),
    }
}

/// Sets every key to `value-of-KEY` with MSETs of at most 500 keys.
fn fill(con: &mut Connection, keys: &[String]) {
    for chunk in keys.chunks(500) {
        let mut mset = redis::cmd("MSET");
        for k in chunk {
            mset.arg(k).arg(format!("value-of-{k}"));
        }
        assert_eq!(mset.query::<Value>(con).unwrap(), Value::Okay);
    }
}

fn set_of<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> BTreeSet<String> {
    items.into_iter().map(Into::into).collect()
}

/// KEYS `pattern` as a set.
fn keys(con: &mut Connection, pattern: &str) -> BTreeSet<String> {
    let list: Vec<String> = q(con, &["KEYS", pattern]);
    let set = set_of(list.iter().cloned());
    assert_eq!(set.len(), list.len(), "KEYS {pattern} repeated a key");
    set
}

/// The hash slot of a key without hash tags (test keys never contain `{`).
fn slot(key: &str) -> u16 {
    assert!(!key.contains('{'));
    crc16(key.as_bytes()) & 16383
}

/// The first key `prefix-N` whose slot lies in `slots`.
fn key_in_slots(prefix: &str, slots: Range<u16>) -> String {
    (0..)
        .map(|i| format!("{prefix}-{i}"))
        .find(|k| slots.contains(&slot(k)))
        .unwrap()
}

/// A key in the first quarter of the slots (the first shard with 2 or 4 shards) and one in
/// the last quarter (the last shard with 2 or 4 shards).
fn far_apart(prefix: &str) -> (String, String) {
    (
        key_in_slots(&format!("{prefix}-lo"), 0..4096),
        key_in_slots(&format!("{prefix}-hi"), 12288..16384),
    )
}

/// Runs a SCAN iteration to its end with `args` after the cursor; returns every key returned
/// (duplicates included) and the number of calls. `between` runs after every call.
fn scan_all(
    con: &mut Connection,
    args: &[&str],
    mut between: impl FnMut(&mut Connection),
) -> (Vec<String>, usize) {
    let mut cursor = "0".to_string();
    let mut all = Vec::new();
    let mut calls = 0;
    loop {
        let mut words = vec!["SCAN", cursor.as_str()];
        words.extend_from_slice(args);
        let (next, batch): (String, Vec<String>) = q(con, &words);
        calls += 1;
        assert!(calls < 100_000, "SCAN {args:?} does not end");
        all.extend(batch);
        between(con);
        if next == "0" {
            return (all, calls);
        }
        assert!(next.parse::<u64>().is_ok(), "SCAN cursor {next:?}");
        cursor = next;
    }
}

#[test]
fn del_unlink_exists_touch_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let names: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
        fill(&mut con, &names);
        let missing: Vec<String> = (0..20).map(|i| format!("missing{i}")).collect();

        let mut words: Vec<&str> = vec!["EXISTS"];
        words.extend(names.iter().map(String::as_str));
        words.extend(missing.iter().map(String::as_str));
        // EXISTS counts a key each time it is named.
        words.push("k5");
        words.push("k5");
        assert_eq!(int(&mut con, &words), 102);
        words[0] = "TOUCH";
        assert_eq!(int(&mut con, &words), 102);
        assert_eq!(int(&mut con, &["EXISTS", "missing0"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "k0"]), 1);

        // DEL counts each key removed once, however often it is named.
        let mut del: Vec<&str> = vec!["DEL"];
        del.extend(names[..50].iter().map(String::as_str));
        del.extend(missing.iter().map(String::as_str));
        del.push("k7");
        del.push("k7");
        assert_eq!(int(&mut con, &del), 50);
        assert_eq!(int(&mut con, &del), 0);
        assert_eq!(int(&mut con, &["DBSIZE"]), 50);
        let mut unlink: Vec<&str> = vec!["UNLINK"];
        unlink.extend(names.iter().map(String::as_str));
        unlink.push("k99");
        assert_eq!(int(&mut con, &unlink), 50);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0);
        assert_eq!(int(&mut con, &["DEL", "k1"]), 0);

        // One key, several times, on one shard.
        ok(&mut con, &["SET", "a", "1"]);
        assert_eq!(int(&mut con, &["DEL", "a", "a"]), 1);
        ok(&mut con, &["SET", "a", "1"]);
        assert_eq!(int(&mut con, &["EXISTS", "a", "a", "nokey"]), 2);
        assert_eq!(int(&mut con, &["TOUCH", "a", "a", "nokey"]), 2);
        assert_eq!(int(&mut con, &["UNLINK", "a", "a"]), 1);

        for name in ["del", "unlink", "exists", "touch"] {
            assert_err(
                &mut con,
                &[name],
                &format!("ERR wrong number of arguments for '{name}' command"),
            );
        }
    });
}

#[test]
fn type_and_dbsize() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0);
        assert_eq!(status(&mut con, &["TYPE", "k"]), "none");
        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(status(&mut con, &["TYPE", "k"]), "string");
        ok(&mut con, &["SET", "n", "12"]);
        assert_eq!(status(&mut con, &["TYPE", "n"]), "string");
        let names: Vec<String> = (0..300).map(|i| format!("size:{i}")).collect();
        fill(&mut con, &names);
        assert_eq!(int(&mut con, &["DBSIZE"]), 302);
        assert_eq!(int(&mut con, &["DEL", "size:0", "size:299", "k"]), 3);
        assert_eq!(int(&mut con, &["DBSIZE"]), 299);
        assert_err(
            &mut con,
            &["TYPE"],
            "ERR wrong number of arguments for 'type' command",
        );
        assert_err(
            &mut con,
            &["DBSIZE", "x"],
            "ERR wrong number of arguments for 'dbsize' command",
        );
    });
}

#[test]
fn keys_patterns() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert!(keys(&mut con, "*").is_empty());
        let names = [
            "hello", "hallo", "hxllo", "hllo", "heeeello", "hbllo", "h*llo", "a?c", "abc",
            "user:1", "user:22", "foo", "foobar", "x[y", "",
        ];
        for k in names {
            ok(&mut con, &["SET", k, "v"]);
        }
        let cases: &[(&str, &[&str])] = &[
            ("*", &names),
            ("h?llo", &["hello", "hallo", "hxllo", "hbllo", "h*llo"]),
            (
                "h*llo",
                &[
                    "hello", "hallo", "hxllo", "hllo", "heeeello", "hbllo", "h*llo",
                ],
            ),
            ("h[ae]llo", &["hello", "hallo"]),
            ("h[^e]llo", &["hallo", "hxllo", "hbllo", "h*llo"]),
            ("h[a-b]llo", &["hallo", "hbllo"]),
            ("h\\*llo", &["h*llo"]),
            ("a\\?c", &["a?c"]),
            ("a?c", &["a?c", "abc"]),
            ("user:*", &["user:1", "user:22"]),
            ("user:?", &["user:1"]),
            ("foo*", &["foo", "foobar"]),
            ("foo", &["foo"]),
            ("x\\[y", &["x[y"]),
            ("nomatch*", &[]),
        ];
        for (pattern, expected) in cases {
            assert_eq!(
                keys(&mut con, pattern),
                set_of(expected.iter().copied()),
                "KEYS {pattern:?}"
            );
        }

        // Many keys over every shard.
        let many: Vec<String> = (0..1000).map(|i| format!("many:{i}")).collect();
        fill(&mut con, &many);
        assert_eq!(keys(&mut con, "many:*"), set_of(many.iter().cloned()));
        let ones = set_of(many.iter().filter(|k| k.starts_with("many:1")).cloned());
        assert_eq!(ones.len(), 111);
        assert_eq!(keys(&mut con, "many:1*"), ones);
        assert_eq!(keys(&mut con, "*").len(), names.len() + 1000);
    });
}

#[test]
fn scan_returns_every_key() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let (all, _) = scan_all(&mut con, &[], |_| {});
        assert!(all.is_empty());

        let names: Vec<String> = (0..5000).map(|i| format!("key:{i}")).collect();
        fill(&mut con, &names);
        let expected: HashSet<String> = names.iter().cloned().collect();

        for args in [&[][..], &["COUNT", "1000"], &["COUNT", "3"]] {
            let (all, calls) = scan_all(&mut con, args, |_| {});
            let got: HashSet<String> = all.iter().cloned().collect();
            assert_eq!(got.len(), 5000, "SCAN {args:?}: distinct keys");
            assert_eq!(got, expected, "SCAN {args:?}");
            if args.is_empty() {
                // With the default COUNT of 10 the scan takes many calls.
                assert!(calls > 10, "SCAN took only {calls} calls");
            }
        }

        let ones: HashSet<String> = names
            .iter()
            .filter(|k| k.starts_with("key:1"))
            .cloned()
            .collect();
        for args in [
            &["MATCH", "key:1*"][..],
            &["MATCH", "key:1*", "COUNT", "500"],
            &["COUNT", "100", "MATCH", "key:1*", "TYPE", "string"],
        ] {
            let (all, _) = scan_all(&mut con, args, |_| {});
            let got: HashSet<String> = all.into_iter().collect();
            assert_eq!(got, ones, "SCAN {args:?}");
        }
        let (all, _) = scan_all(&mut con, &["TYPE", "string", "COUNT", "1000"], |_| {});
        assert_eq!(all.into_iter().collect::<HashSet<_>>(), expected);
        for kind in ["list", "hash"] {
            let (all, _) = scan_all(&mut con, &["TYPE", kind, "COUNT", "1000"], |_| {});
            assert!(all.is_empty(), "SCAN TYPE {kind} returned {all:?}");
        }
        let (all, _) = scan_all(&mut con, &["MATCH", "nothing*", "COUNT", "1000"], |_| {});
        assert!(all.is_empty());

        assert_err(&mut con, &["SCAN", "x"], "ERR invalid cursor");
        assert_err(
            &mut con,
            &["SCAN", "18446744073709551616"],
            "ERR invalid cursor",
        );
        assert_err(&mut con, &["SCAN", "0", "COUNT", "0"], "ERR syntax error");
        assert_err(
            &mut con,
            &["SCAN", "0", "COUNT", "x"],
            "ERR value is not an integer or out of range",
        );
        assert_err(&mut con, &["SCAN", "0", "foo"], "ERR syntax error");
        assert_err(&mut con, &["SCAN", "0", "MATCH"], "ERR syntax error");
        assert_err(
            &mut con,
            &["SCAN"],
            "ERR wrong number of arguments for 'scan' command",
        );
    });
}

#[test]
fn scan_survives_deletions() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let stay: Vec<String> = (0..2000).map(|i| format!("stay:{i}")).collect();
        let gone: Vec<String> = (0..3000).map(|i| format!("gone:{i}")).collect();
        fill(&mut con, &stay);
        fill(&mut con, &gone);

        // A second connection deletes 40 `gone` keys after every SCAN call.
        let mut other = connect(server);
        let mut to_delete = gone.chunks(40);
        let (all, _) = scan_all(&mut con, &["COUNT", "20"], |_| {
            if let Some(chunk) = to_delete.next() {
                let deleted: i64 = redis::cmd("DEL").arg(chunk).query(&mut other).unwrap();
                assert_eq!(deleted, chunk.len() as i64);
            }
        });
        let got: HashSet<String> = all.into_iter().collect();
        for k in &stay {
            assert!(
                got.contains(k),
                "{k} was present all along but SCAN missed it"
            );
        }
        let known: HashSet<&String> = stay.iter().chain(&gone).collect();
        for k in &got {
            assert!(known.contains(k), "SCAN returned {k}, never set");
        }
        // The same while the scanning connection deletes too, with MATCH.
        let mut doomed = stay[1000..].iter();
        let (all, _) = scan_all(&mut con, &["MATCH", "stay:*", "COUNT", "15"], |c| {
            let chunk: Vec<&String> = doomed.by_ref().take(10).collect();
            if !chunk.is_empty() {
                let _: i64 = redis::cmd("DEL").arg(chunk).query(c).unwrap();
            }
        });
        let got: HashSet<String> = all.into_iter().collect();
        for k in &stay[..1000] {
            assert!(
                got.contains(k),
                "{k} was present all along but SCAN missed it"
            );
        }
        for k in &got {
            assert!(k.starts_with("stay:"), "MATCH stay:* returned {k}");
        }
    });
}

#[test]
fn flushdb_and_flushall_per_database() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let names: Vec<String> = (0..200).map(|i| format!("f{i}")).collect();
        for db in ["0", "1", "2"] {
            ok(&mut con, &["SELECT", db]);
            fill(&mut con, &names);
        }
        ok(&mut con, &["SELECT", "1"]);
        ok(&mut con, &["FLUSHDB"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0);
        assert!(keys(&mut con, "*").is_empty());
        ok(&mut con, &["SELECT", "0"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 200);
        ok(&mut con, &["SELECT", "2"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 200);
        ok(&mut con, &["FLUSHDB", "ASYNC"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0);
        ok(&mut con, &["SELECT", "0"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 200);
        ok(&mut con, &["FLUSHDB", "SYNC"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0);
        assert_err(&mut con, &["FLUSHDB", "foo"], "ERR syntax error");

        for db in ["0", "5", "15"] {
            ok(&mut con, &["SELECT", db]);
            fill(&mut con, &names);
        }
        // FLUSHALL from another database clears every one.
        ok(&mut con, &["SELECT", "3"]);
        ok(&mut con, &["FLUSHALL"]);
        for db in ["0", "5", "15"] {
            ok(&mut con, &["SELECT", db]);
            assert_eq!(int(&mut con, &["DBSIZE"]), 0, "db {db}");
            nil(&mut con, &["GET", "f1"]);
        }
        fill(&mut con, &names);
        ok(&mut con, &["FLUSHALL", "ASYNC"]);
        assert_eq!(int(&mut con, &["DBSIZE"]), 0);
        ok(&mut con, &["FLUSHALL", "SYNC"]);
        assert_err(&mut con, &["FLUSHALL", "foo"], "ERR syntax error");
    });
}

#[test]
fn rename_between_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let (lo, hi) = far_apart("ren");
        // The TTL moves with the value.
        ok(&mut con, &["SET", &lo, "v1", "EX", "100"]);
        ok(&mut con, &["RENAME", &lo, &hi]);
        assert_eq!(int(&mut con, &["EXISTS", &lo]), 0);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v1");
        assert_ttl(&mut con, &hi, 90..=100);
        // Over an existing key: its value and TTL are replaced.
        ok(&mut con, &["SET", &lo, "v2"]);
        ok(&mut con, &["RENAME", &lo, &hi]);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v2");
        assert_eq!(int(&mut con, &["TTL", &hi]), -1);
        assert_eq!(int(&mut con, &["DBSIZE"]), 1);
        // And back.
        ok(&mut con, &["RENAME", &hi, &lo]);
        assert_eq!(bulk(&mut con, &["GET", &lo]), "v2");
        assert_eq!(int(&mut con, &["EXISTS", &hi]), 0);

        // RENAMENX: nothing happens when the destination exists.
        ok(&mut con, &["SET", &hi, "taken"]);
        assert_eq!(int(&mut con, &["RENAMENX", &lo, &hi]), 0);
        assert_eq!(bulk(&mut con, &["GET", &lo]), "v2");
        assert_eq!(bulk(&mut con, &["GET", &hi]), "taken");
        assert_eq!(int(&mut con, &["DEL", &hi]), 1);
        assert_eq!(int(&mut con, &["PEXPIRE", &lo, "100000"]), 1);
        assert_eq!(int(&mut con, &["RENAMENX", &lo, &hi]), 1);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v2");
        assert_eq!(int(&mut con, &["EXISTS", &lo]), 0);
        assert_ttl(&mut con, &hi, 90..=100);

        // Same key, missing keys, same shard through a hash tag.
        assert_eq!(status(&mut con, &["RENAME", &hi, &hi]), "OK");
        assert_eq!(int(&mut con, &["RENAMENX", &hi, &hi]), 0);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v2");
        assert_err(&mut con, &["RENAME", "nokey", &lo], "ERR no such key");
        assert_err(&mut con, &["RENAMENX", "nokey", &lo], "ERR no such key");
        assert_err(&mut con, &["RENAME", "nokey", "nokey"], "ERR no such key");
        assert_eq!(int(&mut con, &["EXISTS", &lo]), 0);
        ok(&mut con, &["SET", "{t}a", "tagged"]);
        ok(&mut con, &["RENAME", "{t}a", "{t}b"]);
        assert_eq!(bulk(&mut con, &["GET", "{t}b"]), "tagged");
        assert_err(
            &mut con,
            &["RENAME", "a"],
            "ERR wrong number of arguments for 'rename' command",
        );

        // Across shards in another database: the database is kept.
        ok(&mut con, &["SELECT", "3"]);
        ok(&mut con, &["SET", &lo, "db3"]);
        ok(&mut con, &["RENAME", &lo, &hi]);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "db3");
        assert_eq!(int(&mut con, &["DBSIZE"]), 1);
        ok(&mut con, &["SELECT", "0"]);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v2");
        assert_eq!(int(&mut con, &["DBSIZE"]), 2);
    });
}

#[test]
fn copy_between_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let (lo, hi) = far_apart("copy");
        ok(&mut con, &["SET", &lo, "v1", "EX", "100"]);
        assert_eq!(int(&mut con, &["COPY", &lo, &hi]), 1);
        assert_eq!(bulk(&mut con, &["GET", &lo]), "v1");
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v1");
        assert_ttl(&mut con, &hi, 90..=100);
        assert_ttl(&mut con, &lo, 90..=100);
        // The copy is independent of the source.
        assert_eq!(int(&mut con, &["APPEND", &hi, "-changed"]), 10);
        assert_eq!(bulk(&mut con, &["GET", &lo]), "v1");

        // An existing destination needs REPLACE.
        ok(&mut con, &["SET", &lo, "v2"]);
        assert_eq!(int(&mut con, &["COPY", &lo, &hi]), 0);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v1-changed");
        assert_eq!(int(&mut con, &["COPY", &lo, &hi, "REPLACE"]), 1);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v2");
        // The source has no TTL now, so neither has the replaced destination.
        assert_eq!(int(&mut con, &["TTL", &hi]), -1);
        assert_eq!(int(&mut con, &["COPY", "nokey", &hi]), 0);
        assert_eq!(int(&mut con, &["COPY", "nokey", "nokey2"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "nokey2"]), 0);

        // To another database, under the same name or another.
        assert_eq!(int(&mut con, &["COPY", &lo, &lo, "DB", "1"]), 1);
        assert_eq!(int(&mut con, &["COPY", &lo, &hi, "DB", "5"]), 1);
        assert_eq!(int(&mut con, &["COPY", &lo, &hi, "DB", "5"]), 0);
        ok(&mut con, &["SET", &lo, "v3"]);
        assert_eq!(int(&mut con, &["COPY", &lo, &hi, "REPLACE", "DB", "5"]), 1);
        ok(&mut con, &["SELECT", "1"]);
        assert_eq!(bulk(&mut con, &["GET", &lo]), "v2");
        assert_eq!(int(&mut con, &["DBSIZE"]), 1);
        ok(&mut con, &["SELECT", "5"]);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v3");
        assert_eq!(int(&mut con, &["DBSIZE"]), 1);
        ok(&mut con, &["SELECT", "0"]);
        assert_eq!(bulk(&mut con, &["GET", &hi]), "v2");

        assert_err(
            &mut con,
            &["COPY", &lo, &lo],
            "ERR source and destination objects are the same",
        );
        assert_err(
            &mut con,
            &["COPY", &lo, &lo, "DB", "0"],
            "ERR source and destination objects are the same",
        );
        assert_err(
            &mut con,
            &["COPY", &lo, "c", "DB", "16"],
            "ERR DB index is out of range",
        );
        assert_err(
            &mut con,
            &["COPY", &lo, "c", "DB", "-1"],
            "ERR DB index is out of range",
        );
        assert_err(
            &mut con,
            &["COPY", &lo, "c", "DB", "x"],
            "ERR value is not an integer or out of range",
        );
        assert_err(&mut con, &["COPY", &lo, "c", "foo"], "ERR syntax error");
        assert_err(
            &mut con,
            &["COPY", &lo],
            "ERR wrong number of arguments for 'copy' command",
        );
        assert_eq!(int(&mut con, &["EXISTS", "c"]), 0);
    });
}

#[test]
fn randomkey() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        nil(&mut con, &["RANDOMKEY"]);
        // One key in each quarter of the slots: one on every shard with 4 shards.
        let quarters: Vec<String> = (0..4u16)
            .map(|q| key_in_slots(&format!("rk{q}"), q * 4096..(q + 1) * 4096))
            .collect();
        for k in &quarters {
            ok(&mut con, &["SET", k, "v"]);
        }
        let mut seen = BTreeSet::new();
        for _ in 0..400 {
            let k = bulk(&mut con, &["RANDOMKEY"]);
            assert!(quarters.contains(&k), "RANDOMKEY returned {k}");
            seen.insert(k);
        }
        // Missing one of four keys in 400 fair draws has a probability below 1e-48.
        assert_eq!(seen, set_of(quarters.iter().cloned()));

        // A database with one key always answers that key; an empty one nil.
        ok(&mut con, &["SELECT", "4"]);
        nil(&mut con, &["RANDOMKEY"]);
        ok(&mut con, &["SET", &quarters[3], "v"]);
        for _ in 0..20 {
            assert_eq!(bulk(&mut con, &["RANDOMKEY"]), quarters[3]);
        }
        ok(&mut con, &["SELECT", "0"]);
        ok(&mut con, &["FLUSHDB"]);
        nil(&mut con, &["RANDOMKEY"]);
        assert_err(
            &mut con,
            &["RANDOMKEY", "x"],
            "ERR wrong number of arguments for 'randomkey' command",
        );
    });
}

#[test]
fn select_isolates_16_databases() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        for db in 0..16 {
            let d = db.to_string();
            ok(&mut con, &["SELECT", &d]);
            ok(&mut con, &["SET", "shared", &d]);
            ok(&mut con, &["SET", &format!("only-{db}"), "x"]);
            let names: Vec<String> = (0..db * 3).map(|i| format!("db{db}:{i}")).collect();
            fill(&mut con, &names);
        }
        for db in 0..16 {
            let d = db.to_string();
            ok(&mut con, &["SELECT", &d]);
            assert_eq!(bulk(&mut con, &["GET", "shared"]), d);
            assert_eq!(int(&mut con, &["DBSIZE"]), 2 + db * 3, "DBSIZE of db {db}");
            let mut expected = set_of(["shared".to_string(), format!("only-{db}")]);
            expected.extend((0..db * 3).map(|i| format!("db{db}:{i}")));
            assert_eq!(keys(&mut con, "*"), expected, "KEYS * in db {db}");
            let other = (db + 1) % 16;
            assert_eq!(int(&mut con, &["EXISTS", &format!("only-{other}")]), 0);
            assert_eq!(int(&mut con, &["INCR", "shared"]), db + 1);
        }
        // Deleting in one database leaves the others alone.
        ok(&mut con, &["SELECT", "9"]);
        assert_eq!(int(&mut con, &["DEL", "shared", "only-9"]), 2);
        for db in [8, 10, 0] {
            ok(&mut con, &["SELECT", &db.to_string()]);
            assert_eq!(bulk(&mut con, &["GET", "shared"]), (db + 1).to_string());
        }
        // A second connection starts in database 0.
        let mut fresh = connect(server);
        assert_eq!(bulk(&mut fresh, &["GET", "shared"]), "1");
        assert_eq!(int(&mut fresh, &["EXISTS", "only-0", "only-1"]), 1);

        assert_err(&mut con, &["SELECT", "16"], "ERR DB index is out of range");
        assert_err(&mut con, &["SELECT", "-1"], "ERR DB index is out of range");
        assert_err(
            &mut con,
            &["SELECT", "x"],
            "ERR value is not an integer or out of range",
        );
        // A failed SELECT keeps the current database.
        assert_eq!(bulk(&mut con, &["GET", "shared"]), "1");
    });
}
