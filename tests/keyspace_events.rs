//! Differential test of keyspace notifications: the script `tests/keyspace_events/script.txt`
//! (every write command shardis has, blocking pops served at once and after blocking,
//! expirations, key misses) runs against a real `redis-server` and against shardis with 1
//! and 4 shards while a second connection, subscribed to `__key*@*__:*`, records every
//! `__keyspace@<db>__:<key>` and `__keyevent@<db>__:<event>` message.
//!
//! With one shard the whole sequence must be Redis's. With four, each key's messages must be
//! Redis's, in Redis's order, and nothing else may arrive: a key's events come from the shard
//! that owns it, in order, but events of keys on different shards reach a subscriber through
//! different channels, so their interleaving is not Redis's (see README "Keyspace
//! notifications").

mod common;

use common::{encode_command, split_words, Server};
use std::collections::BTreeMap;
use std::time::Duration;

/// The event classes the script runs with: all of them, key misses and new keys included.
const FLAGS: &str = "KEAnm";

/// One received message: (database, key, event, from the keyspace channel rather than the
/// keyevent channel).
type Message = (String, String, String, bool);

#[test]
fn keyspace_events_are_redis_events_with_1_shard() {
    let expected = record(&Server::redis(&[]));
    let got = record(&Server::shardis(1, &[]));
    assert_same(
        &show(&got),
        &show(&expected),
        "the sequence of keyspace events",
    );
}

#[test]
fn keyspace_events_are_redis_events_per_key_with_4_shards() {
    let expected = record(&Server::redis(&[]));
    let got = record(&Server::shardis(4, &[]));
    let (got, expected) = (per_key(&got), per_key(&expected));
    let mut differing = Vec::new();
    for key in expected.keys().chain(got.keys()) {
        if got.get(key) != expected.get(key) && !differing.contains(key) {
            differing.push(key.clone());
        }
    }
    for key in &differing {
        let none = String::new();
        let (got, expected) = (got.get(key), expected.get(key));
        eprintln!(
            "events of {key:?}:\n  shardis: {}\n  redis:   {}",
            got.unwrap_or(&none).replace('\n', " | "),
            expected.unwrap_or(&none).replace('\n', " | ")
        );
    }
    assert!(differing.is_empty(), "events differ for {differing:?}");
}

/// Runs the script on `server` and returns what the subscriber received, in order.
fn record(server: &Server) -> Vec<Message> {
    let mut writer = server.raw();
    let mut blocker = server.raw();
    let mut subscriber = server.raw();
    assert_eq!(
        writer.cmd(&[
            b"CONFIG",
            b"SET",
            b"notify-keyspace-events",
            FLAGS.as_bytes()
        ]),
        b"+OK\r\n"
    );
    subscriber.cmd(&[b"PSUBSCRIBE", b"__key*@*__:*"]);
    subscriber.cmd(&[b"SUBSCRIBE", b"end-of-script"]);
    let script = include_str!("keyspace_events/script.txt");
    for (number, line) in script.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "@unblock" {
            blocker.read_reply();
            continue;
        }
        let (conn, command) = match line.strip_prefix("@block ") {
            Some(command) => (&mut blocker, command),
            None => (&mut writer, line),
        };
        let words = split_words(command).unwrap_or_else(|e| panic!("line {}: {e}", number + 1));
        let args: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        conn.send(&encode_command(&args)).expect("send");
        if !line.starts_with('@') {
            conn.read_reply();
        }
    }
    // `e` was set with a 1 ms time to live: the lookup that finds it gone expires it (or the
    // active cycle did before), then misses it.
    let mut polls = 0;
    while writer.cmd(&[b"EXISTS", b"e"]) != b":0\r\n" {
        polls += 1;
        assert!(polls < 1000, "e never expired");
        std::thread::sleep(Duration::from_millis(2));
    }
    // A miss of `e` for each EXISTS that found it gone: exactly one.
    writer.cmd(&[b"PUBLISH", b"end-of-script", b"."]);
    let mut messages = Vec::new();
    loop {
        let reply = subscriber.read_reply();
        let parts = parts(&reply);
        if parts[0] == "message" {
            break;
        }
        messages.push(message(&parts));
    }
    // With several shards, events of other shards may still be on their way: anything that
    // arrives in a moment is kept too (and makes a difference show).
    let (late, _) = subscriber
        .read_until_quiet(Duration::from_millis(300))
        .expect("read");
    messages.extend(late.iter().map(|reply| message(&parts(reply))));
    messages
}

/// The bulk strings of a RESP2 push (`pmessage` or `message`).
fn parts(reply: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(reply);
    text.split("\r\n")
        .skip(1)
        .filter(|part| !part.starts_with('$') && !part.is_empty())
        .map(str::to_string)
        .collect()
}

/// A `pmessage` push as a [`Message`].
fn message(parts: &[String]) -> Message {
    assert_eq!(parts[0], "pmessage", "{parts:?}");
    let (channel, payload) = (&parts[2], &parts[3]);
    if let Some(rest) = channel.strip_prefix("__keyspace@") {
        let (db, key) = rest.split_once("__:").expect("keyspace channel");
        (db.into(), key.into(), payload.clone(), true)
    } else {
        let rest = channel
            .strip_prefix("__keyevent@")
            .unwrap_or_else(|| panic!("unexpected channel {channel}"));
        let (db, event) = rest.split_once("__:").expect("keyevent channel");
        (db.into(), payload.clone(), event.into(), false)
    }
}

/// Messages one a line, for a readable difference.
fn show(messages: &[Message]) -> String {
    messages
        .iter()
        .map(|(db, key, event, keyspace)| {
            let kind = if *keyspace { "keyspace" } else { "keyevent" };
            format!("{kind} db {db} {key} {event}\n")
        })
        .collect()
}

/// Panics, showing where, unless `got` and `expected` (one message a line) are the same.
fn assert_same(got: &str, expected: &str, what: &str) {
    if got == expected {
        return;
    }
    let (got, expected): (Vec<&str>, Vec<&str>) =
        (got.lines().collect(), expected.lines().collect());
    let at = got
        .iter()
        .zip(&expected)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(expected.len()));
    let from = at.saturating_sub(4);
    let window =
        |lines: &[&str]| lines[from.min(lines.len())..(at + 8).min(lines.len())].join("\n    ");
    panic!(
        "{what} differs from redis-server's at message {at}:\n  shardis:\n    {}\n  redis:\n    {}",
        window(&got),
        window(&expected)
    );
}

/// Each (database, key)'s messages, in the order received.
fn per_key(messages: &[Message]) -> BTreeMap<(String, String), String> {
    let mut keys: BTreeMap<(String, String), Vec<Message>> = BTreeMap::new();
    for m in messages {
        keys.entry((m.0.clone(), m.1.clone()))
            .or_default()
            .push(m.clone());
    }
    keys.into_iter()
        .map(|(key, list)| (key, show(&list)))
        .collect()
}

#[test]
fn script_keys_span_shards() {
    // Keys of one multi-key command must live on different shards with 4 shards (shardis's
    // `slot * 4 / 16384`), or the cross-shard paths go untested.
    let shard = |key: &str| common::crc16(key.as_bytes()) as usize % 16384 * 4 / 16384;
    for keys in [
        &["s1", "s2", "s3", "s4"][..],
        &["z1", "z2", "z3", "z4"],
        &["k1", "k2", "k3", "k4"],
        &["l1", "l2", "l3"],
    ] {
        let mut shards: Vec<usize> = keys.iter().map(|k| shard(k)).collect();
        shards.sort_unstable();
        shards.dedup();
        assert_eq!(shards.len(), keys.len(), "{keys:?}");
    }
    assert_ne!(shard("lb2"), shard("l4"));
}
