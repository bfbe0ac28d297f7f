//! Reading the replies shards send back, where a connection must merge several of them
//! (the integers of DEL across shards, the arrays of MGET and KEYS, SCAN's cursor). Shards
//! encode well-formed RESP, so this reader is small; anything it cannot read yields `None`.

/// The value of an integer reply (`:<n>\r\n`).
pub fn integer(reply: &[u8]) -> Option<i64> {
    let body = reply.strip_prefix(b":")?.strip_suffix(b"\r\n")?;
    shards::util::parse_i64(body)
}

/// The payload of a bulk string reply (`$<n>\r\n<bytes>\r\n`).
pub fn bulk(reply: &[u8]) -> Option<&[u8]> {
    let (len, header) = header(reply, b'$')?;
    reply.get(header..header + len as usize)
}

fn header(reply: &[u8], kind: u8) -> Option<(i64, usize)> {
    if reply.first() != Some(&kind) {
        return None;
    }
    let eol = reply.windows(2).position(|w| w == b"\r\n")?;
    Some((shards::util::parse_i64(&reply[1..eol])?, eol + 2))
}

/// Length in bytes of the one complete reply at the front of `data`.
fn element_len(data: &[u8]) -> Option<usize> {
    let eol = data.windows(2).position(|w| w == b"\r\n")?;
    match data.first()? {
        b'$' | b'=' => {
            let n = shards::util::parse_i64(&data[1..eol])?;
            if n < 0 {
                Some(eol + 2)
            } else {
                Some(eol + 2 + n as usize + 2)
            }
        }
        b'*' | b'~' | b'%' => {
            let n = shards::util::parse_i64(&data[1..eol])?;
            let count = if data[0] == b'%' { n * 2 } else { n };
            let mut at = eol + 2;
            for _ in 0..count.max(0) {
                at += element_len(&data[at..])?;
            }
            Some(at)
        }
        _ => Some(eol + 2),
    }
}

/// The raw bytes of each element of an array reply.
pub fn array_elements(reply: &[u8]) -> Option<Vec<&[u8]>> {
    let (n, mut at) = header(reply, b'*')?;
    let mut elements = Vec::with_capacity(n.max(0) as usize);
    for _ in 0..n.max(0) {
        let len = element_len(reply.get(at..)?)?;
        elements.push(reply.get(at..at + len)?);
        at += len;
    }
    Some(elements)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_shards_write() {
        assert_eq!(integer(b":42\r\n"), Some(42));
        assert_eq!(bulk(b"$3\r\nabc\r\n"), Some(&b"abc"[..]));
        let arr = b"*3\r\n$1\r\na\r\n$-1\r\n*1\r\n$2\r\nbc\r\n";
        let el = array_elements(arr).unwrap();
        assert_eq!(
            el,
            vec![&b"$1\r\na\r\n"[..], b"$-1\r\n", b"*1\r\n$2\r\nbc\r\n"]
        );
        assert_eq!(array_elements(b":1\r\n"), None);
    }
}
