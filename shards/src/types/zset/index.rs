//! The index of a large sorted set (what Redis calls the `skiplist` encoding): a member ->
//! score map plus an order-statistic tree over `(score, member)`, so that insertion, removal,
//! rank, selection by rank and range bounds are O(log n) and iterating from any rank costs
//! O(1) per element.
//!
//! The map is an `IndexMap` (dense entries, `swap_remove`), which gives ZSCAN a cursor that
//! walks indices from the top down with SCAN's guarantees and ZRANDMEMBER an O(1) uniform
//! draw. Each member is stored once, in the map; the tree refers to map entries by index.
//!
//! The tree is a treap (a binary search tree that is also a heap on random priorities) whose
//! nodes live in an arena `Vec` linked by `u32` indices and carry their subtree size. The
//! priorities come from a generator seeded at random per index, so no order of insertions
//! chosen by a client can make the tree degenerate: its height is O(log n) with high
//! probability. Recursion depth is bounded by that height.

use ahash::RandomState;
use indexmap::IndexMap;
use std::cmp::Ordering;
use std::hash::BuildHasher;

/// The null link.
const NIL: u32 = u32::MAX;

/// A tree node: one member of the set.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The member's score (a copy of the map's, kept here for cheap comparisons).
    score: f64,
    /// Index of the member's entry in the map.
    entry: u32,
    left: u32,
    right: u32,
    /// Number of nodes in the subtree rooted here.
    size: u32,
    /// Heap priority: a parent's is at least its children's.
    prio: u32,
}

/// What the map holds for a member.
#[derive(Debug, Clone, Copy)]
struct Slot {
    score: f64,
    /// The member's tree node.
    node: u32,
}

/// A sorted set's members, by member and by `(score, member)` order with ranks.
#[derive(Clone)]
pub(super) struct Index {
    dict: IndexMap<Box<[u8]>, Slot, RandomState>,
    nodes: Vec<Node>,
    /// Arena slots of removed nodes, reused first.
    free: Vec<u32>,
    root: u32,
    /// State of the priority generator (xorshift64*).
    rng: u64,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("len", &self.len()).finish()
    }
}

impl Index {
    /// An empty index with room for `capacity` members.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        let seed = std::collections::hash_map::RandomState::new().hash_one(capacity) | 1;
        Index {
            dict: IndexMap::with_capacity_and_hasher(capacity, RandomState::new()),
            nodes: Vec::with_capacity(capacity),
            free: Vec::new(),
            root: NIL,
            rng: seed,
        }
    }

    /// Number of members.
    pub(super) fn len(&self) -> usize {
        self.dict.len()
    }

    /// The score of `member`.
    pub(super) fn score(&self, member: &[u8]) -> Option<f64> {
        self.dict.get(member).map(|slot| slot.score)
    }

    /// The member and score at dense index `i` of the map (ZSCAN, ZRANDMEMBER); the order
    /// is the map's, not the set's.
    pub(super) fn entry_at(&self, i: usize) -> Option<(&[u8], f64)> {
        self.dict.get_index(i).map(|(m, slot)| (&**m, slot.score))
    }

    fn next_prio(&mut self) -> u32 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32
    }

    fn member_of(&self, entry: u32) -> &[u8] {
        self.dict
            .get_index(entry as usize)
            .map_or(&[][..], |(m, _)| &**m)
    }

    fn size(&self, t: u32) -> u32 {
        if t == NIL {
            0
        } else {
            self.nodes[t as usize].size
        }
    }

    fn pull(&mut self, t: u32) {
        let n = self.nodes[t as usize];
        self.nodes[t as usize].size = 1 + self.size(n.left) + self.size(n.right);
    }

    /// Orders `(score, member)` against node `t`: by score, then by member bytes.
    fn cmp_key(&self, score: f64, member: &[u8], t: u32) -> Ordering {
        let node = &self.nodes[t as usize];
        match score.partial_cmp(&node.score) {
            Some(Ordering::Equal) | None => member.cmp(self.member_of(node.entry)),
            Some(o) => o,
        }
    }

    fn rotate_right(&mut self, t: u32) -> u32 {
        let l = self.nodes[t as usize].left;
        self.nodes[t as usize].left = self.nodes[l as usize].right;
        self.nodes[l as usize].right = t;
        self.pull(t);
        self.pull(l);
        l
    }

    fn rotate_left(&mut self, t: u32) -> u32 {
        let r = self.nodes[t as usize].right;
        self.nodes[t as usize].right = self.nodes[r as usize].left;
        self.nodes[r as usize].left = t;
        self.pull(t);
        self.pull(r);
        r
    }

    /// Inserts the detached node `x` into the subtree `t`; returns the new subtree root.
    fn insert_at(&mut self, t: u32, x: u32) -> u32 {
        if t == NIL {
            return x;
        }
        let (score, entry) = {
            let n = &self.nodes[x as usize];
            (n.score, n.entry)
        };
        let less = self.cmp_key(score, self.member_of(entry), t) == Ordering::Less;
        if less {
            let l = self.insert_at(self.nodes[t as usize].left, x);
            self.nodes[t as usize].left = l;
            if self.nodes[l as usize].prio > self.nodes[t as usize].prio {
                return self.rotate_right(t);
            }
        } else {
            let r = self.insert_at(self.nodes[t as usize].right, x);
            self.nodes[t as usize].right = r;
            if self.nodes[r as usize].prio > self.nodes[t as usize].prio {
                return self.rotate_left(t);
            }
        }
        self.pull(t);
        t
    }

    /// Joins two subtrees where every key of `a` is below every key of `b`.
    fn merge(&mut self, a: u32, b: u32) -> u32 {
        if a == NIL {
            return b;
        }
        if b == NIL {
            return a;
        }
        if self.nodes[a as usize].prio > self.nodes[b as usize].prio {
            let r = self.merge(self.nodes[a as usize].right, b);
            self.nodes[a as usize].right = r;
            self.pull(a);
            a
        } else {
            let l = self.merge(a, self.nodes[b as usize].left);
            self.nodes[b as usize].left = l;
            self.pull(b);
            b
        }
    }

    /// Unlinks the node of `(score, member)` from the subtree `t`; returns the new root.
    fn detach_at(&mut self, t: u32, score: f64, member: &[u8]) -> u32 {
        if t == NIL {
            return NIL;
        }
        match self.cmp_key(score, member, t) {
            Ordering::Equal => {
                let n = self.nodes[t as usize];
                return self.merge(n.left, n.right);
            }
            Ordering::Less => {
                let l = self.detach_at(self.nodes[t as usize].left, score, member);
                self.nodes[t as usize].left = l;
            }
            Ordering::Greater => {
                let r = self.detach_at(self.nodes[t as usize].right, score, member);
                self.nodes[t as usize].right = r;
            }
        }
        self.pull(t);
        t
    }

    fn reset_links(&mut self, t: u32) {
        let n = &mut self.nodes[t as usize];
        n.left = NIL;
        n.right = NIL;
        n.size = 1;
    }

    /// Adds a member that is not in the set.
    pub(super) fn insert(&mut self, member: &[u8], score: f64) {
        debug_assert!(!self.dict.contains_key(member));
        let entry = self.dict.len() as u32;
        let node = Node {
            score,
            entry,
            left: NIL,
            right: NIL,
            size: 1,
            prio: self.next_prio(),
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.nodes[id as usize] = node;
                id
            }
            None => {
                self.nodes.push(node);
                (self.nodes.len() - 1) as u32
            }
        };
        self.dict.insert(member.into(), Slot { score, node: id });
        self.root = self.insert_at(self.root, id);
    }

    /// Changes the score of a member of the set (`false` if it is not one).
    pub(super) fn set_score(&mut self, member: &[u8], score: f64) -> bool {
        let Some(slot) = self.dict.get(member).copied() else {
            return false;
        };
        self.root = self.detach_at(self.root, slot.score, member);
        self.reset_links(slot.node);
        self.nodes[slot.node as usize].score = score;
        self.root = self.insert_at(self.root, slot.node);
        if let Some(s) = self.dict.get_mut(member) {
            s.score = score;
        }
        true
    }

    /// Removes `member`, returning its score.
    pub(super) fn remove(&mut self, member: &[u8]) -> Option<f64> {
        let (idx, _, slot) = self.dict.get_full(member)?;
        let slot = *slot;
        // The tree is unlinked while every map index is still valid.
        self.root = self.detach_at(self.root, slot.score, member);
        self.free.push(slot.node);
        // swap_remove moves the last entry into `idx`: repoint its node first.
        let last = self.dict.len() - 1;
        if idx != last {
            if let Some((_, moved)) = self.dict.get_index(last) {
                let moved_node = moved.node;
                self.nodes[moved_node as usize].entry = idx as u32;
            }
        }
        self.dict.swap_remove_index(idx);
        if self.dict.is_empty() {
            // Nothing refers to the arena any more: give its memory back.
            self.nodes = Vec::new();
            self.free = Vec::new();
            self.root = NIL;
        }
        Some(slot.score)
    }

    /// The 0-based rank of `member` in ascending order.
    pub(super) fn rank(&self, member: &[u8]) -> Option<usize> {
        let score = self.score(member)?;
        let mut t = self.root;
        let mut rank = 0usize;
        while t != NIL {
            let n = &self.nodes[t as usize];
            match self.cmp_key(score, member, t) {
                Ordering::Less => t = n.left,
                Ordering::Greater => {
                    rank += self.size(n.left) as usize + 1;
                    t = n.right;
                }
                Ordering::Equal => return Some(rank + self.size(n.left) as usize),
            }
        }
        None
    }

    /// The member and score at 0-based rank `rank`.
    pub(super) fn get(&self, rank: usize) -> Option<(&[u8], f64)> {
        let mut t = self.root;
        let mut k = rank;
        while t != NIL {
            let n = &self.nodes[t as usize];
            let ls = self.size(n.left) as usize;
            match k.cmp(&ls) {
                Ordering::Less => t = n.left,
                Ordering::Equal => return Some((self.member_of(n.entry), n.score)),
                Ordering::Greater => {
                    k -= ls + 1;
                    t = n.right;
                }
            }
        }
        None
    }

    /// How many members, from the lowest, satisfy `pred`, assuming it holds for a prefix of
    /// the order and fails for the rest (a bound of a score or lex range): O(log n).
    pub(super) fn count_while(&self, pred: impl Fn(f64, &[u8]) -> bool) -> usize {
        let mut t = self.root;
        let mut count = 0usize;
        while t != NIL {
            let n = &self.nodes[t as usize];
            if pred(n.score, self.member_of(n.entry)) {
                count += self.size(n.left) as usize + 1;
                t = n.right;
            } else {
                t = n.left;
            }
        }
        count
    }

    /// Iterates from rank `rank` upwards, or downwards when `rev`.
    pub(super) fn iter_from(&self, rank: usize, rev: bool) -> Iter<'_> {
        let mut stack = Vec::new();
        if rank < self.len() {
            let mut t = self.root;
            let mut k = rank;
            while t != NIL {
                let n = &self.nodes[t as usize];
                let ls = self.size(n.left) as usize;
                match k.cmp(&ls) {
                    Ordering::Less => {
                        // The node comes after the target: a forward walk visits it later.
                        if !rev {
                            stack.push(t);
                        }
                        t = n.left;
                    }
                    Ordering::Equal => {
                        stack.push(t);
                        break;
                    }
                    Ordering::Greater => {
                        // The node comes before the target: a backward walk visits it later.
                        if rev {
                            stack.push(t);
                        }
                        k -= ls + 1;
                        t = n.right;
                    }
                }
            }
        }
        Iter {
            index: self,
            stack,
            rev,
        }
    }
}

/// An in-order walk over an [`Index`] from some rank, forwards or backwards.
#[derive(Debug)]
pub(super) struct Iter<'a> {
    index: &'a Index,
    /// Nodes still to visit, the next on top, each followed (in walk order) by its subtree
    /// on the far side.
    stack: Vec<u32>,
    rev: bool,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a [u8], f64);

    fn next(&mut self) -> Option<Self::Item> {
        let t = self.stack.pop()?;
        let index = self.index;
        let n = &index.nodes[t as usize];
        let mut c = if self.rev { n.left } else { n.right };
        while c != NIL {
            self.stack.push(c);
            let child = &index.nodes[c as usize];
            c = if self.rev { child.right } else { child.left };
        }
        Some((index.member_of(n.entry), n.score))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the tree's invariants: order, sizes, heap priorities, map/node links.
    fn check(ix: &Index) {
        fn walk(ix: &Index, t: u32, out: &mut Vec<(f64, Vec<u8>)>) -> u32 {
            if t == NIL {
                return 0;
            }
            let n = ix.nodes[t as usize];
            for c in [n.left, n.right] {
                if c != NIL {
                    assert!(ix.nodes[c as usize].prio <= n.prio);
                }
            }
            let l = walk(ix, n.left, out);
            out.push((n.score, ix.member_of(n.entry).to_vec()));
            let r = walk(ix, n.right, out);
            assert_eq!(n.size, l + r + 1);
            l + r + 1
        }
        let mut out = Vec::new();
        let total = walk(ix, ix.root, &mut out);
        assert_eq!(total as usize, ix.len());
        for w in out.windows(2) {
            assert!(
                w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1),
                "{w:?}"
            );
        }
        for (i, (m, slot)) in ix.dict.iter().enumerate() {
            let n = ix.nodes[slot.node as usize];
            assert_eq!(n.entry as usize, i);
            assert_eq!(n.score, slot.score);
            assert_eq!(ix.member_of(n.entry), &**m);
        }
    }

    #[test]
    fn insert_remove_rank_select() {
        let mut ix = Index::with_capacity(0);
        for i in 0..500u32 {
            let m = format!("m{:03}", (i * 7919) % 500);
            ix.insert(m.as_bytes(), f64::from((i * 31) % 17));
        }
        check(&ix);
        let all: Vec<(Vec<u8>, f64)> = ix
            .iter_from(0, false)
            .map(|(m, s)| (m.to_vec(), s))
            .collect();
        assert_eq!(all.len(), 500);
        for (r, (m, s)) in all.iter().enumerate() {
            assert_eq!(ix.rank(m), Some(r));
            assert_eq!(
                ix.get(r).map(|(m, s)| (m.to_vec(), s)),
                Some((m.clone(), *s))
            );
        }
        let back: Vec<Vec<u8>> = ix.iter_from(499, true).map(|(m, _)| m.to_vec()).collect();
        let mut fwd: Vec<Vec<u8>> = all.iter().map(|(m, _)| m.clone()).collect();
        fwd.reverse();
        assert_eq!(back, fwd);
        assert_eq!(ix.iter_from(250, false).count(), 250);
        assert_eq!(ix.iter_from(250, true).count(), 251);
        assert_eq!(ix.iter_from(500, false).count(), 0);
        assert_eq!(
            ix.count_while(|s, _| s < 5.0),
            all.iter().filter(|(_, s)| *s < 5.0).count()
        );
        for i in (0..500).step_by(3) {
            let m = format!("m{i:03}");
            assert!(ix.remove(m.as_bytes()).is_some());
            assert!(ix.remove(m.as_bytes()).is_none());
        }
        check(&ix);
        assert!(ix.set_score(b"m001", -1.0));
        assert_eq!(ix.rank(b"m001"), Some(0));
        assert!(!ix.set_score(b"nope", 1.0));
        check(&ix);
        let left: Vec<Vec<u8>> = (0..ix.len())
            .filter_map(|i| ix.entry_at(i))
            .map(|(m, _)| m.to_vec())
            .collect();
        for m in left {
            ix.remove(&m);
        }
        assert_eq!(ix.len(), 0);
        assert_eq!(ix.iter_from(0, false).count(), 0);
        ix.insert(b"again", 1.0);
        check(&ix);
    }
}
