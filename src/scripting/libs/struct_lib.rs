//! `struct`: Roberto Ierusalimschy's struct library as Redis bundles it (`lua_struct.c`,
//! struct.c 1.7): `pack`, `unpack`, `size`, with the sizes and alignment of x86-64
//! (`long` and `size_t` 8 bytes, `int` 4, native order little endian, `!` alone aligns to 8).
//!
//! Formats: `>` big endian, `<` little endian, `![n]` maximum alignment, `x` a pad byte,
//! `b`/`B` `h`/`H` `l`/`L` signed/unsigned char, short, long, `T` size_t, `i[n]`/`I[n]` signed
//! or unsigned integers of n bytes (1 to 32), `f` float, `d` double, `c[n]` n chars (0: the
//! whole string when packing, the previous result as the length when unpacking), `s` a
//! zero-terminated string, ` ` ignored. The format stops at its first NUL (a C string).

use super::{
    c_f64_to_i64, c_f64_to_u64, error, functions_table, lib_function, stack_full, to_number, Args,
    LibResult,
};
use mlua::{Lua, MultiValue, Table, Value};

pub(crate) fn module(lua: &Lua) -> mlua::Result<Table> {
    functions_table(
        lua,
        vec![
            ("pack", lib_function(lua, pack)?),
            ("unpack", lib_function(lua, unpack)?),
            ("size", lib_function(lua, size)?),
        ],
    )
}

/// Largest size of an `i`/`I` integer.
const MAX_INT_SIZE: usize = 32;
/// Alignment of `!` without a number: that of a double on x86-64.
const MAX_ALIGN: i32 = 8;
const SIZE_OF_INT: i32 = 4;

#[derive(Clone, Copy, PartialEq)]
enum Endian {
    Big,
    Little,
}

struct Header {
    endian: Endian,
    align: usize,
}

impl Header {
    fn new() -> Self {
        Header {
            endian: Endian::Little,
            align: 1,
        }
    }
}

/// The format, read as the C code reads it (up to its first NUL).
struct Format {
    bytes: Vec<u8>,
    pos: usize,
}

impl Format {
    fn new(mut bytes: Vec<u8>) -> Self {
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            bytes.truncate(nul);
        }
        Format { bytes, pos: 0 }
    }

    fn next_option(&mut self) -> Option<u8> {
        let opt = self.bytes.get(self.pos).copied()?;
        self.pos += 1;
        Some(opt)
    }

    /// `getnum`: the number written at this point, or `default`.
    fn number(&mut self, default: i32) -> LibResult<i32> {
        if !self.peek_digit() {
            return Ok(default);
        }
        let mut a: i32 = 0;
        while self.peek_digit() {
            let digit = (self.bytes[self.pos] - b'0') as i32;
            if a > i32::MAX / 10 || a * 10 > i32::MAX - digit {
                return error("integral size overflow");
            }
            a = a * 10 + digit;
            self.pos += 1;
        }
        Ok(a)
    }

    fn peek_digit(&self) -> bool {
        self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit)
    }
}

/// `optsize`: the size of an option (0 for the options without data).
fn option_size(opt: u8, fmt: &mut Format) -> LibResult<usize> {
    Ok(match opt {
        b'B' | b'b' => 1,
        b'H' | b'h' => 2,
        b'L' | b'l' | b'T' | b'd' => 8,
        b'f' => 4,
        b'x' => 1,
        b'c' => fmt.number(1)? as usize,
        b'i' | b'I' => {
            let size = fmt.number(SIZE_OF_INT)?;
            if size > MAX_INT_SIZE as i32 {
                return error(format!(
                    "integral size {size} is larger than limit of {MAX_INT_SIZE}"
                ));
            }
            size as usize
        }
        _ => 0,
    })
}

/// `gettoalign`: the padding before an item of `size` at `len`.
fn padding(len: usize, h: &Header, opt: u8, size: usize) -> usize {
    if size == 0 || opt == b'c' {
        return 0;
    }
    let size = size.min(h.align);
    (size.wrapping_sub(len & size.wrapping_sub(1))) & size.wrapping_sub(1)
}

/// `controloptions`: endianness, alignment, spaces; any other option is an error.
fn control_option(args: &Args<'_>, opt: u8, fmt: &mut Format, h: &mut Header) -> LibResult<()> {
    match opt {
        b' ' => Ok(()),
        b'>' => {
            h.endian = Endian::Big;
            Ok(())
        }
        b'<' => {
            h.endian = Endian::Little;
            Ok(())
        }
        b'!' => {
            let a = fmt.number(MAX_ALIGN)?;
            if a <= 0 || a & (a - 1) != 0 {
                return error(format!("alignment {a} is not a power of 2"));
            }
            h.align = a as usize;
            Ok(())
        }
        _ => {
            let mut msg = b"invalid format option '".to_vec();
            msg.push(opt);
            msg.push(b'\'');
            args.arg_error(1, &msg)
        }
    }
}

fn is_integer_option(opt: u8) -> bool {
    matches!(
        opt,
        b'b' | b'B' | b'h' | b'H' | b'l' | b'L' | b'T' | b'i' | b'I'
    )
}

/// Puts `bytes` (in native, little-endian order) in the order `endian`.
fn ordered(mut bytes: Vec<u8>, endian: Endian) -> Vec<u8> {
    if endian == Endian::Big {
        bytes.reverse();
    }
    bytes
}

/// `struct.pack(fmt, v1, v2, ...)`.
fn pack(lua: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let mut fmt = Format::new(args.check_lstring(1)?);
    let mut h = Header::new();
    let mut arg = 2;
    let mut total: usize = 0;
    let mut out = Vec::new();
    // The C code pushes a nil after its arguments: the first missing one reads as nil.
    let number = |i: usize| -> LibResult<f64> {
        match args.to_number(i)? {
            Some(n) => Ok(n),
            None if i > args.len() => args.type_error_got(i, "number", "nil"),
            None => args.type_error(i, "number"),
        }
    };
    let string = |i: usize| -> LibResult<Vec<u8>> {
        match args.to_lstring(i)? {
            Some(s) => Ok(s),
            None if i > args.len() => args.type_error_got(i, "string", "nil"),
            None => args.type_error(i, "string"),
        }
    };
    while let Some(opt) = fmt.next_option() {
        let mut size = option_size(opt, &mut fmt)?;
        let pad = padding(total, &h, opt, size);
        total = total.wrapping_add(pad);
        out.resize(out.len() + pad, 0);
        match opt {
            _ if is_integer_option(opt) => {
                let n = number(arg)?;
                arg += 1;
                let mut value = if n < 0.0 {
                    c_f64_to_i64(n) as u64
                } else {
                    c_f64_to_u64(n)
                };
                let mut bytes = Vec::with_capacity(size);
                for _ in 0..size {
                    bytes.push((value & 0xff) as u8);
                    value = value.checked_shr(8).unwrap_or(0);
                }
                out.extend_from_slice(&ordered(bytes, h.endian));
            }
            b'x' => out.push(0),
            b'f' => {
                let f = number(arg)? as f32;
                arg += 1;
                out.extend_from_slice(&ordered(f.to_le_bytes().to_vec(), h.endian));
            }
            b'd' => {
                let d = number(arg)?;
                arg += 1;
                out.extend_from_slice(&ordered(d.to_le_bytes().to_vec(), h.endian));
            }
            b'c' | b's' => {
                let s = string(arg)?;
                arg += 1;
                if size == 0 {
                    size = s.len();
                }
                if s.len() < size {
                    return args.arg_error(arg as i32, b"string too short");
                }
                out.extend_from_slice(&s[..size]);
                if opt == b's' {
                    out.push(0);
                    size += 1;
                }
            }
            _ => control_option(&args, opt, &mut fmt, &mut h)?,
        }
        total = total.wrapping_add(size);
    }
    Ok(MultiValue::from_vec(vec![Value::String(
        lua.create_string(&out)?,
    )]))
}

/// `getinteger`: the integer of `size` bytes at `bytes`, as a Lua number. Past 8 bytes the
/// leading ones shift out of the 64-bit accumulator, as in C.
fn get_integer(bytes: &[u8], endian: Endian, signed: bool, size: usize) -> f64 {
    let mut l: u64 = 0;
    let mut push = |b: u8| l = (l << 8) | b as u64;
    match endian {
        Endian::Big => bytes.iter().for_each(|&b| push(b)),
        Endian::Little => bytes.iter().rev().for_each(|&b| push(b)),
    }
    if !signed {
        return l as f64;
    }
    // `~0 << (size*8 - 1)`: x86 takes the shift count modulo 64.
    let shift = ((size as i64 * 8 - 1) & 63) as u32;
    let mask = u64::MAX << shift;
    if l & mask != 0 {
        l |= mask;
    }
    l as i64 as f64
}

/// `struct.unpack(fmt, data [, pos])`: the values, then the position after them.
fn unpack(lua: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let mut fmt = Format::new(args.check_lstring(1)?);
    let data = args.check_lstring(2)?;
    let ld = data.len();
    let mut pos = args.opt_integer(3, 1)? as u64 as usize;
    if pos == 0 {
        return args.arg_error(3, b"offset must be 1 or greater");
    }
    pos -= 1;
    let mut h = Header::new();
    let mut results: Vec<Value> = Vec::new();
    let too_short = || args.arg_error(2, b"data string too short");
    while let Some(opt) = fmt.next_option() {
        let mut size = option_size(opt, &mut fmt)?;
        pos = pos.wrapping_add(padding(pos, &h, opt, size));
        if !(size <= ld && pos <= ld - size) {
            return too_short();
        }
        if stack_full(args.len() + results.len(), 2) {
            return error("stack overflow (too many results)");
        }
        match opt {
            _ if is_integer_option(opt) => {
                let signed = opt.is_ascii_lowercase();
                let n = get_integer(&data[pos..pos + size], h.endian, signed, size);
                results.push(Value::Number(n));
            }
            b'x' => {}
            b'f' => {
                let bytes = ordered(data[pos..pos + 4].to_vec(), h.endian);
                let f = f32::from_le_bytes(bytes.try_into().unwrap_or_default());
                results.push(Value::Number(f as f64));
            }
            b'd' => {
                let bytes = ordered(data[pos..pos + 8].to_vec(), h.endian);
                let d = f64::from_le_bytes(bytes.try_into().unwrap_or_default());
                results.push(Value::Number(d));
            }
            b'c' => {
                if size == 0 {
                    let previous = match results.last() {
                        Some(v) => to_number(lua, Some(v))?,
                        None => None,
                    };
                    let Some(n) = previous else {
                        return error("format 'c0' needs a previous size");
                    };
                    size = c_f64_to_u64(n) as usize;
                    results.pop();
                    if !(size <= ld && pos <= ld - size) {
                        return too_short();
                    }
                }
                results.push(Value::String(lua.create_string(&data[pos..pos + size])?));
            }
            b's' => {
                let Some(len) = data[pos..].iter().position(|&b| b == 0) else {
                    return error("unfinished string in data");
                };
                size = len + 1;
                results.push(Value::String(lua.create_string(&data[pos..pos + len])?));
            }
            _ => control_option(&args, opt, &mut fmt, &mut h)?,
        }
        pos = pos.wrapping_add(size);
    }
    results.push(Value::Number(pos.wrapping_add(1) as i64 as f64));
    Ok(MultiValue::from_vec(results))
}

/// `struct.size(fmt)`: the size of the packed data (formats of fixed size only).
fn size(_: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let mut fmt = Format::new(args.check_lstring(1)?);
    let mut h = Header::new();
    let mut pos: usize = 0;
    while let Some(opt) = fmt.next_option() {
        let size = option_size(opt, &mut fmt)?;
        pos = pos.wrapping_add(padding(pos, &h, opt, size));
        if opt == b's' {
            return args.arg_error(1, b"option 's' has no fixed size");
        } else if opt == b'c' && size == 0 {
            return args.arg_error(1, b"option 'c0' has no fixed size");
        }
        if !opt.is_ascii_alphanumeric() {
            control_option(&args, opt, &mut fmt, &mut h)?;
        }
        pos = pos.wrapping_add(size);
    }
    Ok(MultiValue::from_vec(vec![Value::Number(pos as i64 as f64)]))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run_cases;

    #[test]
    fn struct_matches_redis() {
        run_cases(CASES);
    }

    // BEGIN GENERATED CASES (redis-server 7.0.15)
    const CASES: &[(&str, &[u8])] = &[
        (r#"return hex(struct.pack("b", 1) .. struct.pack("b", -1) .. struct.pack("B", 255) .. struct.pack("B", 256) .. struct.pack("b", 200))"#, b"01ffff00c8"),
        (r#"return hex(struct.pack("h", 0x1234) .. struct.pack(">h", 0x1234) .. struct.pack("<H", 65535) .. struct.pack(">H", -2))"#, b"34121234fffffffe"),
        (r#"return hex(struct.pack("l", 1) .. struct.pack(">l", -2) .. struct.pack("L", 2^63) .. struct.pack(">L", 2^53 + 1))"#, b"0100000000000000fffffffffffffffe00000000000000800020000000000000"),
        (r#"return hex(struct.pack("i", 1) .. struct.pack(">i", -1) .. struct.pack("I", 2^32 + 7) .. struct.pack(">I3", 0x123456) .. struct.pack("<i3", -2))"#, b"01000000ffffffff07000000123456feffff"),
        (r#"return hex(struct.pack(">i16", -1)) .. " " .. hex(struct.pack("<I12", 2^40)) .. " " .. hex(struct.pack("i1i2i5i7", 1, 2, 3, 4)) .. " " .. hex(struct.pack(">i0i", 5, 6))"#, b"0000000000000000ffffffffffffffff 000000000001000000000000 010200030000000004000000000000 00000006"),
        (r#"return hex(struct.pack("T", 12345) .. struct.pack(">T", 1))"#, b"39300000000000000000000000000001"),
        (r#"return hex(struct.pack(">L", 2^64)) .. " " .. hex(struct.pack(">L", 1e30)) .. " " .. hex(struct.pack(">l", -1e30)) .. " " .. hex(struct.pack(">L", 0/0)) .. " " .. hex(struct.pack(">L", 1/0)) .. " " .. hex(struct.pack(">l", -1/0))"#, b"0000000000000000 0000000000000000 8000000000000000 8000000000000000 0000000000000000 8000000000000000"),
        (r#"return hex(struct.pack(">L", -0.5)) .. " " .. hex(struct.pack(">L", 2.9)) .. " " .. hex(struct.pack(">l", -2.9)) .. " " .. hex(struct.pack(">L", 2^63 + 2^12)) .. " " .. hex(struct.pack(">L", "12")) .. " " .. hex(struct.pack(">L", " 0x10 "))"#, b"0000000000000000 0000000000000002 fffffffffffffffe 8000000000001000 000000000000000c 0000000000000010"),
        (r#"return hex(struct.pack("f", 1.5) .. struct.pack(">f", 1.5) .. struct.pack("<f", 0.1) .. struct.pack(">f", 1e40) .. struct.pack(">f", -1/0))"#, b"0000c03f3fc00000cdcccc3d7f800000ff800000"),
        (r#"return hex(struct.pack("d", 1.5) .. struct.pack(">d", 0.1) .. struct.pack(">d", -0.0) .. struct.pack(">d", 1/0))"#, b"000000000000f83f3fb999999999999a8000000000000000fff0000000000000"),
        (r#"return hex(struct.pack("c", "abc")) .. " " .. hex(struct.pack("c2", "abc")) .. " " .. hex(struct.pack("c0", "abc")) .. " " .. hex(struct.pack("c3", "abc")) .. " " .. hex(struct.pack("c0c1", "", "x"))"#, b"61 6162 616263 616263 78"),
        (r#"return hex(struct.pack("s", "abc")) .. " " .. hex(struct.pack("ss", "", "a\0b")) .. " " .. hex(struct.pack("c0", 12)) .. " " .. hex(struct.pack("s", 1.5))"#, b"61626300 0061006200 3132 312e3500"),
        (r#"return hex(struct.pack("x")) .. " " .. hex(struct.pack("xxbx", 1)) .. " " .. hex(struct.pack("  b  b ", 1, 2)) .. " " .. hex(struct.pack(""))"#, b"00 00000100 0102 "),
        (r#"return hex(struct.pack("!bi", 1, 2)) .. " " .. hex(struct.pack("!4bd", 1, 2)) .. " " .. hex(struct.pack("!8bd", 1, 2)) .. " " .. hex(struct.pack("!2bi", 1, 2)) .. " " .. hex(struct.pack("!bh", 1, 2))"#, b"0100000002000000 010000000000000000000040 01000000000000000000000000000040 010002000000 01000200"),
        (r#"return hex(struct.pack("!8bi3", 1, 2)) .. " " .. hex(struct.pack("!8bbbi3", 1, 2, 3, 4)) .. " " .. hex(struct.pack("!8bc3d", 1, "abc", 2)) .. " " .. hex(struct.pack("!bxl", 1, 2)) .. " " .. hex(struct.pack("!8bs", 1, "ab"))"#, b"010000020000 010203040000 01616263000000000000000000000040 01000000000000000200000000000000 01616200"),
        (r#"return hex(struct.pack("!1bi", 1, 2)) .. " " .. hex(struct.pack("bi!4bi", 1, 2, 3, 4)) .. " " .. hex(struct.pack("!16bd", 1, 2)) .. " " .. hex(struct.pack("!8bf", 1, 2)) .. " " .. hex(struct.pack("!8bT", 1, 2))"#, b"0102000000 010200000003000004000000 01000000000000000000000000000040 0100000000000040 01000000000000000200000000000000"),
        (r#"return hex(struct.pack(">b<h>h", 1, 2, 3)) .. " " .. hex(struct.pack("b\0ignored", 1, 2))"#, b"0102000003 01"),
        (r#"return P(function() return struct.pack("i") end)"#, b"2:false \"user_script:1: bad argument #2 to 'pack' (number expected, got nil)\""),
        (r#"return P(function() return struct.pack("ii", 1) end)"#, b"2:false \"user_script:1: bad argument #3 to 'pack' (number expected, got nil)\""),
        (r#"return P(function() return struct.pack("i", "x") end)"#, b"2:false \"user_script:1: bad argument #2 to 'pack' (number expected, got string)\""),
        (r#"return P(function() return struct.pack("i", {}) end)"#, b"2:false \"user_script:1: bad argument #2 to 'pack' (number expected, got table)\""),
        (r#"return P(function() return struct.pack("c") end)"#, b"2:false \"user_script:1: bad argument #2 to 'pack' (string expected, got nil)\""),
        (r#"return P(function() return struct.pack("s", nil) end)"#, b"2:false \"user_script:1: bad argument #2 to 'pack' (string expected, got nil)\""),
        (r#"return P(function() return struct.pack("s", true) end)"#, b"2:false \"user_script:1: bad argument #2 to 'pack' (string expected, got boolean)\""),
        (r#"return P(function() return struct.pack("bc5", 1, "ab") end)"#, b"2:false \"user_script:1: bad argument #4 to 'pack' (string too short)\""),
        (r#"return P(function() return struct.pack("c2", "a") end)"#, b"2:false \"user_script:1: bad argument #3 to 'pack' (string too short)\""),
        (r#"return P(function() return struct.pack("z", 1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (invalid format option 'z')\""),
        (r#"return P(function() return struct.pack("5", 1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (invalid format option '5')\""),
        (r#"return P(function() return struct.pack("b?", 1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (invalid format option '?')\""),
        (r#"return P(function() return struct.pack("\200") end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (invalid format option '\xc8')\""),
        (r#"return P(function() return struct.pack("i33", 1) end)"#, b"2:false \"user_script:1: integral size 33 is larger than limit of 32\""),
        (r#"return P(function() return struct.pack("i99999999999", 1) end)"#, b"2:false \"user_script:1: integral size overflow\""),
        (r#"return P(function() return struct.pack("c2147483648", 1) end)"#, b"2:false \"user_script:1: integral size overflow\""),
        (r#"return P(function() return struct.pack("!3b", 1) end)"#, b"2:false \"user_script:1: alignment 3 is not a power of 2\""),
        (r#"return P(function() return struct.pack("!0b", 1) end)"#, b"2:false \"user_script:1: alignment 0 is not a power of 2\""),
        (r#"return P(function() return struct.pack() end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (string expected, got no value)\""),
        (r#"return P(function() return struct.pack(nil, 1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (string expected, got nil)\""),
        (r#"return P(function() return struct.pack({}, 1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (string expected, got table)\""),
        (r#"return P(function() return struct.pack(12, 1, 2) end)"#, b"2:false \"user_script:1: bad argument #1 to 'pack' (invalid format option '1')\""),
        (r#"return S(struct.unpack("b", "\255")) .. " " .. S(struct.unpack("B", "\255")) .. " " .. S(struct.unpack("bB", "\128\128")) .. " " .. S(struct.unpack("b", "abc", 2))"#, b"2:-1 2 2:255 2 3:-128 128 3 2:98 3"),
        (r#"return S(struct.unpack("h", "\1\2")) .. " " .. S(struct.unpack(">h", "\255\254")) .. " " .. S(struct.unpack("<H", "\255\255")) .. " " .. S(struct.unpack(">i3", "\255\255\254")) .. " " .. S(struct.unpack("<I3", "\1\2\3"))"#, b"2:513 3 2:-2 3 2:65535 3 2:-2 4 2:197121 4"),
        (r#"return S(struct.unpack(">l", "\255\255\255\255\255\255\255\255")) .. " " .. S(struct.unpack(">L", "\255\255\255\255\255\255\255\255")) .. " " .. S(struct.unpack(">L", "\128\0\0\0\0\0\0\1")) .. " " .. S(struct.unpack("<T", "\1\0\0\0\0\0\0\0"))"#, b"2:-1 9 2:1.8446744073709552e+19 9 2:9.2233720368547758e+18 9 2:1 9"),
        (r#"return S(struct.unpack(">i16", string.rep("\255", 16))) .. " " .. S(struct.unpack(">I16", string.rep("\1", 16))) .. " " .. S(struct.unpack(">i12", string.rep("\0", 4) .. "\128" .. string.rep("\0", 7))) .. " " .. S(struct.unpack("<i9", "\1\0\0\0\0\0\0\0\255"))"#, b"2:-1 17 2:72340172838076672 17 2:-2147483648 13 2:1 10"),
        (r#"return S(struct.unpack(">i0", "")) .. " " .. S(struct.unpack("i0b", "\5")) .. " " .. S(struct.unpack("<i10", "\255\255\255\255\255\255\255\127\0\0")) .. " " .. S(struct.unpack(">i10", "\0\0\255\255\255\255\255\255\255\255"))"#, b"2:0 1 3:0 5 2 2:-1 11 2:-1 11"),
        (r#"return S(struct.unpack("f", struct.pack("f", 1.5))) .. " " .. S(struct.unpack(">f", struct.pack(">f", 0.1))) .. " " .. S(struct.unpack(">d", struct.pack(">d", 0.1))) .. " " .. S(struct.unpack("<d", struct.pack("<d", -1/0)))"#, b"2:1.5 5 2:0.10000000149011612 5 2:0.10000000000000001 9 2:-inf 9"),
        (r#"return S(struct.unpack("c", "abc")) .. " " .. S(struct.unpack("c2", "abc")) .. " " .. S(struct.unpack("bc0", "\2abc")) .. " " .. S(struct.unpack("c1c0", "3abcd")) .. " " .. S(struct.unpack("c3", "abc", 1))"#, b"2:\"a\" 2 2:\"ab\" 3 2:\"ab\" 4 2:\"abc\" 5 2:\"abc\" 4"),
        (r#"return S(struct.unpack("s", "abc\0def")) .. " " .. S(struct.unpack("ss", "a\0\0")) .. " " .. S(struct.unpack("sb", "x\0\7")) .. " " .. S(struct.unpack("s", "abc\0", 3))"#, b"2:\"abc\" 5 3:\"a\" \"\" 4 3:\"x\" 7 4 2:\"c\" 5"),
        (r#"return S(struct.unpack("x", "a")) .. " " .. S(struct.unpack("xb", "ab")) .. " " .. S(struct.unpack("", "")) .. " " .. S(struct.unpack("", "abc", 10)) .. " " .. S(struct.unpack(" b ", "\1"))"#, b"1:2 2:98 3 1:1 1:10 2:1 2"),
        (r#"return S(struct.unpack("!bi", "\1\0\0\0\2\0\0\0")) .. " " .. S(struct.unpack("!bd", "\1" .. string.rep("\0", 7) .. struct.pack("d", 3))) .. " " .. S(struct.unpack("!4bd", "\1\0\0\0" .. struct.pack("d", 3))) .. " " .. S(struct.unpack("!b i", "\1\0\0\0\2\0\0\0", 1))"#, b"3:1 2 9 3:1 3 17 3:1 3 13 3:1 2 9"),
        (r#"return P(function() return struct.unpack("!i", "\0\0\0\0\0\0\0\0\7\0\0\0", 2) end)"#, b"3:true 0 9"),
        (r#"return S(struct.unpack("!i", "\0\0\0\0\0\0\0\0\7\0\0\0", 5)) .. " " .. S(struct.unpack("!8bi3", "\1\0\0\2\0\0")) .. " " .. S(struct.unpack("bbb", "abcd", 2.9))"#, b"2:0 9 3:1 2 7 4:98 99 100 5"),
        (r#"return P(function() return struct.unpack("b", "", -1) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return S(struct.unpack("", "", -1)) .. " " .. S(struct.unpack("", "", -5))"#, b"1:-1 1:-5"),
        (r#"return P(function() return struct.unpack("b", "") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("i", "abc") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("b", "a", 0) end)"#, b"2:false \"user_script:1: bad argument #3 to 'unpack' (offset must be 1 or greater)\""),
        (r#"return P(function() return struct.unpack("b", "a", -1) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("b", "a", 3) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("b", "a", "x") end)"#, b"2:false \"user_script:1: bad argument #3 to 'unpack' (number expected, got string)\""),
        (r#"return P(function() return struct.unpack("c0", "abc") end)"#, b"2:false \"user_script:1: format 'c0' needs a previous size\""),
        (r#"return P(function() return struct.unpack("bc0", "\5abc") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("c1c0", "xabc") end)"#, b"2:false \"user_script:1: format 'c0' needs a previous size\""),
        (r#"return P(function() return struct.unpack("bc0", "\255abc") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("s", "abc") end)"#, b"2:false \"user_script:1: unfinished string in data\""),
        (r#"return P(function() return struct.unpack("z", "abc") end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack' (invalid format option 'z')\""),
        (r#"return P(function() return struct.unpack("z", "abc", 5) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (data string too short)\""),
        (r#"return P(function() return struct.unpack("!3", "abc") end)"#, b"2:false \"user_script:1: alignment 3 is not a power of 2\""),
        (r#"return P(function() return struct.unpack("i40", "abc") end)"#, b"2:false \"user_script:1: integral size 40 is larger than limit of 32\""),
        (r#"return P(function() return struct.unpack("b") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (string expected, got no value)\""),
        (r#"return P(function() return struct.unpack(nil, "a") end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack' (string expected, got nil)\""),
        (r#"return P(function() return struct.unpack("b", {}) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack' (string expected, got table)\""),
        (r#"return S(select('#', struct.unpack(string.rep("b", 7990), string.rep("a", 7990)))) .. " " .. S(select('#', struct.unpack(string.rep("b", 7996), string.rep("a", 7996))))"#, b"1:7991 1:7997"),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7997), string.rep("a", 7997))) end)"##, b"2:true 7998"),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7998), string.rep("a", 7998))) end)"##, b"2:false \"user_script:1: stack overflow (too many results)\""),
        (r##"return P(function() return select("#", struct.unpack("   " .. string.rep("b", 7998), string.rep("a", 7998))) end)"##, b"2:false \"user_script:1: stack overflow (too many results)\""),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7995) .. "c0", string.rep("\1", 7998))) end)"##, b"2:true 7996"),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7996), string.rep("a", 7996), 1)) end)"##, b"2:true 7997"),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7997), string.rep("a", 7997), 1)) end)"##, b"2:false \"user_script:1: stack overflow (too many results)\""),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7995), string.rep("a", 7997), 1, 2)) end)"##, b"2:true 7996"),
        (r##"return P(function() return select("#", struct.unpack(string.rep("b", 7994), string.rep("a", 7997), 1, 2)) end)"##, b"2:true 7995"),
        (r#"return S(struct.size("")) .. " " .. S(struct.size("bhilfdTx")) .. " " .. S(struct.size("!bhilfdTx")) .. " " .. S(struct.size("!4bd")) .. " " .. S(struct.size("c10i7")) .. " " .. S(struct.size("zq5")) .. " " .. S(struct.size("> < !2 b h"))"#, b"1:0 1:36 1:41 1:12 1:17 1:0 1:4"),
        (r#"return P(function() return struct.size("s") end)"#, b"2:false \"user_script:1: bad argument #1 to 'size' (option 's' has no fixed size)\""),
        (r#"return P(function() return struct.size("bc0") end)"#, b"2:false \"user_script:1: bad argument #1 to 'size' (option 'c0' has no fixed size)\""),
        (r#"return P(function() return struct.size("b?") end)"#, b"2:false \"user_script:1: bad argument #1 to 'size' (invalid format option '?')\""),
        (r#"return P(function() return struct.size("!6") end)"#, b"2:false \"user_script:1: alignment 6 is not a power of 2\""),
        (r#"return P(function() return struct.size("i33") end)"#, b"2:false \"user_script:1: integral size 33 is larger than limit of 32\""),
        (r#"return P(function() return struct.size() end)"#, b"2:false \"user_script:1: bad argument #1 to 'size' (string expected, got no value)\""),
        (r#"return P(function() return struct.size(5) end)"#, b"2:true 0"),
        (r#"return P(struct.size, "b", "extra")"#, b"2:true 1"),
        (r#"return S(type(struct), struct._VERSION, struct._NAME)"#, b"3:\"table\" nil nil"),
        (r#"return S(struct.unpack("b", "\1", 1.9)) .. " " .. S(struct.unpack("b", "\1", "1")) .. " " .. S(struct.unpack("b", "\1\2", nil)) .. " " .. S(struct.unpack("i", "\1\2\3\4", "0x1"))"#, b"2:1 2 2:1 2 2:1 2 2:67305985 5"),
        (r#"return P(function() return struct.unpack("c0", "abc") end)"#, b"2:false \"user_script:1: format 'c0' needs a previous size\""),
        (r#"return P(function() return struct.unpack("bc0", "\0abc") end)"#, b"3:true \"\" 2"),
        (r#"return S(struct.unpack("bc0", "\0abc")) .. " " .. S(struct.unpack("bc0b", "\1a\2")) .. " " .. S(struct.unpack("c1c0", "2ab")) .. " " .. S(struct.unpack("c3c0", "0x2ab"))"#, b"2:\"\" 2 3:\"a\" 2 4 2:\"ab\" 4 2:\"ab\" 6"),
        (r#"return hex(struct.pack("bhbibl", 1, 2, 3, 4, 5, 6)) .. " " .. hex(struct.pack("!bhbibl", 1, 2, 3, 4, 5, 6)) .. " " .. hex(struct.pack("!4bhbibl", 1, 2, 3, 4, 5, 6)) .. " " .. S(struct.unpack("!bhbibl", struct.pack("!bhbibl", 1, 2, 3, 4, 5, 6)))"#, b"0102000304000000050600000000000000 010002000300000004000000050000000600000000000000 010002000300000004000000050000000600000000000000 7:1 2 3 4 5 6 25"),
        (r#"return P(function() return struct.pack("b", 1, 2, 3) end)"#, b"2:true \"\x01\""),
        (r#"return P(function() local s = struct return s:pack(1) end)"#, b"2:false \"user_script:1: calling 'pack' on bad self (string expected, got table)\""),
        (r#"return P(function() local s = struct return s.pack("d", 1/0, "x") end)"#, b"2:true \"\\000\\000\\000\\000\\000\\000\xf0\x7f\""),
    ];
    // END GENERATED CASES
}
