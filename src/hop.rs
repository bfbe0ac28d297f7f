//! One way to run work on a shard: a typed call.
//!
//! `ctx.on(shard, tx, touch, |s, now| ...)` sends a closure to `shard` (or runs it in place
//! when it is this one) and answers what the closure returned, or [`ShardGone`] when the
//! shard no longer takes work (the server is stopping). `ctx.on_each(...)` does the same on
//! several shards, sending to all of them before awaiting any. A feature keeps its
//! shard-side code beside its connection-side code and needs no message type of its own.
//!
//! A call rides in a [`crate::server::Batch`] like a round's keyed commands, so it keeps
//! their guarantees: calls from one connection to one shard run in the order sent; a call
//! that names the key it touches ([`Touch`]) waits while another transaction holds that key
//! (see `locks`); and its answer leaves only once what it wrote is as durable as
//! `appendfsync` promises. A round's keyed commands stay a dedicated job (`Job::Run`), so
//! the request path pays nothing for this generality.

use crate::locks::TxId;
use crate::server::{Job, Outcome, ShardCtx};
use bytes::Bytes;
use std::any::Any;

/// The shard a call went to no longer takes work (the server is stopping).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardGone;

/// What a call touches on its shard, for the lock protocol: a call that touches a key
/// another transaction holds is parked until that transaction releases it.
#[derive(Debug, Clone)]
pub enum Touch {
    /// No key (statistics, configuration, registrations...).
    Nothing,
    /// One key of one database.
    Key {
        /// The database.
        db: u8,
        /// The key.
        key: Bytes,
    },
    /// Several keys of one database (a command's keys on this shard).
    Keys {
        /// The database.
        db: u8,
        /// The keys.
        keys: Vec<Bytes>,
    },
}

/// The closure of a call, as it travels.
type CallFn = Box<dyn FnOnce(&ShardCtx, i64) -> Box<dyn Any + Send> + Send>;

/// A closure to run on a shard with its context and the batch's clock reading (ms).
pub struct Call {
    /// What it touches there.
    pub touch: Touch,
    run: CallFn,
}

impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call").field("touch", &self.touch).finish()
    }
}

impl Call {
    /// A call of `f`, whose result comes back as a `T`.
    pub fn new<T: Send + 'static>(
        touch: Touch,
        f: impl FnOnce(&ShardCtx, i64) -> T + Send + 'static,
    ) -> Call {
        Call {
            touch,
            run: Box::new(move |ctx, now| Box::new(f(ctx, now))),
        }
    }

    /// Runs it (on the shard it was sent to).
    pub fn run(self, ctx: &ShardCtx, now: i64) -> Box<dyn Any + Send> {
        (self.run)(ctx, now)
    }
}

/// A call's result out of a batch's outcome, as the type the call returned.
pub fn answer<T: 'static>(outcome: Option<Outcome>) -> Result<T, ShardGone> {
    match outcome {
        Some(Outcome::Value(value)) => value.downcast::<T>().map(|v| *v).map_err(|_| ShardGone),
        _ => Err(ShardGone),
    }
}

/// A call sent and not answered yet ([`ShardCtx::send`]): await [`Pending::answer`].
pub struct Pending<T> {
    rx: Result<futures_channel::oneshot::Receiver<Vec<Outcome>>, ()>,
    answer: std::marker::PhantomData<fn() -> T>,
}

impl<T: 'static> Pending<T> {
    /// What the call returned, once it ran.
    pub async fn answer(self) -> Result<T, ShardGone> {
        let outcome = match self.rx {
            Ok(rx) => rx.await.ok().and_then(|mut o| o.pop()),
            Err(()) => None,
        };
        answer(outcome)
    }
}

impl ShardCtx {
    /// Sends `f` to shard `shard` on behalf of transaction `tx` (0: none) without waiting
    /// for it: send to several shards, then await each [`Pending::answer`].
    pub async fn send<T: Send + 'static>(
        &self,
        shard: usize,
        tx: TxId,
        touch: Touch,
        f: impl FnOnce(&ShardCtx, i64) -> T + Send + 'static,
    ) -> Pending<T> {
        let job = Job::Call(Call::new(touch, f));
        Pending {
            rx: self.dispatch(shard, vec![job], tx).await,
            answer: std::marker::PhantomData,
        }
    }

    /// Runs `f` on shard `shard` on behalf of transaction `tx` (0: none) and answers what it
    /// returned.
    pub async fn on<T: Send + 'static>(
        &self,
        shard: usize,
        tx: TxId,
        touch: Touch,
        f: impl FnOnce(&ShardCtx, i64) -> T + Send + 'static,
    ) -> Result<T, ShardGone> {
        self.send(shard, tx, touch, f).await.answer().await
    }

    /// Runs `f` on shard `shard` for transaction `tx` and answers its result, *blocking this
    /// shard's thread* until it has (on this shard, `f` runs at once). For a script, whose
    /// `redis.call` cannot await: only a script holding every shard whole (the keyspace-wide
    /// lock) calls it. At most one such script runs at a time (the whole locks exclude each
    /// other), and no other work blocks a shard's thread, so the shard waited for is never
    /// itself blocked waiting for this one.
    pub fn on_blocking<T: Send + 'static>(
        &self,
        shard: usize,
        tx: TxId,
        f: impl FnOnce(&ShardCtx, i64) -> T + Send + 'static,
    ) -> Result<T, ShardGone> {
        if shard == self.id {
            return Ok(f(self, shards::util::now_ms()));
        }
        let job = Job::Call(Call::new(Touch::Nothing, f));
        let rx = self
            .hand_over(shard, vec![job], tx)
            .map_err(|()| ShardGone)?;
        let outcome = futures_lite::future::block_on(rx)
            .ok()
            .and_then(|mut o| o.pop());
        answer(outcome)
    }

    /// Runs `f` on each of `shards` (sent to all before any answer is awaited) and answers
    /// their results in the same order.
    pub async fn on_each<T: Send + 'static>(
        &self,
        shards: impl IntoIterator<Item = usize>,
        tx: TxId,
        f: impl Fn(&ShardCtx, i64) -> T + Clone + Send + 'static,
    ) -> Vec<Result<T, ShardGone>> {
        let mut waiting = Vec::new();
        for shard in shards {
            waiting.push(self.send(shard, tx, Touch::Nothing, f.clone()).await);
        }
        let mut answers = Vec::with_capacity(waiting.len());
        for pending in waiting {
            answers.push(pending.answer().await);
        }
        answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::server::Job;
    use crate::test_shards::{key_on, run_shards, Peer};
    use std::sync::{Arc, Mutex};

    #[test]
    fn a_call_runs_on_the_shard_it_names_and_answers_its_value() {
        let answers = run_shards(
            Config::default(),
            &[Peer::Real, Peer::Real],
            |ctx, _| async move {
                let there = ctx.on(2, 0, Touch::Nothing, |s, _| s.id * 10).await;
                let here = ctx.on(0, 0, Touch::Nothing, |s, _| s.id * 10).await;
                let each = ctx.on_each([2, 0, 1], 0, |s, _| s.id).await;
                (there, here, each)
            },
        );
        assert_eq!(answers.0, Ok(20));
        assert_eq!(answers.1, Ok(0));
        assert_eq!(answers.2, vec![Ok(2), Ok(0), Ok(1)]);
    }

    #[test]
    fn a_blocking_call_answers_without_returning_to_the_executor() {
        let answers = run_shards(
            Config::default(),
            &[Peer::Real, Peer::Gone],
            |ctx, _| async move {
                let there = ctx.on_blocking(1, 0, |s, _| s.id + 100);
                let here = ctx.on_blocking(0, 0, |s, _| s.id + 100);
                let gone = ctx.on_blocking(2, 0, |s, _| s.id);
                (there, here, gone)
            },
        );
        assert_eq!(answers, (Ok(101), Ok(100), Err(ShardGone)));
    }

    #[test]
    fn calls_to_one_shard_run_in_the_order_sent() {
        let order = run_shards(Config::default(), &[Peer::Real], |ctx, _| async move {
            let seen = Arc::new(Mutex::new(Vec::new()));
            let mut waiting = Vec::new();
            for n in 0..5 {
                let seen = seen.clone();
                let call = move |_: &ShardCtx, _| {
                    if let Ok(mut seen) = seen.lock() {
                        seen.push(n);
                    }
                };
                waiting.push(ctx.send(1, 0, Touch::Nothing, call).await);
            }
            for pending in waiting {
                let _ = pending.answer().await;
            }
            let seen = seen.lock().map(|s| s.clone()).unwrap_or_default();
            seen
        });
        assert_eq!(order, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_call_to_a_gone_shard_answers_shard_gone() {
        let answer = run_shards(Config::default(), &[Peer::Gone], |ctx, _| async move {
            ctx.on(1, 0, Touch::Nothing, |s, _| s.id).await
        });
        assert_eq!(answer, Err(ShardGone));
    }

    #[test]
    fn a_call_touching_a_locked_key_waits_for_the_transaction() {
        let steps = run_shards(Config::default(), &[Peer::Real], |ctx, _| async move {
            let key = Bytes::from(key_on("k", 1, 2));
            let tx = crate::locks::next_tx();
            let lock = Job::Lock {
                tx,
                db: 0,
                keys: vec![key.clone()],
                whole: false,
            };
            let mut steps = Vec::new();
            if let Ok(granted) = ctx.dispatch(1, vec![lock], tx).await {
                steps.push(("locked", granted.await.is_ok()));
            }
            let touch = Touch::Key { db: 0, key };
            let mut parked = std::pin::pin!(ctx.send(1, 0, touch, |_, _| "touched").await.answer());
            // Sent after it and touching nothing: runs while the key is held.
            let free = ctx.on(1, 0, Touch::Nothing, |_, _| "free").await;
            steps.push(("free ran", free == Ok("free")));
            let early = futures_lite::future::poll_once(&mut parked).await;
            steps.push(("parked while locked", early.is_none()));
            // The transaction itself may touch the key.
            let own = ctx
                .on(
                    1,
                    tx,
                    Touch::Key {
                        db: 0,
                        key: Bytes::from(key_on("k", 1, 2)),
                    },
                    |_, _| 1,
                )
                .await;
            steps.push(("owner ran", own == Ok(1)));
            if let Ok(released) = ctx.dispatch(1, vec![Job::Unlock(tx)], tx).await {
                let _ = released.await;
            }
            steps.push(("ran after release", parked.await == Ok("touched")));
            steps
        });
        let expected = [
            "locked",
            "free ran",
            "parked while locked",
            "owner ran",
            "ran after release",
        ];
        assert_eq!(steps.iter().map(|s| s.0).collect::<Vec<_>>(), expected);
        assert!(steps.iter().all(|s| s.1), "{steps:?}");
    }

    #[test]
    fn an_answer_comes_back_as_the_type_the_call_returned() {
        let boxed: Box<dyn Any + Send> = Box::new(7u64);
        assert_eq!(answer::<u64>(Some(Outcome::Value(boxed))), Ok(7));
        let boxed: Box<dyn Any + Send> = Box::new(true);
        assert_eq!(answer::<u64>(Some(Outcome::Value(boxed))), Err(ShardGone));
        assert_eq!(
            answer::<u64>(None),
            Err(ShardGone),
            "no outcome: the shard is gone"
        );
    }
}
