#!/usr/bin/env bash
# no_source_test.sh PROGRAM: PROGRAM is tests/compat/embedded_source.py built with
# embed_source = False and run without its .py file: its tracebacks name the file and
# line but show no source line, and inspect.getsource fails as for a missing file.
set -uo pipefail
out="${TEST_TMPDIR:-$(mktemp -d)}"
export KILN_CACHE_DIR="$out/kiln-cache"
cd "$out"
"$OLDPWD/$1" </dev/null >stdout 2>stderr
status=$?
fail() { echo "FAIL: $*"; echo "--- stdout"; cat stdout; echo "--- stderr"; cat stderr; exit 1; }
[[ $status == 1 ]] || fail "exit status $status, expected 1"
grep -q '^  File "tests/compat/embedded_source.py", line 20, in <module>$' stderr || fail "no traceback entry"
grep -q "OSError: could not get source code" stderr || fail "inspect.getsource did not fail"
grep -q "print(inspect.getsource" stderr && fail "a source line is shown"
[[ ! -s stdout ]] || fail "unexpected output"
echo PASS
