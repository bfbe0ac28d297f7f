//! End-to-end tests of blocking commands (BLPOP, BRPOP, BLMOVE, BZPOPMIN, ...): several clients
//! blocked on the same key are served in the order they blocked, a client blocked on keys of
//! several shards is served exactly once, timeouts, a client that disconnects or is killed
//! while blocked, and requests pipelined behind a blocking command waiting for it.
//!
//! Each test runs against shardis with 1 and 4 shards; with `SHARDIS_E2E_REDIS=1` against a
//! real `redis-server` instead, which checks the tests themselves.

mod common;

use common::{crc16, each_server, raw, RawConn};
use std::time::{Duration, Instant};

/// The shard counts every test runs shardis with (see the module doc).
const SHARD_COUNTS: &[usize] = &[1, 4];

/// The shard of `key` among 4 shards (slots are split in contiguous quarters).
fn shard_of_4(key: &str) -> usize {
    (crc16(key.as_bytes()) & 16383) as usize * 4 / 16384
}

/// Two keys that live on different shards when there are 4.
fn keys_on_two_shards() -> (String, String) {
    let first = "list:0".to_string();
    let other = (1..1000)
        .map(|i| format!("list:{i}"))
        .find(|k| shard_of_4(k) != shard_of_4(&first))
        .expect("some key lands elsewhere");
    (first, other)
}

fn send(conn: &mut RawConn, words: &[&str]) {
    let args: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
    conn.send(&common::encode_command(&args)).expect("send");
}

/// Waits until CLIENT LIST shows `n` clients blocked... shardis has no `blocked_clients`
/// field yet, so give the blocked command a moment to register before acting.
fn settle() {
    std::thread::sleep(Duration::from_millis(100));
}

#[test]
fn a_push_serves_a_blocked_client() {
    each_server(SHARD_COUNTS, |server| {
        let mut waiter = server.raw();
        let mut pusher = server.raw();
        send(&mut waiter, &["BLPOP", "queue", "0"]);
        settle();
        assert_eq!(raw(&mut pusher, &["RPUSH", "queue", "job1"]), b":1\r\n");
        assert_eq!(waiter.read_reply(), b"*2\r\n$5\r\nqueue\r\n$4\r\njob1\r\n");
        assert_eq!(raw(&mut pusher, &["LLEN", "queue"]), b":0\r\n");
    });
}

#[test]
fn clients_are_served_in_the_order_they_blocked() {
    each_server(SHARD_COUNTS, |server| {
        let mut first = server.raw();
        let mut second = server.raw();
        let mut pusher = server.raw();
        send(&mut first, &["BRPOP", "q", "0"]);
        settle();
        send(&mut second, &["BRPOP", "q", "0"]);
        settle();
        raw(&mut pusher, &["LPUSH", "q", "a"]);
        assert_eq!(first.read_reply(), b"*2\r\n$1\r\nq\r\n$1\r\na\r\n");
        raw(&mut pusher, &["LPUSH", "q", "b"]);
        assert_eq!(second.read_reply(), b"*2\r\n$1\r\nq\r\n$1\r\nb\r\n");
        // One push of two elements serves two waiters.
        send(&mut first, &["BLPOP", "q", "0"]);
        settle();
        send(&mut second, &["BLPOP", "q", "0"]);
        settle();
        raw(&mut pusher, &["RPUSH", "q", "x", "y"]);
        assert_eq!(first.read_reply(), b"*2\r\n$1\r\nq\r\n$1\r\nx\r\n");
        assert_eq!(second.read_reply(), b"*2\r\n$1\r\nq\r\n$1\r\ny\r\n");
    });
}

#[test]
fn a_waiter_on_keys_of_several_shards_is_served_exactly_once() {
    each_server(SHARD_COUNTS, |server| {
        let (k1, k2) = keys_on_two_shards();
        let mut waiter = server.raw();
        let mut pusher = server.raw();
        send(&mut waiter, &["BLPOP", &k1, &k2, "0"]);
        settle();
        raw(&mut pusher, &["RPUSH", &k2, "v2"]);
        let expected = format!("*2\r\n${}\r\n{k2}\r\n$2\r\nv2\r\n", k2.len());
        assert_eq!(waiter.read_reply(), expected.as_bytes());
        raw(&mut pusher, &["RPUSH", &k1, "v1"]);
        settle();
        assert_eq!(
            raw(&mut pusher, &["LLEN", &k1]),
            b":1\r\n",
            "served once only"
        );
        // Data already present on the second key serves at once.
        assert_eq!(
            raw(&mut waiter, &["BLPOP", "nothing-here", &k1, "0"]),
            format!("*2\r\n${}\r\n{k1}\r\n$2\r\nv1\r\n", k1.len()).as_bytes()
        );
    });
}

#[test]
fn a_timeout_replies_null_and_later_pushes_stay() {
    each_server(SHARD_COUNTS, |server| {
        let mut waiter = server.raw();
        let started = Instant::now();
        assert_eq!(raw(&mut waiter, &["BLPOP", "empty", "0.2"]), b"*-1\r\n");
        assert!(
            started.elapsed() >= Duration::from_millis(150),
            "waited for the timeout"
        );
        assert_eq!(
            raw(
                &mut waiter,
                &["BLMOVE", "empty", "dst", "LEFT", "RIGHT", "0.1"]
            ),
            b"*-1\r\n"
        );
        assert_eq!(raw(&mut waiter, &["RPUSH", "empty", "v"]), b":1\r\n");
        assert_eq!(raw(&mut waiter, &["LLEN", "empty"]), b":1\r\n");
        assert_eq!(
            raw(&mut waiter, &["BLPOP", "empty", "-1"]),
            b"-ERR timeout is negative\r\n"
        );
        assert_eq!(
            raw(&mut waiter, &["BLPOP", "empty", "abc"]),
            b"-ERR timeout is not a float or out of range\r\n"
        );
    });
}

#[test]
fn requests_behind_a_blocking_command_wait_for_it() {
    each_server(SHARD_COUNTS, |server| {
        let mut waiter = server.raw();
        let mut pusher = server.raw();
        let mut pipeline = common::encode_command(&[b"BLPOP", b"p", b"0"]);
        pipeline.extend(common::encode_command(&[b"PING"]));
        waiter.send(&pipeline).expect("send");
        settle();
        raw(&mut pusher, &["RPUSH", "p", "v"]);
        assert_eq!(waiter.read_reply(), b"*2\r\n$1\r\np\r\n$1\r\nv\r\n");
        assert_eq!(waiter.read_reply(), b"+PONG\r\n");
    });
}

#[test]
fn a_client_gone_while_blocked_takes_nothing() {
    each_server(SHARD_COUNTS, |server| {
        let (k1, _) = keys_on_two_shards();
        {
            let mut waiter = server.raw();
            send(&mut waiter, &["BLPOP", &k1, "0"]);
            settle();
        }
        settle();
        let mut killed = server.raw();
        let id = String::from_utf8(raw(&mut killed, &["CLIENT", "ID"])).expect("utf8");
        let id = id.trim_start_matches(':').trim().to_string();
        send(&mut killed, &["BLPOP", &k1, "0"]);
        settle();
        let mut pusher = server.raw();
        assert_eq!(raw(&mut pusher, &["CLIENT", "KILL", "ID", &id]), b":1\r\n");
        assert!(killed.is_closed(Duration::from_secs(2)));
        settle();
        raw(&mut pusher, &["RPUSH", &k1, "kept"]);
        settle();
        assert_eq!(
            raw(&mut pusher, &["LRANGE", &k1, "0", "-1"]),
            b"*1\r\n$4\r\nkept\r\n"
        );
    });
}

#[test]
fn blmove_and_bzpopmin_are_served_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let (src, dst) = keys_on_two_shards();
        let mut waiter = server.raw();
        let mut pusher = server.raw();
        send(&mut waiter, &["BLMOVE", &src, &dst, "RIGHT", "LEFT", "0"]);
        settle();
        raw(&mut pusher, &["RPUSH", &src, "moved"]);
        assert_eq!(waiter.read_reply(), b"$5\r\nmoved\r\n");
        assert_eq!(
            raw(&mut pusher, &["LRANGE", &dst, "0", "-1"]),
            b"*1\r\n$5\r\nmoved\r\n"
        );
        assert_eq!(raw(&mut pusher, &["EXISTS", &src]), b":0\r\n");

        send(&mut waiter, &["BZPOPMIN", "z1", "z2", "0"]);
        settle();
        raw(&mut pusher, &["ZADD", "z2", "2", "b", "1", "a"]);
        assert_eq!(
            waiter.read_reply(),
            b"*3\r\n$2\r\nz2\r\n$1\r\na\r\n$1\r\n1\r\n"
        );
        // A string pushed to a waited key does not serve a list waiter.
        send(&mut waiter, &["BLPOP", "s", "0.3"]);
        settle();
        raw(&mut pusher, &["SET", "s", "string"]);
        assert_eq!(waiter.read_reply(), b"*-1\r\n");
    });
}

/// A push inside MULTI/EXEC serves a blocked client once the transaction is done: on one
/// shard, and in a transaction over keys of two shards (which runs under locks). The client is
/// served after EXEC, so it sees the whole transaction (the other key's value) at once.
#[test]
fn a_push_inside_exec_serves_a_blocked_client() {
    each_server(SHARD_COUNTS, |server| {
        let (queue, other) = keys_on_two_shards();
        let mut waiter = server.raw();
        let mut pusher = server.raw();
        send(&mut waiter, &["BLPOP", &queue, "0"]);
        settle();
        assert_eq!(raw(&mut pusher, &["MULTI"]), b"+OK\r\n");
        assert_eq!(raw(&mut pusher, &["RPUSH", &queue, "job1"]), b"+QUEUED\r\n");
        assert_eq!(raw(&mut pusher, &["LLEN", &queue]), b"+QUEUED\r\n");
        // Inside EXEC the pushed element is still there: the waiter is served after it.
        assert_eq!(raw(&mut pusher, &["EXEC"]), b"*2\r\n:1\r\n:1\r\n");
        let served = format!("*2\r\n${}\r\n{queue}\r\n$4\r\njob1\r\n", queue.len());
        assert_eq!(waiter.read_reply(), served.as_bytes());

        send(&mut waiter, &["BLPOP", &queue, "0"]);
        settle();
        assert_eq!(raw(&mut pusher, &["MULTI"]), b"+OK\r\n");
        assert_eq!(raw(&mut pusher, &["RPUSH", &queue, "job2"]), b"+QUEUED\r\n");
        assert_eq!(raw(&mut pusher, &["SET", &other, "done"]), b"+QUEUED\r\n");
        assert_eq!(raw(&mut pusher, &["EXEC"]), b"*2\r\n:1\r\n+OK\r\n");
        let served = format!("*2\r\n${}\r\n{queue}\r\n$4\r\njob2\r\n", queue.len());
        assert_eq!(waiter.read_reply(), served.as_bytes());
        assert_eq!(raw(&mut waiter, &["GET", &other]), b"$4\r\ndone\r\n");
        assert_eq!(raw(&mut pusher, &["LLEN", &queue]), b":0\r\n");
    });
}
