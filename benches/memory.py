#!/usr/bin/env python3
"""Memory side by side: redis-server and shardis on the same machine, same settings.

    cargo build --release && python3 benches/memory.py [--keys N] [--shardis PATH]

Each server is fresh (its own temp dir, no persistence), pinned to CPU 1 with taskset; this
client pins itself to CPU 0. shardis runs with the shards its CPU set allows (one).

(a) Bytes per key: for each shape, a fresh server is loaded with KEYS keys (pipelined, 1000
    commands a batch) and the figure is (used_memory after - used_memory before) / KEYS:
      string  SET string:NNNNNNNN <16-byte value>
      hash    HSET hash:NNNNNNNN name <8 bytes> age <2 digits> city <8 bytes>
      set     SADD set:NNNNNNNN <3 members of 6-8 bytes, not integers>
      intset  SADD intset:NNNNNNNN <3 integers of 1-4 digits>
      bighash HSET bighash:NNNNNNNN name <8 bytes> bio <70 bytes> (a hashtable: 70 bytes is
              past hash-max-listpack-value)
    (--shapes picks some of them.)
    MEMORY USAGE of one key is printed beside it (each server's own estimate).
(b) Hit ratio: a read-through cache (GET; SET on a miss) over a Zipf-like workload (key k
    drawn with probability proportional to 1/(k+1)) of UNIVERSE keys with 200-byte values,
    under allkeys-lru and allkeys-lfu at the same maxmemory for both servers; the ratio is
    measured after a warm-up of a fifth of the accesses.

Prints one line per figure; compare the two servers' lines. Standard library only.
"""

import argparse
import bisect
import itertools
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_shardis():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "shardis")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def encode(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        if not isinstance(a, bytes):
            a = str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class Client:
    """A RESP2 client that sends batches and parses their replies."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = b""
        self.pos = 0

    def _fill(self):
        data = self.sock.recv(1 << 20)
        if not data:
            raise ConnectionError("server closed the connection")
        self.buf = self.buf[self.pos:] + data
        self.pos = 0

    def _line(self):
        while True:
            end = self.buf.find(b"\r\n", self.pos)
            if end >= 0:
                line = self.buf[self.pos:end]
                self.pos = end + 2
                return line
            self._fill()

    def _reply(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            while len(self.buf) - self.pos < n + 2:
                self._fill()
            data = self.buf[self.pos:self.pos + n]
            self.pos += n + 2
            return data
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self._reply() for _ in range(n)]
        raise RuntimeError("unexpected reply %r" % line)

    def batch(self, commands):
        self.sock.sendall(b"".join(encode(*c) for c in commands))
        return [self._reply() for _ in commands]

    def cmd(self, *args):
        return self.batch([args])[0]


def info_field(client, field):
    text = client.cmd("INFO", "memory").decode()
    for line in text.split("\r\n"):
        if line.startswith(field + ":"):
            return int(line.split(":", 1)[1])
    raise KeyError(field)


class Server:
    def __init__(self, name, argv):
        self.name = name
        self.dir = tempfile.mkdtemp(prefix="memory-bench-")
        self.port = free_port()
        argv = [a.replace("{port}", str(self.port)).replace("{dir}", self.dir) for a in argv]
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.proc = subprocess.Popen(["taskset", "-c", "1"] + argv, cwd=self.dir,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while True:
            try:
                if Client(self.port).cmd("PING") == b"PONG":
                    break
            except (OSError, RuntimeError):
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                raise RuntimeError("%s did not start; see %s" % (name, self.dir))
            time.sleep(0.05)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def redis_argv(extra):
    return ["redis-server", "--port", "{port}", "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--dir", "{dir}"] + extra


def shardis_argv(path, extra):
    return [path, "--port", "{port}", "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--dir", "{dir}"] + extra


SHAPES = {
    "string": lambda i: ("SET", "string:%08d" % i, "value:%010d" % i),
    "int": lambda i: ("SET", "int:%08d" % i, str(i * 7919)),
    "hash": lambda i: ("HSET", "hash:%08d" % i, "name", "n%07d" % i, "age", str(i % 90 + 10),
                       "city", "c%07d" % (i % 1000)),
    "intset": lambda i: ("SADD", "intset:%08d" % i, str(i % 10), str(100 + i % 7),
                         str(1000 + i % 13)),
    "bighash": lambda i: ("HSET", "bighash:%08d" % i, "name", "n%07d" % i, "bio", "b" * 70),
    "set": lambda i: ("SADD", "set:%08d" % i, "red-%d" % (i % 10), "green-%d" % (i % 7),
                      "blue-%d" % (i % 13)),
}


def bytes_per_key(name, argv, keys, shapes):
    for shape in shapes:
        make = SHAPES[shape]
        server = Server(name, argv)
        try:
            c = Client(server.port)
            before = info_field(c, "used_memory")
            for start in range(0, keys, 1000):
                c.batch([make(i) for i in range(start, min(start + 1000, keys))])
            time.sleep(0.2)
            after = info_field(c, "used_memory")
            usage = c.cmd("MEMORY", "USAGE", make(keys // 2)[1])
            print("%-8s %-6s bytes_per_key %7.1f  (used_memory +%d for %d keys; MEMORY USAGE "
                  "of one key %s)" % (name, shape, (after - before) / keys, after - before, keys,
                                      usage), flush=True)
        finally:
            server.stop()


def zipf_keys(universe, count, seed):
    cdf = list(itertools.accumulate(1.0 / (k + 1) for k in range(universe)))
    total = cdf[-1]
    rng = random.Random(seed)
    return [min(bisect.bisect_left(cdf, rng.random() * total), universe - 1)
            for _ in range(count)]


def hit_ratio(name, argv, accesses, value):
    server = Server(name, argv)
    try:
        c = Client(server.port)
        warm = len(accesses) // 5
        hits = counted = 0
        for start in range(0, len(accesses), 100):
            chunk = accesses[start:start + 100]
            got = c.batch([("GET", "c:%d" % k) for k in chunk])
            misses = [("SET", "c:%d" % k, value) for k, v in zip(chunk, got) if v is None]
            if misses:
                c.batch(misses)
            if start >= warm:
                hits += sum(1 for v in got if v is not None)
                counted += len(chunk)
        evicted = int(c.cmd("INFO", "stats").decode().split("evicted_keys:")[1].split()[0])
        return hits / counted, c.cmd("DBSIZE"), evicted
    finally:
        server.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keys", type=int, default=1_000_000)
    ap.add_argument("--universe", type=int, default=500_000)
    ap.add_argument("--accesses", type=int, default=1_000_000)
    ap.add_argument("--maxmemory", default="32mb")
    ap.add_argument("--shardis", default=default_shardis())
    ap.add_argument("--shapes", default=",".join(SHAPES),
                    help="comma-separated shapes for bytes per key (default: all)")
    ap.add_argument("--skip-bytes", action="store_true")
    ap.add_argument("--skip-hits", action="store_true")
    args = ap.parse_args()
    if not os.access(args.shardis, os.X_OK):
        raise SystemExit("build first: cargo build --release (or --shardis PATH)")
    os.sched_setaffinity(0, {0})
    servers = [("redis", lambda extra: redis_argv(extra)),
               ("shardis", lambda extra: shardis_argv(args.shardis, extra))]
    print("servers pinned to CPU 1 (taskset -c 1), client on CPU 0", flush=True)
    if not args.skip_bytes:
        for name, argv in servers:
            bytes_per_key(name, argv([]), args.keys, args.shapes.split(","))
    if not args.skip_hits:
        accesses = zipf_keys(args.universe, args.accesses, 7)
        value = "v" * 200
        for policy in ("allkeys-lru", "allkeys-lfu"):
            for name, argv in servers:
                ratio, dbsize, evicted = hit_ratio(
                    name, argv(["--maxmemory", args.maxmemory, "--maxmemory-policy", policy]),
                    accesses, value)
                print("%-8s %-12s maxmemory %s hit_ratio %.4f (keys held %d, evicted %d; "
                      "%d Zipf accesses over %d keys, 200-byte values)"
                      % (name, policy, args.maxmemory, ratio, dbsize, evicted, len(accesses),
                         args.universe), flush=True)


if __name__ == "__main__":
    main()
