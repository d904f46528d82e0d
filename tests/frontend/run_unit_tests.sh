#!/bin/sh
# Builds and runs the front-end GoogleTest targets with plain g++ (the same
# tests Bazel runs as //compiler/{lex,ast,parse,diagnostics}:*_test and
# //tests/frontend:golden_test). Reuses the objects build_dev.sh made.
#   sh tests/frontend/build_dev.sh && sh tests/frontend/run_unit_tests.sh
set -e
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/kiln_frontend}
sh tests/frontend/build_dev.sh >/dev/null
OBJECTS=$(ls "$OUT"/compiler_*.o)
ABSL_LIBS="-labsl_str_format_internal -labsl_strings -labsl_strings_internal -labsl_status \
  -labsl_statusor -labsl_cord -labsl_cord_internal -labsl_cordz_info -labsl_cordz_handle \
  -labsl_cordz_functions -labsl_exponential_biased -labsl_synchronization -labsl_time \
  -labsl_time_zone -labsl_int128 -labsl_base -labsl_spinlock_wait -labsl_raw_logging_internal \
  -labsl_throw_delegate -labsl_stacktrace -labsl_symbolize -labsl_debugging_internal \
  -labsl_demangle_internal -labsl_malloc_internal -labsl_graphcycles_internal \
  -labsl_civil_time -labsl_log_severity -labsl_bad_optional_access -labsl_strerror"
status=0
for test in compiler/lex/tokenizer_test.cc compiler/ast/ast_test.cc \
            compiler/parse/parser_test.cc compiler/diagnostics/diagnostics_test.cc \
            tests/frontend/golden_test.cc; do
  binary="$OUT/$(basename "$test" .cc)"
  # shellcheck disable=SC2086
  g++ -std=c++17 -O1 -g -I. "$test" $OBJECTS -o "$binary" -lgtest_main -lgtest -pthread $ABSL_LIBS
  if KILN_GOLDEN_DIR=tests/frontend/golden "$binary" --gtest_brief=1; then
    echo "PASS $test"
  else
    echo "FAIL $test"
    status=1
  fi
done
exit $status
