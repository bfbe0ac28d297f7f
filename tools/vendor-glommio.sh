#!/usr/bin/env bash
# Rebuilds vendor/glommio from the released glommio 0.9.0 crate plus the patch series below, and
# runs glommio's own tests on the patched code.
#
#   tools/vendor-glommio.sh           replace vendor/glommio with release + patches
#   tools/vendor-glommio.sh --check   rebuild into a temporary directory; exit 1, with a list of
#                                     the differing files, if vendor/glommio is not exactly that
#   tools/vendor-glommio.sh --diff    print vendor/glommio's changes over release + patches as a
#                                     patch (a/ b/ paths): the way to write the next patch
#   tools/vendor-glommio.sh --test    run the glommio tests that cover the patched executor,
#                                     timer, channel and sleep paths (GLOMMIO_TESTS overrides)
#
# The crate comes from crates.io through cargo itself (a throwaway project depending on
# `glommio = "=0.9.0"`, `cargo fetch`), is checked against its crates.io checksum and unpacked
# with tar. Needs cargo, tar, sha256sum, diff and GNU patch; the network only for crates.io.
# The comparison covers every file (contents and the executable bit), `.cargo-ok`, the marker
# cargo writes when it unpacks a crate, included: nothing is left out.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/vendor"
version=0.9.0
# The `checksum` crates.io publishes for glommio 0.9.0 (what Cargo.lock records).
sha256=e1f8bc1fce949d18098dc0a4e861314e40351a0144ebf61e59bdb5254a2273b2
# Applied in this order with `patch -p1`; docs/decisions.md says what each one is for.
patches=(
  glommio-cheaper-passes.patch
  glommio-sleep-poller.patch
  glommio-one-wait-per-sleep.patch
)

# Unit tests of glommio (libtest filters, substrings of test paths) run by --test: the executor
# (task queues, preemption, parking, foreign wake-ups), timers and sleeps, the channels between
# executors, whose wake-ups go through the patched SleepNotifier, and the rings. Skipped: the
# tests of CPU shares that time CPU use and do not finish on a loaded two-core machine (shardis
# uses no shares). Not run: the file, network and placement tests (untouched by the patches,
# and dependent on the machine's file systems, sockets and CPU topology) and the channel mesh
# and sharding tests (shardis uses neither; test_peer_id_invariance hangs on two cores with
# the unpatched release too). docs/decisions.md has the counts and times.
default_tests=(
  executor::test::
  timer::timer_impl::test::
  channels::shared_channel::test::
  channels::local_channel::test::
  channels::spsc_queue::tests::
  sys::uring::tests::
  --skip executor::test::test_dynamic_shares
  --skip executor::test::test_shares_
)

mode=build
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  --diff) mode=diff ;;
  --test) mode=test ;;
  *)
    echo "usage: $0 [--check|--diff|--test]" >&2
    exit 2
    ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs glommio's tests on a copy of vendor/glommio under target/: cargo refuses to treat the
# vendored directory as a workspace of its own while it sits under ours, and building in place
# would leave a Cargo.lock and build output in the vendored tree. tools/glommio-tests.lock pins
# the dev-dependencies, so the run is the same on every machine.
run_tests() {
  local dir="$root/target/glommio-tests"
  mkdir -p "$dir"
  rm -rf "$dir/glommio"
  cp -a "$vendor/glommio" "$dir/glommio"
  printf '\n# Added by tools/vendor-glommio.sh --test: a workspace of its own.\n[workspace]\n' \
    >>"$dir/glommio/Cargo.toml"
  cp "$root/tools/glommio-tests.lock" "$dir/glommio/Cargo.lock"
  local filters=("${default_tests[@]}")
  if [ -n "${GLOMMIO_TESTS:-}" ]; then
    read -r -a filters <<<"$GLOMMIO_TESTS"
  fi
  # Debug build, as every test here; one test thread: many tests pin executors to CPUs and
  # time their sleeps, and the CI machine has two cores.
  cargo test --locked --manifest-path "$dir/glommio/Cargo.toml" --target-dir "$dir/target" \
    --lib -- --test-threads=1 "${filters[@]}"
}

if [ "$mode" = test ]; then
  run_tests
  exit 0
fi

command -v patch >/dev/null || {
  echo "$0: needs GNU patch (apt-get install patch)" >&2
  exit 1
}

# The released crate, through cargo: a throwaway project that depends on exactly this version.
mkdir -p "$work/fetch/src"
cat >"$work/fetch/Cargo.toml" <<EOF
[package]
name = "glommio-fetch"
version = "0.0.0"
edition = "2021"

[dependencies]
glommio = "=$version"

[workspace]
EOF
echo 'fn main() {}' >"$work/fetch/src/main.rs"
(cd "$work/fetch" && cargo fetch --quiet)
crate=""
for f in "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/glommio-$version.crate; do
  [ -f "$f" ] && crate="$f" && break
done
if [ -z "$crate" ]; then
  echo "$0: cargo fetch left no glommio-$version.crate in the registry cache" >&2
  exit 1
fi
echo "$sha256  $crate" | sha256sum --check --quiet

# Unpack as cargo does (cargo also writes `.cargo-ok`), then apply the series.
tar -xzf "$crate" -C "$work" --no-same-owner
new="$work/glommio-$version"
printf '{"v":1}' >"$new/.cargo-ok"
for p in "${patches[@]}"; do
  if ! patch -d "$new" -p1 --quiet --fuzz=0 --no-backup-if-mismatch --forward <"$vendor/$p"; then
    echo "$0: $p does not apply" >&2
    exit 1
  fi
done

# Prints the differences between the rebuilt tree and vendor/glommio: files whose contents
# differ, files only in one of them, and executable bits that differ.
compare() {
  local status=0
  diff -rq "$new" "$vendor/glommio" || status=1
  diff <(cd "$new" && find . -type f -perm -u+x | sort) \
    <(cd "$vendor/glommio" && find . -type f -perm -u+x | sort) \
    --label "executable in release + patches" --label "executable in vendor/glommio" ||
    status=1
  return $status
}

case "$mode" in
  build)
    rm -rf "$vendor/glommio"
    cp -a "$new" "$vendor/glommio"
    echo "vendor/glommio: glommio $version + ${patches[*]}"
    ;;
  check)
    if ! summary="$(compare 2>&1)"; then
      echo "$summary"
      echo "vendor/glommio differs from glommio $version + ${patches[*]}" >&2
      echo "(tools/vendor-glommio.sh --diff prints the difference as a patch)" >&2
      exit 1
    fi
    echo "vendor/glommio is glommio $version + ${patches[*]}"
    ;;
  diff)
    mkdir -p "$work/cmp"
    cp -a "$new" "$work/cmp/a"
    cp -a "$vendor/glommio" "$work/cmp/b"
    # Paths as a/... b/..., no time stamps: a patch for `patch -p1`.
    (cd "$work/cmp" && diff -ruN a b) | sed -E 's/^((---|\+\+\+) [^\t]*)\t.*$/\1/' || true
    ;;
esac
