#!/usr/bin/env bash
# kilnc's driver: --version, --help listing subcommands, and a usage error for an
# unknown subcommand.
set -euo pipefail
kilnc="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }

version=$("$kilnc" --version)
[[ "$version" =~ ^kilnc\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "--version printed '$version'"
[[ "$("$kilnc" version)" == "$version" ]] || fail "'kilnc version' differs from --version"

help=$("$kilnc" --help 2>&1 || true)
grep -q "usage: kilnc SUBCOMMAND" <<<"$help" || fail "--help lacks the usage line: $help"
grep -q "^  version " <<<"$help" || fail "--help does not list subcommands: $help"

set +e
message=$("$kilnc" no-such-thing 2>&1)
status=$?
set -e
[[ $status -eq 2 ]] || fail "unknown subcommand exited $status, want 2"
grep -q "unknown subcommand 'no-such-thing'" <<<"$message" || fail "message was: $message"

set +e
"$kilnc" >/dev/null 2>&1
status=$?
set -e
[[ $status -eq 2 ]] || fail "no subcommand exited $status, want 2"
echo PASS
