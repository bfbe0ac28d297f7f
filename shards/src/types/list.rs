//! List commands and the list value type (Redis's `t_list.c`).
//!
//! A list is a `VecDeque` of owned byte strings: pushing and popping at either end is O(1),
//! LINDEX and LSET reach any element in O(1), LRANGE costs O(length of the range), and LINSERT,
//! LREM and LPOS walk the elements as Redis's quicklist iterator does. Redis 7.0 always
//! reports the `quicklist` encoding, so OBJECT ENCODING has nothing else to say.
//!
//! Lookups follow Redis 7.0: LLEN, LINDEX, LRANGE and LPOS are *read* lookups and count a
//! keyspace hit or miss; every other command looks its keys up for writing and counts
//! nothing. Both drop a key whose time has passed first. A list modified in place keeps its
//! expiry time, and a list emptied by a pop, LREM, LTRIM or a move is removed from the
//! database, as Redis never keeps an empty list.
//!
//! Arguments are checked in Redis's order, which decides which error wins: LRANGE, LTRIM and
//! LREM parse their numbers before looking at the key, LINDEX and LSET after; LINSERT checks
//! BEFORE/AFTER first; the `numkeys`, direction and COUNT of LMPOP/BLMPOP come before the key
//! types, and so does the timeout of the blocking commands.
//!
//! The blocking commands (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP) are implemented here as
//! their non-blocking attempt: the arguments are validated exactly as Redis does, then if a
//! key has data the reply is what Redis sends when it serves the command at once, otherwise
//! what it sends when the timeout passes: a null array for all five (Redis's
//! `replyToBlockedClientTimedOut`, [`reply_timed_out`]), BLMOVE and BRPOPLPUSH included.
//! The server does the waiting around these handlers; [`parse_timeout`] gives it the timeout.
//! One case is the server's to handle: where Redis refuses to block (inside MULTI or a
//! script) it replies at once, and then BLMOVE and BRPOPLPUSH reply a null *bulk string*
//! (`$-1`) instead of the null array ([`reply_not_blocking`]).
//!
//! Commands over several keys (LMOVE, RPOPLPUSH, LMPOP, the blocking ones) see only the keys
//! of this shard: the server runs them whole on one shard, or on copies of all their keys
//! gathered in a scratch shard, so every key they name is in `ctx.db()`.

use crate::aof;
use crate::db::Db;
use crate::errors;
use crate::lookup::{self, Typed, WrongType};
use crate::reply::Reply;
use crate::shard::Ctx;
use crate::util::{parse_i64, LongDouble};
use crate::value::Value;
use bytes::Bytes;
use std::collections::VecDeque;

/// A list of binary-safe strings. Redis 7.0 always reports `quicklist`.
///
/// Two lists are equal when they hold the same elements in the same order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct List {
    items: VecDeque<Box<[u8]>>,
}

impl List {
    /// An empty list.
    pub fn new() -> Self {
        List::default()
    }

    /// The encoding OBJECT ENCODING reports.
    pub fn encoding(&self) -> &'static str {
        "quicklist"
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the list holds no element (never the case for a list stored under a key).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds `item` at the head or the tail.
    pub fn push(&mut self, end: End, item: &[u8]) {
        let item = Box::from(item);
        match end {
            End::Head => self.items.push_front(item),
            End::Tail => self.items.push_back(item),
        }
    }

    /// Removes and returns the element at the head or the tail.
    pub fn pop(&mut self, end: End) -> Option<Box<[u8]>> {
        match end {
            End::Head => self.items.pop_front(),
            End::Tail => self.items.pop_back(),
        }
    }

    /// The element at `index` (from the head, starting at 0).
    pub fn get(&self, index: usize) -> Option<&[u8]> {
        self.items.get(index).map(|item| &item[..])
    }

    /// The elements from head to tail.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &[u8]> + ExactSizeIterator {
        self.items.iter().map(|item| &item[..])
    }

    /// Resolves a possibly negative Redis index (-1 is the last element) to a position.
    fn position(&self, index: i64) -> Option<usize> {
        let len = self.items.len() as i64;
        let index = if index < 0 { index + len } else { index };
        (0..len).contains(&index).then_some(index as usize)
    }
}

impl<T: AsRef<[u8]>> FromIterator<T> for List {
    /// A list of `iter`'s elements, the first at the head.
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List {
            items: iter
                .into_iter()
                .map(|item| Box::from(item.as_ref()))
                .collect(),
        }
    }
}

/// One end of a list: Redis's `LIST_HEAD` (LEFT) and `LIST_TAIL` (RIGHT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The head, LEFT.
    Head,
    /// The tail, RIGHT.
    Tail,
}

/// Parses LEFT or RIGHT in any case (Redis's `getListPositionFromObjectOrReply`).
fn parse_end(arg: &[u8]) -> Option<End> {
    if arg.eq_ignore_ascii_case(b"left") {
        Some(End::Head)
    } else if arg.eq_ignore_ascii_case(b"right") {
        Some(End::Tail)
    } else {
        None
    }
}

/// Parses LEFT or RIGHT, replying `ERR syntax error` to anything else.
fn parse_end_or_reply(reply: &mut Reply, arg: &[u8]) -> Option<End> {
    let end = parse_end(arg);
    if end.is_none() {
        reply.error(errors::SYNTAX);
    }
    end
}

/// Parses a 64-bit integer argument (Redis's `getLongFromObjectOrReply` with its default
/// message), replying `ERR value is not an integer or out of range` if it is not one.
fn parse_long_or_reply(reply: &mut Reply, arg: &[u8]) -> Option<i64> {
    let n = parse_i64(arg);
    if n.is_none() {
        reply.error(errors::NOT_INTEGER);
    }
    n
}

/// Parses an integer in `min..` (Redis's `getRangeLongFromObjectOrReply` with a message):
/// not an integer and out of range both reply `msg`.
fn parse_at_least_or_reply(reply: &mut Reply, arg: &[u8], min: i64, msg: &str) -> Option<i64> {
    match parse_i64(arg) {
        Some(n) if n >= min => Some(n),
        _ => {
            reply.error(msg);
            None
        }
    }
}

/// The list in `value`, for modification in place; `None` for a value of another type.
fn as_list_mut(value: &mut Value) -> Option<&mut List> {
    List::of_mut(value)
}

/// Removes `key` if it holds an empty list, with its `del` keyspace event: Redis deletes a
/// list once its last element goes.
fn remove_if_empty(db: &mut Db, key: &[u8], now: i64) {
    if matches!(db.get(key, now), Some(Value::List(list)) if list.is_empty()) {
        db.remove(key);
        db.notify(crate::notify::GENERIC, "del", key);
    }
}

/// The keyspace event of a push at `end`.
fn push_event(end: End) -> &'static str {
    match end {
        End::Head => "lpush",
        End::Tail => "rpush",
    }
}

/// Notes elements popped from `end` of the list at `key` (Redis's `listElementsRemoved`):
/// the `lpop`/`rpop` event, then the key's removal if it is left empty.
fn popped(db: &mut Db, key: &[u8], end: End, now: i64) {
    let event = match end {
        End::Head => "lpop",
        End::Tail => "rpop",
    };
    db.notify(crate::notify::LIST, event, key);
    remove_if_empty(db, key, now);
}

/// Pops up to `count` elements from `end` of the list at `key` (which exists and is a list),
/// replying with them as an array in the order they were popped, and removes the key if it
/// is left empty (Redis's `addListRangeReply` + `listTypeDelRange`).
fn pop_range_reply(db: &mut Db, reply: &mut Reply, key: &[u8], end: End, count: u64, now: i64) {
    if let Some(list) = db.get_mut(key, now).and_then(as_list_mut) {
        let n = count.min(list.len() as u64) as usize;
        reply.array(n);
        for _ in 0..n {
            if let Some(item) = list.pop(end) {
                reply.bulk(&item);
            }
        }
    }
    popped(db, key, end, now);
}

/// Pops one element from `end` of the list at `key` (which exists and is a list), removing
/// the key if it is left empty.
fn pop_one(db: &mut Db, key: &[u8], end: End, now: i64) -> Option<Box<[u8]>> {
    let item = db
        .get_mut(key, now)
        .and_then(as_list_mut)
        .and_then(|list| list.pop(end));
    if item.is_some() {
        popped(db, key, end, now);
    }
    item
}

/// LPUSH and RPUSH (Redis's `pushGenericCommand`): the list is created if missing.
fn push_generic(ctx: &mut Ctx<'_>, args: &[Bytes], end: End) {
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(Some(list)) => list,
        Ok(None) => {
            db.set(key, Value::list(List::new()));
            match db.get_mut(key, now).and_then(as_list_mut) {
                Some(list) => list,
                None => return,
            }
        }
    };
    for item in &args[2..] {
        list.push(end, item);
    }
    reply.int(list.len() as i64);
    ctx.notify(crate::notify::LIST, push_event(end), key);
}

/// Prepends the elements to the list at `key`, creating it if missing; replies with the new
/// length. The elements end up in reverse order: `LPUSH k a b c` makes `c b a`.
///
/// ```text
/// LPUSH key element [element ...]
/// ```
pub fn lpush(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    push_generic(ctx, args, End::Head);
}

/// Appends the elements to the list at `key`, creating it if missing; replies with the new
/// length.
///
/// ```text
/// RPUSH key element [element ...]
/// ```
pub fn rpush(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    push_generic(ctx, args, End::Tail);
}

/// LPUSHX and RPUSHX (Redis's `pushxGenericCommand`): 0 when the key is missing.
fn pushx_generic(ctx: &mut Ctx<'_>, args: &[Bytes], end: End) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(list)) => {
            for item in &args[2..] {
                list.push(end, item);
            }
            reply.int(list.len() as i64);
            db.notify(crate::notify::LIST, push_event(end), &args[1]);
        }
    }
}

/// Prepends the elements only if `key` holds a list; replies with the length (0 if missing).
///
/// ```text
/// LPUSHX key element [element ...]
/// ```
pub fn lpushx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    pushx_generic(ctx, args, End::Head);
}

/// Appends the elements only if `key` holds a list; replies with the length (0 if missing).
///
/// ```text
/// RPUSHX key element [element ...]
/// ```
pub fn rpushx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    pushx_generic(ctx, args, End::Tail);
}

/// LPOP and RPOP (Redis 7.0's `popGenericCommand`). Without a count: the element, or a null
/// bulk string. With a count: an array of up to `count` elements in the order popped, an
/// empty array for a count of 0 on an existing list, or a null *array* when the key is
/// missing. The count is checked before the key; more than one is an arity error.
fn pop_generic(ctx: &mut Ctx<'_>, args: &[Bytes], end: End, name: &str) {
    let has_count = args.len() == 3;
    if args.len() > 3 {
        ctx.reply.error(&errors::wrong_arity(name));
        return;
    }
    let mut count = 0;
    if has_count {
        match parse_at_least_or_reply(ctx.reply, &args[2], 0, errors::LIST_POP_COUNT) {
            Some(n) => count = n,
            None => return,
        }
    }
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    match lookup::write::<List>(db, key, now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) if has_count => reply.null_array(),
        Ok(None) => reply.null(),
        Ok(Some(_)) if has_count && count == 0 => reply.array(0),
        Ok(Some(_)) if has_count => pop_range_reply(db, reply, key, end, count as u64, now),
        Ok(Some(_)) => match pop_one(db, key, end, now) {
            Some(item) => reply.bulk(&item),
            None => reply.null(),
        },
    }
}

/// Removes and replies with the first element, or with up to `count` of them.
///
/// ```text
/// LPOP key [count]
/// ```
pub fn lpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    pop_generic(ctx, args, End::Head, "lpop");
}

/// Removes and replies with the last element, or with up to `count` of them (last first).
///
/// ```text
/// RPOP key [count]
/// ```
pub fn rpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    pop_generic(ctx, args, End::Tail, "rpop");
}

/// Replies with the length of the list, 0 if the key is missing.
///
/// ```text
/// LLEN key
/// ```
pub fn llen(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => reply.int(0),
        Ok(Some(list)) => reply.int(list.len() as i64),
    }
}

/// Clamps a Redis `start..=end` range (negative indexes count from the tail) to a list of
/// `len` elements, as LRANGE and LTRIM do; `None` when the range is empty.
fn clamp_range(len: usize, start: i64, end: i64) -> Option<(usize, usize)> {
    let len = len as i64;
    let mut start = if start < 0 { start + len } else { start };
    let mut end = if end < 0 { end + len } else { end };
    if start < 0 {
        start = 0;
    }
    if start > end || start >= len {
        return None;
    }
    if end >= len {
        end = len - 1;
    }
    Some((start as usize, end as usize))
}

/// Replies with the elements from `start` to `end` inclusive; negative indexes count from the
/// tail, and out-of-range indexes are clamped. The indexes are parsed before the key is
/// looked at.
///
/// ```text
/// LRANGE key start stop
/// ```
pub fn lrange(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(start) = parse_long_or_reply(ctx.reply, &args[2]) else {
        return;
    };
    let Some(end) = parse_long_or_reply(ctx.reply, &args[3]) else {
        return;
    };
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let list = match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.array(0);
            return;
        }
        Ok(Some(list)) => list,
    };
    match clamp_range(list.len(), start, end) {
        None => reply.array(0),
        Some((first, last)) => {
            reply.array(last - first + 1);
            for item in list.items.range(first..=last) {
                reply.bulk(item);
            }
        }
    }
}

/// Replies with the element at `index` (negative counts from the tail), null when out of
/// range or missing. The key is looked at before the index is parsed.
///
/// ```text
/// LINDEX key index
/// ```
pub fn lindex(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let list = match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.null();
            return;
        }
        Ok(Some(list)) => list,
    };
    let Some(index) = parse_long_or_reply(reply, &args[2]) else {
        return;
    };
    match list.position(index).and_then(|i| list.get(i)) {
        Some(item) => reply.bulk(item),
        None => reply.null(),
    }
}

/// Replaces the element at `index` (negative counts from the tail). A missing key is `ERR no
/// such key`, an index outside the list `ERR index out of range`.
///
/// ```text
/// LSET key index element
/// ```
pub fn lset(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.error(errors::NO_SUCH_KEY);
            return;
        }
        Ok(Some(list)) => list,
    };
    let Some(index) = parse_long_or_reply(reply, &args[2]) else {
        return;
    };
    match list.position(index) {
        Some(i) => {
            list.items[i] = Box::from(&args[3][..]);
            reply.ok();
            ctx.notify(crate::notify::LIST, "lset", &args[1]);
        }
        None => reply.error(errors::LIST_INDEX_OUT_OF_RANGE),
    }
}

/// Inserts `element` before or after the first occurrence of `pivot` (from the head).
/// Replies with the new length, -1 if the pivot is not found, 0 if the key is missing.
/// BEFORE/AFTER is checked before the key.
///
/// ```text
/// LINSERT key <BEFORE | AFTER> pivot element
/// ```
pub fn linsert(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let after = if args[2].eq_ignore_ascii_case(b"after") {
        true
    } else if args[2].eq_ignore_ascii_case(b"before") {
        false
    } else {
        ctx.reply.error(errors::SYNTAX);
        return;
    };
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(list)) => list,
    };
    let pivot = &args[3][..];
    match list.items.iter().position(|item| &item[..] == pivot) {
        None => reply.int(-1),
        Some(i) => {
            let at = if after { i + 1 } else { i };
            list.items.insert(at, Box::from(&args[4][..]));
            reply.int(list.len() as i64);
            db.notify(crate::notify::LIST, "linsert", &args[1]);
        }
    }
}

/// Removes occurrences of `element`: the first `count` from the head when `count` > 0, the
/// last `-count` from the tail when `count` < 0, all of them when `count` is 0. Replies with
/// how many were removed; a list left empty is removed. The count is parsed first.
///
/// ```text
/// LREM key count element
/// ```
pub fn lrem(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(count) = parse_long_or_reply(ctx.reply, &args[2]) else {
        return;
    };
    let now = ctx.now;
    let key = &args[1][..];
    let element = &args[3][..];
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.int(0);
            return;
        }
        Ok(Some(list)) => list,
    };
    // At most `limit` matches go; 0 means all. Redis negates LONG_MIN into itself, which
    // then never equals the number removed: all matches go, as here.
    let limit = match count.unsigned_abs() {
        0 => u64::MAX,
        n => n,
    };
    // From the tail: the matches to remove are the last `limit` ones, that is those at or
    // after the position of the `limit`-th match counted from the tail.
    let first_removable = if count < 0 {
        let mut seen = 0u64;
        let mut from = 0;
        for (i, item) in list.items.iter().enumerate().rev() {
            if &item[..] == element {
                seen += 1;
                from = i;
                if seen == limit {
                    break;
                }
            }
        }
        from
    } else {
        0
    };
    let mut removed = 0u64;
    let mut index = 0;
    list.items.retain(|item| {
        let at = index;
        index += 1;
        if at >= first_removable && removed < limit && &item[..] == element {
            removed += 1;
            false
        } else {
            true
        }
    });
    if removed > 0 {
        db.notify(crate::notify::LIST, "lrem", key);
    }
    remove_if_empty(db, key, now);
    reply.int(removed as i64);
}

/// Keeps only the elements from `start` to `end` inclusive (indexes as LRANGE); an empty
/// range empties the list, which is then removed. Replies `+OK`, also for a missing key.
///
/// ```text
/// LTRIM key start stop
/// ```
pub fn ltrim(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(start) = parse_long_or_reply(ctx.reply, &args[2]) else {
        return;
    };
    let Some(end) = parse_long_or_reply(ctx.reply, &args[3]) else {
        return;
    };
    let now = ctx.now;
    let key = &args[1][..];
    let (db, _, reply) = ctx.parts();
    let list = match lookup::write::<List>(db, key, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.ok();
            return;
        }
        Ok(Some(list)) => list,
    };
    match clamp_range(list.len(), start, end) {
        None => list.items.clear(),
        Some((first, last)) => {
            list.items.truncate(last + 1);
            list.items.drain(..first);
        }
    }
    db.notify(crate::notify::LIST, "ltrim", key);
    remove_if_empty(db, key, now);
    reply.ok();
}

/// Replies with the index of `element` in the list, as Redis 7.0's `lposCommand`.
///
/// RANK n starts from the n-th match (negative: from the tail, the index still counted from
/// the head); COUNT n replies with an array of up to n indexes (0: all); MAXLEN n compares at
/// most n elements. Options are checked before the key. Without COUNT, no match is a null
/// reply; with COUNT, an empty array.
///
/// ```text
/// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]
/// ```
pub fn lpos(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let mut rank: i64 = 1;
    let mut count: Option<i64> = None;
    let mut maxlen: i64 = 0;
    let mut j = 3;
    while j < args.len() {
        let opt = &args[j][..];
        let more = j + 1 < args.len();
        if opt.eq_ignore_ascii_case(b"RANK") && more {
            j += 1;
            let Some(n) = parse_long_or_reply(ctx.reply, &args[j]) else {
                return;
            };
            if n == 0 {
                ctx.reply.error(errors::LIST_RANK_ZERO);
                return;
            }
            rank = n;
        } else if opt.eq_ignore_ascii_case(b"COUNT") && more {
            j += 1;
            match parse_at_least_or_reply(ctx.reply, &args[j], 0, errors::LIST_COUNT_NEGATIVE) {
                Some(n) => count = Some(n),
                None => return,
            }
        } else if opt.eq_ignore_ascii_case(b"MAXLEN") && more {
            j += 1;
            match parse_at_least_or_reply(ctx.reply, &args[j], 0, errors::LIST_MAXLEN_NEGATIVE) {
                Some(n) => maxlen = n,
                None => return,
            }
        } else {
            ctx.reply.error(errors::SYNTAX);
            return;
        }
        j += 1;
    }
    // A negative rank searches from the tail. Redis negates LONG_MIN into itself, a rank
    // every match then reaches: the wrapping arithmetic below does the same.
    let from_tail = rank < 0;
    if from_tail {
        rank = rank.wrapping_neg();
    }
    let now = ctx.now;
    let (db, stats, reply) = ctx.parts();
    let list = match lookup::read::<List>(db, stats, &args[1], now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            if count.is_some() {
                reply.array(0);
            } else {
                reply.null();
            }
            return;
        }
        Ok(Some(list)) => list,
    };
    let element = &args[2][..];
    let len = list.len();
    let mut found: Vec<i64> = Vec::new();
    let mut matches: i64 = 0;
    let walk: Box<dyn Iterator<Item = &[u8]>> = if from_tail {
        Box::new(list.iter().rev())
    } else {
        Box::new(list.iter())
    };
    for (scanned, item) in walk.enumerate() {
        if maxlen != 0 && scanned as i64 >= maxlen {
            break;
        }
        if item != element {
            continue;
        }
        matches += 1;
        if matches < rank {
            continue;
        }
        let index = if from_tail {
            len - scanned - 1
        } else {
            scanned
        };
        found.push(index as i64);
        match count {
            None => break,
            Some(c) => {
                if c != 0 && matches.wrapping_sub(rank).wrapping_add(1) >= c {
                    break;
                }
            }
        }
    }
    match count {
        Some(_) => {
            reply.array(found.len());
            for index in found {
                reply.int(index);
            }
        }
        None => match found.first() {
            Some(&index) => reply.int(index),
            None => reply.null(),
        },
    }
}

/// LMOVE and RPOPLPUSH (Redis's `lmoveGenericCommand`): the source is looked at first (null
/// if missing, WRONGTYPE), then the destination's type, then the element moves. The source
/// and the destination may be the same key (a rotation).
fn move_generic(ctx: &mut Ctx<'_>, src: &[u8], dst: &[u8], from: End, to: End) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    match lookup::write::<List>(db, src, now) {
        Err(WrongType) => return reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply.null();
            return;
        }
        Ok(Some(list)) if list.is_empty() => {
            reply.null();
            return;
        }
        Ok(Some(_)) => {}
    }
    if let Err(WrongType) = lookup::write::<List>(db, dst, now) {
        return reply.error(errors::WRONGTYPE);
    }
    let Some(item) = db
        .get_mut(src, now)
        .and_then(as_list_mut)
        .and_then(|list| list.pop(from))
    else {
        reply.null();
        return;
    };
    if !db.contains(dst, now) {
        db.set(dst, Value::list(List::new()));
    }
    if let Some(list) = db.get_mut(dst, now).and_then(as_list_mut) {
        list.push(to, &item);
    }
    // Redis's `lmoveGenericCommand`: the push's events, then the pop's.
    db.notify(crate::notify::LIST, push_event(to), dst);
    popped(db, src, from, now);
    reply.bulk(&item);
}

/// Pops an element from one end of `source` and pushes it on one end of `destination`
/// (created if missing); replies with the element, null if `source` is missing.
///
/// ```text
/// LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>
/// ```
pub fn lmove(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(from) = parse_end_or_reply(ctx.reply, &args[3]) else {
        return;
    };
    let Some(to) = parse_end_or_reply(ctx.reply, &args[4]) else {
        return;
    };
    move_generic(ctx, &args[1], &args[2], from, to);
}

/// LMOVE source destination RIGHT LEFT.
///
/// ```text
/// RPOPLPUSH source destination
/// ```
pub fn rpoplpush(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    move_generic(ctx, &args[1], &args[2], End::Tail, End::Head);
}

/// The arguments of LMPOP and BLMPOP after `numkeys`.
#[derive(Debug)]
struct MpopArgs {
    /// Index of the first key in the arguments.
    first_key: usize,
    /// Number of keys.
    numkeys: usize,
    /// Which end to pop from.
    end: End,
    /// How many elements to pop at most.
    count: u64,
}

/// Parses `numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` starting at `args[at]`, as
/// Redis's `lmpopGenericCommand`: `numkeys` must be a positive integer, there must be room
/// for the keys and the direction, the direction must be LEFT or RIGHT, and COUNT (once) a
/// positive integer. On error the reply is written and `None` returned.
fn parse_mpop(reply: &mut Reply, args: &[Bytes], at: usize) -> Option<MpopArgs> {
    let numkeys = parse_at_least_or_reply(reply, &args[at], 1, errors::LIST_NUMKEYS)? as u64;
    // The direction follows the keys; Redis computes its index and checks it is an argument.
    let where_idx = (at as u64 + 1).saturating_add(numkeys);
    if where_idx >= args.len() as u64 {
        reply.error(errors::SYNTAX);
        return None;
    }
    let where_idx = where_idx as usize;
    let end = parse_end_or_reply(reply, &args[where_idx])?;
    let mut count: Option<u64> = None;
    let mut j = where_idx + 1;
    while j < args.len() {
        let more = j + 1 < args.len();
        if count.is_none() && args[j].eq_ignore_ascii_case(b"COUNT") && more {
            j += 1;
            count = Some(parse_at_least_or_reply(reply, &args[j], 1, errors::LIST_COUNT)? as u64);
        } else {
            reply.error(errors::SYNTAX);
            return None;
        }
        j += 1;
    }
    Some(MpopArgs {
        first_key: at + 1,
        numkeys: numkeys as usize,
        end,
        count: count.unwrap_or(1),
    })
}

/// Redis's `mpopGenericCommand`: pops from the first of `keys` that holds a non-empty list
/// and replies `[key, [elements]]`; `false` (nothing replied) when every key is missing.
/// A key of another type met before a list is WRONGTYPE (and `true`).
fn mpop_keys(ctx: &mut Ctx<'_>, keys: &[Bytes], end: End, count: u64) -> bool {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    for key in keys {
        match lookup::write::<List>(db, key, now) {
            Err(WrongType) => {
                reply.error(errors::WRONGTYPE);
                return true;
            }
            Ok(None) => continue,
            Ok(Some(list)) if list.is_empty() => continue,
            Ok(Some(_)) => {
                reply.array(2);
                reply.bulk(key);
                pop_range_reply(db, reply, key, end, count, now);
                return true;
            }
        }
    }
    false
}

/// Pops up to `count` elements from the first non-empty list among the keys; replies with
/// `[key, [elements]]`, or a null array when every key is missing.
///
/// ```text
/// LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]
/// ```
pub fn lmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(parsed) = parse_mpop(ctx.reply, args, 1) else {
        return;
    };
    let keys = &args[parsed.first_key..parsed.first_key + parsed.numkeys];
    if !mpop_keys(ctx, keys, parsed.end, parsed.count) {
        ctx.reply.null_array();
    }
}

/// The timeout of a blocking list command in milliseconds from now, as Redis 7.0's
/// `getTimeoutFromObjectOrReply` reads it in seconds: 0 blocks forever.
///
/// The text is a `long double` (`strtold`: decimal or hexadecimal, with an exponent, `inf`;
/// `ERR timeout is not a float or out of range` otherwise); it is multiplied by 1000 in
/// `long double` and truncated to a 64-bit integer as x86-64 does, so `0.0005` is 0 (forever),
/// `-0.0005` too, `0.001` is 0 as well (its `long double` is a hair below 1/1000), and a
/// value whose product does not fit (`inf`, `1e17`) becomes the most negative integer. A
/// negative result is `ERR timeout is negative`. Redis 7.0 has no upper bound: up to about
/// 9.2e15 seconds is accepted, and the deadline (`now + ms`) should saturate rather than wrap.
pub fn parse_timeout(arg: &[u8]) -> Result<i64, &'static str> {
    match seconds_to_ms(arg) {
        None => Err(errors::TIMEOUT_NOT_FLOAT),
        Some(ms) if ms < 0 => Err(errors::TIMEOUT_NEGATIVE),
        Some(ms) => Ok(ms),
    }
}

/// `(long long)(strtold(arg) * 1000.0)` as compiled for x86-64 (x87 `long double`: a 64-bit
/// significand, products rounded to nearest, ties to even; a conversion out of range gives
/// `LLONG_MIN`). `None` when `arg` is not a float Redis accepts.
fn seconds_to_ms(arg: &[u8]) -> Option<i64> {
    if let Some(n) = parse_i64(arg) {
        // An integer below 2^63 is exact in a long double, and so is its product when that
        // fits in 64 bits.
        return Some(n.checked_mul(1000).unwrap_or(i64::MIN));
    }
    let value = LongDouble::parse(arg)?;
    if value.is_infinite() {
        return Some(i64::MIN);
    }
    // strtold rounds symmetrically, so the magnitude is the same text without its sign.
    let negative = arg.first() == Some(&b'-');
    let magnitude = if negative {
        LongDouble::parse(&arg[1..])?
    } else {
        value
    };
    Some(match magnitude_ms(magnitude) {
        Some(ms) if negative => -(ms as i64),
        Some(ms) => ms as i64,
        None => i64::MIN,
    })
}

/// `trunc(x * 1000)` for a finite `x >= 0`, the product rounded to a 64-bit significand
/// first; `None` when it is 2^63 or more (out of `long long`'s range).
///
/// `LongDouble` shows its value only as `%.17Lf` text, which is not enough near an integer
/// (`0.001` is `0.00099999999999999999995...`). Doubling is exact, so the value is doubled
/// `k` times into `[2^63, 2^64)`, where it is an integer `n` the text shows exactly: then
/// `x = n / 2^k` and the product is computed exactly from `n`.
fn magnitude_ms(x: LongDouble) -> Option<u64> {
    let text = x.to_human();
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    // 2^63 / 1000 is about 9.2e15: far beyond it, the product does not fit.
    if int_part.len() > 16 {
        return None;
    }
    let int_value: u64 = int_part.parse().ok()?;
    if int_value > 9_223_372_036_854_776 {
        return None;
    }
    // Below 0.0001 (give or take the last printed digit), the product is below 0.1.
    if int_value == 0 && (frac.is_empty() || frac.starts_with("0000")) {
        return Some(0);
    }
    let estimate: f64 = text.parse().ok()?;
    // x is in [1e-4, 9.3e15], so k is in [10, 77].
    let mut k = (63.0 - estimate.log2().floor()).max(0.0) as u32;
    for _ in 0..4 {
        let mut y = x;
        for _ in 0..k {
            y = y.checked_add(y)?;
        }
        match y.to_human().parse::<u128>() {
            Ok(n) if n >= 1 << 64 => k = k.checked_sub(1)?,
            Ok(n) if n >= 1 << 63 => return ms_from_scaled(n as u64, k),
            // Below 2^63 (a fraction does not parse as an integer).
            _ => k += 1,
        }
    }
    None
}

/// `trunc(round64(n / 2^k * 1000))` with `n` in `[2^63, 2^64)`; `None` if it is 2^63 or more.
fn ms_from_scaled(n: u64, k: u32) -> Option<u64> {
    let product = n as u128 * 1000;
    let bits = 128 - product.leading_zeros();
    let mut shift = bits - 64;
    let mut mant = product >> shift;
    let rest = product & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && mant & 1 == 1) {
        mant += 1;
        if mant >> 64 != 0 {
            mant >>= 1;
            shift += 1;
        }
    }
    // The rounded product is mant * 2^(shift - k), with mant >= 2^63.
    if shift >= k {
        return None;
    }
    let down = k - shift;
    let value = if down >= 128 { 0 } else { mant >> down };
    u64::try_from(value).ok().filter(|&v| v < 1 << 63)
}

/// Parses a blocking command's timeout, replying with Redis's error if it is bad.
fn timeout_or_reply(reply: &mut Reply, arg: &[u8]) -> Option<i64> {
    match parse_timeout(arg) {
        Ok(ms) => Some(ms),
        Err(e) => {
            reply.error(e);
            None
        }
    }
}

/// BLPOP and BRPOP (Redis's `blockingPopGenericCommand` without a count): the timeout is
/// checked first, then the keys in order; the first non-empty list is popped and replied as
/// `[key, element]`, a key of another type met before it is WRONGTYPE.
fn bpop_generic(ctx: &mut Ctx<'_>, args: &[Bytes], end: End) {
    let last = args.len() - 1;
    if timeout_or_reply(ctx.reply, &args[last]).is_none() {
        return;
    }
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    for key in &args[1..last] {
        match lookup::write::<List>(db, key, now) {
            Err(WrongType) => return reply.error(errors::WRONGTYPE),
            Ok(None) => continue,
            Ok(Some(list)) if list.is_empty() => continue,
            Ok(Some(_)) => {
                if let Some(item) = pop_one(db, key, end, now) {
                    reply.array(2);
                    reply.bulk(key);
                    reply.bulk(&item);
                    if ctx.aof_enabled() {
                        // Logged as the non-blocking pop of the key it served, as Redis does.
                        let name: &[u8] = if end == End::Head { b"LPOP" } else { b"RPOP" };
                        ctx.propagate(vec![aof::command(&[name, key])]);
                    }
                    return;
                }
            }
        }
    }
    reply_timed_out(reply);
    if ctx.aof_enabled() {
        ctx.propagate(Vec::new());
    }
}

/// The non-blocking attempt of BLPOP: `[key, element]` from the first non-empty list, or a
/// null array (what Redis replies on timeout) when every key is missing.
///
/// ```text
/// BLPOP key [key ...] timeout
/// ```
pub fn blpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    bpop_generic(ctx, args, End::Head);
}

/// The non-blocking attempt of BRPOP: `[key, element]` from the tail of the first non-empty
/// list, or a null array when every key is missing.
///
/// ```text
/// BRPOP key [key ...] timeout
/// ```
pub fn brpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    bpop_generic(ctx, args, End::Tail);
}

/// What every blocking list command replies when its timeout passes without data: a null
/// array (`*-1`, `_` in RESP3), also for BLMOVE and BRPOPLPUSH (Redis's
/// `replyToBlockedClientTimedOut`). The handlers reply this when no key has data.
pub fn reply_timed_out(reply: &mut Reply) {
    reply.null_array();
}

/// What a blocking list command replies without data where Redis does not let a client
/// block (inside MULTI or a script, `CLIENT_DENY_BLOCKING`): a null array for BLPOP, BRPOP
/// and BLMPOP, but a null bulk string (`$-1`, `_` in RESP3) for BLMOVE and BRPOPLPUSH.
/// `name` is the command name in any case.
pub fn reply_not_blocking(reply: &mut Reply, name: &[u8]) {
    if name.eq_ignore_ascii_case(b"blmove") || name.eq_ignore_ascii_case(b"brpoplpush") {
        reply.null();
    } else {
        reply.null_array();
    }
}

/// BLMOVE and BRPOPLPUSH (Redis's `blmoveGenericCommand`): a source of another type is
/// WRONGTYPE, a missing source the timeout reply (whatever the destination holds),
/// otherwise LMOVE.
fn bmove_generic(ctx: &mut Ctx<'_>, args: &[Bytes], from: End, to: End) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => {
            reply_timed_out(reply);
            if ctx.aof_enabled() {
                ctx.propagate(Vec::new());
            }
        }
        Ok(Some(_)) => {
            let errors = ctx.reply.error_count();
            move_generic(ctx, &args[1], &args[2], from, to);
            if ctx.aof_enabled() && ctx.reply.error_count() == errors {
                // Logged as the non-blocking form, as Redis does.
                let logged = if args.len() == 6 {
                    aof::command(&[b"LMOVE", &args[1], &args[2], &args[3], &args[4]])
                } else {
                    aof::command(&[b"RPOPLPUSH", &args[1], &args[2]])
                };
                ctx.propagate(vec![logged]);
            }
        }
    }
}

/// The non-blocking attempt of BLMOVE: the directions, then the timeout are checked, then it
/// is LMOVE when the source holds a list, the timeout reply (a null array) otherwise.
///
/// ```text
/// BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout
/// ```
pub fn blmove(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(from) = parse_end_or_reply(ctx.reply, &args[3]) else {
        return;
    };
    let Some(to) = parse_end_or_reply(ctx.reply, &args[4]) else {
        return;
    };
    if timeout_or_reply(ctx.reply, &args[5]).is_none() {
        return;
    }
    bmove_generic(ctx, args, from, to);
}

/// The non-blocking attempt of BRPOPLPUSH: BLMOVE source destination RIGHT LEFT timeout.
///
/// ```text
/// BRPOPLPUSH source destination timeout
/// ```
pub fn brpoplpush(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if timeout_or_reply(ctx.reply, &args[3]).is_none() {
        return;
    }
    bmove_generic(ctx, args, End::Tail, End::Head);
}

/// The non-blocking attempt of BLMPOP: `numkeys`, the direction and COUNT are checked, then
/// the timeout, then it is LMPOP (a null array when every key is missing).
///
/// ```text
/// BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]
/// ```
pub fn blmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(parsed) = parse_mpop(ctx.reply, args, 2) else {
        return;
    };
    if timeout_or_reply(ctx.reply, &args[1]).is_none() {
        return;
    }
    let keys = &args[parsed.first_key..parsed.first_key + parsed.numkeys];
    let errors = ctx.reply.error_count();
    let served = mpop_keys(ctx, keys, parsed.end, parsed.count);
    if !served {
        reply_timed_out(ctx.reply);
    }
    if ctx.aof_enabled() {
        // Logged as LMPOP (same keys, direction and count), as Redis does; not at all when
        // nothing was popped.
        let logged = if served && ctx.reply.error_count() == errors {
            let mut cmd = vec![Bytes::from_static(b"LMPOP")];
            cmd.extend(args[2..].iter().cloned());
            vec![cmd]
        } else {
            Vec::new()
        };
        ctx.propagate(logged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shard::Shard;

    /// The handler of a list command (or SET/GET, to make keys of another type), by name.
    fn handler(name: &str) -> crate::Handler {
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
    fn run_at(shard: &mut Shard, now: i64, resp3: bool, words: &[&str]) -> String {
        let args: Vec<Bytes> = words
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        let mut reply = Reply::new(resp3);
        shard.run(handler(words[0]), 0, now, &args, &mut reply);
        String::from_utf8_lossy(reply.as_bytes()).into_owned()
    }

    /// Runs one command in RESP2 at time 0.
    fn run(shard: &mut Shard, words: &[&str]) -> String {
        run_at(shard, 0, false, words)
    }

    /// Runs one command in RESP3 at time 0.
    fn run3(shard: &mut Shard, words: &[&str]) -> String {
        run_at(shard, 0, true, words)
    }

    fn err(text: &str) -> String {
        format!("-{text}\r\n")
    }

    fn int(n: i64) -> String {
        format!(":{n}\r\n")
    }

    fn bulk(s: &str) -> String {
        format!("${}\r\n{s}\r\n", s.len())
    }

    /// An array of bulk strings.
    fn bulks(items: &[&str]) -> String {
        let mut out = format!("*{}\r\n", items.len());
        for item in items {
            out.push_str(&bulk(item));
        }
        out
    }

    /// An array of integers.
    fn ints(items: &[i64]) -> String {
        let mut out = format!("*{}\r\n", items.len());
        for &item in items {
            out.push_str(&int(item));
        }
        out
    }

    const NULL: &str = "$-1\r\n";
    const NULL_ARRAY: &str = "*-1\r\n";
    const NULL3: &str = "_\r\n";
    const EMPTY: &str = "*0\r\n";
    const OK: &str = "+OK\r\n";

    /// A shard with `key` holding the list of `items`.
    fn with_list(key: &str, items: &[&str]) -> Shard {
        let mut s = Shard::new(16, 1);
        let mut words = vec!["RPUSH", key];
        words.extend_from_slice(items);
        run(&mut s, &words);
        s
    }

    fn range(s: &mut Shard, key: &str) -> String {
        run(s, &["LRANGE", key, "0", "-1"])
    }

    fn exists(s: &mut Shard, key: &str) -> bool {
        s.dbs[0].contains(key.as_bytes(), 0)
    }

    #[test]
    fn push_creates_and_orders() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, &["LPUSH", "k", "a", "b", "c"]), int(3));
        assert_eq!(range(&mut s, "k"), bulks(&["c", "b", "a"]));
        assert_eq!(run(&mut s, &["RPUSH", "k", "x", "y"]), int(5));
        assert_eq!(range(&mut s, "k"), bulks(&["c", "b", "a", "x", "y"]));
        assert_eq!(run(&mut s, &["LLEN", "k"]), int(5));
        assert_eq!(run(&mut s, &["LLEN", "missing"]), int(0));
        // Binary safe, empty elements allowed.
        assert_eq!(run(&mut s, &["RPUSH", "bin", "", "a\r\nb"]), int(2));
        assert_eq!(range(&mut s, "bin"), bulks(&["", "a\r\nb"]));
        assert_eq!(
            s.dbs[0].get(b"k", 0).map(Value::encoding),
            Some("quicklist")
        );
        assert_eq!(s.dbs[0].get(b"k", 0).map(Value::type_name), Some("list"));
    }

    #[test]
    fn pushx_only_on_existing_lists() {
        let mut s = Shard::new(16, 1);
        assert_eq!(run(&mut s, &["LPUSHX", "k", "a"]), int(0));
        assert_eq!(run(&mut s, &["RPUSHX", "k", "a", "b"]), int(0));
        assert!(!exists(&mut s, "k"));
        run(&mut s, &["RPUSH", "k", "m"]);
        assert_eq!(run(&mut s, &["LPUSHX", "k", "a", "b"]), int(3));
        assert_eq!(run(&mut s, &["RPUSHX", "k", "z"]), int(4));
        assert_eq!(range(&mut s, "k"), bulks(&["b", "a", "m", "z"]));
    }

    #[test]
    fn pop_without_count() {
        let mut s = with_list("k", &["a", "b", "c"]);
        assert_eq!(run(&mut s, &["LPOP", "k"]), bulk("a"));
        assert_eq!(run(&mut s, &["RPOP", "k"]), bulk("c"));
        assert_eq!(run(&mut s, &["RPOP", "k"]), bulk("b"));
        assert!(!exists(&mut s, "k"), "an emptied list is removed");
        assert_eq!(run(&mut s, &["LPOP", "k"]), NULL);
        assert_eq!(run3(&mut s, &["RPOP", "k"]), NULL3);
    }

    #[test]
    fn pop_with_count() {
        let mut s = with_list("k", &["a", "b", "c", "d", "e"]);
        assert_eq!(run(&mut s, &["LPOP", "k", "2"]), bulks(&["a", "b"]));
        assert_eq!(run(&mut s, &["RPOP", "k", "2"]), bulks(&["e", "d"]));
        assert_eq!(run(&mut s, &["LPOP", "k", "0"]), EMPTY);
        assert_eq!(run3(&mut s, &["LPOP", "k", "0"]), EMPTY);
        assert_eq!(run(&mut s, &["RPOP", "k", "10"]), bulks(&["c"]));
        assert!(!exists(&mut s, "k"));
        // A missing key with a count is a null array, even for a count of 0.
        assert_eq!(run(&mut s, &["LPOP", "k", "1"]), NULL_ARRAY);
        assert_eq!(run(&mut s, &["RPOP", "k", "0"]), NULL_ARRAY);
        assert_eq!(run3(&mut s, &["LPOP", "k", "3"]), NULL3);
    }

    #[test]
    fn pop_errors() {
        let mut s = with_list("k", &["a"]);
        let range_err = err("ERR value is out of range, must be positive");
        assert_eq!(run(&mut s, &["LPOP", "k", "-1"]), range_err);
        assert_eq!(run(&mut s, &["LPOP", "k", "x"]), range_err);
        // The count is checked before the key.
        assert_eq!(run(&mut s, &["RPOP", "missing", "1.5"]), range_err);
        assert_eq!(
            run(&mut s, &["LPOP", "k", "1", "2"]),
            err("ERR wrong number of arguments for 'lpop' command")
        );
        assert_eq!(
            run(&mut s, &["RPOP", "k", "1", "2"]),
            err("ERR wrong number of arguments for 'rpop' command")
        );
        assert_eq!(range(&mut s, "k"), bulks(&["a"]));
    }

    #[test]
    fn lrange_clamps_like_redis() {
        let mut s = with_list("k", &["a", "b", "c", "d"]);
        let cases: &[(&str, &str, &[&str])] = &[
            ("0", "-1", &["a", "b", "c", "d"]),
            ("1", "2", &["b", "c"]),
            ("-2", "-1", &["c", "d"]),
            ("-100", "1", &["a", "b"]),
            ("2", "100", &["c", "d"]),
            ("3", "3", &["d"]),
            ("4", "10", &[]),
            ("2", "1", &[]),
            ("0", "-5", &[]),
            ("-1", "-2", &[]),
            (
                "-9223372036854775808",
                "9223372036854775807",
                &["a", "b", "c", "d"],
            ),
            ("9223372036854775807", "-9223372036854775808", &[]),
        ];
        for (start, end, want) in cases {
            assert_eq!(
                run(&mut s, &["LRANGE", "k", start, end]),
                bulks(want),
                "LRANGE {start} {end}"
            );
        }
        assert_eq!(run(&mut s, &["LRANGE", "missing", "0", "-1"]), EMPTY);
        assert_eq!(run3(&mut s, &["LRANGE", "missing", "0", "-1"]), EMPTY);
        // The indexes are parsed before the key is looked at.
        let not_int = err(errors::NOT_INTEGER);
        assert_eq!(run(&mut s, &["LRANGE", "missing", "x", "1"]), not_int);
        assert_eq!(run(&mut s, &["LRANGE", "k", "0", "1.0"]), not_int);
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(run(&mut s, &["LRANGE", "str", "a", "1"]), not_int);
        assert_eq!(
            run(&mut s, &["LRANGE", "str", "0", "1"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn lindex_and_lset() {
        let mut s = with_list("k", &["a", "b", "c"]);
        assert_eq!(run(&mut s, &["LINDEX", "k", "0"]), bulk("a"));
        assert_eq!(run(&mut s, &["LINDEX", "k", "-1"]), bulk("c"));
        assert_eq!(run(&mut s, &["LINDEX", "k", "-3"]), bulk("a"));
        assert_eq!(run(&mut s, &["LINDEX", "k", "3"]), NULL);
        assert_eq!(run(&mut s, &["LINDEX", "k", "-4"]), NULL);
        assert_eq!(run(&mut s, &["LINDEX", "k", "-9223372036854775808"]), NULL);
        assert_eq!(run3(&mut s, &["LINDEX", "k", "9"]), NULL3);
        // The key is looked at before the index is parsed.
        assert_eq!(run(&mut s, &["LINDEX", "missing", "x"]), NULL);
        assert_eq!(run(&mut s, &["LINDEX", "k", "x"]), err(errors::NOT_INTEGER));

        assert_eq!(run(&mut s, &["LSET", "k", "1", "B"]), OK);
        assert_eq!(run(&mut s, &["LSET", "k", "-1", "C"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["a", "B", "C"]));
        let out = err("ERR index out of range");
        assert_eq!(run(&mut s, &["LSET", "k", "3", "x"]), out);
        assert_eq!(run(&mut s, &["LSET", "k", "-4", "x"]), out);
        assert_eq!(
            run(&mut s, &["LSET", "missing", "x", "x"]),
            err("ERR no such key")
        );
        assert_eq!(
            run(&mut s, &["LSET", "k", "x", "x"]),
            err(errors::NOT_INTEGER)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LSET", "str", "x", "x"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(run(&mut s, &["LINDEX", "str", "x"]), err(errors::WRONGTYPE));
    }

    #[test]
    fn linsert_before_and_after_the_first_pivot() {
        let mut s = with_list("k", &["a", "b", "a"]);
        assert_eq!(run(&mut s, &["LINSERT", "k", "BEFORE", "a", "x"]), int(4));
        assert_eq!(run(&mut s, &["LINSERT", "k", "after", "a", "y"]), int(5));
        assert_eq!(run(&mut s, &["LINSERT", "k", "After", "b", "z"]), int(6));
        assert_eq!(range(&mut s, "k"), bulks(&["x", "a", "y", "b", "z", "a"]));
        assert_eq!(
            run(&mut s, &["LINSERT", "k", "BEFORE", "nope", "x"]),
            int(-1)
        );
        assert_eq!(
            run(&mut s, &["LINSERT", "missing", "BEFORE", "a", "x"]),
            int(0)
        );
        assert!(!exists(&mut s, "missing"));
        // BEFORE/AFTER is checked first.
        assert_eq!(
            run(&mut s, &["LINSERT", "missing", "MIDDLE", "a", "x"]),
            err(errors::SYNTAX)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LINSERT", "str", "MIDDLE", "a", "x"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["LINSERT", "str", "AFTER", "a", "x"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn lrem_from_either_end() {
        let items = ["a", "b", "a", "c", "a", "b", "a"];
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "2", "a"]), int(2));
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "a", "b", "a"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "-2", "a"]), int(2));
        assert_eq!(range(&mut s, "k"), bulks(&["a", "b", "a", "c", "b"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "-1", "b"]), int(1));
        assert_eq!(range(&mut s, "k"), bulks(&["a", "b", "a", "c", "a", "a"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "0", "a"]), int(4));
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "b"]));
        let mut s = with_list("k", &items);
        assert_eq!(run(&mut s, &["LREM", "k", "-100", "a"]), int(4));
        assert_eq!(run(&mut s, &["LREM", "k", "9", "zz"]), int(0));
        let mut s = with_list("k", &items);
        assert_eq!(
            run(&mut s, &["LREM", "k", "-9223372036854775808", "a"]),
            int(4)
        );
        assert_eq!(
            run(&mut s, &["LREM", "k", "9223372036854775807", "b"]),
            int(2)
        );
        assert_eq!(range(&mut s, "k"), bulks(&["c"]));
        assert_eq!(run(&mut s, &["LREM", "k", "1", "c"]), int(1));
        assert!(!exists(&mut s, "k"), "an emptied list is removed");
        assert_eq!(run(&mut s, &["LREM", "k", "1", "c"]), int(0));
        assert_eq!(
            run(&mut s, &["LREM", "k", "x", "c"]),
            err(errors::NOT_INTEGER)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LREM", "str", "x", "c"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, &["LREM", "str", "0", "c"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn ltrim_keeps_a_range() {
        let mut s = with_list("k", &["a", "b", "c", "d", "e"]);
        assert_eq!(run(&mut s, &["LTRIM", "k", "1", "-2"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "d"]));
        assert_eq!(run(&mut s, &["LTRIM", "k", "-100", "100"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["b", "c", "d"]));
        assert_eq!(run(&mut s, &["LTRIM", "k", "2", "2"]), OK);
        assert_eq!(range(&mut s, "k"), bulks(&["d"]));
        assert_eq!(run(&mut s, &["LTRIM", "k", "1", "0"]), OK);
        assert!(!exists(&mut s, "k"), "an emptied list is removed");
        assert_eq!(run(&mut s, &["LTRIM", "k", "0", "1"]), OK);
        assert!(!exists(&mut s, "k"));
        assert_eq!(
            run(&mut s, &["LTRIM", "k", "0", "x"]),
            err(errors::NOT_INTEGER)
        );
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LTRIM", "str", "x", "0"]),
            err(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut s, &["LTRIM", "str", "0", "0"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn lpos_options() {
        //                              0    1    2    3    4    5    6
        let mut s = with_list("k", &["a", "b", "c", "a", "b", "c", "a"]);
        assert_eq!(run(&mut s, &["LPOS", "k", "a"]), int(0));
        assert_eq!(run(&mut s, &["LPOS", "k", "c"]), int(2));
        assert_eq!(run(&mut s, &["LPOS", "k", "x"]), NULL);
        assert_eq!(run3(&mut s, &["LPOS", "k", "x"]), NULL3);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "2"]), int(3));
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "4"]), NULL);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "-1"]), int(6));
        assert_eq!(run(&mut s, &["LPOS", "k", "b", "rank", "-2"]), int(1));
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "0"]),
            ints(&[0, 3, 6])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "2"]),
            ints(&[0, 3])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "2", "RANK", "2"]),
            ints(&[3, 6])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "-1", "COUNT", "0"]),
            ints(&[6, 3, 0])
        );
        assert_eq!(run(&mut s, &["LPOS", "k", "x", "COUNT", "0"]), EMPTY);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "MAXLEN", "3"]), int(0));
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "MAXLEN", "3", "COUNT", "0"]),
            ints(&[0])
        );
        assert_eq!(run(&mut s, &["LPOS", "k", "c", "MAXLEN", "2"]), NULL);
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "-1", "MAXLEN", "1"]),
            int(6)
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "b", "RANK", "-1", "MAXLEN", "2"]),
            NULL
        );
        // The last of a repeated option wins.
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "3", "RANK", "1"]),
            int(0)
        );
        // RANK LONG_MIN: Redis negates it into itself, so every match is past the rank.
        let min = "-9223372036854775808";
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", min]), int(6));
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", min, "COUNT", "1"]),
            ints(&[6, 3, 0])
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "9223372036854775807"]),
            NULL
        );
        assert_eq!(run(&mut s, &["LPOS", "missing", "a"]), NULL);
        assert_eq!(run(&mut s, &["LPOS", "missing", "a", "COUNT", "1"]), EMPTY);
    }

    #[test]
    fn lpos_errors_in_redis_order() {
        let mut s = with_list("k", &["a"]);
        run(&mut s, &["SET", "str", "v"]);
        let rank0 = err(errors::LIST_RANK_ZERO);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "RANK", "0"]), rank0);
        assert_eq!(run(&mut s, &["LPOS", "str", "a", "RANK", "0"]), rank0);
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK", "x"]),
            err(errors::NOT_INTEGER)
        );
        let count = err("ERR COUNT can't be negative");
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "COUNT", "-1"]), count);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "COUNT", "x"]), count);
        let maxlen = err("ERR MAXLEN can't be negative");
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "MAXLEN", "-1"]), maxlen);
        assert_eq!(run(&mut s, &["LPOS", "k", "a", "MAXLEN", "1.5"]), maxlen);
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "RANK"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "FOO", "1"]),
            err(errors::SYNTAX)
        );
        // An option error before a bad one later: the first wins.
        assert_eq!(
            run(&mut s, &["LPOS", "k", "a", "COUNT", "-1", "RANK", "0"]),
            count
        );
        assert_eq!(run(&mut s, &["LPOS", "str", "a"]), err(errors::WRONGTYPE));
    }

    #[test]
    fn lmove_between_keys() {
        let mut s = with_list("src", &["a", "b", "c"]);
        assert_eq!(
            run(&mut s, &["LMOVE", "src", "dst", "LEFT", "RIGHT"]),
            bulk("a")
        );
        assert_eq!(
            run(&mut s, &["LMOVE", "src", "dst", "right", "left"]),
            bulk("c")
        );
        assert_eq!(range(&mut s, "dst"), bulks(&["c", "a"]));
        assert_eq!(run(&mut s, &["RPOPLPUSH", "src", "dst"]), bulk("b"));
        assert!(!exists(&mut s, "src"), "an emptied source is removed");
        assert_eq!(range(&mut s, "dst"), bulks(&["b", "c", "a"]));
        assert_eq!(run(&mut s, &["LMOVE", "src", "dst", "LEFT", "LEFT"]), NULL);
        assert_eq!(run3(&mut s, &["RPOPLPUSH", "src", "dst"]), NULL3);
        assert_eq!(
            run(&mut s, &["LMOVE", "dst", "dst", "LEFT", "RIGHT"]),
            bulk("b")
        );
        assert_eq!(range(&mut s, "dst"), bulks(&["c", "a", "b"]));
        assert_eq!(run(&mut s, &["RPOPLPUSH", "dst", "dst"]), bulk("b"));
        assert_eq!(range(&mut s, "dst"), bulks(&["b", "c", "a"]));
        // A single element moved onto its own list stays.
        let mut s = with_list("one", &["x"]);
        assert_eq!(
            run(&mut s, &["LMOVE", "one", "one", "LEFT", "LEFT"]),
            bulk("x")
        );
        assert_eq!(range(&mut s, "one"), bulks(&["x"]));
    }

    #[test]
    fn lmove_errors() {
        let mut s = with_list("src", &["a"]);
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["LMOVE", "src", "dst", "UP", "LEFT"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["LMOVE", "src", "dst", "LEFT", "DOWN"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["LMOVE", "str", "dst", "UP", "LEFT"]),
            err(errors::SYNTAX)
        );
        // The source first: missing is null whatever the destination is.
        assert_eq!(
            run(&mut s, &["LMOVE", "missing", "str", "LEFT", "LEFT"]),
            NULL
        );
        assert_eq!(
            run(&mut s, &["LMOVE", "str", "src", "LEFT", "LEFT"]),
            err(errors::WRONGTYPE)
        );
        // A destination of another type leaves the source alone.
        assert_eq!(
            run(&mut s, &["RPOPLPUSH", "src", "str"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(range(&mut s, "src"), bulks(&["a"]));
    }

    #[test]
    fn lmpop_pops_from_the_first_non_empty_list() {
        let mut s = with_list("b", &["1", "2", "3"]);
        let reply = |key: &str, items: &[&str]| format!("*2\r\n{}{}", bulk(key), bulks(items));
        assert_eq!(
            run(&mut s, &["LMPOP", "2", "a", "b", "LEFT"]),
            reply("b", &["1"])
        );
        assert_eq!(
            run(&mut s, &["LMPOP", "2", "a", "b", "right", "COUNT", "5"]),
            reply("b", &["3", "2"])
        );
        assert!(!exists(&mut s, "b"));
        assert_eq!(run(&mut s, &["LMPOP", "2", "a", "b", "LEFT"]), NULL_ARRAY);
        assert_eq!(
            run3(&mut s, &["LMPOP", "1", "a", "LEFT", "COUNT", "2"]),
            NULL3
        );
        // A key of another type before a list is WRONGTYPE; after one it is not looked at.
        run(&mut s, &["SET", "str", "v"]);
        run(&mut s, &["RPUSH", "l", "x", "y"]);
        assert_eq!(
            run(&mut s, &["LMPOP", "2", "str", "l", "LEFT"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(
            run(&mut s, &["LMPOP", "2", "l", "str", "LEFT"]),
            reply("l", &["x"])
        );
        assert_eq!(
            run3(&mut s, &["LMPOP", "1", "l", "LEFT"]),
            reply("l", &["y"])
        );
    }

    #[test]
    fn lmpop_errors() {
        let mut s = with_list("a", &["1"]);
        let numkeys = err("ERR numkeys should be greater than 0");
        let count = err("ERR count should be greater than 0");
        let syntax = err(errors::SYNTAX);
        let cases: &[(&[&str], &String)] = &[
            (&["LMPOP", "0", "a", "LEFT"], &numkeys),
            (&["LMPOP", "-1", "a", "LEFT"], &numkeys),
            (&["LMPOP", "x", "a", "LEFT"], &numkeys),
            (&["LMPOP", "2", "a", "LEFT"], &syntax),
            (&["LMPOP", "9223372036854775807", "a", "LEFT"], &syntax),
            (&["LMPOP", "1", "a", "MIDDLE"], &syntax),
            (&["LMPOP", "1", "a", "LEFT", "COUNT"], &syntax),
            (&["LMPOP", "1", "a", "LEFT", "COUNT", "0"], &count),
            (&["LMPOP", "1", "a", "LEFT", "COUNT", "-1"], &count),
            (&["LMPOP", "1", "a", "LEFT", "COUNT", "x"], &count),
            (
                &["LMPOP", "1", "a", "LEFT", "COUNT", "1", "COUNT", "1"],
                &syntax,
            ),
            (&["LMPOP", "1", "a", "LEFT", "FOO"], &syntax),
        ];
        for (words, want) in cases {
            assert_eq!(&run(&mut s, words), *want, "{words:?}");
        }
        assert_eq!(range(&mut s, "a"), bulks(&["1"]));
    }

    #[test]
    fn blocking_pops_serve_at_once_or_reply_the_timeout() {
        let mut s = with_list("b", &["1", "2", "3"]);
        let pair = |k: &str, v: &str| bulks(&[k, v]);
        assert_eq!(run(&mut s, &["BLPOP", "a", "b", "0"]), pair("b", "1"));
        assert_eq!(run(&mut s, &["BRPOP", "a", "b", "0.5"]), pair("b", "3"));
        assert_eq!(run(&mut s, &["BRPOP", "b", "1"]), pair("b", "2"));
        assert!(!exists(&mut s, "b"));
        assert_eq!(run(&mut s, &["BLPOP", "a", "b", "1"]), NULL_ARRAY);
        assert_eq!(run3(&mut s, &["BRPOP", "a", "0"]), NULL3);
        run(&mut s, &["SET", "str", "v"]);
        run(&mut s, &["RPUSH", "l", "x"]);
        assert_eq!(
            run(&mut s, &["BLPOP", "str", "l", "0"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(run(&mut s, &["BLPOP", "l", "str", "0"]), pair("l", "x"));
        // The timeout is checked before the keys.
        let negative = err("ERR timeout is negative");
        let not_float = err("ERR timeout is not a float or out of range");
        assert_eq!(run(&mut s, &["BLPOP", "str", "-1"]), negative);
        assert_eq!(run(&mut s, &["BRPOP", "str", "x"]), not_float);
        assert_eq!(run(&mut s, &["BLPOP", "a", "inf"]), negative);
    }

    #[test]
    fn blocking_moves() {
        let mut s = with_list("src", &["a", "b"]);
        assert_eq!(
            run(&mut s, &["BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"]),
            bulk("a")
        );
        assert_eq!(run(&mut s, &["BRPOPLPUSH", "src", "dst", "1.5"]), bulk("b"));
        assert!(!exists(&mut s, "src"));
        assert_eq!(range(&mut s, "dst"), bulks(&["b", "a"]));
        // The timeout reply is a null array, as for the other blocking commands.
        assert_eq!(
            run(&mut s, &["BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"]),
            NULL_ARRAY
        );
        assert_eq!(run3(&mut s, &["BRPOPLPUSH", "src", "dst", "0"]), NULL3);
        run(&mut s, &["SET", "str", "v"]);
        // A missing source times out whatever the destination is.
        assert_eq!(run(&mut s, &["BRPOPLPUSH", "src", "str", "0"]), NULL_ARRAY);
        assert_eq!(
            run(&mut s, &["BRPOPLPUSH", "str", "dst", "0"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(
            run(&mut s, &["BRPOPLPUSH", "dst", "str", "0"]),
            err(errors::WRONGTYPE)
        );
        assert_eq!(range(&mut s, "dst"), bulks(&["b", "a"]));
        // Directions, then the timeout, then the keys.
        let syntax = err(errors::SYNTAX);
        let negative = err("ERR timeout is negative");
        assert_eq!(
            run(&mut s, &["BLMOVE", "str", "d", "UP", "LEFT", "-1"]),
            syntax
        );
        assert_eq!(
            run(&mut s, &["BLMOVE", "str", "d", "LEFT", "UP", "-1"]),
            syntax
        );
        assert_eq!(
            run(&mut s, &["BLMOVE", "str", "d", "LEFT", "LEFT", "-1"]),
            negative
        );
        assert_eq!(run(&mut s, &["BRPOPLPUSH", "str", "d", "-1"]), negative);
    }

    #[test]
    fn timeout_and_not_blocking_replies() {
        let mut r = Reply::new(false);
        reply_timed_out(&mut r);
        reply_not_blocking(&mut r, b"BLPOP");
        reply_not_blocking(&mut r, b"blmpop");
        reply_not_blocking(&mut r, b"BLMOVE");
        reply_not_blocking(&mut r, b"brpoplpush");
        assert_eq!(r.as_bytes(), b"*-1\r\n*-1\r\n*-1\r\n$-1\r\n$-1\r\n");
        let mut r = Reply::new(true);
        reply_timed_out(&mut r);
        reply_not_blocking(&mut r, b"BLMOVE");
        assert_eq!(r.as_bytes(), b"_\r\n_\r\n");
    }

    #[test]
    fn blmpop_checks_its_arguments_then_the_timeout() {
        let mut s = with_list("b", &["1", "2", "3"]);
        let reply = |key: &str, items: &[&str]| format!("*2\r\n{}{}", bulk(key), bulks(items));
        assert_eq!(
            run(&mut s, &["BLMPOP", "0", "2", "a", "b", "LEFT"]),
            reply("b", &["1"])
        );
        assert_eq!(
            run(&mut s, &["BLMPOP", "1", "1", "b", "RIGHT", "COUNT", "9"]),
            reply("b", &["3", "2"])
        );
        assert_eq!(run(&mut s, &["BLMPOP", "0", "1", "b", "LEFT"]), NULL_ARRAY);
        assert_eq!(run3(&mut s, &["BLMPOP", "0", "1", "b", "LEFT"]), NULL3);
        let numkeys = err("ERR numkeys should be greater than 0");
        let count = err("ERR count should be greater than 0");
        let negative = err("ERR timeout is negative");
        let not_float = err("ERR timeout is not a float or out of range");
        assert_eq!(run(&mut s, &["BLMPOP", "-1", "0", "b", "LEFT"]), numkeys);
        assert_eq!(
            run(&mut s, &["BLMPOP", "x", "1", "b", "UP"]),
            err(errors::SYNTAX)
        );
        assert_eq!(
            run(&mut s, &["BLMPOP", "x", "1", "b", "LEFT", "COUNT", "0"]),
            count
        );
        assert_eq!(run(&mut s, &["BLMPOP", "x", "1", "b", "LEFT"]), not_float);
        assert_eq!(run(&mut s, &["BLMPOP", "-1", "1", "b", "LEFT"]), negative);
        run(&mut s, &["SET", "str", "v"]);
        assert_eq!(
            run(&mut s, &["BLMPOP", "0", "1", "str", "LEFT"]),
            err(errors::WRONGTYPE)
        );
    }

    #[test]
    fn timeouts_convert_like_x86_64_redis() {
        // Expected values are `(long long)(strtold(s) * 1000.0)` from C on x86-64.
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("1", 1000),
            ("0.001", 0),
            ("-0.001", 0),
            ("0.1", 100),
            ("0.3", 300),
            ("1.001", 1001),
            ("0.0005", 0),
            ("-0.0009", 0),
            ("9223372036854775", 9223372036854775000),
            ("9223372036854775.807", 9223372036854775806),
            ("9223372036854775.8075", 9223372036854775807),
            ("1e17", i64::MIN),
            ("inf", i64::MIN),
            ("-inf", i64::MIN),
            ("1e-400", 0),
            ("0x1p-3", 125),
            ("-0.002", -1),
            ("0.007", 7),
            ("4.35", 4350),
            ("1.1", 1100),
            ("2.675", 2675),
            ("0.000999999999999999999", 0),
            ("-9223372036854775.808", -9223372036854775807),
            ("-9223372036854775.809", i64::MIN),
            ("+5", 5000),
            ("-0", 0),
            ("1.5e3", 1500000),
            ("9223372036854775807", i64::MIN),
            ("-9223372036854775808", i64::MIN),
        ];
        for &(text, want) in cases {
            assert_eq!(seconds_to_ms(text.as_bytes()), Some(want), "{text}");
        }
        for bad in ["", " 1", "1 ", "abc", "nan", "1e", "--1", "-+1", "0x"] {
            assert_eq!(seconds_to_ms(bad.as_bytes()), None, "{bad:?}");
        }
        assert_eq!(parse_timeout(b"2.5"), Ok(2500));
        assert_eq!(parse_timeout(b"-0.002"), Err(errors::TIMEOUT_NEGATIVE));
        assert_eq!(parse_timeout(b"1e17"), Err(errors::TIMEOUT_NEGATIVE));
        assert_eq!(parse_timeout(b"x"), Err(errors::TIMEOUT_NOT_FLOAT));
    }

    #[test]
    fn every_command_refuses_another_type() {
        let mut s = Shard::new(16, 1);
        run(&mut s, &["SET", "str", "v"]);
        let commands: &[&[&str]] = &[
            &["LPUSH", "str", "a"],
            &["RPUSH", "str", "a"],
            &["LPUSHX", "str", "a"],
            &["RPUSHX", "str", "a"],
            &["LPOP", "str"],
            &["RPOP", "str", "0"],
            &["LLEN", "str"],
            &["LRANGE", "str", "0", "-1"],
            &["LINDEX", "str", "0"],
            &["LSET", "str", "0", "a"],
            &["LINSERT", "str", "BEFORE", "a", "b"],
            &["LREM", "str", "0", "a"],
            &["LTRIM", "str", "0", "1"],
            &["LPOS", "str", "a"],
            &["LMOVE", "str", "x", "LEFT", "LEFT"],
            &["RPOPLPUSH", "str", "x"],
            &["LMPOP", "1", "str", "LEFT"],
            &["BLPOP", "str", "0"],
            &["BRPOP", "str", "0"],
            &["BLMOVE", "str", "x", "LEFT", "LEFT", "0"],
            &["BRPOPLPUSH", "str", "x", "0"],
            &["BLMPOP", "0", "1", "str", "LEFT"],
        ];
        for words in commands {
            assert_eq!(run(&mut s, words), err(errors::WRONGTYPE), "{words:?}");
        }
        assert!(matches!(s.dbs[0].get(b"str", 0), Some(Value::Str(v)) if v == b"v"));
        assert!(!exists(&mut s, "x"));
    }

    #[test]
    fn read_commands_count_keyspace_hits() {
        let mut s = with_list("k", &["a"]);
        for words in [
            &["LLEN", "k"][..],
            &["LRANGE", "k", "0", "1"],
            &["LINDEX", "k", "0"],
            &["LPOS", "k", "a"],
            &["LLEN", "m"],
            &["LRANGE", "m", "0", "1"],
            &["LINDEX", "m", "0"],
            &["LPOS", "m", "a"],
        ] {
            run(&mut s, words);
        }
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (4, 4));
        // Write lookups count nothing; neither do arguments refused before the lookup.
        run(&mut s, &["LRANGE", "k", "x", "1"]);
        run(&mut s, &["RPUSH", "k", "b"]);
        run(&mut s, &["LPOP", "k"]);
        run(&mut s, &["LMOVE", "k", "d", "LEFT", "LEFT"]);
        run(&mut s, &["BLPOP", "d", "0"]);
        assert_eq!((s.stats.keyspace_hits, s.stats.keyspace_misses), (4, 4));
    }

    #[test]
    fn expiry_is_kept_in_place_and_expired_keys_are_missing() {
        let mut s = with_list("k", &["a", "b", "c"]);
        s.dbs[0].set_expire(b"k", 100);
        assert_eq!(run(&mut s, &["RPUSH", "k", "d"]), int(4));
        assert_eq!(run(&mut s, &["LPOP", "k"]), bulk("a"));
        assert_eq!(run(&mut s, &["LSET", "k", "0", "B"]), OK);
        assert_eq!(s.dbs[0].expire_at(b"k"), Some(100));
        assert_eq!(run_at(&mut s, 101, false, &["LLEN", "k"]), int(0));
        assert_eq!(run_at(&mut s, 101, false, &["LPUSHX", "k", "x"]), int(0));
        assert_eq!(run_at(&mut s, 101, false, &["LPUSH", "k", "x"]), int(1));
        assert_eq!(s.dbs[0].expire_at(b"k"), None);
        // A string whose time passed is no obstacle to a push.
        run(&mut s, &["PSETEX", "t", "50", "v"]);
        assert_eq!(run_at(&mut s, 51, false, &["RPUSH", "t", "x"]), int(1));
        assert_eq!(s.dbs[0].expire_at(b"t"), None);
        // Nor is an expired destination for LMOVE: it starts a new list without a TTL.
        run(&mut s, &["RPUSH", "d", "old"]);
        s.dbs[0].set_expire(b"d", 60);
        assert_eq!(
            run_at(&mut s, 61, false, &["LMOVE", "t", "d", "LEFT", "LEFT"]),
            bulk("x")
        );
        assert_eq!(
            run_at(&mut s, 61, false, &["LRANGE", "d", "0", "-1"]),
            bulks(&["x"])
        );
        assert_eq!(s.dbs[0].expire_at(b"d"), None);
    }

    #[test]
    fn list_api() {
        let mut list: List = ["a", "b"].into_iter().collect();
        list.push(End::Head, b"z");
        assert_eq!(list.len(), 3);
        assert_eq!(list.get(0), Some(&b"z"[..]));
        assert_eq!(list.iter().next_back(), Some(&b"b"[..]));
        assert_eq!(list.pop(End::Tail).as_deref(), Some(&b"b"[..]));
        assert_eq!(list.position(-1), Some(1));
        assert_eq!(list.position(-3), None);
        assert_eq!(list.position(i64::MIN), None);
        assert!(!list.is_empty());
        assert_eq!(list.encoding(), "quicklist");
    }
}
