#!/usr/bin/env python3
"""Refreshes the expected results of the Lua library tests (src/scripting/libs/*.rs) from a
redis-server 7.0.15.

Each library's tests hold a `// BEGIN GENERATED CASES` block of (Lua chunk, expected bytes).
This script runs every chunk (after src/scripting/libs/test_prelude.lua, on the same line, as
the Rust test does) with EVAL on the server and rewrites the block with the replies. To add a
case, add a line `(r#"return ..."#, b""),` to a block and run the script.

    redis-server --port 7791 --save '' --daemonize yes
    tools/gen_lua_lib_cases.py [--port 7791] [cjson.rs cmsgpack.rs bit.rs struct_lib.rs]
    redis-cli -p 7791 shutdown nosave

Chunks must return a string (binary data through the prelude's `hex`); a chunk whose reply is
not a bulk string is reported and left out.
"""
import argparse
import os
import re
import socket
import sys

LIBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'scripting', 'libs')
BLOCK = re.compile(r'    // BEGIN GENERATED CASES.*?// END GENERATED CASES\n', re.S)
CHUNK = re.compile(r'^\s*\(r(#+)"(.*?)"\1, b".*"\),$')


class Redis:
    def __init__(self, port):
        self.sock = socket.create_connection(('127.0.0.1', port))
        self.buf = b''

    def _line(self):
        while b'\r\n' not in self.buf:
            self.buf += self.sock.recv(65536)
        line, self.buf = self.buf.split(b'\r\n', 1)
        return line

    def _reply(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b'$':
            n = int(rest)
            if n < 0:
                return None
            while len(self.buf) < n + 2:
                self.buf += self.sock.recv(65536)
            data, self.buf = self.buf[:n], self.buf[n + 2:]
            return data
        if kind == b'*':
            n = int(rest)
            return None if n < 0 else [self._reply() for _ in range(n)]
        if kind == b':':
            return int(rest)
        if kind == b'-':
            return ('error', rest)
        return ('status', rest)

    def eval(self, script):
        args = [b'EVAL', script, b'0']
        out = b'*%d\r\n' % len(args)
        for a in args:
            out += b'$%d\r\n%s\r\n' % (len(a), a)
        self.sock.sendall(out)
        return self._reply()


def bytes_literal(data):
    out = []
    for x in data:
        c = chr(x)
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif c == '\n':
            out.append('\\n')
        elif 0x20 <= x < 0x7f:
            out.append(c)
        else:
            out.append('\\x%02x' % x)
    return 'b"' + ''.join(out) + '"'


def raw_literal(s):
    hashes = 1
    while '"' + '#' * hashes in s:
        hashes += 1
    return 'r' + '#' * hashes + '"' + s + '"' + '#' * hashes


def refresh(redis, prelude, path):
    src = open(path, encoding='utf-8').read()
    block = BLOCK.search(src)
    if not block:
        sys.exit('%s: no GENERATED CASES block' % path)
    lines = []
    for line in block.group(0).splitlines():
        m = CHUNK.match(line)
        if not m:
            continue
        chunk = m.group(2)
        reply = redis.eval((prelude + ' ' + chunk).encode())
        if not isinstance(reply, bytes):
            print('%s: not a string: %s -> %r' % (os.path.basename(path), chunk, reply),
                  file=sys.stderr)
            continue
        lines.append('        (%s, %s),' % (raw_literal(chunk), bytes_literal(reply)))
    new_block = ('    // BEGIN GENERATED CASES (redis-server 7.0.15)\n'
                 '    const CASES: &[(&str, &[u8])] = &[\n' + '\n'.join(lines) +
                 '\n    ];\n    // END GENERATED CASES\n')
    open(path, 'w', encoding='utf-8').write(src[:block.start()] + new_block + src[block.end():])
    print('%s: %d cases' % (os.path.basename(path), len(lines)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--port', type=int, default=7791)
    ap.add_argument('files', nargs='*',
                    default=['bit.rs', 'cjson.rs', 'cmsgpack.rs', 'struct_lib.rs'])
    args = ap.parse_args()
    prelude = open(os.path.join(LIBS, 'test_prelude.lua'), encoding='utf-8').read().rstrip('\n')
    redis = Redis(args.port)
    for f in args.files:
        refresh(redis, prelude, os.path.join(LIBS, f))


if __name__ == '__main__':
    main()
