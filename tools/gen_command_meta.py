#!/usr/bin/env python3
"""Generate src/command_meta/generated.rs from a real Redis 7.0.

Starts `redis-server` on a free loopback port, asks it (over RESP3) for COMMAND INFO and
COMMAND DOCS of every command listed in tools/commands.txt, and writes one `CommandMeta` per
command. Containers (CLIENT, COMMAND) keep only the subcommands listed as `container|sub`, both
in their `subcommands` and in the "subcommands" map of their docs.

It also stores Redis's raw replies (RESP2 and RESP3) under src/command_meta/testdata/, which the
unit tests in src/command_meta/mod.rs compare the Rust encoders against byte for byte.

Usage, from anywhere:

    python3 tools/gen_command_meta.py [--redis-server PATH] [--any-version]

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
COMMANDS_TXT = os.path.join(ROOT, "tools", "commands.txt")
OUT_RS = os.path.join(ROOT, "src", "command_meta", "generated.rs")
TESTDATA = os.path.join(ROOT, "src", "command_meta", "testdata")


class Fail(Exception):
    """A fatal problem, reported without a traceback."""


# --------------------------------------------------------------------------------------------
# commands.txt


def read_command_list(path):
    """Returns the listed names in file order: ["ping", ..., "client", "client|id", ...]."""
    names = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line != line.lower() or any(c.isspace() for c in line):
                raise Fail(f"{path}:{lineno}: want one lowercase name, got {line!r}")
            if line.count("|") > 1:
                raise Fail(f"{path}:{lineno}: Redis 7.0 has one level of subcommands: {line!r}")
            if line in names:
                raise Fail(f"{path}:{lineno}: {line!r} listed twice")
            names.append(line)
    for name in names:
        if "|" in name and name.split("|")[0] not in names:
            raise Fail(f"{path}: {name!r} is listed but its container is not")
    return names


# --------------------------------------------------------------------------------------------
# RESP


class Incomplete(Exception):
    pass


class RedisError(Exception):
    pass


def parse(buf, pos):
    """Parses one RESP2/RESP3 value at buf[pos:]; returns (value, end). Values are tuples:
    ("bulk", str), ("status", str), ("int", n), ("array", [...]), ("set", [...]),
    ("map", [(k, v), ...]), ("null",), ("error", str)."""
    end = buf.find(b"\r\n", pos)
    if end < 0:
        raise Incomplete()
    kind = buf[pos : pos + 1]
    line = buf[pos + 1 : end]
    pos = end + 2
    if kind == b"+":
        return ("status", line.decode("utf-8")), pos
    if kind == b"-":
        return ("error", line.decode("utf-8", "replace")), pos
    if kind == b":":
        return ("int", int(line)), pos
    if kind == b"_":
        return ("null",), pos
    if kind in (b"$", b"="):
        n = int(line)
        if n < 0:
            return ("null",), pos
        if len(buf) < pos + n + 2:
            raise Incomplete()
        data = buf[pos : pos + n]
        if kind == b"=":
            data = data[4:]  # "txt:"
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise Fail(f"a bulk string is not UTF-8: {data!r}")
        return ("bulk", text), pos + n + 2
    if kind in (b"*", b"~", b">"):
        n = int(line)
        if n < 0:
            return ("null",), pos
        items = []
        for _ in range(n):
            item, pos = parse(buf, pos)
            items.append(item)
        return ("set" if kind == b"~" else "array", items), pos
    if kind == b"%":
        pairs = []
        for _ in range(int(line)):
            k, pos = parse(buf, pos)
            v, pos = parse(buf, pos)
            pairs.append((k, v))
        return ("map", pairs), pos
    raise Fail(f"unexpected RESP type {kind!r}")


def encode_command(args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a.encode("utf-8")
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buf = b""

    def call(self, *args):
        """Sends one command; returns (parsed reply, raw reply bytes)."""
        self.sock.sendall(encode_command(args))
        while True:
            try:
                value, end = parse(self.buf, 0)
                break
            except Incomplete:
                chunk = self.sock.recv(1 << 16)
                if not chunk:
                    raise Fail("redis-server closed the connection")
                self.buf += chunk
        raw, self.buf = self.buf[:end], self.buf[end:]
        if value[0] == "error":
            raise RedisError(f"{' '.join(args)}: {value[1]}")
        return value, raw

    def close(self):
        self.sock.close()


# --------------------------------------------------------------------------------------------
# redis-server


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_redis(binary, workdir):
    """Starts redis-server on a free loopback port; returns (process, port)."""
    for _ in range(5):
        port = free_port()
        proc = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--dir", workdir,
             "--logfile", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 10
        while time.time() < deadline and proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return proc, port
            except OSError:
                time.sleep(0.05)
        stop_redis(proc)  # lost the port to someone else, or too slow: try another port
    raise Fail(f"could not start {binary}")


def stop_redis(proc):
    if proc.poll() is None:
        proc.terminate()  # SIGTERM to this pid only
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --------------------------------------------------------------------------------------------
# Reply trees


def field(value, kind):
    if value[0] != kind:
        raise Fail(f"expected a {kind}, got {value!r:.200}")
    return value[1]


def strings(value, container_kind, item_kind):
    return [field(v, item_kind) for v in field(value, container_kind)]


def map_get(value, key):
    for k, v in field(value, "map"):
        if k == ("bulk", key):
            return v
    return None


def restrict_docs(docs, fullname, wanted):
    """The docs map with its "subcommands" map (if any) limited to `wanted`, in list order."""
    pairs = []
    for k, v in field(docs, "map"):
        if k == ("bulk", "subcommands"):
            subs = dict((field(sk, "bulk"), sv) for sk, sv in field(v, "map"))
            kept = []
            for name in wanted:
                if name.startswith(fullname + "|"):
                    if name not in subs:
                        raise Fail(f"COMMAND DOCS {fullname}: Redis has no {name!r}")
                    kept.append((("bulk", name), restrict_docs(subs[name], name, wanted)))
            v = ("map", kept)
        pairs.append((k, v))
    return ("map", pairs)


class Meta:
    """One command's metadata, from its COMMAND INFO entry and COMMAND DOCS map."""

    def __init__(self, info, docs, wanted):
        items = field(info, "array")
        if len(items) != 10:
            raise Fail(f"COMMAND INFO entry has {len(items)} elements, want 10")
        self.fullname = field(items[0], "bulk")
        self.name = self.fullname.split("|")[-1]
        self.arity = field(items[1], "int")
        # The shapes mod.rs's write_info assumes; fail loudly if this Redis differs.
        self.flags = strings(items[2], "set", "status")
        self.first_key = field(items[3], "int")
        self.last_key = field(items[4], "int")
        self.step = field(items[5], "int")
        self.acl_categories = strings(items[6], "set", "status")
        self.tips = strings(items[7], "set", "bulk")
        self.key_specs = field(items[8], "set")
        for spec in self.key_specs:
            field(spec, "map")
        self.container = map_get(docs, "subcommands") is not None
        self.subcommands = []
        if self.container:
            by_name = {}
            for sub in field(items[9], "array"):
                sub_name = field(field(sub, "array")[0], "bulk")
                by_name[sub_name] = sub
            for name in wanted:
                if name.startswith(self.fullname + "|"):
                    if name not in by_name:
                        raise Fail(f"COMMAND INFO {self.fullname}: Redis has no {name!r}")
                    sub_docs = map_get(map_get(docs, "subcommands"), name)
                    self.subcommands.append(Meta(by_name[name], sub_docs, wanted))
        else:
            if field(items[9], "set"):
                raise Fail(f"{self.fullname}: subcommands without a docs subcommands map")
        self.docs = restrict_docs(docs, self.fullname, wanted)

    def leaves(self):
        """This command, or its listed subcommands if it is a container: depth first."""
        if not self.container:
            return [self]
        return [leaf for sub in self.subcommands for leaf in sub.leaves()]


# --------------------------------------------------------------------------------------------
# Rust output


def rust_str(s):
    out = ['"']
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == "\0":
            out.append("\\0")
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    out.append('"')
    return "".join(out)


def rust_str_slice(items):
    return "&[" + ", ".join(rust_str(s) for s in items) + "]"


WIDTH = 100


def rust_node(node, indent):
    """A Node expression; on one line if it fits, else one child a line."""
    flat = rust_node_flat(node)
    if indent + len(flat) <= WIDTH or node[0] not in ("array", "set", "map"):
        return flat
    pad = " " * (indent + 4)
    if node[0] == "map":
        lines = []
        for k, v in node[1]:
            key = rust_node_flat(k)
            lines.append(f"{pad}({key}, {rust_node(v, indent + 4)}),")
        ctor = "Map"
    else:
        lines = [f"{pad}{rust_node(v, indent + 4)}," for v in node[1]]
        ctor = "Array" if node[0] == "array" else "Set"
    return f"Node::{ctor}(&[\n" + "\n".join(lines) + "\n" + " " * indent + "])"


def rust_node_flat(node):
    kind = node[0]
    if kind == "bulk":
        return f"Node::Bulk({rust_str(node[1])})"
    if kind == "status":
        return f"Node::Status({rust_str(node[1])})"
    if kind == "int":
        return f"Node::Int({node[1]})"
    if kind in ("array", "set"):
        ctor = "Array" if kind == "array" else "Set"
        return f"Node::{ctor}(&[" + ", ".join(rust_node_flat(v) for v in node[1]) + "])"
    if kind == "map":
        pairs = ", ".join(f"({rust_node_flat(k)}, {rust_node_flat(v)})" for k, v in node[1])
        return f"Node::Map(&[{pairs}])"
    raise Fail(f"no Node for {node!r:.200}")


def rust_meta(meta, indent):
    pad = " " * (indent + 4)
    lines = [
        "CommandMeta {",
        f"{pad}name: {rust_str(meta.name)},",
        f"{pad}fullname: {rust_str(meta.fullname)},",
        f"{pad}arity: {meta.arity},",
        f"{pad}flags: {rust_str_slice(meta.flags)},",
        f"{pad}first_key: {meta.first_key},",
        f"{pad}last_key: {meta.last_key},",
        f"{pad}step: {meta.step},",
        f"{pad}acl_categories: {rust_str_slice(meta.acl_categories)},",
        f"{pad}tips: {rust_str_slice(meta.tips)},",
    ]
    if meta.key_specs:
        specs = "".join(f"{pad}    {rust_node(s, indent + 8)},\n" for s in meta.key_specs)
        lines.append(f"{pad}key_specs: &[\n{specs}{pad}],")
    else:
        lines.append(f"{pad}key_specs: &[],")
    if meta.subcommands:
        subs = "".join(f"{pad}    {rust_meta(s, indent + 8)},\n" for s in meta.subcommands)
        lines.append(f"{pad}subcommands: &[\n{subs}{pad}],")
    else:
        lines.append(f"{pad}subcommands: &[],")
    lines.append(f"{pad}docs: {rust_node(meta.docs, indent + 4)},")
    lines.append(" " * indent + "}")
    return "\n".join(lines)


def render(metas, version):
    head = f"""\
//! GENERATED FILE, DO NOT EDIT: written by tools/gen_command_meta.py from redis-server
//! {version}'s COMMAND INFO and COMMAND DOCS replies for the commands in tools/commands.txt.
//!
//! To regenerate (after editing tools/commands.txt), from the repository root:
//!
//! ```text
//! python3 tools/gen_command_meta.py
//! ```
//!
//! It needs a Redis 7.0 `redis-server` on the PATH (or `--redis-server PATH`) and also
//! refreshes the expected replies in src/command_meta/testdata/.

use super::{{CommandMeta, Node}};

/// Every listed command, in tools/commands.txt order.
pub static COMMANDS: &[CommandMeta] = &[
"""
    body = "".join(f"    {rust_meta(m, 4)},\n" for m in metas)
    return head + body + "];\n"


# --------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--redis-server", default="redis-server", help="redis-server binary")
    ap.add_argument("--any-version", action="store_true", help="accept a Redis other than 7.0")
    args = ap.parse_args()

    binary = shutil.which(args.redis_server)
    if not binary:
        raise Fail(f"{args.redis_server} not found")
    names = read_command_list(COMMANDS_TXT)
    top = [n for n in names if "|" not in n]

    workdir = tempfile.mkdtemp(prefix="gen_command_meta.")
    proc = None
    try:
        proc, port = start_redis(binary, workdir)
        resp3 = Conn(port)
        hello, _ = resp3.call("HELLO", "3")
        version = field(map_get(hello, "version"), "bulk")
        if not version.startswith("7.0.") and not args.any_version:
            raise Fail(f"redis-server is {version}; shardis follows 7.0 (--any-version to force)")

        infos, _ = resp3.call("COMMAND", "INFO", *top)
        docs, _ = resp3.call("COMMAND", "DOCS", *top)
        docs_by_name = dict((field(k, "bulk"), v) for k, v in field(docs, "map"))
        metas = []
        for name, info in zip(top, field(infos, "array")):
            if info == ("null",) or name not in docs_by_name:
                raise Fail(f"Redis {version} has no command {name!r}")
            metas.append(Meta(info, docs_by_name[name], names))

        # Expected bytes for the tests: every leaf exactly, and the containers whole (the tests
        # filter their subcommands, whose order also changes from run to run).
        resp2 = Conn(port)
        leaves = [leaf.fullname for m in metas for leaf in m.leaves()]
        containers = [m.fullname for m in metas if m.container]
        captures = {}
        for proto, conn in (("resp2", resp2), ("resp3", resp3)):
            captures[f"info_leaves.{proto}"] = conn.call("COMMAND", "INFO", *leaves)[1]
            captures[f"docs_leaves.{proto}"] = conn.call("COMMAND", "DOCS", *leaves)[1]
            if containers:
                captures[f"info_containers.{proto}"] = conn.call("COMMAND", "INFO", *containers)[1]
                captures[f"docs_containers.{proto}"] = conn.call("COMMAND", "DOCS", *containers)[1]
        resp2.close()
        resp3.close()
    finally:
        if proc is not None:
            stop_redis(proc)
        shutil.rmtree(workdir, ignore_errors=True)

    with open(OUT_RS, "w", encoding="utf-8") as f:
        f.write(render(metas, version))
    os.makedirs(TESTDATA, exist_ok=True)
    for fname, raw in captures.items():
        with open(os.path.join(TESTDATA, fname), "wb") as f:
            f.write(raw)
    print(f"wrote {os.path.relpath(OUT_RS, ROOT)}: {len(metas)} commands, "
          f"{len(names) - len(top)} subcommands, from Redis {version}; "
          f"{len(captures)} files in {os.path.relpath(TESTDATA, ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except (Fail, RedisError) as e:
        print(f"gen_command_meta: {e}", file=sys.stderr)
        sys.exit(1)
