//! End-to-end tests of MONITOR: Redis's line format and escaping, redaction of passwords,
//! the commands Redis does not show, commands from clients on every shard reaching every
//! monitor, what a monitoring connection may still do, a monitor that stops reading being
//! disconnected while the server keeps serving, and `redis-cli monitor`.
//!
//! With `SHARDIS_E2E_REDIS=1` the tests of Redis behaviour run against a real
//! `redis-server` instead, which checks the tests themselves.

mod common;

use common::{each_server, encode_command, parse_resp, raw, show_bytes, RawConn, Resp, Server};
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SHARD_COUNTS: &[usize] = &[1, 4];

/// A connection in MONITOR mode.
fn start_monitor(server: &Server) -> RawConn {
    let mut m = server.raw();
    assert_eq!(raw(&mut m, &["MONITOR"]), b"+OK\r\n");
    m
}

/// The `addr` field of a connection's CLIENT INFO.
fn addr_of(conn: &mut RawConn) -> String {
    let reply = raw(conn, &["CLIENT", "INFO"]);
    let text = match parse_resp(&reply) {
        Resp::Bulk(b'=', b) => String::from_utf8(b[4..].to_vec()).expect("utf-8"),
        Resp::Bulk(_, b) => String::from_utf8(b).expect("utf-8"),
        other => panic!("CLIENT INFO answered {other:?}"),
    };
    let fields: HashMap<&str, &str> = text
        .split_whitespace()
        .filter_map(|f| f.split_once('='))
        .collect();
    fields["addr"].to_string()
}

/// The next monitor line, split into its database, client address and arguments part after
/// checking the timestamp's shape (`+<seconds>.<6 digits> `).
fn next_line(m: &mut RawConn) -> (String, String, String) {
    let reply = m.read_reply();
    let line = String::from_utf8(reply.clone()).expect("monitor lines are ASCII");
    let line = line
        .strip_prefix('+')
        .and_then(|l| l.strip_suffix("\r\n"))
        .unwrap_or_else(|| panic!("not a monitor line: {}", show_bytes(&reply)));
    let (stamp, rest) = line.split_once(" [").expect("timestamp");
    let (secs, micros) = stamp.split_once('.').expect("seconds.micros");
    assert!(
        !secs.is_empty() && secs.bytes().all(|b| b.is_ascii_digit()),
        "{line}"
    );
    assert!(
        micros.len() == 6 && micros.bytes().all(|b| b.is_ascii_digit()),
        "{line}"
    );
    let (client, args) = rest.split_once("] ").expect("client part");
    let (db, addr) = client.split_once(' ').expect("db and address");
    (db.to_string(), addr.to_string(), args.to_string())
}

#[test]
fn lines_have_redis_format_and_escaping() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        let addr = addr_of(&mut c);
        let mut m = start_monitor(server);
        c.cmd(&[b"SET", b"k", b"a\"b\\c\n\r\t\x07\x08\x01\xff~ "]);
        raw(&mut c, &["SELECT", "3"]);
        raw(&mut c, &["set", "12", "34"]);
        raw(&mut c, &["SELECT", "0"]);
        let expected = [
            ("0", r#""SET" "k" "a\"b\\c\n\r\t\a\b\x01\xff~ ""#),
            // The database is the one after the command ran, as Redis shows it.
            ("3", r#""SELECT" "3""#),
            ("3", r#""set" "12" "34""#),
            ("0", r#""SELECT" "0""#),
        ];
        for (db, args) in expected {
            assert_eq!(
                next_line(&mut m),
                (db.to_string(), addr.clone(), args.to_string())
            );
        }
    });
}

#[test]
fn passwords_are_redacted() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        let mut m = start_monitor(server);
        raw(&mut c, &["AUTH", "default", "pw"]);
        raw(&mut c, &["AUTH", "pw"]);
        raw(&mut c, &["AUTH", "a", "b", "c"]);
        raw(
            &mut c,
            &["HELLO", "2", "AUTH", "default", "pw", "SETNAME", "n"],
        );
        raw(
            &mut c,
            &["HELLO", "2", "SETNAME", "a b", "AUTH", "default", "pw"],
        );
        let expected = [
            r#""AUTH" "(redacted)" "(redacted)""#,
            r#""AUTH" "(redacted)""#,
            r#""AUTH" "a" "b" "c""#,
            r#""HELLO" "2" "AUTH" "(redacted)" "(redacted)" "SETNAME" "n""#,
            // Redis stops parsing at the bad name, before it reaches AUTH.
            r#""HELLO" "2" "SETNAME" "a b" "AUTH" "default" "pw""#,
        ];
        for args in expected {
            assert_eq!(next_line(&mut m).2, args);
        }
    });
}

#[test]
fn admin_unknown_and_refused_commands_are_not_shown() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        let mut m = start_monitor(server);
        raw(&mut c, &["CONFIG", "GET", "maxclients"]);
        raw(&mut c, &["CLIENT", "LIST"]);
        raw(&mut c, &["CLIENT", "NOSUCH"]);
        raw(&mut c, &["NOSUCH", "x"]);
        raw(&mut c, &["GET"]);
        let mut other = start_monitor(server);
        raw(&mut c, &["CLIENT", "ID"]);
        raw(&mut c, &["GET", "marker"]);
        assert_eq!(next_line(&mut m).2, r#""CLIENT" "ID""#);
        assert_eq!(next_line(&mut m).2, r#""GET" "marker""#);
        assert_eq!(next_line(&mut other).2, r#""CLIENT" "ID""#);
    });
}

#[test]
fn every_monitor_sees_clients_of_every_shard() {
    each_server(SHARD_COUNTS, |server| {
        let mut monitors = [start_monitor(server), start_monitor(server)];
        // Connections land on shards by the kernel's hash: open many, keys spread too.
        let mut clients: Vec<(RawConn, String)> = (0..12)
            .map(|_| {
                let mut c = server.raw();
                let addr = addr_of(&mut c);
                (c, addr)
            })
            .collect();
        let mut expected = BTreeSet::new();
        for (i, (c, addr)) in clients.iter_mut().enumerate() {
            for j in 0..8 {
                let key = format!("key:{i}:{j}");
                raw(c, &["SET", &key, "v"]);
                expected.insert((addr.clone(), format!(r#""SET" "{key}" "v""#)));
            }
        }
        for m in &mut monitors {
            let mut seen = BTreeSet::new();
            while seen.len() < expected.len() {
                let (_, addr, args) = next_line(m);
                if args.starts_with(r#""CLIENT""#) {
                    continue; // the CLIENT INFO of a connection not yet counted
                }
                seen.insert((addr, args));
            }
            assert_eq!(seen, expected);
        }
    });
}

#[test]
fn a_monitor_may_ping_but_not_touch_keys_and_reset_ends_monitoring() {
    each_server(SHARD_COUNTS, |server| {
        let mut m = server.raw();
        let id = match parse_resp(&raw(&mut m, &["CLIENT", "ID"])) {
            Resp::Integer(id) => id,
            other => panic!("CLIENT ID answered {other:?}"),
        };
        assert_eq!(raw(&mut m, &["MONITOR"]), b"+OK\r\n");
        let mut c = server.raw();
        let list = String::from_utf8_lossy(&raw(&mut c, &["CLIENT", "LIST"])).into_owned();
        let line = list
            .lines()
            .find(|l| l.contains(&format!("id={id} ")))
            .expect("monitor listed");
        assert!(line.contains(" flags=O "), "{line}");

        assert_eq!(raw(&mut m, &["PING"]), b"+PONG\r\n");
        assert_eq!(next_line(&mut m).2, r#""PING""#);
        assert_eq!(
            show_bytes(&raw(&mut m, &["GET", "k"])),
            show_bytes(b"-ERR Replica can't interact with the keyspace\r\n")
        );
        // MONITOR again is ignored: no reply at all.
        m.send(&encode_command(&[b"MONITOR"])).expect("send");
        assert_eq!(raw(&mut m, &["ECHO", "after"]), b"$5\r\nafter\r\n");
        assert_eq!(next_line(&mut m).2, r#""ECHO" "after""#);

        assert_eq!(raw(&mut m, &["RESET"]), b"+RESET\r\n");
        raw(&mut c, &["SET", "k", "v"]);
        // No longer monitoring: the SET is not shown, and keys may be read again.
        assert_eq!(raw(&mut m, &["GET", "k"]), b"$1\r\nv\r\n");
    });
}

/// A monitor that never reads is disconnected once its queue passes the budget, while the
/// server keeps serving everyone else. (shardis bounds the monitor's queue; Redis's default
/// limit for such clients is unlimited, so this runs on shardis only.)
#[test]
fn a_stalled_monitor_is_disconnected() {
    for shards in [1, 4] {
        let server = Server::shardis(shards, &[]);
        let mut stalled = start_monitor(&server);
        let mut writer = server.raw();
        let mut other = server.raw();
        let value = vec![b'x'; 100 * 1024];
        // 12 rounds of 64 SETs of 100 KB: ~77 MB of monitor lines, well over the budget
        // (32 MB) plus what the kernel's socket buffers hold.
        let rounds = 12;
        for round in 0..rounds {
            let mut batch = Vec::new();
            for i in 0..64 {
                let key = format!("big:{round}:{i}");
                batch.extend(encode_command(&[b"SET", key.as_bytes(), &value]));
            }
            writer.send(&batch).expect("send flood");
            for _ in 0..64 {
                assert_eq!(writer.read_reply(), b"+OK\r\n");
            }
            assert_eq!(raw(&mut other, &["PING"]), b"+PONG\r\n");
        }
        // Now read the stalled monitor: what was buffered, then EOF.
        assert!(
            drained_to_eof(&mut stalled),
            "the stalled monitor was not disconnected"
        );
        assert_eq!(raw(&mut other, &["PING"]), b"+PONG\r\n");
        assert_eq!(
            raw(&mut writer, &["DBSIZE"]),
            format!(":{}\r\n", rounds * 64).as_bytes()
        );
    }
}

/// Reads and discards everything `conn` receives until the server closes it (true) or a
/// generous deadline passes (false).
fn drained_to_eof(conn: &mut RawConn) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        match conn.read_until_quiet(Duration::from_millis(500)) {
            Ok((_, true)) | Err(_) => return true,
            Ok(_) => {}
        }
    }
    false
}

#[test]
fn redis_cli_monitor_works() {
    each_server(&[2], |server| {
        let mut cli = Command::new("redis-cli")
            .args(["-p", &server.port().to_string(), "monitor"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start redis-cli");
        let stdout = cli.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        assert_eq!(lines.next().and_then(Result::ok).as_deref(), Some("OK"));
        let mut c = server.raw();
        raw(&mut c, &["SET", "cli-key", "v"]);
        let line = lines.next().and_then(Result::ok).unwrap_or_default();
        assert!(line.ends_with(r#"] "SET" "cli-key" "v""#), "{line:?}");
        let _ = cli.kill();
        let _ = cli.wait();
        drop(lines);
        // redis-cli's end left the server serving.
        assert_eq!(raw(&mut c, &["PING"]), b"+PONG\r\n");
    });
}
