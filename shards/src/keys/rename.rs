//! RENAME and RENAMENX with both keys on this shard (the server moves the value itself,
//! with [`super::take_entry`] and [`super::put_entry`], when they are on two shards).

use super::entry::{put_entry, take_entry};
use crate::errors;
use crate::shard::Ctx;
use bytes::Bytes;

/// ```text
/// RENAME key newkey
/// ```
pub fn rename(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    rename_generic(ctx, args, false);
}

/// ```text
/// RENAMENX key newkey
/// ```
pub fn renamenx(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    rename_generic(ctx, args, true);
}

/// RENAME and RENAMENX with both keys on this shard, as Redis's `renameGenericCommand`: a
/// missing source is an error even when renaming a key to itself, which otherwise does
/// nothing (`OK`, or 0 for RENAMENX); the expiry time moves with the value.
fn rename_generic(ctx: &mut Ctx<'_>, args: &[Bytes], nx: bool) {
    let (src, dst) = (&args[1][..], &args[2][..]);
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    if !db.contains(src, now) {
        reply.error(errors::NO_SUCH_KEY);
        return;
    }
    if src == dst {
        if nx {
            reply.int(0);
        } else {
            reply.ok();
        }
        return;
    }
    if db.contains(dst, now) {
        if nx {
            reply.int(0);
            return;
        }
        db.remove(dst);
    }
    let Some((value, expire_at)) = take_entry(db, src, now) else {
        reply.error(errors::NO_SUCH_KEY);
        return;
    };
    put_entry(db, dst, value, expire_at);
    if nx {
        reply.int(1);
    } else {
        reply.ok();
    }
    ctx.notify(crate::notify::GENERIC, "rename_from", src);
    ctx.notify(crate::notify::GENERIC, "rename_to", dst);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::test_support::{put, run, shard_with};
    use crate::value::Value;

    #[test]
    fn rename_moves_value_and_ttl() {
        let mut s = shard_with(&["b"]);
        put(&mut s, 0, "a", "1", Some(1000));
        assert_eq!(run(&mut s, 0, rename, &["RENAME", "a", "b"]), "+OK\r\n");
        assert!(!s.dbs[0].contains(b"a", 0));
        assert_eq!(s.dbs[0].get(b"b", 0), Some(&Value::string(b"1")));
        assert_eq!(s.dbs[0].expire_at(b"b"), Some(1000));
        assert_eq!(s.dbs[0].volatile_len(), 1);
        // A TTL on the destination does not survive the overwrite.
        put(&mut s, 0, "c", "2", None);
        put(&mut s, 0, "d", "3", Some(50));
        assert_eq!(run(&mut s, 0, rename, &["RENAME", "c", "d"]), "+OK\r\n");
        assert_eq!(s.dbs[0].expire_at(b"d"), None);
        assert_eq!(s.dbs[0].get(b"d", 0), Some(&Value::string(b"2")));
    }

    #[test]
    fn rename_errors_and_same_key() {
        let mut s = shard_with(&["a"]);
        assert_eq!(
            run(&mut s, 0, rename, &["RENAME", "zz", "b"]),
            "-ERR no such key\r\n"
        );
        assert_eq!(
            run(&mut s, 0, rename, &["RENAME", "zz", "zz"]),
            "-ERR no such key\r\n"
        );
        assert_eq!(
            run(&mut s, 0, renamenx, &["RENAMENX", "zz", "b"]),
            "-ERR no such key\r\n"
        );
        assert_eq!(run(&mut s, 0, rename, &["RENAME", "a", "a"]), "+OK\r\n");
        assert_eq!(run(&mut s, 0, renamenx, &["RENAMENX", "a", "a"]), ":0\r\n");
        assert!(s.dbs[0].contains(b"a", 0));
        put(&mut s, 0, "e", "v", Some(10));
        assert_eq!(
            run(&mut s, 11, rename, &["RENAME", "e", "f"]),
            "-ERR no such key\r\n"
        );
    }

    #[test]
    fn renamenx_only_to_a_missing_key() {
        let mut s = shard_with(&["a", "b"]);
        assert_eq!(run(&mut s, 0, renamenx, &["RENAMENX", "a", "b"]), ":0\r\n");
        assert!(s.dbs[0].contains(b"a", 0));
        put(&mut s, 0, "x", "v", Some(10));
        // An expired destination counts as missing.
        assert_eq!(run(&mut s, 11, renamenx, &["RENAMENX", "a", "x"]), ":1\r\n");
        assert!(!s.dbs[0].contains(b"a", 11) && s.dbs[0].contains(b"x", 11));
        assert_eq!(s.dbs[0].expire_at(b"x"), None);
    }
}
