//! Pub/Sub: SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE, their UNSUBSCRIBEs, PUBLISH, SPUBLISH and
//! PUBSUB, with Redis 7.0's reply shapes.
//!
//! A connection lives on the shard that accepted it, so each shard keeps a [`Registry`] of
//! its own connections' subscriptions only; nothing is shared between shards and nothing is
//! locked. PUBLISH sends one call ([`Registry::publish`]) to every shard in the publisher's round;
//! each shard hands the message to its local subscribers and answers how many it reached, and
//! the reply is the sum. One publisher's messages to a shard travel on the same channel in
//! the order it sent them, so each subscriber sees them in that order.
//!
//! Delivery into a subscriber's task is an unbounded channel its connection also awaits (as
//! MONITOR's feed), so a shard never waits on a subscriber. What is queued but not yet
//! written to the subscriber's socket is counted; past Redis's default
//! `client-output-buffer-limit pubsub 32mb 8mb 60` the subscriber is disconnected.
//!
//! Shard channels (SSUBSCRIBE/SPUBLISH) are, on a single node as in Redis 7.0, a namespace of
//! their own delivered the same way; patterns never match them.

use crate::serverlog;
use bytes::Bytes;
use futures_channel::{mpsc, oneshot};
use shards::Reply;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Redis's default hard limit for pub/sub clients: past it, disconnected at once.
pub const HARD_LIMIT: usize = 32 * 1024 * 1024;
/// Redis's default soft limit for pub/sub clients: disconnected when over it for
/// [`SOFT_SECONDS`].
pub const SOFT_LIMIT: usize = 8 * 1024 * 1024;
/// How long a pub/sub client may stay over [`SOFT_LIMIT`].
pub const SOFT_SECONDS: Duration = Duration::from_secs(60);

/// What RESP2 clients in subscribed mode may run; Redis's error names the refused command.
pub fn refused_in_subscribed_mode(fullname: &str) -> String {
    format!(
        "ERR Can't execute '{fullname}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"
    )
}

/// Whether a RESP2 client in subscribed mode may run the command named `name`.
pub fn allowed_in_subscribed_mode(name: &str) -> bool {
    matches!(
        name,
        "subscribe"
            | "unsubscribe"
            | "psubscribe"
            | "punsubscribe"
            | "ssubscribe"
            | "sunsubscribe"
            | "ping"
            | "quit"
            | "reset"
    )
}

/// The three kinds of subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SUBSCRIBE channel
    Channel,
    /// PSUBSCRIBE pattern
    Pattern,
    /// SSUBSCRIBE shardchannel
    Shard,
}

impl Kind {
    fn subscribe_word(self) -> &'static [u8] {
        match self {
            Kind::Channel => b"subscribe",
            Kind::Pattern => b"psubscribe",
            Kind::Shard => b"ssubscribe",
        }
    }

    fn unsubscribe_word(self) -> &'static [u8] {
        match self {
            Kind::Channel => b"unsubscribe",
            Kind::Pattern => b"punsubscribe",
            Kind::Shard => b"sunsubscribe",
        }
    }
}

/// The end of one subscribed connection that its shard's registry delivers into. Touched
/// only by the shard's thread.
#[derive(Debug)]
pub struct Sink {
    id: u64,
    /// The connection speaks RESP3: messages are push frames.
    resp3: Cell<bool>,
    /// Bytes delivered and not yet written to the socket.
    queued: Cell<usize>,
    /// Since when `queued` is over the soft limit.
    soft_since: Cell<Option<Instant>>,
    /// Over a limit: nothing more is delivered, the connection is being closed.
    overflowed: Cell<bool>,
    messages: mpsc::UnboundedSender<Bytes>,
    overflow: RefCell<Option<oneshot::Sender<()>>>,
}

impl Sink {
    /// Queues one encoded message; false when the subscriber is over its limit (it is then
    /// told to disconnect and gets nothing more).
    fn deliver(&self, message: Bytes) -> bool {
        if self.overflowed.get() {
            return false;
        }
        let queued = self.queued.get() + message.len();
        self.queued.set(queued);
        let over_soft = queued > SOFT_LIMIT;
        let soft_expired = match (over_soft, self.soft_since.get()) {
            (false, _) => {
                self.soft_since.set(None);
                false
            }
            (true, None) => {
                self.soft_since.set(Some(Instant::now()));
                false
            }
            (true, Some(since)) => since.elapsed() >= SOFT_SECONDS,
        };
        if queued > HARD_LIMIT || soft_expired {
            self.overflowed.set(true);
            serverlog!(
                Warning,
                "Client id={} scheduled to be closed ASAP for overcoming of output buffer limits.",
                self.id
            );
            if let Some(signal) = self.overflow.borrow_mut().take() {
                let _ = signal.send(());
            }
            return false;
        }
        self.messages.unbounded_send(message).is_ok()
    }
}

/// A connection's side of pub/sub: what it is subscribed to and the messages for it.
#[derive(Debug)]
pub struct Subscriber {
    sink: Rc<Sink>,
    /// Encoded messages, in delivery order.
    pub messages: mpsc::UnboundedReceiver<Bytes>,
    /// Completes when the subscriber went over its output limit.
    pub overflow: oneshot::Receiver<()>,
    channels: HashSet<Bytes>,
    patterns: HashSet<Bytes>,
    shard_channels: HashSet<Bytes>,
    /// Message bytes taken into the connection's output and not yet written.
    taken: usize,
}

impl Subscriber {
    /// A subscriber for client `id`, subscribed to nothing yet.
    pub fn new(id: u64, resp3: bool) -> Subscriber {
        let (tx, messages) = mpsc::unbounded();
        let (overflow_tx, overflow) = oneshot::channel();
        Subscriber {
            sink: Rc::new(Sink {
                id,
                resp3: Cell::new(resp3),
                queued: Cell::new(0),
                soft_since: Cell::new(None),
                overflowed: Cell::new(false),
                messages: tx,
                overflow: RefCell::new(Some(overflow_tx)),
            }),
            messages,
            overflow,
            channels: HashSet::new(),
            patterns: HashSet::new(),
            shard_channels: HashSet::new(),
            taken: 0,
        }
    }

    /// Subscribed to anything (a RESP2 client is then in subscribed mode).
    pub fn is_subscribed(&self) -> bool {
        !(self.channels.is_empty() && self.patterns.is_empty() && self.shard_channels.is_empty())
    }

    /// The counts CLIENT LIST shows: `sub=`, `psub=`, `ssub=`.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.channels.len(),
            self.patterns.len(),
            self.shard_channels.len(),
        )
    }

    /// Messages are encoded for this protocol from now on (HELLO).
    pub fn set_resp3(&self, resp3: bool) {
        self.sink.resp3.set(resp3);
    }

    /// Appends a delivered message to `out`, counting it until [`Subscriber::written`].
    pub fn take(&mut self, message: &[u8], out: &mut Reply) {
        self.taken += message.len();
        out.raw(message);
    }

    /// The output was written: the messages taken into it no longer count against the limit.
    pub fn written(&mut self) {
        let sink = &self.sink;
        sink.queued.set(
            sink.queued
                .get()
                .saturating_sub(std::mem::take(&mut self.taken)),
        );
        if sink.queued.get() <= SOFT_LIMIT {
            sink.soft_since.set(None);
        }
    }

    fn set_of(&mut self, kind: Kind) -> &mut HashSet<Bytes> {
        match kind {
            Kind::Channel => &mut self.channels,
            Kind::Pattern => &mut self.patterns,
            Kind::Shard => &mut self.shard_channels,
        }
    }

    /// The count Redis puts in (un)subscribe confirmations: channels and patterns together,
    /// shard channels apart.
    fn count_for(&self, kind: Kind) -> usize {
        match kind {
            Kind::Channel | Kind::Pattern => self.channels.len() + self.patterns.len(),
            Kind::Shard => self.shard_channels.len(),
        }
    }

    /// (P|S)SUBSCRIBE: registers each name on this shard and appends one confirmation each.
    pub fn subscribe(
        &mut self,
        registry: &mut Registry,
        kind: Kind,
        names: &[Bytes],
        out: &mut Reply,
    ) {
        for name in names {
            if self.set_of(kind).insert(name.clone()) {
                registry.add(kind, name.clone(), &self.sink);
            }
            confirm(out, kind.subscribe_word(), Some(name), self.count_for(kind));
        }
    }

    /// (P|S)UNSUBSCRIBE: with no names, from every subscription of that kind (a single
    /// confirmation with a null name when there was none, as Redis).
    pub fn unsubscribe(
        &mut self,
        registry: &mut Registry,
        kind: Kind,
        names: &[Bytes],
        out: &mut Reply,
    ) {
        let names: Vec<Bytes> = if names.is_empty() {
            self.set_of(kind).iter().cloned().collect()
        } else {
            names.to_vec()
        };
        if names.is_empty() {
            confirm(out, kind.unsubscribe_word(), None, self.count_for(kind));
        }
        for name in names {
            if self.set_of(kind).remove(&name) {
                registry.remove(kind, &name, self.sink.id);
            }
            confirm(
                out,
                kind.unsubscribe_word(),
                Some(&name),
                self.count_for(kind),
            );
        }
    }

    /// Leaves every subscription silently (RESET, disconnection).
    pub fn leave_all(&mut self, registry: &mut Registry) {
        for kind in [Kind::Channel, Kind::Pattern, Kind::Shard] {
            for name in std::mem::take(self.set_of(kind)) {
                registry.remove(kind, &name, self.sink.id);
            }
        }
    }
}

/// Appends a `[p|s][un]subscribe` confirmation: a push frame in RESP3.
fn confirm(out: &mut Reply, word: &[u8], name: Option<&Bytes>, count: usize) {
    out.raw(if out.resp3() { b">3\r\n" } else { b"*3\r\n" });
    out.bulk(word);
    match name {
        Some(name) => out.bulk(name),
        None => out.null(),
    }
    out.int(count as i64);
}

/// PING in RESP2 subscribed mode: `*2 pong <message or "">`.
pub fn subscribed_pong(out: &mut Reply, message: Option<&Bytes>) {
    out.array(2);
    out.bulk(b"pong");
    out.bulk(message.map_or(&b""[..], |m| &m[..]));
}

/// One shard's subscriptions: those of the connections it accepted.
#[derive(Debug, Default)]
pub struct Registry {
    channels: HashMap<Bytes, Vec<Rc<Sink>>>,
    patterns: HashMap<Bytes, Vec<Rc<Sink>>>,
    shard_channels: HashMap<Bytes, Vec<Rc<Sink>>>,
}

/// Names of active channels, patterns and shard channels, gathered from every shard for
/// INFO (a name subscribed on several shards counts once, as in Redis).
#[derive(Debug, Clone, Default)]
pub struct NameSets {
    channels: HashSet<Bytes>,
    patterns: HashSet<Bytes>,
    shard_channels: HashSet<Bytes>,
}

impl NameSets {
    /// Adds another shard's names.
    pub fn add(&mut self, other: &NameSets) {
        self.channels.extend(other.channels.iter().cloned());
        self.patterns.extend(other.patterns.iter().cloned());
        self.shard_channels
            .extend(other.shard_channels.iter().cloned());
    }

    /// INFO's `pubsub_channels`, `pubsub_patterns`, `pubsubshard_channels`.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.channels.len(),
            self.patterns.len(),
            self.shard_channels.len(),
        )
    }
}

/// A PUBSUB question a shard answers from its registry for another shard's connection.
#[derive(Debug)]
pub enum ShardJob {
    /// PUBSUB CHANNELS / SHARDCHANNELS (and NUMPAT, with the patterns): the active names of
    /// a kind, those matching `pattern` when given.
    Names {
        /// Which names.
        kind: Kind,
        /// A glob the names must match.
        pattern: Option<Bytes>,
    },
    /// PUBSUB NUMSUB / SHARDNUMSUB: subscribers of each name.
    Counts {
        /// Channels or shard channels.
        kind: Kind,
        /// The names asked for.
        names: Vec<Bytes>,
    },
}

/// What a [`ShardJob`] answers.
#[derive(Debug)]
pub enum Answer {
    /// Names (Names).
    Names(Vec<Bytes>),
    /// One count per name asked (Counts).
    Counts(Vec<usize>),
}

impl Registry {
    fn map(&mut self, kind: Kind) -> &mut HashMap<Bytes, Vec<Rc<Sink>>> {
        match kind {
            Kind::Channel => &mut self.channels,
            Kind::Pattern => &mut self.patterns,
            Kind::Shard => &mut self.shard_channels,
        }
    }

    /// This shard's active names (INFO).
    pub fn names(&self) -> NameSets {
        NameSets {
            channels: self.channels.keys().cloned().collect(),
            patterns: self.patterns.keys().cloned().collect(),
            shard_channels: self.shard_channels.keys().cloned().collect(),
        }
    }

    fn add(&mut self, kind: Kind, name: Bytes, sink: &Rc<Sink>) {
        self.map(kind).entry(name).or_default().push(sink.clone());
    }

    fn remove(&mut self, kind: Kind, name: &[u8], id: u64) {
        let map = self.map(kind);
        if let Some(sinks) = map.get_mut(name) {
            sinks.retain(|s| s.id != id);
            if sinks.is_empty() {
                map.remove(name);
            }
        }
    }

    /// Runs one job from a connection of any shard.
    pub fn run(&mut self, job: ShardJob) -> Answer {
        match job {
            ShardJob::Names { kind, pattern } => Answer::Names(
                self.map(kind)
                    .keys()
                    .filter(|name| {
                        pattern
                            .as_ref()
                            .is_none_or(|p| shards::glob::glob_match(p, name, false))
                    })
                    .cloned()
                    .collect(),
            ),
            ShardJob::Counts { kind, names } => {
                let map = self.map(kind);
                Answer::Counts(
                    names
                        .iter()
                        .map(|n| map.get(n).map_or(0, Vec::len))
                        .collect(),
                )
            }
        }
    }

    /// Delivers `message` on `channel` to this shard's subscribers (the channel's, then each
    /// matching pattern's, as Redis); answers how many deliveries were made.
    pub fn publish(&self, shard: bool, channel: &[u8], message: &[u8]) -> usize {
        let mut reached = 0;
        let (kind_word, map) = if shard {
            (&b"smessage"[..], &self.shard_channels)
        } else {
            (&b"message"[..], &self.channels)
        };
        if let Some(sinks) = map.get(channel) {
            let mut frames = Frames::new(
                |out| {
                    out.bulk(kind_word);
                    out.bulk(channel);
                    out.bulk(message);
                },
                3,
            );
            for sink in sinks {
                sink.deliver(frames.get(sink.resp3.get()));
                reached += 1;
            }
        }
        if shard {
            return reached;
        }
        for (pattern, sinks) in &self.patterns {
            if !shards::glob::glob_match(pattern, channel, false) {
                continue;
            }
            let mut frames = Frames::new(
                |out| {
                    out.bulk(b"pmessage");
                    out.bulk(pattern);
                    out.bulk(channel);
                    out.bulk(message);
                },
                4,
            );
            for sink in sinks {
                sink.deliver(frames.get(sink.resp3.get()));
                reached += 1;
            }
        }
        reached
    }
}

/// A message encoded at most once per protocol.
struct Frames<F: Fn(&mut Reply)> {
    body: F,
    len: usize,
    resp2: Option<Bytes>,
    resp3: Option<Bytes>,
}

impl<F: Fn(&mut Reply)> Frames<F> {
    fn new(body: F, len: usize) -> Self {
        Frames {
            body,
            len,
            resp2: None,
            resp3: None,
        }
    }

    fn get(&mut self, resp3: bool) -> Bytes {
        let (slot, header) = if resp3 {
            (&mut self.resp3, ">")
        } else {
            (&mut self.resp2, "*")
        };
        slot.get_or_insert_with(|| {
            let mut out = Reply::new(resp3);
            out.raw(format!("{header}{}\r\n", self.len).as_bytes());
            (self.body)(&mut out);
            out.take()
        })
        .clone()
    }
}

/// PUBSUB HELP's lines, as Redis 7.0 prints them.
const HELP: &[&str] = &[
    "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CHANNELS [<pattern>]",
    "    Return the currently active channels matching a <pattern> (default: '*').",
    "NUMPAT",
    "    Return number of subscriptions to patterns.",
    "NUMSUB [<channel> ...]",
    "    Return the number of subscribers for the specified channels, excluding",
    "    pattern subscriptions(default: no channels).",
    "SHARDCHANNELS [<pattern>]",
    "    Return the currently active shard level channels matching a <pattern> (default: '*').",
    "SHARDNUMSUB [<shardchannel> ...]",
    "    Return the number of subscribers for the specified shard level channel(s)",
    "HELP",
    "    Prints this help.",
];

/// A PUBSUB subcommand, parsed (the command table already checked its name and arity).
#[derive(Debug)]
pub enum Query {
    /// PUBSUB HELP
    Help,
    /// PUBSUB CHANNELS / SHARDCHANNELS [pattern]
    Names {
        /// Channels or shard channels.
        kind: Kind,
        /// The glob to match.
        pattern: Option<Bytes>,
    },
    /// PUBSUB NUMPAT
    NumPat,
    /// PUBSUB NUMSUB / SHARDNUMSUB [name ...]
    NumSub {
        /// Channels or shard channels.
        kind: Kind,
        /// The names asked for.
        names: Vec<Bytes>,
    },
}

impl Query {
    /// Parses `PUBSUB sub ...`; the error is Redis's text.
    pub fn parse(args: &[Bytes]) -> Result<Query, String> {
        let sub = String::from_utf8_lossy(&args[1]).to_ascii_lowercase();
        let names = |kind| Query::Names {
            kind,
            pattern: args.get(2).cloned(),
        };
        Ok(match sub.as_str() {
            "help" => Query::Help,
            "numpat" => Query::NumPat,
            "channels" if args.len() <= 3 => names(Kind::Channel),
            "shardchannels" if args.len() <= 3 => names(Kind::Shard),
            "numsub" | "shardnumsub" => Query::NumSub {
                kind: if sub == "numsub" {
                    Kind::Channel
                } else {
                    Kind::Shard
                },
                names: args[2..].to_vec(),
            },
            _ => {
                let typed = String::from_utf8_lossy(&args[1]);
                return Err(format!(
                    "ERR unknown subcommand or wrong number of arguments for '{typed}'. Try PUBSUB HELP."
                ));
            }
        })
    }

    /// The job every shard runs for it (none for HELP).
    pub fn job(&self) -> Option<ShardJob> {
        match self {
            Query::Help => None,
            Query::Names { kind, pattern } => Some(ShardJob::Names {
                kind: *kind,
                pattern: pattern.clone(),
            }),
            Query::NumPat => Some(ShardJob::Names {
                kind: Kind::Pattern,
                pattern: None,
            }),
            Query::NumSub { kind, names } => Some(ShardJob::Counts {
                kind: *kind,
                names: names.clone(),
            }),
        }
    }

    /// The reply from every shard's answer: names present on several shards count once,
    /// subscriber counts add up.
    pub fn render(&self, answers: Vec<Answer>, out: &mut Reply) {
        match self {
            Query::Help => {
                out.array(HELP.len());
                for line in HELP {
                    out.simple(line);
                }
            }
            Query::Names { .. } | Query::NumPat => {
                let mut unique: Vec<Bytes> = Vec::new();
                let mut seen = HashSet::new();
                for answer in answers {
                    if let Answer::Names(names) = answer {
                        for name in names {
                            if seen.insert(name.clone()) {
                                unique.push(name);
                            }
                        }
                    }
                }
                if let Query::NumPat = self {
                    out.int(unique.len() as i64);
                } else {
                    out.array(unique.len());
                    for name in &unique {
                        out.bulk(name);
                    }
                }
            }
            Query::NumSub { names, .. } => {
                let mut totals = vec![0usize; names.len()];
                for answer in answers {
                    if let Answer::Counts(counts) = answer {
                        for (total, n) in totals.iter_mut().zip(counts) {
                            *total += n;
                        }
                    }
                }
                out.array(names.len() * 2);
                for (name, total) in names.iter().zip(totals) {
                    out.bulk(name);
                    out.int(total as i64);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> Bytes {
        Bytes::copy_from_slice(s.as_bytes())
    }

    #[test]
    fn confirmations_have_redis_shapes() {
        let mut registry = Registry::default();
        let mut sub = Subscriber::new(1, false);
        let mut out = Reply::new(false);
        sub.unsubscribe(&mut registry, Kind::Channel, &[], &mut out);
        assert_eq!(
            out.take(),
            &b"*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n"[..]
        );
        sub.subscribe(&mut registry, Kind::Channel, &[b("a"), b("a")], &mut out);
        sub.subscribe(&mut registry, Kind::Pattern, &[b("p*")], &mut out);
        sub.subscribe(&mut registry, Kind::Shard, &[b("s")], &mut out);
        assert_eq!(
            out.take(),
            &b"*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n\
*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:2\r\n*3\r\n$10\r\nssubscribe\r\n$1\r\ns\r\n:1\r\n"[..]
        );
        let mut out3 = Reply::new(true);
        sub.unsubscribe(&mut registry, Kind::Shard, &[], &mut out3);
        sub.unsubscribe(&mut registry, Kind::Shard, &[], &mut out3);
        assert_eq!(
            out3.take(),
            &b">3\r\n$12\r\nsunsubscribe\r\n$1\r\ns\r\n:0\r\n>3\r\n$12\r\nsunsubscribe\r\n_\r\n:0\r\n"[..]
        );
        assert!(sub.is_subscribed());
        sub.leave_all(&mut registry);
        assert!(!sub.is_subscribed());
        assert!(registry.channels.is_empty() && registry.patterns.is_empty());
    }

    #[test]
    fn publish_reaches_channels_and_patterns_in_each_protocol() {
        let mut registry = Registry::default();
        let mut one = Subscriber::new(1, false);
        let mut two = Subscriber::new(2, true);
        let mut out = Reply::new(false);
        one.subscribe(&mut registry, Kind::Channel, &[b("news")], &mut out);
        two.subscribe(&mut registry, Kind::Pattern, &[b("n*"), b("x*")], &mut out);
        assert_eq!(registry.publish(false, b"news", b"hi"), 2);
        assert_eq!(registry.publish(true, b"news", b"hi"), 0);
        assert_eq!(
            one.messages.try_recv().expect("message"),
            &b"*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n"[..]
        );
        assert_eq!(
            two.messages.try_recv().expect("pmessage"),
            &b">4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n"[..]
        );
        match registry.run(ShardJob::Names {
            kind: Kind::Pattern,
            pattern: None,
        }) {
            Answer::Names(mut names) => {
                names.sort();
                assert_eq!(names, vec![b("n*"), b("x*")]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_subscriber_over_the_hard_limit_is_cut_off() {
        let mut registry = Registry::default();
        let mut slow = Subscriber::new(1, false);
        let mut out = Reply::new(false);
        slow.subscribe(&mut registry, Kind::Channel, &[b("c")], &mut out);
        let big = vec![b'x'; 1024 * 1024];
        for _ in 0..40 {
            registry.publish(false, b"c", &big);
        }
        assert!(slow.sink.overflowed.get());
        assert!(slow.overflow.try_recv().expect("signal").is_some());
    }
}
