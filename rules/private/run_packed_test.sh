#!/usr/bin/env bash
# Runs a packed Kiln program as a test, with a cache private to the test.
program="$1"
shift
export KILN_CACHE_DIR="${TEST_TMPDIR:-$(mktemp -d)}/kiln-cache"
exec "$program" "$@"
