//! SWAPDB: two databases exchange their keys (Redis's `swapdbCommand`). Every shard holds a
//! part of every database, so the server runs this handler on every shard at one moment
//! (`Everywhere`, under the whole-keyspace lock of every shard): clients see the swap whole.
//! Each shard's swap touches the WATCHed keys of either database ([`crate::Db::swap_keyspace`])
//! and, after the batch, wakes clients blocked on keys that now hold data.

use crate::util::parse_i64;
use crate::{errors, Ctx};
use bytes::Bytes;

/// A database index as `getIntFromObjectOrReply` reads it with SWAPDB's own message.
fn index(arg: &[u8]) -> Option<i64> {
    parse_i64(arg).filter(|n| i32::try_from(*n).is_ok())
}

/// ```text
/// SWAPDB index1 index2
/// ```
///
/// As Redis 7.0: `invalid first DB index`, `invalid second DB index`, then `DB index is out
/// of range`; the same index twice is a no-op `OK`.
pub fn swapdb(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let Some(a) = index(&args[1]) else {
        return ctx.reply.error("ERR invalid first DB index");
    };
    let Some(b) = index(&args[2]) else {
        return ctx.reply.error("ERR invalid second DB index");
    };
    let n = ctx.shard.dbs.len() as i64;
    if !(0..n).contains(&a) || !(0..n).contains(&b) {
        return ctx.reply.error(errors::DB_INDEX);
    }
    let (a, b) = (a.min(b) as usize, a.max(b) as usize);
    if a != b {
        let (low, high) = ctx.shard.dbs.split_at_mut(b);
        low[a].swap_keyspace(&mut high[0]);
    }
    ctx.reply.ok();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Reply, Shard, Value};

    fn run(shard: &mut Shard, args: &[&str]) -> Vec<u8> {
        let args: Vec<Bytes> = args.iter().map(|a| Bytes::from(a.to_string())).collect();
        let mut reply = Reply::new(false);
        shard.run(swapdb, 0, 1_000, &args, &mut reply);
        reply.take().to_vec()
    }

    #[test]
    fn two_databases_exchange_their_keys() {
        let mut shard = Shard::new(16, 1);
        shard.dbs[1].set(b"a", Value::string(b"1"));
        shard.dbs[5].set(b"b", Value::string(b"2"));
        assert_eq!(run(&mut shard, &["SWAPDB", "5", "1"]), b"+OK\r\n");
        assert!(shard.dbs[1].contains(b"b", 0) && shard.dbs[5].contains(b"a", 0));
        assert_eq!(run(&mut shard, &["SWAPDB", "3", "3"]), b"+OK\r\n");
    }

    #[test]
    fn bad_indexes_get_redis_errors() {
        let mut shard = Shard::new(16, 1);
        let error = |e: &str| format!("-{e}\r\n").into_bytes();
        assert_eq!(
            run(&mut shard, &["SWAPDB", "x", "1"]),
            error("ERR invalid first DB index")
        );
        assert_eq!(
            run(&mut shard, &["SWAPDB", "1", "4294967296"]),
            error("ERR invalid second DB index")
        );
        assert_eq!(
            run(&mut shard, &["SWAPDB", "1", "16"]),
            error(errors::DB_INDEX)
        );
    }
}
