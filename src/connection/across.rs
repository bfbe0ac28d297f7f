//! Commands whose keys live on several shards, run by the connection over typed calls
//! (`hop`, `moves`): a gathered command (copies of its keys' values run in a scratch shard,
//! each changed key written back to its owner), RENAME/RENAMENX, COPY and MSETNX. Callers
//! run them inside the cross-shard lock protocol (`Conn::begin_atomic`), so other clients
//! see each of them whole.

use super::Conn;
use crate::command_table::Command;
use crate::hop::ShardGone;
use crate::moves;
use crate::server::Job;
use crate::stats::Tally;
use bytes::Bytes;
use shards::reply::Reply;
use shards::slot::key_shard;
use shards::{errors, Handler};

/// An error reply's bytes.
fn error_bytes(text: &str) -> Bytes {
    Bytes::from(format!("-{text}\r\n"))
}

impl Conn {
    /// Where a step of this connection's command runs (`moves::At`).
    fn at(&self, shard: usize, db: u8) -> moves::At {
        moves::At {
            shard,
            tx: self.tx,
            db,
        }
    }

    /// A command over keys on several shards: copies of its keys' values are gathered into
    /// a scratch shard, the handler runs there, and every key whose value or expiry it
    /// changed is written back to the shard that owns it. Answers the reply, and whether a
    /// blocking command found nothing to serve it (`Ctx::empty_handed`).
    pub(super) async fn run_gathered(
        &mut self,
        handler: Handler,
        args: &[Bytes],
        positions: &[usize],
    ) -> Result<(Bytes, bool), ShardGone> {
        let nshards = self.ctx.nshards;
        let db = self.db as u8;
        let mut keys: Vec<Bytes> = Vec::new();
        for &p in positions {
            if !keys.contains(&args[p]) {
                keys.push(args[p].clone());
            }
        }
        let mut originals = Vec::with_capacity(keys.len());
        for key in &keys {
            let shard = key_shard(key, nshards);
            let at = self.at(shard, db);
            let entry = moves::take(&self.ctx, at, key.clone(), false, Vec::new()).await?;
            originals.push(entry);
        }
        let now = shards::util::now_ms();
        let mut scratch = shards::Shard::new(self.ctx.config().databases, self.rng.next_u64());
        scratch.limits = self.ctx.engine.borrow().limits.clone();
        for (key, entry) in keys.iter().zip(&originals) {
            if let Some((value, expire_at)) = entry {
                shards::keys::put_entry(&mut scratch.dbs[self.db], key, value.clone(), *expire_at);
            }
            // Watched in the scratch shard, so a key the command wrote is written back even
            // when its value came out the same, and the owner's WATCHers see the write.
            scratch.dbs[self.db].watched.register(key);
        }
        // The command's keyspace events are raised on each key's owner, in the order the
        // command raised them (the copies put in the scratch shard raise none).
        scratch.set_notify_flags(self.ctx.engine.borrow().notify.flags());
        let mut reply = Reply::new(self.resp3());
        scratch.run(handler, self.db, now, args, &mut reply);
        let empty_handed = scratch.take_empty_handed();
        let mut events = scratch.take_db_events(self.db);
        for (key, original) in keys.iter().zip(originals) {
            let written = scratch.dbs[self.db].watched.version(key) != Some(0);
            let after = shards::keys::peek_entry(&mut scratch.dbs[self.db], key, now);
            let mut key_events = Vec::new();
            events.retain(|(event, k)| {
                let mine = k.as_bytes() == &key[..];
                if mine {
                    key_events.push((shards::notify::ANY, *event));
                }
                !mine
            });
            let unchanged = after == original && !written;
            if unchanged && key_events.is_empty() {
                continue;
            }
            let shard = key_shard(key, nshards);
            let key = key.clone();
            match after {
                Some(entry) if !unchanged => {
                    let at = self.at(shard, db);
                    moves::put(&self.ctx, at, key, entry, true, key_events).await?;
                }
                _ => {
                    let at = self.at(shard, db);
                    moves::take(&self.ctx, at, key, !unchanged, key_events).await?;
                }
            }
        }
        Ok((reply.take(), empty_handed))
    }

    /// RENAME (or, with `nx`, RENAMENX) of `src` on shard `s_src` to `dst` on `s_dst`.
    pub(super) async fn rename_across(
        &self,
        db: u8,
        src: Bytes,
        dst: Bytes,
        s_src: usize,
        s_dst: usize,
        nx: bool,
    ) -> Result<Bytes, ShardGone> {
        let no_such_key = || Bytes::from(format!("-{}\r\n", errors::NO_SUCH_KEY));
        let ctx = &self.ctx;
        let (at_src, at_dst) = (self.at(s_src, db), self.at(s_dst, db));
        if nx {
            if !moves::exists(ctx, at_src, src.clone()).await? {
                return Ok(no_such_key());
            }
            if moves::exists(ctx, at_dst, dst.clone()).await? {
                return Ok(Bytes::from_static(b":0\r\n"));
            }
        }
        let from = vec![(shards::notify::GENERIC, "rename_from")];
        let Some(entry) = moves::take(ctx, at_src, src, true, from).await? else {
            return Ok(no_such_key());
        };
        // Redis deletes a destination that exists, then adds the key.
        let to = vec![
            (shards::notify::NEW, "new"),
            (shards::notify::GENERIC, "rename_to"),
        ];
        moves::put(ctx, at_dst, dst, entry, true, to).await?;
        Ok(Bytes::from_static(if nx { b":1\r\n" } else { b"+OK\r\n" }))
    }

    /// COPY whose source and destination live on different shards.
    pub(super) async fn copy_across(&self, args: Vec<Bytes>) -> Result<Bytes, ShardGone> {
        let databases = self.ctx.config().databases;
        let (replace, dst_db) = match shards::keys::parse_copy_options(&args, databases) {
            Ok(options) => (options.replace, options.db.unwrap_or(self.db)),
            Err(e) => return Ok(error_bytes(e)),
        };
        let ctx = &self.ctx;
        let nshards = ctx.nshards;
        let (src, dst) = (args[1].clone(), args[2].clone());
        let at_src = self.at(key_shard(&src, nshards), self.db as u8);
        let taken = moves::take(ctx, at_src, src.clone(), false, Vec::new()).await?;
        let Some(entry) = taken else {
            // COPY reads its source as a read command does: a miss is a `keymiss` event.
            if ctx.engine.borrow().notify.wants(shards::notify::KEY_MISS) {
                let miss = vec![(shards::notify::KEY_MISS, "keymiss")];
                moves::take(ctx, at_src, src, false, miss).await?;
            }
            return Ok(Bytes::from_static(b":0\r\n"));
        };
        let events = vec![
            (shards::notify::NEW, "new"),
            (shards::notify::GENERIC, "copy_to"),
        ];
        let at_dst = self.at(key_shard(&dst, nshards), dst_db as u8);
        let stored = moves::put(ctx, at_dst, dst, entry, replace, events).await?;
        Ok(Bytes::from_static(if stored {
            b":1\r\n"
        } else {
            b":0\r\n"
        }))
    }

    /// MSETNX whose keys live on several shards: nothing is set if any key exists.
    pub(super) async fn msetnx_across(
        &self,
        cmd: &Command,
        handler: Handler,
        args: Vec<Bytes>,
    ) -> Result<Bytes, ShardGone> {
        let nshards = self.ctx.nshards;
        let db = self.db as u8;
        for p in cmd.key_positions(args.len()) {
            let key = args[p].clone();
            if moves::exists(&self.ctx, self.at(key_shard(&key, nshards), db), key).await? {
                return Ok(Bytes::from_static(b":0\r\n"));
            }
        }
        // Every key was absent: set them all, each shard its own (the same handler on a
        // subset, which is all-or-nothing within its shard).
        let mut per_shard: Vec<Vec<Bytes>> = vec![Vec::new(); nshards];
        for p in cmd.key_positions(args.len()) {
            let s = key_shard(&args[p], nshards);
            if per_shard[s].is_empty() {
                per_shard[s].push(args[0].clone());
            }
            per_shard[s].extend(args[p..p + 2].iter().cloned());
        }
        for (s, part) in per_shard.into_iter().enumerate() {
            if !part.is_empty() {
                let job = Job::Run {
                    handler,
                    db,
                    resp3: false,
                    args: part,
                    tally: Tally::Skip,
                    origin: self.origin.clone(),
                    whole_args: None,
                };
                self.one(s, job).await.map_err(|()| ShardGone)?;
            }
        }
        Ok(Bytes::from_static(b":1\r\n"))
    }
}
