#!/usr/bin/env bash
# The hello example prints its greeting, with and without an argument.
set -euo pipefail
out=$("$1")
[[ "$out" == "Hello, world! (Python 3.11)" ]] || { echo "FAIL: got '$out'" >&2; exit 1; }
out=$("$1" Kiln)
[[ "$out" == "Hello, Kiln! (Python 3.11)" ]] || { echo "FAIL: got '$out'" >&2; exit 1; }
echo PASS
