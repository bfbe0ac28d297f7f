//! COPY: its option parser, which the handler, the cross-shard COPY and the lock protocol
//! share, and the handler for both keys on this shard.

use super::entry::{peek_entry, put_entry};
use crate::errors;
use crate::shard::Ctx;
use crate::util::parse_i64;
use bytes::Bytes;

/// COPY's options (`COPY source destination [DB destination-db] [REPLACE]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyOptions {
    /// REPLACE: overwrite an existing destination.
    pub replace: bool,
    /// DB: the destination's database, when named.
    pub db: Option<usize>,
}

/// Parses COPY's options after its two keys, with Redis's errors in Redis's order: the one
/// parser the handler, the cross-shard COPY and the lock protocol (which locks the
/// destination in the database it names) all use. `databases`: how many there are.
pub fn parse_copy_options(args: &[Bytes], databases: usize) -> Result<CopyOptions, &'static str> {
    let mut options = CopyOptions {
        replace: false,
        db: None,
    };
    let mut j = 3;
    while j < args.len() {
        let opt = &args[j][..];
        if opt.eq_ignore_ascii_case(b"replace") {
            options.replace = true;
        } else if opt.eq_ignore_ascii_case(b"db") && j + 1 < args.len() {
            let id = parse_i64(&args[j + 1]).ok_or(errors::NOT_INTEGER)?;
            let id = i32::try_from(id).map_err(|_| errors::INT_RANGE)?;
            match usize::try_from(id) {
                Ok(id) if id < databases => options.db = Some(id),
                _ => return Err(errors::DB_INDEX),
            }
            j += 1;
        } else {
            return Err(errors::SYNTAX);
        }
        j += 1;
    }
    Ok(options)
}

/// ```text
/// COPY source destination [DB destination-db] [REPLACE]
/// ```
///
/// Both keys on this shard; `DB` may name another database of it. Replies 1 when copied, 0
/// when the source is missing or the destination exists without REPLACE. The copy keeps the
/// source's expiry time.
pub fn copy(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    let src_db = ctx.db;
    let options = match parse_copy_options(args, ctx.shard.dbs.len()) {
        Ok(options) => options,
        Err(e) => {
            ctx.reply.error(e);
            return;
        }
    };
    let (replace, dst_db) = (options.replace, options.db.unwrap_or(src_db));
    let (src, dst) = (&args[1][..], &args[2][..]);
    if src_db == dst_db && src == dst {
        ctx.reply.error(errors::SAME_OBJECT);
        return;
    }
    let now = ctx.now;
    let shard = &mut *ctx.shard;
    let reply = &mut *ctx.reply;
    let Some((value, expire_at)) = peek_entry(&mut shard.dbs[src_db], src, now) else {
        shard.stats.keyspace_misses += 1;
        shard.dbs[src_db].notify(crate::notify::KEY_MISS, "keymiss", src);
        reply.int(0);
        return;
    };
    shard.stats.keyspace_hits += 1;
    let target = &mut shard.dbs[dst_db];
    if target.contains(dst, now) && !replace {
        reply.int(0);
        return;
    }
    // Redis deletes a replaced destination and adds the copy (a `new` event).
    target.remove(dst);
    put_entry(target, dst, value, expire_at);
    target.notify(crate::notify::GENERIC, "copy_to", dst);
    reply.int(1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::rename::rename;
    use crate::keys::test_support::{events, put, run, run_db, shard_with};
    use crate::shard::Shard;
    use crate::value::Value;

    #[test]
    fn copy_within_and_across_databases() {
        let mut s = Shard::new(16, 1);
        put(&mut s, 0, "a", "1", Some(500));
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b"]), ":1\r\n");
        assert_eq!(s.dbs[0].get(b"b", 0), Some(&Value::string(b"1")));
        assert_eq!(s.dbs[0].expire_at(b"b"), Some(500));
        assert_eq!(s.dbs[0].get(b"a", 0), Some(&Value::string(b"1")));
        put(&mut s, 0, "c", "2", None);
        assert_eq!(run(&mut s, 0, copy, &["COPY", "c", "b"]), ":0\r\n");
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "c", "b", "replace"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[0].get(b"b", 0), Some(&Value::string(b"2")));
        assert_eq!(s.dbs[0].expire_at(b"b"), None);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "a", "DB", "3"]),
            ":1\r\n"
        );
        assert_eq!(s.dbs[3].expire_at(b"a"), Some(500));
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "a", "db", "3"]),
            ":0\r\n"
        );
        assert_eq!(run(&mut s, 0, copy, &["COPY", "zz", "y"]), ":0\r\n");
        assert_eq!(
            run_db(
                &mut s,
                3,
                0,
                copy,
                &["COPY", "a", "a", "db", "0", "REPLACE"]
            ),
            ":1\r\n"
        );
        // An expired source is missing; the COPY source lookup counts in the stats.
        assert_eq!(run(&mut s, 501, copy, &["COPY", "a", "q"]), ":0\r\n");
        assert_eq!(s.stats.keyspace_misses, 2);
    }

    #[test]
    fn copy_errors() {
        let mut s = shard_with(&["a"]);
        let same = "-ERR source and destination objects are the same\r\n";
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "a"]), same);
        assert_eq!(run(&mut s, 0, copy, &["COPY", "zz", "zz", "db", "0"]), same);
        assert_eq!(
            run_db(&mut s, 2, 0, copy, &["COPY", "a", "a", "db", "2"]),
            same
        );
        let range = "-ERR DB index is out of range\r\n";
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b", "db", "16"]), range);
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b", "db", "-1"]), range);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "2147483647"]),
            range
        );
        assert_eq!(
            run(
                &mut s,
                0,
                copy,
                &["COPY", "a", "b", "db", "2", "db", "99", "x"]
            ),
            range
        );
        let int_range =
            "-ERR value is out of range, value must between -2147483648 and 2147483647\r\n";
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "2147483648"]),
            int_range
        );
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "-2147483649"]),
            int_range
        );
        let not_int = "-ERR value is not an integer or out of range\r\n";
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "x"]),
            not_int
        );
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "db", "01"]),
            not_int
        );
        let syntax = "-ERR syntax error\r\n";
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "b", "db"]), syntax);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "foo", "db", "99"]),
            syntax
        );
        assert_eq!(run(&mut s, 0, copy, &["COPY", "a", "a", "nope"]), syntax);
        assert_eq!(
            run(&mut s, 0, copy, &["COPY", "a", "b", "replace", "replace"]),
            ":1\r\n"
        );
    }

    #[test]
    fn copy_and_rename_raise_redis_events() {
        let mut s = shard_with(&["a", "b"]);
        s.set_notify_flags(
            crate::notify::ALL
                | crate::notify::NEW
                | crate::notify::KEY_MISS
                | crate::notify::KEYSPACE,
        );
        run(&mut s, 0, copy, &["COPY", "a", "b"]);
        run(&mut s, 0, copy, &["COPY", "a", "b", "REPLACE"]);
        run(&mut s, 0, copy, &["COPY", "none", "b"]);
        run(&mut s, 0, rename, &["RENAME", "a", "c"]);
        run(&mut s, 0, rename, &["RENAME", "none", "c"]);
        assert_eq!(
            events(&mut s),
            [
                "b:new",
                "b:copy_to",
                "none:keymiss",
                "c:new",
                "a:rename_from",
                "c:rename_to"
            ]
        );
    }
}
