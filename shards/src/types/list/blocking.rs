//! The blocking commands, as their non-blocking attempt (see the module doc): BLPOP, BRPOP,
//! BLMOVE, BRPOPLPUSH, BLMPOP, and the replies for a timeout and for a refusal to block.

use super::moves::{move_generic, mpop_keys};
use super::parse::{parse_end, parse_mpop, parse_timeout};
use super::pop_one;
use super::value::{End, List};
use crate::lookup::{self, WrongType};
use crate::shard::Ctx;
use crate::{aof, errors};
use bytes::Bytes;

/// BLPOP and BRPOP (Redis's `blockingPopGenericCommand` without a count): the timeout is
/// checked first, then the keys in order; the first non-empty list is popped and replied as
/// `[key, element]`, a key of another type met before it is WRONGTYPE.
fn bpop_generic(ctx: &mut Ctx<'_>, args: &[Bytes], end: End) {
    let last = args.len() - 1;
    if let Err(e) = parse_timeout(&args[last]) {
        return ctx.reply.error(e);
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
    ctx.empty_handed();
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

/// BLMOVE and BRPOPLPUSH (Redis's `blmoveGenericCommand`): a source of another type is
/// WRONGTYPE, a missing source the timeout reply (whatever the destination holds),
/// otherwise LMOVE.
fn bmove_generic(ctx: &mut Ctx<'_>, args: &[Bytes], from: End, to: End) {
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    match lookup::write::<List>(db, &args[1], now) {
        Err(WrongType) => reply.error(errors::WRONGTYPE),
        Ok(None) => {
            ctx.empty_handed();
            if ctx.aof_enabled() {
                ctx.propagate(Vec::new());
            }
        }
        Ok(Some(_)) => {
            if let Err(WrongType) = move_generic(ctx, &args[1], &args[2], from, to) {
                return ctx.reply.error(errors::WRONGTYPE);
            }
            if ctx.aof_enabled() {
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
    let from = match parse_end(&args[3]) {
        Ok(from) => from,
        Err(e) => return ctx.reply.error(e),
    };
    let to = match parse_end(&args[4]) {
        Ok(to) => to,
        Err(e) => return ctx.reply.error(e),
    };
    if let Err(e) = parse_timeout(&args[5]) {
        return ctx.reply.error(e);
    }
    bmove_generic(ctx, args, from, to);
}

/// The non-blocking attempt of BRPOPLPUSH: BLMOVE source destination RIGHT LEFT timeout.
///
/// ```text
/// BRPOPLPUSH source destination timeout
/// ```
pub fn brpoplpush(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    if let Err(e) = parse_timeout(&args[3]) {
        return ctx.reply.error(e);
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
    let parsed = match parse_mpop(args, 2) {
        Ok(parsed) => parsed,
        Err(e) => return ctx.reply.error(e),
    };
    if let Err(e) = parse_timeout(&args[1]) {
        return ctx.reply.error(e);
    }
    let keys = &args[parsed.first_key..parsed.first_key + parsed.numkeys];
    let served = match mpop_keys(ctx, keys, parsed.end, parsed.count) {
        Ok(true) => true,
        Ok(false) => {
            ctx.empty_handed();
            false
        }
        Err(WrongType) => {
            ctx.reply.error(errors::WRONGTYPE);
            false
        }
    };
    if ctx.aof_enabled() {
        // Logged as LMPOP (same keys, direction and count), as Redis does; not at all when
        // nothing was popped.
        let logged = if served {
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
    use crate::errors;
    use crate::reply::Reply;
    use crate::types::list::test_bench::*;

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
    fn a_pop_that_finds_nothing_marks_the_shard_empty_handed() {
        let mut s = with_list("b", &["1"]);
        let attempt = |s: &mut crate::Shard, words: &[&str]| {
            let args: Vec<bytes::Bytes> = words
                .iter()
                .map(|w| bytes::Bytes::copy_from_slice(w.as_bytes()))
                .collect();
            let mut reply = Reply::new(false);
            let handler = match words[0] {
                "BLPOP" => super::blpop,
                "BLMOVE" => super::blmove,
                "BZPOPMIN" => crate::types::zset::bzpopmin,
                _ => super::blmpop,
            };
            s.run(handler, 0, 0, &args, &mut reply);
            (reply.as_bytes().to_vec(), s.take_empty_handed())
        };
        assert_eq!(
            attempt(&mut s, &["BLPOP", "a", "0"]),
            (b"*-1\r\n".to_vec(), true)
        );
        // The mark is read once.
        assert!(!s.take_empty_handed());
        let served = attempt(&mut s, &["BLPOP", "a", "b", "0"]);
        assert!(!served.1);
        assert_eq!(
            attempt(&mut s, &["BLMOVE", "b", "d", "LEFT", "LEFT", "0"]),
            (b"*-1\r\n".to_vec(), true)
        );
        assert_eq!(
            attempt(&mut s, &["BLMPOP", "0", "1", "b", "LEFT"]),
            (b"*-1\r\n".to_vec(), true)
        );
        assert_eq!(
            attempt(&mut s, &["BZPOPMIN", "z", "0"]),
            (b"*-1\r\n".to_vec(), true)
        );
        // A refusal is not empty-handed: the client gets the error.
        assert!(!attempt(&mut s, &["BLPOP", "a", "-1"]).1);
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
}
