//! End-to-end tests of the list commands, through the real binary and the `redis` crate:
//! every command and option, their errors as the client sees them, binary safety, a list of
//! 10,000 elements, and the commands that move elements between keys on different shards.
//! The blocking commands are tested for what they reply at once (data, or the timeout reply
//! after a short timeout), not for waiting.
//!
//! Each test runs against shardis with 1 and 4 shards. With `SHARDIS_E2E_REDIS=1` it runs
//! against a real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{
    assert_err, bulk, connect, each_server, int, nil, ok, q, NOT_INTEGER, SYNTAX, WRONGTYPE,
};
use redis::{Connection, Value};

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 4];

/// An array of strings reply.
fn strings(con: &mut Connection, words: &[&str]) -> Vec<String> {
    q(con, words)
}

/// The whole list at `key`.
fn all(con: &mut Connection, key: &str) -> Vec<String> {
    strings(con, &["LRANGE", key, "0", "-1"])
}

const TIMEOUT_NEGATIVE: &str = "ERR timeout is negative";
const TIMEOUT_NOT_FLOAT: &str = "ERR timeout is not a float or out of range";

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn pushes_pops_and_length() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["LPUSH", "l", "a", "b"]), 2);
        assert_eq!(int(&mut con, &["RPUSH", "l", "c", "d"]), 4);
        assert_eq!(all(&mut con, "l"), v(&["b", "a", "c", "d"]));
        assert_eq!(int(&mut con, &["LLEN", "l"]), 4);
        assert_eq!(int(&mut con, &["LLEN", "missing"]), 0);
        assert_eq!(q::<String>(&mut con, &["TYPE", "l"]), "list");
        assert_eq!(
            q::<String>(&mut con, &["OBJECT", "ENCODING", "l"]),
            "quicklist"
        );

        assert_eq!(int(&mut con, &["LPUSHX", "l", "x"]), 5);
        assert_eq!(int(&mut con, &["RPUSHX", "l", "y", "z"]), 7);
        assert_eq!(int(&mut con, &["LPUSHX", "nope", "x"]), 0);
        assert_eq!(int(&mut con, &["RPUSHX", "nope", "x"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "nope"]), 0);

        assert_eq!(bulk(&mut con, &["LPOP", "l"]), "x");
        assert_eq!(bulk(&mut con, &["RPOP", "l"]), "z");
        assert_eq!(strings(&mut con, &["LPOP", "l", "2"]), v(&["b", "a"]));
        assert_eq!(strings(&mut con, &["RPOP", "l", "2"]), v(&["y", "d"]));
        assert_eq!(strings(&mut con, &["LPOP", "l", "0"]), Vec::<String>::new());
        assert_eq!(strings(&mut con, &["RPOP", "l", "9"]), v(&["c"]));
        // The emptied list is gone.
        assert_eq!(int(&mut con, &["EXISTS", "l"]), 0);
        nil(&mut con, &["LPOP", "l"]);
        nil(&mut con, &["RPOP", "l"]);
        nil(&mut con, &["LPOP", "l", "3"]);
        nil(&mut con, &["RPOP", "l", "0"]);

        assert_err(
            &mut con,
            &["LPOP", "l", "-1"],
            "ERR value is out of range, must be positive",
        );
        assert_err(
            &mut con,
            &["RPOP", "l", "x"],
            "ERR value is out of range, must be positive",
        );
        assert_err(
            &mut con,
            &["LPOP", "l", "1", "2"],
            "ERR wrong number of arguments for 'lpop' command",
        );
        assert_err(
            &mut con,
            &["LPUSH", "l"],
            "ERR wrong number of arguments for 'lpush' command",
        );
    });
}

#[test]
fn binary_safe_elements() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let odd: &[u8] = b"a\x00b\r\n\xff";
        let n: i64 = redis::cmd("RPUSH")
            .arg("bin")
            .arg(odd)
            .arg("")
            .arg("12")
            .query(&mut con)
            .expect("RPUSH");
        assert_eq!(n, 3);
        let got: Vec<Vec<u8>> = redis::cmd("LRANGE")
            .arg("bin")
            .arg(0)
            .arg(-1)
            .query(&mut con)
            .expect("LRANGE");
        assert_eq!(got, vec![odd.to_vec(), Vec::new(), b"12".to_vec()]);
        let pos: Option<i64> = redis::cmd("LPOS")
            .arg("bin")
            .arg(odd)
            .query(&mut con)
            .expect("LPOS");
        assert_eq!(pos, Some(0));
        let removed: i64 = redis::cmd("LREM")
            .arg("bin")
            .arg(0)
            .arg(odd)
            .query(&mut con)
            .expect("LREM");
        assert_eq!(removed, 1);
        assert_eq!(all(&mut con, "bin"), v(&["", "12"]));
    });
}

#[test]
fn ranges_indexes_and_edits() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        int(&mut con, &["RPUSH", "l", "a", "b", "c", "d", "e"]);
        assert_eq!(
            strings(&mut con, &["LRANGE", "l", "1", "3"]),
            v(&["b", "c", "d"])
        );
        assert_eq!(
            strings(&mut con, &["LRANGE", "l", "-2", "100"]),
            v(&["d", "e"])
        );
        assert_eq!(
            strings(&mut con, &["LRANGE", "l", "3", "1"]),
            Vec::<String>::new()
        );
        assert_eq!(
            strings(&mut con, &["LRANGE", "missing", "0", "-1"]),
            Vec::<String>::new()
        );
        assert_err(&mut con, &["LRANGE", "l", "x", "1"], NOT_INTEGER);

        assert_eq!(bulk(&mut con, &["LINDEX", "l", "0"]), "a");
        assert_eq!(bulk(&mut con, &["LINDEX", "l", "-1"]), "e");
        nil(&mut con, &["LINDEX", "l", "5"]);
        nil(&mut con, &["LINDEX", "missing", "0"]);
        assert_err(&mut con, &["LINDEX", "l", "x"], NOT_INTEGER);

        ok(&mut con, &["LSET", "l", "1", "B"]);
        ok(&mut con, &["LSET", "l", "-2", "D"]);
        assert_err(&mut con, &["LSET", "l", "5", "x"], "ERR index out of range");
        assert_err(&mut con, &["LSET", "missing", "0", "x"], "ERR no such key");
        assert_eq!(all(&mut con, "l"), v(&["a", "B", "c", "D", "e"]));

        assert_eq!(int(&mut con, &["LINSERT", "l", "BEFORE", "c", "x"]), 6);
        assert_eq!(int(&mut con, &["LINSERT", "l", "after", "c", "y"]), 7);
        assert_eq!(int(&mut con, &["LINSERT", "l", "AFTER", "nope", "y"]), -1);
        assert_eq!(int(&mut con, &["LINSERT", "missing", "AFTER", "a", "y"]), 0);
        assert_err(&mut con, &["LINSERT", "l", "MIDDLE", "c", "y"], SYNTAX);
        assert_eq!(all(&mut con, "l"), v(&["a", "B", "x", "c", "y", "D", "e"]));

        int(&mut con, &["RPUSH", "r", "a", "b", "a", "c", "a"]);
        assert_eq!(int(&mut con, &["LREM", "r", "-2", "a"]), 2);
        assert_eq!(all(&mut con, "r"), v(&["a", "b", "c"]));
        assert_eq!(int(&mut con, &["LREM", "r", "1", "a"]), 1);
        assert_eq!(int(&mut con, &["LREM", "r", "0", "zz"]), 0);
        assert_err(&mut con, &["LREM", "r", "x", "a"], NOT_INTEGER);

        ok(&mut con, &["LTRIM", "l", "1", "-2"]);
        assert_eq!(all(&mut con, "l"), v(&["B", "x", "c", "y", "D"]));
        ok(&mut con, &["LTRIM", "missing", "0", "1"]);
        ok(&mut con, &["LTRIM", "r", "5", "1"]);
        assert_eq!(int(&mut con, &["EXISTS", "r"]), 0);
    });
}

#[test]
fn lpos_with_every_option() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        int(&mut con, &["RPUSH", "p", "a", "b", "c", "a", "b", "c", "a"]);
        assert_eq!(int(&mut con, &["LPOS", "p", "a"]), 0);
        assert_eq!(int(&mut con, &["LPOS", "p", "a", "RANK", "2"]), 3);
        assert_eq!(int(&mut con, &["LPOS", "p", "a", "RANK", "-1"]), 6);
        nil(&mut con, &["LPOS", "p", "a", "RANK", "4"]);
        nil(&mut con, &["LPOS", "p", "x"]);
        nil(&mut con, &["LPOS", "missing", "x"]);
        assert_eq!(
            q::<Vec<i64>>(&mut con, &["LPOS", "p", "a", "COUNT", "0"]),
            vec![0, 3, 6]
        );
        assert_eq!(
            q::<Vec<i64>>(&mut con, &["LPOS", "p", "a", "RANK", "-1", "COUNT", "2"]),
            vec![6, 3]
        );
        assert_eq!(
            q::<Vec<i64>>(&mut con, &["LPOS", "p", "a", "COUNT", "0", "MAXLEN", "4"]),
            vec![0, 3]
        );
        assert_eq!(
            q::<Vec<i64>>(&mut con, &["LPOS", "missing", "a", "COUNT", "1"]),
            Vec::<i64>::new()
        );
        assert_err(
            &mut con,
            &["LPOS", "p", "a", "RANK", "0"],
            "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
        );
        assert_err(
            &mut con,
            &["LPOS", "p", "a", "COUNT", "-1"],
            "ERR COUNT can't be negative",
        );
        assert_err(
            &mut con,
            &["LPOS", "p", "a", "MAXLEN", "-1"],
            "ERR MAXLEN can't be negative",
        );
        assert_err(&mut con, &["LPOS", "p", "a", "RANK"], SYNTAX);
    });
}

#[test]
fn every_command_refuses_a_string() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        ok(&mut con, &["SET", "s", "v"]);
        for words in [
            &["LPUSH", "s", "a"][..],
            &["RPUSH", "s", "a"],
            &["LPUSHX", "s", "a"],
            &["RPUSHX", "s", "a"],
            &["LPOP", "s"],
            &["RPOP", "s", "1"],
            &["LLEN", "s"],
            &["LRANGE", "s", "0", "-1"],
            &["LINDEX", "s", "0"],
            &["LSET", "s", "0", "a"],
            &["LINSERT", "s", "BEFORE", "a", "b"],
            &["LREM", "s", "0", "a"],
            &["LTRIM", "s", "0", "1"],
            &["LPOS", "s", "a"],
            &["LMOVE", "s", "d", "LEFT", "LEFT"],
            &["RPOPLPUSH", "s", "d"],
            &["LMPOP", "1", "s", "LEFT"],
            &["BLPOP", "s", "0"],
            &["BRPOP", "s", "0"],
            &["BLMOVE", "s", "d", "LEFT", "LEFT", "0"],
            &["BRPOPLPUSH", "s", "d", "0"],
            &["BLMPOP", "0", "1", "s", "LEFT"],
        ] {
            assert_err(&mut con, words, WRONGTYPE);
        }
        assert_eq!(bulk(&mut con, &["GET", "s"]), "v");
        assert_eq!(int(&mut con, &["EXISTS", "d"]), 0);
    });
}

#[test]
fn lrange_over_ten_thousand_elements() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let items: Vec<String> = (0..10_000).map(|i| format!("item:{i}")).collect();
        // Pushed in chunks, then read back whole and in slices.
        for chunk in items.chunks(1000) {
            let mut c = redis::cmd("RPUSH");
            c.arg("big");
            for item in chunk {
                c.arg(item);
            }
            let _: i64 = c.query(&mut con).expect("RPUSH");
        }
        assert_eq!(int(&mut con, &["LLEN", "big"]), 10_000);
        assert_eq!(all(&mut con, "big"), items);
        assert_eq!(
            strings(&mut con, &["LRANGE", "big", "5000", "5009"]),
            items[5000..5010].to_vec()
        );
        assert_eq!(
            strings(&mut con, &["LRANGE", "big", "-3", "-1"]),
            items[9997..].to_vec()
        );
        assert_eq!(bulk(&mut con, &["LINDEX", "big", "7777"]), "item:7777");
        assert_eq!(int(&mut con, &["LPOS", "big", "item:9999"]), 9999);
        ok(&mut con, &["LSET", "big", "-1", "last"]);
        ok(&mut con, &["LTRIM", "big", "100", "-101"]);
        assert_eq!(int(&mut con, &["LLEN", "big"]), 9_800);
        assert_eq!(bulk(&mut con, &["LINDEX", "big", "0"]), "item:100");
        let popped: Vec<String> = strings(&mut con, &["RPOP", "big", "20000"]);
        assert_eq!(popped.len(), 9_800);
        assert_eq!(popped[0], "item:9899");
        assert_eq!(int(&mut con, &["EXISTS", "big"]), 0);
    });
}

#[test]
fn moves_between_shards() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // With 4 shards, a, b, c and d are on four different shards.
        int(&mut con, &["RPUSH", "a", "1", "2", "3", "4"]);
        assert_eq!(bulk(&mut con, &["LMOVE", "a", "b", "LEFT", "RIGHT"]), "1");
        assert_eq!(bulk(&mut con, &["LMOVE", "a", "b", "RIGHT", "LEFT"]), "4");
        assert_eq!(bulk(&mut con, &["RPOPLPUSH", "a", "c"]), "3");
        assert_eq!(all(&mut con, "a"), v(&["2"]));
        assert_eq!(all(&mut con, "b"), v(&["4", "1"]));
        assert_eq!(all(&mut con, "c"), v(&["3"]));
        // The last element leaves: the source is removed.
        assert_eq!(bulk(&mut con, &["RPOPLPUSH", "a", "d"]), "2");
        assert_eq!(int(&mut con, &["EXISTS", "a"]), 0);
        nil(&mut con, &["LMOVE", "a", "d", "LEFT", "LEFT"]);
        nil(&mut con, &["RPOPLPUSH", "a", "d"]);
        // A rotation on one key.
        assert_eq!(bulk(&mut con, &["LMOVE", "b", "b", "LEFT", "RIGHT"]), "4");
        assert_eq!(all(&mut con, "b"), v(&["1", "4"]));
        // A destination of another type on another shard leaves the source alone.
        ok(&mut con, &["SET", "d", "str"]);
        assert_err(&mut con, &["LMOVE", "b", "d", "LEFT", "LEFT"], WRONGTYPE);
        assert_err(&mut con, &["RPOPLPUSH", "b", "d"], WRONGTYPE);
        assert_eq!(all(&mut con, "b"), v(&["1", "4"]));
        assert_eq!(bulk(&mut con, &["GET", "d"]), "str");
        assert_err(&mut con, &["LMOVE", "b", "c", "UP", "LEFT"], SYNTAX);

        // LMPOP takes from the first non-empty list, wherever it lives.
        let popped: (String, Vec<String>) = q(
            &mut con,
            &["LMPOP", "3", "a", "c", "b", "RIGHT", "COUNT", "5"],
        );
        assert_eq!(popped, ("c".to_string(), v(&["3"])));
        assert_eq!(int(&mut con, &["EXISTS", "c"]), 0);
        let popped: (String, Vec<String>) = q(&mut con, &["LMPOP", "2", "a", "b", "LEFT"]);
        assert_eq!(popped, ("b".to_string(), v(&["1"])));
        nil(&mut con, &["LMPOP", "2", "a", "c", "LEFT"]);
        assert_err(&mut con, &["LMPOP", "2", "d", "b", "LEFT"], WRONGTYPE);
        assert_err(
            &mut con,
            &["LMPOP", "0", "a", "LEFT"],
            "ERR numkeys should be greater than 0",
        );
        assert_err(
            &mut con,
            &["LMPOP", "1", "a", "LEFT", "COUNT", "0"],
            "ERR count should be greater than 0",
        );
        assert_err(&mut con, &["LMPOP", "3", "a", "b", "LEFT"], SYNTAX);
    });
}

#[test]
fn blocking_commands_with_data_or_timing_out() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        int(&mut con, &["RPUSH", "b", "1", "2", "3", "4", "5", "6"]);
        // Data at once: served like the non-blocking commands.
        let got: (String, String) = q(&mut con, &["BLPOP", "a", "b", "c", "0"]);
        assert_eq!(got, ("b".to_string(), "1".to_string()));
        let got: (String, String) = q(&mut con, &["BRPOP", "a", "b", "1"]);
        assert_eq!(got, ("b".to_string(), "6".to_string()));
        assert_eq!(
            bulk(&mut con, &["BLMOVE", "b", "d", "LEFT", "RIGHT", "0"]),
            "2"
        );
        assert_eq!(bulk(&mut con, &["BRPOPLPUSH", "b", "d", "0.5"]), "5");
        assert_eq!(all(&mut con, "d"), v(&["5", "2"]));
        let got: (String, Vec<String>) = q(
            &mut con,
            &["BLMPOP", "0", "2", "c", "b", "LEFT", "COUNT", "9"],
        );
        assert_eq!(got, ("b".to_string(), v(&["3", "4"])));
        assert_eq!(int(&mut con, &["EXISTS", "b"]), 0);

        // No data: the timeout reply, a null array for all five.
        for words in [
            &["BLPOP", "a", "b", "0.01"][..],
            &["BRPOP", "b", "0.01"],
            &["BLMOVE", "b", "d", "LEFT", "LEFT", "0.01"],
            &["BRPOPLPUSH", "b", "d", "0.01"],
            &["BLMPOP", "0.01", "2", "a", "b", "LEFT"],
        ] {
            assert_eq!(q::<Value>(&mut con, words), Value::Nil, "{words:?}");
        }
        assert_eq!(all(&mut con, "d"), v(&["5", "2"]));

        // Arguments are checked before anything else.
        assert_err(&mut con, &["BLPOP", "a", "-1"], TIMEOUT_NEGATIVE);
        assert_err(&mut con, &["BRPOP", "a", "x"], TIMEOUT_NOT_FLOAT);
        assert_err(&mut con, &["BLPOP", "a", "1e17"], TIMEOUT_NEGATIVE);
        assert_err(&mut con, &["BLMOVE", "a", "d", "UP", "LEFT", "-1"], SYNTAX);
        assert_err(
            &mut con,
            &["BLMOVE", "a", "d", "LEFT", "LEFT", "-1"],
            TIMEOUT_NEGATIVE,
        );
        assert_err(
            &mut con,
            &["BRPOPLPUSH", "a", "d", "nan"],
            TIMEOUT_NOT_FLOAT,
        );
        assert_err(
            &mut con,
            &["BLMPOP", "-1", "0", "a", "LEFT"],
            "ERR numkeys should be greater than 0",
        );
        assert_err(
            &mut con,
            &["BLMPOP", "x", "1", "a", "LEFT"],
            TIMEOUT_NOT_FLOAT,
        );
        // A key of another type before any data is WRONGTYPE.
        ok(&mut con, &["SET", "s", "v"]);
        assert_err(&mut con, &["BLPOP", "s", "d", "0"], WRONGTYPE);
        let got: (String, String) = q(&mut con, &["BLPOP", "d", "s", "0"]);
        assert_eq!(got, ("d".to_string(), "5".to_string()));
        assert_err(&mut con, &["BRPOPLPUSH", "d", "s", "0"], WRONGTYPE);
        assert_eq!(all(&mut con, "d"), v(&["2"]));
    });
}

#[test]
fn resp3_nulls() {
    each_server(SHARD_COUNTS, |server| {
        let mut raw = server.raw();
        let hello = raw.cmd(&[b"HELLO", b"3"]);
        assert!(hello.starts_with(b"%"), "{hello:?}");
        for words in [
            &[&b"LPOP"[..], b"missing"][..],
            &[b"LPOP", b"missing", b"2"],
            &[b"LINDEX", b"missing", b"0"],
            &[b"LPOS", b"missing", b"a"],
            &[b"RPOPLPUSH", b"missing", b"x"],
            &[b"LMPOP", b"1", b"missing", b"LEFT"],
            &[b"BLPOP", b"missing", b"0.01"],
            &[b"BLMOVE", b"missing", b"x", b"LEFT", b"LEFT", b"0.01"],
        ] {
            assert_eq!(raw.cmd(words), b"_\r\n", "{words:?}");
        }
        assert_eq!(raw.cmd(&[b"RPUSH", b"l", b"a"]), b":1\r\n");
        assert_eq!(raw.cmd(&[b"LPOP", b"l", b"0"]), b"*0\r\n");
        assert_eq!(
            raw.cmd(&[b"LMPOP", b"1", b"l", b"LEFT"]),
            b"*2\r\n$1\r\nl\r\n*1\r\n$1\r\na\r\n"
        );
    });
}
