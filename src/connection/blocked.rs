//! The connection side of blocking commands (BLPOP, BLMOVE, BZPOPMIN, ...): the first
//! non-blocking try, registration of the waiter on the shard of each key (`crate::blocking`
//! is the shard side), the retry when a key gets data, and the timeout.

use super::*;

impl Conn {
    /// The blocked-clients gauges, when a client stops being blocked.
    pub(super) fn left_blocked(&self, b: &Blocked) {
        let mut stats = self.ctx.stats.borrow_mut();
        stats.blocked_clients = stats.blocked_clients.saturating_sub(1);
        if b.deadline.is_some() {
            stats.blocked_with_timeout = stats.blocked_with_timeout.saturating_sub(1);
        }
    }

    /// BLPOP & co.: serve at once if a key has data, otherwise block the client on its keys
    /// until one is pushed to, the timeout passes, or the client goes away.
    pub(super) async fn blocking(
        &mut self,
        cmd: &'static Command,
        handler: Handler,
        args: Vec<Bytes>,
    ) {
        self.flush_round().await;
        let Some(how) = cmd.blocks else {
            return;
        };
        let keys = cmd.keys(&args);
        let started = crate::stats::stamp();
        let (reply, empty_handed) = match self.run_anywhere(handler, &args, &keys).await {
            Ok(attempt) => attempt,
            Err(()) => return self.out.error(SHARD_GONE),
        };
        // Inside EXEC nothing blocks: the empty-handed reply comes at once (a null bulk
        // string for BLMOVE and BRPOPLPUSH, as Redis answers a client that may not block).
        let reply = if self.in_exec && empty_handed && how.source_only {
            let mut null = Reply::new(self.resp3());
            null.null();
            null.take()
        } else {
            reply
        };
        if !empty_handed || self.in_exec {
            let usec = crate::stats::elapsed_us(started);
            self.account_whole(cmd.stat, usec, &args, &reply);
            return self.out.raw(&reply);
        }
        let timeout_at = if how.timeout_first { 1 } else { args.len() - 1 };
        // The handler already refused a bad timeout; 0 waits forever.
        let ms = shards::types::list::parse_timeout(&args[timeout_at]).unwrap_or(0);
        let deadline = (ms > 0)
            .then(|| std::time::Instant::now() + std::time::Duration::from_millis(ms as u64));
        let want = how.want;
        let (wake_tx, wake_rx) = futures_channel::mpsc::unbounded();
        {
            let mut stats = self.ctx.stats.borrow_mut();
            stats.blocked_clients += 1;
            stats.blocked_with_timeout += u64::from(deadline.is_some());
        }
        self.blocked = Some(Blocked {
            handler,
            stat: cmd.stat,
            args,
            keys,
            want,
            source_only: how.source_only,
            timeout_reply: reply,
            deadline,
            wake_tx,
            wake_rx,
        });
        self.register_blocked().await;
    }

    /// Registers the blocked client on the shard of each of its keys.
    pub(super) async fn register_blocked(&mut self) {
        let Some(b) = self.blocked.as_ref() else {
            return;
        };
        let nshards = self.ctx.nshards;
        let mut per_shard: Vec<Vec<Bytes>> = vec![Vec::new(); nshards];
        // BLMOVE and BRPOPLPUSH wait on their source only.
        let wait_on = if b.source_only {
            &b.keys[..1.min(b.keys.len())]
        } else {
            &b.keys[..]
        };
        for &p in wait_on {
            per_shard[key_shard(&b.args[p], nshards)].push(b.args[p].clone());
        }
        let (id, want, db, wake) = (self.info.id, b.want, self.db as u8, b.wake_tx.clone());
        for (shard, keys) in per_shard.into_iter().enumerate() {
            if !keys.is_empty() {
                let wake = wake.clone();
                let register = move |s: &ShardCtx, _| {
                    s.blocked.borrow_mut().block(db, &keys, || Waiter {
                        id,
                        want,
                        wake: wake.clone(),
                        woken: false,
                    })
                };
                let _ = self.ctx.on(shard, self.tx, Touch::Nothing, register).await;
            }
        }
    }

    /// Removes the blocked client from every shard.
    pub(super) async fn unregister_blocked(&mut self) {
        let id = self.info.id;
        for shard in 0..self.ctx.nshards {
            let forget = move |s: &ShardCtx, _| s.blocked.borrow_mut().unblock(id);
            let _ = self.ctx.on(shard, self.tx, Touch::Nothing, forget).await;
        }
    }

    /// A key the blocked client waits for got data: run its command again.
    pub(super) async fn retry_blocked(&mut self) {
        let Some(b) = self.blocked.take() else { return };
        self.now = shards::util::now_ms();
        let started = crate::stats::stamp();
        match self.run_anywhere(b.handler, &b.args, &b.keys).await {
            Ok((_, true)) => {
                // Someone else took the data first: wait again, behind those now waiting.
                self.blocked = Some(b);
                self.unregister_blocked().await;
                self.register_blocked().await;
            }
            Ok((reply, false)) => {
                self.left_blocked(&b);
                let usec = crate::stats::elapsed_us(started);
                self.account_whole(b.stat, usec, &b.args, &reply);
                self.unregister_blocked().await;
                self.out.raw(&reply);
            }
            Err(()) => {
                self.left_blocked(&b);
                self.out.error(SHARD_GONE)
            }
        }
    }
}
