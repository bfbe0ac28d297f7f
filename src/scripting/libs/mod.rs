//! The Lua libraries Redis 7.0 bundles for scripts: `cjson` (Lua CJSON 2.1.0), `cmsgpack`
//! (lua-cmsgpack 0.4.0), `bit` (LuaBitOp 1.0.2) and `struct` (Roberto's struct library), written
//! in Rust to behave byte for byte like the C copies in Redis 7.0.15's `deps/lua/src`: the same
//! outputs, the same error texts, the same limits.
//!
//! How a library function reaches Lua: mlua turns an `Err` from a Rust callback into a userdata
//! error value, while the C libraries raise plain strings (`luaL_error`), prefixed with the
//! caller's position (`user_script:1: ...`). So each function is a Rust callback answering
//! `(true, results...)` or `(false, message, add_position)`, wrapped in a small C closure
//! ([`trampoline`]) that returns the results or raises the message the way `luaL_error` (or the
//! Lua core, for the few errors the C code lets `lua_settable` raise) does. The closure is what
//! scripts see, so `luaL_argerror`'s function name (`bad argument #1 to 'encode'`) is found the
//! same way: from the instruction that called it, also in a tail call.
//!
//! Where the C code's result depends on the Lua stack limit (`LUAI_MAXCSTACK`: nesting depth in
//! cjson and cmsgpack, the number of results of `cmsgpack.unpack` and `struct.unpack`), the Rust
//! code counts the stack slots the C code would hold and fails at the same point with the same
//! text. Nested data is walked with explicit stacks, not recursion (no Rust stack overflow
//! whatever the depth), holding a bounded number of mlua references ([`ValueStack`]): mlua
//! keeps every live reference in one Lua stack of some 8000 slots, shared with the rest of the
//! server. For the same reason tables are iterated in place (pausing with [`next_function`]),
//! never collected.

mod bit;
mod cjson;
mod cmsgpack;
mod struct_lib;

use mlua::{ffi, Function, Lua, MultiValue, Table, Value};
use std::os::raw::c_int;

/// Installs the globals `cjson`, `struct`, `cmsgpack` and `bit` (in Redis's loading order).
pub fn register(lua: &Lua) -> mlua::Result<()> {
    let globals = lua.globals();
    globals.raw_set("cjson", cjson::module(lua)?)?;
    globals.raw_set("struct", struct_lib::module(lua)?)?;
    globals.raw_set("cmsgpack", cmsgpack::module(lua)?)?;
    globals.raw_set("bit", bit::module(lua)?)?;
    Ok(())
}

/// `LUAI_MAXCSTACK` of Lua 5.1: the most stack slots a C function may use (`lua_checkstack`).
const MAX_C_STACK: usize = 8000;

/// Whether `lua_checkstack(L, extra)` fails for a C function holding `top` slots.
fn stack_full(top: usize, extra: usize) -> bool {
    top + extra > MAX_C_STACK
}

/// Why a library function fails.
pub(crate) enum Raise {
    /// `luaL_error`: the message, after the caller's position (`luaL_where(L, 1)`).
    Error(Vec<u8>),
    /// An error the Lua core raises inside the C function (`lua_settable`): no position.
    Core(&'static str),
    /// An error of mlua itself (memory, ...), passed through.
    Lua(mlua::Error),
}

impl From<mlua::Error> for Raise {
    fn from(e: mlua::Error) -> Self {
        Raise::Lua(e)
    }
}

pub(crate) type LibResult<T> = Result<T, Raise>;

/// `luaL_error(L, fmt, ...)`, the formatting done by the caller.
pub(crate) fn error<T>(msg: impl Into<Vec<u8>>) -> LibResult<T> {
    Err(Raise::Error(msg.into()))
}

/// Results a callback returns on mlua's stack; more go through a table.
const INLINE_RESULTS: usize = 64;

/// Makes the Lua function scripts call for `f`: see the module comment.
pub(crate) fn lib_function<F>(lua: &Lua, f: F) -> mlua::Result<Function>
where
    F: Fn(&Lua, Args<'_>) -> LibResult<MultiValue> + 'static,
{
    let inner = lua.create_function(move |lua, args: MultiValue| {
        let args = Args {
            lua,
            vals: args.into_vec(),
        };
        match f(lua, args) {
            Ok(mut results) if results.len() <= INLINE_RESULTS => {
                results.push_front(Value::Boolean(true));
                Ok(results)
            }
            Ok(results) => {
                // Many results (up to the ~8000 a C function can return) would not fit on
                // the stack of mlua's callback: the trampoline pushes them from a table.
                let n = results.len();
                let t = lua.create_table_with_capacity(n, 0)?;
                for (i, v) in results.into_iter().enumerate() {
                    t.raw_set(i + 1, v)?;
                }
                Ok(MultiValue::from_vec(vec![
                    Value::Table(t),
                    Value::Integer(n as i64),
                ]))
            }
            Err(Raise::Error(msg)) => Ok(MultiValue::from_vec(vec![
                Value::Boolean(false),
                Value::String(lua.create_string(&msg)?),
                Value::Boolean(true),
            ])),
            Err(Raise::Core(msg)) => Ok(MultiValue::from_vec(vec![
                Value::Boolean(false),
                Value::String(lua.create_string(msg)?),
                Value::Boolean(false),
            ])),
            Err(Raise::Lua(e)) => Err(e),
        }
    })?;
    // SAFETY: the closure only pushes a C closure over the value exec_raw placed on the stack.
    unsafe {
        lua.exec_raw(inner, |state| {
            ffi::lua_pushcclosure(state, trampoline, 1);
        })
    }
}

/// The C function scripts call: calls the Rust callback (upvalue 1) with its arguments and
/// returns its results after the leading `true` (or the `n` results in the table it gave
/// instead), or raises its message as a string, after `luaL_where(L, 1)` (the caller's
/// position) when asked, exactly as `luaL_error` would.
unsafe extern "C-unwind" fn trampoline(state: *mut ffi::lua_State) -> c_int {
    // SAFETY: a C function called by Lua with LUA_MINSTACK free slots; the pushes below stay
    // within them. Errors (from the callback or lua_error) unwind through no Rust destructors.
    unsafe {
        let nargs = ffi::lua_gettop(state);
        ffi::lua_pushvalue(state, ffi::lua_upvalueindex(1));
        ffi::lua_insert(state, 1);
        ffi::lua_call(state, nargs, ffi::LUA_MULTRET);
        let top = ffi::lua_gettop(state);
        if ffi::lua_type(state, 1) == ffi::LUA_TTABLE {
            let n = ffi::lua_tointeger(state, 2) as c_int;
            ffi::lua_settop(state, 1);
            if ffi::lua_checkstack(state, n) == 0 {
                ffi::luaL_error(state, c"stack overflow (too many results)".as_ptr());
            }
            for i in 1..=n {
                ffi::lua_rawgeti(state, 1, i as _);
            }
            return n;
        }
        if ffi::lua_toboolean(state, 1) != 0 {
            return top - 1;
        }
        let with_position = ffi::lua_toboolean(state, 3) != 0;
        ffi::lua_settop(state, 2);
        if with_position {
            ffi::luaL_where(state, 1);
            ffi::lua_insert(state, 2);
            ffi::lua_concat(state, 2);
        }
        ffi::lua_error(state)
    }
}

/// Lua's `next` as a function of its own (not the global, which scripts may not reach): the
/// walks that must pause inside a table (to write a nested one) resume with it.
pub(crate) fn next_function(lua: &Lua) -> mlua::Result<Function> {
    // SAFETY: a C function using 2 slots of its LUA_MINSTACK; lua_next's errors unwind
    // through no Rust destructors.
    unsafe { lua.create_c_function(raw_next) }
}

unsafe extern "C-unwind" fn raw_next(state: *mut ffi::lua_State) -> c_int {
    // SAFETY: see next_function.
    unsafe {
        ffi::lua_settop(state, 2);
        if ffi::lua_next(state, 1) != 0 {
            2
        } else {
            0
        }
    }
}

/// Builds a module table of functions.
pub(crate) fn functions_table(
    lua: &Lua,
    funcs: Vec<(&'static str, Function)>,
) -> mlua::Result<Table> {
    let t = lua.create_table()?;
    for (name, f) in funcs {
        t.raw_set(name, f)?;
    }
    Ok(t)
}

/// The arguments of a call, with the checks of `lauxlib` (`luaL_check*`), their error texts
/// included. Indexes are 1-based, as in C.
pub(crate) struct Args<'a> {
    lua: &'a Lua,
    vals: Vec<Value>,
}

impl Args<'_> {
    /// `lua_gettop`.
    pub(crate) fn len(&self) -> usize {
        self.vals.len()
    }

    /// The argument `i`, `None` past the last one (`LUA_TNONE`).
    pub(crate) fn get(&self, i: usize) -> Option<&Value> {
        self.vals.get(i.wrapping_sub(1))
    }

    /// `lua_isnoneornil`.
    pub(crate) fn is_none_or_nil(&self, i: usize) -> bool {
        matches!(self.get(i), None | Some(Value::Nil))
    }

    /// `luaL_argerror(L, narg, extramsg)`.
    pub(crate) fn arg_error<T>(&self, narg: i32, extramsg: &[u8]) -> LibResult<T> {
        Err(arg_error(self.lua, narg, extramsg))
    }

    /// `luaL_typerror(L, narg, tname)` for the value the C function sees at `narg`.
    pub(crate) fn type_error<T>(&self, narg: usize, expected: &str) -> LibResult<T> {
        self.type_error_got(narg, expected, type_name(self.get(narg)))
    }

    pub(crate) fn type_error_got<T>(&self, narg: usize, expected: &str, got: &str) -> LibResult<T> {
        let msg = format!("{expected} expected, got {got}");
        self.arg_error(narg as i32, msg.as_bytes())
    }

    /// `lua_tonumber` (0 when not convertible) and `lua_isnumber`.
    pub(crate) fn to_number(&self, i: usize) -> LibResult<Option<f64>> {
        to_number(self.lua, self.get(i))
    }

    /// `luaL_checknumber`.
    pub(crate) fn check_number(&self, i: usize) -> LibResult<f64> {
        match self.to_number(i)? {
            Some(n) => Ok(n),
            None => self.type_error(i, "number"),
        }
    }

    /// `luaL_checkinteger`: the number converted by a C cast to `lua_Integer`.
    pub(crate) fn check_integer(&self, i: usize) -> LibResult<i64> {
        Ok(c_f64_to_i64(self.check_number(i)?))
    }

    /// `luaL_optinteger`.
    pub(crate) fn opt_integer(&self, i: usize, default: i64) -> LibResult<i64> {
        if self.is_none_or_nil(i) {
            Ok(default)
        } else {
            self.check_integer(i)
        }
    }

    /// `lua_tolstring` for strings and numbers (numbers formatted with `%.14g`), else `None`.
    pub(crate) fn to_lstring(&self, i: usize) -> LibResult<Option<Vec<u8>>> {
        to_lstring(self.lua, self.get(i))
    }

    /// `luaL_checklstring`.
    pub(crate) fn check_lstring(&self, i: usize) -> LibResult<Vec<u8>> {
        match self.to_lstring(i)? {
            Some(s) => Ok(s),
            None => self.type_error(i, "string"),
        }
    }

    /// `luaL_checkoption(L, narg, NULL, options)`: the index of the option named.
    pub(crate) fn check_option(&self, i: usize, options: &[&str]) -> LibResult<usize> {
        let name = self.check_lstring(i)?;
        // The C code compares C strings: the name stops at its first NUL.
        let name = name.split(|&b| b == 0).next().unwrap_or(&[]);
        match options.iter().position(|o| o.as_bytes() == name) {
            Some(pos) => Ok(pos),
            None => {
                let mut msg = b"invalid option '".to_vec();
                msg.extend_from_slice(name);
                msg.push(b'\'');
                self.arg_error(i as i32, &msg)
            }
        }
    }
}

/// `luaL_argerror`: names the function as the instruction that called it does (`lua_getinfo`
/// "n" of level 1 as seen by the trampoline, that is level 1 from the Rust callback).
pub(crate) fn arg_error(lua: &Lua, mut narg: i32, extramsg: &[u8]) -> Raise {
    let names = lua.inspect_stack(1, |d| {
        let n = d.names();
        (n.name.map(|s| s.into_owned()), n.name_what)
    });
    let mut msg = Vec::new();
    match names {
        None => msg.extend_from_slice(format!("bad argument #{narg} (").as_bytes()),
        Some((name, what)) => {
            if what == Some("method") {
                narg -= 1;
                if narg == 0 {
                    let name = name.unwrap_or_default();
                    msg.extend_from_slice(format!("calling '{name}' on bad self (").as_bytes());
                    msg.extend_from_slice(extramsg);
                    msg.push(b')');
                    return Raise::Error(msg);
                }
            }
            let name = name.unwrap_or_else(|| "?".to_string());
            msg.extend_from_slice(format!("bad argument #{narg} to '{name}' (").as_bytes());
        }
    }
    msg.extend_from_slice(extramsg);
    msg.push(b')');
    Raise::Error(msg)
}

/// `luaL_typename`: the Lua type name of a value, "no value" for a missing argument.
pub(crate) fn type_name(v: Option<&Value>) -> &'static str {
    match v {
        None => "no value",
        Some(Value::Nil) => "nil",
        Some(Value::Boolean(_)) => "boolean",
        Some(Value::Integer(_) | Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Table(_)) => "table",
        Some(Value::Function(_)) => "function",
        Some(Value::Thread(_)) => "thread",
        // Light and full userdata (mlua's error values are userdata too).
        Some(_) => "userdata",
    }
}

/// `lua_tonumber` + `lua_isnumber`: numbers, and strings Lua converts to numbers.
pub(crate) fn to_number(lua: &Lua, v: Option<&Value>) -> LibResult<Option<f64>> {
    Ok(match v {
        Some(Value::Integer(i)) => Some(*i as f64),
        Some(Value::Number(n)) => Some(*n),
        Some(v @ Value::String(_)) => lua.coerce_number(v.clone())?,
        _ => None,
    })
}

/// `lua_tolstring`: strings, and numbers formatted by Lua (`%.14g`).
pub(crate) fn to_lstring(lua: &Lua, v: Option<&Value>) -> LibResult<Option<Vec<u8>>> {
    Ok(match v {
        Some(Value::String(s)) => Some(s.as_bytes().to_vec()),
        Some(v @ (Value::Integer(_) | Value::Number(_))) => {
            lua.coerce_string(v.clone())?.map(|s| s.as_bytes().to_vec())
        }
        _ => None,
    })
}

/// 2^63.
const TWO63: f64 = (1u64 << 63) as f64;

/// `(int64_t)d` as x86-64 computes it (`cvttsd2si`): NaN and out of range give `INT64_MIN`.
pub(crate) fn c_f64_to_i64(d: f64) -> i64 {
    if d.is_nan() || !(-TWO63..TWO63).contains(&d) {
        i64::MIN
    } else {
        d as i64
    }
}

/// `(int)d` as x86-64 computes it: NaN and out of range give `INT_MIN`.
pub(crate) fn c_f64_to_i32(d: f64) -> i32 {
    if d.is_nan() || !(-2_147_483_648.0..2_147_483_648.0).contains(&d) {
        i32::MIN
    } else {
        d as i32
    }
}

/// `(uint64_t)d` (or `size_t`) as gcc compiles it for x86-64: below 2^63 (NaN included)
/// `cvttsd2si`, else `cvttsd2si(d - 2^63)` with the top bit flipped.
pub(crate) fn c_f64_to_u64(d: f64) -> u64 {
    if d >= TWO63 {
        (c_f64_to_i64(d - TWO63) as u64) ^ (1 << 63)
    } else {
        c_f64_to_i64(d) as u64
    }
}

/// Lua values held while walking nested data: open tables, pending keys. mlua keeps each live
/// reference in a slot of one Lua stack, which holds some 8000 in all (shared with the rest of
/// the server), so past [`ValueStack::INLINE`] values the stack spills into a Lua table: deep
/// data costs one reference, not one per level.
pub(crate) struct ValueStack {
    inline: Vec<Value>,
    spill: Option<Table>,
    len: usize,
}

impl ValueStack {
    const INLINE: usize = 64;

    pub(crate) fn new() -> Self {
        ValueStack {
            inline: Vec::new(),
            spill: None,
            len: 0,
        }
    }

    pub(crate) fn push(&mut self, lua: &Lua, v: Value) -> mlua::Result<()> {
        if self.len < Self::INLINE {
            self.inline.push(v);
        } else {
            if self.spill.is_none() {
                self.spill = Some(lua.create_table()?);
            }
            if let Some(t) = &self.spill {
                t.raw_set(self.len - Self::INLINE + 1, v)?;
            }
        }
        self.len += 1;
        Ok(())
    }

    pub(crate) fn pop(&mut self) -> mlua::Result<Value> {
        self.len -= 1;
        if self.len < Self::INLINE {
            return Ok(self.inline.pop().unwrap_or(Value::Nil));
        }
        match &self.spill {
            Some(t) => {
                let i = self.len - Self::INLINE + 1;
                let v = t.raw_get(i)?;
                t.raw_set(i, Value::Nil)?;
                Ok(v)
            }
            None => Ok(Value::Nil),
        }
    }

    /// Calls `f` with the value `depth` places below the top (0: the top).
    pub(crate) fn with<R>(&self, depth: usize, f: impl FnOnce(&Value) -> R) -> mlua::Result<R> {
        let i = self.len - 1 - depth;
        if i < Self::INLINE {
            return Ok(f(&self.inline[i]));
        }
        let v: Value = match &self.spill {
            Some(t) => t.raw_get(i - Self::INLINE + 1)?,
            None => Value::Nil,
        };
        Ok(f(&v))
    }

    /// Replaces the value `depth` places below the top.
    pub(crate) fn set(&mut self, depth: usize, v: Value) -> mlua::Result<()> {
        let i = self.len - 1 - depth;
        if i < Self::INLINE {
            self.inline[i] = v;
            return Ok(());
        }
        match &self.spill {
            Some(t) => t.raw_set(i - Self::INLINE + 1, v),
            None => Ok(()),
        }
    }
}

/// C's `printf("%.<precision>g", x)` (glibc), `precision` in 1..=17 or so.
pub(crate) fn format_g(x: f64, precision: usize) -> String {
    if x.is_nan() {
        return if x.is_sign_negative() { "-nan" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let mantissa = strip_fraction_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
    } else {
        let fixed = format!("{:.*}", (p as i32 - 1 - exp) as usize, x);
        strip_fraction_zeros(&fixed).to_string()
    }
}

/// `%g`'s removal of trailing zeros of the fraction, and of a bare decimal point.
fn strip_fraction_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use mlua::Lua;

    /// Locals the test chunks use, on one line (error positions stay `user_script:1:`):
    /// `hex(s)`, `S(...)` (count and values, tables sorted), `P(f, ...)` (`S(pcall(f, ...))`).
    const PRELUDE: &str = include_str!("test_prelude.lua");

    /// Runs each chunk (after the prelude) as Redis runs a script body (chunk name
    /// `@user_script`) and compares the string it returns with the one redis-server 7.0.15
    /// returned for the same text.
    pub(crate) fn run_cases(cases: &[(&str, &[u8])]) {
        let lua = Lua::new();
        super::register(&lua).unwrap();
        let mut failures = Vec::new();
        for (chunk, expected) in cases {
            let src = format!("{} {}", PRELUDE.trim_end(), chunk);
            let got = match lua
                .load(&src)
                .set_name("@user_script")
                .eval::<mlua::LuaString>()
            {
                Ok(s) => s.as_bytes().to_vec(),
                Err(e) => format!("<mlua error: {e}>").into_bytes(),
            };
            if got != *expected {
                failures.push(format!(
                    "chunk: {chunk}\n  expected: {:?}\n  got:      {:?}",
                    String::from_utf8_lossy(expected),
                    String::from_utf8_lossy(&got)
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases differ:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_g_matches_printf() {
        let cases: &[(f64, usize, &str)] = &[
            (0.1, 14, "0.1"),
            (1.0 / 3.0, 14, "0.33333333333333"),
            (123456789012345.0, 14, "1.2345678901234e+14"),
            (1e14, 14, "1e+14"),
            (99999999999999.0, 14, "99999999999999"),
            (999999999999999.0, 14, "1e+15"),
            (0.0001, 14, "0.0001"),
            (0.00001, 14, "1e-05"),
            (-2.5, 1, "-2"),
            (3.5, 1, "4"),
            (1e300, 14, "1e+300"),
            (5e-324, 14, "4.9406564584125e-324"),
            (-0.0, 14, "-0"),
            (f64::INFINITY, 14, "inf"),
            (f64::NEG_INFINITY, 14, "-inf"),
            (100.0, 2, "1e+02"),
            (100.0, 3, "100"),
        ];
        for &(x, p, want) in cases {
            assert_eq!(format_g(x, p), want, "{x} at %.{p}g");
        }
    }

    #[test]
    fn c_casts_match_x86() {
        assert_eq!(c_f64_to_i64(f64::NAN), i64::MIN);
        assert_eq!(c_f64_to_i64(1e19), i64::MIN);
        assert_eq!(c_f64_to_i64(-TWO63), i64::MIN);
        assert_eq!(c_f64_to_i64(-1.9), -1);
        assert_eq!(c_f64_to_i32(3e9), i32::MIN);
        assert_eq!(c_f64_to_i32(-2147483648.5), -2147483648);
        assert_eq!(c_f64_to_u64(-1.0), u64::MAX);
        assert_eq!(c_f64_to_u64(1.8446744073709552e19), 0);
        assert_eq!(c_f64_to_u64(1e19), 10_000_000_000_000_000_000);
        assert_eq!(c_f64_to_u64(f64::NAN), 1 << 63);
    }
}
