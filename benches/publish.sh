#!/usr/bin/env bash
# PUBLISH throughput with 1 and 100 subscribers, redis-server against shardis, side by side.
#
# Both servers are pinned to CPU 1 (shardis with one shard), the subscribers (redis-cli
# processes reading into /dev/null) and redis-benchmark to CPU 0, so the figures compare
# what one core does. Build first: `cargo build --release`. Usage, from the project root:
#
#     benches/publish.sh [requests]
#
# Prints one line per server and subscriber count: requests per second of
# `PUBLISH bench:chan <16 bytes>` from 50 clients, and the server's CPU seconds per million.
set -euo pipefail

requests=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
shardis="$root/target/release/shardis"
[ -x "$shardis" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() {
    local name=$1 subscribers=$2 port pid subs=() t0 t1 rps
    port=$(free_port)
    if [ "$name" = redis ]; then
        taskset -c 1 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
            --dir "$work" >/dev/null 2>&1 &
    else
        taskset -c 1 "$shardis" --port "$port" --bind 127.0.0.1 --shards 1 --save '' \
            --dir "$work" >/dev/null 2>&1 &
    fi
    pid=$!
    until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
    for _ in $(seq "$subscribers"); do
        taskset -c 0 redis-cli -p "$port" subscribe bench:chan >/dev/null 2>&1 &
        subs+=($!)
    done
    until [ "$(redis-cli -p "$port" pubsub numsub bench:chan | tail -1)" = "$subscribers" ]; do
        sleep 0.1
    done
    t0=$(cpu_ticks "$pid")
    rps=$(taskset -c 0 redis-benchmark -p "$port" -n "$requests" -c 50 --csv \
        PUBLISH bench:chan 0123456789abcdef | tail -1 | cut -d, -f2 | tr -d '"')
    t1=$(cpu_ticks "$pid")
    printf '%-8s subscribers=%-4s rps=%-10s cpu_s_per_mreq=%.2f\n' "$name" "$subscribers" "$rps" \
        "$(echo "($t1 - $t0) / $(getconf CLK_TCK) * 1000000 / $requests" | bc -l)"
    kill "${subs[@]}" 2>/dev/null || true
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

for subscribers in 1 100; do
    run redis "$subscribers"
    run shardis "$subscribers"
done
