//! Values between RESP and Lua, both ways, as Redis 7.0's `script_lua.c` converts them.
//!
//! - RESP to Lua (`redisProtocolToLuaType`): what `redis.call` answers. Integers become
//!   numbers, bulk strings strings, null bulk and null array `false`, status `{ok=...}`, errors
//!   `{err=...}`, arrays tables; RESP3: maps `{map={...}}`, sets `{set={k=true}}`, doubles
//!   `{double=n}`, null `nil`, booleans, big numbers `{big_number="..."}`, verbatim strings
//!   `{verbatim_string={format=..., string=...}}`; attributes are skipped.
//! - Lua to RESP (`luaReplyToRedisReply`): what a script returns. Numbers become integers
//!   (truncated), strings bulk strings, `true` `:1` and `false` null (RESP3 booleans once the
//!   script called `redis.setresp(3)`), tables with `err`/`ok`/`double`/`big_number`/
//!   `verbatim_string`/`map`/`set` the matching replies, other tables arrays up to their first
//!   nil, anything else null.
//!
//! The Lua stack is used exactly as Redis uses it, so the depth at which a deeply nested reply
//! hits Lua's stack limit (`-ERR reached lua stack limit`) is Redis's; the nesting itself is an
//! explicit stack here, not recursion, so no depth can exhaust the thread's stack.
//!
//! Everything here may run inside a Lua error (`longjmp`) only where memory runs out, and
//! holds no Rust value that owns memory across a Lua call: the frames are plain data.

use std::ffi::{c_char, c_int};

use mlua::ffi::{self, lua_State};

use super::text::{c_long_long, cstr, format_g17, push_mapped, trim_crlf};

/// Pushes `b` as a Lua string.
pub(super) unsafe fn push_bytes(l: *mut lua_State, b: &[u8]) {
    ffi::lua_pushlstring(l, b.as_ptr() as *const c_char, b.len());
}

/// The bytes of the string (or number, converted in place) at `idx`, None for other types;
/// valid while the value stays on the stack.
pub(super) unsafe fn to_bytes<'a>(l: *mut lua_State, idx: c_int) -> Option<&'a [u8]> {
    let mut len = 0usize;
    let p = ffi::lua_tolstring(l, idx, &mut len);
    if p.is_null() {
        None
    } else {
        Some(std::slice::from_raw_parts(p as *const u8, len))
    }
}

/// The bytes of the string at `idx`, None for any other type (numbers are not converted, so
/// this is safe on a key during a traversal).
pub(super) unsafe fn to_bytes_if_string<'a>(l: *mut lua_State, idx: c_int) -> Option<&'a [u8]> {
    if ffi::lua_type(l, idx) == ffi::LUA_TSTRING {
        to_bytes(l, idx)
    } else {
        None
    }
}

/// Pushes an error table `{err="CODE message"}` for `err`, as `luaPushErrorBuff` builds it:
/// `-CODE message` keeps its code, anything else gets `ERR`; CR/LF at the message's ends go.
pub(super) unsafe fn push_error_table(l: *mut lua_State, err: &[u8]) {
    match err.strip_prefix(b"-") {
        Some(rest) => push_dashed_error_table(l, rest),
        None => push_coded_error_table(l, b"ERR", err),
    }
}

/// [`push_error_table`] for `-` followed by `err`: its first word is the code (`ERR` if it
/// has a single word).
pub(super) unsafe fn push_dashed_error_table(l: *mut lua_State, err: &[u8]) {
    let err = cstr(err);
    match err.iter().position(|&b| b == b' ') {
        Some(space) => push_coded_error_table(l, &err[..space], &err[space + 1..]),
        None => push_coded_error_table(l, b"ERR", err),
    }
}

unsafe fn push_coded_error_table(l: *mut lua_State, code: &[u8], msg: &[u8]) {
    let msg = cstr(trim_crlf(msg));
    ffi::lua_createtable(l, 0, 0);
    push_bytes(l, b"err");
    push_bytes(l, code);
    push_bytes(l, b" ");
    push_bytes(l, msg);
    ffi::lua_concat(l, 3);
    ffi::lua_settable(l, -3);
}

/// Pushes the Lua value of one RESP reply (`redis.call`'s answer).
pub(super) unsafe fn push_reply(l: *mut lua_State, reply: &[u8]) {
    let mut parser = Parser { buf: reply, pos: 0 };
    if !parser.parse(l, true) {
        // Not RESP: nothing was pushed (Redis's parser would push nothing either).
        ffi::lua_pushnil(l);
    }
}

struct Parser<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    /// The rest of the current line after its type byte, moving past its CRLF.
    fn line(&mut self) -> &'a [u8] {
        let start = (self.pos + 1).min(self.buf.len());
        let rest = &self.buf[start..];
        match rest.windows(2).position(|w| w == b"\r\n") {
            Some(end) => {
                self.pos = start + end + 2;
                &rest[..end]
            }
            None => {
                self.pos = self.buf.len();
                rest
            }
        }
    }

    fn number(&mut self) -> i64 {
        std::str::from_utf8(self.line())
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    /// `len` bytes of payload and their CRLF.
    fn payload(&mut self, len: i64) -> &'a [u8] {
        let start = self.pos.min(self.buf.len());
        let end = (start + len.max(0) as usize).min(self.buf.len());
        self.pos = (end + 2).min(self.buf.len());
        &self.buf[start..end]
    }

    /// Parses one reply, pushing its value when `push` (attributes are parsed unpushed).
    /// False when the input is not RESP.
    unsafe fn parse(&mut self, l: *mut lua_State, push: bool) -> bool {
        let Some(&kind) = self.buf.get(self.pos) else {
            return false;
        };
        if push {
            ffi::luaL_checkstack(l, 5, c"redis.call reply".as_ptr());
        }
        match kind {
            b'$' => {
                let len = self.number();
                if len < 0 {
                    if push {
                        ffi::lua_pushboolean(l, 0);
                    }
                } else {
                    let data = self.payload(len);
                    if push {
                        push_bytes(l, data);
                    }
                }
            }
            b'+' => {
                let line = self.line();
                if push {
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"ok");
                    push_bytes(l, line);
                    ffi::lua_settable(l, -3);
                }
            }
            b'-' => {
                let start = self.pos;
                let line = self.line();
                if push {
                    // The error with its '-': the line starts one byte after `start`.
                    push_error_table(l, &self.buf[start..start + 1 + line.len()]);
                    // Redis's mark that the error was counted when the command failed.
                    push_bytes(l, b"ignore_error_stats_update");
                    ffi::lua_pushboolean(l, 1);
                    ffi::lua_settable(l, -3);
                }
            }
            b':' => {
                let n = self.number();
                if push {
                    ffi::lua_pushnumber(l, n as f64);
                }
            }
            b'*' => {
                let len = self.number();
                if len < 0 {
                    if push {
                        ffi::lua_pushboolean(l, 0);
                    }
                    return true;
                }
                if push {
                    ffi::lua_createtable(l, 0, 0);
                }
                for j in 0..len {
                    if push {
                        ffi::lua_pushnumber(l, (j + 1) as f64);
                    }
                    if !self.parse(l, push) && push {
                        ffi::lua_pushnil(l);
                    }
                    if push {
                        ffi::lua_settable(l, -3);
                    }
                }
            }
            b'%' => {
                let len = self.number();
                if push {
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"map");
                    ffi::lua_createtable(l, 0, 0);
                }
                for _ in 0..len.max(0) {
                    let key = self.parse(l, push);
                    let value = self.parse(l, push);
                    if push {
                        if !(key && value) {
                            // Malformed: drop what was pushed and stop.
                            ffi::lua_settop(l, -1 - c_int::from(key) - c_int::from(value));
                            break;
                        }
                        ffi::lua_settable(l, -3);
                    }
                }
                if push {
                    ffi::lua_settable(l, -3);
                }
            }
            b'~' => {
                let len = self.number();
                if push {
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"set");
                    ffi::lua_createtable(l, 0, 0);
                }
                for _ in 0..len.max(0) {
                    let element = self.parse(l, push);
                    if push {
                        if !element {
                            break;
                        }
                        ffi::luaL_checkstack(l, 1, c"redis.call reply".as_ptr());
                        ffi::lua_pushboolean(l, 1);
                        ffi::lua_settable(l, -3);
                    }
                }
                if push {
                    ffi::lua_settable(l, -3);
                }
            }
            b'#' => {
                let line = self.line();
                if push {
                    ffi::lua_pushboolean(l, c_int::from(line.first() == Some(&b't')));
                }
            }
            b',' => {
                let line = self.line();
                if push {
                    let d = std::str::from_utf8(line)
                        .ok()
                        .and_then(|s| s.parse::<f64>().ok())
                        .unwrap_or(0.0);
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"double");
                    ffi::lua_pushnumber(l, d);
                    ffi::lua_settable(l, -3);
                }
            }
            b'_' => {
                self.line();
                if push {
                    ffi::lua_pushnil(l);
                }
            }
            b'(' => {
                let line = self.line();
                if push {
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"big_number");
                    push_bytes(l, line);
                    ffi::lua_settable(l, -3);
                }
            }
            b'=' => {
                let len = self.number();
                let data = self.payload(len);
                if push {
                    let (format, text) = if data.len() >= 4 {
                        (&data[..3], &data[4..])
                    } else {
                        (data, &b""[..])
                    };
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"verbatim_string");
                    ffi::lua_createtable(l, 0, 0);
                    push_bytes(l, b"string");
                    push_bytes(l, text);
                    ffi::lua_settable(l, -3);
                    push_bytes(l, b"format");
                    push_bytes(l, format);
                    ffi::lua_settable(l, -3);
                    ffi::lua_settable(l, -3);
                }
            }
            b'|' => {
                // Attributes are not shown to scripts: skip them, then read the reply.
                let len = self.number();
                for _ in 0..len.max(0) {
                    self.parse(l, false);
                    self.parse(l, false);
                }
                return self.parse(l, push);
            }
            _ => return false,
        }
        true
    }
}

/// An aggregate reply being written: where its header goes and what is left to do.
enum Frame {
    /// An array: elements `1, 2, ...` until the first nil. Lua stack: the table.
    Array { at: usize, count: usize, next: i64 },
    /// `{map={...}}`. Lua stack: the table, the map, the iteration key (and, while
    /// `value_next`, the value whose key was just written).
    Map {
        at: usize,
        count: usize,
        value_next: bool,
    },
    /// `{set={...}}`. Lua stack: the table, the set, the iteration key.
    Set { at: usize, count: usize },
}

/// Writes the reply for the value on top of the stack and pops it (`luaReplyToRedisReply`).
/// `client_resp3`: the protocol of the client the reply goes to; `lua_resp3`: whether the
/// script called `redis.setresp(3)` (booleans are then RESP3 booleans, not `:1`/null).
pub(super) unsafe fn write_reply(
    l: *mut lua_State,
    client_resp3: bool,
    lua_resp3: bool,
    out: &mut Vec<u8>,
) {
    let mut frames: Vec<Frame> = Vec::new();
    'value: loop {
        write_one(l, client_resp3, lua_resp3, out, &mut frames);
        loop {
            let Some(frame) = frames.last_mut() else {
                return;
            };
            match frame {
                Frame::Array { count, next, .. } => {
                    ffi::lua_pushnumber(l, *next as f64);
                    *next += 1;
                    ffi::lua_rawget(l, -2);
                    if ffi::lua_type(l, -1) != ffi::LUA_TNIL {
                        *count += 1;
                        continue 'value;
                    }
                    ffi::lua_settop(l, -2);
                }
                Frame::Map {
                    count, value_next, ..
                } => {
                    if *value_next {
                        *value_next = false;
                        continue 'value;
                    }
                    if ffi::lua_next(l, -2) != 0 {
                        // Write a copy of the key (lua_next needs the key itself), then the value.
                        ffi::lua_pushvalue(l, -2);
                        *value_next = true;
                        *count += 1;
                        continue 'value;
                    }
                }
                Frame::Set { count, .. } => {
                    if ffi::lua_next(l, -2) != 0 {
                        ffi::lua_settop(l, -2);
                        ffi::lua_pushvalue(l, -1);
                        *count += 1;
                        continue 'value;
                    }
                }
            }
            // The aggregate is complete: its header, then pop what it kept on the stack.
            let (at, header, pop) = match frames.pop() {
                Some(Frame::Array { at, count, .. }) => (at, format!("*{count}\r\n"), 1),
                Some(Frame::Map { at, count, .. }) if client_resp3 => {
                    (at, format!("%{count}\r\n"), 2)
                }
                Some(Frame::Map { at, count, .. }) => (at, format!("*{}\r\n", count * 2), 2),
                Some(Frame::Set { at, count }) if client_resp3 => (at, format!("~{count}\r\n"), 2),
                Some(Frame::Set { at, count }) => (at, format!("*{count}\r\n"), 2),
                None => return,
            };
            out.splice(at..at, header.into_bytes());
            ffi::lua_settop(l, -1 - pop);
        }
    }
}

/// `rawget(t, field)` for the table on top: pushes the value and answers its type.
unsafe fn raw_field(l: *mut lua_State, idx: c_int, field: &[u8]) -> c_int {
    push_bytes(l, field);
    ffi::lua_rawget(l, idx - 1);
    ffi::lua_type(l, -1)
}

/// Writes the value on top: a scalar is written and popped, an aggregate starts a frame.
unsafe fn write_one(
    l: *mut lua_State,
    client_resp3: bool,
    lua_resp3: bool,
    out: &mut Vec<u8>,
    frames: &mut Vec<Frame>,
) {
    if ffi::lua_checkstack(l, 4) == 0 {
        out.extend_from_slice(b"-ERR reached lua stack limit\r\n");
        ffi::lua_settop(l, -2);
        return;
    }
    match ffi::lua_type(l, -1) {
        ffi::LUA_TSTRING => {
            bulk(out, to_bytes(l, -1).unwrap_or_default());
        }
        ffi::LUA_TBOOLEAN => {
            let b = ffi::lua_toboolean(l, -1) != 0;
            if !lua_resp3 {
                if b {
                    out.extend_from_slice(b":1\r\n");
                } else {
                    null(out, client_resp3);
                }
            } else if client_resp3 {
                out.extend_from_slice(if b { b"#t\r\n" } else { b"#f\r\n" });
            } else {
                out.extend_from_slice(if b { b":1\r\n" } else { b":0\r\n" });
            }
        }
        ffi::LUA_TNUMBER => {
            let n = c_long_long(ffi::lua_tonumber(l, -1));
            out.extend_from_slice(format!(":{n}\r\n").as_bytes());
        }
        ffi::LUA_TTABLE => {
            if raw_field(l, -1, b"err") == ffi::LUA_TSTRING {
                ffi::lua_settop(l, -2);
                let info = push_error_info(l);
                // addReplyErrorFormatEx("-%s"): trailing CR/LF trimmed, the others spaces.
                let mut msg = info.msg.unwrap_or_default();
                while let [rest @ .., b'\r' | b'\n'] = msg {
                    msg = rest;
                }
                out.push(b'-');
                push_mapped(out, msg);
                out.extend_from_slice(b"\r\n");
                // The three fields and the table.
                ffi::lua_settop(l, -5);
                return;
            }
            ffi::lua_settop(l, -2);
            if raw_field(l, -1, b"ok") == ffi::LUA_TSTRING {
                out.push(b'+');
                push_mapped(out, cstr(to_bytes(l, -1).unwrap_or_default()));
                out.extend_from_slice(b"\r\n");
                ffi::lua_settop(l, -3);
                return;
            }
            ffi::lua_settop(l, -2);
            if raw_field(l, -1, b"double") == ffi::LUA_TNUMBER {
                double(out, ffi::lua_tonumber(l, -1), client_resp3);
                ffi::lua_settop(l, -3);
                return;
            }
            ffi::lua_settop(l, -2);
            if raw_field(l, -1, b"big_number") == ffi::LUA_TSTRING {
                let mut num = Vec::new();
                push_mapped(&mut num, to_bytes(l, -1).unwrap_or_default());
                if client_resp3 {
                    out.push(b'(');
                    out.extend_from_slice(&num);
                    out.extend_from_slice(b"\r\n");
                } else {
                    bulk(out, &num);
                }
                ffi::lua_settop(l, -3);
                return;
            }
            ffi::lua_settop(l, -2);
            if raw_field(l, -1, b"verbatim_string") == ffi::LUA_TTABLE {
                if raw_field(l, -1, b"format") == ffi::LUA_TSTRING {
                    let format = cstr(to_bytes(l, -1).unwrap_or_default());
                    if raw_field(l, -2, b"string") == ffi::LUA_TSTRING {
                        verbatim(
                            out,
                            to_bytes(l, -1).unwrap_or_default(),
                            format,
                            client_resp3,
                        );
                        ffi::lua_settop(l, -5);
                        return;
                    }
                    ffi::lua_settop(l, -2);
                }
                ffi::lua_settop(l, -2);
            }
            ffi::lua_settop(l, -2);
            if raw_field(l, -1, b"map") == ffi::LUA_TTABLE {
                ffi::lua_pushnil(l);
                frames.push(Frame::Map {
                    at: out.len(),
                    count: 0,
                    value_next: false,
                });
                return;
            }
            ffi::lua_settop(l, -2);
            if raw_field(l, -1, b"set") == ffi::LUA_TTABLE {
                ffi::lua_pushnil(l);
                frames.push(Frame::Set {
                    at: out.len(),
                    count: 0,
                });
                return;
            }
            ffi::lua_settop(l, -2);
            frames.push(Frame::Array {
                at: out.len(),
                count: 0,
                next: 1,
            });
            return;
        }
        _ => null(out, client_resp3),
    }
    ffi::lua_settop(l, -2);
}

fn bulk(out: &mut Vec<u8>, s: &[u8]) {
    out.extend_from_slice(format!("${}\r\n", s.len()).as_bytes());
    out.extend_from_slice(s);
    out.extend_from_slice(b"\r\n");
}

fn null(out: &mut Vec<u8>, resp3: bool) {
    out.extend_from_slice(if resp3 { b"_\r\n" } else { b"$-1\r\n" });
}

/// `addReplyDouble`: a bulk string in RESP2, a double in RESP3, `%.17g` either way.
fn double(out: &mut Vec<u8>, d: f64, resp3: bool) {
    let text = format_g17(d);
    if resp3 {
        out.push(b',');
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(b"\r\n");
    } else {
        bulk(out, text.as_bytes());
    }
}

/// `addReplyVerbatim`: a bulk string in RESP2; in RESP3 the format's first three bytes,
/// padded with spaces.
fn verbatim(out: &mut Vec<u8>, s: &[u8], format: &[u8], resp3: bool) {
    if !resp3 {
        bulk(out, s);
        return;
    }
    out.extend_from_slice(format!("={}\r\n", s.len() + 4).as_bytes());
    for i in 0..3 {
        out.push(format.get(i).copied().unwrap_or(b' '));
    }
    out.push(b':');
    out.extend_from_slice(s);
    out.extend_from_slice(b"\r\n");
}

/// What `luaExtractErrorInformation` reads of an error table: C strings, or None where the
/// field is neither a string nor a number.
pub(super) struct ErrorInfo<'a> {
    pub msg: Option<&'a [u8]>,
    pub source: Option<&'a [u8]>,
    pub line: Option<&'a [u8]>,
}

/// Pushes the fields `err`, `source` and `line` of the table on top (read with
/// `lua_getfield`, metamethods included, in Redis's order) and answers them; they stay valid
/// until the caller pops these three values.
pub(super) unsafe fn push_error_info<'a>(l: *mut lua_State) -> ErrorInfo<'a> {
    ffi::lua_getfield(l, -1, c"err".as_ptr());
    ffi::lua_getfield(l, -2, c"source".as_ptr());
    ffi::lua_getfield(l, -3, c"line".as_ptr());
    ffi::lua_getfield(l, -4, c"ignore_error_stats_update".as_ptr());
    ffi::lua_settop(l, -2);
    let field = |idx: c_int| {
        if ffi::lua_isstring(l, idx) != 0 {
            to_bytes(l, idx).map(cstr)
        } else {
            None
        }
    };
    ErrorInfo {
        msg: field(-3),
        source: field(-2),
        line: field(-1),
    }
}
