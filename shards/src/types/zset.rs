//! Sorted set commands and the sorted set value type (Redis's `t_zset.c`).
//!
//! A sorted set has Redis 7.0's two encodings:
//!
//! - `listpack`: a `Vec` of `(member, score)` sorted by score then member bytes, while the set
//!   has at most `zset-max-listpack-entries` members, none longer than
//!   `zset-max-listpack-value` bytes. Like Redis's listpack it stores a score that is an
//!   integer as an integer, so `-0` becomes `0` there (and only there).
//! - `skiplist`: past either threshold, once and for good, an [`Index`]: a member -> score
//!   map plus an order-statistic tree, so ranks, rank ranges and score or lex range bounds
//!   are O(log n). (Redis uses a skip list with spans; the tree answers the same queries.)
//!
//! Handlers follow `t_zset.c` step by step, so that the order of checks, hence which error
//! a bad command gets, and every reply match Redis: options are parsed before the key is
//! looked up, read commands count keyspace hits and misses (`lookupKeyRead`), write commands
//! do not, and a command that empties a sorted set deletes its key.
//!
//! Lex ranges assume, as Redis documents, that all members have the same score. When they do
//! not, the listpack encoding still answers exactly as Redis does (it is scanned the same way);
//! the skiplist encoding may differ, as Redis's own answer then depends on its skip list's
//! random levels.

#[path = "zset_index.rs"]
mod zset_index;

use crate::aof;
use crate::db::Db;
use crate::errors;
use crate::glob::glob_match;
use crate::keys::parse_cursor;
use crate::lookup::{self, WrongType};
use crate::reply::{format_i64, Reply};
use crate::shard::{Ctx, Shard, Stats};
use crate::types::set::{Member, Set};
use crate::util::{format_double, parse_i64};
use crate::value::Value;
use bytes::Bytes;
use std::borrow::Cow;
use std::cmp::Ordering;
use zset_index::Index;

// ---------------------------------------------------------------------------------------------
// The value type
// ---------------------------------------------------------------------------------------------

/// The listpack thresholds of the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListpackLimits {
    /// zset-max-listpack-entries.
    pub entries: usize,
    /// zset-max-listpack-value.
    pub value: usize,
}

impl ListpackLimits {
    /// The thresholds `shard` is configured with.
    pub fn of(shard: &Shard) -> Self {
        ListpackLimits {
            entries: shard.limits.zset_max_listpack_entries,
            value: shard.limits.zset_max_listpack_value,
        }
    }

    /// Redis's defaults (128 entries, 64 bytes).
    pub const DEFAULT: ListpackLimits = ListpackLimits {
        entries: 128,
        value: 64,
    };

    /// True when `len` members, the longest `max_len` bytes, fit a listpack.
    fn fit(&self, len: usize, max_len: usize) -> bool {
        len <= self.entries && max_len <= self.value
    }
}

/// One member of a listpack-encoded sorted set.
#[derive(Debug, Clone)]
struct Item {
    member: Box<[u8]>,
    score: f64,
}

/// A sorted set: a compact `listpack` while small, a `skiplist` past the thresholds.
#[derive(Clone)]
pub struct ZSet {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    /// Sorted by `(score, member)`.
    Listpack(Vec<Item>),
    /// The large encoding.
    Skiplist(Box<Index>),
}

impl Default for ZSet {
    /// An empty listpack (`createZsetListpackObject`).
    fn default() -> Self {
        ZSet::new()
    }
}

impl std::fmt::Debug for ZSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut list = f.debug_list();
        for (m, s) in self.iter() {
            list.entry(&(String::from_utf8_lossy(m), s));
        }
        list.finish()
    }
}

impl PartialEq for ZSet {
    /// Same encoding, same members with the same scores.
    fn eq(&self, other: &Self) -> bool {
        self.encoding() == other.encoding()
            && self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|((m1, s1), (m2, s2))| m1 == m2 && s1.to_bits() == s2.to_bits())
    }
}

/// How a listpack stores a score: an integral score is stored as an integer (Redis's
/// `zzlInsertAt` with `double2ll`), which turns `-0` into `0`; any other score reads back
/// exactly.
fn listpack_score(score: f64) -> f64 {
    if score == 0.0 {
        0.0
    } else {
        score
    }
}

/// `(score, member)` order: by score, then by member bytes (`memcmp`, shorter first).
fn cmp_entry(s1: f64, m1: &[u8], s2: f64, m2: &[u8]) -> Ordering {
    match s1.partial_cmp(&s2) {
        Some(Ordering::Equal) | None => m1.cmp(m2),
        Some(o) => o,
    }
}

/// The flags of ZADD that change how one member is added.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddFlags {
    /// NX: only add new members.
    pub nx: bool,
    /// XX: only update existing members.
    pub xx: bool,
    /// GT: only update to a greater score.
    pub gt: bool,
    /// LT: only update to a lower score.
    pub lt: bool,
    /// INCR: add to the current score.
    pub incr: bool,
}

/// What adding one member did (Redis's `zsetAdd` out flags).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AddOutcome {
    /// The resulting score would be NaN; nothing changed.
    Nan,
    /// Nothing was done (NX on an existing member, XX on a new one, GT/LT refused).
    Nop,
    /// A new member, with this score.
    Added(f64),
    /// An existing member's score changed to this.
    Updated(f64),
    /// An existing member kept this score (it was already its score).
    Kept(f64),
}

/// The members of a sorted set from some rank, forwards or backwards.
#[derive(Debug)]
pub struct ZIter<'a>(IterRepr<'a>);

#[derive(Debug)]
enum IterRepr<'a> {
    Fwd(std::slice::Iter<'a, Item>),
    Rev(std::iter::Rev<std::slice::Iter<'a, Item>>),
    Tree(zset_index::Iter<'a>),
}

impl<'a> Iterator for ZIter<'a> {
    type Item = (&'a [u8], f64);

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            IterRepr::Fwd(it) => it.next().map(|i| (&*i.member, i.score)),
            IterRepr::Rev(it) => it.next().map(|i| (&*i.member, i.score)),
            IterRepr::Tree(it) => it.next(),
        }
    }
}

/// A range of members: by score or by lex, with Redis's inclusive/exclusive bounds.
trait Bounds {
    /// True when no member can be in the range.
    fn is_void(&self) -> bool;
    /// The member is at or above the minimum.
    fn gte_min(&self, score: f64, member: &[u8]) -> bool;
    /// The member is at or below the maximum.
    fn lte_max(&self, score: f64, member: &[u8]) -> bool;
}

impl ZSet {
    /// An empty listpack-encoded sorted set.
    pub fn new() -> ZSet {
        ZSet {
            repr: Repr::Listpack(Vec::new()),
        }
    }

    /// An empty skiplist-encoded sorted set (`createZsetObject`).
    fn new_skiplist(capacity: usize) -> ZSet {
        ZSet {
            repr: Repr::Skiplist(Box::new(Index::with_capacity(capacity))),
        }
    }

    /// The empty sorted set ZADD creates for a first member (`zaddGenericCommand`): a
    /// skiplist when listpacks are disabled or the member is too long for one.
    fn for_first_member(member: &[u8], limits: ListpackLimits) -> ZSet {
        if limits.entries == 0 || limits.value < member.len() {
            ZSet::new_skiplist(0)
        } else {
            ZSet::new()
        }
    }

    /// A sorted set holding `items` (distinct members, any order), encoded as Redis encodes
    /// the result of ZUNIONSTORE and friends: built as a skiplist, then turned into a
    /// listpack when it fits (`zsetConvertToListpackIfNeeded`).
    pub fn from_items(mut items: Vec<(Vec<u8>, f64)>, limits: ListpackLimits) -> ZSet {
        items.sort_by(|a, b| cmp_entry(a.1, &a.0, b.1, &b.0));
        let max_len = items.iter().map(|(m, _)| m.len()).max().unwrap_or(0);
        if limits.fit(items.len(), max_len) {
            ZSet {
                repr: Repr::Listpack(
                    items
                        .into_iter()
                        .map(|(m, s)| Item {
                            member: m.into_boxed_slice(),
                            score: listpack_score(s),
                        })
                        .collect(),
                ),
            }
        } else {
            let mut ix = Index::with_capacity(items.len());
            for (m, s) in &items {
                ix.insert(m, *s);
            }
            ZSet {
                repr: Repr::Skiplist(Box::new(ix)),
            }
        }
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        match self.repr {
            Repr::Listpack(_) => "listpack",
            Repr::Skiplist(_) => "skiplist",
        }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Listpack(v) => v.len(),
            Repr::Skiplist(ix) => ix.len(),
        }
    }

    /// True when the set has no members.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The score of `member`.
    pub fn score(&self, member: &[u8]) -> Option<f64> {
        match &self.repr {
            Repr::Listpack(v) => v.iter().find(|i| &*i.member == member).map(|i| i.score),
            Repr::Skiplist(ix) => ix.score(member),
        }
    }

    /// The 0-based rank of `member`, lowest score first.
    pub fn rank(&self, member: &[u8]) -> Option<usize> {
        match &self.repr {
            Repr::Listpack(v) => v.iter().position(|i| &*i.member == member),
            Repr::Skiplist(ix) => ix.rank(member),
        }
    }

    /// The member and score at 0-based rank `rank`.
    pub fn get(&self, rank: usize) -> Option<(&[u8], f64)> {
        match &self.repr {
            Repr::Listpack(v) => v.get(rank).map(|i| (&*i.member, i.score)),
            Repr::Skiplist(ix) => ix.get(rank),
        }
    }

    /// The members in order, lowest score first.
    pub fn iter(&self) -> ZIter<'_> {
        self.iter_from(0, false)
    }

    /// The members from rank `rank` on, upwards, or downwards when `rev`.
    pub fn iter_from(&self, rank: usize, rev: bool) -> ZIter<'_> {
        ZIter(match &self.repr {
            Repr::Listpack(v) => {
                if rev {
                    let end = if rank < v.len() { rank + 1 } else { 0 };
                    IterRepr::Rev(v[..end].iter().rev())
                } else {
                    IterRepr::Fwd(v[rank.min(v.len())..].iter())
                }
            }
            Repr::Skiplist(ix) => IterRepr::Tree(ix.iter_from(rank, rev)),
        })
    }

    /// Turns a listpack into a skiplist (`zsetConvert`).
    fn convert_to_skiplist(&mut self) {
        if let Repr::Listpack(v) = &self.repr {
            let mut ix = Index::with_capacity(v.len() + 1);
            for i in v {
                ix.insert(&i.member, i.score);
            }
            self.repr = Repr::Skiplist(Box::new(ix));
        }
    }

    /// Inserts a member that is not in a listpack, at its place.
    fn listpack_insert(v: &mut Vec<Item>, member: &[u8], score: f64) {
        let score = listpack_score(score);
        let at =
            v.partition_point(|i| cmp_entry(i.score, &i.member, score, member) == Ordering::Less);
        v.insert(
            at,
            Item {
                member: member.into(),
                score,
            },
        );
    }

    /// Adds or updates `member` as Redis's `zsetAdd` does, converting a listpack that would
    /// outgrow `limits` into a skiplist first.
    pub fn add(
        &mut self,
        member: &[u8],
        score: f64,
        flags: AddFlags,
        limits: ListpackLimits,
    ) -> AddOutcome {
        let mut score = score;
        if score.is_nan() {
            return AddOutcome::Nan;
        }
        if let Some(cur) = self.score(member) {
            if flags.nx {
                return AddOutcome::Nop;
            }
            if flags.incr {
                score += cur;
                if score.is_nan() {
                    return AddOutcome::Nan;
                }
            }
            if (flags.lt && score >= cur) || (flags.gt && score <= cur) {
                return AddOutcome::Nop;
            }
            if score == cur {
                return AddOutcome::Kept(score);
            }
            match &mut self.repr {
                Repr::Listpack(v) => {
                    if let Some(at) = v.iter().position(|i| &*i.member == member) {
                        v.remove(at);
                    }
                    ZSet::listpack_insert(v, member, score);
                }
                Repr::Skiplist(ix) => {
                    ix.set_score(member, score);
                }
            }
            return AddOutcome::Updated(score);
        }
        if flags.xx {
            return AddOutcome::Nop;
        }
        if let Repr::Listpack(v) = &self.repr {
            if v.len() + 1 > limits.entries || member.len() > limits.value {
                self.convert_to_skiplist();
            }
        }
        match &mut self.repr {
            Repr::Listpack(v) => ZSet::listpack_insert(v, member, score),
            Repr::Skiplist(ix) => ix.insert(member, score),
        }
        AddOutcome::Added(score)
    }

    /// Adds a member with no flags (what the store commands do for each result).
    fn add_plain(&mut self, member: &[u8], score: f64, limits: ListpackLimits) {
        self.add(member, score, AddFlags::default(), limits);
    }

    /// Removes `member`; true if it was there.
    pub fn remove(&mut self, member: &[u8]) -> bool {
        match &mut self.repr {
            Repr::Listpack(v) => match v.iter().position(|i| &*i.member == member) {
                Some(at) => {
                    v.remove(at);
                    true
                }
                None => false,
            },
            Repr::Skiplist(ix) => ix.remove(member).is_some(),
        }
    }

    /// Removes the members of ranks `start..start + count`.
    fn remove_ranks(&mut self, start: usize, count: usize) {
        match &mut self.repr {
            Repr::Listpack(v) => {
                let end = (start + count).min(v.len());
                v.drain(start.min(end)..end);
            }
            Repr::Skiplist(ix) => {
                for _ in 0..count {
                    let Some(member) = ix.get(start).map(|(m, _)| m.to_vec()) else {
                        break;
                    };
                    ix.remove(&member);
                }
            }
        }
    }

    /// True when part of the set may be in `range` (`zzlIsInRange`/`zslIsInRange`): the
    /// range is not void, the last member is at or above its minimum and the first at or
    /// below its maximum.
    fn in_range(&self, range: &impl Bounds) -> bool {
        if range.is_void() {
            return false;
        }
        let (Some(first), Some(last)) = (self.get(0), self.len().checked_sub(1)) else {
            return false;
        };
        let Some(last) = self.get(last) else {
            return false;
        };
        range.gte_min(last.1, last.0) && range.lte_max(first.1, first.0)
    }

    /// The rank of the first member in `range` (`zzlFirstInRange`, `zslFirstInRange` and
    /// their lex forms). A listpack is scanned from the start as Redis scans it.
    fn first_in(&self, range: &impl Bounds) -> Option<usize> {
        if !self.in_range(range) {
            return None;
        }
        let first = match &self.repr {
            Repr::Listpack(v) => v.iter().position(|i| range.gte_min(i.score, &i.member))?,
            Repr::Skiplist(ix) => ix.count_while(|s, m| !range.gte_min(s, m)),
        };
        let (m, s) = self.get(first)?;
        range.lte_max(s, m).then_some(first)
    }

    /// The rank of the last member in `range` (`zzlLastInRange`, ...). A listpack is scanned
    /// from the end.
    fn last_in(&self, range: &impl Bounds) -> Option<usize> {
        if !self.in_range(range) {
            return None;
        }
        let last = match &self.repr {
            Repr::Listpack(v) => v.iter().rposition(|i| range.lte_max(i.score, &i.member))?,
            Repr::Skiplist(ix) => ix.count_while(|s, m| range.lte_max(s, m)).checked_sub(1)?,
        };
        let (m, s) = self.get(last)?;
        range.gte_min(s, m).then_some(last)
    }

    /// How many members are in `range` (ZCOUNT, ZLEXCOUNT): a listpack is walked from the
    /// first member in range while members stay in it, a skiplist answers from two ranks.
    fn count_in(&self, range: &impl Bounds) -> usize {
        let Some(first) = self.first_in(range) else {
            return 0;
        };
        match &self.repr {
            Repr::Listpack(_) => self
                .iter_from(first, false)
                .take_while(|(m, s)| range.lte_max(*s, m))
                .count(),
            Repr::Skiplist(_) => match self.last_in(range) {
                Some(last) => (last + 1).saturating_sub(first),
                None => self.len() - first,
            },
        }
    }

    /// The members of `range` from the `offset`-th on, at most `limit` of them (all when
    /// negative), upwards or downwards when `rev`: the walk of `genericZrangebyscoreCommand`
    /// and `genericZrangebylexCommand`, with the offset skipped by rank.
    fn range_in(
        &self,
        range: &impl Bounds,
        offset: i64,
        limit: i64,
        rev: bool,
    ) -> Vec<(&[u8], f64)> {
        // A negative offset makes Redis's `while (ln && offset--)` skip every member.
        let Ok(offset) = usize::try_from(offset) else {
            return Vec::new();
        };
        if offset > 0 && offset >= self.len() {
            return Vec::new();
        }
        let start = if rev {
            self.last_in(range).and_then(|r| r.checked_sub(offset))
        } else {
            self.first_in(range)
                .map(|r| r + offset)
                .filter(|&r| r < self.len())
        };
        let Some(start) = start else {
            return Vec::new();
        };
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        self.iter_from(start, rev)
            .take(limit)
            .take_while(|(m, s)| {
                if rev {
                    range.gte_min(*s, m)
                } else {
                    range.lte_max(*s, m)
                }
            })
            .collect()
    }

    /// Removes the members in `range` (ZREMRANGEBYSCORE, ZREMRANGEBYLEX), returning how many.
    fn remove_in(&mut self, range: &impl Bounds) -> usize {
        let first = match &self.repr {
            Repr::Listpack(_) => self.first_in(range),
            // zslDeleteRangeBy* starts at the first member at or above the minimum.
            Repr::Skiplist(ix) => Some(ix.count_while(|s, m| !range.gte_min(s, m))),
        };
        let Some(first) = first else {
            return 0;
        };
        let count = self
            .iter_from(first, false)
            .take_while(|(m, s)| range.lte_max(*s, m))
            .count();
        self.remove_ranks(first, count);
        count
    }

    /// The member and score at dense index `i` of the encoding's own storage (the listpack
    /// order, or the skiplist's map order): what ZSCAN walks and ZRANDMEMBER draws from.
    fn dense_at(&self, i: usize) -> Option<(&[u8], f64)> {
        match &self.repr {
            Repr::Listpack(v) => v.get(i).map(|i| (&*i.member, i.score)),
            Repr::Skiplist(ix) => ix.entry_at(i),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing numbers and ranges as Redis does
// ---------------------------------------------------------------------------------------------

/// C's `isspace` in the C locale.
fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The part of `s` a C string function sees: up to the first NUL.
fn c_str(s: &[u8]) -> &[u8] {
    &s[..s.iter().position(|&b| b == 0).unwrap_or(s.len())]
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// C's `strtod` (glibc) on `s` taken as a C string: the value, how many bytes it consumed
/// (0 when no number starts the text) and whether it set `ERANGE` on overflow or on an
/// underflow to zero. Accepts leading space, a sign, decimal and hexadecimal (`0x1.8p3`)
/// numbers, `inf`, `infinity` and `nan[(chars)]` in any case.
fn strtod(s: &[u8]) -> (f64, usize, bool) {
    let s = c_str(s);
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let negative = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let rest = &s[i..];
    if starts_with_ci(rest, b"inf") {
        let n = if starts_with_ci(rest, b"infinity") {
            8
        } else {
            3
        };
        return (sign * f64::INFINITY, i + n, false);
    }
    if starts_with_ci(rest, b"nan") {
        let mut n = 3;
        if rest.get(3) == Some(&b'(') {
            let mut k = 4;
            while k < rest.len() && (rest[k].is_ascii_alphanumeric() || rest[k] == b'_') {
                k += 1;
            }
            if rest.get(k) == Some(&b')') {
                n = k + 1;
            }
        }
        return (f64::NAN, i + n, false);
    }
    if rest.len() >= 2 && rest[0] == b'0' && rest[1] | 0x20 == b'x' {
        if let Some((v, n, erange)) = strtod_hex(&rest[2..]) {
            return (sign * v, i + 2 + n, erange);
        }
    }
    let start = i;
    let mut j = i;
    let mut digits = 0;
    let mut nonzero = false;
    while j < s.len() && s[j].is_ascii_digit() {
        nonzero |= s[j] != b'0';
        digits += 1;
        j += 1;
    }
    if j < s.len() && s[j] == b'.' {
        j += 1;
        while j < s.len() && s[j].is_ascii_digit() {
            nonzero |= s[j] != b'0';
            digits += 1;
            j += 1;
        }
    }
    if digits == 0 {
        return (0.0, 0, false);
    }
    if j < s.len() && s[j] | 0x20 == b'e' {
        let mut k = j + 1;
        if k < s.len() && (s[k] == b'+' || s[k] == b'-') {
            k += 1;
        }
        if k < s.len() && s[k].is_ascii_digit() {
            while k < s.len() && s[k].is_ascii_digit() {
                k += 1;
            }
            j = k;
        }
    }
    // Rust's parser rounds correctly, as glibc does; the text is ASCII by construction.
    let v: f64 = std::str::from_utf8(&s[start..j])
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0.0);
    let erange = v.is_infinite() || (v == 0.0 && nonzero);
    (sign * v, j, erange)
}

/// The hexadecimal part of `strtod` after `0x`: `None` when no hex digit follows (then only
/// the `0` is a number). Rounds to nearest, ties to even, subnormals included.
fn strtod_hex(s: &[u8]) -> Option<(f64, usize, bool)> {
    let mut j = 0;
    let mut mant: u64 = 0;
    let mut significant = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut any = false;
    let mut seen_point = false;
    loop {
        match s.get(j) {
            Some(&c) if c.is_ascii_hexdigit() => {
                any = true;
                let d = (c as char).to_digit(16).unwrap_or(0) as u64;
                if mant == 0 && d == 0 {
                    if seen_point {
                        exp -= 4;
                    }
                } else if significant < 16 {
                    mant = mant << 4 | d;
                    significant += 1;
                    if seen_point {
                        exp -= 4;
                    }
                } else {
                    sticky |= d != 0;
                    if !seen_point {
                        exp += 4;
                    }
                }
                j += 1;
            }
            Some(b'.') if !seen_point => {
                seen_point = true;
                j += 1;
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    if s.get(j).is_some_and(|&c| c | 0x20 == b'p') {
        let mut k = j + 1;
        let negative = match s.get(k) {
            Some(b'-') => {
                k += 1;
                true
            }
            Some(b'+') => {
                k += 1;
                false
            }
            _ => false,
        };
        let digits_at = k;
        let mut e: i64 = 0;
        while k < s.len() && s[k].is_ascii_digit() {
            e = (e * 10 + i64::from(s[k] - b'0')).min(1 << 40);
            k += 1;
        }
        if k > digits_at {
            exp += if negative { -e } else { e };
            j = k;
        }
    }
    if mant == 0 {
        return Some((0.0, j, false));
    }
    // value = mant * 2^exp; put the top bit of `mant` at bit 127 of `m`.
    let lz = mant.leading_zeros();
    let m = (mant as u128) << (64 + lz);
    let top = exp - 64 - i64::from(lz) + 127; // value is in [2^top, 2^(top+1))
    if top > 1023 {
        return Some((f64::INFINITY, j, true));
    }
    let kept_bits = if top >= -1022 { 53 } else { top + 1075 };
    if kept_bits < 0 {
        return Some((0.0, j, true));
    }
    let shift = (128 - kept_bits) as u32;
    let (kept, rem, half) = if shift >= 128 {
        (0u128, m, 1u128 << 127)
    } else {
        (m >> shift, m & ((1u128 << shift) - 1), 1u128 << (shift - 1))
    };
    let up = rem > half || (rem == half && (sticky || kept & 1 == 1));
    let kept = (kept + u128::from(up)) as u64;
    let bits = if top >= -1022 {
        (((top + 1023) as u64) << 52) + (kept - (1u64 << 52))
    } else {
        kept
    };
    let v = f64::from_bits(bits.min(0x7ff0_0000_0000_0000));
    Some((v, j, v.is_infinite() || v == 0.0))
}

/// Redis's `string2d`: the whole text must be a number for `strtod`, with no leading space,
/// not NaN, and neither overflowing nor underflowing to zero.
fn string2d(s: &[u8]) -> Option<f64> {
    if s.is_empty() || is_c_space(s[0]) {
        return None;
    }
    let (v, n, erange) = strtod(s);
    if n != s.len() || v.is_nan() || (erange && (v.is_infinite() || v == 0.0)) {
        return None;
    }
    Some(v)
}

/// A score range (`zrangespec`).
#[derive(Debug, Clone, Copy)]
struct ScoreRange {
    min: f64,
    max: f64,
    minex: bool,
    maxex: bool,
}

impl Bounds for ScoreRange {
    fn is_void(&self) -> bool {
        self.min > self.max || (self.min == self.max && (self.minex || self.maxex))
    }

    fn gte_min(&self, score: f64, _: &[u8]) -> bool {
        if self.minex {
            score > self.min
        } else {
            score >= self.min
        }
    }

    fn lte_max(&self, score: f64, _: &[u8]) -> bool {
        if self.maxex {
            score < self.max
        } else {
            score <= self.max
        }
    }
}

/// One bound of a score range as `zslParseRange` reads it: `(` makes it exclusive, the rest
/// must be all of the C string for `strtod` (so `""` is 0 and leading space is allowed), and
/// NaN is refused.
fn parse_score_bound(s: &[u8]) -> Option<(f64, bool)> {
    let s = c_str(s);
    let (text, exclusive) = match s.first() {
        Some(b'(') => (&s[1..], true),
        _ => (s, false),
    };
    let (v, n, _) = strtod(text);
    (n == text.len() && !v.is_nan()).then_some((v, exclusive))
}

/// `zslParseRange`.
fn parse_score_range(min: &[u8], max: &[u8]) -> Option<ScoreRange> {
    let (min, minex) = parse_score_bound(min)?;
    let (max, maxex) = parse_score_bound(max)?;
    Some(ScoreRange {
        min,
        max,
        minex,
        maxex,
    })
}

/// A bound of a lex range: `-` and `+` are below and above every string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LexItem {
    Neg,
    Pos,
    Str(Vec<u8>),
}

/// A lex range (`zlexrangespec`).
#[derive(Debug, Clone)]
struct LexRange {
    min: LexItem,
    max: LexItem,
    minex: bool,
    maxex: bool,
}

/// `sdscmplex` between two bounds.
fn cmp_lex_items(a: &LexItem, b: &LexItem) -> Ordering {
    match (a, b) {
        (LexItem::Neg, LexItem::Neg) | (LexItem::Pos, LexItem::Pos) => Ordering::Equal,
        (LexItem::Neg, _) | (_, LexItem::Pos) => Ordering::Less,
        (LexItem::Pos, _) | (_, LexItem::Neg) => Ordering::Greater,
        (LexItem::Str(x), LexItem::Str(y)) => x.cmp(y),
    }
}

/// `sdscmplex` between a member and a bound.
fn cmp_lex(member: &[u8], bound: &LexItem) -> Ordering {
    match bound {
        LexItem::Neg => Ordering::Greater,
        LexItem::Pos => Ordering::Less,
        LexItem::Str(s) => member.cmp(s),
    }
}

impl Bounds for LexRange {
    fn is_void(&self) -> bool {
        match cmp_lex_items(&self.min, &self.max) {
            Ordering::Greater => true,
            Ordering::Equal => self.minex || self.maxex,
            Ordering::Less => false,
        }
    }

    fn gte_min(&self, _: f64, member: &[u8]) -> bool {
        let c = cmp_lex(member, &self.min);
        if self.minex {
            c == Ordering::Greater
        } else {
            c != Ordering::Less
        }
    }

    fn lte_max(&self, _: f64, member: &[u8]) -> bool {
        let c = cmp_lex(member, &self.max);
        if self.maxex {
            c == Ordering::Less
        } else {
            c != Ordering::Greater
        }
    }
}

/// One bound of a lex range (`zslParseLexRangeItem`): `+` or `-` alone (as C strings), or
/// `(` / `[` and a string.
fn parse_lex_item(s: &[u8]) -> Option<(LexItem, bool)> {
    let alone = s.get(1).is_none_or(|&c| c == 0);
    match s.first() {
        Some(b'+') if alone => Some((LexItem::Pos, true)),
        Some(b'-') if alone => Some((LexItem::Neg, true)),
        Some(b'(') => Some((LexItem::Str(s[1..].to_vec()), true)),
        Some(b'[') => Some((LexItem::Str(s[1..].to_vec()), false)),
        _ => None,
    }
}

/// `zslParseLexRange`.
fn parse_lex_range(min: &[u8], max: &[u8]) -> Option<LexRange> {
    let (min, minex) = parse_lex_item(min)?;
    let (max, maxex) = parse_lex_item(max)?;
    Some(LexRange {
        min,
        max,
        minex,
        maxex,
    })
}

/// Parses a blocking command's timeout as `getTimeoutFromObjectOrReply` in seconds: a long
/// double (`string2ld`) times 1000, truncated to a 64-bit integer (an out-of-range value
/// becomes the x87 "integer indefinite", which is negative), and not negative. Returns the
/// timeout in milliseconds, 0 meaning forever.
pub fn parse_timeout(s: &[u8]) -> Result<i64, &'static str> {
    crate::types::list::parse_timeout(s)
}

/// How a listpack shows a score as text (ZSCAN on a listpack): an integral score within
/// `double2ll`'s range as an integer, any other as `%.17g`.
fn listpack_score_text(score: f64) -> String {
    const LIMIT: f64 = (i64::MAX / 2) as f64;
    if (-LIMIT..=LIMIT).contains(&score) && score.fract() == 0.0 {
        let mut buf = [0u8; 20];
        String::from_utf8_lossy(format_i64(score as i64, &mut buf)).into_owned()
    } else {
        format_double(score)
    }
}

// ---------------------------------------------------------------------------------------------
// Lookups and replies
// ---------------------------------------------------------------------------------------------

/// Looks `key` up for reading (`lookupKeyRead`: counts a hit or a miss).
fn lookup_read<'d>(
    db: &'d mut Db,
    stats: &mut Stats,
    key: &[u8],
    now: i64,
) -> Result<Option<&'d ZSet>, WrongType> {
    lookup::read(db, stats, key, now)
}

/// Looks `key` up for writing (`lookupKeyWrite`: no hit/miss counting).
fn lookup_write<'d>(
    db: &'d mut Db,
    key: &[u8],
    now: i64,
) -> Result<Option<&'d mut ZSet>, WrongType> {
    lookup::write(db, key, now)
}

/// Removes `key`, with its `del` keyspace event, if the sorted set it holds became empty.
fn delete_if_empty(db: &mut Db, key: &[u8]) {
    if matches!(db.entries.get(key), Some(Value::ZSet(z)) if z.is_empty()) {
        db.remove(key);
        db.notify(crate::notify::GENERIC, "del", key);
    }
}

/// Stores a *STORE command's result at `dst` with the keyspace event `event`, or deletes
/// `dst` (a `del` event if it existed) when the result is empty; replies with its size.
fn store_result(
    db: &mut Db,
    reply: &mut Reply,
    dst: &[u8],
    result: Option<ZSet>,
    event: &'static str,
) {
    match result {
        Some(z) if !z.is_empty() => {
            let n = z.len();
            // Redis's `setKey` looks the destination up for writing: past its time, it
            // expires (`expired`) and is created anew (`new`). An empty result is
            // `dbDelete`, which does not look at the time (`del` even when past).
            db.expire_if_needed(dst, db.now);
            db.set(dst, Value::zset(z));
            db.notify(crate::notify::ZSET, event, dst);
            reply.int(n as i64);
        }
        _ => {
            if db.remove(dst).is_some() {
                db.notify(crate::notify::GENERIC, "del", dst);
            }
            reply.int(0);
        }
    }
}

/// Replies with members and, `withscores`, their scores: a flat array in RESP2, an array of
/// `[member, score]` pairs in RESP3.
fn reply_members<M: AsRef<[u8]>>(reply: &mut Reply, items: &[(M, f64)], withscores: bool) {
    let resp3 = reply.resp3();
    reply.array(if withscores && !resp3 {
        items.len() * 2
    } else {
        items.len()
    });
    for (m, s) in items {
        if withscores && resp3 {
            reply.array(2);
        }
        reply.bulk(m.as_ref());
        if withscores {
            reply.double(*s);
        }
    }
}

/// A 64-bit integer argument (`getLongFromObjectOrReply`).
fn arg_i64(reply: &mut Reply, arg: &[u8]) -> Option<i64> {
    let v = parse_i64(arg);
    if v.is_none() {
        reply.error(errors::NOT_INTEGER);
    }
    v
}

fn is(arg: &[u8], word: &str) -> bool {
    arg.eq_ignore_ascii_case(word.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// ZADD, ZINCRBY, ZREM, ZREMRANGEBY*
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]
/// ```
pub fn zadd(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zadd_generic(ctx, args, false);
}

/// ```text
/// ZINCRBY key increment member
/// ```
pub fn zincrby(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zadd_generic(ctx, args, true);
}

/// ZADD and ZINCRBY (Redis's `zaddGenericCommand`; ZINCRBY is ZADD with INCR, and reads its
/// arguments the same way, flags included).
fn zadd_generic(ctx: &mut Ctx<'_>, args: &[Bytes], incr: bool) {
    let mut flags = AddFlags {
        incr,
        ..AddFlags::default()
    };
    let mut ch = false;
    let mut scoreidx = 2;
    while scoreidx < args.len() {
        let opt = &args[scoreidx][..];
        if is(opt, "nx") {
            flags.nx = true;
        } else if is(opt, "xx") {
            flags.xx = true;
        } else if is(opt, "ch") {
            ch = true;
        } else if is(opt, "incr") {
            flags.incr = true;
        } else if is(opt, "gt") {
            flags.gt = true;
        } else if is(opt, "lt") {
            flags.lt = true;
        } else {
            break;
        }
        scoreidx += 1;
    }
    let elements = args.len() - scoreidx;
    if !elements.is_multiple_of(2) || elements == 0 {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    let elements = elements / 2;
    if flags.nx && flags.xx {
        ctx.reply.error(errors::ZSET_NX_XX);
        return;
    }
    if ((flags.gt || flags.lt) && flags.nx) || (flags.gt && flags.lt) {
        ctx.reply.error(errors::ZSET_GT_LT_NX);
        return;
    }
    if flags.incr && elements > 1 {
        ctx.reply.error(errors::ZSET_INCR_PAIR);
        return;
    }
    let mut scores = Vec::with_capacity(elements);
    for j in 0..elements {
        match string2d(&args[scoreidx + 2 * j]) {
            Some(v) => scores.push(v),
            None => {
                ctx.reply.error(errors::NOT_FLOAT);
                return;
            }
        }
    }

    let limits = ListpackLimits::of(ctx.shard);
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let exists = match lookup_write(db, key, now) {
        Err(WrongType) => {
            reply.error(errors::WRONGTYPE);
            return;
        }
        Ok(z) => z.is_some(),
    };
    let (mut added, mut updated, mut processed) = (0i64, 0i64, 0i64);
    let mut last_score = 0.0;
    if !exists {
        if flags.xx {
            return zadd_reply(reply, flags.incr, ch, 0, 0, 0, 0.0);
        }
        db.set(
            key,
            Value::zset(ZSet::for_first_member(&args[scoreidx + 1], limits)),
        );
    }
    let Ok(Some(z)) = lookup_write(db, key, now) else {
        return;
    };
    for (j, &score) in scores.iter().enumerate() {
        match z.add(&args[scoreidx + 1 + 2 * j], score, flags, limits) {
            AddOutcome::Nan => {
                reply.error(errors::ZSET_NAN);
                return;
            }
            AddOutcome::Nop => {}
            AddOutcome::Added(s) => {
                added += 1;
                processed += 1;
                last_score = s;
            }
            AddOutcome::Updated(s) => {
                updated += 1;
                processed += 1;
                last_score = s;
            }
            AddOutcome::Kept(s) => {
                processed += 1;
                last_score = s;
            }
        }
    }
    zadd_reply(reply, flags.incr, ch, added, updated, processed, last_score);
    if added + updated > 0 {
        let event = if flags.incr { "zincr" } else { "zadd" };
        ctx.notify(crate::notify::ZSET, event, key);
    }
}

fn zadd_reply(
    reply: &mut Reply,
    incr: bool,
    ch: bool,
    added: i64,
    updated: i64,
    processed: i64,
    score: f64,
) {
    if incr {
        if processed > 0 {
            reply.double(score);
        } else {
            reply.null();
        }
    } else {
        reply.int(if ch { added + updated } else { added });
    }
}

/// ```text
/// ZREM key member [member ...]
/// ```
pub fn zrem(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let z = match lookup_write(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => return reply.int(0),
        Ok(Some(z)) => z,
    };
    let mut deleted = 0;
    for member in &args[2..] {
        if z.remove(member) {
            deleted += 1;
        }
        if z.is_empty() {
            break;
        }
    }
    if deleted > 0 {
        db.notify(crate::notify::ZSET, "zrem", key);
    }
    delete_if_empty(db, key);
    reply.int(deleted);
}

/// ```text
/// ZREMRANGEBYRANK key start stop
/// ```
pub fn zremrangebyrank(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(start) = arg_i64(ctx.reply, &args[2]) else {
        return;
    };
    let Some(end) = arg_i64(ctx.reply, &args[3]) else {
        return;
    };
    zremrange_generic(ctx, &args[1], "zremrangebyrank", |z| {
        let llen = z.len() as i64;
        let mut start = if start < 0 { llen + start } else { start };
        let mut end = if end < 0 { llen + end } else { end };
        if start < 0 {
            start = 0;
        }
        if start > end || start >= llen {
            return 0;
        }
        if end >= llen {
            end = llen - 1;
        }
        let count = (end - start + 1) as usize;
        z.remove_ranks(start as usize, count);
        count
    });
}

/// ```text
/// ZREMRANGEBYSCORE key min max
/// ```
pub fn zremrangebyscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_score_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_FLOAT);
        return;
    };
    zremrange_generic(ctx, &args[1], "zremrangebyscore", |z| z.remove_in(&range));
}

/// ```text
/// ZREMRANGEBYLEX key min max
/// ```
pub fn zremrangebylex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_lex_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_LEX);
        return;
    };
    zremrange_generic(ctx, &args[1], "zremrangebylex", |z| z.remove_in(&range));
}

/// The rest of `zremrangeGenericCommand`, once the range is parsed: `remove` deletes the
/// range from the set and says how many members went; `event` is the keyspace event when
/// some did.
fn zremrange_generic(
    ctx: &mut Ctx<'_>,
    key: &[u8],
    event: &'static str,
    remove: impl FnOnce(&mut ZSet) -> usize,
) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let deleted = match lookup_write(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => 0,
        Ok(Some(z)) => remove(z),
    };
    if deleted > 0 {
        db.notify(crate::notify::ZSET, event, key);
        delete_if_empty(db, key);
    }
    reply.int(deleted as i64);
}

// ---------------------------------------------------------------------------------------------
// ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZCARD key
/// ```
pub fn zcard(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup_read(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(z)) => reply.int(z.len() as i64),
    }
}

/// ```text
/// ZSCORE key member
/// ```
pub fn zscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup_read(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(z)) => match z.score(&args[2]) {
            Some(s) => reply.double(s),
            None => reply.null(),
        },
    }
}

/// ```text
/// ZMSCORE key member [member ...]
/// ```
pub fn zmscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let z = match lookup_read(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(z) => z,
    };
    reply.array(args.len() - 2);
    for member in &args[2..] {
        match z.and_then(|z| z.score(member)) {
            Some(s) => reply.double(s),
            None => reply.null(),
        }
    }
}

/// ```text
/// ZRANK key member
/// ```
pub fn zrank(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrank_generic(ctx, args, false);
}

/// ```text
/// ZREVRANK key member
/// ```
pub fn zrevrank(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrank_generic(ctx, args, true);
}

fn zrank_generic(ctx: &mut Ctx<'_>, args: &[Bytes], reverse: bool) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup_read(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(z)) => match z.rank(&args[2]) {
            Some(r) if reverse => reply.int((z.len() - 1 - r) as i64),
            Some(r) => reply.int(r as i64),
            None => reply.null(),
        },
    }
}

/// ```text
/// ZCOUNT key min max
/// ```
pub fn zcount(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_score_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_FLOAT);
        return;
    };
    count_generic(ctx, &args[1], &range);
}

/// ```text
/// ZLEXCOUNT key min max
/// ```
pub fn zlexcount(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(range) = parse_lex_range(&args[2], &args[3]) else {
        ctx.reply.error(errors::ZSET_MINMAX_LEX);
        return;
    };
    count_generic(ctx, &args[1], &range);
}

fn count_generic(ctx: &mut Ctx<'_>, key: &[u8], range: &impl Bounds) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup_read(db, stats, key, now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(z)) => reply.int(z.count_in(range) as i64),
    }
}

// ---------------------------------------------------------------------------------------------
// The ZRANGE family
// ---------------------------------------------------------------------------------------------

/// What a ZRANGE-family command ranges over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeType {
    /// Not fixed by the command: ZRANGE's BYSCORE/BYLEX may choose; ranks otherwise.
    Auto,
    Rank,
    Score,
    Lex,
}

/// Which way a ZRANGE-family command walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Not fixed by the command: ZRANGE's REV may choose; forwards otherwise.
    Auto,
    Forward,
    Reverse,
}

/// ```text
/// ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]
/// ```
pub fn zrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Auto, Direction::Auto);
}

/// ```text
/// ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]
/// ```
pub fn zrangestore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(
        ctx,
        args,
        2,
        Some(&args[1]),
        RangeType::Auto,
        Direction::Auto,
    );
}

/// ```text
/// ZREVRANGE key start stop [WITHSCORES]
/// ```
pub fn zrevrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Rank, Direction::Reverse);
}

/// ```text
/// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]
/// ```
pub fn zrangebyscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Score, Direction::Forward);
}

/// ```text
/// ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]
/// ```
pub fn zrevrangebyscore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Score, Direction::Reverse);
}

/// ```text
/// ZRANGEBYLEX key min max [LIMIT offset count]
/// ```
pub fn zrangebylex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Lex, Direction::Forward);
}

/// ```text
/// ZREVRANGEBYLEX key max min [LIMIT offset count]
/// ```
pub fn zrevrangebylex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zrange_generic(ctx, args, 1, None, RangeType::Lex, Direction::Reverse);
}

/// A parsed range of a ZRANGE-family command.
enum Spec {
    Rank(i64, i64),
    Score(ScoreRange),
    Lex(LexRange),
}

/// Redis's `zrangeGenericCommand`: the key is at `argc_start`, the bounds follow, options
/// after them; `store` is ZRANGESTORE's destination.
fn zrange_generic(
    ctx: &mut Ctx<'_>,
    args: &[Bytes],
    argc_start: usize,
    store: Option<&[u8]>,
    rangetype: RangeType,
    direction: Direction,
) {
    let (mut rangetype, mut direction) = (rangetype, direction);
    let key = &args[argc_start][..];
    let (mut minidx, mut maxidx) = (argc_start + 1, argc_start + 2);
    let mut withscores = false;
    let (mut offset, mut limit) = (0i64, -1i64);
    let mut j = argc_start + 3;
    while j < args.len() {
        let leftargs = args.len() - j - 1;
        let arg = &args[j][..];
        if store.is_none() && is(arg, "withscores") {
            withscores = true;
        } else if is(arg, "limit") && leftargs >= 2 {
            let Some(o) = arg_i64(ctx.reply, &args[j + 1]) else {
                return;
            };
            let Some(l) = arg_i64(ctx.reply, &args[j + 2]) else {
                return;
            };
            (offset, limit) = (o, l);
            j += 2;
        } else if direction == Direction::Auto && is(arg, "rev") {
            direction = Direction::Reverse;
        } else if rangetype == RangeType::Auto && is(arg, "bylex") {
            rangetype = RangeType::Lex;
        } else if rangetype == RangeType::Auto && is(arg, "byscore") {
            rangetype = RangeType::Score;
        } else {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        j += 1;
    }
    if rangetype == RangeType::Auto {
        rangetype = RangeType::Rank;
    }
    let reverse = direction == Direction::Reverse;
    if limit != -1 && rangetype == RangeType::Rank {
        ctx.reply.error(errors::ZSET_LIMIT_RANK);
        return;
    }
    if withscores && rangetype == RangeType::Lex {
        ctx.reply.error(errors::ZSET_WITHSCORES_LEX);
        return;
    }
    if reverse && rangetype != RangeType::Rank {
        std::mem::swap(&mut minidx, &mut maxidx);
    }
    let spec = match rangetype {
        RangeType::Auto | RangeType::Rank => {
            let Some(start) = arg_i64(ctx.reply, &args[minidx]) else {
                return;
            };
            let Some(end) = arg_i64(ctx.reply, &args[maxidx]) else {
                return;
            };
            Spec::Rank(start, end)
        }
        RangeType::Score => match parse_score_range(&args[minidx], &args[maxidx]) {
            Some(r) => Spec::Score(r),
            None => {
                ctx.reply.error(errors::ZSET_MINMAX_FLOAT);
                return;
            }
        },
        RangeType::Lex => match parse_lex_range(&args[minidx], &args[maxidx]) {
            Some(r) => Spec::Lex(r),
            None => {
                ctx.reply.error(errors::ZSET_MINMAX_LEX);
                return;
            }
        },
    };

    let limits = ListpackLimits::of(ctx.shard);
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let z = match lookup_read(db, stats, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(z) => z,
    };
    let Some(z) = z else {
        match store {
            Some(dst) => store_result(db, reply, dst, None, "zrangestore"),
            None => reply.array(0),
        }
        return;
    };
    let items = match &spec {
        Spec::Rank(start, end) => range_by_rank(z, *start, *end, reverse),
        Spec::Score(r) => z.range_in(r, offset, limit, reverse),
        Spec::Lex(r) => z.range_in(r, offset, limit, reverse),
    };
    let Some(dst) = store else {
        reply_members(reply, &items, withscores);
        return;
    };
    // ZRANGESTORE: `zrangeResultBeginStore` starts a skiplist for a rank range longer than
    // a listpack holds, a listpack otherwise, and each result is added in emission order.
    let mut target = match spec {
        Spec::Rank(..) if items.len() > limits.entries => ZSet::new_skiplist(items.len()),
        _ => ZSet::new(),
    };
    for (m, s) in &items {
        target.add_plain(m, *s, limits);
    }
    store_result(db, reply, dst, Some(target), "zrangestore");
}

/// The members of ranks `start..=end` (negative counting from the end), as
/// `genericZrangebyrankCommand` clamps them.
fn range_by_rank(z: &ZSet, start: i64, end: i64, reverse: bool) -> Vec<(&[u8], f64)> {
    let llen = z.len() as i64;
    let mut start = if start < 0 { llen + start } else { start };
    let mut end = if end < 0 { llen + end } else { end };
    if start < 0 {
        start = 0;
    }
    if start > end || start >= llen {
        return Vec::new();
    }
    if end >= llen {
        end = llen - 1;
    }
    let len = (end - start + 1) as usize;
    let from = if reverse { llen - 1 - start } else { start } as usize;
    z.iter_from(from, reverse).take(len).collect()
}

// ---------------------------------------------------------------------------------------------
// ZPOPMIN, ZPOPMAX, BZPOPMIN, BZPOPMAX, ZMPOP, BZMPOP
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZPOPMIN key [count]
/// ```
pub fn zpopmin(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zpop_min_max(ctx, args, false);
}

/// ```text
/// ZPOPMAX key [count]
/// ```
pub fn zpopmax(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zpop_min_max(ctx, args, true);
}

/// `zpopMinMaxCommand`.
fn zpop_min_max(ctx: &mut Ctx<'_>, args: &[Bytes], max: bool) {
    if args.len() > 3 {
        ctx.reply.error(errors::SYNTAX);
        return;
    }
    let mut count = -1;
    if args.len() == 3 {
        // `getPositiveLongFromObjectOrReply`: one error for "not an integer" and "negative".
        match parse_i64(&args[2]) {
            Some(n) if n >= 0 => count = n,
            _ => return ctx.reply.error(errors::ZSET_NOT_POSITIVE),
        }
    }
    let nested = ctx.reply.resp3() && count != -1;
    generic_zpop(ctx, &args[1..2], max, false, count, nested, false);
}

/// Redis's `genericZpopCommand`: pops from the first of `keys` that exists. `count` is -1
/// when not given (one member); `emitkey` puts the key first in the reply; `nested` makes
/// each member a `[member, score]` array; `nil_when_empty` replies a null array rather than
/// an empty one when no key exists.
fn generic_zpop(
    ctx: &mut Ctx<'_>,
    keys: &[Bytes],
    max: bool,
    emitkey: bool,
    count: i64,
    nested: bool,
    nil_when_empty: bool,
) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let mut found = None;
    for key in keys {
        match lookup_write(db, key, now) {
            Err(WrongType) => return reply.error(errors::WRONGTYPE),
            Ok(None) => continue,
            Ok(Some(_)) => {
                found = Some(&key[..]);
                break;
            }
        }
    }
    let Some(key) = found else {
        if nil_when_empty {
            reply.null_array();
        } else {
            reply.array(0);
        }
        return;
    };
    if count == 0 {
        reply.array(0);
        return;
    }
    let count = if count == -1 { 1 } else { count };
    let Ok(Some(z)) = lookup_write(db, key, now) else {
        return;
    };
    let llen = z.len();
    let rangelen = usize::try_from(count).map_or(llen, |c| c.min(llen));
    match (nested, emitkey) {
        (false, false) => reply.array(rangelen * 2),
        (true, false) => reply.array(rangelen),
        (false, true) => {
            reply.array(rangelen * 2 + 1);
            reply.bulk(key);
        }
        (true, true) => {
            reply.array(2);
            reply.bulk(key);
            reply.array(rangelen);
        }
    }
    for _ in 0..rangelen {
        let at = if max { z.len().saturating_sub(1) } else { 0 };
        let Some((member, score)) = z.get(at).map(|(m, s)| (m.to_vec(), s)) else {
            break;
        };
        z.remove(&member);
        if nested {
            reply.array(2);
        }
        reply.bulk(&member);
        reply.double(score);
    }
    db.notify(
        crate::notify::ZSET,
        if max { "zpopmax" } else { "zpopmin" },
        key,
    );
    delete_if_empty(db, key);
}

/// ```text
/// BZPOPMIN key [key ...] timeout
/// ```
///
/// The non-blocking attempt: the reply Redis gives when it serves the command at once, or
/// its reply on timeout (a null array) when no key has members; the server waits around it.
pub fn bzpopmin(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    blocking_zpop(
        ctx,
        &args[1..args.len() - 1],
        &args[args.len() - 1],
        false,
        -1,
        false,
        false,
    );
}

/// ```text
/// BZPOPMAX key [key ...] timeout
/// ```
///
/// The non-blocking attempt, as [`bzpopmin`].
pub fn bzpopmax(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    blocking_zpop(
        ctx,
        &args[1..args.len() - 1],
        &args[args.len() - 1],
        true,
        -1,
        false,
        false,
    );
}

/// `blockingGenericZpopCommand` without the blocking: the timeout is checked first, then
/// the first key with members is served.
fn blocking_zpop(
    ctx: &mut Ctx<'_>,
    keys: &[Bytes],
    timeout: &[u8],
    max: bool,
    count: i64,
    nested: bool,
    nil_when_empty: bool,
) {
    if let Err(e) = parse_timeout(timeout) {
        ctx.reply.error(e);
        return;
    }
    let now = ctx.now;
    for (i, key) in keys.iter().enumerate() {
        match lookup_write(ctx.db(), key, now) {
            Err(WrongType) => return ctx.reply.error(errors::WRONGTYPE),
            Ok(Some(z)) if !z.is_empty() => {
                generic_zpop(ctx, &keys[i..=i], max, true, count, nested, nil_when_empty);
                if ctx.aof_enabled() {
                    // Logged as the non-blocking pop of the key it served, as Redis does.
                    let logged = match (nested, max) {
                        (true, _) => [
                            aof::command(&[b"ZMPOP", b"1", key]),
                            aof::command(&[if max { b"MAX" } else { b"MIN" }, b"COUNT"]),
                            vec![aof::int_arg(count)],
                        ]
                        .concat(),
                        (false, true) => aof::command(&[b"ZPOPMAX", key]),
                        (false, false) => aof::command(&[b"ZPOPMIN", key]),
                    };
                    ctx.propagate(vec![logged]);
                }
                return;
            }
            Ok(_) => {}
        }
    }
    ctx.reply.null_array();
    if ctx.aof_enabled() {
        ctx.propagate(Vec::new());
    }
}

/// ```text
/// ZMPOP numkeys key [key ...] MIN | MAX [COUNT count]
/// ```
pub fn zmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zmpop_generic(ctx, args, 1, false);
}

/// ```text
/// BZMPOP timeout numkeys key [key ...] MIN | MAX [COUNT count]
/// ```
///
/// The non-blocking attempt, as [`bzpopmin`].
pub fn bzmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zmpop_generic(ctx, args, 2, true);
}

/// `zmpopGenericCommand`.
fn zmpop_generic(ctx: &mut Ctx<'_>, args: &[Bytes], numkeys_idx: usize, block: bool) {
    let numkeys = match parse_i64(&args[numkeys_idx]) {
        Some(n) if n >= 1 => n as usize,
        _ => return ctx.reply.error(errors::ZSET_NUMKEYS),
    };
    let where_idx = match numkeys_idx
        .checked_add(numkeys)
        .and_then(|i| i.checked_add(1))
    {
        Some(i) if i < args.len() => i,
        _ => return ctx.reply.error(errors::SYNTAX),
    };
    let max = if is(&args[where_idx], "min") {
        false
    } else if is(&args[where_idx], "max") {
        true
    } else {
        return ctx.reply.error(errors::SYNTAX);
    };
    let mut count = -1i64;
    let mut j = where_idx + 1;
    while j < args.len() {
        let moreargs = args.len() - 1 - j;
        if count == -1 && is(&args[j], "count") && moreargs > 0 {
            j += 1;
            match parse_i64(&args[j]) {
                Some(n) if n >= 1 => count = n,
                _ => return ctx.reply.error(errors::ZSET_COUNT),
            }
        } else {
            return ctx.reply.error(errors::SYNTAX);
        }
        j += 1;
    }
    if count == -1 {
        count = 1;
    }
    let keys = &args[numkeys_idx + 1..where_idx];
    if block {
        blocking_zpop(ctx, keys, &args[1], max, count, true, true);
    } else {
        generic_zpop(ctx, keys, max, true, count, true, true);
    }
}

// ---------------------------------------------------------------------------------------------
// ZUNION, ZINTER, ZDIFF and their STORE forms, ZINTERCARD
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]
/// ```
pub fn zunion(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Union, false, "zunion");
}

/// ```text
/// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]
/// ```
pub fn zinter(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Inter, false, "zinter");
}

/// ```text
/// ZDIFF numkeys key [key ...] [WITHSCORES]
/// ```
pub fn zdiff(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Diff, false, "zdiff");
}

/// ```text
/// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
/// ```
pub fn zunionstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(
        ctx,
        args,
        Some(&args[1]),
        2,
        SetOp::Union,
        false,
        "zunionstore",
    );
}

/// ```text
/// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
/// ```
pub fn zinterstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(
        ctx,
        args,
        Some(&args[1]),
        2,
        SetOp::Inter,
        false,
        "zinterstore",
    );
}

/// ```text
/// ZDIFFSTORE destination numkeys key [key ...]
/// ```
pub fn zdiffstore(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(
        ctx,
        args,
        Some(&args[1]),
        2,
        SetOp::Diff,
        false,
        "zdiffstore",
    );
}

/// ```text
/// ZINTERCARD numkeys key [key ...] [LIMIT limit]
/// ```
pub fn zintercard(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    zset_op(ctx, args, None, 1, SetOp::Inter, true, "zintercard");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetOp {
    Union,
    Inter,
    Diff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aggregate {
    Sum,
    Min,
    Max,
}

/// `zunionInterAggregate`: a sum that is NaN (inf + -inf) becomes 0; MIN and MAX keep the
/// current value when the comparison fails (a NaN operand).
fn aggregate(target: &mut f64, val: f64, how: Aggregate) {
    match how {
        Aggregate::Sum => {
            *target += val;
            if target.is_nan() {
                *target = 0.0;
            }
        }
        Aggregate::Min => {
            if val < *target {
                *target = val;
            }
        }
        Aggregate::Max => {
            if val > *target {
                *target = val;
            }
        }
    }
}

/// An input of ZUNION and friends: a sorted set, a plain set (every score 1), or nothing.
#[derive(Clone, Copy)]
enum Source<'a> {
    Missing,
    Zset(&'a ZSet),
    Set(&'a Set),
}

impl<'a> Source<'a> {
    fn len(&self) -> usize {
        match self {
            Source::Missing => 0,
            Source::Zset(z) => z.len(),
            Source::Set(s) => s.len(),
        }
    }

    /// The member's score in this input.
    fn find(&self, member: &[u8]) -> Option<f64> {
        match self {
            Source::Missing => None,
            Source::Zset(z) => z.score(member),
            Source::Set(s) => s.contains(member).then_some(1.0),
        }
    }

    /// Every member and its score.
    fn members(&self) -> Box<dyn Iterator<Item = (Cow<'a, [u8]>, f64)> + 'a> {
        match *self {
            Source::Missing => Box::new(std::iter::empty()),
            Source::Zset(z) => Box::new(z.iter().map(|(m, s)| (Cow::Borrowed(m), s))),
            Source::Set(s) => Box::new(s.iter().map(|m| {
                let m = match m {
                    Member::Bytes(b) => Cow::Borrowed(b),
                    Member::Int(_) => Cow::Owned(m.to_vec()),
                };
                (m, 1.0)
            })),
        }
    }
}

/// Redis's `zunionInterDiffGenericCommand`.
fn zset_op(
    ctx: &mut Ctx<'_>,
    args: &[Bytes],
    dst: Option<&[u8]>,
    numkeys_idx: usize,
    op: SetOp,
    cardinality_only: bool,
    name: &str,
) {
    let Some(setnum) = arg_i64(ctx.reply, &args[numkeys_idx]) else {
        return;
    };
    if setnum < 1 {
        ctx.reply.error(&errors::zset_no_input_keys(name));
        return;
    }
    let first_key = numkeys_idx + 1;
    let setnum = match usize::try_from(setnum) {
        Ok(n) if n <= args.len() - first_key => n,
        _ => return ctx.reply.error(errors::SYNTAX),
    };
    let keys = &args[first_key..first_key + setnum];
    let now = ctx.now;
    let limits = ListpackLimits::of(ctx.shard);
    let (db, stats, reply) = ctx.parts();
    // Look every input up (expiring, counting hits and misses) and check its type.
    for key in keys {
        match db.get(key, now) {
            None => {
                stats.keyspace_misses += 1;
                db.notify(crate::notify::KEY_MISS, "keymiss", key);
            }
            Some(value) => {
                stats.keyspace_hits += 1;
                if !matches!(value, Value::ZSet(_) | Value::Set(_)) {
                    return reply.error(errors::WRONGTYPE);
                }
            }
        }
    }
    let mut weights = vec![1.0; setnum];
    let mut how = Aggregate::Sum;
    let mut withscores = false;
    let mut limit = 0usize;
    let mut j = first_key + setnum;
    while j < args.len() {
        let remaining = args.len() - j;
        let arg = &args[j][..];
        if op != SetOp::Diff && !cardinality_only && remaining > setnum && is(arg, "weights") {
            j += 1;
            for w in weights.iter_mut() {
                match string2d(&args[j]) {
                    Some(v) => *w = v,
                    None => return reply.error(errors::ZSET_WEIGHT_NOT_FLOAT),
                }
                j += 1;
            }
        } else if op != SetOp::Diff && !cardinality_only && remaining >= 2 && is(arg, "aggregate") {
            let a = &args[j + 1][..];
            how = if is(a, "sum") {
                Aggregate::Sum
            } else if is(a, "min") {
                Aggregate::Min
            } else if is(a, "max") {
                Aggregate::Max
            } else {
                return reply.error(errors::SYNTAX);
            };
            j += 2;
        } else if dst.is_none() && !cardinality_only && is(arg, "withscores") {
            withscores = true;
            j += 1;
        } else if cardinality_only && remaining >= 2 && is(arg, "limit") {
            match parse_i64(&args[j + 1]).and_then(|n| usize::try_from(n).ok()) {
                Some(n) => limit = n,
                None => return reply.error(errors::ZSET_LIMIT_NEGATIVE),
            }
            j += 2;
        } else {
            return reply.error(errors::SYNTAX);
        }
    }

    let view: &Db = db;
    let mut srcs: Vec<(Source<'_>, f64)> = keys
        .iter()
        .zip(&weights)
        .map(|(key, &w)| {
            let src = match view.entries.get(&key[..]) {
                Some(Value::ZSet(z)) => Source::Zset(z),
                Some(Value::Set(s)) => Source::Set(s),
                _ => Source::Missing,
            };
            (src, w)
        })
        .collect();
    if op != SetOp::Diff {
        srcs.sort_by_key(|(s, _)| s.len());
    }
    let mut result: Vec<(Vec<u8>, f64)> = Vec::new();
    let mut cardinality = 0usize;
    match op {
        SetOp::Inter => {
            let (first, w0) = srcs[0];
            for (member, s) in first.members() {
                let mut score = w0 * s;
                if score.is_nan() {
                    score = 0.0;
                }
                let mut all = true;
                for &(src, w) in &srcs[1..] {
                    match src.find(&member) {
                        Some(v) => aggregate(&mut score, v * w, how),
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                if !all {
                    continue;
                }
                if cardinality_only {
                    cardinality += 1;
                    if limit != 0 && cardinality >= limit {
                        break;
                    }
                } else {
                    result.push((member.into_owned(), score));
                }
            }
        }
        SetOp::Union => {
            let mut acc: indexmap::IndexMap<Vec<u8>, f64, ahash::RandomState> =
                indexmap::IndexMap::default();
            for &(src, w) in &srcs {
                for (member, s) in src.members() {
                    let mut score = w * s;
                    if score.is_nan() {
                        score = 0.0;
                    }
                    match acc.get_mut(&member[..]) {
                        Some(cur) => aggregate(cur, score, how),
                        None => {
                            acc.insert(member.into_owned(), score);
                        }
                    }
                }
            }
            result = acc.into_iter().collect();
        }
        SetOp::Diff => {
            let (first, _) = srcs[0];
            for (member, s) in first.members() {
                if srcs[1..].iter().all(|(src, _)| src.find(&member).is_none()) {
                    result.push((member.into_owned(), s));
                }
            }
        }
    }

    if cardinality_only {
        reply.int(cardinality as i64);
        return;
    }
    if let Some(dst) = dst {
        let event = match op {
            SetOp::Union => "zunionstore",
            SetOp::Inter => "zinterstore",
            SetOp::Diff => "zdiffstore",
        };
        let result = (!result.is_empty()).then(|| ZSet::from_items(result, limits));
        store_result(db, reply, dst, result, event);
        return;
    }
    result.sort_by(|a, b| cmp_entry(a.1, &a.0, b.1, &b.0));
    reply_members(reply, &result, withscores);
}

// ---------------------------------------------------------------------------------------------
// ZRANDMEMBER, ZSCAN
// ---------------------------------------------------------------------------------------------

/// ```text
/// ZRANDMEMBER key [count [WITHSCORES]]
/// ```
pub fn zrandmember(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if args.len() >= 3 {
        let Some(l) = arg_i64(ctx.reply, &args[2]) else {
            return;
        };
        if l == i64::MIN {
            ctx.reply.error(errors::ZSET_RANDMEMBER_COUNT_RANGE);
            return;
        }
        if args.len() > 4 || (args.len() == 4 && !is(&args[3], "withscores")) {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        let withscores = args.len() == 4;
        if withscores && !(-(i64::MAX / 2)..=i64::MAX / 2).contains(&l) {
            ctx.reply.error(errors::ZSET_VALUE_OUT_OF_RANGE);
            return;
        }
        zrandmember_with_count(ctx, &args[1], l, withscores);
        return;
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    match lookup_read(db, &mut shard.stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.null(),
        Ok(Some(z)) => match z.dense_at(shard.rng.below(z.len().max(1))) {
            Some((m, _)) => reply.bulk(m),
            None => reply.null(),
        },
    }
}

/// `zrandmemberWithCountCommand`: a negative count allows repeats; a positive one returns
/// distinct members, the whole set (from the highest score down, as Redis iterates) when it
/// asks for at least as many as there are.
fn zrandmember_with_count(ctx: &mut Ctx<'_>, key: &[u8], l: i64, withscores: bool) {
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let db = &mut shard.dbs[ctx.db];
    let rng = &mut shard.rng;
    let z = match lookup_read(db, &mut shard.stats, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => return reply.array(0),
        Ok(Some(z)) => z,
    };
    let size = z.len();
    let uniq = l >= 0;
    let count = l.unsigned_abs() as usize;
    if count == 0 || size == 0 {
        reply.array(0);
        return;
    }
    let resp3 = reply.resp3();
    let emit = |reply: &mut Reply, m: &[u8], s: f64| {
        if withscores && resp3 {
            reply.array(2);
        }
        reply.bulk(m);
        if withscores {
            reply.double(s);
        }
    };
    let header = |reply: &mut Reply, n: usize| {
        reply.array(if withscores && !resp3 { n * 2 } else { n });
    };
    if !uniq || count == 1 {
        header(reply, count);
        for _ in 0..count {
            if let Some((m, s)) = z.dense_at(rng.below(size)) {
                emit(reply, m, s);
            }
        }
        return;
    }
    if count >= size {
        header(reply, size);
        for (m, s) in z.iter_from(size - 1, true) {
            emit(reply, m, s);
        }
        return;
    }
    // `count` distinct members in random order: a partial Fisher-Yates shuffle of the dense
    // indices when it picks a good part of the set, rejection sampling otherwise.
    header(reply, count);
    if count * 3 > size {
        let mut idx: Vec<usize> = (0..size).collect();
        for i in 0..count {
            let k = i + rng.below(size - i);
            idx.swap(i, k);
            if let Some((m, s)) = z.dense_at(idx[i]) {
                emit(reply, m, s);
            }
        }
    } else {
        let mut seen = ahash::AHashSet::with_capacity(count);
        while seen.len() < count {
            let i = rng.below(size);
            if seen.insert(i) {
                if let Some((m, s)) = z.dense_at(i) {
                    emit(reply, m, s);
                }
            }
        }
    }
}

/// ```text
/// ZSCAN key cursor [MATCH pattern] [COUNT count]
/// ```
///
/// A listpack is returned whole with cursor 0, as Redis does. A skiplist is walked like the
/// key table (`keys::scan`) over its map's dense indices, from the top down: cursor 0
/// starts at the last index, `c >= 1` continues at index `c - 1` (or at the last index if
/// the set shrank below it); each call visits COUNT members and the next cursor is 0 when
/// done. Removal moves the last member into the hole, which the walk has already passed, so
/// a member present for the whole scan is returned at least once.
pub fn zscan(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(cursor) = parse_cursor(&args[2]) else {
        ctx.reply.error(errors::INVALID_CURSOR);
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let z = match lookup_read(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(2);
            reply.bulk(b"0");
            reply.array(0);
            return;
        }
        Ok(Some(z)) => z,
    };
    let mut count: i64 = 10;
    let mut pattern: Option<&[u8]> = None;
    let mut i = 3;
    while i < args.len() {
        let more = args.len() - i;
        let opt = &args[i][..];
        if is(opt, "count") && more >= 2 {
            match parse_i64(&args[i + 1]) {
                None => return reply.error(errors::NOT_INTEGER),
                Some(n) if n < 1 => return reply.error(errors::SYNTAX),
                Some(n) => count = n,
            }
        } else if is(opt, "match") && more >= 2 {
            let p = &args[i + 1][..];
            pattern = (p != b"*").then_some(p);
        } else {
            return reply.error(errors::SYNTAX);
        }
        i += 2;
    }
    let keep = |m: &[u8]| pattern.is_none_or(|p| glob_match(p, m, false));
    let mut found: Vec<(&[u8], String)> = Vec::new();
    let mut next = 0usize;
    match &z.repr {
        Repr::Listpack(v) => {
            for item in v.iter().filter(|i| keep(&i.member)) {
                found.push((&item.member, listpack_score_text(item.score)));
            }
        }
        Repr::Skiplist(_) => {
            let len = z.len();
            if len > 0 {
                let top = match cursor {
                    0 => len - 1,
                    c => usize::try_from(c - 1).map_or(len - 1, |c| c.min(len - 1)),
                };
                let visit = usize::try_from(count).unwrap_or(usize::MAX).min(top + 1);
                let bottom = top + 1 - visit;
                for index in (bottom..=top).rev() {
                    if let Some((m, s)) = z.dense_at(index) {
                        if keep(m) {
                            found.push((m, format_double(s)));
                        }
                    }
                }
                next = bottom;
            }
        }
    }
    reply.array(2);
    reply.bulk(next.to_string().as_bytes());
    reply.array(found.len() * 2);
    for (m, s) in &found {
        reply.bulk(m);
        reply.bulk(s.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Reply;
    use crate::shard::Shard;
    use crate::types::{set, string};
    use crate::Handler;

    /// A test bench: one shard, database 0, time 0, RESP2 unless switched.
    struct Bench {
        shard: Shard,
        resp3: bool,
    }

    impl Bench {
        fn new() -> Bench {
            Bench {
                shard: Shard::new(16, 42),
                resp3: false,
            }
        }

        /// Runs one command given as words, returning the raw reply.
        fn run(&mut self, handler: Handler, words: &[&str]) -> String {
            let args: Vec<Bytes> = words
                .iter()
                .map(|w| Bytes::copy_from_slice(w.as_bytes()))
                .collect();
            self.run_args(handler, &args)
        }

        fn run_args(&mut self, handler: Handler, args: &[Bytes]) -> String {
            let mut reply = Reply::new(self.resp3);
            self.shard.run(handler, 0, 0, args, &mut reply);
            String::from_utf8_lossy(reply.as_bytes()).into_owned()
        }

        fn zset(&mut self, key: &str) -> Option<&ZSet> {
            match self.shard.dbs[0].get(key.as_bytes(), 0) {
                Some(Value::ZSet(z)) => Some(z),
                _ => None,
            }
        }

        fn encoding(&mut self, key: &str) -> &'static str {
            self.zset(key).map_or("none", |z| z.encoding())
        }

        fn exists(&mut self, key: &str) -> bool {
            self.shard.dbs[0].contains(key.as_bytes(), 0)
        }
    }

    fn bulk(s: &str) -> String {
        format!("${}\r\n{}\r\n", s.len(), s)
    }

    fn int(n: i64) -> String {
        format!(":{n}\r\n")
    }

    fn err(text: &str) -> String {
        format!("-{text}\r\n")
    }

    /// A RESP2 array of bulk strings.
    fn arr(items: &[&str]) -> String {
        let mut s = format!("*{}\r\n", items.len());
        for i in items {
            s.push_str(&bulk(i));
        }
        s
    }

    const NULL: &str = "$-1\r\n";
    const NULL_ARRAY: &str = "*-1\r\n";
    const EMPTY: &str = "*0\r\n";

    /// A bench with `key` holding `pairs` (score, member).
    fn with(key: &str, pairs: &[(&str, &str)]) -> Bench {
        let mut b = Bench::new();
        add(&mut b, key, pairs);
        b
    }

    fn add(b: &mut Bench, key: &str, pairs: &[(&str, &str)]) {
        let mut words = vec!["ZADD", key];
        for (s, m) in pairs {
            words.push(s);
            words.push(m);
        }
        let r = b.run(zadd, &words);
        assert!(r.starts_with(':'), "{r}");
    }

    fn abc() -> Bench {
        with("z", &[("1", "a"), ("2", "b"), ("3", "c")])
    }

    #[test]
    fn zadd_adds_and_updates() {
        let mut b = Bench::new();
        assert_eq!(b.run(zadd, &["ZADD", "z", "1", "a", "2", "b"]), int(2));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "3", "a", "2", "b", "4", "c"]),
            int(1)
        );
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "CH", "5", "a", "2", "b", "6", "d"]),
            int(2)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "-1", "WITHSCORES"]),
            arr(&["b", "2", "c", "4", "a", "5", "d", "6"])
        );
        assert_eq!(b.run(zadd, &["ZADD", "z", "1", "a", "1", "a"]), int(0));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("1"));
    }

    #[test]
    fn zadd_flags() {
        let mut b = abc();
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "NX", "10", "a", "4", "d"]),
            int(1)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("1"));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "XX", "10", "a", "5", "e"]),
            int(0)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("10"));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "e"]), NULL);
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "XX", "CH", "11", "a", "2", "b"]),
            int(1)
        );
        assert_eq!(
            b.run(
                zadd,
                &["ZADD", "z", "GT", "CH", "5", "a", "20", "b", "1", "f"]
            ),
            int(2)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("11"));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "b"]), bulk("20"));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "lt", "ch", "5", "a", "30", "b"]),
            int(1)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("5"));
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "XX", "GT", "1", "a", "7", "zz"]),
            int(0)
        );
        // XX on a missing key creates nothing.
        assert_eq!(b.run(zadd, &["ZADD", "new", "XX", "1", "a"]), int(0));
        assert!(!b.exists("new"));
        assert_eq!(b.run(zadd, &["ZADD", "new", "XX", "INCR", "1", "a"]), NULL);
        assert!(!b.exists("new"));
    }

    #[test]
    fn zadd_incr_and_zincrby() {
        let mut b = Bench::new();
        assert_eq!(b.run(zadd, &["ZADD", "z", "INCR", "1.5", "a"]), bulk("1.5"));
        assert_eq!(b.run(zadd, &["ZADD", "z", "INCR", "1.5", "a"]), bulk("3"));
        assert_eq!(b.run(zincrby, &["ZINCRBY", "z", "-4", "a"]), bulk("-1"));
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "0.1", "b"]),
            bulk("0.10000000000000001")
        );
        assert_eq!(b.run(zadd, &["ZADD", "z", "NX", "INCR", "1", "a"]), NULL);
        assert_eq!(b.run(zadd, &["ZADD", "z", "GT", "INCR", "-1", "a"]), NULL);
        assert_eq!(
            b.run(zadd, &["ZADD", "z", "GT", "INCR", "1", "a"]),
            bulk("0")
        );
        assert_eq!(b.run(zadd, &["ZADD", "z", "INCR", "0", "a"]), bulk("0"));
        assert_eq!(b.run(zincrby, &["ZINCRBY", "z", "inf", "a"]), bulk("inf"));
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "-inf", "a"]),
            err(errors::ZSET_NAN)
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "a"]), bulk("inf"));
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "nan", "a"]),
            err(errors::NOT_FLOAT)
        );
        // ZINCRBY reads flags like ZADD does.
        assert_eq!(
            b.run(zincrby, &["ZINCRBY", "z", "nx", "a"]),
            err(errors::SYNTAX)
        );
        b.resp3 = true;
        assert_eq!(b.run(zincrby, &["ZINCRBY", "z", "1", "c"]), ",1\r\n");
        assert_eq!(b.run(zadd, &["ZADD", "z", "NX", "INCR", "1", "c"]), "_\r\n");
    }

    #[test]
    fn zadd_errors_in_redis_order() {
        let mut b = Bench::new();
        for (words, e) in [
            (&["ZADD", "z", "1"][..], errors::SYNTAX),
            (&["ZADD", "z", "NX"], errors::SYNTAX),
            (&["ZADD", "z", "1", "a", "2"], errors::SYNTAX),
            (&["ZADD", "z", "NX", "XX", "1", "a"], errors::ZSET_NX_XX),
            (&["ZADD", "z", "NX", "GT", "1", "a"], errors::ZSET_GT_LT_NX),
            (&["ZADD", "z", "LT", "NX", "1", "a"], errors::ZSET_GT_LT_NX),
            (&["ZADD", "z", "GT", "LT", "1", "a"], errors::ZSET_GT_LT_NX),
            (
                &["ZADD", "z", "INCR", "1", "a", "2", "b"],
                errors::ZSET_INCR_PAIR,
            ),
            (&["ZADD", "z", "x", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1", "a", "nan", "b"], errors::NOT_FLOAT),
            (&["ZADD", "z", " 1", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1 ", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1e400", "a"], errors::NOT_FLOAT),
            (&["ZADD", "z", "1e-400", "a"], errors::NOT_FLOAT),
        ] {
            assert_eq!(b.run(zadd, words), err(e), "{words:?}");
        }
        assert!(!b.exists("z"), "a failed ZADD creates nothing");
        b.run(string::set, &["SET", "s", "x"]);
        assert_eq!(
            b.run(zadd, &["ZADD", "s", "1", "a"]),
            err(errors::WRONGTYPE)
        );
        // Score errors come before the type check.
        assert_eq!(
            b.run(zadd, &["ZADD", "s", "x", "a"]),
            err(errors::NOT_FLOAT)
        );
    }

    #[test]
    fn scores_parse_like_string2d() {
        for (text, v) in [
            ("1", 1.0),
            ("-1.5", -1.5),
            ("+2", 2.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e3", 1000.0),
            ("1E-3", 0.001),
            ("0x10", 16.0),
            ("0x1.8p1", 3.0),
            ("-0x.8", -0.5),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+INF", f64::INFINITY),
            ("5e-324", 5e-324),
            ("1.7976931348623157e308", f64::MAX),
        ] {
            assert_eq!(string2d(text.as_bytes()), Some(v), "{text:?}");
        }
        for bad in [
            "",
            " 1",
            "1 ",
            "abc",
            "nan",
            "-nan",
            "1e",
            "1e+",
            "0x",
            "1.5\0",
            "1e309",
            "1e-400",
            "0x1p-1080",
            "0x1p1024",
            "infinit",
            "--1",
            "1,5",
        ] {
            assert_eq!(string2d(bad.as_bytes()), None, "{bad:?}");
        }
        assert!(string2d(b"-0").is_some_and(|v| v == 0.0 && v.is_sign_negative()));
        // Hexadecimal rounds to nearest even, subnormals included.
        assert_eq!(string2d(b"0x1.00000000000008p0"), Some(1.0));
        assert_eq!(
            string2d(b"0x1.00000000000018p0"),
            Some(1.0 + 2.0 * f64::EPSILON)
        );
        assert_eq!(string2d(b"0x1p-1074"), Some(5e-324));
        assert_eq!(string2d(b"0x1.fffffffffffff8p1023"), None);
        assert_eq!(
            string2d(b"0x123456789abcdef01p0"),
            Some(20988295479420645121.0)
        );
        assert_eq!(string2d(b"1e99999999999999999999"), None);
        assert_eq!(string2d(b"1e-99999999999999999999"), None);
        assert_eq!(string2d(b"0e99999999999999999999"), Some(0.0));
        assert_eq!(string2d(&[b'1'; 400]), None);
        assert!(parse_score_bound(b"1e99999999999999999999").is_some_and(|(v, _)| v.is_infinite()));
    }

    #[test]
    fn ranges_parse_like_redis() {
        let r = parse_score_range(b"(1", b"+inf").unwrap();
        assert!(r.minex && !r.maxex && r.min == 1.0 && r.max == f64::INFINITY);
        // zslParseRange uses strtod on the C string: "" is 0, leading space is fine, text
        // after a NUL is ignored, trailing junk is not.
        assert!(parse_score_range(b"", b"(").is_some_and(|r| r.min == 0.0 && r.maxex));
        assert!(parse_score_range(b" 1", b"2\0junk").is_some_and(|r| r.min == 1.0 && r.max == 2.0));
        assert!(parse_score_range(b"1e999", b"0x10").is_some_and(|r| r.min.is_infinite()));
        for bad in [&b"1 "[..], b"x", b"nan", b"((1", b"[1"] {
            assert!(parse_score_range(bad, b"1").is_none(), "{bad:?}");
        }
        assert!(parse_lex_range(b"-", b"+").is_some());
        assert!(parse_lex_range(b"+\0x", b"[a").is_some());
        assert!(parse_lex_range(b"(", b"[").is_some());
        for bad in [&b""[..], b"a", b"+a", b"-a", b"1"] {
            assert!(parse_lex_range(bad, b"+").is_none(), "{bad:?}");
        }
        assert!(parse_lex_range(b"-", b"-").unwrap().is_void());
        assert!(parse_lex_range(b"+", b"+").unwrap().is_void());
        assert!(parse_lex_range(b"+", b"-").unwrap().is_void());
        assert!(parse_lex_range(b"(a", b"[a").unwrap().is_void());
        assert!(!parse_lex_range(b"[a", b"[a").unwrap().is_void());
    }

    #[test]
    fn timeouts_parse_like_redis() {
        assert_eq!(parse_timeout(b"0"), Ok(0));
        assert_eq!(parse_timeout(b"1.5"), Ok(1500));
        assert_eq!(parse_timeout(b"0x10"), Ok(16000));
        assert_eq!(parse_timeout(b"-0.0001"), Ok(0));
        for bad in [&b"abc"[..], b" 1", b"", b"nan", b"1 "] {
            assert_eq!(
                parse_timeout(bad),
                Err(errors::TIMEOUT_NOT_FLOAT),
                "{bad:?}"
            );
        }
        for neg in [&b"-1"[..], b"inf", b"-inf", b"1e30", b"9.3e15", b"1e3000"] {
            assert_eq!(parse_timeout(neg), Err(errors::TIMEOUT_NEGATIVE), "{neg:?}");
        }
        assert_eq!(parse_timeout(b"9.2e15"), Ok(9_200_000_000_000_000_000));
    }

    #[test]
    fn zscore_zmscore_zcard() {
        let mut b = abc();
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "b"]), bulk("2"));
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "x"]), NULL);
        assert_eq!(b.run(zscore, &["ZSCORE", "nokey", "x"]), NULL);
        assert_eq!(
            b.run(zmscore, &["ZMSCORE", "z", "a", "x", "c"]),
            format!("*3\r\n{}{NULL}{}", bulk("1"), bulk("3"))
        );
        assert_eq!(
            b.run(zmscore, &["ZMSCORE", "nokey", "a"]),
            format!("*1\r\n{NULL}")
        );
        assert_eq!(b.run(zcard, &["ZCARD", "z"]), int(3));
        assert_eq!(b.run(zcard, &["ZCARD", "nokey"]), int(0));
        b.resp3 = true;
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "b"]), ",2\r\n");
        assert_eq!(
            b.run(zmscore, &["ZMSCORE", "z", "a", "x"]),
            "*2\r\n,1\r\n_\r\n"
        );
        assert_eq!(b.run(zscore, &["ZSCORE", "z", "x"]), "_\r\n");
    }

    #[test]
    fn read_commands_count_hits_and_misses() {
        let mut b = abc();
        b.run(zscore, &["ZSCORE", "z", "a"]);
        b.run(zcard, &["ZCARD", "nokey"]);
        b.run(zunion, &["ZUNION", "2", "z", "nokey"]);
        assert_eq!(
            (b.shard.stats.keyspace_hits, b.shard.stats.keyspace_misses),
            (2, 2)
        );
        b.run(zadd, &["ZADD", "z", "1", "a"]);
        b.run(zpopmin, &["ZPOPMIN", "nokey"]);
        assert_eq!(
            (b.shard.stats.keyspace_hits, b.shard.stats.keyspace_misses),
            (2, 2)
        );
    }

    #[test]
    fn zrank_and_zrevrank() {
        let mut b = abc();
        assert_eq!(b.run(zrank, &["ZRANK", "z", "a"]), int(0));
        assert_eq!(b.run(zrank, &["ZRANK", "z", "c"]), int(2));
        assert_eq!(b.run(zrevrank, &["ZREVRANK", "z", "c"]), int(0));
        assert_eq!(b.run(zrevrank, &["ZREVRANK", "z", "a"]), int(2));
        assert_eq!(b.run(zrank, &["ZRANK", "z", "x"]), NULL);
        assert_eq!(b.run(zrank, &["ZRANK", "nokey", "x"]), NULL);
    }

    #[test]
    fn every_command_refuses_other_types() {
        let mut b = Bench::new();
        b.run(string::set, &["SET", "s", "x"]);
        let wrong = err(errors::WRONGTYPE);
        let cases: &[(Handler, &[&str])] = &[
            (zadd, &["ZADD", "s", "1", "a"]),
            (zincrby, &["ZINCRBY", "s", "1", "a"]),
            (zscore, &["ZSCORE", "s", "a"]),
            (zmscore, &["ZMSCORE", "s", "a"]),
            (zrank, &["ZRANK", "s", "a"]),
            (zrevrank, &["ZREVRANK", "s", "a"]),
            (zcard, &["ZCARD", "s"]),
            (zcount, &["ZCOUNT", "s", "0", "1"]),
            (zlexcount, &["ZLEXCOUNT", "s", "-", "+"]),
            (zrange, &["ZRANGE", "s", "0", "1"]),
            (zrangebyscore, &["ZRANGEBYSCORE", "s", "0", "1"]),
            (zrevrangebyscore, &["ZREVRANGEBYSCORE", "s", "0", "1"]),
            (zrangebylex, &["ZRANGEBYLEX", "s", "-", "+"]),
            (zrevrangebylex, &["ZREVRANGEBYLEX", "s", "+", "-"]),
            (zrevrange, &["ZREVRANGE", "s", "0", "1"]),
            (zrangestore, &["ZRANGESTORE", "d", "s", "0", "1"]),
            (zrem, &["ZREM", "s", "a"]),
            (zremrangebyrank, &["ZREMRANGEBYRANK", "s", "0", "1"]),
            (zremrangebyscore, &["ZREMRANGEBYSCORE", "s", "0", "1"]),
            (zremrangebylex, &["ZREMRANGEBYLEX", "s", "-", "+"]),
            (zpopmin, &["ZPOPMIN", "s"]),
            (zpopmax, &["ZPOPMAX", "s", "0"]),
            (bzpopmin, &["BZPOPMIN", "s", "0"]),
            (bzpopmax, &["BZPOPMAX", "nokey", "s", "0"]),
            (zmpop, &["ZMPOP", "2", "nokey", "s", "MIN"]),
            (bzmpop, &["BZMPOP", "0", "1", "s", "MAX"]),
            (zunion, &["ZUNION", "1", "s"]),
            (zinter, &["ZINTER", "1", "s"]),
            (zdiff, &["ZDIFF", "1", "s"]),
            (zunionstore, &["ZUNIONSTORE", "d", "1", "s"]),
            (zinterstore, &["ZINTERSTORE", "d", "1", "s"]),
            (zdiffstore, &["ZDIFFSTORE", "d", "1", "s"]),
            (zintercard, &["ZINTERCARD", "1", "s"]),
            (zrandmember, &["ZRANDMEMBER", "s"]),
            (zrandmember, &["ZRANDMEMBER", "s", "0"]),
            (zscan, &["ZSCAN", "s", "0"]),
        ];
        for (handler, words) in cases {
            assert_eq!(b.run(*handler, words), wrong, "{words:?}");
        }
        assert!(!b.exists("d"));
    }

    #[test]
    fn zrange_by_rank() {
        let mut b = abc();
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "-1"]),
            arr(&["a", "b", "c"])
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "1", "1"]), arr(&["b"]));
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "-2", "100"]),
            arr(&["b", "c"])
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "-100", "0"]), arr(&["a"]));
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "2", "1"]), EMPTY);
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "3", "10"]), EMPTY);
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "-1", "REV"]),
            arr(&["c", "b", "a"])
        );
        assert_eq!(
            b.run(zrevrange, &["ZREVRANGE", "z", "0", "0", "WITHSCORES"]),
            arr(&["c", "3"])
        );
        assert_eq!(
            b.run(zrevrange, &["ZREVRANGE", "z", "1", "-1"]),
            arr(&["b", "a"])
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "nokey", "0", "-1"]), EMPTY);
        // LIMIT 0 -1 is no LIMIT at all.
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "0", "LIMIT", "0", "-1"]),
            arr(&["a"])
        );
        b.resp3 = true;
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "0", "1", "WITHSCORES"]),
            format!("*2\r\n*2\r\n{},1\r\n*2\r\n{},2\r\n", bulk("a"), bulk("b"))
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "0", "0"]), arr(&["a"]));
    }

    #[test]
    fn zrange_option_errors() {
        let mut b = abc();
        for (words, e) in [
            (
                &["ZRANGE", "z", "0", "1", "BYSCORE", "BYLEX"][..],
                errors::SYNTAX,
            ),
            (&["ZRANGE", "z", "0", "1", "REV", "REV"], errors::SYNTAX),
            (&["ZRANGE", "z", "0", "1", "LIMIT", "1"], errors::SYNTAX),
            (
                &["ZRANGE", "z", "0", "1", "LIMIT", "x", "1"],
                errors::NOT_INTEGER,
            ),
            (
                &["ZRANGE", "z", "0", "1", "LIMIT", "0", "1"],
                errors::ZSET_LIMIT_RANK,
            ),
            (
                &["ZRANGE", "z", "-", "+", "BYLEX", "WITHSCORES"],
                errors::ZSET_WITHSCORES_LEX,
            ),
            (&["ZRANGE", "z", "a", "1"], errors::NOT_INTEGER),
            (&["ZRANGE", "z", "0", "1", "foo"], errors::SYNTAX),
            (
                &["ZRANGE", "z", "x", "1", "BYSCORE"],
                errors::ZSET_MINMAX_FLOAT,
            ),
            (&["ZRANGE", "z", "a", "+", "BYLEX"], errors::ZSET_MINMAX_LEX),
            (&["ZREVRANGE", "z", "0", "1", "REV"], errors::SYNTAX),
            (&["ZRANGEBYSCORE", "z", "0", "1", "BYSCORE"], errors::SYNTAX),
            (&["ZRANGEBYSCORE", "z", "0", "1", "REV"], errors::SYNTAX),
            (
                &["ZRANGEBYLEX", "z", "-", "+", "WITHSCORES"],
                errors::ZSET_WITHSCORES_LEX,
            ),
            (
                &["ZRANGESTORE", "d", "z", "0", "1", "WITHSCORES"],
                errors::SYNTAX,
            ),
        ] {
            assert_eq!(b.run(zrange_handler(words[0]), words), err(e), "{words:?}");
        }
        // Option errors come before the key's type is checked.
        b.run(string::set, &["SET", "s", "x"]);
        assert_eq!(
            b.run(zrange, &["ZRANGE", "s", "0", "1", "x"]),
            err(errors::SYNTAX)
        );
    }

    fn zrange_handler(name: &str) -> Handler {
        match name {
            "ZRANGE" => zrange,
            "ZREVRANGE" => zrevrange,
            "ZRANGEBYSCORE" => zrangebyscore,
            "ZREVRANGEBYSCORE" => zrevrangebyscore,
            "ZRANGEBYLEX" => zrangebylex,
            "ZREVRANGEBYLEX" => zrevrangebylex,
            _ => zrangestore,
        }
    }

    #[test]
    fn zrange_by_score() {
        let mut b = with(
            "z",
            &[
                ("1", "a"),
                ("2", "b"),
                ("2", "bb"),
                ("3", "c"),
                ("inf", "i"),
                ("-inf", "n"),
            ],
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "2", "3"]),
            arr(&["b", "bb", "c"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(2", "3"]),
            arr(&["c"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(1", "(3"]),
            arr(&["b", "bb"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "-inf", "+inf"]),
            arr(&["n", "a", "b", "bb", "c", "i"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(-inf", "(inf"]),
            arr(&["a", "b", "bb", "c"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "3", "2"]),
            EMPTY
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "(2", "2"]),
            EMPTY
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "z", "1.5", "1.7"]),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &[
                    "ZRANGEBYSCORE",
                    "z",
                    "1",
                    "3",
                    "WITHSCORES",
                    "LIMIT",
                    "1",
                    "2"
                ]
            ),
            arr(&["b", "2", "bb", "2"])
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "1", "-5"]
            ),
            arr(&["b", "bb", "c"])
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "1", "0"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "-1", "2"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "4", "2"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "z", "1", "3", "LIMIT", "100", "2"]
            ),
            EMPTY
        );
        assert_eq!(
            b.run(zrevrangebyscore, &["ZREVRANGEBYSCORE", "z", "3", "2"]),
            arr(&["c", "bb", "b"])
        );
        assert_eq!(
            b.run(
                zrevrangebyscore,
                &["ZREVRANGEBYSCORE", "z", "+inf", "(2", "LIMIT", "1", "1"]
            ),
            arr(&["c"])
        );
        assert_eq!(
            b.run(
                zrange,
                &["ZRANGE", "z", "(3", "2", "BYSCORE", "REV", "WITHSCORES"]
            ),
            arr(&["bb", "2", "b", "2"])
        );
        assert_eq!(
            b.run(
                zrange,
                &["ZRANGE", "z", "2", "(3", "BYSCORE", "LIMIT", "0", "1"]
            ),
            arr(&["b"])
        );
        assert_eq!(
            b.run(zrangebyscore, &["ZRANGEBYSCORE", "nokey", "1", "2"]),
            EMPTY
        );
        assert_eq!(b.run(zcount, &["ZCOUNT", "z", "2", "3"]), int(3));
        assert_eq!(b.run(zcount, &["ZCOUNT", "z", "-inf", "+inf"]), int(6));
        assert_eq!(b.run(zcount, &["ZCOUNT", "z", "(3", "(inf"]), int(0));
        assert_eq!(
            b.run(zcount, &["ZCOUNT", "z", "x", "1"]),
            err(errors::ZSET_MINMAX_FLOAT)
        );
        assert_eq!(b.run(zcount, &["ZCOUNT", "nokey", "0", "1"]), int(0));
    }

    #[test]
    fn zrange_by_lex() {
        let mut b = with(
            "z",
            &[("0", "a"), ("0", "b"), ("0", "c"), ("0", "d"), ("0", "")],
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "-", "+"]),
            arr(&["", "a", "b", "c", "d"])
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "[b", "(d"]),
            arr(&["b", "c"])
        );
        assert_eq!(
            b.run(
                zrangebylex,
                &["ZRANGEBYLEX", "z", "(b", "+", "LIMIT", "1", "5"]
            ),
            arr(&["d"])
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "(", "[a"]),
            arr(&["a"])
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "[", "[a"]),
            arr(&["", "a"])
        );
        assert_eq!(b.run(zrangebylex, &["ZRANGEBYLEX", "z", "+", "-"]), EMPTY);
        assert_eq!(
            b.run(zrevrangebylex, &["ZREVRANGEBYLEX", "z", "[c", "-"]),
            arr(&["c", "b", "a", ""])
        );
        assert_eq!(
            b.run(
                zrevrangebylex,
                &["ZREVRANGEBYLEX", "z", "+", "(a", "LIMIT", "0", "2"]
            ),
            arr(&["d", "c"])
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "z", "[c", "[a", "BYLEX", "REV"]),
            arr(&["c", "b", "a"])
        );
        assert_eq!(b.run(zlexcount, &["ZLEXCOUNT", "z", "-", "+"]), int(5));
        assert_eq!(b.run(zlexcount, &["ZLEXCOUNT", "z", "(a", "[c"]), int(2));
        assert_eq!(b.run(zlexcount, &["ZLEXCOUNT", "z", "[e", "+"]), int(0));
        assert_eq!(
            b.run(zlexcount, &["ZLEXCOUNT", "z", "a", "+"]),
            err(errors::ZSET_MINMAX_LEX)
        );
        assert_eq!(
            b.run(zrangebylex, &["ZRANGEBYLEX", "z", "[a", "c"]),
            err(errors::ZSET_MINMAX_LEX)
        );
    }

    #[test]
    fn zrangestore_stores_and_deletes() {
        let mut b = abc();
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "1", "-1"]),
            int(2)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "d", "0", "-1", "WITHSCORES"]),
            arr(&["b", "2", "c", "3"])
        );
        assert_eq!(
            b.run(
                zrangestore,
                &[
                    "ZRANGESTORE",
                    "d",
                    "z",
                    "+inf",
                    "(1",
                    "BYSCORE",
                    "REV",
                    "LIMIT",
                    "0",
                    "1"
                ]
            ),
            int(1)
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "d", "0", "-1"]), arr(&["c"]));
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "[a", "[b", "BYLEX"]),
            int(2)
        );
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "5", "6"]),
            int(0)
        );
        assert!(!b.exists("d"));
        b.run(string::set, &["SET", "d", "x"]);
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "nokey", "0", "-1"]),
            int(0)
        );
        assert!(!b.exists("d"));
        b.run(string::set, &["SET", "d", "x"]);
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "d", "z", "0", "0"]),
            int(1)
        );
        assert_eq!(b.encoding("d"), "listpack");
        assert_eq!(
            b.run(zrangestore, &["ZRANGESTORE", "z", "z", "0", "0"]),
            int(1)
        );
        assert_eq!(b.run(zcard, &["ZCARD", "z"]), int(1));
    }

    #[test]
    fn zrem_and_zremrange_delete_emptied_keys() {
        let mut b = abc();
        assert_eq!(b.run(zrem, &["ZREM", "z", "a", "x", "a"]), int(1));
        assert_eq!(b.run(zrem, &["ZREM", "nokey", "a"]), int(0));
        assert_eq!(b.run(zrem, &["ZREM", "z", "b", "c", "d"]), int(2));
        assert!(!b.exists("z"));
        let mut b = with("z", &[("1", "a"), ("2", "b"), ("3", "c"), ("4", "d")]);
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "1", "2"]),
            int(2)
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "z", "0", "-1"]), arr(&["a", "d"]));
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "5", "9"]),
            int(0)
        );
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "x", "9"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "-100", "100"]),
            int(2)
        );
        assert!(!b.exists("z"));
        let mut b = with("z", &[("1", "a"), ("2", "b"), ("3", "c"), ("4", "d")]);
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "(1", "3"]),
            int(2)
        );
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "5", "3"]),
            int(0)
        );
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "x", "3"]),
            err(errors::ZSET_MINMAX_FLOAT)
        );
        assert_eq!(
            b.run(zremrangebyscore, &["ZREMRANGEBYSCORE", "z", "-inf", "+inf"]),
            int(2)
        );
        assert!(!b.exists("z"));
        let mut b = with("z", &[("0", "a"), ("0", "b"), ("0", "c"), ("0", "d")]);
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "z", "[b", "(d"]),
            int(2)
        );
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "z", "x", "+"]),
            err(errors::ZSET_MINMAX_LEX)
        );
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "nokey", "-", "+"]),
            int(0)
        );
        assert_eq!(
            b.run(zremrangebylex, &["ZREMRANGEBYLEX", "z", "-", "+"]),
            int(2)
        );
        assert!(!b.exists("z"));
    }

    #[test]
    fn zpopmin_and_zpopmax() {
        let mut b = abc();
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z"]), arr(&["a", "1"]));
        assert_eq!(
            b.run(zpopmax, &["ZPOPMAX", "z", "5"]),
            arr(&["c", "3", "b", "2"])
        );
        assert!(!b.exists("z"));
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z"]), EMPTY);
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z", "0"]), EMPTY);
        let mut b = abc();
        assert_eq!(b.run(zpopmin, &["ZPOPMIN", "z", "0"]), EMPTY);
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "-1"]),
            err(errors::ZSET_NOT_POSITIVE)
        );
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "x"]),
            err(errors::ZSET_NOT_POSITIVE)
        );
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "1", "2"]),
            err(errors::SYNTAX)
        );
        b.resp3 = true;
        // RESP3 nests pairs only when a count is given.
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z"]),
            format!("*2\r\n{},1\r\n", bulk("a"))
        );
        assert_eq!(
            b.run(zpopmin, &["ZPOPMIN", "z", "1"]),
            format!("*1\r\n*2\r\n{},2\r\n", bulk("b"))
        );
    }

    #[test]
    fn blocking_pops_without_waiting() {
        let mut b = abc();
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "nokey", "z", "0"]),
            arr(&["z", "a", "1"])
        );
        assert_eq!(
            b.run(bzpopmax, &["BZPOPMAX", "z", "0.5"]),
            arr(&["z", "c", "3"])
        );
        assert_eq!(b.run(bzpopmax, &["BZPOPMAX", "nokey", "1"]), NULL_ARRAY);
        assert_eq!(
            b.run(bzpopmax, &["BZPOPMAX", "z", "x"]),
            err(errors::TIMEOUT_NOT_FLOAT)
        );
        assert_eq!(
            b.run(bzpopmax, &["BZPOPMAX", "z", "-1"]),
            err(errors::TIMEOUT_NEGATIVE)
        );
        b.run(string::set, &["SET", "s", "x"]);
        // The timeout is checked before the keys.
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "s", "x"]),
            err(errors::TIMEOUT_NOT_FLOAT)
        );
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "z", "s", "0"]),
            arr(&["z", "b", "2"])
        );
        assert!(!b.exists("z"));
        b.resp3 = true;
        assert_eq!(b.run(bzpopmin, &["BZPOPMIN", "nokey", "0"]), "_\r\n");
        add(&mut b, "z", &[("1.5", "a")]);
        assert_eq!(
            b.run(bzpopmin, &["BZPOPMIN", "z", "0"]),
            format!("*3\r\n{}{},1.5\r\n", bulk("z"), bulk("a"))
        );
    }

    #[test]
    fn zmpop_and_bzmpop() {
        let mut b = abc();
        add(&mut b, "y", &[("5", "e")]);
        let nested = |key: &str, pairs: &[(&str, &str)]| {
            let mut s = format!("*2\r\n{}*{}\r\n", bulk(key), pairs.len());
            for (m, sc) in pairs {
                s.push_str(&format!("*2\r\n{}{}", bulk(m), bulk(sc)));
            }
            s
        };
        assert_eq!(
            b.run(zmpop, &["ZMPOP", "2", "nokey", "z", "MIN"]),
            nested("z", &[("a", "1")])
        );
        assert_eq!(
            b.run(zmpop, &["ZMPOP", "2", "z", "y", "max", "COUNT", "10"]),
            nested("z", &[("c", "3"), ("b", "2")])
        );
        assert_eq!(b.run(zmpop, &["ZMPOP", "1", "z", "MIN"]), NULL_ARRAY);
        assert_eq!(
            b.run(bzmpop, &["BZMPOP", "0", "2", "z", "y", "MIN"]),
            nested("y", &[("e", "5")])
        );
        assert_eq!(
            b.run(bzmpop, &["BZMPOP", "0.01", "1", "y", "MIN"]),
            NULL_ARRAY
        );
        for (h, words, e) in [
            (
                zmpop as Handler,
                &["ZMPOP", "0", "z", "MIN"][..],
                errors::ZSET_NUMKEYS,
            ),
            (zmpop, &["ZMPOP", "x", "z", "MIN"], errors::ZSET_NUMKEYS),
            (zmpop, &["ZMPOP", "2", "z", "MIN"], errors::SYNTAX),
            (
                zmpop,
                &["ZMPOP", "9223372036854775807", "z", "MIN"],
                errors::SYNTAX,
            ),
            (zmpop, &["ZMPOP", "1", "z", "MID"], errors::SYNTAX),
            (zmpop, &["ZMPOP", "1", "z", "MIN", "COUNT"], errors::SYNTAX),
            (
                zmpop,
                &["ZMPOP", "1", "z", "MIN", "COUNT", "0"],
                errors::ZSET_COUNT,
            ),
            (
                zmpop,
                &["ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "1"],
                errors::SYNTAX,
            ),
            (zmpop, &["ZMPOP", "1", "z", "MIN", "FOO"], errors::SYNTAX),
            (
                bzmpop,
                &["BZMPOP", "x", "1", "z", "MIN"],
                errors::TIMEOUT_NOT_FLOAT,
            ),
            (
                bzmpop,
                &["BZMPOP", "x", "0", "z", "MIN"],
                errors::ZSET_NUMKEYS,
            ),
            (
                bzmpop,
                &["BZMPOP", "-1", "1", "z", "MIN"],
                errors::TIMEOUT_NEGATIVE,
            ),
        ] {
            assert_eq!(b.run(h, words), err(e), "{words:?}");
        }
        b.resp3 = true;
        add(&mut b, "z", &[("1", "a")]);
        assert_eq!(
            b.run(zmpop, &["ZMPOP", "1", "z", "MIN"]),
            format!("*2\r\n{}*1\r\n*2\r\n{},1\r\n", bulk("z"), bulk("a"))
        );
        assert_eq!(b.run(zmpop, &["ZMPOP", "1", "z", "MIN"]), "_\r\n");
    }

    #[test]
    fn union_inter_diff() {
        let mut b = with("a", &[("1", "x"), ("2", "y"), ("3", "z")]);
        add(&mut b, "b", &[("10", "y"), ("20", "z"), ("30", "w")]);
        assert_eq!(
            b.run(zunion, &["ZUNION", "2", "a", "b", "WITHSCORES"]),
            arr(&["x", "1", "y", "12", "z", "23", "w", "30"])
        );
        assert_eq!(
            b.run(
                zunion,
                &[
                    "ZUNION",
                    "2",
                    "a",
                    "b",
                    "WEIGHTS",
                    "2",
                    "0.5",
                    "AGGREGATE",
                    "MAX"
                ]
            ),
            arr(&["x", "y", "z", "w"])
        );
        assert_eq!(
            b.run(
                zunion,
                &[
                    "ZUNION",
                    "3",
                    "a",
                    "b",
                    "nokey",
                    "AGGREGATE",
                    "min",
                    "WITHSCORES"
                ]
            ),
            arr(&["x", "1", "y", "2", "z", "3", "w", "30"])
        );
        assert_eq!(
            b.run(zinter, &["ZINTER", "2", "a", "b", "WITHSCORES"]),
            arr(&["y", "12", "z", "23"])
        );
        assert_eq!(
            b.run(
                zinter,
                &["ZINTER", "2", "a", "b", "weights", "1", "-1", "WITHSCORES"]
            ),
            arr(&["z", "-17", "y", "-8"])
        );
        assert_eq!(b.run(zinter, &["ZINTER", "2", "a", "nokey"]), EMPTY);
        assert_eq!(
            b.run(zdiff, &["ZDIFF", "2", "a", "b", "WITHSCORES"]),
            arr(&["x", "1"])
        );
        assert_eq!(b.run(zdiff, &["ZDIFF", "1", "b"]), arr(&["y", "z", "w"]));
        assert_eq!(b.run(zdiff, &["ZDIFF", "2", "a", "a"]), EMPTY);
        assert_eq!(b.run(zintercard, &["ZINTERCARD", "2", "a", "b"]), int(2));
        assert_eq!(
            b.run(zintercard, &["ZINTERCARD", "2", "a", "b", "LIMIT", "1"]),
            int(1)
        );
        assert_eq!(
            b.run(zintercard, &["ZINTERCARD", "2", "a", "b", "LIMIT", "0"]),
            int(2)
        );
        assert_eq!(b.run(zintercard, &["ZINTERCARD", "1", "nokey"]), int(0));
        // inf * 0 is NaN, which counts as 0; inf + -inf too.
        add(&mut b, "i", &[("inf", "x")]);
        add(&mut b, "n", &[("-inf", "x")]);
        assert_eq!(
            b.run(zunion, &["ZUNION", "2", "i", "n", "WITHSCORES"]),
            arr(&["x", "0"])
        );
        assert_eq!(
            b.run(zunion, &["ZUNION", "1", "i", "WEIGHTS", "0", "WITHSCORES"]),
            arr(&["x", "0"])
        );
        b.resp3 = true;
        assert_eq!(
            b.run(zinter, &["ZINTER", "2", "a", "b", "WITHSCORES"]),
            format!("*2\r\n*2\r\n{},12\r\n*2\r\n{},23\r\n", bulk("y"), bulk("z"))
        );
    }

    #[test]
    fn union_store_and_plain_sets() {
        let mut b = with("a", &[("1", "x"), ("2", "y")]);
        b.run(set::sadd, &["SADD", "s", "y", "q"]);
        b.run(set::sadd, &["SADD", "ints", "1", "2"]);
        assert_eq!(
            b.run(zunionstore, &["ZUNIONSTORE", "d", "2", "a", "s"]),
            int(3)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "d", "0", "-1", "WITHSCORES"]),
            arr(&["q", "1", "x", "1", "y", "3"])
        );
        assert_eq!(
            b.run(
                zinterstore,
                &["ZINTERSTORE", "d", "2", "a", "s", "WEIGHTS", "2", "3"]
            ),
            int(1)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "d", "0", "-1", "WITHSCORES"]),
            arr(&["y", "7"])
        );
        assert_eq!(
            b.run(zunion, &["ZUNION", "1", "ints", "WITHSCORES"]),
            arr(&["1", "1", "2", "1"])
        );
        assert_eq!(
            b.run(zdiffstore, &["ZDIFFSTORE", "d", "2", "a", "s"]),
            int(1)
        );
        assert_eq!(b.run(zrange, &["ZRANGE", "d", "0", "-1"]), arr(&["x"]));
        assert_eq!(
            b.run(zdiffstore, &["ZDIFFSTORE", "d", "2", "a", "a"]),
            int(0)
        );
        assert!(!b.exists("d"));
        assert_eq!(
            b.run(zinterstore, &["ZINTERSTORE", "a", "2", "a", "a"]),
            int(2)
        );
        assert_eq!(
            b.run(zrange, &["ZRANGE", "a", "0", "-1", "WITHSCORES"]),
            arr(&["x", "2", "y", "4"])
        );
    }

    #[test]
    fn union_inter_diff_errors() {
        let mut b = with("a", &[("1", "x")]);
        b.run(string::set, &["SET", "str", "v"]);
        for (h, words, e) in [
            (
                zunion as Handler,
                &["ZUNION", "0", "a"][..],
                "ERR at least 1 input key is needed for 'zunion' command".to_string(),
            ),
            (
                zunionstore,
                &["ZUNIONSTORE", "d", "-1", "a"],
                "ERR at least 1 input key is needed for 'zunionstore' command".into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "0", "a"],
                "ERR at least 1 input key is needed for 'zintercard' command".into(),
            ),
            (zunion, &["ZUNION", "x", "a"], errors::NOT_INTEGER.into()),
            (zunion, &["ZUNION", "2", "a"], errors::SYNTAX.into()),
            (
                zunion,
                &["ZUNION", "1", "a", "WEIGHTS"],
                errors::SYNTAX.into(),
            ),
            (
                zunion,
                &["ZUNION", "1", "a", "WEIGHTS", "x"],
                errors::ZSET_WEIGHT_NOT_FLOAT.into(),
            ),
            (
                zunion,
                &["ZUNION", "1", "a", "AGGREGATE", "avg"],
                errors::SYNTAX.into(),
            ),
            (
                zunion,
                &["ZUNION", "1", "a", "AGGREGATE"],
                errors::SYNTAX.into(),
            ),
            (
                zunionstore,
                &["ZUNIONSTORE", "d", "1", "a", "WITHSCORES"],
                errors::SYNTAX.into(),
            ),
            (
                zdiff,
                &["ZDIFF", "1", "a", "WEIGHTS", "1"],
                errors::SYNTAX.into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "1", "a", "WITHSCORES"],
                errors::SYNTAX.into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "1", "a", "LIMIT", "-1"],
                errors::ZSET_LIMIT_NEGATIVE.into(),
            ),
            (
                zintercard,
                &["ZINTERCARD", "1", "a", "LIMIT", "x"],
                errors::ZSET_LIMIT_NEGATIVE.into(),
            ),
            (
                zinter,
                &["ZINTER", "1", "a", "LIMIT", "1"],
                errors::SYNTAX.into(),
            ),
            // WRONGTYPE comes before option errors.
            (
                zunion,
                &["ZUNION", "2", "a", "str", "AGGREGATE", "x"],
                errors::WRONGTYPE.into(),
            ),
        ] {
            assert_eq!(b.run(h, words), err(&e), "{words:?}");
        }
    }

    #[test]
    fn zrandmember_counts() {
        let mut b = abc();
        assert_eq!(b.run(zrandmember, &["ZRANDMEMBER", "nokey"]), NULL);
        assert_eq!(b.run(zrandmember, &["ZRANDMEMBER", "nokey", "3"]), EMPTY);
        assert_eq!(b.run(zrandmember, &["ZRANDMEMBER", "z", "0"]), EMPTY);
        // At least as many as there are: all of them, highest score first.
        assert_eq!(
            b.run(zrandmember, &["ZRANDMEMBER", "z", "3"]),
            arr(&["c", "b", "a"])
        );
        assert_eq!(
            b.run(zrandmember, &["ZRANDMEMBER", "z", "10", "WITHSCORES"]),
            arr(&["c", "3", "b", "2", "a", "1"])
        );
        for _ in 0..50 {
            let one = b.run(zrandmember, &["ZRANDMEMBER", "z"]);
            assert!([bulk("a"), bulk("b"), bulk("c")].contains(&one), "{one}");
            let two = b.run(zrandmember, &["ZRANDMEMBER", "z", "2"]);
            assert!(two.starts_with("*2\r\n"));
            let lines: Vec<&str> = two.split("\r\n").collect();
            assert_ne!(lines[2], lines[4], "distinct members");
            let many = b.run(zrandmember, &["ZRANDMEMBER", "z", "-5", "WITHSCORES"]);
            assert!(many.starts_with("*10\r\n"));
        }
        for (words, e) in [
            (&["ZRANDMEMBER", "z", "x"][..], errors::NOT_INTEGER),
            (&["ZRANDMEMBER", "z", "1", "x"], errors::SYNTAX),
            (
                &["ZRANDMEMBER", "z", "1", "WITHSCORES", "x"],
                errors::SYNTAX,
            ),
            (
                &["ZRANDMEMBER", "z", "-9223372036854775808"],
                errors::ZSET_RANDMEMBER_COUNT_RANGE,
            ),
            (
                &["ZRANDMEMBER", "z", "4611686018427387904", "WITHSCORES"],
                errors::ZSET_VALUE_OUT_OF_RANGE,
            ),
            (
                &["ZRANDMEMBER", "z", "-4611686018427387904", "WITHSCORES"],
                errors::ZSET_VALUE_OUT_OF_RANGE,
            ),
        ] {
            assert_eq!(b.run(zrandmember, words), err(e), "{words:?}");
        }
        // A big set, few members: rejection sampling, still distinct.
        let mut b = Bench::new();
        let words: Vec<String> = (0..1000)
            .flat_map(|i| [i.to_string(), format!("m{i}")])
            .collect();
        let mut args = vec!["ZADD", "big"];
        args.extend(words.iter().map(|s| s.as_str()));
        b.run(zadd, &args);
        let r = b.run(zrandmember, &["ZRANDMEMBER", "big", "100"]);
        let members: std::collections::HashSet<&str> =
            r.split("\r\n").filter(|l| l.starts_with('m')).collect();
        assert_eq!(members.len(), 100);
        let r = b.run(zrandmember, &["ZRANDMEMBER", "big", "900"]);
        let members: std::collections::HashSet<&str> =
            r.split("\r\n").filter(|l| l.starts_with('m')).collect();
        assert_eq!(members.len(), 900);
    }

    /// Every member and score text of a full ZSCAN.
    fn scan_all(b: &mut Bench, key: &str, extra: &[&str]) -> Vec<(String, String)> {
        let mut cursor = "0".to_string();
        let mut out = Vec::new();
        loop {
            let mut words = vec!["ZSCAN", key, cursor.as_str()];
            words.extend_from_slice(extra);
            let r = b.run(zscan, &words);
            let lines: Vec<&str> = r.split("\r\n").collect();
            assert_eq!(lines[0], "*2");
            let next = lines[2].to_string();
            let n: usize = lines[3][1..].parse().unwrap();
            for i in 0..n / 2 {
                out.push((lines[5 + 4 * i].to_string(), lines[7 + 4 * i].to_string()));
            }
            if next == "0" {
                break;
            }
            cursor = next;
        }
        out
    }

    #[test]
    fn zscan_listpack_and_skiplist() {
        let mut b = with("z", &[("1", "a"), ("0.1", "b"), ("1e17", "c"), ("-0", "d")]);
        assert_eq!(
            scan_all(&mut b, "z", &[]),
            [
                ("d", "0"),
                ("b", "0.10000000000000001"),
                ("a", "1"),
                ("c", "100000000000000000")
            ]
            .map(|(m, s)| (m.to_string(), s.to_string()))
        );
        assert_eq!(
            scan_all(&mut b, "z", &["MATCH", "[ab]", "COUNT", "1"]).len(),
            2
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "nokey", "0"]),
            format!("*2\r\n{}*0\r\n", bulk("0"))
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "x"]),
            err(errors::INVALID_CURSOR)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "COUNT", "0"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "COUNT", "x"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "COUNT"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            b.run(zscan, &["ZSCAN", "z", "0", "TYPE", "zset"]),
            err(errors::SYNTAX)
        );
        let mut b = Bench::new();
        for i in 0..300 {
            add(&mut b, "big", &[(&i.to_string(), &format!("m{i}"))]);
        }
        add(&mut b, "big", &[("1e17", "e17")]);
        assert_eq!(b.encoding("big"), "skiplist");
        let mut all = scan_all(&mut b, "big", &["COUNT", "7"]);
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 301);
        assert!(all.contains(&("e17".to_string(), "1e+17".to_string())));
        assert_eq!(scan_all(&mut b, "big", &["MATCH", "m1?"]).len(), 10);
    }

    #[test]
    fn encodings_convert_at_the_thresholds() {
        let mut b = Bench::new();
        for i in 0..128 {
            add(&mut b, "z", &[("1", &format!("m{i}"))]);
        }
        assert_eq!(b.encoding("z"), "listpack");
        add(&mut b, "z", &[("1", "one-more")]);
        assert_eq!(b.encoding("z"), "skiplist");
        // Never back, even when small again.
        b.run(zremrangebyrank, &["ZREMRANGEBYRANK", "z", "1", "-1"]);
        assert_eq!(b.encoding("z"), "skiplist");
        let long = "x".repeat(65);
        add(&mut b, "v", &[("1", &"x".repeat(64))]);
        assert_eq!(b.encoding("v"), "listpack");
        add(&mut b, "v", &[("1", &long)]);
        assert_eq!(b.encoding("v"), "skiplist");
        // A first member too long makes a skiplist at once.
        add(&mut b, "w", &[("1", &long)]);
        assert_eq!(b.encoding("w"), "skiplist");
        // Updating a score does not convert.
        add(&mut b, "u", &[("1", "a")]);
        b.run(zincrby, &["ZINCRBY", "u", "1", "a"]);
        assert_eq!(b.encoding("u"), "listpack");
        // Configured thresholds.
        b.shard.limits.zset_max_listpack_entries = 2;
        add(&mut b, "c", &[("1", "a"), ("2", "b")]);
        assert_eq!(b.encoding("c"), "listpack");
        add(&mut b, "c", &[("3", "c")]);
        assert_eq!(b.encoding("c"), "skiplist");
        b.shard.limits.zset_max_listpack_entries = 0;
        add(&mut b, "zero", &[("1", "a")]);
        assert_eq!(b.encoding("zero"), "skiplist");
    }

    #[test]
    fn store_results_pick_their_encoding() {
        let mut b = Bench::new();
        let long = "y".repeat(65);
        add(&mut b, "small", &[("1", "a"), ("2", "b")]);
        add(&mut b, "long", &[("1", &long)]);
        b.run(zunionstore, &["ZUNIONSTORE", "d", "1", "small"]);
        assert_eq!(b.encoding("d"), "listpack");
        b.run(zunionstore, &["ZUNIONSTORE", "d", "2", "small", "long"]);
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(zinterstore, &["ZINTERSTORE", "d", "2", "small", "long"]);
        assert!(!b.exists("d"));
        for i in 0..200 {
            add(&mut b, "big", &[(&i.to_string(), &format!("m{i}"))]);
        }
        b.run(zrangestore, &["ZRANGESTORE", "d", "big", "0", "127"]);
        assert_eq!(b.encoding("d"), "listpack");
        b.run(zrangestore, &["ZRANGESTORE", "d", "big", "0", "128"]);
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(
            zrangestore,
            &["ZRANGESTORE", "d", "big", "-inf", "+inf", "BYSCORE"],
        );
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(
            zrangestore,
            &[
                "ZRANGESTORE",
                "d",
                "big",
                "-inf",
                "+inf",
                "BYSCORE",
                "LIMIT",
                "0",
                "10",
            ],
        );
        assert_eq!(b.encoding("d"), "listpack");
        b.run(zunionstore, &["ZUNIONSTORE", "d", "1", "big"]);
        assert_eq!(b.encoding("d"), "skiplist");
        b.run(zdiffstore, &["ZDIFFSTORE", "d", "1", "small"]);
        assert_eq!(b.encoding("d"), "listpack");
    }

    #[test]
    fn negative_zero_is_kept_only_by_skiplists() {
        let mut b = Bench::new();
        assert_eq!(b.run(zadd, &["ZADD", "l", "INCR", "-0", "a"]), bulk("-0"));
        assert_eq!(b.run(zscore, &["ZSCORE", "l", "a"]), bulk("0"));
        b.shard.limits.zset_max_listpack_entries = 0;
        assert_eq!(b.run(zadd, &["ZADD", "s", "-0", "a"]), int(1));
        assert_eq!(b.run(zscore, &["ZSCORE", "s", "a"]), bulk("-0"));
        assert_eq!(b.run(zadd, &["ZADD", "s", "0", "a"]), int(0));
        assert_eq!(b.run(zscore, &["ZSCORE", "s", "a"]), bulk("-0"));
        assert_eq!(
            b.run(zunion, &["ZUNION", "1", "s", "WITHSCORES"]),
            arr(&["a", "-0"])
        );
        b.shard.limits.zset_max_listpack_entries = 128;
        b.run(zunionstore, &["ZUNIONSTORE", "u", "1", "s"]);
        assert_eq!(b.run(zscore, &["ZSCORE", "u", "a"]), bulk("0"));
    }

    /// A tiny deterministic generator for the randomized tests.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    #[test]
    fn both_encodings_answer_alike() {
        // The same random commands against a listpack and a skiplist must get the same
        // replies (the skiplist by forcing zset-max-listpack-entries to 0).
        let mut lp = Bench::new();
        lp.shard.limits.zset_max_listpack_entries = 1_000_000;
        lp.shard.limits.zset_max_listpack_value = 1_000_000;
        let mut sl = Bench::new();
        sl.shard.limits.zset_max_listpack_entries = 0;
        let mut g = Gen(0x1234_5678);
        let member = |g: &mut Gen| format!("m{}", g.next(60));
        let score = |g: &mut Gen| match g.next(6) {
            0 => "-inf".to_string(),
            1 => "inf".to_string(),
            _ => format!("{}", g.next(20) as i64 - 10),
        };
        let bound = |g: &mut Gen| {
            let s = score(g);
            if g.next(2) == 0 {
                format!("({s}")
            } else {
                s
            }
        };
        let lex = |g: &mut Gen| match g.next(8) {
            0 => "-".to_string(),
            1 => "+".to_string(),
            n => format!("{}m{}", if n % 2 == 0 { "[" } else { "(" }, g.next(60)),
        };
        for step in 0..4000 {
            let words: Vec<String> = match g.next(14) {
                0 | 1 => vec![
                    "ZADD".into(),
                    "k".into(),
                    score(&mut g),
                    member(&mut g),
                    score(&mut g),
                    member(&mut g),
                ],
                2 => vec!["ZINCRBY".into(), "k".into(), score(&mut g), member(&mut g)],
                3 => vec!["ZREM".into(), "k".into(), member(&mut g)],
                4 => vec![
                    "ZRANGE".into(),
                    "k".into(),
                    (g.next(10) as i64 - 5).to_string(),
                    (g.next(10) as i64 - 3).to_string(),
                    "WITHSCORES".into(),
                ],
                5 => vec![
                    "ZRANGEBYSCORE".into(),
                    "k".into(),
                    bound(&mut g),
                    bound(&mut g),
                    "LIMIT".into(),
                    g.next(4).to_string(),
                    (g.next(6) as i64 - 1).to_string(),
                ],
                6 => vec![
                    "ZREVRANGEBYSCORE".into(),
                    "k".into(),
                    bound(&mut g),
                    bound(&mut g),
                    "WITHSCORES".into(),
                ],
                7 => vec!["ZCOUNT".into(), "k".into(), bound(&mut g), bound(&mut g)],
                8 => vec!["ZRANK".into(), "k".into(), member(&mut g)],
                9 => vec!["ZREVRANK".into(), "k".into(), member(&mut g)],
                10 => vec![
                    "ZREMRANGEBYSCORE".into(),
                    "k".into(),
                    bound(&mut g),
                    bound(&mut g),
                ],
                11 => vec!["ZPOPMIN".into(), "k".into(), g.next(3).to_string()],
                12 => vec![
                    "ZREMRANGEBYRANK".into(),
                    "k".into(),
                    (g.next(10) as i64 - 5).to_string(),
                    (g.next(10) as i64 - 5).to_string(),
                ],
                _ => vec!["ZSCORE".into(), "k".into(), member(&mut g)],
            };
            let handler: Handler = match words[0].as_str() {
                "ZADD" => zadd,
                "ZINCRBY" => zincrby,
                "ZREM" => zrem,
                "ZRANGE" => zrange,
                "ZRANGEBYSCORE" => zrangebyscore,
                "ZREVRANGEBYSCORE" => zrevrangebyscore,
                "ZCOUNT" => zcount,
                "ZRANK" => zrank,
                "ZREVRANK" => zrevrank,
                "ZREMRANGEBYSCORE" => zremrangebyscore,
                "ZPOPMIN" => zpopmin,
                "ZREMRANGEBYRANK" => zremrangebyrank,
                _ => zscore,
            };
            let w: Vec<&str> = words.iter().map(|s| s.as_str()).collect();
            let (a, c) = (lp.run(handler, &w), sl.run(handler, &w));
            // -0 is the one score the encodings store differently.
            assert_eq!(
                a.replace("$2\r\n-0", "$1\r\n0"),
                c.replace("$2\r\n-0", "$1\r\n0"),
                "step {step}: {w:?}"
            );
            // Lex queries need equal scores: run them on a second key with score 0 only.
            let m = member(&mut g);
            lp.run(zadd, &["ZADD", "lex", "0", &m]);
            sl.run(zadd, &["ZADD", "lex", "0", &m]);
            let (lo, hi) = (lex(&mut g), lex(&mut g));
            for (h, name) in [
                (zrangebylex as Handler, "ZRANGEBYLEX"),
                (zrevrangebylex, "ZREVRANGEBYLEX"),
                (zlexcount, "ZLEXCOUNT"),
            ] {
                let w = [name, "lex", &lo, &hi];
                assert_eq!(lp.run(h, &w), sl.run(h, &w), "{w:?}");
            }
            if g.next(50) == 0 {
                let w = ["ZREMRANGEBYLEX", "lex", &lo, &hi];
                assert_eq!(
                    lp.run(zremrangebylex, &w),
                    sl.run(zremrangebylex, &w),
                    "{w:?}"
                );
            }
        }
        assert_eq!(lp.encoding("lex"), "listpack");
        assert_eq!(sl.encoding("lex"), "skiplist");
    }

    #[test]
    fn rank_queries_on_a_million_members_are_logarithmic() {
        // One million members; every rank query below would take ~1e6 steps if it walked
        // the set, so the test would not finish in reasonable time on an O(n) structure.
        let mut z = ZSet::new_skiplist(1_000_000);
        let limits = ListpackLimits::DEFAULT;
        for i in 0..1_000_000u32 {
            // Scores out of member order, with ties.
            let score = f64::from((i * 7) % 1_000_000 / 2);
            z.add(
                format!("m{i}").as_bytes(),
                score,
                AddFlags::default(),
                limits,
            );
        }
        assert_eq!(z.len(), 1_000_000);
        let mut b = Bench::new();
        b.shard.dbs[0].set(b"big", Value::zset(z));
        let mut g = Gen(99);
        for _ in 0..20_000 {
            let m = format!("m{}", g.next(1_000_000));
            let r = b.run(zrank, &["ZRANK", "big", &m]);
            let rank: usize = r[1..r.len() - 2].parse().unwrap();
            let got = b.run(
                zrange,
                &["ZRANGE", "big", &rank.to_string(), &rank.to_string()],
            );
            assert_eq!(got, arr(&[&m]));
            let rev = b.run(zrevrank, &["ZREVRANK", "big", &m]);
            assert_eq!(rev, int(999_999 - rank as i64));
        }
        assert_eq!(
            b.run(zrange, &["ZRANGE", "big", "-1", "-1", "WITHSCORES"])
                .lines()
                .count(),
            5
        );
        assert_eq!(
            b.run(zcount, &["ZCOUNT", "big", "1000", "(2000"]),
            int(2000)
        );
        assert_eq!(
            b.run(
                zrangebyscore,
                &["ZRANGEBYSCORE", "big", "(499998", "+inf", "LIMIT", "1", "1"]
            )
            .lines()
            .count(),
            3
        );
        assert_eq!(
            b.run(
                zremrangebyscore,
                &["ZREMRANGEBYSCORE", "big", "-inf", "(10"]
            ),
            int(20)
        );
        assert_eq!(b.run(zrank, &["ZRANK", "big", "m0"]), NULL);
        assert_eq!(b.run(zcard, &["ZCARD", "big"]), int(999_980));
    }
}
