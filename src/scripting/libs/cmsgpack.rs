//! `cmsgpack`: lua-cmsgpack 0.4.0 as Redis bundles it (`lua_cmsgpack.c`).
//!
//! Packing: integral numbers (those a C cast to int64 keeps) take the smallest integer
//! encoding, other numbers a float 32 when the float keeps them exactly, else a float 64;
//! strings are str (fixstr, str 8/16/32); a table whose keys are exactly 1..n is an array, any
//! other table a map (keys in `next` order); tables nested 16 deep and values of other types
//! (nil, functions, userdata, threads) are nil. Unpacking knows nil, booleans, all integers
//! (uint 64 past 2^63 comes back negative, as a C `lua_pushinteger` of it does), floats, str and
//! containers; anything else (bin, ext) is bad data.

use super::{
    c_f64_to_i32, c_f64_to_i64, error, functions_table, lib_function, stack_full, Args, LibResult,
    Raise, ValueStack,
};
use mlua::{Lua, MultiValue, Table, Value};

/// Tables nested deeper than this are packed as nil (circular references end there).
const MAX_NESTING: usize = 16;

pub(crate) fn module(lua: &Lua) -> mlua::Result<Table> {
    let t = functions_table(
        lua,
        vec![
            ("pack", lib_function(lua, pack)?),
            ("unpack", lib_function(lua, unpack)?),
            ("unpack_one", lib_function(lua, unpack_one)?),
            ("unpack_limit", lib_function(lua, unpack_limit)?),
        ],
    )?;
    t.raw_set("_NAME", "cmsgpack")?;
    t.raw_set("_VERSION", "lua-cmsgpack 0.4.0")?;
    t.raw_set("_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo")?;
    t.raw_set("_DESCRIPTION", "MessagePack C implementation for Lua")?;
    Ok(t)
}

// ----------------------------------------------------------------------------------------
// Packing

/// `cmsgpack.pack(v1, v2, ...)`: the values packed one after the other.
fn pack(lua: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let nargs = args.len();
    if nargs == 0 {
        return args.arg_error(0, b"MessagePack pack needs input.");
    }
    if stack_full(nargs, nargs) {
        return args.arg_error(0, b"Too many arguments for MessagePack pack.");
    }
    let mut out = Vec::new();
    for (i, v) in args.vals.iter().enumerate() {
        // The C stack holds the arguments, the results so far and the value.
        encode(&mut out, v, 0, nargs + i + 1)?;
    }
    Ok(MultiValue::from_vec(vec![Value::String(
        lua.create_string(&out)?,
    )]))
}

/// `mp_encode_lua_type`: `top` is the C function's stack size with the value on top.
fn encode(out: &mut Vec<u8>, v: &Value, level: usize, top: usize) -> LibResult<()> {
    match v {
        Value::Table(_) if level == MAX_NESTING => out.push(0xc0),
        Value::String(s) => encode_bytes(out, &s.as_bytes()),
        Value::Boolean(b) => out.push(if *b { 0xc3 } else { 0xc2 }),
        Value::Integer(i) => encode_number(out, *i as f64),
        Value::Number(n) => encode_number(out, *n),
        Value::Table(t) => {
            if is_array(t, top)? {
                if stack_full(top, 1) {
                    return error("stack overflow (in function mp_encode_lua_table_as_array)");
                }
                let len = t.raw_len();
                encode_header(out, len, 0x90, 0xdc, 0xdd);
                for j in 1..=len {
                    let item: Value = t.raw_get(j)?;
                    encode(out, &item, level + 1, top + 1)?;
                }
            } else {
                if stack_full(top, 3) {
                    return error("stack overflow (in function mp_encode_lua_table_as_map)");
                }
                // Counted first, as the C code does (the walks see the same order).
                let mut len = 0;
                for pair in t.pairs::<Value, Value>() {
                    pair?;
                    len += 1;
                }
                encode_header(out, len, 0x80, 0xde, 0xdf);
                for pair in t.pairs::<Value, Value>() {
                    let (k, item) = pair?;
                    encode(out, &k, level + 1, top + 3)?;
                    encode(out, &item, level + 1, top + 2)?;
                }
            }
        }
        _ => out.push(0xc0),
    }
    Ok(())
}

/// `table_is_an_array`: every key a number n > 0 that `(int)n` keeps, and as many keys as the
/// largest one.
fn is_array(t: &Table, top: usize) -> LibResult<bool> {
    if stack_full(top, 2) {
        return error("stack overflow (in function table_is_an_array)");
    }
    let mut count: i32 = 0;
    let mut max: i32 = 0;
    for pair in t.pairs::<Value, Value>() {
        let n = match pair?.0 {
            Value::Integer(i) => i as f64,
            Value::Number(n) => n,
            _ => return Ok(false),
        };
        if n <= 0.0 || c_f64_to_i32(n) as f64 != n {
            return Ok(false);
        }
        if n > max as f64 {
            max = n as i32;
        }
        count = count.wrapping_add(1);
    }
    Ok(max == count)
}

/// `mp_encode_lua_number`: an integer when the value is one, else a float.
fn encode_number(out: &mut Vec<u8>, n: f64) {
    let i = c_f64_to_i64(n);
    if !n.is_infinite() && i as f64 == n {
        encode_int(out, i);
    } else {
        let f = n as f32;
        if f as f64 == n {
            out.push(0xca);
            out.extend_from_slice(&f.to_be_bytes());
        } else {
            out.push(0xcb);
            out.extend_from_slice(&n.to_be_bytes());
        }
    }
}

/// `mp_encode_int`: the smallest encoding of `n`.
fn encode_int(out: &mut Vec<u8>, n: i64) {
    if n >= 0 {
        if n <= 127 {
            out.push(n as u8);
        } else if n <= 0xff {
            out.extend_from_slice(&[0xcc, n as u8]);
        } else if n <= 0xffff {
            out.push(0xcd);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        } else if n <= 0xffff_ffff {
            out.push(0xce);
            out.extend_from_slice(&(n as u32).to_be_bytes());
        } else {
            out.push(0xcf);
            out.extend_from_slice(&(n as u64).to_be_bytes());
        }
    } else if n >= -32 {
        out.push(n as i8 as u8);
    } else if n >= -128 {
        out.extend_from_slice(&[0xd0, n as i8 as u8]);
    } else if n >= -32768 {
        out.push(0xd1);
        out.extend_from_slice(&(n as i16).to_be_bytes());
    } else if n >= -2_147_483_648 {
        out.push(0xd2);
        out.extend_from_slice(&(n as i32).to_be_bytes());
    } else {
        out.push(0xd3);
        out.extend_from_slice(&n.to_be_bytes());
    }
}

/// `mp_encode_bytes`: a str header and the bytes.
fn encode_bytes(out: &mut Vec<u8>, s: &[u8]) {
    let len = s.len();
    if len < 32 {
        out.push(0xa0 | len as u8);
    } else if len <= 0xff {
        out.extend_from_slice(&[0xd9, len as u8]);
    } else if len <= 0xffff {
        out.push(0xda);
        out.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        out.push(0xdb);
        out.extend_from_slice(&(len as u32).to_be_bytes());
    }
    out.extend_from_slice(s);
}

/// An array or map header: the fix form up to 15 entries, then 16 and 32 bits.
fn encode_header(out: &mut Vec<u8>, n: usize, fix: u8, b16: u8, b32: u8) {
    if n <= 15 {
        out.push(fix | n as u8);
    } else if n <= 0xffff {
        out.push(b16);
        out.extend_from_slice(&(n as u16).to_be_bytes());
    } else {
        out.push(b32);
        out.extend_from_slice(&(n as u32).to_be_bytes());
    }
}

// ----------------------------------------------------------------------------------------
// Unpacking

/// `cmsgpack.unpack(s)`: all the values of `s`.
fn unpack(lua: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    // The arguments stay on the C stack below the results.
    let top = args.len();
    unpack_full(lua, &args, 0, 0, top)
}

/// `cmsgpack.unpack_one(s [, offset])`: the offset after the value (-1 at the end), the value.
fn unpack_one(lua: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let offset = args.opt_integer(2, 0)?;
    unpack_full(lua, &args, 1, offset, 1)
}

/// `cmsgpack.unpack_limit(s, limit [, offset])`: the offset after the values (-1 at the end),
/// up to `limit` values.
fn unpack_limit(lua: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let limit = args.check_integer(2)?;
    let offset = args.opt_integer(3, 0)?;
    unpack_full(lua, &args, limit, offset, 1)
}

/// Why decoding stopped short, as the C cursor's error.
enum Short {
    /// Not enough data.
    Eof,
    /// A byte no type starts with.
    BadFormat,
}

/// `mp_unpack_full`: limit and offset 0 decode everything and return no offset.
fn unpack_full(
    lua: &Lua,
    args: &Args<'_>,
    limit: i64,
    offset: i64,
    mut top: usize,
) -> LibResult<MultiValue> {
    let s = args.check_lstring(1)?;
    let len = s.len();
    let decode_all = limit == 0 && offset == 0;
    if offset < 0 || limit < 0 {
        return error(format!(
            "Invalid request to unpack with offset of {} and limit of {}.",
            offset as i32, len as i32
        ));
    } else if offset as u64 > len as u64 {
        return error(format!(
            "Start offset {} greater than input length {}.",
            offset as i32, len as i32
        ));
    }
    let limit = if decode_all { i32::MAX as i64 } else { limit };
    let mut cur = Cursor {
        data: &s,
        pos: offset as usize,
    };
    let mut results = Vec::new();
    let mut count: i64 = 0;
    while cur.left() > 0 && count < limit {
        match decode(lua, &mut cur, &mut top)? {
            Ok(v) => results.push(v),
            Err(Short::Eof) => return error("Missing bytes in input."),
            Err(Short::BadFormat) => return error("Bad data format in input."),
        }
        count += 1;
    }
    if !decode_all {
        if stack_full(top, 1) {
            return error("stack overflow (in function mp_unpack_full)");
        }
        let next = if cur.left() == 0 { -1 } else { cur.pos as i64 };
        results.insert(0, Value::Number(next as f64));
    }
    Ok(MultiValue::from_vec(results))
}

struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn left(&self) -> usize {
        self.data.len() - self.pos
    }

    /// The `n` bytes at the cursor (consumed), if there are that many.
    fn take(&mut self, n: usize) -> Result<&'a [u8], Short> {
        if self.left() < n {
            return Err(Short::Eof);
        }
        let bytes = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    /// A big-endian length of `n` bytes after the type byte (both consumed).
    fn length(&mut self, n: usize) -> Result<usize, Short> {
        let bytes = self.take(1 + n)?;
        Ok(bytes[1..]
            .iter()
            .fold(0usize, |l, &b| (l << 8) | b as usize))
    }
}

/// A container being filled: the C code holds it (and the pending index or key) on the
/// Lua stack while it decodes the items; here the table (and a map's pending key) are on the
/// value stack.
enum Open {
    Array { left: usize, index: i64 },
    Map { left: usize, has_key: bool },
}

impl Open {
    /// Its entries on the value stack: the table, and a map's key.
    fn entries(&self) -> usize {
        match self {
            Open::Array { .. } => 1,
            Open::Map { .. } => 2,
        }
    }
}

/// What the type byte starts.
enum Item {
    Value(Value),
    Array(usize),
    Map(usize),
}

/// `mp_decode_to_lua_type` for one value, containers walked with an explicit stack. `top`
/// counts the C stack: +1 for the value decoded.
fn decode(lua: &Lua, cur: &mut Cursor<'_>, top: &mut usize) -> LibResult<Result<Value, Short>> {
    let mut open: Vec<Open> = Vec::new();
    let mut values = ValueStack::new();
    loop {
        if cur.left() < 1 {
            return Ok(Err(Short::Eof));
        }
        if stack_full(*top, 1) {
            return error(
                "stack overflow (too many return values at once; \
                 use unpack_one or unpack_limit instead.)",
            );
        }
        let item = match decode_item(lua, cur)? {
            Ok(item) => item,
            Err(short) => return Ok(Err(short)),
        };
        *top += 1;
        let mut value = match item {
            Item::Value(v) => v,
            Item::Array(len) => {
                let t = Value::Table(lua.create_table()?);
                if stack_full(*top, 1) {
                    return error("stack overflow (in function mp_decode_to_lua_array)");
                }
                if len > 0 {
                    open.push(Open::Array {
                        left: len,
                        index: 1,
                    });
                    values.push(lua, t)?;
                    *top += 1; // the index
                    continue;
                }
                t
            }
            Item::Map(len) => {
                let t = Value::Table(lua.create_table()?);
                if len > 0 {
                    open.push(Open::Map {
                        left: len,
                        has_key: false,
                    });
                    values.push(lua, t)?;
                    values.push(lua, Value::Nil)?;
                    continue;
                }
                t
            }
        };
        // Store the value in the containers it completes.
        loop {
            match open.last_mut() {
                None => return Ok(Ok(value)),
                Some(Open::Array { left, index }) => {
                    let i = *index;
                    values.with(0, |t| match t {
                        Value::Table(t) => t.raw_set(i, value),
                        _ => Ok(()),
                    })??;
                    *top -= 2;
                    *index += 1;
                    *left -= 1;
                    if *left > 0 {
                        *top += 1; // the next index
                        break;
                    }
                }
                Some(Open::Map { left, has_key }) => {
                    if !*has_key {
                        *has_key = true;
                        values.set(0, value)?;
                        break;
                    }
                    *has_key = false;
                    let k = values.with(0, Value::clone)?;
                    values.set(0, Value::Nil)?;
                    match &k {
                        Value::Nil => return Err(Raise::Core("table index is nil")),
                        Value::Number(n) if n.is_nan() => {
                            return Err(Raise::Core("table index is NaN"))
                        }
                        _ => {}
                    }
                    values.with(1, |t| match t {
                        Value::Table(t) => t.raw_set(k, value),
                        _ => Ok(()),
                    })??;
                    *top -= 2;
                    *left -= 1;
                    if *left > 0 {
                        break;
                    }
                }
            }
            let Some(done) = open.pop() else {
                unreachable!("a container was open")
            };
            if done.entries() == 2 {
                values.pop()?;
            }
            value = values.pop()?;
        }
    }
}

/// The value (or container header) at the cursor.
fn decode_item(lua: &Lua, cur: &mut Cursor<'_>) -> LibResult<Result<Item, Short>> {
    let num = |n: f64| Ok(Ok(Item::Value(Value::Number(n))));
    let b = cur.data[cur.pos];
    macro_rules! take {
        ($n:expr) => {
            match cur.take($n) {
                Ok(bytes) => bytes,
                Err(short) => return Ok(Err(short)),
            }
        };
    }
    macro_rules! length {
        ($n:expr) => {
            match cur.length($n) {
                Ok(l) => l,
                Err(short) => return Ok(Err(short)),
            }
        };
    }
    let string = |bytes: &[u8]| -> LibResult<Result<Item, Short>> {
        Ok(Ok(Item::Value(Value::String(lua.create_string(bytes)?))))
    };
    match b {
        0xcc => num(take!(2)[1] as f64),
        0xd0 => num(take!(2)[1] as i8 as f64),
        0xcd => num(u16::from_be_bytes(array(&take!(3)[1..])) as f64),
        0xd1 => num(i16::from_be_bytes(array(&take!(3)[1..])) as f64),
        0xce => num(u32::from_be_bytes(array(&take!(5)[1..])) as f64),
        0xd2 => num(i32::from_be_bytes(array(&take!(5)[1..])) as f64),
        // `lua_pushinteger` of the uint64: past 2^63 it is negative.
        0xcf => num(u64::from_be_bytes(array(&take!(9)[1..])) as i64 as f64),
        0xd3 => num(i64::from_be_bytes(array(&take!(9)[1..])) as f64),
        0xc0 | 0xc2 | 0xc3 => {
            cur.pos += 1;
            let v = match b {
                0xc0 => Value::Nil,
                _ => Value::Boolean(b == 0xc3),
            };
            Ok(Ok(Item::Value(v)))
        }
        0xca => num(f32::from_be_bytes(array(&take!(5)[1..])) as f64),
        0xcb => num(f64::from_be_bytes(array(&take!(9)[1..]))),
        0xd9..=0xdb => {
            let l = length!(match b {
                0xd9 => 1,
                0xda => 2,
                _ => 4,
            });
            string(take!(l))
        }
        0xdc => Ok(Ok(Item::Array(length!(2)))),
        0xdd => Ok(Ok(Item::Array(length!(4)))),
        0xde => Ok(Ok(Item::Map(length!(2)))),
        0xdf => Ok(Ok(Item::Map(length!(4)))),
        _ if b & 0x80 == 0 => {
            cur.pos += 1;
            num(b as f64)
        }
        _ if b & 0xe0 == 0xe0 => {
            cur.pos += 1;
            num(b as i8 as f64)
        }
        _ if b & 0xe0 == 0xa0 => {
            let bytes = take!(1 + (b & 0x1f) as usize);
            string(&bytes[1..])
        }
        _ if b & 0xf0 == 0x90 => {
            cur.pos += 1;
            Ok(Ok(Item::Array((b & 0xf) as usize)))
        }
        _ if b & 0xf0 == 0x80 => {
            cur.pos += 1;
            Ok(Ok(Item::Map((b & 0xf) as usize)))
        }
        _ => Ok(Err(Short::BadFormat)),
    }
}

/// The bytes as a fixed-size array (the callers pass the right length).
fn array<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut a = [0; N];
    a.copy_from_slice(bytes);
    a
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run_cases;

    #[test]
    fn cmsgpack_matches_redis() {
        run_cases(CASES);
    }

    // BEGIN GENERATED CASES (redis-server 7.0.15)
    const CASES: &[(&str, &[u8])] = &[
        (r#"return hex(cmsgpack.pack(0) .. cmsgpack.pack(1) .. cmsgpack.pack(127) .. cmsgpack.pack(128) .. cmsgpack.pack(255) .. cmsgpack.pack(256) .. cmsgpack.pack(65535) .. cmsgpack.pack(65536))"#, b"00017fcc80ccffcd0100cdffffce00010000"),
        (r#"return hex(cmsgpack.pack(2^32 - 1)) .. " " .. hex(cmsgpack.pack(2^32)) .. " " .. hex(cmsgpack.pack(2^53)) .. " " .. hex(cmsgpack.pack(2^63)) .. " " .. hex(cmsgpack.pack(2^64)) .. " " .. hex(cmsgpack.pack(2^62))"#, b"ceffffffff cf0000000100000000 cf0020000000000000 ca5f000000 ca5f800000 cf4000000000000000"),
        (r#"return hex(cmsgpack.pack(-1) .. cmsgpack.pack(-32) .. cmsgpack.pack(-33) .. cmsgpack.pack(-128) .. cmsgpack.pack(-129) .. cmsgpack.pack(-32768) .. cmsgpack.pack(-32769))"#, b"ffe0d0dfd080d1ff7fd18000d2ffff7fff"),
        (r#"return hex(cmsgpack.pack(-2^31)) .. " " .. hex(cmsgpack.pack(-2^31 - 1)) .. " " .. hex(cmsgpack.pack(-2^53)) .. " " .. hex(cmsgpack.pack(-2^63)) .. " " .. hex(cmsgpack.pack(-2^64))"#, b"d280000000 d3ffffffff7fffffff d3ffe0000000000000 d38000000000000000 cadf800000"),
        (r#"return hex(cmsgpack.pack(0.5)) .. " " .. hex(cmsgpack.pack(-1.5)) .. " " .. hex(cmsgpack.pack(0.1)) .. " " .. hex(cmsgpack.pack(1e300)) .. " " .. hex(cmsgpack.pack(3.4028234663852886e38)) .. " " .. hex(cmsgpack.pack(1e-45)) .. " " .. hex(cmsgpack.pack(2^-149))"#, b"ca3f000000 cabfc00000 cb3fb999999999999a cb7e37e43c8800759c ca7f7fffff cb3696d601ad376ab9 ca00000001"),
        (r#"return hex(cmsgpack.pack(1/0)) .. " " .. hex(cmsgpack.pack(-1/0)) .. " " .. hex(cmsgpack.pack(0/0)) .. " " .. hex(cmsgpack.pack(-(0/0))) .. " " .. hex(cmsgpack.pack(-0.0)) .. " " .. hex(cmsgpack.pack(2^63 + 2^11 * 3))"#, b"ca7f800000 caff800000 cbfff8000000000000 cb7ff8000000000000 00 cb43e0000000000003"),
        (r#"return hex(cmsgpack.pack("")) .. " " .. hex(cmsgpack.pack("a")) .. " " .. hex(cmsgpack.pack(string.rep("x", 31))) .. " " .. hex(cmsgpack.pack(string.rep("x", 32))) .. " " .. hex(cmsgpack.pack("a\0b"))"#, b"a0 a161 bf78787878787878787878787878787878787878787878787878787878787878 d9207878787878787878787878787878787878787878787878787878787878787878 a3610062"),
        (r#"return hex(string.sub(cmsgpack.pack(string.rep("x", 255)), 1, 4)) .. " " .. hex(string.sub(cmsgpack.pack(string.rep("x", 256)), 1, 4)) .. " " .. hex(string.sub(cmsgpack.pack(string.rep("x", 65535)), 1, 4)) .. " " .. hex(string.sub(cmsgpack.pack(string.rep("x", 65536)), 1, 6)) .. " " .. #cmsgpack.pack(string.rep("x", 65536))"#, b"d9ff7878 da010078 daffff78 db0001000078 65541"),
        (r#"return hex(cmsgpack.pack(true) .. cmsgpack.pack(false) .. cmsgpack.pack(nil) .. cmsgpack.pack(cjson.null) .. cmsgpack.pack(tostring) .. cmsgpack.pack(coroutine.create(function() end)))"#, b"c3c2c0c0c0c0"),
        (r#"return hex(cmsgpack.pack({})) .. " " .. hex(cmsgpack.pack({1, 2, 3})) .. " " .. hex(cmsgpack.pack({a = 1})) .. " " .. hex(cmsgpack.pack({[1] = 1, [3] = 3})) .. " " .. hex(cmsgpack.pack({[2] = 2})) .. " " .. hex(cmsgpack.pack({[1.5] = 1}))"#, b"90 93010203 81a16101 8201010303 810202 81ca3fc0000001"),
        (r#"return hex(cmsgpack.pack({[0] = 1})) .. " " .. hex(cmsgpack.pack({[-1] = 1})) .. " " .. hex(cmsgpack.pack({[2^31] = 1})) .. " " .. hex(cmsgpack.pack({[1] = "a", [2] = "b", x = true})) .. " " .. hex(cmsgpack.pack({[true] = 1})) .. " " .. hex(cmsgpack.pack({[{}] = {}}))"#, b"810001 81ff01 81ce8000000001 8301a16102a162a178c3 81c301 819090"),
        (r#"return hex(cmsgpack.pack({1, {2, {3, {}}}, {x = {y = {}}}})) .. " " .. hex(cmsgpack.pack({1, nil, 3})) .. " " .. hex(cmsgpack.pack({nil, nil, 3}))"#, b"9301920292039081a17881a17990 8201010303 810303"),
        (r#"return hex(cmsgpack.pack({1,2,3,4,5,6,7,8,9,10,11,12,13,14,15})) .. " " .. hex(cmsgpack.pack({1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16}))"#, b"9f0102030405060708090a0b0c0d0e0f dc00100102030405060708090a0b0c0d0e0f10"),
        (r#"return (function() local t = {} for i = 1, 65536 do t[i] = 0 end local s = cmsgpack.pack(t) return hex(string.sub(s, 1, 6)) .. " " .. #s end)()"#, b"dd0001000000 65541"),
        (r#"return (function() local t = {} for i = 1, 16 do t["k" .. i] = i end local s = cmsgpack.pack(t) return hex(string.sub(s, 1, 3)) .. " " .. #s end)()"#, b"de0010 74"),
        (r#"return (function() local t = {} for i = 1, 65536 do t[-i] = 0 end local s = cmsgpack.pack(t) return hex(string.sub(s, 1, 5)) .. " " .. #s end)()"#, b"df00010000 327525"),
        (r#"return (function() local t = {} t[1] = t return hex(cmsgpack.pack(t)) end)()"#, b"91919191919191919191919191919191c0"),
        (r#"return (function() local t = {} t.a = t return hex(cmsgpack.pack(t)) end)()"#, b"81a16181a16181a16181a16181a16181a16181a16181a16181a16181a16181a16181a16181a16181a16181a16181a161c0"),
        (r#"return (function() local t = {} t[t] = 1 return hex(cmsgpack.pack(t)) end)()"#, b"81818181818181818181818181818181c001010101010101010101010101010101"),
        (r#"return (function() local t = {} local c = t for i = 1, 20 do c[1] = {} c = c[1] end return hex(cmsgpack.pack(t)) .. " " .. hex(cmsgpack.pack({t})) end)()"#, b"91919191919191919191919191919191c0 91919191919191919191919191919191c0"),
        (r#"return hex(cmsgpack.pack(1, "a", {2}, nil, true))"#, b"01a1619102c0c3"),
        (r#"return hex(cmsgpack.pack("12")) .. " " .. hex(cmsgpack.pack(2^31)) .. " " .. hex(cmsgpack.pack(-2^31 + 0.5)) .. " " .. hex(cmsgpack.pack(4294967296.5))"#, b"a23132 ce80000000 cbc1dfffffffe00000 cb41f0000000080000"),
        (r#"return P(function() return cmsgpack.pack() end)"#, b"2:false \"user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.)\""),
        (r#"return P(cmsgpack.pack)"#, b"2:false \"bad argument #0 to '?' (MessagePack pack needs input.)\""),
        (r#"return P(function() local t = {} for i = 1, 4000 do t[i] = i end return #cmsgpack.pack(unpack(t)) end)"#, b"2:true 11618"),
        (r#"return P(function() local t = {} for i = 1, 4001 do t[i] = i end return #cmsgpack.pack(unpack(t)) end)"#, b"2:false \"user_script:1: bad argument #0 to 'pack' (Too many arguments for MessagePack pack.)\""),
        (r#"return P(function() local t = {} for i = 1, 4000 do t[i] = {} end return #cmsgpack.pack(unpack(t)) end)"#, b"2:false \"user_script:1: stack overflow (in function table_is_an_array)\""),
        (r#"return P(function() local t = {} for i = 1, 4000 do t[i] = i end t[4000] = {} return #cmsgpack.pack(unpack(t)) end)"#, b"2:false \"user_script:1: stack overflow (in function table_is_an_array)\""),
        (r#"return P(function() local t = {} for i = 1, 4000 do t[i] = i end t[3999] = {{1}} return #cmsgpack.pack(unpack(t)) end)"#, b"2:false \"user_script:1: stack overflow (in function table_is_an_array)\""),
        (r#"return P(function() local t = {} for i = 1, 4000 do t[i] = i end t[3998] = {a = {b = 1}} return #cmsgpack.pack(unpack(t)) end)"#, b"2:false \"user_script:1: stack overflow (in function mp_encode_lua_table_as_map)\""),
        (r#"return S(cmsgpack.unpack(cmsgpack.pack(0, 1, 127, 128, 255, 256, 65535, 65536, 2^32 - 1, 2^32, 2^53, -1, -32, -33, -128, -129, -32768, -32769, -2^31, -2^31 - 1, -2^53)))"#, b"21:0 1 127 128 255 256 65535 65536 4294967295 4294967296 9007199254740992 -1 -32 -33 -128 -129 -32768 -32769 -2147483648 -2147483649 -9007199254740992"),
        (r#"return S(cmsgpack.unpack("\207\255\255\255\255\255\255\255\255")) .. " " .. S(cmsgpack.unpack("\207\128\0\0\0\0\0\0\0")) .. " " .. S(cmsgpack.unpack("\211\128\0\0\0\0\0\0\0")) .. " " .. S(cmsgpack.unpack("\211\255\255\255\255\255\255\255\254"))"#, b"1:-1 1:-9.2233720368547758e+18 1:-9.2233720368547758e+18 1:-2"),
        (r#"return S(cmsgpack.unpack("\204\200\208\200\205\255\254\209\255\254\206\255\255\255\254\210\255\255\255\254"))"#, b"6:200 -56 65534 -2 4294967294 -2"),
        (r#"return S(cmsgpack.unpack(cmsgpack.pack(0.5, 0.1, 1e300, 1/0, -1/0, -0.0))) .. " " .. S(cmsgpack.unpack("\202\127\192\0\0"))"#, b"6:0.5 0.10000000000000001 1.0000000000000001e+300 inf -inf 0 1:nan"),
        (r#"return S(cmsgpack.unpack("\192\194\195")) .. " " .. S(cmsgpack.unpack("")) .. " " .. S(cmsgpack.unpack("\161a\217\1b\218\0\1c\219\0\0\0\1d\160"))"#, b"3:nil false true 0: 5:\"a\" \"b\" \"c\" \"d\" \"\""),
        (r#"return S(cmsgpack.unpack(cmsgpack.pack({1, 2, {3}}, {a = 1, b = {c = "d"}}, {}, {[1.5] = true})))"#, b"4:{1=1,2=2,3={1=3}} {\"a\"=1,\"b\"={\"c\"=\"d\"}} {} {1.5=true}"),
        (r#"return S(cmsgpack.unpack("\147\192\1\192")) .. " " .. S(cmsgpack.unpack("\130\1\192\2\195")) .. " " .. S(cmsgpack.unpack("\220\0\2\1\2\221\0\0\0\1\3\222\0\1\1\1\223\0\0\0\1\2\2"))"#, b"1:{2=1} 1:{2=true} 4:{1=1,2=2} {1=3} {1=1} {2=2}"),
        (r#"return S(cmsgpack.unpack("\129\146\1\2\3")) .. " " .. S(cmsgpack.unpack("\129\129\1\2\3"))"#, b"1:{{1=1,2=2}=3} 1:{{1=2}=3}"),
        (r#"return S(cmsgpack.unpack(5)) .. " " .. S(cmsgpack.unpack(-1)) .. " " .. S(cmsgpack.unpack("\1", "ignored", 3))"#, b"1:53 2:45 49 1:1"),
        (r#"return P(function() return cmsgpack.unpack("\130\192\1") end)"#, b"2:false \"table index is nil\""),
        (r#"return P(function() return cmsgpack.unpack("\129\202\127\192\0\0\1") end)"#, b"2:false \"table index is NaN\""),
        (r#"return P(function() return cmsgpack.unpack("\129\203\255\248\0\0\0\0\0\0\1") end)"#, b"2:false \"table index is NaN\""),
        (r#"return P(function() return cmsgpack.unpack("\147\1\2") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\204") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\205\1") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\206\1\2\3") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\207\1\2\3\4\5\6\7") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\203\1\2\3") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\217\5abc") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\219\0\0\0\5abc") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\219\0\0") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\165abc") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\220\0") end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\193") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\196\1a") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\212\1\1") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\1\2\199\0") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\145\193") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\129\1\193") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack("\129\192\193") end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r#"return P(function() return cmsgpack.unpack() end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack' (string expected, got no value)\""),
        (r#"return P(function() return cmsgpack.unpack(nil) end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack' (string expected, got nil)\""),
        (r#"return P(function() return cmsgpack.unpack({}) end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack' (string expected, got table)\""),
        (r#"return S(cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3))) .. " " .. S(cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3), 1)) .. " " .. S(cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3), 2)) .. " " .. S(cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3), 3))"#, b"2:1 1 2:2 2 2:-1 3 1:-1"),
        (r#"return S(cmsgpack.unpack_one("")) .. " " .. S(cmsgpack.unpack_one("\1", 0)) .. " " .. S(cmsgpack.unpack_one("\1\2", nil)) .. " " .. S(cmsgpack.unpack_one("\192\1")) .. " " .. S(cmsgpack.unpack_one("\1\2", 1.7)) .. " " .. S(cmsgpack.unpack_one("\1\2", "1"))"#, b"1:-1 2:-1 1 2:1 1 2:1 nil 2:-1 2 2:-1 2"),
        (r#"return S(cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 2)) .. " " .. S(cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 5)) .. " " .. S(cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 2, 1)) .. " " .. S(cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 0)) .. " " .. S(cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 0, 1)) .. " " .. S(cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 1, 3))"#, b"3:2 1 2 4:-1 1 2 3 3:-1 2 3 3:1 2 3 1:1 1:-1"),
        (r#"return P(function() return cmsgpack.unpack_one("\1", -1) end)"#, b"2:false \"user_script:1: Invalid request to unpack with offset of -1 and limit of 1.\""),
        (r#"return P(function() return cmsgpack.unpack_one("\1\2", 3) end)"#, b"2:false \"user_script:1: Start offset 3 greater than input length 2.\""),
        (r#"return P(function() return cmsgpack.unpack_one("\1\2", 2^32 + 3) end)"#, b"2:false \"user_script:1: Start offset 3 greater than input length 2.\""),
        (r#"return P(function() return cmsgpack.unpack_one("\1\2", -2^32 - 1) end)"#, b"2:false \"user_script:1: Invalid request to unpack with offset of -1 and limit of 2.\""),
        (r#"return P(function() return cmsgpack.unpack_one("\1", "x") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack_one' (number expected, got string)\""),
        (r#"return P(function() return cmsgpack.unpack_one() end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack_one' (string expected, got no value)\""),
        (r#"return P(function() return cmsgpack.unpack_one(nil, 1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack_one' (string expected, got nil)\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1") end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack_limit' (number expected, got no value)\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1", nil) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack_limit' (number expected, got nil)\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1", -1) end)"#, b"2:false \"user_script:1: Invalid request to unpack with offset of 0 and limit of 1.\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1", 1, -1) end)"#, b"2:false \"user_script:1: Invalid request to unpack with offset of -1 and limit of 1.\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1", 1, 5) end)"#, b"2:false \"user_script:1: Start offset 5 greater than input length 1.\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1", {}, {}) end)"#, b"2:false \"user_script:1: bad argument #2 to 'unpack_limit' (number expected, got table)\""),
        (r#"return P(function() return cmsgpack.unpack_limit(nil, 1, 2) end)"#, b"2:false \"user_script:1: bad argument #1 to 'unpack_limit' (string expected, got nil)\""),
        (r#"return P(function() return cmsgpack.unpack_limit("\1\2", 1, 1/0) end)"#, b"2:false \"user_script:1: Invalid request to unpack with offset of 0 and limit of 2.\""),
        (r#"return P(function() return cmsgpack.unpack_one("\204\1\205", 2) end)"#, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return P(function() return cmsgpack.unpack_one("\1\193", 1) end)"#, b"2:false \"user_script:1: Bad data format in input.\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7999))) end)"##, b"2:true 7999"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 8000))) end)"##, b"2:false \"user_script:1: stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7998), 1)) end)"##, b"2:true 7998"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7999), 1)) end)"##, b"2:false \"user_script:1: stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack_limit(string.rep("\1", 8000), 7998)) end)"##, b"2:true 7999"),
        (r##"return P(function() return select("#", cmsgpack.unpack_limit(string.rep("\1", 8000), 7999)) end)"##, b"2:false \"user_script:1: stack overflow (in function mp_unpack_full)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack_limit(string.rep("\1", 7998), 8000)) end)"##, b"2:true 7999"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7997) .. "\145\1")) end)"##, b"2:false \"user_script:1: stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7998) .. "\145\1")) end)"##, b"2:false \"user_script:1: stack overflow (in function mp_decode_to_lua_array)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7997) .. "\129\1\1")) end)"##, b"2:false \"user_script:1: stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7998) .. "\144")) end)"##, b"2:false \"user_script:1: stack overflow (in function mp_decode_to_lua_array)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\1", 7998) .. "\128")) end)"##, b"2:true 7999"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\145", 3998) .. "\1")) end)"##, b"2:true 1"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\145", 3999) .. "\1")) end)"##, b"2:true 1"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\145", 4000) .. "\1")) end)"##, b"2:false \"user_script:1: stack overflow (in function mp_decode_to_lua_array)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\145", 3999) .. "\144")) end)"##, b"2:false \"user_script:1: stack overflow (in function mp_decode_to_lua_array)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\129\1", 3998) .. "\1")) end)"##, b"2:true 1"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\129\1", 3999) .. "\1")) end)"##, b"2:true 1"),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\129\1", 4000) .. "\1")) end)"##, b"2:false \"user_script:1: stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\129\145", 2000) .. "\1")) end)"##, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\129\145", 2001) .. "\1")) end)"##, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\145", 5000))) end)"##, b"2:false \"user_script:1: stack overflow (in function mp_decode_to_lua_array)\""),
        (r##"return P(function() return select("#", cmsgpack.unpack(string.rep("\129", 5000))) end)"##, b"2:false \"user_script:1: Missing bytes in input.\""),
        (r#"return S(cmsgpack._NAME, cmsgpack._VERSION, cmsgpack._COPYRIGHT, cmsgpack._DESCRIPTION, type(cmsgpack.pack), type(cmsgpack.unpack_one), type(cmsgpack.unpack_limit))"#, b"7:\"cmsgpack\" \"lua-cmsgpack 0.4.0\" \"Copyright (C) 2012, Salvatore Sanfilippo\" \"MessagePack C implementation for Lua\" \"function\" \"function\" \"function\""),
        (r#"return P(function() local t = {} t[1] = 1 t[2] = 2 t[4] = 4 return hex(cmsgpack.pack(t)) end)"#, b"2:true \"83010102020404\""),
        (r#"return P(function() local t = {1, 2, 3, 4} t[2] = nil return hex(cmsgpack.pack(t)) end)"#, b"2:true \"83010103030404\""),
        (r#"return (function() local t = {} for i = 1, 20000 do t["k" .. i] = i end local s = cmsgpack.pack(t) local d = cmsgpack.unpack(s) local n = 0 for k, v in pairs(d) do n = n + 1 end return #s .. " " .. n .. " " .. d.k777 .. " " .. hex(string.sub(s, 1, 3)) end)()"#, b"188515 20000 777 de4e20"),
        (r#"return (function() local t = {} for i = 1, 20000 do t[i] = {i, "x" .. i, {a = i}} end local s = cmsgpack.pack(t) local d = cmsgpack.unpack(s) return #s .. " " .. #d .. " " .. d[20000][2] .. " " .. d[5][3].a end)()"#, b"328133 20000 x20000 5"),
        (r#"return (function() local s = string.rep("\129\161a", 3990) .. "\1" local ok, d = pcall(cmsgpack.unpack, s) if not ok then return d end local n = 0 while type(d) == "table" do d = d.a n = n + 1 end return n .. " " .. d end)()"#, b"3990 1"),
        (r#"return (function() local s = string.rep("\129\161a", 4000) .. "\1" return S(pcall(cmsgpack.unpack, s)) end)()"#, b"2:false \"stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)\""),
        (r#"return (function() local s = string.rep("\129\145\161a", 2000) .. "\1" local ok, d = pcall(cmsgpack.unpack, s) return tostring(ok) .. " " .. type(d) end)()"#, b"true table"),
        (r#"return (function() local s = string.rep("\129\145\161a", 2666) .. "\1" local ok, d = pcall(cmsgpack.unpack, s) return tostring(ok) .. " " .. type(d) end)()"#, b"true table"),
        (r#"return (function() local s = string.rep("\129\145\161a", 4000) .. "\1" local ok, d = pcall(cmsgpack.unpack, s) return tostring(ok) .. " " .. tostring(d) end)()"#, b"false stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)"),
        (r#"return (function() local s = string.rep("\129\145\161a", 1999) .. "\1" local ok, d = pcall(cmsgpack.unpack, s) return tostring(ok) .. " " .. type(d) end)()"#, b"true table"),
    ];
    // END GENERATED CASES
}
