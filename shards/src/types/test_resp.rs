//! What the data types' unit tests share: one command run on a shard without a runtime, and
//! the RESP replies they expect, spelled out. Each type's `test_bench` re-exports these and
//! adds its own.

use crate::reply::Reply;
use crate::shard::Shard;
use crate::Handler;
use bytes::Bytes;

/// Runs one command given as words against `shard` in database 0 at time `now`, in RESP2 or
/// RESP3, returning the raw reply.
pub(crate) fn run_proto(
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

/// [`run_proto`] at time 0 in RESP2.
pub(crate) fn run(shard: &mut Shard, handler: Handler, words: &[&str]) -> String {
    run_proto(shard, 0, false, handler, words)
}

/// [`run_proto`] at time 0 in RESP3.
pub(crate) fn run3(shard: &mut Shard, handler: Handler, words: &[&str]) -> String {
    run_proto(shard, 0, true, handler, words)
}

/// An error reply.
pub(crate) fn err(text: &str) -> String {
    format!("-{text}\r\n")
}

/// An integer reply.
pub(crate) fn int(n: i64) -> String {
    format!(":{n}\r\n")
}

/// A bulk string reply.
pub(crate) fn bulk(s: &str) -> String {
    format!("${}\r\n{s}\r\n", s.len())
}
