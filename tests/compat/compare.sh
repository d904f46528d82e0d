#!/usr/bin/env bash
# compare.sh PROGRAM GOLDEN_PREFIX: runs PROGRAM (stdin /dev/null, a private cache) and
# compares its stdout, stderr and exit status with GOLDEN_PREFIX.{stdout,stderr,exit}.
set -uo pipefail
program="$1"
golden="$2"
out="${TEST_TMPDIR:-$(mktemp -d)}"
export KILN_CACHE_DIR="$out/kiln-cache"
"$program" </dev/null >"$out/stdout" 2>"$out/stderr"
status=$?
failed=0
if ! diff -u "$golden.stdout" "$out/stdout" >"$out/stdout.diff"; then
  echo "stdout differs from python3.11's (- python3.11, + kiln):"; cat "$out/stdout.diff"; failed=1
fi
if ! diff -u "$golden.stderr" "$out/stderr" >"$out/stderr.diff"; then
  echo "stderr differs from python3.11's (- python3.11, + kiln):"; cat "$out/stderr.diff"; failed=1
fi
expected=$(cat "$golden.exit")
if [[ "$status" != "$expected" ]]; then
  echo "exit status $status, python3.11 exits $expected"; failed=1
fi
exit $failed
