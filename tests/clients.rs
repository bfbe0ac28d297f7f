//! End-to-end tests of client management: CLIENT KILL's filters (LADDR, USER, TYPE,
//! repeated ID, combined filters), CLIENT LIST filters, CLIENT HELP, `maxclients` and the idle
//! `timeout`.
//!
//! With `SHARDIS_E2E_REDIS=1` each test runs against a real `redis-server` instead, which
//! checks the tests themselves.

mod common;

use common::{each_server, each_server_with, encode_command, parse_resp, raw, show_bytes};
use common::{wait_until, RawConn, Resp, Server};
use std::collections::HashMap;
use std::time::Duration;

const SHARD_COUNTS: &[usize] = &[1, 4];

fn assert_raw(conn: &mut RawConn, words: &[&str], expected: &[u8]) {
    assert_eq!(
        show_bytes(&raw(conn, words)),
        show_bytes(expected),
        "reply to {words:?}"
    );
}

/// CLIENT INFO of a connection as field name to value.
fn info(conn: &mut RawConn) -> HashMap<String, String> {
    let text = match parse_resp(&raw(conn, &["CLIENT", "INFO"])) {
        Resp::Bulk(b'=', b) => String::from_utf8(b[4..].to_vec()).expect("utf-8"),
        Resp::Bulk(_, b) => String::from_utf8(b).expect("utf-8"),
        other => panic!("CLIENT INFO answered {other:?}"),
    };
    text.split_whitespace()
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Whether a connection was closed by the server (within a generous wait).
fn closed(conn: &mut RawConn) -> bool {
    conn.is_closed(Duration::from_secs(5))
}

#[test]
fn kill_by_laddr_user_and_type() {
    each_server(SHARD_COUNTS, |server| {
        let mut killer = server.raw();
        let mut a = server.raw();
        let laddr = info(&mut a)["laddr"].clone();
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "LADDR", "1.2.3.4:5"],
            b":0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "TYPE", "master"],
            b":0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "TYPE", "replica"],
            b":0\r\n",
        );
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "TYPE", "pubsub"],
            b":0\r\n",
        );
        // LADDR matches every client of this listener but the killer (SKIPME yes).
        assert_raw(&mut killer, &["CLIENT", "KILL", "LADDR", &laddr], b":1\r\n");
        assert!(closed(&mut a));

        let mut b = server.raw();
        let mut c = server.raw();
        raw(&mut b, &["PING"]);
        raw(&mut c, &["PING"]);
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "USER", "default"],
            b":2\r\n",
        );
        assert!(closed(&mut b) && closed(&mut c));

        let mut d = server.raw();
        raw(&mut d, &["PING"]);
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "TYPE", "normal"],
            b":1\r\n",
        );
        assert!(closed(&mut d));
        assert_raw(&mut killer, &["PING"], b"+PONG\r\n");
    });
}

#[test]
fn kill_filters_combine_and_the_last_id_wins() {
    each_server(SHARD_COUNTS, |server| {
        let mut killer = server.raw();
        let mut a = server.raw();
        let mut b = server.raw();
        let (a_info, b_info) = (info(&mut a), info(&mut b));
        // Every filter must match: a's id with b's address matches nobody.
        assert_raw(
            &mut killer,
            &[
                "CLIENT",
                "KILL",
                "ID",
                &a_info["id"],
                "ADDR",
                &b_info["addr"],
            ],
            b":0\r\n",
        );
        // A repeated ID replaces the earlier one.
        assert_raw(
            &mut killer,
            &["CLIENT", "KILL", "ID", &a_info["id"], "ID", &b_info["id"]],
            b":1\r\n",
        );
        assert!(closed(&mut b));
        assert_raw(&mut a, &["PING"], b"+PONG\r\n");
        assert_raw(
            &mut killer,
            &[
                "CLIENT",
                "KILL",
                "ID",
                &a_info["id"],
                "ADDR",
                &a_info["addr"],
                "LADDR",
                &a_info["laddr"],
                "TYPE",
                "normal",
                "USER",
                "default",
                "SKIPME",
                "yes",
            ],
            b":1\r\n",
        );
        assert!(closed(&mut a));
    });
}

#[test]
fn kill_and_list_errors() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        let cases: &[(&[&str], &[u8])] = &[
            (
                &["KILL", "ID", "0"],
                b"-ERR client-id should be greater than 0\r\n",
            ),
            (
                &["KILL", "ID", "-1"],
                b"-ERR client-id should be greater than 0\r\n",
            ),
            (
                &["KILL", "TYPE", "foo"],
                b"-ERR Unknown client type 'foo'\r\n",
            ),
            (&["KILL", "USER", "bob"], b"-ERR No such user 'bob'\r\n"),
            (&["KILL", "SKIPME", "maybe"], b"-ERR syntax error\r\n"),
            (&["KILL", "MAXAGE", "5"], b"-ERR syntax error\r\n"),
            (&["KILL", "ID", "1", "2"], b"-ERR syntax error\r\n"),
            (&["KILL", "ID"], b"-ERR No such client\r\n"),
            (&["LIST", "ID", "abc"], b"-ERR Invalid client ID\r\n"),
            (&["LIST", "ID", "0", "-1"], b"$0\r\n\r\n"),
            (
                &["LIST", "ID", "99999999999999999999"],
                b"-ERR Invalid client ID\r\n",
            ),
            (
                &["LIST", "TYPE", "foo"],
                b"-ERR Unknown client type 'foo'\r\n",
            ),
            (&["LIST", "foo"], b"-ERR syntax error\r\n"),
            (
                &["HELP", "x"],
                b"-ERR wrong number of arguments for 'client|help' command\r\n",
            ),
        ];
        for (args, expected) in cases {
            let mut words = vec!["CLIENT"];
            words.extend_from_slice(args);
            assert_raw(&mut c, &words, expected);
        }
    });
}

#[test]
fn client_list_type_shows_monitors_as_normal() {
    each_server(SHARD_COUNTS, |server| {
        let mut m = server.raw();
        let id = info(&mut m)["id"].clone();
        assert_raw(&mut m, &["MONITOR"], b"+OK\r\n");
        let mut c = server.raw();
        let list = |c: &mut RawConn, words: &[&str]| {
            let mut all = vec!["CLIENT", "LIST"];
            all.extend_from_slice(words);
            String::from_utf8_lossy(&raw(c, &all)).into_owned()
        };
        let normal = list(&mut c, &["TYPE", "normal"]);
        let line = normal
            .lines()
            .find(|l| l.contains(&format!("id={id} ")))
            .expect("the monitor is a normal client");
        assert!(line.contains(" flags=O "), "{line}");
        assert!(!list(&mut c, &["TYPE", "replica"]).contains(&format!("id={id} ")));
        let by_id = list(&mut c, &["ID", &id, "999999"]);
        assert_eq!(by_id.matches("id=").count(), 1, "{by_id}");
    });
}

#[test]
fn client_help_is_redis_text() {
    each_server(&[1], |server| {
        let mut c = server.raw();
        let reply = raw(&mut c, &["CLIENT", "HELP"]);
        let Resp::Array(_, lines) = parse_resp(&reply) else {
            panic!("CLIENT HELP answered {}", show_bytes(&reply));
        };
        assert_eq!(lines.len(), 48);
        assert_eq!(
            lines[0].as_bytes(),
            Some(&b"CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"[..])
        );
        assert_eq!(lines[47].as_bytes(), Some(&b"    Prints this help."[..]));
    });
}

/// Opens a connection that is admitted (answers PING), retrying while a connection that
/// just closed still counts against `maxclients` on the server.
fn admitted(server: &Server) -> RawConn {
    let mut conn = None;
    let ok = wait_until(Duration::from_secs(10), || {
        let mut c = server.raw();
        match c.try_cmd(&[b"PING"]) {
            Ok(reply) if reply == b"+PONG\r\n" => {
                conn = Some(c);
                true
            }
            _ => false,
        }
    });
    assert!(ok, "no connection admitted");
    conn.expect("admitted connection")
}

#[test]
fn maxclients_refuses_with_redis_error() {
    each_server_with(SHARD_COUNTS, &[("maxclients", "3")], |server| {
        let mut conns: Vec<RawConn> = (0..3).map(|_| admitted(server)).collect();
        for _ in 0..2 {
            let mut extra = server.raw();
            let (replies, closed) = extra
                .read_until_quiet(Duration::from_secs(5))
                .expect("read");
            assert_eq!(
                replies,
                vec![b"-ERR max number of clients reached\r\n".to_vec()]
            );
            assert!(closed, "the refused connection is closed");
        }
        for c in &mut conns {
            assert_raw(c, &["PING"], b"+PONG\r\n");
        }
        drop(conns.pop());
        let mut again = admitted(server);
        assert_raw(&mut again, &["PING"], b"+PONG\r\n");
    });
}

#[test]
fn idle_clients_are_closed_but_not_blocked_ones_or_monitors() {
    each_server_with(SHARD_COUNTS, &[("timeout", "1")], |server| {
        let mut idle = server.raw();
        assert_raw(&mut idle, &["PING"], b"+PONG\r\n");
        let mut blocked = server.raw();
        blocked
            .send(&encode_command(&[b"BLPOP", b"list", b"0"]))
            .expect("send BLPOP");
        let mut monitor = server.raw();
        assert_raw(&mut monitor, &["MONITOR"], b"+OK\r\n");
        // Closed without a word (within a generous bound: timeout 1 s, checked about twice
        // a second by shardis and about once a second by Redis).
        let (replies, was_closed) = idle.read_until_quiet(Duration::from_secs(8)).expect("read");
        assert!(was_closed && replies.is_empty(), "{replies:?}");
        // Every shard's check has run well past the limit for the others too.
        std::thread::sleep(Duration::from_secs(2));
        // The blocked client and the monitor outlived it, and are still served.
        let mut pusher = server.raw();
        assert_raw(&mut pusher, &["RPUSH", "list", "x"], b":1\r\n");
        assert_eq!(
            show_bytes(&blocked.read_reply()),
            show_bytes(b"*2\r\n$4\r\nlist\r\n$1\r\nx\r\n")
        );
        // (The BLPOP may have run after MONITOR: skip what came before the RPUSH.)
        let mut line = String::new();
        while !line.contains("\"RPUSH\"") {
            line = String::from_utf8(monitor.read_reply()).expect("ascii");
        }
        assert!(line.ends_with("\"RPUSH\" \"list\" \"x\"\r\n"), "{line}");
    });
}

#[test]
fn a_client_killing_itself_gets_the_reply_then_the_close() {
    each_server(SHARD_COUNTS, |server| {
        let mut client = server.raw();
        // The PING after it is never run: the connection closes after the kill's reply.
        let mut pipeline = encode_command(&[b"CLIENT", b"KILL", b"SKIPME", b"no"]);
        pipeline.extend(encode_command(&[b"PING"]));
        client.send(&pipeline).expect("send");
        let (replies, was_closed) = client
            .read_until_quiet(Duration::from_secs(5))
            .expect("read");
        assert!(was_closed, "still open after {replies:?}");
        let replies: Vec<String> = replies.iter().map(|r| show_bytes(r)).collect();
        assert_eq!(replies, vec![show_bytes(b":1\r\n")]);
    });
}
