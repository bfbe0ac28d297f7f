//! The Lua interpreter of EVAL, EVALSHA and SCRIPT, behaving as Redis 7.0.15's (`eval.c`,
//! `script_lua.c`, `script.c`): one per shard, it compiles scripts into its cache of
//! functions (`f_<sha>`), runs them with KEYS and ARGV, their `redis.call`s going to a
//! [`Runner`], and answers the reply Redis would send, errors included, byte for byte.
//!
//! The parts, by job:
//! - `sandbox`: the VM as Redis sets it up (libraries, allow list, locked globals, the error
//!   handler, bytecode refused);
//! - `api`: the `redis` table, Redis's `pcall`, `math.random` on Redis's generator;
//! - `convert`: RESP to Lua values and back;
//! - `text`: the texts (C-string cuts, `%.17g`, chunk ids, the shebang line).
//!
//! The Lua C API is used directly (`mlua::ffi`), mlua owning the state: Redis's behaviour
//! rests on raising tables as errors, on Lua's own argument errors and on the stack discipline
//! of its conversions, which mlua's safe callbacks cannot express. All of it is here.
//!
//! What the server does around it (not here): the numkeys checks, the shebang flags' effects
//! (`no-writes`, `allow-oom`, ...), which commands a script may call (the [`Runner`] refuses
//! them), BUSY and SCRIPT KILL (the run is one call, [`Interpreter::run`], where a hook can be
//! set), replication and the AOF.

mod api;
mod convert;
mod library;
mod sandbox;
#[cfg(test)]
mod tests;
mod text;

use std::collections::HashMap;

use bytes::Bytes;
use mlua::ffi;

pub use library::{flag_names, valid_name, FunctionDef, BAD_NAME};
pub use sandbox::LibsHook;
pub use text::ScriptFlags;

use super::Runner;
use text::{cstr, push_mapped};

/// `s` up to its first NUL, as C reads it.
pub fn cstr_of(s: &[u8]) -> &[u8] {
    cstr(s)
}

/// A script in the cache: its flags. (Its body is kept once for the process, in
/// `scripting::registry`; a script's effects, not its body, go to the AOF.)
#[derive(Debug, Clone)]
pub struct Script {
    pub flags: ScriptFlags,
}

/// A Lua VM and the scripts compiled in it.
pub struct Interpreter {
    lua: mlua::Lua,
    libs: LibsHook,
    /// By lowercase sha.
    scripts: HashMap<String, Script>,
    /// Redis's `lua_scripts_mem`: the shas' and bodies' allocations.
    scripts_memory: usize,
    rng: api::Rand48,
    /// Runs since the last garbage-collection step (Redis steps every 50).
    runs_since_gc: u32,
    /// A functions VM (FUNCTION LOAD, FCALL): the registry refs of its functions by name.
    functions: HashMap<String, (std::ffi::c_int, String)>,
}

impl std::fmt::Debug for Interpreter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interpreter")
            .field("scripts", &self.scripts.len())
            .field("used_memory", &self.used_memory())
            .finish()
    }
}

/// Redis's error for EVALSHA of an unknown script.
pub(crate) const NOSCRIPT: &[u8] = b"-NOSCRIPT No matching script. Please use EVAL.\r\n";

impl Interpreter {
    /// A fresh sandboxed VM with Redis's bundled libraries (cjson, cmsgpack, bit, struct).
    pub fn new() -> Result<Interpreter, String> {
        Interpreter::with_libs(crate::scripting::libs::register)
    }

    /// A fresh sandboxed VM where `libs` registers the bundled libraries (cjson, cmsgpack, bit,
    /// struct) as globals before the globals are locked; SCRIPT FLUSH's new VM gets them too.
    pub fn with_libs(libs: LibsHook) -> Result<Interpreter, String> {
        Ok(Interpreter {
            lua: sandbox::new_lua(libs)?,
            libs,
            scripts: HashMap::new(),
            scripts_memory: 0,
            rng: api::Rand48::new(),
            runs_since_gc: 0,
            functions: HashMap::new(),
        })
    }

    /// The SHA1 of `body` in 40 lowercase hex digits: a script's name.
    #[cfg(test)]
    pub fn sha1hex(body: &[u8]) -> String {
        String::from_utf8_lossy(&api::sha1_hex(body)).into_owned()
    }

    /// The flags of the shebang of `body` (without compiling it); the error reply for a bad
    /// shebang. (The server reads a compiled script's flags with [`Interpreter::flags`].)
    #[cfg(test)]
    pub fn shebang_flags(body: &[u8]) -> Result<ScriptFlags, Bytes> {
        text::shebang(body)
            .map(|(flags, _)| flags)
            .map_err(|e| error_reply(e.as_bytes()))
    }

    /// SCRIPT LOAD, and the compile step of EVAL: compiles `body` into the cache (nothing to
    /// do if it is there) and answers its sha, or the error reply (a bad shebang, a
    /// compile error: `-ERR Error compiling script (new function): user_script:1: ...`).
    pub fn load(&mut self, body: &[u8]) -> Result<String, Bytes> {
        let sha = api::sha1_hex(body);
        let sha_text = String::from_utf8_lossy(&sha).into_owned();
        if self.scripts.contains_key(&sha_text) {
            return Ok(sha_text);
        }
        let (flags, shebang_len) = text::shebang(body).map_err(|e| error_reply(e.as_bytes()))?;
        let name = function_name(&sha);
        let code = &body[shebang_len..];
        let mut error: Option<Vec<u8>> = None;
        // SAFETY: the Lua C API on the state exec_raw gives, in protected mode; the closure
        // holds no value that owns memory.
        let compiled = unsafe {
            self.lua.exec_raw::<()>((), |l| {
                if sandbox::load_buffer(l, code, c"@user_script".as_ptr()) == 0 {
                    ffi::lua_setfield(l, ffi::LUA_REGISTRYINDEX, name.as_ptr() as *const _);
                } else {
                    let message = convert::to_bytes(l, -1).unwrap_or_default();
                    error = Some(cstr(message).to_vec());
                }
                ffi::lua_settop(l, 0);
            })
        };
        if let Err(e) = compiled {
            error = Some(e.to_string().into_bytes());
        }
        if let Some(message) = error {
            let mut text = b"Error compiling script (new function): ".to_vec();
            text.extend_from_slice(&message);
            return Err(error_reply(&text));
        }
        self.scripts_memory += text::jemalloc_size(3 + 40 + 1) + body_memory(body.len());
        self.scripts.insert(sha_text.clone(), Script { flags });
        Ok(sha_text)
    }

    /// Whether the script `sha` (any case) is in the cache (SCRIPT EXISTS).
    pub fn exists(&self, sha: &str) -> bool {
        self.script(sha).is_some()
    }

    /// The script `sha` (any case).
    pub fn script(&self, sha: &str) -> Option<&Script> {
        if sha.bytes().any(|b| b.is_ascii_uppercase()) {
            self.scripts.get(&sha.to_ascii_lowercase())
        } else {
            self.scripts.get(sha)
        }
    }

    /// The flags of the script `sha`.
    pub fn flags(&self, sha: &str) -> Option<ScriptFlags> {
        self.script(sha).map(|s| s.flags)
    }

    /// SCRIPT FLUSH: forgets every script, with a fresh VM as Redis does. (The random
    /// generator goes on: Redis's is not reset either.)
    pub fn flush(&mut self) {
        match sandbox::new_lua(self.libs) {
            Ok(lua) => self.lua = lua,
            Err(e) => crate::serverlog!(Warning, "SCRIPT FLUSH: new Lua VM failed: {e}"),
        }
        self.scripts.clear();
        self.scripts_memory = 0;
    }

    /// EVAL: [`Interpreter::load`] then [`Interpreter::run`] (the server does the two steps
    /// itself, deciding between them where the script runs).
    #[cfg(test)]
    pub fn eval(
        &mut self,
        body: &[u8],
        keys: &[Bytes],
        argv: &[Bytes],
        client_resp3: bool,
        runner: &mut dyn Runner,
    ) -> Bytes {
        match self.load(body) {
            Ok(sha) => self.run(&sha, keys, argv, client_resp3, runner),
            Err(reply) => reply,
        }
    }

    /// EVALSHA (and EVAL once compiled): runs the script `sha` with KEYS and ARGV, its
    /// commands going to `runner`, and answers its reply as Redis sends it to a client of
    /// RESP3 (`client_resp3`) or RESP2, errors included (`-NOSCRIPT ...` if `sha` is not
    /// cached). A panic of the runner is resumed once the script is over.
    pub fn run(
        &mut self,
        sha: &str,
        keys: &[Bytes],
        argv: &[Bytes],
        client_resp3: bool,
        runner: &mut dyn Runner,
    ) -> Bytes {
        let sha = sha.to_ascii_lowercase();
        if sha.len() != 40 || !self.scripts.contains_key(&sha) {
            return Bytes::from_static(NOSCRIPT);
        }
        let mut sha_bytes = [0u8; 40];
        sha_bytes.copy_from_slice(sha.as_bytes());
        let name = function_name(&sha_bytes);
        self.run_callee(
            Callee::Script(&name),
            &sha_bytes,
            keys,
            argv,
            client_resp3,
            runner,
        )
    }

    /// Runs a script or a function, errors naming it `label`.
    fn run_callee(
        &mut self,
        callee: Callee<'_>,
        label: &[u8],
        keys: &[Bytes],
        argv: &[Bytes],
        client_resp3: bool,
        runner: &mut dyn Runner,
    ) -> Bytes {
        self.runs_since_gc += 1;
        let gc_step = self.runs_since_gc == GC_PERIOD;
        if gc_step {
            self.runs_since_gc = 0;
        }
        let mut ctx = api::RunCtx {
            runner,
            resp3: false,
            rng: &mut self.rng,
            reply: Bytes::new(),
            panic: None,
        };
        let ctx_ptr: *mut api::RunCtx<'_> = &mut ctx;
        let mut out = Vec::new();
        // SAFETY: the Lua C API on the state exec_raw gives, in protected mode; the closure
        // holds no value that owns memory (`out` lives outside); `ctx` outlives the run and is
        // only reached through `ctx_ptr` meanwhile.
        let ran = unsafe {
            self.lua.exec_raw::<()>((), |l| {
                run_function(
                    l,
                    callee,
                    label,
                    keys,
                    argv,
                    client_resp3,
                    gc_step,
                    ctx_ptr,
                    &mut out,
                )
            })
        };
        if let Err(e) = ran {
            out.clear();
            let mut text = b"Error running script ".to_vec();
            text.extend_from_slice(label);
            text.extend_from_slice(b", ");
            text.extend_from_slice(e.to_string().as_bytes());
            out = error_reply(&text).to_vec();
        }
        if let Some(payload) = ctx.panic.take() {
            std::panic::resume_unwind(payload);
        }
        Bytes::from(out)
    }

    /// The memory of the VM (INFO `used_memory_lua`, `used_memory_vm_eval`): Lua's count in
    /// KB, times 1024, as Redis reports it.
    pub fn used_memory(&self) -> usize {
        let mut kb = 0;
        // SAFETY: lua_gc(LUA_GCCOUNT) only reads the collector's count.
        let _ = unsafe {
            self.lua.exec_raw::<()>((), |l| {
                kb = ffi::lua_gc(l, ffi::LUA_GCCOUNT, 0);
            })
        };
        kb.max(0) as usize * 1024
    }

    /// The scripts cached here (INFO's `number_of_cached_scripts` counts the process-wide
    /// table, `scripting::registry`).
    #[cfg(test)]
    pub fn script_count(&self) -> usize {
        self.scripts.len()
    }

    /// The cache's memory (INFO `used_memory_scripts_eval`), as Redis's `evalScriptsMemory`
    /// counts it: the shas and bodies as jemalloc sizes them, plus the dictionary's entries
    /// and buckets.
    pub fn scripts_memory(&self) -> usize {
        let n = self.scripts.len();
        let buckets = if n == 0 {
            0
        } else {
            n.next_power_of_two().max(4)
        };
        self.scripts_memory + n * (24 + 16) + buckets * 8
    }
}

/// Runs since the last GC step, at which Redis does one (`LUA_GC_CYCLE_PERIOD`).
const GC_PERIOD: u32 = 50;

/// `f_<sha>` as a C string: the registry key of the script's function.
fn function_name(sha: &[u8; 40]) -> [u8; 43] {
    let mut name = [0u8; 43];
    name[..2].copy_from_slice(b"f_");
    name[2..42].copy_from_slice(sha);
    name
}

/// What Redis counts for a script body kept in the cache (`getStringObjectSdsUsedMemory` of
/// the argument object): an embedded string up to 44 bytes, a separate sds beyond.
fn body_memory(len: usize) -> usize {
    if len <= 44 {
        text::jemalloc_size(16 + 3 + len + 1) - 16
    } else {
        let header = match len {
            0..=255 => 3,
            256..=65_535 => 5,
            _ => 9,
        };
        text::jemalloc_size(header + len + 1)
    }
}

/// An error reply as `addReplyErrorFormat` writes it: trailing CR/LF trimmed, the others made
/// spaces, `-ERR ` in front unless the text starts with `-`.
fn error_reply(text: &[u8]) -> Bytes {
    let text = cstr(text);
    let mut out = Vec::with_capacity(text.len() + 8);
    if text.first() != Some(&b'-') {
        out.extend_from_slice(b"-ERR ");
    }
    let mut end = text.len();
    while end > 0 && matches!(text[end - 1], b'\r' | b'\n') {
        end -= 1;
    }
    push_mapped(&mut out, &text[..end]);
    out.extend_from_slice(b"\r\n");
    Bytes::from(out)
}

/// What a run calls: an EVAL script (its registry field `f_<sha>`, KEYS and ARGV set as
/// globals) or a function of a library (its registry ref, called with the keys and the
/// arguments as its two arguments).
#[derive(Clone, Copy)]
enum Callee<'a> {
    Script(&'a [u8; 43]),
    Function(std::ffi::c_int),
}

/// Runs `callee` (`luaCallFunction`): the run context set, KEYS and ARGV set,
/// the function called under the error handler, its result or error written to `out`
/// (errors name it `label`: the script's sha or the function's name).
#[allow(clippy::too_many_arguments)]
unsafe fn run_function(
    l: *mut ffi::lua_State,
    callee: Callee<'_>,
    sha: &[u8],
    keys: &[Bytes],
    argv: &[Bytes],
    client_resp3: bool,
    gc_step: bool,
    ctx: *mut api::RunCtx<'_>,
    out: &mut Vec<u8>,
) {
    api::set_run_ctx(l, ctx);
    ffi::lua_getglobal(l, c"__redis__err__handler".as_ptr());
    let status = match callee {
        Callee::Script(name) => {
            ffi::lua_getfield(l, ffi::LUA_REGISTRYINDEX, name.as_ptr() as *const _);
            sandbox::push_real_globals(l);
            for (field, values) in [(&b"KEYS"[..], keys), (&b"ARGV"[..], argv)] {
                convert::push_bytes(l, field);
                push_array(l, values);
                ffi::lua_rawset(l, -3);
            }
            ffi::lua_settop(l, -2);
            ffi::lua_pcall(l, 0, 1, -2)
        }
        Callee::Function(reference) => {
            ffi::luaL_checkstack_(l, 4, c"calling a function".as_ptr());
            ffi::lua_rawgeti_(l, ffi::LUA_REGISTRYINDEX, reference);
            push_array(l, keys);
            push_array(l, argv);
            ffi::lua_pcall(l, 2, 1, -4)
        }
    };
    if gc_step {
        ffi::lua_gc(l, ffi::LUA_GCSTEP, GC_PERIOD as i32);
    }
    if status != 0 {
        write_error(l, sha, out);
    } else {
        convert::write_reply(l, client_resp3, (*ctx).resp3, out);
    }
    ffi::lua_settop(l, 0);
    api::set_run_ctx(l, std::ptr::null_mut());
}

/// Pushes a new array of `values`.
unsafe fn push_array(l: *mut ffi::lua_State, values: &[Bytes]) {
    ffi::lua_createtable(l, values.len().min(i32::MAX as usize) as i32, 0);
    for (j, value) in values.iter().enumerate() {
        convert::push_bytes(l, value);
        ffi::lua_rawseti_(l, -2, j as i32 + 1);
    }
}

/// Writes the reply for the error a run raised (on top), as Redis's `luaCallFunction`:
/// `-<err> script: <sha>, on <source>:<line>.` for an error table (the handler made every
/// error one), `-ERR Error running script ...` for anything else. CR/LF become spaces (the
/// reference server strips them from error replies).
unsafe fn write_error(l: *mut ffi::lua_State, sha: &[u8], out: &mut Vec<u8>) {
    if ffi::lua_istable(l, -1) == 0 {
        let msg = if ffi::lua_isstring(l, -1) != 0 {
            cstr(convert::to_bytes(l, -1).unwrap_or_default())
        } else {
            b"execution failure"
        };
        let mut text = b"Error running script ".to_vec();
        text.extend_from_slice(sha);
        text.extend_from_slice(b", ");
        text.extend_from_slice(&msg[..msg.len().min(100)]);
        out.extend_from_slice(&error_reply(&text));
        return;
    }
    ffi::lua_checkstack(l, 3);
    let info = convert::push_error_info(l);
    out.push(b'-');
    // Redis 7.0.15 crashes on an error table without `err` (error({})): answer an error.
    push_mapped(out, info.msg.unwrap_or(b"ERR unknown error"));
    if let (Some(source), Some(line)) = (info.source, info.line) {
        out.extend_from_slice(b" script: ");
        out.extend_from_slice(sha);
        out.extend_from_slice(b", on ");
        push_mapped(out, source);
        out.push(b':');
        push_mapped(out, line);
        out.push(b'.');
    }
    out.extend_from_slice(b"\r\n");
    ffi::lua_settop(l, -4);
}
