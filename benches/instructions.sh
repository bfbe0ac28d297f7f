#!/usr/bin/env bash
# Instructions executed per request by one or more shardis binaries, counted by valgrind's
# callgrind: unlike wall or CPU time, the count does not move with what else the machine is
# doing, so two builds can be compared on a busy machine. Each binary runs one shard (SHARDS=n
# for more: valgrind runs their threads one at a time, the count includes the hops) under
# callgrind while redis-benchmark sends the same requests (no pipelining, then -P 16).
#
#   benches/instructions.sh NAME=BINARY [NAME=BINARY ...]
#
# Prints one line per binary: total instructions and instructions per request. Needs valgrind
# and redis-benchmark. Startup and shutdown are included in the total (the same for both).
set -euo pipefail
requests=${REQUESTS:-20000}
tests=${TESTS:-set,get,incr,lpush,lpop,sadd,hset,zadd}
shards=${SHARDS:-1}
for spec in "$@"; do
  name=${spec%%=*}
  bin=${spec#*=}
  port=$((20000 + RANDOM % 20000))
  dir=$(mktemp -d)
  out="$dir/callgrind.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" --port "$port" \
    --bind 127.0.0.1 --save '' --dir "$dir" --shards "$shards" >"$dir/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  redis-benchmark -p "$port" -q -n "$requests" -c 10 -t "$tests" >/dev/null
  redis-benchmark -p "$port" -q -n "$requests" -c 10 -P 16 -t "$tests" >/dev/null
  redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  wait "$pid" || true
  total=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
  ntests=$(echo "$tests" | tr ',' '\n' | wc -l)
  per=$((total / (2 * requests * ntests)))
  echo "$name instructions=$total per_request=$per"
  rm -rf "$dir"
done
