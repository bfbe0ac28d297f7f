//! The commands that push and pop at either end: LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP.

use super::parse::parse_at_least;
use super::value::{End, List};
use super::{as_list_mut, pop_one, pop_range_reply, push_event};
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use crate::value::Value;
use bytes::Bytes;

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
        match parse_at_least(&args[2], 0, errors::LIST_POP_COUNT) {
            Ok(n) => count = n,
            Err(e) => return ctx.reply.error(e),
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

#[cfg(test)]
mod tests {
    use crate::shard::Shard;
    use crate::types::list::test_bench::*;
    use crate::value::Value;

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
}
