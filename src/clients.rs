//! The clients connected to one shard, for CLIENT LIST / INFO / KILL. Each shard keeps its own
//! registry (its connections live on its executor); CLIENT LIST asks every shard by message.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_CLIENT_ID: AtomicU64 = AtomicU64::new(1);

/// Connections refused because `maxclients` were already connected (INFO stats
/// `rejected_connections`); process-wide because any shard may refuse one.
#[allow(dead_code)] // counted by maxclients and read by INFO, which land next
pub static REJECTED_CONNECTIONS: AtomicU64 = AtomicU64::new(0);

/// A new client id, unique across shards, increasing as in Redis.
pub fn next_client_id() -> u64 {
    NEXT_CLIENT_ID.fetch_add(1, Ordering::Relaxed)
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
    /// Wakes the connection when it is killed while waiting for input.
    pub kill_signal: RefCell<Option<futures_channel::oneshot::Sender<()>>>,
}

impl ClientInfo {
    /// One CLIENT LIST line (without the newline), in Redis 7.0's field order.
    pub fn line(&self) -> String {
        let now = shards::util::now_ms();
        format!(
            "id={} addr={} laddr={} fd={} name={} age={} idle={} flags=N db={} sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=16384 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r cmd={} user=default redir=-1 resp={}",
            self.id,
            self.addr,
            self.laddr,
            self.fd,
            String::from_utf8_lossy(&self.name.borrow()),
            (now - self.created_ms).max(0) / 1000,
            (now - self.last_active_ms.get()).max(0) / 1000,
            self.db.get(),
            self.last_cmd.get(),
            self.resp.get(),
        )
    }

    /// Marks the client killed and wakes its connection.
    pub fn kill(&self) {
        self.killed.set(true);
        if let Some(signal) = self.kill_signal.borrow_mut().take() {
            let _ = signal.send(());
        }
    }
}

/// Which clients a CLIENT LIST or CLIENT KILL applies to.
#[derive(Debug, Clone, Default)]
pub struct ClientFilter {
    /// Only these ids (empty: any).
    pub ids: Vec<u64>,
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
        (self.ids.is_empty() || self.ids.contains(&c.id))
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
