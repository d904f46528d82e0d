#!/usr/bin/env bash
# Packing is deterministic: the packer run twice on the same inputs, from different
# working and temporary directories and with the program copied elsewhere, writes
# byte-identical executables (and the standalone folder is identical too); a different
# compression level gives different bytes (the comparison can fail).
#   reproducible_test.sh PACK STUB PROGRAM STDLIB_ZIP PROBE_PY
set -euo pipefail
pack=$(realpath "$1"); stub=$(realpath "$2"); program=$(realpath "$3")
stdlib_zip=$(realpath "$4"); probe_py=$(realpath "$5")
toolchain=$(dirname "$stdlib_zip")
work=$(mktemp -d "${TEST_TMPDIR:-/tmp}/reproducible.XXXXXX")
extensions=$(ls "$toolchain"/lib-dynload/*.so | paste -sd, -)

pack_into() {  # directory, program, level, output flag
  mkdir -p "$1/tmp"
  (cd "$1" && TMPDIR="$1/tmp" "$pack" --name=probe --program="$2" --stub="$stub" \
    --stdlib_zip="$stdlib_zip" --stdlib_imports="$toolchain/stdlib_imports.txt" \
    --extensions="$extensions" --data="kiln/tests/launcher/probe.py=$probe_py" \
    --imports=json,decimal,collections,os,signal,time --strip=/usr/bin/strip \
    --compression_level="$3" "$4")
}

mkdir -p "$work/elsewhere"
cp "$program" "$work/elsewhere/program"
pack_into "$work/a" "$program" 9 "--output=$work/a/probe"
pack_into "$work/b" "$work/elsewhere/program" 9 "--output=$work/b/probe"
pack_into "$work/c" "$program" 3 "--output=$work/c/probe"
pack_into "$work/d" "$program" 9 "--standalone_dir=$work/d/probe.standalone"
pack_into "$work/e" "$work/elsewhere/program" 9 "--standalone_dir=$work/e/probe.standalone"

a=$(sha256sum <"$work/a/probe"); b=$(sha256sum <"$work/b/probe"); c=$(sha256sum <"$work/c/probe")
echo "level 9: $a"
echo "level 3:  $c"
[[ "$a" == "$b" ]] || { echo "FAIL: two packs differ" >&2; exit 1; }
[[ "$a" != "$c" ]] || { echo "FAIL: the compression level changed nothing" >&2; exit 1; }
diff -r "$work/d/probe.standalone" "$work/e/probe.standalone" || { echo "FAIL: folders differ" >&2; exit 1; }
[[ "$(cd "$work/d/probe.standalone" && find . -printf '%p %m\n' | sort)" == \
   "$(cd "$work/e/probe.standalone" && find . -printf '%p %m\n' | sort)" ]] || { echo "FAIL: modes differ" >&2; exit 1; }
# The standalone folder runs as it is.
out=$(unset RUNFILES_DIR RUNFILES_MANIFEST_FILE; "$work/d/probe.standalone/probe" exit 3; echo "status $?")
[[ "$out" == "status 3" ]] || { echo "FAIL: standalone folder: $out" >&2; exit 1; }
rm -rf "$work"
echo PASS
