//! The RESP reply encoder. Handlers write their reply here; the owning shard encodes it in the
//! protocol the connection asked for (RESP2, or RESP3 after `HELLO 3`) and the connection only
//! concatenates the bytes.

use bytes::{BufMut, Bytes, BytesMut};

/// A growable buffer of encoded replies for one connection's protocol version.
#[derive(Debug, Default)]
pub struct Reply {
    buf: BytesMut,
    resp3: bool,
    errors: u64,
}

impl Reply {
    /// An empty reply buffer encoding RESP3 when `resp3` is set, RESP2 otherwise.
    pub fn new(resp3: bool) -> Self {
        Reply {
            buf: BytesMut::with_capacity(256),
            resp3,
            errors: 0,
        }
    }

    /// Whether replies are encoded as RESP3.
    pub fn resp3(&self) -> bool {
        self.resp3
    }

    /// Switches the protocol for the replies written from now on.
    pub fn set_resp3(&mut self, resp3: bool) {
        self.resp3 = resp3;
    }

    /// Bytes encoded so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// True when nothing has been encoded.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// How many error replies were written (for INFO errorstats and rejected-call counts).
    pub fn error_count(&self) -> u64 {
        self.errors
    }

    /// Bytes allocated for the buffer (what the connection's output costs).
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Takes everything encoded so far, leaving the buffer empty (and its allocation reusable).
    pub fn take(&mut self) -> Bytes {
        self.buf.split().freeze()
    }

    /// Takes everything encoded so far together with its whole allocation, leaving a new small
    /// buffer: hands a large output on without copying it, and without the next replies
    /// sharing (and pinning) its allocation as [`Reply::take`]'s would.
    pub fn take_all(&mut self) -> Bytes {
        std::mem::replace(&mut self.buf, BytesMut::with_capacity(256)).freeze()
    }

    /// Forgets everything encoded so far, keeping the allocation for the next replies unless
    /// it grew past `keep` bytes (one huge reply should not pin its buffer forever).
    pub fn clear(&mut self, keep: usize) {
        if self.buf.capacity() > keep {
            self.buf = BytesMut::with_capacity(256);
        } else {
            self.buf.clear();
        }
    }

    /// The encoded bytes, without taking them.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Appends bytes that are already RESP-encoded.
    pub fn raw(&mut self, encoded: &[u8]) {
        self.buf.extend_from_slice(encoded);
    }

    fn line(&mut self, prefix: u8, body: &[u8]) {
        self.buf.reserve(body.len() + 3);
        self.buf.put_u8(prefix);
        self.buf.extend_from_slice(body);
        self.buf.extend_from_slice(b"\r\n");
    }

    fn header(&mut self, prefix: u8, n: i64) {
        let mut digits = itoa_buf();
        let text = format_i64(n, &mut digits);
        self.line(prefix, text);
    }

    /// `+OK`.
    pub fn ok(&mut self) {
        self.buf.extend_from_slice(b"+OK\r\n");
    }

    /// A status reply: `+<text>`.
    pub fn simple(&mut self, text: &str) {
        self.line(b'+', text.as_bytes());
    }

    /// An error reply: `-<text>`; `text` starts with the error code (`ERR`, `WRONGTYPE`, ...).
    /// Newlines in the text are replaced by spaces, as Redis does, so the reply stays one line.
    pub fn error(&mut self, text: &str) {
        self.errors += 1;
        if text.contains(['\r', '\n']) {
            let clean = text.replace(['\r', '\n'], " ");
            self.line(b'-', clean.as_bytes());
        } else {
            self.line(b'-', text.as_bytes());
        }
    }

    /// An error reply from raw bytes (texts that quote client input, which may not be UTF-8).
    /// CR and LF become spaces, as in [`Reply::error`].
    pub fn error_bytes(&mut self, text: &[u8]) {
        self.errors += 1;
        let clean: Vec<u8> = text
            .iter()
            .map(|&b| if b == b'\r' || b == b'\n' { b' ' } else { b })
            .collect();
        self.line(b'-', &clean);
    }

    /// An integer reply.
    pub fn int(&mut self, n: i64) {
        self.header(b':', n);
    }

    /// A bulk string.
    pub fn bulk(&mut self, data: &[u8]) {
        self.header(b'$', data.len() as i64);
        self.buf.reserve(data.len() + 2);
        self.buf.extend_from_slice(data);
        self.buf.extend_from_slice(b"\r\n");
    }

    /// A bulk string holding the decimal form of an integer.
    pub fn bulk_int(&mut self, n: i64) {
        let mut digits = itoa_buf();
        let text = format_i64(n, &mut digits);
        let text = text.to_vec();
        self.bulk(&text);
    }

    /// The null bulk string (`$-1` in RESP2, `_` in RESP3).
    pub fn null(&mut self) {
        if self.resp3 {
            self.buf.extend_from_slice(b"_\r\n");
        } else {
            self.buf.extend_from_slice(b"$-1\r\n");
        }
    }

    /// The null array (`*-1` in RESP2, `_` in RESP3).
    pub fn null_array(&mut self) {
        if self.resp3 {
            self.buf.extend_from_slice(b"_\r\n");
        } else {
            self.buf.extend_from_slice(b"*-1\r\n");
        }
    }

    /// An array header for `n` elements that follow.
    pub fn array(&mut self, n: usize) {
        self.header(b'*', n as i64);
    }

    /// A map header for `n` key/value pairs (a flat array of `2n` in RESP2).
    pub fn map(&mut self, n: usize) {
        if self.resp3 {
            self.header(b'%', n as i64);
        } else {
            self.header(b'*', 2 * n as i64);
        }
    }

    /// A set header for `n` elements (an array in RESP2).
    pub fn set(&mut self, n: usize) {
        self.header(if self.resp3 { b'~' } else { b'*' }, n as i64);
    }

    /// A double: `,<v>` in RESP3, a bulk string in RESP2, formatted as Redis formats doubles.
    pub fn double(&mut self, v: f64) {
        let text = crate::util::format_double(v);
        if self.resp3 {
            self.line(b',', text.as_bytes());
        } else {
            self.bulk(text.as_bytes());
        }
    }

    /// A boolean: `#t`/`#f` in RESP3, the integer 1/0 in RESP2.
    pub fn boolean(&mut self, b: bool) {
        if self.resp3 {
            self.buf
                .extend_from_slice(if b { b"#t\r\n" } else { b"#f\r\n" });
        } else {
            self.int(b as i64);
        }
    }

    /// A verbatim string (`=<len>\r\ntxt:<text>` in RESP3), a bulk string in RESP2.
    pub fn verbatim(&mut self, text: &[u8]) {
        if self.resp3 {
            self.header(b'=', text.len() as i64 + 4);
            self.buf.extend_from_slice(b"txt:");
            self.buf.extend_from_slice(text);
            self.buf.extend_from_slice(b"\r\n");
        } else {
            self.bulk(text);
        }
    }
}

fn itoa_buf() -> [u8; 20] {
    [0u8; 20]
}

/// Formats `n` in decimal into `buf`, returning the digits. No allocation: this is on every reply.
pub fn format_i64(n: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut pos = buf.len();
    let negative = n < 0;
    let mut v = n.unsigned_abs();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if negative {
        pos -= 1;
        buf[pos] = b'-';
    }
    &buf[pos..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resp2_encodings() {
        let mut r = Reply::new(false);
        r.ok();
        r.int(-42);
        r.bulk(b"hi");
        r.null();
        r.null_array();
        r.map(1);
        r.double(1.5);
        r.error("ERR bad\r\nthing");
        assert_eq!(
            &r.take()[..],
            b"+OK\r\n:-42\r\n$2\r\nhi\r\n$-1\r\n*-1\r\n*2\r\n$3\r\n1.5\r\n-ERR bad  thing\r\n"
        );
        assert_eq!(r.error_count(), 1);
    }

    #[test]
    fn resp3_encodings() {
        let mut r = Reply::new(true);
        r.null();
        r.map(2);
        r.set(3);
        r.double(f64::INFINITY);
        r.boolean(true);
        assert_eq!(&r.take()[..], b"_\r\n%2\r\n~3\r\n,inf\r\n#t\r\n");
    }

    #[test]
    fn integers_format_at_the_limits() {
        let mut b = itoa_buf();
        assert_eq!(format_i64(i64::MIN, &mut b), b"-9223372036854775808");
        assert_eq!(format_i64(0, &mut b), b"0");
        assert_eq!(format_i64(i64::MAX, &mut b), b"9223372036854775807");
    }
}
