//! The test bench the list unit tests share: commands run by name on one shard without a
//! runtime, and helpers that spell RESP replies.

use super::blocking::{blmove, blmpop, blpop, brpop, brpoplpush};
use super::elements::{lindex, linsert, llen, lpos, lrange, lrem, lset, ltrim};
use super::moves::{lmove, lmpop, rpoplpush};
use super::push_pop::{lpop, lpush, lpushx, rpop, rpush, rpushx};
use crate::reply::Reply;
use crate::shard::Shard;
use bytes::Bytes;

/// The handler of a list command (or SET/GET, to make keys of another type), by name.
pub(super) fn handler(name: &str) -> crate::Handler {
    match name.to_ascii_lowercase().as_str() {
        "lpush" => lpush,
        "rpush" => rpush,
        "lpushx" => lpushx,
        "rpushx" => rpushx,
        "lpop" => lpop,
        "rpop" => rpop,
        "llen" => llen,
        "lrange" => lrange,
        "lindex" => lindex,
        "lset" => lset,
        "linsert" => linsert,
        "lrem" => lrem,
        "ltrim" => ltrim,
        "lpos" => lpos,
        "lmove" => lmove,
        "rpoplpush" => rpoplpush,
        "lmpop" => lmpop,
        "blpop" => blpop,
        "brpop" => brpop,
        "blmove" => blmove,
        "brpoplpush" => brpoplpush,
        "blmpop" => blmpop,
        "set" => crate::types::string::set,
        "psetex" => crate::types::string::psetex,
        other => panic!("no handler for {other}"),
    }
}

/// Runs one command at time `now` in the given protocol, returning the raw reply.
pub(super) fn run_at(shard: &mut Shard, now: i64, resp3: bool, words: &[&str]) -> String {
    let args: Vec<Bytes> = words
        .iter()
        .map(|w| Bytes::copy_from_slice(w.as_bytes()))
        .collect();
    let mut reply = Reply::new(resp3);
    shard.run(handler(words[0]), 0, now, &args, &mut reply);
    String::from_utf8_lossy(reply.as_bytes()).into_owned()
}

/// Runs one command in RESP2 at time 0.
pub(super) fn run(shard: &mut Shard, words: &[&str]) -> String {
    run_at(shard, 0, false, words)
}

/// Runs one command in RESP3 at time 0.
pub(super) fn run3(shard: &mut Shard, words: &[&str]) -> String {
    run_at(shard, 0, true, words)
}

pub(super) fn err(text: &str) -> String {
    format!("-{text}\r\n")
}

pub(super) fn int(n: i64) -> String {
    format!(":{n}\r\n")
}

pub(super) fn bulk(s: &str) -> String {
    format!("${}\r\n{s}\r\n", s.len())
}

/// An array of bulk strings.
pub(super) fn bulks(items: &[&str]) -> String {
    let mut out = format!("*{}\r\n", items.len());
    for item in items {
        out.push_str(&bulk(item));
    }
    out
}

/// An array of integers.
pub(super) fn ints(items: &[i64]) -> String {
    let mut out = format!("*{}\r\n", items.len());
    for &item in items {
        out.push_str(&int(item));
    }
    out
}

pub(super) const NULL: &str = "$-1\r\n";

pub(super) const NULL_ARRAY: &str = "*-1\r\n";

pub(super) const NULL3: &str = "_\r\n";

pub(super) const EMPTY: &str = "*0\r\n";

pub(super) const OK: &str = "+OK\r\n";

/// A shard with `key` holding the list of `items`.
pub(super) fn with_list(key: &str, items: &[&str]) -> Shard {
    let mut s = Shard::new(16, 1);
    let mut words = vec!["RPUSH", key];
    words.extend_from_slice(items);
    run(&mut s, &words);
    s
}

pub(super) fn range(s: &mut Shard, key: &str) -> String {
    run(s, &["LRANGE", key, "0", "-1"])
}

pub(super) fn exists(s: &mut Shard, key: &str) -> bool {
    s.dbs[0].contains(key.as_bytes(), 0)
}
