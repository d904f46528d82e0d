#!/usr/bin/env bash
# //tests/frontend:parser_fuzz_test: builds parser_fuzzer.cc (libFuzzer) with clang++-14,
# ASan and UBSan, then fuzzes the tokenizer, parser, ast dump, scope analysis and syntax
# checks for FUZZ_SECONDS on a seed corpus (golden/*.py and a few stdlib files). Fails on
# a crash, hang, leak or any sanitizer report; the input that failed is kept in
# $TEST_UNDECLARED_OUTPUTS_DIR (bazel-testlogs/tests/frontend/parser_fuzz_test/).
# Bazel's C++ toolchain here is gcc, which has no libFuzzer, hence this script.
#
# Usage (from the workspace root, or by Bazel from the runfiles root):
#   tests/frontend/parser_fuzz_test.sh [FUZZ_SECONDS]
set -euo pipefail

seconds="${1:-20}"
cxx="${KILN_FUZZ_CXX:-clang++-14}"
root="$PWD"
work="${TEST_TMPDIR:-$(mktemp -d)}/parser_fuzz"
outputs="${TEST_UNDECLARED_OUTPUTS_DIR:-$work}"

if ! command -v "$cxx" >/dev/null; then
  echo "FAIL: $cxx not found (./bazelw installs the Debian packages clang and libclang-rt-14-dev)"
  exit 1
fi

# The front end, compiled from source with the sanitizers.
sources=(
  compiler/parse/parser_expressions.cc
  compiler/parse/parser_statements.cc
  compiler/parse/parser_compound.cc
  compiler/parse/parser_strings.cc
  compiler/parse/parser_patterns.cc
  compiler/parse/parser_atoms.cc
  compiler/parse/parser.cc
  compiler/sema/scopes.cc
  compiler/sema/syntax_checks.cc
  compiler/sema/syntax_checks_expressions.cc
  compiler/sema/syntax_checks_folding.cc
  compiler/sema/syntax_checks_patterns.cc
  compiler/lex/tokenizer.cc
  tests/frontend/parser_fuzzer.cc
  compiler/lex/unicode.cc
  compiler/ast/dump.cc
  compiler/parse/literals.cc
  compiler/parse/unicode_names.cc
  compiler/ast/ast.cc
  compiler/ast/visit.cc
)
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
       -I"$root")

rm -rf "$work"
mkdir -p "$work/obj" "$work/seeds" "$work/corpus"
started=$SECONDS
# Two compilations at a time (CI machines have 2 cores); the largest files come first.
failed=0
running=()
for source in "${sources[@]}"; do
  "$cxx" "${flags[@]}" -c "$source" -o "$work/obj/${source//\//_}.o" &
  running+=($!)
  if ((${#running[@]} >= 2)); then
    wait "${running[0]}" || failed=1
    running=("${running[@]:1}")
  fi
done
for pid in "${running[@]}"; do wait "$pid" || failed=1; done
((failed == 0)) || { echo "FAIL: compiling the fuzzer"; exit 1; }
# Debian's static Abseil: the linker takes only the objects the front end needs.
"$cxx" "${flags[@]}" "$work"/obj/*.o \
  -Wl,--start-group /usr/lib/x86_64-linux-gnu/libabsl_*.a -Wl,--end-group \
  -o "$work/parser_fuzzer" || { echo "FAIL: linking the fuzzer"; exit 1; }
echo "built parser_fuzzer in $((SECONDS - started))s"

cp tests/frontend/golden/*.py "$work/seeds/"
for name in keyword.py string.py textwrap.py bisect.py colorsys.py ast.py; do
  [[ -f "/usr/lib/python3.11/$name" ]] && cp "/usr/lib/python3.11/$name" "$work/seeds/stdlib_$name"
done
echo "seeds: $(ls "$work/seeds" | wc -l) files"

status=0
"$work/parser_fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$outputs/" \
  "$work/corpus" "$work/seeds" >"$work/log" 2>&1 || status=$?
if [[ $status -ne 0 ]] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$work/log"; then
  grep -v '^"\|^#[0-9]' "$work/log" | tail -n 80
  echo "FAIL: the fuzzer found a problem (exit status $status); the input is in $outputs:"
  ls "$outputs" | grep -E '^(crash|leak|timeout|oom)-' || true
  exit 1
fi
grep -E '^Done|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$work/log"
echo "PASS"
