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
