//! MOVE: a key moved to another database of the same shard (Redis's `moveCommand`). A key
//! and its copies in every database live on the shard its slot maps to, so MOVE is a
//! keyed command like any other: one handler, one row in the command table.

use crate::keys::{put_entry, take_entry};
use crate::notify::GENERIC;
use crate::util::parse_i64;
use crate::{errors, Ctx};
use bytes::Bytes;

/// ```text
/// MOVE key db
/// ```
///
/// As Redis 7.0: the database index is checked first (`value is not an integer...`,
/// `value is out of range...`, `DB index is out of range`, then `source and destination
/// objects are the same`); 0 when the key is missing or the destination already holds it;
/// otherwise the value and its expiry move, the destination raises `new`, then `move_from`
/// (source database) and `move_to` (destination) are raised, and the reply is 1.
pub fn move_key(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(dst) = parse_i64(&args[2]) else {
        return ctx.reply.error(errors::NOT_INTEGER);
    };
    if i32::try_from(dst).is_err() {
        return ctx.reply.error(errors::INT_RANGE);
    }
    let dst = match usize::try_from(dst) {
        Ok(dst) if dst < ctx.shard.dbs.len() => dst,
        _ => return ctx.reply.error(errors::DB_INDEX),
    };
    let src = ctx.db;
    if dst == src {
        return ctx.reply.error(errors::SAME_OBJECT);
    }
    let (key, now) = (&args[1][..], ctx.now);
    if !ctx.shard.dbs[src].contains(key, now) || ctx.shard.dbs[dst].contains(key, now) {
        return ctx.reply.int(0);
    }
    let Some((value, expire_at)) = take_entry(&mut ctx.shard.dbs[src], key, now) else {
        return ctx.reply.int(0);
    };
    put_entry(&mut ctx.shard.dbs[dst], key, value, expire_at);
    ctx.notify_in(src, GENERIC, "move_from", key);
    ctx.notify_in(dst, GENERIC, "move_to", key);
    ctx.reply.int(1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Reply, Shard, Value};

    fn run(shard: &mut Shard, db: usize, args: &[&str]) -> Vec<u8> {
        let args: Vec<Bytes> = args.iter().map(|a| Bytes::from(a.to_string())).collect();
        let mut reply = Reply::new(false);
        shard.run(move_key, db, 1_000, &args, &mut reply);
        reply.take().to_vec()
    }

    #[test]
    fn a_key_moves_with_its_expiry_and_only_to_an_empty_place() {
        let mut shard = Shard::new(16, 1);
        shard.dbs[0].set(b"k", Value::string(b"v"));
        shard.dbs[0].set_expire(b"k", 50_000);
        assert_eq!(run(&mut shard, 0, &["MOVE", "k", "3"]), b":1\r\n");
        assert!(!shard.dbs[0].contains(b"k", 1_000));
        assert_eq!(shard.dbs[3].expire_at(b"k"), Some(50_000));
        assert_eq!(
            run(&mut shard, 0, &["MOVE", "k", "3"]),
            b":0\r\n",
            "gone from 0"
        );
        shard.dbs[0].set(b"k", Value::string(b"other"));
        assert_eq!(
            run(&mut shard, 0, &["MOVE", "k", "3"]),
            b":0\r\n",
            "3 holds it"
        );
    }

    #[test]
    fn bad_indexes_get_redis_errors_in_redis_order() {
        let mut shard = Shard::new(16, 1);
        let error = |e: &str| format!("-{e}\r\n").into_bytes();
        assert_eq!(
            run(&mut shard, 0, &["MOVE", "k", "x"]),
            error(errors::NOT_INTEGER)
        );
        assert_eq!(
            run(&mut shard, 0, &["MOVE", "k", "4294967296"]),
            error(errors::INT_RANGE)
        );
        assert_eq!(
            run(&mut shard, 0, &["MOVE", "k", "16"]),
            error(errors::DB_INDEX)
        );
        assert_eq!(
            run(&mut shard, 0, &["MOVE", "k", "-1"]),
            error(errors::DB_INDEX)
        );
        assert_eq!(
            run(&mut shard, 2, &["MOVE", "k", "2"]),
            error(errors::SAME_OBJECT)
        );
    }
}
