//! `bit`: LuaBitOp 1.0.2 (`lua_bit.c`). Operands are normalised to 32 bits the way LuaBitOp
//! does it (adding 2^52+2^51 and keeping the low word: numbers wrap modulo 2^32, fractions
//! round to nearest even), results are signed 32-bit numbers.

use super::{functions_table, lib_function, Args, LibResult};
use mlua::{Function, Lua, MultiValue, Table, Value};

pub(crate) fn module(lua: &Lua) -> mlua::Result<Table> {
    let f = |op: fn(&Args<'_>) -> LibResult<u32>| -> mlua::Result<Function> {
        lib_function(lua, move |_, args| Ok(bret(op(&args)?)))
    };
    functions_table(
        lua,
        vec![
            ("tobit", f(|a| barg(a, 1))?),
            ("bnot", f(|a| Ok(!barg(a, 1)?))?),
            ("band", f(|a| fold(a, |x, y| x & y))?),
            ("bor", f(|a| fold(a, |x, y| x | y))?),
            ("bxor", f(|a| fold(a, |x, y| x ^ y))?),
            ("lshift", f(|a| shift(a, |b, n| b << n))?),
            ("rshift", f(|a| shift(a, |b, n| b >> n))?),
            ("arshift", f(|a| shift(a, |b, n| ((b as i32) >> n) as u32))?),
            ("rol", f(|a| shift(a, |b, n| b.rotate_left(n)))?),
            ("ror", f(|a| shift(a, |b, n| b.rotate_right(n)))?),
            ("bswap", f(|a| Ok(barg(a, 1)?.swap_bytes()))?),
            ("tohex", lib_function(lua, tohex)?),
        ],
    )
}

/// `barg`: the argument as 32 bits; an error when it is not a number (nor a numeric string).
fn barg(args: &Args<'_>, i: usize) -> LibResult<u32> {
    match args.to_number(i)? {
        Some(n) => Ok((n + 6_755_399_441_055_744.0).to_bits() as u32),
        None => args.type_error(i, "number"),
    }
}

/// `BRET`: the bits as a signed 32-bit number.
fn bret(b: u32) -> MultiValue {
    MultiValue::from_vec(vec![Value::Number(b as i32 as f64)])
}

/// `band`/`bor`/`bxor`: the first argument combined with the others, from the last one down.
fn fold(args: &Args<'_>, op: fn(u32, u32) -> u32) -> LibResult<u32> {
    let mut b = barg(args, 1)?;
    for i in (2..=args.len()).rev() {
        b = op(b, barg(args, i)?);
    }
    Ok(b)
}

/// The shifts and rotations: the count is the second argument's low 5 bits.
fn shift(args: &Args<'_>, op: fn(u32, u32) -> u32) -> LibResult<u32> {
    let b = barg(args, 1)?;
    let n = barg(args, 2)? & 31;
    Ok(op(b, n))
}

/// `bit.tohex(x [, n])`: the low `|n|` hex digits (8 by default, at most 8), upper case when
/// `n` is negative.
fn tohex(_: &Lua, args: Args<'_>) -> LibResult<MultiValue> {
    let mut b = barg(&args, 1)?;
    let mut n: i64 = if args.get(2).is_none() {
        8
    } else {
        barg(&args, 2)? as i32 as i64
    };
    let mut digits = b"0123456789abcdef";
    if n < 0 {
        // -INT_MIN overflows in C; gcc's code takes it as large: 8 digits.
        n = -n;
        digits = b"0123456789ABCDEF";
    }
    let n = n.min(8) as usize;
    let mut buf = vec![0u8; n];
    for slot in buf.iter_mut().rev() {
        *slot = digits[(b & 15) as usize];
        b >>= 4;
    }
    Ok(MultiValue::from_vec(vec![Value::String(
        args.lua.create_string(&buf)?,
    )]))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run_cases;

    #[test]
    fn bit_matches_redis() {
        run_cases(CASES);
    }

    // BEGIN GENERATED CASES (redis-server 7.0.15)
    const CASES: &[(&str, &[u8])] = &[
        (r#"return S(bit.tobit(0), bit.tobit(1), bit.tobit(-1), bit.tobit(2^31), bit.tobit(2^32), bit.tobit(2^32 + 5), bit.tobit(-2^31 - 1))"#, b"7:0 1 -1 -2147483648 0 5 2147483647"),
        (r#"return S(bit.tobit(0.5), bit.tobit(1.5), bit.tobit(2.5), bit.tobit(-0.5), bit.tobit(-1.5), bit.tobit(0.4999999), bit.tobit(2^52), bit.tobit(2^53 + 3))"#, b"8:0 2 2 0 -2 0 0 2"),
        (r#"return S(bit.tobit(1/0), bit.tobit(-1/0), bit.tobit(0/0), bit.tobit(1e300), bit.tobit(-1e300), bit.tobit(4294967295.5))"#, b"6:0 0 0 -2013235812 -2013235812 0"),
        (r#"return S(bit.tobit("10"), bit.tobit("0x10"), bit.tobit(" 7 "), bit.tobit("1e3"), bit.tobit("0"), bit.tobit(0xffffffff))"#, b"6:10 16 7 1000 0 -1"),
        (r#"return S(bit.tobit(1, 2, 3), bit.bnot(0), bit.bnot(-1), bit.bnot(0x12345678), bit.bnot(2^32))"#, b"5:1 -1 0 -305419897 -1"),
        (r#"return S(bit.band(0xff00ff00, 0x0ff00ff0), bit.band(7), bit.band(-1, 0xf0f0, 0xff), bit.bor(1, 2, 4, 8), bit.bor(0x80000000), bit.bxor(0xf0, 0xff, 1), bit.bxor(-1, 1))"#, b"7:251662080 7 240 15 -2147483648 14 -2"),
        (r#"return S(bit.lshift(1, 0), bit.lshift(1, 31), bit.lshift(1, 32), bit.lshift(1, 33), bit.lshift(3, -1), bit.lshift(0xffffffff, 4), bit.lshift(1, 1.5))"#, b"7:1 -2147483648 1 2 -2147483648 -16 4"),
        (r#"return S(bit.rshift(-1, 0), bit.rshift(-1, 1), bit.rshift(-1, 28), bit.rshift(0x80000000, 31), bit.rshift(256, 36), bit.rshift(1, -1))"#, b"6:-1 2147483647 15 1 16 0"),
        (r#"return S(bit.arshift(-1, 4), bit.arshift(-256, 4), bit.arshift(0x80000000, 31), bit.arshift(256, 4), bit.arshift(0x7fffffff, 30), bit.arshift(-8, 2))"#, b"6:-1 -16 -1 16 1 -2"),
        (r#"return S(bit.rol(0x12345678, 0), bit.rol(0x12345678, 4), bit.rol(0x12345678, 12), bit.rol(0x80000001, 1), bit.rol(1, 32), bit.rol(1, -1))"#, b"6:305419896 591751041 1164411171 3 1 -2147483648"),
        (r#"return S(bit.ror(0x12345678, 0), bit.ror(0x12345678, 4), bit.ror(0x12345678, 12), bit.ror(0x80000001, 1), bit.ror(1, 33), bit.ror(1, -1))"#, b"6:305419896 -2128394905 1736516421 -1073741824 -2147483648 2"),
        (r#"return S(bit.bswap(0x12345678), bit.bswap(0), bit.bswap(-1), bit.bswap(0xff), bit.bswap(0x80))"#, b"5:2018915346 0 -1 -16777216 -2147483648"),
        (r#"return S(bit.tohex(0), bit.tohex(1), bit.tohex(-1), bit.tohex(0x12345678), bit.tohex(0xabcdef), bit.tohex(2^32 + 255))"#, b"6:\"00000000\" \"00000001\" \"ffffffff\" \"12345678\" \"00abcdef\" \"000000ff\""),
        (r#"return S(bit.tohex(0x12345678, 4), bit.tohex(0x12345678, -4), bit.tohex(0xabcdef, -8), bit.tohex(0xabcdef, 10), bit.tohex(0xabcdef, -10), bit.tohex(255, 0), bit.tohex(255, 1), bit.tohex(255, 2.5), bit.tohex(-1, "3"), bit.tohex(255, -2^31), bit.tohex(255, 2^31), bit.tohex(255, 2^32 - 3))"#, b"12:\"5678\" \"5678\" \"00ABCDEF\" \"00abcdef\" \"00ABCDEF\" \"\" \"f\" \"ff\" \"fff\" \"000000FF\" \"000000FF\" \"0FF\""),
        (r#"return P(function() return bit.tobit() end)"#, b"2:false \"user_script:1: bad argument #1 to 'tobit' (number expected, got no value)\""),
        (r#"return P(function() return bit.tobit(nil) end)"#, b"2:false \"user_script:1: bad argument #1 to 'tobit' (number expected, got nil)\""),
        (r#"return P(function() return bit.tobit("x") end)"#, b"2:false \"user_script:1: bad argument #1 to 'tobit' (number expected, got string)\""),
        (r#"return P(function() return bit.tobit({}) end)"#, b"2:false \"user_script:1: bad argument #1 to 'tobit' (number expected, got table)\""),
        (r#"return P(function() return bit.tobit(true) end)"#, b"2:false \"user_script:1: bad argument #1 to 'tobit' (number expected, got boolean)\""),
        (r#"return P(function() return bit.band(1, 2, "z", 4) end)"#, b"2:false \"user_script:1: bad argument #3 to 'band' (number expected, got string)\""),
        (r#"return P(function() return bit.band("a", "b") end)"#, b"2:false \"user_script:1: bad argument #1 to 'band' (number expected, got string)\""),
        (r#"return P(function() return bit.bor() end)"#, b"2:false \"user_script:1: bad argument #1 to 'bor' (number expected, got no value)\""),
        (r#"return P(function() return bit.lshift(1) end)"#, b"2:false \"user_script:1: bad argument #2 to 'lshift' (number expected, got no value)\""),
        (r#"return P(function() return bit.rol(1, nil) end)"#, b"2:false \"user_script:1: bad argument #2 to 'rol' (number expected, got nil)\""),
        (r#"return P(function() return bit.tohex(1, nil) end)"#, b"2:false \"user_script:1: bad argument #2 to 'tohex' (number expected, got nil)\""),
        (r#"return P(function() return bit.tohex(nil) end)"#, b"2:false \"user_script:1: bad argument #1 to 'tohex' (number expected, got nil)\""),
        (r#"return P(function() return bit.bswap(tostring) end)"#, b"2:false \"user_script:1: bad argument #1 to 'bswap' (number expected, got function)\""),
        (r#"return P(bit.tobit)"#, b"2:false \"bad argument #1 to '?' (number expected, got no value)\""),
        (r#"return P(bit.band, 1, {})"#, b"2:false \"bad argument #2 to '?' (number expected, got table)\""),
        (r#"return P(function() local t = {f = bit.tobit} return t.f("q") end)"#, b"2:false \"user_script:1: bad argument #1 to 'f' (number expected, got string)\""),
        (r#"return P(function() local t = {f = bit.tobit} return t:f() end)"#, b"2:false \"user_script:1: calling 'f' on bad self (number expected, got table)\""),
        (r#"return P(function() local f = bit.bnot local x = f(nil) return x end)"#, b"2:false \"user_script:1: bad argument #1 to 'f' (number expected, got nil)\""),
        (r#"return P(function() return bit.tobit(cjson.null) end)"#, b"2:false \"user_script:1: bad argument #1 to 'tobit' (number expected, got userdata)\""),
        (r#"return P(function() return bit.tobit(coroutine.create(tostring)) end)"#, b"2:false \"user_script:1: bad argument #1 to 'create' (Lua function expected)\""),
        (r#"return S(type(bit), type(bit.tobit), bit._VERSION, bit._NAME)"#, b"4:\"table\" \"function\" nil nil"),
        (r#"return S(bit.tobit(-0), bit.bnot(bit.bnot(0)), bit.tohex(bit.tobit(-2^31)), 1)"#, b"4:0 0 \"80000000\" 1"),
    ];
    // END GENERATED CASES
}
