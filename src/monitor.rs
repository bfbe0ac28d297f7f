//! MONITOR: every command any client runs, on any shard, is shown to every monitoring client
//! in Redis's format (`+1700000000.123456 [0 127.0.0.1:50000] "SET" "k" "v"`).
//!
//! Monitors may sit on any shard and commands run on every shard, so the monitors are kept in
//! one process-wide registry. It is a `Mutex`, which is acceptable here because it is never
//! taken on the per-request path while nobody monitors: a connection first reads
//! [`active`] (one relaxed atomic load) and formats nothing when it is false. With monitors,
//! a connection gathers the lines of one round of requests and [`publish`]es them with one
//! lock and one channel send per monitor.
//!
//! A monitor that does not read must not stall the server or grow without bound: each
//! monitor has a budget of [`QUEUE_LIMIT`] bytes queued but not yet written to its socket.
//! Past it the monitor is disconnected, as Redis disconnects a client over its
//! `client-output-buffer-limit` (Redis's default limit for normal clients, which monitors
//! count as, is unlimited; shardis bounds it, see docs/decisions.md).

use crate::command_table::Command;
use bytes::Bytes;
use futures_channel::{mpsc, oneshot};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Bytes of lines a monitor may have queued (sent to it but not yet written to its socket)
/// before it is disconnected.
pub const QUEUE_LIMIT: usize = 32 * 1024 * 1024;

/// Number of registered monitors; the only thing a request reads while nobody monitors.
static COUNT: AtomicUsize = AtomicUsize::new(0);

/// The monitors. Locked only by [`publish`] (which runs only while [`COUNT`] > 0) and when a
/// monitor comes or goes.
static REGISTRY: Mutex<Vec<Arc<Sink>>> = Mutex::new(Vec::new());

/// Whether anyone monitors: when false, requests skip formatting monitor lines.
#[inline]
pub fn active() -> bool {
    COUNT.load(Ordering::Relaxed) > 0
}

fn registry() -> MutexGuard<'static, Vec<Arc<Sink>>> {
    // A panic while holding the lock leaves a plain Vec of handles: still usable.
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// The publishing side of one monitor.
#[derive(Debug)]
struct Sink {
    id: u64,
    /// Bytes sent on `lines` and not yet written to the monitor's socket.
    queued: AtomicUsize,
    /// Over its budget: nothing more is sent, the monitor is being disconnected.
    overflowed: AtomicBool,
    lines: mpsc::UnboundedSender<Bytes>,
    /// Wakes the monitor's connection when it overflows, even in the middle of a write.
    overflow: Mutex<Option<oneshot::Sender<()>>>,
}

/// A monitoring connection's end: the lines to write, and the overflow signal. Dropping it
/// unregisters the monitor.
#[derive(Debug)]
pub struct Subscription {
    sink: Arc<Sink>,
    /// Batches of lines, in the order each publisher sent them.
    pub lines: mpsc::UnboundedReceiver<Bytes>,
    /// Completes when the monitor went over [`QUEUE_LIMIT`] and must be disconnected.
    pub overflow: oneshot::Receiver<()>,
}

impl Subscription {
    /// Registers client `id` as a monitor.
    pub fn new(id: u64) -> Subscription {
        let (lines_tx, lines) = mpsc::unbounded();
        let (overflow_tx, overflow) = oneshot::channel();
        let sink = Arc::new(Sink {
            id,
            queued: AtomicUsize::new(0),
            overflowed: AtomicBool::new(false),
            lines: lines_tx,
            overflow: Mutex::new(Some(overflow_tx)),
        });
        let mut all = registry();
        all.push(sink.clone());
        COUNT.store(all.len(), Ordering::Relaxed);
        Subscription {
            sink,
            lines,
            overflow,
        }
    }

    /// Records that `bytes` of queued lines reached the monitor's socket.
    pub fn written(&self, bytes: usize) {
        let _ = self
            .sink
            .queued
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |q| {
                Some(q.saturating_sub(bytes))
            });
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut all = registry();
        all.retain(|s| s.id != self.sink.id);
        COUNT.store(all.len(), Ordering::Relaxed);
    }
}

/// Sends a batch of lines to every monitor; a monitor over its budget gets no more lines
/// and is told to disconnect.
pub fn publish(batch: Bytes) {
    let all = registry();
    for sink in all.iter() {
        if sink.overflowed.load(Ordering::Relaxed) {
            continue;
        }
        let queued = sink.queued.fetch_add(batch.len(), Ordering::Relaxed) + batch.len();
        if queued > QUEUE_LIMIT {
            sink.overflowed.store(true, Ordering::Relaxed);
            let signal = sink
                .overflow
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            if let Some(signal) = signal {
                let _ = signal.send(());
            }
        } else {
            let _ = sink.lines.unbounded_send(batch.clone());
        }
    }
}

/// Whether Redis 7.0 shows this command to monitors: not when it (or, for a container such
/// as CLIENT, its subcommand) is flagged `admin` or `skip_monitor`, and not an unknown
/// subcommand (Redis refuses it before running anything).
pub fn is_shown(cmd: &Command, args: &[Bytes]) -> bool {
    let meta = match args.get(1) {
        Some(sub) if cmd.meta.is_container() => {
            match crate::command_meta::find_sub(cmd.meta, sub) {
                Some(meta) => meta,
                None => return false,
            }
        }
        _ => cmd.meta,
    };
    !meta
        .flags
        .iter()
        .any(|f| *f == "admin" || *f == "skip_monitor")
}

/// Appends one monitor line for `args` run by the client at `addr` on database `db`, at
/// `now`, with passwords redacted as Redis 7.0 redacts them.
pub fn append_line(
    out: &mut Vec<u8>,
    now: std::time::SystemTime,
    db: usize,
    addr: &SocketAddr,
    args: &[Bytes],
) {
    use std::io::Write;
    let since = now
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let _ = write!(
        out,
        "+{}.{:06} [{db} {addr}]",
        since.as_secs(),
        since.subsec_micros()
    );
    let redacted = redacted_positions(args);
    for (i, arg) in args.iter().enumerate() {
        out.push(b' ');
        if redacted.contains(&i) {
            out.extend_from_slice(b"\"(redacted)\"");
        } else {
            append_repr(out, arg);
        }
    }
    out.extend_from_slice(b"\r\n");
}

/// The arguments Redis 7.0 replaces by `(redacted)`: AUTH's username and password (unless
/// it has too many arguments, which is refused before anything is redacted), and the pair
/// after each AUTH option of HELLO that its parser reached.
fn redacted_positions(args: &[Bytes]) -> Vec<usize> {
    let name = &args[0];
    if name.eq_ignore_ascii_case(b"auth") {
        return match args.len() {
            2 => vec![1],
            3 => vec![1, 2],
            _ => Vec::new(),
        };
    }
    if !name.eq_ignore_ascii_case(b"hello") {
        return Vec::new();
    }
    if let Some(version) = args.get(1) {
        if !matches!(shards::util::parse_i64(version), Some(2 | 3)) {
            return Vec::new();
        }
    }
    let mut positions = Vec::new();
    let mut j = 2;
    while j < args.len() {
        let more = args.len() - 1 - j;
        if args[j].eq_ignore_ascii_case(b"AUTH") && more >= 2 {
            positions.extend([j + 1, j + 2]);
            j += 2;
        } else if args[j].eq_ignore_ascii_case(b"SETNAME")
            && more >= 1
            && crate::clients::validate_client_name(&args[j + 1]).is_ok()
        {
            j += 1;
        } else {
            break;
        }
        j += 1;
    }
    positions
}

/// Appends `arg` quoted as Redis's `sdscatrepr` quotes it.
pub(crate) fn append_repr(out: &mut Vec<u8>, arg: &[u8]) {
    out.push(b'"');
    for &b in arg {
        match b {
            b'\\' | b'"' => out.extend_from_slice(&[b'\\', b]),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x07 => out.extend_from_slice(b"\\a"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x20..=0x7e => out.push(b),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'x',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 15) as usize],
                ]);
            }
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&[u8]]) -> Vec<Bytes> {
        words.iter().map(|w| Bytes::copy_from_slice(w)).collect()
    }

    fn line(words: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_micros(1_700_000_000_000_042);
        let addr: SocketAddr = "127.0.0.1:50000".parse().expect("address");
        append_line(&mut out, at, 3, &addr, &args(words));
        String::from_utf8(out).expect("ascii")
    }

    #[test]
    fn lines_have_redis_format() {
        assert_eq!(
            line(&[b"SET", b"k", b"v"]),
            "+1700000000.000042 [3 127.0.0.1:50000] \"SET\" \"k\" \"v\"\r\n"
        );
    }

    #[test]
    fn arguments_are_escaped_as_sdscatrepr() {
        assert_eq!(
            line(&[b"x", b"a\"b\\c\n\r\t\x07\x08\x01\xff~ "]),
            "+1700000000.000042 [3 127.0.0.1:50000] \"x\" \"a\\\"b\\\\c\\n\\r\\t\\a\\b\\x01\\xff~ \"\r\n"
        );
    }

    #[test]
    fn passwords_are_redacted_as_redis_7_0_does() {
        let tail = |words: &[&[u8]]| line(words).split_once("] ").expect("prefix").1.to_string();
        assert_eq!(tail(&[b"AUTH", b"pw"]), "\"AUTH\" \"(redacted)\"\r\n");
        assert_eq!(
            tail(&[b"auth", b"default", b"pw"]),
            "\"auth\" \"(redacted)\" \"(redacted)\"\r\n"
        );
        assert_eq!(
            tail(&[b"AUTH", b"a", b"b", b"c"]),
            "\"AUTH\" \"a\" \"b\" \"c\"\r\n"
        );
        assert_eq!(
            tail(&[b"HELLO", b"3", b"AUTH", b"u", b"p", b"SETNAME", b"x"]),
            "\"HELLO\" \"3\" \"AUTH\" \"(redacted)\" \"(redacted)\" \"SETNAME\" \"x\"\r\n"
        );
        assert_eq!(
            tail(&[b"HELLO", b"4", b"AUTH", b"u", b"p"]),
            "\"HELLO\" \"4\" \"AUTH\" \"u\" \"p\"\r\n"
        );
        assert_eq!(
            tail(&[b"HELLO", b"3", b"SETNAME", b"a b", b"AUTH", b"u", b"p"]),
            "\"HELLO\" \"3\" \"SETNAME\" \"a b\" \"AUTH\" \"u\" \"p\"\r\n"
        );
        assert_eq!(
            tail(&[b"HELLO", b"3", b"FOO", b"AUTH", b"u", b"p"]),
            "\"HELLO\" \"3\" \"FOO\" \"AUTH\" \"u\" \"p\"\r\n"
        );
    }

    #[test]
    fn admin_commands_are_not_shown() {
        let table = crate::command_table::table();
        let shown = |words: &[&[u8]]| {
            let a = args(words);
            is_shown(&table[std::str::from_utf8(words[0]).expect("ascii")], &a)
        };
        assert!(shown(&[b"get", b"k"]));
        assert!(shown(&[b"client", b"id"]));
        assert!(!shown(&[b"client", b"list"]));
        assert!(!shown(&[b"client", b"kill", b"1.2.3.4:5"]));
        assert!(!shown(&[b"config", b"get", b"x"]));
        assert!(!shown(&[b"monitor"]));
        assert!(!shown(&[b"client", b"nosuch"]));
        assert!(shown(&[b"command"]));
    }
}
