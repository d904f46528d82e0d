#!/usr/bin/env bash
# The launcher's behaviour, one case per sh_test (see BUILD.bazel):
#   launcher_test.sh CASE PACKED_PROBE PROBE_PY
# hidden     the packed probe runs where /usr/lib/python3.11, /root/.pyenv and libpython's
#            shared objects are hidden (unshare -m), cold and warm, printing exactly what
#            /usr/bin/python3.11 prints for probe.py
# damaged    truncated files, a flipped payload byte, a wrong format version: one line,
#            exit 125, nothing left in the cache
# parallel   eight first runs at once on an empty cache: all succeed, one entry, no debris
# readonly   a read-only cache root, or a full disk: runs from a temporary directory,
#            passes exit status and signals through, leaves nothing behind
# ownership  cache directories owned by another user or writable by others are refused
# stale      a cache entry failing its stamp is re-created
# process    exit status, death by signal, signals, stdin, sys.executable, sys.argv[0]
# libraries  ssl and sqlite3 work with the system's libssl, libcrypto and libsqlite3
#            hidden: the bundled copies in lib/ are used
# Every run uses a test-private cache (KILN_CACHE_DIR), never ~/.cache.
set -uo pipefail
case_name=$1
probe=$(realpath "$2")
script=$(realpath "$3")
python=/usr/bin/python3.11
# The packed program must find its data in its own payload, not in the test's runfiles.
unset RUNFILES_DIR RUNFILES_MANIFEST_FILE JAVA_RUNFILES
work=$(mktemp -d "${TEST_TMPDIR:-/tmp}/launcher.XXXXXX")
failures=0

fail() {
  echo "FAIL [$case_name]: $*" >&2
  failures=$((failures + 1))
}

check_equal() {  # what, expected, actual
  if [[ "$2" != "$3" ]]; then
    fail "$1"
    diff <(echo "$2") <(echo "$3") >&2
  fi
}

# Runs the program expecting the launcher to refuse: exit 125 and one line of stderr
# "<program>: <reason>" matching the pattern.
expect_refusal() {  # what, pattern, program, cache
  local status stderr_lines
  KILN_CACHE_DIR=$4 "$3" >"$work/out" 2>"$work/err"
  status=$?
  stderr_lines=$(wc -l <"$work/err")
  [[ $status -eq 125 ]] || fail "$1: exit status $status, wanted 125 ($(cat "$work/err"))"
  [[ $stderr_lines -eq 1 ]] || fail "$1: $stderr_lines lines on stderr: $(cat "$work/err")"
  grep -Eq "^$(basename "$3"): .*$2" "$work/err" || fail "$1: message '$(cat "$work/err")' lacks '$2'"
  [[ ! -s "$work/out" ]] || fail "$1: the program ran: $(cat "$work/out")"
}

entries() { find "$1" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }

expected=$("$python" "$script")
[[ -n "$expected" ]] || fail "python3.11 printed nothing"

case "$case_name" in
hidden)
  cache="$work/cache"
  output=$(unshare -m bash -c '
    set -e
    mount -t tmpfs -o ro,mode=0755 none /usr/lib/python3.11
    if [[ -d /root/.pyenv ]]; then mount -t tmpfs -o ro none /root/.pyenv; fi
    for library in /usr/lib/x86_64-linux-gnu/libpython3.11.so*; do
      mount --bind /dev/null "$library"
    done
    if /usr/bin/python3.11 -c "import json" 2>/dev/null; then
      echo "python3.11 still runs: the stdlib is not hidden" >&2
      exit 3
    fi
    KILN_CACHE_DIR="$1" "$2"
    echo "--- warm ---"
    KILN_CACHE_DIR="$1" "$2"
  ' hidden "$cache" "$probe" 2>"$work/err")
  status=$?
  [[ $status -eq 0 ]] || fail "hidden run exit status $status: $(cat "$work/err")"
  check_equal "cold run output" "$expected" "${output%%$'\n'--- warm ---*}"
  check_equal "warm run output" "$expected" "${output##*--- warm ---$'\n'}"
  grep -q "C decimal: True" <<<"$output" || fail "_decimal did not load from lib-dynload"
  ;;

libraries)
  expected_libraries=$("$python" "$script" libraries)
  output=$(unshare -m bash -c '
    set -e
    mount -t tmpfs -o ro none /usr/lib/python3.11
    for library in libssl.so.3 libcrypto.so.3 libsqlite3.so.0; do
      mount --bind /dev/null "/usr/lib/x86_64-linux-gnu/$library"
    done
    KILN_CACHE_DIR="$1" "$2" libraries
  ' libraries "$work/cache" "$probe" 2>"$work/err")
  status=$?
  [[ $status -eq 0 ]] || fail "exit status $status: $(cat "$work/err")"
  check_equal "ssl and sqlite3 output" "$expected_libraries" "$output"
  ls "$work"/cache/probe_libraries-*/lib/libssl.so.3 >/dev/null || fail "libssl.so.3 not bundled"
  ;;

damaged)
  size=$(stat -c %s "$probe")
  payload_size=$("$python" -c "import sys; d=open(sys.argv[1],'rb').read(); print(int.from_bytes(d[-128+48:-128+56],'little'))" "$probe")
  variant() {  # name, python expression over bytearray d -> writes $work/$name
    "$python" -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); $2; open(sys.argv[2],'wb').write(d)" "$probe" "$work/$1"
    chmod +x "$work/$1"
  }
  variant truncated1 "del d[-1:]"
  variant truncated4k "del d[-4096:]"
  variant truncated_half "del d[len(d)//2:]"
  variant extended "d += b'x'"
  variant flipped_payload "d[-128 - $payload_size // 2] ^= 0x40"
  variant flipped_payload_end "d[-129] ^= 1"
  variant flipped_hash "d[-128] ^= 1"
  variant flipped_index "d[-128 - $payload_size - 5] ^= 1"
  variant version2 "d[-128 + 76] = 2"
  for name in truncated1 truncated4k truncated_half extended; do
    expect_refusal "$name" "truncated or damaged" "$work/$name" "$work/cache-$name"
  done
  for name in flipped_payload flipped_payload_end flipped_hash flipped_index; do
    expect_refusal "$name" "payload is damaged" "$work/$name" "$work/cache-$name"
  done
  expect_refusal version2 "payload format version 2, but this launcher reads version 1" \
    "$work/version2" "$work/cache-version2"
  for name in truncated1 truncated4k truncated_half extended flipped_payload \
      flipped_payload_end flipped_hash flipped_index version2; do
    [[ $(entries "$work/cache-$name") -eq 0 ]] || fail "$name left files in its cache"
  done
  [[ $(stat -c %s "$probe") -eq $size ]] || fail "the original changed"
  ;;

parallel)
  cache="$work/cache"
  for i in 1 2 3 4 5 6 7 8; do
    (KILN_CACHE_DIR="$cache" "$probe" >"$work/out.$i" 2>"$work/err.$i"; echo $? >"$work/status.$i") &
  done
  wait
  for i in 1 2 3 4 5 6 7 8; do
    [[ $(cat "$work/status.$i") -eq 0 ]] || fail "run $i: exit $(cat "$work/status.$i"): $(cat "$work/err.$i")"
    check_equal "run $i output" "$expected" "$(cat "$work/out.$i")"
  done
  names=$(cd "$cache" && ls -A)
  [[ $(wc -l <<<"$names") -eq 1 && "$names" == probe-* ]] || fail "cache holds: $names"
  ;;

readonly)
  mkdir -p "$work/ro" "$work/tmp"
  unshare -m bash -c '
    set -u
    mount -t tmpfs -o ro,mode=0700 none "$1/ro" || exit 3
    for root in "$1/ro/kiln" "$1/ro"; do
      export KILN_CACHE_DIR=$root TMPDIR=$1/tmp
      "$2" >"$1/out.ro" 2>"$1/err.ro"; echo "results $?"
      "$2" exit 7; echo "exit $?"
      "$2" kill; echo "kill $?"
      "$2" sleep >"$1/sleep.out" 2>&1 &
      pid=$!
      for _ in $(seq 100); do grep -q ready "$1/sleep.out" 2>/dev/null && break; sleep 0.05; done
      kill -TERM $pid
      wait $pid; echo "sigterm $?"
      echo "leftover $(find "$1/tmp" -mindepth 1 | wc -l)"
      cat "$1/out.ro" >"$1/out.ro.$(basename "$root")"
    done
  ' readonly "$work" "$probe" >"$work/report" 2>"$work/report.err"
  expected_report="results 0
exit 7
kill 143
sigterm 143
leftover 0"
  check_equal "read-only cache statuses" "$expected_report
$expected_report" "$(cat "$work/report")"
  # A full disk: the cache is left without a half-made entry and the program still runs.
  mkdir -p "$work/full"
  full_output=$(unshare -m bash -c '
    mount -t tmpfs -o size=1m,mode=0700 none "$1/full" || exit 3
    KILN_CACHE_DIR=$1/full TMPDIR=$1/tmp "$2"; echo "status $?"
    echo "cache $(find "$1/full" -mindepth 1 | wc -l) tmp $(find "$1/tmp" -mindepth 1 | wc -l)"
  ' full "$work" "$probe" 2>"$work/full.err")
  check_equal "full disk" "$expected
status 0
cache 0 tmp 0" "$full_output"
  check_equal "read-only cache output" "$expected" "$(cat "$work/out.ro.kiln" 2>/dev/null)"
  check_equal "read-only cache output (existing root)" "$expected" "$(cat "$work/out.ro.ro" 2>/dev/null)"
  grep -q "not killed" "$work/sleep.out" && fail "SIGTERM was not forwarded"
  # bash itself reports the killed background job ("Terminated"); nothing else is expected.
  if grep -v "Terminated" "$work/report.err" | grep -q .; then
    fail "stderr: $(cat "$work/report.err")"
  fi
  ;;

ownership)
  cache="$work/cache"
  mkdir -m 0700 "$cache"
  chown nobody "$cache" || fail "cannot chown to nobody"
  expect_refusal "root owned by nobody" "refusing cache directory $cache: owned by uid [0-9]+, not by you" "$probe" "$cache"
  chown "$(id -u)" "$cache"
  chmod 0777 "$cache"
  expect_refusal "root mode 0777" "refusing cache directory $cache: writable by group or others \\(mode 0777\\)" "$probe" "$cache"
  chmod 0700 "$cache"
  KILN_CACHE_DIR="$cache" "$probe" >/dev/null || fail "a trusted cache does not work"
  entry=$(ls -d "$cache"/probe-*)
  chown nobody "$entry"
  expect_refusal "entry owned by nobody" "refusing cache directory $entry: owned by uid" "$probe" "$cache"
  chown "$(id -u)" "$entry"
  chmod 0777 "$entry"
  expect_refusal "entry mode 0777" "refusing cache directory $entry: writable by group or others" "$probe" "$cache"
  chmod 0700 "$entry"
  check_equal "trusted again" "$expected" "$(KILN_CACHE_DIR="$cache" "$probe")"
  ;;

stale)
  cache="$work/cache"
  KILN_CACHE_DIR="$cache" "$probe" >/dev/null || fail "first run"
  entry=$(ls -d "$cache"/probe-*)
  stamp=$(cat "$entry/.kiln-stamp")
  echo "kiln-stamp 1 damaged" >"$entry/.kiln-stamp"
  check_equal "after a damaged stamp" "$expected" "$(KILN_CACHE_DIR="$cache" "$probe")"
  check_equal "stamp re-created" "$stamp" "$(cat "$entry/.kiln-stamp")"
  rm "$entry/probe"
  check_equal "after a missing program" "$expected" "$(KILN_CACHE_DIR="$cache" "$probe")"
  truncate -s 1000 "$entry/probe"
  check_equal "after a truncated program" "$expected" "$(KILN_CACHE_DIR="$cache" "$probe")"
  [[ $(entries "$cache") -eq 1 ]] || fail "debris in the cache: $(ls -A "$cache")"
  # What crashed first runs left: removed by a later first run once an hour old.
  mkdir "$cache/.tmp-$(basename "$entry")-old" "$cache/.tmp-$(basename "$entry")-new"
  touch "$cache/.tmp-$(basename "$entry")-old/half-made"
  touch -d "2 hours ago" "$cache/.tmp-$(basename "$entry")-old"
  echo damaged >"$entry/.kiln-stamp"
  check_equal "after debris" "$expected" "$(KILN_CACHE_DIR="$cache" "$probe")"
  [[ ! -e "$cache/.tmp-$(basename "$entry")-old" ]] || fail "old debris was not removed"
  [[ -d "$cache/.tmp-$(basename "$entry")-new" ]] || fail "a fresh temporary directory was removed"
  ;;

process)
  export KILN_CACHE_DIR="$work/cache"
  "$probe" exit 7; status=$?
  [[ $status -eq 7 ]] || fail "exit 7 gave $status"
  "$probe" exit 0 || fail "exit 0 gave $?"
  "$probe" kill; status=$?
  [[ $status -eq 143 ]] || fail "death by SIGTERM gave $status"
  "$probe" sleep >"$work/sleep.out" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q ready "$work/sleep.out" 2>/dev/null && break; sleep 0.05; done
  kill -TERM $pid
  wait $pid; status=$?
  [[ $status -eq 143 ]] || fail "SIGTERM to the running program gave $status"
  check_equal "stdin" "HELLO KILN" "$(echo "hello kiln" | "$probe" stdin)"
  cd "$(dirname "$probe")"
  info=$(./"$(basename "$probe")" info)
  check_equal "sys.executable, sys.argv[0]" "executable $probe
argv0 ./$(basename "$probe")
leaked False" "$info"
  ;;

*)
  fail "unknown case"
  ;;
esac

rm -rf "$work" 2>/dev/null
if ((failures)); then exit 1; fi
echo "PASS [$case_name]"
