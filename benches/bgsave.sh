#!/usr/bin/env bash
# BGSAVE under load, side by side: redis-server and shardis on the same machine.
#
#   cargo build --release && benches/bgsave.sh [KEYS] [REQUESTS]
#
# For each server (fresh, in its own temp dir, pinned to CPU 1; the client on CPU 0):
#   1. load KEYS keys (SET key:N, 32-byte values) with redis-benchmark;
#   2. time SAVE, then a restart that loads the file (until PING answers PONG);
#   3. a SET/GET load (50 clients, random keys among KEYS) with no save running: rps, p99;
#   4. the same load with a BGSAVE started as it begins (and again whenever one ends):
#      rps, p99, how many BGSAVEs ran, and the peak of the server's memory above what it
#      used before (sum of PSS over the server and its children, so redis's fork shows
#      its copy-on-write cost and shardis its preserved old values and queued frames).
# Prints one line per figure; compare the two servers' lines. Timings belong here, never in
# tests.
set -euo pipefail
KEYS=${1:-1000000}
REQUESTS=${2:-2000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARDIS=$ROOT/target/release/shardis
[ -x "$SHARDIS" ] || { echo "build first: cargo build --release" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pss_kb() { # sum of PSS of $1 and its children
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do
    local v
    v=$(awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo $total
}

wait_pong() {
  local port=$1
  for _ in $(seq 1 6000); do
    [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.01
  done
  return 1
}

run_one() {
  local name=$1 cmd=$2
  local dir port pid
  dir=$(mktemp -d)
  port=$(free_port)
  local start=${cmd//\{port\}/$port}
  start=${start//\{dir\}/$dir}
  (cd "$dir" && exec bash -c "exec taskset -c 1 $start" >"$dir/log" 2>&1) &
  pid=$!
  wait_pong "$port"
  taskset -c 0 redis-benchmark -p "$port" -t set -n "$KEYS" -r "$KEYS" -d 32 -P 64 -q >/dev/null
  echo "$name keys $(redis-cli -p "$port" dbsize)"
  local t0 t1
  t0=$(date +%s.%N); redis-cli -p "$port" save >/dev/null; t1=$(date +%s.%N)
  echo "$name save_seconds $(echo "$t1 - $t0" | bc)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  t0=$(date +%s.%N)
  (cd "$dir" && exec bash -c "exec taskset -c 1 $start" >>"$dir/log" 2>&1) &
  pid=$!
  wait_pong "$port"; t1=$(date +%s.%N)
  echo "$name load_seconds $(echo "$t1 - $t0" | bc) keys $(redis-cli -p "$port" dbsize)"

  local csv
  csv=$(taskset -c 0 redis-benchmark -p "$port" -t set,get -n "$REQUESTS" -r "$KEYS" -d 32 -c 50 --csv)
  echo "$csv" | awk -F'"' -v n="$name" '/^"(SET|GET)"/{print n, "idle", $2, "rps", $4, "p99_ms", $14}'

  local before peak=0 saves=0
  before=$(pss_kb "$pid")
  taskset -c 0 redis-benchmark -p "$port" -t set,get -n "$REQUESTS" -r "$KEYS" -d 32 -c 50 --csv >"$dir/bench.csv" &
  local bench=$!
  while kill -0 "$bench" 2>/dev/null; do
    if redis-cli -p "$port" info persistence | grep -q 'rdb_bgsave_in_progress:0'; then
      redis-cli -p "$port" bgsave >/dev/null 2>&1 && saves=$((saves + 1))
    fi
    local now
    now=$(pss_kb "$pid")
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.05
  done
  wait "$bench" || true
  awk -F'"' -v n="$name" '/^"(SET|GET)"/{print n, "bgsave", $2, "rps", $4, "p99_ms", $14}' "$dir/bench.csv"
  echo "$name bgsaves_during_load $saves"
  echo "$name memory_before_kb $before peak_growth_kb $((peak - before))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}

run_one redis "redis-server --port {port} --bind 127.0.0.1 --save '' --appendonly no --dir {dir}"
run_one shardis "$SHARDIS --port {port} --bind 127.0.0.1 --save '' --dir {dir}"
