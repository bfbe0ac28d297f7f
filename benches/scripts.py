#!/usr/bin/env python3
"""Scripts side by side: redis-benchmark sending EVALSHA to redis-server and to shardis.

    python3 benches/scripts.py /path/to/shardis [--requests N] [--rounds R]

Workloads (50 clients, no pipelining):
- get: EVALSHA of `return redis.call('GET', KEYS[1])` over 1000 keys;
- limiter: an INCR-based rate limiter (INCR, EXPIRE on the first hit) over 1000 keys;
- two-shards: shardis with 2 shards, a script incrementing two keys that live on different
  shards, against the same script on two keys of one shard (hash-tagged).

Servers are pinned to CPU 1 and the client to CPU 0 (one shard for shardis) for the first two,
as ../shared/bench does; the two-shard workload gives shardis both CPUs. Reports requests per
second and server CPU seconds per million requests (from /proc/<pid>/stat), median of rounds.
Standard library only; needs redis-server, redis-cli, redis-benchmark and taskset.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time

GET = "return redis.call('GET', KEYS[1])"
LIMITER = (
    "local n = redis.call('INCR', KEYS[1]) "
    "if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n"
)
PAIR = "redis.call('INCR', KEYS[1]) return redis.call('INCR', KEYS[2])"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def cli(port, *args):
    out = subprocess.run(
        ["redis-cli", "-p", str(port), *args], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def start(cmd, port, cpus):
    proc = subprocess.Popen(
        ["taskset", "-c", cpus, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            if cli(port, "PING") == "PONG":
                return proc
        except subprocess.CalledProcessError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"server did not start: {cmd}")


def bench(port, pid, requests, args):
    before = cpu_seconds(pid)
    out = subprocess.run(
        ["taskset", "-c", "0", "redis-benchmark", "-p", str(port), "-n", str(requests),
         "-c", "50", "-r", "1000", "-q", *args],
        capture_output=True, text=True, check=True,
    ).stdout
    cpu = cpu_seconds(pid) - before
    rps = float(out.split("requests per second")[0].split(":")[-1].strip().split()[-1])
    return rps, cpu / requests * 1e6


def run_server(name, cmd, port, cpus, work, requests, rounds):
    proc = start(cmd, port, cpus)
    try:
        results = {}
        for label, script, keys, extra in work:
            sha = cli(port, "SCRIPT", "LOAD", script)
            args = ["EVALSHA", sha, str(len(keys)), *keys, *extra]
            runs = [bench(port, proc.pid, requests, args) for _ in range(rounds)]
            rps = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            results[label] = (rps, cpu)
            print(f"{name:14} {label:22} rps={rps:10.0f} cpu_s_per_mreq={cpu:6.2f}", flush=True)
        return results
    finally:
        cli(port, "SHUTDOWN", "NOSAVE") if proc.poll() is None else None
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shardis")
    ap.add_argument("--requests", type=int, default=200000)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    work = [
        ("get", GET, ["key:__rand_int__"], []),
        ("limiter", LIMITER, ["rate:__rand_int__"], ["60"]),
    ]
    tmp = tempfile.mkdtemp()
    try:
        port = free_port()
        redis = run_server(
            "redis-server",
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", tmp],
            port, "1", work, a.requests, a.rounds,
        )
        port = free_port()
        shardis = run_server(
            "shardis",
            [a.shardis, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--dir", tmp, "--shards", "1"],
            port, "1", work, a.requests, a.rounds,
        )
        for label in redis:
            print(f"METRIC {label}_cpu_ratio shardis/redis="
                  f"{shardis[label][1] / redis[label][1]:.3f} "
                  f"rps_ratio={shardis[label][0] / redis[label][0]:.3f}")
        # Two shards: keys {a}.. and {b}.. land on different shards, {a}.. and {a}.. on one.
        pair_work = [
            ("one-shard pair", PAIR, ["{a}x:__rand_int__", "{a}y:__rand_int__"], []),
            ("two-shard pair", PAIR, ["{a}x:__rand_int__", "{b}y:__rand_int__"], []),
        ]
        port = free_port()
        pair = run_server(
            "shardis-2",
            [a.shardis, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--dir", tmp, "--shards", "2"],
            port, "0,1", pair_work, a.requests // 4, a.rounds,
        )
        one, two = pair["one-shard pair"], pair["two-shard pair"]
        print(f"METRIC two_shard_script_cost rps_ratio={two[0] / one[0]:.3f} "
              f"cpu_ratio={two[1] / one[1]:.3f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
