//! End-to-end tests of MULTI / EXEC / DISCARD / WATCH / UNWATCH: the replies byte for byte
//! (QUEUED, the EXEC array, EXECABORT, the errors Redis gives), commands refused while
//! queuing, run-time errors, blocking commands that do not block, SELECT and connection
//! commands inside a transaction, and WATCH invalidated by every kind of write (by this
//! client or another, on keys of every shard) and by expiry, as Redis 7.0.15 does.
//! MONITOR and the command statistics of a transaction are checked too.
//!
//! With `SHARDIS_E2E_REDIS=1` every test runs against a real `redis-server` instead, which
//! checks the tests themselves. Cross-shard atomicity under concurrency is tested elsewhere.

mod common;

use common::{crc16, each_server, each_server_with, raw, show_bytes, wait_until, RawConn, Server};
use std::time::Duration;

const SHARD_COUNTS: &[usize] = &[1, 2, 4];

/// The shard of `key` among `n` (the server's own rule: contiguous slot ranges).
fn shard_of(key: &str, n: usize) -> usize {
    crc16(key.as_bytes()) as usize % 16384 * n / 16384
}

/// Four keys named `prefix:i` on four different shards of 4 (so on both shards of 2).
fn spread_keys(prefix: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for i in 0.. {
        let key = format!("{prefix}:{i}");
        if keys.iter().all(|k| shard_of(k, 4) != shard_of(&key, 4)) {
            keys.push(key);
            if keys.len() == 4 {
                break;
            }
        }
    }
    keys
}

/// Sends a command given as space-separated words and asserts its raw reply.
#[track_caller]
fn expect(conn: &mut RawConn, line: &str, reply: &[u8]) {
    let words: Vec<&str> = line.split(' ').collect();
    let got = raw(conn, &words);
    assert_eq!(
        show_bytes(&got),
        show_bytes(reply),
        "{line} (expected {})",
        show_bytes(reply)
    );
}

/// Sends a command given as space-separated words and returns its raw reply.
fn send(conn: &mut RawConn, line: &str) -> Vec<u8> {
    let words: Vec<&str> = line.split(' ').collect();
    raw(conn, &words)
}

const OK: &[u8] = b"+OK\r\n";
const QUEUED: &[u8] = b"+QUEUED\r\n";
const EXECABORT: &[u8] = b"-EXECABORT Transaction discarded because of previous errors.\r\n";
const WRONGTYPE: &str = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

#[test]
fn queued_commands_run_in_order_and_run_time_errors_do_not_stop_the_others() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "MULTI", OK);
        for line in ["SET a 1", "LPUSH a x", "GET a", "INCR a", "RPUSH l 1 2 3"] {
            expect(&mut c, line, QUEUED);
        }
        expect(&mut c, "LRANGE l 0 -1", QUEUED);
        expect(&mut c, "HSET h f v", QUEUED);
        expect(&mut c, "HGETALL h", QUEUED);
        expect(&mut c, "GET nokey", QUEUED);
        let want = format!(
            "*9\r\n+OK\r\n{WRONGTYPE}$1\r\n1\r\n:2\r\n:3\r\n*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n:1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n$-1\r\n"
        );
        expect(&mut c, "EXEC", want.as_bytes());
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "EXEC", b"*0\r\n");
        expect(&mut c, "GET a", b"$1\r\n2\r\n");
    });
}

#[test]
fn multi_keys_commands_of_several_shards_inside_exec() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let keys = spread_keys("m");
        let mut c = server.raw();
        expect(&mut c, "MULTI", OK);
        let mset = format!(
            "MSET {} 1 {} 2 {} 3 {} 4",
            keys[0], keys[1], keys[2], keys[3]
        );
        expect(&mut c, &mset, QUEUED);
        let mget = format!("MGET {} {} nokey {} {}", keys[3], keys[2], keys[1], keys[0]);
        expect(&mut c, &mget, QUEUED);
        expect(&mut c, &format!("RENAME {} {}", keys[0], keys[1]), QUEUED);
        expect(&mut c, &format!("SADD {} x", keys[2]), QUEUED);
        expect(&mut c, &format!("SADD s{{{}}} y", keys[2]), QUEUED);
        expect(&mut c, &format!("SMOVE {} {} y", keys[3], keys[2]), QUEUED);
        expect(&mut c, "DBSIZE", QUEUED);
        expect(
            &mut c,
            &format!("DEL {} {} {}", keys[1], keys[2], keys[3]),
            QUEUED,
        );
        let want = format!(
            "*8\r\n+OK\r\n*5\r\n$1\r\n4\r\n$1\r\n3\r\n$-1\r\n$1\r\n2\r\n$1\r\n1\r\n+OK\r\n{WRONGTYPE}:1\r\n{WRONGTYPE}:4\r\n:3\r\n"
        );
        expect(&mut c, "EXEC", want.as_bytes());
        expect(&mut c, "DBSIZE", b":1\r\n");
    });
}

#[test]
fn transaction_errors_are_redis_errors() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "EXEC", b"-ERR EXEC without MULTI\r\n");
        expect(&mut c, "DISCARD", b"-ERR DISCARD without MULTI\r\n");
        expect(&mut c, "UNWATCH", OK);
        expect(
            &mut c,
            "WATCH",
            b"-ERR wrong number of arguments for 'watch' command\r\n",
        );
        expect(&mut c, "MULTI", OK);
        // Neither error dooms the transaction.
        expect(&mut c, "MULTI", b"-ERR MULTI calls can not be nested\r\n");
        expect(
            &mut c,
            "WATCH a",
            b"-ERR WATCH inside MULTI is not allowed\r\n",
        );
        expect(&mut c, "SET a 1", QUEUED);
        expect(&mut c, "EXEC", b"*1\r\n+OK\r\n");
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 2", QUEUED);
        expect(&mut c, "DISCARD", OK);
        expect(&mut c, "EXEC", b"-ERR EXEC without MULTI\r\n");
        expect(&mut c, "GET a", b"$1\r\n1\r\n");
    });
}

#[test]
fn a_command_refused_while_queuing_aborts_the_transaction() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        let refusals: [(&str, &[u8]); 6] = [
            (
                "NOSUCH x",
                b"-ERR unknown command 'NOSUCH', with args beginning with: 'x' \r\n",
            ),
            (
                "GET",
                b"-ERR wrong number of arguments for 'get' command\r\n",
            ),
            (
                "CONFIG NOSUCH",
                b"-ERR unknown subcommand 'NOSUCH'. Try CONFIG HELP.\r\n",
            ),
            (
                "OBJECT NOSUCH a",
                b"-ERR unknown subcommand 'NOSUCH'. Try OBJECT HELP.\r\n",
            ),
            (
                "CLIENT SETNAME",
                b"-ERR wrong number of arguments for 'client|setname' command\r\n",
            ),
            (
                "SHUTDOWN",
                b"-ERR Command not allowed inside a transaction\r\n",
            ),
        ];
        for (line, error) in refusals {
            expect(&mut c, "MULTI", OK);
            expect(&mut c, "SET a 1", QUEUED);
            expect(&mut c, line, error);
            expect(&mut c, "SET b 1", QUEUED);
            expect(&mut c, "EXEC", EXECABORT);
            expect(&mut c, "EXISTS a b", b":0\r\n");
            expect(&mut c, "EXEC", b"-ERR EXEC without MULTI\r\n");
        }
    });
}

#[test]
fn a_refused_exec_discards_the_transaction_with_the_reason() {
    each_server_with(&[1, 4], &[("requirepass", "pw")], |server: &Server| {
        let mut c = server.raw();
        expect(
            &mut c,
            "EXEC",
            b"-EXECABORT Transaction discarded because of: NOAUTH Authentication required.\r\n",
        );
        expect(&mut c, "AUTH pw", OK);
        expect(&mut c, "WATCH w", OK);
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 1", QUEUED);
        expect(
            &mut c,
            "EXEC x",
            b"-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n",
        );
        expect(&mut c, "EXEC", b"-ERR EXEC without MULTI\r\n");
        expect(&mut c, "EXISTS a", b":0\r\n");
        // The refusal also forgot the watched key.
        let mut other = server.raw();
        expect(&mut other, "AUTH pw", OK);
        expect(&mut other, "SET w 1", OK);
        assert_eq!(exec_ping(&mut c), RAN);
    });
}

#[test]
fn blocking_commands_inside_exec_answer_at_once() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "MULTI", OK);
        for line in [
            "BLPOP e1 e2 0",
            "BRPOP e1 0",
            "BRPOPLPUSH e1 e2 0",
            "BLMOVE e1 e2 LEFT RIGHT 0",
            "BZPOPMIN z1 z2 0",
            "BZPOPMAX z1 0",
            "BLMPOP 0 2 e1 e2 LEFT",
            "BZMPOP 0 1 z1 MIN",
            "RPUSH e2 v",
            "BLPOP e1 e2 0",
        ] {
            expect(&mut c, line, QUEUED);
        }
        expect(
            &mut c,
            "EXEC",
            b"*10\r\n*-1\r\n*-1\r\n$-1\r\n$-1\r\n*-1\r\n*-1\r\n*-1\r\n*-1\r\n:1\r\n*2\r\n$2\r\ne2\r\n$1\r\nv\r\n",
        );
        send(&mut c, "HELLO 3");
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "BLPOP e1 0", QUEUED);
        expect(&mut c, "BLMOVE e1 e2 LEFT RIGHT 0", QUEUED);
        expect(&mut c, "EXEC", b"*2\r\n_\r\n_\r\n");
    });
}

#[test]
fn select_inside_multi_switches_the_database_of_the_commands_after_it() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "MULTI", OK);
        for line in ["SET k db0", "SELECT 1", "SET k db1", "GET k", "SELECT 99"] {
            expect(&mut c, line, QUEUED);
        }
        expect(
            &mut c,
            "EXEC",
            b"*5\r\n+OK\r\n+OK\r\n+OK\r\n$3\r\ndb1\r\n-ERR DB index is out of range\r\n",
        );
        // The connection stays in the database the transaction selected.
        expect(&mut c, "GET k", b"$3\r\ndb1\r\n");
        expect(&mut c, "SELECT 0", OK);
        expect(&mut c, "GET k", b"$3\r\ndb0\r\n");
    });
}

#[test]
fn connection_commands_are_queued_and_run_at_exec() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "MULTI", OK);
        for line in [
            "PING",
            "ECHO hi",
            "CLIENT SETNAME tx",
            "CLIENT GETNAME",
            "CONFIG GET maxclients",
            "AUTH secret",
            "MONITOR",
            "HSET h f v",
            "HELLO 3",
            "HGETALL h",
        ] {
            expect(&mut c, line, QUEUED);
        }
        let reply = send(&mut c, "EXEC");
        let head = b"*10\r\n+PONG\r\n$2\r\nhi\r\n+OK\r\n$2\r\ntx\r\n*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n-ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?\r\n-ERR MONITOR isn't allowed for DENY BLOCKING client\r\n:1\r\n%7\r\n";
        let tail = b"$7\r\nmodules\r\n*0\r\n%1\r\n$1\r\nf\r\n$1\r\nv\r\n";
        assert!(
            reply.starts_with(head) && reply.ends_with(tail),
            "{}",
            show_bytes(&reply)
        );
        // HELLO 3 ran: the connection speaks RESP3 from then on, and is no monitor.
        expect(&mut c, "HGETALL h", b"%1\r\n$1\r\nf\r\n$1\r\nv\r\n");
    });
}

#[test]
fn client_list_shows_a_transaction_being_queued() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        let mut other = server.raw();
        let flags_and_multi = |line: &str| -> (String, String) {
            let field = |name: &str| {
                line.split(' ')
                    .find_map(|f| f.strip_prefix(name))
                    .unwrap_or_default()
                    .to_string()
            };
            (field("flags="), field("multi="))
        };
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET x 1", QUEUED);
        expect(&mut c, "GET x", QUEUED);
        let list = String::from_utf8(send(&mut other, "CLIENT LIST")).expect("text");
        let mine = list
            .lines()
            .find(|l| l.contains("cmd=get "))
            .unwrap_or_else(|| panic!("{list}"));
        assert_eq!(flags_and_multi(mine), ("x".into(), "2".into()), "{mine}");
        expect(&mut c, "CLIENT INFO", QUEUED);
        let exec = String::from_utf8(send(&mut c, "EXEC")).expect("text");
        assert!(
            exec.contains(" flags=x ") && exec.contains(" multi=3 "),
            "inside EXEC the client is still in MULTI: {exec}"
        );
        let info = String::from_utf8(send(&mut c, "CLIENT INFO")).expect("text");
        assert!(
            info.contains(" flags=N ") && info.contains(" multi=-1 "),
            "{info}"
        );
    });
}

#[test]
fn reset_and_quit_inside_multi() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "WATCH w", OK);
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 1", QUEUED);
        expect(&mut c, "RESET", b"+RESET\r\n");
        expect(&mut c, "EXEC", b"-ERR EXEC without MULTI\r\n");
        expect(&mut c, "EXISTS a", b":0\r\n");
        // RESET forgot the watched key too.
        let mut other = server.raw();
        expect(&mut other, "SET w 1", OK);
        assert_eq!(exec_ping(&mut c), RAN);
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 1", QUEUED);
        expect(&mut c, "QUIT", OK);
        assert!(c.is_closed(Duration::from_secs(5)), "QUIT closes at once");
        expect(&mut other, "EXISTS a", b":0\r\n");
    });
}

/// Runs `MULTI; PING; EXEC` and returns EXEC's raw reply.
fn exec_ping(c: &mut RawConn) -> Vec<u8> {
    expect(c, "MULTI", OK);
    expect(c, "PING", QUEUED);
    send(c, "EXEC")
}

const RAN: &[u8] = b"*1\r\n+PONG\r\n";
const NULL: &[u8] = b"*-1\r\n";

#[test]
fn watch_fails_exec_when_another_client_writes_a_key_of_any_shard() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let keys = spread_keys("w");
        let mut c = server.raw();
        let mut other = server.raw();
        let watch = format!("WATCH {}", keys.join(" "));
        expect(&mut c, &watch, OK);
        expect(&mut c, &watch, OK);
        assert_eq!(exec_ping(&mut c), RAN, "nothing changed");
        for key in &keys {
            expect(&mut c, &watch, OK);
            expect(&mut other, &format!("SET {key} v"), OK);
            expect(&mut c, "MULTI", OK);
            expect(&mut c, &format!("SET {key} mine"), QUEUED);
            expect(&mut c, "EXEC", NULL);
            expect(&mut c, &format!("GET {key}"), b"$1\r\nv\r\n");
            // EXEC unwatched everything: the same write no longer matters.
            expect(&mut other, &format!("SET {key} v"), OK);
            assert_eq!(exec_ping(&mut c), RAN, "after EXEC nothing is watched");
        }
        // RESP3's null.
        send(&mut c, "HELLO 3");
        expect(&mut c, &watch, OK);
        expect(&mut other, &format!("DEL {}", keys[3]), b":1\r\n");
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "PING", QUEUED);
        expect(&mut c, "EXEC", b"_\r\n");
    });
}

#[test]
fn every_kind_of_write_invalidates_a_watched_key() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let keys = spread_keys("kind");
        let (k, src) = (&keys[0], &keys[1]);
        let mut c = server.raw();
        let mut other = server.raw();
        // (setup by the other client, the write that must invalidate)
        let cases: Vec<(String, String)> = vec![
            ("SET {k} 1".into(), "SET {k} 1".into()),
            ("SET {k} 1".into(), "INCR {k}".into()),
            ("SET {k} 1".into(), "APPEND {k} x".into()),
            ("SET {k} 1".into(), "EXPIRE {k} 100".into()),
            ("SET {k} 1 EX 100".into(), "PERSIST {k}".into()),
            ("SET {k} 1".into(), "DEL {k}".into()),
            ("SET {k} 1".into(), "UNLINK {k} nokey".into()),
            ("DEL {k}".into(), "RPUSH {k} a".into()),
            ("RPUSH {k} a b".into(), "LPOP {k}".into()),
            ("RPUSH {k} a".into(), "LPOP {k}".into()),
            ("HSET {k} f v".into(), "HDEL {k} f".into()),
            ("SADD {k} a".into(), "SADD {k} b".into()),
            ("ZADD {k} 1 a".into(), "ZINCRBY {k} 1 a".into()),
            ("SET {k} 1".into(), "FLUSHDB".into()),
            ("SET {k} 1".into(), "FLUSHALL".into()),
            ("SET {src} 1".into(), "RENAME {src} {k}".into()),
            ("SET {k} 1".into(), "RENAME {k} {src}".into()),
            ("SET {src} 1".into(), "COPY {src} {k}".into()),
            ("SADD {src} m".into(), "SMOVE {src} {k} m".into()),
            ("RPUSH {src} m".into(), "LMOVE {src} {k} LEFT LEFT".into()),
            ("SADD {src} m".into(), "SUNIONSTORE {k} {src}".into()),
            ("SET {k} 1".into(), "MSET {src} 2 {k} 3".into()),
            ("SET {k} list".into(), "SET {k} 1 KEEPTTL".into()),
            // Written over with the same value by a command gathering keys of two shards.
            (
                "SADD {k} m|SADD {src} m".into(),
                "SUNIONSTORE {k} {src}".into(),
            ),
            ("RPUSH {k} m".into(), "LMOVE {k} {k} LEFT RIGHT".into()),
        ];
        for (setup, write) in cases {
            let fill = |s: &str| s.replace("{k}", k).replace("{src}", src);
            expect(&mut other, "FLUSHALL", OK);
            for line in setup.split('|') {
                send(&mut other, &fill(line));
            }
            expect(&mut c, &format!("WATCH {k}"), OK);
            send(&mut other, &fill(&write));
            assert_eq!(
                show_bytes(&exec_ping(&mut c)),
                show_bytes(NULL),
                "after {setup}, {write} must invalidate WATCH"
            );
        }
    });
}

#[test]
fn what_does_not_invalidate_a_watched_key() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let keys = spread_keys("keep");
        let k = &keys[0];
        let mut c = server.raw();
        let mut other = server.raw();
        let cases = [
            "GET {k}",
            "EXISTS {k}",
            "SET {o} 1",
            "DEL nokey {o}",
            "PERSIST {k}",
            "FLUSHALL",
            "SELECT 1|SET {k} 1|FLUSHDB",
        ];
        for case in cases {
            expect(&mut other, "SELECT 0", OK);
            expect(&mut other, "FLUSHALL", OK);
            let watched_exists = case != "FLUSHALL";
            if watched_exists {
                expect(&mut other, &format!("SET {k} v"), OK);
            }
            expect(&mut c, &format!("WATCH {k}"), OK);
            for line in case.split('|') {
                send(&mut other, &line.replace("{k}", k).replace("{o}", &keys[1]));
            }
            assert_eq!(
                show_bytes(&exec_ping(&mut c)),
                show_bytes(RAN),
                "{case} must not invalidate WATCH"
            );
        }
        // A watched key of database 1 is not the key of the same name in database 0.
        expect(&mut other, "SELECT 0", OK);
        expect(&mut c, "SELECT 1", OK);
        expect(&mut c, &format!("WATCH {k}"), OK);
        expect(&mut c, "SELECT 0", OK);
        expect(&mut other, &format!("SET {k} changed"), OK);
        assert_eq!(exec_ping(&mut c), RAN);
    });
}

#[test]
fn own_writes_unwatch_and_discard() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let keys = spread_keys("own");
        let mut c = server.raw();
        let mut other = server.raw();
        // A client's own write before MULTI invalidates its WATCH too.
        expect(&mut c, &format!("WATCH {} {}", keys[0], keys[2]), OK);
        expect(&mut c, &format!("SET {} mine", keys[2]), OK);
        assert_eq!(exec_ping(&mut c), NULL);
        // UNWATCH forgets every key.
        expect(&mut c, &format!("WATCH {}", keys.join(" ")), OK);
        expect(&mut c, "UNWATCH", OK);
        expect(&mut other, &format!("SET {} x", keys[1]), OK);
        assert_eq!(exec_ping(&mut c), RAN);
        // So do DISCARD and an aborted EXEC.
        expect(&mut c, &format!("WATCH {}", keys[3]), OK);
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "DISCARD", OK);
        expect(&mut other, &format!("SET {} x", keys[3]), OK);
        assert_eq!(exec_ping(&mut c), RAN);
        expect(&mut c, &format!("WATCH {}", keys[3]), OK);
        expect(&mut c, "MULTI", OK);
        send(&mut c, "NOSUCH");
        expect(&mut c, "EXEC", EXECABORT);
        expect(&mut other, &format!("SET {} y", keys[3]), OK);
        assert_eq!(exec_ping(&mut c), RAN);
        // A transaction's own commands do not fail it, and a pipelined write before EXEC does.
        expect(&mut c, &format!("WATCH {}", keys[0]), OK);
        expect(&mut c, "MULTI", OK);
        expect(&mut c, &format!("SET {} in-tx", keys[0]), QUEUED);
        expect(&mut c, "EXEC", b"*1\r\n+OK\r\n");
        let pipeline = format!(
            "*2\r\n$5\r\nWATCH\r\n${}\r\n{}\r\n*3\r\n$3\r\nSET\r\n${}\r\n{}\r\n$1\r\nz\r\n*1\r\n$5\r\nMULTI\r\n*1\r\n$4\r\nEXEC\r\n",
            keys[1].len(),
            keys[1],
            keys[1].len(),
            keys[1]
        );
        c.send(pipeline.as_bytes()).expect("send");
        for want in [OK, OK, OK, NULL] {
            assert_eq!(show_bytes(&c.read_reply()), show_bytes(want));
        }
    });
}

#[test]
fn expiry_of_a_watched_key_fails_exec_unless_it_had_expired_before_watch() {
    each_server(SHARD_COUNTS, |server: &Server| {
        let keys = spread_keys("exp");
        let mut c = server.raw();
        let mut probe = server.raw();
        let all = keys.join(" ");
        let expire_all = |c: &mut RawConn| {
            for key in &keys {
                expect(c, &format!("SET {key} v PX 200"), OK);
            }
        };
        // Alive at WATCH, gone (removed by the other client's lookups) by EXEC.
        expire_all(&mut c);
        expect(&mut c, &format!("WATCH {all}"), OK);
        let gone = wait_until(Duration::from_secs(10), || {
            send(&mut probe, &format!("EXISTS {all}")) == b":0\r\n"
        });
        assert!(gone, "the keys expire");
        assert_eq!(exec_ping(&mut c), NULL);
        // Alive at WATCH, and past its time by EXEC, whoever removes it.
        for key in &keys {
            expect(&mut c, &format!("SET {key} v PX 200"), OK);
            expect(&mut c, &format!("WATCH {key}"), OK);
            assert!(wait_until(Duration::from_secs(10), || {
                send(&mut probe, &format!("PTTL {key}")) == b":-2\r\n"
            }));
            assert_eq!(exec_ping(&mut c), NULL, "{key}");
        }
        // Gone before WATCH: nothing changes.
        expire_all(&mut c);
        assert!(wait_until(Duration::from_secs(10), || {
            send(&mut probe, &format!("EXISTS {all}")) == b":0\r\n"
        }));
        expect(&mut c, &format!("WATCH {all}"), OK);
        assert_eq!(exec_ping(&mut c), RAN);
        // ... until the key is set again.
        expect(&mut c, &format!("WATCH {all}"), OK);
        expect(&mut probe, &format!("SET {} again", keys[1]), OK);
        assert_eq!(exec_ping(&mut c), NULL);
    });
}

#[test]
fn monitor_sees_multi_the_commands_then_exec() {
    each_server(&[1, 4], |server: &Server| {
        let mut m = server.raw();
        expect(&mut m, "MONITOR", OK);
        let mut c = server.raw();
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 1", QUEUED);
        expect(&mut c, "GET a", QUEUED);
        expect(&mut c, "EXEC", b"*2\r\n+OK\r\n$1\r\n1\r\n");
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "DISCARD", OK);
        for want in [
            "\"MULTI\"",
            "\"SET\" \"a\" \"1\"",
            "\"GET\" \"a\"",
            "\"EXEC\"",
            "\"MULTI\"",
            "\"DISCARD\"",
        ] {
            let line = String::from_utf8(m.read_reply()).expect("ASCII");
            assert!(line.ends_with(&format!("] {want}\r\n")), "{line}");
        }
    });
}

/// The `name:value` lines of an INFO section.
fn info_lines(c: &mut RawConn, section: &str) -> Vec<String> {
    let reply = send(c, &format!("INFO {section}"));
    String::from_utf8_lossy(&reply)
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

/// The `calls=..,rejected_calls=..,failed_calls=..` counts of a command.
fn calls(lines: &[String], command: &str) -> (u64, u64, u64) {
    let prefix = format!("cmdstat_{command}:");
    let Some(line) = lines.iter().find(|l| l.starts_with(&prefix)) else {
        return (0, 0, 0);
    };
    let field = |name: &str| -> u64 {
        line[prefix.len()..]
            .split(',')
            .find_map(|f| f.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (
        field("calls"),
        field("rejected_calls"),
        field("failed_calls"),
    )
}

#[test]
fn statistics_count_exec_and_each_command_it_ran() {
    each_server(&[1, 4], |server: &Server| {
        let mut c = server.raw();
        expect(&mut c, "CONFIG RESETSTAT", OK);
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 1", QUEUED);
        expect(&mut c, "LPUSH a x", QUEUED);
        send(&mut c, "EXEC");
        expect(&mut c, "MULTI", OK);
        expect(&mut c, "SET a 1", QUEUED);
        send(&mut c, "GET");
        expect(&mut c, "EXEC", EXECABORT);
        send(&mut c, "MULTI");
        send(&mut c, "MULTI");
        send(&mut c, "DISCARD");
        let lines = info_lines(&mut c, "commandstats");
        assert_eq!(calls(&lines, "multi"), (4, 0, 1), "{lines:?}");
        assert_eq!(calls(&lines, "exec"), (2, 0, 1), "{lines:?}");
        assert_eq!(
            calls(&lines, "set"),
            (1, 0, 0),
            "queued SETs count when run"
        );
        assert_eq!(calls(&lines, "lpush"), (1, 0, 1));
        assert_eq!(calls(&lines, "get"), (0, 1, 0));
        assert_eq!(calls(&lines, "discard"), (1, 0, 0));
        let errors = info_lines(&mut c, "errorstats");
        for want in [
            "errorstat_ERR:count=2",
            "errorstat_EXECABORT:count=1",
            "errorstat_WRONGTYPE:count=1",
        ] {
            assert!(errors.iter().any(|l| l == want), "{want} in {errors:?}");
        }
    });
}
