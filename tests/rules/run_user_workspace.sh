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

# A user's own program (three modules in a package) with py_native_binary; then the
# caching property: after editing one module, exactly that module's kilnc action reruns.
app=generated_app
rm -rf "$app"
mkdir -p "$app/shapes"
cat >"$app/BUILD.bazel" <<'BUILD'
load("@kiln//rules:defs.bzl", "py_native_binary", "py_native_library")

py_native_library(
    name = "shapes",
    srcs = glob(["shapes/*.py"]),
)

py_native_binary(
    name = "app",
    main = "main.py",
    deps = [":shapes"],
)
BUILD
cat >"$app/main.py" <<'PY'
from generated_app.shapes import area, names
print(names.describe(area.square(3)), names.describe(area.circle_ish(2)))
PY
printf '' >"$app/shapes/__init__.py"
cat >"$app/shapes/area.py" <<'PY'
def square(side):
    return side * side

def circle_ish(radius):
    return 3 * radius * radius
PY
cat >"$app/shapes/names.py" <<'PY'
def describe(value):
    return f"area={value}"
PY
if ! "$bazel" build "//$app:app" >"$log" 2>&1; then
  grep -v "linux-sandbox" "$log" | tail -40 >&2
  echo "FAIL: the user workspace could not build //$app:app" >&2
  exit 1
fi
cache=$(mktemp -d)
out=$(KILN_CACHE_DIR="$cache" "bazel-bin/$app/app")
[[ "$out" == "area=9 area=12" ]] || { echo "FAIL: //$app:app printed '$out'" >&2; exit 1; }
echo "user workspace: py_native_binary with a package builds and runs"

sed -i 's/area={value}/area: {value}/' "$app/shapes/names.py"
execution_log="$(mktemp)"
if ! "$bazel" build "//$app:app" --execution_log_json_file="$execution_log" >"$log" 2>&1; then
  grep -v "linux-sandbox" "$log" | tail -40 >&2
  echo "FAIL: rebuilding //$app:app failed" >&2
  exit 1
fi
compiled=$(/usr/bin/python3.11 - "$execution_log" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
decoder = json.JSONDecoder()
position, spawns = 0, []
while position < len(text):
    while position < len(text) and text[position].isspace():
        position += 1
    if position >= len(text):
        break
    spawn, position = decoder.raw_decode(text, position)
    spawns.append(spawn)
for spawn in spawns:
    if spawn.get("mnemonic") == "KilnCompile":
        # The source is the last argument (--filename names it too).
        print(spawn["commandArgs"][-1])
PY
)
rm -f "$execution_log"
if [[ "$compiled" != "$app/shapes/names.py" ]]; then
  echo "FAIL: after editing names.py, the kilnc actions that ran were: '${compiled:-none}'" >&2
  exit 1
fi
out=$(KILN_CACHE_DIR="$cache" "bazel-bin/$app/app")
rm -rf "$cache"
[[ "$out" == "area: 9 area: 12" ]] || { echo "FAIL: rebuilt //$app:app printed '$out'" >&2; exit 1; }
rm -rf "$app"
echo "user workspace: editing one module reran exactly its kilnc action ($compiled)"
