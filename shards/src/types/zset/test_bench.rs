//! The test bench the sorted set unit tests share: one shard run without a runtime, and
//! helpers that spell RESP replies.

use super::members::zadd;
use super::value::ZSet;
use crate::reply::Reply;
use crate::shard::Shard;
use crate::value::Value;
use crate::Handler;
use bytes::Bytes;

/// A test bench: one shard, database 0, time 0, RESP2 unless switched.
pub(super) struct Bench {
    pub(super) shard: Shard,
    pub(super) resp3: bool,
}

impl Bench {
    pub(super) fn new() -> Bench {
        Bench {
            shard: Shard::new(16, 42),
            resp3: false,
        }
    }

    /// Runs one command given as words, returning the raw reply.
    pub(super) fn run(&mut self, handler: Handler, words: &[&str]) -> String {
        let args: Vec<Bytes> = words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        self.run_args(handler, &args)
    }

    pub(super) fn run_args(&mut self, handler: Handler, args: &[Bytes]) -> String {
        let mut reply = Reply::new(self.resp3);
        self.shard.run(handler, 0, 0, args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
    }

    pub(super) fn zset(&mut self, key: &str) -> Option<&ZSet> {
        match self.shard.dbs[0].get(key.as_bytes(), 0) {
            Some(Value::ZSet(z)) => Some(z),
            _ => None,
        }
    }

    pub(super) fn encoding(&mut self, key: &str) -> &'static str {
        self.zset(key).map_or("none", |z| z.encoding())
    }

    pub(super) fn exists(&mut self, key: &str) -> bool {
        self.shard.dbs[0].contains(key.as_bytes(), 0)
    }
}

pub(super) fn bulk(s: &str) -> String {
    format!("${}\r\n{}\r\n", s.len(), s)
}

pub(super) fn int(n: i64) -> String {
    format!(":{n}\r\n")
}

pub(super) fn err(text: &str) -> String {
    format!("-{text}\r\n")
}

/// A RESP2 array of bulk strings.
pub(super) fn arr(items: &[&str]) -> String {
    let mut s = format!("*{}\r\n", items.len());
    for i in items {
        s.push_str(&bulk(i));
    }
    s
}

pub(super) const NULL: &str = "$-1\r\n";
pub(super) const NULL_ARRAY: &str = "*-1\r\n";
pub(super) const EMPTY: &str = "*0\r\n";

/// A bench with `key` holding `pairs` (score, member).
pub(super) fn with(key: &str, pairs: &[(&str, &str)]) -> Bench {
    let mut b = Bench::new();
    add(&mut b, key, pairs);
    b
}

pub(super) fn add(b: &mut Bench, key: &str, pairs: &[(&str, &str)]) {
    let mut words = vec!["ZADD", key];
    for (s, m) in pairs {
        words.push(s);
        words.push(m);
    }
    let r = b.run(zadd, &words);
    assert!(r.starts_with(':'), "{r}");
}

pub(super) fn abc() -> Bench {
    with("z", &[("1", "a"), ("2", "b"), ("3", "c")])
}
