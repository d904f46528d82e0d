#!/usr/bin/env bash
# Runs a test script under the reference interpreter: run_python3.11.sh SCRIPT ARGS...
set -euo pipefail
if [[ ! -x /usr/bin/python3.11 ]]; then
  echo "FAIL: /usr/bin/python3.11 is missing (./bazelw installs the python3.11 package)"
  exit 1
fi
exec /usr/bin/python3.11 "$@"
