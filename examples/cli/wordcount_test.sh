#!/usr/bin/env bash
# The compiled wordcount prints what python3.11 prints for the same arguments and input.
set -euo pipefail
export KILN_CACHE_DIR="${TEST_TMPDIR:-$(mktemp -d)}/kiln-cache"
program="$1"
sample="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
source_dir="$(dirname "$sample")"
for arguments in "--top 3 $sample" "--ignore-case $sample" "-n 2"; do
  # shellcheck disable=SC2086
  expected=$(cd "$source_dir" && /usr/bin/python3.11 wordcount.py $arguments <"$sample" 2>&1; echo "exit $?")
  # shellcheck disable=SC2086
  actual=$("$program" $arguments <"$sample" 2>&1; echo "exit $?")
  if [[ "$expected" != "$actual" ]]; then
    echo "FAIL for '$arguments'"; diff <(echo "$expected") <(echo "$actual"); exit 1
  fi
done
expected=$(cd "$source_dir" && /usr/bin/python3.11 wordcount.py /no/such/file 2>&1; echo "exit $?")
actual=$("$program" /no/such/file 2>&1; echo "exit $?")
[[ "$expected" == "$actual" ]] || { echo "FAIL missing file: $actual vs $expected"; exit 1; }
echo PASS
