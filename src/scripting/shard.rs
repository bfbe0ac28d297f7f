//! A shard's interpreter: made the first time a script runs on the shard, kept in its
//! context (a Lua state belongs to one thread, as a shard's data does).

use super::lua::Interpreter;
use super::Runner;
use crate::server::ShardCtx;
use bytes::Bytes;

impl ShardCtx {
    /// Runs `f` with this shard's interpreter, making it first if needed; an error reply
    /// when it cannot be made.
    fn with_interpreter<T>(&self, f: impl FnOnce(&mut Interpreter) -> T) -> Result<T, Bytes> {
        let mut slot = self.scripts.borrow_mut();
        if slot.is_none() {
            let made = Interpreter::new().map_err(|e| {
                Bytes::from(format!("-ERR cannot start the Lua interpreter: {e}\r\n"))
            })?;
            *slot = Some(made);
        }
        match slot.as_mut() {
            Some(interpreter) => Ok(f(interpreter)),
            None => Err(Bytes::from_static(b"-ERR no Lua interpreter\r\n")),
        }
    }

    /// Whether this shard's interpreter has compiled the script `sha`.
    pub fn interpreter_has(&self, sha: &str) -> bool {
        self.scripts
            .borrow()
            .as_ref()
            .is_some_and(|interpreter| interpreter.exists(sha))
    }

    /// Compiles `body` here (if not yet) and answers its SHA1, or the compile error reply.
    pub fn compile(&self, body: &[u8]) -> Result<String, Bytes> {
        self.with_interpreter(|interpreter| interpreter.load(body))?
    }

    /// Runs the compiled script `sha` with its keys and arguments, its calls going through
    /// `runner`; answers its reply in the client's protocol (RESP3 when `resp3`).
    pub fn run_script(
        &self,
        sha: &str,
        keys: &[Bytes],
        argv: &[Bytes],
        resp3: bool,
        runner: &mut dyn Runner,
    ) -> Bytes {
        self.with_interpreter(|interpreter| interpreter.run(sha, keys, argv, resp3, runner))
            .unwrap_or_else(|e| e)
    }

    /// SCRIPT FLUSH on this shard: every script it compiled goes, with a fresh Lua VM.
    pub fn forget_scripts(&self) {
        if let Some(interpreter) = self.scripts.borrow_mut().as_mut() {
            interpreter.flush();
        }
    }

    /// The flags of the compiled script `sha` (its shebang's, or the eval defaults).
    pub fn script_flags(&self, sha: &str) -> Option<super::lua::ScriptFlags> {
        self.scripts.borrow().as_ref().and_then(|i| i.flags(sha))
    }
}

impl ShardCtx {
    /// Runs `f` with this shard's functions VM, rebuilt first from the process-wide library
    /// table if that changed since (or made, the first time).
    fn with_functions<T>(&self, f: impl FnOnce(&mut Interpreter) -> T) -> Result<T, Bytes> {
        let mut slot = self.functions_vm.borrow_mut();
        let current = super::functions::generation();
        if slot.as_ref().map(|(g, _)| *g) != Some(current) {
            let (generation, codes) = super::functions::snapshot();
            let mut vm = Interpreter::for_functions().map_err(|e| {
                Bytes::from(format!("-ERR cannot start the Lua interpreter: {e}\r\n"))
            })?;
            for code in codes {
                let body = library_body(&code);
                if let Err(e) = vm.load_library(body, false, true) {
                    crate::serverlog!(
                        Warning,
                        "loading a function library failed: {}",
                        String::from_utf8_lossy(&e)
                    );
                }
            }
            *slot = Some((generation, vm));
        }
        match slot.as_mut() {
            Some((_, vm)) => Ok(f(vm)),
            None => Err(Bytes::from_static(b"-ERR no Lua interpreter\r\n")),
        }
    }

    /// FUNCTION LOAD's check: runs the library's code (after its shebang line) in this
    /// shard's functions VM, leaving it as it was; its functions, or the error reply.
    pub fn check_library(&self, code: &[u8]) -> Result<Vec<super::lua::FunctionDef>, Bytes> {
        self.with_functions(|vm| vm.load_library(library_body(code), true, false))?
            .map_err(|e| {
                let mut out = b"-ERR ".to_vec();
                out.extend(
                    e.iter()
                        .map(|&b| if b == b'\r' || b == b'\n' { b' ' } else { b }),
                );
                out.extend_from_slice(b"\r\n");
                Bytes::from(out)
            })
    }

    /// FCALL: runs the function `name` here (as [`ShardCtx::run_script`]).
    pub fn call_function(
        &self,
        name: &str,
        keys: &[Bytes],
        argv: &[Bytes],
        resp3: bool,
        runner: &mut dyn Runner,
    ) -> Bytes {
        self.with_functions(|vm| vm.call_function(name, keys, argv, resp3, runner))
            .unwrap_or_else(|e| e)
    }
}

/// The code Lua compiles of a library's payload: from the newline ending its shebang line
/// (so line numbers stay), or nothing.
pub fn library_body(payload: &[u8]) -> &[u8] {
    match payload.iter().position(|&b| b == b'\n') {
        Some(i) => &payload[i..],
        None => &[],
    }
}
