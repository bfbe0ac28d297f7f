//! The request side of RESP: an incremental parser for multibulk (`*2\r\n$3\r\nGET...`) and
//! inline (`GET k\r\n`, what telnet sends) requests, with Redis's limits and error texts.
//!
//! Like mini-redis's `Frame::check`, an incomplete request is a normal outcome: the parser
//! reports how far it got and waits for more bytes. Arguments are zero-copy slices of the
//! connection's read buffer (`Bytes`), handed to whichever shard runs the command.
//!
//! Malformed input is read exactly as Redis 7.0 reads it (`processMultibulkBuffer`,
//! `processInlineBuffer`), since clients see the difference: a header line ends at the first
//! `\r` (the byte after it is skipped unread), a search for a line end stops at a NUL byte
//! (Redis searches with `strchr`, so the request waits for more input), a multibulk count may
//! go up to `INT_MAX`, and an unauthenticated client may not announce more than 10 arguments
//! or a bulk longer than 16384 bytes.

use bytes::{Bytes, BytesMut};

/// Longest inline request or multibulk/bulk header line Redis accepts (PROTO_INLINE_MAX_SIZE).
pub const INLINE_MAX: usize = 64 * 1024;
/// Largest multibulk element count Redis 7.0 accepts (`INT_MAX`).
pub const MULTIBULK_MAX: i64 = i32::MAX as i64;
/// Largest multibulk count an unauthenticated client may send.
const UNAUTH_MULTIBULK_MAX: i64 = 10;
/// Largest bulk length an unauthenticated client may send.
const UNAUTH_BULK_MAX: i64 = 16384;

/// The outcome of parsing from the front of a buffer.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    /// A whole request: its arguments (empty for an empty inline line or `*0`, which Redis skips).
    Request(Vec<Bytes>),
    /// More bytes are needed.
    Incomplete,
    /// Malformed input: reply `-ERR Protocol error: <text>` and close the connection.
    Error(ProtocolError),
}

/// Why a request is malformed.
#[derive(Debug, PartialEq, Clone, Copy)]
pub enum ProtocolError {
    /// One of Redis's fixed texts (`invalid bulk length`, ...).
    Text(&'static str),
    /// A multibulk argument that does not start with `$`: the byte found instead.
    ExpectedDollar(u8),
}

impl ProtocolError {
    /// The error reply, as Redis writes it (`addReplyErrorFormat` turns CR and LF into spaces;
    /// any other byte is written as it is).
    pub fn reply(self) -> Vec<u8> {
        let mut out = b"-ERR Protocol error: ".to_vec();
        match self {
            ProtocolError::Text(text) => out.extend_from_slice(text.as_bytes()),
            ProtocolError::ExpectedDollar(got) => {
                out.extend_from_slice(b"expected '$', got '");
                out.push(if got == b'\r' || got == b'\n' {
                    b' '
                } else {
                    got
                });
                out.push(b'\'');
            }
        }
        out.extend_from_slice(b"\r\n");
        out
    }
}

fn error(text: &'static str) -> Parsed {
    Parsed::Error(ProtocolError::Text(text))
}

/// Parses requests from a connection's buffer, remembering where a multibulk request that is
/// not complete yet stopped, so the next read resumes there instead of re-reading every
/// argument (a million-argument MSET arrives over thousands of reads).
#[derive(Debug, Default)]
pub struct RequestParser {
    partial: Option<Partial>,
}

/// A multibulk request parsed up to `pos`: its declared count and the arguments found so far.
#[derive(Debug)]
struct Partial {
    count: usize,
    spans: Vec<(usize, usize)>,
    pos: usize,
}

impl RequestParser {
    /// Parses one request from the front of `buf`, removing it when complete.
    /// `max_bulk` is proto-max-bulk-len; `auth_required`: the client has not authenticated
    /// while a password is set (Redis's `authRequired`).
    pub fn parse(&mut self, buf: &mut BytesMut, max_bulk: u64, auth_required: bool) -> Parsed {
        if buf.is_empty() {
            return Parsed::Incomplete;
        }
        if buf[0] == b'*' {
            self.parse_multibulk(buf, max_bulk, auth_required)
        } else {
            parse_inline(buf)
        }
    }

    fn parse_multibulk(
        &mut self,
        buf: &mut BytesMut,
        max_bulk: u64,
        auth_required: bool,
    ) -> Parsed {
        let mut partial = match self.partial.take() {
            Some(partial) => partial,
            None => {
                let Some(eol) = strchr(buf, 0, b'\r') else {
                    if buf.len() > INLINE_MAX {
                        return error("too big mbulk count string");
                    }
                    return Parsed::Incomplete;
                };
                // The byte after the `\r` must have arrived; it is skipped whatever it is.
                if eol + 2 > buf.len() {
                    return Parsed::Incomplete;
                }
                let count = match header_number(&buf[1..eol]) {
                    Some(n) if n <= MULTIBULK_MAX => n,
                    _ => return error("invalid multibulk length"),
                };
                if count > UNAUTH_MULTIBULK_MAX && auth_required {
                    return error("unauthenticated multibulk length");
                }
                if count <= 0 {
                    let _ = buf.split_to(eol + 2);
                    return Parsed::Request(Vec::new());
                }
                let count = count as usize;
                // Offsets of each argument in `buf`; the bytes are taken in one split at the end.
                Partial {
                    count,
                    spans: Vec::with_capacity(count.min(1024)),
                    pos: eol + 2,
                }
            }
        };
        while partial.spans.len() < partial.count {
            let pos = partial.pos;
            let Some(eol) = strchr(buf, pos, b'\r') else {
                if buf.len() - pos.min(buf.len()) > INLINE_MAX {
                    return error("too big bulk count string");
                }
                self.partial = Some(partial);
                return Parsed::Incomplete;
            };
            if eol + 2 > buf.len() {
                self.partial = Some(partial);
                return Parsed::Incomplete;
            }
            if buf[pos] != b'$' {
                return Parsed::Error(ProtocolError::ExpectedDollar(buf[pos]));
            }
            let len = match header_number(&buf[pos + 1..eol]) {
                Some(n) if n >= 0 && (n as u64) <= max_bulk => n,
                _ => return error("invalid bulk length"),
            };
            if len > UNAUTH_BULK_MAX && auth_required {
                return error("unauthenticated bulk length");
            }
            let len = len as usize;
            let start = eol + 2;
            // The two bytes after the argument are skipped unread, as Redis does.
            if buf.len() < start + len + 2 {
                self.partial = Some(partial);
                return Parsed::Incomplete;
            }
            partial.spans.push((start, len));
            partial.pos = start + len + 2;
        }
        let whole = buf.split_to(partial.pos).freeze();
        Parsed::Request(
            partial
                .spans
                .into_iter()
                .map(|(s, l)| whole.slice(s..s + l))
                .collect(),
        )
    }
}

/// Parses one request from the front of `buf` with no memory of earlier reads.
#[cfg(test)]
pub fn parse_request(buf: &mut BytesMut, max_bulk: u64) -> Parsed {
    RequestParser::default().parse(buf, max_bulk, false)
}

/// Where `needle` first occurs in `buf` from `from` on, searching as C's `strchr` searches
/// Redis's NUL-terminated buffer: a NUL byte ends the search (and so does the buffer's end).
fn strchr(buf: &[u8], from: usize, needle: u8) -> Option<usize> {
    let hay = buf.get(from..)?;
    let at = hay.iter().position(|&b| b == needle || b == 0)?;
    (hay[at] == needle).then_some(from + at)
}

/// Redis's `string2ll` for header lines: the digits between the type byte and CRLF.
fn header_number(line: &[u8]) -> Option<i64> {
    shards::util::parse_i64(line)
}

fn parse_inline(buf: &mut BytesMut) -> Parsed {
    let Some(nl) = strchr(buf, 0, b'\n') else {
        if buf.len() > INLINE_MAX {
            return error("too big inline request");
        }
        return Parsed::Incomplete;
    };
    let line = buf.split_to(nl + 1);
    let mut end = nl;
    if end > 0 && line[end - 1] == b'\r' {
        end -= 1;
    }
    match split_args(&line[..end]) {
        Some(args) => Parsed::Request(args.into_iter().map(Bytes::from).collect()),
        None => error("unbalanced quotes in request"),
    }
}

/// Redis's `sdssplitargs`: words separated by spaces, "double quotes" with `\n \r \t \b \a \\
/// \" \xHH` escapes, 'single quotes' with `\'`. A closing quote must be followed by a space or
/// the end. `None` on unbalanced quotes.
pub fn split_args(line: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut args = Vec::new();
    let mut i = 0;
    loop {
        while i < line.len() && is_space(line[i]) {
            i += 1;
        }
        if i >= line.len() {
            return Some(args);
        }
        let mut current = Vec::new();
        let (mut in_dq, mut in_sq) = (false, false);
        loop {
            if in_dq {
                if i >= line.len() {
                    return None;
                }
                let c = line[i];
                if c == b'\\'
                    && i + 3 < line.len()
                    && line[i + 1] == b'x'
                    && is_hex(line[i + 2])
                    && is_hex(line[i + 3])
                {
                    current.push(hex(line[i + 2]) * 16 + hex(line[i + 3]));
                    i += 3;
                } else if c == b'\\' && i + 1 < line.len() {
                    i += 1;
                    current.push(match line[i] {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'a' => 7,
                        other => other,
                    });
                } else if c == b'"' {
                    if i + 1 < line.len() && !is_space(line[i + 1]) {
                        return None;
                    }
                    i += 1;
                    break;
                } else {
                    current.push(c);
                }
            } else if in_sq {
                if i >= line.len() {
                    return None;
                }
                let c = line[i];
                if c == b'\\' && i + 1 < line.len() && line[i + 1] == b'\'' {
                    i += 1;
                    current.push(b'\'');
                } else if c == b'\'' {
                    if i + 1 < line.len() && !is_space(line[i + 1]) {
                        return None;
                    }
                    i += 1;
                    break;
                } else {
                    current.push(c);
                }
            } else {
                if i >= line.len() {
                    break;
                }
                match line[i] {
                    b' ' | b'\n' | b'\r' | b'\t' | b'\0' => {
                        i += 1;
                        break;
                    }
                    b'"' => in_dq = true,
                    b'\'' => in_sq = true,
                    c => current.push(c),
                }
            }
            i += 1;
        }
        args.push(current);
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | 0x0b | 0x0c)
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

fn hex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => c - b'A' + 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Parsed {
        Parsed::Request(
            words
                .iter()
                .map(|w| Bytes::copy_from_slice(w.as_bytes()))
                .collect(),
        )
    }

    #[test]
    fn multibulk_whole_and_split_at_every_byte() {
        let wire = b"*2\r\n$3\r\nGET\r\n$5\r\nhello\r\n";
        let mut buf = BytesMut::from(&wire[..]);
        assert_eq!(parse_request(&mut buf, 1 << 29), args(&["GET", "hello"]));
        assert!(buf.is_empty());
        for cut in 0..wire.len() {
            let mut buf = BytesMut::from(&wire[..cut]);
            assert_eq!(
                parse_request(&mut buf, 1 << 29),
                Parsed::Incomplete,
                "cut {cut}"
            );
            assert_eq!(buf.len(), cut);
            buf.extend_from_slice(&wire[cut..]);
            assert_eq!(parse_request(&mut buf, 1 << 29), args(&["GET", "hello"]));
        }
    }

    #[test]
    fn a_parser_resumes_a_split_request_where_it_stopped() {
        let wire = b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nvalue\r\n*1\r\n$4\r\nPING\r\n";
        for step in 1..wire.len() {
            let mut parser = RequestParser::default();
            let mut buf = BytesMut::new();
            let mut got = Vec::new();
            for piece in wire.chunks(step) {
                buf.extend_from_slice(piece);
                loop {
                    match parser.parse(&mut buf, 1 << 29, false) {
                        Parsed::Request(a) => got.push(a),
                        Parsed::Incomplete => break,
                        Parsed::Error(e) => panic!("{e:?}"),
                    }
                }
            }
            assert_eq!(got.len(), 2, "step {step}");
            assert_eq!(
                Parsed::Request(got[0].clone()),
                args(&["SET", "k", "value"])
            );
            assert_eq!(Parsed::Request(got[1].clone()), args(&["PING"]));
            assert!(buf.is_empty());
        }
    }

    #[test]
    fn inline_requests() {
        let mut buf = BytesMut::from(&b"SET k \"a b\\x41\\n\" 'c\\'d'\r\nPING\n"[..]);
        assert_eq!(
            parse_request(&mut buf, 1 << 29),
            args(&["SET", "k", "a bA\n", "c'd"])
        );
        assert_eq!(parse_request(&mut buf, 1 << 29), args(&["PING"]));
        let mut buf = BytesMut::from(&b"\r\n"[..]);
        assert_eq!(parse_request(&mut buf, 1 << 29), args(&[]));
        let mut buf = BytesMut::from(&b"SET \"a\r\n"[..]);
        assert_eq!(
            parse_request(&mut buf, 1 << 29),
            error("unbalanced quotes in request")
        );
        let mut buf = BytesMut::from(&b"SET \"a\"b\r\n"[..]);
        assert_eq!(
            parse_request(&mut buf, 1 << 29),
            error("unbalanced quotes in request")
        );
    }

    #[test]
    fn malformed_multibulk() {
        let cases: &[(&[u8], Parsed)] = &[
            (b"*abc\r\n", error("invalid multibulk length")),
            (b"*1\r\n$x\r\n", error("invalid bulk length")),
            (b"*1\r\n$-1\r\n", error("invalid bulk length")),
            (
                b"*1\r\n+foo\r\n",
                Parsed::Error(ProtocolError::ExpectedDollar(b'+')),
            ),
            (b"*2147483648\r\n", error("invalid multibulk length")),
            // Redis 7.0 takes any count up to INT_MAX, and waits for the arguments.
            (b"*2000000\r\n", Parsed::Incomplete),
            // A header ends at its `\r`; the byte after it is skipped.
            (b"*1\rx$4\r\nPING\r\n", args(&["PING"])),
            (
                b"*1\r$4\r\nPING\r\n",
                Parsed::Error(ProtocolError::ExpectedDollar(b'4')),
            ),
            // A NUL ends the search for the line's end: Redis waits for more.
            (b"*1\x00\r\n", Parsed::Incomplete),
            (b"PING\x00\r\n", Parsed::Incomplete),
        ];
        for (wire, expected) in cases {
            let mut buf = BytesMut::from(*wire);
            assert_eq!(&parse_request(&mut buf, 1 << 29), expected, "{wire:?}");
        }
        let mut buf = BytesMut::from(&b"*11\r\n"[..]);
        assert_eq!(
            RequestParser::default().parse(&mut buf, 1 << 29, true),
            error("unauthenticated multibulk length")
        );
        let mut buf = BytesMut::from(&b"*1\r\n$16385\r\n"[..]);
        assert_eq!(
            RequestParser::default().parse(&mut buf, 1 << 29, true),
            error("unauthenticated bulk length")
        );
        assert_eq!(
            ProtocolError::ExpectedDollar(b'\n').reply(),
            b"-ERR Protocol error: expected '$', got ' '\r\n"
        );
        let mut buf = BytesMut::from(&b"*1\r\n$100\r\n"[..]);
        assert_eq!(parse_request(&mut buf, 10), error("invalid bulk length"));
        let mut buf = BytesMut::from(&vec![b'a'; INLINE_MAX + 1][..]);
        assert_eq!(parse_request(&mut buf, 10), error("too big inline request"));
    }
}
