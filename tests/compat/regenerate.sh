#!/usr/bin/env bash
# Regenerates tests/compat/golden/ from /usr/bin/python3.11, the reference.
#
#   tests/compat/regenerate.sh            # every program
#   tests/compat/regenerate.sh NAME...    # some (NAME as in compat_test)
#
# Each program runs from the workspace root as `python3.11 tests/compat/NAME.py` (or
# tests/compat/NAME/main.py for multi-module programs), stdin from /dev/null. python3.11
# prints absolute paths in tracebacks; the workspace root prefix is removed from stdout
# and stderr so that the golden files name tests/compat/... as Kiln programs do.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python=/usr/bin/python3.11
shopt -s nullglob
names=("$@")
if ((${#names[@]} == 0)); then
  for file in tests/compat/*.py; do names+=("$(basename "$file" .py)"); done
  for file in tests/compat/*/main.py; do names+=("$(basename "$(dirname "$file")")"); done
fi
for name in "${names[@]}"; do
  if [[ -f "tests/compat/$name.py" ]]; then
    script="tests/compat/$name.py"
  else
    script="tests/compat/$name/main.py"
  fi
  set +e
  "$python" "$script" </dev/null >"/tmp/kiln-regen.stdout" 2>"/tmp/kiln-regen.stderr"
  status=$?
  set -e
  sed "s#$root/##g" /tmp/kiln-regen.stdout >"tests/compat/golden/$name.stdout"
  sed "s#$root/##g" /tmp/kiln-regen.stderr >"tests/compat/golden/$name.stderr"
  echo "$status" >"tests/compat/golden/$name.exit"
done
echo "regenerated ${#names[@]} golden sets"
