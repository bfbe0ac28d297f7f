//! The interpreter against replies captured from redis-server 7.0.15 (`cases.rs`: script,
//! KEYS, ARGV, the commands it calls with their replies, the exact reply of EVAL), and the
//! parts no script run of Redis can show (RESP3 types no command answers, the generator's
//! sequence from its start, the cache).

mod cases;

use std::collections::VecDeque;

use bytes::Bytes;

use super::{Interpreter, ScriptFlags};
use crate::scripting::Runner;

/// A command a case's script calls: whether in RESP3, its arguments, its reply.
pub(super) type Call = (bool, &'static [&'static [u8]], &'static [u8]);

/// One EVAL of `cases.rs`.
pub(super) struct Case {
    pub resp3: bool,
    pub script: &'static [u8],
    pub keys: &'static [&'static [u8]],
    pub argv: &'static [&'static [u8]],
    pub calls: &'static [Call],
    pub expect: &'static [u8],
}

/// A runner answering canned replies in order and recording the calls.
#[derive(Default)]
struct Canned {
    replies: VecDeque<Bytes>,
    calls: Vec<(bool, Vec<Bytes>)>,
    repl: Vec<u8>,
}

impl Canned {
    fn new(replies: &[&[u8]]) -> Canned {
        Canned {
            replies: replies.iter().map(|r| Bytes::copy_from_slice(r)).collect(),
            ..Canned::default()
        }
    }
}

impl Runner for Canned {
    fn call(&mut self, args: &[Bytes], resp3: bool) -> Bytes {
        self.calls.push((resp3, args.to_vec()));
        self.replies
            .pop_front()
            .unwrap_or_else(|| Bytes::from_static(b"-ERR no canned reply\r\n"))
    }

    fn set_repl(&mut self, flags: u8) {
        self.repl.push(flags);
    }

    fn acl_check_cmd(&mut self, args: &[Bytes]) -> Option<bool> {
        match &args[0][..] {
            b"get" => Some(true),
            b"set" => Some(false),
            _ => None,
        }
    }
}

fn show(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

fn bytes_of(items: &[&[u8]]) -> Vec<Bytes> {
    items.iter().map(|i| Bytes::copy_from_slice(i)).collect()
}

#[test]
fn replies_match_redis() {
    // One VM for all, as the cases ran on one server.
    let mut lua = Interpreter::new().unwrap();
    let mut failures = Vec::new();
    for case in cases::CASES {
        let replies: Vec<&[u8]> = case.calls.iter().map(|c| c.2).collect();
        let mut runner = Canned::new(&replies);
        let keys = bytes_of(case.keys);
        let argv = bytes_of(case.argv);
        let got = lua.eval(case.script, &keys, &argv, case.resp3, &mut runner);
        let want_calls: Vec<(bool, Vec<Bytes>)> = case
            .calls
            .iter()
            .map(|(resp3, args, _)| (*resp3, bytes_of(args)))
            .collect();
        if &got[..] != case.expect || runner.calls != want_calls {
            failures.push(format!(
                "script {}\n   want {}\n   got  {}\n   calls {:?}",
                show(case.script),
                show(case.expect),
                show(&got),
                runner.calls
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases::CASES.len(),
        failures.join("\n")
    );
}

/// Runs `script` (RESP3 client if `resp3`) with the runner answering `replies`.
fn eval(lua: &mut Interpreter, script: &str, resp3: bool, replies: &[&[u8]]) -> Bytes {
    let mut runner = Canned::new(replies);
    lua.eval(script.as_bytes(), &[], &[], resp3, &mut runner)
}

#[test]
fn resp3_replies_no_command_of_redis_gives_a_script() {
    // DEBUG PROTOCOL's replies (DEBUG is refused to scripts, so these are converted by hand
    // from script_lua.c: booleans as Lua booleans, big numbers, attributes skipped).
    let mut lua = Interpreter::new().unwrap();
    let cases: &[(&str, bool, &[u8], &[u8])] = &[
        ("return redis.call('x')", true, b"#t\r\n", b":1\r\n"),
        ("return redis.call('x')", true, b"#f\r\n", b"_\r\n"),
        (
            "redis.setresp(3) return redis.call('x')",
            true,
            b"#f\r\n",
            b"#f\r\n",
        ),
        (
            "return type(redis.call('x'))",
            true,
            b"#t\r\n",
            b"$7\r\nboolean\r\n",
        ),
        (
            "return redis.call('x')",
            true,
            b"(1234567999999999999999999999999999999\r\n",
            b"(1234567999999999999999999999999999999\r\n",
        ),
        (
            "return redis.call('x')",
            false,
            b"(1234567999999999999999999999999999999\r\n",
            b"$37\r\n1234567999999999999999999999999999999\r\n",
        ),
        (
            "return redis.call('x')['big_number']",
            false,
            b"(12\r\n",
            b"$2\r\n12\r\n",
        ),
        (
            "return redis.call('x')",
            true,
            b"|1\r\n+key-popularity\r\n*2\r\n$7\r\nkey:123\r\n:90\r\n$5\r\nhello\r\n",
            b"$5\r\nhello\r\n",
        ),
        (
            "return redis.call('x')",
            true,
            b"=15\r\ntxt:Some string\r\n",
            b"=15\r\ntxt:Some string\r\n",
        ),
        ("return redis.call('x')", true, b",3.141\r\n", b",3.141\r\n"),
        ("return redis.call('x')", true, b",inf\r\n", b",inf\r\n"),
        ("return redis.call('x')", true, b"_\r\n", b"_\r\n"),
        ("return redis.call('x')", false, b"*-1\r\n", b"$-1\r\n"),
        (
            "return redis.call('x')",
            true,
            b"*3\r\n:1\r\n_\r\n:3\r\n",
            b"*1\r\n:1\r\n",
        ),
        (
            "return redis.call('x')",
            true,
            b"%1\r\n+a\r\n:1\r\n",
            b"%1\r\n+a\r\n:1\r\n",
        ),
        (
            "return redis.call('x')",
            true,
            b"*2\r\n-ERR inner\r\n:5\r\n",
            b"*2\r\n-ERR inner\r\n:5\r\n",
        ),
        (
            "return redis.call('x')",
            false,
            b">2\r\n:1\r\n:2\r\n",
            b"$-1\r\n",
        ),
    ];
    for (script, resp3, reply, want) in cases {
        let got = eval(&mut lua, script, *resp3, &[reply]);
        assert_eq!(show(&got), show(want), "{script} with {}", show(reply));
    }
}

#[test]
fn math_random_draws_redis_sequence() {
    // The first values a fresh redis-server 7.0.15 draws (its generator is never reset).
    let mut lua = Interpreter::new().unwrap();
    let got = eval(
        &mut lua,
        "local t={} for i=1,3 do t[#t+1]=tostring(math.random()) end \
         t[#t+1]=math.random(10) t[#t+1]=math.random(5,100) return t",
        false,
        &[],
    );
    assert_eq!(
        show(&got),
        show(b"*5\r\n$16\r\n0.39646477363839\r\n$16\r\n0.84048536971234\r\n$16\r\n0.35333609737146\r\n:5\r\n:35\r\n")
    );
    // Seeded, in the same process (captured right after the above).
    let got = eval(
        &mut lua,
        "math.randomseed(42) local t={} for i=1,3 do t[#t+1]=tostring(math.random()) end \
         t[#t+1]=math.random(1000000) return t",
        false,
        &[],
    );
    assert_eq!(
        show(&got),
        show(b"*4\r\n$16\r\n0.74452500033403\r\n$16\r\n0.34270147855519\r\n$16\r\n0.11108528222474\r\n:422339\r\n")
    );
    // Outside a run there is no generator to draw from.
    assert!(eval(&mut lua, "return math.random", false, &[]).starts_with(b"$-1"));
}

#[test]
fn cache_load_exists_flags_flush() {
    let mut lua = Interpreter::new().unwrap();
    let body = b"#!lua flags=no-writes\nreturn 1";
    let sha = lua.load(body).unwrap();
    assert_eq!(sha, Interpreter::sha1hex(body));
    assert_eq!(sha.len(), 40);
    assert!(lua.exists(&sha));
    assert!(lua.exists(&sha.to_uppercase()));
    assert_eq!(lua.script_count(), 1);
    let flags = lua.flags(&sha).unwrap();
    assert!(flags.no_writes && !flags.eval_compat && !flags.allow_oom);
    let plain = lua.load(b"return 2").unwrap();
    assert_eq!(lua.flags(&plain), Some(ScriptFlags::EVAL_COMPAT));
    assert!(
        Interpreter::shebang_flags(b"#!lua flags=allow-oom,no-cluster\n")
            .unwrap()
            .no_cluster
    );
    assert_eq!(
        &Interpreter::shebang_flags(b"#!lua x\n").unwrap_err()[..],
        b"-ERR Unknown lua shebang option: x\r\n"
    );
    // Loading again is a no-op; a compile error caches nothing.
    assert_eq!(lua.load(body).unwrap(), sha);
    assert_eq!(
        &lua.load(b"return 1 +").unwrap_err()[..],
        &b"-ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'\r\n"[..]
    );
    assert_eq!(lua.script_count(), 2);
    let mut runner = Canned::default();
    assert_eq!(
        &lua.run(&sha.to_uppercase(), &[], &[], false, &mut runner)[..],
        b":1\r\n"
    );
    assert_eq!(
        &lua.run(
            "0000000000000000000000000000000000000000",
            &[],
            &[],
            false,
            &mut runner
        )[..],
        b"-NOSCRIPT No matching script. Please use EVAL.\r\n"
    );
    assert_eq!(
        &lua.run("abc", &[], &[], false, &mut runner)[..],
        b"-NOSCRIPT No matching script. Please use EVAL.\r\n"
    );
    // INFO used_memory_scripts_eval of redis-server 7.0.15 with these two scripts cached.
    assert_eq!(lua.scripts_memory(), 272);
    assert!(lua.used_memory() > 10_000);
    lua.flush();
    assert!(!lua.exists(&sha));
    assert_eq!(lua.script_count(), 0);
    assert_eq!(lua.scripts_memory(), 0);
    assert_eq!(
        &lua.run(&sha, &[], &[], false, &mut runner)[..],
        b"-NOSCRIPT No matching script. Please use EVAL.\r\n"
    );
    // The new VM works.
    assert_eq!(&eval(&mut lua, "return 7", false, &[])[..], b":7\r\n");
}

#[test]
fn set_repl_and_acl_check_reach_the_runner() {
    let mut lua = Interpreter::new().unwrap();
    let mut runner = Canned::default();
    let got = lua.eval(
        b"redis.set_repl(redis.REPL_AOF) redis.set_repl(redis.REPL_ALL) \
          return {redis.acl_check_cmd('get', 'k'), redis.acl_check_cmd('set', 'k', 'v')}",
        &[],
        &[],
        false,
        &mut runner,
    );
    assert_eq!(show(&got), show(b"*2\r\n:1\r\n$-1\r\n"));
    assert_eq!(runner.repl, vec![1, 3]);
    let got = eval(&mut lua, "return redis.acl_check_cmd('nosuch')", false, &[]);
    assert!(got.starts_with(b"-ERR Invalid command passed to redis.acl_check_cmd() script: "));
}

#[test]
fn globals_stay_locked_across_runs() {
    let mut lua = Interpreter::new().unwrap();
    // Attempts to change shared state, each refused...
    for script in [
        "x = 1",
        "rawset(_G, 'x', 1)",
        "redis.call = nil",
        "string.len = nil",
        "getmetatable('').__index = {}",
        "setmetatable(_G, nil)",
        "table.insert(math, 1)",
        "local f = loadstring('z = 1') f()",
        "local co = coroutine.create(function() w = 1 end) local ok, e = coroutine.resume(co) error(e)",
    ] {
        let got = eval(&mut lua, script, false, &[]);
        assert!(
            got.starts_with(b"-ERR ") && show(&got).contains("Attempt to modify a readonly table"),
            "{script}: {}",
            show(&got)
        );
    }
    // ... so the next script sees the pristine VM.
    let got = eval(
        &mut lua,
        "return {type(redis.call), type(string.len), ('a'):len(), type(rawget(_G, 'x')), #math}",
        false,
        &[],
    );
    assert_eq!(
        show(&got),
        show(b"*5\r\n$8\r\nfunction\r\n$8\r\nfunction\r\n:1\r\n$3\r\nnil\r\n:0\r\n")
    );
    // KEYS and ARGV are per run.
    let mut runner = Canned::default();
    let got = lua.eval(
        b"return {#KEYS, #ARGV}",
        &[Bytes::from_static(b"k")],
        &[],
        false,
        &mut runner,
    );
    assert_eq!(&got[..], b"*2\r\n:1\r\n:0\r\n");
    assert_eq!(
        &eval(&mut lua, "return {#KEYS, #ARGV}", false, &[])[..],
        b"*2\r\n:0\r\n:0\r\n"
    );
}

#[test]
fn deep_replies_hit_luas_stack_limit_not_ours() {
    // Nesting goes on until Lua's stack limit, where Redis writes an error in its place: the
    // same depth as redis-server 7.0.15 (reply length, aggregates before the first error).
    let mut lua = Interpreter::new().unwrap();
    let cases: &[(&str, bool, &[u8], usize, usize)] = &[
        (
            "local t = {} for i = 1, 20000 do t = {t} end return t",
            false,
            b"*1\r\n",
            7995,
            32010,
        ),
        (
            "local t = {} for i = 1, 20000 do t = {map={x=t}} end return t",
            false,
            b"*2\r\n",
            2665,
            29368,
        ),
        (
            "local t = {} for i = 1, 20000 do t = {set={[t]=true}} end return t",
            true,
            b"~1\r\n",
            2665,
            10690,
        ),
    ];
    for &(script, resp3, header, depth, len) in cases {
        let got = eval(&mut lua, script, resp3, &[]);
        let error = got
            .windows(4)
            .position(|w| w == b"-ERR")
            .expect("a stack limit error");
        let headers = got[..error].windows(4).filter(|w| *w == header).count();
        assert_eq!((headers, got.len()), (depth, len), "{script}");
        assert!(got[error..].starts_with(b"-ERR reached lua stack limit\r\n"));
    }
}

#[test]
fn the_runner_panics_after_the_script() {
    struct Panicking;
    impl Runner for Panicking {
        fn call(&mut self, _args: &[Bytes], _resp3: bool) -> Bytes {
            panic!("runner failed");
        }
    }
    let mut lua = Interpreter::new().unwrap();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lua.eval(
            b"return redis.pcall('get', 'k')",
            &[],
            &[],
            false,
            &mut Panicking,
        )
    }));
    assert!(caught.is_err());
    // The VM is still usable.
    assert_eq!(&eval(&mut lua, "return 1", false, &[])[..], b":1\r\n");
}

#[test]
fn log_lines_go_to_the_server_log() {
    let mut lua = Interpreter::new().unwrap();
    // Below the level: nothing, and no error.
    assert_eq!(
        &eval(
            &mut lua,
            "return redis.log(redis.LOG_DEBUG, 'x', 1, nil, {})",
            false,
            &[]
        )[..],
        b"$-1\r\n"
    );
    assert_eq!(
        &eval(
            &mut lua,
            "redis.log(redis.LOG_WARNING, 'from a script', 1.5) return 1",
            false,
            &[]
        )[..],
        b":1\r\n"
    );
}

#[test]
fn globals_are_redis_globals() {
    // `pairs(_G)` in redis-server 7.0.15 (sorted).
    const REDIS: &[&str] = &[
        "ARGV",
        "KEYS",
        "_G",
        "_VERSION",
        "__redis__err__handler",
        "assert",
        "bit",
        "cjson",
        "cmsgpack",
        "collectgarbage",
        "coroutine",
        "error",
        "gcinfo",
        "getmetatable",
        "ipairs",
        "load",
        "loadstring",
        "math",
        "next",
        "pairs",
        "pcall",
        "rawequal",
        "rawget",
        "rawset",
        "redis",
        "select",
        "setmetatable",
        "string",
        "struct",
        "table",
        "tonumber",
        "tostring",
        "type",
        "unpack",
        "xpcall",
    ];
    // The bundled libraries are registered by scripting::libs, when wired.
    const LIBS: &[&str] = &["bit", "cjson", "cmsgpack", "struct"];
    let mut lua = Interpreter::new().unwrap();
    let got = eval(
        &mut lua,
        "local t={} for k in pairs(_G) do t[#t+1]=k end table.sort(t) return table.concat(t, ' ')",
        false,
        &[],
    );
    let text = String::from_utf8_lossy(&got).into_owned();
    let names: Vec<&str> = text.lines().nth(1).unwrap_or("").split(' ').collect();
    let missing: Vec<&str> = REDIS
        .iter()
        .copied()
        .filter(|n| !names.contains(n))
        .collect();
    assert!(
        names.iter().all(|n| REDIS.contains(n)) && missing.iter().all(|n| LIBS.contains(n)),
        "globals {names:?}"
    );
}
