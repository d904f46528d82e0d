#!/usr/bin/env bash
# One CPython test module, compiled by Kiln, against /usr/bin/python3.11 on the same
# module (see run_cpython_test.py and compare_results.py).
#   run_and_compare.sh PROGRAM MODULE DRIVER_PY COMPARE_PY SKIPS
set -uo pipefail
program="$(realpath "$1")"; module="$2"; driver="$(realpath "$3")"; compare="$(realpath "$4")"
skips="$(realpath "$5")"
work="${TEST_TMPDIR:-$(mktemp -d)}"
export KILN_CACHE_DIR="$work/kiln-cache"
mkdir -p "$work/reference" "$work/kiln"
# A compiled module's __file__ is its workspace-relative path (test/test_x.py): the data
# files the tests open beside it are found from the Kiln program's working directory.
ln -sfn "/usr/lib/python3.11/test" "$work/kiln/test"
echo "=== python3.11" >&2
(cd "$work/reference" && /usr/bin/python3.11 "$driver" "$module" "$work/reference.txt") \
  >"$work/reference.log" 2>&1
reference_status=$?
tail -n 3 "$work/reference.log" >&2
echo "=== Kiln" >&2
(cd "$work/kiln" && "$program" "$module" "$work/kiln.txt" "$skips") 2>&1
kiln_status=$?
if [[ ! -s "$work/reference.txt" ]]; then
  echo "python3.11 wrote no results (exit $reference_status):" >&2
  tail -n 30 "$work/reference.log" >&2
  exit 1
fi
if [[ ! -f "$work/kiln.txt" ]]; then
  echo "the Kiln program wrote no results (exit $kiln_status)" >&2
  exit 1
fi
/usr/bin/python3.11 "$compare" "$module" "$work/reference.txt" "$work/kiln.txt" || exit 1
if ((kiln_status != 0)); then
  echo "the Kiln program exited with status $kiln_status" >&2
  exit 1
fi
