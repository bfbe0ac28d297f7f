//! glibc's `strtod`, which CJSON's decoder reads numbers with: decimal (correctly rounded),
//! hex floats, `inf`/`infinity` and `nan(chars)` with its payload, as the C library does.

/// C's `strtod` (glibc) at `start` of `data` (read as a C string): the number and where it
/// ends, `None` when there is no number. Decimal, hex (`0x1.8p3`), `inf`/`infinity` and
/// `nan`/`nan(chars)` (no payload), with a sign; correctly rounded.
pub(super) fn strtod(data: &[u8], start: usize) -> Option<(f64, usize)> {
    let at = |i: usize| data.get(i).copied().unwrap_or(0);
    let word = |i: usize, w: &[u8]| {
        w.iter()
            .enumerate()
            .all(|(k, &c)| at(i + k).to_ascii_lowercase() == c)
    };
    let mut i = start;
    let negative = at(i) == b'-';
    if matches!(at(i), b'-' | b'+') {
        i += 1;
    }
    let sign = |x: f64| if negative { -x } else { x };
    if word(i, b"inf") {
        i += 3;
        if word(i, b"inity") {
            i += 5;
        }
        return Some((sign(f64::INFINITY), i));
    }
    if word(i, b"nan") {
        i += 3;
        let mut nan = f64::NAN;
        if at(i) == b'(' {
            let mut j = i + 1;
            while at(j).is_ascii_alphanumeric() || at(j) == b'_' {
                j += 1;
            }
            if at(j) == b')' {
                if let Some(payload) = nan_payload(&data[i + 1..j]) {
                    nan = f64::from_bits(f64::NAN.to_bits() | payload & ((1 << 52) - 1));
                }
                i = j + 1;
            }
        }
        return Some((sign(nan), i));
    }
    if at(i) == b'0' && at(i + 1) | 0x20 == b'x' {
        return Some(match hex_float(data, i + 2) {
            Some((x, end)) => (sign(x), end),
            None => (sign(0.0), i + 1),
        });
    }
    let mut digits = false;
    while at(i).is_ascii_digit() {
        i += 1;
        digits = true;
    }
    if at(i) == b'.' {
        i += 1;
        while at(i).is_ascii_digit() {
            i += 1;
            digits = true;
        }
    }
    if !digits {
        return None;
    }
    if at(i) | 0x20 == b'e' {
        let mut j = i + 1;
        if matches!(at(j), b'+' | b'-') {
            j += 1;
        }
        if at(j).is_ascii_digit() {
            while at(j).is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let text = std::str::from_utf8(&data[start..i]).ok()?;
    Some((text.parse().ok()?, i))
}

/// glibc's payload of `nan(chars)`: the chars read by `strtoull(chars, &end, 0)` when it
/// reads them all (saturating), else none.
fn nan_payload(chars: &[u8]) -> Option<u64> {
    let (digits, radix) = match chars {
        [b'0', x, rest @ ..] if x | 0x20 == b'x' => (rest, 16),
        [b'0', ..] => (chars, 8),
        _ => (chars, 10),
    };
    if radix == 16 && digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |acc, &c| {
        let d = (c as char).to_digit(radix)? as u64;
        Some(acc.saturating_mul(radix as u64).saturating_add(d))
    })
}

/// The hex digits (with an optional point) and `p` exponent after `0x`, correctly rounded to
/// nearest even; `None` without a digit.
fn hex_float(data: &[u8], start: usize) -> Option<(f64, usize)> {
    let at = |i: usize| data.get(i).copied().unwrap_or(0);
    let mut i = start;
    let mut mantissa: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut digits = false;
    let mut fraction = false;
    loop {
        let c = at(i);
        if c == b'.' && !fraction {
            fraction = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            digits = true;
            if mantissa >> 60 == 0 {
                mantissa = mantissa << 4 | d as u64;
                if fraction {
                    exp -= 4;
                }
            } else {
                sticky |= d != 0;
                if !fraction {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if !digits {
        return None;
    }
    if at(i) | 0x20 == b'p' {
        let mut j = i + 1;
        let negative = at(j) == b'-';
        if matches!(at(j), b'+' | b'-') {
            j += 1;
        }
        if at(j).is_ascii_digit() {
            let mut e: i64 = 0;
            while at(j).is_ascii_digit() {
                e = (e * 10 + (at(j) - b'0') as i64).min(1 << 40);
                j += 1;
            }
            exp += if negative { -e } else { e };
            i = j;
        }
    }
    Some((scale_binary(mantissa, exp, sticky), i))
}

/// `mantissa * 2^exp` (`sticky`: more nonzero bits below the mantissa) rounded to the nearest
/// double, ties to even, with subnormals, overflow to infinity and underflow to zero.
fn scale_binary(mantissa: u64, exp: i64, sticky: bool) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let bits = 64 - mantissa.leading_zeros() as i64;
    let top_exp = exp + bits - 1;
    if top_exp > 1023 {
        return f64::INFINITY;
    }
    // Significant bits the result keeps: 53, fewer for subnormals.
    let keep = if top_exp >= -1022 {
        53
    } else {
        53 - (-1022 - top_exp)
    };
    let drop = bits - keep;
    let (m, e) = if drop <= 0 {
        (mantissa, exp)
    } else if drop > 64 {
        (0, exp + drop)
    } else {
        let kept = mantissa.checked_shr(drop as u32).unwrap_or(0);
        let half = mantissa >> (drop - 1) & 1 == 1;
        let rest = mantissa & ((1u64 << (drop - 1)) - 1) != 0 || sticky;
        let up = half && (rest || kept & 1 == 1);
        (kept + up as u64, exp + drop)
    };
    if m == 0 {
        return 0.0;
    }
    // Exact from here: m has at most 54 bits and fits the exponent range.
    let mut x = m as f64;
    let mut e = e;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e as i32)
}

/// 2^e for e in -1022..=1023.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}
