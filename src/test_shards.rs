//! Shards without sockets, for unit tests of the connection (its round and admission) and of
//! the typed hop between shards.
//!
//! A test body runs as shard 0 on an executor of its own thread, with a real `ShardCtx` (its
//! engine, locks, statistics, configuration); every other shard is a [`Peer`] on a thread of
//! its own, joined to shard 0 by the same bounded channels the server uses. A peer is either
//! a real shard, or a fake that plays one: it records each batch it receives (one line per
//! job) and answers the keyed commands in it with replies naming itself, so a test sees where
//! each command went, how the round grouped them, and how their replies came back. Nothing
//! listens on a socket; no periodic task runs.

use crate::clients::ClientInfo;
use crate::config::Config;
use crate::reactor::Reactor;
use crate::server::{Batch, Job, Outcome, ShardCtx};
use bytes::Bytes;
use glommio::channels::shared_channel;
use glommio::{LocalExecutorBuilder, Placement};
use std::future::Future;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Who plays a shard other than shard 0.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Peer {
    /// A real shard: its own engine, locks and statistics.
    Real,
    /// A fake that answers each batch after `delay` (see [`fake_reply`]).
    Fake {
        /// How long it holds each batch before answering it.
        delay: Duration,
    },
    /// A shard that no longer takes work (the server is stopping): its end of the channel
    /// is closed.
    Gone,
}

/// The batches the fake peers received, in arrival order: (shard, one line per job).
pub(crate) type Received = Arc<Mutex<Vec<(usize, Vec<String>)>>>;

/// What a fake peer answers a keyed command: MGET's array of `key@s<shard>` bulks, the
/// number of keys for the integer-summing commands (DEL, EXISTS, ...), and
/// `+s<shard>:<args>` for anything else.
pub(crate) fn fake_reply(shard: usize, args: &[Bytes]) -> Bytes {
    let name = String::from_utf8_lossy(&args[0]).to_ascii_lowercase();
    let keys = &args[1..];
    let mut out = String::new();
    match name.as_str() {
        "mget" => {
            out.push_str(&format!("*{}\r\n", keys.len()));
            for key in keys {
                let value = format!("{}@s{shard}", String::from_utf8_lossy(key));
                out.push_str(&format!("${}\r\n{value}\r\n", value.len()));
            }
        }
        "del" | "exists" | "unlink" | "touch" => out.push_str(&format!(":{}\r\n", keys.len())),
        _ => out.push_str(&format!("+s{shard}:{}\r\n", describe_args(args))),
    }
    Bytes::from(out)
}

/// Arguments as one line, separated by spaces.
fn describe_args(args: &[Bytes]) -> String {
    args.iter()
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One line describing a job, as [`Received`] records it.
fn describe_job(job: &Job) -> String {
    match job {
        Job::Run { args, .. } => describe_args(args),
        Job::Call(_) => "call".to_string(),
        Job::Lock { keys, whole, .. } => format!("lock {} whole={whole}", describe_args(keys)),
        Job::Unlock(_) => "unlock".to_string(),
    }
}

/// Runs `body` as shard 0 of `1 + peers.len()` shards, all configured with `config`, and
/// answers what it returns once every peer has stopped. `body` gets shard 0's context and
/// what the fake peers received.
pub(crate) fn run_shards<T, F, Fut>(config: Config, peers: &[Peer], body: F) -> T
where
    T: Send + 'static,
    F: FnOnce(Rc<ShardCtx>, Received) -> Fut + Send + 'static,
    Fut: Future<Output = T>,
{
    let nshards = 1 + peers.len();
    let config = Arc::new(config);
    // channels[from][to]: the bounded channel from one shard to another, as the server has.
    let mut senders: Vec<Vec<Option<shared_channel::SharedSender<Batch>>>> = (0..nshards)
        .map(|_| (0..nshards).map(|_| None).collect())
        .collect();
    let mut receivers: Vec<Vec<shared_channel::SharedReceiver<Batch>>> =
        (0..nshards).map(|_| Vec::new()).collect();
    for (from, row) in senders.iter_mut().enumerate() {
        for (to, slot) in row.iter_mut().enumerate() {
            if from != to {
                let (tx, rx) = shared_channel::new_bounded(64);
                *slot = Some(tx);
                receivers[to].push(rx);
            }
        }
    }
    let received: Received = Arc::default();
    let mut stops = Vec::new();
    // Each peer says when it is ready (a gone one: once its channel ends are closed, so a
    // batch sent to it fails rather than waiting forever in a queue nobody reads).
    let mut readies = Vec::new();
    let mut threads = Vec::new();
    let mut ends: Vec<_> = senders.into_iter().zip(receivers).collect();
    let (senders0, receivers0) = ends.remove(0);
    for (i, (peer, (senders, receivers))) in peers.iter().copied().zip(ends).enumerate() {
        let id = i + 1;
        let (stop, stopped) = futures_channel::oneshot::channel::<()>();
        stops.push(stop);
        let (ready, is_ready) = futures_channel::oneshot::channel::<()>();
        readies.push(is_ready);
        let (config, received) = (config.clone(), received.clone());
        let thread = LocalExecutorBuilder::new(Placement::Unbound)
            .io_memory(64 << 10)
            .name("test-peer")
            .spawn(move || async move {
                let (senders, receivers) =
                    crate::server::connect_channels(senders, receivers).await;
                match peer {
                    Peer::Real => {
                        let reactor = Reactor::new().expect("an epoll set for a test shard");
                        let _ctx =
                            ShardCtx::start(id, nshards, config, reactor, senders, receivers);
                        let _ = ready.send(());
                        let _ = stopped.await;
                    }
                    Peer::Fake { delay } => {
                        let serving = receivers.into_iter().map(|receiver| {
                            let received = received.clone();
                            glommio::spawn_local(async move {
                                while let Some(batch) = receiver.recv().await {
                                    play(id, batch, delay, &received).await;
                                }
                            })
                        });
                        let _tasks: Vec<_> = serving.collect();
                        let _ = ready.send(());
                        let _ = stopped.await;
                    }
                    Peer::Gone => {
                        drop(receivers);
                        let _ = ready.send(());
                    }
                }
            })
            .expect("a test peer's executor");
        threads.push(thread);
    }
    let lead = LocalExecutorBuilder::new(Placement::Unbound)
        .io_memory(64 << 10)
        .name("test-shard0")
        .spawn(move || async move {
            let (senders, receivers) = crate::server::connect_channels(senders0, receivers0).await;
            let reactor = Reactor::new().expect("an epoll set for a test shard");
            let ctx = ShardCtx::start(0, nshards, config, reactor, senders, receivers);
            for ready in readies {
                let _ = ready.await;
            }
            let answer = body(ctx, received).await;
            for stop in stops {
                let _ = stop.send(());
            }
            answer
        })
        .expect("shard 0's executor");
    let answer = lead.join().expect("shard 0's body");
    for thread in threads {
        thread.join().expect("a test peer");
    }
    answer
}

/// A fake peer's handling of one batch: recorded, held for `delay`, answered.
async fn play(id: usize, batch: Batch, delay: Duration, received: &Received) {
    let lines = batch.jobs.iter().map(describe_job).collect();
    if let Ok(mut log) = received.lock() {
        log.push((id, lines));
    }
    if !delay.is_zero() {
        glommio::timer::sleep(delay).await;
    }
    let outcomes = batch
        .jobs
        .into_iter()
        .map(|job| match job {
            Job::Run { args, .. } => Outcome::Reply(fake_reply(id, &args)),
            _ => Outcome::Done,
        })
        .collect();
    let _ = batch.done.send(outcomes);
}

/// A client of the test shard, as a connection from 127.0.0.1 without a socket.
pub(crate) fn client_info(id: u64) -> Rc<ClientInfo> {
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], 40000));
    let laddr = std::net::SocketAddr::from(([127, 0, 0, 1], 6379));
    Rc::new(ClientInfo::new(id, addr, laddr, -1, shards::util::now_ms()))
}

/// The first key of the form `<prefix><n>` that lives on `shard` of `nshards`.
pub(crate) fn key_on(prefix: &str, shard: usize, nshards: usize) -> String {
    (0..)
        .map(|n| format!("{prefix}{n}"))
        .find(|k| shards::slot::key_shard(k.as_bytes(), nshards) == shard)
        .unwrap_or_default()
}
