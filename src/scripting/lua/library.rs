//! The functions VM (FUNCTION LOAD, FCALL), as Redis 7.0's `function_lua.c`: a VM of its own,
//! separate from EVAL's, where each library's code runs once at load time with only
//! `redis.register_function`, `redis.log`, the log levels and the version in reach (any other
//! global is a "nonexistent global variable"), registering its functions; a function is later
//! called with its keys and arguments as its two arguments, seeing the same globals as
//! scripts.

use std::ffi::{c_int, c_void};
use std::time::{Duration, Instant};

use bytes::Bytes;
use mlua::ffi::{self, lua_State};

use super::convert::{push_error_table, to_bytes};
use super::text::cstr;
use super::{sandbox, Callee, Interpreter, ScriptFlags};
use crate::scripting::Runner;

/// A function a library registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionDef {
    pub name: String,
    pub description: Option<Bytes>,
    pub flags: ScriptFlags,
}

/// How long a library's code may run at load time (`LOAD_TIMEOUT_MS`).
const LOAD_TIMEOUT: Duration = Duration::from_millis(500);

/// The state of one library load, reachable from `redis.register_function`.
struct LoadCtx {
    defs: Vec<(FunctionDef, c_int)>,
    started: Instant,
    timeout: bool,
}

static LOAD_CTX_KEY: u8 = 0;

unsafe fn set_load_ctx(l: *mut lua_State, ctx: *mut LoadCtx) {
    ffi::lua_pushlightuserdata(l, &LOAD_CTX_KEY as *const u8 as *mut c_void);
    if ctx.is_null() {
        ffi::lua_pushnil(l);
    } else {
        ffi::lua_pushlightuserdata(l, ctx as *mut c_void);
    }
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
}

unsafe fn load_ctx<'a>(l: *mut lua_State) -> Option<&'a mut LoadCtx> {
    ffi::lua_pushlightuserdata(l, &LOAD_CTX_KEY as *const u8 as *mut c_void);
    ffi::lua_rawget(l, ffi::LUA_REGISTRYINDEX);
    let p = ffi::lua_touserdata(l, -1) as *mut LoadCtx;
    ffi::lua_settop(l, -2);
    p.as_mut()
}

/// The flag names of Redis (`scripts_flags_def`), in its order.
pub const FLAG_NAMES: [&str; 5] = [
    "no-writes",
    "allow-oom",
    "allow-stale",
    "no-cluster",
    "allow-cross-slot-keys",
];

/// Sets the flag named `name` (any case); false if there is none.
fn set_flag(flags: &mut ScriptFlags, name: &[u8]) -> bool {
    let name = name.to_ascii_lowercase();
    match name.as_slice() {
        b"no-writes" => flags.no_writes = true,
        b"allow-oom" => flags.allow_oom = true,
        b"allow-stale" => flags.allow_stale = true,
        b"no-cluster" => flags.no_cluster = true,
        b"allow-cross-slot-keys" => flags.allow_cross_slot_keys = true,
        _ => return false,
    }
    true
}

/// The names of the flags set, in Redis's order (FUNCTION LIST).
pub fn flag_names(flags: &ScriptFlags) -> Vec<&'static str> {
    let set = [
        flags.no_writes,
        flags.allow_oom,
        flags.allow_stale,
        flags.no_cluster,
        flags.allow_cross_slot_keys,
    ];
    FLAG_NAMES
        .iter()
        .zip(set)
        .filter(|(_, on)| *on)
        .map(|(n, _)| *n)
        .collect()
}

/// Redis's `functionsVerifyName`: letters, digits and `_`, at least one.
pub fn valid_name(name: &[u8]) -> bool {
    !name.is_empty() && name.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// The error of an invalid library or function name.
pub const BAD_NAME: &str = "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long";

/// The hook of a load: stops code running longer than the load timeout.
unsafe extern "C-unwind" fn load_hook(l: *mut lua_State, _ar: *mut ffi::lua_Debug) {
    let late = load_ctx(l).is_some_and(|ctx| ctx.timeout && ctx.started.elapsed() > LOAD_TIMEOUT);
    if late {
        ffi::lua_sethook(l, Some(load_hook), ffi::LUA_MASKLINE, 0);
        push_error_table(l, b"FUNCTION LOAD timeout");
        ffi::lua_error(l);
    }
}

/// `redis.register_function(name, callback)` or `redis.register_function{...}`.
unsafe extern "C-unwind" fn register_function(l: *mut lua_State) -> c_int {
    let outcome = match load_ctx(l) {
        None => Err("redis.register_function can only be called on FUNCTION LOAD command"),
        Some(ctx) => read_registration(l, ctx),
    };
    match outcome {
        Ok(()) => 0,
        Err(msg) => {
            push_error_table(l, msg.as_bytes());
            ffi::lua_error(l)
        }
    }
}

/// A copy of the string (or number) at `idx`, or `None`.
unsafe fn string_at(l: *mut lua_State, idx: c_int) -> Option<Vec<u8>> {
    if ffi::lua_isstring(l, idx) == 0 {
        return None;
    }
    to_bytes(l, idx).map(|b| b.to_vec())
}

/// Reads the arguments of `redis.register_function` and adds the function to the load.
unsafe fn read_registration(l: *mut lua_State, ctx: &mut LoadCtx) -> Result<(), &'static str> {
    let argc = ffi::lua_gettop(l);
    if !(1..=2).contains(&argc) {
        return Err("wrong number of arguments to redis.register_function");
    }
    let mut name: Option<Vec<u8>> = None;
    let mut description: Option<Vec<u8>> = None;
    let mut callback: Option<c_int> = None;
    let mut flags = ScriptFlags::default();
    let unref = |callback: Option<c_int>| {
        if let Some(r) = callback {
            ffi::luaL_unref(l, ffi::LUA_REGISTRYINDEX, r);
        }
    };
    if argc == 1 {
        if ffi::lua_istable(l, 1) == 0 {
            return Err("calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
        }
        ffi::luaL_checkstack_(l, 4, c"register_function".as_ptr());
        ffi::lua_pushnil(l);
        while ffi::lua_next(l, 1) != 0 {
            if ffi::lua_isstring(l, -2) == 0 {
                unref(callback);
                return Err("named argument key given to redis.register_function is not a string");
            }
            let key = if ffi::lua_type(l, -2) == ffi::LUA_TSTRING {
                to_bytes(l, -2).unwrap_or_default().to_ascii_lowercase()
            } else {
                Vec::new()
            };
            let failed = match key.as_slice() {
                b"function_name" => match string_at(l, -1) {
                    Some(v) => {
                        name = Some(v);
                        None
                    }
                    None => Some(
                        "function_name argument given to redis.register_function must be a string",
                    ),
                },
                b"description" => match string_at(l, -1) {
                    Some(v) => {
                        description = Some(v);
                        None
                    }
                    None => Some(
                        "description argument given to redis.register_function must be a string",
                    ),
                },
                b"callback" => {
                    if ffi::lua_isfunction(l, -1) == 0 {
                        Some(
                            "callback argument given to redis.register_function must be a function",
                        )
                    } else {
                        unref(callback.take());
                        callback = Some(ffi::luaL_ref(l, ffi::LUA_REGISTRYINDEX));
                        continue;
                    }
                }
                b"flags" => {
                    if ffi::lua_istable(l, -1) == 0 {
                        Some("flags argument to redis.register_function must be a table representing function flags")
                    } else if read_flags(l, &mut flags) {
                        None
                    } else {
                        Some("unknown flag given")
                    }
                }
                _ => Some("unknown argument given to redis.register_function"),
            };
            if let Some(e) = failed {
                unref(callback);
                return Err(e);
            }
            ffi::lua_settop(l, -2);
        }
        if name.is_none() {
            unref(callback);
            return Err("redis.register_function must get a function name argument");
        }
        if callback.is_none() {
            return Err("redis.register_function must get a callback argument");
        }
    } else {
        let Some(n) = string_at(l, 1) else {
            return Err("first argument to redis.register_function must be a string");
        };
        name = Some(n);
        if ffi::lua_isfunction(l, 2) == 0 {
            return Err("second argument to redis.register_function must be a function");
        }
        callback = Some(ffi::luaL_ref(l, ffi::LUA_REGISTRYINDEX));
    }
    let (Some(name), Some(callback)) = (name, callback) else {
        return Err("redis.register_function must get a callback argument");
    };
    // The name is a C string in Redis.
    let name = cstr(&name);
    if !valid_name(name) {
        unref(Some(callback));
        return Err(BAD_NAME);
    }
    let name = String::from_utf8_lossy(name).into_owned();
    if ctx.defs.iter().any(|(d, _)| d.name == name) {
        unref(Some(callback));
        return Err("Function already exists in the library");
    }
    ctx.defs.push((
        FunctionDef {
            name,
            description: description.map(Bytes::from),
            flags,
        },
        callback,
    ));
    Ok(())
}

/// Reads the flags table on top (`luaRegisterFunctionReadFlags`); false on an unknown flag.
unsafe fn read_flags(l: *mut lua_State, flags: &mut ScriptFlags) -> bool {
    let mut j = 1;
    loop {
        ffi::lua_pushnumber(l, f64::from(j));
        j += 1;
        ffi::lua_gettable(l, -2);
        if ffi::lua_isnil(l, -1) != 0 {
            ffi::lua_settop(l, -2);
            return true;
        }
        let known = ffi::lua_isstring(l, -1) != 0
            && to_bytes(l, -1).is_some_and(|name| set_flag(flags, cstr(name)));
        ffi::lua_settop(l, -2);
        if !known {
            return false;
        }
    }
}

impl Interpreter {
    /// A fresh VM for functions (a separate one from EVAL's, as in Redis).
    pub fn for_functions() -> Result<Interpreter, String> {
        let interpreter = Interpreter::new()?;
        // SAFETY: the Lua C API on the state exec_raw gives, in protected mode.
        unsafe {
            interpreter
                .lua
                .exec_raw::<()>((), |l| sandbox::setup_library_env(l, register_function))
        }
        .map_err(|e| format!("Lua setup: {e}"))?;
        Ok(interpreter)
    }

    /// Runs the code of a library (what follows its shebang line, from its newline on) so it
    /// registers its functions, as Redis's `luaEngineCreate`: answers them, or the error text
    /// (without `ERR`): `Error compiling function: ...`, `Error registering functions: ...`,
    /// `No functions registered`. With `timeout`, code running over 500 ms is stopped. With
    /// `keep`, the functions are then callable here ([`Interpreter::call_function`]);
    /// without, the VM is left as it was (a check).
    pub fn load_library(
        &mut self,
        code: &[u8],
        timeout: bool,
        keep: bool,
    ) -> Result<Vec<FunctionDef>, Vec<u8>> {
        let mut ctx = LoadCtx {
            defs: Vec::new(),
            started: Instant::now(),
            timeout,
        };
        let ctx_ptr: *mut LoadCtx = &mut ctx;
        let mut error: Option<Vec<u8>> = None;
        // SAFETY: the Lua C API on the state exec_raw gives, in protected mode; `ctx` outlives
        // the load and is only reached through `ctx_ptr` meanwhile.
        let ran = unsafe {
            self.lua.exec_raw::<()>((), |l| {
                if sandbox::load_buffer(l, code, c"@user_function".as_ptr()) != 0 {
                    let mut text = b"Error compiling function: ".to_vec();
                    text.extend_from_slice(cstr(to_bytes(l, -1).unwrap_or_default()));
                    error = Some(text);
                    ffi::lua_settop(l, 0);
                    return;
                }
                sandbox::push_library_env(l);
                ffi::lua_setfenv(l, -2);
                set_load_ctx(l, ctx_ptr);
                sandbox::set_library_loading(l, true);
                ffi::lua_sethook(l, Some(load_hook), ffi::LUA_MASKCOUNT, 100_000);
                if ffi::lua_pcall(l, 0, 0, 0) != 0 {
                    let mut text = b"Error registering functions: ".to_vec();
                    if ffi::lua_isstring(l, -1) != 0 {
                        text.extend_from_slice(b"ERR ");
                        text.extend_from_slice(cstr(to_bytes(l, -1).unwrap_or_default()));
                    } else if ffi::lua_istable(l, -1) != 0 {
                        ffi::lua_getfield(l, -1, c"err".as_ptr());
                        if ffi::lua_isstring(l, -1) != 0 {
                            text.extend_from_slice(cstr(to_bytes(l, -1).unwrap_or_default()));
                        }
                    }
                    error = Some(text);
                }
                ffi::lua_sethook(l, None, 0, 0);
                sandbox::set_library_loading(l, false);
                set_load_ctx(l, std::ptr::null_mut());
                ffi::lua_settop(l, 0);
            })
        };
        if let Err(e) = ran {
            error = Some(format!("Error registering functions: {e}").into_bytes());
        }
        let defs = std::mem::take(&mut ctx.defs);
        if error.is_some() || defs.is_empty() || !keep {
            self.unref_all(defs.iter().map(|(_, r)| *r));
            if let Some(e) = error {
                return Err(e);
            }
            if defs.is_empty() {
                return Err(b"No functions registered".to_vec());
            }
        } else {
            for (def, r) in &defs {
                let old = self
                    .functions
                    .insert(def.name.to_ascii_lowercase(), (*r, def.name.clone()));
                if let Some((old, _)) = old {
                    self.unref_all([old]);
                }
            }
        }
        Ok(defs.into_iter().map(|(d, _)| d).collect())
    }

    fn unref_all(&mut self, refs: impl IntoIterator<Item = c_int>) {
        let refs: Vec<c_int> = refs.into_iter().collect();
        // SAFETY: luaL_unref on the registry.
        let _ = unsafe {
            self.lua.exec_raw::<()>((), |l| {
                for r in &refs {
                    ffi::luaL_unref(l, ffi::LUA_REGISTRYINDEX, *r);
                }
            })
        };
    }

    /// FCALL: runs the function `name` (any case) with its keys and arguments, its commands
    /// going to `runner`; answers its reply as [`Interpreter::run`] does, errors naming the
    /// function.
    pub fn call_function(
        &mut self,
        name: &str,
        keys: &[Bytes],
        argv: &[Bytes],
        client_resp3: bool,
        runner: &mut dyn Runner,
    ) -> Bytes {
        let Some((reference, label)) = self.functions.get(&name.to_ascii_lowercase()).cloned()
        else {
            return Bytes::from_static(b"-ERR Function not found\r\n");
        };
        self.run_callee(
            Callee::Function(reference),
            label.as_bytes(),
            keys,
            argv,
            client_resp3,
            runner,
        )
    }
}
