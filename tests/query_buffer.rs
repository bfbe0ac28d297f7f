//! End-to-end tests of `client-query-buffer-limit` (issue 15, "what a client may take"): a
//! client whose input read but not run grows past the limit is closed, with Redis's warning
//! in the log, whatever it is doing — blocked in BLPOP while it keeps pipelining, sending
//! one huge argument, inside MULTI, subscribed (RESP2 and RESP3) or monitoring — while
//! another client is served throughout. Commands queued inside MULTI do not count (they have
//! run, as in Redis).
//!
//! Each test runs against shardis with 1 and 3 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{each_server, encode_command, raw, wait_until, RawConn, Server};
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The shard counts every test runs shardis with.
const SHARD_COUNTS: &[usize] = &[1, 3];
/// The smallest limit Redis accepts, set by every test.
const LIMIT: usize = 1024 * 1024;
/// The warning Redis logs when it closes such a client.
const WARNING: &str = "Closing client that reached max query buffer length: id=";
/// How long a test waits for the server to close a connection or log a line.
const PATIENCE: Duration = Duration::from_secs(20);

/// Lowers the limit to [`LIMIT`] at run time.
fn lower_limit(control: &mut RawConn) {
    assert_eq!(
        raw(
            control,
            &["CONFIG", "SET", "client-query-buffer-limit", "1mb"]
        ),
        b"+OK\r\n"
    );
}

/// A plain socket for the client that will be closed: writes must not hang the test when
/// the server stops reading, so both directions time out.
fn victim(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(server.addr()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("read timeout");
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .expect("write timeout");
    stream
}

/// Sends `words` as one request on `stream`.
fn send(stream: &mut TcpStream, words: &[&[u8]]) {
    stream.write_all(&encode_command(words)).expect("send");
}

/// Reads exactly `expected.len()` bytes from `stream` and checks they are `expected`.
fn expect_reply(stream: &mut TcpStream, expected: &[u8]) {
    let mut got = vec![0u8; expected.len()];
    stream.read_exact(&mut got).expect("reply");
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(expected)
    );
}

/// Keeps another client busy: each call writes and reads back a counter of its own.
struct Bystander {
    conn: RawConn,
    round: u64,
}

impl Bystander {
    fn new(server: &Server) -> Bystander {
        Bystander {
            conn: server.raw(),
            round: 0,
        }
    }

    /// One round of SET, GET and INCR with exact replies.
    fn check(&mut self) {
        self.round += 1;
        let value = self.round.to_string();
        assert_eq!(
            raw(&mut self.conn, &["SET", "qb:bystander", &value]),
            b"+OK\r\n"
        );
        assert_eq!(
            raw(&mut self.conn, &["GET", "qb:bystander"]),
            format!("${}\r\n{value}\r\n", value.len()).into_bytes()
        );
        assert_eq!(
            raw(&mut self.conn, &["INCR", "qb:bystander:count"]),
            format!(":{}\r\n", self.round).into_bytes()
        );
    }
}

/// Writes `bytes` to `stream` in 256 KB pieces, with a bystander round after each, until all
/// is sent or a write fails (the server closed the connection). Returns how much was sent.
fn feed(stream: &mut TcpStream, bytes: &[u8], bystander: &mut Bystander) -> usize {
    let mut sent = 0;
    for piece in bytes.chunks(256 * 1024) {
        if stream.write_all(piece).is_err() {
            break;
        }
        sent += piece.len();
        bystander.check();
    }
    sent
}

/// Reads until the server closes `stream`; everything it sent first must be `expected`.
fn expect_closed(stream: &mut TcpStream, expected: &[u8]) {
    let deadline = Instant::now() + PATIENCE;
    let mut got = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                assert!(
                    Instant::now() < deadline,
                    "the server did not close the client"
                );
            }
            Err(e) => panic!("reading: {e}"),
        }
    }
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(expected)
    );
}

/// Waits for the warning (once per closed client) and returns its first occurrence's line.
fn expect_warning(server: &Server, times: usize) -> String {
    assert!(
        wait_until(PATIENCE, || server.log().matches(WARNING).count() >= times),
        "no warning in the log:\n{}",
        server.log()
    );
    let log = server.log();
    assert_eq!(log.matches(WARNING).count(), times, "{log}");
    log.lines()
        .find(|l| l.contains(WARNING))
        .unwrap_or_default()
        .to_string()
}

/// `count` SET requests of a 1 MB value each, for keys `prefix0`, `prefix1`, ...
fn big_sets(prefix: &str, count: usize) -> Vec<u8> {
    let value = vec![b'x'; 1024 * 1024];
    let mut wire = Vec::new();
    for i in 0..count {
        let key = format!("{prefix}{i}");
        wire.extend_from_slice(&encode_command(&[b"SET", key.as_bytes(), &value]));
    }
    wire
}

/// The start of a SET whose value is declared 3 MB long, followed by 2 MB of it.
fn huge_incomplete_set(key: &str) -> Vec<u8> {
    let mut wire =
        format!("*3\r\n$3\r\nSET\r\n${}\r\n{key}\r\n$3000000\r\n", key.len()).into_bytes();
    wire.resize(wire.len() + 2 * 1024 * 1024, b'y');
    wire
}

#[test]
fn the_limit_is_a_memory_directive_settable_at_run_time() {
    each_server(SHARD_COUNTS, |server| {
        let mut con = server.raw();
        assert_eq!(
            raw(&mut con, &["CONFIG", "GET", "client-query-buffer-limit"]),
            b"*2\r\n$25\r\nclient-query-buffer-limit\r\n$10\r\n1073741824\r\n"
        );
        assert_eq!(
            raw(&mut con, &["CONFIG", "SET", "client-query-buffer-limit", "1000000"]),
            b"-ERR CONFIG SET failed (possibly related to argument 'client-query-buffer-limit') - argument must be between 1048576 and 9223372036854775807 inclusive\r\n"
        );
        for bad in ["many", "-1", "1.5mb"] {
            assert_eq!(
                raw(&mut con, &["CONFIG", "SET", "client-query-buffer-limit", bad]),
                b"-ERR CONFIG SET failed (possibly related to argument 'client-query-buffer-limit') - argument must be a memory value\r\n",
                "{bad}"
            );
        }
        assert_eq!(
            raw(
                &mut con,
                &["CONFIG", "SET", "client-query-buffer-limit", "2mb"]
            ),
            b"+OK\r\n"
        );
        assert_eq!(
            raw(&mut con, &["CONFIG", "GET", "client-query-buffer-limit"]),
            b"*2\r\n$25\r\nclient-query-buffer-limit\r\n$7\r\n2097152\r\n"
        );
    });
}

#[test]
fn a_blocked_client_that_keeps_pipelining_is_closed_past_the_limit() {
    each_server(SHARD_COUNTS, |server| {
        let mut bystander = Bystander::new(server);
        lower_limit(&mut bystander.conn);
        let mut blocked = victim(server);
        send(&mut blocked, &[b"BLPOP", b"qb:queue", b"0"]);
        bystander.check();
        // 4 MB of requests that a blocked client may not run yet.
        let sent = feed(&mut blocked, &big_sets("qb:key", 4), &mut bystander);
        assert!(sent > LIMIT, "only {sent} bytes went out");
        expect_closed(&mut blocked, b"");
        let line = expect_warning(server, 1);
        assert!(
            line.contains(
                r#"(qbuf initial bytes: "*3\r\n$3\r\nSET\r\n$7\r\nqb:key0\r\n$1048576\r\nxxx"#
            ),
            "{line}"
        );
        // Nothing it sent ran, and a push finds no one waiting.
        bystander.check();
        assert_eq!(
            raw(&mut bystander.conn, &["EXISTS", "qb:key0", "qb:key1"]),
            b":0\r\n"
        );
        assert_eq!(
            raw(&mut bystander.conn, &["RPUSH", "qb:queue", "job"]),
            b":1\r\n"
        );
        assert_eq!(raw(&mut bystander.conn, &["LLEN", "qb:queue"]), b":1\r\n");
    });
}

#[test]
fn pipelined_requests_under_the_limit_are_served() {
    each_server(SHARD_COUNTS, |server| {
        let mut bystander = Bystander::new(server);
        lower_limit(&mut bystander.conn);
        let mut client = victim(server);
        // 4 MB in all, but each request is run as it arrives: the buffer never holds 1 MB.
        let value = vec![b'v'; 512 * 1024];
        let mut wire = Vec::new();
        for i in 0..8 {
            wire.extend_from_slice(&encode_command(&[
                b"SET",
                format!("qb:small{i}").as_bytes(),
                &value,
            ]));
        }
        assert_eq!(feed(&mut client, &wire, &mut bystander), wire.len());
        expect_reply(&mut client, &b"+OK\r\n".repeat(8));
        send(&mut client, &[b"STRLEN", b"qb:small7"]);
        expect_reply(&mut client, b":524288\r\n");
        assert!(!server.log().contains(WARNING));
    });
}

#[test]
fn a_huge_incomplete_argument_is_closed_past_the_limit() {
    each_server(SHARD_COUNTS, |server| {
        let mut bystander = Bystander::new(server);
        lower_limit(&mut bystander.conn);
        let mut client = victim(server);
        let sent = feed(&mut client, &huge_incomplete_set("qb:huge"), &mut bystander);
        assert!(sent > LIMIT, "only {sent} bytes went out");
        expect_closed(&mut client, b"");
        expect_warning(server, 1);
        bystander.check();
        assert_eq!(raw(&mut bystander.conn, &["EXISTS", "qb:huge"]), b":0\r\n");
    });
}

#[test]
fn a_client_inside_multi_is_closed_past_the_limit_but_queued_commands_do_not_count() {
    each_server(SHARD_COUNTS, |server| {
        let mut bystander = Bystander::new(server);
        lower_limit(&mut bystander.conn);
        let mut client = victim(server);
        send(&mut client, &[b"MULTI"]);
        expect_reply(&mut client, b"+OK\r\n");
        // 2 MB queued: more than the limit, but queued commands are not query buffer.
        let value = vec![b'q'; 512 * 1024];
        let mut wire = Vec::new();
        for i in 0..4 {
            wire.extend_from_slice(&encode_command(&[
                b"SET",
                format!("qb:multi{i}").as_bytes(),
                &value,
            ]));
        }
        assert_eq!(feed(&mut client, &wire, &mut bystander), wire.len());
        expect_reply(&mut client, &b"+QUEUED\r\n".repeat(4));
        let sent = feed(
            &mut client,
            &huge_incomplete_set("qb:multi9"),
            &mut bystander,
        );
        assert!(sent > LIMIT, "only {sent} bytes went out");
        expect_closed(&mut client, b"");
        expect_warning(server, 1);
        bystander.check();
        assert_eq!(
            raw(&mut bystander.conn, &["EXISTS", "qb:multi0", "qb:multi3"]),
            b":0\r\n"
        );
    });
}

/// A subscriber (RESP2 or RESP3) that gets a message, then sends a huge incomplete request.
fn subscriber_is_closed(server: &Server, resp3: bool) {
    let mut bystander = Bystander::new(server);
    lower_limit(&mut bystander.conn);
    let mut client = victim(server);
    if resp3 {
        send(&mut client, &[b"HELLO", b"3"]);
    }
    send(&mut client, &[b"SUBSCRIBE", b"qb:news"]);
    let (confirm, message): (&[u8], &[u8]) = if resp3 {
        (
            b">3\r\n$9\r\nsubscribe\r\n$7\r\nqb:news\r\n:1\r\n",
            b">3\r\n$7\r\nmessage\r\n$7\r\nqb:news\r\n$5\r\nhello\r\n",
        )
    } else {
        (
            b"*3\r\n$9\r\nsubscribe\r\n$7\r\nqb:news\r\n:1\r\n",
            b"*3\r\n$7\r\nmessage\r\n$7\r\nqb:news\r\n$5\r\nhello\r\n",
        )
    };
    skip_hello(&mut client, resp3, confirm);
    assert_eq!(
        raw(&mut bystander.conn, &["PUBLISH", "qb:news", "hello"]),
        b":1\r\n"
    );
    expect_reply(&mut client, message);
    let sent = feed(&mut client, &huge_incomplete_set("qb:sub"), &mut bystander);
    assert!(sent > LIMIT, "only {sent} bytes went out");
    expect_closed(&mut client, b"");
    expect_warning(server, 1);
    assert_eq!(
        raw(&mut bystander.conn, &["PUBLISH", "qb:news", "again"]),
        b":0\r\n"
    );
    bystander.check();
}

/// Reads the HELLO reply (RESP3 only) and the subscribe confirmation that follows it.
fn skip_hello(client: &mut TcpStream, resp3: bool, confirm: &[u8]) {
    let mut got = Vec::new();
    let mut byte = [0u8; 1];
    let deadline = Instant::now() + PATIENCE;
    while !got.ends_with(confirm) {
        assert!(Instant::now() < deadline, "no confirmation in {got:?}");
        client.read_exact(&mut byte).expect("reply");
        got.push(byte[0]);
    }
    if !resp3 {
        assert_eq!(got, confirm);
    } else {
        assert!(
            got.starts_with(b"%7\r\n"),
            "{}",
            String::from_utf8_lossy(&got)
        );
    }
}

#[test]
fn a_resp2_subscriber_is_closed_past_the_limit() {
    each_server(SHARD_COUNTS, |server| subscriber_is_closed(server, false));
}

#[test]
fn a_resp3_subscriber_is_closed_past_the_limit() {
    each_server(SHARD_COUNTS, |server| subscriber_is_closed(server, true));
}

#[test]
fn a_monitor_is_closed_past_the_limit() {
    each_server(SHARD_COUNTS, |server| {
        let mut bystander = Bystander::new(server);
        lower_limit(&mut bystander.conn);
        let mut client = victim(server);
        send(&mut client, &[b"MONITOR"]);
        expect_reply(&mut client, b"+OK\r\n");
        // The monitor's own feed (the bystander's commands) flows while it sends: read it in
        // the background so its socket never fills.
        let mut reader = client.try_clone().expect("clone");
        let feed_reader = std::thread::spawn(move || {
            let mut sink = Vec::new();
            let mut chunk = [0u8; 16 * 1024];
            let deadline = Instant::now() + PATIENCE;
            loop {
                match reader.read(&mut chunk) {
                    Ok(0) => return (sink, true),
                    Ok(n) => sink.extend_from_slice(&chunk[..n]),
                    Err(e) if e.kind() == ErrorKind::ConnectionReset => return (sink, true),
                    Err(_) if Instant::now() < deadline => {}
                    Err(_) => return (sink, false),
                }
            }
        });
        let sent = feed(&mut client, &huge_incomplete_set("qb:mon"), &mut bystander);
        assert!(sent > LIMIT, "only {sent} bytes went out");
        let (lines, closed) = feed_reader.join().expect("reader");
        assert!(closed, "the monitor was not closed");
        let lines = String::from_utf8_lossy(&lines);
        assert!(lines.contains(r#""INCR" "qb:bystander:count""#), "{lines}");
        expect_warning(server, 1);
        bystander.check();
    });
}
