//! The sorted set value: [`ZSet`] in its two encodings (a sorted `Vec` while small, an
//! [`Index`] past the listpack limits), its iteration, and the adds, removals and range
//! queries the commands are built from. Nothing here replies or touches a database.

use super::index::Index;
use crate::shard::Shard;
use std::cmp::Ordering;

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
pub(super) struct Item {
    pub(super) member: Box<[u8]>,
    pub(super) score: f64,
}

/// A sorted set: a compact `listpack` while small, a `skiplist` past the thresholds.
#[derive(Clone)]
pub struct ZSet {
    pub(super) repr: Repr,
}

#[derive(Clone)]
pub(super) enum Repr {
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
pub(super) fn cmp_entry(s1: f64, m1: &[u8], s2: f64, m2: &[u8]) -> Ordering {
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
    Tree(super::index::Iter<'a>),
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
pub(super) trait Bounds {
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
    pub(super) fn new_skiplist(capacity: usize) -> ZSet {
        ZSet {
            repr: Repr::Skiplist(Box::new(Index::with_capacity(capacity))),
        }
    }

    /// The empty sorted set ZADD creates for a first member (`zaddGenericCommand`): a
    /// skiplist when listpacks are disabled or the member is too long for one.
    pub(super) fn for_first_member(member: &[u8], limits: ListpackLimits) -> ZSet {
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
    pub(super) fn add_plain(&mut self, member: &[u8], score: f64, limits: ListpackLimits) {
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
    pub(super) fn remove_ranks(&mut self, start: usize, count: usize) {
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
    pub(super) fn count_in(&self, range: &impl Bounds) -> usize {
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
    pub(super) fn range_in(
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
    pub(super) fn remove_in(&mut self, range: &impl Bounds) -> usize {
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
    pub(super) fn dense_at(&self, i: usize) -> Option<(&[u8], f64)> {
        match &self.repr {
            Repr::Listpack(v) => v.get(i).map(|i| (&*i.member, i.score)),
            Repr::Skiplist(ix) => ix.entry_at(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::zset::members::{
        zadd, zcard, zcount, zincrby, zlexcount, zrank, zrem, zremrangebylex, zremrangebyrank,
        zremrangebyscore, zrevrank, zscore,
    };
    use crate::types::zset::pop::zpopmin;
    use crate::types::zset::range::{
        zrange, zrangebylex, zrangebyscore, zrevrangebylex, zrevrangebyscore,
    };
    use crate::types::zset::setop::{zunion, zunionstore};
    use crate::types::zset::test_bench::*;
    use crate::value::Value;
    use crate::Handler;

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
