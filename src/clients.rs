//! The clients connected to one shard, for CLIENT LIST / INFO / KILL. Each shard keeps its own
//! registry (its connections live on its executor); CLIENT LIST asks every shard by message.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

static NEXT_CLIENT_ID: AtomicU64 = AtomicU64::new(1);

/// Connections refused because `maxclients` were already connected (INFO stats
/// `rejected_connections`); process-wide because any shard may refuse one.
pub static REJECTED_CONNECTIONS: AtomicU64 = AtomicU64::new(0);

/// Clients connected now, over every shard: `maxclients` is a limit on the whole server and
/// connections land on any shard.
static CONNECTED: AtomicUsize = AtomicUsize::new(0);

/// A connected client's place under `maxclients`; dropping it frees the place.
#[derive(Debug)]
pub struct ClientSlot(());

impl ClientSlot {
    /// Takes a place for a new connection, or counts a rejected connection when `maxclients`
    /// clients are already connected (Redis's test: connected clients >= maxclients).
    pub fn take(maxclients: u64) -> Option<ClientSlot> {
        let before = CONNECTED.fetch_add(1, Ordering::Relaxed);
        if before as u64 >= maxclients {
            CONNECTED.fetch_sub(1, Ordering::Relaxed);
            REJECTED_CONNECTIONS.fetch_add(1, Ordering::Relaxed);
            None
        } else {
            Some(ClientSlot(()))
        }
    }
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        CONNECTED.fetch_sub(1, Ordering::Relaxed);
    }
}

/// What a new connection over `maxclients` is told before it is closed.
pub const MAX_CLIENTS_REACHED: &[u8] = b"-ERR max number of clients reached\r\n";

/// A new client id, unique across shards, increasing as in Redis.
pub fn next_client_id() -> u64 {
    NEXT_CLIENT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Checks a client name as Redis does (CLIENT SETNAME, HELLO SETNAME).
pub fn validate_client_name(name: &[u8]) -> Result<(), &'static str> {
    if name.iter().any(|&c| !(b'!'..=b'~').contains(&c)) {
        Err("ERR Client names cannot contain spaces, newlines or special characters.")
    } else {
        Ok(())
    }
}

/// What CLIENT LIST shows about one connection, updated by the connection as it runs.
#[derive(Debug)]
pub struct ClientInfo {
    /// Unique id.
    pub id: u64,
    /// Peer address.
    pub addr: SocketAddr,
    /// Local address.
    pub laddr: SocketAddr,
    /// File descriptor number.
    pub fd: i32,
    /// CLIENT SETNAME name.
    pub name: RefCell<Vec<u8>>,
    /// When it connected (ms since the epoch).
    pub created_ms: i64,
    /// When it last ran a command (ms since the epoch; the connection's per-batch clock).
    pub last_active_ms: Cell<i64>,
    /// Selected database.
    pub db: Cell<usize>,
    /// Protocol version (2 or 3).
    pub resp: Cell<u8>,
    /// Full name of the last command (`client|list`).
    pub last_cmd: Cell<&'static str>,
    /// Set by CLIENT KILL; the connection closes at its next wake-up.
    pub killed: Cell<bool>,
    /// In MONITOR mode (flags=O).
    pub monitor: Cell<bool>,
    /// Pub/Sub subscription counts: channels, patterns, shard channels (`sub=`, `psub=`,
    /// `ssub=`; any makes `flags=P`, and exempts the client from the idle `timeout`).
    pub pubsub: Cell<(usize, usize, usize)>,
    /// Blocked in BLPOP & co. (exempt from the idle `timeout`).
    pub blocked: Cell<bool>,
    /// Commands queued since MULTI (`multi=`; -1 outside MULTI, which also shows `flags=x`).
    pub multi: Cell<i64>,
    /// Bytes of the connection's buffers (input, output) as of its last wait for input:
    /// what INFO `mem_clients_normal` and MEMORY STATS `clients.normal` add up.
    pub memory: Cell<u64>,
    /// The connection's task, woken when the client is killed while it waits for input. The
    /// connection leaves it here once, at its first wait: a task's waker stays valid for the
    /// task's life, and re-registering one at every wait cost a clone and a drop per request.
    pub kill_waker: RefCell<Option<std::task::Waker>>,
}

impl ClientInfo {
    /// A client that connected at `now_ms` and has run nothing yet.
    pub fn new(id: u64, addr: SocketAddr, laddr: SocketAddr, fd: i32, now_ms: i64) -> ClientInfo {
        ClientInfo {
            id,
            addr,
            laddr,
            fd,
            name: RefCell::new(Vec::new()),
            created_ms: now_ms,
            last_active_ms: Cell::new(now_ms),
            db: Cell::new(0),
            resp: Cell::new(2),
            last_cmd: Cell::new("NULL"),
            killed: Cell::new(false),
            monitor: Cell::new(false),
            pubsub: Cell::new((0, 0, 0)),
            blocked: Cell::new(false),
            multi: Cell::new(-1),
            memory: Cell::new(0),
            kill_waker: RefCell::new(None),
        }
    }

    /// One CLIENT LIST line (without the newline), in Redis 7.0's field order.
    pub fn line(&self) -> String {
        let now = shards::util::now_ms();
        format!(
            "id={} addr={} laddr={} fd={} name={} age={} idle={} flags={} db={} sub={} psub={} ssub={} multi={} qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=16384 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r cmd={} user=default redir=-1 resp={}",
            self.id,
            self.addr,
            self.laddr,
            self.fd,
            String::from_utf8_lossy(&self.name.borrow()),
            (now - self.created_ms).max(0) / 1000,
            (now - self.last_active_ms.get()).max(0) / 1000,
            self.flags(),
            self.db.get(),
            self.pubsub.get().0,
            self.pubsub.get().1,
            self.pubsub.get().2,
            self.multi.get(),
            self.last_cmd.get(),
            self.resp.get(),
        )
    }

    /// Subscribed to any channel, pattern or shard channel (Redis's CLIENT_PUBSUB).
    pub fn subscribed(&self) -> bool {
        let (channels, patterns, shard_channels) = self.pubsub.get();
        channels + patterns + shard_channels > 0
    }

    /// The `flags=` letters, in Redis's order (`N` when none).
    fn flags(&self) -> String {
        let mut flags = String::new();
        if self.monitor.get() {
            flags.push('O');
        }
        if self.subscribed() {
            flags.push('P');
        }
        if self.multi.get() >= 0 {
            flags.push('x');
        }
        if flags.is_empty() {
            flags.push('N');
        }
        flags
    }

    /// Marks the client killed and wakes its connection.
    pub fn kill(&self) {
        self.killed.set(true);
        if let Some(waker) = self.kill_waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// Which clients a CLIENT LIST or CLIENT KILL applies to.
#[derive(Debug, Clone, Default)]
pub struct ClientFilter {
    /// Only these ids (`None`: any; ids that no client can have, such as negative ones,
    /// are allowed by CLIENT LIST ID and match nobody).
    pub ids: Option<Vec<i64>>,
    /// Only this peer address.
    pub addr: Option<String>,
    /// Only this local address.
    pub laddr: Option<String>,
    /// Only this type: "normal" matches every client today; other types match none.
    pub kind: Option<String>,
    /// Only this user: "default" matches every client today.
    pub user: Option<String>,
    /// Never this client (SKIPME yes).
    pub skip_id: Option<u64>,
}

impl ClientFilter {
    fn matches(&self, c: &ClientInfo) -> bool {
        self.ids
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|&id| id as u64 == c.id && id > 0))
            && self.addr.as_ref().is_none_or(|a| *a == c.addr.to_string())
            && self
                .laddr
                .as_ref()
                .is_none_or(|a| *a == c.laddr.to_string())
            && self
                .kind
                .as_ref()
                .is_none_or(|k| k.eq_ignore_ascii_case("normal"))
            && self.user.as_ref().is_none_or(|u| u == "default")
            && self.skip_id != Some(c.id)
    }
}

/// The clients of one shard, by id.
#[derive(Debug, Default)]
pub struct ClientRegistry {
    clients: BTreeMap<u64, Rc<ClientInfo>>,
}

impl ClientRegistry {
    /// Registers a new connection.
    pub fn add(&mut self, info: Rc<ClientInfo>) {
        self.clients.insert(info.id, info);
    }

    /// Number of connections.
    pub fn len(&self) -> usize {
        self.clients.len()
    }

    /// Bytes of every connection's buffers ([`ClientInfo::memory`]).
    pub fn memory(&self) -> u64 {
        self.clients.values().map(|c| c.memory.get()).sum()
    }

    /// Forgets a closed connection.
    pub fn remove(&mut self, id: u64) {
        self.clients.remove(&id);
    }

    /// CLIENT LIST lines of the matching clients, by id.
    pub fn list(&self, filter: &ClientFilter) -> Vec<(u64, String)> {
        self.clients
            .values()
            .filter(|c| filter.matches(c))
            .map(|c| (c.id, c.line()))
            .collect()
    }

    /// Closes the clients idle for more than `timeout_s` seconds at `now_ms`, as Redis's
    /// clientsCron does: not monitors, subscribers or clients blocked in BLPOP & co. Returns how
    /// many were closed.
    pub fn close_idle(&self, timeout_s: u64, now_ms: i64) -> usize {
        if timeout_s == 0 {
            return 0;
        }
        let limit = timeout_s.saturating_mul(1000).min(i64::MAX as u64) as i64;
        let mut closed = 0;
        for c in self.clients.values() {
            if !c.monitor.get()
                && !c.blocked.get()
                && !c.subscribed()
                && now_ms - c.last_active_ms.get() > limit
            {
                c.kill();
                closed += 1;
            }
        }
        closed
    }

    /// Kills the matching clients; returns how many.
    pub fn kill(&self, filter: &ClientFilter) -> usize {
        let victims: Vec<_> = self
            .clients
            .values()
            .filter(|c| filter.matches(c))
            .cloned()
            .collect();
        for v in &victims {
            v.kill();
        }
        victims.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(id: u64, last_active_ms: i64) -> Rc<ClientInfo> {
        let addr: SocketAddr = "127.0.0.1:5000".parse().expect("address");
        let info = ClientInfo::new(id, addr, addr, 0, 0);
        info.last_active_ms.set(last_active_ms);
        Rc::new(info)
    }

    #[test]
    fn idle_clients_close_but_not_blocked_ones_or_monitors() {
        let mut registry = ClientRegistry::default();
        let (idle, recent, blocked, monitor) =
            (client(1, 0), client(2, 9_500), client(3, 0), client(4, 0));
        blocked.blocked.set(true);
        monitor.monitor.set(true);
        for c in [&idle, &recent, &blocked, &monitor] {
            registry.add(c.clone());
        }
        assert_eq!(registry.close_idle(0, 10_000), 0, "timeout 0: never");
        assert!(!idle.killed.get());
        assert_eq!(registry.close_idle(1, 10_000), 1);
        assert!(idle.killed.get());
        assert!(!recent.killed.get() && !blocked.killed.get() && !monitor.killed.get());
        assert!(monitor.line().contains(" flags=O "));
        assert!(recent.line().contains(" flags=N "));
    }

    #[test]
    fn client_slots_stop_at_maxclients() {
        let rejected = REJECTED_CONNECTIONS.load(Ordering::Relaxed);
        let first = ClientSlot::take(2).expect("first");
        let second = ClientSlot::take(2).expect("second");
        assert!(ClientSlot::take(2).is_none());
        assert_eq!(REJECTED_CONNECTIONS.load(Ordering::Relaxed), rejected + 1);
        drop(first);
        let third = ClientSlot::take(2).expect("a freed place");
        drop((second, third));
        assert_eq!(CONNECTED.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn list_by_ids_matches_only_those_ids() {
        let mut registry = ClientRegistry::default();
        for id in 1..=3 {
            registry.add(client(id, 0));
        }
        let ids = |ids: Vec<i64>| {
            let filter = ClientFilter {
                ids: Some(ids),
                ..ClientFilter::default()
            };
            registry
                .list(&filter)
                .into_iter()
                .map(|(id, _)| id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(vec![3, 1, 7]), vec![1, 3]);
        assert_eq!(ids(vec![0, -1]), Vec::<u64>::new());
        assert_eq!(registry.list(&ClientFilter::default()).len(), 3);
    }
}
