//! The test bench the set unit tests share: one shard run without a runtime, and helpers
//! that spell RESP replies.

use crate::errors;
use crate::shard::Shard;
use crate::value::Value;

pub(super) use crate::types::test_resp::{err, int, run, run3, run_proto};

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
