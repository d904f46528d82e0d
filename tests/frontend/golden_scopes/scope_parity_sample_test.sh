#!/usr/bin/env bash
# Scope parity on a fixed sample: scope_parity.py with /usr/bin/python3.11's symtable as
# the reference, over N .py files spread evenly over the sorted CPython 3.11 library
# trees present on this machine. The full corpus (README, "Front end"):
#   /usr/bin/python3.11 tests/frontend/scope_parity.py
# Usage: scope_parity_sample_test.sh KILNC SCOPE_PARITY_PY [N]
set -euo pipefail
kilnc="$1"
script="$2"
count="${3:-300}"
python=/usr/bin/python3.11
[[ -x "$python" ]] || { echo "FAIL: $python is missing (the reference interpreter)"; exit 1; }
work="${TEST_TMPDIR:-$(mktemp -d)}"
exec "$python" "$script" --kilnc "$kilnc" --sample "$count" --cache "$work/scope_parity" \
  --jobs 1 --show 50
