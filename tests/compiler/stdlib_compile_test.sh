#!/usr/bin/env bash
# kilnc compiles every .py file of the installed CPython 3.11 tree (stdlib and its test
# suite) without an internal error: no crash, no hang, no "internal error" (the Kiln IR
# verifier's, among others). Files that are not valid Python get their SyntaxError
# (exit status 1, one file:line:col message), which is fine.
set -uo pipefail
kilnc="$1"
root="${2:-/usr/lib/python3.11}"
work="${TEST_TMPDIR:-$(mktemp -d)}"
files=0
rejected=0
failed=0
while IFS= read -r -d '' source; do
  files=$((files + 1))
  output="$(timeout 60 "$kilnc" compile --verify_ir --module m "$source" -o "$work/out.cc" 2>&1)"
  status=$?
  if [[ $status == 1 ]] && ! grep -q "internal error" <<<"$output"; then
    rejected=$((rejected + 1))
  elif [[ $status != 0 ]] || grep -q "internal error" <<<"$output"; then
    failed=$((failed + 1))
    echo "FAIL (exit $status): $source"
    head -3 <<<"$output"
  fi
done < <(find "$root" -name '*.py' -not -path '*/site-packages/*' -print0 | sort -z)
echo "$files files: $((files - rejected - failed)) compiled, $rejected rejected with a SyntaxError, $failed failed"
[[ $files -gt 1000 ]] || { echo "FAIL: expected the CPython 3.11 tree at $root"; exit 1; }
[[ $failed == 0 ]]
