//! End-to-end tests of the set commands, through the real binary and the `redis` crate: every
//! command, the encodings at the intset threshold, errors as the client sees them, multi-key
//! commands over keys on different shards, a full SSCAN iteration, and SMOVE ping-pong between
//! shards.
//!
//! Each test runs against shardis with 1 and 4 shards. With `SHARDIS_E2E_REDIS=1` it runs
//! against a real `redis-server` instead, which checks the tests themselves.
//!
//! With 4 shards the keys `a`, `b`, `c` and `{x}1` live on shards 3, 0, 1 and 3, so the
//! multi-key commands over them gather values from several shards.

mod common;

use common::{assert_err, connect, each_server, encoding, int, q, SYNTAX, WRONGTYPE};
use redis::{Connection, Value};
use std::collections::BTreeSet;

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 4];

/// The members of an array reply, in order.
fn list(con: &mut Connection, words: &[&str]) -> Vec<String> {
    q(con, words)
}

/// The members of an array reply as a set (panics on duplicates).
fn set(con: &mut Connection, words: &[&str]) -> BTreeSet<String> {
    let members = list(con, words);
    let n = members.len();
    let set: BTreeSet<String> = members.into_iter().collect();
    assert_eq!(set.len(), n, "{words:?} replied with duplicates");
    set
}

/// A set of strings from words.
fn strs(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// SADD with many members.
fn sadd_all(con: &mut Connection, key: &str, members: &[String]) -> i64 {
    let mut words = vec!["SADD", key];
    words.extend(members.iter().map(String::as_str));
    int(con, &words)
}

#[test]
fn sadd_srem_smembers_scard() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["SADD", "s", "b", "a", "b"]), 2);
        assert_eq!(int(&mut con, &["SADD", "s", "c", "a"]), 1);
        assert_eq!(int(&mut con, &["SCARD", "s"]), 3);
        assert_eq!(set(&mut con, &["SMEMBERS", "s"]), strs(&["a", "b", "c"]));
        assert_eq!(q::<String>(&mut con, &["TYPE", "s"]), "set");
        assert_eq!(encoding(&mut con, "s"), "hashtable");
        assert_eq!(int(&mut con, &["SREM", "s", "a", "x", "a"]), 1);
        assert_eq!(int(&mut con, &["SREM", "s", "b", "c"]), 2);
        assert_eq!(
            int(&mut con, &["EXISTS", "s"]),
            0,
            "an emptied set is removed"
        );
        assert_eq!(int(&mut con, &["SREM", "s", "a"]), 0);
        assert_eq!(int(&mut con, &["SCARD", "s"]), 0);
        assert_eq!(list(&mut con, &["SMEMBERS", "s"]), Vec::<String>::new());

        // Integers make an intset, listed in ascending order.
        assert_eq!(int(&mut con, &["SADD", "i", "10", "-3", "7", "10"]), 3);
        assert_eq!(encoding(&mut con, "i"), "intset");
        assert_eq!(list(&mut con, &["SMEMBERS", "i"]), ["-3", "7", "10"]);
        assert_eq!(int(&mut con, &["SADD", "i", "07"]), 1);
        assert_eq!(encoding(&mut con, "i"), "hashtable");
        assert_eq!(int(&mut con, &["SREM", "i", "07"]), 1);
        assert_eq!(encoding(&mut con, "i"), "hashtable", "never converted back");

        // Binary-safe members.
        let raw: i64 = redis::cmd("SADD")
            .arg("bin")
            .arg(&b"\x00\xff\r\n"[..])
            .arg(&b""[..])
            .query(&mut con)
            .expect("SADD");
        assert_eq!(raw, 2);
        let is: i64 = redis::cmd("SISMEMBER")
            .arg("bin")
            .arg(&b"\x00\xff\r\n"[..])
            .query(&mut con)
            .expect("SISMEMBER");
        assert_eq!(is, 1);
        let members: BTreeSet<Vec<u8>> = q(&mut con, &["SMEMBERS", "bin"]);
        assert_eq!(
            members,
            BTreeSet::from([b"".to_vec(), b"\x00\xff\r\n".to_vec()])
        );
    });
}

#[test]
fn intset_threshold() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let ints: Vec<String> = (0..512).map(|i| (i * 3).to_string()).collect();
        assert_eq!(sadd_all(&mut con, "big", &ints), 512);
        assert_eq!(encoding(&mut con, "big"), "intset");
        assert_eq!(list(&mut con, &["SMEMBERS", "big"]), ints);
        assert_eq!(int(&mut con, &["SADD", "big", "0"]), 0);
        assert_eq!(encoding(&mut con, "big"), "intset");
        assert_eq!(int(&mut con, &["SADD", "big", "1"]), 1);
        assert_eq!(encoding(&mut con, "big"), "hashtable");
        assert_eq!(int(&mut con, &["SCARD", "big"]), 513);
        // A result built as a new set is an intset again when it fits.
        assert_eq!(int(&mut con, &["SREM", "big", "1", "0"]), 2);
        assert_eq!(int(&mut con, &["SUNIONSTORE", "copy", "big"]), 511);
        assert_eq!(encoding(&mut con, "copy"), "intset");
        assert_eq!(list(&mut con, &["SUNION", "big"]), ints[1..].to_vec());
    });
}

#[test]
fn sismember_smismember() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        int(&mut con, &["SADD", "s", "a", "1"]);
        assert_eq!(int(&mut con, &["SISMEMBER", "s", "a"]), 1);
        assert_eq!(int(&mut con, &["SISMEMBER", "s", "z"]), 0);
        assert_eq!(int(&mut con, &["SISMEMBER", "missing", "a"]), 0);
        let flags: Vec<i64> = q(&mut con, &["SMISMEMBER", "s", "a", "z", "1", "01"]);
        assert_eq!(flags, [1, 0, 1, 0]);
        let flags: Vec<i64> = q(&mut con, &["SMISMEMBER", "missing", "a", "b"]);
        assert_eq!(flags, [0, 0]);
    });
}

#[test]
fn spop_and_srandmember() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(q::<Value>(&mut con, &["SPOP", "p"]), Value::Nil);
        assert_eq!(q::<Value>(&mut con, &["SRANDMEMBER", "p"]), Value::Nil);
        assert_eq!(list(&mut con, &["SPOP", "p", "3"]), Vec::<String>::new());
        assert_eq!(
            list(&mut con, &["SRANDMEMBER", "p", "3"]),
            Vec::<String>::new()
        );
        let all: Vec<String> = (0..30).map(|i| format!("m{i}")).collect();
        let all_set: BTreeSet<String> = all.iter().cloned().collect();
        sadd_all(&mut con, "p", &all);

        let one: String = q(&mut con, &["SRANDMEMBER", "p"]);
        assert!(all_set.contains(&one));
        for count in ["1", "5", "10", "29"] {
            let got = set(&mut con, &["SRANDMEMBER", "p", count]);
            assert_eq!(got.len().to_string(), count);
            assert!(got.is_subset(&all_set));
        }
        assert_eq!(set(&mut con, &["SRANDMEMBER", "p", "100"]), all_set);
        let repeated = list(&mut con, &["SRANDMEMBER", "p", "-100"]);
        assert_eq!(repeated.len(), 100);
        assert!(repeated.iter().all(|m| all_set.contains(m)));
        assert_eq!(
            int(&mut con, &["SCARD", "p"]),
            30,
            "SRANDMEMBER removes nothing"
        );

        // SPOP removes what it returns, and never the same member twice.
        let mut popped = BTreeSet::new();
        let first: String = q(&mut con, &["SPOP", "p"]);
        popped.insert(first);
        for count in ["4", "10"] {
            let got = set(&mut con, &["SPOP", "p", count]);
            assert_eq!(got.len().to_string(), count);
            assert!(got.is_disjoint(&popped));
            popped.extend(got);
        }
        assert_eq!(int(&mut con, &["SCARD", "p"]), 15);
        assert_eq!(list(&mut con, &["SPOP", "p", "0"]), Vec::<String>::new());
        let rest = set(&mut con, &["SPOP", "p", "15"]);
        assert!(rest.is_disjoint(&popped));
        popped.extend(rest);
        assert_eq!(popped, all_set);
        assert_eq!(int(&mut con, &["EXISTS", "p"]), 0);

        // A whole intset pops in ascending order.
        int(&mut con, &["SADD", "n", "3", "1", "2"]);
        assert_eq!(list(&mut con, &["SPOP", "n", "10"]), ["1", "2", "3"]);
        assert_eq!(int(&mut con, &["EXISTS", "n"]), 0);

        assert_err(
            &mut con,
            &["SPOP", "p", "-1"],
            "ERR value is out of range, must be positive",
        );
        assert_err(&mut con, &["SPOP", "p", "1", "2"], SYNTAX);
        assert_err(
            &mut con,
            &["SRANDMEMBER", "p", "-9223372036854775808"],
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
        );
        assert_err(
            &mut con,
            &["SRANDMEMBER", "p", "x"],
            "ERR value is not an integer or out of range",
        );
    });
}

#[test]
fn smove_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        int(&mut con, &["SADD", "a", "1", "2", "x"]);
        assert_eq!(int(&mut con, &["SMOVE", "a", "b", "1"]), 1);
        assert_eq!(encoding(&mut con, "b"), "intset");
        assert_eq!(int(&mut con, &["SMOVE", "a", "b", "1"]), 0);
        assert_eq!(int(&mut con, &["SMOVE", "a", "{x}1", "x"]), 1);
        assert_eq!(encoding(&mut con, "{x}1"), "hashtable");
        assert_eq!(int(&mut con, &["SMOVE", "a", "c", "2"]), 1);
        assert_eq!(
            int(&mut con, &["EXISTS", "a"]),
            0,
            "the emptied source is removed"
        );
        assert_eq!(set(&mut con, &["SMEMBERS", "b"]), strs(&["1"]));
        assert_eq!(set(&mut con, &["SMEMBERS", "c"]), strs(&["2"]));
        assert_eq!(set(&mut con, &["SMEMBERS", "{x}1"]), strs(&["x"]));
        assert_eq!(int(&mut con, &["SMOVE", "c", "c", "2"]), 1);
        assert_eq!(int(&mut con, &["SMOVE", "c", "c", "3"]), 0);
        let _: () = q(&mut con, &["SET", "str", "v"]);
        assert_eq!(int(&mut con, &["SMOVE", "missing", "str", "1"]), 0);
        assert_err(&mut con, &["SMOVE", "b", "str", "1"], WRONGTYPE);
        assert_err(&mut con, &["SMOVE", "str", "b", "1"], WRONGTYPE);
        assert_eq!(int(&mut con, &["SCARD", "b"]), 1, "nothing moved on error");
    });
}

#[test]
fn set_algebra_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        int(&mut con, &["SADD", "a", "1", "2", "3", "x"]);
        int(&mut con, &["SADD", "b", "2", "3", "4", "x"]);
        int(&mut con, &["SADD", "c", "3", "4", "5", "x"]);
        int(&mut con, &["SADD", "{x}1", "3", "x", "y"]);
        assert_eq!(set(&mut con, &["SINTER", "a", "b"]), strs(&["2", "3", "x"]));
        assert_eq!(
            set(&mut con, &["SINTER", "a", "b", "c", "{x}1"]),
            strs(&["3", "x"])
        );
        assert_eq!(set(&mut con, &["SINTER", "a", "missing"]), strs(&[]));
        assert_eq!(
            set(&mut con, &["SUNION", "a", "c", "{x}1", "missing"]),
            strs(&["1", "2", "3", "4", "5", "x", "y"])
        );
        assert_eq!(set(&mut con, &["SDIFF", "a", "b"]), strs(&["1"]));
        assert_eq!(set(&mut con, &["SDIFF", "{x}1", "a", "c"]), strs(&["y"]));
        assert_eq!(set(&mut con, &["SDIFF", "missing", "a"]), strs(&[]));
        assert_eq!(
            int(&mut con, &["SINTERCARD", "4", "a", "b", "c", "{x}1"]),
            2
        );
        assert_eq!(
            int(&mut con, &["SINTERCARD", "2", "a", "b", "LIMIT", "2"]),
            2
        );
        assert_eq!(int(&mut con, &["SINTERCARD", "2", "a", "missing"]), 0);

        assert_eq!(int(&mut con, &["SINTERSTORE", "{x}2", "a", "b", "c"]), 2);
        assert_eq!(set(&mut con, &["SMEMBERS", "{x}2"]), strs(&["3", "x"]));
        assert_eq!(int(&mut con, &["SUNIONSTORE", "b", "a", "{x}1"]), 5);
        assert_eq!(
            set(&mut con, &["SMEMBERS", "b"]),
            strs(&["1", "2", "3", "x", "y"])
        );
        assert_eq!(int(&mut con, &["SDIFFSTORE", "c", "b", "c"]), 3);
        assert_eq!(set(&mut con, &["SMEMBERS", "c"]), strs(&["1", "2", "y"]));
        // An empty result deletes the destination, whatever it held.
        let _: () = q(&mut con, &["SET", "str", "v"]);
        assert_eq!(int(&mut con, &["SINTERSTORE", "str", "a", "missing"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "str"]), 0);
        assert_eq!(int(&mut con, &["SDIFFSTORE", "a", "a", "b"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "a"]), 0);
        // A non-empty result replaces a destination of another type.
        let _: () = q(&mut con, &["SET", "str", "v"]);
        assert_eq!(int(&mut con, &["SUNIONSTORE", "str", "c"]), 3);
        assert_eq!(q::<String>(&mut con, &["TYPE", "str"]), "set");

        // Every source is type-checked, even after a missing one.
        let _: () = q(&mut con, &["SET", "str2", "v"]);
        for words in [
            &["SINTER", "missing", "str2"][..],
            &["SUNION", "c", "str2"],
            &["SDIFF", "missing", "str2"],
            &["SINTERSTORE", "d", "missing", "str2"],
            &["SUNIONSTORE", "d", "str2"],
            &["SDIFFSTORE", "d", "c", "str2"],
            &["SINTERCARD", "2", "missing", "str2"],
        ] {
            assert_err(&mut con, words, WRONGTYPE);
        }
        assert_eq!(int(&mut con, &["EXISTS", "d"]), 0);
        assert_err(
            &mut con,
            &["SINTERCARD", "0", "a"],
            "ERR numkeys should be greater than 0",
        );
        assert_err(
            &mut con,
            &["SINTERCARD", "3", "a", "b"],
            "ERR Number of keys can't be greater than number of args",
        );
        assert_err(
            &mut con,
            &["SINTERCARD", "1", "a", "LIMIT", "-1"],
            "ERR LIMIT can't be negative",
        );
        assert_err(&mut con, &["SINTERCARD", "1", "a", "LIMIT"], SYNTAX);
    });
}

#[test]
fn wrongtype_and_arity() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let _: () = q(&mut con, &["SET", "str", "v"]);
        for words in [
            &["SADD", "str", "a"][..],
            &["SREM", "str", "a"],
            &["SMEMBERS", "str"],
            &["SISMEMBER", "str", "a"],
            &["SMISMEMBER", "str", "a"],
            &["SCARD", "str"],
            &["SPOP", "str"],
            &["SPOP", "str", "2"],
            &["SRANDMEMBER", "str"],
            &["SRANDMEMBER", "str", "-2"],
            &["SSCAN", "str", "0"],
        ] {
            assert_err(&mut con, words, WRONGTYPE);
        }
        assert_eq!(q::<String>(&mut con, &["GET", "str"]), "v");
        assert_err(
            &mut con,
            &["SADD", "s"],
            "ERR wrong number of arguments for 'sadd' command",
        );
        assert_err(
            &mut con,
            &["SMOVE", "a", "b"],
            "ERR wrong number of arguments for 'smove' command",
        );
    });
}

/// Runs SSCAN over `key` to the end; returns every member seen, with repeats.
fn sscan_all(con: &mut Connection, key: &str, options: &[&str]) -> Vec<String> {
    let mut cursor = "0".to_string();
    let mut seen = Vec::new();
    for _ in 0..100_000 {
        let mut words = vec!["SSCAN", key, cursor.as_str()];
        words.extend_from_slice(options);
        let (next, batch): (String, Vec<String>) = q(con, &words);
        seen.extend(batch);
        if next == "0" {
            return seen;
        }
        cursor = next;
    }
    panic!("SSCAN {key} did not finish");
}

#[test]
fn sscan_full_iteration() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let all: Vec<String> = (0..1000).map(|i| format!("member:{i}")).collect();
        let all_set: BTreeSet<String> = all.iter().cloned().collect();
        sadd_all(&mut con, "big", &all);
        for options in [
            &[][..],
            &["COUNT", "1"],
            &["COUNT", "7"],
            &["COUNT", "5000"],
        ] {
            let seen = sscan_all(&mut con, "big", options);
            let unique: BTreeSet<String> = seen.into_iter().collect();
            assert_eq!(unique, all_set, "{options:?}");
        }
        let matched: BTreeSet<String> = sscan_all(&mut con, "big", &["MATCH", "member:99*"])
            .into_iter()
            .collect();
        assert_eq!(
            matched,
            strs(&[
                "member:99",
                "member:990",
                "member:991",
                "member:992",
                "member:993",
                "member:994",
                "member:995",
                "member:996",
                "member:997",
                "member:998",
                "member:999"
            ])
        );
        // An intset comes whole in one reply.
        int(&mut con, &["SADD", "ints", "5", "1", "3"]);
        let (next, batch): (String, Vec<String>) =
            q(&mut con, &["SSCAN", "ints", "0", "COUNT", "1"]);
        assert_eq!(
            (next.as_str(), batch),
            ("0", vec!["1".into(), "3".into(), "5".into()])
        );
        let (next, batch): (String, Vec<String>) = q(&mut con, &["SSCAN", "missing", "0"]);
        assert_eq!((next.as_str(), batch.len()), ("0", 0));
        assert_err(&mut con, &["SSCAN", "big", "x"], "ERR invalid cursor");
        assert_err(&mut con, &["SSCAN", "big", "0", "COUNT", "0"], SYNTAX);
        assert_err(&mut con, &["SSCAN", "big", "0", "TYPE", "set"], SYNTAX);
    });
}

#[test]
fn smove_ping_pong_between_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // `a` and `b` are on different shards with 4 shards.
        let all: Vec<String> = (0..50)
            .map(|i| {
                if i % 2 == 0 {
                    i.to_string()
                } else {
                    format!("m{i}")
                }
            })
            .collect();
        let all_set: BTreeSet<String> = all.iter().cloned().collect();
        sadd_all(&mut con, "a", &all);
        for round in 0..400 {
            let member = &all[(round * 7) % all.len()];
            let (from, to) = if int(&mut con, &["SISMEMBER", "a", member]) == 1 {
                ("a", "b")
            } else {
                ("b", "a")
            };
            assert_eq!(
                int(&mut con, &["SMOVE", from, to, member]),
                1,
                "round {round}"
            );
            assert_eq!(
                int(&mut con, &["SMOVE", from, to, member]),
                0,
                "round {round}"
            );
            if round % 25 == 0 {
                let a = set(&mut con, &["SMEMBERS", "a"]);
                let b = set(&mut con, &["SMEMBERS", "b"]);
                assert!(a.is_disjoint(&b), "round {round}: a member in both sets");
                let union: BTreeSet<String> = a.union(&b).cloned().collect();
                assert_eq!(union, all_set, "round {round}: a member was lost");
            }
        }
        let a = set(&mut con, &["SMEMBERS", "a"]);
        let b = set(&mut con, &["SMEMBERS", "b"]);
        assert_eq!(a.len() + b.len(), all.len());
        assert_eq!(int(&mut con, &["SINTERCARD", "2", "a", "b"]), 0);
        assert_eq!(set(&mut con, &["SUNION", "a", "b"]), all_set);
        // Moving everything back empties and removes `b`.
        for member in &b {
            assert_eq!(int(&mut con, &["SMOVE", "b", "a", member]), 1);
        }
        assert_eq!(int(&mut con, &["EXISTS", "b"]), 0);
        assert_eq!(set(&mut con, &["SMEMBERS", "a"]), all_set);
    });
}
