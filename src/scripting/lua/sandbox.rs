//! The Lua VM as Redis 7.0 sets it up (`scriptingInit`, `luaRegisterRedisAPI`): the libraries
//! (base, table, string, math, debug until the error handler has it, then the bundled ones),
//! the globals allow list, the `redis` table, Redis's `pcall` and `math.random`, the error
//! handler `__redis__err__handler`, and the globals locked.
//!
//! The reference server (Redis 7.0.15 as Debian ships it, with the Lua security fixes of
//! 2025) differs from the 7.0.15 tag: no `getfenv`, `setfenv` nor `newproxy`, and the string
//! metatable is read-only too. This VM follows the server.
//!
//! Read-only tables. Redis patches Lua with a read-only flag on tables and sets it on every
//! table reachable from the globals: any write (`x = 1`, `string.x = 1`, `rawset`,
//! `setmetatable`, `table.insert`) fails with `Attempt to modify a readonly table`. Our Lua is
//! the stock 5.1.5 mlua builds, so the flag is emulated: each locked table is replaced, wherever
//! scripts can reach it, by an empty proxy whose metatable reads through to it (`__index`) and
//! refuses writes (`__newindex`); the functions that bypass metatables (`rawset`, `rawget`,
//! `next`, `pairs`, `setmetatable`, `getmetatable`, `table.insert`, `table.foreach`) are
//! replaced by versions that see through proxies and refuse to write them. The thread's
//! globals are the proxy of the globals table. (The other functions reading tables raw read
//! array parts, which no locked table has.)
//!
//! What the stock Lua still does differently: it hashes strings longer than 31 bytes on a
//! sample of their bytes where Redis's hashes them all, so tables keyed by such strings are
//! iterated (`pairs`, RESP3 maps, cjson) in another order than Redis's.
//!
//! Binary chunks. Redis's Lua never loads bytecode (it parses it as text: a syntax error); the
//! stock Lua would, which is unsafe: the script compiler, `loadstring` and `load` here refuse
//! it with Redis's message. They also keep the chunk's name on the stack while compiling, the
//! fix of CVE-2025-49844 (the parser freeing the name it still uses).

use std::ffi::{c_char, c_int, c_void};
use std::sync::OnceLock;

use mlua::ffi::{self, lua_State};
use mlua::{Lua, LuaOptions, StdLib};

use super::api;
use super::convert::push_bytes;
use super::text::chunk_id;

/// What registers the bundled libraries (cjson, cmsgpack, bit, struct) as globals.
pub type LibsHook = fn(&Lua) -> mlua::Result<()>;

/// Globals scripts may have (Redis's allow lists). Anything else a library adds is removed
/// (and logged, unless on [`DENIED`]).
const ALLOWED: &[&[u8]] = &[
    // libraries
    b"string",
    b"cjson",
    b"bit",
    b"cmsgpack",
    b"math",
    b"table",
    b"struct",
    // the Redis API
    b"redis",
    b"__redis__err__handler",
    // Lua builtins (getfenv, setfenv and newproxy are gone from the reference server)
    b"xpcall",
    b"tostring",
    b"setmetatable",
    b"next",
    b"assert",
    b"tonumber",
    b"rawequal",
    b"collectgarbage",
    b"getmetatable",
    b"rawset",
    b"pcall",
    b"coroutine",
    b"type",
    b"_G",
    b"select",
    b"unpack",
    b"gcinfo",
    b"pairs",
    b"rawget",
    b"loadstring",
    b"ipairs",
    b"_VERSION",
    b"load",
    b"error",
    // until the error handler took it
    b"debug",
];

/// Globals known to be unwanted: removed without a warning.
const DENIED: &[&[u8]] = &[
    b"dofile",
    b"loadfile",
    b"print",
    b"getfenv",
    b"setfenv",
    b"newproxy",
    b"module",
    b"require",
    b"package",
    b"os",
    b"io",
];

/// Registry keys (the addresses of these statics).
static REAL_GLOBALS: u8 = 0;
static PROXY_OF: u8 = 0;
static REAL_OF: u8 = 0;
static ORIGINAL_TINSERT: OnceLock<ffi::lua_CFunction> = OnceLock::new();
static ORIGINAL_FOREACH: OnceLock<ffi::lua_CFunction> = OnceLock::new();

fn key(k: &'static u8) -> *mut c_void {
    k as *const u8 as *mut c_void
}

/// A fresh VM: the libraries, the `redis` API, the globals locked.
pub(super) fn new_lua(libs: LibsHook) -> Result<Lua, String> {
    // SAFETY: the debug library is loaded for the error handler, which keeps it in an upvalue
    // and removes it from the globals before any script runs.
    let lua = unsafe {
        Lua::unsafe_new_with(
            StdLib::TABLE | StdLib::STRING | StdLib::MATH | StdLib::DEBUG,
            LuaOptions::new(),
        )
    };
    // SAFETY: `before_libs` uses the Lua C API on the state exec_raw gives, in protected mode.
    unsafe { lua.exec_raw::<()>((), |l| before_libs(l)) }.map_err(|e| format!("Lua setup: {e}"))?;
    libs(&lua).map_err(|e| format!("Lua libraries: {e}"))?;
    // SAFETY: as above.
    unsafe { lua.exec_raw::<()>((), |l| after_libs(l)) }.map_err(|e| format!("Lua setup: {e}"))?;
    Ok(lua)
}

/// Removes the globals not allowed, then guards new ones by the allow list (Redis sets that
/// guard before loading any library; mlua loads the standard ones first).
unsafe fn before_libs(l: *mut lua_State) {
    filter_globals(l);
    ffi::lua_pushvalue(l, ffi::LUA_GLOBALSINDEX);
    ffi::lua_createtable(l, 0, 2);
    ffi::lua_pushcclosure(l, new_global, 0);
    ffi::lua_setfield(l, -2, c"__newindex".as_ptr());
    ffi::lua_setmetatable(l, -2);
    ffi::lua_settop(l, 0);
}

unsafe fn after_libs(l: *mut lua_State) {
    let g = ffi::LUA_GLOBALSINDEX;
    // Redis's pcall, the redis table, math.random.
    ffi::lua_pushcclosure(l, api::pcall, 0);
    ffi::lua_setfield(l, g, c"pcall".as_ptr());
    api::push_redis_table(l);
    ffi::lua_setfield(l, g, c"redis".as_ptr());
    ffi::lua_getfield(l, g, c"math".as_ptr());
    ffi::lua_pushcclosure(l, api::math_random, 0);
    ffi::lua_setfield(l, -2, c"random".as_ptr());
    ffi::lua_pushcclosure(l, api::math_randomseed, 0);
    ffi::lua_setfield(l, -2, c"randomseed".as_ptr());
    ffi::lua_settop(l, 0);

    // The functions that see through the read-only proxies, and the chunk loaders.
    ffi::lua_getfield(l, g, c"table".as_ptr());
    let table_functions: [(
        &std::ffi::CStr,
        &OnceLock<ffi::lua_CFunction>,
        ffi::lua_CFunction,
    ); 2] = [
        (c"insert", &ORIGINAL_TINSERT, table_insert),
        (c"foreach", &ORIGINAL_FOREACH, table_foreach),
    ];
    for (name, original, wrapper) in table_functions {
        ffi::lua_getfield(l, -1, name.as_ptr());
        if let Some(f) = ffi::lua_tocfunction(l, -1) {
            original.get_or_init(|| f);
        }
        ffi::lua_settop(l, -2);
        ffi::lua_pushcclosure(l, wrapper, 0);
        ffi::lua_setfield(l, -2, name.as_ptr());
    }
    ffi::lua_settop(l, 0);
    let builtins: [(&std::ffi::CStr, ffi::lua_CFunction); 8] = [
        (c"next", next),
        (c"rawget", rawget),
        (c"rawset", rawset),
        (c"setmetatable", setmetatable),
        (c"getmetatable", getmetatable),
        (c"unpack", unpack),
        (c"loadstring", loadstring),
        (c"load", load),
    ];
    for (name, f) in builtins {
        ffi::lua_pushcclosure(l, f, 0);
        ffi::lua_setfield(l, g, name.as_ptr());
    }
    ffi::lua_getfield(l, g, c"next".as_ptr());
    ffi::lua_pushcclosure(l, pairs, 1);
    ffi::lua_setfield(l, g, c"pairs".as_ptr());

    // The error handler of script runs: adds where the error happened to the error table.
    // It keeps `debug` for itself and removes it from the globals.
    const HANDLER: &[u8] = b"local dbg = debug
debug = nil
function __redis__err__handler(err)
  local i = dbg.getinfo(2, 'nSl')
  if i and i.what == 'C' then
    i = dbg.getinfo(3, 'nSl')
  end
  if type(err) ~= 'table' then
    err = {err = 'ERR ' .. tostring(err)}
  end
  if i then
    err['source'] = i.source
    err['line'] = i.currentline
  end
  return err
end
";
    if ffi::luaL_loadbuffer(
        l,
        HANDLER.as_ptr() as *const c_char,
        HANDLER.len(),
        c"@err_handler_def".as_ptr(),
    ) == 0
    {
        ffi::lua_call(l, 0, 0);
    }
    ffi::lua_settop(l, 0);

    filter_globals(l);

    // From now on the globals' metatable only makes reading a missing global an error (it
    // replaces the allow-list guard, as Redis's luaSetErrorMetatable does).
    ffi::lua_pushvalue(l, g);
    ffi::lua_createtable(l, 0, 1);
    ffi::lua_pushcclosure(l, missing_global, 0);
    ffi::lua_setfield(l, -2, c"__index".as_ptr());
    ffi::lua_setmetatable(l, -2);
    ffi::lua_settop(l, 0);

    // Lock everything reachable from the globals, and the string metatable.
    ffi::lua_newtable(l);
    ffi::lua_pushlightuserdata(l, key(&PROXY_OF));
    ffi::lua_pushvalue(l, -2);
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
    ffi::lua_newtable(l);
    ffi::lua_pushlightuserdata(l, key(&REAL_OF));
    ffi::lua_pushvalue(l, -2);
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
    ffi::lua_settop(l, 0);
    ffi::lua_pushlightuserdata(l, key(&REAL_GLOBALS));
    ffi::lua_pushvalue(l, g);
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
    ffi::lua_pushvalue(l, g);
    lock(l, 1); // pushes the proxy of the globals
    push_bytes(l, b"");
    if ffi::lua_getmetatable(l, -1) != 0 {
        // Strings' methods are found through the locked string table.
        ffi::lua_getfield(l, 2, c"string".as_ptr());
        ffi::lua_setfield(l, -2, c"__index".as_ptr());
        lock(l, ffi::lua_gettop(l));
    }
    ffi::lua_settop(l, 2);
    // From now on the globals of scripts (and of what they load) are the proxy.
    ffi::lua_replace(l, g);
    ffi::lua_settop(l, 0);
}

/// Removes the globals not on the allow list.
unsafe fn filter_globals(l: *mut lua_State) {
    ffi::lua_pushvalue(l, ffi::LUA_GLOBALSINDEX);
    let t = ffi::lua_gettop(l);
    ffi::lua_pushnil(l);
    while ffi::lua_next(l, t) != 0 {
        ffi::lua_settop(l, -2);
        let name = super::convert::to_bytes_if_string(l, -1);
        let allowed = name.is_some_and(|n| ALLOWED.contains(&n));
        if !allowed {
            if let Some(name) = name {
                if !DENIED.contains(&name) {
                    warn_global(name);
                }
            }
            // Setting a present key to nil during the traversal is allowed.
            ffi::lua_pushvalue(l, -1);
            ffi::lua_pushnil(l);
            ffi::lua_rawset(l, t);
        }
    }
    ffi::lua_settop(l, t - 1);
}

fn warn_global(name: &[u8]) {
    crate::serverlog!(
        Warning,
        "A key '{}' was added to Lua globals which is not on the globals allow list nor listed on the deny list.",
        String::from_utf8_lossy(name)
    );
}

/// The globals' `__newindex` while libraries load (`luaNewIndexAllowList`): allowed names
/// are set, others dropped.
unsafe extern "C-unwind" fn new_global(l: *mut lua_State) -> c_int {
    if ffi::lua_gettop(l) != 3 {
        return ffi::luaL_error(
            l,
            c"Wrong number of arguments to luaNewIndexAllowList".as_ptr(),
        );
    }
    if ffi::lua_istable(l, -3) == 0 {
        return ffi::luaL_error(
            l,
            c"first argument to luaNewIndexAllowList must be a table".as_ptr(),
        );
    }
    if ffi::lua_isstring(l, -2) == 0 && ffi::lua_isnumber(l, -2) == 0 {
        return ffi::luaL_error(
            l,
            c"Second argument to luaNewIndexAllowList must be a string or number".as_ptr(),
        );
    }
    ffi::lua_pushvalue(l, -2);
    let name = super::convert::to_bytes(l, -1).unwrap_or_default();
    if ALLOWED.contains(&name) {
        ffi::lua_settop(l, -2);
        ffi::lua_rawset(l, -3);
    } else if !DENIED.contains(&name) {
        warn_global(name);
    }
    0
}

/// The globals' `__index` (`luaProtectedTableError`): reading a missing global is an error.
unsafe extern "C-unwind" fn missing_global(l: *mut lua_State) -> c_int {
    if ffi::lua_gettop(l) != 2 {
        crate::serverlog!(
            Warning,
            "malicious code trying to call luaProtectedTableError with wrong arguments"
        );
        return ffi::luaL_error(
            l,
            c"Wrong number of arguments to luaProtectedTableError".as_ptr(),
        );
    }
    if ffi::lua_isstring(l, -1) == 0 && ffi::lua_isnumber(l, -1) == 0 {
        return ffi::luaL_error(
            l,
            c"Second argument to luaProtectedTableError must be a string or number".as_ptr(),
        );
    }
    let name = ffi::lua_tolstring(l, -1, std::ptr::null_mut());
    ffi::luaL_error(
        l,
        c"Script attempted to access nonexistent global variable '%s'".as_ptr(),
        name,
    )
}

/// A proxy's `__newindex`: writing a locked table is an error.
unsafe extern "C-unwind" fn read_only(l: *mut lua_State) -> c_int {
    ffi::luaL_error(l, c"Attempt to modify a readonly table".as_ptr())
}

/// The error of writing a locked table from a C function (`rawset`, ...): no position, as
/// Lua adds none for errors raised in C.
unsafe fn raise_read_only(l: *mut lua_State) -> ! {
    push_bytes(l, b"Attempt to modify a readonly table");
    ffi::lua_error(l)
}

/// Pushes the registry table `k`.
unsafe fn registry_table(l: *mut lua_State, k: &'static u8) {
    ffi::lua_pushlightuserdata(l, key(k));
    ffi::lua_rawget(l, ffi::LUA_REGISTRYINDEX);
}

/// Locks the table at `idx` (absolute) and everything reachable from it and its metatable:
/// replaces the tables it holds by their proxies and pushes its own proxy.
unsafe fn lock(l: *mut lua_State, t: c_int) {
    ffi::luaL_checkstack_(l, 8, c"locking tables".as_ptr());
    // A proxy (the string metatable holds the string table's) stays as it is.
    registry_table(l, &REAL_OF);
    ffi::lua_pushvalue(l, t);
    ffi::lua_rawget(l, -2);
    let is_proxy = ffi::lua_isnil(l, -1) == 0;
    ffi::lua_settop(l, -3);
    if is_proxy {
        ffi::lua_pushvalue(l, t);
        return;
    }
    registry_table(l, &PROXY_OF);
    ffi::lua_pushvalue(l, t);
    ffi::lua_rawget(l, -2);
    if ffi::lua_isnil(l, -1) == 0 {
        ffi::lua_remove(l, -2);
        return;
    }
    ffi::lua_settop(l, -2);
    // proxy_of[t] = p, real_of[p] = t
    ffi::lua_newtable(l);
    let p = ffi::lua_gettop(l);
    ffi::lua_pushvalue(l, t);
    ffi::lua_pushvalue(l, p);
    ffi::lua_rawset(l, p - 1);
    registry_table(l, &REAL_OF);
    ffi::lua_pushvalue(l, p);
    ffi::lua_pushvalue(l, t);
    ffi::lua_rawset(l, -3);
    ffi::lua_settop(l, p);
    ffi::lua_remove(l, p - 1);
    let p = p - 1;
    // The tables t holds become their proxies.
    ffi::lua_pushnil(l);
    while ffi::lua_next(l, t) != 0 {
        if ffi::lua_istable(l, -1) != 0 {
            let value = ffi::lua_gettop(l);
            lock(l, value);
            ffi::lua_pushvalue(l, -3);
            ffi::lua_insert(l, -2);
            ffi::lua_rawset(l, t);
        }
        ffi::lua_settop(l, -2);
    }
    if ffi::lua_getmetatable(l, t) != 0 {
        let mt = ffi::lua_gettop(l);
        lock(l, mt);
        ffi::lua_settop(l, mt - 1);
    }
    // The proxy reads through to t and refuses writes.
    ffi::lua_createtable(l, 0, 2);
    ffi::lua_pushvalue(l, t);
    ffi::lua_setfield(l, -2, c"__index".as_ptr());
    ffi::lua_pushcclosure(l, read_only, 0);
    ffi::lua_setfield(l, -2, c"__newindex".as_ptr());
    ffi::lua_setmetatable(l, p);
    ffi::lua_settop(l, p);
}

/// Whether the value at `idx` (absolute) is a locked table or a proxy of one.
unsafe fn is_locked(l: *mut lua_State, idx: c_int) -> bool {
    if ffi::lua_istable(l, idx) == 0 {
        return false;
    }
    for k in [&PROXY_OF, &REAL_OF] {
        registry_table(l, k);
        ffi::lua_pushvalue(l, idx);
        ffi::lua_rawget(l, -2);
        let found = ffi::lua_isnil(l, -1) == 0;
        ffi::lua_settop(l, -3);
        if found {
            return true;
        }
    }
    false
}

/// Replaces the proxy at `idx` (absolute) by its locked table; other values stay.
unsafe fn unproxy(l: *mut lua_State, idx: c_int) {
    // Proxies have a metatable; most tables scripts iterate have none.
    if ffi::lua_istable(l, idx) == 0 || ffi::lua_getmetatable(l, idx) == 0 {
        return;
    }
    ffi::lua_settop(l, -2);
    registry_table(l, &REAL_OF);
    ffi::lua_pushvalue(l, idx);
    ffi::lua_rawget(l, -2);
    if ffi::lua_isnil(l, -1) == 0 {
        ffi::lua_replace(l, idx);
        ffi::lua_settop(l, -2);
    } else {
        ffi::lua_settop(l, -3);
    }
}

/// Replaces the locked table on top by its proxy; other values stay.
unsafe fn to_proxy(l: *mut lua_State) {
    if ffi::lua_istable(l, -1) == 0 {
        return;
    }
    registry_table(l, &PROXY_OF);
    ffi::lua_pushvalue(l, -2);
    ffi::lua_rawget(l, -2);
    if ffi::lua_isnil(l, -1) == 0 {
        ffi::lua_replace(l, -3);
        ffi::lua_settop(l, -2);
    } else {
        ffi::lua_settop(l, -3);
    }
}

/// The globals table (not its proxy), where the run sets KEYS and ARGV.
pub(super) unsafe fn push_real_globals(l: *mut lua_State) {
    registry_table(l, &REAL_GLOBALS);
}

/// `next(t [, k])`, seeing through proxies.
unsafe extern "C-unwind" fn next(l: *mut lua_State) -> c_int {
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    ffi::lua_settop(l, 2);
    unproxy(l, 1);
    if ffi::lua_next(l, 1) != 0 {
        2
    } else {
        ffi::lua_pushnil(l);
        1
    }
}

/// `pairs(t)`: the `next` above (its upvalue), t, nil.
unsafe extern "C-unwind" fn pairs(l: *mut lua_State) -> c_int {
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    ffi::lua_pushvalue(l, ffi::lua_upvalueindex(1));
    ffi::lua_pushvalue(l, 1);
    ffi::lua_pushnil(l);
    3
}

/// `rawget(t, k)`, seeing through proxies.
unsafe extern "C-unwind" fn rawget(l: *mut lua_State) -> c_int {
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    ffi::luaL_checkany(l, 2);
    ffi::lua_settop(l, 2);
    unproxy(l, 1);
    ffi::lua_rawget(l, 1);
    1
}

/// `rawset(t, k, v)`, refused on locked tables.
unsafe extern "C-unwind" fn rawset(l: *mut lua_State) -> c_int {
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    ffi::luaL_checkany(l, 2);
    ffi::luaL_checkany(l, 3);
    ffi::lua_settop(l, 3);
    if is_locked(l, 1) {
        raise_read_only(l);
    }
    ffi::lua_rawset(l, 1);
    1
}

/// `setmetatable(t, mt)`, refused on locked tables.
unsafe extern "C-unwind" fn setmetatable(l: *mut lua_State) -> c_int {
    let t = ffi::lua_type(l, 2);
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    if t != ffi::LUA_TNIL && t != ffi::LUA_TTABLE {
        ffi::luaL_argerror(l, 2, c"nil or table expected".as_ptr());
    }
    if ffi::luaL_getmetafield_(l, 1, c"__metatable".as_ptr()) != 0 {
        return ffi::luaL_error(l, c"cannot change a protected metatable".as_ptr());
    }
    ffi::lua_settop(l, 2);
    if is_locked(l, 1) {
        raise_read_only(l);
    }
    ffi::lua_setmetatable(l, 1);
    1
}

/// `getmetatable(v)`: a proxy's is its table's; a locked metatable is answered as its proxy.
unsafe extern "C-unwind" fn getmetatable(l: *mut lua_State) -> c_int {
    ffi::luaL_checkany(l, 1);
    ffi::lua_settop(l, 1);
    unproxy(l, 1);
    if ffi::lua_getmetatable(l, 1) == 0 {
        ffi::lua_pushnil(l);
        return 1;
    }
    ffi::luaL_getmetafield_(l, 1, c"__metatable".as_ptr());
    to_proxy(l);
    1
}

/// `table.insert(t, [pos,] v)`, refused on locked tables (after the checks Lua's does).
unsafe extern "C-unwind" fn table_insert(l: *mut lua_State) -> c_int {
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    if is_locked(l, 1) {
        match ffi::lua_gettop(l) {
            2 => {}
            3 => {
                ffi::luaL_checkinteger(l, 2);
            }
            _ => {
                return ffi::luaL_error(l, c"wrong number of arguments to 'insert'".as_ptr());
            }
        }
        raise_read_only(l);
    }
    match ORIGINAL_TINSERT.get() {
        Some(original) => original(l),
        None => 0,
    }
}

/// `table.foreach(t, f)`, seeing through proxies.
unsafe extern "C-unwind" fn table_foreach(l: *mut lua_State) -> c_int {
    unproxy(l, 1);
    match ORIGINAL_FOREACH.get() {
        Some(original) => original(l),
        None => 0,
    }
}

/// `unpack(t [, i [, j]])`, with the fix of CVE-2025-46817 (the element count cannot
/// overflow).
unsafe extern "C-unwind" fn unpack(l: *mut lua_State) -> c_int {
    ffi::luaL_checktype(l, 1, ffi::LUA_TTABLE);
    let i = ffi::luaL_optinteger(l, 2, 1) as i32;
    let e = if ffi::lua_isnoneornil(l, 3) != 0 {
        ffi::lua_objlen(l, 1) as i32
    } else {
        ffi::luaL_checkinteger(l, 3) as i32
    };
    if i > e {
        return 0;
    }
    let span = i64::from(e) - i64::from(i);
    if span >= i64::from(i32::MAX) || ffi::lua_checkstack(l, (span + 1) as c_int) == 0 {
        return ffi::luaL_error(l, c"too many results to unpack".as_ptr());
    }
    for k in i64::from(i)..=i64::from(e) {
        ffi::lua_rawgeti_(l, 1, k as c_int);
    }
    (span + 1) as c_int
}

/// Pushes the message of a binary chunk refused, as Redis's Lua (which parses it as text)
/// words the syntax error: `<chunk>:1: unexpected symbol near 'char(27)'`.
unsafe fn push_binary_refused(l: *mut lua_State, chunkname: *const c_char) {
    let name = std::ffi::CStr::from_ptr(chunkname).to_bytes();
    let (id, len) = chunk_id(name);
    push_bytes(l, &id[..len]);
    push_bytes(l, b":1: unexpected symbol near 'char(27)'");
    ffi::lua_concat(l, 2);
}

/// Compiles `code` named `chunkname` as Redis's Lua does (binary chunks refused, the name
/// kept alive): 0 and the function pushed, or the error status and its message pushed.
pub(super) unsafe fn load_buffer(
    l: *mut lua_State,
    code: &[u8],
    chunkname: *const c_char,
) -> c_int {
    ffi::lua_pushstring(l, chunkname);
    let status = if code.first() == Some(&0x1b) {
        push_binary_refused(l, chunkname);
        ffi::LUA_ERRSYNTAX
    } else {
        ffi::luaL_loadbuffer(l, code.as_ptr() as *const c_char, code.len(), chunkname)
    };
    ffi::lua_remove(l, -2);
    status
}

/// `load_aux` of Lua's base library: the function, or nil and the message.
unsafe fn load_result(l: *mut lua_State, status: c_int) -> c_int {
    if status == 0 {
        1
    } else {
        ffi::lua_pushnil(l);
        ffi::lua_insert(l, -2);
        2
    }
}

/// `loadstring(s [, chunkname])`.
unsafe extern "C-unwind" fn loadstring(l: *mut lua_State) -> c_int {
    let mut len = 0usize;
    let s = ffi::luaL_checklstring(l, 1, &mut len);
    let chunkname = ffi::luaL_optlstring(l, 2, s, std::ptr::null_mut());
    let code = std::slice::from_raw_parts(s as *const u8, len);
    let status = load_buffer(l, code, chunkname);
    load_result(l, status)
}

/// What `load`'s reader knows between calls.
struct Reader {
    first: bool,
}

/// `load(f [, chunkname])`: the chunk is the concatenation of what `f` returns.
unsafe extern "C-unwind" fn load(l: *mut lua_State) -> c_int {
    let chunkname = ffi::luaL_optlstring(l, 2, c"=(load)".as_ptr(), std::ptr::null_mut());
    ffi::luaL_checktype(l, 1, ffi::LUA_TFUNCTION);
    ffi::lua_settop(l, 3);
    // The name, kept alive while compiling.
    ffi::lua_pushstring(l, chunkname);
    let mut reader = Reader { first: true };
    let status = ffi::lua_load(
        l,
        read_piece,
        &mut reader as *mut Reader as *mut c_void,
        chunkname,
    );
    load_result(l, status)
}

/// `load`'s reader (Lua's `generic_reader`), refusing a binary chunk.
unsafe extern "C-unwind" fn read_piece(
    l: *mut lua_State,
    data: *mut c_void,
    size: *mut usize,
) -> *const c_char {
    ffi::luaL_checkstack_(l, 2, c"too many nested functions".as_ptr());
    ffi::lua_pushvalue(l, 1);
    ffi::lua_call(l, 0, 1);
    if ffi::lua_isnil(l, -1) != 0 {
        *size = 0;
        return std::ptr::null();
    }
    if ffi::lua_isstring(l, -1) == 0 {
        ffi::luaL_error(l, c"reader function must return a string".as_ptr());
        return std::ptr::null();
    }
    let reader = &mut *(data as *mut Reader);
    if reader.first {
        reader.first = false;
        let mut len = 0usize;
        let piece = ffi::lua_tolstring(l, -1, &mut len);
        if len > 0 && *piece as u8 == 0x1b {
            // A space in front: the parser, not the undumper, gets the chunk, and fails on
            // the escape byte as Redis's Lua does (raising here instead would go through the
            // script's error handler).
            push_bytes(l, b" ");
            ffi::lua_insert(l, -2);
            ffi::lua_concat(l, 2);
        }
    }
    ffi::lua_replace(l, 3);
    ffi::lua_tolstring(l, 3, size)
}

/// Registry keys of the functions VM: the locked table of what a library's code sees while it
/// loads (`LIBRARY_API`: `redis` with `register_function`, `log`, the log levels and the
/// version), the environment of every library's chunk, and that environment's metatable.
static LIBRARY_API: u8 = 0;
static LIBRARY_ENV: u8 = 0;
static LIBRARY_ENV_META: u8 = 0;

/// Gives the table on top the metatable of Redis's `luaSetErrorMetatable`: reading a missing
/// field is an error.
unsafe fn set_error_metatable(l: *mut lua_State) {
    ffi::lua_createtable(l, 0, 1);
    ffi::lua_pushcclosure(l, missing_global, 0);
    ffi::lua_setfield(l, -2, c"__index".as_ptr());
    ffi::lua_setmetatable(l, -2);
}

/// Makes a VM (from [`new_lua`]) one of functions, as Redis's `luaEngineInitEngine`: the
/// chunk of each library gets an environment that reads through to the globals, or, while
/// the library loads, to the load API only (`register` is `redis.register_function`). The
/// environment and both tables it reads through to are read-only.
pub(super) unsafe fn setup_library_env(l: *mut lua_State, register: ffi::lua_CFunction) {
    ffi::lua_settop(l, 0);
    ffi::lua_createtable(l, 0, 1); // the load API (1)
    ffi::lua_createtable(l, 0, 8); // its redis table
    ffi::lua_pushcclosure(l, register, 0);
    ffi::lua_setfield(l, -2, c"register_function".as_ptr());
    ffi::lua_pushcclosure(l, api::log, 0);
    ffi::lua_setfield(l, -2, c"log".as_ptr());
    for (name, n) in [
        (c"LOG_DEBUG", 0.0),
        (c"LOG_VERBOSE", 1.0),
        (c"LOG_NOTICE", 2.0),
        (c"LOG_WARNING", 3.0),
        (c"REDIS_VERSION_NUM", f64::from(api::version_num())),
    ] {
        ffi::lua_pushnumber(l, n);
        ffi::lua_setfield(l, -2, name.as_ptr());
    }
    push_bytes(l, crate::REDIS_VERSION.as_bytes());
    ffi::lua_setfield(l, -2, c"REDIS_VERSION".as_ptr());
    set_error_metatable(l);
    ffi::lua_setfield(l, 1, c"redis".as_ptr());
    set_error_metatable(l);
    lock(l, 1); // pushes its proxy (2)
    ffi::lua_pushlightuserdata(l, key(&LIBRARY_API));
    ffi::lua_pushvalue(l, 2);
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
    ffi::lua_settop(l, 0);
    // The environment: empty, reading through its metatable, refusing writes.
    ffi::lua_createtable(l, 0, 0);
    ffi::lua_createtable(l, 0, 2);
    ffi::lua_pushvalue(l, ffi::LUA_GLOBALSINDEX);
    ffi::lua_setfield(l, -2, c"__index".as_ptr());
    ffi::lua_pushcclosure(l, read_only, 0);
    ffi::lua_setfield(l, -2, c"__newindex".as_ptr());
    ffi::lua_pushlightuserdata(l, key(&LIBRARY_ENV_META));
    ffi::lua_pushvalue(l, -2);
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
    ffi::lua_setmetatable(l, -2);
    ffi::lua_pushlightuserdata(l, key(&LIBRARY_ENV));
    ffi::lua_pushvalue(l, -2);
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
    ffi::lua_settop(l, 0);
}

/// Pushes the environment of libraries' chunks.
pub(super) unsafe fn push_library_env(l: *mut lua_State) {
    registry_table(l, &LIBRARY_ENV);
}

/// While a library loads (`loading`), its environment reads through to the load API; else
/// to the globals.
pub(super) unsafe fn set_library_loading(l: *mut lua_State, loading: bool) {
    registry_table(l, &LIBRARY_ENV_META);
    if loading {
        registry_table(l, &LIBRARY_API);
    } else {
        ffi::lua_pushvalue(l, ffi::LUA_GLOBALSINDEX);
    }
    ffi::lua_setfield(l, -2, c"__index".as_ptr());
    ffi::lua_settop(l, -2);
}
