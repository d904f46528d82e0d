#!/usr/bin/env bash
# Kiln's own IR and C++ for the small programs here, compared with the goldens beside
# them (NAME.kir: `kilnc dump-ir`; NAME.cc: `kilnc compile`). The goldens are written by
# kilnc (tests/codegen/update.sh) and reviewed as diffs: they catch unintended changes
# of what the compiler emits; python3.11 judges correctness in tests/compat.
#
#   golden_test.sh KILNC NAME.py...
set -euo pipefail
kilnc="$1"
shift
work="${TEST_TMPDIR:-$(mktemp -d)}"
failed=0
for source in "$@"; do
  name="$(basename "$source" .py)"
  dir="$(dirname "$source")"
  "$kilnc" dump-ir "$source" >"$work/$name.kir"
  "$kilnc" compile --module "tests.codegen.$name" --filename "tests/codegen/$name.py" "$source" \
    -o "$work/$name.cc"
  for kind in kir cc; do
    if ! diff -u "$dir/$name.$kind" "$work/$name.$kind" >"$work/$name.$kind.diff"; then
      echo "FAIL: $name.$kind differs from the golden (tests/codegen/update.sh rewrites it):"
      head -60 "$work/$name.$kind.diff"
      failed=1
    fi
  done
done
[[ "$failed" == 0 ]] || exit 1
echo "PASS: $# programs, IR and C++ as in their goldens"
