#!/usr/bin/env bash
# Builds and uses @kiln from tests/rules/user_workspace, a separate workspace that has
# only the three WORKSPACE lines a user writes and no .bazelrc: Kiln's targets must carry
# every flag they need themselves. Run by .ci/run (a nested Bazel cannot run inside
# `bazel test`).
set -euo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cd "$(dirname "$0")/user_workspace"
bazel="${BAZEL:-bazel}"
if ! "$bazel" build @kiln//compiler:kilnc >"$log" 2>&1; then
  grep -v "linux-sandbox" "$log" | tail -40 >&2
  echo "FAIL: the user workspace could not build @kiln//compiler:kilnc" >&2
  exit 1
fi
version=$(bazel-bin/external/kiln/compiler/driver/kilnc --version)
[[ "$version" == kilnc\ * ]] || { echo "FAIL: kilnc --version printed '$version'" >&2; exit 1; }
echo "user workspace: built @kiln//compiler:kilnc ($version)"

# kiln_packed_binary used from another workspace: the packed hello runs.
if ! "$bazel" build @kiln//examples/hello >"$log" 2>&1; then
  grep -v "linux-sandbox" "$log" | tail -40 >&2
  echo "FAIL: the user workspace could not build @kiln//examples/hello" >&2
  exit 1
fi
cache=$(mktemp -d)
out=$(KILN_CACHE_DIR="$cache" bazel-bin/external/kiln/examples/hello/hello Kiln)
rm -rf "$cache"
[[ "$out" == "Hello, Kiln! (Python 3.11)" ]] || { echo "FAIL: packed hello printed '$out'" >&2; exit 1; }
echo "user workspace: built and ran the packed @kiln//examples/hello"
