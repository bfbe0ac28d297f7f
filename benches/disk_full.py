#!/usr/bin/env python3
"""The disk-full sequence, side by side: redis-server and shardis with `appendonly yes` on a
small tmpfs that fills up.

For each server: a tmpfs of 64 MB is mounted, 44 MB of it taken by a filler file, the server
started there (appendfsync everysec, no save points, no automatic rewrite), and one client
writes 1 KB values until a write is refused or gets no reply within 2 s. Then it reports the
writes acknowledged, the first error reply, whether reads are served during the error, frees
the filler, waits for the server to take writes again (and for Redis's recovery line in the
log), writes 200 more, kills the server with SIGKILL, restarts it on the same files, and
counts how many acknowledged writes survived.

Needs root (mount) and redis-server on PATH. Run from the project root after a build:

    sudo python3 benches/disk_full.py [--shardis target/release/shardis] [--shards 2]
"""

import argparse
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time

VALUE = b"v" * 1024


def encode(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class Conn:
    """A raw RESP connection reading one reply at a time."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def reply(self, timeout=5.0):
        """One reply's raw bytes, or None when none arrives within `timeout`."""
        self.sock.settimeout(timeout)
        while True:
            n = frame_len(self.buf)
            if n is not None:
                r, self.buf = self.buf[:n], self.buf[n:]
                return r
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not data:
                raise ConnectionError("closed")
            self.buf += data

    def cmd(self, *args, timeout=5.0):
        self.sock.sendall(encode(*args))
        return self.reply(timeout)


def frame_len(buf):
    """Length of the complete reply at the start of `buf` (simple types and bulks only)."""
    end = buf.find(b"\r\n")
    if end < 0:
        return None
    if buf[:1] == b"$":
        n = int(buf[1:end])
        if n < 0:
            return end + 2
        total = end + 2 + n + 2
        return total if len(buf) >= total else None
    return end + 2


def wait_ping(port, limit=30):
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            c = Conn(port)
            r = c.cmd("PING", timeout=1)
            if r == b"+PONG\r\n":
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start(argv, port, dirname, log):
    args = argv + ["--port", str(port), "--bind", "127.0.0.1", "--dir", dirname,
                   "--save", "", "--appendonly", "yes", "--appendfsync", "everysec",
                   "--auto-aof-rewrite-percentage", "0"]
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=dirname)
    if not wait_ping(port):
        raise RuntimeError("server did not start: %s" % " ".join(args))
    return proc


def run(name, argv):
    base = tempfile.mkdtemp(prefix="disk-full-")
    mnt = os.path.join(base, "disk")
    os.mkdir(mnt)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt], check=True)
    try:
        with open(os.path.join(mnt, "filler"), "wb") as f:
            f.write(b"\0" * (44 << 20))
        logpath = os.path.join(base, "server.log")
        port = free_port()
        with open(logpath, "ab") as log:
            proc = start(argv, port, mnt, log)
        writer = Conn(port)
        acked, first_error, held = [], None, None
        i = 0
        while True:
            r = writer.cmd("SET", "key:%d" % i, VALUE, timeout=2.0)
            if r is None:
                held = i
                break
            if r != b"+OK\r\n":
                first_error = r.decode().strip()
                break
            acked.append(i)
            i += 1
        probe = Conn(port)
        refused = probe.cmd("SET", "probe", "1").decode().strip()
        ping = probe.cmd("PING").decode().strip()
        sample = random.sample(acked, min(200, len(acked)))
        reads_ok = sum(1 for k in sample
                       if probe.cmd("GET", "key:%d" % k) == b"$1024\r\n" + VALUE + b"\r\n")
        os.remove(os.path.join(mnt, "filler"))
        freed = time.time()
        while probe.cmd("PING") != b"+PONG\r\n":
            time.sleep(0.02)
        recovered_after = time.time() - freed
        if held is not None:
            r = writer.reply(timeout=10)
            if r == b"+OK\r\n":
                acked.append(held)
        after = 0
        for j in range(200):
            if writer.cmd("SET", "key:%d" % (1_000_000 + j), VALUE) == b"+OK\r\n":
                acked.append(1_000_000 + j)
                after += 1
        proc.kill()
        proc.wait()
        with open(logpath) as f:
            logtext = f.read()
        recovery_line = "AOF write error looks solved, Redis can write again." in logtext
        port2 = free_port()
        with open(logpath, "ab") as log:
            proc = start(argv, port2, mnt, log)
        c = Conn(port2)
        survived = sum(1 for k in acked
                       if c.cmd("GET", "key:%d" % k) == b"$1024\r\n" + VALUE + b"\r\n")
        proc.kill()
        proc.wait()
        return {
            "server": name,
            "acked before the error": len(acked) - after - (1 if held is not None else 0),
            "first error reply": first_error or "(write %d held, no reply)" % held,
            "another client's SET": refused,
            "another client's PING": ping,
            "reads during the error": "%d/%d" % (reads_ok, len(sample)),
            "recovered after freeing (s)": "%.2f" % recovered_after,
            "recovery line logged": recovery_line,
            "held write answered": "+OK" if held is not None else "-",
            "writes after recovery": after,
            "acked in all": len(acked),
            "survived kill -9": survived,
        }
    finally:
        subprocess.run(["umount", "-l", mnt])
        shutil.rmtree(base, ignore_errors=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shardis", default="target/release/shardis")
    p.add_argument("--shards", type=int, default=2)
    a = p.parse_args()
    rows = [run("redis-server", ["redis-server"]),
            run("shardis", [os.path.abspath(a.shardis), "--shards", str(a.shards)])]
    for key in rows[0]:
        print("%-30s %-62s %s" % (key, rows[0][key], rows[1][key]))


if __name__ == "__main__":
    main()
