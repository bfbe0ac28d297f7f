//! The functions scripts call: the `redis` table (`redis.call`, `redis.pcall`,
//! `redis.error_reply`, ...), the global `pcall` Redis 7 replaces, and `math.random` /
//! `math.randomseed` on Redis's own generator. Ports of Redis 7.0's `script_lua.c` and
//! `eval.c`, with their messages.
//!
//! They are Lua C functions (the Lua C API through `mlua::ffi`), not mlua callbacks: Redis's
//! semantics need what only the C API gives, raising a table as the error value (`{err=...}`,
//! which `pcall` and the error handler read) and argument errors named after the calling
//! frame (`bad argument #1 to 'random'`).
//!
//! Raising a Lua error is a `longjmp`: a function that raises holds no Rust value owning
//! memory at that point. The work that owns values (the command's arguments, the runner's
//! reply) is done in helpers that return before anything is raised; the reply itself is kept
//! in the run's context, so converting it to Lua values borrows it.

use std::any::Any;
use std::ffi::{c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};

use bytes::Bytes;
use mlua::ffi::{self, lua_State};
use sha1::{Digest, Sha1};

use super::convert::{push_bytes, push_error_table, push_reply, to_bytes};
use super::text::{c_int as c_int_of, cstr, format_g17};
use crate::scripting::Runner;

/// The state of one script run, reachable from the C functions through the registry (as
/// Redis's `REGISTRY_RUN_CTX_NAME`): set for the run, cleared after it.
pub(super) struct RunCtx<'a> {
    pub runner: &'a mut dyn Runner,
    /// Whether the script called `redis.setresp(3)`: the protocol of its commands' replies,
    /// and of its booleans in the final reply.
    pub resp3: bool,
    pub rng: &'a mut Rand48,
    /// The last reply of a command the script called (kept here so converting it to Lua
    /// values only borrows it).
    pub reply: Bytes,
    /// A panic of the runner, resumed once the script is over.
    pub panic: Option<Box<dyn Any + Send>>,
}

static RUN_CTX_KEY: u8 = 0;

unsafe fn run_ctx_key() -> *mut c_void {
    &RUN_CTX_KEY as *const u8 as *mut c_void
}

/// Makes `ctx` (null: none) the run context of the VM.
pub(super) unsafe fn set_run_ctx(l: *mut lua_State, ctx: *mut RunCtx<'_>) {
    ffi::lua_pushlightuserdata(l, run_ctx_key());
    if ctx.is_null() {
        ffi::lua_pushnil(l);
    } else {
        ffi::lua_pushlightuserdata(l, ctx as *mut c_void);
    }
    ffi::lua_rawset(l, ffi::LUA_REGISTRYINDEX);
}

/// The run context, if a script is running.
unsafe fn run_ctx<'a>(l: *mut lua_State) -> Option<&'a mut RunCtx<'static>> {
    ffi::lua_pushlightuserdata(l, run_ctx_key());
    ffi::lua_rawget(l, ffi::LUA_REGISTRYINDEX);
    let p = ffi::lua_touserdata(l, -1) as *mut RunCtx<'static>;
    ffi::lua_settop(l, -2);
    p.as_mut()
}

/// Pushes the error table for `msg` and raises it (`luaPushError` + `luaError`).
unsafe fn raise(l: *mut lua_State, msg: &str) -> ! {
    push_error_table(l, msg.as_bytes());
    ffi::lua_error(l)
}

/// The arguments of a `redis.call` (`luaArgsToRedisArgv`): strings as they are, numbers
/// printed with `%.17g`. Pops them all. The error text for no argument or a wrong type.
unsafe fn command_args(l: *mut lua_State) -> Result<Vec<Bytes>, &'static str> {
    let argc = ffi::lua_gettop(l);
    if argc == 0 {
        return Err("Please specify at least one argument for this redis lib call");
    }
    let mut args = Vec::with_capacity(argc as usize);
    for j in 1..=argc {
        match ffi::lua_type(l, j) {
            ffi::LUA_TNUMBER => args.push(Bytes::from(format_g17(ffi::lua_tonumber(l, j)))),
            ffi::LUA_TSTRING => {
                args.push(Bytes::copy_from_slice(to_bytes(l, j).unwrap_or_default()));
            }
            _ => break,
        }
    }
    ffi::lua_settop(l, 0);
    if args.len() != argc as usize {
        return Err("Lua redis lib command arguments must be strings or integers");
    }
    Ok(args)
}

/// Runs `f` on the runner, keeping a panic for after the script.
fn guarded<T>(ctx: &mut RunCtx<'_>, fallback: T, f: impl FnOnce(&mut dyn Runner) -> T) -> T {
    if ctx.panic.is_some() {
        return fallback;
    }
    match catch_unwind(AssertUnwindSafe(|| f(&mut *ctx.runner))) {
        Ok(value) => value,
        Err(payload) => {
            ctx.panic = Some(payload);
            fallback
        }
    }
}

/// Runs the command on the stack; its reply is left in `ctx.reply`. The error text when the
/// arguments are wrong.
unsafe fn run_command(l: *mut lua_State, ctx: &mut RunCtx<'_>) -> Result<(), &'static str> {
    let args = command_args(l)?;
    let resp3 = ctx.resp3;
    ctx.reply = guarded(
        ctx,
        Bytes::from_static(b"-ERR the command failed in the server\r\n"),
        |runner| runner.call(&args, resp3),
    );
    Ok(())
}

/// `redis.call` (raise: command errors are raised) and `redis.pcall` (returned as tables).
unsafe fn command(l: *mut lua_State, raise_errors: bool) -> c_int {
    let Some(ctx) = run_ctx(l) else {
        raise(
            l,
            "redis.call/pcall can only be called inside a script invocation",
        );
    };
    let failed = match run_command(l, ctx) {
        Err(msg) => {
            push_error_table(l, msg.as_bytes());
            true
        }
        Ok(()) => {
            push_reply(l, &ctx.reply);
            ctx.reply.first() == Some(&b'-')
        }
    };
    if failed && raise_errors {
        ffi::lua_error(l);
    }
    1
}

pub(super) unsafe extern "C-unwind" fn redis_call(l: *mut lua_State) -> c_int {
    command(l, true)
}

pub(super) unsafe extern "C-unwind" fn redis_pcall(l: *mut lua_State) -> c_int {
    command(l, false)
}

/// The global `pcall` of Redis 7 (`luaRedisPcall`): as Lua's, but an error table caught is
/// answered as its `err` string, as errors were strings before 7.0.
pub(super) unsafe extern "C-unwind" fn pcall(l: *mut lua_State) -> c_int {
    let argc = ffi::lua_gettop(l);
    if argc == 0 {
        // Redis calls lua_pcall with -1 arguments here, which calls its own `true`
        // placeholder: the answer is this error.
        ffi::lua_pushboolean(l, 0);
        push_bytes(l, b"attempt to call a boolean value");
        return 2;
    }
    ffi::lua_pushboolean(l, 1);
    ffi::lua_insert(l, 1);
    if ffi::lua_pcall(l, argc - 1, ffi::LUA_MULTRET, 0) != 0 {
        ffi::lua_remove(l, 1);
        if ffi::lua_istable(l, -1) != 0 {
            ffi::lua_getfield(l, -1, c"err".as_ptr());
            if ffi::lua_isstring(l, -1) != 0 {
                ffi::lua_replace(l, -2);
            }
        }
        ffi::lua_pushboolean(l, 0);
        ffi::lua_insert(l, 1);
    }
    ffi::lua_gettop(l)
}

/// `redis.sha1hex(s)`: the SHA1 of `s` in lowercase hex (of "" for a non-string).
pub(super) unsafe extern "C-unwind" fn sha1hex(l: *mut lua_State) -> c_int {
    if ffi::lua_gettop(l) != 1 {
        raise(l, "wrong number of arguments");
    }
    let hex = sha1_hex(to_bytes(l, 1).unwrap_or_default());
    push_bytes(l, &hex);
    1
}

/// 40 lowercase hex digits of the SHA1 of `data`.
pub(super) fn sha1_hex(data: &[u8]) -> [u8; 40] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha1::digest(data);
    let mut out = [0u8; 40];
    for (i, b) in digest.iter().enumerate() {
        out[i * 2] = HEX[(b >> 4) as usize];
        out[i * 2 + 1] = HEX[(b & 15) as usize];
    }
    out
}

/// The one string argument of `error_reply`/`status_reply`, or their error table pushed.
unsafe fn single_string_arg(l: *mut lua_State) -> bool {
    if ffi::lua_gettop(l) != 1 || ffi::lua_type(l, -1) != ffi::LUA_TSTRING {
        push_error_table(l, b"wrong number or type of arguments");
        return false;
    }
    true
}

/// `redis.error_reply(msg)`: `{err=msg}`, `msg` given the code `ERR`... unless it starts with
/// one (`-CODE ...` or `CODE ...`: the first word is the code).
pub(super) unsafe extern "C-unwind" fn error_reply(l: *mut lua_State) -> c_int {
    if single_string_arg(l) {
        let err = cstr(to_bytes(l, -1).unwrap_or_default());
        let err = err.strip_prefix(b"-").unwrap_or(err);
        super::convert::push_dashed_error_table(l, err);
    }
    1
}

/// `redis.status_reply(msg)`: `{ok=msg}`.
pub(super) unsafe extern "C-unwind" fn status_reply(l: *mut lua_State) -> c_int {
    if single_string_arg(l) {
        ffi::lua_createtable(l, 0, 0);
        push_bytes(l, b"ok");
        ffi::lua_pushvalue(l, -3);
        ffi::lua_settable(l, -3);
    }
    1
}

/// `redis.set_repl(flags)`: what of the script's writes is propagated (REPL_*).
pub(super) unsafe extern "C-unwind" fn set_repl(l: *mut lua_State) -> c_int {
    let Some(ctx) = run_ctx(l) else {
        raise(
            l,
            "redis.set_repl can only be called inside a script invocation",
        );
    };
    if ffi::lua_gettop(l) != 1 {
        raise(l, "redis.set_repl() requires two arguments.");
    }
    let flags = c_int_of(ffi::lua_tonumber(l, -1));
    if flags & !(REPL_AOF | REPL_REPLICA) != 0 {
        raise(
            l,
            "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.",
        );
    }
    guarded(ctx, (), |runner| runner.set_repl(flags as u8));
    0
}

/// `redis.REPL_AOF` (Redis's PROPAGATE_AOF).
pub(super) const REPL_AOF: i32 = 1;
/// `redis.REPL_REPLICA` and `redis.REPL_SLAVE` (PROPAGATE_REPL).
pub(super) const REPL_REPLICA: i32 = 2;

/// The outcome of `acl_check_cmd`'s work, once its arguments are dropped.
enum AclCheck {
    Allowed(bool),
    Unknown,
    BadArgs(&'static str),
}

unsafe fn acl_check(l: *mut lua_State, ctx: &mut RunCtx<'_>) -> AclCheck {
    match command_args(l) {
        Err(msg) => AclCheck::BadArgs(msg),
        Ok(args) => match guarded(ctx, None, |runner| runner.acl_check_cmd(&args)) {
            Some(allowed) => AclCheck::Allowed(allowed),
            None => AclCheck::Unknown,
        },
    }
}

/// `redis.acl_check_cmd(cmd, ...)`: whether the script's user may run the command.
pub(super) unsafe extern "C-unwind" fn acl_check_cmd(l: *mut lua_State) -> c_int {
    let Some(ctx) = run_ctx(l) else {
        raise(
            l,
            "redis.acl_check_cmd can only be called inside a script invocation",
        );
    };
    match acl_check(l, ctx) {
        AclCheck::Allowed(allowed) => {
            ffi::lua_pushboolean(l, c_int::from(allowed));
            1
        }
        AclCheck::Unknown => raise(l, "Invalid command passed to redis.acl_check_cmd()"),
        AclCheck::BadArgs(msg) => raise(l, msg),
    }
}

/// `redis.log(level, ...)`: the arguments (strings and numbers), space separated, to the
/// server log at `level` (redis.LOG_DEBUG .. redis.LOG_WARNING).
pub(super) unsafe extern "C-unwind" fn log(l: *mut lua_State) -> c_int {
    let argc = ffi::lua_gettop(l);
    if argc < 2 {
        raise(l, "redis.log() requires two arguments or more.");
    }
    if ffi::lua_isnumber(l, 1) == 0 {
        raise(l, "First argument must be a number (log level).");
    }
    let level = match c_int_of(ffi::lua_tonumber(l, 1)) {
        0 => crate::log::Level::Debug,
        1 => crate::log::Level::Verbose,
        2 => crate::log::Level::Notice,
        3 => crate::log::Level::Warning,
        _ => raise(l, "Invalid debug level."),
    };
    if !crate::log::enabled(level) {
        return 0;
    }
    // Numbers become strings in place first, so gluing below calls nothing that can raise.
    for j in 2..=argc {
        to_bytes(l, j);
    }
    write_log(l, level, argc);
    0
}

unsafe fn write_log(l: *mut lua_State, level: crate::log::Level, argc: c_int) {
    let mut line = Vec::new();
    for j in 2..=argc {
        if let Some(s) = to_bytes(l, j) {
            if j != 2 {
                line.push(b' ');
            }
            line.extend_from_slice(s);
        }
    }
    crate::log::log(level, &String::from_utf8_lossy(&line));
}

/// `redis.setresp(2|3)`: the protocol of the replies `redis.call` answers from now on.
pub(super) unsafe extern "C-unwind" fn setresp(l: *mut lua_State) -> c_int {
    let Some(ctx) = run_ctx(l) else {
        raise(
            l,
            "redis.setresp can only be called inside a script invocation",
        );
    };
    let argc = ffi::lua_gettop(l);
    if argc != 1 {
        raise(l, "redis.setresp() requires one argument.");
    }
    match c_int_of(ffi::lua_tonumber(l, -argc)) {
        2 => ctx.resp3 = false,
        3 => ctx.resp3 = true,
        _ => raise(l, "RESP version must be 2 or 3."),
    }
    0
}

/// `redis.breakpoint()`: false, there is no debugging session.
pub(super) unsafe extern "C-unwind" fn breakpoint(l: *mut lua_State) -> c_int {
    ffi::lua_pushboolean(l, 0);
    1
}

/// `redis.debug(...)`: nothing, there is no debugging session.
pub(super) unsafe extern "C-unwind" fn debug(_l: *mut lua_State) -> c_int {
    0
}

/// `redis.replicate_commands()`: true (deprecated; effects are always replicated).
pub(super) unsafe extern "C-unwind" fn replicate_commands(l: *mut lua_State) -> c_int {
    ffi::lua_pushboolean(l, 1);
    1
}

/// Redis's `redisLrand48` (rand.c): the 48-bit linear congruential generator of `lrand48`,
/// with the same start, so scripts draw Redis's sequence. Like Redis's (a process global,
/// never reset, not even by SCRIPT FLUSH), it lives as long as the interpreter.
#[derive(Debug, Clone)]
pub(super) struct Rand48 {
    x: u64,
}

impl Rand48 {
    const A: u64 = 0x5_DEEC_E66D;
    const C: u64 = 0xB;
    const MASK: u64 = (1 << 48) - 1;

    pub fn new() -> Rand48 {
        Rand48 {
            x: 0x1234_ABCD_330E,
        }
    }

    /// `redisSrand48(seed)`.
    pub fn seed(&mut self, seed: i32) {
        self.x = (u64::from(seed as u32) << 16) | 0x330E;
    }

    /// `redisLrand48()`: 31 random bits.
    pub fn next(&mut self) -> i32 {
        self.x = Self::A.wrapping_mul(self.x).wrapping_add(Self::C) & Self::MASK;
        (self.x >> 17) as i32
    }
}

/// `math.random([m [, n]])` on Redis's generator (Lua's own code, `rand()` replaced).
pub(super) unsafe extern "C-unwind" fn math_random(l: *mut lua_State) -> c_int {
    let Some(ctx) = run_ctx(l) else {
        return ffi::luaL_error(
            l,
            c"math.random can only be called inside a script invocation".as_ptr(),
        );
    };
    let max = f64::from(i32::MAX);
    let r = f64::from(ctx.rng.next() % i32::MAX) / max;
    match ffi::lua_gettop(l) {
        0 => ffi::lua_pushnumber(l, r),
        1 => {
            let u = ffi::luaL_checkinteger(l, 1) as i32;
            if u < 1 {
                ffi::luaL_argerror(l, 1, c"interval is empty".as_ptr());
            }
            ffi::lua_pushnumber(l, (r * f64::from(u)).floor() + 1.0);
        }
        2 => {
            let low = ffi::luaL_checkinteger(l, 1) as i32;
            let up = ffi::luaL_checkinteger(l, 2) as i32;
            if low > up {
                ffi::luaL_argerror(l, 2, c"interval is empty".as_ptr());
            }
            let span = up.wrapping_sub(low).wrapping_add(1);
            ffi::lua_pushnumber(l, (r * f64::from(span)).floor() + f64::from(low));
        }
        _ => return ffi::luaL_error(l, c"wrong number of arguments".as_ptr()),
    }
    1
}

/// `math.randomseed(n)`: restarts Redis's generator from `n`.
pub(super) unsafe extern "C-unwind" fn math_randomseed(l: *mut lua_State) -> c_int {
    let Some(ctx) = run_ctx(l) else {
        return ffi::luaL_error(
            l,
            c"math.randomseed can only be called inside a script invocation".as_ptr(),
        );
    };
    let seed = ffi::luaL_checkinteger(l, 1) as i32;
    ctx.rng.seed(seed);
    0
}

/// The `redis` table's functions and constants, in Redis's order of registration (the order
/// decides `pairs(redis)`'s).
pub(super) unsafe fn push_redis_table(l: *mut lua_State) {
    unsafe fn func(l: *mut lua_State, name: &[u8], f: ffi::lua_CFunction) {
        push_bytes(l, name);
        ffi::lua_pushcclosure(l, f, 0);
        ffi::lua_settable(l, -3);
    }
    unsafe fn number(l: *mut lua_State, name: &[u8], n: f64) {
        push_bytes(l, name);
        ffi::lua_pushnumber(l, n);
        ffi::lua_settable(l, -3);
    }
    ffi::lua_createtable(l, 0, 0);
    func(l, b"call", redis_call);
    func(l, b"pcall", redis_pcall);
    func(l, b"log", log);
    number(l, b"LOG_DEBUG", 0.0);
    number(l, b"LOG_VERBOSE", 1.0);
    number(l, b"LOG_NOTICE", 2.0);
    number(l, b"LOG_WARNING", 3.0);
    number(l, b"REDIS_VERSION_NUM", f64::from(version_num()));
    push_bytes(l, b"REDIS_VERSION");
    push_bytes(l, crate::REDIS_VERSION.as_bytes());
    ffi::lua_settable(l, -3);
    func(l, b"setresp", setresp);
    func(l, b"sha1hex", sha1hex);
    func(l, b"error_reply", error_reply);
    func(l, b"status_reply", status_reply);
    func(l, b"set_repl", set_repl);
    number(l, b"REPL_NONE", 0.0);
    number(l, b"REPL_AOF", f64::from(REPL_AOF));
    number(l, b"REPL_SLAVE", f64::from(REPL_REPLICA));
    number(l, b"REPL_REPLICA", f64::from(REPL_REPLICA));
    number(l, b"REPL_ALL", f64::from(REPL_AOF | REPL_REPLICA));
    func(l, b"acl_check_cmd", acl_check_cmd);
    func(l, b"breakpoint", breakpoint);
    func(l, b"debug", debug);
    func(l, b"replicate_commands", replicate_commands);
}

/// `REDIS_VERSION_NUM`: `0x00MMmmpp` of the version answered (7.0.15: 0x0007000f).
pub(super) fn version_num() -> u32 {
    let mut parts = crate::REDIS_VERSION
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let mut next = || parts.next().unwrap_or(0) & 0xff;
    let (major, minor, patch) = (next(), next(), next());
    (major << 16) | (minor << 8) | patch
}
