//! End-to-end tests of key expiry, through the real binary and the `redis` crate: the EXPIRE
//! family and its NX/XX/GT/LT options, TTL/PTTL/EXPIRETIME/PEXPIRETIME, PERSIST, what drops
//! or keeps a TTL, lazy expiry on access and the active expiry cycle.
//!
//! Each test runs against shardis with 1, 2 and 4 shards. With `SHARDIS_E2E_REDIS=1` it
//! runs against a real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{
    assert_err, assert_ttl, bulk, connect, each_server, int, nil, ok, q, unix_now_ms, wait_until,
};
use redis::{Connection, Value};
use std::ops::RangeInclusive;
use std::thread::sleep;
use std::time::Duration;

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 2, 4];

/// Asserts that the PTTL of `key` lies in `range` milliseconds.
fn assert_pttl(con: &mut Connection, key: &str, range: RangeInclusive<i64>) {
    let pttl = int(con, &["PTTL", key]);
    assert!(
        range.contains(&pttl),
        "PTTL {key} = {pttl}, expected {range:?}"
    );
}

#[test]
fn expire_pexpire_ttl_pttl() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["TTL", "missing"]), -2);
        assert_eq!(int(&mut con, &["PTTL", "missing"]), -2);
        assert_eq!(int(&mut con, &["EXPIRE", "missing", "100"]), 0);
        assert_eq!(int(&mut con, &["PEXPIRE", "missing", "100"]), 0);
        assert_eq!(int(&mut con, &["EXISTS", "missing"]), 0);

        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
        assert_eq!(int(&mut con, &["PTTL", "k"]), -1);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "100"]), 1);
        assert_ttl(&mut con, "k", 90..=100);
        assert_pttl(&mut con, "k", 90_000..=100_000);
        assert_eq!(int(&mut con, &["PEXPIRE", "k", "200500"]), 1);
        assert_ttl(&mut con, "k", 190..=201);
        assert_pttl(&mut con, "k", 190_000..=200_500);
        // The value is untouched.
        assert_eq!(bulk(&mut con, &["GET", "k"]), "v");

        // Zero or a negative time deletes the key at once.
        assert_eq!(int(&mut con, &["EXPIRE", "k", "0"]), 1);
        assert_eq!(int(&mut con, &["EXISTS", "k"]), 0);
        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(int(&mut con, &["PEXPIRE", "k", "-1000"]), 1);
        nil(&mut con, &["GET", "k"]);
        assert_eq!(int(&mut con, &["TTL", "k"]), -2);

        ok(&mut con, &["SET", "k", "v"]);
        let not_int = "ERR value is not an integer or out of range";
        assert_err(&mut con, &["EXPIRE", "k", "abc"], not_int);
        assert_err(&mut con, &["EXPIRE", "k", "1.5"], not_int);
        assert_err(&mut con, &["PEXPIRE", "k", ""], not_int);
        assert_err(
            &mut con,
            &["EXPIRE", "k", "9223372036854775807"],
            "ERR invalid expire time in 'expire' command",
        );
        assert_err(
            &mut con,
            &["PEXPIRE", "k", "9223372036854775807"],
            "ERR invalid expire time in 'pexpire' command",
        );
        assert_err(
            &mut con,
            &["EXPIRE", "k"],
            "ERR wrong number of arguments for 'expire' command",
        );
        assert_err(
            &mut con,
            &["TTL"],
            "ERR wrong number of arguments for 'ttl' command",
        );
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
    });
}

#[test]
fn expire_options_nx_xx_gt_lt() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        ok(&mut con, &["SET", "k", "v"]);
        // No TTL counts as an infinite one for GT and LT.
        assert_eq!(int(&mut con, &["EXPIRE", "k", "100", "XX"]), 0);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "100", "GT"]), 0);
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "100", "LT"]), 1);
        assert_ttl(&mut con, "k", 90..=100);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "50", "LT"]), 1);
        assert_ttl(&mut con, "k", 40..=50);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "200", "LT"]), 0);
        assert_ttl(&mut con, "k", 40..=50);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "200", "GT"]), 1);
        assert_ttl(&mut con, "k", 190..=200);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "10", "GT"]), 0);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "10", "NX"]), 0);
        assert_ttl(&mut con, "k", 190..=200);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "300", "XX"]), 1);
        assert_ttl(&mut con, "k", 290..=300);
        // XX combines with GT or LT.
        assert_eq!(int(&mut con, &["EXPIRE", "k", "10", "XX", "GT"]), 0);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "10", "XX", "LT"]), 1);
        assert_ttl(&mut con, "k", 1..=10);
        // The same option twice is accepted.
        assert_eq!(int(&mut con, &["EXPIRE", "k", "20", "gt", "GT"]), 1);
        assert_ttl(&mut con, "k", 10..=20);
        assert_eq!(int(&mut con, &["PERSIST", "k"]), 1);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "10", "XX"]), 0);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "10", "NX"]), 1);
        assert_ttl(&mut con, "k", 1..=10);

        // The same through PEXPIRE, EXPIREAT and PEXPIREAT.
        ok(&mut con, &["SET", "p", "v"]);
        assert_eq!(int(&mut con, &["PEXPIRE", "p", "100000", "GT"]), 0);
        assert_eq!(int(&mut con, &["PEXPIRE", "p", "100000", "NX"]), 1);
        assert_eq!(int(&mut con, &["PEXPIRE", "p", "200000", "LT"]), 0);
        let now = unix_now_ms() / 1000;
        let later = (now + 500).to_string();
        assert_eq!(int(&mut con, &["EXPIREAT", "p", &later, "GT"]), 1);
        assert_eq!(int(&mut con, &["EXPIRETIME", "p"]), now + 500);
        let sooner = ((now + 400) * 1000).to_string();
        assert_eq!(int(&mut con, &["PEXPIREAT", "p", &sooner, "GT"]), 0);
        assert_eq!(int(&mut con, &["PEXPIREAT", "p", &sooner, "LT"]), 1);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "p"]), (now + 400) * 1000);
        assert_eq!(int(&mut con, &["EXPIREAT", "missing", &later, "NX"]), 0);

        let nx_xx = "ERR NX and XX, GT or LT options at the same time are not compatible";
        assert_err(&mut con, &["EXPIRE", "k", "10", "NX", "XX"], nx_xx);
        assert_err(&mut con, &["EXPIRE", "k", "10", "NX", "GT"], nx_xx);
        assert_err(&mut con, &["PEXPIRE", "k", "10", "LT", "NX"], nx_xx);
        assert_err(
            &mut con,
            &["EXPIRE", "k", "10", "GT", "LT"],
            "ERR GT and LT options at the same time are not compatible",
        );
        assert_err(
            &mut con,
            &["EXPIREAT", "k", "10", "foo"],
            "ERR Unsupported option foo",
        );
        // A rejected command changes nothing.
        assert_ttl(&mut con, "k", 1..=10);
    });
}

#[test]
fn expireat_and_expiretime() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["EXPIRETIME", "missing"]), -2);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "missing"]), -2);
        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(int(&mut con, &["EXPIRETIME", "k"]), -1);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "k"]), -1);

        let at = unix_now_ms() / 1000 + 1000;
        assert_eq!(int(&mut con, &["EXPIREAT", "k", &at.to_string()]), 1);
        assert_eq!(int(&mut con, &["EXPIRETIME", "k"]), at);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "k"]), at * 1000);
        assert_ttl(&mut con, "k", 990..=1000);

        let at_ms = unix_now_ms() + 2_000_000;
        assert_eq!(int(&mut con, &["PEXPIREAT", "k", &at_ms.to_string()]), 1);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "k"]), at_ms);
        assert_ttl(&mut con, "k", 1990..=2000);
        // EXPIRETIME rounds milliseconds to the nearest second.
        ok(&mut con, &["SET", "r", "v", "PXAT", "4102444800600"]);
        assert_eq!(int(&mut con, &["EXPIRETIME", "r"]), 4102444801);
        assert_eq!(int(&mut con, &["PEXPIRETIME", "r"]), 4102444800600);
        ok(&mut con, &["SET", "r", "v", "PXAT", "4102444800400"]);
        assert_eq!(int(&mut con, &["EXPIRETIME", "r"]), 4102444800);

        // A time in the past deletes the key.
        assert_eq!(int(&mut con, &["EXPIREAT", "k", "1"]), 1);
        assert_eq!(int(&mut con, &["EXISTS", "k"]), 0);
        ok(&mut con, &["SET", "k", "v"]);
        let past = (unix_now_ms() - 10_000).to_string();
        assert_eq!(int(&mut con, &["PEXPIREAT", "k", &past]), 1);
        nil(&mut con, &["GET", "k"]);
        assert_eq!(int(&mut con, &["EXPIREAT", "k", "1"]), 0);

        ok(&mut con, &["SET", "k", "v"]);
        assert_err(
            &mut con,
            &["EXPIREAT", "k", "9223372036854775807"],
            "ERR invalid expire time in 'expireat' command",
        );
        assert_err(
            &mut con,
            &["EXPIREAT", "k", "soon"],
            "ERR value is not an integer or out of range",
        );
        assert_err(
            &mut con,
            &["EXPIRETIME"],
            "ERR wrong number of arguments for 'expiretime' command",
        );
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
    });
}

#[test]
fn persist_and_what_drops_a_ttl() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        assert_eq!(int(&mut con, &["PERSIST", "missing"]), 0);
        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(int(&mut con, &["PERSIST", "k"]), 0);
        assert_eq!(int(&mut con, &["EXPIRE", "k", "100"]), 1);
        assert_eq!(int(&mut con, &["PERSIST", "k"]), 1);
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
        assert_eq!(int(&mut con, &["PERSIST", "k"]), 0);
        assert_eq!(bulk(&mut con, &["GET", "k"]), "v");

        // Overwriting drops the TTL...
        for overwrite in [
            &["SET", "k", "w"][..],
            &["GETSET", "k", "w"],
            &["MSET", "k", "w", "other", "x"],
            &["SETEX", "k", "500", "w"],
        ] {
            ok(&mut con, &["SET", "k", "v", "EX", "100"]);
            let _: Value = q(&mut con, overwrite);
            let ttl = int(&mut con, &["TTL", "k"]);
            if overwrite[0] == "SETEX" {
                assert!((490..=500).contains(&ttl), "{overwrite:?}: TTL {ttl}");
            } else {
                assert_eq!(ttl, -1, "{overwrite:?} kept the TTL");
            }
        }
        // ...changing the value in place keeps it.
        for modify in [
            &["SET", "k", "7", "KEEPTTL"][..],
            &["INCR", "k"],
            &["INCRBYFLOAT", "k", "0.5"],
            &["APPEND", "k", "1"],
            &["SETRANGE", "k", "0", "9"],
            &["GETEX", "k"],
            &["GET", "k"],
        ] {
            ok(&mut con, &["SET", "k", "7", "EX", "100"]);
            let _: Value = q(&mut con, modify);
            assert_ttl(&mut con, "k", 90..=100);
        }
        // DEL and re-create: no TTL.
        assert_eq!(int(&mut con, &["DEL", "k"]), 1);
        ok(&mut con, &["SET", "k", "v"]);
        assert_eq!(int(&mut con, &["TTL", "k"]), -1);
        assert_err(
            &mut con,
            &["PERSIST"],
            "ERR wrong number of arguments for 'persist' command",
        );
    });
}

#[test]
fn lazy_expiry_on_access() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        let names: Vec<String> = (0..20).map(|i| format!("lazy:{i}")).collect();
        for k in &names {
            ok(&mut con, &["SET", k, "v", "PX", "50"]);
        }
        ok(&mut con, &["SET", "stays", "v"]);
        ok(&mut con, &["SET", "later", "v", "EX", "100"]);
        sleep(Duration::from_millis(100));
        // Every way of reading the key sees it gone.
        nil(&mut con, &["GET", &names[0]]);
        assert_eq!(int(&mut con, &["EXISTS", &names[1]]), 0);
        assert_eq!(int(&mut con, &["TTL", &names[2]]), -2);
        assert_eq!(int(&mut con, &["PTTL", &names[3]]), -2);
        assert_eq!(int(&mut con, &["STRLEN", &names[4]]), 0);
        assert_eq!(int(&mut con, &["SETNX", &names[5], "new"]), 1);
        assert_eq!(bulk(&mut con, &["GET", &names[5]]), "new");
        assert_eq!(int(&mut con, &["TTL", &names[5]]), -1);
        assert_eq!(int(&mut con, &["INCR", &names[6]]), 1);
        assert_eq!(int(&mut con, &["APPEND", &names[7], "ab"]), 2);
        nil(&mut con, &["GETDEL", &names[8]]);
        assert_eq!(int(&mut con, &["DEL", &names[9]]), 0);
        assert_eq!(int(&mut con, &["PERSIST", &names[10]]), 0);
        assert_eq!(int(&mut con, &["EXPIRE", &names[11], "100"]), 0);
        nil(&mut con, &["SET", &names[12], "v", "XX"]);
        assert_eq!(int(&mut con, &["EXISTS", &names[12]]), 0);
        assert_eq!(int(&mut con, &["COPY", &names[13], "copied"]), 0);
        assert_err(
            &mut con,
            &["RENAME", &names[14], "renamed"],
            "ERR no such key",
        );
        let got: Vec<Option<String>> = redis::cmd("MGET")
            .arg(&names[15..])
            .query(&mut con)
            .unwrap();
        assert_eq!(got, vec![None; 5]);
        let left: Vec<String> = q(&mut con, &["KEYS", "*"]);
        let mut left = left;
        left.sort();
        let mut expected = vec![
            "later".to_string(),
            names[5].clone(),
            names[6].clone(),
            names[7].clone(),
            "stays".to_string(),
        ];
        expected.sort();
        assert_eq!(left, expected);
        assert_eq!(bulk(&mut con, &["GET", "stays"]), "v");
        assert_eq!(bulk(&mut con, &["GET", "later"]), "v");
    });
}

#[test]
fn active_expiry_removes_untouched_keys() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = connect(server);
        // 1000 volatile keys over every shard, plus 10 that must survive.
        let mut pipe = redis::pipe();
        for i in 0..1000 {
            pipe.cmd("SET")
                .arg(format!("vol:{i}"))
                .arg("v")
                .arg("PX")
                .arg(100)
                .ignore();
        }
        for i in 0..10 {
            pipe.cmd("SET").arg(format!("keep:{i}")).arg("v").ignore();
        }
        pipe.cmd("SET")
            .arg("far")
            .arg("v")
            .arg("EX")
            .arg(1000)
            .ignore();
        pipe.query::<()>(&mut con).unwrap();
        // DBSIZE counts keys without expiring them: only the active cycle brings it down.
        let mut last = -1;
        let emptied = wait_until(Duration::from_secs(8), || {
            last = int(&mut con, &["DBSIZE"]);
            last == 11
        });
        assert!(
            emptied,
            "DBSIZE still {last} long after every volatile key expired"
        );
        let mut left: Vec<String> = q(&mut con, &["KEYS", "*"]);
        left.sort();
        let mut expected: Vec<String> = (0..10).map(|i| format!("keep:{i}")).collect();
        expected.push("far".into());
        expected.sort();
        assert_eq!(left, expected);
        assert_ttl(&mut con, "far", 990..=1000);
    });
}
