#!/usr/bin/env bash
# The compiled inventory report equals python3.11's for the same program.
set -euo pipefail
export KILN_CACHE_DIR="${TEST_TMPDIR:-$(mktemp -d)}/kiln-cache"
expected=$(/usr/bin/python3.11 "$2")
actual=$("$1")
if [[ "$expected" != "$actual" ]]; then
  diff <(echo "$expected") <(echo "$actual"); exit 1
fi
echo PASS
