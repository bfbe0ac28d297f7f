//! Number parsing and formatting with Redis's exact rules (`string2ll`, `%.17g`, ...), so that
//! what is accepted, rejected and printed matches Redis byte for byte.

/// Parses a signed 64-bit integer the way Redis's `string2ll` does: optional `-`, digits, no
/// `+`, no spaces, no leading zeros (but "0"), at most 20 characters.
pub fn parse_i64(s: &[u8]) -> Option<i64> {
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    if s == b"0" {
        return Some(0);
    }
    let (negative, digits) = match s[0] {
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || digits[0] == b'0' {
        return None;
    }
    let mut v: u64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add((c - b'0') as u64)?;
    }
    if negative {
        if v > i64::MAX as u64 + 1 {
            return None;
        }
        Some((v as i128).wrapping_neg() as i64)
    } else {
        i64::try_from(v).ok()
    }
}

/// Parses an unsigned 64-bit integer with the same strictness (SCAN cursors).
pub fn parse_u64(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    if s == b"0" {
        return Some(0);
    }
    if s[0] == b'0' {
        return None;
    }
    let mut v: u64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add((c - b'0') as u64)?;
    }
    Some(v)
}

/// Parses a double as Redis's `string2d`/`strtold` users do: no leading space, the whole
/// string must be consumed, NaN is refused; `inf`, `+inf`, `-inf` are accepted.
pub fn parse_f64(s: &[u8]) -> Option<f64> {
    if s.is_empty() || s[0].is_ascii_whitespace() {
        return None;
    }
    let text = std::str::from_utf8(s).ok()?;
    let lower = text.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => f64::INFINITY,
        "-inf" | "-infinity" => f64::NEG_INFINITY,
        _ => {
            // Rust accepts "nan"/"infinity" spellings and hex is refused by both; reject the
            // Rust-only forms strtod would not take.
            if lower.contains("nan") || lower.contains("inf") {
                return None;
            }
            if !text
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
            {
                return None;
            }
            text.parse::<f64>().ok()?
        }
    };
    if v.is_nan() {
        None
    } else {
        Some(v)
    }
}

/// Formats a double as C's `%.17g` (what Redis 7.0 replies for scores), with `inf`/`-inf`.
pub fn format_double(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v.is_nan() {
        return "nan".into();
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.16e}", v);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..17).contains(&exp) {
        let m = trim_fraction(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.unsigned_abs())
    } else {
        let decimals = (16 - exp).max(0) as usize;
        trim_fraction(&format!("{:.*}", decimals, v)).to_string()
    }
}

/// Formats the result of INCRBYFLOAT as Redis does (fixed point, no exponent, trailing zeros
/// removed): the shortest text that reads back as the same double.
pub fn format_float_human(v: f64) -> String {
    let text = format!("{v}");
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

fn trim_fraction(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// The longest text Redis reads as a `long double` is one byte shorter than this
/// (`MAX_LONG_DOUBLE_CHARS`).
pub const MAX_LONG_DOUBLE_CHARS: usize = 5 * 1024;

/// Exponent of the last significand bit of the smallest normal and of every subnormal x87
/// value: `2^-16382 == 2^63 * 2^-16445`.
const LD_MIN_EXP: i64 = -16445;
/// Exponent of the last significand bit of the largest finite x87 value: `2^16383 * 2^-63`.
const LD_MAX_EXP: i64 = 16320;

/// C's `long double` on x86-64 (the x87 80-bit format: a 64-bit significand with an explicit
/// leading bit and a 15-bit exponent), done in software with the same round-to-nearest-even.
///
/// INCRBYFLOAT and HINCRBYFLOAT read their operands with `strtold`, add them in this
/// precision and print the sum with `%.17Lf`, so `0.1 + 0.2` is `0.3` there where an `f64`
/// gives `0.30000000000000004`, and `1e300` prints as the exact 301-digit integer the
/// extended value holds. Matching those replies byte for byte needs the same arithmetic:
/// [`LongDouble::parse`] is Redis's `string2ld`, [`LongDouble::checked_add`] the `+=` with
/// its NaN/infinity check, and [`LongDouble::to_human`] `ld2string(.., LD_STR_HUMAN)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongDouble {
    /// The sign (also of zero).
    neg: bool,
    /// Infinity; `mant` and `exp` are then meaningless.
    inf: bool,
    /// The significand: top bit set for a normal value, zero for zero; a subnormal value has
    /// `exp == LD_MIN_EXP` and the top bit clear.
    mant: u64,
    /// The magnitude is `mant * 2^exp`.
    exp: i32,
}

impl LongDouble {
    /// Positive zero: what INCRBYFLOAT starts from on a missing key.
    pub const ZERO: LongDouble = LongDouble {
        neg: false,
        inf: false,
        mant: 0,
        exp: 0,
    };

    fn zero(neg: bool) -> Self {
        LongDouble {
            neg,
            inf: false,
            mant: 0,
            exp: 0,
        }
    }

    fn infinity(neg: bool) -> Self {
        LongDouble {
            neg,
            inf: true,
            mant: 0,
            exp: 0,
        }
    }

    /// True for plus or minus infinity.
    pub fn is_infinite(&self) -> bool {
        self.inf
    }

    /// Parses `s` as Redis's `string2ld`: `strtold` must consume the whole text (so no
    /// leading or trailing space, and no NUL inside), NaN is refused, and so is a number out
    /// of range (one that overflows, or a nonzero one that underflows to zero). `strtold`'s
    /// grammar is accepted in full: a sign, decimal digits with an optional point and
    /// exponent, hexadecimal (`0x1.8p3`), `inf` and `infinity` in any case. The value is
    /// rounded to nearest, ties to even, as glibc does.
    pub fn parse(s: &[u8]) -> Option<LongDouble> {
        if s.is_empty() || s.len() >= MAX_LONG_DOUBLE_CHARS {
            return None;
        }
        let (neg, body) = match s[0] {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
            return Some(LongDouble::infinity(neg));
        }
        let hex = body.len() > 2 && body[0] == b'0' && matches!(body[1], b'x' | b'X');
        let (digits, exp, radix_bits) = if hex {
            parse_mantissa(&body[2..], 16, b'p')?
        } else {
            parse_mantissa(body, 10, b'e')?
        };
        if digits.is_zero() {
            return Some(LongDouble::zero(neg));
        }
        let value = if hex {
            // digits * 2^exp: refuse early what is far out of range, to bound the work.
            let magnitude = digits.bits() as i64 + exp;
            if !(LD_MIN_EXP - 2..=LD_MAX_EXP + 66).contains(&magnitude) {
                return None;
            }
            from_ratio(neg, &digits, &Big::from_u64(1), exp)
        } else {
            // digits * 10^exp, with digits below 10^radix_bits (the significant digit count).
            let magnitude = radix_bits + exp;
            if !(-4952..=4934).contains(&magnitude) {
                return None;
            }
            let (num, den) = if exp >= 0 {
                (digits.mul_pow10(exp as u64), Big::from_u64(1))
            } else {
                (digits, Big::from_u64(1).mul_pow10(exp.unsigned_abs()))
            };
            from_ratio(neg, &num, &den, 0)
        };
        if value.inf || value.mant == 0 {
            None
        } else {
            Some(value)
        }
    }

    /// The sum, rounded as the x87 unit rounds it; `None` when it is NaN or infinite (Redis's
    /// "increment would produce NaN or Infinity"), which includes any infinite operand.
    pub fn checked_add(self, other: LongDouble) -> Option<LongDouble> {
        if self.inf || other.inf {
            return None;
        }
        if self.mant == 0 {
            return Some(if other.mant == 0 {
                LongDouble::zero(self.neg && other.neg)
            } else {
                other
            });
        }
        if other.mant == 0 {
            return Some(self);
        }
        // `a` has the larger magnitude: normal values have the top bit set and subnormals the
        // smallest exponent, so (exp, mant) orders magnitudes.
        let (a, b) = if (self.exp, self.mant) >= (other.exp, other.mant) {
            (self, other)
        } else {
            (other, self)
        };
        // 62 guard bits below the significand, one spare bit above for the carry.
        let x = (a.mant as u128) << 62;
        let y_full = (b.mant as u128) << 62;
        let shift = (a.exp as i64 - b.exp as i64) as u32;
        let (y, sticky) = if shift >= 126 {
            (0, true)
        } else {
            (y_full >> shift, y_full & ((1u128 << shift) - 1) != 0)
        };
        let exp = a.exp as i64 - 62;
        let sum = if a.neg == b.neg {
            round_ld(a.neg, x + y, exp, sticky)
        } else {
            // Bits of `b` below the guard bits make the true difference a little smaller:
            // floor it and keep the sticky bit.
            let diff = x - y - sticky as u128;
            if diff == 0 {
                LongDouble::zero(false)
            } else {
                round_ld(a.neg, diff, exp, sticky)
            }
        };
        if sum.inf {
            None
        } else {
            Some(sum)
        }
    }

    /// Formats as Redis's `ld2string` in `LD_STR_HUMAN` mode: `%.17Lf` (the exact value
    /// rounded to 17 decimals, ties to even), trailing zeros and a trailing point removed,
    /// and `-0` written `0`.
    pub fn to_human(&self) -> String {
        if self.inf {
            return if self.neg {
                "-inf".into()
            } else {
                "inf".into()
            };
        }
        let mut text = if self.exp >= 0 {
            Big::from_u64(self.mant).shl(self.exp as u64).to_decimal()
        } else {
            const SCALE: u128 = 100_000_000_000_000_000; // 10^17
                                                         // mant * 10^17 < 2^121, so one u128 holds the scaled value exactly.
            let scaled = self.mant as u128 * SCALE;
            let bits = self.exp.unsigned_abs();
            let q = if bits >= 128 {
                0
            } else {
                let q = scaled >> bits;
                let rem = scaled & ((1u128 << bits) - 1);
                let half = 1u128 << (bits - 1);
                if rem > half || (rem == half && q & 1 == 1) {
                    q + 1
                } else {
                    q
                }
            };
            let fixed = format!("{}.{:017}", q / SCALE, q % SCALE);
            trim_fraction(&fixed).to_string()
        };
        if self.neg && text != "0" {
            text.insert(0, '-');
        }
        text
    }
}

/// Splits a `strtold` mantissa and exponent: digits in `radix` (10 or 16) with an optional
/// point, then optionally `exp_char` (`e` or `p`, any case), a sign and decimal digits. The
/// whole input must be used. Returns the digits as an integer, the exponent to apply to it
/// (in powers of 10 for decimal, of 2 for hexadecimal, the point already accounted for) and,
/// for decimal, the number of significant digits.
fn parse_mantissa(s: &[u8], radix: u32, exp_char: u8) -> Option<(Big, i64, i64)> {
    // Exponents are clamped far beyond any representable value, so they cannot overflow.
    const CLAMP: i64 = 1 << 40;
    let digit_of = |c: u8| (c as char).to_digit(radix);
    let per_digit = if radix == 16 { 4 } else { 1 };
    let mut digits = Big::from_u64(0);
    let mut chunk = 0u32;
    let mut chunk_len = 0u32;
    let chunk_max = if radix == 16 { 7 } else { 9 };
    let mut any = false;
    let mut significant = 0i64;
    let mut exp = 0i64;
    let mut seen_point = false;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = digit_of(c) {
            any = true;
            if significant > 0 || d != 0 {
                significant += 1;
            }
            chunk = chunk * radix + d;
            chunk_len += 1;
            if chunk_len == chunk_max {
                digits.mul_add_small(radix.pow(chunk_len), chunk);
                chunk = 0;
                chunk_len = 0;
            }
            if seen_point {
                exp -= per_digit;
            }
        } else {
            break;
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if chunk_len > 0 {
        digits.mul_add_small(radix.pow(chunk_len), chunk);
    }
    if i < s.len() {
        if s[i] | 0x20 != exp_char {
            return None;
        }
        i += 1;
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
        let start = i;
        let mut e = 0i64;
        while i < s.len() && s[i].is_ascii_digit() {
            e = (e * 10 + (s[i] - b'0') as i64).min(CLAMP);
            i += 1;
        }
        if i == start || i < s.len() {
            return None;
        }
        exp += if negative { -e } else { e };
    }
    Some((digits, exp, significant))
}

/// Rounds `num / den * 2^exp` (`num` nonzero) to a [`LongDouble`].
fn from_ratio(neg: bool, num: &Big, den: &Big, exp: i64) -> LongDouble {
    // Scale the numerator so the quotient has 66 or 67 bits: enough for the 64 kept, a
    // rounding bit and a sticky one.
    let shift = num.bits() as i64 - den.bits() as i64 - 66;
    let (mut rem, sticky) = if shift < 0 {
        (num.shl(shift.unsigned_abs()), false)
    } else {
        num.shr(shift as u64)
    };
    let mut q: u128 = 0;
    for bit in (0..68).rev() {
        let part = den.shl(bit);
        if rem.cmp(&part) != std::cmp::Ordering::Less {
            rem.sub_assign(&part);
            q |= 1 << bit;
        }
    }
    round_ld(neg, q, exp + shift, sticky || !rem.is_zero())
}

/// Rounds `m * 2^exp`, plus something below `m`'s last bit when `sticky`, to the nearest
/// x87 value (ties to even), with gradual underflow and overflow to infinity. When `sticky`
/// is set, `m` must have at least 66 bits, so the rounding bit is `m`'s own.
fn round_ld(neg: bool, m: u128, exp: i64, sticky: bool) -> LongDouble {
    if m == 0 {
        return LongDouble::zero(neg);
    }
    let bits = 128 - m.leading_zeros() as i64;
    let mut shift = bits - 64;
    if exp + shift < LD_MIN_EXP {
        shift = LD_MIN_EXP - exp;
    }
    let (mant, exp) = if shift <= 0 {
        ((m << shift.unsigned_abs()) as u64, exp + shift)
    } else {
        let (mut kept, half, rest) = if shift > 128 {
            (0, false, true)
        } else if shift == 128 {
            (0, m >> 127 == 1, m & (u128::MAX >> 1) != 0)
        } else {
            let s = shift as u32;
            (
                m >> s,
                (m >> (s - 1)) & 1 == 1,
                m & ((1u128 << (s - 1)) - 1) != 0,
            )
        };
        let mut exp = exp + shift;
        if half && (sticky || rest || kept & 1 == 1) {
            kept += 1;
            if kept >> 64 != 0 {
                kept >>= 1;
                exp += 1;
            }
        }
        (kept as u64, exp)
    };
    if mant == 0 {
        LongDouble::zero(neg)
    } else if exp > LD_MAX_EXP {
        LongDouble::infinity(neg)
    } else {
        LongDouble {
            neg,
            inf: false,
            mant,
            exp: exp as i32,
        }
    }
}

/// A minimal unsigned big integer (little-endian 32-bit limbs, no zero limb on top), just
/// what exact `strtold` and `%.17Lf` need.
#[derive(Debug, Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn bits(&self) -> u64 {
        match self.0.last() {
            None => 0,
            Some(&top) => self.0.len() as u64 * 32 - top.leading_zeros() as u64,
        }
    }

    /// `self = self * mul + add`.
    fn mul_add_small(&mut self, mul: u32, add: u32) {
        let mut carry = add as u64;
        for limb in &mut self.0 {
            let v = *limb as u64 * mul as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul_pow10(mut self, mut k: u64) -> Big {
        while k >= 9 {
            self.mul_add_small(1_000_000_000, 0);
            k -= 9;
        }
        self.mul_add_small(10u32.pow(k as u32), 0);
        self
    }

    fn shl(&self, n: u64) -> Big {
        if self.is_zero() {
            return Big(Vec::new());
        }
        let (limbs, bits) = ((n / 32) as usize, (n % 32) as u32);
        let mut out = vec![0u32; limbs];
        out.reserve(self.0.len() + 1);
        let mut carry = 0u32;
        for &limb in &self.0 {
            if bits == 0 {
                out.push(limb);
            } else {
                out.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// `self >> n`, and whether any bit shifted out was set.
    fn shr(&self, n: u64) -> (Big, bool) {
        let (limbs, bits) = ((n / 32) as usize, (n % 32) as u32);
        if limbs >= self.0.len() {
            return (Big(Vec::new()), !self.is_zero());
        }
        let mut lost = self.0[..limbs].iter().any(|&l| l != 0);
        let high = &self.0[limbs..];
        let mut out = Vec::with_capacity(high.len());
        if bits == 0 {
            out.extend_from_slice(high);
        } else {
            lost |= high[0] & ((1u32 << bits) - 1) != 0;
            for (i, &limb) in high.iter().enumerate() {
                let next = high.get(i + 1).copied().unwrap_or(0);
                out.push((limb >> bits) | (next << (32 - bits)));
            }
        }
        let mut b = Big(out);
        b.trim();
        (b, lost)
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self -= other`, for `self >= other`.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = *limb as i64 - other.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            borrow = (v < 0) as i64;
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    /// `self /= d`, returning the remainder.
    fn div_rem_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let v = (rem << 32) | *limb as u64;
            *limb = (v / d as u64) as u32;
            rem = v % d as u64;
        }
        self.trim();
        rem as u32
    }

    fn to_decimal(&self) -> String {
        let mut n = self.clone();
        let mut chunks = Vec::new();
        while !n.is_zero() {
            chunks.push(n.div_rem_small(1_000_000_000));
        }
        let mut text = chunks
            .pop()
            .map(|c| c.to_string())
            .unwrap_or_else(|| "0".into());
        for c in chunks.iter().rev() {
            text.push_str(&format!("{c:09}"));
        }
        text
    }
}

/// Current wall-clock time in milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A small, fast, non-cryptographic random generator (xorshift64*), one per shard.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded from `seed` (zero is replaced by a constant).
    pub fn new(seed: u64) -> Self {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A random index below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_follow_string2ll() {
        assert_eq!(parse_i64(b"123"), Some(123));
        assert_eq!(parse_i64(b"-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_i64(b"9223372036854775808"), None);
        for bad in [&b""[..], b"+1", b" 1", b"01", b"-0", b"1.0", b"-", b"1 "] {
            assert_eq!(parse_i64(bad), None, "{:?}", bad);
        }
    }

    #[test]
    fn doubles_print_like_percent_17g() {
        assert_eq!(format_double(1.5), "1.5");
        assert_eq!(format_double(1000.0), "1000");
        assert_eq!(format_double(0.1), "0.10000000000000001");
        assert_eq!(format_double(1e20), "1e+20");
        assert_eq!(format_double(1.5e-5), "1.5e-05");
        assert_eq!(format_double(-2.0), "-2");
        assert_eq!(format_double(f64::NEG_INFINITY), "-inf");
        assert_eq!(
            format_double(123456789012345678.0),
            "1.2345678901234568e+17"
        );
    }

    #[test]
    fn doubles_parse_like_strtod() {
        assert_eq!(parse_f64(b"1.5"), Some(1.5));
        assert_eq!(parse_f64(b"-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_f64(b"1e3"), Some(1000.0));
        assert_eq!(parse_f64(b" 1"), None);
        assert_eq!(parse_f64(b"nan"), None);
        assert_eq!(parse_f64(b"abc"), None);
    }

    #[test]
    fn human_floats() {
        assert_eq!(format_float_human(10.5 + 0.1), "10.6");
        assert_eq!(format_float_human(5000.0), "5000");
        assert_eq!(format_float_human(3.0e-5), "0.00003");
    }

    fn ld(s: &str) -> LongDouble {
        LongDouble::parse(s.as_bytes()).unwrap_or_else(|| panic!("{s:?} should parse"))
    }

    fn ld_sum(a: &str, b: &str) -> Option<String> {
        ld(a).checked_add(ld(b)).map(|v| v.to_human())
    }

    #[test]
    fn long_double_parses_like_string2ld() {
        for good in [
            "1",
            "-1.5",
            "+2",
            ".5",
            "5.",
            "1e3",
            "1E-3",
            "0x1.8p1",
            "0X10",
            "inf",
            "-Infinity",
            "0e99999",
        ] {
            assert!(LongDouble::parse(good.as_bytes()).is_some(), "{good:?}");
        }
        for bad in [
            "",
            " 1",
            "1 ",
            "\t1",
            "1e",
            "1e+",
            "e5",
            ".",
            "-",
            "0x",
            "0x1p",
            "nan",
            "NaN",
            "infinit",
            "1,5",
            "--1",
            "1.5\0",
            "1e5000",
            "1e-5000",
            "0x1p16384",
            "0x1p-16447",
        ] {
            assert_eq!(LongDouble::parse(bad.as_bytes()), None, "{bad:?}");
        }
        assert!(ld("-inf").is_infinite());
        // Overlong texts are refused before strtold sees them.
        let one = |len: usize| format!("1.{}", "0".repeat(len - 2));
        assert_eq!(ld(&one(MAX_LONG_DOUBLE_CHARS - 1)).to_human(), "1");
        assert_eq!(
            LongDouble::parse(one(MAX_LONG_DOUBLE_CHARS).as_bytes()),
            None
        );
        // The smallest subnormal is a value; what rounds to zero is out of range.
        assert_eq!(ld("0x1p-16445").to_human(), "0");
        assert_eq!(LongDouble::parse(b"0x1p-16446"), None);
    }

    #[test]
    fn long_double_sums_print_like_redis() {
        // Expected texts are what Redis 7.0 on x86-64 replies to INCRBYFLOAT.
        assert_eq!(ld_sum("0.1", "0.2").as_deref(), Some("0.3"));
        assert_eq!(ld_sum("1", "-1.1").as_deref(), Some("-0.1"));
        assert_eq!(ld_sum("10.5", "0.1").as_deref(), Some("10.6"));
        assert_eq!(ld_sum("0", "3.0e-5").as_deref(), Some("0.00003"));
        assert_eq!(ld_sum("0", "1e-20").as_deref(), Some("0"));
        assert_eq!(ld_sum("-0", "-0.0").as_deref(), Some("0"));
        assert_eq!(ld_sum("0", "-1e-20").as_deref(), Some("0"));
        assert_eq!(
            ld_sum("17179869184", "17179869184").as_deref(),
            Some("34359738368")
        );
        assert_eq!(
            ld_sum("0", "0x1p64").as_deref(),
            Some("18446744073709551616")
        );
        assert_eq!(
            ld_sum("0", "1e300").as_deref().map(|s| &s[..40]),
            Some("1000000000000000000008997324079559193870")
        );
        assert_eq!(ld_sum("1e300", "0").map(|s| s.len()), Some(301));
        assert_eq!(ld_sum("0", "inf"), None);
        assert_eq!(ld_sum("1.18973149535723176502e+4932", "1e4932"), None);
        assert_eq!(
            ld_sum("1.18973149535723176502e+4932", "-1e4932").map(|s| s.len()),
            Some(4932)
        );
    }

    #[test]
    fn long_double_rounds_to_nearest_even() {
        // 2^64 + 1 is not representable: ties go to the even significand, 2^64.
        assert_eq!(
            ld_sum("18446744073709551616", "1").as_deref(),
            Some("18446744073709551616")
        );
        assert_eq!(
            ld_sum("18446744073709551616", "3").as_deref(),
            Some("18446744073709551620")
        );
        // Anything above the tie rounds up.
        assert_eq!(
            ld_sum("18446744073709551616", "1.0000001").as_deref(),
            Some("18446744073709551618")
        );
        // Subtracting a tiny amount from a power of two lands on the finer grid below.
        assert_eq!(ld_sum("1", "-0x1p-64").as_deref(), Some("1"));
        assert_eq!(
            ld_sum("0x1p63", "-0.5").as_deref(),
            Some("9223372036854775807.5")
        );
    }
}
