#!/usr/bin/env python3
"""Generate src/scripting/lua/tests/cases.rs: the EVAL replies of a real Redis 7.0.15.

Starts `redis-server` on a free loopback port and runs each case's script by EVAL (from a RESP2
or a RESP3 client) on an empty database. The commands a script calls are first run directly,
to capture the replies the Rust test's runner answers with (the errors only scripts get are
given here). The Rust test replays each script through the interpreter and requires the same
calls and the same reply bytes.

Usage, from anywhere:

    python3 tools/gen_lua_cases.py [--redis-server PATH]

Standard library only.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_RS = os.path.join(ROOT, "src", "scripting", "lua", "tests", "cases.rs")

def enc(args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        if isinstance(a, str): a = a.encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    return out
def read_reply(f):
    line = f.readline()
    t = line[:1]
    if t in b"+-:_#,(":
        return line
    if t in b"$=!":
        n = int(line[1:-2])
        if n < 0: return line
        return line + f.read(n+2)
    if t in b"*~%|>":
        n = int(line[1:-2])
        if n < 0: return line
        if t in b"%|": n *= 2
        out = line
        for _ in range(n): out += read_reply(f)
        if t == b"|": out += read_reply(f)
        return out
    raise Exception(repr(line))
class C:
    def __init__(s, resp3=False, port=7790):
        s.s = socket.create_connection(("127.0.0.1", port)); s.f = s.s.makefile("rb")
        if resp3: s.cmd("HELLO", "3")
    def cmd(s, *args):
        s.s.sendall(enc(args)); return read_reply(s.f)

UNKNOWN = b"-ERR Unknown Redis command called from script\r\n"
ARITY = b"-ERR Wrong number of args calling Redis command from script\r\n"

# (client_resp3, script, keys, argv, calls); calls: (resp3, args) or (resp3, args, reply).
CASES = [
 # return values, RESP2
 (False, "return 1", [], [], []),
 (False, "return 3.99", [], [], []),
 (False, "return -3.99", [], [], []),
 (False, "return {1/0, -1/0, 0/0, 2^63, -2^63, 2^53+1, 1e300}", [], [], []),
 (False, "return 'hello'", [], [], []),
 (False, "return ''", [], [], []),
 (False, "return 'a\\0b\\r\\n'", [], [], []),
 (False, "return true", [], [], []),
 (False, "return false", [], [], []),
 (False, "return nil", [], [], []),
 (False, "return", [], [], []),
 (False, "return function() end", [], [], []),
 (False, "return coroutine.create(function() end)", [], [], []),
 (False, "return {1, 2, 3.7, 'a', nil, 4}", [], [], []),
 (False, "return {1, {2, {3, {}}}, 'x'}", [], [], []),
 (False, "return {}", [], [], []),
 (False, "return {a=1, b=2}", [], [], []),
 (False, "return {true, false, 'x'}", [], [], []),
 (False, "return {ok='fine'}", [], [], []),
 (False, "return {ok='a\\r\\nb\\0c'}", [], [], []),
 (False, "return {ok=5}", [], [], []),
 (False, "return {err='My Error'}", [], [], []),
 (False, "return {err='a\\r\\nb\\n'}", [], [], []),
 (False, "return {err='a\\0b'}", [], [], []),
 (False, "return {err=5}", [], [], []),
 (False, "return {err='X', ok='Y'}", [], [], []),
 (False, "return {1, {err='inner'}, {ok='OK'}}", [], [], []),
 (False, "return {double=3.5}", [], [], []),
 (False, "return {{double=1/0}, {double=-1/0}, {double=0.1}, {double=1e300}, {double=100}, {double=1.5e-7}, {double=0/0}}", [], [], []),
 (False, "return {big_number='123\\r\\n4'}", [], [], []),
 (False, "return {verbatim_string={format='txt', string='hi'}}", [], [], []),
 (False, "return {map={a=1}}", [], [], []),
 (False, "return {set={b=true}}", [], [], []),
 (False, "return {map={}, set={}}", [], [], []),
 (False, "redis.setresp(3) return {true, false}", [], [], []),
 (False, "return setmetatable({}, {__index=function() return 5 end})", [], [], []),
 # RESP3 client
 (True, "return {true, false, nil}", [], [], []),
 (True, "return nil", [], [], []),
 (True, "return false", [], [], []),
 (True, "redis.setresp(3) return {true, false}", [], [], []),
 (True, "return {double=3.5}", [], [], []),
 (True, "return {{double=1/0}, {double=-1/0}, {double=0.1}, {double=1e300}, {double=-(0/0)}, {double=1.5e-7}}", [], [], []),
 (True, "return {big_number='123\\r\\n4'}", [], [], []),
 (True, "return {verbatim_string={format='txt', string='hi\\r\\nx'}}", [], [], []),
 (True, "return {verbatim_string={format='markdown', string='hi'}}", [], [], []),
 (True, "return {verbatim_string={format='m', string='hi'}}", [], [], []),
 (True, "return {verbatim_string={format='txt'}}", [], [], []),
 (True, "return {map={a=1}, set={x=true}}", [], [], []),
 (True, "return {set={x=true, y=false}}", [], [], []),
 (True, "return {map={[1]=2}}", [], [], []),
 (True, "return {map={[true]={1,2}}}", [], [], []),
 (True, "return {map={a={map={b={set={c=true}}}}}}", [], [], []),
 (True, "return {ok='fine'}", [], [], []),
 (True, "return {err='My Error'}", [], [], []),
 # KEYS / ARGV
 (False, "return {KEYS[1], KEYS[2], ARGV[1], ARGV[2], #KEYS, #ARGV}", ["k1", "k2"], ["a1", "a\x002"], []),
 (False, "return {#KEYS, #ARGV}", [], [], []),
 (False, "KEYS[1] = 'changed' return KEYS", ["k1"], [], []),
 # redis.call / pcall
 (False, "return redis.call('set', KEYS[1], ARGV[1])", ["k"], ["v"], [(False, ["set", "k", "v"])]),
 (True, "return redis.call('set', KEYS[1], ARGV[1])", ["k"], ["v"], [(False, ["set", "k", "v"])]),
 (False, "redis.call('set', 'k', 'v') return redis.call('get', 'k')", [], [], [(False, ["set", "k", "v"]), (False, ["get", "k"])]),
 (False, "return redis.call('get', 'nokey')", [], [], [(False, ["get", "nokey"])]),
 (False, "return {redis.call('get', 'nokey')}", [], [], [(False, ["get", "nokey"])]),
 (False, "return redis.call('incr', 'n')", [], [], [(False, ["incr", "n"])]),
 (False, "return redis.call('ping')", [], [], [(False, ["ping"])]),
 (False, "return type(redis.call('ping'))", [], [], [(False, ["ping"])]),
 (False, "return redis.call('ping')['ok']", [], [], [(False, ["ping"])]),
 (False, "return redis.call('echo', 1.5)", [], [], [(False, ["echo", "1.5"])]),
 (False, "return redis.call('echo', 0.1)", [], [], [(False, ["echo", "0.10000000000000001"])]),
 (False, "return redis.call('echo', 1e20)", [], [], [(False, ["echo", "1e+20"])]),
 (False, "return redis.call('echo', 123456789012)", [], [], [(False, ["echo", "123456789012"])]),
 (False, "return redis.call('echo', -0.0)", [], [], [(False, ["echo", "-0"])]),
 (False, "return redis.call('echo', 0/0)", [], [], [(False, ["echo", "-nan"])]),
 (False, "return redis.call('echo', 'a\\0b')", [], [], [(False, ["echo", "a\x00b"])]),
 (False, "redis.call('rpush', 'l', 'a', 'b') return redis.call('lrange', 'l', 0, -1)", [], [], [(False, ["rpush", "l", "a", "b"]), (False, ["lrange", "l", "0", "-1"])]),
 (False, "redis.call('rpush', 'l', 'a') return redis.call('get', 'l')", [], [], [(False, ["rpush", "l", "a"]), (False, ["get", "l"])]),
 (False, "redis.call('rpush', 'l', 'a') return redis.pcall('get', 'l')", [], [], [(False, ["rpush", "l", "a"]), (False, ["get", "l"])]),
 (False, "redis.call('set', 'k', 'v') return redis.call('incr', 'k')", [], [], [(False, ["set", "k", "v"]), (False, ["incr", "k"])]),
 (False, "return redis.call('nosuch')", [], [], [(False, ["nosuch"], UNKNOWN)]),
 (False, "return redis.pcall('nosuch')", [], [], [(False, ["nosuch"], UNKNOWN)]),
 (False, "return redis.call('get')", [], [], [(False, ["get"], ARITY)]),
 (False, "local e = redis.pcall('nosuch') local t = {} for k,v in pairs(e) do t[#t+1] = k .. '=' .. tostring(v) end table.sort(t) return t", [], [], [(False, ["nosuch"], UNKNOWN)]),
 (False, "return redis.pcall('nosuch')['err']", [], [], [(False, ["nosuch"], UNKNOWN)]),
 (False, "local ok, e = pcall(redis.call, 'nosuch') return {tostring(ok), e}", [], [], [(False, ["nosuch"], UNKNOWN)]),
 (False, "local ok, e = pcall(function() return redis.call('nosuch') end) return e", [], [], [(False, ["nosuch"], UNKNOWN)]),
 (False, "return redis.call()", [], [], []),
 (False, "return redis.pcall()", [], [], []),
 (False, "return redis.call('get', {})", [], [], []),
 (False, "return redis.call('get', nil)", [], [], []),
 (False, "return redis.pcall('get', true)", [], [], []),
 (False, "return {pcall(redis.call, 'get', {})}", [], [], []),
 (False, "redis.call('hset', 'h', 'f', 'v') return redis.call('hgetall', 'h')", [], [], [(False, ["hset", "h", "f", "v"]), (False, ["hgetall", "h"])]),
 (False, "redis.setresp(3) redis.call('hset', 'h', 'f', 'v') return redis.call('hgetall', 'h')", [], [], [(True, ["hset", "h", "f", "v"]), (True, ["hgetall", "h"])]),
 (True, "redis.setresp(3) redis.call('hset', 'h', 'f', 'v') return redis.call('hgetall', 'h')", [], [], [(True, ["hset", "h", "f", "v"]), (True, ["hgetall", "h"])]),
 (True, "redis.setresp(3) redis.call('hset', 'h', 'f', 'v') local r = redis.call('hgetall', 'h') return r['map']['f']", [], [], [(True, ["hset", "h", "f", "v"]), (True, ["hgetall", "h"])]),
 (True, "redis.setresp(3) redis.call('sadd', 's', 'm') return redis.call('smembers', 's')", [], [], [(True, ["sadd", "s", "m"]), (True, ["smembers", "s"])]),
 (False, "redis.setresp(3) redis.call('sadd', 's', 'm') return redis.call('smembers', 's')", [], [], [(True, ["sadd", "s", "m"]), (True, ["smembers", "s"])]),
 (True, "redis.setresp(3) redis.call('zadd', 'z', 1.5, 'm') return redis.call('zscore', 'z', 'm')", [], [], [(True, ["zadd", "z", "1.5", "m"]), (True, ["zscore", "z", "m"])]),
 (False, "redis.setresp(3) redis.call('zadd', 'z', 1.5, 'm') return redis.call('zscore', 'z', 'm')", [], [], [(True, ["zadd", "z", "1.5", "m"]), (True, ["zscore", "z", "m"])]),
 (False, "redis.setresp(3) return redis.call('get', 'nokey')", [], [], [(True, ["get", "nokey"])]),
 (True, "redis.setresp(3) return {redis.call('get', 'nokey')}", [], [], [(True, ["get", "nokey"])]),
 (True, "redis.setresp(3) return redis.call('exists', 'nokey')", [], [], [(True, ["exists", "nokey"])]),
 (True, "redis.setresp(3) return redis.call('memory', 'doctor')", [], [], [(True, ["memory", "doctor"])]),
 (False, "redis.setresp(3) return redis.call('memory', 'doctor')", [], [], [(True, ["memory", "doctor"])]),
 (True, "redis.setresp(3) local r = redis.call('memory', 'doctor') return {r['verbatim_string']['format'], #r['verbatim_string']['string']}", [], [], [(True, ["memory", "doctor"])]),
 (True, "redis.setresp(3) local r = redis.call('zadd', 'z', 1.5, 'm') local d = redis.call('zscore', 'z', 'm') return {type(d), d['double']}", [], [], [(True, ["zadd", "z", "1.5", "m"]), (True, ["zscore", "z", "m"])]),
 # redis.* helpers
 (False, "return redis.sha1hex('')", [], [], []),
 (False, "return redis.sha1hex('Pizza & Mandolino')", [], [], []),
 (False, "return redis.sha1hex()", [], [], []),
 (False, "return redis.sha1hex(nil)", [], [], []),
 (False, "return redis.sha1hex(123)", [], [], []),
 (False, "return redis.error_reply('My Error')", [], [], []),
 (False, "return redis.error_reply('-My Error')", [], [], []),
 (False, "return redis.error_reply('NOCODE')", [], [], []),
 (False, "return redis.error_reply('')", [], [], []),
 (False, "return redis.error_reply('x\\r\\ny')", [], [], []),
 (False, "return redis.error_reply('a\\0b c')", [], [], []),
 (False, "return redis.error_reply(1)", [], [], []),
 (False, "return redis.error_reply()", [], [], []),
 (False, "return redis.error_reply('a', 'b')", [], [], []),
 (False, "local e = redis.error_reply('X y') local t = {} for k,v in pairs(e) do t[#t+1] = k .. '=' .. tostring(v) end table.sort(t) return t", [], [], []),
 (False, "return redis.status_reply('FINE')", [], [], []),
 (False, "return redis.status_reply('x\\r\\ny')", [], [], []),
 (False, "return redis.status_reply(1)", [], [], []),
 (False, "return redis.setresp(4)", [], [], []),
 (False, "return redis.setresp()", [], [], []),
 (False, "return redis.setresp('3')", [], [], []),
 (False, "return redis.setresp(2, 3)", [], [], []),
 (False, "return redis.set_repl(redis.REPL_ALL)", [], [], []),
 (False, "return redis.set_repl(redis.REPL_NONE)", [], [], []),
 (False, "return redis.set_repl(5)", [], [], []),
 (False, "return redis.set_repl()", [], [], []),
 (False, "return {redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL}", [], [], []),
 (False, "return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING}", [], [], []),
 (False, "return redis.log(redis.LOG_DEBUG, 'quiet')", [], [], []),
 (False, "return redis.log(redis.LOG_WARNING)", [], [], []),
 (False, "return redis.log('x', 'y')", [], [], []),
 (False, "return redis.log(9, 'y')", [], [], []),
 (False, "return redis.log(-1, 'y')", [], [], []),
 (False, "return {redis.REDIS_VERSION, redis.REDIS_VERSION_NUM}", [], [], []),
 (False, "return {redis.breakpoint(), redis.replicate_commands(), redis.debug('x')}", [], [], []),
 (False, "return redis.acl_check_cmd()", [], [], []),
 (False, "return redis.acl_check_cmd('get', {})", [], [], []),
 (False, "local t = {} for k in pairs(redis) do t[#t+1]=k end table.sort(t) return t", [], [], []),
 (False, "local t = {} for k in pairs(redis) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k in pairs(string) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k in pairs(math) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k in pairs(table) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k in pairs(coroutine) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k in pairs(getmetatable(_G)) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k in pairs(getmetatable('')) do t[#t+1]=k end return t", [], [], []),
 (False, "local t = {} for k, v in next, redis do t[#t+1]=k end return #t", [], [], []),
 (False, "local t = {} for k, v in pairs({a=1, b=2, c=3, d=4, e=5, [1]=1, [2]=2, [10]=10}) do t[#t+1]=tostring(k) end return t", [], [], []),
 # global pcall
 (False, "return {pcall(error)}", [], [], []),
 (False, "local a, b = pcall() return {tostring(a), tostring(b)}", [], [], []),
 (False, "return {pcall(function() error({err='X y'}) end)}", [], [], []),
 (False, "return {pcall(function() error({}) end)}", [], [], []),
 (False, "local a, b, c = pcall(error, {err=1}) return {type(a), type(b), type(c)}", [], [], []),
 (False, "local a, b, c = pcall(error, {x=1}) return {type(a), type(b), type(c)}", [], [], []),
 (False, "return {pcall(function() return 1, 2 end)}", [], [], []),
 (False, "return {xpcall(function() error('boom') end, function(e) return 'h:' .. e end)}", [], [], []),
 (False, "return {pcall(function() error('boom') end)}", [], [], []),
 (False, "return {pcall(function() error('boom', 0) end)}", [], [], []),
 # errors at top level
 (False, "error('boom')", [], [], []),
 (False, "error('boom', 0)", [], [], []),
 (False, "error('boom', 2)", [], [], []),
 (False, "error()", [], [], []),
 (False, "error(123)", [], [], []),
 (False, "error(true)", [], [], []),
 (False, "error('ab\\n')", [], [], []),
 (False, "error('\\r\\nab\\r\\n', 0)", [], [], []),
 (False, "error('a\\0b')", [], [], []),
 (False, "error({err='X\\ny'})", [], [], []),
 (False, "error({err='X y', source='src', line=7})", [], [], []),
 (False, "error({err=5})", [], [], []),
 (False, "local s = '' for i=1,100 do s = s .. 'x' end error(s .. s, 0)", [], [], []),
 (False, "local function f() error('deep') end\nlocal function g() f() end\n\ng()", [], [], []),
 (False, "local t = {} t[nil] = 1", [], [], []),
 (False, "return #nil", [], [], []),
 (False, "return string.rep()", [], [], []),
 (False, "return ('x'):bad()", [], [], []),
 (False, "local a = nil; a.b = 1", [], [], []),
 (False, "return 1 + {}", [], [], []),
 (False, "return nosuchfunction()", [], [], []),
 (False, "local t = setmetatable({}, {__index = function(t, k) error('in index') end}) return t.x", [], [], []),
 # sandbox: globals
 (False, "x = 1", [], [], []),
 (False, "return x", [], [], []),
 (False, "_G.x = 1", [], [], []),
 (False, "return _G.x", [], [], []),
 (False, "return rawget(_G, 'x')", [], [], []),
 (False, "rawset(_G, 'x', 1)", [], [], []),
 (False, "setmetatable(_G, nil)", [], [], []),
 (False, "local mt = getmetatable(_G); mt.__index = nil", [], [], []),
 (False, "return type(getmetatable(_G))", [], [], []),
 (False, "return type(getmetatable(_G).__index)", [], [], []),
 (False, "return _G == _G._G", [], [], []),
 (False, "return {type(getfenv), type(setfenv), type(newproxy), type(print), type(dofile), type(loadfile), type(module), type(require), type(os), type(io), type(package), type(debug)}", [], [], []),
 (False, "return type(getfenv)", [], [], []),
 (False, "return type(print)", [], [], []),
 (False, "return type(debug)", [], [], []),
 (False, "return type(__redis__err__handler)", [], [], []),
 (False, "function f() end", [], [], []),
 (False, "local function f() return 1 end return f()", [], [], []),
 # sandbox: library tables
 (False, "redis.call = 1", [], [], []),
 (False, "string.foo = 1", [], [], []),
 (False, "math.random = nil", [], [], []),
 (False, "table.insert(string, 1)", [], [], []),
 (False, "table.insert(string, 1, 2)", [], [], []),
 (False, "table.insert(string, 1, 2, 3)", [], [], []),
 (False, "rawset(string, 'x', 1)", [], [], []),
 (False, "rawset(redis, 'x')", [], [], []),
 (False, "setmetatable(string, {})", [], [], []),
 (False, "setmetatable(string, 1)", [], [], []),
 (False, "getmetatable('').__index = 1", [], [], []),
 (False, "getmetatable('').x = 1", [], [], []),
 (False, "return getmetatable('').__index == string", [], [], []),
 (False, "return type(getmetatable(getmetatable('')))", [], [], []),
 (False, "return type(getmetatable(string))", [], [], []),
 (False, "return rawget(string, 'len') == string.len", [], [], []),
 (False, "return next(string) ~= nil", [], [], []),
 (False, "local t = {} for k in pairs(string) do t[#t+1]=k end table.sort(t) return t", [], [], []),
 (False, "local t = {} for k in pairs(math) do t[#t+1]=k end table.sort(t) return t", [], [], []),
 (False, "local t = {} for k in pairs(table) do t[#t+1]=k end table.sort(t) return t", [], [], []),
 (False, "local t = {} for k in pairs(coroutine) do t[#t+1]=k end table.sort(t) return t", [], [], []),
 (False, "return ('abc'):upper()", [], [], []),
 (False, "return string.format('%d-%s', 5, 'x')", [], [], []),
 (False, "local t = {3, 1, 2} table.sort(t) table.insert(t, 4) return t", [], [], []),
 (False, "local n = 0 table.foreach(string, function() n = n + 1 end) return n", [], [], []),
 (False, "local t = {} table.foreach({a=1}, function(k, v) t[#t+1] = k end) return t", [], [], []),
 (False, "return table.maxn(string)", [], [], []),
 (False, "return {table.remove(string)}", [], [], []),
 (False, "return table.concat(string)", [], [], []),
 (False, "return #redis", [], [], []),
 (False, "return {unpack({1, 2, 3})}", [], [], []),
 (False, "return {unpack({1,2,3}, -2147483648, 2147483647)}", [], [], []),
 (False, "return {unpack({1, 2, 3}, 2)}", [], [], []),
 (False, "local t = {} t.x = 1 return t.x", [], [], []),
 (False, "return tostring(_VERSION)", [], [], []),
 # loaders
 (False, "local f, e = loadstring(string.char(27) .. 'Lua') return e", [], [], []),
 (False, "local f, e = loadstring(string.char(27) .. 'Lua', 'abc') return e", [], [], []),
 (False, "local f, e = loadstring(string.char(27) .. 'Lua', '=abc') return e", [], [], []),
 (False, "local f, e = load(function() return nil end) return type(f)", [], [], []),
 (False, "local n = 0 local f, e = load(function() n = n + 1 if n == 1 then return string.char(27) .. 'x' end return nil end) return e", [], [], []),
 (False, "local n = 0 local f, e = load(function() n = n + 1 if n == 1 then return 'return 4' end return nil end) return f()", [], [], []),
 (False, "local f, e = load(function() return {} end) return e", [], [], []),
 (False, "local f, e = loadstring('x=') return e", [], [], []),
 (False, "local f = loadstring('return 1 + 1') return f()", [], [], []),
 (False, "local f = loadstring('y = 1') return {pcall(f)}", [], [], []),
 (False, "local f = loadstring('return z') return {pcall(f)}", [], [], []),
 (False, "local co = coroutine.create(function() return x end) return {coroutine.resume(co)}", [], [], []),
 (False, "local co = coroutine.create(function() y = 2 end) return {coroutine.resume(co)}", [], [], []),
 (False, "local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) return {co(1), co(5)}", [], [], []),
 # math.random argument errors (values drawn are tested on their own)
 (False, "return math.random(0)", [], [], []),
 (False, "return math.random(1,2,3)", [], [], []),
 (False, "return math.random(3,1)", [], [], []),
 (False, "return math.randomseed()", [], [], []),
 (False, "math.randomseed(42) local t={} for i=1,3 do t[#t+1]=tostring(math.random()) end t[#t+1]=math.random(1000000) t[#t+1]=math.random(-5, 5) return t", [], [], []),
 (False, "math.randomseed(-7) return {math.random(100), math.random(100)}", [], [], []),
 # shebang and compile errors
 (False, "#!lua\nreturn 1", [], [], []),
 (False, "#!lua flags=no-writes,allow-oom\nreturn 2", [], [], []),
 (False, "#!lua flags=\nreturn 3", [], [], []),
 (False, "#!lua flags=no-writes,,allow-oom\nreturn 1", [], [], []),
 (False, "#!lua flags=bad\nreturn 1", [], [], []),
 (False, "#!lua name=x\nreturn 1", [], [], []),
 (False, "#!python\nreturn 1", [], [], []),
 (False, "#!\nreturn 1", [], [], []),
 (False, "#!lua", [], [], []),
 (False, "#!lua \"abc\nreturn 1", [], [], []),
 (False, "#!lua 'flags=no-writes'\nreturn 4", [], [], []),
 (False, "#!lua\r\nreturn 5", [], [], []),
 (False, "#! lua\nreturn 1", [], [], []),
 (False, "#!LUA\nreturn 1", [], [], []),
 (False, "#!lua\nreturn x", [], [], []),
 (False, "#!lua\n\nerror('e')", [], [], []),
 (False, "return 1 +", [], [], []),
 (False, "x = = 1", [], [], []),
 (False, "return 'abc", [], [], []),
 (False, "\x1bLua", [], [], []),
 (False, "\n\nlocal x = [[\nunfinished", [], [], []),
 (False, "return 1 end", [], [], []),
 (False, "", [], [], []),
]


def rust_bytes(b):
    if isinstance(b, str): b = b.encode('latin-1')
    out = []
    for ch in b:
        c = chr(ch)
        if c == '"': out.append('\\"')
        elif c == '\\': out.append('\\\\')
        elif c == '\n': out.append('\\n')
        elif c == '\r': out.append('\\r')
        elif c == '\t': out.append('\\t')
        elif 32 <= ch < 127: out.append(c)
        else: out.append('\\x%02x' % ch)
    return 'b"' + ''.join(out) + '"'


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-server", default="redis-server")
    args = parser.parse_args()
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="gen-lua-cases-")
    server = subprocess.Popen(
        [args.redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", workdir, "--logfile", os.path.join(workdir, "log")],
        stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                C(port=port).cmd("PING")
                break
            except OSError:
                time.sleep(0.05)
        version = C(port=port).cmd("INFO", "server").decode()
        if "redis_version:7.0.15" not in version:
            sys.exit("not redis-server 7.0.15")
        generate(port)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def generate(port):
    cases = CASES
    c2 = C(port=port)
    c3 = C(True, port=port)
    out = []
    out.append("// Generated by tools/gen_lua_cases.py from redis-server 7.0.15 (Debian 7.0.15-1~deb12u10):")
    out.append("// each script run by EVAL on an empty database, the replies of the commands it calls.")
    out.append("// Do not edit by hand: add cases to the tool and regenerate.")
    out.append("")
    out.append("use super::Case;")
    out.append("")
    out.append("pub(super) const CASES: &[Case] = &[")
    for (resp3, script, keys, argv, calls) in cases:
        # replies of the calls
        c2.cmd("FLUSHALL")
        call_specs = []
        for call in calls:
            r3, args = call[0], call[1]
            if len(call) > 2:
                reply = call[2]
            else:
                reply = (c3 if r3 else c2).cmd(*args)
            call_specs.append((r3, args, reply))
        c2.cmd("FLUSHALL")
        c = c3 if resp3 else c2
        exp = c.cmd("EVAL", script.encode('latin-1'), str(len(keys)), *[k.encode('latin-1') for k in keys], *[a.encode('latin-1') for a in argv])
        out.append("    Case {")
        out.append("        resp3: %s," % ("true" if resp3 else "false"))
        out.append("        script: %s," % rust_bytes(script))
        out.append("        keys: &[%s]," % ", ".join(rust_bytes(k) for k in keys))
        out.append("        argv: &[%s]," % ", ".join(rust_bytes(a) for a in argv))
        out.append("        calls: &[%s]," % ", ".join("(%s, &[%s], %s)" % ("true" if r3 else "false", ", ".join(rust_bytes(a) for a in args), rust_bytes(rep)) for (r3, args, rep) in call_specs))
        out.append("        expect: %s," % rust_bytes(exp))
        out.append("    },")
    out.append("];")
    with open(OUT_RS, "w") as f:
        f.write("\n".join(out) + "\n")
    print(len(cases), "cases written to", OUT_RS)


if __name__ == "__main__":
    main()
