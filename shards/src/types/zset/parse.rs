//! Reading arguments exactly as Redis 7.0 does: C's `strtod` and Redis's `string2d` for
//! scores, score ranges (`zslParseRange`) and lex ranges (`zslParseLexRange`) with the
//! [`Bounds`] they implement, timeouts, and a listpack score's text. Kept apart because every
//! command's errors depend on these details, and they are tested on their own.

use super::value::Bounds;
use crate::reply::format_i64;
use crate::util::format_double;
use std::cmp::Ordering;

/// C's `isspace` in the C locale.
fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The part of `s` a C string function sees: up to the first NUL.
fn c_str(s: &[u8]) -> &[u8] {
    &s[..s.iter().position(|&b| b == 0).unwrap_or(s.len())]
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// C's `strtod` (glibc) on `s` taken as a C string: the value, how many bytes it consumed
/// (0 when no number starts the text) and whether it set `ERANGE` on overflow or on an
/// underflow to zero. Accepts leading space, a sign, decimal and hexadecimal (`0x1.8p3`)
/// numbers, `inf`, `infinity` and `nan[(chars)]` in any case.
fn strtod(s: &[u8]) -> (f64, usize, bool) {
    let s = c_str(s);
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let negative = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let rest = &s[i..];
    if starts_with_ci(rest, b"inf") {
        let n = if starts_with_ci(rest, b"infinity") {
            8
        } else {
            3
        };
        return (sign * f64::INFINITY, i + n, false);
    }
    if starts_with_ci(rest, b"nan") {
        let mut n = 3;
        if rest.get(3) == Some(&b'(') {
            let mut k = 4;
            while k < rest.len() && (rest[k].is_ascii_alphanumeric() || rest[k] == b'_') {
                k += 1;
            }
            if rest.get(k) == Some(&b')') {
                n = k + 1;
            }
        }
        return (f64::NAN, i + n, false);
    }
    if rest.len() >= 2 && rest[0] == b'0' && rest[1] | 0x20 == b'x' {
        if let Some((v, n, erange)) = strtod_hex(&rest[2..]) {
            return (sign * v, i + 2 + n, erange);
        }
    }
    let start = i;
    let mut j = i;
    let mut digits = 0;
    let mut nonzero = false;
    while j < s.len() && s[j].is_ascii_digit() {
        nonzero |= s[j] != b'0';
        digits += 1;
        j += 1;
    }
    if j < s.len() && s[j] == b'.' {
        j += 1;
        while j < s.len() && s[j].is_ascii_digit() {
            nonzero |= s[j] != b'0';
            digits += 1;
            j += 1;
        }
    }
    if digits == 0 {
        return (0.0, 0, false);
    }
    if j < s.len() && s[j] | 0x20 == b'e' {
        let mut k = j + 1;
        if k < s.len() && (s[k] == b'+' || s[k] == b'-') {
            k += 1;
        }
        if k < s.len() && s[k].is_ascii_digit() {
            while k < s.len() && s[k].is_ascii_digit() {
                k += 1;
            }
            j = k;
        }
    }
    // Rust's parser rounds correctly, as glibc does; the text is ASCII by construction.
    let v: f64 = std::str::from_utf8(&s[start..j])
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0.0);
    let erange = v.is_infinite() || (v == 0.0 && nonzero);
    (sign * v, j, erange)
}

/// The hexadecimal part of `strtod` after `0x`: `None` when no hex digit follows (then only
/// the `0` is a number). Rounds to nearest, ties to even, subnormals included.
fn strtod_hex(s: &[u8]) -> Option<(f64, usize, bool)> {
    let mut j = 0;
    let mut mant: u64 = 0;
    let mut significant = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut any = false;
    let mut seen_point = false;
    loop {
        match s.get(j) {
            Some(&c) if c.is_ascii_hexdigit() => {
                any = true;
                let d = (c as char).to_digit(16).unwrap_or(0) as u64;
                if mant == 0 && d == 0 {
                    if seen_point {
                        exp -= 4;
                    }
                } else if significant < 16 {
                    mant = mant << 4 | d;
                    significant += 1;
                    if seen_point {
                        exp -= 4;
                    }
                } else {
                    sticky |= d != 0;
                    if !seen_point {
                        exp += 4;
                    }
                }
                j += 1;
            }
            Some(b'.') if !seen_point => {
                seen_point = true;
                j += 1;
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    if s.get(j).is_some_and(|&c| c | 0x20 == b'p') {
        let mut k = j + 1;
        let negative = match s.get(k) {
            Some(b'-') => {
                k += 1;
                true
            }
            Some(b'+') => {
                k += 1;
                false
            }
            _ => false,
        };
        let digits_at = k;
        let mut e: i64 = 0;
        while k < s.len() && s[k].is_ascii_digit() {
            e = (e * 10 + i64::from(s[k] - b'0')).min(1 << 40);
            k += 1;
        }
        if k > digits_at {
            exp += if negative { -e } else { e };
            j = k;
        }
    }
    if mant == 0 {
        return Some((0.0, j, false));
    }
    // value = mant * 2^exp; put the top bit of `mant` at bit 127 of `m`.
    let lz = mant.leading_zeros();
    let m = (mant as u128) << (64 + lz);
    let top = exp - 64 - i64::from(lz) + 127; // value is in [2^top, 2^(top+1))
    if top > 1023 {
        return Some((f64::INFINITY, j, true));
    }
    let kept_bits = if top >= -1022 { 53 } else { top + 1075 };
    if kept_bits < 0 {
        return Some((0.0, j, true));
    }
    let shift = (128 - kept_bits) as u32;
    let (kept, rem, half) = if shift >= 128 {
        (0u128, m, 1u128 << 127)
    } else {
        (m >> shift, m & ((1u128 << shift) - 1), 1u128 << (shift - 1))
    };
    let up = rem > half || (rem == half && (sticky || kept & 1 == 1));
    let kept = (kept + u128::from(up)) as u64;
    let bits = if top >= -1022 {
        (((top + 1023) as u64) << 52) + (kept - (1u64 << 52))
    } else {
        kept
    };
    let v = f64::from_bits(bits.min(0x7ff0_0000_0000_0000));
    Some((v, j, v.is_infinite() || v == 0.0))
}

/// Redis's `string2d`: the whole text must be a number for `strtod`, with no leading space,
/// not NaN, and neither overflowing nor underflowing to zero.
pub(super) fn string2d(s: &[u8]) -> Option<f64> {
    if s.is_empty() || is_c_space(s[0]) {
        return None;
    }
    let (v, n, erange) = strtod(s);
    if n != s.len() || v.is_nan() || (erange && (v.is_infinite() || v == 0.0)) {
        return None;
    }
    Some(v)
}

/// A score range (`zrangespec`).
#[derive(Debug, Clone, Copy)]
pub(super) struct ScoreRange {
    min: f64,
    max: f64,
    minex: bool,
    maxex: bool,
}

impl Bounds for ScoreRange {
    fn is_void(&self) -> bool {
        self.min > self.max || (self.min == self.max && (self.minex || self.maxex))
    }

    fn gte_min(&self, score: f64, _: &[u8]) -> bool {
        if self.minex {
            score > self.min
        } else {
            score >= self.min
        }
    }

    fn lte_max(&self, score: f64, _: &[u8]) -> bool {
        if self.maxex {
            score < self.max
        } else {
            score <= self.max
        }
    }
}

/// One bound of a score range as `zslParseRange` reads it: `(` makes it exclusive, the rest
/// must be all of the C string for `strtod` (so `""` is 0 and leading space is allowed), and
/// NaN is refused.
fn parse_score_bound(s: &[u8]) -> Option<(f64, bool)> {
    let s = c_str(s);
    let (text, exclusive) = match s.first() {
        Some(b'(') => (&s[1..], true),
        _ => (s, false),
    };
    let (v, n, _) = strtod(text);
    (n == text.len() && !v.is_nan()).then_some((v, exclusive))
}

/// `zslParseRange`.
pub(super) fn parse_score_range(min: &[u8], max: &[u8]) -> Option<ScoreRange> {
    let (min, minex) = parse_score_bound(min)?;
    let (max, maxex) = parse_score_bound(max)?;
    Some(ScoreRange {
        min,
        max,
        minex,
        maxex,
    })
}

/// A bound of a lex range: `-` and `+` are below and above every string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LexItem {
    Neg,
    Pos,
    Str(Vec<u8>),
}

/// A lex range (`zlexrangespec`).
#[derive(Debug, Clone)]
pub(super) struct LexRange {
    min: LexItem,
    max: LexItem,
    minex: bool,
    maxex: bool,
}

/// `sdscmplex` between two bounds.
fn cmp_lex_items(a: &LexItem, b: &LexItem) -> Ordering {
    match (a, b) {
        (LexItem::Neg, LexItem::Neg) | (LexItem::Pos, LexItem::Pos) => Ordering::Equal,
        (LexItem::Neg, _) | (_, LexItem::Pos) => Ordering::Less,
        (LexItem::Pos, _) | (_, LexItem::Neg) => Ordering::Greater,
        (LexItem::Str(x), LexItem::Str(y)) => x.cmp(y),
    }
}

/// `sdscmplex` between a member and a bound.
fn cmp_lex(member: &[u8], bound: &LexItem) -> Ordering {
    match bound {
        LexItem::Neg => Ordering::Greater,
        LexItem::Pos => Ordering::Less,
        LexItem::Str(s) => member.cmp(s),
    }
}

impl Bounds for LexRange {
    fn is_void(&self) -> bool {
        match cmp_lex_items(&self.min, &self.max) {
            Ordering::Greater => true,
            Ordering::Equal => self.minex || self.maxex,
            Ordering::Less => false,
        }
    }

    fn gte_min(&self, _: f64, member: &[u8]) -> bool {
        let c = cmp_lex(member, &self.min);
        if self.minex {
            c == Ordering::Greater
        } else {
            c != Ordering::Less
        }
    }

    fn lte_max(&self, _: f64, member: &[u8]) -> bool {
        let c = cmp_lex(member, &self.max);
        if self.maxex {
            c == Ordering::Less
        } else {
            c != Ordering::Greater
        }
    }
}

/// One bound of a lex range (`zslParseLexRangeItem`): `+` or `-` alone (as C strings), or
/// `(` / `[` and a string.
fn parse_lex_item(s: &[u8]) -> Option<(LexItem, bool)> {
    let alone = s.get(1).is_none_or(|&c| c == 0);
    match s.first() {
        Some(b'+') if alone => Some((LexItem::Pos, true)),
        Some(b'-') if alone => Some((LexItem::Neg, true)),
        Some(b'(') => Some((LexItem::Str(s[1..].to_vec()), true)),
        Some(b'[') => Some((LexItem::Str(s[1..].to_vec()), false)),
        _ => None,
    }
}

/// `zslParseLexRange`.
pub(super) fn parse_lex_range(min: &[u8], max: &[u8]) -> Option<LexRange> {
    let (min, minex) = parse_lex_item(min)?;
    let (max, maxex) = parse_lex_item(max)?;
    Some(LexRange {
        min,
        max,
        minex,
        maxex,
    })
}

/// Parses a blocking command's timeout as `getTimeoutFromObjectOrReply` in seconds: a long
/// double (`string2ld`) times 1000, truncated to a 64-bit integer (an out-of-range value
/// becomes the x87 "integer indefinite", which is negative), and not negative. Returns the
/// timeout in milliseconds, 0 meaning forever.
pub fn parse_timeout(s: &[u8]) -> Result<i64, &'static str> {
    crate::types::list::parse_timeout(s)
}

/// How a listpack shows a score as text (ZSCAN on a listpack): an integral score within
/// `double2ll`'s range as an integer, any other as `%.17g`.
pub(super) fn listpack_score_text(score: f64) -> String {
    const LIMIT: f64 = (i64::MAX / 2) as f64;
    if (-LIMIT..=LIMIT).contains(&score) && score.fract() == 0.0 {
        let mut buf = [0u8; 20];
        String::from_utf8_lossy(format_i64(score as i64, &mut buf)).into_owned()
    } else {
        format_double(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors;

    #[test]
    fn scores_parse_like_string2d() {
        for (text, v) in [
            ("1", 1.0),
            ("-1.5", -1.5),
            ("+2", 2.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e3", 1000.0),
            ("1E-3", 0.001),
            ("0x10", 16.0),
            ("0x1.8p1", 3.0),
            ("-0x.8", -0.5),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+INF", f64::INFINITY),
            ("5e-324", 5e-324),
            ("1.7976931348623157e308", f64::MAX),
        ] {
            assert_eq!(string2d(text.as_bytes()), Some(v), "{text:?}");
        }
        for bad in [
            "",
            " 1",
            "1 ",
            "abc",
            "nan",
            "-nan",
            "1e",
            "1e+",
            "0x",
            "1.5\0",
            "1e309",
            "1e-400",
            "0x1p-1080",
            "0x1p1024",
            "infinit",
            "--1",
            "1,5",
        ] {
            assert_eq!(string2d(bad.as_bytes()), None, "{bad:?}");
        }
        assert!(string2d(b"-0").is_some_and(|v| v == 0.0 && v.is_sign_negative()));
        // Hexadecimal rounds to nearest even, subnormals included.
        assert_eq!(string2d(b"0x1.00000000000008p0"), Some(1.0));
        assert_eq!(
            string2d(b"0x1.00000000000018p0"),
            Some(1.0 + 2.0 * f64::EPSILON)
        );
        assert_eq!(string2d(b"0x1p-1074"), Some(5e-324));
        assert_eq!(string2d(b"0x1.fffffffffffff8p1023"), None);
        assert_eq!(
            string2d(b"0x123456789abcdef01p0"),
            Some(20988295479420645121.0)
        );
        assert_eq!(string2d(b"1e99999999999999999999"), None);
        assert_eq!(string2d(b"1e-99999999999999999999"), None);
        assert_eq!(string2d(b"0e99999999999999999999"), Some(0.0));
        assert_eq!(string2d(&[b'1'; 400]), None);
        assert!(parse_score_bound(b"1e99999999999999999999").is_some_and(|(v, _)| v.is_infinite()));
    }

    #[test]
    fn ranges_parse_like_redis() {
        let r = parse_score_range(b"(1", b"+inf").unwrap();
        assert!(r.minex && !r.maxex && r.min == 1.0 && r.max == f64::INFINITY);
        // zslParseRange uses strtod on the C string: "" is 0, leading space is fine, text
        // after a NUL is ignored, trailing junk is not.
        assert!(parse_score_range(b"", b"(").is_some_and(|r| r.min == 0.0 && r.maxex));
        assert!(parse_score_range(b" 1", b"2\0junk").is_some_and(|r| r.min == 1.0 && r.max == 2.0));
        assert!(parse_score_range(b"1e999", b"0x10").is_some_and(|r| r.min.is_infinite()));
        for bad in [&b"1 "[..], b"x", b"nan", b"((1", b"[1"] {
            assert!(parse_score_range(bad, b"1").is_none(), "{bad:?}");
        }
        assert!(parse_lex_range(b"-", b"+").is_some());
        assert!(parse_lex_range(b"+\0x", b"[a").is_some());
        assert!(parse_lex_range(b"(", b"[").is_some());
        for bad in [&b""[..], b"a", b"+a", b"-a", b"1"] {
            assert!(parse_lex_range(bad, b"+").is_none(), "{bad:?}");
        }
        assert!(parse_lex_range(b"-", b"-").unwrap().is_void());
        assert!(parse_lex_range(b"+", b"+").unwrap().is_void());
        assert!(parse_lex_range(b"+", b"-").unwrap().is_void());
        assert!(parse_lex_range(b"(a", b"[a").unwrap().is_void());
        assert!(!parse_lex_range(b"[a", b"[a").unwrap().is_void());
    }

    #[test]
    fn timeouts_parse_like_redis() {
        assert_eq!(parse_timeout(b"0"), Ok(0));
        assert_eq!(parse_timeout(b"1.5"), Ok(1500));
        assert_eq!(parse_timeout(b"0x10"), Ok(16000));
        assert_eq!(parse_timeout(b"-0.0001"), Ok(0));
        for bad in [&b"abc"[..], b" 1", b"", b"nan", b"1 "] {
            assert_eq!(
                parse_timeout(bad),
                Err(errors::TIMEOUT_NOT_FLOAT),
                "{bad:?}"
            );
        }
        for neg in [&b"-1"[..], b"inf", b"-inf", b"1e30", b"9.3e15", b"1e3000"] {
            assert_eq!(parse_timeout(neg), Err(errors::TIMEOUT_NEGATIVE), "{neg:?}");
        }
        assert_eq!(parse_timeout(b"9.2e15"), Ok(9_200_000_000_000_000_000));
    }
}
