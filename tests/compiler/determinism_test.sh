#!/usr/bin/env bash
# kilnc compile is deterministic: two runs on the same input give identical bytes, the
# output does not name the absolute source path, and a copy of the source at another
# absolute path gives the same output (given the same --filename).
set -euo pipefail
kilnc="$1"
source="$2"
work="${TEST_TMPDIR:-$(mktemp -d)}"
absolute="$(cd "$(dirname "$source")" && pwd)/$(basename "$source")"
mkdir -p "$work/elsewhere/deeper"
cp "$source" "$work/elsewhere/deeper/program.py"
"$kilnc" compile --module app.program --filename app/program.py "$absolute" -o "$work/first.cc"
"$kilnc" compile --module app.program --filename app/program.py "$absolute" -o "$work/second.cc"
"$kilnc" compile --module app.program --filename app/program.py "$work/elsewhere/deeper/program.py" -o "$work/third.cc"
cmp "$work/first.cc" "$work/second.cc" || { echo "FAIL: two runs differ"; exit 1; }
cmp "$work/first.cc" "$work/third.cc" || { echo "FAIL: output depends on the source location"; exit 1; }
if grep -qF "$absolute" "$work/first.cc" || grep -qF "$work" "$work/third.cc"; then
  echo "FAIL: the output contains an absolute source path"; exit 1
fi
[[ -s "$work/first.cc" ]] || { echo "FAIL: empty output"; exit 1; }
echo "PASS ($(wc -c <"$work/first.cc") bytes, sha256 $(sha256sum <"$work/first.cc" | cut -c1-16))"
