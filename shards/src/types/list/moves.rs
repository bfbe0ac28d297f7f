//! The commands over several lists that do not block: LMOVE, RPOPLPUSH, LMPOP.

use super::parse::{parse_end, parse_mpop};
use super::value::{End, List};
use super::{as_list_mut, pop_range_reply, popped, push_event};
use crate::errors;
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use crate::value::Value;
use bytes::Bytes;

/// LMOVE and RPOPLPUSH (Redis's `lmoveGenericCommand`): the source is looked at first (null
/// if missing), then the destination's type, then the element moves and is replied. The
/// source and the destination may be the same key (a rotation). Either key holding another
/// type is `Err(WrongType)`, nothing replied (the caller replies WRONGTYPE).
pub(super) fn move_generic(
    ctx: &mut Ctx<'_>,
    src: &[u8],
    dst: &[u8],
    from: End,
    to: End,
) -> Result<(), WrongType> {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    match lookup::write::<List>(db, src, now)? {
        None => {
            reply.null();
            return Ok(());
        }
        Some(list) if list.is_empty() => {
            reply.null();
            return Ok(());
        }
        Some(_) => {}
    }
    // Only the destination's type is checked here; it is created below when missing.
    lookup::write::<List>(db, dst, now)?;
    let Some(item) = db
        .get_mut(src, now)
        .and_then(as_list_mut)
        .and_then(|list| list.pop(from))
    else {
        reply.null();
        return Ok(());
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
    Ok(())
}

/// Pops an element from one end of `source` and pushes it on one end of `destination`
/// (created if missing); replies with the element, null if `source` is missing.
///
/// ```text
/// LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>
/// ```
pub fn lmove(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let from = match parse_end(&args[3]) {
        Ok(from) => from,
        Err(e) => return ctx.reply.error(e),
    };
    let to = match parse_end(&args[4]) {
        Ok(to) => to,
        Err(e) => return ctx.reply.error(e),
    };
    if let Err(WrongType) = move_generic(ctx, &args[1], &args[2], from, to) {
        ctx.reply.error(errors::WRONGTYPE);
    }
}

/// LMOVE source destination RIGHT LEFT.
///
/// ```text
/// RPOPLPUSH source destination
/// ```
pub fn rpoplpush(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if let Err(WrongType) = move_generic(ctx, &args[1], &args[2], End::Tail, End::Head) {
        ctx.reply.error(errors::WRONGTYPE);
    }
}

/// Redis's `mpopGenericCommand`: pops from the first of `keys` that holds a non-empty list
/// and replies `[key, [elements]]` (`Ok(true)`); `Ok(false)`, nothing replied, when every
/// key is missing. A key of another type met before a list is `Err(WrongType)`, nothing
/// replied (the caller replies WRONGTYPE).
pub(super) fn mpop_keys(
    ctx: &mut Ctx<'_>,
    keys: &[Bytes],
    end: End,
    count: u64,
) -> Result<bool, WrongType> {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    for key in keys {
        match lookup::write::<List>(db, key, now)? {
            None => continue,
            Some(list) if list.is_empty() => continue,
            Some(_) => {
                reply.array(2);
                reply.bulk(key);
                pop_range_reply(db, reply, key, end, count, now);
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Pops up to `count` elements from the first non-empty list among the keys; replies with
/// `[key, [elements]]`, or a null array when every key is missing.
///
/// ```text
/// LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]
/// ```
pub fn lmpop(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let parsed = match parse_mpop(args, 1) {
        Ok(parsed) => parsed,
        Err(e) => return ctx.reply.error(e),
    };
    let keys = &args[parsed.first_key..parsed.first_key + parsed.numkeys];
    match mpop_keys(ctx, keys, parsed.end, parsed.count) {
        Ok(true) => {}
        Ok(false) => ctx.reply.null_array(),
        Err(WrongType) => ctx.reply.error(errors::WRONGTYPE),
    }
}

#[cfg(test)]
mod tests {
    use crate::errors;
    use crate::types::list::test_bench::*;

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
}
