//! End-to-end tests of the string commands, through the real binary and the `redis` crate:
//! every command and option, their errors as the client sees them, binary safety, and
//! multi-key commands whose keys are spread over shards.
//!
//! Each test runs against shardis with 1, 2 and 4 shards. With `SHARDIS_E2E_REDIS=1` it
//! runs against a real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{
    assert_err, assert_ttl, bulk, connect, each_server, int, nil, ok, unix_now_ms, NOT_INTEGER,
    SYNTAX,
};
use redis::{Connection, Value};

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 2, 4];

/// The raw value of a key, binary safe.
fn get_bytes(con: &mut Connection, key: &[u8]) -> Option<Vec<u8>> {
    redis::cmd("GET").arg(key).query(con).expect("GET")
}

#[test]
fn get_and_set() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        nil(&mut con, &["GET", "missing"]);
        ok(&mut con, &["SET", "foo", "bar"]);
        assert_eq!(bulk(&mut con, &["GET", "foo"]), "bar");
        ok(&mut con, &["SET", "foo", "baz"]);
        assert_eq!(bulk(&mut con, &["GET", "foo"]), "baz");
        // Integers are stored as strings and read back as they were written.
        ok(&mut con, &["SET", "n", "12345"]);
        assert_eq!(bulk(&mut con, &["GET", "n"]), "12345");
        ok(&mut con, &["SET", "n", "-0012"]);
        assert_eq!(bulk(&mut con, &["GET", "n"]), "-0012");
        // Options are case-insensitive, the command name too.
        ok(&mut con, &["set", "lower", "v", "nx", "ex", "100"]);
        assert_eq!(bulk(&mut con, &["get", "lower"]), "v");

        assert_err(
            &mut con,
            &["GET"],
            "ERR wrong number of arguments for 'get' command",
        );
        assert_err(
            &mut con,
            &["GET", "a", "b"],
            "ERR wrong number of arguments for 'get' command",
        );
        assert_err(
            &mut con,
            &["SET", "a"],
            "ERR wrong number of arguments for 'set' command",
        );
        assert_err(&mut con, &["SET", "a", "b", "c"], SYNTAX);
        assert_err(&mut con, &["SET", "a", "b", "NX", "NX", "XX"], SYNTAX);
        // A failed SET changes nothing.
        nil(&mut con, &["GET", "a"]);
    });
}

#[test]
fn set_nx_xx_get() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // NX: only when missing.
        ok(&mut con, &["SET", "k", "one", "NX"]);
        nil(&mut con, &["SET", "k", "two", "NX"]);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "one");
        // XX: only when present.
        nil(&mut con, &["SET", "absent", "v", "XX"]);
        nil(&mut con, &["GET", "absent"]);
        ok(&mut con, &["SET", "k", "three", "XX"]);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "three");
        assert_err(&mut con, &["SET", "k", "v", "NX", "XX"], SYNTAX);
        assert_err(&mut con, &["SET", "k", "v", "XX", "NX"], SYNTAX);

        // GET: the old value, or nil.
        assert_eq!(bulk(&mut con, &["SET", "k", "four", "GET"]), "three");
        assert_eq!(bulk(&mut con, &["GET", "k"]), "four");
        nil(&mut con, &["SET", "fresh", "v", "GET"]);
        assert_eq!(bulk(&mut con, &["GET", "fresh"]), "v");
        // NX GET (allowed since 7.0): the old value and no change, or nil and set.
        assert_eq!(bulk(&mut con, &["SET", "k", "five", "NX", "GET"]), "four");
        assert_eq!(bulk(&mut con, &["GET", "k"]), "four");
        nil(&mut con, &["SET", "nxget", "v", "NX", "GET"]);
        assert_eq!(bulk(&mut con, &["GET", "nxget"]), "v");
        // XX GET: the old value and set, or nil and nothing.
        assert_eq!(bulk(&mut con, &["SET", "k", "six", "XX", "GET"]), "four");
        assert_eq!(bulk(&mut con, &["GET", "k"]), "six");
        nil(&mut con, &["SET", "xxget", "v", "XX", "GET"]);
        assert_eq!(int(&mut con, &["EXISTS", "xxget"]), 0);
        // GET with an expiry.
        assert_eq!(
            bulk(&mut con, &["SET", "k", "seven", "GET", "EX", "100"]),
            "six"
        );
        assert_ttl(&mut con, "k", 90..=100);
    });
}

#[test]
fn set_expiry_options() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        ok(&mut con, &["SET", "ex", "v", "EX", "100"]);
        assert_ttl(&mut con, "ex", 90..=100);
        ok(&mut con, &["SET", "px", "v", "PX", "100000"]);
        let pttl = int(&mut con, &["PTTL", "px"]);
        assert!((90_000..=100_000).contains(&pttl), "PTTL {pttl}");

        let at = unix_now_ms() / 1000 + 1000;
        ok(&mut con, &["SET", "exat", "v", "EXAT", &at.to_string()]);
        assert_eq!(int(&mut con, &["EXPIRETIME", "exat"]), at);
        assert_ttl(&mut con, "exat", 990..=1000);
        let at_ms = unix_now_ms() + 1_000_000;
        ok(&mut con, &["SET", "pxat", "v", "PXAT", &at_ms.to_string()]);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "pxat"]), at_ms);
        // A time in the past: the key is gone at once.
        ok(&mut con, &["SET", "past", "v", "PXAT", "1"]);
        nil(&mut con, &["GET", "past"]);
        assert_eq!(int(&mut con, &["EXISTS", "past"]), 0);
        ok(&mut con, &["SET", "past", "v", "EXAT", "1"]);
        nil(&mut con, &["GET", "past"]);

        // KEEPTTL keeps it; a plain SET drops it.
        ok(&mut con, &["SET", "ex", "v2", "KEEPTTL"]);
        assert_eq!(bulk(&mut con, &["GET", "ex"]), "v2");
        assert_ttl(&mut con, "ex", 90..=100);
        ok(&mut con, &["SET", "ex", "v3"]);
        assert_eq!(int(&mut con, &["TTL", "ex"]), -1);
        // KEEPTTL on a key without a TTL, or a missing key.
        ok(&mut con, &["SET", "ex", "v4", "KEEPTTL"]);
        assert_eq!(int(&mut con, &["TTL", "ex"]), -1);
        ok(&mut con, &["SET", "newkeep", "v", "KEEPTTL"]);
        assert_eq!(int(&mut con, &["TTL", "newkeep"]), -1);
        // The same option twice: the last one wins.
        ok(&mut con, &["SET", "twice", "v", "EX", "10", "EX", "200"]);
        assert_ttl(&mut con, "twice", 190..=200);
        // Failed conditions leave the TTL alone.
        nil(&mut con, &["SET", "twice", "v", "NX", "EX", "5"]);
        assert_ttl(&mut con, "twice", 190..=200);

        let set_invalid = "ERR invalid expire time in 'set' command";
        assert_err(&mut con, &["SET", "e", "v", "EX", "0"], set_invalid);
        assert_err(&mut con, &["SET", "e", "v", "EX", "-10"], set_invalid);
        assert_err(&mut con, &["SET", "e", "v", "PX", "0"], set_invalid);
        assert_err(&mut con, &["SET", "e", "v", "PX", "-1"], set_invalid);
        assert_err(&mut con, &["SET", "e", "v", "EXAT", "0"], set_invalid);
        assert_err(&mut con, &["SET", "e", "v", "PXAT", "-5"], set_invalid);
        // Seconds that overflow when turned into milliseconds.
        assert_err(
            &mut con,
            &["SET", "e", "v", "EX", "9223372036854775807"],
            set_invalid,
        );
        assert_err(
            &mut con,
            &["SET", "e", "v", "EX", "9223372036854775"],
            set_invalid,
        );
        assert_err(&mut con, &["SET", "e", "v", "EX", "ten"], NOT_INTEGER);
        assert_err(&mut con, &["SET", "e", "v", "PX", "1.5"], NOT_INTEGER);
        assert_err(&mut con, &["SET", "e", "v", "EX"], SYNTAX);
        assert_err(&mut con, &["SET", "e", "v", "EX", "10", "PX", "10"], SYNTAX);
        assert_err(&mut con, &["SET", "e", "v", "EX", "10", "KEEPTTL"], SYNTAX);
        assert_err(
            &mut con,
            &["SET", "e", "v", "KEEPTTL", "PXAT", "10"],
            SYNTAX,
        );
        assert_err(
            &mut con,
            &["SET", "e", "v", "EXAT", "10", "PXAT", "10"],
            SYNTAX,
        );
        assert_eq!(int(&mut con, &["EXISTS", "e"]), 0);
    });
}

#[test]
fn setnx_setex_psetex() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["SETNX", "k", "a"]), 1);
        assert_eq!(int(&mut con, &["SETNX", "k", "b"]), 0);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "a");

        ok(&mut con, &["SETEX", "k", "100", "b"]);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "b");
        assert_ttl(&mut con, "k", 90..=100);
        ok(&mut con, &["PSETEX", "k", "200000", "c"]);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "c");
        assert_ttl(&mut con, "k", 190..=200);

        assert_err(
            &mut con,
            &["SETEX", "k", "0", "v"],
            "ERR invalid expire time in 'setex' command",
        );
        assert_err(
            &mut con,
            &["SETEX", "k", "-1", "v"],
            "ERR invalid expire time in 'setex' command",
        );
        assert_err(
            &mut con,
            &["PSETEX", "k", "0", "v"],
            "ERR invalid expire time in 'psetex' command",
        );
        assert_err(&mut con, &["SETEX", "k", "abc", "v"], NOT_INTEGER);
        assert_err(
            &mut con,
            &["SETEX", "k", "10"],
            "ERR wrong number of arguments for 'setex' command",
        );
        assert_err(
            &mut con,
            &["SETNX", "k"],
            "ERR wrong number of arguments for 'setnx' command",
        );
        // Errors leave the key as it was.
        assert_eq!(bulk(&mut con, &["GET", "k"]), "c");
        assert_ttl(&mut con, "k", 190..=200);
    });
}

#[test]
fn getset_getdel_getex() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // GETSET: the old value, and the TTL is dropped.
        nil(&mut con, &["GETSET", "k", "a"]);
        assert_eq!(bulk(&mut con, &["GETSET", "k", "b"]), "a");
        ok(&mut con, &["SET", "k", "c", "EX", "100"]);
        assert_eq!(bulk(&mut con, &["GETSET", "k", "d"]), "c");
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "d");

        // GETDEL
        assert_eq!(bulk(&mut con, &["GETDEL", "k"]), "d");
        assert_eq!(int(&mut con, &["EXISTS", "k"]), 0);
        nil(&mut con, &["GETDEL", "k"]);

        // GETEX
        nil(&mut con, &["GETEX", "missing"]);
        nil(&mut con, &["GETEX", "missing", "EX", "10"]);
        assert_eq!(int(&mut con, &["EXISTS", "missing"]), 0);
        ok(&mut con, &["SET", "g", "v"]);
        assert_eq!(bulk(&mut con, &["GETEX", "g"]), "v");
        assert_eq!(int(&mut con, &["TTL", "g"]), -1);
        assert_eq!(bulk(&mut con, &["GETEX", "g", "EX", "100"]), "v");
        assert_ttl(&mut con, "g", 90..=100);
        // Without options the TTL stays.
        assert_eq!(bulk(&mut con, &["GETEX", "g"]), "v");
        assert_ttl(&mut con, "g", 90..=100);
        assert_eq!(bulk(&mut con, &["GETEX", "g", "PX", "200000"]), "v");
        assert_ttl(&mut con, "g", 190..=200);
        let at = unix_now_ms() / 1000 + 500;
        assert_eq!(
            bulk(&mut con, &["GETEX", "g", "EXAT", &at.to_string()]),
            "v"
        );
        assert_eq!(int(&mut con, &["EXPIRETIME", "g"]), at);
        let at_ms = unix_now_ms() + 700_000;
        assert_eq!(
            bulk(&mut con, &["GETEX", "g", "PXAT", &at_ms.to_string()]),
            "v"
        );
        assert_eq!(int(&mut con, &["PEXPIRETIME", "g"]), at_ms);
        assert_eq!(bulk(&mut con, &["GETEX", "g", "PERSIST"]), "v");
        assert_eq!(int(&mut con, &["TTL", "g"]), -1);
        // A time in the past: the value is returned and the key removed.
        assert_eq!(bulk(&mut con, &["GETEX", "g", "PXAT", "1"]), "v");
        assert_eq!(int(&mut con, &["EXISTS", "g"]), 0);

        ok(&mut con, &["SET", "g", "v", "EX", "100"]);
        assert_err(
            &mut con,
            &["GETEX", "g", "EX", "0"],
            "ERR invalid expire time in 'getex' command",
        );
        assert_err(
            &mut con,
            &["GETEX", "g", "PX", "-1"],
            "ERR invalid expire time in 'getex' command",
        );
        assert_err(
            &mut con,
            &["GETEX", "g", "EX", "9223372036854775807"],
            "ERR invalid expire time in 'getex' command",
        );
        assert_err(&mut con, &["GETEX", "g", "EX", "abc"], NOT_INTEGER);
        assert_err(&mut con, &["GETEX", "g", "EX", "10", "PX", "10"], SYNTAX);
        assert_err(&mut con, &["GETEX", "g", "PERSIST", "EX", "10"], SYNTAX);
        assert_err(&mut con, &["GETEX", "g", "EX"], SYNTAX);
        assert_err(&mut con, &["GETEX", "g", "KEEPTTL"], SYNTAX);
        assert_err(&mut con, &["GETEX", "g", "foo"], SYNTAX);
        assert_ttl(&mut con, "g", 90..=100);
        assert_err(
            &mut con,
            &["GETDEL"],
            "ERR wrong number of arguments for 'getdel' command",
        );
        assert_err(
            &mut con,
            &["GETSET", "g"],
            "ERR wrong number of arguments for 'getset' command",
        );
    });
}

#[test]
fn mset_mget_200_keys_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let keys: Vec<String> = (0..200).map(|i| format!("user:{i}:name")).collect();
        let values: Vec<String> = (0..200).map(|i| format!("value-{i}-{}", i * 7)).collect();
        let mut mset = redis::cmd("MSET");
        for (k, v) in keys.iter().zip(&values) {
            mset.arg(k).arg(v);
        }
        assert_eq!(mset.query::<Value>(&mut con).unwrap(), Value::Okay);

        let got: Vec<Option<String>> = redis::cmd("MGET").arg(&keys).query(&mut con).unwrap();
        let expected: Vec<Option<String>> = values.iter().cloned().map(Some).collect();
        assert_eq!(got, expected);

        // Reversed order, missing keys interleaved, a key asked twice.
        let mut asked = Vec::new();
        let mut expected = Vec::new();
        for i in (0..200).rev() {
            asked.push(keys[i].clone());
            expected.push(Some(values[i].clone()));
            if i % 3 == 0 {
                asked.push(format!("missing:{i}"));
                expected.push(None);
            }
            if i % 50 == 0 {
                asked.push(keys[i].clone());
                expected.push(Some(values[i].clone()));
            }
        }
        let got: Vec<Option<String>> = redis::cmd("MGET").arg(&asked).query(&mut con).unwrap();
        assert_eq!(got, expected);

        // Every key by itself too.
        for (k, v) in keys.iter().zip(&values).step_by(17) {
            assert_eq!(bulk(&mut con, &["GET", k]), *v);
        }
        assert_eq!(int(&mut con, &["DBSIZE"]), 200);

        // A key given twice in MSET: the last value wins.
        ok(&mut con, &["MSET", "dup", "1", "other", "x", "dup", "2"]);
        assert_eq!(bulk(&mut con, &["GET", "dup"]), "2");
        // MSET drops a TTL.
        ok(&mut con, &["SET", "dup", "v", "EX", "100"]);
        ok(&mut con, &["MSET", "dup", "3", "user:0:name", "zero"]);
        assert_eq!(int(&mut con, &["TTL", "dup"]), -1);
        assert_eq!(bulk(&mut con, &["GET", "user:0:name"]), "zero");

        let mset_arity = "ERR wrong number of arguments for 'mset' command";
        assert_err(&mut con, &["MSET"], mset_arity);
        assert_err(&mut con, &["MSET", "a"], mset_arity);
        assert_err(&mut con, &["MSET", "a", "1", "b"], mset_arity);
        assert_eq!(int(&mut con, &["EXISTS", "a", "b"]), 0);
        assert_err(
            &mut con,
            &["MGET"],
            "ERR wrong number of arguments for 'mget' command",
        );
    });
}

#[test]
fn msetnx_all_or_nothing_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let keys: Vec<String> = (0..50).map(|i| format!("nx:{i}")).collect();
        // One key already exists: nothing is set, the existing key keeps its value.
        ok(&mut con, &["SET", "nx:37", "old"]);
        let mut msetnx = redis::cmd("MSETNX");
        for k in &keys {
            msetnx.arg(k).arg(format!("new-{k}"));
        }
        assert_eq!(msetnx.query::<i64>(&mut con).unwrap(), 0);
        assert_eq!(int(&mut con, &["DBSIZE"]), 1);
        assert_eq!(bulk(&mut con, &["GET", "nx:37"]), "old");
        let got: Vec<Option<String>> = redis::cmd("MGET").arg(&keys).query(&mut con).unwrap();
        for (i, v) in got.iter().enumerate() {
            if i == 37 {
                assert_eq!(v.as_deref(), Some("old"));
            } else {
                assert_eq!(*v, None, "{} was set by a failed MSETNX", keys[i]);
            }
        }

        // All new: every key is set.
        assert_eq!(int(&mut con, &["DEL", "nx:37"]), 1);
        assert_eq!(msetnx.query::<i64>(&mut con).unwrap(), 1);
        let got: Vec<Option<String>> = redis::cmd("MGET").arg(&keys).query(&mut con).unwrap();
        let expected: Vec<Option<String>> = keys.iter().map(|k| Some(format!("new-{k}"))).collect();
        assert_eq!(got, expected);
        // And again: all exist now, nothing changes.
        let mut again = redis::cmd("MSETNX");
        again.arg("brand-new").arg("x");
        for k in &keys {
            again.arg(k).arg("overwritten");
        }
        assert_eq!(again.query::<i64>(&mut con).unwrap(), 0);
        assert_eq!(int(&mut con, &["EXISTS", "brand-new"]), 0);
        assert_eq!(bulk(&mut con, &["GET", "nx:0"]), "new-nx:0");

        // The same key twice among new keys: set, the last value wins.
        assert_eq!(int(&mut con, &["MSETNX", "twice", "1", "twice", "2"]), 1);
        assert_eq!(bulk(&mut con, &["GET", "twice"]), "2");
        assert_err(
            &mut con,
            &["MSETNX", "a", "1", "b"],
            "ERR wrong number of arguments for 'msetnx' command",
        );
        assert_err(
            &mut con,
            &["MSETNX", "a"],
            "ERR wrong number of arguments for 'msetnx' command",
        );
    });
}

#[test]
fn incr_decr() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["INCR", "n"]), 1);
        assert_eq!(int(&mut con, &["INCR", "n"]), 2);
        assert_eq!(int(&mut con, &["DECR", "n"]), 1);
        assert_eq!(int(&mut con, &["DECR", "fresh"]), -1);
        assert_eq!(int(&mut con, &["INCRBY", "n", "100"]), 101);
        assert_eq!(int(&mut con, &["INCRBY", "n", "-201"]), -100);
        assert_eq!(int(&mut con, &["DECRBY", "n", "-150"]), 50);
        assert_eq!(int(&mut con, &["DECRBY", "n", "75"]), -25);
        assert_eq!(int(&mut con, &["INCRBY", "new", "7"]), 7);
        assert_eq!(int(&mut con, &["DECRBY", "new2", "7"]), -7);
        assert_eq!(bulk(&mut con, &["GET", "n"]), "-25");
        ok(&mut con, &["SET", "n", "41"]);
        assert_eq!(int(&mut con, &["INCR", "n"]), 42);
        assert_eq!(bulk(&mut con, &["GET", "n"]), "42");

        // The range of a 64-bit signed integer.
        ok(&mut con, &["SET", "max", "9223372036854775806"]);
        assert_eq!(int(&mut con, &["INCR", "max"]), i64::MAX);
        let overflow = "ERR increment or decrement would overflow";
        assert_err(&mut con, &["INCR", "max"], overflow);
        assert_err(&mut con, &["INCRBY", "max", "1"], overflow);
        assert_eq!(bulk(&mut con, &["GET", "max"]), "9223372036854775807");
        ok(&mut con, &["SET", "min", "-9223372036854775807"]);
        assert_eq!(int(&mut con, &["DECR", "min"]), i64::MIN);
        assert_err(&mut con, &["DECR", "min"], overflow);
        assert_err(&mut con, &["DECRBY", "min", "1"], overflow);
        assert_err(&mut con, &["INCRBY", "min", "-1"], overflow);
        ok(&mut con, &["SET", "five", "5"]);
        assert_err(
            &mut con,
            &["DECRBY", "five", "-9223372036854775808"],
            "ERR decrement would overflow",
        );
        assert_eq!(bulk(&mut con, &["GET", "five"]), "5");

        // Values that are not strict integers.
        for bad in [
            "abc", "", " 1", "1 ", "+1", "01", "-0", "1.5", "1e3", "0x10",
        ] {
            ok(&mut con, &["SET", "bad", bad]);
            assert_err(&mut con, &["INCR", "bad"], NOT_INTEGER);
            assert_err(&mut con, &["DECRBY", "bad", "1"], NOT_INTEGER);
            assert_eq!(bulk(&mut con, &["GET", "bad"]), bad);
        }
        ok(&mut con, &["SET", "big", "9223372036854775808"]);
        assert_err(&mut con, &["INCR", "big"], NOT_INTEGER);
        // Increments that are not integers.
        assert_err(&mut con, &["INCRBY", "n", "abc"], NOT_INTEGER);
        assert_err(&mut con, &["INCRBY", "n", "1.0"], NOT_INTEGER);
        assert_err(
            &mut con,
            &["DECRBY", "n", "9223372036854775808"],
            NOT_INTEGER,
        );
        assert_eq!(bulk(&mut con, &["GET", "n"]), "42");
        assert_err(
            &mut con,
            &["INCR"],
            "ERR wrong number of arguments for 'incr' command",
        );
        assert_err(
            &mut con,
            &["INCRBY", "n"],
            "ERR wrong number of arguments for 'incrby' command",
        );

        // Counting keeps the TTL.
        ok(&mut con, &["SET", "ttl", "10", "EX", "100"]);
        assert_eq!(int(&mut con, &["INCR", "ttl"]), 11);
        assert_eq!(int(&mut con, &["DECRBY", "ttl", "5"]), 6);
        assert_ttl(&mut con, "ttl", 90..=100);
    });
}

#[test]
fn incrbyfloat() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "3"]), "3");
        ok(&mut con, &["SET", "f", "10.50"]);
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "0.1"]), "10.6");
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "-5"]), "5.6");
        assert_eq!(bulk(&mut con, &["GET", "f"]), "5.6");
        ok(&mut con, &["SET", "f", "5.0e3"]);
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "2.0e2"]), "5200");
        ok(&mut con, &["SET", "f", "3"]);
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "1.5e1"]), "18");
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "-18"]), "0");
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "f", "0.25"]), "0.25");
        // Works on what INCR wrote and the other way round when the result is whole.
        assert_eq!(int(&mut con, &["INCR", "i"]), 1);
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "i", "1.5"]), "2.5");
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "i", "0.5"]), "3");
        assert_eq!(int(&mut con, &["INCR", "i"]), 4);

        let not_float = "ERR value is not a valid float";
        assert_err(&mut con, &["INCRBYFLOAT", "f", "abc"], not_float);
        assert_err(&mut con, &["INCRBYFLOAT", "f", ""], not_float);
        ok(&mut con, &["SET", "s", "abc"]);
        assert_err(&mut con, &["INCRBYFLOAT", "s", "1"], not_float);
        let nan_inf = "ERR increment would produce NaN or Infinity";
        assert_err(&mut con, &["INCRBYFLOAT", "f", "inf"], nan_inf);
        assert_err(&mut con, &["INCRBYFLOAT", "f", "-inf"], nan_inf);
        assert_eq!(bulk(&mut con, &["GET", "f"]), "0.25");
        assert_err(
            &mut con,
            &["INCRBYFLOAT", "f"],
            "ERR wrong number of arguments for 'incrbyfloat' command",
        );

        // Keeps the TTL.
        ok(&mut con, &["SET", "ttl", "1.5", "EX", "100"]);
        assert_eq!(bulk(&mut con, &["INCRBYFLOAT", "ttl", "1"]), "2.5");
        assert_ttl(&mut con, "ttl", 90..=100);
    });
}

#[test]
fn append_and_strlen() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["STRLEN", "s"]), 0);
        assert_eq!(int(&mut con, &["APPEND", "s", "Hello"]), 5);
        assert_eq!(int(&mut con, &["APPEND", "s", " World"]), 11);
        assert_eq!(int(&mut con, &["APPEND", "s", ""]), 11);
        assert_eq!(bulk(&mut con, &["GET", "s"]), "Hello World");
        assert_eq!(int(&mut con, &["STRLEN", "s"]), 11);
        // APPEND with an empty value creates an empty string.
        assert_eq!(int(&mut con, &["APPEND", "empty", ""]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "empty"]), 1);
        assert_eq!(bulk(&mut con, &["GET", "empty"]), "");
        // On integers, as their decimal text.
        ok(&mut con, &["SET", "n", "12345"]);
        assert_eq!(int(&mut con, &["STRLEN", "n"]), 5);
        assert_eq!(int(&mut con, &["APPEND", "n", "6"]), 6);
        assert_eq!(int(&mut con, &["INCR", "n"]), 123457);
        assert_eq!(int(&mut con, &["STRLEN", "n"]), 6);
        // Keeps the TTL.
        ok(&mut con, &["SET", "t", "a", "EX", "100"]);
        assert_eq!(int(&mut con, &["APPEND", "t", "b"]), 2);
        assert_ttl(&mut con, "t", 90..=100);
        assert_err(
            &mut con,
            &["APPEND", "s"],
            "ERR wrong number of arguments for 'append' command",
        );
        assert_err(
            &mut con,
            &["STRLEN"],
            "ERR wrong number of arguments for 'strlen' command",
        );
    });
}

#[test]
fn getrange_and_setrange() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        ok(&mut con, &["SET", "s", "This is a string"]);
        for (start, end, expected) in [
            ("0", "3", "This"),
            ("-3", "-1", "ing"),
            ("0", "-1", "This is a string"),
            ("10", "100", "string"),
            ("5", "3", ""),
            ("-100", "2", "Thi"),
            ("-1", "-5", ""),
            ("16", "20", ""),
            ("15", "15", "g"),
            // Redis 7.0 clamps a negative end to 0 (7.2+ answers "" here).
            ("0", "-100", "T"),
        ] {
            assert_eq!(
                bulk(&mut con, &["GETRANGE", "s", start, end]),
                expected,
                "GETRANGE s {start} {end}"
            );
        }
        assert_eq!(bulk(&mut con, &["GETRANGE", "missing", "0", "-1"]), "");
        assert_err(&mut con, &["GETRANGE", "s", "a", "1"], NOT_INTEGER);
        assert_err(&mut con, &["GETRANGE", "s", "0", "1.5"], NOT_INTEGER);
        assert_err(
            &mut con,
            &["GETRANGE", "s", "0"],
            "ERR wrong number of arguments for 'getrange' command",
        );
        ok(&mut con, &["SET", "n", "12345"]);
        assert_eq!(bulk(&mut con, &["GETRANGE", "n", "1", "2"]), "23");

        ok(&mut con, &["SET", "h", "Hello World"]);
        assert_eq!(int(&mut con, &["SETRANGE", "h", "6", "Redis"]), 11);
        assert_eq!(bulk(&mut con, &["GET", "h"]), "Hello Redis");
        assert_eq!(int(&mut con, &["SETRANGE", "h", "11", "!!"]), 13);
        assert_eq!(bulk(&mut con, &["GET", "h"]), "Hello Redis!!");
        // Past the end: zero padding.
        assert_eq!(int(&mut con, &["SETRANGE", "pad", "6", "Redis"]), 11);
        assert_eq!(
            get_bytes(&mut con, b"pad").unwrap(),
            b"\0\0\0\0\0\0Redis".to_vec()
        );
        assert_eq!(int(&mut con, &["SETRANGE", "h", "15", "x"]), 16);
        assert_eq!(
            get_bytes(&mut con, b"h").unwrap(),
            b"Hello Redis!!\0\0x".to_vec()
        );
        // An empty value never creates or grows a key.
        assert_eq!(int(&mut con, &["SETRANGE", "none", "10", ""]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "none"]), 0);
        assert_eq!(int(&mut con, &["SETRANGE", "h", "100", ""]), 16);
        assert_eq!(int(&mut con, &["SETRANGE", "h", "536870911", ""]), 16);
        assert_eq!(int(&mut con, &["STRLEN", "h"]), 16);
        // On an integer.
        assert_eq!(int(&mut con, &["SETRANGE", "n", "1", "X"]), 5);
        assert_eq!(bulk(&mut con, &["GET", "n"]), "1X345");
        // Keeps the TTL.
        ok(&mut con, &["SET", "t", "abc", "EX", "100"]);
        assert_eq!(int(&mut con, &["SETRANGE", "t", "1", "B"]), 3);
        assert_eq!(bulk(&mut con, &["GET", "t"]), "aBc");
        assert_ttl(&mut con, "t", 90..=100);

        assert_err(
            &mut con,
            &["SETRANGE", "h", "-1", "x"],
            "ERR offset is out of range",
        );
        assert_err(
            &mut con,
            &["SETRANGE", "h", "536870912", "x"],
            "ERR string exceeds maximum allowed size (proto-max-bulk-len)",
        );
        assert_err(
            &mut con,
            &["SETRANGE", "new", "536870911", "xx"],
            "ERR string exceeds maximum allowed size (proto-max-bulk-len)",
        );
        assert_eq!(int(&mut con, &["EXISTS", "new"]), 0);
        assert_err(&mut con, &["SETRANGE", "h", "x", "x"], NOT_INTEGER);
        assert_err(
            &mut con,
            &["SETRANGE", "h", "1"],
            "ERR wrong number of arguments for 'setrange' command",
        );
        assert_eq!(int(&mut con, &["STRLEN", "h"]), 16);
    });
}

#[test]
fn binary_safe_keys_and_values() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // Every byte value as a one-byte key, with a value around it.
        for b in 0..=255u8 {
            let key = [b];
            let value = [b'<', b, b'\r', b'\n', b, b'>'];
            let r: Value = redis::cmd("SET")
                .arg(&key[..])
                .arg(&value[..])
                .query(&mut con)
                .unwrap();
            assert_eq!(r, Value::Okay);
        }
        for b in 0..=255u8 {
            let value = [b'<', b, b'\r', b'\n', b, b'>'];
            assert_eq!(
                get_bytes(&mut con, &[b]),
                Some(value.to_vec()),
                "key byte {b}"
            );
        }
        assert_eq!(int(&mut con, &["DBSIZE"]), 256);
        // The same through MGET, over every shard.
        let keys: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
        let got: Vec<Option<Vec<u8>>> = redis::cmd("MGET").arg(&keys).query(&mut con).unwrap();
        for (b, v) in got.iter().enumerate() {
            let b = b as u8;
            assert_eq!(v.as_deref(), Some(&[b'<', b, b'\r', b'\n', b, b'>'][..]));
        }

        // A value holding every byte, and keys that look like RESP.
        let all: Vec<u8> = (0..=255u8).collect();
        let tricky: [&[u8]; 6] = [
            b"a\r\nb",
            b"\r\n",
            b"*1\r\n$4\r\nPING\r\n",
            b"\0",
            b"key with spaces",
            &all,
        ];
        for key in tricky {
            let r: Value = redis::cmd("SET")
                .arg(key)
                .arg(&all)
                .query(&mut con)
                .unwrap();
            assert_eq!(r, Value::Okay);
            assert_eq!(get_bytes(&mut con, key), Some(all.clone()));
            let len: i64 = redis::cmd("STRLEN").arg(key).query(&mut con).unwrap();
            assert_eq!(len, 256);
            let range: Vec<u8> = redis::cmd("GETRANGE")
                .arg(key)
                .arg(10)
                .arg(13)
                .query(&mut con)
                .unwrap();
            assert_eq!(range, vec![10, 11, 12, 13]);
        }
        let mut mset = redis::cmd("MSET");
        for (i, key) in tricky.iter().enumerate() {
            mset.arg(*key).arg(format!("v{i}\r\n"));
        }
        assert_eq!(mset.query::<Value>(&mut con).unwrap(), Value::Okay);
        let got: Vec<Option<Vec<u8>>> =
            redis::cmd("MGET").arg(&tricky[..]).query(&mut con).unwrap();
        for (i, v) in got.iter().enumerate() {
            assert_eq!(v.as_deref(), Some(format!("v{i}\r\n").as_bytes()));
        }

        // Empty key and empty value.
        let r: Value = redis::cmd("SET").arg("").arg("").query(&mut con).unwrap();
        assert_eq!(r, Value::Okay);
        assert_eq!(get_bytes(&mut con, b""), Some(Vec::new()));
        assert_eq!(int(&mut con, &["EXISTS", ""]), 1);
        assert_eq!(int(&mut con, &["STRLEN", ""]), 0);
        assert_eq!(int(&mut con, &["APPEND", "", "x\0y"]), 3);
        assert_eq!(get_bytes(&mut con, b""), Some(b"x\0y".to_vec()));
        ok(&mut con, &["SET", "emptyval", ""]);
        assert_eq!(get_bytes(&mut con, b"emptyval"), Some(Vec::new()));
        assert_eq!(int(&mut con, &["EXISTS", "emptyval"]), 1);

        // Binary APPEND and SETRANGE.
        let r: i64 = redis::cmd("APPEND")
            .arg("bin")
            .arg(&b"\x00\xff\r\n"[..])
            .query(&mut con)
            .unwrap();
        assert_eq!(r, 4);
        let r: i64 = redis::cmd("SETRANGE")
            .arg("bin")
            .arg(1)
            .arg(&b"\x80"[..])
            .query(&mut con)
            .unwrap();
        assert_eq!(r, 4);
        assert_eq!(get_bytes(&mut con, b"bin"), Some(b"\x00\x80\r\n".to_vec()));

        // A large value (1 MiB), every byte checked.
        let big: Vec<u8> = (0..1 << 20).map(|i: u32| (i * 31 % 251) as u8).collect();
        let r: Value = redis::cmd("SET")
            .arg("big")
            .arg(&big)
            .query(&mut con)
            .unwrap();
        assert_eq!(r, Value::Okay);
        assert_eq!(get_bytes(&mut con, b"big"), Some(big.clone()));
        assert_eq!(int(&mut con, &["STRLEN", "big"]), 1 << 20);
    });
}
