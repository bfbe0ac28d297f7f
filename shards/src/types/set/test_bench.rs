//! The test bench the set unit tests share: one shard run without a runtime, and helpers
//! that spell RESP replies.

use crate::reply::Reply;
use crate::shard::Shard;
use crate::value::Value;
use crate::{errors, Handler};
use bytes::Bytes;

/// Runs one command given as words against `shard` at time `now` in RESP2 or RESP3,
/// returning the raw reply.
pub(super) fn run_proto(
    shard: &mut Shard,
    now: i64,
    resp3: bool,
    handler: Handler,
    words: &[&str],
) -> String {
    let args: Vec<Bytes> = words
        .iter()
        .map(|w| Bytes::copy_from_slice(w.as_bytes()))
        .collect();
    let mut reply = Reply::new(resp3);
    shard.run(handler, 0, now, &args, &mut reply);
    String::from_utf8_lossy(reply.as_bytes()).into_owned()
}

pub(super) fn run(shard: &mut Shard, handler: Handler, words: &[&str]) -> String {
    run_proto(shard, 0, false, handler, words)
}

pub(super) fn run3(shard: &mut Shard, handler: Handler, words: &[&str]) -> String {
    run_proto(shard, 0, true, handler, words)
}

pub(super) fn err(text: &str) -> String {
    format!("-{text}\r\n")
}

pub(super) fn int(n: i64) -> String {
    format!(":{n}\r\n")
}

/// A RESP2 array (or RESP3 set with `head` `~`) of bulk strings.
pub(super) fn bulks(head: char, items: &[&str]) -> String {
    let mut s = format!("{head}{}\r\n", items.len());
    for i in items {
        s.push_str(&format!("${}\r\n{i}\r\n", i.len()));
    }
    s
}

pub(super) fn arr(items: &[&str]) -> String {
    bulks('*', items)
}

/// The bulk strings of a flat array reply, in order.
pub(super) fn members(reply: &str) -> Vec<String> {
    let lines: Vec<&str> = reply.split("\r\n").collect();
    assert!(
        lines[0].starts_with('*') || lines[0].starts_with('~'),
        "{reply:?}"
    );
    let n: usize = lines[0][1..].parse().expect("length");
    (0..n).map(|i| lines[2 + 2 * i].to_string()).collect()
}

pub(super) fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

pub(super) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

pub(super) fn encoding(shard: &mut Shard, key: &str) -> Option<&'static str> {
    shard.dbs[0].get(key.as_bytes(), 0).map(Value::encoding)
}

pub(super) fn shard() -> Shard {
    Shard::new(16, 7)
}

pub(super) const WT: &str = errors::WRONGTYPE;
