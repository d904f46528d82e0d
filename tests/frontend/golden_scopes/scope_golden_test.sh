#!/usr/bin/env bash
# `kilnc dump-scopes` on every golden_scopes/NAME.py against NAME.py.expected, which
# ../regenerate_golden_scopes.py writes from /usr/bin/python3.11's symtable module:
#   OK ...                        the dump must be identical
#   OK COMPILE-ERROR L T: M       kilnc must reject the file at line L with message M
#   ERROR L O T / M               kilnc must reject the file at line L with message M
#   PARSE-ERROR ...               skipped (the parser's business)
# Usage: scope_golden_test.sh KILNC GOLDEN_FILE...   (the .py files; .expected beside them)
#   bash tests/frontend/golden_scopes/scope_golden_test.sh bazel-bin/compiler/driver/kilnc \
#       tests/frontend/golden_scopes/*.py
set -uo pipefail
kilnc="$1"
shift
work="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0
for source in "$@"; do
  [[ "$source" == *.py ]] || continue
  expected="$source.expected"
  name="$(basename "$source")"
  status="$(head -n 1 "$expected")"
  "$kilnc" dump-scopes "$source" >"$work/out" 2>"$work/err"
  code=$?
  # kilnc prints FILE:LINE:COLUMN: error: MESSAGE
  actual_error="$(sed -n '1s/^.*:\([0-9][0-9]*\):[0-9][0-9]*: error: \(.*\)$/\1 \2/p' "$work/err")"
  case "$status" in
    PARSE-ERROR*)
      continue
      ;;
    "OK COMPILE-ERROR "*)
      rest="${status#OK COMPILE-ERROR }"
      line="${rest%% *}"
      message="${rest#* }"
      message="${message#*: }"
      want="$line $message"
      ;;
    ERROR*)
      line="$(echo "$status" | cut -d' ' -f2)"
      want="$line $(sed -n 2p "$expected")"
      ;;
    OK)
      if [[ $code -eq 0 ]] && tail -n +2 "$expected" | cmp -s - "$work/out"; then
        passed=$((passed + 1))
      else
        failed=$((failed + 1))
        echo "FAIL $name: dump differs (exit $code)"
        tail -n +2 "$expected" | diff - "$work/out" | head -20
        head -3 "$work/err"
      fi
      continue
      ;;
    *)
      echo "FAIL $name: unknown status line: $status"
      failed=$((failed + 1))
      continue
      ;;
  esac
  if [[ $code -ne 0 && "$actual_error" == "$want" ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: expected error '$want', kilnc (exit $code): '$actual_error'"
    head -3 "$work/err"
  fi
done
echo "scope golden: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
