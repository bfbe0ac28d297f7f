//! Argument parsing as Redis does it: LEFT/RIGHT, integers and counts, the arguments of
//! LMPOP and BLMPOP, and the timeouts of the blocking commands.

use super::value::End;
use crate::errors;
use crate::util::{parse_i64, LongDouble};
use bytes::Bytes;

/// Parses LEFT or RIGHT in any case (Redis's `getListPositionFromObjectOrReply`); anything
/// else is `SYNTAX`.
pub(super) fn parse_end(arg: &[u8]) -> Result<End, &'static str> {
    if arg.eq_ignore_ascii_case(b"left") {
        Ok(End::Head)
    } else if arg.eq_ignore_ascii_case(b"right") {
        Ok(End::Tail)
    } else {
        Err(errors::SYNTAX)
    }
}

/// Parses a 64-bit integer argument (Redis's `getLongFromObjectOrReply` with its default
/// message): `NOT_INTEGER` if it is not one.
pub(super) fn parse_long(arg: &[u8]) -> Result<i64, &'static str> {
    parse_i64(arg).ok_or(errors::NOT_INTEGER)
}

/// Parses an integer in `min..` (Redis's `getRangeLongFromObjectOrReply` with a message):
/// not an integer and out of range are both `refusal`.
pub(super) fn parse_at_least(
    arg: &[u8],
    min: i64,
    refusal: &'static str,
) -> Result<i64, &'static str> {
    match parse_i64(arg) {
        Some(n) if n >= min => Ok(n),
        _ => Err(refusal),
    }
}

/// The arguments of LMPOP and BLMPOP after `numkeys`.
#[derive(Debug)]
pub(super) struct MpopArgs {
    /// Index of the first key in the arguments.
    pub(super) first_key: usize,
    /// Number of keys.
    pub(super) numkeys: usize,
    /// Which end to pop from.
    pub(super) end: End,
    /// How many elements to pop at most.
    pub(super) count: u64,
}

/// Parses `numkeys key [key ...] <LEFT | RIGHT> [COUNT count]` starting at `args[at]`, as
/// Redis's `lmpopGenericCommand`: `numkeys` must be a positive integer, there must be room
/// for the keys and the direction, the direction must be LEFT or RIGHT, and COUNT (once) a
/// positive integer.
pub(super) fn parse_mpop(args: &[Bytes], at: usize) -> Result<MpopArgs, &'static str> {
    let numkeys = parse_at_least(&args[at], 1, errors::LIST_NUMKEYS)? as u64;
    // The direction follows the keys; Redis computes its index and checks it is an argument.
    let where_idx = (at as u64 + 1).saturating_add(numkeys);
    if where_idx >= args.len() as u64 {
        return Err(errors::SYNTAX);
    }
    let where_idx = where_idx as usize;
    let end = parse_end(&args[where_idx])?;
    let mut count: Option<u64> = None;
    let mut j = where_idx + 1;
    while j < args.len() {
        let more = j + 1 < args.len();
        if count.is_none() && args[j].eq_ignore_ascii_case(b"COUNT") && more {
            j += 1;
            count = Some(parse_at_least(&args[j], 1, errors::LIST_COUNT)? as u64);
        } else {
            return Err(errors::SYNTAX);
        }
        j += 1;
    }
    Ok(MpopArgs {
        first_key: at + 1,
        numkeys: numkeys as usize,
        end,
        count: count.unwrap_or(1),
    })
}

/// The timeout of a blocking list command in milliseconds from now, as Redis 7.0's
/// `getTimeoutFromObjectOrReply` reads it in seconds: 0 blocks forever.
///
/// The text is a `long double` (`strtold`: decimal or hexadecimal, with an exponent, `inf`;
/// `ERR timeout is not a float or out of range` otherwise); it is multiplied by 1000 in
/// `long double` and truncated to a 64-bit integer as x86-64 does, so `0.0005` is 0 (forever),
/// `-0.0005` too, `0.001` is 0 as well (its `long double` is a hair below 1/1000), and a
/// value whose product does not fit (`inf`, `1e17`) becomes the most negative integer. A
/// negative result is `ERR timeout is negative`. Redis 7.0 has no upper bound: up to about
/// 9.2e15 seconds is accepted, and the deadline (`now + ms`) should saturate rather than wrap.
pub fn parse_timeout(arg: &[u8]) -> Result<i64, &'static str> {
    match seconds_to_ms(arg) {
        None => Err(errors::TIMEOUT_NOT_FLOAT),
        Some(ms) if ms < 0 => Err(errors::TIMEOUT_NEGATIVE),
        Some(ms) => Ok(ms),
    }
}

/// `(long long)(strtold(arg) * 1000.0)` as compiled for x86-64 (x87 `long double`: a 64-bit
/// significand, products rounded to nearest, ties to even; a conversion out of range gives
/// `LLONG_MIN`). `None` when `arg` is not a float Redis accepts.
fn seconds_to_ms(arg: &[u8]) -> Option<i64> {
    if let Some(n) = parse_i64(arg) {
        // An integer below 2^63 is exact in a long double, and so is its product when that
        // fits in 64 bits.
        return Some(n.checked_mul(1000).unwrap_or(i64::MIN));
    }
    let value = LongDouble::parse(arg)?;
    if value.is_infinite() {
        return Some(i64::MIN);
    }
    // strtold rounds symmetrically, so the magnitude is the same text without its sign.
    let negative = arg.first() == Some(&b'-');
    let magnitude = if negative {
        LongDouble::parse(&arg[1..])?
    } else {
        value
    };
    Some(match magnitude_ms(magnitude) {
        Some(ms) if negative => -(ms as i64),
        Some(ms) => ms as i64,
        None => i64::MIN,
    })
}

/// `trunc(x * 1000)` for a finite `x >= 0`, the product rounded to a 64-bit significand
/// first; `None` when it is 2^63 or more (out of `long long`'s range).
///
/// `LongDouble` shows its value only as `%.17Lf` text, which is not enough near an integer
/// (`0.001` is `0.00099999999999999999995...`). Doubling is exact, so the value is doubled
/// `k` times into `[2^63, 2^64)`, where it is an integer `n` the text shows exactly: then
/// `x = n / 2^k` and the product is computed exactly from `n`.
fn magnitude_ms(x: LongDouble) -> Option<u64> {
    let text = x.to_human();
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    // 2^63 / 1000 is about 9.2e15: far beyond it, the product does not fit.
    if int_part.len() > 16 {
        return None;
    }
    let int_value: u64 = int_part.parse().ok()?;
    if int_value > 9_223_372_036_854_776 {
        return None;
    }
    // Below 0.0001 (give or take the last printed digit), the product is below 0.1.
    if int_value == 0 && (frac.is_empty() || frac.starts_with("0000")) {
        return Some(0);
    }
    let estimate: f64 = text.parse().ok()?;
    // x is in [1e-4, 9.3e15], so k is in [10, 77].
    let mut k = (63.0 - estimate.log2().floor()).max(0.0) as u32;
    for _ in 0..4 {
        let mut y = x;
        for _ in 0..k {
            y = y.checked_add(y)?;
        }
        match y.to_human().parse::<u128>() {
            Ok(n) if n >= 1 << 64 => k = k.checked_sub(1)?,
            Ok(n) if n >= 1 << 63 => return ms_from_scaled(n as u64, k),
            // Below 2^63 (a fraction does not parse as an integer).
            _ => k += 1,
        }
    }
    None
}

/// `trunc(round64(n / 2^k * 1000))` with `n` in `[2^63, 2^64)`; `None` if it is 2^63 or more.
fn ms_from_scaled(n: u64, k: u32) -> Option<u64> {
    let product = n as u128 * 1000;
    let bits = 128 - product.leading_zeros();
    let mut shift = bits - 64;
    let mut mant = product >> shift;
    let rest = product & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && mant & 1 == 1) {
        mant += 1;
        if mant >> 64 != 0 {
            mant >>= 1;
            shift += 1;
        }
    }
    // The rounded product is mant * 2^(shift - k), with mant >= 2^63.
    if shift >= k {
        return None;
    }
    let down = k - shift;
    let value = if down >= 128 { 0 } else { mant >> down };
    u64::try_from(value).ok().filter(|&v| v < 1 << 63)
}

#[cfg(test)]
mod tests {
    use super::{parse_timeout, seconds_to_ms};
    use crate::errors;

    #[test]
    fn timeouts_convert_like_x86_64_redis() {
        // Expected values are `(long long)(strtold(s) * 1000.0)` from C on x86-64.
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("1", 1000),
            ("0.001", 0),
            ("-0.001", 0),
            ("0.1", 100),
            ("0.3", 300),
            ("1.001", 1001),
            ("0.0005", 0),
            ("-0.0009", 0),
            ("9223372036854775", 9223372036854775000),
            ("9223372036854775.807", 9223372036854775806),
            ("9223372036854775.8075", 9223372036854775807),
            ("1e17", i64::MIN),
            ("inf", i64::MIN),
            ("-inf", i64::MIN),
            ("1e-400", 0),
            ("0x1p-3", 125),
            ("-0.002", -1),
            ("0.007", 7),
            ("4.35", 4350),
            ("1.1", 1100),
            ("2.675", 2675),
            ("0.000999999999999999999", 0),
            ("-9223372036854775.808", -9223372036854775807),
            ("-9223372036854775.809", i64::MIN),
            ("+5", 5000),
            ("-0", 0),
            ("1.5e3", 1500000),
            ("9223372036854775807", i64::MIN),
            ("-9223372036854775808", i64::MIN),
        ];
        for &(text, want) in cases {
            assert_eq!(seconds_to_ms(text.as_bytes()), Some(want), "{text}");
        }
        for bad in ["", " 1", "1 ", "abc", "nan", "1e", "--1", "-+1", "0x"] {
            assert_eq!(seconds_to_ms(bad.as_bytes()), None, "{bad:?}");
        }
        assert_eq!(parse_timeout(b"2.5"), Ok(2500));
        assert_eq!(parse_timeout(b"-0.002"), Err(errors::TIMEOUT_NEGATIVE));
        assert_eq!(parse_timeout(b"1e17"), Err(errors::TIMEOUT_NEGATIVE));
        assert_eq!(parse_timeout(b"x"), Err(errors::TIMEOUT_NOT_FLOAT));
    }
}
