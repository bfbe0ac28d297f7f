//! A listpack of field/value pairs: one heap buffer holding every field and value, each
//! prefixed with its length, as Redis's listpack is, so that a small hash costs a few bytes
//! per element instead of a fixed-size slot per field and per value.
//!
//! Layout: the number of pairs (`u32`, little-endian), then for each pair in insertion order
//! the field and the value, each as its length (LEB128 varint: one byte up to 127) followed
//! by its bytes. The buffer is a boxed slice, sized exactly: a small hash keeps no spare
//! capacity, and the handle is two words, so a [`crate::types::hash::Hash`] holding it fits
//! inline in a [`crate::value::Value`] (see docs/decisions.md). Lookups
//! scan it linearly, as Redis does; it only holds up to `hash-max-listpack-entries` pairs of
//! at most `hash-max-listpack-value` bytes each.

/// Bytes of the pair count at the start of the buffer.
const HEADER: usize = 4;

/// Field/value pairs packed in one buffer, in insertion order.
#[derive(Debug, Clone, Default)]
pub struct PackedPairs {
    /// The header and the length-prefixed elements; empty (no allocation) for no pairs.
    buf: Box<[u8]>,
}

/// Appends `len` as a LEB128 varint.
fn put_len(out: &mut Vec<u8>, mut len: usize) {
    while len >= 0x80 {
        out.push((len as u8 & 0x7f) | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
}

/// Bytes of `len` as a LEB128 varint.
fn len_size(mut len: usize) -> usize {
    let mut n = 1;
    while len >= 0x80 {
        len >>= 7;
        n += 1;
    }
    n
}

/// The element starting at `at` of `buf` (written by [`put_len`]): its bytes and the offset
/// of the next element.
fn element(buf: &[u8], mut at: usize) -> (&[u8], usize) {
    let (mut len, mut shift) = (0usize, 0);
    loop {
        let byte = buf[at];
        at += 1;
        len |= usize::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            break;
        }
        shift += 7;
    }
    (&buf[at..at + len], at + len)
}

/// The pairs of a [`PackedPairs`] in order, with the offsets where each begins.
#[derive(Debug, Clone)]
pub struct Pairs<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Pairs<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.buf.len() {
            return None;
        }
        let (field, at) = element(self.buf, self.at);
        let (value, at) = element(self.buf, at);
        self.at = at;
        Some((field, value))
    }
}

impl PackedPairs {
    /// No pairs.
    pub fn new() -> Self {
        PackedPairs::default()
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        match self.buf.get(..HEADER) {
            Some(header) => {
                u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize
            }
            None => 0,
        }
    }

    /// True when there is no pair.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes of the buffer (what it asked the allocator for: it is sized exactly).
    pub fn allocated(&self) -> usize {
        self.buf.len()
    }

    /// Writes the pair count into the header of `buf`.
    fn set_len(buf: &mut [u8], len: usize) {
        let count = u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes();
        buf[..HEADER].copy_from_slice(&count);
    }

    /// Runs `change` on the buffer as a vector and boxes it again at its exact size. Turning
    /// a boxed slice into a vector and back costs nothing when the vector's length is its
    /// capacity, which `change` keeps by reserving exactly what it adds (the allocator
    /// resizes in place within a size class).
    fn edit(&mut self, change: impl FnOnce(&mut Vec<u8>)) {
        let mut buf = Vec::from(std::mem::take(&mut self.buf));
        change(&mut buf);
        self.buf = buf.into_boxed_slice();
    }

    /// The pairs in order.
    pub fn iter(&self) -> Pairs<'_> {
        Pairs {
            buf: &self.buf,
            at: HEADER.min(self.buf.len()),
        }
    }

    /// Where the pair of `field` begins and where its value begins and ends.
    fn find(&self, field: &[u8]) -> Option<(usize, usize, usize)> {
        let mut at = HEADER;
        while at < self.buf.len() {
            let (f, value_at) = element(&self.buf, at);
            let (_, end) = element(&self.buf, value_at);
            if f == field {
                return Some((at, value_at, end));
            }
            at = end;
        }
        None
    }

    /// The value of `field`.
    pub fn get(&self, field: &[u8]) -> Option<&[u8]> {
        let (_, value_at, _) = self.find(field)?;
        Some(element(&self.buf, value_at).0)
    }

    /// The pair at `index` in insertion order (a walk from the start).
    pub fn get_index(&self, index: usize) -> Option<(&[u8], &[u8])> {
        self.iter().nth(index)
    }

    /// Sets `field` to `value`; true if the field is new (appended at the end). An existing
    /// field keeps its place.
    pub fn set(&mut self, field: &[u8], value: &[u8]) -> bool {
        let mut encoded = Vec::with_capacity(len_size(value.len()) + value.len());
        put_len(&mut encoded, value.len());
        encoded.extend_from_slice(value);
        if let Some((_, value_at, end)) = self.find(field) {
            if encoded.len() == end - value_at {
                self.buf[value_at..end].copy_from_slice(&encoded);
            } else {
                self.edit(|buf| {
                    buf.reserve_exact(encoded.len().saturating_sub(end - value_at));
                    buf.splice(value_at..end, encoded);
                });
            }
            return false;
        }
        let len = self.len();
        let field_size = len_size(field.len()) + field.len();
        self.edit(|buf| {
            if buf.is_empty() {
                buf.reserve_exact(HEADER + field_size + encoded.len());
                buf.extend_from_slice(&[0; HEADER]);
            } else {
                buf.reserve_exact(field_size + encoded.len());
            }
            put_len(buf, field.len());
            buf.extend_from_slice(field);
            buf.extend_from_slice(&encoded);
            Self::set_len(buf, len + 1);
        });
        true
    }

    /// Removes `field`; true if it existed. The others keep their order.
    pub fn remove(&mut self, field: &[u8]) -> bool {
        let Some((at, _, end)) = self.find(field) else {
            return false;
        };
        let len = self.len() - 1;
        if len == 0 {
            self.buf = Box::default();
        } else {
            self.edit(|buf| {
                buf.drain(at..end);
                Self::set_len(buf, len);
            });
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_update_remove_keep_order() {
        let mut p = PackedPairs::new();
        assert!(p.is_empty() && p.get(b"a").is_none() && p.allocated() == 0);
        assert!(p.set(b"name", b"alice"));
        assert!(p.set(b"age", b"42"));
        assert!(p.set(b"", b""));
        let long = vec![b'x'; 300];
        assert!(p.set(b"city", &long));
        assert_eq!(p.len(), 4);
        assert_eq!(p.get(b"city"), Some(&long[..]));
        assert_eq!(p.get(b""), Some(&b""[..]));
        // Updates keep the place, growing and shrinking the value.
        assert!(!p.set(b"age", b"1234567"));
        assert!(!p.set(b"city", b"x"));
        assert_eq!(p.allocated(), HEADER + 6 + 5 + 4 + 8 + 2 + 5 + 2);
        let pairs: Vec<_> = p.iter().collect();
        assert_eq!(
            pairs,
            [
                (&b"name"[..], &b"alice"[..]),
                (b"age", b"1234567"),
                (b"", b""),
                (b"city", b"x")
            ]
        );
        assert_eq!(p.get_index(3), Some((&b"city"[..], &b"x"[..])));
        assert_eq!(p.get_index(4), None);
        assert!(p.remove(b"age") && !p.remove(b"age"));
        assert_eq!(p.len(), 3);
        assert_eq!(p.get_index(1), Some((&b""[..], &b""[..])));
        assert!(p.remove(b"name") && p.remove(b"") && p.remove(b"city"));
        assert!(p.is_empty() && p.allocated() == 0 && p.iter().next().is_none());
    }

    #[test]
    fn long_lengths_take_several_varint_bytes() {
        let mut p = PackedPairs::new();
        let big = vec![7u8; 70_000];
        p.set(&big, &big[..200]);
        p.set(b"f", &big);
        assert_eq!(p.get(&big), Some(&big[..200]));
        assert_eq!(p.get(b"f").map(<[u8]>::len), Some(70_000));
        assert_eq!(len_size(127), 1);
        assert_eq!(len_size(128), 2);
        assert_eq!(len_size(70_000), 3);
    }
}
