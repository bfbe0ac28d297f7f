//! End-to-end tests of Pub/Sub: Redis's raw reply shapes in RESP2 and RESP3, the
//! subscribed-mode rules, PUBSUB's subcommands, messages crossing shards (subscribers and
//! publishers on connections accepted by different shards), per-publisher order, a
//! subscriber that stops reading being cut off by `client-output-buffer-limit pubsub` while
//! another keeps receiving, and the CLIENT LIST / INFO figures.
//!
//! With `SHARDIS_E2E_REDIS=1` they run against a real `redis-server` instead, which checks
//! the tests themselves.

mod common;

use common::{each_server, encode_command, raw, RawConn, Server};
use std::time::{Duration, Instant};

/// One shard, and several so that connections land on different shards.
const SHARD_COUNTS: &[usize] = &[1, 3];

/// A RESP2 `message` push.
fn message(channel: &str, payload: &str) -> Vec<u8> {
    format!(
        "*3\r\n$7\r\nmessage\r\n${}\r\n{channel}\r\n${}\r\n{payload}\r\n",
        channel.len(),
        payload.len()
    )
    .into_bytes()
}

/// A RESP2 `pmessage` push.
fn pmessage(pattern: &str, channel: &str, payload: &str) -> Vec<u8> {
    format!(
        "*4\r\n$8\r\npmessage\r\n${}\r\n{pattern}\r\n${}\r\n{channel}\r\n${}\r\n{payload}\r\n",
        pattern.len(),
        channel.len(),
        payload.len()
    )
    .into_bytes()
}

#[test]
fn subscribe_and_unsubscribe_replies_are_redis_bytes() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        assert_eq!(
            raw(&mut c, &["UNSUBSCRIBE"]),
            b"*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PUNSUBSCRIBE"]),
            b"*3\r\n$12\r\npunsubscribe\r\n$-1\r\n:0\r\n"
        );
        assert_eq!(
            raw(&mut c, &["SUNSUBSCRIBE"]),
            b"*3\r\n$12\r\nsunsubscribe\r\n$-1\r\n:0\r\n"
        );
        c.send(&encode_command(&[b"SUBSCRIBE", b"a", b"b", b"a"]))
            .expect("send");
        assert_eq!(
            c.read_reply(),
            b"*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
        );
        assert_eq!(
            c.read_reply(),
            b"*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n"
        );
        assert_eq!(
            c.read_reply(),
            b"*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:2\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PSUBSCRIBE", "p*"]),
            b"*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:3\r\n"
        );
        // Shard channels are counted apart.
        assert_eq!(
            raw(&mut c, &["SSUBSCRIBE", "s1"]),
            b"*3\r\n$10\r\nssubscribe\r\n$2\r\ns1\r\n:1\r\n"
        );
        assert_eq!(
            raw(&mut c, &["GET", "x"]),
            &b"-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n"[..]
        );
        assert_eq!(
            raw(&mut c, &["CLIENT", "INFO"]),
            &b"-ERR Can't execute 'client|info': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n"[..]
        );
        assert_eq!(raw(&mut c, &["PING"]), b"*2\r\n$4\r\npong\r\n$0\r\n\r\n");
        assert_eq!(
            raw(&mut c, &["PING", "hi"]),
            b"*2\r\n$4\r\npong\r\n$2\r\nhi\r\n"
        );
        assert_eq!(
            raw(&mut c, &["UNSUBSCRIBE", "a", "zz"]),
            b"*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:2\r\n"
        );
        assert_eq!(
            c.read_reply(),
            b"*3\r\n$11\r\nunsubscribe\r\n$2\r\nzz\r\n:2\r\n"
        );
        // Without arguments: every remaining channel (one here, so the order is known).
        assert_eq!(
            raw(&mut c, &["UNSUBSCRIBE"]),
            b"*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:1\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PUNSUBSCRIBE"]),
            b"*3\r\n$12\r\npunsubscribe\r\n$2\r\np*\r\n:0\r\n"
        );
        // Still subscribed to a shard channel: still in subscribed mode.
        assert!(raw(&mut c, &["ECHO", "x"]).starts_with(b"-ERR Can't execute 'echo'"));
        assert_eq!(
            raw(&mut c, &["SUNSUBSCRIBE"]),
            b"*3\r\n$12\r\nsunsubscribe\r\n$2\r\ns1\r\n:0\r\n"
        );
        assert_eq!(raw(&mut c, &["PING"]), b"+PONG\r\n");
        // RESET leaves subscribed mode.
        raw(&mut c, &["SUBSCRIBE", "a"]);
        assert_eq!(raw(&mut c, &["RESET"]), b"+RESET\r\n");
        assert_eq!(raw(&mut c, &["GET", "x"]), b"$-1\r\n");
        assert_eq!(
            raw(&mut c, &["PUBSUB", "NUMSUB", "a"]),
            b"*2\r\n$1\r\na\r\n:0\r\n"
        );
    });
}

#[test]
fn resp3_confirmations_and_messages_are_pushes() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        raw(&mut c, &["HELLO", "3"]);
        assert_eq!(
            raw(&mut c, &["UNSUBSCRIBE"]),
            b">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n"
        );
        assert_eq!(
            raw(&mut c, &["SUBSCRIBE", "a"]),
            b">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PSUBSCRIBE", "a*"]),
            b">3\r\n$10\r\npsubscribe\r\n$2\r\na*\r\n:2\r\n"
        );
        // Everything is allowed in RESP3.
        assert_eq!(raw(&mut c, &["GET", "x"]), b"_\r\n");
        assert_eq!(raw(&mut c, &["PING"]), b"+PONG\r\n");
        let mut publisher = server.raw();
        assert_eq!(raw(&mut publisher, &["PUBLISH", "a", "hi"]), b":2\r\n");
        assert_eq!(
            c.read_reply(),
            b">3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nhi\r\n"
        );
        assert_eq!(
            c.read_reply(),
            b">4\r\n$8\r\npmessage\r\n$2\r\na*\r\n$1\r\na\r\n$2\r\nhi\r\n"
        );
        assert_eq!(
            raw(&mut c, &["SSUBSCRIBE", "s"]),
            b">3\r\n$10\r\nssubscribe\r\n$1\r\ns\r\n:1\r\n"
        );
        assert_eq!(raw(&mut publisher, &["SPUBLISH", "s", "x"]), b":1\r\n");
        assert_eq!(
            c.read_reply(),
            b">3\r\n$8\r\nsmessage\r\n$1\r\ns\r\n$1\r\nx\r\n"
        );
        assert_eq!(
            raw(&mut c, &["UNSUBSCRIBE", "a"]),
            b">3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n"
        );
    });
}

/// Opens `n` connections: with several shards, the kernel spreads them over the shards.
fn subscribers(server: &Server, n: usize, words: &[&str]) -> Vec<RawConn> {
    (0..n)
        .map(|_| {
            let mut c = server.raw();
            let args: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
            c.send(&encode_command(&args)).expect("send");
            for _ in 1..words.len() {
                c.read_reply();
            }
            c
        })
        .collect()
}

#[test]
fn pubsub_subcommands_count_across_shards() {
    each_server(SHARD_COUNTS, |server| {
        let _subs = subscribers(server, 6, &["SUBSCRIBE", "news", "sport"]);
        let _psubs = subscribers(server, 4, &["PSUBSCRIBE", "n*", "s*"]);
        let _ssubs = subscribers(server, 3, &["SSUBSCRIBE", "shard1"]);
        let mut c = server.raw();
        assert_eq!(
            raw(&mut c, &["PUBSUB", "NUMSUB", "news", "none", "sport"]),
            b"*6\r\n$4\r\nnews\r\n:6\r\n$4\r\nnone\r\n:0\r\n$5\r\nsport\r\n:6\r\n"
        );
        // Patterns are counted once however many subscribe to them, on whichever shard.
        assert_eq!(raw(&mut c, &["PUBSUB", "NUMPAT"]), b":2\r\n");
        let channels = raw(&mut c, &["PUBSUB", "CHANNELS"]);
        assert!(
            channels == b"*2\r\n$4\r\nnews\r\n$5\r\nsport\r\n"
                || channels == b"*2\r\n$5\r\nsport\r\n$4\r\nnews\r\n",
            "{}",
            String::from_utf8_lossy(&channels)
        );
        assert_eq!(
            raw(&mut c, &["PUBSUB", "CHANNELS", "n*"]),
            b"*1\r\n$4\r\nnews\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PUBSUB", "SHARDCHANNELS"]),
            b"*1\r\n$6\r\nshard1\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PUBSUB", "SHARDNUMSUB", "shard1"]),
            b"*2\r\n$6\r\nshard1\r\n:3\r\n"
        );
        assert_eq!(
            raw(&mut c, &["PUBSUB", "CHANNELS", "a", "b"]),
            &b"-ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB HELP.\r\n"[..]
        );
        assert!(raw(&mut c, &["PUBSUB", "HELP"]).starts_with(b"*14\r\n+PUBSUB <subcommand>"));
        let info = String::from_utf8(raw(&mut c, &["INFO", "stats"])).expect("utf-8");
        for line in [
            "pubsub_channels:2\r\n",
            "pubsub_patterns:2\r\n",
            "pubsubshard_channels:1\r\n",
        ] {
            assert!(info.contains(line), "{line:?} not in {info}");
        }
    });
}

#[test]
fn messages_reach_subscribers_on_every_shard() {
    each_server(SHARD_COUNTS, |server| {
        let mut subs = subscribers(server, 6, &["SUBSCRIBE", "ch"]);
        let mut psubs = subscribers(server, 4, &["PSUBSCRIBE", "c?"]);
        let mut publishers: Vec<RawConn> = (0..4).map(|_| server.raw()).collect();
        for (i, p) in publishers.iter_mut().enumerate() {
            let payload = format!("m{i}");
            assert_eq!(raw(p, &["PUBLISH", "ch", &payload]), b":10\r\n");
            assert_eq!(raw(p, &["PUBLISH", "other", &payload]), b":0\r\n");
            for s in &mut subs {
                assert_eq!(s.read_reply(), message("ch", &payload));
            }
            for s in &mut psubs {
                assert_eq!(s.read_reply(), pmessage("c?", "ch", &payload));
            }
        }
        // A subscriber's CLIENT LIST line shows its subscriptions.
        let mut both = server.raw();
        raw(&mut both, &["SUBSCRIBE", "x"]);
        raw(&mut both, &["PSUBSCRIBE", "y*", "z*"]);
        let list = String::from_utf8(raw(&mut publishers[0], &["CLIENT", "LIST"])).expect("utf-8");
        assert!(
            list.lines()
                .any(|l| l.contains(" flags=P ") && l.contains(" sub=1 psub=2 ssub=0 ")),
            "{list}"
        );
    });
}

#[test]
fn each_publishers_order_holds_over_thousands_of_messages() {
    each_server(SHARD_COUNTS, |server| {
        const N: usize = 3000;
        let mut subs = subscribers(server, 4, &["SUBSCRIBE", "seq"]);
        let mut publishers: Vec<RawConn> = (0..3).map(|_| server.raw()).collect();
        // Each publisher pipelines its messages in batches, interleaved with the others.
        for batch in 0..(N / 100) {
            for (p, publisher) in publishers.iter_mut().enumerate() {
                let mut bytes = Vec::new();
                for i in batch * 100..(batch + 1) * 100 {
                    let payload = format!("{p}:{i}");
                    bytes.extend(encode_command(&[b"PUBLISH", b"seq", payload.as_bytes()]));
                }
                publisher.send(&bytes).expect("send");
            }
            for publisher in &mut publishers {
                for _ in 0..100 {
                    assert_eq!(publisher.read_reply(), b":4\r\n");
                }
            }
        }
        for s in &mut subs {
            let mut next = [0usize; 3];
            for _ in 0..N * 3 {
                let reply = s.read_reply();
                let text = String::from_utf8(reply).expect("utf-8");
                let payload = text.rsplit("\r\n").nth(1).expect("payload");
                let (p, i) = payload.split_once(':').expect("p:i");
                let (p, i): (usize, usize) = (p.parse().expect("p"), i.parse().expect("i"));
                assert_eq!(i, next[p], "publisher {p} out of order");
                next[p] += 1;
            }
            assert_eq!(next, [N; 3]);
        }
    });
}

/// A subscriber that stops reading is disconnected once what is queued for it passes
/// `client-output-buffer-limit pubsub` (Redis's default hard limit, 32 MB), while a
/// subscriber that reads receives every message and the server keeps serving.
#[test]
fn a_subscriber_that_stops_reading_is_cut_off_and_others_keep_receiving() {
    each_server(SHARD_COUNTS, |server| {
        let mut stalled = subscribers(server, 1, &["SUBSCRIBE", "big"]).remove(0);
        let mut reader = subscribers(server, 1, &["SUBSCRIBE", "big"]).remove(0);
        const MESSAGES: usize = 600;
        const CHUNK: usize = 50;
        let (progress_tx, progress) = std::sync::mpsc::channel();
        let counting = std::thread::spawn(move || {
            let mut got = 0;
            while got < MESSAGES {
                match reader.try_read_reply() {
                    Ok(_) => got += 1,
                    Err(_) => break,
                }
                if got % CHUNK == 0 {
                    let _ = progress_tx.send(got);
                }
            }
            (got, reader)
        });
        let mut publisher = server.raw();
        let payload = vec![b'x'; 100 * 1024];
        // 600 messages of 100 KB: ~60 MB, well over 32 MB plus what socket buffers hold. The
        // next chunk goes once the reading subscriber has the previous one, so only the
        // stalled one falls behind.
        let mut reached_both = 0;
        for chunk in 0..MESSAGES / CHUNK {
            let mut bytes = Vec::new();
            for _ in 0..CHUNK {
                bytes.extend(encode_command(&[b"PUBLISH", b"big", &payload]));
            }
            publisher.send(&bytes).expect("send");
            for _ in 0..CHUNK {
                if publisher.read_reply() == b":2\r\n" {
                    reached_both += 1;
                }
            }
            assert_eq!(
                raw(&mut publisher, &["PING"]),
                b"+PONG\r\n",
                "chunk {chunk}"
            );
            let want = (chunk + 1) * CHUNK;
            while progress
                .recv_timeout(Duration::from_secs(20))
                .expect("the reading subscriber stopped receiving")
                < want
            {}
        }
        assert!(
            reached_both < MESSAGES,
            "the stalled subscriber was never dropped"
        );
        let (got, _reader) = counting.join().expect("reader");
        assert_eq!(got, MESSAGES);
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut closed = false;
        while Instant::now() < deadline && !closed {
            match stalled.read_until_quiet(Duration::from_millis(500)) {
                Ok((_, true)) | Err(_) => closed = true,
                Ok(_) => {}
            }
        }
        assert!(closed, "the stalled subscriber was not disconnected");
        assert_eq!(
            raw(&mut publisher, &["PUBSUB", "NUMSUB", "big"]),
            b"*2\r\n$3\r\nbig\r\n:1\r\n"
        );
    });
}

/// The (channel, message) of each RESP2 `pmessage` read from `conn`, `n` of them.
fn pmessages(conn: &mut RawConn, n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|_| {
            let reply = String::from_utf8(conn.read_reply()).expect("utf-8");
            let parts: Vec<&str> = reply.split("\r\n").collect();
            // *4 $8 pmessage $n pattern $n channel $n message
            assert_eq!(parts[2], "pmessage", "{reply}");
            (parts[6].to_string(), parts[8].to_string())
        })
        .collect()
}

#[test]
fn keyspace_events_are_published_as_redis_does() {
    each_server(SHARD_COUNTS, |server| {
        let mut c = server.raw();
        assert_eq!(
            raw(&mut c, &["CONFIG", "SET", "notify-keyspace-events", "QK"]),
            &b"-ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'.\r\n"[..]
        );
        assert_eq!(
            raw(&mut c, &["CONFIG", "SET", "notify-keyspace-events", "KEA"]),
            b"+OK\r\n"
        );
        assert_eq!(
            raw(&mut c, &["CONFIG", "GET", "notify-keyspace-events"]),
            b"*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nAKE\r\n"
        );
        let mut subs = subscribers(server, 3, &["PSUBSCRIBE", "__key*__:*"]);
        let steps: &[&[&str]] = &[
            &["SET", "k", "v"],
            &["APPEND", "k", "w"],
            &["SETRANGE", "k", "0", "x"],
            &["SETRANGE", "k", "0", ""],
            &["EXPIRE", "k", "100"],
            &["PERSIST", "k"],
            &["DEL", "k", "nokey"],
            &["LPUSH", "l", "a"],
            &["RPUSH", "l", "b"],
            &["LSET", "l", "0", "c"],
            &["LPOP", "l"],
            &["RPOP", "l", "5"],
            &["HSET", "h", "f", "v"],
            &["SADD", "s", "m"],
            &["SREM", "s", "m"],
            &["INCR", "n"],
            &["INCRBY", "n", "2"],
            &["SET", "{r}a", "1"],
            &["RENAME", "{r}a", "{r}b"],
            &["HINCRBY", "h", "c", "1"],
            &["HDEL", "h", "f", "c"],
            &["ZADD", "z", "1", "m"],
            &["ZINCRBY", "z", "1", "m"],
            &["ZREM", "z", "m"],
            &["SET", "e", "v", "PX", "20"],
        ];
        for step in steps {
            raw(&mut c, step);
        }
        // Wait for `e` to pass its time; the lookup that finds it gone expires it.
        while raw(&mut c, &["EXISTS", "e"]) != b":0\r\n" {
            std::thread::sleep(Duration::from_millis(5));
        }
        let expected: Vec<(String, String)> = [
            ("k", "set"),
            ("k", "append"),
            ("k", "setrange"),
            ("k", "expire"),
            ("k", "persist"),
            ("k", "del"),
            ("l", "lpush"),
            ("l", "rpush"),
            ("l", "lset"),
            ("l", "lpop"),
            ("l", "rpop"),
            ("l", "del"),
            ("h", "hset"),
            ("s", "sadd"),
            ("s", "srem"),
            ("s", "del"),
            ("n", "incrby"),
            ("n", "incrby"),
            ("{r}a", "set"),
            ("{r}a", "rename_from"),
            ("{r}b", "rename_to"),
            ("h", "hincrby"),
            ("h", "hdel"),
            ("h", "del"),
            ("z", "zadd"),
            ("z", "zincr"),
            ("z", "zrem"),
            ("z", "del"),
            ("e", "set"),
            ("e", "expire"),
            ("e", "expired"),
        ]
        .iter()
        .flat_map(|(key, event)| {
            [
                (format!("__keyspace@0__:{key}"), event.to_string()),
                (format!("__keyevent@0__:{event}"), key.to_string()),
            ]
        })
        .collect();
        // Events of one key come in the order of its commands (keys on different shards
        // may interleave differently in shardis; see README).
        let of_key = |events: &[(String, String)], key: &str| -> Vec<(String, String)> {
            events
                .iter()
                .filter(|(channel, message)| {
                    channel.ends_with(&format!("__:{key}")) || message == key
                })
                .cloned()
                .collect()
        };
        for s in &mut subs {
            let got = pmessages(s, expected.len());
            for key in ["k", "l", "h", "s", "n", "{r}a", "{r}b", "z", "e"] {
                assert_eq!(of_key(&got, key), of_key(&expected, key), "key {key}");
            }
        }
        // Turned off at run time: nothing more.
        assert_eq!(
            raw(&mut c, &["CONFIG", "SET", "notify-keyspace-events", ""]),
            b"+OK\r\n"
        );
        raw(&mut c, &["SET", "k", "v"]);
        assert_eq!(raw(&mut c, &["PUBLISH", "marker", "x"]), b":0\r\n");
        raw(&mut subs[0], &["SUBSCRIBE", "marker"]);
        assert_eq!(raw(&mut c, &["PUBLISH", "marker", "x"]), b":1\r\n");
        assert_eq!(subs[0].read_reply(), message("marker", "x"));
    });
}
