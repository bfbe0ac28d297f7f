#!/usr/bin/env python3
"""What a client may take, and RSS under eviction churn: redis-server and shardis side by side.

    cargo build --release && python3 benches/client_memory.py [--shardis PATH] [--only NAME]

Each server is fresh (its own temp dir, no persistence). Memory is read from
/proc/<pid>/status: VmRSS now, and VmHWM, the peak since the test began (reset through
/proc/<pid>/clear_refs before each scenario). Standard library only.

(a) pipeline: a 1 MB string is stored; one client pipelines 500 `GET` of it and reads
    nothing. Figures: RSS before, peak RSS while the replies wait, and RSS after the client
    left (polled until it stops falling, up to 40 s: jemalloc returns freed pages on its
    decay schedule).
(b) clients: 500 clients each send one `GET` of it and read nothing; same figures.
(c) churn: `maxmemory 50mb` under allkeys-lru and allkeys-random, then
    `redis-benchmark -t set -d 1000 -r 1000000 -n 250000` (five times maxmemory written);
    figures: RSS / maxmemory and used_memory / maxmemory at the end, peak RSS / maxmemory.
    shardis runs with 1 and with 2 shards.

Servers run on CPU 1 (2 shards: CPUs 0-1), clients on CPU 0.
"""

import argparse
import os
import shutil
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1 << 20


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


def command(port, *args):
    """Sends one command on a fresh connection and returns the raw reply."""
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(encode(*args))
        data = b""
        while True:
            chunk = s.recv(1 << 16)
            data += chunk
            if not chunk or data.endswith(b"\r\n") and complete(data):
                return data


def complete(data):
    if data[:1] != b"$":
        return True
    head, _, rest = data.partition(b"\r\n")
    return len(rest) >= int(head[1:]) + 2


def info_field(port, field):
    for line in command(port, "INFO", "memory").decode().split("\r\n"):
        if line.startswith(field + ":"):
            return int(line.split(":", 1)[1])
    raise KeyError(field)


class Server:
    def __init__(self, name, argv, cpus):
        self.name = name
        self.dir = tempfile.mkdtemp(prefix="client-memory-")
        self.port = free_port()
        argv = [a.replace("{port}", str(self.port)).replace("{dir}", self.dir) for a in argv]
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.proc = subprocess.Popen(["taskset", "-c", cpus] + argv, cwd=self.dir,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while True:
            try:
                if command(self.port, "PING") == b"+PONG\r\n":
                    break
            except OSError:
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                raise RuntimeError("%s did not start; see %s" % (name, self.dir))
            time.sleep(0.05)

    def status(self, field):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
        raise KeyError(field)

    def rss(self):
        return self.status("VmRSS")

    def reset_peak(self):
        with open("/proc/%d/clear_refs" % self.proc.pid, "w") as f:
            f.write("5")

    def peak(self):
        return self.status("VmHWM")

    def settle(self, quiet=1.5, limit=30.0):
        """Waits until RSS has not grown for `quiet` seconds (or `limit` passed)."""
        last, since, start = self.rss(), time.time(), time.time()
        while time.time() - since < quiet and time.time() - start < limit:
            time.sleep(0.1)
            now = self.rss()
            if now > last:
                last, since = now, time.time()
        return last

    def fall(self, target, limit=40.0):
        """Polls RSS until it is at most `target` or stops falling for 12 s; the last RSS."""
        start = time.time()
        low, since = self.rss(), time.time()
        while time.time() - start < limit:
            time.sleep(0.25)
            now = self.rss()
            if now <= target:
                return now
            if now < low - MB:
                low, since = now, time.time()
            elif time.time() - since > 12:
                break
        return self.rss()

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def mb(n):
    return "%7.1f MB" % (n / MB)


def greedy(server, clients, gets, key="big"):
    value = b"x" * MB
    command(server.port, "SET", key, value)
    time.sleep(0.5)
    before = server.settle(quiet=0.5)
    server.reset_peak()
    socks = []
    for _ in range(clients):
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(b"".join(encode("GET", key) for _ in range(gets)))
        socks.append(s)
    held = server.settle()
    peak = server.peak()
    responsive = command(server.port, "PING") == b"+PONG\r\n"
    for s in socks:
        s.close()
    after = server.fall(before + 2 * MB)
    print("%-12s %3d client(s) x %3d GET %s of 1 MB unread: before %s  peak %s  held %s  "
          "after leaving %s  (peak-before %s = %.2fx the replies; PING answered: %s)"
          % (server.name, clients, gets, key, mb(before), mb(peak), mb(held), mb(after),
             mb(peak - before), (peak - before) / (clients * gets * MB), responsive),
          flush=True)


def churn(server, policy, maxmemory_mb, requests):
    port = server.port
    command(port, "CONFIG", "SET", "maxmemory-policy", policy)
    command(port, "CONFIG", "SET", "maxmemory", "%dmb" % maxmemory_mb)
    server.reset_peak()
    subprocess.run(["taskset", "-c", "0", "redis-benchmark", "-p", str(port), "-q", "-t", "set",
                    "-d", "1000", "-r", "1000000", "-n", str(requests)],
                   stdout=subprocess.DEVNULL, check=True)
    limit = maxmemory_mb * MB
    used = info_field(port, "used_memory")
    rss = server.rss()
    print("%-12s churn %-14s maxmemory %d MB, %d SETs of 1000 B: RSS/maxmemory %.2f  "
          "used_memory/maxmemory %.2f  peak RSS/maxmemory %.2f"
          % (server.name, policy, maxmemory_mb, requests, rss / limit, used / limit,
             server.peak() / limit), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shardis", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "shardis"))
    p.add_argument("--only", choices=["pipeline", "clients", "churn"], action="append")
    p.add_argument("--requests", type=int, default=250000)
    args = p.parse_args()
    only = args.only or ["pipeline", "clients", "churn"]
    base = ["--port", "{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", "{dir}"]
    servers = [("redis", ["redis-server"] + base, "1"),
               ("shardis", [args.shardis] + base + ["--shards", "1"], "1"),
               ("shardis-2sh", [args.shardis] + base + ["--shards", "2"], "0,1")]
    for name, argv, cpus in servers:
        for scenario in only:
            if scenario == "churn":
                for policy in ["allkeys-lru", "allkeys-random"]:
                    server = Server(name, argv, cpus)
                    try:
                        churn(server, policy, 50, args.requests)
                    finally:
                        server.stop()
                continue
            server = Server(name, argv, cpus)
            try:
                if scenario == "pipeline":
                    # With 2 shards, "a" and "b" live on different shards: one of the two
                    # runs is served by the other shard.
                    for key in (["a", "b"] if name.endswith("2sh") else ["big"]):
                        greedy(server, 1, 500, key)
                else:
                    greedy(server, 500, 1)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
