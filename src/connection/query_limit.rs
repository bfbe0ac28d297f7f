//! A connection's input: requests parsed and waiting, and `client-query-buffer-limit`, what a
//! client may have sent that the server has not run yet.
//!
//! A connection's query buffer is, as in Redis, every byte read from the client and not yet
//! run: the unparsed tail of its read buffer plus the requests already parsed but waiting
//! (a blocked client keeps reading and parsing its socket, and runs nothing until it is
//! served). Redis checks its length after every read (`readQueryFromClient`) and closes a
//! client past the limit with a warning; so does [`Conn::run`](super::Conn), with one
//! compare per read. Commands queued inside MULTI have run (they were answered `+QUEUED`),
//! so they are not part of it: Redis counts them as `multi-mem`, not `qbuf`.

use crate::clients::ClientInfo;
use crate::protocol::{Parsed, ProtocolError, RequestParser};
use bytes::{Bytes, BytesMut};
use std::collections::VecDeque;

/// How many bytes of the query buffer the warning shows (Redis's `sdscatrepr(..., 64)`).
const SHOWN: usize = 64;

/// Requests parsed but not run yet, in order, and how many bytes they took on the wire.
#[derive(Default)]
pub(super) struct Pending {
    queue: VecDeque<(Vec<Bytes>, usize)>,
    bytes: usize,
}

impl Pending {
    /// Adds a request that took `wire` bytes of input.
    pub(super) fn push(&mut self, args: Vec<Bytes>, wire: usize) {
        self.bytes += wire;
        self.queue.push_back((args, wire));
    }

    /// Takes the oldest request.
    pub(super) fn pop(&mut self) -> Option<Vec<Bytes>> {
        let (args, wire) = self.queue.pop_front()?;
        self.bytes -= wire;
        Some(args)
    }

    /// No request waits.
    pub(super) fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}

/// Parses the complete requests at the front of `rbuf` into `pending`, each with the bytes it
/// took. While `auth_required`, only the first (Redis runs AUTH before it reads the next
/// request's header, whose limits depend on it). Returns the protocol error that stopped
/// parsing, if any, and whether complete requests may be left in `rbuf`.
pub(super) fn parse_into(
    parser: &mut RequestParser,
    rbuf: &mut BytesMut,
    pending: &mut Pending,
    max_bulk: u64,
    auth_required: bool,
) -> (Option<ProtocolError>, bool) {
    loop {
        let before = rbuf.len();
        match parser.parse(rbuf, max_bulk, auth_required) {
            Parsed::Request(args) if args.is_empty() => {}
            Parsed::Request(args) => {
                pending.push(args, before - rbuf.len());
                if auth_required {
                    return (None, !rbuf.is_empty());
                }
            }
            Parsed::Incomplete => return (None, false),
            Parsed::Error(error) => return (Some(error), false),
        }
    }
}

/// Whether a query buffer of `unparsed` bytes plus `pending`'s requests is over `limit`.
#[inline]
pub(super) fn over(unparsed: usize, pending: &Pending, limit: u64) -> bool {
    (unparsed + pending.bytes) as u64 > limit
}

/// Redis's warning for a client closed at the limit: its CLIENT LIST line and the first
/// bytes of its query buffer quoted as `sdscatrepr` quotes them. Waiting requests were
/// parsed already, so they are shown as RESP (as sent, unless the client sent them inline).
pub(super) fn closing_message(info: &ClientInfo, pending: &Pending, unparsed: &[u8]) -> String {
    let mut head = Vec::with_capacity(SHOWN);
    for (args, _) in &pending.queue {
        if head.len() >= SHOWN {
            break;
        }
        head.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
        for arg in args {
            head.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
            head.extend_from_slice(&arg[..arg.len().min(SHOWN)]);
            head.extend_from_slice(b"\r\n");
        }
    }
    head.extend_from_slice(&unparsed[..unparsed.len().min(SHOWN)]);
    head.truncate(SHOWN);
    let mut shown = Vec::with_capacity(SHOWN * 2);
    crate::monitor::append_repr(&mut shown, &head);
    format!(
        "Closing client that reached max query buffer length: {} (qbuf initial bytes: {})",
        info.line(),
        String::from_utf8_lossy(&shown)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> ClientInfo {
        let addr = "127.0.0.1:5000".parse().expect("address");
        let laddr = "127.0.0.1:6379".parse().expect("address");
        ClientInfo::new(7, addr, laddr, 9, 0)
    }

    #[test]
    fn pending_requests_count_until_taken() {
        let mut pending = Pending::default();
        assert!(!over(10, &pending, 10));
        pending.push(vec![Bytes::from_static(b"PING")], 14);
        assert!(over(0, &pending, 13));
        assert!(!over(0, &pending, 14));
        assert_eq!(pending.pop(), Some(vec![Bytes::from_static(b"PING")]));
        assert!(pending.is_empty());
        assert!(!over(14, &pending, 14));
    }

    #[test]
    fn the_warning_shows_the_first_64_bytes_as_sdscatrepr() {
        let mut pending = Pending::default();
        pending.push(
            vec![Bytes::from_static(b"GET"), Bytes::from_static(b"k")],
            20,
        );
        let text = closing_message(&info(), &pending, &[b'x'; 100]);
        assert!(
            text.starts_with(
                "Closing client that reached max query buffer length: id=7 addr=127.0.0.1:5000 "
            ),
            "{text}"
        );
        let tail = format!(
            " (qbuf initial bytes: \"*2\\r\\n$3\\r\\nGET\\r\\n$1\\r\\nk\\r\\n{}\")",
            "x".repeat(44)
        );
        assert!(text.ends_with(&tail), "{text}");
        let text = closing_message(&info(), &Pending::default(), b"*1\r\n$1048576\r\n\x00");
        assert!(
            text.ends_with(" (qbuf initial bytes: \"*1\\r\\n$1048576\\r\\n\\x00\")"),
            "{text}"
        );
    }
}
