//! The test bench the string unit tests share: one shard run without a runtime, and helpers
//! that spell RESP replies.

use crate::reply::Reply;
use crate::shard::Shard;
use bytes::Bytes;

/// Runs one command given as words against `shard` at time `now`, returning the raw reply.
pub(crate) fn run(shard: &mut Shard, now: i64, handler: crate::Handler, words: &[&str]) -> String {
    let args: Vec<Bytes> = words
        .iter()
        .map(|w| Bytes::copy_from_slice(w.as_bytes()))
        .collect();
    let mut reply = Reply::new(false);
    shard.run(handler, 0, now, &args, &mut reply);
    String::from_utf8_lossy(reply.as_bytes()).into_owned()
}

/// An error reply as the wire carries it.
pub(super) fn err(text: &str) -> String {
    format!("-{text}\r\n")
}

pub(super) fn bulk(s: &str) -> String {
    format!("${}\r\n{s}\r\n", s.len())
}

pub(super) const NULL: &str = "$-1\r\n";

pub(super) const OK: &str = "+OK\r\n";

pub(super) fn stats(s: &Shard) -> (u64, u64) {
    (s.stats.keyspace_hits, s.stats.keyspace_misses)
}
