#!/usr/bin/env bash
# Rewrites the goldens of tests/codegen (NAME.kir, NAME.cc) with what kilnc writes now.
# Review the diff (git diff tests/codegen) before committing it.
#
#   tests/codegen/update.sh [NAME...]
set -euo pipefail
cd "$(dirname "$0")/../.."
./bazelw build //compiler/driver:kilnc >/dev/null 2>&1 || ./bazelw build //compiler/driver:kilnc
kilnc="$(./bazelw info bazel-bin 2>/dev/null)/compiler/driver/kilnc"
names=("$@")
if [[ ${#names[@]} == 0 ]]; then
  for source in tests/codegen/*.py; do names+=("$(basename "$source" .py)"); done
fi
for name in "${names[@]}"; do
  "$kilnc" dump-ir "tests/codegen/$name.py" >"tests/codegen/$name.kir"
  "$kilnc" compile --module "tests.codegen.$name" --filename "tests/codegen/$name.py" \
    "tests/codegen/$name.py" -o "tests/codegen/$name.cc"
  echo "wrote tests/codegen/$name.kir and $name.cc"
done
