//! Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN, ...), the shard side.
//!
//! A blocked connection registers a [`Waiter`] on the shard of each key it waits for. After a
//! shard runs any batch of work it calls [`BlockedKeys::wake_ready`]: for each key that now
//! holds a value of the type its waiters want, the *first* waiter (clients are served in the
//! order they blocked, as in Redis) is woken. The woken connection runs its command again;
//! when that serves it, it unregisters everywhere, and the next batch on the shard (its own
//! pop, at the latest) wakes the next waiter if data remains. A waiter over keys on several
//! shards is registered on each; whichever wakes it first, its retry takes the data and its
//! unregistering removes it from the others, so it is served exactly once.

use bytes::Bytes;
use futures_channel::mpsc::UnboundedSender;
use shards::Shard;
use std::collections::{HashMap, VecDeque};

/// One blocked client, as registered on one shard.
#[derive(Debug)]
pub struct Waiter {
    /// The client's id (to unregister it).
    pub id: u64,
    /// The type of value that can serve it ("list" or "zset").
    pub want: &'static str,
    /// Wakes the connection.
    pub wake: UnboundedSender<()>,
    /// Already woken and not yet retried: don't wake it again, and don't wake those behind it.
    pub woken: bool,
}

/// The waiters of one shard, by database and key, in blocking order.
#[derive(Debug, Default)]
pub struct BlockedKeys {
    by_key: HashMap<(u8, Bytes), VecDeque<Waiter>>,
}

impl BlockedKeys {
    /// Registers `waiter` on `keys` of database `db`, behind the clients already waiting.
    pub fn block(&mut self, db: u8, keys: &[Bytes], waiter: impl Fn() -> Waiter) {
        for key in keys {
            self.by_key
                .entry((db, key.clone()))
                .or_default()
                .push_back(waiter());
        }
    }

    /// True when no client waits on this shard.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// Removes client `id` from every key it waits for on this shard.
    pub fn unblock(&mut self, id: u64) {
        self.by_key.retain(|_, queue| {
            queue.retain(|w| w.id != id);
            !queue.is_empty()
        });
    }

    /// Wakes the first waiter of every key that can now serve it.
    pub fn wake_ready(&mut self, engine: &mut Shard, now: i64) {
        if self.by_key.is_empty() {
            return;
        }
        for ((db, key), queue) in self.by_key.iter_mut() {
            let Some(front) = queue.front_mut() else {
                continue;
            };
            if front.woken {
                continue;
            }
            let ready = engine
                .dbs
                .get_mut(*db as usize)
                .and_then(|d| d.get(key, now))
                .is_some_and(|v| v.type_name() == front.want);
            if ready {
                front.woken = true;
                if front.wake.unbounded_send(()).is_err() {
                    // The connection is gone; it unregisters itself, but don't hold others up.
                    front.woken = false;
                    queue.pop_front();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_channel::mpsc::unbounded;
    use shards::Value;

    #[test]
    fn first_waiter_is_woken_only_when_the_key_has_the_right_type() {
        let mut engine = Shard::new(16, 1);
        let mut blocked = BlockedKeys::default();
        let (tx1, mut rx1) = unbounded();
        let (tx2, mut rx2) = unbounded();
        let key = Bytes::from_static(b"q");
        blocked.block(0, std::slice::from_ref(&key), || Waiter {
            id: 1,
            want: "list",
            wake: tx1.clone(),
            woken: false,
        });
        blocked.block(0, std::slice::from_ref(&key), || Waiter {
            id: 2,
            want: "list",
            wake: tx2.clone(),
            woken: false,
        });
        blocked.wake_ready(&mut engine, 0);
        assert!(rx1.try_recv().is_err(), "nothing to serve yet");
        engine.dbs[0].set(b"q", Value::string(b"not a list"));
        blocked.wake_ready(&mut engine, 0);
        assert!(
            rx1.try_recv().is_err(),
            "a string cannot serve a list waiter"
        );
        engine.dbs[0].set(b"q", Value::list(Default::default()));
        blocked.wake_ready(&mut engine, 0);
        blocked.wake_ready(&mut engine, 0);
        assert_eq!(rx1.try_recv().ok(), Some(()));
        assert!(rx1.try_recv().is_err(), "woken once");
        assert!(rx2.try_recv().is_err(), "the second waits for the first");
        blocked.unblock(1);
        blocked.wake_ready(&mut engine, 0);
        assert_eq!(rx2.try_recv().ok(), Some(()));
        blocked.unblock(2);
        assert!(blocked.by_key.is_empty());
    }
}
