#!/usr/bin/env bash
# The packed hello example prints its greeting, with and without an argument, on a first
# run (empty cache) and a warm one. The cache is private to the test.
set -euo pipefail
export KILN_CACHE_DIR="${TEST_TMPDIR:-$(mktemp -d)}/kiln-cache"
out=$("$1")
[[ "$out" == "Hello, world! (Python 3.11)" ]] || { echo "FAIL: got '$out'" >&2; exit 1; }
out=$("$1" Kiln)
[[ "$out" == "Hello, Kiln! (Python 3.11)" ]] || { echo "FAIL: got '$out'" >&2; exit 1; }
echo PASS
